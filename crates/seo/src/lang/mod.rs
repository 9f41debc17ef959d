//! Indonesian and English language analysis for the newsroom profile.
//!
//! Rank Math and Yoast match keyphrases as raw substrings ("beras" inside "berasal"), know no
//! Indonesian word forms and flag most Indonesian news sentences as passive. This module is the
//! fix: a tokeniser that knows abbreviations, both number conventions and reduplication
//! ([`tokens`]), inflectional word forms ([`forms`]), keyphrase matching on
//! word boundaries ([`keyphrase`]), passive voice ([`passive`]) and phrase lists for transition
//! and power words ([`phrases`]). Word lists live in `crates/seo/data/*.txt`, written for Redaksi.

pub mod fast_hash;
pub mod forms;
pub mod keyphrase;
pub mod lists;
pub mod passive;
pub mod phrases;
pub mod tokens;

pub use redaksi_article::Lang;

/// Guesses the language of a text from its function words: the article's own `lang` wins when
/// set, this is only the fallback. Indonesian wins ties, since it is the newsroom's default.
pub fn detect(text: &str) -> Lang {
    let lists = lists::builtin();
    let (mut id, mut en) = (0usize, 0usize);
    for span in tokens::words(text).into_iter().take(2000) {
        let word = text[span].to_lowercase();
        id += usize::from(lists.id.function.contains(word.as_str()));
        en += usize::from(lists.en.function.contains(word.as_str()));
    }
    if en > id { Lang::En } else { Lang::Id }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_indonesian_and_english_news() {
        assert_eq!(
            detect("Harga beras di pasar tradisional naik lagi pada pekan ini, kata pedagang."),
            Lang::Id
        );
        assert_eq!(
            detect(
                "The price of rice at the traditional market rose again this week, traders said."
            ),
            Lang::En
        );
    }
}
