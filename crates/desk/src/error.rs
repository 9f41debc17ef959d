//! The one error vocabulary: every failure that reaches a user (the app's IPC edge, the CLI's
//! `--json`) is an [`Error`] with a [`Code`] from one list, and every conversion from a library
//! error into it is in this file. The UI words each code in Indonesian and English
//! (`ui/src/lib/i18n.ts`, checked against [`Code::ALL`] by the generated bindings' test).

use std::fmt;

use redaksi_folder::FolderError;
use redaksi_publish::PublishError;
use redaksi_site::AuditError;
use redaksi_store::{MoveRefusal, StoreError};
use serde::{Deserialize, Serialize};

/// Declares [`Code`] with its wire names and the list of all of them, from one table.
macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $wire:literal,)*) => {
        /// A stable identifier for a kind of failure; the UI switches on it and words it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(test, derive(ts_rs::TS))]
        pub enum Code {
            $($(#[$doc])* #[serde(rename = $wire)] $variant,)*
        }

        impl Code {
            /// Every code, in declaration order (for the generated UI bindings).
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            /// The code as it crosses IPC and appears in `--json` (`not_found`, …).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $wire,)*
                }
            }
        }
    };
}

codes! {
    // The draft store.
    /// An article that is not there (or no longer).
    NotFound = "not_found",
    /// The article changed elsewhere since this text was loaded; nothing was overwritten.
    Stale = "stale",
    RevisionNotFound = "revision_not_found",
    NewerDatabase = "newer_database",
    Corrupt = "corrupt",
    DiskFull = "disk_full",
    /// Another process holds the database for now.
    Busy = "busy",
    /// Another process has the database open, so it cannot be replaced (a restore).
    DatabaseInUse = "database_in_use",
    Io = "io",
    InvalidData = "invalid_data",
    /// What the user asked for cannot be done as asked (the message says why).
    InvalidInput = "invalid_input",
    Database = "database",
    StoreClosed = "store_closed",
    // Moving the data folder.
    TargetNotAbsolute = "target_not_absolute",
    TargetInsideDataDir = "target_inside_data_dir",
    TargetNotEmpty = "target_not_empty",
    /// `REDAKSI_DATA_DIR` chooses the data folder, so moving it would not last.
    DataDirFromEnv = "data_dir_from_env",
    /// The data folder moved; the app answers this until it restarts.
    DataMoved = "data_moved",
    /// Another Redaksi window has this data folder open.
    AlreadyOpen = "already_open",
    // Markdown files and the mirrored folder.
    MalformedFile = "malformed_file",
    FileTooLarge = "file_too_large",
    /// A device, pipe or socket where a file was expected.
    NotAFile = "not_a_file",
    WatchFailed = "watch_failed",
    // Publishing.
    Network = "network",
    Conflict = "conflict",
    TooLong = "too_long",
    Image = "image",
    NoCredentials = "no_credentials",
    Keyring = "keyring",
    /// The CMS refused; its own code is in the message.
    Remote = "remote",
    // The desk.
    /// The workflow does not allow this status change.
    Workflow = "workflow",
    UnknownProfile = "unknown_profile",
    RulesInvalid = "rules_invalid",
    /// A bug or a stopped worker thread; the message has the details.
    Internal = "internal",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure as users meet it: a [`Code`] and the details in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "BackendError"))]
pub struct Error {
    pub code: Code,
    pub message: String,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Error::new(Code::InvalidInput, message)
    }

    pub fn internal(message: impl fmt::Display) -> Self {
        Error::new(Code::Internal, message.to_string())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

fn store_code(err: &StoreError) -> Code {
    match err {
        StoreError::NotFound(_) => Code::NotFound,
        StoreError::Stale(_) => Code::Stale,
        StoreError::RevisionNotFound { .. } => Code::RevisionNotFound,
        StoreError::NewerDatabase { .. } => Code::NewerDatabase,
        StoreError::Corrupt { .. } => Code::Corrupt,
        StoreError::DiskFull { .. } => Code::DiskFull,
        StoreError::Busy => Code::Busy,
        StoreError::InUse(_) => Code::DatabaseInUse,
        StoreError::Io { .. } => Code::Io,
        StoreError::InvalidData(_) => Code::InvalidData,
        StoreError::InvalidInput(_) => Code::InvalidInput,
        StoreError::Sqlite(_) => Code::Database,
        StoreError::Closed => Code::StoreClosed,
        StoreError::MoveRefused { reason, .. } => match reason {
            MoveRefusal::NotAbsolute => Code::TargetNotAbsolute,
            MoveRefusal::InsideDataDir => Code::TargetInsideDataDir,
            MoveRefusal::NotEmpty => Code::TargetNotEmpty,
        },
    }
}

impl From<StoreError> for Error {
    fn from(err: StoreError) -> Self {
        Error::new(store_code(&err), err.to_string())
    }
}

impl From<&StoreError> for Error {
    fn from(err: &StoreError) -> Self {
        Error::new(store_code(err), err.to_string())
    }
}

impl From<FolderError> for Error {
    fn from(err: FolderError) -> Self {
        let code = match &err {
            FolderError::Io { .. } => Code::Io,
            FolderError::Malformed { .. } => Code::MalformedFile,
            FolderError::TooLarge { .. } => Code::FileTooLarge,
            FolderError::NotAFile { .. } => Code::NotAFile,
            FolderError::Store { source, .. } => store_code(source),
            FolderError::Watch { .. } => Code::WatchFailed,
        };
        Error::new(code, err.to_string())
    }
}

impl From<PublishError> for Error {
    fn from(err: PublishError) -> Self {
        let code = match &err {
            PublishError::Remote { .. } => Code::Remote,
            PublishError::Network { .. } => Code::Network,
            PublishError::Conflict { .. } => Code::Conflict,
            PublishError::TooLong { .. } => Code::TooLong,
            PublishError::Invalid(_) => Code::InvalidInput,
            PublishError::Image { .. } => Code::Image,
            PublishError::NoCredentials { .. } => Code::NoCredentials,
            PublishError::Keyring(_) => Code::Keyring,
            PublishError::Store(source) => store_code(source),
        };
        Error::new(code, err.to_string())
    }
}

impl From<AuditError> for Error {
    fn from(err: AuditError) -> Self {
        match err {
            AuditError::Site(err) => err.into(),
            AuditError::Ledger(err) => Error::new(Code::Database, err.to_string()),
            AuditError::Invalid(message) => Error::new(Code::Remote, message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_are_unique_and_round_trip_through_serde() {
        let mut seen = std::collections::HashSet::new();
        for &code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, code.as_str());
            assert_eq!(serde_json::from_value::<Code>(json).unwrap(), code);
        }
    }

    #[test]
    fn a_library_error_keeps_its_meaning_and_its_details() {
        let id = uuid::Uuid::nil();
        let err = Error::from(StoreError::NotFound(id));
        assert_eq!(err.code, Code::NotFound);
        assert!(err.message.contains(&id.to_string()), "{err}");
        // A store failure inside publishing is the store's failure, not a publishing code.
        let err = Error::from(PublishError::Store(StoreError::Busy));
        assert_eq!(err.code, Code::Busy);
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "busy");
    }
}
