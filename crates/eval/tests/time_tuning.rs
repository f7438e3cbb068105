//! The tuning halves' disagreements with the gold annotation, for working
//! on the tagger without looking at the checking halves (WikiWars 11–16,
//! MEANTIME `corpus_apple`, the other Recognizers spec files):
//! `CORROBORATE_SHARED=… cargo test -p corroborate-eval --test time_tuning
//! -- --ignored --nocapture`.

use corroborate_testkit::shared_path as shared;
use std::path::PathBuf;

/// WikiWars documents 01–10 (the tuning half; 11–16 are the checking half).
fn wikiwars_tuning_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("WikiWars folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| {
                n.ends_with(".tml") && n.get(..2).and_then(|d| d.parse::<u32>().ok()) <= Some(10)
            })
        })
        .collect();
    files.sort();
    files
}

#[test]
#[ignore]
fn tuning_half_mismatches() {
    let (Some(wikiwars), Some(meantime)) = (
        shared("testdata/temporal/wikiwars-dev"),
        shared("testdata/meantime-dev/corpus_airbus"),
    ) else {
        return;
    };
    let files = wikiwars_tuning_files(&wikiwars);
    assert_eq!(files.len(), 10);
    for m in corroborate_eval::time::timeml_mismatches(&files).expect("WikiWars reads") {
        println!("{m}");
    }
    for m in corroborate_eval::time::meantime_mismatches(&[meantime]).expect("MEANTIME reads") {
        println!("{m}");
    }
}
