//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use corroborate::{analyze_paths, AnalyzeOptions, AnalyzeOutput};

pub(crate) fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub(crate) fn analyze(paths: &[PathBuf]) -> AnalyzeOutput {
    analyze_paths(paths, &AnalyzeOptions::default(), &|_| {}, &|| {})
}

/// Validates a JSON value against the repository's analysis schema.
pub(crate) fn validate_against_schema(value: &serde_json::Value) {
    let schema_path = workspace_root().join("schema/analysis.schema.json");
    let schema_text = std::fs::read_to_string(&schema_path).expect("schema file is readable");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).expect("schema is JSON");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource("analysis.schema.json", schema)
        .expect("schema resource");
    let index = compiler
        .compile("analysis.schema.json", &mut schemas)
        .expect("schema compiles");
    if let Err(error) = schemas.validate(value, index) {
        panic!("output does not match the schema: {error:#}");
    }
}
