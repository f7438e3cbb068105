//! English calendar and number words every stage shares.

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

/// Number words below twenty, lower case; a word's index is its value.
pub const SMALL_NUMBER_WORDS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// The tens, lower case, "twenty" first: index `i` is `(i + 2) * 10`.
pub const TENS_WORDS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of a one-word number below a hundred ("seventeen" → 17,
/// "forty" → 40), `word` in lower case; compounds such as "forty-two" are
/// read by the stages from their parts.
pub fn number_word_value(word: &str) -> Option<u32> {
    if let Some(small) = SMALL_NUMBER_WORDS.iter().position(|w| *w == word) {
        return u32::try_from(small).ok();
    }
    let tens = TENS_WORDS.iter().position(|w| *w == word)?;
    u32::try_from((tens + 2) * 10).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_have_their_values() {
        assert_eq!(number_word_value("zero"), Some(0));
        assert_eq!(number_word_value("seventeen"), Some(17));
        assert_eq!(number_word_value("forty"), Some(40));
        assert_eq!(number_word_value("ninety"), Some(90));
        assert_eq!(number_word_value("hundred"), None);
        assert_eq!(number_word_value("Seven"), None, "lower case only");
    }

    #[test]
    fn calendar_names_are_recognised_in_lower_case() {
        assert!(is_calendar_name("march"));
        assert!(is_calendar_name("sunday"));
        assert!(!is_calendar_name("marched"));
        assert_eq!(MONTH_NAMES[4], "may");
    }
}
