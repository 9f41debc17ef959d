//! The outbox worker: sends queued publish requests, exactly once, whatever the network does.
//!
//! - A row is in the store before anything is sent ([`enqueue`]); the worker claims rows one
//!   per remote post, so two requests for the same post are never in flight together.
//! - Before a create, the intent is written to the store. If the answer is lost, the next
//!   attempt looks the post up (slug, then Redaksi's marker in the body) before creating.
//! - Before an update, the remote version (`modified_gmt` / `updated_at`) is compared with
//!   the one Redaksi last saw; a difference is a conflict and nothing is overwritten.
//! - 408, 429, 5xx (not 501) and network errors are retried with exponential backoff and
//!   jitter, honouring `Retry-After`; 401/403 stop the row at `needs-auth`.
//! - A scheduled time that passed while offline stops the row at `needs-confirmation`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use redaksi_article::{Article, front_matter};
use redaksi_store::StoreHandle;
use redaksi_store::outbox::{OutboxItem, OutboxState, Outcome};
use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinSet;
use uuid::Uuid;

use crate::PublishError;
use crate::credentials::SecretStore;
use crate::ghost::{self, Ghost};
use crate::payload;
use crate::wordpress::{self, PostFields, SiteCapabilities, WordPress};

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
    /// Where relative image paths in articles are resolved.
    pub media_root: Option<PathBuf>,
    /// How long a claimed row stays this worker's without a renewal. Another worker (the app
    /// and `redaksi outbox run` may share a database) takes the row over only after that, so
    /// it is renewed every third of it while a send is under way.
    pub lease: Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            concurrency: 4,
            base_delay: Duration::from_secs(2),
            max_delay: Duration::from_secs(300),
            max_attempts: 8,
            request_timeout: Duration::from_secs(60),
            media_root: None,
            lease: Duration::from_secs(120),
        }
    }
}

/// What the UI shows while the worker runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    if !matches!(status, "draft" | "pending" | "publish" | "future") {
        return Err(PublishError::Invalid(format!(
            "unknown status {status:?} (expected draft, pending, publish or future)"
        )));
    }
    if status == "future" && at.is_none() {
        return Err(PublishError::Invalid(
            "a scheduled publish needs --at TIME (jadwal perlu waktu)".into(),
        ));
    }
    let target = target.to_owned();
    let status = status.to_owned();
    Ok(store
        .call(move |s| {
            let mut article = s.get_article(article_id)?;
            if let Some(at) = at {
                article.meta.publish_at = Some(at);
            }
            let snapshot = front_matter::write(&article);
            // The text as it was when it left, kept as a revision the user can go back to.
            s.mark_before_publish(article_id)?;
            s.outbox_enqueue(article_id, &target, &snapshot, &status, at)
        })
        .await?)
}

pub struct Worker {
    store: StoreHandle,
    secrets: Arc<dyn SecretStore>,
    config: WorkerConfig,
    http: reqwest::Client,
    progress: Option<UnboundedSender<Progress>>,
    capabilities: Mutex<HashMap<String, SiteCapabilities>>,
    /// This worker's name on the rows it leases; new for each worker.
    owner: String,
}

/// The result of a successful send.
struct Sent {
    remote_id: String,
    url: String,
    token: String,
    report: Value,
}

impl Worker {
    pub fn new(store: StoreHandle, secrets: Arc<dyn SecretStore>, config: WorkerConfig) -> Self {
        let http = reqwest::Client::builder()
            .timeout(config.request_timeout)
            .connect_timeout(Duration::from_secs(10))
            .pool_max_idle_per_host(config.concurrency)
            .user_agent(concat!("Redaksi/", env!("CARGO_PKG_VERSION")))
            .build()
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
    /// queued again first, once their lease has run out.
    pub async fn run(self: &Arc<Self>, until: Until) -> Result<(), PublishError> {
        self.store.call(|s| s.outbox_recover_interrupted()).await?;
        let mut running: JoinSet<Result<(), PublishError>> = JoinSet::new();
        loop {
            let free = self.config.concurrency.saturating_sub(running.len());
            let claimed = if free > 0 {
                let owner = self.owner.clone();
                let lease = self.config.lease;
                self.store
                    .call(move |s| s.outbox_claim_due(&owner, lease, free))
                    .await?
            } else {
                Vec::new()
            };
            for item in claimed {
                let worker = Arc::clone(self);
                running.spawn(async move { worker.process(item).await });
            }
            if running.is_empty() {
                let done = match until {
                    Until::Empty => self.store.call(|s| s.outbox_pending()).await? == 0,
                    Until::Final(id) => self
                        .store
                        .call(move |s| s.outbox_get(id))
                        .await?
                        .state
                        .is_final(),
                };
                if done {
                    return Ok(());
                }
                let next = self.store.call(|s| s.outbox_next_due()).await?;
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
                joined.map_err(|e| PublishError::Invalid(format!("send task failed: {e}")))??;
            }
            if let Until::Final(id) = until
                && self
                    .store
                    .call(move |s| s.outbox_get(id))
                    .await?
                    .state
                    .is_final()
            {
                while let Some(joined) = running.join_next().await {
                    joined
                        .map_err(|e| PublishError::Invalid(format!("send task failed: {e}")))??;
                }
                return Ok(());
            }
        }
    }

    async fn process(&self, item: OutboxItem) -> Result<(), PublishError> {
        self.emit(Progress::Sending {
            id: item.id,
            attempt: item.attempts,
        });
        let (state, outcome) = match self.attempt_leased(&item).await? {
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
            Err(Stop::Error(err)) => self.after_error(&item, err),
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
        self.store
            .call(move |s| s.outbox_finish(id, &owner, state, &outcome))
            .await?;
        if state != OutboxState::Queued {
            self.emit(Progress::Finished { id, state, message });
        }
        Ok(())
    }

    /// Runs one attempt while renewing the row's lease, so a long upload is not taken over by
    /// another worker. A lost lease does not stop the attempt: its outcome is still recorded,
    /// and the remote mapping's create intent keeps a second send from duplicating the post.
    async fn attempt_leased(&self, item: &OutboxItem) -> Result<Result<Sent, Stop>, PublishError> {
        let every = (self.config.lease / 3).max(Duration::from_millis(10));
        let attempt = self.attempt(item);
        tokio::pin!(attempt);
        loop {
            tokio::select! {
                result = &mut attempt => return Ok(result),
                () = tokio::time::sleep(every) => {
                    let (id, owner, lease) = (item.id, self.owner.clone(), self.config.lease);
                    self.store.call(move |s| s.outbox_renew_lease(id, &owner, lease)).await?;
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
        if err.is_transient() && (offline || item.attempts < self.config.max_attempts) {
            let wait = backoff(&self.config, item.attempts, err.retry_after());
            let retry_at = Utc::now() + chrono::Duration::from_std(wait).unwrap_or_default();
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
        let mut status = item.remote_status.clone();
        if status == "future" {
            let at = item.publish_at.or(article.meta.publish_at);
            if at.is_some_and(|at| at <= Utc::now()) {
                if !item.confirmed {
                    return Err(Stop::Confirm(
                        "the scheduled time passed while the post waited; WordPress would publish it at once. \
                         Confirm to publish now (jadwal sudah lewat, konfirmasi untuk terbit sekarang)"
                            .into(),
                    ));
                }
                status = "publish".into();
            }
        }
        let name = item.target.clone();
        let target = self
            .store
            .call(move |s| s.get_target(&name))
            .await
            .map_err(PublishError::from)?
            .ok_or_else(|| {
                PublishError::Invalid(format!("publish target {:?} no longer exists", item.target))
            })?;
        let secret = self.secrets.get(&target.name)?;
        match target.kind.as_str() {
            "wordpress" => {
                let user = target.username.clone().unwrap_or_default();
                let wp =
                    WordPress::new(&target.name, &target.url, &user, secret, self.http.clone());
                self.send_wordpress(&wp, item, &article, &status).await
            }
            _ => {
                let g = Ghost::new(&target.name, &target.url, secret, self.http.clone());
                self.send_ghost(&g, item, &article, &status).await
            }
        }
    }

    /// Uploads each local image once per target (remembered in the store) and returns the
    /// rewrite map and the featured image's media id.
    async fn upload_images<F, Fut>(
        &self,
        item: &OutboxItem,
        article: &Article,
        upload: F,
    ) -> Result<(HashMap<String, String>, Option<String>), PublishError>
    where
        F: Fn(Vec<u8>, String, &'static str, Option<String>) -> Fut,
        Fut: std::future::Future<Output = Result<(String, String), PublishError>>,
    {
        let images = payload::local_images(article, self.config.media_root.as_deref());
        let mut map = HashMap::new();
        let mut featured = None;
        let featured_ref = article.meta.featured_image.as_ref().map(|f| f.src.clone());
        for (done, image) in images.iter().enumerate() {
            let bytes = tokio::fs::read(&image.path)
                .await
                .map_err(|e| PublishError::Image {
                    path: image.path.display().to_string(),
                    message: e.to_string(),
                })?;
            let mime = payload::image_mime(&image.path)?;
            let key = hex::encode(Sha256::digest(&bytes));
            let target = item.target.clone();
            let lookup_key = key.clone();
            let known = self
                .store
                .call(move |s| s.remote_media(&target, &lookup_key))
                .await?;
            let (id, url) = match known {
                Some(found) => found,
                None => {
                    let file_name = image
                        .path
                        .file_name()
                        .map_or_else(|| "image".to_owned(), |n| n.to_string_lossy().into_owned());
                    let is_featured = featured_ref.as_deref() == Some(image.reference.as_str());
                    let alt = if is_featured {
                        article
                            .meta
                            .featured_image
                            .as_ref()
                            .and_then(|f| f.alt.clone())
                    } else {
                        None
                    };
                    let (id, url) = upload(bytes, file_name, mime, alt).await?;
                    let (target, id2, url2) = (item.target.clone(), id.clone(), url.clone());
                    self.store
                        .call(move |s| s.remote_media_set(&target, &key, &id2, &url2))
                        .await?;
                    (id, url)
                }
            };
            if featured_ref.as_deref() == Some(image.reference.as_str()) {
                featured = Some(id);
            }
            map.insert(image.reference.clone(), url);
            self.emit(Progress::Uploaded {
                id: item.id,
                done: done + 1,
                total: images.len(),
            });
        }
        Ok((map, featured))
    }

    async fn site_capabilities(
        &self,
        wp: &WordPress,
        target: &str,
    ) -> Result<SiteCapabilities, PublishError> {
        if let Some(caps) = self
            .capabilities
            .lock()
            .expect("capabilities lock")
            .get(target)
        {
            return Ok(caps.clone());
        }
        let caps = wp.capabilities().await?;
        self.capabilities
            .lock()
            .expect("capabilities lock")
            .insert(target.to_owned(), caps.clone());
        Ok(caps)
    }

    async fn send_wordpress(
        &self,
        wp: &WordPress,
        item: &OutboxItem,
        article: &Article,
        status: &str,
    ) -> Result<Sent, Stop> {
        let slug = payload::slug(article);
        let marker = payload::marker(article.id);
        let (article_id, target) = (article.id, item.target.clone());
        let mapping = self
            .store
            .call(move |s| s.remote_post(article_id, &target))
            .await
            .map_err(PublishError::from)?;

        let mut existing = None;
        let mut last_seen = None;
        if let Some(m) = &mapping {
            if let Some(id) = &m.remote_id {
                let id: u64 = id.parse().map_err(|_| {
                    PublishError::Invalid(format!("stored WordPress id {id:?} is not a number"))
                })?;
                existing = Some(wp.get_post(id).await?);
                last_seen = m.version_token.clone();
            } else if m.create_intent {
                // The last create may have been applied without us hearing back.
                if let Some(found) = wp.find_post(&m.slug, &marker).await? {
                    self.record_wordpress_post(article_id, &item.target, &found)
                        .await?;
                    last_seen = Some(found.modified_gmt.clone());
                    existing = Some(found);
                }
            }
        }
        if let (Some(post), Some(seen)) = (&existing, &last_seen)
            && &post.modified_gmt != seen
            && !item.overwrite
        {
            return Err(Stop::Conflict {
                error: PublishError::Conflict { target: item.target.clone(), remote: post.modified_gmt.clone(), ours: seen.clone() },
                remote_copy: json!({"title": post.title, "content": post.content, "modified_gmt": post.modified_gmt, "link": post.link}).to_string(),
            });
        }

        let (uploaded, featured) = self
            .upload_images(item, article, |bytes, name, mime, alt| async move {
                let (id, url) = wp.upload_media(bytes, &name, mime, alt.as_deref()).await?;
                Ok((id.to_string(), url))
            })
            .await?;
        let mut unresolved = Vec::new();
        let mut categories = Vec::new();
        if let Some(c) = &article.meta.category {
            match wp.term("categories", c).await? {
                Some(id) => categories.push(id),
                None => unresolved.push(format!("category {c}")),
            }
        }
        let mut tags = Vec::new();
        for t in &article.meta.tags {
            match wp.term("tags", t).await? {
                Some(id) => tags.push(id),
                None => unresolved.push(format!("tag {t}")),
            }
        }
        let caps = self.site_capabilities(wp, &item.target).await?;
        let (seo_meta, wanted) = wordpress::seo_meta(article, &caps);
        let registered: serde_json::Map<String, Value> = seo_meta
            .iter()
            .filter(|(k, _)| caps.meta_keys.contains(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let fields = PostFields {
            title: article.title.clone(),
            content: payload::body_html(article, &uploaded),
            excerpt: article.meta.description.clone(),
            slug: slug.clone(),
            status: status.to_owned(),
            date_gmt: (status == "future")
                .then(|| item.publish_at.or(article.meta.publish_at))
                .flatten()
                .map(wordpress::wp_date),
            categories,
            tags,
            featured_media: featured.and_then(|id| id.parse().ok()),
            meta: registered,
        };
        let mut post = match &existing {
            Some(post) => wp.update_post(post.id, &fields).await?,
            None => {
                let t = item.target.clone();
                let s2 = slug.clone();
                self.store
                    .call(move |s| s.remote_post_intend_create(article_id, &t, &s2))
                    .await
                    .map_err(PublishError::from)?;
                wp.create_post(&fields).await?
            }
        };
        // Record the post at once: if anything below fails, the retry updates it.
        self.record_wordpress_post(article_id, &item.target, &post)
            .await?;
        if !wanted.is_empty() {
            if caps.rank_math {
                let rank_math: serde_json::Map<String, Value> = seo_meta
                    .iter()
                    .filter(|(k, _)| k.starts_with("rank_math"))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                wp.rank_math_update(post.id, &rank_math).await?;
            }
            // Unregistered meta vanishes without an error: only the post as stored tells.
            post = wp.get_post(post.id).await?;
        }
        let seo = wordpress::seo_report(&seo_meta, &wanted, &post);
        Ok(Sent {
            remote_id: post.id.to_string(),
            url: post.link.clone(),
            token: post.modified_gmt.clone(),
            report: json!({"seo": seo, "unresolved_terms": unresolved, "slug": post.slug, "status": post.status}),
        })
    }

    /// Remembers which WordPress post is this article's on `target`, and its version token.
    async fn record_wordpress_post(
        &self,
        article_id: Uuid,
        target: &str,
        post: &wordpress::RemotePost,
    ) -> Result<(), PublishError> {
        let (target, slug, id, link, token) = (
            target.to_owned(),
            post.slug.clone(),
            post.id.to_string(),
            post.link.clone(),
            post.modified_gmt.clone(),
        );
        self.store
            .call(move |s| {
                s.remote_post_set(article_id, &target, &slug, &id, Some(&link), Some(&token))
            })
            .await
            .map_err(PublishError::from)
    }

    async fn send_ghost(
        &self,
        g: &Ghost,
        item: &OutboxItem,
        article: &Article,
        status: &str,
    ) -> Result<Sent, Stop> {
        let slug = payload::slug(article);
        let (article_id, target) = (article.id, item.target.clone());
        let mapping = self
            .store
            .call(move |s| s.remote_post(article_id, &target))
            .await
            .map_err(PublishError::from)?;
        let mut existing: Option<(String, String)> = None;
        if let Some(m) = &mapping {
            if let (Some(id), Some(token)) = (&m.remote_id, &m.version_token) {
                existing = Some((id.clone(), token.clone()));
            } else if m.create_intent
                && let Some(found) = g.find_by_slug(&m.slug).await?
            {
                existing = Some((found.id, found.updated_at));
            }
        }
        if let (Some((id, token)), true) = (&mut existing, item.overwrite) {
            // The user chose to overwrite: take Ghost's current version as the base.
            *token = g.get(id).await?.updated_at;
        }
        let (uploaded, _) = self
            .upload_images(item, article, |bytes, name, mime, _alt| async move {
                let url = g.upload_image(bytes, &name, mime).await?;
                Ok((url.clone(), url))
            })
            .await?;
        let html = payload::body_html(article, &uploaded);
        let mut post = ghost::post_json(
            &item.target,
            article,
            &html,
            status,
            existing.as_ref().map(|(_, t)| t.as_str()),
        )?;
        if let Some(src) = article.meta.featured_image.as_ref().map(|f| &f.src) {
            post["feature_image"] = json!(uploaded.get(src).unwrap_or(src));
        }
        let result = match &existing {
            Some((id, _)) => match g.update(id, post).await {
                Err(PublishError::Conflict { .. }) => {
                    let remote = g.get(id).await?;
                    return Err(Stop::Conflict {
                        error: PublishError::Conflict {
                            target: item.target.clone(),
                            remote: remote.updated_at.clone(),
                            ours: existing.as_ref().map(|(_, t)| t.clone()).unwrap_or_default(),
                        },
                        remote_copy: json!({"html": remote.html, "updated_at": remote.updated_at, "url": remote.url}).to_string(),
                    });
                }
                other => other?,
            },
            None => {
                let t = item.target.clone();
                let s2 = slug.clone();
                self.store
                    .call(move |s| s.remote_post_intend_create(article_id, &t, &s2))
                    .await
                    .map_err(PublishError::from)?;
                g.create(post).await?
            }
        };
        Ok(Sent {
            remote_id: result.id.clone(),
            url: result.url.clone(),
            token: result.updated_at.clone(),
            report: json!({"slug": result.slug}),
        })
    }
}

/// Why an attempt stopped without sending.
enum Stop {
    Confirm(String),
    Conflict {
        error: PublishError,
        remote_copy: String,
    },
    Error(PublishError),
}

impl From<PublishError> for Stop {
    fn from(err: PublishError) -> Self {
        Stop::Error(err)
    }
}

/// Exponential backoff with full jitter in the upper half, never sooner than the server asked.
pub fn backoff(config: &WorkerConfig, attempts: u32, retry_after: Option<Duration>) -> Duration {
    let exp = config
        .base_delay
        .saturating_mul(
            1u32.checked_shl(attempts.saturating_sub(1).min(20))
                .unwrap_or(u32::MAX),
        )
        .min(config.max_delay);
    let jittered = exp / 2 + exp.mul_f64(fastrand::f64() / 2.0);
    retry_after.map_or(jittered, |asked| {
        asked.max(jittered).min(config.max_delay.max(asked))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::MemorySecrets;
    use redaksi_store::Store;

    #[test]
    fn a_stopped_row_keeps_the_error_code_for_the_app() {
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
}
