//! Calendar arithmetic every stage shares.

use chrono::NaiveDate;

/// The last day of `month` (1–12) in `year`; `None` when the month does
/// not exist or lies outside the dates chrono can represent.
pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    // Months end on day 31, 30, 29 or 28: the first of those that exists.
    (28..=31)
        .rev()
        .find_map(|day| NaiveDate::from_ymd_opt(year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, day)
    }

    #[test]
    fn month_lengths() {
        assert_eq!(last_day_of_month(2023, 1), day(2023, 1, 31));
        assert_eq!(last_day_of_month(2023, 4), day(2023, 4, 30));
        assert_eq!(last_day_of_month(2023, 12), day(2023, 12, 31));
    }

    #[test]
    fn february_follows_the_leap_year_rules() {
        assert_eq!(last_day_of_month(2024, 2), day(2024, 2, 29));
        assert_eq!(last_day_of_month(2023, 2), day(2023, 2, 28));
        assert_eq!(last_day_of_month(1900, 2), day(1900, 2, 28));
        assert_eq!(last_day_of_month(2000, 2), day(2000, 2, 29));
    }

    #[test]
    fn impossible_months_and_the_edges_of_the_calendar() {
        assert_eq!(last_day_of_month(2024, 0), None);
        assert_eq!(last_day_of_month(2024, 13), None);
        let last = NaiveDate::MAX;
        assert_eq!(
            last_day_of_month(chrono::Datelike::year(&last), 12),
            Some(last)
        );
        assert_eq!(last_day_of_month(i32::MAX, 1), None);
    }

    #[test]
    fn agrees_with_the_day_before_the_next_month_starts() {
        for year in [1999, 2000, 2023, 2024] {
            for month in 1..=12 {
                let next = if month == 12 {
                    day(year + 1, 1, 1)
                } else {
                    day(year, month + 1, 1)
                };
                assert_eq!(
                    last_day_of_month(year, month),
                    next.and_then(|d| d.pred_opt())
                );
            }
        }
    }
}
