//! Measures indexing speed and query latency.
//!
//! `cargo run --release -p corroborate-search --example index_speed -- REPORTS_DIR COPIES`
//! reads the reports under REPORTS_DIR, indexes COPIES copies of each (ids
//! suffixed) into a temporary folder, then times a set of queries.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use corroborate_ingest::{default_readers, read_all, IngestOptions};
use corroborate_search::SearchIndex;

const QUERIES: &[&str] = &[
    "police",
    "curfew",
    "arrested protesters",
    "\"tear gas\"",
    "president resign",
    "killed",
    "ceasefire talks",
    "earthquake",
    "\"could not be independently verified\"",
    "unbalanced (quote\"",
];
const RUNS_PER_QUERY: usize = 30;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = PathBuf::from(args.next().ok_or("usage: index_speed REPORTS_DIR COPIES")?);
    let copies: usize = args.next().map_or(Ok(1), |n| n.parse())?;
    let reports = read_all(&[folder], &default_readers(), &IngestOptions::default()).reports;
    let split: Vec<_> = reports
        .iter()
        .map(|r| corroborate_text::sentences(&r.text))
        .collect();

    let dir = tempfile::tempdir()?;
    let mut index = SearchIndex::open(dir.path().join("search"))?;
    let (mut bytes, mut sentences) = (0usize, 0usize);
    let started = Instant::now();
    for copy in 0..copies {
        for (report, spans) in reports.iter().zip(&split) {
            let mut report = report.clone();
            report.meta.id = format!("{}-{copy}", report.meta.id);
            index.add_report(&report, spans)?;
            bytes += report.text.len();
            sentences += spans.len();
        }
    }
    index.commit()?;
    let took = started.elapsed().as_secs_f64();
    println!(
        "indexed {} reports, {sentences} sentences, {:.1} MB in {took:.2} s: {:.0} sentences/s, {:.2} MB/s",
        reports.len() * copies,
        bytes as f64 / 1e6,
        sentences as f64 / took,
        bytes as f64 / 1e6 / took
    );

    println!(
        "index size on disk: {:.1} MB",
        folder_bytes(&dir.path().join("search"))? as f64 / 1e6
    );
    if let (Some(report), Some(spans)) = (reports.first(), split.first()) {
        let mut posted = report.clone();
        posted.meta.id = "posted".into();
        let started = Instant::now();
        index.add_report(&posted, spans)?;
        index.commit()?;
        println!(
            "one more report, added and committed: {:.1} ms",
            millis(started.elapsed())
        );
    }

    for query in QUERIES {
        let mut times = Vec::with_capacity(RUNS_PER_QUERY);
        let mut found = 0;
        for _ in 0..RUNS_PER_QUERY {
            let started = Instant::now();
            found = index.search(query, 20)?.len();
            times.push(started.elapsed());
        }
        times.sort();
        println!(
            "{query:<42} hits {found:>2}  p50 {:>7.2} ms  max {:>7.2} ms",
            millis(times[times.len() / 2]),
            millis(times[times.len() - 1])
        );
    }
    Ok(())
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn folder_bytes(folder: &std::path::Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(folder)? {
        total += entry?.metadata()?.len();
    }
    Ok(total)
}
