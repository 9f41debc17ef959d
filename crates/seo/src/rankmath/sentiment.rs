//! Title sentiment (§11) and power words (§10).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::text::{fold, len16};
use super::words::{NEGATORS, POWER_WORDS_EN, POWER_WORDS_ID, SENTIMENT_EN};

static LEXICON: LazyLock<HashMap<&'static str, i8>> =
    LazyLock::new(|| SENTIMENT_EN.iter().copied().collect());

/// The sentiment score of a title's token string.
pub fn sentiment(tokstr: &str) -> i32 {
    let cleaned: String = tokstr
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '\n' | '.' | ',' | '/' | '#' | '!' | '?' | '$' | '%' | '^' | '&' | '*' | ';' | ':'
            | '{' | '}' | '=' | '_' | '`' | '"' | '~' | '(' | ')' => ' ',
            c => c,
        })
        .collect();
    let tokens: Vec<&str> = cleaned.split_whitespace().collect();
    tokens
        .iter()
        .enumerate()
        .filter_map(|(i, token)| {
            let value = i32::from(*LEXICON.get(token)?);
            let negated = i > 0 && NEGATORS.contains(&tokens[i - 1]);
            Some(if negated { -value } else { value })
        })
        .sum()
}

/// The power-word list of a locale, if we ship one.
pub fn power_words(locale: &str) -> Option<&'static [&'static str]> {
    match locale {
        "en" => Some(POWER_WORDS_EN),
        "id" => Some(POWER_WORDS_ID),
        _ => None,
    }
}

/// How many of the title's space-separated tokens match a power word (§10.1).
pub fn power_word_count(title_l: &str, list: &[&str]) -> usize {
    title_l
        .split(' ')
        .map(fold)
        .filter(|token| {
            list.iter().any(|word| {
                token == word || (token.starts_with(word) && len16(token) - len16(word) <= 4)
            })
        })
        .count()
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("rice prices rise again as government plans market operations", true)]
    #[case("rice prices climb again in jakarta markets", false)]
    #[case("price watch jakarta markets", false)]
    #[case("rice prices climb again", false)]
    #[case("good", true)]
    fn sentiment_cases(#[case] title: &str, #[case] nonzero: bool) {
        assert_eq!(sentiment(title) != 0, nonzero, "{title}");
    }

    #[test]
    fn negation_flips_the_sign() {
        assert_eq!(sentiment("good"), 3);
        assert_eq!(sentiment("not good"), -3);
    }

    #[rstest]
    #[case("rahasianya beras premium turun 5 persen", "id", 1)]
    #[case("harga beras naik", "id", 1)]
    #[case("stok pangan nasional", "id", 0)]
    #[case("\u{201c}harga\u{201d} beras", "id", 0)]
    #[case("harga, beras", "id", 1)]
    #[case("rice prices climb", "en", 1)]
    #[case("hargaharga beras", "id", 0)]
    fn power_words_by_prefix(#[case] title: &str, #[case] locale: &str, #[case] n: usize) {
        assert_eq!(power_word_count(title, power_words(locale).unwrap()), n);
    }

    #[test]
    fn lists_are_single_words() {
        for word in POWER_WORDS_EN.iter().chain(POWER_WORDS_ID) {
            assert!(!word.contains(' '), "{word}");
            assert_eq!(*word, word.to_lowercase());
        }
    }
}
