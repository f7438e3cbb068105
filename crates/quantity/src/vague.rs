//! Vague amounts: "dozens", "hundreds", "tens of thousands", "several
//! thousand", "a few", "scores of".
//!
//! Each is read as an inclusive interval and its stated value is the lower
//! bound (the most defensible count, in the spirit of conflict-event coders
//! who record the smallest number a phrase implies).
//!
//! Rules (m is the multiplier: dozen 12, score 20, ten 10, hundred 100,
//! thousand 10³, million 10⁶, billion 10⁹):
//!
//! | phrase                        | interval                     | example                         |
//! |-------------------------------|------------------------------|---------------------------------|
//! | plural "dozens"               | [24, 99]                     | at least two dozen, below "hundreds" |
//! | plural "scores of"            | [40, 99]                     | at least two score              |
//! | plural "tens of"              | [20, 99]                     |                                 |
//! | plural "hundreds"/"thousands"/"millions"/"billions" | [2m, 10m − 1] | hundreds → [200, 999]      |
//! | P "of" P₂ ("tens of thousands") | [low(P)·m₂, (high(P)+1)·m₂ − 1] | → [20 000, 99 999]       |
//! | "several" / "a few" / "a couple of" / "a handful of" alone | [3, 9] / [2, 5] / [2, 3] / [2, 5] | |
//! | quantifier + singular m ("several thousand") | [qlow·m, (qhigh+1)·m − 1] | → [3 000, 9 999]   |
//! | quantifier + P "of" P₂ ("several tens of thousands") | [qlow·m(P)·m₂, (high(P)+1)·m₂ − 1] | → [30 000, 99 999] |
//!
//! "Dozens" is [24, 99] rather than ACLED's conventional 12: the plural
//! means at least two dozen, and a count of a hundred or more would be
//! reported as "hundreds"; the stated value (24) stays the conservative
//! minimum.

use crate::numeral::{lower, Numeral};
use crate::token::{Kind, Tok};

/// Documented examples of the rules above, each checked by a unit test.
#[cfg(test)]
pub(crate) const VAGUE_TABLE: &[(&str, f64, f64)] = &[
    ("dozens", 24.0, 99.0),
    ("scores of", 40.0, 99.0),
    ("tens of", 20.0, 99.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2000.0, 9999.0),
    ("millions", 2e6, 1e7 - 1.0),
    ("tens of thousands", 20000.0, 99999.0),
    ("hundreds of thousands", 200_000.0, 999_999.0),
    ("tens of millions", 2e7, 1e8 - 1.0),
    ("several", 3.0, 9.0),
    ("a few", 2.0, 5.0),
    ("a couple of", 2.0, 3.0),
    ("a handful of", 2.0, 5.0),
    ("several dozen", 36.0, 119.0),
    ("several hundred", 300.0, 999.0),
    ("several thousand", 3000.0, 9999.0),
    ("a few hundred", 200.0, 599.0),
    ("a few thousand", 2000.0, 5999.0),
    ("several tens of thousands", 30000.0, 99999.0),
];

/// (multiplier, low, high) of a plural multiplier word.
fn plural(word: &str) -> Option<(f64, f64, f64)> {
    Some(match word {
        "dozens" => (12.0, 24.0, 99.0),
        "scores" => (20.0, 40.0, 99.0),
        "tens" => (10.0, 20.0, 99.0),
        "hundreds" => (100.0, 200.0, 999.0),
        "thousands" => (1e3, 2e3, 1e4 - 1.0),
        "millions" => (1e6, 2e6, 1e7 - 1.0),
        "billions" => (1e9, 2e9, 1e10 - 1.0),
        _ => return None,
    })
}

fn singular(word: &str) -> Option<f64> {
    Some(match word {
        "dozen" => 12.0,
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        _ => return None,
    })
}

/// Quantifier words: (number of tokens, needs "of", low, high).
fn quantifier(words: [&str; 2]) -> Option<(usize, bool, f64, f64)> {
    Some(match words {
        ["several", _] => (1, false, 3.0, 9.0),
        ["a", "few"] => (2, false, 2.0, 5.0),
        ["a", "couple"] => (2, true, 2.0, 3.0),
        ["a", "handful"] => (2, true, 2.0, 5.0),
        _ => return None,
    })
}

/// Lower-cased word at token `i` (empty for non-words).
fn word_at<'a>(text: &str, toks: &[Tok], i: usize, buf: &'a mut [u8; 32]) -> &'a str {
    match toks.get(i) {
        Some(t) if t.kind == Kind::Word => lower(t.text(text), buf),
        _ => "",
    }
}

/// Reads a vague amount starting at token `i`.
pub(crate) fn vague_at(text: &str, toks: &[Tok], i: usize) -> Option<Numeral> {
    let (mut b0, mut b1) = ([0u8; 32], [0u8; 32]);
    let w0 = word_at(text, toks, i, &mut b0);
    let w1 = word_at(text, toks, i + 1, &mut b1);
    if let Some((len, needs_of, qlow, qhigh)) = quantifier([w0, w1]) {
        return quantified(text, toks, i, i + len, needs_of, (qlow, qhigh));
    }
    let (last, low, high) = plural_phrase(text, toks, i)?;
    numeral(toks, i, last, low, high)
}

/// "P" or "P of P₂" at `i`: (last token, low, high).
fn plural_phrase(text: &str, toks: &[Tok], i: usize) -> Option<(usize, f64, f64)> {
    let mut bufs = [[0u8; 32]; 3];
    let [b0, b1, b2] = &mut bufs;
    let (_, low, high) = plural(word_at(text, toks, i, b0))?;
    let of = word_at(text, toks, i + 1, b1) == "of";
    if of {
        if let Some((m2, _, _)) = plural(word_at(text, toks, i + 2, b2)).filter(|p| p.0 >= 100.0) {
            return Some((i + 2, low * m2, (high + 1.0) * m2 - 1.0));
        }
    }
    let word = word_at(text, toks, i, b0);
    let needs_of = matches!(word, "tens" | "scores");
    (!needs_of || of).then_some((i, low, high))
}

/// A quantifier ("several", "a few") and what it quantifies.
fn quantified(
    text: &str,
    toks: &[Tok],
    i: usize,
    next: usize,
    needs_of: bool,
    (qlow, qhigh): (f64, f64),
) -> Option<Numeral> {
    let mut buf = [0u8; 32];
    let mut at = next;
    if needs_of {
        if word_at(text, toks, at, &mut buf) != "of" {
            return None;
        }
        at += 1;
    }
    if let Some(m) = singular(word_at(text, toks, at, &mut buf)) {
        return numeral(toks, i, at, qlow * m, (qhigh + 1.0) * m - 1.0);
    }
    if let Some((last, low, high)) = plural_phrase(text, toks, at) {
        let (m, plow, _) = plural(word_at(text, toks, at, &mut buf))?;
        let scale = low / plow;
        return numeral(toks, i, last, qlow * m * scale, high);
    }
    numeral(toks, i, next - 1, qlow, qhigh)
}

fn numeral(toks: &[Tok], first: usize, last: usize, low: f64, high: f64) -> Option<Numeral> {
    Some(Numeral {
        first,
        last,
        start: toks.get(first)?.start,
        end: toks.get(last)?.end,
        value: low,
        vague: Some((low, high)),
        multiplier: 1.0,
        single_word: false,
        bare_literal: false,
        glued_unit: None,
    })
}

/// The interval of a vague phrase (e.g. "several thousand"), if it is one.
#[cfg(test)]
pub(crate) fn vague_interval(phrase: &str) -> Option<(f64, f64)> {
    let toks = crate::token::read_str(phrase);
    let found = vague_at(phrase, &toks, 0)?;
    let whole = found.last + 1 == toks.len()
        || (found.last + 2 == toks.len() && toks.last()?.is(phrase, "of"));
    whole.then_some(found.vague).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_row_holds() {
        for (phrase, low, high) in VAGUE_TABLE {
            assert_eq!(vague_interval(phrase), Some((*low, *high)), "{phrase}");
        }
    }

    #[test]
    fn tens_and_scores_need_of() {
        assert_eq!(vague_interval("tens"), None);
        assert_eq!(vague_interval("scores"), None);
        assert_eq!(vague_interval("a couple"), None);
    }
}
