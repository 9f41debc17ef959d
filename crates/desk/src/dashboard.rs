//! The editors' dashboard: every article matching a filter, with the byline and, for a
//! search, where it matched. The store does the filtering; this shapes the rows.

use chrono::{DateTime, Utc};
use redaksi_article::{Band, Status};
use redaksi_store::{ListQuery, SortBy, Store};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::Result;

/// What the dashboard filters on; empty fields do not filter.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default)]
pub struct DashboardFilter {
    pub text: String,
    pub status: Option<Status>,
    pub tag: Option<String>,
    pub band: Option<Band>,
    /// Bylines containing this, case ignored (ASCII letters only: SQLite's `lower`).
    pub byline: Option<String>,
    pub category: Option<String>,
    /// Last updated at or after this time.
    pub updated_from: Option<DateTime<Utc>>,
    /// Last updated before this time.
    pub updated_to: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DashboardRow {
    pub id: Uuid,
    pub title: String,
    pub byline: Option<String>,
    pub status: Status,
    pub score: Option<u8>,
    pub updated_at: DateTime<Utc>,
    /// Where a search matched, as plain text (the hits are not marked).
    pub snippet: Option<String>,
}

fn given(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Every article matching the filter. The UI virtualises and sorts the rows itself, so one call
/// returns them all (10,000 rows are about 2 MB of JSON).
pub fn rows(store: &Store, filter: &DashboardFilter) -> Result<Vec<DashboardRow>> {
    let searching = !filter.text.trim().is_empty();
    let query = ListQuery {
        status: filter.status,
        tag: given(&filter.tag),
        score_band: filter.band,
        category: given(&filter.category),
        byline: given(&filter.byline),
        updated_from: filter.updated_from,
        updated_to: filter.updated_to,
        sort: if searching {
            SortBy::Relevance
        } else {
            SortBy::Updated
        },
        limit: u32::MAX,
        ..ListQuery::default()
    };
    let found = if searching {
        store
            .search(&filter.text, &query)?
            .into_iter()
            .map(|hit| {
                let snippet = hit.snippet.iter().map(|p| p.text.as_str()).collect();
                (hit.article, Some(snippet))
            })
            .collect()
    } else {
        store
            .list(&query)?
            .into_iter()
            .map(|s| (s, None))
            .collect::<Vec<_>>()
    };
    Ok(found
        .into_iter()
        .map(|(summary, snippet)| DashboardRow {
            id: summary.id,
            title: summary.title,
            byline: summary.byline,
            status: summary.status,
            score: summary.score,
            updated_at: summary.updated_at,
            snippet,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(store: &mut Store, title: &str, byline: Option<&str>) -> Uuid {
        let mut article = store.create_article(title, "Isi berita.").unwrap();
        article.meta.byline = byline.map(str::to_owned);
        store.save_article(&article).unwrap().id
    }

    #[test]
    fn bylines_come_from_the_store_and_filter_without_case() {
        let mut store = Store::open_in_memory().unwrap();
        let rina = add(&mut store, "Banjir", Some("Rina Sari"));
        add(&mut store, "Gempa", None);
        let filter = DashboardFilter {
            byline: Some(" rina ".into()),
            ..DashboardFilter::default()
        };
        let found = rows(&store, &filter).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, rina);
        assert_eq!(found[0].byline.as_deref(), Some("Rina Sari"));
        assert_eq!(rows(&store, &DashboardFilter::default()).unwrap().len(), 2);
        let search = DashboardFilter {
            text: "banjir".into(),
            ..filter
        };
        assert_eq!(
            rows(&store, &search).unwrap()[0].snippet.as_deref(),
            Some("Banjir")
        );
    }
}
