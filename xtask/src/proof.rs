//! `cargo xtask fuzz --minutes N`: a fuzz campaign over the targets in `fuzz/`.
//!
//! The campaign uses libFuzzer (cargo-fuzz, installed when missing) when a nightly toolchain
//! is there, and the stable driver otherwise. Either way the inputs it grew are then replayed
//! by the stable driver, which times each against its size. The seeds live in `fuzz/corpus/`;
//! what a campaign grows and finds goes to `<target dir>/fuzz/`.

use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};

use crate::{Ctx, Outcome, StepResult, run};

const TARGETS: [&str; 4] = ["article", "score", "preview", "mirror"];

fn fuzz_dir(ctx: &Ctx) -> PathBuf {
    ctx.target.join("fuzz")
}

/// The stable driver over `corpora` (the seeds first), with `args` after them.
fn stable_driver(ctx: &Ctx, release: bool, corpora: &[PathBuf], args: &[&str]) -> Command {
    let mut command = ctx.cargo(&["run", "--quiet", "-p", "redaksi-fuzz"]);
    if release {
        // A campaign's optimised build goes beside libFuzzer's, not into the shared folder,
        // where it would wait on (and hold up) everyday builds.
        command
            .arg("--release")
            .env("CARGO_TARGET_DIR", fuzz_dir(ctx).join("build"));
    }
    command.arg("--");
    command.arg("--corpus").arg(ctx.root.join("fuzz/corpus"));
    for corpus in corpora {
        command.arg("--corpus").arg(corpus);
    }
    command
        .arg("--findings")
        .arg(fuzz_dir(ctx).join("findings"))
        .args(args);
    command
}

/// Whether `cargo +nightly` works here (through rustup).
fn has_nightly() -> bool {
    Command::new("cargo")
        .args(["+nightly", "--version"])
        .env_remove("RUSTUP_TOOLCHAIN")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn nightly_cargo(ctx: &Ctx, args: &[&str]) -> Command {
    let mut command = Command::new("cargo");
    command
        .arg("+nightly")
        .args(args)
        .current_dir(&ctx.root)
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO")
        // Its own build folder: nightly builds with sanitizer flags would evict the stable
        // ones, and must not wait on their lock.
        .env("CARGO_TARGET_DIR", fuzz_dir(ctx).join("build"));
    command
}

fn ensure_cargo_fuzz(ctx: &Ctx) -> Result<(), String> {
    let installed = nightly_cargo(ctx, &["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if installed {
        return Ok(());
    }
    println!("    installing cargo-fuzz: it runs the libFuzzer campaign");
    run(ctx
        .cargo(&["install", "cargo-fuzz", "--locked"])
        .env_remove("CARGO_TARGET_DIR"))
}

/// What libFuzzer's last status line in fork mode says: `#<executions>: cov: … oom/timeout/crash:
/// <a>/<b>/<c> …`.
fn last_status(log: &str) -> (u64, [u64; 3]) {
    let Some(line) = log
        .lines()
        .rev()
        .find(|line| line.starts_with('#') && line.contains("oom/timeout/crash:"))
    else {
        return (0, [0; 3]);
    };
    let executions = line[1..]
        .split(':')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut faults = [0; 3];
    if let Some(counts) = line
        .split("oom/timeout/crash: ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
    {
        for (slot, count) in faults.iter_mut().zip(counts.split('/')) {
            *slot = count.parse().unwrap_or(0);
        }
    }
    (executions, faults)
}

/// One target under libFuzzer for `seconds`, in fork mode so that one finding does not end
/// the campaign; returns its executions, and what it found.
fn libfuzzer(ctx: &Ctx, target: &str, seconds: u64) -> Result<(u64, Option<String>), String> {
    let dir = fuzz_dir(ctx);
    let grown = dir.join("corpus").join(target);
    let findings = dir.join("findings");
    for folder in [&grown, &findings] {
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    let log_path = dir.join(format!("{target}.log"));
    let log =
        std::fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let seeds = ctx.root.join("fuzz/corpus").join(target);
    let mut command = nightly_cargo(
        ctx,
        &[
            "fuzz",
            "run",
            "--fuzz-dir",
            "fuzz/libfuzzer",
            "--sanitizer",
            "none",
            target,
        ],
    );
    command
        .arg(&grown)
        .arg(&seeds)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .args([
            "-fork=1",
            "-ignore_crashes=1",
            "-ignore_ooms=1",
            "-ignore_timeouts=1",
        ])
        .args(["-max_len=4096", "-timeout=60"])
        .arg(format!("-artifact_prefix={}/{target}-", findings.display()))
        .stdout(log.try_clone().map_err(|e| e.to_string())?)
        .stderr(log);
    println!(
        "    {target}: libFuzzer for {seconds} s, log in {}",
        log_path.display()
    );
    let status = command
        .status()
        .map_err(|e| format!("could not start cargo fuzz: {e}"))?;
    let text = std::fs::read_to_string(&log_path).unwrap_or_default();
    let (executions, [ooms, timeouts, crashes]) = last_status(&text);
    println!(
        "    {target}: {executions} executions; {crashes} crashes, {ooms} out of memory, {timeouts} timeouts"
    );
    if !status.success() {
        return Err(format!(
            "{target}: cargo fuzz stopped with {status}; see {}",
            log_path.display()
        ));
    }
    let found = (ooms + timeouts + crashes > 0).then(|| {
        format!(
            "{target}: {crashes} crashes, {ooms} out of memory, {timeouts} timeouts; the inputs are in {}",
            findings.display()
        )
    });
    Ok((executions, found))
}

/// `cargo xtask fuzz --minutes N [--target NAME]… [--stable]`
fn fuzz_campaign(ctx: &Ctx, minutes: u64, targets: &[String], stable: bool) -> StepResult {
    let targets: Vec<&str> = if targets.is_empty() {
        TARGETS.to_vec()
    } else {
        targets.iter().map(String::as_str).collect()
    };
    if let Some(unknown) = targets.iter().find(|t| !TARGETS.contains(t)) {
        return Err(format!("no fuzz target {unknown:?}; the targets are {TARGETS:?}").into());
    }
    let seconds = (minutes * 60 / targets.len() as u64).max(1);
    let grown: Vec<PathBuf> = vec![fuzz_dir(ctx).join("corpus")];
    if !stable && has_nightly() {
        ensure_cargo_fuzz(ctx)?;
        let mut failures = Vec::new();
        let mut total = 0;
        for target in &targets {
            match libfuzzer(ctx, target, seconds) {
                Ok((executions, found)) => {
                    total += executions;
                    failures.extend(found);
                }
                Err(failure) => failures.push(failure),
            }
        }
        println!("    libFuzzer: {total} executions in all");
        println!("    replaying every input it grew on stable, timed against its size:");
        let mut args = vec!["--inputs", "0"];
        for target in &targets {
            args.extend(["--target", target]);
        }
        for target in &targets {
            std::fs::create_dir_all(grown[0].join(target)).map_err(|e| e.to_string())?;
        }
        let replay = run(&mut stable_driver(ctx, false, &grown, &args));
        if !failures.is_empty() {
            return Err(failures.join("\n\n").into());
        }
        return Ok(replay?);
    }
    if !stable {
        println!("    no nightly toolchain: the stable driver runs the campaign");
    }
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(1)
        .to_string();
    let seconds = seconds.to_string();
    let mut args = vec!["--seconds", seconds.as_str(), "--seed", seed.as_str()];
    for target in &targets {
        args.extend(["--target", target]);
    }
    Ok(run(&mut stable_driver(ctx, true, &[], &args))?)
}

/// `cargo xtask fuzz --minutes N [--target NAME]… [--stable]` (`args` after `fuzz`); `--stable`
/// runs the stable driver even where libFuzzer could run.
pub fn fuzz_command(args: &[String]) -> ExitCode {
    let stable = args.iter().any(|arg| arg == "--stable");
    finish(
        number_after(args, "--minutes")
            .map_err(Outcome::Failed)
            .and_then(|minutes| {
                fuzz_campaign(
                    &Ctx::new(),
                    minutes,
                    &values_after(args, "--target"),
                    stable,
                )
            }),
    )
}

fn finish(result: StepResult) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Outcome::Skipped(why)) => {
            println!("skipped: {why}");
            ExitCode::SUCCESS
        }
        Err(Outcome::Failed(message)) => {
            eprintln!("!!! {message}");
            ExitCode::FAILURE
        }
    }
}

/// The value after `flag` in `args`, as a number.
fn number_after(args: &[String], flag: &str) -> Result<u64, String> {
    let at = args
        .iter()
        .position(|arg| arg == flag)
        .ok_or(format!("{flag} N is required"))?;
    args.get(at + 1)
        .and_then(|value| value.parse().ok())
        .ok_or(format!("{flag} takes a number"))
}

/// Every value after a `flag` in `args`.
fn values_after(args: &[String], flag: &str) -> Vec<String> {
    args.windows(2)
        .filter(|pair| pair[0] == flag)
        .map(|pair| pair[1].clone())
        .collect()
}
