//! The app's window only ever shows the app (issue 10, item 17). A link clicked in the preview
//! opens in the system browser, and the shell refuses any navigation of the window off the app's
//! own origin, so neither a link nor a script can swap the desk for a web page.

use std::time::Duration;

use redaksi_e2e::{App, Driver, Result};
use serde_json::json;
use tokio::net::TcpListener;

/// How long a refused navigation is given to happen anyway; a followed one reaches the loopback
/// server within milliseconds.
const GRACE: Duration = Duration::from_secs(3);

/// The page's address and whether the mark set before the navigation is still there (a page that
/// navigated away and back, or reloaded, has lost it).
async fn page_state(app: &App) -> Result<(String, bool)> {
    let state = app
        .client
        .execute(
            "return [location.href, window.redaksiStayed === true];",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(state)?)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_never_navigates_off_the_app() -> Result<()> {
    let data_dir = tempfile::tempdir()?;
    let driver = Driver::start(data_dir.path())?;
    let app = driver.launch_patiently().await?;
    app.new_article("Tautan", "Lihat [situs](https://example.invalid/berita).")
        .await?;
    app.client
        .execute("window.redaksiStayed = true; return null;", vec![])
        .await?;
    let (origin, _) = page_state(&app).await?;
    assert!(
        origin.starts_with("tauri://localhost") || origin.contains("tauri.localhost"),
        "the app runs from its own origin: {origin}"
    );

    // A link in the preview: clicked, it goes to the system browser, not into the window.
    app.test_id("preview-toggle").await?.click().await?;
    let link = app.find("[data-testid=\"preview\"] a").await?;
    link.click().await?;

    // A script that sets the address: a loopback server shows whether the webview asked for it.
    let server = TcpListener::bind("127.0.0.1:0").await?;
    let target = format!("http://{}/", server.local_addr()?);
    app.client
        .execute(
            "location.href = arguments[0]; return null;",
            vec![json!(target)],
        )
        .await?;
    let request = tokio::time::timeout(GRACE, server.accept()).await;
    assert!(
        request.is_err(),
        "the window asked {target} for a page: navigation was not refused"
    );

    let (now, stayed) = page_state(&app).await?;
    assert_eq!(now, origin, "the window still shows the app");
    assert!(stayed, "the page was never left or reloaded");
    app.test_id("new-article").await?;
    let shot = app.screenshot("navigation-refused").await?;
    println!("screenshot: {}", shot.display());
    app.quit().await?;
    Ok(())
}
