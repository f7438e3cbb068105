//! What the ECB+ event and entity measurements share: which topics to
//! score, a topic's documents as reports, the pipeline run on them, gold
//! mentions in annotated sentences, and one-to-one matching of our spans
//! to gold mentions.
//!
//! Each document becomes one [`Report`] whose text is the reader's plain
//! text ([`Document::text`]): id = the file id (`1_10ecb`), title = the
//! first line, no publication date (the text may give one; extraction
//! reads it). Ingest's cleaning is not run, so that byte offsets stay the
//! reader's token spans.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use corroborate_merge::{Curation, Geocoder};
use corroborate_model::{Analysis, AnnotatedReport, Report, ReportMeta, Span};

use crate::coref::LinkCounts;
use crate::ecbplus::{
    read_annotated_sentences, read_document, topic_files, AnnotatedSentences, Document, EcbError,
    FileId, Mention, Split, DEV_TOPICS, TRAIN_TOPICS,
};

/// The name of the annotated-sentence list at the corpus root.
pub const SENTENCE_LIST: &str = "ECBplus_coreference_sentences.csv";

/// Why an ECB+ measurement could not run.
#[derive(Debug, thiserror::Error)]
pub enum EcbEvalError {
    #[error(transparent)]
    Corpus(#[from] EcbError),
    #[error("--topics: {0:?} is not a topic number")]
    BadTopic(String),
    #[error("no topic to score")]
    NoTopics,
    #[error("topic {0}: no document")]
    EmptyTopic(u32),
}

/// The topics to score and how they were chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicSelection {
    pub topics: Vec<u32>,
    /// "train", "dev" or "listed".
    pub label: &'static str,
}

impl TopicSelection {
    /// Every topic of `split`.
    pub fn of_split(split: Split) -> TopicSelection {
        let topics = match split {
            Split::Train => TRAIN_TOPICS.to_vec(),
            Split::Dev => DEV_TOPICS.to_vec(),
        };
        TopicSelection {
            topics,
            label: split.as_str(),
        }
    }

    /// `--topics 1,3,4` when given (it wins over the split), else the split.
    pub fn new(topics: Option<&str>, split: Split) -> Result<TopicSelection, EcbEvalError> {
        let Some(list) = topics else {
            return Ok(TopicSelection::of_split(split));
        };
        let mut numbers = Vec::new();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let number = item
                .parse()
                .map_err(|_| EcbEvalError::BadTopic(item.to_string()))?;
            numbers.push(number);
        }
        numbers.sort_unstable();
        numbers.dedup();
        if numbers.is_empty() {
            return Err(EcbEvalError::NoTopics);
        }
        Ok(TopicSelection {
            topics: numbers,
            label: "listed",
        })
    }
}

impl fmt::Display for TopicSelection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let numbers: Vec<String> = self.topics.iter().map(u32::to_string).collect();
        write!(
            f,
            "{} topics ({}): {}",
            self.topics.len(),
            self.label,
            numbers.join(" ")
        )
    }
}

/// What the pipeline made of one topic's reports.
#[derive(Debug, Clone, Default)]
pub struct TopicAnalysis {
    /// The reports with their annotations, in the order given.
    pub annotated: Vec<AnnotatedReport>,
    pub analysis: Analysis,
}

/// Runs the pipeline on one topic's reports.
pub type Pipeline<'a> = dyn Fn(Vec<Report>) -> TopicAnalysis + 'a;

/// The library's pipeline on reports already read: extract (parallel),
/// refine undated reports' dates, merge (no curation file).
pub fn analyze_reports(reports: Vec<Report>, geocoder: &dyn Geocoder) -> TopicAnalysis {
    let mut annotated = corroborate_extract::extract_all(reports, &|| {});
    corroborate_extract::infer::refine_undated(&mut annotated);
    let analysis = corroborate_merge::merge(&annotated, geocoder, &Curation::default(), Vec::new());
    TopicAnalysis {
        annotated,
        analysis,
    }
}

/// One topic's documents, each with its file id.
pub struct Topic {
    pub number: u32,
    pub documents: Vec<(FileId, Document)>,
}

impl Topic {
    /// Reads `root/<number>/*.xml`.
    pub fn read(root: &Path, number: u32) -> Result<Topic, EcbEvalError> {
        let mut documents = Vec::new();
        for path in topic_files(root, number)? {
            let document = read_document(&path)?;
            if let Some(file) = document.file {
                documents.push((file, document));
            }
        }
        if documents.is_empty() {
            return Err(EcbEvalError::EmptyTopic(number));
        }
        Ok(Topic { number, documents })
    }

    /// One report per document, in document order.
    pub fn reports(&self) -> Vec<Report> {
        self.documents
            .iter()
            .map(|(file, document)| report_of(*file, document))
            .collect()
    }

    /// Document index of each report id.
    pub fn index_by_report_id(&self) -> HashMap<String, usize> {
        self.documents
            .iter()
            .enumerate()
            .map(|(i, (file, _))| (file.to_string(), i))
            .collect()
    }
}

/// A document as a plain-text report without metadata.
pub fn report_of(file: FileId, document: &Document) -> Report {
    let title = document.text.lines().next().unwrap_or_default().trim();
    Report {
        meta: ReportMeta {
            id: file.to_string(),
            source: file.relative_path().display().to_string(),
            title: title.to_string(),
            ..ReportMeta::dated_by_metadata(None)
        },
        text: document.text.clone(),
        removed: Vec::new(),
    }
}

/// Reads the annotated-sentence list at the corpus root.
pub fn read_sentence_list(root: &Path) -> Result<AnnotatedSentences, EcbEvalError> {
    Ok(read_annotated_sentences(&root.join(SENTENCE_LIST))?)
}

/// A gold mention in an annotated sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldMention {
    /// Index of its document in the topic.
    pub document: usize,
    /// Its tokens' spans in the document text.
    pub spans: Vec<Span>,
    /// The text from its first token to its last.
    pub surface: String,
    /// Its instance: the cross-document instance id; else its
    /// within-document chain; else the mention alone (a singleton).
    pub instance: String,
    pub tag: String,
}

/// The gold mentions of `document` that `keep` accepts and whose first
/// token lies in an annotated sentence.
pub fn gold_mentions(
    topic: u32,
    document_index: usize,
    file: FileId,
    document: &Document,
    annotated: &AnnotatedSentences,
    keep: &dyn Fn(&Mention) -> bool,
) -> Vec<GoldMention> {
    let tokens: HashMap<u32, (u32, Span)> = document
        .tokens
        .iter()
        .map(|t| (t.id, (t.sentence, t.span)))
        .collect();
    document
        .mentions
        .iter()
        .filter(|m| keep(m))
        .filter_map(|mention| {
            let spans: Vec<Span> = mention
                .tokens
                .iter()
                .filter_map(|id| tokens.get(id).map(|(_, span)| *span))
                .collect();
            let sentence = mention.tokens.first().and_then(|id| tokens.get(id))?.0;
            if !annotated.contains(file, sentence) {
                return None;
            }
            let first = spans.iter().map(|s| s.start).min()?;
            let last = spans.iter().map(|s| s.end).max()?;
            Some(GoldMention {
                document: document_index,
                surface: document
                    .text
                    .get(first..last)
                    .unwrap_or_default()
                    .to_string(),
                spans,
                instance: instance_key(topic, file, mention),
                tag: mention.tag.clone(),
            })
        })
        .collect()
}

fn instance_key(topic: u32, file: FileId, mention: &Mention) -> String {
    match (&mention.instance, mention.chain) {
        (Some(instance), _) => format!("{topic}/{instance}"),
        (None, Some(chain)) => format!("{file}/chain{chain}"),
        (None, None) => format!("{file}/m{}", mention.id),
    }
}

/// Byte spans of the annotated sentences of a document.
pub fn annotated_lines(
    file: FileId,
    document: &Document,
    annotated: &AnnotatedSentences,
) -> Vec<Span> {
    document
        .sentences
        .iter()
        .filter(|s| annotated.contains(file, s.number))
        .map(|s| s.span)
        .collect()
}

/// True when `span` starts inside one of `lines`.
pub fn starts_in(lines: &[Span], span: Span) -> bool {
    lines
        .iter()
        .any(|line| line.start <= span.start && span.start < line.end)
}

/// True when `span` shares a byte with one of the mention's tokens.
pub fn overlaps(gold: &GoldMention, span: Span) -> bool {
    overlap(gold, span) > 0
}

/// Bytes of `span` inside the gold mention's tokens.
fn overlap(gold: &GoldMention, span: Span) -> usize {
    gold.spans
        .iter()
        .map(|g| g.end.min(span.end).saturating_sub(g.start.max(span.start)))
        .sum()
}

/// One-to-one matching of gold mentions to our spans in one document:
/// pairs that overlap, taken by largest overlap first (ties: earlier gold
/// mention, then earlier span). Returns, for each gold mention, the index
/// of its span.
pub fn match_spans(gold: &[&GoldMention], ours: &[Span]) -> Vec<Option<usize>> {
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (g, mention) in gold.iter().enumerate() {
        for (o, span) in ours.iter().enumerate() {
            let bytes = overlap(mention, *span);
            if bytes > 0 {
                candidates.push((bytes, g, o));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut matched = vec![None; gold.len()];
    let mut used = HashSet::new();
    for (_, g, o) in candidates {
        if matched.get(g).is_some_and(Option::is_none) && used.insert(o) {
            matched[g] = Some(o);
        }
    }
    matched
}

/// A gold mention matched to one of our mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Aligned {
    pub document: usize,
    /// The gold instance (unique across topics).
    pub gold: String,
    /// Our cluster: event or entity id, prefixed by the topic.
    pub ours: String,
}

/// Pairs of aligned mentions from different documents: ours linked when
/// in one cluster of ours, the baseline's when `baseline(i, j)`.
pub fn cross_document_pairs(
    aligned: &[Aligned],
    baseline: &dyn Fn(usize, usize) -> bool,
) -> (LinkCounts, LinkCounts) {
    let mut ours = LinkCounts::default();
    let mut base = LinkCounts::default();
    for (i, a) in aligned.iter().enumerate() {
        for (j, b) in aligned.iter().enumerate().skip(i + 1) {
            if a.document == b.document {
                continue;
            }
            let gold = a.gold == b.gold;
            ours.add(a.ours == b.ours, gold);
            base.add(baseline(i, j), gold);
        }
    }
    (ours, base)
}

/// Gold instances with mentions in two or more documents, and how many of
/// them one cluster of ours holds aligned mentions of from two or more
/// documents.
pub fn reached_instances(gold: &[GoldMention], aligned: &[Aligned]) -> (usize, usize) {
    let mut documents: HashMap<&str, HashSet<usize>> = HashMap::new();
    for mention in gold {
        documents
            .entry(mention.instance.as_str())
            .or_default()
            .insert(mention.document);
    }
    let mut held: HashMap<(&str, &str), HashSet<usize>> = HashMap::new();
    for a in aligned {
        held.entry((a.gold.as_str(), a.ours.as_str()))
            .or_default()
            .insert(a.document);
    }
    let reached: HashSet<&str> = held
        .iter()
        .filter(|(_, docs)| docs.len() >= 2)
        .map(|((instance, _), _)| *instance)
        .collect();
    let cross: Vec<&str> = documents
        .iter()
        .filter(|(_, docs)| docs.len() >= 2)
        .map(|(instance, _)| *instance)
        .collect();
    let reached_count = cross.iter().filter(|i| reached.contains(*i)).count();
    (cross.len(), reached_count)
}

/// Labels for the coreference scorer: one number per distinct string.
pub fn labels<'a>(keys: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    keys.map(|key| {
        let next = index.len();
        *index.entry(key).or_insert(next)
    })
    .collect()
}

/// "12 / 40 = 30.0%".
pub fn share(part: usize, whole: usize) -> String {
    let percent = crate::coref::ratio(part as f64, whole as f64) * 100.0;
    format!("{part} / {whole} = {percent:.1}%")
}
