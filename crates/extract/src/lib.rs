//! The per-report pipeline: stateless extraction, run in parallel.
//!
//! For one report, in order: sentences and tokens; the publication date
//! (metadata, else a date line in the text); entity mentions; time
//! expressions anchored on that date; quantities; attributions and hedges;
//! events dated by their time expressions. A report without any date gets
//! one inferred from what it says ([`corroborate_time::infer_publication_date`]),
//! and [`infer::refine_undated`] later narrows it using the events it
//! shares with dated reports.
//!
//! Nothing here looks at another report: [`extract_all`] maps reports to
//! annotations with rayon, and cross-report work belongs to the merge
//! stage.

pub mod infer;

use chrono::NaiveDate;
use corroborate_model::{AnnotatedReport, Annotations, DateOrigin, DateRange, Report, Span};
use rayon::prelude::*;

/// Runs every extraction stage on one report, filling in its publication
/// date when the text states or implies one.
pub fn extract(mut report: Report) -> AnnotatedReport {
    let sentences = corroborate_text::sentences(&report.text);
    find_date_in_text(&mut report);
    let mut annotations = annotate_with_date(&report, sentences, None);
    if report.meta.published.is_none() {
        if let Some((earliest, latest)) =
            corroborate_time::infer_publication_date(&annotations.timexes)
        {
            set_inferred_date(
                &mut report,
                earliest,
                DateRange {
                    start: earliest,
                    end: latest,
                },
            );
            let sentences = std::mem::take(&mut annotations.sentences);
            annotations = annotate_with_date(&report, sentences, None);
        }
    }
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

/// Annotates a report as if published on `dct` (the report's own date
/// when `None`).
pub fn annotate_with_date(
    report: &Report,
    sentences: Vec<Span>,
    dct: Option<NaiveDate>,
) -> Annotations {
    let text = report.text.as_str();
    let meta = &report.meta;
    let date = dct.or(meta.published);
    let inferred = meta.published_origin == DateOrigin::Inferred;
    let tokens = corroborate_text::tokens(text);
    let mentions = corroborate_ner::extract(text, &sentences);
    let timexes = corroborate_time::tag(text, &sentences, date, inferred);
    let quantities = corroborate_quantity::extract(text, &sentences);
    let attributions = corroborate_attrib::extract(text, &sentences, &mentions);
    let events = corroborate_events::extract(text, &sentences, &timexes, &mentions);
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

pub(crate) fn set_inferred_date(report: &mut Report, date: NaiveDate, range: DateRange) {
    report.meta.published = Some(date);
    report.meta.published_origin = DateOrigin::Inferred;
    report.meta.published_range = Some(range);
}
