//! Redaksi's desktop shell: a window onto the same library crates the CLI uses.
//!
//! The shell owns nothing but wiring: it opens the draft store on its own thread
//! ([`state`]), exposes thin commands over `redaksi-desk` ([`commands`]), and embeds the web UI
//! from `ui/dist`. Any logic worth testing lives in the crates; the CLI calls the same desk.
//! Modules depend one way: `main` → `commands` → `state`, `error`.

// A release build on Windows must not open a console next to the window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;
#[cfg(test)]
mod ipc_test;
mod navigation;
mod state;

use std::path::PathBuf;

use tauri::{Runtime, WebviewWindowBuilder};

/// Opens the main window (tauri.conf.json describes it with `create: false`) with the webview's
/// storage (the UI preferences) inside Redaksi's data folder, so one folder holds everything:
/// deleting it resets the app, and tests with their own `REDAKSI_DATA_DIR` start clean.
fn open_main_window<R: Runtime>(
    app: &tauri::App<R>,
    data_dir: Option<PathBuf>,
) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == "main")
        .cloned()
        .ok_or_else(|| tauri::Error::WindowNotFound)?;
    let mut window = WebviewWindowBuilder::from_config(app.handle(), &config)?
        .on_navigation(navigation::stays_in_app);
    if let Some(dir) = data_dir {
        window = window.data_directory(dir.join("webview"));
    }
    window.build()?;
    Ok(())
}

fn main() {
    let data_dir = redaksi_store::data_dir();
    let from_env = std::env::var_os(redaksi_store::DATA_DIR_ENV).is_some_and(|dir| !dir.is_empty());
    let state = state::AppState::open(data_dir.as_deref())
        .with_location(redaksi_store::config_dir(), from_env);
    let webview_dir = data_dir.ok();
    let app = commands::register(tauri::Builder::default(), state)
        // Links in the preview open in the system browser, never in the app's window.
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                commands::outbox::start_worker(&handle).await;
                // Before the UI asks: the folder chosen last time is mirrored again.
                let _ =
                    tauri::async_runtime::spawn_blocking(move || commands::mirror::resume(&handle))
                        .await;
            });
            Ok(open_main_window(app, webview_dir.clone())?)
        })
        .run(tauri::generate_context!());
    if let Err(err) = app {
        eprintln!("Redaksi could not start / Redaksi tidak bisa dijalankan: {err}");
        std::process::exit(1);
    }
}
