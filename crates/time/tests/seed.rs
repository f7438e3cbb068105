//! A seed report tagged with its DCT; runs when CORROBORATE_SHARED points at
//! the shared data folder and is skipped otherwise.

use corroborate_testkit::shared_path as shared;

#[test]
fn seed_reports_resolve_against_their_dct() {
    let Some(path) = shared("corpus/seeds/001_2a5e33f01ffb781a.txt") else {
        eprintln!("CORROBORATE_SHARED not set: skipping seed check");
        return;
    };
    let text = std::fs::read_to_string(&path).expect("seed readable");
    let dct = chrono::NaiveDate::from_ymd_opt(2022, 1, 11);
    let timexes = corroborate_time::tag(&text, dct, true);
    let range = timexes
        .iter()
        .find(|t| t.text == "January 4-7")
        .expect("day range tagged as one timex");
    assert_eq!(range.value, "2022-01-04");
    assert_eq!(range.end, chrono::NaiveDate::from_ymd_opt(2022, 1, 7));
    assert!(range.inferred);
    let first_week = timexes
        .iter()
        .find(|t| t.text == "the first week of 2022")
        .expect("first week tagged");
    assert_eq!(first_week.end, chrono::NaiveDate::from_ymd_opt(2022, 1, 7));
    // None of the seeds has a date line at its top.
    assert_eq!(corroborate_time::find_publication_date(&text), None);
}
