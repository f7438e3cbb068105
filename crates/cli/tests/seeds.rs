//! Targeted tests on the five real seed reports (through CORROBORATE_SHARED).

mod common;

use common::{analyze, validate_against_schema};
use corroborate_testkit::shared_path as shared;
use std::sync::OnceLock;

use corroborate_model::{Analysis, ClaimStatus, ConflictKind, EntityKind};

/// The seeds are analysed once for all tests of this file.
fn seeds() -> Option<&'static Analysis> {
    static ANALYSIS: OnceLock<Option<Analysis>> = OnceLock::new();
    ANALYSIS
        .get_or_init(|| {
            let dir = shared("corpus/seeds")?;
            let output = analyze(&[dir]);
            let skipped = &output.analysis.skipped;
            assert_eq!(output.analysis.reports.len(), 5, "skipped: {skipped:?}");
            Some(output.analysis)
        })
        .as_ref()
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
    let json = corroborate_render::render_json(a).expect("renders");
    validate_against_schema(&serde_json::from_str(&json).expect("valid JSON"));
}

fn entity_with<'a>(a: &'a Analysis, alias: &str) -> Option<&'a corroborate_model::Entity> {
    a.entities
        .iter()
        .find(|e| e.aliases.iter().any(|x| x == alias))
}

#[test]
fn spelling_variants_and_acronyms_merge_with_reasons() {
    let Some(a) = seeds() else { return };
    let yert = entity_with(a, "Yertysbayev").expect("Yertysbayev found");
    assert!(
        yert.aliases.iter().any(|x| x.contains("Ertysbayev")),
        "{:?}",
        yert.aliases
    );
    let csto = entity_with(a, "CSTO").expect("CSTO found");
    assert_eq!(csto.kind, EntityKind::Organization);
    assert!(
        csto.aliases
            .iter()
            .any(|x| x.starts_with("Collective Security Treaty")),
        "{:?}",
        csto.aliases
    );
    assert!(csto.merges.iter().any(|m| m.rule == "acronym"));
}

#[test]
fn namesakes_stay_apart() {
    let Some(a) = seeds() else { return };
    let father = entity_with(a, "Nursultan Nazarbayev").expect("former president found");
    for other in [
        "Nazarbayev University",
        "Nur-Sultan",
        "Dariga Nazrabayeva",
        "Aliya Nazarbayeva",
    ] {
        let entity = entity_with(a, other).unwrap_or_else(|| panic!("{other} found"));
        assert_ne!(
            entity.id, father.id,
            "{other} merged with the former president"
        );
    }
    let dariga = entity_with(a, "Dariga Nazrabayeva").expect("present");
    let aliya = entity_with(a, "Aliya Nazarbayeva").expect("present");
    assert_ne!(dariga.id, aliya.id, "two daughters are two people");
}

#[test]
fn places_are_on_the_map_where_they_are() {
    let Some(a) = seeds() else { return };
    // (name, latitude, longitude) roughly, from any atlas.
    for (name, lat, lon) in [
        ("Zhanaozen", 43.3, 52.8),
        ("Almaty", 43.2, 76.9),
        ("Aktau", 43.6, 51.2),
    ] {
        let place = entity_with(a, name).unwrap_or_else(|| panic!("{name} found"));
        assert_eq!(place.kind, EntityKind::Place);
        let (Some(plat), Some(plon)) = (place.lat, place.lon) else {
            panic!("{name} has no coordinates")
        };
        assert!(
            (plat - lat).abs() < 0.5 && (plon - lon).abs() < 0.5,
            "{name} at {plat},{plon}"
        );
    }
}

#[test]
fn the_security_force_figures_agree() {
    let Some(a) = seeds() else { return };
    let security = a
        .claims
        .iter()
        .find(|c| c.subject == "security forces" && c.sources.iter().any(|s| s.text.contains("19")))
        .expect("19 from law enforcement");
    assert!(
        security.sources.iter().any(|s| s.text.contains("eighteen")),
        "{security:#?}"
    );
    assert_eq!(security.status, ClaimStatus::Corroborated);
}

#[test]
fn the_ten_named_events_are_dated() {
    let Some(a) = seeds() else { return };
    let dated = |kind: &str, value: &str| {
        a.events.iter().any(|e| {
            e.event_type.as_str() == kind && e.date.as_ref().is_some_and(|d| d.value == value)
        })
    };
    assert!(
        dated("dismissal", "2022-01-05"),
        "government dismissed on 5 January"
    );
    assert!(
        dated("communications_shutdown", "2022-01-05"),
        "internet shut down on 5 January"
    );
    assert!(
        dated("communications_shutdown", "2022-01-10"),
        "partially restored five days later"
    );
    assert!(
        dated("request_for_help", "2022-01-05TEV"),
        "appeal to the CSTO on the evening of 5 January"
    );
    assert!(
        dated("dismissal", "2022-01-06"),
        "security chief removed on 6 January"
    );
    assert!(
        dated("speech", "2022-01-11"),
        "speech in parliament on 11 January"
    );
    assert!(dated("strike", "2011"), "the 2011 Zhanaozen strike");
    assert!(dated("protest", "2016"), "the 2016 land protests");
    assert!(
        dated("other", "2021-12-28"),
        "last public appearance on 28 December 2021"
    );
    let toll = a.events.iter().any(|e| {
        e.date.as_ref().is_some_and(|d| d.value == "2022-01-15") && e.summary.contains("225")
    });
    assert!(toll, "announcement of 225 dead on 15 January");
    // Dated by a source's own words, not only by the narrative around it.
    let distinct_dated = a
        .events
        .iter()
        .filter(|e| e.date.is_some())
        .filter(|e| {
            e.sources
                .iter()
                .any(|s| s.date.is_some() && !s.date_basis.is_context())
        })
        .count();
    assert!(distinct_dated >= 20, "{distinct_dated} dated events");
}

#[test]
fn the_undated_report_is_dated_through_the_events_it_shares() {
    let Some(a) = seeds() else { return };
    let undated = a
        .reports
        .iter()
        .find(|r| r.id.starts_with("003_"))
        .expect("report 003 analysed");
    assert_eq!(undated.published_origin, "inferred");
    let dated_in_003 = |trigger: &str, value: &str| {
        a.events.iter().any(|e| {
            e.sources.iter().any(|s| {
                s.report == undated.id
                    && s.trigger == trigger
                    && s.date.as_ref().is_some_and(|d| d.value == value)
            })
        })
    };
    assert!(
        dated_in_003("announced", "2022-01-05TNI"),
        "the CSTO chair's announcement on Wednesday night is 5 January"
    );
    assert!(
        dated_in_003("said", "2022-01-07"),
        "Tokayev's words on Friday are 7 January"
    );
    let shared = a.events.iter().find(|e| {
        e.sources
            .iter()
            .any(|s| s.report == undated.id && s.trigger == "announced")
    });
    let shared = shared.expect("the announcement is an event");
    assert!(
        shared.sources.iter().any(|s| s.report.starts_with("004_")),
        "it is the announcement report 004 tells after the appeal of 5 January"
    );
}
