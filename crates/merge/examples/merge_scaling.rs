//! Merge scaling on a varied synthetic corpus:
//! `cargo run --release -p corroborate-merge --example merge_scaling -- DIR... [--max N]`
//!
//! The reports under the given folders are cut into paragraphs; report
//! `n` of the synthetic corpus takes a header paragraph and four to seven
//! paragraphs drawn (deterministically) from all of them, so that reports
//! share sentences the way coverage of one crisis does without being
//! whole copies. Every report is extracted once; merge is then timed on
//! the first 100, 200, 400, … reports (without a gazetteer).

use std::path::PathBuf;
use std::time::Instant;

use corroborate_ingest::{default_readers, read_all, IngestOptions};
use corroborate_merge::{merge, Curation, NoGeocoder};
use corroborate_model::{AnnotatedReport, Report};

fn main() {
    let mut dirs = Vec::new();
    let mut max = 1600;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--max" {
            max = args.next().and_then(|n| n.parse().ok()).unwrap_or(max);
        } else {
            dirs.push(PathBuf::from(arg));
        }
    }
    let originals = read_all(&dirs, &default_readers(), &IngestOptions::default()).reports;
    if originals.is_empty() {
        eprintln!("no reports under {dirs:?}");
        std::process::exit(2);
    }
    let paragraphs: Vec<&str> = originals
        .iter()
        .flat_map(|r| r.text.split("\n\n"))
        .map(str::trim)
        .filter(|p| p.split_whitespace().count() >= 8)
        .collect();
    if paragraphs.is_empty() {
        eprintln!("no paragraph of eight words or more under {dirs:?}");
        std::process::exit(2);
    }
    let started = Instant::now();
    let annotated: Vec<AnnotatedReport> = (0..max)
        .map(|n| synthetic(&originals, &paragraphs, n))
        .map(corroborate_extract::extract)
        .collect();
    eprintln!(
        "extracted {max} synthetic reports from {} paragraphs in {:.1} s",
        paragraphs.len(),
        started.elapsed().as_secs_f64()
    );
    let mut size = 100.min(max);
    while size <= max {
        let started = Instant::now();
        let analysis = merge(
            &annotated[..size],
            &NoGeocoder,
            &Curation::default(),
            Vec::new(),
        );
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{size:>6} → {seconds:.4} s ({:.0} µs/report; {} entities, {} claims, {} conflicts)",
            seconds * 1e6 / size as f64,
            analysis.entities.len(),
            analysis.claims.len(),
            analysis.conflicts.len()
        );
        size *= 2;
    }
}

/// Report `n`: the metadata of one original, its first paragraph, and
/// paragraphs picked by a SplitMix64 stream seeded with `n`.
fn synthetic(originals: &[Report], paragraphs: &[&str], n: usize) -> Report {
    let mut state = n as u64 + 1;
    let mut next = move || {
        state = state.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        (z ^ (z >> 31)) as usize
    };
    let base = &originals[n % originals.len()];
    let mut report = base.clone();
    report.meta.id = format!("{}-synthetic{n}", base.meta.id);
    let head = base.text.split("\n\n").next().unwrap_or_default();
    let count = 4 + next() % 4;
    let body: Vec<&str> = (0..count)
        .map(|_| paragraphs[next() % paragraphs.len()])
        .collect();
    report.text = format!("{head}\n\n{}", body.join("\n\n"));
    report.removed.clear();
    report
}
