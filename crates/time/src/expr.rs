//! The meaning of a recognised expression before it is resolved to a value.

use crate::lexicon::Unit;
use chrono::Weekday;

/// Where a year comes from when the text gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSpec {
    /// Written out ("2022"); negative for BC.
    Explicit(i32),
    /// "of that year" (0), "of the following year" (+1), "the previous year" (-1).
    Anaphoric(i32),
    /// "June next year" (+1), "May last year" (-1), "of this year" (0).
    Deictic(i32),
}

/// What a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    /// The publication date in news ("yesterday", "last week", "three days ago").
    Deictic,
    /// The last date mentioned ("the next day", "five days later").
    Anaphoric,
}

/// "early" / "mid" / "late" and their phrase forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PointMod {
    Start,
    Mid,
    End,
    /// "the rest of the week": from the base date to the end of the period.
    Rest,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A calendar date of year, month or day precision; `day_end` closes a
    /// day range within the month ("January 4–6").
    Calendar {
        year: Option<YearSpec>,
        month: Option<u32>,
        day: Option<u32>,
        day_end: Option<u32>,
    },
    /// A year written "'44" (optionally after a month): the century is the
    /// narrative's.
    ShortYear {
        last_digits: i32,
        month: Option<u32>,
    },
    /// "fiscal 2021", "FY2021": value "FY2021"; with a quarter ("the second
    /// quarter of fiscal 2022") "FY2022-Q2".
    FiscalYear {
        year: i32,
        quarter: Option<&'static str>,
    },
    /// "(at) the time": the time last mentioned; PAST_REF without one.
    ThatTime,
    /// "the 1990s": the first three digits.
    Decade(i32),
    /// "the 20th century": the first two digits ("19"); negative for BC.
    Century(i32),
    Season {
        year: Option<YearSpec>,
        code: &'static str,
    },
    /// A quarter ("Q3", code "Q3") or half ("H1") of a year.
    YearPart {
        year: Option<YearSpec>,
        code: &'static str,
    },
    Weekday(Weekday),
    /// A day of the month without its month: "the 27th" (`month_offset`
    /// None: the nearest such day), "the 20th of next month" (Some(1)).
    DayOfMonth {
        day: u32,
        month_offset: Option<i64>,
    },
    /// A weekday inside a shifted week: "Friday next week", "this week on
    /// Saturday".
    WeekdayOfWeek {
        day: Weekday,
        week_offset: i64,
    },
    /// "today" (0), "yesterday" (-1), "the next day" (+1, anaphoric).
    DayShift {
        days: i64,
        base: Base,
    },
    /// "last week", "this year", "the following month", "next spring".
    UnitShift {
        unit: Unit,
        offset: i64,
        base: Base,
    },
    /// "last Monday", "next January", "this winter".
    NamedShift {
        name: Named,
        offset: i64,
    },
    /// "five days ago" (deictic), "five days later" (anaphoric).
    CountShift {
        count: Option<f64>,
        unit: Unit,
        sign: i64,
        base: Base,
    },
    /// "the first Friday of July" (`n` 1–5, or −1 for "the last").
    NthWeekday {
        n: i64,
        day: Weekday,
        month: MonthRef,
    },
    /// "the third week of 2027", "the second week of May": the `n`th week
    /// (Monday–Sunday; week 1 holds the first Thursday) of a year or month.
    NthWeek {
        n: i64,
        scope: WeekScope,
    },
    /// "from 4 to 22 this month": a day range inside a month.
    DaySpan {
        day: u32,
        day_end: u32,
        month: MonthRef,
    },
    /// "next week between Wednesday and Friday": days of a shifted week.
    WeekdaySpan {
        first: Weekday,
        last: Weekday,
        week_offset: i64,
    },
    /// "the weekend": the latest weekend in news, the coming one after a
    /// future cue.
    RecentWeekend,
    /// "1 month 21 days ago", "three weeks from tomorrow": whole months,
    /// then days, counted from the base day.
    Offset {
        months: i64,
        days: i64,
        base: Base,
    },
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Reference(&'static str),
    /// An adjective that history annotation (WikiWars) marks as a reference
    /// ("former" PAST_REF, "future" FUTURE_REF) but news annotation
    /// (MEANTIME) does not: kept in narrative mode only.
    NarrativeReference(&'static str),
    Duration(String),
    Set(String),
    /// A clock time with no date of its own ("at 3 p.m.").
    Clock,
}

/// The month of "the first Friday of …".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthRef {
    /// "of July", "of July 2018".
    Named(u32, Option<YearSpec>),
    /// "of this month" (0), "of next month" (+1), "of last month" (−1);
    /// also a bare "second Sunday" (0).
    Shift(i64),
}

/// What "the third week of …" counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WeekScope {
    Year(YearSpec),
    Month(MonthRef),
}

/// A named unit that "last"/"next"/"this" can shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named {
    Weekday(Weekday),
    Month(u32),
    Season(&'static str),
}

/// A recognised expression with its byte span and modifiers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    /// TIMEX3 part of day ("MO", "AF", "EV", "NI").
    pub part_of_day: Option<&'static str>,
    /// Clock time (hour, minute, second when written).
    pub clock: Option<(u32, u32, Option<u32>)>,
    pub point_mod: Option<PointMod>,
    /// "the first week of": the point modifier covers this many days.
    pub edge_days: Option<i64>,
    pub approximate: bool,
    /// A counted duration ("3 days"): its count and unit.
    pub measure: Option<(f64, Unit)>,
    /// "the next 3 days" (+1), "the past 3 weeks" (−1): the duration covers
    /// the period right after or before the base date.
    pub direction: Option<i64>,
    /// "the week of November 30th": the whole week around the day.
    pub whole_week: bool,
    /// The UTC offset of a time zone written after a clock time ("Z" for
    /// GMT/UTC, "-05" for EST), appended to the value.
    pub zone: Option<&'static str>,
    /// A day range ("12-14 July"): the spans of its two ends ("12", "14
    /// July"), which history annotation (TIMEX2) tags apart.
    pub ends: Option<[(usize, usize); 2]>,
}

impl Candidate {
    pub(crate) fn new(start: usize, end: usize, expr: Expr) -> Self {
        Candidate {
            start,
            end,
            expr,
            part_of_day: None,
            clock: None,
            point_mod: None,
            edge_days: None,
            approximate: false,
            measure: None,
            direction: None,
            whole_week: false,
            zone: None,
            ends: None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.end - self.start
    }

    /// The two ends of a day range as dates of their own ("12-14 July" →
    /// "12" and "14 July"), when the candidate is one.
    pub(crate) fn range_ends(&self) -> Option<[Candidate; 2]> {
        let [(first_start, first_end), (second_start, second_end)] = self.ends?;
        let Expr::Calendar {
            year,
            month,
            day,
            day_end: Some(day_end),
        } = self.expr
        else {
            return None;
        };
        let end_of = |start, end, day| {
            Candidate::new(
                start,
                end,
                Expr::Calendar {
                    year,
                    month,
                    day,
                    day_end: None,
                },
            )
        };
        Some([
            end_of(first_start, first_end, day),
            end_of(second_start, second_end, Some(day_end)),
        ])
    }

    pub(crate) fn has_explicit_year(&self) -> Option<i32> {
        match self.expr {
            Expr::Calendar {
                year: Some(YearSpec::Explicit(y)),
                ..
            }
            | Expr::Season {
                year: Some(YearSpec::Explicit(y)),
                ..
            } => Some(y),
            _ => None,
        }
    }
}
