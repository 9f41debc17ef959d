//! The newsroom profile's messages and fix hints, in Indonesian and English, from
//! `crates/seo/data/newsroom-messages.tsv` (key, Indonesian, English; `{name}` is an argument).

use std::sync::LazyLock;

use redaksi_article::Lang;

use crate::data::{self, Messages};
use crate::report::Message;

static TABLE: LazyLock<Messages> =
    LazyLock::new(|| data::messages(include_str!("../../data/newsroom-messages.tsv")));

/// The text of one of this profile's messages, or `None` for another profile's key.
pub(crate) fn text(message: &Message, lang: Lang) -> Option<String> {
    data::from_table(&TABLE, message, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::newsroom::CHECK_IDS;

    #[test]
    fn every_check_has_a_pass_text_and_a_fix_hint_in_both_languages() {
        for id in CHECK_IDS {
            for suffix in ["pass", "fix"] {
                let key = format!("newsroom.{id}.{suffix}");
                let (indonesian, english) = TABLE
                    .get(key.as_str())
                    .unwrap_or_else(|| panic!("{key} missing"));
                assert!(!indonesian.is_empty() && !english.is_empty(), "{key}");
                assert_ne!(indonesian, english, "{key} is not translated");
            }
        }
    }
}
