use std::path::PathBuf;

use redaksi_article::FrontMatterError;
use redaksi_store::StoreError;

/// Why a file could not be read, written or watched. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: {source}", path.display())]
    Malformed {
        path: PathBuf,
        #[source]
        source: FrontMatterError,
    },
    #[error("{}: the file is {size} bytes; Redaksi takes Markdown files up to {max} bytes", path.display())]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{}: not a regular file (a device, pipe or socket); Redaksi reads only files", path.display())]
    NotAFile { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Store {
        path: PathBuf,
        #[source]
        source: StoreError,
    },
    #[error("watching {}: {source}", path.display())]
    Watch {
        path: PathBuf,
        #[source]
        source: notify::Error,
    },
}

impl FolderError {
    /// A stable identifier for this kind of failure, like [`StoreError::code`].
    pub fn code(&self) -> &'static str {
        match self {
            FolderError::Io { .. } => "io",
            FolderError::Malformed { .. } => "malformed_file",
            FolderError::TooLarge { .. } => "file_too_large",
            FolderError::NotAFile { .. } => "not_a_file",
            FolderError::Store { source, .. } => source.code(),
            FolderError::Watch { .. } => "watch_failed",
        }
    }

    /// The 1-based line the problem is on, when there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            FolderError::Malformed { source, .. } => Some(source.line()),
            _ => None,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        FolderError::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn store(path: impl Into<PathBuf>, source: StoreError) -> Self {
        FolderError::Store {
            path: path.into(),
            source,
        }
    }
}
