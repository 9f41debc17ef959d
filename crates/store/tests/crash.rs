//! Crash safety, for real: a child process saves (or adds revisions and restores) in a loop
//! and is killed with SIGKILL at random points, many times. After every kill the database must
//! pass `PRAGMA integrity_check` and hold the last operation the child saw return Ok (or the
//! one after it, if the kill landed between the commit and the acknowledgement), never a torn
//! mix.
//!
//! The child is this test binary run again with `CHILD_ENV` set, so that it is built by plain
//! `cargo test` with no extra binary to find.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use redaksi_article::Article;
use redaksi_store::{SaveKind, Store};
use uuid::Uuid;

const CHILD_ENV: &str = "REDAKSI_CRASH_CHILD_DIR";
/// `saves` (autosaves) or `history` (explicit saves that add revisions, and restores).
const MODE_ENV: &str = "REDAKSI_CRASH_CHILD_MODE";
const ARTICLE_ID: &str = "6f1c7a52-3d5e-4f8e-9a51-0c2b6d1e9f00";
const KILLS: usize = 40;

/// The body of save number `n`: long enough (about 3,000 words) that a kill often lands while
/// SQLite is writing pages, and different in every part so a torn write cannot look whole.
fn body_for(n: u64) -> String {
    let mut body = format!("save {n}\n\n");
    for line in 0..300 {
        body.push_str(&format!(
            "Paragraf {line} dari simpanan {n}: hujan turun deras sejak pagi.\n"
        ));
    }
    body
}

fn saved_number(body: &str) -> u64 {
    body.lines()
        .next()
        .and_then(|line| line.strip_prefix("save "))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| {
            panic!(
                "body does not start with a save number: {:?}",
                &body[..40.min(body.len())]
            )
        })
}

/// Runs only as the child (when `CHILD_ENV` is set): works forever, acknowledging each Ok
/// as `acked <op number> <newest revision id>`.
#[test]
fn crash_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let history = std::env::var(MODE_ENV).is_ok_and(|mode| mode == "history");
    let mut store = Store::open(Path::new(&dir)).expect("child opens the store");
    let id = Uuid::parse_str(ARTICLE_ID).unwrap();
    let mut article = match store.get_article(id) {
        Ok(article) => article,
        Err(_) => {
            let mut fresh = Article::new("Crash", body_for(0), chrono::Utc::now());
            fresh.id = id;
            fresh
        }
    };
    // In history mode restores bring old bodies back, so the count restarts from the newest.
    let mut n = saved_number(&article.body).max(
        store
            .list_revisions(id)
            .map(|revs| revs.len() as u64 * 1000)
            .unwrap_or(0),
    );
    let mut out = std::io::stdout().lock();
    loop {
        n += 1;
        if history && n.is_multiple_of(5) {
            // One transaction that keeps the replaced text, rewrites the article and records
            // the result.
            let revisions = store.list_revisions(id).expect("history");
            let pick = revisions[fastrand::usize(..revisions.len())].id;
            article = store.restore_revision(id, pick).expect("restore");
        } else {
            article.body = body_for(n);
            let kind = if history {
                SaveKind::Explicit
            } else {
                SaveKind::Autosave
            };
            article = store.save_as(&article, kind).expect("save");
        }
        let newest = if history {
            store.list_revisions(id).expect("history")[0].id
        } else {
            0
        };
        writeln!(out, "acked {n} {newest}").unwrap();
        out.flush().unwrap();
    }
}

/// Runs the child until it has acknowledged once, lets it run a random while longer, then
/// SIGKILLs it. Returns what it acknowledged.
fn kill_round(exe: &Path, dir: &Path, mode: &str, round: usize) -> Vec<(u64, i64)> {
    let mut child = Command::new(exe)
        .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, dir)
        .env(MODE_ENV, mode)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (acks, acked) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            // libtest prints "test crash_child ... " without a line break first.
            if let Some((_, rest)) = line.split_once("acked ") {
                let (n, rev) = rest.split_once(' ').unwrap();
                let _ = acks.send((n.parse::<u64>().unwrap(), rev.parse::<i64>().unwrap()));
            }
        }
    });
    // Wait for the first acknowledgement so the kill lands in the loop, not in start-up.
    let first = match acked.recv_timeout(Duration::from_secs(30)) {
        Ok(first) => first,
        Err(_) => {
            let _ = child.kill();
            let output = child.wait_with_output().unwrap();
            panic!(
                "round {round}: the child never got going: {}",
                String::from_utf8_lossy(&output.stderr)
            )
        }
    };
    std::thread::sleep(Duration::from_micros(fastrand::u64(0..150_000)));
    child.kill().unwrap(); // SIGKILL on Unix: no destructors, no flush, no rollback.
    child.wait().unwrap();
    reader.join().unwrap();
    std::iter::once(first).chain(acked.try_iter()).collect()
}

#[test]
fn sigkill_at_random_points_never_loses_an_acknowledged_save() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let id = Uuid::parse_str(ARTICLE_ID).unwrap();
    let mut last_acked = 0;
    let mut total_acks = 0;
    for round in 0..KILLS {
        let acks = kill_round(&exe, dir.path(), "saves", round);
        assert!(
            acks[0].0 > last_acked,
            "round {round}: saves went backwards"
        );
        total_acks += acks.len();
        last_acked = acks.last().unwrap().0;

        let store = Store::open(dir.path()).unwrap();
        store
            .integrity_check()
            .unwrap_or_else(|err| panic!("round {round}: {err}"));
        let article = store.get_article(id).unwrap();
        let stored = saved_number(&article.body);
        assert!(
            stored == last_acked || stored == last_acked + 1,
            "round {round}: last acknowledged save was {last_acked}, the database holds {stored}"
        );
        assert_eq!(article.body, body_for(stored), "round {round}: torn body");
        last_acked = stored;
    }
    assert!(
        total_acks > KILLS,
        "the child saved too little to prove anything"
    );
}

#[test]
fn sigkill_during_revisions_and_restores_leaves_whole_history() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let id = Uuid::parse_str(ARTICLE_ID).unwrap();
    let mut total_acks = 0;
    for round in 0..KILLS {
        let acks = kill_round(&exe, dir.path(), "history", round);
        total_acks += acks.len();
        let (_, acked_revision) = *acks.last().unwrap();

        let store = Store::open(dir.path()).unwrap();
        store
            .integrity_check()
            .unwrap_or_else(|err| panic!("round {round}: {err}"));
        let revisions = store.list_revisions(id).unwrap();
        assert!(
            revisions[0].id >= acked_revision,
            "round {round}: revision {acked_revision} was acknowledged, the newest is {}",
            revisions[0].id
        );
        // Every revision is whole, and the article is exactly its newest revision: a save or
        // a restore happened completely or not at all.
        for info in &revisions {
            let revision = store.get_revision(id, info.id).unwrap();
            let n = saved_number(&revision.body);
            assert_eq!(revision.body, body_for(n), "round {round}: torn revision");
        }
        let current = store.get_article(id).unwrap();
        let newest = store.get_revision(id, revisions[0].id).unwrap();
        assert_eq!(current.body, newest.body, "round {round}");
        assert_eq!(current.title, newest.title, "round {round}");
    }
    assert!(
        total_acks > KILLS,
        "the child did too little to prove anything"
    );
}
