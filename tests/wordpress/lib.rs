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

/// The script that installs, starts, stops and injects faults into the test WordPress.
pub fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("wp.sh")
}

/// Runs `wp.sh` with `args`; the error carries what it printed on stderr.
pub fn run(args: &[&str]) -> Result<String, String> {
    let script = script();
    let out = Command::new(&script)
        .args(args)
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

/// Starts (or finds running) the loopback WordPress and reads its account from `wp.sh`'s
/// `KEY=value` lines.
pub fn start() -> Result<Account, String> {
    let printed = run(&["start"])?;
    let env: HashMap<&str, &str> = printed
        .lines()
        .filter_map(|line| line.split_once('='))
        .collect();
    let get = |key: &str| {
        env.get(key)
            .map(|value| (*value).to_owned())
            .ok_or_else(|| format!("wp.sh start printed no {key}"))
    };
    Ok(Account {
        url: get("REDAKSI_WP_URL")?,
        user: get("REDAKSI_WP_USER")?,
        password: get("REDAKSI_WP_APP_PASSWORD")?,
    })
}
