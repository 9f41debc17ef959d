//! Keyphrase matching on word boundaries, with word forms, synonyms and an exact mode.
//!
//! A keyphrase matches a sentence when every content word of it (or of one of its synonyms)
//! appears in that sentence in some inflected form, in any order. Function words in the
//! keyphrase are not required. Written in quotes ("harga beras") it matches only those exact
//! words, consecutively.

use std::borrow::Cow;
use std::ops::Range;

use super::Lang;
use super::forms;
use super::lists::builtin;
use super::tokens::{self, Span};

/// A text split into words and sentences once, for all the checks that read it.
#[derive(Debug, Clone)]
pub struct Analysed<'a> {
    pub text: &'a str,
    pub words: Vec<Span>,
    /// Each word lowercased, parallel to `words`; borrowed when the text already is.
    pub lower: Vec<Cow<'a, str>>,
    /// Each sentence as a range of indices into `words`.
    pub sentences: Vec<Range<usize>>,
    /// Each sentence's span in `text`, parallel to `sentences`.
    pub sentence_spans: Vec<Span>,
}

impl<'a> Analysed<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::with_sentences(text, tokens::sentences(text))
    }

    /// A title, slug or alt text: one sentence however it is punctuated.
    pub fn one_sentence(text: &'a str) -> Self {
        let span = 0..text.len();
        Self::with_sentences(text, vec![span])
    }

    fn with_sentences(text: &'a str, sentence_spans: Vec<Span>) -> Self {
        let words = tokens::words(text);
        let lower = words
            .iter()
            .map(|w| {
                let word = &text[w.clone()];
                if word.chars().any(char::is_uppercase) {
                    Cow::Owned(word.to_lowercase())
                } else {
                    Cow::Borrowed(word)
                }
            })
            .collect();
        let mut sentences = Vec::with_capacity(sentence_spans.len());
        let mut w = 0;
        for span in &sentence_spans {
            while w < words.len() && words[w].start < span.start {
                w += 1;
            }
            let first = w;
            while w < words.len() && words[w].end <= span.end {
                w += 1;
            }
            sentences.push(first..w);
        }
        Analysed {
            text,
            words,
            lower,
            sentences,
            sentence_spans,
        }
    }
}

#[derive(Debug, Clone)]
struct Term {
    word: String,
    roots: Vec<String>,
    /// Each root without its first letter (memukul ⊃ ukul) and, when long enough, its last
    /// (policies ⊃ olic, making ⊃ ak): every form of the root contains its probe.
    probes: Vec<String>,
}

impl Term {
    fn new(word: &str, lang: Lang) -> Self {
        let roots = forms::roots(word, lang);
        let probes = roots
            .iter()
            .map(|r| {
                let n = r.chars().count();
                let keep = n.saturating_sub(2).max(1);
                r.chars().skip(1).take(keep).collect::<String>()
            })
            .collect();
        Term {
            word: word.to_owned(),
            roots,
            probes,
        }
    }

    fn matches(&self, word: &str, lang: Lang) -> bool {
        if word == self.word {
            return true;
        }
        if !self
            .probes
            .iter()
            .any(|p| contains(word.as_bytes(), p.as_bytes()))
        {
            return false;
        }
        forms::roots(word, lang)
            .iter()
            .any(|r| self.roots.contains(r))
    }
}

/// Substring test for the short words of a text. `str::contains` builds a Two-Way searcher on
/// every call, which cost more than the whole rest of keyphrase matching.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    haystack.len() >= needle.len()
        && haystack
            .windows(needle.len())
            .any(|window| window[0] == first && window == needle)
}

#[derive(Debug, Clone)]
struct Alternative {
    exact: bool,
    terms: Vec<Term>,
}

/// A focus keyword with its synonyms, ready to match.
#[derive(Debug, Clone)]
pub struct Keyphrase {
    pub phrase: String,
    lang: Lang,
    alternatives: Vec<Alternative>,
}

/// One occurrence: the words that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub words: Vec<Span>,
    /// The index of the sentence it was found in.
    pub sentence: usize,
}

impl Keyphrase {
    /// `None` when the phrase has no words at all ("—", "...").
    pub fn new(phrase: &str, synonyms: &[String], lang: Lang) -> Option<Self> {
        let primary = alternative(phrase, lang)?;
        let mut alternatives = vec![primary];
        alternatives.extend(synonyms.iter().filter_map(|s| alternative(s, lang)));
        Some(Keyphrase {
            phrase: phrase.trim().to_owned(),
            lang,
            alternatives,
        })
    }

    /// How many content words the keyphrase itself has.
    pub fn len(&self) -> usize {
        self.alternatives[0].terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every occurrence in the text, sentence by sentence.
    pub fn find(&self, text: &Analysed<'_>) -> Vec<Match> {
        let mut out = Vec::new();
        for (s, range) in text.sentences.iter().enumerate() {
            for alt in &self.alternatives {
                let before = out.len();
                if alt.exact {
                    exact_matches(alt, text, range.clone(), s, &mut out);
                } else {
                    let mut hits: Vec<Vec<Span>> = vec![Vec::new(); alt.terms.len()];
                    for w in range.clone() {
                        let word: &str = &text.lower[w];
                        for (t, term) in alt.terms.iter().enumerate() {
                            if term.matches(word, self.lang) {
                                hits[t].push(text.words[w].clone());
                                break;
                            }
                        }
                    }
                    let count = hits.iter().map(Vec::len).min().unwrap_or(0);
                    for k in 0..count {
                        let mut words: Vec<Span> = hits.iter().map(|h| h[k].clone()).collect();
                        words.sort_by_key(|w| w.start);
                        out.push(Match { words, sentence: s });
                    }
                }
                if out.len() > before {
                    break; // a synonym does not count again in a sentence the phrase matched
                }
            }
        }
        out
    }

    /// Whether the keyphrase occurs anywhere in a short text such as a title or a slug.
    pub fn occurs_in(&self, text: &str) -> bool {
        !self.find(&Analysed::one_sentence(text)).is_empty()
    }
}

fn exact_matches(
    alt: &Alternative,
    text: &Analysed<'_>,
    range: Range<usize>,
    sentence: usize,
    out: &mut Vec<Match>,
) {
    let n = alt.terms.len();
    if range.len() < n {
        return;
    }
    for start in range.start..=range.end - n {
        if alt
            .terms
            .iter()
            .enumerate()
            .all(|(i, t)| text.lower[start + i] == t.word.as_str())
        {
            out.push(Match {
                words: text.words[start..start + n].to_vec(),
                sentence,
            });
        }
    }
}

fn alternative(phrase: &str, lang: Lang) -> Option<Alternative> {
    let trimmed = phrase.trim();
    let quoted = ['"', '“', '”'].iter().any(|q| trimmed.starts_with(*q))
        && ['"', '“', '”'].iter().any(|q| trimmed.ends_with(*q))
        && trimmed.chars().count() >= 2;
    let inner = if quoted {
        trimmed.trim_matches(|c| matches!(c, '"' | '“' | '”'))
    } else {
        trimmed
    };
    let lower: Vec<String> = tokens::words(inner)
        .into_iter()
        .map(|w| inner[w].to_lowercase())
        .collect();
    if lower.is_empty() {
        return None;
    }
    if quoted {
        let terms = lower.iter().map(|w| Term::new(w, lang)).collect();
        return Some(Alternative { exact: true, terms });
    }
    let function = &builtin().of(lang).function;
    let content: Vec<&String> = lower
        .iter()
        .filter(|w| !function.contains(w.as_str()))
        .collect();
    let chosen: Vec<&String> = if content.is_empty() {
        lower.iter().collect()
    } else {
        content
    };
    let terms = chosen.into_iter().map(|w| Term::new(w, lang)).collect();
    Some(Alternative {
        exact: false,
        terms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(phrase: &str, synonyms: &[&str], text: &str, lang: Lang) -> usize {
        let synonyms: Vec<String> = synonyms.iter().map(|s| s.to_string()).collect();
        let kp = Keyphrase::new(phrase, &synonyms, lang).unwrap();
        kp.find(&Analysed::new(text)).len()
    }

    #[test]
    fn order_free_within_a_sentence_but_not_across_sentences() {
        assert_eq!(
            count(
                "harga beras",
                &[],
                "Beras di pasar naik harganya.",
                Lang::Id
            ),
            1
        );
        assert_eq!(
            count("harga beras", &[], "Beras naik. Harga turun.", Lang::Id),
            0
        );
        assert_eq!(
            count(
                "harga beras",
                &[],
                "Harga cabai naik karena berasal dari impor.",
                Lang::Id
            ),
            0
        );
    }

    #[test]
    fn quotes_ask_for_the_exact_words_in_order() {
        assert_eq!(
            count("\"harga beras\"", &[], "Harga beras naik.", Lang::Id),
            1
        );
        assert_eq!(
            count("\"harga beras\"", &[], "Beras, harganya naik.", Lang::Id),
            0
        );
    }

    #[test]
    fn synonyms_count_once_per_sentence() {
        assert_eq!(
            count(
                "beras",
                &["nasi"],
                "Nasi dan beras mahal. Nasi habis.",
                Lang::Id
            ),
            2
        );
    }

    #[test]
    fn words_without_letters_are_no_keyphrase() {
        assert!(Keyphrase::new("—", &[], Lang::Id).is_none());
        assert!(Keyphrase::new("...", &[], Lang::En).is_none());
    }
}
