//! The Redaksi Review plugin (`integrations/wordpress/redaksi-review`, which `wp.sh start`
//! activates): a review note reaches the post's own people and nobody else, and who wrote it
//! and when is recorded by the site, not claimed by a client.

use redaksi_test_wordpress::{Account, start_newsroom};
use reqwest::Method;
use serde_json::{Value, json};

/// One REST call, as `account` when given (anonymous otherwise): the status and the answer.
async fn call(
    account: Option<&Account>,
    url: &str,
    method: Method,
    route: &str,
    context: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = reqwest::Client::new()
        .request(method, format!("{url}/"))
        .query(&[("rest_route", route), ("context", context)]);
    if let Some(account) = account {
        request = request.basic_auth(&account.user, Some(&account.password));
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let answer = request
        .send()
        .await
        .expect("the loopback WordPress answers");
    let status = answer.status().as_u16();
    (status, answer.json().await.unwrap_or(Value::Null))
}

// One test: each `wp.sh start` replaces the passwords.
#[tokio::test]
async fn a_review_note_is_private_to_the_posts_people_and_stamped_by_the_site() {
    let newsroom = start_newsroom().expect("the loopback WordPress starts");
    let url = newsroom.author.url.clone();
    let secret = format!("Perbaiki judulnya {}", std::process::id());
    let (status, post) = call(
        Some(&newsroom.author),
        &url,
        Method::POST,
        "/wp/v2/posts",
        "edit",
        Some(json!({"title": "Catatan rahasia", "content": "Isi.", "status": "pending"})),
    )
    .await;
    assert_eq!(status, 201, "{post}");
    let route = format!("/wp/v2/posts/{}", post["id"]);

    // The editor leaves a note and publishes; the site records who and when.
    let (status, edited) = call(
        Some(&newsroom.editor),
        &url,
        Method::POST,
        &route,
        "edit",
        Some(json!({"status": "publish", "meta": {"redaksi_review_note": secret}})),
    )
    .await;
    assert_eq!(status, 200, "{edited}");
    assert_eq!(edited["meta"]["redaksi_review_note"], secret.as_str());
    assert_eq!(edited["meta"]["redaksi_review_note_by"], "Sari Editor");
    let at = edited["meta"]["redaksi_review_note_at"].as_str().unwrap();
    assert_eq!(at.len(), "2026-12-03T18:18:57".len(), "{at}");

    // The post's author reads it (the reporter's sync does exactly this).
    let (status, own) = call(
        Some(&newsroom.author),
        &url,
        Method::GET,
        &route,
        "edit",
        None,
    )
    .await;
    assert_eq!(status, 200, "{own}");
    assert_eq!(own["meta"]["redaksi_review_note"], secret.as_str());

    // Nobody else: not a reader of the published post, not another reporter, not a feed.
    let (status, public) = call(None, &url, Method::GET, &route, "view", None).await;
    assert_eq!(status, 200, "{public}");
    assert!(!public.to_string().contains(&secret), "{public}");
    assert!(
        public["meta"].get("redaksi_review_note").is_none(),
        "{public}"
    );
    let (status, _) = call(None, &url, Method::GET, &route, "edit", None).await;
    assert_eq!(status, 401);
    let (status, other) = call(
        Some(&newsroom.contributor),
        &url,
        Method::GET,
        &route,
        "edit",
        None,
    )
    .await;
    assert_eq!(status, 403, "{other}");
    let feed = reqwest::get(format!("{url}/?feed=rss2"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        feed.contains("Catatan rahasia"),
        "the post is not in the feed at all"
    );
    assert!(!feed.contains(&secret), "the note leaked into the feed");

    // Who and when are the site's to say.
    let (status, refused) = call(
        Some(&newsroom.editor),
        &url,
        Method::POST,
        &route,
        "edit",
        Some(json!({"meta": {"redaksi_review_note_by": "someone else"}})),
    )
    .await;
    assert_eq!(status, 403, "{refused}");
    let (_, deleted) = call(
        Some(&newsroom.editor),
        &url,
        Method::DELETE,
        &route,
        "edit",
        Some(json!({"force": true})),
    )
    .await;
    assert_eq!(deleted["deleted"], true, "{deleted}");
}
