//! The behaviour every [`Store`] shares, run against each implementation.

use corroborate_model::{Analysis, Report, Skipped, Span};

use crate::{ContentHash, Extracted, MemoryStore, SqliteStore, Store, StoreError, StoredAnalysis};

fn report(id: &str, text: &str) -> Report {
    let mut report = Report {
        text: text.to_string(),
        ..Report::default()
    };
    report.meta.id = id.to_string();
    report.meta.source = format!("reports/{id}.txt");
    report.meta.title = format!("Title of {id}");
    report
}

fn hash(n: u8) -> ContentHash {
    ContentHash([n; 32])
}

fn extracted(sentence_end: usize) -> Extracted {
    let mut extracted = Extracted::default();
    extracted.annotations.sentences = vec![Span {
        start: 0,
        end: sentence_end,
    }];
    extracted
}

/// Runs every contract check on fresh stores made by `new_store`.
fn contract<S: Store>(new_store: impl Fn() -> S) {
    reports_are_found_by_id_and_hash_in_insertion_order(&mut new_store());
    a_batch_with_a_taken_id_or_hash_stores_nothing(&mut new_store());
    annotations_are_keyed_by_hash_and_version(&mut new_store());
    pages_cover_every_report_once(&mut new_store());
    skipped_entries_are_kept_per_source(&mut new_store());
    analysis_and_revision_round_trip(&mut new_store());
}

fn reports_are_found_by_id_and_hash_in_insertion_order(store: &mut dyn Store) {
    let (b, a) = (report("b", "Second text."), report("a", "First text."));
    store.put_reports(&[(hash(2), &b), (hash(1), &a)]).unwrap();
    let found = store.report("a").unwrap().expect("stored");
    assert_eq!(found.report, a);
    assert_eq!(found.hash, hash(1));
    assert_eq!(store.report("b").unwrap().expect("stored").report, b);
    assert_eq!(store.id_of_hash(&hash(1)).unwrap().as_deref(), Some("a"));
    assert_eq!(store.id_of_hash(&hash(2)).unwrap().as_deref(), Some("b"));
    assert!(store.report("c").unwrap().is_none());
    assert!(store.has_id("a").unwrap() && !store.has_id("c").unwrap());
    assert!(store.id_of_hash(&hash(9)).unwrap().is_none());
    let first = store.report("b").unwrap().expect("stored").seq;
    let second = store.report("a").unwrap().expect("stored").seq;
    assert!(first < second, "insertion order");
    assert_eq!(store.counts().unwrap().reports, 2);
}

fn a_batch_with_a_taken_id_or_hash_stores_nothing(store: &mut dyn Store) {
    let a = report("a", "Text.");
    store.put_reports(&[(hash(1), &a)]).unwrap();
    let fresh = report("fresh", "Other.");
    let same_id = report("a", "Different text.");
    let err = store
        .put_reports(&[(hash(3), &fresh), (hash(2), &same_id)])
        .unwrap_err();
    assert!(
        matches!(err, StoreError::DuplicateId(ref id) if id == "a"),
        "{err}"
    );
    let err = store
        .put_reports(&[(hash(3), &fresh), (hash(1), &report("other", "Text."))])
        .unwrap_err();
    assert!(
        matches!(err, StoreError::DuplicateContent(h) if h == hash(1)),
        "{err}"
    );
    let twice = store.put_reports(&[(hash(4), &fresh), (hash(5), &fresh)]);
    assert!(matches!(twice, Err(StoreError::DuplicateId(_))));
    assert!(store.report("fresh").unwrap().is_none(), "no partial batch");
    assert_eq!(store.counts().unwrap().reports, 1);
}

fn annotations_are_keyed_by_hash_and_version(store: &mut dyn Store) {
    let (one, two) = (extracted(10), extracted(20));
    store
        .put_annotations("v1", &[(hash(1), &one), (hash(2), &two)])
        .unwrap();
    store.put_annotations("v2", &[(hash(1), &two)]).unwrap();
    assert_eq!(
        store.annotations(&hash(1), "v1").unwrap(),
        Some(one.clone())
    );
    assert_eq!(
        store.annotations(&hash(1), "v2").unwrap(),
        Some(two.clone())
    );
    assert_eq!(store.annotations(&hash(2), "v2").unwrap(), None);
    store.put_annotations("v1", &[(hash(1), &two)]).unwrap();
    assert_eq!(store.annotations(&hash(1), "v1").unwrap(), Some(two));
    assert_eq!(store.counts().unwrap().annotations, 3);
    assert_eq!(store.prune_annotations("v2").unwrap(), 2);
    assert_eq!(store.counts().unwrap().annotations, 1);
    assert_eq!(store.annotations(&hash(1), "v1").unwrap(), None);
}

fn pages_cover_every_report_once(store: &mut dyn Store) {
    let reports: Vec<Report> = (0..7)
        .map(|n| report(&format!("r{n}"), &format!("Text {n}.")))
        .collect();
    let entries: Vec<(ContentHash, &Report)> = reports
        .iter()
        .enumerate()
        .map(|(n, r)| (hash(n as u8), r))
        .collect();
    store.put_reports(&entries).unwrap();
    let annotated = extracted(5);
    store
        .put_annotations("v1", &[(hash(0), &annotated), (hash(4), &annotated)])
        .unwrap();
    store
        .put_annotations("v0", &[(hash(1), &annotated)])
        .unwrap();
    let mut pages = Vec::new();
    store
        .for_each_annotated("v1", 3, &mut |page| {
            pages.push(page);
            Ok(())
        })
        .unwrap();
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [3, 3, 1]);
    let seen: Vec<(String, bool)> = pages
        .into_iter()
        .flatten()
        .map(|a| (a.stored.report.meta.id, a.extracted.is_some()))
        .collect();
    let expected: Vec<(String, bool)> = (0..7)
        .map(|n| (format!("r{n}"), n == 0 || n == 4))
        .collect();
    assert_eq!(seen, expected);
    let stale: Vec<u64> = store
        .unannotated_page("v1", 2, 3)
        .unwrap()
        .into_iter()
        .map(|stored| stored.seq)
        .collect();
    assert_eq!(stale, [3, 4, 6], "r2, r3 and r5 lack v1 annotations");
    let rest = store.annotated_page("v1", 6, 10).unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].stored.report, reports[6]);
}

fn skipped_entries_are_kept_per_source(store: &mut dyn Store) {
    let skipped = |source: &str, reason: &str| Skipped {
        source: source.to_string(),
        reason: reason.to_string(),
    };
    store
        .put_skipped(&[
            skipped("x.bin", "binary"),
            skipped("reports/a.txt", "empty"),
        ])
        .unwrap();
    store.put_skipped(&[skipped("x.bin", "too large")]).unwrap();
    assert_eq!(
        store.skipped().unwrap(),
        [
            skipped("x.bin", "too large"),
            skipped("reports/a.txt", "empty")
        ]
    );
    store
        .put_reports(&[(hash(1), &report("a", "Now fine."))])
        .unwrap();
    assert_eq!(store.skipped().unwrap(), [skipped("x.bin", "too large")]);
    assert_eq!(store.counts().unwrap().skipped, 1);
}

fn analysis_and_revision_round_trip(store: &mut dyn Store) {
    assert_eq!(store.revision().unwrap(), 0);
    assert!(store.analysis().unwrap().is_none());
    assert_eq!(store.analysis_revision().unwrap(), None);
    assert_eq!(store.bump_revision().unwrap(), 1);
    assert_eq!(store.bump_revision().unwrap(), 2);
    assert_eq!(store.revision().unwrap(), 2);
    let stored = StoredAnalysis {
        analysis: Analysis {
            schema_version: "1.2".into(),
            ..Analysis::default()
        },
        revision: 2,
        report_count: 0,
    };
    store.put_analysis(&stored.analysis, 2, 0).unwrap();
    assert_eq!(store.analysis().unwrap(), Some(stored.clone()));
    let newer = StoredAnalysis {
        revision: 3,
        ..stored
    };
    store.put_analysis(&newer.analysis, 3, 0).unwrap();
    assert_eq!(store.analysis_revision().unwrap(), Some(3));
    assert_eq!(store.analysis().unwrap(), Some(newer));
}

#[test]
fn memory_store_meets_the_contract() {
    contract(MemoryStore::new);
}

#[test]
fn sqlite_store_meets_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let counter = std::cell::Cell::new(0);
    contract(|| {
        counter.set(counter.get() + 1);
        SqliteStore::open(&dir.path().join(format!("store{}.db", counter.get()))).unwrap()
    });
}

#[test]
fn sqlite_data_outlives_the_connection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .put_reports(&[(hash(1), &report("a", "Kept."))])
            .unwrap();
        store
            .put_annotations("v1", &[(hash(1), &extracted(3))])
            .unwrap();
        store.bump_revision().unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.report("a").unwrap().unwrap().report.text, "Kept.");
    assert_eq!(
        store.annotations(&hash(1), "v1").unwrap(),
        Some(extracted(3))
    );
    assert_eq!(store.revision().unwrap(), 1);
}

#[test]
fn sqlite_refuses_files_it_cannot_use() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "not a database at all, just some words ".repeat(40)).unwrap();
    let err = SqliteStore::open(&text).unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");

    let newer = dir.path().join("newer.db");
    {
        let connection = rusqlite::Connection::open(&newer).unwrap();
        connection
            .execute_batch("CREATE TABLE reports (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let err = SqliteStore::open(&newer).unwrap_err();
    assert!(
        matches!(err, StoreError::IncompatibleSchema { ref found, expected: 1, .. } if found == "99"),
        "{err}"
    );

    let foreign = dir.path().join("foreign.db");
    {
        let connection = rusqlite::Connection::open(&foreign).unwrap();
        connection.execute_batch("CREATE TABLE t (x);").unwrap();
    }
    let err = SqliteStore::open(&foreign).unwrap_err();
    assert!(
        matches!(err, StoreError::IncompatibleSchema { .. }),
        "{err}"
    );
}
