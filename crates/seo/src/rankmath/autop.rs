//! Paragraph segmentation (§5): WordPress's auto-paragraph pass on the one-line content, then
//! Rank Math's `<p>` extraction, with its fallback to one paragraph of everything.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{delete_comments, delete_shortcodes, word_count};

/// JavaScript's `\s`, for the patterns below.
const WS: &str = r"[\t\n\x0B\x0C\r \u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{FEFF}]";

const BLOCKS: &str = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

struct Patterns {
    pre: Regex,
    double_br: Regex,
    block_open: Regex,
    block_close: Regex,
    paragraph_break: Regex,
    empty_p: Regex,
    unclosed_p: Regex,
    p_around_block: Regex,
    p_around_li: Regex,
    p_blockquote_open: Regex,
    p_blockquote_close: Regex,
    p_before_block: Regex,
    p_after_block: Regex,
    extract: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let re = |p: String| Regex::new(&p).expect("autop patterns are fixed and valid");
    let block_tag = format!("</?{BLOCKS}[^>]*>");
    Patterns {
        pre: re(r"(?s)<pre.*?</pre>".to_owned()),
        double_br: re(format!(r"<br{WS}*/?>{WS}*<br{WS}*/?>")),
        block_open: re(format!(r"<{BLOCKS}(?:{WS}|/|>)")),
        block_close: re(format!(r"</{BLOCKS}>")),
        paragraph_break: re(format!(r"\n{WS}*\n")),
        empty_p: re(format!(r"<p>{WS}*</p>")),
        unclosed_p: re(r"<p>([^<]+)</(div|address|form)>".to_owned()),
        p_around_block: re(format!(r"<p>{WS}*({block_tag}){WS}*</p>")),
        p_around_li: re(r"<p>(<li[^\n\r\u{2028}\u{2029}]+?)</p>".to_owned()),
        p_blockquote_open: re(r"(?i)<p><blockquote([^>]*)>".to_owned()),
        p_blockquote_close: re(r"</blockquote></p>".to_owned()),
        p_before_block: re(format!(r"<p>{WS}*({block_tag})")),
        p_after_block: re(format!(r"({block_tag}){WS}*</p>")),
        extract: re(r"(?i)<p[^>]*>([^\n\r\u{2028}\u{2029}]*?)</p>".to_owned()),
    }
});

/// WordPress's autop for single-line input (§5 step 2, a–f).
pub fn autop(text: &str) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    let p = &*PATTERNS;
    let mut text = format!("{text}\n");
    let mut pres = Vec::new();
    if text.contains("<pre") {
        text = p
            .pre
            .replace_all(&text, |c: &regex::Captures<'_>| {
                pres.push(c[0].to_owned());
                format!("<pre wp-pre-tag-{}></pre>", pres.len() - 1)
            })
            .into_owned();
    }
    let text = p.double_br.replace_all(&text, "\n\n");
    let text = p.block_open.replace_all(&text, "\n\n$0");
    let text = p.block_close.replace_all(&text, "$0\n\n");
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
    let out = p.empty_p.replace_all(&out, "");
    let out = p.unclosed_p.replace_all(&out, "<p>$1</p></$2>");
    let out = p.p_around_block.replace_all(&out, "$1");
    let out = p.p_around_li.replace_all(&out, "$1");
    let out = p.p_blockquote_open.replace_all(&out, "<blockquote$1><p>");
    let out = p.p_blockquote_close.replace_all(&out, "</p></blockquote>");
    let out = p.p_before_block.replace_all(&out, "$1");
    let mut out = p.p_after_block.replace_all(&out, "$1").into_owned();
    for (i, pre) in pres.iter().enumerate() {
        out = out.replacen(&format!("<pre wp-pre-tag-{i}></pre>"), pre, 1);
    }
    out
}

/// The word counts of the content's paragraphs, 0-word paragraphs left out (§5).
pub fn paragraph_word_counts(text: &str) -> Vec<usize> {
    let cleaned = delete_comments(&delete_shortcodes(text));
    let html = autop(&cleaned);
    let extracted: Vec<&str> = PATTERNS
        .extract
        .captures_iter(&html)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
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
