//! The document model every profile reads: one pass over the article builds its blocks, links,
//! images, embeds and words, each with its byte range in the caller's source.
//!
//! For Markdown the ranges point into the Markdown (the editor highlights them there), which is
//! why the model is built from pulldown-cmark's offset iterator and not from rendered HTML.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::request::Content;

/// What kind of source the ranges point into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Html,
    Markdown,
}

/// The kind of a block of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    ListItem,
    Quote,
    TableCell,
    Caption,
    Code,
}

/// A block of prose: a heading, a paragraph, a list item, …
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Bytes of [`Document::text`].
    pub text: Range<usize>,
    /// Bytes of the source.
    pub source: Range<usize>,
    /// Indices into [`Document::words`].
    pub words: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    /// The `rel` attribute, when the source is HTML and has one.
    pub rel: Option<String>,
    pub text: String,
    pub source: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub source: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedKind {
    Iframe,
    Video,
    Audio,
    Object,
}

/// Embedded media: an iframe (YouTube, maps, social posts), a video, …
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    pub kind: EmbedKind,
    pub src: String,
    pub source: Range<usize>,
}

/// A word: a run of non-space characters with letters or digits, punctuation at its edges cut.
/// Its source range is worked out on demand ([`Document::word_source`]): only the few words a
/// check highlights need one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Bytes of [`Document::text`].
    pub text: Range<usize>,
}

/// A piece of [`Document::text`] copied from one place of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    text: Range<usize>,
    source: Range<usize>,
}

/// The article's structure, built once per analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub kind: SourceKind,
    /// The HTML profiles analyse: the input itself, or the Markdown rendered by the dialect
    /// (raw HTML passes through).
    pub html: String,
    /// The prose, block after block, separated by blank lines.
    pub text: String,
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
    pub embeds: Vec<Embed>,
    pub words: Vec<Word>,
    segments: Vec<Segment>,
}

impl Document {
    pub fn from_content(content: &Content) -> Document {
        match content {
            Content::Html(html) => Document::from_html(html),
            Content::Markdown(md) => Document::from_markdown(md),
        }
    }

    pub fn from_html(html: &str) -> Document {
        let mut builder = Builder::default();
        scan_html(&mut builder, html, 0);
        builder.finish(SourceKind::Html, html.to_owned())
    }

    pub fn from_markdown(markdown: &str) -> Document {
        let events: Vec<(Event<'_>, Range<usize>)> = redaksi_article::markdown::parser(markdown)
            .into_offset_iter()
            .collect();
        let mut builder = Builder::default();
        walk_markdown(&mut builder, markdown, &events);
        // The same events the dialect's `to_html` would render: one parse serves both.
        let mut html = String::with_capacity(markdown.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(event, _)| event));
        builder.finish(SourceKind::Markdown, html)
    }

    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.text.clone()]
    }

    pub fn word(&self, word: &Word) -> &str {
        &self.text[word.text.clone()]
    }

    /// The source bytes of a word.
    pub fn word_source(&self, word: &Word) -> Range<usize> {
        self.source_range(word.text.clone())
    }

    pub fn headings(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading(_)))
    }

    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
    }

    /// The source bytes behind a range of [`Document::text`] (as close as the source allows
    /// when entities or escapes made the text differ from the source).
    pub fn source_range(&self, text: Range<usize>) -> Range<usize> {
        source_range(&self.segments, text)
    }
}

fn source_range(segments: &[Segment], text: Range<usize>) -> Range<usize> {
    if segments.is_empty() {
        return 0..0;
    }
    let locate = |pos: usize| {
        segments
            .partition_point(|s| s.text.end <= pos)
            .min(segments.len() - 1)
    };
    let first = &segments[locate(text.start)];
    let last = &segments[locate(text.end.saturating_sub(1).max(text.start))];
    let exact = |s: &Segment| s.text.len() == s.source.len();
    let start = if exact(first) && text.start >= first.text.start {
        first.source.start + (text.start - first.text.start)
    } else {
        first.source.start
    };
    let end = if exact(last) && text.end <= last.text.end && text.end >= last.text.start {
        last.source.start + (text.end - last.text.start)
    } else {
        last.source.end
    };
    start..end.max(start)
}

#[derive(Default)]
struct Builder {
    text: String,
    blocks: Vec<Block>,
    links: Vec<Link>,
    images: Vec<Image>,
    embeds: Vec<Embed>,
    words: Vec<Word>,
    segments: Vec<Segment>,
    open: Option<OpenBlock>,
    open_link: Option<(usize, usize)>,
}

struct OpenBlock {
    kind: BlockKind,
    text_start: usize,
    source: Range<usize>,
    segment_start: usize,
}

impl Builder {
    fn open(&mut self, kind: BlockKind, source_start: usize) {
        self.close(source_start);
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.open = Some(OpenBlock {
            kind,
            text_start: self.text.len(),
            source: source_start..source_start,
            segment_start: self.segments.len(),
        });
    }

    fn push_text(&mut self, text: &str, source: Range<usize>, implicit: BlockKind) {
        if text.is_empty() {
            return;
        }
        if self.open.is_none() {
            if text.trim().is_empty() {
                return;
            }
            self.open(implicit, source.start);
        }
        let start = self.text.len();
        self.text.push_str(text);
        if let Some(open) = &mut self.open {
            open.source.end = open.source.end.max(source.end);
        }
        self.segments.push(Segment {
            text: start..self.text.len(),
            source,
        });
    }

    fn push_space(&mut self) {
        if self.open.is_some() {
            self.text.push(' ');
        }
    }

    fn close(&mut self, source_end: usize) {
        let Some(open) = self.open.take() else {
            return;
        };
        let text = open.text_start..self.text.len();
        if self.text[text.clone()].trim().is_empty() {
            self.text.truncate(open.text_start);
            if self.text.ends_with("\n\n") {
                self.text.truncate(self.text.len() - 2);
            }
            self.segments.truncate(open.segment_start);
            return;
        }
        let first_word = self.words.len();
        self.words
            .extend(word_ranges(&self.text[text.clone()]).map(|range| Word {
                text: range.start + text.start..range.end + text.start,
            }));
        let source_start = open.source.start;
        self.blocks.push(Block {
            kind: open.kind,
            text,
            source: source_start..open.source.end.max(source_end).max(source_start),
            words: first_word..self.words.len(),
        });
    }

    fn finish(mut self, kind: SourceKind, html: String) -> Document {
        let end = self.open.as_ref().map_or(0, |o| o.source.end);
        self.close(end);
        Document {
            kind,
            html,
            text: self.text,
            blocks: self.blocks,
            links: self.links,
            images: self.images,
            embeds: self.embeds,
            words: self.words,
            segments: self.segments,
        }
    }
}

const ASCII_SPACE: u8 = 1;
const ASCII_ALPHANUMERIC: u8 = 2;

/// `char::is_whitespace` (tab to carriage return, and space) and `char::is_alphanumeric` of
/// each ASCII byte.
static ASCII_WORD_CLASS: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if matches!(byte, b'\t'..=b'\r' | b' ') {
            table[b] = ASCII_SPACE;
        } else if byte.is_ascii_alphanumeric() {
            table[b] = ASCII_ALPHANUMERIC;
        }
        b += 1;
    }
    table
};

/// Byte ranges of the words in `text`: runs of non-space characters, trimmed of non-alphanumeric
/// edges, keeping only runs with a letter or digit.
pub fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    // One forward pass per run: the word is its first to its last alphanumeric character.
    // A run without any is skipped and the search goes on into the next run.
    std::iter::from_fn(move || {
        let mut word: Option<Range<usize>> = None;
        while i < bytes.len() {
            let byte = bytes[i];
            let (space, alphanumeric, len) = if byte.is_ascii() {
                let class = ASCII_WORD_CLASS[usize::from(byte)];
                (class == ASCII_SPACE, class == ASCII_ALPHANUMERIC, 1)
            } else {
                let c = text[i..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                (c.is_whitespace(), c.is_alphanumeric(), c.len_utf8())
            };
            i += len;
            if space {
                if word.is_some() {
                    break;
                }
            } else if alphanumeric {
                let start = i - len;
                match &mut word {
                    Some(w) => w.end = i,
                    None => word = Some(start..i),
                }
            }
        }
        word
    })
}

fn walk_markdown(b: &mut Builder, md: &str, events: &[(Event<'_>, Range<usize>)]) {
    let mut in_item = 0usize;
    let mut in_quote = 0usize;
    let mut image_alt: Option<(usize, String)> = None;
    let mut skip_html_until: usize = 0;
    for (event, range) in events {
        if range.start < skip_html_until && matches!(event, Event::Html(_)) {
            continue;
        }
        if let Some((_, alt)) = &mut image_alt {
            match event {
                Event::Text(t) | Event::Code(t) => {
                    alt.push_str(t);
                    continue;
                }
                Event::End(TagEnd::Image) => {}
                _ => continue,
            }
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => b.open(BlockKind::Heading(*level as u8), range.start),
                Tag::Paragraph => {
                    let kind = if in_item > 0 {
                        BlockKind::ListItem
                    } else if in_quote > 0 {
                        BlockKind::Quote
                    } else {
                        BlockKind::Paragraph
                    };
                    b.open(kind, range.start);
                }
                Tag::Item => {
                    in_item += 1;
                    b.open(BlockKind::ListItem, range.start);
                }
                Tag::BlockQuote(_) => {
                    in_quote += 1;
                    b.close(range.start);
                }
                Tag::TableCell => b.open(BlockKind::TableCell, range.start),
                Tag::CodeBlock(_) => b.open(BlockKind::Code, range.start),
                Tag::List(_) | Tag::Table(_) | Tag::FootnoteDefinition(_) => b.close(range.start),
                Tag::HtmlBlock => {
                    b.close(range.start);
                    scan_html(b, &md[range.clone()], range.start);
                    b.close(range.end);
                    skip_html_until = range.end;
                }
                Tag::Link { dest_url, .. } => {
                    b.links.push(Link {
                        href: dest_url.to_string(),
                        rel: None,
                        text: String::new(),
                        source: range.clone(),
                    });
                    b.open_link = Some((b.links.len() - 1, b.text.len()));
                }
                Tag::Image { dest_url, .. } => {
                    b.images.push(Image {
                        src: dest_url.to_string(),
                        alt: String::new(),
                        source: range.clone(),
                    });
                    image_alt = Some((b.images.len() - 1, String::new()));
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Item => {
                    in_item = in_item.saturating_sub(1);
                    b.close(range.end);
                }
                TagEnd::BlockQuote(_) => {
                    in_quote = in_quote.saturating_sub(1);
                    b.close(range.end);
                }
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::FootnoteDefinition => b.close(range.end),
                TagEnd::Link => {
                    if let Some((index, start)) = b.open_link.take() {
                        let text = b.text.get(start..).unwrap_or("").to_owned();
                        b.links[index].text = text;
                    }
                }
                TagEnd::Image => {
                    if let Some((index, alt)) = image_alt.take() {
                        b.images[index].alt = alt;
                    }
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => {
                let implicit = if in_item > 0 {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
                b.push_text(t, range.clone(), implicit);
            }
            Event::SoftBreak | Event::HardBreak => b.push_space(),
            Event::InlineHtml(t) => scan_inline_html(b, t, range.start),
            Event::Html(t) => scan_html(b, t, range.start),
            _ => {}
        }
    }
}

/// Inline HTML inside Markdown prose: only media and `<br>` matter there.
fn scan_inline_html(b: &mut Builder, html: &str, base: usize) {
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
fn scan_html(b: &mut Builder, html: &str, base: usize) {
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

    #[test]
    fn markdown_ranges_point_into_the_markdown() {
        let md =
            "# Judul *besar*\n\nHarga beras [naik](https://a.id) lagi.\n\n![foto beras](b.jpg)\n";
        let doc = Document::from_markdown(md);
        let words: Vec<&str> = doc.words.iter().map(|w| &md[doc.word_source(w)]).collect();
        assert_eq!(words, ["Judul", "besar", "Harga", "beras", "naik", "lagi"]);
        assert_eq!(doc.headings().count(), 1);
        assert_eq!(doc.paragraphs().count(), 2 - 1);
        assert_eq!(doc.links[0].href, "https://a.id");
        assert_eq!(doc.links[0].text, "naik");
        assert_eq!(&md[doc.links[0].source.clone()], "[naik](https://a.id)");
        assert_eq!(doc.images[0].alt, "foto beras");
        assert_eq!(&md[doc.images[0].source.clone()], "![foto beras](b.jpg)");
        assert!(doc.html.contains("<h1>Judul <em>besar</em></h1>"));
    }

    #[test]
    fn raw_html_in_markdown_is_scanned_in_place() {
        let md = "Teks awal.\n\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n\nAkhir <img src=\"a.png\" alt=\"alt\"> kata.\n";
        let doc = Document::from_markdown(md);
        assert_eq!(doc.embeds.len(), 1);
        assert!(md[doc.embeds[0].source.clone()].starts_with("<iframe"));
        assert_eq!(doc.images.len(), 1);
        assert_eq!(
            &md[doc.images[0].source.clone()],
            "<img src=\"a.png\" alt=\"alt\">"
        );
        assert_eq!(doc.words.len(), 4);
    }

    #[test]
    fn html_blocks_and_entities() {
        let html = "<h2>Harga &amp; stok</h2>\n<p>Satu <a href=\"/x\" rel=\"nofollow\">dua</a> tiga.</p><ul><li>empat</li></ul><script>var a=1;</script>";
        let doc = Document::from_html(html);
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(2),
                BlockKind::Paragraph,
                BlockKind::ListItem
            ]
        );
        assert_eq!(doc.block_text(&doc.blocks[0]), "Harga & stok");
        assert_eq!(doc.links[0].rel.as_deref(), Some("nofollow"));
        assert_eq!(doc.links[0].text, "dua");
        let words: Vec<&str> = doc.words.iter().map(|w| doc.word(w)).collect();
        assert_eq!(words, ["Harga", "stok", "Satu", "dua", "tiga", "empat"]);
        assert_eq!(&html[doc.word_source(&doc.words[4])], "tiga");
    }
}
