//! The `redaksi` binary end to end, on a real data directory.

use std::path::Path;
use std::process::{Command, Output};

fn redaksi(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redaksi"))
        .args(args)
        .env("REDAKSI_DATA_DIR", data)
        .output()
        .unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "not JSON ({err}): {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[test]
fn import_list_search_show_history_diff_restore_round() {
    let data = tempfile::tempdir().unwrap();
    let src = tempfile::tempdir().unwrap();
    std::fs::write(
        src.path().join("banjir.md"),
        "---\ntitle: Banjir Jakarta\ntags: [cuaca]\nstatus: in_review\n---\nHujan deras sejak pagi.\n",
    )
    .unwrap();
    std::fs::write(
        src.path().join("rusak.md"),
        "---\ntitle: ok\ntags: [a\n---\nx\n",
    )
    .unwrap();

    let out = redaksi(
        data.path(),
        &["import", src.path().to_str().unwrap(), "--json"],
    );
    assert!(
        !out.status.success(),
        "a failed file makes the exit code non-zero"
    );
    let report = json(&out);
    assert_eq!(report["imported"].as_array().unwrap().len(), 1);
    let failed = &report["failed"][0];
    assert!(failed["path"].as_str().unwrap().ends_with("rusak.md"));
    assert_eq!(failed["code"], "malformed_file");
    assert_eq!(failed["line"], 4);
    let id = report["imported"][0]["id"].as_str().unwrap().to_owned();

    let list = json(&redaksi(
        data.path(),
        &["list", "--status", "in_review", "--json"],
    ));
    assert_eq!(list[0]["id"], id.as_str());
    let empty = json(&redaksi(
        data.path(),
        &["list", "--tag", "politik", "--json"],
    ));
    assert_eq!(empty.as_array().unwrap().len(), 0);

    let hits = json(&redaksi(data.path(), &["search", "hujn", "--json"]));
    assert_eq!(
        hits.as_array().unwrap().len(),
        0,
        "no fuzzy matching, prefixes only"
    );
    let hits = json(&redaksi(data.path(), &["search", "huj", "--json"]));
    assert_eq!(hits[0]["article"]["id"], id.as_str());

    let show = redaksi(data.path(), &["show", &id]);
    let text = String::from_utf8(show.stdout).unwrap();
    assert!(
        text.starts_with("---\n") && text.contains("title: Banjir Jakarta"),
        "{text}"
    );

    // Edit by importing a changed file with the same id: an update, not a new article.
    let edited = text.replace("Hujan deras", "Hujan lebat");
    std::fs::write(src.path().join("rusak.md"), edited).unwrap();
    std::fs::remove_file(src.path().join("banjir.md")).unwrap();
    let out = redaksi(
        data.path(),
        &["import", src.path().to_str().unwrap(), "--json"],
    );
    assert!(out.status.success());
    assert_eq!(json(&out)["imported"][0]["created"], false);

    let history = json(&redaksi(data.path(), &["history", &id, "--json"]));
    let revisions = history.as_array().unwrap();
    assert_eq!(revisions.len(), 2);
    let first = revisions[1]["id"].as_i64().unwrap().to_string();
    let diff = json(&redaksi(
        data.path(),
        &["diff", &id, &first, "current", "--json"],
    ));
    let changes: Vec<_> = diff["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["op"] != "equal")
        .map(|c| (c["op"].as_str().unwrap(), c["text"].as_str().unwrap()))
        .collect();
    assert_eq!(changes, [("delete", "deras"), ("insert", "lebat")]);
    let human =
        String::from_utf8(redaksi(data.path(), &["diff", &id, &first, "current"]).stdout).unwrap();
    assert!(human.contains("[-deras-]{+lebat+}"), "{human}");

    let restored = json(&redaksi(data.path(), &["restore", &id, &first, "--json"]));
    assert_eq!(restored["body"], "Hujan deras sejak pagi.\n");
    let history = json(&redaksi(data.path(), &["history", &id, "--json"]));
    assert_eq!(
        history.as_array().unwrap().len(),
        4,
        "restore adds, never removes"
    );
}

#[test]
fn backup_list_and_restore_latest() {
    let data = tempfile::tempdir().unwrap();
    let src = tempfile::tempdir().unwrap();
    std::fs::write(src.path().join("a.md"), "---\ntitle: Satu\n---\nsatu\n").unwrap();
    redaksi(data.path(), &["import", src.path().to_str().unwrap()]);
    let taken = json(&redaksi(data.path(), &["backup", "--json"]));
    assert!(Path::new(taken["path"].as_str().unwrap()).is_file());
    std::fs::write(src.path().join("b.md"), "---\ntitle: Dua\n---\ndua\n").unwrap();
    std::fs::remove_file(src.path().join("a.md")).unwrap();
    redaksi(data.path(), &["import", src.path().to_str().unwrap()]);
    assert_eq!(
        json(&redaksi(data.path(), &["list", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let listed = json(&redaksi(data.path(), &["backup", "list", "--json"]));
    assert_eq!(listed[0]["name"], taken["name"]);
    let out = redaksi(data.path(), &["backup", "restore", "latest", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(Path::new(json(&out)["previous_database"].as_str().unwrap()).is_file());
    let list = json(&redaksi(data.path(), &["list", "--json"]));
    let titles: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].clone())
        .collect();
    assert_eq!(titles, ["Satu"]);
}

#[test]
fn errors_are_clear_and_exit_non_zero() {
    let data = tempfile::tempdir().unwrap();
    let missing = "5a0e8c36-9a1b-4c55-b2f4-3b1f0d7e1c11";
    let out = redaksi(data.path(), &["show", missing, "--json"]);
    assert!(!out.status.success());
    assert_eq!(json(&out)["error"]["code"], "not_found");
    assert!(String::from_utf8_lossy(&out.stderr).contains(missing));

    let out = redaksi(data.path(), &["show", "not-a-uuid"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not-a-uuid"));

    // A database from a newer Redaksi is refused with the reason.
    redaksi(data.path(), &["list"]);
    let db = data.path().join("redaksi.db");
    let bytes = std::fs::read(&db).unwrap();
    let mut newer = bytes.clone();
    // user_version lives at byte offset 60 of the header, big-endian.
    newer[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(&db, &newer).unwrap();
    let out = redaksi(data.path(), &["list", "--json"]);
    assert!(!out.status.success());
    assert_eq!(json(&out)["error"]["code"], "newer_database");

    let garbage = tempfile::tempdir().unwrap();
    std::fs::write(
        garbage.path().join("redaksi.db"),
        b"not a database at all, but long enough to look like one".repeat(100),
    )
    .unwrap();
    let out = redaksi(garbage.path(), &["list", "--json"]);
    assert_eq!(json(&out)["error"]["code"], "corrupt");
}

/// The CLI finds a data folder moved from the app's Settings. Linux only: there the config and
/// data folders follow `XDG_CONFIG_HOME`/`XDG_DATA_HOME`, so the test never reads the real
/// home; other OSes ask the system for them.
#[cfg(target_os = "linux")]
#[test]
fn a_data_folder_moved_in_settings_is_followed() {
    let home = tempfile::tempdir().unwrap();
    let moved = home.path().join("arsip").join("redaksi");
    let src = tempfile::tempdir().unwrap();
    std::fs::write(
        src.path().join("rapat.md"),
        "---\ntitle: Rapat redaksi\n---\nPukul sembilan.\n",
    )
    .unwrap();
    let out = redaksi(&moved, &["import", src.path().to_str().unwrap(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let config = home.path().join("config").join("redaksi");
    std::fs::create_dir_all(&config).unwrap();
    let location = config.join("data-location");

    let without_env = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_redaksi"))
            .args(args)
            .env_remove("REDAKSI_DATA_DIR")
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .output()
            .unwrap()
    };
    let empty = json(&without_env(&["list", "--json"]));
    assert_eq!(
        empty.as_array().unwrap().len(),
        0,
        "the default folder is empty"
    );

    std::fs::write(&location, format!("{}\n", moved.display())).unwrap();
    let list = json(&without_env(&["list", "--json"]));
    assert_eq!(list[0]["title"], "Rapat redaksi");

    std::fs::write(&location, "arsip/redaksi\n").unwrap();
    let out = without_env(&["list", "--json"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("data-location"), "{stderr}");
    assert!(stderr.contains("not an absolute path"), "{stderr}");
}

/// The review commands on a folder that never pulled anything: an empty list, a clear
/// not-found for a post, and a submit that waits in the outbox for a site that exists.
#[test]
fn review_commands_answer_offline_and_submit_queues_a_pending_post() {
    let data = tempfile::tempdir().unwrap();
    let out = redaksi(data.path(), &["review", "list", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out), serde_json::json!([]));

    let out = redaksi(
        data.path(),
        &["review", "show", "12", "--target", "situs", "--json"],
    );
    assert!(!out.status.success());
    assert_eq!(json(&out)["error"]["code"], "not_found");

    let mut store = redaksi_store::Store::open(data.path()).unwrap();
    store
        .put_target(&redaksi_store::outbox::Target {
            name: "situs".into(),
            kind: "wordpress".into(),
            url: "http://127.0.0.1:9".into(),
            username: Some("rina".into()),
        })
        .unwrap();
    let id = store
        .create_article("Banjir", "Isi.")
        .unwrap()
        .id
        .to_string();
    drop(store);
    let out = redaksi(data.path(), &["submit", &id, "--target", "situs", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let item = json(&out);
    assert_eq!(item["remote_status"], "pending");
    assert_eq!(item["state"], "queued");
}
