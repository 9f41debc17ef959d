//! Scoring an article for the desk: which title and URL are scored, with which profile and
//! rules file. The app's live score and `redaksi score` both call [`score`], so they score the
//! same title: the one a search engine will show ([`displayed_title`]).

use std::sync::Arc;

use redaksi_article::{Article, Lang};
use redaksi_seo::newsroom::Newsroom;
use redaksi_seo::{AnalysisRequest, Band, Check, Profile, ProfileId, Report};
use serde::{Deserialize, Serialize};

use crate::error::{Code, Error, Result};

/// Site settings the score depends on: Rank Math scores the title WordPress will show, which is
/// the SEO title (or the title template) with its variables filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default)]
pub struct Site {
    /// The site's home URL; empty when unknown (then only a URL in the front matter is scored).
    pub url: String,
    pub name: String,
    /// WordPress's default is `%title% - %sitename%`; empty means the title alone.
    pub title_template: String,
}

/// The title a search engine will show: the SEO title if the reporter wrote one, else the
/// template, with `%title%` and `%sitename%` replaced either way.
pub fn displayed_title(article: &Article, site: &Site) -> String {
    shown_title(article.meta.seo_title.as_deref(), &article.title, site)
}

/// [`displayed_title`] for any title and SEO title (a post as a WordPress site stores it).
/// `%sep%` is Rank Math's separator variable; its default is `-`.
pub fn shown_title(seo_title: Option<&str>, title: &str, site: &Site) -> String {
    let custom = seo_title.filter(|t| !t.trim().is_empty());
    let template = match custom {
        Some(title) => title,
        None if site.title_template.trim().is_empty() => "%title%",
        None => &site.title_template,
    };
    template
        .replace("%title%", title.trim())
        .replace("%sitename%", site.name.trim())
        .replace("%sep%", "-")
        .trim()
        .to_owned()
}

/// The language the UI asks hints in: English for an `en` tag, else Indonesian.
pub fn ui_lang(code: &str) -> Lang {
    Lang::from_tag(code).unwrap_or(Lang::Id)
}

/// The profile named `name` (`newsroom`, `rankmath`).
pub fn profile_id(name: &str) -> Result<ProfileId> {
    name.parse().map_err(|err: redaksi_seo::UnknownProfile| {
        Error::new(Code::UnknownProfile, err.to_string())
    })
}

/// What [`score`] scored and what it concluded.
#[derive(Debug, Clone)]
pub struct Scored {
    pub report: Report,
    /// The title that was scored (see [`displayed_title`]).
    pub title: String,
}

/// Scores `article` with `profile`. `rules`: a newsroom's own rules file, used by the newsroom
/// profile only (see [`crate::rules::RulesCache`]).
pub fn score(
    article: &Article,
    profile: ProfileId,
    site: &Site,
    rules: Option<Arc<Newsroom>>,
) -> Result<Scored> {
    let own_rules = rules.filter(|_| profile == ProfileId::Newsroom);
    let engine: &dyn Profile = match &own_rules {
        Some(newsroom) => newsroom.as_ref(),
        None => profile.profile(),
    };
    let mut request = AnalysisRequest::from_article(article, &site.url);
    if site.url.trim().is_empty() && article.meta.url.is_none() {
        // Without a site there is no full URL to judge, only a path.
        request.url.clear();
    }
    request.title = displayed_title(article, site);
    let report = redaksi_seo::analyze(&request, engine);
    Ok(Scored {
        report,
        title: request.title,
    })
}

/// A check with its fix hint already in the UI language.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CheckView {
    #[serde(flatten)]
    pub check: Check,
    pub hint: String,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct KeywordView {
    pub keyword: String,
    pub score: u8,
    pub band: Band,
}

/// A [`Report`] as the app shows it, its words in one language.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportView {
    pub profile: String,
    pub score: u8,
    pub band: Band,
    pub keyword: Option<String>,
    pub checks: Vec<CheckView>,
    pub secondary: Vec<KeywordView>,
    pub words: usize,
    pub reading_minutes: u32,
    /// The title that was scored (see [`displayed_title`]).
    pub scored_title: String,
    pub issues: Vec<String>,
}

impl Scored {
    /// The report with its hints and issues worded in `lang`.
    pub fn view(self, lang: Lang) -> ReportView {
        let report = self.report;
        let text = |message: &redaksi_seo::Message| redaksi_seo::messages::text(message, lang);
        ReportView {
            profile: report.profile,
            score: report.score,
            band: report.band,
            keyword: report.keyword,
            checks: report
                .checks
                .into_iter()
                .map(|check| {
                    let hint = text(&check.message);
                    CheckView { check, hint }
                })
                .collect(),
            secondary: report
                .secondary
                .into_iter()
                .map(|k| KeywordView {
                    keyword: k.keyword,
                    score: k.score,
                    band: k.band,
                })
                .collect(),
            words: report.stats.words,
            reading_minutes: report.stats.reading_minutes,
            scored_title: self.title,
            issues: report.issues.iter().map(|i| text(&i.message)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn site(template: &str) -> Site {
        Site {
            url: String::new(),
            name: "Kabar".into(),
            title_template: template.into(),
        }
    }

    #[rstest]
    #[case::template("", "%title% - %sitename%", "Banjir - Kabar")]
    #[case::custom_title_with_variables(
        "Banjir hari ini | %sitename%",
        "%title% - %sitename%",
        "Banjir hari ini | Kabar"
    )]
    #[case::no_template("", "", "Banjir")]
    #[case::rank_maths_separator("%title% %sep% %sitename%", "", "Banjir - Kabar")]
    fn the_displayed_title_fills_the_template(
        #[case] seo_title: &str,
        #[case] template: &str,
        #[case] expected: &str,
    ) {
        let mut article = Article::new("Banjir", "", chrono::Utc::now());
        article.meta.seo_title = Some(seo_title.to_owned());
        assert_eq!(displayed_title(&article, &site(template)), expected);
    }

    /// Before the desk, `redaksi score` scored the SEO title as typed (`%title% | %sitename%`
    /// literally) while the app scored it filled in; both now score what WordPress shows.
    #[test]
    fn the_scored_title_has_its_variables_filled_in() {
        let mut article = Article::new(
            "Banjir Jakarta",
            "Banjir melanda Jakarta.",
            chrono::Utc::now(),
        );
        article.meta.seo_title = Some("%title% | %sitename%".into());
        let scored = score(&article, ProfileId::Rankmath, &site(""), None).unwrap();
        assert_eq!(scored.title, "Banjir Jakarta | Kabar");
    }

    #[test]
    fn an_unknown_profile_has_its_own_code() {
        assert_eq!(profile_id("yoast").unwrap_err().code, Code::UnknownProfile);
        assert_eq!(profile_id("rankmath").unwrap(), ProfileId::Rankmath);
    }
}
