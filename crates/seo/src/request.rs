//! What a caller hands the engine: the article's text and metadata, already resolved.

use redaksi_article::{Article, MutedCheck};
use serde::{Deserialize, Serialize};

/// The article body, in the form the caller has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "format", content = "text", rename_all = "lowercase")]
pub enum Content {
    /// HTML exactly as a CMS stores it (Gutenberg block comments included).
    Html(String),
    /// Markdown in crates/article's dialect; marks point into this text.
    Markdown(String),
}

impl Default for Content {
    fn default() -> Self {
        Content::Html(String::new())
    }
}

/// Site-wide switches that change what some checks conclude.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The site runs a table-of-contents plugin (Rank Math's `contentHasTOC` then passes).
    pub toc_plugin_active: bool,
}

/// Everything one analysis looks at. The engine does not derive these from each other (an empty
/// `url` stays empty): deciding what the CMS would show is the host's job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnalysisRequest {
    /// The SEO title exactly as the search snippet would show it.
    pub title: String,
    pub description: String,
    pub slug: String,
    /// The full permalink, or "" for a post that has none yet.
    pub url: String,
    /// The site's home URL; decides which links are internal.
    pub site_url: String,
    /// A language code such as `id`, `en` or `ms` (the part of `id_ID` before `_`).
    pub locale: String,
    /// Focus keywords, the first primary. More than [`MAX_KEYWORDS`] are ignored.
    pub keywords: Vec<String>,
    /// Synonyms of each focus keyword, parallel to `keywords` (the newsroom profile counts them).
    pub synonyms: Vec<Vec<String>>,
    /// The article's own headline, when it differs from the SEO title (newsroom profile).
    pub headline: Option<String>,
    /// `None`: no featured image. `Some("")`: an image without alt text.
    pub featured_image_alt: Option<String>,
    pub content: Content,
    pub settings: Settings,
    /// Checks the newsroom switched off for this article; they leave the score's denominator.
    pub muted: Vec<MutedCheck>,
    /// News metadata the newsroom profile reads; the `rankmath` profile ignores these.
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub tags: Vec<String>,
}

/// Rank Math's limit on focus keywords per post.
pub const MAX_KEYWORDS: usize = 5;

impl AnalysisRequest {
    /// Builds a request from an article as the CLI and the desktop app read it: the SEO title
    /// falls back to the plain title (no site-name suffix) and the URL to `{site_url}/{slug}`.
    pub fn from_article(article: &Article, site_url: &str) -> Self {
        let meta = &article.meta;
        let slug = meta.slug.clone().unwrap_or_default();
        let url = match (&meta.url, slug.is_empty()) {
            (Some(url), _) => url.clone(),
            (None, true) => String::new(),
            (None, false) => format!("{}/{}", site_url.trim_end_matches('/'), slug),
        };
        AnalysisRequest {
            title: meta
                .seo_title
                .clone()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| article.title.clone()),
            description: meta.description.clone().unwrap_or_default(),
            slug,
            url,
            site_url: site_url.to_owned(),
            // An article without a language is guessed from its text, so an English story
            // is not read with Indonesian word lists.
            locale: meta
                .lang
                .unwrap_or_else(|| crate::lang::detect(&article.body))
                .code()
                .to_owned(),
            keywords: meta.keywords.iter().map(|k| k.phrase.clone()).collect(),
            synonyms: meta.keywords.iter().map(|k| k.synonyms.clone()).collect(),
            headline: Some(article.title.clone()),
            featured_image_alt: meta
                .featured_image
                .as_ref()
                .map(|image| image.alt.clone().unwrap_or_default()),
            content: Content::Markdown(article.body.clone()),
            settings: Settings::default(),
            muted: meta.muted_checks.clone(),
            byline: meta.byline.clone(),
            dateline: meta.dateline.clone(),
            tags: meta.tags.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use redaksi_article::Lang;

    fn article(body: &str, lang: Option<Lang>) -> Article {
        let mut article = Article::new(
            "Judul",
            body,
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        );
        article.meta.lang = lang;
        article
    }

    #[test]
    fn an_article_without_a_language_is_detected_from_its_text() {
        let english = "The minister said on Tuesday that the government would raise fuel prices.";
        let indonesian =
            "Menteri mengatakan pada hari Selasa bahwa pemerintah akan menaikkan harga.";
        assert_eq!(
            AnalysisRequest::from_article(&article(english, None), "").locale,
            "en"
        );
        assert_eq!(
            AnalysisRequest::from_article(&article(indonesian, None), "").locale,
            "id"
        );
    }

    #[test]
    fn the_articles_own_language_wins_over_detection() {
        let english = "The minister said on Tuesday that the government would raise fuel prices.";
        let request = AnalysisRequest::from_article(&article(english, Some(Lang::Id)), "");
        assert_eq!(request.locale, "id");
    }
}
