//! How finished articles leave Redaksi.
//!
//! Reporters work offline and on bad connections, so this crate is built around two promises:
//! a file export never loses a field without saying so ([`export`]), and a publish the
//! reporter asked for reaches the CMS exactly once, without overwriting an editor's change
//! there.

pub mod export;
mod ninjs;
mod text;

pub use export::{Dropped, Export, ExportContext, Format, export};
