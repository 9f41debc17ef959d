//! What the folder mirror (crates/folder) remembers about each file it syncs. The store keeps
//! it so that it is written in the same transaction as the article it describes.

use std::path::Path;

use chrono::{DateTime, Utc};
use redaksi_article::Article;
use rusqlite::{OptionalExtension, TransactionBehavior, params};
use uuid::Uuid;

use crate::revisions::{self, SaveKind};
use crate::store::{from_micros, read_article, write_article};
use crate::{Store, StoreError};

/// A file as the mirror last synced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncedFile {
    pub rel_path: String,
    pub article_id: Uuid,
    /// SHA-256 of the file content when last written or read.
    pub file_hash: String,
    /// The article's `updated_at` at that moment: a later one means the app changed it since.
    pub synced_at: DateTime<Utc>,
}

fn folder_key(folder: &Path) -> String {
    folder.to_string_lossy().into_owned()
}

impl Store {
    /// The sync record of one file, if the mirror knows it.
    pub fn synced_file(
        &self,
        folder: &Path,
        rel_path: &str,
    ) -> Result<Option<SyncedFile>, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT article_id, file_hash, synced_at FROM folder_files
                 WHERE folder = ?1 AND rel_path = ?2",
            )?
            .query_row(params![folder_key(folder), rel_path], |row| {
                Ok((row.get::<_, String>(0)?, row.get(1)?, row.get(2)?))
            })
            .optional()?;
        row.map(|(id, file_hash, synced)| {
            Ok(SyncedFile {
                rel_path: rel_path.to_owned(),
                article_id: Uuid::parse_str(&id)
                    .map_err(|err| StoreError::InvalidData(err.to_string()))?,
                file_hash,
                synced_at: from_micros(synced),
            })
        })
        .transpose()
    }

    /// The file that mirrors article `id` in `folder`, if any.
    pub fn synced_file_for_article(
        &self,
        folder: &Path,
        id: Uuid,
    ) -> Result<Option<SyncedFile>, StoreError> {
        let rel: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT rel_path FROM folder_files WHERE folder = ?1 AND article_id = ?2 LIMIT 1",
            )?
            .query_row(params![folder_key(folder), id.to_string()], |row| {
                row.get(0)
            })
            .optional()?;
        match rel {
            Some(rel) => self.synced_file(folder, &rel),
            None => Ok(None),
        }
    }

    /// Every file the mirror of `folder` knows.
    pub fn synced_files(&self, folder: &Path) -> Result<Vec<SyncedFile>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rel_path, article_id, file_hash, synced_at FROM folder_files
             WHERE folder = ?1 ORDER BY rel_path",
        )?;
        let rows = stmt.query_map([folder_key(folder)], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (rel_path, id, file_hash, synced) = row?;
            Ok(SyncedFile {
                rel_path,
                article_id: Uuid::parse_str(&id)
                    .map_err(|err| StoreError::InvalidData(err.to_string()))?,
                file_hash,
                synced_at: from_micros(synced),
            })
        })
        .collect()
    }

    /// Records that `rel_path` in `folder` now holds `article` as stored, with this content hash.
    pub fn record_synced(
        &mut self,
        folder: &Path,
        rel_path: &str,
        article: &Article,
        file_hash: &str,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO folder_files (folder, rel_path, article_id, file_hash, synced_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (folder, rel_path) DO UPDATE SET article_id = excluded.article_id,
                     file_hash = excluded.file_hash, synced_at = excluded.synced_at",
            )?
            .execute(params![
                folder_key(folder),
                rel_path,
                article.id.to_string(),
                file_hash,
                article.updated_at.timestamp_micros()
            ])?;
        Ok(())
    }

    /// The file `from` was renamed to `to` in `folder`: its record (and so its article) moves
    /// with it.
    pub fn move_synced(&mut self, folder: &Path, from: &str, to: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE folder_files SET rel_path = ?3 WHERE folder = ?1 AND rel_path = ?2",
            params![folder_key(folder), from, to],
        )?;
        Ok(())
    }

    /// Forgets a file (it was deleted outside).
    pub fn forget_synced(&mut self, folder: &Path, rel_path: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "DELETE FROM folder_files WHERE folder = ?1 AND rel_path = ?2",
            params![folder_key(folder), rel_path],
        )?;
        Ok(())
    }

    /// Saves an article read from a file and its sync record in one transaction, so an import
    /// is all or nothing per file. An explicit-save revision marks where the text came from.
    /// An article in the trash comes out of it: the file says it is wanted, and an article
    /// updated while invisible would be lost to the reporter.
    pub fn save_from_file(
        &mut self,
        article: &Article,
        folder: Option<(&Path, &str, &str)>,
    ) -> Result<Article, StoreError> {
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        revisions::keep_unrecorded(&tx, article.id, now)?;
        write_article(&tx, article, now)?;
        tx.prepare_cached("UPDATE articles SET deleted_at = NULL WHERE id = ?1")?
            .execute([article.id.to_string()])?;
        revisions::record(&tx, article.id, &SaveKind::Explicit, now)?;
        let stored = read_article(&tx, article.id)?;
        if let Some((folder, rel_path, hash)) = folder {
            tx.prepare_cached(
                "INSERT INTO folder_files (folder, rel_path, article_id, file_hash, synced_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (folder, rel_path) DO UPDATE SET article_id = excluded.article_id,
                     file_hash = excluded.file_hash, synced_at = excluded.synced_at",
            )?
            .execute(params![
                folder_key(folder),
                rel_path,
                stored.id.to_string(),
                hash,
                stored.updated_at.timestamp_micros()
            ])?;
        }
        tx.commit()?;
        Ok(stored)
    }
}
