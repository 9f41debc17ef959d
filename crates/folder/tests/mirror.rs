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
            SyncEvent::Paused { .. } => "paused",
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

/// The article behind `id`: not in the trash, its revisions and its CMS link.
fn kept(store: &Store, id: uuid::Uuid) -> (usize, Option<String>) {
    assert!(
        store.list_trash().unwrap().iter().all(|(s, _)| s.id != id),
        "the article went to the trash"
    );
    assert!(
        store.list_articles().unwrap().iter().any(|s| s.id == id),
        "the article is not listed"
    );
    let remote = store
        .remote_post(id, "situs")
        .unwrap()
        .and_then(|r| r.remote_id);
    (store.list_revisions(id).unwrap().len(), remote)
}

/// Three mirrored articles, one of them published (a CMS link), all synced to files.
fn mirrored_three() -> (tempfile::TempDir, Store, Mirror, PathBuf, uuid::Uuid) {
    let (guard, mut store, mirror, folder) = setup();
    let article = store.create_article("Dipindah", "isi").unwrap();
    store.create_article("Kedua", "b").unwrap();
    store.create_article("Ketiga", "c").unwrap();
    store
        .remote_post_set(article.id, "situs", "dipindah", "41", None, None)
        .unwrap();
    mirror.rescan(&mut store).unwrap();
    (guard, store, mirror, folder, article.id)
}

#[test]
fn a_rename_while_the_app_was_closed_keeps_the_article() {
    let (_guard, mut store, mirror, folder, id) = mirrored_three();
    let before = kept(&store, id);
    std::fs::rename(folder.join("dipindah.md"), folder.join("arsip-dipindah.md")).unwrap();

    let events = mirror.rescan(&mut store).unwrap();
    assert!(events.is_empty(), "a rename is not news: {events:#?}");
    assert_eq!(kept(&store, id), before, "same id, history and CMS link");
    assert_eq!(store.list_articles().unwrap().len(), 3, "no second article");
    let record = store.synced_file_for_article(&folder, id).unwrap().unwrap();
    assert_eq!(record.rel_path, "arsip-dipindah.md");
}

#[rstest::rstest]
#[case::old_name_first(false)]
#[case::new_name_first(true)]
fn a_rename_seen_live_keeps_the_article(#[case] new_first: bool) {
    let (_guard, mut store, mirror, folder, id) = mirrored_three();
    let before = kept(&store, id);
    let (old, new) = (folder.join("dipindah.md"), folder.join("sub/dipindah.md"));
    std::fs::create_dir(folder.join("sub")).unwrap();
    std::fs::rename(&old, &new).unwrap();
    let batch = if new_first { [new, old] } else { [old, new] };

    let events = mirror.files_changed(&mut store, &batch).unwrap();
    assert!(events.is_empty(), "{events:#?}");
    assert_eq!(kept(&store, id), before);
    assert_eq!(store.list_articles().unwrap().len(), 3);
}

#[test]
fn a_renamed_file_that_was_also_edited_updates_the_same_article() {
    let (_guard, mut store, mirror, folder, id) = mirrored_three();
    let new = folder.join("baru.md");
    std::fs::rename(folder.join("dipindah.md"), &new).unwrap();
    edit_body(&new, "isi baru");

    let events = mirror.rescan(&mut store).unwrap();
    assert_eq!(kinds(&events), ["updated"]);
    assert_eq!(store.get_article(id).unwrap().body, "isi baru");
    assert_eq!(kept(&store, id).1.as_deref(), Some("41"));
}

#[test]
fn an_article_upserted_from_a_file_comes_out_of_the_trash() {
    let (_guard, mut store, mirror, folder, id) = mirrored_three();
    let path = folder.join("dipindah.md");
    let text = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(kinds(&mirror.rescan(&mut store).unwrap()), ["trashed"]);
    // The file comes back (from a copy elsewhere), in a later step.
    std::fs::write(folder.join("kembali.md"), text).unwrap();

    let events = mirror.rescan(&mut store).unwrap();
    assert_eq!(kinds(&events), ["imported"]);
    assert_eq!(kept(&store, id).1.as_deref(), Some("41"));
}

#[test]
fn an_emptied_folder_trashes_nothing_and_pauses_until_the_user_answers() {
    let (_guard, mut store, mirror, folder, _) = mirrored_three();
    let names = ["dipindah.md", "kedua.md", "ketiga.md"];
    for name in names {
        std::fs::remove_file(folder.join(name)).unwrap();
    }

    let events = mirror.rescan(&mut store).unwrap();
    assert_eq!(kinds(&events), ["paused"]);
    let SyncEvent::Paused { missing, known } = &events[0] else {
        unreachable!()
    };
    assert_eq!((missing.len(), *known), (3, 3));
    assert!(store.list_trash().unwrap().is_empty());
    assert_eq!(
        kinds(&mirror.rescan(&mut store).unwrap()),
        ["paused"],
        "still asking"
    );

    // "They should be there": written back from the articles.
    let events = mirror.restore_missing(&mut store).unwrap();
    assert_eq!(kinds(&events), ["exported"; 3]);
    for name in names {
        assert!(folder.join(name).exists(), "{name}");
    }
    assert!(mirror.rescan(&mut store).unwrap().is_empty());
}

#[test]
fn most_files_vanishing_at_once_pauses_and_a_confirmation_trashes_them() {
    let (_guard, mut store, mirror, folder, _) = mirrored_three();
    let gone = [folder.join("dipindah.md"), folder.join("kedua.md")];
    for path in &gone {
        std::fs::remove_file(path).unwrap();
    }

    let events = mirror.files_changed(&mut store, &gone).unwrap();
    assert_eq!(kinds(&events), ["paused"]);
    assert!(store.list_trash().unwrap().is_empty());

    // "I deleted them": they go to the trash, restorable.
    let events = mirror.trash_missing(&mut store).unwrap();
    assert_eq!(kinds(&events), ["trashed", "trashed"]);
    assert_eq!(store.list_trash().unwrap().len(), 2);
}

#[test]
fn a_missing_folder_is_never_created_and_nothing_is_trashed() {
    let (guard, mut store, mirror, folder, _) = mirrored_three();
    std::fs::remove_dir_all(&folder).unwrap();

    let err = mirror.rescan(&mut store).unwrap_err();
    assert_eq!(err.code(), "io", "{err}");
    assert!(
        !folder.exists(),
        "the resumed mirror created the missing folder"
    );
    let paths: Vec<PathBuf> = ["dipindah.md", "kedua.md"]
        .iter()
        .map(|n| folder.join(n))
        .collect();
    let events = mirror.files_changed(&mut store, &paths).unwrap();
    assert_eq!(kinds(&events), ["paused"]);
    assert!(store.list_trash().unwrap().is_empty());
    drop(guard);
}

#[test]
fn the_mirror_never_opens_a_special_file_or_reads_a_huge_one() {
    let (_guard, mut store, mirror, folder) = setup();
    let fifo = folder.join("pipa.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo failed");
    let huge = folder.join("besar.md");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(redaksi_folder::MAX_FILE_BYTES + 1)
        .unwrap();

    // Reading a FIFO without a writer blocks for ever: run it where a hang is a failure.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let events = mirror.files_changed(&mut store, &[fifo, huge]);
        tx.send(events.map(|events| kinds(&events))).unwrap();
    });
    let events = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the mirror hung on a FIFO")
        .unwrap();
    assert_eq!(events, ["failed", "failed"]);
}
