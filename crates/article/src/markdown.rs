//! THE Markdown dialect. Preview, scoring and export all parse through [`parser`], so a
//! table or a footnote means the same thing everywhere.

use pulldown_cmark::{Options, Parser};

/// CommonMark plus tables, footnotes, strikethrough, task lists and `{#id .class}` heading attributes.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The one constructor of the Markdown parser.
pub fn parser(markdown: &str) -> Parser<'_> {
    Parser::new_ext(markdown, options())
}

/// Renders Markdown to HTML exactly as written: raw HTML blocks (a YouTube `<iframe>`, say)
/// pass through. This is the document the SEO engine analyses; it is never shown to a user
/// or sent anywhere without [`crate::render::sanitize`].
pub fn to_html(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, parser(markdown));
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dialect_has_its_extensions() {
        insta::assert_snapshot!(to_html(
            "## Sub {#sub}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~lama~~ baru[^1]\n\n- [x] selesai\n\n[^1]: catatan\n"
        ));
    }

    #[test]
    fn raw_html_blocks_pass_through_for_analysis() {
        let html = to_html("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n");
        assert!(
            html.contains("<iframe src=\"https://www.youtube.com/embed/x\">"),
            "{html}"
        );
    }
}
