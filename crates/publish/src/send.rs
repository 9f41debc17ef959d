//! One attempt to put an article on a CMS target, whichever it is ([`CmsTarget`]): find the
//! post the article already is there, upload its images, build the body, then update that
//! post or create one, so that the article ends as exactly one post.
//!
//! - A create is always preceded by a lookup of Redaksi's identity on the site, so a lost
//!   answer, a restored backup or a second worker never makes a second post.
//! - The intent to create is recorded before the request may leave and withdrawn when the
//!   answer proves the post was not made. While an earlier create's outcome is unknown, the
//!   lookup waits until that request has settled on the server.
//! - Before an update, the remote version is compared with the one Redaksi last saw; a
//!   difference is a conflict and nothing is overwritten, unless the post already holds what
//!   Redaksi is sending (its own update, whose answer was lost).
//! - The post is sent only when the target's work after storing it succeeds (WordPress: Rank
//!   Math's fields); a failure there is retried as that work alone, on the stored post.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use redaksi_article::Article;
use redaksi_store::StoreHandle;
use redaksi_store::outbox::OutboxItem;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::PublishError;
use crate::outbox::Progress;
use crate::payload::{self, ImageSource};
use crate::target::{CmsTarget, ImageUpload, PostRequest, RemoteDoc, Uploaded, Uploads};

/// What one attempt works on.
pub(crate) struct Attempt<'a> {
    pub store: &'a StoreHandle,
    pub item: &'a OutboxItem,
    pub article: &'a Article,
    pub request: PostRequest,
    /// Where `media/<hash>.<ext>` references live.
    pub data_dir: Option<&'a Path>,
    /// How long a create may still be running on the server after the client gave up.
    pub settle: Duration,
    pub progress: &'a (dyn Fn(Progress) + Send + Sync),
}

/// The result of a successful send.
pub(crate) struct Sent {
    pub remote_id: String,
    pub url: String,
    pub token: String,
    pub report: Value,
}

/// Why an attempt stopped without sending.
pub(crate) enum Stop {
    /// A person must confirm (a schedule that passed while offline).
    Confirm(String),
    Conflict {
        error: PublishError,
        remote_copy: String,
    },
    /// Not before `until` (an earlier create may still be running on the server).
    Wait {
        until: DateTime<Utc>,
        reason: String,
    },
    /// A create failed in a way that may have come after the post was stored: like any
    /// error, but the next lookup for the post waits until `until`.
    Unsettled {
        error: PublishError,
        until: DateTime<Utc>,
    },
    Error(PublishError),
    /// The post is stored (at `post`'s version) but the work after it (`complete`) failed:
    /// like any error, and the row remembers the post so its retry completes it alone.
    Completing {
        error: PublishError,
        post: RemoteDoc,
    },
}

impl From<PublishError> for Stop {
    fn from(err: PublishError) -> Self {
        Stop::Error(err)
    }
}

impl From<redaksi_store::StoreError> for Stop {
    fn from(err: redaksi_store::StoreError) -> Self {
        Stop::Error(err.into())
    }
}

pub(crate) async fn send<T: CmsTarget>(cms: &T, a: &Attempt<'_>) -> Result<Sent, Stop> {
    let article = a.article;
    let target = a.item.target.as_str();
    let slug = article.slug();
    let (id, t) = (article.id, target.to_owned());
    let mapping = a.store.call(move |s| s.remote_post(id, &t)).await?;

    let recorded = mapping
        .as_ref()
        .and_then(|m| Some((m.remote_id.clone()?, m.version_token.clone())));
    let (existing, base) = match recorded {
        Some((remote_id, token)) => (Some(cms.fetch(&remote_id).await?), token),
        None => {
            if let Some(until) = mapping
                .as_ref()
                .and_then(|m| m.create_intent_at)
                .and_then(|at| at.checked_add_signed(TimeDelta::from_std(a.settle).ok()?))
                .filter(|until| *until > Utc::now())
            {
                return Err(Stop::Wait {
                    until,
                    reason: "an earlier create may still be running on the site; \
                             Redaksi looks for it once that request has settled"
                        .into(),
                });
            }
            match cms.find_own(article.id, &slug).await? {
                Some(found) => {
                    record(a, &found).await?;
                    let version = found.version.clone();
                    (Some(found), Some(version))
                }
                None => (None, None),
            }
        }
    };

    // This row stored the post and only its completion failed: unless the post changed
    // since, the retry completes it without sending it again.
    if let Some(stored) = existing.as_ref().filter(|post| {
        a.item.remote_id.as_deref() == Some(post.id.as_str())
            && a.item.version_token.as_deref() == Some(post.version.as_str())
    }) {
        let site = cms.resolve(article).await?;
        return complete(cms, a, stored.clone(), &site).await;
    }

    let images = upload_images(cms, a).await?;
    let site = cms.resolve(article).await?;
    let built = T::build(target, article, &a.request, &images, Some(&site))?;

    let post = match existing {
        Some(current) => {
            let changed = base.as_deref() != Some(current.version.as_str());
            if changed && !a.item.overwrite && !holds::<T>(&current, &built.payload) {
                return Err(conflict(target, base.unwrap_or_default(), current));
            }
            match cms.update(&current, &built.payload).await {
                Err(PublishError::Conflict { .. }) => {
                    let now = cms.fetch(&current.id).await?;
                    return Err(conflict(target, current.version, now));
                }
                other => other?,
            }
        }
        None => {
            let (id, t, s) = (article.id, target.to_owned(), slug.clone());
            a.store
                .call(move |store| store.remote_post_intend_create(id, &t, &s))
                .await?;
            match cms.create(&built.payload).await {
                Ok(post) => post,
                Err(error) if error.maybe_applied() => {
                    let until = TimeDelta::from_std(a.settle)
                        .ok()
                        .and_then(|settle| Utc::now().checked_add_signed(settle))
                        .unwrap_or(DateTime::<Utc>::MAX_UTC);
                    return Err(Stop::Unsettled { error, until });
                }
                Err(error) => {
                    let t = target.to_owned();
                    a.store
                        .call(move |store| store.remote_post_withdraw_intent(id, &t))
                        .await?;
                    return Err(error.into());
                }
            }
        }
    };
    // Recorded at once: if anything below fails, the retry updates this post.
    record(a, &post).await?;
    complete(cms, a, post, &site).await
}

/// The target's work after the post is stored; the send is done only when it succeeds.
async fn complete<T: CmsTarget>(
    cms: &T,
    a: &Attempt<'_>,
    post: RemoteDoc,
    site: &T::Site,
) -> Result<Sent, Stop> {
    match cms.complete(post.clone(), a.article, site).await {
        Ok((post, report)) => Ok(Sent {
            remote_id: post.id,
            url: post.url,
            token: post.version,
            report,
        }),
        Err(error) => Err(Stop::Completing { error, post }),
    }
}

/// Whether the post already holds what Redaksi is sending: its title and body are ours.
fn holds<T: CmsTarget>(current: &RemoteDoc, body: &Value) -> bool {
    body["title"].as_str() == Some(current.title.as_str())
        && body[T::BODY_FIELD].as_str().map(str::trim) == Some(current.html.trim())
}

fn conflict(target: &str, ours: String, remote: RemoteDoc) -> Stop {
    Stop::Conflict {
        remote_copy: json!({
            "title": remote.title,
            "html": remote.html,
            "updated_at": remote.version,
            "url": remote.url,
        })
        .to_string(),
        error: PublishError::Conflict {
            target: target.to_owned(),
            remote: remote.version,
            ours,
        },
    }
}

/// Remembers which post is this article's on the target, and its version.
async fn record(a: &Attempt<'_>, post: &RemoteDoc) -> Result<(), PublishError> {
    let (article, target) = (a.article.id, a.item.target.clone());
    let post = post.clone();
    a.store
        .call(move |s| {
            s.remote_post_set(
                article,
                &target,
                &post.slug,
                &post.id,
                Some(&post.url),
                Some(&post.version),
            )
        })
        .await
        .map_err(PublishError::from)
}

/// Uploads each stored image once per target (remembered in the store) and returns them by
/// the reference the article uses.
async fn upload_images<T: CmsTarget>(cms: &T, a: &Attempt<'_>) -> Result<Uploads, PublishError> {
    let article = a.article;
    let stored: Vec<String> = payload::article_images(article)?
        .into_iter()
        .filter(|(_, source)| *source == ImageSource::Stored)
        .map(|(reference, _)| reference)
        .collect();
    let featured = article.meta.featured_image.as_ref();
    let mut uploads = Uploads::new();
    for (done, reference) in stored.iter().enumerate() {
        let data_dir = a.data_dir.ok_or_else(|| PublishError::Image {
            path: reference.clone(),
            message: "there is no data folder to read it from".into(),
        })?;
        let path = payload::stored_image_path(data_dir, reference);
        let bytes = tokio::fs::read(&path)
            .await
            .map_err(|e| PublishError::Image {
                path: reference.clone(),
                message: e.to_string(),
            })?;
        let mime = payload::image_mime(&path)?;
        let key = hex::encode(Sha256::digest(&bytes));
        let (target, lookup) = (a.item.target.clone(), key.clone());
        let known = a
            .store
            .call(move |s| s.remote_media(&target, &lookup))
            .await?;
        let uploaded = match known {
            Some((id, url)) => Uploaded { id, url },
            None => {
                let alt = featured
                    .filter(|f| f.src == *reference)
                    .and_then(|f| f.alt.clone());
                let file_name = path
                    .file_name()
                    .map_or_else(|| "image".to_owned(), |n| n.to_string_lossy().into_owned());
                let uploaded = cms
                    .upload(ImageUpload {
                        bytes,
                        file_name,
                        mime,
                        alt,
                    })
                    .await?;
                let (target, id, url) = (
                    a.item.target.clone(),
                    uploaded.id.clone(),
                    uploaded.url.clone(),
                );
                a.store
                    .call(move |s| s.remote_media_set(&target, &key, &id, &url))
                    .await?;
                uploaded
            }
        };
        uploads.insert(reference.clone(), uploaded);
        (a.progress)(Progress::Uploaded {
            id: a.item.id,
            done: done + 1,
            total: stored.len(),
        });
    }
    Ok(uploads)
}
