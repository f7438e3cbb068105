//! Checks on the real seed reports, read from `$CORROBORATE_SHARED`.
//!
//! Skipped when the variable is unset; fails when it is set but the seeds
//! are missing. Dates are found by the simple "5 January"/"January 5"
//! finder in `common` (the time crate is a separate stage).

mod common;

use chrono::NaiveDate;
use corroborate_events::extract;
use corroborate_model::{EventMention, EventType};

fn seed_texts() -> Option<Vec<String>> {
    Some(
        corroborate_testkit::seed_texts()?
            .into_iter()
            .map(|(_, text)| text)
            .collect(),
    )
}

#[test]
fn seed_events() {
    let Some(texts) = seed_texts() else {
        eprintln!("CORROBORATE_SHARED unset: skipping seed test");
        return;
    };
    let mut all: Vec<(String, EventMention)> = Vec::new();
    for text in &texts {
        let sentences = corroborate_text::sentences(text);
        let timexes = common::simple_timexes(text, 2022);
        for event in extract(
            text,
            &corroborate_text::tokens(text),
            &sentences,
            &timexes,
            &[],
        ) {
            let clause = event
                .span
                .slice(text)
                .expect("event span on char boundaries");
            assert!(event.trigger_span.slice(text).is_some());
            let date = event
                .date
                .as_ref()
                .map_or("-".to_string(), |d| d.value.clone());
            println!(
                "{:<24} {:<22} {date:<11} | {clause}",
                event.event_type.as_str(),
                event.trigger
            );
            all.push((clause.to_string(), event));
        }
    }
    assert!(all.len() >= 20, "only {} event mentions", all.len());
    let jan = |d: u32| NaiveDate::from_ymd_opt(2022, 1, d);
    let dismissal_on_jan_5 = all.iter().any(|(clause, e)| {
        e.event_type == EventType::Dismissal
            && clause.contains("January 5")
            && e.date.as_ref().map(|d| d.start) == jan(5)
    });
    assert!(dismissal_on_jan_5, "no dismissal dated January 5");
    let dismissal_on_jan_6 = all.iter().any(|(_, e)| {
        e.event_type == EventType::Dismissal && e.date.as_ref().map(|d| d.start) == jan(6)
    });
    assert!(
        dismissal_on_jan_6,
        "the second clause's removal is not dated January 6"
    );
    for event_type in [
        EventType::Protest,
        EventType::Violence,
        EventType::Deaths,
        EventType::Arrest,
        EventType::RequestForHelp,
        EventType::Deployment,
        EventType::Withdrawal,
        EventType::CommunicationsShutdown,
        EventType::EconomicMeasure,
        EventType::StateOfEmergency,
    ] {
        assert!(
            all.iter().any(|(_, e)| e.event_type == event_type),
            "no {event_type:?} event in the seeds"
        );
    }
}
