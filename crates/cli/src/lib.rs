//! The `corroborate` application: the pipeline wired end to end, and the
//! pieces of the command-line tool that tests and benchmarks reuse.

pub mod annotate;
pub mod bench;
pub mod loadtest;
pub mod pipeline;
pub mod timeline;
pub mod workspace;

pub use pipeline::{analyze_paths, AnalyzeOptions, AnalyzeOutput};

/// Compares two names as a user would: case, accents and possessives aside.
pub fn names_match(a: &str, b: &str) -> bool {
    corroborate_merge::names::fold(a) == corroborate_merge::names::fold(b)
}
