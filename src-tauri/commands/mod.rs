//! The IPC commands, one module per group. Each command parses its arguments, makes one call
//! into `redaksi-desk` (or the store) on the store's thread or a blocking worker, and returns
//! the answer or a `redaksi_desk::Error`. No module here imports this one.

pub mod archive;
pub mod articles;
pub mod backup;
pub mod data;
pub mod desk;
pub mod mirror;
pub mod outbox;
pub mod publish;
pub mod site;

use tauri::Runtime;

use crate::state::AppState;

/// Adds the state and the commands to `builder`: the real one in `main`, the mock runtime's
/// in tests. The list matches `COMMANDS` in build.rs, which makes their permissions.
pub fn register<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            articles::create_article,
            articles::list_articles,
            articles::get_article,
            articles::save_article,
            articles::delete_article,
            articles::render_preview,
            desk::analyze_article,
            desk::dashboard_rows,
            desk::set_status,
            desk::name_version,
            desk::check_rules_file,
            archive::save_article_as,
            archive::list_revisions,
            archive::get_revision,
            archive::diff_revisions,
            archive::restore_revision,
            archive::list_trash,
            archive::restore_from_trash,
            archive::set_score,
            archive::import_media,
            archive::backup_now,
            archive::list_backups,
            archive::run_maintenance,
            archive::import_markdown,
            backup::store_status,
            backup::restore_backup,
            data::move_data_folder,
            data::restart_app,
            mirror::start_mirror,
            mirror::stop_mirror,
            mirror::mirror_status,
            outbox::enqueue_publish,
            outbox::list_outbox,
            outbox::retry_outbox,
            outbox::list_targets,
            outbox::save_target,
            outbox::remove_target,
            publish::preview_payload,
            publish::export_article,
            publish::outbox_conflict,
            publish::keep_remote,
            site::site_audit,
            site::site_report,
        ])
}
