//! The data screens in the real window: restoring a backup from the settings (the running app
//! swaps its database and the UI loads again), and a damaged database reported at launch with
//! its newest good backup restored from the notice. Each flow saves a screenshot to test-output/.

use std::path::Path;

use redaksi_e2e::{App, Driver, Result};
use redaksi_store::{DB_FILE, Store};
use tokio::sync::Mutex;

/// One window at a time: the machine is small.
static ONE_WINDOW: Mutex<()> = Mutex::const_new(());

/// An article saved as "pagi", backed up, then changed to "sore": the backup holds the morning.
fn seed(dir: &Path) -> Result<Store> {
    let mut store = Store::open(dir)?;
    let mut article = store.create_article("Laporan banjir", "Versi pagi.")?;
    store.backup_now()?;
    article.body = "Versi sore.".into();
    store.save_article(&article)?;
    Ok(store)
}

async fn count(app: &App, test_id: &str) -> Result<usize> {
    let n = app
        .client
        .execute(
            "return document.querySelectorAll(`[data-testid=\"${arguments[0]}\"]`).length",
            vec![serde_json::Value::from(test_id)],
        )
        .await?;
    Ok(n.as_u64().unwrap_or_default() as usize)
}

async fn wait_for_editor(app: &App, text: &str) -> Result<()> {
    app.wait_until(&format!("the editor to show {text:?}"), || async move {
        Ok(app.editor_text().await?.contains(text).then_some(()))
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_restored_from_the_settings_replaces_the_database_and_reloads() -> Result<()> {
    let _one = ONE_WINDOW.lock().await;
    let data = tempfile::tempdir()?;
    drop(seed(data.path())?);
    let driver = Driver::start(data.path())?;
    let app = driver.launch_in_english().await?;
    wait_for_editor(&app, "Versi sore.").await?;

    app.test_id("settings-button").await?.click().await?;
    app.test_id("backup-item").await?;
    assert_eq!(count(&app, "backup-item").await?, 1);
    app.test_id("backup-restore").await?.click().await?;
    app.test_id("confirm-restore-backup").await?.click().await?;

    // The UI loads again on the restored database.
    wait_for_editor(&app, "Versi pagi.").await?;
    app.test_id("settings-button").await?.click().await?;
    app.wait_until("the safety backup in the list", || async {
        Ok((count(&app, "backup-item").await? == 2).then_some(()))
    })
    .await?;
    app.screenshot("data-1-backup-restored").await?;
    app.quit().await?;

    // The safety backup (newest) holds the evening text the restore replaced.
    let backups = redaksi_store::list_backups(data.path())?;
    let copy = tempfile::tempdir()?;
    std::fs::copy(&backups[0].path, copy.path().join(DB_FILE))?;
    let safety = Store::open(copy.path())?;
    let id = safety.list_articles()?[0].id;
    assert_eq!(safety.get_article(id)?.body, "Versi sore.");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_is_reported_at_launch_and_its_backup_restored() -> Result<()> {
    let _one = ONE_WINDOW.lock().await;
    let data = tempfile::tempdir()?;
    {
        let mut store = seed(data.path())?;
        for n in 0..200 {
            store.create_article(&format!("Artikel {n}"), &"isi yang panjang ".repeat(200))?;
        }
        store
            .connection()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    // Scribble over pages in the middle of the file, as a failing disk would.
    let path = data.path().join(DB_FILE);
    let mut bytes = std::fs::read(&path)?;
    let len = bytes.len();
    bytes[len / 3..len / 3 + 40_000].fill(0x5a);
    std::fs::write(&path, &bytes)?;

    let driver = Driver::start(data.path())?;
    let app = driver.launch_in_english().await?;
    let notice = app.test_id("store-damaged").await?;
    app.wait_until("the damaged-database notice", || {
        let notice = notice.clone();
        async move { Ok(notice.is_displayed().await?.then_some(())) }
    })
    .await?;
    let text = notice.text().await?;
    assert!(text.contains("The database is damaged"), "{text}");
    app.screenshot("data-2-damaged-database").await?;
    app.test_id("restore-newest-backup").await?.click().await?;

    // The backup was taken before the 200 extra articles: one article, the morning text.
    wait_for_editor(&app, "Versi pagi.").await?;
    assert_eq!(count(&app, "article-item").await?, 1);
    app.quit().await?;
    let kept: Vec<_> = std::fs::read_dir(data.path())?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".replaced-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside");
    assert_eq!(std::fs::read(kept[0].path())?, bytes);
    Ok(())
}
