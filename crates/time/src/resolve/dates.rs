//! Calendar dates, months, years, decades, centuries and seasons: the
//! year a year-less date takes (past-biased in news, future-biased in
//! narrative, lent by a dated neighbour in a list), days of the month,
//! day spans, and the values and day ranges of these expressions.

use corroborate_model::calendar::last_day_of_month;

use super::days::{day_result, month_start, shift_months};
use super::tense::{ahead_cue, Tense};
use super::{dct_reference, sentence_ends, Grain, Reference, Resolved, Resolver};
use crate::expr::{Candidate, Expr, MonthRef, YearSpec};
use chrono::{Datelike, NaiveDate};
use corroborate_model::{TimeAnchor, TimexType};

impl Resolver<'_> {
    pub(super) fn calendar(
        &self,
        year: Option<YearSpec>,
        month: Option<u32>,
        day: Option<u32>,
        day_end: Option<u32>,
        paragraph: usize,
    ) -> Resolved {
        let (year, anchor, used_dct) = match year {
            Some(YearSpec::Explicit(y)) => (Some(y), TimeAnchor::Absolute, false),
            Some(YearSpec::Anaphoric(offset)) => match self.anaphoric_base(Grain::Year) {
                Some((r, dct)) => (Some(r.date.year() + offset), self.anchor_of(dct), dct),
                None => (None, TimeAnchor::Unanchored, false),
            },
            Some(YearSpec::Deictic(offset)) => match self.deictic_base(paragraph) {
                Some((r, dct)) => (Some(r.date.year() + offset), self.anchor_of(dct), dct),
                None => (None, TimeAnchor::Unanchored, false),
            },
            None if self.lent_year().is_some() => (self.lent_year(), TimeAnchor::Absolute, false),
            None => match (month, self.yearless_base(paragraph, day.is_some())) {
                (Some(m), Some((r, dct))) => {
                    let y = self.pick_year(m, day, r);
                    (Some(y), self.anchor_of(dct), dct)
                }
                _ => (None, TimeAnchor::Unanchored, false),
            },
        };
        let Some(year) = year else {
            let value = match (month, day) {
                (Some(m), Some(d)) => format!("XXXX-{m:02}-{d:02}"),
                (Some(m), None) => format!("XXXX-{m:02}"),
                _ => "XXXX".to_string(),
            };
            return Resolved::plain(value, TimexType::Date);
        };
        let mut resolved = calendar_value(year, month, day, day_end);
        resolved.anchor = anchor;
        resolved.used_dct = used_dct;
        resolved
    }

    fn lent_year(&self) -> Option<i32> {
        self.lent_years
            .binary_search_by_key(&self.current_start, |(start, _)| *start)
            .ok()
            .and_then(|i| self.lent_years.get(i))
            .map(|(_, year)| *year)
    }

    /// Reference for a date written without its year. Within a paragraph a
    /// day-precision date ("April 15") follows the last day-precision date,
    /// and a month follows the last month or day rather than a year-only
    /// mention that looks back ("In May 1944 … as in 1940 … in June").
    ///
    /// In news mode a year-only reference is used only when it was mentioned
    /// in the same or the previous sentence ("In 2011, … On 16 December"),
    /// so that a parenthetical "(from 2014 to 2016)" earlier in the
    /// paragraph does not pull "on 9 January" back in time.
    fn yearless_base(&self, paragraph: usize, has_day: bool) -> Option<(Reference, bool)> {
        let near = |r: &Reference| {
            let between = self.text.get(r.offset..self.current_start).unwrap_or("");
            sentence_ends(between) <= 1
        };
        let in_paragraph = |r: &Reference| {
            r.paragraph == paragraph && (!self.news || r.grain != Grain::Year || near(r))
        };
        // A year-only mention earlier than the last month looks back; a later
        // one ("November 1939 … In 1940 … In September") moves the story.
        let year_looks_back = |month: &Reference| {
            self.reference
                .is_some_and(|r| r.grain == Grain::Year && r.date.year() < month.date.year())
        };
        let local = if has_day {
            self.day_reference.filter(in_paragraph)
        } else {
            None
        }
        .or_else(|| {
            self.month_reference
                .filter(|r| in_paragraph(r) && year_looks_back(r))
        })
        .or_else(|| self.reference.filter(in_paragraph));
        if let Some(r) = local {
            return Some((r, r.from_dct));
        }
        if self.news {
            if let Some(dct) = self.dct {
                return Some((dct_reference(dct), true));
            }
        }
        self.anaphoric_base(Grain::Month)
    }

    /// The year that puts month/day nearest the reference, with the
    /// direction bias of the mode (see the module doc).
    fn pick_year(&self, month: u32, day: Option<u32>, reference: Reference) -> i32 {
        let ref_year = reference.date.year();
        if reference.grain == Grain::Year {
            return ref_year;
        }
        let position =
            |y: i32, m: u32, d: u32| i64::from(y) * 372 + i64::from(m) * 31 + i64::from(d);
        let ref_day = if reference.grain == Grain::Day {
            reference.date.day()
        } else {
            15
        };
        let here = position(ref_year, reference.date.month(), ref_day);
        let target_day = day.unwrap_or(15);
        // Past bias only when counting from the DCT; a background paragraph
        // of a news report reads like narrative ("in October 2019 … in
        // May" → May 2020), but never past the DCT.
        let past_bias = self.news && reference.from_dct;
        let latest = self
            .dct
            .filter(|_| self.news)
            .map(|d| position(d.year(), d.month(), d.day()));
        if let (true, Some(dct)) = (past_bias, self.dct) {
            let tense = self.sentence_tense(self.current_start, ahead_cue);
            // A month without a day spans the whole month: it has begun by
            // its first day and lasts until its last.
            let occurrence = |year: i32| {
                let exists = day.is_none_or(|d| NaiveDate::from_ymd_opt(year, month, d).is_some());
                let (first, last) = day.map_or((1, 31), |d| (d, d));
                exists.then(|| (position(year, month, first), position(year, month, last)))
            };
            let publication = position(dct.year(), dct.month(), dct.day());
            if let Some(year) = tensed_year(tense, publication, occurrence, dct.year()) {
                return year;
            }
        }
        let mut best = (i64::MAX, ref_year);
        for year in [ref_year - 1, ref_year, ref_year + 1] {
            // "Feb 29" only exists in leap years.
            if day.is_some_and(|d| NaiveDate::from_ymd_opt(year, month, d).is_none()) {
                continue;
            }
            let target = position(year, month, target_day);
            if !past_bias && latest.is_some_and(|l| target > l) {
                continue;
            }
            let delta = target - here;
            let cost = match (delta >= 0, past_bias) {
                (true, true) | (false, false) => delta.abs() * 2,
                _ => delta.abs(),
            };
            // Ties go the mode's way: later in narrative, earlier in news.
            if cost < best.0 || (cost == best.0 && !past_bias) {
                best = (cost, year);
            }
        }
        let exists = |y: i32| day.is_none_or(|d| NaiveDate::from_ymd_opt(y, month, d).is_some());
        if !(ref_year - 1..=ref_year + 1).any(exists) {
            // "2/29" far from a leap year: the nearest earlier one.
            if let Some(d) = day {
                return (1..=8)
                    .map(|back| ref_year - back)
                    .find(|y| NaiveDate::from_ymd_opt(*y, month, d).is_some())
                    .unwrap_or(ref_year);
            }
        }
        best.1
    }

    pub(super) fn season(
        &self,
        year: Option<YearSpec>,
        code: &'static str,
        paragraph: usize,
    ) -> Resolved {
        let explicit = matches!(year, Some(YearSpec::Explicit(_)));
        let year = match year {
            Some(YearSpec::Explicit(y)) => Some((y, TimeAnchor::Absolute, false)),
            Some(YearSpec::Anaphoric(offset)) => self
                .anaphoric_base(Grain::Year)
                .map(|(r, dct)| (r.date.year() + offset, self.anchor_of(dct), dct)),
            Some(YearSpec::Deictic(offset)) => self
                .deictic_base(paragraph)
                .map(|(r, dct)| (r.date.year() + offset, self.anchor_of(dct), dct)),
            None => self.yearless_base(paragraph, false).map(|(r, dct)| {
                let start_month = season_months(code).0;
                let y = if self.news && dct && start_month > r.date.month() && code != "WI" {
                    r.date.year() - 1
                } else {
                    r.date.year()
                };
                (y, self.anchor_of(dct), dct)
            }),
        };
        let Some((y, anchor, used_dct)) = year else {
            return Resolved::plain(format!("XXXX-{code}"), TimexType::Date);
        };
        let (first, last) = season_months(code);
        let end_year = if last < first { y + 1 } else { y };
        let range = month_start(y, first).zip(last_day_of_month(end_year, last));
        // A season with its year written out moves the narrative to that year.
        let reference = explicit
            .then(|| month_start(y, first).map(|d| (d, Grain::Year)))
            .flatten();
        Resolved {
            value: format!("{}-{code}", year_string(y)),
            timex_type: TimexType::Date,
            range,
            anchor,
            used_dct,
            reference,
        }
    }

    /// "the 27th": the nearest such day to the reference (past-biased in
    /// news, future-biased in narrative); "the 20th of next month": that
    /// day of the shifted month of the deictic base.
    pub(super) fn day_of_month(
        &self,
        day: u32,
        month_offset: Option<i64>,
        paragraph: usize,
    ) -> Resolved {
        let unknown = || Resolved::plain(format!("XXXX-XX-{day:02}"), TimexType::Date);
        let base = match month_offset {
            Some(_) => self.deictic_base(paragraph),
            None => self.yearless_base(paragraph, true),
        };
        let Some((reference, dct)) = base.filter(|(r, _)| r.grain >= Grain::Month) else {
            return unknown();
        };
        let date = match month_offset {
            Some(offset) => {
                let month = shift_months(reference.date, offset);
                NaiveDate::from_ymd_opt(month.year(), month.month(), day)
            }
            None => self.nearest_day_of_month(reference.date, day),
        };
        match date {
            Some(date) => day_result(date, self.anchor_of(dct), dct),
            None => unknown(),
        }
    }

    fn nearest_day_of_month(&self, reference: NaiveDate, day: u32) -> Option<NaiveDate> {
        // In news "the 15th" is past unless the sentence speaks of the future.
        let looks_back = self.news && !self.future_cue_before(self.current_start);
        [-1, 0, 1]
            .into_iter()
            .filter_map(|offset| {
                let month = shift_months(reference, offset);
                NaiveDate::from_ymd_opt(month.year(), month.month(), day)
            })
            .filter(|date| !looks_back || *date <= reference)
            .min_by_key(|date| {
                let delta = (*date - reference).num_days();
                let future = delta > 0;
                if future == self.news {
                    delta.abs() * 2
                } else {
                    delta.abs()
                }
            })
    }

    /// Year and month of "… of July", "… of next month", with the anchor.
    pub(super) fn month_of(
        &self,
        month: MonthRef,
        paragraph: usize,
    ) -> Option<(i32, u32, TimeAnchor, bool)> {
        match month {
            MonthRef::Named(m, Some(YearSpec::Explicit(y))) => {
                Some((y, m, TimeAnchor::Absolute, false))
            }
            MonthRef::Named(m, year) => {
                let resolved = self.calendar(year, Some(m), None, None, paragraph);
                let (first, _) = resolved.range?;
                Some((first.year(), m, resolved.anchor, resolved.used_dct))
            }
            MonthRef::Shift(k) => {
                let (reference, dct) = self.deictic_base(paragraph)?;
                let shifted = shift_months(reference.date, k);
                Some((shifted.year(), shifted.month(), self.anchor_of(dct), dct))
            }
        }
    }

    /// "from 4 to 22 this month": value the first day, range all days.
    pub(super) fn day_span(
        &self,
        day: u32,
        day_end: u32,
        month: MonthRef,
        paragraph: usize,
    ) -> Resolved {
        let unknown = || Resolved::plain(format!("XXXX-XX-{day:02}"), TimexType::Date);
        let Some((year, m, anchor, dct)) = self.month_of(month, paragraph) else {
            return unknown();
        };
        let mut resolved = calendar_value(year, Some(m), Some(day), Some(day_end));
        if resolved.range.is_none() {
            return unknown();
        }
        resolved.anchor = anchor;
        resolved.used_dct = dct;
        resolved
    }
}

/// Years that year-less dates borrow from the next expression of a list or
/// range: "April and June 1955", "26 June - 4 August 1952", "July-November
/// 1954" (the borrowed year is one less when the month comes after the
/// lender's: "November - March 1945" → November 1944). Chains propagate
/// backwards ("April, May and June 1955").
pub(super) fn lent_years(text: &str, candidates: &[Candidate]) -> Vec<(usize, i32)> {
    let mut lent = Vec::new();
    let mut lender: Option<(usize, i32, u32)> = None;
    for candidate in candidates.iter().rev() {
        let month = calendar_month(&candidate.expr);
        let own_year = candidate.has_explicit_year();
        let borrowed = match (own_year, month, lender) {
            (None, Some(m), Some((lender_start, year, lender_month)))
                if is_list_connector(text.get(candidate.end..lender_start).unwrap_or("")) =>
            {
                Some(if m > lender_month { year - 1 } else { year })
            }
            _ => None,
        };
        if let Some(year) = borrowed {
            lent.push((candidate.start, year));
        }
        lender = match (own_year.or(borrowed), month) {
            (Some(year), Some(m)) => Some((candidate.start, year, m)),
            _ => None,
        };
    }
    lent.reverse();
    lent
}

fn calendar_month(expr: &Expr) -> Option<u32> {
    match expr {
        Expr::Calendar { month, .. } => *month,
        _ => None,
    }
}

fn is_list_connector(gap: &str) -> bool {
    matches!(
        gap.trim(),
        "and" | "or" | "to" | "-" | "–" | "—" | "until" | "till" | "through" | "," | ", and"
    )
}

fn year_string(year: i32) -> String {
    if year < 0 {
        format!("BC{:04}", -year)
    } else {
        format!("{year:04}")
    }
}

pub(super) fn decade_string(decade: i32) -> String {
    if decade < 0 {
        format!("BC{:03}", -decade)
    } else {
        format!("{decade:03}")
    }
}

pub(super) fn absolute(
    value: String,
    range: Option<(NaiveDate, NaiveDate)>,
    reference: Option<(NaiveDate, Grain)>,
) -> Resolved {
    Resolved {
        value,
        timex_type: TimexType::Date,
        range,
        anchor: TimeAnchor::Absolute,
        used_dct: false,
        reference,
    }
}

/// Value and range of a date of year, month or day precision.
pub(super) fn calendar_value(
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    day_end: Option<u32>,
) -> Resolved {
    let ys = year_string(year);
    let reference_year = NaiveDate::from_ymd_opt(year, 1, 1);
    match (month, day) {
        (Some(m), Some(d)) => {
            let value = format!("{ys}-{m:02}-{d:02}");
            let first = NaiveDate::from_ymd_opt(year, m, d);
            let last = day_end
                .and_then(|e| NaiveDate::from_ymd_opt(year, m, e))
                .or(first);
            let range = first.zip(last);
            absolute(value, range, first.map(|f| (f, Grain::Day)))
        }
        (Some(m), None) => {
            let range = month_start(year, m).zip(last_day_of_month(year, m));
            absolute(
                format!("{ys}-{m:02}"),
                range,
                month_start(year, m).map(|f| (f, Grain::Month)),
            )
        }
        _ => {
            let range = reference_year.zip(NaiveDate::from_ymd_opt(year, 12, 31));
            absolute(ys, range, reference_year.map(|f| (f, Grain::Year)))
        }
    }
}

pub(super) fn decade_range(first_digits: i32, span_years: i32) -> Option<(NaiveDate, NaiveDate)> {
    let first_year = first_digits * span_years;
    NaiveDate::from_ymd_opt(first_year, 1, 1).zip(NaiveDate::from_ymd_opt(
        first_year + span_years - 1,
        12,
        31,
    ))
}

pub(super) fn century_value(century: i32) -> Resolved {
    if century < 0 {
        return absolute(format!("BC{:02}", -century), None, None);
    }
    absolute(format!("{century:02}"), decade_range(century, 100), None)
}

/// First and last month of a season, quarter or half year.
fn season_months(code: &str) -> (u32, u32) {
    match code {
        "Q1" => (1, 3),
        "Q2" => (4, 6),
        "Q3" => (7, 9),
        "Q4" => (10, 12),
        "H1" => (1, 6),
        "H2" => (7, 12),
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        _ => (12, 2),
    }
}

/// The year a tensed sentence gives a year-less date in news: the latest
/// occurrence up to the publication date (at `publication`) for the past
/// tense, the first from it on for the future; `None` when the tense says
/// nothing. `occurrence` gives a year's first and last position of the
/// date (or rules the year out).
fn tensed_year(
    tense: Tense,
    publication: i64,
    occurrence: impl Fn(i32) -> Option<(i64, i64)>,
    publication_year: i32,
) -> Option<i32> {
    let years = [publication_year - 1, publication_year, publication_year + 1];
    let placed = years
        .iter()
        .filter_map(|&y| occurrence(y).map(|span| (y, span)));
    match tense {
        Tense::Past => placed
            .filter(|&(_, (first, _))| first <= publication)
            .map(|(y, _)| y)
            .max(),
        Tense::Future => placed
            .filter(|&(_, (_, last))| last >= publication)
            .map(|(y, _)| y)
            .min(),
        Tense::Unknown => None,
    }
}
