//! Relative expressions: deictic words ("today", "tonight", "the day
//! before yesterday"), parts of a deictic day ("this morning"), anaphoric
//! days ("the next day", "the day before"), relative units ("last week",
//! "the following year", "next March"), parts of a relative unit ("the end
//! of this month", "the week after next", "rest of the week"), present and
//! past references ("now", "currently", "recently", "the future"), and
//! counted shifts ("three days ago", "two weeks later", "1 month 21 days
//! ago", "two days after tomorrow").

use super::context::{ends_clause, group, original, whole, with_the};
use super::durations::{count_and_unit, ordinal_second, parse_compound_duration};
use super::modifiers::{point_mod, with_mod};
use crate::expr::{Base, Candidate, Expr, Named, PointMod};
use crate::lexicon::{count_value, month_number, part_of_day, season_code, weekday, Unit};
use regex::Captures;

pub(super) fn parse_deictic_day(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(w)) = (whole(caps), group(caps, "w")) else {
        return vec![];
    };
    let lower = w.as_str().to_ascii_lowercase();
    let days = match lower.split_whitespace().next().unwrap_or("") {
        "yesterday" => -1,
        "tomorrow" | "tmrw" => 1,
        "before" => -2,
        "after" => 2,
        _ => 0,
    };
    let mut candidate = Candidate::new(
        start,
        end,
        Expr::DayShift {
            days,
            base: Base::Deictic,
        },
    );
    candidate.part_of_day = group(caps, "part")
        .and_then(|p| part_of_day(p.as_str()))
        .or_else(|| (lower == "tonight").then_some("NI"));
    vec![candidate]
}

pub(super) fn parse_part_of_day(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(det), Some(part)) =
        (whole(caps), group(caps, "det"), group(caps, "part"))
    else {
        return vec![];
    };
    let det = det.as_str().to_ascii_lowercase();
    let (days, base) = match det.split_whitespace().last().unwrap_or("") {
        "this" => (0, Base::Deictic),
        "last" => (-1, Base::Deictic),
        "following" | "next" => (1, Base::Anaphoric),
        "previous" | "preceding" => (-1, Base::Anaphoric),
        _ => (0, Base::Anaphoric),
    };
    let mut candidate = Candidate::new(start, end, Expr::DayShift { days, base });
    candidate.part_of_day = part_of_day(part.as_str());
    vec![candidate]
}

pub(super) fn parse_anaphoric_day(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some((start, mut end)) = whole(caps) else {
        return vec![];
    };
    let word = group(caps, "w")
        .or_else(|| group(caps, "w2"))
        .map(|w| w.as_str().to_ascii_lowercase())
        .unwrap_or_default();
    if let Some(tail) = group(caps, "tail") {
        end = tail.start();
    }
    let days = match word.as_str() {
        "next" | "following" | "after" => 1,
        "previous" | "preceding" | "before" => -1,
        _ => 0,
    };
    vec![Candidate::new(
        start,
        end,
        Expr::DayShift {
            days,
            base: Base::Anaphoric,
        },
    )]
}

fn relation_offset_and_base(rel: &str, has_the: bool) -> (i64, Base) {
    // "this past weekend" is the last one.
    if rel.starts_with("this") && rel.ends_with("past") {
        return (-1, Base::Deictic);
    }
    match rel {
        "last" | "past" if !has_the => (-1, Base::Deictic),
        "last" | "past" | "previous" | "preceding" | "prior" => (-1, Base::Anaphoric),
        "next" | "coming" | "upcoming" if !has_the => (1, Base::Deictic),
        "next" | "following" | "coming" | "upcoming" => (1, Base::Anaphoric),
        "this" | "current" => (0, Base::Deictic),
        _ => (0, Base::Anaphoric),
    }
}

/// "last week", "this year", "the following month", "that day", "next
/// Monday", "last spring", "the past week" (a duration).
pub(super) fn parse_relative(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, mut end)), Some(rel), Some(u)) =
        (whole(caps), group(caps, "rel"), group(caps, "u"))
    else {
        return vec![];
    };
    let rel = rel.as_str().to_ascii_lowercase();
    let has_the = group(caps, "the").is_some();
    let word = original(text, u);
    // "next Sunday afternoon": a part of a named day; after any other unit
    // ("this week evening") the part is not the expression's.
    let part = group(caps, "pod").filter(|_| weekday(word).is_some());
    if part.is_none() {
        end = u.end();
    }
    if matches!(word, "may" | "march") {
        return vec![];
    }
    if has_the && matches!(rel.as_str(), "past" | "last") {
        if let Some(unit) = Unit::parse(word) {
            return vec![Candidate::new(
                start,
                end,
                Expr::Duration(unit.duration(Some(1.0))),
            )];
        }
    }
    let (offset, base) = relation_offset_and_base(&rel, has_the);
    let expr = if let Some(unit) = Unit::parse(word) {
        if unit == Unit::Day {
            Expr::DayShift {
                days: offset,
                base: if rel == "this" { Base::Deictic } else { base },
            }
        } else {
            Expr::UnitShift { unit, offset, base }
        }
    } else if let Some(day) = weekday(word) {
        Expr::NamedShift {
            name: Named::Weekday(day),
            offset,
        }
    } else if let Some(code) = season_code(word) {
        Expr::NamedShift {
            name: Named::Season(code),
            offset,
        }
    } else if let Some(month) = month_number(word) {
        Expr::NamedShift {
            name: Named::Month(month),
            offset,
        }
    } else {
        return vec![];
    };
    let mut candidate = Candidate::new(start, end, expr);
    candidate.part_of_day = part.and_then(|p| part_of_day(p.as_str()));
    vec![candidate]
}

/// "the end of the month", "the beginning of this year".
pub(super) fn parse_part_of_unit(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(rel), Some(u)) =
        (whole(caps), group(caps, "rel"), group(caps, "u"))
    else {
        return vec![];
    };
    let Some(unit) = Unit::parse(u.as_str()) else {
        return vec![];
    };
    let rel = rel.as_str().to_ascii_lowercase();
    let (offset, base) = match rel.as_str() {
        "this" => (0, Base::Deictic),
        "last" => (-1, Base::Deictic),
        "next" => (1, Base::Deictic),
        "current" | "the current" => (0, Base::Deictic),
        // "the rest of the week" counts from now.
        "the" if u_is_rest(caps) => (0, Base::Deictic),
        _ => (0, Base::Anaphoric),
    };
    let candidate = Candidate::new(start, end, Expr::UnitShift { unit, offset, base });
    let pm = point_mod(group(caps, "pm"));
    vec![with_mod(candidate, pm.or(Some(PointMod::Mid)))]
}

/// A part of the day the narrative has reached: the last day mentioned.
fn part_of_the_day(start: usize, end: usize, part: &'static str) -> Candidate {
    let mut candidate = Candidate::new(
        start,
        end,
        Expr::DayShift {
            days: 0,
            base: Base::Anaphoric,
        },
    );
    candidate.part_of_day = Some(part);
    candidate
}

/// "in the early hours (of the morning)": the morning of the day told.
/// ("the early hours of Monday" is read as a modifier of "Monday".)
pub(super) fn parse_early_hours(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let of_a_day = text
        .get(end..)
        .is_some_and(|rest| rest.trim_start().to_ascii_lowercase().starts_with("of "));
    if of_a_day {
        return vec![];
    }
    let mut candidate = part_of_the_day(start, end, "MO");
    candidate.point_mod = Some(PointMod::Start);
    vec![candidate]
}

/// "at dawn", "before daybreak", "at dusk", "a dawn raid": the morning or
/// evening of the day told.
pub(super) fn parse_dawn(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some(word) = group(caps, "w").or_else(|| group(caps, "w2")) else {
        return vec![];
    };
    let part = match word.as_str().to_ascii_lowercase().as_str() {
        "dusk" => "EV",
        _ => "MO",
    };
    vec![part_of_the_day(word.start(), word.end(), part)]
}

/// "by late afternoon", "until mid-morning": that part of the day told.
pub(super) fn parse_bare_part_of_day(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some(pm), Some(part)) = (group(caps, "pm"), group(caps, "part")) else {
        return vec![];
    };
    let Some(code) = part_of_day(part.as_str()) else {
        return vec![];
    };
    let mut candidate = part_of_the_day(pm.start(), part.end(), code);
    candidate.point_mod = point_mod(Some(pm));
    vec![candidate]
}

/// "by year-end", "at month-end": the end of the current year or month.
pub(super) fn parse_unit_end(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(u)) = (whole(caps), group(caps, "u")) else {
        return vec![];
    };
    let Some(unit) = Unit::parse(&u.as_str().to_ascii_lowercase()) else {
        return vec![];
    };
    let candidate = Candidate::new(
        start,
        end,
        Expr::UnitShift {
            unit,
            offset: 0,
            base: Base::Deictic,
        },
    );
    vec![with_mod(candidate, Some(PointMod::End))]
}

fn u_is_rest(caps: &Captures) -> bool {
    point_mod(group(caps, "pm")) == Some(PointMod::Rest)
}

pub(super) fn parse_reference(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(w)) = (whole(caps), group(caps, "w")) else {
        return vec![];
    };
    let lower = w.as_str().to_ascii_lowercase();
    let value = match lower.as_str() {
        "recently" | "the past" | "former" | "formerly" | "recent" => "PAST_REF",
        "the future" => "FUTURE_REF",
        _ => "PRESENT_REF",
    };
    // "the now-cancelled deal": part of a compound adjective, which history
    // annotation (WikiWars) marks and news annotation does not.
    let compound = text.get(end..).is_some_and(|rest| {
        let mut chars = rest.chars();
        chars.next() == Some('-') && chars.next().is_some_and(char::is_alphabetic)
    });
    let expr = if compound {
        Expr::NarrativeReference(value)
    } else {
        Expr::Reference(value)
    };
    vec![Candidate::new(start, end, expr)]
}

pub(super) fn parse_narrative_reference(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(w)) = (whole(caps), group(caps, "w")) else {
        return vec![];
    };
    let word = w.as_str().to_ascii_lowercase();
    let value = match word.as_str() {
        "future" => "FUTURE_REF",
        "current" => "PRESENT_REF",
        _ => "PAST_REF",
    };
    vec![Candidate::new(start, end, Expr::NarrativeReference(value))]
}

pub(super) fn parse_count_shift(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(dir)) = (whole(caps), group(caps, "dir")) else {
        return vec![];
    };
    let Some((count, unit)) = count_and_unit(caps) else {
        return vec![];
    };
    if ordinal_second(caps, unit) {
        return vec![];
    }
    let dir = dir.as_str().to_ascii_lowercase();
    // "two days after the attack": the shift is relative to an event, not a date.
    if matches!(dir.as_str(), "before" | "after" | "prior") && group(caps, "tail").is_none() {
        return vec![];
    }
    let end = group(caps, "tail").map_or(end, |t| t.start());
    let (sign, base) = match dir.as_str() {
        "ago" | "back" => (-1, Base::Deictic),
        "from now" | "hence" => (1, Base::Deictic),
        "later" | "after" | "afterwards" | "afterward" => (1, Base::Anaphoric),
        _ => (-1, Base::Anaphoric),
    };
    vec![Candidate::new(
        start,
        end,
        Expr::CountShift {
            count,
            unit,
            sign,
            base,
        },
    )]
}

/// "the week after next", "the month after the next": two units on.
pub(super) fn parse_unit_after_next(caps: &Captures, _text: &str) -> Vec<Candidate> {
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
pub(super) fn parse_rest_of_unit(caps: &Captures, text: &str) -> Vec<Candidate> {
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

/// One scan for counted calendar units: "two days after today" (shift
/// from a day), "1 month 21 days ago" (compound shift), "1 year 1 month 21
/// days" (compound duration). A single unit without a day is left to the
/// general count patterns.
pub(super) fn parse_counted_units(caps: &Captures, text: &str) -> Vec<Candidate> {
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

/// "the year before", "the month after" closing a clause: one unit before
/// or after the last mentioned date, like "the day before".
pub(super) fn parse_anaphoric_unit(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, _)), Some(u), Some(dir), Some(tail)) = (
        whole(caps),
        group(caps, "u"),
        group(caps, "dir"),
        group(caps, "tail"),
    ) else {
        return vec![];
    };
    let Some(unit) = Unit::parse(u.as_str()) else {
        return vec![];
    };
    let offset = if dir.as_str() == "before" { -1 } else { 1 };
    vec![Candidate::new(
        start,
        tail.start(),
        Expr::UnitShift {
            unit,
            offset,
            base: Base::Anaphoric,
        },
    )]
}

/// "at the time" used as an adverb ("At the time, …", "… at the time.",
/// "who at the time was …"): the time last mentioned, tagged "the time".
pub(super) fn parse_that_time(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some(the_time) = group(caps, "t") else {
        return vec![];
    };
    vec![Candidate::new(
        the_time.start(),
        the_time.end(),
        Expr::ThatTime,
    )]
}

/// "At this time, we are still …": the present (PRESENT_REF), as "now".
pub(super) fn parse_this_time(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some(this_time) = group(caps, "t") else {
        return vec![];
    };
    vec![Candidate::new(
        this_time.start(),
        this_time.end(),
        Expr::Reference("PRESENT_REF"),
    )]
}

/// "overnight" as an adverb ("clashes continued overnight."): the night
/// before the base date, as "last night".
pub(super) fn parse_overnight(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some(word) = group(caps, "w") else {
        return vec![];
    };
    let mut candidate = Candidate::new(
        word.start(),
        word.end(),
        Expr::DayShift {
            days: -1,
            base: Base::Deictic,
        },
    );
    candidate.part_of_day = Some("NI");
    vec![candidate]
}

/// "at night", "by night": nights in general (TIMEX3 value
/// XXXX-XX-XXTNI), not a particular one.
pub(super) fn parse_generic_night(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some(word) = group(caps, "w") else {
        return vec![];
    };
    // "at night on 4 May" is one particular night, dated by what follows.
    let next = super::context::next_word(text, word.end());
    if matches!(
        next.as_str(),
        "on" | "of" | "before" | "after" | "between" | "from"
    ) {
        return vec![];
    }
    let mut candidate = Candidate::new(word.start(), word.end(), Expr::Reference("XXXX-XX-XX"));
    candidate.part_of_day = Some("NI");
    vec![candidate]
}
