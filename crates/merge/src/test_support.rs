//! Builders for hand-made annotated reports in unit tests.

use chrono::NaiveDate;
use corroborate_model::{
    AnnotatedReport, Annotations, DateOrigin, DateValue, EntityKind, EventMention, EventType,
    Interval, Mention, Quantity, Report, ReportMeta, Span, TimeAnchor, Timex, TimexType,
};

pub(crate) fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, d).expect("valid test date")
}

/// A report whose text is `sentences` joined by spaces, one sentence each.
pub(crate) fn report(
    id: &str,
    published: Option<NaiveDate>,
    sentences: &[&str],
) -> AnnotatedReport {
    let text = sentences.join(" ");
    let tokens = corroborate_text::tokens(&text);
    let mut spans = Vec::new();
    let mut at = 0;
    for s in sentences {
        spans.push(Span::new(at, at + s.len()));
        at += s.len() + 1;
    }
    AnnotatedReport {
        report: Report {
            meta: ReportMeta {
                id: id.to_string(),
                source: format!("{id}.txt"),
                published,
                published_origin: if published.is_some() {
                    DateOrigin::Metadata
                } else {
                    DateOrigin::Unknown
                },
                ..ReportMeta::default()
            },
            text,
            removed: Vec::new(),
        },
        annotations: Annotations {
            sentences: spans,
            tokens,
            ..Annotations::default()
        },
    }
}

fn find(r: &AnnotatedReport, needle: &str) -> Span {
    let start = r
        .report
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in test text"));
    Span::new(start, start + needle.len())
}

pub(crate) fn add_mention(r: &mut AnnotatedReport, text: &str, kind: EntityKind) -> usize {
    let span = find(r, text);
    r.annotations.mentions.push(Mention {
        span,
        text: text.to_string(),
        kind,
        title: None,
        expansion: None,
    });
    r.annotations.mentions.len() - 1
}

pub(crate) fn add_timex(r: &mut AnnotatedReport, text: &str, date: NaiveDate) -> usize {
    let span = find(r, text);
    r.annotations.timexes.push(Timex {
        span,
        text: text.to_string(),
        timex_type: TimexType::Date,
        value: date.format("%Y-%m-%d").to_string(),
        start: Some(date),
        end: Some(date),
        approximate: false,
        anchor: TimeAnchor::Absolute,
        inferred: false,
    });
    r.annotations.timexes.len() - 1
}

/// An event in the sentence holding `trigger`, dated by timex `timex`.
pub(crate) fn add_event(
    r: &mut AnnotatedReport,
    event_type: EventType,
    trigger: &str,
    timex: Option<usize>,
    participants: Vec<usize>,
) {
    let trigger_span = find(r, trigger);
    let sentence = r
        .annotations
        .sentences
        .iter()
        .copied()
        .find(|s| s.contains(trigger_span))
        .unwrap_or(trigger_span);
    let date = timex
        .and_then(|t| r.annotations.timexes.get(t))
        .map(|t| DateValue {
            value: t.value.clone(),
            start: t.start.unwrap_or(NaiveDate::MIN),
            end: t.end.unwrap_or(NaiveDate::MIN),
        });
    r.annotations.events.push(EventMention {
        span: sentence,
        event_type,
        trigger: trigger.to_string(),
        trigger_span,
        date,
        timex,
        date_basis: corroborate_model::DateBasis::Clause,
        participants,
        action: None,
    });
}

pub(crate) fn add_quantity(
    r: &mut AnnotatedReport,
    text: &str,
    value: f64,
    interval: Interval,
    concept: &str,
    scope: Option<&str>,
) -> usize {
    let span = find(r, text);
    r.annotations.quantities.push(Quantity {
        span,
        text: text.to_string(),
        value,
        interval,
        unit: None,
        concept: Some(concept.to_string()),
        qualifier: None,
        scope: scope.map(str::to_string),
        part_of: None,
    });
    r.annotations.quantities.len() - 1
}
