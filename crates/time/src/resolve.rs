//! Normalisation: turns candidates into TIMEX3 values, in text order,
//! keeping a narrative reference date.
//!
//! Anchoring rules:
//! * News mode (a DCT is known and the text does not read as history):
//!   deictic expressions ("yesterday", "on Wednesday", "last week", "three
//!   days ago", "this year") count from the DCT, except inside a paragraph
//!   that has mentioned an explicit earlier year ("In 2011 …"), where they
//!   count from that narrative date. Year-less dates ("28 December", "in
//!   May") use a reference date from the same paragraph if there is one,
//!   with the narrative's bias to the future but never past the DCT ("in
//!   October 2019 … in May" → 2020-05); else the DCT, choosing the nearest
//!   year with a bias to the past (a future candidate counts double
//!   distance).
//! * Narrative mode (no DCT, or a DCT far from every year mentioned, as in
//!   history articles): everything counts from the last mentioned date;
//!   year-less dates choose the nearest year with a bias to the future (a
//!   past candidate counts double distance, and ties go forward: stories
//!   move forward), so "in May" after "in October 2019" is 2020-05.
//! * Anaphoric expressions ("the next day", "five days later", "that year")
//!   always use the last mentioned date, falling back to the DCT. A finer
//!   earlier date inside the latest coarse one is preferred ("May 10, 1940
//!   … in 1940 … twelve days later" → May 22). Look-back expressions ("the
//!   previous year", "two years ago") do not move the reference.
//! * In news mode a year-only reference lends its year to a year-less date
//!   only from the same or the previous sentence (see `yearless_base`).
//! * A year-less date listed with a dated one takes its year: "in April
//!   and June 1955", "26 June - 4 August 1952" (see `lent_years`).
//! * Asides do not move the reference: a date after "since", "until",
//!   "prior to", "as early as", and a year in parentheses ("the Civil Code
//!   (1804)"). A season or quarter with its year written out does.
//! * A month after a year-only mention uses that year, unless the year
//!   looks back (is earlier than the last month mentioned in the paragraph).
//! * "a few days later", "several years ago": FUTURE_REF / PAST_REF.
//! * "June next year", "May last year" count the year from the deictic base;
//!   "the rest of the week" runs from the deictic base to the week's end.
//! * Mode detection is automatic (see `is_news`).
//! * Without a DCT to count from, "today" is PRESENT_REF.
//! * Weekdays: news reports are past-oriented, so "on Wednesday" is the last
//!   Wednesday on or before the base date (the base date itself when it is a
//!   Wednesday), unless "will"/"next"/"scheduled"/"due" appears earlier in the
//!   sentence, in which case it is the next one strictly after it. In
//!   narrative mode it is the first such weekday on or after the reference.
//! * "former", "future", "recent", "current" are references (PAST_REF,
//!   FUTURE_REF, PAST_REF, PRESENT_REF) in narrative mode only: history
//!   annotation marks them, news annotation does not.
//! * A bare day of the month ("the 15th", "on 15") in news is the latest
//!   such day on or before the reference unless the sentence has a future
//!   cue (as for weekdays); narrative mode takes the nearest, future-biased.
//! * "the weekend" in news is the current weekend on a Saturday or Sunday,
//!   else the last one (the next one after a future cue).
//! * "the first Friday of July": the month is resolved like "July", then
//!   the nth weekday is counted in it ("the last" counts back from its end);
//!   a fifth weekday the month lacks stays unknown ("XXXX-07-WXX-5-#5").
//! * Weeks: "the third week of 2027" is ISO week 3; "the second week of
//!   May" counts weeks (Monday–Sunday) from the one holding May's first
//!   Thursday, as ISO does for years; "the week of November 30th" is the
//!   ISO week holding that day. The value is the ISO week ("2027-W03").
//! * "1 month 21 days ago", "three weeks from tomorrow": whole months are
//!   added first (keeping the day of the month), then days, from the base
//!   day (the DCT for "ago"/"from now"/"today", the last date for "later").
//! * A set with a clock time ("9am on Mondays", "3pm every day") keeps its
//!   day part and takes the time: XXXX-WXX-1T09:00, XXXX-XX-XXT15:00.
//! * A year-less "29 February" with no leap year next to the reference takes
//!   the nearest earlier leap year.
//! * Unanchorable values keep unknown parts as X ("XXXX-01-05") and have no
//!   start/end.
//!
//! start/end (inclusive days): a day → itself; a day range → its days; a
//! week → Monday..Sunday; a month → first..last day; a quarter; a year; a
//! season (SP Mar–May, SU Jun–Aug, FA Sep–Nov, WI Dec–Feb of the next year);
//! a decade; a century (…00–…99). "early"/"mid"/"late" narrow the range to
//! its first, middle or last third and mark the timex approximate, keeping
//! the value ("early January 2022" → value 2022-01, days 1–10).

use crate::expr::{Base, Candidate, Expr, MonthRef, Named, PointMod, WeekScope, YearSpec};
use crate::lexicon::Unit;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use corroborate_model::{Span, TimeAnchor, Timex, TimexType};

/// Precision of a resolved date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Grain {
    Year,
    Month,
    Day,
}

/// A date the narrative has reached.
#[derive(Debug, Clone, Copy)]
struct Reference {
    date: NaiveDate,
    grain: Grain,
    paragraph: usize,
    /// Byte offset where the mention ends.
    offset: usize,
    from_dct: bool,
}

/// The outcome of resolving one candidate.
struct Resolved {
    value: String,
    timex_type: TimexType,
    range: Option<(NaiveDate, NaiveDate)>,
    anchor: TimeAnchor,
    used_dct: bool,
    /// A new reference date for later expressions.
    reference: Option<(NaiveDate, Grain)>,
}

impl Resolved {
    fn plain(value: impl Into<String>, timex_type: TimexType) -> Self {
        Resolved {
            value: value.into(),
            timex_type,
            range: None,
            anchor: TimeAnchor::Unanchored,
            used_dct: false,
            reference: None,
        }
    }
}

pub(crate) struct Resolver<'t> {
    text: &'t str,
    dct: Option<NaiveDate>,
    dct_inferred: bool,
    news: bool,
    reference: Option<Reference>,
    day_reference: Option<Reference>,
    month_reference: Option<Reference>,
    /// Paragraph in which an explicit year before the DCT's was mentioned.
    background_paragraph: Option<usize>,
    paragraph_starts: Vec<usize>,
    /// Years lent by a following dated expression in a list or range
    /// ("in April and June 1955"), by candidate start.
    lent_years: Vec<(usize, i32)>,
    /// Start of the candidate being resolved.
    current_start: usize,
}

impl<'t> Resolver<'t> {
    pub(crate) fn new(
        text: &'t str,
        dct: Option<NaiveDate>,
        dct_inferred: bool,
        candidates: &[Candidate],
    ) -> Self {
        let paragraph_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Resolver {
            text,
            dct,
            dct_inferred,
            news: is_news(dct, candidates),
            reference: None,
            day_reference: None,
            month_reference: None,
            background_paragraph: None,
            paragraph_starts,
            lent_years: lent_years(text, candidates),
            current_start: 0,
        }
    }

    fn paragraph(&self, offset: usize) -> usize {
        self.paragraph_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    pub(crate) fn resolve(&mut self, candidate: &Candidate) -> Option<Timex> {
        let paragraph = self.paragraph(candidate.start);
        self.current_start = candidate.start;
        if let Some(year) = candidate.has_explicit_year() {
            self.note_explicit_year(year, paragraph);
        }
        let mut resolved = self.resolve_expr(candidate, paragraph)?;
        if candidate.whole_week {
            whole_week(&mut resolved);
        }
        self.apply_time_of_day(candidate, &mut resolved);
        if let (Some(pm), Some((start, end))) = (candidate.point_mod, resolved.range) {
            resolved.range = Some(match (pm, candidate.edge_days) {
                (PointMod::Rest, _) => self.rest_of(start, end, paragraph),
                (_, Some(days)) => edge(start, end, pm, days),
                (_, None) => narrow(start, end, pm),
            });
        }
        let looks_back = matches!(
            candidate.expr,
            Expr::UnitShift { offset: ..=-1, .. }
                | Expr::NamedShift { offset: ..=-1, .. }
                | Expr::CountShift { sign: ..=-1, .. }
                | Expr::Offset { days: ..=-1, .. }
                | Expr::Offset { months: ..=-1, .. }
        );
        let aside = self.is_aside(candidate);
        if let Some((date, grain)) = resolved.reference.filter(|_| !looks_back && !aside) {
            let reference = Reference {
                date,
                grain,
                paragraph,
                offset: candidate.end,
                // A date with its own year starts a fresh chain; relative
                // dates inherit whether their chain counts from the DCT.
                from_dct: resolved.used_dct
                    || (resolved.anchor != TimeAnchor::Absolute && self.reference_from_dct()),
            };
            self.reference = Some(reference);
            if grain == Grain::Day {
                self.day_reference = Some(reference);
            }
            if grain >= Grain::Month {
                self.month_reference = Some(reference);
            }
        }
        let text = self.text.get(candidate.start..candidate.end)?.to_string();
        Some(Timex {
            span: Span::new(candidate.start, candidate.end),
            text,
            timex_type: resolved.timex_type,
            value: resolved.value,
            start: resolved.range.map(|r| r.0),
            end: resolved.range.map(|r| r.1),
            approximate: candidate.approximate,
            anchor: resolved.anchor,
            inferred: self.dct_inferred && resolved.used_dct,
        })
    }

    /// A date introduced by "since", "until", "prior to", … bounds a state
    /// rather than moving the story, and a year in parentheses labels a
    /// thing ("the Civil Code (1804)"): neither becomes the reference.
    fn is_aside(&self, candidate: &Candidate) -> bool {
        let before = text_before(self.text, candidate.start, 16).to_ascii_lowercase();
        let before = before.trim_end();
        let cue = ASIDE_CUES.iter().any(|cue| {
            before
                .strip_suffix(cue)
                .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
        });
        let year_only = matches!(
            candidate.expr,
            Expr::Calendar {
                month: None,
                year: Some(_),
                ..
            }
        );
        let after = self.text.get(candidate.end..).unwrap_or("");
        let parenthesized = before.ends_with('(') && after.starts_with(')');
        cue || (year_only && parenthesized)
    }

    /// "the rest of the month": from the deictic base date (when it lies
    /// inside the period) to the period's end.
    fn rest_of(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        paragraph: usize,
    ) -> (NaiveDate, NaiveDate) {
        let from = self
            .deictic_base(paragraph)
            .map(|(r, _)| r.date)
            .filter(|d| (start..=end).contains(d))
            .unwrap_or(start);
        (from, end)
    }

    fn reference_from_dct(&self) -> bool {
        self.reference.is_some_and(|r| r.from_dct)
    }

    fn note_explicit_year(&mut self, year: i32, paragraph: usize) {
        let Some(dct) = self.dct else {
            return;
        };
        if year < dct.year() {
            self.background_paragraph = Some(paragraph);
        } else if self.background_paragraph == Some(paragraph) {
            self.background_paragraph = None;
        }
    }

    fn resolve_expr(&mut self, candidate: &Candidate, paragraph: usize) -> Option<Resolved> {
        let resolved = match &candidate.expr {
            Expr::Calendar {
                year,
                month,
                day,
                day_end,
            } => self.calendar(*year, *month, *day, *day_end, paragraph),
            Expr::Decade(decade) => {
                absolute(decade_string(*decade), decade_range(*decade, 10), None)
            }
            Expr::Century(century) => century_value(*century),
            Expr::Season { year, code } | Expr::YearPart { year, code } => {
                self.season(*year, code, paragraph)
            }
            Expr::Weekday(day) => self.weekday(*day, candidate.start, paragraph),
            Expr::DayOfMonth { day, month_offset } => {
                self.day_of_month(*day, *month_offset, paragraph)
            }
            Expr::WeekdayOfWeek { day, week_offset } => {
                self.weekday_of_week(*day, *week_offset, paragraph)
            }
            Expr::DayShift { days, base } => self.day_shift(*days, *base, paragraph),
            Expr::UnitShift { unit, offset, base } => {
                self.unit_shift(*unit, *offset, *base, paragraph)
            }
            Expr::NamedShift { name, offset } => self.named_shift(*name, *offset, paragraph),
            Expr::CountShift {
                count,
                unit,
                sign,
                base,
            } => self.count_shift(*count, *unit, *sign, *base, paragraph),
            Expr::NthWeekday { n, day, month } => self.nth_weekday(*n, *day, *month, paragraph),
            Expr::NthWeek { n, scope } => self.nth_week(*n, *scope, paragraph),
            Expr::RecentWeekend => self.recent_weekend(candidate.start, paragraph),
            Expr::DaySpan {
                day,
                day_end,
                month,
            } => self.day_span(*day, *day_end, *month, paragraph),
            Expr::WeekdaySpan {
                first,
                last,
                week_offset,
            } => self.weekday_span(*first, *last, *week_offset, paragraph),
            Expr::Offset { months, days, base } => self.offset(*months, *days, *base, paragraph),
            Expr::Reference(value) => Resolved::plain(*value, TimexType::Date),
            Expr::NarrativeReference(_) if self.news => return None,
            Expr::NarrativeReference(value) => Resolved::plain(*value, TimexType::Date),
            Expr::Duration(value) => self.duration(value, candidate, paragraph),
            Expr::Set(value) => Resolved::plain(value.clone(), TimexType::Set),
            Expr::Clock => self.day_shift(0, Base::Anaphoric, paragraph),
        };
        Some(resolved)
    }

    /// The date deictic expressions count from, and whether it is the DCT.
    fn deictic_base(&self, paragraph: usize) -> Option<(Reference, bool)> {
        let background = self.background_paragraph == Some(paragraph);
        if self.news && !background {
            if let Some(dct) = self.dct {
                return Some((dct_reference(dct), true));
            }
        }
        self.anaphoric_base(Grain::Day)
            .or_else(|| self.dct.map(|d| (dct_reference(d), true)))
    }

    /// The last mentioned date of at least `grain` precision (falling back
    /// to coarser ones, then to the DCT).
    /// A finer earlier reference is preferred when it lies within the latest
    /// (coarser) one: "May 10, 1940 … in 1940 … twelve days later".
    fn anaphoric_base(&self, grain: Grain) -> Option<(Reference, bool)> {
        let finer = match grain {
            Grain::Day => self.day_reference,
            Grain::Month => self.month_reference,
            Grain::Year => None,
        };
        let chosen = match (self.reference, finer) {
            (Some(latest), _) if latest.grain >= grain => Some(latest),
            (Some(latest), Some(fine)) if within(fine.date, latest) => Some(fine),
            (latest, _) => latest,
        };
        chosen
            .map(|r| (r, r.from_dct))
            .or_else(|| self.dct.map(|d| (dct_reference(d), true)))
    }

    fn base_for(&self, base: Base, grain: Grain, paragraph: usize) -> Option<(Reference, bool)> {
        match base {
            Base::Deictic => self.deictic_base(paragraph),
            Base::Anaphoric => self.anaphoric_base(grain),
        }
    }

    fn anchor_of(&self, used_dct: bool) -> TimeAnchor {
        if used_dct {
            TimeAnchor::Publication
        } else {
            TimeAnchor::Narrative
        }
    }

    fn calendar(
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

    fn season(&self, year: Option<YearSpec>, code: &'static str, paragraph: usize) -> Resolved {
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
        let range = month_start(y, first).zip(month_end(end_year, last));
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

    fn weekday(&self, day: Weekday, start: usize, paragraph: usize) -> Resolved {
        let Some((base, dct)) = self.deictic_base(paragraph) else {
            return Resolved::plain(
                format!("XXXX-WXX-{}", day.number_from_monday()),
                TimexType::Date,
            );
        };
        let date = if self.news && dct {
            if self.future_cue_before(start) {
                next_weekday_after(base.date, day)
            } else {
                last_weekday_on_or_before(base.date, day)
            }
        } else {
            let on_or_after = base
                .date
                .checked_sub_days(Days::new(1))
                .unwrap_or(base.date);
            next_weekday_after(on_or_after, day)
        };
        day_result(date, self.anchor_of(dct), dct)
    }

    /// "the 27th": the nearest such day to the reference (past-biased in
    /// news, future-biased in narrative); "the 20th of next month": that
    /// day of the shifted month of the deictic base.
    fn day_of_month(&self, day: u32, month_offset: Option<i64>, paragraph: usize) -> Resolved {
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

    /// "Friday next week": the weekday inside the week shifted from the
    /// deictic base.
    fn weekday_of_week(&self, day: Weekday, week_offset: i64, paragraph: usize) -> Resolved {
        let Some((reference, dct)) = self.deictic_base(paragraph) else {
            return Resolved::plain(
                format!("XXXX-WXX-{}", day.number_from_monday()),
                TimexType::Date,
            );
        };
        if reference.grain != Grain::Day {
            return self.coarse(reference, dct);
        }
        let date = same_week_weekday(shift_days(reference.date, week_offset * 7), day);
        day_result(date, self.anchor_of(dct), dct)
    }

    /// A duration keeps its ISO value; "the next 3 days" / "the past 3
    /// weeks" also get the days they cover, counted from the deictic base
    /// (next: the day after the base to base + duration; past: base −
    /// duration to the base).
    fn duration(&self, value: &str, candidate: &Candidate, paragraph: usize) -> Resolved {
        let mut resolved = Resolved::plain(value, TimexType::Duration);
        let (Some(direction), Some((count, unit))) = (candidate.direction, candidate.measure)
        else {
            return resolved;
        };
        let Some((reference, dct)) = self
            .deictic_base(paragraph)
            .filter(|(r, _)| r.grain == Grain::Day)
        else {
            return resolved;
        };
        let Some(far_end) = shift_by_units(reference.date, unit, count, direction) else {
            return resolved;
        };
        resolved.range = Some(if direction > 0 {
            (shift_days(reference.date, 1), far_end)
        } else {
            (far_end, reference.date)
        });
        resolved.anchor = self.anchor_of(dct);
        resolved.used_dct = dct;
        resolved
    }

    /// Year and month of "… of July", "… of next month", with the anchor.
    fn month_of(&self, month: MonthRef, paragraph: usize) -> Option<(i32, u32, TimeAnchor, bool)> {
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

    /// "the first Friday of July": the `n`th such weekday of the month
    /// (−1: the last); unknown when the month has no such day.
    fn nth_weekday(&self, n: i64, day: Weekday, month: MonthRef, paragraph: usize) -> Resolved {
        let unknown = || {
            let m = match month {
                MonthRef::Named(m, _) => format!("{m:02}"),
                MonthRef::Shift(_) => "XX".into(),
            };
            Resolved::plain(
                format!("XXXX-{m}-WXX-{}-#{n}", day.number_from_monday()),
                TimexType::Date,
            )
        };
        let Some((year, m, anchor, dct)) = self.month_of(month, paragraph) else {
            return unknown();
        };
        let (Some(first), Some(last)) = (month_start(year, m), month_end(year, m)) else {
            return unknown();
        };
        let date = if n < 0 {
            last_weekday_on_or_before(last, day)
        } else {
            let first_match = last_weekday_on_or_before(shift_days(first, 6), day);
            shift_days(first_match, 7 * (n - 1))
        };
        if date.month() != m {
            return unknown();
        }
        day_result(date, anchor, dct)
    }

    /// "the third week of 2027" (ISO week 3), "the second week of May"
    /// (week 1 holds the month's first Thursday).
    fn nth_week(&self, n: i64, scope: WeekScope, paragraph: usize) -> Resolved {
        let unknown = || Resolved::plain("XXXX-WXX", TimexType::Date);
        let (monday, anchor, dct) = match scope {
            WeekScope::Year(year) => {
                let found = match year {
                    YearSpec::Explicit(y) => Some((y, TimeAnchor::Absolute, false)),
                    YearSpec::Deictic(offset) => self
                        .deictic_base(paragraph)
                        .map(|(r, dct)| (r.date.year() + offset, self.anchor_of(dct), dct)),
                    YearSpec::Anaphoric(offset) => self
                        .anaphoric_base(Grain::Year)
                        .map(|(r, dct)| (r.date.year() + offset, self.anchor_of(dct), dct)),
                };
                let Some((y, anchor, dct)) = found else {
                    return unknown();
                };
                let week = u32::try_from(n).unwrap_or(0);
                let Some(monday) = NaiveDate::from_isoywd_opt(y, week, Weekday::Mon) else {
                    return unknown();
                };
                (monday, anchor, dct)
            }
            WeekScope::Month(month) => {
                let Some((y, m, anchor, dct)) = self.month_of(month, paragraph) else {
                    return unknown();
                };
                let Some(first) = month_start(y, m) else {
                    return unknown();
                };
                let first_thursday = last_weekday_on_or_before(shift_days(first, 6), Weekday::Thu);
                let monday = shift_days(first_thursday, -3 + 7 * (n - 1));
                (monday, anchor, dct)
            }
        };
        let mut resolved = week_of(monday);
        resolved.anchor = anchor;
        resolved.used_dct = dct;
        resolved
    }

    /// "the weekend": this weekend on a Saturday or Sunday; else the last
    /// one, or the next one after a future cue ("will … the weekend").
    fn recent_weekend(&self, start: usize, paragraph: usize) -> Resolved {
        let Some((reference, dct)) = self.deictic_base(paragraph) else {
            return Resolved::plain("XXXX-WXX-WE", TimexType::Date);
        };
        let on_weekend = matches!(reference.date.weekday(), Weekday::Sat | Weekday::Sun);
        let offset = if on_weekend || self.future_cue_before(start) {
            0
        } else {
            -1
        };
        let mut resolved = unit_value(reference.date, Unit::Weekend, offset);
        resolved.anchor = self.anchor_of(dct);
        resolved.used_dct = dct;
        resolved
    }

    /// "from 4 to 22 this month": value the first day, range all days.
    fn day_span(&self, day: u32, day_end: u32, month: MonthRef, paragraph: usize) -> Resolved {
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

    /// "next week between Wednesday and Friday".
    fn weekday_span(
        &self,
        first: Weekday,
        last: Weekday,
        week_offset: i64,
        paragraph: usize,
    ) -> Resolved {
        let Some((reference, dct)) = self.deictic_base(paragraph) else {
            return Resolved::plain(
                format!("XXXX-WXX-{}", first.number_from_monday()),
                TimexType::Date,
            );
        };
        let week_day = shift_days(reference.date, week_offset * 7);
        let (from, to) = (
            same_week_weekday(week_day, first),
            same_week_weekday(week_day, last),
        );
        let mut resolved = day_result(from, self.anchor_of(dct), dct);
        resolved.range = Some((from, to.max(from)));
        resolved
    }

    /// "1 month 21 days ago": months, then days, from the base day.
    fn offset(&self, months: i64, days: i64, base: Base, paragraph: usize) -> Resolved {
        let Some((reference, dct)) = self.base_for(base, Grain::Day, paragraph) else {
            return Resolved::plain("XXXX-XX-XX", TimexType::Date);
        };
        if reference.grain != Grain::Day {
            return self.coarse(reference, dct);
        }
        let Some(date) = add_months_keeping_day(reference.date, months) else {
            return Resolved::plain("XXXX-XX-XX", TimexType::Date);
        };
        day_result(shift_days(date, days), self.anchor_of(dct), dct)
    }

    /// "will", "next", "scheduled", "due" earlier in the same sentence.
    fn future_cue_before(&self, start: usize) -> bool {
        let before = self.text.get(..start).unwrap_or("");
        let sentence_start = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
        let sentence = before
            .get(sentence_start..)
            .unwrap_or("")
            .to_ascii_lowercase();
        sentence
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| {
                matches!(
                    w,
                    "will" | "next" | "scheduled" | "due" | "planned" | "until" | "'ll"
                )
            })
    }

    fn day_shift(&self, days: i64, base: Base, paragraph: usize) -> Resolved {
        // Without a publication date to count from, "today" means the present.
        let no_dct_base = !self.news || self.dct.is_none();
        if base == Base::Deictic
            && days == 0
            && no_dct_base
            && self.background_paragraph != Some(paragraph)
        {
            return Resolved::plain("PRESENT_REF", TimexType::Date);
        }
        let Some((reference, dct)) = self.base_for(base, Grain::Day, paragraph) else {
            return Resolved::plain("XXXX-XX-XX", TimexType::Date);
        };
        if reference.grain != Grain::Day {
            return self.coarse(reference, dct);
        }
        let date = shift_days(reference.date, days);
        day_result(date, self.anchor_of(dct), dct)
    }

    /// "that day" after "in May 1940": only the coarser date is known.
    fn coarse(&self, reference: Reference, dct: bool) -> Resolved {
        let month = (reference.grain == Grain::Month).then(|| reference.date.month());
        let mut resolved = calendar_value(reference.date.year(), month, None, None);
        resolved.anchor = self.anchor_of(dct);
        resolved.used_dct = dct;
        resolved.reference = None;
        resolved
    }

    fn unit_shift(&self, unit: Unit, offset: i64, base: Base, paragraph: usize) -> Resolved {
        let grain = match unit {
            Unit::Week | Unit::Weekend | Unit::Fortnight | Unit::Day => Grain::Day,
            Unit::Month | Unit::Quarter => Grain::Month,
            _ => Grain::Year,
        };
        let Some((reference, dct)) = self.base_for(base, grain, paragraph) else {
            return Resolved::plain(unknown_unit_value(unit), TimexType::Date);
        };
        let mut resolved = unit_value(reference.date, unit, offset);
        resolved.anchor = self.anchor_of(dct);
        resolved.used_dct = dct;
        resolved
    }

    fn named_shift(&self, name: Named, offset: i64, paragraph: usize) -> Resolved {
        let Some((reference, dct)) = self.deictic_base(paragraph) else {
            let value = match name {
                Named::Weekday(d) => format!("XXXX-WXX-{}", d.number_from_monday()),
                Named::Month(m) => format!("XXXX-{m:02}"),
                Named::Season(code) => format!("XXXX-{code}"),
            };
            return Resolved::plain(value, TimexType::Date);
        };
        let base = reference.date;
        let mut resolved = match name {
            Named::Weekday(day) => {
                let date = match offset {
                    -1 => last_weekday_on_or_before(shift_days(base, -1), day),
                    1 => next_weekday_after(base, day),
                    _ => same_week_weekday(base, day),
                };
                day_result(date, TimeAnchor::Unanchored, false)
            }
            Named::Month(month) => {
                let year = match offset {
                    -1 if month < base.month() => base.year(),
                    -1 => base.year() - 1,
                    1 if month > base.month() => base.year(),
                    1 => base.year() + 1,
                    _ => base.year(),
                };
                calendar_value(year, Some(month), None, None)
            }
            Named::Season(code) => {
                let y = base.year() + offset as i32;
                let mut season = self.season(Some(YearSpec::Explicit(y)), code, paragraph);
                season.reference = None;
                season
            }
        };
        resolved.anchor = self.anchor_of(dct);
        resolved.used_dct = dct;
        resolved
    }

    fn count_shift(
        &self,
        count: Option<f64>,
        unit: Unit,
        sign: i64,
        base: Base,
        paragraph: usize,
    ) -> Resolved {
        // "a few days later", "several years ago": only the direction is known.
        if count.is_none() {
            let value = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return Resolved::plain(value, TimexType::Date);
        }
        let grain = unit_grain(unit);
        let found = self.base_for(base, grain, paragraph);
        let (Some(count), Some((reference, dct))) = (count, found) else {
            return Resolved::plain(unknown_unit_value(unit), TimexType::Date);
        };
        if count.fract() != 0.0 {
            return Resolved::plain(unknown_unit_value(unit), TimexType::Date);
        }
        if reference.grain < grain {
            return self.coarse(reference, dct);
        }
        let n = count as i64 * sign;
        let mut resolved = match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
                let days = if unit == Unit::Day { n } else { 0 };
                day_result(
                    shift_days(reference.date, days),
                    TimeAnchor::Unanchored,
                    false,
                )
            }
            Unit::Fortnight => unit_value(reference.date, Unit::Week, n * 2),
            _ => unit_value(reference.date, unit, n),
        };
        resolved.anchor = self.anchor_of(dct);
        resolved.used_dct = dct;
        resolved
    }

    /// Adds a part of day or clock time to a day-precision value; the
    /// timex becomes a TIME.
    fn apply_time_of_day(&self, candidate: &Candidate, resolved: &mut Resolved) {
        let suffix = if let Some((h, m, second)) = candidate.clock {
            match second {
                Some(sec) => format!("T{h:02}:{m:02}:{sec:02}"),
                None => format!("T{h:02}:{m:02}"),
            }
        } else if let Some(part) = candidate.part_of_day {
            format!("T{part}")
        } else {
            return;
        };
        if resolved.timex_type == TimexType::Set && candidate.clock.is_some() {
            // "3pm every day" → XXXX-XX-XXT15:00, "9am on Mondays" → XXXX-WXX-1T09:00.
            let day = if resolved.value.starts_with("XXXX-WXX-") {
                resolved
                    .value
                    .split('T')
                    .next()
                    .unwrap_or("XXXX-XX-XX")
                    .to_string()
            } else {
                "XXXX-XX-XX".to_string()
            };
            resolved.value = format!("{day}{suffix}");
            return;
        }
        if matches!(resolved.timex_type, TimexType::Duration | TimexType::Set) {
            return;
        }
        let is_day = resolved.value.len() == 10 && resolved.value.as_bytes().get(4) == Some(&b'-');
        let is_week_day = resolved.value.starts_with("XXXX-WXX");
        if is_day || is_week_day || resolved.value == "XXXX-XX-XX" {
            resolved.value.push_str(&suffix);
        } else if candidate.expr == Expr::Clock {
            resolved.value = format!("XXXX-XX-XX{suffix}");
            resolved.range = None;
        }
        resolved.timex_type = TimexType::Time;
    }
}

/// News mode needs a DCT. A text is history writing (narrative mode)
/// whatever its DCT when either
/// * its latest explicit year is five or more years before the DCT and it
///   has at most one news marker (a weekday, "yesterday", "last week", …), or
/// * it names at least 20 explicit years with a median two or more years
///   before the DCT.
///
/// News analysis with background years stays in news mode: it names recent
/// years, few years, or uses news markers.
fn is_news(dct: Option<NaiveDate>, candidates: &[Candidate]) -> bool {
    let Some(dct) = dct else {
        return false;
    };
    let mut years: Vec<i32> = candidates
        .iter()
        .filter_map(Candidate::has_explicit_year)
        .collect();
    let Some(&latest) = years.iter().max() else {
        return true;
    };
    let markers = candidates
        .iter()
        .filter(|c| is_news_marker(&c.expr))
        .count();
    if latest <= dct.year() - 5 && markers <= 1 {
        return false;
    }
    if years.len() < 20 {
        return true;
    }
    years.sort_unstable();
    let median = years.get(years.len() / 2).copied().unwrap_or(dct.year());
    median > dct.year() - 2
}

fn is_news_marker(expr: &Expr) -> bool {
    match expr {
        Expr::Weekday(_) => true,
        Expr::DayShift { days, base } => *base == Base::Deictic && *days != 0,
        Expr::UnitShift { base, .. } => *base == Base::Deictic,
        _ => false,
    }
}

/// Years that year-less dates borrow from the next expression of a list or
/// range: "April and June 1955", "26 June - 4 August 1952", "July-November
/// 1954" (the borrowed year is one less when the month comes after the
/// lender's: "November - March 1945" → November 1944). Chains propagate
/// backwards ("April, May and June 1955").
fn lent_years(text: &str, candidates: &[Candidate]) -> Vec<(usize, i32)> {
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

/// Up to `max_bytes` of `text` before `end`, cut at a char boundary.
fn text_before(text: &str, end: usize, max_bytes: usize) -> &str {
    let mut start = end.saturating_sub(max_bytes);
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..end).unwrap_or("")
}

/// Words before a date that make it an aside (see `Resolver::is_aside`).
const ASIDE_CUES: &[&str] = &["since", "until", "till", "prior to", "as early as"];

/// Number of sentence ends (". X", "! X", "? X") in `text`.
fn sentence_ends(text: &str) -> usize {
    let bytes = text.as_bytes();
    bytes
        .windows(3)
        .filter(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ' && w[2].is_ascii_uppercase())
        .count()
}

fn within(date: NaiveDate, reference: Reference) -> bool {
    let same_year = date.year() == reference.date.year();
    match reference.grain {
        Grain::Year => same_year,
        Grain::Month | Grain::Day => same_year && date.month() == reference.date.month(),
    }
}

fn dct_reference(dct: NaiveDate) -> Reference {
    Reference {
        date: dct,
        grain: Grain::Day,
        paragraph: usize::MAX,
        offset: 0,
        from_dct: true,
    }
}

fn unit_grain(unit: Unit) -> Grain {
    match unit {
        Unit::Second
        | Unit::Minute
        | Unit::Hour
        | Unit::Day
        | Unit::Week
        | Unit::Weekend
        | Unit::Fortnight => Grain::Day,
        Unit::Month | Unit::Quarter => Grain::Month,
        _ => Grain::Year,
    }
}

fn year_string(year: i32) -> String {
    if year < 0 {
        format!("BC{:04}", -year)
    } else {
        format!("{year:04}")
    }
}

fn decade_string(decade: i32) -> String {
    if decade < 0 {
        format!("BC{:03}", -decade)
    } else {
        format!("{decade:03}")
    }
}

fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    month_start(year, month)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

fn shift_days(date: NaiveDate, days: i64) -> NaiveDate {
    let magnitude = Days::new(days.unsigned_abs());
    let shifted = if days >= 0 {
        date.checked_add_days(magnitude)
    } else {
        date.checked_sub_days(magnitude)
    };
    shifted.unwrap_or(date)
}

fn shift_months(date: NaiveDate, months: i64) -> NaiveDate {
    let magnitude = Months::new(u32::try_from(months.unsigned_abs()).unwrap_or(0));
    let first = date.with_day(1).unwrap_or(date);
    let shifted = if months >= 0 {
        first.checked_add_months(magnitude)
    } else {
        first.checked_sub_months(magnitude)
    };
    shifted.unwrap_or(first)
}

fn day_result(date: NaiveDate, anchor: TimeAnchor, used_dct: bool) -> Resolved {
    Resolved {
        value: date.format("%Y-%m-%d").to_string(),
        timex_type: TimexType::Date,
        range: Some((date, date)),
        anchor,
        used_dct,
        reference: Some((date, Grain::Day)),
    }
}

fn absolute(
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
fn calendar_value(
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
            let range = month_start(year, m).zip(month_end(year, m));
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

/// The ISO week starting on `monday`.
fn week_of(monday: NaiveDate) -> Resolved {
    let week = monday.iso_week();
    absolute(
        format!("{:04}-W{:02}", week.year(), week.week()),
        Some((monday, shift_days(monday, 6))),
        None,
    )
}

/// "the week of November 30th": a day becomes its Monday–Sunday week.
fn whole_week(resolved: &mut Resolved) {
    let Some((start, end)) = resolved.range.filter(|(s, e)| s == e) else {
        return;
    };
    let _ = end;
    let week = week_of(last_weekday_on_or_before(start, Weekday::Mon));
    resolved.value = week.value;
    resolved.range = week.range;
    resolved.reference = None;
}

fn decade_range(first_digits: i32, span_years: i32) -> Option<(NaiveDate, NaiveDate)> {
    let first_year = first_digits * span_years;
    NaiveDate::from_ymd_opt(first_year, 1, 1).zip(NaiveDate::from_ymd_opt(
        first_year + span_years - 1,
        12,
        31,
    ))
}

fn century_value(century: i32) -> Resolved {
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

fn last_weekday_on_or_before(date: NaiveDate, day: Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    shift_days(date, -i64::from(back))
}

fn next_weekday_after(date: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    let ahead = if ahead == 0 { 7 } else { ahead };
    shift_days(date, i64::from(ahead))
}

fn same_week_weekday(date: NaiveDate, day: Weekday) -> NaiveDate {
    let delta =
        i64::from(day.num_days_from_monday()) - i64::from(date.weekday().num_days_from_monday());
    shift_days(date, delta)
}

fn unknown_unit_value(unit: Unit) -> String {
    match unit {
        Unit::Week | Unit::Fortnight => "XXXX-WXX".into(),
        Unit::Weekend => "XXXX-WXX-WE".into(),
        Unit::Month => "XXXX-XX".into(),
        Unit::Quarter => "XXXX-QX".into(),
        Unit::Year => "XXXX".into(),
        Unit::Decade => "XXX".into(),
        Unit::Century | Unit::Millennium => "XX".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

/// The `unit` containing `date`, shifted by `offset` units.
fn unit_value(date: NaiveDate, unit: Unit, offset: i64) -> Resolved {
    match unit {
        Unit::Week | Unit::Weekend | Unit::Fortnight => {
            let shifted = shift_days(date, offset * 7);
            let monday = last_weekday_on_or_before(shifted, Weekday::Mon);
            let week = shifted.iso_week();
            let value = format!("{:04}-W{:02}", week.year(), week.week());
            if unit == Unit::Weekend {
                let saturday = shift_days(monday, 5);
                return absolute(
                    format!("{value}-WE"),
                    Some((saturday, shift_days(monday, 6))),
                    None,
                );
            }
            absolute(value, Some((monday, shift_days(monday, 6))), None)
        }
        Unit::Month => {
            let shifted = shift_months(date, offset);
            calendar_value(shifted.year(), Some(shifted.month()), None, None)
        }
        Unit::Quarter => {
            let shifted = shift_months(date, offset * 3);
            let quarter = (shifted.month() - 1) / 3;
            let first = month_start(shifted.year(), quarter * 3 + 1);
            let last = month_end(shifted.year(), quarter * 3 + 3);
            absolute(
                format!("{:04}-Q{}", shifted.year(), quarter + 1),
                first.zip(last),
                None,
            )
        }
        Unit::Decade => {
            let decade = date.year() / 10 + offset as i32;
            absolute(decade_string(decade), decade_range(decade, 10), None)
        }
        Unit::Century | Unit::Millennium => century_value(date.year() / 100 + offset as i32),
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            day_result(shift_days(date, offset), TimeAnchor::Absolute, false)
        }
        Unit::Year => calendar_value(date.year() + offset as i32, None, None, None),
    }
}

/// `date` moved by `count` whole units in `direction`; None for fractional
/// counts or sub-day units.
fn shift_by_units(date: NaiveDate, unit: Unit, count: f64, direction: i64) -> Option<NaiveDate> {
    if count.fract() != 0.0 || count > 10_000.0 {
        return None;
    }
    let n = count as i64 * direction.signum();
    match unit {
        Unit::Day => Some(shift_days(date, n)),
        Unit::Week => Some(shift_days(date, 7 * n)),
        Unit::Fortnight => Some(shift_days(date, 14 * n)),
        Unit::Month => add_months_keeping_day(date, n),
        Unit::Quarter => add_months_keeping_day(date, 3 * n),
        Unit::Year => add_months_keeping_day(date, 12 * n),
        Unit::Decade => add_months_keeping_day(date, 120 * n),
        _ => None,
    }
}

fn add_months_keeping_day(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let magnitude = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    if months >= 0 {
        date.checked_add_months(magnitude)
    } else {
        date.checked_sub_months(magnitude)
    }
}

/// The first or last `days` days of a range ("the first week of 2022").
fn edge(start: NaiveDate, end: NaiveDate, pm: PointMod, days: i64) -> (NaiveDate, NaiveDate) {
    if (end - start).num_days() < days {
        return (start, end);
    }
    match pm {
        PointMod::End => (shift_days(end, 1 - days), end),
        PointMod::Rest => (start, end),
        _ => (start, shift_days(start, days - 1)),
    }
}

/// First, middle or last third of a range ("early", "mid", "late").
fn narrow(start: NaiveDate, end: NaiveDate, pm: PointMod) -> (NaiveDate, NaiveDate) {
    let days = (end - start).num_days() + 1;
    if days < 3 {
        return (start, end);
    }
    let third = days / 3;
    match pm {
        PointMod::Start => (start, shift_days(start, third - 1)),
        PointMod::Mid => (shift_days(start, third), shift_days(end, -third)),
        PointMod::End => (shift_days(end, -(third - 1)), end),
        PointMod::Rest => (start, end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// Wednesday 12 January 2022.
    fn dct() -> Option<NaiveDate> {
        Some(day(2022, 1, 12))
    }

    /// Every timex of `text` resolved against `dct`: (text, value, start, end).
    fn resolved(
        text: &str,
        dct: Option<NaiveDate>,
    ) -> Vec<(String, String, Option<NaiveDate>, Option<NaiveDate>)> {
        let candidates = crate::extract::candidates(text);
        let mut resolver = Resolver::new(text, dct, false, &candidates);
        candidates
            .iter()
            .filter_map(|c| resolver.resolve(c))
            .map(|t| (t.text, t.value, t.start, t.end))
            .collect()
    }

    /// The value of the timex whose text is `phrase`.
    fn value_of(text: &str, dct: Option<NaiveDate>, phrase: &str) -> String {
        resolved(text, dct)
            .into_iter()
            .find(|t| t.0 == phrase)
            .map(|t| t.1)
            .unwrap_or_else(|| panic!("{phrase:?} not tagged in {text:?}"))
    }

    /// The value, start and end of one hand-built candidate over all of `text`.
    fn resolve_one(text: &str, dct: Option<NaiveDate>, expr: Expr) -> Option<Timex> {
        let candidates = [Candidate::new(0, text.len(), expr)];
        Resolver::new(text, dct, false, &candidates).resolve(&candidates[0])
    }

    #[test]
    fn news_deictic_words_count_from_the_dct() {
        let found = resolved("Police said yesterday that talks end tomorrow.", dct());
        assert_eq!(
            found,
            [
                (
                    "yesterday".into(),
                    "2022-01-11".into(),
                    Some(day(2022, 1, 11)),
                    Some(day(2022, 1, 11))
                ),
                (
                    "tomorrow".into(),
                    "2022-01-13".into(),
                    Some(day(2022, 1, 13)),
                    Some(day(2022, 1, 13))
                ),
            ]
        );
        let today = resolve_one(
            "today",
            dct(),
            Expr::DayShift {
                days: 0,
                base: Base::Deictic,
            },
        )
        .expect("resolved");
        assert_eq!(today.value, "2022-01-12");
        assert_eq!(today.anchor, TimeAnchor::Publication);
    }

    #[test]
    fn without_a_dct_today_is_present_ref() {
        assert_eq!(
            value_of("It is raining today.", None, "today"),
            "PRESENT_REF"
        );
    }

    #[test]
    fn narrative_counts_from_the_last_mentioned_date() {
        let text = "On May 10, 1940 Germany invaded. Two days later the Dutch army withdrew.";
        let found = resolved(text, None);
        assert_eq!(found[0].1, "1940-05-10");
        assert_eq!(found[1].0, "Two days later");
        assert_eq!(found[1].1, "1940-05-12");
        assert_eq!(found[1].2, Some(day(1940, 5, 12)));
    }

    #[test]
    fn bare_months_in_news_lean_to_the_past() {
        // November 2021 is two months back; November 2022 ten months ahead.
        assert_eq!(
            value_of("Prices rose in November.", dct(), "November"),
            "2021-11"
        );
        // March 2022 is two months ahead (counted double) against ten back.
        assert_eq!(value_of("Prices rose in March.", dct(), "March"), "2022-03");
        let found = resolved("Prices rose in November.", dct());
        assert_eq!(found[0].2, Some(day(2021, 11, 1)));
        assert_eq!(found[0].3, Some(day(2021, 11, 30)));
    }

    #[test]
    fn weekdays_are_past_oriented_unless_a_future_cue_precedes() {
        assert_eq!(
            value_of("They met on Monday.", dct(), "Monday"),
            "2022-01-10"
        );
        assert_eq!(
            value_of("They met on Wednesday.", dct(), "Wednesday"),
            "2022-01-12"
        );
        assert_eq!(
            value_of("They will meet on Monday.", dct(), "Monday"),
            "2022-01-17"
        );
        let friday = resolve_one("Friday", dct(), Expr::Weekday(Weekday::Fri)).expect("resolved");
        assert_eq!(friday.value, "2022-01-07");
        assert_eq!(friday.start, Some(day(2022, 1, 7)));
    }

    #[test]
    fn last_and_next_units_take_the_unit_granularity() {
        let text = "Sales fell last week, rise next month and peak this year, after last year.";
        let values: Vec<String> = resolved(text, dct()).into_iter().map(|t| t.1).collect();
        assert_eq!(values, ["2022-W01", "2022-02", "2022", "2021"]);
        let week = resolved("Sales fell last week.", dct());
        assert_eq!(week[0].2, Some(day(2022, 1, 3)));
        assert_eq!(week[0].3, Some(day(2022, 1, 9)));
    }

    #[test]
    fn counted_shifts_keep_the_granularity_of_their_unit() {
        assert_eq!(
            value_of("It began three days ago.", dct(), "three days ago"),
            "2022-01-09"
        );
        assert_eq!(
            value_of("It began a month ago.", dct(), "a month ago"),
            "2021-12"
        );
        assert_eq!(
            value_of("It began two years ago.", dct(), "two years ago"),
            "2020"
        );
        let found = resolved("It lasted for three days.", dct());
        assert_eq!(found[0].1, "P3D");
        assert_eq!((found[0].2, found[0].3), (None, None));
    }

    #[test]
    fn day_ranges_cover_all_their_days() {
        let found = resolved("Talks ran January 4-7.", dct());
        assert_eq!(found[0].0, "January 4-7");
        assert_eq!(found[0].1, "2022-01-04");
        assert_eq!(found[0].2, Some(day(2022, 1, 4)));
        assert_eq!(found[0].3, Some(day(2022, 1, 7)));
        let early = resolved("It happened in early January 2022.", dct());
        assert_eq!(early[0].1, "2022-01");
        assert_eq!(early[0].2, Some(day(2022, 1, 1)));
        assert_eq!(early[0].3, Some(day(2022, 1, 10)));
    }

    #[test]
    fn background_paragraphs_anchor_to_their_year() {
        // News (deictic markers, a DCT): the background paragraph after
        // "In 2011" resolves its month there; the next paragraph is back
        // at the DCT.
        let text = "Protesters marched yesterday and on Monday.\n\nIn 2011 the war began. In May, rebels took the city.\n\nOn Tuesday the army returned.";
        let values: Vec<String> = resolved(text, dct()).into_iter().map(|t| t.1).collect();
        assert_eq!(
            values,
            ["2022-01-11", "2022-01-10", "2011", "2011-05", "2022-01-11"]
        );
        // Without deictic markers and with every year far from the DCT the
        // text reads as history: everything follows the narrative.
        let history =
            "In 2011 the war began. In May, rebels took the city.\n\nOn Monday the army returned.";
        let values: Vec<String> = resolved(history, dct()).into_iter().map(|t| t.1).collect();
        assert_eq!(values, ["2011", "2011-05", "2011-05-02"]);
    }

    #[test]
    fn years_are_lent_and_inferred() {
        let values: Vec<String> = resolved("It rained in April and June 1955.", None)
            .into_iter()
            .map(|t| t.1)
            .collect();
        assert_eq!(values, ["1955-04", "1955-06"]);
        // No leap year next to 2022: the nearest earlier one.
        assert_eq!(
            value_of(
                "He was born on 29 February.",
                Some(day(2022, 3, 1)),
                "29 February"
            ),
            "2020-02-29"
        );
        // A month after a year-only mention takes that year.
        let found = resolved("The siege began in 1565. The fleet arrived in May.", None);
        assert_eq!(found[1].1, "1565-05");
    }

    #[test]
    fn decades_centuries_and_seasons_span_their_days() {
        let decade = resolve_one("the 1990s", dct(), Expr::Decade(199)).expect("resolved");
        assert_eq!(decade.value, "199");
        assert_eq!(decade.start, Some(day(1990, 1, 1)));
        assert_eq!(decade.end, Some(day(1999, 12, 31)));
        let winter = resolved("Fighting stopped in the winter of 1812.", None);
        assert_eq!(winter[0].1, "1812-WI");
        assert_eq!(winter[0].2, Some(day(1812, 12, 1)));
        assert_eq!(winter[0].3, Some(day(1813, 2, 28)));
    }
}
