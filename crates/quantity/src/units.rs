//! Units and currencies around a number.
//!
//! Currencies with a widely used sign or a common English name are given
//! as ISO codes (`$`/dollars → `USD`, `€`/euros → `EUR`, `£`/pounds →
//! `GBP`, `¥`/yen → `JPY`, yuan → `CNY`); other currencies keep their
//! English name (`tenge`, `rubles`, `som`, …), matching the model's
//! examples. Measures are normalised to one label (`percent`, `litres`,
//! `km`, `tonnes`, …). Time units are recognised only to skip durations,
//! which are left to the time-expression stage.

use crate::numeral::lower;
use crate::token::{Kind, Tok};

/// Currency signs, codes and abbreviations written before the number,
/// exactly as written (codes in capitals: "usd" is no currency). A word
/// may carry an abbreviation point ("Rs. 3 crore").
const PREFIX_CURRENCIES: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₸", "tenge"),
    ("₽", "rubles"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("KZT", "tenge"),
    ("RUB", "rubles"),
    ("INR", "INR"),
    // "Rs" is the rupee of India, Pakistan, Sri Lanka and Nepal alike.
    ("Rs", "rupees"),
];

fn prefix_currency(written: &str) -> Option<&'static str> {
    PREFIX_CURRENCIES
        .iter()
        .find(|(k, _)| *k == written)
        .map(|(_, label)| *label)
}

/// Unit words after the number (lower case, one or two words) → label.
const SUFFIX_UNITS: &[(&str, &str)] = &[
    ("per cent", "percent"),
    ("percent", "percent"),
    ("percents", "percent"),
    ("percentage", "percent"),
    ("percentage points", "percentage points"),
    ("percentage point", "percentage points"),
    ("%", "percent"),
    ("us dollars", "USD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("tenge", "tenge"),
    ("rubles", "rubles"),
    ("roubles", "rubles"),
    ("ruble", "rubles"),
    ("rouble", "rubles"),
    ("som", "som"),
    ("somoni", "somoni"),
    ("manat", "manat"),
    ("hryvnias", "hryvnias"),
    ("hryvnia", "hryvnias"),
    ("rupees", "rupees"),
    ("litres", "litres"),
    ("liters", "litres"),
    ("litre", "litres"),
    ("liter", "litres"),
    ("cubic metres", "m3"),
    ("cubic meters", "m3"),
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("km", "km"),
    ("miles", "miles"),
    ("mile", "miles"),
    ("metres", "metres"),
    ("meters", "metres"),
    ("tonnes", "tonnes"),
    ("tonne", "tonnes"),
    ("tons", "tonnes"),
    ("ton", "tonnes"),
    ("kilograms", "kg"),
    ("kilogrammes", "kg"),
    ("kg", "kg"),
    ("barrels", "barrels"),
    ("hectares", "hectares"),
    ("megawatts", "MW"),
    ("mw", "MW"),
    ("degrees", "degrees"),
];

/// Units that may be glued to digits ("29km", "5%", "180ml").
const GLUED_UNITS: &[(&str, &str)] = &[
    ("km", "km"),
    ("m", "metres"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("kg", "kg"),
    ("g", "g"),
    ("t", "tonnes"),
    ("l", "litres"),
    ("ml", "ml"),
    ("mw", "MW"),
    ("gw", "GW"),
    ("kw", "kW"),
    ("kwh", "kWh"),
    ("ha", "hectares"),
    ("mph", "mph"),
    ("kmh", "km/h"),
    ("pc", "percent"),
];

/// Time units: a number followed by one of these is a duration or age.
const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "weekend",
    "weekends",
    "night",
    "nights",
];

/// Currencies and percentages: figures that measure economic terms.
pub(crate) fn is_money_or_share(label: &str) -> bool {
    label == "percent" || label == "percentage points" || CURRENCY_LABELS.contains(&label)
}

/// Every currency label this module produces.
pub(crate) const CURRENCY_LABELS: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "tenge", "rubles", "som", "somoni", "manat",
    "hryvnias", "rupees",
];

pub(crate) fn is_glued_unit(word: &str) -> bool {
    glued_unit(word).is_some()
}

pub(crate) fn glued_unit(word: &str) -> Option<&'static str> {
    let mut buf = [0u8; 32];
    let w = lower(word, &mut buf);
    GLUED_UNITS.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

pub(crate) fn is_time_unit(word: &str) -> bool {
    let mut buf = [0u8; 32];
    TIME_UNITS.contains(&lower(word, &mut buf))
}

/// A currency written before token `i`: (first token of it, label).
/// Handles "$", "US$", "USD", "€" directly or one space before.
pub(crate) fn currency_before(text: &str, toks: &[Tok], i: usize) -> Option<(usize, &'static str)> {
    let mut p = i.checked_sub(1)?;
    let cur = toks.get(i)?;
    // "Rs. 3 crore": the abbreviation's point sits between sign and number.
    let abbreviation_point = toks.get(p).is_some_and(|t| t.is_punct(text, &['.']))
        && p.checked_sub(1)
            .and_then(|q| toks.get(q))
            .is_some_and(|t| t.kind == Kind::Word && prefix_currency(t.text(text)).is_some());
    if abbreviation_point {
        p -= 1;
    }
    let prev = toks.get(p)?;
    let prev_end = if abbreviation_point {
        toks.get(p + 1)?.end
    } else {
        prev.end
    };
    let near = text
        .get(prev_end..cur.start)
        .is_some_and(|g| g.len() <= 1 && g.trim().is_empty());
    if !near {
        return None;
    }
    let label = prefix_currency(prev.text(text))?;
    // "US$" and "US $": the "US" belongs to the currency.
    let us = p
        .checked_sub(1)
        .and_then(|q| toks.get(q).map(|t| (q, t)))
        .filter(|(_, t)| t.end == prev.start && t.text(text) == "US");
    Some((us.map_or(p, |(q, _)| q), label))
}

/// A unit written after token `last` (from `from`): (last token, label).
pub(crate) fn unit_after(text: &str, toks: &[Tok], from: usize) -> Option<(usize, &'static str)> {
    let mut bufs = [[0u8; 32]; 2];
    let [b0, b1] = &mut bufs;
    let first = toks.get(from)?;
    let w0 = if first.kind == Kind::Punct {
        first.text(text)
    } else {
        lower(first.text(text), b0)
    };
    let w1 = toks
        .get(from + 1)
        .filter(|t| t.kind == Kind::Word)
        .map_or("", |t| lower(t.text(text), b1));
    // Two-word units first: "percentage points" is not "percentage".
    let two_words = SUFFIX_UNITS.iter().find(|(phrase, _)| {
        phrase
            .split_once(' ')
            .is_some_and(|(a, b)| a == w0 && b == w1)
    });
    if let Some((_, label)) = two_words {
        return Some((from + 1, label));
    }
    SUFFIX_UNITS
        .iter()
        .find(|(phrase, _)| !phrase.contains(' ') && *phrase == w0)
        .map(|(_, label)| (from, *label))
}
