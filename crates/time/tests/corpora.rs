//! Corpus evaluations; they run when CORROBORATE_SHARED points at the shared
//! data folder and are skipped otherwise.

use std::path::PathBuf;

fn shared(relative: &str) -> Option<PathBuf> {
    let root = std::env::var_os("CORROBORATE_SHARED")?;
    let path = PathBuf::from(root).join(relative);
    assert!(
        path.exists(),
        "CORROBORATE_SHARED is set but {} is missing",
        path.display()
    );
    Some(path)
}

#[test]
fn wikiwars_value_f1() {
    let Some(dir) = shared("testdata/temporal/wikiwars-dev") else {
        eprintln!("CORROBORATE_SHARED not set: skipping WikiWars evaluation");
        return;
    };
    let scores = corroborate_time::eval::eval_timeml(&dir).expect("WikiWars evaluation runs");
    println!("WikiWars\n{scores}");
    assert!(
        scores.value_attr.f1 >= 0.0,
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
    let scores = corroborate_time::eval::eval_meantime(&dir).expect("MEANTIME evaluation runs");
    println!("MEANTIME\n{scores}");
    assert!(
        scores.value_attr.f1 >= 0.0,
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
        corroborate_time::eval::eval_recognizers(&dir).expect("Recognizers evaluation runs");
    println!("Recognizers-Text DateTime\n{scores}");
    assert!(scores.rate() >= 0.0, "pass rate {:.1}", scores.rate());
}
