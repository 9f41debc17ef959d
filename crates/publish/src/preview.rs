//! What a publish will send, before it is sent: the same payload builders the outbox worker
//! uses, without the network. Values only the site can give (term ids, uploaded image URLs,
//! registered SEO meta keys) are shown as what Redaksi will resolve, and listed in `pending`.

use chrono::{DateTime, Utc};
use redaksi_article::Article;
use serde::Serialize;
use serde_json::{Value, json};

use crate::PublishError;
use crate::wordpress::{self, PostFields};
use crate::{ghost, payload};

/// The body of the request a CMS target will receive, and what is filled in only at send time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayloadPreview {
    /// `wordpress` or `ghost`.
    pub kind: String,
    pub payload: Value,
    /// Values the site supplies when the post is sent, each as "field: what".
    pub pending: Vec<String>,
}

/// The payload for `kind` (`wordpress` or `ghost`), built as the worker builds it.
pub fn preview(
    article: &Article,
    kind: &str,
    target: &str,
    status: &str,
    at: Option<DateTime<Utc>>,
) -> Result<PayloadPreview, PublishError> {
    let images = payload::local_images(article, None);
    let mut pending: Vec<String> = images
        .iter()
        .map(|i| format!("image: {} is uploaded and its URL rewritten", i.reference))
        .collect();
    let html = payload::body_html(article, &Default::default());
    let payload = match kind {
        "wordpress" => {
            let fields = PostFields {
                title: article.title.clone(),
                content: html,
                excerpt: article.meta.description.clone(),
                slug: payload::slug(article),
                status: status.to_owned(),
                date_gmt: (status == "future")
                    .then(|| at.or(article.meta.publish_at))
                    .flatten()
                    .map(wordpress::wp_date),
                ..PostFields::default()
            };
            let mut value = serde_json::to_value(&fields).map_err(|e| {
                PublishError::Invalid(format!("the post could not be serialised: {e}"))
            })?;
            // Term ids exist only on the site: the worker looks each name up (or creates it).
            if let Some(category) = &article.meta.category {
                value["categories"] = json!([category]);
                pending.push(format!("categories: {category:?} is resolved to its id"));
            }
            if !article.meta.tags.is_empty() {
                value["tags"] = json!(article.meta.tags);
                pending.push("tags: each name is resolved to its id".into());
            }
            if article.meta.seo_title.is_some()
                || article.meta.description.is_some()
                || !article.meta.keywords.is_empty()
            {
                pending.push(
                    "meta: SEO fields are written where the site accepts them, then read back"
                        .into(),
                );
            }
            value
        }
        "ghost" => {
            let mut article = article.clone();
            if let Some(at) = at {
                article.meta.publish_at = Some(at);
            }
            ghost::post_json(target, &article, &html, status, None)?
        }
        other => {
            return Err(PublishError::Invalid(format!(
                "unknown target kind {other:?} (expected wordpress or ghost)"
            )));
        }
    };
    Ok(PayloadPreview {
        kind: kind.to_owned(),
        payload,
        pending,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn article() -> Article {
        let mut a = Article::new(
            "Banjir Rob",
            "Air **naik**.\n\n<script>alert(1)</script>\n\n![foto](img/a.png)",
            Utc::now(),
        );
        a.meta.description = Some("Ringkasan".into());
        a.meta.tags = vec!["banjir".into()];
        a
    }

    #[test]
    fn wordpress_preview_is_the_sanitised_post_with_the_schedule() {
        let at = Utc.with_ymd_and_hms(2030, 1, 2, 3, 4, 5).unwrap();
        let p = preview(&article(), "wordpress", "situs", "future", Some(at)).unwrap();
        assert_eq!(p.payload["title"], "Banjir Rob");
        assert_eq!(p.payload["slug"], "banjir-rob");
        assert_eq!(p.payload["status"], "future");
        assert_eq!(p.payload["date_gmt"], "2030-01-02T03:04:05");
        assert_eq!(p.payload["excerpt"], "Ringkasan");
        assert_eq!(p.payload["tags"], json!(["banjir"]));
        let content = p.payload["content"].as_str().unwrap();
        assert!(content.contains("<strong>naik</strong>"), "{content}");
        assert!(!content.contains("script"), "{content}");
        assert!(
            p.pending.iter().any(|n| n.contains("img/a.png")),
            "{:?}",
            p.pending
        );
    }

    #[test]
    fn ghost_preview_uses_ghost_names_and_limits() {
        let p = preview(&article(), "ghost", "blog", "publish", None).unwrap();
        assert_eq!(p.payload["status"], "published");
        assert_eq!(p.payload["custom_excerpt"], "Ringkasan");
        let mut long = article();
        long.title = "x".repeat(300);
        let err = preview(&long, "ghost", "blog", "draft", None).unwrap_err();
        assert_eq!(err.code(), "too_long");
    }

    #[test]
    fn an_unknown_kind_is_refused_by_name() {
        let err = preview(&article(), "medium", "m", "draft", None).unwrap_err();
        assert!(err.to_string().contains("\"medium\""), "{err}");
    }
}
