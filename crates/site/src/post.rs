//! One post as the site gives it: what core REST returns (`/wp/v2/posts?context=edit`) and,
//! for Rank Math's fields the site does not expose there, what its public page shows. Each
//! value carries where it came from ([`Source`]).

use redaksi_publish::rankmath::PageFields;
use redaksi_publish::wordpress::raw_field;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Where a stored value was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ValueSource"))]
pub enum Source {
    /// Registered post meta, through core REST.
    Rest,
    /// The public page: the badge, `<title>`, `<meta name="description">`.
    Page,
    /// The site shows it nowhere.
    None,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Rest => "rest",
            Source::Page => "page",
            Source::None => "none",
        }
    }

    pub fn parse(text: &str) -> Source {
        match text {
            "rest" => Source::Rest,
            "page" => Source::Page,
            _ => Source::None,
        }
    }
}

/// Where each of Rank Math's four values came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sources {
    pub title: Source,
    pub description: Source,
    pub keywords: Source,
    pub score: Source,
}

/// The site the posts belong to (from its REST index): its address decides which links are
/// internal, its name fills `%sitename%`.
#[derive(Debug, Clone, Default)]
pub struct SiteInfo {
    pub url: String,
    pub name: String,
}

/// A published post with Rank Math's fields as far as the site shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub id: u64,
    pub link: String,
    pub slug: String,
    pub modified_gmt: String,
    pub title: String,
    /// The raw content (block comments included), as Rank Math's editor reads it.
    pub content: String,
    pub excerpt: String,
    /// Rank Math's SEO title: its template from REST, or the title the page shows.
    pub seo_title: Option<String>,
    pub description: Option<String>,
    /// Focus keywords, primary first; `None` when the site does not expose them (no public
    /// page shows them).
    pub focus_keywords: Option<Vec<String>>,
    pub stored_score: Option<u8>,
    pub sources: Sources,
}

/// The fields the audit asks core REST for.
pub const FIELDS: &str = "id,link,slug,modified_gmt,title,content,excerpt,meta";

impl Post {
    /// A post from core REST; `None` without an id. A meta key the site does not register is
    /// absent from the answer, which is how an unexposed field is told from an empty one.
    pub fn from_json(v: &Value) -> Option<Post> {
        let s = |key: &str| v[key].as_str().unwrap_or_default().to_owned();
        let raw = |key: &str| raw_field(v, key);
        let meta = |key: &str| v["meta"].get(key);
        let text = |key: &str| meta(key).map(|m| m.as_str().unwrap_or_default().to_owned());
        let source = |key: &str| match meta(key) {
            Some(_) => Source::Rest,
            None => Source::None,
        };
        Some(Post {
            id: v["id"].as_u64()?,
            link: s("link"),
            slug: s("slug"),
            modified_gmt: s("modified_gmt"),
            title: raw("title"),
            content: raw("content"),
            excerpt: raw("excerpt"),
            seo_title: text("rank_math_title").filter(|t| !t.trim().is_empty()),
            description: text("rank_math_description").filter(|d| !d.trim().is_empty()),
            focus_keywords: text("rank_math_focus_keyword").map(|k| {
                k.split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::to_owned)
                    .collect()
            }),
            // Rank Math stores the number as a string; "" is no score.
            stored_score: match meta("rank_math_seo_score") {
                Some(Value::Number(n)) => n.as_u64().and_then(|n| u8::try_from(n).ok()),
                Some(Value::String(s)) => s.trim().parse().ok(),
                _ => None,
            },
            sources: Sources {
                title: source("rank_math_title"),
                description: source("rank_math_description"),
                keywords: source("rank_math_focus_keyword"),
                score: source("rank_math_seo_score"),
            },
        })
    }

    /// Whether a value only the public page can give is missing.
    pub fn needs_page(&self) -> bool {
        let s = self.sources;
        [s.title, s.description, s.score].contains(&Source::None)
    }

    /// Fills what REST did not expose from the public page.
    pub fn fill_from_page(&mut self, page: PageFields) {
        let s = &mut self.sources;
        if s.score == Source::None && page.score.is_some() {
            self.stored_score = page.score;
            s.score = Source::Page;
        }
        if s.title == Source::None && page.title.is_some() {
            self.seo_title = page.title;
            s.title = Source::Page;
        }
        if s.description == Source::None && page.description.is_some() {
            self.description = page.description;
            s.description = Source::Page;
        }
    }

    /// Whether the stored score can be compared with a recomputed one: only with the focus
    /// keywords Rank Math scored with (without them every score would look stale).
    pub fn comparable(&self) -> bool {
        self.sources.keywords == Source::Rest
    }
}

/// What the desk's scoring says of one post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostScores {
    pub rankmath: u8,
    pub newsroom: u8,
    /// The ids of the `rankmath` checks the post fails.
    pub failing: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn exposed_fields_come_from_rest_and_a_string_score_is_a_number() {
        let v = json!({
            "id": 7, "link": "http://s/?p=7", "slug": "harga", "modified_gmt": "2026-01-01T00:00:00",
            "title": {"raw": "Harga beras"}, "content": {"raw": "<p>Harga beras naik.</p>"},
            "excerpt": {"raw": ""},
            "meta": {"rank_math_focus_keyword": "harga beras, pasar,", "rank_math_seo_score": "66",
                     "rank_math_title": "%title% %sep% %sitename%", "rank_math_description": ""}
        });
        let post = Post::from_json(&v).unwrap();
        assert_eq!(
            post.focus_keywords,
            Some(vec!["harga beras".into(), "pasar".into()])
        );
        assert_eq!(post.stored_score, Some(66));
        assert_eq!(post.description, None, "an empty description is none");
        assert_eq!(post.sources.description, Source::Rest);
        assert!(post.comparable() && !post.needs_page());
    }

    #[test]
    fn what_rest_hides_is_read_from_the_page_except_the_keywords() {
        let v = json!({"id": 1, "title": {"rendered": "T"}, "content": {"rendered": "<p>x</p>"},
                       "meta": {"rank_math_title": ""}});
        let mut post = Post::from_json(&v).unwrap();
        assert_eq!(post.sources.score, Source::None);
        assert!(post.needs_page() && !post.comparable());
        post.fill_from_page(PageFields {
            score: Some(41),
            title: Some("T – Kabar".into()),
            description: Some("Ringkas.".into()),
        });
        assert_eq!(post.stored_score, Some(41));
        assert_eq!(post.seo_title, None, "REST said the post has no SEO title");
        assert_eq!(post.description.as_deref(), Some("Ringkas."));
        assert_eq!(
            post.sources,
            Sources {
                title: Source::Rest,
                description: Source::Page,
                keywords: Source::None,
                score: Source::Page,
            }
        );
        assert!(!post.comparable(), "no keywords, nothing to compare");
    }
}
