//! English calendar words every stage shares.

/// Month names, lower case, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, lower case, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True for a month or weekday name (`word` in lower case).
pub fn is_calendar_name(word: &str) -> bool {
    MONTH_NAMES.contains(&word) || WEEKDAY_NAMES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_names_are_recognised_in_lower_case() {
        assert!(is_calendar_name("march"));
        assert!(is_calendar_name("sunday"));
        assert!(!is_calendar_name("marched"));
        assert_eq!(MONTH_NAMES[4], "may");
    }
}
