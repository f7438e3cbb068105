//! Words as numbers, for stages that compare many sentences by the words
//! they share.

use std::collections::{BTreeSet, HashMap};

/// Numbers the distinct words of a corpus, so that a sentence's words are
/// a short sorted list of ids instead of a set of strings (a corpus of
/// 100,000 reports holds about a million event sentences). Ids are given
/// in the order words are first seen; [`Vocabulary::into_alphabetical`]
/// renumbers them in alphabetical order, so that ids compare as their
/// words do and sums over sorted id lists run in the order they ran over
/// sorted strings.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
}

/// A sentence's words as sorted, distinct [`Vocabulary`] ids.
pub type WordIds = Box<[u32]>;

impl Vocabulary {
    /// The word's id, the next number for a word not seen before.
    pub fn intern(&mut self, word: String) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(word).or_insert(next)
    }

    /// The ids of a set of words, numbering new ones, sorted.
    pub fn intern_all(&mut self, words: BTreeSet<String>) -> WordIds {
        let mut ids: Vec<u32> = words.into_iter().map(|w| self.intern(w)).collect();
        ids.sort_unstable();
        ids.into_boxed_slice()
    }

    /// Renumbers the words in alphabetical order; returns the vocabulary
    /// and, for each old id, its new one (see [`renumbered`]).
    pub fn into_alphabetical(self) -> (Vocabulary, Vec<u32>) {
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

    /// The ids of the words the vocabulary knows, sorted (a word it does
    /// not know is shared with no numbered sentence).
    pub fn ids_of(&self, words: &BTreeSet<String>) -> WordIds {
        let mut ids: Vec<u32> = words.iter().filter_map(|w| self.id(w)).collect();
        ids.sort_unstable();
        ids.into_boxed_slice()
    }

    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Ids numbered before [`Vocabulary::into_alphabetical`], renumbered and
/// sorted.
pub fn renumbered(ids: &[u32], new_of_old: &[u32]) -> WordIds {
    let mut new: Vec<u32> = ids.iter().map(|&id| new_of_old[id as usize]).collect();
    new.sort_unstable();
    new.into_boxed_slice()
}

/// How many values two sorted, deduplicated slices share, in one pass.
pub fn shared_sorted<T: Ord>(a: &[T], b: &[T]) -> usize {
    sorted_intersection(a, b).count()
}

/// The values two sorted, deduplicated slices share, in order, in one
/// pass over both.
pub fn sorted_intersection<'a, T: Ord>(a: &'a [T], b: &'a [T]) -> impl Iterator<Item = &'a T> {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(x);
                }
            }
        }
        None
    })
}

/// How many of a set's words, taken in one global order (rarest first is
/// quickest), must include one shared with any set of Jaccard similarity
/// ≥ `threshold` with it: with overlap `o` and union `u ≥ n`, `o/u ≥ t`
/// needs `o ≥ t·n`, so a similar set shares one of the first
/// `n + 1 − ⌈t·n⌉` (prefix filtering for set-similarity joins). The
/// bound is lowered a hair so that float rounding can only lengthen the
/// prefix, never miss a similar set.
pub fn jaccard_prefix_len(len: usize, threshold: f64) -> usize {
    let min_overlap = ((len as f64) * threshold * (1.0 - 1e-9)).ceil() as usize;
    len + 1 - min_overlap.clamp(1, len.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> BTreeSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn renumbering_follows_the_alphabet() {
        let mut vocabulary = Vocabulary::default();
        let first = vocabulary.intern_all(set(&["zinc", "acid"]));
        let second = vocabulary.intern_all(set(&["mill", "zinc"]));
        assert_eq!(vocabulary.len(), 3);
        let (vocabulary, new_of_old) = vocabulary.into_alphabetical();
        assert_eq!(vocabulary.id("acid"), Some(0));
        assert_eq!(vocabulary.id("mill"), Some(1));
        assert_eq!(vocabulary.id("zinc"), Some(2));
        assert_eq!(&*renumbered(&first, &new_of_old), &[0, 2]);
        assert_eq!(&*renumbered(&second, &new_of_old), &[1, 2]);
        assert_eq!(
            &*vocabulary.ids_of(&set(&["zinc", "unknown", "acid"])),
            &[0, 2]
        );
    }

    #[test]
    fn shared_values_of_sorted_slices() {
        assert_eq!(shared_sorted(&[1, 3, 5, 7], &[3, 4, 5]), 2);
        assert_eq!(shared_sorted::<u32>(&[], &[1]), 0);
        assert_eq!(shared_sorted(&["a", "b"], &["b", "c"]), 1);
    }

    #[test]
    fn a_prefix_keeps_what_a_similar_set_must_share() {
        assert_eq!(jaccard_prefix_len(10, 0.3), 8);
        assert_eq!(jaccard_prefix_len(3, 0.12), 3);
        assert_eq!(jaccard_prefix_len(1, 0.5), 1);
        assert_eq!(jaccard_prefix_len(0, 0.5), 0);
        assert_eq!(jaccard_prefix_len(20, 0.3), 15);
    }
}
