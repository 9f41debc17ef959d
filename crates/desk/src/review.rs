//! Review across a newsroom, through its own WordPress: reporters submit, editors pull, score,
//! return with a note or approve, and reporters sync what came back.
//!
//! - **Roles** come from WordPress ([`account`]); a refusal (401/403) is WordPress's own
//!   answer, shown as it is and never retried.
//! - **Writes** (submit, approve, return) are outbox rows like any publish: exactly once,
//!   offline-safe, and stopped at a conflict when the post changed since this folder last saw
//!   it (the modification-time check in `redaksi_publish`), so nothing is overwritten.
//! - **Pulls** are incremental: a cursor on the site's modification time, paginated,
//!   `context=edit`; a post converts into Markdown only when it goes back byte for byte.
//! - **A local text that changed since it was last in step with the post is never written
//!   over**: the post's text is kept beside it as a named version and the conflict reported.
//!
//! Network calls take a [`WordPress`] client ([`connect`]); store calls go through the
//! [`StoreHandle`], so the app's store thread and the CLI both drive this module.

use chrono::{Duration, NaiveDateTime, Utc};
use redaksi_article::{Article, FeaturedImage, front_matter};
use redaksi_publish::PublishError;
use redaksi_publish::credentials::SecretStore;
use redaksi_publish::payload::{self, WORDPRESS_FORM_KEY, WORDPRESS_IDENTITY_KEY};
use redaksi_publish::review::{self, Account, PostQuery, RemotePost};
use redaksi_publish::wordpress::WordPress;
use redaksi_seo::ProfileId;
use redaksi_seo::report::Status as CheckStatus;
use redaksi_store::outbox::{OutboxItem, OutboxState};
use redaksi_store::review::{Note, ReviewPost, Side};
use redaksi_store::{SaveKind, Store, StoreHandle};
use serde::Serialize;
use uuid::Uuid;

use crate::error::{Code, Error, Result};
use crate::score::{self, Site};

/// How many failing checks a review row lists.
const TOP_FAILING: usize = 3;

/// The WordPress client of the saved target `name`, signed in with its secret from `secrets`.
pub async fn connect(
    store: &StoreHandle,
    secrets: &dyn SecretStore,
    name: &str,
) -> Result<WordPress> {
    let wanted = name.to_owned();
    let target = store
        .call(move |s| s.get_target(&wanted))
        .await?
        .ok_or_else(|| crate::targets::not_found(name))?;
    let secret = secrets.get(&target.name)?;
    Ok(review::connect(&target, secret)?)
}

/// Who the account is and what it may do. WordPress's refusal is the answer, never retried.
pub async fn account(wp: &WordPress) -> Result<Account> {
    wp.me().await.map_err(refusal)
}

/// A 401/403 from WordPress, said plainly (the UI words the code; the message has WordPress's
/// own words).
fn refusal(err: PublishError) -> Error {
    match &err {
        PublishError::Remote {
            status: 401 | 403,
            target,
            message,
            ..
        } => Error::new(
            Code::Remote,
            format!("{target} refused this account ({message}); check its role and password"),
        ),
        _ => err.into(),
    }
}

/// Refuses what the account may not do, before anything is queued.
fn require(account: &Account, allowed: bool, what: &str) -> Result<()> {
    if allowed {
        return Ok(());
    }
    Err(Error::new(
        Code::Remote,
        format!(
            "{} ({}) may not {what} on this site",
            account.name,
            account.roles.join(", ")
        ),
    ))
}

/// Submits an article for review: a `pending` post through the outbox, exactly once; again
/// after changes, the same post is updated. Offline it waits in the outbox.
pub async fn submit(store: &StoreHandle, id: Uuid, target: &str) -> Result<OutboxItem> {
    Ok(redaksi_publish::outbox::enqueue(store, id, target, "pending", None).await?)
}

/// What a pull did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PullReport {
    /// REST requests made.
    pub requests: u32,
    /// Posts read from the site.
    pub fetched: usize,
    /// Posts new to this folder.
    pub added: usize,
    /// Posts whose local copy took the site's new text or state.
    pub updated: usize,
    /// Posts whose local text and the site's both changed: both kept, the site's as a named
    /// version.
    pub conflicts: Vec<Uuid>,
    /// Posts left alone because their content cannot come into Markdown unchanged.
    pub skipped: Vec<String>,
    /// Returned posts whose editor's note this pull delivered.
    pub notes: usize,
}

/// The statuses a pull follows once it knows some posts: it must also see them leave review.
const FOLLOWED: &str = "pending,draft,future,publish";

/// Pulls the posts waiting for review on `target` into this (the editor's) folder, scored with
/// `profile`: the first pull reads every pending post, later ones only what changed since.
pub async fn pull(
    store: &StoreHandle,
    wp: &WordPress,
    target: &str,
    profile: ProfileId,
) -> Result<PullReport> {
    let (name, side) = (target.to_owned(), Side::Editor);
    let cursor = store.call(move |s| s.review_cursor(&name, side)).await?;
    let query = PostQuery {
        statuses: if cursor.is_some() {
            FOLLOWED
        } else {
            "pending"
        }
        .into(),
        modified_after: cursor.as_deref().map(overlap),
        author: None,
    };
    let site = Site {
        url: wp.base().to_owned(),
        ..Site::default()
    };
    let mut report = PullReport::default();
    read_pages(
        store,
        wp,
        target,
        side,
        &query,
        &mut report,
        move |s, target, post, report| pulled_for_review(s, target, post, profile, &site, report),
    )
    .await?;
    Ok(report)
}

/// Syncs the reporter's own submitted posts on `target`: state, link, the editor's note, and a
/// returned post's text as a new revision, never over unsynced local edits.
pub async fn sync(store: &StoreHandle, wp: &WordPress, target: &str) -> Result<PullReport> {
    let me = account(wp).await?;
    let (name, side) = (target.to_owned(), Side::Reporter);
    let cursor = store.call(move |s| s.review_cursor(&name, side)).await?;
    let query = PostQuery {
        statuses: FOLLOWED.into(),
        modified_after: cursor.as_deref().map(overlap),
        author: Some(me.id),
    };
    let mut report = PullReport {
        requests: 1,
        ..PullReport::default()
    };
    read_pages(store, wp, target, side, &query, &mut report, synced_own).await?;
    Ok(report)
}

/// One second before the cursor: WordPress compares `modified_after` strictly and at
/// seconds, so a post changed within the cursor's second is read again (and skipped when it
/// is not new) rather than missed.
fn overlap(cursor: &str) -> String {
    NaiveDateTime::parse_from_str(cursor, "%Y-%m-%dT%H:%M:%S")
        .map(|t| {
            (t - Duration::seconds(1))
                .format("%Y-%m-%dT%H:%M:%S")
                .to_string()
        })
        .unwrap_or_else(|_| cursor.to_owned())
}

/// Reads every page of `query` and hands each post to `apply` on the store thread; the
/// cursor moves to the newest post seen after each page.
async fn read_pages<F>(
    store: &StoreHandle,
    wp: &WordPress,
    target: &str,
    side: Side,
    query: &PostQuery,
    report: &mut PullReport,
    apply: F,
) -> Result<()>
where
    F: Fn(&mut Store, &str, RemotePost, &mut PullReport) -> Result<()> + Clone + Send + 'static,
{
    let mut page = 1;
    loop {
        let (posts, pages) = wp.review_page(query, page).await.map_err(refusal)?;
        report.requests += 1;
        // A scheduled post can carry a modification time in the future; the cursor never
        // jumps there, or every change until then would be missed.
        let now = (Utc::now() + Duration::minutes(5))
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string();
        let newest = posts
            .iter()
            .filter(|p| p.modified_gmt <= now)
            .map(|p| p.modified.clone())
            .max();
        report.fetched += posts.len();
        let (apply, name, mut partial) = (apply.clone(), target.to_owned(), report.clone());
        *report = store
            .call(move |s| {
                for post in posts {
                    apply(s, &name, post, &mut partial)
                        .map_err(|e| redaksi_store::StoreError::InvalidInput(e.to_string()))?;
                }
                if let Some(newest) = newest {
                    let moved = s
                        .review_cursor(&name, side)?
                        .is_none_or(|cursor| newest > cursor);
                    if moved {
                        s.review_set_cursor(&name, side, &newest)?;
                    }
                } else if s.review_cursor(&name, side)?.is_none() {
                    // Nothing pending yet: later pulls start from now, not from the beginning.
                    let now = Utc::now().format("%Y-%m-%dT%H:%M:%S").to_string();
                    s.review_set_cursor(&name, side, &now)?;
                }
                Ok(partial)
            })
            .await?;
        if page >= pages {
            return Ok(());
        }
        page += 1;
    }
}

/// The Markdown article a pulled post becomes (a new local id), with what must go back as it
/// came: the form, the identity the post carries, the author, terms and featured image.
fn article_from(post: &RemotePost, raw_identity: Option<&str>) -> Result<Article, String> {
    let content = payload::strip_marker(&post.content);
    let pulled = redaksi_blocks::to_markdown(&content).map_err(|e| e.to_string())?;
    let mut article = Article::new(&post.title, pulled.markdown, Utc::now());
    let meta = &mut article.meta;
    meta.slug = (!post.slug.is_empty()).then(|| post.slug.clone());
    meta.description = (!post.excerpt.is_empty()).then(|| post.excerpt.clone());
    meta.byline = (!post.author.is_empty()).then(|| post.author.clone());
    meta.tags = post.tags.clone();
    // With several, sending one back would replace them all: the post keeps its own.
    if let [one] = post.categories.as_slice() {
        meta.category = Some(one.clone());
    }
    meta.featured_image = post.featured_image.as_ref().map(|src| FeaturedImage {
        src: src.clone(),
        alt: post.featured_alt.clone(),
    });
    if pulled.form == redaksi_blocks::Form::Classic {
        meta.extra
            .insert(WORDPRESS_FORM_KEY.into(), "classic".into());
    }
    meta.extra.insert(
        WORDPRESS_IDENTITY_KEY.into(),
        raw_identity.unwrap_or_default().into(),
    );
    Ok(article)
}

/// The local article with the post's text and fields, keeping its own id and history.
fn with_text_of(local: &Article, theirs: &Article) -> Article {
    let mut next = theirs.clone();
    next.id = local.id;
    next.created_at = local.created_at;
    next.updated_at = local.updated_at;
    next.meta.status = local.meta.status;
    next.meta.keywords = local.meta.keywords.clone();
    next.meta.muted_checks = local.meta.muted_checks.clone();
    next
}

fn same_text(a: &Article, b: &Article) -> bool {
    a.title == b.title && a.body == b.body
}

/// The name of the version a post's text is kept under.
fn edited_by(who: &str) -> String {
    let who = if who.trim().is_empty() { "editor" } else { who };
    format!("Disunting oleh {who} / edited by {who}")
}

/// The version Redaksi last sent of `article` to `target`: what a sync compares both sides with.
fn last_sent(s: &Store, article: Uuid, target: &str) -> Result<Option<Article>> {
    let sent = s
        .outbox_list()?
        .into_iter()
        .filter(|item| {
            item.article_id == article && item.target == target && item.state == OutboxState::Sent
        })
        .max_by_key(|item| item.id);
    Ok(sent.and_then(|item| front_matter::parse(&item.snapshot, Utc::now()).ok()))
}

/// Brings the post's text into the local article when only the site changed it; when both
/// did, keeps the site's text as a named version and says so. Returns whether the local
/// article is now in step with the post.
fn take_text(
    s: &mut Store,
    row: &mut ReviewPost,
    theirs: &Article,
    who: &str,
    report: &mut PullReport,
) -> Result<bool> {
    let local = s.get_article(row.article_id)?;
    let next = with_text_of(&local, theirs);
    if same_text(&local, &next) {
        row.conflict = None;
        return Ok(true);
    }
    let untouched = row.base_updated_at == Some(local.updated_at)
        || last_sent(s, local.id, &row.target)?.is_some_and(|sent| same_text(&sent, &local));
    if untouched {
        let stored = s.save_as(&next, SaveKind::Named(edited_by(who)))?;
        row.base_updated_at = Some(stored.updated_at);
        row.conflict = None;
        report.updated += 1;
        return Ok(true);
    }
    s.keep_version(&next, &format!("{} (konflik / conflict)", edited_by(who)))?;
    row.conflict = Some(format!(
        "changed here and on {} since the last sync; both texts are kept (the site's as a named version)",
        row.target
    ));
    report.conflicts.push(local.id);
    Ok(false)
}

/// Records that this folder has seen the post as it is now, so the next send to it is
/// checked against this version.
fn in_step(s: &mut Store, row: &ReviewPost, post: &RemotePost) -> Result<()> {
    s.remote_post_set(
        row.article_id,
        &row.target,
        &post.slug,
        &post.id,
        Some(&post.link),
        Some(&post.modified_gmt),
    )?;
    Ok(())
}

fn note_of(post: &RemotePost) -> Option<Note> {
    post.note.as_ref().map(|(text, by, at)| Note {
        text: text.clone(),
        by: by.clone(),
        at: at.clone(),
    })
}

/// The editor's side of one pulled post.
fn pulled_for_review(
    s: &mut Store,
    target: &str,
    post: RemotePost,
    profile: ProfileId,
    site: &Site,
    report: &mut PullReport,
) -> Result<()> {
    let known = s.review_get(target, &post.id, Side::Editor)?;
    if known
        .as_ref()
        .is_some_and(|row| row.modified_gmt == post.modified_gmt)
    {
        return Ok(());
    }
    if known.is_none() && post.status != "pending" {
        // Not waiting for review and never pulled: not this desk's business.
        return Ok(());
    }
    let theirs = match article_from(&post, post.identity.as_deref()) {
        Ok(article) => article,
        Err(why) => {
            report.skipped.push(format!("{} ({why})", post.id));
            return Ok(());
        }
    };
    let mut row = match known {
        Some(row) => row,
        None => {
            let stored = s.save_as(&theirs, SaveKind::Explicit)?;
            report.added += 1;
            ReviewPost {
                target: target.to_owned(),
                remote_id: post.id.clone(),
                side: Side::Editor,
                article_id: stored.id,
                status: post.status.clone(),
                author: post.author.clone(),
                submitted_at: None,
                modified_gmt: post.modified_gmt.clone(),
                link: None,
                note: None,
                words: 0,
                score: None,
                rankmath: None,
                band: None,
                failing: Vec::new(),
                base_updated_at: Some(stored.updated_at),
                conflict: None,
            }
        }
    };
    if take_text(s, &mut row, &theirs, &post.author, report)? {
        in_step(s, &row, &post)?;
    }
    row.status = post.status.clone();
    row.modified_gmt = post.modified_gmt.clone();
    row.link = Some(post.link.clone()).filter(|l| !l.is_empty());
    row.note = note_of(&post);
    if post.status == "pending" {
        row.submitted_at = Some(post.modified_gmt.clone());
    }
    let local = s.get_article(row.article_id)?;
    score_row(&mut row, &local, profile, site)?;
    s.review_put(&row)?;
    Ok(())
}

/// Scores the local text with the desk's profile and Rank Math's number.
fn score_row(
    row: &mut ReviewPost,
    article: &Article,
    profile: ProfileId,
    site: &Site,
) -> Result<()> {
    let desk = score::score(article, profile, site, None)?.report;
    let rankmath = if profile == ProfileId::Rankmath {
        desk.score
    } else {
        score::score(article, ProfileId::Rankmath, site, None)?
            .report
            .score
    };
    let mut failing: Vec<_> = desk
        .checks
        .iter()
        .filter(|c| matches!(c.status, CheckStatus::Fail | CheckStatus::Warning))
        .collect();
    failing.sort_by_key(|c| std::cmp::Reverse(c.max.saturating_sub(c.points)));
    row.words = desk.stats.words as u32;
    row.score = Some(desk.score);
    row.rankmath = Some(rankmath);
    row.band = Some(desk.band.id().to_owned());
    row.failing = failing
        .into_iter()
        .take(TOP_FAILING)
        .map(|c| c.id.clone())
        .collect();
    Ok(())
}

/// The reporter's side of one of their own posts.
fn synced_own(
    s: &mut Store,
    target: &str,
    post: RemotePost,
    report: &mut PullReport,
) -> Result<()> {
    let Some(article_id) = s.article_for_remote(target, &post.id)? else {
        // Not written in this Redaksi.
        return Ok(());
    };
    let known = s.review_get(target, &post.id, Side::Reporter)?;
    if known
        .as_ref()
        .is_some_and(|row| row.modified_gmt == post.modified_gmt)
    {
        return Ok(());
    }
    let mapping = s.remote_post(article_id, target)?;
    let mut row = known.unwrap_or_else(|| ReviewPost {
        target: target.to_owned(),
        remote_id: post.id.clone(),
        side: Side::Reporter,
        article_id,
        status: post.status.clone(),
        author: post.author.clone(),
        submitted_at: None,
        modified_gmt: String::new(),
        link: None,
        note: None,
        words: 0,
        score: None,
        rankmath: None,
        band: None,
        failing: Vec::new(),
        base_updated_at: None,
        conflict: None,
    });
    let ours = mapping.as_ref().and_then(|m| m.version_token.as_deref())
        == Some(post.modified_gmt.as_str());
    if !ours {
        // Someone else changed the post (the editor returned or edited it).
        let local = s.get_article(article_id)?;
        let theirs = match article_from(&post, Some(&article_id.to_string())) {
            Ok(mut theirs) => {
                // The reporter's own fields stay theirs; only the text comes back.
                theirs.meta = local.meta.clone();
                theirs
            }
            Err(why) => {
                report.skipped.push(format!("{} ({why})", post.id));
                return Ok(());
            }
        };
        let who = post
            .note
            .as_ref()
            .map(|(_, by, _)| by.as_str())
            .unwrap_or("");
        if take_text(s, &mut row, &theirs, who, report)? {
            in_step(s, &row, &post)?;
        }
    }
    let note = note_of(&post);
    if note.is_some() && note != row.note {
        report.notes += 1;
    }
    row.note = note;
    row.status = post.status.clone();
    row.modified_gmt = post.modified_gmt.clone();
    row.link = Some(post.link.clone()).filter(|l| !l.is_empty());
    if post.status == "pending" {
        row.submitted_at = Some(post.modified_gmt.clone());
    }
    s.review_put(&row)?;
    Ok(())
}

/// One post in the editor's review list.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewItem {
    #[serde(flatten)]
    pub post: ReviewPost,
    pub title: String,
}

/// The posts waiting for review (on `target`, or every site), the longest waiting first.
pub fn list(store: &Store, target: Option<&str>) -> Result<Vec<ReviewItem>> {
    store
        .review_list(target, Side::Editor)?
        .into_iter()
        .filter(|post| post.status == "pending")
        .map(|post| {
            let title = store.get_article(post.article_id)?.title;
            Ok(ReviewItem { post, title })
        })
        .collect()
}

/// The review row of post `remote_id` on `target` as `side` knows it.
pub fn show(store: &Store, target: &str, remote_id: &str, side: Side) -> Result<ReviewPost> {
    store.review_get(target, remote_id, side)?.ok_or_else(|| {
        Error::new(
            Code::NotFound,
            format!("post {remote_id} on {target} was never pulled"),
        )
    })
}

/// The local article of a post this folder pulled for review.
fn pulled_article(store: &Store, target: &str, remote_id: &str) -> Result<Uuid> {
    Ok(show(store, target, remote_id, Side::Editor)?.article_id)
}

/// Approves post `remote_id`: publishes it now, or at `at`, through the outbox. The send
/// checks the post's modification time first: if the reporter (or another editor) changed it
/// since this folder pulled it, the row stops at a conflict and nothing is overwritten.
pub async fn approve(
    store: &StoreHandle,
    wp: Option<&WordPress>,
    target: &str,
    remote_id: &str,
    at: Option<chrono::DateTime<Utc>>,
) -> Result<OutboxItem> {
    if let Some(wp) = wp {
        let me = account(wp).await?;
        require(&me, me.may.review, "approve others' posts")?;
    }
    let (t, r) = (target.to_owned(), remote_id.to_owned());
    let article = store.call(move |s| Ok(pulled_article(s, &t, &r))).await??;
    let status = if at.is_some() { "future" } else { "publish" };
    Ok(redaksi_publish::outbox::enqueue(store, article, target, status, at).await?)
}

/// Returns post `remote_id` to its reporter as a draft with `note`, through the outbox (with
/// the same modification-time check as an approval). A note needs the Redaksi Review plugin
/// on the site: without it the return is refused when the site says so, and a queued return
/// stops with that reason rather than going out without its note.
pub async fn send_back(
    store: &StoreHandle,
    wp: Option<&WordPress>,
    target: &str,
    remote_id: &str,
    note: &str,
) -> Result<OutboxItem> {
    if let Some(wp) = wp {
        let me = account(wp).await?;
        require(&me, me.may.review, "return others' posts")?;
        if !note.trim().is_empty() && !wp.keeps_notes().await? {
            return Err(notes_need_the_plugin(target));
        }
    }
    let (t, r, note) = (
        target.to_owned(),
        remote_id.to_owned(),
        note.trim().to_owned(),
    );
    store
        .call(move |s| {
            let id = pulled_article(s, &t, &r)
                .map_err(|e| redaksi_store::StoreError::InvalidInput(e.message))?;
            let mut article = s.get_article(id)?;
            if !note.is_empty() {
                article
                    .meta
                    .extra
                    .insert(review::NOTE_KEY.into(), note.as_str().into());
            }
            s.mark_before_publish(id)?;
            s.outbox_enqueue(id, &t, &front_matter::write(&article), "draft", None)
        })
        .await
        .map_err(Error::from)
}

/// The answer when a site keeps no review notes.
pub fn notes_need_the_plugin(target: &str) -> Error {
    Error::new(
        Code::InvalidInput,
        format!(
            "review notes need the Redaksi Review plugin on {target} \
             (catatan review memerlukan plugin Redaksi Review)"
        ),
    )
}
