//! The article as a CMS receives it: WordPress content in core blocks, or sanitised HTML for
//! Ghost, with image URLs pointing at the CMS's copies; a marker that lets Redaksi find its own
//! post again where the site keeps no identity meta; and which images to upload.

use std::path::{Path, PathBuf};

use redaksi_article::pulldown_cmark::{self, Event, Tag};
use redaksi_article::{Article, markdown, render};
use redaksi_blocks::Form;
use uuid::Uuid;

use crate::PublishError;
use crate::target::Uploads;

/// An HTML comment carried in the post body. After a lost response, the outbox finds the post
/// it may already have created by this marker, not by a slug WordPress may have changed.
pub fn marker(article_id: Uuid) -> String {
    format!("<!-- redaksi:{article_id} -->")
}

/// Where an article's image comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageSource {
    /// Already on the web (`http(s)://`, `data:`): sent as it is.
    Remote,
    /// In Redaksi's media store (`media/<sha-256>.<ext>`, what "Insert image" writes),
    /// relative to the data folder: uploaded.
    Stored,
}

/// The images of an article, in order, each once, the featured image first: those in the
/// media store (to upload) and those already on the web. Any other reference (a path on this
/// machine, `file://`, `../`) is an error naming the image: publishing never uploads a file
/// the user did not put into Redaksi.
pub fn article_images(article: &Article) -> Result<Vec<(String, ImageSource)>, PublishError> {
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
        .map(|reference| {
            let source = image_source(&reference)?;
            Ok((reference, source))
        })
        .collect()
}

fn image_source(reference: &str) -> Result<ImageSource, PublishError> {
    let lower = reference.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("data:") {
        return Ok(ImageSource::Remote);
    }
    let stored = reference.strip_prefix("media/").and_then(|name| {
        let (hash, ext) = name.split_once('.')?;
        let is_hash =
            hash.len() == 64 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        let is_ext = !ext.is_empty() && ext.bytes().all(|b| b.is_ascii_alphanumeric());
        (is_hash && is_ext).then_some(())
    });
    match stored {
        Some(()) => Ok(ImageSource::Stored),
        None => Err(PublishError::Image {
            path: reference.to_owned(),
            message: "is not in Redaksi's media; only images inserted into an article are uploaded"
                .into(),
        }),
    }
}

/// The file of a stored image (`media/<hash>.<ext>`) in the data folder.
pub fn stored_image_path(data_dir: &Path, reference: &str) -> PathBuf {
    data_dir.join(reference)
}

/// Sanitised HTML of the body with each image reference in `uploaded` replaced by the CMS URL,
/// followed by the Redaksi marker.
pub fn body_html(article: &Article, uploaded: &Uploads) -> String {
    let events = markdown::parser(&article.body).map(|event| match event {
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = uploaded
                .get(dest_url.as_ref())
                .map_or(dest_url, |image| image.url.clone().into());
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

/// The front-matter key that records the form a pulled WordPress post was written in
/// (`classic`); without it, posts go out as core blocks.
pub const WORDPRESS_FORM_KEY: &str = "wordpress_form";

/// The form WordPress content for `article` is written in: classic for a post pulled from the
/// classic editor (so it goes back as it came), else core blocks.
pub fn wordpress_form(article: &Article) -> Form {
    match article
        .meta
        .extra
        .get(WORDPRESS_FORM_KEY)
        .and_then(|v| v.as_str())
    {
        Some("classic") => Form::Classic,
        _ => Form::Blocks,
    }
}

/// The front-matter key that keeps the identity a pulled post already carried (`""` for none),
/// so sending it back never gives the post another article's identity.
pub const WORDPRESS_IDENTITY_KEY: &str = "wordpress_identity";

/// The identity the post of `article` carries on WordPress: its own id, or for a pulled post
/// the one it came with (`None` when it had none).
pub fn wordpress_identity(article: &Article) -> Option<String> {
    match article
        .meta
        .extra
        .get(WORDPRESS_IDENTITY_KEY)
        .and_then(|v| v.as_str())
    {
        Some("") => None,
        Some(theirs) => Some(theirs.to_owned()),
        None => Some(article.id.to_string()),
    }
}

/// The article as WordPress content: its Markdown with each uploaded image's reference
/// replaced by the CMS URL, written by `redaksi_blocks` as the core blocks the block editor
/// saves (so the post opens there as native blocks) or as classic HTML for a classic post. Raw
/// HTML the reporter wrote goes out as written: WordPress filters it by the account's role
/// (`unfiltered_html`), and a pulled post must go back byte for byte. With `with_marker` the
/// marker comment follows as a block of its own, for sites that do not keep the identity meta.
pub fn wordpress_content(article: &Article, uploaded: &Uploads, with_marker: bool) -> String {
    let mut markdown = article.body.clone();
    for (reference, image) in uploaded {
        // Stored references are `media/<sha-256>.<ext>`: nothing else in a text looks like one.
        if reference.starts_with("media/") {
            markdown = markdown.replace(reference.as_str(), &image.url);
        }
    }
    let mut content = redaksi_blocks::to_content(&markdown, wordpress_form(article));
    if with_marker {
        if !content.is_empty() {
            content.push_str("\n\n");
        }
        content.push_str(&marker(article.id));
    }
    content
}

/// WordPress content without Redaksi's marker comments (and the blank line each was written
/// after), so a pulled post reads as the people writing it see it.
pub fn strip_marker(content: &str) -> String {
    const OPEN: &str = "<!-- redaksi:";
    const CLOSE: &str = " -->";
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(at) = rest.find(OPEN) {
        let after = &rest[at + OPEN.len()..];
        let is_marker = after.len() >= 36 + CLOSE.len()
            && after.is_char_boundary(36)
            && Uuid::parse_str(&after[..36]).is_ok()
            && after[36..].starts_with(CLOSE);
        if is_marker {
            out.push_str(rest[..at].strip_suffix("\n\n").unwrap_or(&rest[..at]));
            rest = &after[36 + CLOSE.len()..];
        } else {
            out.push_str(&rest[..at + OPEN.len()]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
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
                message: "SVG is refused by CMS uploads".into(),
            });
        }
        _ => {
            return Err(PublishError::Image {
                path: path.display().to_string(),
                message: format!("unknown image type {ext:?}"),
            });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use redaksi_article::FeaturedImage;

    const HASH: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn stored_and_web_images_are_found_once_featured_first() {
        let mut a = Article::new(
            "J",
            format!(
                "![a](media/{HASH}.png) ![b](https://cdn.example/b.png) ![a again](media/{HASH}.png)"
            ),
            Utc::now(),
        );
        a.meta.featured_image = Some(FeaturedImage {
            src: format!("media/{HASH}.jpg"),
            alt: None,
        });
        let images = article_images(&a).unwrap();
        assert_eq!(
            images,
            [
                (format!("media/{HASH}.jpg"), ImageSource::Stored),
                (format!("media/{HASH}.png"), ImageSource::Stored),
                ("https://cdn.example/b.png".to_owned(), ImageSource::Remote),
            ]
        );
        assert_eq!(
            stored_image_path(Path::new("/data"), &images[0].0),
            Path::new(&format!("/data/media/{HASH}.jpg"))
        );
    }

    #[rstest::rstest]
    #[case::home("/home/u/id-card.jpg")]
    #[case::file_url("file:///home/u/id-card.jpg")]
    #[case::parent("../id-card.jpg")]
    #[case::relative("img/a.png")]
    #[case::media_escape("media/../../id-card.jpg")]
    #[case::media_not_a_hash("media/id-card.jpg")]
    fn an_image_outside_redaksis_media_is_an_error_naming_it(#[case] reference: &str) {
        for featured in [false, true] {
            let mut a = Article::new("J", "", Utc::now());
            if featured {
                a.meta.featured_image = Some(FeaturedImage {
                    src: reference.into(),
                    alt: None,
                });
            } else {
                a.body = format!("Teks.\n\n![kartu]({reference})");
            }
            match article_images(&a) {
                Err(PublishError::Image { path, .. }) => assert_eq!(path, reference),
                other => panic!("{reference} (featured: {featured}): {other:?}"),
            }
        }
    }

    #[test]
    fn uploaded_images_are_rewritten_and_scripts_removed() {
        let a = Article::new("J", "![a](img/a.png)\n\n<script>x()</script>", Utc::now());
        let map = Uploads::from([(
            "img/a.png".to_owned(),
            crate::target::Uploaded {
                id: "7".into(),
                url: "http://wp/a.png".into(),
            },
        )]);
        let html = body_html(&a, &map);
        assert!(html.contains("src=\"http://wp/a.png\""), "{html}");
        assert!(
            !html.contains("img/a.png") && !html.contains("<script"),
            "{html}"
        );
        assert!(html.ends_with(&marker(a.id)));
    }

    #[test]
    fn wordpress_content_is_core_blocks_with_uploaded_urls_and_the_marker_only_when_asked() {
        let mut a = Article::new(
            "J",
            format!("Teks **tebal**.\n\n![a](media/{HASH}.png)"),
            Utc::now(),
        );
        let map = Uploads::from([(
            format!("media/{HASH}.png"),
            crate::target::Uploaded {
                id: "7".into(),
                url: "http://wp/a.png".into(),
            },
        )]);
        let content = wordpress_content(&a, &map, false);
        assert!(
            content.starts_with("<!-- wp:paragraph -->\n<p>Teks <strong>tebal</strong>.</p>"),
            "{content}"
        );
        assert!(content.contains("<!-- wp:image"), "{content}");
        assert!(content.contains("src=\"http://wp/a.png\""), "{content}");
        assert!(
            !content.contains("media/") && !content.contains("redaksi:"),
            "{content}"
        );
        let marked = wordpress_content(&a, &map, true);
        assert_eq!(marked, format!("{content}\n\n{}", marker(a.id)));
        assert_eq!(strip_marker(&marked), content);

        a.meta
            .extra
            .insert(WORDPRESS_FORM_KEY.into(), "classic".into());
        a.body = "Satu.\n\nDua.".into();
        assert_eq!(
            wordpress_content(&a, &Uploads::new(), false),
            "Satu.\n\nDua."
        );
    }

    #[test]
    fn only_real_markers_are_stripped() {
        let id = Uuid::new_v4();
        let old_style = format!("<p>Isi</p>{}", marker(id));
        assert_eq!(strip_marker(&old_style), "<p>Isi</p>");
        let lookalike = "<!-- redaksi:not-a-uuid --> teks <!-- redaksi:";
        assert_eq!(strip_marker(lookalike), lookalike);
    }
}
