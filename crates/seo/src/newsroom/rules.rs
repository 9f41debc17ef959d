//! The newsroom rules config: weights, switches, thresholds and extra word lists.
//!
//! The shipped default is `crates/seo/data/newsroom-rules.json`; a newsroom may ship its own.
//! Both follow `schemas/seo-rules.schema.json`. Parsing is strict (unknown keys, unknown check
//! ids, a missing check or threshold are refused) so a typo never silently changes a score.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

/// Every check of the newsroom profile, in checklist order (from [`super::checks::CHECKS`]).
pub const CHECK_IDS: [&str; 31] = {
    let mut ids = [""; 31];
    let mut i = 0;
    while i < ids.len() {
        ids[i] = super::checks::CHECKS[i].id;
        i += 1;
    }
    ids
};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRule {
    pub weight: u32,
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
}

fn enabled_by_default() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Thresholds {
    pub text_min_words: usize,
    pub text_warn_words: usize,
    pub title_min_chars: usize,
    pub title_max_chars: usize,
    pub title_max_pixels: usize,
    pub description_min_chars: usize,
    pub description_max_chars: usize,
    pub slug_max_chars: usize,
    pub slug_max_words: usize,
    pub density_min: f64,
    pub density_max: f64,
    pub density_max_per_extra_word: f64,
    pub subheading_share_min: f64,
    pub subheading_share_max: f64,
    pub sentence_max_words: usize,
    pub long_sentence_share_good: f64,
    pub long_sentence_share_ok: f64,
    pub paragraph_max_words: usize,
    pub paragraph_max_sentences: usize,
    pub passive_share_good_id: f64,
    pub passive_share_ok_id: f64,
    pub passive_share_good_en: f64,
    pub passive_share_ok_en: f64,
    pub transition_share_good: f64,
    pub transition_share_ok: f64,
    pub same_start_run: usize,
    pub subheading_max_words: usize,
    pub flesch_good: f64,
    pub flesch_ok: f64,
    pub headline_min_words: usize,
    pub headline_max_words: usize,
    pub headline_min_chars: usize,
    pub lead_max_words: usize,
    pub duplicate_sentence_min_words: usize,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct LangWords {
    #[serde(default)]
    pub transitions: Vec<String>,
    #[serde(default)]
    pub power: Vec<String>,
    #[serde(default)]
    pub passive_exceptions: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraWords {
    #[serde(default)]
    pub id: LangWords,
    #[serde(default)]
    pub en: LangWords,
    #[serde(default)]
    pub boilerplate: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    #[serde(rename = "$comment", default)]
    _comment: Option<String>,
    pub version: u32,
    pub checks: BTreeMap<String, CheckRule>,
    pub thresholds: Thresholds,
    #[serde(default)]
    pub words: ExtraWords,
}

/// A rules file that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesError {
    /// 1-based line and column in the file, when the problem has a place.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(
                f,
                "invalid scoring rules at line {line}, column {column}: {}",
                self.message
            ),
            _ => write!(f, "invalid scoring rules: {}", self.message),
        }
    }
}

impl std::error::Error for RulesError {}

/// The largest rules file read: a newsroom's word lists fit in a small part of it.
pub const MAX_RULES_FILE_BYTES: u64 = 1024 * 1024;

/// The text of a rules file. A device, pipe or socket is refused before it is opened (a pipe
/// would block, `/dev/zero` never ends), and so is a file above [`MAX_RULES_FILE_BYTES`].
pub fn read_rules_file(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind, Read};
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            "not a regular file (a device, pipe or socket)",
        ));
    }
    let too_large = || {
        Error::new(
            ErrorKind::InvalidInput,
            format!(
                "the file is larger than {MAX_RULES_FILE_BYTES} bytes; a rules file is far smaller"
            ),
        )
    };
    if meta.len() > MAX_RULES_FILE_BYTES {
        return Err(too_large());
    }
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_RULES_FILE_BYTES + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > MAX_RULES_FILE_BYTES {
        return Err(too_large());
    }
    Ok(text)
}

impl Rules {
    /// The rules shipped with Redaksi.
    pub fn builtin() -> Rules {
        Rules::from_json(include_str!("../../data/newsroom-rules.json"))
            .unwrap_or_else(|e| unreachable!("the shipped rules are tested to parse: {e}"))
    }

    /// Parses and checks a rules file.
    pub fn from_json(text: &str) -> Result<Rules, RulesError> {
        let rules: Rules = serde_json::from_str(text).map_err(|e| RulesError {
            line: Some(e.line()),
            column: Some(e.column()),
            message: e.to_string(),
        })?;
        let plain = |message: String| RulesError {
            line: None,
            column: None,
            message,
        };
        if rules.version != 1 {
            return Err(plain(format!(
                "version {} is not supported (expected 1)",
                rules.version
            )));
        }
        if let Some(unknown) = rules
            .checks
            .keys()
            .find(|id| !CHECK_IDS.contains(&id.as_str()))
        {
            return Err(plain(format!("unknown check `{unknown}`")));
        }
        if let Some(missing) = CHECK_IDS.iter().find(|id| !rules.checks.contains_key(**id)) {
            return Err(plain(format!("check `{missing}` is missing")));
        }
        if let Some((id, _)) = rules.checks.iter().find(|(_, rule)| rule.weight > 100) {
            return Err(plain(format!("check `{id}`: weight above 100")));
        }
        let t = &rules.thresholds;
        let shares = [
            t.subheading_share_min,
            t.subheading_share_max,
            t.long_sentence_share_good,
            t.long_sentence_share_ok,
            t.passive_share_good_id,
            t.passive_share_ok_id,
            t.passive_share_good_en,
            t.passive_share_ok_en,
            t.transition_share_good,
            t.transition_share_ok,
        ];
        if shares.iter().any(|s| !(0.0..=1.0).contains(s)) {
            return Err(plain("a share threshold is outside 0–1".into()));
        }
        Ok(rules)
    }

    /// The rule of a check (every id of [`CHECK_IDS`] has one after parsing).
    pub fn check(&self, id: &str) -> CheckRule {
        self.checks.get(id).cloned().unwrap_or(CheckRule {
            weight: 0,
            enabled: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_configs_are_refused_with_a_place_and_a_reason() {
        let err = Rules::from_json("{\n  \"version\": 1,\n  \"checks\": {\"x\": 1\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.to_string().contains("line 3"), "{err}");

        let shipped = include_str!("../../data/newsroom-rules.json");
        let unknown = shipped.replace(
            "\"byline\": { \"weight\": 4 }",
            "\"bylinez\": { \"weight\": 4 }",
        );
        assert!(
            Rules::from_json(&unknown)
                .unwrap_err()
                .message
                .contains("bylinez")
        );

        let typo = shipped.replace("\"leadMaxWords\"", "\"leadMaxWord\"");
        assert!(
            Rules::from_json(&typo)
                .unwrap_err()
                .message
                .contains("leadMaxWord")
        );

        let share = shipped.replace("\"passiveShareOkId\": 0.65", "\"passiveShareOkId\": 65");
        assert!(Rules::from_json(&share).is_err());
    }
}
