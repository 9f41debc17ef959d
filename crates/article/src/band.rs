//! Score bands: the traffic light a score shows as, with the thresholds in one place. The
//! report, the dashboard's filter, the CLI's `--score` and the store's query all use these.

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The band of a 0–100 score (Rank Math's colours: green, orange, red).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// 81–100.
    Good,
    /// 51–80.
    Ok,
    /// 0–50; an article not scored yet counts here too.
    Bad,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Good, Band::Ok, Band::Bad];

    /// The scores in this band: above 80 good, above 50 ok, otherwise bad.
    pub fn scores(self) -> RangeInclusive<u8> {
        match self {
            Band::Good => 81..=100,
            Band::Ok => 51..=80,
            Band::Bad => 0..=50,
        }
    }

    pub fn from_score(score: u8) -> Band {
        Band::ALL
            .into_iter()
            .find(|band| band.scores().contains(&score))
            // Scores are capped at 100; a larger one is still a good one.
            .unwrap_or(Band::Good)
    }

    /// The band an article's stored score falls in; not scored yet is bad.
    pub fn of(score: Option<u8>) -> Band {
        score.map_or(Band::Bad, Band::from_score)
    }

    pub fn id(self) -> &'static str {
        match self {
            Band::Good => "good",
            Band::Ok => "ok",
            Band::Bad => "bad",
        }
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown score band {0:?} (use good, ok or bad)")]
pub struct BandParseError(pub String);

impl FromStr for Band {
    type Err = BandParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Band::ALL
            .into_iter()
            .find(|band| band.id().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| BandParseError(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(0, Band::Bad)]
    #[case(50, Band::Bad)]
    #[case(51, Band::Ok)]
    #[case(80, Band::Ok)]
    #[case(81, Band::Good)]
    #[case(100, Band::Good)]
    #[case(255, Band::Good)]
    fn the_thresholds_are_above_80_and_above_50(#[case] score: u8, #[case] band: Band) {
        assert_eq!(Band::from_score(score), band);
    }

    #[test]
    fn the_bands_cover_every_score_once() {
        for score in 0..=100u8 {
            let holding: Vec<Band> = Band::ALL
                .into_iter()
                .filter(|band| band.scores().contains(&score))
                .collect();
            assert_eq!(holding.len(), 1, "{score}: {holding:?}");
        }
    }

    #[test]
    fn an_unscored_article_is_bad_and_names_parse_back() {
        assert_eq!(Band::of(None), Band::Bad);
        for band in Band::ALL {
            assert_eq!(band.id().parse::<Band>().unwrap(), band);
        }
        assert!("high".parse::<Band>().is_err());
    }
}
