//! What the publish dialog and the outbox list need beyond the outbox commands: the exact
//! payload before it leaves, file exports into the export folder, and both sides of a
//! conflict (`redaksi-desk`'s `export` and `conflict`).

use chrono::{DateTime, Utc};
use redaksi_article::Article;
use redaksi_desk::Error;
use redaksi_desk::conflict::{self, ConflictView};
use redaksi_desk::export::{self, Destination, Exported, PayloadView};
use tauri::State;
use uuid::Uuid;

use crate::state::AppState;

/// The payload for a CMS target (`target`) or a file format (`format`), from the stored
/// article: the UI saves before it asks.
#[tauri::command]
pub async fn preview_payload(
    state: State<'_, AppState>,
    article_id: Uuid,
    target: Option<String>,
    format: Option<String>,
    status: String,
    publish_at: Option<DateTime<Utc>>,
) -> Result<PayloadView, Error> {
    let to = Destination::of(target, format)?;
    state
        .call(move |s| export::payload_preview(s, article_id, &to, &status, publish_at))
        .await
}

/// Writes the article as `format` into `folder` (the export folder set in Settings), or into
/// `exports` in the data folder.
#[tauri::command]
pub async fn export_article(
    state: State<'_, AppState>,
    article_id: Uuid,
    format: String,
    folder: Option<String>,
) -> Result<Exported, Error> {
    let format = export::parse_format(&format)?;
    state
        .call(move |s| export::to_folder(s, article_id, format, folder.as_deref()))
        .await
}

/// The local text the row was asked to send, and the CMS's version found instead.
#[tauri::command]
pub async fn outbox_conflict(state: State<'_, AppState>, id: i64) -> Result<ConflictView, Error> {
    state.call(move |s| conflict::view(s, id)).await
}

/// Answers a conflict with "keep the CMS's version": the local text becomes a new draft.
#[tauri::command]
pub async fn keep_remote(
    state: State<'_, AppState>,
    id: i64,
    copy_title: String,
) -> Result<Article, Error> {
    state
        .call(move |s| conflict::keep_remote(s, id, &copy_title))
        .await
}

#[cfg(test)]
mod tests {
    use redaksi_store::Store;
    use redaksi_store::outbox::{OutboxState, Outcome};
    use serde_json::json;
    use std::time::Duration;

    use crate::ipc_test::{app_on, invoke, store_with_target};

    fn store() -> (Store, uuid::Uuid) {
        let mut store = store_with_target();
        let id = store
            .create_article("Banjir Rob", "Air **naik**.\n\n<script>alert(1)</script>")
            .unwrap()
            .id;
        (store, id)
    }

    #[test]
    fn the_preview_is_the_post_as_sent_to_a_target() {
        let (store, id) = store();
        let (_app, window) = app_on(store);
        let view = invoke(
            &window,
            "preview_payload",
            json!({ "articleId": id, "target": "situs", "status": "draft" }),
        )
        .unwrap();
        assert_eq!(view["kind"], "wordpress");
        let sent: serde_json::Value =
            serde_json::from_str(view["content"].as_str().unwrap()).unwrap();
        assert_eq!(sent["title"], "Banjir Rob");
        assert_eq!(sent["status"], "draft");
        let content = sent["content"].as_str().unwrap();
        assert!(content.contains("<strong>naik</strong>"), "{content}");
        // Raw HTML goes out as WordPress's own Custom HTML block, so the site applies the
        // account's `unfiltered_html` rule to it exactly as when it is typed in WordPress; the
        // app's own preview pane sanitises it (article::render).
        let html_block = content
            .find("<!-- wp:html -->")
            .expect("raw HTML travels in a Custom HTML block");
        let script = content
            .find("<script")
            .expect("the raw HTML is sent as written");
        assert!(script > html_block, "{content}");
    }

    #[test]
    fn the_preview_of_a_file_lists_what_the_format_drops() {
        let (store, id) = store();
        let (_app, window) = app_on(store);
        let view = invoke(
            &window,
            "preview_payload",
            json!({ "articleId": id, "format": "html", "status": "draft" }),
        )
        .unwrap();
        assert_eq!(view["kind"], "html");
        assert!(
            view["content"]
                .as_str()
                .unwrap()
                .starts_with("<!DOCTYPE html>")
        );
        assert!(view["dropped"].to_string().contains("status"), "{view}");
        let err = invoke(
            &window,
            "preview_payload",
            json!({ "articleId": id, "status": "draft" }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "invalid_input");
        let err = invoke(
            &window,
            "preview_payload",
            json!({ "articleId": id, "format": "pdf", "status": "draft" }),
        )
        .unwrap_err();
        assert!(err["message"].as_str().unwrap().contains("pdf"), "{err}");
    }

    #[test]
    fn export_writes_into_the_chosen_folder_and_refuses_a_relative_one() {
        let (store, id) = store();
        let (_app, window) = app_on(store);
        let dir = tempfile::tempdir().unwrap();
        let done = invoke(
            &window,
            "export_article",
            json!({ "articleId": id, "format": "md", "folder": dir.path() }),
        )
        .unwrap();
        let path = std::path::PathBuf::from(done["path"].as_str().unwrap());
        assert_eq!(path, dir.path().join("banjir-rob.md"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("---\n") && text.contains("Air **naik**."),
            "{text}"
        );
        let err = invoke(
            &window,
            "export_article",
            json!({ "articleId": id, "format": "md", "folder": "relatif/folder" }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "invalid_input", "{err}");
    }

    /// A row stopped at conflict, with WordPress's copy of the post.
    fn conflicted() -> (Store, uuid::Uuid, i64) {
        let (mut store, id) = store();
        let snapshot = redaksi_article::front_matter::write(&store.get_article(id).unwrap());
        let row = store
            .outbox_enqueue(id, "situs", &snapshot, "publish", None)
            .unwrap();
        store
            .outbox_claim_due("w", Duration::from_secs(60), 1)
            .unwrap();
        let remote = json!({ "title": "Banjir Rob (disunting)", "modified_gmt": "2026-11-26T09:00:00",
            "link": "http://wp/?p=7",
            "content": "<p>Versi redaktur</p><img src=x onerror=alert(1)><!-- redaksi:x -->" });
        store
            .outbox_finish(
                row.id,
                "w",
                OutboxState::Conflict,
                &Outcome {
                    error: Some("changed".into()),
                    remote_copy: Some(remote.to_string()),
                    ..Outcome::default()
                },
            )
            .unwrap();
        (store, id, row.id)
    }

    #[test]
    fn a_conflict_shows_both_sides_sanitised() {
        let (store, _, row) = conflicted();
        let (_app, window) = app_on(store);
        let view = invoke(&window, "outbox_conflict", json!({ "id": row })).unwrap();
        assert_eq!(view["remote_title"], "Banjir Rob (disunting)");
        assert_eq!(view["remote_modified"], "2026-11-26T09:00:00");
        let remote = view["remote_html"].as_str().unwrap();
        assert!(remote.contains("Versi redaktur"), "{remote}");
        assert!(!remote.contains("onerror"), "{remote}");
        let local = view["local_html"].as_str().unwrap();
        assert!(
            local.contains("<strong>naik</strong>") && !local.contains("<script"),
            "{local}"
        );
    }

    #[test]
    fn keeping_the_remote_copy_keeps_the_local_text_as_a_new_draft() {
        let (store, original, row) = conflicted();
        let (_app, window) = app_on(store);
        let copy = invoke(
            &window,
            "keep_remote",
            json!({ "id": row, "copyTitle": "Banjir Rob (salinan lokal)" }),
        )
        .unwrap();
        assert_ne!(copy["id"], original.to_string());
        assert_eq!(copy["title"], "Banjir Rob (salinan lokal)");
        assert_eq!(copy["meta"]["status"], "draft");
        assert!(
            copy["body"].as_str().unwrap().starts_with("Air **naik**."),
            "{copy}"
        );
        assert_eq!(
            invoke(&window, "list_outbox", json!({})).unwrap(),
            json!([])
        );
        let kept = invoke(&window, "get_article", json!({ "id": original })).unwrap();
        assert_eq!(kept["title"], "Banjir Rob", "the original is untouched");
    }
}
