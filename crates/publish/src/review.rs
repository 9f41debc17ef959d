//! What the review workflow reads from WordPress: who the account is and what it may do
//! (`/wp/v2/users/me?context=edit`), and pages of posts changed since a cursor (`context=edit`,
//! with their author, terms and featured image embedded, so one request per page is enough).
//! Writes (submit, approve, return with a note) go through the outbox like any publish.

use std::time::Duration;

use redaksi_store::outbox::Target;
use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::PublishError;
use crate::credentials::Secret;
use crate::http::excerpt;
use crate::target::TargetKind;
use crate::wordpress::{IDENTITY_META, WordPress, html_unescape};

/// The post meta the Redaksi Review plugin (`integrations/wordpress/redaksi-review`) keeps the
/// editor's note in, and who wrote it when (set by the site).
pub const NOTE_META: &str = "redaksi_review_note";
pub const NOTE_BY_META: &str = "redaksi_review_note_by";
pub const NOTE_AT_META: &str = "redaksi_review_note_at";

/// The front-matter key of an article on its way back to its reporter with a note: the send
/// writes it into [`NOTE_META`].
pub const NOTE_KEY: &str = "review_note";

/// Posts per page of a pull (WordPress's maximum).
pub const PAGE_SIZE: u32 = 100;

/// What an account may do in the review workflow, from its WordPress capabilities.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abilities {
    /// Submit its own posts for review (`edit_posts`: contributors and up).
    pub submit: bool,
    /// Publish its own posts (`publish_posts`: authors and up).
    pub publish: bool,
    /// Review, return and approve others' posts (`edit_others_posts` and `publish_posts`:
    /// editors and administrators).
    pub review: bool,
}

/// The account a target signs in with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: u64,
    pub name: String,
    pub roles: Vec<String>,
    pub may: Abilities,
}

/// A post as a review pull reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemotePost {
    pub id: String,
    pub status: String,
    /// The site's own modification time (site-local, what `modified_after` compares with).
    pub modified: String,
    pub modified_gmt: String,
    pub link: String,
    pub slug: String,
    pub title: String,
    /// The raw content, as the block editor reads it.
    pub content: String,
    pub excerpt: String,
    pub author_id: u64,
    pub author: String,
    /// The featured image's address, kept as a remote reference.
    pub featured_image: Option<String>,
    pub featured_alt: Option<String>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    /// The editor's note (text, by, at), when the site keeps notes and the post has one.
    pub note: Option<(String, String, String)>,
    /// The Redaksi identity the post carries (its `redaksi_article` meta), if any.
    pub identity: Option<String>,
}

/// Which posts a pull reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostQuery {
    /// WordPress status words, comma-separated (`pending`; `pending,draft,future,publish`).
    pub statuses: String,
    /// Only posts modified after this site-local time.
    pub modified_after: Option<String>,
    /// Only this author's posts.
    pub author: Option<u64>,
}

/// The WordPress client of a saved target, signed in with its secret.
pub fn connect(target: &Target, secret: Secret) -> Result<WordPress, PublishError> {
    if target.kind.parse::<TargetKind>()? != TargetKind::Wordpress {
        return Err(PublishError::Invalid(format!(
            "{} is a {} site; review works with WordPress",
            target.name, target.kind
        )));
    }
    redaksi_store::outbox::check_target_url(&target.url)?;
    let http = crate::http::client(Duration::from_secs(60), 4)?;
    Ok(WordPress::new(
        &target.name,
        &target.url,
        target.username.as_deref().unwrap_or_default(),
        secret,
        http,
    ))
}

impl WordPress {
    /// Who this account is and what it may do. A wrong password is WordPress's 401, which the
    /// caller shows as it is: it is never retried.
    pub async fn me(&self) -> Result<Account, PublishError> {
        let me = self
            .send(
                self.request(Method::GET, "/wp/v2/users/me")
                    .query(&[("context", "edit")]),
            )
            .await?;
        let can = |capability: &str| me["capabilities"][capability].as_bool() == Some(true);
        Ok(Account {
            id: me["id"].as_u64().ok_or_else(|| {
                PublishError::Invalid(format!(
                    "WordPress answered users/me without an id: {}",
                    excerpt(&me.to_string())
                ))
            })?,
            name: me["name"].as_str().unwrap_or_default().to_owned(),
            roles: me["roles"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect(),
            may: Abilities {
                submit: can("edit_posts"),
                publish: can("publish_posts"),
                review: can("edit_others_posts") && can("publish_posts"),
            },
        })
    }

    /// Whether the site keeps review notes (the Redaksi Review plugin registers them).
    pub async fn keeps_notes(&self) -> Result<bool, PublishError> {
        Ok(self
            .capabilities()
            .await?
            .meta_keys
            .iter()
            .any(|k| k == NOTE_META))
    }

    /// One page (from 1) of the posts `query` selects, oldest change first, and how many
    /// pages there are; an empty page past the last one.
    pub async fn review_page(
        &self,
        query: &PostQuery,
        page: u32,
    ) -> Result<(Vec<RemotePost>, u32), PublishError> {
        let (page, per_page) = (page.max(1).to_string(), PAGE_SIZE.to_string());
        let author = query.author.map(|a| a.to_string());
        let mut request = self.request(Method::GET, "/wp/v2/posts").query(&[
            ("status", query.statuses.as_str()),
            ("context", "edit"),
            ("orderby", "modified"),
            ("order", "asc"),
            ("page", page.as_str()),
            ("per_page", per_page.as_str()),
            ("_embed", "author,wp:featuredmedia,wp:term"),
        ]);
        if let Some(after) = &query.modified_after {
            request = request.query(&[("modified_after", after.as_str())]);
        }
        if let Some(author) = &author {
            request = request.query(&[("author", author.as_str())]);
        }
        let (list, pages) = match self.send_paged(request).await {
            Ok(answer) => answer,
            Err(PublishError::Remote { code, .. }) if code == "rest_post_invalid_page_number" => {
                return Ok((Vec::new(), 0));
            }
            Err(err) => return Err(err),
        };
        match list {
            Value::Array(posts) => Ok((
                posts.iter().map(remote_post).collect::<Result<_, _>>()?,
                pages.unwrap_or(1),
            )),
            other => Err(PublishError::Invalid(format!(
                "WordPress answered a post list that is not a list: {}",
                excerpt(&other.to_string())
            ))),
        }
    }
}

fn remote_post(v: &Value) -> Result<RemotePost, PublishError> {
    let s = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    let raw = |key: &str| {
        v[key]["raw"]
            .as_str()
            .or_else(|| v[key]["rendered"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let id = v["id"].as_u64().ok_or_else(|| {
        PublishError::Invalid(format!(
            "WordPress answered a post without an id: {}",
            excerpt(&v.to_string())
        ))
    })?;
    let embedded = &v["_embedded"];
    let media = &embedded["wp:featuredmedia"][0];
    // `wp:term` is one list per taxonomy; each term says which.
    let terms = |taxonomy: &str| -> Vec<String> {
        embedded["wp:term"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|list| list.as_array().into_iter().flatten())
            .filter(|term| term["taxonomy"] == taxonomy)
            .map(|term| html_unescape(term["name"].as_str().unwrap_or_default()))
            .collect()
    };
    let meta = &v["meta"];
    let note = meta[NOTE_META]
        .as_str()
        .filter(|text| !text.is_empty())
        .map(|text| {
            (
                text.to_owned(),
                s(&meta[NOTE_BY_META]),
                s(&meta[NOTE_AT_META]),
            )
        });
    Ok(RemotePost {
        id: id.to_string(),
        status: s(&v["status"]),
        modified: s(&v["modified"]),
        modified_gmt: s(&v["modified_gmt"]),
        link: s(&v["link"]),
        slug: s(&v["slug"]),
        title: raw("title"),
        content: raw("content"),
        excerpt: raw("excerpt"),
        author_id: v["author"].as_u64().unwrap_or_default(),
        author: html_unescape(
            v["redaksi_author"]
                .as_str()
                .or_else(|| embedded["author"][0]["name"].as_str())
                .unwrap_or_default(),
        ),
        featured_image: media["source_url"].as_str().map(str::to_owned),
        featured_alt: media["alt_text"]
            .as_str()
            .filter(|alt| !alt.is_empty())
            .map(str::to_owned),
        categories: terms("category"),
        tags: terms("post_tag"),
        note,
        identity: meta[IDENTITY_META]
            .as_str()
            .filter(|id| !id.is_empty())
            .map(str::to_owned),
    })
}
