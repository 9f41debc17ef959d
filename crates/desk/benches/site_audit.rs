//! The site audit's cost.
//!
//! - `scoring`: 800-word posts scored with both profiles, one post at a time on one thread
//!   and a page of 1,000 on every core (rayon); criterion reports posts/s.
//! - then, once (minutes of real HTTP do not fit criterion's sampling): a full audit of a
//!   site generated inside the loopback WordPress with Rank Math (`wp.sh rankmath`;
//!   `REDAKSI_AUDIT_POSTS` posts, default 10,000), printing the total time, WordPress's share,
//!   scoring's share, and this process's peak memory after 1,000 posts and at the end.
//!   `REDAKSI_AUDIT_POSTS=0` skips it.

use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput};
use redaksi_desk::site::{score_post, scorer};
use redaksi_publish::credentials::Secret;
use redaksi_publish::wordpress::WordPress;
use redaksi_site::post::{Post, SiteInfo, Source, Sources};
use redaksi_site::{Options, audit, score_page};

const SENTENCES: [&str; 6] = [
    "Warga di sekitar pasar mengatakan harga kebutuhan pokok berubah setiap pekan.",
    "Pemerintah daerah menyiapkan langkah baru untuk menjaga pasokan tetap aman.",
    "Pedagang berharap distribusi dari gudang berjalan lebih cepat bulan depan.",
    "Dinas terkait mencatat permintaan naik menjelang akhir tahun ini.",
    "Sejumlah pembeli memilih berbelanja lebih pagi untuk menghindari antrean.",
    "Petugas memantau kondisi lapangan dan melaporkan temuan setiap sore hari.",
];

/// A post of about 800 words, as the block editor stores it.
fn post(id: u64) -> Post {
    let mut content = String::new();
    let mut words = 0;
    let mut p = 0;
    while words < 800 {
        let text: Vec<&str> = (0..4)
            .map(|k| SENTENCES[(id as usize + p + k) % 6])
            .collect();
        let text = text.join(" ");
        words += text.split_whitespace().count();
        content.push_str(&format!(
            "<!-- wp:paragraph -->\n<p>{text} <a href=\"https://contoh.id/{p}\">harga beras</a></p>\n<!-- /wp:paragraph -->\n\n"
        ));
        if p % 4 == 1 {
            content.push_str(
                "<!-- wp:heading -->\n<h2>Harga beras hari ini</h2>\n<!-- /wp:heading -->\n\n",
            );
        }
        p += 1;
    }
    Post {
        id,
        link: format!("https://contoh.id/?p={id}"),
        slug: format!("harga-beras-{id}"),
        modified_gmt: "2026-01-01T00:00:00".into(),
        title: format!("Harga beras naik lagi di pasar induk {id}"),
        content,
        excerpt: String::new(),
        seo_title: None,
        description: Some("Harga beras naik lagi pekan ini di pasar induk.".into()),
        focus_keywords: Some(vec!["harga beras".into(), "pasar induk".into()]),
        stored_score: Some(60),
        sources: Sources {
            title: Source::Rest,
            description: Source::Rest,
            keywords: Source::Rest,
            score: Source::Rest,
        },
    }
}

fn scoring(c: &mut Criterion) {
    let site = SiteInfo {
        url: "https://contoh.id".into(),
        name: "Contoh".into(),
    };
    let posts: Vec<Post> = (0..1000).map(post).collect();
    let score = scorer(None);
    let mut group = c.benchmark_group("scoring_800_words");
    group.throughput(Throughput::Elements(1));
    group.bench_function("one_post_one_thread", |b| {
        b.iter(|| score_post(&posts[0], &site, None))
    });
    group.throughput(Throughput::Elements(posts.len() as u64));
    group.sample_size(20);
    group.bench_with_input(
        BenchmarkId::new("page_every_core", posts.len()),
        &posts,
        |b, posts| b.iter(|| score_page(posts.clone(), &site, &score)),
    );
    group.finish();
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn live_audit() {
    let posts: usize = std::env::var("REDAKSI_AUDIT_POSTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    if posts == 0 {
        return;
    }
    let account = redaksi_test_wordpress::start_rank_math()
        .unwrap_or_else(|e| panic!("the loopback WordPress with Rank Math is required: {e}"))
        .admin;
    let generator = redaksi_test_wordpress::script().with_file_name("generate-posts.php");
    let started = Instant::now();
    redaksi_test_wordpress::run_rank_math(&[
        "php",
        &generator.display().to_string(),
        &posts.to_string(),
        "800",
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    println!(
        "site: {posts} posts of about 800 words generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let http = redaksi_publish::http::client(std::time::Duration::from_secs(120), 8).unwrap();
    let wp = WordPress::new(
        "bench",
        &account.url,
        &account.user,
        Secret::new(account.password),
        http,
    );
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("site-audit.db");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let mut rss_at_1000 = 0;
    let report = rt
        .block_on(audit(
            &wp,
            "bench",
            &ledger,
            &Options {
                full: true,
                ..Options::default()
            },
            scorer(None),
            |n| {
                if n == 1000 {
                    rss_at_1000 = peak_rss_kib();
                }
            },
        ))
        .unwrap();
    let t = report.timing;
    let share = |d: std::time::Duration| 100.0 * d.as_secs_f64() / t.total.as_secs_f64();
    // Redaksi's own work: scoring both profiles (on both cores, overlapped with the next
    // page's request) and storing the ledger; reading the answer's JSON counts as WordPress's.
    let own = t.scoring + t.storing;
    println!(
        "audit of {} posts: total {:.2} s; WordPress's answers {:.2} s ({:.1} %); Redaksi's own work {:.2} s ({:.1} %: scoring {:.2} s, ledger {:.2} s); not overlapped with WordPress {:.2} s ({:.1} %)",
        report.read,
        t.total.as_secs_f64(),
        t.wordpress.as_secs_f64(),
        share(t.wordpress),
        own.as_secs_f64(),
        share(own),
        t.scoring.as_secs_f64(),
        t.storing.as_secs_f64(),
        t.total.saturating_sub(t.wordpress).as_secs_f64(),
        share(t.total.saturating_sub(t.wordpress)),
    );
    println!(
        "peak RSS: {} KiB after 1,000 posts, {} KiB after {}",
        rss_at_1000,
        peak_rss_kib(),
        report.read
    );
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    scoring(&mut c);
    c.final_summary();
    live_audit();
}
