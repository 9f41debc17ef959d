//! The foundation's promise in the real window: write an article, quit, start again, and find
//! every word where it was.

use fantoccini::key::Key;
use redaksi_e2e::{App, Driver, Result, by_test_id};

const TITLE: &str = "Banjir rob genangi Jakarta Utara";
const FIRST_LINE: &str = "Air laut pasang merendam permukiman di Muara Baru sejak pagi.";
const SECOND_LINE: &str = "Warga mengungsi ke masjid terdekat.";

/// The titles in the article list, read from the DOM (WebDriver's visible text would drop
/// the part an ellipsis hides).
async fn article_items(app: &App) -> Result<Vec<String>> {
    let titles = app
        .client
        .execute(
            "return Array.from(document.querySelectorAll('[data-testid=\"article-item\"] .item-title'), \
             (item) => item.textContent);",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(titles)?)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_written_article_survives_quitting_and_relaunching() -> Result<()> {
    let data_dir = tempfile::tempdir()?;
    let driver = Driver::start(data_dir.path())?;

    let app = driver.launch_patiently().await?;
    app.test_id("article-list").await?;
    assert_eq!(
        article_items(&app).await?,
        Vec::<String>::new(),
        "a new data dir starts empty"
    );

    app.test_id("new-article").await?.click().await?;
    let title = app.test_id("title-input").await?;
    app.wait_until("the title field to show", || {
        let title = title.clone();
        async move { Ok(title.is_displayed().await?.then_some(())) }
    })
    .await?;
    title.send_keys(TITLE).await?;

    let editor = app
        .find(&format!("{} .cm-content", by_test_id("editor")))
        .await?;
    editor.click().await?;
    let enter = char::from(Key::Enter).to_string();
    editor
        .send_keys(&format!("{FIRST_LINE}{enter}{SECOND_LINE}"))
        .await?;

    app.wait_for_save_state("saved").await?;
    let shot = app.screenshot("foundation-written").await?;
    println!("screenshot: {}", shot.display());
    app.quit().await?;

    let launched = std::time::Instant::now();
    let app = driver.launch_patiently().await?;
    app.test_id("new-article").await?;
    // Measured, not asserted: it includes WebDriver's own start-up, so it is an upper bound.
    println!(
        "launch to editable window (upper bound, incl. WebDriver): {} ms",
        launched.elapsed().as_millis()
    );
    let items = app
        .wait_until("the article list to load", || async {
            let items = article_items(&app).await?;
            Ok((!items.is_empty()).then_some(items))
        })
        .await?;
    assert_eq!(items.len(), 1, "one article after the restart: {items:?}");
    assert!(
        items[0].contains(TITLE),
        "the list shows the title: {items:?}"
    );

    app.test_id("article-item").await?.click().await?;
    let title = app.test_id("title-input").await?;
    let shown = app
        .wait_until("the title to load", || {
            let title = title.clone();
            async move {
                let value = title.prop("value").await?.unwrap_or_default();
                Ok((!value.is_empty()).then_some(value))
            }
        })
        .await?;
    assert_eq!(shown, TITLE);
    assert_eq!(
        app.editor_text().await?,
        format!("{FIRST_LINE}\n{SECOND_LINE}")
    );
    app.test_id("save-state").await?;
    let shot = app.screenshot("foundation-relaunched").await?;
    println!("screenshot: {}", shot.display());

    #[cfg(target_os = "linux")]
    {
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        let processes = redaksi_e2e::app_memory(driver.app_path())?;
        for p in &processes {
            println!(
                "idle memory: {:>7} KiB PSS  {} ({})",
                p.pss_kib, p.name, p.pid
            );
        }
        let total: u64 = processes.iter().map(|p| p.pss_kib).sum();
        println!(
            "idle memory: {:>7} KiB PSS  total of {} processes",
            total,
            processes.len()
        );
    }
    app.quit().await?;
    Ok(())
}
