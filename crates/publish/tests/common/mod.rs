//! The real WordPress these tests publish to, started by the project's own script.

#![allow(dead_code)] // each test binary uses a different part of this harness

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use redaksi_article::Article;
use redaksi_publish::credentials::{MemorySecrets, Secret, SecretStore};
use redaksi_store::outbox::Target;
use redaksi_store::{Store, StoreHandle};
use serde_json::Value;

pub const PNG_1X1: [u8; 69] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0,
    0, 0, 144, 119, 83, 222, 0, 0, 0, 12, 73, 68, 65, 84, 120, 156, 99, 248, 207, 192, 0, 0, 3, 1,
    1, 0, 201, 254, 146, 239, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

pub struct Site {
    pub url: String,
    pub user: String,
    pub password: String,
    /// The wp-admin login password (the Rank Math instance only).
    pub login_password: Option<String>,
    /// This is the instance with Rank Math (`wp.sh rankmath`), on its own port.
    pub rank_math: bool,
}

/// Starts (or finds running) the loopback WordPress. Fails loudly when it cannot: these tests
/// never pass without having talked to a real WordPress.
pub fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let account = redaksi_test_wordpress::start()
            .unwrap_or_else(|e| panic!("the loopback WordPress is required for these tests: {e}"));
        Site::new(account, None)
    })
}

/// Starts (or finds running) the loopback WordPress with the real Rank Math, installed from
/// ../shared by the project's own script. Fails loudly when it cannot.
pub fn rank_math_site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = redaksi_test_wordpress::start_rank_math().unwrap_or_else(|e| {
            panic!("the loopback WordPress with Rank Math is required for these tests: {e}")
        });
        Site::new(site.admin, Some(site.login_password))
    })
}

impl Site {
    /// `login_password`: the Rank Math instance's wp-admin password (only that one has it).
    fn new(account: redaksi_test_wordpress::Account, login_password: Option<String>) -> Site {
        Site {
            url: account.url,
            user: account.user,
            password: account.password,
            rank_math: login_password.is_some(),
            login_password,
        }
    }

    /// Runs `wp.sh` on this instance and returns what it printed.
    pub fn wp(&self, args: &[&str]) -> String {
        let ran = if self.rank_math {
            redaksi_test_wordpress::run_rank_math(args)
        } else {
            redaksi_test_wordpress::run(args)
        };
        ran.unwrap_or_else(|e| panic!("{e}"))
    }

    /// A store with a WordPress target named `situs` for this site.
    pub fn env(&self) -> Env {
        env_for(&self.url, &self.user, &self.password)
    }

    /// A raw REST call, independent of the client under test.
    pub async fn rest(
        &self,
        method: reqwest::Method,
        route: &str,
        query: &[(&str, &str)],
        body: Option<Value>,
    ) -> Value {
        let mut req = reqwest::Client::new()
            .request(method, format!("{}/", self.url))
            .query(&[("rest_route", route)])
            .query(query)
            .basic_auth(&self.user, Some(&self.password));
        if let Some(body) = body {
            req = req.json(&body);
        }
        let resp = req.send().await.expect("WordPress answers");
        let status = resp.status();
        let v: Value = resp.json().await.expect("WordPress answers JSON");
        assert!(status.is_success(), "{route}: {status} {v}");
        v
    }

    /// Every post (any status) that carries this article's identity: the marker in its
    /// content, or the `redaksi_article` meta (on a site that strips comments). Looked for by
    /// a search for the id and among the newest posts.
    pub async fn posts_of(&self, article: &Article) -> Vec<Value> {
        let id = article.id.to_string();
        let mut found = Vec::new();
        for query in [
            [("search", id.as_str()), ("orderby", "id")],
            [("orderby", "id"), ("order", "desc")],
        ] {
            let mut query = query.to_vec();
            query.extend([("status", "any"), ("context", "edit"), ("per_page", "100")]);
            let list = self
                .rest(reqwest::Method::GET, "/wp/v2/posts", &query, None)
                .await;
            for post in list.as_array().unwrap() {
                let ours = post["content"]["raw"]
                    .as_str()
                    .unwrap_or_default()
                    .contains(&id)
                    || post["meta"]["redaksi_article"] == id.as_str();
                if ours && !found.iter().any(|p: &Value| p["id"] == post["id"]) {
                    found.push(post.clone());
                }
            }
        }
        found
    }
}

pub struct Env {
    pub dir: tempfile::TempDir,
    pub store: StoreHandle,
    pub secrets: Arc<MemorySecrets>,
}

/// A fresh store on disk with one WordPress target named `situs` pointing at `url`.
pub fn env(url: &str, password: &str) -> Env {
    env_for(url, &site().user, password)
}

fn env_for(url: &str, user: &str, password: &str) -> Env {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .put_target(&Target {
            name: "situs".into(),
            kind: "wordpress".into(),
            url: url.into(),
            username: Some(user.to_owned()),
        })
        .unwrap();
    let secrets = Arc::new(MemorySecrets::default());
    secrets.set("situs", &Secret::new(password)).unwrap();
    Env {
        dir,
        store: StoreHandle::spawn(store).unwrap(),
        secrets,
    }
}

impl Env {
    pub async fn article(
        &self,
        title: &str,
        body: &str,
        edit: impl FnOnce(&mut Article) + Send + 'static,
    ) -> Article {
        let (title, body) = (title.to_owned(), body.to_owned());
        self.store
            .call(move |s| {
                let mut a = s.create_article(&title, &body)?;
                edit(&mut a);
                s.save_article(&a)
            })
            .await
            .unwrap()
    }

    /// A PNG file outside Redaksi (in the test's folder), distinct per `salt`.
    pub fn image(&self, name: &str, salt: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        let mut bytes = PNG_1X1.to_vec();
        // Bytes after IEND keep the PNG valid and make each file distinct.
        bytes.extend_from_slice(salt.as_bytes());
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// A PNG put into Redaksi's media for `article`, as "Insert image" does; returns the
    /// reference the article's Markdown uses (`media/<hash>.png`).
    pub async fn stored_image(&self, article: uuid::Uuid, name: &str, salt: &str) -> String {
        let file = self.image(name, salt);
        self.store
            .call(move |s| s.import_media(article, &file))
            .await
            .unwrap()
            .markdown_path
    }

    /// Changes a stored article.
    pub async fn edit(
        &self,
        id: uuid::Uuid,
        edit: impl FnOnce(&mut Article) + Send + 'static,
    ) -> Article {
        self.store
            .call(move |s| {
                let mut a = s.get_article(id)?;
                edit(&mut a);
                s.save_article(&a)
            })
            .await
            .unwrap()
    }
}
