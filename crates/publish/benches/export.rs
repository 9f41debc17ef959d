//! Export of a 5,000-word article to each file format.

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use redaksi_article::{Article, Keyword, Lang};
use redaksi_publish::{ExportContext, Format, export};

fn article() -> Article {
    let sentence = "Hujan deras mengguyur Jakarta sejak pagi dan **air** naik di [Kampung Melayu](https://contoh.id/banjir) hingga dua meter. ";
    let words_per_sentence = sentence.split_whitespace().count();
    let mut body = String::new();
    let mut words = 0;
    let mut n = 0;
    while words < 5000 {
        if n % 8 == 0 {
            body.push_str(&format!("\n## Bagian {n}\n\n"));
            words += 2;
        }
        body.push_str(sentence);
        words += words_per_sentence;
        n += 1;
        if n % 4 == 0 {
            body.push_str("\n\n");
        }
    }
    let mut a = Article::new(
        "Banjir Jakarta",
        body,
        Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap(),
    );
    a.meta.description = Some("Ringkasan banjir Jakarta.".into());
    a.meta.lang = Some(Lang::Id);
    a.meta.keywords = vec![Keyword::new("banjir jakarta")];
    a.meta.tags = vec!["banjir".into(), "cuaca".into()];
    a.meta.byline = Some("Rina".into());
    a
}

fn bench(c: &mut Criterion) {
    let a = article();
    let ctx = ExportContext { revision: Some(3) };
    for format in Format::ALL {
        c.bench_function(&format!("export_5000_words_{}", format.as_str()), |b| {
            b.iter(|| export(std::hint::black_box(&a), format, &ctx))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
