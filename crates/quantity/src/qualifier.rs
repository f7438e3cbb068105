//! Qualifiers and the intervals they make of a number.
//!
//! | qualifier (examples)                                          | kind        | interval for N            |
//! |---------------------------------------------------------------|-------------|---------------------------|
//! | at least, no fewer than, no less than, a minimum of; N or more, N-plus, N+ | `AtLeast`   | [N, ∞)        |
//! | more than, over, in excess of, upwards of, above, exceeding, well over | `MoreThan`  | (N, ∞)         |
//! | up to, at most, no more than, a maximum of; N or fewer, N or less | `UpTo`      | [0, N]                |
//! | as many as, as much as, as high as                            | `AsManyAs`  | [N − t₅, N]               |
//! | almost, nearly, close to, just under, just short of, approaching | `Almost`    | [N − t₅, N)            |
//! | just over, slightly more than, a little over; N-odd           | `JustOver`  | (N, N + t₅]               |
//! | about, around, some, roughly, approximately, an estimated, circa; N or so | `About` | [N − t₁₀, N + t₁₀] |
//! | fewer than, less than, under, below, well under               | `FewerThan` | [0, N)                    |
//! | exactly, precisely, a total of, no qualifier                  | `Exactly`   | [N, N]                    |
//!
//! "As many as" is read as a high estimate that is reached, not as a bare
//! upper bound: journalists use it to stress size ("as many as 700 were
//! detained"), and [0, N] would agree with every smaller figure.
//!
//! **Tolerance** tₚ is magnitude-aware: `min(p% · N, u)` where u is the
//! unit N is round at — the largest power of ten, or five times a power of
//! ten, dividing N ("10,000" → 10,000; "9,900" → 100; "225" → 5; "1.5
//! million" → 500,000). A round figure gets the full percentage, a precise
//! one only its last rounding step. For whole numbers the tolerance is at
//! least 1. So "nearly 10,000" → [9,500, 10,000), "nearly 9,900" →
//! [9,800, 9,900), "about 225" → [220, 230], "just over 2,000" → (2,000,
//! 2,100], "almost 4,000" → [3,800, 4,000).

use corroborate_model::Interval;

use crate::token::{Kind, Tok};

/// How a qualifier bounds the number it modifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum QualifierKind {
    AtLeast,
    MoreThan,
    UpTo,
    AsManyAs,
    Almost,
    JustOver,
    About,
    FewerThan,
    Exactly,
}

use QualifierKind::*;

/// Qualifiers written before the number. Words are separated by spaces;
/// punctuation is its own word ("approx .").
pub(crate) const PREFIX_QUALIFIERS: &[(&str, QualifierKind)] = &[
    ("at least", AtLeast),
    ("no fewer than", AtLeast),
    ("no less than", AtLeast),
    ("not less than", AtLeast),
    ("not fewer than", AtLeast),
    ("a minimum of", AtLeast),
    ("at least or equal to", AtLeast),
    ("greater than or equal to", AtLeast),
    ("more than or equal to", AtLeast),
    ("equal to or more than", AtLeast),
    ("equal to or greater than", AtLeast),
    ("bigger or equal than", AtLeast),
    ("higher or equal than", AtLeast),
    ("more than", MoreThan),
    ("over", MoreThan),
    ("well over", MoreThan),
    ("well above", MoreThan),
    ("far more than", MoreThan),
    ("many more than", MoreThan),
    ("in excess of", MoreThan),
    ("upwards of", MoreThan),
    ("upward of", MoreThan),
    ("above", MoreThan),
    ("greater than", MoreThan),
    ("higher than", MoreThan),
    ("larger than", MoreThan),
    ("bigger than", MoreThan),
    ("exceeding", MoreThan),
    ("exceeded", MoreThan),
    ("exceeds", MoreThan),
    ("exceed", MoreThan),
    ("surpassing", MoreThan),
    ("surpassed", MoreThan),
    ("surpass", MoreThan),
    ("topping", MoreThan),
    ("north of", MoreThan),
    ("up to", UpTo),
    ("at most", UpTo),
    ("at the most", UpTo),
    ("no more than", UpTo),
    ("not more than", UpTo),
    ("a maximum of", UpTo),
    ("less than or equal to", UpTo),
    ("fewer than or equal to", UpTo),
    ("equal to or less than", UpTo),
    ("smaller or equal than", UpTo),
    ("lower or equal than", UpTo),
    ("as many as", AsManyAs),
    ("as much as", AsManyAs),
    ("as high as", AsManyAs),
    ("almost", Almost),
    ("nearly", Almost),
    ("close to", Almost),
    ("just under", Almost),
    ("just below", Almost),
    ("just short of", Almost),
    ("just shy of", Almost),
    ("slightly less than", Almost),
    ("slightly fewer than", Almost),
    ("a little under", Almost),
    ("a little less than", Almost),
    ("approaching", Almost),
    ("nigh on", Almost),
    ("just over", JustOver),
    ("just above", JustOver),
    ("just more than", JustOver),
    ("slightly more than", JustOver),
    ("slightly over", JustOver),
    ("slightly above", JustOver),
    ("a little over", JustOver),
    ("a little more than", JustOver),
    ("little more than", JustOver),
    ("about", About),
    ("around", About),
    ("some", About),
    ("roughly", About),
    ("approximately", About),
    ("approx .", About),
    ("approx", About),
    ("an estimated", About),
    ("estimated", About),
    ("estimated at", About),
    ("est .", About),
    ("circa", About),
    ("ca .", About),
    ("c .", About),
    ("~", About),
    ("more or less", About),
    ("in the region of", About),
    ("on the order of", About),
    ("in the order of", About),
    ("something like", About),
    ("somewhere around", About),
    ("an approximate", About),
    ("fewer than", FewerThan),
    ("less than", FewerThan),
    ("under", FewerThan),
    ("below", FewerThan),
    ("well under", FewerThan),
    ("well below", FewerThan),
    ("lower than", FewerThan),
    ("smaller than", FewerThan),
    ("<", FewerThan),
    (">", MoreThan),
    ("exactly", Exactly),
    ("precisely", Exactly),
    ("a total of", Exactly),
    ("equal to", Exactly),
    ("equals to", Exactly),
    ("equals", Exactly),
    ("equaling to", Exactly),
];

/// Qualifiers written after the number (and its unit).
pub(crate) const SUFFIX_QUALIFIERS: &[(&str, QualifierKind)] = &[
    ("or more", AtLeast),
    ("and more", AtLeast),
    ("or over", AtLeast),
    ("or above", AtLeast),
    ("and above", AtLeast),
    ("and over", AtLeast),
    ("or greater", AtLeast),
    ("- plus", AtLeast),
    ("plus", AtLeast),
    ("+", AtLeast),
    ("or fewer", UpTo),
    ("or less", UpTo),
    ("or under", UpTo),
    ("and under", UpTo),
    ("or so", About),
    ("- odd", JustOver),
    ("odd", JustOver),
];

impl QualifierKind {
    /// Relative tolerance before rounding-awareness (see module docs).
    fn relative(self) -> f64 {
        if self == About {
            0.10
        } else {
            0.05
        }
    }
}

/// The unit a number is round at (see module docs); 1 for 0.
pub(crate) fn roundness_unit(value: f64) -> f64 {
    let value = value.abs();
    if value == 0.0 || !value.is_finite() {
        return 1.0;
    }
    let mut scale = 1.0;
    while (value * scale).fract().abs() > 1e-9 && scale < 1e6 {
        scale *= 10.0;
    }
    let whole = (value * scale).round();
    let mut unit = 1.0;
    let mut power = 1.0;
    while power <= whole {
        for candidate in [power, 5.0 * power] {
            if candidate <= whole && (whole % candidate).abs() < 1e-9 {
                unit = candidate;
            }
        }
        power *= 10.0;
    }
    unit / scale
}

/// Magnitude-aware tolerance for a qualifier of relative width `relative`.
pub(crate) fn tolerance(value: f64, relative: f64) -> f64 {
    let t = (relative * value.abs()).min(roundness_unit(value));
    if value.fract() == 0.0 && value.abs() >= 1.0 {
        t.max(1.0)
    } else {
        t
    }
}

fn open(
    low: Option<f64>,
    low_inclusive: bool,
    high: Option<f64>,
    high_inclusive: bool,
) -> Interval {
    Interval {
        low,
        high,
        low_inclusive,
        high_inclusive,
    }
}

/// Zero for counts, unbounded below for negative numbers.
fn floor_for(n: f64) -> Option<f64> {
    (n >= 0.0).then_some(0.0)
}

/// The interval a qualifier makes of the number `n` (see the table).
pub(crate) fn interval_for(kind: Option<QualifierKind>, n: f64) -> Interval {
    let Some(kind) = kind else {
        return Interval::exact(n);
    };
    let t = tolerance(n, kind.relative());
    match kind {
        AtLeast => open(Some(n), true, None, false),
        MoreThan => open(Some(n), false, None, false),
        UpTo => open(floor_for(n), true, Some(n), true),
        AsManyAs => Interval::closed(n - t, n),
        Almost => open(Some(n - t), true, Some(n), false),
        JustOver => open(Some(n), false, Some(n + t), true),
        About => Interval::closed(n - t, n + t),
        FewerThan => open(floor_for(n), true, Some(n), false),
        Exactly => Interval::exact(n),
    }
}

/// A qualifier applied to a vague amount [low, high]: lower-bound kinds
/// keep its low end, upper-bound kinds its high end, the others leave it.
pub(crate) fn vague_interval_for(kind: Option<QualifierKind>, low: f64, high: f64) -> Interval {
    match kind {
        Some(AtLeast) => open(Some(low), true, None, false),
        Some(MoreThan) => open(Some(low), false, None, false),
        Some(UpTo) => Interval::closed(0.0, high),
        Some(FewerThan) => open(Some(0.0), true, Some(high), false),
        _ => Interval::closed(low, high),
    }
}

/// Whether token `tok` matches one word of a phrase.
fn word_matches(text: &str, tok: &Tok, word: &str) -> bool {
    match tok.kind {
        Kind::Word => tok.text(text).eq_ignore_ascii_case(word),
        Kind::Punct => tok.text(text) == word,
        Kind::Num => false,
    }
}

/// The longest qualifier from `table` ending right before token `end`:
/// (first token index, kind).
pub(crate) fn prefix_at(text: &str, toks: &[Tok], end: usize) -> Option<(usize, QualifierKind)> {
    PREFIX_QUALIFIERS
        .iter()
        .filter_map(|(phrase, kind)| {
            let n = phrase.split(' ').count();
            let start = end.checked_sub(n)?;
            let window = toks.get(start..end)?;
            let all = phrase
                .split(' ')
                .zip(window)
                .all(|(w, t)| word_matches(text, t, w));
            all.then_some((start, *kind))
        })
        .min_by_key(|(start, _)| *start)
}

/// The longest qualifier written from token `from` on: (last token, kind).
pub(crate) fn suffix_at(text: &str, toks: &[Tok], from: usize) -> Option<(usize, QualifierKind)> {
    SUFFIX_QUALIFIERS
        .iter()
        .filter_map(|(phrase, kind)| {
            let n = phrase.split(' ').count();
            let window = toks.get(from..from + n)?;
            let all = phrase
                .split(' ')
                .zip(window)
                .all(|(w, t)| word_matches(text, t, w));
            // "or less than 6000" starts a new comparison.
            let comparison = toks.get(from + n).is_some_and(|t| t.is(text, "than"));
            (all && !comparison).then_some((from + n - 1, *kind))
        })
        .max_by_key(|(last, _)| *last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(low: Option<f64>, li: bool, high: Option<f64>, hi: bool) -> Interval {
        open(low, li, high, hi)
    }

    #[test]
    fn roundness() {
        assert_eq!(roundness_unit(10_000.0), 10_000.0);
        assert_eq!(roundness_unit(9_900.0), 100.0);
        assert_eq!(roundness_unit(225.0), 5.0);
        assert_eq!(roundness_unit(1_500_000.0), 500_000.0);
        assert_eq!(roundness_unit(18.0), 1.0);
        assert!((roundness_unit(1.5) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn every_row_kind() {
        assert_eq!(
            interval_for(Some(AtLeast), 18.0),
            iv(Some(18.0), true, None, false)
        );
        assert_eq!(
            interval_for(Some(MoreThan), 9000.0),
            iv(Some(9000.0), false, None, false)
        );
        assert_eq!(
            interval_for(Some(UpTo), 700.0),
            iv(Some(0.0), true, Some(700.0), true)
        );
        assert_eq!(
            interval_for(Some(AsManyAs), 700.0),
            Interval::closed(665.0, 700.0)
        );
        assert_eq!(
            interval_for(Some(Almost), 10_000.0),
            iv(Some(9500.0), true, Some(10_000.0), false)
        );
        assert_eq!(
            interval_for(Some(Almost), 9_900.0),
            iv(Some(9800.0), true, Some(9900.0), false)
        );
        assert_eq!(
            interval_for(Some(Almost), 4_000.0),
            iv(Some(3800.0), true, Some(4000.0), false)
        );
        assert_eq!(
            interval_for(Some(JustOver), 2_000.0),
            iv(Some(2000.0), false, Some(2100.0), true)
        );
        assert_eq!(
            interval_for(Some(About), 10_000.0),
            Interval::closed(9000.0, 11_000.0)
        );
        assert_eq!(
            interval_for(Some(About), 225.0),
            Interval::closed(220.0, 230.0)
        );
        assert_eq!(
            interval_for(Some(FewerThan), 1000.0),
            iv(Some(0.0), true, Some(1000.0), false)
        );
        assert_eq!(interval_for(Some(Exactly), 19.0), Interval::exact(19.0));
        assert_eq!(interval_for(None, 19.0), Interval::exact(19.0));
    }

    #[test]
    fn small_whole_numbers_get_one_unit() {
        assert_eq!(
            interval_for(Some(Almost), 18.0),
            iv(Some(17.0), true, Some(18.0), false)
        );
    }

    #[test]
    fn vague_with_qualifiers() {
        assert_eq!(
            vague_interval_for(Some(AtLeast), 3000.0, 9999.0),
            iv(Some(3000.0), true, None, false)
        );
        assert_eq!(
            vague_interval_for(Some(UpTo), 200.0, 999.0),
            Interval::closed(0.0, 999.0)
        );
        assert_eq!(
            vague_interval_for(Some(About), 200.0, 999.0),
            Interval::closed(200.0, 999.0)
        );
    }
}
