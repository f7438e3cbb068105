//! Content-word sets for comparing sentences.

use std::collections::BTreeSet;

use corroborate_model::words::is_calendar_name;
use corroborate_text::alphanumeric_runs;

const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "he",
    "she",
    "they",
    "them",
    "his",
    "her",
    "their",
    "we",
    "our",
    "which",
    "who",
    "whom",
    "after",
    "before",
    "into",
    "over",
    "than",
    "then",
    "also",
    "not",
    "no",
    "said",
    "says",
    "would",
    "will",
    "could",
    "can",
    "may",
    "there",
    "what",
    "when",
    "where",
    "while",
    "about",
    "up",
    "out",
    "more",
    "most",
    "some",
    "such",
    "so",
    "if",
    "all",
    "any",
    "both",
    "each",
    "other",
    "own",
    "only",
    "same",
    "too",
    "very",
    "just",
    "did",
    "do",
    "does",
    "being",
    "because",
    "until",
    "against",
    "between",
    "through",
    "during",
    "above",
    "below",
    "under",
    "again",
    "further",
    "once",
    "here",
    "why",
    "how",
    "you",
    "i",
    "me",
    "my",
    "him",
    "himself",
    "itself",
    // Dates are compared as dates, not as words (month and weekday
    // names are checked in `content_words`).
    "today",
    "yesterday",
    "week",
    "month",
    "year",
    "day",
    "days",
    "night",
    "morning",
    "evening",
    "afternoon",
];

/// Lower-cased content words of `text`, crudely stemmed (plural -s, -ed,
/// -ing dropped) so that "protests"/"protested" meet.
pub(crate) fn content_words(text: &str) -> BTreeSet<String> {
    alphanumeric_runs(text)
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()) && !is_calendar_name(w))
        .map(|w| stem(&w))
        .collect()
}

fn stem(word: &str) -> String {
    for suffix in ["ing", "ed", "s"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= 4 {
                return base.to_string();
            }
        }
    }
    word.to_string()
}

/// The ids of either of two sorted lists, in increasing order, each with
/// whether both hold it.
pub(crate) fn merged_ids<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = (u32, bool)> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || match (a.get(i), b.get(j)) {
        (Some(&x), Some(&y)) if x == y => {
            i += 1;
            j += 1;
            Some((x, true))
        }
        (Some(&x), Some(&y)) if x < y => {
            i += 1;
            Some((x, false))
        }
        (_, Some(&y)) => {
            j += 1;
            Some((y, false))
        }
        (Some(&x), None) => {
            i += 1;
            Some((x, false))
        }
        (None, None) => None,
    })
}

/// Jaccard similarity of two sorted id lists (0 when both are empty).
pub(crate) fn jaccard_ids(a: &[u32], b: &[u32]) -> f64 {
    let shared = corroborate_text::shared_sorted(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        return 0.0;
    }
    shared as f64 / union as f64
}

/// Jaccard similarity of two word sets (0 when both are empty).
#[cfg(test)]
pub(crate) fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_sentences_score_higher() {
        let a = content_words("Protests over fuel prices began in Lirona on 3 March.");
        let b = content_words("Demonstrations against fuel prices began in Lirona on 4 March.");
        let c = content_words("The president thanked the alliance for its warm reaction.");
        assert!(jaccard(&a, &b) > 0.3);
        assert!(jaccard(&a, &c) < 0.1);
        assert!(a.contains("protest") && a.contains("price"));
    }

    #[test]
    fn jaccard_over_numbered_words_is_jaccard_over_the_words() {
        let a = content_words("Protests over fuel prices began in Lirona on 3 March.");
        let b = content_words("Demonstrations against fuel prices began in Lirona on 4 March.");
        let mut vocabulary = corroborate_text::Vocabulary::default();
        let (a_ids, b_ids) = (
            vocabulary.intern_all(a.clone()),
            vocabulary.intern_all(b.clone()),
        );
        assert_eq!(jaccard_ids(&a_ids, &b_ids), jaccard(&a, &b));
        let merged: Vec<(u32, bool)> = merged_ids(&[1, 3, 5], &[2, 3]).collect();
        assert_eq!(merged, [(1, false), (2, false), (3, true), (5, false)]);
        assert_eq!(jaccard_ids(&[], &[]), 0.0);
    }
}
