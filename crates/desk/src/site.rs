//! The site audit as both front doors run it (`redaksi site audit`, the app's Site view): the
//! WordPress account from the store, the ledger beside the drafts, and each post scored the
//! way the desk scores an article ([`score_post`]). The pull, the ledger and the write-back
//! are `redaksi-site`'s.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use redaksi_publish::credentials::Secret;
use redaksi_publish::wordpress::WordPress;
use redaksi_seo::newsroom::Newsroom;
use redaksi_seo::{AnalysisRequest, Content, Document, Profile, ProfileId, Status};
use redaksi_site::post::{Post, PostScores, SiteInfo};
pub use redaksi_site::{Change, Report, WriteBack};
use redaksi_site::{Options, Scorer};
use redaksi_store::Store;
use redaksi_store::outbox::Target;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::score::{Site, shown_title};

/// The audit's ledger in the data folder, apart from the drafts.
pub fn ledger_path(data_dir: &Path) -> PathBuf {
    data_dir.join("site-audit.db")
}

/// Both profiles on one post as WordPress stores it (HTML, its Rank Math focus keywords when
/// the site exposes them, else none). `rules`: the newsroom's own rules file, as for an article.
pub fn score_post(post: &Post, site: &SiteInfo, rules: Option<&Newsroom>) -> PostScores {
    let keywords = post.focus_keywords.clone().unwrap_or_default();
    let shown = Site {
        url: site.url.clone(),
        name: site.name.clone(),
        title_template: String::new(),
    };
    let request = AnalysisRequest {
        title: shown_title(post.seo_title.as_deref(), &post.title, &shown),
        description: post
            .description
            .clone()
            .unwrap_or_else(|| post.excerpt.clone()),
        slug: post.slug.clone(),
        url: post.link.clone(),
        site_url: site.url.clone(),
        locale: redaksi_seo::lang::detect(&post.content).code().to_owned(),
        synonyms: vec![Vec::new(); keywords.len()],
        keywords,
        headline: Some(post.title.clone()),
        content: Content::Html(post.content.clone()),
        ..AnalysisRequest::default()
    };
    let document = Document::from_content(&request.content);
    let newsroom: &dyn Profile = match rules {
        Some(rules) => rules,
        None => ProfileId::Newsroom.profile(),
    };
    let rankmath =
        redaksi_seo::analyze_document(&request, &document, ProfileId::Rankmath.profile());
    let newsroom = redaksi_seo::analyze_document(&request, &document, newsroom);
    PostScores {
        rankmath: rankmath.score,
        newsroom: newsroom.score,
        failing: rankmath
            .checks
            .into_iter()
            .filter(|c| c.status == Status::Fail)
            .map(|c| c.id)
            .collect(),
    }
}

/// [`score_post`] as the audit calls it, on every core.
pub fn scorer(rules: Option<Arc<Newsroom>>) -> Scorer {
    Arc::new(move |post, site| score_post(post, site, rules.as_deref()))
}

/// The WordPress account named `target`.
pub fn account(store: &Store, target: &str) -> Result<Target> {
    let account = store
        .get_target(target)?
        .ok_or_else(|| crate::targets::not_found(target))?;
    if account.kind != "wordpress" {
        return Err(Error::invalid(format!(
            "{target:?} is a {} target; the audit reads WordPress sites",
            account.kind
        )));
    }
    Ok(account)
}

/// What an audit is asked to do.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(default)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AuditRequest {
    /// Read every post again, not only those modified since the last complete run.
    pub full: bool,
    /// Store the recomputed Rank Math scores where they differ.
    pub write_back: bool,
    /// With `write_back`: list what would change, change nothing.
    pub dry_run: bool,
}

/// What an audit found and, when asked, what its write-back changed.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Audited {
    pub audit: Report,
    pub write_back: Option<WriteBack>,
}

/// How far an audit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "stage", rename_all = "kebab-case")]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "AuditProgress"))]
pub enum Progress {
    Read { posts: usize },
    Written { done: usize, total: usize },
}

/// Posts a write-back changes per `updateSeoScore` call.
const BATCH: usize = 50;

fn client(account: &Target, secret: Secret) -> Result<WordPress> {
    let http = redaksi_publish::http::client(Duration::from_secs(60), 8)?;
    Ok(WordPress::new(
        &account.name,
        &account.url,
        account.username.as_deref().unwrap_or_default(),
        secret,
        http,
    ))
}

/// Audits the site of `account` (its ledger in `data_dir`), then writes back when asked.
pub async fn audit(
    account: &Target,
    secret: Secret,
    data_dir: &Path,
    request: AuditRequest,
    rules: Option<Arc<Newsroom>>,
    progress: impl Fn(Progress),
) -> Result<Audited> {
    let wp = client(account, secret)?;
    let ledger = ledger_path(data_dir);
    let options = Options {
        full: request.full,
        ..Options::default()
    };
    let report = redaksi_site::audit(&wp, &account.name, &ledger, &options, scorer(rules), |n| {
        progress(Progress::Read { posts: n })
    })
    .await?;
    let write_back = if request.write_back {
        Some(
            redaksi_site::write_back(
                &wp,
                &account.name,
                &ledger,
                request.dry_run,
                BATCH,
                |done, total| progress(Progress::Written { done, total }),
            )
            .await?,
        )
    } else {
        None
    };
    Ok(Audited {
        audit: report,
        write_back,
    })
}

/// The last audit's report from the ledger, without reading the site (the Site view on open).
pub fn last_report(data_dir: &Path, target: &str) -> Result<Option<Report>> {
    let path = ledger_path(data_dir);
    if !path.exists() {
        return Ok(None);
    }
    let ledger =
        redaksi_site::ledger::Ledger::open(&path).map_err(redaksi_site::AuditError::from)?;
    let report = redaksi_site::report(
        &ledger,
        target,
        0,
        Options::default().list,
        Default::default(),
    )?;
    Ok((report.posts > 0).then_some(report))
}
