//! IPTC ninjs 2.2 (News in JSON). The mapping follows the issue:
//! id → `uri`, revision → `version`, headline → `headlines`, description → `descriptions`,
//! HTML body with counts → `bodies`, byline → `by`, dateline → `located`, category and tags
//! (and focus keywords) → `subjects`, embargo → `embargoed`, editor's note → `ednote`,
//! language → `language`, slug → `slugline`, featured image → an `associations` picture.

use redaksi_article::{Article, render};
use serde_json::{Value, json};

use crate::export::{Dropped, ExportContext, dropped_fields};
use crate::text;

const SCHEMA_URI: &str = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";

pub(crate) fn document(article: &Article, ctx: &ExportContext) -> (Value, Vec<Dropped>) {
    let m = &article.meta;
    let mut doc = serde_json::Map::new();
    let mut dropped = Vec::new();
    doc.insert("uri".into(), json!(format!("urn:uuid:{}", article.id)));
    doc.insert(
        "standard".into(),
        json!({"name": "ninjs", "version": "2.2", "schema": SCHEMA_URI}),
    );
    doc.insert("type".into(), json!("text"));
    if let Some(revision) = ctx.revision {
        doc.insert("version".into(), json!(revision.to_string()));
    }
    doc.insert(
        "firstcreated".into(),
        json!(article.created_at.to_rfc3339()),
    );
    doc.insert(
        "versioncreated".into(),
        json!(article.updated_at.to_rfc3339()),
    );

    let mut headlines = vec![json!({"role": "main", "value": article.title})];
    if let Some(seo) = &m.seo_title {
        headlines.push(json!({"role": "seo", "value": seo}));
    }
    doc.insert("headlines".into(), Value::Array(headlines));
    if let Some(description) = &m.description {
        doc.insert(
            "descriptions".into(),
            json!([{"role": "summary", "contenttype": "text/plain", "value": description}]),
        );
    }
    let counts = text::counts(&article.body);
    doc.insert(
        "bodies".into(),
        json!([{
            "role": "main",
            "contenttype": "text/html",
            "value": render::to_safe_html(&article.body),
            "wordcount": counts.words,
            "charcount": counts.chars,
        }]),
    );
    if let Some(by) = &m.byline {
        doc.insert("by".into(), json!(by));
    }
    if let Some(located) = &m.dateline {
        doc.insert("located".into(), json!(located));
    }
    if let Some(slug) = &m.slug {
        doc.insert("slugline".into(), json!(slug));
    }
    let subjects: Vec<Value> = m
        .category
        .iter()
        .map(|c| json!({"name": c, "rel": "category"}))
        .chain(m.tags.iter().map(|t| json!({"name": t, "rel": "tag"})))
        .chain(
            m.keywords
                .iter()
                .map(|k| json!({"name": k.phrase, "rel": "keyword"})),
        )
        .collect();
    if !subjects.is_empty() {
        doc.insert("subjects".into(), Value::Array(subjects));
    }
    if let Some(embargo) = m.embargo {
        doc.insert("embargoed".into(), json!(embargo.to_rfc3339()));
    }
    if let Some(note) = &m.editor_note {
        doc.insert("ednote".into(), json!(note));
    }
    if let Some(lang) = m.lang {
        doc.insert("language".into(), json!(lang.code()));
    }
    let mut held = vec![
        "seo_title",
        "slug",
        "description",
        "keywords",
        "lang",
        "byline",
        "dateline",
        "category",
        "tags",
        "editor_note",
        "embargo",
    ];
    if let Some(image) = &m.featured_image {
        // ninjs wants an absolute URI for an association; a path relative to the article's
        // folder has no meaning to a receiving newsroom.
        if is_absolute_uri(&image.src) {
            let mut picture = json!({
                "name": "featureimage",
                "uri": image.src,
                "type": "picture",
                "renditions": [{"name": "original", "href": image.src}],
            });
            if let Some(alt) = &image.alt {
                picture["descriptions"] = json!([{"role": "alt", "value": alt}]);
            }
            doc.insert("associations".into(), json!([picture]));
            held.push("featured_image");
        } else {
            dropped.push(Dropped {
                field: "featured_image",
                reason: "ninjs needs an absolute image URI; this one is a local path",
            });
        }
    }
    dropped.extend(
        dropped_fields(article, &held)
            .into_iter()
            .filter(|d| d.field != "featured_image"),
    );
    (Value::Object(doc), dropped)
}

fn is_absolute_uri(src: &str) -> bool {
    src.split_once(':').is_some_and(|(scheme, rest)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && rest.starts_with("//")
    })
}
