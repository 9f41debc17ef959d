//! Crash safety, for real: a child process saves in a loop and is killed with SIGKILL at random
//! points, many times. After every kill the database must pass `PRAGMA integrity_check` and
//! hold the last save the child saw return Ok (or the one after it, if the kill landed between
//! the commit and the acknowledgement), never a torn mix.
//!
//! The child is this test binary run again with `CHILD_ENV` set, so that it is built by plain
//! `cargo test` with no extra binary to find.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use redaksi_article::Article;
use redaksi_store::Store;
use uuid::Uuid;

const CHILD_ENV: &str = "REDAKSI_CRASH_CHILD_DIR";
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

/// Runs only as the child (when `CHILD_ENV` is set): saves forever, acknowledging each Ok.
#[test]
fn crash_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
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
    let mut n = saved_number(&article.body);
    let mut out = std::io::stdout().lock();
    loop {
        n += 1;
        article.body = body_for(n);
        article = store.save_article(&article).expect("save");
        writeln!(out, "acked {n}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn sigkill_at_random_points_never_loses_an_acknowledged_save() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut last_acked = 0;
    let mut total_acks = 0;
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (acks, acked) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let line = line.unwrap();
                if let Some(n) = line.strip_prefix("acked ") {
                    let _ = acks.send(n.parse::<u64>().unwrap());
                }
            }
        });
        // Wait for the first acknowledgement so the kill lands in the save loop, not in start-up.
        let first = match acked.recv_timeout(Duration::from_secs(30)) {
            Ok(first) => first,
            Err(_) => {
                let _ = child.kill();
                let output = child.wait_with_output().unwrap();
                panic!(
                    "round {round}: the child never saved: {}",
                    String::from_utf8_lossy(&output.stderr)
                )
            }
        };
        assert!(first > last_acked, "round {round}: saves went backwards");
        std::thread::sleep(Duration::from_micros(fastrand::u64(0..150_000)));
        child.kill().unwrap(); // SIGKILL on Unix: no destructors, no flush, no rollback.
        child.wait().unwrap();
        reader.join().unwrap();
        let round_acks: Vec<u64> = std::iter::once(first).chain(acked.try_iter()).collect();
        total_acks += round_acks.len();
        last_acked = *round_acks.last().unwrap();

        let store = Store::open(dir.path()).unwrap();
        store
            .integrity_check()
            .unwrap_or_else(|err| panic!("round {round}: {err}"));
        let article = store
            .get_article(Uuid::parse_str(ARTICLE_ID).unwrap())
            .unwrap();
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
