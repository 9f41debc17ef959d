//! `redaksi score` as a process over a folder of 1,000 generated articles of 800 words each
//! (rankmath profile, JSON Lines): the whole command, start-up included, scoring on all cores.
//! Target: at least 2,000 articles per second on the 2-core build machine. A second group times
//! the cold start: the command on a one-paragraph article (target median ≤ 3 ms).

use std::process::{Command, Stdio};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const ARTICLES: usize = 1_000;
const WORDS: usize = 800;

const VOCABULARY: &[&str] = &[
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

/// A deterministic article: front matter, then paragraphs of 60 words with a heading, a link
/// or an image between some of them.
fn article(seed: usize) -> String {
    let mut state = seed as u64 * 2_654_435_761 + 1;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut body = String::new();
    for i in 0..WORDS {
        if i % 60 == 0 && i > 0 {
            body.push_str(".\n\n");
            match (i / 60) % 4 {
                1 => body.push_str("## Harga beras di pasar\n\n"),
                2 => body.push_str("Lihat [data](https://www.bps.go.id/) dan [arsip](/arsip). "),
                3 => body.push_str("![Harga beras](beras.jpg)\n\n"),
                _ => {}
            }
        } else if i > 0 {
            body.push(' ');
        }
        body.push_str(VOCABULARY[next(VOCABULARY.len())]);
    }
    format!(
        "---\ntitle: Harga Beras Naik Lagi di Pasar Induk {seed}\nslug: harga-beras-{seed}\n\
         description: Harga beras naik lagi pekan ini di pasar induk.\n\
         keywords: [harga beras]\nlang: id\n---\n{body}.\n"
    )
}

fn redaksi(args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_redaksi"))
        .args(args)
        .stdout(Stdio::null())
        .status()
        .expect("redaksi runs");
    assert!(status.success(), "redaksi {args:?}: {status}");
}

fn batch(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for i in 0..ARTICLES {
        let path = dir.path().join(format!("{i:04}.md"));
        std::fs::write(path, article(i)).expect("write an article");
    }
    let folder = dir.path().to_str().expect("UTF-8 path");
    let mut group = c.benchmark_group("score");
    group.sample_size(10);
    group.throughput(Throughput::Elements(ARTICLES as u64));
    group.bench_function("folder-1000x800-rankmath", |b| {
        b.iter(|| redaksi(&["score", folder, "--profile", "rankmath", "--json"]));
    });
    group.finish();
}

fn cold_start(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("one.md");
    std::fs::write(
        &path,
        "---\ntitle: Harga Beras Naik\nkeywords: [harga beras]\nlang: id\n---\n\
         Harga beras naik lagi pekan ini, kata pedagang di pasar induk.\n",
    )
    .expect("write an article");
    let file = path.to_str().expect("UTF-8 path");
    let mut group = c.benchmark_group("score");
    group.bench_function("cold-start-one-paragraph", |b| {
        b.iter(|| redaksi(&["score", file, "--profile", "rankmath", "--json"]));
    });
    group.finish();
}

criterion_group!(benches, batch, cold_start);
criterion_main!(benches);
