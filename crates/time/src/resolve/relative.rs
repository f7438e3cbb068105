//! Relative expressions: day shifts ("yesterday", "the next day"), unit
//! shifts ("last week", "the following year"), named shifts ("next
//! March"), counted shifts ("three days ago", with the granularity of
//! their unit), month-and-day offsets and "the rest of" a unit.

use super::dates::{absolute, calendar_value, century_value, decade_range, decade_string};
use corroborate_model::calendar::last_day_of_month;

use super::days::{day_result, month_start, shift_days, shift_months};
use super::weeks::{last_weekday_on_or_before, next_weekday_after, same_week_weekday};
use super::{Grain, Reference, Resolved, Resolver};
use crate::expr::{Base, Named, YearSpec};
use crate::lexicon::Unit;
use chrono::{Datelike, Months, NaiveDate, Weekday};
use corroborate_model::{TimeAnchor, TimexType};

impl Resolver<'_> {
    /// "the rest of the month": from the deictic base date (when it lies
    /// inside the period) to the period's end.
    pub(super) fn rest_of(
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

    /// "1 month 21 days ago": months, then days, from the base day.
    pub(super) fn offset(&self, months: i64, days: i64, base: Base, paragraph: usize) -> Resolved {
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

    pub(super) fn day_shift(&self, days: i64, base: Base, paragraph: usize) -> Resolved {
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
            return self.coarse_with_unknown(reference, dct, Grain::Day);
        }
        let date = shift_days(reference.date, days);
        day_result(date, self.anchor_of(dct), dct)
    }

    /// "that day" after "in May 1940": only the coarser date is known.
    pub(super) fn coarse(&self, reference: Reference, dct: bool) -> Resolved {
        let month = (reference.grain == Grain::Month).then(|| reference.date.month());
        let mut resolved = calendar_value(reference.date.year(), month, None, None);
        resolved.anchor = self.anchor_of(dct);
        resolved.used_dct = dct;
        resolved.reference = None;
        resolved
    }

    /// "the same day", "four days later" after "in May 1940": a day whose
    /// month is known and whose day is not, "1940-05-XX" (TIMEX2 and
    /// TimeML both keep the expression's precision with unknown digits).
    fn coarse_with_unknown(&self, reference: Reference, dct: bool, grain: Grain) -> Resolved {
        let mut resolved = self.coarse(reference, dct);
        let unknown = match (reference.grain, grain) {
            (Grain::Month, Grain::Day) => "-XX",
            (Grain::Year, Grain::Day) => "-XX-XX",
            (Grain::Year, Grain::Month) => "-XX",
            _ => "",
        };
        resolved.value.push_str(unknown);
        resolved
    }

    pub(super) fn unit_shift(
        &self,
        unit: Unit,
        offset: i64,
        base: Base,
        paragraph: usize,
    ) -> Resolved {
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

    pub(super) fn named_shift(&self, name: Named, offset: i64, paragraph: usize) -> Resolved {
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

    pub(super) fn count_shift(
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
            // Weeks and quarters have their own value forms; they stay coarse.
            let padded = matches!(
                unit,
                Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Month
            );
            return if padded {
                self.coarse_with_unknown(reference, dct, grain)
            } else {
                self.coarse(reference, dct)
            };
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
pub(super) fn unit_value(date: NaiveDate, unit: Unit, offset: i64) -> Resolved {
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
            let last = last_day_of_month(shifted.year(), quarter * 3 + 3);
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
pub(super) fn shift_by_units(
    date: NaiveDate,
    unit: Unit,
    count: f64,
    direction: i64,
) -> Option<NaiveDate> {
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
