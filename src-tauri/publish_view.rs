//! What the publish dialog and the outbox list need beyond the outbox commands: the exact
//! payload before it leaves, file exports into the export folder, and both sides of a
//! conflict. Every HTML that reaches the window here has been through the article crate's
//! sanitiser, the remote post's included.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use redaksi_article::{Article, Status, front_matter, render};
use redaksi_publish::preview::preview;
use redaksi_publish::{Dropped, ExportContext, Format, PublishError, export, payload};
use redaksi_store::StoreError;
use serde::Serialize;
use serde_json::Value;
use tauri::State;
use uuid::Uuid;

use crate::commands::AppState;
use crate::error::IpcError;

/// What `preview_payload` shows: the text that will be sent or written, byte for byte.
#[derive(Debug, Serialize)]
pub struct PayloadView {
    /// `wordpress`, `ghost`, `html`, `md` or `ninjs`.
    kind: String,
    content: String,
    /// CMS values the site fills in at send time.
    pending: Vec<String>,
    /// Fields a file format cannot hold.
    dropped: Vec<Dropped>,
}

fn invalid(message: String) -> IpcError {
    IpcError {
        code: "invalid_input".into(),
        message,
    }
}

fn parse_format(format: &str) -> Result<Format, IpcError> {
    format
        .parse()
        .map_err(|e: redaksi_publish::export::UnknownFormat| invalid(e.to_string()))
}

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
) -> Result<PayloadView, IpcError> {
    match (target, format) {
        (Some(target), None) => {
            let name = target.clone();
            let (article, found) = state
                .call(move |s| Ok((s.get_article(article_id)?, s.get_target(&name)?)))
                .await?;
            let found = found.ok_or_else(|| IpcError {
                code: "not_found".into(),
                message: format!("no target named {target:?}"),
            })?;
            let built = preview(&article, &found.kind, &target, &status, publish_at)?;
            let content = serde_json::to_string_pretty(&built.payload)
                .map_err(|e| invalid(format!("the payload could not be shown: {e}")))?;
            Ok(PayloadView {
                kind: built.kind.to_string(),
                content,
                pending: built.pending,
                dropped: Vec::new(),
            })
        }
        (None, Some(format)) => {
            let format = parse_format(&format)?;
            let (article, ctx) = state
                .call(move |s| article_for_export(s, article_id))
                .await?;
            let done = export(&article, format, &ctx);
            Ok(PayloadView {
                kind: format.as_str().into(),
                content: done.content,
                pending: Vec::new(),
                dropped: done.dropped,
            })
        }
        _ => Err(invalid("choose either a target or a file format".into())),
    }
}

fn article_for_export(
    store: &mut redaksi_store::Store,
    id: Uuid,
) -> Result<(Article, ExportContext), StoreError> {
    let article = store.get_article(id)?;
    // ninjs carries the revision as its version, as `redaksi export` does.
    let revision = store.list_revisions(id)?.first().map(|r| r.id as u64);
    Ok((article, ExportContext { revision }))
}

/// Where an export went.
#[derive(Debug, Serialize)]
pub struct Exported {
    path: PathBuf,
    dropped: Vec<Dropped>,
}

/// Writes the article as `format` into `folder` (the export folder set in Settings), or into
/// `exports` in the data folder. The file is named after the slug; exporting again replaces it.
#[tauri::command]
pub async fn export_article(
    state: State<'_, AppState>,
    article_id: Uuid,
    format: String,
    folder: Option<String>,
) -> Result<Exported, IpcError> {
    let format = parse_format(&format)?;
    let (article, ctx, data_dir) = state
        .call(move |s| {
            let (article, ctx) = article_for_export(s, article_id)?;
            Ok((article, ctx, s.data_dir().map(|d| d.to_path_buf())))
        })
        .await?;
    let folder = match folder.filter(|f| !f.trim().is_empty()) {
        Some(folder) => {
            let folder = PathBuf::from(folder.trim());
            if !folder.is_absolute() || !folder.is_dir() {
                return Err(invalid(format!(
                    "the export folder {} is not an existing folder (give a full path)",
                    folder.display()
                )));
            }
            folder
        }
        None => data_dir
            .ok_or_else(|| invalid("there is no data folder to export into".into()))?
            .join("exports"),
    };
    let done = export(&article, format, &ctx);
    let path = folder.join(format!(
        "{}.{}",
        file_stem(&payload::slug(&article)),
        format.extension()
    ));
    let written = path.clone();
    tauri::async_runtime::spawn_blocking(move || {
        std::fs::create_dir_all(&folder)?;
        std::fs::write(&written, done.content)
    })
    .await
    .map_err(|e| IpcError {
        code: "internal".into(),
        message: e.to_string(),
    })?
    .map_err(|e| IpcError {
        code: "io".into(),
        message: format!("{}: {e}", path.display()),
    })?;
    Ok(Exported {
        path,
        dropped: done.dropped,
    })
}

/// A slug as a file name: a slug the reporter typed may hold `/` or `..`.
fn file_stem(slug: &str) -> String {
    let stem: String = slug
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "article".into()
    } else {
        stem.into()
    }
}

/// Both sides of a conflict, for the side-by-side view.
#[derive(Debug, Serialize)]
pub struct ConflictView {
    id: i64,
    target: String,
    local_title: String,
    local_html: String,
    remote_title: Option<String>,
    remote_html: String,
    remote_modified: Option<String>,
    remote_url: Option<String>,
}

/// The local text the row was asked to send, and the CMS's version found instead.
#[tauri::command]
pub async fn outbox_conflict(
    state: State<'_, AppState>,
    id: i64,
) -> Result<ConflictView, IpcError> {
    let item = state.call(move |s| s.outbox_get(id)).await?;
    let local = snapshot_article(id, &item.snapshot)?;
    let remote: Value = item
        .remote_copy
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| {
            invalid(format!(
                "outbox item {id}: the remote copy is unreadable: {e}"
            ))
        })?
        .ok_or_else(|| {
            invalid(format!(
                "outbox item {id} is {} without a remote copy",
                item.state
            ))
        })?;
    let text = |key: &str| remote[key].as_str().map(str::to_owned);
    // WordPress gives `content`/`modified_gmt`/`link`, Ghost `html`/`updated_at`/`url`.
    let remote_html = text("content").or_else(|| text("html")).unwrap_or_default();
    Ok(ConflictView {
        id,
        target: item.target,
        local_html: render::to_safe_html(&local.body),
        local_title: local.title,
        remote_title: text("title"),
        remote_html: render::sanitize(&remote_html),
        remote_modified: text("modified_gmt").or_else(|| text("updated_at")),
        remote_url: text("link").or_else(|| text("url")),
    })
}

fn snapshot_article(id: i64, snapshot: &str) -> Result<Article, IpcError> {
    front_matter::parse(snapshot, Utc::now()).map_err(|e| {
        IpcError::from(PublishError::Invalid(format!(
            "outbox item {id}: the stored text is unreadable: {e}"
        )))
    })
}

/// Answers a conflict with "keep the CMS's version": the local text becomes a new draft
/// (`copy_title`, in the user's language), and only then the row leaves the outbox.
#[tauri::command]
pub async fn keep_remote(
    state: State<'_, AppState>,
    id: i64,
    copy_title: String,
) -> Result<Article, IpcError> {
    let item = state.call(move |s| s.outbox_get(id)).await?;
    let local = snapshot_article(id, &item.snapshot)?;
    state
        .call(move |s| {
            let mut copy = Article::new(&copy_title, &local.body, Utc::now());
            copy.meta = local.meta;
            // The copy is a new draft; the original keeps its place in the CMS.
            copy.meta.slug = None;
            copy.meta.publish_at = None;
            copy.meta.status = Status::Draft;
            let saved = s.save_article(&copy)?;
            s.outbox_dismiss(id)?;
            Ok(saved)
        })
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
    fn the_preview_is_the_sanitised_post_for_a_target() {
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
        assert!(!content.contains("<script"), "{content}");
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

    #[rstest::rstest]
    #[case("../../etc/passwd", "etc-passwd")]
    #[case("berita-hari-ini", "berita-hari-ini")]
    #[case("///", "article")]
    fn a_slug_never_leaves_the_export_folder(#[case] slug: &str, #[case] stem: &str) {
        assert_eq!(super::file_stem(slug), stem);
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
