//! Publication dates as metadata writes them.
//!
//! | form                                   | example                           |
//! |----------------------------------------|-----------------------------------|
//! | ISO 8601 date, optionally with a time  | `2024-03-07`, `2024-03-07T08:15Z` |
//! | compact ISO date                       | `20240307`                        |
//! | RFC 2822 (RSS `pubDate`)               | `Thu, 07 Mar 2024 08:15:00 +0100` |
//! | slash date, year first                 | `2024/03/07`                      |
//!
//! Dates a person types (`published:` in front matter, `--from`/`--to` on
//! the command line) are stricter: [`parse_iso_date`] takes `YYYY-MM-DD`
//! only.
//!
//! A timestamp keeps the calendar day written in it (its local day), not the
//! UTC day, because that is the day the publisher dated the report.

use chrono::{DateTime, NaiveDate};
use thiserror::Error;

/// Text that is not a date of the form `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("`{written}` is not a date of the form YYYY-MM-DD")]
pub struct NotADate {
    /// What was written, as the message should quote it.
    pub written: String,
}

/// A calendar day written `YYYY-MM-DD`, nothing before or after it.
pub fn parse_iso_date(raw: &str) -> Result<NaiveDate, NotADate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| NotADate {
        written: raw.to_string(),
    })
}

/// The calendar day in a metadata date string, if it has one.
pub(crate) fn parse_metadata_date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    if let Some(day) = raw.get(..10).and_then(iso_day) {
        return Some(day);
    }
    if let Some(day) = raw
        .get(..8)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok())
    {
        return Some(day);
    }
    DateTime::parse_from_rfc2822(raw)
        .ok()
        .map(|t| t.date_naive())
}

fn iso_day(head: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(head, "%Y/%m/%d"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn reads_common_metadata_forms() {
        assert_eq!(parse_metadata_date("2024-03-07"), day(2024, 3, 7));
        assert_eq!(
            parse_metadata_date(" 2024-03-07T23:30:00-05:00"),
            day(2024, 3, 7)
        );
        assert_eq!(parse_metadata_date("20240307"), day(2024, 3, 7));
        assert_eq!(parse_metadata_date("2024/03/07 10:00"), day(2024, 3, 7));
        assert_eq!(
            parse_metadata_date("Thu, 07 Mar 2024 08:15:00 +0100"),
            day(2024, 3, 7)
        );
    }

    #[test]
    fn iso_dates_are_strict() {
        assert_eq!(parse_iso_date("2024-03-07").ok(), day(2024, 3, 7));
        for bad in ["2024-03-07T10:00", "07/03/2024", "2024-02-30", ""] {
            assert!(parse_iso_date(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_iso_date("last Tuesday").unwrap_err().to_string(),
            "`last Tuesday` is not a date of the form YYYY-MM-DD"
        );
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        assert_eq!(parse_metadata_date("last Tuesday"), None);
        assert_eq!(parse_metadata_date("2024-13-45"), None);
        assert_eq!(parse_metadata_date("é"), None);
        assert_eq!(parse_metadata_date(""), None);
    }
}
