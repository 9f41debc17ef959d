//! The `.md` file form of an article: YAML front matter between `---` lines, then Markdown.
//!
//! Keys Redaksi does not know (Hugo's `draft`, Obsidian's `aliases`, …) are kept in
//! [`Meta::extra`](crate::Meta) and written back in their place, so a round trip through
//! Redaksi never strips another tool's data.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_norway::{Mapping, Value};
use uuid::Uuid;

use crate::model::{Article, FeaturedImage, Keyword, Lang, Meta, MutedCheck, Status};

const FENCE: &str = "---";

/// Why a `.md` file could not be read as an article. Lines and columns are 1-based and count
/// from the top of the file, so an editor can jump straight to them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterError {
    #[error("line {line}, column {column}: the file is not valid UTF-8")]
    InvalidUtf8 { line: usize, column: usize },
    #[error("line {line}: front matter opened with `---` is never closed by another `---` line")]
    Unterminated { line: usize },
    #[error("line {line}, column {column}: malformed front matter: {message}")]
    Yaml {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("line {line}: front matter must be a mapping of keys to values")]
    NotAMapping { line: usize },
}

impl FrontMatterError {
    /// The 1-based line in the file that the error points at.
    pub fn line(&self) -> usize {
        match self {
            FrontMatterError::InvalidUtf8 { line, .. }
            | FrontMatterError::Unterminated { line }
            | FrontMatterError::Yaml { line, .. }
            | FrontMatterError::NotAMapping { line } => *line,
        }
    }
}

/// Reads raw bytes (as read from disk), refusing invalid UTF-8 with the place it starts.
pub fn parse_bytes(bytes: &[u8], now: DateTime<Utc>) -> Result<Article, FrontMatterError> {
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let valid = &bytes[..err.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        FrontMatterError::InvalidUtf8 { line, column }
    })?;
    parse(text, now)
}

/// Parses a `.md` file. A file without front matter is all body. Missing `id`, `created` or
/// `updated` get a fresh id and `now`, so any Markdown file can be imported.
pub fn parse(text: &str, now: DateTime<Utc>) -> Result<Article, FrontMatterError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some((yaml, body)) = split(text)? else {
        let mut article = Article::new("", text, now);
        article.body = text.to_owned();
        return Ok(article);
    };
    let value: Value = serde_norway::from_str(yaml).map_err(|err| yaml_error(&err))?;
    let fields: Fields = match value {
        Value::Null => Fields::default(),
        // Parsed again from the text, not from `value`, so that a bad field keeps its line.
        Value::Mapping(_) => serde_norway::from_str(yaml).map_err(|err| yaml_error(&err))?,
        _ => return Err(FrontMatterError::NotAMapping { line: 2 }),
    };
    // Unknown keys are written back as they were read; what YAML reads but cannot write
    // (a mapping used as a key inside a list) is refused now, not found unwritable at save.
    if let Err(err) = serde_norway::to_string(&fields.extra) {
        return Err(FrontMatterError::Yaml {
            line: 2,
            column: 1,
            message: format!("a value here cannot be written back as it was: {err}"),
        });
    }
    fields.into_article(yaml, body, now)
}

/// Writes the file form: front matter with every set field, unknown keys after them, then the body.
pub fn write(article: &Article) -> String {
    let fields = Fields::from_article(article);
    let yaml = serde_norway::to_string(&fields).expect("front matter fields always serialise");
    let mut out = String::with_capacity(yaml.len() + article.body.len() + 16);
    out.push_str(FENCE);
    out.push('\n');
    out.push_str(&yaml);
    out.push_str(FENCE);
    out.push('\n');
    out.push_str(&article.body);
    out
}

/// Splits off the YAML between the opening and closing fence. `None` when the file has no
/// front matter at all.
fn split(text: &str) -> Result<Option<(&str, &str)>, FrontMatterError> {
    let Some(rest) = text.strip_prefix(FENCE) else {
        return Ok(None);
    };
    let Some(rest) = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
    else {
        return Ok(None);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == FENCE {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok(Some((yaml, body)));
        }
        offset += line.len();
    }
    Err(FrontMatterError::Unterminated { line: 1 })
}

fn yaml_error(err: &serde_norway::Error) -> FrontMatterError {
    // The YAML starts on line 2 of the file, after the opening fence.
    let (line, column) = err
        .location()
        .map_or((2, 1), |loc| (loc.line() + 1, loc.column()));
    let message = err.to_string();
    // serde_norway appends " at line L column C" relative to the YAML; the file position replaces it.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    FrontMatterError::Yaml {
        line,
        column,
        message,
    }
}

/// The front matter as it stands in the file. Field names follow Hugo/Jekyll habits.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Fields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seo_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    slug: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "keywords"
    )]
    keywords: Vec<Keyword>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lang: Option<Lang>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    featured_image: Option<FeaturedImage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    byline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    dateline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    category: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    editor_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    embargo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    publish_at: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    muted_checks: Vec<MutedCheck>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    #[serde(flatten)]
    extra: Mapping,
}

impl Fields {
    fn into_article(
        self,
        yaml: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Article, FrontMatterError> {
        let time = |key: &str, value: Option<String>| parse_time(yaml, key, value);
        let created_at = time("created", self.created)?.unwrap_or(now);
        let updated_at = time("updated", self.updated)?.unwrap_or(created_at.max(now));
        Ok(Article {
            id: self.id.unwrap_or_else(Uuid::new_v4),
            title: self.title.unwrap_or_default(),
            body: body.to_owned(),
            created_at,
            updated_at,
            meta: Meta {
                seo_title: self.seo_title,
                slug: self.slug,
                description: self.description,
                keywords: self.keywords,
                lang: self.lang,
                featured_image: self.featured_image,
                url: self.url,
                byline: self.byline,
                dateline: self.dateline,
                category: self.category,
                tags: self.tags,
                editor_note: self.editor_note,
                status: self.status.unwrap_or_default(),
                embargo: time("embargo", self.embargo)?,
                publish_at: time("publish_at", self.publish_at)?,
                muted_checks: self.muted_checks,
                extra: self.extra,
            },
        })
    }

    fn from_article(article: &Article) -> Self {
        let meta = article.meta.clone();
        Fields {
            id: Some(article.id),
            title: Some(article.title.clone()),
            seo_title: meta.seo_title,
            slug: meta.slug,
            description: meta.description,
            keywords: meta.keywords,
            lang: meta.lang,
            featured_image: meta.featured_image,
            url: meta.url,
            byline: meta.byline,
            dateline: meta.dateline,
            category: meta.category,
            tags: meta.tags,
            editor_note: meta.editor_note,
            status: Some(meta.status),
            embargo: meta.embargo.map(|at| at.to_rfc3339()),
            publish_at: meta.publish_at.map(|at| at.to_rfc3339()),
            muted_checks: meta.muted_checks,
            created: Some(article.created_at.to_rfc3339()),
            updated: Some(article.updated_at.to_rfc3339()),
            extra: meta.extra,
        }
    }
}

/// `keywords: [a, b]` or entries with synonyms: `- {phrase: a, synonyms: [x]}`.
fn keywords<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<Keyword>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Entry {
        Plain(String),
        Full(Keyword),
    }
    let entries: Vec<Entry> = one_or_many_of(de)?;
    Ok(entries
        .into_iter()
        .map(|entry| match entry {
            Entry::Plain(phrase) => Keyword::new(phrase),
            Entry::Full(keyword) => keyword,
        })
        .collect())
}

/// Jekyll lets a list be written as a single string.
fn one_or_many<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<String>, D::Error> {
    one_or_many_of(de)
}

fn one_or_many_of<'de, D, T>(de: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany<T> {
        One(T),
        Many(Vec<T>),
        Nothing(()),
    }
    Ok(match OneOrMany::deserialize(de)? {
        OneOrMany::One(item) => vec![item],
        OneOrMany::Many(items) => items,
        OneOrMany::Nothing(()) => Vec::new(),
    })
}

/// RFC 3339 timestamps, or a bare `YYYY-MM-DD` date (midnight UTC), as static site generators
/// write. Parsed after serde so that an error can name the key's line.
fn parse_time(
    yaml: &str,
    key: &str,
    value: Option<String>,
) -> Result<Option<DateTime<Utc>>, FrontMatterError> {
    let Some(text) = value else { return Ok(None) };
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(Some(at.with_timezone(&Utc)));
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(Some(
            date.and_hms_opt(0, 0, 0)
                .expect("midnight exists")
                .and_utc(),
        ));
    }
    let yaml_line = yaml
        .lines()
        .position(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .unwrap_or(0);
    Err(FrontMatterError::Yaml {
        line: yaml_line + 2,
        column: 1,
        message: format!(
            "{key}: {text:?} is not a date (expected 2024-11-12 or 2024-11-12T09:30:00+07:00)"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap()
    }

    const HUGO: &str = "---\n\
title: NATO Desak Sekutu\n\
slug: nato-desak-sekutu\n\
keywords:\n  - bantuan ukraina\n  - phrase: nato\n    synonyms: [pakta atlantik utara]\n\
lang: id\n\
tags: politik\n\
draft: true\n\
aliases:\n  - /lama/nato\n\
embargo: 2024-11-12\n\
---\n\
Sekretaris Jenderal NATO, Mark Rutte, mendesak sekutu.\n";

    #[test]
    fn reads_known_fields_and_keeps_unknown_keys_on_a_round_trip() {
        let article = parse(HUGO, now()).unwrap();
        assert_eq!(article.title, "NATO Desak Sekutu");
        assert_eq!(article.meta.keywords[0], Keyword::new("bantuan ukraina"));
        assert_eq!(article.meta.keywords[1].synonyms, ["pakta atlantik utara"]);
        assert_eq!(article.meta.lang, Some(Lang::Id));
        assert_eq!(article.meta.tags, ["politik"]);
        assert_eq!(
            article.meta.embargo,
            Some(Utc.with_ymd_and_hms(2024, 11, 12, 0, 0, 0).unwrap())
        );
        assert_eq!(
            article.body,
            "Sekretaris Jenderal NATO, Mark Rutte, mendesak sekutu.\n"
        );

        let written = write(&article);
        assert!(written.contains("draft: true"), "{written}");
        assert!(written.contains("- /lama/nato"), "{written}");
        let again = parse(&written, now()).unwrap();
        assert_eq!(again, article);
    }

    #[test]
    fn a_file_without_front_matter_is_all_body() {
        let article = parse("# Judul\n\nIsi berita.", now()).unwrap();
        assert_eq!(article.body, "# Judul\n\nIsi berita.");
        assert_eq!(article.title, "");
    }

    #[test]
    fn malformed_yaml_names_the_line_in_the_file() {
        let err = parse(
            "---\ntitle: ok\nslug: [unclosed\nlang: id\n---\nbody",
            now(),
        )
        .unwrap_err();
        assert!(matches!(err, FrontMatterError::Yaml { .. }), "{err:?}");
        assert!((3..=5).contains(&err.line()), "{err}");
        assert!(err.to_string().starts_with(&format!("line {}", err.line())));
    }

    #[test]
    fn a_bad_value_names_its_line() {
        let err = parse("---\ntitle: ok\nlang: fr\n---\nbody", now()).unwrap_err();
        assert_eq!(err.line(), 3, "{err}");
        let err = parse("---\ntitle: ok\n\nembargo: next tuesday\n---\n", now()).unwrap_err();
        assert_eq!(err.line(), 4, "{err}");
        assert!(err.to_string().contains("next tuesday"), "{err}");
    }

    #[test]
    fn front_matter_that_cannot_be_written_back_is_refused_not_a_panic_at_save() {
        // Found by the fuzz harness: YAML reads this, its emitter cannot write it.
        let err = parse("---\ntitle: A\nal: [{a}: b]\n---\nBody\n", now()).unwrap_err();
        assert!(
            matches!(err, FrontMatterError::Yaml { line: 2, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("cannot be written back"), "{err}");
    }

    #[test]
    fn unterminated_front_matter_is_an_error_not_an_empty_article() {
        let err = parse("---\ntitle: lost\nbody without a fence", now()).unwrap_err();
        assert_eq!(err, FrontMatterError::Unterminated { line: 1 });
    }

    #[test]
    fn front_matter_that_is_not_a_mapping_is_refused() {
        let err = parse("---\n- a\n- b\n---\nbody", now()).unwrap_err();
        assert_eq!(err, FrontMatterError::NotAMapping { line: 2 });
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = parse_bytes(b"---\ntitle: ok\n---\nbaris satu\nab\xffcd", now()).unwrap_err();
        assert_eq!(err, FrontMatterError::InvalidUtf8 { line: 5, column: 3 });
    }

    #[test]
    fn missing_identity_fields_are_filled_in() {
        let article = parse("---\ntitle: Baru\n---\n", now()).unwrap();
        assert_eq!(article.created_at, now());
        assert_eq!(article.updated_at, now());
        assert_eq!(article.meta.status, Status::Draft);
    }
}
