//! What every command group shares: the global options, the one failure shape (a stable code,
//! as at the desktop's IPC edge, and a message) and how a command's run ends.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use redaksi_store::{Store, StoreError};
use serde_json::json;

/// `println!` that stops quietly when stdout is closed (`redaksi list | head`).
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}
pub(crate) use outln;

#[derive(Args)]
pub struct Common {
    /// Print machine-readable JSON on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    /// Where the database lives (default: REDAKSI_DATA_DIR, else the folder chosen in Settings, else the OS app-data dir).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

impl Common {
    pub fn data_dir(&self) -> Result<PathBuf, Failure> {
        match &self.data_dir {
            Some(dir) => Ok(dir.clone()),
            None => Ok(redaksi_store::data_dir()?),
        }
    }

    pub fn open(&self) -> Result<Store, Failure> {
        Ok(Store::open(&self.data_dir()?)?)
    }
}

/// What a command failed with.
pub struct Failure {
    pub code: String,
    pub message: String,
}

pub fn failure(code: &str, message: impl Into<String>) -> Failure {
    Failure {
        code: code.to_owned(),
        message: message.into(),
    }
}

impl From<redaksi_desk::Error> for Failure {
    fn from(err: redaksi_desk::Error) -> Self {
        failure(err.code.as_str(), err.message)
    }
}

impl From<StoreError> for Failure {
    fn from(err: StoreError) -> Self {
        failure(err.code(), err.to_string())
    }
}

/// Ends a command: its own exit code, or the failure on stderr (and as JSON with `--json`, so
/// scripts can switch on the code).
pub fn finish(json: bool, outcome: Result<ExitCode, Failure>) -> ExitCode {
    match outcome {
        Ok(code) => code,
        Err(failure) => {
            if json {
                outln!(
                    "{}",
                    json!({ "error": { "code": failure.code, "message": failure.message } })
                );
            }
            eprintln!("redaksi: {}", failure.message);
            ExitCode::FAILURE
        }
    }
}
