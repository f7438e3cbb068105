//! Day arithmetic: month starts (month ends are `corroborate_model::calendar`), day and month shifts, one-day results and
//! narrowing a range to its start, middle or end.

use super::{Grain, Resolved};
use crate::expr::PointMod;
use chrono::{Datelike, Days, Months, NaiveDate};
use corroborate_model::{TimeAnchor, TimexType};

pub(super) fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

pub(super) fn shift_days(date: NaiveDate, days: i64) -> NaiveDate {
    let magnitude = Days::new(days.unsigned_abs());
    let shifted = if days >= 0 {
        date.checked_add_days(magnitude)
    } else {
        date.checked_sub_days(magnitude)
    };
    shifted.unwrap_or(date)
}

pub(super) fn shift_months(date: NaiveDate, months: i64) -> NaiveDate {
    let magnitude = Months::new(u32::try_from(months.unsigned_abs()).unwrap_or(0));
    let first = date.with_day(1).unwrap_or(date);
    let shifted = if months >= 0 {
        first.checked_add_months(magnitude)
    } else {
        first.checked_sub_months(magnitude)
    };
    shifted.unwrap_or(first)
}

pub(super) fn day_result(date: NaiveDate, anchor: TimeAnchor, used_dct: bool) -> Resolved {
    Resolved {
        value: date.format("%Y-%m-%d").to_string(),
        timex_type: TimexType::Date,
        range: Some((date, date)),
        anchor,
        used_dct,
        reference: Some((date, Grain::Day)),
    }
}

/// The first or last `days` days of a range ("the first week of 2022").
pub(super) fn edge(
    start: NaiveDate,
    end: NaiveDate,
    pm: PointMod,
    days: i64,
) -> (NaiveDate, NaiveDate) {
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
pub(super) fn narrow(start: NaiveDate, end: NaiveDate, pm: PointMod) -> (NaiveDate, NaiveDate) {
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
