//! Entity name forms (issue 12) through the whole pipeline, on two short
//! invented reports about an invented port in a real country: a city's
//! former name, a ministry's word orders, a dissolved state's two names,
//! a titled surname, a nationality linked to its country — and an airport
//! named after a person kept apart.

mod common;

use common::{analyze, validate_against_schema};
use corroborate_model::{Analysis, Entity, EntityKind};

const FIRST: &str = "Storm floods the port of Valdera

VALDERA, 3 March 2025 — Rescue teams arrived on Monday after floods hit the coast of Chile. \
The Chilean Interior Ministry said 40 people had died, among them two Russians. Dana Kolvar, the mayor of Valdera, \
spoke to reporters in Bombay. The Soviet Union was once the largest buyer of the port's \
copper, she said. Kolvar International Airport was closed.
";

const SECOND: &str = "Floods in Chile: toll rises

VALDERA, 4 March 2025 — The Ministry of the Interior of Chile said 45 people had died. \
Mayor Kolvar flew back from Mumbai on Tuesday. Trade with the USSR ended in 1991.
";

fn analysis() -> Analysis {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(dir.path().join("a.txt"), FIRST).expect("written");
    std::fs::write(dir.path().join("b.txt"), SECOND).expect("written");
    analyze(&[dir.path().to_path_buf()]).analysis
}

fn entity_with<'a>(analysis: &'a Analysis, alias: &str) -> &'a Entity {
    analysis
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|a| a == alias))
        .unwrap_or_else(|| panic!("{alias} not found: {:#?}", analysis.entities))
}

fn merged_by(entity: &Entity, rule: &str) -> bool {
    entity
        .merges
        .iter()
        .any(|m| m.rule == rule && !m.detail.is_empty())
}

#[test]
fn name_forms_of_one_thing_are_one_entity_with_their_rule() {
    let analysis = analysis();
    let city = entity_with(&analysis, "Bombay");
    assert!(city.aliases.contains(&"Mumbai".to_string()), "{city:?}");
    assert!(merged_by(city, "same_place"));
    let ministry = entity_with(&analysis, "Chilean Interior Ministry");
    assert!(
        ministry
            .aliases
            .contains(&"Ministry of the Interior of Chile".to_string()),
        "{ministry:?}"
    );
    assert!(merged_by(ministry, "institution"));
    let ussr = entity_with(&analysis, "USSR");
    assert_eq!(ussr.kind, EntityKind::Place);
    assert!(ussr.aliases.contains(&"Soviet Union".to_string()));
    assert!(merged_by(ussr, "country"));
}

#[test]
fn an_airport_named_after_a_person_is_not_the_person() {
    let analysis = analysis();
    let mayor = entity_with(&analysis, "Dana Kolvar");
    assert_eq!(mayor.kind, EntityKind::Person);
    let airport = entity_with(&analysis, "Kolvar International Airport");
    assert_ne!(mayor.id, airport.id);
    assert!(!mayor.aliases.iter().any(|a| a.contains("Airport")));
}

#[test]
fn a_nationality_is_a_group_of_people_linked_to_its_country() {
    let analysis = analysis();
    let russians = entity_with(&analysis, "Russians");
    assert_eq!(russians.kind, EntityKind::Other);
    assert_eq!(russians.country.as_deref(), Some("RU"));
    let json = corroborate_render::render_json(&analysis).expect("renders");
    validate_against_schema(&serde_json::from_str(&json).expect("valid JSON"));
}
