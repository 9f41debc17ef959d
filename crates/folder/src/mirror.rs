use std::collections::HashSet;
use std::path::{Path, PathBuf};

use redaksi_article::{Article, front_matter};
use redaksi_store::{ListQuery, Store, StoreError, SyncedFile, content_hash};
use serde::Serialize;
use uuid::Uuid;

use crate::FolderError;
use crate::export::write_atomically;
use crate::import::{is_markdown, markdown_files, parse_file, read_bytes, read_file};

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
    /// Too many files vanished at once (the folder is empty, unmounted or most of it gone):
    /// nothing was trashed. The mirror waits for the user, who either confirms that the
    /// files were deleted ([`Mirror::trash_missing`]) or has them written back from the
    /// articles ([`Mirror::restore_missing`]). Until then every sync step leaves them alone.
    Paused { missing: Vec<PathBuf>, known: usize },
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
    /// file is compared with its record, deleted files are handled (unless too many vanished,
    /// see [`SyncEvent::Paused`]), and every article that is new or changed in the app is
    /// written out. A missing folder is an error: it is never created here, so an unmounted
    /// drive is not mistaken for an empty folder.
    pub fn rescan(&self, store: &mut Store) -> Result<Vec<SyncEvent>, FolderError> {
        let mut events = Vec::new();
        let files = markdown_files(std::slice::from_ref(&self.folder))?;
        for file in &files {
            events.extend(self.file_changed(store, file)?);
        }
        let present: HashSet<String> = files.iter().filter_map(|f| self.rel(f)).collect();
        let gone: Vec<PathBuf> = store
            .synced_files(&self.folder)
            .map_err(|e| self.err(e))?
            .into_iter()
            .filter(|record| !present.contains(&record.rel_path))
            .map(|record| self.folder.join(&record.rel_path))
            .collect();
        events.extend(self.files_removed(store, gone)?);
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

    /// Files changed, appeared or disappeared outside the app, as one batch (what the watcher
    /// saw in one quiet period). Files that exist are handled first, so that a rename (the old
    /// name gone, the new one there) moves the article with its file instead of trashing it.
    pub fn files_changed(
        &self,
        store: &mut Store,
        paths: &[PathBuf],
    ) -> Result<Vec<SyncEvent>, FolderError> {
        let mut events = Vec::new();
        let (present, gone): (Vec<&PathBuf>, Vec<&PathBuf>) =
            paths.iter().partition(|path| path.exists());
        for path in present {
            events.extend(self.file_changed(store, path)?);
        }
        events.extend(self.files_removed(store, gone.into_iter().cloned().collect())?);
        Ok(events)
    }

    /// Handles files that are gone, unless so many would go to the trash at once that it
    /// looks like an unmounted or emptied folder rather than a reporter deleting a file: then
    /// those are left alone and the step ends in [`SyncEvent::Paused`]. (A file whose article
    /// was edited in the app since comes back either way.)
    fn files_removed(
        &self,
        store: &mut Store,
        gone: Vec<PathBuf>,
    ) -> Result<Vec<SyncEvent>, FolderError> {
        if gone.is_empty() {
            return Ok(Vec::new());
        }
        let records = store.synced_files(&self.folder).map_err(|e| self.err(e))?;
        let known = records.len();
        let mut doomed = Vec::new();
        for record in records {
            let path = self.folder.join(&record.rel_path);
            if !path.exists() && !self.edited_since_sync(store, &record)? {
                doomed.push(path);
            }
        }
        let pause = doomed.iter().any(|path| gone.contains(path))
            && self.looks_unmounted(doomed.len(), known)?;
        let mut events = Vec::new();
        for path in &gone {
            if !(pause && doomed.contains(path)) {
                events.extend(self.file_changed(store, path)?);
            }
        }
        if pause {
            events.push(SyncEvent::Paused {
                missing: doomed,
                known,
            });
        }
        Ok(events)
    }

    /// The app changed the article after its file was last synced.
    fn edited_since_sync(&self, store: &Store, record: &SyncedFile) -> Result<bool, FolderError> {
        match store.get_article(record.article_id) {
            Ok(article) => Ok(article.updated_at > record.synced_at),
            Err(StoreError::NotFound(_)) => Ok(false),
            Err(err) => Err(self.err(err)),
        }
    }

    /// The folder is gone or holds no Markdown at all, or most of the files it mirrored
    /// vanished together.
    fn looks_unmounted(&self, missing: usize, known: usize) -> Result<bool, FolderError> {
        if !self.folder.is_dir() {
            return Ok(true);
        }
        if markdown_files(std::slice::from_ref(&self.folder))?.is_empty() {
            return Ok(true);
        }
        Ok(missing >= 2 && missing * 2 > known)
    }

    /// The user confirmed that the files a [`SyncEvent::Paused`] named were deleted on
    /// purpose: their articles go to the trash (restorable, as for a single deleted file).
    pub fn trash_missing(&self, store: &mut Store) -> Result<Vec<SyncEvent>, FolderError> {
        let mut events = Vec::new();
        for record in store.synced_files(&self.folder).map_err(|e| self.err(e))? {
            let path = self.folder.join(&record.rel_path);
            if !path.exists() {
                events.extend(self.file_removed(store, Some(record), &path)?);
            }
        }
        Ok(events)
    }

    /// The user said the files a [`SyncEvent::Paused`] named should still be there: each is
    /// written back from its article (the folder itself must exist again).
    pub fn restore_missing(&self, store: &mut Store) -> Result<Vec<SyncEvent>, FolderError> {
        if !self.folder.is_dir() {
            return Err(FolderError::io(
                &self.folder,
                std::io::Error::from(std::io::ErrorKind::NotFound),
            ));
        }
        let mut events = Vec::new();
        for record in store.synced_files(&self.folder).map_err(|e| self.err(e))? {
            if self.folder.join(&record.rel_path).exists() {
                continue;
            }
            match store.get_article(record.article_id) {
                Ok(article) => events.push(self.write_out(store, &article, &record.rel_path)?),
                Err(StoreError::NotFound(_)) => store
                    .forget_synced(&self.folder, &record.rel_path)
                    .map_err(|e| self.err(e))?,
                Err(err) => return Err(self.err(err)),
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
                if let Ok(bytes) = read_bytes(&path)
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
        let mut record = store
            .synced_file(&self.folder, &rel)
            .map_err(|e| self.err(e))?;
        if !path.exists() {
            return self.file_removed(store, record, path);
        }
        let failed = |err: FolderError| {
            Ok(vec![SyncEvent::Failed {
                path: path.to_owned(),
                message: err.to_string(),
            }])
        };
        let bytes = match read_bytes(path) {
            Ok(bytes) => bytes,
            Err(err) => return failed(err),
        };
        let hash = content_hash(&bytes);
        // Our own write coming back, a touch without a change, or (below) a plain rename.
        let unchanged =
            |record: &Option<SyncedFile>| record.as_ref().is_some_and(|r| r.file_hash == hash);
        if unchanged(&record) {
            return Ok(Vec::new());
        }
        let mut article = match parse_file(path, &bytes) {
            Ok(article) => article,
            Err(err) => return failed(err),
        };
        if record.is_none() {
            record = self.renamed_from(store, &rel, &article)?;
            if unchanged(&record) {
                return Ok(Vec::new());
            }
        }
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

    /// A new file that is a mirrored file under a new name (renamed or moved inside the
    /// folder, in the app's lifetime or while it was closed): it carries the id of an article
    /// whose file is gone. Its record moves to the new name, so the article keeps its id,
    /// history and CMS link. (A copy, whose original is still there, is a new article.)
    fn renamed_from(
        &self,
        store: &mut Store,
        rel: &str,
        article: &Article,
    ) -> Result<Option<SyncedFile>, FolderError> {
        let Some(old) = self
            .record_for_article(store, article.id)?
            .filter(|record| !self.folder.join(&record.rel_path).exists())
        else {
            return Ok(None);
        };
        store
            .move_synced(&self.folder, &old.rel_path, rel)
            .map_err(|e| self.err(e))?;
        Ok(Some(SyncedFile {
            rel_path: rel.to_owned(),
            ..old
        }))
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
                let bytes = read_bytes(path)?;
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
