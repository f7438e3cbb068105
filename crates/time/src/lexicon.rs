//! Word lists: months, weekdays, seasons, number words and time units.

use chrono::Weekday;

/// Regex alternation for month names and their abbreviations. The word
/// boundary sits inside so an abbreviation may end with a period.
pub(crate) const MONTH_RE: &str = r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?)";

/// Full month names only (a month standing alone must be spelled out).
pub(crate) const MONTH_FULL_RE: &str =
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)";

pub(crate) const WEEKDAY_RE: &str = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?)";

pub(crate) const WEEKDAY_FULL_RE: &str =
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

pub(crate) const SEASON_RE: &str = r"(?:spring|summer|autumn|fall|winter)";

pub(crate) const UNIT_RE: &str = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|years?|decades?|century|centuries|millenni(?:um|a))";

/// Number words and digits usable as a count of units ("five", "twenty-one",
/// "a few", "several", "12").
pub(crate) const NUMBER_RE: &str = r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|hundred|a\s+few|a\s+couple\s+of|couple\s+of|few|several|some|many|a|an|half\s+a|half\s+an|half)";

/// Month number (1–12) of a month name or abbreviation, any case, with or
/// without a trailing period.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    let number = match prefix {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(number)
}

pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    let day = match lower.get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(day)
}

/// TIMEX3 season code.
pub(crate) fn season_code(word: &str) -> Option<&'static str> {
    match word.to_ascii_lowercase().as_str() {
        "spring" => Some("SP"),
        "summer" => Some("SU"),
        "autumn" | "fall" => Some("FA"),
        "winter" => Some("WI"),
        _ => None,
    }
}

/// TIMEX3 part-of-day code.
pub(crate) fn part_of_day(word: &str) -> Option<&'static str> {
    match word.to_ascii_lowercase().as_str() {
        "morning" => Some("MO"),
        "afternoon" => Some("AF"),
        "evening" => Some("EV"),
        "night" | "overnight" | "tonight" => Some("NI"),
        "daytime" => Some("DT"),
        _ => None,
    }
}

/// Time units a count can apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    pub(crate) fn parse(word: &str) -> Option<Unit> {
        let lower = word.to_ascii_lowercase();
        let unit = match lower.trim_end_matches('s') {
            "second" | "sec" => Unit::Second,
            "minute" | "min" => Unit::Minute,
            "hour" | "hr" | "h" => Unit::Hour,
            "day" | "night" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "fortnight" => Unit::Fortnight,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" | "centurie" => Unit::Century,
            "millennium" | "millennia" => Unit::Millennium,
            _ => return None,
        };
        Some(unit)
    }

    /// ISO 8601 duration of `count` units ("P5D", "PT3H", "PXY").
    pub(crate) fn duration(self, count: Option<f64>) -> String {
        let (count, factor) = match self {
            Unit::Fortnight => (count, 2.0),
            Unit::Millennium => (count, 10.0),
            _ => (count, 1.0),
        };
        let number = match count {
            Some(n) => format_number(n * factor),
            None => "X".to_string(),
        };
        match self {
            Unit::Second => format!("PT{number}S"),
            Unit::Minute => format!("PT{number}M"),
            Unit::Hour => format!("PT{number}H"),
            Unit::Day => format!("P{number}D"),
            Unit::Week | Unit::Fortnight => format!("P{number}W"),
            Unit::Weekend => format!("P{number}WE"),
            Unit::Month => format!("P{number}M"),
            Unit::Quarter => format!("P{number}Q"),
            Unit::Year => format!("P{number}Y"),
            Unit::Decade => format!("P{number}DE"),
            Unit::Century | Unit::Millennium => format!("P{number}CE"),
        }
    }
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Value of a count word: `Some(Some(n))` for a definite number,
/// `Some(None)` for a vague one ("several", "a few"), `None` if not a count.
pub(crate) fn count_value(words: &str) -> Option<Option<f64>> {
    let lower = words.to_ascii_lowercase();
    let normal: String = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if let Ok(n) = normal.replace(',', "").parse::<f64>() {
        return Some(Some(n));
    }
    let vague = ["a few", "few", "several", "some", "many"];
    if vague.contains(&normal.as_str()) {
        return Some(None);
    }
    let fixed = match normal.as_str() {
        "a" | "an" | "one" => 1.0,
        "half a" | "half an" | "half" | "a half" => 0.5,
        "a couple of" | "couple of" => 2.0,
        "a hundred" | "hundred" => 100.0,
        _ => {
            let mut total = 0.0;
            for part in normal.split(' ') {
                total += small_number(part)?;
            }
            total
        }
    };
    Some(Some(fixed))
}

fn small_number(word: &str) -> Option<f64> {
    corroborate_model::words::number_word_value(word).map(f64::from)
}

/// A year written in words: "nineteen seventy eight", "nineteen zero
/// one", "two thousand and eighteen", "twenty twelve", "one thousand seven
/// hundred and eighty nine". None when the words are not a year.
pub(crate) fn year_from_words(words: &str) -> Option<i32> {
    let lower = words.to_ascii_lowercase().replace('-', " ");
    let tokens: Vec<&str> = lower.split_whitespace().filter(|w| *w != "and").collect();
    let small = |ws: &[&str]| -> Option<i32> {
        if ws.is_empty() {
            return Some(0);
        }
        let mut total = 0.0;
        for w in ws {
            total += small_number(w)?;
        }
        Some(total as i32)
    };
    match tokens.as_slice() {
        [first, "thousand", rest @ ..] => {
            let thousands = small_number(first)? as i32;
            let rest_value = match rest {
                [h, "hundred", tail @ ..] => small_number(h)? as i32 * 100 + small(tail)?,
                tail => small(tail)?,
            };
            Some(thousands * 1000 + rest_value)
        }
        [first, "hundred", tail @ ..] => Some(small_number(first)? as i32 * 100 + small(tail)?),
        [first, "oh" | "zero", unit] => {
            let century = small_number(first)? as i32;
            let unit = small_number(unit)? as i32;
            (10..=20)
                .contains(&century)
                .then_some(century * 100 + unit.min(9))
        }
        [first, tail @ ..] if !tail.is_empty() => {
            let century = small_number(first)? as i32;
            let rest = small(tail)?;
            ((10..=20).contains(&century) && (10..=99).contains(&rest))
                .then_some(century * 100 + rest)
        }
        _ => None,
    }
}

/// Ordinal words used with "century" ("the twentieth century").
pub(crate) fn ordinal_value(word: &str) -> Option<i32> {
    const ORDINALS: [&str; 31] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
        "twenty-fourth",
        "twenty-fifth",
        "twenty-sixth",
        "twenty-seventh",
        "twenty-eighth",
        "twenty-ninth",
        "thirtieth",
        "thirty-first",
    ];
    let lower = word
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    if let Some(i) = ORDINALS.iter().position(|w| *w == lower) {
        return Some(i as i32 + 1);
    }
    // Cardinal day words ("twenty one", "fifteen").
    if let Some(Some(n)) = count_value(&lower) {
        if n.fract() == 0.0
            && (1.0..=31.0).contains(&n)
            && lower.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        {
            return Some(n as i32);
        }
    }
    let digits: String = lower.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(count_value("five"), Some(Some(5.0)));
        assert_eq!(count_value("twenty-one"), Some(Some(21.0)));
        assert_eq!(count_value("a few"), Some(None));
        assert_eq!(count_value("1,000"), Some(Some(1000.0)));
        assert_eq!(count_value("banana"), None);
    }

    #[test]
    fn durations() {
        assert_eq!(Unit::Day.duration(Some(5.0)), "P5D");
        assert_eq!(Unit::Decade.duration(Some(3.0)), "P3DE");
        assert_eq!(Unit::Year.duration(None), "PXY");
        assert_eq!(Unit::Hour.duration(Some(24.0)), "PT24H");
        assert_eq!(Unit::Fortnight.duration(Some(1.0)), "P2W");
    }

    #[test]
    fn names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("January"), Some(1));
        assert_eq!(weekday("Wed."), Some(Weekday::Wed));
        assert_eq!(ordinal_value("20th"), Some(20));
        assert_eq!(ordinal_value("twenty-first"), Some(21));
    }
}
