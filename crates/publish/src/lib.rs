//! How finished articles leave Redaksi.
//!
//! Reporters work offline and on bad connections, so this crate is built around two promises:
//! a file export never loses a field without saying so ([`export`]), and a publish the
//! reporter asked for reaches the CMS exactly once, without overwriting an editor's change
//! there.

pub mod credentials;
mod error;
pub mod export;
pub mod ghost;
pub mod http;
mod ninjs;
pub mod outbox;
pub mod payload;
pub mod preview;
pub mod rankmath;
pub mod review;
mod send;
pub mod target;
mod text;
pub mod wordpress;

pub use error::PublishError;
pub use export::{Dropped, Export, ExportContext, Format, export};
pub use target::{CmsTarget, RemoteStatus, TargetKind};
