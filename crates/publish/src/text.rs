//! Plain-text measurements of an article body for ninjs: the desk's word count and the
//! characters a reader sees (markup never counts).

use redaksi_article::text::{plain_text, word_count};

pub(crate) struct Counts {
    pub words: usize,
    pub chars: usize,
}

pub(crate) fn counts(markdown: &str) -> Counts {
    let text = plain_text(markdown);
    let trimmed = text.trim();
    Counts {
        words: word_count(trimmed),
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
