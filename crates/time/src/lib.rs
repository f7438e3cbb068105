//! Rule-based temporal tagging for English news (TIMEX3 values).
//!
//! Approach (in the spirit of HeidelTime, with fewer passes):
//! 1. **Recognition** (`extract` module): a fixed set of regular expressions, each
//!    compiled once, runs over the ASCII-lowercased text (same byte offsets;
//!    without `(?i)` the regex engine can use literal prefilters) and yields
//!    candidates: absolute dates in all common orders (also "4/22", "on
//!    4-22", "april22", "2019-sep-1", "16. Nov. 2016", years in words), months,
//!    years, decades ("the 70s", "the seventies"), centuries, seasons,
//!    quarters ("the third quarter this year"), weeks ("the third week of
//!    2027", "week 10", "the week of November 30th"), weekdays ("the first
//!    Friday of July"), deictic words, "last week", "N days ago/later",
//!    compound shifts ("1 month 21 days ago", "two days after tomorrow"),
//!    durations (also "3.5 years", "3h", "1 year 1 month 21 days"), sets
//!    (also "9am on Mondays", "every morning at 9am"), clock times in digits
//!    and words ("half past 8pm", "340pm", "eleven five", "in the afternoon
//!    at 7", "noonish", "the end of the day"), bare days of the month ("the
//!    27th", "on 15", "the 20th of next month", "Friday next week"), vague
//!    spans ("recent weeks", "the coming months": PXW, PXM), fiscal years
//!    ("fiscal 2021", "FY22": FY2021), fixed holidays ("Christmas Eve"),
//!    years without century ("in '44"), "at the time", "overnight", time
//!    zones after clock times ("18:00 UTC": T18:00Z). The less
//!    common forms have a table of what each reads as in the `extract`
//!    module; parsers are split by expression family (`extract::dates`,
//!    `periods`, `weeks`, `relative`, `durations`, `clock`, `modifiers`). Overlaps are settled longest-first; modifiers
//!    ("early", "the end of", "around", "the evening of", "more than") and
//!    adjacent clock times are folded in.
//! 2. **Normalisation** (`resolve` module): candidates are resolved in text order
//!    against the document creation time (DCT) and a running narrative
//!    reference date. The anchoring rules are documented in the `resolve`
//!    module; in short, news text counts deictic words from the DCT, history
//!    text (or a background paragraph after "In 2011 …") from the last date
//!    mentioned.
//!
//! Ranges: a day range inside one month ("January 4–6", "4-6 January",
//! "between 4 and 7 January") is one timex whose value is the first day and
//! whose start/end cover all days; a list ("2 and 3 January") gives one
//! timex per day; a range of full expressions ("from 2007 to 2012") gives one
//! timex per end. Day ranges of a relative month or week ("from 4 to 22
//! this month", "next week between Wednesday and Friday") are one timex like
//! "January 4–6".
//!
//! Speed: all patterns use ASCII word boundaries so the regex engine stays on
//! its DFA path, and match lowercased text so leading words act as literal
//! prefilters; `cargo bench -p corroborate-eval --bench wikiwars` measures
//! characters per second on the WikiWars texts (see
//! `corroborate_eval::time::bench_documents`): about 6.3 million per second
//! on one core in a release build (measured on a loaded machine).
//!
//! Scoring against annotated corpora (TimeML, MEANTIME, Recognizers-Text)
//! lives in `corroborate_eval::time`, outside the analysis pipeline.
//!
//! Years: a four-digit number is a year only between 1000 and 2099, when it
//! is not glued to other digits ("10,000", phone numbers), not after an
//! identifier word ("Article 19", "No. 2011") and not before a counted noun
//! ("2000 troops"). Shorter years need an era ("490 BC", "AD 9").

mod expr;
mod extract;
mod lexicon;
mod pubdate;
mod resolve;

use std::sync::LazyLock;

use chrono::{Days, NaiveDate};
use corroborate_model::{Span, TimeAnchor, Timex};
use regex::Regex;

pub use pubdate::find_publication_date;

/// All time expressions in `text`, sorted by span and non-overlapping.
///
/// `dct` is the publication date; `dct_inferred` marks it as guessed, which
/// sets [`Timex::inferred`] on every value that depends on it. Recognition
/// works on the whole text; paragraphs (lines) bound the narrative context.
pub fn tag(text: &str, dct: Option<NaiveDate>, dct_inferred: bool) -> Vec<Timex> {
    Recognized::new(text).resolve(dct, dct_inferred)
}

/// The time expressions of a text found once, to be resolved against
/// several publication dates: recognition does not depend on the date,
/// so trying candidate dates for an undated report (see
/// `corroborate-extract`) only repeats the cheap resolution.
pub struct Recognized<'t> {
    text: &'t str,
    candidates: Vec<expr::Candidate>,
}

impl<'t> Recognized<'t> {
    pub fn new(text: &'t str) -> Self {
        Recognized {
            text,
            candidates: extract::candidates(text),
        }
    }

    /// The same as [`tag`] with this publication date.
    pub fn resolve(&self, dct: Option<NaiveDate>, dct_inferred: bool) -> Vec<Timex> {
        let mut resolver = resolve::Resolver::new(self.text, dct, dct_inferred, &self.candidates);
        let mut timexes = Vec::with_capacity(self.candidates.len());
        for candidate in &self.candidates {
            match resolver.split_range(candidate) {
                Some(ends) => timexes.extend(ends.iter().filter_map(|end| resolver.resolve(end))),
                None => timexes.extend(resolver.resolve(candidate)),
            }
        }
        timexes
    }
}

/// How many days after the latest mentioned date an undated report is
/// assumed to have been written, at most.
const INFERENCE_WINDOW_DAYS: u64 = 14;

/// A publication date range for a report tagged without a DCT.
///
/// Rule: a news report is written after the latest event it reports, and
/// usually soon after. The range is `[latest, latest + 14 days]` where
/// `latest` is the latest day-precision date the text states absolutely
/// (anchor [`TimeAnchor::Absolute`], one day long). Returns `None` when the
/// text has no such date, or when it also names a later year, month or
/// season outside any future-tense sentence ("born on 19 April 1923 …
/// died in 2008"): the latest day is then background, and the report's
/// own day cannot be told from its text.
pub fn infer_publication_date(text: &str, timexes: &[Timex]) -> Option<(NaiveDate, NaiveDate)> {
    let latest = timexes
        .iter()
        .filter(|t| t.anchor == TimeAnchor::Absolute)
        .filter_map(|t| match (t.start, t.end) {
            (Some(start), Some(end)) if end - start <= chrono::Duration::days(6) => Some(end),
            _ => None,
        })
        .max()?;
    if publication_floor(text, timexes).is_some_and(|floor| floor > latest) {
        return None;
    }
    let until = latest.checked_add_days(Days::new(INFERENCE_WINDOW_DAYS))?;
    Some((latest, until))
}

/// The earliest day a report can have been written, by the latest year,
/// month, season or day its text states absolutely outside a future-tense
/// sentence (its first day: "in 2008" says the report is from 2008 or
/// later).
pub fn publication_floor(text: &str, timexes: &[Timex]) -> Option<NaiveDate> {
    timexes
        .iter()
        .filter(|t| t.anchor == TimeAnchor::Absolute && !in_future_sentence(text, t.span))
        .filter_map(|t| t.start)
        .chain(pubdate::address_floor(text))
        .max()
}

/// Words that put a sentence's dates ahead of its writing: future tense,
/// plans, schedules and targets ("will", "is due", "scheduled for",
/// "by 2030").
static FUTURE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    corroborate_text::compile_pattern(
        r"(?i)\b(?:will|shall|would|\w+'ll|going to|plans?|planned|planning|intends?|expected|expects?|scheduled|due|set to|aims?|targets?|forecasts?|projected|until|by (?:the end of )?(?:\d{4}|(?:early|mid|late)[- ]\d{4})|next)\b",
    )
    .expect("constant regex is valid")
});

/// Whether the sentence around `span` speaks of the future.
fn in_future_sentence(text: &str, span: Span) -> bool {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let start = corroborate_text::floor_char_boundary(text, span.start);
    let end = corroborate_text::ceil_char_boundary(text, span.end);
    let from = text[..start].rfind(is_end).map_or(0, |i| i + 1);
    let to = text[end..].find(is_end).map_or(text.len(), |i| end + i);
    FUTURE_MARKER.is_match(&text[from..to])
}
