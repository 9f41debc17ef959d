//! Consistent copies of the database, taken with SQLite's online backup API (a page copy, so
//! row ids and with them the search index stay valid), and their restore.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::store::DB_FILE;
use crate::{Store, StoreError};

/// How many automatic backups are kept.
pub const BACKUPS_KEPT: usize = 7;
/// Automatic backups are taken at most this often.
pub const BACKUP_INTERVAL: chrono::Duration = chrono::Duration::hours(24);

const PREFIX: &str = "redaksi-";
const SUFFIX: &str = ".db";
const STAMP: &str = "%Y%m%dT%H%M%S%.6fZ";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupInfo {
    /// The file name, which is also how `restore_backup` names it.
    pub name: String,
    pub path: PathBuf,
    pub created_at: DateTime<Utc>,
    pub size: u64,
}

/// `<data dir>/backups`.
pub fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// The backups in `data_dir`, newest first.
pub fn list_backups(data_dir: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let dir = backup_dir(data_dir);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(StoreError::io(format!("reading {}", dir.display()), err)),
    };
    let mut backups = Vec::new();
    for entry in entries {
        let entry =
            entry.map_err(|err| StoreError::io(format!("reading {}", dir.display()), err))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stamp) = name
            .strip_prefix(PREFIX)
            .and_then(|n| n.strip_suffix(SUFFIX))
        else {
            continue;
        };
        let Ok(created) = NaiveDateTime::parse_from_str(stamp, STAMP) else {
            continue;
        };
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        backups.push(BackupInfo {
            path: entry.path(),
            name,
            created_at: created.and_utc(),
            size,
        });
    }
    backups.sort_by_key(|backup| std::cmp::Reverse(backup.created_at));
    Ok(backups)
}

/// Checks a backup file without changing it.
pub fn check_backup(path: &Path) -> Result<(), StoreError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|err| corrupt(path, err.to_string()))?;
    let result: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |row| row.get(0))
        .map_err(|err| corrupt(path, err.to_string()))?;
    if result == "ok" {
        Ok(())
    } else {
        Err(corrupt(path, result))
    }
}

fn corrupt(path: &Path, detail: String) -> StoreError {
    StoreError::Corrupt {
        path: path.to_owned(),
        detail,
        newest_good_backup: None,
    }
}

/// The newest backup that passes its integrity check: what to offer when the database is damaged.
pub fn newest_good_backup(data_dir: &Path) -> Result<Option<BackupInfo>, StoreError> {
    Ok(list_backups(data_dir)?
        .into_iter()
        .find(|backup| check_backup(&backup.path).is_ok()))
}

/// Replaces the database in `data_dir` with the backup called `name`. Close every [`Store`]
/// on this directory first. The replaced database is not deleted: it is moved aside to
/// `redaksi.db.replaced-<time>` and that path is returned (`None` if there was none).
pub fn restore_backup(data_dir: &Path, name: &str) -> Result<Option<PathBuf>, StoreError> {
    let backup = list_backups(data_dir)?
        .into_iter()
        .find(|backup| backup.name == name)
        .ok_or_else(|| StoreError::InvalidInput(format!("no backup called {name:?}")))?;
    check_backup(&backup.path)?;
    let db = data_dir.join(DB_FILE);
    let io =
        |what: &str, path: &Path, err| StoreError::io(format!("{what} {}", path.display()), err);
    let staged = data_dir.join(format!("{DB_FILE}.restoring"));
    fs::copy(&backup.path, &staged).map_err(|err| io("copying", &backup.path, err))?;
    fs::File::open(&staged)
        .and_then(|file| file.sync_all())
        .map_err(|err| io("writing", &staged, err))?;
    let moved_aside = if db.exists() {
        // Fold the write-ahead log into the old file first, so the copy kept aside is whole.
        if let Ok(conn) = Connection::open(&db) {
            let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
        // What was published stays as it is now: the CMS does not go back with the file.
        crate::outbox::keep_publish_state(&mut Connection::open(&staged)?, &db)?;
        let aside = data_dir.join(format!(
            "{DB_FILE}.replaced-{}",
            Utc::now().format("%Y%m%dT%H%M%SZ")
        ));
        fs::rename(&db, &aside).map_err(|err| io("moving aside", &db, err))?;
        Some(aside)
    } else {
        None
    };
    for sidecar in ["-wal", "-shm"] {
        let path = data_dir.join(format!("{DB_FILE}{sidecar}"));
        if path.exists() {
            fs::remove_file(&path).map_err(|err| io("removing", &path, err))?;
        }
    }
    fs::rename(&staged, &db).map_err(|err| io("restoring", &db, err))?;
    Ok(moved_aside)
}

impl Store {
    /// Takes a backup now and keeps the newest [`BACKUPS_KEPT`].
    pub fn backup_now(&self) -> Result<BackupInfo, StoreError> {
        self.backup_with_progress(|_, _| {})
    }

    /// Like [`backup_now`](Self::backup_now), reporting `(pages done, pages total)` as it goes.
    pub fn backup_with_progress(
        &self,
        progress: impl FnMut(u64, u64),
    ) -> Result<BackupInfo, StoreError> {
        self.take_backup(progress, true)
    }

    /// A backup taken before the database is replaced by an older one. It prunes nothing: the
    /// backup about to be restored may be the oldest kept, and it must still be there. The next
    /// ordinary backup prunes to [`BACKUPS_KEPT`] again.
    pub fn safety_backup(&self) -> Result<BackupInfo, StoreError> {
        self.take_backup(|_, _| {}, false)
    }

    fn take_backup(
        &self,
        mut progress: impl FnMut(u64, u64),
        prune: bool,
    ) -> Result<BackupInfo, StoreError> {
        let data_dir = self.data_dir().map(Path::to_owned).ok_or_else(|| {
            StoreError::InvalidInput("an in-memory store cannot be backed up".into())
        })?;
        let dir = backup_dir(&data_dir);
        fs::create_dir_all(&dir)
            .map_err(|err| StoreError::io(format!("creating {}", dir.display()), err))?;
        let created_at = self.now();
        let name = format!("{PREFIX}{}{SUFFIX}", created_at.format(STAMP));
        let path = dir.join(&name);
        let partial = dir.join(format!("{name}.partial"));
        {
            let mut target = Connection::open(&partial)?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
            loop {
                let step = backup.step(256)?;
                let p = backup.progress();
                let total = p.pagecount.max(0) as u64;
                progress(total.saturating_sub(p.remaining.max(0) as u64), total);
                match step {
                    rusqlite::backup::StepResult::Done => break,
                    rusqlite::backup::StepResult::More => {}
                    _ => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        }
        fs::File::open(&partial)
            .and_then(|file| file.sync_all())
            .and_then(|()| fs::rename(&partial, &path))
            .map_err(|err| StoreError::io(format!("writing {}", path.display()), err))?;
        if prune {
            for old in list_backups(&data_dir)?.into_iter().skip(BACKUPS_KEPT) {
                let _ = fs::remove_file(old.path);
            }
        }
        let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(BackupInfo {
            name,
            path,
            created_at,
            size,
        })
    }

    /// Takes a backup when the newest one is older than [`BACKUP_INTERVAL`] (or there is none).
    pub fn backup_if_due(&self) -> Result<Option<BackupInfo>, StoreError> {
        let Some(data_dir) = self.data_dir() else {
            return Ok(None);
        };
        let newest = list_backups(data_dir)?.into_iter().next();
        if newest.is_some_and(|b| self.now() - b.created_at < BACKUP_INTERVAL) {
            return Ok(None);
        }
        self.backup_now().map(Some)
    }

    /// Opens the store like [`Store::open`] and runs SQLite's integrity check. A damaged file
    /// is reported as `corrupt` with the newest good backup to offer; it is never recreated.
    pub fn open_checked(dir: &Path) -> Result<Store, StoreError> {
        match Store::open_with(dir, true) {
            Err(StoreError::Corrupt { path, detail, .. }) => Err(StoreError::Corrupt {
                path,
                detail,
                newest_good_backup: newest_good_backup(dir)?.map(|b| b.path),
            }),
            other => other,
        }
    }
}
