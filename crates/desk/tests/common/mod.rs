//! What the review tests share: one person's Redaksi (a data folder of their own, signed in
//! to the loopback WordPress) and a direct REST call as someone working in wp-admin.

use std::sync::Arc;

use redaksi_desk::review;
use redaksi_publish::credentials::{MemorySecrets, Secret, SecretStore};
use redaksi_publish::outbox::{Until, Worker, WorkerConfig};
use redaksi_publish::wordpress::WordPress;
use redaksi_store::outbox::Target;
use redaksi_store::{Store, StoreHandle};
use redaksi_test_wordpress::Account;
use reqwest::Method;
use serde_json::Value;

/// The target name every person gives the site.
pub const SITE: &str = "redaksi";

/// One person's Redaksi: a data folder, its store, its account.
pub struct Person {
    _dir: tempfile::TempDir,
    pub store: StoreHandle,
    pub secrets: Arc<MemorySecrets>,
    pub wp: WordPress,
}

impl Person {
    pub async fn new(account: &Account) -> Person {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .put_target(&Target {
                name: SITE.into(),
                kind: "wordpress".into(),
                url: account.url.clone(),
                username: Some(account.user.clone()),
            })
            .unwrap();
        let store = StoreHandle::spawn(store).unwrap();
        let secrets = Arc::new(MemorySecrets::default());
        secrets
            .set(SITE, &Secret::new(account.password.clone()))
            .unwrap();
        let wp = review::connect(&store, secrets.as_ref(), SITE)
            .await
            .unwrap();
        Person {
            _dir: dir,
            store,
            secrets,
            wp,
        }
    }

    /// Runs this person's outbox until nothing is queued.
    pub async fn send_with(&self, config: WorkerConfig) {
        let secrets: Arc<dyn SecretStore> = self.secrets.clone();
        Arc::new(Worker::new(self.store.clone(), secrets, config))
            .run(Until::Empty)
            .await
            .unwrap();
    }

    pub async fn outbox(&self) -> Vec<redaksi_store::outbox::OutboxItem> {
        self.store.call(|s| s.outbox_list()).await.unwrap()
    }
}

/// A REST call as `account` (`context=edit`), which must succeed.
pub async fn rest(
    account: &Account,
    method: Method,
    route: &str,
    query: &[(&str, &str)],
    body: Option<Value>,
) -> Value {
    let mut request = reqwest::Client::new()
        .request(method, format!("{}/", account.url))
        .query(&[("rest_route", route), ("context", "edit")])
        .query(query)
        .basic_auth(&account.user, Some(&account.password));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let answer = request.send().await.unwrap();
    let status = answer.status();
    let body: Value = answer.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "{route}: {status} {body}");
    body
}
