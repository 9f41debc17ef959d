//! Flow 6 in the real window: add the loopback WordPress as a CMS account in the settings (the
//! application password goes to the OS keyring), write an article, publish it with
//! Ctrl+Shift+P, and watch the outbox row reach "sent"; then ask WordPress itself that the post
//! exists exactly once. Then an edit made in WordPress meets a second publish: the row stops at
//! conflict, the dialog shows both versions, and keeping WordPress's keeps the local text as a
//! new draft.
//!
//! Needs what `cargo xtask test` provides: a display (xvfb-run), a Secret Service session
//! (tests/keyring/session.sh) and the packages tests/wordpress/wp.sh installs. The site is
//! started here with `wp.sh start` (REDAKSI_WP_PORT picks another port when 8089 is taken).

use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fantoccini::key::Key;
use redaksi_e2e::{App, Driver, Result, by_test_id};
use redaksi_test_wordpress::Account;
use serde_json::{Value, json};

/// Starts (or finds running) the loopback WordPress and reads its account from `wp.sh`.
fn start_wordpress() -> Result<Account> {
    Ok(redaksi_test_wordpress::start()
        .map_err(|e| format!("this flow needs the loopback WordPress: {e}"))?)
}

/// Posts whose title is exactly `title`, in any status, asked of WordPress's REST API.
fn posts_titled(site: &Account, title: &str) -> Result<Vec<Value>> {
    let out = Command::new("curl")
        .args(["-fsS", "--max-time", "20", "-G", "-u"])
        .arg(format!("{}:{}", site.user, site.password))
        .arg(format!("{}/", site.url))
        .args(["--data-urlencode", "rest_route=/wp/v2/posts"])
        .args(["--data-urlencode", &format!("search={title}")])
        .args(["--data-urlencode", "status=publish,draft,pending,future"])
        .args([
            "--data-urlencode",
            "context=edit",
            "--data-urlencode",
            "per_page=100",
        ])
        .output()?;
    if !out.status.success() {
        return Err(format!(
            "the WordPress REST API did not answer: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    let posts: Vec<Value> = serde_json::from_slice(&out.stdout)?;
    Ok(posts
        .into_iter()
        .filter(|p| p["title"]["raw"] == title)
        .collect())
}

/// Sets a form control the way a user's choice does: the value, then its change event.
async fn set_value(app: &App, test_id: &str, value: &str) -> Result<()> {
    app.test_id(test_id).await?;
    app.client
        .execute(
            "const c = document.querySelector(`[data-testid=\"${arguments[0]}\"]`);\
             c.value = arguments[1]; c.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(test_id), json!(value)],
        )
        .await?;
    Ok(())
}

async fn text_of(app: &App, css: &str) -> Result<String> {
    let text = app
        .client
        .execute(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';",
            vec![json!(css)],
        )
        .await?;
    Ok(text.as_str().unwrap_or_default().to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn publish_to_the_loopback_wordpress_reaches_sent_once() -> Result<()> {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "the app keeps the CMS password in the OS keyring: run this through \
         tests/keyring/session.sh (cargo xtask test does)"
    );
    let site = start_wordpress()?;
    let data = tempfile::tempdir()?;
    let driver = Driver::start(data.path())?;
    let app = driver.launch_in_english().await?;

    // The account, through the settings: the application password is typed, never stored here.
    app.test_id("settings-button").await?.click().await?;
    app.test_id("account-name")
        .await?
        .send_keys("wp-lokal")
        .await?;
    set_value(&app, "account-kind", "wordpress").await?;
    app.test_id("account-url")
        .await?
        .send_keys(&site.url)
        .await?;
    app.test_id("account-user")
        .await?
        .send_keys(&site.user)
        .await?;
    app.test_id("account-secret")
        .await?
        .send_keys(&site.password)
        .await?;
    app.test_id("account-save").await?.click().await?;
    app.wait_until("the account in the list", || {
        let app = &app;
        async move {
            let listed = text_of(app, &by_test_id("account-list")).await?;
            let message = text_of(app, &by_test_id("account-message")).await?;
            if message.contains("not saved") {
                return Err(format!("saving the account failed: {message}").into());
            }
            Ok(listed.contains("wp-lokal").then_some(()))
        }
    })
    .await?;
    let secret_left = app
        .client
        .execute(
            "return document.querySelector('[data-testid=\"account-secret\"]').value + JSON.stringify(localStorage);",
            vec![],
        )
        .await?;
    assert!(
        !secret_left.to_string().contains(&site.password),
        "the password stays out of the page and localStorage"
    );
    app.screenshot("publish-1-cms-account").await?;
    app.client
        .execute(
            "document.querySelector('[data-testid=\"settings\"]').closest('.overlay').querySelector('.overlay-close').click();",
            vec![],
        )
        .await?;

    // An article with a title no earlier run used, so "exactly once" is about this publish.
    let stamp = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis();
    let title = format!("Banjir rob Muara Baru {stamp}");
    let editor = app
        .new_article(
            &title,
            "Air laut pasang merendam permukiman warga sejak pagi.",
        )
        .await?;
    app.wait_for_save_state("saved").await?;

    // Ctrl+Shift+P from the editor opens the dialog; the preview is the post WordPress gets.
    editor
        .send_keys(&format!(
            "{}{}p{}",
            char::from(Key::Control),
            char::from(Key::Shift),
            char::from(Key::Null)
        ))
        .await?;
    app.wait_until("the payload preview", || {
        let app = &app;
        let title = &title;
        async move {
            let preview = text_of(app, &by_test_id("publish-preview")).await?;
            Ok(
                (preview.contains(title.as_str()) && preview.contains("Air laut pasang"))
                    .then_some(()),
            )
        }
    })
    .await?;
    let destination = app
        .test_id("publish-destination")
        .await?
        .prop("value")
        .await?;
    assert_eq!(destination.as_deref(), Some("target:wp-lokal"));
    set_value(&app, "publish-status", "publish").await?;
    app.wait_until("the preview as a published post", || {
        let app = &app;
        async move {
            let preview = text_of(app, &by_test_id("publish-preview")).await?;
            Ok(preview.contains("\"status\": \"publish\"").then_some(()))
        }
    })
    .await?;
    app.screenshot("publish-2-dialog-preview").await?;
    app.test_id("publish-confirm").await?.click().await?;

    // The outbox opens and follows the worker until WordPress has the post.
    let item = by_test_id("outbox-item");
    let status = app
        .wait_until("the outbox row to reach sent", || {
            let app = &app;
            let item = &item;
            async move {
                let status = app
                    .client
                    .execute(
                        "const e = document.querySelector(arguments[0]); return e ? e.dataset.status : null;",
                        vec![json!(item)],
                    )
                    .await?;
                let status = status.as_str().unwrap_or_default().to_owned();
                if ["failed", "needs-auth", "conflict"].contains(&status.as_str()) {
                    let why = text_of(app, item).await?;
                    return Err(format!("the outbox row stopped at {status}: {why}").into());
                }
                Ok((status == "sent").then_some(status))
            }
        })
        .await?;
    assert_eq!(status, "sent");
    let row_text = text_of(&app, &item).await?;
    assert!(
        row_text.contains(&title) && row_text.contains("wp-lokal") && row_text.contains("Sent"),
        "{row_text}"
    );
    app.screenshot("publish-3-outbox-sent").await?;

    let posts = posts_titled(&site, &title)?;
    assert_eq!(
        posts.len(),
        1,
        "WordPress holds the post exactly once: {posts:?}"
    );
    assert_eq!(posts[0]["status"], "publish");
    let content = posts[0]["content"]["raw"].as_str().unwrap_or_default();
    assert!(content.contains("Air laut pasang"), "{content}");
    assert!(
        row_text.contains(posts[0]["link"].as_str().unwrap_or("-")),
        "the row links the post: {row_text}"
    );

    // An editor changes the post in WordPress; the reporter publishes again. Nothing is
    // overwritten: the row stops at conflict and the dialog shows both versions.
    let post_id = posts[0]["id"].as_u64().ok_or("the post has no id")?;
    // WordPress keeps modified_gmt to the second: make the edit land in a later one.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let edited_title = format!("{title} (disunting redaktur)");
    edit_post(&site, post_id, &edited_title)?;
    app.client
        .execute(
            "document.querySelector('[data-testid=\"outbox\"] .overlay-close').click();",
            vec![],
        )
        .await?;
    editor.click().await?;
    editor.send_keys(" Warga mengungsi ke masjid.").await?;
    app.wait_for_save_state("saved").await?;
    app.test_id("publish-button").await?.click().await?;
    app.wait_until("the dialog again", || {
        let app = &app;
        async move {
            let preview = text_of(app, &by_test_id("publish-preview")).await?;
            Ok(preview.contains("mengungsi").then_some(()))
        }
    })
    .await?;
    set_value(&app, "publish-status", "publish").await?;
    app.test_id("publish-confirm").await?.click().await?;
    let conflict = format!("{item}[data-status=\"conflict\"]");
    app.wait_until("the second publish to stop at conflict", || {
        let app = &app;
        let conflict = &conflict;
        async move { Ok((!text_of(app, conflict).await?.is_empty()).then_some(())) }
    })
    .await?;
    app.find(&format!("{conflict} {}", by_test_id("outbox-resolve")))
        .await?
        .click()
        .await?;
    app.wait_until("both versions side by side", || {
        let app = &app;
        let edited_title = &edited_title;
        async move {
            let remote = text_of(app, &by_test_id("conflict-remote-title")).await?;
            let local = text_of(app, &by_test_id("conflict-local")).await?;
            Ok((remote == *edited_title && local.contains("mengungsi")).then_some(()))
        }
    })
    .await?;
    app.screenshot("publish-4-conflict").await?;
    app.test_id("conflict-keep-remote").await?.click().await?;
    let copy_title = format!("{title} (local copy)");
    app.wait_until("the local text kept as a new draft", || {
        let app = &app;
        let copy_title = &copy_title;
        async move {
            let list = text_of(app, &by_test_id("article-list")).await?;
            Ok(list.contains(copy_title.as_str()).then_some(()))
        }
    })
    .await?;
    let after = posts_titled(&site, &edited_title)?;
    assert_eq!(after.len(), 1, "the editor's version is still there once");
    let content = after[0]["content"]["raw"].as_str().unwrap_or_default();
    assert!(!content.contains("mengungsi"), "not overwritten: {content}");
    assert!(posts_titled(&site, &title)?.is_empty(), "no second post");
    app.quit().await?;
    Ok(())
}

/// Changes a post's title the way an editor in WordPress would.
fn edit_post(site: &Account, id: u64, title: &str) -> Result<()> {
    let out = Command::new("curl")
        .args(["-fsS", "--max-time", "20", "-u"])
        .arg(format!("{}:{}", site.user, site.password))
        .arg(format!("{}/?rest_route=/wp/v2/posts/{id}", site.url))
        .args(["--data-urlencode", &format!("title={title}")])
        .output()?;
    if !out.status.success() {
        return Err(format!(
            "editing post {id} in WordPress failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(())
}
