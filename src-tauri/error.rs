use serde::Serialize;

/// The one error shape at the IPC edge: a stable `code` the UI switches on (and words in the
/// user's language) and a `message` with the details, in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    pub code: String,
    pub message: String,
}

impl IpcError {
    pub fn from_store(err: &redaksi_store::StoreError) -> Self {
        IpcError {
            code: err.code().to_owned(),
            message: err.to_string(),
        }
    }
}

impl From<redaksi_store::StoreError> for IpcError {
    fn from(err: redaksi_store::StoreError) -> Self {
        IpcError::from_store(&err)
    }
}

impl From<redaksi_folder::FolderError> for IpcError {
    fn from(err: redaksi_folder::FolderError) -> Self {
        IpcError {
            code: err.code().to_owned(),
            message: err.to_string(),
        }
    }
}
