//! Weekdays and weeks: the weekday a bare "on Wednesday" means (past-
//! oriented unless a future cue precedes it), weekdays of a relative week,
//! the nth weekday of a month, the nth week, the weekend and weekday spans.

use super::dates::absolute;
use corroborate_model::calendar::last_day_of_month;

use super::days::{day_result, month_start, shift_days};
use super::relative::unit_value;
use super::tense::{ahead_cue, tense_before, Tense};
use super::{Grain, Resolved, Resolver};
use crate::expr::{MonthRef, WeekScope, YearSpec};
use crate::lexicon::Unit;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use corroborate_model::{TimeAnchor, TimexType};

impl Resolver<'_> {
    pub(super) fn weekday(&self, day: Weekday, start: usize, paragraph: usize) -> Resolved {
        let Some((base, dct)) = self.deictic_base(paragraph) else {
            return Resolved::plain(
                format!("XXXX-WXX-{}", day.number_from_monday()),
                TimexType::Date,
            );
        };
        let date = if self.news && dct {
            if self.future_cue_before(start) {
                // "The vote will be held on Saturday", written on a
                // Saturday: that day.
                let day_before = base
                    .date
                    .checked_sub_days(Days::new(1))
                    .unwrap_or(base.date);
                next_weekday_after(day_before, day)
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

    /// "Friday next week": the weekday inside the week shifted from the
    /// deictic base.
    pub(super) fn weekday_of_week(
        &self,
        day: Weekday,
        week_offset: i64,
        paragraph: usize,
    ) -> Resolved {
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

    /// "the first Friday of July": the `n`th such weekday of the month
    /// (−1: the last); unknown when the month has no such day.
    pub(super) fn nth_weekday(
        &self,
        n: i64,
        day: Weekday,
        month: MonthRef,
        paragraph: usize,
    ) -> Resolved {
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
        let (Some(first), Some(last)) = (month_start(year, m), last_day_of_month(year, m)) else {
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
    pub(super) fn nth_week(&self, n: i64, scope: WeekScope, paragraph: usize) -> Resolved {
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
    pub(super) fn recent_weekend(&self, start: usize, paragraph: usize) -> Resolved {
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

    /// "next week between Wednesday and Friday".
    pub(super) fn weekday_span(
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

    /// A future cue ("will", "next", "scheduled", "due", "expected", "set
    /// to") earlier in the same sentence and in the expression's own clause
    /// (see `sentence_tense`): "will meet Indiana on Saturday after the
    /// Sycamores beat Evansville on Friday": Friday is past.
    pub(super) fn future_cue_before(&self, start: usize) -> bool {
        let before = self.text.get(..start).unwrap_or("");
        let sentence_start = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
        let clause = before.get(sentence_start..).unwrap_or("");
        tense_before(clause, weekday_cue) == Tense::Future
    }
}

/// Words that put a weekday after the publication date: the cues of any
/// date, and "until" ("closed until Monday").
fn weekday_cue(word: &str) -> bool {
    ahead_cue(word) || word == "until"
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
pub(super) fn whole_week(resolved: &mut Resolved) {
    let Some((start, end)) = resolved.range.filter(|(s, e)| s == e) else {
        return;
    };
    let _ = end;
    let week = week_of(last_weekday_on_or_before(start, Weekday::Mon));
    resolved.value = week.value;
    resolved.range = week.range;
    resolved.reference = None;
}

pub(super) fn last_weekday_on_or_before(date: NaiveDate, day: Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    shift_days(date, -i64::from(back))
}

pub(super) fn next_weekday_after(date: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    let ahead = if ahead == 0 { 7 } else { ahead };
    shift_days(date, i64::from(ahead))
}

pub(super) fn same_week_weekday(date: NaiveDate, day: Weekday) -> NaiveDate {
    let delta =
        i64::from(day.num_days_from_monday()) - i64::from(date.weekday().num_days_from_monday());
    shift_days(date, delta)
}
