//! The document model every profile reads: one pass over the article builds its blocks, links,
//! images, embeds and words, each with its byte range in the caller's source.
//!
//! For Markdown the ranges point into the Markdown (the editor highlights them there), which is
//! why the model is built from pulldown-cmark's offset iterator and not from rendered HTML.
//!
//! This module holds the model and its builder; [`markdown`] walks Markdown into it and
//! [`html`] scans HTML (a CMS's stored post, or raw HTML inside Markdown).

mod html;
mod markdown;

use std::ops::Range;

use redaksi_article::pulldown_cmark::{self, Event};

use crate::request::Content;
use html::scan_html;
use markdown::walk_markdown;

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

#[cfg(test)]
mod tests {
    use super::*;

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
