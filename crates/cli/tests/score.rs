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
