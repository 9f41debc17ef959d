//! The article model that every other Redaksi crate speaks in.
//!
//! An [`Article`] is what a reporter writes: a title, a Markdown body and the metadata that
//! scoring, storage and publishing need. This crate owns the three things that must be the same
//! everywhere an article is read or written:
//!
//! - the `.md` file form with YAML front matter ([`front_matter`]), which keeps keys it does not
//!   know so that Hugo, Jekyll or Obsidian files survive a round trip;
//! - the one Markdown dialect ([`markdown`]), used by preview, scoring and export alike;
//! - the sanitiser ([`render`]) that every piece of HTML passes before a user or a CMS sees it.
//!
//! It is also the one home of the small rules every front door shares: slugs and file names
//! ([`slug`]), the reader's text and word count ([`text`]), reading a language code
//! ([`Lang::from_tag`]) and score bands ([`Band`]). The Markdown parser is re-exported as
//! [`pulldown_cmark`] so that no other crate depends on it directly.

mod band;
pub mod front_matter;
pub mod markdown;
mod model;
pub mod render;
pub mod slug;
pub mod text;

pub use band::{Band, BandParseError};
pub use front_matter::FrontMatterError;
pub use model::{
    Article, FeaturedImage, Keyword, Lang, LangParseError, Meta, MutedCheck, Status,
    StatusParseError,
};
pub use pulldown_cmark;
