//! The IPC commands: each one hands its work to the store's thread (or computes off the main
//! thread) and returns the result or an [`IpcError`].

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use redaksi_article::Article;
use redaksi_store::{ArticleSummary, BackupInfo, Store, StoreError, StoreHandle};
use tauri::async_runtime::JoinHandle;
use tauri::{Runtime, State};
use tokio::sync::RwLock;
use uuid::Uuid;

use crate::error::IpcError;
use crate::mirror_commands::MirrorSlot;

/// What every command can reach.
pub struct AppState {
    /// Where `redaksi.db`, its backups and the mirror's settings live; `None` in memory.
    pub(crate) data_dir: Option<PathBuf>,
    /// The store, or why it could not be opened. The window opens either way, so the UI can
    /// show the reason instead of the app dying before it has a window. Commands hold the
    /// read side while they run; restoring a backup takes the write side, so it waits for
    /// them and nothing reaches the file while it is replaced.
    store: RwLock<Result<StoreHandle, IpcError>>,
    /// When the database failed its integrity check: the newest backup that passes its own.
    recovery: Mutex<Option<BackupInfo>>,
    pub(crate) mirror: MirrorSlot,
    /// The outbox worker's task, stopped while a backup is restored.
    pub(crate) outbox: Mutex<Option<JoinHandle<()>>>,
    /// Where the file that points at a moved data folder is written (the OS config dir; a
    /// temporary folder in tests); `None` when there is none, and then the folder cannot move.
    pub(crate) config_dir: Option<PathBuf>,
    /// Whether `REDAKSI_DATA_DIR` chose the data folder: it would win over a moved one.
    pub(crate) data_dir_from_env: bool,
}

/// Opens the store with its integrity check: a damaged file is reported (with the newest good
/// backup to offer), never recreated.
pub(crate) fn open_store(dir: &Path) -> (Result<StoreHandle, IpcError>, Option<BackupInfo>) {
    match Store::open_checked(dir).and_then(StoreHandle::spawn) {
        Ok(handle) => (Ok(handle), None),
        Err(err) => {
            eprintln!("Redaksi: {err}");
            let recovery = match err {
                StoreError::Corrupt { .. } => redaksi_store::newest_good_backup(dir).ok().flatten(),
                _ => None,
            };
            (Err(IpcError::from(err)), recovery)
        }
    }
}

impl AppState {
    /// Opens `redaksi.db` in `data_dir` (or keeps why there is none) on its own thread.
    pub fn open(data_dir: Result<&Path, &StoreError>) -> AppState {
        let (store, recovery, dir) = match data_dir {
            Ok(dir) => {
                let (store, recovery) = open_store(dir);
                (store, recovery, Some(dir.to_owned()))
            }
            Err(err) => {
                eprintln!("Redaksi: {err}");
                (Err(IpcError::from_store(err)), None, None)
            }
        };
        AppState::new(dir, store, recovery)
    }

    fn new(
        data_dir: Option<PathBuf>,
        store: Result<StoreHandle, IpcError>,
        recovery: Option<BackupInfo>,
    ) -> AppState {
        AppState {
            data_dir,
            store: RwLock::new(store),
            recovery: Mutex::new(recovery),
            mirror: MirrorSlot::default(),
            outbox: Mutex::new(None),
            config_dir: None,
            data_dir_from_env: false,
        }
    }

    /// Where a moved data folder is recorded, and whether the environment pins the folder.
    pub fn with_location(mut self, config_dir: Option<PathBuf>, data_dir_from_env: bool) -> Self {
        self.config_dir = config_dir;
        self.data_dir_from_env = data_dir_from_env;
        self
    }

    #[cfg(test)]
    pub fn with_store(store: Store) -> AppState {
        let dir = store.data_dir().map(Path::to_owned);
        AppState::new(dir, StoreHandle::spawn(store).map_err(IpcError::from), None)
    }

    #[cfg(test)]
    pub fn failed(reason: IpcError) -> AppState {
        AppState::new(None, Err(reason), None)
    }

    /// A handle to the store, for library code that takes one (the publish crate, the mirror).
    pub(crate) async fn handle(&self) -> Result<StoreHandle, IpcError> {
        self.store.read().await.clone()
    }

    /// Why the store is not open (or `Ok`), and the backup to offer when it is damaged.
    pub(crate) async fn health(&self) -> (Result<(), IpcError>, Option<BackupInfo>) {
        let store = self
            .store
            .read()
            .await
            .as_ref()
            .map(drop)
            .map_err(Clone::clone);
        let recovery = self.recovery.lock().map(|r| r.clone()).unwrap_or(None);
        (store, recovery)
    }

    /// Exclusive access to the store's slot, for replacing the database underneath it.
    pub(crate) async fn store_slot(
        &self,
    ) -> tokio::sync::RwLockWriteGuard<'_, Result<StoreHandle, IpcError>> {
        self.store.write().await
    }

    pub(crate) fn set_recovery(&self, recovery: Option<BackupInfo>) {
        if let Ok(mut slot) = self.recovery.lock() {
            *slot = recovery;
        }
    }

    pub(crate) async fn call<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    {
        let store = self.store.read().await;
        Ok(store.as_ref().map_err(Clone::clone)?.call(f).await?)
    }

    /// Like [`call`](Self::call) for a command that changed an article: when a folder is
    /// mirrored, the article is written to its file too (a failure there is reported as a
    /// mirror event, never as a failed save).
    pub(crate) async fn call_saving<F>(&self, f: F) -> Result<Article, IpcError>
    where
        F: FnOnce(&mut Store) -> Result<Article, StoreError> + Send + 'static,
    {
        let article = self.call(f).await?;
        self.mirror_saved(vec![article.id]).await;
        Ok(article)
    }

    /// Writes these articles to the mirrored folder, if one is mirrored.
    pub(crate) async fn mirror_saved(&self, ids: Vec<Uuid>) {
        let Some((mirror, report)) = self.mirror.running() else {
            return;
        };
        let outcome = self
            .call(move |store| {
                let mut events = Vec::new();
                for id in ids {
                    let article = match store.get_article(id) {
                        Ok(article) => article,
                        // Gone since (deleted): nothing to write.
                        Err(StoreError::NotFound(_)) => continue,
                        Err(err) => return Err(err),
                    };
                    match mirror.article_saved(store, &article) {
                        Ok(more) => events.extend(more),
                        Err(err) => return Ok(Err(err)),
                    }
                }
                Ok(Ok(events))
            })
            .await;
        match outcome {
            Ok(result) => report(result),
            Err(err) => eprintln!("Redaksi mirror: {}", err.message),
        }
    }
}

#[tauri::command]
async fn create_article(
    state: State<'_, AppState>,
    title: String,
    body: String,
) -> Result<Article, IpcError> {
    state
        .call_saving(move |store| store.create_article(&title, &body))
        .await
}

#[tauri::command]
async fn list_articles(state: State<'_, AppState>) -> Result<Vec<ArticleSummary>, IpcError> {
    state.call(|store| store.list_articles()).await
}

#[tauri::command]
async fn get_article(state: State<'_, AppState>, id: Uuid) -> Result<Article, IpcError> {
    state.call(move |store| store.get_article(id)).await
}

#[tauri::command]
async fn save_article(state: State<'_, AppState>, article: Article) -> Result<Article, IpcError> {
    state
        .call_saving(move |store| store.save_article(&article))
        .await
}

#[tauri::command]
async fn delete_article(state: State<'_, AppState>, id: Uuid) -> Result<(), IpcError> {
    state.call(move |store| store.delete_article(id)).await
}

/// The preview pane's HTML: the same dialect and sanitiser as export. Async so that rendering
/// a long article never runs on the main thread.
#[tauri::command]
async fn render_preview(markdown: String) -> String {
    redaksi_article::render::to_safe_html(&markdown)
}

/// Adds the state and the commands to `builder`: the real one in `main`, the mock runtime's
/// in tests.
pub fn register<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            create_article,
            list_articles,
            get_article,
            save_article,
            delete_article,
            render_preview,
            crate::desk::analyze_article,
            crate::desk::dashboard_rows,
            crate::desk::set_status,
            crate::desk::name_version,
            crate::rules::check_rules_file,
            crate::store_commands::save_article_as,
            crate::store_commands::list_revisions,
            crate::store_commands::get_revision,
            crate::store_commands::diff_revisions,
            crate::store_commands::restore_revision,
            crate::store_commands::list_trash,
            crate::store_commands::restore_from_trash,
            crate::store_commands::set_score,
            crate::store_commands::import_media,
            crate::store_commands::backup_now,
            crate::store_commands::list_backups,
            crate::store_commands::run_maintenance,
            crate::store_commands::import_markdown,
            crate::backup_commands::store_status,
            crate::backup_commands::restore_backup,
            crate::data_folder::move_data_folder,
            crate::data_folder::restart_app,
            crate::mirror_commands::start_mirror,
            crate::mirror_commands::stop_mirror,
            crate::mirror_commands::mirror_status,
            crate::outbox_commands::enqueue_publish,
            crate::outbox_commands::list_outbox,
            crate::outbox_commands::retry_outbox,
            crate::outbox_commands::list_targets,
            crate::outbox_commands::save_target,
            crate::outbox_commands::remove_target,
            crate::publish_view::preview_payload,
            crate::publish_view::export_article,
            crate::publish_view::outbox_conflict,
            crate::publish_view::keep_remote,
        ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use serde_json::{Value, json};
    use tauri::test::MockRuntime;
    use tauri::{App, WebviewWindow};

    use crate::ipc_test::{app_with, invoke};

    fn app() -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
        app_with(AppState::with_store(Store::open_in_memory().unwrap()))
    }

    #[test]
    fn create_then_get_returns_the_article_in_the_ui_shape() {
        let (_app, window) = app();
        let created = invoke(
            &window,
            "create_article",
            json!({ "title": "Banjir", "body": "Hujan deras." }),
        )
        .unwrap();
        for field in ["id", "title", "body", "created_at", "updated_at", "meta"] {
            assert!(created.get(field).is_some(), "{field} missing in {created}");
        }
        let fetched = invoke(&window, "get_article", json!({ "id": created["id"] })).unwrap();
        assert_eq!(fetched["title"], "Banjir");
        assert_eq!(fetched["body"], "Hujan deras.");
    }

    #[test]
    fn save_stores_the_edit_and_list_puts_it_first() {
        let (_app, window) = app();
        let older = invoke(
            &window,
            "create_article",
            json!({ "title": "Lama", "body": "" }),
        )
        .unwrap();
        let newer = invoke(
            &window,
            "create_article",
            json!({ "title": "Baru", "body": "" }),
        )
        .unwrap();

        let mut edited = older.clone();
        edited["title"] = json!("Lama, disunting");
        edited["body"] = json!("Isi baru.");
        let saved = invoke(&window, "save_article", json!({ "article": edited })).unwrap();
        assert_eq!(saved["body"], "Isi baru.");

        let list = invoke(&window, "list_articles", json!({})).unwrap();
        let ids: Vec<&Value> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|row| &row["id"])
            .collect();
        assert_eq!(
            ids,
            [&older["id"], &newer["id"]],
            "most recently saved first"
        );
        assert_eq!(list[0]["title"], "Lama, disunting");
        assert!(list[0]["updated_at"].is_string());
    }

    #[test]
    fn delete_removes_the_article_from_the_list() {
        let (_app, window) = app();
        let article = invoke(
            &window,
            "create_article",
            json!({ "title": "Hapus", "body": "" }),
        )
        .unwrap();
        assert_eq!(
            invoke(&window, "delete_article", json!({ "id": article["id"] })),
            Ok(Value::Null)
        );
        let list = invoke(&window, "list_articles", json!({})).unwrap();
        assert_eq!(list, json!([]));
    }

    #[rstest]
    #[case::get("get_article", json!({ "id": "6f1c2d1e-8a53-4b1e-9f51-2f0a4b0c1d2e" }))]
    #[case::delete("delete_article", json!({ "id": "6f1c2d1e-8a53-4b1e-9f51-2f0a4b0c1d2e" }))]
    fn a_missing_article_is_a_not_found_error(#[case] cmd: &str, #[case] args: Value) {
        let (_app, window) = app();
        let err = invoke(&window, cmd, args).unwrap_err();
        assert_eq!(err["code"], "not_found", "{err}");
        assert!(
            err["message"].as_str().unwrap().contains("6f1c2d1e"),
            "{err}"
        );
    }

    #[test]
    fn a_store_that_did_not_open_answers_every_command_with_its_reason() {
        let reason = IpcError {
            code: "newer_database".into(),
            message: "written by a newer Redaksi".into(),
        };
        let (_app, window) = app_with(AppState::failed(reason));
        let err = invoke(&window, "list_articles", json!({})).unwrap_err();
        assert_eq!(
            err,
            json!({ "code": "newer_database", "message": "written by a newer Redaksi" })
        );
    }

    #[test]
    fn preview_is_sanitised_html() {
        let (_app, window) = app();
        let html = invoke(
            &window,
            "render_preview",
            json!({
                "markdown": "# Judul\n\n<script>alert(1)</script>\n\n[tautan](javascript:alert(1))"
            }),
        )
        .unwrap();
        let html = html.as_str().unwrap();
        assert!(html.contains("<h1>Judul</h1>"), "{html}");
        assert!(html.contains("tautan"), "the link text stays: {html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
    }

    #[test]
    fn a_command_the_capability_does_not_grant_is_refused() {
        let (_app, window) = app();
        let err = invoke(&window, "plugin:window|close", json!({})).unwrap_err();
        assert!(err.to_string().contains("not allowed"), "{err}");
    }

    #[test]
    fn a_malformed_argument_is_an_error_not_a_panic() {
        let (_app, window) = app();
        let err = invoke(&window, "get_article", json!({ "id": "not-a-uuid" })).unwrap_err();
        assert!(err.to_string().contains("id"), "{err}");
    }
}
