//! Helpers shared by the tests: simple date finding (the time crate is a
//! separate stage) and mention building.

#![allow(dead_code)]

use chrono::NaiveDate;
use corroborate_model::{EntityKind, Mention, Span, TimeAnchor, Timex, TimexType};

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "5 January" and "January 5" as DATE timexes in `year`; "five days" as a
/// DURATION; "now" as PRESENT_REF.
pub(crate) fn simple_timexes(text: &str, year: i32) -> Vec<Timex> {
    let mut found = Vec::new();
    let words: Vec<(usize, &str)> = text.split_word_bound_indices_simple().into_iter().collect();
    for window in words.windows(2) {
        let [(a_at, a), (b_at, b)] = window else {
            continue;
        };
        let (day, month, start, end) =
            if let (Ok(day), Some(m)) = (a.parse::<u32>(), month_index(b)) {
                (day, m, *a_at, b_at + b.len())
            } else if let (Some(m), Ok(day)) = (month_index(a), b.parse::<u32>()) {
                (day, m, *a_at, b_at + b.len())
            } else {
                continue;
            };
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            continue;
        };
        found.push(timex(
            text,
            start,
            end,
            TimexType::Date,
            &date.to_string(),
            Some(date),
        ));
    }
    for (at, word) in &words {
        if *word == "now" {
            found.push(timex(
                text,
                *at,
                at + 3,
                TimexType::Date,
                "PRESENT_REF",
                None,
            ));
        }
    }
    if let Some(at) = text.find("five days") {
        found.push(timex(text, at, at + 9, TimexType::Duration, "P5D", None));
    }
    found.sort_by_key(|t| t.span);
    found
}

fn month_index(word: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == word).map(|i| i as u32 + 1)
}

fn timex(
    text: &str,
    start: usize,
    end: usize,
    timex_type: TimexType,
    value: &str,
    date: Option<NaiveDate>,
) -> Timex {
    Timex {
        span: Span::new(start, end),
        text: text[start..end].to_string(),
        timex_type,
        value: value.to_string(),
        start: date,
        end: date,
        approximate: false,
        anchor: TimeAnchor::Absolute,
        inferred: false,
    }
}

trait SimpleWords {
    fn split_word_bound_indices_simple(&self) -> Vec<(usize, &str)>;
}

impl SimpleWords for str {
    /// Runs of alphanumeric characters with their byte offsets.
    fn split_word_bound_indices_simple(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in self.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s, &self[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, &self[s..]));
        }
        out
    }
}

/// A mention of `name` (its first occurrence) of the given kind.
pub(crate) fn mention(text: &str, name: &str, kind: EntityKind) -> Mention {
    let start = text
        .find(name)
        .unwrap_or_else(|| panic!("{name} not in text"));
    Mention {
        span: Span::new(start, start + name.len()),
        text: name.to_string(),
        kind,
        title: None,
        expansion: None,
    }
}
