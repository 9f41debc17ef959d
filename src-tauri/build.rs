//! Generates the app's context and, from the command list below, one `allow-<command>`
//! permission per command, so that capabilities/ can grant the window exactly those commands.

const COMMANDS: &[&str] = &[
    "create_article",
    "list_articles",
    "get_article",
    "save_article",
    "delete_article",
    "render_preview",
    // The editor's desk (src-tauri/commands/desk.rs).
    "analyze_article",
    "dashboard_rows",
    "set_status",
    "name_version",
    // The newsroom's own scoring rules file (src-tauri/commands/desk.rs).
    "check_rules_file",
    // The archive commands (src-tauri/commands/archive.rs). The history view and Ctrl+S use
    // save_article_as and the revision commands; the rest wait for the trash, backup and import
    // screens (later UI slices) and are covered by IPC tests already.
    "save_article_as",
    "list_revisions",
    "get_revision",
    "diff_revisions",
    "restore_revision",
    "list_trash",
    "restore_from_trash",
    "set_score",
    "import_media",
    "backup_now",
    "list_backups",
    "run_maintenance",
    "import_markdown",
    // The store's health, restoring a backup, the folder mirror (commands/backup.rs,
    // commands/mirror.rs), used by the Data settings and the damaged-database notice.
    "store_status",
    "restore_backup",
    // Moving the data folder and restarting on it (src-tauri/commands/data.rs).
    "move_data_folder",
    "restart_app",
    "start_mirror",
    "stop_mirror",
    "mirror_status",
    // Publishing through the outbox (src-tauri/commands/outbox.rs).
    "enqueue_publish",
    "list_outbox",
    "retry_outbox",
    "list_targets",
    "save_target",
    "remove_target",
    // The publish dialog and the outbox list (src-tauri/commands/publish.rs).
    "preview_payload",
    "export_article",
    "outbox_conflict",
    "keep_remote",
    // The Site view: a WordPress site's audit and write-back (src-tauri/commands/site.rs).
    "site_audit",
    "site_report",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed: check tauri.conf.json, capabilities/ and icons/");
}
