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
    // Measured 88.87 (WikiWars 01–16; tuning half 01–10 87.80, checking
    // half 11–16 92.26).
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
    // news; it changed one value in apple (83.00 before). 83.12 (apple
    // 82.03) since the TimeML conventions tuned on the blind ECB+ key
    // (a date and a clock time joined by a preposition are two timexes).
    assert!(
        scores.value_attr.f1 >= 83.0,
        "value F1 {:.2}",
        scores.value_attr.f1
    );
}

/// The blind TIMEX3 key on whole ECB+ news articles
/// (`gold/ecbplus-timex.md`): rules were tuned on the train half only; the
/// dev half is scored, never read.
#[test]
fn ecbplus_timex_key_value_f1() {
    use corroborate_eval::figures::SplitFilter;
    use corroborate_eval::time::ecbplus_key::eval_timex_key;
    let Some(data) = shared("testdata/ecbplus") else {
        eprintln!("CORROBORATE_SHARED not set: skipping the ECB+ TIMEX3 key");
        return;
    };
    let key = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("gold/ecbplus-timex.jsonl");
    let score = |split| {
        let result = eval_timex_key(&key, &data, split).expect("the key scores");
        println!("{result}");
        result.scores.value_attr.f1
    };
    // 74 train and 39 dev articles. Measured 87.70 on train and 88.23 on
    // dev; the tagger of the session that built the key scored 75.9 and
    // 77.8 on the same articles (`eval timeml` on the annotators' files,
    // clock values with their UTC offsets compared).
    let train = score(SplitFilter::Train);
    assert!(train >= 87.5, "train value F1 {train:.2}");
    let dev = score(SplitFilter::Dev);
    assert!(dev >= 88.0, "dev value F1 {dev:.2}");
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
