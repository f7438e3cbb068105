//! Corpus evaluations; they run when CORROBORATE_SHARED points at the shared
//! data folder and are skipped otherwise.

use corroborate_testkit::shared_path as shared;

#[test]
fn wikiwars_value_f1() {
    let Some(dir) = shared("testdata/temporal/wikiwars-dev") else {
        eprintln!("CORROBORATE_SHARED not set: skipping WikiWars evaluation");
        return;
    };
    let scores = corroborate_eval::time::eval_timeml(&dir).expect("WikiWars evaluation runs");
    println!("WikiWars\n{scores}");
    // Measured 88.67 (WikiWars 01–16; tuning half 01–10 87.54, checking
    // half 11–16 92.24).
    assert!(
        scores.value_attr.f1 >= 88.5,
        "value F1 {:.2}",
        scores.value_attr.f1
    );
}

#[test]
fn meantime_scores() {
    let Some(dir) = shared("testdata/meantime-dev") else {
        eprintln!("CORROBORATE_SHARED not set: skipping MEANTIME evaluation");
        return;
    };
    let scores = corroborate_eval::time::eval_meantime(&dir).expect("MEANTIME evaluation runs");
    println!("MEANTIME\n{scores}");
    // Measured 82.50 (dev, first six sentences; tuning topic airbus 84.44,
    // checking topic apple 80.91). Year-less months now follow the tense
    // of their sentence ("Protests erupted in December" in a November
    // report is the December before), a class found failing on held-out
    // news; it changed one value in apple (83.00 before).
    assert!(
        scores.value_attr.f1 >= 82.5,
        "value F1 {:.2}",
        scores.value_attr.f1
    );
}

#[test]
fn recognizers_pass_rate() {
    let Some(dir) = shared("testdata/temporal/recognizers-text/Specs/DateTime/English") else {
        eprintln!("CORROBORATE_SHARED not set: skipping Recognizers evaluation");
        return;
    };
    let scores =
        corroborate_eval::time::eval_recognizers(&dir).expect("Recognizers evaluation runs");
    println!("Recognizers-Text DateTime\n{scores}");
    // Measured 86.6% of in-scope cases (target 85).
    assert!(scores.rate() >= 85.0, "pass rate {:.1}", scores.rate());
}

#[test]
fn split_halves_add_up_to_the_corpus() {
    let Some(dir) = shared("testdata/temporal/wikiwars-dev") else {
        return;
    };
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("WikiWars folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    let (tuning, checking) = files.split_at(10);
    let whole = corroborate_eval::time::eval_timeml(&dir).expect("whole corpus");
    let first = corroborate_eval::time::eval_timeml_paths(tuning, None).expect("tuning half");
    let second = corroborate_eval::time::eval_timeml_paths(checking, None).expect("checking half");
    assert_eq!(first.documents + second.documents, whole.documents);
    assert_eq!(first.counts.gold + second.counts.gold, whole.counts.gold);
    assert_eq!(
        first.counts.value_correct + second.counts.value_correct,
        whole.counts.value_correct
    );
}
