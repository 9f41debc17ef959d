//! Mirroring a folder of Markdown files from the app (`redaksi-folder`'s [`Mirror`] driven by
//! its watcher). The chosen folder is kept in `mirror.json` in the data directory, so the app
//! resumes mirroring at launch before the UI asks. What each sync step did reaches the UI as
//! the `mirror-sync` event, and every conflict copy as `mirror-conflict`, so the user is told.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use redaksi_folder::{FolderError, FolderWatcher, Mirror, SyncEvent};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use uuid::Uuid;

use crate::commands::AppState;
use crate::error::IpcError;

pub const SYNC_EVENT: &str = "mirror-sync";
pub const CONFLICT_EVENT: &str = "mirror-conflict";
const SETTINGS_FILE: &str = "mirror.json";

/// Handles one sync step's outcome: counts it, tells the UI.
pub type Report = Arc<dyn Fn(Result<Vec<SyncEvent>, FolderError>) + Send + Sync>;

/// What one sync step did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncCounts {
    pub imported: usize,
    pub updated: usize,
    pub exported: usize,
    pub trashed: usize,
    pub conflicts: usize,
    pub failed: usize,
}

impl SyncCounts {
    fn of(events: &[SyncEvent]) -> SyncCounts {
        let mut counts = SyncCounts::default();
        for event in events {
            match event {
                SyncEvent::Imported { .. } => counts.imported += 1,
                SyncEvent::Updated { .. } => counts.updated += 1,
                SyncEvent::Exported { .. } => counts.exported += 1,
                SyncEvent::Trashed { .. } => counts.trashed += 1,
                SyncEvent::Conflict { .. } => counts.conflicts += 1,
                SyncEvent::Failed { .. } => counts.failed += 1,
            }
        }
        counts
    }
}

/// The mirror as the settings screen shows it; also the `mirror-sync` event's payload.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MirrorStatus {
    /// The chosen folder, kept while mirroring is stopped so it can be started again.
    pub folder: Option<PathBuf>,
    pub running: bool,
    /// When the last sync step finished, and what it did.
    pub last_sync: Option<DateTime<Utc>>,
    pub last: SyncCounts,
    /// Why the last step (or starting) failed.
    pub error: Option<IpcError>,
}

/// A conflict the user must hear about: the article kept the app's text, and the file's text
/// is now the article `copy`, in the file `copy_file` next to the original.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictNotice {
    pub id: Uuid,
    pub copy: Uuid,
    pub file: String,
    pub copy_file: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Settings {
    folder: Option<PathBuf>,
    enabled: bool,
}

struct Running {
    mirror: Mirror,
    report: Report,
    _watcher: FolderWatcher,
}

/// The mirror's place in [`AppState`].
#[derive(Default)]
pub struct MirrorSlot {
    running: Mutex<Option<Running>>,
    status: Arc<Mutex<MirrorStatus>>,
}

impl MirrorSlot {
    /// The running mirror and its report, for writing out what the app saved.
    pub(crate) fn running(&self) -> Option<(Mirror, Report)> {
        let running = self.running.lock().ok()?;
        running
            .as_ref()
            .map(|r| (r.mirror.clone(), Arc::clone(&r.report)))
    }

    pub(crate) fn status(&self) -> MirrorStatus {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Stops watching (the folder stays chosen).
    pub(crate) fn stop(&self) {
        let stopped = self.running.lock().ok().and_then(|mut r| r.take());
        drop(stopped);
        if let Ok(mut status) = self.status.lock() {
            status.running = false;
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn settings_path(state: &AppState) -> Result<PathBuf, IpcError> {
    state
        .data_dir
        .as_ref()
        .map(|dir| dir.join(SETTINGS_FILE))
        .ok_or_else(|| IpcError {
            code: "invalid_input".into(),
            message: "an in-memory store has no data folder to keep the mirror's settings in"
                .into(),
        })
}

fn read_settings(state: &AppState) -> Settings {
    settings_path(state)
        .ok()
        .and_then(|path| std::fs::read(path).ok())
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

fn write_settings(state: &AppState, settings: &Settings) -> Result<(), IpcError> {
    let path = settings_path(state)?;
    let json = serde_json::to_vec_pretty(settings).map_err(|err| IpcError {
        code: "internal".into(),
        message: err.to_string(),
    })?;
    redaksi_folder::write_atomically(&path, &json)?;
    Ok(())
}

fn reporter<R: Runtime>(app: AppHandle<R>, status: Arc<Mutex<MirrorStatus>>) -> Report {
    Arc::new(move |outcome| {
        let mut conflicts = Vec::new();
        let snapshot = {
            let Ok(mut status) = status.lock() else {
                return;
            };
            match outcome {
                // Nothing changed (an echo of the app's own write, or a quiet rescan): the
                // folder is in step as of now, which is not news for the UI.
                Ok(events) if events.is_empty() => {
                    status.last_sync = Some(Utc::now());
                    return;
                }
                Ok(events) => {
                    for event in &events {
                        if let SyncEvent::Conflict {
                            id,
                            path,
                            copy,
                            copy_path,
                        } = event
                        {
                            conflicts.push(ConflictNotice {
                                id: *id,
                                copy: *copy,
                                file: file_name(path),
                                copy_file: file_name(copy_path),
                            });
                        }
                    }
                    status.last = SyncCounts::of(&events);
                    status.error = None;
                }
                Err(err) => status.error = Some(err.into()),
            }
            status.last_sync = Some(Utc::now());
            status.clone()
        };
        // No window listening is not the mirror's problem.
        let _ = app.emit(SYNC_EVENT, snapshot);
        for conflict in conflicts {
            let _ = app.emit(CONFLICT_EVENT, conflict);
        }
    })
}

/// Starts mirroring `folder`: a full sync first, then live. Blocks (the first sync runs on the
/// store's thread), so call it off the async runtime.
fn start_blocking<R: Runtime>(app: &AppHandle<R>, folder: &Path) -> Result<(), IpcError> {
    let state = app.state::<AppState>();
    state.mirror.stop();
    let handle = tauri::async_runtime::block_on(state.handle())?;
    let report = reporter(app.clone(), Arc::clone(&state.mirror.status));
    let first = Arc::clone(&report);
    let watcher = redaksi_folder::watch(folder, handle, move |outcome| first(outcome));
    let mut status = state.mirror.status.lock().map_err(|_| poisoned())?;
    status.folder = Some(folder.to_owned());
    match watcher {
        Ok(watcher) => {
            status.running = true;
            drop(status);
            if let Ok(mut running) = state.mirror.running.lock() {
                *running = Some(Running {
                    mirror: Mirror::new(folder),
                    report,
                    _watcher: watcher,
                });
            }
            Ok(())
        }
        Err(err) => {
            let err = IpcError::from(err);
            status.running = false;
            status.error = Some(err.clone());
            Err(err)
        }
    }
}

fn poisoned() -> IpcError {
    IpcError {
        code: "internal".into(),
        message: "the mirror's state is unavailable after an earlier failure".into(),
    }
}

/// The folder to mirror at launch, if mirroring was left on.
pub(crate) fn enabled_folder(state: &AppState) -> Option<PathBuf> {
    let settings = read_settings(state);
    settings.folder.filter(|_| settings.enabled)
}

/// Resumes mirroring the folder chosen in an earlier session, if it was left running. Called
/// at launch and after a backup is restored.
pub fn resume<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let settings = read_settings(&state);
    if let Ok(mut status) = state.mirror.status.lock() {
        status.folder = settings.folder.clone();
    }
    if let (Some(folder), true) = (settings.folder, settings.enabled)
        && let Err(err) = start_blocking(app, &folder)
    {
        eprintln!("Redaksi mirror: {}", err.message);
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|err| IpcError {
            code: "internal".into(),
            message: err.to_string(),
        })?
}

/// Starts mirroring `folder` (absolute; created if missing) and remembers it for next launch.
#[tauri::command]
pub async fn start_mirror<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    folder: PathBuf,
) -> Result<MirrorStatus, IpcError> {
    if !folder.is_absolute() {
        return Err(IpcError {
            code: "invalid_input".into(),
            message: format!("{}: choose a full folder path", folder.display()),
        });
    }
    settings_path(&state)?;
    let app_for_start = app.clone();
    let chosen = folder.clone();
    blocking(move || start_blocking(&app_for_start, &chosen)).await?;
    write_settings(
        &state,
        &Settings {
            folder: Some(folder),
            enabled: true,
        },
    )?;
    Ok(state.mirror.status())
}

/// Stops mirroring; the folder stays chosen (and stopped) across restarts.
#[tauri::command]
pub async fn stop_mirror(state: State<'_, AppState>) -> Result<MirrorStatus, IpcError> {
    state.mirror.stop();
    let settings = read_settings(&state);
    write_settings(
        &state,
        &Settings {
            folder: settings.folder,
            enabled: false,
        },
    )?;
    Ok(state.mirror.status())
}

#[tauri::command]
pub async fn mirror_status(state: State<'_, AppState>) -> Result<MirrorStatus, IpcError> {
    Ok(state.mirror.status())
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use serde_json::{Value, json};
    use tauri::Listener;

    use crate::commands::AppState;
    use crate::ipc_test::{app_with, invoke};

    fn md_files(dir: &std::path::Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".md"))
            .collect();
        names.sort();
        names
    }

    fn titles(list: &Value) -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|a| a["title"].as_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn a_mirrored_folder_syncs_both_ways_and_stop_keeps_the_choice() {
        let data = tempfile::tempdir().unwrap();
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(
            folder.path().join("ada.md"),
            "---\ntitle: Sudah ada\n---\nisi\n",
        )
        .unwrap();
        let (_app, window) = app_with(AppState::open(Ok(data.path())));

        let status = invoke(&window, "start_mirror", json!({ "folder": folder.path() })).unwrap();
        assert_eq!(status["running"], true);
        assert_eq!(status["folder"], json!(folder.path()));
        assert_eq!(status["last"]["imported"], 1);
        assert!(status["last_sync"].is_string());
        let list = invoke(&window, "list_articles", json!({})).unwrap();
        assert_eq!(titles(&list), ["Sudah ada"]);

        // A save in the app reaches the folder at once.
        invoke(
            &window,
            "create_article",
            json!({ "title": "Dari aplikasi", "body": "teks" }),
        )
        .unwrap();
        let files = md_files(folder.path());
        assert_eq!(files.len(), 2, "{files:?}");
        let written = files.iter().find(|f| f.as_str() != "ada.md").unwrap();
        let text = std::fs::read_to_string(folder.path().join(written)).unwrap();
        assert!(text.contains("Dari aplikasi"), "{text}");

        // A file written outside reaches the store through the watcher.
        std::fs::write(
            folder.path().join("luar.md"),
            "---\ntitle: Dari luar\n---\nteks luar\n",
        )
        .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let list = invoke(&window, "list_articles", json!({})).unwrap();
            if titles(&list).contains(&"Dari luar".to_owned()) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the watcher never imported luar.md"
            );
            std::thread::sleep(Duration::from_millis(100));
        }

        let status = invoke(&window, "stop_mirror", json!({})).unwrap();
        assert_eq!(status["running"], false);
        assert_eq!(status["folder"], json!(folder.path()));
        let saved: Value =
            serde_json::from_slice(&std::fs::read(data.path().join("mirror.json")).unwrap())
                .unwrap();
        assert_eq!(saved, json!({ "folder": folder.path(), "enabled": false }));
        invoke(
            &window,
            "create_article",
            json!({ "title": "Setelah berhenti", "body": "" }),
        )
        .unwrap();
        assert_eq!(
            md_files(folder.path()).len(),
            3,
            "nothing written once stopped"
        );
    }

    #[test]
    fn the_chosen_folder_is_mirrored_again_at_the_next_launch() {
        let data = tempfile::tempdir().unwrap();
        let folder = tempfile::tempdir().unwrap();
        {
            let (_app, window) = app_with(AppState::open(Ok(data.path())));
            invoke(&window, "start_mirror", json!({ "folder": folder.path() })).unwrap();
        }
        let (app, window) = app_with(AppState::open(Ok(data.path())));
        let before = invoke(&window, "mirror_status", json!({})).unwrap();
        assert_eq!(
            before["running"], false,
            "nothing runs until launch resumes it"
        );
        super::resume(app.handle());
        let after = invoke(&window, "mirror_status", json!({})).unwrap();
        assert_eq!(after["running"], true);
        assert_eq!(after["folder"], json!(folder.path()));
    }

    #[test]
    fn a_conflict_keeps_both_texts_and_tells_the_ui_the_copy_file() {
        let data = tempfile::tempdir().unwrap();
        let folder = tempfile::tempdir().unwrap();
        let (app, window) = app_with(AppState::open(Ok(data.path())));
        let conflicts = Arc::new(Mutex::new(Vec::<Value>::new()));
        let seen = Arc::clone(&conflicts);
        app.listen(super::CONFLICT_EVENT, move |event| {
            seen.lock()
                .unwrap()
                .push(serde_json::from_str(event.payload()).unwrap());
        });
        invoke(&window, "start_mirror", json!({ "folder": folder.path() })).unwrap();
        let article = invoke(
            &window,
            "create_article",
            json!({ "title": "Rapat", "body": "versi awal" }),
        )
        .unwrap();
        let file = md_files(folder.path()).pop().unwrap();
        invoke(&window, "stop_mirror", json!({})).unwrap();

        // Both sides change while nothing watches.
        let path = folder.path().join(&file);
        let outside = std::fs::read_to_string(&path)
            .unwrap()
            .replace("versi awal", "versi luar");
        std::fs::write(&path, outside).unwrap();
        let mut edited = article.clone();
        edited["body"] = json!("versi aplikasi");
        invoke(&window, "save_article", json!({ "article": edited })).unwrap();

        let status = invoke(&window, "start_mirror", json!({ "folder": folder.path() })).unwrap();
        assert_eq!(status["last"]["conflicts"], 1, "{status}");
        let told = conflicts.lock().unwrap().clone();
        assert_eq!(told.len(), 1, "{told:?}");
        assert_eq!(told[0]["id"], article["id"]);
        assert_eq!(told[0]["file"], file.as_str());
        let copy_file = told[0]["copy_file"].as_str().unwrap();
        assert!(copy_file.contains(".conflict-"), "{copy_file}");
        let copy_text = std::fs::read_to_string(folder.path().join(copy_file)).unwrap();
        assert!(copy_text.contains("versi luar"), "{copy_text}");
        let kept = invoke(&window, "get_article", json!({ "id": article["id"] })).unwrap();
        assert_eq!(kept["body"], "versi aplikasi");
        let copy = invoke(&window, "get_article", json!({ "id": told[0]["copy"] })).unwrap();
        assert_eq!(copy["body"].as_str().unwrap().trim(), "versi luar");
    }

    #[test]
    fn a_relative_folder_is_refused() {
        let data = tempfile::tempdir().unwrap();
        let (_app, window) = app_with(AppState::open(Ok(data.path())));
        let err = invoke(&window, "start_mirror", json!({ "folder": "artikel" })).unwrap_err();
        assert_eq!(err["code"], "invalid_input");
        let status = invoke(&window, "mirror_status", json!({})).unwrap();
        assert_eq!(status["running"], false);
        assert!(!data.path().join("mirror.json").exists());
    }
}
