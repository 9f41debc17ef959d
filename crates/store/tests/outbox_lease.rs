//! Two workers on one database file (the app and `redaksi outbox run`): each row is claimed
//! by exactly one of them, and a row whose owner died is taken over once its lease runs out.

use std::collections::HashSet;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use chrono::Utc;
use redaksi_store::Store;
use redaksi_store::outbox::{OutboxState, Outcome, Target};

const LEASE: Duration = Duration::from_secs(300);

fn seed(dir: &std::path::Path, rows: usize) -> Vec<i64> {
    let mut store = Store::open(dir).unwrap();
    store
        .put_target(&Target {
            name: "situs".into(),
            kind: "wordpress".into(),
            url: "http://127.0.0.1:1".into(),
            username: None,
        })
        .unwrap();
    (0..rows)
        .map(|n| {
            let article = store.create_article(&format!("Judul {n}"), "Isi").unwrap();
            store
                .outbox_enqueue(article.id, "situs", "snap", "draft", None)
                .unwrap()
                .id
        })
        .collect()
}

#[test]
fn two_workers_racing_over_one_queue_claim_every_row_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let all = seed(dir.path(), 60);
    let start = Arc::new(Barrier::new(2));
    let workers: Vec<_> = ["app", "cli"]
        .into_iter()
        .map(|owner| {
            let path = dir.path().to_owned();
            let start = Arc::clone(&start);
            thread::spawn(move || {
                // Each worker has its own connection, as two processes would.
                let mut store = Store::open(&path).unwrap();
                start.wait();
                let mut mine = Vec::new();
                loop {
                    let claimed = store.outbox_claim_due(owner, LEASE, 2).unwrap();
                    if claimed.is_empty() {
                        break;
                    }
                    for row in claimed {
                        assert_eq!(row.state, OutboxState::Sending);
                        assert_eq!(row.attempts, 1, "row {} was claimed before", row.id);
                        mine.push(row.id);
                        // The send itself, during which the other worker keeps claiming.
                        thread::sleep(Duration::from_millis(3));
                        store
                            .outbox_finish(row.id, owner, OutboxState::Sent, &Outcome::default())
                            .unwrap();
                    }
                }
                mine
            })
        })
        .collect();
    let claims: Vec<Vec<i64>> = workers.into_iter().map(|w| w.join().unwrap()).collect();
    let total: usize = claims.iter().map(Vec::len).sum();
    let distinct: HashSet<i64> = claims.iter().flatten().copied().collect();
    assert_eq!(total, all.len(), "some row was claimed twice or never");
    assert_eq!(distinct, all.into_iter().collect::<HashSet<_>>());
    assert!(
        claims.iter().all(|c| !c.is_empty()),
        "one worker got nothing, so the race was not run: {claims:?}"
    );
}

#[test]
fn a_row_whose_owner_died_is_taken_over_after_its_lease_runs_out() {
    let dir = tempfile::tempdir().unwrap();
    let ids = seed(dir.path(), 1);
    {
        // This worker claims the row and dies without finishing or renewing it.
        let mut dead = Store::open(dir.path()).unwrap();
        let claimed = dead
            .outbox_claim_due("mati", Duration::from_secs(30), 1)
            .unwrap();
        assert_eq!(claimed[0].id, ids[0]);
    }
    let mut live = Store::open(dir.path()).unwrap();
    assert!(
        live.outbox_claim_due("hidup", LEASE, 1).unwrap().is_empty(),
        "a live lease was taken over"
    );
    assert_eq!(live.outbox_recover_interrupted().unwrap(), 0);
    let later = Utc::now() + chrono::Duration::seconds(31);
    live.set_clock(Arc::new(move || later));
    let taken = live.outbox_claim_due("hidup", LEASE, 1).unwrap();
    assert_eq!(taken.len(), 1);
    assert_eq!(taken[0].id, ids[0]);
    assert_eq!(taken[0].attempts, 2);
    assert!(!live.outbox_renew_lease(ids[0], "mati", LEASE).unwrap());
    assert!(live.outbox_renew_lease(ids[0], "hidup", LEASE).unwrap());
    // The first owner comes back late: its answer must not end the new owner's send.
    let late = Outcome {
        error: Some("late".into()),
        ..Outcome::default()
    };
    let row = live
        .outbox_finish(ids[0], "mati", OutboxState::Failed, &late)
        .unwrap();
    assert_eq!(row.state, OutboxState::Sending);
    assert_eq!(row.last_error, None);
    let row = live
        .outbox_finish(ids[0], "hidup", OutboxState::Sent, &Outcome::default())
        .unwrap();
    assert_eq!(row.state, OutboxState::Sent);
}
