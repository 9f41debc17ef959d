//! The seam between the engine and a scoring profile.

use std::fmt;
use std::str::FromStr;

use redaksi_article::Lang;
use serde::{Deserialize, Serialize};

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

/// The profiles a user can pick by name. `newsroom` is the default everywhere (CLI, desktop).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProfileId {
    Rankmath,
    #[default]
    Newsroom,
}

impl ProfileId {
    pub const ALL: [ProfileId; 2] = [ProfileId::Rankmath, ProfileId::Newsroom];

    pub fn as_str(self) -> &'static str {
        match self {
            ProfileId::Rankmath => "rankmath",
            ProfileId::Newsroom => "newsroom",
        }
    }

    /// The profile's implementation, or `None` while it is not built into this engine yet.
    pub fn profile(self) -> Option<&'static dyn Profile> {
        match self {
            ProfileId::Rankmath => Some(&crate::rankmath::RankMath),
            ProfileId::Newsroom => Some(crate::newsroom::builtin_profile()),
        }
    }
}

impl fmt::Display for ProfileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A profile name that is not one of [`ProfileId::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownProfile(pub String);

impl fmt::Display for UnknownProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown scoring profile `{}` (known: rankmath, newsroom)",
            self.0
        )
    }
}

impl std::error::Error for UnknownProfile {}

impl FromStr for ProfileId {
    type Err = UnknownProfile;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ProfileId::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownProfile(s.to_owned()))
    }
}
