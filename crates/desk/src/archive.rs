//! The archive side of the store as the desk uses it: saves that leave a revision, the trash,
//! and importing Markdown files.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use redaksi_store::{ArticleSummary, SaveKind, Store};
use serde::{Deserialize, Serialize};

use crate::error::{Code, Error, Result};

/// Why the UI saves outside the autosave: Ctrl/Cmd+S, or a version the user names.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SaveReason {
    Explicit,
    Named { name: String },
}

impl From<SaveReason> for SaveKind {
    fn from(reason: SaveReason) -> Self {
        match reason {
            SaveReason::Explicit => SaveKind::Explicit,
            SaveReason::Named { name } => SaveKind::Named(name),
        }
    }
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TrashItem {
    pub article: ArticleSummary,
    pub deleted_at: DateTime<Utc>,
}

pub fn trash(store: &Store) -> Result<Vec<TrashItem>> {
    Ok(store
        .list_trash()?
        .into_iter()
        .map(|(article, deleted_at)| TrashItem {
            article,
            deleted_at,
        })
        .collect())
}

/// A file that was not imported, and why.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportFailure {
    pub path: PathBuf,
    pub code: Code,
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportResult {
    pub imported: Vec<redaksi_folder::Imported>,
    pub failed: Vec<ImportFailure>,
}

/// Imports `.md` files or folders; each file is all or nothing, failures come back by file.
pub fn import_markdown(store: &mut Store, paths: &[PathBuf]) -> Result<ImportResult> {
    let report = redaksi_folder::import(store, paths, |_, _| {})?;
    Ok(ImportResult {
        imported: report.imported,
        failed: report
            .failed
            .into_iter()
            .map(|failure| {
                let line = failure.error.line();
                let error = Error::from(failure.error);
                ImportFailure {
                    path: failure.path,
                    code: error.code,
                    line,
                    message: error.message,
                }
            })
            .collect(),
    })
}

/// The backups of the store's data folder, newest first (none for a store in memory).
pub fn backups(store: &Store) -> Result<Vec<redaksi_store::BackupInfo>> {
    match store.data_dir() {
        Some(dir) => Ok(redaksi_store::list_backups(dir)?),
        None => Ok(Vec::new()),
    }
}
