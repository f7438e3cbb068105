//! Scores the quantity extractor on the hand-written gold set and guards against
//! regressions (floors a few points below the measured scores).

use std::path::Path;

#[test]
fn gold_set_scores_stay_above_floor() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("gold/quantities/quantities.jsonl");
    let scores = corroborate_eval::quantity::eval_gold(&path).expect("gold file readable");
    println!("{scores}");
    assert!(
        scores.sentences >= 150,
        "gold set too small: {}",
        scores.sentences
    );
    assert!(scores.f1() >= 0.95, "value F1 {:.3}", scores.f1());
    assert!(
        scores.interval_accuracy() >= 0.95,
        "interval accuracy {:.3}",
        scores.interval_accuracy()
    );
    assert!(
        scores.concept_accuracy() >= 0.92,
        "concept accuracy {:.3}",
        scores.concept_accuracy()
    );
    assert!(
        scores.unit_accuracy() >= 0.95,
        "unit accuracy {:.3}",
        scores.unit_accuracy()
    );
    assert!(
        scores.part_of_accuracy() >= 0.85,
        "part_of accuracy {:.3}",
        scores.part_of_accuracy()
    );
}
