//! Merging reads no stored tokens, so dropping them before the merge (as
//! `analyze` does, to save memory) changes nothing in the analysis.

use std::path::PathBuf;

use corroborate::pipeline::{merge_annotated, release_tokens};
use corroborate_ingest::{default_readers, read_all, IngestOptions};

fn assert_same_analysis_without_tokens(paths: &[PathBuf]) {
    let ingested = read_all(paths, &default_readers(), &IngestOptions::default());
    assert!(!ingested.reports.is_empty(), "no reports under {paths:?}");
    let mut annotated = corroborate_extract::extract_all(ingested.reports, &|| {});
    corroborate_extract::infer::refine_undated(&mut annotated);
    let with_tokens = merge_annotated(&annotated);
    release_tokens(&mut annotated);
    assert!(annotated.iter().all(|a| a.annotations.tokens.is_empty()));
    let without_tokens = merge_annotated(&annotated);
    assert_eq!(
        serde_json::to_value(&with_tokens).unwrap(),
        serde_json::to_value(&without_tokens).unwrap()
    );
}

#[test]
fn the_examples_merge_the_same_without_tokens() {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/reports");
    assert_same_analysis_without_tokens(&[examples]);
}

#[test]
fn the_seeds_merge_the_same_without_tokens() {
    if let Some(seeds) = corroborate_testkit::seed_paths() {
        assert_same_analysis_without_tokens(&seeds);
    }
}
