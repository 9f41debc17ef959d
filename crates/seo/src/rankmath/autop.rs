//! Paragraph segmentation (§5): WordPress's auto-paragraph pass on the one-line content, then
//! Rank Math's `<p>` extraction, with its fallback to one paragraph of everything.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{delete_comments, delete_shortcodes, has, word_count};

/// JavaScript's `\s`, for the patterns below.
const WS: &str = r"[\t\n\x0B\x0C\r \u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{FEFF}]";

const BLOCKS: &str = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

struct Patterns {
    pre: Regex,
    double_br: Regex,
    paragraph_break: Regex,
    empty_p: Regex,
    unclosed_p: Regex,
    p_around_block: Regex,
    p_around_li: Regex,
    p_blockquote_open: Regex,
    p_before_block: Regex,
    p_after_block: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let re = |p: String| Regex::new(&p).expect("autop patterns are fixed and valid");
    let block_tag = format!("</?{BLOCKS}[^>]*>");
    Patterns {
        pre: re(r"(?s)<pre.*?</pre>".to_owned()),
        double_br: re(format!(r"<br{WS}*/?>{WS}*<br{WS}*/?>")),
        paragraph_break: re(format!(r"\n{WS}*\n")),
        empty_p: re(format!(r"<p>{WS}*</p>")),
        unclosed_p: re(r"<p>[^<]+</(?:div|address|form)>".to_owned()),
        p_around_block: re(format!(r"<p>{WS}*{block_tag}{WS}*</p>")),
        p_around_li: re(r"<p><li[^\n\r\u{2028}\u{2029}]+?</p>".to_owned()),
        p_blockquote_open: re(r"(?i)<p><blockquote[^>]*>".to_owned()),
        p_before_block: re(format!(r"<p>{WS}*{block_tag}")),
        p_after_block: re(format!(r"{block_tag}{WS}*</p>")),
    }
});

/// Replaces every match of `re` with `replace(match)`. Only plain `find_iter` is used (never
/// capture groups), which keeps each pass on regex's fast lazy DFA.
fn replace_matches(re: &Regex, text: &str, mut replace: impl FnMut(&str, &mut String)) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut last = 0;
    for m in re.find_iter(text) {
        out.push_str(&text[last..m.start()]);
        replace(m.as_str(), &mut out);
        last = m.end();
    }
    out.push_str(&text[last..]);
    out
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
    let p = &*PATTERNS;
    let mut text = format!("{text}\n");
    let mut pres = Vec::new();
    if has(&text, "<pre") {
        text = replace_matches(&p.pre, &text, |m, out| {
            pres.push(m.to_owned());
            out.push_str("<pre wp-pre-tag-");
            out.push_str(&(pres.len() - 1).to_string());
            out.push_str("></pre>");
        });
    }
    let text = if has(&text, "<br") {
        replace_matches(&p.double_br, &text, |_, out| out.push_str("\n\n"))
    } else {
        text
    };
    let text = break_around_blocks(&text);
    let mut out = String::with_capacity(text.len() + 64);
    for piece in p
        .paragraph_break
        .split(&text)
        .filter(|piece| !piece.is_empty())
    {
        out.push_str("<p>");
        out.push_str(piece.trim_matches('\n'));
        out.push_str("</p>\n");
    }
    let out = replace_matches(&p.empty_p, &out, |_, _| {});
    let out = if !(has(&out, "</div>") || has(&out, "</address>") || has(&out, "</form>")) {
        out
    } else {
        replace_matches(&p.unclosed_p, &out, |m, out| {
            // `<p>text</div>` → `<p>text</p></div>`
            let close = m.rfind("</").unwrap_or(m.len());
            out.push_str(&m[..close]);
            out.push_str("</p>");
            out.push_str(&m[close..]);
        })
    };
    let out = replace_matches(&p.p_around_block, &out, |m, out| {
        out.push_str(first_tag(&m[3..]))
    });
    let out = if has(&out, "<p><li") {
        replace_matches(&p.p_around_li, &out, |m, out| {
            out.push_str(&m[3..m.len() - 4])
        })
    } else {
        out
    };
    let out = if super::text::find_ci(&out, "<p><blockquote", 0).is_some() {
        replace_matches(&p.p_blockquote_open, &out, |m, out| {
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
    let out = replace_matches(&p.p_before_block, &out, |m, out| {
        let tag_start = m[3..].find('<').map_or(3, |i| 3 + i);
        out.push_str(&m[tag_start..]);
    });
    let mut out = replace_matches(&p.p_after_block, &out, |m, out| out.push_str(first_tag(m)));
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
    use rstest::rstest;

    use super::*;

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
