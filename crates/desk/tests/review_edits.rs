//! Review's texts against the real loopback WordPress: a post written in WordPress (classic
//! HTML) pulled and approved without edits keeps its content byte for byte, its author and
//! its terms; an editor's edit reaches the reporter as a named revision; an edit on both sides
//! keeps both; and a site without the Redaksi Review plugin refuses a note clearly.

use std::time::Duration;

use redaksi_desk::review;
use redaksi_publish::outbox::WorkerConfig;
use redaksi_seo::ProfileId;
use redaksi_store::outbox::OutboxState;
use redaksi_test_wordpress::run;

mod common;
use common::{Person, SITE, rest};
use reqwest::Method;
use serde_json::json;

/// Sends what a person queued; every row must go out.
async fn send(person: &Person) {
    person
        .send_with(WorkerConfig {
            base_delay: Duration::from_millis(100),
            settle: Duration::from_millis(300),
            ..WorkerConfig::default()
        })
        .await;
    for item in person.outbox().await {
        assert_eq!(item.state, OutboxState::Sent, "{:?}", item.last_error);
    }
}

// One test: each `wp.sh start` replaces the passwords, and the plugin is switched off once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn texts_round_trip_edits_come_back_as_revisions_and_both_sides_are_kept() {
    let newsroom = redaksi_test_wordpress::start_newsroom().expect("the loopback WordPress starts");
    let reporter = Person::new(&newsroom.author).await;
    let editor = Person::new(&newsroom.editor).await;

    // A classic post written in WordPress, with a tag, waiting for review.
    let tag = rest(
        &newsroom.editor,
        Method::POST,
        "/wp/v2/tags",
        &[],
        Some(json!({"name": format!("rob-{}", uuid::Uuid::new_v4().simple())})),
    )
    .await;
    let classic = "Paragraf pertama dari editor lama.\n\nParagraf <strong>kedua</strong> dengan <a href=\"https://example.com/?a=1&amp;b=2\">tautan</a>.\n\n<h2>Subjudul</h2>\n\n<ul>\n \t<li>satu</li>\n \t<li>dua</li>\n</ul>";
    let made = rest(
        &newsroom.author,
        Method::POST,
        "/wp/v2/posts",
        &[],
        Some(
            json!({"title": "Tulisan klasik", "content": classic, "status": "pending",
                     "tags": [tag["id"]]}),
        ),
    )
    .await;
    let post = made["id"].to_string();
    let stored = made["content"]["raw"].as_str().unwrap().to_owned();

    review::pull(&editor.store, &editor.wp, SITE, ProfileId::Newsroom)
        .await
        .unwrap();
    let row = editor
        .store
        .call({
            let post = post.clone();
            move |s| {
                Ok(review::show(
                    s,
                    SITE,
                    &post,
                    redaksi_store::review::Side::Editor,
                ))
            }
        })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.author, "Rina Reporter");
    let article = editor
        .store
        .call(move |s| s.get_article(row.article_id))
        .await
        .unwrap();
    assert!(article.body.contains("**kedua**"), "{}", article.body);
    assert_eq!(article.meta.tags, [tag["name"].as_str().unwrap()]);

    // Approved without edits: WordPress holds exactly the content it had.
    review::approve(&editor.store, Some(&editor.wp), SITE, &post, None)
        .await
        .unwrap();
    send(&editor).await;
    let after = rest(
        &newsroom.editor,
        Method::GET,
        &format!("/wp/v2/posts/{post}"),
        &[],
        None,
    )
    .await;
    assert_eq!(after["status"], "publish");
    assert_eq!(
        after["content"]["raw"].as_str().unwrap(),
        stored,
        "the round trip changed the post"
    );
    assert_eq!(after["author"], made["author"]);
    assert_eq!(after["tags"], made["tags"]);
    assert_eq!(after["categories"], made["categories"]);

    // A reporter's article; the editor edits it and returns it with a note.
    let mine = reporter
        .store
        .call(|s| {
            s.create_article(
                "Banjir rob di Muara Angke",
                "Air naik sejak pagi.\n\nWarga mengungsi.",
            )
        })
        .await
        .unwrap();
    review::submit(&reporter.store, mine.id, SITE)
        .await
        .unwrap();
    send(&reporter).await;
    review::pull(&editor.store, &editor.wp, SITE, ProfileId::Newsroom)
        .await
        .unwrap();
    let remote = reporter
        .store
        .call(move |s| s.remote_post(mine.id, SITE))
        .await
        .unwrap()
        .unwrap()
        .remote_id
        .unwrap();
    let edit = |remote: String, from: &'static str, to: &'static str| {
        let store = editor.store.clone();
        async move {
            store
                .call(move |s| {
                    let row = s
                        .review_get(SITE, &remote, redaksi_store::review::Side::Editor)?
                        .unwrap();
                    let mut a = s.get_article(row.article_id)?;
                    assert!(a.body.contains(from), "{}", a.body);
                    a.body = a.body.replace(from, to);
                    s.save_article(&a)
                })
                .await
                .unwrap()
        }
    };
    // WordPress keeps a post's modification time to the second, and a sync tells its own
    // version from someone else's by that time: the editor's change lands in a later second,
    // as it always does when a person reads and edits between the two.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    edit(
        remote.clone(),
        "Warga mengungsi.",
        "Ratusan warga mengungsi ke masjid.",
    )
    .await;
    review::send_back(
        &editor.store,
        Some(&editor.wp),
        SITE,
        &remote,
        "Tambahkan jumlah pengungsi",
    )
    .await
    .unwrap();
    send(&editor).await;

    let synced = review::sync(&reporter.store, &reporter.wp, SITE)
        .await
        .unwrap();
    assert_eq!((synced.updated, synced.notes), (1, 1), "{synced:?}");
    let now = reporter
        .store
        .call(move |s| s.get_article(mine.id))
        .await
        .unwrap();
    assert!(
        now.body.contains("Ratusan warga mengungsi ke masjid."),
        "{}",
        now.body
    );
    let history = reporter
        .store
        .call(move |s| s.list_revisions(mine.id))
        .await
        .unwrap();
    assert!(
        history.iter().any(
            |r| r.name.as_deref() == Some("Disunting oleh Sari Editor / edited by Sari Editor")
        ),
        "{history:?}"
    );

    // Both change it: the reporter's text stays, the editor's is kept beside it.
    reporter
        .store
        .call(move |s| {
            let mut a = s.get_article(mine.id)?;
            a.body.push_str("\n\nTambahan reporter.");
            s.save_article(&a)
        })
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    edit(
        remote.clone(),
        "Ratusan warga mengungsi ke masjid.",
        "Lima ratus warga mengungsi.",
    )
    .await;
    review::send_back(
        &editor.store,
        Some(&editor.wp),
        SITE,
        &remote,
        "Cek angkanya",
    )
    .await
    .unwrap();
    send(&editor).await;
    let synced = review::sync(&reporter.store, &reporter.wp, SITE)
        .await
        .unwrap();
    assert_eq!(synced.conflicts, [mine.id], "{synced:?}");
    let now = reporter
        .store
        .call(move |s| s.get_article(mine.id))
        .await
        .unwrap();
    assert!(now.body.contains("Tambahan reporter."), "{}", now.body);
    let history = reporter
        .store
        .call(move |s| s.list_revisions(mine.id))
        .await
        .unwrap();
    let kept = history
        .iter()
        .find(|r| r.name.as_deref().is_some_and(|n| n.contains("konflik")))
        .expect("the editor's text is kept as a named version");
    let theirs = reporter
        .store
        .call({
            let rev = kept.id;
            move |s| s.get_revision(mine.id, rev)
        })
        .await
        .unwrap();
    assert!(
        theirs.body.contains("Lima ratus warga mengungsi."),
        "{}",
        theirs.body
    );

    // A site without the plugin: a note is refused and says why; nothing is queued.
    run(&["plugin", "off", "redaksi-review"]).unwrap();
    let fresh = review::connect(&editor.store, editor.secrets.as_ref(), SITE)
        .await
        .unwrap();
    let refused = review::send_back(&editor.store, Some(&fresh), SITE, &remote, "Catatan").await;
    run(&["plugin", "on", "redaksi-review"]).unwrap();
    let refused = refused.unwrap_err();
    assert!(
        refused.message.contains("Redaksi Review plugin"),
        "{refused}"
    );
}
