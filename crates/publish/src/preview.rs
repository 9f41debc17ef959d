//! What a publish will send, before it is sent: the body is built by the target's own
//! [`CmsTarget::build`], the function the send uses, without the site. Values only the site
//! can give (term ids, uploaded image URLs, accepted SEO meta keys) are shown as what Redaksi
//! will resolve, and listed in `pending`. For WordPress it also shows Rank Math's fields as
//! the send stores them when the site runs Rank Math ([`RankMathFields::for_article`]).

use chrono::{DateTime, Utc};
use redaksi_article::Article;
use serde::Serialize;
use serde_json::Value;

use crate::PublishError;
use crate::ghost::Ghost;
use crate::payload::{self, ImageSource};
use crate::rankmath::RankMathFields;
use crate::target::{CmsTarget, PostRequest, RemoteStatus, TargetKind, Uploads};
use crate::wordpress::WordPress;

/// The body of the request a CMS target will receive, and what is filled in only at send time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayloadPreview {
    pub kind: TargetKind,
    pub payload: Value,
    /// Values the site supplies when the post is sent, each as "field: what".
    pub pending: Vec<String>,
    /// What a WordPress target stores in Rank Math's own fields when the site runs it.
    pub rank_math: Option<RankMathFields>,
}

/// The payload for `kind` (`wordpress` or `ghost`), built as the send builds it, for the
/// target `target` at `site_url`.
pub fn preview(
    article: &Article,
    kind: &str,
    target: &str,
    site_url: &str,
    status: &str,
    at: Option<DateTime<Utc>>,
) -> Result<PayloadPreview, PublishError> {
    let kind: TargetKind = kind.parse()?;
    let request = PostRequest {
        status: status.parse::<RemoteStatus>()?,
        at: at.or(article.meta.publish_at),
    };
    let mut pending: Vec<String> = payload::article_images(article)?
        .into_iter()
        .filter(|(_, source)| *source == ImageSource::Stored)
        .map(|(reference, _)| format!("image: {reference} is uploaded and its URL rewritten"))
        .collect();
    let none = Uploads::new();
    let built = match kind {
        TargetKind::Wordpress => WordPress::build(target, article, &request, &none, None)?,
        TargetKind::Ghost => Ghost::build(target, article, &request, &none, None)?,
    };
    pending.extend(built.pending);
    let rank_math =
        (kind == TargetKind::Wordpress).then(|| RankMathFields::for_article(article, site_url));
    Ok(PayloadPreview {
        kind,
        payload: built.payload,
        pending,
        rank_math,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::json;

    const SITE: &str = "https://berita.example";

    fn article() -> Article {
        let mut a = Article::new(
            "Banjir Rob",
            "Air **naik**.\n\n<script>alert(1)</script>\n\n![foto](media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.png)",
            Utc::now(),
        );
        a.meta.description = Some("Ringkasan".into());
        a.meta.tags = vec!["banjir".into()];
        a
    }

    #[test]
    fn wordpress_preview_is_the_post_as_core_blocks_with_the_schedule() {
        let at = Utc.with_ymd_and_hms(2030, 1, 2, 3, 4, 5).unwrap();
        let p = preview(&article(), "wordpress", "situs", SITE, "future", Some(at)).unwrap();
        assert_eq!(p.payload["title"], "Banjir Rob");
        assert_eq!(p.payload["slug"], "banjir-rob");
        assert_eq!(p.payload["status"], "future");
        assert_eq!(p.payload["date_gmt"], "2030-01-02T03:04:05");
        assert_eq!(p.payload["excerpt"], "Ringkasan");
        assert_eq!(p.payload["tags"], json!(["banjir"]));
        let content = p.payload["content"].as_str().unwrap();
        assert!(
            content.starts_with("<!-- wp:paragraph -->\n<p>Air <strong>naik</strong>.</p>"),
            "{content}"
        );
        // Raw HTML goes out as written, in a Custom HTML block (a pulled post must go back byte
        // for byte); WordPress filters it by the account's role.
        assert!(
            content.contains("<!-- wp:html -->\n<script>alert(1)</script>\n<!-- /wp:html -->"),
            "{content}"
        );
        assert!(
            p.pending.iter().any(|n| n.contains("media/0123")),
            "{:?}",
            p.pending
        );
        let fields = p
            .rank_math
            .expect("a WordPress preview shows Rank Math's fields");
        assert_eq!(fields, RankMathFields::for_article(&article(), SITE));
        assert_eq!(fields.description, "Ringkasan");
    }

    #[test]
    fn ghost_preview_uses_ghost_names_and_limits() {
        let p = preview(&article(), "ghost", "blog", SITE, "publish", None).unwrap();
        assert_eq!(p.payload["status"], "published");
        assert_eq!(p.payload["custom_excerpt"], "Ringkasan");
        assert_eq!(p.rank_math, None, "Rank Math is a WordPress plugin");
        let mut long = article();
        long.title = "x".repeat(300);
        let err = preview(&long, "ghost", "blog", SITE, "draft", None).unwrap_err();
        assert_eq!(err.code(), "too_long");
    }

    #[test]
    fn an_unknown_kind_is_refused_by_name() {
        let err = preview(&article(), "medium", "m", SITE, "draft", None).unwrap_err();
        assert!(err.to_string().contains("\"medium\""), "{err}");
    }
}
