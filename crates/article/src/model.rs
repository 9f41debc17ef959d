use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One article: what the reporter typed plus everything scoring and publishing need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Article {
    pub id: Uuid,
    pub title: String,
    /// Markdown in the dialect of [`crate::markdown`].
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub meta: Meta,
}

impl Article {
    /// A new, empty draft stamped with `now` (callers pass the clock so tests stay deterministic).
    pub fn new(title: impl Into<String>, body: impl Into<String>, now: DateTime<Utc>) -> Self {
        Article {
            id: Uuid::new_v4(),
            title: title.into(),
            body: body.into(),
            created_at: now,
            updated_at: now,
            meta: Meta::default(),
        }
    }

    /// The primary focus keyword, if the reporter set one.
    pub fn primary_keyword(&self) -> Option<&Keyword> {
        self.meta.keywords.first()
    }
}

/// Article metadata. Every field is optional so that a half-written draft is always valid.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Meta {
    pub seo_title: Option<String>,
    pub slug: Option<String>,
    pub description: Option<String>,
    /// Up to five focus keywords; the first is primary.
    pub keywords: Vec<Keyword>,
    pub lang: Option<Lang>,
    pub featured_image: Option<FeaturedImage>,
    /// The canonical URL, when it is not `{site_url}/{slug}`.
    pub url: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    /// A note for editors; kept locally and never exported to a CMS.
    pub editor_note: Option<String>,
    pub status: Status,
    pub embargo: Option<DateTime<Utc>>,
    pub publish_at: Option<DateTime<Utc>>,
    /// Scoring checks the newsroom switched off for this article, each with a reason.
    pub muted_checks: Vec<MutedCheck>,
    /// Front-matter keys Redaksi does not know, kept so that a round trip loses nothing.
    #[serde(skip_serializing_if = "serde_norway::Mapping::is_empty")]
    #[cfg_attr(feature = "ts", ts(optional, type = "Record<string, unknown>"))]
    pub extra: serde_norway::Mapping,
}

/// A focus keyword with the synonyms that also count as a match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Keyword {
    pub phrase: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<String>,
}

impl Keyword {
    pub fn new(phrase: impl Into<String>) -> Self {
        Keyword {
            phrase: phrase.into(),
            synonyms: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The language of a code or a locale: `en`, `EN`, ` id `, `en_US` and `id-ID` all name
    /// one (the part before `_` or `-` decides, as Rank Math reads a site's locale). Any other
    /// language is `None`: callers decide what that means (detect it, or a default).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['_', '-']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown language {0:?} (use id or en)")]
pub struct LangParseError(pub String);

impl FromStr for Lang {
    type Err = LangParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_tag(s).ok_or_else(|| LangParseError(s.to_owned()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FeaturedImage {
    pub src: String,
    #[serde(default)]
    pub alt: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MutedCheck {
    pub id: String,
    pub reason: String,
}

/// Where an article is in the newsroom workflow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "WorkflowStatus"))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Draft,
    InReview,
    Ready,
    Scheduled,
    Published,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::InReview,
        Status::Ready,
        Status::Scheduled,
        Status::Published,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in_review",
            Status::Ready => "ready",
            Status::Scheduled => "scheduled",
            Status::Published => "published",
        }
    }

    /// The workflow moves forward one step at a time, and anything may go back to draft.
    pub fn can_move_to(self, next: Status) -> bool {
        use Status::*;
        matches!(
            (self, next),
            (Draft, InReview)
                | (InReview, Ready)
                | (Ready, Scheduled)
                | (Ready, Published)
                | (Scheduled, Published)
                | (_, Draft)
        ) || self == next
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown status {0:?} (expected draft, in_review, ready, scheduled or published)")]
pub struct StatusParseError(pub String);

impl FromStr for Status {
    type Err = StatusParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|status| status.as_str() == s)
            .ok_or_else(|| StatusParseError(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_moves_forward_one_step_and_back_to_draft() {
        assert!(Status::Draft.can_move_to(Status::InReview));
        assert!(Status::Ready.can_move_to(Status::Scheduled));
        assert!(Status::Published.can_move_to(Status::Draft));
        assert!(!Status::Draft.can_move_to(Status::Published));
        assert!(!Status::InReview.can_move_to(Status::Scheduled));
    }

    #[test]
    fn a_language_is_read_from_a_code_or_a_locale() {
        for tag in ["en", "EN", " en ", "en_US", "en-GB"] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::En), "{tag:?}");
        }
        for tag in ["id", "Id", "id_ID", "id-ID\n"] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::Id), "{tag:?}");
        }
        for tag in ["ms", "", "ind", "english", "_en"] {
            assert_eq!(Lang::from_tag(tag), None, "{tag:?}");
        }
        let err = "fr".parse::<Lang>().unwrap_err();
        assert_eq!(err.to_string(), "unknown language \"fr\" (use id or en)");
    }

    #[test]
    fn status_parses_its_own_names_only() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>().unwrap(), status);
        }
        assert!("done".parse::<Status>().is_err());
    }
}
