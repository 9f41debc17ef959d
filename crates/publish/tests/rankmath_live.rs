//! Publishing to a loopback WordPress that runs the real Rank Math 1.0.217 (installed from
//! ../shared by `wp.sh rankmath`) with its front-end score badge on: the number on each post's
//! public page and in wp-admin's posts list is the score Redaksi computed, and a failed
//! `updateMeta` is retried on its own without a second post. The tests share the site, so
//! they take turns.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use redaksi_article::{Article, FeaturedImage, Keyword, Lang};
use redaksi_publish::outbox::{Until, Worker, WorkerConfig, enqueue};
use redaksi_publish::rankmath::{RankMathFields, badge_score};
use redaksi_seo::{AnalysisRequest, Band, ProfileId};
use redaksi_store::outbox::OutboxState;
use reqwest::header;
use serde_json::{Value, json};
use tokio::sync::Mutex;

use common::{Env, Site, rank_math_site};

static TURN: Mutex<()> = Mutex::const_new(());

fn fast() -> WorkerConfig {
    WorkerConfig {
        concurrency: 4,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(800),
        max_attempts: 6,
        request_timeout: Duration::from_secs(20),
        ..WorkerConfig::default()
    }
}

/// How much of Rank Math's advice an article follows: each level adds what its checks look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Care {
    /// A short note: the keyword in the text only.
    None,
    Little,
    Fair,
    Much,
    /// Everything: keyword in title, description, slug and subheadings, long text, links both
    /// ways, an image with the keyword as its alt text.
    Full,
}

impl Care {
    fn paragraphs(self) -> usize {
        match self {
            Care::None => 1,
            Care::Little => 3,
            Care::Fair => 8,
            Care::Much => 16,
            Care::Full => 85,
        }
    }

    fn at_least(self, level: Care) -> bool {
        self as u8 >= level as u8
    }
}

const ID_SENTENCES: [&str; 6] = [
    "Warga di sekitar pasar mengatakan harga kebutuhan pokok berubah setiap pekan.",
    "Pemerintah daerah menyiapkan langkah baru untuk menjaga pasokan tetap aman.",
    "Pedagang berharap distribusi dari gudang berjalan lebih cepat bulan depan.",
    "Dinas terkait mencatat permintaan naik menjelang akhir tahun.",
    "Sejumlah pembeli memilih berbelanja lebih pagi untuk menghindari antrean panjang.",
    "Petugas memantau kondisi lapangan dan melaporkan temuan setiap sore.",
];
const EN_SENTENCES: [&str; 6] = [
    "Residents near the market said the price of staples changes every week.",
    "The city government is preparing new steps to keep supplies secure.",
    "Traders hope deliveries from the warehouse will move faster next month.",
    "Officials recorded a rise in demand ahead of the end of the year.",
    "Some shoppers now arrive early in the morning to avoid long queues.",
    "Inspectors check the situation on the ground and report every afternoon.",
];

fn lead(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Report on",
        _ => "Laporan tentang",
    }
}

fn body(lang: Lang, keyword: &str, care: Care, site: &str) -> String {
    let sentences = match lang {
        Lang::En => EN_SENTENCES,
        _ => ID_SENTENCES,
    };
    let mut out = String::new();
    for p in 0..care.paragraphs() {
        if care.at_least(Care::Much) && p % 6 == 3 {
            out.push_str(&format!("## {keyword} {}\n\n", p / 6 + 1));
        }
        let mut paragraph: Vec<String> = (0..3)
            .map(|i| sentences[(p + i) % sentences.len()].to_owned())
            .collect();
        // Full care repeats the keyword in subheadings, so less often in the text (density).
        let every = if care == Care::Full { 8 } else { 4 };
        if p == 0 || (care.at_least(Care::Fair) && p % every == 0) {
            paragraph.insert(0, format!("{} {keyword}.", lead(lang)));
        }
        if care.at_least(Care::Much) && p == 1 {
            paragraph.push(format!(
                "[{}]({site}/?p=1) [{keyword}](https://www.bps.go.id/)",
                lead(lang)
            ));
        }
        out.push_str(&paragraph.join(" "));
        out.push_str("\n\n");
        if care == Care::Full && p % 10 == 2 {
            out.push_str(&format!("![{keyword}](https://cdn.example/{p}.jpg)\n\n"));
        }
    }
    out
}

/// One article of the badge test, before it is stored.
fn draft(lang: Lang, keyword: &str, care: Care, site: &str) -> Article {
    let stamp = uuid::Uuid::new_v4().simple().to_string()[..8].to_owned();
    let title = if care.at_least(Care::Little) {
        format!("{} {keyword} {stamp}", lead(lang))
    } else {
        format!("{} {stamp}", lead(lang))
    };
    let mut a = Article::new(title, body(lang, keyword, care, site), Utc::now());
    a.meta.lang = Some(lang);
    a.meta.slug = Some(if care.at_least(Care::Fair) {
        format!("{}-{stamp}", keyword.replace(' ', "-"))
    } else {
        format!("post-{stamp}")
    });
    a.meta.description = Some(if care.at_least(Care::Little) {
        format!("{keyword}: ringkasan berita hari ini untuk pembaca")
    } else {
        "Ringkasan berita hari ini untuk pembaca setia.".into()
    });
    if care == Care::Full {
        a.meta.featured_image = Some(FeaturedImage {
            src: "https://cdn.example/featured.jpg".into(),
            alt: Some(keyword.into()),
        });
    }
    a.meta.keywords = vec![Keyword::new(keyword), Keyword::new("pasar")];
    a
}

/// The badge test's articles: both languages, several keywords, every level of care.
fn drafts(site: &str) -> Vec<Article> {
    let mut out = Vec::new();
    for (lang, keywords) in [
        (Lang::Id, ["harga beras", "banjir rob"]),
        (Lang::En, ["rice prices", "coastal flooding"]),
    ] {
        for (k, keyword) in keywords.into_iter().enumerate() {
            for care in [Care::None, Care::Little, Care::Fair, Care::Much, Care::Full] {
                // Each language gets every level once, and the first keyword the ends twice.
                if k == 1 && matches!(care, Care::Little | Care::Much) {
                    continue;
                }
                out.push(draft(lang, keyword, care, site));
            }
        }
    }
    out
}

async fn store(e: &Env, draft: Article) -> Article {
    let Article {
        title, body, meta, ..
    } = draft;
    e.article(&title, &body, move |a| a.meta = meta).await
}

/// Redaksi's `rankmath` score for the article as the desk computes it for this site.
fn desk_score(article: &Article, site: &str) -> u8 {
    let request = AnalysisRequest::from_article(article, site);
    redaksi_seo::analyze(&request, ProfileId::Rankmath.profile()).score
}

async fn page(url: &str) -> String {
    let resp = reqwest::get(url).await.expect("the public page answers");
    assert_eq!(resp.status(), 200, "{url}");
    resp.text().await.unwrap()
}

/// Logs in to wp-admin through wp-login.php, as a browser would, with the administrator's
/// password (`wp.sh rankmath` mints it), and returns the session's cookies as one header.
async fn admin_session(site: &Site) -> String {
    let password = site
        .login_password
        .as_deref()
        .expect("wp.sh rankmath prints the wp-admin login password");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let resp = client
        .post(format!("{}/wp-login.php", site.url))
        .header(header::COOKIE, "wordpress_test_cookie=WP%20Cookie%20check")
        .form(&[
            ("log", site.user.as_str()),
            ("pwd", password),
            ("wp-submit", "Log In"),
            ("testcookie", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 302, "wp-login.php did not accept the login");
    let cookies: Vec<String> = resp
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_owned))
        .filter(|c| c.starts_with("wordpress_"))
        .collect();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("wordpress_logged_in_")),
        "no session cookie: {cookies:?}"
    );
    cookies.join("; ")
}

/// The "N / 100" in the SEO column of wp-admin's posts list (edit.php) for each post.
async fn admin_scores(site: &Site, cookie: &str, ids: &[u64]) -> Vec<Option<u8>> {
    let html = reqwest::Client::new()
        .get(format!("{}/wp-admin/edit.php", site.url))
        .query(&[("post_type", "post"), ("posts_per_page", "100")])
        .header(header::COOKIE, cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("wp-list-table"),
        "not the posts list: {}",
        &html[..html.len().min(400)]
    );
    ids.iter()
        .map(|id| {
            let row = &html[html.find(&format!("<tr id=\"post-{id}\""))?..];
            let row = &row[..row.find("</tr>")?];
            let cell = &row[row.find("seo-score")?..];
            let strong = &cell[cell.find("<strong>")? + "<strong>".len()..];
            strong[..strong.find(" / 100")?].trim().parse().ok()
        })
        .collect()
}

fn badge_class(band: Band) -> &'static str {
    match band {
        Band::Good => "great-seo",
        Band::Ok => "good-seo",
        Band::Bad => "bad-seo",
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sites_badge_and_admin_list_show_redaksis_rankmath_score() {
    let _turn = TURN.lock().await;
    let site = rank_math_site();
    let e = site.env();
    let mut published = Vec::new();
    for draft in drafts(&site.url) {
        let article = store(&e, draft).await;
        let queued = enqueue(&e.store, article.id, "situs", "publish", None)
            .await
            .unwrap();
        published.push((article, queued.id));
    }
    let worker = Arc::new(Worker::new(e.store.clone(), e.secrets.clone(), fast()));
    worker.run(Until::Empty).await.unwrap();

    let cookie = admin_session(site).await;
    let mut ids = Vec::new();
    let mut ours = Vec::new();
    let mut badges = Vec::new();
    let mut seen = BTreeSet::new();
    println!("lang keyword            words  Redaksi  band  badge  class");
    for (article, row) in &published {
        let sent = e
            .store
            .call({
                let row = *row;
                move |s| s.outbox_get(row)
            })
            .await
            .unwrap();
        assert_eq!(sent.state, OutboxState::Sent, "{:?}", sent.last_error);
        let score = desk_score(article, &site.url);
        let report: Value = serde_json::from_str(sent.report.as_deref().unwrap()).unwrap();
        assert_eq!(report["rank_math"]["seo_score"], score, "{report}");
        let html = page(sent.remote_url.as_deref().unwrap()).await;
        let badge = badge_score(&html);
        let band = Band::from_score(score);
        let class = badge_class(band);
        let lang = article.meta.lang.unwrap();
        println!(
            "{:<4} {:<18} {:>5}  {:>7}  {:<4}  {:>5}  {}",
            lang.code(),
            article.meta.keywords[0].phrase,
            article.body.split_whitespace().count(),
            score,
            band.id(),
            badge.map_or("none".into(), |b| b.to_string()),
            html.contains(&format!("rank-math-seo-score template-circle {class}")),
        );
        seen.insert((lang.code(), band.id()));
        badges.push(badge);
        ours.push(score);
        ids.push(sent.remote_id.unwrap().parse::<u64>().unwrap());
    }
    assert_eq!(
        badges,
        ours.iter().copied().map(Some).collect::<Vec<_>>(),
        "the badge on each public page is Redaksi's score"
    );
    let expected: BTreeSet<(&str, &str)> = [Lang::Id, Lang::En]
        .into_iter()
        .flat_map(|l| {
            [Band::Good, Band::Ok, Band::Bad]
                .into_iter()
                .map(move |b| (l.code(), b.id()))
        })
        .collect();
    assert_eq!(seen, expected, "both languages in every band");
    let admin = admin_scores(site, &cookie, &ids).await;
    println!("wp-admin posts list: {admin:?}");
    assert_eq!(
        admin,
        ours.iter().copied().map(Some).collect::<Vec<_>>(),
        "wp-admin's posts list shows the same number per post"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_update_meta_is_retried_on_its_own_and_makes_one_post() {
    let _turn = TURN.lock().await;
    let site = rank_math_site();
    let e = site.env();
    let article = store(&e, draft(Lang::Id, "harga beras", Care::Fair, &site.url)).await;
    // The post is created; the fields' call then fails twice before it goes through.
    let fault = json!({"status": 500, "count": 2, "route": "/rankmath/v1/updateMeta"});
    site.wp(&["option", "redaksi_fault", &fault.to_string()]);
    let queued = enqueue(&e.store, article.id, "situs", "publish", None)
        .await
        .unwrap();
    // Retries a second or more apart: a post sent again would show a later modified time.
    let config = WorkerConfig {
        base_delay: Duration::from_millis(1100),
        max_delay: Duration::from_millis(1500),
        ..fast()
    };
    let worker = Arc::new(Worker::new(e.store.clone(), e.secrets.clone(), config));
    worker.run(Until::Final(queued.id)).await.unwrap();
    site.wp(&["option", "redaksi_fault", "null"]);
    let sent = e
        .store
        .call(move |s| s.outbox_get(queued.id))
        .await
        .unwrap();
    assert_eq!(sent.state, OutboxState::Sent, "{:?}", sent.last_error);
    assert_eq!(sent.attempts, 3, "two failed fields calls, then success");

    let posts = site.posts_of(&article).await;
    assert_eq!(posts.len(), 1, "{posts:#?}");
    // The retries sent the fields alone: the post was written once (never updated after).
    assert_eq!(
        posts[0]["date_gmt"], posts[0]["modified_gmt"],
        "the post was sent again: {:#}",
        posts[0]
    );
    let expected = RankMathFields::for_article(&article, &site.url);
    let meta = &posts[0]["meta"];
    assert_eq!(meta["rank_math_seo_score"], expected.seo_score.to_string());
    assert_eq!(meta["rank_math_focus_keyword"], "harga beras,pasar");
    assert_eq!(meta["rank_math_description"], expected.description);
    let html = page(sent.remote_url.as_deref().unwrap()).await;
    assert_eq!(badge_score(&html), Some(desk_score(&article, &site.url)));
}
