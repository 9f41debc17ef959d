//! The newsroom checks. Each reads the analysed [`Article`] and returns a [`Finding`]; weights
//! and the message text are applied by the caller.

use std::sync::LazyLock;

use redaksi_article::Lang;
use regex::Regex;

use super::pixels::title_width;
use super::{Article, Finding, Part, share};
use crate::document::BlockKind;
use crate::lang::fast_hash::FastSet;
use crate::lang::keyphrase::{Analysed, Match};
use crate::lang::passive::passive_word_except;
use crate::report::{Group, Mark};

/// One newsroom check: its id (in the rules file, the messages and the schema), its checklist
/// group, whether it reads the keyphrase (then it runs again for each secondary keyword), and
/// what it computes.
pub(crate) struct CheckDef {
    pub id: &'static str,
    pub group: Group,
    pub keyword: bool,
    pub run: fn(&Article<'_>) -> Finding,
}

/// Every check of the newsroom profile, in checklist order: the one place a check is declared.
pub(crate) const CHECKS: [CheckDef; 31] = [
    CheckDef {
        id: "keyphraseSet",
        group: Group::BasicSeo,
        keyword: false,
        run: keyphrase_set,
    },
    CheckDef {
        id: "keyphraseInTitle",
        group: Group::BasicSeo,
        keyword: true,
        run: in_title,
    },
    CheckDef {
        id: "keyphraseInLead",
        group: Group::BasicSeo,
        keyword: true,
        run: in_lead,
    },
    CheckDef {
        id: "keyphraseInDescription",
        group: Group::BasicSeo,
        keyword: true,
        run: in_description,
    },
    CheckDef {
        id: "keyphraseInSlug",
        group: Group::BasicSeo,
        keyword: true,
        run: in_slug,
    },
    CheckDef {
        id: "keyphraseDensity",
        group: Group::BasicSeo,
        keyword: true,
        run: density,
    },
    CheckDef {
        id: "keyphraseSpread",
        group: Group::BasicSeo,
        keyword: true,
        run: spread,
    },
    CheckDef {
        id: "textLength",
        group: Group::BasicSeo,
        keyword: false,
        run: text_length,
    },
    CheckDef {
        id: "keyphraseInSubheadings",
        group: Group::Additional,
        keyword: true,
        run: in_subheadings,
    },
    CheckDef {
        id: "keyphraseInImageAlt",
        group: Group::Additional,
        keyword: true,
        run: in_image_alt,
    },
    CheckDef {
        id: "titleLength",
        group: Group::Additional,
        keyword: false,
        run: title_length,
    },
    CheckDef {
        id: "descriptionLength",
        group: Group::Additional,
        keyword: false,
        run: description_length,
    },
    CheckDef {
        id: "slugLength",
        group: Group::Additional,
        keyword: false,
        run: slug_length,
    },
    CheckDef {
        id: "internalLinks",
        group: Group::Additional,
        keyword: false,
        run: |a| links(a, true),
    },
    CheckDef {
        id: "externalLinks",
        group: Group::Additional,
        keyword: false,
        run: |a| links(a, false),
    },
    CheckDef {
        id: "competingLinks",
        group: Group::Additional,
        keyword: true,
        run: competing_links,
    },
    CheckDef {
        id: "titlePowerWord",
        group: Group::Additional,
        keyword: false,
        run: power_word,
    },
    CheckDef {
        id: "sentenceLength",
        group: Group::ContentReadability,
        keyword: false,
        run: sentence_length,
    },
    CheckDef {
        id: "paragraphLength",
        group: Group::ContentReadability,
        keyword: false,
        run: paragraph_length,
    },
    CheckDef {
        id: "passiveVoice",
        group: Group::ContentReadability,
        keyword: false,
        run: passive_voice,
    },
    CheckDef {
        id: "transitionWords",
        group: Group::ContentReadability,
        keyword: false,
        run: transitions,
    },
    CheckDef {
        id: "sentenceStarts",
        group: Group::ContentReadability,
        keyword: false,
        run: sentence_starts,
    },
    CheckDef {
        id: "subheadingDistribution",
        group: Group::ContentReadability,
        keyword: false,
        run: subheading_distribution,
    },
    CheckDef {
        id: "fleschReadingEase",
        group: Group::ContentReadability,
        keyword: false,
        run: flesch,
    },
    CheckDef {
        id: "headlineLength",
        group: Group::News,
        keyword: false,
        run: headline_length,
    },
    CheckDef {
        id: "leadLength",
        group: Group::News,
        keyword: false,
        run: lead_length,
    },
    CheckDef {
        id: "byline",
        group: Group::News,
        keyword: false,
        run: |a| present(a.request.byline.as_deref()),
    },
    CheckDef {
        id: "dateline",
        group: Group::News,
        keyword: false,
        run: dateline,
    },
    CheckDef {
        id: "headlineAsAnchor",
        group: Group::News,
        keyword: false,
        run: headline_as_anchor,
    },
    CheckDef {
        id: "duplicateContent",
        group: Group::News,
        keyword: false,
        run: duplicates,
    },
    CheckDef {
        id: "boilerplate",
        group: Group::News,
        keyword: false,
        run: boilerplate,
    },
];

/// A share as a whole percentage, for messages.
fn percent(ratio: f64) -> usize {
    (ratio * 100.0).round() as usize
}

fn match_marks(a: &Article<'_>, part: &Part<'_>, matches: &[Match]) -> Vec<Mark> {
    matches
        .iter()
        .flat_map(|m| m.words.iter().map(|w| a.mark(part, w)))
        .collect()
}

/// Every keyphrase occurrence in the counted body as (part index, matches), computed once per
/// keyphrase and shared by the checks that need it.
fn occurrences<'p>(a: &'p Article<'_>) -> &'p [(usize, Vec<Match>)] {
    a.occurrences.get_or_init(|| {
        let Some(kp) = &a.keyphrase else {
            return Vec::new();
        };
        a.parts
            .iter()
            .enumerate()
            .filter(|(_, p)| p.counts())
            .map(|(i, p)| (i, kp.find(&p.text)))
            .filter(|(_, m)| !m.is_empty())
            .collect()
    })
}

fn keyphrase_set(a: &Article<'_>) -> Finding {
    match &a.keyphrase {
        Some(kp) => Finding::pass().arg("keyphrase", kp.phrase.as_str()),
        None => Finding::fail(),
    }
}

fn in_title(a: &Article<'_>) -> Finding {
    let Some(kp) = &a.keyphrase else {
        return Finding::na();
    };
    let title = a.request.title.as_str();
    let text = Analysed::one_sentence(title);
    match kp.find(&text).first() {
        None => Finding::fail(),
        Some(m) if m.words[0].start <= title.len() / 2 => Finding::pass(),
        Some(_) => Finding::warn(),
    }
}

fn in_lead(a: &Article<'_>) -> Finding {
    let Some(kp) = &a.keyphrase else {
        return Finding::na();
    };
    let Some(lead) = a.lead() else {
        return Finding::fail();
    };
    let found = kp.find(&lead.text);
    if found.is_empty() {
        Finding::fail().marks([a.block_mark(lead)])
    } else {
        Finding::pass().marks(match_marks(a, lead, &found))
    }
}

fn in_description(a: &Article<'_>) -> Finding {
    let Some(kp) = &a.keyphrase else {
        return Finding::na();
    };
    if kp.find(&Analysed::new(&a.request.description)).is_empty() {
        Finding::fail()
    } else {
        Finding::pass()
    }
}

fn in_slug(a: &Article<'_>) -> Finding {
    let Some(kp) = &a.keyphrase else {
        return Finding::na();
    };
    let slug = a.request.slug.replace(['-', '_', '/'], " ");
    if slug.trim().is_empty() {
        Finding::na()
    } else if kp.occurs_in(&slug) {
        Finding::pass()
    } else {
        Finding::fail()
    }
}

fn density(a: &Article<'_>) -> Finding {
    let Some(kp) = &a.keyphrase else {
        return Finding::na();
    };
    if a.word_count == 0 {
        return Finding::na();
    }
    let t = a.thresholds();
    let found = occurrences(a);
    let count: usize = found.iter().map(|(_, m)| m.len()).sum();
    let n = kp.len().max(1);
    let percent = share(count * n, a.word_count) * 100.0;
    let max = t.density_max + t.density_max_per_extra_word * (n - 1) as f64;
    let marks: Vec<Mark> = found
        .iter()
        .flat_map(|(i, m)| match_marks(a, &a.parts[*i], m))
        .collect();
    let finding = if count == 0 {
        Finding::fail()
    } else if percent < t.density_min {
        Finding::warn()
    } else if percent > max {
        Finding::fail()
    } else {
        Finding::pass()
    };
    finding
        .arg("count", count)
        .arg("percent", (percent * 100.0).round() / 100.0)
        .arg("min", t.density_min)
        .arg("max", max)
        .marks(marks)
}

fn spread(a: &Article<'_>) -> Finding {
    if a.keyphrase.is_none() || a.word_count < a.thresholds().text_warn_words {
        return Finding::na();
    }
    let mut thirds = [false; 3];
    let mut marks = Vec::new();
    // Words before each part, to place a match in the text's first, middle or last third.
    let mut before = Vec::with_capacity(a.parts.len());
    let mut seen = 0usize;
    for part in &a.parts {
        before.push(seen);
        if part.counts() {
            seen += part.text.words.len();
        }
    }
    for (i, matches) in occurrences(a) {
        let part = &a.parts[*i];
        for m in matches {
            let index = before[*i] + part.text.sentences[m.sentence].start;
            thirds[(index * 3 / a.word_count).min(2)] = true;
            marks.extend(m.words.iter().map(|w| a.mark(part, w)));
        }
    }
    let covered = thirds.iter().filter(|t| **t).count();
    let finding = match covered {
        3 => Finding::pass(),
        2 => Finding::warn(),
        _ => Finding::fail(),
    };
    finding.arg("thirds", covered).marks(marks)
}

fn text_length(a: &Article<'_>) -> Finding {
    let t = a.thresholds();
    let finding = if a.word_count >= t.text_min_words {
        Finding::pass()
    } else if a.word_count >= t.text_warn_words {
        Finding::warn()
    } else {
        Finding::fail()
    };
    finding
        .arg("words", a.word_count)
        .arg("min", t.text_min_words)
}

fn in_subheadings(a: &Article<'_>) -> Finding {
    let Some(kp) = &a.keyphrase else {
        return Finding::na();
    };
    let subheadings: Vec<&Part<'_>> = a
        .parts
        .iter()
        .filter(|p| matches!(p.block.kind, BlockKind::Heading(2 | 3)) && !p.boilerplate)
        .collect();
    if subheadings.is_empty() {
        return Finding::na();
    }
    let mut marks = Vec::new();
    let mut with = 0usize;
    for part in &subheadings {
        let found = kp.find(&part.text);
        if !found.is_empty() {
            with += 1;
            marks.extend(match_marks(a, part, &found));
        }
    }
    let t = a.thresholds();
    let ratio = share(with, subheadings.len());
    let finding = if (t.subheading_share_min..=t.subheading_share_max).contains(&ratio) {
        Finding::pass()
    } else if with > 0 {
        Finding::warn()
    } else {
        marks.extend(subheadings.iter().map(|p| a.block_mark(p)));
        Finding::fail()
    };
    finding
        .arg("with", with)
        .arg("total", subheadings.len())
        .marks(marks)
}

fn in_image_alt(a: &Article<'_>) -> Finding {
    let Some(kp) = &a.keyphrase else {
        return Finding::na();
    };
    let images = &a.document.images;
    let featured = a.request.featured_image_alt.as_deref();
    if images.is_empty() && featured.is_none() {
        return Finding::na();
    }
    let with: Vec<Mark> = images
        .iter()
        .filter(|i| kp.occurs_in(&i.alt))
        .map(|i| i.source.clone().into())
        .collect();
    if !with.is_empty() || featured.is_some_and(|alt| kp.occurs_in(alt)) {
        Finding::pass().marks(with)
    } else {
        Finding::fail().marks(images.iter().map(|i| i.source.clone().into()))
    }
}

fn title_length(a: &Article<'_>) -> Finding {
    let t = a.thresholds();
    let title = a.request.title.trim();
    let chars = title.chars().count();
    let pixels = title_width(title);
    let finding = if chars == 0 {
        Finding::fail()
    } else if (t.title_min_chars..=t.title_max_chars).contains(&chars)
        && pixels <= t.title_max_pixels
    {
        Finding::pass()
    } else if chars + 10 >= t.title_min_chars
        && chars <= t.title_max_chars + 10
        && pixels <= t.title_max_pixels * 11 / 10
    {
        Finding::warn()
    } else {
        Finding::fail()
    };
    finding
        .arg("chars", chars)
        .arg("pixels", pixels)
        .arg("min", t.title_min_chars)
        .arg("max", t.title_max_chars)
        .arg("maxPixels", t.title_max_pixels)
}

fn description_length(a: &Article<'_>) -> Finding {
    let t = a.thresholds();
    let chars = a.request.description.trim().chars().count();
    let finding = if chars == 0 {
        Finding::fail()
    } else if (t.description_min_chars..=t.description_max_chars).contains(&chars) {
        Finding::pass()
    } else if chars + 30 >= t.description_min_chars && chars <= t.description_max_chars + 20 {
        Finding::warn()
    } else {
        Finding::fail()
    };
    finding
        .arg("chars", chars)
        .arg("min", t.description_min_chars)
        .arg("max", t.description_max_chars)
}

fn slug_length(a: &Article<'_>) -> Finding {
    let t = a.thresholds();
    let slug = a.request.slug.trim().trim_matches('/');
    if slug.is_empty() {
        return Finding::na();
    }
    let words: Vec<&str> = slug.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    let function = &crate::lang::lists::builtin().of(a.lang).function;
    let stop: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| function.contains(*w))
        .collect();
    let problems =
        usize::from(slug.chars().count() > t.slug_max_chars || words.len() > t.slug_max_words)
            + usize::from(!stop.is_empty());
    let finding = match problems {
        0 => Finding::pass(),
        1 => Finding::warn(),
        _ => Finding::fail(),
    };
    finding
        .arg("chars", slug.chars().count())
        .arg("stopWords", stop.join(", "))
}

fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    Some(host.trim_start_matches("www.").to_owned())
}

/// `Some(true)` internal, `Some(false)` external, `None` not a web link (mailto:, #anchor).
fn is_internal(href: &str, site: Option<&str>) -> Option<bool> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    if let Some(h) = host(href) {
        return Some(site.is_some_and(|s| s == h));
    }
    if href.starts_with("//") {
        let h = href
            .trim_start_matches('/')
            .split('/')
            .next()?
            .trim_start_matches("www.");
        return Some(site.is_some_and(|s| s == h));
    }
    let scheme = href.split_once(':').map(|(s, _)| s);
    if scheme.is_some_and(|s| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    }) {
        return None;
    }
    Some(true)
}

fn links(a: &Article<'_>, internal: bool) -> Finding {
    let site = host(&a.request.site_url);
    let marks: Vec<Mark> = a
        .document
        .links
        .iter()
        .filter(|l| is_internal(&l.href, site.as_deref()) == Some(internal))
        .map(|l| l.source.clone().into())
        .collect();
    let count = marks.len();
    let finding = if count > 0 {
        Finding::pass()
    } else {
        Finding::fail()
    };
    finding.arg("count", count).marks(marks)
}

fn competing_links(a: &Article<'_>) -> Finding {
    let Some(kp) = &a.keyphrase else {
        return Finding::na();
    };
    if a.document.links.is_empty() {
        return Finding::na();
    }
    let function = &crate::lang::lists::builtin().of(a.lang).function;
    let competing: Vec<Mark> = a
        .document
        .links
        .iter()
        .filter(|l| {
            let anchor = Analysed::one_sentence(&l.text);
            let content = anchor
                .lower
                .iter()
                .filter(|w| !function.contains(w.as_ref()))
                .count();
            content == kp.len() && !kp.find(&anchor).is_empty()
        })
        .map(|l| l.source.clone().into())
        .collect();
    if competing.is_empty() {
        Finding::pass()
    } else {
        Finding::fail()
            .arg("count", competing.len())
            .marks(competing)
    }
}

fn power_word(a: &Article<'_>) -> Finding {
    let title = Analysed::one_sentence(&a.request.title);
    match a.words().power.find(&title.lower).first() {
        Some(&(start, end)) => Finding::pass().arg("word", title.lower[start..end].join(" ")),
        None => Finding::fail(),
    }
}

/// Every prose sentence as (part, sentence index).
fn sentences<'p>(a: &'p Article<'_>) -> Vec<(&'p Part<'p>, usize)> {
    a.prose()
        .flat_map(|p| (0..p.text.sentences.len()).map(move |s| (p, s)))
        .filter(|(p, s)| !p.text.sentences[*s].is_empty())
        .collect()
}

fn sentence_mark(a: &Article<'_>, part: &Part<'_>, s: usize) -> Mark {
    a.mark(part, &part.text.sentence_spans[s])
}

fn sentence_length(a: &Article<'_>) -> Finding {
    let all = sentences(a);
    if all.is_empty() {
        return Finding::na();
    }
    let t = a.thresholds();
    let long: Vec<Mark> = all
        .iter()
        .filter(|(p, s)| p.text.sentences[*s].len() > t.sentence_max_words)
        .map(|(p, s)| sentence_mark(a, p, *s))
        .collect();
    let ratio = share(long.len(), all.len());
    let finding = if ratio <= t.long_sentence_share_good {
        Finding::pass()
    } else if ratio <= t.long_sentence_share_ok {
        Finding::warn()
    } else {
        Finding::fail()
    };
    finding
        .arg("percent", percent(ratio))
        .arg("maxWords", t.sentence_max_words)
        .marks(long)
}

fn paragraph_length(a: &Article<'_>) -> Finding {
    let t = a.thresholds();
    let prose: Vec<&Part<'_>> = a.prose().collect();
    if prose.is_empty() {
        return Finding::na();
    }
    let long: Vec<Mark> = prose
        .iter()
        .filter(|p| {
            p.text.words.len() > t.paragraph_max_words
                || p.text.sentences.len() > t.paragraph_max_sentences
        })
        .map(|p| a.block_mark(p))
        .collect();
    let finding = if long.is_empty() {
        Finding::pass()
    } else if share(long.len(), prose.len()) <= 0.15 {
        Finding::warn()
    } else {
        Finding::fail()
    };
    finding
        .arg("count", long.len())
        .arg("maxWords", t.paragraph_max_words)
        .arg("maxSentences", t.paragraph_max_sentences)
        .marks(long)
}

fn passive_voice(a: &Article<'_>) -> Finding {
    let all = sentences(a);
    if all.is_empty() {
        return Finding::na();
    }
    let extra = &a.words().passive_exceptions;
    let marks: Vec<Mark> = all
        .iter()
        .filter_map(|(p, s)| {
            let range = p.text.sentences[*s].clone();
            let i = passive_word_except(&p.text.lower[range.clone()], a.lang, extra)?;
            Some(a.mark(p, &p.text.words[range.start + i]))
        })
        .collect();
    let t = a.thresholds();
    let (good, ok) = match a.lang {
        Lang::Id => (t.passive_share_good_id, t.passive_share_ok_id),
        Lang::En => (t.passive_share_good_en, t.passive_share_ok_en),
    };
    let ratio = share(marks.len(), all.len());
    let finding = if ratio <= good {
        Finding::pass()
    } else if ratio <= ok {
        Finding::warn()
    } else {
        Finding::fail()
    };
    finding
        .arg("percent", percent(ratio))
        .arg("max", percent(good))
        .marks(marks)
}

fn transitions(a: &Article<'_>) -> Finding {
    let all = sentences(a);
    if all.len() < 3 {
        return Finding::na();
    }
    let set = &a.words().transitions;
    let mut with = 0usize;
    let mut marks = Vec::new();
    for (p, s) in &all {
        let range = p.text.sentences[*s].clone();
        let found = set.find(&p.text.lower[range.clone()]);
        if let Some(&(start, end)) = found.first() {
            with += 1;
            let (first, last) = (
                &p.text.words[range.start + start],
                &p.text.words[range.start + end - 1],
            );
            marks.push(a.mark(p, &(first.start..last.end)));
        }
    }
    let t = a.thresholds();
    let ratio = share(with, all.len());
    let finding = if ratio >= t.transition_share_good {
        Finding::pass()
    } else if ratio >= t.transition_share_ok {
        Finding::warn()
    } else {
        Finding::fail()
    };
    finding
        .arg("percent", percent(ratio))
        .arg("min", percent(t.transition_share_good))
        .marks(marks)
}

fn sentence_starts(a: &Article<'_>) -> Finding {
    let all = sentences(a);
    if all.len() < 2 {
        return Finding::na();
    }
    let run_min = a.thresholds().same_start_run.max(2);
    let first_word = |&(p, s): &(&Part<'_>, usize)| -> (String, Mark) {
        let range = p.text.sentences[s].clone();
        (
            p.text.lower[range.start].to_string(),
            a.mark(p, &p.text.words[range.start]),
        )
    };
    let mut runs = 0usize;
    let mut marks = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let (word, _) = first_word(&all[i]);
        let mut j = i + 1;
        while j < all.len() && first_word(&all[j]).0 == word {
            j += 1;
        }
        if j - i >= run_min {
            runs += 1;
            marks.extend(all[i..j].iter().map(|x| first_word(x).1));
        }
        i = j;
    }
    let finding = match runs {
        0 => Finding::pass(),
        1 => Finding::warn(),
        _ => Finding::fail(),
    };
    finding.arg("runs", runs).arg("run", run_min).marks(marks)
}

fn subheading_distribution(a: &Article<'_>) -> Finding {
    let max = a.thresholds().subheading_max_words;
    if a.word_count <= max {
        return Finding::na();
    }
    let mut marks = Vec::new();
    let mut words = 0;
    let mut section: Option<(usize, usize)> = None;
    let close = |words: usize, section: Option<(usize, usize)>, marks: &mut Vec<Mark>| {
        if let Some((start, end)) = section.filter(|_| words > max) {
            marks.push(Mark { start, end });
        }
    };
    for part in a.parts.iter().filter(|p| !p.boilerplate) {
        if matches!(part.block.kind, BlockKind::Heading(_)) {
            close(words, section.take(), &mut marks);
            words = 0;
            continue;
        }
        if !part.counts() {
            continue;
        }
        words += part.text.words.len();
        let source = &part.block.source;
        section = Some(section.map_or((source.start, source.end), |(s, _)| (s, source.end)));
    }
    close(words, section, &mut marks);
    let finding = if marks.is_empty() {
        Finding::pass()
    } else {
        Finding::fail()
    };
    finding
        .arg("count", marks.len())
        .arg("max", max)
        .marks(marks)
}

fn syllables(word: &str) -> usize {
    let mut count = 0;
    let mut previous_vowel = false;
    for c in word.chars() {
        let vowel = "aeiouy".contains(c);
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
    }
    if word.ends_with('e') && !word.ends_with("le") && count > 1 {
        count -= 1;
    }
    count.max(1)
}

fn flesch(a: &Article<'_>) -> Finding {
    if a.lang != Lang::En {
        return Finding::na();
    }
    let all = sentences(a);
    if all.is_empty() {
        return Finding::na();
    }
    let (mut words, mut syllable_count) = (0usize, 0usize);
    for (p, s) in &all {
        for w in &p.text.lower[p.text.sentences[*s].clone()] {
            words += 1;
            syllable_count += syllables(w);
        }
    }
    let score = 206.835 - 1.015 * share(words, all.len()) - 84.6 * share(syllable_count, words);
    let t = a.thresholds();
    let finding = if score >= t.flesch_good {
        Finding::pass()
    } else if score >= t.flesch_ok {
        Finding::warn()
    } else {
        Finding::fail()
    };
    finding.arg("score", (score * 10.0).round() / 10.0)
}

fn headline_length(a: &Article<'_>) -> Finding {
    let t = a.thresholds();
    let headline = a.headline().trim();
    let words = crate::lang::tokens::words(headline).len();
    let chars = headline.chars().count();
    let finding = if (t.headline_min_words..=t.headline_max_words).contains(&words)
        && chars >= t.headline_min_chars
    {
        Finding::pass()
    } else {
        Finding::fail()
    };
    finding
        .arg("words", words)
        .arg("chars", chars)
        .arg("minWords", t.headline_min_words)
        .arg("maxWords", t.headline_max_words)
        .arg("minChars", t.headline_min_chars)
}

fn lead_length(a: &Article<'_>) -> Finding {
    let Some(lead) = a.lead() else {
        return Finding::na();
    };
    let max = a.thresholds().lead_max_words;
    let words = lead.text.words.len();
    let finding = if words <= max {
        Finding::pass()
    } else if words <= max + max / 3 {
        Finding::warn().marks([a.block_mark(lead)])
    } else {
        Finding::fail().marks([a.block_mark(lead)])
    };
    finding.arg("words", words).arg("max", max)
}

fn present(value: Option<&str>) -> Finding {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => Finding::pass().arg("value", v),
        None => Finding::fail(),
    }
}

/// "JAKARTA, KOMPAS.com —", "CIAMIS (Redaksi) -": a dateline written into the lead.
static DATELINE_IN_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu} .'-]{2,}(\s*\([^)]{1,40}\))?\s*(,[^,—–-]{0,40})?\s*[—–-]")
        .unwrap_or_else(|e| unreachable!("a fixed, tested pattern: {e}"))
});

fn dateline(a: &Article<'_>) -> Finding {
    if let Some(value) = a
        .request
        .dateline
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        return Finding::pass().arg("value", value);
    }
    if let Some(lead) = a.lead()
        && let Some(m) = DATELINE_IN_LEAD.find(lead.text.text)
    {
        return Finding::pass()
            .arg("value", m.as_str().trim())
            .marks([a.mark(lead, &(m.start()..m.end()))]);
    }
    Finding::fail()
}

fn headline_as_anchor(a: &Article<'_>) -> Finding {
    if a.document.links.is_empty() {
        return Finding::na();
    }
    let headline = a.headline().trim().to_lowercase();
    let marks: Vec<Mark> = a
        .document
        .links
        .iter()
        .filter(|l| !headline.is_empty() && l.text.trim().to_lowercase() == headline)
        .map(|l| l.source.clone().into())
        .collect();
    if marks.is_empty() {
        Finding::pass()
    } else {
        Finding::fail().marks(marks)
    }
}

fn duplicates(a: &Article<'_>) -> Finding {
    let min_words = a.thresholds().duplicate_sentence_min_words;
    let mut paragraphs: FastSet<String> = FastSet::default();
    let mut sentences: FastSet<String> = FastSet::default();
    let (mut repeated_paragraphs, mut repeated_sentences) = (0usize, 0usize);
    let mut marks = Vec::new();
    for part in a.parts.iter().filter(|p| {
        p.counts()
            && matches!(
                p.block.kind,
                BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem
            )
    }) {
        if part.text.lower.len() >= 4 && !paragraphs.insert(part.text.lower.join(" ")) {
            repeated_paragraphs += 1;
            marks.push(a.block_mark(part));
            continue;
        }
        for (s, range) in part.text.sentences.iter().enumerate() {
            if range.len() < min_words {
                continue;
            }
            let key = part.text.lower[range.clone()].join(" ");
            if !sentences.insert(key) {
                repeated_sentences += 1;
                marks.push(sentence_mark(a, part, s));
            }
        }
    }
    let finding = if marks.is_empty() {
        Finding::pass()
    } else {
        Finding::fail()
    };
    finding
        .arg("paragraphs", repeated_paragraphs)
        .arg("sentences", repeated_sentences)
        .marks(marks)
}

fn boilerplate(a: &Article<'_>) -> Finding {
    let found: Vec<&Part<'_>> = a.parts.iter().filter(|p| p.boilerplate).collect();
    if found.is_empty() {
        return Finding::pass();
    }
    let first = found[0].text.text.trim();
    let example: String = first.chars().take(40).collect();
    Finding::fail()
        .arg("count", found.len())
        .arg("example", example)
        .marks(found.iter().map(|p| a.block_mark(p)))
}
