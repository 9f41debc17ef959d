//! Disk full, two processes on one database, and bounded busy waits.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use redaksi_article::front_matter;
use redaksi_store::{Store, StoreError};
use uuid::Uuid;

const DISK_FULL_ENV: &str = "REDAKSI_DISK_FULL_DIR";

/// A real full disk: the test runs itself again in a private mount namespace (`unshare`, as
/// root or as a mapped user) on a 2 MB tmpfs, fills it, and saves.
#[test]
fn a_full_disk_fails_the_save_clearly_keeps_the_text_and_recovers() {
    if let Some(dir) = std::env::var_os(DISK_FULL_ENV) {
        return disk_full_on(Path::new(&dir));
    }
    let mount = tempfile::tempdir().unwrap();
    let script = "mount -t tmpfs -o size=2m,mode=0700 redaksi-full \"$1\" && exec \"$2\" --exact \
         a_full_disk_fails_the_save_clearly_keeps_the_text_and_recovers --nocapture";
    let out = Command::new("unshare")
        .args([
            "--user",
            "--map-root-user",
            "--mount",
            "--propagation",
            "private",
        ])
        .args(["sh", "-c", script, "sh"])
        .arg(mount.path())
        .arg(std::env::current_exe().unwrap())
        .env(DISK_FULL_ENV, mount.path())
        .output()
        .expect("unshare (util-linux) runs: the disk-full test needs it to make a small tmpfs");
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("1 passed"),
        "the disk-full run on a tmpfs failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn disk_full_on(dir: &Path) {
    let mut store = Store::open(dir).unwrap();
    let mut article = store.create_article("Laporan", "Versi pertama.").unwrap();
    // An older recovery copy, as an earlier full disk left it.
    let recovery = store.recovery_path(article.id).unwrap();
    let mut older = article.clone();
    older.body = "Versi lama yang diselamatkan.".into();
    let older_text = front_matter::write(&older);
    std::fs::write(&recovery, &older_text).unwrap();
    let filler = dir.join("filler");
    fill(&filler);

    article.body = "Kalimat yang tidak boleh hilang. ".repeat(2_000);
    let err = store.save_article(&article).unwrap_err();
    assert_eq!(err.code(), "disk_full", "{err}");
    let StoreError::DiskFull { recovery: written } = &err else {
        unreachable!()
    };
    let on_disk = std::fs::read_to_string(&recovery).expect("the older copy is still there");
    match written {
        // The text went to the recovery file: whole, and the message names it.
        Some(path) => {
            assert_eq!(path, &recovery);
            assert!(
                err.to_string().contains(&path.display().to_string()),
                "{err}"
            );
            let kept = front_matter::parse(&on_disk, chrono::Utc::now()).unwrap();
            assert!(kept.body == article.body, "a partial recovery copy");
        }
        // No room even for that: the older copy is exactly as it was, and the text stays
        // with the caller (the editor keeps it and shows the message).
        None => assert!(on_disk == older_text, "the older recovery copy was damaged"),
    }
    assert_eq!(
        store.get_article(article.id).unwrap().body,
        "Versi pertama."
    );
    store.integrity_check().unwrap();

    // Space comes back: the same save now succeeds and the recovery file goes away.
    std::fs::remove_file(&filler).unwrap();
    let saved = store.save_article(&article).unwrap();
    assert!(saved.body == article.body);
    assert!(!recovery.exists());
    store.integrity_check().unwrap();
}

/// Writes `path` until the file system says it is full.
fn fill(path: &Path) {
    let mut file = std::fs::File::create(path).unwrap();
    let chunk = vec![0u8; 4096];
    loop {
        match file.write_all(&chunk) {
            Ok(()) => {}
            Err(err) if err.raw_os_error() == Some(28) => break, // ENOSPC
            Err(err) => panic!("filling the tmpfs: {err}"),
        }
    }
    let _ = file.sync_all();
}

const WRITER_ENV: &str = "REDAKSI_TWO_PROCESS_DIR";
const SAVES_PER_WRITER: u64 = 150;

/// Runs only as a child (when `WRITER_ENV` is set): saves its own article and a shared one,
/// acknowledging each Ok save.
#[test]
fn two_process_writer() {
    let Some(dir) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let name = std::env::var("REDAKSI_WRITER_NAME").unwrap();
    let shared = Uuid::parse_str(&std::env::var("REDAKSI_SHARED_ID").unwrap()).unwrap();
    let mut store = Store::open(Path::new(&dir)).unwrap();
    let mut own = store.create_article(&name, "").unwrap();
    let mut out = std::io::stdout().lock();
    writeln!(out, "own {}", own.id).unwrap();
    for n in 1..=SAVES_PER_WRITER {
        own.body = format!("{name} {n}");
        own = store.save_article(&own).expect("own save");
        let mut common = store.get_article(shared).expect("shared read");
        common.body = format!("{name} {n}");
        store.save_article(&common).expect("shared save");
        writeln!(out, "acked {n}").unwrap();
    }
    out.flush().unwrap();
}

#[test]
fn two_processes_on_one_database_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let shared = Store::open(dir.path())
        .unwrap()
        .create_article("Bersama", "")
        .unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = ["app", "cli"]
        .iter()
        .map(|name| {
            Command::new(&exe)
                .args([
                    "two_process_writer",
                    "--exact",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(WRITER_ENV, dir.path())
                .env("REDAKSI_WRITER_NAME", name)
                .env("REDAKSI_SHARED_ID", shared.id.to_string())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut owns = Vec::new();
    for (child, name) in children.into_iter().zip(["app", "cli"]) {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "writer {name} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let mut own = None;
        let mut acked = 0;
        for line in BufReader::new(&output.stdout[..]).lines() {
            let line = line.unwrap();
            // libtest prints "test two_process_writer ... " without a line break first.
            if let Some((_, id)) = line.split_once("own ") {
                own = Some(Uuid::parse_str(id).unwrap());
            } else if let Some((_, n)) = line.split_once("acked ") {
                acked = n.parse().unwrap();
            }
        }
        assert_eq!(acked, SAVES_PER_WRITER, "writer {name}");
        owns.push((name, own.unwrap()));
    }
    let store = Store::open(dir.path()).unwrap();
    store.integrity_check().unwrap();
    for (name, id) in owns {
        assert_eq!(
            store.get_article(id).unwrap().body,
            format!("{name} {SAVES_PER_WRITER}")
        );
    }
    // Both wrote the shared article in turn: it holds one writer's last save, whole.
    let common = store.get_article(shared.id).unwrap().body;
    assert!(
        common == format!("app {SAVES_PER_WRITER}") || common == format!("cli {SAVES_PER_WRITER}"),
        "{common}"
    );
}

#[test]
fn a_writer_blocked_by_another_gets_busy_instead_of_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let article = store.create_article("Kunci", "").unwrap();
    // Another "process" holds the write lock and never lets go.
    let blocker = rusqlite::Connection::open(dir.path().join(redaksi_store::DB_FILE)).unwrap();
    blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
    let err = store.save_article(&article).unwrap_err();
    assert_eq!(err.code(), "busy", "{err}");
    blocker.execute_batch("ROLLBACK").unwrap();
    store.save_article(&article).unwrap();
}
