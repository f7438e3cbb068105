//! Copies: exact and near-duplicate reports, found without comparing all
//! pairs.
//!
//! Each report becomes a set of hashed word 5-gram shingles. A MinHash
//! signature (64 values) is cut into 16 bands of 4; reports sharing a band
//! are candidates, and a candidate pair is a copy when the shingle
//! containment of the smaller report in the larger is at least
//! [`COPY_CONTAINMENT`]. Copies form groups (union–find); the earliest
//! published member (then the longest, then the first read) is the
//! original, and every independent-source count counts a group once.
//!
//! Reports that credit the same wire or outlet ("(Reuters) -", "first
//! published by …") are compared with each other directly, and join when
//! their containment reaches [`CREDITED_CONTAINMENT`]: a reworded or
//! trimmed copy of a credited story still counts once.

use std::collections::{BTreeMap, BTreeSet};

use corroborate_text::alphanumeric_runs;
// Nothing here depends on iteration order, so the fast hasher is safe.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::union_find::UnionFind;

const SHINGLE_WORDS: usize = 5;
const SIGNATURE_LEN: usize = 64;
const BAND_ROWS: usize = 4;
/// Share of the smaller report's shingles that must appear in the larger.
pub(crate) const COPY_CONTAINMENT: f64 = 0.6;
/// Containment enough for two reports crediting the same source.
pub(crate) const CREDITED_CONTAINMENT: f64 = 0.3;

/// What copy detection found for one report.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CopyInfo {
    /// Index of the original this report copies, if it is a copy.
    pub duplicate_of: Option<usize>,
    /// Index of the group's original (itself when not a copy).
    pub group: usize,
    /// Containment with the original (1.0 for originals).
    pub similarity: f64,
}

/// A report as copy detection sees it.
pub(crate) struct CopyInput<'a> {
    pub text: &'a str,
    /// Sort key for choosing the original: earlier wins.
    pub published: Option<chrono::NaiveDate>,
    /// The wire or outlet the report credits, if any.
    pub credited_source: Option<&'a str>,
}

pub(crate) fn find_copies(inputs: &[CopyInput]) -> Vec<CopyInfo> {
    let shingles: Vec<Shingles> = inputs.iter().map(|i| shingle_set(i.text)).collect();
    let mut groups = UnionFind::new(inputs.len());
    let representative = join_identical(&shingles, &mut groups);
    let distinct: Vec<usize> = (0..inputs.len())
        .filter(|&i| representative[i] == i)
        .collect();
    let mut pairs = candidate_pairs(&shingles, &distinct);
    pairs.extend(credited_pairs(inputs, &shingles, &representative));
    for (a, b) in pairs {
        if groups.find(a) != groups.find(b) {
            join_if_copies(inputs, &shingles, &mut groups, a, b);
        }
    }
    copy_infos(inputs, &shingles, &mut groups)
}

/// Joins `a` and `b` when one contains enough of the other's shingles
/// (less when both credit the same source).
fn join_if_copies(
    inputs: &[CopyInput],
    shingles: &[Shingles],
    groups: &mut UnionFind,
    a: usize,
    b: usize,
) {
    let threshold = if same_credit(&inputs[a], &inputs[b]) {
        CREDITED_CONTAINMENT
    } else {
        COPY_CONTAINMENT
    };
    if containment(&shingles[a], &shingles[b]) >= threshold {
        groups.union(a, b);
    }
}

/// Each report's copy group, its original, and its similarity to it.
fn copy_infos(
    inputs: &[CopyInput],
    shingles: &[Shingles],
    groups: &mut UnionFind,
) -> Vec<CopyInfo> {
    let original_of = choose_originals(inputs, groups);
    (0..inputs.len())
        .map(|i| {
            let group = original_of[&groups.find(i)];
            CopyInfo {
                duplicate_of: (group != i).then_some(group),
                group,
                similarity: if group == i {
                    1.0
                } else {
                    containment(&shingles[i], &shingles[group])
                },
            }
        })
        .collect()
}

/// Reports with the same shingle set are copies of each other (their
/// signatures agree in every band, their containment is 1): they are
/// joined at once, and only the first of them (returned for each report)
/// takes part in the band comparisons, which would give every other one
/// the same answer.
fn join_identical(shingles: &[Shingles], groups: &mut UnionFind) -> Vec<usize> {
    let mut first_with: HashMap<&[u64], usize> = HashMap::default();
    let mut representative = Vec::with_capacity(shingles.len());
    for (i, set) in shingles.iter().enumerate() {
        let first = *first_with.entry(set).or_insert(i);
        if first != i {
            groups.union(first, i);
        }
        representative.push(first);
    }
    representative
}

fn same_credit(a: &CopyInput, b: &CopyInput) -> bool {
    match (a.credited_source, b.credited_source) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

/// Pairs of reports crediting the same source (blocked by the credit)
/// that share at least one shingle (a pair sharing none has containment
/// 0). Within a credit, reports with the same text and the same credit
/// compare alike, so one of them stands for all.
fn credited_pairs(
    inputs: &[CopyInput],
    shingles: &[Shingles],
    representative: &[usize],
) -> Vec<(usize, usize)> {
    let mut by_credit: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut seen: HashSet<(usize, &str)> = HashSet::default();
    for (i, input) in inputs.iter().enumerate() {
        if let Some(credit) = input.credited_source {
            if seen.insert((representative[i], credit)) {
                by_credit.entry(credit.to_lowercase()).or_default().push(i);
            }
        }
    }
    by_credit
        .values()
        .flat_map(|members| sharing_pairs(shingles, members))
        .collect()
}

/// Pairs of `members` sharing a shingle, through an inverted index from
/// shingles to the members holding them.
fn sharing_pairs(shingles: &[Shingles], members: &[usize]) -> BTreeSet<(usize, usize)> {
    let mut holders: HashMap<u64, Vec<usize>> = HashMap::default();
    let mut pairs = BTreeSet::new();
    for &m in members {
        for &shingle in shingles[m].iter() {
            let earlier = holders.entry(shingle).or_default();
            pairs.extend(earlier.iter().map(|&e| (e, m)));
            earlier.push(m);
        }
    }
    pairs
}

fn choose_originals(inputs: &[CopyInput], groups: &mut UnionFind) -> HashMap<usize, usize> {
    let mut original_of: HashMap<usize, usize> = HashMap::default();
    for i in 0..inputs.len() {
        let root = groups.find(i);
        let entry = original_of.entry(root).or_insert(i);
        if is_better_original(&inputs[i], &inputs[*entry]) {
            *entry = i;
        }
    }
    original_of
}

fn is_better_original(a: &CopyInput, b: &CopyInput) -> bool {
    match (a.published, b.published) {
        (Some(x), Some(y)) if x != y => x < y,
        (Some(_), None) => true,
        (None, Some(_)) => false,
        _ => a.text.len() > b.text.len(),
    }
}

/// A report's distinct shingle hashes, sorted: half the memory of a hash
/// set (a 100,000-report workspace holds them all at once) and compared by
/// one merge pass.
type Shingles = Box<[u64]>;

fn shingle_set(text: &str) -> Shingles {
    let words = LowercaseWords::of(text);
    let count = words.ends.len();
    let mut hashes: Vec<u64> = if count < SHINGLE_WORDS {
        vec![words.hash(0..count)]
    } else {
        (0..=count - SHINGLE_WORDS)
            .map(|first| words.hash(first..first + SHINGLE_WORDS))
            .collect()
    };
    hashes.sort_unstable();
    hashes.dedup();
    hashes.into_boxed_slice()
}

/// A text's alphanumeric runs, lower-cased, in one buffer.
struct LowercaseWords {
    buffer: String,
    /// End of each word in `buffer`.
    ends: Vec<usize>,
}

impl LowercaseWords {
    fn of(text: &str) -> Self {
        let mut buffer = String::with_capacity(text.len());
        let mut ends = Vec::new();
        for word in alphanumeric_runs(text) {
            if word.is_ascii() {
                buffer.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                buffer.push_str(&word.to_lowercase());
            }
            ends.push(buffer.len());
        }
        LowercaseWords { buffer, ends }
    }

    fn word(&self, index: usize) -> &[u8] {
        let start = match index {
            0 => 0,
            _ => self.ends[index - 1],
        };
        &self.buffer.as_bytes()[start..self.ends[index]]
    }

    /// FNV-1a over the words, each followed by a space: stable across
    /// runs and platforms.
    fn hash(&self, words: std::ops::Range<usize>) -> u64 {
        let mut hash: u64 = 0xcbf29ce484222325;
        for index in words {
            for &byte in self.word(index).iter().chain(std::iter::once(&b' ')) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x100000001b3);
            }
        }
        hash
    }
}

fn mix(value: u64, seed: u64) -> u64 {
    // SplitMix64 finaliser over the value xor a per-row seed.
    let mut z = value ^ seed.wrapping_mul(0x9E3779B97F4A7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
    z ^ (z >> 31)
}

fn signature(shingles: &Shingles) -> [u64; SIGNATURE_LEN] {
    let mut sig = [u64::MAX; SIGNATURE_LEN];
    for &s in shingles {
        for (row, slot) in sig.iter_mut().enumerate() {
            *slot = (*slot).min(mix(s, row as u64 + 1));
        }
    }
    sig
}

/// Pairs of `reports` whose signatures agree in at least one band.
fn candidate_pairs(shingles: &[Shingles], reports: &[usize]) -> Vec<(usize, usize)> {
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::default();
    for &i in reports {
        let sig = signature(&shingles[i]);
        for (band, rows) in sig.chunks(BAND_ROWS).enumerate() {
            let key = rows.iter().fold(0u64, |acc, &v| mix(acc ^ v, band as u64));
            buckets.entry((band, key)).or_default().push(i);
        }
    }
    let mut pairs: HashSet<(usize, usize)> = HashSet::default();
    for members in buckets.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    let mut pairs: Vec<_> = pairs.into_iter().collect();
    pairs.sort_unstable();
    pairs
}

fn containment(a: &Shingles, b: &Shingles) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    corroborate_text::shared_sorted(a, b) as f64 / small as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const STORY: &str = "Security forces in the northern city fired tear gas at crowds on Monday as protests over fuel prices spread to the capital. The interior ministry said more than 300 people had been detained and that order would be restored within days. Opposition leaders called for a general strike and urged supporters to stay peaceful.";

    fn input(text: &str, day: Option<u32>) -> CopyInput<'_> {
        CopyInput {
            text,
            published: day.and_then(|d| NaiveDate::from_ymd_opt(2024, 3, d)),
            credited_source: None,
        }
    }

    #[test]
    fn reworded_copies_of_one_credited_story_join() {
        let rewrite = "Security forces in the northern city fired tear gas at crowds on Monday as protests over fuel prices spread. The ministry said order would be restored within days, and that hundreds were held. Opposition leaders called for a general strike.";
        let mut a = input(STORY, Some(5));
        let mut b = input(rewrite, Some(6));
        assert_eq!(
            find_copies(&[input(STORY, Some(5)), input(rewrite, Some(6))])[1].duplicate_of,
            None
        );
        a.credited_source = Some("Kestrel");
        b.credited_source = Some("kestrel");
        let got = find_copies(&[a, b]);
        assert_eq!(got[1].duplicate_of, Some(0));
        assert!(got[1].similarity >= CREDITED_CONTAINMENT);
    }

    #[test]
    fn trimmed_reprint_is_a_copy_of_the_earlier_report() {
        let reprint = format!(
            "{} This article first appeared in the Coastal Wire.",
            &STORY[..STORY.len() - 70]
        );
        let other = "Farmers in the south harvested a record crop this year, the agriculture ministry reported, thanks to heavy spring rains and new irrigation canals built by a foreign company.";
        let got = find_copies(&[
            input(&reprint, Some(6)),
            input(STORY, Some(5)),
            input(other, Some(5)),
        ]);
        assert_eq!(got[0].duplicate_of, Some(1));
        assert!(got[0].similarity > 0.6);
        assert_eq!(got[1].duplicate_of, None);
        assert_eq!(got[2].duplicate_of, None);
        assert_eq!(got[2].group, 2);
    }

    /// FNV-1a over each lower-cased word and a space, written plainly.
    fn plain_hash(words: &[String]) -> u64 {
        let mut hash: u64 = 0xcbf29ce484222325;
        for byte in words.iter().flat_map(|w| w.bytes().chain([b' '])) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x100000001b3);
        }
        hash
    }

    #[test]
    fn shingles_hash_five_lower_cased_words() {
        let text = "ΟΔΥΣΣΕΥΣ met İlham in Kassym-Jomart’s office, the Ministry said.";
        let words: Vec<String> = alphanumeric_runs(text).map(str::to_lowercase).collect();
        assert_eq!(words[0], "οδυσσευς", "final sigma");
        let mut expected: Vec<u64> = words.windows(SHINGLE_WORDS).map(plain_hash).collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(shingle_set(text).to_vec(), expected);
        let short: Shingles = std::iter::once(plain_hash(&words[..2])).collect();
        assert_eq!(shingle_set("ΟΔΥΣΣΕΥΣ met"), short);
        assert_eq!(shingle_set("").len(), 1);
    }

    #[test]
    fn exact_duplicates_without_dates_keep_the_first() {
        let got = find_copies(&[input(STORY, None), input(STORY, None)]);
        assert_eq!(got[0].duplicate_of, None);
        assert_eq!(got[1].duplicate_of, Some(0));
        assert_eq!(got[1].similarity, 1.0);
    }

    /// Every pair compared, as the blocked search must answer.
    fn all_pairs(inputs: &[CopyInput]) -> Vec<CopyInfo> {
        let shingles: Vec<Shingles> = inputs.iter().map(|i| shingle_set(i.text)).collect();
        let mut groups = UnionFind::new(inputs.len());
        for a in 0..inputs.len() {
            for b in a + 1..inputs.len() {
                join_if_copies(inputs, &shingles, &mut groups, a, b);
            }
        }
        copy_infos(inputs, &shingles, &mut groups)
    }

    #[test]
    fn blocked_search_agrees_with_comparing_all_pairs() {
        let rewrite = "Security forces in the northern city fired tear gas at crowds on Monday as protests over fuel prices spread. The ministry said order would be restored within days, and that hundreds were held. Opposition leaders called for a general strike.";
        let other = "Farmers in the south harvested a record crop this year, the agriculture ministry reported, thanks to heavy spring rains and new irrigation canals built by a foreign company.";
        let reprint = format!("{} Reprinted with permission.", &STORY[..STORY.len() - 70]);
        let texts = [STORY, rewrite, other, reprint.as_str()];
        let credits = [None, Some("Kestrel"), Some("KESTREL"), Some("Heron")];
        let mut inputs = Vec::new();
        for n in 0..24u32 {
            let mut i = input(texts[n as usize % 4], Some(1 + n % 7));
            i.credited_source = credits[(n as usize / 4) % 4];
            inputs.push(i);
        }
        let got = find_copies(&inputs);
        assert_eq!(got, all_pairs(&inputs));
        assert!(got.iter().any(|c| c.duplicate_of.is_some()));
        assert!(got.iter().any(|c| c.duplicate_of.is_none() && c.group != 0));
    }
}
