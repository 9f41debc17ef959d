//! Slugs and file names: the one rule for the slug a CMS gets, the name an exported or
//! mirrored file gets, and the slug the editor suggests from a title.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::Article;

/// The longest slug made, in characters (what search results show of a URL).
pub const SLUG_MAX_CHARS: usize = 75;

/// A slug from any text: accents folded ("Café" → "cafe"), lower case, letters and digits
/// kept (any script), every other run one hyphen, at most [`SLUG_MAX_CHARS`] characters. The
/// result is safe as a file name: it never holds `/`, `.` or a space.
pub fn slugify(text: &str) -> String {
    let folded: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .nfc()
        .collect();
    let mut slug = String::with_capacity(folded.len());
    let mut chars = 0;
    for c in folded.chars().flat_map(char::to_lowercase) {
        if chars == SLUG_MAX_CHARS {
            break;
        }
        if c.is_alphanumeric() {
            slug.push(c);
        } else if slug.is_empty() || slug.ends_with('-') {
            continue;
        } else {
            slug.push('-');
        }
        chars += 1;
    }
    slug.truncate(slug.trim_end_matches('-').len());
    slug
}

impl Article {
    /// The article's slug: the one the reporter typed, else one from the title, else the id;
    /// always through [`slugify`], so the CMS, the file and the editor agree.
    pub fn slug(&self) -> String {
        let typed = self.meta.slug.as_deref().map(slugify).unwrap_or_default();
        if !typed.is_empty() {
            return typed;
        }
        let titled = slugify(&self.title);
        if titled.is_empty() {
            self.id.to_string()
        } else {
            titled
        }
    }

    /// The file name the article gets in a folder: its slug and `extension` (`md`, `html`…).
    pub fn file_name(&self, extension: &str) -> String {
        format!("{}.{extension}", self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use rstest::rstest;

    #[rstest]
    #[case::accents_fold("Café", "cafe")]
    #[case::punctuation("Banjir Rob di Jakarta Utara!", "banjir-rob-di-jakarta-utara")]
    #[case::edges_trimmed("  Ekonomi: 5% tumbuh ", "ekonomi-5-tumbuh")]
    #[case::path_tricks("../../etc/passwd", "etc-passwd")]
    #[case::other_scripts("Москва · 東京", "москва-東京")]
    #[case::compatibility_forms("ﬁnal ² Ⅻ", "final-2-xii")]
    #[case::nothing_left("—?!", "")]
    fn slugs_fold_accents_and_keep_letters_and_digits(#[case] text: &str, #[case] slug: &str) {
        assert_eq!(slugify(text), slug);
    }

    #[test]
    fn a_long_title_is_cut_without_a_trailing_hyphen() {
        let slug = slugify(&"kata ".repeat(40));
        assert!(slug.chars().count() <= SLUG_MAX_CHARS, "{slug}");
        assert!(
            slug.starts_with("kata-kata") && !slug.ends_with('-'),
            "{slug}"
        );
    }

    #[test]
    fn the_typed_slug_wins_then_the_title_then_the_id() {
        let mut article = Article::new("Café Baru", "", Utc::now());
        assert_eq!(article.slug(), "cafe-baru");
        article.meta.slug = Some("Harga/../Beras".into());
        assert_eq!(article.slug(), "harga-beras");
        assert_eq!(article.file_name("md"), "harga-beras.md");
        article.meta.slug = Some(" - ".into());
        article.title = "?".into();
        assert_eq!(article.slug(), article.id.to_string());
    }
}
