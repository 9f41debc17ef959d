//! Content → Markdown with the round trip checked: each blank-line-separated piece of the post
//! is offered as Markdown (rich, then with its tags kept as inline HTML), as raw HTML, and as a
//! verbatim fence, and the first that [`crate::write`] turns back into the same bytes is kept.
//! The whole document is checked again, since Markdown pieces can read into each other (two
//! lists side by side become one); then pieces are chosen one by one against the growing
//! prefix.

use crate::grammar::{self, Block, Piece};
use crate::read::{self, Style, longest_run};
use crate::write::VERBATIM_FENCE;
use crate::{Form, to_content};

/// A pulled post: its Markdown and the form to write it back in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pulled {
    pub markdown: String,
    pub form: Form,
    pub carried: Carried,
}

/// How many pieces of the post were carried each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Carried {
    /// Read as Markdown.
    pub markdown: usize,
    /// Kept as raw HTML in the Markdown.
    pub html: usize,
    /// Kept in a ```` ```wordpress ```` fence.
    pub verbatim: usize,
}

/// Even the verbatim form did not give the content back: the post is left alone rather than
/// changed. (It cannot happen for content WordPress stores; the check stays because a wrong
/// answer here would silently rewrite someone's post.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the post's content cannot be carried into Markdown unchanged, so it is left as it is \
     (isi tulisan tidak dapat dibawa ke Markdown tanpa perubahan, jadi dibiarkan apa adanya)"
)]
pub struct NotLossless;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    Markdown,
    Html,
    Verbatim,
}

struct Chunk<'a> {
    text: &'a str,
    end: usize,
    block: Option<Block<'a>>,
}

/// Reads WordPress content into Markdown that writes back to exactly the same content.
///
/// The common case costs one write-back: each piece's first reading, checked once for the
/// whole post. Only when that misses is every reading of every piece checked on its own.
pub fn to_markdown(content: &str) -> Result<Pulled, NotLossless> {
    let form = Form::of(content);
    let chunks = chunks(content, form);
    let first: Vec<(String, How)> = chunks
        .iter()
        .map(|chunk| first_reading(chunk, form))
        .collect();
    let first_picks: Vec<&(String, How)> = first.iter().collect();
    if to_content(&joined(&first_picks), form) == content {
        return Ok(pulled(&first_picks, form));
    }
    let options: Vec<Vec<(String, How)>> = chunks
        .iter()
        .map(|chunk| {
            candidates(chunk, form)
                .into_iter()
                .filter(|(md, _)| to_content(md, form) == chunk.text)
                .collect::<Vec<_>>()
        })
        .collect();
    if options.iter().any(Vec::is_empty) {
        return Err(NotLossless);
    }
    let picks: Vec<&(String, How)> = options.iter().map(|o| &o[0]).collect();
    let picks = if to_content(&joined(&picks), form) == content {
        picks
    } else {
        one_by_one(content, form, &chunks, &options)?
    };
    let pulled = pulled(&picks, form);
    if to_content(&pulled.markdown, form) != content {
        return Err(NotLossless);
    }
    Ok(pulled)
}

/// The Markdown of the chosen readings, with how each piece was carried.
fn pulled(picks: &[&(String, How)], form: Form) -> Pulled {
    let mut carried = Carried::default();
    for (_, how) in picks {
        *match how {
            How::Markdown => &mut carried.markdown,
            How::Html => &mut carried.html,
            How::Verbatim => &mut carried.verbatim,
        } += 1;
    }
    Pulled {
        markdown: joined(picks),
        form,
        carried,
    }
}

/// The pieces' Markdown, a blank line apart.
fn joined(picks: &[&(String, How)]) -> String {
    picks
        .iter()
        .map(|(md, _)| md.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Chooses each chunk's reading against the document so far. Raw HTML that opens a block
/// Markdown only closes at a marker (`<pre>`, `<script>`, an unclosed comment) reads on into the
/// next piece; when no reading of a piece fits, the piece before it goes verbatim instead.
fn one_by_one<'o>(
    content: &str,
    form: Form,
    chunks: &[Chunk<'_>],
    options: &'o [Vec<(String, How)>],
) -> Result<Vec<&'o (String, How)>, NotLossless> {
    let fits =
        |picks: &[&(String, How)], end: usize| to_content(&joined(picks), form) == content[..end];
    let mut picks: Vec<&(String, How)> = Vec::with_capacity(chunks.len());
    for (i, chunk) in chunks.iter().enumerate() {
        let choose = |picks: &mut Vec<&'o (String, How)>| {
            options[i].iter().any(|option| {
                picks.push(option);
                let fit = fits(picks, chunk.end);
                if !fit {
                    picks.pop();
                }
                fit
            })
        };
        if choose(&mut picks) {
            continue;
        }
        let previous = i.checked_sub(1).ok_or(NotLossless)?;
        picks[previous] = options[previous].last().ok_or(NotLossless)?;
        if !fits(&picks, chunks[previous].end) || !choose(&mut picks) {
            return Err(NotLossless);
        }
    }
    Ok(picks)
}

/// The post split at its top-level blank lines (never inside a block).
fn chunks(content: &str, form: Form) -> Vec<Chunk<'_>> {
    let offset = |s: &str| s.as_ptr() as usize - content.as_ptr() as usize;
    let mut separators = Vec::new();
    let mut blocks = Vec::new();
    let pieces = match form {
        Form::Blocks => grammar::parse(content).unwrap_or_else(|_| vec![Piece::Html(content)]),
        Form::Classic => vec![Piece::Html(content)],
    };
    for piece in pieces {
        match piece {
            Piece::Html(html) => {
                separators.extend(html.match_indices("\n\n").map(|(i, _)| offset(html) + i));
            }
            Piece::Block(block) => blocks.push(block),
        }
    }
    // No piece may be empty: Markdown has no way to say "an empty piece here". A blank line
    // that would leave one stays inside its neighbour.
    let mut splits: Vec<usize> = Vec::with_capacity(separators.len());
    let mut start = 0;
    for separator in separators {
        if separator > start {
            splits.push(separator);
            start = separator + 2;
        }
    }
    if start == content.len() {
        splits.pop();
    }
    let mut chunks = Vec::with_capacity(splits.len() + 1);
    let mut start = 0;
    for end in splits.into_iter().chain([content.len()]) {
        let text = &content[start..end];
        let block = blocks
            .iter()
            .position(|b| offset(b.source) == start && b.source.len() == text.len())
            .map(|i| blocks.swap_remove(i));
        chunks.push(Chunk { text, end, block });
        start = end + 2;
    }
    chunks
}

/// The reading [`candidates`] offers first, without making the others.
fn first_reading(chunk: &Chunk<'_>, form: Form) -> (String, How) {
    let md = [Style::Rich, Style::Plain]
        .into_iter()
        .find_map(|style| markdown_reading(chunk, form, style));
    md.map_or_else(
        || (chunk.text.to_owned(), How::Html),
        |md| (md, How::Markdown),
    )
}

fn markdown_reading(chunk: &Chunk<'_>, form: Form, style: Style) -> Option<String> {
    match (&chunk.block, form) {
        (Some(block), _) => read::block_md(block, style),
        (None, Form::Classic) => read::classic_md(chunk.text, style),
        (None, Form::Blocks) => None,
    }
}

/// Every reading of a piece, richest first: Markdown (rich, then plain), raw HTML, verbatim.
fn candidates(chunk: &Chunk<'_>, form: Form) -> Vec<(String, How)> {
    let mut out: Vec<(String, How)> = Vec::with_capacity(4);
    for style in [Style::Rich, Style::Plain] {
        if let Some(md) = markdown_reading(chunk, form, style)
            && !out.iter().any(|(seen, _)| *seen == md)
        {
            out.push((md, How::Markdown));
        }
    }
    out.push((chunk.text.to_owned(), How::Html));
    let fence = "`".repeat(longest_run(chunk.text, '`').max(2) + 1);
    out.push((
        format!("{fence}{VERBATIM_FENCE}\n{}\n{fence}", chunk.text),
        How::Verbatim,
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_split_only_between_top_level_blocks() {
        let content = "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>a</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>b</p>\n<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->\n\nfree\n\n<!-- wp:separator /-->";
        let chunks = chunks(content, Form::Blocks);
        let texts: Vec<&str> = chunks.iter().map(|c| c.text).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].ends_with("<!-- /wp:quote -->"));
        assert_eq!(texts[1], "free");
        assert!(
            chunks[0].block.is_some() && chunks[1].block.is_none() && chunks[2].block.is_some()
        );
    }
}
