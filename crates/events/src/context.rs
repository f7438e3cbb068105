//! Dating events from the narrative when their clause has no date.
//!
//! A report tells events in order: after "On the evening of 5 May, the
//! governor appealed for help.", the next sentence "Subsequently, the
//! alliance announced a mission." happened on or soon after 5 May though
//! it names no date. The narrative's current date is the date of the last
//! event dated by its own clause, within the same paragraph; an undated
//! event in a later sentence of that paragraph takes it, less precisely,
//! by how its sentence opens:
//!
//! | opening | example | date given | basis |
//! |---------|---------|------------|-------|
//! | simultaneity | "Meanwhile", "At the same time", "That day" | the current date | `context_same` |
//! | sequence | "Subsequently", "Later", "Then", "Afterwards", "Soon after" | the current date to [`AFTER_WINDOW_DAYS`] days after it | `context_after` |
//! | none | "Police fired tear gas." | the current date's month (or year, when it names only a year) | `context_period` |
//!
//! A sentence that has a date of its own which may not date the event
//! ("since 2019", "until 1997") keeps its event undated, as does any event
//! before the paragraph's first dated event, and nothing crosses a
//! paragraph break (a background paragraph starts its own narrative). The
//! publication date is never a context by itself; only a dated event is.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate};
use corroborate_model::{DateBasis, DateValue, EventMention, Span, Timex, TimexType};
use regex::Regex;

use crate::lexicon::compile;

/// Days after the current date that "Subsequently, …" may still fall on.
pub const AFTER_WINDOW_DAYS: u64 = 3;

/// Sentence openings that keep the narrative's current date.
static SAME_TIME_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\W*(?:meanwhile|at\s+the\s+same\s+time|simultaneously|that\s+same\s+day|the\s+same\s+day|that\s+day|on\s+the\s+same\s+day)\b")
        .expect("constant regex is valid")
});

/// Sentence openings that move the narrative a little forward.
static SEQUENCE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\W*(?:subsequently|later|afterwards?|then|thereafter|soon\s+after(?:wards)?|shortly\s+after(?:wards)?|after\s+that|following\s+this|in\s+response|in\s+turn)\b")
        .expect("constant regex is valid")
});

/// The narrative's current date: the last clause-dated event's.
struct Current {
    date: DateValue,
    timex: Option<usize>,
    sentence: usize,
}

/// Gives undated `events` (in text order) a date from the narrative
/// context, following the module table.
pub(crate) fn date_from_context(
    text: &str,
    sentences: &[Span],
    timexes: &[Timex],
    events: &mut [EventMention],
) {
    let mut current: Option<Current> = None;
    for event in events.iter_mut() {
        let Some(sentence) = Span::index_containing(sentences, event.trigger_span.start) else {
            continue;
        };
        if let Some(date) = event.date.clone() {
            current = Some(Current {
                date,
                timex: event.timex,
                sentence,
            });
            continue;
        }
        let Some(context) = current.as_ref() else {
            continue;
        };
        if context.sentence >= sentence
            || crosses_paragraph(text, sentences, context.sentence, sentence)
            || has_own_date(timexes, sentences[sentence])
        {
            continue;
        }
        let opening = sentences[sentence].slice(text).unwrap_or("");
        let (date, basis) = context_date(&context.date, opening);
        event.date = date;
        event.timex = context.timex;
        event.date_basis = basis;
    }
}

/// A line break between the two sentences: a new paragraph.
fn crosses_paragraph(text: &str, sentences: &[Span], from: usize, to: usize) -> bool {
    let (Some(first), Some(last)) = (sentences.get(from), sentences.get(to)) else {
        return true;
    };
    Span::new(first.end, last.start.max(first.end))
        .slice(text)
        .is_none_or(|between| between.contains('\n'))
}

/// The sentence names a date or time of its own.
fn has_own_date(timexes: &[Timex], sentence: Span) -> bool {
    timexes.iter().any(|t| {
        sentence.contains(t.span) && matches!(t.timex_type, TimexType::Date | TimexType::Time)
    })
}

fn context_date(current: &DateValue, sentence: &str) -> (Option<DateValue>, DateBasis) {
    if SAME_TIME_OPENING.is_match(sentence) {
        return (Some(current.clone()), DateBasis::ContextSame);
    }
    if SEQUENCE_OPENING.is_match(sentence) {
        return (shortly_after(current), DateBasis::ContextAfter);
    }
    (period_around(current), DateBasis::ContextPeriod)
}

/// From the current date's first day to a few days after its last.
fn shortly_after(current: &DateValue) -> Option<DateValue> {
    let end = current.end.checked_add_days(Days::new(AFTER_WINDOW_DAYS))?;
    Some(DateValue {
        value: format!("{}/{}", current.start, end),
        start: current.start,
        end,
    })
}

/// The month of a date within one month, else the year of a date within
/// one year; wider dates stay as they are.
fn period_around(current: &DateValue) -> Option<DateValue> {
    let (start, end) = (current.start, current.end);
    if (start.year(), start.month()) == (end.year(), end.month()) {
        let first = NaiveDate::from_ymd_opt(start.year(), start.month(), 1)?;
        let next = first.checked_add_months(chrono::Months::new(1))?;
        return Some(DateValue {
            value: format!("{:04}-{:02}", start.year(), start.month()),
            start: first,
            end: next.pred_opt()?,
        });
    }
    if start.year() == end.year() {
        return Some(DateValue {
            value: format!("{:04}", start.year()),
            start: NaiveDate::from_ymd_opt(start.year(), 1, 1)?,
            end: NaiveDate::from_ymd_opt(start.year(), 12, 31)?,
        });
    }
    Some(current.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2031, 5, d).unwrap_or_default()
    }

    fn may(d: u32) -> DateValue {
        DateValue {
            value: format!("2031-05-{d:02}"),
            start: day(d),
            end: day(d),
        }
    }

    #[test]
    fn openings_choose_the_relation() {
        let (date, basis) = context_date(&may(5), "Subsequently, the alliance sent troops.");
        assert_eq!(basis, DateBasis::ContextAfter);
        let date = date.expect("a date");
        assert_eq!((date.start, date.end), (day(5), day(8)));
        assert_eq!(date.value, "2031-05-05/2031-05-08");

        let (date, basis) = context_date(&may(5), "Meanwhile, the port was closed.");
        assert_eq!(basis, DateBasis::ContextSame);
        assert_eq!(date, Some(may(5)));

        let (date, basis) = context_date(&may(5), "Police fired tear gas.");
        assert_eq!(basis, DateBasis::ContextPeriod);
        let date = date.expect("a date");
        assert_eq!(date.value, "2031-05");
        assert_eq!((date.start, date.end), (day(1), day(31)));
    }

    #[test]
    fn a_year_stays_a_year() {
        let year = DateValue {
            value: "2011".into(),
            start: NaiveDate::from_ymd_opt(2011, 1, 1).unwrap_or_default(),
            end: NaiveDate::from_ymd_opt(2011, 12, 31).unwrap_or_default(),
        };
        let (date, _) = context_date(&year, "Police killed fourteen strikers.");
        assert_eq!(date, Some(year));
    }

    #[test]
    fn thenceforth_is_not_then() {
        assert!(!SEQUENCE_OPENING.is_match("Thenceforth the rules changed."));
        assert!(SEQUENCE_OPENING.is_match("“Then the shooting started."));
    }
}
