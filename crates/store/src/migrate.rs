//! Schema migrations: ordered SQL files embedded at compile time, tracked in `user_version`.
//!
//! `user_version` holds the highest version applied, which is what refuses a database from a
//! newer build. Each applied version is also recorded in `schema_migrations`, because the
//! numbers are shared between helpers (0002 belongs to the publish outbox) and a build that
//! gains a lower-numbered migration later must still apply it.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

pub(crate) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration this build knows, in order. 0002 belongs to the publish outbox
/// (crates/store/src/outbox.rs, owned by the publish crate).
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "articles",
        sql: include_str!("../migrations/0001_articles.sql"),
    },
    Migration {
        version: 2,
        name: "outbox",
        sql: include_str!("../migrations/0002_outbox.sql"),
    },
    Migration {
        version: 3,
        name: "revisions",
        sql: include_str!("../migrations/0003_revisions.sql"),
    },
    Migration {
        version: 4,
        name: "search",
        sql: include_str!("../migrations/0004_search.sql"),
    },
    Migration {
        version: 5,
        name: "media",
        sql: include_str!("../migrations/0005_media.sql"),
    },
    Migration {
        version: 6,
        name: "folder_sync",
        sql: include_str!("../migrations/0006_folder_sync.sql"),
    },
    Migration {
        version: 7,
        name: "outbox_lease",
        sql: include_str!("../migrations/0007_outbox_lease.sql"),
    },
    Migration {
        version: 8,
        name: "review",
        sql: include_str!("../migrations/0008_review.sql"),
    },
];

/// The newest schema version this build can read and write.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

pub(crate) fn user_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Brings the schema up to date. Returns the version found before migrating.
/// `Err(found)` when the file is newer than this build.
pub(crate) fn migrate(conn: &mut Connection) -> Result<Result<i64, i64>, StoreError> {
    if up_to_date(conn)? {
        // The common case writes nothing, so opening a file never changes it.
        return Ok(Ok(latest_version()));
    }
    // IMMEDIATE takes the write lock first, so two processes opening a fresh file at once
    // cannot both run the same migration.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = user_version(&tx)?;
    if found > latest_version() {
        return Ok(Err(found));
    }
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    INTEGER PRIMARY KEY NOT NULL,
             name       TEXT NOT NULL,
             applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         ) STRICT;",
    )?;
    for migration in MIGRATIONS {
        let applied: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?1)",
            [migration.version],
            |row| row.get(0),
        )?;
        if applied {
            continue;
        }
        tx.execute_batch(migration.sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
            (migration.version, migration.name),
        )?;
    }
    tx.pragma_update(None, "user_version", latest_version())?;
    tx.commit()?;
    Ok(Ok(found))
}

fn up_to_date(conn: &Connection) -> Result<bool, StoreError> {
    if user_version(conn)? != latest_version() {
        return Ok(false);
    }
    let mut stmt = conn.prepare("SELECT version FROM schema_migrations")?;
    let applied: Vec<i64> = stmt
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(MIGRATIONS.iter().all(|m| applied.contains(&m.version)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_strictly_increase() {
        for pair in MIGRATIONS.windows(2) {
            assert!(
                pair[0].version < pair[1].version,
                "migration {} must come before {}",
                pair[0].name,
                pair[1].name
            );
        }
    }

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), Ok(0));
        assert_eq!(migrate(&mut conn).unwrap(), Ok(latest_version()));
        let recorded: i64 = conn
            .query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(recorded as usize, MIGRATIONS.len());
    }

    #[test]
    fn a_migration_missing_below_the_version_is_still_applied() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap().unwrap();
        // As if this file had been written by a build that lacked migration 5 but had 6.
        conn.execute_batch(
            "DROP TABLE article_media; DROP TABLE media;
             DELETE FROM schema_migrations WHERE version = 5;",
        )
        .unwrap();
        migrate(&mut conn).unwrap().unwrap();
        let count: i64 = conn
            .query_row("SELECT count(*) FROM media", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 0);
    }
}
