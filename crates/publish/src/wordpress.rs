//! WordPress through its REST API with an Application Password (Basic auth).
//!
//! Routes are addressed as `?rest_route=/wp/v2/...`, which works with every permalink setting
//! (plain permalinks have no `/wp-json/`). WordPress errors arrive as
//! `{code, message, data:{status}}`; they become [`PublishError::Remote`] with that code and
//! message, which is what the user sees.
//!
//! Redaksi finds its own post again by the id it recorded, else by its identity on the post:
//! the `redaksi_article` post meta when the site registers it (`register_post_meta` with
//! `show_in_rest`; meta is kept whatever the content filters do to the body), and the marker
//! comment in the body, which WordPress keeps unless a filter strips comments.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use redaksi_article::Article;
use reqwest::{Method, RequestBuilder, header};
use serde::Serialize;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::PublishError;
use crate::credentials::Secret;
use crate::http::{self, excerpt};
use crate::payload;
use crate::rankmath::RankMathFields;
use crate::review;
use crate::target::{
    Built, CmsTarget, ImageUpload, PostRequest, RemoteDoc, RemoteStatus, TargetKind, Uploaded,
    Uploads,
};

/// The post meta key that carries the article's id, when the site registers it.
pub const IDENTITY_META: &str = "redaksi_article";

/// One WordPress site and account.
#[derive(Clone)]
pub struct WordPress {
    name: String,
    base: String,
    user: String,
    password: Secret,
    http: reqwest::Client,
    /// The site's capabilities, read once and shared by every send to this target.
    capabilities: Arc<Mutex<Option<SiteCapabilities>>>,
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

/// A field of a post as WordPress stores it: its `raw` form (`context=edit`), else the
/// rendered one.
pub fn raw_field(post: &Value, key: &str) -> String {
    post[key]["raw"]
        .as_str()
        .or_else(|| post[key]["rendered"].as_str())
        .unwrap_or_default()
        .to_owned()
}

/// A post as WordPress holds it, read with `context=edit` so raw fields are present;
/// `modified_gmt` is the version token.
fn remote_doc(v: Value) -> Result<RemoteDoc, PublishError> {
    let s = |key: &str| v[key].as_str().unwrap_or_default().to_owned();
    let raw = |key: &str| raw_field(&v, key);
    let id = v["id"].as_u64().ok_or_else(|| {
        PublishError::Invalid(format!(
            "WordPress answered a post without an id: {}",
            excerpt(&v.to_string())
        ))
    })?;
    Ok(RemoteDoc {
        id: id.to_string(),
        url: s("link"),
        slug: s("slug"),
        status: s("status"),
        version: s("modified_gmt"),
        title: raw("title"),
        html: raw("content"),
        raw: v,
    })
}

/// What the site offers, from its REST index and the posts schema.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteCapabilities {
    /// Rank Math's `rankmath/v1` namespace (its `updateMeta` route writes SEO fields).
    pub rank_math: bool,
    /// Post meta keys registered with `show_in_rest`.
    pub meta_keys: Vec<String>,
}

/// What a send needs from the site: term ids and what it accepts.
#[derive(Debug, Clone, Default)]
pub struct WpSite {
    pub categories: Vec<u64>,
    pub tags: Vec<u64>,
    /// Terms that do not exist and this account may not create.
    pub unresolved: Vec<String>,
    pub capabilities: SiteCapabilities,
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
            capabilities: Arc::default(),
        }
    }

    /// Shares the capabilities read from the site with other clients of the same target.
    pub fn sharing_capabilities(mut self, cache: Arc<Mutex<Option<SiteCapabilities>>>) -> Self {
        self.capabilities = cache;
        self
    }

    /// The site address, as the account was set up (no trailing slash).
    pub fn base(&self) -> &str {
        &self.base
    }

    pub(crate) fn request(&self, method: Method, route: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}/", self.base))
            .query(&[("rest_route", route)])
            .basic_auth(&self.user, Some(self.password.expose()))
    }

    pub(crate) async fn send(&self, builder: RequestBuilder) -> Result<Value, PublishError> {
        self.send_paged(builder).await.map(|(body, _)| body)
    }

    /// Like `send`, with the number of pages a list has (`X-WP-TotalPages`): a page can hold
    /// fewer posts than asked for while more pages follow (WordPress drops the posts this
    /// account may not read after counting them).
    pub(crate) async fn send_paged(
        &self,
        builder: RequestBuilder,
    ) -> Result<(Value, Option<u32>), PublishError> {
        let response = builder
            .send()
            .await
            .map_err(|e| http::network_error(&self.name, e))?;
        let answer = http::read_capped(&self.name, response, http::MAX_RESPONSE_BYTES).await?;
        let body: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
        if answer.status.is_success() {
            return Ok((body, answer.total_pages));
        }
        // WordPress refuses a parameter an anonymous request may not use (a wrong password
        // makes the request anonymous) as a 400 that wraps the 401 it means.
        let denied = body["data"]["details"]
            .as_object()
            .into_iter()
            .flat_map(|details| details.values())
            .find(|d| matches!(d["data"]["status"].as_u64(), Some(401 | 403)));
        let (status, code) = match denied {
            Some(d) => (
                d["data"]["status"].as_u64().unwrap_or(401) as u16,
                d["code"].as_str().unwrap_or("rest_forbidden").to_owned(),
            ),
            None => (
                answer.status.as_u16(),
                body["code"]
                    .as_str()
                    .map_or_else(|| format!("http_{}", answer.status.as_u16()), str::to_owned),
            ),
        };
        let message = body["message"].as_str().map_or_else(
            || {
                let text = String::from_utf8_lossy(&answer.body);
                if text.trim().is_empty() {
                    answer
                        .status
                        .canonical_reason()
                        .unwrap_or("error")
                        .to_owned()
                } else {
                    text.into_owned()
                }
            },
            str::to_owned,
        );
        Err(PublishError::Remote {
            target: self.name.clone(),
            status,
            code: excerpt(&code),
            message: excerpt(&message),
            retry_after: answer.retry_after,
        })
    }

    /// Reads the REST index and the posts schema to learn which fields the site accepts.
    pub async fn capabilities(&self) -> Result<SiteCapabilities, PublishError> {
        if let Some(known) = self.capabilities.lock().expect("capabilities lock").clone() {
            return Ok(known);
        }
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
        let caps = SiteCapabilities {
            rank_math,
            meta_keys,
        };
        *self.capabilities.lock().expect("capabilities lock") = Some(caps.clone());
        Ok(caps)
    }

    async fn get_post(&self, id: &str) -> Result<RemoteDoc, PublishError> {
        let id: u64 = id.parse().map_err(|_| {
            PublishError::Invalid(format!("the stored WordPress id {id:?} is not a number"))
        })?;
        let v = self
            .send(
                self.request(Method::GET, &format!("/wp/v2/posts/{id}"))
                    .query(&[("context", "edit")]),
            )
            .await?;
        remote_doc(v)
    }

    async fn posts(&self, query: &[(&str, &str)]) -> Result<Vec<RemoteDoc>, PublishError> {
        let list = self
            .send(
                self.request(Method::GET, "/wp/v2/posts")
                    .query(&[("status", "any"), ("context", "edit")])
                    .query(query),
            )
            .await?;
        match list {
            Value::Array(posts) => posts.into_iter().map(remote_doc).collect(),
            other => Err(PublishError::Invalid(format!(
                "WordPress answered a post list that is not a list: {}",
                excerpt(&other.to_string())
            ))),
        }
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

    /// A GET of any REST route, for readers beyond publishing (the site audit).
    pub async fn get_route(
        &self,
        route: &str,
        query: &[(&str, &str)],
    ) -> Result<Value, PublishError> {
        self.send(self.request(Method::GET, route).query(query))
            .await
    }

    /// A public page of the site as a visitor gets it (no credentials), and the server's clock
    /// from its `Date` header.
    pub async fn public_page(
        &self,
        url: &str,
    ) -> Result<(String, Option<DateTime<Utc>>), PublishError> {
        let response = self
            .http
            .get(url)
            .send()
            .await
            .map_err(|e| http::network_error(&self.name, e))?;
        let date = response
            .headers()
            .get(header::DATE)
            .and_then(|d| d.to_str().ok())
            .and_then(|d| DateTime::parse_from_rfc2822(d).ok())
            .map(|d| d.with_timezone(&Utc));
        let answer = http::read_capped(&self.name, response, http::MAX_RESPONSE_BYTES).await?;
        if !answer.status.is_success() {
            return Err(PublishError::Remote {
                target: self.name.clone(),
                status: answer.status.as_u16(),
                code: format!("http_{}", answer.status.as_u16()),
                message: excerpt(&format!("{url}: {}", answer.status)),
                retry_after: answer.retry_after,
            });
        }
        Ok((String::from_utf8_lossy(&answer.body).into_owned(), date))
    }

    /// Sets Rank Math scores only, several posts in one call (`rankmath/v1/updateSeoScore`).
    pub async fn rank_math_scores(
        &self,
        scores: &std::collections::BTreeMap<u64, u8>,
    ) -> Result<(), PublishError> {
        let scores: serde_json::Map<String, Value> = scores
            .iter()
            .map(|(id, score)| (id.to_string(), json!(score)))
            .collect();
        self.send(
            self.request(Method::POST, "/rankmath/v1/updateSeoScore")
                .json(&json!({ "postScores": scores })),
        )
        .await
        .map(|_| ())
    }

    /// Writes SEO fields through Rank Math's own route (which ignores `show_in_rest`).
    pub async fn rank_math_update(
        &self,
        id: &str,
        meta: &serde_json::Map<String, Value>,
    ) -> Result<(), PublishError> {
        self.send(
            self.request(Method::POST, "/rankmath/v1/updateMeta")
                .json(&json!({
                    "objectType": "post",
                    "objectID": id.parse::<u64>().ok(),
                    "meta": meta,
                })),
        )
        .await
        .map(|_| ())
    }
}

/// Whether `post` carries Redaksi's identity for `article`.
fn is_ours(post: &RemoteDoc, article: Uuid) -> bool {
    post.raw["meta"][IDENTITY_META].as_str() == Some(article.to_string().as_str())
        || post.html.contains(&payload::marker(article))
}

impl CmsTarget for WordPress {
    type Site = WpSite;

    const BODY_FIELD: &'static str = "content";

    const KIND: TargetKind = TargetKind::Wordpress;

    fn name(&self) -> &str {
        &self.name
    }

    fn build(
        _target: &str,
        article: &Article,
        request: &PostRequest,
        images: &Uploads,
        site: Option<&WpSite>,
    ) -> Result<Built, PublishError> {
        let m = &article.meta;
        let featured_media = m
            .featured_image
            .as_ref()
            .and_then(|f| images.get(&f.src))
            .and_then(|image| image.id.parse().ok());
        let mut pending = Vec::new();
        let (seo, _) = seo_meta(
            article,
            site.map(|s| &s.capabilities)
                .unwrap_or(&SiteCapabilities::default()),
        );
        let meta = match site {
            Some(site) => {
                let accepted = &site.capabilities.meta_keys;
                let mut meta: serde_json::Map<String, Value> = seo
                    .into_iter()
                    .filter(|(k, _)| accepted.contains(k))
                    .collect();
                if accepted.iter().any(|k| k == IDENTITY_META)
                    && let Some(identity) = payload::wordpress_identity(article)
                {
                    meta.insert(IDENTITY_META.into(), json!(identity));
                }
                if let Some(note) = review_note(article) {
                    if !accepted.iter().any(|k| k == review::NOTE_META) {
                        return Err(PublishError::Invalid(
                            "review notes need the Redaksi Review plugin on the site \
                             (catatan review memerlukan plugin Redaksi Review di situs)"
                                .into(),
                        ));
                    }
                    meta.insert(review::NOTE_META.into(), json!(note));
                }
                meta
            }
            None => {
                if review_note(article).is_some() {
                    pending.push(format!(
                        "meta: the review note goes to {} (the Redaksi Review plugin)",
                        review::NOTE_META
                    ));
                }
                if !seo.is_empty() {
                    pending.push(
                        "meta: SEO fields are written where the site accepts them, then read back"
                            .into(),
                    );
                }
                serde_json::Map::new()
            }
        };
        // The identity meta finds the post again; the marker comment is only the fallback for
        // a site that does not keep it (a comment in the body breaks the round trip).
        let keeps_identity =
            site.map(|s| s.capabilities.meta_keys.iter().any(|k| k == IDENTITY_META));
        if keeps_identity.is_none() {
            pending.push(format!(
                "content: the marker {} follows when the site does not keep the {IDENTITY_META} meta",
                payload::marker(article.id)
            ));
        }
        let fields = PostFields {
            title: article.title.clone(),
            content: payload::wordpress_content(article, images, keeps_identity == Some(false)),
            excerpt: m.description.clone(),
            slug: article.slug(),
            status: request.status.as_str().to_owned(),
            date_gmt: (request.status == RemoteStatus::Future)
                .then(|| request.at.or(m.publish_at))
                .flatten()
                .map(wp_date),
            categories: site.map(|s| s.categories.clone()).unwrap_or_default(),
            tags: site.map(|s| s.tags.clone()).unwrap_or_default(),
            featured_media,
            meta,
        };
        let mut payload = serde_json::to_value(&fields)
            .map_err(|e| PublishError::Invalid(format!("the post could not be serialised: {e}")))?;
        if site.is_none() {
            // Term ids exist only on the site: the send looks each name up (or creates it).
            if let Some(category) = &m.category {
                payload["categories"] = json!([category]);
                pending.push(format!("categories: {category:?} is resolved to its id"));
            }
            if !m.tags.is_empty() {
                payload["tags"] = json!(m.tags);
                pending.push("tags: each name is resolved to its id".into());
            }
        }
        Ok(Built { payload, pending })
    }

    async fn resolve(&self, article: &Article) -> Result<WpSite, PublishError> {
        let mut site = WpSite::default();
        if let Some(c) = &article.meta.category {
            match self.term("categories", c).await? {
                Some(id) => site.categories.push(id),
                None => site.unresolved.push(format!("category {c}")),
            }
        }
        for t in &article.meta.tags {
            match self.term("tags", t).await? {
                Some(id) => site.tags.push(id),
                None => site.unresolved.push(format!("tag {t}")),
            }
        }
        site.capabilities = self.capabilities().await?;
        Ok(site)
    }

    /// Uploads an image as `/wp/v2/media` expects it: the raw bytes, the type, and the file
    /// name in `Content-Disposition`.
    async fn upload(&self, image: ImageUpload) -> Result<Uploaded, PublishError> {
        let safe_name: String = image
            .file_name
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
                    .header(header::CONTENT_TYPE, image.mime)
                    .header(
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{safe_name}\""),
                    )
                    .body(image.bytes),
            )
            .await?;
        let id = v["id"].as_u64().ok_or_else(|| {
            PublishError::Invalid(format!(
                "WordPress answered an upload without a media id: {}",
                excerpt(&v.to_string())
            ))
        })?;
        let url = v["source_url"].as_str().unwrap_or_default().to_owned();
        if let Some(alt) = image.alt {
            self.send(
                self.request(Method::POST, &format!("/wp/v2/media/{id}"))
                    .json(&json!({ "alt_text": alt })),
            )
            .await?;
        }
        Ok(Uploaded {
            id: id.to_string(),
            url,
        })
    }

    /// By slug (as sent, and WordPress's `-2`, `-3` variants), by the article id in the text,
    /// and by the slug's words among the newest matching posts: a site that strips comments
    /// loses the id from the text, and one with older namesakes gives our post a later `-N`
    /// slug. Only a post that carries Redaksi's identity for the article is returned.
    async fn find_own(&self, article: Uuid, slug: &str) -> Result<Option<RemoteDoc>, PublishError> {
        let slugs = format!("{slug},{slug}-2,{slug}-3");
        let id = article.to_string();
        let words = slug.replace('-', " ");
        let lookups: [&[(&str, &str)]; 3] = [
            &[("slug", slugs.as_str()), ("per_page", "20")],
            &[("search", id.as_str()), ("per_page", "20")],
            &[
                ("search", words.as_str()),
                ("orderby", "modified"),
                ("per_page", "100"),
            ],
        ];
        for query in lookups {
            if query[0].1.trim().is_empty() {
                continue;
            }
            let found = self.posts(query).await?;
            if let Some(post) = found.into_iter().find(|p| is_ours(p, article)) {
                return Ok(Some(post));
            }
        }
        Ok(None)
    }

    async fn fetch(&self, id: &str) -> Result<RemoteDoc, PublishError> {
        self.get_post(id).await
    }

    async fn list(&self, page: u32, per_page: u32) -> Result<Vec<RemoteDoc>, PublishError> {
        let (page, per_page) = (page.max(1).to_string(), per_page.clamp(1, 100).to_string());
        self.posts(&[
            ("page", page.as_str()),
            ("per_page", per_page.as_str()),
            ("orderby", "date"),
        ])
        .await
    }

    async fn create(&self, body: &Value) -> Result<RemoteDoc, PublishError> {
        let v = self
            .send(
                self.request(Method::POST, "/wp/v2/posts")
                    .query(&[("context", "edit")])
                    .json(body),
            )
            .await?;
        remote_doc(v)
    }

    async fn update(&self, current: &RemoteDoc, body: &Value) -> Result<RemoteDoc, PublishError> {
        let v = self
            .send(
                self.request(Method::POST, &format!("/wp/v2/posts/{}", current.id))
                    .query(&[("context", "edit")])
                    .json(body),
            )
            .await?;
        remote_doc(v)
    }

    /// With Rank Math on the site, its four fields go through `updateMeta` (a second call
    /// after the post is stored: until it succeeds the send has not succeeded, and the retry
    /// completes the stored post alone). Then the post is read back, since unregistered meta
    /// vanishes without an error.
    async fn complete(
        &self,
        post: RemoteDoc,
        article: &Article,
        site: &WpSite,
    ) -> Result<(RemoteDoc, Value), PublishError> {
        let (seo, wanted) = seo_meta(article, &site.capabilities);
        let rank_math = site
            .capabilities
            .rank_math
            .then(|| RankMathFields::for_article(article, &self.base));
        if let Some(fields) = &rank_math {
            self.rank_math_update(&post.id, &fields.meta()).await?;
        }
        let post = if wanted.is_empty() && rank_math.is_none() {
            post
        } else {
            self.get_post(&post.id).await?
        };
        let report = json!({
            "seo": seo_report(&seo, &wanted, &post),
            "rank_math": rank_math,
            "unresolved_terms": site.unresolved,
            "slug": post.slug,
            "status": post.status,
        });
        Ok((post, report))
    }
}

/// The note an article carries back to its reporter, if any.
fn review_note(article: &Article) -> Option<&str> {
    article
        .meta
        .extra
        .get(review::NOTE_KEY)
        .and_then(|note| note.as_str())
        .filter(|note| !note.trim().is_empty())
}

/// The SEO meta Redaksi would like to set, by plugin key, and the keys the site accepts.
pub fn seo_meta(
    article: &Article,
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
    post: &RemoteDoc,
) -> Vec<SeoField> {
    wanted
        .iter()
        .map(|(field, key)| SeoField {
            field,
            key: key.clone(),
            stuck: post.raw["meta"]
                .get(key)
                .is_some_and(|v| Some(v) == meta_sent.get(key)),
        })
        .collect()
}

pub(crate) fn html_unescape(text: &str) -> String {
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
