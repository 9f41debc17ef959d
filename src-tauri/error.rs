use serde::Serialize;

/// The one error shape at the IPC edge: a stable `code` the UI switches on (and words in the
/// user's language) and a `message` with the details, in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    pub code: String,
    pub message: String,
}

impl From<redaksi_store::StoreError> for IpcError {
    fn from(err: redaksi_store::StoreError) -> Self {
        IpcError {
            code: err.code().to_owned(),
            message: err.to_string(),
        }
    }
}
