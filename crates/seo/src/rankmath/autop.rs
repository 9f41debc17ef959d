//! Paragraph segmentation (§5): WordPress's auto-paragraph pass on the one-line content, then
//! Rank Math's `<p>` extraction, with its fallback to one paragraph of everything.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::text::NextByte;

use super::text::{delete_comments, delete_shortcodes, has, word_count, ws_len};

/// JavaScript's `\s`, for the patterns below.
const WS: &str = r"[\t\n\x0B\x0C\r \u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{FEFF}]";

#[cfg(test)]
const BLOCKS: &str = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

/// The patterns of §5 that run only when the text holds their telltale (`<pre`, `<br`, …),
/// each compiled the first time it is needed: most articles need none, and compiling them
/// all was a large share of a one-article command's start-up. The ones that run on every
/// text are the byte scanners below (the tests check them against their regexes).
fn pattern(p: &str) -> Regex {
    Regex::new(p).expect("autop patterns are fixed and valid")
}

static PRE: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?s)<pre.*?</pre>"));
static DOUBLE_BR: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"<br{WS}*/?>{WS}*<br{WS}*/?>")));
static UNCLOSED_P: LazyLock<Regex> = LazyLock::new(|| pattern(r"<p>[^<]+</(?:div|address|form)>"));
static P_AROUND_LI: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"<p><li[^\n\r\u{2028}\u{2029}]+?</p>"));
static P_BLOCKQUOTE_OPEN: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)<p><blockquote[^>]*>"));

/// Replaces every match of `re` with `replace(match)`. Only plain `find_iter` is used (never
/// capture groups), which keeps each pass on regex's fast lazy DFA.
fn replace_matches(re: &Regex, text: &str, replace: impl FnMut(&str, &mut String)) -> String {
    replace_found(
        text,
        |t, from| re.find_at(t, from).map(|m| m.range()),
        replace,
    )
}

/// Replaces each match `find` reports (the leftmost non-empty match at or after a position),
/// left to right without overlap, with `replace(match)`.
fn replace_found(
    text: &str,
    mut find: impl FnMut(&str, usize) -> Option<Range<usize>>,
    mut replace: impl FnMut(&str, &mut String),
) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut last = 0;
    while let Some(m) = find(text, last) {
        out.push_str(&text[last..m.start]);
        replace(&text[m.clone()], &mut out);
        last = m.end;
    }
    out.push_str(&text[last..]);
    out
}

/// The end of the run of JavaScript whitespace starting at `i` (WS*).
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        let w = ws_len(b, i);
        if w == 0 {
            break;
        }
        i += w;
    }
    i
}

/// Where a BLOCK tag (`</?BLOCKS[^>]*>`) starting at `at` (a `<`) could end: `Ok(end)` just
/// after its `>`, `Err(true)` when no `>` follows at all (so no later tag can end either),
/// `Err(false)` when no block name follows. A name only has to start the tag (`[^>]*` takes
/// the rest), so `<pre` matches through `p`.
fn block_tag_end(b: &[u8], at: usize, gt: &mut NextByte) -> Result<usize, bool> {
    let name = at + 1 + usize::from(b.get(at + 1) == Some(&b'/'));
    let rest = b.get(name..).unwrap_or_default();
    let starts_with_name = rest.first().is_some_and(|&first| {
        BLOCK_NAMES_BY_FIRST_BYTE
            .get(usize::from(first))
            .is_some_and(|names| names.iter().any(|n| rest.starts_with(n.as_bytes())))
    });
    if !starts_with_name {
        return Err(false);
    }
    gt.find(b, name).map(|g| g + 1).ok_or(true)
}

/// [`BLOCK_NAMES`] by their first byte, so a tag is checked against a handful of names.
static BLOCK_NAMES_BY_FIRST_BYTE: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_first = vec![Vec::new(); 128];
    for name in BLOCK_NAMES {
        by_first[usize::from(name.as_bytes()[0])].push(*name);
    }
    by_first
});

/// The next `<p>` at or after `from`.
fn next_open_p(b: &[u8], mut from: usize) -> Option<usize> {
    while let Some(p) = memchr::memchr(b'<', b.get(from..)?).map(|p| from + p) {
        if b[p + 1..].starts_with(b"p>") {
            return Some(p);
        }
        from = p + 1;
    }
    None
}

/// `<p>{WS}*</p>`: the leftmost match at or after `from`.
fn find_empty_p(b: &[u8], from: usize) -> Option<Range<usize>> {
    let mut at = from;
    while let Some(p) = next_open_p(b, at) {
        let q = skip_ws(b, p + 3);
        if b[q..].starts_with(b"</p>") {
            return Some(p..q + 4);
        }
        at = p + 3;
    }
    None
}

/// `<p>{WS}*{block_tag}`, and with `closed` also `{WS}*</p>` after the tag: the leftmost match
/// at or after `from`.
fn find_p_block(b: &[u8], from: usize, closed: bool) -> Option<Range<usize>> {
    let mut gt = NextByte::new(b'>');
    let mut at = from;
    while let Some(p) = next_open_p(b, at) {
        at = p + 3;
        let t = skip_ws(b, p + 3);
        if b.get(t) != Some(&b'<') {
            continue;
        }
        let end = match block_tag_end(b, t, &mut gt) {
            Ok(end) => end,
            Err(true) => return None,
            Err(false) => continue,
        };
        if !closed {
            return Some(p..end);
        }
        let q = skip_ws(b, end);
        if b[q..].starts_with(b"</p>") {
            return Some(p..q + 4);
        }
    }
    None
}

/// `{block_tag}{WS}*</p>`: the leftmost match at or after `from`.
fn find_block_then_close_p(b: &[u8], from: usize) -> Option<Range<usize>> {
    let mut gt = NextByte::new(b'>');
    let mut at = from;
    while let Some(t) = memchr::memchr(b'<', &b[at..]).map(|p| at + p) {
        at = t + 1;
        let end = match block_tag_end(b, t, &mut gt) {
            Ok(end) => end,
            Err(true) => return None,
            Err(false) => continue,
        };
        let q = skip_ws(b, end);
        if b[q..].starts_with(b"</p>") {
            return Some(t..q + 4);
        }
    }
    None
}

/// `\n{WS}*\n`: the leftmost match at or after `from`. WS* is greedy, so a match runs to the
/// last line feed of the whitespace after the first.
fn find_paragraph_break(b: &[u8], from: usize) -> Option<Range<usize>> {
    let mut at = from;
    while let Some(p) = memchr::memchr(b'\n', &b[at..]).map(|p| at + p) {
        let run_end = skip_ws(b, p + 1);
        if let Some(last) = memchr::memrchr(b'\n', &b[p + 1..run_end]) {
            return Some(p..p + 1 + last + 1);
        }
        at = run_end.max(p + 1);
    }
    None
}

/// The first complete tag (`<` … first `>`) in `s`.
fn first_tag(s: &str) -> &str {
    let start = s.find('<').unwrap_or(0);
    let end = s[start..].find('>').map_or(s.len(), |g| start + g + 1);
    &s[start..end]
}

const BLOCK_NAMES: &[&str] = &[
    "table",
    "thead",
    "tfoot",
    "caption",
    "col",
    "colgroup",
    "tbody",
    "tr",
    "td",
    "th",
    "div",
    "dl",
    "dd",
    "dt",
    "ul",
    "ol",
    "li",
    "pre",
    "form",
    "map",
    "area",
    "blockquote",
    "address",
    "math",
    "style",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "fieldset",
    "legend",
    "section",
    "article",
    "aside",
    "hgroup",
    "header",
    "footer",
    "nav",
    "figure",
    "figcaption",
    "details",
    "menu",
    "summary",
];

/// §5 step 2d: a blank line before each block opening tag (exact lower-case name followed by
/// whitespace, `/` or `>`) and after each block closing tag (`</name>`).
fn break_around_blocks(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut last = 0;
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        let at = i + p;
        i = at + 1;
        let closing = b.get(at + 1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            .count();
        let name = &text[name_start..name_start + name_len];
        if name_len == 0 || !BLOCK_NAMES.contains(&name) {
            continue;
        }
        let after = name_start + name_len;
        if closing {
            if b.get(after) == Some(&b'>') {
                out.push_str(&text[last..=after]);
                out.push_str("\n\n");
                last = after + 1;
                i = last;
            }
        } else if after < b.len()
            && (b[after] == b'/' || b[after] == b'>' || super::text::ws_len(b, after) > 0)
        {
            out.push_str(&text[last..at]);
            out.push_str("\n\n");
            last = at;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// WordPress's autop for single-line input (§5 step 2, a–f).
pub fn autop(text: &str) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    let mut text = format!("{text}\n");
    let mut pres = Vec::new();
    if has(&text, "<pre") {
        text = replace_matches(&PRE, &text, |m, out| {
            pres.push(m.to_owned());
            out.push_str("<pre wp-pre-tag-");
            out.push_str(&(pres.len() - 1).to_string());
            out.push_str("></pre>");
        });
    }
    let text = if has(&text, "<br") {
        replace_matches(&DOUBLE_BR, &text, |_, out| out.push_str("\n\n"))
    } else {
        text
    };
    let text = break_around_blocks(&text);
    let mut out = String::with_capacity(text.len() + 64);
    let mut last = 0;
    let mut push_paragraph = |piece: &str| {
        if !piece.is_empty() {
            out.push_str("<p>");
            out.push_str(piece.trim_matches('\n'));
            out.push_str("</p>\n");
        }
    };
    while let Some(m) = find_paragraph_break(text.as_bytes(), last) {
        push_paragraph(&text[last..m.start]);
        last = m.end;
    }
    push_paragraph(&text[last..]);
    let out = replace_found(&out, |t, from| find_empty_p(t.as_bytes(), from), |_, _| {});
    let out = if !(has(&out, "</div>") || has(&out, "</address>") || has(&out, "</form>")) {
        out
    } else {
        replace_matches(&UNCLOSED_P, &out, |m, out| {
            // `<p>text</div>` → `<p>text</p></div>`
            let close = m.rfind("</").unwrap_or(m.len());
            out.push_str(&m[..close]);
            out.push_str("</p>");
            out.push_str(&m[close..]);
        })
    };
    let around = |t: &str, from| find_p_block(t.as_bytes(), from, true);
    let out = replace_found(&out, around, |m, out| out.push_str(first_tag(&m[3..])));
    let out = if has(&out, "<p><li") {
        replace_matches(&P_AROUND_LI, &out, |m, out| {
            out.push_str(&m[3..m.len() - 4])
        })
    } else {
        out
    };
    let out = if super::text::find_ci(&out, "<p><blockquote", 0).is_some() {
        replace_matches(&P_BLOCKQUOTE_OPEN, &out, |m, out| {
            out.push_str(&m[3..]);
            out.push_str("<p>");
        })
    } else {
        out
    };
    let out = if has(&out, "</blockquote></p>") {
        out.replace("</blockquote></p>", "</p></blockquote>")
    } else {
        out
    };
    let before = |t: &str, from| find_p_block(t.as_bytes(), from, false);
    let out = replace_found(&out, before, |m, out| {
        let tag_start = m[3..].find('<').map_or(3, |i| 3 + i);
        out.push_str(&m[tag_start..]);
    });
    let after = |t: &str, from| find_block_then_close_p(t.as_bytes(), from);
    let mut out = replace_found(&out, after, |m, out| out.push_str(first_tag(m)));
    for (i, pre) in pres.iter().enumerate() {
        out = out.replacen(&format!("<pre wp-pre-tag-{i}></pre>"), pre, 1);
    }
    out
}

/// §5 step 3: the inner text of every `<p…>` … `</p>` (case-insensitive; the inner part is the
/// shortest run without line breaks), left to right without overlap.
fn extract_paragraphs(html: &str) -> Vec<&str> {
    let b = html.as_bytes();
    // Line breaks: \n, \r, U+2028 and U+2029 (E2 80 A8 / E2 80 A9).
    let line_break = |mut i: usize| loop {
        match memchr::memchr3(b'\n', b'\r', 0xe2, &b[i..]) {
            None => break html.len(),
            Some(p) if b[i + p] != 0xe2 => break i + p,
            Some(p) if matches!(b.get(i + p + 1..i + p + 3), Some([0x80, 0xa8 | 0xa9])) => {
                break i + p;
            }
            Some(p) => i += p + 1,
        }
    };
    let mut out = Vec::new();
    // Searches are cached so that failing candidates on one long line stay linear.
    let mut close: Option<usize> = None;
    let mut close_from = usize::MAX;
    let mut newline = 0;
    let mut newline_from = usize::MAX;
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        let at = i + p;
        i = at + 1;
        if !matches!(b.get(at + 1), Some(b'p' | b'P')) {
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', &b[at..]).map(|g| at + g) else {
            break;
        };
        let content = gt + 1;
        if close_from == usize::MAX || close.is_some_and(|c| c < content) || close_from > content {
            close = super::text::find_ci(html, "</p>", content);
            close_from = content;
        }
        let Some(c) = close else {
            break;
        };
        if newline_from == usize::MAX || newline < content || newline_from > content {
            newline = line_break(content);
            newline_from = content;
        }
        if c <= newline {
            out.push(&html[content..c]);
            i = c + 4;
        }
    }
    out
}

/// The word counts of the content's paragraphs, 0-word paragraphs left out (§5).
pub fn paragraph_word_counts(text: &str) -> Vec<usize> {
    let shortcodeless = delete_shortcodes(text);
    let cleaned = delete_comments(&shortcodeless);
    let html = autop(&cleaned);
    let extracted = extract_paragraphs(&html);
    let paragraphs = if extracted.is_empty() {
        vec![html.as_str()]
    } else {
        extracted
    };
    paragraphs
        .into_iter()
        .map(word_count)
        .filter(|&n| n > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rstest::rstest;

    use super::*;

    /// The regexes of §5 that the byte scanners stand in for.
    static SPEC: LazyLock<[Regex; 5]> = LazyLock::new(|| {
        let block_tag = format!("</?{BLOCKS}[^>]*>");
        [
            format!(r"\n{WS}*\n"),
            format!(r"<p>{WS}*</p>"),
            format!(r"<p>{WS}*{block_tag}{WS}*</p>"),
            format!(r"<p>{WS}*{block_tag}"),
            format!(r"{block_tag}{WS}*</p>"),
        ]
        .map(|p| Regex::new(&p).expect("valid"))
    });

    /// A scanner: the leftmost match at or after a position.
    type Finder<'a> = &'a dyn Fn(&[u8], usize) -> Option<Range<usize>>;

    fn scanned(text: &str, find: Finder<'_>) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(m) = find(text.as_bytes(), from) {
            from = m.end;
            found.push(m);
        }
        found
    }

    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<p",
        "<div>",
        "</div>",
        "<div class=\"a\">",
        "<pre x>",
        "<param>",
        "<h2>",
        "</h2>",
        "<h7>",
        "<span>",
        "<",
        ">",
        "/",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\u{a0}",
        "\u{2028}",
        "\u{3000}",
        "kata",
        "é",
        ".",
    ];

    proptest! {
        #[test]
        fn scanners_find_what_the_regexes_find(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)
        ) {
            let text = pieces.concat();
            let finders: [Finder<'_>; 5] = [
                &find_paragraph_break,
                &find_empty_p,
                &|b, from| find_p_block(b, from, true),
                &|b, from| find_p_block(b, from, false),
                &find_block_then_close_p,
            ];
            for (re, find) in SPEC.iter().zip(finders) {
                let expected: Vec<Range<usize>> = re.find_iter(&text).map(|m| m.range()).collect();
                prop_assert_eq!(scanned(&text, find), expected, "{:?} on {:?}", re.as_str(), text);
            }
        }
    }

    fn words(n: usize) -> String {
        vec!["kata"; n].join(" ")
    }

    #[rstest]
    #[case(format!("<p>{}</p> <p>{}</p>", words(3), words(4)), vec![3, 4])]
    #[case(format!("<h2>{}</h2> {}", words(2), words(5)), vec![5])]
    #[case(format!("<p>{}<br><br>{}</p>", words(75), words(75)), vec![75, 75])]
    #[case(format!("<p>{}<br>{}</p>", words(75), words(75)), vec![150])]
    #[case(format!("<p>{}<br /> <br/>{}</p>", words(2), words(2)), vec![2, 2])]
    #[case(format!("<ul><li>{}</li><li>{}</li></ul>", words(65), words(65)), vec![130])]
    #[case(format!("<ul><li>{}</li></ul> <p>{}</p>", words(65), words(3)), vec![3])]
    #[case(format!("<div>{}</div> <p>{}</p>", words(7), words(3)), vec![3])]
    #[case(format!("<table><tr><td>{}</td></tr></table>", words(9)), vec![9])]
    #[case(format!("<blockquote>{}</blockquote>", words(4)), vec![4])]
    #[case(format!("<p>{}</p> <!-- x --> [gallery] <p>{}</p>", words(1), words(2)), vec![1, 2])]
    #[case(format!("<pre>{}</pre> <p>{}</p>", words(6), words(2)), vec![2])]
    #[case(String::new(), vec![])]
    fn segmentation(#[case] text: String, #[case] counts: Vec<usize>) {
        assert_eq!(paragraph_word_counts(&text), counts, "{}", autop(&text));
    }
}
