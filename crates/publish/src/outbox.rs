//! The outbox worker: sends queued publish requests, exactly once, whatever the network does.
//! It knows rows, leases and retries; what a send does on a CMS is [`crate::send`], over the
//! [`CmsTarget`](crate::target::CmsTarget) of the row's target.
//!
//! - A row is in the store before anything is sent ([`enqueue`]); the worker claims rows one
//!   per remote post, so two requests for the same post are never in flight together, and
//!   renews the lease while a send is under way.
//! - 408, 429, 5xx (not 501) and network errors are retried with exponential backoff and
//!   jitter, honouring `Retry-After` up to [`MAX_RETRY_AFTER`]; 401/403 stop the row at
//!   `needs-auth`.
//! - A scheduled time that passed while offline stops the row at `needs-confirmation`.
//! - One row's failure (an error, a panic, the store busy) never stops the others.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use redaksi_article::front_matter;
use redaksi_store::outbox::{OutboxItem, OutboxState, Outcome};
use redaksi_store::{StoreError, StoreHandle};
use serde::Serialize;
use serde_json::json;
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinSet;
use uuid::Uuid;

use crate::PublishError;
use crate::credentials::SecretStore;
use crate::ghost::Ghost;
use crate::send::{self, Attempt, Sent, Stop};
use crate::target::{PostRequest, RemoteStatus, TargetKind};
use crate::wordpress::{SiteCapabilities, WordPress};

/// The longest wait a server's `Retry-After` can impose on a row.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// How hard the worker tries, and how many posts it sends at once.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// Posts in flight at once (each post has at most one request in flight).
    pub concurrency: usize,
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// Attempts before a CMS error that keeps coming back (5xx, 429) fails the row. Network
    /// errors never fail it: offline is normal, the row waits.
    pub max_attempts: u32,
    pub request_timeout: Duration,
    /// How long a claimed row stays this worker's without a renewal. Another worker (the app
    /// and `redaksi outbox run` may share a database) takes the row over only after that, so
    /// it is renewed every third of it while a send is under way.
    pub lease: Duration,
    /// After a create whose answer never came, how long the server may still be working on
    /// it: the lookup for the post waits until then, so it does not miss a post still being
    /// made and create a second one.
    pub settle: Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            concurrency: 4,
            base_delay: Duration::from_secs(2),
            max_delay: Duration::from_secs(300),
            max_attempts: 8,
            request_timeout: Duration::from_secs(60),
            lease: Duration::from_secs(120),
            settle: Duration::from_secs(120),
        }
    }
}

/// What the UI shows while the worker runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "OutboxProgress"))]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Progress {
    Sending {
        id: i64,
        attempt: u32,
    },
    Uploaded {
        id: i64,
        done: usize,
        total: usize,
    },
    Retrying {
        id: i64,
        at: DateTime<Utc>,
        reason: String,
    },
    Finished {
        id: i64,
        state: OutboxState,
        message: Option<String>,
    },
}

/// When [`Worker::run`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    /// Nothing is queued or sending any more.
    Empty,
    /// This row reached a state that needs no more work from the worker.
    Final(i64),
}

/// Puts a publish request in the outbox. Nothing is sent here.
pub async fn enqueue(
    store: &StoreHandle,
    article_id: Uuid,
    target: &str,
    status: &str,
    at: Option<DateTime<Utc>>,
) -> Result<OutboxItem, PublishError> {
    let status: RemoteStatus = status.parse()?;
    if status == RemoteStatus::Future && at.is_none() {
        return Err(PublishError::Invalid(
            "a scheduled publish needs a time".into(),
        ));
    }
    let target = target.to_owned();
    Ok(store
        .call(move |s| {
            let mut article = s.get_article(article_id)?;
            if let Some(at) = at {
                article.meta.publish_at = Some(at);
            }
            let snapshot = front_matter::write(&article);
            // The text as it was when it left, kept as a revision the user can go back to.
            s.mark_before_publish(article_id)?;
            s.outbox_enqueue(article_id, &target, &snapshot, status.as_str(), at)
        })
        .await?)
}

pub struct Worker {
    store: StoreHandle,
    secrets: Arc<dyn SecretStore>,
    config: WorkerConfig,
    http: reqwest::Client,
    progress: Option<UnboundedSender<Progress>>,
    /// What each WordPress target offers, read once per worker.
    capabilities: Mutex<HashMap<String, Arc<Mutex<Option<SiteCapabilities>>>>>,
    /// This worker's name on the rows it leases; new for each worker.
    owner: String,
}

/// How often a store call the worker cannot do without is tried while the store is busy.
const STORE_TRIES: u32 = 5;

impl Worker {
    pub fn new(store: StoreHandle, secrets: Arc<dyn SecretStore>, config: WorkerConfig) -> Self {
        let http = crate::http::client(config.request_timeout, config.concurrency)
            .expect("the HTTP client configuration is static and valid");
        Worker {
            store,
            secrets,
            config,
            http,
            progress: None,
            capabilities: Mutex::new(HashMap::new()),
            owner: Uuid::new_v4().to_string(),
        }
    }

    pub fn with_progress(mut self, progress: UnboundedSender<Progress>) -> Self {
        self.progress = Some(progress);
        self
    }

    fn emit(&self, event: Progress) {
        if let Some(tx) = &self.progress {
            let _ = tx.send(event);
        }
    }

    /// Sends due rows until `until` holds. Rows left `sending` by a worker that stopped are
    /// queued again first, once their lease has run out. A busy store delays the loop; only
    /// a store that cannot be used at all ends it with an error.
    pub async fn run(self: &Arc<Self>, until: Until) -> Result<(), PublishError> {
        self.store_retrying(|s| s.outbox_recover_interrupted())
            .await?;
        let mut running: JoinSet<()> = JoinSet::new();
        loop {
            let free = self.config.concurrency.saturating_sub(running.len());
            let claimed = if free > 0 {
                let owner = self.owner.clone();
                let lease = self.config.lease;
                match self
                    .store
                    .call(move |s| s.outbox_claim_due(&owner, lease, free))
                    .await
                {
                    Ok(claimed) => claimed,
                    Err(StoreError::Busy) => Vec::new(),
                    Err(err) => {
                        drain(&mut running).await;
                        return Err(err.into());
                    }
                }
            } else {
                Vec::new()
            };
            for item in claimed {
                let worker = Arc::clone(self);
                running.spawn(async move { worker.process(item).await });
            }
            if running.is_empty() {
                if self.done(until).await? {
                    return Ok(());
                }
                let next = self
                    .store
                    .call(|s| s.outbox_next_due())
                    .await
                    .unwrap_or(None);
                let wait = next
                    .map(|at| (at - Utc::now()).to_std().unwrap_or(Duration::ZERO))
                    .unwrap_or(Duration::from_millis(500))
                    .min(Duration::from_secs(1));
                tokio::time::sleep(wait).await;
                continue;
            }
            // Wake when a send finishes, or soon, to claim rows that became due meanwhile.
            if let Ok(Some(joined)) =
                tokio::time::timeout(Duration::from_millis(200), running.join_next()).await
            {
                report_panic(joined);
            }
            if let Until::Final(_) = until
                && self.done(until).await?
            {
                drain(&mut running).await;
                return Ok(());
            }
        }
    }

    /// Whether `until` holds; a busy store answers "not yet".
    async fn done(&self, until: Until) -> Result<bool, PublishError> {
        let answer = match until {
            Until::Empty => self
                .store
                .call(|s| s.outbox_pending())
                .await
                .map(|n| n == 0),
            Until::Final(id) => self
                .store
                .call(move |s| s.outbox_get(id))
                .await
                .map(|item| item.state.is_final()),
        };
        match answer {
            Err(StoreError::Busy) => Ok(false),
            other => Ok(other?),
        }
    }

    /// A store call that waits out a busy database a few times before giving up.
    async fn store_retrying<R: Send + 'static>(
        &self,
        f: impl Fn(&mut redaksi_store::Store) -> Result<R, StoreError> + Send + Clone + 'static,
    ) -> Result<R, StoreError> {
        let mut tries = 0;
        loop {
            let f = f.clone();
            match self.store.call(move |s| f(s)).await {
                Err(StoreError::Busy) if tries + 1 < STORE_TRIES => {
                    tries += 1;
                    tokio::time::sleep(self.config.base_delay.min(Duration::from_secs(1))).await;
                }
                other => return other,
            }
        }
    }

    /// Sends one row and records how it ended. Nothing here returns an error to the loop: a
    /// row whose outcome cannot be recorded keeps its lease until it runs out, and is then
    /// resumed (its create intent makes the next attempt look for the post first).
    async fn process(&self, item: OutboxItem) {
        self.emit(Progress::Sending {
            id: item.id,
            attempt: item.attempts,
        });
        let (state, outcome) = match self.attempt_leased(&item).await {
            Ok(sent) => (
                OutboxState::Sent,
                Outcome {
                    remote_id: Some(sent.remote_id),
                    remote_url: Some(sent.url),
                    version_token: Some(sent.token),
                    report: Some(sent.report.to_string()),
                    ..Outcome::default()
                },
            ),
            Err(Stop::Confirm(message)) => (
                OutboxState::NeedsConfirmation,
                Outcome {
                    error: Some(message),
                    ..Outcome::default()
                },
            ),
            Err(Stop::Conflict { error, remote_copy }) => (
                OutboxState::Conflict,
                Outcome {
                    error: Some(error.to_string()),
                    remote_copy: Some(remote_copy),
                    ..Outcome::default()
                },
            ),
            Err(Stop::Wait { until, reason }) => (
                OutboxState::Queued,
                Outcome {
                    error: Some(reason),
                    retry_at: Some(until),
                    ..Outcome::default()
                },
            ),
            Err(Stop::Unsettled { error, until }) => {
                let (state, mut outcome) = self.after_error(&item, error);
                outcome.retry_at = outcome.retry_at.map(|at| at.max(until));
                (state, outcome)
            }
            Err(Stop::Error(err)) => self.after_error(&item, err),
            Err(Stop::Completing { error, post }) => {
                // The retry finds the post stored at this version and only completes it.
                let (state, mut outcome) = self.after_error(&item, error);
                outcome.remote_id = Some(post.id);
                outcome.remote_url = Some(post.url);
                outcome.version_token = Some(post.version);
                (state, outcome)
            }
        };
        if let Some(at) = outcome.retry_at.filter(|_| state == OutboxState::Queued) {
            self.emit(Progress::Retrying {
                id: item.id,
                at,
                reason: outcome.error.clone().unwrap_or_default(),
            });
        }
        let id = item.id;
        let message = outcome.error.clone();
        let owner = self.owner.clone();
        match self
            .store_retrying(move |s| s.outbox_finish(id, &owner, state, &outcome))
            .await
        {
            Ok(_) if state != OutboxState::Queued => {
                self.emit(Progress::Finished { id, state, message });
            }
            Ok(_) => {}
            Err(err) => eprintln!("Redaksi outbox: row {id}: its outcome was not recorded: {err}"),
        }
    }

    /// Runs one attempt while renewing the row's lease, so a long upload is not taken over by
    /// another worker. A lost lease does not stop the attempt: its outcome is still recorded,
    /// and the remote mapping keeps a second send from duplicating the post.
    async fn attempt_leased(&self, item: &OutboxItem) -> Result<Sent, Stop> {
        let every = (self.config.lease / 3).max(Duration::from_millis(10));
        let attempt = self.attempt(item);
        tokio::pin!(attempt);
        loop {
            tokio::select! {
                result = &mut attempt => return result,
                () = tokio::time::sleep(every) => {
                    let (id, owner, lease) = (item.id, self.owner.clone(), self.config.lease);
                    // A busy store this once is no reason to stop a send; the next renewal
                    // comes a third of the lease later.
                    let _ = self.store.call(move |s| s.outbox_renew_lease(id, &owner, lease)).await;
                }
            }
        }
    }

    fn after_error(&self, item: &OutboxItem, err: PublishError) -> (OutboxState, Outcome) {
        let message = err.to_string();
        // The stable code lets the app explain the error in the user's language.
        let report = Some(json!({ "error_code": err.code() }).to_string());
        if err.needs_auth() {
            return (
                OutboxState::NeedsAuth,
                Outcome {
                    error: Some(message),
                    report,
                    ..Outcome::default()
                },
            );
        }
        let offline = matches!(err, PublishError::Network { .. });
        let busy = matches!(err, PublishError::Store(StoreError::Busy));
        if (err.is_transient() || busy) && (offline || item.attempts < self.config.max_attempts) {
            let wait = backoff(&self.config, item.attempts, err.retry_after());
            let retry_at = Utc::now()
                .checked_add_signed(TimeDelta::from_std(wait).unwrap_or(TimeDelta::MAX))
                .unwrap_or(DateTime::<Utc>::MAX_UTC);
            return (
                OutboxState::Queued,
                Outcome {
                    error: Some(message),
                    retry_at: Some(retry_at),
                    report,
                    ..Outcome::default()
                },
            );
        }
        (
            OutboxState::Failed,
            Outcome {
                error: Some(message),
                report,
                ..Outcome::default()
            },
        )
    }

    async fn attempt(&self, item: &OutboxItem) -> Result<Sent, Stop> {
        let article = front_matter::parse(&item.snapshot, Utc::now()).map_err(|e| {
            PublishError::Invalid(format!(
                "outbox item {}: stored article unreadable: {e}",
                item.id
            ))
        })?;
        let mut request = PostRequest {
            status: item.remote_status.parse()?,
            at: item.publish_at.or(article.meta.publish_at),
        };
        if request.status == RemoteStatus::Future && request.at.is_some_and(|at| at <= Utc::now()) {
            if !item.confirmed {
                return Err(Stop::Confirm(
                    "the scheduled time passed while the post waited; the CMS would publish it \
                     at once. Confirm to publish now"
                        .into(),
                ));
            }
            request.status = RemoteStatus::Publish;
        }
        let name = item.target.clone();
        let (target, data_dir) = self
            .store
            .call(move |s| Ok((s.get_target(&name)?, s.data_dir().map(PathBuf::from))))
            .await?;
        let target = target.ok_or_else(|| {
            PublishError::Invalid(format!("publish target {:?} no longer exists", item.target))
        })?;
        let kind: TargetKind = target.kind.parse()?;
        // A target saved before this rule existed is checked before its password is read.
        redaksi_store::outbox::check_target_url(&target.url)?;
        let secret = self.secrets.get(&target.name)?;
        let emit = |event: Progress| self.emit(event);
        let attempt = Attempt {
            store: &self.store,
            item,
            article: &article,
            request,
            data_dir: data_dir.as_deref(),
            settle: self.config.settle,
            progress: &emit,
        };
        match kind {
            TargetKind::Wordpress => {
                let user = target.username.clone().unwrap_or_default();
                let cache = Arc::clone(
                    self.capabilities
                        .lock()
                        .expect("capabilities lock")
                        .entry(target.name.clone())
                        .or_default(),
                );
                let wp =
                    WordPress::new(&target.name, &target.url, &user, secret, self.http.clone())
                        .sharing_capabilities(cache);
                send::send(&wp, &attempt).await
            }
            TargetKind::Ghost => {
                let ghost = Ghost::new(&target.name, &target.url, secret, self.http.clone());
                send::send(&ghost, &attempt).await
            }
        }
    }
}

/// Waits for every running send; none of them can fail the loop.
async fn drain(running: &mut JoinSet<()>) {
    while let Some(joined) = running.join_next().await {
        report_panic(joined);
    }
}

/// A send that panicked left its row leased; the lease runs out and the row is resumed.
fn report_panic(joined: Result<(), tokio::task::JoinError>) {
    if let Err(err) = joined {
        eprintln!("Redaksi outbox: a send stopped unexpectedly: {err}");
    }
}

/// Exponential backoff with full jitter in the upper half, never sooner than the server asked
/// (up to [`MAX_RETRY_AFTER`]).
pub fn backoff(config: &WorkerConfig, attempts: u32, retry_after: Option<Duration>) -> Duration {
    let exp = config
        .base_delay
        .saturating_mul(
            1u32.checked_shl(attempts.saturating_sub(1).min(20))
                .unwrap_or(u32::MAX),
        )
        .min(config.max_delay);
    let jittered = exp / 2 + exp.mul_f64(fastrand::f64() / 2.0);
    retry_after.map_or(jittered, |asked| asked.min(MAX_RETRY_AFTER).max(jittered))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::MemorySecrets;
    use redaksi_store::Store;
    use serde_json::Value;

    /// A worker and a row it could be working on.
    fn worker_and_row() -> (Worker, OutboxItem) {
        let store = StoreHandle::spawn(Store::open_in_memory().unwrap()).unwrap();
        let worker = Worker::new(
            store,
            Arc::new(MemorySecrets::default()),
            WorkerConfig::default(),
        );
        let mut item_store = Store::open_in_memory().unwrap();
        item_store
            .put_target(&redaksi_store::outbox::Target {
                name: "t".into(),
                kind: "wordpress".into(),
                url: "http://127.0.0.1:1".into(),
                username: Some("u".into()),
            })
            .unwrap();
        let article = item_store.create_article("J", "b").unwrap().id;
        let item = item_store
            .outbox_enqueue(article, "t", "---\n---\n", "draft", None)
            .unwrap();
        (worker, item)
    }

    #[test]
    fn a_stopped_row_keeps_the_error_code_for_the_app() {
        let (worker, item) = worker_and_row();
        let denied = PublishError::Remote {
            target: "t".into(),
            status: 403,
            code: "rest_cannot_create".into(),
            message: "Sorry".into(),
            retry_after: None,
        };
        let (state, outcome) = worker.after_error(&item, denied);
        assert_eq!(state, OutboxState::NeedsAuth);
        let report: Value = serde_json::from_str(outcome.report.as_deref().unwrap()).unwrap();
        assert_eq!(report["error_code"], "remote:rest_cannot_create");
        let (state, outcome) = worker.after_error(&item, PublishError::Invalid("bad".into()));
        assert_eq!(state, OutboxState::Failed);
        assert!(outcome.report.unwrap().contains("\"invalid\""));
    }

    #[test]
    fn backoff_grows_is_capped_and_honours_retry_after() {
        let config = WorkerConfig {
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(60),
            ..WorkerConfig::default()
        };
        for (attempts, lo, hi) in [
            (1, 0.5, 1.0),
            (2, 1.0, 2.0),
            (3, 2.0, 4.0),
            (10, 30.0, 60.0),
        ] {
            let d = backoff(&config, attempts, None).as_secs_f64();
            assert!(d >= lo && d <= hi, "attempt {attempts}: {d}");
        }
        assert!(backoff(&config, 1, Some(Duration::from_secs(30))) >= Duration::from_secs(30));
    }

    #[test]
    fn a_retry_after_far_in_the_future_is_capped_and_never_panics() {
        let huge = Duration::from_secs(10_000_000_000_000);
        assert_eq!(
            backoff(&WorkerConfig::default(), 1, Some(huge)),
            MAX_RETRY_AFTER
        );
        let (worker, item) = worker_and_row();
        let slow_down = PublishError::Remote {
            target: "t".into(),
            status: 429,
            code: "too_many".into(),
            message: "later".into(),
            retry_after: Some(huge),
        };
        let (state, outcome) = worker.after_error(&item, slow_down);
        assert_eq!(state, OutboxState::Queued);
        let wait = outcome.retry_at.unwrap() - Utc::now();
        assert!(
            wait <= TimeDelta::from_std(MAX_RETRY_AFTER).unwrap(),
            "{wait}"
        );
    }
}
