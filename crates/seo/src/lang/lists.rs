//! The word lists shipped in `crates/seo/data`, parsed once. Each file documents its own source
//! and scope in its comment header; the files are compiled in so the engine does no IO.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::Lang;
use super::phrases::PhraseSet;
use crate::data::entries;

/// The lists of one language.
pub struct LangLists {
    pub function: HashSet<String>,
    pub transitions: PhraseSet,
    pub power: PhraseSet,
    /// Words that look inflected but are roots; word forms leave them whole.
    pub root_exceptions: HashSet<String>,
    /// Words the passive check must not count (see the data files).
    pub passive_exceptions: HashSet<String>,
    /// English irregular participles (empty for Indonesian).
    pub participles: HashSet<String>,
}

pub struct Lists {
    pub id: LangLists,
    pub en: LangLists,
    pub abbreviations: HashSet<String>,
    /// Boilerplate prefixes and `re:` patterns, as written in `boilerplate.txt`.
    pub boilerplate: Vec<String>,
}

impl Lists {
    pub fn of(&self, lang: Lang) -> &LangLists {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

fn set(file: &str) -> HashSet<String> {
    entries(file).map(str::to_lowercase).collect()
}

static BUILTIN: LazyLock<Lists> = LazyLock::new(|| Lists {
    id: LangLists {
        function: set(include_str!("../../data/id-function-words.txt")),
        transitions: PhraseSet::new(entries(include_str!("../../data/id-transitions.txt"))),
        power: PhraseSet::new(entries(include_str!("../../data/id-power-words.txt"))),
        root_exceptions: set(include_str!("../../data/id-root-exceptions.txt")),
        passive_exceptions: set(include_str!("../../data/id-passive-exceptions.txt")),
        participles: HashSet::new(),
    },
    en: LangLists {
        function: set(include_str!("../../data/en-function-words.txt")),
        transitions: PhraseSet::new(entries(include_str!("../../data/en-transitions.txt"))),
        power: PhraseSet::new(entries(include_str!("../../data/en-power-words.txt"))),
        root_exceptions: set(include_str!("../../data/en-root-exceptions.txt")),
        passive_exceptions: set(include_str!("../../data/en-passive-exceptions.txt")),
        participles: set(include_str!("../../data/en-participles.txt")),
    },
    abbreviations: set(include_str!("../../data/abbreviations.txt")),
    boilerplate: entries(include_str!("../../data/boilerplate.txt"))
        .map(str::to_owned)
        .collect(),
});

/// The lists shipped with Redaksi.
pub fn builtin() -> &'static Lists {
    &BUILTIN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_entries_and_no_comment_leaks_in() {
        let lists = builtin();
        for lang in [&lists.id, &lists.en] {
            assert!(lang.function.len() > 50);
            assert!(lang.transitions.len() > 40);
            assert!(lang.power.len() > 30);
            assert!(lang.passive_exceptions.len() > 10);
            assert!(lang.function.iter().all(|w| !w.starts_with('#')));
        }
        assert!(lists.en.participles.contains("written"));
        assert!(lists.abbreviations.contains("jl"));
    }
}
