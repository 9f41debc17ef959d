//! The data folder as the app reports it (its health, a restore, a move), and moving it: the checks before anything is touched, and the copy that points the
//! next start at the new place. Closing and reopening the store around it is the front door's
//! job (the app holds it open; see `src-tauri/commands/data.rs`).

use std::path::Path;

use redaksi_store::{BackupInfo, CopyReport};
use serde::Serialize;

use crate::error::{Code, Error, Result};

/// Whether the store is open, and if not why, with the backup to offer when it is damaged.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StoreStatus {
    pub ok: bool,
    pub error: Option<Error>,
    /// Set when the database failed its integrity check and a backup passes its own.
    pub newest_good_backup: Option<BackupInfo>,
    /// The folder that holds the database, its backups and media.
    pub data_dir: Option<String>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RestoreResult {
    pub restored: String,
    /// The copy of the database as it was just before, listed with the other backups; `None`
    /// when it could not be read (damaged), in which case it was kept aside as a file.
    pub safety_backup: Option<BackupInfo>,
    /// Whether the replaced file was kept next to the database (`redaksi.db.replaced-…`).
    pub kept_aside: bool,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MoveResult {
    /// The new data folder, used from the next start.
    pub data_dir: String,
    /// The old folder, kept as it was.
    pub old_data_dir: String,
    /// Files copied besides the database.
    pub files: u64,
    /// Files of the webview's storage (UI preferences) that could not be copied.
    pub webview_skipped: u64,
}

/// Refuses a move that would not last or could not work, before anything changes.
pub fn check_move(from: &Path, to: &Path, from_env: bool) -> Result<()> {
    if from_env {
        return Err(Error::new(
            Code::DataDirFromEnv,
            format!(
                "{} chooses the data folder and would win over a moved one; change that variable instead",
                redaksi_store::DATA_DIR_ENV
            ),
        ));
    }
    Ok(redaksi_store::check_move_target(from, to)?)
}

/// Copies the data folder `from` to `to` (new or empty) and records `to` in `config_dir` for
/// the next start. Without the record the copy is removed again, so it never stands in the way
/// of the next try. The store must be closed meanwhile.
pub fn copy_and_point(from: &Path, to: &Path, config_dir: &Path) -> Result<CopyReport> {
    let existed = to.exists();
    let report = redaksi_store::copy_data_dir(from, to)?;
    if let Err(err) = redaksi_store::write_location(config_dir, to) {
        let _ = std::fs::remove_dir_all(to);
        if existed {
            let _ = std::fs::create_dir(to);
        }
        return Err(err.into());
    }
    Ok(report)
}

/// What every command answers after a move, until the app restarts.
pub fn moved(to: &Path) -> Error {
    Error::new(
        Code::DataMoved,
        format!(
            "the data folder moved to {}; restart Redaksi to go on",
            to.display()
        ),
    )
}
