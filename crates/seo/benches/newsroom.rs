//! Full newsroom analysis of generated Indonesian articles of 1k to 50k words: the editor
//! re-scores on every pause in typing, so this must stay far below a frame's budget.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use redaksi_seo::newsroom::builtin_profile;
use redaksi_seo::{AnalysisRequest, Content, analyze};

/// Sentences in the register of Indonesian news, cycled deterministically.
const SENTENCES: [&str; 12] = [
    "Harga beras di pasar tradisional naik dua kali lipat sejak awal bulan.",
    "Kenaikan itu disampaikan Kepala Dinas Perdagangan dalam rapat di Balai Kota pada Senin.",
    "Menurut dia, pasokan dari sentra produksi di Jawa Barat berkurang akibat banjir.",
    "Namun, Bulog memastikan stok beras nasional masih cukup hingga akhir tahun.",
    "Sebanyak 1.500 ton beras operasi pasar akan disalurkan ke 30 titik mulai pekan depan.",
    "Para pedagang mengeluhkan sepinya pembeli menjelang hari raya.",
    "“Kami berharap harga segera turun,” kata Siti, pedagang di Pasar Kosambi.",
    "Selain itu, pemerintah daerah menyiapkan bantuan bagi keluarga kurang mampu.",
    "Harga gabah kering panen di tingkat petani tercatat Rp6.500 per kilogram.",
    "Inflasi pangan bulan lalu mencapai 3,5 persen, tertinggi dalam dua tahun.",
    "Dr. Budi Santoso dari Universitas Padjadjaran menilai kebijakan impor perlu dikaji ulang.",
    "Warga diminta tidak memborong beras agar harga tetap stabil.",
];

fn article(words: usize) -> String {
    let mut out = String::with_capacity(words * 8);
    let (mut count, mut i) = (0usize, 0usize);
    while count < words {
        if i % 40 == 0 {
            out.push_str(&format!("## Bagian {}\n\n", i / 40 + 1));
        }
        for _ in 0..3 {
            let sentence = SENTENCES[(i * 7 + count) % SENTENCES.len()];
            out.push_str(sentence);
            out.push(' ');
            count += sentence.split_whitespace().count();
            i += 1;
        }
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("newsroom");
    for words in [1_000, 5_000, 10_000, 50_000] {
        let request = AnalysisRequest {
            title: "Harga Beras Naik Dua Kali Lipat, Bulog Jamin Stok Aman".into(),
            description: "Harga beras di pasar tradisional naik dua kali lipat sejak awal bulan; Bulog memastikan stok cukup dan menyiapkan operasi pasar.".into(),
            slug: "harga-beras-naik".into(),
            locale: "id".into(),
            keywords: vec!["harga beras".into()],
            content: Content::Markdown(article(words)),
            byline: Some("Siti Rahma".into()),
            ..AnalysisRequest::default()
        };
        group.throughput(Throughput::Elements(words as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(words),
            &request,
            |b, request| b.iter(|| analyze(request, builtin_profile())),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
