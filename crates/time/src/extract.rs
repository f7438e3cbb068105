//! Recognition: regular expressions over the whole (ASCII-lowercased) text
//! produce [`Candidate`]s; overlapping ones are settled longest-first, then
//! modifiers ("early", "around", "the evening of", "the week of") and
//! clock times next to a date are folded in. A part of day next to a clock
//! time moves its hour ("in the afternoon at 7" → 19:00, "1 o'clock
//! lunchtime" → 13:00, "tonight around 7" → 19:00), and a clock time next
//! to a daily or weekly set narrows it ("9am on Mondays"). Less common date
//! forms are in the `forms` submodule.

use crate::expr::{Base, Candidate, Expr, Named, PointMod, YearSpec};
use crate::lexicon::{
    count_value, month_number, ordinal_value, part_of_day, season_code, weekday, Unit,
    MONTH_FULL_RE, MONTH_RE, NUMBER_RE, SEASON_RE, UNIT_RE, WEEKDAY_FULL_RE, WEEKDAY_RE,
};
use regex::{Captures, Regex};
use std::sync::LazyLock;

mod forms;

type Parser = fn(&Captures, &str) -> Vec<Candidate>;

struct Pattern {
    regex: Regex,
    parse: Parser,
}

/// Compiles a case-insensitive pattern with ASCII word boundaries: Unicode
/// `\b` would keep the regex engine off its fast DFA path.
fn compile(source: &str) -> Result<Regex, regex::Error> {
    let ascii_boundaries = source.replace(r"\b", r"(?-u:\b)");
    Regex::new(&format!("(?i){ascii_boundaries}"))
}

/// Compiles a pattern for the ASCII-lowercased text: matching without
/// `(?i)` lets the regex engine find the patterns' leading words with its
/// literal prefilters. Sources use no upper-case escapes (`\D`, `\S`, …).
fn compile_lowercase(source: &str) -> Result<Regex, regex::Error> {
    let lower = source
        .replace(r"\b", r"(?-u:\b)")
        .to_ascii_lowercase()
        .replace("(?p<", "(?P<");
    Regex::new(&lower)
}

fn pattern(source: &str, parse: Parser) -> Pattern {
    let regex = match compile_lowercase(source) {
        Ok(regex) => regex,
        // The sources are constants checked by the unit tests.
        Err(err) => panic!("bad time pattern {source}: {err}"),
    };
    Pattern { regex, parse }
}

const ERA_BC: &str = r"(?:BC|B\.C\.|BCE|B\.C\.E\.)";
const ORDINAL_SUFFIX: &str = r"(?:st|nd|rd|th)?";
/// Optional year after a day and month: ", 2022", " of 1792", " of that year".
const YEAR_TAIL: &str = r"(?:\s*,?\s*(?P<y>\d{4})\b|\s*,?\s*(?:of\s+)?(?P<yw>YEAR_WORDS)|\s+of\s+(?P<yo>\d{4})\b|\s+of\s+(?P<ana>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+year\b)?";
const ORDINAL_DAY_WORDS: &str = r"(?:thirty[\s-]first|thirtieth|twenty[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|nineteenth|eighteenth|seventeenth|sixteenth|fifteenth|fourteenth|thirteenth|twelfth|eleventh|tenth|ninth|eighth|seventh|sixth|fifth|fourth|third|second|first)";
/// Two-word cardinal days after a month ("May twenty one"); one-word
/// cardinals are counts too often ("in May twenty people").
const CARDINAL_DAY_WORDS: &str =
    r"(?:twenty[\s-](?:one|two|three|four|five|six|seven|eight|nine)|thirty[\s-]one)";
/// Clock hours written as words.
const HOUR_WORDS: &str = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
/// Minutes written as words ("thirty", "forty five", "ten").
const MINUTE_WORDS: &str = r"(?:(?:twenty|thirty|forty|fifty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|five)";
const AM_PM: &str = r"(?:a\.\s?m\.|p\.\s?m\.|a\.\s?m\b|p\.\s?m\b|am\b|pm\b|a\s+m\b|p\s+m\b)";
const DAY_CONNECTOR: &str = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through|and|or)\s+)";

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let year_words = forms::YEAR_WORDS;
    let year_tail = YEAR_TAIL.replace("YEAR_WORDS", year_words);
    let day_then_month = format!(
        r"\b(?:(?P<wd>{WEEKDAY_RE})\s*,?\s+)?(?:the\s+)?(?P<d>\d{{1,2}}){ORDINAL_SUFFIX}(?:(?P<conn>{DAY_CONNECTOR})(?:the\s+)?(?P<d2>\d{{1,2}}){ORDINAL_SUFFIX})?(?:\s+of\s+|\s+|-)(?P<m>{MONTH_RE}){year_tail}"
    );
    let month_then_day = format!(
        r"\b(?:(?P<wd>{WEEKDAY_RE})\s*,?\s+)?(?P<m>{MONTH_RE})(?:\s*[-/]\s*|\.|\s*)(?:the\s+)?(?P<d>\d{{1,2}}){ORDINAL_SUFFIX}\b(?:(?P<conn>{DAY_CONNECTOR})(?P<d2>\d{{1,2}}){ORDINAL_SUFFIX}\b)?{year_tail}"
    );
    let month_year = format!(
        r"\b(?P<m>{MONTH_RE})(?:\s+of)?\s*,?\s+(?:(?P<y>\d{{3,4}})(?:\s*(?P<bc>{ERA_BC}))?\b|(?P<yw>{year_words})|(?P<ana>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+year\b|(?P<dei>next|last|this)\s+year\b)"
    );
    let season = format!(
        r"\b(?:the\s+)?(?:(?P<pm>early|late|mid)[\s-]+)?(?P<s>{SEASON_RE})\b(?:\s+(?:of\s+)?(?:(?P<y>\d{{1,4}})\s*(?P<bc>{ERA_BC})|(?P<y4>\d{{4}})\b|(?P<yw>{year_words}))|\s+of\s+(?P<ana>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+year\b)?"
    );
    let ordinal_day_month = format!(
        r"\b(?:the\s+)?(?P<dw>{ORDINAL_DAY_WORDS})\s+(?:of\s+)?(?P<m>{MONTH_RE}){year_tail}"
    );
    let month_ordinal_day = format!(
        r"\b(?:(?P<wd>{WEEKDAY_RE})\s*,?\s+)?(?P<m>{MONTH_RE})\s+(?:the\s+)?(?P<dw>{ORDINAL_DAY_WORDS}|{CARDINAL_DAY_WORDS})\b{year_tail}"
    );
    let relative = format!(
        r"\b(?P<the>the\s+)?(?P<rel>that\s+same|this\s+same|last|this|next|past|coming|previous|preceding|following|current|same|that|upcoming)\s+(?P<u>day|week|weekend|fortnight|month|quarter|year|decade|century|{SEASON_RE}|{WEEKDAY_FULL_RE}|{MONTH_FULL_RE}|jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
    );
    let day_of_month = format!(
        r"\b(?:(?P<wd>{WEEKDAY_FULL_RE})\s*,?\s+)?(?:(?P<the>the)\s+(?P<d>\d{{1,2}})(?P<suf>st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?P<suf2>st|nd|rd|th)|(?P<the2>the)\s+(?P<dw>{ORDINAL_DAY_WORDS}|{CARDINAL_DAY_WORDS}))\b(?:\s+(?:of\s+)?(?P<rel>this|next|last)\s+month\b)?"
    );
    let weekday_ordinal_word = format!(
        r"\b(?P<wd>{WEEKDAY_FULL_RE})\s*,?\s+the\s+(?P<dw>{ORDINAL_DAY_WORDS}|{CARDINAL_DAY_WORDS}|thirty|twenty|nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|ten|nine|eight|seven|six|five|four|three|two|one)\b"
    );
    let weekday_of_week = format!(
        r"\b(?P<rel>this|next|last)\s+week(?:\s*,?\s*on)?\s+(?P<wd>{WEEKDAY_FULL_RE})\b|\b(?P<wd2>{WEEKDAY_FULL_RE})\s*,?\s+(?:of\s+)?(?P<rel2>this|next|last)\s+week\b"
    );
    let clock_past_to = format!(
        r"\b(?P<mins>half|(?:a\s+)?quarter|three\s+quarters|(?:\d{{1,2}}|{MINUTE_WORDS})(?:\s+(?P<unit>minutes?|mins?))?|(?:one|two|three|four|six|seven|eight|nine)\s+(?P<unit2>minutes?|mins?))\s+(?P<dir>past|to)\s+(?:(?P<h>\d{{1,2}})|(?P<hw>{HOUR_WORDS})\b)(?:\s*(?P<ap>{AM_PM})|\b)(?:\s+o'?clock\b)?(?:\s+(?:in\s+the\s+)?(?P<pod>morning|afternoon|evening|night)\b)?"
    );
    let clock_words = format!(
        r"\b(?P<h>{HOUR_WORDS})(?:\s+(?P<mw>{MINUTE_WORDS}))?(?:\s+o'?clock\b(?:\s*(?P<ap2>{AM_PM}))?|\s*(?P<ap>{AM_PM}))"
    );
    vec![
        pattern(
            r"\b(?P<w>former|future|recent|current)\b",
            parse_narrative_reference,
        ),
        pattern(&day_of_month, parse_day_of_month),
        pattern(&weekday_ordinal_word, parse_day_of_month),
        pattern(&weekday_of_week, parse_weekday_of_week),
        pattern(&clock_past_to, parse_clock_past_to),
        pattern(&clock_words, parse_clock_words),
        pattern(
            &format!(r"\b(?P<prep>at|around|about)\s+(?P<h>\d{{1,2}}|{HOUR_WORDS})\b"),
            parse_bare_hour,
        ),
        pattern(
            &format!(r"\b(?P<h>{HOUR_WORDS})\s+(?P<mw>{MINUTE_WORDS}|five|oh\s+(?:one|two|three|four|five|six|seven|eight|nine))\b"),
            parse_hour_minute_words,
        ),
        pattern(
            r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:T(?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<sec>\d{2}))?)?\b",
            parse_iso,
        ),
        pattern(
            r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b",
            parse_slash,
        ),
        pattern(
            r"\b(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})\b",
            parse_dotted,
        ),
        pattern(
            r"\b(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<y>\d{4})\b",
            parse_slash,
        ),
        pattern(r"\b(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b", parse_iso),
        pattern(
            r"\b(?P<y>\d{4})[-/](?P<m>\d{1,2})\b|\b(?P<m2>\d{1,2})/(?P<y2>\d{4})\b",
            parse_numeric_month,
        ),
        pattern(&ordinal_day_month, parse_ordinal_day_month),
        pattern(&month_ordinal_day, parse_ordinal_day_month),
        pattern(
            r"\b(?:in|of|this|last|next|early|late|mid|until|since|by|from|during)\s+(?P<m>(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?)",
            parse_month_abbreviation,
        ),
        pattern(
            r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?\s*,?\s+(?P<y>\d{4})\b|\bQ(?P<q>[1-4])(?:\s*,?\s*(?P<y2>\d{4})\b)?|\b(?P<y3>\d{4})\s*Q(?P<q2>[1-4])\b",
            parse_quarter,
        ),
        pattern(
            r"\b(?:the\s+)?(?P<ord>first|second|latter)\s+half\s+of\s+(?P<y>\d{4})\b|\bH(?P<q>[12])(?:\s*,?\s*(?P<y2>\d{4})\b)?|\b(?P<y3>\d{4})\s*H(?P<q2>[12])\b",
            parse_half,
        ),
        pattern(&day_then_month, parse_day_month),
        pattern(&month_then_day, parse_day_month),
        pattern(&month_year, parse_month_year),
        pattern(&format!(r"\b(?P<m>{MONTH_FULL_RE})\b"), parse_month_alone),
        pattern(
            &format!(r"\b(?P<y>\d{{1,4}})\s*(?P<bc>{ERA_BC})"),
            parse_year,
        ),
        pattern(r"\b(?:AD|A\.D\.)\s*(?P<y>\d{1,4})\b", parse_year),
        pattern(r"\b(?P<y>\d{4})\b", parse_year),
        pattern(
            r"(?:\b(?:the\s+)?(?:(?P<pm>early|late|mid)[\s-]+)?)?(?:\b(?P<dec>\d{3}0)'?s|'(?P<short>\d0)s)\b",
            parse_decade,
        ),
        pattern(
            &format!(
                r"\b(?:the\s+)?(?:(?P<pm>early|late|mid)[\s-]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first)[\s-]+century\b(?:\s*(?P<bc>{ERA_BC}))?"
            ),
            parse_century,
        ),
        pattern(&season, parse_season),
        pattern(
            &format!(
                r"\b(?P<wd>{WEEKDAY_FULL_RE})(?P<pl>s)?\b(?:\s+(?P<part>morning|afternoon|evening|night))?"
            ),
            parse_weekday,
        ),
        pattern(
            r"\b(?P<w>today|yesterday|tomorrow|tmrw|tonight)\b(?:\s+(?P<part>morning|afternoon|evening|night))?",
            parse_deictic_day,
        ),
        pattern(
            r"\bthe\s+day\s+(?P<w>before\s+yesterday|after\s+(?:tomorrow|tmrw))\b",
            parse_deictic_day,
        ),
        pattern(
            r"\b(?P<det>this|last|that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+(?P<part>morning|afternoon|evening|night)\b",
            parse_part_of_day,
        ),
        pattern(
            r"\bthe\s+(?P<w>next|following|previous|preceding|same)\s+day\b|\bthe\s+day\s+(?P<w2>before|after)\b(?P<tail>\s*[,.;:)]|\s*$)",
            parse_anaphoric_day,
        ),
        pattern(&relative, parse_relative),
        pattern(
            r"\b(?:the\s+)?(?P<pm>end|beginning|start|middle|rest|remainder|turn|close)\s+of\s+(?P<rel>the|this|that|last|next|(?:the\s+)?current)\s+(?P<u>week|month|year|decade|century)\b",
            parse_part_of_unit,
        ),
        pattern(
            r"\b(?P<w>right\s+now|now|currently|nowadays|presently|at\s+present|at\s+the\s+moment|at\s+the\s+time\s+of\s+(?:this\s+)?writing|the\s+present\s+day|present[\s-]day|these\s+days|recently|the\s+past|the\s+future)\b",
            parse_reference,
        ),
        pattern(
            &format!(
                r"\b(?P<n>{NUMBER_RE})[\s-]+(?P<u>{UNIT_RE})\s+(?P<dir>ago|earlier|later|before|after|afterwards?|previously|prior|from\s+now|hence|back)\b(?P<tail>\s*[,.;:)]|\s*$)?"
            ),
            parse_count_shift,
        ),
        pattern(
            &format!(r"\b(?P<n>{NUMBER_RE})[\s-]+(?P<u>{UNIT_RE})\b"),
            parse_duration,
        ),
        pattern(
            &format!(r"\b(?P<n>\d+(?:\.\d+)?)(?P<u>{UNIT_RE}|h)\b|\b(?P<n2>\d+(?:\.\d+)?)\s+(?P<u3>h)\b"),
            parse_duration,
        ),
        pattern(
            r"\b(?P<n>half(?:\s+an?)?)\s+(?P<u>hour|day|week|month|year)\b",
            parse_half_unit,
        ),
        pattern(
            &format!(
                r"\b(?P<n>{NUMBER_RE})[\s-]+(?:(?P<u>{UNIT_RE})\s+and\s+(?:a\s+)?half|and\s+a\s+half\s+(?P<u2>{UNIT_RE}))\b"
            ),
            parse_duration,
        ),
        pattern(
            &format!(r"\b(?P<n>another|all|full|whole|entire)[\s-](?P<u>{UNIT_RE})\b"),
            parse_duration,
        ),
        pattern(
            r"\b(?:for|over|in|within|after|took|lasted|last|spent|than|of)\s+(?P<vu>years|months|weeks|days|decades|centuries|hours)\b",
            parse_vague_duration,
        ),
        pattern(
            &format!(
                r"\b(?:every|each)\s+(?:other\s+)?(?:(?P<n>{NUMBER_RE})\s+)?(?P<u>{UNIT_RE}|{WEEKDAY_FULL_RE}|morning|afternoon|evening|night)\b"
            ),
            parse_set,
        ),
        pattern(
            r"\b(?P<adv>daily|weekly|biweekly|fortnightly|monthly|annually|yearly|nightly|hourly|quarterly|everyday|mornings|afternoons|evenings)\b",
            parse_set_adverb,
        ),
        pattern(
            &format!(
                r"\b(?:once|twice|thrice|(?P<n>{NUMBER_RE})\s+times)\s+(?:a|an|per|every|each)\s+(?P<u>{UNIT_RE})\b"
            ),
            parse_set,
        ),
        pattern(
            &format!(r"\b(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}})(?::(?P<sec>[0-5]\d))?|(?P<mi2>[0-5]\d))?(?:\s*(?P<ap>{AM_PM})|(?P<ap1>[ap])\b)(?:\s+(?:GMT|UTC|local\s+time)\b)?"),
            parse_clock,
        ),
        pattern(
            r"\bT?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<sec>[0-5]\d))?\b(?:\s*(?:hours|hrs|GMT|UTC|local\s+time)\b)?",
            parse_clock,
        ),
        pattern(
            r"\b(?:12\s+)?(?P<noon>noon|midday|midnight|mid-?night|mid\s+night|mid-?day|mid\s+day|mid[\s-]?morning|mid[\s-]?afternoon)(?:-?ish)?\b|\b(?P<h>\d{1,2})-?ish\b",
            parse_clock,
        ),
        pattern(
            &format!(r"\b(?P<h>\d{{1,2}})\s+o'?clock\b(?:\s*(?P<ap>{AM_PM}))?"),
            parse_clock,
        ),
        pattern(
            r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s+in\s+the\s+(?P<pod>morning|afternoon|evening|night)\b",
            parse_clock,
        ),
    ]
    .into_iter()
    .chain(forms::patterns())
    .collect()
});

/// All candidates in `text`, non-overlapping, sorted by start.
pub(crate) fn candidates(text: &str) -> Vec<Candidate> {
    // Patterns match the lowercased text (same byte offsets); parsers read
    // case from `text` where it matters ("May" vs "may").
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for pattern in PATTERNS.iter() {
        for caps in pattern.regex.captures_iter(&lower) {
            found.extend((pattern.parse)(&caps, text));
        }
    }
    let mut kept = settle_overlaps(found);
    for candidate in &mut kept {
        extend_with_modifiers(text, candidate);
        if candidate.expr == Expr::Clock {
            extend_clock_with_part_of_day(text, candidate);
        }
    }
    let mut kept = settle_overlaps(kept);
    attach_clock_times(text, &mut kept);
    kept
}

/// Longest candidates win; ties go to the earlier pattern.
fn settle_overlaps(mut found: Vec<Candidate>) -> Vec<Candidate> {
    // Stable sort keeps pattern order among equal lengths.
    found.sort_by_key(|c| std::cmp::Reverse(c.len()));
    let mut kept: Vec<Candidate> = Vec::new();
    for candidate in found {
        let overlaps = kept
            .iter()
            .any(|k| k.start < candidate.end && candidate.start < k.end);
        if !overlaps && candidate.end > candidate.start {
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

fn group<'t>(caps: &Captures<'t>, name: &str) -> Option<regex::Match<'t>> {
    caps.name(name)
}

fn number(caps: &Captures, name: &str) -> Option<u32> {
    group(caps, name).and_then(|m| m.as_str().parse().ok())
}

fn whole(caps: &Captures) -> Option<(usize, usize)> {
    caps.get(0).map(|m| (m.start(), m.end()))
}

/// True when the match touches other digits in a way that makes it part of a
/// bigger number ("10,000", "3.2", phone numbers, "1-800").
/// "1-2016-11", "2016-11-x9": a number run joined by hyphens.
fn hyphen_joined_number(text: &str, start: usize, end: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    let mut after = text.get(end..).unwrap_or("").chars();
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    (before.next() == Some('-') && digit(before.next()))
        || (after.next() == Some('-') && digit(after.next()))
}

fn glued_to_number(text: &str, start: usize, end: usize) -> bool {
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
fn in_digit_sequence(text: &str, start: usize, end: usize) -> bool {
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

fn calendar(year: Option<YearSpec>, month: Option<u32>, day: Option<u32>) -> Expr {
    Expr::Calendar {
        year,
        month,
        day,
        day_end: None,
    }
}

fn valid_day(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn parse_iso(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(y), Some(m), Some(d)) = (
        whole(caps),
        number(caps, "y"),
        number(caps, "m"),
        number(caps, "d"),
    ) else {
        return vec![];
    };
    if !valid_day(m, d) || glued_to_number(text, start, end) {
        return vec![];
    }
    let mut candidate = Candidate::new(
        start,
        end,
        calendar(Some(YearSpec::Explicit(y as i32)), Some(m), Some(d)),
    );
    if let (Some(h), Some(mi)) = (number(caps, "h"), number(caps, "mi")) {
        candidate.clock = Some((h, mi, number(caps, "sec")));
    }
    vec![candidate]
}

fn two_digit_year(y: u32, written: &str) -> i32 {
    if written.len() == 2 {
        if y < 50 {
            2000 + y as i32
        } else {
            1900 + y as i32
        }
    } else {
        y as i32
    }
}

/// `01/05/2022` and `01-05-2022` are read in US order (month first) unless
/// the first number cannot be a month.
fn parse_slash(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(a), Some(b), Some(y)) = (
        whole(caps),
        number(caps, "a"),
        number(caps, "b"),
        group(caps, "y"),
    ) else {
        return vec![];
    };
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    let year = two_digit_year(y.as_str().parse().unwrap_or(0), y.as_str());
    if !valid_day(month, day) || glued_to_number(text, start, end) {
        return vec![];
    }
    vec![Candidate::new(
        start,
        end,
        calendar(Some(YearSpec::Explicit(year)), Some(month), Some(day)),
    )]
}

/// "2016-11", "2015/3", "11/2016": a month of a year. "2010-11" is read as
/// a span of years, not November 2010, when the second number can continue
/// the first year (11 > 10), as in "the 2010-11 season".
fn parse_numeric_month(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let (year, month, year_first) = match (number(caps, "y"), number(caps, "m")) {
        (Some(y), Some(m)) => (y, m, true),
        _ => match (number(caps, "y2"), number(caps, "m2")) {
            (Some(y), Some(m)) => (y, m, false),
            _ => return vec![],
        },
    };
    let continues_year = year_first && month > year % 100;
    if !(1..=12).contains(&month)
        || !(1000..2100).contains(&year)
        || continues_year
        || glued_to_number(text, start, end)
        || hyphen_joined_number(text, start, end)
    {
        return vec![];
    }
    vec![Candidate::new(
        start,
        end,
        calendar(Some(YearSpec::Explicit(year as i32)), Some(month), None),
    )]
}

/// `05.01.2022` is read in European order (day first).
fn parse_dotted(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(day), Some(month), Some(year)) = (
        whole(caps),
        number(caps, "a"),
        number(caps, "b"),
        number(caps, "y"),
    ) else {
        return vec![];
    };
    if !valid_day(month, day) || glued_to_number(text, start, end) {
        return vec![];
    }
    vec![Candidate::new(
        start,
        end,
        calendar(
            Some(YearSpec::Explicit(year as i32)),
            Some(month),
            Some(day),
        ),
    )]
}

/// "5 January 2022", "January 5, 2022", "Jan. 5", "4–6 January",
/// "between 4 and 7 January", "2 and 3 January" (a list: two candidates).
fn parse_day_month(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(m), Some(d)) = (whole(caps), group(caps, "m"), number(caps, "d"))
    else {
        return vec![];
    };
    let Some(month) = month_number(m.as_str()) else {
        return vec![];
    };
    if !valid_day(month, d) || glued_to_number(text, start, end) {
        return vec![];
    }
    if is_lowercase_may_or_march(original(text, m)) && group(caps, "y").is_none() && d > 31 {
        return vec![];
    }
    // "september.15th" (month, dot, ordinal day) but not "May.15 people".
    let month_first = group(caps, "d").is_some_and(|day| m.start() < day.start());
    let dot_after_month = month_first
        && text
            .get(m.end()..)
            .is_some_and(|rest| rest.starts_with('.'));
    let suffixed = group(caps, "d").is_some_and(|day| {
        text.get(day.end()..)
            .and_then(|rest| rest.get(..2))
            .is_some_and(|s| matches!(s.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th"))
    });
    if !m.as_str().ends_with('.') && dot_after_month && !suffixed {
        return vec![];
    }
    let year = number(caps, "y")
        .or_else(|| number(caps, "yo"))
        .map(|y| y as i32)
        .or_else(|| words_year(caps))
        .map(YearSpec::Explicit)
        .or_else(|| group(caps, "ana").map(|a| YearSpec::Anaphoric(anaphoric_offset(a.as_str()))));
    let second = number(caps, "d2").filter(|d2| valid_day(month, *d2) && *d2 > d);
    let connector = group(caps, "conn").map(|c| c.as_str().trim().to_ascii_lowercase());
    let Some(d2) = second else {
        // No (valid) second day: re-match without it would be simplest, but
        // the connector then belongs to the text; keep only the first day.
        if group(caps, "d2").is_some() {
            return single_day_without_range(caps, start, month, d, year);
        }
        return vec![Candidate::new(
            start,
            end,
            calendar(year, Some(month), Some(d)),
        )];
    };
    let is_list =
        matches!(connector.as_deref(), Some("and" | "or")) && !preceded_by(text, start, "between");
    if is_list {
        return split_day_list(caps, start, end, month, d, d2, year);
    }
    let mut candidate = Candidate::new(start, end, calendar(year, Some(month), Some(d)));
    candidate.expr = Expr::Calendar {
        year,
        month: Some(month),
        day: Some(d),
        day_end: Some(d2),
    };
    if preceded_by(text, start, "between") || preceded_by(text, start, "from") {
        candidate.start = word_before_start(text, start);
    }
    vec![candidate]
}

fn single_day_without_range(
    caps: &Captures,
    start: usize,
    month: u32,
    day: u32,
    year: Option<YearSpec>,
) -> Vec<Candidate> {
    // Month-first form ("January 5-6000"): keep "January 5".
    match (group(caps, "conn"), group(caps, "m")) {
        (Some(conn), Some(m)) if m.start() < conn.start() => vec![Candidate::new(
            start,
            conn.start(),
            calendar(year, Some(month), Some(day)),
        )],
        _ => vec![],
    }
}

/// "2 and 3 January" → "2" and "3 January"; "January 2 and 3" → "January 2" and "3".
fn split_day_list(
    caps: &Captures,
    start: usize,
    end: usize,
    month: u32,
    d1: u32,
    d2: u32,
    year: Option<YearSpec>,
) -> Vec<Candidate> {
    let (Some(conn), Some(first_day), Some(m)) =
        (group(caps, "conn"), group(caps, "d"), group(caps, "m"))
    else {
        return vec![];
    };
    let month_first = m.start() < first_day.start();
    let first_end = if month_first {
        conn.start()
    } else {
        first_day.end()
    };
    let first_start = if month_first {
        start
    } else {
        first_day.start()
    };
    vec![
        Candidate::new(
            first_start,
            first_end,
            calendar(year, Some(month), Some(d1)),
        ),
        Candidate::new(conn.end(), end, calendar(year, Some(month), Some(d2))),
    ]
}

fn preceded_by(text: &str, start: usize, word: &str) -> bool {
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

fn word_before_start(text: &str, start: usize) -> usize {
    let before = text.get(..start).unwrap_or("");
    let trimmed = before.trim_end();
    trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The text a match covers, as written (matches run on lowercased text).
fn original<'t>(text: &'t str, m: regex::Match) -> &'t str {
    text.get(m.start()..m.end()).unwrap_or("")
}

fn is_lowercase_may_or_march(word: &str) -> bool {
    matches!(word, "may" | "march" | "mar")
}

fn parse_month_year(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(m)) = (whole(caps), group(caps, "m")) else {
        return vec![];
    };
    let Some(month) = month_number(m.as_str()) else {
        return vec![];
    };
    let year = if let Some(ana) = group(caps, "ana") {
        YearSpec::Anaphoric(anaphoric_offset(ana.as_str()))
    } else if let Some(dei) = group(caps, "dei") {
        YearSpec::Deictic(match dei.as_str().to_ascii_lowercase().as_str() {
            "next" => 1,
            "last" => -1,
            _ => 0,
        })
    } else if let Some(y) = words_year(caps) {
        YearSpec::Explicit(y)
    } else {
        let Some(y) = number(caps, "y") else {
            return vec![];
        };
        let bc = group(caps, "bc").is_some();
        if !bc && !(1000..2100).contains(&y) {
            return vec![];
        }
        if glued_to_number(text, start, end) {
            return vec![];
        }
        YearSpec::Explicit(if bc { -(y as i32) } else { y as i32 })
    };
    vec![Candidate::new(
        start,
        end,
        calendar(Some(year), Some(month), None),
    )]
}

/// A year written in words in group `yw`.
fn words_year(caps: &Captures) -> Option<i32> {
    group(caps, "yw").and_then(|w| crate::lexicon::year_from_words(w.as_str()))
}

fn anaphoric_offset(word: &str) -> i32 {
    let lower = word.to_ascii_lowercase();
    if lower.contains("following") || lower.contains("next") {
        1
    } else if lower.contains("previous") || lower.contains("preceding") {
        -1
    } else {
        0
    }
}

/// A month name alone; "May" and "March" only when capitalised and not
/// sentence-initial-looking modal use ("May I").
fn parse_month_alone(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some(m) = group(caps, "m") else {
        return vec![];
    };
    let word = original(text, m);
    if !word.starts_with(|c: char| c.is_uppercase())
        && is_lowercase_may_or_march(&word.to_ascii_lowercase())
    {
        return vec![];
    }
    if word.eq_ignore_ascii_case("may") && !word.starts_with('M') {
        return vec![];
    }
    if word == "May" && followed_by_verb_like(text, m.end()) {
        return vec![];
    }
    if matches!(word, "May" | "March") && part_of_a_name(text, m.start(), m.end()) {
        return vec![];
    }
    let Some(month) = month_number(word) else {
        return vec![];
    };
    vec![Candidate::new(
        m.start(),
        m.end(),
        calendar(None, Some(month), None),
    )]
}

/// "the Long March", "Women's March on", "March to the Sea": a capitalised
/// word before it (not at a sentence start), "the"/"a" before it, or "to"/"on"
/// after it make "March"/"May" part of a name or a noun.
fn part_of_a_name(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let previous: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect();
    let previous: String = previous.chars().rev().collect();
    let before_previous = before
        .get(..before.len() - previous.len())
        .unwrap_or("")
        .trim_end();
    let sentence_start =
        before_previous.is_empty() || before_previous.ends_with(['.', '!', '?', '\n', ':']);
    let capitalised = previous.starts_with(|c: char| c.is_uppercase()) && !sentence_start;
    let is_preposition = matches!(
        previous.to_ascii_lowercase().as_str(),
        "in" | "of"
            | "by"
            | "until"
            | "since"
            | "from"
            | "to"
            | "during"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "that"
            | "in early"
            | "through"
    );
    let article = matches!(previous.to_ascii_lowercase().as_str(), "the" | "a" | "an");
    let next = next_word(text, end);
    (capitalised && !is_preposition)
        || article
        || matches!(next.as_str(), "to" | "on" | "battalion" | "against")
}

/// "May be", "May I", "May have": modal uses at the start of a sentence.
fn followed_by_verb_like(text: &str, end: usize) -> bool {
    let after = text.get(end..).unwrap_or("").trim_start();
    let next: String = after
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        next.as_str(),
        "be" | "i" | "we" | "you" | "he" | "she" | "they" | "have" | "not" | "it" | "the"
    )
}

/// Nouns after a number that make it a count, not a year ("2000 troops").
const COUNTED_NOUNS: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "police",
    "policemen",
    "officers",
    "protesters",
    "demonstrators",
    "residents",
    "civilians",
    "men",
    "women",
    "children",
    "members",
    "employees",
    "workers",
    "votes",
    "voters",
    "dollars",
    "euros",
    "pounds",
    "roubles",
    "rubles",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "tons",
    "tonnes",
    "barrels",
    "cases",
    "deaths",
    "casualties",
    "injured",
    "killed",
    "dead",
    "wounded",
    "arrests",
    "arrested",
    "detained",
    "detainees",
    "vehicles",
    "tanks",
    "aircraft",
    "planes",
    "units",
    "hours",
    "days",
    "years",
    "percent",
    "per",
    "mm",
    "kg",
    "prisoners",
    "refugees",
    "households",
    "families",
    "students",
    "copies",
    "signatures",
    "seats",
    "rounds",
    "shells",
    "rockets",
    "missiles",
    "guns",
    "victims",
    "fighters",
    "rebels",
    "militants",
    "guards",
    "sailors",
    "ships",
    "horses",
    "cannons",
];

/// Words before a number that make it an identifier, not a year.
const IDENTIFIER_WORDS: &[&str] = &[
    "article",
    "art",
    "no",
    "nos",
    "number",
    "page",
    "p",
    "pp",
    "section",
    "chapter",
    "resolution",
    "law",
    "decree",
    "order",
    "flight",
    "route",
    "highway",
    "room",
    "unit",
    "code",
    "case",
    "nlr",
    "paragraph",
    "para",
    "clause",
    "item",
    "bill",
    "act",
    "regulation",
    "ordinance",
    "amendment",
    "vol",
    "volume",
    "issue",
    "tel",
    "phone",
    "fax",
    "box",
    "building",
    "house",
    "apartment",
    "platform",
    "gate",
    "line",
    "model",
    "version",
    "score",
    "over",
    "than",
    "about",
    "nearly",
    "almost",
    "around",
    "some",
    "approximately",
];

fn previous_word(text: &str, start: usize) -> String {
    let before = text.get(..start).unwrap_or("");
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let word: String = trimmed
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    word.chars().rev().collect::<String>().to_lowercase()
}

fn next_word(text: &str, end: usize) -> String {
    let after = text.get(end..).unwrap_or("");
    let trimmed = after.trim_start();
    trimmed
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase()
}

fn parse_year(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(y)) = (whole(caps), number(caps, "y")) else {
        return vec![];
    };
    let bc = group(caps, "bc").is_some();
    let written_era = bc
        || caps
            .get(0)
            .is_some_and(|m| m.as_str().to_ascii_uppercase().starts_with('A'));
    if !written_era {
        if !(1000..2100).contains(&y)
            || glued_to_number(text, start, end)
            || in_digit_sequence(text, start, end)
        {
            return vec![];
        }
        if IDENTIFIER_WORDS.contains(&previous_word(text, start).as_str())
            || COUNTED_NOUNS.contains(&next_word(text, end).as_str())
        {
            return vec![];
        }
    }
    if bc
        && text
            .get(end..)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_alphanumeric()))
    {
        return vec![];
    }
    let year = if bc { -(y as i32) } else { y as i32 };
    vec![Candidate::new(
        start,
        end,
        calendar(Some(YearSpec::Explicit(year)), None, None),
    )]
}

/// "the twenty-first of May", "May twenty-first".
fn parse_ordinal_day_month(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(m), Some(dw)) =
        (whole(caps), group(caps, "m"), group(caps, "dw"))
    else {
        return vec![];
    };
    let (Some(month), Some(day)) = (month_number(m.as_str()), ordinal_value(dw.as_str())) else {
        return vec![];
    };
    if !valid_day(month, day as u32) {
        return vec![];
    }
    let year = number(caps, "y")
        .or_else(|| number(caps, "yo"))
        .map(|y| y as i32)
        .or_else(|| words_year(caps))
        .map(YearSpec::Explicit)
        .or_else(|| group(caps, "ana").map(|a| YearSpec::Anaphoric(anaphoric_offset(a.as_str()))));
    vec![Candidate::new(
        start,
        end,
        calendar(year, Some(month), Some(day as u32)),
    )]
}

/// "in Jan", "this Sept": an abbreviated month needs a preposition before it.
fn parse_month_abbreviation(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some(m) = group(caps, "m") else {
        return vec![];
    };
    let Some(month) = month_number(m.as_str()) else {
        return vec![];
    };
    let end = if m.as_str().ends_with('.') {
        m.end() - 1
    } else {
        m.end()
    };
    vec![Candidate::new(
        m.start(),
        end,
        calendar(None, Some(month), None),
    )]
}

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

fn parse_quarter(caps: &Captures, _text: &str) -> Vec<Candidate> {
    year_part(caps, &["Q1", "Q2", "Q3", "Q4"])
}

fn parse_half(caps: &Captures, _text: &str) -> Vec<Candidate> {
    year_part(caps, &["H1", "H2"])
}

fn point_mod(word: Option<regex::Match>) -> Option<PointMod> {
    let lower = word?.as_str().to_ascii_lowercase();
    match lower.as_str() {
        "early" | "beginning" | "start" => Some(PointMod::Start),
        "mid" | "middle" => Some(PointMod::Mid),
        "late" | "end" | "close" => Some(PointMod::End),
        "rest" | "remainder" => Some(PointMod::Rest),
        _ => None,
    }
}

fn with_mod(mut candidate: Candidate, pm: Option<PointMod>) -> Candidate {
    if pm.is_some() {
        candidate.point_mod = pm;
        candidate.approximate = true;
    }
    candidate
}

fn parse_decade(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let decade = if let Some(d) = number(caps, "dec") {
        if !(1000..2100).contains(&d) || glued_to_number(text, start, end) {
            return vec![];
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

fn parse_century(caps: &Captures, _text: &str) -> Vec<Candidate> {
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

fn parse_season(caps: &Captures, text: &str) -> Vec<Candidate> {
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
    // "the fall of the city" is not a season.
    if year.is_none() && s.as_str().eq_ignore_ascii_case("fall") {
        return vec![];
    }
    if year.is_none() && next_word(text, end) == "of" {
        return vec![];
    }
    let candidate = Candidate::new(start, end, Expr::Season { year, code });
    vec![with_mod(candidate, point_mod(group(caps, "pm")))]
}

fn parse_weekday(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(wd)) = (whole(caps), group(caps, "wd")) else {
        return vec![];
    };
    let Some(day) = weekday(wd.as_str()) else {
        return vec![];
    };
    if group(caps, "pl").is_some() {
        let value = format!("XXXX-WXX-{}", day.number_from_monday());
        return vec![Candidate::new(start, end, Expr::Set(value))];
    }
    let mut candidate = Candidate::new(start, end, Expr::Weekday(day));
    candidate.part_of_day = group(caps, "part").and_then(|p| part_of_day(p.as_str()));
    vec![candidate]
}

fn parse_deictic_day(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(w)) = (whole(caps), group(caps, "w")) else {
        return vec![];
    };
    let lower = w.as_str().to_ascii_lowercase();
    let days = match lower.split_whitespace().next().unwrap_or("") {
        "yesterday" => -1,
        "tomorrow" | "tmrw" => 1,
        "before" => -2,
        "after" => 2,
        _ => 0,
    };
    let mut candidate = Candidate::new(
        start,
        end,
        Expr::DayShift {
            days,
            base: Base::Deictic,
        },
    );
    candidate.part_of_day = group(caps, "part")
        .and_then(|p| part_of_day(p.as_str()))
        .or_else(|| (lower == "tonight").then_some("NI"));
    vec![candidate]
}

fn parse_part_of_day(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(det), Some(part)) =
        (whole(caps), group(caps, "det"), group(caps, "part"))
    else {
        return vec![];
    };
    let det = det.as_str().to_ascii_lowercase();
    let (days, base) = match det.split_whitespace().last().unwrap_or("") {
        "this" => (0, Base::Deictic),
        "last" => (-1, Base::Deictic),
        "following" | "next" => (1, Base::Anaphoric),
        "previous" | "preceding" => (-1, Base::Anaphoric),
        _ => (0, Base::Anaphoric),
    };
    let mut candidate = Candidate::new(start, end, Expr::DayShift { days, base });
    candidate.part_of_day = part_of_day(part.as_str());
    vec![candidate]
}

fn parse_anaphoric_day(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some((start, mut end)) = whole(caps) else {
        return vec![];
    };
    let word = group(caps, "w")
        .or_else(|| group(caps, "w2"))
        .map(|w| w.as_str().to_ascii_lowercase())
        .unwrap_or_default();
    if let Some(tail) = group(caps, "tail") {
        end = tail.start();
    }
    let days = match word.as_str() {
        "next" | "following" | "after" => 1,
        "previous" | "preceding" | "before" => -1,
        _ => 0,
    };
    vec![Candidate::new(
        start,
        end,
        Expr::DayShift {
            days,
            base: Base::Anaphoric,
        },
    )]
}

fn relation_offset_and_base(rel: &str, has_the: bool) -> (i64, Base) {
    match rel {
        "last" | "past" if !has_the => (-1, Base::Deictic),
        "last" | "past" | "previous" | "preceding" => (-1, Base::Anaphoric),
        "next" | "coming" | "upcoming" if !has_the => (1, Base::Deictic),
        "next" | "following" | "coming" | "upcoming" => (1, Base::Anaphoric),
        "this" | "current" => (0, Base::Deictic),
        _ => (0, Base::Anaphoric),
    }
}

/// "last week", "this year", "the following month", "that day", "next
/// Monday", "last spring", "the past week" (a duration).
fn parse_relative(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(rel), Some(u)) =
        (whole(caps), group(caps, "rel"), group(caps, "u"))
    else {
        return vec![];
    };
    let rel = rel.as_str().to_ascii_lowercase();
    let has_the = group(caps, "the").is_some();
    let word = original(text, u);
    if matches!(word, "may" | "march") {
        return vec![];
    }
    if has_the && matches!(rel.as_str(), "past" | "last") {
        if let Some(unit) = Unit::parse(word) {
            return vec![Candidate::new(
                start,
                end,
                Expr::Duration(unit.duration(Some(1.0))),
            )];
        }
    }
    let (offset, base) = relation_offset_and_base(&rel, has_the);
    let expr = if let Some(unit) = Unit::parse(word) {
        if unit == Unit::Day {
            Expr::DayShift {
                days: offset,
                base: if rel == "this" { Base::Deictic } else { base },
            }
        } else {
            Expr::UnitShift { unit, offset, base }
        }
    } else if let Some(day) = weekday(word) {
        Expr::NamedShift {
            name: Named::Weekday(day),
            offset,
        }
    } else if let Some(code) = season_code(word) {
        Expr::NamedShift {
            name: Named::Season(code),
            offset,
        }
    } else if let Some(month) = month_number(word) {
        Expr::NamedShift {
            name: Named::Month(month),
            offset,
        }
    } else {
        return vec![];
    };
    vec![Candidate::new(start, end, expr)]
}

/// "the end of the month", "the beginning of this year".
fn parse_part_of_unit(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(rel), Some(u)) =
        (whole(caps), group(caps, "rel"), group(caps, "u"))
    else {
        return vec![];
    };
    let Some(unit) = Unit::parse(u.as_str()) else {
        return vec![];
    };
    let rel = rel.as_str().to_ascii_lowercase();
    let (offset, base) = match rel.as_str() {
        "this" => (0, Base::Deictic),
        "last" => (-1, Base::Deictic),
        "next" => (1, Base::Deictic),
        "current" | "the current" => (0, Base::Deictic),
        // "the rest of the week" counts from now.
        "the" if u_is_rest(caps) => (0, Base::Deictic),
        _ => (0, Base::Anaphoric),
    };
    let candidate = Candidate::new(start, end, Expr::UnitShift { unit, offset, base });
    let pm = point_mod(group(caps, "pm"));
    vec![with_mod(candidate, pm.or(Some(PointMod::Mid)))]
}

fn u_is_rest(caps: &Captures) -> bool {
    point_mod(group(caps, "pm")) == Some(PointMod::Rest)
}

fn parse_reference(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(w)) = (whole(caps), group(caps, "w")) else {
        return vec![];
    };
    let lower = w.as_str().to_ascii_lowercase();
    let value = match lower.as_str() {
        "recently" | "the past" | "former" | "formerly" | "recent" => "PAST_REF",
        "the future" => "FUTURE_REF",
        _ => "PRESENT_REF",
    };
    vec![Candidate::new(start, end, Expr::Reference(value))]
}

fn parse_narrative_reference(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(w)) = (whole(caps), group(caps, "w")) else {
        return vec![];
    };
    let value = match w.as_str().to_ascii_lowercase().as_str() {
        "future" => "FUTURE_REF",
        "current" => "PRESENT_REF",
        _ => "PAST_REF",
    };
    vec![Candidate::new(start, end, Expr::NarrativeReference(value))]
}

fn count_and_unit(caps: &Captures) -> Option<(Option<f64>, Unit)> {
    let count = count_value(group(caps, "n")?.as_str())?;
    let unit = Unit::parse(group(caps, "u")?.as_str())?;
    Some((count, unit))
}

/// "a second attack" is an ordinal, not a duration.
fn ordinal_second(caps: &Captures, unit: Unit) -> bool {
    unit == Unit::Second
        && group(caps, "n")
            .is_some_and(|n| matches!(n.as_str().to_ascii_lowercase().as_str(), "a" | "an"))
}

fn parse_count_shift(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(dir)) = (whole(caps), group(caps, "dir")) else {
        return vec![];
    };
    let Some((count, unit)) = count_and_unit(caps) else {
        return vec![];
    };
    if ordinal_second(caps, unit) {
        return vec![];
    }
    let dir = dir.as_str().to_ascii_lowercase();
    // "two days after the attack": the shift is relative to an event, not a date.
    if matches!(dir.as_str(), "before" | "after" | "prior") && group(caps, "tail").is_none() {
        return vec![];
    }
    let end = group(caps, "tail").map_or(end, |t| t.start());
    let (sign, base) = match dir.as_str() {
        "ago" | "back" => (-1, Base::Deictic),
        "from now" | "hence" => (1, Base::Deictic),
        "later" | "after" | "afterwards" | "afterward" => (1, Base::Anaphoric),
        _ => (-1, Base::Anaphoric),
    };
    vec![Candidate::new(
        start,
        end,
        Expr::CountShift {
            count,
            unit,
            sign,
            base,
        },
    )]
}

fn parse_duration(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let unit_word = group(caps, "u")
        .or_else(|| group(caps, "u2"))
        .or_else(|| group(caps, "u3"));
    let count = group(caps, "n")
        .or_else(|| group(caps, "n2"))
        .and_then(|n| {
            let lower = n.as_str().to_ascii_lowercase();
            if matches!(
                lower.as_str(),
                "another" | "all" | "full" | "whole" | "entire"
            ) {
                Some(Some(1.0))
            } else {
                count_value(&lower)
            }
        });
    let (Some(count), Some(unit)) = (count, unit_word.and_then(|u| Unit::parse(u.as_str()))) else {
        return vec![];
    };
    let and_a_half = caps.get(0).is_some_and(|m| {
        let lower = m.as_str().to_ascii_lowercase();
        lower.contains("and a half") || lower.contains("and half")
    });
    let count = if and_a_half {
        count.map(|c| c + 0.5)
    } else {
        count
    };
    if ordinal_second(caps, unit) || glued_to_number(text, start, end) {
        return vec![];
    }
    // "a day" inside "once a day" is handled by the set pattern; "one day" alone
    // in narrative is a vague date, kept as a duration like TimeBank does.
    let mut candidate = Candidate::new(start, end, Expr::Duration(unit.duration(count)));
    candidate.measure = count.map(|c| (c, unit));
    vec![candidate]
}

/// "half an hour", "a half hour", "half year": the span takes a leading "a".
fn parse_half_unit(caps: &Captures, text: &str) -> Vec<Candidate> {
    let mut found = parse_duration(caps, text);
    for candidate in &mut found {
        let before = text.get(..candidate.start).unwrap_or("");
        let trimmed = before.trim_end();
        let article = trimmed.len() < before.len()
            && trimmed
                .get(trimmed.len().saturating_sub(2)..)
                .is_some_and(|w| w.eq_ignore_ascii_case(" a") || w.eq_ignore_ascii_case("a"));
        if article && previous_word(text, candidate.start) == "a" {
            candidate.start = trimmed.len() - 1;
        }
    }
    found
}

fn parse_vague_duration(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some(vu) = group(caps, "vu") else {
        return vec![];
    };
    let Some(unit) = Unit::parse(vu.as_str()) else {
        return vec![];
    };
    vec![Candidate::new(
        vu.start(),
        vu.end(),
        Expr::Duration(unit.duration(None)),
    )]
}

fn parse_set(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(u)) = (whole(caps), group(caps, "u")) else {
        return vec![];
    };
    let word = u.as_str();
    let count = match group(caps, "n") {
        Some(n) => match count_value(n.as_str()) {
            Some(c) => c,
            None => return vec![],
        },
        None => Some(1.0),
    };
    let value = if let Some(part) = part_of_day(word).filter(|_| count == Some(1.0)) {
        format!("XXXX-XX-XXT{part}")
    } else if let Some(unit) = Unit::parse(word) {
        let every_other = caps
            .get(0)
            .is_some_and(|m| m.as_str().to_ascii_lowercase().contains("other"));
        let count = if every_other {
            count.map(|c| c * 2.0)
        } else {
            count
        };
        let is_frequency = caps.get(0).is_some_and(|m| {
            let lower = m.as_str().to_ascii_lowercase();
            lower.starts_with("once") || lower.starts_with("twice") || lower.contains("times")
        });
        if is_frequency {
            unit.duration(Some(1.0))
        } else {
            unit.duration(count)
        }
    } else if let Some(day) = weekday(word) {
        format!("XXXX-WXX-{}", day.number_from_monday())
    } else if let Some(part) = part_of_day(word) {
        format!("XXXX-XX-XXT{part}")
    } else {
        return vec![];
    };
    vec![Candidate::new(start, end, Expr::Set(value))]
}

fn parse_set_adverb(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(adv)) = (whole(caps), group(caps, "adv")) else {
        return vec![];
    };
    let value = match adv.as_str().to_ascii_lowercase().as_str() {
        "daily" | "everyday" => "P1D",
        "biweekly" | "fortnightly" => "P2W",
        "nightly" => "XXXX-XX-XXTNI",
        "mornings" => "XXXX-XX-XXTMO",
        "afternoons" => "XXXX-XX-XXTAF",
        "evenings" => "XXXX-XX-XXTEV",
        "weekly" => "P1W",
        "monthly" => "P1M",
        "quarterly" => "P3M",
        "hourly" => "PT1H",
        _ => "P1Y",
    };
    vec![Candidate::new(start, end, Expr::Set(value.to_string()))]
}

fn parse_clock(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let (hour, minute) = if let Some(noon) = group(caps, "noon") {
        let lower = noon.as_str().to_ascii_lowercase();
        if lower.contains("night") {
            (0, 0)
        } else if lower.contains("morning") {
            (10, 0)
        } else if lower.contains("afternoon") {
            (14, 0)
        } else {
            (12, 0)
        }
    } else {
        let Some(h) = number(caps, "h") else {
            return vec![];
        };
        let minute = number(caps, "mi")
            .or_else(|| number(caps, "mi2"))
            .unwrap_or(0);
        let am_pm = group(caps, "ap")
            .or_else(|| group(caps, "ap1"))
            .map(|a| a.as_str());
        if group(caps, "ap1").is_some()
            && IDENTIFIER_WORDS.contains(&previous_word(text, start).as_str())
        {
            return vec![];
        }
        let part = group(caps, "pod").map(|p| p.as_str());
        let Some(hour) = to_24_hour(h, am_pm, part) else {
            return vec![];
        };
        if minute > 59 || glued_to_number(text, start, end) {
            return vec![];
        }
        (hour, minute)
    };
    let mut candidate = Candidate::new(start, end, Expr::Clock);
    candidate.clock = Some((hour, minute, number(caps, "sec")));
    vec![candidate]
}

/// "at eleven five", "for eight forty", "at ten oh five": an hour and
/// minutes in words after a preposition; the span starts at the hour.
fn parse_hour_minute_words(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((_, end)), Some(h), Some(mw)) = (whole(caps), group(caps, "h"), group(caps, "mw"))
    else {
        return vec![];
    };
    // "at eleven five", "five thirty in the night", "in the night five thirty".
    let after_preposition = matches!(
        previous_word(text, h.start()).as_str(),
        "at" | "for" | "by" | "until" | "till"
    );
    let window_start = floor_char_boundary(text, h.start().saturating_sub(40));
    let part_of_day_near = text
        .get(end..)
        .is_some_and(|rest| CLOCK_SUFFIX.is_match(rest))
        || text
            .get(window_start..h.start())
            .is_some_and(|before| CLOCK_PREFIX.is_match(before));
    let Some(hour) = hour_value(&h.as_str().to_ascii_lowercase())
        .filter(|_| after_preposition || part_of_day_near)
    else {
        return vec![];
    };
    let minute_words = mw.as_str().to_ascii_lowercase();
    let minute_words = minute_words.trim_start_matches("oh").trim();
    let minute = match count_value(minute_words).flatten() {
        Some(n) if n.fract() == 0.0 && (1.0..60.0).contains(&n) => n as u32,
        _ => return vec![],
    };
    let next = next_word(text, end);
    if COUNTED_NOUNS.contains(&next.as_str()) || Unit::parse(&next).is_some() {
        return vec![];
    }
    clock_candidate(h.start(), end, hour, minute)
}

/// Words that may follow a bare "the 27th" when it is a date (not "the 4th
/// Division" or "the 2nd round").
const AFTER_BARE_DAY: &[&str] = &[
    "", "at", "and", "or", "to", "till", "until", "through", "for", "from", "in", "on", "with",
    "when", "but", "we", "i", "you", "he", "she", "they", "it", "is", "was", "will", "would",
];

/// "the 27th", "on 22nd", "Friday the 22nd", "Thursday the twenty first",
/// "the 20th of next month". A bare ordinal needs "the", a weekday or a
/// following month reference, and must not be followed by a noun.
fn parse_day_of_month(caps: &Captures, text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let day = number(caps, "d")
        .or_else(|| number(caps, "d2"))
        .or_else(|| {
            group(caps, "dw")
                .and_then(|w| ordinal_value(w.as_str()))
                .map(|d| d as u32)
        });
    let Some(day) = day.filter(|d| (1..=31).contains(d)) else {
        return vec![];
    };
    if glued_to_number(text, start, end) {
        return vec![];
    }
    let month_offset = group(caps, "rel").map(|r| match r.as_str().to_ascii_lowercase().as_str() {
        "next" => 1,
        "last" => -1,
        _ => 0,
    });
    let has_the = group(caps, "the").is_some() || group(caps, "the2").is_some();
    let has_suffix = group(caps, "suf").is_some() || group(caps, "suf2").is_some();
    let has_weekday = group(caps, "wd").is_some();
    let noun_free = AFTER_BARE_DAY.contains(&next_word(text, end).as_str());
    let ends_clause = text
        .get(end..)
        .unwrap_or("")
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ',' | ';' | ')'));
    let after_preposition = matches!(
        previous_word(text, start).as_str(),
        "on" | "by" | "until" | "till" | "since" | "from" | "before" | "after" | "for"
    );
    let accepted = month_offset.is_some()
        || (has_weekday && has_suffix)
        || (group(caps, "dw").is_some() && !has_the && noun_free)
        || (group(caps, "the2").is_some() && ends_clause && after_preposition)
        || (has_the && has_suffix && noun_free)
        || (group(caps, "the").is_some() && !has_suffix && ends_clause)
        || (!has_the && has_suffix && noun_free && after_preposition);
    if !accepted {
        return vec![];
    }
    vec![Candidate::new(
        start,
        end,
        Expr::DayOfMonth { day, month_offset },
    )]
}

/// "next week Friday", "Friday of next week", "this week on Saturday".
fn parse_weekday_of_week(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let Some((start, end)) = whole(caps) else {
        return vec![];
    };
    let (Some(wd), Some(rel)) = (
        group(caps, "wd").or_else(|| group(caps, "wd2")),
        group(caps, "rel").or_else(|| group(caps, "rel2")),
    ) else {
        return vec![];
    };
    let Some(day) = weekday(wd.as_str()) else {
        return vec![];
    };
    let week_offset = match rel.as_str().to_ascii_lowercase().as_str() {
        "next" => 1,
        "last" => -1,
        _ => 0,
    };
    vec![Candidate::new(
        start,
        end,
        Expr::WeekdayOfWeek { day, week_offset },
    )]
}

/// Hour from digits or a word ("7", "seven").
fn hour_value(word: &str) -> Option<u32> {
    word.parse().ok().or_else(|| {
        count_value(word)
            .flatten()
            .filter(|n| n.fract() == 0.0)
            .map(|n| n as u32)
    })
}

/// 24-hour clock from a 12-hour reading and an "am"/"pm" or part of day.
fn to_24_hour(hour: u32, am_pm: Option<&str>, part: Option<&str>) -> Option<u32> {
    let pm = am_pm.is_some_and(|a| a.to_ascii_lowercase().starts_with('p'))
        || part.is_some_and(|p| !p.eq_ignore_ascii_case("morning"));
    let am = am_pm.is_some_and(|a| a.to_ascii_lowercase().starts_with('a'));
    let hour = match (hour, pm, am) {
        (12, false, true) => 0,
        (12, true, _) if part.is_some_and(|p| p.eq_ignore_ascii_case("night")) => 0,
        (h, true, _) if h < 12 => h + 12,
        (h, _, _) => h,
    };
    (hour <= 23).then_some(hour)
}

fn clock_candidate(start: usize, end: usize, hour: u32, minute: u32) -> Vec<Candidate> {
    if hour > 23 || minute > 59 {
        return vec![];
    }
    let mut candidate = Candidate::new(start, end, Expr::Clock);
    candidate.clock = Some((hour, minute, None));
    vec![candidate]
}

/// "half past eight", "a quarter to 8 in the morning", "ten past 9",
/// "three minutes to eight". "to" needs a fraction word or "minutes" so that
/// "10 to 12 years" stays a range of numbers.
fn parse_clock_past_to(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(mins), Some(dir), Some(h)) = (
        whole(caps),
        group(caps, "mins"),
        group(caps, "dir"),
        group(caps, "h").or_else(|| group(caps, "hw")),
    ) else {
        return vec![];
    };
    let mins_text = mins.as_str().to_ascii_lowercase();
    let fraction = mins_text.contains("half") || mins_text.contains("quarter");
    let to = dir.as_str().eq_ignore_ascii_case("to");
    let has_unit = group(caps, "unit").is_some() || group(caps, "unit2").is_some();
    if to && !fraction && !has_unit {
        return vec![];
    }
    if glued_to_number(text, start, end) || COUNTED_NOUNS.contains(&next_word(text, end).as_str()) {
        return vec![];
    }
    let minutes = if mins_text.contains("three") && mins_text.contains("quarter") {
        45
    } else if mins_text.contains("quarter") {
        15
    } else if mins_text.contains("half") {
        30
    } else {
        let number = mins_text
            .split_whitespace()
            .filter(|w| !w.starts_with("min"))
            .collect::<Vec<_>>()
            .join(" ");
        match count_value(&number).flatten() {
            Some(n) if n.fract() == 0.0 && (1.0..60.0).contains(&n) => n as u32,
            _ => return vec![],
        }
    };
    let Some(hour) = hour_value(&h.as_str().to_ascii_lowercase()).filter(|h| (1..=12).contains(h))
    else {
        return vec![];
    };
    let ap = group(caps, "ap").map(|a| a.as_str());
    let part = group(caps, "pod").map(|p| p.as_str());
    let (hour, minute) = if to {
        (if hour == 1 { 12 } else { hour - 1 }, 60 - minutes)
    } else {
        (hour, minutes)
    };
    let Some(hour) = to_24_hour(hour, ap, part) else {
        return vec![];
    };
    clock_candidate(start, end, hour, minute)
}

/// "seven o'clock", "seven thirty pm", "eleven twenty pm", "one o'clock pm".
fn parse_clock_words(caps: &Captures, _text: &str) -> Vec<Candidate> {
    let (Some((start, end)), Some(h)) = (whole(caps), group(caps, "h")) else {
        return vec![];
    };
    let Some(hour) = hour_value(&h.as_str().to_ascii_lowercase()) else {
        return vec![];
    };
    let minute = match group(caps, "mw") {
        Some(m) => match count_value(m.as_str()).flatten() {
            Some(n) if n.fract() == 0.0 && n < 60.0 => n as u32,
            _ => return vec![],
        },
        None => 0,
    };
    let ap = group(caps, "ap")
        .or_else(|| group(caps, "ap2"))
        .map(|a| a.as_str());
    let Some(hour) = to_24_hour(hour, ap, None) else {
        return vec![];
    };
    clock_candidate(start, end, hour, minute)
}

/// Words after "at 7" that keep it a clock time (end of clause or a day).
const AFTER_BARE_HOUR: &[&str] = &["", "today", "tomorrow", "tmrw", "tonight", "this", "on"];

/// A clock time right after a bare day number ("15 at 8:00", "15, 8pm").
static CLOCK_AFTER_DAY: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?i)^(?:\s+at|,)\s+\d{{1,2}}(?::\d{{2}}(?::\d{{2}})?\s*(?:{AM_PM})?|\s*(?:{AM_PM}))"
    ))
});

/// Day words after which "around 7" is a clock time.
const DAY_WORDS_BEFORE_AROUND: &[&str] = &[
    "tonight",
    "today",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// "at 7", "at seven": an hour alone, only at the end of a clause or before
/// a day word; the span starts at the number.
fn parse_bare_hour(caps: &Captures, text: &str) -> Vec<Candidate> {
    let (Some((_, end)), Some(h)) = (whole(caps), group(caps, "h")) else {
        return vec![];
    };
    let Some(hour) = hour_value(&h.as_str().to_ascii_lowercase()).filter(|h| (1..=12).contains(h))
    else {
        return vec![];
    };
    // "around 7" only right after a day ("tonight around 7").
    let approximate = group(caps, "prep").is_some_and(|p| !p.as_str().eq_ignore_ascii_case("at"));
    let prep_start = group(caps, "prep").map_or(0, |p| p.start());
    if approximate && !DAY_WORDS_BEFORE_AROUND.contains(&previous_word(text, prep_start).as_str()) {
        return vec![];
    }
    let after = text.get(end..).unwrap_or("");
    if after.starts_with(|c: char| {
        matches!(c, ':' | '.' | ',' | '%' | '-' | '/')
            && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
    }) {
        return vec![];
    }
    if glued_to_number(text, h.start(), end)
        || !AFTER_BARE_HOUR.contains(&next_word(text, end).as_str())
    {
        return vec![];
    }
    clock_candidate(h.start(), end, hour, 0)
}

/// Modifier phrases that may stand right before a date, longest first.
static DATE_MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?P<phrase>(?P<weekof>(?:the\s+)?week\s+(?:of|commencing|starting(?:\s+on)?|beginning(?:\s+on)?)|w/c)|the\s+(?P<part>morning|afternoon|evening|night)\s+of|the\s+(?P<pm3>first|last|final|opening|closing)\s+(?P<edge>week|weeks|days|months)\s+of|(?:the\s+)?(?:very\s+)?(?P<pm>early|late|mid)(?:\s+(?:of|in))?|(?:the\s+)?(?:very\s+)?(?P<pmx>middle|end|beginning|start|close|turn|first\s+half|second\s+half|latter\s+half|latter\s+part|early\s+part)\s+(?:of|in)|(?P<pm2>earlier|later)(?P<within>\s+in)?|(?P<approx>around|about|approximately|roughly|circa|ca\.|nearly|almost)|(?P<plain>the\s+year)|(?P<monthof>(?:the\s+)?month\s+of))[\s-]*$",
    )
});

/// Qualifiers that may stand before a duration.
static DURATION_MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?P<phrase>(?:(?:just|only|well|a\s+little|a\s+bit)\s+)?(?:more\s+than|less\s+than|fewer\s+than|over|under|about|around|approximately|roughly|nearly|almost|some|at\s+least|at\s+most|up\s+to|close\s+to|ca\.|just|only|another|(?:the\s+|a\s+|its\s+)?(?:next|following|past|last|first|final|previous|coming|same|entire|whole)))\s+$",
    )
});

/// Words after a duration that belong to it ("18 years old", "a month-long").
static DURATION_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)^(?:[\s-]long|\s+period|\s+old|\s+of\s+age)\b"));

fn build(source: &str) -> Regex {
    match compile(source) {
        Ok(regex) => regex,
        Err(err) => panic!("bad modifier pattern: {err}"),
    }
}

/// Extends a candidate leftwards over "early", "the end of", "around",
/// "the evening of", "more than" and records their meaning.
fn extend_with_modifiers(text: &str, candidate: &mut Candidate) {
    if matches!(candidate.expr, Expr::Duration(_)) {
        if let Some(suffix) = text
            .get(candidate.end..)
            .and_then(|rest| DURATION_SUFFIX.find(rest))
        {
            candidate.end += suffix.end();
        }
    }
    let window_start = floor_char_boundary(text, candidate.start.saturating_sub(40));
    let Some(before) = text.get(window_start..candidate.start) else {
        return;
    };
    let is_duration = matches!(candidate.expr, Expr::Duration(_));
    let regex = if is_duration {
        &*DURATION_MODIFIER
    } else {
        &*DATE_MODIFIER
    };
    let Some(caps) = regex.captures(before) else {
        return;
    };
    let Some(phrase) = caps.name("phrase") else {
        return;
    };
    let datelike = !matches!(
        candidate.expr,
        Expr::Duration(_)
            | Expr::Set(_)
            | Expr::Reference(_)
            | Expr::NarrativeReference(_)
            | Expr::Clock
    );
    if !is_duration && !datelike {
        return;
    }
    if caps.name("weekof").is_some() {
        let is_day = matches!(
            candidate.expr,
            Expr::Calendar { day: Some(_), .. } | Expr::DayOfMonth { .. }
        );
        if !is_day {
            return;
        }
        candidate.whole_week = true;
    } else if let Some(part) = caps.name("part") {
        candidate.part_of_day = part_of_day(part.as_str());
    } else if is_duration {
        let lower = phrase.as_str().to_ascii_lowercase();
        let exact_words = [
            "next",
            "following",
            "past",
            "last",
            "first",
            "final",
            "previous",
            "coming",
            "same",
            "entire",
            "whole",
            "another",
            "just",
            "only",
        ];
        candidate.approximate = !exact_words.iter().any(|w| lower.ends_with(w));
        let last_word = lower.split_whitespace().last().unwrap_or("");
        candidate.direction = match last_word {
            "next" | "following" | "coming" => Some(1),
            "past" | "last" | "previous" => Some(-1),
            _ => None,
        };
    } else if caps.name("approx").is_some() {
        candidate.approximate = true;
    } else if caps.name("monthof").is_some() {
        // "the month of May": no change; "month of September 16th": the month.
        if let Expr::Calendar {
            day: Some(_),
            year,
            month,
            ..
        } = candidate.expr
        {
            candidate.expr = Expr::Calendar {
                year,
                month,
                day: None,
                day_end: None,
            };
        }
    } else if caps.name("plain").is_some() {
        // "the year 1950": no change of meaning.
    } else {
        let word = caps
            .name("pm")
            .or_else(|| caps.name("pmx"))
            .or_else(|| caps.name("pm2"))
            .or_else(|| caps.name("pm3"));
        let lower = word
            .map(|w| w.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        let pm = match lower.split_whitespace().next().unwrap_or("") {
            "early" | "beginning" | "start" | "first" | "earlier" | "opening" => PointMod::Start,
            "late" | "end" | "close" | "latter" | "later" | "last" | "final" | "closing" => {
                PointMod::End
            }
            _ => PointMod::Mid,
        };
        // Bare "earlier"/"later" only qualify relative expressions ("earlier this week").
        let relative = matches!(
            candidate.expr,
            Expr::UnitShift { .. } | Expr::DayShift { .. }
        );
        if caps.name("pm2").is_some() && caps.name("within").is_none() && !relative {
            return;
        }
        candidate.point_mod = Some(pm);
        candidate.edge_days =
            caps.name("edge")
                .map(|e| match e.as_str().to_ascii_lowercase().as_str() {
                    "week" => 7,
                    "weeks" => 14,
                    "days" => 3,
                    _ => 61,
                });
        candidate.approximate = true;
    }
    candidate.start = window_start + phrase.start();
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// A part of day written before a clock time ("in the afternoon at 7",
/// "afternoon 7:00", "at lunchtime 11 o'clock") unless it belongs to a
/// day ("Tuesday night at 11").
static CLOCK_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?P<before>\w*)[\s,]*\b(?P<phrase>(?:at\s+)?lunchtime|(?:in\s+the\s+)?(?P<part>morning|afternoon|evening|night)(?:\s+at)?)\s+$",
    )
});

/// A part of day written after a clock time ("12 o'clock lunchtime").
static CLOCK_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)^\s+(?:in\s+the\s+)?(?P<part>lunchtime|afternoon|evening|morning|night)\b")
});

/// Words before a part of day that make it part of a date.
const DAY_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tomorrow",
    "yesterday",
    "tonight",
    "this",
    "last",
    "that",
    "same",
    "next",
    "previous",
    "following",
    "every",
    "each",
];

/// Extends a clock time over an adjacent part of day and moves the hour
/// into it (7 "in the afternoon" → 19:00, 1 o'clock "lunchtime" → 13:00).
fn extend_clock_with_part_of_day(text: &str, candidate: &mut Candidate) {
    let window_start = floor_char_boundary(text, candidate.start.saturating_sub(40));
    let before = text.get(window_start..candidate.start).unwrap_or("");
    let prefix = CLOCK_PREFIX.captures(before).filter(|caps| {
        let word = caps.name("before").map_or("", |w| w.as_str());
        !DAY_WORDS.contains(&word.to_ascii_lowercase().as_str())
    });
    let mut part = None;
    if let Some(caps) = &prefix {
        if let Some(phrase) = caps.name("phrase") {
            part = Some(
                caps.name("part")
                    .map_or("lunchtime".to_string(), |p| p.as_str().to_ascii_lowercase()),
            );
            // "at lunchtime" is one phrase, like "in the afternoon".
            let at_lunchtime = caps.name("part").is_none()
                && caps
                    .name("before")
                    .is_some_and(|w| w.as_str().eq_ignore_ascii_case("at"));
            let phrase_start = match caps.name("before") {
                Some(w) if at_lunchtime => w.start(),
                _ => phrase.start(),
            };
            candidate.start = window_start + phrase_start;
        }
    } else if let Some(caps) = text
        .get(candidate.end..)
        .and_then(|rest| CLOCK_SUFFIX.captures(rest))
    {
        if let Some(p) = caps.name("part") {
            part = Some(p.as_str().to_ascii_lowercase());
            candidate.end += p.end();
        }
    }
    let (Some(part), Some((hour, minute, second))) = (part, candidate.clock) else {
        return;
    };
    let hour = match part.as_str() {
        "lunchtime" if (1..=5).contains(&hour) => hour + 12,
        "afternoon" | "evening" if hour < 12 => hour + 12,
        "night" if hour == 12 => 0,
        "night" if (5..12).contains(&hour) => hour + 12,
        _ => hour,
    };
    candidate.clock = Some((hour, minute, second));
}

/// A set a clock time can narrow: every day, every Monday, every morning
/// ("3pm every day", "9am on Mondays", "every morning at 9am").
fn is_daily_set(expr: &Expr) -> bool {
    match expr {
        Expr::Set(value) => {
            value == "P1D" || value.starts_with("XXXX-WXX-") || value.starts_with("XXXX-XX-XXT")
        }
        _ => false,
    }
}

/// A bare hour after "tonight", "this evening", "every night" is in the
/// evening: 7 → 19:00.
fn later_in_day(
    clock: (u32, u32, Option<u32>),
    part: Option<&str>,
    expr: &Expr,
) -> (u32, u32, Option<u32>) {
    let set_part = match expr {
        Expr::Set(value) => value.strip_prefix("XXXX-XX-XXT"),
        _ => None,
    };
    let (hour, minute, second) = clock;
    let evening = matches!(part.or(set_part), Some("AF" | "EV" | "NI"));
    if evening && (1..12).contains(&hour) {
        (hour + 12, minute, second)
    } else {
        clock
    }
}

/// Folds a clock time into an adjacent date ("5 January at 3 p.m.",
/// "3 p.m. on Wednesday", "at 10:00 yesterday").
fn attach_clock_times(text: &str, kept: &mut Vec<Candidate>) {
    let mut i = 0;
    while i + 1 < kept.len() {
        let (left, right) = (&kept[i], &kept[i + 1]);
        let gap = text
            .get(left.end..right.start)
            .unwrap_or("x")
            .trim()
            .to_ascii_lowercase();
        let joinable = matches!(
            gap.as_str(),
            "" | ","
                | "at"
                | ", at"
                | "on"
                | ", on"
                | "of"
                | "around"
                | "at around"
                | "about"
                | "at about"
                | "-"
                | "–"
                | "for"
        );
        let left_clock = left.expr == Expr::Clock;
        let right_clock = right.expr == Expr::Clock;
        let (span_start, span_end) = (left.start, right.end);
        if joinable && left_clock != right_clock {
            let (date_index, clock_index) = if left_clock { (i + 1, i) } else { (i, i + 1) };
            let date_ok = matches!(
                kept[date_index].expr,
                Expr::Calendar { day: Some(_), .. }
                    | Expr::Weekday(_)
                    | Expr::DayShift { .. }
                    | Expr::DayOfMonth { .. }
                    | Expr::WeekdayOfWeek { .. }
                    | Expr::NamedShift {
                        name: Named::Weekday(_),
                        ..
                    }
            ) || is_daily_set(&kept[date_index].expr);
            if date_ok && kept[date_index].clock.is_none() {
                let clock = kept[clock_index]
                    .clock
                    .map(|c| later_in_day(c, kept[date_index].part_of_day, &kept[date_index].expr));
                kept[date_index].clock = clock;
                kept[date_index].start = span_start;
                kept[date_index].end = span_end;
                kept.remove(clock_index);
                continue;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        assert!(PATTERNS.len() > 20);
        assert!(DATE_MODIFIER.is_match("the end of "));
        assert!(DURATION_MODIFIER.is_match("more than "));
    }

    #[test]
    fn glued_numbers_are_rejected() {
        assert!(glued_to_number("10,000", 3, 6));
        assert!(!glued_to_number("in 2011 the", 3, 7));
    }
}

#[cfg(test)]
mod timing {
    use super::*;

    /// Per-pattern matching time on the WikiWars texts (profiling aid):
    /// `cargo test --release -p corroborate-time --lib pattern_timing --
    /// --ignored --nocapture` with CORROBORATE_SHARED set.
    #[test]
    #[ignore]
    fn pattern_timing() {
        let Some(root) = std::env::var_os("CORROBORATE_SHARED") else {
            return;
        };
        let dir = std::path::PathBuf::from(root).join("testdata/temporal/wikiwars-dev");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        let docs: Vec<String> = entries
            .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
            .map(|xml| without_tags(&xml))
            .collect();
        let mut times: Vec<(u128, String)> = PATTERNS
            .iter()
            .map(|p| {
                let start = std::time::Instant::now();
                let mut n = 0;
                for doc in &docs {
                    n += p.regex.captures_iter(doc).count();
                }
                let source: String = p.regex.as_str().chars().take(90).collect();
                (start.elapsed().as_micros(), format!("{n:6} {source}"))
            })
            .collect();
        times.sort();
        for (micros, source) in times.iter().rev().take(25) {
            println!("{micros:8} {source}");
        }
        let total: u128 = times.iter().map(|t| t.0).sum();
        println!("total {total} µs");
    }

    /// The file's text with markup left out (entities kept: enough for timing).
    fn without_tags(xml: &str) -> String {
        let mut text = String::with_capacity(xml.len());
        let mut in_tag = false;
        for c in xml.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        text
    }
}
