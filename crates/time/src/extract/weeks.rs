//! Weekdays and weeks: weekdays and their plurals ("Friday", "Mondays",
//! "tues", "on Fri"), weekdays of a week ("Friday next week"), the nth
//! weekday of a month ("the first Friday of July"), the nth week ("the
//! third week of 2027"), week numbers ("week 10"), the weekend, and day or
//! weekday spans of a relative month or week ("from 4 to 22 this month",
//! "next week between Wednesday and Friday").

use super::context::{glued_to_number, group, next_word, number, the_before, whole, with_the};
use crate::expr::{Candidate, Expr, MonthRef, WeekScope, YearSpec};
use crate::lexicon::{month_number, ordinal_value, part_of_day, weekday, year_from_words};
use regex::Captures;

pub(super) fn parse_weekday(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(wd)) = (whole(caps), group(caps, "wd")) else {
        return vec![];
    };
    let Some(day) = weekday(wd.as_str()) else {
        return vec![];
    };
    if group(caps, "pl").is_some() {
        let value = format!("XXXX-WXX-{}", day.number_from_monday());
        return vec![Candidate::new(start, end, Expr::Set(value))];
    }
    let mut candidate = Candidate::new(start, end, Expr::Weekday(day));
    candidate.part_of_day = group(caps, "part").and_then(|p| part_of_day(p.as_str()));
    vec![candidate]
}

/// "next week Friday", "Friday of next week", "this week on Saturday".
pub(super) fn parse_weekday_of_week(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let (Some(wd), Some(rel)) = (
        group(caps, "wd").or_else(|| group(caps, "wd2")),
        group(caps, "rel").or_else(|| group(caps, "rel2")),
    ) else {
        return vec![];
    };
    let Some(day) = weekday(wd.as_str()) else {
        return vec![];
    };
    let week_offset = match rel.as_str().to_ascii_lowercase().as_str() {
        "next" => 1,
        "last" => -1,
        _ => 0,
    };
    vec![Candidate::new(
        start,
        end,
        Expr::WeekdayOfWeek { day, week_offset },
    )]
}

/// "tues", "thurs" anywhere; "Mon", "Wed", "Sat", "Sun" only after "on".
pub(super) fn parse_weekday_abbreviation(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some(wd) = group(caps, "wd").or_else(|| group(caps, "wd2")) else {
        return vec![];
    };
    let Some(day) = weekday(wd.as_str()) else {
        return vec![];
    };
    vec![Candidate::new(wd.start(), wd.end(), Expr::Weekday(day))]
}

fn nth_value(word: &str) -> Option<i64> {
    match word.to_ascii_lowercase().as_str() {
        "last" => Some(-1),
        other => ordinal_value(other).map(i64::from),
    }
}

/// The month of "… of July 2018", "… of next month".
fn month_ref(caps: &Captures) -> Option<MonthRef> {
    if let Some(m) = group(caps, "m") {
        let year = number(caps, "y").map(|y| YearSpec::Explicit(y as i32));
        return month_number(m.as_str()).map(|m| MonthRef::Named(m, year));
    }
    let rel = group(caps, "rel")?.as_str().to_ascii_lowercase();
    let shift = if rel.ends_with("next") || rel.ends_with("following") {
        1
    } else if rel.ends_with("last") || rel.ends_with("previous") {
        -1
    } else {
        0
    };
    Some(MonthRef::Shift(shift))
}

/// "the first Friday of July", "the last Monday of next month", "second
/// Sunday" (of the reference month).
pub(super) fn parse_nth_weekday(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(n), Some(wd)) =
        (whole(caps), group(caps, "n"), group(caps, "wd"))
    else {
        return vec![];
    };
    let (Some(n), Some(day)) = (nth_value(n.as_str()), weekday(wd.as_str())) else {
        return vec![];
    };
    let start = with_the(text, start);
    let month = month_ref(caps);
    // "the last Friday" alone is "last Friday"; "the first Monday after" is
    // relative to an event.
    if month.is_none()
        && (n < 1 || !matches!(next_word(text, end).as_str(), "" | "at" | "and" | "or"))
    {
        return vec![];
    }
    let month = month.unwrap_or(MonthRef::Shift(0));
    vec![Candidate::new(
        start,
        end,
        Expr::NthWeekday { n, day, month },
    )]
}

/// "the third week of 2027", "the second week of this month".
pub(super) fn parse_nth_week(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(n)) = (whole(caps), group(caps, "n")) else {
        return vec![];
    };
    let Some(n) = nth_value(n.as_str()) else {
        return vec![];
    };
    let start = with_the(text, start);
    let scope = if let Some(rel) = group(caps, "yrel") {
        let offset = match rel.as_str().to_ascii_lowercase().as_str() {
            "next" => 1,
            "last" => -1,
            _ => 0,
        };
        WeekScope::Year(YearSpec::Deictic(offset))
    } else if let Some(y) = number(caps, "yr") {
        WeekScope::Year(YearSpec::Explicit(y as i32))
    } else if let Some(y) = group(caps, "yw").and_then(|w| year_from_words(w.as_str())) {
        WeekScope::Year(YearSpec::Explicit(y))
    } else if let Some(month) = month_ref(caps) {
        WeekScope::Month(month)
    } else {
        return vec![];
    };
    vec![Candidate::new(start, end, Expr::NthWeek { n, scope })]
}

/// "the weekend": in news the latest weekend (this one on a Saturday or
/// Sunday); the span leaves out "over".
pub(super) fn parse_the_weekend(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some(m) = caps.get(0) else {
        return vec![];
    };
    let Some(start) = the_before(text, m.start()) else {
        return vec![];
    };
    vec![Candidate::new(start, m.end(), Expr::RecentWeekend)]
}

/// "week 10": ISO week 10 of the reference year.
pub(super) fn parse_week_number(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(n)) = (whole(caps), number(caps, "n")) else {
        return vec![];
    };
    if !(1..=53).contains(&n) || glued_to_number(text, start, end) {
        return vec![];
    }
    let scope = WeekScope::Year(YearSpec::Deictic(0));
    vec![Candidate::new(
        start,
        end,
        Expr::NthWeek {
            n: i64::from(n),
            scope,
        },
    )]
}

/// "from 4 to 22 this month", "4 till 23 of next month".
pub(super) fn parse_day_span(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(day), Some(day_end)) =
        (whole(caps), number(caps, "d"), number(caps, "d2"))
    else {
        return vec![];
    };
    if !(1..=31).contains(&day)
        || !(day..=31).contains(&day_end)
        || glued_to_number(text, start, end)
    {
        return vec![];
    }
    let Some(month) = month_ref(caps) else {
        return vec![];
    };
    vec![Candidate::new(
        start,
        end,
        Expr::DaySpan {
            day,
            day_end,
            month,
        },
    )]
}

/// "next week between Wednesday and Friday", "this week from Tue to Thur".
pub(super) fn parse_weekday_span(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(rel)) = (whole(caps), group(caps, "rel")) else {
        return vec![];
    };
    let first = group(caps, "wd1").and_then(|w| weekday(w.as_str()));
    let last = group(caps, "wd2").and_then(|w| weekday(w.as_str()));
    let (Some(first), Some(last)) = (first, last) else {
        return vec![];
    };
    let week_offset = match rel.as_str().to_ascii_lowercase().as_str() {
        "next" => 1,
        "last" => -1,
        _ => 0,
    };
    let end = if text_ends_with_dot(caps) {
        end - 1
    } else {
        end
    };
    vec![Candidate::new(
        start,
        end,
        Expr::WeekdaySpan {
            first,
            last,
            week_offset,
        },
    )]
}

fn text_ends_with_dot(caps: &Captures) -> bool {
    caps.get(0).is_some_and(|m| m.as_str().ends_with('.'))
}
