//! The review workflow's local state (migration `0008_review.sql`): for each WordPress post
//! under review, which local article it is, what the site last said about it (status, author,
//! the editor's note) and its local score; and how far each pull has read. The workflow itself
//! is `redaksi_desk::review`.

use chrono::{DateTime, Utc};
use redaksi_article::Article;
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::store::{encode_meta, from_micros};
use crate::{Store, StoreError};

/// Whom a review row is for in this data folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The editor reviewing someone's post.
    Editor,
    /// The reporter who submitted it.
    Reporter,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Editor => "editor",
            Side::Reporter => "reporter",
        }
    }
}

/// The editor's note on a returned post, as the site recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub text: String,
    pub by: String,
    pub at: String,
}

/// One post under review, as this data folder knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewPost {
    pub target: String,
    pub remote_id: String,
    pub side: Side,
    pub article_id: Uuid,
    /// WordPress's status word as last seen (`pending`, `draft`, `future`, `publish`).
    pub status: String,
    pub author: String,
    /// When it was last seen waiting for review (the site's `modified_gmt`).
    pub submitted_at: Option<String>,
    pub modified_gmt: String,
    pub link: Option<String>,
    pub note: Option<Note>,
    pub words: u32,
    /// The desk's profile's score, and Rank Math's number beside it.
    pub score: Option<u8>,
    pub rankmath: Option<u8>,
    pub band: Option<String>,
    /// The ids of the top failing checks.
    pub failing: Vec<String>,
    /// The local article's `updated_at` when it was last in step with the post.
    pub base_updated_at: Option<DateTime<Utc>>,
    /// Why the last sync kept both texts, until the reporter resolves it.
    pub conflict: Option<String>,
}

const COLUMNS: &str = "target, remote_id, side, article_id, status, author, submitted_at,
    modified_gmt, link, note, note_by, note_at, words, score, rankmath, band, failing,
    base_updated_at, conflict";

fn read(row: &Row<'_>) -> rusqlite::Result<ReviewPost> {
    let side: String = row.get(2)?;
    let article: String = row.get(3)?;
    let note: Option<String> = row.get(9)?;
    let failing: String = row.get(16)?;
    Ok(ReviewPost {
        target: row.get(0)?,
        remote_id: row.get(1)?,
        side: if side == "editor" {
            Side::Editor
        } else {
            Side::Reporter
        },
        article_id: Uuid::parse_str(&article).unwrap_or_default(),
        status: row.get(4)?,
        author: row.get(5)?,
        submitted_at: row.get(6)?,
        modified_gmt: row.get(7)?,
        link: row.get(8)?,
        note: note.map(|text| Note {
            text,
            by: row
                .get::<_, Option<String>>(10)
                .ok()
                .flatten()
                .unwrap_or_default(),
            at: row
                .get::<_, Option<String>>(11)
                .ok()
                .flatten()
                .unwrap_or_default(),
        }),
        words: row.get(12)?,
        score: row.get(13)?,
        rankmath: row.get(14)?,
        band: row.get(15)?,
        failing: serde_json::from_str(&failing).unwrap_or_default(),
        base_updated_at: row.get::<_, Option<i64>>(17)?.map(from_micros),
        conflict: row.get(18)?,
    })
}

impl Store {
    /// Records (or replaces) what is known about a post under review.
    pub fn review_put(&mut self, post: &ReviewPost) -> Result<(), StoreError> {
        let note = post.note.as_ref();
        self.connection()
            .prepare_cached(&format!(
                "INSERT OR REPLACE INTO review_posts ({COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                         ?17, ?18, ?19)"
            ))?
            .execute(params![
                post.target,
                post.remote_id,
                post.side.as_str(),
                post.article_id.to_string(),
                post.status,
                post.author,
                post.submitted_at,
                post.modified_gmt,
                post.link,
                note.map(|n| &n.text),
                note.map(|n| &n.by),
                note.map(|n| &n.at),
                post.words,
                post.score,
                post.rankmath,
                post.band,
                serde_json::to_string(&post.failing).unwrap_or_else(|_| "[]".into()),
                post.base_updated_at.map(|t| t.timestamp_micros()),
                post.conflict,
            ])?;
        Ok(())
    }

    /// The post `remote_id` on `target`, as `side` knows it.
    pub fn review_get(
        &self,
        target: &str,
        remote_id: &str,
        side: Side,
    ) -> Result<Option<ReviewPost>, StoreError> {
        Ok(self
            .connection()
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM review_posts
                 WHERE target = ?1 AND remote_id = ?2 AND side = ?3"
            ))?
            .query_row(params![target, remote_id, side.as_str()], read)
            .optional()?)
    }

    /// The review rows of one local article.
    pub fn review_of_article(&self, article: Uuid) -> Result<Vec<ReviewPost>, StoreError> {
        Ok(self
            .connection()
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM review_posts WHERE article_id = ?1 ORDER BY target"
            ))?
            .query_map([article.to_string()], read)?
            .collect::<Result<_, _>>()?)
    }

    /// Every post `side` follows on `target` (all targets with `None`), the longest waiting
    /// first.
    pub fn review_list(
        &self,
        target: Option<&str>,
        side: Side,
    ) -> Result<Vec<ReviewPost>, StoreError> {
        Ok(self
            .connection()
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM review_posts
                 WHERE side = ?1 AND (?2 IS NULL OR target = ?2)
                 ORDER BY submitted_at, modified_gmt, remote_id"
            ))?
            .query_map(params![side.as_str(), target], read)?
            .collect::<Result<_, _>>()?)
    }

    /// How far the last pull of `side` on `target` read (the site's modification time).
    pub fn review_cursor(&self, target: &str, side: Side) -> Result<Option<String>, StoreError> {
        Ok(self
            .connection()
            .prepare_cached("SELECT cursor FROM review_cursors WHERE target = ?1 AND side = ?2")?
            .query_row(params![target, side.as_str()], |row| row.get(0))
            .optional()?)
    }

    pub fn review_set_cursor(
        &mut self,
        target: &str,
        side: Side,
        cursor: &str,
    ) -> Result<(), StoreError> {
        let now = self.now().timestamp_micros();
        self.connection()
            .prepare_cached(
                "INSERT INTO review_cursors (target, side, cursor, synced_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (target, side) DO UPDATE SET
                     cursor = excluded.cursor, synced_at = excluded.synced_at",
            )?
            .execute(params![target, side.as_str(), cursor, now])?;
        Ok(())
    }

    /// The local article a post on `target` is, by the id the outbox recorded for it.
    pub fn article_for_remote(
        &self,
        target: &str,
        remote_id: &str,
    ) -> Result<Option<Uuid>, StoreError> {
        let id: Option<String> = self
            .connection()
            .prepare_cached(
                "SELECT article_id FROM remote_posts WHERE target = ?1 AND remote_id = ?2",
            )?
            .query_row(params![target, remote_id], |row| row.get(0))
            .optional()?;
        id.map(|id| {
            Uuid::parse_str(&id)
                .map_err(|_| StoreError::InvalidData(format!("remote post article id {id:?}")))
        })
        .transpose()
    }

    /// Keeps `version` (another text of the same article) in its history as a named version,
    /// kept forever, without touching the working copy. Returns the revision's id.
    pub fn keep_version(&mut self, version: &Article, name: &str) -> Result<i64, StoreError> {
        if !self.exists(version.id)? {
            return Err(StoreError::NotFound(version.id));
        }
        let (meta, extra) = encode_meta(&version.meta)?;
        let now = self.now().timestamp_micros();
        self.connection()
            .prepare_cached(
                "INSERT INTO revisions (article_id, created_at, kind, name, title, body, meta, extra)
                 VALUES (?1, ?2, 'named', ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                version.id.to_string(),
                now,
                name,
                version.title,
                version.body,
                meta,
                extra
            ])?;
        Ok(self.connection().last_insert_rowid())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(article: Uuid) -> ReviewPost {
        ReviewPost {
            target: "situs".into(),
            remote_id: "12".into(),
            side: Side::Editor,
            article_id: article,
            status: "pending".into(),
            author: "Rina".into(),
            submitted_at: Some("2026-12-03T10:00:00".into()),
            modified_gmt: "2026-12-03T10:00:00".into(),
            link: None,
            note: Some(Note {
                text: "Perbaiki judul".into(),
                by: "Sari".into(),
                at: "2026-12-03T11:00:00".into(),
            }),
            words: 300,
            score: Some(71),
            rankmath: Some(64),
            band: Some("ok".into()),
            failing: vec!["lede".into()],
            base_updated_at: Some(from_micros(1_700_000_000_000_000)),
            conflict: None,
        }
    }

    #[test]
    fn review_rows_and_cursors_round_trip_and_are_kept_per_side() {
        let mut store = Store::open_in_memory().unwrap();
        let article = store.create_article("J", "b").unwrap();
        let row = post(article.id);
        store.review_put(&row).unwrap();
        assert_eq!(
            store.review_get("situs", "12", Side::Editor).unwrap(),
            Some(row.clone())
        );
        assert_eq!(
            store.review_get("situs", "12", Side::Reporter).unwrap(),
            None
        );
        let mut changed = row.clone();
        changed.status = "publish".into();
        changed.note = None;
        store.review_put(&changed).unwrap();
        assert_eq!(store.review_list(None, Side::Editor).unwrap(), [changed]);
        assert_eq!(store.review_of_article(article.id).unwrap().len(), 1);

        assert_eq!(store.review_cursor("situs", Side::Editor).unwrap(), None);
        store
            .review_set_cursor("situs", Side::Editor, "2026-12-03T10:00:00")
            .unwrap();
        store
            .review_set_cursor("situs", Side::Editor, "2026-12-03T12:00:00")
            .unwrap();
        assert_eq!(
            store
                .review_cursor("situs", Side::Editor)
                .unwrap()
                .as_deref(),
            Some("2026-12-03T12:00:00")
        );
    }

    #[test]
    fn a_kept_version_is_history_and_leaves_the_working_copy_alone() {
        let mut store = Store::open_in_memory().unwrap();
        let mine = store.create_article("Judul", "Teks saya.").unwrap();
        let mut theirs = mine.clone();
        theirs.body = "Teks editor.".into();
        let rev = store.keep_version(&theirs, "edited by Sari").unwrap();
        assert_eq!(store.get_article(mine.id).unwrap().body, "Teks saya.");
        assert_eq!(
            store.get_revision(mine.id, rev).unwrap().body,
            "Teks editor."
        );
        let info = store.list_revisions(mine.id).unwrap();
        assert!(
            info.iter()
                .any(|r| r.id == rev && r.name.as_deref() == Some("edited by Sari"))
        );
        let stranger = Article::new("x", "y", Utc::now());
        assert!(matches!(
            store.keep_version(&stranger, "n"),
            Err(StoreError::NotFound(_))
        ));
    }
}
