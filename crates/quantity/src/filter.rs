//! Numbers that are not quantities: dates, times, years, ordinals and
//! decades (rejected by the scanner), identifiers and references
//! ("Article 19", "COVID-19", "NLR 46", "page 4"), codes with leading
//! zeros, phone-like chains, footnote marks and list markers.

use corroborate_model::words::MONTH_NAMES;

use crate::numeral::{lower, Numeral};
use crate::token::{Kind, Tok};

/// Month abbreviations, accepted only capitalised ("Jan", "Sept").
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Words after which a number is a reference, not an amount.
const REFERENCE_WORDS: &[&str] = &[
    "article",
    "articles",
    "section",
    "paragraph",
    "clause",
    "page",
    "pages",
    "p",
    "pp",
    "no",
    "nos",
    "number",
    "chapter",
    "resolution",
    "flight",
    "room",
    "route",
    "highway",
    "version",
    "vol",
    "volume",
    "issue",
    "item",
    "line",
    "table",
    "figure",
    "fig",
    "level",
    "grade",
    "phase",
    "stage",
    "episode",
    "season",
    "part",
    "act",
    "rule",
    "amendment",
    "protocol",
    "decree",
    "order",
    "law",
    "bill",
    "case",
    "building",
    "block",
    "apartment",
    "unit",
    "gate",
    "terminal",
    "platform",
    "channel",
    "code",
    "district",
    "precinct",
    "cell",
    "ward",
    "lot",
    "exit",
    "km",
    "mile",
    "kilometre",
    "kilometer",
    "plan",
    "model",
];

/// Words after a number that make it a clock time.
const TIME_WORDS: &[&str] = &[
    "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "hrs", "hours",
];

fn is_month(text: &str, tok: &Tok) -> bool {
    if tok.kind != Kind::Word {
        return false;
    }
    let t = tok.text(text);
    let mut buf = [0u8; 32];
    (tok.is_capitalized(text) && MONTH_NAMES.contains(&lower(t, &mut buf)))
        || MONTH_ABBREVIATIONS.contains(&t)
}

fn tok_at(toks: &[Tok], i: Option<usize>) -> Option<&Tok> {
    i.and_then(|i| toks.get(i))
}

/// Whether the numeral is a day or year next to a month name.
fn next_to_month(text: &str, toks: &[Tok], num: &Numeral) -> bool {
    if num.vague.is_some() || num.value.fract() != 0.0 || num.value < 1.0 {
        return false;
    }
    let day_like = num.value <= 31.0;
    let year_like = (1000.0..3000.0).contains(&num.value);
    let before = tok_at(toks, num.first.checked_sub(1)).is_some_and(|t| is_month(text, t));
    let mut after = num.last + 1;
    if toks.get(after).is_some_and(|t| t.is(text, "of")) {
        after += 1;
    }
    let after_month = toks.get(after).is_some_and(|t| is_month(text, t));
    (before && (day_like || year_like)) || (after_month && day_like)
}

/// Whether the tokens between two numerals join them as a range.
pub(crate) fn range_connector(text: &str, toks: &[Tok], from: usize, to: usize) -> bool {
    match toks.get(from..to) {
        Some([t]) => {
            t.is_punct(text, &['-', '–', '~'])
                || t.is(text, "to")
                || t.is(text, "and")
                || t.is(text, "or")
                || t.is(text, "through")
        }
        _ => false,
    }
}

/// For each numeral: whether it is part of a date. Days joined to a date
/// by a range ("4-7 January", "January 4–6") are dates too.
pub(crate) fn date_flags(text: &str, toks: &[Tok], nums: &[Numeral]) -> Vec<bool> {
    let mut flags: Vec<bool> = nums
        .iter()
        .map(|n| next_to_month(text, toks, n) || slashed(text, toks, n))
        .collect();
    for k in 1..nums.len() {
        let (Some(a), Some(b)) = (nums.get(k - 1), nums.get(k)) else {
            continue;
        };
        if !range_connector(text, toks, a.last + 1, b.first) || a.value > 31.0 || b.value > 31.0 {
            continue;
        }
        let either =
            flags.get(k - 1).copied().unwrap_or(false) || flags.get(k).copied().unwrap_or(false);
        if either {
            for i in [k - 1, k] {
                if let Some(f) = flags.get_mut(i) {
                    *f = true;
                }
            }
        }
    }
    flags
}

/// Glued to ':' or '/' with digits on the other side: a clock time, a
/// numeric date or a fraction.
fn slashed(text: &str, toks: &[Tok], num: &Numeral) -> bool {
    let joins = |sep: Option<&Tok>, other: Option<&Tok>| matches!((sep, other), (Some(s), Some(o)) if s.is_punct(text, &[':', '/']) && o.kind == Kind::Num);
    let first = toks.get(num.first);
    let last = toks.get(num.last);
    let prev = tok_at(toks, num.first.checked_sub(1));
    let prev2 = tok_at(toks, num.first.checked_sub(2));
    let next = toks.get(num.last + 1);
    let next2 = toks.get(num.last + 2);
    let glued_prev = matches!((prev, first), (Some(p), Some(f)) if p.end == f.start);
    let glued_next = matches!((last, next), (Some(l), Some(n)) if l.end == n.start);
    (glued_prev && joins(prev, prev2)) || (glued_next && joins(next, next2))
}

/// A chain of numbers glued by hyphens ("+1-222-2222"): a phone number or code.
fn hyphen_chain(text: &str, toks: &[Tok], num: &Numeral) -> bool {
    let glued_hyphen_num = |hyphen: Option<&Tok>, other: Option<&Tok>| matches!((hyphen, other), (Some(h), Some(o)) if h.is_punct(text, &['-']) && o.kind == Kind::Num);
    let prev_link = glued_hyphen_num(
        tok_at(toks, num.first.checked_sub(1)),
        tok_at(toks, num.first.checked_sub(2)),
    );
    let next_link = glued_hyphen_num(toks.get(num.last + 1), toks.get(num.last + 2));
    let next_next_link =
        next_link && glued_hyphen_num(toks.get(num.last + 3), toks.get(num.last + 4));
    let prev_prev_link = prev_link
        && glued_hyphen_num(
            tok_at(toks, num.first.checked_sub(3)),
            tok_at(toks, num.first.checked_sub(4)),
        );
    let plus = tok_at(toks, num.first.checked_sub(1)).is_some_and(|t| t.is_punct(text, &['+']));
    (prev_link && next_link) || next_next_link || prev_prev_link || plus
}

/// "COVID-19", "Su-27": a word glued by a hyphen before the number.
fn name_hyphen_number(text: &str, toks: &[Tok], num: &Numeral) -> bool {
    let (Some(hyphen), Some(word), Some(first)) = (
        tok_at(toks, num.first.checked_sub(1)),
        tok_at(toks, num.first.checked_sub(2)),
        toks.get(num.first),
    ) else {
        return false;
    };
    // "5k-20k": the word is a multiplier glued to digits, not a name.
    let after_digits = tok_at(toks, num.first.checked_sub(3))
        .is_some_and(|t| t.kind == Kind::Num && t.end == word.start);
    hyphen.is_punct(text, &['-'])
        && hyphen.end == first.start
        && word.end == hyphen.start
        && word.kind == Kind::Word
        && !after_digits
}

/// Inside a URL or e-mail-like chunk of text.
pub(crate) fn in_url(text: &str, num: &Numeral) -> bool {
    let before = text.get(..num.start).unwrap_or("");
    let chunk_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let after = text.get(num.start..).unwrap_or("");
    let chunk_end = num.start + after.find(char::is_whitespace).unwrap_or(after.len());
    let chunk = text.get(chunk_start..chunk_end).unwrap_or("");
    chunk.contains("://")
        || chunk.starts_with("www.")
        || chunk.contains('@')
        || corroborate_text::in_web_address(text, num.start)
}

fn after_reference_word(text: &str, toks: &[Tok], num: &Numeral) -> bool {
    let mut i = num.first.checked_sub(1);
    if tok_at(toks, i).is_some_and(|t| t.is_punct(text, &['.', '#'])) {
        i = i.and_then(|i| i.checked_sub(1));
    }
    let Some(prev) = tok_at(toks, i).filter(|t| t.kind == Kind::Word) else {
        return false;
    };
    let mut buf = [0u8; 32];
    REFERENCE_WORDS.contains(&lower(prev.text(text), &mut buf))
}

/// A capitalised word (not the sentence's first) right before: "NLR 46",
/// "Boeing 737". Callers keep the number when a counted noun follows.
pub(crate) fn after_name(text: &str, toks: &[Tok], num: &Numeral, sentence_first: usize) -> bool {
    let Some(p) = num.first.checked_sub(1).filter(|p| *p > sentence_first) else {
        return false;
    };
    toks.get(p)
        .is_some_and(|t| t.is_capitalized(text) && !is_month(text, t) && !t.is(text, "US"))
}

fn clock_time(text: &str, toks: &[Tok], num: &Numeral) -> bool {
    let Some(next) = toks.get(num.last + 1).filter(|t| t.kind == Kind::Word) else {
        return false;
    };
    let mut buf = [0u8; 32];
    let w = lower(next.text(text), &mut buf);
    let dotted = toks
        .get(num.last + 2)
        .is_some_and(|t| t.is_punct(text, &['.']))
        && matches!(w, "a" | "p");
    let word = TIME_WORDS.contains(&w) && !(w == "hours" && num.value < 100.0);
    dotted || word
}

fn bracketed(text: &str, toks: &[Tok], num: &Numeral) -> bool {
    tok_at(toks, num.first.checked_sub(1)).is_some_and(|t| t.is_punct(text, &['[']))
        && toks
            .get(num.last + 1)
            .is_some_and(|t| t.is_punct(text, &[']']))
}

fn list_marker(text: &str, toks: &[Tok], num: &Numeral, sentence_first: usize) -> bool {
    num.first == sentence_first
        && toks
            .get(num.last + 1)
            .is_some_and(|t| t.is_punct(text, &['.', ')']))
}

/// Words that end a street name.
const STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "drive",
    "dr",
    "place",
    "way",
    "court",
    "square",
    "terrace",
    "highway",
];

/// A house number or a block of a street: "24 Independent Street", "the
/// 12000 block of East 223rd Street".
fn street_address(text: &str, toks: &[Tok], num: &Numeral) -> bool {
    let mut buf = [0u8; 32];
    if toks.get(num.last + 1).is_some_and(|t| t.is(text, "block")) {
        return true;
    }
    for tok in toks.iter().skip(num.last + 1).take(5) {
        let capitalized_or_number = tok.is_capitalized(text) || tok.kind == Kind::Num;
        if !capitalized_or_number {
            return false;
        }
        if tok.kind == Kind::Word && STREET_WORDS.contains(&lower(tok.text(text), &mut buf)) {
            return true;
        }
    }
    false
}

/// A score or vote tally written with a hyphen, larger number first ("the
/// jury deadlocked at 9-3", "won 3-1"): ranges run upwards ("20-30 cars").
fn score_pair(text: &str, toks: &[Tok], num: &Numeral) -> bool {
    let glued =
        |a: Option<&Tok>, b: Option<&Tok>| matches!((a, b), (Some(a), Some(b)) if a.end == b.start);
    let hyphen = |t: Option<&Tok>| t.is_some_and(|t| t.is_punct(text, &['-', '–']));
    let number = |t: Option<&Tok>| t.filter(|t| t.kind == Kind::Num).map(|t| t.value);
    let (last, next, after) = (
        toks.get(num.last),
        toks.get(num.last + 1),
        toks.get(num.last + 2),
    );
    let smaller_after = hyphen(next)
        && glued(last, next)
        && glued(next, after)
        && number(after).is_some_and(|v| v < num.value);
    let first = toks.get(num.first);
    let prev = tok_at(toks, num.first.checked_sub(1));
    let before = tok_at(toks, num.first.checked_sub(2));
    let larger_before = hyphen(prev)
        && glued(prev, first)
        && glued(before, prev)
        && number(before).is_some_and(|v| v > num.value);
    smaller_after || larger_before
}

/// Whether a (non-vague) numeral is certainly not a quantity.
pub(crate) fn is_not_quantity(
    text: &str,
    toks: &[Tok],
    num: &Numeral,
    sentence_first: usize,
) -> bool {
    if num.vague.is_some() {
        return false;
    }
    let leading_zero = toks.get(num.first).is_some_and(|t| t.leading_zero);
    leading_zero
        || bracketed(text, toks, num)
        || slashed(text, toks, num)
        || clock_time(text, toks, num)
        || hyphen_chain(text, toks, num)
        || name_hyphen_number(text, toks, num)
        || after_reference_word(text, toks, num)
        || list_marker(text, toks, num, sentence_first)
        || street_address(text, toks, num)
        || score_pair(text, toks, num)
}

/// A bare four-digit whole number in 1900–2100: likely a year.
pub(crate) fn year_like(text: &str, toks: &[Tok], num: &Numeral) -> bool {
    let four_digits = num.first == num.last
        && toks.get(num.first).is_some_and(|t| {
            t.text(text).len() == 4 && t.text(text).bytes().all(|b| b.is_ascii_digit())
        });
    four_digits && (1900.0..=2100.0).contains(&num.value)
}
