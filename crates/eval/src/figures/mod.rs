//! Scores [`corroborate_quantity::extract`] on the blind ECB+ figure key
//! (`gold/ecbplus-figures.jsonl` in this crate; format and annotation
//! rules in `gold/ecbplus-figures.md`).
//!
//! For each key sentence, the sentence is rebuilt as one line of plain
//! text by the ECB+ reader ([`crate::ecbplus`]) and the extractor reads
//! it as the only sentence. Each predicted quantity is placed on the
//! tokens its byte span overlaps, and predictions are matched to gold
//! figures by token overlap and equal value (relative tolerance 1e-6),
//! greedily and one-to-one, by the scorer core the project's own key uses
//! ([`crate::quantity`]). Interval, unit, concept, scope and `part_of`
//! agreement are counted over matched pairs, with the vocabulary maps of
//! the `vocabulary` module. A prediction that matches no gold figure and
//! overlaps one of the key's `ignore` spans is counted neither way.
//!
//! The key has a `train` and a `dev` half: tune on `train`; report `dev`
//! once, at the end of a tuning cycle. The output always names the split.

mod vocabulary;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use corroborate_model::{Quantity, Span};
use serde::Deserialize;

use crate::ecbplus::{self, Document, EcbError, Token};
use crate::quantity::{
    self, EvalError, FigureAnnotation, GoldFigure, GoldScores, KeySentence, Prediction,
};
use vocabulary::EcbConventions;

/// Why the figure key could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum FiguresError {
    /// The key file cannot be read or a line of it is not a valid entry
    /// (the same errors as the project's own quantity key).
    #[error(transparent)]
    Key(#[from] EvalError),
    #[error(transparent)]
    Document(#[from] EcbError),
    #[error("unknown split {0:?} (expected train, dev or all)")]
    Split(String),
    #[error("no ECB+ data: pass --data DIR or set CORROBORATE_SHARED")]
    NoData,
}

/// Which half of the key to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitFilter {
    Train,
    Dev,
    All,
}

impl SplitFilter {
    pub(crate) fn includes(self, split: ecbplus::Split) -> bool {
        match self {
            SplitFilter::All => true,
            SplitFilter::Train => split == ecbplus::Split::Train,
            SplitFilter::Dev => split == ecbplus::Split::Dev,
        }
    }
}

impl FromStr for SplitFilter {
    type Err = FiguresError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "train" => Ok(SplitFilter::Train),
            "dev" => Ok(SplitFilter::Dev),
            "all" => Ok(SplitFilter::All),
            other => Err(FiguresError::Split(other.to_string())),
        }
    }
}

impl fmt::Display for SplitFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SplitFilter::Train => "train",
            SplitFilter::Dev => "dev",
            SplitFilter::All => "all (train + dev)",
        })
    }
}

/// Scores on one split of the figure key.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureScores {
    pub split: SplitFilter,
    pub documents: usize,
    /// Don't-care spans of the scored sentences.
    pub ignore_spans: usize,
    /// Hits, misses, attribute agreement and one line per error.
    pub scores: GoldScores,
}

impl fmt::Display for FigureScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "ECB+ figure key, split: {} ({} sentences from {} documents, {} gold figures)",
            self.split, self.scores.sentences, self.documents, self.scores.gold
        )?;
        write!(f, "{}", self.scores)?;
        writeln!(
            f,
            "don't-care spans: {}; predictions over them, not counted: {}",
            self.ignore_spans, self.scores.ignored
        )
    }
}

#[derive(Debug, Deserialize)]
struct KeyLine {
    doc: String,
    sentence: u32,
    split: String,
    quantities: Vec<KeyFigure>,
    #[serde(default)]
    ignore: Vec<[u32; 2]>,
}

#[derive(Debug, Deserialize)]
struct KeyFigure {
    tokens: [u32; 2],
    #[serde(flatten)]
    annotation: FigureAnnotation,
}

/// The command `corroborate eval figures`: scores `key` on `split`
/// (`train`, `dev` or `all`) with the corpus at `data` (default
/// `$CORROBORATE_SHARED/testdata/ecbplus`); with `failures`, every miss,
/// false positive and mismatch follows the table.
pub fn run(
    key: &Path,
    data: Option<&Path>,
    split: &str,
    failures: bool,
) -> Result<String, FiguresError> {
    let split: SplitFilter = split.parse()?;
    let data = ecbplus_root(data).ok_or(FiguresError::NoData)?;
    let scores = eval_figures(key, &data, split)?;
    let mut out = scores.to_string();
    if failures {
        out.push('\n');
        for line in &scores.scores.errors {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("{} error lines\n", scores.scores.errors.len()));
    }
    Ok(out)
}

/// The ECB+ corpus root: `data` when given, else
/// `$CORROBORATE_SHARED/testdata/ecbplus`.
pub(crate) fn ecbplus_root(data: Option<&Path>) -> Option<PathBuf> {
    match data {
        Some(dir) => Some(dir.to_path_buf()),
        None => std::env::var_os("CORROBORATE_SHARED")
            .map(|root| PathBuf::from(root).join("testdata/ecbplus")),
    }
}

/// Scores the key at `key` on the sentences of `split`, reading documents
/// from the ECB+ corpus root `data`.
pub fn eval_figures(
    key: &Path,
    data: &Path,
    split: SplitFilter,
) -> Result<FigureScores, FiguresError> {
    let content = std::fs::read_to_string(key).map_err(|source| EvalError::Io {
        path: key.to_path_buf(),
        source,
    })?;
    let mut documents: HashMap<String, Document> = HashMap::new();
    let mut result = FigureScores {
        split,
        documents: 0,
        ignore_spans: 0,
        scores: GoldScores::default(),
    };
    for (index, raw) in content.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let at = |message: String| EvalError::Gold {
            path: key.to_path_buf(),
            line: index + 1,
            message,
        };
        let line: KeyLine = serde_json::from_str(raw).map_err(|source| EvalError::Json {
            path: key.to_path_buf(),
            line: index + 1,
            source,
        })?;
        let line_split = parse_split(&line.split).map_err(at)?;
        if !split.includes(line_split) {
            continue;
        }
        if !documents.contains_key(&line.doc) {
            let document = ecbplus::read_document(&data.join(&line.doc))?;
            documents.insert(line.doc.clone(), document);
        }
        let document = documents
            .get(&line.doc)
            .ok_or_else(|| at(format!("document {} not loaded", line.doc)))?;
        score_line(&line, document, &mut result).map_err(at)?;
    }
    result.documents = documents.len();
    Ok(result)
}

pub(crate) fn parse_split(split: &str) -> Result<ecbplus::Split, String> {
    match split {
        "train" => Ok(ecbplus::Split::Train),
        "dev" => Ok(ecbplus::Split::Dev),
        other => Err(format!("split {other:?} is neither train nor dev")),
    }
}

/// One key sentence: rebuild its text, extract, place, score.
fn score_line(
    line: &KeyLine,
    document: &Document,
    result: &mut FigureScores,
) -> Result<(), String> {
    let sentence = SentenceText::new(document, line.sentence)
        .ok_or_else(|| format!("{} has no sentence {}", line.doc, line.sentence))?;
    let key = key_sentence(line, &sentence)?;
    let quantities = quantity::extract_whole(sentence.text);
    let predicted: Vec<Prediction> = quantities
        .iter()
        .map(|q| Prediction {
            extent: sentence.token_extent_of(q),
            quantity: q,
        })
        .collect();
    result.ignore_spans += key.ignore.len();
    quantity::score_sentence(&key, &predicted, &EcbConventions, &mut result.scores);
    Ok(())
}

/// A sentence as one line of text, with its tokens' spans in that line.
struct SentenceText<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Byte offset of the line in the document text.
    offset: usize,
}

impl<'a> SentenceText<'a> {
    fn new(document: &'a Document, number: u32) -> Option<Self> {
        let sentence = document.sentence(number)?;
        Some(SentenceText {
            text: sentence.span.slice(&document.text)?,
            tokens: document.sentence_tokens(number),
            offset: sentence.span.start,
        })
    }

    /// A token's span in the line.
    fn span(&self, token: &Token) -> Span {
        Span::new(
            token.span.start.saturating_sub(self.offset),
            token.span.end.saturating_sub(self.offset),
        )
    }

    fn token(&self, id: u32) -> Option<&Token> {
        self.tokens.iter().find(|t| t.id == id)
    }

    /// The token ids a predicted quantity's byte span overlaps, as the
    /// extent `first..last + 1`.
    fn token_extent_of(&self, quantity: &Quantity) -> Option<Span> {
        let ids: Vec<u32> = self
            .tokens
            .iter()
            .filter(|t| self.span(t).overlaps(quantity.span))
            .map(|t| t.id)
            .collect();
        let first = *ids.iter().min()?;
        let last = *ids.iter().max()?;
        Some(token_range(first, last))
    }

    /// A key's `[first, last]` token pair as an extent, and the text it
    /// covers; an error when a token is not in the sentence.
    fn key_extent(&self, [first, last]: [u32; 2]) -> Result<(Span, &'a str), String> {
        let missing = |id: u32| format!("token {id} is not in the sentence");
        let start = self.span(self.token(first).ok_or_else(|| missing(first))?);
        let end = self.span(self.token(last).ok_or_else(|| missing(last))?);
        if first > last {
            return Err(format!("token span [{first}, {last}] is reversed"));
        }
        let text = self.text.get(start.start..end.end).unwrap_or("");
        Ok((token_range(first, last), text))
    }
}

fn token_range(first: u32, last: u32) -> Span {
    Span::new(first as usize, last as usize + 1)
}

fn key_sentence(line: &KeyLine, sentence: &SentenceText) -> Result<KeySentence, String> {
    let mut figures = Vec::with_capacity(line.quantities.len());
    for figure in &line.quantities {
        figures.push(gold_figure(figure, sentence)?);
    }
    if let Some(bad) = figures
        .iter()
        .filter_map(|f| f.part_of)
        .find(|&i| i >= figures.len())
    {
        return Err(format!("part_of {bad} points past the sentence's figures"));
    }
    let ignore = line
        .ignore
        .iter()
        .map(|&pair| sentence.key_extent(pair).map(|(extent, _)| extent))
        .collect::<Result<Vec<Span>, String>>()?;
    Ok(KeySentence {
        label: format!("{} s{}: {}", line.doc, line.sentence, sentence.text),
        figures,
        ignore,
    })
}

fn gold_figure(figure: &KeyFigure, sentence: &SentenceText) -> Result<GoldFigure, String> {
    let (extent, text) = sentence.key_extent(figure.tokens)?;
    Ok(figure
        .annotation
        .clone()
        .into_figure(extent, text.to_string()))
}
