//! Phrase lists (transition words, power words) matched on whole words.
//!
//! Entries may be several words ("oleh karena itu", "how to") or paired ("baik … maupun"),
//! whose parts must appear in order within one sentence. Entries are indexed by their first
//! word so a sentence is scanned once, whatever the size of the list.

use super::fast_hash::FastMap;

#[derive(Debug, Clone)]
struct Entry {
    /// Each part is a run of consecutive words.
    parts: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    entries: Vec<Entry>,
    by_first_word: FastMap<String, Vec<usize>>,
}

impl PhraseSet {
    pub fn new<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut set = PhraseSet::default();
        set.extend(lines);
        set
    }

    /// Adds entries (a newsroom's extra list from the rules config).
    pub fn extend<'a>(&mut self, lines: impl IntoIterator<Item = &'a str>) {
        for line in lines {
            let parts: Vec<Vec<String>> = line
                .split(['…'])
                .flat_map(|p| p.split("..."))
                .map(|part| {
                    part.split_whitespace()
                        .map(str::to_lowercase)
                        .collect::<Vec<_>>()
                })
                .filter(|words| !words.is_empty())
                .collect();
            let Some(first) = parts.first().and_then(|p| p.first()).cloned() else {
                continue;
            };
            self.by_first_word
                .entry(first)
                .or_default()
                .push(self.entries.len());
            self.entries.push(Entry { parts });
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every match in a sentence's lowercase words, as (first word, last word + 1) index pairs;
    /// a paired entry gives the range from its first part to the end of its last.
    pub fn find<S: AsRef<str>>(&self, words: &[S]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let Some(candidates) = self.by_first_word.get(word.as_ref()) else {
                continue;
            };
            for &e in candidates {
                if let Some(end) = self.entries[e].match_at(words, i) {
                    out.push((i, end));
                }
            }
        }
        out
    }

    /// Whether any entry occurs in the sentence.
    pub fn any<S: AsRef<str>>(&self, words: &[S]) -> bool {
        !self.find(words).is_empty()
    }
}

impl Entry {
    fn match_at<S: AsRef<str>>(&self, words: &[S], at: usize) -> Option<usize> {
        let run = |part: &[String], i: usize| {
            (i + part.len() <= words.len()
                && part.iter().zip(&words[i..]).all(|(p, w)| p == w.as_ref()))
            .then_some(i + part.len())
        };
        let mut end = run(&self.parts[0], at)?;
        for part in &self.parts[1..] {
            end = (end..words.len()).find_map(|i| run(part, i))?;
        }
        Some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn multi_word_and_paired_entries_match_whole_words_in_order() {
        let set = PhraseSet::new(["oleh karena itu", "baik … maupun", "namun"]);
        assert_eq!(set.find(&words("oleh karena itu harga naik")), [(0, 3)]);
        assert!(set.any(&words("baik petani maupun pedagang rugi")));
        assert!(!set.any(&words("maupun petani baik")));
        assert!(!set.any(&words("namunya bukan kata")));
        assert!(!set.any(&words("oleh karena hujan")));
    }
}
