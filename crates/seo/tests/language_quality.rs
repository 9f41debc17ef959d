//! Measures the language analysis against hand-labelled data sets in tests/data and asserts the
//! newsroom profile's quality targets. Run with `--nocapture` to see the figures.

use redaksi_seo::document::{BlockKind, Document};
use redaksi_seo::lang::keyphrase::{Analysed, Keyphrase};
use redaksi_seo::lang::passive::passive_word;
use redaksi_seo::lang::{Lang, tokens};

#[derive(Default, Debug)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    misses: Vec<String>,
}

impl Tally {
    fn add(&mut self, expected: bool, got: bool, what: impl Into<String>) {
        match (expected, got) {
            (true, true) => self.tp += 1,
            (false, false) => self.tn += 1,
            (false, true) => {
                self.fp += 1;
                self.misses.push(format!("false positive: {}", what.into()));
            }
            (true, false) => {
                self.fn_ += 1;
                self.misses.push(format!("false negative: {}", what.into()));
            }
        }
    }

    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }

    fn report(&self, name: &str) {
        println!(
            "{name}: n={} precision={:.3} recall={:.3} (tp {} fp {} fn {} tn {})",
            self.tp + self.fp + self.fn_ + self.tn,
            self.precision(),
            self.recall(),
            self.tp,
            self.fp,
            self.fn_,
            self.tn
        );
        for miss in &self.misses {
            println!("  {miss}");
        }
    }

    fn assert_at_least(&self, name: &str, target: f64) {
        self.report(name);
        assert!(
            self.precision() >= target && self.recall() >= target,
            "{name}: precision {:.3} / recall {:.3} below the target {target}",
            self.precision(),
            self.recall()
        );
    }
}

fn rows(file: &str) -> impl Iterator<Item = Vec<&str>> {
    file.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn passive_tally(file: &str, lang: Lang) -> Tally {
    let mut tally = Tally::default();
    let mut n = 0;
    for row in rows(file) {
        let [label, sentence] = row[..] else {
            panic!("bad row {row:?}")
        };
        let text = Analysed::new(sentence);
        let got = passive_word(&text.lower, lang).is_some();
        tally.add(label == "P", got, sentence);
        n += 1;
    }
    assert!(
        n >= if lang == Lang::Id { 300 } else { 200 },
        "only {n} sentences"
    );
    tally
}

#[test]
fn indonesian_passive_voice_reaches_0_9() {
    passive_tally(include_str!("data/id-passive.tsv"), Lang::Id)
        .assert_at_least("Indonesian passive", 0.9);
}

#[test]
fn english_passive_voice_reaches_0_9() {
    passive_tally(include_str!("data/en-passive.tsv"), Lang::En)
        .assert_at_least("English passive", 0.9);
}

#[test]
fn keyphrase_word_forms_reach_0_95() {
    let mut tallies = [Tally::default(), Tally::default()];
    let mut n = 0;
    for row in rows(include_str!("data/keyphrase-pairs.tsv")) {
        let [lang, label, phrase, synonyms, text] = row[..] else {
            panic!("bad row {row:?}")
        };
        let lang = if lang == "en" { Lang::En } else { Lang::Id };
        let synonyms: Vec<String> = if synonyms == "-" {
            Vec::new()
        } else {
            synonyms.split('|').map(str::to_owned).collect()
        };
        let keyphrase = Keyphrase::new(phrase, &synonyms, lang).expect("a keyphrase with words");
        let got = !keyphrase.find(&Analysed::new(text)).is_empty();
        tallies[usize::from(lang == Lang::En)].add(label == "M", got, format!("{phrase} / {text}"));
        n += 1;
    }
    assert!(n >= 200, "only {n} pairs");
    tallies[0].report("Indonesian keyphrase forms");
    tallies[1].report("English keyphrase forms");
    let all = Tally {
        tp: tallies[0].tp + tallies[1].tp,
        fp: tallies[0].fp + tallies[1].fp,
        fn_: tallies[0].fn_ + tallies[1].fn_,
        tn: tallies[0].tn + tallies[1].tn,
        misses: Vec::new(),
    };
    all.assert_at_least("All keyphrase forms", 0.95);
}

/// Sentence boundaries: per text, min(found, expected) are right, the surplus are false
/// boundaries and the shortfall missed ones.
#[test]
fn sentence_splitting_reaches_0_95() {
    let mut tally = Tally::default();
    let mut n = 0;
    for row in rows(include_str!("data/sentence-counts.tsv")) {
        let [count, text] = row[..] else {
            panic!("bad row {row:?}")
        };
        let expected: usize = count.parse().expect("a count");
        let markdown = text.replace("\\n", "\n");
        let document = Document::from_markdown(&markdown);
        let found: usize = document
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote))
            .map(|block| tokens::sentences(document.block_text(block)).len())
            .sum();
        tally.tp += found.min(expected);
        if found > expected {
            tally.fp += found - expected;
            tally.misses.push(format!("{found} for {expected}: {text}"));
        } else if found < expected {
            tally.fn_ += expected - found;
            tally.misses.push(format!("{found} for {expected}: {text}"));
        }
        n += 1;
    }
    assert!(n >= 100, "only {n} texts");
    tally.assert_at_least("Sentence splitting", 0.95);
}
