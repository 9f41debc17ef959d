//! The shipped word lists (crates/seo/data) are well formed: no duplicates, no entry the
//! matching rule can never reach, nothing shorter than three characters unless listed here as
//! intended, and every entry of the two title checks' lists really fires through the engine.

use std::collections::HashSet;
use std::path::Path;

use redaksi_seo::{AnalysisRequest, Content, ProfileId, Status, analyze};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

/// Entries shorter than three characters kept on purpose, with why.
const INTENDED_SHORT: &[(&str, &str)] = &[
    // AFINN-165 as published; the lexicon matches whole words only, so these cannot reach
    // into other words.
    ("en-sentiment-afinn-165.tsv", "ha"),
    ("en-sentiment-afinn-165.tsv", "no"),
    ("en-sentiment-afinn-165.tsv", "xo"),
];

/// The lists the title checks read; each entry is one word (the rules split on spaces).
const POWER_WORDS: [(&str, &str); 2] = [
    ("en", "rankmath-en-power-words.txt"),
    ("id", "rankmath-id-power-words.txt"),
];
const LEXICONS: [&str; 3] = [
    "en-sentiment-afinn-165.tsv",
    "en-sentiment-news.tsv",
    "en-sentiment-emoji.tsv",
];

fn read(name: &str) -> String {
    let path = Path::new(DATA).join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
}

/// The entries of a data file in the one format: `#` comments and blank lines skipped.
fn entries(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// The key of an entry: the word of a lexicon line, the whole line of a list.
fn key(entry: &str) -> &str {
    entry.split('\t').next().unwrap_or(entry)
}

fn data_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(DATA)
        .expect("crates/seo/data is readable")
        .map(|entry| {
            entry
                .expect("a data file")
                .file_name()
                .into_string()
                .expect("UTF-8")
        })
        .filter(|name| name.ends_with(".txt") || name.ends_with(".tsv"))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "{names:?}");
    names
}

#[test]
fn no_list_has_a_duplicate() {
    let mut problems = Vec::new();
    for name in data_files() {
        let text = read(&name);
        let mut seen = HashSet::new();
        for entry in entries(&text) {
            if !seen.insert(key(entry).to_lowercase()) {
                problems.push(format!("{name}: {:?} twice", key(entry)));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn title_check_lists_hold_single_words_of_three_characters_or_more() {
    let names = POWER_WORDS.iter().map(|(_, name)| *name).chain(LEXICONS);
    let mut problems = Vec::new();
    for name in names {
        let text = read(name);
        for entry in entries(&text) {
            let word = key(entry);
            if word.contains(char::is_whitespace) {
                problems.push(format!("{name}: {word:?} has a space and can never match"));
            }
            if word != word.to_lowercase() {
                problems.push(format!("{name}: {word:?} is not lower case"));
            }
            let short = word.chars().count() < 3 && !word.chars().any(|c| !c.is_alphanumeric());
            if short && !INTENDED_SHORT.contains(&(name, word)) {
                problems.push(format!("{name}: {word:?} is shorter than 3 characters"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn each_power_word_list_has_over_a_thousand_entries() {
    for (lang, name) in POWER_WORDS {
        let n = entries(&read(name)).len();
        assert!(n >= 1000, "{lang}: {n} entries");
    }
}

#[test]
fn lexicon_values_are_integers_from_minus_five_to_five() {
    for name in LEXICONS {
        for entry in entries(&read(name)) {
            let (word, value) = entry
                .split_once('\t')
                .unwrap_or_else(|| panic!("{name}: {entry:?} is not word TAB value"));
            let value: i8 = value
                .parse()
                .unwrap_or_else(|_| panic!("{name}: {word}: {value:?}"));
            assert!(
                (-5..=5).contains(&value) && value != 0,
                "{name}: {word} {value}"
            );
        }
    }
    let afinn = entries(&read("en-sentiment-afinn-165.tsv")).len();
    assert_eq!(afinn, 3382 - 30, "AFINN-165 but its 30 two-word entries");
}

fn title_check(title: &str, locale: &str, check: &str) -> Status {
    let request = AnalysisRequest {
        title: title.to_owned(),
        locale: locale.to_owned(),
        content: Content::Html("<p>body</p>".to_owned()),
        ..AnalysisRequest::default()
    };
    let report = analyze(&request, ProfileId::Rankmath.profile());
    report
        .checks
        .into_iter()
        .find(|c| c.id == check)
        .unwrap_or_else(|| panic!("{check} for {title:?}"))
        .status
}

#[test]
fn every_power_word_makes_a_title_pass() {
    for (lang, name) in POWER_WORDS {
        for word in entries(&read(name)) {
            // Title case, as headlines are written: the rule lower-cases the title.
            let title = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
            let status = title_check(&title, lang, "titleHasPowerWords");
            assert_eq!(status, Status::Pass, "{lang}: {word}");
        }
    }
}

#[test]
fn every_lexicon_word_gives_a_title_sentiment() {
    // The last file to rate a word decides its value; all are non-zero, so each must count.
    for name in LEXICONS {
        for entry in entries(&read(name)) {
            let word = key(entry);
            let status = title_check(word, "en", "titleSentiment");
            assert_eq!(status, Status::Pass, "{name}: {word:?}");
        }
    }
}
