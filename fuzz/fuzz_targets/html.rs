//! Fuzzes `HtmlReader`: any bytes must give reports or an error, never a
//! panic, a hang or unbounded memory.
#![no_main]

use corroborate_ingest::{ReportReader, HtmlReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(outcome) = HtmlReader.read("page.html", data) {
        for report in outcome.reports {
            assert!(!report.text.trim().is_empty());
        }
    }
});
