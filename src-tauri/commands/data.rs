//! Moving the data folder from Settings. The move copies (the old folder is kept), records
//! the new place in the location file, and leaves the store closed: from then on nothing may
//! be written to the old folder, because the next start reads the new one. The UI then calls
//! [`restart_app`]. Restarting is a second command rather than part of the move so that the
//! move's answer (the new path, or why it failed) always reaches the UI before the process
//! goes away, and a restart that does not happen still leaves no write going to the old folder.

use std::path::PathBuf;

use redaksi_desk::Error;
use redaksi_desk::data::{self, MoveResult};
use tauri::{AppHandle, Runtime, State};

use crate::commands::backup::restart;
use crate::error::blocking;
use crate::state::{AppState, open_store};

/// Copies the data folder to `folder`, points the next start there and closes the store.
/// Refusals (`target_not_absolute`, `target_inside_data_dir`, `target_not_empty`,
/// `data_dir_from_env`) change nothing; a failed copy reopens the store on the old folder.
#[tauri::command]
pub async fn move_data_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    folder: String,
) -> Result<MoveResult, Error> {
    let from = state.data_dir("to move")?.to_owned();
    let to = PathBuf::from(folder.trim());
    let from_env = state.data_dir_from_env;
    {
        let (from, to) = (from.clone(), to.clone());
        blocking(move || data::check_move(&from, &to, from_env)).await?;
    }
    let config_dir = state
        .config_dir
        .clone()
        .ok_or_else(|| Error::invalid("no config folder found to record the new place in"))?;
    let mut slot = state.store_slot().await;
    if let Ok(handle) = slot.as_ref() {
        handle.close().await?;
    }
    let copied = {
        let (from, to) = (from.clone(), to.clone());
        blocking(move || Ok(data::copy_and_point(&from, &to, &config_dir))).await?
    };
    let report = match copied {
        Ok(report) => report,
        Err(err) => {
            let reopen = from.clone();
            let (store, recovery) = blocking(move || Ok(open_store(&reopen))).await?;
            *slot = store;
            state.set_recovery(recovery);
            drop(slot);
            restart(&app).await;
            return Err(err);
        }
    };
    *slot = Err(data::moved(&to));
    Ok(MoveResult {
        data_dir: to.display().to_string(),
        old_data_dir: from.display().to_string(),
        files: report.files,
        webview_skipped: report.webview_skipped,
    })
}

/// Restarts Redaksi, which then opens the data folder the location file names.
#[tauri::command]
pub fn restart_app<R: Runtime>(app: AppHandle<R>) {
    app.restart();
}

#[cfg(test)]
mod tests {
    use std::fs;

    use redaksi_store::{DB_FILE, LOCATION_FILE, Store};
    use rstest::rstest;
    use serde_json::{Value, json};
    use tauri::WebviewWindow;
    use tauri::test::MockRuntime;

    use crate::ipc_test::{app_with, invoke};
    use crate::state::AppState;

    struct Setup {
        root: tempfile::TempDir,
        data: std::path::PathBuf,
        config: std::path::PathBuf,
    }

    fn setup() -> Setup {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        let config = root.path().join("config");
        fs::create_dir(&data).unwrap();
        Setup { root, data, config }
    }

    fn state(setup: &Setup, from_env: bool) -> AppState {
        AppState::open(Ok(&setup.data)).with_location(Some(setup.config.clone()), from_env)
    }

    fn article_with_image(setup: &Setup, window: &WebviewWindow<MockRuntime>) -> (Value, Value) {
        let article = invoke(
            window,
            "create_article",
            json!({ "title": "Banjir rob", "body": "air naik" }),
        )
        .unwrap();
        let image = setup.root.path().join("foto.png");
        fs::write(&image, b"\x89PNG\r\n\x1a\n gambar").unwrap();
        let media = invoke(
            window,
            "import_media",
            json!({ "id": article["id"], "path": image }),
        )
        .unwrap();
        (article, media)
    }

    #[test]
    fn the_folder_moves_with_its_articles_and_media_and_the_old_one_is_kept() {
        let setup = setup();
        let (_app, window) = app_with(state(&setup, false));
        let (article, media) = article_with_image(&setup, &window);
        invoke(&window, "backup_now", json!({})).unwrap();
        let to = setup.root.path().join("pindahan").join("redaksi");

        let result = invoke(&window, "move_data_folder", json!({ "folder": to })).unwrap();
        assert_eq!(result["data_dir"], to.display().to_string());
        assert_eq!(result["old_data_dir"], setup.data.display().to_string());
        assert_eq!(result["webview_skipped"], 0);

        let location = fs::read_to_string(setup.config.join(LOCATION_FILE)).unwrap();
        assert_eq!(location.trim(), to.display().to_string());

        let markdown_path = media["markdown_path"].as_str().unwrap();
        let id = article["id"].as_str().unwrap().parse().unwrap();
        for dir in [&to, &setup.data] {
            let store = Store::open(dir).unwrap();
            assert_eq!(store.get_article(id).unwrap().body, "air naik", "{dir:?}");
            assert_eq!(
                fs::read(dir.join(markdown_path)).unwrap(),
                b"\x89PNG\r\n\x1a\n gambar",
                "{dir:?}"
            );
            assert_eq!(
                redaksi_store::list_backups(dir).unwrap().len(),
                1,
                "{dir:?}"
            );
        }

        // Until the restart, nothing more may land in the old folder.
        let err = invoke(&window, "list_articles", json!({})).unwrap_err();
        assert_eq!(err["code"], "data_moved");
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains(&to.display().to_string())
        );
    }

    enum Target {
        Relative,
        NotEmpty,
        InsideCurrent,
    }

    #[rstest]
    #[case::relative(Target::Relative, "target_not_absolute")]
    #[case::not_empty(Target::NotEmpty, "target_not_empty")]
    #[case::inside(Target::InsideCurrent, "target_inside_data_dir")]
    fn a_refused_target_changes_nothing_and_the_store_stays_open(
        #[case] target: Target,
        #[case] code: &str,
    ) {
        let setup = setup();
        let (_app, window) = app_with(state(&setup, false));
        let (article, _) = article_with_image(&setup, &window);
        let to = match target {
            Target::Relative => "pindahan/redaksi".to_owned(),
            Target::NotEmpty => {
                let dir = setup.root.path().join("isi");
                fs::create_dir(&dir).unwrap();
                fs::write(dir.join("catatan.txt"), "x").unwrap();
                dir.display().to_string()
            }
            Target::InsideCurrent => setup.data.join("cadangan").display().to_string(),
        };
        let err = invoke(&window, "move_data_folder", json!({ "folder": to })).unwrap_err();
        assert_eq!(err["code"], code, "{err}");
        assert!(!setup.config.join(LOCATION_FILE).exists());
        assert!(!setup.data.join("cadangan").exists());
        let fetched = invoke(&window, "get_article", json!({ "id": article["id"] })).unwrap();
        assert_eq!(fetched["body"], "air naik");
    }

    #[test]
    fn a_folder_chosen_by_the_environment_is_not_moved() {
        let setup = setup();
        let (_app, window) = app_with(state(&setup, true));
        let to = setup.root.path().join("pindahan");
        let err = invoke(&window, "move_data_folder", json!({ "folder": to })).unwrap_err();
        assert_eq!(err["code"], "data_dir_from_env");
        assert!(!to.exists());
        assert!(!setup.config.join(LOCATION_FILE).exists());
        assert!(invoke(&window, "list_articles", json!({})).is_ok());
    }

    #[test]
    fn a_copy_that_fails_reopens_the_old_folder() {
        let setup = setup();
        let (_app, window) = app_with(state(&setup, false));
        let (article, _) = article_with_image(&setup, &window);
        // The location file cannot be written: its folder is a file.
        fs::write(&setup.config, "not a folder").unwrap();
        let to = setup.root.path().join("pindahan");
        let err = invoke(&window, "move_data_folder", json!({ "folder": to })).unwrap_err();
        assert_eq!(err["code"], "io", "{err}");
        let fetched = invoke(&window, "get_article", json!({ "id": article["id"] })).unwrap();
        assert_eq!(
            fetched["body"], "air naik",
            "the store is open on the old folder"
        );
        assert!(setup.data.join(DB_FILE).exists());
        assert!(!to.exists(), "the copy without a location file was removed");
    }
}
