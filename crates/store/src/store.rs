use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use redaksi_article::{Article, Meta, Status};
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};
use serde::Serialize;
use uuid::Uuid;

use crate::revisions::{self, SaveKind};
use crate::{StoreError, migrate};

/// The database file's name inside the data directory.
pub const DB_FILE: &str = "redaksi.db";

/// How long a write waits for another process (the CLI next to the app) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Pages the write-ahead log may grow to before a save has to checkpoint it (16 MB).
const WAL_AUTOCHECKPOINT_PAGES: i64 = 4_000;

/// The write-ahead log size above which a quiet moment is used to checkpoint it (8 MB, half
/// of what forces a checkpoint during a save).
const IDLE_CHECKPOINT_BYTES: u64 = 8 * 1024 * 1024;

/// How long a deleted article stays in the trash.
pub const TRASH_DAYS: i64 = 30;

/// The columns [`summary_from_row`] reads, in its order.
pub(crate) const SUMMARY_COLUMNS: &str =
    "id, title, status, category, word_count, excerpt, score, created_at, updated_at, byline";

/// The store's notion of "now". Tests pass a fixed clock so retention and trash are testable.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// One line of the article list: enough to draw it without loading any body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleSummary {
    pub id: Uuid,
    pub title: String,
    pub status: Status,
    pub category: Option<String>,
    /// Who wrote it, as the front matter's `byline` says.
    pub byline: Option<String>,
    pub word_count: u32,
    /// The first words of the body as plain text.
    pub excerpt: String,
    /// The SEO score the app last stored for this article, if any.
    pub score: Option<u8>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What [`Store::maintenance`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Maintenance {
    pub purged_articles: usize,
    pub pruned_revisions: usize,
    pub backup: Option<crate::BackupInfo>,
}

/// The draft store: one SQLite connection with Redaksi's schema. See the crate docs.
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    clock: Clock,
}

impl Store {
    /// Opens (or creates) `redaksi.db` in `dir`, creating the directory when needed.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Store::open_with(dir, false)
    }

    pub(crate) fn open_with(dir: &Path, check: bool) -> Result<Store, StoreError> {
        fs::create_dir_all(dir)
            .map_err(|err| StoreError::io(format!("creating {}", dir.display()), err))?;
        let path = dir.join(DB_FILE);
        crate::private::make_private(&path)
            .map_err(|err| StoreError::io(format!("opening {}", path.display()), err))?;
        let conn = Connection::open(&path).map_err(|err| with_path(err.into(), &path))?;
        Store::setup(conn, Some(path.clone()), check).map_err(|err| with_path(err, &path))
    }

    /// A private database in memory, for tests and throw-away work.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?, None, false)
    }

    fn setup(
        mut conn: Connection,
        path: Option<PathBuf>,
        check: bool,
    ) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Reading the journal mode is the first read of the file, so a file that is not a
        // database fails here, before anything is written to it.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // A checkpoint syncs the file; with the default (1,000 pages) one lands every few
        // dozen autosaves of a long article. The writer thread checkpoints when idle instead
        // (see `idle`), and this larger limit is the safety net for short-lived processes.
        conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)?;
        // A log is reused from its start after a checkpoint; this trims it back then, so its
        // size tells `idle` how much has been written since.
        conn.query_row(
            &format!("PRAGMA journal_size_limit = {IDLE_CHECKPOINT_BYTES}"),
            [],
            |_| Ok(()),
        )?;
        if check {
            // Before any migration writes: a damaged file must stay exactly as it was found.
            integrity_check(&conn, path.as_deref())?;
        }
        if let Err(found) = migrate::migrate(&mut conn)? {
            return Err(StoreError::NewerDatabase {
                path: path.clone().unwrap_or_default(),
                found,
                known: migrate::latest_version(),
            });
        }
        Ok(Store {
            conn,
            data_dir: path.as_deref().and_then(Path::parent).map(Path::to_owned),
            path,
            clock: Arc::new(Utc::now),
        })
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The directory that holds the database, media and backups; `None` in memory.
    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// The connection itself, for diagnostics and tests (pragmas, `EXPLAIN`).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Replaces the clock (tests use a fixed or stepping one).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Now, at the precision the database keeps (microseconds).
    pub(crate) fn now(&self) -> DateTime<Utc> {
        from_micros((self.clock)().timestamp_micros())
    }

    /// A new, empty draft, stored at once.
    pub fn create_article(&mut self, title: &str, body: &str) -> Result<Article, StoreError> {
        let article = Article::new(title, body, self.now());
        self.save_article(&article)
    }

    /// Stores `article` in one transaction (insert or update by id) and returns it as stored,
    /// with `updated_at` set to now. `created_at` of an existing article never changes.
    /// This is the autosave: it keeps a snapshot revision at most every
    /// [`SNAPSHOT_INTERVAL`](crate::SNAPSHOT_INTERVAL).
    ///
    /// When the disk is full the save fails with `disk_full`, and the text is written to a
    /// recovery file next to the database (see [`Store::recovery_path`]) as a last resort.
    pub fn save_article(&mut self, article: &Article) -> Result<Article, StoreError> {
        self.save_as(article, SaveKind::Autosave)
    }

    /// Stores `article` like [`save_article`](Self::save_article) and records the revision
    /// that `kind` asks for, in the same transaction.
    pub fn save_as(&mut self, article: &Article, kind: SaveKind) -> Result<Article, StoreError> {
        self.save_checked(article, &kind, false)
    }

    /// A save from an editor: `article.updated_at` is the version it was based on. When the
    /// stored article changed since (another process, the folder mirror, a bulk status
    /// change), nothing is written and the save fails with [`StoreError::Stale`], so a text
    /// that never saw the newer one cannot overwrite it. The check and the write are one
    /// transaction, so another process cannot slip in between. A new article saves as usual.
    pub fn save_edit(&mut self, article: &Article, kind: SaveKind) -> Result<Article, StoreError> {
        self.save_checked(article, &kind, true)
    }

    fn save_checked(
        &mut self,
        article: &Article,
        kind: &SaveKind,
        check_version: bool,
    ) -> Result<Article, StoreError> {
        match self.save_inner(article, kind, check_version) {
            Ok(stored) => {
                if let Some(path) = self.recovery_path(article.id) {
                    // The text is safely in the database again; an old recovery copy would
                    // only confuse.
                    let _ = fs::remove_file(path);
                }
                Ok(stored)
            }
            Err(StoreError::DiskFull { .. }) => Err(StoreError::DiskFull {
                recovery: self.write_recovery(article),
            }),
            Err(err) => Err(err),
        }
    }

    fn save_inner(
        &mut self,
        article: &Article,
        kind: &SaveKind,
        check_version: bool,
    ) -> Result<Article, StoreError> {
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if check_version {
            let stored: Option<i64> = tx
                .prepare_cached("SELECT updated_at FROM articles WHERE id = ?1")?
                .query_row([article.id.to_string()], |row| row.get(0))
                .optional()?;
            if stored.is_some_and(|at| at != article.updated_at.timestamp_micros()) {
                return Err(StoreError::Stale(article.id));
            }
        }
        write_article(&tx, article, now)?;
        revisions::record(&tx, article.id, kind, now)?;
        let stored = read_article(&tx, article.id)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Where the text of an article goes when the database cannot take it (disk full):
    /// `redaksi-recovery-<id>.md` next to the database. `None` for an in-memory store.
    pub fn recovery_path(&self, id: Uuid) -> Option<PathBuf> {
        let dir = self.path.as_deref()?.parent()?;
        Some(dir.join(format!("redaksi-recovery-{id}.md")))
    }

    /// Writes the recovery copy beside the old one and renames it over, so that a disk that
    /// runs out in the middle leaves the older copy whole (and `None`: the text then stays
    /// in the editor, which says so).
    fn write_recovery(&self, article: &Article) -> Option<PathBuf> {
        let path = self.recovery_path(article.id)?;
        let partial = path.with_extension("md.partial");
        let text = redaksi_article::front_matter::write(article);
        let written = crate::private::open_private(&partial)
            .and_then(|mut file| {
                use std::io::Write;
                file.set_len(0)?;
                file.write_all(text.as_bytes())?;
                file.sync_all()
            })
            .and_then(|()| fs::rename(&partial, &path));
        if written.is_err() {
            let _ = fs::remove_file(&partial);
        }
        written.ok().map(|()| path)
    }

    /// The article with this id, also when it is in the trash.
    pub fn get_article(&self, id: Uuid) -> Result<Article, StoreError> {
        read_article(&self.conn, id)
    }

    /// Every article outside the trash, most recently updated first.
    pub fn list_articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles
             WHERE deleted_at IS NULL ORDER BY updated_at DESC"
        ))?;
        let rows = stmt.query_map([], summary_from_row)?;
        rows.map(|row| row?).collect()
    }

    /// Moves an article to the trash. It stays readable and restorable for
    /// [`TRASH_DAYS`] days, then [`purge_trash`](Self::purge_trash) removes it.
    pub fn delete_article(&mut self, id: Uuid) -> Result<(), StoreError> {
        let now = self.now().timestamp_micros();
        let changed = self.conn.execute(
            "UPDATE articles SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id.to_string(), now],
        )?;
        if changed == 0 && !self.exists(id)? {
            return Err(StoreError::NotFound(id));
        }
        Ok(())
    }

    /// Takes an article out of the trash.
    pub fn restore_from_trash(&mut self, id: Uuid) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE articles SET deleted_at = NULL WHERE id = ?1",
            [id.to_string()],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound(id));
        }
        Ok(())
    }

    /// The articles in the trash, most recently deleted first, each with when it was deleted.
    pub fn list_trash(&self) -> Result<Vec<(ArticleSummary, DateTime<Utc>)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS}, deleted_at FROM articles
             WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"
        ))?;
        let rows = stmt.query_map([], |row| {
            let deleted: i64 = row.get(10)?;
            Ok(summary_from_row(row)?.map(|summary| (summary, from_micros(deleted))))
        })?;
        rows.map(|row| row?).collect()
    }

    /// Deletes for good what has been in the trash longer than [`TRASH_DAYS`] days, with its
    /// revisions. Returns how many articles went.
    pub fn purge_trash(&mut self) -> Result<usize, StoreError> {
        let cutoff = self.now() - chrono::Duration::days(TRASH_DAYS);
        Ok(self.conn.execute(
            "DELETE FROM articles WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
            [cutoff.timestamp_micros()],
        )?)
    }

    /// Stores the SEO score the app computed for an article (0..=100), for filters and sorts.
    /// Does not count as an edit: `updated_at` stays.
    pub fn set_score(&mut self, id: Uuid, score: Option<u8>) -> Result<(), StoreError> {
        if score.is_some_and(|s| s > 100) {
            return Err(StoreError::InvalidInput(
                "a score is between 0 and 100".into(),
            ));
        }
        let changed = self.conn.execute(
            "UPDATE articles SET score = ?2 WHERE id = ?1",
            params![id.to_string(), score],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound(id));
        }
        Ok(())
    }

    pub(crate) fn exists(&self, id: Uuid) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
            [id.to_string()],
            |row| row.get(0),
        )?)
    }

    /// The housekeeping the app runs at start-up and about daily: purges the trash of what is
    /// older than [`TRASH_DAYS`], applies revision retention, and takes a backup if one is due.
    pub fn maintenance(&mut self) -> Result<Maintenance, StoreError> {
        Ok(Maintenance {
            purged_articles: self.purge_trash()?,
            pruned_revisions: self.prune_all_revisions()?,
            backup: self.backup_if_due()?,
        })
    }

    /// Work that should not slow a save down, for quiet moments: once the write-ahead log has
    /// grown large, checkpoints it without waiting for readers. (Search brings its index up
    /// to date itself; doing that here after every pause in typing would cost each next save
    /// a copy of the article, measured in benches/store.rs.)
    /// [`StoreHandle`](crate::StoreHandle) runs it after a second without calls.
    pub fn idle(&mut self) -> Result<(), StoreError> {
        // Only a large log is worth it: after a checkpoint the next save restarts the log,
        // which costs a sync of its own.
        let wal_bytes = self.path.as_ref().and_then(|path| {
            let mut wal = path.clone().into_os_string();
            wal.push("-wal");
            fs::metadata(wal).ok().map(|meta| meta.len())
        });
        if wal_bytes.is_some_and(|bytes| bytes > IDLE_CHECKPOINT_BYTES) {
            self.conn
                .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        }
        Ok(())
    }

    /// `PRAGMA integrity_check`: `Ok(())` or the problems SQLite lists.
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        integrity_check(&self.conn, self.path.as_deref())
    }
}

fn integrity_check(conn: &Connection, path: Option<&Path>) -> Result<(), StoreError> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let problems: Vec<String> = stmt
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<Result<_, _>>()?;
    if problems == ["ok"] {
        Ok(())
    } else {
        Err(StoreError::Corrupt {
            path: path.map(Path::to_owned).unwrap_or_default(),
            detail: problems.join("; "),
            newest_good_backup: None,
        })
    }
}

fn with_path(err: StoreError, path: &Path) -> StoreError {
    match err {
        StoreError::Corrupt {
            detail,
            newest_good_backup,
            ..
        } => StoreError::Corrupt {
            path: path.to_owned(),
            detail,
            newest_good_backup,
        },
        StoreError::NewerDatabase { found, known, .. } => StoreError::NewerDatabase {
            path: path.to_owned(),
            found,
            known,
        },
        other => other,
    }
}

pub(crate) fn from_micros(micros: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(micros).unwrap_or_default()
}

/// Inserts or updates one article row. Runs inside the caller's transaction.
pub(crate) fn write_article(
    conn: &Connection,
    article: &Article,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (meta, extra) = encode_meta(&article.meta)?;
    let body = &article.body;
    let (words, excerpt) = word_count_and_excerpt(body);
    conn.prepare_cached(
        "INSERT INTO articles (id, title, body, meta, extra, status, category, byline,
                               word_count, excerpt, created_at, updated_at, tags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (id) DO UPDATE SET
             title = excluded.title, body = excluded.body, meta = excluded.meta,
             extra = excluded.extra, status = excluded.status, category = excluded.category,
             byline = excluded.byline, word_count = excluded.word_count,
             excerpt = excluded.excerpt, updated_at = excluded.updated_at,
             tags = excluded.tags",
    )?
    .execute(params![
        article.id.to_string(),
        article.title,
        body,
        meta,
        extra,
        article.meta.status.as_str(),
        article.meta.category,
        article.meta.byline,
        words,
        excerpt,
        article.created_at.timestamp_micros(),
        now.timestamp_micros(),
        article.meta.tags.join("\n"),
    ])?;
    let id = article.id.to_string();
    let stored_tags: Vec<String> = conn
        .prepare_cached("SELECT tag FROM article_tags WHERE article_id = ?1 ORDER BY tag")?
        .query_map([&id], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    let mut wanted: Vec<&String> = article.meta.tags.iter().collect();
    wanted.sort();
    wanted.dedup();
    if stored_tags.iter().ne(wanted.iter().copied()) {
        conn.prepare_cached("DELETE FROM article_tags WHERE article_id = ?1")?
            .execute([&id])?;
        let mut insert = conn.prepare_cached(
            "INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?1, ?2)",
        )?;
        for tag in wanted {
            insert.execute([&id, tag])?;
        }
    }
    Ok(())
}

pub(crate) fn read_article(conn: &Connection, id: Uuid) -> Result<Article, StoreError> {
    query_article(
        conn,
        "SELECT title, body, meta, extra, created_at, updated_at FROM articles WHERE id = ?1",
        [id.to_string()],
        id,
        || StoreError::NotFound(id),
    )
}

/// Reads one article (the current one or a revision) from a query whose columns are title,
/// body, meta, extra, created and updated, in that order.
pub(crate) fn query_article(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    id: Uuid,
    missing: impl FnOnce() -> StoreError,
) -> Result<Article, StoreError> {
    let (title, body, meta, extra, created, updated) = conn
        .prepare_cached(sql)?
        .query_row(params, |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, i64>(4)?,
                row.get::<_, i64>(5)?,
            ))
        })
        .optional()?
        .ok_or_else(missing)?;
    Ok(Article {
        id,
        title,
        body,
        created_at: from_micros(created),
        updated_at: from_micros(updated),
        meta: decode_meta(&meta, extra.as_deref())?,
    })
}

/// Meta goes in as JSON, except the unknown front-matter keys: YAML keys need not be strings,
/// so they are kept as YAML to survive exactly.
pub(crate) fn encode_meta(meta: &Meta) -> Result<(String, Option<String>), StoreError> {
    let extra = if meta.extra.is_empty() {
        None
    } else {
        Some(
            serde_norway::to_string(&meta.extra)
                .map_err(|err| StoreError::InvalidData(err.to_string()))?,
        )
    };
    let json = if meta.extra.is_empty() {
        serde_json::to_string(meta)?
    } else {
        let mut known = meta.clone();
        known.extra = Default::default();
        serde_json::to_string(&known)?
    };
    Ok((json, extra))
}

pub(crate) fn decode_meta(json: &str, extra: Option<&str>) -> Result<Meta, StoreError> {
    let mut meta: Meta = serde_json::from_str(json)?;
    if let Some(extra) = extra {
        meta.extra = serde_norway::from_str(extra)
            .map_err(|err| StoreError::InvalidData(err.to_string()))?;
    }
    Ok(meta)
}

pub(crate) fn summary_from_row(
    row: &Row<'_>,
) -> rusqlite::Result<Result<ArticleSummary, StoreError>> {
    let id: String = row.get(0)?;
    let status: String = row.get(2)?;
    let summary = (|| {
        Ok(ArticleSummary {
            id: Uuid::parse_str(&id).map_err(|err| StoreError::InvalidData(err.to_string()))?,
            title: row.get(1)?,
            status: status
                .parse()
                .map_err(|err: redaksi_article::StatusParseError| {
                    StoreError::InvalidData(err.to_string())
                })?,
            category: row.get(3)?,
            byline: row.get(9)?,
            word_count: row.get(4)?,
            excerpt: row.get(5)?,
            score: row.get(6)?,
            created_at: from_micros(row.get(7)?),
            updated_at: from_micros(row.get(8)?),
        })
    })();
    Ok(summary)
}

/// The body's words (the desk's count, [`redaksi_article::text`]) and its excerpt: the first
/// words of its plain text, without Markdown syntax.
pub fn word_count_and_excerpt(markdown: &str) -> (u32, String) {
    let plain = redaksi_article::text::plain_text(markdown);
    let words = redaksi_article::text::word_count(&plain);
    (u32::try_from(words).unwrap_or(u32::MAX), excerpt(&plain))
}

const EXCERPT_CHARS: usize = 160;

fn excerpt(plain: &str) -> String {
    let mut out = String::with_capacity(EXCERPT_CHARS + 4);
    for word in plain.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        // Enough bytes for EXCERPT_CHARS characters of any script; the rest is never read.
        if out.len() > EXCERPT_CHARS * 4 {
            break;
        }
    }
    match out.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => {
            let cut = out[..cut].rfind(' ').unwrap_or(cut);
            format!("{}…", out[..cut].trim_end())
        }
        None => out,
    }
}
