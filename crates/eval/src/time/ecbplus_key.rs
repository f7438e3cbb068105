//! The blind TIMEX3 key on ECB+ news articles (`gold/ecbplus-timex.jsonl`
//! in this crate; format and annotation rules in `gold/ecbplus-timex.md`).
//!
//! Each key line is one whole article: its document creation time and its
//! time expressions as token ranges (`t_id`s) of the ECB+ file, so that no
//! article text is stored here. The article is rebuilt as plain text by the
//! ECB+ reader ([`crate::ecbplus`]), tagged with the key's DCT, and scored
//! like a TimeML file: strict and relaxed extent, type and value F1
//! ([`super::compare`]).
//!
//! The key has a `train` and a `dev` half (by ECB+ topic): tune on `train`;
//! report `dev` once, at the end of a tuning cycle.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::timeml::parse_timeml;

use super::mismatch::{mismatches, Mismatch};
use super::{compare, system_annotations, Annotated, Counts, TimemlScores};
use crate::ecbplus::{read_document, Document, EcbError, FileId};
use crate::figures::{ecbplus_root, parse_split, SplitFilter};

/// Why the key could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum TimexKeyError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Line {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error(transparent)]
    Document(#[from] EcbError),
    #[error("{key}: {doc}: {message}")]
    Token {
        key: PathBuf,
        doc: String,
        message: String,
    },
    #[error("unknown split {0:?} (expected train, dev or all)")]
    Split(String),
    #[error("no ECB+ data: pass --data DIR or set CORROBORATE_SHARED")]
    NoData,
    #[error("{path}: {message}")]
    Annotated { path: PathBuf, message: String },
}

/// One article of the key.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct KeyDocument {
    /// Path under the ECB+ root, e.g. `2/2_1ecbplus.xml`.
    pub doc: String,
    pub split: String,
    /// The document creation time the annotator read from the article.
    pub dct: NaiveDate,
    pub timexes: Vec<KeyTimex>,
}

/// One gold time expression.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct KeyTimex {
    /// First and last `t_id`, inclusive.
    pub tokens: [u32; 2],
    #[serde(rename = "type")]
    pub timex_type: String,
    pub value: String,
}

/// Scores on one half of the key, with every disagreement.
pub struct TimexKeyScores {
    pub split: SplitFilter,
    pub scores: TimemlScores,
    pub mismatches: Vec<Mismatch>,
}

impl std::fmt::Display for TimexKeyScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "ECB+ TIMEX3 key, split: {}", self.split)?;
        write!(f, "{}", self.scores)
    }
}

/// The command `corroborate eval ecbplus-timex`: scores `key` on `split`
/// with the corpus at `data` (default `$CORROBORATE_SHARED/testdata/ecbplus`);
/// with `failures`, one line per disagreement.
pub fn run(
    key: &Path,
    data: Option<&Path>,
    split: &str,
    failures: bool,
) -> Result<String, TimexKeyError> {
    let split: SplitFilter = split
        .parse()
        .map_err(|_| TimexKeyError::Split(split.to_string()))?;
    let data = ecbplus_root(data).ok_or(TimexKeyError::NoData)?;
    let result = eval_timex_key(key, &data, split)?;
    let mut out = result.to_string();
    if failures {
        for line in &result.mismatches {
            out.push_str(&format!("{line}\n"));
        }
        out.push_str(&format!("{} disagreements\n", result.mismatches.len()));
    }
    Ok(out)
}

/// Scores the key at `key` on the articles of `split`, read from the ECB+
/// corpus root `data`.
pub fn eval_timex_key(
    key: &Path,
    data: &Path,
    split: SplitFilter,
) -> Result<TimexKeyScores, TimexKeyError> {
    let mut counts = Counts::default();
    let mut found = Vec::new();
    let mut documents = 0;
    for entry in read_key(key)? {
        let entry_split = parse_split(&entry.split).map_err(|message| TimexKeyError::Token {
            key: key.to_path_buf(),
            doc: entry.doc.clone(),
            message,
        })?;
        if !split.includes(entry_split) {
            continue;
        }
        let document = read_document(&data.join(&entry.doc))?;
        let gold = gold_annotations(&entry, &document).map_err(|message| TimexKeyError::Token {
            key: key.to_path_buf(),
            doc: entry.doc.clone(),
            message,
        })?;
        let system: Vec<Annotated> = system_annotations(&corroborate_time::tag(
            &document.text,
            Some(entry.dct),
            false,
        ))
        .into_iter()
        .map(|mut timex| {
            timex.value = without_zone(&timex.value).to_string();
            timex
        })
        .collect();
        compare(&gold, &system, &mut counts);
        found.extend(mismatches(&entry.doc, &document.text, &gold, &system));
        documents += 1;
    }
    Ok(TimexKeyScores {
        split,
        scores: TimemlScores::from_counts(documents, counts),
        mismatches: found,
    })
}

/// A clock value without its UTC offset ("2013-05-03T07:31-05" →
/// "2013-05-03T07:31"): the annotators wrote local clock times only (the
/// checker they used accepted no offsets), so offsets are not compared.
fn without_zone(value: &str) -> &str {
    let Some(t) = value.find('T') else {
        return value;
    };
    let clock = value.get(t + 1..).unwrap_or("");
    let is_clock = clock.len() >= 5 && clock.as_bytes().get(2) == Some(&b':');
    if !is_clock {
        return value;
    }
    let zone_at = clock
        .get(5..)
        .and_then(|rest| rest.find(['Z', '+', '-']))
        .map(|i| t + 1 + 5 + i);
    zone_at.and_then(|at| value.get(..at)).unwrap_or(value)
}

/// Every line of the key file.
pub fn read_key(key: &Path) -> Result<Vec<KeyDocument>, TimexKeyError> {
    let content = std::fs::read_to_string(key).map_err(|source| TimexKeyError::Io {
        path: key.to_path_buf(),
        source,
    })?;
    content
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|e| TimexKeyError::Line {
                path: key.to_path_buf(),
                line: i + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

/// The key line for an annotator's TimeML file: the text `ecb_topic_text`
/// wrote for one ECB+ document (`TOPIC_Necb….tml`), with TIMEX3 tags and a
/// DCT. Read by the TimeML scorer's own reader; each tag becomes the range
/// of tokens its characters overlap. The text without tags must be the
/// document's text, so a key line never describes another text.
pub fn key_line_from_timeml(root: &Path, tml: &Path) -> Result<KeyDocument, TimexKeyError> {
    let fail = |message: String| TimexKeyError::Annotated {
        path: tml.to_path_buf(),
        message,
    };
    let xml = std::fs::read_to_string(tml).map_err(|source| TimexKeyError::Io {
        path: tml.to_path_buf(),
        source,
    })?;
    let annotated = parse_timeml(&xml).map_err(fail)?;
    let stem = tml.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let (topic, _) = stem
        .split_once('_')
        .ok_or_else(|| fail("the file name is not TOPIC_Necb…".into()))?;
    let doc = format!("{topic}/{stem}.xml");
    let path = root.join(&doc);
    let split = FileId::from_path(&path)
        .ok()
        .and_then(|file| file.split())
        .ok_or_else(|| fail("the topic is in no split".into()))?;
    let document = read_document(&path)?;
    let dct = annotated
        .dct
        .ok_or_else(|| fail("no DCT with a YYYY-MM-DD value".into()))?;
    // `<TEXT>` is followed by a line break the document's text lacks.
    let shift = usize::from(annotated.text.starts_with('\n'));
    if annotated.text[shift..].trim_end() != document.text.trim_end() {
        return Err(fail(
            "the text without tags differs from the document's text".into(),
        ));
    }
    let timexes = annotated
        .gold
        .iter()
        .map(|tag| {
            let (start, end) = (
                tag.start.saturating_sub(shift),
                tag.end.saturating_sub(shift),
            );
            let covered: Vec<u32> = document
                .tokens
                .iter()
                .filter(|t| t.span.start < end && start < t.span.end)
                .map(|t| t.id)
                .collect();
            match (covered.first(), covered.last()) {
                (Some(&first), Some(&last)) => Ok(KeyTimex {
                    tokens: [first, last],
                    timex_type: tag.timex_type.clone(),
                    value: tag.value.clone(),
                }),
                _ => Err(fail(format!("the tag at {start} covers no token"))),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(KeyDocument {
        doc,
        split: split.as_str().to_string(),
        dct,
        timexes,
    })
}

/// The key's timexes as byte spans of the rebuilt article text.
fn gold_annotations(entry: &KeyDocument, document: &Document) -> Result<Vec<Annotated>, String> {
    let span_of = |id: u32| {
        document
            .tokens
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.span)
            .ok_or_else(|| format!("no token {id}"))
    };
    entry
        .timexes
        .iter()
        .map(|timex| {
            let [first, last] = timex.tokens;
            Ok(Annotated {
                start: span_of(first)?.start,
                end: span_of(last)?.end,
                timex_type: timex.timex_type.clone(),
                value: timex.value.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_line_reads_with_its_token_range_type_and_value() {
        let line = r#"{"doc": "2/2_1ecbplus.xml", "split": "dev", "dct": "2013-05-02", "timexes": [{"tokens": [5, 7], "type": "DATE", "value": "2013-05-01"}]}"#;
        let entry: KeyDocument = serde_json::from_str(line).expect("valid line");
        assert_eq!(
            entry.dct,
            NaiveDate::from_ymd_opt(2013, 5, 2).expect("date")
        );
        assert_eq!(entry.timexes[0].tokens, [5, 7]);
        assert_eq!(entry.timexes[0].timex_type, "DATE");
        let split = parse_split(&entry.split).expect("a known split");
        assert!(SplitFilter::Dev.includes(split));
        assert!(!SplitFilter::Train.includes(split));
    }

    #[test]
    fn clock_values_are_compared_without_their_utc_offset() {
        assert_eq!(without_zone("2013-05-03T07:31-05"), "2013-05-03T07:31");
        assert_eq!(without_zone("2013-09-09T14:39Z"), "2013-09-09T14:39");
        assert_eq!(without_zone("2013-09-18T14:16+05:30"), "2013-09-18T14:16");
        assert_eq!(without_zone("2013-05-03T07:31:20Z"), "2013-05-03T07:31:20");
        assert_eq!(without_zone("2013-05-03TMO"), "2013-05-03TMO");
        assert_eq!(without_zone("2013-05-03"), "2013-05-03");
        assert_eq!(without_zone("PT2H"), "PT2H");
    }
}
