//! Plain-text measurements of an article body, counted on the same Markdown dialect the
//! preview uses (so a table cell or a footnote counts once, markup never counts).

use pulldown_cmark::{Event, TagEnd};

/// The visible text of the Markdown body: words and characters as a reader sees them.
pub(crate) fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in redaksi_article::markdown::parser(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => text.push('\n'),
            _ => {}
        }
    }
    text
}

pub(crate) struct Counts {
    pub words: usize,
    pub chars: usize,
}

pub(crate) fn counts(markdown: &str) -> Counts {
    let text = plain_text(markdown);
    let trimmed = text.trim();
    Counts {
        words: trimmed.split_whitespace().count(),
        chars: trimmed.chars().filter(|c| *c != '\n').count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::plain("Satu dua tiga.", 3, 14)]
    #[case::markup_not_counted("**Satu** [dua](https://x.id) `tiga`", 3, 13)]
    #[case::heading_and_paragraph("# Judul\n\nIsi berita", 3, 15)]
    #[case::empty("", 0, 0)]
    fn counts_what_a_reader_sees(#[case] md: &str, #[case] words: usize, #[case] chars: usize) {
        let c = counts(md);
        assert_eq!((c.words, c.chars), (words, chars), "{md:?}");
    }
}
