//! `redaksi`: the command line over the same crates as the desktop app, for scripting and
//! archive work. Each command group lives in its own module; this file only dispatches.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod common;
mod publish;
mod review;
mod score;
mod site;
mod store;

#[derive(Parser)]
#[command(
    name = "redaksi",
    version,
    about = "Redaksi newsroom editor: command line"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    #[command(flatten)]
    Store(store::Command),
    #[command(flatten)]
    Score(score::Command),
    #[command(flatten)]
    Publish(publish::Command),
    #[command(flatten)]
    Site(site::Command),
    #[command(flatten)]
    Review(review::Command),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Store(command) => store::run(command),
        Command::Score(command) => score::run(command),
        Command::Publish(command) => publish::run(command),
        Command::Site(command) => site::run(command),
        Command::Review(command) => review::run(command),
    }
}
