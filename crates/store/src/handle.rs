use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use tokio::sync::oneshot;

use crate::{Store, StoreError};

type Job = Box<dyn FnOnce(&mut Store) + Send>;

enum Message {
    Job(Job),
    /// Close the connection now, whoever else still holds a handle, then answer.
    Close(oneshot::Sender<()>),
}

/// After this long without calls the thread does the deferred work ([`Store::idle`]).
const IDLE_AFTER: Duration = Duration::from_secs(1);

/// A cheap, cloneable handle to the one writer connection, which lives on its own thread.
///
/// Every call is queued and runs in order on that thread, so the caller (the UI thread, a
/// Tauri command, the outbox worker) never waits on disk and never holds the connection.
/// The thread ends when the last handle is dropped.
#[derive(Clone)]
pub struct StoreHandle {
    jobs: mpsc::Sender<Message>,
}

impl StoreHandle {
    /// Moves `store` onto a new thread named `redaksi-store` and returns the handle to it.
    pub fn spawn(store: Store) -> Result<Self, StoreError> {
        let (jobs, queue) = mpsc::channel::<Message>();
        thread::Builder::new()
            .name("redaksi-store".into())
            .spawn(move || {
                let mut store = store;
                let mut busy_since_idle = false;
                let mut closed = None;
                loop {
                    match queue.recv_timeout(IDLE_AFTER) {
                        Ok(Message::Close(done)) => {
                            closed = Some(done);
                            break;
                        }
                        Ok(Message::Job(job)) => {
                            // A panicking job loses only its own answer (the caller sees
                            // `Closed`); its transaction rolls back on unwind and later jobs
                            // still run.
                            let _ = catch_unwind(AssertUnwindSafe(|| job(&mut store)));
                            busy_since_idle = true;
                        }
                        Err(mpsc::RecvTimeoutError::Timeout) if busy_since_idle => {
                            // Best effort: a failure here leaves the work for the next quiet
                            // moment or the next search, and must not stop the thread.
                            let _ = catch_unwind(AssertUnwindSafe(|| store.idle()));
                            busy_since_idle = false;
                        }
                        Err(mpsc::RecvTimeoutError::Timeout) => {}
                        Err(mpsc::RecvTimeoutError::Disconnected) => break,
                    }
                }
                // The connection must be gone before the answer: the caller may replace the
                // file next. Jobs still queued are dropped, and their callers see `Closed`.
                drop(store);
                drop(queue);
                if let Some(done) = closed {
                    let _ = done.send(());
                }
            })
            .map_err(|err| StoreError::io("starting the store thread", err))?;
        Ok(StoreHandle { jobs })
    }

    /// Runs `f` on the store thread and waits for its result without blocking a thread.
    /// Works under any async runtime (or none: the future only needs to be polled).
    pub async fn call<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Store) -> Result<R, StoreError> + Send + 'static,
    {
        self.enqueue(f)?.await.map_err(|_| StoreError::Closed)?
    }

    /// Like [`call`](Self::call), for callers without an async context (the CLI, tests).
    pub fn call_blocking<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Store) -> Result<R, StoreError> + Send + 'static,
    {
        self.enqueue(f)?
            .blocking_recv()
            .map_err(|_| StoreError::Closed)?
    }

    /// Closes the connection once the calls queued before this one have run, even while other
    /// handles exist (they get [`StoreError::Closed`] from then on), and waits until it is
    /// closed. For replacing the database file (restoring a backup) under a running app.
    pub async fn close(&self) -> Result<(), StoreError> {
        let (done, closed) = oneshot::channel();
        self.jobs
            .send(Message::Close(done))
            .map_err(|_| StoreError::Closed)?;
        closed.await.map_err(|_| StoreError::Closed)
    }

    fn enqueue<R, F>(&self, f: F) -> Result<oneshot::Receiver<Result<R, StoreError>>, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Store) -> Result<R, StoreError> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move |store| {
            // The caller may have given up waiting; the work is done either way.
            let _ = reply.send(f(store));
        });
        self.jobs
            .send(Message::Job(job))
            .map_err(|_| StoreError::Closed)?;
        Ok(answer)
    }
}
