//! What the outbox worker needs from a CMS, whichever it is: [`CmsTarget`], implemented by
//! [`WordPress`](crate::wordpress::WordPress) and [`Ghost`](crate::ghost::Ghost). The worker
//! ([`crate::outbox`]) and the send flow ([`crate::send`]) know nothing else about either.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use redaksi_article::Article;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use crate::PublishError;

/// The CMS a target account talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    Wordpress,
    Ghost,
}

impl TargetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Wordpress => "wordpress",
            TargetKind::Ghost => "ghost",
        }
    }
}

impl FromStr for TargetKind {
    type Err = PublishError;

    fn from_str(s: &str) -> Result<Self, PublishError> {
        match s {
            "wordpress" => Ok(TargetKind::Wordpress),
            "ghost" => Ok(TargetKind::Ghost),
            other => Err(PublishError::Invalid(format!(
                "unknown target kind {other:?} (expected wordpress or ghost)"
            ))),
        }
    }
}

impl fmt::Display for TargetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The status a publish asks for, in WordPress's words (Ghost's are mapped by its client).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "PublishStatus"))]
#[serde(rename_all = "lowercase")]
pub enum RemoteStatus {
    Draft,
    Pending,
    Publish,
    /// Scheduled: needs a time.
    Future,
}

impl RemoteStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RemoteStatus::Draft => "draft",
            RemoteStatus::Pending => "pending",
            RemoteStatus::Publish => "publish",
            RemoteStatus::Future => "future",
        }
    }
}

impl FromStr for RemoteStatus {
    type Err = PublishError;

    fn from_str(s: &str) -> Result<Self, PublishError> {
        match s {
            "draft" => Ok(RemoteStatus::Draft),
            "pending" => Ok(RemoteStatus::Pending),
            "publish" => Ok(RemoteStatus::Publish),
            "future" => Ok(RemoteStatus::Future),
            other => Err(PublishError::Invalid(format!(
                "unknown status {other:?} (expected draft, pending, publish or future)"
            ))),
        }
    }
}

impl fmt::Display for RemoteStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a publish asks for: the status and, for a schedule, when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostRequest {
    pub status: RemoteStatus,
    pub at: Option<DateTime<Utc>>,
}

/// An image uploaded to the CMS: its id there (WordPress's media id; Ghost has only the URL)
/// and its public URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uploaded {
    pub id: String,
    pub url: String,
}

/// The uploaded images by the reference the article uses for them.
pub type Uploads = HashMap<String, Uploaded>;

/// The body a target receives, and the values only the site can supply (listed for the
/// preview, which builds without the site).
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub payload: Value,
    pub pending: Vec<String>,
}

/// A post as the CMS holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteDoc {
    pub id: String,
    pub url: String,
    pub slug: String,
    /// The CMS's own status word.
    pub status: String,
    /// The version token: a different value means the post changed.
    pub version: String,
    pub title: String,
    /// The body as stored (WordPress's raw content, Ghost's HTML).
    pub html: String,
    /// The whole answer, for what only one CMS has (WordPress's meta).
    pub raw: Value,
}

/// An image file to upload.
#[derive(Debug, Clone)]
pub struct ImageUpload {
    pub bytes: Vec<u8>,
    pub file_name: String,
    pub mime: &'static str,
    pub alt: Option<String>,
}

/// One CMS account, as the worker uses it. Every network call is here; building the body is
/// not, so the publish dialog's preview builds exactly what the send sends.
pub trait CmsTarget: Send + Sync {
    /// What only the site can supply, resolved just before a send (term ids, accepted meta
    /// keys). The preview builds with `None`.
    type Site: Send + Sync;

    const KIND: TargetKind;

    /// The field of [`build`](Self::build)'s body that holds the post's HTML.
    const BODY_FIELD: &'static str;

    /// The target's name, for messages.
    fn name(&self) -> &str;

    /// The body of a create or an update.
    fn build(
        target: &str,
        article: &Article,
        request: &PostRequest,
        images: &Uploads,
        site: Option<&Self::Site>,
    ) -> Result<Built, PublishError>;

    /// Looks up what the body needs from the site.
    fn resolve(
        &self,
        article: &Article,
    ) -> impl Future<Output = Result<Self::Site, PublishError>> + Send;

    fn upload(
        &self,
        image: ImageUpload,
    ) -> impl Future<Output = Result<Uploaded, PublishError>> + Send;

    /// The post this article became, if the site has one that is provably ours (Redaksi's
    /// identity for `article` on it); an unrelated post with the same slug is never returned.
    fn find_own(
        &self,
        article: Uuid,
        slug: &str,
    ) -> impl Future<Output = Result<Option<RemoteDoc>, PublishError>> + Send;

    fn fetch(&self, id: &str) -> impl Future<Output = Result<RemoteDoc, PublishError>> + Send;

    /// One page (from 1) of posts in any status, newest first.
    fn list(
        &self,
        page: u32,
        per_page: u32,
    ) -> impl Future<Output = Result<Vec<RemoteDoc>, PublishError>> + Send;

    fn create(&self, body: &Value) -> impl Future<Output = Result<RemoteDoc, PublishError>> + Send;

    /// Updates `current` (as fetched just before) with `body`.
    fn update(
        &self,
        current: &RemoteDoc,
        body: &Value,
    ) -> impl Future<Output = Result<RemoteDoc, PublishError>> + Send;

    /// Work after the post is stored (WordPress: SEO fields through Rank Math, then read
    /// back), returning the post as it is now and the report the user sees.
    fn complete(
        &self,
        post: RemoteDoc,
        article: &Article,
        site: &Self::Site,
    ) -> impl Future<Output = Result<(RemoteDoc, Value), PublishError>> + Send;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_statuses_parse_only_their_own_words() {
        for kind in [TargetKind::Wordpress, TargetKind::Ghost] {
            assert_eq!(kind.as_str().parse::<TargetKind>().unwrap(), kind);
        }
        for status in [
            RemoteStatus::Draft,
            RemoteStatus::Pending,
            RemoteStatus::Publish,
            RemoteStatus::Future,
        ] {
            assert_eq!(status.as_str().parse::<RemoteStatus>().unwrap(), status);
        }
        let err = "medium".parse::<TargetKind>().unwrap_err();
        assert!(err.to_string().contains("\"medium\""), "{err}");
        assert!("Ghost".parse::<TargetKind>().is_err());
        assert!("published".parse::<RemoteStatus>().is_err());
    }
}
