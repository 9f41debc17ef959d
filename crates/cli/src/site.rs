//! `redaksi site audit`: every published post of a WordPress target scored as the desk scores,
//! the stale Rank Math scores found and, with `--write-back`, stored again (`redaksi_desk::site`).

use std::process::ExitCode;

use clap::Subcommand;
use redaksi_desk::site::{self, AuditRequest, Audited, Progress, Report, WriteBack};
use redaksi_publish::credentials::{Keyring, SecretStore};

use crate::common::{Common, Failure, finish, outln};
use crate::publish::runtime;

#[derive(Subcommand)]
pub enum Command {
    /// A whole WordPress site: scores, stale Rank Math scores, and a write-back.
    Site {
        #[command(subcommand)]
        action: SiteAction,
    },
}

#[derive(Subcommand)]
pub enum SiteAction {
    /// Score every published post (only those modified since the last run, unless --full).
    Audit {
        #[arg(long)]
        target: String,
        /// Store the recomputed Rank Math scores where they differ (updateSeoScore).
        #[arg(long)]
        write_back: bool,
        /// With --write-back: list what would change, change nothing.
        #[arg(long, requires = "write_back")]
        dry_run: bool,
        /// Read every post again, not only those modified since the last complete run.
        #[arg(long)]
        full: bool,
        #[command(flatten)]
        common: Common,
    },
}

pub fn run(command: Command) -> ExitCode {
    let Command::Site {
        action:
            SiteAction::Audit {
                target,
                write_back,
                dry_run,
                full,
                common,
            },
    } = command;
    let request = AuditRequest {
        full,
        write_back,
        dry_run,
    };
    finish(common.json, run_audit(&target, request, &common))
}

fn run_audit(target: &str, request: AuditRequest, common: &Common) -> Result<ExitCode, Failure> {
    let dir = common.data_dir()?;
    let account = site::account(&common.open()?, target)?;
    let secret = Keyring.get(target).map_err(redaksi_desk::Error::from)?;
    let quiet = common.json;
    let audited = runtime()?.block_on(site::audit(
        &account,
        secret,
        &dir,
        request,
        None,
        |progress| match progress {
            Progress::Read { posts } if !quiet && posts % 1000 == 0 => {
                eprintln!("redaksi: {posts} posts read");
            }
            Progress::Written { done, total } if !quiet => {
                eprintln!("redaksi: {done} of {total} scores written");
            }
            _ => {}
        },
    ))?;
    if common.json {
        outln!(
            "{}",
            serde_json::to_string(&audited).expect("the audit serialises")
        );
    } else {
        let Audited { audit, write_back } = &audited;
        print_report(audit);
        if let Some(written) = write_back {
            print_write_back(written);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(r: &Report) {
    outln!(
        "{}: {} posts ({} read in this run)",
        r.target,
        r.posts,
        r.read
    );
    let b = r.rankmath_bands;
    outln!("rankmath: {} good, {} ok, {} bad", b.good, b.ok, b.bad);
    let b = r.newsroom_bands;
    outln!("newsroom: {} good, {} ok, {} bad", b.good, b.ok, b.bad);
    outln!("worst first (rankmath / newsroom):");
    for p in &r.worst {
        outln!(
            "  {:>3} / {:>3}  #{}  {}  {}",
            p.rankmath,
            p.newsroom,
            p.id,
            p.title,
            p.link
        );
    }
    outln!("no focus keyword: {}", r.no_keyword);
    for p in &r.no_keyword_posts {
        outln!("  #{}  {}", p.id, p.title);
    }
    outln!("stored Rank Math score differs: {}", r.stale);
    for p in &r.stale_posts {
        let stored = p.stored.map_or_else(|| "none".into(), |s| s.to_string());
        outln!(
            "  #{}  stored {stored} (from {}), now {}  {}",
            p.id,
            p.stored_source.as_str(),
            p.rankmath,
            p.title
        );
    }
    if r.not_comparable > 0 {
        outln!(
            "not compared (the site does not expose the focus keywords): {}",
            r.not_comparable
        );
    }
    outln!("where Rank Math's values were read (rest: core REST, page: the public page):");
    for (value, sources) in &r.sources {
        let counts: Vec<String> = sources
            .iter()
            .map(|(source, n)| format!("{} {n}", source.as_str()))
            .collect();
        outln!("  {value}: {}", counts.join(", "));
    }
    outln!("top failing checks:");
    for (check, n) in &r.failing_checks {
        outln!("  {n:>6}  {check}");
    }
    let t = r.timing;
    outln!(
        "time: {:.2} s, of which WordPress {:.2} s, scoring {:.2} s",
        t.total.as_secs_f64(),
        t.wordpress.as_secs_f64(),
        t.scoring.as_secs_f64()
    );
}

fn print_write_back(w: &WriteBack) {
    let verb = if w.dry_run { "would change" } else { "changed" };
    outln!("write-back {verb}: {}", w.changed.len());
    for c in &w.changed {
        let before = c.before.map_or_else(|| "none".into(), |s| s.to_string());
        outln!("  #{}  {before} -> {}  {}", c.id, c.after, c.title);
    }
    if !w.skipped_edited.is_empty() {
        outln!(
            "skipped, edited in WordPress since the audit read them: {:?}",
            w.skipped_edited
        );
    }
}
