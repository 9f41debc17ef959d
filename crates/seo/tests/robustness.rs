//! Arbitrary input never panics and always scores 0–100; a 10 MB article finishes.

use proptest::prelude::*;
use redaksi_seo::{AnalysisRequest, Content, Document, ProfileId, analyze};

fn rankmath(request: &AnalysisRequest) -> redaksi_seo::Report {
    analyze(request, ProfileId::Rankmath.profile())
}

/// Fragments that exercise every scanner: tags, comments, entities, shortcodes, links, media.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,12}",
        "\\PC{0,8}",
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<h2 class=\"x\">".to_owned()),
        Just("</h2>".to_owned()),
        Just("<br><br/>".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("&amp;&#160;&nbsp;&x".to_owned()),
        Just("[gallery ids=\"1\"]".to_owned()),
        Just("[/caption]".to_owned()),
        Just("<a href=\"https://youtu.be/x\" rel='nofollow'>".to_owned()),
        Just("<a href='/x'>".to_owned()),
        Just("</a>".to_owned()),
        Just("<img alt=\"harga beras\" src=x>".to_owned()),
        Just("<iframe src=\"https://vimeo.com/1\">".to_owned()),
        Just("<pre>".to_owned()),
        Just("</pre>".to_owned()),
        Just("<ul><li>".to_owned()),
        Just("\n\n## ".to_owned()),
        Just("\n- ".to_owned()),
        Just("[teks](http://a.id)".to_owned()),
        Just("![alt](b.png)".to_owned()),
        Just("harga beras".to_owned()),
        Just("\u{2014}\u{a0}\u{feff}\u{1f600}".to_owned()),
        Just("<".to_owned()),
        Just(">".to_owned()),
        Just("&".to_owned()),
        Just("[".to_owned()),
    ]
}

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|parts| parts.concat())
}

fn request(body: String, markdown: bool, keywords: Vec<String>, title: String) -> AnalysisRequest {
    AnalysisRequest {
        title,
        description: "Harga beras".into(),
        slug: "harga-beras".into(),
        url: "https://example.com/harga-beras".into(),
        site_url: "https://example.com".into(),
        locale: "id".into(),
        keywords,
        featured_image_alt: None,
        content: if markdown {
            Content::Markdown(body)
        } else {
            Content::Html(body)
        },
        ..AnalysisRequest::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_input_scores_between_0_and_100(
        body in body(),
        markdown in any::<bool>(),
        keywords in prop::collection::vec("\\PC{0,12}|harga beras|[a-z]{1,6}", 0..7),
        title in "\\PC{0,40}",
    ) {
        let report = rankmath(&request(body.clone(), markdown, keywords, title));
        prop_assert!(report.score <= 100);
        prop_assert!(report.points <= report.max);
        for check in &report.checks {
            prop_assert!(check.points <= check.max, "{check:?}");
            for mark in &check.marks {
                prop_assert!(mark.start <= mark.end && mark.end <= body.len(), "{mark:?}");
                prop_assert!(body.is_char_boundary(mark.start) && body.is_char_boundary(mark.end));
            }
        }
        for secondary in &report.secondary {
            prop_assert!(secondary.score <= 100);
        }
    }

    #[test]
    fn document_ranges_stay_inside_the_source(body in body(), markdown in any::<bool>()) {
        let doc = if markdown { Document::from_markdown(&body) } else { Document::from_html(&body) };
        for word in &doc.words {
            let source = doc.word_source(word);
            prop_assert!(source.end <= body.len());
            prop_assert!(body.is_char_boundary(source.start));
            prop_assert!(body.is_char_boundary(source.end));
        }
        for block in &doc.blocks {
            prop_assert!(block.source.start <= block.source.end && block.source.end <= body.len());
        }
    }
}

#[test]
fn a_ten_megabyte_article_finishes() {
    let paragraph = "<p>Harga beras di pasar induk naik lagi, kata <a href=\"https://bps.go.id\">BPS</a> \
                     &amp; pedagang \u{2014} stok aman.</p>\n<h2>Subjudul harga beras</h2>\n\
                     <img src=\"a.jpg\" alt=\"harga beras\">\n";
    let html = paragraph.repeat(10 * 1024 * 1024 / paragraph.len() + 1);
    assert!(html.len() >= 10 * 1024 * 1024);
    let report = rankmath(&request(
        html.clone(),
        false,
        vec!["harga beras".into(), "stok".into()],
        "Harga Beras".into(),
    ));
    assert!(report.score <= 100);
    assert!(report.stats.words > 500_000);
    let md = html.replace("<p>", "").replace("</p>", "\n");
    let report = rankmath(&request(
        md,
        true,
        vec!["harga beras".into()],
        "Harga Beras".into(),
    ));
    assert!(report.score <= 100);
}
