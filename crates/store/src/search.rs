//! The article list with filters and sorts, and full-text search with snippets.

use chrono::{DateTime, Utc};
use redaksi_article::Status;
use rusqlite::ToSql;
use serde::{Deserialize, Serialize};

use crate::store::{ArticleSummary, summary_from_row};
use crate::{Store, StoreError};

/// Score bands as the editor's review screen groups them (Rank Math's colours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreBand {
    /// 0–50, or no score yet.
    Low,
    /// 51–80.
    Medium,
    /// 81–100.
    High,
}

impl ScoreBand {
    fn condition(self) -> &'static str {
        match self {
            ScoreBand::Low => "(a.score IS NULL OR a.score <= 50)",
            ScoreBand::Medium => "(a.score > 50 AND a.score <= 80)",
            ScoreBand::High => "a.score > 80",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortBy {
    /// Most recently updated first (the default).
    #[default]
    Updated,
    /// Highest score first, unscored last.
    Score,
    /// Alphabetical, ignoring case.
    Title,
    /// Best match first (search only; the list falls back to `Updated`).
    Relevance,
}

/// Filters, sort and page for the list and for search. The default is the first page of
/// everything outside the trash, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub status: Option<Status>,
    pub tag: Option<String>,
    pub category: Option<String>,
    pub score_band: Option<ScoreBand>,
    pub updated_from: Option<DateTime<Utc>>,
    pub updated_to: Option<DateTime<Utc>>,
    pub sort: SortBy,
    pub limit: u32,
    pub offset: u32,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            status: None,
            tag: None,
            category: None,
            score_band: None,
            updated_from: None,
            updated_to: None,
            sort: SortBy::Updated,
            limit: 50,
            offset: 0,
        }
    }
}

/// A piece of a snippet; `hit` marks the words that matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub article: ArticleSummary,
    /// Where the query matched in the body (or the title, when the body has no match).
    pub snippet: Vec<SnippetPart>,
}

const HIT_START: char = '\u{1}';
const HIT_END: char = '\u{2}';

impl Store {
    /// One page of the article list, filtered and sorted.
    pub fn list(&self, query: &ListQuery) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut sql = String::from(
            "SELECT a.id, a.title, a.status, a.category, a.word_count, a.excerpt, a.score,
                    a.created_at, a.updated_at
             FROM articles a WHERE a.deleted_at IS NULL",
        );
        let mut params: Vec<Box<dyn ToSql>> = Vec::new();
        push_filters(query, &mut sql, &mut params);
        sql.push_str(order_by(query.sort));
        push_page(query, &mut sql, &mut params);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), summary_from_row)?;
        rows.map(|row| row?).collect()
    }

    /// Full-text search over title, body, tags and byline. Every word of `text` must match,
    /// as a prefix, with diacritics folded: `kafe` finds "kafé", `banj` finds "banjir".
    pub fn search(&self, text: &str, query: &ListQuery) -> Result<Vec<SearchHit>, StoreError> {
        let fts = fts_query(text).ok_or_else(|| {
            StoreError::InvalidInput("the search has no words to look for".into())
        })?;
        let mut sql = format!(
            "SELECT a.id, a.title, a.status, a.category, a.word_count, a.excerpt, a.score,
                    a.created_at, a.updated_at,
                    snippet(articles_fts, 1, '{HIT_START}', '{HIT_END}', '…', 16),
                    snippet(articles_fts, 0, '{HIT_START}', '{HIT_END}', '…', 16)
             FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
             WHERE articles_fts MATCH ?1 AND a.deleted_at IS NULL"
        );
        let mut params: Vec<Box<dyn ToSql>> = vec![Box::new(fts)];
        push_filters(query, &mut sql, &mut params);
        sql.push_str(match query.sort {
            SortBy::Relevance => " ORDER BY bm25(articles_fts, 10.0, 1.0, 5.0, 2.0)",
            other => order_by(other),
        });
        push_page(query, &mut sql, &mut params);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |row| {
            let body_snippet: String = row.get(9)?;
            let title_snippet: String = row.get(10)?;
            let snippet = if body_snippet.contains(HIT_START) {
                body_snippet
            } else {
                title_snippet
            };
            Ok(summary_from_row(row)?.map(|article| SearchHit {
                article,
                snippet: split_snippet(&snippet),
            }))
        })?;
        rows.map(|row| row?).collect()
    }
}

/// Turns what a user typed into an FTS5 query: each word quoted (so `-`, `:` or `"` cannot be
/// read as query syntax) and made a prefix.
fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{word}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

fn split_snippet(snippet: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    let mut current = String::new();
    for ch in snippet.chars() {
        if ch == HIT_START || ch == HIT_END {
            if !current.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut current),
                    hit,
                });
            }
            hit = ch == HIT_START;
        } else {
            current.push(ch);
        }
    }
    if !current.is_empty() {
        parts.push(SnippetPart { text: current, hit });
    }
    parts
}

fn push_filters(query: &ListQuery, sql: &mut String, params: &mut Vec<Box<dyn ToSql>>) {
    let mut bind = |sql: &mut String, clause: &str, value: Box<dyn ToSql>| {
        params.push(value);
        sql.push_str(&clause.replace('?', &format!("?{}", params.len())));
    };
    if let Some(status) = query.status {
        bind(sql, " AND a.status = ?", Box::new(status.as_str()));
    }
    if let Some(category) = &query.category {
        bind(
            sql,
            " AND a.category = ? COLLATE NOCASE",
            Box::new(category.clone()),
        );
    }
    if let Some(tag) = &query.tag {
        bind(
            sql,
            " AND EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ?)",
            Box::new(tag.clone()),
        );
    }
    if let Some(from) = query.updated_from {
        bind(
            sql,
            " AND a.updated_at >= ?",
            Box::new(from.timestamp_micros()),
        );
    }
    if let Some(to) = query.updated_to {
        bind(
            sql,
            " AND a.updated_at <= ?",
            Box::new(to.timestamp_micros()),
        );
    }
    if let Some(band) = query.score_band {
        sql.push_str(" AND ");
        sql.push_str(band.condition());
    }
}

fn order_by(sort: SortBy) -> &'static str {
    match sort {
        SortBy::Updated | SortBy::Relevance => " ORDER BY a.updated_at DESC",
        SortBy::Score => " ORDER BY a.score IS NULL, a.score DESC, a.updated_at DESC",
        SortBy::Title => " ORDER BY a.title COLLATE NOCASE, a.updated_at DESC",
    }
}

fn push_page(query: &ListQuery, sql: &mut String, params: &mut Vec<Box<dyn ToSql>>) {
    params.push(Box::new(query.limit.max(1)));
    params.push(Box::new(query.offset));
    sql.push_str(&format!(
        " LIMIT ?{} OFFSET ?{}",
        params.len() - 1,
        params.len()
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_inject_fts_syntax() {
        assert_eq!(
            fts_query("banjir \"NEAR\" -jakarta: x*").as_deref(),
            Some("\"banjir\"* \"NEAR\"* \"jakarta\"* \"x\"*")
        );
        assert_eq!(fts_query("  -- ** "), None);
    }

    #[test]
    fn snippet_markers_become_parts() {
        let parts = split_snippet("…hujan \u{1}banjir\u{2} di \u{1}Jakarta\u{2}");
        let hits: Vec<_> = parts
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["banjir", "Jakarta"]);
        assert_eq!(parts[0].text, "…hujan ");
    }
}
