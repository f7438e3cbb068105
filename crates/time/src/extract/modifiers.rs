//! Modifiers folded into a recognised expression: point modifiers on
//! dates ("early", "mid", "the end of", "late"), approximation ("around",
//! "about"), parts of a day ("the evening of"), "the week of", and duration
//! quantifiers ("more than", "at least", "nearly") and suffixes.

use super::compile;
use super::context::floor_char_boundary;
use crate::expr::{Candidate, Expr, PointMod};
use crate::lexicon::part_of_day;
use regex::Regex;
use std::sync::LazyLock;

pub(super) fn point_mod(word: Option<regex::Match>) -> Option<PointMod> {
    let lower = word?.as_str().to_ascii_lowercase();
    match lower.as_str() {
        "early" | "beginning" | "start" => Some(PointMod::Start),
        "mid" | "middle" => Some(PointMod::Mid),
        "late" | "end" | "close" => Some(PointMod::End),
        "rest" | "remainder" => Some(PointMod::Rest),
        _ => None,
    }
}

pub(super) fn with_mod(mut candidate: Candidate, pm: Option<PointMod>) -> Candidate {
    if pm.is_some() {
        candidate.point_mod = pm;
        candidate.approximate = true;
    }
    candidate
}

/// Modifier phrases that may stand right before a date, longest first.
static DATE_MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?P<phrase>(?P<weekof>(?:the\s+)?week\s+(?:of|commencing|starting(?:\s+on)?|beginning(?:\s+on)?)|w/c)|the\s+(?P<part>morning|afternoon|evening|night)\s+of|the\s+(?:early|small|wee)\s+(?P<hours>hours)\s+of|the\s+(?P<pm3>first|last|final|opening|closing)\s+(?P<edge>week|weeks|days|months)\s+of|(?:the\s+)?(?:very\s+)?(?P<pm>early|late|mid)(?:\s+(?:of|in))?|(?:the\s+)?(?:very\s+)?(?P<pmx>middle|end|beginning|start|close|turn|first\s+half|second\s+half|latter\s+half|latter\s+part|early\s+part)\s+(?:of|in)|(?P<pm2>earlier|later)(?P<within>\s+in)?|(?P<approx>around|about|approximately|roughly|circa|ca\.|nearly|almost)|(?P<plain>the\s+year)|(?P<monthof>(?:the\s+)?month\s+of))[\s-]*$",
    )
});

/// Qualifiers that may stand before a duration.
static DURATION_MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?P<phrase>(?:(?:just|only|well|a\s+little|a\s+bit)\s+)?(?:more\s+than|less\s+than|fewer\s+than|over|under|about|around|approximately|roughly|nearly|almost|some|at\s+least|at\s+most|up\s+to|close\s+to|ca\.|just|only|another|(?:the\s+|a\s+|its\s+)?(?:next|following|past|last|first|final|previous|coming|same|entire|whole)))\s+$",
    )
});

/// Words after a duration that belong to it ("18 years old", "a
/// 35-year-old", "a month-long").
static DURATION_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)^(?:[\s-]long|\s+period|[\s-]old|\s+of\s+age)\b"));

pub(super) fn build(source: &str) -> Regex {
    match compile(source) {
        Ok(regex) => regex,
        Err(err) => panic!("bad modifier pattern: {err}"),
    }
}

/// Extends a candidate leftwards over "early", "the end of", "around",
/// "the evening of", "more than" and records their meaning.
pub(super) fn extend_with_modifiers(text: &str, candidate: &mut Candidate) {
    if matches!(candidate.expr, Expr::Duration(_)) {
        if let Some(suffix) = text
            .get(candidate.end..)
            .and_then(|rest| DURATION_SUFFIX.find(rest))
        {
            candidate.end += suffix.end();
        }
    }
    let mut window_start = floor_char_boundary(text, candidate.start.saturating_sub(40));
    // A modifier stands on the expression's own line: a date line above a
    // sentence ("Updated 5:40 p.m.\nEarly Friday …") is not part of it.
    if let Some(newline) = text
        .get(window_start..candidate.start)
        .and_then(|before| before.rfind('\n'))
    {
        window_start += newline + 1;
    }
    let Some(before) = text.get(window_start..candidate.start) else {
        return;
    };
    let is_duration = matches!(candidate.expr, Expr::Duration(_));
    let regex = if is_duration {
        &*DURATION_MODIFIER
    } else {
        &*DATE_MODIFIER
    };
    let Some(caps) = regex.captures(before) else {
        return;
    };
    let Some(phrase) = caps.name("phrase") else {
        return;
    };
    // "over the past decade": "over" and "under" quantify a counted
    // duration ("over three years"); before "the …" they are prepositions.
    let preposition = matches!(
        phrase.as_str().to_ascii_lowercase().as_str(),
        "over" | "under"
    );
    let counted = text
        .get(candidate.start..candidate.end)
        .is_some_and(|t| !t.to_ascii_lowercase().starts_with("the "));
    if is_duration && preposition && !counted {
        return;
    }
    let datelike = !matches!(
        candidate.expr,
        Expr::Duration(_)
            | Expr::Set(_)
            | Expr::Reference(_)
            | Expr::NarrativeReference(_)
            | Expr::Clock
    );
    // "about 6am": an approximate clock time (TimeML mod APPROX).
    let approximate_clock = candidate.expr == Expr::Clock && caps.name("approx").is_some();
    if !is_duration && !datelike && !approximate_clock || is_participle(phrase.as_str()) {
        return;
    }
    if caps.name("weekof").is_some() {
        let is_day = matches!(
            candidate.expr,
            Expr::Calendar { day: Some(_), .. } | Expr::DayOfMonth { .. }
        );
        if !is_day {
            return;
        }
        candidate.whole_week = true;
    } else if let Some(part) = caps.name("part") {
        candidate.part_of_day = part_of_day(part.as_str());
    } else if caps.name("hours").is_some() {
        // "the early hours of Monday": the night before Monday's morning.
        candidate.part_of_day = Some("NI");
    } else if is_duration {
        let lower = phrase.as_str().to_ascii_lowercase();
        let exact_words = [
            "next",
            "following",
            "past",
            "last",
            "first",
            "final",
            "previous",
            "coming",
            "same",
            "entire",
            "whole",
            "another",
            "just",
            "only",
        ];
        candidate.approximate = !exact_words.iter().any(|w| lower.ends_with(w));
        let last_word = lower.split_whitespace().last().unwrap_or("");
        candidate.direction = match last_word {
            "next" | "following" | "coming" => Some(1),
            "past" | "last" | "previous" => Some(-1),
            _ => None,
        };
    } else if caps.name("approx").is_some() {
        candidate.approximate = true;
    } else if caps.name("monthof").is_some() {
        // "the month of May": no change; "month of September 16th": the month.
        if let Expr::Calendar {
            day: Some(_),
            year,
            month,
            ..
        } = candidate.expr
        {
            candidate.expr = Expr::Calendar {
                year,
                month,
                day: None,
                day_end: None,
            };
        }
    } else if caps.name("plain").is_some() {
        // "the year 1950": no change of meaning.
    } else {
        let word = caps
            .name("pm")
            .or_else(|| caps.name("pmx"))
            .or_else(|| caps.name("pm2"))
            .or_else(|| caps.name("pm3"));
        let lower = word
            .map(|w| w.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        let pm = match lower.split_whitespace().next().unwrap_or("") {
            "early" | "beginning" | "start" | "first" | "earlier" | "opening" => PointMod::Start,
            "late" | "end" | "close" | "latter" | "later" | "last" | "final" | "closing" => {
                PointMod::End
            }
            _ => PointMod::Mid,
        };
        // Bare "earlier"/"later" only qualify relative expressions ("earlier this week").
        let relative = matches!(
            candidate.expr,
            Expr::UnitShift { .. } | Expr::DayShift { .. }
        );
        if caps.name("pm2").is_some() && caps.name("within").is_none() && !relative {
            return;
        }
        candidate.point_mod = Some(pm);
        candidate.edge_days =
            caps.name("edge")
                .map(|e| match e.as_str().to_ascii_lowercase().as_str() {
                    "week" => 7,
                    "weeks" => 14,
                    "days" => 3,
                    _ => 61,
                });
        candidate.approximate = true;
    }
    candidate.start = window_start + phrase.start();
}

/// "Beginning in 1915", "starting in May": a participle introducing the
/// date, not a part of it ("the beginning of 1915" is).
fn is_participle(phrase: &str) -> bool {
    let lower = phrase.trim().to_ascii_lowercase();
    let mut words = lower.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some("beginning" | "start"), Some("in"), None)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modifier_patterns_compile() {
        assert!(DATE_MODIFIER.is_match("the end of "));
        assert!(DURATION_MODIFIER.is_match("more than "));
    }
}
