//! Redaksi's draft store: every keystroke a reporter makes ends up here, in one SQLite file.
//!
//! The store exists so that no draft is ever lost. A save is one transaction in WAL mode, so a
//! crash at any point leaves the last completed save intact; a database from a newer Redaksi
//! is refused rather than damaged; and the file lives in the user's data directory
//! ([`data_dir`]), which `REDAKSI_DATA_DIR` overrides and Settings can move ([`copy_data_dir`]).
//!
//! # Using it
//!
//! [`Store`] is the synchronous API over one connection (the CLI uses it directly):
//!
//! ```
//! # fn main() -> Result<(), redaksi_store::StoreError> {
//! let mut store = redaksi_store::Store::open_in_memory()?;
//! let mut article = store.create_article("Banjir di Jakarta", "Hujan deras sejak pagi.")?;
//! article.body.push_str(" Air mulai surut.");
//! let stored = store.save_article(&article)?;
//! assert_eq!(store.list_articles()?[0].id, stored.id);
//! # Ok(()) }
//! ```
//!
//! The desktop app must never wait on disk from its UI thread, so it moves the store onto a
//! thread of its own with [`StoreHandle::spawn`] and sends it closures. The one writer
//! connection lives on that thread; calls run in order; each answer comes back through a
//! oneshot channel, so `call` works under any async runtime:
//!
//! ```
//! # fn main() -> Result<(), redaksi_store::StoreError> {
//! use redaksi_store::{Store, StoreHandle};
//! let handle = StoreHandle::spawn(Store::open_in_memory()?)?;
//! let article = handle.call_blocking(|store| store.create_article("Judul", "Isi"))?;
//! // In async code: handle.call(move |store| store.get_article(id)).await
//! let id = article.id;
//! let again = handle.call_blocking(move |store| store.get_article(id))?;
//! assert_eq!(again.title, "Judul");
//! # Ok(()) }
//! ```
//!
//! # Errors
//!
//! [`StoreError::code`] gives a stable string per kind of failure (`not_found`,
//! `newer_database`, `corrupt`, `disk_full`, `busy`, `io`, …); the shell sends it across IPC
//! as `{code, message}` and the UI words it in the user's language.
//!
//! # Schema
//!
//! Migrations are the ordered files in `migrations/`, embedded at compile time and tracked in
//! `PRAGMA user_version`. `0002_outbox.sql` belongs to the publish crate's outbox.

mod backup;
mod error;
mod handle;
mod location;
mod media;
mod migrate;
pub mod outbox;
mod private;
pub mod review;
mod revisions;
mod search;
mod store;
mod sync;

pub use backup::{
    BACKUP_INTERVAL, BACKUPS_KEPT, BackupInfo, backup_dir, check_backup, list_backups,
    newest_good_backup, restore_backup,
};
pub use error::{MoveRefusal, StoreError};
pub use handle::StoreHandle;
pub use location::{
    CopyReport, DATA_DIR_ENV, LOCATION_FILE, check_move_target, config_dir, copy_data_dir,
    data_dir, read_location, resolve_data_dir, write_location,
};
pub use media::{MediaRef, content_hash};
pub use migrate::latest_version;
pub use revisions::{
    DiffChunk, DiffOp, RevisionDiff, RevisionInfo, RevisionKind, SNAPSHOT_INTERVAL, SaveKind,
    Version, word_diff,
};
pub use search::{ListQuery, SearchHit, SnippetPart, SortBy};
pub use store::{
    ArticleSummary, Clock, DB_FILE, Maintenance, Store, TRASH_DAYS, word_count_and_excerpt,
};
pub use sync::SyncedFile;
