//! The editor's desk commands: live scoring, the editors' dashboard, bulk status changes and
//! history. Each one is a thin door onto `redaksi-seo` or `redaksi-store`; scoring runs on a
//! blocking worker so a keystroke's analysis never holds the main thread or the store's thread.

use std::collections::HashMap;

use redaksi_article::{Article, Lang, Status};
use redaksi_seo::{AnalysisRequest, Band, Check, ProfileId, Report};
use redaksi_store::{ListQuery, RevisionDiff, RevisionInfo, ScoreBand, SortBy, StoreError, Version};
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
pub fn score(article: &Article, profile: &str, ui_lang: &str, site: &Site) -> Result<ReportView, IpcError> {
    let id: ProfileId = profile.parse().map_err(|err: redaksi_seo::UnknownProfile| IpcError {
        code: "unknown_profile".into(),
        message: err.to_string(),
    })?;
    let engine = id.profile().ok_or_else(|| IpcError {
        code: "profile_unavailable".into(),
        message: format!("the {id} profile is not built into this version"),
    })?;
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
#[tauri::command]
pub async fn analyze_article(
    article: Article,
    profile: String,
    lang: String,
    site: Site,
) -> Result<ReportView, IpcError> {
    tauri::async_runtime::spawn_blocking(move || score(&article, &profile, &lang, &site))
        .await
        .map_err(|err| IpcError {
            code: "internal".into(),
            message: format!("the analysis stopped: {err}"),
        })?
}

/// Keeps the last score for the dashboard's filters and sorts (not an edit).
#[tauri::command]
pub async fn record_score(state: State<'_, AppState>, id: Uuid, score: Option<u8>) -> Result<(), IpcError> {
    state.call(move |store| store.set_score(id, score)).await
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
pub fn dashboard(store: &redaksi_store::Store, filter: &DashboardFilter) -> Result<Vec<DashboardRow>, StoreError> {
    let query = ListQuery {
        status: filter.status,
        tag: filter.tag.clone().filter(|t| !t.trim().is_empty()),
        score_band: filter.band,
        sort: if filter.text.trim().is_empty() {
            SortBy::Updated
        } else {
            SortBy::Relevance
        },
        limit: u32::MAX,
        ..ListQuery::default()
    };
    let rows: Vec<(redaksi_store::ArticleSummary, Option<String>)> = if filter.text.trim().is_empty() {
        store.list(&query)?.into_iter().map(|s| (s, None)).collect()
    } else {
        store
            .search(&filter.text, &query)?
            .into_iter()
            .map(|hit| {
                let snippet = hit.snippet.iter().map(|p| p.text.as_str()).collect::<String>();
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
        .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?)))
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
pub fn change_status(store: &mut redaksi_store::Store, ids: &[Uuid], status: Status) -> Vec<StatusChange> {
    ids.iter()
        .map(|&id| {
            let result = store.get_article(id).map_err(IpcError::from).and_then(|mut article| {
                if !article.meta.status.can_move_to(status) {
                    return Err(IpcError {
                        code: "workflow".into(),
                        message: format!("{} cannot move to {status}", article.meta.status),
                    });
                }
                article.meta.status = status;
                store.save_article(&article).map(drop).map_err(IpcError::from)
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
    state
        .call(move |store| Ok(change_status(store, &ids, status)))
        .await
}

#[tauri::command]
pub async fn list_revisions(state: State<'_, AppState>, id: Uuid) -> Result<Vec<RevisionInfo>, IpcError> {
    state.call(move |store| store.list_revisions(id)).await
}

/// Word diff between two versions; `None` is the article as it is now.
#[tauri::command]
pub async fn diff_revisions(
    state: State<'_, AppState>,
    id: Uuid,
    from: Option<i64>,
    to: Option<i64>,
) -> Result<RevisionDiff, IpcError> {
    let version = |rev: Option<i64>| rev.map_or(Version::Current, Version::Revision);
    state
        .call(move |store| store.diff(id, version(from), version(to)))
        .await
}

#[tauri::command]
pub async fn restore_revision(state: State<'_, AppState>, id: Uuid, rev: i64) -> Result<Article, IpcError> {
    state.call(move |store| store.restore_revision(id, rev)).await
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

