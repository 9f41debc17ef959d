//! The editor's desk commands: live scoring, the editors' dashboard, bulk status changes and
//! naming a version. Saving with a revision, scores and the history itself are the archive
//! commands in `store_commands.rs`. Each one is a thin door onto `redaksi-seo` or
//! `redaksi-store`; scoring runs on a blocking worker so a keystroke's analysis never holds the
//! main thread or the store's thread.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use redaksi_article::{Article, Lang, Status};
use redaksi_seo::{AnalysisRequest, Band, Check, Profile, ProfileId, Report};
use redaksi_store::{ListQuery, RevisionInfo, ScoreBand, SortBy, StoreError};
use serde::{Deserialize, Serialize};
use tauri::State;
use uuid::Uuid;

use crate::commands::AppState;
use crate::error::IpcError;

/// Site settings the score depends on: Rank Math scores the title WordPress will show, which is
/// the SEO title (or the title template) with its variables filled in.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Site {
    pub url: String,
    pub name: String,
    /// WordPress's default is `%title% - %sitename%`.
    pub title_template: String,
}

/// The title a search engine will show: the SEO title if the reporter wrote one, else the
/// template, with `%title%` and `%sitename%` replaced either way.
pub fn displayed_title(article: &Article, site: &Site) -> String {
    let custom = article
        .meta
        .seo_title
        .as_deref()
        .filter(|t| !t.trim().is_empty());
    let template = match custom {
        Some(title) => title,
        None if site.title_template.trim().is_empty() => "%title%",
        None => &site.title_template,
    };
    template
        .replace("%title%", article.title.trim())
        .replace("%sitename%", site.name.trim())
        .trim()
        .to_owned()
}

/// A check with its fix hint already in the UI language.
#[derive(Debug, Serialize)]
pub struct CheckView {
    #[serde(flatten)]
    pub check: Check,
    pub hint: String,
}

#[derive(Debug, Serialize)]
pub struct KeywordView {
    pub keyword: String,
    pub score: u8,
    pub band: Band,
}

/// A [`Report`] as the UI shows it.
#[derive(Debug, Serialize)]
pub struct ReportView {
    pub profile: String,
    pub score: u8,
    pub band: Band,
    pub keyword: Option<String>,
    pub checks: Vec<CheckView>,
    pub secondary: Vec<KeywordView>,
    pub words: usize,
    pub reading_minutes: u32,
    /// The title that was scored (see [`displayed_title`]).
    pub scored_title: String,
    pub issues: Vec<String>,
}

fn lang_of(code: &str) -> Lang {
    if code.eq_ignore_ascii_case("en") {
        Lang::En
    } else {
        Lang::Id
    }
}

/// Scores an article with a profile; pure, so the command and the tests share it.
/// `rules`: a newsroom rules file to score with; only the newsroom profile has rules.
pub fn score(
    article: &Article,
    profile: &str,
    ui_lang: &str,
    site: &Site,
    rules: Option<&Path>,
) -> Result<ReportView, IpcError> {
    let id: ProfileId = profile
        .parse()
        .map_err(|err: redaksi_seo::UnknownProfile| IpcError {
            code: "unknown_profile".into(),
            message: err.to_string(),
        })?;
    let own_rules = match (id, rules) {
        (ProfileId::Newsroom, Some(path)) => Some(crate::rules::profile(path)?),
        _ => None,
    };
    let engine: &dyn Profile = match &own_rules {
        Some(newsroom) => newsroom.as_ref(),
        None => id.profile(),
    };
    let mut request = AnalysisRequest::from_article(article, &site.url);
    request.title = displayed_title(article, site);
    let report: Report = redaksi_seo::analyze(&request, engine);
    let lang = lang_of(ui_lang);
    let text = |message: &redaksi_seo::Message| redaksi_seo::messages::text(message, lang);
    Ok(ReportView {
        profile: report.profile,
        score: report.score,
        band: report.band,
        keyword: report.keyword,
        checks: report
            .checks
            .into_iter()
            .map(|check| {
                let hint = text(&check.message);
                CheckView { check, hint }
            })
            .collect(),
        secondary: report
            .secondary
            .into_iter()
            .map(|k| KeywordView {
                keyword: k.keyword,
                score: k.score,
                band: k.band,
            })
            .collect(),
        words: report.stats.words,
        reading_minutes: report.stats.reading_minutes,
        scored_title: request.title,
        issues: report.issues.iter().map(|i| text(&i.message)).collect(),
    })
}

/// Live scoring. The UI sends every change; it drops answers older than its newest request.
/// `rules` is the path of the newsroom's rules file, when the settings name one.
#[tauri::command]
pub async fn analyze_article(
    article: Article,
    profile: String,
    lang: String,
    site: Site,
    rules: Option<PathBuf>,
) -> Result<ReportView, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        score(&article, &profile, &lang, &site, rules.as_deref())
    })
    .await
    .map_err(|err| IpcError {
        code: "internal".into(),
        message: format!("the analysis stopped: {err}"),
    })?
}

/// What the dashboard filters on; empty fields do not filter.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DashboardFilter {
    pub text: String,
    pub status: Option<Status>,
    pub tag: Option<String>,
    pub band: Option<ScoreBand>,
    pub byline: Option<String>,
    pub category: Option<String>,
    /// Last updated at or after this time.
    pub updated_from: Option<chrono::DateTime<chrono::Utc>>,
    /// Last updated before this time.
    pub updated_to: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DashboardRow {
    pub id: Uuid,
    pub title: String,
    pub byline: Option<String>,
    pub status: Status,
    pub score: Option<u8>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// Where a search matched, with the hits between U+0001 and U+0002 removed: plain text.
    pub snippet: Option<String>,
}

/// Every article matching the filter. The UI virtualises and sorts the rows itself, so one call
/// returns them all (10,000 rows are about 2 MB of JSON).
pub fn dashboard(
    store: &redaksi_store::Store,
    filter: &DashboardFilter,
) -> Result<Vec<DashboardRow>, StoreError> {
    let query = ListQuery {
        status: filter.status,
        tag: filter.tag.clone().filter(|t| !t.trim().is_empty()),
        score_band: filter.band,
        category: filter.category.clone().filter(|c| !c.trim().is_empty()),
        updated_from: filter.updated_from,
        updated_to: filter.updated_to,
        sort: if filter.text.trim().is_empty() {
            SortBy::Updated
        } else {
            SortBy::Relevance
        },
        limit: u32::MAX,
        ..ListQuery::default()
    };
    let rows: Vec<(redaksi_store::ArticleSummary, Option<String>)> =
        if filter.text.trim().is_empty() {
            store.list(&query)?.into_iter().map(|s| (s, None)).collect()
        } else {
            store
                .search(&filter.text, &query)?
                .into_iter()
                .map(|hit| {
                    let snippet = hit
                        .snippet
                        .iter()
                        .map(|p| p.text.as_str())
                        .collect::<String>();
                    (hit.article, Some(snippet))
                })
                .collect()
        };
    let bylines = bylines(store)?;
    let wanted = filter
        .byline
        .as_deref()
        .map(|b| b.trim().to_lowercase())
        .filter(|b| !b.is_empty());
    Ok(rows
        .into_iter()
        .map(|(summary, snippet)| DashboardRow {
            byline: bylines.get(&summary.id.to_string()).cloned().flatten(),
            id: summary.id,
            title: summary.title,
            status: summary.status,
            score: summary.score,
            updated_at: summary.updated_at,
            snippet,
        })
        .filter(|row| match (&wanted, &row.byline) {
            (None, _) => true,
            (Some(want), Some(byline)) => byline.to_lowercase().contains(want),
            (Some(_), None) => false,
        })
        .collect())
}

/// The byline column, which the store's summaries leave out.
fn bylines(store: &redaksi_store::Store) -> Result<HashMap<String, Option<String>>, StoreError> {
    let conn = store.connection();
    let mut stmt = conn
        .prepare_cached("SELECT id, byline FROM articles WHERE deleted_at IS NULL")
        .map_err(|err| StoreError::InvalidData(err.to_string()))?;
    let rows = stmt
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
        })
        .map_err(|err| StoreError::InvalidData(err.to_string()))?;
    rows.map(|row| row.map_err(|err| StoreError::InvalidData(err.to_string())))
        .collect()
}

#[tauri::command]
pub async fn dashboard_rows(
    state: State<'_, AppState>,
    filter: DashboardFilter,
) -> Result<Vec<DashboardRow>, IpcError> {
    state.call(move |store| dashboard(store, &filter)).await
}

/// The outcome for one article of a bulk status change.
#[derive(Debug, Clone, Serialize)]
pub struct StatusChange {
    pub id: Uuid,
    /// `None` when the change was made; otherwise why not (`workflow`, `not_found`, …).
    pub error: Option<IpcError>,
}

/// Moves each article to `status` if the workflow allows it; the others stay as they are.
pub fn change_status(
    store: &mut redaksi_store::Store,
    ids: &[Uuid],
    status: Status,
) -> Vec<StatusChange> {
    ids.iter()
        .map(|&id| {
            let result = store
                .get_article(id)
                .map_err(IpcError::from)
                .and_then(|mut article| {
                    if !article.meta.status.can_move_to(status) {
                        return Err(IpcError {
                            code: "workflow".into(),
                            message: format!("{} cannot move to {status}", article.meta.status),
                        });
                    }
                    article.meta.status = status;
                    store
                        .save_article(&article)
                        .map(drop)
                        .map_err(IpcError::from)
                });
            StatusChange {
                id,
                error: result.err(),
            }
        })
        .collect()
}

#[tauri::command]
pub async fn set_status(
    state: State<'_, AppState>,
    ids: Vec<Uuid>,
    status: Status,
) -> Result<Vec<StatusChange>, IpcError> {
    let changes = state
        .call(move |store| Ok(change_status(store, &ids, status)))
        .await?;
    let changed = changes
        .iter()
        .filter(|change| change.error.is_none())
        .map(|change| change.id)
        .collect();
    state.mirror_saved(changed).await;
    Ok(changes)
}

#[tauri::command]
pub async fn name_version(
    state: State<'_, AppState>,
    id: Uuid,
    name: String,
) -> Result<RevisionInfo, IpcError> {
    let name = name.trim().to_owned();
    if name.is_empty() {
        return Err(IpcError {
            code: "invalid_input".into(),
            message: "a version needs a name".into(),
        });
    }
    state.call(move |store| store.name_version(id, &name)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use redaksi_store::Store;
    use rstest::rstest;
    use serde_json::{Value, json};
    use tauri::test::MockRuntime;
    use tauri::{App, WebviewWindow};

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
        assert_eq!(ids(json!({ "band": "high" })), [banjir["id"].clone()]);
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

    #[rstest]
    #[case::template("", "%title% - %sitename%", "Banjir - Kabar")]
    #[case::custom_title_with_variables(
        "Banjir hari ini | %sitename%",
        "%title% - %sitename%",
        "Banjir hari ini | Kabar"
    )]
    #[case::no_template("", "", "Banjir")]
    fn the_displayed_title_fills_the_template(
        #[case] seo_title: &str,
        #[case] template: &str,
        #[case] expected: &str,
    ) {
        let mut article = Article::new("Banjir", "", chrono::Utc::now());
        article.meta.seo_title = Some(seo_title.to_owned());
        let site = Site {
            url: String::new(),
            name: "Kabar".into(),
            title_template: template.into(),
        };
        assert_eq!(displayed_title(&article, &site), expected);
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
}
