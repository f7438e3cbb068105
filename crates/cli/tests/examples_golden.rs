//! Golden test: the whole pipeline on the fictional corpus in `examples/`.

mod common;

use common::{analyze, validate_against_schema, workspace_root};
use corroborate_model::{ClaimStatus, ConflictKind, EntityKind};

fn examples() -> corroborate::AnalyzeOutput {
    // A relative path keeps the `source` fields stable across machines.
    let root = workspace_root();
    std::env::set_current_dir(&root).expect("workspace root exists");
    analyze(&["examples/reports".into()])
}

#[test]
fn json_output_matches_the_snapshot_and_the_schema() {
    let output = examples();
    let json = corroborate_render::render_json(&output.analysis).expect("renders");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    validate_against_schema(&value);
    insta::assert_snapshot!("examples_analysis", json);
}

#[test]
fn every_quote_is_the_text_at_its_offsets() {
    let output = examples();
    let text_of = |id: &str| {
        output
            .reports
            .iter()
            .find(|r| r.meta.id == id)
            .map(|r| r.text.as_str())
            .expect("source report exists")
    };
    for event in &output.analysis.events {
        for s in &event.sources {
            assert_eq!(
                text_of(&s.report).get(s.start..s.end),
                Some(s.quote.as_str())
            );
        }
    }
    for claim in &output.analysis.claims {
        for s in &claim.sources {
            assert_eq!(
                text_of(&s.report).get(s.start..s.end),
                Some(s.quote.as_str())
            );
        }
    }
    for conflict in &output.analysis.conflicts {
        for s in &conflict.sides {
            assert_eq!(
                text_of(&s.report).get(s.start..s.end),
                Some(s.quote.as_str())
            );
        }
    }
}

#[test]
fn the_syndicated_copy_is_recognised_and_counted_once() {
    let output = examples();
    let copy = output
        .analysis
        .reports
        .iter()
        .find(|r| r.id == "2024-03-07-northern-courier-naso-troops")
        .expect("copy present");
    assert_eq!(
        copy.duplicate_of.as_deref(),
        Some("2024-03-07-kestrel-naso-troops")
    );
    for event in &output.analysis.events {
        let reports: std::collections::BTreeSet<_> =
            event.sources.iter().map(|s| s.report.as_str()).collect();
        assert!(event.independent_sources <= reports.len());
    }
}

#[test]
fn deliberate_features_come_out() {
    let output = examples();
    let a = &output.analysis;
    // Undated report gets an inferred date; the no-front-matter one a date from its text.
    let notes = a
        .reports
        .iter()
        .find(|r| r.id == "notes-from-saranth-under-curfew")
        .expect("present");
    assert!(notes.published_inferred && notes.published.is_some());
    let interview = a
        .reports
        .iter()
        .find(|r| r.id == "interview-veloria-after-the-crackdown")
        .expect("present");
    assert_eq!(
        interview.published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-14")
    );
    // Spelling variants merge, sisters stay apart.
    let person = |name: &str| {
        a.entities
            .iter()
            .find(|e| e.kind == EntityKind::Person && e.aliases.iter().any(|x| x == name))
    };
    let dz = person("Yegor Dzhumalin").expect("Dzhumalin found");
    assert!(
        dz.aliases.iter().any(|x| x == "Egor Jumalin"),
        "{:?}",
        dz.aliases
    );
    let mira = person("Mira Kalenda").expect("Mira found");
    assert!(!mira.aliases.iter().any(|x| x == "Zarina Kalenda"));
    // The protest start is a date conflict; the troop figures conflict.
    assert!(a.conflicts.iter().any(|c| c.kind == ConflictKind::Date));
    let troops: Vec<_> = a
        .claims
        .iter()
        .filter(|c| c.measure == "troops" && c.status == ClaimStatus::Conflicting)
        .collect();
    assert!(troops.len() >= 2, "{troops:?}");
    assert!(a.claims.iter().any(|c| c.status == ClaimStatus::Series));
}
