//! The statistical model: a linear-chain model over BIO labels (`B-PER`,
//! `I-ORG`, …, `O`) with the features of `features.rs` (state weights per
//! attribute and label, transition weights per label pair), decoded by
//! Viterbi with the BIO constraint (an `I-X` only after `B-X` or `I-X`).
//! The weights come from the averaged perceptron of the trainer in
//! `corroborate-eval`, which writes them with [`ModelParts`].
//!
//! # Model file (`model/ner.model`, little endian)
//!
//! | field | type |
//! | --- | --- |
//! | magic `CNER`, version | 4 bytes, u32 |
//! | label count *L*, then each label | u32, (u8 length, bytes) |
//! | transition weights, from × to | *L*² f32 |
//! | attribute count *A*, attribute hashes (ascending) | u32, *A* u64 |
//! | first weight of each attribute, then the total | (*A* + 1) u32 |
//! | label of each weight, weight | u8 each, f32 each |
//!
//! An attribute hash is FNV-1a of its `name=value` string. Loading builds
//! an open-addressing table whose slots hold each hash with the index of
//! a dense row of weights, one per label (zero where the file has none),
//! so that scoring a token adds one fixed-width row per attribute, as the
//! attributes are emitted. Adding a zero weight leaves a score unchanged,
//! so the scores equal those of the sparse weights in the file.

use corroborate_model::{EntityKind, Mention, Span};

use crate::features::{FeatureSink, SentenceFeatures};
use crate::gazetteer::Gazetteer;
use crate::sentence::Tok;
use crate::NerError;

const MAGIC: &[u8; 4] = b"CNER";
const VERSION: u32 = 1;

/// A loaded model: labels, transitions and state weights by attribute.
#[derive(Debug, Clone)]
pub(crate) struct ChainModel {
    labels: Vec<Label>,
    /// `transitions[from * L + to]`.
    transitions: Vec<f32>,
    attribute_count: usize,
    /// Open addressing over the attribute hashes, each slot holding the
    /// attribute's row in `rows`.
    slots: Vec<Slot>,
    /// The weight of every label for each attribute (zero past the
    /// model's labels).
    rows: Vec<[f32; MAX_LABELS]>,
}

/// One slot of [`ChainModel::slots`]: an attribute hash and its row.
#[derive(Debug, Clone, Copy)]
struct Slot {
    hash: u64,
    /// `EMPTY` for a free slot.
    row: u32,
}

const EMPTY: u32 = u32::MAX;

/// The number of distinct BIO labels over the four kinds: fixed-width
/// weight rows let the compiler add a whole row at once.
const MAX_LABELS: usize = 9;

/// A BIO label: outside, or the beginning or inside of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Outside,
    Begin(EntityKind),
    Inside(EntityKind),
}

impl Label {
    /// `O`, or `B-`/`I-` and one of `PER`, `ORG`, `LOC`, `MISC`.
    pub fn parse(text: &str) -> Option<Label> {
        if text == "O" {
            return Some(Label::Outside);
        }
        let (prefix, tag) = text.split_once('-')?;
        let kind = match tag {
            "PER" => EntityKind::Person,
            "ORG" => EntityKind::Organization,
            "LOC" => EntityKind::Place,
            "MISC" => EntityKind::Other,
            _ => return None,
        };
        match prefix {
            "B" => Some(Label::Begin(kind)),
            "I" => Some(Label::Inside(kind)),
            _ => None,
        }
    }

    /// False for an `I-X` that does not follow `B-X` or `I-X` (`previous`
    /// is `None` at the start of a sentence).
    pub fn may_follow(self, previous: Option<Label>) -> bool {
        match self {
            Label::Inside(kind) => matches!(
                previous,
                Some(Label::Begin(k) | Label::Inside(k)) if k == kind
            ),
            _ => true,
        }
    }
}

/// The parts of a model, as written by training.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelParts {
    /// Label names in model order (see [`Label::parse`]).
    pub labels: Vec<String>,
    /// `transitions[from * L + to]` for `L` labels.
    pub transitions: Vec<f32>,
    /// (attribute hash, [(label index, weight)]).
    pub attributes: Vec<(u64, Vec<(u8, f32)>)>,
}

impl ModelParts {
    /// The binary model file (see the module documentation).
    pub fn encode(mut self) -> Vec<u8> {
        self.attributes.sort_by_key(|(hash, _)| *hash);
        self.attributes.dedup_by_key(|(hash, _)| *hash);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        push_len(&mut out, self.labels.len());
        for label in &self.labels {
            out.push(u8::try_from(label.len()).unwrap_or(u8::MAX));
            out.extend_from_slice(label.as_bytes());
        }
        for weight in &self.transitions {
            out.extend_from_slice(&weight.to_le_bytes());
        }
        push_len(&mut out, self.attributes.len());
        for (hash, _) in &self.attributes {
            out.extend_from_slice(&hash.to_le_bytes());
        }
        let mut offset = 0usize;
        for (_, weights) in &self.attributes {
            push_len(&mut out, offset);
            offset += weights.len();
        }
        push_len(&mut out, offset);
        let all = self.attributes.iter().flat_map(|(_, w)| w.iter());
        out.extend(all.clone().map(|(label, _)| *label));
        for (_, weight) in all {
            out.extend_from_slice(&weight.to_le_bytes());
        }
        out
    }
}

fn push_len(out: &mut Vec<u8>, value: usize) {
    let value = u32::try_from(value).unwrap_or(u32::MAX);
    out.extend_from_slice(&value.to_le_bytes());
}

/// Reads the model file format field by field.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, len: usize) -> Result<&'b [u8], NerError> {
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len());
        let slice = end.and_then(|end| self.bytes.get(self.at..end));
        let slice = slice.ok_or_else(|| NerError::Model("truncated model".into()))?;
        self.at += len;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], NerError> {
        let slice = self.take(N)?;
        slice
            .try_into()
            .map_err(|_| NerError::Model("truncated model".into()))
    }

    fn u32(&mut self) -> Result<u32, NerError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn count(&mut self) -> Result<usize, NerError> {
        let value = self.u32()? as usize;
        if value > self.bytes.len() {
            return Err(NerError::Model("implausible count".into()));
        }
        Ok(value)
    }

    fn f32s(&mut self, count: usize) -> Result<Vec<f32>, NerError> {
        let bytes = self.take(count.saturating_mul(4))?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
}

impl ChainModel {
    /// Parses a model file (see the module documentation).
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<ChainModel, NerError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(4)? != MAGIC || reader.u32()? != VERSION {
            return Err(NerError::Model("not a corroborate NER model".into()));
        }
        let label_count = reader.count()?;
        let mut labels = Vec::with_capacity(label_count);
        for _ in 0..label_count {
            let len = usize::from(reader.array::<1>()?[0]);
            let text = std::str::from_utf8(reader.take(len)?)
                .map_err(|_| NerError::Model("label is not UTF-8".into()))?;
            let label =
                Label::parse(text).ok_or_else(|| NerError::Model(format!("label {text}")))?;
            // Distinct labels: at most `MAX_LABELS`, the width of a row.
            if labels.contains(&label) {
                return Err(NerError::Model(format!("duplicate label {text}")));
            }
            labels.push(label);
        }
        let transitions = reader.f32s(label_count * label_count)?;
        let attribute_count = reader.count()?;
        let hashes: Vec<u64> = reader
            .take(attribute_count.saturating_mul(8))?
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect();
        let offsets: Vec<u32> = reader
            .take((attribute_count + 1).saturating_mul(4))?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let weight_count = offsets.last().copied().unwrap_or(0) as usize;
        let weight_labels = reader.take(weight_count)?.to_vec();
        let weights = reader.f32s(weight_count)?;
        if weight_labels.iter().any(|&l| usize::from(l) >= label_count)
            || offsets.windows(2).any(|w| w[0] > w[1])
        {
            return Err(NerError::Model("inconsistent weights".into()));
        }
        let mut rows = vec![[0f32; MAX_LABELS]; attribute_count];
        for (row, range) in rows.iter_mut().zip(offsets.windows(2)) {
            let (start, end) = (range[0] as usize, range[1] as usize);
            for (&label, &weight) in weight_labels
                .get(start..end)
                .into_iter()
                .flatten()
                .zip(weights.get(start..end).into_iter().flatten())
            {
                if let Some(cell) = row.get_mut(usize::from(label)) {
                    *cell += weight;
                }
            }
        }
        Ok(ChainModel {
            labels,
            transitions,
            attribute_count,
            slots: build_slots(&hashes),
            rows,
        })
    }

    pub(crate) fn attribute_count(&self) -> usize {
        self.attribute_count
    }

    /// The weights by label of the attribute with hash `hash`.
    fn lookup(&self, hash: u64) -> Option<&[f32; MAX_LABELS]> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = (hash as usize) & mask;
        loop {
            let slot = self.slots.get(at)?;
            if slot.row == EMPTY {
                return None;
            }
            if slot.hash == hash {
                return self.rows.get(slot.row as usize);
            }
            at = (at + 1) & mask;
        }
    }

    /// The best label sequence for a sentence's tokens.
    pub(crate) fn decode(&self, features: &SentenceFeatures) -> Vec<Label> {
        let l = self.labels.len();
        let mut scores = vec![0f32; features.len() * l];
        for (i, row) in scores.chunks_exact_mut(l.max(1)).enumerate() {
            let mut state = StateScores {
                model: self,
                sums: [0.0; MAX_LABELS],
            };
            features.emit(i, &mut state);
            for (score, sum) in row.iter_mut().zip(state.sums) {
                *score = sum;
            }
        }
        viterbi(&self.labels, &self.transitions, &scores)
            .into_iter()
            .map(|id| {
                self.labels
                    .get(usize::from(id))
                    .copied()
                    .unwrap_or(Label::Outside)
            })
            .collect()
    }
}

/// Sums a token's state weights by label as its attributes are emitted,
/// in emission order.
struct StateScores<'m> {
    model: &'m ChainModel,
    sums: [f32; MAX_LABELS],
}

impl FeatureSink for StateScores<'_> {
    fn add_hash(&mut self, hash: u64) {
        if let Some(weights) = self.model.lookup(hash) {
            for (sum, weight) in self.sums.iter_mut().zip(weights) {
                *sum += weight;
            }
        }
    }
}

/// The best label-index path for per-token `scores` (rows of
/// `labels.len()`) and `transitions` (from × to), under the BIO
/// constraint.
pub fn viterbi(labels: &[Label], transitions: &[f32], scores: &[f32]) -> Vec<u8> {
    let l = labels.len();
    if l == 0 || transitions.len() != l * l || !scores.chunks_exact(l).remainder().is_empty() {
        return Vec::new();
    }
    let n = scores.len() / l;
    if n == 0 {
        return Vec::new();
    }
    // The transition weight of each pair (from × to), minus infinity where
    // the BIO constraint forbids it (asked once per sentence): such a path
    // never beats the initial minus infinity below, just as if the pair
    // were skipped.
    let allowed: Vec<f32> = (0..l * l)
        .map(|k| {
            let (from, to) = (k / l, k % l);
            if labels[to].may_follow(Some(labels[from])) {
                transitions[k]
            } else {
                f32::NEG_INFINITY
            }
        })
        .collect();
    let mut best = vec![f32::NEG_INFINITY; n * l];
    let mut back = vec![0u8; n * l];
    for (to, _) in labels
        .iter()
        .enumerate()
        .filter(|(_, x)| x.may_follow(None))
    {
        best[to] = scores[to];
    }
    for t in 1..n {
        let (done, rest) = best.split_at_mut(t * l);
        let previous = &done[(t - 1) * l..];
        let current = &mut rest[..l];
        let row_back = &mut back[t * l..(t + 1) * l];
        // For every target label at once, the best predecessor: labels are
        // tried in ascending order and only a strictly better score
        // replaces the best, so ties go to the first.
        for (from, (&before, from_row)) in previous.iter().zip(allowed.chunks_exact(l)).enumerate()
        {
            let from = u8::try_from(from).unwrap_or(0);
            for ((top, arg), &transition) in
                current.iter_mut().zip(row_back.iter_mut()).zip(from_row)
            {
                let score = before + transition;
                if score > *top {
                    *top = score;
                    *arg = from;
                }
            }
        }
        for (top, &score) in current.iter_mut().zip(&scores[t * l..(t + 1) * l]) {
            *top += score;
        }
    }
    let mut path = vec![0u8; n];
    let Some(last_row) = best.get((n - 1) * l..n * l) else {
        return path;
    };
    let mut state = (0..l)
        .max_by(|&a, &b| last_row[a].total_cmp(&last_row[b]))
        .unwrap_or(0);
    for t in (0..n).rev() {
        path[t] = u8::try_from(state).unwrap_or(0);
        state = usize::from(back[t * l + state]);
    }
    path
}

/// Open-addressing table over `hashes` at most half full; attribute `a`
/// has row `a`. Attributes are inserted in order, so a repeated hash
/// finds its first attribute.
fn build_slots(hashes: &[u64]) -> Vec<Slot> {
    let size = (hashes.len() * 2).max(2).next_power_of_two();
    let mask = size - 1;
    let empty = Slot {
        hash: 0,
        row: EMPTY,
    };
    let mut slots = vec![empty; size];
    for (attribute, &hash) in hashes.iter().enumerate() {
        let Ok(row) = u32::try_from(attribute) else {
            break;
        };
        let mut at = (hash as usize) & mask;
        while slots.get(at).is_some_and(|slot| slot.row != EMPTY) {
            at = (at + 1) & mask;
        }
        if let Some(slot) = slots.get_mut(at) {
            *slot = Slot { hash, row };
        }
    }
    slots
}

/// Entity spans (first token, end token exclusive, kind) of a label path.
pub(crate) fn spans(path: &[Label]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, label) in path.iter().enumerate() {
        match (*label, open) {
            (Label::Inside(kind), Some((_, open_kind))) if kind == open_kind => {}
            (Label::Begin(kind) | Label::Inside(kind), _) => {
                if let Some((start, open_kind)) = open.take() {
                    out.push((start, i, open_kind));
                }
                open = Some((i, kind));
            }
            (Label::Outside, _) => {
                if let Some((start, open_kind)) = open.take() {
                    out.push((start, i, open_kind));
                }
            }
        }
    }
    if let Some((start, kind)) = open {
        out.push((start, path.len(), kind));
    }
    out
}

/// Mentions of one sentence: token ranges with kinds, as byte spans.
pub(crate) fn tag_sentence(
    model: &ChainModel,
    gazetteer: &Gazetteer,
    toks: &[Tok],
    text: &str,
    rule_mentions: &[Mention],
) -> Vec<(usize, usize, EntityKind, Span)> {
    let features = SentenceFeatures::new(toks, text, gazetteer, rule_mentions);
    let path = model.decode(&features);
    spans(&path)
        .into_iter()
        .filter_map(|(start, end, kind)| {
            let first = toks.get(start)?;
            let last = toks.get(end.checked_sub(1)?)?;
            Some((start, end, kind, Span::new(first.span.start, last.span.end)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_round_trips_and_decodes_with_bio_constraint() {
        let parts = ModelParts {
            labels: vec!["O".into(), "B-PER".into(), "I-PER".into()],
            transitions: vec![0.0; 9],
            attributes: vec![(7, vec![(2, 1.0)]), (3, vec![(1, 0.5), (0, 0.2)])],
        };
        let model = ChainModel::from_bytes(&parts.encode());
        let model = match model {
            Ok(model) => model,
            Err(error) => panic!("{error}"),
        };
        assert_eq!(model.attribute_count(), 2);
        let row = |weights: [f32; 3]| {
            let mut row = [0.0; MAX_LABELS];
            row[..3].copy_from_slice(&weights);
            row
        };
        assert_eq!(model.lookup(7), Some(&row([0.0, 0.0, 1.0])));
        assert_eq!(model.lookup(3), Some(&row([0.2, 0.5, 0.0])));
        assert_eq!(model.lookup(8), None);
        // I-PER scores best everywhere but cannot start a sentence.
        let scores = [0.0, 0.1, 1.0, 0.0, 0.1, 1.0];
        let path = viterbi(&model.labels, &model.transitions, &scores);
        assert_eq!(path, vec![1, 2]);
        // A sentence without tokens has an empty path.
        assert!(viterbi(&model.labels, &model.transitions, &[]).is_empty());
        assert!(ChainModel::from_bytes(b"CNER").is_err());
    }

    #[test]
    fn viterbi_finds_the_best_valid_path() {
        let labels = [
            Label::Outside,
            Label::Begin(EntityKind::Person),
            Label::Inside(EntityKind::Person),
            Label::Begin(EntityKind::Place),
            Label::Inside(EntityKind::Place),
        ];
        let l = labels.len();
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 2000) as f32 / 1000.0 - 1.0
        };
        let transitions: Vec<f32> = (0..l * l).map(|_| next()).collect();
        let n = 4;
        let scores: Vec<f32> = (0..n * l).map(|_| next()).collect();
        let path_score = |path: &[usize]| {
            let mut previous: Option<usize> = None;
            let mut total = 0.0;
            for (t, &label) in path.iter().enumerate() {
                if !labels[label].may_follow(previous.map(|p| labels[p])) {
                    return f32::NEG_INFINITY;
                }
                total += scores[t * l + label];
                if let Some(p) = previous {
                    total += transitions[p * l + label];
                }
                previous = Some(label);
            }
            total
        };
        let best = (0..l.pow(n as u32))
            .map(|code| {
                (0..n)
                    .map(|t| code / l.pow(t as u32) % l)
                    .collect::<Vec<_>>()
            })
            .map(|path| path_score(&path))
            .fold(f32::NEG_INFINITY, f32::max);
        let found: Vec<usize> = viterbi(&labels, &transitions, &scores)
            .into_iter()
            .map(usize::from)
            .collect();
        assert!((path_score(&found) - best).abs() < 1e-5, "{found:?}");
    }

    #[test]
    fn spans_from_labels() {
        let per = EntityKind::Person;
        let org = EntityKind::Organization;
        let path = [
            Label::Begin(per),
            Label::Inside(per),
            Label::Outside,
            Label::Begin(org),
            Label::Begin(org),
        ];
        assert_eq!(spans(&path), vec![(0, 2, per), (3, 4, org), (4, 5, org)]);
    }
}
