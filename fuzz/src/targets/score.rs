use redaksi_article::{Article, front_matter};
use redaksi_seo::{AnalysisRequest, Check, Content, ProfileId, Report, analyze};

use super::now;

const SITE: &str = "https://example.com";

/// Both scoring profiles over the input as Markdown and as HTML. The input is read as an
/// article file, so front matter reaches the keyword, title and slug checks; without a
/// keyword, its first word becomes one so the keyword checks run too. Every report scores
/// 0–100 and every highlight lies on character boundaries of the text it points into.
pub fn score(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let article = front_matter::parse(&text, now())
        .unwrap_or_else(|_| Article::new("", text.as_ref(), now()));
    let mut request = AnalysisRequest::from_article(&article, SITE);
    if request.keywords.is_empty() {
        request.keywords = article
            .body
            .split_whitespace()
            .next()
            .map(|word| vec![word.to_owned()])
            .unwrap_or_default();
    }
    let body = article.body;
    for content in [Content::Markdown(body.clone()), Content::Html(body.clone())] {
        request.content = content;
        for id in ProfileId::ALL {
            check(&analyze(&request, id.profile()), &body, id);
        }
    }
}

fn check(report: &Report, source: &str, id: ProfileId) {
    let name = id.as_str();
    assert!(report.score <= 100, "{name}: score {}", report.score);
    assert!(
        report.points <= report.max,
        "{name}: {} of {} points",
        report.points,
        report.max
    );
    checks_point_into(&report.checks, source, name);
    for secondary in &report.secondary {
        assert!(
            secondary.score <= 100,
            "{name}: keyword score {}",
            secondary.score
        );
        checks_point_into(&secondary.checks, source, name);
    }
}

fn checks_point_into(checks: &[Check], source: &str, name: &str) {
    for check in checks {
        assert!(
            check.points <= check.max,
            "{name}/{}: {} of {} points",
            check.id,
            check.points,
            check.max
        );
        for mark in &check.marks {
            assert!(
                mark.start <= mark.end
                    && source.is_char_boundary(mark.start)
                    && source.is_char_boundary(mark.end),
                "{name}/{}: mark {}..{} is not a range of the {}-byte text",
                check.id,
                mark.start,
                mark.end,
                source.len()
            );
        }
    }
}
