//! A lenient HTML scanner into the document model: text between tags goes into the block the
//! nearest block tag opened; links, images and embeds are read from their tags. Linear in its
//! input, including tags that never end.

use std::ops::Range;

use super::{BlockKind, Builder, Embed, EmbedKind, Image, Link};

/// Inline HTML inside Markdown prose: only media and `<br>` matter there.
pub(super) fn scan_inline_html(b: &mut Builder, html: &str, base: usize) {
    let Some(tag) = parse_tag(html, 0, &mut TagEnds::default()) else {
        return;
    };
    let source = base..base + tag.end;
    match tag.name.as_str() {
        "br" => b.push_space(),
        "img" if !tag.closing => b.images.push(Image {
            src: tag.attr(html, "src").unwrap_or_default(),
            alt: tag.attr(html, "alt").unwrap_or_default(),
            source,
        }),
        name if !tag.closing => {
            if let Some(kind) = embed_kind(name) {
                b.embeds.push(Embed {
                    kind,
                    src: tag.attr(html, "src").unwrap_or_default(),
                    source,
                });
            }
        }
        _ => {}
    }
}

fn embed_kind(name: &str) -> Option<EmbedKind> {
    match name {
        "iframe" => Some(EmbedKind::Iframe),
        "video" => Some(EmbedKind::Video),
        "audio" => Some(EmbedKind::Audio),
        "object" | "embed" => Some(EmbedKind::Object),
        _ => None,
    }
}

/// An HTML tag found at some position.
struct ParsedTag {
    name: String,
    closing: bool,
    /// Byte just after the tag's `>`.
    end: usize,
    /// The attributes' bytes, relative to the scanned string.
    attrs: Range<usize>,
}

impl ParsedTag {
    fn attr(&self, html: &str, name: &str) -> Option<String> {
        attribute(&html[self.attrs.clone()], name).map(decode_entities)
    }
}

/// Parses `<name …>` or `</name>` at `at`; `None` when `at` does not start a tag or the tag
/// never ends.
fn parse_tag(html: &str, at: usize, ends: &mut TagEnds) -> Option<ParsedTag> {
    let bytes = html.as_bytes();
    let mut i = at + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !bytes.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    let attrs = i..ends.find(bytes, i)?;
    Some(ParsedTag {
        name: html[name_start..i].to_ascii_lowercase(),
        closing,
        end: attrs.end + 1,
        attrs,
    })
}

/// Finds the `>` that ends a tag: the first one outside quoted attribute values. A quote opens
/// a value only after whitespace or `=`.
///
/// Scanning forward from each tag is linear as long as tags end: the scan resumes after the
/// `>`. A tag that never ends would make every later `<` scan to the end again (quadratic:
/// `<div` then `<a` repeated), so the first time that happens the ends from every position
/// are computed once, backwards, and later tags look theirs up.
#[derive(Default)]
struct TagEnds {
    /// For each byte position, where a scan starting there outside quotes ends (`u32::MAX`:
    /// never). Empty until a tag fails to end.
    table: Vec<u32>,
}

impl TagEnds {
    fn find(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        if self.table.is_empty() {
            match scan_tag_end(bytes, from) {
                Some(end) => return Some(end),
                None => self.table = tag_end_table(bytes),
            }
        }
        let end = *self.table.get(from)?;
        (end != u32::MAX).then_some(end as usize)
    }
}

/// Whether a quote at `i` opens an attribute value.
fn opens_value(bytes: &[u8], i: usize) -> bool {
    i > 0 && (bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b'=')
}

fn scan_tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (offset, &byte) in bytes.get(from..)?.iter().enumerate() {
        crate::work::count(1);
        let i = from + offset;
        match (quote, byte) {
            (None, b'>') => return Some(i),
            (None, q @ (b'"' | b'\'')) if opens_value(bytes, i) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    None
}

/// [`scan_tag_end`] from every position at once: a scan outside quotes at `i` ends at `i` on a
/// `>`, jumps past the closing quote when `i` opens a value, and otherwise ends where a scan
/// from `i + 1` ends.
fn tag_end_table(bytes: &[u8]) -> Vec<u32> {
    const NEVER: u32 = u32::MAX;
    crate::work::count(bytes.len());
    let mut table = vec![NEVER; bytes.len() + 1];
    let (mut next_double, mut next_single): (Option<usize>, Option<usize>) = (None, None);
    for i in (0..bytes.len()).rev() {
        let byte = bytes[i];
        table[i] = match byte {
            b'>' => u32::try_from(i).unwrap_or(NEVER),
            b'"' | b'\'' if opens_value(bytes, i) => {
                let close = if byte == b'"' {
                    next_double
                } else {
                    next_single
                };
                close.map_or(NEVER, |c| table[c + 1])
            }
            _ => table[i + 1],
        };
        match byte {
            b'"' => next_double = Some(i),
            b'\'' => next_single = Some(i),
            _ => {}
        }
    }
    table
}

/// The value of attribute `name` in an attribute string (quoted or bare), case-insensitive name.
fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < bytes.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        let key = &attrs[start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let v_start = i + 1;
                    let v_end = attrs[v_start..]
                        .find(q as char)
                        .map_or(attrs.len(), |p| v_start + p);
                    i = (v_end + 1).min(attrs.len());
                    &attrs[v_start..v_end]
                }
                _ => {
                    let v_start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    &attrs[v_start..i]
                }
            }
        } else {
            ""
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        if start == i {
            i += 1;
        }
    }
    None
}

/// Decodes the common character references.
fn decode_entities(raw: &str) -> String {
    decode_entities_cow(raw).into_owned()
}

/// [`decode_entities`] without a copy when there is nothing to decode.
fn decode_entities_cow(raw: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memchr(b'&', raw.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &after[..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn block_kind(name: &str) -> Option<Option<BlockKind>> {
    Some(match name {
        "p" => Some(BlockKind::Paragraph),
        "h1" => Some(BlockKind::Heading(1)),
        "h2" => Some(BlockKind::Heading(2)),
        "h3" => Some(BlockKind::Heading(3)),
        "h4" => Some(BlockKind::Heading(4)),
        "h5" => Some(BlockKind::Heading(5)),
        "h6" => Some(BlockKind::Heading(6)),
        "li" | "dd" | "dt" => Some(BlockKind::ListItem),
        "blockquote" => Some(BlockKind::Quote),
        "td" | "th" => Some(BlockKind::TableCell),
        "figcaption" | "caption" => Some(BlockKind::Caption),
        "pre" => Some(BlockKind::Code),
        "div" | "ul" | "ol" | "dl" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "section"
        | "article" | "aside" | "header" | "footer" | "nav" | "figure" | "hr" | "main"
        | "details" | "summary" | "form" | "fieldset" | "address" => None,
        _ => return None,
    })
}

/// Lenient HTML walk: text between tags goes into the block the nearest block tag opened.
pub(super) fn scan_html(b: &mut Builder, html: &str, base: usize) {
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    let mut open_link: Option<usize> = None;
    let mut ends = TagEnds::default();
    let flush = |b: &mut Builder, from: usize, to: usize| {
        if from < to {
            let raw = &html[from..to];
            let decoded = decode_entities_cow(raw);
            if memchr::memchr3(b'\n', b'\r', b'\t', decoded.as_bytes()).is_some() {
                let text = decoded.replace(['\n', '\r', '\t'], " ");
                b.push_text(&text, base + from..base + to, BlockKind::Paragraph);
            } else {
                b.push_text(&decoded, base + from..base + to, BlockKind::Paragraph);
            }
        }
    };
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let at = i + offset;
        if html[at..].starts_with("<!--") {
            flush(b, text_start, at);
            let end = html[at + 4..]
                .find("-->")
                .map_or(html.len(), |p| at + 4 + p + 3);
            i = end;
            text_start = end;
            continue;
        }
        let Some(tag) = parse_tag(html, at, &mut ends) else {
            i = at + 1;
            continue;
        };
        flush(b, text_start, at);
        let source = base + at..base + tag.end;
        i = tag.end;
        text_start = tag.end;
        let name = tag.name.as_str();
        if !tag.closing && (name == "script" || name == "style") {
            let closer = format!("</{name}");
            let end = find_ascii_ci(&html[i..], &closer)
                .and_then(|p| html[i + p..].find('>').map(|q| i + p + q + 1))
                .unwrap_or(html.len());
            i = end;
            text_start = end;
            continue;
        }
        match (name, tag.closing) {
            ("br", _) => b.push_space(),
            ("img", false) => b.images.push(Image {
                src: tag.attr(html, "src").unwrap_or_default(),
                alt: tag.attr(html, "alt").unwrap_or_default(),
                source,
            }),
            ("a", false) => {
                if let Some(href) = tag.attr(html, "href") {
                    b.links.push(Link {
                        href,
                        rel: tag.attr(html, "rel"),
                        text: String::new(),
                        source,
                    });
                    open_link = Some(b.text.len());
                }
            }
            ("a", true) => {
                if let (Some(start), Some(link)) = (open_link.take(), b.links.last_mut()) {
                    link.text = b.text.get(start..).unwrap_or("").to_owned();
                    link.source.end = source.end;
                }
            }
            (name, closing) => {
                if let Some(kind) = embed_kind(name).filter(|_| !closing) {
                    b.embeds.push(Embed {
                        kind,
                        src: tag.attr(html, "src").unwrap_or_default(),
                        source: source.clone(),
                    });
                }
                match block_kind(name) {
                    Some(Some(kind)) if !closing => b.open(kind, source.start),
                    Some(_) => b.close(source.end),
                    None => {}
                }
            }
        }
    }
    flush(b, text_start, html.len());
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', bytes)
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::work::assert_linear;

    #[test]
    fn a_tag_that_never_ends_keeps_the_scan_linear() {
        assert_linear("unclosed tag, then many <a", 20_000, |n| {
            let html = format!("<div\n{}", "<a\n".repeat(n));
            let doc = Document::from_html(&html);
            assert!(doc.links.is_empty());
        });
        assert_linear("an unclosed quote, then many tags", 20_000, |n| {
            let html = format!("<p title=\"x>{}", "<a href='y'>".repeat(n));
            Document::from_html(&html);
        });
        assert_linear("the same in Markdown", 5_000, |n| {
            let md = format!("<div\n{}", "<a\n".repeat(n));
            Document::from_markdown(&md);
        });
    }

    #[test]
    fn a_tag_that_never_ends_leaves_the_later_tags_as_before() {
        // Every later tag ends where a forward scan from it would end.
        let html = "<div <p title=\"a>b\" class=c>text</p> <img alt='x' src=y.jpg> <b";
        let bytes = html.as_bytes();
        let table = tag_end_table(bytes);
        for (from, &end) in table.iter().enumerate() {
            let want = scan_tag_end(bytes, from).map_or(u32::MAX, |e| e as u32);
            assert_eq!(end, want, "from {from}");
        }
        let doc = Document::from_html(html);
        assert_eq!(doc.images.len(), 1);
        assert_eq!(doc.images[0].alt, "x");
    }
}
