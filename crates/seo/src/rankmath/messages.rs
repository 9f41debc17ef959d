//! The `rankmath` profile's fix hints, in our own words, in Indonesian and English, from
//! `crates/seo/data/rankmath-messages.tsv` (the same format as the newsroom profile's).

use std::sync::LazyLock;

use redaksi_article::Lang;

use crate::data::{self, Messages};
use crate::report::Message;

static TABLE: LazyLock<Messages> =
    LazyLock::new(|| data::messages(include_str!("../../data/rankmath-messages.tsv")));

/// The text of a `rankmath.*` message, or `None` for another profile's key.
pub fn text(message: &Message, lang: Lang) -> Option<String> {
    data::from_table(&TABLE, message, lang)
}
