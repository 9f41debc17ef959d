//! The editor's desk in the real window: writing with live scoring, keywords changing the score,
//! a check's highlight, dashboard search and filters, restoring a revision, switching the
//! language. Each flow saves a screenshot to test-output/.

use std::time::Duration;

use fantoccini::Locator;
use fantoccini::key::Key;
use redaksi_article::Keyword;
use redaksi_e2e::{App, Driver, Result, by_test_id};
use redaksi_store::Store;
use tokio::sync::Mutex;

/// One window at a time: the machine is small and the flows type with real key events.
static ONE_WINDOW: Mutex<()> = Mutex::const_new(());

const BODY: &str = "Banjir rob kembali merendam permukiman warga di Muara Baru sejak pagi. \
Air laut pasang setinggi lutut orang dewasa.";

async fn text_of(app: &App, test_id: &str) -> Result<String> {
    // textContent, not WebDriver's rendered text: clipped text (an ellipsis) must count too.
    app.test_id(test_id).await?;
    let text = app
        .client
        .execute(
            "return document.querySelector(`[data-testid=\"${arguments[0]}\"]`).textContent",
            vec![serde_json::Value::from(test_id)],
        )
        .await?;
    Ok(text.as_str().unwrap_or_default().to_owned())
}

async fn wait_text<F: Fn(&str) -> bool>(
    app: &App,
    test_id: &str,
    what: &str,
    ok: F,
) -> Result<String> {
    app.wait_until(what, || {
        let ok = &ok;
        async move {
            let text = text_of(app, test_id).await?;
            Ok(ok(&text).then_some(text))
        }
    })
    .await
}

/// The "NN / 100" of the badge, once it shows a number.
async fn badge_score(app: &App) -> Result<u32> {
    let text = wait_text(app, "score-badge", "a score on the badge", |t| {
        t.split('/')
            .next()
            .is_some_and(|n| n.trim().parse::<u32>().is_ok())
    })
    .await?;
    assert!(text.contains("/ 100"), "badge text {text:?}");
    Ok(text.split('/').next().unwrap().trim().parse()?)
}

async fn checks(app: &App) -> Result<Vec<(String, String)>> {
    // One script call: the panel re-renders on every analysis, so element handles go stale.
    let pairs = app
        .client
        .execute(
            "return Array.from(document.querySelectorAll('[data-testid=seo-check]'), \
               li => [li.dataset.checkId, li.dataset.status]);",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(pairs)?)
}

#[tokio::test(flavor = "multi_thread")]
async fn write_set_keywords_and_highlight_a_check() -> Result<()> {
    let _one = ONE_WINDOW.lock().await;
    let data = tempfile::tempdir()?;
    let driver = Driver::start(data.path())?;
    let app = driver.launch_in_english().await?;

    // 1. Write: title and body, autosaved; counts and the preview follow.
    app.new_article("Banjir rob genangi Muara Baru", BODY)
        .await?;
    app.wait_for_save_state("saved").await?;
    wait_text(&app, "counts", "the word count", |t| t.contains("18 words")).await?;
    app.test_id("preview-toggle").await?.click().await?;
    let preview = wait_text(&app, "preview", "the preview", |t| t.contains("Muara Baru")).await?;
    assert!(preview.contains("Banjir rob"), "{preview}");

    // 2. Keywords change the score and the checks.
    let before_score = badge_score(&app).await?;
    let before_checks = checks(&app).await?;
    assert!(!before_checks.is_empty(), "the SEO panel lists checks");
    let keyword = app.test_id("keyword-input").await?;
    keyword
        .send_keys(&format!("banjir rob{}", char::from(Key::Enter)))
        .await?;
    app.wait_until("the checks to change after the keyword", || {
        let before = before_checks.clone();
        let app = &app;
        async move { Ok((checks(app).await? != before).then_some(())) }
    })
    .await?;
    let after_score = badge_score(&app).await?;
    assert_ne!(
        before_score, after_score,
        "a focus keyword changes the score"
    );
    let band = app
        .test_id("score-badge")
        .await?
        .attr("data-band")
        .await?
        .unwrap_or_default();
    let expected = if after_score > 80 {
        "good"
    } else if after_score > 50 {
        "ok"
    } else {
        "bad"
    };
    assert_eq!(band, expected, "badge colour for {after_score}");
    app.screenshot("desk-1-write-and-score").await?;

    // 3. Clicking a check with marks highlights them in the editor.
    let with_marks = app
        .client
        .execute(
            "return Array.from(document.querySelectorAll('[data-testid=seo-check]'))\
               .map(li => li.dataset.checkId);",
            vec![],
        )
        .await?;
    let ids: Vec<String> = serde_json::from_value(with_marks)?;
    let mut highlighted = false;
    for id in [
        "keywordInContent",
        "keyphrase_in_body",
        "keywordDensity",
        "keyword_density",
    ]
    .iter()
    .filter(|id| ids.iter().any(|i| i == *id))
    .chain(ids.iter().map(String::as_str).collect::<Vec<_>>().iter())
    {
        app.find(&format!("[data-check-id=\"{id}\"] .check-button"))
            .await?
            .click()
            .await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let marks = app.client.find_all(Locator::Css(".cm-check-mark")).await?;
        if let Some(mark) = marks.first() {
            let text = mark.text().await?.to_lowercase();
            println!(
                "check {id} highlights {} range(s), first {text:?}",
                marks.len()
            );
            highlighted = true;
            break;
        }
    }
    assert!(highlighted, "some check highlights its marks in the editor");
    app.screenshot("desk-2-check-highlight").await?;

    // The metadata panel and the SERP preview.
    app.test_id("panel-tab-meta").await?.click().await?;
    let slug = app
        .test_id("slug-input")
        .await?
        .prop("value")
        .await?
        .unwrap_or_default();
    assert_eq!(slug, "banjir-rob-genangi-muara-baru");
    app.test_id("description-input")
        .await?
        .send_keys("Banjir rob merendam Muara Baru, Jakarta Utara, sejak pagi; warga mengungsi ke masjid dan posko darurat milik kelurahan setempat sambil menunggu air laut surut kembali.")
        .await?;
    let url = text_of(&app, "serp-url").await?;
    assert!(url.ends_with("/banjir-rob-genangi-muara-baru"), "{url}");
    let title = text_of(&app, "serp-title").await?;
    assert!(
        title.starts_with("Banjir rob genangi Muara Baru"),
        "{title}"
    );
    let description = wait_text(&app, "serp-description", "the SERP description", |t| {
        t.starts_with("Banjir rob")
    })
    .await?;
    assert!(
        description.ends_with("..."),
        "a long description is cut by width: {description}"
    );
    app.screenshot("desk-3-metadata-serp").await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn search_and_filter_the_dashboard() -> Result<()> {
    let _one = ONE_WINDOW.lock().await;
    let data = tempfile::tempdir()?;
    seed(data.path(), 300)?;
    let driver = Driver::start(data.path())?;
    let app = driver.launch_in_english().await?;
    app.test_id("tab-dashboard").await?.click().await?;
    let count = wait_text(&app, "dashboard-count", "all rows", |t| t.contains("300")).await?;
    println!("dashboard: {count}");
    let rows = app
        .client
        .find_all(Locator::Css(&by_test_id("dashboard-row")))
        .await?;
    assert!(
        rows.len() < 100,
        "only the rows in view are drawn ({})",
        rows.len()
    );

    app.test_id("search-input")
        .await?
        .send_keys("gempa")
        .await?;
    let filtered = wait_text(&app, "dashboard-count", "the search result", |t| {
        t.starts_with("100 ")
    })
    .await?;
    println!("search gempa: {filtered}");
    // textContent: WebDriver's text() is empty for the overscan rows outside the viewport.
    let titles = app
        .client
        .execute(
            "return Array.from(document.querySelectorAll('[data-testid=dashboard-row] .col-title'), e => e.textContent)",
            vec![],
        )
        .await?;
    let titles: Vec<String> = serde_json::from_value(titles)?;
    assert!(!titles.is_empty());
    for title in &titles {
        assert!(title.to_lowercase().contains("gempa"), "{title}");
    }
    app.test_id("filter-status")
        .await?
        .select_by_value("in_review")
        .await?;
    let narrowed = wait_text(&app, "dashboard-count", "search + status", |t| {
        !t.starts_with("100 ")
    })
    .await?;
    println!("search gempa + in review: {narrowed}");
    let n: usize = narrowed.split(' ').next().unwrap().parse()?;
    assert!(n > 0 && n < 100, "{narrowed}");
    for row in app
        .client
        .find_all(Locator::Css("[data-testid=dashboard-row] .col-status"))
        .await?
    {
        assert_eq!(row.attr("data-status").await?.as_deref(), Some("in_review"));
    }
    // Keyboard: the grid takes arrows and Enter opens the active row in the editor.
    app.test_id("dashboard-grid").await?.click().await?;
    app.test_id("dashboard-grid")
        .await?
        .send_keys(&format!(
            "{}{}",
            char::from(Key::Down),
            char::from(Key::Enter)
        ))
        .await?;
    let title = app.test_id("title-input").await?;
    app.wait_until("the article to open", || {
        let title = title.clone();
        async move { Ok(title.is_displayed().await?.then_some(())) }
    })
    .await?;
    assert!(
        title
            .prop("value")
            .await?
            .unwrap_or_default()
            .to_lowercase()
            .contains("gempa")
    );
    app.test_id("tab-dashboard").await?.click().await?;
    wait_text(&app, "dashboard-count", "the rows again", |t| !t.is_empty()).await?;
    app.screenshot("desk-4-dashboard-search-filter").await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn restore_a_revision() -> Result<()> {
    let _one = ONE_WINDOW.lock().await;
    let data = tempfile::tempdir()?;
    let driver = Driver::start(data.path())?;
    let app = driver.launch_in_english().await?;
    app.new_article("Harga cabai", "Versi pertama dari berita.")
        .await?;
    let save = format!("{}s{}", char::from(Key::Control), char::from(Key::Control));
    let editor = app
        .find(&format!("{} .cm-content", by_test_id("editor")))
        .await?;
    editor.send_keys(&save).await?;
    app.wait_for_save_state("saved").await?;
    editor.send_keys(" Tambahan kedua.").await?;
    editor.send_keys(&save).await?;
    app.wait_for_save_state("saved").await?;
    assert!(app.editor_text().await?.contains("Tambahan kedua."));

    app.test_id("history-button").await?.click().await?;
    app.test_id("history-item").await?;
    let items = app
        .client
        .find_all(Locator::Css(&by_test_id("history-item")))
        .await?;
    assert!(
        items.len() >= 2,
        "two explicit saves leave two revisions ({})",
        items.len()
    );
    // The oldest Ctrl+S revision is the last "save" in the timeline.
    let saves = app
        .client
        .find_all(Locator::Css(
            "[data-testid=history-item][data-kind=save] button",
        ))
        .await?;
    assert!(
        saves.len() >= 2,
        "each Ctrl+S leaves a revision ({})",
        saves.len()
    );
    saves.last().unwrap().click().await?;
    app.test_id("diff").await?;
    app.test_id("restore-revision").await?.click().await?;
    app.screenshot("desk-5-restore-confirm").await?;
    app.test_id("confirm-restore").await?.click().await?;
    wait_text(&app, "history-status", "the restore", |t| !t.is_empty()).await?;
    let text = app.editor_text().await?;
    assert_eq!(text, "Versi pertama dari berita.");
    let after = app
        .client
        .find_all(Locator::Css(&by_test_id("history-item")))
        .await?;
    assert!(
        after.len() > items.len(),
        "the replaced text stays in the history"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot("desk-5-restored").await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn switch_the_language() -> Result<()> {
    let _one = ONE_WINDOW.lock().await;
    let data = tempfile::tempdir()?;
    let driver = Driver::start(data.path())?;
    let app = driver.launch_in_english().await?;
    app.new_article("Gempa Cianjur", "Gempa mengguncang Cianjur pagi ini.")
        .await?;
    badge_score(&app).await?;
    for (lang, dashboard, hint_word) in [("en", "Dashboard", ""), ("id", "Dasbor", "")] {
        app.test_id("settings-button").await?.click().await?;
        app.test_id("language-select")
            .await?
            .select_by_value(lang)
            .await?;
        app.find(".overlay:not([hidden]) .overlay-close")
            .await?
            .click()
            .await?;
        wait_text(&app, "tab-dashboard", "the tab label", |t| t == dashboard).await?;
        let html_lang = app
            .client
            .execute("return document.documentElement.lang", vec![])
            .await?;
        assert_eq!(html_lang, lang);
        let _ = hint_word;
    }
    // Hints come back from the engine in Indonesian: no English check text left on screen.
    app.wait_until("Indonesian hints", || {
        let app = &app;
        async move {
            let text = app.test_id("seo-panel").await?.text().await?;
            Ok((!text.contains(" the ") && !text.is_empty()).then_some(()))
        }
    })
    .await?;
    assert_eq!(
        text_of(&app, "settings-button").await?.trim(),
        "⚙ Pengaturan"
    );
    app.screenshot("desk-6-bahasa-indonesia").await?;
    // A real F1 from the keyboard, wherever the focus is; the overlay must be on screen.
    app.client
        .active_element()
        .await?
        .send_keys(&char::from(Key::F1).to_string())
        .await?;
    let overlay = app
        .find(".overlay:not([hidden]) [data-testid=\"shortcuts-overlay\"]")
        .await?;
    assert!(overlay.is_displayed().await?, "F1 shows the shortcuts");
    assert!(
        overlay.text().await?.contains("Simpan sekarang"),
        "the shortcuts are listed in Indonesian"
    );
    // Two frames, so the screenshot shows the overlay that was just painted.
    app.client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
            vec![],
        )
        .await?;
    app.screenshot("desk-7-shortcuts").await?;
    app.quit().await
}

/// Waits two frames, so a screenshot shows what was just drawn (WebKit paints lazily).
async fn painted(app: &App) -> Result<()> {
    app.client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
            vec![],
        )
        .await?;
    Ok(())
}

/// Runs `script` in the window and returns its value.
async fn js(app: &App, script: &str) -> Result<serde_json::Value> {
    Ok(app.client.execute(script, vec![]).await?)
}

/// The features Vitest covers, once more in the real window, in one app start: undo/redo,
/// find, focus mode, rich paste, secondary keywords, the profile switch, a per-check mute, the
/// mobile SERP, sorting the dashboard and a bulk status change.
#[tokio::test(flavor = "multi_thread")]
async fn more_of_the_desk_in_one_window() -> Result<()> {
    let _one = ONE_WINDOW.lock().await;
    let data = tempfile::tempdir()?;
    seed(data.path(), 12)?;
    let driver = Driver::start(data.path())?;
    let app = driver.launch_in_english().await?;
    app.new_article("Banjir rob genangi Muara Baru", BODY)
        .await?;
    app.wait_for_save_state("saved").await?;

    // Undo and redo take back and bring back what was typed last.
    let editor = app
        .find(&format!("{} .cm-content", by_test_id("editor")))
        .await?;
    editor.send_keys(" Tambahan terakhir.").await?;
    app.wait_until("the typed sentence", || async {
        Ok(app
            .editor_text()
            .await?
            .contains("Tambahan terakhir.")
            .then_some(()))
    })
    .await?;
    app.test_id("undo").await?.click().await?;
    let undone = app.editor_text().await?;
    assert!(!undone.contains("Tambahan"), "undo: {undone}");
    assert!(
        undone.contains("Air laut pasang"),
        "undo keeps the earlier text: {undone}"
    );
    app.test_id("redo").await?.click().await?;
    assert!(app.editor_text().await?.contains("Tambahan terakhir."));

    // Find opens CodeMirror's search panel with the focus in its field.
    app.test_id("find").await?.click().await?;
    let focused = js(
        &app,
        "return !!document.querySelector('.cm-search') && document.activeElement?.closest('.cm-search') !== null",
    )
    .await?;
    assert_eq!(focused, true, "the find panel is open and focused");
    app.find(".cm-search input[name=search]")
        .await?
        .send_keys(&char::from(Key::Escape).to_string())
        .await?;

    // Focus mode hides everything but the text; Escape brings it back.
    app.test_id("focus-mode").await?.click().await?;
    let sidebar_shown = || async {
        let shown: Result<bool> = Ok(app.find(".sidebar").await?.is_displayed().await?);
        shown
    };
    let shown: bool = sidebar_shown().await?;
    assert!(!shown, "focus mode hides the sidebar");
    editor
        .send_keys(&char::from(Key::Escape).to_string())
        .await?;
    app.wait_until("focus mode to end", || async {
        Ok(sidebar_shown().await?.then_some(()))
    })
    .await?;

    // Rich text pasted from a web page arrives as Markdown: paragraphs and links kept.
    let pasted = js(
        &app,
        "const data = new DataTransfer();\
         data.setData('text/html', '<p>Kata <a href=\"https://bmkg.go.id/\">BMKG</a> soal pasang.</p><p>Paragraf kedua.</p>');\
         data.setData('text/plain', 'Kata BMKG soal pasang. Paragraf kedua.');\
         const target = document.querySelector('[data-testid=editor] .cm-content');\
         target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));\
         return true;",
    )
    .await?;
    assert_eq!(pasted, true);
    let text = app
        .wait_until("the pasted text", || async {
            let text = app.editor_text().await?;
            Ok(text.contains("Paragraf kedua.").then_some(text))
        })
        .await?;
    assert!(
        text.contains("[BMKG](https://bmkg.go.id/)"),
        "the link is Markdown: {text}"
    );
    assert!(
        text.contains("pasang.\n\nParagraf kedua."),
        "the paragraphs stay apart: {text}"
    );

    // A second keyword gets its own score.
    let keyword = app.test_id("keyword-input").await?;
    keyword
        .send_keys(&format!("banjir rob{}", char::from(Key::Enter)))
        .await?;
    keyword
        .send_keys(&format!("muara baru{}", char::from(Key::Enter)))
        .await?;
    let secondary = wait_text(
        &app,
        "secondary-scores",
        "the secondary keyword's score",
        |t| t.contains("muara baru") && t.contains("/ 100"),
    )
    .await?;
    assert!(
        !secondary.contains("banjir rob"),
        "the primary is not secondary: {secondary}"
    );

    // The profile switch regroups the checks the way Rank Math groups them.
    let groups = || async {
        let value = js(
            &app,
            "return Array.from(document.querySelectorAll('.check-group'), g => g.dataset.group)",
        )
        .await?;
        Ok::<Vec<String>, Box<dyn std::error::Error + Send + Sync>>(serde_json::from_value(value)?)
    };
    let newsroom_groups = groups().await?;
    app.test_id("profile-select")
        .await?
        .select_by_value("rankmath")
        .await?;
    let rankmath_groups = app
        .wait_until("Rank Math's groups", || async {
            let now = groups().await?;
            Ok(now.iter().any(|g| g == "title_readability").then_some(now))
        })
        .await?;
    for group in &rankmath_groups {
        assert!(
            [
                "basic_seo",
                "additional",
                "title_readability",
                "content_readability"
            ]
            .contains(&group.as_str()),
            "{rankmath_groups:?}"
        );
    }
    assert_ne!(newsroom_groups, rankmath_groups);
    app.test_id("profile-select")
        .await?
        .select_by_value("newsroom")
        .await?;
    app.wait_until("the newsroom checks again", || async {
        Ok((groups().await? == newsroom_groups).then_some(()))
    })
    .await?;

    // A newsroom check muted with a reason scores nothing and says why.
    let target = js(
        &app,
        "const li = Array.from(document.querySelectorAll('[data-testid=seo-check]'))\
           .find(li => li.dataset.status === 'fail' || li.dataset.status === 'warning');\
         li.querySelector('[data-testid=mute-check]').click(); return li.dataset.checkId;",
    )
    .await?;
    let target = target.as_str().unwrap_or_default().to_owned();
    let reason = app
        .find(&format!(
            "[data-check-id=\"{target}\"] [data-testid=mute-reason]"
        ))
        .await?;
    reason
        .send_keys(&format!("Gaya rumah kami{}", char::from(Key::Enter)))
        .await?;
    let muted = app
        .wait_until("the check to be muted", || async {
            let (status, text): (String, String) = serde_json::from_value(
                js(
                    &app,
                    &format!(
                        "const li = document.querySelector('[data-check-id=\"{target}\"]');\
                         return [li.dataset.status, li.textContent];"
                    ),
                )
                .await?,
            )?;
            Ok((status == "muted").then_some(text))
        })
        .await?;
    assert!(muted.contains("Gaya rumah kami"), "{muted}");
    assert!(muted.contains("not counted"), "{muted}");
    painted(&app).await?;
    app.screenshot("desk-8-secondary-and-mute").await?;

    // The mobile SERP cuts a long SEO title at its own width (two narrower lines, so later
    // than the desktop's one line) and the preview takes the mobile shape.
    app.test_id("panel-tab-meta").await?.click().await?;
    app.test_id("seo-title-input")
        .await?
        .send_keys("Banjir rob kembali genangi Muara Baru, warga mengungsi ke masjid dan posko darurat kelurahan")
        .await?;
    let desktop = wait_text(&app, "serp-title", "a cut SEO title", |t| {
        t.ends_with("...")
    })
    .await?;
    app.test_id("serp-mobile").await?.click().await?;
    let mobile = wait_text(&app, "serp-title", "the mobile title", |t| t != desktop).await?;
    assert!(
        mobile.ends_with("..."),
        "the mobile title is cut too: {mobile:?}"
    );
    assert!(
        mobile.starts_with(desktop.trim_end_matches("...").trim_end()),
        "both cut the same title at a word: mobile {mobile:?}, desktop {desktop:?}"
    );
    let class = app.test_id("serp-preview").await?.attr("class").await?;
    assert!(class.unwrap_or_default().contains("mobile"));
    painted(&app).await?;
    app.screenshot("desk-9-serp-mobile").await?;

    // The dashboard sorts by score, highest first, and changes statuses in bulk.
    app.test_id("tab-dashboard").await?.click().await?;
    wait_text(&app, "dashboard-count", "all rows", |t| t.contains("13")).await?;
    app.find("[data-sort=\"score\"]").await?.click().await?;
    let scores: Vec<String> = serde_json::from_value(
        js(
            &app,
            "return Array.from(document.querySelectorAll('[data-testid=dashboard-row] .col-score'), c => c.textContent)",
        )
        .await?,
    )?;
    let numbers: Vec<u32> = scores.iter().filter_map(|s| s.parse().ok()).collect();
    assert!(numbers.len() >= 12, "{scores:?}");
    assert!(
        numbers.windows(2).all(|w| w[0] >= w[1]),
        "highest first: {scores:?}"
    );
    app.test_id("filter-status")
        .await?
        .select_by_value("draft")
        .await?;
    let drafts = wait_text(&app, "dashboard-count", "the drafts", |t| {
        !t.contains("13 ")
    })
    .await?;
    let before: u32 = drafts.split_whitespace().next().unwrap_or("0").parse()?;
    let boxes = app
        .client
        .find_all(Locator::Css(
            "[data-testid=dashboard-row] input[type=checkbox]",
        ))
        .await?;
    for checkbox in boxes.iter().take(2) {
        checkbox.click().await?;
    }
    wait_text(&app, "dashboard-count", "two selected", |t| {
        t.contains("2 selected")
    })
    .await?;
    app.test_id("bulk-status")
        .await?
        .select_by_value("in_review")
        .await?;
    app.test_id("bulk-apply").await?.click().await?;
    let after = wait_text(&app, "dashboard-count", "fewer drafts", |t| {
        t.starts_with(&format!("{} ", before - 2))
    })
    .await?;
    println!("bulk: {drafts} → {after}");
    painted(&app).await?;
    app.screenshot("desk-10-dashboard-bulk").await?;
    app.quit().await
}

/// Fills a data dir with `n` articles: a third about "gempa", varied status, byline and score.
pub fn seed(dir: &std::path::Path, n: usize) -> Result<()> {
    let mut store = Store::open(dir)?;
    let statuses = [
        redaksi_article::Status::Draft,
        redaksi_article::Status::InReview,
        redaksi_article::Status::Ready,
    ];
    for i in 0..n {
        let topic = ["gempa", "banjir", "pemilu"][i % 3];
        let mut article = store.create_article(
            &format!("Berita {topic} nomor {i}"),
            &format!("Laporan {topic} hari ke-{i}. Warga diminta waspada."),
        )?;
        article.meta.byline =
            Some(["Rina Sari", "Budi Santoso", "Ayu Lestari", "Dewi"][i % 4].into());
        article.meta.status = statuses[(i / 3) % 3];
        article.meta.tags = vec![topic.into()];
        article.meta.keywords = vec![Keyword::new(topic)];
        let saved = store.save_article(&article)?;
        store.set_score(saved.id, Some(((i * 37) % 101) as u8))?;
    }
    Ok(())
}
