//! What leaves the desk as a file or a payload: the exact text before it is sent or written
//! (the publish dialog's preview), and an export into a folder.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use redaksi_article::Article;
use redaksi_publish::preview::preview;
use redaksi_publish::rankmath::RankMathFields;
use redaksi_publish::{Dropped, ExportContext, Format, export};
use redaksi_store::Store;
use serde::Serialize;
use uuid::Uuid;

use crate::error::{Code, Error, Result};

/// What the publish dialog shows: the text that will be sent or written, byte for byte.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PayloadView {
    /// `wordpress`, `ghost`, `html`, `md` or `ninjs`.
    pub kind: String,
    pub content: String,
    /// CMS values the site fills in at send time.
    pub pending: Vec<String>,
    /// Fields a file format cannot hold.
    pub dropped: Vec<Dropped>,
    /// What a WordPress target stores in Rank Math's own fields when the site runs it.
    pub rank_math: Option<RankMathFields>,
}

/// Where the payload goes: a CMS account, or a file format.
pub enum Destination {
    Target(String),
    File(Format),
}

impl Destination {
    /// Exactly one of a target name or a file format (`html`, `md`, `ninjs`).
    pub fn of(target: Option<String>, format: Option<String>) -> Result<Destination> {
        match (target, format) {
            (Some(target), None) => Ok(Destination::Target(target)),
            (None, Some(format)) => Ok(Destination::File(parse_format(&format)?)),
            _ => Err(Error::invalid("choose either a target or a file format")),
        }
    }
}

pub fn parse_format(format: &str) -> Result<Format> {
    format
        .parse()
        .map_err(|e: redaksi_publish::export::UnknownFormat| Error::invalid(e.to_string()))
}

/// The payload for the stored article (the UI saves before it asks).
pub fn payload_preview(
    store: &mut Store,
    article_id: Uuid,
    to: &Destination,
    status: &str,
    publish_at: Option<DateTime<Utc>>,
) -> Result<PayloadView> {
    match to {
        Destination::Target(target) => {
            let article = store.get_article(article_id)?;
            let found = store
                .get_target(target)?
                .ok_or_else(|| Error::new(Code::NotFound, format!("no target named {target:?}")))?;
            let built = preview(
                &article,
                &found.kind,
                target,
                &found.url,
                status,
                publish_at,
            )?;
            let content = serde_json::to_string_pretty(&built.payload)
                .map_err(|e| Error::internal(format!("the payload could not be shown: {e}")))?;
            Ok(PayloadView {
                kind: built.kind.to_string(),
                content,
                pending: built.pending,
                dropped: Vec::new(),
                rank_math: built.rank_math,
            })
        }
        Destination::File(format) => {
            let (article, ctx) = for_export(store, article_id)?;
            let done = export(&article, *format, &ctx);
            Ok(PayloadView {
                kind: format.as_str().into(),
                content: done.content,
                pending: Vec::new(),
                dropped: done.dropped,
                rank_math: None,
            })
        }
    }
}

fn for_export(store: &mut Store, id: Uuid) -> Result<(Article, ExportContext)> {
    let article = store.get_article(id)?;
    // ninjs carries the revision as its version, as `redaksi export` does.
    let revision = store.list_revisions(id)?.first().map(|r| r.id as u64);
    Ok((article, ExportContext { revision }))
}

/// Where an export went.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Exported {
    pub path: PathBuf,
    pub dropped: Vec<Dropped>,
}

/// Writes the article as `format` into `folder` (the export folder set in Settings: absolute
/// and existing), or without one into `exports` in the data folder. The file is named after
/// the slug; exporting again replaces it.
pub fn to_folder(
    store: &mut Store,
    article_id: Uuid,
    format: Format,
    folder: Option<&str>,
) -> Result<Exported> {
    let folder = match folder.map(str::trim).filter(|f| !f.is_empty()) {
        Some(folder) => {
            let folder = PathBuf::from(folder);
            if !folder.is_absolute() || !folder.is_dir() {
                return Err(Error::invalid(format!(
                    "the export folder {} is not an existing folder (give a full path)",
                    folder.display()
                )));
            }
            folder
        }
        None => store
            .data_dir()
            .ok_or_else(|| Error::invalid("there is no data folder to export into"))?
            .join("exports"),
    };
    let (article, ctx) = for_export(store, article_id)?;
    let done = export(&article, format, &ctx);
    let path = folder.join(article.file_name(format.extension()));
    write(&folder, &path, &done.content)?;
    Ok(Exported {
        path,
        dropped: done.dropped,
    })
}

fn write(folder: &Path, path: &Path, content: &str) -> Result<()> {
    std::fs::create_dir_all(folder)
        .and_then(|()| std::fs::write(path, content))
        .map_err(|e| Error::new(Code::Io, format!("{}: {e}", path.display())))
}
