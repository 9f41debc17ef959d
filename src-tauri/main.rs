//! Redaksi's desktop shell: a window onto the same library crates the CLI uses.
//!
//! The shell owns nothing but wiring: it opens the draft store on its own thread, exposes thin
//! commands over it, and embeds the web UI from `ui/dist`. Any logic worth testing lives in
//! the crates (`redaksi-article`, `redaksi-store`, …).

// A release build on Windows must not open a console next to the window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod desk;
mod error;
mod store_commands;

fn main() {
    let app = commands::register(tauri::Builder::default(), commands::AppState::open())
        .run(tauri::generate_context!());
    if let Err(err) = app {
        eprintln!("Redaksi could not start / Redaksi tidak bisa dijalankan: {err}");
        std::process::exit(1);
    }
}
