//! Every ninjs document Redaksi writes validates against IPTC's official 2.2 schema. The
//! validator set-up itself is first checked on IPTC's own test suite, so a validator that
//! accepts everything cannot make these tests pass.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Duration, TimeZone, Utc};
use jsonschema::{Registry, Validator};
use redaksi_article::{Article, FeaturedImage, Keyword, Lang};
use redaksi_publish::{ExportContext, Format, export};
use serde_json::Value;

fn ninjs_dir() -> PathBuf {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/ninjs"
    ));
    assert!(
        dir.join("ninjs-schema_2.2.json").is_file(),
        "IPTC ninjs reference files are missing at {}: these tests need ../shared/ninjs \
         (schema, GeoJSON schema and test_suite) next to the project",
        dir.display()
    );
    dir.to_path_buf()
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Draft 2020-12, offline, with GeoJSON pre-registered under the URL the schema references.
fn validator(version: &str) -> Validator {
    let dir = ninjs_dir();
    let schema = read_json(&dir.join(format!("ninjs-schema_{version}.json")));
    let geojson = read_json(&dir.join("GeoJSON-schema.json"));
    let registry = Registry::new()
        .add("https://geojson.org/schema/GeoJSON.json", geojson)
        .expect("GeoJSON schema registers")
        .prepare()
        .expect("registry prepares");
    jsonschema::draft202012::options()
        .with_registry(&registry)
        .build(&schema)
        .unwrap_or_else(|e| panic!("ninjs {version} schema does not compile: {e}"))
}

fn cases(version: &str, kind: &str) -> Vec<(PathBuf, Value)> {
    let dir = ninjs_dir().join("test_suite").join(version).join(kind);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no test cases in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let v = read_json(&p);
            (p, v)
        })
        .collect()
}

#[rstest::rstest]
#[case("2.1")]
#[case("2.2")]
fn validator_setup_agrees_with_iptc_test_suite(#[case] version: &str) {
    let v = validator(version);
    for (path, doc) in cases(version, "should_pass") {
        let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(
            errors.is_empty(),
            "{} should pass: {errors:?}",
            path.display()
        );
    }
    for (path, doc) in cases(version, "should_fail") {
        assert!(
            !v.is_valid(&doc),
            "{} should fail but validated",
            path.display()
        );
    }
}

#[test]
fn iptc_examples_for_2_2_validate() {
    let v = validator("2.2");
    let dir = ninjs_dir().join("examples");
    let doc = read_json(&dir.join("004_simple_text_article.json"));
    assert!(v.is_valid(&doc));
}

/// A small deterministic generator: each article switches fields on and off and fills them
/// with awkward text (quotes, Indonesian, emoji, markup), so many shapes are covered.
fn generated(n: u64) -> Article {
    let mut seed = n
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut bit = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        (seed >> 33) & 1 == 1
    };
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap() + Duration::hours(n as i64);
    let texts = [
        "Banjir \"rob\" <Jakarta>",
        "Pemilu 2029 🗳️",
        "",
        "a & b",
        "Ütf-8 ✓",
    ];
    let pick = |i: u64| texts[(i % texts.len() as u64) as usize].to_string();
    let body = format!(
        "# {}\n\nParagraf **satu** dengan [tautan](https://contoh.id/{n}).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x()</script>\n\n- {}\n",
        pick(n),
        pick(n + 1)
    );
    let mut a = Article::new(pick(n + 2), body, now);
    let m = &mut a.meta;
    if bit() {
        m.seo_title = Some(pick(n + 3));
    }
    if bit() {
        m.slug = Some(format!("berita-{n}"));
    }
    if bit() {
        m.description = Some(pick(n + 4));
    }
    if bit() {
        m.keywords = vec![Keyword::new(pick(n)), Keyword::new("banjir")];
    }
    if bit() {
        m.lang = Some(if n.is_multiple_of(2) {
            Lang::Id
        } else {
            Lang::En
        });
    }
    if bit() {
        let src = if bit() {
            format!("https://img.contoh.id/{n}.jpg")
        } else {
            format!("gambar/{n}.jpg")
        };
        m.featured_image = Some(FeaturedImage {
            src,
            alt: bit().then(|| pick(n)),
        });
    }
    if bit() {
        m.byline = Some(pick(n + 1));
    }
    if bit() {
        m.dateline = Some("JAKARTA".into());
    }
    if bit() {
        m.category = Some(pick(n + 2));
    }
    if bit() {
        m.tags = vec![pick(n), pick(n + 3)];
    }
    if bit() {
        m.editor_note = Some(pick(n + 4));
    }
    if bit() {
        m.embargo = Some(now + Duration::days(1));
    }
    a
}

#[test]
fn every_generated_article_exports_valid_ninjs_2_2() {
    let v = validator("2.2");
    for n in 0..300 {
        let article = generated(n);
        let ctx = ExportContext {
            revision: (!n.is_multiple_of(3)).then_some(n),
        };
        let e = export(&article, Format::Ninjs, &ctx);
        let doc: Value = serde_json::from_str(&e.content).unwrap();
        let errors: Vec<String> = v
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "article {n}: {errors:?}\n{}", e.content);
    }
}

#[test]
fn ninjs_maps_the_fields_the_issue_names() {
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    let mut a = Article::new("Judul", "Satu dua tiga.\n", now);
    a.meta.description = Some("Ringkasan".into());
    a.meta.byline = Some("Rina".into());
    a.meta.dateline = Some("BANDUNG".into());
    a.meta.category = Some("Metro".into());
    a.meta.tags = vec!["cuaca".into()];
    a.meta.embargo = Some(Utc.with_ymd_and_hms(2026, 12, 1, 6, 0, 0).unwrap());
    a.meta.editor_note = Some("cek".into());
    a.meta.lang = Some(Lang::Id);
    a.meta.publish_at = Some(now);
    let e = export(&a, Format::Ninjs, &ExportContext { revision: Some(7) });
    let d: Value = serde_json::from_str(&e.content).unwrap();
    assert_eq!(d["uri"], format!("urn:uuid:{}", a.id));
    assert_eq!(d["version"], "7");
    assert_eq!(d["headlines"][0]["value"], "Judul");
    assert_eq!(d["descriptions"][0]["value"], "Ringkasan");
    assert_eq!(d["bodies"][0]["value"], "<p>Satu dua tiga.</p>\n");
    assert_eq!(d["bodies"][0]["wordcount"], 3);
    assert_eq!(d["bodies"][0]["charcount"], 14);
    assert_eq!(d["by"], "Rina");
    assert_eq!(d["located"], "BANDUNG");
    assert_eq!(d["subjects"][0]["name"], "Metro");
    assert_eq!(d["subjects"][1]["name"], "cuaca");
    assert_eq!(d["embargoed"], "2026-12-01T06:00:00+00:00");
    assert_eq!(d["ednote"], "cek");
    assert_eq!(d["language"], "id");
    let dropped: Vec<_> = e.dropped.iter().map(|d| d.field).collect();
    assert_eq!(dropped, ["status", "publish_at"]);
}

#[test]
fn a_local_featured_image_path_is_reported_not_dropped_silently() {
    let mut a = Article::new("J", "b", Utc::now());
    a.meta.featured_image = Some(FeaturedImage {
        src: "img/a.jpg".into(),
        alt: None,
    });
    let e = export(&a, Format::Ninjs, &ExportContext::default());
    assert!(
        e.dropped.iter().any(|d| d.field == "featured_image"),
        "{:?}",
        e.dropped
    );
    assert!(!e.content.contains("img/a.jpg"));
}
