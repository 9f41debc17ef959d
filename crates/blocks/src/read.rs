//! WordPress content → Markdown readings, one chunk at a time. A reading is only a proposal:
//! [`crate::pull`] keeps it when [`crate::write`] turns it back into the same bytes.

use crate::Form;
use crate::grammar::{Block, Piece};
use crate::html::{Token, entity_len, tokens};
use crate::write::is_youtube;

/// How much of the inline markup becomes Markdown syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `**bold**`, `*em*`, `[links](…)`, `` `code` ``, hard breaks.
    Rich,
    /// Every tag kept as inline HTML; only the text is Markdown. For the rare paragraph whose
    /// Markdown syntax would not come back the same (`<strong>a </strong>`, say).
    Plain,
}

/// Where inline text lands: a table cell must also escape `|`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Flow,
    Cell,
}

/// The Markdown for a core block this crate writes, if the block has that exact shape.
pub fn block_md(block: &Block<'_>, style: Style) -> Option<String> {
    let html = match block.inner.as_slice() {
        [Piece::Html(h)] => Some(*h),
        [] => Some(""),
        _ => None,
    };
    let body = || html.and_then(|h| h.strip_prefix('\n')?.strip_suffix('\n'));
    match (block.name, block.attrs) {
        ("paragraph", None) => paragraph_md(strip(body()?, "<p>", "</p>")?, style),
        ("heading", attrs) => {
            let level = match attrs {
                None => 2,
                Some(a) => a
                    .strip_prefix("{\"level\":")?
                    .strip_suffix('}')?
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=6).contains(n))?,
            };
            heading_md(body()?, level, style, Form::Blocks)
        }
        ("list", None | Some(r#"{"ordered":true}"#)) => list_md(block, style),
        ("quote", None) => quote_md(block, style),
        ("image", None) => image_md(body()?, style),
        ("gallery", Some(r#"{"linkTo":"none"}"#)) => gallery_md(block, style),
        ("embed", Some(attrs)) => {
            let attrs: serde_json::Value = serde_json::from_str(attrs).ok()?;
            let url = attrs["url"].as_str()?;
            is_youtube(url).then(|| url.to_owned())
        }
        ("table", None) => table_md(body()?, style),
        ("separator", None)
            if body()? == "<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>" =>
        {
            Some("---".to_owned())
        }
        ("code", None) => code_md(strip(
            body()?,
            "<pre class=\"wp-block-code\"><code>",
            "</code></pre>",
        )?),
        ("html", None) => body().filter(|h| h.starts_with('<')).map(str::to_owned),
        _ => None,
    }
}

/// The Markdown for one blank-line-separated piece of a classic post.
pub fn classic_md(chunk: &str, style: Style) -> Option<String> {
    if let Some(level) = chunk
        .strip_prefix("<h")
        .and_then(|r| r.chars().next())
        .and_then(|c| c.to_digit(10))
    {
        return heading_md(chunk, level as usize, style, Form::Classic);
    }
    for tag in ["ul", "ol"] {
        if let Some(inner) = strip(chunk, &format!("<{tag}>"), &format!("\n</{tag}>")) {
            let mut lines = Vec::new();
            for (n, item) in inner.split("\n \t<li>").enumerate() {
                if n == 0 {
                    if !item.is_empty() {
                        return None;
                    }
                    continue;
                }
                let text = item.strip_suffix("</li>")?;
                let marker = if tag == "ol" {
                    format!("{n}. ")
                } else {
                    "- ".to_owned()
                };
                let md = inline_md(text, style, Form::Classic, Place::Flow)?;
                lines.push(item_md(&marker, &md, None));
            }
            return Some(lines.join("\n"));
        }
    }
    if let Some(inner) = strip(chunk, "<blockquote>", "</blockquote>") {
        return Some(quoted(&inline_md(
            inner,
            style,
            Form::Classic,
            Place::Flow,
        )?));
    }
    if chunk == "<hr />" {
        return Some("---".to_owned());
    }
    inline_md(chunk, style, Form::Classic, Place::Flow)
}

fn strip<'a>(text: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    text.strip_prefix(prefix)?.strip_suffix(suffix)
}

fn paragraph_md(inner: &str, style: Style) -> Option<String> {
    inline_md(inner, style, Form::Blocks, Place::Flow)
}

fn heading_md(html: &str, level: usize, style: Style, form: Form) -> Option<String> {
    let open_end = html.find('>')?;
    let open = &html[..=open_end];
    let id = if open == format!("<h{level}>") {
        None
    } else {
        let id = strip(open, &format!("<h{level} id=\""), "\">")?;
        if id.is_empty() || id.contains(|c: char| c.is_whitespace() || "\"{}\\&".contains(c)) {
            return None;
        }
        Some(id)
    };
    let content = html[open_end + 1..].strip_suffix(&format!("</h{level}>"))?;
    let mut text = inline_md(content, style, form, Place::Flow)?;
    if text.contains('\n') {
        return None;
    }
    // A closing run of `#` or a trailing `{…}` would be read as heading syntax.
    if text.ends_with('#') {
        text.insert(text.len() - 1, '\\');
    }
    if text.ends_with('}') {
        text = text.replace('{', "\\{");
    }
    let mut md = "#".repeat(level);
    if !text.is_empty() {
        md.push(' ');
        md.push_str(&text);
    }
    if let Some(id) = id {
        md.push_str(&format!(" {{#{id}}}"));
    }
    Some(md)
}

/// A list item: the marker, the text (continuation lines indented under it) and a nested list.
fn item_md(marker: &str, text: &str, nested: Option<&str>) -> String {
    let pad = " ".repeat(marker.len());
    let mut md = if text.is_empty() {
        marker.trim_end().to_owned()
    } else {
        format!("{marker}{}", text.replace('\n', &format!("\n{pad}")))
    };
    if let Some(nested) = nested {
        for line in nested.lines() {
            md.push('\n');
            if !line.is_empty() {
                md.push_str(&pad);
                md.push_str(line);
            }
        }
    }
    md
}

/// The pieces between a container's opening and closing HTML: its inner blocks, which the
/// block editor separates by a blank line.
fn inner_blocks<'b, 'a>(
    block: &'b Block<'a>,
    open: &str,
    close: &str,
) -> Option<(Vec<&'b Block<'a>>, &'a str)> {
    let pieces = block.inner.as_slice();
    let (Piece::Html(first), Piece::Html(last)) = (pieces.first()?, pieces.last()?) else {
        return None;
    };
    if *first != open || !last.ends_with(close) || pieces.len() < 2 {
        return None;
    }
    let mut blocks = Vec::new();
    for (i, piece) in pieces[1..pieces.len() - 1].iter().enumerate() {
        match piece {
            Piece::Block(b) if i % 2 == 0 => blocks.push(b),
            Piece::Html("\n\n") if i % 2 == 1 => {}
            _ => return None,
        }
    }
    Some((blocks, &last[..last.len() - close.len()]))
}

fn list_md(list: &Block<'_>, style: Style) -> Option<String> {
    let ordered = list.attrs.is_some();
    let tag = if ordered { "ol" } else { "ul" };
    let (items, tail) = inner_blocks(list, &format!("\n<{tag}>"), &format!("</{tag}>\n"))?;
    if !tail.is_empty() || items.is_empty() {
        return None;
    }
    let mut lines = Vec::new();
    for (n, item) in items.iter().enumerate() {
        if item.name != "list-item" || item.attrs.is_some() {
            return None;
        }
        let (text, nested) = match item.inner.as_slice() {
            [Piece::Html(h)] => (strip(h, "\n<li>", "</li>\n")?, None),
            [Piece::Html(h), Piece::Block(nested), Piece::Html("</li>\n")]
                if nested.name == "list" =>
            {
                (h.strip_prefix("\n<li>")?, Some(list_md(nested, style)?))
            }
            _ => return None,
        };
        let marker = if ordered {
            format!("{}. ", n + 1)
        } else {
            "- ".to_owned()
        };
        let text = inline_md(text, style, Form::Blocks, Place::Flow)?;
        lines.push(item_md(&marker, &text, nested.as_deref()));
    }
    Some(lines.join("\n"))
}

fn quoted(md: &str) -> String {
    md.lines()
        .map(|line| {
            if line.is_empty() {
                ">".to_owned()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn quote_md(quote: &Block<'_>, style: Style) -> Option<String> {
    let (blocks, tail) = inner_blocks(
        quote,
        "\n<blockquote class=\"wp-block-quote\">",
        "</blockquote>\n",
    )?;
    let mut parts = blocks
        .iter()
        .map(|b| block_md(b, style))
        .collect::<Option<Vec<_>>>()?;
    if !tail.is_empty() {
        let citation = strip(tail, "<cite>", "</cite>")?;
        parts.push(format!(
            "<cite>{}</cite>",
            inline_md(citation, style, Form::Blocks, Place::Flow)?
        ));
    }
    Some(quoted(&parts.join("\n\n")))
}

fn image_md(html: &str, style: Style) -> Option<String> {
    let rest = html.strip_prefix("<figure class=\"wp-block-image\"><img src=\"")?;
    let (src, rest) = rest.split_once("\" alt=\"")?;
    let (alt, rest) = rest.split_once("\"/>")?;
    let rest = rest.strip_suffix("</figure>")?;
    let caption = if rest.is_empty() {
        None
    } else {
        Some(strip(
            rest,
            "<figcaption class=\"wp-element-caption\">",
            "</figcaption>",
        )?)
    };
    if src.contains(|c: char| c.is_whitespace() || "()<>\\\"".contains(c)) || src.is_empty() {
        return None;
    }
    let alt = inline_md(alt, style, Form::Blocks, Place::Flow)?;
    let mut md = format!("![{alt}]({}", destination(src));
    if let Some(caption) = caption {
        md.push_str(" \"");
        // The writer escapes a bare `&` again; every `&` is written `\&` so that Markdown
        // does not decode a reference the caption spells out.
        for c in caption.replace("&amp;", "&").chars() {
            match c {
                '\\' | '"' | '&' => {
                    md.push('\\');
                    md.push(c);
                }
                c => md.push(c),
            }
        }
        md.push('"');
    }
    md.push(')');
    Some(md)
}

/// A URL from an attribute as a Markdown destination: the writer escapes `&` again.
fn destination(url: &str) -> String {
    url.replace("&amp;", "&")
}

fn gallery_md(gallery: &Block<'_>, style: Style) -> Option<String> {
    let (images, tail) = inner_blocks(
        gallery,
        "\n<figure class=\"wp-block-gallery has-nested-images columns-default is-cropped\">",
        "</figure>\n",
    )?;
    if !tail.is_empty() || images.len() < 2 {
        return None;
    }
    let lines = images
        .iter()
        .map(
            |image| match (image.name, image.attrs, image.inner.as_slice()) {
                ("image", None, [Piece::Html(h)]) => image_md(strip(h, "\n", "\n")?, style),
                _ => None,
            },
        )
        .collect::<Option<Vec<_>>>()?;
    Some(lines.join("\n"))
}

fn table_md(html: &str, style: Style) -> Option<String> {
    let inner = strip(
        html,
        "<figure class=\"wp-block-table\"><table><thead>",
        "</table></figure>",
    )?;
    let (head, body) = inner.split_once("</thead>")?;
    let head = row_cells(strip(head, "<tr>", "</tr>")?, "th")?;
    let alignments: Vec<Option<&str>> = head.iter().map(|(align, _)| *align).collect();
    let mut lines = vec![
        cells_md(&head, style)?,
        format!(
            "|{}|",
            alignments
                .iter()
                .map(|a| match a {
                    None => " --- ",
                    Some("left") => " :--- ",
                    Some("center") => " :---: ",
                    Some("right") => " ---: ",
                    Some(_) => " ? ",
                })
                .collect::<Vec<_>>()
                .join("|")
        ),
    ];
    if !body.is_empty() {
        let rows = strip(body, "<tbody><tr>", "</tr></tbody>")?;
        for row in rows.split("</tr><tr>") {
            lines.push(cells_md(&row_cells(row, "td")?, style)?);
        }
    }
    Some(lines.join("\n"))
}

/// A table row's cells: each one's alignment and inner HTML.
fn row_cells<'a>(mut row: &'a str, tag: &str) -> Option<Vec<(Option<&'a str>, &'a str)>> {
    let mut cells = Vec::new();
    let close = format!("</{tag}>");
    while !row.is_empty() {
        let rest = row.strip_prefix('<')?.strip_prefix(tag)?;
        let (attrs, rest) = rest.split_once('>')?;
        let align = if attrs.is_empty() {
            None
        } else {
            let a = strip(attrs, " class=\"has-text-align-", "\"")?;
            let (a, data) = a.split_once("\" data-align=\"")?;
            (a == data).then_some(a)?;
            Some(a)
        };
        let (content, rest) = rest.split_once(&close)?;
        cells.push((align, content));
        row = rest;
    }
    Some(cells)
}

fn cells_md(cells: &[(Option<&str>, &str)], style: Style) -> Option<String> {
    let cells = cells
        .iter()
        .map(|(_, html)| inline_md(html, style, Form::Blocks, Place::Cell))
        .collect::<Option<Vec<_>>>()?;
    if cells.iter().any(|c| c.contains('\n')) {
        return None;
    }
    Some(format!("| {} |", cells.join(" | ")))
}

fn code_md(html: &str) -> Option<String> {
    let mut code = String::with_capacity(html.len());
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        if let Some(len) = entity_len(rest) {
            code.push(match &rest[..len] {
                "&lt;" => '<',
                "&amp;" => '&',
                "&#91;" => '[',
                _ => return None,
            });
            i += len;
        } else {
            let c = rest.chars().next()?;
            code.push(c);
            i += c.len_utf8();
        }
    }
    let fence = "`".repeat(longest_run(&code, '`').max(2) + 1);
    Some(format!("{fence}\n{code}\n{fence}"))
}

pub fn longest_run(text: &str, of: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == of { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// Inline HTML → Markdown: text escaped (character references kept as written), tags the
/// writer produces turned into Markdown syntax when `style` is rich, every other tag kept.
fn inline_md(html: &str, style: Style, form: Form, place: Place) -> Option<String> {
    let tokens = tokens(html);
    let mut out = String::with_capacity(html.len());
    // For each open tag: its name and the Markdown that closes it (None: kept as HTML).
    let mut open: Vec<(String, Option<String>)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        i += 1;
        match token {
            Token::Text(text) => text_md(text, form, place, &mut out),
            Token::Comment(c) => out.push_str(c),
            Token::Start(tag) if style == Style::Rich => {
                let converted = match (tag.name.as_str(), tag.source) {
                    ("strong", "<strong>") => Some(("**", "**".to_owned())),
                    ("em", "<em>") => Some(("*", "*".to_owned())),
                    ("s", "<s>") => Some(("~~", "~~".to_owned())),
                    ("a", source) => match tag.attrs.as_slice() {
                        [(name, Some(href))]
                            if name == "href"
                                && source == format!("<a href=\"{href}\">")
                                && !href.is_empty()
                                && !href.contains(|c: char| {
                                    c.is_whitespace() || c.is_control() || "()<>\\".contains(c)
                                }) =>
                        {
                            Some(("[", format!("]({})", destination(href))))
                        }
                        _ => None,
                    },
                    ("br", "<br>") if form == Form::Blocks => {
                        out.push_str("\\\n");
                        continue;
                    }
                    ("code", "<code>") => {
                        if let Some((span, used)) = code_span(&tokens[i..]) {
                            out.push_str(&span);
                            i += used;
                            continue;
                        }
                        None
                    }
                    _ => None,
                };
                match converted {
                    Some((opening, closing)) => {
                        out.push_str(opening);
                        open.push((tag.name.clone(), Some(closing)));
                    }
                    None => {
                        out.push_str(tag.source);
                        open.push((tag.name.clone(), None));
                    }
                }
            }
            Token::Start(tag) => out.push_str(tag.source),
            Token::End { name, source } => {
                match open.iter().rposition(|(n, _)| n == name) {
                    Some(at) if at + 1 == open.len() => match open.pop() {
                        Some((_, Some(closing))) => out.push_str(&closing),
                        _ => out.push_str(source),
                    },
                    // Crossed tags: Markdown cannot say that; the plain reading will.
                    Some(_) => return None,
                    None => out.push_str(source),
                }
            }
        }
    }
    if open.iter().any(|(_, closing)| closing.is_some()) {
        return None;
    }
    Some(match place {
        Place::Flow => escape_line_starts(&out),
        // A cell is inside its row's line: nothing in it starts a line.
        Place::Cell => out,
    })
}

/// `<code>text</code>` as a code span, when its text has no backticks or edge spaces; with the
/// number of tokens used after the opening tag.
fn code_span(after_open: &[Token<'_>]) -> Option<(String, usize)> {
    let (text, used) = match after_open {
        [
            Token::Text(t),
            Token::End {
                source: "</code>", ..
            },
            ..,
        ] => (*t, 2),
        _ => return None,
    };
    if text.is_empty()
        || text.contains('`')
        || text.starts_with(' ')
        || text.ends_with(' ')
        || text.contains('\n')
    {
        return None;
    }
    let mut code = String::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        match entity_len(rest) {
            Some(len) => {
                code.push(match &rest[..len] {
                    "&lt;" => '<',
                    "&amp;" => '&',
                    _ => return None,
                });
                i += len;
            }
            None => {
                let c = rest.chars().next()?;
                if c == '&' || c == '<' {
                    return None;
                }
                code.push(c);
                i += c.len_utf8();
            }
        }
    }
    Some((format!("`{code}`"), used))
}

/// Text as Markdown: the characters Markdown would read as syntax are backslash-escaped;
/// character references stay as written.
fn text_md(text: &str, form: Form, place: Place, out: &mut String) {
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if let Some(len) = entity_len(rest) {
            out.push_str(&rest[..len]);
            i += len;
            continue;
        }
        let c = rest.chars().next().expect("not at the end");
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '|' if place == Place::Cell => out.push_str("\\|"),
            // A classic post's line break is a line break.
            '\n' if form == Form::Classic => out.push_str("\\\n"),
            c => out.push(c),
        }
        i += c.len_utf8();
    }
}

/// A line that begins like a heading, list, quote or setext underline is escaped.
fn escape_line_starts(md: &str) -> String {
    let mut out = String::with_capacity(md.len() + 4);
    for (n, line) in md.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if line.starts_with(['#', '-', '+', '=', '>']) {
            out.push('\\');
            out.push_str(line);
        } else if digits > 0 && line[digits..].starts_with(['.', ')']) {
            out.push_str(&line[..digits]);
            out.push('\\');
            out.push_str(&line[digits..]);
        } else {
            out.push_str(line);
        }
    }
    out
}
