use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use redaksi_article::{Article, front_matter};
use redaksi_store::{ListQuery, Store, StoreError, SyncedFile, content_hash};
use serde::Serialize;
use uuid::Uuid;

use crate::FolderError;
use crate::export::write_atomically;
use crate::import::{is_markdown, markdown_files, read_file};

/// What a sync step did, for the app to show (a conflict must be told to the user).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SyncEvent {
    /// A new file became a new article.
    Imported { id: Uuid, path: PathBuf },
    /// A file changed outside and its article took the change.
    Updated { id: Uuid, path: PathBuf },
    /// An article was written to its file.
    Exported { id: Uuid, path: PathBuf },
    /// Both the file and the article changed since the last sync. The article kept the app's
    /// text; the file's text became the new article `copy`, written next to it as `copy_path`.
    Conflict {
        id: Uuid,
        path: PathBuf,
        copy: Uuid,
        copy_path: PathBuf,
    },
    /// The file was deleted outside; its article went to the trash (restorable).
    Trashed { id: Uuid, path: PathBuf },
    /// A file could not be read; nothing was imported from it.
    Failed { path: PathBuf, message: String },
}

/// Keeps one folder and the store in step, both ways. See the crate docs.
#[derive(Debug, Clone)]
pub struct Mirror {
    folder: PathBuf,
}

impl Mirror {
    pub fn new(folder: impl Into<PathBuf>) -> Self {
        Mirror {
            folder: folder.into(),
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn rel(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix(&self.folder).ok()?;
        let parts: Vec<_> = rel
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(parts.join("/"))
    }

    /// Full reconciliation, for start-up and whenever events were lost (`need_rescan`): every
    /// file is compared with its record, deleted files are handled, and every article that is
    /// new or changed in the app is written out.
    pub fn rescan(&self, store: &mut Store) -> Result<Vec<SyncEvent>, FolderError> {
        fs::create_dir_all(&self.folder).map_err(|err| FolderError::io(&self.folder, err))?;
        let mut events = Vec::new();
        let files = markdown_files(std::slice::from_ref(&self.folder))?;
        for file in &files {
            events.extend(self.file_changed(store, file)?);
        }
        let present: HashSet<String> = files.iter().filter_map(|f| self.rel(f)).collect();
        for record in store.synced_files(&self.folder).map_err(|e| self.err(e))? {
            if !present.contains(&record.rel_path) {
                events.extend(self.file_changed(store, &self.folder.join(&record.rel_path))?);
            }
        }
        let mut offset = 0;
        loop {
            let page = store
                .list(&ListQuery {
                    limit: 500,
                    offset,
                    ..ListQuery::default()
                })
                .map_err(|e| self.err(e))?;
            if page.is_empty() {
                break;
            }
            offset += page.len() as u32;
            for summary in page {
                let article = store.get_article(summary.id).map_err(|e| self.err(e))?;
                events.extend(self.article_saved(store, &article)?);
            }
        }
        Ok(events)
    }

    /// After the database was replaced (a backup restored), the store is the truth: every file
    /// the restored store knows is rewritten from its article, so that the next rescan does not
    /// take the newer text back from the folder and undo the restore. The text those files held
    /// must be kept elsewhere first (the app takes a safety backup before any restore). Files
    /// the restored store does not know are left alone; a rescan imports them as new articles.
    pub fn store_wins(&self, store: &mut Store) -> Result<Vec<SyncEvent>, FolderError> {
        let mut events = Vec::new();
        for record in store.synced_files(&self.folder).map_err(|e| self.err(e))? {
            match store.get_article(record.article_id) {
                Ok(article) => events.push(self.write_out(store, &article, &record.rel_path)?),
                Err(StoreError::NotFound(_)) => {}
                Err(err) => return Err(self.err(err)),
            }
        }
        Ok(events)
    }

    fn err(&self, source: StoreError) -> FolderError {
        FolderError::store(&self.folder, source)
    }

    fn record_for_article(
        &self,
        store: &Store,
        id: Uuid,
    ) -> Result<Option<SyncedFile>, FolderError> {
        store
            .synced_file_for_article(&self.folder, id)
            .map_err(|e| self.err(e))
    }

    /// The app saved `article`: write it to its file unless the file already has this text.
    /// A file changed outside since the last sync is first kept as a conflict copy.
    pub fn article_saved(
        &self,
        store: &mut Store,
        article: &Article,
    ) -> Result<Vec<SyncEvent>, FolderError> {
        let mut events = Vec::new();
        let record = self.record_for_article(store, article.id)?;
        let rel = match &record {
            Some(record) => {
                if record.synced_at >= article.updated_at {
                    return Ok(events);
                }
                let path = self.folder.join(&record.rel_path);
                if let Ok(bytes) = fs::read(&path)
                    && content_hash(&bytes) != record.file_hash
                {
                    // Changed on both sides: keep the outside text before writing ours.
                    events.extend(self.conflict(store, record, &path)?);
                }
                record.rel_path.clone()
            }
            None => self.free_name(store, article)?,
        };
        events.push(self.write_out(store, article, &rel)?);
        Ok(events)
    }

    /// Writes the article to `rel` and records the hash of what was written, so that the
    /// watcher recognises the echo. Both happen in one store call, so no file event is handled
    /// in between.
    fn write_out(
        &self,
        store: &mut Store,
        article: &Article,
        rel: &str,
    ) -> Result<SyncEvent, FolderError> {
        let path = self.folder.join(rel);
        let text = front_matter::write(article);
        write_atomically(&path, text.as_bytes())?;
        store
            .record_synced(&self.folder, rel, article, &content_hash(text.as_bytes()))
            .map_err(|e| self.err(e))?;
        Ok(SyncEvent::Exported {
            id: article.id,
            path,
        })
    }

    /// A file name for an article's first export that no other file or article uses.
    fn free_name(&self, store: &Store, article: &Article) -> Result<String, FolderError> {
        let name = article.file_name("md");
        let stem = name.trim_end_matches(".md");
        for n in 1.. {
            let candidate = if n == 1 {
                name.clone()
            } else {
                format!("{stem}-{n}.md")
            };
            let taken = self.folder.join(&candidate).exists()
                || store
                    .synced_file(&self.folder, &candidate)
                    .map_err(|e| self.err(e))?
                    .is_some();
            if !taken {
                return Ok(candidate);
            }
        }
        unreachable!("the loop above runs until a free name turns up")
    }

    /// The file at `path` changed, appeared or disappeared outside the app.
    pub fn file_changed(
        &self,
        store: &mut Store,
        path: &Path,
    ) -> Result<Vec<SyncEvent>, FolderError> {
        let Some(rel) = self.rel(path) else {
            return Ok(Vec::new());
        };
        if !is_markdown(path) || rel.split('/').any(|part| part.starts_with('.')) {
            return Ok(Vec::new());
        }
        let record = store
            .synced_file(&self.folder, &rel)
            .map_err(|e| self.err(e))?;
        if !path.exists() {
            return self.file_removed(store, record, path);
        }
        let bytes = fs::read(path).map_err(|err| FolderError::io(path, err))?;
        let hash = content_hash(&bytes);
        if record.as_ref().is_some_and(|r| r.file_hash == hash) {
            // Our own write coming back, or a touch without a change.
            return Ok(Vec::new());
        }
        let (mut article, _) = match read_file(path) {
            Ok(read) => read,
            Err(err) => {
                return Ok(vec![SyncEvent::Failed {
                    path: path.to_owned(),
                    message: err.to_string(),
                }]);
            }
        };
        match record {
            Some(record) => {
                let current = store
                    .get_article(record.article_id)
                    .map_err(|e| self.err(e))?;
                if current.updated_at > record.synced_at {
                    let mut events = self.conflict(store, &record, path)?;
                    // Put the app's text back in the file, so that both versions exist.
                    events.push(self.write_out(store, &current, &rel)?);
                    return Ok(events);
                }
                article.id = record.article_id;
                article.created_at = current.created_at;
                let stored = store
                    .save_from_file(&article, Some((&self.folder, &rel, &hash)))
                    .map_err(|e| self.err(e))?;
                Ok(vec![SyncEvent::Updated {
                    id: stored.id,
                    path: path.to_owned(),
                }])
            }
            None => {
                // A second file carrying an id that another file already holds (a copy made
                // outside) becomes an article of its own.
                if self.record_for_article(store, article.id)?.is_some() {
                    article.id = Uuid::new_v4();
                }
                let stored = store
                    .save_from_file(&article, Some((&self.folder, &rel, &hash)))
                    .map_err(|e| self.err(e))?;
                Ok(vec![SyncEvent::Imported {
                    id: stored.id,
                    path: path.to_owned(),
                }])
            }
        }
    }

    fn file_removed(
        &self,
        store: &mut Store,
        record: Option<SyncedFile>,
        path: &Path,
    ) -> Result<Vec<SyncEvent>, FolderError> {
        let Some(record) = record else {
            return Ok(Vec::new());
        };
        store
            .forget_synced(&self.folder, &record.rel_path)
            .map_err(|e| self.err(e))?;
        let current = match store.get_article(record.article_id) {
            Ok(article) => article,
            Err(err) if err.code() == "not_found" => return Ok(Vec::new()),
            Err(err) => return Err(self.err(err)),
        };
        if current.updated_at > record.synced_at {
            // Edited in the app after the file went away: the edit wins, the file comes back.
            return self.article_saved(store, &current);
        }
        store
            .delete_article(record.article_id)
            .map_err(|e| self.err(e))?;
        Ok(vec![SyncEvent::Trashed {
            id: record.article_id,
            path: path.to_owned(),
        }])
    }

    /// Keeps the file's text as a new article, written next to the file as a conflict copy.
    fn conflict(
        &self,
        store: &mut Store,
        record: &SyncedFile,
        path: &Path,
    ) -> Result<Vec<SyncEvent>, FolderError> {
        let stem = record.rel_path.trim_end_matches(".md");
        let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
        let mut copy_rel = format!("{stem}.conflict-{stamp}.md");
        let mut n = 2;
        while self.folder.join(&copy_rel).exists() {
            copy_rel = format!("{stem}.conflict-{stamp}-{n}.md");
            n += 1;
        }
        let (mut outside, _) = match read_file(path) {
            Ok(read) => read,
            Err(err) => {
                // Unreadable, but still someone's text: keep the bytes as they are.
                let copy_path = self.folder.join(&copy_rel);
                let bytes = fs::read(path).map_err(|err| FolderError::io(path, err))?;
                write_atomically(&copy_path, &bytes)?;
                return Ok(vec![SyncEvent::Failed {
                    path: path.to_owned(),
                    message: format!("{err}; the file's text is kept in {}", copy_path.display()),
                }]);
            }
        };
        outside.id = Uuid::new_v4();
        outside.title = format!("{} (salinan konflik / conflict copy)", outside.title);
        outside.meta.slug = None;
        let copy_path = self.folder.join(&copy_rel);
        let stored = store
            .save_from_file(&outside, None)
            .map_err(|e| self.err(e))?;
        let text = front_matter::write(&stored);
        write_atomically(&copy_path, text.as_bytes())?;
        store
            .record_synced(
                &self.folder,
                &copy_rel,
                &stored,
                &content_hash(text.as_bytes()),
            )
            .map_err(|e| self.err(e))?;
        Ok(vec![SyncEvent::Conflict {
            id: record.article_id,
            path: path.to_owned(),
            copy: stored.id,
            copy_path,
        }])
    }
}
