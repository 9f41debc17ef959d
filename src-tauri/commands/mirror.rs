//! Mirroring a folder of Markdown files from the app (`redaksi-folder`'s [`Mirror`] driven by
//! its watcher). The chosen folder is kept in the data folder (`redaksi_desk::mirror::Settings`),
//! so the app resumes mirroring at launch before the UI asks. What each sync step did reaches
//! the UI as the `mirror-sync` event, and every conflict copy as `mirror-conflict`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::Utc;
use redaksi_desk::Error;
use redaksi_desk::mirror::{self, MirrorStatus, Settings};
use redaksi_folder::Mirror;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::error::blocking;
use crate::state::{AppState, Report, Running};

pub const SYNC_EVENT: &str = "mirror-sync";
pub const CONFLICT_EVENT: &str = "mirror-conflict";

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
                    conflicts = mirror::conflicts(&events);
                    status.record(&events);
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
fn start_blocking<R: Runtime>(app: &AppHandle<R>, folder: &Path) -> Result<(), Error> {
    let state = app.state::<AppState>();
    state.mirror.stop();
    let handle = tauri::async_runtime::block_on(state.handle())?;
    let report = reporter(app.clone(), Arc::clone(&state.mirror.status));
    let first = Arc::clone(&report);
    let watcher = redaksi_folder::watch(folder, handle, move |outcome| first(outcome));
    let mut status = state.mirror.status.lock().map_err(|_| {
        Error::internal("the mirror's state is unavailable after an earlier failure")
    })?;
    status.folder = Some(folder.to_owned());
    match watcher {
        Ok(watcher) => {
            status.running = true;
            drop(status);
            state.mirror.set_running(Running {
                mirror: Mirror::new(folder),
                report,
                _watcher: watcher,
            });
            Ok(())
        }
        Err(err) => {
            let err = Error::from(err);
            status.running = false;
            status.error = Some(err.clone());
            Err(err)
        }
    }
}

fn settings(state: &AppState) -> Settings {
    state
        .data_dir
        .as_deref()
        .map(Settings::read)
        .unwrap_or_default()
}

/// The folder to mirror at launch, if mirroring was left on.
pub fn enabled_folder(state: &AppState) -> Option<PathBuf> {
    settings(state).enabled_folder().map(Path::to_owned)
}

/// Resumes mirroring the folder chosen in an earlier session, if it was left running. Called
/// at launch and after a backup is restored.
pub fn resume<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let settings = settings(&state);
    if let Ok(mut status) = state.mirror.status.lock() {
        status.folder = settings.folder.clone();
    }
    if let Some(folder) = settings.enabled_folder()
        && let Err(err) = start_blocking(app, folder)
    {
        eprintln!("Redaksi mirror: {}", err.message);
    }
}

/// Starts mirroring `folder` (absolute; created if missing) and remembers it for next launch.
#[tauri::command]
pub async fn start_mirror<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    folder: PathBuf,
) -> Result<MirrorStatus, Error> {
    mirror::choose_folder(&folder)?;
    let data_dir = state
        .data_dir("to keep the mirror's settings in")?
        .to_owned();
    let (app_for_start, chosen) = (app.clone(), folder.clone());
    blocking(move || start_blocking(&app_for_start, &chosen)).await?;
    let chosen = Settings {
        folder: Some(folder),
        enabled: true,
    };
    chosen.write(&data_dir)?;
    Ok(state.mirror.status())
}

/// Stops mirroring; the folder stays chosen (and stopped) across restarts.
#[tauri::command]
pub async fn stop_mirror(state: State<'_, AppState>) -> Result<MirrorStatus, Error> {
    state.mirror.stop();
    let data_dir = state.data_dir("to keep the mirror's settings in")?;
    let stopped = Settings {
        enabled: false,
        ..Settings::read(data_dir)
    };
    stopped.write(data_dir)?;
    Ok(state.mirror.status())
}

#[tauri::command]
pub async fn mirror_status(state: State<'_, AppState>) -> Result<MirrorStatus, Error> {
    Ok(state.mirror.status())
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use serde_json::{Value, json};
    use tauri::Listener;

    use crate::ipc_test::{app_with, invoke};
    use crate::state::AppState;

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
        // What start_mirror left in the data folder when the app quit (a process of its own,
        // so its hold on the folder went with it).
        let chosen = redaksi_desk::mirror::Settings {
            folder: Some(folder.path().to_owned()),
            enabled: true,
        };
        chosen.write(data.path()).unwrap();
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
