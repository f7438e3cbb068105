//! A workspace folder: adding reports, cached annotations, curation, and
//! the server's view of it, checked against what `analyze` gives.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use corroborate::pipeline::{load_curation, CURATION_FILE};
use corroborate::workspace::{SharedWorkspace, Workspace, WorkspaceError, DATABASE_FILE};
use corroborate::{analyze_paths, AnalyzeOptions};
use corroborate_ingest::IngestOptions;
use corroborate_merge::Curation;
use corroborate_model::Analysis;
use corroborate_server::{Backend, CurationChange, Upload};

use common::workspace_root;

fn examples() -> PathBuf {
    workspace_root().join("examples")
}

fn json(analysis: &Analysis) -> serde_json::Value {
    serde_json::to_value(analysis).unwrap()
}

fn analyze_json(paths: &[PathBuf], curation: Curation) -> serde_json::Value {
    let options = AnalyzeOptions {
        curation,
        ..AnalyzeOptions::default()
    };
    json(&analyze_paths(paths, &options, &|_| {}, &|| {}).analysis)
}

/// The files under `dir`, in the order `analyze` reads them.
fn report_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn added_workspace(paths: &[PathBuf]) -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(&dir.path().join("ws")).unwrap();
    workspace
        .add_paths(paths, &IngestOptions::default())
        .unwrap();
    (dir, workspace)
}

#[test]
fn a_workspace_of_the_examples_has_analyzes_analysis_ids_included() {
    let paths = [examples()];
    let (_dir, mut workspace) = added_workspace(&paths);
    let expected = analyze_json(&paths, Curation::default());
    assert!(expected["reports"].as_array().unwrap().len() >= 8);
    assert_eq!(json(&workspace.analysis().unwrap()), expected);
    assert_eq!(
        workspace.report_count().unwrap() as usize,
        expected["reports"].as_array().unwrap().len()
    );
}

#[test]
fn adding_the_same_folder_again_adds_and_extracts_nothing() {
    let paths = [examples()];
    let (_dir, mut workspace) = added_workspace(&paths);
    let revision = workspace.revision().unwrap();
    let before = json(&workspace.analysis().unwrap());
    let again = workspace
        .add_paths(&paths, &IngestOptions::default())
        .unwrap();
    assert_eq!(again.added, 0);
    assert_eq!(again.re_extracted, 0);
    assert_eq!(
        again.already_present as u64,
        workspace.report_count().unwrap()
    );
    assert!(again.skipped.is_empty());
    assert_eq!(workspace.revision().unwrap(), revision, "nothing changed");
    assert_eq!(json(&workspace.analysis().unwrap()), before);
}

#[test]
fn a_new_extractor_version_re_extracts_stored_reports() {
    let paths = [examples()];
    let (dir, workspace) = added_workspace(&paths);
    let count = workspace.report_count().unwrap() as usize;
    drop(workspace);
    let ws = dir.path().join("ws");
    let mut newer = Workspace::open_with_version(&ws, "test-next-version").unwrap();
    let summary = newer.add_paths(&[], &IngestOptions::default()).unwrap();
    assert_eq!((summary.added, summary.re_extracted), (0, count));
    let expected = analyze_json(&paths, Curation::default());
    assert_eq!(json(&newer.analysis().unwrap()), expected);
    drop(newer);
    let mut current = Workspace::open(&ws).unwrap();
    let back = current
        .add_paths(&paths, &IngestOptions::default())
        .unwrap();
    assert_eq!(
        (back.added, back.already_present, back.re_extracted),
        (0, count, count),
        "the older version's annotations were pruned"
    );
}

#[test]
fn serving_after_an_upgrade_re_extracts_once_and_serves_analyzes_analysis() {
    let paths = [examples()];
    let (dir, workspace) = added_workspace(&paths);
    drop(workspace);
    let ws = dir.path().join("ws");
    let newer = Workspace::open_with_version(&ws, "test-next-version").unwrap();
    let shared = SharedWorkspace::new(newer).unwrap();
    let expected = analyze_json(&paths, Curation::default());
    assert_eq!(json(&shared.analysis().unwrap()), expected);
    shared.close().unwrap();
    let mut again = Workspace::open_with_version(&ws, "test-next-version").unwrap();
    assert_eq!(again.refresh_stale().unwrap(), 0, "annotations were stored");
}

#[test]
fn adding_in_two_halves_equals_adding_at_once() {
    let files = report_files(&examples().join("reports"));
    let (first, second) = files.split_at(files.len() / 2);
    let (_dir, mut at_once) = added_workspace(&files);
    let (_dir2, mut halves) = added_workspace(first);
    let summary = halves.add_paths(second, &IngestOptions::default()).unwrap();
    assert_eq!(summary.added, second.len());
    let expected = analyze_json(&files, Curation::default());
    assert_eq!(json(&at_once.analysis().unwrap()), expected);
    assert_eq!(json(&halves.analysis().unwrap()), expected);
}

#[test]
fn unreadable_inputs_are_skipped_with_a_reason_and_the_rest_is_added() {
    let inputs = tempfile::tempdir().unwrap();
    let good = "Floods in Veloria\n\nFloodwaters destroyed the old bridge in Veloria on 9 March 2024, officials said.";
    std::fs::write(inputs.path().join("a_good.txt"), good).unwrap();
    std::fs::write(inputs.path().join("b_binary.txt"), b"GIF89a\0\0\x01").unwrap();
    std::fs::write(inputs.path().join("c_latin1.txt"), b"caf\xe9 au lait").unwrap();
    let paths = [inputs.path().to_path_buf()];
    let (_dir, mut workspace) = added_workspace(&[]);
    let summary = workspace
        .add_paths(&paths, &IngestOptions::default())
        .unwrap();
    assert_eq!(summary.added, 1);
    let reasons: Vec<(String, String)> = summary
        .skipped
        .iter()
        .map(|s| {
            let name = Path::new(&s.source).file_name().unwrap();
            (name.to_string_lossy().into_owned(), s.reason.clone())
        })
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons[0].0 == "b_binary.txt" && reasons[0].1.contains("NUL"));
    assert!(reasons[1].0 == "c_latin1.txt" && reasons[1].1.contains("UTF-8"));
    assert_eq!(
        json(&workspace.analysis().unwrap()),
        analyze_json(&paths, Curation::default()),
        "the skipped inputs are listed as analyze lists them"
    );
    let revision = workspace.revision().unwrap();
    let again = workspace
        .add_paths(&paths, &IngestOptions::default())
        .unwrap();
    assert_eq!((again.added, again.already_present), (0, 1));
    assert_eq!(again.skipped.len(), 2);
    assert_eq!(
        workspace.revision().unwrap(),
        revision,
        "the same skips change nothing"
    );
}

/// Two entities of the examples' analysis that are not merged.
fn two_entity_names(analysis: &Analysis) -> Vec<String> {
    let people: Vec<&str> = analysis
        .entities
        .iter()
        .filter(|e| e.kind == corroborate_model::EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert!(people.len() >= 2, "{people:?}");
    vec![people[0].to_string(), people[1].to_string()]
}

#[test]
fn a_curation_merge_persists_in_the_curation_file_and_changes_the_analysis() {
    let paths = [examples()];
    let (dir, mut workspace) = added_workspace(&paths);
    let before = workspace.analysis().unwrap();
    let names = two_entity_names(&before);
    let after = workspace
        .apply_curation(&CurationChange::Merge {
            names: names.clone(),
        })
        .unwrap();
    assert_eq!(after.entities.len() + 1, before.entities.len());
    let file = dir.path().join("ws").join(CURATION_FILE);
    let curation = load_curation(&file).unwrap();
    assert_eq!(curation.merge, vec![names]);
    assert_eq!(json(&after), analyze_json(&paths, curation.clone()));
    drop(workspace);
    let reopened = Workspace::open(&dir.path().join("ws")).unwrap();
    assert_eq!(reopened.curation(), &curation);
}

#[test]
fn a_missing_search_index_is_rebuilt_from_the_store() {
    let (dir, workspace) = added_workspace(&[examples()]);
    let found_before = workspace.search("copper", 50).unwrap();
    assert!(!found_before.is_empty());
    drop(workspace);
    let folder = dir.path().join("ws");
    std::fs::remove_dir_all(folder.join(corroborate::workspace::SEARCH_FOLDER)).unwrap();
    let reopened = Workspace::open(&folder).unwrap();
    assert_eq!(reopened.search("copper", 50).unwrap(), found_before);
}

#[test]
fn open_refuses_a_file_and_a_foreign_database() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "not a folder").unwrap();
    assert!(matches!(
        Workspace::open(&file),
        Err(WorkspaceError::NotAFolder(_))
    ));
    let foreign = dir.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join(DATABASE_FILE), "x".repeat(4096)).unwrap();
    let err = Workspace::open(&foreign).unwrap_err();
    assert!(
        err.to_string().contains("not a corroborate workspace"),
        "{err}"
    );
}

const UPLOAD: &str = "---\ntitle: Shooting in Veloria\npublished: 2024-03-10\n---\n\
Security forces opened fire on protesters in Veloria on 9 March 2024, killing 12 people, officials said.\n";

#[test]
fn an_added_report_is_pending_at_once_and_merged_after() {
    let (dir, workspace) = added_workspace(&[examples()]);
    let before = workspace.report_count().unwrap();
    let shared = SharedWorkspace::new(workspace).unwrap();
    let revision = shared.revision();
    let hold = shared.hold_merges().unwrap();
    let added = shared
        .add_report(Upload {
            body: UPLOAD.as_bytes().to_vec(),
            content_type: Some("text/markdown".into()),
        })
        .unwrap();
    assert!(!added.already_present);
    assert!(shared.revision() > revision);
    let in_events = |analysis: &Analysis| {
        analysis
            .events
            .iter()
            .any(|e| e.sources.iter().any(|s| s.report == added.id))
    };
    let snapshot = shared.snapshot().unwrap();
    assert!(
        in_events(&snapshot.pending),
        "{:?}",
        snapshot.pending.events
    );
    assert!(!in_events(&snapshot.merged), "not merged yet");
    let report = shared.report(&added.id).unwrap().unwrap();
    assert_eq!(report.meta.title, "Shooting in Veloria");
    let hits = shared.search("opened fire Veloria", 5).unwrap();
    let hit = hits
        .iter()
        .find(|h| h.report_id == added.id)
        .expect("a posted report is in search at once, before the merge");
    let highlighted: Vec<&str> = hit
        .highlights
        .iter()
        .filter_map(|h| report.text.get(h.start..h.end))
        .collect();
    assert_eq!(highlighted, ["opened", "fire", "Veloria"]);
    let revision_while_pending = shared.revision();
    drop(hold);
    let merged = shared.analysis().unwrap();
    assert!(in_events(&merged));
    assert!(
        shared.revision() > revision_while_pending,
        "a merge landing is a change clients must re-read"
    );
    assert_eq!(merged.reports.len() as u64, before + 1);
    let snapshot = shared.snapshot().unwrap();
    assert!(snapshot.pending.reports.is_empty());
    assert!(in_events(&snapshot.merged));

    let again = shared
        .add_report(Upload {
            body: UPLOAD.as_bytes().to_vec(),
            content_type: Some("text/markdown".into()),
        })
        .unwrap();
    assert_eq!(again.id, added.id);
    assert!(again.already_present);
    let bad = shared.add_report(Upload {
        body: b"\0\0\0".to_vec(),
        content_type: None,
    });
    assert!(matches!(
        bad,
        Err(corroborate_server::BackendError::BadInput(_))
    ));
    shared.close().unwrap();

    let mut reopened = Workspace::open(&dir.path().join("ws")).unwrap();
    assert_eq!(reopened.report_count().unwrap(), before + 1);
    let hits = reopened
        .search("\"opened fire on protesters in Veloria\"", 5)
        .unwrap();
    assert!(hits.iter().any(|h| h.report_id == added.id), "kept on disk");
    assert_eq!(json(&reopened.analysis().unwrap()), json(&merged));
}

#[test]
fn curating_through_the_backend_re_merges_in_the_background() {
    let (dir, workspace) = added_workspace(&[examples()]);
    let shared = SharedWorkspace::new(workspace).unwrap();
    let before = shared.analysis().unwrap();
    let names = two_entity_names(&before);
    let revision = shared.revision();
    shared
        .curate(CurationChange::Merge {
            names: names.clone(),
        })
        .unwrap();
    assert!(shared.revision() > revision);
    let after = shared.analysis().unwrap();
    assert_eq!(after.entities.len() + 1, before.entities.len());
    let curation = load_curation(&dir.path().join("ws").join(CURATION_FILE)).unwrap();
    assert_eq!(curation.merge, vec![names]);
}

#[test]
fn the_seed_reports_give_analyzes_analysis() {
    let Some(seeds) = corroborate_testkit::seed_paths() else {
        return;
    };
    let (_dir, mut workspace) = added_workspace(&seeds);
    assert_eq!(
        json(&workspace.analysis().unwrap()),
        analyze_json(&seeds, Curation::default())
    );
}

#[test]
fn the_add_command_prints_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let run = || {
        let out = Command::new(env!("CARGO_BIN_EXE_corroborate"))
            .current_dir(workspace_root())
            .args(["add", "examples", "--workspace"])
            .arg(&ws)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run();
    assert!(
        first.starts_with("added 9, already present 0, re-extracted 0, skipped 0; 9 report(s)"),
        "{first}"
    );
    let second = run();
    assert!(
        second.starts_with("added 0, already present 9, re-extracted 0, skipped 0; 9 report(s)"),
        "{second}"
    );
    assert!(ws.join(DATABASE_FILE).is_file());
}

#[test]
fn concurrent_adds_are_all_merged() {
    let (_dir, workspace) = added_workspace(&[]);
    let shared = SharedWorkspace::new(workspace).unwrap();
    let places = ["Veloria", "Saranth", "Kestrel", "Naso"];
    let ids: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = places
            .iter()
            .map(|place| {
                let shared = shared.clone();
                scope.spawn(move || {
                    let body = format!(
                        "Clashes in {place}\n\nSecurity forces opened fire on protesters in {place} on 9 March 2024, officials said.\n"
                    );
                    let snapshot = shared.snapshot().unwrap();
                    assert!(snapshot.merged.reports.len() <= 4);
                    shared
                        .add_report(Upload {
                            body: body.into_bytes(),
                            content_type: Some("text/plain".into()),
                        })
                        .unwrap()
                        .id
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let distinct: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), places.len(), "{ids:?}");
    let merged = shared.analysis().unwrap();
    let mut merged_ids: Vec<&str> = merged.reports.iter().map(|r| r.id.as_str()).collect();
    merged_ids.sort_unstable();
    let mut expected: Vec<&str> = ids.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(merged_ids, expected);
    assert!(shared.snapshot().unwrap().pending.reports.is_empty());
}
