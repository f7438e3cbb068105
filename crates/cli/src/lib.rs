//! The `corroborate` application: the pipeline wired end to end, and the
//! pieces of the command-line tool that tests and benchmarks reuse.

pub mod annotate;
pub mod bench;
pub mod pipeline;

pub use pipeline::{analyze_paths, AnalyzeOptions, AnalyzeOutput};
