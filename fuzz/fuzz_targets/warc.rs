//! Fuzzes `WarcArchiveReader`: any bytes must give reports or an error, never a
//! panic, a hang or unbounded memory.
#![no_main]

use corroborate_ingest::{ReportReader, WarcArchiveReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(outcome) = WarcArchiveReader.read("crawl.warc", data) {
        for report in outcome.reports {
            assert!(!report.text.trim().is_empty());
        }
    }
});
