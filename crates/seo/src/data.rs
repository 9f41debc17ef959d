//! The one format of the data files in `crates/seo/data` (word lists, sentiment lexicons and
//! message tables of both profiles): UTF-8 text, one entry per line, fields separated by tabs,
//! blank lines and lines starting with `#` skipped. Each file says in its header where its
//! entries come from. The files are compiled in, so the engine does no IO.

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
    #[should_panic(expected = "word TAB value")]
    fn a_malformed_score_is_a_bug_in_the_file() {
        scores("good 3\n").for_each(drop);
    }
}
