//! The profiles a user can pick by name, and where each one's implementation lives. Kept apart
//! from the [`Profile`] trait so the profiles depend on the trait and this registry on them,
//! without a cycle.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::profile::Profile;

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

    /// The profile's implementation (every id names one built into the engine).
    pub fn profile(self) -> &'static dyn Profile {
        match self {
            ProfileId::Rankmath => &crate::rankmath::RankMath,
            ProfileId::Newsroom => crate::newsroom::builtin_profile(),
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
