//! The editor's article commands: create, list, open, save, delete, and the preview pane.

use redaksi_article::Article;
use redaksi_desk::Error;
use redaksi_desk::editing::{self, Saved};
use redaksi_store::{ArticleSummary, SaveKind};
use tauri::State;
use uuid::Uuid;

use crate::state::AppState;

#[tauri::command]
pub async fn create_article(
    state: State<'_, AppState>,
    title: String,
    body: String,
) -> Result<Article, Error> {
    state
        .call_saving(move |store| store.create_article(&title, &body))
        .await
}

#[tauri::command]
pub async fn list_articles(state: State<'_, AppState>) -> Result<Vec<ArticleSummary>, Error> {
    state.call(|store| store.list_articles()).await
}

#[tauri::command]
pub async fn get_article(state: State<'_, AppState>, id: Uuid) -> Result<Article, Error> {
    state.call(move |store| store.get_article(id)).await
}

/// The autosave. `base`: the article as the editor loaded it (or last saved it); with it, a
/// change made elsewhere meanwhile is merged instead of refused (see `redaksi_desk::editing`).
#[tauri::command]
pub async fn save_article(
    state: State<'_, AppState>,
    article: Article,
    base: Option<Article>,
) -> Result<Saved, Error> {
    state
        .call_edit(move |store| editing::save(store, &article, base.as_ref(), SaveKind::Autosave))
        .await
}

#[tauri::command]
pub async fn delete_article(state: State<'_, AppState>, id: Uuid) -> Result<(), Error> {
    state.call(move |store| store.delete_article(id)).await
}

/// The preview pane's HTML: the same dialect and sanitiser as export. Async so that rendering
/// a long article never runs on the main thread.
#[tauri::command]
pub async fn render_preview(markdown: String) -> String {
    redaksi_article::render::to_safe_html(&markdown)
}

#[cfg(test)]
mod tests {
    use redaksi_desk::{Code, Error};
    use redaksi_store::Store;
    use rstest::rstest;
    use serde_json::{Value, json};
    use tauri::test::MockRuntime;
    use tauri::{App, WebviewWindow};

    use crate::ipc_test::{app_with, invoke};
    use crate::state::AppState;

    fn app() -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
        app_with(AppState::with_store(Store::open_in_memory().unwrap()))
    }

    #[test]
    fn create_then_get_returns_the_article_in_the_ui_shape() {
        let (_app, window) = app();
        let created = invoke(
            &window,
            "create_article",
            json!({ "title": "Banjir", "body": "Hujan deras." }),
        )
        .unwrap();
        for field in ["id", "title", "body", "created_at", "updated_at", "meta"] {
            assert!(created.get(field).is_some(), "{field} missing in {created}");
        }
        let fetched = invoke(&window, "get_article", json!({ "id": created["id"] })).unwrap();
        assert_eq!(fetched["title"], "Banjir");
        assert_eq!(fetched["body"], "Hujan deras.");
    }

    #[test]
    fn save_stores_the_edit_and_list_puts_it_first() {
        let (_app, window) = app();
        let older = invoke(
            &window,
            "create_article",
            json!({ "title": "Lama", "body": "" }),
        )
        .unwrap();
        let newer = invoke(
            &window,
            "create_article",
            json!({ "title": "Baru", "body": "" }),
        )
        .unwrap();

        let mut edited = older.clone();
        edited["title"] = json!("Lama, disunting");
        edited["body"] = json!("Isi baru.");
        let saved = invoke(&window, "save_article", json!({ "article": edited })).unwrap();
        assert_eq!(saved["body"], "Isi baru.");

        let list = invoke(&window, "list_articles", json!({})).unwrap();
        let ids: Vec<&Value> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|row| &row["id"])
            .collect();
        assert_eq!(
            ids,
            [&older["id"], &newer["id"]],
            "most recently saved first"
        );
        assert_eq!(list[0]["title"], "Lama, disunting");
        assert!(list[0]["updated_at"].is_string());
    }

    #[test]
    fn delete_removes_the_article_from_the_list() {
        let (_app, window) = app();
        let article = invoke(
            &window,
            "create_article",
            json!({ "title": "Hapus", "body": "" }),
        )
        .unwrap();
        assert_eq!(
            invoke(&window, "delete_article", json!({ "id": article["id"] })),
            Ok(Value::Null)
        );
        let list = invoke(&window, "list_articles", json!({})).unwrap();
        assert_eq!(list, json!([]));
    }

    #[rstest]
    #[case::get("get_article", json!({ "id": "6f1c2d1e-8a53-4b1e-9f51-2f0a4b0c1d2e" }))]
    #[case::delete("delete_article", json!({ "id": "6f1c2d1e-8a53-4b1e-9f51-2f0a4b0c1d2e" }))]
    fn a_missing_article_is_a_not_found_error(#[case] cmd: &str, #[case] args: Value) {
        let (_app, window) = app();
        let err = invoke(&window, cmd, args).unwrap_err();
        assert_eq!(err["code"], "not_found", "{err}");
        assert!(
            err["message"].as_str().unwrap().contains("6f1c2d1e"),
            "{err}"
        );
    }

    #[test]
    fn a_store_that_did_not_open_answers_every_command_with_its_reason() {
        let reason = Error::new(Code::NewerDatabase, "written by a newer Redaksi");
        let (_app, window) = app_with(AppState::failed(reason));
        let err = invoke(&window, "list_articles", json!({})).unwrap_err();
        assert_eq!(
            err,
            json!({ "code": "newer_database", "message": "written by a newer Redaksi" })
        );
    }

    #[test]
    fn preview_is_sanitised_html() {
        let (_app, window) = app();
        let html = invoke(
            &window,
            "render_preview",
            json!({
                "markdown": "# Judul\n\n<script>alert(1)</script>\n\n[tautan](javascript:alert(1))"
            }),
        )
        .unwrap();
        let html = html.as_str().unwrap();
        assert!(html.contains("<h1>Judul</h1>"), "{html}");
        assert!(html.contains("tautan"), "the link text stays: {html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
    }

    #[test]
    fn a_command_the_capability_does_not_grant_is_refused() {
        let (_app, window) = app();
        let err = invoke(&window, "plugin:window|close", json!({})).unwrap_err();
        assert!(err.to_string().contains("not allowed"), "{err}");
    }

    #[test]
    fn a_malformed_argument_is_an_error_not_a_panic() {
        let (_app, window) = app();
        let err = invoke(&window, "get_article", json!({ "id": "not-a-uuid" })).unwrap_err();
        assert!(err.to_string().contains("id"), "{err}");
    }

    /// Issue 10: a bulk status change (or the mirror, or the CLI) saved the open article; the
    /// editor's next save, based on the older version, must not put the old status back.
    #[test]
    fn a_save_based_on_an_older_version_merges_or_is_refused_but_never_overwrites() {
        let (_app, window) = app();
        let loaded = invoke(
            &window,
            "create_article",
            json!({ "title": "Rapat", "body": "versi awal" }),
        )
        .unwrap();
        invoke(
            &window,
            "set_status",
            json!({ "ids": [loaded["id"]], "status": "in_review" }),
        )
        .unwrap();
        let mut typed = loaded.clone();
        typed["body"] = json!("versi awal, diketik");

        let err = invoke(&window, "save_article", json!({ "article": typed })).unwrap_err();
        assert_eq!(err["code"], "stale", "{err}");
        let now = invoke(&window, "get_article", json!({ "id": loaded["id"] })).unwrap();
        assert_eq!(now["body"], "versi awal");
        assert_eq!(now["meta"]["status"], "in_review");

        let saved = invoke(
            &window,
            "save_article",
            json!({ "article": typed, "base": loaded }),
        )
        .unwrap();
        assert_eq!(saved["merged"], true);
        assert_eq!(saved["body"], "versi awal, diketik");
        assert_eq!(saved["meta"]["status"], "in_review", "{saved}");
    }

    #[test]
    fn a_second_app_on_the_same_data_folder_is_refused_with_the_reason() {
        let data = tempfile::tempdir().unwrap();
        let (_first, first) = app_with(AppState::open(Ok(data.path())));
        let (_second, second) = app_with(AppState::open(Ok(data.path())));
        let err = invoke(&second, "list_articles", json!({})).unwrap_err();
        assert_eq!(err["code"], "already_open", "{err}");
        assert!(invoke(&first, "list_articles", json!({})).is_ok());
    }
}
