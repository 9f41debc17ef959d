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

/// Replaces the database in `data_dir` with the backup called `name`, and returns where the
/// replaced database was kept (`redaksi.db.replaced-<time>`; `None` if there was none).
///
/// Only while no other process has the database open: otherwise it is refused with
/// `database_in_use` and nothing changes. The backup's pages are copied into the database
/// in one SQLite transaction (the backup API), so a crash at any point leaves the old
/// database or the restored one, never none and never an empty one. A database too damaged
/// for SQLite to open is replaced as a file instead, by one atomic rename.
pub fn restore_backup(data_dir: &Path, name: &str) -> Result<Option<PathBuf>, StoreError> {
    let backup = list_backups(data_dir)?
        .into_iter()
        .find(|backup| backup.name == name)
        .ok_or_else(|| StoreError::InvalidInput(format!("no backup called {name:?}")))?;
    check_backup(&backup.path)?;
    let db = data_dir.join(DB_FILE);
    if !db.exists() {
        install_file(&backup.path, &db)?;
        return Ok(None);
    }
    let aside = kept_copy_path(data_dir)?;
    match exclusive(&db) {
        Ok(mut live) => {
            keep_copy(&live, &db, &aside)?;
            let prepared = with_publish_state(&backup.path, &aside)?;
            let restored = (|| {
                let source =
                    Connection::open_with_flags(&prepared, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
                let copy = rusqlite::backup::Backup::new(&source, &mut live)?;
                // One step copies every page in one write transaction.
                match copy.step(-1)? {
                    rusqlite::backup::StepResult::Done => Ok(Some(aside)),
                    _ => Err(StoreError::InUse(db)),
                }
            })();
            remove_with_sidecars(&prepared);
            restored
        }
        Err(StoreError::Corrupt { .. }) => {
            // What was published is read before anything moves. A database this damaged may
            // not tell; the backup's publish state is then the best there is.
            let prepared = with_publish_state(&backup.path, &db).ok();
            fs::copy(&db, &aside).map_err(|err| io("keeping", &db, err))?;
            for sidecar in ["-wal", "-shm"] {
                // They belong to the damaged file and would be replayed into the restored one.
                let path = data_dir.join(format!("{DB_FILE}{sidecar}"));
                if path.exists() {
                    fs::rename(
                        &path,
                        aside.with_file_name(format!("{}{sidecar}", file_name(&aside))),
                    )
                    .map_err(|err| io("keeping", &path, err))?;
                }
            }
            let installed = install_file(prepared.as_deref().unwrap_or(&backup.path), &db);
            if let Some(prepared) = &prepared {
                remove_with_sidecars(prepared);
            }
            installed?;
            Ok(Some(aside))
        }
        Err(err) => {
            let _ = fs::remove_file(&aside);
            Err(err)
        }
    }
}

/// A private copy of `backup` that holds the publish state (outbox, remote posts and media)
/// of `current`, the database being replaced: the CMS does not go back in time with the
/// file, so nothing published after the backup is sent again as a new post.
fn with_publish_state(backup: &Path, current: &Path) -> Result<PathBuf, StoreError> {
    let prepared = current.with_file_name(format!("{DB_FILE}.prepared"));
    remove_with_sidecars(&prepared);
    let prepare = || {
        crate::private::open_private(&prepared).map_err(|err| io("creating", &prepared, err))?;
        fs::copy(backup, &prepared).map_err(|err| io("copying", backup, err))?;
        let mut conn = Connection::open(&prepared)?;
        crate::outbox::keep_publish_state(&mut conn, current)?;
        conn.close().map_err(|(_, err)| StoreError::from(err))
    };
    match prepare() {
        Ok(()) => Ok(prepared),
        Err(err) => {
            remove_with_sidecars(&prepared);
            Err(err)
        }
    }
}

/// Removes a scratch database and whatever SQLite left beside it.
fn remove_with_sidecars(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = fs::remove_file(name);
    }
}

fn io(what: &str, path: &Path, err: std::io::Error) -> StoreError {
    StoreError::io(format!("{what} {}", path.display()), err)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A connection that holds the database alone: SQLite keeps a shared lock on a WAL database
/// for as long as any connection has it open, so the exclusive lock is only granted when no
/// other process (or connection) has it.
fn exclusive(db: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(db)?;
    // Long enough for a connection being closed (a worker just stopped) to let go.
    conn.busy_timeout(Duration::from_secs(2))?;
    conn.query_row("PRAGMA locking_mode = EXCLUSIVE", [], |_| Ok(()))?;
    match conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;") {
        Ok(()) => Ok(conn),
        Err(err) => match StoreError::from(err) {
            StoreError::Busy => Err(StoreError::InUse(db.to_owned())),
            StoreError::Corrupt { detail, .. } => Err(StoreError::Corrupt {
                path: db.to_owned(),
                detail,
                newest_good_backup: None,
            }),
            other => Err(other),
        },
    }
}

/// A name for the replaced database that no earlier kept copy has: the time to the
/// microsecond, and a counter should two restores share even that. The file is created
/// (owner-only) here, so the name is taken.
fn kept_copy_path(data_dir: &Path) -> Result<PathBuf, StoreError> {
    let stamp = Utc::now().format("%Y%m%dT%H%M%S%.6fZ");
    for n in 1.. {
        let name = match n {
            1 => format!("{DB_FILE}.replaced-{stamp}"),
            n => format!("{DB_FILE}.replaced-{stamp}-{n}"),
        };
        let path = data_dir.join(name);
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(_) => return Ok(path),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(io("creating", &path, err)),
        }
    }
    unreachable!("the loop above runs until a free name turns up")
}

/// A byte copy of the database `db`, open alone on `live`, at `to`, synced: the write-ahead
/// log is folded in first, so the copy is whole (and a damaged file is kept exactly as it is).
fn keep_copy(live: &Connection, db: &Path, to: &Path) -> Result<(), StoreError> {
    live.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    fs::copy(db, to).map_err(|err| io("keeping", db, err))?;
    fs::File::open(to)
        .and_then(|file| file.sync_all())
        .map_err(|err| io("writing", to, err))
}

/// Puts a copy of `from` at `to` through a synced temporary file and one rename, so `to` is
/// the old file or the whole new one at every moment.
fn install_file(from: &Path, to: &Path) -> Result<(), StoreError> {
    let staged = to.with_file_name(format!("{}.restoring", file_name(to)));
    fs::copy(from, &staged).map_err(|err| io("copying", from, err))?;
    fs::File::open(&staged)
        .and_then(|file| file.sync_all())
        .map_err(|err| io("writing", &staged, err))?;
    fs::rename(&staged, to).map_err(|err| io("restoring", to, err))?;
    if let Some(dir) = to.parent() {
        // The rename itself must reach the disk before the caller reports success.
        let _ = fs::File::open(dir).and_then(|dir| dir.sync_all());
    }
    Ok(())
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
            crate::private::open_private(&partial)
                .and_then(|file| file.set_len(0))
                .map_err(|err| StoreError::io(format!("writing {}", partial.display()), err))?;
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
