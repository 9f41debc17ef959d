//! 200 queued articles with 5 images each, published to the loopback WordPress
//! (tests/wordpress/wp.sh). Prints: wall time of the outbox run; wall time of the same HTTP
//! requests made bare (same concurrency, no outbox, no store); the overhead between them;
//! peak memory (VmHWM) of this process; and the most connections open at once, counted by a
//! pass-through proxy in front of WordPress that both runs go through.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use redaksi_publish::credentials::{MemorySecrets, Secret, SecretStore};
use redaksi_publish::outbox::{Until, Worker, WorkerConfig, enqueue};
use redaksi_store::outbox::{OutboxState, Target};
use redaksi_store::{Store, StoreHandle};
use tokio::net::{TcpListener, TcpStream};

const ARTICLES: usize = 200;
const IMAGES: usize = 5;
const CONCURRENCY: usize = 4;
const PNG_1X1: [u8; 69] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0,
    0, 0, 144, 119, 83, 222, 0, 0, 0, 12, 73, 68, 65, 84, 120, 156, 99, 248, 207, 192, 0, 0, 3, 1,
    1, 0, 201, 254, 146, 239, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

/// A 1x1 PNG padded after IEND to about 20 KB, distinct per (run, article, image).
fn image(tag: &str) -> Vec<u8> {
    let mut bytes = PNG_1X1.to_vec();
    bytes.extend_from_slice(tag.as_bytes());
    bytes.resize(20 * 1024, b'x');
    bytes
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Forwards connections to `upstream`, counting how many are open at once.
async fn counting_proxy(upstream: String) -> (String, Arc<AtomicUsize>, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    let (open, max) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (o, m) = (open.clone(), max.clone());
    tokio::spawn(async move {
        loop {
            let (mut client, _) = listener.accept().await.unwrap();
            let now = o.fetch_add(1, Ordering::SeqCst) + 1;
            m.fetch_max(now, Ordering::SeqCst);
            let (o, upstream) = (o.clone(), upstream.clone());
            tokio::spawn(async move {
                if let Ok(mut server) = TcpStream::connect(&upstream).await {
                    let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                }
                o.fetch_sub(1, Ordering::SeqCst);
            });
        }
    });
    (addr, open, max)
}

/// The requests the outbox makes for one article, without the outbox: five uploads and a create.
async fn bare_article(
    http: &reqwest::Client,
    url: &str,
    user: &str,
    pass: &str,
    run: &str,
    n: usize,
) {
    let mut content = String::new();
    for i in 0..IMAGES {
        let resp = http
            .post(format!("{url}/"))
            .query(&[("rest_route", "/wp/v2/media")])
            .basic_auth(user, Some(pass))
            .header("Content-Type", "image/png")
            .header(
                "Content-Disposition",
                format!("attachment; filename=\"bare-{n}-{i}.png\""),
            )
            .body(image(&format!("bare-{run}-{n}-{i}")))
            .send()
            .await
            .unwrap();
        assert!(resp.status().is_success(), "{}", resp.status());
        let v: serde_json::Value = resp.json().await.unwrap();
        content.push_str(&format!(
            "<p><img src=\"{}\"></p>",
            v["source_url"].as_str().unwrap()
        ));
    }
    let resp = http
        .post(format!("{url}/"))
        .query(&[("rest_route", "/wp/v2/posts")])
        .basic_auth(user, Some(pass))
        .json(&serde_json::json!({"title": format!("Bare {n}"), "content": content, "status": "draft", "slug": format!("bare-{run}-{n}")}))
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{}", resp.status());
}

fn main() {
    let account = redaksi_test_wordpress::start().expect("the loopback WordPress");
    let (wp_url, user, pass) = (account.url, account.user, account.password);
    let run = chrono::Utc::now().timestamp().to_string();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let (proxy, _open, max) = counting_proxy(wp_url.trim_start_matches("http://").to_owned()).await;

        // Outbox run.
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .put_target(&Target { name: "bench".into(), kind: "wordpress".into(), url: proxy.clone(), username: Some(user.clone()) })
            .unwrap();
        let mut ids = Vec::new();
        for n in 0..ARTICLES {
            let mut a = store.create_article(&format!("Artikel bench {run} {n}"), "").unwrap();
            let mut body = format!("Paragraf pembuka artikel {n}.\n\n");
            for i in 0..IMAGES {
                // Images go out only from Redaksi's media, as "Insert image" puts them there.
                let path = dir.path().join(format!("img-{n}-{i}.png"));
                std::fs::write(&path, image(&format!("outbox-{run}-{n}-{i}"))).unwrap();
                let stored = store.import_media(a.id, &path).unwrap();
                body.push_str(&format!("![Foto {i}]({})\n\nParagraf {i}.\n\n", stored.markdown_path));
            }
            a.body = body;
            let a = store.save_article(&a).unwrap();
            ids.push(a.id);
        }
        let handle = StoreHandle::spawn(store).unwrap();
        for id in &ids {
            enqueue(&handle, *id, "bench", "draft", None).await.unwrap();
        }
        let secrets = Arc::new(MemorySecrets::default());
        secrets.set("bench", &Secret::new(pass.clone())).unwrap();
        let config = WorkerConfig { concurrency: CONCURRENCY, request_timeout: Duration::from_secs(120), ..WorkerConfig::default() };
        let worker = Arc::new(Worker::new(handle.clone(), secrets, config));
        let started = Instant::now();
        worker.run(Until::Empty).await.unwrap();
        let outbox_wall = started.elapsed();
        let outbox_max_conn = max.swap(0, Ordering::SeqCst);
        let items = handle.call(|s| s.outbox_list()).await.unwrap();
        let sent = items.iter().filter(|i| i.state == OutboxState::Sent).count();
        let rss_after_outbox = peak_rss_kib();

        // Bare HTTP run: the same uploads and creates, same concurrency, no outbox.
        let http = reqwest::Client::builder().pool_max_idle_per_host(CONCURRENCY).build().unwrap();
        let next = Arc::new(AtomicUsize::new(0));
        let started = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..CONCURRENCY {
            let (http, proxy, user, pass, run, next) = (http.clone(), proxy.clone(), user.clone(), pass.clone(), run.clone(), next.clone());
            tasks.push(tokio::spawn(async move {
                loop {
                    let n = next.fetch_add(1, Ordering::SeqCst);
                    if n >= ARTICLES {
                        break;
                    }
                    bare_article(&http, &proxy, &user, &pass, &run, n).await;
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let bare_wall = started.elapsed();
        let bare_max_conn = max.load(Ordering::SeqCst);

        println!("publish_wordpress: {ARTICLES} articles x {IMAGES} images (20 KiB each), concurrency {CONCURRENCY}");
        println!("  outbox: {sent}/{ARTICLES} sent in {:.2} s ({:.1} ms/article)", outbox_wall.as_secs_f64(), outbox_wall.as_secs_f64() * 1000.0 / ARTICLES as f64);
        println!("  bare HTTP (same uploads + creates): {:.2} s", bare_wall.as_secs_f64());
        println!(
            "  overhead: {:.2} s ({:+.1} %)",
            outbox_wall.as_secs_f64() - bare_wall.as_secs_f64(),
            (outbox_wall.as_secs_f64() / bare_wall.as_secs_f64() - 1.0) * 100.0
        );
        println!("  peak RSS after outbox run: {:.1} MiB (whole process, end: {:.1} MiB)", rss_after_outbox as f64 / 1024.0, peak_rss_kib() as f64 / 1024.0);
        println!("  max connections open at once: outbox {outbox_max_conn}, bare {bare_max_conn}");
        assert_eq!(sent, ARTICLES, "not every article was sent");
    });
}
