//! `redaksi submit` and `redaksi review …`: the newsroom's review workflow through its
//! WordPress, each a few lines over `redaksi_desk::review`. Writes are queued in the outbox
//! (`redaksi outbox run` sends them); pulls and syncs read the site at once.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::Subcommand;
use redaksi_desk::review;
use redaksi_publish::credentials::Keyring;
use redaksi_seo::ProfileId;
use redaksi_store::StoreHandle;
use redaksi_store::review::Side;
use serde::Serialize;
use uuid::Uuid;

use crate::common::{Common, Failure, finish, outln};
use crate::publish::{parse_time, runtime};

#[derive(Subcommand)]
pub enum Command {
    /// Submit an article for review: a pending post, queued in the outbox.
    Submit {
        id: Uuid,
        #[arg(long)]
        target: String,
        #[command(flatten)]
        common: Common,
    },
    /// The editor's review of posts waiting on a WordPress site (and the reporter's sync).
    Review {
        #[command(subcommand)]
        action: ReviewAction,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Subcommand)]
pub enum ReviewAction {
    /// Pull the posts waiting for review (only those changed since the last pull), scored.
    Pull {
        #[arg(long)]
        target: String,
        /// The desk's profile (newsroom or rankmath; Rank Math's number is always beside it).
        #[arg(long, default_value = "newsroom")]
        profile: String,
    },
    /// The reporter's side: bring back returned posts, notes and published links.
    Sync {
        #[arg(long)]
        target: String,
    },
    /// The posts waiting for review, the longest waiting first.
    List {
        #[arg(long)]
        target: Option<String>,
    },
    /// One post as this folder knows it (the editor's pull, else the reporter's sync).
    Show {
        post: String,
        #[arg(long)]
        target: String,
    },
    /// Publish a reviewed post now, or at --at (queued; stops at a conflict if it changed).
    Approve {
        post: String,
        #[arg(long)]
        target: String,
        #[arg(long, value_parser = parse_time)]
        at: Option<DateTime<Utc>>,
    },
    /// Send a post back to its reporter as a draft, with a note.
    Return {
        post: String,
        #[arg(long)]
        target: String,
        #[arg(long, default_value = "")]
        note: String,
    },
}

pub fn run(command: Command) -> ExitCode {
    let json = match &command {
        Command::Submit { common, .. } | Command::Review { common, .. } => common.json,
    };
    finish(json, execute(command))
}

fn print<T: Serialize>(json: bool, value: &T, text: impl FnOnce(&T)) {
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(value).expect("JSON output serialises")
        );
    } else {
        text(value);
    }
}

fn execute(command: Command) -> Result<ExitCode, Failure> {
    let rt = runtime()?;
    match command {
        Command::Submit { id, target, common } => {
            let store = StoreHandle::spawn(common.open()?)?;
            let item = rt.block_on(review::submit(&store, id, &target))?;
            print(common.json, &item, |item| {
                outln!("queued / diantrekan: outbox item {}", item.id)
            });
        }
        Command::Review { action, common } => {
            let store = StoreHandle::spawn(common.open()?)?;
            let json = common.json;
            rt.block_on(review_action(&store, action, json))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn review_action(
    store: &StoreHandle,
    action: ReviewAction,
    json: bool,
) -> Result<(), Failure> {
    match action {
        ReviewAction::Pull { target, profile } => {
            let profile: ProfileId = redaksi_desk::score::profile_id(&profile)?;
            let wp = review::connect(store, &Keyring, &target).await?;
            let report = review::pull(store, &wp, &target, profile).await?;
            print(json, &report, |r| {
                outln!(
                    "{} read in {} request(s): {} new, {} updated, {} conflict(s), {} skipped",
                    r.fetched,
                    r.requests,
                    r.added,
                    r.updated,
                    r.conflicts.len(),
                    r.skipped.len()
                )
            });
        }
        ReviewAction::Sync { target } => {
            let wp = review::connect(store, &Keyring, &target).await?;
            let report = review::sync(store, &wp, &target).await?;
            print(json, &report, |r| {
                outln!(
                    "{} read: {} updated, {} note(s), {} conflict(s) (both texts kept)",
                    r.fetched,
                    r.updated,
                    r.notes,
                    r.conflicts.len()
                )
            });
        }
        ReviewAction::List { target } => {
            let items = store
                .call(move |s| Ok(review::list(s, target.as_deref())))
                .await??;
            print(json, &items, |items| {
                for i in items {
                    outln!(
                        "{}\t{}\t{}\t{}\t{}w\t{}/{}\t{}\t{}",
                        i.post.remote_id,
                        i.post.submitted_at.as_deref().unwrap_or("-"),
                        i.post.author,
                        i.title,
                        i.post.words,
                        i.post.score.map_or("-".into(), |s| s.to_string()),
                        i.post.rankmath.map_or("-".into(), |s| s.to_string()),
                        i.post.band.as_deref().unwrap_or("-"),
                        i.post.failing.join(",")
                    );
                }
            });
        }
        ReviewAction::Show { post, target } => {
            let row = store
                .call(move |s| {
                    Ok(review::show(s, &target, &post, Side::Editor)
                        .or_else(|_| review::show(s, &target, &post, Side::Reporter)))
                })
                .await??;
            print(json, &row, |r| {
                outln!(
                    "{} on {}: {} by {}",
                    r.remote_id,
                    r.target,
                    r.status,
                    r.author
                );
                if let Some(note) = &r.note {
                    outln!("note ({} {}): {}", note.by, note.at, note.text);
                }
                if let Some(conflict) = &r.conflict {
                    outln!("conflict: {conflict}");
                }
            });
        }
        ReviewAction::Approve { post, target, at } => {
            let wp = review::connect(store, &Keyring, &target).await?;
            let item = review::approve(store, Some(&wp), &target, &post, at).await?;
            print(json, &item, |i| {
                outln!("queued / diantrekan: outbox item {}", i.id)
            });
        }
        ReviewAction::Return { post, target, note } => {
            let wp = review::connect(store, &Keyring, &target).await?;
            let item = review::send_back(store, Some(&wp), &target, &post, &note).await?;
            print(json, &item, |i| {
                outln!("queued / diantrekan: outbox item {}", i.id)
            });
        }
    }
    Ok(())
}
