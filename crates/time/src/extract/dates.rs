//! Calendar dates, months and years: ISO and numeric dates in all common
//! orders ("2022-01-05", "4/22/2019", "16. Nov. 2016", "2019-sep-1",
//! "april22"), day–month and month–day dates with day ranges and lists
//! ("4-6 January", "January 4–7, 2022", "the fifth of May"), months alone
//! or with a year ("May 2021", "March of that year"), years ("2011", "490
//! BC", "year 247", "nineteen twenty eight") with the checks that keep
//! numbers, names and identifiers from reading as years, and bare days of
//! the month ("the 27th", "on 15", "the 20th of next month").

use super::clock::CLOCK_AFTER_DAY;
use super::context::{
    ends_clause, glued_to_number, group, hyphen_joined_number, in_digit_sequence, next_word,
    number, original, preceded_by, previous_word, whole, word_before_start,
};
use crate::expr::{Candidate, Expr, YearSpec};
use crate::lexicon::{month_number, ordinal_value, year_from_words, Unit};
use regex::Captures;

fn calendar(year: Option<YearSpec>, month: Option<u32>, day: Option<u32>) -> Expr {
    Expr::Calendar {
        year,
        month,
        day,
        day_end: None,
    }
}

fn valid_day(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

pub(super) fn parse_iso(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(y), Some(m), Some(d)) = (
        whole(caps),
        number(caps, "y"),
        number(caps, "m"),
        number(caps, "d"),
    ) else {
        return vec![];
    };
    if !valid_day(m, d) || glued_to_number(text, start, end) {
        return vec![];
    }
    let mut candidate = Candidate::new(
        start,
        end,
        calendar(Some(YearSpec::Explicit(y as i32)), Some(m), Some(d)),
    );
    if let (Some(h), Some(mi)) = (number(caps, "h"), number(caps, "mi")) {
        candidate.clock = Some((h, mi, number(caps, "sec")));
        // "…T14:05:00Z": universal time.
        candidate.zone = group(caps, "z").map(|_| "Z");
    }
    vec![candidate]
}

fn two_digit_year(y: u32, written: &str) -> i32 {
    if written.len() == 2 {
        if y < 50 {
            2000 + y as i32
        } else {
            1900 + y as i32
        }
    } else {
        y as i32
    }
}

/// `01/05/2022` and `01-05-2022` are read in US order (month first) unless
/// the first number cannot be a month.
pub(super) fn parse_slash(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(a), Some(b), Some(y)) = (
        whole(caps),
        number(caps, "a"),
        number(caps, "b"),
        group(caps, "y"),
    ) else {
        return vec![];
    };
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    let year = two_digit_year(y.as_str().parse().unwrap_or(0), y.as_str());
    if !valid_day(month, day) || glued_to_number(text, start, end) {
        return vec![];
    }
    vec![Candidate::new(
        start,
        end,
        calendar(Some(YearSpec::Explicit(year)), Some(month), Some(day)),
    )]
}

/// "2016-11", "2015/3", "11/2016": a month of a year. "2010-11" is read as
/// a span of years, not November 2010, when the second number can continue
/// the first year (11 > 10), as in "the 2010-11 season".
pub(super) fn parse_numeric_month(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let (year, month, year_first) = match (number(caps, "y"), number(caps, "m")) {
        (Some(y), Some(m)) => (y, m, true),
        _ => match (number(caps, "y2"), number(caps, "m2")) {
            (Some(y), Some(m)) => (y, m, false),
            _ => return vec![],
        },
    };
    let continues_year = year_first && month > year % 100;
    if !(1..=12).contains(&month)
        || !(1000..2100).contains(&year)
        || continues_year
        || glued_to_number(text, start, end)
        || hyphen_joined_number(text, start, end)
    {
        return vec![];
    }
    vec![Candidate::new(
        start,
        end,
        calendar(Some(YearSpec::Explicit(year as i32)), Some(month), None),
    )]
}

/// `05.01.2022` is read in European order (day first).
pub(super) fn parse_dotted(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(day), Some(month), Some(year)) = (
        whole(caps),
        number(caps, "a"),
        number(caps, "b"),
        number(caps, "y"),
    ) else {
        return vec![];
    };
    if !valid_day(month, day) || glued_to_number(text, start, end) {
        return vec![];
    }
    vec![Candidate::new(
        start,
        end,
        calendar(
            Some(YearSpec::Explicit(year as i32)),
            Some(month),
            Some(day),
        ),
    )]
}

/// "5 January 2022", "January 5, 2022", "Jan. 5", "4–6 January",
/// "between 4 and 7 January", "2 and 3 January" (a list: two candidates).
pub(super) fn parse_day_month(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(m), Some(d)) = (whole(caps), group(caps, "m"), number(caps, "d"))
    else {
        return vec![];
    };
    let Some(month) = month_number(m.as_str()) else {
        return vec![];
    };
    if !valid_day(month, d) || glued_to_number(text, start, end) {
        return vec![];
    }
    if is_lowercase_may_or_march(original(text, m)) && group(caps, "y").is_none() && d > 31 {
        return vec![];
    }
    // "september.15th" (month, dot, ordinal day) but not "May.15 people".
    let month_first = group(caps, "d").is_some_and(|day| m.start() < day.start());
    let dot_after_month = month_first
        && text
            .get(m.end()..)
            .is_some_and(|rest| rest.starts_with('.'));
    let suffixed = group(caps, "d").is_some_and(|day| {
        text.get(day.end()..)
            .and_then(|rest| rest.get(..2))
            .is_some_and(|s| matches!(s.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th"))
    });
    if !m.as_str().ends_with('.') && dot_after_month && !suffixed {
        return vec![];
    }
    let year = number(caps, "y")
        .or_else(|| number(caps, "yo"))
        .map(|y| y as i32)
        .or_else(|| words_year(caps))
        .map(YearSpec::Explicit)
        .or_else(|| group(caps, "ana").map(|a| YearSpec::Anaphoric(anaphoric_offset(a.as_str()))));
    let second = number(caps, "d2").filter(|d2| valid_day(month, *d2) && *d2 > d);
    let connector = group(caps, "conn").map(|c| c.as_str().trim().to_ascii_lowercase());
    let Some(d2) = second else {
        // No (valid) second day: re-match without it would be simplest, but
        // the connector then belongs to the text; keep only the first day.
        if group(caps, "d2").is_some() {
            return single_day_without_range(caps, start, month, d, year);
        }
        return vec![Candidate::new(
            start,
            end,
            calendar(year, Some(month), Some(d)),
        )];
    };
    let is_list =
        matches!(connector.as_deref(), Some("and" | "or")) && !preceded_by(text, start, "between");
    if is_list {
        return split_day_list(caps, start, end, month, d, d2, year);
    }
    let mut candidate = Candidate::new(start, end, calendar(year, Some(month), Some(d)));
    candidate.expr = Expr::Calendar {
        year,
        month: Some(month),
        day: Some(d),
        day_end: Some(d2),
    };
    candidate.ends = range_ends(caps, start, end);
    if preceded_by(text, start, "between") || preceded_by(text, start, "from") {
        candidate.start = word_before_start(text, start);
    }
    vec![candidate]
}

/// The spans of the two ends of a day range, split at its connector as a
/// list is ("12-14 July" → "12", "14 July"; "March 5-9" → "March 5", "9").
fn range_ends(caps: &Captures, start: usize, end: usize) -> Option<[(usize, usize); 2]> {
    let (conn, first_day, m) = (group(caps, "conn")?, group(caps, "d")?, group(caps, "m")?);
    let first = if m.start() < first_day.start() {
        (start, conn.start())
    } else {
        (first_day.start(), first_day.end())
    };
    Some([first, (conn.end(), end)])
}

fn single_day_without_range(
    caps: &Captures,
    start: usize,
    month: u32,
    day: u32,
    year: Option<YearSpec>,
) -> Vec<Candidate> {
    // Month-first form ("January 5-6000"): keep "January 5".
    match (group(caps, "conn"), group(caps, "m")) {
        (Some(conn), Some(m)) if m.start() < conn.start() => vec![Candidate::new(
            start,
            conn.start(),
            calendar(year, Some(month), Some(day)),
        )],
        _ => vec![],
    }
}

/// "2 and 3 January" → "2" and "3 January"; "January 2 and 3" → "January 2" and "3".
fn split_day_list(
    caps: &Captures,
    start: usize,
    end: usize,
    month: u32,
    d1: u32,
    d2: u32,
    year: Option<YearSpec>,
) -> Vec<Candidate> {
    let (Some(conn), Some(first_day), Some(m)) =
        (group(caps, "conn"), group(caps, "d"), group(caps, "m"))
    else {
        return vec![];
    };
    let month_first = m.start() < first_day.start();
    let first_end = if month_first {
        conn.start()
    } else {
        first_day.end()
    };
    let first_start = if month_first {
        start
    } else {
        first_day.start()
    };
    vec![
        Candidate::new(
            first_start,
            first_end,
            calendar(year, Some(month), Some(d1)),
        ),
        Candidate::new(conn.end(), end, calendar(year, Some(month), Some(d2))),
    ]
}

fn is_lowercase_may_or_march(word: &str) -> bool {
    matches!(word, "may" | "march" | "mar")
}

pub(super) fn parse_month_year(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(m)) = (whole(caps), group(caps, "m")) else {
        return vec![];
    };
    let Some(month) = month_number(m.as_str()) else {
        return vec![];
    };
    let year = if let Some(ana) = group(caps, "ana") {
        YearSpec::Anaphoric(anaphoric_offset(ana.as_str()))
    } else if let Some(dei) = group(caps, "dei") {
        YearSpec::Deictic(match dei.as_str().to_ascii_lowercase().as_str() {
            "next" => 1,
            "last" => -1,
            _ => 0,
        })
    } else if let Some(y) = words_year(caps) {
        YearSpec::Explicit(y)
    } else {
        let Some(y) = number(caps, "y") else {
            return vec![];
        };
        let bc = group(caps, "bc").is_some();
        if !bc && !(1000..2100).contains(&y) {
            return vec![];
        }
        if glued_to_number(text, start, end) {
            return vec![];
        }
        YearSpec::Explicit(if bc { -(y as i32) } else { y as i32 })
    };
    vec![Candidate::new(
        start,
        end,
        calendar(Some(year), Some(month), None),
    )]
}

/// A year written in words in group `yw`.
pub(super) fn words_year(caps: &Captures) -> Option<i32> {
    group(caps, "yw").and_then(|w| crate::lexicon::year_from_words(w.as_str()))
}

pub(super) fn anaphoric_offset(word: &str) -> i32 {
    let lower = word.to_ascii_lowercase();
    if lower.contains("following") || lower.contains("next") {
        1
    } else if lower.contains("previous") || lower.contains("preceding") {
        -1
    } else {
        0
    }
}

/// A month name alone; "May" and "March" only when capitalised and not
/// sentence-initial-looking modal use ("May I").
pub(super) fn parse_month_alone(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some(m) = group(caps, "m") else {
        return vec![];
    };
    let word = original(text, m);
    if !word.starts_with(|c: char| c.is_uppercase())
        && is_lowercase_may_or_march(&word.to_ascii_lowercase())
    {
        return vec![];
    }
    if word.eq_ignore_ascii_case("may") && !word.starts_with('M') {
        return vec![];
    }
    if word == "May" && followed_by_verb_like(text, m.end()) {
        return vec![];
    }
    if matches!(word, "May" | "March") && part_of_a_name(text, m.start(), m.end()) {
        return vec![];
    }
    let Some(month) = month_number(word) else {
        return vec![];
    };
    vec![Candidate::new(
        m.start(),
        m.end(),
        calendar(None, Some(month), None),
    )]
}

/// "the Long March", "Women's March on", "March to the Sea": a capitalised
/// word before it (not at a sentence start), "the"/"a" before it, or "to"/"on"
/// after it make "March"/"May" part of a name or a noun.
fn part_of_a_name(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let previous: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect();
    let previous: String = previous.chars().rev().collect();
    let before_previous = before
        .get(..before.len() - previous.len())
        .unwrap_or("")
        .trim_end();
    let sentence_start =
        before_previous.is_empty() || before_previous.ends_with(['.', '!', '?', '\n', ':']);
    let capitalised = previous.starts_with(|c: char| c.is_uppercase()) && !sentence_start;
    let is_preposition = matches!(
        previous.to_ascii_lowercase().as_str(),
        "in" | "of"
            | "by"
            | "until"
            | "since"
            | "from"
            | "to"
            | "during"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "that"
            | "in early"
            | "through"
    );
    let article = matches!(previous.to_ascii_lowercase().as_str(), "the" | "a" | "an");
    let next = next_word(text, end);
    (capitalised && !is_preposition)
        || article
        || matches!(next.as_str(), "to" | "on" | "battalion" | "against")
}

/// "May be", "May I", "May have": modal uses at the start of a sentence.
fn followed_by_verb_like(text: &str, end: usize) -> bool {
    let after = text.get(end..).unwrap_or("").trim_start();
    let next: String = after
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        next.as_str(),
        "be" | "i" | "we" | "you" | "he" | "she" | "they" | "have" | "not" | "it" | "the"
    )
}

/// Nouns after a number that make it a count, not a year ("2000 troops").
pub(super) const COUNTED_NOUNS: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "police",
    "policemen",
    "officers",
    "protesters",
    "demonstrators",
    "residents",
    "civilians",
    "men",
    "women",
    "children",
    "members",
    "employees",
    "workers",
    "votes",
    "voters",
    "dollars",
    "euros",
    "pounds",
    "roubles",
    "rubles",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "tons",
    "tonnes",
    "barrels",
    "cases",
    "deaths",
    "casualties",
    "injured",
    "killed",
    "dead",
    "wounded",
    "arrests",
    "arrested",
    "detained",
    "detainees",
    "vehicles",
    "tanks",
    "aircraft",
    "planes",
    "units",
    "hours",
    "days",
    "years",
    "percent",
    "per",
    "mm",
    "kg",
    "prisoners",
    "refugees",
    "households",
    "families",
    "students",
    "copies",
    "signatures",
    "seats",
    "rounds",
    "shells",
    "rockets",
    "missiles",
    "guns",
    "victims",
    "fighters",
    "rebels",
    "militants",
    "guards",
    "sailors",
    "ships",
    "horses",
    "cannons",
];

/// Words before a number that make it an identifier, not a year.
pub(super) const IDENTIFIER_WORDS: &[&str] = &[
    "article",
    "art",
    "no",
    "nos",
    "number",
    "page",
    "p",
    "pp",
    "section",
    "chapter",
    "resolution",
    "law",
    "decree",
    "order",
    "flight",
    "route",
    "highway",
    "room",
    "unit",
    "code",
    "case",
    "nlr",
    "paragraph",
    "para",
    "clause",
    "item",
    "bill",
    "act",
    "regulation",
    "ordinance",
    "amendment",
    "vol",
    "volume",
    "issue",
    "tel",
    "phone",
    "fax",
    "box",
    "building",
    "house",
    "apartment",
    "platform",
    "gate",
    "division",
    "line",
    "model",
    "version",
    "score",
    "over",
    "than",
    "about",
    "nearly",
    "almost",
    "around",
    "some",
    "approximately",
];

pub(super) fn parse_year(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(y)) = (whole(caps), number(caps, "y")) else {
        return vec![];
    };
    let bc = group(caps, "bc").is_some();
    let written_era = bc
        || caps
            .get(0)
            .is_some_and(|m| m.as_str().to_ascii_uppercase().starts_with('A'));
    if !written_era {
        if !(1000..2100).contains(&y)
            || glued_to_number(text, start, end)
            || in_digit_sequence(text, start, end)
        {
            return vec![];
        }
        if IDENTIFIER_WORDS.contains(&previous_word(text, start).as_str())
            || COUNTED_NOUNS.contains(&next_word(text, end).as_str())
        {
            return vec![];
        }
    }
    if bc
        && text
            .get(end..)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_alphanumeric()))
    {
        return vec![];
    }
    let year = if bc { -(y as i32) } else { y as i32 };
    vec![Candidate::new(
        start,
        end,
        calendar(Some(YearSpec::Explicit(year)), None, None),
    )]
}

/// "the twenty-first of May", "May twenty-first".
pub(super) fn parse_ordinal_day_month(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(m), Some(dw)) =
        (whole(caps), group(caps, "m"), group(caps, "dw"))
    else {
        return vec![];
    };
    let (Some(month), Some(day)) = (month_number(m.as_str()), ordinal_value(dw.as_str())) else {
        return vec![];
    };
    if !valid_day(month, day as u32) {
        return vec![];
    }
    let year = number(caps, "y")
        .or_else(|| number(caps, "yo"))
        .map(|y| y as i32)
        .or_else(|| words_year(caps))
        .map(YearSpec::Explicit)
        .or_else(|| group(caps, "ana").map(|a| YearSpec::Anaphoric(anaphoric_offset(a.as_str()))));
    vec![Candidate::new(
        start,
        end,
        calendar(year, Some(month), Some(day as u32)),
    )]
}

/// "in Jan", "this Sept": an abbreviated month needs a preposition before it.
pub(super) fn parse_month_abbreviation(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some(m) = group(caps, "m") else {
        return vec![];
    };
    let Some(month) = month_number(m.as_str()) else {
        return vec![];
    };
    let end = if m.as_str().ends_with('.') {
        m.end() - 1
    } else {
        m.end()
    };
    vec![Candidate::new(
        m.start(),
        end,
        calendar(None, Some(month), None),
    )]
}

/// Words that may follow a bare "the 27th" when it is a date (not "the 4th
/// Division" or "the 2nd round").
const AFTER_BARE_DAY: &[&str] = &[
    "", "at", "and", "or", "to", "till", "until", "through", "for", "from", "in", "on", "with",
    "when", "but", "we", "i", "you", "he", "she", "they", "it", "is", "was", "will", "would",
];

/// "the 27th", "on 22nd", "Friday the 22nd", "Thursday the twenty first",
/// "the 20th of next month". A bare ordinal needs "the", a weekday or a
/// following month reference, and must not be followed by a noun.
pub(super) fn parse_day_of_month(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let day = number(caps, "d")
        .or_else(|| number(caps, "d2"))
        .or_else(|| {
            group(caps, "dw")
                .and_then(|w| ordinal_value(w.as_str()))
                .map(|d| d as u32)
        });
    let Some(day) = day.filter(|d| (1..=31).contains(d)) else {
        return vec![];
    };
    if glued_to_number(text, start, end) {
        return vec![];
    }
    let month_offset = group(caps, "rel").map(|r| match r.as_str().to_ascii_lowercase().as_str() {
        "next" => 1,
        "last" => -1,
        _ => 0,
    });
    let has_the = group(caps, "the").is_some() || group(caps, "the2").is_some();
    let has_suffix = group(caps, "suf").is_some() || group(caps, "suf2").is_some();
    let has_weekday = group(caps, "wd").is_some();
    let noun_free = AFTER_BARE_DAY.contains(&next_word(text, end).as_str());
    let ends_clause = text
        .get(end..)
        .unwrap_or("")
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ',' | ';' | ')'));
    let after_preposition = matches!(
        previous_word(text, start).as_str(),
        "on" | "by" | "until" | "till" | "since" | "from" | "before" | "after" | "for"
    );
    let accepted = month_offset.is_some()
        || (has_weekday && has_suffix)
        || (group(caps, "dw").is_some() && !has_the && noun_free)
        || (group(caps, "the2").is_some() && ends_clause && after_preposition)
        || (has_the && has_suffix && noun_free)
        || (group(caps, "the").is_some() && !has_suffix && ends_clause)
        || (!has_the && has_suffix && noun_free && after_preposition);
    if !accepted {
        return vec![];
    }
    vec![Candidate::new(
        start,
        end,
        Expr::DayOfMonth { day, month_offset },
    )]
}

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
pub(super) fn parse_glued_month_day(caps: &Captures, text: &str) -> Vec<Candidate> {
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
pub(super) fn parse_month_slash_day(caps: &Captures, text: &str) -> Vec<Candidate> {
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
pub(super) fn parse_short_year_date(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(a), Some(b), Some(y)) = (
        whole(caps),
        number(caps, "a"),
        number(caps, "b"),
        group(caps, "y"),
    ) else {
        return vec![];
    };
    if glued_to_number(text, start, end) || hyphen_joined_number(text, start, end) {
        return vec![];
    }
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    let year = four_digit_year(y.as_str().parse().unwrap_or(0), y.as_str());
    day_candidate(start, end, Some(year), month, day)
}

/// "2015.5.13", "2019-sep-1", "2019/sep/01".
pub(super) fn parse_year_first(caps: &Captures, text: &str) -> Vec<Candidate> {
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
pub(super) fn parse_year_month(caps: &Captures, text: &str) -> Vec<Candidate> {
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
    if group(caps, "m").is_some_and(|m| is_lowercase_may_or_march(original(text, m))) {
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
        || hyphen_joined_number(text, start, end)
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
pub(super) fn parse_dotted_day(caps: &Captures, _text: &str) -> Vec<Candidate> {
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

/// "on 15", "on the 15" at the end of a clause, "15 at 8:00", "5th at 4
/// a.m.", "15, 8pm": a day of the month written as a bare number. The span
/// is the number (with its suffix).
pub(super) fn parse_bare_day(caps: &Captures, text: &str) -> Vec<Candidate> {
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
    let clock_follows = CLOCK_AFTER_DAY.is_match(text.get(end..).unwrap_or(""));
    if before_on && !ends_clause(text, end) && !clock_follows {
        return vec![];
    }
    if glued_to_number(text, d.start(), end) || hyphen_joined_number(text, d.start(), end) {
        return vec![];
    }
    if !before_on {
        // "15 at 8:00" needs a clock after it; "2, 3" is a list of numbers.
        let after_number = previous_word(text, d.start())
            .chars()
            .all(|c| c.is_ascii_digit())
            && !previous_word(text, d.start()).is_empty();
        // "Division 3 at 1:45 p.m.", "Gate 5 at 9": a numbered thing.
        let numbered_thing = IDENTIFIER_WORDS.contains(&previous_word(text, d.start()).as_str());
        if !clock_follows
            || after_number
            || numbered_thing
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

/// "year 247": a year of any size after the word "year".
pub(super) fn parse_year_number(caps: &Captures, text: &str) -> Vec<Candidate> {
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

/// "in nineteen twenty eight": a year in words after a preposition.
pub(super) fn parse_year_words(caps: &Captures, text: &str) -> Vec<Candidate> {
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

/// A year written with its last two digits after an apostrophe ("in '44",
/// "June '44"): the century comes from the narrative when resolved.
pub(super) fn parse_short_year(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(yy), Some(apostrophe)) =
        (whole(caps), number(caps, "yy"), group(caps, "apos"))
    else {
        return vec![];
    };
    if glued_to_number(text, start, end) {
        return vec![];
    }
    let month = group(caps, "m").and_then(|m| month_number(original(text, m)));
    let start = if month.is_some() {
        start
    } else {
        apostrophe.start()
    };
    vec![Candidate::new(
        start,
        end,
        Expr::ShortYear {
            last_digits: yy as i32,
            month,
        },
    )]
}

/// "1995-99", "the 2004-05 season": two years, the second written with
/// its last two digits (TimeML tags each end). Only a later year that is
/// the next one or cannot be a month reads so; "2013-09" stays a month.
pub(super) fn parse_year_span(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(first), Some(last)) =
        (whole(caps), group(caps, "y"), group(caps, "yy"))
    else {
        return vec![];
    };
    let (Ok(year), Ok(yy)) = (first.as_str().parse::<i32>(), last.as_str().parse::<i32>()) else {
        return vec![];
    };
    let later = yy > year % 100 && (yy == (year + 1) % 100 || yy > 12);
    let continues = text.get(end..).is_some_and(|rest| {
        rest.starts_with(['-', '/', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    });
    if !(1000..2100).contains(&year) || !later || continues || glued_to_number(text, start, end) {
        return vec![];
    }
    let year_of = |y: i32| calendar(Some(YearSpec::Explicit(y)), None, None);
    vec![
        Candidate::new(first.start(), first.end(), year_of(year)),
        Candidate::new(last.start(), last.end(), year_of(year - year % 100 + yy)),
    ]
}

/// Holidays on a fixed day of the Western calendar ("Christmas Eve",
/// "New Year's Day 2020"): that day, its year resolved like "24 December".
pub(super) fn parse_fixed_holiday(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(name)) = (whole(caps), group(caps, "h")) else {
        return vec![];
    };
    if inside_a_title(text, start) {
        return vec![];
    }
    let name = name.as_str().replace(['\u{2019}', '\''], "");
    let words: Vec<&str> = name.split_whitespace().collect();
    let (month, day) = match words.as_slice() {
        ["christmas", "eve"] => (12, 24),
        ["christmas", ..] => (12, 25),
        ["new", "years", "eve"] => (12, 31),
        ["new", "years", "day"] => (1, 1),
        ["boxing", "day"] => (12, 26),
        ["valentines", "day"] => (2, 14),
        ["halloween"] => (10, 31),
        // "may day" in lower case is a modal and a noun.
        ["may", "day"] if text.get(start..).is_some_and(|t| t.starts_with("May D")) => (5, 1),
        _ => return vec![],
    };
    let year = number(caps, "y").map(|y| YearSpec::Explicit(y as i32));
    vec![Candidate::new(
        start,
        end,
        calendar(year, Some(month), Some(day)),
    )]
}

/// Words that start a time phrase and may be capitalised at a sentence
/// start ("On Christmas Eve").
const PHRASE_OPENERS: &[&str] = &[
    "on", "in", "at", "by", "since", "until", "after", "before", "during", "last", "next", "this",
    "that", "for", "from", "over", "through", "till",
];

/// Whether the capitalised word before `start` makes the match part of a
/// name or title ("White Christmas", "Merry Christmas").
fn inside_a_title(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    word.starts_with(char::is_uppercase)
        && !PHRASE_OPENERS.contains(&word.to_ascii_lowercase().as_str())
}
