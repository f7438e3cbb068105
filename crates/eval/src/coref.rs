//! Coreference scores over one set of mentions: MUC (Vilain et al. 1995),
//! B³ (Bagga and Baldwin 1998), CEAF-e (Luo 2005) and their mean, the
//! CoNLL F1; and pairwise link precision and recall.
//!
//! A clustering is given as one label per mention (`key[m]`, `response[m]`:
//! mentions with the same label are in one cluster). Key and response
//! cover the same mentions, so no mention is missing from either side.
//!
//! * **MUC** counts links: recall is Σ(|K| − |p(K)|) / Σ(|K| − 1) over key
//!   clusters K, where p(K) is the partition of K by the response;
//!   precision swaps key and response.
//! * **B³** averages over mentions: recall is the mean of |K(m) ∩ R(m)| /
//!   |K(m)|, precision the mean of |K(m) ∩ R(m)| / |R(m)|.
//! * **CEAF-e** aligns key and response clusters one to one so that the
//!   sum of φ₄(K, R) = 2|K ∩ R| / (|K| + |R|) is largest (Kuhn–Munkres on
//!   each connected group of overlapping clusters); recall divides that sum
//!   by the number of key clusters, precision by the number of response
//!   clusters.

use std::collections::HashMap;
use std::fmt;

/// Precision, recall and F1 from their parts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
}

impl Prf {
    /// `precision` and `recall` as given (0 when a denominator is 0).
    pub fn from_ratios(precision: (f64, f64), recall: (f64, f64)) -> Prf {
        Prf {
            precision: ratio(precision.0, precision.1),
            recall: ratio(recall.0, recall.1),
        }
    }

    pub fn f1(&self) -> f64 {
        let sum = self.precision + self.recall;
        if sum > 0.0 {
            2.0 * self.precision * self.recall / sum
        } else {
            0.0
        }
    }
}

impl fmt::Display for Prf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.3}  R {:.3}  F1 {:.3}",
            self.precision,
            self.recall,
            self.f1()
        )
    }
}

/// `numerator / denominator`, 0 for an empty denominator.
pub fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator > 0.0 {
        numerator / denominator
    } else {
        0.0
    }
}

/// Counts of pairwise links: proposed, in the key, and both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkCounts {
    pub linked: usize,
    pub gold: usize,
    pub correct: usize,
}

impl LinkCounts {
    /// Adds one pair: whether it is linked and whether the key links it.
    pub fn add(&mut self, linked: bool, gold: bool) {
        self.linked += usize::from(linked);
        self.gold += usize::from(gold);
        self.correct += usize::from(linked && gold);
    }

    pub fn merge(&mut self, other: LinkCounts) {
        self.linked += other.linked;
        self.gold += other.gold;
        self.correct += other.correct;
    }

    pub fn scores(&self) -> Prf {
        Prf::from_ratios(
            (self.correct as f64, self.linked as f64),
            (self.correct as f64, self.gold as f64),
        )
    }
}

/// MUC, B³ and CEAF-e of a response against a key.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CorefScores {
    pub muc: Prf,
    pub b_cubed: Prf,
    pub ceaf_e: Prf,
}

impl CorefScores {
    /// Scores `response` against `key`, one label per mention each.
    /// Mentions beyond the shorter of the two are ignored.
    pub fn score(key: &[usize], response: &[usize]) -> CorefScores {
        let n = key.len().min(response.len());
        let (key, response) = (&key[..n], &response[..n]);
        CorefScores {
            muc: muc(key, response),
            b_cubed: b_cubed(key, response),
            ceaf_e: ceaf_e(key, response),
        }
    }

    /// The CoNLL F1: the mean of the three F1 values.
    pub fn conll_f1(&self) -> f64 {
        (self.muc.f1() + self.b_cubed.f1() + self.ceaf_e.f1()) / 3.0
    }
}

/// Mentions of each cluster, clusters in order of first mention.
fn clusters(labels: &[usize]) -> Vec<Vec<usize>> {
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (mention, label) in labels.iter().enumerate() {
        let slot = *index.entry(*label).or_insert_with(|| {
            out.push(Vec::new());
            out.len() - 1
        });
        if let Some(cluster) = out.get_mut(slot) {
            cluster.push(mention);
        }
    }
    out
}

/// Σ(|K| − |p(K)|) and Σ(|K| − 1) over the clusters of `key`.
fn muc_parts(key: &[usize], response: &[usize]) -> (f64, f64) {
    let mut numerator = 0;
    let mut denominator = 0;
    for cluster in clusters(key) {
        let mut parts: Vec<usize> = cluster
            .iter()
            .filter_map(|&m| response.get(m).copied())
            .collect();
        parts.sort_unstable();
        parts.dedup();
        numerator += cluster.len() - parts.len();
        denominator += cluster.len() - 1;
    }
    (numerator as f64, denominator as f64)
}

fn muc(key: &[usize], response: &[usize]) -> Prf {
    Prf::from_ratios(muc_parts(response, key), muc_parts(key, response))
}

/// Mean over mentions of |K(m) ∩ R(m)| / |K(m)|.
fn b_cubed_recall(key: &[usize], response: &[usize]) -> f64 {
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    let mut both: HashMap<(usize, usize), usize> = HashMap::new();
    for (k, r) in key.iter().zip(response) {
        *sizes.entry(*k).or_default() += 1;
        *both.entry((*k, *r)).or_default() += 1;
    }
    let sum: f64 = key
        .iter()
        .zip(response)
        .map(|(k, r)| {
            let shared = both.get(&(*k, *r)).copied().unwrap_or(0) as f64;
            ratio(shared, sizes.get(k).copied().unwrap_or(0) as f64)
        })
        .sum();
    ratio(sum, key.len() as f64)
}

fn b_cubed(key: &[usize], response: &[usize]) -> Prf {
    Prf {
        precision: b_cubed_recall(response, key),
        recall: b_cubed_recall(key, response),
    }
}

fn ceaf_e(key: &[usize], response: &[usize]) -> Prf {
    let key_clusters = clusters(key);
    let response_clusters = clusters(response);
    let similarity = best_alignment(&key_clusters, &response_clusters);
    Prf::from_ratios(
        (similarity, response_clusters.len() as f64),
        (similarity, key_clusters.len() as f64),
    )
}

/// The largest Σφ₄ of a one-to-one alignment of key and response
/// clusters, solved separately on each group of clusters connected by
/// shared mentions (clusters that share no mention have φ₄ = 0).
fn best_alignment(key_clusters: &[Vec<usize>], response_clusters: &[Vec<usize>]) -> f64 {
    let response_index = cluster_index(response_clusters);
    let mut overlap: HashMap<(usize, usize), usize> = HashMap::new();
    for (k, members) in key_clusters.iter().enumerate() {
        for r in members.iter().filter_map(|m| response_index.get(m)) {
            *overlap.entry((k, *r)).or_default() += 1;
        }
    }
    let groups = connected_groups(key_clusters.len(), response_clusters.len(), &overlap);
    groups
        .iter()
        .map(|(keys, responses)| {
            let matrix: Vec<Vec<f64>> = keys
                .iter()
                .map(|&k| {
                    responses
                        .iter()
                        .map(|&r| {
                            let shared = overlap.get(&(k, r)).copied().unwrap_or(0) as f64;
                            let sizes = key_clusters.get(k).map_or(0, Vec::len)
                                + response_clusters.get(r).map_or(0, Vec::len);
                            ratio(2.0 * shared, sizes as f64)
                        })
                        .collect()
                })
                .collect();
            max_assignment(&matrix)
        })
        .sum()
}

/// Mention → index of its cluster.
fn cluster_index(clusters: &[Vec<usize>]) -> HashMap<usize, usize> {
    clusters
        .iter()
        .enumerate()
        .flat_map(|(c, members)| members.iter().map(move |&m| (m, c)))
        .collect()
}

/// Groups of key and response clusters connected by overlaps.
fn connected_groups(
    keys: usize,
    responses: usize,
    overlap: &HashMap<(usize, usize), usize>,
) -> Vec<(Vec<usize>, Vec<usize>)> {
    let mut parent: Vec<usize> = (0..keys + responses).collect();
    for &(k, r) in overlap.keys() {
        let (a, b) = (find(&mut parent, k), find(&mut parent, keys + r));
        if a != b {
            parent[a] = b;
        }
    }
    let mut groups: HashMap<usize, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for node in 0..keys + responses {
        let root = find(&mut parent, node);
        let group = groups.entry(root).or_default();
        if node < keys {
            group.0.push(node);
        } else {
            group.1.push(node - keys);
        }
    }
    let mut out: Vec<_> = groups.into_values().collect();
    out.sort();
    out
}

fn find(parent: &mut [usize], mut node: usize) -> usize {
    while parent[node] != node {
        parent[node] = parent[parent[node]];
        node = parent[node];
    }
    node
}

/// The largest sum of a one-to-one assignment of rows to columns
/// (Kuhn–Munkres with potentials, O(n²m)); an empty side gives 0.
fn max_assignment(similarity: &[Vec<f64>]) -> f64 {
    let rows = similarity.len();
    let columns = similarity.first().map_or(0, Vec::len);
    if rows == 0 || columns == 0 {
        return 0.0;
    }
    // Work with rows ≤ columns; the transpose has the same optimum.
    if rows > columns {
        let transposed: Vec<Vec<f64>> = (0..columns)
            .map(|c| similarity.iter().map(|row| row[c]).collect())
            .collect();
        return max_assignment(&transposed);
    }
    let cost = |r: usize, c: usize| -similarity[r][c];
    let assignment = hungarian(rows, columns, cost);
    assignment
        .iter()
        .enumerate()
        .map(|(r, &c)| similarity[r][c])
        .sum()
}

/// Minimum-cost assignment of `rows` rows to distinct columns (rows ≤
/// columns); returns the column of each row.
fn hungarian(rows: usize, columns: usize, cost: impl Fn(usize, usize) -> f64) -> Vec<usize> {
    // 1-based potentials as in the classic formulation; column 0 is a
    // sentinel.
    let mut u = vec![0.0; rows + 1];
    let mut v = vec![0.0; columns + 1];
    let mut row_of = vec![0usize; columns + 1];
    let mut way = vec![0usize; columns + 1];
    for row in 1..=rows {
        row_of[0] = row;
        let mut column = 0;
        let mut min_to = vec![f64::INFINITY; columns + 1];
        let mut used = vec![false; columns + 1];
        loop {
            used[column] = true;
            let current = row_of[column];
            let mut delta = f64::INFINITY;
            let mut next = 0;
            for c in 1..=columns {
                if used[c] {
                    continue;
                }
                let reduced = cost(current - 1, c - 1) - u[current] - v[c];
                if reduced < min_to[c] {
                    min_to[c] = reduced;
                    way[c] = column;
                }
                if min_to[c] < delta {
                    delta = min_to[c];
                    next = c;
                }
            }
            for c in 0..=columns {
                if used[c] {
                    u[row_of[c]] += delta;
                    v[c] -= delta;
                } else {
                    min_to[c] -= delta;
                }
            }
            column = next;
            if row_of[column] == 0 {
                break;
            }
        }
        while column != 0 {
            let previous = way[column];
            row_of[column] = row_of[previous];
            column = previous;
        }
    }
    let mut assignment = vec![0; rows];
    for c in 1..=columns {
        if row_of[c] > 0 {
            assignment[row_of[c] - 1] = c - 1;
        }
    }
    assignment
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Bagga and Baldwin's example: key {1–5} {6, 7} {8–12}, response
    /// {1–5} {6–12}.
    fn bagga_baldwin() -> (Vec<usize>, Vec<usize>) {
        let key = vec![0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2];
        let response = vec![0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
        (key, response)
    }

    #[test]
    fn muc_counts_links() {
        let (key, response) = bagga_baldwin();
        let scores = CorefScores::score(&key, &response);
        // Recall: (4 + 1 + 4) / (4 + 1 + 4); precision: (4 + 5) / (4 + 6).
        assert!(close(scores.muc.recall, 1.0));
        assert!(close(scores.muc.precision, 0.9));
    }

    #[test]
    fn b_cubed_averages_over_mentions() {
        let (key, response) = bagga_baldwin();
        let scores = CorefScores::score(&key, &response);
        // Precision: (5·1 + 2·2/7 + 5·5/7) / 12 = 64/84.
        assert!(close(scores.b_cubed.recall, 1.0));
        assert!(close(scores.b_cubed.precision, 64.0 / 84.0));
    }

    #[test]
    fn ceaf_e_aligns_clusters_one_to_one() {
        let (key, response) = bagga_baldwin();
        let scores = CorefScores::score(&key, &response);
        // Best alignment: {1–5}↔{1–5} (φ = 1) and {8–12}↔{6–12}
        // (φ = 10/12); 3 key and 2 response clusters.
        let sum = 1.0 + 10.0 / 12.0;
        assert!(close(scores.ceaf_e.recall, sum / 3.0));
        assert!(close(scores.ceaf_e.precision, sum / 2.0));
        let conll = (scores.muc.f1() + scores.b_cubed.f1() + scores.ceaf_e.f1()) / 3.0;
        assert!(close(scores.conll_f1(), conll));
    }

    #[test]
    fn identical_clusterings_score_one_and_singletons_have_no_muc_links() {
        let key = vec![3, 3, 7, 9];
        let scores = CorefScores::score(&key, &[1, 1, 2, 4]);
        assert!(close(scores.conll_f1(), 1.0));
        let all_singletons = CorefScores::score(&[0, 1, 2], &[5, 6, 7]);
        assert!(close(all_singletons.muc.f1(), 0.0));
        assert!(close(all_singletons.b_cubed.f1(), 1.0));
        assert!(close(all_singletons.ceaf_e.f1(), 1.0));
    }

    #[test]
    fn the_assignment_is_optimal_not_greedy() {
        // Greedy takes 0.9 and is left with 0.1; the optimum is 0.8 + 0.8.
        let matrix = vec![vec![0.9, 0.8], vec![0.8, 0.1]];
        assert!(close(max_assignment(&matrix), 1.6));
        let wide = vec![vec![0.2, 0.5, 0.4]];
        assert!(close(max_assignment(&wide), 0.5));
        let tall = vec![vec![0.2], vec![0.7]];
        assert!(close(max_assignment(&tall), 0.7));
    }

    #[test]
    fn link_counts_give_pairwise_scores() {
        let mut counts = LinkCounts::default();
        counts.add(true, true);
        counts.add(true, false);
        counts.add(false, true);
        counts.add(false, true);
        let scores = counts.scores();
        assert!(close(scores.precision, 0.5));
        assert!(close(scores.recall, 1.0 / 3.0));
        assert!(close(scores.f1(), 0.4));
    }
}
