//! Stories: which reports follow the same crisis.
//!
//! A workspace often holds several crises at once (an analyst follows more
//! than one, a feed brings in unrelated news). Figures of a tallied kind
//! (deaths, arrests …) add up over one crisis, never across two, and two
//! crises of one kind share their wording; so events cluster, and the
//! claims stage ties figures, only within a story.
//!
//! This is topic detection in the classic single-pass form (Allan et al.,
//! *Topic Detection and Tracking pilot study*, 1998): reports are read in
//! publication order; each is a TF-IDF vector over the entities it names
//! (people, organizations, places); it joins the story whose centroid is
//! most similar (cosine) when that similarity reaches
//! [`JOIN_SIMILARITY`], else it starts a story. Entities, not words, are
//! the features: two reports on one crisis name its places, leaders and
//! forces, while two crises of one kind share the words ("earthquake",
//! "killed", "rescue").
//!
//! The IDF is the smoothed form (`ln((N+1)/(df+1)) + 1`), never zero: in a
//! workspace about one crisis its country and leaders are in every report
//! and must still tie the reports together. An entity only one report
//! names ties nothing and is left out. A second pass joins stories whose
//! centroids meet ([`STORIES_JOIN_SIMILARITY`]), so that the reading order
//! does not keep one crisis in two stories. Only a report's
//! [`CANDIDATE_FEATURES`] heaviest entities look up candidate stories, so
//! an entity named across all crises ("the United Nations") does not make
//! every report compare with every story. A report that names no entity
//! another report names has nothing to place it by; it goes with the
//! largest story, the crisis the workspace is mostly about.

use chrono::NaiveDate;
use corroborate_model::{AnnotatedReport, EntityKind};
use rustc_hash::FxHashMap as HashMap;

use crate::entities::EntityIndex;
use crate::union_find::UnionFind;

/// Cosine similarity between a report and a story's centroid for the
/// report to join the story.
pub(crate) const JOIN_SIMILARITY: f64 = 0.15;
/// Cosine similarity between two stories' centroids for the second pass
/// to join them: higher than a report's, since a centroid sums many
/// reports' entities and meets more by chance (tuned on the ECB+ training
/// topics in one run: story-pair F1 .72 at 0.15, .79 at 0.25).
pub(crate) const STORIES_JOIN_SIMILARITY: f64 = 0.25;
/// How many of a report's heaviest entities look up candidate stories.
pub(crate) const CANDIDATE_FEATURES: usize = 8;

/// A report's entity weights, sorted by entity index.
type Features = Vec<(usize, f64)>;

/// The story of each report: `story[r]` numbers stories from 0 in the
/// order their first report is read.
pub(crate) fn assign_stories(reports: &[AnnotatedReport], index: &EntityIndex) -> Vec<usize> {
    let counts = entity_counts(reports, index);
    let features = weigh(&counts);
    let mut stories = Stories::default();
    let mut story_of = vec![None; reports.len()];
    for r in reading_order(reports) {
        if !features[r].is_empty() {
            story_of[r] = Some(stories.place(&features[r]));
        }
    }
    if stories.centroids.is_empty() {
        // No report names an entity another report names: one story.
        return vec![0; reports.len()];
    }
    let largest = stories.largest();
    let mut joined = stories.join_similar();
    let story_of: Vec<usize> = story_of
        .into_iter()
        .map(|s| joined.find(s.unwrap_or(largest)))
        .collect();
    renumber_by_first_report(&story_of)
}

/// How often each report names each person, organization and place.
fn entity_counts(reports: &[AnnotatedReport], index: &EntityIndex) -> Vec<HashMap<usize, u32>> {
    (0..reports.len())
        .map(|r| {
            let mut counts: HashMap<usize, u32> = HashMap::default();
            for &e in index.mention_entity.get(r).map_or(&[][..], Vec::as_slice) {
                let kind = index.entities.get(e).map(|entity| entity.kind);
                if matches!(
                    kind,
                    Some(EntityKind::Person | EntityKind::Organization | EntityKind::Place)
                ) {
                    *counts.entry(e).or_default() += 1;
                }
            }
            counts
        })
        .collect()
}

/// Sublinear TF times smoothed IDF.
fn weigh(counts: &[HashMap<usize, u32>]) -> Vec<Features> {
    let mut document_frequency: HashMap<usize, u32> = HashMap::default();
    for report in counts {
        for &e in report.keys() {
            *document_frequency.entry(e).or_default() += 1;
        }
    }
    let n = counts.len() as f64;
    counts
        .iter()
        .map(|report| {
            let mut features: Features = report
                .iter()
                .filter_map(|(&e, &tf)| {
                    // An entity one report names ties nothing.
                    let df = document_frequency.get(&e).copied().filter(|&df| df > 1)?;
                    let idf = ((n + 1.0) / (f64::from(df) + 1.0)).ln() + 1.0;
                    Some((e, (1.0 + f64::from(tf).ln()) * idf))
                })
                .collect();
            features.sort_by_key(|&(e, _)| e);
            features
        })
        .collect()
}

/// Dated reports by publication day, then undated ones; ties in input
/// order.
fn reading_order(reports: &[AnnotatedReport]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    let day = |r: usize| -> (bool, Option<NaiveDate>) {
        let published = reports[r].report.meta.published;
        (published.is_none(), published)
    };
    order.sort_by_key(|&r| day(r));
    order
}

/// Story numbers in the order of their first report in the input.
fn renumber_by_first_report(story_of: &[usize]) -> Vec<usize> {
    let mut renumbered: HashMap<usize, usize> = HashMap::default();
    story_of
        .iter()
        .map(|&s| {
            let next = renumbered.len();
            *renumbered.entry(s).or_insert(next)
        })
        .collect()
}

/// The stories built so far: centroids and which stories hold an entity.
#[derive(Default)]
struct Stories {
    centroids: Vec<Centroid>,
    holding: HashMap<usize, Vec<usize>>,
}

#[derive(Default)]
struct Centroid {
    weights: HashMap<usize, f64>,
    norm_squared: f64,
    reports: usize,
}

impl Centroid {
    fn features(&self) -> Features {
        let mut features: Features = self.weights.iter().map(|(&e, &w)| (e, w)).collect();
        features.sort_by_key(|&(e, _)| e);
        features
    }

    fn cosine(&self, features: &Features, norm: f64) -> f64 {
        if self.norm_squared <= 0.0 || norm <= 0.0 {
            return 0.0;
        }
        let dot: f64 = features
            .iter()
            .map(|(e, w)| w * self.weights.get(e).copied().unwrap_or(0.0))
            .sum();
        dot / (self.norm_squared.sqrt() * norm)
    }

    fn add(&mut self, features: &Features) {
        self.reports += 1;
        for &(e, w) in features {
            let old = self.weights.entry(e).or_insert(0.0);
            self.norm_squared += (*old + w).powi(2) - old.powi(2);
            *old += w;
        }
    }
}

impl Stories {
    /// The story with the most reports (the first of equals).
    fn largest(&self) -> usize {
        (0..self.centroids.len())
            .max_by_key(|&s| (self.centroids[s].reports, std::cmp::Reverse(s)))
            .unwrap_or(0)
    }

    /// The story a report joins (a new one when none is similar enough).
    fn place(&mut self, features: &Features) -> usize {
        let norm = features.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        let best = self
            .candidates(features)
            .into_iter()
            .map(|s| (s, self.centroids[s].cosine(features, norm)))
            .filter(|&(_, similarity)| similarity >= JOIN_SIMILARITY)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let story = match best {
            Some((s, _)) => s,
            None => {
                self.centroids.push(Centroid::default());
                self.centroids.len() - 1
            }
        };
        for &(e, _) in features {
            if !self.centroids[story].weights.contains_key(&e) {
                self.holding.entry(e).or_default().push(story);
            }
        }
        self.centroids[story].add(features);
        story
    }

    /// Stories whose centroids are similar joined (a second pass, so
    /// that the reading order does not keep apart two stories whose
    /// first reports shared nothing: "Staunton" and "Staunton Police").
    fn join_similar(&self) -> UnionFind {
        let mut joined = UnionFind::new(self.centroids.len());
        for (s, centroid) in self.centroids.iter().enumerate() {
            let features = centroid.features();
            let norm = centroid.norm_squared.sqrt();
            for t in self.candidates(&features) {
                if t > s && self.centroids[t].cosine(&features, norm) >= STORIES_JOIN_SIMILARITY {
                    joined.union(s, t);
                }
            }
        }
        joined
    }

    /// Stories holding one of the report's heaviest entities.
    fn candidates(&self, features: &Features) -> Vec<usize> {
        let mut heaviest: Vec<&(usize, f64)> = features.iter().collect();
        heaviest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut found: Vec<usize> = heaviest
            .into_iter()
            .take(CANDIDATE_FEATURES)
            .filter_map(|(e, _)| self.holding.get(e))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{merge_entities, NoGeocoder};
    use crate::test_support::*;
    use EntityKind::{Organization, Person, Place};

    /// A report naming the given entities, one sentence each.
    fn naming(
        id: &str,
        published: Option<NaiveDate>,
        names: &[(&str, EntityKind)],
    ) -> AnnotatedReport {
        let sentences: Vec<String> = names
            .iter()
            .map(|(name, _)| format!("Officials spoke of {name} again."))
            .collect();
        let sentences: Vec<&str> = sentences.iter().map(String::as_str).collect();
        let mut r = report(id, published, &sentences);
        for (name, kind) in names {
            add_mention(&mut r, name, *kind);
        }
        r
    }

    fn stories_of(reports: &[AnnotatedReport]) -> Vec<usize> {
        assign_stories(reports, &merge_entities(reports, &NoGeocoder))
    }

    fn two_crises() -> Vec<AnnotatedReport> {
        let quake = [
            ("Velmark", Place),
            ("Dorn", Place),
            ("Relief Corps", Organization),
        ];
        let unrest = [
            ("Ostrava Vale", Place),
            ("Anton Greel", Person),
            ("Harbour Guard", Organization),
        ];
        vec![
            naming("quake-1", Some(day(3, 1)), &quake),
            naming("unrest-1", Some(day(3, 2)), &unrest),
            naming("quake-2", Some(day(3, 3)), &quake[..2]),
            naming("unrest-2", Some(day(3, 4)), &unrest[1..]),
            naming(
                "shared-agency",
                Some(day(3, 5)),
                &[("United Nations", Organization)],
            ),
            naming(
                "quake-3",
                None,
                &[("Dorn", Place), ("United Nations", Organization)],
            ),
        ]
    }

    #[test]
    fn reports_naming_the_same_places_and_people_share_a_story() {
        let stories = stories_of(&two_crises());
        assert_eq!(stories[0], stories[2], "the two quake reports");
        assert_eq!(stories[1], stories[3], "the two unrest reports");
        assert_ne!(stories[0], stories[1], "two crises");
        assert_eq!(stories[5], stories[0], "an undated quake report");
        assert_eq!(stories[0], 0, "stories are numbered by first report");
    }

    #[test]
    fn a_report_naming_nothing_goes_with_the_largest_story() {
        let mut reports = two_crises();
        reports.push(report("bare", Some(day(3, 6)), &["Rain fell all day."]));
        let stories = stories_of(&reports);
        assert_eq!(
            stories[6], stories[0],
            "the quake story has the most reports"
        );
    }

    #[test]
    fn stories_apart_in_reading_order_join_when_their_centroids_meet() {
        // The first two share nothing, so reading alone starts two
        // stories; the third names both stories' entities.
        let reports = vec![
            naming(
                "a",
                Some(day(3, 1)),
                &[("Staunton", Place), ("Mara Lind", Person)],
            ),
            naming(
                "b",
                Some(day(3, 2)),
                &[("Staunton Police", Organization), ("Jim Ward", Person)],
            ),
            naming(
                "c",
                Some(day(3, 3)),
                &[
                    ("Staunton", Place),
                    ("Staunton Police", Organization),
                    ("Mara Lind", Person),
                    ("Jim Ward", Person),
                ],
            ),
            naming(
                "d",
                Some(day(3, 4)),
                &[("Staunton", Place), ("Mara Lind", Person)],
            ),
            naming(
                "e",
                Some(day(3, 5)),
                &[("Staunton Police", Organization), ("Jim Ward", Person)],
            ),
        ];
        let stories = stories_of(&reports);
        assert!(stories.iter().all(|&s| s == 0), "{stories:?}");
    }

    #[test]
    fn no_reports_no_stories() {
        assert!(stories_of(&[]).is_empty());
    }

    #[test]
    fn reports_sharing_no_entity_are_one_story() {
        // Regression: with every entity named in one report only, no story
        // was started and the featureless reports' story did not exist.
        let reports = vec![
            naming("a", Some(day(3, 1)), &[("Dorn", Place)]),
            report("b", Some(day(3, 2)), &["Rain fell all day."]),
        ];
        assert_eq!(stories_of(&reports), vec![0, 0]);
        assert_eq!(stories_of(&reports[..1]), vec![0]);
    }
}
