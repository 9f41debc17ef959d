//! Publishing from the app: the outbox worker runs inside it (on the async runtime, on its own
//! store connection, so a slow CMS never holds up the editor's saves), and thin commands put
//! requests in the outbox, list it, answer rows that stopped, and keep the CMS accounts. The
//! worker's progress reaches the UI as the `outbox-progress` event.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use redaksi_desk::{Error, targets};
use redaksi_publish::credentials::{Keyring, Secret, SecretStore};
use redaksi_publish::outbox::{Progress, Until, Worker, WorkerConfig, enqueue};
use redaksi_store::outbox::{OutboxItem, Target};
use redaksi_store::{Store, StoreHandle};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use uuid::Uuid;

use crate::error::blocking;
use crate::state::AppState;

/// The event the worker's [`Progress`] is emitted as.
pub const PROGRESS_EVENT: &str = "outbox-progress";

/// Starts the worker (for the app's lifetime, or until a backup is restored) when the store
/// is open. It has its own connection to `redaksi.db`: the store's lease lets it share the
/// queue with a `redaksi outbox run` on the same database. Without it the editor still works;
/// requests wait in the outbox for the next start or for `redaksi outbox run`.
pub async fn start_worker<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let (Some(dir), (Ok(()), _)) = (state.data_dir.clone(), state.health().await) else {
        return;
    };
    let handle = match blocking(move || Ok(Store::open(&dir).and_then(StoreHandle::spawn)?)).await {
        Ok(handle) => handle,
        Err(err) => return eprintln!("Redaksi outbox: {err}"),
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Progress>();
    let worker =
        Arc::new(Worker::new(handle, Arc::new(Keyring), WorkerConfig::default()).with_progress(tx));
    let emitter = app.clone();
    // Ends when the worker (and with it the sender) is dropped.
    tauri::async_runtime::spawn(async move {
        while let Some(event) = rx.recv().await {
            // No window listening (or it closed) is not the worker's problem.
            let _ = emitter.emit(PROGRESS_EVENT, event);
        }
    });
    let task = tauri::async_runtime::spawn(async move {
        loop {
            // Returns once nothing is pending; new requests are picked up on the next round.
            if let Err(err) = worker.run(Until::Empty).await {
                eprintln!("Redaksi outbox: {err}");
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    });
    if let Ok(mut slot) = state.outbox.lock()
        && let Some(old) = slot.replace(task)
    {
        old.abort();
    }
}

/// Puts a publish request in the outbox; the worker sends it when it can.
#[tauri::command]
pub async fn enqueue_publish(
    state: State<'_, AppState>,
    article_id: Uuid,
    target: String,
    status: String,
    publish_at: Option<DateTime<Utc>>,
) -> Result<OutboxItem, Error> {
    let handle = state.handle().await?;
    Ok(enqueue(&handle, article_id, &target, &status, publish_at).await?)
}

/// Every outbox row, newest first.
#[tauri::command]
pub async fn list_outbox(state: State<'_, AppState>) -> Result<Vec<OutboxItem>, Error> {
    state.call(|store| store.outbox_list()).await
}

/// Sends a stopped row again: `overwrite` answers a conflict, `confirm` a schedule whose time
/// passed while offline (the CLI's `outbox retry --overwrite/--confirm`).
#[tauri::command]
pub async fn retry_outbox(
    state: State<'_, AppState>,
    id: i64,
    overwrite: bool,
    confirm: bool,
) -> Result<OutboxItem, Error> {
    state
        .call(move |store| store.outbox_retry(id, overwrite, confirm))
        .await
}

/// The configured CMS accounts (their secrets stay in the keyring).
#[tauri::command]
pub async fn list_targets(state: State<'_, AppState>) -> Result<Vec<Target>, Error> {
    state.call(|store| store.list_targets()).await
}

/// Adds or changes a CMS account. The secret goes straight to the OS keyring; the database
/// keeps only the name, kind, URL and user, and the answer never carries the secret.
#[tauri::command]
pub async fn save_target(
    state: State<'_, AppState>,
    name: String,
    kind: String,
    url: String,
    username: Option<String>,
    secret: String,
) -> Result<Target, Error> {
    let target = Target {
        name,
        kind,
        url,
        username,
    };
    targets::check(&target)?;
    targets::check_secret(&secret)?;
    let key = target.name.clone();
    // The keyring talks D-Bus (or the OS's API) and may wait on an unlock prompt.
    blocking(move || Ok(Keyring.set(&key, &Secret::new(secret))?)).await?;
    let stored = target.clone();
    state.call(move |store| store.put_target(&stored)).await?;
    Ok(target)
}

/// Removes a CMS account and its secret from the keyring.
#[tauri::command]
pub async fn remove_target(state: State<'_, AppState>, name: String) -> Result<(), Error> {
    let key = name.clone();
    let existed = state.call(move |store| store.remove_target(&key)).await?;
    let key = name.clone();
    blocking(move || Ok(Keyring.delete(&key)?)).await?;
    if existed {
        Ok(())
    } else {
        Err(targets::not_found(&name))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use tauri::test::MockRuntime;
    use tauri::{App, WebviewWindow};
    use uuid::Uuid;

    use redaksi_publish::credentials::{Keyring, SecretStore};

    use crate::ipc_test::{app_on, invoke, store_with_target};

    /// The app on a fresh store with one WordPress target and one article.
    fn app() -> (App<MockRuntime>, WebviewWindow<MockRuntime>, Uuid) {
        let mut store = store_with_target();
        let article = store.create_article("Banjir", "Hujan deras.").unwrap().id;
        let (app, window) = app_on(store);
        (app, window, article)
    }

    #[test]
    fn enqueue_creates_a_queued_row_that_list_returns() {
        let (_app, window, article) = app();
        let queued = invoke(
            &window,
            "enqueue_publish",
            json!({ "articleId": article, "target": "situs", "status": "future",
                    "publishAt": "2030-01-02T03:04:05Z" }),
        )
        .unwrap();
        assert_eq!(queued["state"], "queued");
        assert_eq!(queued["target"], "situs");
        assert_eq!(queued["remote_status"], "future");
        assert_eq!(queued["publish_at"], "2030-01-02T03:04:05Z");
        let list = invoke(&window, "list_outbox", json!({})).unwrap();
        let rows = list.as_array().unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0]["id"], queued["id"]);
        assert_eq!(rows[0]["article_id"], article.to_string());
    }

    #[test]
    fn a_saved_target_keeps_its_secret_in_the_os_keyring_only() {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "this test needs the OS keyring: run it through tests/keyring/session.sh \
             (cargo xtask test does)"
        );
        let (_app, window, _) = app();
        let name = format!("redaksi-ipc-test-{}", Uuid::new_v4());
        let secret = "abcd efgh ijkl mnop";
        let saved = invoke(
            &window,
            "save_target",
            json!({ "name": name, "kind": "wordpress", "url": "http://127.0.0.1:1",
                    "username": "editor", "secret": secret }),
        )
        .unwrap();
        assert_eq!(saved["name"], name.as_str());
        assert!(!saved.to_string().contains(secret), "{saved}");
        let listed = invoke(&window, "list_targets", json!({})).unwrap();
        assert!(!listed.to_string().contains(secret), "{listed}");
        assert!(
            listed
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["name"] == name.as_str())
        );
        assert_eq!(Keyring.get(&name).unwrap().expose(), secret);

        invoke(&window, "remove_target", json!({ "name": name })).unwrap();
        assert!(Keyring.get(&name).is_err(), "the secret left the keyring");
        let err = invoke(&window, "remove_target", json!({ "name": name })).unwrap_err();
        assert_eq!(err["code"], "not_found", "{err}");
    }

    #[test]
    fn a_wordpress_target_without_a_user_is_refused_and_nothing_is_kept() {
        let (_app, window, _) = app();
        let err = invoke(
            &window,
            "save_target",
            json!({ "name": "tanpa-user", "kind": "wordpress", "url": "http://127.0.0.1:1",
                    "username": null, "secret": "x" }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "invalid_input", "{err}");
        let listed = invoke(&window, "list_targets", json!({})).unwrap();
        assert!(!listed.to_string().contains("tanpa-user"), "{listed}");
    }

    #[test]
    fn list_targets_shows_the_account_without_a_secret() {
        let (_app, window, _) = app();
        let targets = invoke(&window, "list_targets", json!({})).unwrap();
        assert_eq!(
            targets,
            json!([{ "name": "situs", "kind": "wordpress", "url": "http://127.0.0.1:1",
                     "username": "admin" }])
        );
    }

    #[test]
    fn a_bad_request_is_refused_before_anything_is_queued() {
        let (_app, window, article) = app();
        let err = invoke(
            &window,
            "enqueue_publish",
            json!({ "articleId": article, "target": "situs", "status": "future" }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "invalid_input", "{err}");
        let err = invoke(
            &window,
            "enqueue_publish",
            json!({ "articleId": article, "target": "tidak-ada", "status": "draft" }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "invalid_input", "{err}");
        assert!(
            err["message"].as_str().unwrap().contains("tidak-ada"),
            "{err}"
        );
        assert_eq!(
            invoke(&window, "list_outbox", json!({})).unwrap(),
            json!([])
        );
    }

    #[test]
    fn retry_of_an_unknown_row_is_a_clear_error() {
        let (_app, window, _) = app();
        let err = invoke(
            &window,
            "retry_outbox",
            json!({ "id": 999, "overwrite": false, "confirm": false }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "invalid_input", "{err}");
        assert!(
            err["message"].as_str().unwrap().contains("999"),
            "the message names the row: {err}"
        );
    }

    #[test]
    fn retry_carries_the_overwrite_and_confirm_answers() {
        let (_app, window, article) = app();
        let queued = invoke(
            &window,
            "enqueue_publish",
            json!({ "articleId": article, "target": "situs", "status": "draft" }),
        )
        .unwrap();
        let retried = invoke(
            &window,
            "retry_outbox",
            json!({ "id": queued["id"], "overwrite": true, "confirm": false }),
        )
        .unwrap();
        assert_eq!(retried["state"], "queued");
        assert_eq!(retried["overwrite"], true);
        assert_eq!(retried["confirmed"], false);
    }

    #[test]
    fn the_ui_cannot_forge_the_workers_progress_event() {
        let (_app, window, _) = app();
        let err = invoke(
            &window,
            "plugin:event|emit",
            json!({ "event": "outbox-progress", "payload": {} }),
        )
        .unwrap_err();
        assert!(err.to_string().contains("not allowed"), "{err}");
    }
}
