//! The audit's ledger (`site-audit.db` in the data folder, apart from the drafts): the last
//! scores of every post per target, and the cursor of the run under way. A page of posts is
//! stored in one transaction with the next page number, so a cut connection resumes where it
//! stopped, and a later run asks WordPress only for posts modified since the last full run.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use crate::Scored;
use crate::post::Source;

pub struct Ledger {
    conn: Connection,
}

/// A run under way, or the next one: from which modification time, at which page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// Posts modified after this (the server's time when the last complete run began).
    pub since: Option<String>,
    pub next_page: u32,
    /// When this run began, by the server's clock; becomes `since` once the run completes.
    pub started: String,
}

/// One post's row as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SitePost"))]
pub struct Row {
    pub id: u64,
    pub title: String,
    pub link: String,
    pub modified_gmt: String,
    pub stored: Option<u8>,
    /// Where `stored` was read.
    pub stored_source: Source,
    pub rankmath: u8,
    pub newsroom: u8,
}

const ROW: &str = "id, title, link, modified_gmt, stored, score_source, rankmath, newsroom";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get::<_, i64>(0)? as u64,
        title: r.get(1)?,
        link: r.get(2)?,
        modified_gmt: r.get(3)?,
        stored: r.get(4)?,
        stored_source: Source::parse(&r.get::<_, String>(5)?),
        rankmath: r.get(6)?,
        newsroom: r.get(7)?,
    })
}

/// A stored score that is not Rank Math's number for the post as it is now. Only posts whose
/// focus keywords the site exposes are compared: without them nothing can be said.
pub const STALE: &str = "comparable = 1 AND (stored IS NULL OR stored <> rankmath)";

impl Ledger {
    pub fn open(path: &Path) -> rusqlite::Result<Ledger> {
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE IF NOT EXISTS posts (
                 target TEXT NOT NULL, id INTEGER NOT NULL, title TEXT NOT NULL, link TEXT NOT NULL,
                 modified_gmt TEXT NOT NULL, keywords TEXT, comparable INTEGER NOT NULL,
                 stored INTEGER, rankmath INTEGER NOT NULL, newsroom INTEGER NOT NULL,
                 failing TEXT NOT NULL, title_source TEXT NOT NULL,
                 description_source TEXT NOT NULL, keywords_source TEXT NOT NULL,
                 score_source TEXT NOT NULL, PRIMARY KEY (target, id));
             CREATE TABLE IF NOT EXISTS runs (
                 target TEXT PRIMARY KEY, since TEXT, next_page INTEGER, started TEXT);",
        )?;
        Ok(Ledger { conn })
    }

    /// The run to continue (an interrupted one), or a new one beginning at `now`.
    pub fn cursor(&self, target: &str, now: &str, full: bool) -> rusqlite::Result<Cursor> {
        let found: Option<(Option<String>, Option<u32>, Option<String>)> = self
            .conn
            .query_row(
                "SELECT since, next_page, started FROM runs WHERE target = ?1",
                [target],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let cursor = match found {
            Some((since, Some(next_page), Some(started))) if !full => Cursor {
                since,
                next_page,
                started,
            },
            Some((since, _, _)) if !full => Cursor {
                since,
                next_page: 1,
                started: now.to_owned(),
            },
            _ => Cursor {
                since: None,
                next_page: 1,
                started: now.to_owned(),
            },
        };
        self.conn.execute(
            "INSERT INTO runs (target, since, next_page, started) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (target) DO UPDATE SET since = ?2, next_page = ?3, started = ?4",
            params![target, cursor.since, cursor.next_page, cursor.started],
        )?;
        Ok(cursor)
    }

    /// Stores a page of scores and moves the cursor past it, together.
    pub fn store_page(
        &mut self,
        target: &str,
        scored: &[Scored],
        next_page: u32,
    ) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut put = tx.prepare_cached(
                "INSERT INTO posts (target, id, title, link, modified_gmt, keywords, comparable,
                     stored, rankmath, newsroom, failing, title_source, description_source,
                     keywords_source, score_source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                 ON CONFLICT (target, id) DO UPDATE SET title = ?3, link = ?4, modified_gmt = ?5,
                     keywords = ?6, comparable = ?7, stored = ?8, rankmath = ?9, newsroom = ?10,
                     failing = ?11, title_source = ?12, description_source = ?13,
                     keywords_source = ?14, score_source = ?15",
            )?;
            for s in scored {
                put.execute(params![
                    target,
                    s.post.id as i64,
                    s.post.title,
                    s.post.link,
                    s.post.modified_gmt,
                    s.post.focus_keywords.as_ref().map(|k| k.join(",")),
                    s.post.comparable(),
                    s.post.stored_score,
                    s.scores.rankmath,
                    s.scores.newsroom,
                    s.scores.failing.join(","),
                    s.post.sources.title.as_str(),
                    s.post.sources.description.as_str(),
                    s.post.sources.keywords.as_str(),
                    s.post.sources.score.as_str(),
                ])?;
            }
        }
        tx.execute(
            "UPDATE runs SET next_page = ?2 WHERE target = ?1",
            params![target, next_page],
        )?;
        tx.commit()
    }

    /// The run is complete: the next one asks only for posts modified since it began.
    pub fn complete(&self, target: &str) -> rusqlite::Result<()> {
        self.conn.execute(
            "UPDATE runs SET since = started, next_page = NULL, started = NULL WHERE target = ?1",
            [target],
        )?;
        Ok(())
    }

    pub fn count(&self, target: &str, filter: &str) -> rusqlite::Result<usize> {
        self.conn.query_row(
            &format!("SELECT COUNT(*) FROM posts WHERE target = ?1 AND ({filter})"),
            [target],
            |r| r.get::<_, i64>(0).map(|n| n as usize),
        )
    }

    pub fn rows(
        &self,
        target: &str,
        filter: &str,
        order: &str,
        limit: usize,
    ) -> rusqlite::Result<Vec<Row>> {
        let mut q = self.conn.prepare(&format!(
            "SELECT {ROW} FROM posts WHERE target = ?1 AND ({filter}) ORDER BY {order} LIMIT ?2"
        ))?;
        q.query_map(params![target, limit as i64], row)?.collect()
    }

    /// Posts per `rankmath` band (Rank Math's thresholds), and per `newsroom` band.
    pub fn bands(&self, target: &str, column: &str) -> rusqlite::Result<[usize; 3]> {
        let mut q = self.conn.prepare(&format!(
            "SELECT SUM({column} > 80), SUM({column} > 50 AND {column} <= 80), SUM({column} <= 50)
             FROM posts WHERE target = ?1"
        ))?;
        q.query_row([target], |r| {
            let n = |i| {
                r.get::<_, Option<i64>>(i)
                    .map(|n| n.unwrap_or_default() as usize)
            };
            Ok([n(0)?, n(1)?, n(2)?])
        })
    }

    /// How many posts fail each check, most first, streamed over the ledger.
    pub fn failing_checks(
        &self,
        target: &str,
        limit: usize,
    ) -> rusqlite::Result<Vec<(String, usize)>> {
        let mut q = self
            .conn
            .prepare("SELECT failing FROM posts WHERE target = ?1 AND failing <> ''")?;
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut rows = q.query([target])?;
        while let Some(r) = rows.next()? {
            let failing: String = r.get(0)?;
            for check in failing.split(',') {
                *counts.entry(check.to_owned()).or_default() += 1;
            }
        }
        let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts.truncate(limit);
        Ok(counts)
    }

    /// How many posts read each of Rank Math's values from each source, by value.
    pub fn sources(
        &self,
        target: &str,
    ) -> rusqlite::Result<BTreeMap<&'static str, BTreeMap<Source, usize>>> {
        let mut out = BTreeMap::new();
        for (value, column) in [
            ("title", "title_source"),
            ("description", "description_source"),
            ("keywords", "keywords_source"),
            ("score", "score_source"),
        ] {
            let mut q = self.conn.prepare(&format!(
                "SELECT {column}, COUNT(*) FROM posts WHERE target = ?1 GROUP BY {column}"
            ))?;
            let counts = q
                .query_map([target], |r| {
                    Ok((
                        Source::parse(&r.get::<_, String>(0)?),
                        r.get::<_, i64>(1)? as usize,
                    ))
                })?
                .collect::<rusqlite::Result<BTreeMap<_, _>>>()?;
            out.insert(value, counts);
        }
        Ok(out)
    }

    /// Records scores written to the site.
    pub fn set_stored(&mut self, target: &str, scores: &[(u64, u8)]) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut set =
                tx.prepare_cached("UPDATE posts SET stored = ?3 WHERE target = ?1 AND id = ?2")?;
            for (id, score) in scores {
                set.execute(params![target, *id as i64, score])?;
            }
        }
        tx.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::post::{Post, PostScores, Sources};

    fn scored(id: u64, stored: Option<u8>, rankmath: u8, keywords: Source) -> Scored {
        Scored {
            post: Post {
                id,
                link: format!("http://s/?p={id}"),
                slug: id.to_string(),
                modified_gmt: "2026-01-01T00:00:00".into(),
                title: format!("Post {id}"),
                content: String::new(),
                excerpt: String::new(),
                seo_title: None,
                description: None,
                focus_keywords: (keywords == Source::Rest).then(|| vec!["banjir".into()]),
                stored_score: stored,
                sources: Sources {
                    title: Source::Rest,
                    description: Source::Rest,
                    keywords,
                    score: Source::Rest,
                },
            },
            scores: PostScores {
                rankmath,
                newsroom: 50,
                failing: vec!["lengthContent".into()],
            },
        }
    }

    #[test]
    fn a_cut_run_resumes_at_its_page_and_a_complete_one_makes_the_next_incremental() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("site-audit.db")).unwrap();
        let first = ledger
            .cursor("situs", "2026-01-01T10:00:00", false)
            .unwrap();
        assert_eq!((first.since, first.next_page), (None, 1));
        ledger
            .store_page("situs", &[scored(1, Some(60), 60, Source::Rest)], 2)
            .unwrap();
        // The connection is cut here; the next run (later) continues at page 2.
        let resumed = ledger
            .cursor("situs", "2026-01-01T11:00:00", false)
            .unwrap();
        assert_eq!(resumed.next_page, 2);
        assert_eq!(resumed.started, "2026-01-01T10:00:00");
        ledger.complete("situs").unwrap();
        let next = ledger
            .cursor("situs", "2026-01-02T10:00:00", false)
            .unwrap();
        assert_eq!(next.since.as_deref(), Some("2026-01-01T10:00:00"));
        assert_eq!(next.next_page, 1);
        let full = ledger.cursor("situs", "2026-01-02T10:00:00", true).unwrap();
        assert_eq!(full.since, None, "a full run reads everything");
    }

    #[test]
    fn only_posts_with_known_keywords_are_compared() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("site-audit.db")).unwrap();
        ledger
            .store_page(
                "situs",
                &[
                    scored(1, Some(60), 60, Source::Rest),
                    scored(2, Some(40), 60, Source::Rest),
                    scored(3, None, 60, Source::Rest),
                    scored(4, Some(40), 60, Source::None),
                ],
                2,
            )
            .unwrap();
        let stale: Vec<u64> = ledger
            .rows("situs", STALE, "id", 10)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(stale, [2, 3]);
        ledger.set_stored("situs", &[(2, 60), (3, 60)]).unwrap();
        assert_eq!(ledger.count("situs", STALE).unwrap(), 0);
        assert_eq!(ledger.count("other", "1").unwrap(), 0, "targets apart");
        assert_eq!(
            ledger.failing_checks("situs", 5).unwrap(),
            [("lengthContent".to_owned(), 4)]
        );
    }
}
