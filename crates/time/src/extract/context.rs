//! What surrounds a match: capture-group helpers, the words before and
//! after a span, digits glued to a number ("10,000", "1-800"), a "the"
//! before a span and the end of a clause. Shared by every expression family.

use crate::lexicon::weekday;
use regex::Captures;

pub(super) fn group<'t>(caps: &Captures<'t>, name: &str) -> Option<regex::Match<'t>> {
    caps.name(name)
}

pub(super) fn number(caps: &Captures, name: &str) -> Option<u32> {
    group(caps, name).and_then(|m| m.as_str().parse().ok())
}

pub(super) fn whole(caps: &Captures) -> Option<(usize, usize)> {
    caps.get(0).map(|m| (m.start(), m.end()))
}

/// True when the match touches other digits in a way that makes it part of a
/// bigger number ("10,000", "3.2", phone numbers, "1-800").
/// "1-2016-11", "2016-11-x9": a number run joined by hyphens.
pub(super) fn hyphen_joined_number(text: &str, start: usize, end: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    let mut after = text.get(end..).unwrap_or("").chars();
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    (before.next() == Some('-') && digit(before.next()))
        || (after.next() == Some('-') && digit(after.next()))
}

pub(super) fn glued_to_number(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let mut back = before.chars().rev();
    let mut ahead = after.chars();
    let (b1, b2) = (back.next(), back.next());
    let (a1, a2) = (ahead.next(), ahead.next());
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let joiner = |c: Option<char>| matches!(c, Some(',' | '.' | ':' | '/'));
    (joiner(b1) && digit(b2))
        || (joiner(a1) && digit(a2))
        || digit(b1)
        || digit(a1)
        || matches!(b1, Some('$' | '€' | '£' | '#' | '№' | '+'))
        || matches!(a1, Some('%'))
}

/// "555 1999": a number separated from other digits by one space.
pub(super) fn in_digit_sequence(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let spaced_digit = |mut chars: std::str::Chars, reverse: bool| {
        let (first, second) = if reverse {
            (chars.next_back(), chars.next_back())
        } else {
            (chars.next(), chars.next())
        };
        first == Some(' ') && second.is_some_and(|c| c.is_ascii_digit())
    };
    spaced_digit(before.chars(), true) || spaced_digit(after.chars(), false)
}

pub(super) fn preceded_by(text: &str, start: usize, word: &str) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    before.len() >= word.len()
        && before
            .get(before.len() - word.len()..)
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
        && before
            .get(..before.len() - word.len())
            .and_then(|rest| rest.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric())
}

pub(super) fn word_before_start(text: &str, start: usize) -> usize {
    let before = text.get(..start).unwrap_or("");
    let trimmed = before.trim_end();
    trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The text a match covers, as written (matches run on lowercased text).
pub(super) fn original<'t>(text: &'t str, m: regex::Match) -> &'t str {
    text.get(m.start()..m.end()).unwrap_or("")
}

pub(super) fn previous_word(text: &str, start: usize) -> String {
    let before = text.get(..start).unwrap_or("");
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let word: String = trimmed
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    word.chars().rev().collect::<String>().to_lowercase()
}

pub(super) fn next_word(text: &str, end: usize) -> String {
    let after = text.get(end..).unwrap_or("");
    let trimmed = after.trim_start();
    trimmed
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase()
}

pub(super) use corroborate_text::floor_char_boundary;

/// Head words of newspaper and programme titles ("Daily News", "Sunday
/// Times", "the Today show").
const TITLE_HEADS: &[&str] = &[
    "times",
    "telegraph",
    "express",
    "mail",
    "mirror",
    "news",
    "post",
    "herald",
    "tribune",
    "star",
    "standard",
    "journal",
    "independent",
    "observer",
    "magazine",
    "gazette",
    "globe",
    "chronicle",
    "record",
    "review",
    "show",
    "edition",
    "programme",
];

/// Capitalized words that make a weekday a named day ("Patch Tuesday",
/// "Black Friday", "Bloody Sunday", "Good Friday"): names, or moveable
/// feasts this tagger does not compute, never the last such weekday.
const NAMED_DAYS: &[&str] = &[
    "patch", "super", "black", "cyber", "bloody", "good", "holy", "easter", "palm", "ash",
    "maundy", "shrove", "giving",
];

/// Whether a capitalized time word names a publication or programme
/// ("New York Daily News", "The Sunday Times", "USA Today", "the Today
/// show"): a time word in a proper name is not a time expression (TIDES
/// and TimeML non-markable names).
pub(super) fn in_a_title(text: &str, start: usize, end: usize) -> bool {
    let word = text.get(start..end).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let next_capitalized = after.starts_with(' ')
        && after
            .trim_start()
            .starts_with(|c: char| c.is_ascii_uppercase());
    // "the centre-left daily Eleftherotypia": a newspaper.
    let periodical = matches!(word.to_ascii_lowercase().as_str(), "daily" | "weekly");
    if periodical && next_capitalized {
        return true;
    }
    let capitalized = word.starts_with(|c: char| c.is_ascii_uppercase());
    let one_word = !word.contains(char::is_whitespace);
    if !capitalized || !one_word {
        return false;
    }
    if NAMED_DAYS.contains(&previous_word(text, start).as_str()) && weekday(word).is_some() {
        let before = text.get(..start).unwrap_or("").trim_end();
        let named = before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
        if named {
            return true;
        }
    }
    let next_is_head = after.starts_with(' ')
        && TITLE_HEADS.contains(&next_word(text, end).as_str())
        && (after
            .trim_start()
            .starts_with(|c: char| c.is_ascii_uppercase())
            || next_word(text, end) == "show");
    let after_an_acronym = word == "Today"
        && text
            .get(..start)
            .unwrap_or("")
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()));
    next_is_head || after_an_acronym
}

/// Start of a "the " right before `start` (case-insensitive), if any.
pub(super) fn the_before(text: &str, start: usize) -> Option<usize> {
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
pub(super) fn with_the(text: &str, start: usize) -> usize {
    the_before(text, start).unwrap_or(start)
}

pub(super) fn ends_clause(text: &str, end: usize) -> bool {
    text.get(end..)
        .unwrap_or("")
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ',' | ';' | ')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_numbers_are_rejected() {
        assert!(glued_to_number("10,000", 3, 6));
        assert!(!glued_to_number("in 2011 the", 3, 7));
    }
}
