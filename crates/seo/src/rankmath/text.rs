//! The string primitives of the spec (§0–§4): JavaScript whitespace, QUOTES, NBSP, FOLD,
//! SPACES, UNESCAPE, CLEAN_HTML, CLEAN_TEXT, WordPress's word count and Rank Math's tokens.
//!
//! Each is a single left-to-right pass, so analysis time stays linear in the input's size.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use super::fold_table::FOLD;

/// JavaScript's `\s` set (§0), not Rust's `char::is_whitespace`.
pub fn is_ws(c: char) -> bool {
    matches!(
        c,
        '\u{9}'..='\u{d}'
            | ' '
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\u{feff}'
    )
}

/// Substring test with SIMD search (`str::contains` scans byte by byte).
#[inline]
pub fn has(hay: &str, needle: &str) -> bool {
    memchr::memmem::find(hay.as_bytes(), needle.as_bytes()).is_some()
}

/// Bytes that may start a JavaScript whitespace character.
static WS_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    let leads = [9u8, 10, 11, 12, 13, b' ', 0xc2, 0xe1, 0xe2, 0xe3, 0xef];
    let mut i = 0;
    while i < leads.len() {
        table[leads[i] as usize] = true;
        i += 1;
    }
    table
};

/// The index of the next byte at or after `i` that may start whitespace.
#[inline(always)]
fn next_ws_lead(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    // Eight bytes at a time: every ASCII lead is below 0x21 and every other lead is non-ASCII.
    // The lowest flagged byte is exactly the first such byte (the subtraction borrows only
    // upwards from a byte below 0x21), so the table decides from there.
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let flagged = (x.wrapping_sub(ONES * 0x21) & !x & HIGH) | (x & HIGH);
        if flagged == 0 {
            i += 8;
            continue;
        }
        let at = i + (flagged.trailing_zeros() / 8) as usize;
        if WS_LEAD[b[at] as usize] {
            return at;
        }
        i = at + 1;
    }
    while i < b.len() && !WS_LEAD[b[i] as usize] {
        i += 1;
    }
    i
}

/// The next JavaScript whitespace character at or after `i`: its start and byte length. Every
/// whitespace scanner here walks the text with this one function.
#[inline(always)]
fn next_ws(b: &[u8], mut i: usize) -> Option<(usize, usize)> {
    loop {
        i = next_ws_lead(b, i);
        if i >= b.len() {
            return None;
        }
        let w = ws_len(b, i);
        if w > 0 {
            return Some((i, w));
        }
        i += 1;
    }
}

/// The byte length of the JavaScript whitespace character starting at `i`, or 0.
#[inline(always)]
pub fn ws_len(b: &[u8], i: usize) -> usize {
    if !WS_LEAD[b[i] as usize] {
        return 0;
    }
    match b[i] {
        9..=13 | b' ' => 1,
        0xc2 if b.get(i + 1) == Some(&0xa0) => 2,
        0xe1 if b.get(i + 1..i + 3) == Some(&[0x9a, 0x80]) => 3,
        0xe2 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)) | (Some(0x81), Some(0x9f)) => 3,
            _ => 0,
        },
        0xe3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x80]) => 3,
        0xef if b.get(i + 1..i + 3) == Some(&[0xbb, 0xbf]) => 3,
        _ => 0,
    }
}

/// QUOTES: typographic quotes to ASCII.
pub fn quotes(s: &str) -> String {
    if memchr::memchr3(b'`', 0xe2, 0xe3, s.as_bytes()).is_none() {
        return s.to_owned();
    }
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{301d}' | '\u{301e}' | '\u{301f}' | '\u{201f}'
            | '\u{201e}' => '"',
            c => c,
        })
        .collect()
}

/// NBSP: the no-break space character to a plain space.
pub fn nbsp(s: &str) -> String {
    if s.is_ascii() {
        s.to_owned()
    } else {
        s.replace('\u{a0}', " ")
    }
}

static FOLD_MAP: LazyLock<std::collections::HashMap<char, &'static str>> =
    LazyLock::new(|| FOLD.iter().copied().collect());

/// FOLD: Rank Math's diacritics table for every locale but `de` and `ru` (§2.1).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    let map = &*FOLD_MAP;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            match map.get(&c) {
                Some(rep) => out.push_str(rep),
                None => out.push(c),
            }
        }
    }
    out
}

/// JavaScript `toLowerCase`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Length in UTF-16 code units, as JavaScript counts it.
pub fn len16(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Byte index of `needle` in `hay`, ASCII case-insensitive.
pub fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(from);
    }
    let first_lo = n[0].to_ascii_lowercase();
    let first_up = n[0].to_ascii_uppercase();
    let mut i = from;
    while i + n.len() <= h.len() {
        let rest = &h[i..h.len() - n.len() + 1];
        let p = memchr::memchr2(first_lo, first_up, rest)?;
        i += p;
        if h[i..i + n.len()].eq_ignore_ascii_case(n) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Replaces `&nbsp;` and `&#160;` in any case with `with`.
fn replace_nbsp_entities<'a>(s: &'a str, with: &str) -> Cow<'a, str> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'&', &s.as_bytes()[i..]) {
        let at = i + p;
        let rest = &bytes[at..];
        let len = 6;
        let is_nbsp = rest.len() >= len
            && (rest[..len].eq_ignore_ascii_case(b"&nbsp;") || &rest[..len] == b"&#160;");
        if is_nbsp {
            out.push_str(&s[last..at]);
            out.push_str(with);
            last = at + len;
            i = last;
        } else {
            i = at + 1;
        }
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// SPACES (§2.1).
pub fn spaces(s: &str) -> String {
    spaces_cow(s).into_owned()
}

/// SPACES without a copy when nothing changes.
pub fn spaces_cow(s: &str) -> Cow<'_, str> {
    let replaced = replace_nbsp_entities(s, " ");
    if let Cow::Borrowed(original) = replaced
        && spaces_is_identity(original)
    {
        return Cow::Borrowed(original);
    }
    let s: &str = &replaced;
    let b = s.as_bytes();
    let plain = only_plain_spaces(b);
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    loop {
        // A lone space between words stays as it is: only other whitespace needs work.
        let run_start = if plain {
            match next_space_before_space_or_dot(b, i) {
                Some(at) => at,
                None => break,
            }
        } else {
            let Some((at, w)) = next_ws(b, i) else {
                break;
            };
            if w == 1
                && b[at] == b' '
                && at + 1 < b.len()
                && ws_len(b, at + 1) == 0
                && b[at + 1] != b'.'
            {
                i = at + 1;
                continue;
            }
            at
        };
        i = run_start;
        let mut run = 0;
        loop {
            let w = if i < b.len() { ws_len(b, i) } else { 0 };
            if w == 0 {
                break;
            }
            i += w;
            run += 1;
        }
        out.push_str(&s[last..run_start]);
        if b.get(i) != Some(&b'.') {
            if run >= 2 {
                out.push(' ');
            } else {
                out.push_str(&s[run_start..i]);
            }
        }
        last = i;
    }
    out.push_str(&s[last..]);
    let trimmed = out.trim_matches(is_ws);
    Cow::Owned(if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    })
}

/// Whether SPACES would leave `s` as it is: no whitespace at the ends, no run of two, none
/// before a `.` (entities were handled by the caller).
fn spaces_is_identity(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() {
        return true;
    }
    if ws_len(b, 0) > 0 || s.ends_with(is_ws) {
        return false;
    }
    // Fast path for text whose only whitespace is the plain space (the usual case after
    // CLEAN_HTML): vectorisable scans instead of a byte-by-byte walk.
    if only_plain_spaces(b) {
        return memchr::memmem::find(b, b"  ").is_none()
            && memchr::memmem::find(b, b" .").is_none();
    }
    let mut i = 0;
    while let Some((at, w)) = next_ws(b, i) {
        let next = at + w;
        if next < b.len() && (b[next] == b'.' || ws_len(b, next) > 0) {
            return false;
        }
        i = next;
    }
    true
}

/// Whether the plain space is the only whitespace `b` can hold (no other lead byte).
fn only_plain_spaces(b: &[u8]) -> bool {
    let control = || {
        memchr::memchr3(b'\t', b'\n', b'\r', b).is_some()
            || memchr::memchr2(0x0b, 0x0c, b).is_some()
    };
    if b.is_ascii() {
        return !control();
    }
    !b.iter().fold(false, |acc, &c| {
        acc | (c.wrapping_sub(9) < 5) | matches!(c, 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef)
    })
}

/// Bit 7 of each byte of `x` that equals `c`, and no other bit (no carry crosses bytes).
#[inline(always)]
fn bytes_equal(x: u64, c: u8) -> u64 {
    const LOW7: u64 = u64::from_le_bytes([0x7f; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let t = x ^ (u64::from_le_bytes([c; 8]));
    !(((t & LOW7) + LOW7) | t) & HIGH
}

/// The first space at or after `i` that a space or a `.` follows: where SPACES changes text
/// whose only whitespace is the plain space.
fn next_space_before_space_or_dot(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(chunk) = b.get(i..i + 9) {
        let x = u64::from_le_bytes(chunk[..8].try_into().unwrap_or([0; 8]));
        let y = u64::from_le_bytes(chunk[1..].try_into().unwrap_or([0; 8]));
        let hits = bytes_equal(x, b' ') & (bytes_equal(y, b' ') | bytes_equal(y, b'.'));
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..b.len().saturating_sub(1)).find(|&j| b[j] == b' ' && matches!(b[j + 1], b' ' | b'.'))
}

/// Every run of whitespace to one space.
fn collapse_ws(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while let Some((at, _)) = next_ws(b, i) {
        i = at;
        if b[i] == b' ' && b.get(i + 1).is_some_and(|&n| !WS_LEAD[n as usize]) {
            i += 1;
            continue;
        }
        out.push_str(&s[last..i]);
        while i < b.len() {
            let w = ws_len(b, i);
            if w == 0 {
                break;
            }
            i += w;
        }
        out.push(' ');
        last = i;
    }
    out.push_str(&s[last..]);
    out
}

/// UNESCAPE: `&amp;`, `&quot;` and `&#39;` (any leading zeros) only.
pub fn unescape(s: &str) -> String {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..p]);
        let after = &rest[p..];
        if let Some(r) = after.strip_prefix("&amp;") {
            out.push('&');
            rest = r;
        } else if let Some(r) = after.strip_prefix("&quot;") {
            out.push('"');
            rest = r;
        } else if let Some(r) = after.strip_prefix("&#") {
            let zeros = r.bytes().take_while(|&b| b == b'0').count();
            if let Some(r2) = r[zeros..].strip_prefix("39;") {
                out.push('\'');
                rest = r2;
            } else {
                out.push('&');
                rest = &after[1..];
            }
        } else {
            out.push('&');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Deletes every TAG (`</?[A-Za-z][^>]*>`), putting `with` in its place.
pub fn replace_tags<'a>(s: &'a str, with: &str) -> Cow<'a, str> {
    if memchr(b'<', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    // Once no `>` follows, no later `<` can start a tag either: stop searching (linear time).
    while let Some(p) = memchr(b'<', &bytes[i..]) {
        let at = i + p;
        let mut j = at + 1;
        if bytes.get(j) == Some(&b'/') {
            j += 1;
        }
        if bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
            match memchr(b'>', &bytes[j..]) {
                Some(q) => {
                    out.push_str(&s[last..at]);
                    out.push_str(with);
                    last = j + q + 1;
                    i = last;
                    continue;
                }
                None => break,
            }
        }
        i = at + 1;
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// The first occurrence of one byte at or after a position, remembered so that a scan asking
/// at many candidates before one occurrence (many `<` before one `>`, many `[` before one
/// `]`) stays linear instead of searching the same stretch again for each.
pub struct NextByte {
    byte: u8,
    /// The last search: where it started and what it found.
    searched: Option<(usize, Option<usize>)>,
}

impl NextByte {
    pub fn new(byte: u8) -> Self {
        NextByte {
            byte,
            searched: None,
        }
    }

    pub fn find(&mut self, hay: &[u8], from: usize) -> Option<usize> {
        match self.searched {
            // A search from `start` answers for every position up to what it found.
            Some((start, found)) if start <= from && found.is_none_or(|at| from <= at) => found,
            _ => {
                let rest = hay.get(from..).unwrap_or_default();
                let found = memchr(self.byte, rest);
                crate::work::count(found.map_or(rest.len(), |p| p + 1));
                let found = found.map(|p| from + p);
                self.searched = Some((from, found));
                found
            }
        }
    }
}

pub fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

/// Deletes COMMENTs (`<!--` … `-->`, shortest).
pub fn delete_comments(s: &str) -> Cow<'_, str> {
    if !has(s, "<!--") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find("<!--") {
        match rest[p + 4..].find("-->") {
            Some(q) => {
                out.push_str(&rest[..p]);
                rest = &rest[p + 4 + q + 3..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Deletes ENTITYs: `&`, one or more non-WS characters (shortest), `;`.
pub fn delete_entities(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'&', &s.as_bytes()[i..]) {
        let at = i + p;
        // Scan the candidate: stop at `;` (after at least one character) or at whitespace.
        let mut end = None;
        let mut blocked_at = s.len();
        for (k, c) in s[at + 1..].char_indices() {
            if is_ws(c) {
                blocked_at = at + 1 + k;
                break;
            }
            if c == ';' && k > 0 {
                end = Some(at + 1 + k + 1);
                break;
            }
        }
        match end {
            Some(e) => {
                out.push_str(&s[last..at]);
                last = e;
                i = e;
            }
            // Every `&` before that whitespace fails the same way.
            None if blocked_at < s.len() => i = blocked_at,
            None => break,
        }
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// Deletes `<name…>…</name>` elements, case-insensitive, shortest content.
pub fn delete_elements<'a>(s: &'a str, name: &str) -> Cow<'a, str> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    if find_ci(s, &open, 0).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while let Some(at) = find_ci(s, &open, i) {
        let Some(gt) = s[at..].find('>').map(|g| at + g) else {
            break;
        };
        match find_ci(s, &close, gt + 1) {
            Some(c) => {
                out.push_str(&s[last..at]);
                last = c + close.len();
                i = last;
            }
            None => break,
        }
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// Whether `c` may appear in a shortcode name (§4 step 3).
fn shortcode_name_char(c: char) -> bool {
    !matches!(c, '<' | '>' | '&' | '/' | '[' | ']' | '=' | ' ') && !c.is_control()
}

/// Deletes shortcode tags `[name]`, `[name attributes]` and `[/name]`, keeping inner text.
pub fn delete_shortcodes(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'[', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    let mut close = NextByte::new(b']');
    while let Some(p) = memchr::memchr(b'[', &s.as_bytes()[i..]) {
        let at = i + p;
        match shortcode_end(s, at, &mut close) {
            Some(end) => {
                out.push_str(&s[last..at]);
                last = end;
                i = end;
            }
            None => i = at + 1,
        }
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// The end of a shortcode tag starting at `at` (which holds `[`). `close` finds the next `]`;
/// callers keep one for a whole scan, so `[a ` repeated without a `]` stays linear.
pub fn shortcode_end(s: &str, at: usize, close: &mut NextByte) -> Option<usize> {
    let rest = &s[at + 1..];
    let rest_start = if rest.starts_with('/') { 1 } else { 0 };
    let body = &rest[rest_start..];
    let name_len: usize = body
        .chars()
        .take_while(|&c| shortcode_name_char(c))
        .map(char::len_utf8)
        .sum();
    crate::work::count(name_len + 1);
    if name_len == 0 {
        return None;
    }
    let after = &body[name_len..];
    let base = at + 1 + rest_start + name_len;
    if after.starts_with(']') {
        return Some(base + 1);
    }
    after.strip_prefix(' ')?;
    let attrs = base + 1;
    // The attributes are one or more characters other than `]`.
    let end = close.find(s.as_bytes(), attrs)?;
    (end > attrs).then_some(end + 1)
}

/// CLEAN_HTML (§2.1): the content as one line, tags kept.
pub fn clean_html(html: &str) -> String {
    let s = if has(html, "&nbsp;") {
        Cow::Owned(html.replace("&nbsp;", " "))
    } else {
        Cow::Borrowed(html)
    };
    let one_line = collapse_ws(&s);
    let s = delete_elements(&one_line, "style");
    let s = delete_elements(&s, "script");
    let s = delete_comments(&s);
    let s = delete_entities(&s);
    let s = spaces(&s);
    quotes(&s)
}

/// CLEAN_TEXT (§2.1): plain text from a description.
pub fn clean_text(text: &str) -> String {
    let s = delete_elements(text, "style");
    let s = delete_elements(&s, "script");
    let s = replace_tags(&s, "");
    let s = delete_comments(&s);
    let s = delete_entities(&s);
    let s = spaces(&s);
    quotes(&s)
}

/// Characters both the word counter and the tokeniser delete (§3 step 7 without ASCII).
fn deleted_symbol(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{2bff}' | '\u{2e00}'..='\u{2e7f}')
}

/// Replaces `--` and `—` with a space.
fn dashes_to_space(s: &str) -> Cow<'_, str> {
    if !has(s, "--") && !has(s, "\u{2014}") {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.replace("--", " ").replace('\u{2014}', " "))
}

const WORD: u8 = 0;
const SPACE: u8 = 1;
const DELETED: u8 = 2;

/// ASCII classes for the word counter: JavaScript whitespace, deleted punctuation, word.
static WC_CLASS: [u8; 128] = {
    let mut table = [WORD; 128];
    let mut c = 0;
    while c < 128 {
        let byte = c as u8;
        if matches!(byte, 9..=13 | b' ') {
            table[c] = SPACE;
        } else if byte.is_ascii_punctuation() {
            table[c] = DELETED;
        }
        c += 1;
    }
    table
};

/// The word counter's step on an ASCII byte, indexed by `in_word << 7 | byte`: bit 0 is the new
/// `in_word`, bit 1 whether a word starts here. A word character starts a word unless one is
/// open; whitespace closes it; deleted punctuation leaves the state alone.
static WC_STEP: [u8; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 256 {
        let in_word = i >> 7 == 1;
        let class = WC_CLASS[i & 0x7f];
        let word = class == WORD;
        let starts = word && !in_word;
        let stays = word || (in_word && class == DELETED);
        table[i] = (stays as u8) | ((starts as u8) << 1);
        i += 1;
    }
    table
};

/// WC: `@wordpress/wordcount` in `words` mode with default settings (§3).
pub fn word_count(s: &str) -> usize {
    let tagless = replace_tags(s, "\n");
    let commentless = delete_comments(&tagless);
    let spaced = replace_nbsp_entities(&commentless, " ");
    let entityless = delete_entities(&spaced);
    let s = dashes_to_space(&entityless);
    let b = s.as_bytes();
    let mut count = 0;
    let mut in_word = 0usize;
    let mut i = 0;
    while i < b.len() {
        let byte = b[i];
        if byte < 0x80 {
            i += 1;
            let step = WC_STEP[((in_word << 7) | usize::from(byte)) & 0xff];
            count += usize::from(step >> 1);
            in_word = usize::from(step & 1);
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if deleted_symbol(c) {
            continue;
        }
        if is_ws(c) {
            in_word = 0;
        } else if in_word == 0 {
            in_word = 1;
            count += 1;
        }
    }
    count
}

/// EDGE characters trimmed from each token's ends (§4 step 10).
fn edge(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2013}'
            | '\u{2014}'
            | '('
            | ')'
            | '_'
            | '['
            | ']'
            | '\u{2019}'
            | '\u{201c}'
            | '\u{201d}'
            | '"'
            | '\''
            | '.'
            | '?'
            | '!'
            | ':'
            | ';'
            | ','
            | '\u{bf}'
            | '\u{a1}'
            | '\u{ab}'
            | '\u{bb}'
            | '\u{2039}'
            | '\u{203a}'
            | '\u{d7}'
            | '+'
            | '&'
            | '<'
            | '>'
    )
}

/// Bytes that may start an EDGE character: the ASCII ones and the lead bytes of the others.
static EDGE_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    let leads = b"-()_[]\"'.?!:;,+&<>\xc2\xc3\xe2";
    let mut i = 0;
    while i < leads.len() {
        table[leads[i] as usize] = true;
        i += 1;
    }
    table
};

/// Trims EDGE characters from both ends of a string.
pub fn edge_trim(s: &str) -> &str {
    &s[edge_trim_range(s, 0..s.len())]
}

/// [`edge_trim`] of `s[range]`, as a range of `s`.
#[inline]
fn edge_trim_range(s: &str, range: Range<usize>) -> Range<usize> {
    // Most tokens start with a letter and end with an ASCII letter: nothing to trim.
    match &s.as_bytes()[range.clone()] {
        [first, .., last] | [first @ last]
            if !EDGE_LEAD[*first as usize] && last.is_ascii() && !EDGE_LEAD[*last as usize] =>
        {
            range
        }
        _ => {
            let piece = &s[range.clone()];
            let token = piece.trim_matches(edge);
            let start = range.start + (token.as_ptr() as usize - piece.as_ptr() as usize);
            start..start + token.len()
        }
    }
}

/// TOKENS (§4), already joined by single spaces (TOKSTR), and how many there are.
pub fn tokens(s: &str) -> (String, usize) {
    let tagless = replace_tags(s, "");
    let commentless = delete_comments(&tagless);
    let shortcodeless = delete_shortcodes(&commentless);
    let spaced = spaces_cow(&shortcodeless);
    let entityless = delete_entities(&spaced);
    let dashless = dashes_to_space(&entityless);
    let s: Cow<'_, str> = if dashless.is_ascii() {
        Cow::Borrowed(&dashless)
    } else {
        Cow::Owned(dashless.chars().filter(|&c| !deleted_symbol(c)).collect())
    };
    let s: &str = &s;
    let b = s.as_bytes();
    let mut joined = String::with_capacity(s.len());
    let mut count = 0;
    // Tokens one plain space apart are already joined in `s`: copy such a stretch at once.
    let mut stretch = 0..0;
    let mut push_piece = |piece: Range<usize>| {
        let token = edge_trim_range(s, piece);
        if token.is_empty() {
            return;
        }
        if count > 0 && stretch.end + 1 == token.start && b[stretch.end] == b' ' {
            stretch.end = token.end;
        } else {
            joined.push_str(&s[stretch.clone()]);
            if count > 0 {
                joined.push(' ');
            }
            stretch = token;
        }
        count += 1;
    };
    let mut piece_start = 0;
    while let Some((at, w)) = next_ws(b, piece_start) {
        push_piece(piece_start..at);
        piece_start = at + w;
    }
    push_piece(piece_start..b.len());
    joined.push_str(&s[stretch]);
    (joined, count)
}

/// TOKSTR of a keyword: `TOKSTR(QUOTES(kw))`; `None` when it has no tokens.
pub fn keyword_tokstr(kw_l: &str) -> Option<String> {
    let (joined, count) = tokens(&quotes(kw_l));
    (count > 0).then_some(joined)
}

/// The first `n` tokens of a TOKSTR.
pub fn first_tokens(joined: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    match joined.match_indices(' ').nth(n - 1) {
        Some((i, _)) => &joined[..i],
        None => joined,
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;
    use crate::work::assert_linear;

    #[test]
    fn shortcodes_that_never_close_keep_the_text_pass_linear() {
        assert_linear("[a repeated", 20_000, |n| {
            let (tokstr, _) = tokens(&"[a ".repeat(n));
            assert!(
                tokstr.starts_with("a a"),
                "nothing to delete: {}",
                &tokstr[..9]
            );
        });
        assert_linear("[a repeated, one ] at the end", 20_000, |n| {
            let text = format!("{}]", "[a ".repeat(n));
            assert_eq!(delete_shortcodes(&text), "");
        });
        assert_linear("[/a repeated", 20_000, |n| {
            delete_shortcodes(&"x [/a b".repeat(n));
        });
    }

    /// The spec's §3 table, "RM" column: the count after CLEAN_HTML.
    #[rstest]
    #[case("well-known", 1)]
    #[case("buku-buku", 1)]
    #[case("anak-anak bermain", 2)]
    #[case("a - b", 2)]
    #[case("word--word", 2)]
    #[case("word\u{2014}word", 2)]
    #[case("word\u{2013}word", 1)]
    #[case("word \u{2013} word", 2)]
    #[case("2024", 1)]
    #[case("Rp 14.000", 2)]
    #[case("3,14 dan 1.000.000", 3)]
    #[case("50%", 1)]
    #[case("don't", 1)]
    #[case("don\u{2019}t", 1)]
    #[case("rock 'n' roll", 3)]
    #[case("https://example.com/harga-beras?x=1", 1)]
    #[case("redaksi@example.com", 1)]
    #[case("hello \u{1f600} world", 3)]
    #[case("hello\u{1f600} world", 2)]
    #[case("\u{1f600}", 1)]
    #[case("\u{2026} lalu", 1)]
    #[case("\u{201c}kutipan\u{201d} kata", 2)]
    #[case("\u{ab}quoted\u{bb}", 1)]
    #[case("caf\u{e9} na\u{ef}ve", 2)]
    #[case("日本語のテキスト", 1)]
    #[case("C++ & C#", 2)]
    #[case("U.S.A.", 1)]
    #[case("\u{b0}C 30\u{b0}", 2)]
    #[case("a\u{a0}b", 2)]
    #[case("a&nbsp;b", 2)]
    #[case("a&#160;b", 1)]
    #[case("Tom &amp; Jerry", 2)]
    #[case("a\u{200b}b", 1)]
    #[case("<b>bo</b>ld", 2)]
    #[case("<p>satu</p><p>dua</p>", 2)]
    #[case("<img src=\"x.jpg\" alt=\"tiga kata alt\">", 0)]
    #[case("[gallery ids=\"1,2,3\"] teks", 3)]
    #[case("<script>var a = 1;</script>teks", 1)]
    fn word_count_after_clean_html(#[case] input: &str, #[case] words: usize) {
        let text = nbsp(&fold(&clean_html(&unescape(input))));
        assert_eq!(word_count(&lower(&text)), words, "{input:?}");
    }

    #[rstest]
    #[case("a\u{a0}b", 1)]
    #[case("a&#160;b", 2)]
    #[case("<script>var a = 1;</script>teks", 4)]
    fn word_count_on_raw_html(#[case] input: &str, #[case] words: usize) {
        assert_eq!(word_count(input), words);
    }

    #[rstest]
    #[case('\u{e9}', "e")]
    #[case('\u{c7}', "C")]
    #[case('\u{f1}', "n")]
    #[case('\u{15f}', "s")]
    #[case('\u{11f}', "g")]
    #[case('\u{130}', "I")]
    #[case('\u{101}', "a")]
    #[case('\u{1e6d}', "t")]
    #[case('\u{c5}', "A")]
    #[case('\u{1d6}', "u")]
    #[case('\u{c6}', "Ae")]
    #[case('\u{f8}', "oe")]
    #[case('\u{df}', "ss")]
    #[case('\u{1c4}', "DZ")]
    #[case('\u{1c9}', "lj")]
    #[case('\u{a733}', "aa")]
    #[case('\u{a760}', "VY")]
    #[case('\u{110}', "D")]
    #[case('\u{127}', "h")]
    #[case('\u{141}', "L")]
    #[case('\u{192}', "f")]
    #[case('\u{250}', "a")]
    #[case('\u{254}', "o")]
    #[case('\u{131}', "i")]
    #[case('\u{17f}', "l")]
    #[case('\u{1e9e}', "S")]
    #[case('\u{24b6}', "A")]
    #[case('\u{ff5a}', "z")]
    #[case('\u{153}', "\u{153}")]
    #[case('\u{f0}', "\u{f0}")]
    #[case('\u{fe}', "\u{fe}")]
    #[case('\u{14b}', "\u{14b}")]
    #[case('\u{212a}', "\u{212a}")]
    #[case('\u{212b}', "\u{212b}")]
    #[case('\u{ff11}', "\u{ff11}")]
    #[case('\u{3b1}', "\u{3b1}")]
    fn fold_table(#[case] c: char, #[case] folded: &str) {
        assert_eq!(fold(&c.to_string()), folded);
    }

    #[test]
    fn fold_has_the_specified_size() {
        let decomposable = FOLD.iter().filter(|(_, out)| out.len() == 1).count();
        assert!(decomposable > 488 + 150, "{decomposable}");
        assert_eq!(
            fold("e\u{301}"),
            "e\u{301}",
            "separate combining marks stay"
        );
    }

    #[rstest]
    #[case("Harga. Beras naik", "harga beras", true)]
    #[case("berasal", "beras", true)]
    #[case("<p>naik harga</p><p>beras turun</p>", "harga beras", false)]
    #[case("<p>naik harga</p>\n<p>beras turun</p>", "harga beras", true)]
    #[case("harga &amp; beras", "harga beras", true)]
    #[case("harga<br>beras", "harga beras", false)]
    #[case("memukul", "pukul", false)]
    #[case("(harga) [sic] beras", "harga beras", true)]
    fn token_match(#[case] hay: &str, #[case] kw: &str, #[case] matches: bool) {
        let text = lower(&clean_html(&unescape(hay)));
        let (h, _) = tokens(&text);
        let k = keyword_tokstr(kw).unwrap();
        assert_eq!(h.contains(&k), matches, "{h:?} / {k:?}");
    }

    #[test]
    fn tokens_keep_inner_punctuation_and_drop_shortcodes() {
        assert_eq!(
            tokens("\u{201c}buku-buku\u{201d}, 14.000 don't 50% #tag a/b [sic] [a=b] [ab ]").0,
            "buku-buku 14.000 don't 50% #tag a/b a=b ab"
        );
        assert_eq!(keyword_tokstr("\u{2014}"), None);
        assert_eq!(keyword_tokstr("..."), None);
    }

    /// SPACES as the spec words it, step by step with regexes (§2.1).
    fn spaces_by_the_spec(s: &str) -> String {
        const WS: &str = r"[\t\n\x0B\x0C\r \u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{FEFF}]";
        let re = |p: String| regex::Regex::new(&p).expect("valid");
        let s = re(r"(?i)&nbsp;|&#160;".to_owned()).replace_all(s, " ");
        let s = re(format!("{WS}{{2,}}")).replace_all(&s, " ");
        let s = re(format!(r"{WS}\.")).replace_all(&s, ".");
        s.trim_matches(is_ws).to_owned()
    }

    proptest::proptest! {
        #[test]
        fn spaces_does_what_the_spec_says(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                " ", "  ", "\t", "\n", ".", "kata", "a", "\u{a0}", "\u{3000}", "\u{2028}",
                "&nbsp;", "&NBSP;", "&#160;", "\u{e9}", "x.", "<p>",
            ][..]), 0..30)
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(spaces(&text), spaces_by_the_spec(&text), "{:?}", text);
        }
    }

    #[rstest]
    #[case("a  b", "a b")]
    #[case("word .", "word.")]
    #[case("a\tb", "a\tb")]
    #[case(" a&NBSP;b&#160;c ", "a b c")]
    fn spaces_cases(#[case] input: &str, #[case] out: &str) {
        assert_eq!(spaces(input), out);
    }

    #[test]
    fn entities_and_unescape() {
        assert_eq!(delete_entities("AT&T; x &lt; y & z"), "AT x  y & z");
        assert_eq!(unescape("&amp;&quot;&#039;&#39;&lt;"), "&\"''&lt;");
        assert_eq!(first_tokens("a b c d", 2), "a b");
        assert_eq!(first_tokens("a b", 5), "a b");
    }
}
