use corroborate_model::{Report, ReportMeta, Span};
use corroborate_search::{SearchError, SearchHit, SearchIndex};

fn report(id: &str, title: &str, text: &str) -> Report {
    Report {
        meta: ReportMeta {
            id: id.to_owned(),
            title: title.to_owned(),
            ..ReportMeta::default()
        },
        text: text.to_owned(),
        removed: Vec::new(),
    }
}

fn add(index: &mut SearchIndex, report: &Report) {
    let sentences = corroborate_text::sentences(&report.text);
    index.add_report(report, &sentences).unwrap();
}

/// The highlighted words of a hit, read back from the report's text.
fn highlighted<'a>(hit: &SearchHit, text: &'a str) -> Vec<&'a str> {
    hit.highlights
        .iter()
        .map(|span| span.slice(text).unwrap())
        .collect()
}

const CURFEW: &str =
    "Ünrest in Sàranth — día 3.\n\nThe army imposed a curfew on Saranth on Friday. \
Police arrested 40 protesters near the Curfew Gate, officials said.";
const CLASHES: &str = "Clashes broke out in Tarvessa. Police fired tear gas at marchers. \
The police chief said police officers, police cadets and police reservists were deployed.";

fn sample_index(dir: &std::path::Path) -> SearchIndex {
    let mut index = SearchIndex::open(dir).unwrap();
    add(&mut index, &report("curfew", "Curfew in Saranth", CURFEW));
    add(&mut index, &report("clashes", "Tarvessa clashes", CLASHES));
    index.commit().unwrap();
    index
}

#[test]
fn highlights_are_byte_offsets_into_the_report_text_after_non_ascii_text() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let hits = index.search("curfew", 10).unwrap();
    let hit = hits.iter().find(|h| h.report_id == "curfew").unwrap();
    let army = CURFEW.find("The army").unwrap();
    let curfew = CURFEW.find("curfew on").unwrap();
    assert!(
        CURFEW[..curfew].len() > CURFEW[..curfew].chars().count(),
        "non-ASCII before"
    );
    assert_eq!(hit.sentence.start, army);
    assert_eq!(
        hit.snippet,
        "The army imposed a curfew on Saranth on Friday."
    );
    assert_eq!(
        hit.highlights,
        vec![Span::new(curfew, curfew + "curfew".len())]
    );
    assert_eq!(hit.report_title, "Curfew in Saranth");
    // Case-insensitive: "Curfew Gate" in the next sentence is a hit too.
    let gate = hits
        .iter()
        .find(|h| h.snippet.starts_with("Police arrested"))
        .unwrap();
    assert_eq!(highlighted(gate, CURFEW), vec!["Curfew"]);
}

#[test]
fn stemming_and_accent_folding_match_word_variants() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let hits = index.search("arrests", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(highlighted(&hits[0], CURFEW), vec!["arrested"]);
    let hits = index.search("unrest Saranth", 10).unwrap();
    let heading = hits
        .iter()
        .find(|h| h.sentence.start == 0)
        .expect("the heading with Ünrest and Sàranth");
    assert_eq!(highlighted(heading, CURFEW), vec!["Ünrest", "Sàranth"]);
}

#[test]
fn quoted_words_must_occur_as_a_phrase_and_only_the_phrase_is_highlighted() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let hits = index.search("\"police fired\"", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].snippet, "Police fired tear gas at marchers.");
    assert_eq!(highlighted(&hits[0], CLASHES), vec!["Police", "fired"]);
    assert!(index.search("\"fired police\"", 10).unwrap().is_empty());
}

#[test]
fn all_words_must_occur_in_the_sentence_or_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let hits = index.search("police curfew", 10).unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.report_id == "curfew"), "{hits:?}");
    // "tarvessa" is in the clashes report's title only: its police sentences match.
    let hits = index.search("tarvessa gas", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(highlighted(&hits[0], CLASHES), vec!["gas"]);
}

#[test]
fn a_title_only_match_gives_one_hit_per_report() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let hits = index.search("clashes", 10).unwrap();
    // "Clashes broke out" matches in its text; the other two sentences only by title.
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert_eq!(highlighted(&hits[0], CLASHES), vec!["Clashes"]);
    assert!(hits[1].highlights.is_empty());
}

#[test]
fn the_more_relevant_sentence_ranks_first() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let hits = index.search("police", 10).unwrap();
    assert_eq!(hits.len(), 3, "{hits:?}");
    assert!(hits[0].snippet.starts_with("The police chief"), "{hits:?}");
    assert_eq!(hits[0].highlights.len(), 4);
    assert!(hits[0].score > hits[1].score);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn odd_queries_from_a_search_box_never_fail() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let odd = [
        "",
        "   ",
        "\"",
        "\"police",
        "police\"",
        "(((",
        "police)",
        "title:",
        ":",
        "text:curfew)",
        "nosuchfield:police",
        "AND OR NOT",
        "-",
        "+",
        "*",
        "[1 TO",
        "{}",
        "police^",
        "~2",
        "\\",
        "police AND (curfew OR",
        "é\u{0}\u{202e}😀",
        "IN [a b",
    ];
    for query in odd {
        let result = index.search(query, 5);
        assert!(result.is_ok(), "{query:?}: {result:?}");
    }
    // An unbalanced quote still finds the words.
    assert!(!index.search("\"tear gas", 5).unwrap().is_empty());
    assert!(!index.search("curfew)", 5).unwrap().is_empty());
    assert!(index.search("", 5).unwrap().is_empty());
}

#[test]
fn limit_caps_the_number_of_hits() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    assert_eq!(index.search("police", 2).unwrap().len(), 2);
    assert!(index.search("police", 0).unwrap().is_empty());
}

#[test]
fn documents_are_searchable_right_after_commit_and_gone_after_removal() {
    let dir = tempfile::tempdir().unwrap();
    let mut index = sample_index(dir.path());
    let sentences = 3 + 3;
    assert_eq!(index.len(), sentences);
    let flood = report("flood", "Floods", "The river Vessa burst its banks.");
    add(&mut index, &flood);
    assert!(
        index.search("vessa", 5).unwrap().is_empty(),
        "before commit"
    );
    index.commit().unwrap();
    assert_eq!(index.search("vessa", 5).unwrap().len(), 1);
    assert_eq!(index.len(), sentences + 1);

    index.remove_report("curfew");
    index.commit().unwrap();
    assert!(index.search("curfew", 5).unwrap().is_empty());
    assert_eq!(index.len(), 4);
    assert_eq!(index.search("police", 5).unwrap().len(), 2);
}

#[test]
fn adding_a_report_again_replaces_its_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let mut index = sample_index(dir.path());
    let revised = report(
        "curfew",
        "Curfew lifted",
        "The curfew was lifted on Monday.",
    );
    add(&mut index, &revised);
    index.commit().unwrap();
    let hits = index.search("curfew", 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].report_title, "Curfew lifted");
    assert_eq!(index.len(), 4);
}

#[test]
fn an_index_reopened_from_disk_keeps_its_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("search");
    let expected = {
        let index = sample_index(&path);
        index.search("police", 10).unwrap()
    };
    let index = SearchIndex::open(&path).unwrap();
    assert_eq!(index.len(), 6);
    assert_eq!(index.search("police", 10).unwrap(), expected);
}

#[test]
fn a_folder_can_be_opened_by_one_index_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let _first = SearchIndex::open(dir.path()).unwrap();
    assert!(matches!(
        SearchIndex::open(dir.path()),
        Err(SearchError::Index(_))
    ));
}

#[test]
fn a_sentence_outside_the_text_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut index = SearchIndex::open(dir.path()).unwrap();
    let short = report("short", "Short", "Tiny.");
    let error = index.add_report(&short, &[Span::new(0, 50)]).unwrap_err();
    assert!(matches!(
        error,
        SearchError::SentenceOutOfRange { end: 50, .. }
    ));
    let in_file = tempfile::NamedTempFile::new().unwrap();
    assert!(matches!(
        SearchIndex::open(in_file.path().join("search")),
        Err(SearchError::CreateFolder { .. })
    ));
}

#[test]
fn an_index_can_be_shared_between_server_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<SearchIndex>();
    let dir = tempfile::tempdir().unwrap();
    let index = std::sync::Arc::new(sample_index(dir.path()));
    let searches: Vec<_> = (0..4)
        .map(|_| {
            let index = index.clone();
            std::thread::spawn(move || index.search("police", 10).unwrap().len())
        })
        .collect();
    for search in searches {
        assert_eq!(search.join().unwrap(), 3);
    }
}
