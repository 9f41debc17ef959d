use std::path::PathBuf;

use rusqlite::ErrorCode;
use uuid::Uuid;

/// Everything the store can fail with. [`StoreError::code`] is a stable string that the desktop
/// shell and the CLI hand to callers, so the UI can switch on it and show its own wording.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("article {0} not found")]
    NotFound(Uuid),
    #[error("article {0} changed since this text was loaded; the save did not overwrite it")]
    Stale(Uuid),
    #[error("revision {revision} of article {article} not found")]
    RevisionNotFound { article: Uuid, revision: i64 },
    #[error(
        "{path}: this database was written by a newer Redaksi (schema version {found}, this build knows up to {known}); update Redaksi, the file was left unchanged"
    )]
    NewerDatabase {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path}: the database is damaged ({detail}){}", backup_note(.newest_good_backup))]
    Corrupt {
        path: PathBuf,
        detail: String,
        /// The newest backup that passed its own check, to offer for restoring.
        newest_good_backup: Option<PathBuf>,
    },
    #[error("the disk is full, the save did not happen{}", recovery_note(.recovery))]
    DiskFull { recovery: Option<PathBuf> },
    #[error("the database is busy in another process; try again")]
    Busy,
    #[error("{}: another Redaksi (the app or a command) has the database open; close it and try again, nothing was changed", .0.display())]
    InUse(PathBuf),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("stored data could not be read: {0}")]
    InvalidData(String),
    #[error("invalid input: {0}")]
    InvalidInput(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("the store's writer thread has stopped")]
    Closed,
    #[error("{path}: {reason}; the data folder was not moved")]
    MoveRefused { reason: MoveRefusal, path: PathBuf },
}

/// Why a folder cannot take the data folder's place; each has its own [`StoreError::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MoveRefusal {
    #[error("the new place must be an absolute path")]
    NotAbsolute,
    #[error("the new place is inside the current data folder")]
    InsideDataDir,
    #[error("the new place already holds files; choose an empty or new folder")]
    NotEmpty,
}

fn backup_note(backup: &Option<PathBuf>) -> String {
    match backup {
        Some(path) => format!("; the newest good backup is {}", path.display()),
        None => "; no good backup was found".to_owned(),
    }
}

fn recovery_note(recovery: &Option<PathBuf>) -> String {
    match recovery {
        Some(path) => format!(" (the text is kept in {})", path.display()),
        None => String::new(),
    }
}

impl StoreError {
    /// A stable identifier for this kind of failure (`not_found`, `newer_database`, …).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotFound(_) => "not_found",
            StoreError::Stale(_) => "stale",
            StoreError::RevisionNotFound { .. } => "revision_not_found",
            StoreError::NewerDatabase { .. } => "newer_database",
            StoreError::Corrupt { .. } => "corrupt",
            StoreError::DiskFull { .. } => "disk_full",
            StoreError::Busy => "busy",
            StoreError::InUse(_) => "database_in_use",
            StoreError::Io { .. } => "io",
            StoreError::InvalidData(_) => "invalid_data",
            StoreError::InvalidInput(_) => "invalid_input",
            StoreError::Sqlite(_) => "database",
            StoreError::Closed => "store_closed",
            StoreError::MoveRefused { reason, .. } => match reason {
                MoveRefusal::NotAbsolute => "target_not_absolute",
                MoveRefusal::InsideDataDir => "target_inside_data_dir",
                MoveRefusal::NotEmpty => "target_not_empty",
            },
        }
    }

    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        StoreError::Io {
            context: context.into(),
            source,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { recovery: None },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => StoreError::Corrupt {
                path: PathBuf::new(),
                detail: err.to_string(),
                newest_good_backup: None,
            },
            _ => StoreError::Sqlite(err),
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(err: serde_json::Error) -> Self {
        StoreError::InvalidData(err.to_string())
    }
}
