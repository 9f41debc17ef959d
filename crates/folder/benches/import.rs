//! Folder import throughput (issue #5 target: at least 2,000 files per second), on a folder
//! of 2,000 generated `.md` files with front matter, into a real database file.
//!
//! Run: `cargo bench -p redaksi-folder --bench import`. Files per second are printed by
//! criterion as throughput ("thrpt").

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use redaksi_store::Store;

const FILES: usize = 2_000;

fn import(c: &mut Criterion) {
    let src = tempfile::tempdir().unwrap();
    for n in 0..FILES {
        let body = "Hujan deras turun sejak pagi dan warga mulai mengungsi. ".repeat(40);
        std::fs::write(
            src.path().join(format!("artikel-{n:05}.md")),
            format!(
                "---\ntitle: Artikel {n}\ntags: [arsip, banjir]\ncategory: Metro\nbyline: Siti\n---\n{body}\n"
            ),
        )
        .unwrap();
    }
    let paths = vec![src.path().to_owned()];
    let mut group = c.benchmark_group("folder_import");
    group.throughput(Throughput::Elements(FILES as u64));
    group.bench_function("2000_files", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let store = Store::open(dir.path()).unwrap();
                (dir, store)
            },
            |(dir, mut store)| {
                let report = redaksi_folder::import(&mut store, &paths, |_, _| {}).unwrap();
                assert_eq!(report.imported.len(), FILES);
                black_box((dir, store))
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(10))
        .sample_size(10);
    targets = import
}
criterion_main!(benches);
