//! The tense of the sentence around a year-less date in news.
//!
//! "Protests erupted in December", published in November, is the December
//! before; "The vote will be held in March" is the March after. News
//! speaks mostly of the past, so a date whose sentence is told in the past
//! tense resolves to its latest occurrence up to the publication date, one
//! whose sentence looks ahead ("will", "next", "scheduled", "plans to") to
//! its first occurrence from then on; a sentence with both signals or
//! neither keeps the nearest-occurrence rule (past-biased).

use super::Resolver;

/// What the words of a sentence say about when it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    Unknown,
}

/// Cues that put a date after the publication date, even read in its own
/// clause.
const AHEAD_CUES: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "next",
    "scheduled",
    "due",
    "planned",
    "expected",
    "upcoming",
];

/// Words of a planned or reported future that also close or report past
/// spans ("remained closed until", "said he would"): they count only over
/// a whole sentence.
const LOOSE_FUTURE_WORDS: &[&str] = &["plans", "plan", "would", "intends", "aims", "until"];

/// A cue that puts a date ahead in its own clause.
pub(super) fn ahead_cue(word: &str) -> bool {
    AHEAD_CUES.contains(&word)
}

/// A word that puts a sentence in the future (or a planned future).
fn future_word(word: &str) -> bool {
    ahead_cue(word) || LOOSE_FUTURE_WORDS.contains(&word)
}

/// Words that mark the past wherever they stand.
const PAST_MARKERS: &[&str] = &["was", "were", "had", "did", "ago", "last"];

/// Irregular past forms: like "-ed" words, they count only as verbs (not
/// after a determiner or copula: "will be held" is not past).
const IRREGULAR_PAST: &[&str] = &[
    "began",
    "came",
    "went",
    "took",
    "made",
    "left",
    "fell",
    "rose",
    "saw",
    "told",
    "said",
    "held",
    "met",
    "won",
    "lost",
    "fled",
    "struck",
    "broke",
    "brought",
    "ran",
    "spoke",
    "gave",
    "got",
    "found",
    "kept",
    "led",
    "paid",
    "sent",
    "shot",
    "sold",
    "stood",
    "thought",
    "wrote",
    "chose",
    "drove",
    "grew",
    "knew",
    "flew",
    "threw",
    "became",
    "froze",
    "hid",
    "sank",
    "shook",
    "spent",
    "stole",
    "swore",
    "swept",
    "tore",
    "withdrew",
    "overthrew",
    "sought",
    "fought",
    "caught",
    "taught",
    "bought",
    "built",
    "felt",
];

/// Words after which an "-ed" word is an adjective or participle in a noun
/// phrase ("the armed forces", "of detained protesters"), not a verb.
const BEFORE_ADJECTIVE: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "for", "with", "by", "its", "their", "his", "her", "our",
    "so", "well", "newly", "heavily", "is", "are", "be", "been", "being",
];

impl Resolver<'_> {
    /// The tense of the sentence holding byte `at` (see the module doc),
    /// read first from its own clause: the later of the last word `is_cue` takes
    /// and the last past verb before `at` ("will meet on Saturday after
    /// they beat Evansville on Friday": Friday is past); the whole
    /// sentence's words when neither stands before it.
    ///
    /// The clause is read first: in "talks resume next month, and in
    /// mid-February troops left" the date's own clause is past, whatever
    /// the clause before it says.
    pub(super) fn sentence_tense(&self, at: usize, is_cue: fn(&str) -> bool) -> Tense {
        let before = self.text.get(..at).unwrap_or("");
        let start = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
        if let Some(clause_start) = clause_start(before, start) {
            let clause_end = self.clause_end(at);
            let in_clause = tense_before(before.get(clause_start..).unwrap_or(""), is_cue);
            let clause = self.text.get(clause_start..clause_end).unwrap_or("");
            match in_clause {
                Tense::Unknown => match tense_of(clause) {
                    Tense::Unknown => {}
                    tense => return tense,
                },
                tense => return tense,
            }
        }
        match tense_before(before.get(start..).unwrap_or(""), is_cue) {
            Tense::Unknown => {
                let after = self.text.get(at..).unwrap_or("");
                let end = at + after.find(['.', '!', '?', '\n']).unwrap_or(after.len());
                tense_of(self.text.get(start..end).unwrap_or(""))
            }
            tense => tense,
        }
    }
}

/// Coordinated clauses of a sentence: each may tell its own time.
const CLAUSE_BOUNDARIES: &[&str] = &[", and ", ", but ", "; ", ", while ", ", whereas "];

/// The start of the coordinated clause that `before` (a sentence up to a
/// date, from byte `sentence_start`) ends in, when the sentence has one
/// before the date.
fn clause_start(before: &str, sentence_start: usize) -> Option<usize> {
    let sentence = before.get(sentence_start..)?;
    CLAUSE_BOUNDARIES
        .iter()
        .filter_map(|boundary| sentence.rfind(boundary).map(|i| i + boundary.len()))
        .max()
        .map(|offset| sentence_start + offset)
}

impl Resolver<'_> {
    /// The end of the clause holding byte `at`: the next clause boundary
    /// or the end of the sentence.
    fn clause_end(&self, at: usize) -> usize {
        let after = self.text.get(at..).unwrap_or("");
        let sentence_end = after.find(['.', '!', '?', '\n']).unwrap_or(after.len());
        let boundary = CLAUSE_BOUNDARIES
            .iter()
            .filter_map(|b| after.find(b))
            .min()
            .unwrap_or(after.len());
        at + sentence_end.min(boundary)
    }
}

/// The tense the words before a date give it: the later of the last word
/// `is_cue` takes ("set to"/"set for" too) and the last past verb or marker.
pub(super) fn tense_before(words_before: &str, is_cue: fn(&str) -> bool) -> Tense {
    let original: Vec<&str> = words_before
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = original.iter().map(|w| w.to_ascii_lowercase()).collect();
    let words: Vec<&str> = lower.iter().map(String::as_str).collect();
    let set_ahead =
        |i: usize| words[i] == "set" && matches!(words.get(i + 1), Some(&"to" | &"for"));
    let last_cue = (0..words.len())
        .rev()
        .find(|&i| is_cue(words[i]) || set_ahead(i));
    let last_past = (0..words.len()).rev().find(|&i| {
        PAST_MARKERS.contains(&words[i]) || is_finite_past(words[i], i, &words, &original)
    });
    match (last_cue, last_past) {
        (Some(cue), Some(past)) if cue > past => Tense::Future,
        (Some(_), None) => Tense::Future,
        (_, Some(_)) => Tense::Past,
        (None, None) => Tense::Unknown,
    }
}

/// The tense of one sentence's words.
pub(super) fn tense_of(sentence: &str) -> Tense {
    let lower = sentence.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let original: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let set_ahead =
        |i: usize| words.get(i) == Some(&"set") && matches!(words.get(i + 1), Some(&"to" | &"for"));
    let future = words
        .iter()
        .enumerate()
        .any(|(i, w)| future_word(w) || set_ahead(i));
    // "was scheduled for", "were set to": a past auxiliary of a plan.
    let plans_ahead = |i: usize| {
        words
            .get(i + 1)
            .is_some_and(|next| future_word(next) || set_ahead(i + 1))
    };
    let past = words.iter().enumerate().any(|(i, w)| {
        (PAST_MARKERS.contains(w) && !plans_ahead(i)) || is_finite_past(w, i, &words, &original)
    });
    match (past, future) {
        (true, false) => Tense::Past,
        (false, true) => Tense::Future,
        _ => Tense::Unknown,
    }
}

/// A past form ("-ed" or irregular) used as a verb: lower case in the
/// text and not after a determiner, preposition or copula.
fn is_finite_past(word: &str, index: usize, words: &[&str], original: &[&str]) -> bool {
    let lower_case_in_text = original
        .get(index)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    let after_adjective_slot = index
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|previous| BEFORE_ADJECTIVE.contains(previous));
    let past_form = (word.len() > 4 && word.ends_with("ed")) || IRREGULAR_PAST.contains(&word);
    past_form && lower_case_in_text && !after_adjective_slot && !future_word(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_and_future_sentences() {
        assert_eq!(tense_of("Protests erupted in December"), Tense::Past);
        assert_eq!(tense_of("The January unrest left 225 dead"), Tense::Past);
        assert_eq!(tense_of("In March, the court ruled"), Tense::Past);
        assert_eq!(tense_of("The vote will be held in March"), Tense::Future);
        assert_eq!(tense_of("Elections are scheduled for March"), Tense::Future);
        assert_eq!(tense_of("Filming is set to begin in August"), Tense::Future);
        assert_eq!(
            tense_of("A trial date was set for October 28"),
            Tense::Future
        );
        assert_eq!(tense_of("The vote was scheduled for March"), Tense::Future);
    }

    #[test]
    fn adjectives_in_ed_and_mixed_signals_say_nothing() {
        assert_eq!(
            tense_of("The armed forces of the United Nations in March"),
            Tense::Unknown
        );
        assert_eq!(
            tense_of("He said the talks would resume in March"),
            Tense::Unknown
        );
        assert_eq!(tense_of("Prices in March"), Tense::Unknown);
    }
}
