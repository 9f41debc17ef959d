//! WordPress content ⇄ Markdown for a 1,000-word post, as a review pull converts every pending
//! post: block markup (core blocks plus one block Markdown cannot say), classic HTML, and
//! Markdown back to blocks. Each pull checks the round trip, so `to_markdown` includes it.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use redaksi_blocks::{Form, to_content, to_markdown};

/// Sentences in the register of Indonesian news, cycled deterministically.
const SENTENCES: [&str; 8] = [
    "Harga beras di pasar tradisional naik dua kali lipat sejak awal bulan.",
    "Kenaikan itu disampaikan <strong>Kepala Dinas Perdagangan</strong> dalam rapat di Balai Kota.",
    "Menurut dia, pasokan dari sentra produksi di Jawa Barat berkurang akibat banjir.",
    "Namun, <a href=\"https://example.com/bulog\">Bulog</a> memastikan stok beras masih cukup.",
    "Sebanyak 1.500 ton beras operasi pasar akan disalurkan ke 30 titik mulai pekan depan.",
    "Para pedagang mengeluhkan sepinya pembeli menjelang hari raya.",
    "“Kami berharap harga segera turun,” kata Siti, pedagang di <em>Pasar Kosambi</em>.",
    "Selain itu, pemerintah daerah menyiapkan bantuan bagi keluarga kurang mampu.",
];

/// The paragraphs of a post of about `words` words, three sentences each.
fn paragraphs(words: usize) -> Vec<String> {
    let mut out = Vec::new();
    let (mut count, mut i) = (0, 0);
    while count < words {
        let text: Vec<&str> = (0..3)
            .map(|k| SENTENCES[(i + k) % SENTENCES.len()])
            .collect();
        count += text
            .iter()
            .map(|s| s.split_whitespace().count())
            .sum::<usize>();
        out.push(text.join(" "));
        i += 3;
    }
    out
}

/// A block-editor post: paragraphs with a heading, a list, a quote, an image and a buttons
/// block (kept as HTML) every few paragraphs.
fn block_post(words: usize) -> String {
    let mut blocks = Vec::new();
    for (n, p) in paragraphs(words).into_iter().enumerate() {
        blocks.push(format!(
            "<!-- wp:paragraph -->\n<p>{p}</p>\n<!-- /wp:paragraph -->"
        ));
        blocks.push(match n % 8 {
            2 => format!("<!-- wp:heading -->\n<h2>Bagian {n}</h2>\n<!-- /wp:heading -->"),
            4 => "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Pasar Kosambi</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Pasar Baru</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->".into(),
            5 => "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>Stok aman sampai akhir tahun.</p>\n<!-- /wp:paragraph --><cite>Bulog</cite></blockquote>\n<!-- /wp:quote -->".into(),
            6 => "<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"https://images.example.com/pasar.jpg\" alt=\"Pasar\"/><figcaption class=\"wp-element-caption\">Pasar pagi</figcaption></figure>\n<!-- /wp:image -->".into(),
            7 => "<!-- wp:buttons -->\n<div class=\"wp-block-buttons\"><!-- wp:button -->\n<div class=\"wp-block-button\"><a class=\"wp-block-button__link wp-element-button\" href=\"https://example.com/\">Baca</a></div>\n<!-- /wp:button --></div>\n<!-- /wp:buttons -->".into(),
            _ => continue,
        });
    }
    blocks.join("\n\n")
}

/// A classic-editor post: paragraphs a blank line apart, a heading now and then.
fn classic_post(words: usize) -> String {
    let mut out = Vec::new();
    for (n, p) in paragraphs(words).into_iter().enumerate() {
        if n % 6 == 3 {
            out.push(format!("<h2>Bagian {n}</h2>"));
        }
        out.push(p);
    }
    out.join("\n\n")
}

fn convert(c: &mut Criterion) {
    let blocks = block_post(1_000);
    let classic = classic_post(1_000);
    let markdown = to_markdown(&blocks)
        .expect("the bench post is lossless")
        .markdown;
    assert_eq!(to_content(&markdown, Form::Blocks), blocks);
    let mut group = c.benchmark_group("blocks_1000_words");
    group.bench_function("pull_blocks", |b| {
        b.iter(|| to_markdown(black_box(&blocks)))
    });
    group.bench_function("pull_classic", |b| {
        b.iter(|| to_markdown(black_box(&classic)))
    });
    group.bench_function("push_blocks", |b| {
        b.iter(|| to_content(black_box(&markdown), Form::Blocks))
    });
    group.finish();
}

criterion_group!(benches, convert);
criterion_main!(benches);
