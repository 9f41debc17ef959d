//! The editor's desk: live scoring, the newsroom's rules file, the editors' dashboard, bulk
//! status changes and naming a version. Each command is a door onto `redaksi-desk`; scoring
//! runs on a blocking worker so a keystroke's analysis never holds the main thread or the
//! store's thread.

use std::path::PathBuf;

use redaksi_article::{Article, Status};
use redaksi_desk::dashboard::{DashboardFilter, DashboardRow};
use redaksi_desk::rules::RulesCheck;
use redaksi_desk::score::{ReportView, Site};
use redaksi_desk::workflow::{self, StatusChange};
use redaksi_desk::{Error, score};
use redaksi_store::RevisionInfo;
use tauri::State;
use uuid::Uuid;

use crate::error::blocking;
use crate::state::AppState;

/// Live scoring. The UI sends every change; it drops answers older than its newest request.
/// `rules` is the path of the newsroom's rules file, when the settings name one.
#[tauri::command]
pub async fn analyze_article(
    state: State<'_, AppState>,
    article: Article,
    profile: String,
    lang: String,
    site: Site,
    rules: Option<PathBuf>,
) -> Result<ReportView, Error> {
    let cache = state.rules.clone();
    blocking(move || {
        let profile = score::profile_id(&profile)?;
        let rules = rules.map(|path| cache.profile(&path)).transpose()?;
        Ok(score::score(&article, profile, &site, rules)?.view(score::ui_lang(&lang)))
    })
    .await
}

/// Checks a rules file before the settings keep it.
#[tauri::command]
pub async fn check_rules_file(path: String) -> Result<RulesCheck, Error> {
    blocking(move || redaksi_desk::rules::check_file(&PathBuf::from(path.trim()))).await
}

#[tauri::command]
pub async fn dashboard_rows(
    state: State<'_, AppState>,
    filter: DashboardFilter,
) -> Result<Vec<DashboardRow>, Error> {
    state
        .call(move |store| redaksi_desk::dashboard::rows(store, &filter))
        .await
}

#[tauri::command]
pub async fn set_status(
    state: State<'_, AppState>,
    ids: Vec<Uuid>,
    status: Status,
) -> Result<Vec<StatusChange>, Error> {
    let changes = state
        .call(move |store| Ok::<_, Error>(workflow::change_status(store, &ids, status)))
        .await?;
    state.mirror_saved(workflow::changed(&changes)).await;
    Ok(changes)
}

#[tauri::command]
pub async fn name_version(
    state: State<'_, AppState>,
    id: Uuid,
    name: String,
) -> Result<RevisionInfo, Error> {
    state
        .call(move |store| workflow::name_version(store, id, &name))
        .await
}

#[cfg(test)]
mod tests {
    use redaksi_store::Store;
    use rstest::rstest;
    use serde_json::{Value, json};
    use tauri::test::MockRuntime;
    use tauri::{App, WebviewWindow};

    use std::path::Path;

    use crate::ipc_test::{app_on, invoke};

    fn app() -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
        app_on(Store::open_in_memory().unwrap())
    }

    /// Creates an article and saves it with `meta`; returns the stored article.
    fn article(window: &WebviewWindow<MockRuntime>, title: &str, body: &str, meta: Value) -> Value {
        let mut created = invoke(
            window,
            "create_article",
            json!({ "title": title, "body": body }),
        )
        .unwrap();
        created["meta"] = meta;
        invoke(window, "save_article", json!({ "article": created })).unwrap()
    }

    fn site() -> Value {
        json!({ "url": "https://berita.example", "name": "Kabar", "title_template": "%title% - %sitename%" })
    }

    #[test]
    fn analysis_scores_the_title_wordpress_shows_and_words_hints_in_the_ui_language() {
        let (_app, window) = app();
        let body = "Banjir melanda Jakarta sejak pagi. Warga mengungsi ke masjid terdekat.\n\n\
                    Petugas membuka pintu air di Manggarai untuk mengurangi genangan.";
        let stored = article(
            &window,
            "Banjir Jakarta",
            body,
            json!({ "keywords": [{ "phrase": "banjir" }] }),
        );
        let mut hints = Vec::new();
        for lang in ["id", "en"] {
            let report = invoke(
                &window,
                "analyze_article",
                json!({ "article": stored, "profile": "rankmath", "lang": lang, "site": site() }),
            )
            .unwrap();
            assert_eq!(report["scored_title"], "Banjir Jakarta - Kabar");
            assert_eq!(report["profile"], "rankmath");
            let score = report["score"].as_u64().unwrap();
            assert!(score <= 100, "{report}");
            let checks = report["checks"].as_array().unwrap();
            assert!(!checks.is_empty(), "rankmath has checks: {report}");
            let keyword_in_title = checks.iter().find(|c| c["id"] == "keywordInTitle").unwrap();
            assert_eq!(keyword_in_title["status"], "pass", "{keyword_in_title}");
            hints.push(keyword_in_title["hint"].as_str().unwrap().to_owned());
        }
        assert_ne!(hints[0], hints[1], "Indonesian and English hints differ");
        assert!(
            !hints[0].contains("rankmath."),
            "a hint is words, not a key: {}",
            hints[0]
        );
    }

    #[test]
    fn the_keyword_changes_the_score_and_marks_point_into_the_body() {
        let (_app, window) = app();
        let body =
            "Harga cabai naik. Pedagang cabai di pasar mengeluh.\n\nCabai rawit paling mahal.";
        let without = article(&window, "Harga cabai naik", body, json!({}));
        let with = article(
            &window,
            "Harga cabai naik",
            body,
            json!({ "keywords": [{ "phrase": "cabai" }] }),
        );
        let score = |article: &Value| {
            invoke(
                &window,
                "analyze_article",
                json!({ "article": article, "profile": "newsroom", "lang": "en", "site": site() }),
            )
            .unwrap()
        };
        let (a, b) = (score(&without), score(&with));
        assert_ne!(a["score"], b["score"], "{a}\n{b}");
        for check in b["checks"].as_array().unwrap() {
            for mark in check["marks"].as_array().into_iter().flatten() {
                let (start, end) = (
                    mark["start"].as_u64().unwrap(),
                    mark["end"].as_u64().unwrap(),
                );
                assert!(start <= end && end as usize <= body.len(), "{check}");
            }
        }
    }

    #[rstest]
    #[case::unknown("yoast", "unknown_profile")]
    fn a_profile_that_does_not_exist_is_an_error(#[case] profile: &str, #[case] code: &str) {
        let (_app, window) = app();
        let stored = article(&window, "Judul", "Isi.", json!({}));
        let err = invoke(
            &window,
            "analyze_article",
            json!({ "article": stored, "profile": profile, "lang": "id", "site": site() }),
        )
        .unwrap_err();
        assert_eq!(err["code"], code, "{err}");
    }

    #[test]
    fn the_dashboard_filters_by_byline_status_and_band_and_searches_the_text() {
        let (_app, window) = app();
        let banjir = article(
            &window,
            "Banjir Bekasi",
            "Air setinggi lutut.",
            json!({ "byline": "Rina Sari" }),
        );
        let gempa = article(
            &window,
            "Gempa Cianjur",
            "Warga mengungsi.",
            json!({ "byline": "Budi", "status": "in_review" }),
        );
        invoke(
            &window,
            "set_score",
            json!({ "id": banjir["id"], "score": 90 }),
        )
        .unwrap();
        invoke(
            &window,
            "set_score",
            json!({ "id": gempa["id"], "score": 40 }),
        )
        .unwrap();
        let ids = |filter: Value| -> Vec<Value> {
            invoke(&window, "dashboard_rows", json!({ "filter": filter }))
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|row| row["id"].clone())
                .collect()
        };
        assert_eq!(ids(json!({})).len(), 2);
        assert_eq!(ids(json!({ "byline": "rina" })), [banjir["id"].clone()]);
        assert_eq!(ids(json!({ "status": "in_review" })), [gempa["id"].clone()]);
        assert_eq!(ids(json!({ "band": "good" })), [banjir["id"].clone()]);
        assert_eq!(ids(json!({ "text": "mengungsi" })), [gempa["id"].clone()]);
        let rows = invoke(&window, "dashboard_rows", json!({ "filter": {} })).unwrap();
        let row = rows
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == banjir["id"])
            .unwrap();
        assert_eq!(row["byline"], "Rina Sari");
        assert_eq!(row["score"], 90);
    }

    #[test]
    fn bulk_status_follows_the_workflow_per_article() {
        let (_app, window) = app();
        let draft = article(&window, "A", "", json!({}));
        let review = article(&window, "B", "", json!({ "status": "in_review" }));
        let changes = invoke(
            &window,
            "set_status",
            json!({ "ids": [draft["id"], review["id"]], "status": "ready" }),
        )
        .unwrap();
        assert_eq!(
            changes[0]["error"]["code"], "workflow",
            "draft cannot skip review: {changes}"
        );
        assert_eq!(changes[1]["error"], Value::Null, "{changes}");
        let b = invoke(&window, "get_article", json!({ "id": review["id"] })).unwrap();
        assert_eq!(b["meta"]["status"], "ready");
        let a = invoke(&window, "get_article", json!({ "id": draft["id"] })).unwrap();
        assert_eq!(a["meta"]["status"], "draft");
    }

    #[test]
    fn history_names_diffs_and_restores_without_losing_the_replaced_text() {
        let (_app, window) = app();
        let first = article(&window, "Judul", "Versi pertama.", json!({}));
        let named = invoke(
            &window,
            "name_version",
            json!({ "id": first["id"], "name": "Naskah awal" }),
        )
        .unwrap();
        let mut edited = invoke(&window, "get_article", json!({ "id": first["id"] })).unwrap();
        edited["body"] = json!("Versi kedua.");
        invoke(
            &window,
            "save_article_as",
            json!({ "article": edited, "reason": { "kind": "explicit" } }),
        )
        .unwrap();

        let revisions = invoke(&window, "list_revisions", json!({ "id": first["id"] })).unwrap();
        let entry = revisions
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["kind"] == "named")
            .unwrap();
        assert_eq!(entry["name"], "Naskah awal");
        assert_eq!(entry["id"], named["id"]);
        assert_eq!(
            revisions[0]["kind"], "save",
            "Ctrl+S always leaves a revision: {revisions}"
        );

        let diff = invoke(
            &window,
            "diff_revisions",
            json!({ "id": first["id"], "from": named["id"], "to": null }),
        )
        .unwrap();
        let ops: Vec<(&str, &str)> = diff["body"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["op"].as_str().unwrap(), c["text"].as_str().unwrap()))
            .collect();
        assert!(ops.contains(&("delete", "pertama.")), "{ops:?}");
        assert!(ops.contains(&("insert", "kedua.")), "{ops:?}");

        let restored = invoke(
            &window,
            "restore_revision",
            json!({ "id": first["id"], "revision": named["id"] }),
        )
        .unwrap();
        assert_eq!(restored["body"], "Versi pertama.");
        let after = invoke(&window, "list_revisions", json!({ "id": first["id"] })).unwrap();
        assert!(
            after
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["kind"] == "before_restore"),
            "the replaced text stays in the history: {after}"
        );
    }

    #[test]
    fn a_version_needs_a_name() {
        let (_app, window) = app();
        let stored = article(&window, "Judul", "Isi.", json!({}));
        let err = invoke(
            &window,
            "name_version",
            json!({ "id": stored["id"], "name": "  " }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "invalid_input");
    }

    #[test]
    fn the_dashboard_filters_by_category_and_date_range() {
        let (_app, window) = app();
        let politik = article(
            &window,
            "Pemilu",
            "Hitung cepat.",
            json!({ "category": "Politik" }),
        );
        let olahraga = article(
            &window,
            "Sepak bola",
            "Skor 2-1.",
            json!({ "category": "Olahraga" }),
        );
        let ids = |filter: Value| -> Vec<Value> {
            invoke(&window, "dashboard_rows", json!({ "filter": filter }))
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|row| row["id"].clone())
                .collect()
        };
        assert_eq!(
            ids(json!({ "category": "politik" })),
            [politik["id"].clone()]
        );
        assert_eq!(
            ids(json!({ "category": "Olahraga", "text": "skor" })),
            [olahraga["id"].clone()]
        );
        let now = chrono::Utc::now();
        let hour = chrono::Duration::hours(1);
        assert_eq!(
            ids(json!({ "updated_from": now - hour, "updated_to": now + hour })).len(),
            2
        );
        assert!(ids(json!({ "updated_from": now + hour })).is_empty());
        assert!(ids(json!({ "updated_to": now - hour })).is_empty());
    }

    const SHIPPED: &str = include_str!("../../crates/seo/data/newsroom-rules.json");

    #[test]
    fn a_valid_file_passes_and_a_broken_one_names_its_line() {
        let (_app, window) = app_on(Store::open_in_memory().unwrap());
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("rules.json");
        std::fs::write(&good, SHIPPED).unwrap();
        let ok = invoke(&window, "check_rules_file", json!({ "path": good })).unwrap();
        assert_eq!(ok["valid"], true, "{ok}");

        // A comma missing at the end of the third line.
        let mut lines: Vec<&str> = SHIPPED.lines().collect();
        let third = lines[2].trim_end_matches(',').to_owned();
        lines[2] = &third;
        let bad = dir.path().join("broken.json");
        std::fs::write(&bad, lines.join("\n")).unwrap();
        let report = invoke(&window, "check_rules_file", json!({ "path": bad })).unwrap();
        assert_eq!(report["valid"], false, "{report}");
        assert!(report["line"].as_u64().unwrap() >= 3, "{report}");
        assert!(!report["message"].as_str().unwrap().is_empty());

        let missing = dir.path().join("absent.json");
        let err = invoke(&window, "check_rules_file", json!({ "path": missing })).unwrap_err();
        assert_eq!(err["code"], "io", "{err}");
    }

    #[test]
    fn scoring_uses_the_rules_file_and_reads_it_again_when_it_changes() {
        let (_app, window) = app_on(Store::open_in_memory().unwrap());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rules.json");
        std::fs::write(&path, SHIPPED).unwrap();
        let article = invoke(
            &window,
            "create_article",
            json!({ "title": "Banjir Jakarta", "body": "Banjir melanda Jakarta sejak pagi." }),
        )
        .unwrap();
        let site = json!({ "url": "https://berita.example", "name": "Kabar", "title_template": "%title%" });
        let analyze = |rules: Option<&Path>| {
            invoke(
                &window,
                "analyze_article",
                json!({ "article": article, "profile": "newsroom", "lang": "en", "site": site, "rules": rules }),
            )
        };
        let builtin = analyze(None).unwrap();
        let same = analyze(Some(&path)).unwrap();
        assert_eq!(
            builtin["score"], same["score"],
            "the shipped rules score the same"
        );

        // Every check weighs nothing but one: the score now depends on that check alone.
        let mut rules: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        for (_, rule) in rules["checks"].as_object_mut().unwrap() {
            rule["weight"] = json!(0);
        }
        rules["checks"]["byline"]["weight"] = json!(10);
        std::fs::write(&path, serde_json::to_string_pretty(&rules).unwrap()).unwrap();
        let changed = analyze(Some(&path)).unwrap();
        let byline = changed["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "byline")
            .unwrap()
            .clone();
        assert_eq!(byline["max"], 10, "{byline}");
        assert_ne!(changed["score"], builtin["score"], "{changed}");

        std::fs::write(&path, "{ \"version\": 1,\n  \"checks\": oops }").unwrap();
        let err = analyze(Some(&path)).unwrap_err();
        assert_eq!(err["code"], "rules_invalid", "{err}");
        assert!(err["message"].as_str().unwrap().contains("line 2"), "{err}");
    }
}
