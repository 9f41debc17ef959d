//! Errors at the IPC edge are the desk's ([`redaksi_desk::Error`]: a stable code and a
//! message); the only failure the shell adds is a blocking task that stopped.

use redaksi_desk::Error;

/// Runs `f` off the async runtime's threads (file and keyring work, scoring).
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|err| Error::internal(format!("the task stopped: {err}")))?
}
