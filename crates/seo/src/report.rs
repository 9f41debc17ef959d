//! What the engine returns: a score, a band and a checklist, in a shape shared by every profile.

use std::collections::BTreeMap;
use std::ops::Range;

pub use redaksi_article::Band;
use serde::{Deserialize, Serialize};

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "CheckStatus"))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Full points.
    Pass,
    /// Some points, not all (tiered checks).
    Warning,
    /// No points; the max still counts.
    Fail,
    /// The check does not apply; it leaves the score's denominator.
    NotApplicable,
    /// Switched off for this article by the newsroom (see [`Check::mute_reason`]); it leaves the
    /// denominator.
    Muted,
}

impl Status {
    /// Whether the check's `max` counts in the score's denominator.
    pub fn counts(self) -> bool {
        !matches!(self, Status::NotApplicable | Status::Muted)
    }

    /// The status a scored check gets from its points.
    pub fn from_points(points: u32, max: u32) -> Status {
        if points == 0 {
            Status::Fail
        } else if points >= max {
            Status::Pass
        } else {
            Status::Warning
        }
    }
}

/// The checklist section a check is shown in. Rank Math's four groups come first; the newsroom
/// profile adds its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Group {
    BasicSeo,
    Additional,
    TitleReadability,
    ContentReadability,
    Language,
    News,
}

impl Group {
    pub fn id(self) -> &'static str {
        match self {
            Group::BasicSeo => "basic_seo",
            Group::Additional => "additional",
            Group::TitleReadability => "title_readability",
            Group::ContentReadability => "content_readability",
            Group::Language => "language",
            Group::News => "news",
        }
    }
}

/// One argument of a message: a number or a piece of text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Arg {
    Int(i64),
    Num(f64),
    Text(String),
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Int(n) => write!(f, "{n}"),
            Arg::Num(x) => write!(f, "{x:.2}"),
            Arg::Text(s) => f.write_str(s),
        }
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Int(i64::from(n))
    }
}

impl From<f64> for Arg {
    fn from(x: f64) -> Self {
        Arg::Num(x)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

/// A message key plus its arguments; [`crate::messages::text`] turns it into words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Message {
    /// Dotted key, e.g. `rankmath.keywordInTitle.fail`.
    pub key: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
}

impl Message {
    pub fn new(key: impl Into<String>) -> Self {
        Message {
            key: key.into(),
            args: BTreeMap::new(),
        }
    }

    pub fn arg(mut self, name: &str, value: impl Into<Arg>) -> Self {
        self.args.insert(name.to_owned(), value.into());
        self
    }
}

/// A range of the source text to highlight: bytes into the Markdown (or HTML) the caller sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Mark {
    pub start: usize,
    pub end: usize,
}

impl From<Range<usize>> for Mark {
    fn from(range: Range<usize>) -> Self {
        Mark {
            start: range.start,
            end: range.end,
        }
    }
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Check {
    /// Stable id, e.g. `keywordInTitle` (Rank Math's test ids for that profile).
    pub id: String,
    pub group: Group,
    pub status: Status,
    pub points: u32,
    pub max: u32,
    pub message: Message,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
    /// Why the newsroom muted this check, when `status` is `muted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mute_reason: Option<String>,
}

impl Check {
    /// A scored check whose status follows from its points.
    pub fn scored(id: &str, group: Group, points: u32, max: u32, message: Message) -> Check {
        Check {
            id: id.to_owned(),
            group,
            status: Status::from_points(points, max),
            points,
            max,
            message,
            marks: Vec::new(),
            mute_reason: None,
        }
    }

    pub fn with_status(mut self, status: Status) -> Check {
        self.status = status;
        self
    }

    pub fn with_marks(mut self, marks: Vec<Mark>) -> Check {
        self.marks = marks;
        self
    }
}

/// The score one keyword would get (secondary keywords only colour their chips).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KeywordScore {
    pub keyword: String,
    pub score: u8,
    pub band: Band,
    pub points: u32,
    pub max: u32,
    pub checks: Vec<Check>,
}

/// Counts about the text, independent of the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TextStats {
    pub words: usize,
    pub paragraphs: usize,
    /// Whole minutes at [`WORDS_PER_MINUTE`], at least 1 for any text.
    pub reading_minutes: u32,
}

/// A typical adult reading speed for news prose.
pub const WORDS_PER_MINUTE: usize = 200;

impl TextStats {
    pub fn new(words: usize, paragraphs: usize) -> TextStats {
        let minutes = words.div_ceil(WORDS_PER_MINUTE);
        TextStats {
            words,
            paragraphs,
            reading_minutes: u32::try_from(minutes).unwrap_or(u32::MAX),
        }
    }
}

/// Something wrong with the request itself (e.g. a keyword with no letters), reported instead of
/// failing the whole analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InputIssue {
    /// The request field, e.g. `keywords[1]`.
    pub field: String,
    pub message: Message,
}

/// The result of one analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Report {
    /// `rankmath` or `newsroom`.
    pub profile: String,
    /// The primary keyword's score, 0–100.
    pub score: u8,
    pub band: Band,
    /// Sum of points and of counted maxima behind `score`.
    pub points: u32,
    pub max: u32,
    /// The primary keyword as analysed, if a usable one was given.
    pub keyword: Option<String>,
    pub checks: Vec<Check>,
    pub secondary: Vec<KeywordScore>,
    pub stats: TextStats,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<InputIssue>,
}

/// `round(Σpoints / Σmax × 100)` over the checks that count, dividing first as Rank Math does.
pub fn score_of(checks: &[Check]) -> (u8, u32, u32) {
    let (points, max) = checks
        .iter()
        .filter(|c| c.status.counts())
        .fold((0u32, 0u32), |(p, m), c| (p + c.points, m + c.max));
    if max == 0 {
        return (0, 0, 0);
    }
    let score = (f64::from(points) / f64::from(max) * 100.0).round();
    (score.clamp(0.0, 100.0) as u8, points, max)
}

/// Applies the article's mutes: a muted check keeps its points for display but leaves the sums.
pub fn apply_mutes(checks: &mut [Check], muted: &[redaksi_article::MutedCheck]) {
    for check in checks {
        if let Some(mute) = muted.iter().find(|m| m.id == check.id) {
            check.status = Status::Muted;
            check.mute_reason = Some(mute.reason.clone());
        }
    }
}
