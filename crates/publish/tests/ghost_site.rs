//! The outbox worker against a stand-in for Ghost's Admin API. No Ghost runs on this machine
//! (a real one is a later issue), so a loopback server answers with the JSON shapes Ghost
//! documents (<https://ghost.org/docs/admin-api/#posts>) and records every request, which is
//! what these tests check: which post the worker adopts, and what it asks for.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use redaksi_publish::credentials::{MemorySecrets, Secret, SecretStore};
use redaksi_publish::outbox::{Until, Worker, WorkerConfig, enqueue};
use redaksi_store::outbox::{OutboxState, Target};
use redaksi_store::{Store, StoreHandle};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use uuid::Uuid;

const KEY: &str =
    "6489c4b3e4a2f5000196f1a2:a9f3c1d2e4b5a6978877665544332211ffeeddccbbaa99887766554433221100";

/// The posts the stand-in holds, and every request line it was sent.
#[derive(Default)]
struct Site {
    posts: Vec<Value>,
    requests: Vec<String>,
}

fn post(id: &str, slug: &str, tags: &[&str]) -> Value {
    json!({
        "id": id, "uuid": Uuid::new_v4(), "slug": slug, "title": "Someone else's post",
        "html": "<p>Tulisan orang lain.</p>", "status": "published",
        "updated_at": "2026-11-26T02:43:13.000Z", "url": format!("http://ghost.test/{slug}/"),
        "tags": tags.iter().map(|t| json!({
            "name": t, "slug": t.replace('#', "hash-"),
        })).collect::<Vec<_>>(),
    })
}

/// Answers one request the way Ghost's Admin API does.
fn answer(site: &mut Site, method: &str, target: &str, body: &[u8]) -> (u16, Value) {
    site.requests.push(format!("{method} {target}"));
    let path = target.split('?').next().unwrap_or_default();
    let query = target.split_once('?').map_or("", |(_, q)| q);
    let rest = path.trim_start_matches("/ghost/api/admin/");
    let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    match (method, segments.as_slice()) {
        ("GET", ["posts"]) => {
            // Only the identity tag filter is used: `filter=tag:<slug>`.
            let wanted = query
                .split('&')
                .find_map(|kv| kv.strip_prefix("filter=tag%3A"))
                .unwrap_or_default()
                .to_owned();
            let found: Vec<Value> = site
                .posts
                .iter()
                .filter(|p| {
                    p["tags"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|t| t["slug"] == wanted.as_str())
                })
                .cloned()
                .collect();
            (200, json!({ "posts": found }))
        }
        ("GET", ["posts", "slug", slug]) => match site.posts.iter().find(|p| p["slug"] == *slug) {
            Some(p) => (200, json!({ "posts": [p] })),
            None => (
                404,
                json!({"errors": [{"message": "Post not found.", "type": "NotFoundError"}]}),
            ),
        },
        ("POST", ["posts"]) => {
            let sent: Value = serde_json::from_slice(body).unwrap();
            let mut new = sent["posts"][0].clone();
            let id = format!("new{}", site.posts.len());
            new["id"] = json!(id);
            new["updated_at"] = json!("2026-11-27T00:00:00.000Z");
            new["url"] = json!(format!(
                "http://ghost.test/{}/",
                new["slug"].as_str().unwrap()
            ));
            let tags: Vec<Value> = new["tags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    let name = t["name"].as_str().unwrap();
                    json!({"name": name, "slug": name.to_lowercase().replace('#', "hash-")})
                })
                .collect();
            new["tags"] = json!(tags);
            site.posts.push(new.clone());
            (201, json!({ "posts": [new] }))
        }
        ("PUT", ["posts", id]) => {
            let sent: Value = serde_json::from_slice(body).unwrap();
            let Some(p) = site.posts.iter_mut().find(|p| p["id"] == *id) else {
                return (
                    404,
                    json!({"errors": [{"message": "Post not found.", "type": "NotFoundError"}]}),
                );
            };
            p["title"] = sent["posts"][0]["title"].clone();
            p["updated_at"] = json!("2026-11-28T00:00:00.000Z");
            (200, json!({ "posts": [p.clone()] }))
        }
        _ => (
            404,
            json!({"errors": [{"message": "Resource not found", "type": "NotFoundError"}]}),
        ),
    }
}

/// Serves the stand-in on loopback; returns its address.
async fn serve(site: Arc<Mutex<Site>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        loop {
            let (mut stream, _) = listener.accept().await.unwrap();
            let site = Arc::clone(&site);
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 8192];
                let (head_end, len) = loop {
                    let n = stream.read(&mut chunk).await.unwrap();
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&buf[..end]).to_lowercase();
                        let len: usize = head
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length:"))
                            .map_or(0, |v| v.trim().parse().unwrap());
                        break (end + 4, len);
                    }
                };
                while buf.len() < head_end + len {
                    let n = stream.read(&mut chunk).await.unwrap();
                    if n == 0 {
                        break;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                }
                let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
                let mut words = head.split_whitespace();
                let (method, target) = (words.next().unwrap(), words.next().unwrap());
                let (status, body) =
                    answer(&mut site.lock().unwrap(), method, target, &buf[head_end..]);
                let body = body.to_string();
                let response = format!(
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes()).await;
            });
        }
    });
    addr
}

struct Env {
    _dir: tempfile::TempDir,
    store: StoreHandle,
    worker: Arc<Worker>,
}

fn env(url: &str) -> Env {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .put_target(&Target {
            name: "blog".into(),
            kind: "ghost".into(),
            url: url.into(),
            username: None,
        })
        .unwrap();
    let secrets = Arc::new(MemorySecrets::default());
    secrets.set("blog", &Secret::new(KEY)).unwrap();
    let store = StoreHandle::spawn(store).unwrap();
    let config = WorkerConfig {
        base_delay: Duration::from_millis(50),
        max_delay: Duration::from_millis(200),
        settle: Duration::ZERO,
        ..WorkerConfig::default()
    };
    let worker = Arc::new(Worker::new(store.clone(), secrets, config));
    Env {
        _dir: dir,
        store,
        worker,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_never_adopts_an_unrelated_post_with_the_same_slug() {
    let site = Arc::new(Mutex::new(Site::default()));
    site.lock()
        .unwrap()
        .posts
        .push(post("other1", "banjir-rob", &["Metro"]));
    let e = env(&serve(Arc::clone(&site)).await);
    let article = e
        .store
        .call(|s| s.create_article("Banjir rob", "Air naik."))
        .await
        .unwrap();
    // A create whose answer was lost: the intent is recorded, no post id.
    let id = article.id;
    e.store
        .call(move |s| s.remote_post_intend_create(id, "blog", "banjir-rob"))
        .await
        .unwrap();
    let queued = enqueue(&e.store, article.id, "blog", "publish", None)
        .await
        .unwrap();
    e.worker.run(Until::Empty).await.unwrap();
    let done = e
        .store
        .call(move |s| s.outbox_get(queued.id))
        .await
        .unwrap();
    assert_eq!(done.state, OutboxState::Sent, "{:?}", done.last_error);

    let site = site.lock().unwrap();
    assert!(
        !site.requests.iter().any(|r| r.starts_with("PUT")),
        "the unrelated post was overwritten: {:#?}",
        site.requests
    );
    let other = &site.posts[0];
    assert_eq!(other["title"], "Someone else's post");
    assert_eq!(other["status"], "published");
    assert_eq!(site.posts.len(), 2, "{:#?}", site.posts);
    assert_eq!(done.remote_id.as_deref(), Some("new1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_create_is_found_by_the_identity_tag_and_updated_not_duplicated() {
    let site = Arc::new(Mutex::new(Site::default()));
    let e = env(&serve(Arc::clone(&site)).await);
    let article = e
        .store
        .call(|s| s.create_article("Banjir rob", "Air naik."))
        .await
        .unwrap();
    // The post was made, under a slug an editor changed since; its answer never came.
    let tag = format!("#redaksi-{}", article.id);
    site.lock()
        .unwrap()
        .posts
        .push(post("mine1", "banjir-rob-diubah", &[tag.as_str()]));
    let id = article.id;
    e.store
        .call(move |s| s.remote_post_intend_create(id, "blog", "banjir-rob"))
        .await
        .unwrap();
    let queued = enqueue(&e.store, article.id, "blog", "draft", None)
        .await
        .unwrap();
    e.worker.run(Until::Empty).await.unwrap();
    let done = e
        .store
        .call(move |s| s.outbox_get(queued.id))
        .await
        .unwrap();
    assert_eq!(done.state, OutboxState::Sent, "{:?}", done.last_error);
    assert_eq!(done.remote_id.as_deref(), Some("mine1"));
    let site = site.lock().unwrap();
    assert_eq!(site.posts.len(), 1, "{:#?}", site.requests);
    assert_eq!(site.posts[0]["title"], "Banjir rob");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_typed_slug_is_normalised_and_url_encoded_in_the_lookup() {
    let site = Arc::new(Mutex::new(Site::default()));
    let e = env(&serve(Arc::clone(&site)).await);
    let article = e
        .store
        .call(|s| {
            let mut a = s.create_article("Kafe", "Isi.")?;
            a.meta.slug = Some("Café Москва/../admin?x=1".into());
            s.save_article(&a)
        })
        .await
        .unwrap();
    let queued = enqueue(&e.store, article.id, "blog", "draft", None)
        .await
        .unwrap();
    e.worker.run(Until::Empty).await.unwrap();
    let done = e
        .store
        .call(move |s| s.outbox_get(queued.id))
        .await
        .unwrap();
    assert_eq!(done.state, OutboxState::Sent, "{:?}", done.last_error);
    let site = site.lock().unwrap();
    assert!(
        site.requests.iter().any(|r| r.starts_with(
            "GET /ghost/api/admin/posts/slug/cafe-%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0-admin-x-1/"
        )),
        "{:#?}",
        site.requests
    );
    assert_eq!(site.posts[0]["slug"], "cafe-москва-admin-x-1");
}
