//! The ECB+ figure scorer on a tiny invented key and invented CROMER
//! documents: known counts, split filtering, don't-care spans, and the
//! real key under `CORROBORATE_SHARED`.

use std::path::{Path, PathBuf};

use corroborate_eval::figures::{eval_figures, run, FigureScores, SplitFilter};

/// CROMER XML for sentences of space-separated invented tokens.
fn cromer(sentences: &[&str]) -> String {
    let mut xml = String::from("<Document doc_name=\"fixture\" doc_id=\"D\">\n");
    let mut id = 0;
    for (sentence, text) in sentences.iter().enumerate() {
        for (number, word) in text.split(' ').enumerate() {
            id += 1;
            let word = word.replace('&', "&amp;");
            xml.push_str(&format!(
                "<token t_id=\"{id}\" sentence=\"{sentence}\" number=\"{number}\">{word}</token>\n"
            ));
        }
    }
    xml.push_str("<Markables>\n</Markables>\n<Relations>\n</Relations>\n</Document>\n");
    xml
}

/// Train: t_id 3 "Police" … 20 "."; gold 12 detained (hit) and the
/// 45-year term (the extractor leaves durations to the time tagger: a
/// miss); "7 trucks" is not in the key (a false positive) and "9" is a
/// don't-care span.
const TRAIN_SENTENCES: [&str; 2] = [
    "Invented headline",
    "Police arrested 12 men , a 45 - year term began as 7 trucks and 9 dogs .",
];

/// Dev: "Up to 6 people died and $ 250 million was lost ." (t_id 1–12).
const DEV_SENTENCES: [&str; 1] = ["Up to 6 people died and $ 250 million was lost ."];

const KEY: &str = r#"{"doc": "1/1_1ecbplus.xml", "sentence": 1, "split": "train", "quantities": [{"tokens": [5, 5], "value": 12, "low": 12, "high": 12, "low_inclusive": true, "high_inclusive": true, "unit": null, "concept": "arrested"}, {"tokens": [9, 11], "value": 45, "low": 45, "high": 45, "low_inclusive": true, "high_inclusive": true, "unit": "years", "concept": "term"}], "ignore": [[18, 18]]}
{"doc": "2/2_1ecb.xml", "sentence": 0, "split": "dev", "quantities": [{"tokens": [1, 3], "value": 6, "low": null, "high": 6, "low_inclusive": false, "high_inclusive": true, "unit": null, "concept": "dead"}, {"tokens": [7, 9], "value": 250000000, "low": 250000000, "high": 250000000, "low_inclusive": true, "high_inclusive": true, "unit": "USD", "concept": "stolen"}]}
"#;

struct Fixture {
    _dir: tempfile::TempDir,
    data: PathBuf,
    key: PathBuf,
}

fn write(path: &Path, content: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("fixture folder");
    }
    std::fs::write(path, content).expect("fixture file");
}

fn fixture(key: &str) -> Fixture {
    let dir = tempfile::tempdir().expect("temporary folder");
    let data = dir.path().join("ecbplus");
    write(&data.join("1/1_1ecbplus.xml"), &cromer(&TRAIN_SENTENCES));
    write(&data.join("2/2_1ecb.xml"), &cromer(&DEV_SENTENCES));
    let key_path = dir.path().join("key.jsonl");
    write(&key_path, key);
    Fixture {
        _dir: dir,
        data,
        key: key_path,
    }
}

fn scores(split: SplitFilter) -> FigureScores {
    let fixture = fixture(KEY);
    eval_figures(&fixture.key, &fixture.data, split).expect("fixture key scores")
}

#[test]
fn one_hit_one_miss_one_false_positive() {
    let train = scores(SplitFilter::Train);
    let s = &train.scores;
    println!("{train}\n{:#?}", s.errors);
    assert_eq!((s.sentences, s.gold, s.predicted, s.matched), (1, 2, 2, 1));
    assert_eq!(s.precision(), 0.5);
    assert_eq!(s.recall(), 0.5);
    assert_eq!(s.ignored, 1, "the prediction over the don't-care span");
    assert_eq!(train.ignore_spans, 1);
    assert_eq!(s.concept_correct, 1, "arrested is detained");
    assert_eq!((s.interval_correct, s.unit_correct), (1, 1));
    assert!(s
        .errors
        .iter()
        .any(|e| e.starts_with("MISSED \"45-year\" (45)")));
    assert!(s
        .errors
        .iter()
        .any(|e| e.starts_with("EXTRA \"7\" (7) in: 1/1_1ecbplus.xml s1: Police arrested 12 men")));
}

#[test]
fn splits_select_their_sentences() {
    let dev = scores(SplitFilter::Dev);
    println!("{dev}\n{:#?}", dev.scores.errors);
    assert_eq!((dev.scores.sentences, dev.scores.gold), (1, 2));
    assert_eq!(dev.scores.matched, 2);
    assert_eq!(dev.scores.interval_correct, 2, "[0, 6] is up to 6");
    assert_eq!(dev.scores.unit_correct, 2);
    assert_eq!(
        dev.scores.concept_correct, 1,
        "died is killed; no concept for $250 million"
    );
    let all = scores(SplitFilter::All);
    assert_eq!(
        (all.scores.sentences, all.scores.gold, all.documents),
        (2, 4, 2)
    );
    assert_eq!(all.scores.matched, 3);
    assert_eq!("dev".parse::<SplitFilter>().ok(), Some(SplitFilter::Dev));
    assert!("test".parse::<SplitFilter>().is_err());
}

#[test]
fn the_command_names_its_split_and_lists_failures() {
    let fixture = fixture(KEY);
    let out = run(&fixture.key, Some(&fixture.data), "train", true).expect("runs");
    assert!(
        out.starts_with("ECB+ figure key, split: train (1 sentences"),
        "{out}"
    );
    assert!(out.contains("MISSED \"45-year\""), "{out}");
    let dev = run(&fixture.key, Some(&fixture.data), "dev", false).expect("runs");
    assert!(dev.starts_with("ECB+ figure key, split: dev"), "{dev}");
    assert!(!dev.contains("MISSED"), "{dev}");
    assert!(run(&fixture.key, Some(&fixture.data), "test", false).is_err());
}

#[test]
fn key_errors_name_the_line() {
    let bad_token = KEY.replacen("[5, 5]", "[5, 99]", 1);
    let broken = fixture(&bad_token);
    let error = eval_figures(&broken.key, &broken.data, SplitFilter::All)
        .expect_err("token 99 is not in the sentence");
    assert!(error.to_string().contains("line 1: token 99"), "{error}");
    let missing_doc = KEY.replacen("1/1_1ecbplus.xml", "1/1_9ecbplus.xml", 1);
    let missing = fixture(&missing_doc);
    assert!(eval_figures(&missing.key, &missing.data, SplitFilter::Train).is_err());
}

#[test]
fn the_real_key_scores_on_both_splits() {
    let Some(data) = corroborate_testkit::shared_path("testdata/ecbplus") else {
        return;
    };
    let key = Path::new(env!("CARGO_MANIFEST_DIR")).join("gold/ecbplus-figures.jsonl");
    let train = eval_figures(&key, &data, SplitFilter::Train).expect("key scores");
    let dev = eval_figures(&key, &data, SplitFilter::Dev).expect("key scores");
    assert_eq!((train.scores.sentences, train.scores.gold), (150, 174));
    assert_eq!((dev.scores.sentences, dev.scores.gold), (150, 176));
    assert_eq!(train.ignore_spans + dev.ignore_spans, 26);
}
