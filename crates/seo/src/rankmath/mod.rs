//! The `rankmath` profile: Rank Math SEO v1.0.273's post-editor score, reproduced from the
//! clean-room specification (../shared/specs/rankmath-profile.md; section numbers below are its).
//!
//! Everything that does not depend on a keyword (the normalised title, description and content,
//! token strings, word count, links, media, paragraphs, the density count over all keywords) is
//! computed once in [`Prepared`]; each keyword then costs a few substring searches.

mod autop;
mod fold_table;
pub mod links;
mod matching;
pub mod media;
mod messages;
pub mod sentiment;
pub mod text;

use redaksi_article::Lang;

use crate::document::{BlockKind, Document};
use crate::profile::Profile;
use crate::report::{
    Check, Group, InputIssue, KeywordScore, Mark, Message, Report, Status, TextStats, score_of,
};
use crate::request::{AnalysisRequest, MAX_KEYWORDS};
use links::LinkKind;
use matching::{
    density, density_points, image_alt_match, keyword_marks, keyword_slug, length_points,
    slug_clean, subheading_match, token_match,
};
use text::{
    clean_html, clean_text, fold, keyword_tokstr, len16, lower, nbsp, quotes, replace_tags, tokens,
    unescape, word_count,
};

/// The `rankmath` profile.
pub struct RankMath;

/// Longest paragraph that still passes `contentHasShortParagraphs`.
pub const MAX_PARAGRAPH_WORDS: usize = 120;
/// Longest URL that passes `lengthPermalink` (UTF-16 units).
pub const MAX_URL_LENGTH: usize = 75;

impl Profile for RankMath {
    fn id(&self) -> &'static str {
        "rankmath"
    }

    fn analyze(&self, request: &AnalysisRequest, document: &Document) -> Report {
        let (keywords, issues) = keywords(request);
        let prepared = Prepared::new(request, document, &keywords);
        let primary = keywords.first().and_then(Option::as_ref);
        let checks = prepared.checks(primary, true);
        let (score, points, max) = score_of(&checks);
        let secondary = keywords
            .iter()
            .skip(1)
            .flatten()
            .map(|kw| {
                let checks = prepared.checks(Some(kw), false);
                let (score, points, max) = score_of(&checks);
                KeywordScore {
                    keyword: kw.original.clone(),
                    score,
                    band: self.band(score),
                    points,
                    max,
                    checks,
                }
            })
            .collect();
        Report {
            profile: self.id().to_owned(),
            score,
            band: self.band(score),
            points,
            max,
            keyword: primary.map(|kw| kw.original.clone()),
            checks,
            secondary,
            stats: TextStats::new(prepared.words, prepared.paragraphs.len()),
            issues,
        }
    }

    fn message(&self, message: &Message, lang: Lang) -> Option<String> {
        messages::text(message, lang)
    }
}

/// Whether a focus keyword has any words once normalised (§1). A keyword without words (only
/// punctuation, such as "—" or "...") makes Rank Math's analysis throw; callers should reject it.
pub fn usable_keyword(keyword: &str) -> bool {
    keyword_tokstr(&lower(&nbsp(&fold(&keyword.trim().replace(',', ""))))).is_some()
}

/// One usable focus keyword.
struct Keyword {
    original: String,
    /// KW_L.
    lower: String,
    /// TOKSTR(QUOTES(KW_L)).
    tokstr: String,
}

/// The request's keywords by position; `None` where a keyword has no tokens (§1), which is
/// also reported as an input issue.
fn keywords(request: &AnalysisRequest) -> (Vec<Option<Keyword>>, Vec<InputIssue>) {
    let mut issues = Vec::new();
    let mut out = Vec::new();
    for (i, raw) in request.keywords.iter().take(MAX_KEYWORDS).enumerate() {
        let original = raw.trim().replace(',', "");
        let kw_l = lower(&nbsp(&fold(&original)));
        match keyword_tokstr(&kw_l) {
            Some(tokstr) => out.push(Some(Keyword {
                original,
                lower: kw_l,
                tokstr,
            })),
            None => {
                issues.push(InputIssue {
                    field: format!("keywords[{i}]"),
                    message: Message::new("rankmath.input.keywordWithoutWords")
                        .arg("keyword", raw.as_str()),
                });
                out.push(None);
            }
        }
    }
    (out, issues)
}

/// Everything one analysis needs that no single keyword changes.
struct Prepared<'a> {
    document: &'a Document,
    lang_en: bool,
    power_words: Option<&'static sentiment::PowerWords>,
    toc_plugin: bool,
    title_present: bool,
    title_tokstr: String,
    title_has_digit: bool,
    title_sentiment: i32,
    title_power_words: usize,
    desc_present: bool,
    desc_tokstr: String,
    slug_present: bool,
    url_len: usize,
    url_slug: String,
    content_present: bool,
    text_l: String,
    /// TOKSTR(TEXT_L) cut to its first 10 % when longer than 400 tokens.
    first_tenth: String,
    stripped_tokstr: String,
    words: usize,
    paragraphs: Vec<usize>,
    links_total: usize,
    links_internal: usize,
    links_external: usize,
    links_external_dofollow: usize,
    images: usize,
    videos: usize,
    featured: bool,
    featured_alt_l: String,
    /// (hundredths of a percent, matches) over all keywords together.
    density: Option<(u64, usize)>,
    gallery: bool,
    primary_marks: Vec<Mark>,
    /// The document's external and internal links, for the link checks' marks.
    external_link_marks: Vec<Mark>,
    internal_link_marks: Vec<Mark>,
}

impl<'a> Prepared<'a> {
    fn new(
        request: &AnalysisRequest,
        document: &'a Document,
        keywords: &[Option<Keyword>],
    ) -> Self {
        let lang = Lang::from_tag(&request.locale);
        let title = nbsp(&fold(&quotes(&request.title)));
        let title_l = lower(&title);
        let (title_tokstr, _) = tokens(&title_l);
        let power_words = lang.and_then(|lang| sentiment::power_words(lang.code()));
        let desc = nbsp(&fold(&clean_text(&request.description)));
        let desc_l = lower(&desc);
        let text = nbsp(&fold(&clean_html(&unescape(&document.html))));
        let text_l = lower(&text);
        let (all_tokens, token_count) = tokens(&text_l);
        let first_tenth = if token_count > 400 {
            text::first_tokens(&all_tokens, token_count / 10).to_owned()
        } else {
            all_tokens
        };
        let stripped_l = text::spaces_cow(&replace_tags(&text_l, "")).into_owned();
        let (stripped_tokstr, _) = tokens(&stripped_l);
        let words = word_count(&text_l);
        let parent = links::parent_domain(&request.site_url);
        let anchors = links::anchors(&text, parent.as_deref());
        let featured = request.featured_image_alt.is_some();
        let all_keywords: Vec<&str> = keywords
            .iter()
            .flatten()
            .map(|k| k.tokstr.as_str())
            .collect();
        let density = density(&stripped_tokstr, words, &all_keywords);
        let primary_marks = keywords
            .first()
            .and_then(Option::as_ref)
            .map(|kw| keyword_marks(document, &kw.tokstr))
            .unwrap_or_default();
        let mut external_link_marks = Vec::new();
        let mut internal_link_marks = Vec::new();
        for link in &document.links {
            match links::classify(&link.href, parent.as_deref()) {
                LinkKind::External => external_link_marks.push(Mark::from(link.source.clone())),
                LinkKind::Internal => internal_link_marks.push(Mark::from(link.source.clone())),
                LinkKind::Other => {}
            }
        }
        Prepared {
            document,
            lang_en: lang == Some(Lang::En),
            power_words,
            toc_plugin: request.settings.toc_plugin_active,
            title_present: !title.is_empty(),
            title_has_digit: title.bytes().any(|b| b.is_ascii_digit()),
            // English only (§9.16): other locales drop the check, so skip the lexicon.
            title_sentiment: if lang == Some(Lang::En) {
                sentiment::sentiment(&title_tokstr)
            } else {
                0
            },
            title_power_words: power_words.map_or(0, |list| list.count(&title_l)),
            title_tokstr,
            desc_present: !desc.is_empty(),
            desc_tokstr: tokens(&desc_l).0,
            slug_present: !request.slug.is_empty(),
            url_len: len16(&request.url),
            url_slug: slug_clean(&request.url.replace('_', "-")),
            content_present: !text.is_empty(),
            first_tenth,
            stripped_tokstr,
            words,
            paragraphs: autop::paragraph_word_counts(&text),
            links_total: anchors.len(),
            links_internal: anchors
                .iter()
                .filter(|a| a.kind == LinkKind::Internal)
                .count(),
            links_external: anchors
                .iter()
                .filter(|a| a.kind == LinkKind::External)
                .count(),
            links_external_dofollow: anchors
                .iter()
                .filter(|a| a.kind == LinkKind::External && !a.nofollow)
                .count(),
            images: media::image_count(&text, featured),
            videos: media::video_count(&text),
            featured,
            featured_alt_l: lower(&fold(request.featured_image_alt.as_deref().unwrap_or(""))),
            density,
            gallery: !media::shortcodes(&text_l, "gallery").is_empty(),
            text_l,
            primary_marks,
            external_link_marks,
            internal_link_marks,
        }
    }

    /// The 21 tests for the primary keyword, or the 14 of §8.4 for a secondary one.
    fn checks(&self, kw: Option<&Keyword>, primary: bool) -> Vec<Check> {
        let mut checks = Vec::with_capacity(22);
        if primary {
            checks.push(self.keyword_in_title(kw));
            checks.push(self.keyword_in_description(kw));
            checks.push(self.keyword_in_permalink(kw));
            checks.push(self.keyword_in_first_tenth(kw));
        }
        checks.push(self.keyword_in_content(kw, primary));
        checks.push(self.length_content());
        checks.push(self.keyword_in_subheadings(kw));
        if primary {
            checks.push(self.keyword_in_image_alt(kw));
        }
        checks.push(self.keyword_density(primary));
        checks.push(self.length_permalink());
        checks.extend(self.link_checks());
        if primary {
            checks.push(Check::scored(
                "hasContentAI",
                Group::Additional,
                0,
                5,
                Message::new("rankmath.hasContentAI.unavailable"),
            ));
            checks.push(self.title_starts_with_keyword(kw));
        }
        checks.push(self.title_sentiment());
        checks.push(self.title_power_words());
        checks.push(self.title_number());
        checks.push(self.content_toc());
        checks.push(self.short_paragraphs());
        checks.push(self.assets());
        checks
    }

    fn binary(id: &str, group: Group, pass: bool, max: u32) -> Check {
        let outcome = if pass { "pass" } else { "fail" };
        Check::scored(
            id,
            group,
            if pass { max } else { 0 },
            max,
            Message::new(format!("rankmath.{id}.{outcome}")),
        )
    }

    /// A test Rank Math calls not applicable but still counts: 0 points, max kept.
    fn unmet(id: &str, group: Group, max: u32) -> Check {
        Check::scored(
            id,
            group,
            0,
            max,
            Message::new(format!("rankmath.{id}.missingInput")),
        )
    }

    fn keyword_in_title(&self, kw: Option<&Keyword>) -> Check {
        let max = if self.lang_en { 36 } else { 38 };
        let id = "keywordInTitle";
        match kw {
            Some(kw) if self.title_present => Self::binary(
                id,
                Group::BasicSeo,
                token_match(&self.title_tokstr, &kw.tokstr),
                max,
            ),
            _ => Self::unmet(id, Group::BasicSeo, max),
        }
    }

    fn keyword_in_description(&self, kw: Option<&Keyword>) -> Check {
        let id = "keywordInMetaDescription";
        match kw {
            Some(kw) if self.desc_present => Self::binary(
                id,
                Group::BasicSeo,
                token_match(&self.desc_tokstr, &kw.tokstr),
                2,
            ),
            _ => Self::unmet(id, Group::BasicSeo, 2),
        }
    }

    fn keyword_in_permalink(&self, kw: Option<&Keyword>) -> Check {
        let id = "keywordInPermalink";
        match kw {
            Some(kw) if self.slug_present => {
                let k = keyword_slug(&kw.lower);
                Self::binary(id, Group::BasicSeo, self.url_slug.contains(&k), 5)
            }
            _ => Self::unmet(id, Group::BasicSeo, 5),
        }
    }

    fn keyword_in_first_tenth(&self, kw: Option<&Keyword>) -> Check {
        let id = "keywordIn10Percent";
        match kw {
            Some(kw) if self.content_present => {
                let pass = !self.first_tenth.is_empty() && text::has(&self.first_tenth, &kw.tokstr);
                Self::binary(id, Group::BasicSeo, pass, 3).with_marks(if pass {
                    self.primary_marks.iter().take(1).cloned().collect()
                } else {
                    Vec::new()
                })
            }
            _ => Self::unmet(id, Group::BasicSeo, 3),
        }
    }

    fn keyword_in_content(&self, kw: Option<&Keyword>, primary: bool) -> Check {
        let id = "keywordInContent";
        match kw {
            Some(kw) if self.content_present => {
                let pass = token_match(&self.stripped_tokstr, &kw.tokstr);
                let marks = if primary {
                    self.primary_marks.clone()
                } else {
                    Vec::new()
                };
                Self::binary(id, Group::BasicSeo, pass, 3).with_marks(marks)
            }
            _ => Self::unmet(id, Group::BasicSeo, 3),
        }
    }

    fn length_content(&self) -> Check {
        let id = "lengthContent";
        if !self.content_present {
            return Self::unmet(id, Group::BasicSeo, 8);
        }
        let points = length_points(self.words);
        let outcome = match points {
            8 => "pass",
            0 if self.words >= 100_000 => "tooLong",
            0 => "fail",
            _ => "short",
        };
        Check::scored(
            id,
            Group::BasicSeo,
            points,
            8,
            Message::new(format!("rankmath.{id}.{outcome}")).arg("words", self.words),
        )
    }

    fn keyword_in_subheadings(&self, kw: Option<&Keyword>) -> Check {
        let id = "keywordInSubheadings";
        match kw {
            Some(kw) if self.content_present => {
                let pass = subheading_match(&self.text_l, &kw.tokstr);
                let marks = self
                    .document
                    .headings()
                    .filter(|b| !matches!(b.kind, BlockKind::Heading(1)))
                    .filter(|b| {
                        pass == lower(&fold(self.document.block_text(b)))
                            .contains(kw.tokstr.as_str())
                    })
                    .map(|b| Mark::from(b.source.clone()))
                    .collect();
                Self::binary(id, Group::Additional, pass, 3).with_marks(marks)
            }
            _ => Self::unmet(id, Group::Additional, 3),
        }
    }

    fn keyword_in_image_alt(&self, kw: Option<&Keyword>) -> Check {
        let id = "keywordInImageAlt";
        let Some(kw) = kw.filter(|_| self.content_present || !self.featured_alt_l.is_empty())
        else {
            return Self::unmet(id, Group::Additional, 2);
        };
        if self.featured_alt_l.contains(&kw.lower) || image_alt_match(&self.text_l, &kw.lower) {
            return Self::binary(id, Group::Additional, true, 2);
        }
        if self.gallery {
            return Check::scored(
                id,
                Group::Additional,
                2,
                2,
                Message::new("rankmath.keywordInImageAlt.gallery"),
            );
        }
        let marks = self
            .document
            .images
            .iter()
            .map(|i| Mark::from(i.source.clone()))
            .collect();
        Self::binary(id, Group::Additional, false, 2).with_marks(marks)
    }

    fn keyword_density(&self, primary: bool) -> Check {
        let id = "keywordDensity";
        if !self.content_present {
            return Self::unmet(id, Group::Additional, 6);
        }
        let (hundredths, count) = self.density.unwrap_or((0, 0));
        let (points, outcome) = density_points(hundredths);
        let marks = if primary {
            self.primary_marks.clone()
        } else {
            Vec::new()
        };
        Check::scored(
            id,
            Group::Additional,
            points,
            6,
            Message::new(format!("rankmath.{id}.{outcome}"))
                .arg(
                    "density",
                    format!("{}.{:02}", hundredths / 100, hundredths % 100),
                )
                .arg("count", count),
        )
        .with_marks(marks)
    }

    fn length_permalink(&self) -> Check {
        let id = "lengthPermalink";
        if self.url_len == 0 {
            return Self::unmet(id, Group::Additional, 4);
        }
        let mut check = Self::binary(id, Group::Additional, self.url_len <= MAX_URL_LENGTH, 4);
        check.message = check.message.arg("length", self.url_len);
        check
    }

    fn link_checks(&self) -> [Check; 3] {
        let group = Group::Additional;
        if !self.content_present {
            return [
                Self::unmet("linksHasExternals", group, 4),
                Self::unmet("linksNotAllExternals", group, 2),
                Self::unmet("linksHasInternal", group, 5),
            ];
        }
        let any = self.links_total > 0;
        let mut not_all = Self::binary(
            "linksNotAllExternals",
            group,
            any && self.links_external_dofollow > 0,
            2,
        );
        not_all.message = not_all.message.arg("count", self.links_external);
        [
            Self::binary(
                "linksHasExternals",
                group,
                any && self.links_external > 0,
                4,
            )
            .with_marks(self.external_link_marks.clone()),
            not_all,
            Self::binary("linksHasInternal", group, any && self.links_internal > 0, 5)
                .with_marks(self.internal_link_marks.clone()),
        ]
    }

    fn title_starts_with_keyword(&self, kw: Option<&Keyword>) -> Check {
        let id = "titleStartWithKeyword";
        match kw {
            Some(kw) if self.title_present => {
                let pass = self.title_tokstr.find(&kw.tokstr).is_some_and(|p| {
                    len16(&self.title_tokstr[..p]) < len16(&self.title_tokstr) / 2
                });
                Self::binary(id, Group::TitleReadability, pass, 3)
            }
            _ => Self::unmet(id, Group::TitleReadability, 3),
        }
    }

    fn title_sentiment(&self) -> Check {
        let id = "titleSentiment";
        if !self.lang_en {
            return Check::scored(
                id,
                Group::TitleReadability,
                0,
                1,
                Message::new("rankmath.titleSentiment.englishOnly"),
            )
            .with_status(Status::NotApplicable);
        }
        if !self.title_present || self.title_tokstr.is_empty() {
            return Self::unmet(id, Group::TitleReadability, 1);
        }
        Self::binary(id, Group::TitleReadability, self.title_sentiment != 0, 1)
    }

    fn title_power_words(&self) -> Check {
        let id = "titleHasPowerWords";
        if self.power_words.is_none() {
            return Check::scored(
                id,
                Group::TitleReadability,
                0,
                1,
                Message::new("rankmath.titleHasPowerWords.noList"),
            )
            .with_status(Status::NotApplicable);
        }
        if !self.title_present {
            return Self::unmet(id, Group::TitleReadability, 1);
        }
        let mut check = Self::binary(id, Group::TitleReadability, self.title_power_words > 0, 1);
        check.message = check.message.arg("count", self.title_power_words);
        check
    }

    fn title_number(&self) -> Check {
        let id = "titleHasNumber";
        if !self.title_present {
            return Self::unmet(id, Group::TitleReadability, 1);
        }
        Self::binary(id, Group::TitleReadability, self.title_has_digit, 1)
    }

    fn content_toc(&self) -> Check {
        let id = "contentHasTOC";
        if !self.content_present {
            return Self::unmet(id, Group::ContentReadability, 2);
        }
        let pass = self.toc_plugin || text::has(&self.text_l, "wp-block-rank-math-toc-block");
        Self::binary(id, Group::ContentReadability, pass, 2)
    }

    fn short_paragraphs(&self) -> Check {
        let id = "contentHasShortParagraphs";
        if !self.content_present {
            return Self::unmet(id, Group::ContentReadability, 3);
        }
        let longest = self.paragraphs.iter().copied().max().unwrap_or(0);
        let marks = self
            .document
            .blocks
            .iter()
            .filter(|b| b.words.len() > MAX_PARAGRAPH_WORDS)
            .map(|b| Mark::from(b.source.clone()))
            .collect();
        let mut check = Self::binary(
            id,
            Group::ContentReadability,
            longest <= MAX_PARAGRAPH_WORDS,
            3,
        )
        .with_marks(marks);
        check.message = check.message.arg("longest", longest);
        check
    }

    fn assets(&self) -> Check {
        let id = "contentHasAssets";
        if !self.content_present && !self.featured {
            return Self::unmet(id, Group::ContentReadability, 6);
        }
        let points = if !self.content_present {
            1
        } else {
            (media::image_points(self.images) + media::video_points(self.videos)).min(6)
        };
        let outcome = match points {
            6 => "pass",
            0 => "fail",
            _ => "partial",
        };
        let marks = self
            .document
            .images
            .iter()
            .map(|i| Mark::from(i.source.clone()))
            .chain(
                self.document
                    .embeds
                    .iter()
                    .map(|e| Mark::from(e.source.clone())),
            )
            .collect();
        Check::scored(
            id,
            Group::ContentReadability,
            points,
            6,
            Message::new(format!("rankmath.{id}.{outcome}"))
                .arg("images", self.images)
                .arg("videos", self.videos),
        )
        .with_marks(marks)
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("harga beras", true)]
    #[case("  beras, ", true)]
    #[case("\u{2014}", false)]
    #[case("...", false)]
    #[case("", false)]
    #[case("\u{201c}\u{201d}", false)]
    fn keyword_usability(#[case] keyword: &str, #[case] usable: bool) {
        assert_eq!(usable_keyword(keyword), usable);
    }
}
