//! Event dates on MEANTIME news, read in place under `CORROBORATE_SHARED`:
//! the reader finds the events a TLINK dates, and what our events find of
//! them keeps its level (the pipeline without a gazetteer, as the library
//! runs it).

use corroborate_eval::ecb_topics::analyze_reports;
use corroborate_eval::event_dates::eval_event_dates;
use corroborate_merge::NoGeocoder;
use corroborate_testkit::shared_path;

#[test]
fn dated_events_are_read_and_mostly_dated_right_when_found() {
    let Some(dir) = shared_path("testdata/meantime-dev/corpus_apple") else {
        return;
    };
    let pipeline = |reports| analyze_reports(reports, &NoGeocoder);
    let counts = eval_event_dates(&[dir], &pipeline).expect("MEANTIME apple reads");
    assert_eq!(counts.documents, 30);
    assert!(counts.gold_dated > 80, "{counts}");
    // 13 found and 11 right with the gazetteer when this floor was set.
    assert!(counts.found >= 10, "{counts}");
    assert!(counts.right * 10 >= counts.found * 7, "{counts}");
    // Every gold mention not dated right is listed once, with its words
    // inside its sentence.
    assert_eq!(counts.misses.len(), counts.gold_dated - counts.right);
    for miss in &counts.misses {
        assert!(!miss.mention.is_empty(), "{miss:?}");
        assert!(miss.sentence.contains(&miss.mention), "{miss:?}");
    }
    let listing = counts.failure_listing();
    assert_eq!(
        listing.lines().count(),
        counts.misses.len() + 2,
        "{listing}"
    );
}
