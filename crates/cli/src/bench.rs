//! `corroborate bench`: throughput of extraction and of whole runs on one
//! core, merge scaling, and peak memory. Run it from a release build.

use std::fmt::Write;
use std::time::Instant;

use corroborate_model::{AnnotatedReport, Report};

use crate::pipeline::{merge_annotated, release_tokens};

pub struct BenchResult {
    pub reports: usize,
    pub bytes: usize,
    pub words: usize,
    pub extract_seconds: f64,
    pub analyze_seconds: f64,
    /// (number of reports, seconds) for merge at growing corpus sizes.
    pub merge_scaling: Vec<(usize, f64)>,
    pub peak_rss_mb: Option<f64>,
}

/// Measures on the calling thread; `repeat` copies of the corpus are
/// processed so that timings are long enough to be stable.
pub fn run_bench(reports: &[Report], repeat: usize) -> BenchResult {
    let corpus: Vec<Report> = (0..repeat.max(1))
        .flat_map(|n| reports.iter().cloned().map(move |r| relabel(r, n)))
        .collect();
    let bytes = corpus.iter().map(|r| r.text.len()).sum();
    let words = corpus
        .iter()
        .map(|r| r.text.split_whitespace().count())
        .sum();

    let started = Instant::now();
    let annotated: Vec<AnnotatedReport> = corpus
        .iter()
        .cloned()
        .map(corroborate_extract::extract)
        .collect();
    let extract_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let mut whole: Vec<AnnotatedReport> = corpus
        .iter()
        .cloned()
        .map(corroborate_extract::extract)
        .collect();
    corroborate_extract::infer::refine_undated(&mut whole);
    release_tokens(&mut whole);
    let analysis = merge_annotated(&whole);
    let analyze_seconds = started.elapsed().as_secs_f64();
    std::hint::black_box(analysis);

    BenchResult {
        reports: corpus.len(),
        bytes,
        words,
        extract_seconds,
        analyze_seconds,
        merge_scaling: merge_scaling(&annotated),
        peak_rss_mb: peak_rss_mb(),
    }
}

/// A copy of a report under a new id, as another outlet's report would be.
fn relabel(mut report: Report, copy: usize) -> Report {
    if copy > 0 {
        report.meta.id = format!("{}-copy{copy}", report.meta.id);
    }
    report
}

fn merge_scaling(annotated: &[AnnotatedReport]) -> Vec<(usize, f64)> {
    let mut out = Vec::new();
    let mut size = annotated.len().div_ceil(8).max(1);
    while size <= annotated.len() {
        let slice = &annotated[..size];
        let started = Instant::now();
        std::hint::black_box(merge_annotated(slice));
        out.push((size, started.elapsed().as_secs_f64()));
        size *= 2;
    }
    out
}

/// Peak resident memory of this process (Linux `VmHWM`), in MB.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

impl BenchResult {
    pub fn report(&self) -> String {
        let mut out = String::new();
        let mb = self.bytes as f64 / 1_000_000.0;
        let per_report_words = self.words as f64 / self.reports.max(1) as f64;
        let _ = writeln!(
            out,
            "corpus: {} reports, {:.2} MB, {:.0} words per report",
            self.reports, mb, per_report_words
        );
        let _ = writeln!(
            out,
            "extraction (1 core): {:.1} reports/s, {:.2} MB/s, {:.1} reports of 1,000 words/s",
            self.reports as f64 / self.extract_seconds,
            mb / self.extract_seconds,
            self.words as f64 / 1000.0 / self.extract_seconds
        );
        let _ = writeln!(
            out,
            "whole analyze (1 core, extract + date inference + merge): {:.1} reports/s, {:.2} MB/s, {:.1} reports of 1,000 words/s",
            self.reports as f64 / self.analyze_seconds,
            mb / self.analyze_seconds,
            self.words as f64 / 1000.0 / self.analyze_seconds
        );
        let _ = writeln!(out, "merge scaling (reports → seconds, µs per report):");
        for (n, secs) in &self.merge_scaling {
            let _ = writeln!(
                out,
                "  {n:>6} → {secs:.4} s ({:.0} µs/report)",
                secs * 1e6 / *n as f64
            );
        }
        match self.peak_rss_mb {
            Some(peak) => {
                let _ = writeln!(out, "peak memory: {peak:.1} MB");
            }
            None => {
                let _ = writeln!(out, "peak memory: not available on this platform");
            }
        }
        out
    }
}
