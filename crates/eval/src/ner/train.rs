//! Training the tagger: a structured averaged perceptron (Collins 2002)
//! over the linear-chain model of `chain.rs`, written as its compact file.
//!
//! Each training document is rebuilt as text exactly as [`super::eval_conll`]
//! does (tokens joined by spaces), re-tokenized by `corroborate_text` and
//! labelled by character overlap, so training sees the tokens tagging
//! will see. Attributes are the hashes tagging computes
//! (`corroborate_ner::training::sentence_attributes`), so no strings are
//! kept. Held-out documents (see `corpus.rs`) are skipped.
//! Tweets (WNUT17, BTC) get a lower update weight: their casing is
//! unreliable.
//!
//! Per epoch the sentences are visited in a fixed pseudo-random order; a
//! sentence whose Viterbi path (under the BIO constraint) differs from the
//! gold path adds the gold path's features and subtracts the predicted
//! path's. The written weights are the average over all steps. Attributes
//! seen fewer than `min_count` times are not learned at all.
//!
//! The `crfs` crate (CRFsuite port) was tried first: its trainers update a
//! dense vector of all features per sentence, which took 14 minutes for
//! ten perceptron epochs here; this sparse trainer takes seconds per epoch.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use corroborate_model::{EntityKind, Span};
use corroborate_ner::training::{sentence_attributes, viterbi, Label, ModelParts};

use super::conll::layout;
use super::corpus::{conll_tag, read_split, NameDocument};
use super::NerEvalError;

/// Training settings.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Update weight of tweets (WNUT17, BTC); other documents weigh 1.
    pub social_media_weight: f32,
    /// Attributes seen fewer times than this in training are dropped.
    pub min_count: u32,
    /// Averaged weights below this magnitude are not written.
    pub min_weight: f32,
    /// Print one line per epoch to standard error.
    pub verbose: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            social_media_weight: 0.2,
            min_count: 2,
            min_weight: 0.01,
            verbose: false,
        }
    }
}

/// What training did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrainReport {
    /// Training documents (held-out ones excluded).
    pub documents: usize,
    pub held_out_documents: usize,
    pub sentences: usize,
    pub tokens: usize,
    /// Attributes with a weight in the written model.
    pub attributes: usize,
    pub model_bytes: usize,
    pub seconds: f64,
}

/// The label set, in model order.
const LABELS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
const L: usize = LABELS.len();

/// Trains a tagger on the CoNLL files or directories `files` (held-out
/// documents excluded) and writes the model to `out`.
pub fn train(
    files: &[PathBuf],
    out: &Path,
    options: &TrainOptions,
) -> Result<TrainReport, NerEvalError> {
    let started = Instant::now();
    let split = read_split(files)?;
    let mut report = TrainReport {
        documents: split.train.len(),
        held_out_documents: split.held_out.len(),
        ..TrainReport::default()
    };
    let mut data = TrainingData::default();
    for (corpus, document) in &split.train {
        let weight = if corpus.is_social_media() {
            options.social_media_weight
        } else {
            1.0
        };
        data.add_document(document, weight);
    }
    report.sentences = data.sentences.len();
    if options.verbose {
        let invalid = data
            .sentences
            .iter()
            .filter(|s| !is_valid_path(&s.gold))
            .count();
        eprintln!("{invalid} sentences with a gold path that breaks BIO");
    }
    report.tokens = data.sentences.iter().map(|s| s.gold.len()).sum();
    if report.tokens == 0 {
        let first = files.first().cloned().unwrap_or_default();
        return Err(NerEvalError::NoData(first));
    }
    let labels: Vec<Label> = LABELS.iter().filter_map(|l| Label::parse(l)).collect();
    let mut perceptron = Perceptron::new(data.attribute_count(), &labels);
    data.drop_rare(options.min_count);
    for epoch in 0..options.epochs {
        let errors = perceptron.epoch(&data, epoch);
        if options.verbose {
            eprintln!(
                "epoch {}: {} of {} sentences wrong ({:.1} s)",
                epoch + 1,
                errors,
                data.sentences.len(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    let parts = perceptron.into_parts(&data, options.min_weight);
    report.attributes = parts.attributes.len();
    let bytes = parts.encode();
    std::fs::write(out, &bytes).map_err(|source| NerEvalError::Io {
        path: out.to_path_buf(),
        source,
    })?;
    report.model_bytes = bytes.len();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// One training sentence: attribute ids per token and gold label ids.
struct Sentence {
    attributes: Vec<Vec<u32>>,
    gold: Vec<u8>,
    weight: f32,
}

/// Sentences with attributes interned to dense ids.
#[derive(Default)]
struct TrainingData {
    sentences: Vec<Sentence>,
    ids: HashMap<u64, u32>,
    hashes: Vec<u64>,
    counts: Vec<u32>,
}

impl TrainingData {
    fn add_document(&mut self, document: &NameDocument, weight: f32) {
        let layout = layout(&document.tokens, &document.sentence_starts);
        let entities = entity_spans(document, &layout.token_spans);
        let text = layout.text.as_str();
        let tokens = corroborate_text::tokens(text);
        for sentence in sentence_attributes(text, &layout.sentences, &tokens) {
            let attributes = sentence
                .attributes
                .iter()
                .map(|hashes| hashes.iter().map(|&h| self.intern(h)).collect())
                .collect();
            let gold = sentence
                .token_spans
                .iter()
                .map(|&span| label_id(span, &entities))
                .collect();
            self.sentences.push(Sentence {
                attributes,
                gold,
                weight,
            });
        }
    }

    fn intern(&mut self, hash: u64) -> u32 {
        let next = u32::try_from(self.hashes.len()).unwrap_or(u32::MAX);
        let id = *self.ids.entry(hash).or_insert(next);
        if id == next {
            self.hashes.push(hash);
            self.counts.push(0);
        }
        if let Some(count) = self.counts.get_mut(id as usize) {
            *count += 1;
        }
        id
    }

    fn attribute_count(&self) -> usize {
        self.hashes.len()
    }

    /// Removes attributes seen fewer than `min_count` times.
    fn drop_rare(&mut self, min_count: u32) {
        let counts = &self.counts;
        for sentence in &mut self.sentences {
            for token in &mut sentence.attributes {
                token.retain(|&id| counts.get(id as usize).is_some_and(|&c| c >= min_count));
            }
        }
    }
}

fn entity_spans(document: &NameDocument, token_spans: &[Span]) -> Vec<(Span, EntityKind)> {
    document
        .entities
        .iter()
        .filter_map(|&(start, end, kind)| {
            let first = token_spans.get(start)?;
            let last = token_spans.get(end.checked_sub(1)?)?;
            Some((Span::new(first.start, last.end), kind))
        })
        .collect()
}

/// The BIO label of a token by the entity its first character lies in.
fn label_of(span: Span, entities: &[(Span, EntityKind)]) -> String {
    let inside = entities
        .iter()
        .find(|(entity, _)| entity.start <= span.start && span.start < entity.end);
    match inside {
        Some((entity, kind)) if entity.start == span.start => format!("B-{}", conll_tag(*kind)),
        Some((_, kind)) => format!("I-{}", conll_tag(*kind)),
        None => "O".to_string(),
    }
}

fn label_id(span: Span, entities: &[(Span, EntityKind)]) -> u8 {
    let label = label_of(span, entities);
    let index = LABELS.iter().position(|l| *l == label).unwrap_or(0);
    u8::try_from(index).unwrap_or(0)
}

/// Weights with running sums for averaging (the "lazy" update: `totals`
/// accumulate step × delta, and the average is `w - totals / steps`).
struct Perceptron {
    labels: Vec<Label>,
    state: Vec<f32>,
    state_totals: Vec<f64>,
    transitions: Vec<f32>,
    transition_totals: Vec<f64>,
    step: f64,
}

impl Perceptron {
    fn new(attribute_count: usize, labels: &[Label]) -> Perceptron {
        Perceptron {
            labels: labels.to_vec(),
            state: vec![0.0; attribute_count * L],
            state_totals: vec![0.0; attribute_count * L],
            transitions: vec![0.0; L * L],
            transition_totals: vec![0.0; L * L],
            step: 1.0,
        }
    }

    /// One pass; returns the number of sentences predicted wrongly.
    fn epoch(&mut self, data: &TrainingData, epoch: usize) -> usize {
        let mut errors = 0;
        let mut scores = Vec::new();
        for index in visiting_order(data.sentences.len(), epoch) {
            let Some(sentence) = data.sentences.get(index) else {
                continue;
            };
            self.score(sentence, &mut scores);
            let predicted = viterbi(&self.labels, &self.transitions, &scores);
            if predicted.len() == sentence.gold.len()
                && predicted.iter().zip(&sentence.gold).any(|(p, g)| p != g)
            {
                errors += 1;
                self.update(sentence, &sentence.gold, sentence.weight);
                self.update(sentence, &predicted, -sentence.weight);
            }
            self.step += 1.0;
        }
        errors
    }

    fn score(&self, sentence: &Sentence, scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(sentence.gold.len() * L, 0.0);
        for (row, attributes) in scores.chunks_exact_mut(L).zip(&sentence.attributes) {
            for &id in attributes {
                let base = id as usize * L;
                if let Some(weights) = self.state.get(base..base + L) {
                    row.iter_mut().zip(weights).for_each(|(s, w)| *s += w);
                }
            }
        }
    }

    fn update(&mut self, sentence: &Sentence, path: &[u8], delta: f32) {
        let step = self.step;
        let mut previous: Option<u8> = None;
        for (attributes, &label) in sentence.attributes.iter().zip(path) {
            for &id in attributes {
                let slot = id as usize * L + usize::from(label);
                bump(&mut self.state, &mut self.state_totals, slot, delta, step);
            }
            if let Some(from) = previous {
                let slot = usize::from(from) * L + usize::from(label);
                bump(
                    &mut self.transitions,
                    &mut self.transition_totals,
                    slot,
                    delta,
                    step,
                );
            }
            previous = Some(label);
        }
    }

    /// Averaged weights as model parts, without near-zero weights.
    fn into_parts(self, data: &TrainingData, min_weight: f32) -> ModelParts {
        let average = |w: f32, total: f64| (f64::from(w) - total / self.step) as f32;
        let transitions = self
            .transitions
            .iter()
            .zip(&self.transition_totals)
            .map(|(&w, &t)| average(w, t))
            .collect();
        let mut attributes = Vec::new();
        for (id, &hash) in data.hashes.iter().enumerate() {
            let base = id * L;
            let (Some(weights), Some(totals)) = (
                self.state.get(base..base + L),
                self.state_totals.get(base..base + L),
            ) else {
                continue;
            };
            let kept: Vec<(u8, f32)> = weights
                .iter()
                .zip(totals)
                .enumerate()
                .map(|(label, (&w, &t))| (u8::try_from(label).unwrap_or(0), average(w, t)))
                .filter(|(_, w)| w.abs() >= min_weight)
                .collect();
            if !kept.is_empty() {
                attributes.push((hash, kept));
            }
        }
        ModelParts {
            labels: LABELS.iter().map(|l| l.to_string()).collect(),
            transitions,
            attributes,
        }
    }
}

/// True when every `I-X` follows `B-X` or `I-X`.
fn is_valid_path(path: &[u8]) -> bool {
    let labels: Vec<Label> = LABELS.iter().filter_map(|l| Label::parse(l)).collect();
    let mut previous = None;
    path.iter().all(|&id| {
        let label = labels.get(usize::from(id)).copied();
        let ok = label.is_some_and(|l| l.may_follow(previous));
        previous = label;
        ok
    })
}

fn bump(weights: &mut [f32], totals: &mut [f64], slot: usize, delta: f32, step: f64) {
    if let (Some(w), Some(t)) = (weights.get_mut(slot), totals.get_mut(slot)) {
        *w += delta;
        *t += step * f64::from(delta);
    }
}

/// A deterministic shuffle of `0..n` for `epoch` (xorshift-driven
/// Fisher–Yates), so that training is reproducible.
fn visiting_order(n: usize, epoch: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state =
        0x9E37_79B9_7F4A_7C15u64 ^ (epoch as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D);
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_by_first_character() {
        let entities = [(Span::new(4, 14), EntityKind::Place)];
        assert_eq!(label_of(Span::new(4, 7), &entities), "B-LOC");
        assert_eq!(label_of(Span::new(8, 14), &entities), "I-LOC");
        assert_eq!(label_of(Span::new(15, 18), &entities), "O");
    }

    #[test]
    fn visiting_order_is_a_permutation() {
        let mut order = visiting_order(50, 3);
        assert_ne!(order, (0..50).collect::<Vec<_>>());
        order.sort_unstable();
        assert_eq!(order, (0..50).collect::<Vec<_>>());
    }
}
