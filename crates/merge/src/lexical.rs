//! Content-word sets for comparing sentences.

use std::collections::{BTreeSet, HashMap};

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

/// Words as numbers: each distinct word of a corpus gets an id, in
/// alphabetical order, so that a sentence's words are a short sorted list
/// of ids (a 100,000-report corpus holds about a million event sentences,
/// and a set of strings for each took most of their memory). Ids compare
/// as their words do, so sums over word lists run in the order they ran
/// over sorted strings.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    ids: HashMap<String, u32>,
}

/// A sentence's content words as sorted, distinct [`Vocabulary`] ids.
pub(crate) type WordIds = Box<[u32]>;

impl Vocabulary {
    /// The word's id, a new one (the next number) for a word not seen
    /// before. Ids are numbered in the order first seen until
    /// [`Vocabulary::into_alphabetical`].
    pub(crate) fn intern(&mut self, word: String) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(word).or_insert(next)
    }

    /// The ids of a set of words, interning new ones, sorted.
    pub(crate) fn intern_all(&mut self, words: BTreeSet<String>) -> WordIds {
        let mut ids: Vec<u32> = words.into_iter().map(|w| self.intern(w)).collect();
        ids.sort_unstable();
        ids.into_boxed_slice()
    }

    /// Renumbers the words in alphabetical order; returns the vocabulary
    /// and, for each old id, its new one (see [`renumbered`]).
    pub(crate) fn into_alphabetical(self) -> (Vocabulary, Vec<u32>) {
        let mut words: Vec<(String, u32)> = self.ids.into_iter().collect();
        words.sort_unstable();
        let mut new_of_old = vec![0; words.len()];
        let mut ids = HashMap::with_capacity(words.len());
        for (new, (word, old)) in (0u32..).zip(words) {
            new_of_old[old as usize] = new;
            ids.insert(word, new);
        }
        (Vocabulary { ids }, new_of_old)
    }

    /// The ids of the words the vocabulary knows, sorted.
    pub(crate) fn ids_of(&self, words: &BTreeSet<String>) -> WordIds {
        let mut ids: Vec<u32> = words.iter().filter_map(|w| self.id(w)).collect();
        ids.sort_unstable();
        ids.into_boxed_slice()
    }

    pub(crate) fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

/// Ids numbered before [`Vocabulary::into_alphabetical`], renumbered and
/// sorted.
pub(crate) fn renumbered(ids: &[u32], new_of_old: &[u32]) -> WordIds {
    let mut new: Vec<u32> = ids.iter().map(|&id| new_of_old[id as usize]).collect();
    new.sort_unstable();
    new.into_boxed_slice()
}

/// How many ids two sorted id lists share.
pub(crate) fn shared_ids(a: &[u32], b: &[u32]) -> usize {
    merged_ids(a, b).filter(|(_, both)| *both).count()
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
    let shared = shared_ids(a, b);
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
    fn numbered_words_keep_alphabetical_order_and_similarity() {
        let a = content_words("Protests over fuel prices began in Lirona on 3 March.");
        let b = content_words("Demonstrations against fuel prices began in Lirona on 4 March.");
        let mut vocabulary = Vocabulary::default();
        let first = [
            vocabulary.intern_all(a.clone()),
            vocabulary.intern_all(b.clone()),
        ];
        let (vocabulary, new_of_old) = vocabulary.into_alphabetical();
        let ids: Vec<WordIds> = first
            .iter()
            .map(|set| renumbered(set, &new_of_old))
            .collect();
        assert_eq!(ids[0], vocabulary.ids_of(&a));
        assert_eq!(vocabulary.len(), a.union(&b).count());
        let fuel = vocabulary.id("fuel").expect("fuel is numbered");
        let lirona = vocabulary.id("lirona").expect("lirona is numbered");
        assert!(fuel < lirona, "ids follow the alphabet");
        assert!(ids.iter().all(|set| set.windows(2).all(|w| w[0] < w[1])));
        assert_eq!(jaccard_ids(&ids[0], &ids[1]), jaccard(&a, &b));
        let merged: Vec<(u32, bool)> = merged_ids(&[1, 3, 5], &[2, 3]).collect();
        assert_eq!(merged, [(1, false), (2, false), (3, true), (5, false)]);
        assert_eq!(jaccard_ids(&[], &[]), 0.0);
    }
}
