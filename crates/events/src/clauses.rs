//! Splitting a sentence into clauses that can carry their own event and
//! date.
//!
//! Boundaries: a semicolon; a comma followed by a coordinating word
//! ("…, and on January 6 removed …", ", but", ", while", ", whereas",
//! ", yet"; the concessive ", although", ", though", ", even though": a
//! concession tells another happening), except the ", and" before the last item of a list of short
//! phrases ("X, swimmer, actress, and pin-up icon, has died"); a comma before "with" ("blocked on May 5, with access
//! restored five days later": a second happening with its own date) or
//! before "after"/"before" ("protests began on 2 May, after price caps
//! were lifted": the earlier happening does not share the date); "and"
//! directly followed by a time preposition ("… and on Monday …"); and the
//! "that" after a reporting verb ("announced on 15 January that 225 people
//! had been killed": the announcement's date is not the deaths' date).

use std::sync::LazyLock;

use corroborate_model::Span;
use regex::Regex;

use crate::lexicon::compile;

static BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)
        ;
        | ,\s+(?:and|but|while|whereas|yet|with|after|before|although|though|even\s+though)\b
        | \s+and\s+(?:on|in|by|then|later|since)\b
        | \b(?:said|says|announced|stated|reported|confirmed|claimed|alleged|added|noted|declared|warned|insisted|argued|promised|denied|believes?|believed|posted)\b[^,;.]{0,60}?\s(?P<that>that)\b
        ",
    )
    .expect("constant regex is valid")
});

/// The clauses of `sentence`, in order, covering it without gaps.
pub(crate) fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let Some(slice) = sentence.slice(text) else {
        return vec![sentence];
    };
    let mut spans = Vec::new();
    let mut start = sentence.start;
    for caps in BOUNDARY.captures_iter(slice) {
        let Some(whole) = caps.get(0) else { continue };
        // After a reporting verb the split falls after "that"; elsewhere
        // the boundary words open the next clause.
        if ends_a_list(slice, whole.start(), whole.end()) {
            continue;
        }
        let split = match caps.name("that") {
            Some(that) => sentence.start + that.end(),
            None => sentence.start + whole.start(),
        };
        if split > start {
            spans.push(Span::new(start, split));
            start = split;
        }
    }
    spans.push(Span::new(start, sentence.end));
    spans
}

/// Most words a list item may have ("pin-up icon", "the old port").
const LIST_ITEM_WORDS: usize = 3;

/// Whether the ", and" at `start..end` of `sentence` joins the last item
/// of a list of short phrases set off by commas ("Esther Vale, swimmer,
/// actress, and pin-up icon, has died"), not two clauses: the phrases
/// before it and after it, up to the next comma, are short and the one
/// after it is followed by a comma.
fn ends_a_list(sentence: &str, start: usize, end: usize) -> bool {
    let Some(joiner) = sentence.get(start..end) else {
        return false;
    };
    if !joiner
        .trim_start_matches(',')
        .trim_start()
        .starts_with("and")
    {
        return false;
    }
    let before = sentence.get(..start).unwrap_or("");
    let previous_item = before.rsplit(',').next().unwrap_or(before);
    let after = sentence.get(end..).unwrap_or("");
    let Some((next_item, _)) = after.split_once(',') else {
        return false;
    };
    let words = |s: &str| s.split_whitespace().count();
    before.contains(',')
        && words(previous_item) <= LIST_ITEM_WORDS
        && words(next_item) < LIST_ITEM_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        clauses(text, Span::new(0, text.len()))
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_coordinated_dated_clauses() {
        assert_eq!(
            texts("On May 3 she fired the cabinet, and on May 4 named a new one."),
            vec![
                "On May 3 she fired the cabinet",
                ", and on May 4 named a new one."
            ]
        );
        assert_eq!(
            texts("Police left and on Monday troops came"),
            vec!["Police left", " and on Monday troops came"]
        );
    }

    #[test]
    fn splits_after_reporting_that() {
        assert_eq!(
            texts("The ministry announced on 3 May that 12 people died."),
            vec!["The ministry announced on 3 May that", " 12 people died."]
        );
    }

    #[test]
    fn splits_before_with_and_after() {
        assert_eq!(
            texts("Phones were cut on May 5, with calls restored later."),
            vec!["Phones were cut on May 5", ", with calls restored later."]
        );
        assert_eq!(
            texts("Riots began on May 2, after prices rose."),
            vec!["Riots began on May 2", ", after prices rose."]
        );
    }

    /// Regression: a concessive clause shared the main clause's date
    /// ("rejected the plan in October, although experts say the deal had
    /// been blocked" dated the blocking to October).
    #[test]
    fn splits_before_a_concession() {
        assert_eq!(
            texts("Lawmakers rejected the plan in October, although experts say it was blocked."),
            vec![
                "Lawmakers rejected the plan in October",
                ", although experts say it was blocked."
            ]
        );
        assert_eq!(
            texts("The port closed on 4 May, even though ships kept arriving."),
            vec![
                "The port closed on 4 May",
                ", even though ships kept arriving."
            ]
        );
    }

    #[test]
    fn keeps_a_list_of_short_phrases_whole() {
        assert_eq!(
            texts("Esther Vale, swimmer, actress, and pin-up icon, has died."),
            vec!["Esther Vale, swimmer, actress, and pin-up icon, has died."]
        );
        assert_eq!(
            texts("Police fired tear gas, and on May 4, troops arrived."),
            vec!["Police fired tear gas", ", and on May 4, troops arrived."]
        );
    }

    #[test]
    fn keeps_simple_sentences_whole() {
        assert_eq!(
            texts("Troops arrived in the city."),
            vec!["Troops arrived in the city."]
        );
    }
}
