//! Trash with its 30-day purge, media by content hash, and backups.

mod common;

use chrono::Duration;
use common::{ManualClock, at, memory_store_at};
use redaksi_store::{
    BACKUPS_KEPT, DB_FILE, Store, list_backups, newest_good_backup, restore_backup,
};

#[test]
fn trash_keeps_articles_restorable_until_thirty_days_pass() {
    let (mut store, clock) = memory_store_at("2026-03-01T08:00:00Z");
    let kept = store.create_article("Disimpan", "a").unwrap();
    let old = store.create_article("Lama", "b").unwrap();
    let recent = store.create_article("Baru", "c").unwrap();
    store.name_version(old.id, "v1").unwrap();
    store.delete_article(old.id).unwrap();
    clock.advance(Duration::days(20));
    store.delete_article(recent.id).unwrap();

    let trash: Vec<_> = store
        .list_trash()
        .unwrap()
        .into_iter()
        .map(|(s, _)| s.id)
        .collect();
    assert_eq!(trash, [recent.id, old.id]);
    assert_eq!(
        store.purge_trash().unwrap(),
        0,
        "nothing is 30 days old yet"
    );

    clock.advance(Duration::days(11));
    assert_eq!(store.purge_trash().unwrap(), 1);
    assert_eq!(store.get_article(old.id).unwrap_err().code(), "not_found");
    let orphans: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM revisions WHERE article_id = ?1",
            [old.id.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "revisions go with the article");

    store.restore_from_trash(recent.id).unwrap();
    let listed: Vec<_> = store
        .list_articles()
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert!(listed.contains(&recent.id) && listed.contains(&kept.id));
}

#[test]
fn media_is_stored_once_by_content_hash() {
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open(data.path()).unwrap();
    let a = store.create_article("A", "").unwrap();
    let b = store.create_article("B", "").unwrap();
    let src = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n not really pixels, but bytes all the same";
    std::fs::write(src.path().join("Foto Banjir.PNG"), png).unwrap();
    std::fs::write(src.path().join("copy.png"), png).unwrap();

    let first = store
        .import_media(a.id, &src.path().join("Foto Banjir.PNG"))
        .unwrap();
    let second = store
        .import_media(b.id, &src.path().join("copy.png"))
        .unwrap();
    assert_eq!(first.hash, second.hash);
    assert_eq!(first.path, second.path);
    // The hash of these bytes, computed independently with `sha256sum`.
    assert_eq!(
        first.hash,
        "315033de5eca341b360225207b2ed1c34ea8bbc8f4c859a88c3e8921796c7285"
    );
    assert_eq!(std::fs::read(&first.path).unwrap(), png);
    assert_eq!(
        first.markdown("Banjir [1]"),
        format!("![Banjir 1]({})", first.markdown_path)
    );
    let files = std::fs::read_dir(data.path().join("media"))
        .unwrap()
        .count();
    assert_eq!(files, 1);
    assert_eq!(
        store.article_media(a.id).unwrap(),
        std::slice::from_ref(&first)
    );

    std::fs::write(src.path().join("notes.txt"), "x").unwrap();
    let err = store
        .import_media(a.id, &src.path().join("notes.txt"))
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    let err = store
        .import_media(a.id, &src.path().join("missing.png"))
        .unwrap_err();
    assert_eq!(err.code(), "io");
    assert!(err.to_string().contains("missing.png"), "{err}");
}

#[test]
fn backups_are_daily_kept_to_n_and_restorable() {
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open(data.path()).unwrap();
    let clock = ManualClock::new(at("2026-03-01T08:00:00Z"));
    store.set_clock(clock.clock());
    let article = store.create_article("Versi pagi", "pagi").unwrap();

    let first = store
        .backup_if_due()
        .unwrap()
        .expect("no backup yet, so one is due");
    clock.advance(Duration::hours(3));
    assert!(store.backup_if_due().unwrap().is_none(), "at most daily");
    for _ in 0..BACKUPS_KEPT + 2 {
        clock.advance(Duration::hours(25));
        store.backup_if_due().unwrap().expect("a day has passed");
    }
    let backups = list_backups(data.path()).unwrap();
    assert_eq!(backups.len(), BACKUPS_KEPT);
    assert!(
        backups
            .windows(2)
            .all(|w| w[0].created_at > w[1].created_at)
    );
    assert!(
        !backups.iter().any(|b| b.name == first.name),
        "the oldest went first"
    );

    // Change the article after the newest backup, then restore it.
    let mut edited = store.get_article(article.id).unwrap();
    edited.body = "sore".into();
    store.save_article(&edited).unwrap();
    drop(store);
    let newest = &backups[0];
    let aside = restore_backup(data.path(), &newest.name)
        .unwrap()
        .expect("old db moved aside");
    assert!(aside.exists(), "the replaced database is kept");
    let store = Store::open(data.path()).unwrap();
    assert_eq!(store.get_article(article.id).unwrap().body, "pagi");
    store.integrity_check().unwrap();
    // Search works on the restored file: the backup kept row ids intact.
    let hits = store.search("pagi", &Default::default()).unwrap();
    assert_eq!(hits.len(), 1);

    let err = restore_backup(data.path(), "redaksi-nope.db").unwrap_err();
    assert_eq!(err.code(), "invalid_input");
}

#[test]
fn a_safety_backup_never_prunes_the_backup_about_to_be_restored() {
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open(data.path()).unwrap();
    let clock = ManualClock::new(at("2026-03-01T08:00:00Z"));
    store.set_clock(clock.clock());
    store.create_article("Lama", "x").unwrap();
    for _ in 0..BACKUPS_KEPT {
        clock.advance(Duration::hours(25));
        store.backup_now().unwrap();
    }
    let oldest = list_backups(data.path()).unwrap().pop().unwrap();
    clock.advance(Duration::hours(1));
    let safety = store.safety_backup().unwrap();
    let names: Vec<_> = list_backups(data.path())
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names.len(), BACKUPS_KEPT + 1);
    assert_eq!(names[0], safety.name, "the safety backup is the newest");
    assert!(names.contains(&oldest.name), "the oldest is still there");
    drop(store);
    restore_backup(data.path(), &oldest.name).unwrap();
    // The next ordinary backup prunes back to N.
    let store = Store::open(data.path()).unwrap();
    store.backup_now().unwrap();
    assert_eq!(list_backups(data.path()).unwrap().len(), BACKUPS_KEPT);
}

#[test]
fn a_damaged_database_is_reported_with_the_newest_good_backup_and_kept() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join(DB_FILE);
    {
        let mut store = Store::open(data.path()).unwrap();
        for n in 0..200 {
            store
                .create_article(&format!("Artikel {n}"), &"isi yang panjang ".repeat(200))
                .unwrap();
        }
        store.backup_now().unwrap();
        store
            .connection()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
    // Scribble over pages in the middle of the file, as a failing disk would.
    let mut bytes = std::fs::read(&path).unwrap();
    let len = bytes.len();
    for byte in &mut bytes[len / 3..len / 3 + 40_000] {
        *byte = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();

    let err = Store::open_checked(data.path())
        .err()
        .expect("damage must be found");
    assert_eq!(err.code(), "corrupt");
    let redaksi_store::StoreError::Corrupt {
        newest_good_backup: offered,
        ..
    } = &err
    else {
        unreachable!()
    };
    let expected = newest_good_backup(data.path()).unwrap().unwrap();
    assert_eq!(offered.as_ref(), Some(&expected.path));
    assert!(err.to_string().contains("newest good backup"), "{err}");
    assert!(
        std::fs::read(&path).unwrap() == bytes,
        "never recreated or repaired behind the user's back"
    );
}

#[test]
fn maintenance_purges_prunes_and_backs_up_once_a_day() {
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open(data.path()).unwrap();
    let clock = ManualClock::new(at("2026-03-01T08:00:00Z"));
    store.set_clock(clock.clock());
    let old = store.create_article("Lama", "x").unwrap();
    store.delete_article(old.id).unwrap();
    let mut kept = store.create_article("Aktif", "v0").unwrap();
    for n in 1..=10 {
        clock.advance(Duration::minutes(1));
        kept.body = format!("v{n}");
        kept = store
            .save_as(&kept, redaksi_store::SaveKind::Explicit)
            .unwrap();
    }
    clock.advance(Duration::days(31));
    let report = store.maintenance().unwrap();
    assert_eq!(report.purged_articles, 1);
    assert_eq!(
        report.pruned_revisions, 10,
        "11 revisions in one hour keep the newest"
    );
    assert!(report.backup.is_some());
    let again = store.maintenance().unwrap();
    assert_eq!((again.purged_articles, again.pruned_revisions), (0, 0));
    assert!(again.backup.is_none(), "at most daily");
}

/// The database, its write-ahead log, backups and their restore are readable by the owner
/// only: they hold embargoed drafts.
#[cfg(unix)]
#[test]
fn the_database_and_its_backups_are_private_files() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
            .permissions()
            .mode()
            & 0o777
    };
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .create_article("Embargo", "rahasia sampai Senin")
        .unwrap();
    let backup = store.backup_now().unwrap();
    for file in ["redaksi.db", "redaksi.db-wal", "redaksi.db-shm"] {
        assert_eq!(mode(&dir.path().join(file)), 0o600, "{file}");
    }
    assert_eq!(mode(&backup.path), 0o600, "the backup");
    drop(store);
    redaksi_store::restore_backup(dir.path(), &backup.name).unwrap();
    assert_eq!(
        mode(&dir.path().join("redaksi.db")),
        0o600,
        "the restored database"
    );
}

#[test]
fn a_restore_is_refused_while_another_connection_has_the_database_open() {
    let data = tempfile::tempdir().unwrap();
    let mut open = Store::open(data.path()).unwrap();
    open.create_article("Sebelum", "a").unwrap();
    let backup = open.backup_now().unwrap();
    open.create_article("Sesudah", "b").unwrap();

    let err = restore_backup(data.path(), &backup.name).unwrap_err();
    assert_eq!(err.code(), "database_in_use", "{err}");
    assert!(err.to_string().contains("close it"), "{err}");
    // Nothing changed under the open connection: what it writes next is kept.
    open.create_article("Lebih baru", "c").unwrap();
    drop(open);
    let store = Store::open(data.path()).unwrap();
    assert_eq!(store.list_articles().unwrap().len(), 3);
    let kept: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("replaced"))
        .collect();
    assert!(
        kept.is_empty(),
        "a refused restore leaves no kept copy behind"
    );
}

#[test]
fn kept_copies_of_replaced_databases_never_collide() {
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open(data.path()).unwrap();
    store.create_article("Satu", "a").unwrap();
    let backup = store.backup_now().unwrap();
    drop(store);

    // Two restores in the same second.
    let first = restore_backup(data.path(), &backup.name).unwrap().unwrap();
    let second = restore_backup(data.path(), &backup.name).unwrap().unwrap();
    assert_ne!(first, second);
    for kept in [&first, &second] {
        redaksi_store::check_backup(kept).unwrap();
        let conn = rusqlite::Connection::open(kept).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "{} is a whole copy", kept.display());
    }
}

const RESTORE_ENV: &str = "REDAKSI_RESTORE_CHILD";

/// The restore runs in a child process that is killed at a random moment, 30 times: each time
/// the database opens, passes its check, and holds the old articles or the restored ones.
#[test]
fn a_restore_killed_at_any_point_leaves_the_old_or_the_restored_database() {
    if let Ok(spec) = std::env::var(RESTORE_ENV) {
        let (dir, name) = spec.split_once('\n').unwrap();
        restore_backup(std::path::Path::new(dir), name).unwrap();
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open(data.path()).unwrap();
    // Enough text that a restore takes a while to copy.
    for n in 0..200 {
        store
            .create_article(&format!("Dipulihkan {n}"), &"isi cadangan ".repeat(400))
            .unwrap();
    }
    let backup = store.backup_now().unwrap();
    drop(store);
    let restored = 200;
    let spawn = || {
        std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "a_restore_killed_at_any_point_leaves_the_old_or_the_restored_database",
            ])
            .env(
                RESTORE_ENV,
                format!("{}\n{}", data.path().display(), backup.name),
            )
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let started = std::time::Instant::now();
    assert!(spawn().wait().unwrap().success());
    let whole_run = started.elapsed();

    for round in 0..30 {
        let mut store = Store::open_checked(data.path()).unwrap();
        store.create_article("Sesudah cadangan", "baru").unwrap();
        let old = store.list_articles().unwrap().len();
        drop(store);
        let mut child = spawn();
        std::thread::sleep(whole_run.mul_f64(fastrand::f64()));
        let _ = child.kill();
        let _ = child.wait();

        let store = Store::open_checked(data.path())
            .unwrap_or_else(|err| panic!("round {round}: the database did not open: {err}"));
        let n = store.list_articles().unwrap().len();
        assert!(
            n == old || n == restored,
            "round {round}: {n} articles, expected the old {old} or the restored {restored}"
        );
    }
}
