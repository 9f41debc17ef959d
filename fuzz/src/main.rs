//! `redaksi-fuzz`: the fuzz targets on stable Rust. Replays the corpus, runs generated inputs,
//! times each against its size, and exits non-zero on a panic or a superlinear input. Inputs
//! that fail are written to the findings folder, to be replayed with `--replay FILE`.
//!
//! ```text
//! redaksi-fuzz [--target NAME]… [--inputs N] [--seconds S] [--seed N]
//!              [--corpus DIR]… [--findings DIR] [--replay FILE]
//! ```
//!
//! `--corpus` folders hold one folder per target (`fuzz/corpus/<target>/`, the default);
//! `--inputs` generated inputs per target (default 2,000), or as many as `--seconds` allow.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use redaksi_fuzz::generate::Generator;
use redaksi_fuzz::targets::{self, Target};
use redaksi_fuzz::timing::{self, BUDGET_FACTOR, Costs};

struct Options {
    targets: Vec<&'static Target>,
    inputs: u64,
    seconds: Option<u64>,
    seed: u64,
    corpora: Vec<PathBuf>,
    findings: PathBuf,
    replay: Option<PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        targets: Vec::new(),
        inputs: 2_000,
        seconds: None,
        seed: 1,
        corpora: Vec::new(),
        findings: PathBuf::from("fuzz-findings"),
        replay: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        let number = |text: String| {
            text.parse::<u64>()
                .map_err(|_| format!("{flag} takes a number, not {text:?}"))
        };
        match flag.as_str() {
            "--target" => {
                let name = value()?;
                options
                    .targets
                    .push(targets::by_name(&name).ok_or(format!("no target {name:?}"))?);
            }
            "--inputs" => options.inputs = number(value()?)?,
            "--seconds" => options.seconds = Some(number(value()?)?),
            "--seed" => options.seed = number(value()?)?,
            "--corpus" => options.corpora.push(value()?.into()),
            "--findings" => options.findings = value()?.into(),
            "--replay" => options.replay = Some(value()?.into()),
            _ => return Err(format!("unknown argument {flag:?}")),
        }
    }
    if options.targets.is_empty() {
        options.targets = targets::ALL.iter().collect();
    }
    if options.corpora.is_empty() {
        options
            .corpora
            .push(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"));
    }
    Ok(options)
}

/// The files of every `<corpus>/<target>/` folder; a missing folder is an error, not nothing.
fn corpus(options: &Options, target: &Target) -> Result<Vec<Vec<u8>>, String> {
    let mut inputs = Vec::new();
    for root in &options.corpora {
        let dir = root.join(target.name);
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut paths: Vec<PathBuf> = entries
            .map(|entry| entry.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        paths.sort();
        for path in paths.iter().filter(|p| p.is_file()) {
            inputs.push(std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?);
        }
    }
    Ok(inputs)
}

/// What one target's run found.
#[derive(Default)]
struct Findings {
    panics: Vec<PathBuf>,
    superlinear: Vec<PathBuf>,
}

fn keep(options: &Options, target: &Target, kind: &str, input: &[u8]) -> PathBuf {
    // FNV-1a: a stable name, so the same input found twice is one file.
    let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let path = options
        .findings
        .join(format!("{}-{kind}-{hash:016x}", target.name));
    if let Err(err) =
        std::fs::create_dir_all(&options.findings).and_then(|()| std::fs::write(&path, input))
    {
        eprintln!("could not keep {}: {err}", path.display());
    }
    path
}

/// Runs one input, timing it; `None` when it panicked.
fn run_one(target: &Target, input: &[u8]) -> Option<u64> {
    let start = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| (target.run)(input)));
    outcome.ok().map(|()| start.elapsed().as_nanos() as u64)
}

fn fuzz(options: &Options, target: &'static Target) -> Result<Findings, String> {
    let seeds = corpus(options, target)?;
    let mut findings = Findings::default();
    let mut costs = Costs::default();
    let mut take = |input: &[u8], findings: &mut Findings| match run_one(target, input) {
        Some(nanos) => costs.record(input, nanos),
        None => findings.panics.push(keep(options, target, "panic", input)),
    };
    for input in &seeds {
        take(input, &mut findings);
    }
    let mut generator = Generator::new(options.seed, seeds.clone());
    let deadline = options
        .seconds
        .map(|s| Instant::now() + Duration::from_secs(s));
    let mut generated = 0u64;
    loop {
        let done = match deadline {
            Some(deadline) => Instant::now() >= deadline,
            None => generated >= options.inputs,
        };
        if done {
            break;
        }
        take(&generator.next_input(), &mut findings);
        generated += 1;
    }

    let model = costs.model();
    println!(
        "{}: {} corpus + {generated} generated inputs (seed {}), {} panics; typical cost {:.1} µs + {:.2} ns/byte",
        target.name,
        seeds.len(),
        options.seed,
        findings.panics.len(),
        model.fixed / 1e3,
        model.per_byte
    );
    for costly in costs.costliest() {
        let len = costly.input.len();
        let again = timing::time(target.run, &costly.input, 3);
        let over = again as f64 / model.expected(len);
        let growth = catch_unwind(AssertUnwindSafe(|| {
            timing::growth(target.run, &costly.input)
        }));
        let Ok(growth) = growth else {
            println!("    {len} bytes: panics when repeated");
            findings
                .panics
                .push(keep(options, target, "panic-repeated", &costly.input));
            continue;
        };
        let verdict = if growth.superlinear() {
            let path = keep(options, target, "superlinear", &costly.input);
            findings.superlinear.push(path.clone());
            format!("SUPERLINEAR, kept as {}", path.display())
        } else if over > BUDGET_FACTOR {
            "flagged: far above the typical cost, but linear".to_owned()
        } else {
            "ok".to_owned()
        };
        println!(
            "    {len:>6} bytes: {:>9.1} µs ({over:>5.1}× typical); ×4 size: {} → {} bytes cost ×{:.1}  {verdict}",
            again as f64 / 1e3,
            growth.small_len,
            growth.large_len,
            growth.factor(),
        );
    }
    Ok(findings)
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(err) => {
            eprintln!("redaksi-fuzz: {err}");
            return ExitCode::from(2);
        }
    };
    if let Some(file) = &options.replay {
        let input = match std::fs::read(file) {
            Ok(input) => input,
            Err(err) => {
                eprintln!("redaksi-fuzz: {}: {err}", file.display());
                return ExitCode::from(2);
            }
        };
        for target in &options.targets {
            let nanos = timing::time(target.run, &input, 1);
            println!(
                "{}: {} bytes in {:.1} µs",
                target.name,
                input.len(),
                nanos as f64 / 1e3
            );
        }
        return ExitCode::SUCCESS;
    }
    let mut failed = false;
    for target in &options.targets {
        match fuzz(&options, target) {
            Ok(findings) => {
                failed |= !findings.panics.is_empty() || !findings.superlinear.is_empty();
            }
            Err(err) => {
                eprintln!("redaksi-fuzz: {}: {err}", target.name);
                failed = true;
            }
        }
    }
    if failed {
        eprintln!(
            "redaksi-fuzz: findings kept in {}; replay one with --target NAME --replay FILE",
            options.findings.display()
        );
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
