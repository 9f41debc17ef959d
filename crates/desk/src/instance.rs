//! One app per data folder. Two apps on one database would each save their own view of an
//! article last-write-wins and both run the mirror, so the app holds an OS lock on
//! `redaksi.lock` in the data folder for as long as it runs, and a second app on the same folder
//! is refused with [`Code::AlreadyOpen`]. The lock goes with the process, so a crash never
//! leaves a stale one. The CLI takes no lock: it may work beside the app (its saves go through
//! the same version check as the app's, see [`crate::editing`]).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::error::{Code, Error, Result};

/// The lock file's name in the data folder.
pub const LOCK_FILE: &str = "redaksi.lock";

/// Held while the app runs; dropping it lets another app open the folder.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

impl InstanceLock {
    /// Takes the data folder for this process, or says that another app has it.
    pub fn acquire(data_dir: &Path) -> Result<InstanceLock> {
        let path = data_dir.join(LOCK_FILE);
        let io = |err: std::io::Error| Error::new(Code::Io, format!("{}: {err}", path.display()));
        std::fs::create_dir_all(data_dir).map_err(io)?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(InstanceLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::new(
                Code::AlreadyOpen,
                format!(
                    "Redaksi is already open on the data folder {}; switch to that window",
                    data_dir.display()
                ),
            )),
            Err(TryLockError::Error(err)) => Err(io(err)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = InstanceLock::acquire(dir.path()).unwrap();
        let err = InstanceLock::acquire(dir.path()).unwrap_err();
        assert_eq!(err.code, Code::AlreadyOpen);
        assert!(
            err.message.contains(&dir.path().display().to_string()),
            "{err}"
        );
        drop(first);
        InstanceLock::acquire(dir.path()).expect("free again once the first app ends");
    }
}
