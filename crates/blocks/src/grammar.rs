//! The block grammar WordPress stores posts in: HTML interleaved with delimiter comments,
//! `<!-- wp:name {"json":"attrs"} -->` … `<!-- /wp:name -->` or a void `<!-- wp:name /-->`.
//! This follows `WP_Block_Parser`'s delimiter rule; what lies between delimiters is kept as the
//! exact source slices, so nothing is re-serialised on the way through.

/// A block and everything between its delimiters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    /// As written: `paragraph` for a core block, `acme/widget` for others.
    pub name: &'a str,
    /// The JSON attributes exactly as written, when there are any.
    pub attrs: Option<&'a str>,
    pub inner: Vec<Piece<'a>>,
    /// The whole block, delimiters included.
    pub source: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Html(&'a str),
    Block(Block<'a>),
}

/// The block structure is not well nested (a closer without its opener, or an opener never
/// closed). WordPress still shows such a post; Redaksi then carries it as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Opener,
    Closer,
    Void,
}

#[derive(Debug, Clone, Copy)]
struct Delimiter<'a> {
    kind: Kind,
    name: &'a str,
    attrs: Option<&'a str>,
    start: usize,
    end: usize,
}

/// Whether `text` begins with a block delimiter (an opener or a void block).
pub fn starts_with_block(text: &str) -> bool {
    delimiter_at(text, 0).is_some_and(|d| d.kind != Kind::Closer)
}

/// Whether the post is written in blocks, as WordPress's own `has_blocks()` decides.
pub fn has_blocks(content: &str) -> bool {
    content.contains("<!-- wp:")
}

/// The post as top-level pieces: blocks and the HTML between them.
pub fn parse(doc: &str) -> Result<Vec<Piece<'_>>, Malformed> {
    struct Open<'a> {
        name: &'a str,
        attrs: Option<&'a str>,
        start: usize,
        inner: Vec<Piece<'a>>,
    }
    fn push_html<'a>(pieces: &mut Vec<Piece<'a>>, html: &'a str) {
        if !html.is_empty() {
            pieces.push(Piece::Html(html));
        }
    }
    let mut top: Vec<Piece<'_>> = Vec::new();
    let mut stack: Vec<Open<'_>> = Vec::new();
    let mut at = 0;
    let mut search = 0;
    while let Some(found) = doc[search..].find("<!--").map(|i| search + i) {
        let Some(d) = delimiter_at(doc, found) else {
            search = found + 4;
            continue;
        };
        let pieces = stack.last_mut().map_or(&mut top, |open| &mut open.inner);
        push_html(pieces, &doc[at..d.start]);
        match d.kind {
            Kind::Void => pieces.push(Piece::Block(Block {
                name: d.name,
                attrs: d.attrs,
                inner: Vec::new(),
                source: &doc[d.start..d.end],
            })),
            Kind::Opener => stack.push(Open {
                name: d.name,
                attrs: d.attrs,
                start: d.start,
                inner: Vec::new(),
            }),
            Kind::Closer => {
                let open = stack.pop().ok_or(Malformed)?;
                if open.name != d.name {
                    return Err(Malformed);
                }
                let block = Piece::Block(Block {
                    name: open.name,
                    attrs: open.attrs,
                    inner: open.inner,
                    source: &doc[open.start..d.end],
                });
                stack
                    .last_mut()
                    .map_or(&mut top, |o| &mut o.inner)
                    .push(block);
            }
        }
        at = d.end;
        search = d.end;
    }
    if !stack.is_empty() {
        return Err(Malformed);
    }
    push_html(&mut top, &doc[at..]);
    Ok(top)
}

/// Reads a delimiter starting exactly at `start`, by WordPress's rule:
/// `<!--\s+(/)?wp:(ns/)?name\s+({json}\s+)?(/)?-->`.
fn delimiter_at(doc: &str, start: usize) -> Option<Delimiter<'_>> {
    let rest = doc[start..].strip_prefix("<!--")?;
    let after_ws = rest.trim_start_matches(is_space);
    if after_ws.len() == rest.len() {
        return None;
    }
    let (closer, after) = match after_ws.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, after_ws),
    };
    let after = after.strip_prefix("wp:")?;
    let name_len = block_name_len(after)?;
    let name = &after[..name_len];
    let rest = &after[name_len..];
    let trimmed = rest.trim_start_matches(is_space);
    if trimmed.len() == rest.len() {
        return None;
    }
    let (attrs, rest) = if trimmed.starts_with('{') {
        let len = attrs_len(trimmed)?;
        let after_attrs = &trimmed[len..];
        let tail = after_attrs.trim_start_matches(is_space);
        if tail.len() == after_attrs.len() {
            return None;
        }
        (Some(&trimmed[..len]), tail)
    } else {
        (None, trimmed)
    };
    let (void, rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let rest = rest.strip_prefix("-->")?;
    let kind = match (closer, void) {
        (true, false) if attrs.is_none() => Kind::Closer,
        (false, false) => Kind::Opener,
        (false, true) => Kind::Void,
        _ => return None,
    };
    Some(Delimiter {
        kind,
        name,
        attrs,
        start,
        end: doc.len() - rest.len(),
    })
}

fn is_space(c: char) -> bool {
    c.is_ascii_whitespace()
}

/// `[a-z][a-z0-9_-]*` with an optional namespace of the same shape before a `/`.
fn block_name_len(text: &str) -> Option<usize> {
    let part = |t: &str| -> Option<usize> {
        let bytes = t.as_bytes();
        if !bytes.first()?.is_ascii_lowercase() {
            return None;
        }
        Some(
            bytes
                .iter()
                .take_while(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || **b == b'_' || **b == b'-'
                })
                .count(),
        )
    };
    let first = part(text)?;
    match text[first..].strip_prefix('/') {
        Some(rest) => part(rest).map(|second| first + 1 + second),
        None => Some(first),
    }
}

/// The attributes run from `{` to the first `}` that is followed by whitespace and `/-->` or `-->`.
fn attrs_len(text: &str) -> Option<usize> {
    text.match_indices('}').find_map(|(i, _)| {
        let after = &text[i + 1..];
        let tail = after.trim_start_matches(is_space);
        (tail.len() < after.len() && (tail.starts_with("-->") || tail.starts_with("/-->")))
            .then_some(i + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_nest_and_keep_their_exact_source() {
        let doc = "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>a</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n<!-- wp:separator /-->";
        let pieces = parse(doc).unwrap();
        let [Piece::Block(list), Piece::Html("\n\n"), Piece::Block(sep)] = pieces.as_slice() else {
            panic!("{pieces:?}");
        };
        assert_eq!(list.name, "list");
        assert_eq!(list.source, &doc[..doc.find("\n\n<!-- wp:sep").unwrap()]);
        assert_eq!(list.inner.len(), 3, "{:?}", list.inner);
        assert_eq!(sep.source, "<!-- wp:separator /-->");
    }

    #[test]
    fn attributes_are_kept_as_written_even_with_braces_inside() {
        let doc = r#"<!-- wp:acme/card {"style":{"a":"}"},"n":1} -->x<!-- /wp:acme/card -->"#;
        let pieces = parse(doc).unwrap();
        let [Piece::Block(card)] = pieces.as_slice() else {
            panic!("{pieces:?}");
        };
        assert_eq!(card.name, "acme/card");
        assert_eq!(card.attrs, Some(r#"{"style":{"a":"}"},"n":1}"#));
    }

    #[test]
    fn ordinary_comments_are_html() {
        let doc = "<!-- more --><!--wp:paragraph--><p>a</p>";
        assert_eq!(parse(doc).unwrap(), vec![Piece::Html(doc)]);
    }

    #[test]
    fn unbalanced_structure_is_malformed() {
        assert_eq!(parse("<!-- wp:paragraph -->\n<p>a</p>"), Err(Malformed));
        assert_eq!(parse("<p>a</p>\n<!-- /wp:paragraph -->"), Err(Malformed));
        assert_eq!(
            parse("<!-- wp:quote --><!-- wp:paragraph --><!-- /wp:quote -->"),
            Err(Malformed)
        );
    }
}
