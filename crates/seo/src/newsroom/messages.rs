//! The newsroom profile's messages and fix hints, in Indonesian and English, from
//! `crates/seo/data/newsroom-messages.tsv` (key, Indonesian, English; `{name}` is an argument).

use std::collections::HashMap;
use std::sync::LazyLock;

use redaksi_article::Lang;

use crate::messages::fill;
use crate::report::Message;

static TABLE: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> = LazyLock::new(|| {
    crate::data::entries(include_str!("../../data/newsroom-messages.tsv"))
        .filter_map(|line| {
            let mut columns = line.split('\t');
            Some((columns.next()?, (columns.next()?, columns.next()?)))
        })
        .collect()
});

/// The text of one of this profile's messages, or `None` for another profile's key.
pub(crate) fn text(message: &Message, lang: Lang) -> Option<String> {
    let (id, en) = TABLE.get(message.key.as_str())?;
    Some(fill(if lang == Lang::En { en } else { id }, message))
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
