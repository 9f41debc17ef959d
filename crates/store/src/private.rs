//! The data folder's files hold embargoed drafts: the database, its backups and recovery
//! copies are readable by their owner only (mode 0600 on Unix). SQLite gives its `-wal` and
//! `-shm` files the database file's mode, so creating that file first is enough for them.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Opens `path` for writing, creating it owner-only when it does not exist (an existing file
/// keeps its content; the caller truncates when it means to).
pub(crate) fn open_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Makes sure the database file at `path` exists and is owner-only before SQLite opens it,
/// also when an older version created it readable by others.
pub(crate) fn make_private(path: &Path) -> io::Result<()> {
    let file = open_private(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = file.metadata()?.permissions().mode();
        if mode & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(mode & 0o700))?;
        }
    }
    drop(file);
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_files_are_owner_only_and_old_open_ones_are_tightened() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("baru");
        open_private(&new).unwrap();
        assert_eq!(mode(&new), 0o600);

        let old = dir.path().join("redaksi.db");
        std::fs::write(&old, b"isi").unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();
        make_private(&old).unwrap();
        assert_eq!(mode(&old), 0o600);
        assert_eq!(std::fs::read(&old).unwrap(), b"isi", "the content is kept");
    }
}
