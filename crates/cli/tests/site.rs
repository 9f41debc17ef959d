//! `redaksi site audit` end to end: a real data directory, the OS keyring (run under
//! tests/keyring/session.sh) and the loopback WordPress with the real Rank Math
//! (`wp.sh rankmath`), on a small generated site: the audit, a dry run, the write-back, and
//! an audit that finds nothing left to change.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn redaksi(data: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redaksi"))
        .args(args)
        .env("REDAKSI_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "redaksi {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|err| panic!("not JSON ({err}): {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn site_audit_finds_the_missing_scores_writes_them_back_and_then_finds_none() {
    let site = redaksi_test_wordpress::start_rank_math()
        .unwrap_or_else(|e| panic!("the loopback WordPress with Rank Math is required: {e}"))
        .admin;
    let generator = redaksi_test_wordpress::script().with_file_name("generate-posts.php");
    let made = redaksi_test_wordpress::run_rank_math(&[
        "php",
        &generator.display().to_string(),
        "24",
        "200",
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(made.trim(), "24");
    let data = tempfile::tempdir().unwrap();
    let name = format!("audit-{}", std::process::id());
    redaksi(
        data.path(),
        &[
            "targets",
            "add",
            &name,
            "--kind",
            "wordpress",
            "--url",
            &site.url,
            "--user",
            &site.user,
            "--password-stdin",
            "--json",
        ],
        &format!("{}\n", site.password),
    );
    let audit = |extra: &[&str]| {
        let mut args = vec!["site", "audit", "--target", name.as_str(), "--json"];
        args.extend(extra);
        json(&redaksi(data.path(), &args, ""))
    };

    // Generated posts have no score: every one differs.
    let first = audit(&[]);
    assert_eq!(first["audit"]["posts"], 24, "{first}");
    assert_eq!(first["audit"]["stale"], 24);
    assert_eq!(first["audit"]["sources"]["score"]["rest"], 24);
    assert!(first["write_back"].is_null());
    let dry = audit(&["--write-back", "--dry-run"]);
    assert_eq!(dry["write_back"]["dry_run"], true);
    assert_eq!(dry["write_back"]["changed"].as_array().unwrap().len(), 24);
    assert_eq!(dry["audit"]["stale"], 24, "a dry run changes nothing");
    let written = audit(&["--write-back"]);
    let changed = written["write_back"]["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 24);
    assert!(changed.iter().all(|c| c["before"].is_null()), "{written}");

    // Read again in full: every stored score is the recomputed one.
    let again = audit(&["--full"]);
    assert_eq!(
        (
            again["audit"]["read"].as_u64(),
            again["audit"]["stale"].as_u64()
        ),
        (Some(24), Some(0))
    );

    // The text report says where each value came from.
    let text = redaksi(data.path(), &["site", "audit", "--target", &name], "");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("stored Rank Math score differs: 0"), "{text}");
    assert!(text.contains("score: rest 24"), "{text}");
}
