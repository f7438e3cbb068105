//! General actions: the happenings of kinds the typed lexicon has no type
//! for ("stopped", "has reinstated", "was released").
//!
//! The words of the general actions' list (`data/general_actions.tsv`) and
//! every past verb of a prose sentence are candidates; extraction keeps one
//! only where a date tells when it happened: its clause's own day or month
//! ("suspended trading on Wednesday"), or, in the lead's present perfect,
//! the publication day (see [`crate::lead`]). Left out: words after a
//! determiner ("the injured"), capitalized words inside a sentence (names:
//! "United"), a participle describing a noun ("illusions, carefully
//! propagated by the regime") and [`NOT_ACTIONS`]: reporting, thinking,
//! being, aspectual and light verbs. The general-action check then drops
//! what a modal makes unrealised ("will be completed", "to pass") and a
//! participle after a present "is" or "are" (a state: "is connected").

use std::borrow::Cow;

use corroborate_model::{Span, Token};

use crate::lead::is_prose;
use crate::lexicon::{GENERAL_ACTIONS, NOT_ACTIONS};

/// The spans of the candidate general actions: the words of the general
/// actions' list ([`GENERAL_ACTIONS`], in any sentence) and the past verbs
/// of the prose sentences.
pub(crate) fn general_action_words(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Span> {
    let mut found = Vec::new();
    for sentence in sentences {
        let words: Vec<(Span, &str)> = corroborate_text::tokens_in(tokens, *sentence)
            .iter()
            .filter(|t| t.is_word() && sentence.contains(t.span))
            .map(|t| (t.span, t.text(text)))
            .collect();
        let prose = is_prose(text, *sentence);
        let listed = words
            .iter()
            .enumerate()
            .filter(|&(position, (_, word))| !(prose && is_name_like(position, word)))
            .filter(|(_, (_, word))| GENERAL_ACTIONS.contains_key(lower_case(word).as_ref()))
            .map(|(_, (span, _))| *span);
        found.extend(listed);
        if prose {
            past_verbs(&words, &mut found);
        }
    }
    found
}

/// The candidate past verbs among a sentence's words.
fn past_verbs(words: &[(Span, &str)], found: &mut Vec<Span>) {
    for (position, &(span, word)) in words.iter().enumerate() {
        if is_name_like(position, word) {
            continue;
        }
        let lower = lower_case(word);
        if !crate::verbs::may_be_past(&lower) || NOT_ACTIONS.contains(&lower.as_ref()) {
            continue;
        }
        let before = |back: usize| {
            position
                .checked_sub(back)
                .and_then(|p| words.get(p))
                .map(|(_, w)| lower_case(w))
        };
        let previous = before(1);
        let next = words.get(position + 1).map(|(_, w)| *w);
        if !previous
            .as_deref()
            .is_some_and(|p| DETERMINERS.contains(&p))
            && !reduced_passive(previous.as_deref(), next)
            && crate::verbs::past_base(&lower).is_some()
        {
            found.push(span);
        }
    }
}

/// Inside a prose sentence a capitalized word is a name ("United", "in
/// Find", "Rose Byrne"); headlines capitalize their verbs.
fn is_name_like(position: usize, word: &str) -> bool {
    position > 0 && word.starts_with(char::is_uppercase)
}

/// The word in lower case, borrowed when it already is.
fn lower_case(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// "illusions of stability, carefully propagated by the regime": a
/// participle with its "by" and no auxiliary before it describes a noun
/// (a reduced relative clause); the clause's news is its main verb.
fn reduced_passive(previous: Option<&str>, next: Option<&str>) -> bool {
    let auxiliary = previous.is_some_and(|p| PASSIVE_AUXILIARIES.contains(&p));
    next.is_some_and(|n| n.eq_ignore_ascii_case("by")) && !auxiliary
}

const PASSIVE_AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "got", "get",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those",
    "whose",
];
