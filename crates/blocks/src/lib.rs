//! WordPress post content ↔ Redaksi's Markdown, losing nothing.
//!
//! A post written in WordPress arrives as block markup (the block editor's HTML with
//! `<!-- wp:… -->` delimiters) or as classic HTML. [`to_markdown`] reads it into Redaksi's
//! Markdown dialect wherever the dialect says exactly the same thing (paragraphs, headings,
//! nested lists, quotes, images with captions, galleries, YouTube embeds, tables, separators,
//! code) and carries everything else as it is: as raw HTML in the Markdown when that comes back
//! byte for byte, otherwise in a fenced ```` ```wordpress ```` block that is sent back verbatim.
//! [`to_content`] writes Markdown as the core blocks the block editor itself saves, so Redaksi's
//! own posts open there as native blocks.
//!
//! The guarantee, checked on every pull rather than hoped for: `to_content(&pulled.markdown,
//! pulled.form)` is the content that was pulled, byte for byte. A pulled post pushed back
//! without edits leaves WordPress's content as it was. Pure: no IO.

mod grammar;
mod html;
mod pull;
mod read;
mod write;

pub use pull::{Carried, NotLossless, Pulled, to_markdown};
pub use write::VERBATIM_FENCE;

/// How a post's content is written in WordPress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// Block markup (the block editor). Redaksi's own posts go out this way.
    Blocks,
    /// Classic HTML (the classic editor), where a blank line separates paragraphs.
    Classic,
}

impl Form {
    /// The form of existing content, decided as WordPress's `has_blocks()` does; empty content
    /// is a new post, written in blocks.
    pub fn of(content: &str) -> Form {
        if content.is_empty() || grammar::has_blocks(content) {
            Form::Blocks
        } else {
            Form::Classic
        }
    }
}

/// The WordPress content for Redaksi Markdown, in `form`.
pub fn to_content(markdown: &str, form: Form) -> String {
    write::content(markdown, form)
}
