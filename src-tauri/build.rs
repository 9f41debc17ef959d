//! Generates the app's context and, from the command list below, one `allow-<command>`
//! permission per command, so that capabilities/ can grant the window exactly those commands.

const COMMANDS: &[&str] = &[
    "create_article",
    "list_articles",
    "get_article",
    "save_article",
    "delete_article",
    "render_preview",
    // The editor's desk (src-tauri/desk.rs).
    "analyze_article",
    "record_score",
    "dashboard_rows",
    "set_status",
    "save_revision",
    "list_revisions",
    "diff_revisions",
    "restore_revision",
    "name_version",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed: check tauri.conf.json, capabilities/ and icons/");
}
