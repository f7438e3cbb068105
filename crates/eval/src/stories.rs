//! Stories on a corpus of several crises: do reports of one happening
//! share a story, do reports of different crises stay apart, and does
//! anything the ledger or the timeline shows mix crises?
//!
//! Two gold labels per report: its *story* (the happening it reports;
//! for ECB+, the topic and whether the document is of the ECB or the ECB+
//! half, the two look-alike events of a topic) and its *crisis* (for
//! ECB+, the topic). Story detection is scored by pairs of reports
//! (pairwise P/R/F1 against the gold story, and against the crisis). An
//! output item that mixes crises is one whose quotes come from reports
//! of two gold crises: such a conflict, claim or event compares unrelated
//! things.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::Path;

use corroborate_model::{Analysis, Report};

use crate::coref::{LinkCounts, Prf};
use crate::ecb_topics::{EcbEvalError, Pipeline, Topic, TopicSelection};

/// A report's gold labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldStory {
    pub story: String,
    pub crisis: String,
}

/// What `eval stories` measures.
#[derive(Debug, Clone, Default)]
pub struct StoryScores {
    pub label: String,
    pub reports: usize,
    pub gold_stories: usize,
    pub gold_crises: usize,
    pub our_stories: usize,
    /// Pairs of reports in one of our stories vs one gold story.
    pub story_pairs: LinkCounts,
    /// The same against gold crises.
    pub crisis_pairs: LinkCounts,
    pub conflicts: usize,
    pub conflicts_mixing: usize,
    pub claims_with_two_reports: usize,
    pub claims_mixing: usize,
    pub events_with_two_reports: usize,
    pub events_mixing: usize,
}

impl StoryScores {
    pub fn story_scores(&self) -> Prf {
        self.story_pairs.scores()
    }
}

/// Scores `analysis` against gold labels by report id; reports without
/// a label are left out.
pub fn score(analysis: &Analysis, gold: &HashMap<String, GoldStory>, label: &str) -> StoryScores {
    let labelled: Vec<(&GoldStory, &str)> = analysis
        .reports
        .iter()
        .filter_map(|r| Some((gold.get(&r.id)?, r.story.as_str())))
        .collect();
    let mut scores = StoryScores {
        label: label.to_string(),
        reports: labelled.len(),
        gold_stories: distinct(labelled.iter().map(|(g, _)| g.story.as_str())),
        gold_crises: distinct(labelled.iter().map(|(g, _)| g.crisis.as_str())),
        our_stories: distinct(labelled.iter().map(|(_, s)| *s)),
        ..StoryScores::default()
    };
    scores.story_pairs = pair_counts(labelled.iter().map(|(g, s)| (g.story.as_str(), *s)));
    scores.crisis_pairs = pair_counts(labelled.iter().map(|(g, s)| (g.crisis.as_str(), *s)));
    let crises = |reports: &mut dyn Iterator<Item = &str>| -> (usize, usize) {
        let mut seen_reports: BTreeSet<&str> = BTreeSet::new();
        let mut seen_crises: BTreeSet<&str> = BTreeSet::new();
        for report in reports {
            seen_reports.insert(report);
            if let Some(g) = gold.get(report) {
                seen_crises.insert(&g.crisis);
            }
        }
        (seen_reports.len(), seen_crises.len())
    };
    for conflict in &analysis.conflicts {
        let (_, n) = crises(&mut conflict.sides.iter().map(|s| s.report.as_str()));
        scores.conflicts += 1;
        scores.conflicts_mixing += usize::from(n > 1);
    }
    for claim in &analysis.claims {
        let (reports, n) = crises(&mut claim.sources.iter().map(|s| s.report.as_str()));
        scores.claims_with_two_reports += usize::from(reports > 1);
        scores.claims_mixing += usize::from(n > 1);
    }
    for event in &analysis.events {
        let (reports, n) = crises(&mut event.sources.iter().map(|s| s.report.as_str()));
        scores.events_with_two_reports += usize::from(reports > 1);
        scores.events_mixing += usize::from(n > 1);
    }
    scores
}

/// Pairs of reports linked by ours, by the key and by both, counted from
/// the sizes of the groups (linear, so 100,000 reports score at once).
fn pair_counts<'a>(labels: impl Iterator<Item = (&'a str, &'a str)>) -> LinkCounts {
    let mut gold: HashMap<&str, usize> = HashMap::new();
    let mut ours: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(&str, &str), usize> = HashMap::new();
    for (g, o) in labels {
        *gold.entry(g).or_default() += 1;
        *ours.entry(o).or_default() += 1;
        *both.entry((g, o)).or_default() += 1;
    }
    let pairs = |n: &usize| n * n.saturating_sub(1) / 2;
    LinkCounts {
        linked: ours.values().map(pairs).sum(),
        gold: gold.values().map(pairs).sum(),
        correct: both.values().map(pairs).sum(),
    }
}

fn distinct<'a>(labels: impl Iterator<Item = &'a str>) -> usize {
    let mut all: Vec<&str> = labels.collect();
    all.sort_unstable();
    all.dedup();
    all.len()
}

/// Every document of the selected ECB+ topics in one run, as a
/// workspace holding many crises would be.
pub fn eval_ecbplus_stories(
    root: &Path,
    selection: &TopicSelection,
    pipeline: &Pipeline,
) -> Result<StoryScores, EcbEvalError> {
    let mut reports: Vec<Report> = Vec::new();
    let mut gold = HashMap::new();
    for &number in &selection.topics {
        let topic = Topic::read(root, number)?;
        for report in topic.reports() {
            let half = if report.meta.id.ends_with("ecbplus") {
                "ecbplus"
            } else {
                "ecb"
            };
            let labels = GoldStory {
                story: format!("{number}/{half}"),
                crisis: number.to_string(),
            };
            gold.insert(report.meta.id.clone(), labels);
            reports.push(report);
        }
    }
    let analysis = pipeline(reports).analysis;
    Ok(score(&analysis, &gold, &selection.to_string()))
}

/// Why a story manifest could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: expected 'file name<TAB>crisis'")]
    BadLine { path: String, line: usize },
}

/// Reads a manifest of `file name<TAB>crisis` lines (what
/// `bench/generate_reports.py --manifest` writes): file name → crisis.
pub fn read_manifest(path: &Path) -> Result<HashMap<String, String>, ManifestError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ManifestError::Read {
        path: shown.clone(),
        source,
    })?;
    let mut crisis_of = HashMap::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let Some((file, crisis)) = line.split_once('\t') else {
            return Err(ManifestError::BadLine {
                path: shown,
                line: n + 1,
            });
        };
        crisis_of.insert(file.to_string(), crisis.trim().to_string());
    }
    Ok(crisis_of)
}

/// Gold labels for an analysed folder from a manifest keyed by file
/// name: story and crisis are both the manifest's crisis.
pub fn manifest_gold(
    analysis: &Analysis,
    crisis_of: &HashMap<String, String>,
) -> HashMap<String, GoldStory> {
    analysis
        .reports
        .iter()
        .filter_map(|r| {
            let file = Path::new(&r.source).file_name()?.to_str()?;
            let crisis = crisis_of.get(file)?;
            let labels = GoldStory {
                story: crisis.clone(),
                crisis: crisis.clone(),
            };
            Some((r.id.clone(), labels))
        })
        .collect()
}

impl fmt::Display for StoryScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "stories on {}", self.label)?;
        writeln!(
            f,
            "    {} reports: {} gold stories in {} crises; {} stories of ours",
            self.reports, self.gold_stories, self.gold_crises, self.our_stories
        )?;
        let line = |f: &mut fmt::Formatter<'_>, name: &str, counts: &LinkCounts| {
            let s = counts.scores();
            writeln!(
                f,
                "    report pairs vs gold {name:<7} P {:.3}  R {:.3}  F1 {:.3}",
                s.precision,
                s.recall,
                s.f1()
            )
        };
        line(f, "story", &self.story_pairs)?;
        line(f, "crisis", &self.crisis_pairs)?;
        writeln!(
            f,
            "    items mixing gold crises: conflicts {} of {}, claims {} of {} with 2+ reports, events {} of {} with 2+ reports",
            self.conflicts_mixing,
            self.conflicts,
            self.claims_mixing,
            self.claims_with_two_reports,
            self.events_mixing,
            self.events_with_two_reports
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::ReportEntry;

    fn entry(id: &str, story: &str) -> ReportEntry {
        let mut analysis: Analysis = serde_json::from_str(&format!(
            r#"{{"schema_version":"1","reports":[{{"id":"{id}","source":"dir/{id}.md","title":"","outlet":null,"author":null,"url":null,"published":null,"published_inferred":false,"published_origin":"unknown","published_range":null,"duplicate_of":null,"chars":0,"language":null,"notices":[],"syndication_group":"{id}","similarity":1.0,"credited_source":null,"story":"{story}"}}],"entities":[],"events":[],"claims":[],"conflicts":[],"skipped":[]}}"#
        ))
        .expect("valid analysis");
        analysis.reports.remove(0)
    }

    #[test]
    fn pairs_count_against_story_and_crisis() {
        let analysis = Analysis {
            reports: vec![
                entry("a", "sty-1"),
                entry("b", "sty-1"),
                entry("c", "sty-1"),
                entry("d", "sty-2"),
            ],
            ..Analysis::default()
        };
        let gold: HashMap<String, GoldStory> = [
            ("a", "1/ecb"),
            ("b", "1/ecb"),
            ("c", "1/ecbplus"),
            ("d", "2/ecb"),
        ]
        .into_iter()
        .map(|(id, story)| {
            let crisis = story.split('/').next().unwrap_or_default().to_string();
            (
                id.to_string(),
                GoldStory {
                    story: story.to_string(),
                    crisis,
                },
            )
        })
        .collect();
        let scores = score(&analysis, &gold, "test");
        // Ours links a-b, a-c, b-c; gold story links only a-b.
        let story = scores.story_scores();
        assert!((story.precision - 1.0 / 3.0).abs() < 1e-9);
        assert!((story.recall - 1.0).abs() < 1e-9);
        // Against crises all three links are right and none is missed.
        let crisis = scores.crisis_pairs.scores();
        assert!((crisis.precision - 1.0).abs() < 1e-9);
        assert_eq!(
            (scores.gold_stories, scores.gold_crises, scores.our_stories),
            (3, 2, 2)
        );
    }

    #[test]
    fn manifest_lines_need_a_tab() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("m.tsv");
        std::fs::write(&path, "a.md\t3\nb.md\t4\n").expect("write");
        let read = read_manifest(&path).expect("manifest");
        assert_eq!(read.get("b.md").map(String::as_str), Some("4"));
        std::fs::write(&path, "a.md 3\n").expect("write");
        assert!(matches!(
            read_manifest(&path),
            Err(ManifestError::BadLine { line: 1, .. })
        ));
    }
}
