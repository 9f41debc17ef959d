//! The editor's review pull against the loopback WordPress, run once (one pull is seconds of
//! real HTTP; criterion's repeated sampling does not fit it) and printed as medians:
//!
//! - the first sync of 1,000 pending posts into a fresh data folder, beside the time
//!   WordPress alone takes to answer the same pages (so Redaksi's own share, converting,
//!   storing and scoring, is the difference);
//! - an incremental sync with nothing new: its time and its request count.
//!
//! `cargo bench -p redaksi-desk --bench review_pull` (starts the test WordPress itself;
//! `REDAKSI_WP_PORT` chooses the instance).

use std::path::Path;
use std::time::{Duration, Instant};

use redaksi_desk::review;
use redaksi_publish::credentials::{MemorySecrets, Secret, SecretStore};
use redaksi_publish::review::PostQuery;
use redaksi_seo::ProfileId;
use redaksi_store::outbox::Target;
use redaksi_store::{Store, StoreHandle};

const POSTS: usize = 1_000;
const SITE: &str = "redaksi";

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn posts(action: &[&str]) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/pending_posts.php");
    let mut args = vec!["php", script.to_str().expect("a UTF-8 path")];
    args.extend_from_slice(action);
    redaksi_test_wordpress::run(&args).expect("pending_posts.php runs");
}

fn main() {
    let newsroom = redaksi_test_wordpress::start_newsroom().expect("the loopback WordPress starts");
    let tag = format!("b{}", std::process::id());
    posts(&["make", &POSTS.to_string(), "reporter-author", &tag]);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let account = newsroom.editor;
    let (mut first, mut answer, mut incremental) = (Vec::new(), Vec::new(), Vec::new());
    let mut requests = 0;
    let mut pulled = 0;
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .put_target(&Target {
                name: SITE.into(),
                kind: "wordpress".into(),
                url: account.url.clone(),
                username: Some(account.user.clone()),
            })
            .unwrap();
        let store = StoreHandle::spawn(store).unwrap();
        let secrets = MemorySecrets::default();
        secrets
            .set(SITE, &Secret::new(account.password.clone()))
            .unwrap();
        rt.block_on(async {
            let wp = review::connect(&store, &secrets, SITE).await.unwrap();
            // WordPress alone: the same pages, answered and parsed, nothing else.
            let started = Instant::now();
            let query = PostQuery {
                statuses: "pending".into(),
                modified_after: None,
                author: None,
            };
            let mut page = 1;
            loop {
                let (_, pages) = wp.review_page(&query, page).await.unwrap();
                if page >= pages {
                    break;
                }
                page += 1;
            }
            answer.push(started.elapsed());

            let started = Instant::now();
            let report = review::pull(&store, &wp, SITE, ProfileId::Newsroom)
                .await
                .unwrap();
            first.push(started.elapsed());
            pulled = report.added;
            for _ in 0..10 {
                let started = Instant::now();
                let report = review::pull(&store, &wp, SITE, ProfileId::Newsroom)
                    .await
                    .unwrap();
                incremental.push(started.elapsed());
                requests = requests.max(report.requests);
            }
        });
    }
    posts(&["clear", &tag]);
    let (first, answer) = (median(first), median(answer));
    let own = first.saturating_sub(answer);
    println!(
        "review pull, first sync of {pulled} pending posts: median {first:?}; WordPress's answers \
         {answer:?}; Redaksi's own work (convert, store, score) {own:?} = {:.1}%",
        own.as_secs_f64() * 100.0 / first.as_secs_f64()
    );
    println!(
        "review pull, incremental with nothing new: median {:?}, at most {requests} request(s)",
        median(incremental)
    );
}
