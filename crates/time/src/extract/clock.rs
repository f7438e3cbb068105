//! Clock times: digits ("9am", "340pm", "14:30 GMT", "5 o'clock", "8-ish"),
//! words ("half past 8pm", "eleven five", "ten o'clock"), noon and midnight,
//! bare hours after "at"/"around" ("at 7", "around 7 tonight"), the end of
//! a day ("the end of the day", "eod"); a part of day next to a clock time
//! moves its hour ("in the afternoon at 7" → 19:00), and clock times next
//! to a date are folded into it ("9am on Mondays", "Friday at 3pm").

use super::context::{
    floor_char_boundary, glued_to_number, group, next_word, number, previous_word, whole, with_the,
};
use super::dates::{COUNTED_NOUNS, IDENTIFIER_WORDS};
use super::modifiers::build;
use super::AM_PM;
use crate::expr::{Base, Candidate, Expr, Named};
use crate::lexicon::{count_value, weekday, Unit};
use regex::{Captures, Regex};
use std::sync::LazyLock;

pub(super) fn parse_clock(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let (hour, minute) = if let Some(noon) = group(caps, "noon") {
        let lower = noon.as_str().to_ascii_lowercase();
        if lower.contains("night") {
            (0, 0)
        } else if lower.contains("morning") {
            (10, 0)
        } else if lower.contains("afternoon") {
            (14, 0)
        } else {
            (12, 0)
        }
    } else {
        let Some(h) = number(caps, "h") else {
            return vec![];
        };
        let minute = number(caps, "mi")
            .or_else(|| number(caps, "mi2"))
            .unwrap_or(0);
        let am_pm = group(caps, "ap")
            .or_else(|| group(caps, "ap1"))
            .map(|a| a.as_str());
        if group(caps, "ap1").is_some()
            && IDENTIFIER_WORDS.contains(&previous_word(text, start).as_str())
        {
            return vec![];
        }
        let part = group(caps, "pod").map(|p| p.as_str());
        let Some(hour) = to_24_hour(h, am_pm, part) else {
            return vec![];
        };
        if minute > 59 || glued_to_number(text, start, end) {
            return vec![];
        }
        (hour, minute)
    };
    let mut candidate = Candidate::new(start, end, Expr::Clock);
    candidate.clock = Some((hour, minute, number(caps, "sec")));
    candidate.zone = text
        .get(start..end)
        .and_then(|matched| matched.split_whitespace().last())
        .and_then(zone_offset);
    vec![candidate]
}

/// "at 1353 (1023 GMT)": the local four-digit clock time before its
/// equivalent in another zone (which its own pattern reads).
pub(super) fn parse_clock_before_its_equivalent(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some(h), Some(mi)) = (group(caps, "h"), group(caps, "mi")) else {
        return vec![];
    };
    let (Ok(hour), Ok(minute)) = (h.as_str().parse(), mi.as_str().parse()) else {
        return vec![];
    };
    let mut candidate = Candidate::new(h.start(), mi.end(), Expr::Clock);
    candidate.clock = Some((hour, minute, None));
    vec![candidate]
}

/// "at eleven five", "for eight forty", "at ten oh five": an hour and
/// minutes in words after a preposition; the span starts at the hour.
pub(super) fn parse_hour_minute_words(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((_, end)), Some(h), Some(mw)) = (whole(caps), group(caps, "h"), group(caps, "mw"))
    else {
        return vec![];
    };
    // "at eleven five", "five thirty in the night", "in the night five thirty".
    let after_preposition = matches!(
        previous_word(text, h.start()).as_str(),
        "at" | "for" | "by" | "until" | "till"
    );
    let window_start = floor_char_boundary(text, h.start().saturating_sub(40));
    let part_of_day_near = text
        .get(end..)
        .is_some_and(|rest| CLOCK_SUFFIX.is_match(rest))
        || text
            .get(window_start..h.start())
            .is_some_and(|before| CLOCK_PREFIX.is_match(before));
    let Some(hour) = hour_value(&h.as_str().to_ascii_lowercase())
        .filter(|_| after_preposition || part_of_day_near)
    else {
        return vec![];
    };
    let minute_words = mw.as_str().to_ascii_lowercase();
    let minute_words = minute_words.trim_start_matches("oh").trim();
    let minute = match count_value(minute_words).flatten() {
        Some(n) if n.fract() == 0.0 && (1.0..60.0).contains(&n) => n as u32,
        _ => return vec![],
    };
    let next = next_word(text, end);
    if COUNTED_NOUNS.contains(&next.as_str()) || Unit::parse(&next).is_some() {
        return vec![];
    }
    clock_candidate(h.start(), end, hour, minute)
}

/// Hour from digits or a word ("7", "seven").
fn hour_value(word: &str) -> Option<u32> {
    word.parse().ok().or_else(|| {
        count_value(word)
            .flatten()
            .filter(|n| n.fract() == 0.0)
            .map(|n| n as u32)
    })
}

/// 24-hour clock from a 12-hour reading and an "am"/"pm" or part of day.
fn to_24_hour(hour: u32, am_pm: Option<&str>, part: Option<&str>) -> Option<u32> {
    let pm = am_pm.is_some_and(|a| a.to_ascii_lowercase().starts_with('p'))
        || part.is_some_and(|p| !p.eq_ignore_ascii_case("morning"));
    let am = am_pm.is_some_and(|a| a.to_ascii_lowercase().starts_with('a'));
    let hour = match (hour, pm, am) {
        (12, false, true) => 0,
        (12, true, _) if part.is_some_and(|p| p.eq_ignore_ascii_case("night")) => 0,
        (h, true, _) if h < 12 => h + 12,
        (h, _, _) => h,
    };
    (hour <= 23).then_some(hour)
}

fn clock_candidate(start: usize, end: usize, hour: u32, minute: u32) -> Vec<Candidate> {
    if hour > 23 || minute > 59 {
        return vec![];
    }
    let mut candidate = Candidate::new(start, end, Expr::Clock);
    candidate.clock = Some((hour, minute, None));
    vec![candidate]
}

/// "half past eight", "a quarter to 8 in the morning", "ten past 9",
/// "three minutes to eight". "to" needs a fraction word or "minutes" so that
/// "10 to 12 years" stays a range of numbers.
pub(super) fn parse_clock_past_to(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(mins), Some(dir), Some(h)) = (
        whole(caps),
        group(caps, "mins"),
        group(caps, "dir"),
        group(caps, "h").or_else(|| group(caps, "hw")),
    ) else {
        return vec![];
    };
    let mins_text = mins.as_str().to_ascii_lowercase();
    let fraction = mins_text.contains("half") || mins_text.contains("quarter");
    let to = dir.as_str().eq_ignore_ascii_case("to");
    let has_unit = group(caps, "unit").is_some() || group(caps, "unit2").is_some();
    if to && !fraction && !has_unit {
        return vec![];
    }
    if glued_to_number(text, start, end) || COUNTED_NOUNS.contains(&next_word(text, end).as_str()) {
        return vec![];
    }
    let minutes = if mins_text.contains("three") && mins_text.contains("quarter") {
        45
    } else if mins_text.contains("quarter") {
        15
    } else if mins_text.contains("half") {
        30
    } else {
        let number = mins_text
            .split_whitespace()
            .filter(|w| !w.starts_with("min"))
            .collect::<Vec<_>>()
            .join(" ");
        match count_value(&number).flatten() {
            Some(n) if n.fract() == 0.0 && (1.0..60.0).contains(&n) => n as u32,
            _ => return vec![],
        }
    };
    let Some(hour) = hour_value(&h.as_str().to_ascii_lowercase()).filter(|h| (1..=12).contains(h))
    else {
        return vec![];
    };
    let ap = group(caps, "ap").map(|a| a.as_str());
    let part = group(caps, "pod").map(|p| p.as_str());
    let (hour, minute) = if to {
        (if hour == 1 { 12 } else { hour - 1 }, 60 - minutes)
    } else {
        (hour, minutes)
    };
    let Some(hour) = to_24_hour(hour, ap, part) else {
        return vec![];
    };
    clock_candidate(start, end, hour, minute)
}

/// "seven o'clock", "seven thirty pm", "eleven twenty pm", "one o'clock pm".
pub(super) fn parse_clock_words(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(h)) = (whole(caps), group(caps, "h")) else {
        return vec![];
    };
    let Some(hour) = hour_value(&h.as_str().to_ascii_lowercase()) else {
        return vec![];
    };
    let minute = match group(caps, "mw") {
        Some(m) => match count_value(m.as_str()).flatten() {
            Some(n) if n.fract() == 0.0 && n < 60.0 => n as u32,
            _ => return vec![],
        },
        None => 0,
    };
    let ap = group(caps, "ap")
        .or_else(|| group(caps, "ap2"))
        .map(|a| a.as_str());
    let Some(hour) = to_24_hour(hour, ap, None) else {
        return vec![];
    };
    clock_candidate(start, end, hour, minute)
}

/// Words after "at 7" that keep it a clock time (end of clause or a day).
const AFTER_BARE_HOUR: &[&str] = &["", "today", "tomorrow", "tmrw", "tonight", "this", "on"];

/// A clock time right after a bare day number ("15 at 8:00", "15, 8pm").
pub(super) static CLOCK_AFTER_DAY: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?i)^(?:\s+at|,)\s+\d{{1,2}}(?::\d{{2}}(?::\d{{2}})?\s*(?:{AM_PM})?|\s*(?:{AM_PM}))"
    ))
});

/// Day words after which "around 7" is a clock time.
const DAY_WORDS_BEFORE_AROUND: &[&str] = &[
    "tonight",
    "today",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// "at 7", "at seven": an hour alone, only at the end of a clause or before
/// a day word; the span starts at the number.
pub(super) fn parse_bare_hour(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((_, end)), Some(h)) = (whole(caps), group(caps, "h")) else {
        return vec![];
    };
    let Some(hour) = hour_value(&h.as_str().to_ascii_lowercase()).filter(|h| (1..=12).contains(h))
    else {
        return vec![];
    };
    // "around 7" only right after a day ("tonight around 7").
    let approximate = group(caps, "prep").is_some_and(|p| !p.as_str().eq_ignore_ascii_case("at"));
    let prep_start = group(caps, "prep").map_or(0, |p| p.start());
    if approximate && !DAY_WORDS_BEFORE_AROUND.contains(&previous_word(text, prep_start).as_str()) {
        return vec![];
    }
    let after = text.get(end..).unwrap_or("");
    if after.starts_with(|c: char| {
        matches!(c, ':' | '.' | ',' | '%' | '-' | '/')
            && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
    }) {
        return vec![];
    }
    if glued_to_number(text, h.start(), end)
        || !AFTER_BARE_HOUR.contains(&next_word(text, end).as_str())
    {
        return vec![];
    }
    clock_candidate(h.start(), end, hour, 0)
}

/// A part of day written before a clock time ("in the afternoon at 7",
/// "afternoon 7:00", "at lunchtime 11 o'clock") unless it belongs to a
/// day ("Tuesday night at 11").
static CLOCK_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?P<before>\w*)[\s,]*\b(?P<phrase>(?:at\s+)?lunchtime|(?:in\s+the\s+)?(?P<part>morning|afternoon|evening|night)(?:\s+at)?)\s+$",
    )
});

/// A part of day written after a clock time ("12 o'clock lunchtime").
static CLOCK_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)^\s+(?:in\s+the\s+)?(?P<part>lunchtime|afternoon|evening|morning|night)\b")
});

/// Words before a part of day that make it part of a date.
const DAY_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tomorrow",
    "yesterday",
    "tonight",
    "this",
    "last",
    "that",
    "same",
    "next",
    "previous",
    "following",
    "every",
    "each",
];

/// Extends a clock time over an adjacent part of day and moves the hour
/// into it (7 "in the afternoon" → 19:00, 1 o'clock "lunchtime" → 13:00).
pub(super) fn extend_clock_with_part_of_day(text: &str, candidate: &mut Candidate) {
    let window_start = floor_char_boundary(text, candidate.start.saturating_sub(40));
    let before = text.get(window_start..candidate.start).unwrap_or("");
    let prefix = CLOCK_PREFIX.captures(before).filter(|caps| {
        let word = caps.name("before").map_or("", |w| w.as_str());
        !DAY_WORDS.contains(&word.to_ascii_lowercase().as_str())
    });
    let mut part = None;
    if let Some(caps) = &prefix {
        if let Some(phrase) = caps.name("phrase") {
            part = Some(
                caps.name("part")
                    .map_or("lunchtime".to_string(), |p| p.as_str().to_ascii_lowercase()),
            );
            // "at lunchtime" is one phrase, like "in the afternoon".
            let at_lunchtime = caps.name("part").is_none()
                && caps
                    .name("before")
                    .is_some_and(|w| w.as_str().eq_ignore_ascii_case("at"));
            let phrase_start = match caps.name("before") {
                Some(w) if at_lunchtime => w.start(),
                _ => phrase.start(),
            };
            candidate.start = window_start + phrase_start;
        }
    } else if let Some(caps) = text
        .get(candidate.end..)
        .and_then(|rest| CLOCK_SUFFIX.captures(rest))
    {
        if let Some(p) = caps.name("part") {
            part = Some(p.as_str().to_ascii_lowercase());
            candidate.end += p.end();
        }
    }
    let (Some(part), Some((hour, minute, second))) = (part, candidate.clock) else {
        return;
    };
    let hour = match part.as_str() {
        "lunchtime" if (1..=5).contains(&hour) => hour + 12,
        "afternoon" | "evening" if hour < 12 => hour + 12,
        "night" if hour == 12 => 0,
        "night" if (5..12).contains(&hour) => hour + 12,
        _ => hour,
    };
    candidate.clock = Some((hour, minute, second));
}

/// A set a clock time can narrow: every day, every Monday, every morning
/// ("3pm every day", "9am on Mondays", "every morning at 9am").
fn is_daily_set(expr: &Expr) -> bool {
    match expr {
        Expr::Set(value) => {
            value == "P1D" || value.starts_with("XXXX-WXX-") || value.starts_with("XXXX-XX-XXT")
        }
        _ => false,
    }
}

/// A bare hour after "tonight", "this evening", "every night" is in the
/// evening: 7 → 19:00.
fn later_in_day(
    clock: (u32, u32, Option<u32>),
    part: Option<&str>,
    expr: &Expr,
) -> (u32, u32, Option<u32>) {
    let set_part = match expr {
        Expr::Set(value) => value.strip_prefix("XXXX-XX-XXT"),
        _ => None,
    };
    let (hour, minute, second) = clock;
    let evening = matches!(part.or(set_part), Some("AF" | "EV" | "NI"));
    if evening && (1..12).contains(&hour) {
        (hour + 12, minute, second)
    } else {
        clock
    }
}

/// Folds a clock time into an adjacent date it is written with ("5
/// January 3 p.m.", "Nov 27, 2005, 8:20 AM", "9am on Mondays"). A date and
/// a clock time joined by a preposition ("May 3, 2013 at 7:31 AM", "about
/// 6am on Sunday") are two TimeML expressions: prepositions stand outside
/// a TIMEX3. The clock time then still takes that date's day: a clock
/// after its date resolves to the last day mentioned, which is that date;
/// one before it is given the date's meaning.
/// Nothing joins across a line break: a date line is not part of the
/// sentence below it.
pub(super) fn attach_clock_times(text: &str, kept: &mut Vec<Candidate>) {
    let mut i = 0;
    while i + 1 < kept.len() {
        let (left, right) = (&kept[i], &kept[i + 1]);
        let raw_gap = text.get(left.end..right.start).unwrap_or("x");
        let gap = raw_gap.trim().to_ascii_lowercase();
        let written_together = matches!(gap.as_str(), "" | "," | "of" | "-" | "–");
        let prepositional = matches!(
            gap.as_str(),
            "at" | ", at" | "on" | ", on" | "around" | "at around" | "about" | "at about" | "for"
        );
        let left_clock = left.expr == Expr::Clock;
        let right_clock = right.expr == Expr::Clock;
        let (span_start, span_end) = (left.start, right.end);
        if (written_together || prepositional)
            && !raw_gap.contains('\n')
            && left_clock != right_clock
        {
            let (date_index, clock_index) = if left_clock { (i + 1, i) } else { (i, i + 1) };
            let date = &kept[date_index];
            let date_ok = matches!(
                date.expr,
                Expr::Calendar { day: Some(_), .. }
                    | Expr::Weekday(_)
                    | Expr::DayShift { .. }
                    | Expr::DayOfMonth { .. }
                    | Expr::WeekdayOfWeek { .. }
                    | Expr::NamedShift {
                        name: Named::Weekday(_),
                        ..
                    }
            ) || is_daily_set(&date.expr);
            if date_ok && date.clock.is_none() {
                let clock = kept[clock_index]
                    .clock
                    .map(|c| later_in_day(c, date.part_of_day, &date.expr));
                // "Friday morning, around 1:30 a.m.": an approximate clock
                // time is an expression of its own.
                let apart = (prepositional || kept[clock_index].approximate)
                    && !is_daily_set(&date.expr)
                    && (!left_clock || !counts_from_last_date(&date.expr));
                if apart {
                    let date_meaning = left_clock.then(|| date.expr.clone());
                    kept[clock_index].clock = clock;
                    if let Some(expr) = date_meaning {
                        kept[clock_index].expr = expr;
                    }
                } else {
                    kept[date_index].clock = clock;
                    kept[date_index].zone = kept[clock_index].zone;
                    kept[date_index].start = span_start;
                    kept[date_index].end = span_end;
                    kept.remove(clock_index);
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// Whether a date is counted from the last date mentioned ("the next
/// day"): resolving it twice would count twice, so a clock time before such
/// a date is folded into it rather than given its meaning.
fn counts_from_last_date(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::DayShift {
            base: Base::Anaphoric,
            ..
        } | Expr::UnitShift {
            base: Base::Anaphoric,
            ..
        } | Expr::CountShift {
            base: Base::Anaphoric,
            ..
        } | Expr::Offset {
            base: Base::Anaphoric,
            ..
        }
    )
}

/// "the end of the day", "end of tomorrow", "the eod": the last second of
/// that day.
pub(super) fn parse_end_of_day(caps: &Captures, text: &str) -> Vec<Candidate> {
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

/// "back 7, this morning", "at 10, tonight": an hour written before its day
/// after a word that introduces clock times (the day's part of day then
/// sets am or pm).
pub(super) fn parse_hour_before_day(caps: &Captures, text: &str) -> Vec<Candidate> {
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

/// The UTC offset TimeML writes for a time zone abbreviation ("Z" for
/// universal time); None for "local time" and unknown words. "ET"/"PT" are
/// read as standard time: the season is not checked.
fn zone_offset(word: &str) -> Option<&'static str> {
    let offset = match word.to_ascii_uppercase().as_str() {
        "GMT" | "UTC" => "Z",
        "EST" | "ET" | "CDT" => "-05",
        "EDT" => "-04",
        "CST" | "MDT" => "-06",
        "MST" | "PDT" => "-07",
        "PST" | "PT" => "-08",
        "BST" | "CET" => "+01",
        "CEST" | "EET" => "+02",
        "EEST" | "MSK" => "+03",
        "IST" => "+05:30",
        "JST" => "+09",
        "AEST" => "+10",
        "AEDT" => "+11",
        _ => return None,
    };
    Some(offset)
}
