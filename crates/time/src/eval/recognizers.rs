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
//! Convention adapter: TimeML tags a range of two full expressions ("from
//! Oct. 2 to October 22") as two timexes, Recognizers as one date range. In
//! `*Period*` specs two tagged dates joined by a range connector ("to",
//! "until", "till", "through", "-", or "and" after "between") are compared
//! as one range spanning both, with the first one's start and the second
//! one's end (a leading "from"/"between" joins the span).
//!
//! Cases marked `NotSupportedByDesign`, or `NotSupported` by the .NET
//! reference implementation, are skipped. Spec files in [`OUT_OF_SCOPE`]
//! are not run; see that list for why.

use super::{files_with, read, EvalError};
use chrono::{Days, NaiveDate};
use corroborate_model::Timex;
use serde_json::Value;
use std::fmt;
use std::path::Path;

/// Spec files not evaluated, with the reason.
pub const OUT_OF_SCOPE: &[(&str, &str)] = &[
    ("TimeZone", "time zones are not resolved"),
    ("TimePeriod", "clock-time ranges (\"from 3 to 5pm\") are not merged into one timex"),
    ("DateTimePeriod", "date+clock-time ranges are not merged into one timex"),
    ("DateTimeModel", "full-model modes (calendar, tasks, split, experimental, extended types, complex calendar) with their own output conventions"),
    ("Merged", "merged extractor/parser output conventions (datetimealt, value lists)"),
    ("Holiday", "holiday names are not recognised"),
];

/// Pass rate of one spec file.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecScore {
    pub file: String,
    pub cases: usize,
    pub passed: usize,
    pub skipped: usize,
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
    let files = files_with(dir, "json")?;
    if files.is_empty() {
        return Err(EvalError::Empty(dir.to_path_buf()));
    }
    let mut scores = RecognizersScores {
        specs: Vec::new(),
        out_of_scope: Vec::new(),
    };
    for path in files {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(why) = out_of_scope_reason(&stem) {
            scores.out_of_scope.push((stem, why));
            continue;
        }
        let raw = read(&path)?;
        let cases: Value =
            serde_json::from_str(raw.trim_start_matches('\u{feff}')).map_err(|source| {
                EvalError::Json {
                    path: path.clone(),
                    source,
                }
            })?;
        scores.specs.push(score_spec(&stem, &cases));
    }
    Ok(scores)
}

fn score_spec(stem: &str, cases: &Value) -> SpecScore {
    let mut score = SpecScore {
        file: stem.to_string(),
        cases: 0,
        passed: 0,
        skipped: 0,
    };
    for case in cases.as_array().map(Vec::as_slice).unwrap_or(&[]) {
        if skipped(case) {
            score.skipped += 1;
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

fn reference_date(case: &Value) -> Option<NaiveDate> {
    let reference = case.get("Context")?.get("ReferenceDateTime")?.as_str()?;
    NaiveDate::parse_from_str(reference.get(..10)?, "%Y-%m-%d").ok()
}

/// Whether the tagger passes one case of the spec file named `spec` (its
/// stem, e.g. "DateParser": parser specs check values too).
pub fn case_passes(case: &Value, spec: &str) -> bool {
    let is_parser = spec.ends_with("Parser");
    let Some(input) = case.get("Input").and_then(Value::as_str) else {
        return false;
    };
    let expected = case
        .get("Results")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let dct = reference_date(case).or_else(|| NaiveDate::from_ymd_opt(2016, 11, 7));
    let mut tagged = crate::tag(input, &[], dct, false);
    if spec.contains("Period") {
        tagged = merge_ranges(input, tagged);
    }
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
    let Some(past) = value.get("PastResolution") else {
        return false;
    };
    if let Some(day) = date_of(past.get("date")) {
        return timex.start == Some(day) && timex.end == Some(day) && !timex.value.contains('T');
    }
    if let (Some(start), Some(end)) = (date_of(past.get("startDate")), date_of(past.get("endDate")))
    {
        let end_inclusive = end.checked_sub_days(Days::new(1));
        return timex.start == Some(start)
            && (timex.end == Some(end) || timex.end == end_inclusive);
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

/// Equal TIMEX3 values, ignoring ":00" seconds and a bare hour ("T03" = "T03:00").
fn same_timex(ours: &str, theirs: &str) -> bool {
    if ours == theirs {
        return true;
    }
    match (ours.split_once('T'), theirs.split_once('T')) {
        (Some((od, ot)), Some((td, tt))) => od == td && same_clock(ot, tt),
        _ => false,
    }
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
        assert!(same_clock("03:00", "03:00:00"));
        assert!(same_timex("2016-11-07T03:00", "2016-11-07T03"));
    }
}
