//! `redaksi score`: the SEO engine on a Markdown file, for reporters and for Git workflows
//! (`--min-score` fails the command below a threshold), on one file or a whole archive at once.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Subcommand};
use rayon::prelude::*;
use redaksi_article::{Article, Band, Lang, front_matter};
use redaksi_desk::score::Site;
use redaksi_seo::newsroom::Newsroom;
use redaksi_seo::{Check, Group, ProfileId, Report, Status, messages};

#[derive(Subcommand)]
pub enum Command {
    /// Score an article (Markdown with YAML front matter) with an SEO profile.
    Score(ScoreArgs),
}

#[derive(Args)]
pub struct ScoreArgs {
    /// Article files (Markdown with YAML front matter) and folders of them (every `.md` file
    /// inside, recursively); `-` reads standard input. With several files or a folder, every
    /// file is scored in this one process on all cores, and `--json` prints JSON Lines.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The scoring profile: `newsroom` (ours) or `rankmath` (the number WordPress's Rank Math shows).
    #[arg(long, default_value = "newsroom")]
    profile: ProfileId,
    /// The site's home URL: decides which links are internal, and the URL when the front matter
    /// has none (`{site-url}/{slug}`).
    #[arg(long, value_name = "URL")]
    site_url: Option<String>,
    /// The site's name, for `%sitename%` in the title template and in an SEO title.
    #[arg(long, value_name = "NAME", default_value = "")]
    site_name: String,
    /// The site's title template (e.g. `%title% - %sitename%`), used when an article has no
    /// SEO title of its own: the title scored is the one the site will show, as in the app.
    #[arg(long, value_name = "TEMPLATE", default_value = "")]
    title_template: String,
    /// Print the report as JSON (schemas/score-report.schema.json). For several files, one line
    /// per file: `{"path": …, "report": …}`, or `{"path": …, "error": …}` for a file that
    /// cannot be scored.
    #[arg(long)]
    json: bool,
    /// Exit with status 1 when the score (of any file) is below N (0–100).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    min_score: Option<u8>,
    /// Language of the checklist's messages (default: the article's `lang`).
    #[arg(long)]
    lang: Option<Lang>,
    /// A newsroom's own scoring rules (JSON, schemas/seo-rules.schema.json) for the `newsroom`
    /// profile, instead of the shipped ones.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
}

/// Exit status for a problem with the input (distinct from 1, "below --min-score").
const INPUT_ERROR: u8 = 2;

pub fn run(command: Command) -> ExitCode {
    let Command::Score(args) = command;
    match score(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("redaksi score: {message}");
            ExitCode::from(INPUT_ERROR)
        }
    }
}

/// One scored file: its report and the language its front matter declares.
struct Scored {
    report: Report,
    lang: Option<Lang>,
}

fn score(args: &ScoreArgs) -> Result<ExitCode, String> {
    let rules = own_rules(args)?.map(Arc::new);
    let site = Site {
        url: args.site_url.clone().unwrap_or_default(),
        name: args.site_name.clone(),
        title_template: args.title_template.clone(),
    };
    let score_one =
        |name: &str, bytes: &[u8]| score_bytes(name, bytes, &site, args.profile, rules.clone());
    if let [single] = args.files.as_slice()
        && (single.as_os_str() == "-" || !single.is_dir())
    {
        let (name, bytes) = if single.as_os_str() == "-" {
            ("<stdin>".to_owned(), read_stdin()?)
        } else {
            (single.display().to_string(), read_file(single)?)
        };
        let scored = score_one(&name, &bytes)?;
        return print_one(args, &name, &scored);
    }
    let paths = batch_paths(&args.files)?;
    let results: Vec<Result<Scored, String>> = paths
        .par_iter()
        .map(|path| {
            let name = path.display().to_string();
            score_one(&name, &read_file(path)?)
        })
        .collect();
    print_batch(args, &paths, &results)
}

/// Reads `--rules` once for every file.
fn own_rules(args: &ScoreArgs) -> Result<Option<Newsroom>, String> {
    match &args.rules {
        None => Ok(None),
        Some(_) if args.profile != ProfileId::Newsroom => {
            Err("--rules applies to the newsroom profile only".to_owned())
        }
        Some(path) => {
            let text = redaksi_seo::newsroom::read_rules_file(path)
                .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
            Newsroom::from_rules_json(&text)
                .map(Some)
                .map_err(|err| format!("{}: {err}", path.display()))
        }
    }
}

/// Scores one file the way the app scores the open article (crates/desk's `score`).
fn score_bytes(
    name: &str,
    bytes: &[u8],
    site: &Site,
    profile: ProfileId,
    rules: Option<Arc<Newsroom>>,
) -> Result<Scored, String> {
    // The clock only stamps an article without dates; scoring never looks at it.
    let article = front_matter::parse_bytes(bytes, chrono::Utc::now())
        .map_err(|err| format!("{name}: {err}"))?;
    check_keywords(&article, name)?;
    let scored = redaksi_desk::score::score(&article, profile, site, rules)
        .map_err(|err| format!("{name}: {}", err.message))?;
    Ok(Scored {
        report: scored.report,
        lang: article.meta.lang,
    })
}

fn print_one(args: &ScoreArgs, name: &str, scored: &Scored) -> Result<ExitCode, String> {
    if args.json {
        let json = serde_json::to_string_pretty(&scored.report)
            .map_err(|err| format!("cannot write the report as JSON: {err}"))?;
        println!("{json}");
    } else {
        print!(
            "{}",
            checklist(&scored.report, checklist_lang(args, scored))
        );
    }
    Ok(if below_min_score(args, name, &scored.report) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Every file's result in the order of `paths`; a file that cannot be scored is reported and
/// the others still are.
fn print_batch(
    args: &ScoreArgs,
    paths: &[PathBuf],
    results: &[Result<Scored, String>],
) -> Result<ExitCode, String> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut failed, mut below) = (false, false);
    for (path, result) in paths.iter().zip(results) {
        let name = path.display().to_string();
        let written = match result {
            Ok(scored) => {
                below |= below_min_score(args, &name, &scored.report);
                if args.json {
                    let line = serde_json::json!({ "path": name, "report": scored.report });
                    writeln!(out, "{line}")
                } else {
                    let list = checklist(&scored.report, checklist_lang(args, scored));
                    writeln!(out, "== {name}\n{list}")
                }
            }
            Err(message) => {
                failed = true;
                eprintln!("redaksi score: {message}");
                if args.json {
                    writeln!(
                        out,
                        "{}",
                        serde_json::json!({ "path": name, "error": message })
                    )
                } else {
                    Ok(())
                }
            }
        };
        written.map_err(|err| format!("cannot write the reports: {err}"))?;
    }
    out.flush()
        .map_err(|err| format!("cannot write the reports: {err}"))?;
    Ok(if failed {
        ExitCode::from(INPUT_ERROR)
    } else if below {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn checklist_lang(args: &ScoreArgs, scored: &Scored) -> Lang {
    args.lang.or(scored.lang).unwrap_or(Lang::Id)
}

fn below_min_score(args: &ScoreArgs, name: &str, report: &Report) -> bool {
    match args.min_score {
        Some(min) if report.score < min => {
            eprintln!(
                "redaksi score: {name}: score {} is below --min-score {min}",
                report.score
            );
            true
        }
        _ => false,
    }
}

/// The files of a batch in order: each file argument as given, each folder's Markdown files
/// (`.md`, `.markdown`) sorted by path, hidden entries skipped, symlinked folders not followed.
fn batch_paths(args: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut paths = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            return Err("`-` (standard input) cannot be scored together with other files".into());
        }
        if arg.is_dir() {
            markdown_files(arg, &mut paths)?;
        } else {
            paths.push(arg.clone());
        }
    }
    Ok(paths)
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|err| format!("cannot read {}: {err}", dir.display()))?;
    let mut children: Vec<(PathBuf, std::fs::FileType)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|err| format!("cannot read {}: {err}", dir.display()))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry
            .file_type()
            .map_err(|err| format!("cannot read {}: {err}", entry.path().display()))?;
        children.push((entry.path(), kind));
    }
    children.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in children {
        if kind.is_dir() {
            markdown_files(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|ext| ext == "md" || ext == "markdown")
            && path.is_file()
        {
            out.push(path);
        }
    }
    Ok(())
}

fn read_stdin() -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|err| format!("cannot read standard input: {err}"))?;
    Ok(bytes)
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

/// Refuses keywords that have no words (e.g. "—"), which no profile can score.
fn check_keywords(article: &Article, name: &str) -> Result<(), String> {
    for (i, keyword) in article.meta.keywords.iter().enumerate() {
        if !redaksi_seo::rankmath::usable_keyword(&keyword.phrase) {
            return Err(format!(
                "{name}: keyword {} ({:?}) has no words; use letters or digits, or remove it from `keywords`",
                i + 1,
                keyword.phrase
            ));
        }
    }
    Ok(())
}

fn group_title(group: Group, lang: Lang) -> &'static str {
    match (group, lang) {
        (Group::BasicSeo, Lang::Id) => "SEO dasar",
        (Group::BasicSeo, Lang::En) => "Basic SEO",
        (Group::Additional, Lang::Id) => "Tambahan",
        (Group::Additional, Lang::En) => "Additional",
        (Group::TitleReadability, Lang::Id) => "Keterbacaan judul",
        (Group::TitleReadability, Lang::En) => "Title readability",
        (Group::ContentReadability, Lang::Id) => "Keterbacaan isi",
        (Group::ContentReadability, Lang::En) => "Content readability",
        (Group::Language, Lang::Id) => "Bahasa",
        (Group::Language, Lang::En) => "Language",
        (Group::News, Lang::Id) => "Berita",
        (Group::News, Lang::En) => "News",
    }
}

fn band_label(report: &Report, lang: Lang) -> &'static str {
    match (report.band, lang) {
        (Band::Good, Lang::Id) => "baik",
        (Band::Good, Lang::En) => "good",
        (Band::Ok, Lang::Id) => "cukup",
        (Band::Ok, Lang::En) => "ok",
        (Band::Bad, Lang::Id) => "buruk",
        (Band::Bad, Lang::En) => "bad",
    }
}

fn symbol(check: &Check) -> &'static str {
    match check.status {
        Status::Pass => "✓",
        Status::Warning => "~",
        Status::Fail => "✗",
        Status::NotApplicable => "-",
        Status::Muted => "○",
    }
}

/// The human checklist: score and band, then the checks group by group.
fn checklist(report: &Report, lang: Lang) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let en = lang == Lang::En;
    let _ = writeln!(
        out,
        "{} ({}): {}/100 — {}",
        if en { "SEO score" } else { "Skor SEO" },
        report.profile,
        report.score,
        band_label(report, lang)
    );
    let keyword = report
        .keyword
        .as_deref()
        .unwrap_or(if en { "(none)" } else { "(belum ada)" });
    let _ = writeln!(
        out,
        "{}: {keyword}",
        if en {
            "Focus keyword"
        } else {
            "Kata kunci utama"
        }
    );
    for secondary in &report.secondary {
        let _ = writeln!(
            out,
            "  {} {}: {}/100",
            if en {
                "secondary"
            } else {
                "kata kunci tambahan"
            },
            secondary.keyword,
            secondary.score
        );
    }
    let stats = &report.stats;
    let _ = writeln!(
        out,
        "{} {} · {} {} · {} {} {}",
        stats.words,
        if en { "words" } else { "kata" },
        stats.paragraphs,
        if en { "paragraphs" } else { "paragraf" },
        if en { "reading time" } else { "waktu baca" },
        stats.reading_minutes,
        if en { "min" } else { "menit" },
    );
    for issue in &report.issues {
        let _ = writeln!(
            out,
            "! {}: {}",
            issue.field,
            messages::text(&issue.message, lang)
        );
    }
    let mut groups: Vec<Group> = report.checks.iter().map(|c| c.group).collect();
    groups.dedup();
    let mut shown: Vec<Group> = Vec::new();
    for group in groups {
        if shown.contains(&group) {
            continue;
        }
        shown.push(group);
        let _ = writeln!(out, "\n{}", group_title(group, lang));
        for check in report.checks.iter().filter(|c| c.group == group) {
            let mut line = format!(
                "  {} {:<28} {:>3}/{:<3} {}",
                symbol(check),
                check.id,
                check.points,
                check.max,
                messages::text(&check.message, lang)
            );
            if let Some(reason) = &check.mute_reason {
                let _ = write!(
                    line,
                    " ({}: {reason})",
                    if en { "muted" } else { "dibisukan" }
                );
            }
            let _ = writeln!(out, "{line}");
        }
    }
    out
}
