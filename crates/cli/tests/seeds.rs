//! Targeted tests on the five real seed reports (through CORROBORATE_SHARED).

mod common;

use common::{analyze, shared, validate_against_schema};
use corroborate_model::{Analysis, ClaimStatus, ConflictKind, EntityKind};

fn seeds() -> Option<Analysis> {
    let dir = shared("corpus/seeds")?;
    let output = analyze(&[dir]);
    assert_eq!(
        output.analysis.reports.len(),
        5,
        "skipped: {:?}",
        output.analysis.skipped
    );
    Some(output.analysis)
}

#[test]
fn the_interview_date_is_read_from_its_text() {
    let Some(a) = seeds() else { return };
    let interview = a
        .reports
        .iter()
        .find(|r| r.title.starts_with("Interview"))
        .expect("interview present");
    assert_eq!(
        interview.published.map(|d| d.to_string()).as_deref(),
        Some("2022-01-11")
    );
    assert_eq!(interview.published_origin, "text");
}

#[test]
fn masimov_spellings_are_one_person() {
    let Some(a) = seeds() else { return };
    let person = a
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|x| x.contains("Masimov")))
        .expect("Masimov found");
    assert_eq!(person.kind, EntityKind::Person);
    assert!(
        person.aliases.iter().any(|x| x.contains("Massimov")),
        "{:?}",
        person.aliases
    );
    assert!(!person.merges.is_empty());
}

#[test]
fn the_death_toll_is_corroborated_by_two_reports() {
    let Some(a) = seeds() else { return };
    let toll = a
        .claims
        .iter()
        .find(|c| c.low == Some(225.0) && c.high == Some(225.0))
        .expect("a claim of exactly 225");
    assert_eq!(toll.measure, "killed");
    assert_eq!(toll.status, ClaimStatus::Corroborated, "{toll:?}");
    assert!(toll.independent_sources >= 2);
}

#[test]
fn the_start_of_the_protests_is_a_date_conflict() {
    let Some(a) = seeds() else { return };
    let conflict = a
        .conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::Date)
        .find(|c| {
            let says: Vec<&str> = c.sides.iter().map(|s| s.says.as_str()).collect();
            says.contains(&"2022-01-01") && says.contains(&"2022-01-02")
        });
    assert!(
        conflict.is_some(),
        "date conflicts: {:#?}",
        a.conflicts
            .iter()
            .filter(|c| c.kind == ConflictKind::Date)
            .collect::<Vec<_>>()
    );
}

#[test]
fn arrest_figures_agree_and_troop_figures_conflict() {
    let Some(a) = seeds() else { return };
    let detained = a
        .claims
        .iter()
        .find(|c| c.measure == "detained" && c.sources.iter().any(|s| s.text.contains("10,000")))
        .expect("nearly 10,000 detained");
    assert!(
        detained.sources.iter().any(|s| s.text.contains("9,000")),
        "{detained:#?}"
    );
    let troops: Vec<_> = a.claims.iter().filter(|c| c.measure == "troops").collect();
    let two_thousand = troops
        .iter()
        .find(|c| c.sources.iter().any(|s| s.text.contains("2,000")))
        .expect("2,000 troops");
    assert_eq!(two_thousand.status, ClaimStatus::Conflicting, "{troops:#?}");
}

#[test]
fn seed_output_validates_against_the_schema() {
    let Some(a) = seeds() else { return };
    let json = corroborate_render::render_json(&a).expect("renders");
    validate_against_schema(&serde_json::from_str(&json).expect("valid JSON"));
}
