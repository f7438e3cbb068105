//! Which time expressions in a clause may date an event of that clause.
//!
//! The nearest time expression is not always the event's: background and
//! state descriptions carry dates of their own. A time expression does
//! not date the trigger when
//!
//! | case | example |
//! |------|---------|
//! | it ends a state: "until", "till" before it | "the capital of the country until 1997" |
//! | it dates a founding or birth: "founded/established/created/formed/born/built in" | "since the alliance was founded in 1999" |
//! | it sits in a subordinate clause ("since/after/before/until/because" + words + date) the trigger is not in | "sent troops … since the alliance was founded in 1999" |
//! | it sits in a parenthetical (between commas or dashes, inside the clause) of more than three other words, and the trigger is outside it | "Varenko, who has ruled Veloria since 2009, …", "X, the chief dismissed on Wednesday, was …" |
//! | it modifies a noun of measure ("level", "prices", "rate", …) | "frozen at their February level" |
//! | it is a bare weekday ("Friday", "Wednesday night") resolved against an earlier date in the text rather than the publication date | "Friday" after "in 1993" |
//! | it sits in the focus of a cleft sentence with other words, and the trigger after the cleft's "that" | "It is to end the unrest of 4–7 May that the governor asked for troops" (but "It was on 5 May that …" dates) |
//! | it modifies the noun of a topic phrase ("over/about/for/against/into/regarding/concerning the DATE NOUN") the trigger is not in | "has sentenced him over the January unrest", "an inquiry into the 2019 floods" |
//!
//! "since" directly before the date ("cut since Tuesday", "not seen in
//! public since 28 December") dates the change that began the state and
//! stays allowed. Durations, sets, `*_REF` values and expressions without
//! known days never date an event.

use std::sync::LazyLock;

use corroborate_model::words::{MONTH_NAMES, WEEKDAY_NAMES};
use corroborate_model::{DateValue, Span, TimeAnchor, Timex, TimexType};
use corroborate_text::alphanumeric_runs;
use regex::Regex;

use crate::lexicon::compile;

/// Words right before a date that make it the end of a state or the date
/// of a founding.
static NOT_EVENT_DATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:until|till|(?:founded|established|created|formed|born|built)\s+(?:in|on))\s+(?:(?:the|early|late|mid|end|of|about|around)\s+)*$",
    )
    .expect("constant regex is valid")
});

/// A noun of measure right after a date that the date only modifies.
static MEASURE_NOUN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s+(?:levels?|prices?|rates?|figures?|values?|averages?|baselines?|budgets?|peaks?|highs?|lows?|tariffs?)\b")
        .expect("constant regex is valid")
});

/// A subordinator followed by at least one word that is not a time word:
/// the date after it belongs to the subordinate clause's own verb.
static SUBORDINATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:since|after|before|until|because)\s+[^,;:()—–]*?\b(?:was|were|is|are|had|has|have|been|\w+ed)\b[^,;:()—–]*$")
        .expect("constant regex is valid")
});

/// The opening of a cleft sentence: "It is (precisely) … that …".
static CLEFT_OPENING: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\W*it\s+(?:is|was)\s+").expect("constant regex is valid"));

/// "that" as a whole word.
static THAT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\bthat\b").expect("constant regex is valid"));

/// The dates a time expression covers, when it can date an event at all.
pub(crate) fn date_value(timex: &Timex) -> Option<DateValue> {
    if !matches!(timex.timex_type, TimexType::Date | TimexType::Time)
        || timex.value.ends_with("_REF")
        || misanchored_weekday(timex)
    {
        return None;
    }
    Some(DateValue {
        value: timex.value.clone(),
        start: timex.start?,
        end: timex.end?,
    })
}

/// A weekday name is relative to the time of writing; resolved against an
/// earlier date in the text it is a guess.
fn misanchored_weekday(timex: &Timex) -> bool {
    if !matches!(timex.anchor, TimeAnchor::Narrative | TimeAnchor::Unanchored) {
        return false;
    }
    let lower = timex.text.to_ascii_lowercase();
    let names_weekday = WEEKDAY_NAMES.iter().any(|day| lower.contains(day));
    let names_calendar = lower.chars().any(|c| c.is_ascii_digit())
        || alphanumeric_runs(&lower)
            .any(|word| word.len() >= 3 && MONTH_NAMES.iter().any(|m| month_abbreviation(word, m)));
    names_weekday && !names_calendar
}

/// True when the time expression at `timex` may date the trigger of
/// `clause` (see the module table).
pub(crate) fn may_date(text: &str, clause: Span, timex: Span, trigger: Span) -> bool {
    let before = Span::new(clause.start, timex.start.max(clause.start))
        .slice(text)
        .unwrap_or("");
    let after = Span::new(timex.end, clause.end.max(timex.end))
        .slice(text)
        .unwrap_or("");
    if NOT_EVENT_DATE_BEFORE.is_match(before) || MEASURE_NOUN_AFTER.is_match(after) {
        return false;
    }
    if let Some(found) = SUBORDINATE_BEFORE.find(before) {
        let subordinate = Span::new(clause.start + found.start(), timex.end);
        if !subordinate.contains(trigger) {
            return false;
        }
    }
    if in_cleft_focus(text, clause, timex, trigger) {
        return false;
    }
    if attributive_year(text, clause, timex, trigger)
        || in_topic_phrase(text, clause, timex, trigger)
    {
        return false;
    }
    match parenthetical_around(text, clause, timex) {
        Some(segment) => segment.contains(trigger) || !wordy_besides(text, segment, timex),
        None => true,
    }
}

/// The time expression is one part of a cleft's focus ("It is to end the
/// unrest of 4–7 May that …") while the trigger follows the "that": the
/// date belongs to the focus, not to the clause's event. A focus that is
/// only the date and its preposition ("It was on 5 May that …") dates.
fn in_cleft_focus(text: &str, clause: Span, timex: Span, trigger: Span) -> bool {
    let Some(opening) = clause.slice(text).and_then(|c| CLEFT_OPENING.find(c)) else {
        return false;
    };
    let focus_start = clause.start + opening.end();
    let Some(after_timex) = Span::new(timex.end, trigger.start.max(timex.end)).slice(text) else {
        return false;
    };
    let Some(that) = THAT.find(after_timex) else {
        return false;
    };
    let focus_end = timex.end + that.start();
    focus_start <= timex.start
        && word_count(text, Span::new(focus_start, timex.start))
            + word_count(text, Span::new(timex.end, focus_end))
            > 1
}

/// Words that make the noun phrase after them a topic, not a time ("has
/// sentenced him over the January unrest": the unrest is what the verdict
/// is about).
const TOPIC_PREPOSITIONS: &[&str] = &[
    "over",
    "about",
    "for",
    "against",
    "into",
    "regarding",
    "concerning",
];

/// Words after a date's noun that still belong to its phrase ("the 2019
/// floods", "the January protest movement").
const TOPIC_PHRASE_WORDS: usize = 3;

/// The time expression modifies the noun of a topic phrase ("over the
/// January unrest", "into the 2019 floods") and the trigger is not in that
/// phrase: the date is the topic's, not the event's.
fn in_topic_phrase(text: &str, clause: Span, timex: Span, trigger: Span) -> bool {
    let before = Span::new(clause.start, timex.start)
        .slice(text)
        .unwrap_or("");
    let mut words_before = before.split_whitespace().rev();
    let article = words_before
        .next()
        .is_some_and(|w| ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(w)));
    let topic = words_before
        .next()
        .is_some_and(|w| TOPIC_PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(w)));
    let after = Span::new(timex.end, clause.end.max(timex.end))
        .slice(text)
        .unwrap_or("");
    let noun_follows = after.starts_with(' ')
        && after
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) && w != "of");
    let trigger_in_phrase = trigger.start >= timex.end
        && word_count(text, Span::new(timex.end, trigger.end)) <= TOPIC_PHRASE_WORDS;
    article && topic && noun_follows && !trigger_in_phrase
}

/// A bare year or decade modifying the noun after it ("Famous 1950s
/// pin-up star X has died", "the 2003 quake's survivors protested"), not
/// after a preposition: it dates that noun, not a trigger more than three
/// words away from it.
fn attributive_year(text: &str, clause: Span, timex: Span, trigger: Span) -> bool {
    let Some(timex_text) = timex.slice(text) else {
        return false;
    };
    // The tagger may take the article in ("the 1950s").
    let year = timex_text
        .strip_prefix("the ")
        .or_else(|| timex_text.strip_prefix("The "))
        .unwrap_or(timex_text);
    let digits = year.trim_end_matches('s').trim_start_matches('\'');
    if !(digits.len() == 4 || digits.len() == 2) || !digits.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let before = Span::new(clause.start, timex.start)
        .slice(text)
        .unwrap_or("");
    // "in 1999", "during the 2013 strike": a time adverbial, not a
    // subject's modifier.
    let mut words_before = before.split_whitespace().rev();
    let is_preposition = |word: &str| {
        YEAR_PREPOSITIONS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(word))
    };
    let with_article = year.len() < timex_text.len();
    let adverbial = if with_article {
        words_before.next().is_some_and(is_preposition)
    } else {
        words_before.next().is_some_and(|word| {
            if ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(word)) {
                // ", the 1950s pin-up queen" is a noun phrase; "during the
                // 2013 strike" an adverbial.
                words_before.next().is_some_and(is_preposition)
            } else {
                word.ends_with(|c: char| !c.is_alphanumeric()) || is_preposition(word)
            }
        })
    };
    if adverbial || trigger.start <= timex.end {
        return false;
    }
    let after = Span::new(timex.end, clause.end.max(timex.end))
        .slice(text)
        .unwrap_or("");
    let modifies_a_noun =
        after.starts_with(' ') && after.trim_start().starts_with(|c: char| c.is_alphabetic());
    // A comma ends the noun phrase: "the 2013 strike, when police killed
    // nine miners" dates the killing.
    let up_to_trigger = Span::new(timex.end, trigger.start);
    let phrase_goes_on = !up_to_trigger.slice(text).unwrap_or(",").contains(',');
    modifies_a_noun && phrase_goes_on && word_count(text, up_to_trigger) > 3
}

/// Articles and determiners that may open a noun phrase before its year.
const ARTICLES: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "this", "that",
];

/// Words before a year that make it an adverbial ("in 1999", "since
/// 2003", "by 2030"), not a noun's modifier.
const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "by",
    "from",
    "to",
    "until",
    "till",
    "during",
    "of",
    "after",
    "before",
    "around",
    "about",
    "circa",
    "through",
    "throughout",
    "between",
    "and",
    "or",
    "early",
    "late",
    "mid",
    "year",
    "years",
    "at",
    "on",
    "amid",
    "following",
    "over",
    "for",
];

fn is_segment_delimiter(c: char) -> bool {
    matches!(c, ',' | '—' | '–' | '(' | ')')
}

/// The stretch between the delimiters around `timex`, when it has a
/// delimiter on both sides inside the clause.
fn parenthetical_around(text: &str, clause: Span, timex: Span) -> Option<Span> {
    let before = Span::new(clause.start, timex.start).slice(text)?;
    let after = Span::new(timex.end, clause.end).slice(text)?;
    let open = before.rfind(is_segment_delimiter)?;
    let open_char = before.get(open..)?.chars().next()?;
    let close = after.find(is_segment_delimiter)?;
    Some(Span::new(
        clause.start + open + open_char.len_utf8(),
        timex.end + close,
    ))
}

/// More than three words in `segment` besides the time expression.
fn wordy_besides(text: &str, segment: Span, timex: Span) -> bool {
    word_count(text, Span::new(segment.start, timex.start))
        + word_count(text, Span::new(timex.end, segment.end))
        > 3
}

/// Words (with a letter or digit) in `span` of `text`.
fn word_count(text: &str, span: Span) -> usize {
    span.slice(text)
        .unwrap_or("")
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// `word` begins with the first three letters of `month` ("sept", "jan").
fn month_abbreviation(word: &str, month: &str) -> bool {
    month
        .get(..3)
        .is_some_and(|prefix| word.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(text: &str, timex: &str, trigger: &str) -> bool {
        let at = |needle: &str| {
            let start = text.find(needle).unwrap_or(0);
            Span::new(start, start + needle.len())
        };
        may_date(text, Span::new(0, text.len()), at(timex), at(trigger))
    }

    #[test]
    fn state_ends_and_foundings_do_not_date() {
        assert!(!allowed(
            "In Velm, the capital until 1990, rioters seized control of the port.",
            "1990",
            "seized control"
        ));
        assert!(!allowed(
            "The pact has sent troops abroad twice since it was founded in 1994.",
            "1994",
            "sent troops"
        ));
    }

    #[test]
    fn relative_clauses_and_appositions_keep_their_dates() {
        assert!(!allowed(
            "Orlan, who has ruled the island since 2004, has not commented on the unrest.",
            "2004",
            "unrest"
        ));
        assert!(!allowed(
            "Ivo Sten, the police chief dismissed on Friday, was arrested.",
            "Friday",
            "arrested"
        ));
        assert!(allowed(
            "Ivo Sten, a reporter detained on 9 May, remains in custody.",
            "9 May",
            "detained"
        ));
    }

    #[test]
    fn a_year_modifying_a_noun_dates_that_noun_only() {
        assert!(!allowed(
            "Famous 1950s pin-up star Lena Sorrow has died in Lirona.",
            "1950s",
            "died"
        ));
        assert!(!allowed(
            "Lena Sorrow, the 1950s pin-up queen and pop icon who died on Thursday, will be missed.",
            "the 1950s",
            "died"
        ));
        assert!(allowed(
            "The 2003 earthquake razed the town.",
            "2003",
            "earthquake"
        ));
        assert!(allowed(
            "In 2003 an earthquake razed the old town of Velm.",
            "2003",
            "razed"
        ));
        assert!(allowed(
            "Since 2019 police have arrested dozens of editors in Velm.",
            "2019",
            "arrested"
        ));
    }

    #[test]
    fn a_cleft_focus_dates_only_when_it_is_the_date() {
        assert!(!allowed(
            "It is precisely to end the chaos of 4-7 May that the governor asked for troops.",
            "4-7 May",
            "asked for troops"
        ));
        assert!(allowed(
            "It was on 5 May that the governor asked for troops.",
            "5 May",
            "asked for troops"
        ));
    }

    #[test]
    fn dates_of_measures_do_not_date() {
        assert!(!allowed(
            "Fares were frozen at their May level for a year.",
            "May",
            "frozen"
        ));
    }

    #[test]
    fn fronted_and_short_adverbials_date() {
        assert!(allowed(
            "Then, on 9 May, the governor began to arrest his rivals.",
            "9 May",
            "arrest"
        ));
        assert!(allowed(
            "On the evening of 5 May, the governor appealed for help.",
            "5 May",
            "appealed"
        ));
        assert!(allowed(
            "Mobile internet has been cut since Tuesday.",
            "Tuesday",
            "cut"
        ));
    }

    #[test]
    fn weekday_against_an_earlier_date_is_not_a_date() {
        let timex = |text: &str, anchor| Timex {
            span: Span::new(0, text.len()),
            text: text.to_string(),
            timex_type: TimexType::Date,
            value: "1993-01-01".to_string(),
            start: chrono::NaiveDate::from_ymd_opt(1993, 1, 1),
            end: chrono::NaiveDate::from_ymd_opt(1993, 1, 1),
            approximate: false,
            anchor,
            inferred: false,
        };
        assert!(date_value(&timex("Friday", TimeAnchor::Narrative)).is_none());
        assert!(date_value(&timex("Wednesday night", TimeAnchor::Narrative)).is_none());
        assert!(date_value(&timex("Friday", TimeAnchor::Publication)).is_some());
        assert!(date_value(&timex("Friday, 1 January", TimeAnchor::Narrative)).is_some());
        assert!(date_value(&timex("1 January", TimeAnchor::Narrative)).is_some());
    }
}
