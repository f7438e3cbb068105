//! Fuzzes `FeedReader`: any bytes must give reports or an error, never a
//! panic, a hang or unbounded memory.
#![no_main]

use corroborate_ingest::{ReportReader, FeedReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(outcome) = FeedReader.read("feed.rss", data) {
        for report in outcome.reports {
            assert!(!report.text.trim().is_empty());
        }
    }
});
