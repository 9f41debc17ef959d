//! Fix hints in Indonesian and English: a pure function of message key, arguments and language.

use redaksi_article::Lang;

use crate::profiles::ProfileId;
use crate::report::Message;

/// The text of a message in `lang`. Every profile is asked in turn; a key nobody knows (which a
/// test rules out for the keys the engine emits) comes back as the key itself, never a panic.
pub fn text(message: &Message, lang: Lang) -> String {
    ProfileId::ALL
        .into_iter()
        .map(ProfileId::profile)
        .find_map(|profile| profile.message(message, lang))
        .unwrap_or_else(|| message.key.clone())
}
