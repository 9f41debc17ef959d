//! The newsroom's accounts exist on the test site with the roles the review workflow relies on,
//! and each signs in with its own application password.

use redaksi_test_wordpress::{Account, start_newsroom};
use serde_json::Value;

/// `users/me` with `context=edit`: the roles and capabilities WordPress grants the account.
async fn me(account: &Account) -> Value {
    let answer = reqwest::Client::new()
        .get(format!("{}/", account.url))
        .query(&[("rest_route", "/wp/v2/users/me"), ("context", "edit")])
        .basic_auth(&account.user, Some(&account.password))
        .send()
        .await
        .expect("the loopback WordPress answers");
    assert!(
        answer.status().is_success(),
        "{} cannot sign in: {}",
        account.user,
        answer.status()
    );
    answer.json().await.expect("users/me is JSON")
}

// One test: each `wp.sh start` replaces the passwords, so two tests starting the site at once
// would sign each other out.
#[tokio::test]
async fn reporters_and_editor_sign_in_with_fresh_passwords_and_their_roles() {
    let earlier = start_newsroom().expect("the loopback WordPress starts");
    let newsroom = start_newsroom().expect("the loopback WordPress starts again");
    // (account, its earlier self, its role, may publish, may edit others' posts)
    let expected = [
        (&newsroom.author, &earlier.author, "author", true, false),
        (
            &newsroom.contributor,
            &earlier.contributor,
            "contributor",
            false,
            false,
        ),
        (&newsroom.editor, &earlier.editor, "editor", true, true),
        (&newsroom.admin, &earlier.admin, "administrator", true, true),
    ];
    for (account, earlier, role, publishes, edits_others) in expected {
        assert_eq!(account.user, earlier.user);
        assert_ne!(
            account.password, earlier.password,
            "{} kept an old password",
            account.user
        );
        let me = me(account).await;
        assert_eq!(me["slug"], account.user.as_str(), "{me}");
        assert_eq!(me["roles"], serde_json::json!([role]), "{}", account.user);
        let can = |capability: &str| me["capabilities"][capability].as_bool() == Some(true);
        assert_eq!(can("publish_posts"), publishes, "{}", account.user);
        assert_eq!(can("edit_others_posts"), edits_others, "{}", account.user);
    }
}
