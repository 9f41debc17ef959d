//! Title sentiment (§11) and power words (§10), from the lists in `crates/seo/data`.

use std::sync::LazyLock;

use super::text::{fold, len16};
use crate::data;
use crate::lang::fast_hash::{FastMap, FastSet};

/// The lexicon files, in the order they apply: a later file's value overrides an earlier one's.
const LEXICON_FILES: [&str; 3] = [
    include_str!("../../data/en-sentiment-afinn-165.tsv"),
    include_str!("../../data/en-sentiment-news.tsv"),
    include_str!("../../data/en-sentiment-emoji.tsv"),
];

/// The power-word files by locale.
const POWER_WORD_FILES: [(&str, &str); 2] = [
    ("en", include_str!("../../data/rankmath-en-power-words.txt")),
    ("id", include_str!("../../data/rankmath-id-power-words.txt")),
];

/// Words that flip the sign of the next word's sentiment (§11, Rank Math's rule).
const NEGATORS: &[&str] = &[
    "cant", "can't", "dont", "don't", "doesnt", "doesn't", "not", "non", "wont", "won't", "isnt",
    "isn't",
];

static LEXICON: LazyLock<FastMap<&'static str, i8>> = LazyLock::new(|| {
    let mut lexicon = FastMap::with_capacity_and_hasher(4096, Default::default());
    lexicon.extend(LEXICON_FILES.iter().flat_map(|file| data::scores(file)));
    lexicon
});

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

/// A locale's power words, folded (§10.1 step 2).
pub struct PowerWords(FastSet<String>);

impl PowerWords {
    fn parse(file: &str) -> Self {
        PowerWords(data::entries(file).map(fold).collect())
    }

    /// How many of the title's space-separated tokens match a power word (§10.1).
    pub fn count(&self, title_l: &str) -> usize {
        title_l
            .split(' ')
            .filter(|token| self.matches(&fold(token)))
            .count()
    }

    /// A token matches an entry equal to it or to a prefix of it at most four UTF-16 units
    /// shorter, so only the token's last few prefixes need looking up, not every entry.
    fn matches(&self, token: &str) -> bool {
        let total = len16(token);
        let mut cut = token.len();
        let mut removed = 0;
        loop {
            if cut > 0 && self.0.contains(&token[..cut]) {
                return true;
            }
            let Some(last) = token[..cut].chars().next_back() else {
                return false;
            };
            removed += last.len_utf16();
            if removed > 4 || removed >= total {
                return false;
            }
            cut -= last.len_utf8();
        }
    }
}

/// Each list is read the first time its locale is scored.
static POWER_WORDS: [LazyLock<PowerWords>; 2] = [
    LazyLock::new(|| PowerWords::parse(POWER_WORD_FILES[0].1)),
    LazyLock::new(|| PowerWords::parse(POWER_WORD_FILES[1].1)),
];

/// The power-word list of a locale, if we ship one.
pub fn power_words(locale: &str) -> Option<&'static PowerWords> {
    let index = POWER_WORD_FILES
        .iter()
        .position(|(lang, _)| *lang == locale)?;
    Some(&POWER_WORDS[index])
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

    #[test]
    fn our_news_words_override_afinn() {
        // AFINN rates "smart" +1, which "cut" (−1) cancels in "7 smart ways to cut …".
        assert_eq!(sentiment("smart"), 2);
        assert_eq!(sentiment("slump"), -2, "absent from AFINN");
        assert_eq!(sentiment("\u{1f389}"), 3, "an emoji on its own counts");
    }

    #[rstest]
    #[case("rahasianya beras premium turun 5 persen", "id", 2)]
    #[case("harga beras naik", "id", 1)]
    #[case("stok pangan nasional", "id", 0)]
    #[case("\u{201c}harga\u{201d} beras", "id", 0)]
    #[case("harga, beras", "id", 1)]
    #[case("rice prices climb", "en", 1)]
    #[case("hargaharga beras", "id", 0)]
    #[case("dirahasiakan", "id", 1)]
    #[case("rural clinics face closure as funding dries up", "en", 1)]
    #[case("fundraisers", "en", 0)]
    fn power_words_by_prefix(#[case] title: &str, #[case] locale: &str, #[case] n: usize) {
        assert_eq!(power_words(locale).unwrap().count(title), n, "{title}");
    }

    #[test]
    fn a_folded_title_word_matches_its_plain_entry() {
        assert_eq!(power_words("en").unwrap().count("r\u{e9}v\u{e9}l\u{e9}"), 0);
        assert_eq!(power_words("en").unwrap().count("s\u{e9}cret"), 1);
    }

    #[test]
    fn other_locales_have_no_list() {
        assert!(power_words("de").is_none());
    }
}
