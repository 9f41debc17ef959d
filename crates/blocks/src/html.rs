//! Just enough of HTML to read the inside of a block: a tokenizer that keeps every token's exact
//! source, and the escaping rules the block editor saves with (`@wordpress/escape-html`).
//!
//! A tree-building parser (html5ever) would normalise what it reads: quoting, attribute
//! spacing, `<br />` versus `<br>`, implied tags. Redaksi must hand back the bytes it was given,
//! so it reads tokens over the source and re-emits anything it does not convert verbatim.

/// One piece of HTML, with its exact text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    Text(&'a str),
    Start(Tag<'a>),
    End { name: String, source: &'a str },
    Comment(&'a str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
    /// Lower-cased.
    pub name: String,
    /// Attribute names lower-cased, values as written (entities not decoded), without quotes.
    pub attrs: Vec<(String, Option<&'a str>)>,
    pub source: &'a str,
}

impl Token<'_> {
    #[cfg(test)]
    pub fn source(&self) -> &str {
        match self {
            Token::Text(s) | Token::Comment(s) => s,
            Token::Start(tag) => tag.source,
            Token::End { source, .. } => source,
        }
    }
}

/// Splits `html` into tokens whose sources, joined, are `html` again. A `<` that starts no tag
/// is text.
pub fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut at = 0;
    while let Some(lt) = html[at..].find('<').map(|i| at + i) {
        let Some((token, end)) = markup_at(html, lt) else {
            at = lt + 1;
            continue;
        };
        if text_start < lt {
            out.push(Token::Text(&html[text_start..lt]));
        }
        out.push(token);
        at = end;
        text_start = end;
    }
    if text_start < html.len() {
        out.push(Token::Text(&html[text_start..]));
    }
    out
}

fn markup_at(html: &str, start: usize) -> Option<(Token<'_>, usize)> {
    let rest = &html[start..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        let end = start + 4 + comment.find("-->")? + 3;
        return Some((Token::Comment(&html[start..end]), end));
    }
    if let Some(after) = rest.strip_prefix("</") {
        let name_len = tag_name_len(after)?;
        let tail = after[name_len..].trim_start_matches(|c: char| c.is_ascii_whitespace());
        let tail = tail.strip_prefix('>')?;
        let end = html.len() - tail.len();
        let name = after[..name_len].to_ascii_lowercase();
        return Some((
            Token::End {
                name,
                source: &html[start..end],
            },
            end,
        ));
    }
    let after = &rest[1..];
    let name_len = tag_name_len(after)?;
    let name = after[..name_len].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut cursor = &after[name_len..];
    loop {
        let trimmed = cursor.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if let Some(tail) = trimmed
            .strip_prefix("/>")
            .or_else(|| trimmed.strip_prefix('>'))
        {
            let end = html.len() - tail.len();
            let source = &html[start..end];
            return Some((
                Token::Start(Tag {
                    name,
                    attrs,
                    source,
                }),
                end,
            ));
        }
        if trimmed.len() == cursor.len() && !attrs.is_empty() {
            return None; // attributes must be separated by whitespace
        }
        let attr_len = trimmed
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/' | '"' | '\''))
            .filter(|&n| n > 0)?;
        let attr = trimmed[..attr_len].to_ascii_lowercase();
        let after_name = &trimmed[attr_len..];
        let after_eq = after_name.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if let Some(value_part) = after_eq.strip_prefix('=') {
            let value_part = value_part.trim_start_matches(|c: char| c.is_ascii_whitespace());
            let (value, tail) = match value_part.chars().next()? {
                quote @ ('"' | '\'') => {
                    let close = value_part[1..].find(quote)? + 1;
                    (&value_part[1..close], &value_part[close + 1..])
                }
                _ => {
                    let len = value_part
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(value_part.len());
                    (&value_part[..len], &value_part[len..])
                }
            };
            attrs.push((attr, Some(value)));
            cursor = tail;
        } else {
            attrs.push((attr, None));
            cursor = after_name;
        }
    }
}

fn tag_name_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    Some(
        bytes
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count(),
    )
}

/// The length of the character reference `&…;` at the start of `text`, if it is one
/// (`&name;`, `&#123;`, `&#x1F;`). This is the shape both HTML and CommonMark read as a
/// reference, and the one the block editor's escaping leaves alone.
pub fn entity_len(text: &str) -> Option<usize> {
    let body = text.strip_prefix('&')?;
    let count = |t: &str, keep: fn(&u8) -> bool| t.bytes().take_while(&keep).count();
    let (len, minimum) =
        if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
            (2 + count(hex, u8::is_ascii_hexdigit), 3)
        } else if let Some(decimal) = body.strip_prefix('#') {
            (1 + count(decimal, u8::is_ascii_digit), 2)
        } else {
            (count(body, u8::is_ascii_alphanumeric), 1)
        };
    (len >= minimum && body[len..].starts_with(';')).then_some(len + 2)
}

/// Text as the block editor saves it: `&` (unless it starts a reference) and `<` escaped.
pub fn escape_text(text: &str, out: &mut String) {
    escape(text, out, |c| match c {
        '<' => Some("&lt;"),
        _ => None,
    });
}

/// An attribute value as the block editor saves it: `&` (unless it starts a reference), `"`
/// and `>` escaped.
pub fn escape_attr(text: &str, out: &mut String) {
    escape(text, out, |c| match c {
        '"' => Some("&quot;"),
        '>' => Some("&gt;"),
        _ => None,
    });
}

/// HTML that is kept as HTML (a caption): only a bare `&` is escaped.
pub fn escape_ampersands(text: &str, out: &mut String) {
    escape(text, out, |_| None);
}

fn escape(text: &str, out: &mut String, other: impl Fn(char) -> Option<&'static str>) {
    for (i, c) in text.char_indices() {
        match c {
            '&' if entity_len(&text[i..]).is_none() => out.push_str("&amp;"),
            c => match other(c) {
                Some(escaped) => out.push_str(escaped),
                None => out.push(c),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn tokens_cover_the_source_exactly() {
        let html = "a <strong>b</strong> <a href='x' data-x=1 hidden>c</a><br />1 < 2 <!-- n --> &amp; </p >";
        let joined: String = tokens(html).iter().map(Token::source).collect();
        assert_eq!(joined, html);
        let tags: Vec<_> = tokens(html)
            .into_iter()
            .filter_map(|t| match t {
                Token::Start(tag) => Some((tag.name, tag.attrs)),
                _ => None,
            })
            .collect();
        assert_eq!(
            tags,
            vec![
                ("strong".into(), vec![]),
                (
                    "a".into(),
                    vec![
                        ("href".into(), Some("x")),
                        ("data-x".into(), Some("1")),
                        ("hidden".into(), None)
                    ]
                ),
                ("br".into(), vec![]),
            ]
        );
    }

    #[rstest]
    #[case("&amp; x", Some(5))]
    #[case("&#8217;", Some(7))]
    #[case("&#x2019;", Some(8))]
    #[case("&nbsp;", Some(6))]
    #[case("& x", None)]
    #[case("&#;", None)]
    #[case("&#x;", None)]
    #[case("&amp", None)]
    fn references_are_recognised(#[case] text: &str, #[case] len: Option<usize>) {
        assert_eq!(entity_len(text), len);
    }

    #[test]
    fn escaping_follows_the_block_editor() {
        let mut text = String::new();
        escape_text("Tom & Jerry &amp; <b> \"q\" >", &mut text);
        assert_eq!(text, "Tom &amp; Jerry &amp; &lt;b> \"q\" >");
        let mut attr = String::new();
        escape_attr("a?b=1&c=\"2\">", &mut attr);
        assert_eq!(attr, "a?b=1&amp;c=&quot;2&quot;&gt;");
    }
}
