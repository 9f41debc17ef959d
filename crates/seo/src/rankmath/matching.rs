//! The keyword matching of the `rankmath` tests (§4, §9): token matches, subheadings, image
//! alts, density and length tiers, and the slug forms the permalink test compares.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::media;
use super::text::{self, edge_trim, fold, is_ws, lower, quotes};
use crate::document::Document;
use crate::report::Mark;

/// TM (§4) with both token strings already built.
pub(super) fn token_match(hay_tokstr: &str, kw_tokstr: &str) -> bool {
    !hay_tokstr.is_empty() && text::has(hay_tokstr, kw_tokstr)
}

/// lengthContent tiers (§9.6).
pub(super) fn length_points(words: usize) -> u32 {
    match words {
        0..=599 => 0,
        600..=1000 => 2,
        1001..=1500 => 3,
        1501..=2000 => 4,
        2001..=2500 => 5,
        2501..=99_999 => 8,
        _ => 0,
    }
}

/// keywordDensity tiers over the density in hundredths of a percent (§9.9).
pub(super) fn density_points(hundredths: u64) -> (u32, &'static str) {
    match hundredths {
        0..=49 => (0, "low"),
        50..=74 => (2, "fair"),
        75 => (6, "best"),
        76..=99 => (3, "good"),
        100..=250 => (6, "best"),
        _ => (0, "high"),
    }
}

/// `x` rounded to hundredths the way JavaScript's `toFixed(2)` does: from the exact binary value,
/// ties up.
fn to_fixed_2(x: f64) -> u64 {
    if !x.is_finite() || x <= 0.0 {
        return 0;
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let mantissa = if exponent == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    // x = mantissa × 2^(exponent − 1075)
    let shift = exponent - 1075;
    let scaled = u128::from(mantissa) * 100;
    if shift >= 0 {
        return u64::try_from(scaled << shift.min(60)).unwrap_or(u64::MAX);
    }
    let shift = (-shift) as u32;
    if shift >= 127 {
        return 0;
    }
    let whole = scaled >> shift;
    let remainder = scaled - (whole << shift);
    let half = 1u128 << (shift - 1);
    u64::try_from(whole + u128::from(remainder >= half)).unwrap_or(u64::MAX)
}

/// The density (hundredths of a percent) and match count of all keywords together (§9.9).
pub(super) fn density(hay: &str, words: usize, keywords: &[&str]) -> Option<(u64, usize)> {
    if words == 0 || keywords.is_empty() || hay.is_empty() {
        return None;
    }
    // An NFA, never the DFA the builder would pick for few keywords: building that DFA is
    // quadratic in a keyword's length when the keyword repeats itself (`abab…`), and a keyword
    // is whatever a file's front matter says.
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(keywords)
        .ok()?;
    let count = automaton.find_iter(hay).count();
    let x = count as f64 / words as f64 * 100.0;
    Some((to_fixed_2(x), count))
}

/// keywordInSubheadings (§9.7): an `<h2>`–`<h6>` opening tag, later the keyword's tokens joined
/// by non-word characters, later a closing `</h2>`–`</h6>`.
pub(super) fn subheading_match(text_l: &str, kw_tokstr: &str) -> bool {
    let bytes = text_l.as_bytes();
    let heading_digit = |i: usize| bytes.get(i).is_some_and(|b| (b'2'..=b'6').contains(b));
    let mut open_end = None;
    let mut i = 0;
    while let Some(p) = text_l[i..].find("<h") {
        let at = i + p;
        crate::work::count(p + 2);
        if heading_digit(at + 2) {
            // With no `>` after this tag, no later one can close either (linear time).
            open_end = text_l[at..].find('>').map(|g| at + g + 1);
            crate::work::count(open_end.unwrap_or(text_l.len()) - at);
            break;
        }
        i = at + 2;
    }
    let Some(open_end) = open_end else {
        return false;
    };
    let mut close_start = None;
    let mut end = text_l.len();
    while let Some(at) = text_l[..end].rfind("</h") {
        if heading_digit(at + 3) && bytes.get(at + 4) == Some(&b'>') {
            close_start = Some(at);
            break;
        }
        end = at;
    }
    let Some(close_start) = close_start.filter(|&c| c >= open_end) else {
        return false;
    };
    let region = &bytes[open_end..close_start];
    let toks: Vec<&[u8]> = kw_tokstr.split(' ').map(str::as_bytes).collect();
    let Some((first, rest)) = toks.split_first() else {
        return false;
    };
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut ends: Vec<usize> = Vec::new();
    let mut next: Vec<usize> = Vec::new();
    let mut from = 0;
    while let Some(p) = find_bytes(&region[from..], first) {
        let start = from + p;
        ends.clear();
        ends.push(start + first.len());
        for tok in rest {
            next.clear();
            // `ends` ascend; a stretch an earlier end already walked is not walked again, so
            // each step is linear and `next` ascends without duplicates.
            let mut walked = 0;
            for &e in &ends {
                let mut q = e.max(walked);
                while q < region.len() && !word(region[q]) {
                    crate::work::count(1);
                    q += 1;
                    if region[q..].starts_with(tok) {
                        next.push(q + tok.len());
                    }
                }
                walked = q;
            }
            std::mem::swap(&mut ends, &mut next);
            if ends.is_empty() {
                break;
            }
        }
        if !ends.is_empty() {
            return true;
        }
        from = start + 1;
    }
    false
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// keywordInImageAlt rule 2 (§9.8): some `<img>` alt holds the keyword's words in order.
pub(super) fn image_alt_match(text_l: &str, kw_l: &str) -> bool {
    let mut words: Vec<String> = Vec::new();
    for w in kw_l.split(' ') {
        let w = quotes(w);
        if !words.contains(&w) {
            words.push(w);
        }
    }
    media::opening_tags(text_l, "img").into_iter().any(|tag| {
        let tag = &text_l[tag];
        let Some(alt) = alt_value(tag) else {
            return false;
        };
        let mut at = 0;
        words.iter().all(|w| match alt[at..].find(w.as_str()) {
            Some(p) => {
                at += p + w.len();
                true
            }
            None => false,
        })
    })
}

/// The value after the last whitespace + `alt=` + quote in a tag, up to the same quote.
fn alt_value(tag: &str) -> Option<&str> {
    let mut found = None;
    for (i, _) in tag.match_indices("alt=") {
        let before = tag[..i].chars().next_back();
        let quote = tag[i + 4..].chars().next();
        if before.is_some_and(is_ws) && matches!(quote, Some('"' | '\'')) {
            found = Some((i + 5, quote?));
        }
    }
    let (start, quote) = found?;
    let rest = &tag[start..];
    Some(&rest[..rest.find(quote).unwrap_or(rest.len())])
}

/// WordPress-style accent stripping for slugs: FOLD, then combining marks dropped.
fn strip_accents(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect()
}

/// Replaces every run of characters matching `class` with one `-`.
fn runs_to_dash(s: &str, class: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_run = false;
    for c in s.chars() {
        if class(c) {
            if !in_run {
                out.push('-');
            }
            in_run = true;
        } else {
            out.push(c);
            in_run = false;
        }
    }
    out
}

/// SLUGCLEAN (§9.3).
pub(super) fn slug_clean(s: &str) -> String {
    let s = strip_accents(s)
        .replace("&nbsp;", "-")
        .replace("&ndash;", "-")
        .replace("&mdash;", "-");
    let s = runs_to_dash(&s, |c| is_ws(c) || c == '.' || c == '/');
    let s = text::delete_entities(&s);
    let s: String = s
        .chars()
        .filter(|&c| c.is_alphanumeric() || c == '_' || c == '-')
        .collect();
    let s = lower(&s);
    let s = runs_to_dash(&s, |c| c == '-');
    s.trim_matches('-').to_owned()
}

/// SLUGIFY (§9.3).
fn slugify(s: &str) -> String {
    let s = runs_to_dash(s, |c| is_ws(c) || matches!(c, '.' | '/' | '_'));
    lower(&strip_accents(s.trim_matches('-')))
}

/// The keyword as keywordInPermalink looks for it (§9.3 step 2).
pub(super) fn keyword_slug(kw_l: &str) -> String {
    let s = kw_l.replace('\'', "");
    let s = runs_to_dash(&s, |c| matches!(c, '-' | '_' | '.'));
    slug_clean(&slugify(edge_trim(&s)))
}

/// Source ranges of the primary keyword in the document's words, for the editor to highlight.
pub(super) fn keyword_marks(document: &Document, kw_tokstr: &str) -> Vec<Mark> {
    let toks: Vec<&str> = kw_tokstr.split(' ').collect();
    let Some(first) = toks.first() else {
        return Vec::new();
    };
    let same = |word: &str, tok: &str, prefix: bool| {
        // Folding and lower-casing keep an ASCII first character ASCII: a cheap first test.
        if let (Some(w0), Some(t0)) = (word.as_bytes().first(), tok.as_bytes().first())
            && w0.is_ascii()
            && !w0.eq_ignore_ascii_case(t0)
        {
            return false;
        }
        let w = if word.is_ascii() {
            std::borrow::Cow::Borrowed(word)
        } else {
            std::borrow::Cow::Owned(lower(&fold(word)))
        };
        if prefix {
            w.len() >= tok.len() && w.as_bytes()[..tok.len()].eq_ignore_ascii_case(tok.as_bytes())
        } else {
            w.eq_ignore_ascii_case(tok)
        }
    };
    let words = &document.words;
    let mut marks = Vec::new();
    let mut i = 0;
    while i + toks.len() <= words.len() {
        let hit = same(document.word(&words[i]), first, toks.len() == 1)
            && toks
                .iter()
                .enumerate()
                .skip(1)
                .all(|(k, tok)| same(document.word(&words[i + k]), tok, k + 1 == toks.len()));
        if hit {
            let last = &words[i + toks.len() - 1];
            marks.push(Mark {
                start: document.word_source(&words[i]).start,
                end: document.word_source(last).end,
            });
            i += toks.len();
        } else {
            i += 1;
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;
    use crate::work::assert_linear;

    #[test]
    fn subheadings_stay_linear() {
        assert_linear("<h2 repeated", 20_000, |n| {
            assert!(!subheading_match(&"<h2".repeat(n), "harga"));
        });
        assert_linear("many ways to join the keyword's tokens", 2_000, |n| {
            let html = format!("<h2>a{}</h2>", "#".repeat(n));
            assert!(subheading_match(&html, "a # #"));
        });
    }

    #[rstest]
    #[case(0, 0)]
    #[case(599, 0)]
    #[case(600, 2)]
    #[case(1000, 2)]
    #[case(1001, 3)]
    #[case(1500, 3)]
    #[case(1501, 4)]
    #[case(2000, 4)]
    #[case(2001, 5)]
    #[case(2500, 5)]
    #[case(2501, 8)]
    #[case(99_999, 8)]
    #[case(100_000, 0)]
    fn length_tiers(#[case] words: usize, #[case] points: u32) {
        assert_eq!(length_points(words), points);
    }

    #[rstest]
    #[case(49, 0)]
    #[case(50, 2)]
    #[case(74, 2)]
    #[case(75, 6)]
    #[case(76, 3)]
    #[case(99, 3)]
    #[case(100, 6)]
    #[case(250, 6)]
    #[case(251, 0)]
    fn density_tiers(#[case] hundredths: u64, #[case] points: u32) {
        assert_eq!(density_points(hundredths).0, points);
    }

    #[rstest]
    #[case(0.125, 13)]
    #[case(0.7575757575757576, 76)]
    #[case(2.508361204013378, 251)]
    #[case(1.005, 100)]
    #[case(0.5, 50)]
    #[case(100.0, 10000)]
    fn to_fixed_matches_javascript(#[case] x: f64, #[case] hundredths: u64) {
        // 1.005 is 1.00499999999999989… in binary, so JavaScript prints "1.00".
        assert_eq!(to_fixed_2(x), hundredths);
    }

    #[rstest]
    #[case("<h2>harga beras</h2>", "harga beras", true)]
    #[case("<h2>x</h2><p>harga beras</p><h2>y</h2>", "harga beras", true)]
    #[case("<h2>harga <b>beras</b></h2>", "harga beras", false)]
    #[case("<h2>harga, beras!</h2>", "harga beras", true)]
    #[case("<h1>harga beras</h1>", "harga beras", false)]
    #[case("<h3>harga berasal</h3>", "harga beras", true)]
    #[case("<p>harga beras</p><h2>x</h2>", "harga beras", false)]
    #[case("<h2 class=\"a\">#tag harga</h2>", "#tag harga", true)]
    #[case("<h2>harga  \u{e9}beras</h2>", "harga beras", true)]
    fn subheadings(#[case] text: &str, #[case] kw: &str, #[case] pass: bool) {
        assert_eq!(subheading_match(text, kw), pass);
    }

    #[rstest]
    #[case(r#"<img src="a" alt="harga dan beras">"#, "harga beras", true)]
    #[case(r#"<img src="a" alt="harga-beras">"#, "harga beras", true)]
    #[case(r#"<img src="a" alt="beras harga">"#, "harga beras", false)]
    #[case(r#"<img alt="harga" src="a"><img alt="beras">"#, "harga beras", false)]
    #[case(r#"<img data-alt="harga beras" src="a">"#, "harga beras", false)]
    fn image_alts(#[case] text: &str, #[case] kw: &str, #[case] pass: bool) {
        assert_eq!(image_alt_match(text, kw), pass);
    }

    #[rstest]
    #[case("https://example.com/harga-beras/", "https-example-com-harga-beras")]
    #[case("https://example.com/Caf\u{e9}_Baru", "https-example-com-cafe_baru")]
    fn slugs(#[case] url: &str, #[case] slug: &str) {
        assert_eq!(slug_clean(url), slug);
    }

    #[rstest]
    #[case("harga beras", "harga-beras")]
    #[case("jakarta\u{2019}s rice", "jakartas-rice")]
    #[case("don't.stop", "dont-stop")]
    #[case("(caf\u{e9})", "cafe")]
    fn keyword_slugs(#[case] kw: &str, #[case] slug: &str) {
        assert_eq!(keyword_slug(kw), slug);
    }
}
