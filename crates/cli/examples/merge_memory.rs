//! How a workspace merge's memory splits: resident memory after reading the
//! merge input from the store, after merging, and the peak.
//!
//! `cargo run --release -p corroborate --example merge_memory -- WORKSPACE [--stored-analysis]`
//! (with `--stored-analysis`, only the memory the stored analysis takes).
//!
//! It runs on the system allocator (the binary uses mimalloc), so that
//! `heaptrack` can attribute the peak to the code that allocated it.
use std::path::PathBuf;

use corroborate::bench::peak_rss_mb;
use corroborate::workspace::Workspace;

fn resident_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn show(stage: &str, started: std::time::Instant) {
    println!(
        "{stage:<24} {:>8.1} s  resident {:>8.0} MB  peak {:>8.0} MB",
        started.elapsed().as_secs_f64(),
        resident_mb(),
        peak_rss_mb().unwrap_or(0.0)
    );
}

/// Counts and sizes of what the merge input holds, by kind.
fn composition(reports: &[corroborate_model::AnnotatedReport]) {
    use std::mem::size_of;
    let mut text = 0;
    let mut counts = [0usize; 6];
    let mut strings = 0;
    for r in reports {
        let a = &r.annotations;
        text += r.report.text.capacity();
        counts[0] += a.sentences.capacity();
        counts[1] += a.mentions.capacity();
        counts[2] += a.timexes.capacity();
        counts[3] += a.quantities.capacity();
        counts[4] += a.attributions.capacity();
        counts[5] += a.events.capacity();
        strings += a.mentions.iter().map(|m| m.text.capacity()).sum::<usize>();
        strings += a
            .timexes
            .iter()
            .map(|t| t.text.capacity() + t.value.capacity())
            .sum::<usize>();
        strings += a.events.iter().map(|e| e.trigger.capacity()).sum::<usize>();
    }
    let sizes = [
        size_of::<corroborate_model::Span>(),
        size_of::<corroborate_model::Mention>(),
        size_of::<corroborate_model::Timex>(),
        size_of::<corroborate_model::Quantity>(),
        size_of::<corroborate_model::Attribution>(),
        size_of::<corroborate_model::EventMention>(),
    ];
    let names = [
        "sentences",
        "mentions",
        "timexes",
        "quantities",
        "attributions",
        "events",
    ];
    println!(
        "  text {:.0} MB; some string bytes {:.0} MB",
        text as f64 / 1e6,
        strings as f64 / 1e6
    );
    for ((name, count), size) in names.iter().zip(counts).zip(sizes) {
        println!(
            "  {name:<13} {:>6.1} per report x {size:>4} B = {:>6.0} MB",
            count as f64 / reports.len().max(1) as f64,
            (count * size) as f64 / 1e6
        );
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: merge_memory WORKSPACE")?,
    );
    let started = std::time::Instant::now();
    let mut workspace = Workspace::open(&dir)?;
    show("opened", started);
    if std::env::args().nth(2).as_deref() == Some("--stored-analysis") {
        let stored = workspace.stored_analysis()?;
        show("stored analysis read", started);
        drop(stored);
        return Ok(());
    }
    let input = workspace.merge_input()?;
    show("merge input read", started);
    composition(input.reports());
    let merged = input.merge();
    show("merged", started);
    workspace.save_analysis(&merged)?;
    show("analysis stored", started);
    Ok(())
}
