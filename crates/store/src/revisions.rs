//! Revision history: when a save becomes a revision, tiered retention, word diffs and restore.

use chrono::{DateTime, Duration, Utc};
use redaksi_article::Article;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;
use similar::{ChangeTag, TextDiff};
use uuid::Uuid;

use crate::store::{from_micros, query_article, read_article, write_article};
use crate::{Store, StoreError};

/// While someone types, a snapshot is kept at most this often.
pub const SNAPSHOT_INTERVAL: Duration = Duration::minutes(5);

const DAY_MICROS: i64 = 86_400_000_000;
const HOUR_MICROS: i64 = 3_600_000_000;

/// Why a save happens, which decides the revision it leaves behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveKind {
    /// The debounced save while typing: a snapshot at most every [`SNAPSHOT_INTERVAL`].
    Autosave,
    /// Ctrl/Cmd+S: always a revision.
    Explicit,
    /// The state about to go out to a CMS or a file.
    BeforePublish,
    /// A version the user named; kept forever.
    Named(String),
}

/// What a revision records, as stored in the `kind` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RevisionKind {
    Snapshot,
    Save,
    BeforeRestore,
    Restore,
    BeforePublish,
    Named,
}

impl RevisionKind {
    fn as_str(self) -> &'static str {
        match self {
            RevisionKind::Snapshot => "snapshot",
            RevisionKind::Save => "save",
            RevisionKind::BeforeRestore => "before_restore",
            RevisionKind::Restore => "restore",
            RevisionKind::BeforePublish => "before_publish",
            RevisionKind::Named => "named",
        }
    }

    fn parse(text: &str) -> Result<Self, StoreError> {
        Ok(match text {
            "snapshot" => RevisionKind::Snapshot,
            "save" => RevisionKind::Save,
            "before_restore" => RevisionKind::BeforeRestore,
            "restore" => RevisionKind::Restore,
            "before_publish" => RevisionKind::BeforePublish,
            "named" => RevisionKind::Named,
            other => return Err(StoreError::InvalidData(format!("revision kind {other:?}"))),
        })
    }
}

/// One entry of an article's history, without its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RevisionInfo {
    pub id: i64,
    pub article_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub kind: RevisionKind,
    pub name: Option<String>,
    pub title: String,
    pub word_count: u32,
}

/// A stretch of a word diff: unchanged, inserted or deleted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DiffChunk {
    pub op: DiffOp,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    Equal,
    Insert,
    Delete,
}

/// The difference between two versions of an article, word by word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RevisionDiff {
    pub title: Vec<DiffChunk>,
    pub body: Vec<DiffChunk>,
    /// Whether any metadata (status, tags, SEO fields, …) differs.
    pub meta_changed: bool,
}

/// One side of a diff: a stored revision or the article as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Revision(i64),
    Current,
}

/// Records the revision `kind` asks for, inside the caller's transaction, after the article
/// row has been written.
pub(crate) fn record(
    conn: &Connection,
    id: Uuid,
    kind: &SaveKind,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (kind, name) = match kind {
        SaveKind::Autosave => {
            let last: Option<i64> = conn
                .prepare_cached("SELECT max(created_at) FROM revisions WHERE article_id = ?1")?
                .query_row([id.to_string()], |row| row.get(0))?;
            let due = last.is_none_or(|last| {
                now.timestamp_micros() - last >= SNAPSHOT_INTERVAL.num_microseconds().unwrap_or(0)
            });
            if !due {
                return Ok(());
            }
            (RevisionKind::Snapshot, None)
        }
        SaveKind::Explicit => (RevisionKind::Save, None),
        SaveKind::BeforePublish => (RevisionKind::BeforePublish, None),
        SaveKind::Named(name) => (RevisionKind::Named, Some(name.as_str())),
    };
    insert_revision(conn, id, kind, name, now)?;
    prune(conn, id, now)?;
    Ok(())
}

/// Keeps the article's current text as a snapshot when its newest revision does not hold it
/// (typing since the last snapshot), before something from outside replaces it: an import
/// of its file must not drop a save the editor was told had succeeded.
pub(crate) fn keep_unrecorded(
    conn: &Connection,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO revisions (article_id, created_at, kind, name, title, body, meta, extra)
         SELECT a.id, ?2, ?3, NULL, a.title, a.body, a.meta, a.extra FROM articles a
         WHERE a.id = ?1 AND NOT EXISTS (
             SELECT 1 FROM revisions r
             WHERE r.id = (SELECT max(id) FROM revisions WHERE article_id = a.id)
               AND r.title = a.title AND r.body = a.body AND r.meta IS a.meta)",
    )?
    .execute(params![
        id.to_string(),
        now.timestamp_micros(),
        RevisionKind::Snapshot.as_str()
    ])?;
    Ok(())
}

/// Copies the article row as it is now into a new revision.
fn insert_revision(
    conn: &Connection,
    id: Uuid,
    kind: RevisionKind,
    name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO revisions (article_id, created_at, kind, name, title, body, meta, extra)
         SELECT id, ?2, ?3, ?4, title, body, meta, extra FROM articles WHERE id = ?1",
    )?
    .execute(params![
        id.to_string(),
        now.timestamp_micros(),
        kind.as_str(),
        name
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Tiered retention for one article: everything from the last day, the newest per hour for
/// 7 days, the newest per day for 90 days, named versions forever.
pub(crate) fn prune(conn: &Connection, id: Uuid, now: DateTime<Utc>) -> Result<usize, StoreError> {
    let now = now.timestamp_micros();
    Ok(conn
        .prepare_cached(
            "DELETE FROM revisions WHERE id IN (
                SELECT id FROM (
                    SELECT id, created_at,
                        row_number() OVER (
                            PARTITION BY (?2 - created_at) < 7 * ?3,
                                CASE WHEN (?2 - created_at) < 7 * ?3 THEN created_at / ?4
                                     ELSE created_at / ?3 END
                            ORDER BY created_at DESC, id DESC) AS newest
                    FROM revisions
                    WHERE article_id = ?1 AND kind <> 'named' AND (?2 - created_at) >= ?3
                ) WHERE newest > 1 OR (?2 - created_at) >= 90 * ?3
            )",
        )?
        .execute(params![id.to_string(), now, DAY_MICROS, HOUR_MICROS])?)
}

impl Store {
    /// Saves the article as it is now as a named version, kept forever.
    pub fn name_version(&mut self, id: Uuid, name: &str) -> Result<RevisionInfo, StoreError> {
        self.add_revision(id, RevisionKind::Named, Some(name))
    }

    /// Records the article as it is about to be published (the publish crate calls this).
    pub fn mark_before_publish(&mut self, id: Uuid) -> Result<RevisionInfo, StoreError> {
        self.add_revision(id, RevisionKind::BeforePublish, None)
    }

    fn add_revision(
        &mut self,
        id: Uuid,
        kind: RevisionKind,
        name: Option<&str>,
    ) -> Result<RevisionInfo, StoreError> {
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !exists(&tx, id)? {
            return Err(StoreError::NotFound(id));
        }
        let rev = insert_revision(&tx, id, kind, name, now)?;
        prune(&tx, id, now)?;
        tx.commit()?;
        self.revision_info(id, rev)
    }

    /// An article's history, newest first.
    pub fn list_revisions(&self, id: Uuid) -> Result<Vec<RevisionInfo>, StoreError> {
        if !self.exists(id)? {
            return Err(StoreError::NotFound(id));
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, created_at, kind, name, title, body FROM revisions
             WHERE article_id = ?1 ORDER BY created_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([id.to_string()], |row| info_from_row(id, row))?;
        rows.map(|row| row?).collect()
    }

    fn revision_info(&self, id: Uuid, rev: i64) -> Result<RevisionInfo, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT id, created_at, kind, name, title, body FROM revisions
                 WHERE article_id = ?1 AND id = ?2",
            )?
            .query_row(params![id.to_string(), rev], |row| info_from_row(id, row))
            .optional()?
            .ok_or(StoreError::RevisionNotFound {
                article: id,
                revision: rev,
            })?
    }

    /// The article as it was at revision `rev`.
    pub fn get_revision(&self, id: Uuid, rev: i64) -> Result<Article, StoreError> {
        read_revision(&self.conn, id, rev)
    }

    /// Word-level differences from `from` to `to`.
    pub fn diff(&self, id: Uuid, from: Version, to: Version) -> Result<RevisionDiff, StoreError> {
        let load = |version| match version {
            Version::Current => read_article(&self.conn, id),
            Version::Revision(rev) => read_revision(&self.conn, id, rev),
        };
        let (old, new) = (load(from)?, load(to)?);
        Ok(RevisionDiff {
            title: word_diff(&old.title, &new.title),
            body: word_diff(&old.body, &new.body),
            meta_changed: old.meta != new.meta,
        })
    }

    /// Makes revision `rev` the current text. Nothing is destroyed: the text being replaced
    /// is kept as a `before_restore` revision and the result as a `restore` revision, all in
    /// one transaction.
    pub fn restore_revision(&mut self, id: Uuid, rev: i64) -> Result<Article, StoreError> {
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut restored = read_revision(&tx, id, rev)?;
        let current = read_article(&tx, id)?;
        restored.created_at = current.created_at;
        insert_revision(&tx, id, RevisionKind::BeforeRestore, None, now)?;
        write_article(&tx, &restored, now)?;
        let name = format!("restored from revision {rev}");
        insert_revision(&tx, id, RevisionKind::Restore, Some(&name), now)?;
        prune(&tx, id, now)?;
        let stored = read_article(&tx, id)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Applies retention to every article (the app runs this now and then).
    pub fn prune_all_revisions(&mut self) -> Result<usize, StoreError> {
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let ids: Vec<String> = tx
            .prepare("SELECT DISTINCT article_id FROM revisions")?
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let mut removed = 0;
        for id in ids {
            let id =
                Uuid::parse_str(&id).map_err(|err| StoreError::InvalidData(err.to_string()))?;
            removed += prune(&tx, id, now)?;
        }
        tx.commit()?;
        Ok(removed)
    }
}

fn exists(conn: &Connection, id: Uuid) -> Result<bool, StoreError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
        [id.to_string()],
        |row| row.get(0),
    )?)
}

fn info_from_row(
    article_id: Uuid,
    row: &rusqlite::Row<'_>,
) -> rusqlite::Result<Result<RevisionInfo, StoreError>> {
    let kind: String = row.get(2)?;
    let body: String = row.get(5)?;
    let (id, created, name, title) = (row.get(0)?, row.get(1)?, row.get(3)?, row.get(4)?);
    Ok(RevisionKind::parse(&kind).map(|kind| RevisionInfo {
        id,
        article_id,
        created_at: from_micros(created),
        kind,
        name,
        title,
        word_count: crate::word_count_and_excerpt(&body).0,
    }))
}

fn read_revision(conn: &Connection, id: Uuid, rev: i64) -> Result<Article, StoreError> {
    query_article(
        conn,
        "SELECT r.title, r.body, r.meta, r.extra, a.created_at, r.created_at
         FROM revisions r JOIN articles a ON a.id = r.article_id
         WHERE r.article_id = ?1 AND r.id = ?2",
        params![id.to_string(), rev],
        id,
        || StoreError::RevisionNotFound {
            article: id,
            revision: rev,
        },
    )
}

/// A word diff for prose: whitespace-separated words, with the whitespace kept in the chunks
/// so that joining the `Equal` and `Insert` texts gives back the new text exactly.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffChunk> {
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_secs(2))
        .diff_words(old, new);
    let mut chunks: Vec<DiffChunk> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Equal,
            ChangeTag::Insert => DiffOp::Insert,
            ChangeTag::Delete => DiffOp::Delete,
        };
        match chunks.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => chunks.push(DiffChunk {
                op,
                text: change.value().to_owned(),
            }),
        }
    }
    chunks
}
