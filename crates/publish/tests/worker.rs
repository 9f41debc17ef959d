//! The worker's refusals that need no CMS: what it will not send, and to where.

use std::sync::Arc;
use std::time::Duration;

use redaksi_publish::credentials::{MemorySecrets, Secret, SecretStore};
use redaksi_publish::outbox::{Until, Worker, WorkerConfig, enqueue};
use redaksi_store::outbox::OutboxState;
use redaksi_store::{Store, StoreHandle};

/// A store with one target row written as an older Redaksi would have kept it, and one
/// article queued for it.
async fn queued_for(kind: &str, url: &str) -> (tempfile::TempDir, StoreHandle, i64) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .connection()
        .execute(
            "INSERT INTO publish_targets (name, kind, url, username, created_at)
             VALUES ('lama', ?1, ?2, 'admin', 0)",
            [kind, url],
        )
        .unwrap();
    let handle = StoreHandle::spawn(store).unwrap();
    let article = handle
        .call(|s| s.create_article("Judul", "Isi."))
        .await
        .unwrap();
    let row = enqueue(&handle, article.id, "lama", "draft", None)
        .await
        .unwrap();
    (dir, handle, row.id)
}

fn worker(store: &StoreHandle) -> Arc<Worker> {
    let secrets = Arc::new(MemorySecrets::default());
    secrets.set("lama", &Secret::new("sandi rahasia")).unwrap();
    Arc::new(Worker::new(store.clone(), secrets, WorkerConfig::default()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_is_never_sent_over_plain_http_to_another_machine() {
    // 192.0.2.1 is TEST-NET-1: nothing answers there, and nothing may be tried.
    let (_dir, store, id) = queued_for("wordpress", "http://192.0.2.1/wp").await;
    tokio::time::timeout(Duration::from_secs(5), worker(&store).run(Until::Final(id)))
        .await
        .expect("the worker tried to reach the site")
        .unwrap();
    let row = store.call(move |s| s.outbox_get(id)).await.unwrap();
    assert_eq!(row.state, OutboxState::Failed);
    let message = row.last_error.unwrap();
    assert!(message.contains("https://"), "{message}");
    assert!(!message.contains("sandi"), "{message}");
}

/// A site on loopback that answers every request with `status` and `body`, or, when `body` is
/// `None`, with a 200 announcing 64 MiB and streaming zeros until the client hangs up.
async fn answering(status: u16, body: Option<String>) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        loop {
            let (mut stream, _) = listener.accept().await.unwrap();
            let body = body.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 65536];
                let _ = stream.read(&mut buf).await;
                match body {
                    Some(body) => {
                        let head = format!(
                            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        );
                        let _ = stream.write_all(head.as_bytes()).await;
                        let _ = stream.write_all(body.as_bytes()).await;
                    }
                    None => {
                        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 67108864\r\nConnection: close\r\n\r\n";
                        let _ = stream.write_all(head.as_bytes()).await;
                        let zeros = vec![b'0'; 65536];
                        while stream.write_all(&zeros).await.is_ok() {}
                    }
                }
            });
        }
    });
    addr
}

async fn first_attempt(url: &str) -> redaksi_store::outbox::OutboxItem {
    let (_dir, store, id) = queued_for("wordpress", url).await;
    let config = WorkerConfig {
        max_attempts: 1,
        ..WorkerConfig::default()
    };
    let secrets = Arc::new(MemorySecrets::default());
    secrets.set("lama", &Secret::new("sandi")).unwrap();
    let worker = Arc::new(Worker::new(store.clone(), secrets, config));
    tokio::time::timeout(Duration::from_secs(20), worker.run(Until::Final(id)))
        .await
        .expect("the worker kept going")
        .unwrap();
    store.call(move |s| s.outbox_get(id)).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_error_message_keeps_only_an_excerpt_of_a_huge_answer() {
    let huge = "galat ".repeat(200_000);
    let body = serde_json::json!({ "code": "bad", "message": huge }).to_string();
    let row = first_attempt(&answering(400, Some(body)).await).await;
    assert_eq!(row.state, OutboxState::Failed);
    let message = row.last_error.unwrap();
    assert!(message.contains("galat"), "{message}");
    assert!(message.len() < 2_000, "{} bytes kept", message.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_larger_than_the_cap_is_refused_not_read() {
    let row = first_attempt(&answering(200, None).await).await;
    assert_eq!(row.state, OutboxState::Failed, "{:?}", row.last_error);
    let message = row.last_error.unwrap();
    assert!(message.contains("more than"), "{message}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_store_delays_the_worker_and_never_stops_it() {
    let (dir, store, id) = queued_for("wordpress", "http://192.0.2.1/wp").await;
    // Another process holds the write lock for longer than the store waits for it (5 s).
    let (locked_tx, locked_rx) = std::sync::mpsc::channel();
    let holder = std::thread::spawn({
        let dir = dir.path().to_owned();
        move || {
            let other = Store::open(&dir).unwrap();
            other.connection().execute_batch("BEGIN EXCLUSIVE").unwrap();
            locked_tx.send(()).unwrap();
            std::thread::sleep(Duration::from_secs(7));
            other.connection().execute_batch("COMMIT").unwrap();
        }
    });
    locked_rx.recv().unwrap();
    tokio::time::timeout(
        Duration::from_secs(60),
        worker(&store).run(Until::Final(id)),
    )
    .await
    .expect("the worker never finished")
    .expect("a busy store stopped the worker");
    holder.join().unwrap();
    let row = store.call(move |s| s.outbox_get(id)).await.unwrap();
    assert_eq!(row.state, OutboxState::Failed, "{:?}", row.last_error);
}
