//! Ages: "aged 85", "at the age of 91", "dies at 75", "61 and 48 years
//! old", "Alice Smith, 58, and …". An age is a figure about one person
//! (concept `age`, unit `years`), never a count of the dead or detained the
//! sentence also speaks of.

use crate::token::{Kind, Tok};

/// Words right before a number that make it an age.
const AGE_WORDS: &[&str] = &["aged", "age", "ages"];

/// Verbs of dying before "at N" ("died at 75").
const DYING_AT: &[&str] = &["dies", "died", "dead", "death"];

/// Whether the number on tokens `first..=last` states someone's age.
pub(crate) fn is_age(text: &str, toks: &[Tok], first: usize, last: usize, value: f64) -> bool {
    if value.fract() != 0.0 || !(1.0..=125.0).contains(&value) {
        return false;
    }
    let word = |i: Option<usize>| -> Option<String> {
        let t = toks.get(i?)?;
        (t.kind == Kind::Word).then(|| t.text(text).to_ascii_lowercase())
    };
    let (prev, prev2) = (word(first.checked_sub(1)), word(first.checked_sub(2)));
    let after_age_word = prev.as_deref().is_some_and(|w| AGE_WORDS.contains(&w));
    let at_the_age_of = prev.as_deref() == Some("of") && prev2.as_deref() == Some("age");
    let died_at =
        prev.as_deref() == Some("at") && prev2.as_deref().is_some_and(|w| DYING_AT.contains(&w));
    after_age_word
        || at_the_age_of
        || died_at
        || years_old(text, toks, last + 1)
        || listed_before_years_old(text, toks, last + 1)
        || apposition(text, toks, first, last)
}

/// A hyphenated age from token `at` ("-year-old", "-month-olds",
/// "-week-old's" after "45", "two"): the last token of the compound and
/// the unit of the age. News writes most ages this way ("a 45-year-old
/// teacher"); the compound is one figure, an age, never a duration.
pub(crate) fn hyphenated_age(text: &str, toks: &[Tok], at: usize) -> Option<(usize, &'static str)> {
    const UNITS: &[(&str, &str)] = &[
        ("year", "years"),
        ("month", "months"),
        ("week", "weeks"),
        ("day", "days"),
    ];
    let hyphen = |i: usize| toks.get(i).is_some_and(|t| t.is_punct(text, &['-']));
    let word = |i: usize| {
        toks.get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(text).to_ascii_lowercase())
    };
    if !hyphen(at) || !hyphen(at + 2) {
        return None;
    }
    let unit = word(at + 1)?;
    let (_, label) = UNITS
        .iter()
        .find(|(singular, _)| unit == *singular || unit.strip_suffix('s') == Some(singular))?;
    let old = word(at + 3)?;
    let is_old = matches!(old.as_str(), "old" | "olds" | "old's" | "old’s" | "olds'");
    is_old.then_some((at + 3, *label))
}

/// "years old", "year old", "years of age" from token `at`.
fn years_old(text: &str, toks: &[Tok], at: usize) -> bool {
    let is = |i: usize, w: &str| toks.get(i).is_some_and(|t| t.is(text, w));
    (is(at, "years") || is(at, "year"))
        && (is(at + 1, "old") || (is(at + 1, "of") && is(at + 2, "age")))
}

/// "61 and 48 years old": the first of two ages given together.
fn listed_before_years_old(text: &str, toks: &[Tok], at: usize) -> bool {
    let joins = toks
        .get(at)
        .is_some_and(|t| t.is(text, "and") || t.is(text, "or") || t.is_punct(text, &[',']));
    let number_next = toks.get(at + 1).is_some_and(|t| t.kind == Kind::Num);
    joins && number_next && years_old(text, toks, at + 2)
}

/// "Alice Smith, 58, and …", "Nichols, 37, told …": a bare number between
/// commas right after a name.
fn apposition(text: &str, toks: &[Tok], first: usize, last: usize) -> bool {
    let comma_before = first
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .is_some_and(|t| t.is_punct(text, &[',']));
    let name_before = first
        .checked_sub(2)
        .and_then(|i| toks.get(i))
        .is_some_and(|t| t.is_capitalized(text) && !is_calendar_word(t.text(text)));
    let closed = toks
        .get(last + 1)
        .is_some_and(|t| t.is_punct(text, &[',', ')', ';']));
    comma_before && name_before && closed
}

/// Month and weekday names, which a date's number follows ("Monday, 12").
fn is_calendar_word(word: &str) -> bool {
    corroborate_model::words::is_calendar_name(&word.to_ascii_lowercase())
}
