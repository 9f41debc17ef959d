//! Rank Math's own fields on a WordPress post: what Redaksi stores through Rank Math's
//! `rankmath/v1/updateMeta` route when the site runs it, and how the site shows them back.
//!
//! Rank Math scores a post only in its editor's JavaScript, so a post that never opened there
//! has no score. Redaksi sends the number its `rankmath` profile gives the article, computed
//! as the app shows it (the URL is the site's address and the slug), together with the title,
//! the description and every focus keyword (primary first): the wp-admin posts list shows a
//! score only next to a focus keyword.

use redaksi_article::Article;
use redaksi_seo::{AnalysisRequest, ProfileId};
use serde::Serialize;
use serde_json::{Map, Value, json};

/// The four post meta keys Rank Math reads, as Redaksi fills them for one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RankMathFields {
    /// `rank_math_title`: the SEO title, or "" to leave Rank Math's own title template.
    pub title: String,
    /// `rank_math_description`.
    pub description: String,
    /// `rank_math_focus_keyword`: every focus keyword, comma-separated, the primary first.
    pub focus_keyword: String,
    /// `rank_math_seo_score`: the `rankmath` profile's score, 0–100.
    pub seo_score: u8,
}

impl RankMathFields {
    /// The fields for `article` on the site at `site_url`.
    pub fn for_article(article: &Article, site_url: &str) -> Self {
        let meta = &article.meta;
        RankMathFields {
            title: meta.seo_title.clone().unwrap_or_default(),
            description: meta.description.clone().unwrap_or_default(),
            focus_keyword: meta
                .keywords
                .iter()
                .map(|k| k.phrase.trim())
                .filter(|k| !k.is_empty())
                .collect::<Vec<_>>()
                .join(","),
            seo_score: score(article, site_url),
        }
    }

    /// The `meta` object of an `updateMeta` request. Every key is sent: an empty value makes
    /// Rank Math delete the key, so a field removed from the article leaves the post too.
    pub fn meta(&self) -> Map<String, Value> {
        let Value::Object(meta) = json!({
            "rank_math_title": self.title,
            "rank_math_description": self.description,
            "rank_math_focus_keyword": self.focus_keyword,
            "rank_math_seo_score": self.seo_score,
        }) else {
            unreachable!("a json! object literal is an object")
        };
        meta
    }
}

/// The article's `rankmath` profile score with the site's URL, as the desk shows it.
pub fn score(article: &Article, site_url: &str) -> u8 {
    let profile = ProfileId::Rankmath.profile();
    let request = AnalysisRequest::from_article(article, site_url.trim_end_matches('/'));
    redaksi_seo::analyze(&request, profile).score
}

/// The number in Rank Math's front-end score badge on a public post page, if it shows one
/// (`<div class="rank-math-seo-score …"><span class="score">66<span class="outof">`).
pub fn badge_score(page: &str) -> Option<u8> {
    let badge = &page[page.find("rank-math-seo-score")?..];
    let score = &badge[badge.find("class=\"score\"")?..];
    let digits = score[score.find('>')? + 1..].trim_start();
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse().ok()
}

/// What a public post page shows of Rank Math's fields: the badge's number, the `<title>` and
/// the meta description (HTML entities decoded). For a site that does not expose the fields to
/// core REST, this is the only way to read them back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PageFields {
    pub score: Option<u8>,
    pub title: Option<String>,
    pub description: Option<String>,
}

impl PageFields {
    pub fn read(page: &str) -> PageFields {
        let head = &page[..page.find("</head>").unwrap_or(page.len())];
        let title = head.find("<title").and_then(|start| {
            let rest = &head[start..];
            let open = rest.find('>')? + 1;
            let close = rest.find("</title>")?;
            Some(unescape(rest[open..close].trim()))
        });
        let description = head.match_indices("<meta").find_map(|(start, _)| {
            let tag = &head[start..start + head[start..].find('>')?];
            tag.contains("name=\"description\"")
                .then(|| attribute(tag, "content"))
                .flatten()
        });
        PageFields {
            score: badge_score(page),
            title,
            description,
        }
    }
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = start + tag[start..].find('"')?;
    Some(unescape(&tag[start..end]))
}

fn unescape(text: &str) -> String {
    text.replace("&#8211;", "–")
        .replace("&#8217;", "’")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use redaksi_article::Keyword;

    fn article() -> Article {
        let mut article = Article::new(
            "Harga beras naik di Jakarta",
            "Harga beras naik di Jakarta pekan ini, kata pedagang.",
            Utc::now(),
        );
        article.meta.slug = Some("harga-beras-naik".into());
        article.meta.description = Some("Harga beras naik.".into());
        article.meta.keywords = vec![
            Keyword::new("harga beras"),
            Keyword::new(" "),
            Keyword::new("pasar induk"),
        ];
        article
    }

    #[test]
    fn every_focus_keyword_is_sent_primary_first_and_blanks_are_dropped() {
        let fields = RankMathFields::for_article(&article(), "https://berita.example");
        assert_eq!(fields.focus_keyword, "harga beras,pasar induk");
        assert_eq!(fields.title, "");
        let meta = fields.meta();
        assert_eq!(meta["rank_math_focus_keyword"], "harga beras,pasar induk");
        assert_eq!(meta["rank_math_description"], "Harga beras naik.");
        assert_eq!(meta.len(), 4);
    }

    #[test]
    fn a_trailing_slash_on_the_site_address_is_the_same_site() {
        let article = article();
        assert_eq!(
            score(&article, "https://berita.example/"),
            score(&article, "https://berita.example")
        );
    }

    #[rstest::rstest]
    #[case(
        r#"<div class="rank-math-seo-score template-circle good-seo before-content">
      <span class="score">66<span class="outof">/ 100</span></span><span class="label"></span></div>"#,
        Some(66)
    )]
    #[case(
        r#"<div class="rank-math-seo-score"><span class="score">100</span></div>"#,
        Some(100)
    )]
    #[case("<p>no badge</p>", None)]
    #[case(
        r#"<div class="rank-math-seo-score"><span class="score"></span></div>"#,
        None
    )]
    fn the_badge_number_is_read_from_the_page(#[case] page: &str, #[case] expected: Option<u8>) {
        assert_eq!(badge_score(page), expected);
    }

    #[test]
    fn a_public_page_gives_its_title_description_and_badge() {
        let page = r#"<html><head><meta charset="UTF-8"><title>Harga beras &#8211; Kabar &amp; Berita</title>
<meta name="description" content="Harga beras naik &quot;lagi&quot;."/>
<meta property="og:description" content="not this one"/></head><body>
<div class="rank-math-seo-score template-circle good-seo before-content">
<span class="score">66<span class="outof">/ 100</span></span></div></body></html>"#;
        assert_eq!(
            PageFields::read(page),
            PageFields {
                score: Some(66),
                title: Some("Harga beras – Kabar & Berita".into()),
                description: Some("Harga beras naik \"lagi\".".into()),
            }
        );
        assert_eq!(PageFields::read("<p>nothing</p>"), PageFields::default());
    }
}
