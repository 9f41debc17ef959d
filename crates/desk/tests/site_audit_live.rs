//! The site audit against the loopback WordPress with the real Rank Math (`wp.sh rankmath`):
//! a site of 300 posts made inside WordPress, a third of them later given stale scores. The
//! audit finds exactly those, the write-back fixes exactly those (skipping a post edited in
//! between), and the next audit finds none. Then the site stops exposing Rank Math's keyword
//! and score to REST, and the audit reads the scores from the public pages instead, saying so.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

use redaksi_desk::site::score_post;
use redaksi_publish::CmsTarget;
use redaksi_publish::credentials::Secret;
use redaksi_publish::wordpress::WordPress;
use redaksi_site::ledger::{self, Ledger};
use redaksi_site::post::Source;
use redaksi_site::{Options, Scorer, audit, write_back};
use serde_json::json;

fn wp_sh(args: &[&str]) -> String {
    redaksi_test_wordpress::run_rank_math(args).unwrap_or_else(|e| panic!("{e}"))
}

fn script(name: &str) -> String {
    redaksi_test_wordpress::script()
        .with_file_name(name)
        .display()
        .to_string()
}

fn scorer() -> Scorer {
    std::sync::Arc::new(|post, site| score_post(post, site, None))
}

/// Every stale post's id, from the ledger.
fn stale_ids(path: &Path) -> BTreeSet<u64> {
    Ledger::open(path)
        .unwrap()
        .rows("situs", ledger::STALE, "id", 10_000)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect()
}

/// Every post's stored score, from the ledger.
fn stored(path: &Path) -> BTreeMap<u64, Option<u8>> {
    Ledger::open(path)
        .unwrap()
        .rows("situs", "1", "id", 10_000)
        .unwrap()
        .into_iter()
        .map(|r| (r.id, r.stored))
        .collect()
}

/// The site hides the focus keyword and the score from REST until dropped (even when the
/// test fails half-way, so the next test meets the site as `wp.sh rankmath` set it up).
struct Hidden;

impl Hidden {
    fn new() -> Hidden {
        wp_sh(&["option", "redaksi_expose_rank_math", "null"]);
        Hidden
    }
}

impl Drop for Hidden {
    fn drop(&mut self) {
        let _ =
            redaksi_test_wordpress::run_rank_math(&["option", "redaksi_expose_rank_math", "true"]);
    }
}

fn print(label: &str, audited: &redaksi_site::Report) {
    let b = audited.rankmath_bands;
    println!(
        "{label}: {} posts, {} read; rankmath {} good / {} ok / {} bad; stale {}; no keyword {}; \
         not comparable {}; sources {:?}; {:.2} s (WordPress {:.2} s, scoring {:.2} s)",
        audited.posts,
        audited.read,
        b.good,
        b.ok,
        b.bad,
        audited.stale,
        audited.no_keyword,
        audited.not_comparable,
        audited.sources,
        audited.timing.total.as_secs_f64(),
        audited.timing.wordpress.as_secs_f64(),
        audited.timing.scoring.as_secs_f64(),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_finds_exactly_the_stale_scores_and_the_write_back_fixes_exactly_those() {
    let account = redaksi_test_wordpress::start_rank_math()
        .unwrap_or_else(|e| panic!("the loopback WordPress with Rank Math is required: {e}"))
        .admin;
    assert_eq!(
        wp_sh(&["php", &script("generate-posts.php"), "300", "250"]).trim(),
        "300"
    );
    let http = redaksi_publish::http::client(Duration::from_secs(60), 8).unwrap();
    let wp = WordPress::new(
        "situs",
        &account.url,
        &account.user,
        Secret::new(account.password.clone()),
        http,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site-audit.db");
    let options = Options::default();
    let full = Options {
        full: true,
        ..Options::default()
    };
    let nothing = |_: usize, _: usize| {};

    // A new site: no post has a score yet, so all differ; the write-back sets them all.
    let mut heard = 0;
    let first = audit(&wp, "situs", &path, &options, scorer(), |n| heard = n)
        .await
        .unwrap();
    print("first audit", &first);
    assert_eq!((first.posts, first.read, heard), (300, 300, 300));
    assert_eq!(first.stale, 300);
    assert_eq!(
        first.not_comparable, 0,
        "the test site exposes Rank Math's fields"
    );
    assert_eq!(
        first.sources["score"],
        BTreeMap::from([(Source::Rest, 300)])
    );
    assert_eq!(
        first.sources["keywords"],
        BTreeMap::from([(Source::Rest, 300)])
    );
    assert_eq!(
        first.no_keyword, 30,
        "every tenth post has no focus keyword"
    );
    let bands = first.rankmath_bands;
    assert_eq!(bands.good + bands.ok + bands.bad, 300);
    assert!(
        first
            .worst
            .windows(2)
            .all(|w| w[0].rankmath <= w[1].rankmath),
        "worst first"
    );
    assert!(!first.failing_checks.is_empty());
    let dry = write_back(&wp, "situs", &path, true, 50, nothing)
        .await
        .unwrap();
    assert_eq!(dry.changed.len(), 300);
    assert_eq!(
        stale_ids(&path).len(),
        300,
        "a dry run changes nothing, not even the ledger"
    );
    let mut steps = Vec::new();
    let all = write_back(&wp, "situs", &path, false, 50, |done, total| {
        steps.push((done, total))
    })
    .await
    .unwrap();
    assert_eq!(all.changed.len(), 300);
    assert_eq!(steps.last(), Some(&(300, 300)), "progress: {steps:?}");
    assert!(all.skipped_edited.is_empty());
    let settled = audit(&wp, "situs", &path, &full, scorer(), |_| {})
        .await
        .unwrap();
    print("after the write-back", &settled);
    assert_eq!(
        (settled.read, settled.stale),
        (300, 0),
        "the scores read back as written"
    );

    // A third of the posts change in WordPress and keep an old score.
    let stale: Vec<u64> =
        serde_json::from_str(&wp_sh(&["php", &script("stale-scores.php")])).unwrap();
    assert_eq!(stale.len(), 100);
    let found = audit(&wp, "situs", &path, &options, scorer(), |_| {})
        .await
        .unwrap();
    print("after a third went stale", &found);
    assert!(
        found.read >= 100 && found.read < 300,
        "incremental: read {}",
        found.read
    );
    assert_eq!(found.stale, 100);
    assert_eq!(stale_ids(&path), stale.iter().copied().collect());

    // One of them is edited in WordPress after the audit read it: the write-back leaves it.
    let edited = stale[0];
    let current = wp.fetch(&edited.to_string()).await.unwrap();
    wp.update(&current, &json!({"title": "Diedit di WordPress"}))
        .await
        .unwrap();
    let fixed = write_back(&wp, "situs", &path, false, 40, nothing)
        .await
        .unwrap();
    assert_eq!(fixed.skipped_edited, vec![edited]);
    let changed: BTreeSet<u64> = fixed.changed.iter().map(|c| c.id).collect();
    assert_eq!(changed, stale[1..].iter().copied().collect::<BTreeSet<_>>());
    assert!(fixed.changed.iter().all(|c| c.before != Some(c.after)));

    // The next audit reads the edited post again; once it is written, nothing is stale.
    let again = audit(&wp, "situs", &path, &options, scorer(), |_| {})
        .await
        .unwrap();
    assert_eq!(again.stale, 1);
    assert_eq!(again.stale_posts[0].id, edited);
    let last = write_back(&wp, "situs", &path, false, 40, nothing)
        .await
        .unwrap();
    assert_eq!(last.changed.len(), 1);
    let clean = audit(&wp, "situs", &path, &full, scorer(), |_| {})
        .await
        .unwrap();
    print("after the second write-back", &clean);
    assert_eq!((clean.posts, clean.stale), (300, 0));

    // Without the keyword and the score in REST, the scores of the posts edited since come
    // from their public pages' badges (the same numbers), and nothing is compared without
    // the keywords. (Twenty posts: a public page costs WordPress far more than a REST page.)
    let written = stored(&path);
    let _hidden = Hidden::new();
    let touched: Vec<u64> = written.keys().copied().step_by(15).collect();
    for id in &touched {
        let current = wp.fetch(&id.to_string()).await.unwrap();
        wp.update(&current, &json!({ "title": current.title }))
            .await
            .unwrap();
    }
    let paged = audit(&wp, "situs", &path, &options, scorer(), |_| {})
        .await
        .unwrap();
    print("with the fields hidden from REST", &paged);
    assert_eq!(paged.read, touched.len());
    let (page, rest) = (touched.len(), 300 - touched.len());
    assert_eq!(
        paged.sources["score"],
        BTreeMap::from([(Source::Rest, rest), (Source::Page, page)])
    );
    assert_eq!(
        paged.sources["keywords"],
        BTreeMap::from([(Source::Rest, rest), (Source::None, page)])
    );
    assert_eq!(
        paged.sources["title"],
        BTreeMap::from([(Source::Rest, 300)])
    );
    assert_eq!((paged.not_comparable, paged.stale), (page, 0));
    assert_eq!(stored(&path), written, "each badge shows the stored score");
}
