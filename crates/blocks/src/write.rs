//! Redaksi Markdown → WordPress content, in the shape the block editor itself saves (WordPress
//! 6.1's core blocks), or as classic HTML for a post that was classic when it was pulled.
//!
//! This is the one definition of how a Markdown construct looks in WordPress: [`crate::pull`]
//! only ever keeps a Markdown reading of a post when this writer gives the post back unchanged.

use std::mem::discriminant;
use std::ops::Range;

use redaksi_article::pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};

use crate::Form;
use crate::grammar;
use crate::html::{entity_len, escape_ampersands, escape_attr, escape_text};

/// The info string of a fenced block whose text goes to WordPress exactly as written: how a
/// pulled piece that has no faithful Markdown form is carried.
pub const VERBATIM_FENCE: &str = "wordpress";

/// The post content for `markdown`.
pub fn content(markdown: &str, form: Form) -> String {
    let mut writer = Writer {
        md: markdown,
        events: redaksi_article::markdown::parser(markdown)
            .into_offset_iter()
            .collect(),
        at: 0,
        form,
    };
    let items = writer.blocks(None, true);
    join(items.into_iter().map(Item::into_html))
}

type Spanned<'a> = (Event<'a>, Range<usize>);

/// A rendered block; a quote's last paragraph that is only a `<cite>` becomes its citation.
enum Item {
    Block(String),
    Cite { citation: String, paragraph: String },
}

impl Item {
    fn into_html(self) -> String {
        match self {
            Item::Block(html)
            | Item::Cite {
                paragraph: html, ..
            } => html,
        }
    }
}

struct Writer<'a> {
    md: &'a str,
    events: Vec<Spanned<'a>>,
    at: usize,
    form: Form,
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("\n\n")
}

/// One core block in the block editor's serialisation.
fn block(name: &str, attrs: &str, html: &str) -> String {
    format!("<!-- wp:{name}{attrs} -->\n{html}\n<!-- /wp:{name} -->")
}

/// Block attributes as the block editor writes them: JSON with `--`, `<`, `>`, `&` and `\"`
/// escaped as unicode so the comment stays a comment.
pub fn json_attr(value: &str) -> String {
    serde_json::to_string(value)
        .expect("a string serialises")
        .replace("--", "\\u002d\\u002d")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace("\\\"", "\\u0022")
}

const EMBED_CLASSES: &str = "wp-embed-aspect-16-9 wp-has-aspect-ratio";

/// A YouTube address on a line of its own becomes an embed, as WordPress does with it.
pub fn is_youtube(url: &str) -> bool {
    [
        "https://www.youtube.com/watch?v=",
        "https://youtube.com/watch?v=",
        "https://m.youtube.com/watch?v=",
        "https://youtu.be/",
    ]
    .iter()
    .any(|prefix| url.len() > prefix.len() && url.starts_with(prefix))
        && !url.contains(char::is_whitespace)
}

fn level_number(level: HeadingLevel) -> usize {
    level as usize
}

impl<'a> Writer<'a> {
    fn next(&mut self) -> Option<Spanned<'a>> {
        let event = self.events.get(self.at).cloned();
        self.at += 1;
        event
    }

    fn peek(&self) -> Option<&Event<'a>> {
        self.events.get(self.at).map(|(event, _)| event)
    }

    /// Events up to the end of the current element (consumed, not returned).
    fn until_end(&mut self) -> Vec<Spanned<'a>> {
        let end = end_of(&self.events, self.at);
        let inner = self.events[self.at..end].to_vec();
        self.at = end + 1;
        inner
    }

    /// Blocks until `until` ends (or the document does).
    fn blocks(&mut self, until: Option<TagEnd>, top_level: bool) -> Vec<Item> {
        let mut items = Vec::new();
        while let Some((event, range)) = self.next() {
            match event {
                Event::End(end)
                    if until.is_some_and(|u| discriminant(&u) == discriminant(&end)) =>
                {
                    break;
                }
                Event::Start(tag) => items.push(self.block(tag, range, top_level)),
                Event::Rule => items.push(Item::Block(self.separator())),
                other => items.push(Item::Block(self.inline(&[(other, range)]))),
            }
        }
        items
    }

    fn block(&mut self, tag: Tag<'a>, range: Range<usize>, top_level: bool) -> Item {
        Item::Block(match tag {
            Tag::Paragraph => return self.paragraph(range),
            Tag::Heading { level, id, .. } => self.heading(level, id.as_deref()),
            Tag::BlockQuote(_) => self.quote(),
            Tag::CodeBlock(kind) => self.code(kind, range, top_level),
            Tag::HtmlBlock => self.html(range, top_level),
            Tag::List(start) => self.list(start),
            Tag::Table(alignments) => self.table(&alignments),
            Tag::FootnoteDefinition(_) => join(
                self.blocks(Some(TagEnd::FootnoteDefinition), false)
                    .into_iter()
                    .map(Item::into_html),
            ),
            // Nothing else is in the dialect; should one appear, its text is still kept.
            _ => {
                let inner = self.until_end();
                self.paragraph_html(&self.inline(&inner))
            }
        })
    }

    fn paragraph_html(&self, inline: &str) -> String {
        match self.form {
            Form::Blocks => block("paragraph", "", &format!("<p>{inline}</p>")),
            Form::Classic => inline.to_owned(),
        }
    }

    fn paragraph(&mut self, range: Range<usize>) -> Item {
        let inner = self.until_end();
        if self.form == Form::Blocks {
            if let Some(images) = only_images(&inner) {
                let figures: Vec<String> = images
                    .iter()
                    .map(|(image, alt)| self.image(image, alt))
                    .collect();
                return Item::Block(match figures.as_slice() {
                    [one] => one.clone(),
                    _ => block(
                        "gallery",
                        r#" {"linkTo":"none"}"#,
                        &format!(
                            "<figure class=\"wp-block-gallery has-nested-images columns-default is-cropped\">{}</figure>",
                            figures.join("\n\n")
                        ),
                    ),
                });
            }
            let source = self.md[range].trim();
            let plain = inner.iter().all(|(e, _)| matches!(e, Event::Text(_)))
                && inner
                    .iter()
                    .map(|(e, _)| match e {
                        Event::Text(t) => t.as_ref(),
                        _ => "",
                    })
                    .collect::<String>()
                    == source;
            if plain && is_youtube(source) {
                return Item::Block(embed(source));
            }
        }
        let paragraph = self.paragraph_html(&self.inline(&inner));
        match inner.as_slice() {
            [
                (Event::InlineHtml(open), _),
                middle @ ..,
                (Event::InlineHtml(close), _),
            ] if open.as_ref() == "<cite>" && close.as_ref() == "</cite>" => Item::Cite {
                citation: self.inline(middle),
                paragraph,
            },
            _ => Item::Block(paragraph),
        }
    }

    fn image(&self, image: &Spanned<'a>, alt: &[Spanned<'a>]) -> String {
        let Event::Start(Tag::Image {
            dest_url, title, ..
        }) = &image.0
        else {
            unreachable!("only_images returns image starts");
        };
        let mut html = String::from("<figure class=\"wp-block-image\"><img src=\"");
        escape_attr(dest_url, &mut html);
        html.push_str("\" alt=\"");
        html.push_str(&self.plain_text(alt, escape_attr));
        html.push_str("\"/>");
        if !title.is_empty() {
            html.push_str("<figcaption class=\"wp-element-caption\">");
            escape_ampersands(title, &mut html);
            html.push_str("</figcaption>");
        }
        html.push_str("</figure>");
        block("image", "", &html)
    }

    fn heading(&mut self, level: HeadingLevel, id: Option<&str>) -> String {
        let inner = self.until_end();
        let n = level_number(level);
        let mut open = format!("h{n}");
        if let Some(id) = id {
            open.push_str(" id=\"");
            escape_attr(id, &mut open);
            open.push('"');
        }
        let html = format!("<{open}>{}</h{n}>", self.inline(&inner));
        match self.form {
            Form::Blocks if n == 2 => block("heading", "", &html),
            Form::Blocks => block("heading", &format!(" {{\"level\":{n}}}"), &html),
            Form::Classic => html,
        }
    }

    fn quote(&mut self) -> String {
        let mut items = self.blocks(Some(TagEnd::BlockQuote(None)), false);
        match self.form {
            Form::Blocks => {
                let citation = match items.last() {
                    Some(Item::Cite { citation, .. }) => Some(format!("<cite>{citation}</cite>")),
                    _ => None,
                };
                if citation.is_some() {
                    items.pop();
                }
                let inner = join(items.into_iter().map(Item::into_html));
                block(
                    "quote",
                    "",
                    &format!(
                        "<blockquote class=\"wp-block-quote\">{inner}{}</blockquote>",
                        citation.unwrap_or_default()
                    ),
                )
            }
            Form::Classic => format!(
                "<blockquote>{}</blockquote>",
                join(items.into_iter().map(Item::into_html))
            ),
        }
    }

    fn code(&mut self, kind: CodeBlockKind<'a>, range: Range<usize>, top_level: bool) -> String {
        let text: String = self
            .until_end()
            .into_iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.into_string()),
                _ => None,
            })
            .collect();
        let verbatim =
            matches!(&kind, CodeBlockKind::Fenced(info) if info.as_ref() == VERBATIM_FENCE);
        if verbatim {
            return if top_level {
                fenced_body(&self.md[range]).to_owned()
            } else {
                text.strip_suffix('\n').unwrap_or(&text).to_owned()
            };
        }
        let mut escaped = String::new();
        escape_text(text.strip_suffix('\n').unwrap_or(&text), &mut escaped);
        let escaped = escaped.replace('[', "&#91;");
        match self.form {
            Form::Blocks => block(
                "code",
                "",
                &format!("<pre class=\"wp-block-code\"><code>{escaped}</code></pre>"),
            ),
            Form::Classic => format!("<pre><code>{escaped}</code></pre>"),
        }
    }

    /// Raw HTML goes out as written. Consecutive HTML blocks are one piece, blank lines and
    /// all. In a block post, HTML that is not itself block markup becomes a Custom HTML block.
    fn html(&mut self, range: Range<usize>, top_level: bool) -> String {
        if !top_level {
            let inner = self.until_end();
            let text: String = inner
                .iter()
                .filter_map(|(e, _)| match e {
                    Event::Html(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            return text.strip_suffix('\n').unwrap_or(&text).to_owned();
        }
        self.until_end();
        let mut end = range.end;
        while matches!(self.peek(), Some(Event::Start(Tag::HtmlBlock))) {
            let (_, next) = self.next().expect("peeked");
            end = next.end;
            self.until_end();
        }
        let span = &self.md[range.start..end];
        let span = span.strip_suffix('\n').unwrap_or(span);
        match self.form {
            Form::Blocks if !grammar::starts_with_block(span) => block("html", "", span),
            _ => span.to_owned(),
        }
    }

    fn list(&mut self, start: Option<u64>) -> String {
        let mut items = Vec::new();
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(Tag::Item) => items.push(self.item()),
                Event::End(TagEnd::List(_)) => break,
                _ => {}
            }
        }
        let (tag, open) = match start {
            None => ("ul", "ul".to_owned()),
            Some(1) => ("ol", "ol".to_owned()),
            Some(n) => ("ol", format!("ol start=\"{n}\"")),
        };
        match self.form {
            Form::Blocks => {
                let attrs = match start {
                    None => String::new(),
                    Some(1) => r#" {"ordered":true}"#.to_owned(),
                    Some(n) => format!(r#" {{"ordered":true,"start":{n}}}"#),
                };
                block(
                    "list",
                    &attrs,
                    &format!("<{open}>{}</{tag}>", items.join("\n\n")),
                )
            }
            Form::Classic => {
                let items: String = items.iter().map(|i| format!("\n \t{i}")).collect();
                format!("<{open}>{items}\n</{tag}>")
            }
        }
    }

    fn item(&mut self) -> String {
        let mut inline = Vec::new();
        let mut nested = String::new();
        while let Some((event, range)) = self.next() {
            match event {
                Event::End(TagEnd::Item) => break,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                Event::Start(Tag::List(start)) => nested.push_str(&self.list(start)),
                Event::Start(
                    tag @ (Tag::Heading { .. }
                    | Tag::BlockQuote(_)
                    | Tag::CodeBlock(_)
                    | Tag::HtmlBlock
                    | Tag::Table(_)
                    | Tag::FootnoteDefinition(_)),
                ) => {
                    nested.push_str(&self.block(tag, range, false).into_html());
                }
                Event::Rule => nested.push_str(&self.separator()),
                other => inline.push((other, range)),
            }
        }
        let html = format!("<li>{}{nested}</li>", self.inline(&inline));
        match self.form {
            Form::Blocks => block("list-item", "", &html),
            Form::Classic => html,
        }
    }

    fn table(&mut self, alignments: &[Alignment]) -> String {
        let mut head = String::new();
        let mut body = String::new();
        let mut in_head = false;
        let mut column = 0;
        while let Some((event, _)) = self.next() {
            match event {
                Event::End(TagEnd::Table) => break,
                Event::Start(Tag::TableHead) => {
                    in_head = true;
                    column = 0;
                }
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => {
                    body.push_str("<tr>");
                    column = 0;
                }
                Event::End(TagEnd::TableRow) => body.push_str("</tr>"),
                Event::Start(Tag::TableCell) => {
                    let inner = self.until_end();
                    let tag = if in_head { "th" } else { "td" };
                    let align = match alignments.get(column) {
                        Some(Alignment::Left) => Some("left"),
                        Some(Alignment::Center) => Some("center"),
                        Some(Alignment::Right) => Some("right"),
                        _ => None,
                    }
                    .map(|a| format!(" class=\"has-text-align-{a}\" data-align=\"{a}\""))
                    .unwrap_or_default();
                    let cell = format!("<{tag}{align}>{}</{tag}>", self.inline(&inner));
                    if in_head { &mut head } else { &mut body }.push_str(&cell);
                    column += 1;
                }
                _ => {}
            }
        }
        let body = if body.is_empty() {
            body
        } else {
            format!("<tbody>{body}</tbody>")
        };
        let table = format!("<table><thead><tr>{head}</tr></thead>{body}</table>");
        match self.form {
            Form::Blocks => block(
                "table",
                "",
                &format!("<figure class=\"wp-block-table\">{table}</figure>"),
            ),
            Form::Classic => table,
        }
    }

    fn separator(&self) -> String {
        match self.form {
            Form::Blocks => block(
                "separator",
                "",
                "<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>",
            ),
            Form::Classic => "<hr />".to_owned(),
        }
    }

    /// A character reference written in the Markdown goes out as written (`&nbsp;` stays
    /// `&nbsp;`), so a pulled post keeps the references it had.
    fn reference(&self, text: &str, range: &Range<usize>) -> Option<&'a str> {
        let source = self.md.get(range.clone())?;
        (source != text && entity_len(source) == Some(source.len())).then_some(source)
    }

    fn text(&self, text: &str, range: &Range<usize>, out: &mut String) {
        if let Some(reference) = self.reference(text, range) {
            out.push_str(reference);
            return;
        }
        match self.form {
            Form::Blocks => escape_text(text, out),
            // Classic content is what was typed in WordPress's text editor: only `<` must not
            // open a tag.
            Form::Classic => out.push_str(&text.replace('<', "&lt;")),
        }
    }

    /// The text of inline events without their markup (an image's alt text).
    fn plain_text(&self, events: &[Spanned<'a>], escape: fn(&str, &mut String)) -> String {
        let mut out = String::new();
        for (event, range) in events {
            match event {
                Event::Text(t) => match self.reference(t, range) {
                    Some(reference) => out.push_str(reference),
                    None => escape(t, &mut out),
                },
                Event::Code(t) => escape(t, &mut out),
                Event::SoftBreak | Event::HardBreak => out.push(' '),
                _ => {}
            }
        }
        out
    }

    fn inline(&self, events: &[Spanned<'a>]) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < events.len() {
            let (event, range) = &events[i];
            i += 1;
            match event {
                Event::Text(t) => self.text(t, range, &mut out),
                Event::Code(t) => {
                    out.push_str("<code>");
                    escape_text(t, &mut out);
                    out.push_str("</code>");
                }
                Event::InlineHtml(h) | Event::Html(h) => out.push_str(h),
                Event::SoftBreak => out.push(' '),
                Event::HardBreak => out.push_str(match self.form {
                    Form::Blocks => "<br>",
                    Form::Classic => "\n",
                }),
                Event::Start(Tag::Emphasis) => out.push_str("<em>"),
                Event::End(TagEnd::Emphasis) => out.push_str("</em>"),
                Event::Start(Tag::Strong) => out.push_str("<strong>"),
                Event::End(TagEnd::Strong) => out.push_str("</strong>"),
                Event::Start(Tag::Strikethrough) => out.push_str("<s>"),
                Event::End(TagEnd::Strikethrough) => out.push_str("</s>"),
                Event::Start(Tag::Link {
                    dest_url, title, ..
                }) => {
                    out.push_str("<a href=\"");
                    escape_attr(dest_url, &mut out);
                    out.push('"');
                    if !title.is_empty() {
                        out.push_str(" title=\"");
                        escape_attr(title, &mut out);
                        out.push('"');
                    }
                    out.push('>');
                }
                Event::End(TagEnd::Link) => out.push_str("</a>"),
                Event::Start(Tag::Image { dest_url, .. }) => {
                    let start = i;
                    i = end_of(events, start);
                    let alt = self.plain_text(&events[start..i], escape_attr);
                    i += 1; // the image's end
                    out.push_str("<img src=\"");
                    escape_attr(dest_url, &mut out);
                    out.push_str("\" alt=\"");
                    out.push_str(&alt);
                    out.push_str("\"/>");
                }
                Event::FootnoteReference(label) => {
                    out.push_str("<sup>");
                    escape_text(label, &mut out);
                    out.push_str("</sup>");
                }
                Event::TaskListMarker(done) => out.push_str(if *done { "[x] " } else { "[ ] " }),
                // Markup outside the dialect: the text between is kept.
                _ => {}
            }
        }
        out
    }
}

/// The index of the event that ends the element whose content begins at `from`.
fn end_of(events: &[Spanned<'_>], from: usize) -> usize {
    let mut depth = 0usize;
    let mut i = from;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// A paragraph of nothing but images (one per line): each image with its alt text events.
fn only_images<'a, 'e>(
    events: &'e [Spanned<'a>],
) -> Option<Vec<(&'e Spanned<'a>, &'e [Spanned<'a>])>> {
    let mut images = Vec::new();
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::Image { .. }) => {
                let start = i + 1;
                let end = end_of(events, start);
                images.push((&events[i], &events[start..end]));
                i = end + 1;
            }
            Event::SoftBreak => i += 1,
            Event::Text(t) if t.trim().is_empty() => i += 1,
            _ => return None,
        }
    }
    (!images.is_empty()).then_some(images)
}

fn embed(url: &str) -> String {
    let attrs = format!(
        r#" {{"url":{},"type":"video","providerNameSlug":"youtube","responsive":true,"className":"{EMBED_CLASSES}"}}"#,
        json_attr(url)
    );
    let mut shown = String::new();
    escape_text(url, &mut shown);
    block(
        "embed",
        &attrs,
        &format!(
            "<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube {EMBED_CLASSES}\"><div class=\"wp-block-embed__wrapper\">\n{shown}\n</div></figure>"
        ),
    )
}

/// What a fenced block holds: everything between its opening line and its closing fence (or
/// the end, when it is never closed).
fn fenced_body(block: &str) -> &str {
    let block = block.strip_suffix('\n').unwrap_or(block);
    let Some(first_line_end) = block.find('\n') else {
        return "";
    };
    let rest = &block[first_line_end + 1..];
    let (last_line, before) = match rest.rfind('\n') {
        Some(i) => (&rest[i + 1..], &rest[..i]),
        None => (rest, ""),
    };
    let fence = last_line.trim();
    let closes =
        fence.len() >= 3 && (fence.bytes().all(|b| b == b'`') || fence.bytes().all(|b| b == b'~'));
    if closes { before } else { rest }
}
