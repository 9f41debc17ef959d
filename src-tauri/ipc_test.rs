//! The IPC contract tests' harness: the app with its real config and capabilities on Tauri's
//! mock runtime, and requests sent the way the UI sends them.

use redaksi_store::Store;
use redaksi_store::outbox::Target;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

use crate::commands::register;
use crate::state::AppState;

pub fn app_with(state: AppState) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = register(mock_builder(), state)
        .build(tauri::generate_context!(test = true))
        .expect("the app builds on the mock runtime");
    let window = match app.get_webview_window("main") {
        Some(window) => window,
        None => WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("the main window opens"),
    };
    (app, window)
}

pub fn app_on(store: Store) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    app_with(AppState::with_store(store))
}

/// Sends one IPC request from the app's own origin.
pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // On Linux `http://tauri.localhost` counts as a remote origin and is refused.
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.into(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

/// An in-memory store with the WordPress account `situs` on a port nothing answers on.
pub fn store_with_target() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store
        .put_target(&Target {
            name: "situs".into(),
            kind: "wordpress".into(),
            url: "http://127.0.0.1:1".into(),
            username: Some("admin".into()),
        })
        .unwrap();
    store
}
