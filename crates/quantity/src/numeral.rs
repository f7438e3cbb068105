//! Recognition of numerals in a token stream: digit literals, number
//! words and their combinations ("twenty-five", "three hundred and two",
//! "4 thousand 3 hundred and 21", "1.5 million", "$46m", "two dozen").
//!
//! Number words are read with a small state machine over elements (units,
//! teens, tens, `hundred`, big multipliers, `dozen`, digit literals) and
//! connectors (space, a hyphen between a ten and a unit, `and` after a
//! multiplier). Each element is accepted only where English grammar puts it,
//! so "3 hundred and 2 hundred" reads as two numbers and "4000 3 hundred" as
//! two as well. Vague amounts ("dozens", "several thousand") are read by
//! [`crate::vague`].

use crate::token::{Kind, Tok};
use crate::vague;

/// A numeral found in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Numeral {
    /// Index of the first and last token (inclusive) in the token slice.
    pub first: usize,
    pub last: usize,
    /// Byte offsets of the numeral in the text.
    pub start: usize,
    pub end: usize,
    /// The value; for a vague amount its lower bound.
    pub value: f64,
    /// For vague amounts: the inclusive interval they stand for.
    pub vague: Option<(f64, f64)>,
    /// Largest multiplier applied ("million" in "1.5 million"), 1 if none.
    pub multiplier: f64,
    /// Made of a single number word ("one", "three").
    pub single_word: bool,
    /// Written with digits only ("2022", "9,900"), no words or suffixes.
    pub bare_literal: bool,
    /// Token index of a unit glued to the digits ("29km"), if any.
    pub glued_unit: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Elem {
    Zero,
    Unit(f64),
    Teen(f64),
    Ten(f64),
    Hundred,
    /// A big multiplier; `abbrev` ones ("k", "bn") only follow digits.
    Big {
        factor: f64,
        abbrev: bool,
    },
    Dozen,
    Literal(f64),
    /// "a"/"an" (1) or "half a" (0.5) before a multiplier.
    Article(f64),
    /// "and a half" after a number ("one and a half million").
    AndAHalf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conn {
    Space,
    Glued,
    Hyphen,
    And,
}

/// The accumulated value of a numeral being read.
#[derive(Debug, Clone, Copy)]
struct Acc {
    total: f64,
    group: f64,
    /// The trailing unit/ten part of `group` (what "dozen" multiplies).
    small: f64,
    has_hundred: bool,
    last: Elem,
    last_big: f64,
    multiplier: f64,
    words: usize,
    literal_only: bool,
}

impl Acc {
    fn start(elem: Elem) -> Option<Acc> {
        let mut acc = Acc {
            total: 0.0,
            group: 0.0,
            small: 0.0,
            has_hundred: false,
            last: elem,
            last_big: f64::INFINITY,
            multiplier: 1.0,
            words: 1,
            literal_only: matches!(elem, Elem::Literal(_)),
        };
        match elem {
            Elem::Zero => {}
            Elem::Unit(v) | Elem::Teen(v) | Elem::Ten(v) | Elem::Literal(v) | Elem::Article(v) => {
                acc.group = v;
                acc.small = v;
            }
            Elem::Hundred | Elem::Big { .. } | Elem::Dozen | Elem::AndAHalf => return None,
        }
        Some(acc)
    }

    fn value(&self) -> f64 {
        self.total + self.group
    }

    /// The state after appending `elem` with connector `conn`, if valid.
    fn accept(&self, elem: Elem, conn: Conn) -> Option<Acc> {
        let mut next = *self;
        next.words += 1;
        next.literal_only = false;
        let after_multiplier = matches!(self.last, Elem::Hundred | Elem::Big { .. });
        match (conn, elem) {
            (Conn::Hyphen, Elem::Unit(v)) if matches!(self.last, Elem::Ten(_)) => next.add_small(v),
            // "a 110-billion bailout", "$143-billion": a magnitude word
            // hyphenated to digits, as compound adjectives write it.
            (
                Conn::Hyphen,
                Elem::Big {
                    factor,
                    abbrev: false,
                },
            ) if matches!(self.last, Elem::Literal(_)) => next.apply_big(factor)?,
            (Conn::Hyphen, _) => return None,
            (
                Conn::Glued,
                Elem::Big {
                    factor,
                    abbrev: true,
                },
            ) if matches!(self.last, Elem::Literal(_)) => next.apply_big(factor)?,
            (Conn::Glued, _) => return None,
            (Conn::And, Elem::AndAHalf)
                if matches!(
                    self.last,
                    Elem::Unit(_) | Elem::Teen(_) | Elem::Ten(_) | Elem::Literal(_)
                ) =>
            {
                next.add_small(0.5)
            }
            (Conn::And, _) if !after_multiplier => return None,
            (_, Elem::Unit(v)) if after_multiplier || matches!(self.last, Elem::Ten(_)) => {
                next.add_small(v)
            }
            (_, Elem::Teen(v) | Elem::Ten(v)) if after_multiplier => next.add_small(v),
            (_, Elem::Literal(v)) if after_multiplier && self.literal_fits(v) => next.add_small(v),
            (Conn::Space, Elem::Hundred) if self.can_multiply() && !self.has_hundred => {
                next.group *= 100.0;
                next.small = 0.0;
                next.has_hundred = true;
                next.multiplier = next.multiplier.max(100.0);
            }
            (Conn::Space, Elem::Big { factor, abbrev })
                if !abbrev || matches!(self.last, Elem::Literal(_)) =>
            {
                next.apply_big(factor)?
            }
            (Conn::Space, Elem::Dozen) if self.can_multiply() && !after_multiplier => {
                next.group += self.small * 11.0;
                next.small = 0.0;
            }
            _ => return None,
        }
        next.last = elem;
        Some(next)
    }

    fn can_multiply(&self) -> bool {
        self.group > 0.0
            && matches!(
                self.last,
                Elem::Unit(_) | Elem::Teen(_) | Elem::Ten(_) | Elem::Literal(_) | Elem::Article(_)
            )
    }

    fn literal_fits(&self, v: f64) -> bool {
        let bound = if matches!(self.last, Elem::Hundred) {
            100.0
        } else {
            self.last_big
        };
        v >= 1.0 && v.fract() == 0.0 && v < bound
    }

    fn add_small(&mut self, v: f64) {
        self.group += v;
        self.small += v;
    }

    fn apply_big(&mut self, factor: f64) -> Option<()> {
        let ok =
            self.group > 0.0 && factor < self.last_big && !matches!(self.last, Elem::Big { .. });
        if !ok {
            return None;
        }
        self.total += self.group * factor;
        self.group = 0.0;
        self.small = 0.0;
        self.has_hundred = false;
        self.last_big = factor;
        self.multiplier = self.multiplier.max(factor);
        Some(())
    }
}

/// Reads a lower-case ASCII copy of `word` into `buf`.
pub(crate) fn lower<'a>(word: &str, buf: &'a mut [u8; 32]) -> &'a str {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return "";
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).unwrap_or("")
}

fn word_elem(word: &str) -> Option<Elem> {
    let mut buf = [0u8; 32];
    let lower = lower(word, &mut buf);
    if let Some(value) = corroborate_model::words::number_word_value(lower) {
        return Some(small_number_elem(value));
    }
    let elem = match lower {
        "nought" | "naught" => Elem::Zero,
        "fourty" => Elem::Ten(40.0),
        "hundred" => Elem::Hundred,
        "thousand" => big(1e3, false),
        "million" => big(1e6, false),
        "billion" => big(1e9, false),
        "trillion" => big(1e12, false),
        // The South Asian numbering system: a lakh is 10⁵, a crore 10⁷.
        "lakh" | "lakhs" | "lac" | "lacs" => big(1e5, false),
        "crore" | "crores" => big(1e7, false),
        "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => Elem::Dozen,
        _ => return abbreviation(word),
    };
    Some(elem)
}

/// A number word below a hundred as the grammar's element: units combine
/// with a preceding ten ("forty-two"), teens and tens do not.
fn small_number_elem(value: u32) -> Elem {
    let value_f = f64::from(value);
    match value {
        0 => Elem::Zero,
        1..=9 => Elem::Unit(value_f),
        10..=19 => Elem::Teen(value_f),
        _ => Elem::Ten(value_f),
    }
}

fn big(factor: f64, abbrev: bool) -> Elem {
    Elem::Big { factor, abbrev }
}

/// Multiplier abbreviations after digits ("10k", "1.2bn", "$46m", "10 bln").
/// Case matters: "M" is a million, while a lone lower-case "m" is read as
/// a million only after a currency sign (see [`numerals`]).
fn abbreviation(word: &str) -> Option<Elem> {
    let factor = match word {
        "k" | "K" => 1e3,
        "M" | "MM" | "mil" | "mln" | "mn" | "Mn" | "Mln" => 1e6,
        "b" | "B" | "bn" | "Bn" | "bln" | "G" => 1e9,
        "tn" | "tln" | "T" => 1e12,
        _ => return None,
    };
    Some(big(factor, true))
}

/// Whether the tokens `a` and `b` touch with nothing between them.
fn glued(a: &Tok, b: &Tok) -> bool {
    a.end == b.start
}

/// Whether only horizontal white space lies between two tokens.
fn spaced(text: &str, a: &Tok, b: &Tok) -> bool {
    a.end < b.start
        && text
            .get(a.end..b.start)
            .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() && c != '\n'))
}

/// Whether a currency word ("euros", "dollars") is token `i`.
fn currency_word_at(text: &str, toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Word)
        && crate::units::unit_after(text, toks, i)
            .is_some_and(|(_, label)| crate::units::CURRENCY_LABELS.contains(&label))
}

/// Whether a currency sign sits right before token `i`.
pub(crate) fn currency_sign_before(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p)) else {
        return false;
    };
    let near = toks
        .get(i)
        .is_some_and(|t| glued(prev, t) || spaced(text, prev, t));
    near && prev.is_punct(text, &['$', '€', '£', '¥', '₸', '₽', '₹'])
}

/// Finds the numerals among `toks`, in order and without overlap.
pub(crate) fn numerals(text: &str, toks: &[Tok]) -> Vec<Numeral> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let found = numeral_at(text, toks, i)
            .filter(|n| !is_pronoun_one(text, toks, n))
            .or_else(|| vague::vague_at(text, toks, i));
        if let Some(found) = found {
            i = found.last + 1;
            out.push(found);
        } else {
            i += 1;
        }
    }
    out
}

/// "one" as a pronoun: "the one you mentioned", "which one", "one can",
/// "one another", "one of the".
fn is_pronoun_one(text: &str, toks: &[Tok], n: &Numeral) -> bool {
    const DETERMINERS: &[&str] = &[
        "the", "this", "that", "which", "each", "every", "any", "no", "another", "some", "either",
        "neither",
    ];
    const FOLLOWERS: &[&str] = &[
        "can", "could", "would", "should", "must", "may", "might", "will", "shall", "another",
        "of", "day", "way",
    ];
    if !(n.single_word && n.value == 1.0) {
        return false;
    }
    let prev = n.first.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(n.last + 1);
    prev.is_some_and(|t| DETERMINERS.iter().any(|d| t.is(text, d)))
        || next.is_some_and(|t| FOLLOWERS.iter().any(|f| t.is(text, f)))
}

/// "a quarter of a million", "three-quarters of a billion": a fraction of
/// a magnitude is one number (250,000), not a share of something plus a
/// million. Gives the fraction and the token of the second "a", so that
/// the magnitude word comes next.
fn fraction_of_a(text: &str, toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let word = |j: usize| toks.get(j).filter(|t| t.kind == Kind::Word);
    let first = word(i)?;
    let numerator = if first.is(text, "a") || first.is(text, "an") || first.is(text, "one") {
        1
    } else {
        corroborate_model::words::number_word_value(&first.text(text).to_ascii_lowercase())
            .filter(|n| (2..10).contains(n))?
    };
    let hyphen = toks.get(i + 1).is_some_and(|t| t.is_punct(text, &['-']));
    let fraction_at = if hyphen { i + 2 } else { i + 1 };
    let (denominator, plural) = crate::shares::denominator(word(fraction_at)?.text(text))?;
    if (numerator > 1) != plural || numerator >= denominator {
        return None;
    }
    let article = fraction_at + 2;
    let of_a = word(fraction_at + 1).is_some_and(|t| t.is(text, "of"))
        && word(article).is_some_and(|t| t.is(text, "a") || t.is(text, "an"));
    let magnitude = word(article + 1)
        .and_then(|t| word_elem(t.text(text)))
        .is_some_and(|e| matches!(e, Elem::Big { abbrev: false, .. }));
    (of_a && magnitude).then(|| (f64::from(numerator) / f64::from(denominator), article))
}

/// The element a token (or "a"/"half a" pair) starts, with its last token.
fn start_elem(text: &str, toks: &[Tok], i: usize) -> Option<(Elem, usize)> {
    let tok = toks.get(i)?;
    if tok.kind == Kind::Word {
        if let Some((share, end)) = fraction_of_a(text, toks, i) {
            return Some((Elem::Article(share), end));
        }
    }
    match tok.kind {
        Kind::Num => Some((Elem::Literal(tok.value), i)),
        Kind::Word if tok.is(text, "a") || tok.is(text, "an") => Some((Elem::Article(1.0), i)),
        Kind::Word if tok.is(text, "half") => {
            let next = toks.get(i + 1)?;
            if next.is(text, "a") {
                Some((Elem::Article(0.5), i + 1))
            } else {
                Some((Elem::Article(0.5), i))
            }
        }
        Kind::Word => word_elem(tok.text(text))
            .filter(|e| !matches!(e, Elem::Big { abbrev: true, .. }))
            .map(|e| (e, i)),
        Kind::Punct => None,
    }
}

/// A number written as the numerator of a fraction ("two-thirds", "three
/// quarters", "Two-sevenths"): it is not a count. (Followed by "of", the
/// fraction is a share, read by `shares`.)
fn is_fraction_numerator(text: &str, toks: &[Tok], i: usize) -> bool {
    let after = match toks.get(i + 1) {
        Some(hyphen) if hyphen.is_punct(text, &['-']) => i + 2,
        _ => i + 1,
    };
    toks.get(after)
        .is_some_and(|t| t.kind == Kind::Word && crate::shares::is_fraction_word(t.text(text)))
}

/// Reads the longest numeral starting at token `i`.
fn numeral_at(text: &str, toks: &[Tok], i: usize) -> Option<Numeral> {
    let first = toks.get(i)?;
    if first.kind == Kind::Num && glued_to_letter_before(text, toks, i) {
        return None;
    }
    if is_fraction_numerator(text, toks, i) && fraction_of_a(text, toks, i).is_none() {
        return None;
    }
    let (sign, num_start) = sign_word(text, toks, i);
    let (elem, elem_end) = start_elem(text, toks, num_start)?;
    let mut acc = Acc::start(elem)?;
    let mut last = elem_end;
    let currency = currency_sign_before(text, toks, num_start);
    // The state before an `and`, to fall back to when the element after it
    // turns out to start a new number ("3 hundred and 2 hundred").
    let mut before_and: Option<(Acc, usize)> = None;
    while let Some((conn, elem, elem_tok)) = next_elem(text, toks, last, acc.last, currency) {
        match acc.accept(elem, conn) {
            Some(next) => {
                before_and = (conn == Conn::And).then_some((acc, last));
                acc = next;
                last = elem_tok;
            }
            None => {
                if let Some((saved, saved_last)) = before_and.filter(|_| is_multiplier(elem)) {
                    acc = saved;
                    last = saved_last;
                }
                break;
            }
        }
    }
    if matches!(acc.last, Elem::Article(_)) || (matches!(elem, Elem::Zero) && acc.words > 1) {
        return None;
    }
    finish(text, toks, i, last, &acc, sign)
}

fn is_multiplier(elem: Elem) -> bool {
    matches!(elem, Elem::Hundred | Elem::Big { .. } | Elem::Dozen)
}

/// "minus"/"negative" before a numeral: (sign, index of the numeral start).
fn sign_word(text: &str, toks: &[Tok], i: usize) -> (f64, usize) {
    let negated = toks
        .get(i)
        .is_some_and(|t| t.is(text, "minus") || t.is(text, "negative"));
    if negated
        && toks
            .get(i + 1)
            .is_some_and(|t| t.kind == Kind::Num || word_elem(t.text(text)).is_some())
    {
        (-1.0, i + 1)
    } else {
        (1.0, i)
    }
}

fn glued_to_letter_before(text: &str, toks: &[Tok], i: usize) -> bool {
    let (Some(prev), Some(tok)) = (i.checked_sub(1).and_then(|p| toks.get(p)), toks.get(i)) else {
        return false;
    };
    prev.kind == Kind::Word && glued(prev, tok) && !prev.is(text, "US")
}

/// The next element after token `last`: its connector, element and last token.
fn next_elem(
    text: &str,
    toks: &[Tok],
    last: usize,
    prev: Elem,
    currency: bool,
) -> Option<(Conn, Elem, usize)> {
    let cur = toks.get(last)?;
    let next = toks.get(last + 1)?;
    if glued(cur, next) && next.kind == Kind::Word && matches!(prev, Elem::Literal(_)) {
        let word = next.text(text);
        // "£2m" and "2m euros": a lower-case "m" is a million beside money.
        let money = currency || currency_word_at(text, toks, last + 2);
        let elem =
            abbreviation(word).or_else(|| (money && word == "m").then_some(big(1e6, true)))?;
        return Some((Conn::Glued, elem, last + 1));
    }
    if !(spaced(text, cur, next) || next.is_punct(text, &['-'])) {
        return None;
    }
    if next.is_punct(text, &['-']) {
        let after = toks.get(last + 2)?;
        let elem = word_elem(after.text(text)).filter(|_| after.kind == Kind::Word)?;
        let joined = (glued(cur, next) || spaced(text, cur, next))
            && (glued(next, after) || spaced(text, next, after));
        return joined.then_some((Conn::Hyphen, elem, last + 2));
    }
    if next.is(text, "and") {
        let after = toks.get(last + 2)?;
        let half = toks.get(last + 3).filter(|t| t.is(text, "half"));
        if let (true, Some(_)) = (after.is(text, "a"), half) {
            return Some((Conn::And, Elem::AndAHalf, last + 3));
        }
        let elem = elem_of(text, after)?;
        return spaced(text, next, after).then_some((Conn::And, elem, last + 2));
    }
    let elem = elem_of(text, next)?;
    if let Elem::Big { abbrev: true, .. } = elem {
        // "10 bln", "2.33 k": the abbreviation must end the word.
        let ends = toks
            .get(last + 2)
            .is_none_or(|t| !glued(next, t) || t.kind == Kind::Punct);
        if !ends {
            return None;
        }
    }
    Some((Conn::Space, elem, last + 1))
}

fn elem_of(text: &str, tok: &Tok) -> Option<Elem> {
    match tok.kind {
        Kind::Num => Some(Elem::Literal(tok.value)),
        Kind::Word => word_elem(tok.text(text)),
        Kind::Punct => None,
    }
}

/// Builds the numeral, checking what is glued after its last token.
fn finish(
    text: &str,
    toks: &[Tok],
    first: usize,
    last: usize,
    acc: &Acc,
    sign: f64,
) -> Option<Numeral> {
    let last_tok = toks.get(last)?;
    let mut glued_unit = None;
    if let Some(after) = toks
        .get(last + 1)
        .filter(|t| glued(last_tok, t) && t.kind == Kind::Word)
    {
        // Digits glued to letters: a unit ("29km") or not a number ("4th", "1990s").
        if last_tok.kind == Kind::Num && crate::units::is_glued_unit(after.text(text)) {
            glued_unit = Some(last + 1);
        } else {
            return None;
        }
    }
    let first_tok = toks.get(first)?;
    Some(Numeral {
        first,
        last,
        start: first_tok.start,
        end: last_tok.end,
        value: sign * acc.value(),
        vague: None,
        multiplier: acc.multiplier,
        single_word: acc.words == 1 && first_tok.kind == Kind::Word,
        bare_literal: acc.literal_only && sign > 0.0,
        glued_unit,
    })
}

/// Parses a whole string as one number ("9,900", "twenty-five",
/// "1.5 million", "$46m", "a hundred"); `None` unless the entire trimmed
/// string is a single numeral.
#[cfg(test)]
pub(crate) fn parse_number(s: &str) -> Option<f64> {
    let toks = crate::token::read_str(s);
    let skip = usize::from(
        toks.first()
            .is_some_and(|t| t.is_punct(s, &['$', '€', '£', '¥', '₸', '₽', '₹'])),
    );
    let found = numeral_at(s, &toks, skip)?;
    (found.last + 1 == toks.len() && found.vague.is_none()).then_some(found.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, f64)> {
        let toks = crate::token::read_str(text);
        numerals(text, &toks)
            .into_iter()
            .filter(|n| n.vague.is_none())
            .map(|n| (text.get(n.start..n.end).unwrap_or("").to_string(), n.value))
            .collect()
    }

    #[test]
    fn words() {
        assert_eq!(parse_number("twenty-five"), Some(25.0));
        assert_eq!(parse_number("fifteen"), Some(15.0));
        assert_eq!(parse_number("two dozen"), Some(24.0));
        assert_eq!(parse_number("a hundred"), Some(100.0));
        assert_eq!(parse_number("three thousand"), Some(3000.0));
        assert_eq!(parse_number("one hundred and sixty-one"), Some(161.0));
        assert_eq!(parse_number("two hundred and two thousand"), Some(202000.0));
        assert_eq!(parse_number("two thousand and two hundred"), Some(2200.0));
        assert_eq!(
            parse_number("twenty-one trillion and three hundred"),
            Some(21e12 + 300.0)
        );
        assert_eq!(parse_number("three hundred and two dozens"), Some(324.0));
        assert_eq!(parse_number("half a dozen"), Some(6.0));
        assert_eq!(parse_number("one and a half million"), Some(1_500_000.0));
        assert_eq!(parse_number("two and a half"), Some(2.5));
        assert_eq!(parse_number("3 and a half"), Some(3.5));
        assert_eq!(parse_number("minus five"), Some(-5.0));
    }

    #[test]
    fn digits_and_multipliers() {
        assert_eq!(parse_number("9,900"), Some(9900.0));
        assert_eq!(parse_number("1.5 million"), Some(1_500_000.0));
        assert_eq!(parse_number("$46m"), Some(46_000_000.0));
        assert_eq!(parse_number("£8 million"), Some(8_000_000.0));
        assert_eq!(parse_number("10k"), Some(10_000.0));
        assert_eq!(parse_number("1.2bn"), Some(1.2e9));
        assert_eq!(parse_number("4 thousand 3 hundred and 21"), Some(4321.0));
        assert_eq!(parse_number("1m"), None);
        assert_eq!(parse_number("4th"), None);
    }

    #[test]
    fn splits_where_grammar_says() {
        let got = read("3 hundred and 2 hundred");
        assert_eq!(
            got,
            vec![("3 hundred".into(), 300.0), ("2 hundred".into(), 200.0)]
        );
        let got = read("4000 3 hundred");
        assert_eq!(
            got,
            vec![("4000".into(), 4000.0), ("3 hundred".into(), 300.0)]
        );
        assert!(read("the 1990s and G20").is_empty());
    }
}
