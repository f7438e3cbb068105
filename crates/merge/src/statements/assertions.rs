//! An inverted index over the sentences reports assert, so that a denial
//! is scored only against sentences sharing a content word with it.
//!
//! Approach (a set-similarity search with *prefix filtering*):
//! * every asserting sentence becomes a set of interned content words;
//!   sentences with the same set (syndicated copies, boilerplate) are
//!   stored once, with the list of places they occur;
//! * each word points to the distinct sets holding it (postings);
//! * a query set `A` reaching Jaccard `t` with a set `B` shares at least
//!   `m ≈ t·|A|` words with it, so `B` holds one of the `|A| − m + 1`
//!   rarest words of `A`: only the postings of those words are read;
//! * every candidate is then scored exactly as `lexical::jaccard` scores it (intersection count over union count, as `f64`).
//!
//! The answer is the one the exhaustive scan gives: the highest score, and
//! among equal scores the earliest sentence in (report, sentence) order.

use std::collections::{BTreeSet, HashMap};

use corroborate_model::Span;

/// Where a sentence occurs: (report index, sentence index, its span).
type Occurrence = (usize, usize, Span);

/// One distinct content-word set and the sentences that have it.
struct WordSet {
    /// Interned word ids, ascending.
    words: Vec<u32>,
    /// In (report, sentence) order.
    occurrences: Vec<Occurrence>,
}

/// Sentences indexed by their content words.
#[derive(Default)]
pub(super) struct AssertionIndex {
    vocabulary: HashMap<String, u32>,
    sets: Vec<WordSet>,
    set_of_words: HashMap<Vec<u32>, usize>,
    /// Word id → ids of the sets holding it, ascending.
    postings: Vec<Vec<usize>>,
}

impl AssertionIndex {
    /// Adds a sentence; calls must come in (report, sentence) order.
    pub(super) fn add(
        &mut self,
        report: usize,
        sentence: usize,
        span: Span,
        words: &BTreeSet<String>,
    ) {
        if words.is_empty() {
            return;
        }
        let mut ids: Vec<u32> = words.iter().map(|w| self.intern(w)).collect();
        ids.sort_unstable();
        let next = self.sets.len();
        let set = *self.set_of_words.entry(ids.clone()).or_insert(next);
        if set == next {
            for &word in &ids {
                if let Some(posting) = self.postings.get_mut(word as usize) {
                    posting.push(set);
                }
            }
            self.sets.push(WordSet {
                words: ids,
                occurrences: Vec::new(),
            });
        }
        if let Some(entry) = self.sets.get_mut(set) {
            entry.occurrences.push((report, sentence, span));
        }
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.vocabulary.get(word) {
            return id;
        }
        let id = self.postings.len() as u32;
        self.vocabulary.insert(word.to_string(), id);
        self.postings.push(Vec::new());
        id
    }

    /// The sentence outside report `excluded` whose words reach Jaccard
    /// `threshold` with `query` at the highest score (the earliest one on
    /// ties), as (report, sentence span).
    pub(super) fn best_match(
        &self,
        query: &BTreeSet<String>,
        excluded: usize,
        threshold: f64,
    ) -> Option<(usize, Span)> {
        let mut known: Vec<u32> = query
            .iter()
            .filter_map(|w| self.vocabulary.get(w).copied())
            .collect();
        let prefix = corroborate_text::jaccard_prefix_len(query.len(), threshold);
        // Unknown words are the rarest of all: they fill the prefix first.
        let probes = prefix.saturating_sub(query.len() - known.len());
        known.sort_unstable_by_key(|&w| (self.posting(w).len(), w));
        let mut candidates: Vec<usize> = known
            .iter()
            .take(probes)
            .flat_map(|&w| self.posting(w).iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        known.sort_unstable();
        let mut best: Option<(f64, Occurrence)> = None;
        for set in candidates.iter().filter_map(|&s| self.sets.get(s)) {
            let score = jaccard_of_ids(&known, query.len(), &set.words);
            if score < threshold {
                continue;
            }
            let Some(&first) = set.occurrences.iter().find(|o| o.0 != excluded) else {
                continue;
            };
            let better = best.is_none_or(|(s, at)| {
                score > s || (score == s && (first.0, first.1) < (at.0, at.1))
            });
            if better {
                best = Some((score, first));
            }
        }
        best.map(|(_, (report, _, span))| (report, span))
    }

    fn posting(&self, word: u32) -> &[usize] {
        self.postings.get(word as usize).map_or(&[], Vec::as_slice)
    }
}

/// Jaccard of a query (its known word ids, ascending, and its full size,
/// unknown words included) and a set of word ids, ascending.
fn jaccard_of_ids(known: &[u32], query_len: usize, words: &[u32]) -> f64 {
    let overlap = corroborate_text::shared_sorted(known, words);
    let union = query_len + words.len() - overlap;
    if union == 0 {
        return 0.0;
    }
    overlap as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexical::{content_words, jaccard};

    const SENTENCES: &[&[&str]] = &[
        &[
            "Foreign mercenaries attacked the airport in Lirona on Wednesday.",
            "The mayor of Lirona resigned after the attack on the airport.",
        ],
        &[
            "Troops secured the airport in Lirona by Thursday evening.",
            "Foreign mercenaries attacked the airport in Lirona on Wednesday.",
            "Bread prices doubled in the northern provinces.",
        ],
        &[
            "Mercenaries from abroad attacked the Lirona airport, officials said.",
            "The ministry promised to cap bread prices.",
        ],
    ];

    fn index() -> AssertionIndex {
        let mut index = AssertionIndex::default();
        for (r, report) in SENTENCES.iter().enumerate() {
            for (s, text) in report.iter().enumerate() {
                index.add(r, s, Span::new(s, s + 1), &content_words(text));
            }
        }
        index
    }

    /// The exhaustive scan the index replaces.
    fn scan(query: &BTreeSet<String>, excluded: usize, threshold: f64) -> Option<(usize, Span)> {
        let mut best: Option<(f64, usize, Span)> = None;
        for (r, report) in SENTENCES.iter().enumerate() {
            if r == excluded {
                continue;
            }
            for (s, text) in report.iter().enumerate() {
                let score = jaccard(query, &content_words(text));
                if score >= threshold && best.is_none_or(|(b, _, _)| score > b) {
                    best = Some((score, r, Span::new(s, s + 1)));
                }
            }
        }
        best.map(|(_, r, s)| (r, s))
    }

    #[test]
    fn finds_the_earliest_best_sentence_outside_the_excluded_report() {
        let query = content_words("foreign mercenaries attacked the Lirona airport");
        let index = index();
        assert_eq!(
            index.best_match(&query, 2, 0.35),
            Some((0, Span::new(0, 1)))
        );
        assert_eq!(
            index.best_match(&query, 0, 0.35),
            Some((1, Span::new(1, 2))),
            "the copy in report 1 stands in for the excluded report 0"
        );
    }

    #[test]
    fn agrees_with_the_exhaustive_scan() {
        let queries = [
            "foreign mercenaries attacked the Lirona airport",
            "the mayor of Lirona resigned",
            "bread prices doubled in the provinces",
            "troops secured the airport",
            "nothing here matches anything at all whatsoever",
            "mercenaries attacked",
        ];
        let index = index();
        for text in queries {
            let query = content_words(text);
            for excluded in 0..SENTENCES.len() {
                for threshold in [0.2, 0.35, 0.5, 0.9] {
                    assert_eq!(
                        index.best_match(&query, excluded, threshold),
                        scan(&query, excluded, threshold),
                        "{text:?} excluding {excluded} at {threshold}"
                    );
                }
            }
        }
    }

    #[test]
    fn identical_sentences_are_stored_once() {
        let index = index();
        let repeated = index
            .sets
            .iter()
            .find(|s| s.occurrences.len() == 2)
            .expect("the sentence in reports 0 and 1");
        assert_eq!(repeated.occurrences[0].0, 0);
        assert_eq!(repeated.occurrences[1].0, 1);
        assert_eq!(index.sets.len(), 6);
    }

    #[test]
    fn prefix_covers_every_set_at_the_threshold() {
        // With `o` shared words, the best union is the query itself: if
        // that reaches the threshold, the shared words cannot all lie
        // outside the prefix.
        for threshold in [0.2, 0.35, 0.5, 1.0] {
            for query_len in 1..200 {
                let prefix = corroborate_text::jaccard_prefix_len(query_len, threshold);
                assert!((1..=query_len).contains(&prefix));
                for overlap in 1..=query_len {
                    if overlap as f64 / query_len as f64 >= threshold {
                        assert!(overlap > query_len - prefix, "{query_len} {overlap}");
                    }
                }
            }
        }
        assert_eq!(corroborate_text::jaccard_prefix_len(1, 0.35), 1);
    }

    /// On real reports: every sentence (whole, halved, and joined with
    /// the next) is a query, and the index must answer as the scan does.
    #[test]
    fn agrees_with_the_exhaustive_scan_on_the_seed_reports() {
        let Ok(shared) = std::env::var("CORROBORATE_SHARED") else {
            return;
        };
        let dir = std::path::Path::new(&shared).join("corpus/seeds");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        assert!(!paths.is_empty(), "no seed reports in {}", dir.display());
        let reports: Vec<Vec<BTreeSet<String>>> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("readable seed report"))
            .map(|text| text.split(". ").map(content_words).collect())
            .collect();
        let mut index = AssertionIndex::default();
        for (r, sentences) in reports.iter().enumerate() {
            for (s, words) in sentences.iter().enumerate() {
                index.add(r, s, Span::new(s, s + 1), words);
            }
        }
        let scan = |query: &BTreeSet<String>, excluded: usize, threshold: f64| {
            let mut best: Option<(f64, usize, Span)> = None;
            for (r, sentences) in reports.iter().enumerate().filter(|(r, _)| *r != excluded) {
                for (s, words) in sentences.iter().enumerate() {
                    let score = jaccard(query, words);
                    if score >= threshold && best.is_none_or(|(b, _, _)| score > b) {
                        best = Some((score, r, Span::new(s, s + 1)));
                    }
                }
            }
            best.map(|(_, r, s)| (r, s))
        };
        let mut matched = 0;
        for (r, sentences) in reports.iter().enumerate() {
            for pair in sentences.windows(2) {
                let whole = &pair[0];
                let half: BTreeSet<String> = whole.iter().step_by(2).cloned().collect();
                let joined: BTreeSet<String> = pair[0].union(&pair[1]).cloned().collect();
                for query in [whole, &half, &joined] {
                    for threshold in [0.2, 0.35] {
                        let got = index.best_match(query, (r + 1) % reports.len(), threshold);
                        assert_eq!(got, scan(query, (r + 1) % reports.len(), threshold));
                        matched += usize::from(got.is_some());
                    }
                }
            }
        }
        assert!(matched > 0, "the queries should match something");
    }
}
