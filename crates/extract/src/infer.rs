//! Dating undated reports from the events they share with dated ones.
//!
//! An undated report's own text gives a range for its publication date
//! (it was written after the latest date it mentions); a report whose text
//! gives none is tried over the span of the dated reports' publication
//! dates (one more week at the end). Within that range,
//! each candidate day is tried as the publication date: the report's
//! relative expressions ("on Friday", "Wednesday night") are resolved
//! against it, and the candidate scores one point for each of the report's
//! events so dated that matches an event of the same type, on the same
//! day, with shared content words, in a report whose date is known. The
//! best-scoring day wins (the earliest on a tie). When no event matches, the latest day the report writes
//! out in full ("15 January") is taken. Every value that depends on an
//! inferred date stays marked inferred.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use corroborate_model::{
    AnnotatedReport, DateOrigin, DateRange, EventMention, EventType, TimeAnchor,
};

use crate::annotate_with_date;

/// Longest range of candidate days tried per report.
const MAX_CANDIDATE_DAYS: i64 = 21;
/// Content words two event sentences must share to be the same event.
const MIN_SHARED_WORDS: usize = 2;

struct ReferenceEvent {
    event_type: EventType,
    day: NaiveDate,
    words: BTreeSet<String>,
}

/// Narrows the inferred dates of undated reports (or gives one to a report
/// with none) in place, and re-annotates those whose date changed.
pub fn refine_undated(reports: &mut [AnnotatedReport]) {
    let references = reference_events(reports);
    if references.is_empty() {
        return;
    }
    let corpus_range = dated_span(reports);
    for annotated in reports.iter_mut() {
        let meta = &annotated.report.meta;
        let range = match meta.published_origin {
            DateOrigin::Inferred => meta.published_range.clone(),
            DateOrigin::Unknown => corpus_range.clone(),
            _ => None,
        };
        let Some(range) = range else { continue };
        let best = best_candidate(annotated, range.start, range.end, &references)
            .or_else(|| latest_explicit_day(annotated, &range));
        let Some(best) = best else {
            continue;
        };
        if Some(best) != annotated.report.meta.published {
            crate::set_inferred_date(&mut annotated.report, best, range);
            let sentences = std::mem::take(&mut annotated.annotations.sentences);
            annotated.annotations = annotate_with_date(&annotated.report, sentences, None);
        }
    }
}

/// Without a matching event: the latest explicitly written day ("15
/// January"), its year taken from the end of the candidate range, when it
/// falls inside the range's year. Weekday names and other relative words
/// are left out: they would only echo the guess.
fn latest_explicit_day(annotated: &AnnotatedReport, range: &DateRange) -> Option<NaiveDate> {
    let timexes = timexes_for(annotated, range.end);
    timexes
        .iter()
        .filter(|t| t.text.chars().any(|c| c.is_ascii_digit()))
        .filter_map(|t| match (t.start, t.end) {
            (Some(start), Some(end)) if (end - start).num_days() <= 6 => Some(end),
            _ => None,
        })
        .filter(|day| *day <= range.end && (range.start - *day).num_days() <= 366)
        .max()
}

/// From the earliest to a week after the latest known publication date.
fn dated_span(reports: &[AnnotatedReport]) -> Option<DateRange> {
    let mut known = reports
        .iter()
        .filter(|r| is_known(r.report.meta.published_origin))
        .filter_map(|r| r.report.meta.published);
    let first = known.next()?;
    let (start, end) = known.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)));
    Some(DateRange {
        start,
        end: end + Duration::days(7),
    })
}

fn is_known(origin: DateOrigin) -> bool {
    matches!(
        origin,
        DateOrigin::Metadata | DateOrigin::Text | DateOrigin::User
    )
}

fn reference_events(reports: &[AnnotatedReport]) -> Vec<ReferenceEvent> {
    reports
        .iter()
        .filter(|r| is_known(r.report.meta.published_origin))
        .flat_map(|r| {
            r.annotations.events.iter().filter_map(|e| {
                let date = e.date.as_ref().filter(|d| d.start == d.end)?;
                Some(ReferenceEvent {
                    event_type: e.event_type,
                    day: date.start,
                    words: words(e.span.slice(&r.report.text).unwrap_or_default()),
                })
            })
        })
        .collect()
}

/// Time expressions as if the report were published on `dct`: only the
/// stages that depend on the date are re-run.
fn timexes_for(annotated: &AnnotatedReport, dct: NaiveDate) -> Vec<corroborate_model::Timex> {
    let a = &annotated.annotations;
    corroborate_time::tag(&annotated.report.text, &a.sentences, Some(dct), true)
}

fn best_candidate(
    annotated: &AnnotatedReport,
    first: NaiveDate,
    last: NaiveDate,
    references: &[ReferenceEvent],
) -> Option<NaiveDate> {
    let days = (last - first).num_days().clamp(0, MAX_CANDIDATE_DAYS);
    let mut best: Option<(usize, NaiveDate)> = None;
    for offset in 0..=days {
        let day = first + Duration::days(offset);
        let timexes = timexes_for(annotated, day);
        let a = &annotated.annotations;
        let events = corroborate_events::extract(
            &annotated.report.text,
            &a.sentences,
            &timexes,
            &a.mentions,
        );
        let score = events
            .iter()
            .filter(|e| depends_on_dct(e, &timexes))
            .filter(|e| matches_reference(e, &annotated.report.text, references))
            .count();
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, day));
        }
    }
    match best {
        Some((score, day)) if score > 0 => Some(day),
        _ => None,
    }
}

fn depends_on_dct(event: &EventMention, timexes: &[corroborate_model::Timex]) -> bool {
    event
        .timex
        .and_then(|t| timexes.get(t))
        .is_some_and(|t| t.anchor == TimeAnchor::Publication)
}

fn matches_reference(event: &EventMention, text: &str, references: &[ReferenceEvent]) -> bool {
    let Some(date) = event.date.as_ref().filter(|d| d.start == d.end) else {
        return false;
    };
    let own = words(event.span.slice(text).unwrap_or_default());
    references.iter().any(|r| {
        r.event_type == event.event_type
            && r.day == date.start
            && r.words.intersection(&own).count() >= MIN_SHARED_WORDS
    })
}

/// Lower-cased words of five letters or more: names and content words.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .map(str::to_lowercase)
        .collect()
}
