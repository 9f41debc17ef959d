//! Markdown into the document model: pulldown-cmark's events with their source offsets, so
//! every range points into the Markdown the editor shows.

use std::ops::Range;

use redaksi_article::pulldown_cmark::{Event, Tag, TagEnd};

use super::html::{scan_html, scan_inline_html};
use super::{BlockKind, Builder, Image, Link};

pub(super) fn walk_markdown(b: &mut Builder, md: &str, events: &[(Event<'_>, Range<usize>)]) {
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
