//! `redaksi targets | publish | export | outbox` end to end: a real data directory, the OS
//! keyring (run under tests/keyring/session.sh) and the loopback WordPress
//! (tests/wordpress/wp.sh, started here; idempotent).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn redaksi(data: &Path, args: &[&str], stdin: Option<&str>) -> Output {
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
        .write_all(stdin.unwrap_or("").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
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

fn import(data: &Path, text: &str) -> String {
    let src = tempfile::tempdir().unwrap();
    std::fs::write(src.path().join("a.md"), text).unwrap();
    let out = redaksi(
        data,
        &["import", src.path().to_str().unwrap(), "--json"],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = json(&redaksi(data, &["list", "--json"], None));
    list[0]["id"].as_str().unwrap().to_owned()
}

#[test]
fn export_writes_each_format_and_names_dropped_fields() {
    let data = tempfile::tempdir().unwrap();
    let id = import(
        data.path(),
        "---\ntitle: Banjir Jakarta\ndescription: Ringkasan\nkeywords: [banjir]\neditor_note: cek\n---\nHujan **deras**.\n",
    );
    let out = redaksi(
        data.path(),
        &["export", &id, "--format", "html", "--json"],
        None,
    );
    let v = json(&out);
    assert!(
        v["content"]
            .as_str()
            .unwrap()
            .contains("<meta name=\"description\" content=\"Ringkasan\">")
    );
    let dropped: Vec<&str> = v["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert!(
        dropped.contains(&"keywords") && dropped.contains(&"editor_note"),
        "{dropped:?}"
    );

    let file = data.path().join("a.json");
    let out = redaksi(
        data.path(),
        &[
            "export",
            &id,
            "--format",
            "ninjs",
            "-o",
            file.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("status"),
        "dropped fields are reported on stderr"
    );
    let ninjs: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(ninjs["uri"], format!("urn:uuid:{id}"));
    assert_eq!(ninjs["ednote"], "cek");

    let md = redaksi(data.path(), &["export", &id, "--format", "md"], None);
    assert!(String::from_utf8_lossy(&md.stdout).starts_with("---\nid: "));
}

#[test]
fn targets_publish_wait_and_outbox_against_real_wordpress_with_the_os_keyring() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "no D-Bus session: run under tests/keyring/session.sh (the OS keyring is required)"
    );
    let site = redaksi_test_wordpress::start()
        .unwrap_or_else(|e| panic!("the loopback WordPress is required: {e}"));
    let data = tempfile::tempdir().unwrap();
    let name = format!("cli-{}", std::process::id());
    let password = &site.password;
    let add_target = |password: &str| {
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
                "admin",
                "--password-stdin",
                "--json",
            ],
            Some(&format!("{password}\n")),
        )
    };

    let out = add_target(password);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The secret is nowhere in the data directory.
    for entry in std::fs::read_dir(data.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes
                    .windows(password.len())
                    .any(|w| w == password.as_bytes()),
                "secret found in {}",
                path.display()
            );
        }
    }
    let list = json(&redaksi(data.path(), &["targets", "list", "--json"], None));
    assert_eq!(list[0]["name"], name.as_str());

    let id = import(
        data.path(),
        "---\ntitle: Dari baris perintah\n---\nIsi berita.\n",
    );
    let out = redaksi(
        data.path(),
        &[
            "publish", &id, "--target", &name, "--status", "pending", "--wait", "--json",
        ],
        None,
    );
    let sent = json(&out);
    assert!(
        out.status.success(),
        "{sent}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(sent["state"], "sent");
    let url = sent["remote_url"].as_str().unwrap();
    assert!(url.starts_with(&site.url), "{url}");

    // Queue without waiting, then run the outbox until it is empty.
    let out = redaksi(
        data.path(),
        &[
            "publish", &id, "--target", &name, "--status", "publish", "--json",
        ],
        None,
    );
    assert_eq!(json(&out)["state"], "queued");
    let out = redaksi(
        data.path(),
        &["outbox", "run", "--until-empty", "--json"],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items = json(&redaksi(data.path(), &["outbox", "list", "--json"], None));
    assert_eq!(items.as_array().unwrap().len(), 2);
    assert!(
        items
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["state"] == "sent")
    );
    assert_eq!(
        items[0]["remote_id"], items[1]["remote_id"],
        "the second publish must update the same post"
    );

    // A wrong password: needs-auth, non-zero exit, password not echoed.
    let out = add_target("salah-sandi-rahasia");
    assert!(out.status.success());
    let out = redaksi(
        data.path(),
        &["publish", &id, "--target", &name, "--wait", "--json"],
        None,
    );
    assert!(!out.status.success());
    let v = json(&out);
    assert_eq!(v["state"], "needs-auth");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !all.contains("salah-sandi-rahasia"),
        "password leaked: {all}"
    );

    let out = redaksi(data.path(), &["targets", "remove", &name, "--json"], None);
    assert!(out.status.success());
    assert!(
        json(&redaksi(data.path(), &["targets", "list", "--json"], None))
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_plain_http_address_of_another_machine_is_refused_before_the_secret_is_kept() {
    let data = tempfile::tempdir().unwrap();
    let name = format!("redaksi-cli-http-{}", std::process::id());
    let out = redaksi(
        data.path(),
        &[
            "targets",
            "add",
            &name,
            "--kind",
            "wordpress",
            "--url",
            "http://situs.example",
            "--user",
            "admin",
            "--password-stdin",
            "--json",
        ],
        Some("sandi rahasia\n"),
    );
    assert!(
        !out.status.success(),
        "accepted plain http to another machine"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("https://"), "{stderr}");
    assert!(!stderr.contains("sandi"), "{stderr}");
    let list = json(&redaksi(data.path(), &["targets", "list", "--json"], None));
    assert_eq!(list, serde_json::json!([]));
}
