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
//!   start/end. A day counted from a date known only to the month or year
//!   keeps the day unknown: "four days later" after "in May 1702" is
//!   1702-05-XX.
//! * "'44": the year with those last two digits nearest the narrative's year.
//! * "at the time": the last mentioned date (not one counted from the DCT)
//!   at its precision, else PAST_REF.
//! * A clock time with no date: the last mentioned day; in news, when no
//!   day has been named (only a month or year), the DCT.
//! * Sets in history text take the calendar pattern of TIMEX2 ("daily"
//!   XXXX-XX-XX, "weekly" XXXX-WXX); news keeps TimeML durations (P1D).
//!
//! start/end (inclusive days): a day → itself; a day range → its days; a
//! week → Monday..Sunday; a month → first..last day; a quarter; a year; a
//! season (SP Mar–May, SU Jun–Aug, FA Sep–Nov, WI Dec–Feb of the next year);
//! a decade; a century (…00–…99). "early"/"mid"/"late" narrow the range to
//! its first, middle or last third and mark the timex approximate, keeping
//! the value ("early January 2022" → value 2022-01, days 1–10).
//!
//! This module holds the resolver, its reference dates and mode detection;
//! the resolution of each expression family lives in a submodule: `dates`
//! (calendar dates, years, seasons, decades, centuries), `weeks` (weekdays
//! and weeks), `relative` (day, unit, named and counted shifts), `times`
//! (durations and clock times) and `days` (day arithmetic).

use crate::expr::{Base, Candidate, Expr, PointMod, YearSpec};
use chrono::{Datelike, NaiveDate};
use corroborate_model::{Span, TimeAnchor, Timex, TimexType};
use dates::{absolute, century_value, decade_range, decade_string, lent_years};
use days::{edge, narrow};
use weeks::whole_week;

mod dates;
mod days;
mod relative;
mod tense;
mod times;
mod weeks;

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

    /// A day range's two ends, tagged apart in history text (TIMEX2 tags
    /// each point: "12-14 July" is "12" and "14 July"); news keeps one
    /// range timex.
    pub(crate) fn split_range(&self, candidate: &Candidate) -> Option<[Candidate; 2]> {
        if self.news {
            return None;
        }
        candidate.range_ends()
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
        let ends_with_cue = |cue: &&str| {
            before
                .strip_suffix(*cue)
                .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
        };
        // In news a birth or founding date is background, not the story's
        // time: "Born March 29, 1928; died December 19" is this December.
        let cue = ASIDE_CUES.iter().any(ends_with_cue)
            || (self.news && BIRTH_CUES.iter().any(ends_with_cue));
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
            Expr::ShortYear { last_digits, month } => {
                self.short_year(*last_digits, *month, paragraph)
            }
            Expr::FiscalYear { year, quarter } => fiscal_year(*year, *quarter),
            Expr::ThatTime => self.that_time(),
            Expr::Reference(value) => Resolved::plain(*value, TimexType::Date),
            Expr::NarrativeReference(_) if self.news => return None,
            Expr::NarrativeReference(value) => Resolved::plain(*value, TimexType::Date),
            Expr::Duration(value) => self.duration(value, candidate, paragraph),
            Expr::Set(value) => Resolved::plain(self.set_value(value), TimexType::Set),
            Expr::Clock => self.clock_day(paragraph),
        };
        Some(resolved)
    }

    /// "in '44": the year with those last two digits nearest the narrative's
    /// year (or the DCT's), then resolved like a written-out year.
    fn short_year(&self, last_digits: i32, month: Option<u32>, paragraph: usize) -> Resolved {
        let Some((base, dct)) = self.anaphoric_base(Grain::Year) else {
            return Resolved::plain(format!("XX{last_digits:02}"), TimexType::Date);
        };
        let century_start = base.date.year().div_euclid(100) * 100;
        let year = [century_start - 100, century_start, century_start + 100]
            .into_iter()
            .map(|c| c + last_digits)
            .min_by_key(|y| (y - base.date.year()).abs())
            .unwrap_or(century_start + last_digits);
        let mut resolved =
            self.calendar(Some(YearSpec::Explicit(year)), month, None, None, paragraph);
        resolved.anchor = self.anchor_of(dct);
        resolved.used_dct = dct;
        resolved
    }

    /// The day of a clock time with no date of its own: the last mentioned
    /// day; in news, when the story has named no day (only a month or a
    /// year), the publication day.
    fn clock_day(&self, paragraph: usize) -> Resolved {
        let day_known = self
            .anaphoric_base(Grain::Day)
            .is_some_and(|(r, _)| r.grain == Grain::Day);
        let base = if !day_known && self.news {
            Base::Deictic
        } else {
            Base::Anaphoric
        };
        self.day_shift(0, base, paragraph)
    }

    /// A set's value: a duration in news ("daily" P1D, TimeML); history
    /// annotation (TIMEX2, WikiWars) writes a plain recurrence as the
    /// calendar pattern it repeats ("daily" XXXX-XX-XX).
    fn set_value(&self, value: &str) -> String {
        if self.news {
            return value.to_string();
        }
        match value {
            "P1D" => "XXXX-XX-XX",
            "P1W" => "XXXX-WXX",
            "P1M" => "XXXX-XX",
            "P1Y" => "XXXX",
            other => other,
        }
        .to_string()
    }

    /// "at the time": the last mentioned date at its precision; PAST_REF when
    /// the text has named none (or only counted from the DCT).
    fn that_time(&self) -> Resolved {
        let Some(reference) = self.reference.filter(|r| !r.from_dct) else {
            return Resolved::plain("PAST_REF", TimexType::Date);
        };
        let date = reference.date;
        let value = match reference.grain {
            Grain::Year => format!("{:04}", date.year()),
            Grain::Month => format!("{:04}-{:02}", date.year(), date.month()),
            Grain::Day => date.format("%Y-%m-%d").to_string(),
        };
        Resolved {
            anchor: TimeAnchor::Narrative,
            ..Resolved::plain(value, TimexType::Date)
        }
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
}

/// A fiscal year: its months depend on the organisation, so it has no
/// day range.
fn fiscal_year(year: i32, quarter: Option<&str>) -> Resolved {
    let value = match quarter {
        Some(code) => format!("FY{year:04}-{code}"),
        None => format!("FY{year:04}"),
    };
    Resolved {
        anchor: TimeAnchor::Absolute,
        ..Resolved::plain(value, TimexType::Date)
    }
}

/// News mode needs a DCT. A text is history writing (narrative mode)
/// whatever its DCT when
/// * its latest explicit year is five or more years before the DCT and it
///   has at most one news marker (a weekday, "yesterday", "last week", …), or
/// * it names at least 20 explicit years and fewer than one news marker
///   for every ten of them (a history of recent events: an encyclopedia
///   article on a war written a year after it), or
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
    // A history of recent events (an encyclopedia article written a year
    // after the war it tells) names many years and speaks little of
    // "yesterday" or "on Friday".
    if markers * 10 < years.len() {
        return false;
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

/// Words before a birth or founding date (see `is_aside`): a life's or an
/// organisation's background in news ("the party, founded in 2012, will
/// contest the December 15 election").
const BIRTH_CUES: &[&str] = &[
    "born",
    "born on",
    "born in",
    "founded in",
    "established in",
    "formed in",
    "created in",
    "set up in",
];

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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

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
        // Without a tense, March 2022 (two months ahead, counted double)
        // beats March 2021 (ten back); told in the past tense, the month is
        // the latest March up to the publication date.
        assert_eq!(value_of("Prices in March.", dct(), "March"), "2022-03");
        assert_eq!(value_of("Prices rose in March.", dct(), "March"), "2021-03");
        assert_eq!(
            value_of("Prices will rise in March.", dct(), "March"),
            "2022-03"
        );
        let found = resolved("Prices rose in November.", dct());
        assert_eq!(found[0].2, Some(day(2021, 11, 1)));
        assert_eq!(found[0].3, Some(day(2021, 11, 30)));
    }

    /// Regression: the clause before a date set its tense ("talks resume
    /// next month, and in March troops left" put March ahead).
    #[test]
    fn a_months_own_clause_gives_its_tense() {
        assert_eq!(
            value_of(
                "Talks resume next month, and in March troops left.",
                dct(),
                "March"
            ),
            "2021-03"
        );
        assert_eq!(
            value_of(
                "Troops left last week, but talks will resume in March.",
                dct(),
                "March"
            ),
            "2022-03"
        );
    }

    #[test]
    fn a_history_of_recent_events_reads_as_narrative() {
        // Twenty-four recent years named (median a year before the DCT),
        // one weekday: a history, whose Friday follows the story.
        let years: String = (0..24)
            .map(|i| format!("In May {} the army moved. ", 2007 + i % 3))
            .collect();
        let dct = NaiveDate::from_ymd_opt(2009, 12, 19);
        let history = resolved(&format!("{years}On Friday it rained."), dct);
        let friday = history.last().expect("Friday is tagged");
        assert_ne!(friday.1, "2009-12-18", "not counted from the DCT");
        assert!(friday.1.starts_with("2009-05"), "{friday:?}");
        // A news report naming a few recent years stays news.
        let news = resolved("In 2008 the army moved.\n\nOn Friday the rebels fled.", dct);
        assert_eq!(news.last().expect("Friday").1, "2009-12-18");
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
