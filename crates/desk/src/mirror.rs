//! The mirrored folder's settings (`mirror.json` in the data folder, so mirroring resumes at
//! launch) and what one sync step reports to the user. Watching the folder is the front
//! door's job (the app runs a watcher; the CLI has none).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use redaksi_folder::SyncEvent;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{Code, Error, Result};

const SETTINGS_FILE: &str = "mirror.json";

/// The folder chosen for mirroring, and whether mirroring is on.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Settings {
    pub folder: Option<PathBuf>,
    pub enabled: bool,
}

impl Settings {
    /// The settings kept in `data_dir`; none (the default) when unreadable.
    pub fn read(data_dir: &Path) -> Settings {
        std::fs::read(data_dir.join(SETTINGS_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    pub fn write(&self, data_dir: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(Error::internal)?;
        redaksi_folder::write_atomically(&data_dir.join(SETTINGS_FILE), &json)?;
        Ok(())
    }

    /// The folder to mirror at launch, if mirroring was left on.
    pub fn enabled_folder(&self) -> Option<&Path> {
        self.folder.as_deref().filter(|_| self.enabled)
    }
}

/// A folder the user chose to mirror: it must be a full path, and it is created when missing.
/// Only here, when the user chooses it: resuming at launch never creates it, so an unmounted
/// drive is not mistaken for an empty folder.
pub fn choose_folder(folder: &Path) -> Result<()> {
    if !folder.is_absolute() {
        return Err(Error::invalid(format!(
            "{}: choose a full folder path",
            folder.display()
        )));
    }
    std::fs::create_dir_all(folder)
        .map_err(|err| Error::new(Code::Io, format!("{}: {err}", folder.display())))
}

/// What one sync step did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SyncCounts {
    pub imported: usize,
    pub updated: usize,
    pub exported: usize,
    pub trashed: usize,
    pub conflicts: usize,
    pub failed: usize,
}

impl SyncCounts {
    pub fn of(events: &[SyncEvent]) -> SyncCounts {
        let mut counts = SyncCounts::default();
        for event in events {
            match event {
                SyncEvent::Imported { .. } => counts.imported += 1,
                SyncEvent::Updated { .. } => counts.updated += 1,
                SyncEvent::Exported { .. } => counts.exported += 1,
                SyncEvent::Trashed { .. } => counts.trashed += 1,
                SyncEvent::Conflict { .. } => counts.conflicts += 1,
                SyncEvent::Failed { .. } => counts.failed += 1,
                SyncEvent::Paused { .. } => {}
            }
        }
        counts
    }
}

/// The mirror as the settings screen shows it; also the `mirror-sync` event's payload.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MirrorStatus {
    /// The chosen folder, kept while mirroring is stopped so it can be started again.
    pub folder: Option<PathBuf>,
    pub running: bool,
    /// When the last sync step finished, and what it did.
    pub last_sync: Option<DateTime<Utc>>,
    pub last: SyncCounts,
    /// Why the last step (or starting) failed.
    pub error: Option<Error>,
    /// The mirrored files that vanished together (an emptied or unmounted folder): nothing
    /// was trashed, and the mirror leaves them alone until the user answers. Empty otherwise.
    pub paused_missing: Vec<PathBuf>,
}

impl MirrorStatus {
    /// Takes in what one sync step did.
    pub fn record(&mut self, events: &[SyncEvent]) {
        self.last = SyncCounts::of(events);
        self.error = None;
        self.paused_missing = events
            .iter()
            .find_map(|event| match event {
                SyncEvent::Paused { missing, .. } => Some(missing.clone()),
                _ => None,
            })
            .unwrap_or_default();
    }
}

/// A conflict the user must hear about: the article kept the app's text, and the file's text
/// is now the article `copy`, in the file `copy_file` next to the original.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ConflictNotice {
    pub id: Uuid,
    pub copy: Uuid,
    pub file: String,
    pub copy_file: String,
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The conflicts among one sync step's events.
pub fn conflicts(events: &[SyncEvent]) -> Vec<ConflictNotice> {
    events
        .iter()
        .filter_map(|event| match event {
            SyncEvent::Conflict {
                id,
                path,
                copy,
                copy_path,
            } => Some(ConflictNotice {
                id: *id,
                copy: *copy,
                file: file_name(path),
                copy_file: file_name(copy_path),
            }),
            _ => None,
        })
        .collect()
}
