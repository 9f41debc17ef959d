//! Switching the UI language in the settings changes every visible string, and the choice
//! survives a restart (issue 7, flow 7).

use redaksi_e2e::{App, Driver, Result};

async fn new_article_label(app: &App) -> Result<String> {
    Ok(app.test_id("new-article").await?.text().await?)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_language_setting_switches_the_ui_and_is_remembered() -> Result<()> {
    let data_dir = tempfile::tempdir()?;
    let driver = Driver::start(data_dir.path())?;

    let app = driver.launch_patiently().await?;
    app.test_id("settings-button").await?.click().await?;
    let select = app.test_id("language-select").await?;
    select.select_by_value("id").await?;
    let label = app
        .wait_until("the UI to switch to Indonesian", || async {
            let label = new_article_label(&app).await?;
            Ok(label.contains("Artikel baru").then_some(label))
        })
        .await?;
    assert!(!label.contains("New article"), "{label}");
    let settings_title = app.find("#settings-title").await?.text().await?;
    assert_eq!(settings_title, "Pengaturan");
    let shot = app.screenshot("language-indonesian-settings").await?;
    println!("screenshot: {}", shot.display());

    select.select_by_value("en").await?;
    app.wait_until("the UI to switch to English", || async {
        Ok(new_article_label(&app)
            .await?
            .contains("New article")
            .then_some(()))
    })
    .await?;
    select.select_by_value("id").await?;
    app.quit().await?;

    let app = driver.launch_patiently().await?;
    let label = app
        .wait_until("the UI to load", || async {
            let label = new_article_label(&app).await?;
            Ok((!label.is_empty()).then_some(label))
        })
        .await?;
    assert!(
        label.contains("Artikel baru"),
        "the choice survives a restart: {label}"
    );
    app.quit().await?;
    Ok(())
}
