//! The newsroom profile end to end: the pasted seed page, mutes, checks that do not apply,
//! word-form matching in the score, the rules config and its schema.

use redaksi_article::MutedCheck;
use redaksi_seo::newsroom::{Newsroom, builtin_profile};
use redaksi_seo::{AnalysisRequest, Check, Content, Report, Status, analyze, messages};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/samples/seed-page-nato-ukraina.txt"
);

fn seed() -> (String, String) {
    let text = std::fs::read_to_string(SEED).unwrap_or_else(|e| {
        panic!("the seed sample {SEED} is missing ({e}); it lives in /work/shared/samples")
    });
    let (title, body) = text.split_once('\n').expect("a title line");
    (title.trim().to_owned(), body.to_owned())
}

fn seed_request() -> AnalysisRequest {
    let (title, body) = seed();
    AnalysisRequest {
        title,
        locale: "id".into(),
        keywords: vec!["bantuan Ukraina".into()],
        content: Content::Markdown(body),
        ..AnalysisRequest::default()
    }
}

fn check<'r>(report: &'r Report, id: &str) -> &'r Check {
    report
        .checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id}"))
}

fn marked<'s>(source: &'s str, check: &Check) -> Vec<&'s str> {
    check
        .marks
        .iter()
        .map(|m| &source[m.start..m.end])
        .collect()
}

#[test]
fn the_seed_page_is_flagged_for_its_second_copy_and_its_web_page_furniture() {
    let request = seed_request();
    let (_, body) = seed();
    let report = analyze(&request, builtin_profile());
    for c in &report.checks {
        println!(
            "{:<24} {:?} {}/{} {}",
            c.id,
            c.status,
            c.points,
            c.max,
            messages::text(&c.message, redaksi_article::Lang::En)
        );
    }
    println!("score {} band {:?}", report.score, report.band);
    let passive = check(&report, "passiveVoice");
    println!("passive words: {:?}", marked(&body, passive));

    let duplicates = check(&report, "duplicateContent");
    assert_eq!(duplicates.status, Status::Fail);
    // The story has twelve paragraphs; each of the second copy is marked, none of the first.
    let second_copy = body.rfind("Sekretaris Jenderal NATO, Mark Rutte").unwrap();
    assert_eq!(duplicates.marks.len(), 12);
    assert_eq!(duplicates.marks[0].start, second_copy);
    assert!(duplicates.marks.iter().all(|m| m.start >= second_copy));
    let texts = marked(&body, duplicates);
    assert!(
        texts[11].starts_with("Dengan perkembangan ini"),
        "{}",
        texts[11]
    );
    assert_eq!(duplicates.message.args["paragraphs"].to_string(), "12");

    let boilerplate = check(&report, "boilerplate");
    assert_eq!(boilerplate.status, Status::Fail);
    let furniture = marked(&body, boilerplate);
    assert_eq!(
        furniture[..4],
        [
            "66 / 100 Skor SEO",
            "66 / 100 Skor SEO",
            "More from author",
            "Related posts"
        ]
    );
    // "More from author" opens a listing: everything after it on the page is furniture too,
    // the other stories' teasers and the newsletter prompt included.
    let listing = body.find("More from author").unwrap();
    assert_eq!(
        boilerplate.marks[2..].iter().map(|m| m.start).min(),
        Some(listing)
    );
    for pasted in [
        "Advertismentspot_img",
        "Latest posts",
        "DMI Ciamis Tegaskan Konsep Masjid Hijau",
        "Herry Dermawan; Petani Bisa Laporkan Bulog",
        "Want to stay up to date with the latest news?",
        "We would love to hear from you!",
    ] {
        assert!(
            furniture.iter().any(|m| m.starts_with(pasted)),
            "{pasted} is not marked: {furniture:?}"
        );
    }
    assert_eq!(furniture.len(), 14, "{furniture:?}");
    assert!(
        furniture.iter().all(|m| !m.contains("Rutte")),
        "the story is never furniture"
    );

    // What a reporter expects from this page besides the copy: the lead is the first real
    // paragraph (not the score badge), short enough, and byline and dateline are missing.
    let lead = check(&report, "leadLength");
    assert_eq!(lead.status, Status::Pass, "{:?}", lead.message);
    assert_eq!(lead.message.args["words"].to_string(), "24");
    assert_eq!(check(&report, "keyphraseInLead").status, Status::Pass);
    assert_eq!(check(&report, "byline").status, Status::Fail);
    assert_eq!(check(&report, "dateline").status, Status::Fail);
    assert_eq!(check(&report, "headlineLength").status, Status::Pass);
    assert_eq!(
        check(&report, "fleschReadingEase").status,
        Status::NotApplicable
    );
    assert_eq!(
        check(&report, "keyphraseInImageAlt").status,
        Status::NotApplicable
    );
    assert!(
        report.score <= 80,
        "a pasted page must not look good: {}",
        report.score
    );
}

#[test]
fn a_muted_check_is_shown_as_muted_and_leaves_the_score() {
    let mut request = seed_request();
    let before = analyze(&request, builtin_profile());
    request.muted = vec![MutedCheck {
        id: "boilerplate".into(),
        reason: "Halaman contoh, bukan naskah".into(),
    }];
    let after = analyze(&request, builtin_profile());
    let muted = check(&after, "boilerplate");
    assert_eq!(muted.status, Status::Muted);
    assert_eq!(
        muted.mute_reason.as_deref(),
        Some("Halaman contoh, bukan naskah")
    );
    assert!(
        !muted.marks.is_empty(),
        "a muted finding still shows where it is"
    );
    let weight = builtin_profile().rules().check("boilerplate").weight;
    assert_eq!(after.max, before.max - weight);
    assert_eq!(after.points, before.points);
    assert!(after.score > before.score);
}

fn short_news(body: &str) -> AnalysisRequest {
    AnalysisRequest {
        title: "Harga Beras Naik Dua Kali Lipat di Pasar Kosambi".into(),
        locale: "id".into(),
        keywords: vec!["beras".into()],
        content: Content::Markdown(body.into()),
        byline: Some("Siti Rahma".into()),
        ..AnalysisRequest::default()
    }
}

#[test]
fn a_check_that_does_not_apply_leaves_the_denominator_instead_of_costing_points() {
    let text = "Harga beras di Pasar Kosambi naik dua kali lipat sejak awal bulan.\n\nPedagang mengeluh.\n";
    let without = analyze(&short_news(text), builtin_profile());
    let with_image = analyze(
        &short_news(&format!("{text}\n![Pedagang di pasar](foto.jpg)\n")),
        builtin_profile(),
    );
    assert_eq!(
        check(&without, "keyphraseInImageAlt").status,
        Status::NotApplicable
    );
    assert_eq!(
        check(&with_image, "keyphraseInImageAlt").status,
        Status::Fail
    );
    assert_eq!(
        with_image.max,
        without.max + 3,
        "the image alt check weighs 3 in the shipped rules"
    );
}

#[test]
fn beras_is_not_found_inside_berasal_but_its_forms_are_found() {
    let only_berasal = analyze(
        &short_news("Bantuan itu berasal dari donatur luar negeri dan tiba pada Senin.\n"),
        builtin_profile(),
    );
    assert_eq!(check(&only_berasal, "keyphraseInLead").status, Status::Fail);
    assert_eq!(
        check(&only_berasal, "keyphraseDensity").status,
        Status::Fail
    );

    let forms = analyze(
        &short_news("Berasnya habis, dan beras-beras impor belum tiba di gudang Bulog.\n"),
        builtin_profile(),
    );
    let lead = check(&forms, "keyphraseInLead");
    assert_eq!(lead.status, Status::Pass);
    let source = "Berasnya habis, dan beras-beras impor belum tiba di gudang Bulog.\n";
    assert_eq!(marked(source, lead), ["Berasnya", "beras-beras"]);
}

#[test]
fn english_articles_get_flesch_and_the_english_passive_threshold() {
    let request = AnalysisRequest {
        title: "Floods Hit Three Provinces as Rivers Burst Their Banks".into(),
        locale: "en".into(),
        keywords: vec!["floods".into()],
        content: Content::Markdown(
            "Floods hit three provinces on Monday. Hundreds of homes were damaged. \
             Roads were closed. Schools were shut. The army was deployed.\n"
                .into(),
        ),
        ..AnalysisRequest::default()
    };
    let report = analyze(&request, builtin_profile());
    assert_eq!(check(&report, "fleschReadingEase").status, Status::Pass);
    let passive = check(&report, "passiveVoice");
    assert_eq!(passive.status, Status::Fail, "4 of 5 sentences are passive");
    let source = match &request.content {
        Content::Markdown(s) => s.as_str(),
        Content::Html(_) => unreachable!(),
    };
    assert_eq!(
        marked(source, passive),
        ["damaged", "closed", "shut", "deployed"]
    );
}

#[test]
fn every_message_the_profile_emits_has_indonesian_and_english_text() {
    for request in [
        seed_request(),
        short_news("Pendek."),
        AnalysisRequest::default(),
    ] {
        for c in analyze(&request, builtin_profile()).checks {
            for lang in [redaksi_article::Lang::Id, redaksi_article::Lang::En] {
                let text = messages::text(&c.message, lang);
                assert_ne!(
                    text, c.message.key,
                    "{} has no {lang:?} text",
                    c.message.key
                );
                assert!(!text.contains('{'), "unfilled argument in {text}");
            }
        }
    }
}

#[test]
fn the_shipped_rules_follow_their_schema_and_a_broken_file_is_refused() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../../schemas/seo-rules.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let shipped: serde_json::Value =
        serde_json::from_str(include_str!("../data/newsroom-rules.json")).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&shipped)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    let mut broken = shipped.clone();
    broken["checks"]["byline"]["weight"] = serde_json::json!(-1);
    assert!(!validator.is_valid(&broken));
    let text = serde_json::to_string(&broken).unwrap();
    let err = Newsroom::from_rules_json(&text).err().expect("refused");
    assert!(err.to_string().contains("invalid scoring rules"), "{err}");

    let mut missing = shipped.clone();
    missing["thresholds"]
        .as_object_mut()
        .unwrap()
        .remove("leadMaxWords");
    assert!(!validator.is_valid(&missing));
    let err = Newsroom::from_rules_json(&missing.to_string())
        .err()
        .expect("refused");
    assert!(err.to_string().contains("leadMaxWords"), "{err}");
}

#[test]
fn a_newsroom_can_switch_checks_off_and_add_words() {
    let mut rules: serde_json::Value =
        serde_json::from_str(include_str!("../data/newsroom-rules.json")).unwrap();
    rules["checks"]["titlePowerWord"]["enabled"] = serde_json::json!(false);
    rules["words"]["boilerplate"] = serde_json::json!(["simak berita lainnya"]);
    let profile = Newsroom::from_rules_json(&rules.to_string()).unwrap();
    let report = analyze(
        &short_news("Harga beras naik dua kali lipat.\n\nSimak berita lainnya di kanal kami.\n"),
        &profile,
    );
    assert!(report.checks.iter().all(|c| c.id != "titlePowerWord"));
    assert_eq!(check(&report, "boilerplate").marks.len(), 1);
}

#[test]
fn a_dateline_written_into_the_lead_counts_and_is_marked() {
    let body = "JAKARTA, Redaksi — Harga beras di Pasar Kosambi naik dua kali lipat.\n";
    let report = analyze(&short_news(body), builtin_profile());
    let dateline = check(&report, "dateline");
    assert_eq!(dateline.status, Status::Pass);
    assert_eq!(marked(body, dateline), ["JAKARTA, Redaksi —"]);
}

#[test]
fn secondary_keywords_get_their_own_chip_score_and_empty_keywords_are_reported() {
    let mut request = short_news("Harga beras di Pasar Kosambi naik. Pedagang cabai mengeluh.\n");
    request.keywords = vec!["beras".into(), "cabai".into(), "—".into()];
    let report = analyze(&request, builtin_profile());
    assert_eq!(report.secondary.len(), 1);
    let chip = &report.secondary[0];
    assert_eq!(chip.keyword, "cabai");
    let in_title = chip
        .checks
        .iter()
        .find(|c| c.id == "keyphraseInTitle")
        .unwrap();
    assert_eq!(
        in_title.status,
        Status::Fail,
        "the title names beras, not cabai"
    );
    assert_eq!(report.issues.len(), 1);
    assert_eq!(report.issues[0].field, "keywords[2]");
}

#[test]
fn newsroom_is_the_default_profile() {
    let default = redaksi_seo::ProfileId::default();
    assert_eq!(default, redaksi_seo::ProfileId::Newsroom);
    let profile = default.profile();
    assert_eq!(profile.id(), "newsroom");
}

#[test]
fn lists_tables_code_and_headings_are_not_sentences_for_readability() {
    let long = "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas \
                tiga belas empat belas lima belas enam belas tujuh belas delapan belas sembilan \
                belas dua puluh dua puluh satu";
    let body = format!(
        "Harga beras naik. Pedagang mengeluh. Pembeli berkurang.\n\n## {long}\n\n- {long}\n- {long}\n\n\
         | a | b |\n|---|---|\n| {long} | x |\n\n```\n{long}\n```\n"
    );
    let report = analyze(&short_news(&body), builtin_profile());
    let sentences = check(&report, "sentenceLength");
    assert_eq!(sentences.status, Status::Pass, "{:?}", sentences.message);
    assert!(sentences.marks.is_empty());
    assert_eq!(sentences.message.args["percent"].to_string(), "0");
}
