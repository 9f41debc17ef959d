//! Plain text of Markdown blocks, with a map back to source offsets.
//!
//! Readability checks count sentences in paragraphs only: list items, table cells, code and
//! headings are not sentences. Each block's text is the concatenation of its text events (link
//! targets and emphasis markers are gone), and every span found in it maps back to the Markdown
//! source so the editor can highlight it.

use pulldown_cmark::{Event, Tag, TagEnd};
use redaksi_article::markdown;

use super::tokens::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// A heading, with its level (1 for `#`).
    Heading(u8),
    ListItem,
    TableCell,
    Code,
}

/// One block's plain text and where each piece of it came from.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// The block's whole source range.
    pub source: Span,
    /// (offset in `text`, offset in source, length) for each copied piece, in order.
    pieces: Vec<(usize, usize, usize)>,
}

impl Block {
    /// Maps a span of [`Block::text`] to the Markdown source.
    pub fn to_source(&self, span: &Span) -> Span {
        let at = |pos: usize, is_end: bool| -> usize {
            let idx = self.pieces.partition_point(|&(t, _, len)| {
                if is_end {
                    t + len < pos
                } else {
                    t + len <= pos
                }
            });
            match self.pieces.get(idx) {
                Some(&(t, s, len)) => s + pos.saturating_sub(t).min(len),
                None => self.source.end,
            }
        };
        let start = at(span.start, false);
        let end = at(span.end, true).max(start);
        start..end
    }

    /// Whether a reader meets this block as running prose (sentences count).
    pub fn is_prose(&self) -> bool {
        self.kind == BlockKind::Paragraph
    }
}

/// A link in the body: its destination, its anchor text and its source range.
#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub anchor: String,
    pub source: Span,
}

/// An image in the body.
#[derive(Debug, Clone)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub source: Span,
}

/// The text blocks, links and images of a Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
}

impl Prose {
    pub fn parse(markdown_text: &str) -> Prose {
        let mut prose = Prose::default();
        let mut current: Option<Block> = None;
        // List items hold paragraphs in loose lists; they stay list items.
        let mut list_depth = 0usize;
        let mut table_depth = 0usize;
        let mut open_link: Option<(String, String, Span)> = None;
        let mut open_image: Option<(String, String, Span)> = None;
        let start_block = |kind, range: Span| Block {
            kind,
            text: String::new(),
            source: range,
            pieces: Vec::new(),
        };
        for (event, range) in markdown::parser(markdown_text).into_offset_iter() {
            match event {
                Event::Start(Tag::Paragraph) if list_depth == 0 && current.is_none() => {
                    current = Some(start_block(BlockKind::Paragraph, range));
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    current = Some(start_block(BlockKind::Heading(level as u8), range));
                }
                Event::Start(Tag::Item) => {
                    list_depth += 1;
                    if list_depth == 1 {
                        current = Some(start_block(BlockKind::ListItem, range));
                    }
                }
                Event::Start(Tag::TableCell) => {
                    table_depth += 1;
                    current = Some(start_block(BlockKind::TableCell, range));
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    current = Some(start_block(BlockKind::Code, range));
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    open_link = Some((dest_url.to_string(), String::new(), range));
                }
                Event::Start(Tag::Image { dest_url, .. }) => {
                    open_image = Some((dest_url.to_string(), String::new(), range));
                }
                Event::End(TagEnd::Link) => {
                    if let Some((href, anchor, source)) = open_link.take() {
                        prose.links.push(Link {
                            href,
                            anchor,
                            source,
                        });
                    }
                }
                Event::End(TagEnd::Image) => {
                    if let Some((src, alt, source)) = open_image.take() {
                        prose.images.push(Image { src, alt, source });
                    }
                }
                Event::End(TagEnd::Item) => {
                    list_depth = list_depth.saturating_sub(1);
                    if list_depth == 0 {
                        prose.blocks.extend(current.take());
                    }
                }
                Event::End(TagEnd::TableCell) => {
                    table_depth = table_depth.saturating_sub(1);
                    prose.blocks.extend(current.take());
                }
                Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock)
                    if list_depth == 0 && table_depth == 0 =>
                {
                    prose.blocks.extend(current.take());
                }
                Event::Text(text) | Event::Code(text) => {
                    if let Some((_, alt, _)) = open_image.as_mut() {
                        alt.push_str(&text);
                        continue;
                    }
                    if let Some((_, anchor, _)) = open_link.as_mut() {
                        anchor.push_str(&text);
                    }
                    if let Some(block) = current.as_mut() {
                        let source_start = if text.len() == range.len() {
                            range.start
                        } else {
                            // Escapes and entities change the length: point at the whole piece.
                            range.start + range.len().saturating_sub(text.len()) / 2
                        };
                        let len = text.len().min(range.end.saturating_sub(source_start));
                        block.pieces.push((block.text.len(), source_start, len));
                        block.text.push_str(&text);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(block) = current.as_mut() {
                        block.pieces.push((block.text.len(), range.start, 0));
                        block.text.push(' ');
                    }
                }
                _ => {}
            }
        }
        prose.blocks.extend(current.take());
        prose
    }

    /// The blocks that are running prose.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.is_prose())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_tables_code_and_headings_are_not_prose() {
        let md = "## Judul\n\nSatu kalimat. Dua kalimat.\n\n- butir satu. butir dua.\n- butir tiga\n\n| a | b |\n|---|---|\n| x. | y. |\n\n```\nkode. kode.\n```\n\nAkhir.\n";
        let prose = Prose::parse(md);
        let texts: Vec<&str> = prose.paragraphs().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Satu kalimat. Dua kalimat.", "Akhir."]);
        assert!(prose.blocks.iter().any(|b| b.kind == BlockKind::Heading(2)));
        assert!(prose.blocks.iter().any(|b| b.kind == BlockKind::ListItem));
    }

    #[test]
    fn spans_map_back_to_the_markdown_source() {
        let md = "Harga **beras** naik, kata [Bulog](https://bulog.co.id).\n";
        let prose = Prose::parse(md);
        let block = &prose.blocks[0];
        assert_eq!(block.text, "Harga beras naik, kata Bulog.");
        let at = block.text.find("beras").unwrap();
        assert_eq!(&md[block.to_source(&(at..at + 5))], "beras");
        let at = block.text.find("Bulog").unwrap();
        assert_eq!(&md[block.to_source(&(at..at + 5))], "Bulog");
        assert_eq!(prose.links[0].anchor, "Bulog");
        assert_eq!(prose.links[0].href, "https://bulog.co.id");
    }
}
