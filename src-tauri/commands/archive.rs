//! The archive side of the store (issue #5): saves that leave a revision, history with diffs
//! and restore, trash, scores, media, backups and Markdown import.

use std::path::PathBuf;

use redaksi_article::Article;
use redaksi_desk::Error;
use redaksi_desk::archive::{self, ImportResult, SaveReason, TrashItem};
use redaksi_desk::editing::{self, Saved};
use redaksi_store::{
    BackupInfo, Maintenance, MediaRef, RevisionDiff, RevisionInfo, SaveKind, Version,
};
use tauri::State;
use uuid::Uuid;

use crate::state::AppState;

#[tauri::command]
pub async fn save_article_as(
    state: State<'_, AppState>,
    article: Article,
    base: Option<Article>,
    reason: SaveReason,
) -> Result<Saved, Error> {
    let kind = SaveKind::from(reason);
    state
        .call_edit(move |store| editing::save(store, &article, base.as_ref(), kind))
        .await
}

#[tauri::command]
pub async fn list_revisions(
    state: State<'_, AppState>,
    id: Uuid,
) -> Result<Vec<RevisionInfo>, Error> {
    state.call(move |store| store.list_revisions(id)).await
}

#[tauri::command]
pub async fn get_revision(
    state: State<'_, AppState>,
    id: Uuid,
    revision: i64,
) -> Result<Article, Error> {
    state
        .call(move |store| store.get_revision(id, revision))
        .await
}

/// `from`/`to` are revision ids; leaving one out means the article as it is now.
#[tauri::command]
pub async fn diff_revisions(
    state: State<'_, AppState>,
    id: Uuid,
    from: Option<i64>,
    to: Option<i64>,
) -> Result<RevisionDiff, Error> {
    let version = |rev: Option<i64>| rev.map_or(Version::Current, Version::Revision);
    state
        .call(move |store| store.diff(id, version(from), version(to)))
        .await
}

#[tauri::command]
pub async fn restore_revision(
    state: State<'_, AppState>,
    id: Uuid,
    revision: i64,
) -> Result<Article, Error> {
    state
        .call_saving(move |store| store.restore_revision(id, revision))
        .await
}

#[tauri::command]
pub async fn list_trash(state: State<'_, AppState>) -> Result<Vec<TrashItem>, Error> {
    state.call(|store| archive::trash(store)).await
}

#[tauri::command]
pub async fn restore_from_trash(state: State<'_, AppState>, id: Uuid) -> Result<(), Error> {
    state
        .call(move |store| store.restore_from_trash(id))
        .await?;
    state.mirror_saved(vec![id]).await;
    Ok(())
}

#[tauri::command]
pub async fn set_score(
    state: State<'_, AppState>,
    id: Uuid,
    score: Option<u8>,
) -> Result<(), Error> {
    state.call(move |store| store.set_score(id, score)).await
}

#[tauri::command]
pub async fn import_media(
    state: State<'_, AppState>,
    id: Uuid,
    path: PathBuf,
) -> Result<MediaRef, Error> {
    state.call(move |store| store.import_media(id, &path)).await
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo, Error> {
    state.call(|store| store.backup_now()).await
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, Error> {
    state.call(|store| archive::backups(store)).await
}

#[tauri::command]
pub async fn run_maintenance(state: State<'_, AppState>) -> Result<Maintenance, Error> {
    state.call(|store| store.maintenance()).await
}

/// Imports `.md` files or folders; each file is all or nothing, failures come back by file.
#[tauri::command]
pub async fn import_markdown(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
) -> Result<ImportResult, Error> {
    let result = state
        .call(move |store| archive::import_markdown(store, &paths))
        .await?;
    state
        .mirror_saved(result.imported.iter().map(|i| i.id).collect())
        .await;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use redaksi_store::Store;
    use serde_json::{Value, json};
    use tauri::WebviewWindow;
    use tauri::test::MockRuntime;

    use crate::ipc_test::{app_on, invoke};

    fn create(window: &WebviewWindow<MockRuntime>, title: &str, body: &str) -> Value {
        invoke(
            window,
            "create_article",
            json!({ "title": title, "body": body }),
        )
        .unwrap()
    }

    #[test]
    fn a_score_is_kept_for_the_dashboard_and_out_of_range_is_refused() {
        let (_app, window) = app_on(Store::open_in_memory().unwrap());
        let banjir = create(&window, "Banjir", "Hujan deras di Jakarta.");
        create(&window, "Kafé", "Kopi enak.");
        invoke(
            &window,
            "set_score",
            json!({ "id": banjir["id"], "score": 90 }),
        )
        .unwrap();
        let high = invoke(
            &window,
            "dashboard_rows",
            json!({ "filter": { "band": "good" } }),
        )
        .unwrap();
        assert_eq!(high.as_array().unwrap().len(), 1);
        assert_eq!(high[0]["id"], banjir["id"]);
        assert_eq!(high[0]["score"], 90);

        let err = invoke(
            &window,
            "set_score",
            json!({ "id": banjir["id"], "score": 101 }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "invalid_input");
    }

    #[test]
    fn history_diff_and_restore_over_ipc() {
        let (_app, window) = app_on(Store::open_in_memory().unwrap());
        let article = create(&window, "Gempa", "Gempa kuat terasa.");
        let mut edited = article.clone();
        edited["body"] = json!("Gempa lemah terasa.");
        invoke(
            &window,
            "save_article_as",
            json!({ "article": edited, "reason": { "kind": "named", "name": "versi dua" } }),
        )
        .unwrap();
        let history = invoke(&window, "list_revisions", json!({ "id": article["id"] })).unwrap();
        let history = history.as_array().unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[0]["kind"], "named");
        assert_eq!(history[0]["name"], "versi dua");
        let first = history[1]["id"].clone();

        let diff = invoke(
            &window,
            "diff_revisions",
            json!({ "id": article["id"], "from": first }),
        )
        .unwrap();
        let changed: Vec<_> = diff["body"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["op"] != "equal")
            .map(|c| (c["op"].clone(), c["text"].clone()))
            .collect();
        assert_eq!(
            changed,
            [
                (json!("delete"), json!("kuat")),
                (json!("insert"), json!("lemah"))
            ]
        );

        let restored = invoke(
            &window,
            "restore_revision",
            json!({ "id": article["id"], "revision": first }),
        )
        .unwrap();
        assert_eq!(restored["body"], "Gempa kuat terasa.");
        let history = invoke(&window, "list_revisions", json!({ "id": article["id"] })).unwrap();
        assert_eq!(history.as_array().unwrap().len(), 4);

        let err = invoke(
            &window,
            "restore_revision",
            json!({ "id": article["id"], "revision": 9999 }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "revision_not_found");
    }

    #[test]
    fn trash_backups_and_import_over_ipc() {
        let data = tempfile::tempdir().unwrap();
        let (_app, window) = app_on(Store::open(data.path()).unwrap());
        let article = create(&window, "Hapus", "x");
        invoke(&window, "delete_article", json!({ "id": article["id"] })).unwrap();
        let trash = invoke(&window, "list_trash", json!({})).unwrap();
        assert_eq!(trash[0]["article"]["id"], article["id"]);
        assert!(trash[0]["deleted_at"].is_string());
        invoke(
            &window,
            "restore_from_trash",
            json!({ "id": article["id"] }),
        )
        .unwrap();
        assert_eq!(invoke(&window, "list_trash", json!({})).unwrap(), json!([]));

        let backup = invoke(&window, "backup_now", json!({})).unwrap();
        let listed = invoke(&window, "list_backups", json!({})).unwrap();
        assert_eq!(listed[0]["name"], backup["name"]);

        let src = tempfile::tempdir().unwrap();
        std::fs::write(src.path().join("a.md"), "---\ntitle: Impor\n---\nisi\n").unwrap();
        std::fs::write(src.path().join("b.md"), b"---\ntitle: x\n---\n\xff\n").unwrap();
        let result = invoke(&window, "import_markdown", json!({ "paths": [src.path()] })).unwrap();
        assert_eq!(result["imported"].as_array().unwrap().len(), 1);
        assert_eq!(result["failed"][0]["code"], "malformed_file");
        assert_eq!(result["failed"][0]["line"], 4);
        assert!(
            result["failed"][0]["message"]
                .as_str()
                .unwrap()
                .contains("b.md")
        );

        let report = invoke(&window, "run_maintenance", json!({})).unwrap();
        assert_eq!(report["purged_articles"], 0);
    }
}
