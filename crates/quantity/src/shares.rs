//! Shares written as fractions: "a third of the residents", "two-thirds of
//! voters", "half the buildings", "three quarters of the city". A share is
//! a figure in percent (a third → 33.3 percent), so that "a third of
//! voters" and "33 percent of voters" can be compared in the ledger.
//!
//! | form                                        | value        |
//! |---------------------------------------------|--------------|
//! | a/one + half, third, quarter, fifth … + of  | 100 / d      |
//! | two … nine + (-) thirds, quarters, fifths … + of | 100 · n / d |
//! | half + of/the ("half of them", "half the city") | 50       |
//!
//! Not shares: "one and a half million" (part of a numeral), ordinal
//! periods ("the first half of 2023", "the third quarter", "the third of
//! May"), and a fraction followed by a year or a month ("a quarter of 2023").

use corroborate_model::words::number_word_value;

use crate::token::{Kind, Tok};

/// Fraction words: (singular, plural, denominator).
const DENOMINATORS: &[(&str, &str, u32)] = &[
    ("half", "halves", 2),
    ("third", "thirds", 3),
    ("quarter", "quarters", 4),
    ("fourth", "fourths", 4),
    ("fifth", "fifths", 5),
    ("sixth", "sixths", 6),
    ("seventh", "sevenths", 7),
    ("eighth", "eighths", 8),
    ("ninth", "ninths", 9),
    ("tenth", "tenths", 10),
];

/// The denominator a fraction word names and whether it is plural
/// ("quarters" → 4, plural), in any case.
pub(crate) fn denominator(word: &str) -> Option<(u32, bool)> {
    DENOMINATORS.iter().find_map(|(one, many, d)| {
        if word.eq_ignore_ascii_case(one) {
            Some((*d, false))
        } else if word.eq_ignore_ascii_case(many) {
            Some((*d, true))
        } else {
            None
        }
    })
}

/// Whether `word` names a fraction ("third", "quarters"), in any case.
pub(crate) fn is_fraction_word(word: &str) -> bool {
    denominator(word).is_some()
}

/// Words before a fraction word that make it a period or an ordinal.
const ORDINAL_CONTEXT: &[&str] = &[
    "the", "first", "second", "third", "fourth", "last", "final", "latter", "former", "this",
    "that", "each", "every", "per",
];

/// A share found in a sentence: its tokens and its value in percent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Share {
    pub first: usize,
    /// Last token of the fraction (the fraction word, before "of").
    pub last: usize,
    pub percent: f64,
}

/// The shares of a sentence's tokens, in order.
pub(crate) fn shares(text: &str, toks: &[Tok]) -> Vec<Share> {
    let mut out: Vec<Share> = Vec::new();
    for i in 0..toks.len() {
        if out.last().is_some_and(|s| s.last >= i) {
            continue;
        }
        if let Some(share) = share_ending_at(text, toks, i) {
            out.push(share);
        }
    }
    out
}

/// A share whose fraction word is token `i`.
fn share_ending_at(text: &str, toks: &[Tok], i: usize) -> Option<Share> {
    let word = toks.get(i).filter(|t| t.kind == Kind::Word)?.text(text);
    let (denominator, plural) = denominator(word)?;
    let whole = followed_by_whole(text, toks, i)?;
    let (first, numerator) = match numerator_before(text, toks, i) {
        Some((first, n)) if (n > 1) == plural && n < denominator => (first, n),
        Some(_) => return None,
        None if denominator == 2 && !plural && whole != Whole::Other => (i, 1),
        None => return None,
    };
    if first == i && word_before_is(text, toks, i, ORDINAL_CONTEXT) {
        return None;
    }
    if first < i && word_before_is(text, toks, first, &["and", "the"]) {
        return None;
    }
    Some(Share {
        first,
        last: i,
        percent: 100.0 * f64::from(numerator) / f64::from(denominator),
    })
}

/// What follows a fraction word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whole {
    /// "of" and a whole that is not a date.
    Of,
    /// "the" ("half the city").
    The,
    Other,
}

/// "of the residents" or "the city" after the fraction; `None` when
/// nothing fits or "of" leads to a year or month ("a quarter of 2023").
fn followed_by_whole(text: &str, toks: &[Tok], i: usize) -> Option<Whole> {
    let next = toks.get(i + 1)?;
    if next.is(text, "the") {
        return Some(Whole::The);
    }
    if !next.is(text, "of") {
        return None;
    }
    let after = toks.get(i + 2)?;
    let date_like = match after.kind {
        Kind::Num => after.value >= 1000.0 && after.value < 2200.0 && after.value.fract() == 0.0,
        Kind::Word => corroborate_model::words::MONTH_NAMES
            .contains(&after.text(text).to_ascii_lowercase().as_str()),
        Kind::Punct => true,
    };
    (!date_like).then_some(Whole::Of)
}

/// "a", "one", "two" … before the fraction word (with or without a
/// hyphen): (first token, numerator).
fn numerator_before(text: &str, toks: &[Tok], i: usize) -> Option<(usize, u32)> {
    let mut at = i.checked_sub(1)?;
    if toks.get(at)?.is_punct(text, &['-']) {
        at = at.checked_sub(1)?;
    }
    let tok = toks.get(at).filter(|t| t.kind == Kind::Word)?;
    let word = tok.text(text).to_ascii_lowercase();
    let value = if word == "a" || word == "an" {
        1
    } else {
        number_word_value(&word).filter(|n| (1..10).contains(n))?
    };
    Some((at, value))
}

fn word_before_is(text: &str, toks: &[Tok], i: usize, words: &[&str]) -> bool {
    i.checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| words.iter().any(|w| t.is(text, w)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::read_str;

    fn percents(sentence: &str) -> Vec<f64> {
        let toks = read_str(sentence);
        shares(sentence, &toks)
            .iter()
            .map(|s| (s.percent * 10.0).round() / 10.0)
            .collect()
    }

    #[test]
    fn fractions_of_a_whole_are_shares() {
        assert_eq!(percents("A third of the 300 residents fled."), [33.3]);
        assert_eq!(percents("Two-thirds of voters backed it."), [66.7]);
        assert_eq!(percents("three quarters of the city"), [75.0]);
        assert_eq!(
            percents("Half of the buildings and half the roads"),
            [50.0, 50.0]
        );
        assert_eq!(percents("one fifth of households"), [20.0]);
    }

    #[test]
    fn periods_ordinals_and_numerals_are_not_shares() {
        assert!(percents("in the first half of the year").is_empty());
        assert!(percents("One and a half million people fled.").is_empty());
        assert!(percents("on the third of May").is_empty());
        assert!(percents("a quarter of 2023 passed").is_empty());
        assert!(percents("the third quarter results").is_empty());
        assert!(percents("two thirds").is_empty());
        assert!(
            percents("four thirds of it").is_empty(),
            "not a share of a whole"
        );
    }
}
