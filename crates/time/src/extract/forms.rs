//! Further date forms, each with its own pattern and parser:
//!
//! | form | example | reading |
//! |---|---|---|
//! | month glued to a day | "april22", "22april", "Oct2", "january12,2016" | that day |
//! | numeric month/day | "on 4/22", "22/04", "on 4-22", "10/1" | that day (US order unless the first number is > 12) |
//! | two-digit year | "9-18-15" | 2015-09-18 |
//! | year first | "2015.5.13", "2019-sep-1", "2019/sep/01" | that day |
//! | dotted day | "16. Nov. 2016" | that day |
//! | year and month | "2016 November", "2016, nov", "2016 - 11", "11 / 2016" | that month |
//! | weekday abbreviation | "tues", "thurs", "on Fri" | a weekday |
//! | nth weekday | "the first Friday of July", "second Sunday" | that weekday of the month (bare: the reference month) |
//! | nth week | "the third week of 2027", "the second week of this month" | that Monday–Sunday week |
//! | week number | "week 10" | ISO week of the reference year |
//! | unit after next | "the week after next", "the month after the next" | two units on |
//! | rest of a unit | "rest of my week" | base day to the unit's end |
//! | day span of a relative month | "from 4 to 22 this month" | those days |
//! | weekday span of a relative week | "next week between Wednesday and Friday" | those days |
//! | bare day | "on 15", "15 at 8:00", "5th at 4 a.m." | day of the month |
//! | end of a day | "the end of the day", "end of tomorrow", "the eod" | 23:59:59 of that day |
//! | compound duration | "1 year 1 month 21 days" | P1Y1M21D |
//! | year number | "year 247" | that year |
//! | the weekend | "over the weekend" | the latest weekend |
//! | quarter of a relative year | "the third quarter this year", "Q3 next year", "the third- quarter" | that quarter |
//! | decade | "the 70s", "70's", "the seventies", "the nineteen seventies", "the noughties" | that decade |
//! | year in words | "in nineteen twenty eight" | that year |
//! | compound shift | "1 month 21 days ago", "2 years 21 days later" | months, then days, from the base day |
//! | shift from a day | "two days after today", "three weeks from tomorrow" | counted from that day |

use super::{
    calendar, glued_to_number, group, next_word, number, pattern, previous_word, whole, Candidate,
    Pattern, COUNTED_NOUNS,
};
use crate::expr::{Base, Expr, MonthRef, WeekScope, YearSpec};
use crate::lexicon::{
    count_value, month_number, ordinal_value, weekday, year_from_words, Unit, MONTH_RE, NUMBER_RE,
    WEEKDAY_FULL_RE, WEEKDAY_RE,
};
use regex::Captures;

/// Month names and abbreviations with no word boundary after them, for
/// forms glued to digits ("april22").
const MONTH_GLUED: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)";

/// A year in words (see `lexicon::year_from_words`).
pub(super) const YEAR_WORDS: &str = r"(?:(?:one|two)\s+thousand(?:\s+(?:and\s+)?(?:(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and)?\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine))?|(?:nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|twenty)\s+(?:(?:oh|zero)\s+(?:one|two|three|four|five|six|seven|eight|nine)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred))\b";

const NTH: &str = r"(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)";

pub(super) fn patterns() -> Vec<Pattern> {
    let month_ref = format!(
        r"(?:(?P<rel>this|next|last|previous|the\s+following|the\s+previous|the|that)\s+month|(?P<m>{MONTH_RE})(?:\s*,?\s*(?P<y>\d{{4}})\b)?)"
    );
    vec![
        pattern(
            &format!(
                r"\b(?P<m>{MONTH_GLUED})(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,\s*(?P<y>\d{{4}})\b)?|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?P<m2>{MONTH_GLUED})\b"
            ),
            parse_glued_month_day,
        ),
        pattern(
            r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})\b(?:\s*,\s*(?P<y>\d{4}|\d{2})\b)?",
            parse_month_slash_day,
        ),
        pattern(
            r"\b(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<y>\d{2})\b",
            parse_short_year_date,
        ),
        pattern(
            &format!(
                r"\b(?P<y>\d{{4}})\.(?P<m>\d{{1,2}})\.(?P<d>\d{{1,2}})\b|\b(?P<y2>\d{{4}})[/-](?P<mn>{MONTH_GLUED})[/-](?P<d2>\d{{1,2}})\b"
            ),
            parse_year_first,
        ),
        pattern(
            &format!(r"\b(?P<d>\d{{1,2}})\.\s+(?P<m>{MONTH_RE})\s*(?P<y>\d{{4}})\b"),
            parse_dotted_day,
        ),
        pattern(
            &format!(
                r"\b(?P<y>\d{{4}})\s*,?\s*(?P<m>{MONTH_RE})|\b(?P<y2>\d{{4}})\s*[-/]\s*(?P<mn>\d{{1,2}})\b|\b(?P<mn2>\d{{1,2}})\s*[-/]\s*(?P<y3>\d{{4}})\b"
            ),
            parse_year_month,
        ),
        pattern(
            r"\b(?P<wd>tues|thur|thurs)\b|\bon\s+(?P<wd2>mon|tue|wed|thu|fri|sat|sun)\b",
            parse_weekday_abbreviation,
        ),
        pattern(
            &format!(
                r"\b(?P<n>{NTH})\s+(?P<wd>{WEEKDAY_FULL_RE})\b(?:\s+(?:of|in)\s+{month_ref})?"
            ),
            parse_nth_weekday,
        ),
        pattern(
            &format!(
                r"\b(?P<n>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+week\s+(?:of\s+|in\s+)?(?:(?P<yrel>this|next|last)\s+year\b|(?P<yr>\d{{4}})\b|(?P<yw>{YEAR_WORDS})|{month_ref})"
            ),
            parse_nth_week,
        ),
        pattern(r"\bweek\s+(?P<n>\d{1,2})\b", parse_week_number),
        pattern(
            r"\b(?P<h>\d{1,2}),\s+(?:tonight|today|tomorrow|this\s+(?:morning|afternoon|evening))\b",
            parse_hour_before_day,
        ),
        pattern(r"\byear\s+(?P<y>\d{1,4})\b", parse_year_number),
        pattern(r"\bweekend\b", parse_the_weekend),
        pattern(
            r"\bon\s+(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\b|\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:\s+at|,)\s+\d",
            parse_bare_day,
        ),
        pattern(
            &format!(
                r"\b(?:end\s+of\s+(?:the\s+)?(?P<w>day|today|tomorrow|yesterday|{WEEKDAY_FULL_RE})|eod)\b"
            ),
            parse_end_of_day,
        ),
        pattern(
            r"\bthe\s+(?P<u>week|weekend|month|year)\s+after\s+(?:the\s+)?next\b",
            parse_unit_after_next,
        ),
        pattern(
            r"\brest\s+(?:of\s+)?(?:the\s+|this\s+|my\s+|current\s+)?(?P<u>week|month|year)\b",
            parse_rest_of_unit,
        ),
        pattern(
            r"\b(?:(?P<lead>from|between)\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|to|till|until|through|and)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+|in\s+)?(?P<rel>this|next|last|the\s+following|the\s+previous)\s+month\b",
            parse_day_span,
        ),
        pattern(
            &format!(
                r"\b(?P<rel>this|next|last)\s+week\s+(?:between|from)\s+(?P<wd1>{WEEKDAY_RE})\s+(?:and|to|till|until|through)\s+(?P<wd2>{WEEKDAY_RE})"
            ),
            parse_weekday_span,
        ),
        pattern(
            &format!(
                r"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+(?:of\s+)?(?P<rel>this|next|last)\s+year\b|\s+of\s+(?P<yr>\d{{4}})\b|\s+of\s+(?P<yw>{YEAR_WORDS}))?|\bQ(?P<q>[1-4])\s+(?P<rel2>this|next|last)\s+year\b|\b(?P<rel3>this|next|last)\s+year's\s+(?P<ord2>first|second|third|fourth)[\s-]+quarter\b"
            ),
            parse_relative_quarter,
        ),
        pattern(r"\b(?P<short>[1-9]0)'?s\b", parse_short_decade),
        pattern(
            r"\b(?:(?P<cent>nineteen|eighteen|twenty|two\s+thousand\s+and)[\s-]+)?(?P<dw>tens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b|\b(?P<noughts>noughties|two\s+thousands)\b",
            parse_decade_words,
        ),
        pattern(&format!(r"\b(?P<yw>{YEAR_WORDS})"), parse_year_words),
        pattern(
            &format!(
                r"\b(?P<n1>{NUMBER_RE})[\s-]*(?P<u1>{UNITS})(?:\s*,?\s*(?:and\s+)?(?P<n2>{NUMBER_RE})[\s-]*(?P<u2>{UNITS}))?(?:\s*,?\s*(?:and\s+)?(?P<n3>{NUMBER_RE})[\s-]*(?P<u3>{UNITS}))?(?:\s+(?P<dir2>from|after|before)\s+(?P<day>today|tomorrow|yesterday|now)\b|\s+(?P<dir>ago|later|before|after|from\s+now)\b)?"
            ),
            parse_counted_units,
        ),
    ]
}

/// Start of a "the " right before `start` (case-insensitive), if any.
fn the_before(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let word_start = trimmed.len().checked_sub(3)?;
    let word = trimmed.get(word_start..)?;
    let boundary = trimmed
        .get(..word_start)
        .and_then(|b| b.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric());
    (word.eq_ignore_ascii_case("the") && boundary).then_some(word_start)
}

/// `start` moved back over a "the " before it.
fn with_the(text: &str, start: usize) -> usize {
    the_before(text, start).unwrap_or(start)
}

/// Units a shift may count in; hours and minutes only narrow the day
/// ("1 day 2 hours later" is the next day).
const UNITS: &str = r"(?:years?|months?|weeks?|days?|hours?|minutes?|mins?)\b";

fn day_candidate(
    start: usize,
    end: usize,
    year: Option<i32>,
    month: u32,
    day: u32,
) -> Vec<Candidate> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return vec![];
    }
    vec![Candidate::new(
        start,
        end,
        calendar(year.map(YearSpec::Explicit), Some(month), Some(day)),
    )]
}

fn four_digit_year(year: u32, written: &str) -> i32 {
    if written.len() == 2 {
        2000 + year as i32 - if year >= 50 { 100 } else { 0 }
    } else {
        year as i32
    }
}

/// "april22", "Oct2", "january12,2016", "22april".
fn parse_glued_month_day(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let month = group(caps, "m")
        .or_else(|| group(caps, "m2"))
        .and_then(|m| month_number(m.as_str()));
    let day = number(caps, "d").or_else(|| number(caps, "d2"));
    let (Some(month), Some(day)) = (month, day) else {
        return vec![];
    };
    if glued_to_number(text, start, end) {
        return vec![];
    }
    let year = number(caps, "y").map(|y| y as i32);
    day_candidate(start, end, year, month, day)
}

/// "4/22", "22/04", "on 4-22", "on 4.22", "11/12,2016". A slash form is a
/// date unless it reads as a fraction or a count ("3/4 of", "24/7",
/// "1/2 mile"); hyphen and dot forms need "on" or "in" before them ("to
/// 1.2 million" is a number).
fn parse_month_slash_day(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(a), Some(b), Some(sep)) = (
        whole(caps),
        number(caps, "a"),
        number(caps, "b"),
        group(caps, "sep"),
    ) else {
        return vec![];
    };
    let slash = sep.as_str() == "/";
    let previous = previous_word(text, start);
    if !slash && !matches!(previous.as_str(), "on" | "in") {
        return vec![];
    }
    let after = text.get(end..).unwrap_or("");
    let next = next_word(text, end);
    let before = text.get(..start).unwrap_or("");
    let counted = COUNTED_NOUNS.contains(&next.as_str())
        || matches!(
            next.as_str(),
            "of" | "inch" | "inches" | "mile" | "cup" | "percent"
        )
        || Unit::parse(&next).is_some();
    let glued = after.starts_with(['/', '-', '%'])
        || before.ends_with(['/', '-', '.', ',', '$'])
        || after.starts_with(['%', '°']);
    if counted || glued || (a == 24 && b == 7) || glued_to_number(text, start, end) {
        return vec![];
    }
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    let year =
        group(caps, "y").map(|y| four_digit_year(y.as_str().parse().unwrap_or(0), y.as_str()));
    day_candidate(start, end, year, month, day)
}

/// "9-18-15", "3-7-07": month, day and a two-digit year.
fn parse_short_year_date(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(a), Some(b), Some(y)) = (
        whole(caps),
        number(caps, "a"),
        number(caps, "b"),
        group(caps, "y"),
    ) else {
        return vec![];
    };
    if glued_to_number(text, start, end) || super::hyphen_joined_number(text, start, end) {
        return vec![];
    }
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    let year = four_digit_year(y.as_str().parse().unwrap_or(0), y.as_str());
    day_candidate(start, end, Some(year), month, day)
}

/// "2015.5.13", "2019-sep-1", "2019/sep/01".
fn parse_year_first(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    if glued_to_number(text, start, end) {
        return vec![];
    }
    let year = number(caps, "y").or_else(|| number(caps, "y2"));
    let month =
        number(caps, "m").or_else(|| group(caps, "mn").and_then(|m| month_number(m.as_str())));
    let day = number(caps, "d").or_else(|| number(caps, "d2"));
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) if (1000..2100).contains(&y) => {
            day_candidate(start, end, Some(y as i32), m, d)
        }
        _ => vec![],
    }
}

/// "2016 November", "2016, nov", "2016 - 11", "11 / 2016": a month of a
/// year written year first or with spaced separators.
fn parse_year_month(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let year = number(caps, "y")
        .or_else(|| number(caps, "y2"))
        .or_else(|| number(caps, "y3"));
    let month = group(caps, "m")
        .and_then(|m| month_number(m.as_str()))
        .or_else(|| number(caps, "mn"))
        .or_else(|| number(caps, "mn2"));
    let (Some(year), Some(month)) = (year, month) else {
        return vec![];
    };
    if group(caps, "m").is_some_and(|m| super::is_lowercase_may_or_march(super::original(text, m)))
    {
        return vec![];
    }
    let next = next_word(text, end);
    let after = text.get(end..).unwrap_or("").trim_start();
    // "2016 November 5" is a day; "2010-11 season", "1990 - 11 people" are not months.
    let continues = after.starts_with(|c: char| c.is_ascii_digit())
        || (group(caps, "y2").is_some()
            && month > year % 100
            && !text.get(start..end).unwrap_or("").contains(' '))
        || COUNTED_NOUNS.contains(&next.as_str())
        || Unit::parse(&next).is_some();
    if !(1000..2100).contains(&year)
        || !(1..=12).contains(&month)
        || continues
        || glued_to_number(text, start, end)
        || super::hyphen_joined_number(text, start, end)
    {
        return vec![];
    }
    vec![Candidate::new(
        start,
        end,
        calendar(Some(YearSpec::Explicit(year as i32)), Some(month), None),
    )]
}

/// "16. Nov. 2016".
fn parse_dotted_day(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(d), Some(m), Some(y)) = (
        whole(caps),
        number(caps, "d"),
        group(caps, "m").and_then(|m| month_number(m.as_str())),
        number(caps, "y"),
    ) else {
        return vec![];
    };
    day_candidate(start, end, Some(y as i32), m, d)
}

/// "tues", "thurs" anywhere; "Mon", "Wed", "Sat", "Sun" only after "on".
fn parse_weekday_abbreviation(caps: &Captures, _text: &str) -> Vec<Candidate> {
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
fn parse_nth_weekday(caps: &Captures, text: &str) -> Vec<Candidate> {
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
fn parse_nth_week(caps: &Captures, text: &str) -> Vec<Candidate> {
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

/// "on 15", "on the 15" at the end of a clause, "15 at 8:00", "5th at 4
/// a.m.", "15, 8pm": a day of the month written as a bare number. The span
/// is the number (with its suffix).
fn parse_bare_day(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some(d) = group(caps, "d").or_else(|| group(caps, "d2")) else {
        return vec![];
    };
    let Some(day) = d
        .as_str()
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d))
    else {
        return vec![];
    };
    let mut end = d.end();
    let rest = text.get(end..).unwrap_or("");
    let suffix = rest
        .get(..2)
        .filter(|s| matches!(s.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th"));
    if let Some(s) = suffix {
        end += s.len();
    }
    let before_on = group(caps, "d").is_some();
    let clock_follows = super::CLOCK_AFTER_DAY.is_match(text.get(end..).unwrap_or(""));
    if before_on && !ends_clause(text, end) && !clock_follows {
        return vec![];
    }
    if glued_to_number(text, d.start(), end) || super::hyphen_joined_number(text, d.start(), end) {
        return vec![];
    }
    if !before_on {
        // "15 at 8:00" needs a clock after it; "2, 3" is a list of numbers.
        let after_number = previous_word(text, d.start())
            .chars()
            .all(|c| c.is_ascii_digit())
            && !previous_word(text, d.start()).is_empty();
        if !clock_follows
            || after_number
            || text
                .get(..d.start())
                .unwrap_or("")
                .trim_end()
                .ends_with(',')
        {
            return vec![];
        }
    }
    vec![Candidate::new(
        d.start(),
        end,
        Expr::DayOfMonth {
            day,
            month_offset: None,
        },
    )]
}

/// "the end of the day", "end of tomorrow", "the eod": the last second of
/// that day.
fn parse_end_of_day(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let start = with_the(text, start);
    let word = group(caps, "w").map(|w| w.as_str().to_ascii_lowercase());
    // "At the end of the day, …" is an idiom.
    let idiom = word.as_deref() == Some("day")
        && previous_word(text, start) == "at"
        && text
            .get(end..)
            .is_some_and(|rest| rest.trim_start().starts_with(','));
    if idiom {
        return vec![];
    }
    let expr = match word.as_deref() {
        Some("tomorrow") => Expr::DayShift {
            days: 1,
            base: Base::Deictic,
        },
        Some("yesterday") => Expr::DayShift {
            days: -1,
            base: Base::Deictic,
        },
        Some(other) if weekday(other).is_some() => match weekday(other) {
            Some(day) => Expr::Weekday(day),
            None => return vec![],
        },
        _ => Expr::DayShift {
            days: 0,
            base: Base::Deictic,
        },
    };
    let mut candidate = Candidate::new(start, end, expr);
    candidate.clock = Some((23, 59, Some(59)));
    vec![candidate]
}

/// Compound durations: "1 year 1 month 21 days" → P1Y1M21D, "2 days 1
/// month" → P1M2D, "one week three days" → P1W3D.
fn parse_compound_duration(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let mut parts = Vec::new();
    for (n, u) in [("n1", "u1"), ("n2", "u2"), ("n3", "u3")] {
        let (Some(n), Some(u)) = (group(caps, n), group(caps, u)) else {
            continue;
        };
        let (Some(Some(count)), Some(unit)) = (count_value(n.as_str()), Unit::parse(u.as_str()))
        else {
            return vec![];
        };
        parts.push((unit, count));
    }
    let order = [Unit::Year, Unit::Month, Unit::Week, Unit::Day];
    parts.sort_by_key(|(unit, _)| order.iter().position(|u| u == unit));
    let distinct = parts.windows(2).all(|w| w[0].0 != w[1].0);
    if parts.len() < 2 || !distinct || glued_to_number(text, start, end) {
        return vec![];
    }
    let mut value = String::from("P");
    for (unit, count) in &parts {
        let one = unit.duration(Some(*count));
        value.push_str(one.trim_start_matches('P'));
    }
    vec![Candidate::new(start, end, Expr::Duration(value))]
}

/// "back 7, this morning", "at 10, tonight": an hour written before its day
/// after a word that introduces clock times (the day's part of day then
/// sets am or pm).
fn parse_hour_before_day(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some(h) = group(caps, "h") else {
        return vec![];
    };
    let Some(hour) = h
        .as_str()
        .parse::<u32>()
        .ok()
        .filter(|h| (1..=12).contains(h))
    else {
        return vec![];
    };
    // "back 7, this morning", not "the toll rose to 7, this morning".
    let clock_word = matches!(
        previous_word(text, h.start()).as_str(),
        "at" | "around" | "about" | "by" | "until" | "till" | "back"
    );
    if !clock_word || glued_to_number(text, h.start(), h.end()) {
        return vec![];
    }
    let mut candidate = Candidate::new(h.start(), h.end(), Expr::Clock);
    candidate.clock = Some((hour, 0, None));
    vec![candidate]
}

/// "year 247": a year of any size after the word "year".
fn parse_year_number(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(y)) = (whole(caps), number(caps, "y")) else {
        return vec![];
    };
    let next = next_word(text, end);
    if y == 0
        || glued_to_number(text, start, end)
        || COUNTED_NOUNS.contains(&next.as_str())
        || next == "old"
    {
        return vec![];
    }
    vec![Candidate::new(
        start,
        end,
        calendar(Some(YearSpec::Explicit(y as i32)), None, None),
    )]
}

/// "the weekend": in news the latest weekend (this one on a Saturday or
/// Sunday); the span leaves out "over".
fn parse_the_weekend(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some(m) = caps.get(0) else {
        return vec![];
    };
    let Some(start) = the_before(text, m.start()) else {
        return vec![];
    };
    vec![Candidate::new(start, m.end(), Expr::RecentWeekend)]
}

/// "week 10": ISO week 10 of the reference year.
fn parse_week_number(caps: &Captures, text: &str) -> Vec<Candidate> {
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

/// "the week after next", "the month after the next": two units on.
fn parse_unit_after_next(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(unit)) = (
        whole(caps),
        group(caps, "u").and_then(|u| Unit::parse(u.as_str())),
    ) else {
        return vec![];
    };
    vec![Candidate::new(
        start,
        end,
        Expr::UnitShift {
            unit,
            offset: 2,
            base: Base::Deictic,
        },
    )]
}

/// "rest of the week", "rest of my week": from the base day to the end of
/// the unit.
fn parse_rest_of_unit(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(unit)) = (
        whole(caps),
        group(caps, "u").and_then(|u| Unit::parse(u.as_str())),
    ) else {
        return vec![];
    };
    let mut candidate = Candidate::new(
        with_the(text, start),
        end,
        Expr::UnitShift {
            unit,
            offset: 0,
            base: Base::Deictic,
        },
    );
    candidate.point_mod = Some(crate::expr::PointMod::Rest);
    vec![candidate]
}

/// "from 4 to 22 this month", "4 till 23 of next month".
fn parse_day_span(caps: &Captures, text: &str) -> Vec<Candidate> {
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
fn parse_weekday_span(caps: &Captures, _text: &str) -> Vec<Candidate> {
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

/// "the third quarter", "the third quarter this year", "Q3 next year",
/// "next year's third-quarter".
fn parse_relative_quarter(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let start = if group(caps, "ord").is_some() {
        with_the(text, start)
    } else {
        start
    };
    let index = group(caps, "ord")
        .or_else(|| group(caps, "ord2"))
        .and_then(|o| ordinal_value(o.as_str()))
        .or_else(|| number(caps, "q").map(|q| q as i32));
    let code = match index {
        Some(1) => "Q1",
        Some(2) => "Q2",
        Some(3) => "Q3",
        Some(4) => "Q4",
        _ => return vec![],
    };
    let written = number(caps, "yr")
        .map(|y| y as i32)
        .or_else(|| group(caps, "yw").and_then(|w| year_from_words(w.as_str())))
        .map(YearSpec::Explicit);
    let year = group(caps, "rel")
        .or_else(|| group(caps, "rel2"))
        .or_else(|| group(caps, "rel3"))
        .map(|r| {
            YearSpec::Deictic(match r.as_str().to_ascii_lowercase().as_str() {
                "next" => 1,
                "last" => -1,
                _ => 0,
            })
        })
        .or(written);
    vec![Candidate::new(start, end, Expr::YearPart { year, code })]
}

/// Words before "70s" that make it an age or a temperature, not a decade.
const AGE_WORDS: &[&str] = &[
    "his", "her", "their", "its", "my", "your", "our", "low", "high", "upper", "lower", "mid",
];

/// "the 70s", "70's" (not "in his 70s", "temperatures in the high 70s").
fn parse_short_decade(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(short)) = (whole(caps), number(caps, "short")) else {
        return vec![];
    };
    let written = caps.get(0).map_or("", |m| m.as_str());
    let the = the_before(text, start);
    let has_the = the.is_some();
    let apostrophe = written.contains('\'');
    let before = previous_word(text, the.unwrap_or(start));
    let start = the.unwrap_or(start);
    if (!has_the && !apostrophe)
        || AGE_WORDS.contains(&before.as_str())
        || glued_to_number(text, start, end)
        || Unit::parse(&next_word(text, end)).is_some()
        || next_word(text, end) == "degrees"
    {
        return vec![];
    }
    let decade = if short >= 30 { 190 } else { 200 } + short as i32 / 10;
    vec![Candidate::new(start, end, Expr::Decade(decade))]
}

/// "the seventies", "the nineteen seventies", "the twenty-tens", "the
/// noughties", "the two thousands".
fn parse_decade_words(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    // "the seventies", not "in their seventies".
    let Some(start) = the_before(text, start) else {
        return vec![];
    };
    if group(caps, "noughts").is_some() {
        return vec![Candidate::new(start, end, Expr::Decade(200))];
    }
    let Some(dw) = group(caps, "dw") else {
        return vec![];
    };
    let tens = match dw.as_str().to_ascii_lowercase().as_str() {
        "tens" => 1,
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return vec![],
    };
    let century = match group(caps, "cent").map(|c| c.as_str().to_ascii_lowercase()) {
        Some(c) if c.starts_with("nineteen") => 19,
        Some(c) if c.starts_with("eighteen") => 18,
        Some(_) => 20,
        // "the tens" alone is not a decade.
        None if tens == 1 => return vec![],
        None => 19,
    };
    vec![Candidate::new(
        start,
        end,
        Expr::Decade(century * 10 + tens),
    )]
}

/// "in nineteen twenty eight": a year in words after a preposition.
fn parse_year_words(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some(yw) = group(caps, "yw") else {
        return vec![];
    };
    let after_preposition = matches!(
        previous_word(text, yw.start()).as_str(),
        "in" | "of" | "year" | "since" | "until" | "by"
    );
    if !after_preposition {
        return vec![];
    }
    let Some(year) = year_from_words(yw.as_str()).filter(|y| (1000..2100).contains(y)) else {
        return vec![];
    };
    vec![Candidate::new(
        yw.start(),
        yw.end(),
        calendar(Some(YearSpec::Explicit(year)), None, None),
    )]
}

/// One scan for counted calendar units: "two days after today" (shift
/// from a day), "1 month 21 days ago" (compound shift), "1 year 1 month 21
/// days" (compound duration). A single unit without a day is left to the
/// general count patterns.
fn parse_counted_units(caps: &Captures, text: &str) -> Vec<Candidate> {
    if group(caps, "day").is_some() {
        return parse_shift_from_day(caps, text);
    }
    if group(caps, "n2").is_none() {
        return vec![];
    }
    if group(caps, "dir").is_some() {
        return parse_compound_shift(caps, text);
    }
    parse_compound_duration(caps, text)
}

/// Months and days of a count of calendar units.
fn months_and_days(count: f64, unit: Unit) -> Option<(i64, i64)> {
    if count.fract() != 0.0 || count > 10_000.0 {
        return None;
    }
    let n = count as i64;
    match unit {
        Unit::Year => Some((12 * n, 0)),
        Unit::Month => Some((n, 0)),
        Unit::Week => Some((0, 7 * n)),
        Unit::Day => Some((0, n)),
        Unit::Hour | Unit::Minute => Some((0, 0)),
        _ => None,
    }
}

fn counted_part(caps: &Captures, n: &str, u: &str) -> Option<(i64, i64)> {
    let count = count_value(group(caps, n)?.as_str())??;
    let unit = Unit::parse(group(caps, u)?.as_str())?;
    months_and_days(count, unit)
}

/// Months and days of each counted part (None if one is not whole).
fn counted_parts(caps: &Captures) -> Option<Vec<(i64, i64)>> {
    [("n1", "u1"), ("n2", "u2"), ("n3", "u3")]
        .into_iter()
        .filter(|(n, _)| group(caps, n).is_some())
        .map(|(n, u)| counted_part(caps, n, u))
        .collect()
}

/// "1 month 21 days ago", "2 years 1 month 21 days ago", "2 years 21 days
/// later", "1 month and 21 days ago".
fn parse_compound_shift(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(dir)) = (whole(caps), group(caps, "dir")) else {
        return vec![];
    };
    let Some(parts) = counted_parts(caps) else {
        return vec![];
    };
    let dir = dir.as_str().to_ascii_lowercase();
    // "… after the attack": relative to an event.
    if matches!(dir.as_str(), "before" | "after") && !ends_clause(text, end) {
        return vec![];
    }
    let (sign, base) = match dir.as_str() {
        "ago" => (-1, Base::Deictic),
        "from now" => (1, Base::Deictic),
        "later" | "after" => (1, Base::Anaphoric),
        _ => (-1, Base::Anaphoric),
    };
    let months = sign * parts.iter().map(|p| p.0).sum::<i64>();
    let days = sign * parts.iter().map(|p| p.1).sum::<i64>();
    vec![Candidate::new(
        start,
        end,
        Expr::Offset { months, days, base },
    )]
}

fn ends_clause(text: &str, end: usize) -> bool {
    text.get(end..)
        .unwrap_or("")
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ',' | ';' | ')'))
}

/// "two days after today", "three weeks from tomorrow", "two days before
/// yesterday".
fn parse_shift_from_day(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(dir), Some(day)) =
        (whole(caps), group(caps, "dir2"), group(caps, "day"))
    else {
        return vec![];
    };
    let Some(parts) = counted_parts(caps) else {
        return vec![];
    };
    let months = parts.iter().map(|p| p.0).sum::<i64>();
    let days = parts.iter().map(|p| p.1).sum::<i64>();
    let sign = if dir.as_str().eq_ignore_ascii_case("before") {
        -1
    } else {
        1
    };
    let from = match day.as_str().to_ascii_lowercase().as_str() {
        "tomorrow" => 1,
        "yesterday" => -1,
        _ => 0,
    };
    vec![Candidate::new(
        start,
        end,
        Expr::Offset {
            months: sign * months,
            days: sign * days + from,
            base: Base::Deictic,
        },
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        assert!(patterns().len() > 10);
        assert_eq!(year_from_words("nineteen seventy eight"), Some(1978));
        assert_eq!(year_from_words("two thousand and eighteen"), Some(2018));
        assert_eq!(year_from_words("nineteen zero one"), Some(1901));
        assert_eq!(
            year_from_words("one thousand seven hundred and eighty nine"),
            Some(1789)
        );
        assert_eq!(year_from_words("twenty people"), None);
    }
}
