//! Words and sentences with byte offsets into the text they came from.
//!
//! A word is a run of letters and digits that may hold a hyphen between letters (buku-buku,
//! di-PHK: one word), an apostrophe between letters (Rutte's), a separator between digits
//! (1.500, 1,500, 3,5) or dots between single letters (U.S., a.m.). A sentence ends at `.`, `!`,
//! `?` or `…` (with any closing quotes) when the next text starts a new sentence, and not after
//! an abbreviation (Dr., Jl., No.), an initial (H.) or a dotted letter group (U.S.).

use std::ops::Range;

use super::lists::builtin;

/// A byte range in the analysed text.
pub type Span = Range<usize>;

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start: Option<usize> = None;
    let mut prev = ' ';
    // Letters in the current dot-separated segment: dots join only single letters (U.S.).
    let mut segment = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() || is_mark(c) {
            if start.is_none() {
                start = Some(i);
                segment = 0;
            }
            segment += 1;
            prev = c;
            continue;
        }
        let Some(s) = start else { continue };
        let next = chars.peek().map(|&(_, n)| n);
        let joins = match (c, next) {
            ('-' | '\u{2011}', Some(n)) => prev.is_alphanumeric() && n.is_alphanumeric(),
            ('\'' | '\u{2019}', Some(n)) => prev.is_alphabetic() && n.is_alphabetic(),
            ('.' | ',', Some(n)) if prev.is_ascii_digit() && n.is_ascii_digit() => true,
            ('.', Some(n)) => {
                segment == 1 && prev.is_alphabetic() && n.is_alphabetic() && {
                    // Only when the letter after the dot is itself followed by a dot or the end
                    // of the word (U.S, a.m), so "H.Syarief" stays two words.
                    let after = &text[i + 1..];
                    let mut it = after.chars();
                    it.next();
                    !it.next().is_some_and(char::is_alphabetic)
                }
            }
            _ => false,
        };
        if joins {
            segment = 0;
            prev = c;
            continue;
        }
        out.push(s..i);
        start = None;
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '—' | '-')
}

/// Whether the dot at `dot` closes an abbreviation, an initial or a dotted letter group.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let token_start = before
        .rfind(|c: char| c.is_whitespace() || is_opener(c) || c == '/')
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let token = &before[token_start..];
    if token.is_empty() {
        return false;
    }
    let mut letters = token.chars();
    let first = letters.next().unwrap_or(' ');
    if letters.next().is_none() {
        // A lone capital is an initial (H. Syarief); a lone digit ends a sentence ("nomor 5.").
        return first.is_uppercase();
    }
    if token.contains('.')
        && token.split('.').all(|part| {
            !part.is_empty() && part.chars().count() <= 3 && part.chars().all(char::is_alphabetic)
        })
    {
        return true;
    }
    builtin()
        .abbreviations
        .contains(token.to_lowercase().as_str())
}

/// The sentences of one block of prose, each trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None::<usize>;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        if !is_terminator(c) {
            continue;
        }
        let single_dot = c == '.' && !chars.peek().is_some_and(|&(_, n)| is_terminator(n));
        let mut end = i + c.len_utf8();
        while let Some(&(j, n)) = chars.peek() {
            if is_terminator(n) || is_closer(n) {
                end = j + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        let Some(next) = rest.trim_start().chars().next() else {
            continue; // the end of the text closes the last sentence below
        };
        if rest.len() == rest.trim_start().len() {
            continue; // no space after: 3.5, e.g.x, "?!"-runs already consumed
        }
        if next.is_lowercase() {
            continue; // "Mengapa?" tanyanya.  /  ... dll. dan
        }
        if single_dot && is_abbreviation(text, i) {
            continue;
        }
        if let Some(s) = start.take() {
            out.push(s..end);
        }
    }
    if let Some(s) = start {
        let end = text.trim_end().len();
        if end > s {
            out.push(s..end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| &text[s.clone()]).collect()
    }

    #[rstest]
    #[case("buku-buku itu", &["buku-buku", "itu"])]
    #[case("Harganya Rp6.500 per kilo", &["Harganya", "Rp6.500", "per", "kilo"])]
    #[case("naik 3,5 persen atau 1,500 ton", &["naik", "3,5", "persen", "atau", "1,500", "ton"])]
    #[case("Rutte's plan in the U.S. now", &["Rutte's", "plan", "in", "the", "U.S", "now"])]
    #[case("“Kita harus,” ujar Rutte.", &["Kita", "harus", "ujar", "Rutte"])]
    #[case("karyawan di-PHK massal", &["karyawan", "di-PHK", "massal"])]
    #[case("a - b", &["a", "b"])]
    fn words_keep_numbers_reduplication_and_abbreviations_whole(
        #[case] text: &str,
        #[case] expected: &[&str],
    ) {
        assert_eq!(texts(text, &words(text)), expected);
    }

    #[rstest]
    #[case("Dr. Budi tiba di Jl. Sudirman No. 5. Dia disambut.", 2)]
    #[case("Harga naik 3.5 persen. Itu tinggi.", 2)]
    #[case("“Kami siap,” kata dia. “Kami juga berangkat.” Lalu pergi.", 3)]
    #[case("\"Mengapa?\" tanyanya. Tidak ada jawaban.", 2)]
    #[case("The U.S. economy grew. It was at 9 a.m. Monday.", 2)]
    #[case("Ketua DMI, Drs. H. Syarief Nurhidayat, hadir.", 1)]
    #[case("Tanpa titik di akhir", 1)]
    #[case("Apa?! Ya. Benar...", 3)]
    fn sentences_split_only_at_real_ends(#[case] text: &str, #[case] count: usize) {
        assert_eq!(
            sentences(text).len(),
            count,
            "{:?}",
            texts(text, &sentences(text))
        );
    }
}
