//! Store commands: import, list, search, show, history, diff, restore, backup.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use redaksi_article::{Band, Status, front_matter};
use redaksi_store::{DiffOp, ListQuery, SortBy, Store, Version, list_backups, restore_backup};
use serde::Serialize;
use serde_json::json;

use crate::common::{Common, Failure, failure, finish, outln};
use uuid::Uuid;

#[derive(Subcommand)]
pub enum Command {
    /// Import .md files or folders (front matter kept; a known id updates that article).
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// List articles, newest first, with filters.
    List {
        #[command(flatten)]
        filter: Filter,
        /// List the trash instead.
        #[arg(long)]
        trash: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Full-text search (prefix matching, accents ignored).
    Search {
        query: String,
        #[command(flatten)]
        filter: Filter,
        #[command(flatten)]
        common: Common,
    },
    /// Print an article as Markdown with front matter.
    Show {
        id: Uuid,
        #[command(flatten)]
        common: Common,
    },
    /// An article's revisions, newest first.
    History {
        id: Uuid,
        #[command(flatten)]
        common: Common,
    },
    /// Word differences between two revisions (`current` is the article as it is now).
    Diff {
        id: Uuid,
        from: String,
        to: String,
        #[command(flatten)]
        common: Common,
    },
    /// Make a revision the current text (the replaced text is kept as a revision).
    Restore {
        id: Uuid,
        revision: i64,
        #[command(flatten)]
        common: Common,
    },
    /// Take a backup now; `backup list` and `backup restore NAME` manage them.
    Backup {
        #[command(subcommand)]
        action: Option<BackupAction>,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Subcommand)]
pub enum BackupAction {
    /// The backups, newest first.
    List,
    /// Replace the database with a backup (`latest` for the newest). The current database is
    /// moved aside, not deleted. Close the app first.
    Restore { name: String },
}

#[derive(Args)]
pub struct Filter {
    #[arg(long, value_parser = parse_status)]
    status: Option<Status>,
    #[arg(long)]
    tag: Option<String>,
    #[arg(long)]
    category: Option<String>,
    /// Articles whose byline contains this (case ignored).
    #[arg(long)]
    byline: Option<String>,
    /// Score band: good (above 80), ok (51–80) or bad (50 or less, or not scored).
    #[arg(long)]
    score: Option<Band>,
    /// Updated on or after (YYYY-MM-DD or RFC 3339).
    #[arg(long, value_parser = parse_time)]
    from: Option<DateTime<Utc>>,
    /// Updated on or before (YYYY-MM-DD or RFC 3339).
    #[arg(long, value_parser = parse_time)]
    to: Option<DateTime<Utc>>,
    #[arg(long, value_enum, default_value = "updated")]
    sort: Sort,
    #[arg(long, default_value_t = 50)]
    limit: u32,
    #[arg(long, default_value_t = 0)]
    offset: u32,
}

#[derive(Clone, Copy, ValueEnum)]
enum Sort {
    Updated,
    Score,
    Title,
    Relevance,
}

fn parse_status(text: &str) -> Result<Status, String> {
    text.parse()
        .map_err(|err: redaksi_article::StatusParseError| err.to_string())
}

fn parse_time(text: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Ok(time.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|date| date.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
        .map_err(|_| format!("{text:?} is not a date (YYYY-MM-DD) or an RFC 3339 time"))
}

impl Filter {
    fn query(&self) -> ListQuery {
        ListQuery {
            status: self.status,
            tag: self.tag.clone(),
            category: self.category.clone(),
            byline: self.byline.clone(),
            score_band: self.score,
            updated_from: self.from,
            updated_to: self.to,
            sort: match self.sort {
                Sort::Updated => SortBy::Updated,
                Sort::Score => SortBy::Score,
                Sort::Title => SortBy::Title,
                Sort::Relevance => SortBy::Relevance,
            },
            limit: self.limit,
            offset: self.offset,
        }
    }
}

impl From<redaksi_folder::FolderError> for Failure {
    fn from(err: redaksi_folder::FolderError) -> Self {
        failure(err.code(), err.to_string())
    }
}

fn common(command: &Command) -> &Common {
    match command {
        Command::Import { common, .. }
        | Command::List { common, .. }
        | Command::Search { common, .. }
        | Command::Show { common, .. }
        | Command::History { common, .. }
        | Command::Diff { common, .. }
        | Command::Restore { common, .. }
        | Command::Backup { common, .. } => common,
    }
}

pub fn run(command: Command) -> ExitCode {
    let json = common(&command).json;
    finish(json, execute(command))
}

fn print_json(value: &impl Serialize) {
    outln!(
        "{}",
        serde_json::to_string_pretty(value).expect("CLI output always serialises")
    );
}

fn progress_bar(len: u64, json: bool) -> ProgressBar {
    if json || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

fn execute(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Import { paths, common } => import(&paths, &common),
        Command::List {
            filter,
            trash,
            common,
        } => {
            let store = common.open()?;
            if trash {
                let items = store.list_trash()?;
                if common.json {
                    let items: Vec<_> = items
                        .iter()
                        .map(|(s, deleted)| json!({ "article": s, "deleted_at": deleted }))
                        .collect();
                    print_json(&items);
                } else {
                    for (s, deleted) in items {
                        outln!(
                            "{}  deleted {}  {}",
                            s.id,
                            deleted.format("%Y-%m-%d %H:%M"),
                            s.title
                        );
                    }
                }
                return Ok(ExitCode::SUCCESS);
            }
            let items = store.list(&filter.query())?;
            if common.json {
                print_json(&items);
            } else {
                for s in items {
                    let score = s.score.map_or("  -".to_owned(), |n| format!("{n:3}"));
                    outln!(
                        "{}  {:<9}  {score}  {}  {}",
                        s.id,
                        s.status.as_str(),
                        s.updated_at.format("%Y-%m-%d %H:%M"),
                        s.title
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            query,
            filter,
            common,
        } => {
            let store = common.open()?;
            let hits = store.search(&query, &filter.query())?;
            if common.json {
                print_json(&hits);
            } else {
                for hit in hits {
                    let snippet: String = hit
                        .snippet
                        .iter()
                        .map(|p| {
                            if p.hit {
                                format!("[{}]", p.text)
                            } else {
                                p.text.replace('\n', " ")
                            }
                        })
                        .collect();
                    outln!("{}  {}\n    {snippet}", hit.article.id, hit.article.title);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id, common } => {
            let article = common.open()?.get_article(id)?;
            if common.json {
                print_json(&article);
            } else {
                print!("{}", front_matter::write(&article));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::History { id, common } => {
            let revisions = common.open()?.list_revisions(id)?;
            if common.json {
                print_json(&revisions);
            } else {
                for r in revisions {
                    outln!(
                        "{:>6}  {}  {:<14}  {:>6} words  {}",
                        r.id,
                        r.created_at.format("%Y-%m-%d %H:%M:%S"),
                        serde_json::to_value(r.kind)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default(),
                        r.word_count,
                        r.name.unwrap_or_default()
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff {
            id,
            from,
            to,
            common,
        } => {
            let diff = common.open()?.diff(id, version(&from)?, version(&to)?)?;
            if common.json {
                print_json(&diff);
            } else {
                let render = |chunks: &[redaksi_store::DiffChunk]| -> String {
                    chunks
                        .iter()
                        .map(|c| match c.op {
                            DiffOp::Equal => c.text.clone(),
                            DiffOp::Delete => format!("[-{}-]", c.text),
                            DiffOp::Insert => format!("{{+{}+}}", c.text),
                        })
                        .collect()
                };
                if diff.title.iter().any(|c| c.op != DiffOp::Equal) {
                    outln!("title: {}", render(&diff.title));
                }
                if diff.meta_changed {
                    outln!("(metadata changed / metadata berubah)");
                }
                outln!("{}", render(&diff.body));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore {
            id,
            revision,
            common,
        } => {
            let article = common.open()?.restore_revision(id, revision)?;
            if common.json {
                print_json(&article);
            } else {
                outln!(
                    "restored {id} to revision {revision}; the replaced text is kept in history"
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Backup { action, common } => backup(action, &common),
    }
}

fn version(text: &str) -> Result<Version, Failure> {
    if text == "current" {
        return Ok(Version::Current);
    }
    text.parse().map(Version::Revision).map_err(|_| {
        failure(
            "invalid_input",
            format!("{text:?} is not a revision number or `current`"),
        )
    })
}

fn import(paths: &[PathBuf], common: &Common) -> Result<ExitCode, Failure> {
    let mut store = common.open()?;
    let bar = progress_bar(0, common.json);
    let report = redaksi_folder::import(&mut store, paths, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    if common.json {
        let failed: Vec<_> = report
            .failed
            .iter()
            .map(|f| {
                json!({
                    "path": f.path,
                    "code": f.error.code(),
                    "line": f.error.line(),
                    "message": f.error.to_string(),
                })
            })
            .collect();
        print_json(&json!({ "imported": report.imported, "failed": failed }));
    } else {
        let created = report.imported.iter().filter(|i| i.created).count();
        outln!(
            "imported {} file(s): {created} new, {} updated",
            report.imported.len(),
            report.imported.len() - created
        );
        for failure in &report.failed {
            eprintln!("failed: {}", failure.error);
        }
    }
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn backup(action: Option<BackupAction>, common: &Common) -> Result<ExitCode, Failure> {
    let dir = common.data_dir()?;
    match action {
        None => {
            let store = Store::open(&dir)?;
            let bar = progress_bar(0, common.json);
            let info = store.backup_with_progress(|done, total| {
                bar.set_length(total);
                bar.set_position(done);
            })?;
            bar.finish_and_clear();
            if common.json {
                print_json(&info);
            } else {
                outln!(
                    "backup written: {} ({} bytes)",
                    info.path.display(),
                    info.size
                );
            }
        }
        Some(BackupAction::List) => {
            let backups = list_backups(&dir)?;
            if common.json {
                print_json(&backups);
            } else if backups.is_empty() {
                outln!(
                    "no backups yet in {}",
                    redaksi_store::backup_dir(&dir).display()
                );
            } else {
                for b in backups {
                    outln!(
                        "{}  {}  {} bytes",
                        b.name,
                        b.created_at.format("%Y-%m-%d %H:%M:%S"),
                        b.size
                    );
                }
            }
        }
        Some(BackupAction::Restore { name }) => {
            let name = if name == "latest" {
                list_backups(&dir)?
                    .into_iter()
                    .next()
                    .map(|b| b.name)
                    .ok_or_else(|| {
                        failure(
                            "invalid_input",
                            format!(
                                "no backups in {}",
                                redaksi_store::backup_dir(&dir).display()
                            ),
                        )
                    })?
            } else {
                name
            };
            let aside = restore_backup(&dir, &name)?;
            if common.json {
                print_json(&json!({ "restored": name, "previous_database": aside }));
            } else {
                outln!("restored {name}");
                if let Some(aside) = aside {
                    outln!("the previous database was kept as {}", aside.display());
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
