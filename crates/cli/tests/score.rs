//! `redaksi score` as a process: output, JSON, --min-score, stdin, and every input error.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn redaksi(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redaksi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the redaksi binary runs");
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const ARTICLE: &str = "---
title: Harga Beras Naik Lagi di Pasar Induk
slug: harga-beras-naik
description: Harga beras naik lagi pekan ini di pasar induk Jakarta.
keywords: [harga beras, stok]
lang: id
featured_image:
  src: beras.jpg
  alt: Pedagang menata karung harga beras
---
Harga beras di pasar induk naik lagi pekan ini, kata pedagang.

## Mengapa harga beras naik

Pasokan berkurang. Lihat [data BPS](https://www.bps.go.id/) dan [arsip](/arsip/beras). Stok aman.
";

fn article_file(dir: &tempfile::TempDir, name: &str, text: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn human_checklist_with_score_and_groups() {
    let dir = tempfile::tempdir().unwrap();
    let file = article_file(&dir, "a.md", ARTICLE.as_bytes());
    let out = redaksi(
        &[
            "score",
            &file,
            "--profile",
            "rankmath",
            "--site-url",
            "https://example.com",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Skor SEO (rankmath): "), "{text}");
    assert!(
        text.contains("SEO dasar") && text.contains("Keterbacaan isi"),
        "{text}"
    );
    assert!(
        text.contains("keywordInTitle") && text.contains("38/38"),
        "{text}"
    );
    let english = redaksi(
        &["score", &file, "--profile", "rankmath", "--lang", "en"],
        None,
    );
    assert!(
        stdout(&english).contains("Basic SEO"),
        "{}",
        stdout(&english)
    );
}

#[test]
fn json_report_matches_the_library_and_min_score_gates() {
    let dir = tempfile::tempdir().unwrap();
    let file = article_file(&dir, "a.md", ARTICLE.as_bytes());
    let args = [
        "score",
        file.as_str(),
        "--profile",
        "rankmath",
        "--site-url",
        "https://example.com",
        "--json",
    ];
    let out = redaksi(&args, None);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(report["profile"], "rankmath");
    assert_eq!(report["keyword"], "harga beras");
    assert_eq!(report["secondary"][0]["keyword"], "stok");
    let score = report["score"].as_u64().unwrap();
    let checks = report["checks"].as_array().unwrap();
    let permalink = checks
        .iter()
        .find(|c| c["id"] == "lengthPermalink")
        .unwrap();
    // https://example.com/harga-beras-naik is 36 characters.
    assert_eq!(permalink["message"]["args"]["length"], 36);
    assert_eq!(permalink["points"], 4);

    let at = score.to_string();
    let above = (score + 1).to_string();
    let pass = redaksi(&[&args[..], &["--min-score", &at]].concat(), None);
    assert_eq!(pass.status.code(), Some(0), "{}", stderr(&pass));
    let fail = redaksi(&[&args[..], &["--min-score", &above]].concat(), None);
    assert_eq!(fail.status.code(), Some(1));
    assert!(
        stderr(&fail).contains("below --min-score"),
        "{}",
        stderr(&fail)
    );
}

#[test]
fn reads_standard_input_and_defaults_to_newsroom() {
    let out = redaksi(&["score", "-", "--json"], Some(ARTICLE.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["profile"], "newsroom");
}

#[test]
fn input_errors_are_clear_and_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.md");
    let out = redaksi(&["score", missing.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read") && stderr(&out).contains("nope.md"),
        "{}",
        stderr(&out)
    );

    let broken = article_file(
        &dir,
        "broken.md",
        b"---\ntitle: ok\nkeywords: [a\n---\nbody\n",
    );
    let out = redaksi(&["score", &broken], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("broken.md") && stderr(&out).contains("line"),
        "{}",
        stderr(&out)
    );

    let latin1 = article_file(&dir, "latin1.md", b"---\ntitle: caf\xe9\n---\nx\n");
    let out = redaksi(&["score", &latin1], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("UTF-8") && stderr(&out).contains("line 2"),
        "{}",
        stderr(&out)
    );

    let dash = article_file(
        &dir,
        "dash.md",
        "---\ntitle: t\nkeywords: [\"\u{2014}\"]\n---\nx\n".as_bytes(),
    );
    let out = redaksi(&["score", &dash, "--profile", "rankmath"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("keyword 1") && stderr(&out).contains("no words"),
        "{}",
        stderr(&out)
    );

    let out = redaksi(&["score", "-", "--profile", "yoast"], Some(b""));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("yoast"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

/// The JSON Lines of a batch: each line's path and report (or error).
fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect()
}

#[test]
fn several_files_and_folders_print_one_json_line_per_file_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let first = article_file(&dir, "first.md", ARTICLE.as_bytes());
    let notes = dir.path().join("notes");
    std::fs::create_dir_all(notes.join("deeper")).unwrap();
    std::fs::create_dir_all(notes.join(".hidden")).unwrap();
    let english = ARTICLE.replace("lang: id", "lang: en");
    std::fs::write(notes.join("b.md"), &english).unwrap();
    std::fs::write(notes.join("deeper/a.markdown"), ARTICLE).unwrap();
    std::fs::write(notes.join("readme.txt"), "not an article").unwrap();
    std::fs::write(notes.join(".hidden/c.md"), ARTICLE).unwrap();
    let notes = notes.to_str().unwrap();

    let args = ["score", &first, notes, "--profile", "rankmath", "--json"];
    let out = redaksi(&args, None);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = json_lines(&out);
    let paths: Vec<&str> = lines.iter().map(|l| l["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            first.clone(),
            format!("{notes}/b.md"),
            format!("{notes}/deeper/a.markdown"),
        ]
    );
    // Each report is the one a single-file run prints.
    let single = redaksi(&["score", &first, "--profile", "rankmath", "--json"], None);
    let alone: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
    assert_eq!(lines[0]["report"], alone);
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../schemas/score-report.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for line in &lines {
        assert!(validator.is_valid(&line["report"]), "{}", line["path"]);
    }
    // The English article has the English-only sentiment check; the Indonesian ones do not.
    let has_sentiment = |line: &serde_json::Value| {
        line["report"]["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "titleSentiment" && c["status"] != "not_applicable")
    };
    assert!(has_sentiment(&lines[1]) && !has_sentiment(&lines[0]));
}

#[test]
fn a_batch_reports_a_bad_file_and_still_scores_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let good = article_file(&dir, "good.md", ARTICLE.as_bytes());
    let broken = article_file(&dir, "broken.md", b"---\ntitle: ok\nkeywords: [a\n---\nx\n");
    let missing = dir.path().join("missing.md");
    let missing = missing.to_str().unwrap();
    let out = redaksi(&["score", &broken, &good, missing, "--json"], None);
    assert_eq!(out.status.code(), Some(2), "an input error wins");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    assert!(lines[0]["error"].as_str().unwrap().contains("broken.md"));
    assert_eq!(lines[1]["report"]["profile"], "newsroom");
    assert!(lines[2]["error"].as_str().unwrap().contains("cannot read"));
    assert!(stderr(&out).contains("broken.md") && stderr(&out).contains("missing.md"));

    let human = redaksi(&["score", &good, &broken], None);
    assert_eq!(human.status.code(), Some(2));
    assert!(stdout(&human).contains(&format!("== {good}")));
    assert!(stdout(&human).contains("Skor SEO"));

    let below = redaksi(&["score", &good, &good, "--min-score", "100"], None);
    assert_eq!(below.status.code(), Some(1));
    assert_eq!(stderr(&below).matches("below --min-score").count(), 2);

    let stdin = redaksi(&["score", "-", &good], Some(ARTICLE.as_bytes()));
    assert_eq!(stdin.status.code(), Some(2));
    assert!(
        stderr(&stdin).contains("standard input"),
        "{}",
        stderr(&stdin)
    );
}

#[test]
fn a_folder_with_one_article_is_still_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    article_file(&dir, "only.md", ARTICLE.as_bytes());
    let out = redaksi(&["score", dir.path().to_str().unwrap(), "--json"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    assert!(lines[0]["path"].as_str().unwrap().ends_with("only.md"));
}

/// The CLI scores the title the site will show, as the app does: the title template with the
/// site's name filled in.
#[test]
fn the_title_scored_is_the_one_the_site_shows() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\ntitle: Banjir merendam Kampung Melayu\nkeywords: [koran kita]\nlang: id\n---\nAir naik sejak pagi.\n";
    let file = article_file(&dir, "a.md", text.as_bytes());
    let title_check = |extra: &[&str]| {
        let args = [
            &["score", file.as_str(), "--profile", "rankmath", "--json"],
            extra,
        ]
        .concat();
        let out = redaksi(&args, None);
        assert!(out.status.success(), "{}", stderr(&out));
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let checks = report["checks"].as_array().unwrap();
        let check = checks.iter().find(|c| c["id"] == "keywordInTitle").unwrap();
        check["status"].as_str().unwrap().to_owned()
    };
    assert_eq!(title_check(&[]), "fail");
    assert_eq!(
        title_check(&[
            "--site-name",
            "Koran Kita",
            "--title-template",
            "%title% - %sitename%"
        ]),
        "pass"
    );
}

/// The checklist a reporter reads in the terminal, whole, for both profiles and languages.
#[rstest::rstest]
#[case::rankmath_id("rankmath", "id")]
#[case::rankmath_en("rankmath", "en")]
#[case::newsroom_id("newsroom", "id")]
#[case::newsroom_en("newsroom", "en")]
fn the_human_checklist(#[case] profile: &str, #[case] lang: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = article_file(&dir, "a.md", ARTICLE.as_bytes());
    let out = redaksi(
        &[
            "score",
            &file,
            "--profile",
            profile,
            "--lang",
            lang,
            "--site-url",
            "https://example.com",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    insta::assert_snapshot!(format!("checklist_{profile}_{lang}"), stdout(&out));
}
