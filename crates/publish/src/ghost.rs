//! Ghost through its Admin API.
//!
//! Each request carries a fresh JWT (HS256 over the hex-decoded half of the Admin API key,
//! `kid` = the key id, `aud` = `/admin/`, five-minute expiry), as Ghost documents at
//! <https://ghost.org/docs/admin-api/#token-authentication>. Posts are sent as HTML
//! (`?source=html`); an update carries the `updated_at` Redaksi last saw, and Ghost answers a
//! stale one with 409, which is a conflict, never an overwrite.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use reqwest::{Method, RequestBuilder};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::PublishError;
use crate::credentials::Secret;

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
        PublishError::Invalid(
            "a Ghost Admin API key has the form ID:SECRET (kunci Admin API tidak valid)".into(),
        )
    })?;
    let secret = hex::decode(secret_hex).map_err(|_| {
        PublishError::Invalid(
            "the secret half of the Ghost Admin API key is not hexadecimal (kunci tidak valid)"
                .into(),
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

/// The `posts[0]` object Ghost expects, checked against its limits.
pub fn post_json(
    target: &str,
    article: &redaksi_article::Article,
    html: &str,
    status: &str,
    updated_at: Option<&str>,
) -> Result<Value, PublishError> {
    let m = &article.meta;
    let mut post = json!({
        "title": article.title,
        "html": html,
        "slug": crate::payload::slug(article),
        "status": match status { "publish" => "published", "future" => "scheduled", other => other },
    });
    if let Some(v) = &m.seo_title {
        post["meta_title"] = json!(v);
    }
    if let Some(v) = &m.description {
        post["meta_description"] = json!(v);
        post["custom_excerpt"] = json!(v);
    }
    if let Some(at) = m.publish_at.filter(|_| status == "future") {
        post["published_at"] = json!(at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true));
    }
    let tags: Vec<Value> = m
        .category
        .iter()
        .chain(&m.tags)
        .map(|name| json!({ "name": name }))
        .collect();
    if !tags.is_empty() {
        post["tags"] = Value::Array(tags);
    }
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

/// What Ghost answered about a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GhostPost {
    pub id: String,
    pub url: String,
    pub slug: String,
    /// The version token for the next update.
    pub updated_at: String,
    pub html: String,
}

/// Reads `{"posts":[{...}]}`.
pub fn parse_posts(body: &Value) -> Result<GhostPost, PublishError> {
    let p = &body["posts"][0];
    let s = |k: &str| p[k].as_str().unwrap_or_default().to_owned();
    if p["id"].as_str().is_none() || p["updated_at"].as_str().is_none() {
        return Err(PublishError::Invalid(format!(
            "Ghost answered without a post id/updated_at: {body}"
        )));
    }
    Ok(GhostPost {
        id: s("id"),
        url: s("url"),
        slug: s("slug"),
        updated_at: s("updated_at"),
        html: s("html"),
    })
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
        code: kind.to_owned(),
        message,
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

    fn request(&self, method: Method, path: &str) -> Result<RequestBuilder, PublishError> {
        let token = token(&self.key, chrono::Utc::now().timestamp())?;
        Ok(self
            .http
            .request(method, format!("{}/ghost/api/admin/{path}", self.base))
            .header("Authorization", format!("Ghost {token}"))
            .header("Accept-Version", "v5.0"))
    }

    async fn send(&self, builder: RequestBuilder) -> Result<Value, PublishError> {
        let response = builder.send().await.map_err(|e| PublishError::Network {
            target: self.name.clone(),
            maybe_applied: !e.is_connect(),
            message: crate::wordpress::network_message(e),
        })?;
        let status = response.status();
        let retry_after = crate::wordpress::retry_after(response.headers());
        let body: Value = response.json().await.unwrap_or(Value::Null);
        if status.is_success() {
            Ok(body)
        } else {
            Err(parse_error(&self.name, status.as_u16(), &body, retry_after))
        }
    }

    pub async fn create(&self, post: Value) -> Result<GhostPost, PublishError> {
        let body = json!({ "posts": [post] });
        parse_posts(
            &self
                .send(
                    self.request(Method::POST, "posts/?source=html")?
                        .json(&body),
                )
                .await?,
        )
    }

    pub async fn update(&self, id: &str, post: Value) -> Result<GhostPost, PublishError> {
        let body = json!({ "posts": [post] });
        parse_posts(
            &self
                .send(
                    self.request(Method::PUT, &format!("posts/{id}/?source=html"))?
                        .json(&body),
                )
                .await?,
        )
    }

    pub async fn get(&self, id: &str) -> Result<GhostPost, PublishError> {
        parse_posts(
            &self
                .send(self.request(Method::GET, &format!("posts/{id}/?formats=html"))?)
                .await?,
        )
    }

    /// After a lost answer: the post with this slug, if Ghost has one.
    pub async fn find_by_slug(&self, slug: &str) -> Result<Option<GhostPost>, PublishError> {
        match self
            .send(self.request(Method::GET, &format!("posts/slug/{slug}/?formats=html"))?)
            .await
        {
            Ok(body) => parse_posts(&body).map(Some),
            Err(PublishError::Remote { status: 404, .. }) => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// Uploads an image (`multipart/form-data`, field `file`) and returns its URL.
    pub async fn upload_image(
        &self,
        bytes: Vec<u8>,
        file_name: &str,
        mime: &str,
    ) -> Result<String, PublishError> {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(file_name.to_owned())
            .mime_str(mime)
            .map_err(|e| PublishError::Invalid(e.to_string()))?;
        let form = reqwest::multipart::Form::new()
            .part("file", part)
            .text("purpose", "image");
        let body = self
            .send(
                self.request(Method::POST, "images/upload/")?
                    .multipart(form),
            )
            .await?;
        body["images"][0]["url"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| {
                PublishError::Invalid(format!("Ghost image upload answered without a URL: {body}"))
            })
    }
}
