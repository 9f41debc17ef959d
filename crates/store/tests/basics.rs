//! The store's foundation: open, migrate, CRUD, refusal of newer or damaged files.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use redaksi_article::{Article, Keyword, Status};
use redaksi_store::{DB_FILE, Store, StoreError, StoreHandle, latest_version};
use rstest::rstest;
use rusqlite::Connection;

fn at(iso: &str) -> DateTime<Utc> {
    iso.parse().unwrap()
}

fn stepping_clock(start: DateTime<Utc>) -> redaksi_store::Clock {
    let tick = std::sync::atomic::AtomicI64::new(0);
    Arc::new(move || {
        start + Duration::seconds(tick.fetch_add(1, std::sync::atomic::Ordering::SeqCst))
    })
}

enum Fixture {
    Memory,
    File(tempfile::TempDir),
}

impl Fixture {
    fn open(&self) -> Store {
        match self {
            Fixture::Memory => Store::open_in_memory().unwrap(),
            Fixture::File(dir) => Store::open(dir.path()).unwrap(),
        }
    }
}

fn memory() -> Fixture {
    Fixture::Memory
}

fn file() -> Fixture {
    Fixture::File(tempfile::tempdir().unwrap())
}

#[rstest]
#[case::in_memory(memory())]
#[case::temp_file(file())]
fn create_get_save_list_delete(#[case] fixture: Fixture) {
    let mut store = fixture.open();
    store.set_clock(stepping_clock(at("2026-03-01T08:00:00Z")));

    let first = store.create_article("Banjir", "Hujan deras.").unwrap();
    let second = store.create_article("Pemilu", "Hari ini.").unwrap();
    assert_eq!(store.get_article(first.id).unwrap(), first);

    let mut edited = first.clone();
    edited.body = "Hujan deras sejak pagi. Air naik.".into();
    edited.meta.status = Status::InReview;
    edited.meta.keywords = vec![Keyword::new("banjir jakarta")];
    edited.meta.tags = vec!["cuaca".into()];
    edited
        .meta
        .extra
        .insert("aliases".into(), vec!["flood"].into());
    let saved = store.save_article(&edited).unwrap();
    assert!(saved.updated_at > first.updated_at);
    assert_eq!(saved.created_at, first.created_at);
    assert_eq!(saved.body, edited.body);
    assert_eq!(saved.meta, edited.meta);
    assert_eq!(store.get_article(first.id).unwrap(), saved);

    let list = store.list_articles().unwrap();
    let ids: Vec<_> = list.iter().map(|s| s.id).collect();
    assert_eq!(ids, [first.id, second.id], "newest update first");
    assert_eq!(list[0].status, Status::InReview);
    assert_eq!(list[0].word_count, 6);
    assert_eq!(list[0].excerpt, "Hujan deras sejak pagi. Air naik.");

    store.delete_article(second.id).unwrap();
    let ids: Vec<_> = store
        .list_articles()
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, [first.id]);

    let missing = uuid::Uuid::new_v4();
    let err = store.get_article(missing).unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(
        store.delete_article(missing).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn a_saved_article_survives_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut article = Article::new("Gempa", "Gempa magnitudo 5,6.", Utc::now());
    article.meta.byline = Some("Siti".into());
    let saved = Store::open(dir.path())
        .unwrap()
        .save_article(&article)
        .unwrap();
    let reopened = Store::open(dir.path()).unwrap();
    assert_eq!(reopened.get_article(article.id).unwrap(), saved);
    assert!(dir.path().join(DB_FILE).is_file());
}

#[test]
fn pragmas_are_set_on_open() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL is a property of the file, so it persists");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, latest_version());
    assert!(version >= 1);
}

#[test]
fn a_database_from_a_newer_redaksi_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let path = dir.path().join(DB_FILE);
    let newer = latest_version() + 1;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();
    let before = std::fs::read(&path).unwrap();

    let err = Store::open(dir.path())
        .err()
        .expect("a newer database must be refused");
    assert_eq!(err.code(), "newer_database");
    let message = err.to_string();
    assert!(
        message.contains(&format!("schema version {newer}")),
        "{message}"
    );
    assert!(message.contains("newer Redaksi"), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(
        std::fs::read(&path).unwrap() == before,
        "the file was changed"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_reported_as_corrupt_not_recreated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let garbage =
        b"this is not a sqlite database, just text that a sync client put here".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let err = Store::open(dir.path())
        .err()
        .expect("garbage must not open");
    assert_eq!(err.code(), "corrupt");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert!(
        std::fs::read(&path).unwrap() == garbage,
        "never overwritten"
    );
}

#[test]
fn data_dir_honours_the_override() {
    // The only test in this binary that touches the environment.
    unsafe { std::env::set_var(redaksi_store::DATA_DIR_ENV, "/tmp/redaksi-test-data") };
    assert_eq!(
        redaksi_store::data_dir().unwrap(),
        std::path::PathBuf::from("/tmp/redaksi-test-data")
    );
    unsafe { std::env::remove_var(redaksi_store::DATA_DIR_ENV) };
    let default = redaksi_store::data_dir().unwrap();
    assert!(default.ends_with("redaksi"), "{}", default.display());
}

#[test]
fn the_handle_runs_calls_on_the_store_thread_in_order() {
    let handle = StoreHandle::spawn(Store::open_in_memory().unwrap()).unwrap();
    let article = handle
        .call_blocking(|store| store.create_article("A", "satu"))
        .unwrap();
    let caller = std::thread::current().id();
    let (thread_name, differs) = handle
        .call_blocking(move |_| {
            let me = std::thread::current();
            Ok((me.name().map(str::to_owned), me.id() != caller))
        })
        .unwrap();
    assert_eq!(thread_name.as_deref(), Some("redaksi-store"));
    assert!(differs);
    let id = article.id;
    let fetched = futures_lite_block_on(handle.call(move |store| store.get_article(id))).unwrap();
    assert_eq!(fetched, article);
    let err = handle
        .call_blocking(|_| -> Result<(), StoreError> { Err(StoreError::Busy) })
        .unwrap_err();
    assert_eq!(err.code(), "busy");
}

#[test]
fn close_shuts_the_connection_for_every_handle_before_it_answers() {
    let dir = tempfile::tempdir().unwrap();
    let handle = StoreHandle::spawn(Store::open(dir.path()).unwrap()).unwrap();
    let other = handle.clone();
    handle
        .call_blocking(|store| store.create_article("Tutup", "isi"))
        .unwrap();
    let wal = dir.path().join(format!("{DB_FILE}-wal"));
    assert!(
        wal.exists(),
        "WAL mode keeps a log while the connection is open"
    );
    futures_lite_block_on(handle.close()).unwrap();
    // SQLite folds the log into the file and removes it when the last connection closes.
    assert!(
        !wal.exists(),
        "the connection is closed once close() returns"
    );
    let err = other
        .call_blocking(|store| store.list_articles())
        .unwrap_err();
    assert_eq!(err.code(), "store_closed");
    let reopened = Store::open(dir.path()).unwrap();
    assert_eq!(reopened.list_articles().unwrap()[0].title, "Tutup");
}

/// `call` needs no runtime: polling it on a plain thread is enough.
fn futures_lite_block_on<F: std::future::Future>(future: F) -> F::Output {
    use std::task::{Context, Poll, Wake, Waker};
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(out) => return out,
            Poll::Pending => std::thread::park(),
        }
    }
}

#[test]
fn excerpt_is_plain_text_and_cut_at_a_word() {
    let excerpt = |body: &str| redaksi_store::word_count_and_excerpt(body).1;
    assert_eq!(
        excerpt("# Judul\n\nIni **tebal** dan [tautan](http://x)."),
        "Judul Ini tebal dan tautan."
    );
    let long = "kata ".repeat(100);
    let cut = excerpt(&long);
    assert!(cut.ends_with("kata…"), "{cut}");
    assert!(cut.chars().count() <= 161);
}
