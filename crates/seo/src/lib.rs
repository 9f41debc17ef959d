//! The scoring engine: turns an article into a 0–100 SEO score with a checklist.
//!
//! Pure on purpose (no IO, no clock, no threads, no Tauri) so the desktop app, the CLI and the
//! benchmarks all run the same code, and a keystroke's analysis can run anywhere.
//!
//! One analysis builds one [`Document`] (headings, paragraphs, links, images, embeds, words,
//! each with its byte range in the caller's source) and hands it to a [`Profile`]. Two profiles
//! exist: [`rankmath`], which reproduces Rank Math's number exactly, and `newsroom`, ours.

mod data;
pub mod document;
pub mod lang;
pub mod messages;
pub mod newsroom;
pub mod profile;
pub mod profiles;
pub mod rankmath;
pub mod report;
pub mod request;
mod work;

pub use document::Document;
pub use profile::Profile;
pub use profiles::{ProfileId, UnknownProfile};
pub use report::{
    Arg, Band, Check, Group, InputIssue, KeywordScore, Mark, Message, Report, Status, TextStats,
};
pub use request::{AnalysisRequest, Content, MAX_KEYWORDS, Settings};

/// Analyses a request with a profile: builds the document once, runs the profile, then applies
/// the article's mutes and recomputes the score from what still counts.
pub fn analyze(request: &AnalysisRequest, profile: &dyn Profile) -> Report {
    let document = Document::from_content(&request.content);
    analyze_document(request, &document, profile)
}

/// Like [`analyze`], for a caller that already built the document (e.g. to run two profiles).
pub fn analyze_document(
    request: &AnalysisRequest,
    document: &Document,
    profile: &dyn Profile,
) -> Report {
    let mut report = profile.analyze(request, document);
    if !request.muted.is_empty() {
        report::apply_mutes(&mut report.checks, &request.muted);
        let (score, points, max) = report::score_of(&report.checks);
        report.score = score;
        report.points = points;
        report.max = max;
        report.band = profile.band(score);
    }
    report
}
