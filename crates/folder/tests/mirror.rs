//! The two-way folder mirror: echoes, renames, deletions, bulk copies and conflicts, first
//! step by step and then live through the watcher.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use redaksi_article::front_matter;
use redaksi_folder::{Mirror, SyncEvent, watch};
use redaksi_store::{Store, StoreHandle};

fn kinds(events: &[SyncEvent]) -> Vec<&'static str> {
    events
        .iter()
        .map(|event| match event {
            SyncEvent::Imported { .. } => "imported",
            SyncEvent::Updated { .. } => "updated",
            SyncEvent::Exported { .. } => "exported",
            SyncEvent::Conflict { .. } => "conflict",
            SyncEvent::Trashed { .. } => "trashed",
            SyncEvent::Failed { .. } => "failed",
        })
        .collect()
}

/// Saves the way editors do: write a temporary file, then rename it over the original.
fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_extension("md~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

fn edit_body(path: &Path, body: &str) {
    let mut article =
        front_matter::parse(&std::fs::read_to_string(path).unwrap(), chrono::Utc::now()).unwrap();
    article.body = body.into();
    save_by_rename(path, &front_matter::write(&article));
}

fn setup() -> (tempfile::TempDir, Store, Mirror, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    let mirror = Mirror::new(folder.path());
    let path = folder.path().to_owned();
    (folder, store, mirror, path)
}

#[test]
fn after_a_restore_the_store_wins_and_a_rescan_keeps_the_restored_text() {
    let dir = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let mirror = Mirror::new(folder.path());
    let mut store = Store::open(dir.path()).unwrap();
    let mut article = store.create_article("Rapat", "versi pagi").unwrap();
    mirror.rescan(&mut store).unwrap();
    let backup = store.backup_now().unwrap();
    article.body = "versi sore".into();
    let saved = store.save_article(&article).unwrap();
    mirror.article_saved(&mut store, &saved).unwrap();
    // A file the backup never knew, written after it.
    std::fs::write(
        folder.path().join("baru.md"),
        "---\ntitle: Baru\n---\nbaru\n",
    )
    .unwrap();
    drop(store);
    redaksi_store::restore_backup(dir.path(), &backup.name).unwrap();

    let mut store = Store::open(dir.path()).unwrap();
    let events = mirror.store_wins(&mut store).unwrap();
    assert_eq!(kinds(&events), ["exported"]);
    let events = mirror.rescan(&mut store).unwrap();
    assert_eq!(
        kinds(&events),
        ["imported"],
        "only the unknown file comes in"
    );
    assert_eq!(store.get_article(article.id).unwrap().body, "versi pagi");
    let text = std::fs::read_to_string(folder.path().join("rapat.md")).unwrap();
    assert!(text.contains("versi pagi"), "{text}");
}

#[test]
fn own_writes_are_recognised_as_echoes() {
    let (_guard, mut store, mirror, folder) = setup();
    let article = store.create_article("Gempa Cianjur", "isi").unwrap();
    let events = mirror.rescan(&mut store).unwrap();
    assert_eq!(kinds(&events), ["exported"]);
    let path = folder.join("gempa-cianjur.md");
    assert!(path.exists());
    assert!(
        mirror.file_changed(&mut store, &path).unwrap().is_empty(),
        "no echo import"
    );
    assert!(
        mirror.rescan(&mut store).unwrap().is_empty(),
        "nothing left to do"
    );
    assert_eq!(store.list_revisions(article.id).unwrap().len(), 1);
}

#[test]
fn an_external_save_by_rename_updates_the_article() {
    let (_guard, mut store, mirror, folder) = setup();
    let article = store.create_article("Gempa", "lama").unwrap();
    mirror.rescan(&mut store).unwrap();
    let path = folder.join("gempa.md");
    edit_body(&path, "baru dari editor lain");
    let events = mirror.file_changed(&mut store, &path).unwrap();
    assert_eq!(kinds(&events), ["updated"]);
    assert_eq!(
        store.get_article(article.id).unwrap().body,
        "baru dari editor lain"
    );
    // The app saves next: the file follows, and that write is an echo again.
    let mut current = store.get_article(article.id).unwrap();
    current.body = "diedit di aplikasi".into();
    let current = store.save_article(&current).unwrap();
    assert_eq!(
        kinds(&mirror.article_saved(&mut store, &current).unwrap()),
        ["exported"]
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .ends_with("diedit di aplikasi")
    );
    assert!(mirror.file_changed(&mut store, &path).unwrap().is_empty());
}

#[test]
fn a_file_deleted_while_the_app_was_closed_moves_its_article_to_the_trash() {
    let (_guard, mut store, mirror, folder) = setup();
    let gone = store.create_article("Dihapus", "x").unwrap();
    let kept = store.create_article("Tetap", "y").unwrap();
    mirror.rescan(&mut store).unwrap();
    std::fs::remove_file(folder.join("dihapus.md")).unwrap();

    let events = mirror.rescan(&mut store).unwrap();
    assert_eq!(kinds(&events), ["trashed"]);
    let trash: Vec<_> = store
        .list_trash()
        .unwrap()
        .into_iter()
        .map(|(s, _)| s.id)
        .collect();
    assert_eq!(trash, [gone.id], "restorable, not destroyed");
    assert_eq!(store.get_article(gone.id).unwrap().body, "x");
    assert!(store.get_article(kept.id).is_ok());
}

#[test]
fn a_deleted_file_whose_article_was_edited_in_the_app_comes_back() {
    let (_guard, mut store, mirror, folder) = setup();
    let mut article = store.create_article("Penting", "v1").unwrap();
    mirror.rescan(&mut store).unwrap();
    std::fs::remove_file(folder.join("penting.md")).unwrap();
    std::thread::sleep(Duration::from_millis(2));
    article.body = "v2 dari aplikasi".into();
    store.save_article(&article).unwrap();

    let events = mirror.rescan(&mut store).unwrap();
    assert_eq!(kinds(&events), ["exported"]);
    assert!(
        std::fs::read_to_string(folder.join("penting.md"))
            .unwrap()
            .ends_with("v2 dari aplikasi")
    );
    assert!(store.list_trash().unwrap().is_empty());
}

#[test]
fn both_sides_edited_keeps_both_as_a_conflict_copy() {
    let (_guard, mut store, mirror, folder) = setup();
    let mut article = store.create_article("Pemilu", "asli").unwrap();
    mirror.rescan(&mut store).unwrap();
    let path = folder.join("pemilu.md");
    std::thread::sleep(Duration::from_millis(2));
    // Same moment: the reporter types in the app, someone edits the file.
    article.body = "versi aplikasi".into();
    let article = store.save_article(&article).unwrap();
    edit_body(&path, "versi luar");

    let events = mirror.file_changed(&mut store, &path).unwrap();
    assert_eq!(kinds(&events), ["conflict", "exported"]);
    let SyncEvent::Conflict {
        id,
        copy,
        copy_path,
        ..
    } = &events[0]
    else {
        unreachable!()
    };
    assert_eq!(*id, article.id);
    assert_eq!(
        store.get_article(article.id).unwrap().body,
        "versi aplikasi"
    );
    let copy = store.get_article(*copy).unwrap();
    assert_eq!(copy.body, "versi luar");
    assert!(copy.title.contains("conflict copy"), "{}", copy.title);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .ends_with("versi aplikasi")
    );
    assert!(
        std::fs::read_to_string(copy_path)
            .unwrap()
            .ends_with("versi luar")
    );
    assert!(mirror.rescan(&mut store).unwrap().is_empty(), "settled");
}

#[test]
fn an_app_save_over_an_unnoticed_outside_edit_also_keeps_both() {
    let (_guard, mut store, mirror, folder) = setup();
    let mut article = store.create_article("Ekonomi", "asli").unwrap();
    mirror.rescan(&mut store).unwrap();
    let path = folder.join("ekonomi.md");
    edit_body(&path, "versi luar");
    std::thread::sleep(Duration::from_millis(2));
    article.body = "versi aplikasi".into();
    let article = store.save_article(&article).unwrap();
    let events = mirror.article_saved(&mut store, &article).unwrap();
    assert_eq!(kinds(&events), ["conflict", "exported"]);
    let bodies: Vec<String> = store
        .list_articles()
        .unwrap()
        .iter()
        .map(|s| store.get_article(s.id).unwrap().body)
        .collect();
    assert!(bodies.contains(&"versi luar".to_owned()));
    assert!(bodies.contains(&"versi aplikasi".to_owned()));
}

#[test]
fn a_malformed_outside_edit_is_reported_and_never_overwritten_unseen() {
    let (_guard, mut store, mirror, folder) = setup();
    let mut article = store.create_article("Rusak", "asli").unwrap();
    mirror.rescan(&mut store).unwrap();
    let path = folder.join("rusak.md");
    save_by_rename(
        &path,
        "---\ntitle: [unclosed\n---\nteks penting dari luar\n",
    );
    let events = mirror.file_changed(&mut store, &path).unwrap();
    assert_eq!(kinds(&events), ["failed"]);
    assert_eq!(store.get_article(article.id).unwrap().body, "asli");

    std::thread::sleep(Duration::from_millis(2));
    article.body = "versi aplikasi".into();
    let article = store.save_article(&article).unwrap();
    let events = mirror.article_saved(&mut store, &article).unwrap();
    assert_eq!(kinds(&events), ["failed", "exported"]);
    let SyncEvent::Failed { message, .. } = &events[0] else {
        unreachable!()
    };
    let kept = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(".conflict-"))
        .unwrap_or_else(|| panic!("no copy kept: {message}"));
    assert!(
        std::fs::read_to_string(kept)
            .unwrap()
            .contains("teks penting dari luar")
    );
}

#[test]
fn a_bulk_copy_of_1000_files_is_imported_once() {
    let (_guard, mut store, mirror, folder) = setup();
    for n in 0..1000 {
        std::fs::write(
            folder.join(format!("salinan-{n:04}.md")),
            format!("---\ntitle: Salinan {n}\n---\nisi {n}\n"),
        )
        .unwrap();
    }
    let events = mirror.rescan(&mut store).unwrap();
    assert_eq!(
        events
            .iter()
            .filter(|e| matches!(e, SyncEvent::Imported { .. }))
            .count(),
        1000
    );
    assert!(
        mirror.rescan(&mut store).unwrap().is_empty(),
        "a second pass changes nothing"
    );
    assert_eq!(
        std::fs::read_dir(&folder).unwrap().count(),
        1000,
        "no duplicates written"
    );
}

/// Waits until `check` is satisfied by the events seen so far, or fails after `limit`.
fn wait_for(
    events: &mpsc::Receiver<Vec<SyncEvent>>,
    seen: &mut Vec<SyncEvent>,
    limit: Duration,
    check: impl Fn(&[SyncEvent]) -> bool,
) {
    let start = Instant::now();
    while !check(seen) {
        let left = limit
            .checked_sub(start.elapsed())
            .unwrap_or_else(|| panic!("the watcher did not get there; events so far: {seen:#?}"));
        if let Ok(batch) = events.recv_timeout(left) {
            seen.extend(batch);
        }
    }
}

#[test]
fn the_live_watcher_follows_renames_and_ignores_its_own_echo() {
    let folder = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let handle = StoreHandle::spawn(Store::open(data.path()).unwrap()).unwrap();
    let article = handle
        .call_blocking(|store| store.create_article("Langsung", "awal"))
        .unwrap();
    let (tx, events) = mpsc::channel();
    let watcher = watch(folder.path(), handle.clone(), move |result| {
        tx.send(result.expect("sync step failed")).unwrap();
    })
    .unwrap();
    let mut seen = Vec::new();
    wait_for(&events, &mut seen, Duration::from_secs(10), |seen| {
        kinds(seen).contains(&"exported")
    });
    let path = folder.path().join("langsung.md");

    // An external editor saves by rename.
    edit_body(&path, "dari editor luar");
    wait_for(&events, &mut seen, Duration::from_secs(10), |seen| {
        kinds(seen).contains(&"updated")
    });
    let id = article.id;
    let body = handle
        .call_blocking(move |s| s.get_article(id))
        .unwrap()
        .body;
    assert_eq!(body, "dari editor luar");

    // The app saves; its own write must not come back as an update.
    let mirror = Mirror::new(folder.path());
    seen.clear();
    handle
        .call_blocking(move |store| {
            let mut current = store.get_article(id)?;
            current.body = "dari aplikasi".into();
            let current = store.save_article(&current)?;
            Ok(mirror.article_saved(store, &current))
        })
        .unwrap()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    seen.extend(events.try_iter().flatten());
    assert!(
        !kinds(&seen).contains(&"updated") && !kinds(&seen).contains(&"imported"),
        "echo was not suppressed: {seen:#?}"
    );
    let body = handle
        .call_blocking(move |s| s.get_article(id))
        .unwrap()
        .body;
    assert_eq!(body, "dari aplikasi");
    drop(watcher);
}
