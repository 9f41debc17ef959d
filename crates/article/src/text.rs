//! The text a reader sees in a Markdown body, and its words: the desk's counts (the dashboard,
//! history, ninjs `wordcount`). A scoring profile counts words its own way (Rank Math's count
//! follows its specification), so those counts live with the profile.

use pulldown_cmark::{Event, TagEnd};

/// The visible text of a Markdown body, in the one dialect: markup never counts, a table cell
/// or a footnote counts once, the text inside raw HTML counts and its tags do not. Blocks end
/// in a newline.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    let mut html = HtmlText::default();
    for event in crate::markdown::parser(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) if !html.hidden => text.push_str(&t),
            Event::Html(raw) | Event::InlineHtml(raw) => html.push(&mut text, &raw),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::HtmlBlock,
            ) => text.push('\n'),
            _ => {}
        }
    }
    text
}

/// Reads raw HTML, fragment by fragment, for the text a reader sees: what is between tags,
/// except the content of `<script>` and `<style>`, which the sanitiser drops with the tags.
/// A tag may continue into the next fragment.
#[derive(Default)]
struct HtmlText {
    in_tag: bool,
    /// The tag being read, up to a little past its name.
    tag: String,
    /// Inside `<script>` or `<style>`.
    hidden: bool,
}

impl HtmlText {
    const LONGEST_NAME: usize = "/script".len();

    fn push(&mut self, text: &mut String, html: &str) {
        for c in html.chars() {
            match c {
                '<' => {
                    self.in_tag = true;
                    self.tag.clear();
                }
                '>' if self.in_tag => {
                    self.in_tag = false;
                    self.tag_ended();
                    text.push(' ');
                }
                _ if self.in_tag && self.tag.len() <= Self::LONGEST_NAME => {
                    self.tag.push(c.to_ascii_lowercase());
                }
                _ if self.in_tag => {}
                _ if !self.hidden => text.push(c),
                _ => {}
            }
        }
    }

    fn tag_ended(&mut self) {
        let (closing, rest) = match self.tag.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, self.tag.as_str()),
        };
        let name_end = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if matches!(&rest[..name_end], "script" | "style") {
            self.hidden = !closing;
        }
    }
}

/// Words of a plain text: whitespace-separated runs that hold a letter or a digit, so a dash
/// or a bullet standing alone is not a word.
pub fn word_count(plain: &str) -> usize {
    plain
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// The words of a Markdown body as a reader counts them.
pub fn markdown_word_count(markdown: &str) -> usize {
    word_count(&plain_text(markdown))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::plain("Satu dua tiga.", 3)]
    #[case::markup_not_counted("**Satu** [dua](https://x.id) `tiga`", 3)]
    #[case::heading_markers("# Judul\n\n- satu\n- dua\n\n> kutip", 4)]
    #[case::lone_dash("Satu — dua", 2)]
    #[case::link_with_spaces("[dua kata](https://x.id/a \"judul panjang\")", 2)]
    #[case::image_alt_counts("![foto banjir](a.jpg) Teks", 3)]
    #[case::html_tags_not_counted("<div class=\"kotak berita\">Isi kotak</div>\n", 2)]
    #[case::inline_html("Teks <b class=\"x y\">tebal</b>", 2)]
    #[case::script_not_counted(
        "Satu\n\n<script>alert(1)</script>\n\ndua <style>p{}</style> tiga",
        3
    )]
    #[case::script_across_lines("<script>\nvar kata = 1;\n</script>\n\nSatu", 1)]
    #[case::scripted_tag_name_only("<scripts>dua kata</scripts>", 2)]
    #[case::table("| a | b |\n|---|---|\n| 1 | 2 |\n", 4)]
    #[case::empty("", 0)]
    fn words_are_what_a_reader_sees(#[case] markdown: &str, #[case] words: usize) {
        assert_eq!(markdown_word_count(markdown), words, "{markdown:?}");
    }

    #[test]
    fn blocks_end_in_a_newline_and_breaks_are_spaces() {
        assert_eq!(
            plain_text("# Judul\n\nbaris\nkedua"),
            "Judul\nbaris kedua\n"
        );
    }
}
