//! The article as a CMS receives it: sanitised HTML with image URLs pointing at the CMS's
//! copies, a marker that lets Redaksi find its own post again, and the local images to upload.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Tag};
use redaksi_article::{Article, markdown, render};
use uuid::Uuid;

use crate::PublishError;

/// An HTML comment carried in the post body. After a lost response, the outbox finds the post
/// it may already have created by this marker, not by a slug WordPress may have changed.
pub fn marker(article_id: Uuid) -> String {
    format!("<!-- redaksi:{article_id} -->")
}

/// A local image the post needs on the CMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalImage {
    /// The reference as written in the article (what gets rewritten).
    pub reference: String,
    pub path: PathBuf,
}

/// Image references that point at files on this machine (not http(s) or data URLs), in order,
/// each once. The featured image comes first.
pub fn local_images(article: &Article, media_root: Option<&Path>) -> Vec<LocalImage> {
    let mut refs: Vec<String> = Vec::new();
    if let Some(image) = &article.meta.featured_image {
        refs.push(image.src.clone());
    }
    for event in markdown::parser(&article.body) {
        if let Event::Start(Tag::Image { dest_url, .. }) = event {
            refs.push(dest_url.to_string());
        }
    }
    let mut seen = std::collections::HashSet::new();
    refs.into_iter()
        .filter(|r| seen.insert(r.clone()))
        .filter_map(|reference| {
            let path = local_path(&reference, media_root)?;
            Some(LocalImage { reference, path })
        })
        .collect()
}

fn local_path(reference: &str, media_root: Option<&Path>) -> Option<PathBuf> {
    let lower = reference.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("data:") {
        return None;
    }
    let raw = reference.strip_prefix("file://").unwrap_or(reference);
    let path = Path::new(raw);
    if path.is_absolute() {
        Some(path.to_path_buf())
    } else {
        Some(media_root.map_or_else(|| path.to_path_buf(), |root| root.join(path)))
    }
}

/// Sanitised HTML of the body with each image reference in `uploaded` replaced by the CMS URL,
/// followed by the Redaksi marker.
pub fn body_html(article: &Article, uploaded: &HashMap<String, String>) -> String {
    let events = markdown::parser(&article.body).map(|event| match event {
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = uploaded
                .get(dest_url.as_ref())
                .map_or(dest_url, |url| url.clone().into());
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    });
    let mut html = String::with_capacity(article.body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    let mut html = render::sanitize(&html);
    html.push_str(&marker(article.id));
    html
}

/// The media type WordPress and Ghost need for an upload, from the file name.
pub fn image_mime(path: &Path) -> Result<&'static str, PublishError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    Ok(match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => {
            return Err(PublishError::Image {
                path: path.display().to_string(),
                message: "SVG is refused by WordPress uploads (format tidak didukung)".into(),
            });
        }
        _ => {
            return Err(PublishError::Image {
                path: path.display().to_string(),
                message: format!("unknown image type {ext:?} (jenis gambar tidak dikenal)"),
            });
        }
    })
}

/// A slug for the CMS: the article's own, else one made from the title.
pub fn slug(article: &Article) -> String {
    if let Some(slug) = article
        .meta
        .slug
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        return slug.trim().to_owned();
    }
    let mut out = String::new();
    for c in article.title.to_lowercase().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        article.id.to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use redaksi_article::FeaturedImage;

    #[test]
    fn local_images_are_found_once_and_remote_ones_left_alone() {
        let mut a = Article::new(
            "J",
            "![a](img/a.png) ![b](https://cdn.example/b.png) ![a again](img/a.png) ![c](/abs/c.jpg)",
            Utc::now(),
        );
        a.meta.featured_image = Some(FeaturedImage {
            src: "file:///abs/f.jpg".into(),
            alt: None,
        });
        let images = local_images(&a, Some(Path::new("/media")));
        let paths: Vec<_> = images
            .iter()
            .map(|i| i.path.display().to_string())
            .collect();
        assert_eq!(paths, ["/abs/f.jpg", "/media/img/a.png", "/abs/c.jpg"]);
    }

    #[test]
    fn uploaded_images_are_rewritten_and_scripts_removed() {
        let a = Article::new("J", "![a](img/a.png)\n\n<script>x()</script>", Utc::now());
        let map = HashMap::from([("img/a.png".to_owned(), "http://wp/a.png".to_owned())]);
        let html = body_html(&a, &map);
        assert!(html.contains("src=\"http://wp/a.png\""), "{html}");
        assert!(
            !html.contains("img/a.png") && !html.contains("<script"),
            "{html}"
        );
        assert!(html.ends_with(&marker(a.id)));
    }

    #[rstest::rstest]
    #[case("Banjir Rob di Jakarta Utara!", "banjir-rob-di-jakarta-utara")]
    #[case("  Ekonomi: 5% tumbuh ", "ekonomi-5-tumbuh")]
    fn slugs_come_from_titles(#[case] title: &str, #[case] expected: &str) {
        assert_eq!(slug(&Article::new(title, "", Utc::now())), expected);
    }
}
