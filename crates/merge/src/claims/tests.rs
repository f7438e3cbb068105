//! Tests of the claims stage on invented reports.

use super::*;
use crate::find_report_copies;
use crate::test_support::*;
use corroborate_model::{EntityKind, EventSource, EventType, Interval};

#[test]
fn a_date_after_in_or_during_sets_the_time() {
    let r = report(
        "a",
        None,
        &["In 2016 prices rose during 2011 as the 1993 constitution held until 1997 in (2012)."],
    );
    let text = r.report.text.clone();
    let at = |needle: &str| {
        let start = text.find(needle).unwrap_or(0);
        Span::new(start, start + needle.len())
    };
    assert!(sets_the_time(&r, at("2016")));
    assert!(sets_the_time(&r, at("2011")));
    assert!(!sets_the_time(&r, at("1993")));
    assert!(!sets_the_time(&r, at("1997")));
    assert!(!sets_the_time(&r, at("2012")), "a bracket between");
    assert!(!sets_the_time(&r, at("In 2016")), "nothing before");
}

fn more_than(n: f64) -> Interval {
    Interval {
        low: Some(n),
        high: None,
        low_inclusive: false,
        high_inclusive: false,
    }
}

fn below(low: f64, n: f64) -> Interval {
    Interval {
        low: Some(low),
        high: Some(n),
        low_inclusive: true,
        high_inclusive: false,
    }
}

/// Merges claims with one merged event per event type (all mentions
/// of a type are one happening).
fn run(reports: &[AnnotatedReport]) -> MergedClaims {
    run_with_events(reports, &one_event_per_type(reports))
}

fn one_event_per_type(reports: &[AnnotatedReport]) -> Vec<Event> {
    let mut by_type: BTreeMap<EventType, Vec<EventSource>> = BTreeMap::new();
    for r in reports {
        for m in &r.annotations.events {
            by_type.entry(m.event_type).or_default().push(EventSource {
                report: r.report.meta.id.clone(),
                quote: String::new(),
                start: m.span.start,
                end: m.span.end,
                date: None,
                date_text: None,
                date_basis: m.date_basis,
                trigger: m.trigger.clone(),
            });
        }
    }
    by_type
        .into_iter()
        .enumerate()
        .map(|(i, (event_type, sources))| Event {
            id: format!("evt-{i}"),
            event_type,
            date: None,
            summary: String::new(),
            entities: Vec::new(),
            independent_sources: sources.len(),
            sources,
            date_inferred: false,
            action: None,
        })
        .collect()
}

/// Merges claims with the given merged events; the entities a span
/// names are its mentions' texts.
fn run_with_events(reports: &[AnnotatedReport], events: &[Event]) -> MergedClaims {
    run_in_stories(reports, events, &vec![0; reports.len()])
}

/// The same with each report's story given; a sentence's countries are
/// its place mentions' texts.
fn run_in_stories(
    reports: &[AnnotatedReport],
    events: &[Event],
    story_of: &[usize],
) -> MergedClaims {
    let countries_in = |r: usize, span: Span| -> Vec<String> {
        reports[r]
            .annotations
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Place && span.contains(m.span))
            .map(|m| m.text.clone())
            .collect()
    };
    let subjects_in = |r: usize, span: Span| -> Vec<String> {
        reports[r]
            .annotations
            .mentions
            .iter()
            .filter(|m| span.contains(m.span))
            .map(|m| m.text.clone())
            .collect()
    };
    merge_claims(
        reports,
        &ClaimContext {
            copies: &find_report_copies(reports),
            events,
            places_in: &|_, _| Vec::new(),
            countries_in: &countries_in,
            subjects_in: &subjects_in,
            speaker_entity: &|_, _, _| None,
            story_of,
        },
    )
}

#[test]
fn compatible_figures_are_one_corroborated_claim() {
    let mut a = report(
        "a",
        Some(day(3, 7)),
        &["More than 300 people were arrested in the capital overnight."],
    );
    add_quantity(
        &mut a,
        "More than 300",
        300.0,
        more_than(300.0),
        "detained",
        None,
    );
    add_event(&mut a, EventType::Arrest, "arrested", None, Vec::new());
    let mut b = report(
        "b",
        Some(day(3, 7)),
        &["Police have detained nearly 350 protesters since the unrest began."],
    );
    add_event(&mut b, EventType::Arrest, "detained", None, Vec::new());
    add_quantity(
        &mut b,
        "nearly 350",
        350.0,
        below(330.0, 350.0),
        "detained",
        None,
    );
    let got = run(&[a, b]);
    assert_eq!(got.claims.len(), 1);
    let claim = &got.claims[0];
    assert_eq!(claim.status, ClaimStatus::Corroborated);
    assert_eq!((claim.low, claim.high), (Some(330.0), Some(350.0)));
    assert_eq!(claim.independent_sources, 2);
    assert!(got.conflicts.is_empty());
}

#[test]
fn disjoint_figures_at_one_time_conflict() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["Just over 1,500 troops of the Accord had arrived by Friday."],
    );
    add_mention(&mut a, "Accord", EntityKind::Organization);
    add_quantity(
        &mut a,
        "Just over 1,500",
        1500.0,
        Interval {
            low: Some(1500.0),
            high: Some(1575.0),
            low_inclusive: false,
            high_inclusive: true,
        },
        "troops",
        None,
    );
    let mut b = report(
        "b",
        Some(day(3, 8)),
        &["Almost 3,000 Accord troops are now in the country."],
    );
    add_mention(&mut b, "Accord", EntityKind::Organization);
    add_quantity(
        &mut b,
        "Almost 3,000",
        3000.0,
        below(2850.0, 3000.0),
        "troops",
        None,
    );
    let got = run(&[a, b]);
    assert_eq!(got.claims.len(), 2);
    assert!(got
        .claims
        .iter()
        .all(|c| c.status == ClaimStatus::Conflicting));
    assert_eq!(got.claims[0].conflicts_with, vec![got.claims[1].id.clone()]);
    assert_eq!(got.conflicts.len(), 1);
    assert_eq!(got.conflicts[0].kind, ConflictKind::Number);
    assert!(
        got.conflicts[0].explanation.contains("same date"),
        "{}",
        got.conflicts[0].explanation
    );
}

#[test]
fn rising_figures_on_different_days_are_a_series() {
    let mut reports = Vec::new();
    for (id, d, n) in [("a", 6, 40.0), ("b", 8, 95.0), ("c", 12, 164.0)] {
        let sentence = format!("The death toll stood at {n} people killed.");
        let mut r = report(id, Some(day(3, d)), &[&sentence]);
        add_event(&mut r, EventType::Deaths, "killed", None, Vec::new());
        add_quantity(
            &mut r,
            &format!("{n}"),
            n,
            Interval::exact(n),
            "killed",
            None,
        );
        reports.push(r);
    }
    let got = run(&reports);
    assert_eq!(got.claims.len(), 3);
    assert!(
        got.claims.iter().all(|c| c.status == ClaimStatus::Series),
        "{:?}",
        got.claims
    );
    assert!(got.claims[0]
        .explanation
        .contains("40 (6 Mar 2024) → 95 (8 Mar 2024) → 164 (12 Mar 2024)"));
    assert!(got.conflicts.is_empty());
}

#[test]
fn figures_years_apart_are_different_episodes() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &[
            "Dozens were arrested in 2016 during the dock strikes.",
            "More than 300 were arrested this week.",
        ],
    );
    let t = add_timex(
        &mut a,
        "2016",
        NaiveDate::from_ymd_opt(2016, 12, 31).expect("date"),
    );
    a.annotations.timexes[t].start = NaiveDate::from_ymd_opt(2016, 1, 1);
    add_timex(&mut a, "this week", day(3, 8));
    add_quantity(
        &mut a,
        "Dozens",
        24.0,
        Interval::closed(24.0, 99.0),
        "detained",
        None,
    );
    add_quantity(
        &mut a,
        "More than 300",
        300.0,
        more_than(300.0),
        "detained",
        None,
    );
    let got = run(&[a]);
    assert_eq!(got.claims.len(), 2);
    assert_eq!(got.claims[0].as_of, NaiveDate::from_ymd_opt(2016, 12, 31));
    assert_ne!(
        got.claims[0].group, got.claims[1].group,
        "{:#?}",
        got.claims
    );
    assert!(got.conflicts.is_empty());
}

#[test]
fn an_undated_sentence_in_a_past_paragraph_takes_its_year() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &[
            "In 2013, miners at the copper combine went on strike.",
            "Police killed nine miners after seven months.",
        ],
    );
    let t = add_timex(
        &mut a,
        "2013",
        NaiveDate::from_ymd_opt(2013, 12, 31).expect("date"),
    );
    a.annotations.timexes[t].start = NaiveDate::from_ymd_opt(2013, 1, 1);
    add_quantity(
        &mut a,
        "nine",
        9.0,
        Interval::exact(9.0),
        "killed",
        Some("miners"),
    );
    let got = run(&[a]);
    assert_eq!(got.claims[0].as_of, NaiveDate::from_ymd_opt(2013, 12, 31));
}

#[test]
fn a_year_naming_a_thing_does_not_date_the_figure() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["Several thousand marchers demanded the 1993 constitution back."],
    );
    let t = add_timex(
        &mut a,
        "1993",
        NaiveDate::from_ymd_opt(1993, 12, 31).expect("date"),
    );
    a.annotations.timexes[t].start = NaiveDate::from_ymd_opt(1993, 1, 1);
    add_quantity(
        &mut a,
        "Several thousand",
        3000.0,
        Interval::closed(3000.0, 9999.0),
        "protesters",
        None,
    );
    let got = run(&[a]);
    assert_eq!(got.claims[0].as_of, Some(day(3, 8)));
}

#[test]
fn scopes_of_one_class_are_compared() {
    let mut a = report(
        "a",
        None,
        &["At least twenty security officers were killed."],
    );
    add_event(&mut a, EventType::Deaths, "killed", None, Vec::new());
    add_quantity(
        &mut a,
        "At least twenty",
        20.0,
        Interval {
            low: Some(20.0),
            high: None,
            low_inclusive: true,
            high_inclusive: false,
        },
        "killed",
        Some("security officers"),
    );
    let mut b = report(
        "b",
        None,
        &["In all 187 died, including 23 from law enforcement."],
    );
    add_event(&mut b, EventType::Deaths, "died", None, Vec::new());
    let total = add_quantity(&mut b, "187", 187.0, Interval::exact(187.0), "killed", None);
    let part = add_quantity(
        &mut b,
        "23",
        23.0,
        Interval::exact(23.0),
        "killed",
        Some("law enforcement"),
    );
    b.annotations.quantities[part].part_of = Some(total);
    let got = run(&[a, b]);
    let security: Vec<_> = got
        .claims
        .iter()
        .filter(|c| c.subject == "security forces")
        .collect();
    assert_eq!(security.len(), 1);
    assert_eq!(security[0].status, ClaimStatus::Corroborated);
    let total_claim = got
        .claims
        .iter()
        .find(|c| c.low == Some(187.0))
        .expect("total claim");
    assert_eq!(
        security[0].part_of.as_deref(),
        Some(total_claim.id.as_str())
    );
}

#[test]
fn sub_count_larger_than_total_is_a_conflict() {
    let mut a = report(
        "a",
        None,
        &["In all 20 died, including 30 police officers."],
    );
    let total = add_quantity(&mut a, "20", 20.0, Interval::exact(20.0), "killed", None);
    let part = add_quantity(
        &mut a,
        "30",
        30.0,
        Interval::exact(30.0),
        "killed",
        Some("police officers"),
    );
    a.annotations.quantities[part].part_of = Some(total);
    let got = run(&[a]);
    assert!(got
        .conflicts
        .iter()
        .any(|c| c.explanation.contains("sub-count")));
}

/// A report with one sentence whose figure `text` is a death toll
/// stated with a deaths event at `trigger`.
fn toll(id: &str, d: u32, sentence: &str, text: &str, interval: Interval) -> AnnotatedReport {
    let mut r = report(id, Some(day(3, d)), &[sentence]);
    add_quantity(
        &mut r,
        text,
        interval.low.unwrap_or(0.0),
        interval,
        "killed",
        None,
    );
    let trigger = ["killed", "died", "dead"]
        .into_iter()
        .find(|t| sentence.contains(t))
        .unwrap_or("killed");
    add_event(&mut r, EventType::Deaths, trigger, None, Vec::new());
    r
}

fn number_conflicts(got: &MergedClaims) -> Vec<&Conflict> {
    got.conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::Number)
        .collect()
}

#[test]
fn unrelated_figures_sharing_a_measure_word_are_not_compared() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["The Pellam kettle sells at a price of 40 dollars."],
    );
    add_mention(&mut a, "Pellam", EntityKind::Organization);
    add_quantity(&mut a, "40", 40.0, Interval::exact(40.0), "price", None);
    let mut b = report(
        "b",
        Some(day(3, 8)),
        &["Ostrava Air quoted a price of 900 dollars for the route."],
    );
    add_mention(&mut b, "Ostrava Air", EntityKind::Organization);
    add_quantity(&mut b, "900", 900.0, Interval::exact(900.0), "price", None);
    let got = run(&[a, b]);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
    assert_ne!(got.claims[0].group, got.claims[1].group);
}

#[test]
fn figures_about_one_subject_are_compared_without_an_event() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["The Pellam kettle sells at a price of 40 dollars."],
    );
    add_mention(&mut a, "Pellam", EntityKind::Organization);
    add_quantity(&mut a, "40", 40.0, Interval::exact(40.0), "price", None);
    let mut b = report(
        "b",
        Some(day(3, 8)),
        &["Pellam lists the kettle at a price of 90 dollars."],
    );
    add_mention(&mut b, "Pellam", EntityKind::Organization);
    add_quantity(&mut b, "90", 90.0, Interval::exact(90.0), "price", None);
    let got = run(&[a, b]);
    assert_eq!(number_conflicts(&got).len(), 1, "{:?}", got.claims);
}

#[test]
fn several_disagreeing_figures_and_their_copies_are_one_conflict() {
    let sentence = |n: &str| format!("Officials in Dravik said {n} people were killed.");
    let reports = [
        toll("a", 8, &sentence("10"), "10", Interval::exact(10.0)),
        toll("b", 8, &sentence("50"), "50", Interval::exact(50.0)),
        toll("c", 8, &sentence("90"), "90", Interval::exact(90.0)),
        toll("c-copy", 8, &sentence("90"), "90", Interval::exact(90.0)),
    ];
    let got = run(&reports);
    let conflicts = number_conflicts(&got);
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0].items.len(), 3);
    let reports: BTreeSet<&str> = conflicts[0]
        .sides
        .iter()
        .map(|s| s.report.as_str())
        .collect();
    assert_eq!(reports, BTreeSet::from(["a", "b", "c", "c-copy"]));
}

#[test]
fn a_lower_later_toll_conflicts_unless_revised() {
    let earlier = || {
        toll(
            "a",
            6,
            "By Monday 95 people had died.",
            "95",
            Interval::exact(95.0),
        )
    };
    let lower = toll(
        "b",
        8,
        "By Wednesday 80 people had died.",
        "80",
        Interval::exact(80.0),
    );
    let got = run(&[earlier(), lower]);
    assert_eq!(number_conflicts(&got).len(), 1);
    let revised = toll(
        "b",
        8,
        "The ministry revised the toll: 80 people had died.",
        "80",
        Interval::exact(80.0),
    );
    let got = run(&[earlier(), revised]);
    assert!(number_conflicts(&got).is_empty(), "{:?}", got.conflicts);
    assert!(got.claims.iter().all(|c| c.status == ClaimStatus::Series));
    assert!(got.claims[0].explanation.starts_with("Series:"));
}

#[test]
fn a_sub_count_never_conflicts_with_its_total() {
    let mut a = toll(
        "a",
        8,
        "In all 164 people died, including 30 miners.",
        "164",
        Interval::exact(164.0),
    );
    let part = add_quantity(
        &mut a,
        "30",
        30.0,
        Interval::exact(30.0),
        "killed",
        Some("miners"),
    );
    a.annotations.quantities[part].part_of = Some(0);
    let got = run(&[a]);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
    let part_claim = got
        .claims
        .iter()
        .find(|c| c.low == Some(30.0))
        .expect("part");
    assert!(part_claim.part_of.is_some());
    assert!(
        part_claim.explanation.starts_with("Part of"),
        "{}",
        part_claim.explanation
    );
}

#[test]
fn a_background_toll_takes_its_event_date_and_never_conflicts() {
    let mut old = report(
        "a",
        Some(day(3, 8)),
        &["The quake of 2009 killed 300 people in the valley."],
    );
    let year = add_timex(
        &mut old,
        "2009",
        NaiveDate::from_ymd_opt(2009, 12, 31).expect("date"),
    );
    add_quantity(
        &mut old,
        "300",
        300.0,
        Interval::exact(300.0),
        "killed",
        None,
    );
    add_event(
        &mut old,
        EventType::Deaths,
        "killed",
        Some(year),
        Vec::new(),
    );
    let new = toll(
        "b",
        8,
        "At least 40 people were killed.",
        "At least 40",
        Interval {
            low: Some(40.0),
            high: None,
            low_inclusive: true,
            high_inclusive: false,
        },
    );
    let now = toll(
        "c",
        8,
        "Twelve people were killed.",
        "Twelve",
        Interval::exact(12.0),
    );
    let got = run(&[old, new, now]);
    let background = got
        .claims
        .iter()
        .find(|c| c.low == Some(300.0))
        .expect("old toll");
    assert_eq!(background.as_of, NaiveDate::from_ymd_opt(2009, 12, 31));
    assert!(background.explanation.starts_with("Background:"));
    let conflicts = number_conflicts(&got);
    assert_eq!(conflicts.len(), 1, "only 40+ vs 12: {conflicts:#?}");
    assert!(!conflicts[0].items.contains(&background.id));
}

#[test]
fn vague_and_exact_figures_that_fit_agree() {
    let more_than_1200 = toll(
        "a",
        8,
        "More than 1,200 people died.",
        "More than 1,200",
        more_than(1200.0),
    );
    let exact = toll(
        "b",
        8,
        "The toll: 1,247 dead.",
        "1,247",
        Interval::exact(1247.0),
    );
    let got = run(&[more_than_1200, exact]);
    assert_eq!(got.claims.len(), 1);
    assert_eq!(got.claims[0].status, ClaimStatus::Corroborated);
    assert!(got.claims[0].explanation.starts_with("Corroborated:"));
}

#[test]
fn a_vague_amount_is_not_compared_with_another_event_figure() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["Dozens were detained at the market."],
    );
    add_quantity(
        &mut a,
        "Dozens",
        24.0,
        Interval::closed(24.0, 99.0),
        "detained",
        None,
    );
    add_event(&mut a, EventType::Arrest, "detained", None, Vec::new());
    let mut b = report(
        "b",
        Some(day(3, 8)),
        &["Police detained 400 people in all."],
    );
    add_quantity(
        &mut b,
        "400",
        400.0,
        Interval::exact(400.0),
        "detained",
        None,
    );
    add_event(&mut b, EventType::Arrest, "detained", None, Vec::new());
    // Each mention its own merged event, tied only by the arrest tally.
    let events: Vec<Event> = [&a, &b]
        .iter()
        .flat_map(|r| one_event_per_type(std::slice::from_ref(*r)))
        .collect();
    let got = run_with_events(&[a, b], &events);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
}

#[test]
fn the_widest_conflict_comes_first() {
    let near = |id: &str, n: f64| {
        let mut r = report(
            id,
            Some(day(3, 8)),
            &[&format!("Dravik Accord has {n} troops here.")],
        );
        add_mention(&mut r, "Dravik Accord", EntityKind::Organization);
        add_quantity(
            &mut r,
            &format!("{n}"),
            n,
            Interval::exact(n),
            "troops",
            None,
        );
        r
    };
    let far = |id: &str, n: f64| {
        let mut r = report(id, Some(day(3, 8)), &[&format!("{n} protesters marched.")]);
        add_quantity(
            &mut r,
            &format!("{n}"),
            n,
            Interval::exact(n),
            "protesters",
            None,
        );
        add_event(&mut r, EventType::Protest, "marched", None, Vec::new());
        r
    };
    let got = run(&[
        near("a", 100.0),
        near("b", 110.0),
        far("c", 50.0),
        far("d", 5000.0),
    ]);
    let conflicts = number_conflicts(&got);
    assert_eq!(conflicts.len(), 2);
    assert!(
        conflicts[0].explanation.contains("protesters"),
        "{conflicts:#?}"
    );
}

#[test]
fn figures_side_by_side_in_one_sentence_never_conflict() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["Out of 23 pirates detained by the Coastguard, 12 came from Marro."],
    );
    add_mention(&mut a, "Coastguard", EntityKind::Organization);
    add_quantity(&mut a, "23", 23.0, Interval::exact(23.0), "detained", None);
    add_quantity(&mut a, "12", 12.0, Interval::exact(12.0), "detained", None);
    let mut b = report(
        "b",
        Some(day(3, 8)),
        &["The Coastguard detained 23 pirates on Saturday."],
    );
    add_mention(&mut b, "Coastguard", EntityKind::Organization);
    add_quantity(&mut b, "23", 23.0, Interval::exact(23.0), "detained", None);
    let got = run(&[a, b]);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
}

#[test]
fn one_operation_is_a_part_of_a_running_total() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["The Coastguard has seized a total of 31 rifles so far."],
    );
    add_mention(&mut a, "Coastguard", EntityKind::Organization);
    add_quantity(&mut a, "31", 31.0, Interval::exact(31.0), "weapons", None);
    let mut b = report(
        "b",
        Some(day(3, 8)),
        &["In the raid the Coastguard seized 12 rifles."],
    );
    add_mention(&mut b, "Coastguard", EntityKind::Organization);
    add_quantity(&mut b, "12", 12.0, Interval::exact(12.0), "weapons", None);
    let got = run(&[a, b]);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
}

#[test]
fn a_count_with_a_unit_is_not_compared() {
    let mut a = toll(
        "a",
        8,
        "A climber died after a fall of 150 metres.",
        "150 metres",
        Interval::exact(150.0),
    );
    a.annotations.quantities[0].unit = Some("metres".into());
    let mut b = toll(
        "b",
        8,
        "A second climber died after a fall of 60 metres.",
        "60 metres",
        Interval::exact(60.0),
    );
    b.annotations.quantities[0].unit = Some("metres".into());
    let c = toll(
        "c",
        8,
        "Two climbers died at the weekend.",
        "Two",
        Interval::exact(2.0),
    );
    let got = run(&[a, b, c]);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
}

#[test]
fn list_items_never_conflict_with_figures_elsewhere() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["The Coastguard seized seven rifles, three machine guns and 13 magazines."],
    );
    add_mention(&mut a, "Coastguard", EntityKind::Organization);
    for (text, n) in [("seven", 7.0), ("three", 3.0), ("13", 13.0)] {
        add_quantity(&mut a, text, n, Interval::exact(n), "weapons", None);
    }
    let mut b = report(
        "b",
        Some(day(3, 8)),
        &["The Coastguard said it seized 12 weapons."],
    );
    add_mention(&mut b, "Coastguard", EntityKind::Organization);
    add_quantity(&mut b, "12", 12.0, Interval::exact(12.0), "weapons", None);
    let got = run(&[a, b]);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
}

#[test]
fn the_word_window_before_a_date_never_cuts_a_word_or_a_character() {
    let text = "Protesters gathered in Dravik ñññ during";
    assert_eq!(super::word_window_before(text, 14), " ñññ during");
    assert_eq!(super::word_window_before(text, 12), " during");
    assert_eq!(super::word_window_before("in", 96), "in");
    assert_eq!(super::word_window_before("", 96), "");
    let long_word = "x".repeat(200);
    assert_eq!(super::word_window_before(&long_word, 96).len(), 96);
}

/// Ages describe people: two reports giving two people's ages in one
/// happening are no conflicting tolls.
#[test]
fn ages_are_never_compared() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["Accord officer Ana Lind, 58, was killed in the blast."],
    );
    add_mention(&mut a, "Accord", EntityKind::Organization);
    add_quantity(
        &mut a,
        "58",
        58.0,
        Interval::closed(58.0, 58.0),
        "age",
        None,
    );
    let mut b = report(
        "b",
        Some(day(3, 8)),
        &["Accord officer Tom Berg, 31, was killed in the blast."],
    );
    add_mention(&mut b, "Accord", EntityKind::Organization);
    add_quantity(
        &mut b,
        "31",
        31.0,
        Interval::closed(31.0, 31.0),
        "age",
        None,
    );
    let got = run(&[a, b]);
    assert!(got.claims.is_empty(), "{:?}", got.claims);
    assert!(got.conflicts.is_empty());
}

/// "Seven employees were trapped" and "the other 100 workers got out"
/// count two populations: no conflict.
#[test]
fn counts_of_other_people_are_a_population_apart() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["Seven Accord employees were trapped near the gunman."],
    );
    add_mention(&mut a, "Accord", EntityKind::Organization);
    add_quantity(
        &mut a,
        "Seven",
        7.0,
        Interval::closed(7.0, 7.0),
        "workers",
        None,
    );
    let mut b = report(
        "b",
        Some(day(3, 8)),
        &["Most of the other 100 Accord workers got out safely."],
    );
    add_mention(&mut b, "Accord", EntityKind::Organization);
    add_quantity(
        &mut b,
        "100",
        100.0,
        Interval::closed(100.0, 100.0),
        "workers",
        Some("others"),
    );
    let got = run(&[a, b]);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
}

/// A bare large round figure is a rounded one: "$1 million" and "more than
/// $1 million" agree; small counts keep their exact value.
#[test]
fn round_figures_agree_with_bounds_that_touch_them() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["The fire at the Accord depot caused $1 million in damage."],
    );
    add_mention(&mut a, "Accord", EntityKind::Organization);
    add_quantity(
        &mut a,
        "$1 million",
        1_000_000.0,
        Interval::closed(1_000_000.0, 1_000_000.0),
        "damage",
        None,
    );
    let mut b = report(
        "b",
        Some(day(3, 8)),
        &["The Accord depot fire did more than $1 million in damage."],
    );
    add_mention(&mut b, "Accord", EntityKind::Organization);
    let q = add_quantity(
        &mut b,
        "more than $1 million",
        1_000_000.0,
        more_than(1_000_000.0),
        "damage",
        None,
    );
    b.annotations.quantities[q].qualifier = Some("more than".to_string());
    let got = run(&[a, b]);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
    assert_eq!(got.claims.len(), 1);
}

/// "killed two women and a man" counts part of a list whose total another
/// report gives ("three killed"): no conflict.
#[test]
fn a_count_listed_beside_a_single_is_part_of_a_list() {
    let mut a = report(
        "a",
        Some(day(3, 8)),
        &["A petrol bomb at the Accord bank killed two women and a man."],
    );
    add_mention(&mut a, "Accord", EntityKind::Organization);
    add_quantity(
        &mut a,
        "two",
        2.0,
        Interval::closed(2.0, 2.0),
        "killed",
        None,
    );
    let mut b = report(
        "b",
        Some(day(3, 8)),
        &["Three people died in the Accord bank fire."],
    );
    add_mention(&mut b, "Accord", EntityKind::Organization);
    add_quantity(
        &mut b,
        "Three",
        3.0,
        Interval::closed(3.0, 3.0),
        "killed",
        None,
    );
    let got = run(&[a, b]);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
}

/// "31 pieces of equipment, including three ladder trucks": a part with no
/// scope of its own counts fewer things than its measure word says and
/// never conflicts with another report's total of the measure.
#[test]
fn a_part_without_a_scope_never_conflicts_with_another_total() {
    let mut a = report(
        "a",
        Some(day(5, 2)),
        &["A total of 31 pieces of equipment reached the Harlow depot fire, including three fire engines."],
    );
    add_mention(&mut a, "Harlow", EntityKind::Place);
    let total = add_quantity(
        &mut a,
        "31",
        31.0,
        Interval::closed(31.0, 31.0),
        "people",
        None,
    );
    let part = add_quantity(
        &mut a,
        "three",
        3.0,
        Interval::closed(3.0, 3.0),
        "vehicles",
        None,
    );
    a.annotations.quantities[part].part_of = Some(total);
    let mut b = report(
        "b",
        Some(day(5, 2)),
        &["Twelve vehicles were sent to the Harlow depot fire."],
    );
    add_mention(&mut b, "Harlow", EntityKind::Place);
    add_quantity(
        &mut b,
        "Twelve",
        12.0,
        Interval::closed(12.0, 12.0),
        "vehicles",
        None,
    );
    let got = run(&[a.clone(), b.clone()]);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
    // The same figure stated as no part conflicts.
    a.annotations.quantities[part].part_of = None;
    assert_eq!(run(&[a, b]).conflicts.len(), 1);
}

/// Counts of things are compared only when they count the same things:
/// "three ladder trucks" and "31 fire trucks" are both vehicles, not one
/// count; "four villages" and "seven villages" are.
#[test]
fn counts_of_things_compare_only_the_same_things() {
    let reports = |scope_a: &str, scope_b: &str| {
        let mut a = report(
            "a",
            Some(day(5, 2)),
            &["The quake near Tarsa destroyed four villages."],
        );
        add_mention(&mut a, "Tarsa", EntityKind::Place);
        add_quantity(
            &mut a,
            "four",
            4.0,
            Interval::closed(4.0, 4.0),
            "places",
            Some(scope_a),
        );
        let mut b = report(
            "b",
            Some(day(5, 2)),
            &["The quake near Tarsa flattened seven villages."],
        );
        add_mention(&mut b, "Tarsa", EntityKind::Place);
        add_quantity(
            &mut b,
            "seven",
            7.0,
            Interval::closed(7.0, 7.0),
            "places",
            Some(scope_b),
        );
        [a, b]
    };
    assert_eq!(run(&reports("villages", "villages")).conflicts.len(), 1);
    let got = run(&reports("villages", "worst-hit villages"));
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
}

/// One merged event per report: its mentions tell no common happening,
/// so only a tally or a subject can tie their figures.
fn one_event_per_report(reports: &[AnnotatedReport]) -> Vec<Event> {
    let mut events: Vec<Event> = reports
        .iter()
        .flat_map(|r| one_event_per_type(std::slice::from_ref(r)))
        .collect();
    for (i, event) in events.iter_mut().enumerate() {
        event.id = format!("evt-{i}");
    }
    events
}

fn toll_report(id: &str, sentence: &str, figure: &str, value: f64) -> AnnotatedReport {
    let mut r = report(id, Some(day(3, 4)), &[sentence]);
    add_event(&mut r, EventType::Deaths, "killed", None, Vec::new());
    add_quantity(
        &mut r,
        figure,
        value,
        Interval::exact(value),
        "killed",
        None,
    );
    r
}

#[test]
fn tolls_of_two_stories_never_meet() {
    let reports = [
        toll_report(
            "quake",
            "The quake killed 30 people in the hills.",
            "30",
            30.0,
        ),
        toll_report(
            "unrest",
            "Clashes killed 80 people in the capital.",
            "80",
            80.0,
        ),
    ];
    let events = one_event_per_report(&reports);
    let one_story = run_in_stories(&reports, &events, &[0, 0]);
    assert_eq!(
        one_story.conflicts.len(),
        1,
        "one crisis: one toll, two figures"
    );
    let two_stories = run_in_stories(&reports, &events, &[0, 1]);
    assert!(
        two_stories.conflicts.is_empty(),
        "{:?}",
        two_stories.conflicts
    );
    assert!(two_stories
        .claims
        .iter()
        .all(|c| c.status == ClaimStatus::Single));
}

#[test]
fn generic_counts_corroborate_only_within_one_happening() {
    let people = |id: &str, sentence: &str| {
        let mut r = report(id, Some(day(3, 4)), &[sentence]);
        add_event(&mut r, EventType::Travel, "flew", None, Vec::new());
        add_quantity(&mut r, "two", 2.0, Interval::exact(2.0), "people", None);
        r
    };
    let reports = [
        people("a", "Envoys flew two people to the border."),
        people("b", "A charter flew two people to the port."),
    ];
    let apart = run_with_events(&reports, &one_event_per_report(&reports));
    assert!(
        apart.claims.iter().all(|c| c.status == ClaimStatus::Single),
        "{:?}",
        apart.claims
    );
    let together = run_with_events(&reports, &one_event_per_type(&reports));
    assert_eq!(together.claims.len(), 1);
    assert_eq!(together.claims[0].status, ClaimStatus::Corroborated);
}

/// A report whose quake killed 40.
fn forty_killed() -> AnnotatedReport {
    toll_report(
        "toll",
        "The quake killed 40 people in the hills.",
        "40",
        40.0,
    )
}

#[test]
fn increments_and_shares_never_conflict_with_a_toll() {
    for (sentence, figure) in [
        (
            "Rescuers found two more people killed in the rubble.",
            "two",
        ),
        ("Another five people were killed overnight.", "five"),
        ("Two of the people killed were police officers.", "Two"),
    ] {
        let reports = [
            forty_killed(),
            toll_report(
                "part",
                sentence,
                figure,
                if figure == "five" { 5.0 } else { 2.0 },
            ),
        ];
        let got = run(&reports);
        assert!(got.conflicts.is_empty(), "{sentence}: {:?}", got.conflicts);
    }
    // A plain smaller figure from another report still conflicts.
    let reports = [
        forty_killed(),
        toll_report(
            "other",
            "The quake killed two people in the hills.",
            "two",
            2.0,
        ),
    ];
    assert_eq!(run(&reports).conflicts.len(), 1);
}

#[test]
fn tolls_told_of_other_countries_never_conflict() {
    let mut iran = toll_report("a", "The quake killed ten people in Iran.", "ten", 10.0);
    add_mention(&mut iran, "Iran", EntityKind::Place);
    let mut china = toll_report("b", "A quake killed 13 people in China.", "13", 13.0);
    add_mention(&mut china, "China", EntityKind::Place);
    let got = run(&[iran.clone(), china]);
    assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
    let mut iran_too = toll_report("c", "A quake killed 13 people in Iran.", "13", 13.0);
    add_mention(&mut iran_too, "Iran", EntityKind::Place);
    assert_eq!(run(&[iran, iran_too]).conflicts.len(), 1);
}
