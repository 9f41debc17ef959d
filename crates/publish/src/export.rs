//! File exports: a standalone HTML page, Markdown with front matter, and IPTC ninjs 2.2.
//!
//! Each format holds a different subset of an article. Whatever a format cannot hold is listed
//! in [`Export::dropped`] with the reason, so the caller can show it; nothing disappears quietly.

use std::fmt::Write as _;
use std::str::FromStr;

use redaksi_article::{Article, front_matter, render};
use serde::Serialize;

/// The file formats Redaksi writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "ExportFormat"))]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Md,
    Ninjs,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Html, Format::Md, Format::Ninjs];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
            Format::Ninjs => "ninjs",
        }
    }

    /// The usual file extension, for `-o` defaults and save dialogs.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
            Format::Ninjs => "json",
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown export format {0:?} (expected html, md or ninjs)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| UnknownFormat(s.to_owned()))
    }
}

/// What the export knows beyond the article itself.
#[derive(Debug, Clone, Default)]
pub struct ExportContext {
    /// The store's revision number of this text; ninjs carries it as `version`.
    pub revision: Option<u64>,
}

/// A field the format could not carry, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Dropped {
    /// The article field, named as in the front matter.
    pub field: &'static str,
    pub reason: &'static str,
}

/// A finished file and the fields it left out.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Export {
    pub format: Format,
    pub content: String,
    pub dropped: Vec<Dropped>,
}

const NO_PLACE: &str = "the format has no place for it";
const INTERNAL: &str = "internal newsroom data, never published";

/// Writes `article` in `format`.
pub fn export(article: &Article, format: Format, ctx: &ExportContext) -> Export {
    let (content, dropped) = match format {
        Format::Html => html(article),
        Format::Md => (front_matter::write(article), Vec::new()),
        Format::Ninjs => {
            let (doc, dropped) = crate::ninjs::document(article, ctx);
            let text = serde_json::to_string_pretty(&doc).expect("a JSON value always serialises");
            (text, dropped)
        }
    };
    Export {
        format,
        content,
        dropped,
    }
}

/// Fields present in the article that `held` does not list, as dropped entries.
pub(crate) fn dropped_fields(article: &Article, held: &[&str]) -> Vec<Dropped> {
    let m = &article.meta;
    let present: [(&'static str, bool, &'static str); 17] = [
        ("seo_title", m.seo_title.is_some(), NO_PLACE),
        ("slug", m.slug.is_some(), NO_PLACE),
        ("description", m.description.is_some(), NO_PLACE),
        ("keywords", !m.keywords.is_empty(), NO_PLACE),
        ("lang", m.lang.is_some(), NO_PLACE),
        ("featured_image", m.featured_image.is_some(), NO_PLACE),
        ("url", m.url.is_some(), NO_PLACE),
        ("byline", m.byline.is_some(), NO_PLACE),
        ("dateline", m.dateline.is_some(), NO_PLACE),
        ("category", m.category.is_some(), NO_PLACE),
        ("tags", !m.tags.is_empty(), NO_PLACE),
        ("editor_note", m.editor_note.is_some(), INTERNAL),
        ("status", true, INTERNAL),
        ("embargo", m.embargo.is_some(), NO_PLACE),
        ("publish_at", m.publish_at.is_some(), NO_PLACE),
        ("muted_checks", !m.muted_checks.is_empty(), INTERNAL),
        ("extra", !m.extra.is_empty(), NO_PLACE),
    ];
    present
        .into_iter()
        .filter(|(field, is_set, _)| *is_set && !held.contains(field))
        .map(|(field, _, reason)| Dropped { field, reason })
        .collect()
}

/// Escapes text for an HTML text node or a double-quoted attribute.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A standalone page. The head holds what search engines and readers see before the text:
/// `<title>` (SEO title first), the meta description, author, keywords from tags and category,
/// and the canonical URL.
fn html(article: &Article) -> (String, Vec<Dropped>) {
    let m = &article.meta;
    let mut out = String::with_capacity(article.body.len() * 2 + 512);
    let lang = m.lang.map_or("", |l| l.code());
    out.push_str("<!DOCTYPE html>\n");
    if lang.is_empty() {
        out.push_str("<html>\n");
    } else {
        let _ = writeln!(out, "<html lang=\"{lang}\">");
    }
    out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    );
    let title = m.seo_title.as_deref().unwrap_or(&article.title);
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    if let Some(description) = &m.description {
        let _ = writeln!(
            out,
            "<meta name=\"description\" content=\"{}\">",
            escape(description)
        );
    }
    if let Some(byline) = &m.byline {
        let _ = writeln!(out, "<meta name=\"author\" content=\"{}\">", escape(byline));
    }
    let keywords: Vec<&str> = m
        .category
        .iter()
        .chain(&m.tags)
        .map(String::as_str)
        .collect();
    if !keywords.is_empty() {
        let _ = writeln!(
            out,
            "<meta name=\"keywords\" content=\"{}\">",
            escape(&keywords.join(", "))
        );
    }
    if let Some(url) = &m.url {
        let _ = writeln!(out, "<link rel=\"canonical\" href=\"{}\">", escape(url));
    }
    out.push_str("</head>\n<body>\n<article>\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&article.title));
    if let Some(byline) = &m.byline {
        let _ = writeln!(out, "<p class=\"byline\">{}</p>", escape(byline));
    }
    if let Some(dateline) = &m.dateline {
        let _ = writeln!(out, "<p class=\"dateline\">{}</p>", escape(dateline));
    }
    out.push_str("</header>\n");
    if let Some(image) = &m.featured_image {
        let figure = format!(
            "<figure><img src=\"{}\" alt=\"{}\"></figure>\n",
            escape(&image.src),
            escape(image.alt.as_deref().unwrap_or(""))
        );
        // The image URL comes from the reporter: it passes the same sanitiser as the body.
        out.push_str(&render::sanitize(&figure));
        out.push('\n');
    }
    out.push_str(&render::to_safe_html(&article.body));
    out.push_str("</article>\n</body>\n</html>\n");
    let held = [
        "seo_title",
        "description",
        "lang",
        "featured_image",
        "url",
        "byline",
        "dateline",
        "category",
        "tags",
    ];
    (out, dropped_fields(article, &held))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use redaksi_article::{FeaturedImage, Keyword, Lang};

    fn sample() -> Article {
        let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
        let mut a = Article::new(
            "Banjir <Jakarta> & \"Bekasi\"",
            "Air naik **dua meter**.\n\n<script>alert(1)</script>\n",
            now,
        );
        a.meta.seo_title = Some("Banjir Jakarta hari ini".into());
        a.meta.description = Some("Ringkasan \"banjir\" <b>".into());
        a.meta.lang = Some(Lang::Id);
        a.meta.byline = Some("Rina".into());
        a.meta.tags = vec!["banjir".into()];
        a.meta.keywords = vec![Keyword::new("banjir jakarta")];
        a.meta.editor_note = Some("cek angka BPBD".into());
        a.meta.featured_image = Some(FeaturedImage {
            src: "javascript:alert(1)".into(),
            alt: Some("foto".into()),
        });
        a
    }

    #[test]
    fn html_is_standalone_with_title_and_description() {
        let e = export(&sample(), Format::Html, &ExportContext::default());
        let html = &e.content;
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"id\">"),
            "{html}"
        );
        assert!(
            html.contains("<title>Banjir Jakarta hari ini</title>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<meta name=\"description\" content=\"Ringkasan &quot;banjir&quot; &lt;b&gt;\">"
            ),
            "{html}"
        );
        assert!(
            html.contains("<h1>Banjir &lt;Jakarta&gt; &amp; &quot;Bekasi&quot;</h1>"),
            "{html}"
        );
        assert!(html.contains("<strong>dua meter</strong>"), "{html}");
    }

    #[test]
    fn html_never_carries_script_or_the_editor_note() {
        let e = export(&sample(), Format::Html, &ExportContext::default());
        assert!(!e.content.contains("<script"), "{}", e.content);
        assert!(!e.content.contains("alert"), "{}", e.content);
        assert!(!e.content.contains("BPBD"), "{}", e.content);
    }

    #[test]
    fn html_lists_what_it_dropped() {
        let e = export(&sample(), Format::Html, &ExportContext::default());
        let fields: Vec<_> = e.dropped.iter().map(|d| d.field).collect();
        assert_eq!(fields, ["keywords", "editor_note", "status"]);
    }

    #[test]
    fn markdown_round_trips_to_the_same_article() {
        let mut a = sample();
        a.meta.embargo = Some(Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap());
        a.meta.category = Some("Metro".into());
        a.meta.dateline = Some("JAKARTA".into());
        let e = export(&a, Format::Md, &ExportContext::default());
        assert!(e.dropped.is_empty());
        let back = front_matter::parse(&e.content, Utc::now()).unwrap();
        assert_eq!(back, a);
    }

    #[rstest::rstest]
    #[case("html", Format::Html)]
    #[case("md", Format::Md)]
    #[case("ninjs", Format::Ninjs)]
    fn formats_parse_by_name(#[case] name: &str, #[case] format: Format) {
        assert_eq!(name.parse::<Format>().unwrap(), format);
    }

    #[test]
    fn unknown_format_is_refused_by_name() {
        let err = "pdf".parse::<Format>().unwrap_err().to_string();
        assert!(err.contains("\"pdf\""), "{err}");
    }
}
