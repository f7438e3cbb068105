//! Microsoft Recognizers-Text English DateTime specs.
//!
//! Each spec file is a JSON array of cases `{Input, Context?:
//! {ReferenceDateTime}, Results: [{Text, Type, Value?: {Timex,
//! PastResolution, FutureResolution}}], NotSupported?, NotSupportedByDesign?}`.
//! A case passes when the tagger extracts exactly the expected texts
//! (case-insensitive, in order) and, for parser specs, each value matches:
//! the timex equals the spec's `Timex`, or its dates equal the
//! `PastResolution` (news is past-oriented, so the past reading is the one
//! to match). Date ranges match on start and end (the spec's end may be
//! exclusive, so end or end − 1 day is accepted).
//!
//! Convention adapters (each a difference of annotation convention, applied
//! to every case alike, never chosen by input text):
//! * Spec kind: each spec lists only its own extractor's output ("3pm : I'll
//!   be out this week" lists "3pm" in the time spec and "this week" in the
//!   date-range spec), so only our timexes of the spec's kind are compared:
//!   dates (and PRESENT_REF-style references) for `Date*`, dates and
//!   durations pinned to days ("the next 3 days") for `DatePeriod*`, dates
//!   and times for `DateTime*`, times for `Time*`, durations for
//!   `Duration*`, sets for `Set*`.
//! * Ranges: TimeML tags a range of two full expressions ("from Oct. 2 to
//!   October 22") as two timexes, Recognizers as one date range. In
//!   `*Period*` specs two tagged dates joined by a range connector ("to",
//!   "until", "till", "through", "-", or "and" after "between") are
//!   compared as one range spanning both, with the first one's start and
//!   the second one's end (a leading "from"/"between" joins the span).
//!   Recognizers ends such a range at the start of its last unit
//!   ("2014-2018" ends 2018-01-01, "Week 31 to Week 35" on week 35's
//!   Monday); that end is accepted too.
//! * Date and time: TimeML tags "May 3 at 7 a.m." as a date and a clock
//!   time (prepositions stand outside a TIMEX3; the time carries the
//!   date's day), Recognizers as one date-time. In `DateTime*` specs a
//!   date (or a part of a day) and a clock time joined by "at", "on",
//!   "for", "around" or "about" ("at around", "at about"; the last two
//!   are then part of our clock time's extent) are compared as one, with
//!   the clock time's value.
//! * Granularity: TimeML gives "a month ago", "two years ago", "two weeks
//!   from now" the granularity of their unit (2016-10, 2014, 2016-W47), the
//!   spec a day; a week, month or year value containing the spec's day
//!   matches.
//! * Equivalent spellings: "XXXX-XX-XXT09:00" = "T09", "P2DE" = "P20Y",
//!   ":00" seconds and bare hours ("T03" = "T03:00").
//! * Unresolved values: when the spec gives an empty resolution ("summer" →
//!   "SU"), our value is compared without its year ("2016-SU").
//!
//! Cases marked `NotSupportedByDesign`, or `NotSupported` by the .NET
//! reference implementation, are skipped. Spec files in [`OUT_OF_SCOPE`]
//! are not run; cases of the types in [`OUT_OF_SCOPE_TYPES`] (judged from
//! the expected output) are counted apart, per spec file. [`failures`]
//! lists the failed in-scope cases with what we produced.

use super::{files_in_paths, files_with, first_path, read, EvalError};
use chrono::{Days, NaiveDate};
use corroborate_model::Timex;
use serde_json::Value;
use std::fmt;
use std::path::{Path, PathBuf};

/// Spec files not evaluated, with the reason.
pub const OUT_OF_SCOPE: &[(&str, &str)] = &[
    ("TimeZone", "time zones are not resolved"),
    ("TimePeriod", "clock-time ranges (\"from 3 to 5pm\") are not merged into one timex"),
    ("DateTimePeriod", "date+clock-time ranges are not merged into one timex"),
    ("DateTimeModel", "full-model modes (calendar, tasks, split, experimental, extended types, complex calendar) with their own output conventions"),
    ("Merged", "merged extractor/parser output conventions (datetimealt, value lists)"),
    ("Holiday", "holiday names are not recognised"),
];

/// Case types left out of scope, recognised from the case's expected
/// output (never from its input), with the reason.
pub const OUT_OF_SCOPE_TYPES: &[(&str, &str)] = &[(
    IMPOSSIBLE_DATE,
    "the expected resolution is the placeholder 0001-01-01: the spec parses a date that does not exist (\"Feb 30\", \"the fifth Sunday\" of a month with four)",
)];

const IMPOSSIBLE_DATE: &str = "impossible dates";

/// The out-of-scope type of a case, judged from its expected results.
fn out_of_scope_type(case: &Value) -> Option<&'static str> {
    let results = case.get("Results").and_then(Value::as_array)?;
    let values = results.iter().filter_map(|r| r.get("Value"));
    let placeholder = values
        .clone()
        .filter_map(|v| v.get("PastResolution"))
        .any(|past| past.to_string().contains("0001-01-01"));
    if placeholder {
        return Some(IMPOSSIBLE_DATE);
    }
    None
}

/// Pass rate of one spec file.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecScore {
    pub file: String,
    /// In-scope cases.
    pub cases: usize,
    pub passed: usize,
    /// Cases marked unsupported by the spec itself.
    pub skipped: usize,
    /// Cases of out-of-scope types (see [`OUT_OF_SCOPE_TYPES`]), per type.
    pub out_of_scope: Vec<(&'static str, usize)>,
}

impl SpecScore {
    pub fn rate(&self) -> f64 {
        if self.cases == 0 {
            0.0
        } else {
            100.0 * self.passed as f64 / self.cases as f64
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecognizersScores {
    pub specs: Vec<SpecScore>,
    /// Spec files present but not run, with the reason.
    pub out_of_scope: Vec<(String, &'static str)>,
}

impl RecognizersScores {
    pub fn cases(&self) -> usize {
        self.specs.iter().map(|s| s.cases).sum()
    }

    pub fn passed(&self) -> usize {
        self.specs.iter().map(|s| s.passed).sum()
    }

    pub fn rate(&self) -> f64 {
        let cases = self.cases();
        if cases == 0 {
            0.0
        } else {
            100.0 * self.passed() as f64 / cases as f64
        }
    }
}

impl fmt::Display for RecognizersScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<28} {:>6} {:>7} {:>8} {:>8}",
            "spec", "cases", "passed", "skipped", "rate %"
        )?;
        for s in &self.specs {
            writeln!(
                f,
                "{:<28} {:>6} {:>7} {:>8} {:>8.1}",
                s.file,
                s.cases,
                s.passed,
                s.skipped,
                s.rate()
            )?;
        }
        writeln!(
            f,
            "{:<28} {:>6} {:>7} {:>8} {:>8.1}",
            "all in scope",
            self.cases(),
            self.passed(),
            "",
            self.rate()
        )?;
        for s in &self.specs {
            for (why, n) in &s.out_of_scope {
                writeln!(f, "out of scope in {}: {why}: {n}", s.file)?;
            }
        }
        for (file, why) in &self.out_of_scope {
            writeln!(f, "out of scope: {file} ({why})")?;
        }
        Ok(())
    }
}

fn out_of_scope_reason(stem: &str) -> Option<&'static str> {
    OUT_OF_SCOPE
        .iter()
        .find(|(prefix, _)| stem.starts_with(prefix))
        .map(|(_, why)| *why)
}

/// Runs every in-scope spec file in `dir`.
pub fn eval_recognizers(dir: &Path) -> Result<RecognizersScores, EvalError> {
    eval_recognizers_paths(&[dir.to_path_buf()])
}

/// Runs the in-scope spec files among `paths` (each a spec `.json` file or
/// a folder of them), e.g. one half of the spec files.
pub fn eval_recognizers_paths(paths: &[PathBuf]) -> Result<RecognizersScores, EvalError> {
    let files = spec_files(paths)?;
    let mut scores = RecognizersScores {
        specs: Vec::new(),
        out_of_scope: out_of_scope_files(&files),
    };
    for (stem, cases) in in_scope_specs(&files)? {
        scores.specs.push(score_spec(&stem, &cases));
    }
    Ok(scores)
}

fn spec_files(paths: &[PathBuf]) -> Result<Vec<(String, PathBuf)>, EvalError> {
    let files = files_in_paths(paths, |dir| files_with(dir, "json"))?;
    if files.is_empty() {
        return Err(EvalError::Empty(first_path(paths)));
    }
    Ok(files
        .into_iter()
        .map(|path| {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            (stem, path)
        })
        .collect())
}

fn out_of_scope_files(files: &[(String, PathBuf)]) -> Vec<(String, &'static str)> {
    files
        .iter()
        .filter_map(|(stem, _)| out_of_scope_reason(stem).map(|why| (stem.clone(), why)))
        .collect()
}

/// The parsed cases of every in-scope spec file, by stem.
fn in_scope_specs(files: &[(String, PathBuf)]) -> Result<Vec<(String, Value)>, EvalError> {
    let mut specs = Vec::new();
    for (stem, path) in files {
        if out_of_scope_reason(stem).is_some() {
            continue;
        }
        let raw = read(path)?;
        let cases: Value =
            serde_json::from_str(raw.trim_start_matches('\u{feff}')).map_err(|source| {
                EvalError::Json {
                    path: path.clone(),
                    source,
                }
            })?;
        specs.push((stem.clone(), cases));
    }
    Ok(specs)
}

fn score_spec(stem: &str, cases: &Value) -> SpecScore {
    let mut score = SpecScore {
        file: stem.to_string(),
        cases: 0,
        passed: 0,
        skipped: 0,
        out_of_scope: Vec::new(),
    };
    for case in cases.as_array().map(Vec::as_slice).unwrap_or(&[]) {
        if skipped(case) {
            score.skipped += 1;
            continue;
        }
        if let Some(why) = out_of_scope_type(case) {
            match score.out_of_scope.iter_mut().find(|(w, _)| *w == why) {
                Some((_, n)) => *n += 1,
                None => score.out_of_scope.push((why, 1)),
            }
            continue;
        }
        score.cases += 1;
        score.passed += usize::from(case_passes(case, stem));
    }
    score
}

fn skipped(case: &Value) -> bool {
    let by_design = case.get("NotSupportedByDesign").is_some();
    let dotnet = case
        .get("NotSupported")
        .and_then(Value::as_str)
        .is_some_and(|s| s.to_ascii_lowercase().contains("dotnet"));
    by_design || dotnet
}

/// One failed in-scope case: the input, what the spec expects and what the
/// tagger produced (after the range adapter of `*Period*` specs).
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// Spec file stem ("DateParser").
    pub spec: String,
    pub input: String,
    pub reference: Option<NaiveDate>,
    /// Expected (text, timex, past resolution as compact JSON).
    pub expected: Vec<(String, String, String)>,
    /// Produced (text, value, start, end).
    pub got: Vec<(String, String, Option<NaiveDate>, Option<NaiveDate>)>,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "[{}] {:?}", self.spec, self.input)?;
        for (text, timex, past) in &self.expected {
            writeln!(f, "    want {text:?} {timex} {past}")?;
        }
        for (text, value, start, end) in &self.got {
            let day = |d: &Option<NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
            writeln!(f, "    got  {text:?} {value} {}..{}", day(start), day(end))?;
        }
        Ok(())
    }
}

/// Every failed in-scope case of the spec files in `dir`, in file order.
pub fn failures(dir: &Path) -> Result<Vec<Failure>, EvalError> {
    failures_in_paths(&[dir.to_path_buf()])
}

/// Every failed in-scope case of the spec files among `paths` (as
/// [`eval_recognizers_paths`] takes them), in file order.
pub fn failures_in_paths(paths: &[PathBuf]) -> Result<Vec<Failure>, EvalError> {
    let mut found = Vec::new();
    for (stem, cases) in in_scope_specs(&spec_files(paths)?)? {
        for case in cases.as_array().map(Vec::as_slice).unwrap_or(&[]) {
            if skipped(case) || out_of_scope_type(case).is_some() || case_passes(case, &stem) {
                continue;
            }
            found.push(failure(case, &stem));
        }
    }
    Ok(found)
}

fn failure(case: &Value, spec: &str) -> Failure {
    let input = case.get("Input").and_then(Value::as_str).unwrap_or("");
    let str_of = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_string();
    let expected = case
        .get("Results")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .map(|r| {
            let value = r.get("Value");
            (
                str_of(r.get("Text")),
                str_of(value.and_then(|v| v.get("Timex"))),
                value
                    .and_then(|v| v.get("PastResolution"))
                    .map_or(String::new(), Value::to_string),
            )
        })
        .collect();
    let got = tagged(case, input, spec)
        .into_iter()
        .map(|t| (t.text, t.value, t.start, t.end))
        .collect();
    Failure {
        spec: spec.to_string(),
        input: input.to_string(),
        reference: reference_date(case),
        expected,
        got,
    }
}

fn reference_date(case: &Value) -> Option<NaiveDate> {
    let reference = case.get("Context")?.get("ReferenceDateTime")?.as_str()?;
    NaiveDate::parse_from_str(reference.get(..10)?, "%Y-%m-%d").ok()
}

/// Whether the tagger passes one case of the spec file named `spec` (its
/// stem, e.g. "DateParser": parser specs check values too).
pub(crate) fn case_passes(case: &Value, spec: &str) -> bool {
    let is_parser = spec.ends_with("Parser");
    let Some(input) = case.get("Input").and_then(Value::as_str) else {
        return false;
    };
    let expected = case
        .get("Results")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let tagged = tagged(case, input, spec);
    if tagged.len() != expected.len() {
        return false;
    }
    tagged.iter().zip(expected).all(|(timex, want)| {
        let text_ok = want
            .get("Text")
            .and_then(Value::as_str)
            .is_some_and(|t| t.eq_ignore_ascii_case(&timex.text));
        text_ok && (!is_parser || value_matches(timex, want.get("Value")))
    })
}

/// The tagger's output on one case, with the range adapter of `*Period*`
/// specs applied.
fn tagged(case: &Value, input: &str, spec: &str) -> Vec<Timex> {
    let dct = reference_date(case).or_else(|| NaiveDate::from_ymd_opt(2016, 11, 7));
    let tagged = corroborate_time::tag(input, dct, false)
        .into_iter()
        .filter(|t| of_spec_kind(t, spec))
        .collect();
    if spec.contains("Period") {
        merge_ranges(input, tagged)
    } else if spec.starts_with("DateTime") {
        join_date_and_time(input, tagged)
    } else {
        tagged
    }
}

/// Joins a date and a clock time written with a preposition between them
/// into one date-time (see the module doc).
fn join_date_and_time(input: &str, tagged: Vec<Timex>) -> Vec<Timex> {
    use corroborate_model::TimexType as T;
    let mut joined: Vec<Timex> = Vec::with_capacity(tagged.len());
    for timex in tagged {
        let Some(previous) = joined.last() else {
            joined.push(timex);
            continue;
        };
        let gap = input
            .get(previous.span.end..timex.span.start)
            .unwrap_or("x")
            .trim()
            .to_ascii_lowercase();
        let prepositional = matches!(
            gap.trim_start_matches(',').trim(),
            "at" | "on" | "around" | "about" | "at around" | "at about" | "for"
        );
        let dated = |t: &Timex| matches!(t.timex_type, T::Date | T::Time);
        let (date, time) = match (has_clock(previous), has_clock(&timex)) {
            (false, true) => (previous, &timex),
            (true, false) => (&timex, previous),
            _ => {
                joined.push(timex);
                continue;
            }
        };
        let approximate = |t: &Timex| {
            let lower = t.text.to_ascii_lowercase();
            lower.starts_with("around") || lower.starts_with("about")
        };
        let joined_by_modifier = matches!(gap.as_str(), "" | ",") && approximate(time);
        if !(prepositional || joined_by_modifier) || !dated(date) || time.start != date.start {
            joined.push(timex);
            continue;
        }
        let span = corroborate_model::Span::new(previous.span.start, timex.span.end);
        let mut both = time.clone();
        both.span = span;
        both.text = input.get(span.start..span.end).unwrap_or("").to_string();
        joined.pop();
        joined.push(both);
    }
    joined
}

/// Whether a timex gives a clock time ("2016-11-08T09:00").
fn has_clock(timex: &Timex) -> bool {
    timex
        .value
        .split_once('T')
        .is_some_and(|(_, clock)| clock.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a timex is of the kind the spec's extractor covers: each spec
/// lists only its own extractor's output ("3pm : I'll be out this week"
/// lists "3pm" in the time spec and "this week" in the date-range spec).
/// Dates include references ("now"); date ranges include durations pinned
/// to days ("the next 3 days"); date-times include dates and times.
fn of_spec_kind(timex: &Timex, spec: &str) -> bool {
    use corroborate_model::TimexType as T;
    let kind = timex.timex_type;
    if spec.starts_with("DateTime") {
        matches!(kind, T::Date | T::Time)
    } else if spec.starts_with("DatePeriod") {
        kind == T::Date || (kind == T::Duration && timex.start.is_some())
    } else if spec.starts_with("Date") {
        kind == T::Date
    } else if spec.starts_with("Duration") {
        kind == T::Duration
    } else if spec.starts_with("Set") {
        kind == T::Set
    } else if spec.starts_with("Time") {
        kind == T::Time
    } else {
        true
    }
}

/// Joins "A to B" / "between A and B" into one range timex (see the module
/// doc).
fn merge_ranges(input: &str, tagged: Vec<Timex>) -> Vec<Timex> {
    let mut merged: Vec<Timex> = Vec::with_capacity(tagged.len());
    for timex in tagged {
        let joined = merged
            .last()
            .and_then(|previous| join_range(input, previous, &timex));
        match joined {
            Some(range) => {
                merged.pop();
                merged.push(range);
            }
            None => merged.push(timex),
        }
    }
    merged
}

fn join_range(input: &str, first: &Timex, second: &Timex) -> Option<Timex> {
    let is_date = |t: &Timex| t.timex_type != corroborate_model::TimexType::Duration;
    if !is_date(first) || !is_date(second) {
        return None;
    }
    let gap = input
        .get(first.span.end..second.span.start)?
        .trim()
        .to_ascii_lowercase();
    let before = input.get(..first.span.start)?.to_ascii_lowercase();
    let lead = ["from ", "between "]
        .into_iter()
        .find(|w| before.ends_with(w))
        .map_or(0, str::len);
    let connector = matches!(
        gap.as_str(),
        "-" | "–" | "to" | "until" | "till" | "through" | "thru"
    ) || (gap == "and" && before.ends_with("between "));
    if !connector {
        return None;
    }
    let start = first.span.start - lead;
    let mut range = first.clone();
    range.span = corroborate_model::Span::new(start, second.span.end);
    range.text = input.get(start..second.span.end)?.to_string();
    range.end = second.end;
    Some(range)
}

fn date_of(value: Option<&Value>) -> Option<NaiveDate> {
    let text = value?.as_str()?;
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

fn value_matches(timex: &Timex, value: Option<&Value>) -> bool {
    let Some(value) = value else {
        return false;
    };
    let spec_timex = value.get("Timex").and_then(Value::as_str).unwrap_or("");
    if !spec_timex.is_empty() && same_timex(&timex.value, spec_timex) {
        return true;
    }
    let unresolved = value
        .get("PastResolution")
        .and_then(Value::as_object)
        .is_some_and(|past| past.is_empty());
    if unresolved && !spec_timex.is_empty() {
        // "summer" → "SU" with no resolution: compare without our year.
        return timex
            .value
            .split_once('-')
            .is_some_and(|(_, rest)| rest == spec_timex);
    }
    value
        .get("PastResolution")
        .is_some_and(|past| resolution_matches(timex, past))
}

fn resolution_matches(timex: &Timex, past: &Value) -> bool {
    if let Some(day) = date_of(past.get("date")) {
        let exact = timex.start == Some(day) && timex.end == Some(day);
        return (exact || coarser_containing(timex, day)) && !timex.value.contains('T');
    }
    if let (Some(start), Some(end)) = (date_of(past.get("startDate")), date_of(past.get("endDate")))
    {
        let end_inclusive = end.checked_sub_days(Days::new(1));
        let ends_at_last_unit = timex
            .end
            .is_some_and(|ours| last_unit_starts(ours).contains(&end) && timex.start != Some(end));
        return timex.start == Some(start)
            && (timex.end == Some(end) || timex.end == end_inclusive || ends_at_last_unit);
    }
    if let Some(date_time) = past.get("dateTime").and_then(Value::as_str) {
        return same_timex(&timex.value, &date_time.replace(' ', "T"));
    }
    if let Some(time) = past.get("time").and_then(Value::as_str) {
        return timex
            .value
            .split_once('T')
            .is_some_and(|(_, t)| same_clock(t, time));
    }
    false
}

/// TimeML gives "a month ago", "two years ago", "two weeks from now" the
/// granularity of their unit (2016-10, 2014, 2016-W47); the spec the day
/// (2016-10-07). A week, month or year value whose days contain the spec's
/// day is that reading.
fn coarser_containing(timex: &Timex, day: NaiveDate) -> bool {
    let v = timex.value.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        v.get(range)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let year = v.len() == 4 && digits(0..4);
    let month = v.len() == 7 && digits(0..4) && v.get(4) == Some(&b'-') && digits(5..7);
    let week = v.len() == 8 && digits(0..4) && v.get(5) == Some(&b'W') && digits(6..8);
    let contains = matches!((timex.start, timex.end), (Some(s), Some(e)) if s <= day && day <= e);
    (year || month || week) && contains
}

/// First days of the year, month and week that end on `end` (when `end`
/// closes one): Recognizers ends a range at the start of its last unit
/// ("2014-2018" ends 2018-01-01, "Week 31 to Week 35" ends on week 35's
/// Monday), we at its last day.
fn last_unit_starts(end: NaiveDate) -> Vec<NaiveDate> {
    use chrono::Datelike;
    let mut starts = Vec::new();
    let next = end.succ_opt();
    if next.is_some_and(|n| n.day() == 1) {
        starts.extend(end.with_day(1));
        if end.month() == 12 {
            starts.extend(NaiveDate::from_ymd_opt(end.year(), 1, 1));
        }
    }
    if end.weekday() == chrono::Weekday::Sun {
        starts.extend(end.checked_sub_days(Days::new(6)));
    }
    starts
}

/// Equal TIMEX3 values, ignoring ":00" seconds and a bare hour ("T03" = "T03:00").
fn same_timex(ours: &str, theirs: &str) -> bool {
    if ours == theirs {
        return true;
    }
    // A set or time of no particular day: "XXXX-XX-XXTMO" = "TMO".
    if let Some(time) = ours.strip_prefix("XXXX-XX-XX") {
        if time.starts_with('T') && theirs.starts_with('T') {
            return same_clock(&time[1..], &theirs[1..]) || time == theirs;
        }
    }
    if let (Some(a), Some(b)) = (duration_years(ours), duration_years(theirs)) {
        return a == b;
    }
    match (ours.split_once('T'), theirs.split_once('T')) {
        (Some((od, ot)), Some((td, tt))) => od == td && same_clock(ot, tt),
        _ => false,
    }
}

/// Years in a decade or century duration ("P2DE" = "P20Y", "P1CE" = "P100Y").
fn duration_years(value: &str) -> Option<u32> {
    let body = value.strip_prefix('P')?;
    let (number, factor) = if let Some(n) = body.strip_suffix("DE") {
        (n, 10)
    } else if let Some(n) = body.strip_suffix("CE") {
        (n, 100)
    } else {
        (body.strip_suffix('Y')?, 1)
    };
    number.parse::<u32>().ok().map(|n| n * factor)
}

fn same_clock(ours: &str, theirs: &str) -> bool {
    let normal = |t: &str| {
        let mut parts: Vec<&str> = t.split(':').collect();
        while parts.len() > 2 && parts.last() == Some(&"00") {
            parts.pop();
        }
        if parts.len() == 1 {
            parts.push("00");
        }
        parts.join(":")
    };
    normal(ours) == normal(theirs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_and_fails_cases() {
        let pass = serde_json::json!({
            "Input": "I was there on Oct. 2",
            "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
            "Results": [{"Text": "Oct. 2", "Value": {"Timex": "XXXX-10-02", "PastResolution": {"date": "2016-10-02"}}}]
        });
        assert!(case_passes(&pass, "DateParser"));
        let fail = serde_json::json!({
            "Input": "I was there on Oct. 2",
            "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
            "Results": [{"Text": "Oct. 2", "Value": {"Timex": "XXXX-10-02", "PastResolution": {"date": "2015-10-02"}}}]
        });
        assert!(!case_passes(&fail, "DateParser"));
        let range = serde_json::json!({
            "Input": "I was away from Oct. 2 to October 22",
            "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
            "Results": [{"Text": "from Oct. 2 to October 22", "Value": {"Timex": "(XXXX-10-02,XXXX-10-22,P20D)",
                "PastResolution": {"startDate": "2016-10-02", "endDate": "2016-10-22"}}}]
        });
        assert!(case_passes(&range, "DatePeriodParser"));
        assert!(!case_passes(&range, "DateParser"));
        let coarse = serde_json::json!({
            "Input": "who did I email a month ago",
            "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
            "Results": [{"Text": "a month ago", "Value": {"Timex": "2016-10-07", "PastResolution": {"date": "2016-10-07"}}}]
        });
        assert!(case_passes(&coarse, "DateParser"));
        let other_kind = serde_json::json!({
            "Input": "3pm : I'll be out on this week",
            "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
            "Results": [{"Text": "3pm", "Value": {"Timex": "T15", "PastResolution": {"time": "15:00:00"}}}]
        });
        assert!(case_passes(&other_kind, "TimeParser"));
        let impossible = serde_json::json!({
            "Input": "Feb 30",
            "Results": [{"Text": "Feb 30", "Value": {"Timex": "XXXX-02-30", "PastResolution": {"date": "0001-01-01"}}}]
        });
        assert_eq!(out_of_scope_type(&impossible), Some(IMPOSSIBLE_DATE));
        assert_eq!(out_of_scope_type(&pass), None);
        let end = NaiveDate::from_ymd_opt(2018, 12, 30).and_then(|d| d.succ_opt());
        let starts = end.map(last_unit_starts).unwrap_or_default();
        assert!(starts.contains(&NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default()));
        assert!(same_timex("XXXX-WXX-1T09:00", "XXXX-WXX-1T09"));
        assert!(same_timex("XXXX-XX-XXT09:00", "T09"));
        assert!(same_timex("P2DE", "P20Y"));
        assert!(same_clock("03:00", "03:00:00"));
        assert!(same_timex("2016-11-07T03:00", "2016-11-07T03"));
    }
}
