use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use redaksi_article::{Article, Meta, Status};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;
use uuid::Uuid;

use crate::{StoreError, migrate};

/// The database file's name inside the data directory.
pub const DB_FILE: &str = "redaksi.db";

/// How long a write waits for another process (the CLI next to the app) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The store's notion of "now". Tests pass a fixed clock so retention and trash are testable.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// One line of the article list: enough to draw it without loading any body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    pub id: Uuid,
    pub title: String,
    pub status: Status,
    pub category: Option<String>,
    pub word_count: u32,
    /// The first words of the body as plain text.
    pub excerpt: String,
    /// The SEO score the app last stored for this article, if any.
    pub score: Option<u8>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The draft store: one SQLite connection with Redaksi's schema. See the crate docs.
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    clock: Clock,
}

impl Store {
    /// Opens (or creates) `redaksi.db` in `dir`, creating the directory when needed.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        fs::create_dir_all(dir)
            .map_err(|err| StoreError::io(format!("creating {}", dir.display()), err))?;
        let path = dir.join(DB_FILE);
        let conn = Connection::open(&path).map_err(|err| with_path(err.into(), &path))?;
        Store::setup(conn, Some(path.clone())).map_err(|err| with_path(err, &path))
    }

    /// A private database in memory, for tests and throw-away work.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Reading the journal mode is the first read of the file, so a file that is not a
        // database fails here, before anything is written to it.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        if let Err(found) = migrate::migrate(&mut conn)? {
            return Err(StoreError::NewerDatabase {
                path: path.clone().unwrap_or_default(),
                found,
                known: migrate::latest_version(),
            });
        }
        Ok(Store {
            conn,
            path,
            clock: Arc::new(Utc::now),
        })
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
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
    pub fn save_article(&mut self, article: &Article) -> Result<Article, StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        write_article(&tx, article, now)?;
        let stored = read_article(&tx, article.id)?;
        tx.commit()?;
        Ok(stored)
    }

    /// The article with this id, also when it is in the trash.
    pub fn get_article(&self, id: Uuid) -> Result<Article, StoreError> {
        read_article(&self.conn, id)
    }

    /// Every article outside the trash, most recently updated first.
    pub fn list_articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, status, category, word_count, excerpt, score, created_at, updated_at
             FROM articles WHERE deleted_at IS NULL ORDER BY updated_at DESC",
        )?;
        let rows = stmt.query_map([], summary_from_row)?;
        rows.map(|row| row?).collect()
    }

    /// Moves an article to the trash. It stays readable and restorable until purged.
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

    pub(crate) fn exists(&self, id: Uuid) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
            [id.to_string()],
            |row| row.get(0),
        )?)
    }

    /// `PRAGMA integrity_check`: `Ok(())` or the problems SQLite lists.
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let problems: Vec<String> = stmt
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        if problems == ["ok"] {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                path: self.path.clone().unwrap_or_default(),
                detail: problems.join("; "),
            })
        }
    }
}

fn with_path(err: StoreError, path: &Path) -> StoreError {
    match err {
        StoreError::Corrupt { detail, .. } => StoreError::Corrupt {
            path: path.to_owned(),
            detail,
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
    conn.prepare_cached(
        "INSERT INTO articles (id, title, body, meta, extra, status, category, byline,
                               word_count, excerpt, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET
             title = excluded.title, body = excluded.body, meta = excluded.meta,
             extra = excluded.extra, status = excluded.status, category = excluded.category,
             byline = excluded.byline, word_count = excluded.word_count,
             excerpt = excluded.excerpt, updated_at = excluded.updated_at",
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
        word_count(body),
        excerpt(body),
        article.created_at.timestamp_micros(),
        now.timestamp_micros(),
    ])?;
    Ok(())
}

pub(crate) fn read_article(conn: &Connection, id: Uuid) -> Result<Article, StoreError> {
    conn.prepare_cached(
        "SELECT title, body, meta, extra, created_at, updated_at FROM articles WHERE id = ?1",
    )?
    .query_row([id.to_string()], |row| {
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
    .ok_or(StoreError::NotFound(id))
    .and_then(|(title, body, meta, extra, created, updated)| {
        Ok(Article {
            id,
            title,
            body,
            created_at: from_micros(created),
            updated_at: from_micros(updated),
            meta: decode_meta(&meta, extra.as_deref())?,
        })
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
            word_count: row.get(4)?,
            excerpt: row.get(5)?,
            score: row.get(6)?,
            created_at: from_micros(row.get(7)?),
            updated_at: from_micros(row.get(8)?),
        })
    })();
    Ok(summary)
}

/// Words as a reader counts them: whitespace-separated runs that hold a letter or digit, so
/// Markdown markers (`#`, `-`, `>`) do not count.
pub fn word_count(text: &str) -> u32 {
    let count = text
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

const EXCERPT_CHARS: usize = 160;

/// The first words of the body as plain text, without Markdown syntax.
pub fn excerpt(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut out = String::new();
    for event in redaksi_article::markdown::parser(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
                if !out.is_empty() && !out.ends_with(' ') =>
            {
                out.push(' ')
            }
            _ => {}
        }
        if out.chars().count() >= EXCERPT_CHARS {
            break;
        }
    }
    match out.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => {
            let cut = out[..cut].rfind(' ').unwrap_or(cut);
            format!("{}…", out[..cut].trim_end())
        }
        None => out.trim().to_owned(),
    }
}
