//! Revisions: when they are kept, tiered retention, word diffs and restore.

mod common;

use chrono::Duration;
use common::memory_store_at;
use redaksi_store::{DiffOp, RevisionKind, SaveKind, StoreError, Version, word_diff};
use rstest::rstest;

#[test]
fn typing_keeps_a_snapshot_at_most_every_five_minutes() {
    let (mut store, clock) = memory_store_at("2026-03-01T08:00:00Z");
    let mut article = store.create_article("Banjir", "").unwrap();
    // 20 minutes of typing, an autosave every 30 seconds.
    for n in 0..40 {
        article.body = format!("kata {n}");
        article = store.save_article(&article).unwrap();
        clock.advance(Duration::seconds(30));
    }
    let revisions = store.list_revisions(article.id).unwrap();
    assert!(revisions.iter().all(|r| r.kind == RevisionKind::Snapshot));
    // One at creation, then one each time five minutes have passed: t=0, 5, 10, 15 minutes.
    assert_eq!(revisions.len(), 4, "{revisions:#?}");
}

#[rstest]
#[case::explicit(SaveKind::Explicit, RevisionKind::Save, None)]
#[case::before_publish(SaveKind::BeforePublish, RevisionKind::BeforePublish, None)]
#[case::named(SaveKind::Named("versi redaktur".into()), RevisionKind::Named, Some("versi redaktur"))]
fn explicit_kinds_always_add_a_revision(
    #[case] kind: SaveKind,
    #[case] expected: RevisionKind,
    #[case] name: Option<&str>,
) {
    let (mut store, clock) = memory_store_at("2026-03-01T08:00:00Z");
    let article = store.create_article("Judul", "isi").unwrap();
    clock.advance(Duration::seconds(1));
    store.save_as(&article, kind).unwrap();
    let revisions = store.list_revisions(article.id).unwrap();
    assert_eq!(revisions.len(), 2);
    assert_eq!(revisions[0].kind, expected);
    assert_eq!(revisions[0].name.as_deref(), name);
}

#[test]
fn retention_is_tiered_and_named_versions_stay_forever() {
    let (mut store, clock) = memory_store_at("2026-01-01T00:00:00Z");
    let mut article = store.create_article("Arsip", "v0").unwrap();
    store.name_version(article.id, "pertama").unwrap();
    // An explicit save every 30 minutes for 100 days: 2 per hour, 48 per day.
    for n in 1..=(100 * 48) {
        clock.advance(Duration::minutes(30));
        article.body = format!("v{n}");
        article = store.save_as(&article, SaveKind::Explicit).unwrap();
    }
    let revisions = store.list_revisions(article.id).unwrap();
    let now = revisions[0].created_at;
    let age = |r: &redaksi_store::RevisionInfo| now - r.created_at;
    let last_day = revisions
        .iter()
        .filter(|r| age(r) < Duration::days(1))
        .count();
    let week = revisions
        .iter()
        .filter(|r| age(r) >= Duration::days(1) && age(r) < Duration::days(7))
        .count();
    let quarter = revisions
        .iter()
        .filter(|r| age(r) >= Duration::days(7) && age(r) < Duration::days(90))
        .count();
    let older: Vec<_> = revisions
        .iter()
        .filter(|r| age(r) >= Duration::days(90))
        .collect();
    assert_eq!(last_day, 48, "every save of the last day");
    // Six days of hours, give or take the buckets cut by the tier edges.
    assert!((143..=146).contains(&week), "hourly for a week: {week}");
    assert!(
        (82..=84).contains(&quarter),
        "daily up to 90 days: {quarter}"
    );
    assert_eq!(
        older.len(),
        1,
        "only the named version is older than 90 days"
    );
    assert_eq!(older[0].kind, RevisionKind::Named);
    assert_eq!(older[0].name.as_deref(), Some("pertama"));
}

#[test]
fn restore_adds_revisions_and_destroys_nothing() {
    let (mut store, clock) = memory_store_at("2026-03-01T08:00:00Z");
    let mut article = store.create_article("Gempa", "Versi satu.").unwrap();
    let first = store.list_revisions(article.id).unwrap()[0].id;
    clock.advance(Duration::minutes(1));
    article.body = "Versi dua, lebih panjang.".into();
    article.title = "Gempa Cianjur".into();
    article = store.save_as(&article, SaveKind::Explicit).unwrap();
    let before = store.list_revisions(article.id).unwrap();

    clock.advance(Duration::minutes(1));
    let restored = store.restore_revision(article.id, first).unwrap();
    assert_eq!(restored.body, "Versi satu.");
    assert_eq!(restored.title, "Gempa");
    assert_eq!(restored.created_at, article.created_at);
    assert_eq!(store.get_article(article.id).unwrap(), restored);

    let after = store.list_revisions(article.id).unwrap();
    assert_eq!(after.len(), before.len() + 2);
    assert_eq!(after[0].kind, RevisionKind::Restore);
    assert_eq!(after[1].kind, RevisionKind::BeforeRestore);
    // The text that was replaced is still there.
    let kept = store.get_revision(article.id, after[1].id).unwrap();
    assert_eq!(kept.body, "Versi dua, lebih panjang.");
    for old in &before {
        assert!(after.iter().any(|r| r.id == old.id));
    }
}

#[test]
fn diff_between_revisions_and_current_is_word_level() {
    let (mut store, clock) = memory_store_at("2026-03-01T08:00:00Z");
    let mut article = store
        .create_article("Judul", "Hujan deras turun di Jakarta sejak pagi.")
        .unwrap();
    let first = store.list_revisions(article.id).unwrap()[0].id;
    clock.advance(Duration::minutes(1));
    article.body = "Hujan lebat turun di Jakarta sejak pagi.".into();
    article.meta.tags = vec!["cuaca".into()];
    store.save_article(&article).unwrap();

    let diff = store
        .diff(article.id, Version::Revision(first), Version::Current)
        .unwrap();
    let changed: Vec<_> = diff
        .body
        .iter()
        .filter(|c| c.op != DiffOp::Equal)
        .map(|c| (c.op, c.text.as_str()))
        .collect();
    assert_eq!(
        changed,
        [(DiffOp::Delete, "deras"), (DiffOp::Insert, "lebat")]
    );
    assert!(diff.meta_changed);
    assert!(diff.title.iter().all(|c| c.op == DiffOp::Equal));

    let err = store
        .diff(article.id, Version::Revision(9999), Version::Current)
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::RevisionNotFound { revision: 9999, .. }
    ));
    assert_eq!(err.code(), "revision_not_found");
}

#[rstest]
#[case::same("a b c", "a b c")]
#[case::insert("satu tiga", "satu dua tiga")]
#[case::delete("satu dua tiga", "satu tiga")]
#[case::unicode("kafé di Bandung", "kafe di Bandung, Jawa Barat")]
#[case::newlines("para satu\n\npara dua", "para satu\n\npara tiga\n")]
fn a_word_diff_rebuilds_both_sides(#[case] old: &str, #[case] new: &str) {
    let chunks = word_diff(old, new);
    let side = |skip: DiffOp| -> String {
        chunks
            .iter()
            .filter(|c| c.op != skip)
            .map(|c| c.text.as_str())
            .collect()
    };
    assert_eq!(side(DiffOp::Insert), old);
    assert_eq!(side(DiffOp::Delete), new);
}

#[test]
fn history_of_an_unknown_article_is_not_found() {
    let (store, _) = memory_store_at("2026-03-01T08:00:00Z");
    let err = store.list_revisions(uuid::Uuid::new_v4()).unwrap_err();
    assert_eq!(err.code(), "not_found");
}
