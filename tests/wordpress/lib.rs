//! The loopback WordPress that tests and benches publish to, started by `wp.sh` beside this
//! file. One place reads the account `wp.sh start` prints, so the publish crate's tests and
//! benches, the CLI's tests and the end-to-end tests all meet the same site.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The site and the account whose application password `wp.sh` minted.
#[derive(Debug, Clone)]
pub struct Account {
    pub url: String,
    pub user: String,
    pub password: String,
}

/// The script that installs, starts, stops and injects faults into the test WordPress: the
/// one in the checkout whose tests are running (cargo sets `CARGO_MANIFEST_DIR` for them), so
/// a build folder shared between checkouts never hands a test another checkout's harness.
/// The port is `REDAKSI_WP_PORT`, which the script reads.
pub fn script() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .and_then(|dir| {
            Path::new(&dir)
                .ancestors()
                .map(|a| a.join("tests/wordpress/wp.sh"))
                .find(|candidate| candidate.is_file())
        })
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("wp.sh"))
}

/// Runs `wp.sh` with `args`; the error carries what it printed on stderr.
pub fn run(args: &[&str]) -> Result<String, String> {
    run_on(None, args)
}

/// Runs `wp.sh` with `args` on the instance at `port` (`None`: `REDAKSI_WP_PORT` or 8089).
fn run_on(port: Option<u16>, args: &[&str]) -> Result<String, String> {
    let script = script();
    let mut command = Command::new(&script);
    command.args(args);
    if let Some(port) = port {
        // Another instance: its own port and its own state dir.
        command
            .env("REDAKSI_WP_PORT", port.to_string())
            .env_remove("REDAKSI_WP_DIR");
    }
    let out = command
        .output()
        .map_err(|e| format!("cannot run {}: {e}", script.display()))?;
    if !out.status.success() {
        return Err(format!(
            "{} {} failed:\n{}",
            script.display(),
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The newsroom's people on the test site, each with their own application password: the
/// review workflow's two reporters (a WordPress `author` and a `contributor`) and their `editor`.
#[derive(Debug, Clone)]
pub struct Newsroom {
    /// The site's administrator (the account [`start`] returns).
    pub admin: Account,
    /// A reporter who may publish their own posts.
    pub author: Account,
    /// A reporter who may only submit posts for review.
    pub contributor: Account,
    /// May publish, edit and return everyone's posts.
    pub editor: Account,
}

/// Starts (or finds running) the loopback WordPress and reads its administrator account.
pub fn start() -> Result<Account, String> {
    start_newsroom().map(|newsroom| newsroom.admin)
}

/// Starts (or finds running) the loopback WordPress and reads every account from `wp.sh`'s
/// `KEY=value` lines.
pub fn start_newsroom() -> Result<Newsroom, String> {
    newsroom(&run(&["start"])?)
}

/// The instance that runs Rank Math, apart from the plain one so the other publishing tests
/// keep a site without it: `REDAKSI_WP_RANKMATH_PORT`, else `REDAKSI_WP_PORT` (8089) + 100.
pub fn rank_math_port() -> u16 {
    let port = |key: &str| std::env::var(key).ok().and_then(|p| p.parse::<u16>().ok());
    port("REDAKSI_WP_RANKMATH_PORT")
        .unwrap_or_else(|| port("REDAKSI_WP_PORT").unwrap_or(8089) + 100)
}

/// The instance with Rank Math: its administrator and the password wp-admin's login takes.
#[derive(Debug, Clone)]
pub struct RankMathSite {
    pub admin: Account,
    pub login_password: String,
}

/// Starts the Rank Math instance (installing Rank Math from ../shared) and reads its account.
pub fn start_rank_math() -> Result<RankMathSite, String> {
    let printed = run_on(Some(rank_math_port()), &["rankmath"])?;
    Ok(RankMathSite {
        admin: newsroom(&printed)?.admin,
        login_password: lines(&printed)
            .get("REDAKSI_WP_LOGIN_PASSWORD")
            .cloned()
            .ok_or("wp.sh rankmath printed no REDAKSI_WP_LOGIN_PASSWORD")?,
    })
}

/// Runs `wp.sh` with `args` on the Rank Math instance (faults, PHP scripts, stop).
pub fn run_rank_math(args: &[&str]) -> Result<String, String> {
    run_on(Some(rank_math_port()), args)
}

fn lines(printed: &str) -> HashMap<String, String> {
    printed
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn newsroom(printed: &str) -> Result<Newsroom, String> {
    let env = lines(printed);
    let get = |key: &str| {
        env.get(key)
            .cloned()
            .ok_or_else(|| format!("wp.sh printed no {key}"))
    };
    let url = get("REDAKSI_WP_URL")?;
    let account = |prefix: &str| -> Result<Account, String> {
        Ok(Account {
            url: url.clone(),
            user: get(&format!("{prefix}USER"))?,
            password: get(&format!("{prefix}APP_PASSWORD"))?,
        })
    };
    Ok(Newsroom {
        admin: account("REDAKSI_WP_")?,
        author: account("REDAKSI_WP_AUTHOR_")?,
        contributor: account("REDAKSI_WP_CONTRIBUTOR_")?,
        editor: account("REDAKSI_WP_EDITOR_")?,
    })
}
