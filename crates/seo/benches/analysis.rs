//! Full `rankmath` analysis of deterministic generated articles (Indonesian and English, 1k to
//! 50k words, with headings, links and images), from HTML and from Markdown, plus the cost of
//! secondary keywords. Target: 10k words ≤ 2 ms median; time linear in length.

use std::hint::black_box;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use redaksi_seo::{AnalysisRequest, Content, ProfileId, analyze};

const ID_WORDS: &[&str] = &[
    "harga",
    "beras",
    "pasar",
    "pemerintah",
    "naik",
    "turun",
    "pedagang",
    "stok",
    "pangan",
    "nasional",
    "menurut",
    "kepala",
    "badan",
    "kenaikan",
    "di",
    "yang",
    "dan",
    "untuk",
    "dengan",
    "pekan",
    "ini",
    "petani",
    "distribusi",
    "kilogram",
    "rupiah",
    "operasi",
    "cadangan",
    "daerah",
    "musim",
    "panen",
    "konsumen",
    "warga",
    "mengatakan",
    "akan",
    "sudah",
    "masih",
    "lebih",
];
const EN_WORDS: &[&str] = &[
    "rice",
    "prices",
    "market",
    "government",
    "rise",
    "fall",
    "traders",
    "stock",
    "food",
    "national",
    "according",
    "head",
    "agency",
    "increase",
    "in",
    "the",
    "and",
    "for",
    "with",
    "week",
    "this",
    "farmers",
    "distribution",
    "kilogram",
    "rupiah",
    "operation",
    "reserve",
    "region",
    "season",
    "harvest",
    "consumers",
    "residents",
    "said",
    "will",
    "already",
    "still",
];

/// A small deterministic generator (no clock, no OS randomness).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// An article of `words` words as (HTML, Markdown): ~60-word paragraphs with a link each, a
/// heading every fifth paragraph, an image every fourth, the keyword now and then.
fn article(words: usize, vocabulary: &[&str], keyword: &str) -> (String, String) {
    let mut rng = Lcg(words as u64);
    let mut html = String::new();
    let mut md = String::new();
    let mut written = 0;
    let mut paragraph = 0;
    while written < words {
        if paragraph % 5 == 1 {
            let heading = format!("Bagian {paragraph} {keyword}");
            html.push_str(&format!("<h2>{heading}</h2>\n"));
            md.push_str(&format!("## {heading}\n\n"));
            written += 2 + keyword.split(' ').count();
        }
        let n = (40 + rng.next(40)).min(words.saturating_sub(written).max(1));
        let mut text = Vec::with_capacity(n);
        for i in 0..n {
            if i == n / 2 && paragraph % 3 == 0 {
                text.push(keyword.to_owned());
            } else {
                text.push(vocabulary[rng.next(vocabulary.len())].to_owned());
            }
        }
        let link_word = text[1].clone();
        let (html_link, md_link) = if paragraph % 2 == 0 {
            (
                format!("<a href=\"https://example.com/berita/{paragraph}\">{link_word}</a>"),
                format!("[{link_word}](https://example.com/berita/{paragraph})"),
            )
        } else {
            (
                format!(
                    "<a href=\"https://www.bps.go.id/{paragraph}\" rel=\"nofollow\">{link_word}</a>"
                ),
                format!("[{link_word}](https://www.bps.go.id/{paragraph})"),
            )
        };
        let rest = text[2..].join(" ");
        html.push_str(&format!("<p>{} {html_link} {rest}.</p>\n", text[0]));
        md.push_str(&format!("{} {md_link} {rest}.\n\n", text[0]));
        if paragraph % 4 == 3 {
            html.push_str(&format!(
                "<img src=\"foto-{paragraph}.jpg\" alt=\"{keyword} {paragraph}\">\n"
            ));
            md.push_str(&format!(
                "![{keyword} {paragraph}](foto-{paragraph}.jpg)\n\n"
            ));
        }
        written += n;
        paragraph += 1;
    }
    (html, md)
}

fn request(content: Content, locale: &str, keywords: &[&str]) -> AnalysisRequest {
    AnalysisRequest {
        title: "Harga Beras Naik Lagi di Pasar Induk - Redaksi".into(),
        description: "Harga beras naik lagi pekan ini di pasar induk.".into(),
        slug: "harga-beras-naik".into(),
        url: "https://example.com/2026/11/harga-beras-naik/".into(),
        site_url: "https://example.com".into(),
        locale: locale.into(),
        keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
        featured_image_alt: Some("Pedagang beras".into()),
        content,
        ..AnalysisRequest::default()
    }
}

const SIZES: [usize; 4] = [1_000, 5_000, 10_000, 50_000];

/// CPU time of the benchmarking thread. Other processes on the machine stretch wall time
/// (which the default measurement reports) but barely touch this.
struct ThreadCpuTime;

fn thread_cpu_ns() -> u64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec and the clock id is a constant libc knows.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "CLOCK_THREAD_CPUTIME_ID is available on Linux");
    now.tv_sec as u64 * 1_000_000_000 + now.tv_nsec as u64
}

impl Measurement for ThreadCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }

    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns() - start
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns cpu")
        } else if typical < 1e6 {
            (1e-3, "µs cpu")
        } else {
            (1e-6, "ms cpu")
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }

    fn scale_throughputs(
        &self,
        _typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let per = match throughput {
            Throughput::Elements(n) => *n as f64,
            _ => 1.0,
        };
        // words per CPU second
        values.iter_mut().for_each(|v| *v = per * 1e9 / *v);
        "words/s cpu"
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn full_analysis_cpu(c: &mut Criterion<ThreadCpuTime>) {
    let profile = ProfileId::Rankmath.profile();
    let mut group = c.benchmark_group("cpu/rankmath/id");
    for words in SIZES {
        let (html, md) = article(words, ID_WORDS, "harga beras");
        group.throughput(Throughput::Elements(words as u64));
        let html_request = request(Content::Html(html), "id", &["harga beras"]);
        group.bench_with_input(BenchmarkId::new("html", words), &html_request, |b, r| {
            b.iter(|| analyze(black_box(r), profile))
        });
        let md_request = request(Content::Markdown(md), "id", &["harga beras"]);
        group.bench_with_input(BenchmarkId::new("markdown", words), &md_request, |b, r| {
            b.iter(|| analyze(black_box(r), profile))
        });
    }
    group.finish();
    let (html, _) = article(10_000, ID_WORDS, "harga beras");
    let all = [
        "harga beras",
        "stok pangan",
        "operasi pasar",
        "petani",
        "distribusi",
    ];
    let mut group = c.benchmark_group("cpu/rankmath/secondary-10k");
    for n in [1, 5] {
        let r = request(Content::Html(html.clone()), "id", &all[..n]);
        group.bench_with_input(BenchmarkId::new("keywords", n), &r, |b, r| {
            b.iter(|| analyze(black_box(r), profile))
        });
    }
    group.finish();
}

fn full_analysis(c: &mut Criterion) {
    let profile = ProfileId::Rankmath.profile();
    for (locale, vocabulary, keyword) in [
        ("id", ID_WORDS, "harga beras"),
        ("en", EN_WORDS, "rice prices"),
    ] {
        let mut group = c.benchmark_group(format!("rankmath/{locale}"));
        for words in SIZES {
            let (html, md) = article(words, vocabulary, keyword);
            group.throughput(Throughput::Elements(words as u64));
            let html_request = request(Content::Html(html), locale, &[keyword]);
            group.bench_with_input(BenchmarkId::new("html", words), &html_request, |b, r| {
                b.iter(|| analyze(black_box(r), profile))
            });
            let md_request = request(Content::Markdown(md), locale, &[keyword]);
            group.bench_with_input(BenchmarkId::new("markdown", words), &md_request, |b, r| {
                b.iter(|| analyze(black_box(r), profile))
            });
        }
        group.finish();
    }
}

fn secondary_keywords(c: &mut Criterion) {
    let profile = ProfileId::Rankmath.profile();
    let (html, _) = article(10_000, ID_WORDS, "harga beras");
    let all = [
        "harga beras",
        "stok pangan",
        "operasi pasar",
        "petani",
        "distribusi",
    ];
    let mut group = c.benchmark_group("rankmath/secondary-10k");
    for n in 1..=all.len() {
        let r = request(Content::Html(html.clone()), "id", &all[..n]);
        group.bench_with_input(BenchmarkId::new("keywords", n), &r, |b, r| {
            b.iter(|| analyze(black_box(r), profile))
        });
    }
    group.finish();
}

/// Inputs that used to make a scan quadratic (an unclosed tag before many `<`, shortcodes that
/// never close, headings that never end), at n and 4n: linear time shows as 4× the median.
fn pathological(c: &mut Criterion) {
    type Family = (&'static str, fn(usize) -> String);
    let families: [Family; 4] = [
        ("unclosed-tag", |n| format!("<div\n{}", "<a\n".repeat(n))),
        ("unclosed-shortcodes", |n| "[a ".repeat(n)),
        ("unclosed-headings", |n| "<h2".repeat(n)),
        ("unclosed-quote", |n| {
            format!("<p title=\"x>{}", "<a href='y'>".repeat(n))
        }),
    ];
    let mut group = c.benchmark_group("rankmath/pathological");
    group.sample_size(10);
    for (name, make) in families {
        for n in [25_000, 100_000] {
            let html = make(n);
            group.throughput(Throughput::Bytes(html.len() as u64));
            let r = request(Content::Html(html), "id", &["harga"]);
            group.bench_with_input(BenchmarkId::new(name, n), &r, |b, r| {
                b.iter(|| analyze(black_box(r), ProfileId::Rankmath.profile()));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, full_analysis, secondary_keywords, pathological);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = full_analysis_cpu
}
criterion_main!(benches, cpu);
