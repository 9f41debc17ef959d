//! Word forms: the candidate roots of a word through inflection only.
//!
//! Indonesian has no root dictionary here, so instead of guessing one stem we list every root a
//! word could have through the inflectional affixes (di-, me(N)-, ter-, ber-, -kan, -i, ber-…-an,
//! -nya, -lah, -kah, -pun, reduplication) and say two words are forms of each other when their
//! candidate sets meet. Derivations that change meaning are never undone: pe(N)- and per-…-an
//! (pemain ≠ main, pencuri ≠ curi), ke-…-an and a bare -an. Roots shorter than three letters are
//! dropped, and the root-exception lists keep beranda from becoming ber- + anda.

use super::Lang;
use super::lists::builtin;

const MIN_ROOT: usize = 3;

/// Candidate roots of a lowercase word, the word itself first.
pub fn roots(word: &str, lang: Lang) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    if builtin().of(lang).root_exceptions.contains(word) {
        return out;
    }
    match lang {
        Lang::Id => indonesian(word, &mut out),
        Lang::En => english(word, &mut out),
    }
    out
}

/// Whether two lowercase words are forms of one another.
pub fn same_word(a: &str, b: &str, lang: Lang) -> bool {
    if a == b {
        return true;
    }
    let ra = roots(a, lang);
    let rb = roots(b, lang);
    ra.iter().any(|r| rb.contains(r))
}

fn push(out: &mut Vec<String>, candidate: String) {
    let letters = candidate.chars().filter(|c| c.is_alphabetic()).count();
    let has_vowel = candidate.chars().any(|c| "aeiouy".contains(c));
    if letters >= MIN_ROOT && has_vowel && !out.contains(&candidate) {
        out.push(candidate);
    }
}

fn strip_suffix<'a>(word: &'a str, suffix: &str) -> Option<&'a str> {
    word.strip_suffix(suffix)
        .filter(|rest| rest.chars().count() >= MIN_ROOT)
}

fn indonesian(word: &str, out: &mut Vec<String>) {
    let exceptions = &builtin().id.root_exceptions;
    // Clitics and particles come off first, at most one particle then one possessive.
    let mut bases = vec![word.to_owned()];
    for particle in ["lah", "kah", "pun", "tah"] {
        if let Some(rest) = strip_suffix(word, particle) {
            bases.push(rest.to_owned());
        }
    }
    for base in bases.clone() {
        for possessive in ["nya", "ku", "mu"] {
            if let Some(rest) = strip_suffix(&base, possessive) {
                bases.push(rest.to_owned());
            }
        }
    }
    // Reduplication: negara-negara, sekutu-sekutu, bermain-main.
    for base in bases.clone() {
        if let Some((left, right)) = base.split_once('-') {
            if left == right || left.ends_with(right) {
                bases.push(right.to_owned());
            }
            if right.starts_with(left) || left.ends_with(right) {
                bases.push(left.to_owned());
            }
        }
    }
    for base in &bases {
        push(out, base.clone());
        if exceptions.contains(base.as_str()) {
            continue;
        }
        for (rest, prefix) in prefixes(base) {
            if exceptions.contains(rest.as_str()) || rest.contains('-') && prefix == Prefix::None {
                continue;
            }
            push(out, rest.clone());
            let suffixes: &[&str] = match prefix {
                Prefix::Ber => &["kan", "an"],
                Prefix::None => &["kan"],
                Prefix::Verbal => &["kan", "i"],
            };
            for suffix in suffixes {
                if let Some(root) = strip_suffix(&rest, suffix) {
                    push(out, root.to_owned());
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Prefix {
    None,
    /// di-, me(N)-, ter-, diper-, memper-: may take -kan or -i.
    Verbal,
    /// ber-: may take -kan or the -an of ber-…-an.
    Ber,
}

/// The word without each prefix it may carry, with the prefix's class; the bare word first.
fn prefixes(word: &str) -> Vec<(String, Prefix)> {
    let mut out = vec![(word.to_owned(), Prefix::None)];
    let mut add = |rest: String, kind| {
        if rest.chars().count() >= MIN_ROOT {
            out.push((rest, kind));
        }
    };
    let first = |s: &str| s.chars().next().unwrap_or(' ');
    let vowel = |c: char| "aeiou".contains(c);
    if let Some(rest) = word.strip_prefix("diper") {
        add(rest.to_owned(), Prefix::Verbal);
    }
    if let Some(rest) = word.strip_prefix("di") {
        add(rest.trim_start_matches('-').to_owned(), Prefix::Verbal);
    }
    if let Some(rest) = word.strip_prefix("ter") {
        add(rest.to_owned(), Prefix::Verbal);
        // ter- + r-initial root loses one r: terasa = ter- + rasa.
        if vowel(first(rest)) {
            add(format!("r{rest}"), Prefix::Verbal);
        }
    }
    if let Some(rest) = word.strip_prefix("ber") {
        add(rest.to_owned(), Prefix::Ber);
        if vowel(first(rest)) {
            add(format!("r{rest}"), Prefix::Ber);
        }
    } else if let Some(rest) = word.strip_prefix("bel") {
        if rest == "ajar" || rest.starts_with("ajar") {
            add(rest.to_owned(), Prefix::Ber);
        }
    } else if let Some(rest) = word.strip_prefix("be") {
        // bekerja, beternak, bepergian: be- before a first syllable ending in r.
        if rest.get(1..3) == Some("er") {
            add(rest.to_owned(), Prefix::Ber);
        }
    }
    if let Some(rest) = word.strip_prefix("memper") {
        add(rest.to_owned(), Prefix::Verbal);
    }
    if let Some(rest) = word.strip_prefix("menge") {
        add(rest.to_owned(), Prefix::Verbal);
    }
    if let Some(rest) = word.strip_prefix("meng") {
        let c = first(rest);
        if vowel(c) {
            add(rest.to_owned(), Prefix::Verbal);
            add(format!("k{rest}"), Prefix::Verbal);
        } else if matches!(c, 'g' | 'h' | 'k') {
            add(rest.to_owned(), Prefix::Verbal);
        }
    } else if let Some(rest) = word.strip_prefix("meny") {
        if vowel(first(rest)) {
            add(format!("s{rest}"), Prefix::Verbal);
            add(format!("ny{rest}"), Prefix::Verbal);
        }
    } else if let Some(rest) = word.strip_prefix("men") {
        let c = first(rest);
        if vowel(c) {
            add(format!("t{rest}"), Prefix::Verbal);
            add(format!("n{rest}"), Prefix::Verbal);
        } else if matches!(c, 'c' | 'd' | 'j' | 'z' | 't' | 's') {
            add(rest.to_owned(), Prefix::Verbal);
        }
    } else if let Some(rest) = word.strip_prefix("mem") {
        let c = first(rest);
        if vowel(c) {
            add(format!("p{rest}"), Prefix::Verbal);
            add(format!("m{rest}"), Prefix::Verbal);
        } else if matches!(c, 'b' | 'f' | 'v' | 'p') {
            add(rest.to_owned(), Prefix::Verbal);
        }
    } else if let Some(rest) = word.strip_prefix("me")
        && matches!(first(rest), 'l' | 'r' | 'w' | 'y' | 'm' | 'n')
    {
        add(rest.to_owned(), Prefix::Verbal);
    }
    out
}

fn english(word: &str, out: &mut Vec<String>) {
    let exceptions = &builtin().en.root_exceptions;
    let mut base = word.to_owned();
    for possessive in ["'s", "\u{2019}s"] {
        if let Some(rest) = word.strip_suffix(possessive) {
            base = rest.to_owned();
        }
    }
    if let Some(rest) = word
        .strip_suffix("s'")
        .or_else(|| word.strip_suffix("s\u{2019}"))
    {
        base = format!("{rest}s");
    }
    push(out, base.clone());
    if exceptions.contains(base.as_str()) {
        return;
    }
    let undouble = |stem: &str| -> Option<String> {
        let b = stem.as_bytes();
        let n = b.len();
        (n >= 2 && b[n - 1] == b[n - 2] && !b"aeiousl".contains(&b[n - 1]))
            .then(|| stem[..n - 1].to_owned())
    };
    // -ies/-ied put back the y, so a two-letter stem still makes a root (tries → try).
    let y_stem = |suffix: &str| base.strip_suffix(suffix).filter(|s| s.chars().count() >= 2);
    if let Some(stem) = y_stem("ies") {
        push(out, format!("{stem}y"));
    } else if let Some(stem) = base.strip_suffix("es").filter(|s| {
        ["s", "x", "z", "ch", "sh", "o"]
            .iter()
            .any(|e| s.ends_with(e))
            && s.len() >= MIN_ROOT
    }) {
        push(out, stem.to_owned());
    } else if let Some(stem) = base
        .strip_suffix('s')
        .filter(|s| !s.ends_with('s') && !s.ends_with('u') && !s.ends_with('i'))
    {
        push(out, stem.to_owned());
    }
    if let Some(stem) = y_stem("ied") {
        push(out, format!("{stem}y"));
        return;
    }
    for suffix in ["ed", "ing"] {
        let Some(stem) = strip_suffix(&base, suffix) else {
            continue;
        };
        push(out, stem.to_owned());
        push(out, format!("{stem}e"));
        if let Some(single) = undouble(stem) {
            push(out, single);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("main", "bermain", true)]
    #[case("main", "pemain", false)]
    #[case("curi", "mencuri", true)]
    #[case("curi", "pencuri", false)]
    #[case("beras", "berasal", false)]
    #[case("pukul", "dipukul", true)]
    #[case("pukul", "memukul", true)]
    #[case("kirim", "mengirimkan", true)]
    #[case("sapu", "menyapu", true)]
    #[case("tulis", "ditulisnya", true)]
    #[case("negara", "negara-negara", true)]
    #[case("sekutu", "sekutu-sekutunya", true)]
    #[case("anda", "beranda", false)]
    #[case("api", "terapi", false)]
    #[case("ajar", "belajar", true)]
    #[case("kerja", "bekerja", true)]
    #[case("datang", "berdatangan", true)]
    fn indonesian_forms(#[case] a: &str, #[case] b: &str, #[case] same: bool) {
        assert_eq!(
            same_word(a, b, Lang::Id),
            same,
            "{a} ~ {b}: {:?}",
            roots(b, Lang::Id)
        );
    }

    #[rstest]
    #[case("policy", "policies", true)]
    #[case("vote", "voted", true)]
    #[case("plan", "planned", true)]
    #[case("minister", "minister's", true)]
    #[case("tax", "taxes", true)]
    #[case("new", "news", false)]
    #[case("run", "running", true)]
    fn english_forms(#[case] a: &str, #[case] b: &str, #[case] same: bool) {
        assert_eq!(
            same_word(a, b, Lang::En),
            same,
            "{a} ~ {b}: {:?}",
            roots(b, Lang::En)
        );
    }
}
