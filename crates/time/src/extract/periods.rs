//! Periods longer than a month: quarters and halves of a year ("Q3 2020",
//! "the third quarter this year", "the second half of 2019"), decades ("the
//! 70s", "the 1990s", "the seventies", "the noughties"), centuries ("the
//! 19th century", "the fifth century BC") and seasons ("early summer",
//! "the winter of 1812", "spring of that year").

use super::context::{
    glued_to_number, group, next_word, number, previous_word, the_before, whole, with_the,
};
use super::dates::{anaphoric_offset, words_year};
use super::modifiers::{point_mod, with_mod};
use crate::expr::{Candidate, Expr, YearSpec};
use crate::lexicon::{ordinal_value, season_code, year_from_words, Unit};
use regex::Captures;

fn year_part(caps: &Captures, codes: &[&'static str]) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let index = group(caps, "ord")
        .and_then(|o| match o.as_str().to_ascii_lowercase().as_str() {
            "first" | "1st" => Some(1),
            "second" | "2nd" | "latter" => Some(2),
            "third" | "3rd" => Some(3),
            "fourth" | "4th" => Some(4),
            _ => None,
        })
        .or_else(|| number(caps, "q"))
        .or_else(|| number(caps, "q2"));
    let Some(code) = index.and_then(|i| codes.get((i as usize).checked_sub(1)?)) else {
        return vec![];
    };
    let year = number(caps, "y")
        .or_else(|| number(caps, "y2"))
        .or_else(|| number(caps, "y3"))
        .map(|y| YearSpec::Explicit(y as i32));
    vec![Candidate::new(start, end, Expr::YearPart { year, code })]
}

pub(super) fn parse_quarter(caps: &Captures, _text: &str) -> Vec<Candidate> {
    year_part(caps, &["Q1", "Q2", "Q3", "Q4"])
}

pub(super) fn parse_half(caps: &Captures, _text: &str) -> Vec<Candidate> {
    year_part(caps, &["H1", "H2"])
}

pub(super) fn parse_decade(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let decade = if let Some(d) = number(caps, "dec") {
        if !(1000..2100).contains(&d) || glued_to_number(text, start, end) {
            return vec![];
        }
        // "the 1800s" are the nineteenth century, not its first decade
        // ("the 2000s" stay a decade: that is how they are read).
        if d % 100 == 0 && d < 2000 {
            let candidate = Candidate::new(start, end, Expr::Century(d as i32 / 100));
            return vec![with_mod(candidate, point_mod(group(caps, "pm")))];
        }
        d as i32 / 10
    } else if let Some(short) = number(caps, "short") {
        if short >= 30 {
            190 + short as i32 / 10
        } else {
            200 + short as i32 / 10
        }
    } else {
        return vec![];
    };
    let candidate = Candidate::new(start, end, Expr::Decade(decade));
    vec![with_mod(candidate, point_mod(group(caps, "pm")))]
}

pub(super) fn parse_century(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(n)) = (whole(caps), group(caps, "n")) else {
        return vec![];
    };
    let Some(ordinal) = ordinal_value(n.as_str()) else {
        return vec![];
    };
    if ordinal == 0 || ordinal > 21 {
        return vec![];
    }
    let century = if group(caps, "bc").is_some() {
        -(ordinal - 1)
    } else {
        ordinal - 1
    };
    let candidate = Candidate::new(start, end, Expr::Century(century));
    vec![with_mod(candidate, point_mod(group(caps, "pm")))]
}

pub(super) fn parse_season(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(s)) = (whole(caps), group(caps, "s")) else {
        return vec![];
    };
    let Some(code) = season_code(s.as_str()) else {
        return vec![];
    };
    let year = if let Some(y) = number(caps, "y") {
        // Written with its era: "the spring of 480 BC".
        Some(YearSpec::Explicit(-(y as i32)))
    } else if let Some(y) = number(caps, "y4") {
        if !(1000..2100).contains(&y) {
            return vec![];
        }
        Some(YearSpec::Explicit(y as i32))
    } else if let Some(y) = words_year(caps) {
        Some(YearSpec::Explicit(y))
    } else {
        group(caps, "ana").map(|a| YearSpec::Anaphoric(anaphoric_offset(a.as_str())))
    };
    // "the fall of the city" is not a season; "in the fall," is.
    if year.is_none() && s.as_str().eq_ignore_ascii_case("fall") && !season_fall(text, start, end) {
        return vec![];
    }
    if year.is_none() && next_word(text, end) == "of" {
        return vec![];
    }
    let candidate = Candidate::new(start, end, Expr::Season { year, code });
    vec![with_mod(candidate, point_mod(group(caps, "pm")))]
}

/// "fall" as a season without a year: after a time preposition and before
/// the end of a clause ("in the fall,", "by fall."), where a downfall
/// would need its "of".
fn season_fall(text: &str, start: usize, end: usize) -> bool {
    let start = the_before(text, start).unwrap_or(start);
    let before = previous_word(text, start);
    matches!(
        before.as_str(),
        "in" | "during" | "by" | "until" | "through" | "throughout" | "that" | "this"
    ) && super::context::ends_clause(text, end)
}

/// "the third quarter", "the third quarter this year", "Q3 next year",
/// "next year's third-quarter".
pub(super) fn parse_relative_quarter(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let start = if group(caps, "ord").is_some() {
        with_the(text, start)
    } else {
        start
    };
    let index = group(caps, "ord")
        .or_else(|| group(caps, "ord2"))
        .and_then(|o| ordinal_value(o.as_str()))
        .or_else(|| number(caps, "q").map(|q| q as i32));
    let code = match index {
        Some(1) => "Q1",
        Some(2) => "Q2",
        Some(3) => "Q3",
        Some(4) => "Q4",
        _ => return vec![],
    };
    let written = number(caps, "yr")
        .map(|y| y as i32)
        .or_else(|| group(caps, "yw").and_then(|w| year_from_words(w.as_str())))
        .map(YearSpec::Explicit);
    let year = group(caps, "rel")
        .or_else(|| group(caps, "rel2"))
        .or_else(|| group(caps, "rel3"))
        .map(|r| {
            YearSpec::Deictic(match r.as_str().to_ascii_lowercase().as_str() {
                "next" => 1,
                "last" => -1,
                _ => 0,
            })
        })
        .or(written);
    vec![Candidate::new(start, end, Expr::YearPart { year, code })]
}

/// Words before "70s" that make it an age or a temperature, not a decade.
const AGE_WORDS: &[&str] = &[
    "his", "her", "their", "its", "my", "your", "our", "low", "high", "upper", "lower", "mid",
];

/// "the 70s", "70's" (not "in his 70s", "temperatures in the high 70s").
pub(super) fn parse_short_decade(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(short)) = (whole(caps), number(caps, "short")) else {
        return vec![];
    };
    let written = caps.get(0).map_or("", |m| m.as_str());
    let the = the_before(text, start);
    let has_the = the.is_some();
    let apostrophe = written.contains('\'');
    let before = previous_word(text, the.unwrap_or(start));
    let start = the.unwrap_or(start);
    if (!has_the && !apostrophe)
        || AGE_WORDS.contains(&before.as_str())
        || glued_to_number(text, start, end)
        || Unit::parse(&next_word(text, end)).is_some()
        || next_word(text, end) == "degrees"
    {
        return vec![];
    }
    let decade = if short >= 30 { 190 } else { 200 } + short as i32 / 10;
    vec![Candidate::new(start, end, Expr::Decade(decade))]
}

/// "the seventies", "the nineteen seventies", "the twenty-tens", "the
/// noughties", "the two thousands".
pub(super) fn parse_decade_words(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    // "the seventies", not "in their seventies".
    let Some(start) = the_before(text, start) else {
        return vec![];
    };
    if group(caps, "noughts").is_some() {
        return vec![Candidate::new(start, end, Expr::Decade(200))];
    }
    let Some(dw) = group(caps, "dw") else {
        return vec![];
    };
    let tens = match dw.as_str().to_ascii_lowercase().as_str() {
        "tens" => 1,
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return vec![],
    };
    let century = match group(caps, "cent").map(|c| c.as_str().to_ascii_lowercase()) {
        Some(c) if c.starts_with("nineteen") => 19,
        Some(c) if c.starts_with("eighteen") => 18,
        Some(_) => 20,
        // "the tens" alone is not a decade.
        None if tens == 1 => return vec![],
        None => 19,
    };
    vec![Candidate::new(
        start,
        end,
        Expr::Decade(century * 10 + tens),
    )]
}

/// "fiscal 2021", "fiscal year 2021", "FY2021", "FY 21", "the 2021 fiscal
/// year", "the second quarter of fiscal 2022" (FY2022-Q2): TimeML writes a fiscal year as "FY2021", since its months depend
/// on the organisation.
pub(super) fn parse_fiscal_year(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let Some(written) = group(caps, "y")
        .or_else(|| group(caps, "y2"))
        .or_else(|| group(caps, "y3"))
    else {
        return vec![];
    };
    if glued_to_number(text, start, end) {
        return vec![];
    }
    let Ok(number) = written.as_str().parse::<i32>() else {
        return vec![];
    };
    let year = match (written.as_str().len(), number) {
        (4, 1000..=2099) => number,
        // "FY21": fiscal years written short are recent ones.
        (2, 0..=49) => 2000 + number,
        (2, 50..=99) => 1900 + number,
        _ => return vec![],
    };
    let quarter = match group(caps, "ord").and_then(|o| ordinal_value(o.as_str())) {
        Some(1) => Some("Q1"),
        Some(2) => Some("Q2"),
        Some(3) => Some("Q3"),
        Some(4) => Some("Q4"),
        _ => None,
    };
    vec![Candidate::new(
        start,
        end,
        Expr::FiscalYear { year, quarter },
    )]
}

/// "the second half of the year", "the first quarter of that year", "the
/// first half of next year": a part of a year named relative to the
/// narrative ("the year", "that year") or to the DCT ("this/next/last
/// year").
pub(super) fn parse_part_of_relative_year(caps: &Captures, text: &str) -> Vec<Candidate> {
    let codes: &[&'static str] = if group(caps, "half").is_some() {
        &["H1", "H2"]
    } else {
        &["Q1", "Q2", "Q3", "Q4"]
    };
    let year = if let Some(rel) = group(caps, "rel") {
        YearSpec::Deictic(match rel.as_str() {
            "next" => 1,
            "last" => -1,
            _ => 0,
        })
    } else {
        let ana = group(caps, "ana").map_or("", |a| a.as_str());
        YearSpec::Anaphoric(anaphoric_offset(ana))
    };
    year_part(caps, codes)
        .into_iter()
        .map(|mut candidate| {
            candidate.start = with_the(text, candidate.start);
            if let Expr::YearPart { code, .. } = candidate.expr {
                candidate.expr = Expr::YearPart {
                    year: Some(year),
                    code,
                };
            }
            candidate
        })
        .collect()
}

/// A decade before Christ ("the 470s BC"): value "BC047".
pub(super) fn parse_bc_decade(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(decade)) = (whole(caps), number(caps, "dec")) else {
        return vec![];
    };
    if glued_to_number(text, start, end) {
        return vec![];
    }
    let candidate = Candidate::new(start, end, Expr::Decade(-(decade as i32 / 10)));
    vec![with_mod(candidate, point_mod(group(caps, "pm")))]
}
