//! Ghost through its Admin API.
//!
//! Each request carries a fresh JWT (HS256 over the hex-decoded half of the Admin API key,
//! `kid` = the key id, `aud` = `/admin/`, five-minute expiry), as Ghost documents at
//! <https://ghost.org/docs/admin-api/#token-authentication>. Posts are sent as HTML
//! (`?source=html`); an update carries the `updated_at` Redaksi last saw, and Ghost answers a
//! stale one with 409, which is a conflict, never an overwrite.
//!
//! Redaksi's identity on a Ghost post is an internal tag (`#redaksi-<article id>`, slug
//! `hash-redaksi-<article id>`): Ghost keeps tags whatever it does to the HTML, and an internal
//! tag is never shown to readers. A post is adopted only when it carries it.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use redaksi_article::Article;
use reqwest::{Method, RequestBuilder, Url};
use serde_json::{Value, json};
use sha2::Sha256;
use uuid::Uuid;

use crate::PublishError;
use crate::credentials::Secret;
use crate::http::{self, excerpt};
use crate::payload;
use crate::target::{
    Built, CmsTarget, ImageUpload, PostRequest, RemoteDoc, RemoteStatus, TargetKind, Uploaded,
    Uploads,
};

/// Ghost's own limits (its schema validation), checked before anything is sent.
pub const LIMITS: [(&str, usize); 4] = [
    ("title", 255),
    ("meta_title", 300),
    ("meta_description", 500),
    ("custom_excerpt", 300),
];

/// Token lifetime: Ghost refuses tokens valid for more than five minutes.
const TOKEN_SECONDS: i64 = 5 * 60;

/// The signed token for one request. `now` is seconds since the epoch.
pub fn token(admin_key: &Secret, now: i64) -> Result<String, PublishError> {
    let (id, secret_hex) = admin_key.expose().split_once(':').ok_or_else(|| {
        PublishError::Invalid("a Ghost Admin API key has the form ID:SECRET".into())
    })?;
    let secret = hex::decode(secret_hex).map_err(|_| {
        PublishError::Invalid(
            "the secret half of the Ghost Admin API key is not hexadecimal".into(),
        )
    })?;
    // Field order as Ghost's documented client (node jsonwebtoken) writes them.
    let kid = serde_json::to_string(id).expect("a string serialises");
    let header = format!(r#"{{"alg":"HS256","typ":"JWT","kid":{kid}}}"#);
    let claims = format!(
        r#"{{"iat":{now},"exp":{},"aud":"/admin/"}}"#,
        now + TOKEN_SECONDS
    );
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(claims)
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(&secret).expect("HMAC takes keys of any length");
    mac.update(signing_input.as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    Ok(format!("{signing_input}.{signature}"))
}

/// Ghost counts string length in UTF-16 units (JavaScript's `length`).
fn js_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The internal tag that marks a post as this article's.
pub fn identity_tag(article: Uuid) -> String {
    format!("#redaksi-{article}")
}

/// The slug Ghost gives [`identity_tag`] (internal tags' `#` becomes `hash-`).
fn identity_tag_slug(article: Uuid) -> String {
    format!("hash-redaksi-{article}")
}

/// Ghost's word for a status. Ghost has no review status: `pending` stays a draft.
fn ghost_status(status: RemoteStatus) -> &'static str {
    match status {
        RemoteStatus::Publish => "published",
        RemoteStatus::Future => "scheduled",
        RemoteStatus::Draft | RemoteStatus::Pending => "draft",
    }
}

/// The `posts[0]` object Ghost expects, checked against its limits.
pub fn post_json(
    target: &str,
    article: &Article,
    html: &str,
    request: &PostRequest,
    updated_at: Option<&str>,
) -> Result<Value, PublishError> {
    let m = &article.meta;
    let mut post = json!({
        "title": article.title,
        "html": html,
        "slug": article.slug(),
        "status": ghost_status(request.status),
    });
    if let Some(v) = &m.seo_title {
        post["meta_title"] = json!(v);
    }
    if let Some(v) = &m.description {
        post["meta_description"] = json!(v);
        post["custom_excerpt"] = json!(v);
    }
    if let Some(at) = request
        .at
        .or(m.publish_at)
        .filter(|_| request.status == RemoteStatus::Future)
    {
        post["published_at"] = json!(at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true));
    }
    let tags: Vec<Value> = m
        .category
        .iter()
        .chain(&m.tags)
        .cloned()
        .chain([identity_tag(article.id)])
        .map(|name| json!({ "name": name }))
        .collect();
    post["tags"] = Value::Array(tags);
    if let Some(updated_at) = updated_at {
        post["updated_at"] = json!(updated_at);
    }
    for (field, max) in LIMITS {
        if let Some(text) = post[field].as_str() {
            let len = js_len(text);
            if len > max {
                return Err(PublishError::TooLong {
                    target: target.to_owned(),
                    field,
                    len,
                    max,
                });
            }
        }
    }
    Ok(post)
}

/// Reads the first post of `{"posts":[{...}]}`.
pub fn parse_posts(body: &Value) -> Result<RemoteDoc, PublishError> {
    parse_post(&body["posts"][0]).ok_or_else(|| {
        PublishError::Invalid(format!(
            "Ghost answered without a post id/updated_at: {}",
            excerpt(&body.to_string())
        ))
    })
}

fn parse_post(p: &Value) -> Option<RemoteDoc> {
    let s = |k: &str| p[k].as_str().unwrap_or_default().to_owned();
    Some(RemoteDoc {
        id: p["id"].as_str()?.to_owned(),
        version: p["updated_at"].as_str()?.to_owned(),
        url: s("url"),
        slug: s("slug"),
        status: s("status"),
        title: s("title"),
        html: s("html"),
        raw: p.clone(),
    })
}

/// Whether a post carries this article's identity tag.
pub fn is_ours(post: &RemoteDoc, article: Uuid) -> bool {
    let slug = identity_tag_slug(article);
    post.raw["tags"]
        .as_array()
        .is_some_and(|tags| tags.iter().any(|t| t["slug"] == slug.as_str()))
}

/// Reads `{"errors":[{"message","context","type"}]}` into the error the user sees.
pub fn parse_error(
    target: &str,
    status: u16,
    body: &Value,
    retry_after: Option<std::time::Duration>,
) -> PublishError {
    let e = &body["errors"][0];
    let kind = e["type"].as_str().unwrap_or("UnknownError");
    if status == 409 || kind == "UpdateCollisionError" {
        return PublishError::Conflict {
            target: target.to_owned(),
            remote: "newer".into(),
            ours: "stale updated_at".into(),
        };
    }
    let mut message = e["message"].as_str().unwrap_or("error").to_owned();
    if let Some(context) = e["context"].as_str() {
        message.push_str(": ");
        message.push_str(context);
    }
    PublishError::Remote {
        target: target.to_owned(),
        status,
        code: excerpt(kind),
        message: excerpt(&message),
        retry_after,
    }
}

/// One Ghost site.
#[derive(Clone)]
pub struct Ghost {
    name: String,
    base: String,
    key: Secret,
    http: reqwest::Client,
}

impl Ghost {
    pub fn new(name: &str, base: &str, key: Secret, http: reqwest::Client) -> Self {
        Ghost {
            name: name.to_owned(),
            base: base.trim_end_matches('/').to_owned(),
            key,
            http,
        }
    }

    /// The Admin API address of `segments` (each percent-encoded) with `query`.
    pub fn url(&self, segments: &[&str], query: &[(&str, &str)]) -> Result<Url, PublishError> {
        let mut url = Url::parse(&format!("{}/ghost/api/admin/", self.base)).map_err(|e| {
            PublishError::Invalid(format!("the address of {} is not a URL: {e}", self.name))
        })?;
        url.path_segments_mut()
            .map_err(|()| {
                PublishError::Invalid(format!("the address of {} has no path", self.name))
            })?
            .pop_if_empty()
            .extend(segments)
            // Ghost's routes end with a slash.
            .push("");
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }

    fn request(&self, method: Method, url: Url) -> Result<RequestBuilder, PublishError> {
        let token = token(&self.key, chrono::Utc::now().timestamp())?;
        Ok(self
            .http
            .request(method, url)
            .header("Authorization", format!("Ghost {token}"))
            .header("Accept-Version", "v5.0"))
    }

    async fn send(&self, builder: RequestBuilder) -> Result<Value, PublishError> {
        let response = builder
            .send()
            .await
            .map_err(|e| http::network_error(&self.name, e))?;
        let answer = http::read_capped(&self.name, response, http::MAX_RESPONSE_BYTES).await?;
        let body: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
        if answer.status.is_success() {
            Ok(body)
        } else {
            Err(parse_error(
                &self.name,
                answer.status.as_u16(),
                &body,
                answer.retry_after,
            ))
        }
    }

    async fn posts(&self, query: &[(&str, &str)]) -> Result<Vec<RemoteDoc>, PublishError> {
        let mut all = vec![("formats", "html"), ("include", "tags")];
        all.extend_from_slice(query);
        let body = self
            .send(self.request(Method::GET, self.url(&["posts"], &all)?)?)
            .await?;
        Ok(body["posts"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(parse_post)
            .collect())
    }
}

impl CmsTarget for Ghost {
    type Site = ();

    const BODY_FIELD: &'static str = "html";

    const KIND: TargetKind = TargetKind::Ghost;

    fn name(&self) -> &str {
        &self.name
    }

    fn build(
        target: &str,
        article: &Article,
        request: &PostRequest,
        images: &Uploads,
        _site: Option<&()>,
    ) -> Result<Built, PublishError> {
        let html = payload::body_html(article, images);
        let mut payload = post_json(target, article, &html, request, None)?;
        if let Some(src) = article.meta.featured_image.as_ref().map(|f| &f.src) {
            payload["feature_image"] = json!(images.get(src).map_or(src, |image| &image.url));
        }
        Ok(Built {
            payload,
            pending: Vec::new(),
        })
    }

    async fn resolve(&self, _article: &Article) -> Result<(), PublishError> {
        Ok(())
    }

    /// Uploads an image (`multipart/form-data`, field `file`); Ghost gives only its URL.
    async fn upload(&self, image: ImageUpload) -> Result<Uploaded, PublishError> {
        let part = reqwest::multipart::Part::bytes(image.bytes)
            .file_name(image.file_name)
            .mime_str(image.mime)
            .map_err(|e| PublishError::Invalid(e.to_string()))?;
        let form = reqwest::multipart::Form::new()
            .part("file", part)
            .text("purpose", "image");
        let body = self
            .send(
                self.request(Method::POST, self.url(&["images", "upload"], &[])?)?
                    .multipart(form),
            )
            .await?;
        let url = body["images"][0]["url"].as_str().ok_or_else(|| {
            PublishError::Invalid(format!(
                "Ghost answered an image upload without a URL: {}",
                excerpt(&body.to_string())
            ))
        })?;
        Ok(Uploaded {
            id: url.to_owned(),
            url: url.to_owned(),
        })
    }

    /// By the identity tag, then by slug; a post without the identity tag is never adopted,
    /// whatever its slug.
    async fn find_own(&self, article: Uuid, slug: &str) -> Result<Option<RemoteDoc>, PublishError> {
        let filter = format!("tag:{}", identity_tag_slug(article));
        let tagged = self
            .posts(&[("filter", filter.as_str()), ("limit", "5")])
            .await?;
        if let Some(post) = tagged.into_iter().find(|p| is_ours(p, article)) {
            return Ok(Some(post));
        }
        let url = self.url(
            &["posts", "slug", slug],
            &[("formats", "html"), ("include", "tags")],
        )?;
        match self.send(self.request(Method::GET, url)?).await {
            Ok(body) => Ok(Some(parse_posts(&body)?).filter(|p| is_ours(p, article))),
            Err(PublishError::Remote { status: 404, .. }) => Ok(None),
            Err(err) => Err(err),
        }
    }

    async fn fetch(&self, id: &str) -> Result<RemoteDoc, PublishError> {
        let url = self.url(&["posts", id], &[("formats", "html"), ("include", "tags")])?;
        parse_posts(&self.send(self.request(Method::GET, url)?).await?)
    }

    async fn list(&self, page: u32, per_page: u32) -> Result<Vec<RemoteDoc>, PublishError> {
        let (page, limit) = (page.max(1).to_string(), per_page.clamp(1, 100).to_string());
        self.posts(&[
            ("page", page.as_str()),
            ("limit", limit.as_str()),
            ("order", "updated_at desc"),
        ])
        .await
    }

    async fn create(&self, body: &Value) -> Result<RemoteDoc, PublishError> {
        let url = self.url(&["posts"], &[("source", "html")])?;
        parse_posts(
            &self
                .send(
                    self.request(Method::POST, url)?
                        .json(&json!({ "posts": [body] })),
                )
                .await?,
        )
    }

    /// Carries the `updated_at` of `current`: Ghost answers 409 if the post changed since.
    async fn update(&self, current: &RemoteDoc, body: &Value) -> Result<RemoteDoc, PublishError> {
        let mut body = body.clone();
        body["updated_at"] = json!(current.version);
        let url = self.url(&["posts", current.id.as_str()], &[("source", "html")])?;
        parse_posts(
            &self
                .send(
                    self.request(Method::PUT, url)?
                        .json(&json!({ "posts": [body] })),
                )
                .await?,
        )
    }

    async fn complete(
        &self,
        post: RemoteDoc,
        _article: &Article,
        _site: &(),
    ) -> Result<(RemoteDoc, Value), PublishError> {
        let report = json!({ "slug": post.slug, "status": post.status });
        Ok((post, report))
    }
}
