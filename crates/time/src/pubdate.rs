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

/// A date in the path of a web address: "/2013/05/03/", "/2012-08-07/",
/// "/ 2013 / may / 03 /" (spaced as detokenized corpora write it), or a
/// month alone ("/2013/09/").
static ADDRESS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/\s*(?P<y>(?:19|20)\d\d)\s*[/-]\s*(?P<m>\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\s*(?:[/-]\s*(?P<d>\d{1,2})\s*)?(?:/|$|[^\d\s/-])")
        .unwrap_or_else(|err| panic!("bad address date pattern: {err}"))
});

/// The first publication date line in the head of `text`, with the span of
/// the date itself; failing that, a full date in the path of a web address
/// standing on a line of its own there (news sites date their addresses
/// by the day of publication).
pub fn find_publication_date(text: &str) -> Option<(NaiveDate, Span)> {
    let head_end = floor_boundary(text, MAX_BYTES.min(text.len()));
    let head = text.get(..head_end)?;
    let lines = || {
        head.split_inclusive('\n')
            .take(MAX_LINES)
            .scan(0, |offset, line| {
                let start = *offset;
                *offset += line.len();
                Some((start, line))
            })
    };
    lines()
        .find_map(|(start, line)| shifted(date_line(line), start))
        .or_else(|| lines().find_map(|(start, line)| shifted(address_date(line), start)))
}

fn shifted(found: Option<(NaiveDate, Span)>, offset: usize) -> Option<(NaiveDate, Span)> {
    found.map(|(date, span)| (date, Span::new(offset + span.start, offset + span.end)))
}

/// A full date in a line that is a web address.
fn address_date(line: &str) -> Option<(NaiveDate, Span)> {
    match address_date_or_month(line)? {
        (date, span, true) => Some((date, span)),
        _ => None,
    }
}

/// A date in a line that is a web address, and whether it names the day
/// (else it is the first of the month it names).
fn address_date_or_month(line: &str) -> Option<(NaiveDate, Span, bool)> {
    if !corroborate_text::in_web_address(line, 0) {
        return None;
    }
    let caps = ADDRESS_DATE.captures(line)?;
    let (y, m) = (caps.name("y")?, caps.name("m")?);
    let month = m
        .as_str()
        .parse::<u32>()
        .ok()
        .or_else(|| crate::lexicon::month_number(m.as_str()))?;
    let day = caps.name("d");
    let day_number = day.map_or(Some(1), |d| d.as_str().parse().ok())?;
    let date = NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, month, day_number)?;
    let end = day.map_or(m.end(), |d| d.end());
    Some((date, Span::new(y.start(), end), day.is_some()))
}

/// The earliest day a report can have been published by the date in its
/// web address at the head of its text: that day, or the first of the
/// month the address names.
pub(crate) fn address_floor(text: &str) -> Option<NaiveDate> {
    let head_end = floor_boundary(text, MAX_BYTES.min(text.len()));
    text.get(..head_end)?
        .split_inclusive('\n')
        .take(MAX_LINES)
        .find_map(address_date_or_month)
        .map(|(date, _, _)| date)
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
    fn a_dated_web_address_gives_the_date_when_no_date_line_does() {
        let text = "http://www.example.com/2013/05/03/news/quake-story\nQuake hits\nText.";
        let (found, span) = find_publication_date(text).expect("address date");
        assert_eq!(Some(found), date(2013, 5, 3));
        assert_eq!(span.slice(text), Some("2013/05/03"));
        let spaced = "http: / / articles. example. com / 2013 / may / 03 / local / story\nText.";
        assert_eq!(find_publication_date(spaced).map(|f| f.0), date(2013, 5, 3));
        let iso = "http: / / articles. example. com / 2012-08-07 / fire-crews _ 331\nText.";
        assert_eq!(find_publication_date(iso).map(|f| f.0), date(2012, 8, 7));
        // A date line wins over the address; an address without a day gives none.
        let both = "http://x.com/2013/05/03/a\nHeadline\nPublished: 2 May 2013\nText.";
        assert_eq!(find_publication_date(both).map(|f| f.0), date(2013, 5, 2));
        let month_only = "http://x.com/2013/05/story-about-9-people\nText.";
        assert_eq!(find_publication_date(month_only), None);
        assert_eq!(address_floor(month_only), date(2013, 5, 1));
        // A date in a sentence's link is no publication date.
        let prose = "Headline\nThe ministry posted figures at http://gov.x/2013/05/01/a today.\n";
        assert_eq!(find_publication_date(prose), None);
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
