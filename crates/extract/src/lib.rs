//! The per-report pipeline: stateless extraction, run in parallel.
//!
//! For one report, in order: sentences and tokens (the text is tokenized
//! once here, with `corroborate_text::tokens`, and the tokens are passed
//! to the stages); the publication date (metadata, else a date line in
//! the text); entity mentions; time expressions anchored on that date;
//! quantities; attributions and hedges; events dated by their time
//! expressions (and, for a report whose date is known, the lead's
//! present-perfect news by that date: [`corroborate_events::date_lead_events`]). A report without any date gets
//! one inferred from what it says ([`corroborate_time::infer_publication_date`]),
//! and [`infer::refine_undated`] later narrows it using the events it
//! shares with dated reports.
//!
//! Nothing here looks at another report: [`extract_all`] maps reports to
//! annotations with rayon, and cross-report work belongs to the merge
//! stage.

pub mod infer;

use chrono::NaiveDate;
use corroborate_model::{
    AnnotatedReport, Annotations, DateOrigin, DateRange, Report, ReportMeta, Span,
};
use rayon::prelude::*;

/// Runs every extraction stage on one report, filling in its publication
/// date when the text states or implies one.
pub fn extract(mut report: Report) -> AnnotatedReport {
    let sentences = corroborate_text::sentences(&report.text);
    if !report.meta.is_english() {
        // The stages below are English-only; the report is kept and listed.
        let annotations = Annotations {
            sentences,
            ..Annotations::default()
        };
        return AnnotatedReport {
            report,
            annotations,
        };
    }
    find_date_in_text(&mut report);
    let recognized = corroborate_time::Recognized::new(&report.text);
    let mut annotations = annotate(&report, sentences, &recognized);
    if report.meta.published.is_none() {
        if let Some((earliest, latest)) =
            corroborate_time::infer_publication_date(&report.text, &annotations.timexes)
        {
            set_inferred_date(
                &mut report.meta,
                earliest,
                DateRange {
                    start: earliest,
                    end: latest,
                },
            );
            redate(&report, &mut annotations, &recognized);
        }
    }
    drop(recognized);
    AnnotatedReport {
        report,
        annotations,
    }
}

/// Extracts every report in parallel, calling `on_done` after each.
pub fn extract_all(reports: Vec<Report>, on_done: &(dyn Fn() + Sync)) -> Vec<AnnotatedReport> {
    reports
        .into_par_iter()
        .map(|report| {
            let annotated = extract(report);
            on_done();
            annotated
        })
        .collect()
}

/// Runs every stage on a report's sentences, resolving its (already
/// recognized) time expressions against its own publication date.
fn annotate(
    report: &Report,
    sentences: Vec<Span>,
    recognized: &corroborate_time::Recognized,
) -> Annotations {
    let text = report.text.as_str();
    let meta = &report.meta;
    let date = meta.published;
    let inferred = meta.published_origin == DateOrigin::Inferred;
    let tokens = corroborate_text::tokens(text);
    let mentions = corroborate_ner::extract(text, &sentences, &tokens);
    let timexes = recognized.resolve(date, inferred);
    let quantities = corroborate_quantity::outside_spans(
        corroborate_quantity::extract(text, &sentences, &tokens),
        &date_spans(&timexes),
    );
    let attributions = corroborate_attrib::extract(text, &sentences, &tokens, &mentions);
    let mut events = corroborate_events::extract(text, &tokens, &sentences, &timexes, &mentions);
    if let (Some(published), false) = (date, inferred) {
        let lead = corroborate_events::LeadContext {
            text,
            tokens: &tokens,
            sentences: &sentences,
            timexes: &timexes,
            published,
        };
        corroborate_events::date_lead_events(&lead, &mut events);
    }
    corroborate_events::drop_undated_general_actions(&mut events);
    Annotations {
        sentences,
        tokens,
        mentions,
        timexes,
        quantities,
        attributions,
        events,
    }
}

/// Re-runs only the stages that depend on the publication date (time
/// expressions and event dates) after the report's date changed; names,
/// figures and attributions do not depend on it.
pub(crate) fn redate(
    report: &Report,
    annotations: &mut Annotations,
    recognized: &corroborate_time::Recognized,
) {
    let text = report.text.as_str();
    let inferred = report.meta.published_origin == DateOrigin::Inferred;
    annotations.timexes = recognized.resolve(report.meta.published, inferred);
    let tokens = tokens_of(text, &annotations.tokens);
    annotations.events = corroborate_events::extract(
        text,
        &tokens,
        &annotations.sentences,
        &annotations.timexes,
        &annotations.mentions,
    );
    corroborate_events::drop_undated_general_actions(&mut annotations.events);
}

/// The spans of a report's dates and clock times, which hold no figure.
pub fn date_spans(timexes: &[corroborate_model::Timex]) -> Vec<Span> {
    timexes
        .iter()
        .filter(|t| {
            matches!(
                t.timex_type,
                corroborate_model::TimexType::Date | corroborate_model::TimexType::Time
            )
        })
        .map(|t| t.span)
        .collect()
}

/// A report's tokens: the stored ones, or the text tokenized again when
/// they were released to save memory (a store keeps annotations without
/// tokens, and `analyze` frees them before merging).
pub(crate) fn tokens_of<'a>(
    text: &str,
    stored: &'a [corroborate_model::Token],
) -> std::borrow::Cow<'a, [corroborate_model::Token]> {
    if stored.is_empty() && !text.trim().is_empty() {
        std::borrow::Cow::Owned(corroborate_text::tokens(text))
    } else {
        std::borrow::Cow::Borrowed(stored)
    }
}

/// Reads a date line from the text when metadata gave no date.
fn find_date_in_text(report: &mut Report) {
    if report.meta.published.is_some() {
        return;
    }
    if let Some((date, span)) = corroborate_time::find_publication_date(&report.text) {
        report.meta.published = Some(date);
        report.meta.published_origin = DateOrigin::Text;
        report.meta.published_span = Some(span);
    }
}

pub(crate) fn set_inferred_date(meta: &mut ReportMeta, date: NaiveDate, range: DateRange) {
    meta.published = Some(date);
    meta.published_origin = DateOrigin::Inferred;
    meta.published_range = Some(range);
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::{EventType, ReportMeta};

    fn report(id: &str, text: &str, published: Option<NaiveDate>) -> Report {
        Report {
            meta: ReportMeta {
                id: id.to_string(),
                published,
                published_origin: if published.is_some() {
                    DateOrigin::Metadata
                } else {
                    DateOrigin::Unknown
                },
                ..ReportMeta::default()
            },
            text: text.to_string(),
            removed: Vec::new(),
        }
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, m, d).expect("valid date")
    }

    #[test]
    fn the_day_of_a_date_is_no_figure() {
        let got = extract(report(
            "a",
            "He was hurt on Dec. 12 when 3 people died; the quake struck at 1353 (1023 GMT).",
            Some(day(12, 20)),
        ));
        let figures: Vec<&str> = got
            .annotations
            .quantities
            .iter()
            .filter_map(|q| q.span.slice(&got.report.text))
            .collect();
        assert_eq!(figures, ["3"]);
    }

    #[test]
    fn a_date_line_in_the_text_becomes_the_publication_date() {
        let got = extract(report(
            "a",
            "Unrest in Lirona\nThursday, 14 March, 2024\n\nPolice fired on protesters on Tuesday.",
            None,
        ));
        assert_eq!(got.report.meta.published, Some(day(3, 14)));
        assert_eq!(got.report.meta.published_origin, DateOrigin::Text);
        let tuesday = got
            .annotations
            .timexes
            .iter()
            .find(|t| t.text.contains("Tuesday"))
            .expect("weekday tagged");
        assert_eq!(tuesday.value, "2024-03-12");
    }

    #[test]
    fn an_undated_report_is_dated_after_the_latest_day_it_mentions() {
        let got = extract(report(
            "a",
            "Troops arrived on 5 March 2024. Talks began on 7 March 2024.",
            None,
        ));
        assert_eq!(got.report.meta.published, Some(day(3, 7)));
        assert_eq!(got.report.meta.published_origin, DateOrigin::Inferred);
        let range = got.report.meta.published_range.expect("range kept");
        assert!(range.end > range.start);
    }

    #[test]
    fn reports_in_other_languages_keep_only_sentences() {
        let mut r = report(
            "a",
            "Die Polizei nahm am Dienstag mehr als 300 Menschen fest. Der Minister sprach.",
            Some(day(3, 6)),
        );
        r.meta.language = Some("deu".into());
        let got = extract(r);
        assert_eq!(got.annotations.sentences.len(), 2);
        assert!(got.annotations.quantities.is_empty() && got.annotations.events.is_empty());
    }

    #[test]
    fn every_stage_runs_and_offsets_fit_the_text() {
        let text = "On 5 March 2024 police detained more than 300 protesters in Lirona, the interior ministry said.";
        let got = extract(report("a", text, Some(day(3, 6))));
        let a = &got.annotations;
        assert_eq!(a.sentences.len(), 1);
        assert!(a.timexes.iter().any(|t| t.value == "2024-03-05"));
        let q = a.quantities.first().expect("figure found");
        assert_eq!(q.interval.low, Some(300.0));
        assert!(!q.interval.low_inclusive);
        assert!(a.attributions.iter().any(|at| at.cue.contains("said")));
        assert!(a.events.iter().any(|e| e.event_type == EventType::Arrest));
        for m in &a.mentions {
            assert_eq!(m.span.slice(text), Some(m.text.as_str()));
        }
    }

    #[test]
    fn weekday_events_in_an_undated_report_are_dated_through_a_dated_report() {
        let dated = extract(report(
            "dated",
            "On 5 March 2024 President Pavel Ostrov dismissed the government of Lirona.",
            Some(day(3, 6)),
        ));
        let undated = extract(report(
            "undated",
            "On Tuesday President Pavel Ostrov dismissed the government of Lirona after days of protests.",
            None,
        ));
        assert_eq!(undated.report.meta.published, None);
        let mut all = vec![dated, undated];
        infer::refine_undated(&mut all);
        let refined = &all[1];
        assert_eq!(refined.report.meta.published_origin, DateOrigin::Inferred);
        let dismissal = refined
            .annotations
            .events
            .iter()
            .find(|e| e.event_type == EventType::Dismissal)
            .expect("dismissal found");
        assert_eq!(dismissal.date.as_ref().map(|d| d.start), Some(day(3, 5)));
    }

    #[test]
    fn a_general_action_dates_no_undated_report() {
        // "reopened" is a general action of no known kind: too common a
        // word to say the two reports tell one happening.
        let dated = extract(report(
            "dated",
            "The harbour authority of Lirona reopened the northern quay on 5 March 2024 after repairs.",
            Some(day(3, 6)),
        ));
        assert!(dated.annotations.events.iter().any(|e| e.action.is_some()));
        let undated = extract(report(
            "undated",
            "The harbour authority of Lirona reopened the northern quay on Tuesday after repairs.",
            None,
        ));
        let mut all = vec![dated, undated];
        infer::refine_undated(&mut all);
        assert_eq!(all[1].report.meta.published, None);
    }

    #[test]
    fn a_death_of_another_person_dates_no_undated_report() {
        let dated = extract(report(
            "dated",
            "The harbour official Pavel Ostrov died on 5 March 2024 in Lirona.",
            Some(day(3, 6)),
        ));
        let undated = extract(report(
            "undated",
            "The harbour official Marta Kessel died on Tuesday in Lirona.",
            None,
        ));
        let mut all = vec![dated, undated];
        infer::refine_undated(&mut all);
        assert_eq!(all[1].report.meta.published, None);
        // The same death of the same person does date it.
        let same = extract(report(
            "same",
            "The harbour official Pavel Ostrov died on Tuesday in Lirona.",
            None,
        ));
        all[1] = same;
        infer::refine_undated(&mut all);
        assert_eq!(all[1].report.meta.published_origin, DateOrigin::Inferred);
    }

    #[test]
    fn an_undated_report_is_dated_through_a_report_dated_only_by_its_narrative() {
        let dated = extract(report(
            "dated",
            "Talks between the government and the unions resumed in Lirona on 11 March 2024.",
            Some(day(3, 12)),
        ));
        let narrative = extract(report(
            "narrative",
            "On the evening of 5 March, President Pavel Ostrov appealed to the Northern Pact for help. \
             Subsequently, Pact chairman Ilse Varga announced that the Pact would send a peacekeeping \
             mission to Lirona.",
            None,
        ));
        let weekday = extract(report(
            "weekday",
            "Pact chairman Ilse Varga announced on Tuesday night that Pact forces are entering Lirona. \
             President Pavel Ostrov said on Thursday that order had been restored.",
            None,
        ));
        let mut all = vec![dated, narrative, weekday];
        infer::refine_undated(&mut all);
        let event_day = |r: &AnnotatedReport, kind: EventType| {
            r.annotations
                .events
                .iter()
                .find(|e| e.event_type == kind)
                .and_then(|e| e.date.as_ref())
                .map(|d| (d.start, d.end))
        };
        let narrative = &all[1];
        assert_eq!(narrative.report.meta.published, Some(day(3, 5)));
        assert_eq!(
            event_day(narrative, EventType::Statement),
            Some((day(3, 5), day(3, 8))),
            "\"Subsequently\" dates the announcement on or shortly after 5 March"
        );
        let weekday = &all[2];
        assert_eq!(weekday.report.meta.published_origin, DateOrigin::Inferred);
        let statements: Vec<_> = weekday
            .annotations
            .events
            .iter()
            .filter(|e| e.event_type == EventType::Statement)
            .filter_map(|e| e.date.as_ref().map(|d| d.start))
            .collect();
        assert_eq!(statements, vec![day(3, 5), day(3, 7)]);
    }
}
