//! Both sides of an outbox row that stopped at a conflict, and answering it with "keep the
//! CMS's version". Every HTML here has been through the article crate's sanitiser, the remote
//! post's included.

use chrono::Utc;
use redaksi_article::{Article, Status, front_matter, render};
use redaksi_store::Store;
use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, Result};

/// Both sides of a conflict, for the side-by-side view.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ConflictView {
    pub id: i64,
    pub target: String,
    pub local_title: String,
    pub local_html: String,
    pub remote_title: Option<String>,
    pub remote_html: String,
    pub remote_modified: Option<String>,
    pub remote_url: Option<String>,
}

/// The local text the row was asked to send, and the CMS's version found instead.
pub fn view(store: &Store, id: i64) -> Result<ConflictView> {
    let item = store.outbox_get(id)?;
    let local = snapshot_article(id, &item.snapshot)?;
    let remote: Value = item
        .remote_copy
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| {
            Error::invalid(format!(
                "outbox item {id}: the remote copy is unreadable: {e}"
            ))
        })?
        .ok_or_else(|| {
            Error::invalid(format!(
                "outbox item {id} is {} without a remote copy",
                item.state
            ))
        })?;
    let text = |key: &str| remote[key].as_str().map(str::to_owned);
    // WordPress gives `content`/`modified_gmt`/`link`, Ghost `html`/`updated_at`/`url`.
    let remote_html = text("content").or_else(|| text("html")).unwrap_or_default();
    Ok(ConflictView {
        id,
        target: item.target,
        local_html: render::to_safe_html(&local.body),
        local_title: local.title,
        remote_title: text("title"),
        remote_html: render::sanitize(&remote_html),
        remote_modified: text("modified_gmt").or_else(|| text("updated_at")),
        remote_url: text("link").or_else(|| text("url")),
    })
}

fn snapshot_article(id: i64, snapshot: &str) -> Result<Article> {
    front_matter::parse(snapshot, Utc::now()).map_err(|e| {
        Error::invalid(format!(
            "outbox item {id}: the stored text is unreadable: {e}"
        ))
    })
}

/// Answers a conflict with "keep the CMS's version": the local text becomes a new draft
/// (`copy_title`, in the user's language), and only then the row leaves the outbox.
pub fn keep_remote(store: &mut Store, id: i64, copy_title: &str) -> Result<Article> {
    let item = store.outbox_get(id)?;
    let local = snapshot_article(id, &item.snapshot)?;
    let mut copy = Article::new(copy_title, &local.body, Utc::now());
    copy.meta = local.meta;
    // The copy is a new draft; the original keeps its place in the CMS.
    copy.meta.slug = None;
    copy.meta.publish_at = None;
    copy.meta.status = Status::Draft;
    let saved = store.save_article(&copy)?;
    store.outbox_dismiss(id)?;
    Ok(saved)
}
