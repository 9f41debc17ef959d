//! The store's health and restoring a backup under the running app. A restore closes the store
//! (and stops the mirror and the outbox worker, which hold handles of their own), takes a
//! safety backup of the current database when it can still be read, swaps the file, opens it
//! again with its integrity check and starts the others again. The UI reloads afterwards.

use redaksi_desk::Error;
use redaksi_desk::data::{RestoreResult, StoreStatus};
use redaksi_store::StoreError;
use tauri::{AppHandle, Runtime, State};

use crate::commands::{mirror, outbox};
use crate::error::blocking;
use crate::state::{AppState, open_store};

#[tauri::command]
pub async fn store_status(state: State<'_, AppState>) -> Result<StoreStatus, Error> {
    let (store, recovery) = state.health().await;
    Ok(StoreStatus {
        ok: store.is_ok(),
        error: store.err(),
        newest_good_backup: recovery,
        data_dir: state.data_dir.as_ref().map(|dir| dir.display().to_string()),
    })
}

/// Replaces the database with the backup called `name`. Nothing is lost: the current
/// database is backed up first (and kept aside besides).
#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    name: String,
) -> Result<RestoreResult, Error> {
    let dir = state.data_dir("to restore a backup into")?.to_owned();
    let known = {
        let dir = dir.clone();
        blocking(move || Ok(redaksi_store::list_backups(&dir)?)).await?
    };
    if !known.iter().any(|backup| backup.name == name) {
        return Err(StoreError::InvalidInput(format!("no backup called {name:?}")).into());
    }
    let mut slot = state.store_slot().await;
    let mut safety_backup = None;
    if let Ok(handle) = slot.as_ref() {
        match handle.call(|store| store.safety_backup()).await {
            Ok(backup) => safety_backup = Some(backup),
            Err(err) => {
                drop(slot);
                restart(&app).await;
                return Err(err.into());
            }
        }
        handle.close().await?;
    }
    let restore = {
        let (dir, name) = (dir.clone(), name.clone());
        blocking(move || Ok(redaksi_store::restore_backup(&dir, &name))).await?
    };
    let reopen_dir = dir.clone();
    let (store, recovery) = blocking(move || Ok(open_store(&reopen_dir))).await?;
    *slot = store;
    state.set_recovery(recovery);
    if let (Some(folder), Ok(handle)) = (mirror::enabled_folder(&state), slot.as_ref()) {
        // The folder still holds the replaced text (kept in the safety backup); without this the
        // mirror's first rescan would read it back and undo the restore.
        let mirror = redaksi_folder::Mirror::new(folder);
        match handle.call(move |store| Ok(mirror.store_wins(store))).await {
            Ok(Ok(_)) => {}
            Ok(Err(err)) => eprintln!("Redaksi mirror: {err}"),
            Err(err) => eprintln!("Redaksi mirror: {err}"),
        }
    }
    drop(slot);
    restart(&app).await;
    let kept_aside = restore?.is_some();
    Ok(RestoreResult {
        restored: name,
        safety_backup,
        kept_aside,
    })
}

/// Starts the outbox worker and the mirror again on the (new) store.
pub async fn restart<R: Runtime>(app: &AppHandle<R>) {
    outbox::start_worker(app).await;
    let app = app.clone();
    let _ = tauri::async_runtime::spawn_blocking(move || mirror::resume(&app)).await;
}

#[cfg(test)]
mod tests {
    use redaksi_store::{DB_FILE, Store};
    use serde_json::{Value, json};

    use crate::ipc_test::{app_with, invoke};
    use crate::state::AppState;

    fn names(backups: &Value) -> Vec<String> {
        backups
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["name"].as_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn restore_brings_the_backup_back_after_a_safety_backup_of_the_current_text() {
        let data = tempfile::tempdir().unwrap();
        let (_app, window) = app_with(AppState::open(Ok(data.path())));
        let article = invoke(
            &window,
            "create_article",
            json!({ "title": "Pagi", "body": "versi pagi" }),
        )
        .unwrap();
        let backup = invoke(&window, "backup_now", json!({})).unwrap();
        let mut edited = article.clone();
        edited["body"] = json!("versi sore");
        invoke(&window, "save_article", json!({ "article": edited })).unwrap();

        let result = invoke(&window, "restore_backup", json!({ "name": backup["name"] })).unwrap();
        assert_eq!(result["restored"], backup["name"]);
        assert_eq!(result["kept_aside"], true);
        let safety = result["safety_backup"]["name"].as_str().unwrap().to_owned();
        assert_ne!(json!(safety), backup["name"]);

        let now = invoke(&window, "get_article", json!({ "id": article["id"] })).unwrap();
        assert_eq!(
            now["body"], "versi pagi",
            "the store was swapped under the app"
        );
        let listed = names(&invoke(&window, "list_backups", json!({})).unwrap());
        assert_eq!(
            listed[0], safety,
            "the safety backup is listed, newest first"
        );

        // The safety backup really holds the text the restore replaced.
        let copy = tempfile::tempdir().unwrap();
        std::fs::copy(
            data.path().join("backups").join(&safety),
            copy.path().join(DB_FILE),
        )
        .unwrap();
        let id = article["id"].as_str().unwrap().parse().unwrap();
        let before = Store::open(copy.path()).unwrap().get_article(id).unwrap();
        assert_eq!(before.body, "versi sore");

        let status = invoke(&window, "store_status", json!({})).unwrap();
        assert_eq!(status["ok"], true);
        assert_eq!(status["error"], Value::Null);
    }

    #[test]
    fn an_unknown_backup_is_refused_and_the_store_stays_open() {
        let data = tempfile::tempdir().unwrap();
        let (_app, window) = app_with(AppState::open(Ok(data.path())));
        let err = invoke(
            &window,
            "restore_backup",
            json!({ "name": "redaksi-nope.db" }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "invalid_input");
        assert!(invoke(&window, "list_articles", json!({})).is_ok());
    }

    #[test]
    fn a_damaged_database_is_reported_and_its_newest_good_backup_restores_it() {
        let data = tempfile::tempdir().unwrap();
        let path = data.path().join(DB_FILE);
        let backup = {
            let mut store = Store::open(data.path()).unwrap();
            for n in 0..200 {
                store
                    .create_article(&format!("Artikel {n}"), &"isi yang panjang ".repeat(200))
                    .unwrap();
            }
            let backup = store.backup_now().unwrap();
            store
                .connection()
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .unwrap();
            backup
        };
        // Scribble over pages in the middle of the file, as a failing disk would.
        let mut bytes = std::fs::read(&path).unwrap();
        let len = bytes.len();
        bytes[len / 3..len / 3 + 40_000].fill(0x5a);
        std::fs::write(&path, &bytes).unwrap();

        let (_app, window) = app_with(AppState::open(Ok(data.path())));
        let status = invoke(&window, "store_status", json!({})).unwrap();
        assert_eq!(status["ok"], false);
        assert_eq!(status["error"]["code"], "corrupt");
        assert_eq!(status["newest_good_backup"]["name"], backup.name.as_str());
        let err = invoke(&window, "list_articles", json!({})).unwrap_err();
        assert_eq!(err["code"], "corrupt");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "never recreated");

        let result = invoke(&window, "restore_backup", json!({ "name": backup.name })).unwrap();
        assert_eq!(
            result["safety_backup"],
            Value::Null,
            "unreadable, so kept aside"
        );
        assert_eq!(result["kept_aside"], true);
        let aside: Vec<_> = std::fs::read_dir(data.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".replaced-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(std::fs::read(aside[0].path()).unwrap(), bytes);

        let list = invoke(&window, "list_articles", json!({})).unwrap();
        assert_eq!(list.as_array().unwrap().len(), 200);
        let status = invoke(&window, "store_status", json!({})).unwrap();
        assert_eq!(status["ok"], true);
        assert_eq!(status["newest_good_backup"], Value::Null);
    }

    #[test]
    fn a_restore_under_a_running_mirror_rewrites_the_folder_instead_of_reading_it_back() {
        let data = tempfile::tempdir().unwrap();
        let folder = tempfile::tempdir().unwrap();
        let (_app, window) = app_with(AppState::open(Ok(data.path())));
        invoke(&window, "start_mirror", json!({ "folder": folder.path() })).unwrap();
        let article = invoke(
            &window,
            "create_article",
            json!({ "title": "Rapat", "body": "versi pagi" }),
        )
        .unwrap();
        let backup = invoke(&window, "backup_now", json!({})).unwrap();
        let mut edited = article.clone();
        edited["body"] = json!("versi sore");
        invoke(&window, "save_article", json!({ "article": edited })).unwrap();
        let file = folder.path().join("rapat.md");
        assert!(
            std::fs::read_to_string(&file)
                .unwrap()
                .contains("versi sore")
        );

        invoke(&window, "restore_backup", json!({ "name": backup["name"] })).unwrap();
        let status = invoke(&window, "mirror_status", json!({})).unwrap();
        assert_eq!(
            status["running"], true,
            "the mirror runs again after the restore"
        );
        let now = invoke(&window, "get_article", json!({ "id": article["id"] })).unwrap();
        assert_eq!(
            now["body"], "versi pagi",
            "the folder's newer text did not undo it"
        );
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("versi pagi"), "{text}");
        let list = invoke(&window, "list_articles", json!({})).unwrap();
        assert_eq!(list.as_array().unwrap().len(), 1, "no copy was imported");
    }
}
