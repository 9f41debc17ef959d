//! The site audit: every published post of a WordPress site, as WordPress stores it, scored
//! (by the scorer the caller gives: the desk's, both profiles), and Rank Math's stored scores
//! that no longer match written back through `rankmath/v1/updateSeoScore`.
//!
//! Posts are pulled a page at a time, oldest id first (the page is scored on every core while
//! the next one is fetched) and kept in the [`ledger`], never all in memory. A run resumes at
//! the page it was cut at; a later run asks only for posts modified since the last complete
//! one began (by the server's clock). The report is read from the ledger, so the command line
//! and the app show the same thing.
//!
//! The pull is WordPress's own `/wp/v2/posts` query rather than
//! [`CmsTarget::list`](redaksi_publish::CmsTarget::list): the audit needs published posts
//! only, a stable order, `modified_after` and Rank Math's meta, which the publish-side list
//! does not ask for.

pub mod ledger;
pub mod post;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{StreamExt, stream};
use rayon::prelude::*;
use redaksi_publish::PublishError;
use redaksi_publish::rankmath::PageFields;
use redaksi_publish::wordpress::WordPress;
use serde::Serialize;
use serde_json::Value;

use ledger::{Ledger, Row};
use post::{FIELDS, Post, PostScores, SiteInfo, Source};

#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error(transparent)]
    Site(#[from] PublishError),
    #[error("the audit ledger: {0}")]
    Ledger(#[from] rusqlite::Error),
    #[error("{0}")]
    Invalid(String),
}

/// Scores one post; runs on every core at once.
pub type Scorer = Arc<dyn Fn(&Post, &SiteInfo) -> PostScores + Send + Sync>;

/// A post and what it scored, as the ledger keeps it.
#[derive(Debug, Clone)]
pub struct Scored {
    pub post: Post,
    pub scores: PostScores,
}

/// How an audit runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Read every post again, not only those modified since the last complete run.
    pub full: bool,
    pub per_page: u32,
    /// Rows in each list of the report.
    pub list: usize,
    /// Public pages read at once, for sites that hide Rank Math's fields from REST.
    pub pages_at_once: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            full: false,
            per_page: 100,
            list: 20,
            pages_at_once: 4,
        }
    }
}

/// What the audit found, read from the ledger after the run.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SiteReport"))]
pub struct Report {
    pub target: String,
    /// Posts in the ledger (the whole site), and how many this run read.
    pub posts: usize,
    pub read: usize,
    /// `rankmath` bands (Rank Math's: good > 80, ok > 50, bad), and `newsroom` bands.
    pub rankmath_bands: Bands,
    pub newsroom_bands: Bands,
    /// Lowest `rankmath` scores first.
    pub worst: Vec<Row>,
    pub no_keyword: usize,
    pub no_keyword_posts: Vec<Row>,
    /// Posts whose stored Rank Math score differs from the recomputed one (or is missing).
    pub stale: usize,
    pub stale_posts: Vec<Row>,
    /// Posts whose focus keywords the site does not expose: their stored score cannot be
    /// compared.
    pub not_comparable: usize,
    /// Where each of Rank Math's values was read, with how many posts.
    pub sources: BTreeMap<&'static str, BTreeMap<Source, usize>>,
    /// The `rankmath` checks most posts fail, with how many.
    pub failing_checks: Vec<(String, usize)>,
    pub timing: Timing,
}

#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SiteBands"))]
pub struct Bands {
    pub good: usize,
    pub ok: usize,
    pub bad: usize,
}

/// Where the run's time went.
#[derive(Debug, Clone, Copy, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AuditTiming"))]
pub struct Timing {
    #[cfg_attr(feature = "ts", ts(type = "{ secs: number, nanos: number }"))]
    pub total: Duration,
    /// Waiting for WordPress's answers (beyond what scoring overlapped).
    #[cfg_attr(feature = "ts", ts(type = "{ secs: number, nanos: number }"))]
    pub wordpress: Duration,
    /// Scoring (both profiles, on every core).
    #[cfg_attr(feature = "ts", ts(type = "{ secs: number, nanos: number }"))]
    pub scoring: Duration,
    /// Writing the ledger.
    #[cfg_attr(feature = "ts", ts(type = "{ secs: number, nanos: number }"))]
    pub storing: Duration,
}

/// The server's clock and the site's name and address, from the REST index.
async fn site_now(wp: &WordPress) -> Result<(String, SiteInfo), AuditError> {
    let index_url = format!("{}/?rest_route=/&_fields=name,url", wp.base());
    let (index, date) = wp.public_page(&index_url).await?;
    let index: Value = serde_json::from_str(&index).unwrap_or_default();
    let date = date.unwrap_or_else(chrono::Utc::now);
    // A second back: WordPress compares whole seconds and "after" is strict.
    let now = (date - chrono::Duration::seconds(1))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    let site = SiteInfo {
        url: index["url"]
            .as_str()
            .map_or_else(|| wp.base().to_owned(), str::to_owned),
        name: index["name"].as_str().unwrap_or_default().to_owned(),
    };
    Ok((now, site))
}

/// One page of published posts, with what REST hides read from their public pages.
async fn page(
    wp: &WordPress,
    since: Option<&str>,
    page: u32,
    options: &Options,
) -> Result<Vec<Post>, AuditError> {
    let (page, per_page) = (page.to_string(), options.per_page.to_string());
    let mut query = vec![
        ("status", "publish"),
        ("context", "edit"),
        ("orderby", "id"),
        ("order", "asc"),
        ("_fields", FIELDS),
        ("page", page.as_str()),
        ("per_page", per_page.as_str()),
    ];
    if let Some(since) = since {
        query.push(("modified_after", since));
    }
    let posts: Vec<Post> = match wp.get_route("/wp/v2/posts", &query).await {
        Ok(Value::Array(posts)) => posts.iter().filter_map(Post::from_json).collect(),
        Ok(other) => {
            return Err(AuditError::Invalid(format!(
                "WordPress answered a post list with {other}"
            )));
        }
        // Past the last page.
        Err(PublishError::Remote { code, .. }) if code == "rest_post_invalid_page_number" => {
            Vec::new()
        }
        Err(err) => return Err(err.into()),
    };
    let filled = stream::iter(posts)
        .map(|mut post| async move {
            if post.needs_page() {
                let (html, _) = wp.public_page(&post.link).await?;
                post.fill_from_page(PageFields::read(&html));
            }
            Ok::<_, AuditError>(post)
        })
        .buffered(options.pages_at_once.max(1))
        .collect::<Vec<_>>()
        .await;
    filled.into_iter().collect()
}

/// A page of posts scored on every core.
pub fn score_page(posts: Vec<Post>, site: &SiteInfo, score: &Scorer) -> Vec<Scored> {
    posts
        .into_par_iter()
        .map(|post| {
            let scores = score(&post, site);
            Scored { post, scores }
        })
        .collect()
}

/// Audits the site of `target`, scoring each post with `score`; `progress` hears how many
/// posts this run has read.
pub async fn audit(
    wp: &WordPress,
    target: &str,
    ledger: &Path,
    options: &Options,
    score: Scorer,
    mut progress: impl FnMut(usize),
) -> Result<Report, AuditError> {
    let began = Instant::now();
    let mut timing = Timing::default();
    let mut ledger = Ledger::open(ledger)?;
    let waited = Instant::now();
    let (now, site) = site_now(wp).await?;
    timing.wordpress += waited.elapsed();
    let cursor = ledger.cursor(target, &now, options.full)?;
    let since = cursor.since.as_deref();
    let mut number = cursor.next_page;
    let mut read = 0;
    let waited = Instant::now();
    let mut posts = page(wp, since, number, options).await?;
    timing.wordpress += waited.elapsed();
    let site = Arc::new(site);
    while !posts.is_empty() {
        let last = posts.len() < options.per_page as usize;
        // Score this page on every core while WordPress answers for the next one.
        let (score, site) = (Arc::clone(&score), Arc::clone(&site));
        let scoring = tokio::task::spawn_blocking(move || {
            let started = Instant::now();
            let scored = score_page(posts, &site, &score);
            (scored, started.elapsed())
        });
        let waited = Instant::now();
        let next = async {
            if last {
                Ok(Vec::new())
            } else {
                page(wp, since, number + 1, options).await
            }
        };
        let (scored, next) = tokio::join!(scoring, next);
        let (scored, took) =
            scored.map_err(|e| AuditError::Invalid(format!("scoring stopped: {e}")))?;
        timing.scoring += took;
        // The part of the wait that scoring did not cover is WordPress's.
        timing.wordpress += waited.elapsed().saturating_sub(took);
        number += 1;
        let stored = Instant::now();
        ledger.store_page(target, &scored, number)?;
        timing.storing += stored.elapsed();
        read += scored.len();
        progress(read);
        posts = next?;
    }
    ledger.complete(target)?;
    timing.total = began.elapsed();
    report(&ledger, target, read, options.list, timing)
}

/// The report of the last audit of `target`, from the ledger.
pub fn report(
    ledger: &Ledger,
    target: &str,
    read: usize,
    list: usize,
    timing: Timing,
) -> Result<Report, AuditError> {
    let bands = |column| -> Result<Bands, AuditError> {
        let [good, ok, bad] = ledger.bands(target, column)?;
        Ok(Bands { good, ok, bad })
    };
    // Known to have none: the site exposes the keywords and the post has none.
    const NO_KEYWORD: &str = "keywords IS NOT NULL AND keywords = ''";
    Ok(Report {
        target: target.to_owned(),
        posts: ledger.count(target, "1")?,
        read,
        rankmath_bands: bands("rankmath")?,
        newsroom_bands: bands("newsroom")?,
        worst: ledger.rows(target, "1", "rankmath, id", list)?,
        no_keyword: ledger.count(target, NO_KEYWORD)?,
        no_keyword_posts: ledger.rows(target, NO_KEYWORD, "id", list)?,
        stale: ledger.count(target, ledger::STALE)?,
        stale_posts: ledger.rows(target, ledger::STALE, "id", list)?,
        not_comparable: ledger.count(target, "comparable = 0")?,
        sources: ledger.sources(target)?,
        failing_checks: ledger.failing_checks(target, 10)?,
        timing,
    })
}

/// One score the write-back stored, or would store in a dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ScoreChange"))]
pub struct Change {
    pub id: u64,
    pub title: String,
    pub before: Option<u8>,
    pub after: u8,
}

/// What a write-back changed, or would change in a dry run.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WriteBack {
    pub dry_run: bool,
    pub changed: Vec<Change>,
    /// Posts edited in WordPress since the audit read them: not written; audit them again.
    pub skipped_edited: Vec<u64>,
}

/// How many posts a write-back would change now (the confirmation's number).
pub fn stale_count(ledger: &Path, target: &str) -> Result<usize, AuditError> {
    Ok(Ledger::open(ledger)?.count(target, ledger::STALE)?)
}

/// Stores the recomputed score of every stale post through `updateSeoScore`, `batch` posts per
/// call; `progress` hears (done, total). A post whose `modified_gmt` moved since the audit read
/// it is skipped and reported, never overwritten.
pub async fn write_back(
    wp: &WordPress,
    target: &str,
    ledger: &Path,
    dry_run: bool,
    batch: usize,
    mut progress: impl FnMut(usize, usize),
) -> Result<WriteBack, AuditError> {
    let mut ledger = Ledger::open(ledger)?;
    let stale = ledger.rows(target, ledger::STALE, "id", usize::MAX >> 1)?;
    let mut done = WriteBack {
        dry_run,
        changed: Vec::new(),
        skipped_edited: Vec::new(),
    };
    let mut handled = 0;
    for chunk in stale.chunks(batch.clamp(1, 100)) {
        let ids: Vec<String> = chunk.iter().map(|r| r.id.to_string()).collect();
        let (include, per_page) = (ids.join(","), chunk.len().to_string());
        let now = wp
            .get_route(
                "/wp/v2/posts",
                &[
                    ("include", include.as_str()),
                    ("per_page", per_page.as_str()),
                    ("context", "edit"),
                    ("_fields", "id,modified_gmt"),
                ],
            )
            .await?;
        let current: BTreeMap<u64, &str> = now
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| Some((p["id"].as_u64()?, p["modified_gmt"].as_str()?)))
            .collect();
        let mut scores = BTreeMap::new();
        for row in chunk {
            if current.get(&row.id) == Some(&row.modified_gmt.as_str()) {
                scores.insert(row.id, row.rankmath);
                done.changed.push(Change {
                    id: row.id,
                    title: row.title.clone(),
                    before: row.stored,
                    after: row.rankmath,
                });
            } else {
                done.skipped_edited.push(row.id);
            }
        }
        if !dry_run && !scores.is_empty() {
            wp.rank_math_scores(&scores).await?;
            let written: Vec<(u64, u8)> = scores.into_iter().collect();
            ledger.set_stored(target, &written)?;
        }
        handled += chunk.len();
        progress(handled, stale.len());
    }
    Ok(done)
}
