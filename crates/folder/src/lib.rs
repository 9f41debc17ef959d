//! Redaksi's bridge to plain Markdown folders: Hugo, Jekyll and Obsidian keep articles as `.md`
//! files with YAML front matter, and sync clients and other editors work on those files.
//!
//! - [`import`] reads files or whole folders into the store, all or nothing per file, and
//!   reports each file that failed with its path and line.
//! - [`export`] writes an article as such a file, atomically.
//! - [`Mirror`] keeps a folder and the store in step both ways. It recognises its own writes
//!   by content hash (so it never re-imports its own echo), and when a file and its article
//!   both changed since the last sync it keeps both: the file's version becomes a conflict
//!   copy. [`watch`] drives a mirror from file-system events (notify with a debouncer),
//!   watching the folder rather than the files because editors save by renaming.

mod error;
mod export;
mod import;
mod mirror;
mod watch;

pub use error::FolderError;
pub use export::{export, write_atomically};
pub use import::{ImportFailure, ImportReport, Imported, MAX_FILE_BYTES, import, markdown_files};
pub use mirror::{Mirror, SyncEvent};
pub use watch::{FolderWatcher, watch};
