//! Images attached to articles, stored once by content hash under `<data dir>/media`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::params;
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{Store, StoreError};

/// Image types Redaksi accepts, by extension.
const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"];

/// An image in the media store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MediaRef {
    /// SHA-256 of the content, lower-case hex.
    pub hash: String,
    /// The file, inside the data directory.
    pub path: PathBuf,
    /// The path to use in Markdown, relative to the data directory: `media/<hash>.<ext>`.
    pub markdown_path: String,
    pub size: u64,
}

impl MediaRef {
    /// A Markdown image that references this file.
    pub fn markdown(&self, alt: &str) -> String {
        format!("![{}]({})", alt.replace(['[', ']'], ""), self.markdown_path)
    }
}

/// SHA-256 of `bytes` as lower-case hex.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl Store {
    /// Copies an image file into the media store (once per content) and attaches it to the
    /// article. Importing the same image again returns the same reference.
    pub fn import_media(&mut self, article: Uuid, file: &Path) -> Result<MediaRef, StoreError> {
        let ext = file
            .extension()
            .and_then(|ext| ext.to_str())
            .map(str::to_ascii_lowercase)
            .filter(|ext| IMAGE_EXTENSIONS.contains(&ext.as_str()))
            .ok_or_else(|| {
                StoreError::InvalidInput(format!(
                    "{}: not an image Redaksi takes ({})",
                    file.display(),
                    IMAGE_EXTENSIONS.join(", ")
                ))
            })?;
        let data_dir = self.data_dir().map(Path::to_owned).ok_or_else(|| {
            StoreError::InvalidInput("an in-memory store has no media directory".into())
        })?;
        if !self.exists(article)? {
            return Err(StoreError::NotFound(article));
        }
        let bytes = fs::read(file)
            .map_err(|err| StoreError::io(format!("reading {}", file.display()), err))?;
        let hash = content_hash(&bytes);
        let markdown_path = format!("media/{hash}.{ext}");
        let path = data_dir.join(&markdown_path);
        if !path.exists() {
            write_atomically(&path, &bytes)?;
        }
        let source_name = file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let now = self.now().timestamp_micros();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT OR IGNORE INTO media (hash, ext, size, source_name, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![hash, ext, bytes.len() as i64, source_name, now],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO article_media (article_id, hash) VALUES (?1, ?2)",
            params![article.to_string(), hash],
        )?;
        tx.commit()?;
        Ok(MediaRef {
            hash,
            path,
            markdown_path,
            size: bytes.len() as u64,
        })
    }

    /// The images attached to an article.
    pub fn article_media(&self, article: Uuid) -> Result<Vec<MediaRef>, StoreError> {
        let data_dir = self.data_dir().map(Path::to_owned).unwrap_or_default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.hash, m.ext, m.size FROM article_media am JOIN media m ON m.hash = am.hash
             WHERE am.article_id = ?1 ORDER BY m.created_at",
        )?;
        let rows = stmt.query_map([article.to_string()], |row| {
            let (hash, ext, size): (String, String, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let markdown_path = format!("media/{hash}.{ext}");
            Ok(MediaRef {
                path: data_dir.join(&markdown_path),
                hash,
                markdown_path,
                size: size as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Writes through a temporary file and a rename, so a crash never leaves half a file under
/// the final name.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)
        .map_err(|err| StoreError::io(format!("creating {}", dir.display()), err))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|err| StoreError::io(format!("writing in {}", dir.display()), err))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|err| StoreError::io(format!("writing {}", path.display()), err))?;
    tmp.persist(path)
        .map_err(|err| StoreError::io(format!("writing {}", path.display()), err.error))?;
    Ok(())
}
