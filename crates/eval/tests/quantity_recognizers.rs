//! The quantity extractor on the Recognizers-Text English number specs.
//! Skipped when CORROBORATE_SHARED is unset; fails loudly when it is set
//! but the files are missing.

use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    std::env::var_os("CORROBORATE_SHARED").map(PathBuf::from)
}

#[test]
fn recognizers_number_specs() {
    let Some(root) = shared() else {
        eprintln!("CORROBORATE_SHARED unset: skipping");
        return;
    };
    let dir = root.join("testdata/temporal/recognizers-text/Specs/Number/English");
    let scores = corroborate_eval::quantity::eval_recognizers_numbers(&dir)
        .unwrap_or_else(|e| panic!("CORROBORATE_SHARED set but specs unusable: {e}"));
    println!("{scores}");
    assert!(
        scores.share() >= 0.9,
        "in-scope share {:.3}",
        scores.share()
    );
    for file in &scores.files {
        assert!(file.in_scope > 0, "{} has no in-scope cases", file.file);
    }
}
