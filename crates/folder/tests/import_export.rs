//! Import and export of `.md` files with front matter, and bad input.

use std::path::{Path, PathBuf};

use redaksi_article::{Article, FeaturedImage, Keyword, Lang, MutedCheck, Status, front_matter};
use redaksi_folder::{FolderError, MAX_FILE_BYTES, export, import};
use redaksi_store::Store;
use rstest::rstest;

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn full_article() -> Article {
    let mut article = Article::new(
        "Banjir merendam Jakarta",
        "Hujan deras **sejak pagi**.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        "2026-03-01T08:00:00Z".parse().unwrap(),
    );
    let meta = &mut article.meta;
    meta.seo_title = Some("Banjir Jakarta hari ini".into());
    meta.slug = Some("banjir-jakarta".into());
    meta.description = Some("Ratusan rumah terendam.".into());
    meta.keywords = vec![Keyword {
        phrase: "banjir jakarta".into(),
        synonyms: vec!["banjir ibu kota".into()],
    }];
    meta.lang = Some(Lang::Id);
    meta.featured_image = Some(FeaturedImage {
        src: "media/abc.png".into(),
        alt: Some("Warga mengungsi".into()),
    });
    meta.byline = Some("Siti Rahayu".into());
    meta.dateline = Some("JAKARTA".into());
    meta.category = Some("Metro".into());
    meta.tags = vec!["banjir".into(), "cuaca".into()];
    meta.editor_note = Some("Cek angka korban".into());
    meta.status = Status::Scheduled;
    meta.embargo = Some("2026-03-02T06:00:00Z".parse().unwrap());
    meta.publish_at = Some("2026-03-02T07:00:00Z".parse().unwrap());
    meta.muted_checks = vec![MutedCheck {
        id: "title_length".into(),
        reason: "judul redaksi".into(),
    }];
    meta.extra.insert("aliases".into(), vec!["flood"].into());
    meta.extra.insert("draft".into(), false.into());
    article
}

#[test]
fn every_metadata_field_round_trips_through_store_file_and_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Store::open_in_memory().unwrap();
    let stored = first.save_article(&full_article()).unwrap();
    let path = export(&first.get_article(stored.id).unwrap(), dir.path()).unwrap();
    assert_eq!(path.file_name().unwrap(), "banjir-jakarta.md");

    let mut second = Store::open_in_memory().unwrap();
    let report = import(&mut second, &[path], |_, _| {}).unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let back = second.get_article(stored.id).unwrap();
    assert_eq!(back.meta, stored.meta);
    assert_eq!(back.title, stored.title);
    assert_eq!(back.body, stored.body);
    assert_eq!(back.created_at, stored.created_at);
}

#[test]
fn a_folder_of_hugo_jekyll_and_obsidian_files_imports_with_unknown_keys_kept() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "hugo/post.md",
        "---\ntitle: Hugo post\ndraft: true\nweight: 3\ntags: [a, b]\n---\nIsi Hugo.\n",
    );
    write(
        dir.path(),
        "jekyll/_posts/2026-03-01-hello.markdown",
        "---\nlayout: post\ntitle: \"Jekyll post\"\ncategories: news\n---\nIsi Jekyll.\n",
    );
    write(
        dir.path(),
        "obsidian/Catatan Rapat.md",
        "---\naliases: [rapat]\ncssclass: wide\n---\n# Catatan rapat\n\n[[Tautan]] internal.\n",
    );
    write(dir.path(), "plain.md", "Hanya teks, tanpa front matter.\n");
    write(dir.path(), "notes.txt", "not markdown");
    write(dir.path(), ".obsidian/workspace.md", "hidden");

    let mut store = Store::open_in_memory().unwrap();
    let mut seen = Vec::new();
    let report = import(&mut store, &[dir.path().to_owned()], |done, total| {
        seen.push((done, total))
    })
    .unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.imported.len(), 4);
    assert_eq!(seen.last(), Some(&(4, 4)), "progress reaches the end");

    let by_title = |title: &str| {
        let summary = store
            .list_articles()
            .unwrap()
            .into_iter()
            .find(|s| s.title == title)
            .unwrap_or_else(|| panic!("no article titled {title:?}"));
        store.get_article(summary.id).unwrap()
    };
    let hugo = by_title("Hugo post");
    assert_eq!(hugo.meta.extra.get("draft"), Some(&true.into()));
    assert_eq!(hugo.meta.extra.get("weight"), Some(&3.into()));
    assert_eq!(hugo.meta.tags, ["a", "b"]);
    let jekyll = by_title("Jekyll post");
    assert_eq!(jekyll.meta.extra.get("layout"), Some(&"post".into()));
    let obsidian = by_title("Catatan rapat");
    assert!(obsidian.body.contains("[[Tautan]]"));
    let written = front_matter::write(&obsidian);
    assert!(written.contains("cssclass: wide"), "{written}");
    by_title("plain");
}

#[test]
fn importing_a_file_with_a_known_id_updates_that_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let original = store.create_article("Lama", "teks lama").unwrap();
    let mut edited = original.clone();
    edited.body = "teks baru".into();
    let path = export(&edited, dir.path()).unwrap();

    let report = import(&mut store, &[path], |_, _| {}).unwrap();
    assert_eq!(report.imported.len(), 1);
    assert_eq!(report.imported[0].id, original.id);
    assert!(!report.imported[0].created);
    assert_eq!(store.list_articles().unwrap().len(), 1);
    assert_eq!(store.get_article(original.id).unwrap().body, "teks baru");
}

#[rstest]
#[case::not_utf8(
    "latin1.md",
    b"---\ntitle: ok\n---\nbaris satu\ncaf\xe9 di sini\n".to_vec(),
    "malformed_file",
    Some(5)
)]
#[case::malformed_yaml(
    "broken.md",
    b"---\ntitle: ok\ntags: [a, b\nbyline: x\n---\nisi\n".to_vec(),
    "malformed_file",
    Some(4)
)]
#[case::unterminated(
    "open.md",
    b"---\ntitle: never closed\n\nisi\n".to_vec(),
    "malformed_file",
    Some(1)
)]
#[case::bad_status(
    "status.md",
    b"---\ntitle: ok\nstatus: done\n---\nisi\n".to_vec(),
    "malformed_file",
    Some(3)
)]
fn bad_files_fail_alone_with_file_and_line(
    #[case] name: &str,
    #[case] bytes: Vec<u8>,
    #[case] code: &str,
    #[case] line: Option<usize>,
) {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), name, bytes);
    let good = write(dir.path(), "good.md", "---\ntitle: Baik\n---\nisi\n");
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &[bad.clone(), good], |_, _| {}).unwrap();

    assert_eq!(report.imported.len(), 1, "the good file still imports");
    assert_eq!(report.failed.len(), 1);
    let failure = &report.failed[0];
    assert_eq!(failure.path, bad);
    assert_eq!(failure.error.code(), code);
    assert_eq!(failure.error.line(), line);
    let message = failure.error.to_string();
    assert!(message.contains(name), "{message}");
    if let Some(line) = line {
        assert!(message.contains(&format!("line {line}")), "{message}");
    }
    let titles: Vec<_> = store
        .list_articles()
        .unwrap()
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, ["Baik"], "nothing half-imported");
}

#[test]
fn a_50_mb_file_is_refused_by_name_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.md");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &[path], |_, _| {}).unwrap();
    let failure = &report.failed[0];
    assert!(matches!(
        failure.error,
        FolderError::TooLarge { size, max, .. } if size == 50 * 1024 * 1024 && max == MAX_FILE_BYTES
    ));
    assert!(failure.error.to_string().contains("huge.md"));
    assert!(store.list_articles().unwrap().is_empty());
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let mut store = Store::open_in_memory().unwrap();
    let err = import(
        &mut store,
        &[PathBuf::from("/nonexistent/folder")],
        |_, _| {},
    )
    .unwrap_err();
    assert_eq!(err.code(), "io");
    assert!(err.to_string().contains("/nonexistent/folder"));
}

#[test]
fn a_bulk_import_of_1000_files() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..1000 {
        write(
            dir.path(),
            &format!("artikel-{n:04}.md"),
            format!("---\ntitle: Artikel {n}\ntags: [arsip]\n---\nIsi nomor {n}.\n"),
        );
    }
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &[dir.path().to_owned()], |_, _| {}).unwrap();
    assert_eq!(report.imported.len(), 1000);
    assert!(report.failed.is_empty());
    assert_eq!(
        store
            .list(&redaksi_store::ListQuery {
                limit: 5000,
                ..Default::default()
            })
            .unwrap()
            .len(),
        1000
    );
    let hits = store.search("nomor 999", &Default::default()).unwrap();
    assert_eq!(hits.len(), 1);
}
