//! Redaksi's application layer: everything the desktop app and the `redaksi` command line both
//! do, without Tauri. Each front door parses its input (IPC arguments, command-line flags),
//! calls one function here, and shows the answer; neither holds domain rules of its own.
//!
//! - [`score`]: scoring an article for the desk (profile, rules file, site settings, the title
//!   a search engine shows), with [`rules`] for a newsroom's own rules file and its cache;
//! - [`editing`]: saves that carry the version they were based on and never overwrite a newer
//!   text; [`instance`]: one app per data folder;
//! - [`dashboard`]: the editors' filtered list; [`workflow`]: status changes, named versions;
//! - [`archive`]: revision saves, trash, Markdown import, backups;
//! - [`export`]: the publish dialog's exact payload and exports into a folder;
//!   [`conflict`]: both sides of a publish conflict; [`targets`]: checking a CMS account;
//! - [`site`]: the site audit (every published post of a WordPress site scored as the desk
//!   scores, stale Rank Math scores written back);
//! - [`review`]: review across the newsroom through its WordPress (submit, pull, score,
//!   approve, return with a note, the reporter's sync);
//! - [`mirror`]: the mirrored folder's settings and reports; [`data`]: moving the data folder;
//! - [`error`]: the one error vocabulary ([`Code`]) and every conversion into it.
//!
//! # Seams
//!
//! Functions take a `&Store` / `&mut Store`: the CLI owns one directly, the app runs the call
//! on its store thread (`StoreHandle::call`). Nothing here spawns threads, watches files or
//! holds process-wide state: the rules cache is a value ([`rules::RulesCache`]) the front door
//! keeps. Publishing's worker and CMS clients stay in `redaksi-publish`; the desk only shapes
//! what the user sees of them. Types crossing IPC derive `Serialize` here, so the app's
//! TypeScript bindings are generated from this crate (`src/bindings.rs`, into `ui/src/lib/bindings/`).

pub mod archive;
#[cfg(test)]
mod bindings;
pub mod conflict;
pub mod dashboard;
pub mod data;
pub mod editing;
pub mod error;
pub mod export;
pub mod instance;
pub mod mirror;
pub mod review;
pub mod rules;
pub mod score;
pub mod site;
pub mod targets;
pub mod workflow;

pub use error::{Code, Error, Result};
