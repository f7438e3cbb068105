//! General actions: the happenings of kinds the typed lexicon has no
//! type for, read from past verbs and from the general-action word list
//! (type `other`, with the action's base form), kept when a date tells
//! when they happened. Fictional text.

mod common;

use chrono::NaiveDate;
use common::{mention, simple_timexes};
use corroborate_events::{date_lead_events, drop_undated_general_actions, extract, LeadContext};
use corroborate_model::{
    DateBasis, EntityKind, EventMention, EventType, Span, TimeAnchor, Timex, TimexType,
};

fn published() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 14).unwrap_or_default()
}

/// The events of `text` as extraction keeps them: dated by their clause or,
/// in the lead's present perfect, by the publication day; general actions
/// that stay undated dropped.
fn events(text: &str) -> Vec<EventMention> {
    let sentences = corroborate_text::sentences(text);
    let tokens = corroborate_text::tokens(text);
    let mut timexes = simple_timexes(text, 2023);
    timexes.extend(year_1998(text));
    timexes.sort_by_key(|t| t.span);
    let mut events = extract(text, &tokens, &sentences, &timexes, &[]);
    let lead = LeadContext {
        text,
        tokens: &tokens,
        sentences: &sentences,
        timexes: &timexes,
        published: published(),
    };
    date_lead_events(&lead, &mut events);
    drop_undated_general_actions(&mut events);
    events
}

/// "1998" as a DATE covering that year.
fn year_1998(text: &str) -> Option<Timex> {
    let start = text.find("1998")?;
    Some(Timex {
        span: Span::new(start, start + 4),
        text: "1998".to_string(),
        timex_type: TimexType::Date,
        value: "1998".to_string(),
        start: NaiveDate::from_ymd_opt(1998, 1, 1),
        end: NaiveDate::from_ymd_opt(1998, 12, 31),
        approximate: false,
        anchor: TimeAnchor::Absolute,
        inferred: false,
    })
}

fn actions(text: &str) -> Vec<(String, String)> {
    events(text)
        .into_iter()
        .filter_map(|e| Some((e.action?, e.trigger)))
        .collect()
}

#[test]
fn a_leads_present_perfect_action_is_the_news_of_the_day() {
    let text = "Harbour pilots end stoppage\n\nThe Orlem harbour authority has reinstated the forty pilots it suspended in the spring, its director told reporters.";
    let found = events(text);
    let action = found
        .iter()
        .find(|e| e.action.as_deref() == Some("reinstate"))
        .unwrap_or_else(|| panic!("no reinstate action in {found:?}"));
    assert_eq!(action.event_type, EventType::Other);
    assert_eq!(action.trigger, "reinstated");
    assert_eq!(action.date_basis, DateBasis::Publication);
    assert_eq!(
        action.date.as_ref().map(|d| d.start),
        Some(published()),
        "{action:?}"
    );
}

/// Regression: a statement's span holds the content it reports, whose
/// date ("first planned in 1998") kept the lead's announcement undated.
#[test]
fn a_leads_announcement_is_dated_by_its_own_clause_not_its_content() {
    let text = "Jet launch delayed\n\nOrlem Air has announced that the launch of its new jet, first planned in 1998, has been pushed back by several years.";
    let found = events(text);
    let statement = found
        .iter()
        .find(|e| e.event_type == EventType::Statement)
        .unwrap_or_else(|| panic!("no statement in {found:?}"));
    assert_eq!(
        statement.date_basis,
        DateBasis::Publication,
        "{statement:?}"
    );
    assert_eq!(statement.date.as_ref().map(|d| d.start), Some(published()));
}

#[test]
fn a_lead_action_dated_by_its_clause_keeps_that_date() {
    let text = "The boxer Ilya Varn stopped the challenger in the ninth round on 10 June in a packed arena in Tarvessa.";
    let found = events(text);
    let action = found
        .iter()
        .find(|e| e.action.as_deref() == Some("stop"))
        .unwrap_or_else(|| panic!("no stop action in {found:?}"));
    assert_eq!(action.date_basis, DateBasis::Clause);
    assert_eq!(
        action.date.as_ref().map(|d| d.value.as_str()),
        Some("2023-06-10")
    );
}

#[test]
fn an_undated_action_is_no_timeline_entry() {
    // Simple past, no date in the clause: the lead rule dates only the
    // present perfect.
    let text = "The mining company Orvel Metals reinstated forty pilots at its harbour after a long dispute.";
    assert!(actions(text).is_empty(), "{:?}", events(text));
}

#[test]
fn outside_the_leads_present_perfect_an_action_needs_its_clauses_date() {
    let lead = "Ferry services between the two islands resumed slowly this week after a long winter of storms. Crews worked through the night to repair the main quay in the port.";
    let dated = format!(
        "{lead} The port authority released the last impounded trawler on 3 June, officials said."
    );
    assert_eq!(
        actions(&dated),
        vec![("release".to_string(), "released".to_string())]
    );
    let undated =
        format!("{lead} The port authority released the last impounded trawler, officials said.");
    assert!(actions(&undated).is_empty(), "{:?}", events(&undated));
}

#[test]
fn a_date_read_from_the_narrative_does_not_date_an_action() {
    let text = "The port of Orlem reopened on 3 June after a week of storms and repairs. Subsequently, the ferry company reinstated forty pilots at the harbour.";
    let bases: Vec<String> = actions(text).into_iter().map(|(b, _)| b).collect();
    assert_eq!(bases, vec!["reopen".to_string()], "{:?}", events(text));
}

#[test]
fn a_planned_or_possible_action_is_not_a_happening() {
    let text = "Ferry services resumed slowly this week after a long winter of storms in the islands. The repairs to the main quay will be completed on 20 June, the port authority said.";
    assert!(actions(text).is_empty(), "{:?}", events(text));
}

#[test]
fn a_listed_word_after_to_or_a_modal_is_a_plan() {
    // "pass" and "release" are listed general actions.
    let text = "Ferry services resumed slowly this week after a long winter of storms in the islands. The council hopes to pass the harbour budget on 20 June, and the port will likely release the trawlers on 21 June.";
    assert!(actions(text).is_empty(), "{:?}", events(text));
}

#[test]
fn a_participle_after_a_present_be_is_a_state() {
    let text = "Ferry services resumed slowly this week after a long winter of storms in the islands. The northern quay is badly damaged since 3 June, and the pilots are fully trained on 9 June, officials said.";
    assert!(actions(text).is_empty(), "{:?}", events(text));
}

#[test]
fn a_date_that_bounds_a_state_is_not_when_it_happened() {
    let text = "Ferry services resumed slowly this week after a long winter of storms in the islands. Fares have doubled since 1 June, the port authority said.";
    assert!(actions(text).is_empty(), "{:?}", events(text));
}

#[test]
fn a_year_of_background_dates_no_action() {
    let text = "The province, long a quiet backwater, suffered a civil war in 1998 that emptied its villages, historians say.";
    assert!(actions(text).is_empty(), "{:?}", events(text));
}

#[test]
fn reporting_verbs_and_capitalized_names_are_not_actions() {
    let said =
        "The harbour master has said the port of Orlem is safe again, officials told reporters.";
    assert!(actions(said).is_empty(), "{:?}", events(said));
    let team = "Orlem United has defeated the visitors from Tarvessa by two goals in the final, the league said.";
    let bases: Vec<String> = actions(team).into_iter().map(|(b, _)| b).collect();
    assert_eq!(bases, vec!["defeat".to_string()], "{:?}", events(team));
}

/// Regression: a listed word was taken even as a capitalized name inside
/// a sentence ("in Find", a town whose name is a listed verb).
#[test]
fn a_listed_word_capitalized_inside_a_sentence_is_a_name() {
    let town = "Foreign embassies in Find advised their citizens on 3 March to leave the region.";
    let triggers: Vec<String> = actions(town).into_iter().map(|(_, t)| t).collect();
    assert_eq!(triggers, vec!["advised".to_string()], "{:?}", events(town));
}

#[test]
fn relative_clauses_reduced_passives_and_reporting_verbs_are_not_the_news() {
    let text = "The ministry, which collapsed in a scandal, has praised the rescuers, carefully trained by volunteers, and said the harbour is safe.";
    let triggers: Vec<String> = actions(text).into_iter().map(|(_, t)| t).collect();
    assert_eq!(triggers, vec!["praised".to_string()], "{:?}", events(text));
}

#[test]
fn a_participle_describing_a_noun_is_not_the_clauses_action() {
    let text = "The old rail bridge, badly weakened by the spring floods, has collapsed into the river, engineers told reporters.";
    let bases: Vec<String> = actions(text).into_iter().map(|(b, _)| b).collect();
    assert_eq!(bases, vec!["collapse".to_string()], "{:?}", events(text));
}

#[test]
fn a_participle_after_a_determiner_is_a_noun() {
    let text = "The accused has appeared before the court, and the wounded have recovered in the city hospital of Orlem.";
    let bases: Vec<String> = actions(text).into_iter().map(|(b, _)| b).collect();
    assert!(!bases.contains(&"accuse".to_string()), "{bases:?}");
    assert!(bases.contains(&"recover".to_string()), "{bases:?}");
}

#[test]
fn a_typed_trigger_tells_its_clauses_happening_alone() {
    // "fire" (a disaster) and "destroyed" (a general action) are one
    // happening: the typed event only.
    let text = "A fire has destroyed the old grain warehouse in the port of Orlem, the fire service said on Tuesday.";
    let found = events(text);
    assert!(found.iter().any(|e| e.event_type == EventType::Disaster));
    assert!(
        found.iter().all(|e| e.action.is_none()),
        "a general action beside the disaster: {found:?}"
    );
}

#[test]
fn a_particle_makes_another_action() {
    let text = "The singer Mara Velt has checked out of the Orlem clinic where she spent a month, her agent told reporters today.";
    let bases: Vec<String> = actions(text).into_iter().map(|(b, _)| b).collect();
    assert_eq!(bases, vec!["check out".to_string()]);
}

#[test]
fn irregular_pasts_take_their_base() {
    let text = "The home side has won the regional cup for the third time, beating the visitors from Orlem by two goals.";
    let bases: Vec<String> = actions(text).into_iter().map(|(b, _)| b).collect();
    assert_eq!(bases, vec!["win".to_string()]);
}

#[test]
fn a_listed_word_inside_a_hyphenated_word_is_not_an_action() {
    let text = "A hit-and-run on the main street of Orlem shocked the town on 9 June.";
    let bases: Vec<String> = actions(text).into_iter().map(|(b, _)| b).collect();
    assert_eq!(bases, vec!["shock".to_string()], "{:?}", events(text));
}

#[test]
fn passing_away_is_a_death() {
    let text = "The poet Ana Brell passed away at her home in Orlem on 12 June, her family said.";
    let found = events(text);
    assert!(
        found
            .iter()
            .any(|e| e.event_type == EventType::Deaths && e.trigger == "passed away"),
        "{found:?}"
    );
}

#[test]
fn entering_a_clinic_is_no_deployment() {
    let clinic =
        "The actress has entered the Promena clinic in Orlem on 9 June, her publicist said.";
    let mentions = [mention(clinic, "Promena", EntityKind::Organization)];
    let sentences = corroborate_text::sentences(clinic);
    let found = extract(
        clinic,
        &corroborate_text::tokens(clinic),
        &sentences,
        &simple_timexes(clinic, 2023),
        &mentions,
    );
    assert!(
        found.iter().all(|e| e.event_type != EventType::Deployment),
        "{found:?}"
    );
    let force = "The Northern Alliance entered the border town on 9 June, officials said.";
    let mentions = [mention(
        force,
        "Northern Alliance",
        EntityKind::Organization,
    )];
    let sentences = corroborate_text::sentences(force);
    let found = extract(
        force,
        &corroborate_text::tokens(force),
        &sentences,
        &simple_timexes(force, 2023),
        &mentions,
    );
    assert!(
        found.iter().any(|e| e.event_type == EventType::Deployment),
        "{found:?}"
    );
}
