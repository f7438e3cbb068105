//! Finding a publication date line at the top of a report.
//!
//! Only the first 15 lines (and first 1,500 bytes) are searched. A line
//! qualifies when it holds a full date (day, month and year) and either
//! starts with a publication cue ("Published", "Updated", "Posted", "Date:",
//! "First published", "Last updated") or is essentially only a date: apart
//! from the date, a weekday, a clock time, a time zone, a byline of a few
//! words or separators, it has at most 30 letters and no sentence end.
//! "Jan 5 (Reuters) -" has no year and is not accepted; an ordinary
//! narrative sentence containing a date is too long to qualify.

use crate::expr::{Expr, YearSpec};
use crate::extract::candidates;
use chrono::NaiveDate;
use corroborate_model::Span;
use regex::Regex;
use std::sync::LazyLock;

const MAX_LINES: usize = 15;
const MAX_BYTES: usize = 1500;
const MAX_OTHER_LETTERS: usize = 30;

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:first\s+|last\s+)?(?:published|updated|posted|date|dated|modified)\b")
        .unwrap_or_else(|err| panic!("bad cue pattern: {err}"))
});

/// Words that may stand next to a date on a date line.
static NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|gmt|utc|bst|cet|est|edt|pst|am|pm|a\.m\.|p\.m\.|local\s+time|at|on|by)\b|\d{1,2}[:.]\d{2}")
        .unwrap_or_else(|err| panic!("bad noise pattern: {err}"))
});

/// The first publication date line in the head of `text`, with the span of
/// the date itself.
pub fn find_publication_date(text: &str) -> Option<(NaiveDate, Span)> {
    let head_end = floor_boundary(text, MAX_BYTES.min(text.len()));
    let head = text.get(..head_end)?;
    let mut offset = 0;
    for line in head.split_inclusive('\n').take(MAX_LINES) {
        if let Some((date, span)) = date_line(line) {
            return Some((date, Span::new(offset + span.start, offset + span.end)));
        }
        offset += line.len();
    }
    None
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn date_line(line: &str) -> Option<(NaiveDate, Span)> {
    let found = candidates(line);
    let (date, span) = found.iter().find_map(|c| {
        let Expr::Calendar {
            year: Some(YearSpec::Explicit(year)),
            month: Some(month),
            day: Some(day),
            ..
        } = c.expr
        else {
            return None;
        };
        NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, Span::new(c.start, c.end)))
    })?;
    if CUE.is_match(line) || only_a_date(line, span) {
        Some((date, span))
    } else {
        None
    }
}

fn only_a_date(line: &str, span: Span) -> bool {
    let rest = format!(
        "{} {}",
        line.get(..span.start).unwrap_or(""),
        line.get(span.end..).unwrap_or("")
    );
    let rest = NOISE.replace_all(&rest, " ");
    let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    let sentence_end = rest.trim_end().ends_with('.') && letters > 0;
    letters <= MAX_OTHER_LETTERS && !sentence_end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn accepts_date_lines() {
        let text =
            "Unrest spreads in the capital\nTuesday, 11 January, 2022\n\nPolice said on Monday...";
        let (found, span) = find_publication_date(text).expect("date line");
        assert_eq!(Some(found), date(2022, 1, 11));
        assert_eq!(span.slice(text), Some("Tuesday, 11 January, 2022"));
        let text = "Headline here\nBy Jane Roe | January 5, 2022 10:30 GMT\nBody text.";
        assert_eq!(find_publication_date(text).map(|f| f.0), date(2022, 1, 5));
        let text = "Headline\nPublished: 2022-01-07\nText.";
        assert_eq!(find_publication_date(text).map(|f| f.0), date(2022, 1, 7));
        let text = "Headline\nLast updated on 8 January 2022 at 14:00, with new figures from the ministry of health\nText.";
        assert_eq!(find_publication_date(text).map(|f| f.0), date(2022, 1, 8));
    }

    #[test]
    fn rejects_narrative_and_yearless_lines() {
        let text =
            "Headline\nJan 5 (Reuters) - Troops moved into the city of Ardenne on Wednesday.\n";
        assert_eq!(find_publication_date(text), None);
        let text = "Headline\nOn 5 January 2022, security forces opened fire on a crowd in the main square of the town.\n";
        assert_eq!(find_publication_date(text), None);
        let text =
            "Headline\nA photo shows soldiers at a ceremony in Northport, 15 January 2022.\n";
        assert_eq!(find_publication_date(text), None);
    }
}
