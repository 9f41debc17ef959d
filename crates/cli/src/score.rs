//! `redaksi score`: the SEO engine on a Markdown file, for reporters and for Git workflows
//! (`--min-score` fails the command below a threshold).

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use redaksi_article::{Article, Lang, front_matter};
use redaksi_seo::{AnalysisRequest, Check, Group, ProfileId, Report, Status, analyze, messages};

#[derive(Subcommand)]
pub enum Command {
    /// Score an article (Markdown with YAML front matter) with an SEO profile.
    Score(ScoreArgs),
}

#[derive(Args)]
pub struct ScoreArgs {
    /// The article file; `-` reads standard input.
    file: PathBuf,
    /// The scoring profile: `newsroom` (ours) or `rankmath` (the number WordPress's Rank Math shows).
    #[arg(long, default_value = "newsroom")]
    profile: ProfileId,
    /// The site's home URL: decides which links are internal, and the URL when the front matter
    /// has none (`{site-url}/{slug}`).
    #[arg(long, value_name = "URL")]
    site_url: Option<String>,
    /// Print the report as JSON (schemas/score-report.schema.json).
    #[arg(long)]
    json: bool,
    /// Exit with status 1 when the score is below N (0–100).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    min_score: Option<u8>,
    /// Language of the checklist's messages (default: the article's `lang`).
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// A newsroom's own scoring rules (JSON, schemas/seo-rules.schema.json) for the `newsroom`
    /// profile, instead of the shipped ones.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "id" => Ok(Lang::Id),
        "en" => Ok(Lang::En),
        _ => Err(format!("unknown language `{s}` (use id or en)")),
    }
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

fn score(args: &ScoreArgs) -> Result<ExitCode, String> {
    let name = if args.file.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        args.file.display().to_string()
    };
    let bytes = read(args)?;
    // The clock only stamps an article without dates; scoring never looks at it.
    let article = front_matter::parse_bytes(&bytes, chrono::Utc::now())
        .map_err(|err| format!("{name}: {err}"))?;
    check_keywords(&article, &name)?;
    let site_url = args.site_url.as_deref().unwrap_or("");
    let mut request = AnalysisRequest::from_article(&article, site_url);
    if site_url.is_empty() && article.meta.url.is_none() {
        // Without a site there is no full URL to judge; `{site-url}/{slug}` needs --site-url.
        request.url.clear();
    }
    let profile = args.profile.profile().ok_or_else(|| {
        format!(
            "the `{}` profile is not built into this version of redaksi",
            args.profile
        )
    })?;
    let own_rules = match &args.rules {
        None => None,
        Some(_) if args.profile != ProfileId::Newsroom => {
            return Err("--rules applies to the newsroom profile only".to_owned());
        }
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
            let rules = redaksi_seo::newsroom::Newsroom::from_rules_json(&text)
                .map_err(|err| format!("{}: {err}", path.display()))?;
            Some(rules)
        }
    };
    let profile = match &own_rules {
        Some(newsroom) => newsroom,
        None => profile,
    };
    let report = analyze(&request, profile);
    if args.json {
        let json = serde_json::to_string_pretty(&report)
            .map_err(|err| format!("cannot write the report as JSON: {err}"))?;
        println!("{json}");
    } else {
        let lang = args.lang.or(article.meta.lang).unwrap_or(Lang::Id);
        print!("{}", checklist(&report, lang));
    }
    Ok(match args.min_score {
        Some(min) if report.score < min => {
            eprintln!(
                "redaksi score: {name}: score {} is below --min-score {min}",
                report.score
            );
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    })
}

fn read(args: &ScoreArgs) -> Result<Vec<u8>, String> {
    if args.file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|err| format!("cannot read standard input: {err}"))?;
        return Ok(bytes);
    }
    std::fs::read(&args.file).map_err(|err| format!("cannot read {}: {err}", args.file.display()))
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
        (redaksi_seo::Band::Good, Lang::Id) => "baik",
        (redaksi_seo::Band::Good, Lang::En) => "good",
        (redaksi_seo::Band::Ok, Lang::Id) => "cukup",
        (redaksi_seo::Band::Ok, Lang::En) => "ok",
        (redaksi_seo::Band::Bad, Lang::Id) => "buruk",
        (redaksi_seo::Band::Bad, Lang::En) => "bad",
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
