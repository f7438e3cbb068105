//! Finding the speaker of a reporting cue.
//!
//! The speaker is the noun phrase right before the cue, found by walking
//! back over words: first over adverbs and auxiliaries ("further",
//! "has", "reportedly"), then over the phrase itself until a clause word
//! ("that", "which", "and", "to", …), punctuation, or eight words. A
//! be-form before the cue makes it passive ("was said to"): no speaker.
//! A determiner right before the cue makes it a modifier ("the alleged
//! plot"): not a cue. A personal pronoun is a speaker by itself and is
//! resolved to the nearest preceding person mention.

use corroborate_model::{EntityKind, Mention, Span};

use crate::words::{is_one_of, only_space_between, starts_upper, text_of, Words};

const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "did",
    "does",
    "do",
    "also",
    "instead",
    "further",
    "then",
    "later",
    "now",
    "again",
    "already",
    "still",
    "never",
    "once",
    "even",
    "just",
    "yet",
    "soon",
    "himself",
    "herself",
    "itself",
    "themselves",
];

/// Nouns ending in -ly, which must not be skipped as adverbs.
const LY_NOUNS: &[&str] = &[
    "family", "ally", "rally", "assembly", "supply", "monopoly", "anomaly", "july", "italy",
];

/// Words that end a subject noun phrase when walking back.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "what", "when", "where", "while", "whilst", "as",
    "if", "because", "but", "or", "nor", "than", "after", "before", "since", "although", "though",
    "whereas", "so", "to", "by", "with", "about", "into", "over", "during", "against", "through",
    "without", "upon", "on", "how", "why", "there", "here", "not", "also", "then",
];

const PREPOSITIONS_IN_PHRASE: &[&str] = &["of", "in", "from", "at", "within", "for"];

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "of", "in", "from", "at", "within", "for", "and",
];

const MAX_PHRASE_WORDS: usize = 8;

/// What lies right before a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Preceding {
    Subject(Span),
    /// "was said", "have been confirmed": no speaker here.
    Passive,
    /// "the alleged plot": the cue word is not a verb.
    Modifier,
    /// Punctuation (comma, dash, quote) right before the cue.
    Punctuation,
    /// "has not accused": the speaker did not say it.
    Negated,
    Nothing,
}

/// The subject right before `cue_start`, not looking before `from`.
/// `progressive` cues ("-ing" forms) take be-forms as auxiliaries.
pub(crate) fn preceding_subject(
    words: &Words,
    from: usize,
    cue_start: usize,
    progressive: bool,
) -> Preceding {
    let text = words.text;
    let words = words.within(Span::new(from, cue_start));
    let mut idx = words.len();
    let mut boundary = cue_start;
    let mut skipped = 0;
    while let Some(&word) = idx.checked_sub(1).and_then(|i| words.get(i)) {
        if !only_space_between(text, word.end, boundary) {
            return if skipped == 0 {
                Preceding::Punctuation
            } else {
                Preceding::Nothing
            };
        }
        let w = text_of(text, word);
        if is_one_of(w, BE_FORMS) {
            if !progressive {
                return Preceding::Passive;
            }
        } else if skipped == 0 && is_one_of(w, &["the", "a", "an", "his", "her", "its", "their"]) {
            return Preceding::Modifier;
        } else if is_negation(w) {
            return Preceding::Negated;
        } else if !is_adverb_or_auxiliary(w) {
            break;
        }
        skipped += 1;
        boundary = word.start;
        idx -= 1;
    }
    if idx == 0 {
        let only_space = only_space_between(text, from, boundary);
        return if skipped == 0 && !only_space {
            Preceding::Punctuation
        } else {
            Preceding::Nothing
        };
    }
    match phrase_ending_at(text, &words[..idx], boundary) {
        Some(span) => Preceding::Subject(span),
        None => Preceding::Nothing,
    }
}

fn is_negation(word: &str) -> bool {
    is_one_of(word, &["not", "never", "no"]) || word.ends_with("n't") || word.ends_with("n’t")
}

fn is_adverb_or_auxiliary(word: &str) -> bool {
    let lower_ly =
        !starts_upper(word) && word.len() > 4 && word.ends_with("ly") && !is_one_of(word, LY_NOUNS);
    lower_ly || is_one_of(word, AUXILIARIES)
}

/// The noun phrase made of the last words of `words`, which end right
/// before `boundary` (only white space between).
fn phrase_ending_at(text: &str, words: &[Span], boundary: usize) -> Option<Span> {
    let mut boundary = boundary;
    let mut taken: Vec<Span> = Vec::new();
    for &word in words.iter().rev() {
        if !only_space_between(text, word.end, boundary) {
            break;
        }
        let w = text_of(text, word);
        if is_one_of(w, PRONOUNS) {
            if taken.is_empty() {
                return Some(word);
            }
            break;
        }
        if is_one_of(w, &["do", "does", "did"]) {
            return None; // "what does the report say": a question
        }
        if is_one_of(w, CLAUSE_WORDS)
            || (w.eq_ignore_ascii_case("and") && !and_joins_names(text, &taken))
        {
            break;
        }
        taken.push(word);
        boundary = word.start;
        if taken.len() >= MAX_PHRASE_WORDS {
            break;
        }
    }
    taken.reverse();
    tidy_phrase(text, &taken)
}

/// "Kazakh officials and Foreign news agencies": "and" joins two phrases
/// when the phrase after it starts with a capital and is short.
fn and_joins_names(text: &str, taken_reversed: &[Span]) -> bool {
    let first_after_and = taken_reversed.last().map(|w| text_of(text, *w));
    taken_reversed.len() <= 4 && first_after_and.is_some_and(starts_upper)
}

/// Drops a leading prepositional lead-in ("Friday the ministry" after
/// "On"), and rejects phrases that end in a function word.
fn tidy_phrase(text: &str, words: &[Span]) -> Option<Span> {
    let mut words = words;
    if words.first().is_some_and(|w| {
        is_one_of(text_of(text, *w), PREPOSITIONS_IN_PHRASE)
            || text_of(text, *w).eq_ignore_ascii_case("and")
    }) {
        let last_determiner = words
            .iter()
            .rposition(|w| is_one_of(text_of(text, *w), &["the", "a", "an"]));
        words = match last_determiner {
            Some(pos) => words.get(pos..)?,
            None => words.get(1..)?,
        };
    }
    let first = words.first()?;
    let last = words.last()?;
    if is_one_of(text_of(text, *last), FUNCTION_WORDS) {
        return None;
    }
    Some(Span::new(first.start, last.end))
}

/// A short noun phrase after a cue running to the end of `until`
/// ("…,” said the foreign minister on Friday."), for inverted quotes.
pub(crate) fn following_phrase(words: &Words, cue_end: usize, until: usize) -> Option<Span> {
    let text = words.text;
    let words = words.within(Span::new(cue_end, until));
    if words.is_empty() || words.len() > MAX_PHRASE_WORDS + 4 {
        return None;
    }
    let tail = text_of(text, Span::new(words.last()?.end, until));
    if !tail
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | '!' | '?' | ')' | '”' | '"'))
    {
        return None;
    }
    let mut end = 0;
    for (i, word) in words.iter().enumerate() {
        let w = text_of(text, *word);
        if is_one_of(w, &["that", "which", "who"]) {
            return None;
        }
        // A time adverbial after the name ends the phrase.
        if i > 0
            && is_one_of(
                w,
                &["on", "in", "at", "last", "this", "during", "when", "after"],
            )
        {
            break;
        }
        if i > 0 && !only_space_between(text, words.get(i - 1)?.end, word.start) {
            break;
        }
        end = i + 1;
    }
    let phrase = words.get(..end)?;
    tidy_phrase(text, phrase)
}

/// A speaker as reported: the phrase, or the mention it names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Speaker {
    pub text: String,
    pub span: Span,
}

/// Links a speaker phrase to a mention: a pronoun to the nearest person
/// mentioned before it (from `lookback_start` on), a phrase to the mention
/// that is its head (the mention ending the phrase).
pub(crate) fn resolve(
    text: &str,
    phrase: Span,
    mentions: &[Mention],
    lookback_start: usize,
) -> Speaker {
    let phrase_text = text_of(text, phrase);
    if is_one_of(phrase_text, &["he", "she"]) {
        let antecedent = mentions
            .iter()
            .filter(|m| {
                m.kind == EntityKind::Person
                    && m.span.start >= lookback_start
                    && m.span.end <= phrase.start
            })
            .filter(|m| !is_modifier_or_object(text, m.span))
            .max_by_key(|m| m.span.end);
        if let Some(mention) = antecedent {
            return Speaker {
                text: mention.text.clone(),
                span: mention.span,
            };
        }
    }
    let head = mentions
        .iter()
        .filter(|m| m.span.overlaps(phrase) && m.span.end >= phrase.end)
        .min_by_key(|m| m.span.start);
    let head = match head {
        Some(mention) if modifies_the_head_noun(text, phrase, mention) => {
            head_before_modifier(mentions, phrase, mention)
        }
        other => other,
    };
    match head {
        Some(mention) => Speaker {
            text: mention.text.clone(),
            span: mention.span,
        },
        None => Speaker {
            text: phrase_text.to_string(),
            span: phrase,
        },
    }
}

/// "Residents of Dravenza", "a lawyer for Marta Oslenko", "President Orlan
/// of Velkaria": a place or a person after a preposition modifies the
/// phrase's head, which is the speaker; the place or person did not speak.
/// (An organization keeps its spokesman's words: "a spokesman for the
/// ministry".)
fn modifies_the_head_noun(text: &str, phrase: Span, mention: &Mention) -> bool {
    if !matches!(mention.kind, EntityKind::Place | EntityKind::Person) {
        return false;
    }
    let before = text.get(phrase.start..mention.span.start).unwrap_or("");
    let words: Vec<&str> = corroborate_text::alphanumeric_runs(before).collect();
    let Some((preposition, head)) = words.split_last() else {
        return false;
    };
    is_one_of(preposition, PREPOSITIONS_IN_PHRASE)
        && head.iter().any(|w| !is_one_of(w, &["the", "a", "an"]))
}

/// The person or organization named before the preposition ("President
/// Orlan" of "President Orlan of Velkaria"), or none: the phrase itself is
/// the speaker ("Residents of Dravenza").
fn head_before_modifier<'m>(
    mentions: &'m [Mention],
    phrase: Span,
    modifier: &Mention,
) -> Option<&'m Mention> {
    mentions
        .iter()
        .filter(|m| matches!(m.kind, EntityKind::Person | EntityKind::Organization))
        .filter(|m| m.span.start >= phrase.start && m.span.end <= modifier.span.start)
        .max_by_key(|m| m.span.end)
}

/// "the Roth government", "under Roth", "Roth's aide": a mention that is
/// not the subject of its clause, so not the antecedent of "he"/"she".
fn is_modifier_or_object(text: &str, mention: Span) -> bool {
    let after = text.get(mention.end..).unwrap_or("");
    if after.starts_with("'s") || after.starts_with("’s") {
        return true;
    }
    let before = text.get(..mention.start).unwrap_or("");
    let before_trimmed = before.trim_end();
    // The word right before, or "" when punctuation comes first.
    let previous_word = if before_trimmed.ends_with(char::is_alphanumeric) {
        corroborate_text::alphanumeric_runs(before_trimmed)
            .last()
            .unwrap_or("")
    } else {
        ""
    };
    let lead_ins = [
        "the", "a", "an", "under", "of", "with", "to", "by", "for", "from", "in", "on", "at",
        "against", "about", "between", "and",
    ];
    before.ends_with(|c: char| c.is_alphanumeric() || c.is_whitespace())
        && is_one_of(previous_word, &lead_ins)
}

/// The nearest person or organization mention before `before` within
/// `within`, else the first one after `after` in it: the subject of a
/// participle cue ("…, warning that …").
pub(crate) fn clause_subject_mention(
    mentions: &[Mention],
    within: Span,
    before: usize,
    after: usize,
) -> Option<&Mention> {
    let is_actor = |m: &&Mention| {
        matches!(m.kind, EntityKind::Person | EntityKind::Organization) && within.contains(m.span)
    };
    mentions
        .iter()
        .filter(is_actor)
        .filter(|m| m.span.end <= before)
        .max_by_key(|m| m.span.end)
        .or_else(|| {
            mentions
                .iter()
                .filter(is_actor)
                .filter(|m| m.span.start >= after)
                .min_by_key(|m| m.span.start)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Words<'_> {
        Words::new(text, &corroborate_text::tokens(text))
    }

    fn subject(text: &str, cue: &str) -> Option<String> {
        let at = text.find(cue)?;
        match preceding_subject(&words(text), 0, at, cue.ends_with("ing")) {
            Preceding::Subject(span) => Some(text_of(text, span).to_string()),
            _ => None,
        }
    }

    #[test]
    fn finds_subjects() {
        assert_eq!(
            subject("The interior ministry said that", "said").as_deref(),
            Some("The interior ministry")
        );
        assert_eq!(
            subject("On Monday, Marta Velez further promised", "promised").as_deref(),
            Some("Marta Velez")
        );
        assert_eq!(
            subject("in what he said was", "said").as_deref(),
            Some("he")
        );
        assert_eq!(
            subject("the editor of the Port Elm Gazette said", "said").as_deref(),
            Some("the editor of the Port Elm Gazette")
        );
        assert_eq!(
            subject(
                "Local officials and Western news agencies reported",
                "reported"
            )
            .as_deref(),
            Some("Local officials and Western news agencies")
        );
        assert_eq!(
            subject("what the city council is now describing", "describing").as_deref(),
            Some("the city council")
        );
    }

    #[test]
    fn passive_and_modifier_are_not_subjects() {
        assert_eq!(
            preceding_subject(&words("He was said"), 0, 7, false),
            Preceding::Passive
        );
        assert_eq!(
            preceding_subject(&words("the alleged"), 0, 4, false),
            Preceding::Modifier
        );
        assert_eq!(
            preceding_subject(&words("“We stay,” said"), 0, 12, false),
            Preceding::Punctuation
        );
    }

    #[test]
    fn following_phrase_stops_at_time() {
        let text = "“No,” said Foreign Minister Ana Roth on Friday.";
        let at = text.find("said").unwrap_or(0) + 4;
        let span = following_phrase(&words(text), at, text.len());
        assert_eq!(
            span.map(|s| text_of(text, s)),
            Some("Foreign Minister Ana Roth")
        );
        assert_eq!(following_phrase(&words(text), 0, 3), None);
    }
}
