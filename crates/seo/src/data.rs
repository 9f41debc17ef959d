//! The one format of the data files in `crates/seo/data` (word lists, sentiment lexicons and
//! message tables of both profiles): UTF-8 text, one entry per line, fields separated by tabs,
//! blank lines and lines starting with `#` skipped. Each file says in its header where its
//! entries come from. The files are compiled in, so the engine does no IO.

use std::collections::HashMap;

use redaksi_article::Lang;

use crate::report::{Arg, Message};

/// The entries of a data file, trimmed.
pub fn entries(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// The `word TAB value` entries of a lexicon file (a valence from −5 to +5).
///
/// # Panics
/// On an entry that is not `word TAB integer`: the files are compiled in and every one is
/// checked by a test, so this is a bug in a shipped file, never user input.
pub fn scores(file: &str) -> impl Iterator<Item = (&str, i8)> {
    entries(file).map(|entry| {
        entry
            .split_once('\t')
            .and_then(|(word, value)| Some((word, value.trim().parse().ok()?)))
            .unwrap_or_else(|| panic!("a lexicon entry is `word TAB value`: {entry:?}"))
    })
}

/// A message table: key → (Indonesian, English) text.
pub type Messages = HashMap<&'static str, (&'static str, &'static str)>;

/// The `key TAB Indonesian TAB English` entries of a message file.
///
/// # Panics
/// On an entry without three columns: a bug in a shipped file (a test reads every one).
pub fn messages(file: &'static str) -> Messages {
    entries(file)
        .map(|entry| {
            let mut columns = entry.split('\t');
            match (
                columns.next(),
                columns.next(),
                columns.next(),
                columns.next(),
            ) {
                (Some(key), Some(id), Some(en), None) => (key, (id, en)),
                _ => panic!("a message is `key TAB Indonesian TAB English`: {entry:?}"),
            }
        })
        .collect()
}

/// A profile's text for `message` from its table, or `None` when the key is not in it.
pub(crate) fn from_table(table: &Messages, message: &Message, lang: Lang) -> Option<String> {
    let (id, en) = table.get(message.key.as_str())?;
    Some(fill(if lang == Lang::En { en } else { id }, message))
}

/// Replaces each `{name}` in `template` with the argument of that name, and each
/// `{name|one|other}` with `one` when that argument is 1 and `other` otherwise (English nouns
/// and verbs that agree with a count: `{count} {count|link|links}`).
fn fill(template: &str, message: &Message) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                let mut forms = name.split('|');
                let key = forms.next().unwrap_or_default();
                match (message.args.get(key), forms.next(), forms.next()) {
                    (Some(arg), Some(one), Some(other)) => {
                        let is_one = matches!(arg, Arg::Int(1));
                        out.push_str(if is_one { one } else { other });
                    }
                    (Some(arg), None, _) => out.push_str(&arg.to_string()),
                    _ => {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blank_lines() {
        let file = "# header\n\nalpha\n  beta  \n#gamma\n";
        assert_eq!(entries(file).collect::<Vec<_>>(), ["alpha", "beta"]);
    }

    #[test]
    fn scores_read_word_and_value() {
        let file = "# header\ngood\t3\nbad\t-3\n";
        assert_eq!(scores(file).collect::<Vec<_>>(), [("good", 3), ("bad", -3)]);
    }

    #[test]
    fn messages_read_three_columns() {
        let table = messages("# header\nkey.pass\tBagus.\tGood.\n");
        assert_eq!(table.get("key.pass"), Some(&("Bagus.", "Good.")));
    }

    #[test]
    #[should_panic(expected = "key TAB Indonesian TAB English")]
    fn a_message_without_its_english_is_a_bug_in_the_file() {
        messages("key.pass\tBagus.\n");
    }

    #[test]
    fn every_shipped_message_file_reads() {
        for file in [
            include_str!("../data/newsroom-messages.tsv"),
            include_str!("../data/rankmath-messages.tsv"),
        ] {
            assert!(messages(file).len() > 60);
        }
    }

    #[test]
    fn a_word_agrees_with_its_count() {
        let table = messages("k\tAda {n} tautan.\tThere {n|is|are} {n} {n|link|links}.\n");
        let text = |n: usize| {
            let message = Message::new("k").arg("n", n);
            from_table(&table, &message, Lang::En).unwrap()
        };
        assert_eq!(text(1), "There is 1 link.");
        assert_eq!(text(2), "There are 2 links.");
        assert_eq!(text(0), "There are 0 links.");
        let message = Message::new("k").arg("n", 1usize);
        assert_eq!(
            from_table(&table, &message, Lang::Id).unwrap(),
            "Ada 1 tautan."
        );
    }

    #[test]
    #[should_panic(expected = "word TAB value")]
    fn a_malformed_score_is_a_bug_in_the_file() {
        scores("good 3\n").for_each(drop);
    }
}
