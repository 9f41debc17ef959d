//! Durable rows for publishing (owned by the publish crate, which holds the logic): CMS target
//! accounts without their secrets, the outbox queue, and the mapping from an article to the
//! remote post it became. Every state change is one statement or one transaction, so a crash
//! leaves each row in a state the worker knows how to resume from.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;
use uuid::Uuid;

use crate::store::from_micros;
use crate::{Store, StoreError};

/// A CMS account. The secret lives in the OS keyring under the target's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "PublishTarget"))]
pub struct Target {
    pub name: String,
    /// `wordpress` or `ghost`.
    pub kind: String,
    pub url: String,
    pub username: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum OutboxState {
    Queued,
    Sending,
    Sent,
    Conflict,
    NeedsAuth,
    Failed,
    /// A scheduled time passed while offline: WordPress would publish at once, so a person decides.
    NeedsConfirmation,
}

impl OutboxState {
    pub const ALL: [OutboxState; 7] = [
        OutboxState::Queued,
        OutboxState::Sending,
        OutboxState::Sent,
        OutboxState::Conflict,
        OutboxState::NeedsAuth,
        OutboxState::Failed,
        OutboxState::NeedsConfirmation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Queued => "queued",
            OutboxState::Sending => "sending",
            OutboxState::Sent => "sent",
            OutboxState::Conflict => "conflict",
            OutboxState::NeedsAuth => "needs-auth",
            OutboxState::Failed => "failed",
            OutboxState::NeedsConfirmation => "needs-confirmation",
        }
    }

    /// Whether the worker is done with the row until a person acts.
    pub fn is_final(self) -> bool {
        !matches!(self, OutboxState::Queued | OutboxState::Sending)
    }
}

impl fmt::Display for OutboxState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for OutboxState {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<Self, StoreError> {
        OutboxState::ALL
            .into_iter()
            .find(|state| state.as_str() == s)
            .ok_or_else(|| StoreError::InvalidData(format!("unknown outbox state {s:?}")))
    }
}

/// One publish request.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutboxItem {
    pub id: i64,
    pub article_id: Uuid,
    pub target: String,
    /// The article as `.md` with front matter when the publish was asked for. The local text
    /// is never dropped, whatever happens remotely.
    #[serde(skip)]
    pub snapshot: String,
    pub remote_status: String,
    pub publish_at: Option<DateTime<Utc>>,
    pub state: OutboxState,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub remote_id: Option<String>,
    pub remote_url: Option<String>,
    pub version_token: Option<String>,
    /// On conflict: the CMS's current version, so the user can see the difference.
    pub remote_copy: Option<String>,
    /// JSON the worker leaves for the user: which SEO fields stuck, terms it could not create.
    pub report: Option<String>,
    pub overwrite: bool,
    pub confirmed: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The remote post an article became on one target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RemotePost {
    pub article_id: Uuid,
    pub target: String,
    pub slug: String,
    pub remote_id: Option<String>,
    pub url: Option<String>,
    pub version_token: Option<String>,
    /// When a create was about to be sent; with no `remote_id` the outcome is unknown.
    pub create_intent_at: Option<DateTime<Utc>>,
}

/// How a send attempt ended, as the worker records it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    pub remote_id: Option<String>,
    pub remote_url: Option<String>,
    pub version_token: Option<String>,
    pub remote_copy: Option<String>,
    pub report: Option<String>,
    pub error: Option<String>,
    /// For `queued`: when to try again.
    pub retry_at: Option<DateTime<Utc>>,
}

const ITEM_COLUMNS: &str =
    "id, article_id, target, snapshot, remote_status, publish_at, state, attempts,
    next_attempt_at, last_error, remote_id, remote_url, version_token, remote_copy, overwrite,
    confirmed, created_at, updated_at, report";

fn uuid_of(text: &str) -> Result<Uuid, rusqlite::Error> {
    Uuid::parse_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn item_from_row(row: &Row<'_>) -> rusqlite::Result<Result<OutboxItem, StoreError>> {
    let state: String = row.get(6)?;
    let state = match state.parse() {
        Ok(state) => state,
        Err(err) => return Ok(Err(err)),
    };
    Ok(Ok(OutboxItem {
        id: row.get(0)?,
        article_id: uuid_of(&row.get::<_, String>(1)?)?,
        target: row.get(2)?,
        snapshot: row.get(3)?,
        remote_status: row.get(4)?,
        publish_at: row.get::<_, Option<i64>>(5)?.map(from_micros),
        state,
        attempts: row.get(7)?,
        next_attempt_at: from_micros(row.get(8)?),
        last_error: row.get(9)?,
        remote_id: row.get(10)?,
        remote_url: row.get(11)?,
        version_token: row.get(12)?,
        remote_copy: row.get(13)?,
        overwrite: row.get(14)?,
        confirmed: row.get(15)?,
        created_at: from_micros(row.get(16)?),
        updated_at: from_micros(row.get(17)?),
        report: row.get(18)?,
    }))
}

impl Store {
    /// Adds or replaces a target account (not its secret). A target re-pointed at another
    /// site (its URL or kind changed) forgets which posts and images it had there: they belong
    /// to the old site, and the new one must get its own.
    pub fn put_target(&mut self, target: &Target) -> Result<(), StoreError> {
        if !matches!(target.kind.as_str(), "wordpress" | "ghost") {
            return Err(StoreError::InvalidInput(format!(
                "unknown target kind {:?} (expected wordpress or ghost)",
                target.kind
            )));
        }
        check_target_url(&target.url)?;
        let now = self.now().timestamp_micros();
        let tx = self.conn.transaction()?;
        let before: Option<(String, String)> = tx
            .query_row(
                "SELECT kind, url FROM publish_targets WHERE name = ?1",
                [&target.name],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        if let Some((kind, url)) = before
            && (kind != target.kind || site_of(&url) != site_of(&target.url))
        {
            forget_site(&tx, &target.name)?;
        }
        tx.execute(
            "INSERT INTO publish_targets (name, kind, url, username, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (name) DO UPDATE SET kind = ?2, url = ?3, username = ?4",
            params![target.name, target.kind, target.url, target.username, now],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn list_targets(&self) -> Result<Vec<Target>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, kind, url, username FROM publish_targets ORDER BY name",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(Target {
                name: row.get(0)?,
                kind: row.get(1)?,
                url: row.get(2)?,
                username: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn get_target(&self, name: &str) -> Result<Option<Target>, StoreError> {
        Ok(self.list_targets()?.into_iter().find(|t| t.name == name))
    }

    /// Removes a target and what it knew of its site. Returns whether it existed.
    pub fn remove_target(&mut self, name: &str) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let existed = tx.execute("DELETE FROM publish_targets WHERE name = ?1", [name])? > 0;
        forget_site(&tx, name)?;
        tx.commit()?;
        Ok(existed)
    }

    /// Persists a publish request before anything is sent.
    pub fn outbox_enqueue(
        &mut self,
        article_id: Uuid,
        target: &str,
        snapshot: &str,
        remote_status: &str,
        publish_at: Option<DateTime<Utc>>,
    ) -> Result<OutboxItem, StoreError> {
        if !self.exists(article_id)? {
            return Err(StoreError::NotFound(article_id));
        }
        if self.get_target(target)?.is_none() {
            return Err(StoreError::InvalidInput(format!(
                "no publish target named {target:?}"
            )));
        }
        let now = self.now().timestamp_micros();
        self.conn.execute(
            "INSERT INTO outbox (article_id, target, snapshot, remote_status, publish_at, state,
                                 next_attempt_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6, ?6, ?6)",
            params![
                article_id.to_string(),
                target,
                snapshot,
                remote_status,
                publish_at.map(|t| t.timestamp_micros()),
                now
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        self.outbox_get(id)
    }

    pub fn outbox_get(&self, id: i64) -> Result<OutboxItem, StoreError> {
        let sql = format!("SELECT {ITEM_COLUMNS} FROM outbox WHERE id = ?1");
        self.conn
            .query_row(&sql, [id], item_from_row)
            .optional()?
            .ok_or_else(|| StoreError::InvalidInput(format!("no outbox item {id}")))?
    }

    /// Every row, newest first.
    pub fn outbox_list(&self) -> Result<Vec<OutboxItem>, StoreError> {
        let sql = format!("SELECT {ITEM_COLUMNS} FROM outbox ORDER BY id DESC");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], item_from_row)?;
        rows.map(|row| row?).collect()
    }

    /// Rows still waiting for the worker (queued or sending).
    pub fn outbox_pending(&self) -> Result<usize, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')",
            [],
            |row| row.get(0),
        )?;
        Ok(n as usize)
    }

    /// The earliest time a queued row becomes due.
    pub fn outbox_next_due(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let next: Option<i64> = self.conn.query_row(
            "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'queued'",
            [],
            |row| row.get(0),
        )?;
        Ok(next.map(from_micros))
    }

    /// A worker that stopped mid-send (crash, power cut) left rows in `sending`; once their
    /// lease has run out they go back to the queue. A row whose lease is still live belongs
    /// to another worker that is sending it now, and is left alone. The remote mapping's
    /// create intent tells the next attempt to look first.
    pub fn outbox_recover_interrupted(&mut self) -> Result<usize, StoreError> {
        let now = self.now().timestamp_micros();
        Ok(self.conn.execute(
            "UPDATE outbox SET state = 'queued', next_attempt_at = ?1, updated_at = ?1,
                 lease_owner = NULL, lease_until = NULL
             WHERE state = 'sending' AND (lease_until IS NULL OR lease_until <= ?1)",
            [now],
        )?)
    }

    /// Takes up to `limit` rows for the worker `owner` and marks them `sending` with a lease
    /// of `lease`: due queued rows, and `sending` rows whose owner let the lease run out. At
    /// most one per remote post (article and target), and none for a post that has a row
    /// under a live lease. The transaction is IMMEDIATE: it takes the write lock before it
    /// reads, so two processes never both see a row as free and claim it.
    pub fn outbox_claim_due(
        &mut self,
        owner: &str,
        lease: std::time::Duration,
        limit: usize,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let now = self.now().timestamp_micros();
        let until = now.saturating_add(i64::try_from(lease.as_micros()).unwrap_or(i64::MAX));
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let ids: Vec<i64> = {
            // The oldest unfinished row of each post goes first, so a post's requests are sent
            // in the order they were made.
            let mut stmt = tx.prepare_cached(
                "SELECT MIN(o.id) FROM outbox o
                 WHERE (o.state = 'queued'
                        OR (o.state = 'sending' AND (o.lease_until IS NULL OR o.lease_until <= ?1)))
                   AND NOT EXISTS (SELECT 1 FROM outbox s WHERE s.state = 'sending'
                                   AND s.lease_until > ?1
                                   AND s.article_id = o.article_id AND s.target = o.target)
                 GROUP BY o.article_id, o.target
                 ORDER BY MIN(o.id)",
            )?;
            let candidates = stmt.query_map([now], |row| row.get::<_, i64>(0))?;
            let mut due = Vec::new();
            for id in candidates {
                let id = id?;
                let (state, at): (String, i64) = tx.query_row(
                    "SELECT state, next_attempt_at FROM outbox WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                if state == "sending" || at <= now {
                    due.push(id);
                    if due.len() == limit {
                        break;
                    }
                }
            }
            due
        };
        for id in &ids {
            tx.execute(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?2,
                     lease_owner = ?3, lease_until = ?4
                 WHERE id = ?1",
                params![id, now, owner, until],
            )?;
        }
        tx.commit()?;
        ids.into_iter().map(|id| self.outbox_get(id)).collect()
    }

    /// Extends `owner`'s lease on a row it is still sending. Returns `false` when the row is
    /// no longer the owner's (the lease ran out and another worker took it over).
    pub fn outbox_renew_lease(
        &mut self,
        id: i64,
        owner: &str,
        lease: std::time::Duration,
    ) -> Result<bool, StoreError> {
        let now = self.now().timestamp_micros();
        let until = now.saturating_add(i64::try_from(lease.as_micros()).unwrap_or(i64::MAX));
        Ok(self.conn.execute(
            "UPDATE outbox SET lease_until = ?3
             WHERE id = ?1 AND state = 'sending' AND lease_owner = ?2",
            params![id, owner, until],
        )? > 0)
    }

    /// Records how `owner`'s attempt ended. A `sent` outcome also updates the remote mapping,
    /// in the same transaction, so the next publish of the article updates that post. When the
    /// row is no longer the owner's (its lease ran out and another worker took it over), the
    /// row is left to that worker; a post that was sent is still recorded in the mapping, so
    /// the other worker updates it instead of creating a second one.
    pub fn outbox_finish(
        &mut self,
        id: i64,
        owner: &str,
        state: OutboxState,
        outcome: &Outcome,
    ) -> Result<OutboxItem, StoreError> {
        let now = self.now().timestamp_micros();
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE outbox SET state = ?2, last_error = ?3,
                 remote_id = COALESCE(?4, remote_id), remote_url = COALESCE(?5, remote_url),
                 version_token = COALESCE(?6, version_token), remote_copy = ?7,
                 next_attempt_at = COALESCE(?8, next_attempt_at), updated_at = ?9,
                 report = COALESCE(?10, report), lease_owner = NULL, lease_until = NULL
             WHERE id = ?1 AND lease_owner = ?11",
            params![
                id,
                state.as_str(),
                outcome.error,
                outcome.remote_id,
                outcome.remote_url,
                outcome.version_token,
                outcome.remote_copy,
                outcome.retry_at.map(|t| t.timestamp_micros()),
                now,
                outcome.report,
                owner
            ],
        )?;
        if state == OutboxState::Sent {
            let (article, target): (String, String) = tx.query_row(
                "SELECT article_id, target FROM outbox WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?;
            tx.execute(
                "UPDATE remote_posts SET remote_id = COALESCE(?3, remote_id), url = COALESCE(?4, url),
                     version_token = COALESCE(?5, version_token), create_intent_at = NULL, synced_at = ?6
                 WHERE article_id = ?1 AND target = ?2",
                params![
                    article,
                    target,
                    outcome.remote_id,
                    outcome.remote_url,
                    outcome.version_token,
                    now
                ],
            )?;
        }
        tx.commit()?;
        self.outbox_get(id)
    }

    /// Takes a row the worker stopped (conflict, needs-auth, failed, needs-confirmation) out
    /// of the queue without sending it: the user kept the CMS's version. The caller keeps the
    /// row's text elsewhere first (a draft copy); a row still queued or sending stays.
    pub fn outbox_dismiss(&mut self, id: i64) -> Result<(), StoreError> {
        let item = self.outbox_get(id)?;
        if !item.state.is_final() || item.state == OutboxState::Sent {
            return Err(StoreError::InvalidInput(format!(
                "outbox item {id} is {} and cannot be dismissed",
                item.state
            )));
        }
        self.conn.execute(
            "DELETE FROM outbox WHERE id = ?1 AND state = ?2",
            params![id, item.state.as_str()],
        )?;
        Ok(())
    }

    /// A person's answer to a row that stopped: send again, optionally overwriting a remote
    /// change (conflict) or confirming a schedule whose time has passed. The state is checked
    /// by the update itself, so a row a worker claimed a moment ago is never queued again
    /// under it.
    pub fn outbox_retry(
        &mut self,
        id: i64,
        overwrite: bool,
        confirm: bool,
    ) -> Result<OutboxItem, StoreError> {
        let now = self.now().timestamp_micros();
        let changed = self.conn.execute(
            "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at = ?2, last_error = NULL,
                 overwrite = overwrite OR ?3, confirmed = confirmed OR ?4, updated_at = ?2
             WHERE id = ?1 AND state NOT IN ('sent', 'sending')",
            params![id, now, overwrite, confirm],
        )?;
        let item = self.outbox_get(id)?;
        if changed == 0 {
            return Err(StoreError::InvalidInput(format!(
                "outbox item {id} is {} and cannot be retried",
                item.state
            )));
        }
        Ok(item)
    }

    pub fn remote_post(
        &self,
        article_id: Uuid,
        target: &str,
    ) -> Result<Option<RemotePost>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT slug, remote_id, url, version_token, create_intent_at
                 FROM remote_posts WHERE article_id = ?1 AND target = ?2",
                params![article_id.to_string(), target],
                |row| {
                    Ok(RemotePost {
                        article_id,
                        target: target.to_owned(),
                        slug: row.get(0)?,
                        remote_id: row.get(1)?,
                        url: row.get(2)?,
                        version_token: row.get(3)?,
                        create_intent_at: row.get::<_, Option<i64>>(4)?.map(from_micros),
                    })
                },
            )
            .optional()?)
    }

    /// Persists the intent to create: from here on, an unknown outcome means "look it up first".
    pub fn remote_post_intend_create(
        &mut self,
        article_id: Uuid,
        target: &str,
        slug: &str,
    ) -> Result<(), StoreError> {
        let now = self.now().timestamp_micros();
        self.conn.execute(
            "INSERT INTO remote_posts (article_id, target, slug, create_intent_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (article_id, target) DO UPDATE SET slug = ?3, create_intent_at = ?4",
            params![article_id.to_string(), target, slug, now],
        )?;
        Ok(())
    }

    /// Withdraws the intent to create when the answer proved no post was made (the request
    /// was refused or never left). A recorded post is kept.
    pub fn remote_post_withdraw_intent(
        &mut self,
        article_id: Uuid,
        target: &str,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "DELETE FROM remote_posts WHERE article_id = ?1 AND target = ?2 AND remote_id IS NULL",
            params![article_id.to_string(), target],
        )?;
        Ok(())
    }

    /// Records the remote post found or made for an article (before the row is finished).
    pub fn remote_post_set(
        &mut self,
        article_id: Uuid,
        target: &str,
        slug: &str,
        remote_id: &str,
        url: Option<&str>,
        version_token: Option<&str>,
    ) -> Result<(), StoreError> {
        let now = self.now().timestamp_micros();
        self.conn.execute(
            "INSERT INTO remote_posts (article_id, target, slug, remote_id, url, version_token, synced_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (article_id, target) DO UPDATE SET slug = ?3, remote_id = ?4, url = ?5,
                 version_token = ?6, create_intent_at = NULL, synced_at = ?7",
            params![article_id.to_string(), target, slug, remote_id, url, version_token, now],
        )?;
        Ok(())
    }

    pub fn remote_media(
        &self,
        target: &str,
        local_key: &str,
    ) -> Result<Option<(String, String)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT remote_id, url FROM remote_media WHERE target = ?1 AND local_key = ?2",
                params![target, local_key],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?)
    }

    pub fn remote_media_set(
        &mut self,
        target: &str,
        local_key: &str,
        remote_id: &str,
        url: &str,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO remote_media (target, local_key, remote_id, url) VALUES (?1, ?2, ?3, ?4)",
            params![target, local_key, remote_id, url],
        )?;
        Ok(())
    }
}

/// A target's URL may hold a password only over https, or over plain http to this machine
/// (a loopback address), where nothing crosses a network.
pub fn check_target_url(url: &str) -> Result<(), StoreError> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://") {
        return if host_of(rest).is_empty() {
            Err(StoreError::InvalidInput(format!("{url:?} names no host")))
        } else {
            Ok(())
        };
    }
    let Some(rest) = lower.strip_prefix("http://") else {
        return Err(StoreError::InvalidInput(format!(
            "{url:?} is not a web address (it must start with https://)"
        )));
    };
    let host = host_of(rest);
    let loopback = host == "localhost"
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if loopback {
        Ok(())
    } else {
        Err(StoreError::InvalidInput(format!(
            "{url:?} uses plain http: the password would cross the network readable by anyone \
             on the way. Use the site's https:// address"
        )))
    }
}

/// The host of what follows `scheme://`: before the path, the user info and the port.
fn host_of(rest: &str) -> &str {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or_default()
    } else {
        host.split(':').next().unwrap_or_default()
    }
}

/// A URL as a site: the same site whatever the case and trailing slashes.
fn site_of(url: &str) -> String {
    url.trim().trim_end_matches('/').to_ascii_lowercase()
}

/// Drops the post and image mappings a target had on its site.
fn forget_site(tx: &rusqlite::Transaction<'_>, target: &str) -> Result<(), StoreError> {
    tx.execute("DELETE FROM remote_posts WHERE target = ?1", [target])?;
    tx.execute("DELETE FROM remote_media WHERE target = ?1", [target])?;
    Ok(())
}

/// The tables that say what has been published where: the CMS accounts, the outbox, and the
/// remote post and image mappings. A backup restore keeps them as they are now (see
/// [`keep_publish_state`]), because the CMS does not go back in time with the file.
const PUBLISH_TABLES: [&str; 4] = ["publish_targets", "outbox", "remote_posts", "remote_media"];

/// Replaces the publish state of the database open on `conn` (a backup about to be restored)
/// with the one in `current` (the database it replaces): rows queued, posts made and images
/// uploaded after the backup was taken are not forgotten, so nothing is sent twice. Columns
/// are matched by name, so a backup from an older schema takes them too.
pub(crate) fn keep_publish_state(
    conn: &mut rusqlite::Connection,
    current: &std::path::Path,
) -> Result<(), StoreError> {
    conn.execute("ATTACH DATABASE ?1 AS current", [current.to_string_lossy()])?;
    let copied = copy_publish_tables(conn);
    let detached = conn.execute("DETACH DATABASE current", []);
    copied?;
    detached?;
    Ok(())
}

fn copy_publish_tables(conn: &mut rusqlite::Connection) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    for table in PUBLISH_TABLES {
        let columns = |schema: &str| -> Result<Vec<String>, StoreError> {
            let mut stmt = tx.prepare(&format!("PRAGMA {schema}.table_info({table})"))?;
            let names = stmt.query_map([], |row| row.get::<_, String>(1))?;
            Ok(names.collect::<Result<_, _>>()?)
        };
        let (ours, theirs) = (columns("main")?, columns("current")?);
        if ours.is_empty() || theirs.is_empty() {
            continue;
        }
        let list = ours
            .iter()
            .filter(|c| theirs.contains(c))
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        tx.execute(&format!("DELETE FROM main.{table}"), [])?;
        tx.execute(
            &format!("INSERT INTO main.{table} ({list}) SELECT {list} FROM current.{table}"),
            [],
        )?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    const LEASE: Duration = Duration::from_secs(300);

    /// A store in a folder (what backups and second connections need) with the target `situs`.
    fn file_store_with_target() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .put_target(&Target {
                name: "situs".into(),
                kind: "wordpress".into(),
                url: "http://127.0.0.1:1".into(),
                username: Some("admin".into()),
            })
            .unwrap();
        (dir, store)
    }

    fn store_with_target() -> (Store, Uuid) {
        let mut store = Store::open_in_memory().unwrap();
        store
            .put_target(&Target {
                name: "situs".into(),
                kind: "wordpress".into(),
                url: "http://127.0.0.1:1".into(),
                username: Some("admin".into()),
            })
            .unwrap();
        let article = store.create_article("Judul", "Isi").unwrap();
        (store, article.id)
    }

    #[test]
    fn only_a_stopped_row_can_be_dismissed() {
        let (mut store, id) = store_with_target();
        let row = store
            .outbox_enqueue(id, "situs", "a", "draft", None)
            .unwrap();
        let err = store.outbox_dismiss(row.id).unwrap_err();
        assert!(err.to_string().contains("queued"), "{err}");
        let claimed = store.outbox_claim_due("w", LEASE, 1).unwrap();
        store
            .outbox_finish(
                claimed[0].id,
                "w",
                OutboxState::Conflict,
                &Outcome::default(),
            )
            .unwrap();
        store.outbox_dismiss(row.id).unwrap();
        assert!(store.outbox_list().unwrap().is_empty());
        assert!(store.outbox_dismiss(row.id).is_err(), "a second dismiss");
    }

    #[test]
    fn one_row_in_flight_per_remote_post() {
        let (mut store, id) = store_with_target();
        let other = store.create_article("Lain", "Isi").unwrap().id;
        store
            .outbox_enqueue(id, "situs", "a", "draft", None)
            .unwrap();
        store
            .outbox_enqueue(id, "situs", "b", "draft", None)
            .unwrap();
        store
            .outbox_enqueue(other, "situs", "c", "draft", None)
            .unwrap();
        let first = store.outbox_claim_due("w", LEASE, 10).unwrap();
        assert_eq!(
            first
                .iter()
                .map(|i| i.snapshot.as_str())
                .collect::<Vec<_>>(),
            ["a", "c"]
        );
        assert!(store.outbox_claim_due("w", LEASE, 10).unwrap().is_empty());
        store
            .outbox_finish(first[0].id, "w", OutboxState::Sent, &Outcome::default())
            .unwrap();
        let second = store.outbox_claim_due("w", LEASE, 10).unwrap();
        assert_eq!(second.len(), 1);
        assert_eq!(second[0].snapshot, "b");
    }

    #[test]
    fn recovery_leaves_a_live_lease_alone_and_requeues_an_expired_one() {
        let (mut store, id) = store_with_target();
        let other = store.create_article("Lain", "Isi").unwrap().id;
        store
            .outbox_enqueue(id, "situs", "a", "draft", None)
            .unwrap();
        store
            .outbox_enqueue(other, "situs", "b", "draft", None)
            .unwrap();
        let long = store.outbox_claim_due("hidup", LEASE, 1).unwrap();
        let short = store
            .outbox_claim_due("mati", Duration::from_secs(1), 1)
            .unwrap();
        assert_eq!(short[0].state, OutboxState::Sending);
        // Two seconds later the short lease has run out; the long one has not.
        let later = Utc::now() + chrono::Duration::seconds(2);
        store.set_clock(std::sync::Arc::new(move || later));
        assert_eq!(store.outbox_recover_interrupted().unwrap(), 1);
        assert_eq!(
            store.outbox_get(short[0].id).unwrap().state,
            OutboxState::Queued
        );
        assert_eq!(
            store.outbox_get(long[0].id).unwrap().state,
            OutboxState::Sending
        );
    }

    #[test]
    fn a_lease_is_renewed_only_by_its_owner() {
        let (mut store, id) = store_with_target();
        store
            .outbox_enqueue(id, "situs", "a", "draft", None)
            .unwrap();
        let row = store.outbox_claim_due("A", LEASE, 1).unwrap().remove(0);
        assert!(store.outbox_renew_lease(row.id, "A", LEASE).unwrap());
        assert!(!store.outbox_renew_lease(row.id, "B", LEASE).unwrap());
        store
            .outbox_finish(row.id, "A", OutboxState::Sent, &Outcome::default())
            .unwrap();
        assert!(!store.outbox_renew_lease(row.id, "A", LEASE).unwrap());
    }

    #[test]
    fn enqueue_refuses_unknown_article_and_target() {
        let (mut store, id) = store_with_target();
        assert_eq!(
            store
                .outbox_enqueue(Uuid::new_v4(), "situs", "a", "draft", None)
                .unwrap_err()
                .code(),
            "not_found"
        );
        assert_eq!(
            store
                .outbox_enqueue(id, "tidak-ada", "a", "draft", None)
                .unwrap_err()
                .code(),
            "invalid_input"
        );
    }

    #[test]
    fn create_intent_survives_until_sent() {
        let (mut store, id) = store_with_target();
        store
            .remote_post_intend_create(id, "situs", "judul")
            .unwrap();
        let post = store.remote_post(id, "situs").unwrap().unwrap();
        assert!(post.create_intent_at.is_some() && post.remote_id.is_none());
        store
            .remote_post_set(
                id,
                "situs",
                "judul",
                "42",
                Some("http://x/?p=42"),
                Some("t1"),
            )
            .unwrap();
        let post = store.remote_post(id, "situs").unwrap().unwrap();
        assert!(post.create_intent_at.is_none());
        assert_eq!(post.remote_id.as_deref(), Some("42"));
    }

    #[test]
    fn a_target_re_pointed_at_another_site_forgets_its_posts_and_images() {
        let (mut store, id) = store_with_target();
        let other = store.create_article("Lain", "Isi").unwrap().id;
        let map = |store: &mut Store| {
            store
                .remote_post_set(id, "situs", "judul", "42", None, Some("t1"))
                .unwrap();
            store
                .remote_media_set("situs", "abc", "7", "http://x/a.png")
                .unwrap();
        };
        let mapped = |store: &Store| {
            (
                store.remote_post(id, "situs").unwrap().is_some(),
                store.remote_media("situs", "abc").unwrap().is_some(),
            )
        };
        let mut target = store.get_target("situs").unwrap().unwrap();
        map(&mut store);
        // The same site, saved again (a new password, a trailing slash): nothing is forgotten.
        target.url.push('/');
        store.put_target(&target).unwrap();
        assert_eq!(mapped(&store), (true, true));
        // Another site under the same name.
        target.url = "https://baru.example".into();
        store.put_target(&target).unwrap();
        assert_eq!(mapped(&store), (false, false));
        // Removed and created again.
        map(&mut store);
        store
            .remote_post_set(other, "situs", "lain", "43", None, None)
            .unwrap();
        assert!(store.remove_target("situs").unwrap());
        store.put_target(&target).unwrap();
        assert_eq!(mapped(&store), (false, false));
        assert!(store.remote_post(other, "situs").unwrap().is_none());
    }

    #[rstest::rstest]
    #[case("https://situs.example", true)]
    #[case("HTTPS://situs.example/blog/", true)]
    #[case("http://127.0.0.1:8089", true)]
    #[case("http://localhost/wp", true)]
    #[case("http://[::1]:8080", true)]
    #[case("http://situs.example", false)]
    #[case("http://192.168.1.10", false)]
    #[case("http://127.0.0.1.evil.example", false)]
    #[case("http://localhost@evil.example/", false)]
    #[case("ftp://situs.example", false)]
    #[case("situs.example", false)]
    #[case("https://", false)]
    fn a_password_goes_over_plain_http_only_to_this_machine(
        #[case] url: &str,
        #[case] accepted: bool,
    ) {
        let mut store = Store::open_in_memory().unwrap();
        let result = store.put_target(&Target {
            name: "t".into(),
            kind: "wordpress".into(),
            url: url.into(),
            username: Some("u".into()),
        });
        assert_eq!(result.is_ok(), accepted, "{url}: {result:?}");
        if let Err(err) = result {
            assert_eq!(err.code(), "invalid_input");
            assert!(err.to_string().contains(url.trim()), "{err}");
        }
        assert_eq!(store.list_targets().unwrap().len(), usize::from(accepted));
    }

    #[test]
    fn retry_never_requeues_a_row_a_worker_claimed_meanwhile() {
        let (dir, mut store) = file_store_with_target();
        let article = store.create_article("Judul", "Isi").unwrap().id;
        let row = store
            .outbox_enqueue(article, "situs", "a", "draft", None)
            .unwrap();
        // Another worker (its own connection) claims the row while the retry is under way:
        // the retry reads the clock between looking at the row and changing it.
        let other = std::sync::Mutex::new(Store::open(dir.path()).unwrap());
        let claimed = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = std::sync::Arc::clone(&claimed);
        store.set_clock(std::sync::Arc::new(move || {
            let mut seen = seen.lock().unwrap();
            if seen.is_empty() {
                seen.extend(
                    other
                        .lock()
                        .unwrap()
                        .outbox_claim_due("other", LEASE, 1)
                        .unwrap(),
                );
            }
            Utc::now()
        }));
        let answer = store.outbox_retry(row.id, false, false);
        assert_eq!(claimed.lock().unwrap().len(), 1, "the claim did not run");
        assert!(answer.is_err(), "retried under a claim: {answer:?}");
        let now = store.outbox_get(row.id).unwrap();
        assert_eq!(now.state, OutboxState::Sending);
        assert_eq!(now.attempts, 1);
    }

    #[test]
    fn a_restore_keeps_the_publish_state_as_it_is_now() {
        let (dir, mut store) = file_store_with_target();
        let article = store.create_article("Judul", "Isi lama").unwrap();
        let backup = store.backup_now().unwrap();
        // After the backup: the article is published, another row waits, a second target.
        let mut edited = article.clone();
        edited.body = "Isi baru".into();
        store.save_article(&edited).unwrap();
        let sent = store
            .outbox_enqueue(article.id, "situs", "a", "publish", None)
            .unwrap();
        let claimed = store.outbox_claim_due("w", LEASE, 1).unwrap();
        store
            .remote_post_set(
                article.id,
                "situs",
                "judul",
                "42",
                Some("http://x/?p=42"),
                Some("t1"),
            )
            .unwrap();
        store
            .outbox_finish(
                claimed[0].id,
                "w",
                OutboxState::Sent,
                &Outcome {
                    remote_id: Some("42".into()),
                    ..Outcome::default()
                },
            )
            .unwrap();
        store
            .remote_media_set("situs", "abc", "7", "http://x/a.png")
            .unwrap();
        store
            .put_target(&Target {
                name: "kedua".into(),
                kind: "ghost".into(),
                url: "https://blog.example".into(),
                username: None,
            })
            .unwrap();
        let waiting = store
            .outbox_enqueue(article.id, "kedua", "b", "draft", None)
            .unwrap();
        drop(store);

        crate::restore_backup(dir.path(), &backup.name).unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.get_article(article.id).unwrap().body,
            "Isi lama",
            "the text went back"
        );
        let post = store.remote_post(article.id, "situs").unwrap().unwrap();
        assert_eq!(post.remote_id.as_deref(), Some("42"));
        assert_eq!(store.outbox_get(sent.id).unwrap().state, OutboxState::Sent);
        assert_eq!(
            store.outbox_get(waiting.id).unwrap().state,
            OutboxState::Queued
        );
        assert!(store.remote_media("situs", "abc").unwrap().is_some());
        assert!(store.get_target("kedua").unwrap().is_some());
        // New rows do not reuse the ids of the rows kept.
        let next = store
            .outbox_enqueue(article.id, "situs", "c", "draft", None)
            .unwrap();
        assert!(next.id > waiting.id);
    }
}
