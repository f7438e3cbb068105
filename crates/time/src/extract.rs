//! Recognition: regular expressions over the whole (ASCII-lowercased) text
//! produce [`Candidate`]s; overlapping ones are settled longest-first, then
//! modifiers ("early", "around", "the evening of", "the week of") and
//! clock times next to a date are folded in. A part of day next to a clock
//! time moves its hour ("in the afternoon at 7" → 19:00, "1 o'clock
//! lunchtime" → 13:00, "tonight around 7" → 19:00), and a clock time next
//! to a daily or weekly set narrows it ("9am on Mondays").
//!
//! This module holds the core: the pattern table (order matters: among
//! overlapping candidates of equal length the earlier pattern wins), the
//! pass over the text and overlap resolution. Parsers live with their
//! expression family: [`dates`] (calendar dates, months, years, days of the
//! month), [`periods`] (quarters, halves, decades, centuries, seasons),
//! [`weeks`] (weekdays and weeks), [`relative`] (deictic and anaphoric
//! expressions, relative units, counted shifts), [`durations`] (durations
//! and sets), [`clock`] (clock times and folding them into dates) and
//! [`modifiers`] ("early", "around", "more than"); [`context`] has the
//! helpers they share for looking around a match.

use crate::expr::{Candidate, Expr};
use crate::lexicon::{
    MONTH_FULL_RE, MONTH_RE, NUMBER_RE, SEASON_RE, UNIT_RE, WEEKDAY_FULL_RE, WEEKDAY_RE,
};
use clock::{
    attach_clock_times, extend_clock_with_part_of_day, parse_bare_hour, parse_clock,
    parse_clock_before_its_equivalent, parse_clock_past_to, parse_clock_words, parse_end_of_day,
    parse_hour_before_day, parse_hour_minute_words,
};
use dates::{
    parse_bare_day, parse_day_month, parse_day_of_month, parse_dotted, parse_dotted_day,
    parse_fixed_holiday, parse_glued_month_day, parse_iso, parse_month_abbreviation,
    parse_month_alone, parse_month_slash_day, parse_month_year, parse_numeric_month,
    parse_ordinal_day_month, parse_short_year, parse_short_year_date, parse_slash, parse_year,
    parse_year_first, parse_year_month, parse_year_number, parse_year_span, parse_year_words,
};
use durations::{
    parse_duration, parse_half_unit, parse_set, parse_set_adverb, parse_unit_long,
    parse_vague_duration, parse_vague_span,
};
use modifiers::extend_with_modifiers;
use periods::{
    parse_bc_decade, parse_century, parse_decade, parse_decade_words, parse_fiscal_year,
    parse_half, parse_part_of_relative_year, parse_quarter, parse_relative_quarter, parse_season,
    parse_short_decade,
};
use regex::{Captures, Regex};
use relative::{
    parse_anaphoric_day, parse_anaphoric_unit, parse_bare_part_of_day, parse_count_shift,
    parse_counted_units, parse_dawn, parse_deictic_day, parse_early_hours, parse_generic_night,
    parse_narrative_reference, parse_overnight, parse_part_of_day, parse_part_of_unit,
    parse_reference, parse_relative, parse_rest_of_unit, parse_that_time, parse_this_time,
    parse_unit_after_next, parse_unit_end,
};
use std::sync::LazyLock;
use weeks::{
    parse_day_span, parse_nth_week, parse_nth_weekday, parse_the_weekend, parse_week_number,
    parse_weekday, parse_weekday_abbreviation, parse_weekday_of_week, parse_weekday_span,
};

mod clock;
mod context;
mod dates;
mod durations;
mod modifiers;
mod periods;
mod relative;
mod weeks;

type Parser = fn(&Captures, &str) -> Vec<Candidate>;

struct Pattern {
    regex: Regex,
    parse: Parser,
}

/// Compiles a case-insensitive pattern with ASCII word boundaries
/// (`corroborate_text::compile_pattern`).
fn compile(source: &str) -> Result<Regex, regex::Error> {
    corroborate_text::compile_pattern(&format!("(?i){source}"))
}

/// Compiles a pattern for the ASCII-lowercased text: matching without
/// `(?i)` lets the regex engine find the patterns' leading words with its
/// literal prefilters. Sources use no upper-case escapes (`\D`, `\S`, …).
fn compile_lowercase(source: &str) -> Result<Regex, regex::Error> {
    corroborate_text::compile_pattern(&source.to_ascii_lowercase().replace("(?p<", "(?P<"))
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

/// A time zone after a clock time: part of the expression's extent
/// (TimeML), though the value keeps the local clock time.
const TIME_ZONE: &str = r"(?:gmt|utc|local\s+time|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|bst|cet|cest|eet|eest|msk|ist|jst|aest|aedt)\b";

const DAY_CONNECTOR: &str = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through|and|or)\s+)";

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let year_words = YEAR_WORDS;
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
        r"\b(?P<the>the\s+)?(?P<rel>that\s+same|this\s+same|this\s+past|last|this|next|past|coming|previous|preceding|prior|following|current|same|that|upcoming)\s+(?P<u>day|week|weekend|fortnight|month|quarter|year|decade|century|{SEASON_RE}|{WEEKDAY_FULL_RE}|{MONTH_FULL_RE}|jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\b(?:\s+(?P<pod>morning|afternoon|evening|night)\b)?"
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
        // Four-digit clock times, marked by a zone or "hours" ("at 0340 GMT",
        // "1800 hrs"), or given with their GMT equivalent ("at 1353 (1023
        // GMT)"): before the year patterns, which they would lose to.
        pattern(
            &format!(
                r"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?:\s*(?:hours|hrs)\b|\s+{TIME_ZONE})"
            ),
            parse_clock,
        ),
        pattern(
            &format!(
                r"\bat\s+(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*\(\s*(?:[01]\d|2[0-3])[0-5]\d\s+{TIME_ZONE}"
            ),
            parse_clock_before_its_equivalent,
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
            r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:T(?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<sec>\d{2}))?(?:\.\d+)?(?P<z>Z)?)?\b",
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
                r"\b(?P<n>{NUMBER_RE})[\s-]+(?:(?P<u>{UNIT_RE})\s+and\s+(?:a\s+)?half|and\s+(?:a\s+)?half\s+(?P<u2>{UNIT_RE}))\b"
            ),
            parse_duration,
        ),
        pattern(
            &format!(r"\b(?P<n>another|all|full|whole|entire)[\s-](?P<u>{UNIT_RE})\b"),
            parse_duration,
        ),
        pattern(
            r"\b(?:for|over|in|within|after|took|lasted|last|spent|than|of|just|only|mere|final|closing|opening|past)\s+(?P<vu>years|months|weeks|days|decades|centuries|hours|minutes)\b|\b(?P<vu2>hours|minutes)\s+(?:later|after|earlier|before)\b",
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
            &format!(r"\b(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}})(?::(?P<sec>[0-5]\d))?|(?P<mi2>[0-5]\d))?(?:\s*(?P<ap>{AM_PM})|(?P<ap1>[ap])\b)(?:\s+{TIME_ZONE})?"),
            parse_clock,
        ),
        pattern(
            &format!(r"\bT?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<sec>[0-5]\d))?\b(?:\s*(?:hours|hrs)\b|\s*{TIME_ZONE})?"),
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
    .chain(further_patterns())
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
    kept.retain(|c| {
        !corroborate_text::in_web_address(text, c.start)
            && !context::in_a_title(text, c.start, c.end)
    });
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

/// Month names and abbreviations with no word boundary after them, for
/// forms glued to digits ("april22").
const MONTH_GLUED: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)";

/// A year in words (see `lexicon::year_from_words`).
const YEAR_WORDS: &str = r"(?:(?:one|two)\s+thousand(?:\s+(?:and\s+)?(?:(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and)?\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine))?|(?:nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|twenty)\s+(?:(?:oh|zero)\s+(?:one|two|three|four|five|six|seven|eight|nine)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred))\b";

const NTH: &str = r"(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)";

/// Further date forms, each with its own pattern and parser:
///
/// | form | example | reading |
/// |---|---|---|
/// | month glued to a day | "april22", "22april", "Oct2", "january12,2016" | that day |
/// | numeric month/day | "on 4/22", "22/04", "on 4-22", "10/1" | that day (US order unless the first number is > 12) |
/// | two-digit year | "9-18-15" | 2015-09-18 |
/// | year first | "2015.5.13", "2019-sep-1", "2019/sep/01" | that day |
/// | dotted day | "16. Nov. 2016" | that day |
/// | year and month | "2016 November", "2016, nov", "2016 - 11", "11 / 2016" | that month |
/// | weekday abbreviation | "tues", "thurs", "on Fri" | a weekday |
/// | nth weekday | "the first Friday of July", "second Sunday" | that weekday of the month (bare: the reference month) |
/// | nth week | "the third week of 2027", "the second week of this month" | that Monday–Sunday week |
/// | week number | "week 10" | ISO week of the reference year |
/// | unit after next | "the week after next", "the month after the next" | two units on |
/// | rest of a unit | "rest of my week" | base day to the unit's end |
/// | day span of a relative month | "from 4 to 22 this month" | those days |
/// | weekday span of a relative week | "next week between Wednesday and Friday" | those days |
/// | bare day | "on 15", "15 at 8:00", "5th at 4 a.m." | day of the month |
/// | end of a day | "the end of the day", "end of tomorrow", "the eod" | 23:59:59 of that day |
/// | compound duration | "1 year 1 month 21 days" | P1Y1M21D |
/// | year number | "year 247" | that year |
/// | the weekend | "over the weekend" | the latest weekend |
/// | quarter of a relative year | "the third quarter this year", "Q3 next year", "the third- quarter" | that quarter |
/// | vague span | "recent weeks", "the coming months", "the years ahead", "the days to come", "the following days" | duration PXW, PXM, … |
/// | fiscal year | "fiscal 2021", "fiscal year 2021", "FY2021", "FY 21", "the 2021 fiscal year", "the second quarter of fiscal 2022" | FY2021, FY2022-Q2 |
/// | part of a relative year | "the second half of the year", "the first quarter of that year", "the first half of next year" | H2, Q1 of that year |
/// | year without century | "in '44", "June '44" | the narrative's century |
/// | a unit long | "a weeklong manhunt", "a year-long siege" | P1W, P1Y |
/// | the early hours | "in the early hours (of the morning)" | that morning (TMO) |
/// | dawn, dusk | "at dawn", "before daybreak", "a dawn raid" | that morning (TMO), evening (TEV) |
/// | a part of the day | "by late afternoon", "until mid-morning" | that afternoon, morning |
/// | end of the current unit | "by year-end", "at month-end" | that unit, mod END |
/// | span of years | "1995-99", "the 2004-05 season", "2012/13" | two years, 1995 and 1999 (not May 2004) |
/// | unit before/after | "the year before.", "the month after," | one unit from the last date |
/// | at the time | "At the time, …", "… at the time." | the last mentioned time ("the time") |
/// | decade BC | "the 470s BC" | BC047 |
/// | fixed holiday | "Christmas Eve", "New Year's Day 2020", "Halloween" | that day |
/// | night in general | "at night", "by night" | XXXX-XX-XXTNI |
/// | overnight | "fighting continued overnight." | the night before the base date |
/// | decade | "the 70s", "70's", "the seventies", "the nineteen seventies", "the noughties" | that decade |
/// | year in words | "in nineteen twenty eight" | that year |
/// | compound shift | "1 month 21 days ago", "2 years 21 days later" | months, then days, from the base day |
/// | shift from a day | "two days after today", "three weeks from tomorrow" | counted from that day |
fn further_patterns() -> Vec<Pattern> {
    let month_ref = format!(
        r"(?:(?P<rel>this|next|last|previous|the\s+following|the\s+previous|the|that)\s+month|(?P<m>{MONTH_RE})(?:\s*,?\s*(?P<y>\d{{4}})\b)?)"
    );
    vec![
        pattern(
            &format!(
                r"\b(?P<m>{MONTH_GLUED})(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,\s*(?P<y>\d{{4}})\b)?|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?P<m2>{MONTH_GLUED})\b"
            ),
            parse_glued_month_day,
        ),
        pattern(
            r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})\b(?:\s*,\s*(?P<y>\d{4}|\d{2})\b)?",
            parse_month_slash_day,
        ),
        pattern(
            r"\b(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<y>\d{2})\b",
            parse_short_year_date,
        ),
        pattern(
            &format!(
                r"\b(?P<y>\d{{4}})\.(?P<m>\d{{1,2}})\.(?P<d>\d{{1,2}})\b|\b(?P<y2>\d{{4}})[/-](?P<mn>{MONTH_GLUED})[/-](?P<d2>\d{{1,2}})\b"
            ),
            parse_year_first,
        ),
        pattern(
            &format!(r"\b(?P<d>\d{{1,2}})\.\s+(?P<m>{MONTH_RE})\s*(?P<y>\d{{4}})\b"),
            parse_dotted_day,
        ),
        pattern(
            &format!(
                r"\b(?P<y>\d{{4}})\s*,?\s*(?P<m>{MONTH_RE})|\b(?P<y2>\d{{4}})\s*[-/]\s*(?P<mn>\d{{1,2}})\b|\b(?P<mn2>\d{{1,2}})\s*[-/]\s*(?P<y3>\d{{4}})\b"
            ),
            parse_year_month,
        ),
        pattern(
            r"\b(?P<wd>tues|thur|thurs)\b|\bon\s+(?P<wd2>mon|tue|wed|thu|fri|sat|sun)\b",
            parse_weekday_abbreviation,
        ),
        pattern(
            &format!(
                r"\b(?P<n>{NTH})\s+(?P<wd>{WEEKDAY_FULL_RE})\b(?:\s+(?:of|in)\s+{month_ref})?"
            ),
            parse_nth_weekday,
        ),
        pattern(
            &format!(
                r"\b(?P<n>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+week\s+(?:of\s+|in\s+)?(?:(?P<yrel>this|next|last)\s+year\b|(?P<yr>\d{{4}})\b|(?P<yw>{YEAR_WORDS})|{month_ref})"
            ),
            parse_nth_week,
        ),
        pattern(r"\bweek\s+(?P<n>\d{1,2})\b", parse_week_number),
        pattern(
            r"\b(?P<h>\d{1,2}),\s+(?:tonight|today|tomorrow|this\s+(?:morning|afternoon|evening))\b",
            parse_hour_before_day,
        ),
        pattern(r"\byear\s+(?P<y>\d{1,4})\b", parse_year_number),
        pattern(r"\bweekend\b", parse_the_weekend),
        pattern(
            r"\bon\s+(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\b|\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:\s+at|,)\s+\d",
            parse_bare_day,
        ),
        pattern(
            &format!(
                r"\b(?:end\s+of\s+(?:the\s+)?(?P<w>day|today|tomorrow|yesterday|{WEEKDAY_FULL_RE})|eod)\b"
            ),
            parse_end_of_day,
        ),
        pattern(
            r"\bthe\s+(?P<u>week|weekend|month|year)\s+after\s+(?:the\s+)?next\b",
            parse_unit_after_next,
        ),
        pattern(
            r"\brest\s+(?:of\s+)?(?:the\s+|this\s+|my\s+|current\s+)?(?P<u>week|month|year)\b",
            parse_rest_of_unit,
        ),
        pattern(
            r"\b(?:(?P<lead>from|between)\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|to|till|until|through|and)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+|in\s+)?(?P<rel>this|next|last|the\s+following|the\s+previous)\s+month\b",
            parse_day_span,
        ),
        pattern(
            &format!(
                r"\b(?P<rel>this|next|last)\s+week\s+(?:between|from)\s+(?P<wd1>{WEEKDAY_RE})\s+(?:and|to|till|until|through)\s+(?P<wd2>{WEEKDAY_RE})"
            ),
            parse_weekday_span,
        ),
        pattern(
            &format!(
                r"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+(?:of\s+)?(?P<rel>this|next|last)\s+year\b|\s+of\s+(?P<yr>\d{{4}})\b|\s+of\s+(?P<yw>{YEAR_WORDS}))?|\bQ(?P<q>[1-4])\s+(?P<rel2>this|next|last)\s+year\b|\b(?P<rel3>this|next|last)\s+year's\s+(?P<ord2>first|second|third|fourth)[\s-]+quarter\b"
            ),
            parse_relative_quarter,
        ),
        pattern(r"\b(?P<short>[1-9]0)'?s\b", parse_short_decade),
        pattern(
            r"\b(?:(?P<cent>nineteen|eighteen|twenty|two\s+thousand\s+and)[\s-]+)?(?P<dw>tens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b|\b(?P<noughts>noughties|two\s+thousands)\b",
            parse_decade_words,
        ),
        pattern(&format!(r"\b(?P<yw>{YEAR_WORDS})"), parse_year_words),
        pattern(
            &format!(
                r"\b(?P<n1>{NUMBER_RE})[\s-]*(?P<u1>{UNITS})(?:\s*,?\s*(?:and\s+)?(?P<n2>{NUMBER_RE})[\s-]*(?P<u2>{UNITS}))?(?:\s*,?\s*(?:and\s+)?(?P<n3>{NUMBER_RE})[\s-]*(?P<u3>{UNITS}))?(?:\s+(?P<dir2>from|after|before)\s+(?P<day>today|tomorrow|yesterday|now)\b|\s+(?P<dir>ago|later|before|after|from\s+now)\b)?"
            ),
            parse_counted_units,
        ),
        pattern(
            r"\b(?:the\s+)?(?:recent|coming|upcoming)\s+(?P<u>days|weeks|months|years|decades)\b|\bthe\s+(?P<u2>days|weeks|months|years|decades)\s+(?:ahead|to\s+come)\b|\bthe\s+(?:following|ensuing|intervening|subsequent|preceding|previous)\s+(?P<u3>days|weeks|months|years|decades)\b",
            parse_vague_span,
        ),
        pattern(
            r"\b(?:fiscal(?:\s+year)?|fy)\s*'?(?P<y>\d{4}|\d{2})\b|\bthe\s+(?P<y2>\d{4})\s+fiscal\s+year\b|\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\s+of\s+(?:fiscal(?:\s+year)?|fy)\s*'?(?P<y3>\d{4}|\d{2})\b",
            parse_fiscal_year,
        ),
        pattern(
            r"\b(?P<ord>first|second|third|fourth|latter)\s+(?:(?P<half>half)|quarter)\s+of\s+(?:(?P<rel>this|next|last)\s+year|the\s+year|(?P<ana>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+year)\b",
            parse_part_of_relative_year,
        ),
        pattern(
            &format!(
                r"(?:\b(?P<m>{MONTH_FULL_RE})\s+|\b(?:in|of|by|since|until|till|from|to|during|before|after|early|late|mid)\s+)(?P<apos>['’])(?P<yy>\d{{2}})\b"
            ),
            parse_short_year,
        ),
        pattern(r"\b(?P<y>\d{4})\s?[-–/]\s?(?P<yy>\d{2})\b", parse_year_span),
        pattern(
            r"\bthe\s+(?P<u>week|month|year)\s+(?P<dir>before|after)\b(?P<tail>\s*[,.;:)]|\s*$)",
            parse_anaphoric_unit,
        ),
        pattern(
            r"\bat\s+(?P<t>the\s+time)(?:\s*[,.;:)]|\s*$|\s+(?:was|were|had|has|is)\b)",
            parse_that_time,
        ),
        pattern(
            r"\bat\s+(?P<t>this\s+time)(?:\s*[,.;:)]|\s*$|\s+(?:is|are|we|there)\b)",
            parse_this_time,
        ),
        pattern(r"\b(?P<u>year|month|quarter)[-\s]end\b", parse_unit_end),
        pattern(r"\b(?P<u>week|month|year)-?long\b", parse_unit_long),
        pattern(
            r"\bthe\s+(?:early|small|wee)\s+hours(?:\s+of\s+the\s+morning)?\b",
            parse_early_hours,
        ),
        pattern(
            r"\b(?:at|before|after|by|until|from|around|since)\s+(?P<w>dawn|daybreak|dusk)\b|\b(?P<w2>dawn)\s+(?:raids?|attacks?|assaults?|robbery|strikes?|offensive)\b",
            parse_dawn,
        ),
        pattern(
            r"\b(?:by|in|until|till|from|during|through|throughout)\s+(?P<pm>early|late|mid)[\s-]?(?P<part>morning|afternoon|evening)\b",
            parse_bare_part_of_day,
        ),
        pattern(
            &format!(
                r"\b(?:the\s+)?(?:(?P<pm>early|late|mid)[\s-]+)?(?P<dec>\d{{2,3}}0)s\s*{ERA_BC}"
            ),
            parse_bc_decade,
        ),
        pattern(r"\b(?:at|by)\s+(?P<w>night)\b", parse_generic_night),
        pattern(
            r"\b(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year['’]?s\s+(?:day|eve)|boxing\s+day|valentine['’]?s\s+day|halloween|may\s+day)\b(?:\s*,?\s*(?P<y>\d{4})\b)?",
            parse_fixed_holiday,
        ),
        pattern(
            r"\b(?P<w>overnight)(?:\s*[,.;:)]|\s*$|\s+(?:on|in|and|as|to|when|after|before|while|into|at|near|with|but|amid|across)\b)",
            parse_overnight,
        ),
    ]
}

/// Units a shift may count in; hours and minutes only narrow the day
/// ("1 day 2 hours later" is the next day).
const UNITS: &str = r"(?:years?|months?|weeks?|days?|hours?|minutes?|mins?)\b";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::year_from_words;

    #[test]
    fn patterns_compile() {
        assert!(PATTERNS.len() > 20);
    }

    #[test]
    fn further_patterns_compile() {
        assert!(further_patterns().len() > 10);
        assert_eq!(year_from_words("nineteen seventy eight"), Some(1978));
        assert_eq!(year_from_words("two thousand and eighteen"), Some(2018));
        assert_eq!(year_from_words("nineteen zero one"), Some(1901));
        assert_eq!(
            year_from_words("one thousand seven hundred and eighty nine"),
            Some(1789)
        );
        assert_eq!(year_from_words("twenty people"), None);
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
