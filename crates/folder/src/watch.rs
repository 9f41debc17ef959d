use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use redaksi_store::StoreHandle;

use crate::{FolderError, Mirror, SyncEvent};

/// How long the folder must be quiet before a burst of events is handled: long enough to
/// swallow an editor's write-temp-then-rename, short enough to feel live.
const QUIET: Duration = Duration::from_millis(300);

/// Watches a mirrored folder while it lives; dropping it stops the watching.
pub struct FolderWatcher {
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    folder: PathBuf,
}

impl FolderWatcher {
    pub fn folder(&self) -> &Path {
        &self.folder
    }
}

/// Mirrors `folder` with the store behind `store`: a full rescan first, then every change in
/// the folder as it happens. Each step's events go to `report` (conflicts must reach the user).
/// The work runs on the store's own thread through the handle, one step at a time, so a file
/// event can never interleave with an export.
pub fn watch(
    folder: &Path,
    store: StoreHandle,
    report: impl Fn(Result<Vec<SyncEvent>, FolderError>) + Send + 'static,
) -> Result<FolderWatcher, FolderError> {
    let mirror = Mirror::new(folder);
    let first = mirror.clone();
    report(
        store
            .call_blocking(move |store| Ok(first.rescan(store)))
            .unwrap_or_else(|err| Err(FolderError::store(folder, err))),
    );
    let folder_owned = folder.to_owned();
    let mut debouncer = new_debouncer(QUIET, None, move |result: DebounceEventResult| {
        let mirror = mirror.clone();
        let folder = folder_owned.clone();
        let outcome = match result {
            // The watcher lost track (e.g. the kernel queue overflowed): rescan.
            Err(_) => store.call_blocking(move |store| Ok(mirror.rescan(store))),
            Ok(events) if events.iter().any(|event| event.need_rescan()) => {
                store.call_blocking(move |store| Ok(mirror.rescan(store)))
            }
            Ok(events) => {
                let mut paths: Vec<PathBuf> = events
                    .iter()
                    .flat_map(|event| event.paths.iter().cloned())
                    .collect();
                paths.sort();
                paths.dedup();
                store.call_blocking(move |store| Ok(mirror.files_changed(store, &paths)))
            }
        };
        report(outcome.unwrap_or_else(|err| Err(FolderError::store(&folder, err))));
    })
    .map_err(|source| FolderError::Watch {
        path: folder.to_owned(),
        source,
    })?;
    debouncer
        .watch(folder, RecursiveMode::Recursive)
        .map_err(|source| FolderError::Watch {
            path: folder.to_owned(),
            source,
        })?;
    Ok(FolderWatcher {
        _debouncer: debouncer,
        folder: folder.to_owned(),
    })
}
