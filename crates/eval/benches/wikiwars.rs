//! Tagging throughput on the WikiWars raw texts, one thread.
//!
//! Run: `CORROBORATE_SHARED=/work/shared cargo bench -p corroborate-eval`.
//! Criterion reports throughput in bytes/s; the line printed first gives
//! characters/s from [`corroborate_eval::time::bench_documents`]. Skipped
//! when CORROBORATE_SHARED is unset.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

fn wikiwars(c: &mut Criterion) {
    let Some(root) = std::env::var_os("CORROBORATE_SHARED") else {
        eprintln!("CORROBORATE_SHARED not set: skipping WikiWars benchmark");
        return;
    };
    let dir = PathBuf::from(root).join("testdata/temporal/wikiwars-dev");
    let documents = match corroborate_eval::time::timeml_texts(&dir) {
        Ok(documents) => documents,
        Err(err) => panic!("CORROBORATE_SHARED is set but WikiWars cannot be read: {err}"),
    };
    let result = corroborate_eval::time::bench_documents(&documents, 10);
    println!(
        "WikiWars: {} documents, {} chars, {} timexes, {:.0} chars/s",
        result.documents,
        result.chars,
        result.timexes,
        result.chars_per_second()
    );
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("wikiwars");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("tag", |b| {
        b.iter(|| {
            documents
                .iter()
                .map(|doc| corroborate_time::tag(&doc.text, doc.dct, false).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, wikiwars);
criterion_main!(benches);
