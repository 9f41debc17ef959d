//! Fix hints in Indonesian and English: a pure function of message key, arguments and language.

use redaksi_article::Lang;

use crate::profile::ProfileId;
use crate::report::Message;

/// The text of a message in `lang`. Every profile is asked in turn; a key nobody knows (which a
/// test rules out for the keys the engine emits) comes back as the key itself, never a panic.
pub fn text(message: &Message, lang: Lang) -> String {
    ProfileId::ALL
        .into_iter()
        .filter_map(ProfileId::profile)
        .find_map(|profile| profile.message(message, lang))
        .unwrap_or_else(|| message.key.clone())
}

/// A profile's text for `message` from its table, or `None` when the key is not in it.
pub(crate) fn from_table(
    table: &crate::data::Messages,
    message: &Message,
    lang: Lang,
) -> Option<String> {
    let (id, en) = table.get(message.key.as_str())?;
    Some(fill(if lang == Lang::En { en } else { id }, message))
}

/// Replaces each `{name}` in `template` with the argument of that name.
pub fn fill(template: &str, message: &Message) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match message.args.get(name) {
                    Some(arg) => out.push_str(&arg.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
