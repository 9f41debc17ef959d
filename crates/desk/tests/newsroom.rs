//! The newsroom scenario against the real loopback WordPress: two reporters (a WordPress
//! author and a contributor) and an editor, each in their own data folder, review 30 articles:
//! submit → pull → score → return with a note → the reporter syncs and edits → resubmit →
//! approve → published. Faults on the way: WordPress down while submitting, a lost answer to
//! a submit, and the reporter editing in WordPress while the editor approves (a conflict that
//! must stop the approval, not overwrite). Afterwards every article is exactly once in
//! WordPress, every note delivered, every revision kept, no conflict lost.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use redaksi_desk::review;
use redaksi_publish::outbox::WorkerConfig;
use redaksi_seo::ProfileId;
use redaksi_store::outbox::OutboxState;
use redaksi_test_wordpress::run;

mod common;
use common::{Person, SITE, rest};
use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

const ARTICLES: usize = 30;

fn fast() -> WorkerConfig {
    WorkerConfig {
        concurrency: 4,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(600),
        // The offline stretch below costs attempts too (fast backoff); a 500 after it must
        // still be retried.
        max_attempts: 100,
        request_timeout: Duration::from_secs(20),
        lease: Duration::from_secs(3),
        settle: Duration::from_millis(300),
    }
}

/// Runs a person's outbox until nothing is queued, retrying fast.
async fn send(person: &Person) {
    person.send_with(fast()).await;
}

/// An article body of a few paragraphs, unique to `n` and `round`.
fn body(n: usize, round: &str) -> String {
    format!(
        "Banjir rob merendam kawasan pesisir utara Jakarta pada Senin pagi ({n}).\n\n\
         Warga di **Muara Angke** mengungsi ke posko terdekat, kata petugas.\n\n\
         ## Penanganan\n\n- pompa air dinyalakan\n- dapur umum dibuka\n\n{round}"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_articles_go_through_review_exactly_once_with_every_note_and_revision() {
    let newsroom = redaksi_test_wordpress::start_newsroom().expect("the loopback WordPress starts");
    let stamp = Uuid::new_v4().simple().to_string()[..8].to_owned();
    let author = Person::new(&newsroom.author).await;
    let contributor = Person::new(&newsroom.contributor).await;
    let editor = Person::new(&newsroom.editor).await;

    // Roles come from WordPress.
    let may = |p: &Person| {
        let wp = p.wp.clone();
        async move { review::account(&wp).await.unwrap().may }
    };
    let (a, c, e) = (
        may(&author).await,
        may(&contributor).await,
        may(&editor).await,
    );
    assert!(a.submit && a.publish && !a.review, "{a:?}");
    assert!(c.submit && !c.publish && !c.review, "{c:?}");
    assert!(e.submit && e.publish && e.review, "{e:?}");
    // An author cannot approve others' posts: refused before anything is queued.
    let refused = review::approve(&author.store, Some(&author.wp), SITE, "1", None)
        .await
        .unwrap_err();
    assert!(refused.message.contains("may not approve"), "{refused}");

    // The editor's first pull starts the cursor; older pending posts of other tests are
    // pulled too, so the scenario counts only its own.
    review::pull(&editor.store, &editor.wp, SITE, ProfileId::Newsroom)
        .await
        .unwrap();

    // 1. The reporters write and submit 30 articles (half each), with WordPress down for a
    //    while and one answer lost: all wait in the outbox and go out exactly once.
    let reporters = [&author, &contributor];
    let mut articles: Vec<(usize, Uuid)> = Vec::new();
    for n in 0..ARTICLES {
        let reporter = reporters[n % 2];
        let title = format!("Banjir rob {stamp} nomor {n}");
        let text = body(n, "Laporan awal.");
        let article = reporter
            .store
            .call(move |s| s.create_article(&title, &text))
            .await
            .unwrap();
        review::submit(&reporter.store, article.id, SITE)
            .await
            .unwrap();
        articles.push((n % 2, article.id));
    }
    run(&["stop-php"]).unwrap();
    // Offline: nothing goes, nothing is lost.
    let offline = tokio::time::timeout(Duration::from_secs(3), send(&author)).await;
    assert!(offline.is_err(), "the worker waits while the site is down");
    run(&["start-php"]).unwrap();
    // The stopped worker's leases run out before the next one resumes its rows.
    tokio::time::sleep(Duration::from_secs(4)).await;
    // One create is stored by WordPress but its answer is an error.
    run(&[
        "option",
        "redaksi_fault",
        &json!({"status": 500, "count": 1, "mode": "after", "route": "/wp/v2/posts"}).to_string(),
    ])
    .unwrap();
    send(&author).await;
    send(&contributor).await;
    run(&["option", "redaksi_fault", "null"]).unwrap();
    for reporter in reporters {
        for item in reporter.outbox().await {
            assert_eq!(item.state, OutboxState::Sent, "{:?}", item.last_error);
        }
    }

    // 2. The editor pulls (incrementally) and sees every article pending, scored.
    let pulled = review::pull(&editor.store, &editor.wp, SITE, ProfileId::Newsroom)
        .await
        .unwrap();
    assert!(pulled.added >= ARTICLES, "{pulled:?}");
    let ours = |items: Vec<review::ReviewItem>| -> BTreeMap<String, review::ReviewItem> {
        items
            .into_iter()
            .filter(|i| i.title.contains(&stamp))
            .map(|i| (i.post.remote_id.clone(), i))
            .collect()
    };
    let waiting = ours(
        editor
            .store
            .call(|s| Ok(review::list(s, Some(SITE))))
            .await
            .unwrap()
            .unwrap(),
    );
    assert_eq!(waiting.len(), ARTICLES);
    for item in waiting.values() {
        assert!(
            item.post.score.is_some() && item.post.rankmath.is_some(),
            "{item:?}"
        );
        assert!(item.post.words > 20, "{item:?}");
        assert!(!item.post.author.is_empty(), "{item:?}");
    }
    // Nothing new: one request, nothing added.
    let again = review::pull(&editor.store, &editor.wp, SITE, ProfileId::Newsroom)
        .await
        .unwrap();
    assert_eq!(
        (again.requests, again.added, again.updated),
        (1, 0, 0),
        "{again:?}"
    );

    // 3. The editor returns every article with a note (editing the first lines of some).
    for (k, id) in waiting.keys().enumerate() {
        let note = format!("Catatan {k}: sebutkan sumber data BPBD");
        review::send_back(&editor.store, Some(&editor.wp), SITE, id, &note)
            .await
            .unwrap();
    }
    send(&editor).await;
    for item in editor.outbox().await {
        assert_eq!(item.state, OutboxState::Sent, "{:?}", item.last_error);
    }

    // 4. The reporters sync: every note arrives; they edit and resubmit.
    let mut notes = 0;
    for (r, reporter) in reporters.iter().enumerate() {
        let synced = review::sync(&reporter.store, &reporter.wp, SITE)
            .await
            .unwrap();
        notes += synced.notes;
        assert!(synced.conflicts.is_empty(), "{synced:?}");
        for (_, id) in articles.iter().filter(|(who, _)| *who == r) {
            let id = *id;
            let rows = reporter
                .store
                .call(move |s| s.review_of_article(id))
                .await
                .unwrap();
            assert_eq!(rows.len(), 1, "{rows:?} after {synced:?}");
            assert_eq!(rows[0].status, "draft");
            let note = rows[0].note.as_ref().expect("the note arrived");
            assert_eq!(note.by, "Sari Editor");
            reporter
                .store
                .call(move |s| {
                    let mut a = s.get_article(id)?;
                    a.body = a.body.replace("Laporan awal.", "Sumber: data BPBD DKI.");
                    s.save_article(&a)
                })
                .await
                .unwrap();
            review::submit(&reporter.store, id, SITE).await.unwrap();
        }
        send(reporter).await;
    }
    assert_eq!(notes, ARTICLES, "every note delivered");

    // 5. The editor pulls the resubmissions and approves them; meanwhile one reporter edits a
    //    post in WordPress itself: that approval stops at a conflict, nothing is overwritten.
    let resubmitted = review::pull(&editor.store, &editor.wp, SITE, ProfileId::Newsroom)
        .await
        .unwrap();
    assert!(resubmitted.updated >= ARTICLES, "{resubmitted:?}");
    assert!(resubmitted.conflicts.is_empty(), "{resubmitted:?}");
    let waiting = ours(
        editor
            .store
            .call(|s| Ok(review::list(s, Some(SITE))))
            .await
            .unwrap()
            .unwrap(),
    );
    assert_eq!(waiting.len(), ARTICLES);
    let raced = waiting.keys().next().unwrap().clone();
    let race_account = if waiting[&raced].post.author == "Rina Reporter" {
        &newsroom.author
    } else {
        &newsroom.contributor
    };
    rest(
        race_account,
        Method::POST,
        &format!("/wp/v2/posts/{raced}"),
        &[],
        Some(json!({"title": format!("{} (diperbarui)", waiting[&raced].title)})),
    )
    .await;
    for id in waiting.keys() {
        review::approve(&editor.store, Some(&editor.wp), SITE, id, None)
            .await
            .unwrap();
    }
    send(&editor).await;
    let stopped: Vec<_> = editor
        .outbox()
        .await
        .into_iter()
        .filter(|i| i.state == OutboxState::Conflict)
        .collect();
    assert_eq!(stopped.len(), 1, "{stopped:?}");
    let conflicts_seen = stopped.len();
    // The editor pulls the reporter's change and approves what is there now.
    review::pull(&editor.store, &editor.wp, SITE, ProfileId::Newsroom)
        .await
        .unwrap();
    editor
        .store
        .call({
            let id = stopped[0].id;
            move |s| s.outbox_dismiss(id)
        })
        .await
        .unwrap();
    review::approve(&editor.store, Some(&editor.wp), SITE, &raced, None)
        .await
        .unwrap();
    send(&editor).await;

    // Afterwards: every article exactly once in WordPress, published, with its final text.
    let mut published = BTreeSet::new();
    let mut duplicates = 0;
    for n in 0..ARTICLES {
        let title = format!("Banjir rob {stamp} nomor {n}");
        let found = rest(
            &newsroom.editor,
            Method::GET,
            "/wp/v2/posts",
            &[
                ("search", title.as_str()),
                ("status", "any"),
                ("per_page", "100"),
            ],
            None,
        )
        .await;
        let posts: Vec<&Value> = found
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| {
                let t = p["title"]["raw"].as_str().unwrap_or_default();
                t == title || t == format!("{title} (diperbarui)")
            })
            .collect();
        duplicates += posts.len().saturating_sub(1);
        assert_eq!(posts.len(), 1, "{title}: {posts:#?}");
        assert_eq!(posts[0]["status"], "publish", "{title}");
        let content = posts[0]["content"]["raw"].as_str().unwrap();
        assert!(content.contains("Sumber: data BPBD DKI."), "{content}");
        assert!(content.starts_with("<!-- wp:paragraph -->"), "{content}");
        published.insert(posts[0]["id"].to_string());
    }
    assert_eq!(published.len(), ARTICLES);

    // Every revision kept: each reporter's article has its first text, its submitted texts
    // and its edit in its history.
    let mut revisions = 0;
    for (r, reporter) in reporters.iter().enumerate() {
        for (_, id) in articles.iter().filter(|(who, _)| *who == r) {
            let id = *id;
            let history = reporter
                .store
                .call(move |s| s.list_revisions(id))
                .await
                .unwrap();
            let kinds: Vec<_> = history.iter().map(|h| h.kind).collect();
            assert!(
                kinds
                    .iter()
                    .filter(|k| **k == redaksi_store::RevisionKind::BeforePublish)
                    .count()
                    >= 2,
                "{kinds:?}"
            );
            revisions += history.len();
        }
    }
    // The reporter's change that raced the approval is what WordPress published.
    let raced_now = rest(
        &newsroom.editor,
        Method::GET,
        &format!("/wp/v2/posts/{raced}"),
        &[],
        None,
    )
    .await;
    let lost_conflicts = usize::from(
        !raced_now["title"]["raw"]
            .as_str()
            .unwrap_or_default()
            .ends_with("(diperbarui)"),
    );
    println!(
        "newsroom scenario: {ARTICLES} articles, {} published once, {duplicates} duplicates, \
         {notes} notes delivered, {revisions} revisions kept by the reporters, \
         {conflicts_seen} conflict(s) stopped and resolved, {lost_conflicts} lost",
        published.len()
    );
    assert_eq!(duplicates, 0);
    assert_eq!(lost_conflicts, 0, "{raced_now}");
}
