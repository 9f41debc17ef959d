//! Estimated width of a search-result title in pixels.
//!
//! Search engines cut titles by width, not by characters: "WWW" is wider than "iii". Result
//! titles are set in a sans-serif about 20 px high; the advance widths below are the standard
//! Helvetica/Arial metrics (thousandths of an em, as published in the fonts' AFM files), so the
//! estimate follows the font, not a character count.

const EM_PX: f64 = 20.0;

fn advance(c: char) -> u32 {
    match c {
        'i' | 'j' | 'l' => 222,
        'f' | 't' | 'I' | ' ' | '.' | ',' | ':' | ';' | '!' | '/' | '\\' => 278,
        'r' | '-' | '(' | ')' | '[' | ']' | '`' => 333,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' | '"' => 500,
        'm' | 'M' => 833,
        'w' | 'C' | 'D' | 'H' | 'N' | 'R' | 'U' => 722,
        'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' => 667,
        'F' | 'T' | 'Z' => 611,
        'G' | 'O' | 'Q' => 778,
        'W' => 944,
        'L' => 556,
        '\'' => 191,
        '|' => 260,
        '%' => 889,
        '&' => 667,
        '@' => 1015,
        '—' => 1000,
        '–' => 556,
        c if c.is_uppercase() => 700,
        _ => 556,
    }
}

/// The estimated rendered width of `title`, in whole pixels.
pub fn title_width(title: &str) -> usize {
    let thousandths: u32 = title.chars().map(advance).sum();
    (f64::from(thousandths) * EM_PX / 1000.0).round() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_letters_take_more_room_than_narrow_ones() {
        assert_eq!(title_width("iiii"), 18); // 4 × 222 × 0.02 = 17.76
        assert_eq!(title_width("WWWW"), 76); // 4 × 944 × 0.02 = 75.52
        assert!(title_width("MMMMMMMMMM") > title_width("llllllllll") * 3);
    }
}
