//! Every headline of ../shared/specs/rankmath-titles.json (300 English, 300 Indonesian, each
//! with Rank Math's own verdict) through the `rankmath` profile's two title checks. Our word
//! lists are our own, so agreement is a rate, not equality: at least 97% for each (language,
//! check) pair. A failure lists every headline where we differ.

use redaksi_seo::{AnalysisRequest, Content, ProfileId, analyze};
use serde::Deserialize;

const TITLES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/specs/rankmath-titles.json"
);

/// The least agreement we accept for each (language, check) pair.
const TARGET: f64 = 0.97;

#[derive(Deserialize)]
struct File {
    titles: Vec<Title>,
}

#[derive(Deserialize)]
struct Title {
    lang: String,
    title: String,
    power_word: u32,
    /// English only: Rank Math drops the check for other locales.
    sentiment: Option<u32>,
}

fn titles() -> Vec<Title> {
    let text = std::fs::read_to_string(TITLES).unwrap_or_else(|err| {
        panic!("the labelled headlines are missing: cannot read {TITLES}: {err}")
    });
    let file: File = serde_json::from_str(&text).expect("rankmath-titles.json parses");
    assert_eq!(
        file.titles.len(),
        600,
        "300 English and 300 Indonesian headlines"
    );
    file.titles
}

/// The points of a check for a headline scored as Rank Math's minimal case: a short body, a
/// slug and one focus keyword from the headline.
fn points(title: &Title, check: &str) -> u32 {
    let keyword = title
        .title
        .split_whitespace()
        .find(|word| word.chars().all(char::is_alphabetic))
        .unwrap_or("berita");
    let request = AnalysisRequest {
        title: title.title.clone(),
        slug: "headline".to_owned(),
        locale: title.lang.clone(),
        keywords: vec![keyword.to_owned()],
        content: Content::Html(format!("<p>{keyword} in a short body.</p>")),
        ..AnalysisRequest::default()
    };
    let report = analyze(&request, ProfileId::Rankmath.profile());
    let found = report.checks.iter().find(|c| c.id == check);
    found
        .unwrap_or_else(|| panic!("{check} missing for {}", title.title))
        .points
}

/// Agreement with Rank Math for one language and check, and the headlines where we differ.
fn agreement(
    lang: &str,
    check: &str,
    expected: impl Fn(&Title) -> Option<u32>,
) -> (f64, Vec<String>) {
    let titles = titles();
    let mut total = 0;
    let mut differ = Vec::new();
    for title in titles.iter().filter(|t| t.lang == lang) {
        let want = expected(title).expect("every headline of this language has a verdict");
        total += 1;
        let got = points(title, check);
        if got != want {
            differ.push(format!("  Rank Math {want}, ours {got}: {}", title.title));
        }
    }
    assert_eq!(total, 300, "{lang} headlines");
    (1.0 - differ.len() as f64 / f64::from(total), differ)
}

fn assert_agrees(lang: &str, check: &str, expected: impl Fn(&Title) -> Option<u32>) {
    let (rate, differ) = agreement(lang, check, expected);
    println!("{lang} {check}: {:.1}% agreement", rate * 100.0);
    for line in &differ {
        println!("{line}");
    }
    assert!(
        rate >= TARGET,
        "{lang} {check}: {:.1}% agreement, below {:.0}%:\n{}",
        rate * 100.0,
        TARGET * 100.0,
        differ.join("\n")
    );
}

#[test]
fn english_power_words_agree_with_rank_math() {
    assert_agrees("en", "titleHasPowerWords", |t| Some(t.power_word));
}

#[test]
fn indonesian_power_words_agree_with_rank_math() {
    assert_agrees("id", "titleHasPowerWords", |t| Some(t.power_word));
}

#[test]
fn english_sentiment_agrees_with_rank_math() {
    assert_agrees("en", "titleSentiment", |t| t.sentiment);
}
