//! WordPress through its REST API with an Application Password (Basic auth).
//!
//! Routes are addressed as `?rest_route=/wp/v2/...`, which works with every permalink setting
//! (plain permalinks have no `/wp-json/`). WordPress errors arrive as
//! `{code, message, data:{status}}`; they become [`PublishError::Remote`] with that code and
//! message, which is what the user sees.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::{Method, RequestBuilder, StatusCode, header};
use serde::Serialize;
use serde_json::{Value, json};

use crate::PublishError;
use crate::credentials::Secret;

/// One WordPress site and account.
#[derive(Clone)]
pub struct WordPress {
    name: String,
    base: String,
    user: String,
    password: Secret,
    http: reqwest::Client,
}

/// A post as Redaksi sends it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PostFields {
    pub title: String,
    pub content: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    pub slug: String,
    /// draft, pending, future or publish.
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_gmt: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub featured_media: Option<u64>,
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub meta: serde_json::Map<String, Value>,
}

/// A post as WordPress holds it (read with `context=edit`, so raw fields are present).
#[derive(Debug, Clone, PartialEq)]
pub struct RemotePost {
    pub id: u64,
    pub link: String,
    pub slug: String,
    pub status: String,
    /// `modified_gmt`: the version token. A different value means someone edited the post.
    pub modified_gmt: String,
    pub title: String,
    pub content: String,
    pub meta: Value,
}

impl RemotePost {
    fn from_json(v: &Value) -> Result<RemotePost, PublishError> {
        let s = |key: &str| v[key].as_str().unwrap_or_default().to_owned();
        let raw = |key: &str| {
            v[key]["raw"]
                .as_str()
                .or_else(|| v[key]["rendered"].as_str())
                .unwrap_or_default()
                .to_owned()
        };
        Ok(RemotePost {
            id: v["id"].as_u64().ok_or_else(|| {
                PublishError::Invalid(format!("WordPress post without an id: {v}"))
            })?,
            link: s("link"),
            slug: s("slug"),
            status: s("status"),
            modified_gmt: s("modified_gmt"),
            title: raw("title"),
            content: raw("content"),
            meta: v["meta"].clone(),
        })
    }
}

/// What the site offers, from its REST index and the posts schema.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteCapabilities {
    /// Rank Math's `rankmath/v1` namespace (its `updateMeta` route writes SEO fields).
    pub rank_math: bool,
    /// Post meta keys registered with `show_in_rest`.
    pub meta_keys: Vec<String>,
}

/// An SEO field and whether it was found on the post when read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeoField {
    pub field: &'static str,
    pub key: String,
    pub stuck: bool,
}

/// How Redaksi's SEO fields are called by the plugins it knows.
pub const SEO_KEYS: [(&str, &[&str]); 3] = [
    ("seo_title", &["rank_math_title", "_yoast_wpseo_title"]),
    (
        "description",
        &["rank_math_description", "_yoast_wpseo_metadesc"],
    ),
    (
        "keywords",
        &["rank_math_focus_keyword", "_yoast_wpseo_focuskw"],
    ),
];

impl WordPress {
    /// `base` is the site address (`https://example.com`), without `/wp-json`.
    pub fn new(
        name: &str,
        base: &str,
        user: &str,
        password: Secret,
        http: reqwest::Client,
    ) -> Self {
        WordPress {
            name: name.to_owned(),
            base: base.trim_end_matches('/').to_owned(),
            user: user.to_owned(),
            password,
            http,
        }
    }

    fn request(&self, method: Method, route: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}/", self.base))
            .query(&[("rest_route", route)])
            .basic_auth(&self.user, Some(self.password.expose()))
    }

    async fn send(&self, builder: RequestBuilder) -> Result<Value, PublishError> {
        let response = builder.send().await.map_err(|e| self.network(e))?;
        let status = response.status();
        let retry_after = retry_after(response.headers());
        let bytes = response.bytes().await.map_err(|e| self.network(e))?;
        let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        if status.is_success() {
            return Ok(body);
        }
        Err(self.remote_error(status, &body, &bytes, retry_after))
    }

    fn network(&self, err: reqwest::Error) -> PublishError {
        // A refused connection never carried the request; anything later might have.
        let maybe_applied = !err.is_connect();
        PublishError::Network {
            target: self.name.clone(),
            message: network_message(err),
            maybe_applied,
        }
    }

    fn remote_error(
        &self,
        status: StatusCode,
        body: &Value,
        bytes: &[u8],
        retry_after: Option<Duration>,
    ) -> PublishError {
        let code = body["code"]
            .as_str()
            .map_or_else(|| format!("http_{}", status.as_u16()), str::to_owned);
        let message = body["message"].as_str().map_or_else(
            || {
                let text = String::from_utf8_lossy(bytes);
                let text: String = text.chars().take(200).collect();
                if text.trim().is_empty() {
                    status.canonical_reason().unwrap_or("error").to_owned()
                } else {
                    text
                }
            },
            str::to_owned,
        );
        PublishError::Remote {
            target: self.name.clone(),
            status: status.as_u16(),
            code,
            message,
            retry_after,
        }
    }

    /// Reads the REST index and the posts schema to learn which SEO fields the site accepts.
    pub async fn capabilities(&self) -> Result<SiteCapabilities, PublishError> {
        let index = self.send(self.request(Method::GET, "/")).await?;
        let rank_math = index["namespaces"]
            .as_array()
            .is_some_and(|ns| ns.iter().any(|n| n == "rankmath/v1"));
        let schema = self
            .send(self.request(Method::OPTIONS, "/wp/v2/posts"))
            .await?;
        let meta_keys = schema["schema"]["properties"]["meta"]["properties"]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        Ok(SiteCapabilities {
            rank_math,
            meta_keys,
        })
    }

    pub async fn get_post(&self, id: u64) -> Result<RemotePost, PublishError> {
        let v = self
            .send(
                self.request(Method::GET, &format!("/wp/v2/posts/{id}"))
                    .query(&[("context", "edit")]),
            )
            .await?;
        RemotePost::from_json(&v)
    }

    /// Finds the post this article already became, after a create whose answer was lost:
    /// by slug first (as sent, and WordPress's `-2`… variants), then by the marker in the body.
    pub async fn find_post(
        &self,
        slug: &str,
        marker: &str,
    ) -> Result<Option<RemotePost>, PublishError> {
        let slugs = format!("{slug},{slug}-2,{slug}-3");
        let by_slug = self
            .send(self.request(Method::GET, "/wp/v2/posts").query(&[
                ("slug", slugs.as_str()),
                ("status", "any"),
                ("context", "edit"),
                ("per_page", "20"),
            ]))
            .await?;
        let id_marker = marker.trim_start_matches("<!-- ").trim_end_matches(" -->");
        let mine = |list: &Value| -> Result<Option<RemotePost>, PublishError> {
            for v in list.as_array().into_iter().flatten() {
                let post = RemotePost::from_json(v)?;
                if post.content.contains(marker) {
                    return Ok(Some(post));
                }
            }
            Ok(None)
        };
        if let Some(post) = mine(&by_slug)? {
            return Ok(Some(post));
        }
        let by_search = self
            .send(self.request(Method::GET, "/wp/v2/posts").query(&[
                ("search", id_marker),
                ("status", "any"),
                ("context", "edit"),
                ("per_page", "20"),
            ]))
            .await?;
        mine(&by_search)
    }

    pub async fn create_post(&self, post: &PostFields) -> Result<RemotePost, PublishError> {
        let v = self
            .send(
                self.request(Method::POST, "/wp/v2/posts")
                    .query(&[("context", "edit")])
                    .json(post),
            )
            .await?;
        RemotePost::from_json(&v)
    }

    pub async fn update_post(
        &self,
        id: u64,
        post: &PostFields,
    ) -> Result<RemotePost, PublishError> {
        let v = self
            .send(
                self.request(Method::POST, &format!("/wp/v2/posts/{id}"))
                    .query(&[("context", "edit")])
                    .json(post),
            )
            .await?;
        RemotePost::from_json(&v)
    }

    /// The id of the category or tag with this name, created when missing. `Ok(None)` when it
    /// does not exist and this account may not create it.
    pub async fn term(&self, taxonomy: &str, name: &str) -> Result<Option<u64>, PublishError> {
        let route = format!("/wp/v2/{taxonomy}");
        let found = self
            .send(self.request(Method::GET, &route).query(&[
                ("search", name),
                ("per_page", "100"),
                ("hide_empty", "false"),
            ]))
            .await?;
        let wanted = name.trim().to_lowercase();
        for term in found.as_array().into_iter().flatten() {
            // WordPress returns names HTML-escaped (`&amp;`).
            let their = html_unescape(term["name"].as_str().unwrap_or_default()).to_lowercase();
            if their == wanted {
                return Ok(term["id"].as_u64());
            }
        }
        match self
            .send(
                self.request(Method::POST, &route)
                    .json(&json!({ "name": name.trim() })),
            )
            .await
        {
            Ok(v) => Ok(v["id"].as_u64()),
            // Another writer made it between our search and our create.
            Err(PublishError::Remote { code, .. }) if code == "term_exists" => Ok(None),
            Err(PublishError::Remote {
                status: 401 | 403,
                code,
                ..
            }) if code == "rest_cannot_create" => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// Uploads an image as `/wp/v2/media` expects it: the raw bytes, the type, and the file
    /// name in `Content-Disposition`. Returns the media id and its public URL.
    pub async fn upload_media(
        &self,
        bytes: Vec<u8>,
        file_name: &str,
        mime: &str,
        alt: Option<&str>,
    ) -> Result<(u64, String), PublishError> {
        let safe_name: String = file_name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let v = self
            .send(
                self.request(Method::POST, "/wp/v2/media")
                    .header(header::CONTENT_TYPE, mime)
                    .header(
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{safe_name}\""),
                    )
                    .body(bytes),
            )
            .await?;
        let id = v["id"]
            .as_u64()
            .ok_or_else(|| PublishError::Invalid(format!("WordPress media without an id: {v}")))?;
        let url = v["source_url"].as_str().unwrap_or_default().to_owned();
        if let Some(alt) = alt {
            self.send(
                self.request(Method::POST, &format!("/wp/v2/media/{id}"))
                    .json(&json!({ "alt_text": alt })),
            )
            .await?;
        }
        Ok((id, url))
    }

    /// Writes SEO fields through Rank Math's own route (which ignores `show_in_rest`).
    pub async fn rank_math_update(
        &self,
        id: u64,
        meta: &serde_json::Map<String, Value>,
    ) -> Result<(), PublishError> {
        self.send(
            self.request(Method::POST, "/rankmath/v1/updateMeta")
                .json(&json!({
                    "objectType": "post",
                    "objectID": id,
                    "meta": meta,
                })),
        )
        .await
        .map(|_| ())
    }
}

/// The SEO meta Redaksi would like to set, by plugin key, and the keys the site accepts.
pub fn seo_meta(
    article: &redaksi_article::Article,
    caps: &SiteCapabilities,
) -> (serde_json::Map<String, Value>, Vec<(&'static str, String)>) {
    let m = &article.meta;
    let values: [(&'static str, Option<String>); 3] = [
        ("seo_title", m.seo_title.clone()),
        ("description", m.description.clone()),
        (
            "keywords",
            (!m.keywords.is_empty()).then(|| {
                m.keywords
                    .iter()
                    .map(|k| k.phrase.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            }),
        ),
    ];
    let mut meta = serde_json::Map::new();
    let mut wanted = Vec::new();
    for ((field, value), (_, keys)) in values.into_iter().zip(SEO_KEYS) {
        let Some(value) = value else { continue };
        // Rank Math's own route accepts its keys; otherwise only registered keys are written.
        let key = keys
            .iter()
            .find(|k| {
                caps.meta_keys.iter().any(|m| m == *k)
                    || (caps.rank_math && k.starts_with("rank_math"))
            })
            .copied()
            .unwrap_or(keys[0]);
        meta.insert(key.to_owned(), Value::String(value));
        wanted.push((field, key.to_owned()));
    }
    (meta, wanted)
}

/// Compares what was asked with what the post says now: unregistered meta is dropped by
/// WordPress without an error, so only a read-back tells.
pub fn seo_report(
    meta_sent: &serde_json::Map<String, Value>,
    wanted: &[(&'static str, String)],
    post: &RemotePost,
) -> Vec<SeoField> {
    wanted
        .iter()
        .map(|(field, key)| SeoField {
            field,
            key: key.clone(),
            stuck: post
                .meta
                .get(key)
                .is_some_and(|v| Some(v) == meta_sent.get(key)),
        })
        .collect()
}

/// `Retry-After` as seconds or an HTTP date.
pub fn retry_after(headers: &header::HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = DateTime::parse_from_rfc2822(value)
        .ok()?
        .with_timezone(&Utc);
    Some((at - Utc::now()).to_std().unwrap_or(Duration::ZERO))
}

/// reqwest's messages include the URL; ours carry no secrets, but keeping messages short and
/// free of query strings keeps logs clean.
pub(crate) fn network_message(err: reqwest::Error) -> String {
    let err = err.without_url();
    let mut message = err.to_string();
    let mut source = std::error::Error::source(&err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

fn html_unescape(text: &str) -> String {
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
}

/// WordPress's `date_gmt` format: no offset, seconds precision.
pub fn wp_date(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    #[rstest::rstest]
    #[case("5", Some(5))]
    #[case(" 120 ", Some(120))]
    #[case("soon", None)]
    fn retry_after_seconds(#[case] value: &str, #[case] secs: Option<u64>) {
        let mut h = HeaderMap::new();
        h.insert(header::RETRY_AFTER, HeaderValue::from_str(value).unwrap());
        assert_eq!(retry_after(&h), secs.map(Duration::from_secs));
    }

    #[test]
    fn retry_after_http_date_in_the_future() {
        let at = Utc::now() + chrono::Duration::seconds(30);
        let mut h = HeaderMap::new();
        h.insert(
            header::RETRY_AFTER,
            HeaderValue::from_str(&at.format("%a, %d %b %Y %H:%M:%S GMT").to_string()).unwrap(),
        );
        let d = retry_after(&h).unwrap();
        assert!(
            d > Duration::from_secs(25) && d <= Duration::from_secs(30),
            "{d:?}"
        );
    }
}
