//! Evaluation against annotated corpora, TempEval-3 style.
//!
//! * [`eval_timeml`]: TimeML `.tml` files (TempEval-3, WikiWars): `DCT` and
//!   `TEXT` with inline `TIMEX3` tags.
//! * [`eval_meantime`]: MEANTIME CAT XML (tokens + TIMEX3 markables), first
//!   six sentences (0–5) only, DCT from the `CREATION_TIME` timex.
//! * [`ecbplus_key`]: the blind TIMEX3 key on ECB+ news articles.
//! * [`eval_recognizers`]: Microsoft Recognizers-Text English DateTime specs.
//! * [`bench_documents`]: tagging speed (characters per second, one
//!   thread) on the texts [`timeml_texts`] reads (the `wikiwars` bench).
//!
//! Scores follow TempEval-3: strict (same span) and relaxed (overlapping
//! span) extent precision/recall/F1; attribute F1 for `type` and `value`
//! counts a system timex as correct when it is relaxed-matched to a gold
//! timex with the same attribute, over system (precision) and gold (recall)
//! totals — which equals attribute accuracy × relaxed F1.

mod bench;
pub mod ecbplus_key;
pub(crate) mod meantime;
mod mismatch;
mod recognizers;
mod timeml;
mod write;

pub use bench::{bench_documents, timeml_texts, BenchResult, RawDocument};
pub use meantime::{eval_meantime, eval_meantime_paths, eval_meantime_to, meantime_mismatches};
pub use mismatch::Mismatch;
pub use recognizers::{
    eval_recognizers, eval_recognizers_paths, failures, failures_in_paths, Failure,
    RecognizersScores, SpecScore, OUT_OF_SCOPE, OUT_OF_SCOPE_TYPES,
};
pub use timeml::{eval_timeml, eval_timeml_paths, eval_timeml_to, timeml_mismatches};

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("malformed XML in {path}: {message}")]
    Xml { path: PathBuf, message: String },
    #[error("malformed JSON in {path}: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("no evaluation files found in {0}")]
    Empty(PathBuf),
}

/// A gold or system time expression as character-independent byte span
/// plus attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Annotated {
    pub start: usize,
    pub end: usize,
    pub timex_type: String,
    pub value: String,
}

/// Counts accumulated over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict_system: usize,
    pub strict_gold: usize,
    pub relaxed_system: usize,
    pub relaxed_gold: usize,
    pub type_correct: usize,
    pub value_correct: usize,
}

/// Precision, recall and F1 in percent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(matched_system: usize, system: usize, matched_gold: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let precision = ratio(matched_system, system);
        let recall = ratio(matched_gold, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// TempEval-3 scores for a corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct TimemlScores {
    pub documents: usize,
    pub counts: Counts,
    pub strict: Prf,
    pub relaxed: Prf,
    pub type_attr: Prf,
    pub value_attr: Prf,
}

impl TimemlScores {
    pub(crate) fn from_counts(documents: usize, c: Counts) -> Self {
        TimemlScores {
            documents,
            counts: c,
            strict: Prf::new(c.strict_system, c.system, c.strict_gold, c.gold),
            relaxed: Prf::new(c.relaxed_system, c.system, c.relaxed_gold, c.gold),
            type_attr: Prf::new(c.type_correct, c.system, c.type_correct, c.gold),
            value_attr: Prf::new(c.value_correct, c.system, c.value_correct, c.gold),
        }
    }
}

impl fmt::Display for TimemlScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "documents {}  gold timexes {}  system timexes {}",
            self.documents, self.counts.gold, self.counts.system
        )?;
        writeln!(f, "{:<16} {:>9} {:>9} {:>9}", "", "P", "R", "F1")?;
        for (name, prf) in [
            ("strict extent", self.strict),
            ("relaxed extent", self.relaxed),
            ("type", self.type_attr),
            ("value", self.value_attr),
        ] {
            writeln!(
                f,
                "{:<16} {:>9.2} {:>9.2} {:>9.2}",
                name, prf.precision, prf.recall, prf.f1
            )?;
        }
        Ok(())
    }
}

/// Adds one document's comparison to `counts`. Each gold timex is paired
/// with at most one overlapping system timex (the first unused one).
pub(crate) fn compare(gold: &[Annotated], system: &[Annotated], counts: &mut Counts) {
    counts.gold += gold.len();
    counts.system += system.len();
    let same = |a: &Annotated, b: &Annotated| a.start == b.start && a.end == b.end;
    let overlap = |a: &Annotated, b: &Annotated| a.start < b.end && b.start < a.end;
    counts.strict_gold += gold
        .iter()
        .filter(|g| system.iter().any(|s| same(g, s)))
        .count();
    counts.strict_system += system
        .iter()
        .filter(|s| gold.iter().any(|g| same(g, s)))
        .count();
    counts.relaxed_gold += gold
        .iter()
        .filter(|g| system.iter().any(|s| overlap(g, s)))
        .count();
    counts.relaxed_system += system
        .iter()
        .filter(|s| gold.iter().any(|g| overlap(g, s)))
        .count();
    let mut used = vec![false; system.len()];
    for g in gold {
        let pick = system
            .iter()
            .enumerate()
            .find(|(i, s)| !used.get(*i).copied().unwrap_or(true) && same(g, s))
            .or_else(|| {
                system
                    .iter()
                    .enumerate()
                    .find(|(i, s)| !used.get(*i).copied().unwrap_or(true) && overlap(g, s))
            });
        if let Some((i, s)) = pick {
            if let Some(flag) = used.get_mut(i) {
                *flag = true;
            }
            counts.type_correct += usize::from(s.timex_type == g.timex_type);
            counts.value_correct += usize::from(s.value == g.value);
        }
    }
}

/// Creates `dir` and its missing parents.
pub(crate) fn create_dir(dir: &std::path::Path) -> Result<(), EvalError> {
    std::fs::create_dir_all(dir).map_err(|source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    })
}

pub(crate) fn read(path: &std::path::Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The files named by `paths`, in the given order: a folder stands for its
/// files found by `in_folder`, a file for itself. Lets a corpus be scored
/// in parts (a tuning half and a checking half).
pub(crate) fn files_in_paths(
    paths: &[PathBuf],
    in_folder: impl Fn(&std::path::Path) -> Result<Vec<PathBuf>, EvalError>,
) -> Result<Vec<PathBuf>, EvalError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(in_folder(path)?);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(EvalError::Io {
                path: path.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            });
        }
    }
    Ok(files)
}

/// The label of a list of paths in error messages: the first path.
pub(crate) fn first_path(paths: &[PathBuf]) -> PathBuf {
    paths.first().cloned().unwrap_or_default()
}

/// Files in `dir` whose names end with `extension`, sorted.
pub(crate) fn files_with(
    dir: &std::path::Path,
    extension: &str,
) -> Result<Vec<PathBuf>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    Ok(files)
}

pub(crate) fn system_annotations(timexes: &[corroborate_model::Timex]) -> Vec<Annotated> {
    timexes
        .iter()
        .map(|t| Annotated {
            start: t.span.start,
            end: t.span.end,
            timex_type: t.timex_type.as_str().to_string(),
            value: t.value.clone(),
        })
        .collect()
}

pub(crate) fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The text with system TIMEX3 tags inserted (for writing TimeML).
pub(crate) fn inline_timeml(text: &str, timexes: &[corroborate_model::Timex]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut last = 0;
    for (i, t) in timexes.iter().enumerate() {
        let (Some(before), Some(inner)) = (text.get(last..t.span.start), t.span.slice(text)) else {
            continue;
        };
        out.push_str(&escape_xml(before));
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\">{}</TIMEX3>",
            i + 1,
            t.timex_type.as_str(),
            escape_xml(&t.value),
            escape_xml(inner)
        ));
        last = t.span.end;
    }
    out.push_str(&escape_xml(text.get(last..).unwrap_or("")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(start: usize, end: usize, value: &str) -> Annotated {
        Annotated {
            start,
            end,
            timex_type: "DATE".into(),
            value: value.into(),
        }
    }

    #[test]
    fn strict_relaxed_and_value_counts() {
        let gold = vec![
            ann(0, 10, "2022-01-05"),
            ann(20, 25, "2021"),
            ann(40, 45, "P5D"),
        ];
        let system = vec![
            ann(0, 10, "2022-01-05"),
            ann(18, 25, "2020"),
            ann(60, 65, "P1D"),
        ];
        let mut counts = Counts::default();
        compare(&gold, &system, &mut counts);
        let scores = TimemlScores::from_counts(1, counts);
        assert_eq!(counts.strict_gold, 1);
        assert_eq!(counts.relaxed_gold, 2);
        assert_eq!(counts.value_correct, 1);
        assert!((scores.relaxed.f1 - 200.0 / 3.0).abs() < 1e-9);
        assert!((scores.value_attr.f1 - 100.0 / 3.0).abs() < 1e-9);
        assert!(scores.to_string().contains("value"));
    }
}
