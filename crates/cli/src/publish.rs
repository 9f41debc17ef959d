//! Publishing commands: targets, publish, export, outbox.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use clap::{Subcommand, ValueEnum};
use redaksi_desk::targets;
use redaksi_publish::credentials::{Keyring, Secret, SecretStore};
use redaksi_publish::outbox::{Progress, Until, Worker, WorkerConfig, enqueue};
use redaksi_publish::{ExportContext, Format, PublishError, export};
use redaksi_store::StoreHandle;
use redaksi_store::outbox::{OutboxState, Target};
use serde_json::json;

use crate::common::{Common, Failure, failure, finish};
use uuid::Uuid;

#[derive(Subcommand)]
pub enum Command {
    /// CMS accounts (the password or key goes to the OS keyring).
    Targets {
        #[command(subcommand)]
        action: TargetsAction,
        #[command(flatten)]
        common: Common,
    },
    /// Queue an article for a CMS target (sent by the outbox worker).
    Publish {
        id: Uuid,
        #[arg(long)]
        target: String,
        #[arg(long, value_enum, default_value = "draft")]
        status: RemoteStatus,
        /// When to publish (RFC 3339), for --status future.
        #[arg(long, value_parser = parse_time)]
        at: Option<DateTime<Utc>>,
        /// Run the outbox until this item is sent or stopped; exit non-zero unless sent.
        #[arg(long)]
        wait: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Write an article as standalone HTML, Markdown with front matter, or IPTC ninjs.
    Export {
        id: Uuid,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// The publish queue.
    Outbox {
        #[command(subcommand)]
        action: OutboxAction,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Subcommand)]
pub enum TargetsAction {
    Add {
        name: String,
        #[arg(long, value_enum)]
        kind: Kind,
        #[arg(long)]
        url: String,
        /// WordPress user name (Ghost uses an Admin API key instead).
        #[arg(long)]
        user: Option<String>,
        /// Read the application password or Admin API key from standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    List,
    Remove {
        name: String,
    },
}

#[derive(Subcommand)]
pub enum OutboxAction {
    List,
    /// Queue a stopped item again.
    Retry {
        id: i64,
        /// On a conflict: overwrite the CMS's version.
        #[arg(long)]
        overwrite: bool,
        /// On a passed schedule: publish now.
        #[arg(long)]
        confirm: bool,
    },
    /// Send queued items.
    Run {
        /// Stop when nothing is queued any more (otherwise keep running).
        #[arg(long)]
        until_empty: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
    Wordpress,
    Ghost,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum RemoteStatus {
    Draft,
    Pending,
    Publish,
    Future,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Html,
    Md,
    Ninjs,
}

pub(crate) fn parse_time(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| format!("{text:?} is not an RFC 3339 time (e.g. 2026-12-01T06:00:00+07:00)"))
}

impl From<PublishError> for Failure {
    fn from(err: PublishError) -> Self {
        failure(&err.code(), err.to_string())
    }
}

fn common(command: &Command) -> &Common {
    match command {
        Command::Targets { common, .. }
        | Command::Publish { common, .. }
        | Command::Export { common, .. }
        | Command::Outbox { common, .. } => common,
    }
}

pub fn run(command: Command) -> ExitCode {
    let json = common(&command).json;
    finish(json, execute(command))
}

fn print_json(value: &serde_json::Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("JSON output serialises")
    );
}

pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| failure("runtime", format!("cannot start the async runtime: {e}")))
}

fn read_secret(password_stdin: bool, kind: Kind) -> Result<Secret, Failure> {
    let what = match kind {
        Kind::Wordpress => "Application password (sandi aplikasi)",
        Kind::Ghost => "Admin API key ID:SECRET (kunci Admin API)",
    };
    let text = if password_stdin || !std::io::stdin().is_terminal() {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| failure("io", format!("reading the secret from stdin: {e}")))?;
        text
    } else {
        rpassword::prompt_password(format!("{what}: "))
            .map_err(|e| failure("io", format!("reading the secret: {e}")))?
    };
    let text = text.trim_end_matches(['\r', '\n']).to_owned();
    if text.is_empty() {
        return Err(failure(
            "invalid_input",
            "the secret is empty (sandi kosong)",
        ));
    }
    Ok(Secret::new(text))
}

fn execute(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Targets { action, common } => targets(action, &common),
        Command::Export {
            id,
            format,
            output,
            common,
        } => {
            let store = common.open()?;
            let article = store.get_article(id)?;
            let revision = store.list_revisions(id)?.first().map(|r| r.id as u64);
            let format = match format {
                ExportFormat::Html => Format::Html,
                ExportFormat::Md => Format::Md,
                ExportFormat::Ninjs => Format::Ninjs,
            };
            let result = export(&article, format, &ExportContext { revision });
            if let Some(path) = &output {
                std::fs::write(path, &result.content)
                    .map_err(|e| failure("io", format!("{}: {e}", path.display())))?;
            }
            if common.json {
                let mut v = json!({ "format": result.format, "dropped": result.dropped });
                match &output {
                    Some(path) => v["file"] = json!(path),
                    None => v["content"] = json!(result.content),
                }
                print_json(&v);
            } else {
                if output.is_none() {
                    print!("{}", result.content);
                }
                for d in &result.dropped {
                    eprintln!(
                        "redaksi: not exported / tidak diekspor: {} ({})",
                        d.field, d.reason
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Publish {
            id,
            target,
            status,
            at,
            wait,
            common,
        } => {
            let status = match status {
                RemoteStatus::Draft => "draft",
                RemoteStatus::Pending => "pending",
                RemoteStatus::Publish => "publish",
                RemoteStatus::Future => "future",
            };
            let handle = StoreHandle::spawn(common.open()?)?;
            let rt = runtime()?;
            rt.block_on(async {
                let item = enqueue(&handle, id, &target, status, at).await?;
                if !wait {
                    if common.json {
                        print_json(&json!(item));
                    } else {
                        println!("queued / diantrekan: outbox item {}", item.id);
                    }
                    return Ok(ExitCode::SUCCESS);
                }
                run_worker(&handle, Until::Final(item.id), common.json).await?;
                let done = handle.call(move |s| s.outbox_get(item.id)).await?;
                if common.json {
                    print_json(&json!(done));
                } else {
                    println!(
                        "{} {}{}",
                        done.state,
                        done.remote_url.clone().unwrap_or_default(),
                        done.last_error
                            .as_deref()
                            .map(|e| format!(" ({e})"))
                            .unwrap_or_default()
                    );
                }
                Ok(if done.state == OutboxState::Sent {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                })
            })
        }
        Command::Outbox { action, common } => outbox(action, &common),
    }
}

fn targets(action: TargetsAction, common: &Common) -> Result<ExitCode, Failure> {
    let mut store = common.open()?;
    match action {
        TargetsAction::Add {
            name,
            kind,
            url,
            user,
            password_stdin,
        } => {
            let target = Target {
                name,
                kind: match kind {
                    Kind::Wordpress => "wordpress".into(),
                    Kind::Ghost => "ghost".into(),
                },
                url,
                username: user,
            };
            // Checked before the secret is asked for: a WordPress account needs --user.
            targets::check(&target)?;
            let secret = read_secret(password_stdin, kind)?;
            Keyring.set(&target.name, &secret)?;
            store.put_target(&target)?;
            if common.json {
                print_json(&json!(target));
            } else {
                println!("target {} saved; secret in the OS keyring", target.name);
            }
        }
        TargetsAction::List => {
            let list = store.list_targets()?;
            if common.json {
                print_json(&json!(list));
            } else {
                for t in list {
                    println!(
                        "{}\t{}\t{}\t{}",
                        t.name,
                        t.kind,
                        t.url,
                        t.username.unwrap_or_default()
                    );
                }
            }
        }
        TargetsAction::Remove { name } => {
            let existed = store.remove_target(&name)?;
            Keyring.delete(&name)?;
            if !existed {
                return Err(failure(
                    "not_found",
                    format!("no target named {name:?} (target tidak ada)"),
                ));
            }
            if common.json {
                print_json(&json!({ "removed": name }));
            } else {
                println!("target {name} removed");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn outbox(action: OutboxAction, common: &Common) -> Result<ExitCode, Failure> {
    let store = common.open()?;
    match action {
        OutboxAction::List => {
            let items = store.outbox_list()?;
            if common.json {
                print_json(&json!(items));
            } else {
                for i in items {
                    println!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        i.id,
                        i.state,
                        i.target,
                        i.article_id,
                        i.remote_url.unwrap_or_default(),
                        i.last_error.unwrap_or_default()
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        OutboxAction::Retry {
            id,
            overwrite,
            confirm,
        } => {
            let mut store = store;
            let item = store.outbox_retry(id, overwrite, confirm)?;
            if common.json {
                print_json(&json!(item));
            } else {
                println!("outbox item {} queued again", item.id);
            }
            Ok(ExitCode::SUCCESS)
        }
        OutboxAction::Run { until_empty } => {
            let handle = StoreHandle::spawn(store)?;
            runtime()?.block_on(async {
                loop {
                    run_worker(&handle, Until::Empty, common.json).await?;
                    if until_empty {
                        break;
                    }
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                let items = handle.call(|s| s.outbox_list()).await?;
                let stopped = items
                    .iter()
                    .filter(|i| i.state != OutboxState::Sent)
                    .count();
                if common.json {
                    print_json(&json!({ "items": items, "not_sent": stopped }));
                }
                Ok(ExitCode::SUCCESS)
            })
        }
    }
}

/// Runs the worker, reporting progress on stderr (or as JSON lines there with --json).
async fn run_worker(handle: &StoreHandle, until: Until, json: bool) -> Result<(), Failure> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Progress>();
    let worker = Arc::new(
        Worker::new(handle.clone(), Arc::new(Keyring), WorkerConfig::default()).with_progress(tx),
    );
    let printer = tokio::spawn(async move {
        while let Some(event) = rx.recv().await {
            if json {
                eprintln!("{}", json!(event));
            } else {
                match event {
                    Progress::Sending { id, attempt } => {
                        eprintln!("[{id}] sending (attempt {attempt})")
                    }
                    Progress::Uploaded { id, done, total } => {
                        eprintln!("[{id}] image {done}/{total}")
                    }
                    Progress::Retrying { id, at, reason } => {
                        eprintln!("[{id}] retry at {at}: {reason}")
                    }
                    Progress::Finished { id, state, message } => {
                        eprintln!(
                            "[{id}] {state}{}",
                            message.map(|m| format!(": {m}")).unwrap_or_default()
                        )
                    }
                }
            }
        }
    });
    let result = worker.run(until).await;
    drop(worker);
    let _ = printer.await;
    Ok(result?)
}
