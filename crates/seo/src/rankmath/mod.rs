//! The `rankmath` profile: Rank Math SEO v1.0.273's post-editor score, reproduced from the
//! clean-room specification in ../shared/specs/rankmath-profile.md.

use redaksi_article::Lang;

use crate::document::Document;
use crate::profile::Profile;
use crate::report::{Band, Message, Report, TextStats};
use crate::request::AnalysisRequest;

/// The `rankmath` profile.
pub struct RankMath;

impl Profile for RankMath {
    fn id(&self) -> &'static str {
        "rankmath"
    }

    fn analyze(&self, _request: &AnalysisRequest, document: &Document) -> Report {
        Report {
            profile: self.id().to_owned(),
            score: 0,
            band: Band::Bad,
            points: 0,
            max: 0,
            keyword: None,
            checks: Vec::new(),
            secondary: Vec::new(),
            stats: TextStats::new(document.words.len(), document.paragraphs().count()),
            issues: Vec::new(),
        }
    }

    fn message(&self, _message: &Message, _lang: Lang) -> Option<String> {
        None
    }
}
