//! Durations and sets: counted durations ("3 years", "3.5 years", "3h",
//! "two and a half weeks", "a whole month", "1 year 1 month 21 days"),
//! half units ("half an hour"), vague durations ("for years"), and sets
//! ("every week", "each Monday", "twice a month", "daily", "mornings").

use super::context::{glued_to_number, group, previous_word, whole};
use crate::expr::{Candidate, Expr};
use crate::lexicon::{count_value, part_of_day, weekday, Unit};
use regex::Captures;

pub(super) fn count_and_unit(caps: &Captures) -> Option<(Option<f64>, Unit)> {
    let count = count_value(group(caps, "n")?.as_str())?;
    let unit = Unit::parse(group(caps, "u")?.as_str())?;
    Some((count, unit))
}

/// "a second attack" is an ordinal, not a duration.
pub(super) fn ordinal_second(caps: &Captures, unit: Unit) -> bool {
    unit == Unit::Second
        && group(caps, "n")
            .is_some_and(|n| matches!(n.as_str().to_ascii_lowercase().as_str(), "a" | "an"))
}

pub(super) fn parse_duration(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let unit_word = group(caps, "u")
        .or_else(|| group(caps, "u2"))
        .or_else(|| group(caps, "u3"));
    let count = group(caps, "n")
        .or_else(|| group(caps, "n2"))
        .and_then(|n| {
            let lower = n.as_str().to_ascii_lowercase();
            if matches!(
                lower.as_str(),
                "another" | "all" | "full" | "whole" | "entire"
            ) {
                Some(Some(1.0))
            } else {
                count_value(&lower)
            }
        });
    let (Some(count), Some(unit)) = (count, unit_word.and_then(|u| Unit::parse(u.as_str()))) else {
        return vec![];
    };
    let and_a_half = caps.get(0).is_some_and(|m| {
        let lower = m.as_str().to_ascii_lowercase();
        lower.contains("and a half") || lower.contains("and half")
    });
    let count = if and_a_half {
        count.map(|c| c + 0.5)
    } else {
        count
    };
    if ordinal_second(caps, unit) || glued_to_number(text, start, end) {
        return vec![];
    }
    // "a day" inside "once a day" is handled by the set pattern; "one day" alone
    // in narrative is a vague date, kept as a duration like TimeBank does.
    let mut candidate = Candidate::new(start, end, Expr::Duration(unit.duration(count)));
    candidate.measure = count.map(|c| (c, unit));
    vec![candidate]
}

/// "half an hour", "a half hour", "half year": the span takes a leading "a".
pub(super) fn parse_half_unit(caps: &Captures, text: &str) -> Vec<Candidate> {
    let mut found = parse_duration(caps, text);
    for candidate in &mut found {
        let before = text.get(..candidate.start).unwrap_or("");
        let trimmed = before.trim_end();
        let article = trimmed.len() < before.len()
            && trimmed
                .get(trimmed.len().saturating_sub(2)..)
                .is_some_and(|w| w.eq_ignore_ascii_case(" a") || w.eq_ignore_ascii_case("a"));
        if article && previous_word(text, candidate.start) == "a" {
            candidate.start = trimmed.len() - 1;
        }
    }
    found
}

pub(super) fn parse_vague_duration(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some(vu) = group(caps, "vu").or_else(|| group(caps, "vu2")) else {
        return vec![];
    };
    let Some(unit) = Unit::parse(vu.as_str()) else {
        return vec![];
    };
    vec![Candidate::new(
        vu.start(),
        vu.end(),
        Expr::Duration(unit.duration(None)),
    )]
}

pub(super) fn parse_set(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(u)) = (whole(caps), group(caps, "u")) else {
        return vec![];
    };
    let word = u.as_str();
    let count = match group(caps, "n") {
        Some(n) => match count_value(n.as_str()) {
            Some(c) => c,
            None => return vec![],
        },
        None => Some(1.0),
    };
    let value = if let Some(part) = part_of_day(word).filter(|_| count == Some(1.0)) {
        format!("XXXX-XX-XXT{part}")
    } else if let Some(unit) = Unit::parse(word) {
        let every_other = caps
            .get(0)
            .is_some_and(|m| m.as_str().to_ascii_lowercase().contains("other"));
        let count = if every_other {
            count.map(|c| c * 2.0)
        } else {
            count
        };
        let is_frequency = caps.get(0).is_some_and(|m| {
            let lower = m.as_str().to_ascii_lowercase();
            lower.starts_with("once") || lower.starts_with("twice") || lower.contains("times")
        });
        if is_frequency {
            unit.duration(Some(1.0))
        } else {
            unit.duration(count)
        }
    } else if let Some(day) = weekday(word) {
        format!("XXXX-WXX-{}", day.number_from_monday())
    } else if let Some(part) = part_of_day(word) {
        format!("XXXX-XX-XXT{part}")
    } else {
        return vec![];
    };
    vec![Candidate::new(start, end, Expr::Set(value))]
}

pub(super) fn parse_set_adverb(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(adv)) = (whole(caps), group(caps, "adv")) else {
        return vec![];
    };
    let value = match adv.as_str().to_ascii_lowercase().as_str() {
        "daily" | "everyday" => "P1D",
        "biweekly" | "fortnightly" => "P2W",
        "nightly" => "XXXX-XX-XXTNI",
        "mornings" => "XXXX-XX-XXTMO",
        "afternoons" => "XXXX-XX-XXTAF",
        "evenings" => "XXXX-XX-XXTEV",
        "weekly" => "P1W",
        "monthly" => "P1M",
        "quarterly" => "P3M",
        "hourly" => "PT1H",
        _ => "P1Y",
    };
    vec![Candidate::new(start, end, Expr::Set(value.to_string()))]
}

/// Compound durations: "1 year 1 month 21 days" → P1Y1M21D, "2 days 1
/// month" → P1M2D, "one week three days" → P1W3D.
pub(super) fn parse_compound_duration(caps: &Captures, text: &str) -> Vec<Candidate> {
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

/// "recent weeks", "the coming months", "the years ahead", "the days to
/// come", "the following days": an unspecified number of units right before or after the base
/// date. TimeML reads them as durations of unknown length ("PXW").
pub(super) fn parse_vague_span(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let Some(plural) = group(caps, "u")
        .or_else(|| group(caps, "u2"))
        .or_else(|| group(caps, "u3"))
    else {
        return vec![];
    };
    let singular = plural.as_str().to_ascii_lowercase();
    let Some(unit) = Unit::parse(singular.trim_end_matches('s')) else {
        return vec![];
    };
    vec![Candidate::new(
        start,
        end,
        Expr::Duration(unit.duration(None)),
    )]
}

/// "a weeklong manhunt", "the year-long siege": one unit.
pub(super) fn parse_unit_long(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(u)) = (whole(caps), group(caps, "u")) else {
        return vec![];
    };
    let Some(unit) = Unit::parse(&u.as_str().to_ascii_lowercase()) else {
        return vec![];
    };
    vec![Candidate::new(
        start,
        end,
        Expr::Duration(unit.duration(Some(1.0))),
    )]
}
