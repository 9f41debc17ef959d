//! The text a reader sees in a Markdown body, and its words: the desk's counts (the dashboard,
//! history, ninjs `wordcount`). A scoring profile counts words its own way (Rank Math's count
//! follows its specification), so those counts live with the profile.

use pulldown_cmark::{Event, TagEnd};

/// The visible text of a Markdown body, in the one dialect: markup never counts, a table cell
/// or a footnote counts once, the text inside raw HTML counts and its tags do not. Blocks end
/// in a newline.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in crate::markdown::parser(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::Html(html) | Event::InlineHtml(html) => push_outside_tags(&mut text, &html),
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

/// The text of an HTML fragment between its tags (a tag may continue into the next fragment,
/// which is rare and then costs a word, never the rest of the text).
fn push_outside_tags(text: &mut String, html: &str) {
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
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
