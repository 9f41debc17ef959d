//! The report as callers see it: JSON that validates against schemas/score-report.schema.json,
//! messages in both languages for every key, marks that point into the Markdown source, mutes
//! and rejected keywords.

use std::collections::BTreeMap;

use redaksi_article::{Lang, MutedCheck};
use redaksi_seo::{AnalysisRequest, Content, ProfileId, Report, Status, analyze, messages};
use serde::Deserialize;

mod common;

const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../schemas/score-report.schema.json"
);

fn rankmath(request: &AnalysisRequest) -> Report {
    analyze(request, ProfileId::Rankmath.profile())
}

const MARKDOWN: &str = "\
Harga beras di pasar induk naik lagi pekan ini, kata pedagang.

## Mengapa harga beras naik

Pasokan berkurang. Lihat [data BPS](https://www.bps.go.id/) dan [arsip](/arsip/beras).

![Pedagang harga beras](beras.jpg)

<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>
";

fn markdown_request() -> AnalysisRequest {
    AnalysisRequest {
        title: "Harga Beras Naik Lagi".into(),
        description: "Harga beras naik lagi di pasar induk.".into(),
        slug: "harga-beras-naik".into(),
        url: "https://example.com/harga-beras-naik".into(),
        site_url: "https://example.com".into(),
        locale: "id".into(),
        keywords: vec!["harga beras".into(), "pasokan".into()],
        featured_image_alt: Some("Karung beras".into()),
        content: Content::Markdown(MARKDOWN.into()),
        ..AnalysisRequest::default()
    }
}

#[derive(Deserialize)]
struct Example {
    input: common::Input,
}

fn example_reports() -> Vec<Report> {
    common::examples::<Example>()
        .iter()
        .map(|e| rankmath(&e.input.request()))
        .collect()
}

fn all_reports() -> Vec<Report> {
    let mut reports = example_reports();
    reports.push(rankmath(&markdown_request()));
    let mut muted = markdown_request();
    muted.muted = vec![MutedCheck {
        id: "hasContentAI".into(),
        reason: "Kami tidak berlangganan Content AI".into(),
    }];
    reports.push(rankmath(&muted));
    let mut bad_keyword = markdown_request();
    bad_keyword.keywords = vec!["\u{2014}".into(), "...".into(), "beras".into()];
    reports.push(rankmath(&bad_keyword));
    reports.push(rankmath(&AnalysisRequest::default()));
    reports
}

/// The newsroom profile's reports share the schema.
fn newsroom_reports() -> Vec<Report> {
    let newsroom = ProfileId::Newsroom.profile();
    let mut english = markdown_request();
    english.locale = "en".into();
    vec![
        analyze(&markdown_request(), newsroom),
        analyze(&english, newsroom),
        analyze(&AnalysisRequest::default(), newsroom),
    ]
}

#[test]
fn reports_validate_against_the_schema() {
    let schema_text =
        std::fs::read_to_string(SCHEMA).expect("schemas/score-report.schema.json exists");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).expect("schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("schema is valid draft 2020-12");
    for report in all_reports().into_iter().chain(newsroom_reports()) {
        let json = serde_json::to_value(&report).expect("report serialises");
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}\n{json}");
    }
    // The schema must be able to say no.
    let mut broken = serde_json::to_value(rankmath(&markdown_request())).unwrap();
    broken["score"] = serde_json::json!(101);
    assert!(!validator.is_valid(&broken));
    broken["score"] = serde_json::json!(50);
    broken["checks"][0]["status"] = serde_json::json!("skipped");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn every_message_has_indonesian_and_english_text() {
    let mut seen = BTreeMap::new();
    for report in all_reports() {
        let messages = report
            .checks
            .iter()
            .chain(report.secondary.iter().flat_map(|s| &s.checks))
            .map(|c| &c.message)
            .chain(report.issues.iter().map(|i| &i.message));
        for message in messages {
            seen.insert(message.key.clone(), message.clone());
        }
    }
    assert!(
        seen.len() > 40,
        "only {} distinct keys exercised",
        seen.len()
    );
    for (key, message) in seen {
        let id = messages::text(&message, Lang::Id);
        let en = messages::text(&message, Lang::En);
        for text in [&id, &en] {
            assert_ne!(text, &key, "no text for {key}");
            assert!(!text.contains('{'), "unfilled argument in {key}: {text}");
        }
        assert_ne!(id, en, "{key} is not translated");
    }
}

#[test]
fn markdown_marks_point_into_the_markdown() {
    let report = rankmath(&markdown_request());
    let check = |id: &str| report.checks.iter().find(|c| c.id == id).unwrap();
    let content = check("keywordInContent");
    assert_eq!(content.status, Status::Pass);
    let marked: Vec<&str> = content
        .marks
        .iter()
        .map(|m| &MARKDOWN[m.start..m.end])
        .collect();
    assert_eq!(marked, ["Harga beras", "harga beras"]);
    let headings = &check("keywordInSubheadings").marks;
    assert_eq!(
        &MARKDOWN[headings[0].start..headings[0].end],
        "## Mengapa harga beras naik\n"
    );
    let externals = &check("linksHasExternals").marks;
    assert_eq!(
        &MARKDOWN[externals[0].start..externals[0].end],
        "[data BPS](https://www.bps.go.id/)"
    );
    let internals = &check("linksHasInternal").marks;
    assert_eq!(
        &MARKDOWN[internals[0].start..internals[0].end],
        "[arsip](/arsip/beras)"
    );
    let assets = &check("contentHasAssets");
    // Featured image + one inline image = 2 images (2 points), one iframe (1 point).
    assert_eq!(assets.points, 3, "{assets:?}");
    assert_eq!(assets.marks.len(), 2);
    assert_eq!(report.keyword.as_deref(), Some("harga beras"));
    assert_eq!(report.secondary.len(), 1);
    assert_eq!(report.stats.paragraphs, 2);
}

#[test]
fn a_muted_check_leaves_the_denominator() {
    let plain = rankmath(&markdown_request());
    let mut request = markdown_request();
    request.muted = vec![MutedCheck {
        id: "hasContentAI".into(),
        reason: "tidak berlangganan".into(),
    }];
    let muted = rankmath(&request);
    assert_eq!(muted.max, plain.max - 5);
    assert_eq!(muted.points, plain.points);
    let ai = muted
        .checks
        .iter()
        .find(|c| c.id == "hasContentAI")
        .unwrap();
    assert_eq!(ai.status, Status::Muted);
    assert_eq!(ai.mute_reason.as_deref(), Some("tidak berlangganan"));
    let expected = (f64::from(plain.points) / f64::from(plain.max - 5) * 100.0).round() as u8;
    assert_eq!(muted.score, expected);
}

#[test]
fn keywords_without_words_are_flagged_and_ignored() {
    let mut request = markdown_request();
    request.keywords = vec!["\u{2014}".into(), "beras".into()];
    let report = rankmath(&request);
    assert_eq!(report.keyword, None);
    assert_eq!(report.issues.len(), 1);
    assert_eq!(report.issues[0].field, "keywords[0]");
    let title = report
        .checks
        .iter()
        .find(|c| c.id == "keywordInTitle")
        .unwrap();
    assert_eq!((title.points, title.status), (0, Status::Fail));
    assert_eq!(report.secondary.len(), 1);
    assert_eq!(report.secondary[0].keyword, "beras");
}

#[test]
fn markdown_and_equivalent_html_score_the_same() {
    let md = markdown_request();
    let mut html = md.clone();
    html.content = Content::Html(redaksi_article::markdown::to_html(MARKDOWN));
    let a = rankmath(&md);
    let b = rankmath(&html);
    assert_eq!(a.score, b.score);
    let points = |r: &Report| r.checks.iter().map(|c| c.points).collect::<Vec<_>>();
    assert_eq!(points(&a), points(&b));
}
