//! `redaksi score FILE --profile newsroom --json` as a process: the newsroom report validates
//! against schemas/score-report.schema.json, with the article's synonyms and mutes applied.

use std::process::Command;

const ARTICLE: &str = "---
title: Harga Beras Naik Dua Kali Lipat di Pasar Kosambi
slug: harga-beras-naik
lang: id
byline: Siti Rahma
keywords:
  - phrase: harga beras
    synonyms: [harga cabai]
muted_checks:
  - id: externalLinks
    reason: Berita dari data internal redaksi
---
BANDUNG, Redaksi — Harga cabai di Pasar Kosambi naik dua kali lipat sejak awal bulan.

Pedagang mengeluh. Pembeli berkurang.

Pedagang mengeluh. Pembeli berkurang.

Baca juga
";

#[test]
fn the_newsroom_json_report_follows_the_schema_with_mutes_and_synonyms() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("berita.md");
    std::fs::write(&path, ARTICLE).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_redaksi"))
        .args([
            "score",
            path.to_str().unwrap(),
            "--profile",
            "newsroom",
            "--json",
        ])
        .output()
        .expect("the redaksi binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");

    let schema_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../schemas/score-report.schema.json"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).expect("the schema exists"))
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    assert_eq!(report["profile"], "newsroom");
    let check = |id: &str| {
        report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("no check {id}"))
            .clone()
    };
    let muted = check("externalLinks");
    assert_eq!(muted["status"], "muted");
    assert_eq!(muted["mute_reason"], "Berita dari data internal redaksi");
    // "harga cabai" is a synonym of the keyphrase, so the lead has it.
    assert_eq!(check("keyphraseInLead")["status"], "pass");
    assert_eq!(check("dateline")["status"], "pass");
    assert_eq!(check("byline")["status"], "pass");
    let body = ARTICLE.split("---\n").nth(2).unwrap();
    let duplicate = check("duplicateContent");
    assert_eq!(duplicate["status"], "fail");
    let mark = &duplicate["marks"][0];
    let (start, end) = (
        mark["start"].as_u64().unwrap() as usize,
        mark["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&body[start..end], "Pedagang mengeluh. Pembeli berkurang.");
    assert!(
        start > body.find("Pedagang").unwrap(),
        "the second copy is marked"
    );
    assert_eq!(check("boilerplate")["status"], "fail");
}

#[test]
fn a_newsroom_can_score_with_its_own_rules_file_and_a_broken_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("berita.md");
    std::fs::write(&article, ARTICLE).unwrap();
    let shipped: serde_json::Value =
        serde_json::from_str(include_str!("../../seo/data/newsroom-rules.json")).unwrap();
    let mut own = shipped.clone();
    own["checks"]["boilerplate"]["enabled"] = serde_json::json!(false);
    let rules = dir.path().join("aturan.json");
    std::fs::write(&rules, own.to_string()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_redaksi"))
        .args([
            "score",
            article.to_str().unwrap(),
            "--json",
            "--rules",
            rules.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"boilerplate") && ids.contains(&"duplicateContent"));

    std::fs::write(&rules, "{\n  \"version\": 1,\n  \"checks\": {\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_redaksi"))
        .args([
            "score",
            article.to_str().unwrap(),
            "--rules",
            rules.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("aturan.json") && stderr.contains("line"),
        "{stderr}"
    );
}

/// A rules path that names a pipe (reading it would wait for ever) or a huge file is refused
/// with the reason, before anything is read.
#[test]
fn a_rules_file_that_is_a_pipe_or_huge_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("berita.md");
    std::fs::write(&article, ARTICLE).unwrap();
    let pipe = dir.path().join("aturan-pipa.json");
    let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success(), "mkfifo failed");
    let huge = dir.path().join("aturan-besar.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(redaksi_seo::newsroom::MAX_RULES_FILE_BYTES + 1)
        .unwrap();

    for (rules, reason) in [(&pipe, "not a regular file"), (&huge, "larger than")] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_redaksi"))
            .args(["score", article.to_str().unwrap(), "--rules"])
            .arg(rules)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(20) {
                child.kill().unwrap();
                panic!("redaksi score hung reading {}", rules.display());
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(reason), "{stderr}");
    }
}
