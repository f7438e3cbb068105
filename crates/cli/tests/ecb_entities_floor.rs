//! ECB+ entities on the training topics, read in place under
//! `CORROBORATE_SHARED`: the levels the tagger and the merge reached when
//! tuned on them (issue 12), and the failure listing that accounts for
//! every wrong or missing cross-report link.

use corroborate::pipeline::GazetteerGeocoder;
use corroborate_eval::ecb_entities::eval_entities;
use corroborate_eval::ecb_topics::{analyze_reports, TopicSelection};
use corroborate_eval::ecbplus::Split;

#[test]
fn training_topics_keep_their_tuned_level() {
    let Some(root) = corroborate_testkit::shared_path("testdata/ecbplus") else {
        return;
    };
    let selection = TopicSelection::new(None, Split::Train).expect("train split");
    let pipeline = |reports| analyze_reports(reports, &GazetteerGeocoder);
    let report = eval_entities(&root, &selection, &pipeline).expect("entities scored");
    let t = &report.total;
    // Person 0.838 and organization 0.572 mention F1, merge F1 0.803 before
    // the shape, group, given-name and merge rules of session 7.
    assert!(t.by_kind[0].scores().f1() >= 0.84, "{report}");
    assert!(t.by_kind[1].scores().f1() >= 0.63, "{report}");
    let merge_f1 = t.merges.scores().f1();
    assert!(merge_f1 >= 0.82, "{report}");
    assert!(merge_f1 >= t.string_merges.scores().f1() + 0.1, "{report}");

    let missed: usize = report
        .merge_failures
        .iter()
        .filter(|f| f.missed)
        .map(|f| f.pairs)
        .sum();
    let wrong: usize = report
        .merge_failures
        .iter()
        .filter(|f| !f.missed)
        .map(|f| f.pairs)
        .sum();
    assert_eq!(missed, t.merges.gold - t.merges.correct, "{report}");
    assert_eq!(wrong, t.merges.linked - t.merges.correct, "{report}");
}
