//! The seam between the engine and a scoring profile.

use redaksi_article::Lang;

use crate::document::Document;
use crate::report::{Band, Message, Report};
use crate::request::AnalysisRequest;

/// A scoring profile: its checks, weights and words. Profiles get the document already built
/// (one pass over the text per analysis, shared by every check and keyword).
pub trait Profile: Sync {
    /// `rankmath`, `newsroom`, …: the value of [`Report::profile`].
    fn id(&self) -> &'static str;

    /// Runs every check. The engine applies the article's mutes afterwards.
    fn analyze(&self, request: &AnalysisRequest, document: &Document) -> Report;

    /// The profile's band for a score.
    fn band(&self, score: u8) -> Band {
        Band::from_score(score)
    }

    /// The fix hint for one of this profile's message keys, or `None` when the key is not its own.
    fn message(&self, message: &Message, lang: Lang) -> Option<String>;
}
