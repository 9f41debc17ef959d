//! What every command can reach: the store on its own thread (or why it is not open), the
//! running mirror, the outbox worker's task, the rules cache and where the data folder is.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use redaksi_article::Article;
use redaksi_desk::Error;
use redaksi_desk::editing::Saved;
use redaksi_desk::instance::InstanceLock;
use redaksi_desk::mirror::MirrorStatus;
use redaksi_desk::rules::RulesCache;
use redaksi_folder::{FolderError, FolderWatcher, Mirror, SyncEvent};
use redaksi_store::{BackupInfo, Store, StoreError, StoreHandle};
use tauri::async_runtime::JoinHandle;
use tokio::sync::{RwLock, RwLockWriteGuard};
use uuid::Uuid;

pub struct AppState {
    /// Where `redaksi.db`, its backups and the mirror's settings live; `None` in memory.
    pub data_dir: Option<PathBuf>,
    /// The store, or why it could not be opened. The window opens either way, so the UI can
    /// show the reason instead of the app dying before it has a window. Commands hold the
    /// read side while they run; restoring a backup takes the write side, so it waits for
    /// them and nothing reaches the file while it is replaced.
    store: RwLock<Result<StoreHandle, Error>>,
    /// When the database failed its integrity check: the newest backup that passes its own.
    recovery: Mutex<Option<BackupInfo>>,
    pub mirror: MirrorSlot,
    /// The outbox worker's task, stopped while a backup is restored.
    pub outbox: Mutex<Option<JoinHandle<()>>>,
    /// The newsroom rules file, parsed once per change on disk.
    pub rules: Arc<RulesCache>,
    /// Where the file that points at a moved data folder is written (the OS config dir; a
    /// temporary folder in tests); `None` when there is none, and then the folder cannot move.
    pub config_dir: Option<PathBuf>,
    /// Whether `REDAKSI_DATA_DIR` chose the data folder: it would win over a moved one.
    pub data_dir_from_env: bool,
    /// This app's hold on the data folder; `None` in memory or when another app has it.
    _instance: Option<InstanceLock>,
}

/// Opens the store with its integrity check: a damaged file is reported (with the newest good
/// backup to offer), never recreated.
pub fn open_store(dir: &Path) -> (Result<StoreHandle, Error>, Option<BackupInfo>) {
    match Store::open_checked(dir).and_then(StoreHandle::spawn) {
        Ok(handle) => (Ok(handle), None),
        Err(err) => {
            eprintln!("Redaksi: {err}");
            let recovery = match err {
                StoreError::Corrupt { .. } => redaksi_store::newest_good_backup(dir).ok().flatten(),
                _ => None,
            };
            (Err(Error::from(err)), recovery)
        }
    }
}

impl AppState {
    /// Opens `redaksi.db` in `data_dir` (or keeps why there is none) on its own thread.
    pub fn open(data_dir: Result<&Path, &StoreError>) -> AppState {
        let dir = match data_dir {
            Ok(dir) => dir,
            Err(err) => {
                eprintln!("Redaksi: {err}");
                return AppState::new(None, Err(Error::from(err)), None);
            }
        };
        // A second app on the same folder opens its window with the reason, and no store.
        let instance = match InstanceLock::acquire(dir) {
            Ok(lock) => lock,
            Err(err) => return AppState::new(Some(dir.to_owned()), Err(err), None),
        };
        let (store, recovery) = open_store(dir);
        AppState {
            _instance: Some(instance),
            ..AppState::new(Some(dir.to_owned()), store, recovery)
        }
    }

    fn new(
        data_dir: Option<PathBuf>,
        store: Result<StoreHandle, Error>,
        recovery: Option<BackupInfo>,
    ) -> AppState {
        AppState {
            data_dir,
            store: RwLock::new(store),
            recovery: Mutex::new(recovery),
            mirror: MirrorSlot::default(),
            outbox: Mutex::new(None),
            rules: Arc::default(),
            config_dir: None,
            data_dir_from_env: false,
            _instance: None,
        }
    }

    /// Where a moved data folder is recorded, and whether the environment pins the folder.
    pub fn with_location(mut self, config_dir: Option<PathBuf>, data_dir_from_env: bool) -> Self {
        self.config_dir = config_dir;
        self.data_dir_from_env = data_dir_from_env;
        self
    }

    #[cfg(test)]
    pub fn with_store(store: Store) -> AppState {
        let dir = store.data_dir().map(Path::to_owned);
        AppState::new(dir, StoreHandle::spawn(store).map_err(Error::from), None)
    }

    #[cfg(test)]
    pub fn failed(reason: Error) -> AppState {
        AppState::new(None, Err(reason), None)
    }

    /// The data folder, or why an in-memory store has none for `what`.
    pub fn data_dir(&self, what: &str) -> Result<&Path, Error> {
        self.data_dir
            .as_deref()
            .ok_or_else(|| Error::invalid(format!("an in-memory store has no data folder {what}")))
    }

    /// A handle to the store, for library code that takes one (the publish crate, the mirror).
    pub async fn handle(&self) -> Result<StoreHandle, Error> {
        self.store.read().await.clone()
    }

    /// Why the store is not open (or `Ok`), and the backup to offer when it is damaged.
    pub async fn health(&self) -> (Result<(), Error>, Option<BackupInfo>) {
        let store = self
            .store
            .read()
            .await
            .as_ref()
            .map(drop)
            .map_err(Clone::clone);
        let recovery = self.recovery.lock().map(|r| r.clone()).unwrap_or(None);
        (store, recovery)
    }

    /// Exclusive access to the store's slot, for replacing the database underneath it. The
    /// mirror and the outbox worker, which hold handles of their own, are stopped first.
    pub async fn store_slot(&self) -> RwLockWriteGuard<'_, Result<StoreHandle, Error>> {
        let slot = self.store.write().await;
        self.mirror.stop();
        if let Some(worker) = self.outbox.lock().ok().and_then(|mut w| w.take()) {
            // A row it was sending keeps its lease and is picked up again after it runs out.
            worker.abort();
        }
        slot
    }

    pub fn set_recovery(&self, recovery: Option<BackupInfo>) {
        if let Ok(mut slot) = self.recovery.lock() {
            *slot = recovery;
        }
    }

    /// Runs `f` on the store's thread.
    pub async fn call<T, E, F>(&self, f: F) -> Result<T, Error>
    where
        T: Send + 'static,
        E: Into<Error> + Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, E> + Send + 'static,
    {
        let store = self.store.read().await;
        let handle = store.as_ref().map_err(Clone::clone)?;
        // The closure's own error rides inside the store's call and comes out as it went in.
        let outcome = handle.call(move |store| Ok(f(store))).await?;
        outcome.map_err(Into::into)
    }

    /// Like [`call`](Self::call) for a command that changed an article: when a folder is
    /// mirrored, the article is written to its file too (a failure there is reported as a
    /// mirror event, never as a failed save).
    pub async fn call_saving<E, F>(&self, f: F) -> Result<Article, Error>
    where
        E: Into<Error> + Send + 'static,
        F: FnOnce(&mut Store) -> Result<Article, E> + Send + 'static,
    {
        let article = self.call(f).await?;
        self.mirror_saved(vec![article.id]).await;
        Ok(article)
    }

    /// Like [`call_saving`](Self::call_saving) for an editor's save.
    pub async fn call_edit<F>(&self, f: F) -> Result<Saved, Error>
    where
        F: FnOnce(&mut Store) -> Result<Saved, Error> + Send + 'static,
    {
        let saved = self.call(f).await?;
        self.mirror_saved(vec![saved.article.id]).await;
        Ok(saved)
    }

    /// Writes these articles to the mirrored folder, if one is mirrored.
    pub async fn mirror_saved(&self, ids: Vec<Uuid>) {
        let Some((mirror, report)) = self.mirror.running() else {
            return;
        };
        let outcome = self
            .call(move |store| {
                let mut events = Vec::new();
                for id in ids {
                    let article = match store.get_article(id) {
                        Ok(article) => article,
                        // Gone since (deleted): nothing to write.
                        Err(StoreError::NotFound(_)) => continue,
                        Err(err) => return Err(err),
                    };
                    match mirror.article_saved(store, &article) {
                        Ok(more) => events.extend(more),
                        Err(err) => return Ok(Err(err)),
                    }
                }
                Ok(Ok(events))
            })
            .await;
        match outcome {
            Ok(result) => report(result),
            Err(err) => eprintln!("Redaksi mirror: {}", err.message),
        }
    }
}

/// Handles one sync step's outcome: counts it, tells the UI.
pub type Report = Arc<dyn Fn(Result<Vec<SyncEvent>, FolderError>) + Send + Sync>;

/// A mirror that runs: the folder, how its steps are reported, and the watcher (dropping it
/// stops watching).
pub struct Running {
    pub mirror: Mirror,
    pub report: Report,
    pub _watcher: FolderWatcher,
}

/// The mirror's place in [`AppState`].
#[derive(Default)]
pub struct MirrorSlot {
    running: Mutex<Option<Running>>,
    pub status: Arc<Mutex<MirrorStatus>>,
}

impl MirrorSlot {
    /// The running mirror and its report, for writing out what the app saved.
    pub fn running(&self) -> Option<(Mirror, Report)> {
        let running = self.running.lock().ok()?;
        running
            .as_ref()
            .map(|r| (r.mirror.clone(), Arc::clone(&r.report)))
    }

    pub fn set_running(&self, running: Running) {
        if let Ok(mut slot) = self.running.lock() {
            *slot = Some(running);
        }
    }

    pub fn status(&self) -> MirrorStatus {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Stops watching (the folder stays chosen).
    pub fn stop(&self) {
        let stopped = self.running.lock().ok().and_then(|mut r| r.take());
        drop(stopped);
        if let Ok(mut status) = self.status.lock() {
            status.running = false;
        }
    }
}
