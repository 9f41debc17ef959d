//! Measurements in the real window, printed, never asserted (timing asserts would be flaky and
//! prove nothing): keystroke-to-badge latency on a 5,000-word article, dashboard scrolling with
//! 10,000 articles, start-up time and idle memory.
//!
//! They take minutes, so plain `cargo test` leaves them out (`test = false` in Cargo.toml). Run
//! them with the e2e step's environment (REDAKSI_E2E_APP, TAURI_DRIVER, a display):
//! `cargo test -p redaksi-e2e --test desk_bench -- --nocapture --test-threads=1`.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use redaksi_article::Keyword;
use redaksi_e2e::{App, Driver, Result, by_test_id};
use redaksi_store::Store;

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[((values.len() as f64 - 1.0) * p).round() as usize]
}

/// About 5,000 words of news prose in paragraphs, with the focus keyword here and there.
fn long_article() -> String {
    let sentences = [
        "Banjir rob kembali merendam permukiman warga di pesisir utara Jakarta sejak pagi hari.",
        "Petugas gabungan mendirikan posko darurat dan membagikan makanan kepada para pengungsi.",
        "Menurut keterangan warga, air laut mulai naik sekitar pukul enam dan terus meninggi.",
        "Pemerintah kota menyiapkan pompa tambahan untuk mempercepat surutnya genangan di jalan utama.",
        "Sejumlah sekolah memindahkan kegiatan belajar ke gedung yang lebih tinggi untuk sementara.",
    ];
    let mut text = String::new();
    let mut words = 0;
    let mut i = 0;
    while words < 5_000 {
        let sentence = sentences[i % sentences.len()];
        text.push_str(sentence);
        words += sentence.split_whitespace().count();
        i += 1;
        text.push_str(if i % 4 == 0 { "\n\n" } else { " " });
    }
    text
}

/// Resident and proportional memory (kB) of the app and its WebKit child processes.
fn app_memory(app_binary: &Path) -> Option<(u64, u64, usize)> {
    let read = |pid: &str, file: &str| std::fs::read_to_string(format!("/proc/{pid}/{file}")).ok();
    let field = |text: &str, name: &str| -> u64 {
        text.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    let pids: Vec<String> = std::fs::read_dir("/proc")
        .ok()?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let app_pid = pids
        .iter()
        .find(|pid| {
            std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == app_binary)
        })?
        .clone();
    let mut family = vec![app_pid.clone()];
    for pid in &pids {
        let ppid = read(pid, "status").map(|s| field(&s, "PPid:").to_string());
        if ppid.as_deref() == Some(app_pid.as_str()) {
            family.push(pid.clone());
        }
    }
    let (mut rss, mut pss) = (0, 0);
    for pid in &family {
        rss += read(pid, "status").map_or(0, |s| field(&s, "VmRSS:"));
        pss += read(pid, "smaps_rollup").map_or(0, |s| field(&s, "Pss:"));
    }
    Some((rss, pss, family.len()))
}

async fn badge_marks(app: &App) -> Result<u64> {
    Ok(app
        .client
        .execute(
            "return performance.getEntriesByName('redaksi:badge').length",
            vec![],
        )
        .await?
        .as_u64()
        .unwrap_or(0))
}

#[tokio::test(flavor = "multi_thread")]
async fn keystroke_to_badge_latency_on_5000_words() -> Result<()> {
    let data = tempfile::tempdir()?;
    {
        let mut store = Store::open(data.path())?;
        let mut article =
            store.create_article("Banjir rob merendam pesisir Jakarta", &long_article())?;
        article.meta.keywords = vec![Keyword::new("banjir rob"), Keyword::new("posko darurat")];
        article.meta.description =
            Some("Banjir rob merendam pesisir utara Jakarta sejak pagi.".into());
        store.save_article(&article)?;
    }
    let driver = Driver::start(data.path())?;
    let started = Instant::now();
    let app = driver.launch_patiently().await?;
    app.test_id("article-list").await?;
    let launched = started.elapsed();
    app.wait_until("the first score", || {
        let app = &app;
        async move { Ok((badge_marks(app).await? > 0).then_some(())) }
    })
    .await?;
    let first_score = started.elapsed();
    let words = app.test_id("counts").await?.text().await?;
    println!("article: {words}");

    let editor = app
        .find(&format!("{} .cm-content", by_test_id("editor")))
        .await?;
    editor.click().await?;
    editor
        .send_keys(&format!(
            "{}{}",
            char::from(Key::Control),
            char::from(Key::End)
        ))
        .await?;
    let mut latencies = Vec::new();
    let mut in_editor = Vec::new();
    // keydown→editor update, update→request sent, request→answer (IPC, JSON, engine),
    // answer→badge (the DOM).
    let mut stages: [Vec<f64>; 4] = Default::default();
    for i in 0..40 {
        let before = badge_marks(&app).await?;
        let key = if i % 6 == 5 { " " } else { "a" };
        editor.send_keys(key).await?;
        app.wait_until("the badge after a keystroke", || {
            let app = &app;
            async move { Ok((badge_marks(app).await? > before).then_some(())) }
        })
        .await?;
        let sample = app
            .client
            .execute(
                "const last = (n) => { const e = performance.getEntriesByName(n); return e[e.length - 1].startTime; };\
                 return [last('redaksi:badge') - last('redaksi:keydown'), last('redaksi:badge') - last('redaksi:keystroke'),\
                         last('redaksi:keystroke') - last('redaksi:keydown'), last('redaksi:analyze-sent') - last('redaksi:keystroke'),\
                         last('redaksi:analyze-answer') - last('redaksi:analyze-sent'), last('redaksi:badge') - last('redaksi:analyze-answer')];",
                vec![],
            )
            .await?;
        let pair: Vec<f64> = serde_json::from_value(sample)?;
        latencies.push(pair[0]);
        in_editor.push(pair[1]);
        for (stage, value) in stages.iter_mut().zip(&pair[2..]) {
            stage.push(*value);
        }
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
    println!(
        "LATENCY keydown→badge on 5,000 words: median {:.1} ms, p90 {:.1} ms, max {:.1} ms (n={}); \
         editor update→badge median {:.1} ms",
        median(&mut latencies),
        percentile(&mut latencies, 0.9),
        percentile(&mut latencies, 1.0),
        latencies.len(),
        median(&mut in_editor),
    );
    let [editor_ms, send_ms, answer_ms, dom_ms] = &mut stages;
    println!(
        "LATENCY stages (medians): keydown→editor {:.1} ms, editor→request {:.1} ms, \
         request→answer {:.1} ms, answer→badge {:.1} ms",
        median(editor_ms),
        median(send_ms),
        median(answer_ms),
        median(dom_ms),
    );
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("LOAD average while measuring: {}", load.trim());
    }
    println!("STARTUP window with list {launched:?}, first score on screen {first_score:?}");
    tokio::time::sleep(Duration::from_secs(3)).await;
    let binary = std::path::PathBuf::from(std::env::var("REDAKSI_E2E_APP")?);
    match app_memory(&binary.canonicalize()?) {
        Some((rss, pss, n)) => println!(
            "MEMORY idle with a 5,000-word article open: RSS {:.0} MiB, PSS {:.0} MiB over {n} processes",
            rss as f64 / 1024.0,
            pss as f64 / 1024.0
        ),
        None => println!("MEMORY: the app process was not found under /proc"),
    }
    app.screenshot("desk-bench-5000-words").await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn dashboard_scrolls_10000_articles() -> Result<()> {
    let data = tempfile::tempdir()?;
    let seeding = Instant::now();
    {
        let mut store = Store::open(data.path())?;
        for i in 0..10_000u32 {
            let mut article =
                store.create_article(&format!("Artikel nomor {i}: kabar kota"), "Isi singkat.")?;
            article.meta.byline = Some(["Rina", "Budi", "Ayu"][(i % 3) as usize].into());
            let saved = store.save_article(&article)?;
            store.set_score(saved.id, Some((i % 101) as u8))?;
        }
    }
    println!("seeded 10,000 articles in {:?}", seeding.elapsed());
    let driver = Driver::start(data.path())?;
    let app = driver.launch_patiently().await?;
    app.test_id("article-list").await?;
    let shown = Instant::now();
    app.test_id("tab-dashboard").await?.click().await?;
    app.wait_until("10,000 rows", || {
        let app = &app;
        async move {
            let text = app.test_id("dashboard-count").await?.text().await?;
            Ok(
                (text.contains("10000") || text.contains("10.000") || text.contains("10,000"))
                    .then_some(()),
            )
        }
    })
    .await?;
    println!(
        "DASHBOARD 10,000 rows loaded and drawn in {:?}",
        shown.elapsed()
    );
    let result = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             const vp = document.querySelector('[data-testid=dashboard-grid]');\
             const gaps = []; const work = []; const idle = []; let last = 0; let frames = 0;\
             function step(t) {\
               if (last) gaps.push(t - last); last = t;\
               const start = performance.now();\
               vp.scrollTop += 300; vp.dispatchEvent(new Event('scroll')); void vp.offsetHeight;\
               work.push(performance.now() - start); frames += 1;\
               if (frames < 240 && vp.scrollTop + vp.clientHeight < vp.scrollHeight) requestAnimationFrame(step);\
               else done({ gaps, work, idle, rows: document.querySelectorAll('[data-testid=dashboard-row]').length, top: vp.scrollTop });\
             }\
             let idleLast = 0;\
             function still(t) {\
               if (idleLast) idle.push(t - idleLast); idleLast = t;\
               if (idle.length < 60) requestAnimationFrame(still); else requestAnimationFrame(step);\
             }\
             requestAnimationFrame(still);",
            vec![],
        )
        .await?;
    let mut gaps: Vec<f64> = serde_json::from_value(result["gaps"].clone())?;
    let slow = gaps.iter().filter(|g| **g > 1000.0 / 60.0 + 1.0).count();
    println!(
        "SCROLL 10,000 rows, 300 px per frame: median frame {:.1} ms, p95 {:.1} ms, max {:.1} ms, \
         {slow}/{} frames over 17.7 ms; {} rows in the DOM at the end (scrollTop {})",
        median(&mut gaps),
        percentile(&mut gaps, 0.95),
        percentile(&mut gaps, 1.0),
        gaps.len(),
        result["rows"],
        result["top"],
    );
    // What the page itself costs per frame (the scroll handler's drawing, style and layout,
    // not painting), and how often this display gives a frame at all when nothing moves.
    let mut work: Vec<f64> = serde_json::from_value(result["work"].clone())?;
    let mut idle: Vec<f64> = serde_json::from_value(result["idle"].clone())?;
    println!(
        "SCROLL per frame: drawing + style + layout median {:.1} ms, p95 {:.1} ms; \
         idle frame interval (nothing scrolling) median {:.1} ms",
        median(&mut work),
        percentile(&mut work, 0.95),
        median(&mut idle),
    );
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("LOAD average while scrolling: {}", load.trim());
    }
    app.screenshot("desk-bench-dashboard-10000").await?;
    app.quit().await
}
