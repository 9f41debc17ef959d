//! The fuzz targets. Each takes any bytes and panics only when Redaksi broke a promise.

mod article;
mod mirror;
mod preview;
mod score;

pub use article::article;
pub use mirror::mirror;
pub use preview::preview;
pub use score::score;

use chrono::{DateTime, TimeZone, Utc};

/// One target: its name (also its corpus folder under `fuzz/corpus/`) and its body.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
}

pub const ALL: [Target; 4] = [
    Target {
        name: "article",
        run: article,
    },
    Target {
        name: "score",
        run: score,
    },
    Target {
        name: "preview",
        run: preview,
    },
    Target {
        name: "mirror",
        run: mirror,
    },
];

pub fn by_name(name: &str) -> Option<&'static Target> {
    ALL.iter().find(|target| target.name == name)
}

/// A fixed clock, so that one input always takes the same path.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap()
}
