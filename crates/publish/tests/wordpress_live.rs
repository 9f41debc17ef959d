//! Publishing to a real WordPress on loopback (tests/wordpress/wp.sh), with the faults caused
//! for real: the web server stopped, a response lost after WordPress applied a create, a wrong
//! application password, an edit made in WordPress, and 500/429/501 answers from the test
//! site's must-use plugin. The tests share one site, so they take turns.

mod common;

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use redaksi_article::{FeaturedImage, Keyword};
use redaksi_publish::outbox::{Progress, Until, Worker, WorkerConfig, enqueue};
use redaksi_store::outbox::OutboxState;
use reqwest::Method;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Mutex;

use common::{Env, env, site};

static TURN: Mutex<()> = Mutex::const_new(());

fn fast() -> WorkerConfig {
    WorkerConfig {
        concurrency: 4,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(800),
        max_attempts: 6,
        request_timeout: Duration::from_secs(20),
        lease: Duration::from_secs(30),
        settle: Duration::from_millis(500),
    }
}

fn worker(e: &Env, config: WorkerConfig) -> Arc<Worker> {
    Arc::new(Worker::new(e.store.clone(), e.secrets.clone(), config))
}

async fn item(e: &Env, id: i64) -> redaksi_store::outbox::OutboxItem {
    e.store.call(move |s| s.outbox_get(id)).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publishes_with_images_terms_and_seo_read_back_then_updates_the_same_post() {
    let _turn = TURN.lock().await;
    let wp = site();
    let e = env(&wp.url, &wp.password);
    let article = e.article("Banjir rob di Jakarta Utara", "", |_| {}).await;
    let featured = e.stored_image(article.id, "utama.png", "featured").await;
    let inline_a = e.stored_image(article.id, "a.png", "inline-a").await;
    let inline_b = e.stored_image(article.id, "b.png", "inline-b").await;
    let body = format!(
        "Hujan deras sejak pagi.\n\n![Genangan]({inline_a})\n\nAir surut sore hari.\n\n![Petugas]({inline_b})\n"
    );
    let stamp = Utc::now().timestamp_micros().to_string();
    let tag = format!("banjir-{stamp}");
    let category = format!("Metro & Kota {stamp}");
    let (tag2, category2) = (tag.clone(), category.clone());
    let article = e
        .edit(article.id, move |a| {
            a.body = body;
            a.meta.seo_title = Some("Banjir rob Jakarta Utara hari ini".into());
            a.meta.description = Some("Ringkasan banjir rob.".into());
            a.meta.keywords = vec![Keyword::new("banjir rob")];
            a.meta.featured_image = Some(FeaturedImage {
                src: featured,
                alt: Some("Foto utama".into()),
            });
            a.meta.tags = vec![tag2];
            a.meta.category = Some(category2);
        })
        .await;
    let queued = enqueue(&e.store, article.id, "situs", "draft", None)
        .await
        .unwrap();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let w = Arc::new(Worker::new(e.store.clone(), e.secrets.clone(), fast()).with_progress(tx));
    w.run(Until::Empty).await.unwrap();
    let sent = item(&e, queued.id).await;
    assert_eq!(sent.state, OutboxState::Sent, "{:?}", sent.last_error);

    let posts = wp.posts_of(&article).await;
    assert_eq!(posts.len(), 1, "{posts:#?}");
    let post = &posts[0];
    assert_eq!(post["id"].to_string(), sent.remote_id.clone().unwrap());
    assert_eq!(post["status"], "draft");
    assert_eq!(post["title"]["raw"], "Banjir rob di Jakarta Utara");
    assert_eq!(post["excerpt"]["raw"], "Ringkasan banjir rob.");
    let content = post["content"]["raw"].as_str().unwrap();
    assert!(!content.contains("media/"), "local paths left in {content}");
    // Native blocks for the block editor, exactly what `redaksi_blocks` reads back as the
    // article's Markdown (the site keeps the identity meta, so no marker comment).
    assert!(
        content.starts_with("<!-- wp:paragraph -->\n<p>Hujan deras sejak pagi.</p>"),
        "{content}"
    );
    assert_eq!(content.matches("<!-- wp:image").count(), 2, "{content}");
    let pulled = redaksi_blocks::to_markdown(content).unwrap().markdown;
    assert_eq!(
        pulled,
        article
            .body
            .trim_end()
            .replace(&inline_a, uploads_of(content)[0])
            .replace(&inline_b, uploads_of(content)[1])
    );
    let uploads: Vec<&str> = content
        .match_indices("/wp-content/uploads/")
        .map(|(i, _)| &content[i..])
        .collect();
    assert_eq!(uploads.len(), 2, "{content}");
    // The rewritten image URLs serve the uploaded files.
    let src = content
        .split("src=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let img = reqwest::get(src).await.unwrap();
    assert_eq!(img.status(), 200, "{src}");
    assert!(
        img.bytes()
            .await
            .unwrap()
            .starts_with(&common::PNG_1X1[..8])
    );
    let media = wp
        .rest(
            Method::GET,
            &format!("/wp/v2/media/{}", post["featured_media"]),
            &[],
            None,
        )
        .await;
    assert_eq!(media["alt_text"], "Foto utama");

    let tags = wp
        .rest(
            Method::GET,
            "/wp/v2/tags",
            &[("include", &post["tags"][0].to_string())],
            None,
        )
        .await;
    assert_eq!(tags[0]["name"], tag);
    let cats = wp
        .rest(
            Method::GET,
            "/wp/v2/categories",
            &[("include", &post["categories"][0].to_string())],
            None,
        )
        .await;
    assert_eq!(
        cats[0]["name"].as_str().unwrap().replace("&amp;", "&"),
        category
    );

    // SEO: the test site registers title and description, not the focus keyword.
    assert_eq!(
        post["meta"]["rank_math_title"],
        "Banjir rob Jakarta Utara hari ini"
    );
    assert_eq!(
        post["meta"]["rank_math_description"],
        "Ringkasan banjir rob."
    );
    let report: Value = serde_json::from_str(sent.report.as_deref().unwrap()).unwrap();
    let stuck: Vec<(String, bool)> = report["seo"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["key"].as_str().unwrap().to_owned(),
                f["stuck"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        stuck,
        [
            ("rank_math_title".into(), true),
            ("rank_math_description".into(), true),
            ("rank_math_focus_keyword".into(), false)
        ]
    );
    let mut events = Vec::new();
    while let Ok(ev) = rx.try_recv() {
        events.push(ev);
    }
    assert!(
        events.contains(&Progress::Uploaded {
            id: queued.id,
            done: 3,
            total: 3
        }),
        "{events:?}"
    );
    assert!(
        matches!(
            events.last(),
            Some(Progress::Finished {
                state: OutboxState::Sent,
                ..
            })
        ),
        "{events:?}"
    );

    // A second publish of the edited article updates the same post and re-uses the images.
    let id = article.id;
    e.store
        .call(move |s| {
            let mut a = s.get_article(id)?;
            a.title = "Banjir rob surut".into();
            s.save_article(&a)
        })
        .await
        .unwrap();
    let media_before = wp
        .rest(Method::GET, "/wp/v2/media", &[("per_page", "100")], None)
        .await
        .as_array()
        .unwrap()
        .len();
    let again = enqueue(&e.store, article.id, "situs", "publish", None)
        .await
        .unwrap();
    w.run(Until::Empty).await.unwrap();
    let again = item(&e, again.id).await;
    assert_eq!(again.state, OutboxState::Sent, "{:?}", again.last_error);
    assert_eq!(again.remote_id, sent.remote_id);
    let posts = wp.posts_of(&article).await;
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0]["title"]["raw"], "Banjir rob surut");
    assert_eq!(posts[0]["status"], "publish");
    let media_after = wp
        .rest(Method::GET, "/wp/v2/media", &[("per_page", "100")], None)
        .await
        .as_array()
        .unwrap()
        .len();
    assert_eq!(media_before, media_after, "images were uploaded twice");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn web_server_down_while_queued_then_each_post_goes_out_exactly_once() {
    let _turn = TURN.lock().await;
    let wp = site();
    let e = env(&wp.url, &wp.password);
    let mut articles = Vec::new();
    for n in 0..3 {
        articles.push(
            e.article(&format!("Pemadaman {n}"), "Listrik padam.", |_| {})
                .await,
        );
    }
    wp.wp(&["stop-php"]);
    let mut ids = Vec::new();
    for a in &articles {
        ids.push(
            enqueue(&e.store, a.id, "situs", "draft", None)
                .await
                .unwrap()
                .id,
        );
    }
    let w = worker(&e, fast());
    let running = tokio::spawn({
        let w = Arc::clone(&w);
        async move { w.run(Until::Empty).await }
    });
    tokio::time::sleep(Duration::from_millis(1500)).await;
    for id in &ids {
        let it = item(&e, *id).await;
        assert!(
            matches!(it.state, OutboxState::Queued | OutboxState::Sending),
            "{it:?}"
        );
        assert!(
            it.attempts >= 1,
            "the worker did not try while the server was down: {it:?}"
        );
    }
    let waiting = item(&e, ids[0]).await;
    assert!(
        waiting
            .last_error
            .as_deref()
            .unwrap_or_default()
            .contains("network"),
        "{waiting:?}"
    );
    wp.wp(&["start-php"]);
    tokio::time::timeout(Duration::from_secs(60), running)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    for (a, id) in articles.iter().zip(&ids) {
        assert_eq!(item(&e, *id).await.state, OutboxState::Sent);
        assert_eq!(
            wp.posts_of(a).await.len(),
            1,
            "article {} posted more than once or not at all",
            a.title
        );
    }
}

/// A create: POST to the posts route itself.
fn is_create(head: &str) -> bool {
    head.starts_with("POST")
        && head.contains("%2Fwp%2Fv2%2Fposts")
        && !head.contains("%2Fwp%2Fv2%2Fposts%2F")
}

/// An update: POST to one post's route.
fn is_update(head: &str) -> bool {
    head.starts_with("POST") && head.contains("%2Fwp%2Fv2%2Fposts%2F")
}

/// Forwards each request to WordPress; the first `drop` requests that `lose` picks get
/// WordPress's answer thrown away and the connection closed, as a network cut would.
async fn lossy_proxy(
    upstream: String,
    mut drop: usize,
    lose: fn(&str) -> bool,
) -> (String, tokio::task::JoinHandle<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    let handle = tokio::spawn(async move {
        let mut dropped = 0;
        loop {
            let Ok(Ok((mut client, _))) =
                tokio::time::timeout(Duration::from_secs(20), listener.accept()).await
            else {
                return dropped;
            };
            let request = read_http_message(&mut client).await;
            let head = String::from_utf8_lossy(&request[..request.len().min(300)]).to_string();
            let mut server = TcpStream::connect(&upstream).await.unwrap();
            server.write_all(&request).await.unwrap();
            let mut response = Vec::new();
            server.read_to_end(&mut response).await.unwrap();
            if lose(&head) && drop > 0 {
                drop -= 1;
                dropped += 1;
                std::mem::drop(client);
                continue;
            }
            let _ = client.write_all(&response).await;
        }
    });
    (addr, handle)
}

/// Reads one HTTP/1.1 request: headers, then Content-Length bytes of body.
async fn read_http_message(stream: &mut TcpStream) -> Vec<u8> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = stream.read(&mut chunk).await.unwrap();
        if n == 0 {
            return buf;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .map_or(0, |v| v.trim().parse().unwrap());
            while buf.len() < end + 4 + len {
                let n = stream.read(&mut chunk).await.unwrap();
                if n == 0 {
                    break;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            return buf;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn response_lost_after_wordpress_created_the_post_makes_no_duplicate() {
    let _turn = TURN.lock().await;
    let wp = site();
    let upstream = wp.url.trim_start_matches("http://").to_owned();
    let (proxy, proxy_task) = lossy_proxy(upstream, 1, is_create).await;
    let e = env(&proxy, &wp.password);
    let article = e
        .article("Gempa di Cianjur", "Gempa magnitudo 5,6.", |a| {
            a.meta.slug = Some("gempa-cianjur".into())
        })
        .await;
    let queued = enqueue(&e.store, article.id, "situs", "pending", None)
        .await
        .unwrap();
    worker(&e, fast()).run(Until::Empty).await.unwrap();
    let done = item(&e, queued.id).await;
    assert_eq!(done.state, OutboxState::Sent, "{:?}", done.last_error);
    assert!(
        done.attempts >= 2,
        "the lost answer should have cost an attempt: {done:?}"
    );
    let posts = wp.posts_of(&article).await;
    assert_eq!(
        posts.len(),
        1,
        "duplicate post after a lost response: {posts:#?}"
    );
    assert_eq!(posts[0]["id"].to_string(), done.remote_id.unwrap());
    assert_eq!(posts[0]["status"], "pending");
    assert_eq!(
        proxy_task.await.unwrap(),
        1,
        "the proxy never dropped a create response"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_application_password_stops_at_needs_auth_without_retrying() {
    let _turn = TURN.lock().await;
    let wp = site();
    let wrong = "abcd EFGH ijkl MNOP qrst UVWX";
    let e = env(&wp.url, wrong);
    let article = e.article("Salah sandi", "Isi.", |_| {}).await;
    let queued = enqueue(&e.store, article.id, "situs", "draft", None)
        .await
        .unwrap();
    worker(&e, fast()).run(Until::Empty).await.unwrap();
    let it = item(&e, queued.id).await;
    assert_eq!(it.state, OutboxState::NeedsAuth);
    assert_eq!(it.attempts, 1, "retry storm against a wrong password");
    let message = it.last_error.unwrap();
    assert!(message.contains("401"), "{message}");
    assert!(
        !message.contains(wrong) && !message.contains("EFGH"),
        "the password leaked into {message}"
    );
    assert!(wp.posts_of(&article).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_edited_in_wordpress_is_a_conflict_and_is_not_overwritten() {
    let _turn = TURN.lock().await;
    let wp = site();
    let e = env(&wp.url, &wp.password);
    let article = e
        .article("Harga beras naik", "Harga naik 10 persen.", |_| {})
        .await;
    let first = enqueue(&e.store, article.id, "situs", "draft", None)
        .await
        .unwrap();
    let w = worker(&e, fast());
    w.run(Until::Empty).await.unwrap();
    let first = item(&e, first.id).await;
    assert_eq!(first.state, OutboxState::Sent);
    // modified_gmt has one-second resolution: the editor's change lands in a later second.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let remote_id = first.remote_id.clone().unwrap();
    wp.rest(
        Method::POST,
        &format!("/wp/v2/posts/{remote_id}"),
        &[],
        Some(json!({"title": "Harga beras naik (editor)"})),
    )
    .await;

    let id = article.id;
    e.store
        .call(move |s| {
            let mut a = s.get_article(id)?;
            a.body = "Harga naik 12 persen menurut BPS.".into();
            s.save_article(&a)
        })
        .await
        .unwrap();
    let second = enqueue(&e.store, article.id, "situs", "draft", None)
        .await
        .unwrap();
    w.run(Until::Empty).await.unwrap();
    let second = item(&e, second.id).await;
    assert_eq!(
        second.state,
        OutboxState::Conflict,
        "{:?}",
        second.last_error
    );
    let post = wp
        .rest(
            Method::GET,
            &format!("/wp/v2/posts/{remote_id}"),
            &[("context", "edit")],
            None,
        )
        .await;
    assert_eq!(post["title"]["raw"], "Harga beras naik (editor)");
    assert!(
        !post["content"]["raw"]
            .as_str()
            .unwrap()
            .contains("12 persen"),
        "remote text was overwritten"
    );
    let remote_copy: Value = serde_json::from_str(second.remote_copy.as_deref().unwrap()).unwrap();
    assert_eq!(remote_copy["title"], "Harga beras naik (editor)");
    assert!(
        second.snapshot.contains("12 persen"),
        "the local text must be kept"
    );

    // The user chooses to overwrite.
    let sid = second.id;
    e.store
        .call(move |s| s.outbox_retry(sid, true, false))
        .await
        .unwrap();
    w.run(Until::Empty).await.unwrap();
    assert_eq!(item(&e, sid).await.state, OutboxState::Sent);
    let post = wp
        .rest(
            Method::GET,
            &format!("/wp/v2/posts/{remote_id}"),
            &[("context", "edit")],
            None,
        )
        .await;
    assert!(
        post["content"]["raw"]
            .as_str()
            .unwrap()
            .contains("12 persen")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn injected_500_and_429_are_retried_then_sent_and_501_fails_at_once() {
    let _turn = TURN.lock().await;
    let wp = site();
    let e = env(&wp.url, &wp.password);
    let w = worker(&e, fast());

    wp.wp(&["fault", "500", "2"]);
    let a = e.article("Server error", "Isi.", |_| {}).await;
    let q = enqueue(&e.store, a.id, "situs", "draft", None)
        .await
        .unwrap();
    w.run(Until::Empty).await.unwrap();
    let it = item(&e, q.id).await;
    assert_eq!(it.state, OutboxState::Sent, "{:?}", it.last_error);
    assert_eq!(it.attempts, 3);
    assert_eq!(wp.posts_of(&a).await.len(), 1);

    wp.wp(&["fault", "429", "1", "2"]);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let w429 = Arc::new(Worker::new(e.store.clone(), e.secrets.clone(), fast()).with_progress(tx));
    let b = e.article("Terlalu banyak", "Isi.", |_| {}).await;
    let q = enqueue(&e.store, b.id, "situs", "draft", None)
        .await
        .unwrap();
    let started = Utc::now();
    w429.run(Until::Empty).await.unwrap();
    let it = item(&e, q.id).await;
    assert_eq!(it.state, OutboxState::Sent, "{:?}", it.last_error);
    assert_eq!(it.attempts, 2);
    let mut retry_at = None;
    while let Ok(ev) = rx.try_recv() {
        if let Progress::Retrying { at, .. } = ev {
            retry_at = Some(at);
        }
    }
    let waited = retry_at.expect("a Retrying event") - started;
    assert!(
        waited >= chrono::Duration::milliseconds(1900),
        "Retry-After: 2 was not honoured: {waited}"
    );
    assert_eq!(wp.posts_of(&b).await.len(), 1);

    wp.wp(&["fault", "501", "1"]);
    let c = e.article("Tidak didukung", "Isi.", |_| {}).await;
    let q = enqueue(&e.store, c.id, "situs", "draft", None)
        .await
        .unwrap();
    w.run(Until::Empty).await.unwrap();
    let it = item(&e, q.id).await;
    assert_eq!(it.state, OutboxState::Failed);
    assert_eq!(it.attempts, 1);
    assert!(it.last_error.unwrap().contains("redaksi_injected_fault"));
    wp.wp(&["fault", "0", "0"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_schedule_that_passed_offline_waits_for_confirmation() {
    let _turn = TURN.lock().await;
    let wp = site();
    let e = env(&wp.url, &wp.password);
    let a = e.article("Jadwal lewat", "Isi.", |_| {}).await;
    let past = Utc::now() - chrono::Duration::minutes(5);
    let q = enqueue(&e.store, a.id, "situs", "future", Some(past))
        .await
        .unwrap();
    let w = worker(&e, fast());
    w.run(Until::Empty).await.unwrap();
    assert_eq!(item(&e, q.id).await.state, OutboxState::NeedsConfirmation);
    assert!(
        wp.posts_of(&a).await.is_empty(),
        "published without confirmation"
    );
    let qid = q.id;
    e.store
        .call(move |s| s.outbox_retry(qid, false, true))
        .await
        .unwrap();
    w.run(Until::Final(q.id)).await.unwrap();
    assert_eq!(item(&e, q.id).await.state, OutboxState::Sent);
    assert_eq!(wp.posts_of(&a).await[0]["status"], "publish");

    // A schedule still in the future goes out as `future` with its date.
    let b = e.article("Jadwal nanti", "Isi.", |_| {}).await;
    let later = Utc::now() + chrono::Duration::days(2);
    let q = enqueue(&e.store, b.id, "situs", "future", Some(later))
        .await
        .unwrap();
    w.run(Until::Final(q.id)).await.unwrap();
    let post = &wp.posts_of(&b).await[0];
    assert_eq!(post["status"], "future");
    assert_eq!(
        post["date_gmt"],
        later.format("%Y-%m-%dT%H:%M:%S").to_string()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_killed_after_sending_a_create_is_resumed_by_the_next_one_without_a_duplicate() {
    let _turn = TURN.lock().await;
    let wp = site();
    let e = env(&wp.url, &wp.password);
    let a = e.article("Sesudah restart", "Isi.", |_| {}).await;
    let q = enqueue(&e.store, a.id, "situs", "draft", None)
        .await
        .unwrap();
    // What a killed worker leaves behind: the row claimed (`sending`), the create intent
    // persisted, and the post created in WordPress with no answer recorded.
    // A zero lease: the killed worker can no longer renew it, so it has run out.
    let claimed = e
        .store
        .call(|s| s.outbox_claim_due("killed", Duration::ZERO, 1))
        .await
        .unwrap();
    assert_eq!(claimed[0].id, q.id);
    let id = a.id;
    e.store
        .call(move |s| s.remote_post_intend_create(id, "situs", "sesudah-restart"))
        .await
        .unwrap();
    let body = redaksi_publish::payload::body_html(&a, &Default::default());
    wp.rest(
        Method::POST,
        "/wp/v2/posts",
        &[],
        Some(json!({"title": a.title, "content": body, "slug": "sesudah-restart", "status": "draft"})),
    )
    .await;
    assert_eq!(wp.posts_of(&a).await.len(), 1);

    worker(&e, fast()).run(Until::Empty).await.unwrap();
    let it = item(&e, q.id).await;
    assert_eq!(it.state, OutboxState::Sent, "{:?}", it.last_error);
    let posts = wp.posts_of(&a).await;
    assert_eq!(posts.len(), 1, "the restarted worker created a second post");
    assert_eq!(posts[0]["id"].to_string(), it.remote_id.unwrap());
}

/// The image URLs in WordPress content, in order.
fn uploads_of(content: &str) -> Vec<&str> {
    content
        .split("src=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

/// Sets one of the test site's harness options (`null` clears it).
fn option(wp: &common::Site, name: &str, value: Value) {
    wp.wp(&["option", name, &value.to_string()]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_error_after_wordpress_created_the_post_ends_with_one_post() {
    let _turn = TURN.lock().await;
    let wp = site();
    let e = env(&wp.url, &wp.password);
    let a = e.article("Galat sesudah simpan", "Isi.", |_| {}).await;
    option(
        wp,
        "redaksi_fault",
        json!({"status": 500, "count": 1, "mode": "after", "route": "/wp/v2/posts"}),
    );
    let q = enqueue(&e.store, a.id, "situs", "draft", None)
        .await
        .unwrap();
    worker(&e, fast()).run(Until::Empty).await.unwrap();
    option(wp, "redaksi_fault", Value::Null);
    let it = item(&e, q.id).await;
    assert_eq!(it.state, OutboxState::Sent, "{:?}", it.last_error);
    assert_eq!(it.attempts, 2, "the 500 should have cost an attempt");
    let posts = wp.posts_of(&a).await;
    assert_eq!(posts.len(), 1, "{posts:#?}");
    assert_eq!(posts[0]["id"].to_string(), it.remote_id.unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_create_still_running_when_the_client_gave_up_makes_no_second_post() {
    let _turn = TURN.lock().await;
    let wp = site();
    let e = env(&wp.url, &wp.password);
    let a = e.article("Server lambat", "Isi.", |_| {}).await;
    // WordPress takes 3 s to store the post; the client gives up after 1 s and the retry
    // comes long before the post exists.
    option(
        wp,
        "redaksi_fault",
        json!({"status": 0, "count": 1, "mode": "slow", "delay": 3, "route": "/wp/v2/posts"}),
    );
    let q = enqueue(&e.store, a.id, "situs", "draft", None)
        .await
        .unwrap();
    let config = WorkerConfig {
        request_timeout: Duration::from_secs(1),
        settle: Duration::from_secs(6),
        ..fast()
    };
    worker(&e, config).run(Until::Empty).await.unwrap();
    option(wp, "redaksi_fault", Value::Null);
    let it = item(&e, q.id).await;
    assert_eq!(it.state, OutboxState::Sent, "{:?}", it.last_error);
    let posts = wp.posts_of(&a).await;
    assert_eq!(
        posts.len(),
        1,
        "a second post while the first was being made: {posts:#?}"
    );
    assert_eq!(posts[0]["id"].to_string(), it.remote_id.unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_site_that_strips_comments_still_finds_its_post_after_a_lost_answer() {
    let _turn = TURN.lock().await;
    let wp = site();
    let upstream = wp.url.trim_start_matches("http://").to_owned();
    let (proxy, proxy_task) = lossy_proxy(upstream, 1, is_create).await;
    let e = env(&proxy, &wp.password);
    let a = e.article("Tanpa komentar", "Isi.", |_| {}).await;
    // Older namesakes push our post's slug past the `-2`, `-3` the lookup tries first.
    for _ in 0..3 {
        let body =
            json!({"title": "Tanpa komentar", "slug": "tanpa-komentar", "status": "publish"});
        wp.rest(Method::POST, "/wp/v2/posts", &[], Some(body)).await;
    }
    option(wp, "redaksi_strip_comments", json!(true));
    let q = enqueue(&e.store, a.id, "situs", "draft", None)
        .await
        .unwrap();
    worker(&e, fast()).run(Until::Empty).await.unwrap();
    option(wp, "redaksi_strip_comments", Value::Null);
    let it = item(&e, q.id).await;
    assert_eq!(it.state, OutboxState::Sent, "{:?}", it.last_error);
    let posts = wp.posts_of(&a).await;
    assert_eq!(posts.len(), 1, "{posts:#?}");
    assert!(
        !posts[0]["content"]["raw"]
            .as_str()
            .unwrap()
            .contains("<!--"),
        "the site did not strip the marker"
    );
    assert_eq!(proxy_task.await.unwrap(), 1, "no create answer was lost");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_answer_to_an_update_is_not_a_conflict() {
    let _turn = TURN.lock().await;
    let wp = site();
    let upstream = wp.url.trim_start_matches("http://").to_owned();
    let (proxy, proxy_task) = lossy_proxy(upstream, 1, is_update).await;
    let e = env(&proxy, &wp.password);
    let a = e.article("Jawaban hilang", "Versi satu.", |_| {}).await;
    let first = enqueue(&e.store, a.id, "situs", "draft", None)
        .await
        .unwrap();
    let w = worker(&e, fast());
    w.run(Until::Empty).await.unwrap();
    assert_eq!(item(&e, first.id).await.state, OutboxState::Sent);
    // modified_gmt has one-second resolution: the update lands in a later second.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    e.edit(a.id, |a| a.body = "Versi dua.".into()).await;
    let second = enqueue(&e.store, a.id, "situs", "draft", None)
        .await
        .unwrap();
    w.run(Until::Empty).await.unwrap();
    let it = item(&e, second.id).await;
    assert_eq!(it.state, OutboxState::Sent, "{:?}", it.last_error);
    let posts = wp.posts_of(&a).await;
    assert_eq!(posts.len(), 1, "{posts:#?}");
    assert!(
        posts[0]["content"]["raw"]
            .as_str()
            .unwrap()
            .contains("Versi dua.")
    );
    assert_eq!(proxy_task.await.unwrap(), 1, "no update answer was lost");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_mapping_is_found_again_before_any_create() {
    let _turn = TURN.lock().await;
    let wp = site();
    let e = env(&wp.url, &wp.password);
    let a = e.article("Sesudah pemulihan", "Isi.", |_| {}).await;
    let first = enqueue(&e.store, a.id, "situs", "draft", None)
        .await
        .unwrap();
    let w = worker(&e, fast());
    w.run(Until::Empty).await.unwrap();
    let first = item(&e, first.id).await;
    assert_eq!(first.state, OutboxState::Sent);
    // What an old backup restored without the publish state would leave: no mapping at all.
    e.store
        .call(|s| Ok(s.connection().execute("DELETE FROM remote_posts", [])?))
        .await
        .unwrap();
    let again = enqueue(&e.store, a.id, "situs", "publish", None)
        .await
        .unwrap();
    w.run(Until::Empty).await.unwrap();
    let again = item(&e, again.id).await;
    assert_eq!(again.state, OutboxState::Sent, "{:?}", again.last_error);
    assert_eq!(again.remote_id, first.remote_id);
    assert_eq!(wp.posts_of(&a).await.len(), 1, "a second post");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_outside_redaksis_media_is_never_uploaded() {
    let _turn = TURN.lock().await;
    let wp = site();
    let e = env(&wp.url, &wp.password);
    let secret = e.image("id-card.png", "private");
    let reference = secret.display().to_string();
    let body = format!("Isi.\n\n![kartu]({reference})");
    let a = e.article("Kartu identitas", &body, |_| {}).await;
    let media_before = wp
        .rest(Method::GET, "/wp/v2/media", &[("per_page", "1")], None)
        .await;
    let q = enqueue(&e.store, a.id, "situs", "draft", None)
        .await
        .unwrap();
    worker(&e, fast()).run(Until::Empty).await.unwrap();
    let it = item(&e, q.id).await;
    assert_eq!(it.state, OutboxState::Failed);
    let message = it.last_error.unwrap();
    assert!(message.contains(&reference), "{message}");
    assert!(wp.posts_of(&a).await.is_empty());
    let media_after = wp
        .rest(Method::GET, "/wp/v2/media", &[("per_page", "1")], None)
        .await;
    assert_eq!(media_before, media_after, "the file was uploaded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_after_far_in_the_future_waits_capped_and_the_other_rows_go_out() {
    let _turn = TURN.lock().await;
    let wp = site();
    let e = env(&wp.url, &wp.password);
    let a = e.article("Nanti saja", "Isi.", |_| {}).await;
    let b = e.article("Sekarang", "Isi.", |_| {}).await;
    // Whichever row writes first is told to come back in 317,000 years.
    wp.wp(&["fault", "429", "1", "10000000000000"]);
    let qa = enqueue(&e.store, a.id, "situs", "draft", None)
        .await
        .unwrap();
    let qb = enqueue(&e.store, b.id, "situs", "draft", None)
        .await
        .unwrap();
    let w = worker(&e, fast());
    let running = tokio::spawn({
        let w = Arc::clone(&w);
        async move { w.run(Until::Empty).await }
    });
    let settled = |rows: &[redaksi_store::outbox::OutboxItem]| {
        rows.iter().any(|r| r.state == OutboxState::Sent)
            && rows.iter().any(|r| {
                r.state == OutboxState::Queued
                    && r.next_attempt_at > Utc::now() + chrono::Duration::hours(1)
            })
    };
    let mut rows = Vec::new();
    for _ in 0..300 {
        rows = vec![item(&e, qa.id).await, item(&e, qb.id).await];
        if settled(&rows) || running.is_finished() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    wp.wp(&["fault", "0", "0"]);
    assert!(
        !running.is_finished(),
        "the worker stopped: {:?}",
        running.await
    );
    running.abort();
    let (waiting, sent): (Vec<_>, Vec<_>) =
        rows.iter().partition(|r| r.state == OutboxState::Queued);
    assert_eq!((waiting.len(), sent.len()), (1, 1), "{rows:#?}");
    assert_eq!(sent[0].state, OutboxState::Sent, "{:?}", sent[0].last_error);
    let wait = waiting[0].next_attempt_at - Utc::now();
    assert!(
        wait > chrono::Duration::hours(1) && wait <= chrono::Duration::hours(24),
        "{wait}"
    );
}
