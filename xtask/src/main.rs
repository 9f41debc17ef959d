//! `cargo xtask run | test`: the project's two entry points (see README.md).
//!
//! A fresh Debian machine with only Rust, Node and git must be able to build, launch and fully
//! test Redaksi with one command each, so this crate installs what is missing (Debian packages,
//! tauri-driver, npm packages) before it builds. Each command is a plain list of named steps;
//! `test` runs them in order, keeps going past a failed check so one run reports every failure,
//! prints a summary with each step's time, and exits non-zero if anything failed.
//!
//! To add a step (a test WordPress, a D-Bus session for keyring tests, …) write a function
//! `fn(&Ctx) -> StepResult` and put it in the list in [`test_steps`].

mod proof;
mod system;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

/// Why a step did not succeed.
enum Outcome {
    Failed(String),
    /// The step does not apply here (e.g. no WebDriver for WKWebView on macOS); always shown.
    Skipped(String),
}

type StepResult = Result<(), Outcome>;

impl From<String> for Outcome {
    fn from(message: String) -> Self {
        Outcome::Failed(message)
    }
}

struct Step {
    name: &'static str,
    /// A setup step whose failure makes the rest meaningless, so the run stops there.
    required: bool,
    run: fn(&Ctx) -> StepResult,
}

const fn setup(name: &'static str, run: fn(&Ctx) -> StepResult) -> Step {
    Step {
        name,
        required: true,
        run,
    }
}

const fn check(name: &'static str, run: fn(&Ctx) -> StepResult) -> Step {
    Step {
        name,
        required: false,
        run,
    }
}

/// Paths every step needs.
struct Ctx {
    root: PathBuf,
    ui: PathBuf,
    target: PathBuf,
    cargo: String,
}

impl Ctx {
    fn new() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives one level below the workspace root")
            .to_path_buf();
        let target = env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .map(|dir| {
                if dir.is_absolute() {
                    dir
                } else {
                    root.join(dir)
                }
            })
            .unwrap_or_else(|| root.join("target"));
        Ctx {
            ui: root.join("ui"),
            target,
            cargo: env::var("CARGO").unwrap_or_else(|_| "cargo".into()),
            root,
        }
    }

    fn cargo(&self, args: &[&str]) -> Command {
        let mut command = Command::new(&self.cargo);
        command.args(args).current_dir(&self.root);
        command
    }

    fn npm(&self, args: &[&str]) -> Command {
        // npm is a .cmd script on Windows, which Command only finds with its extension.
        let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
        let mut command = Command::new(npm);
        command.args(args).current_dir(&self.ui);
        command
    }

    fn release_binary(&self) -> PathBuf {
        let name = format!("redaksi-desktop{}", env::consts::EXE_SUFFIX);
        self.target.join("release").join(name)
    }
}

/// Runs a command with inherited output and turns a non-zero exit into a failure message.
fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!(
        "{} {}",
        command.get_program().to_string_lossy(),
        command
            .get_args()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("    $ {shown}");
    let status = command
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` exited with {status}"))
    }
}

// --- steps -------------------------------------------------------------------------------------

fn build_packages(_: &Ctx) -> StepResult {
    system::ensure_packages(system::BUILD_PACKAGES)
}

fn build_and_e2e_packages(_: &Ctx) -> StepResult {
    system::ensure_packages(system::BUILD_PACKAGES)?;
    system::ensure_packages(system::E2E_PACKAGES)?;
    system::ensure_packages(system::PUBLISH_TEST_PACKAGES)
}

fn tauri_driver(ctx: &Ctx) -> StepResult {
    if cfg!(target_os = "macos") {
        return Err(Outcome::Skipped(
            "macOS has no WebDriver for its WKWebView; tauri-driver is not needed".into(),
        ));
    }
    if system::tauri_driver().is_some() {
        println!("    tauri-driver is installed");
        return Ok(());
    }
    println!(
        "    installing tauri-driver 2.x: it bridges WebDriver to the app for end-to-end tests"
    );
    run(ctx
        .cargo(&["install", "tauri-driver", "--locked", "--version", "^2"])
        // Its own target dir: the workspace's would lock it against our own builds.
        .env_remove("CARGO_TARGET_DIR"))?;
    Ok(())
}

fn npm_ci(ctx: &Ctx) -> StepResult {
    Ok(run(&mut ctx.npm(&["ci", "--no-audit", "--no-fund"]))?)
}

fn ui_build(ctx: &Ctx) -> StepResult {
    // Built beside ui/dist and swapped in only when something changed: tauri-build re-embeds
    // (and the release build relinks, minutes on two cores) whenever ui/dist's files are touched.
    let staging = ctx.ui.join(".dist-staging");
    let dist = ctx.ui.join("dist");
    run(&mut ctx.npm(&[
        "run",
        "build",
        "--",
        "--outDir",
        ".dist-staging",
        "--emptyOutDir",
    ]))?;
    let unchanged = same_tree(&staging, &dist).map_err(|e| format!("comparing UI builds: {e}"))?;
    let swap = || -> std::io::Result<()> {
        if unchanged {
            std::fs::remove_dir_all(&staging)
        } else {
            if dist.exists() {
                std::fs::remove_dir_all(&dist)?;
            }
            std::fs::rename(&staging, &dist)
        }
    };
    swap().map_err(|e| format!("replacing {}: {e}", dist.display()))?;
    println!(
        "    ui/dist {}",
        if unchanged { "unchanged" } else { "updated" }
    );
    Ok(())
}

/// Whether two directories hold the same files with the same bytes.
fn same_tree(a: &Path, b: &Path) -> std::io::Result<bool> {
    fn files(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                files(root, &path, out)?;
            } else {
                out.push(path.strip_prefix(root).expect("below root").to_path_buf());
            }
        }
        Ok(())
    }
    if !b.is_dir() {
        return Ok(false);
    }
    let (mut left, mut right) = (Vec::new(), Vec::new());
    files(a, a, &mut left)?;
    files(b, b, &mut right)?;
    left.sort();
    right.sort();
    if left != right {
        return Ok(false);
    }
    for file in &left {
        if std::fs::read(a.join(file))? != std::fs::read(b.join(file))? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn fmt_check(ctx: &Ctx) -> StepResult {
    Ok(run(&mut ctx.cargo(&["fmt", "--all", "--check"]))?)
}

fn clippy(ctx: &Ctx) -> StepResult {
    Ok(run(&mut ctx.cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?)
}

/// The end-to-end crate needs the release app and a display; it has its own step.
const TEST_ARGS: &[&str] = &[
    "test",
    "--workspace",
    "--exclude",
    "redaksi-e2e",
    // Every crate's tests run even when one fails, so one run reports all failures.
    "--no-fail-fast",
];

fn cargo_test(ctx: &Ctx) -> StepResult {
    if !cfg!(target_os = "linux") {
        return Ok(run(&mut ctx.cargo(TEST_ARGS))?);
    }
    // Credentials are tested in the real Secret Service, which needs a session bus and an
    // unlocked keyring; the publishing tests start the loopback WordPress themselves.
    let mut command = Command::new(ctx.root.join("tests/keyring/session.sh"));
    command
        .arg(&ctx.cargo)
        .args(TEST_ARGS)
        .current_dir(&ctx.root);
    let tests = run(&mut command);
    let wordpress = run(Command::new(ctx.root.join("tests/wordpress/wp.sh"))
        .arg("stop")
        .current_dir(&ctx.root));
    // The Rank Math tests start their own instance (tests/wordpress/README.md).
    let rank_math = redaksi_test_wordpress::run_rank_math(&["stop"]);
    tests?;
    wordpress?;
    rank_math?;
    Ok(())
}

fn vitest(ctx: &Ctx) -> StepResult {
    Ok(run(&mut ctx.npm(&["test"]))?)
}

fn ui_type_check(ctx: &Ctx) -> StepResult {
    Ok(run(&mut ctx.npm(&["run", "check"]))?)
}

fn release_build(ctx: &Ctx) -> StepResult {
    run(&mut ctx.cargo(&["build", "--release", "-p", "redaksi-desktop"]))?;
    let binary = ctx.release_binary();
    let size = std::fs::metadata(&binary)
        .map_err(|e| format!("{} was not built: {e}", binary.display()))?
        .len();
    println!(
        "    {} is {:.1} MiB",
        binary.display(),
        size as f64 / (1024.0 * 1024.0)
    );
    Ok(())
}

/// One test at a time (each starts a real app), with their output shown: they print the
/// screenshots they saved and the start-up time and memory they measured.
const E2E_ARGS: &[&str] = &[
    "test",
    "-p",
    "redaksi-e2e",
    "--",
    "--nocapture",
    "--test-threads=1",
];

fn end_to_end(ctx: &Ctx) -> StepResult {
    if cfg!(target_os = "macos") {
        return Err(Outcome::Skipped(
            "macOS has no WebDriver for its WKWebView".into(),
        ));
    }
    let driver = system::tauri_driver().ok_or("tauri-driver is not installed".to_string())?;
    let linux = cfg!(target_os = "linux");
    let mut command = if linux {
        // -a picks a free display number: the machine may run other X servers. The app keeps
        // CMS passwords in the OS keyring, so the window runs inside a keyring session too;
        // the publish flow starts the loopback WordPress itself.
        let mut command = Command::new("xvfb-run");
        command
            .arg("-a")
            .arg(ctx.root.join("tests/keyring/session.sh"))
            .arg(&ctx.cargo)
            .args(E2E_ARGS);
        command.current_dir(&ctx.root);
        command
    } else {
        ctx.cargo(E2E_ARGS)
    };
    command
        .env("REDAKSI_E2E_APP", ctx.release_binary())
        .env("TAURI_DRIVER", driver)
        .env("REDAKSI_TEST_OUTPUT", ctx.root.join("test-output"));
    let tests = run(&mut command);
    if linux {
        run(Command::new(ctx.root.join("tests/wordpress/wp.sh"))
            .arg("stop")
            .current_dir(&ctx.root))?;
    }
    Ok(tests?)
}

fn launch(ctx: &Ctx) -> StepResult {
    Ok(run(&mut ctx.cargo(&["run", "-p", "redaksi-desktop"]))?)
}

// --- commands ----------------------------------------------------------------------------------

fn run_steps() -> Vec<Step> {
    vec![
        setup("system packages", build_packages),
        setup("npm ci", npm_ci),
        setup("UI build", ui_build),
        setup("build and launch", launch),
    ]
}

fn test_steps() -> Vec<Step> {
    vec![
        setup("system packages", build_and_e2e_packages),
        setup("tauri-driver", tauri_driver),
        setup("npm ci", npm_ci),
        setup("UI build", ui_build),
        check("cargo fmt --check", fmt_check),
        check("cargo clippy", clippy),
        check("cargo test", cargo_test),
        check("vitest", vitest),
        check("UI type check", ui_type_check),
        setup("release build", release_build),
        check("end-to-end (real window)", end_to_end),
    ]
}

fn execute(steps: Vec<Step>) -> ExitCode {
    let ctx = Ctx::new();
    let started = Instant::now();
    let mut report: Vec<(&str, Duration, Option<Outcome>)> = Vec::new();
    let mut stopped = false;
    for step in &steps {
        if stopped {
            break;
        }
        println!("==> {}", step.name);
        let begin = Instant::now();
        let outcome = (step.run)(&ctx).err();
        if let Some(Outcome::Failed(message)) = &outcome {
            eprintln!("!!! {}: {message}", step.name);
            stopped = step.required;
        }
        report.push((step.name, begin.elapsed(), outcome));
    }

    println!("\n==> summary");
    let mut failed = 0;
    for (name, took, outcome) in &report {
        let status = match outcome {
            None => "ok".to_string(),
            Some(Outcome::Skipped(why)) => format!("skipped ({why})"),
            Some(Outcome::Failed(_)) => {
                failed += 1;
                "FAILED".to_string()
            }
        };
        println!("    {:<28} {:>8.1}s  {status}", name, took.as_secs_f64());
    }
    for step in steps.iter().skip(report.len()) {
        println!(
            "    {:<28} {:>8}   not run (a setup step failed)",
            step.name, "-"
        );
    }
    println!(
        "    {:<28} {:>8.1}s",
        "total",
        started.elapsed().as_secs_f64()
    );
    if failed == 0 && report.len() == steps.len() {
        ExitCode::SUCCESS
    } else {
        eprintln!("{failed} step(s) failed");
        ExitCode::FAILURE
    }
}

const USAGE: &str = "usage: cargo xtask <run | test | fuzz --minutes N>
  run   install missing system packages, build the UI and launch the app
  test  install what the tests need, then run every check and test in the project
  fuzz  a fuzz campaign of N minutes over the targets in fuzz/ (--target NAME for some only)";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(2).collect();
    match env::args().nth(1).as_deref() {
        Some("run") => execute(run_steps()),
        Some("test") => execute(test_steps()),
        Some("fuzz") => proof::fuzz_command(&args),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
