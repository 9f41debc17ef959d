//! The article list with filters and sorts, and full-text search with snippets.

use chrono::{DateTime, Utc};
use redaksi_article::{Band, Status};
use rusqlite::ToSql;
use serde::{Deserialize, Serialize};

use crate::store::{ArticleSummary, summary_from_row};
use crate::{Store, StoreError};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct ListQuery {
    pub status: Option<Status>,
    pub tag: Option<String>,
    pub category: Option<String>,
    /// Articles whose byline contains this, ignoring case.
    pub byline: Option<String>,
    pub score_band: Option<Band>,
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
            byline: None,
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHit {
    pub article: ArticleSummary,
    /// Where the query matched in the body (or the title, when the body has no match).
    pub snippet: Vec<SnippetPart>,
}

impl Store {
    /// One page of the article list, filtered and sorted.
    pub fn list(&self, query: &ListQuery) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut sql = String::from(
            "SELECT a.id, a.title, a.status, a.category, a.word_count, a.excerpt, a.score,
                    a.created_at, a.updated_at, a.byline
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
        self.flush_search_index()?;
        // Two steps: pick the page of matches first, then make snippets for that page only.
        // Snippets for every match of a common word would cost far more than the search.
        let order = match query.sort {
            SortBy::Relevance => " ORDER BY bm25(articles_fts, 10.0, 1.0, 5.0, 2.0)",
            other => order_by(other),
        };
        // Sorted by a column, the page is found by walking that column's order and keeping
        // the rows in the match set, which stops after one page however common the words
        // are (`+` keeps SQLite from looking rows up by the match set instead). Sorted by
        // relevance, FTS5 has to rank every match anyway.
        let mut page = if query.sort == SortBy::Relevance {
            String::from(
                "SELECT a.rowid FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                 WHERE articles_fts MATCH ?1 AND a.deleted_at IS NULL",
            )
        } else {
            String::from(
                "SELECT a.rowid FROM articles a
                 WHERE a.deleted_at IS NULL
                   AND +a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1)",
            )
        };
        let mut params: Vec<Box<dyn ToSql>> = vec![Box::new(fts)];
        push_filters(query, &mut page, &mut params);
        page.push_str(order);
        push_page(query, &mut page, &mut params);
        let rowids: Vec<i64> = self
            .conn
            .prepare_cached(&page)?
            .query_map(rusqlite::params_from_iter(params.iter()), |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        if rowids.is_empty() {
            return Ok(Vec::new());
        }
        // Snippets are cut here rather than by FTS5's snippet(), which would re-run the whole
        // match for every row of the page.
        let terms = query_terms(text);
        let placeholders = vec!["?"; rowids.len()].join(", ");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT a.id, a.title, a.status, a.category, a.word_count, a.excerpt, a.score,
                    a.created_at, a.updated_at, a.byline, a.body, a.rowid
             FROM articles a WHERE a.rowid IN ({placeholders})"
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(rowids.iter()), |row| {
            let body: String = row.get(10)?;
            let rowid: i64 = row.get(11)?;
            Ok(summary_from_row(row)?.map(|article| {
                let snippet = snippet(&body, &terms)
                    .or_else(|| snippet(&article.title, &terms))
                    .unwrap_or_else(|| {
                        vec![SnippetPart {
                            text: article.excerpt.clone(),
                            hit: false,
                        }]
                    });
                (rowid, SearchHit { article, snippet })
            }))
        })?;
        let mut hits: Vec<(i64, SearchHit)> = rows.map(|row| row?).collect::<Result<_, _>>()?;
        // `IN` does not keep the page's order.
        hits.sort_by_key(|(rowid, _)| rowids.iter().position(|r| r == rowid));
        Ok(hits.into_iter().map(|(_, hit)| hit).collect())
    }
}

/// Words folded the way the index folds them: lower case, diacritics removed.
fn fold(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn query_terms(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(fold)
        .collect()
}

const SNIPPET_WORDS: usize = 16;

/// About [`SNIPPET_WORDS`] words of `text` around its first matching word, the words that
/// match a query term (as a prefix, folded) marked as hits. `None` when nothing matches.
fn snippet(text: &str, terms: &[String]) -> Option<Vec<SnippetPart>> {
    let words: Vec<(usize, usize)> = text
        .char_indices()
        .filter(|(_, c)| c.is_alphanumeric())
        .fold(Vec::new(), |mut spans: Vec<(usize, usize)>, (at, c)| {
            match spans.last_mut() {
                Some(span) if span.1 == at => span.1 = at + c.len_utf8(),
                _ => spans.push((at, at + c.len_utf8())),
            }
            spans
        });
    let is_hit = |&(start, end): &(usize, usize)| {
        let word = fold(&text[start..end]);
        terms.iter().any(|term| word.starts_with(term.as_str()))
    };
    let first = words.iter().position(is_hit)?;
    let from = first.saturating_sub(SNIPPET_WORDS / 4);
    let to = (from + SNIPPET_WORDS).min(words.len());
    let mut parts = Vec::new();
    if from > 0 {
        parts.push(SnippetPart {
            text: "…".into(),
            hit: false,
        });
    }
    let mut cursor = words[from].0;
    for span in &words[from..to] {
        if is_hit(span) {
            if cursor < span.0 {
                parts.push(SnippetPart {
                    text: text[cursor..span.0].replace('\n', " "),
                    hit: false,
                });
            }
            parts.push(SnippetPart {
                text: text[span.0..span.1].to_owned(),
                hit: true,
            });
            cursor = span.1;
        }
    }
    let end = words[to - 1].1;
    if cursor < end {
        parts.push(SnippetPart {
            text: text[cursor..end].replace('\n', " "),
            hit: false,
        });
    }
    if to < words.len() {
        parts.push(SnippetPart {
            text: "…".into(),
            hit: false,
        });
    }
    Some(parts)
}

impl Store {
    /// Brings the search index up to date with the edits autosave parked (see migration
    /// 0004). Search calls it first; maintenance may call it too. Returns how many
    /// articles were re-indexed.
    pub fn flush_search_index(&self) -> Result<usize, StoreError> {
        let pending: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM fts_pending")?
            .query_row([], |row| row.get(0))?;
        if pending == 0 {
            return Ok(0);
        }
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        tx.execute_batch(
            "INSERT INTO articles_fts (articles_fts, rowid, title, body, tags, byline)
                 SELECT 'delete', rowid, title, body, tags, byline FROM fts_pending;
             INSERT INTO articles_fts (rowid, title, body, tags, byline)
                 SELECT a.rowid, a.title, a.body, a.tags, a.byline
                 FROM articles a JOIN fts_pending p ON p.rowid = a.rowid;
             DELETE FROM fts_pending;",
        )?;
        tx.commit()?;
        Ok(pending as usize)
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
    if let Some(byline) = &query.byline {
        // instr() on lower() rather than LIKE: a byline may hold `%` or `_`.
        bind(
            sql,
            " AND instr(lower(a.byline), lower(?)) > 0",
            Box::new(byline.clone()),
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
        let scores = band.scores();
        let unscored = if band == Band::of(None) {
            "a.score IS NULL OR "
        } else {
            ""
        };
        // Both ends are small integers from the band's own table, never user text.
        sql.push_str(&format!(
            " AND ({unscored}a.score BETWEEN {} AND {})",
            scores.start(),
            scores.end()
        ));
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
    fn snippets_mark_folded_prefix_matches_around_the_first_hit() {
        let terms = query_terms("kafe JAK");
        let parts = snippet("Sebuah kafé baru dibuka di\nJakarta Selatan.", &terms).unwrap();
        let hits: Vec<_> = parts
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["kafé", "Jakarta"]);
        let text: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(text, "Sebuah kafé baru dibuka di Jakarta Selatan");
        assert!(snippet("tidak ada", &terms).is_none());
        let long = format!("{} banjir {}", "awal ".repeat(50), "akhir ".repeat(50));
        let parts = snippet(&long, &query_terms("banjir")).unwrap();
        assert_eq!(parts.first().unwrap().text, "…");
        assert_eq!(parts.last().unwrap().text, "…");
    }
}
