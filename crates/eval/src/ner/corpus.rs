//! Reading the annotated corpora: CoNLL-style parsing, each corpus's label
//! mapping, the "names only" normalization, and the held-out test split.
//!
//! # Label mapping (training)
//!
//! | corpus | person | organization | place | other | not names |
//! | --- | --- | --- | --- | --- | --- |
//! | WikiGold | PER | ORG | LOC | MISC | |
//! | WNUT17 | person | group, corporation | location | product, creative-work | |
//! | BTC | PER | ORG | LOC | | |
//! | GUM | person | organization | place | event, object, abstract, substance, animal, plant | time, quantity |
//! | re3d | Person | Organisation | Location | Nationality, Weapon, MilitaryPlatform, DocumentReference | Money, Quantity, Temporal |
//!
//! Other corpora fall back to the CoNLL names (PER, ORG, LOC, MISC, GPE).
//!
//! # Names only
//!
//! GUM and re3d annotate every mention ("the Army", "rebels", "he",
//! "President Obama"); WikiGold, BTC and WNUT17 annotate names without
//! titles or determiners. Training labels follow the second convention
//! everywhere: leading lower-case words and determiners are dropped, a
//! person's leading title words ("President", "Lt. Gen.") are dropped, and
//! what remains must start and end with a capitalized word or a number and
//! contain only capitalized words, numbers, connectors ("of", "al") and
//! name punctuation; otherwise the mention is no name and its tokens are
//! labelled outside.
//!
//! # Held-out split
//!
//! Never used for training, and written by [`write_test_split`]:
//! * WikiGold: every third article (0-based index ≡ 2 mod 3, by
//!   `-DOCSTART-` order in the file);
//! * re3d: the sources in [`RE3D_TEST_SOURCES`] (all of their documents).

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use corroborate_model::EntityKind;
use corroborate_ner::training::{is_connector, is_english_word, is_title_word};

use super::NerEvalError;

/// re3d sources (directory names) held out for testing.
pub(crate) const RE3D_TEST_SOURCES: &[&str] = &["US_State_Department", "Wikipedia"];

/// Every `WIKIGOLD_TEST_PERIOD`-th WikiGold article (starting with the
/// third) is held out.
pub(crate) const WIKIGOLD_TEST_PERIOD: usize = 3;

/// One document: tokens, sentence starts and labelled spans.
#[derive(Debug, Default, Clone)]
pub(crate) struct LabeledDocument {
    pub(crate) tokens: Vec<String>,
    /// Token index where each sentence starts.
    pub(crate) sentence_starts: Vec<usize>,
    /// (first token, end token exclusive, label type as written).
    pub(crate) entities: Vec<(usize, usize, String)>,
}

/// The corpora this crate knows, recognized by a directory or file name
/// in the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Corpus {
    WikiGold,
    Wnut17,
    Btc,
    Gum,
    Re3d,
    Generic,
}

impl Corpus {
    pub(crate) fn of_path(path: &Path) -> Corpus {
        let text = path.to_string_lossy().to_ascii_lowercase();
        let component = |name: &str| {
            path.components()
                .any(|c| c.as_os_str().to_string_lossy().to_ascii_lowercase() == name)
        };
        if text.contains("wikigold") {
            Corpus::WikiGold
        } else if text.contains("wnut") {
            Corpus::Wnut17
        } else if component("btc") {
            Corpus::Btc
        } else if component("gum") || text.contains("/gum_") {
            Corpus::Gum
        } else if text.contains("re3d") {
            Corpus::Re3d
        } else {
            Corpus::Generic
        }
    }

    /// Tweets (lower weight in training: casing is unreliable).
    pub(crate) fn is_social_media(self) -> bool {
        matches!(self, Corpus::Wnut17 | Corpus::Btc)
    }

    /// The kind a label type stands for in this corpus (see the table in
    /// the module documentation); `None` for types that are no names.
    pub(crate) fn kind_of(self, label_type: &str) -> Option<EntityKind> {
        let label = label_type.to_ascii_lowercase();
        let kind = match (self, label.as_str()) {
            (Corpus::Wnut17, "group" | "corporation") => EntityKind::Organization,
            (Corpus::Wnut17, "product" | "creative-work") => EntityKind::Other,
            (Corpus::Gum, "event" | "object" | "abstract" | "substance" | "animal" | "plant") => {
                EntityKind::Other
            }
            (Corpus::Re3d, "nationality" | "weapon" | "militaryplatform" | "documentreference") => {
                EntityKind::Other
            }
            (_, "misc") => EntityKind::Other,
            _ => return super::conll::kind_of_label(&label),
        };
        Some(kind)
    }
}

/// Parses CoNLL-style text (see `conll.rs` for the accepted formats).
pub(crate) fn parse_documents(content: &str) -> Vec<LabeledDocument> {
    let mut documents = vec![LabeledDocument::default()];
    let mut open: Option<(String, usize)> = None;
    let mut at_sentence_start = true;
    for line in content.lines() {
        let line = line.trim_end();
        let Some(document) = documents.last_mut() else {
            break;
        };
        if line.is_empty() {
            close_entity(document, &mut open);
            at_sentence_start = true;
            continue;
        }
        let (token, label) = split_columns(line);
        if token == "-DOCSTART-" {
            close_entity(document, &mut open);
            documents.push(LabeledDocument::default());
            at_sentence_start = true;
            continue;
        }
        if at_sentence_start {
            document.sentence_starts.push(document.tokens.len());
            at_sentence_start = false;
        }
        read_label(document, &mut open, label);
        document.tokens.push(token.to_string());
    }
    if let Some(document) = documents.last_mut() {
        close_entity(document, &mut open);
    }
    documents.retain(|d| !d.tokens.is_empty());
    documents
}

fn split_columns(line: &str) -> (&str, &str) {
    let columns: Vec<&str> = if line.contains('\t') {
        line.split('\t').collect()
    } else {
        line.split_whitespace().collect()
    };
    let token = columns.first().copied().unwrap_or("");
    let label = match columns.len() {
        0 | 1 => "O",
        _ => columns.last().copied().unwrap_or("O"),
    };
    (token, label)
}

/// Updates the open entity for the label of the next token.
fn read_label(document: &mut LabeledDocument, open: &mut Option<(String, usize)>, label: &str) {
    let position = document.tokens.len();
    let (begins, label_type) = match label.split_once('-') {
        Some(("B" | "S", rest)) => (true, rest),
        Some(("I" | "E", rest)) => (false, rest),
        _ => (false, label),
    };
    if label_type == "O" || label_type.is_empty() {
        close_entity(document, open);
        return;
    }
    let continues = !begins && open.as_ref().is_some_and(|(t, _)| t == label_type);
    if !continues {
        close_entity(document, open);
        *open = Some((label_type.to_string(), position));
    }
}

fn close_entity(document: &mut LabeledDocument, open: &mut Option<(String, usize)>) {
    if let Some((label_type, start)) = open.take() {
        document
            .entities
            .push((start, document.tokens.len(), label_type));
    }
}

/// A document with its entities mapped to kinds and normalized to names.
#[derive(Debug, Clone)]
pub(crate) struct NameDocument {
    pub(crate) tokens: Vec<String>,
    pub(crate) sentence_starts: Vec<usize>,
    pub(crate) entities: Vec<(usize, usize, EntityKind)>,
}

/// Maps a document's labels to kinds and keeps names only (see the
/// module documentation).
pub(crate) fn to_names(document: LabeledDocument, corpus: Corpus) -> NameDocument {
    let starts: HashSet<usize> = document.sentence_starts.iter().copied().collect();
    let entities = document
        .entities
        .iter()
        .filter_map(|(start, end, label)| {
            let kind = corpus.kind_of(label)?;
            let (start, end) = name_part(&document.tokens, &starts, *start, *end, kind)?;
            Some((start, end, kind))
        })
        .collect();
    NameDocument {
        tokens: document.tokens,
        sentence_starts: document.sentence_starts,
        entities,
    }
}

/// The name inside a labelled span, or `None` when it holds no name.
pub(crate) fn name_part(
    tokens: &[String],
    sentence_starts: &HashSet<usize>,
    mut start: usize,
    end: usize,
    kind: EntityKind,
) -> Option<(usize, usize)> {
    let word = |i: usize| tokens.get(i).map_or("", String::as_str);
    while start < end && is_droppable_lead(word(start), kind) {
        start += 1;
    }
    if kind == EntityKind::Person {
        start = skip_titles(tokens, start, end);
    }
    if start >= end || !is_name_edge(word(start)) || !is_name_edge(word(end - 1)) {
        return None;
    }
    if !(start..end).all(|i| is_name_token(word(i))) {
        return None;
    }
    // A lone sentence-initial common word ("Rebels said") is no name.
    let lone_initial = end - start == 1
        && sentence_starts.contains(&start)
        && is_english_word(&word(start).to_lowercase());
    (!lone_initial).then_some((start, end))
}

fn is_droppable_lead(word: &str, kind: EntityKind) -> bool {
    let lower = word.to_lowercase();
    let lower_case = word.chars().next().is_some_and(char::is_lowercase);
    let determiner = matches!(lower.as_str(), "the" | "a" | "an");
    let title_punct = kind == EntityKind::Person && (word == "." || word == ",");
    lower_case || determiner || title_punct || word == "\"" || word == "'"
}

/// Skips leading title words and title abbreviations of a person's span.
fn skip_titles(tokens: &[String], mut start: usize, end: usize) -> usize {
    loop {
        let lower = tokens
            .get(start)
            .map(|t| t.to_lowercase())
            .unwrap_or_default();
        let is_title = is_title_word(&lower)
            || TITLE_ABBREVIATIONS.contains(&lower.trim_end_matches('.'))
            || lower == ".";
        if start + 1 >= end || !is_title {
            return start;
        }
        start += 1;
    }
}

/// Title abbreviations seen before names ("Lt.", "Gen", "Spc").
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "maj",
    "gov",
    "sen",
    "rep",
    "rev",
    "adm",
    "brig",
    "spc",
    "cpl",
    "pvt",
    "cmdr",
    "pfc",
    "sir",
    "dame",
    "lord",
    "president",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "pope",
    "imam",
];

fn is_name_edge(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '@' || c == '#')
}

fn is_name_token(word: &str) -> bool {
    is_name_edge(word)
        || is_connector(word)
        || matches!(word, "-" | "&" | "." | "'" | "/" | "'s" | "’s" | ":")
}

/// Whether a document of `path` (its index within the file) is held out.
pub(crate) fn is_held_out(path: &Path, document_index: usize) -> bool {
    match Corpus::of_path(path) {
        Corpus::WikiGold => document_index % WIKIGOLD_TEST_PERIOD == WIKIGOLD_TEST_PERIOD - 1,
        Corpus::Re3d => path.components().any(|c| {
            RE3D_TEST_SOURCES
                .iter()
                .any(|source| c.as_os_str() == *source)
        }),
        _ => false,
    }
}

/// Data files under `path` (itself if it is one), sorted. A single file
/// that is no data file by its name (a MEANTIME `.xml`) gives none.
pub(crate) fn data_files(path: &Path) -> Result<Vec<PathBuf>, NerEvalError> {
    files_under(path, &is_data_file)
}

/// The files under `path` at any depth that `keep` accepts, sorted; `path`
/// itself when it is a file that `keep` accepts.
pub(crate) fn files_under(
    path: &Path,
    keep: &dyn Fn(&Path) -> bool,
) -> Result<Vec<PathBuf>, NerEvalError> {
    let io_error = |source| NerEvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_file() {
        return Ok(if keep(path) {
            vec![path.to_path_buf()]
        } else {
            Vec::new()
        });
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(io_error)? {
        let entry_path = entry.map_err(io_error)?.path();
        if entry_path.is_dir() {
            files.extend(files_under(&entry_path, keep)?);
        } else if keep(&entry_path) {
            files.push(entry_path);
        }
    }
    files.sort();
    Ok(files)
}

fn is_data_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    [".conll", ".conll.txt", ".tsv", ".annotated", ".txt"]
        .iter()
        .any(|suffix| name.ends_with(suffix))
        && !name.starts_with("README")
        && !name.starts_with("LICENSE")
}

pub(crate) fn read_file(path: &Path) -> Result<String, NerEvalError> {
    std::fs::read_to_string(path).map_err(|source| NerEvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Documents of the given files or directories, split into the training
/// part and the held-out part.
pub(crate) struct SplitCorpus {
    pub(crate) train: Vec<(Corpus, NameDocument)>,
    pub(crate) held_out: Vec<(Corpus, LabeledDocument)>,
}

pub(crate) fn read_split(paths: &[PathBuf]) -> Result<SplitCorpus, NerEvalError> {
    let mut split = SplitCorpus {
        train: Vec::new(),
        held_out: Vec::new(),
    };
    for root in paths {
        for file in data_files(root)? {
            let corpus = Corpus::of_path(&file);
            let content = read_file(&file)?;
            for (index, document) in parse_documents(&content).into_iter().enumerate() {
                if is_held_out(&file, index) {
                    split.held_out.push((corpus, document));
                } else {
                    split.train.push((corpus, to_names(document, corpus)));
                }
            }
        }
    }
    Ok(split)
}

/// What [`write_test_split`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitReport {
    pub files: Vec<PathBuf>,
    pub documents: usize,
    pub tokens: usize,
}

/// Writes the held-out documents of the corpora under `data_root` as
/// IOB2 CoNLL files with labels PER, ORG, LOC and MISC: `names/` holds
/// the names-only gold (the convention the tagger follows, see the module
/// documentation), `raw/` the corpus's own spans mapped to the same labels.
pub fn write_test_split(data_root: &Path, out_dir: &Path) -> Result<SplitReport, NerEvalError> {
    let split = read_split(&[data_root.to_path_buf()])?;
    let mut report = SplitReport::default();
    for (variant, names_only) in [("names", true), ("raw", false)] {
        let dir = out_dir.join(variant);
        std::fs::create_dir_all(&dir).map_err(|source| NerEvalError::Io {
            path: dir.clone(),
            source,
        })?;
        for corpus in [Corpus::WikiGold, Corpus::Re3d] {
            let mut text = String::new();
            let documents = split.held_out.iter().filter(|(c, _)| *c == corpus);
            for (_, document) in documents {
                let named = to_kinds(document, corpus, names_only);
                write_document(&mut text, &named);
                if names_only {
                    report.documents += 1;
                    report.tokens += named.tokens.len();
                }
            }
            let file = dir.join(format!("{}.conll", corpus_file_name(corpus)));
            std::fs::write(&file, text).map_err(|source| NerEvalError::Io {
                path: file.clone(),
                source,
            })?;
            report.files.push(file);
        }
    }
    Ok(report)
}

fn corpus_file_name(corpus: Corpus) -> &'static str {
    match corpus {
        Corpus::WikiGold => "wikigold",
        Corpus::Re3d => "re3d",
        Corpus::Wnut17 => "wnut17",
        Corpus::Btc => "btc",
        Corpus::Gum => "gum",
        Corpus::Generic => "other",
    }
}

fn to_kinds(document: &LabeledDocument, corpus: Corpus, names_only: bool) -> NameDocument {
    if names_only {
        return to_names(document.clone(), corpus);
    }
    NameDocument {
        tokens: document.tokens.clone(),
        sentence_starts: document.sentence_starts.clone(),
        entities: document
            .entities
            .iter()
            .filter_map(|(s, e, label)| Some((*s, *e, corpus.kind_of(label)?)))
            .collect(),
    }
}

fn write_document(out: &mut String, document: &NameDocument) {
    out.push_str("-DOCSTART-\tO\n\n");
    let labels = iob2_labels(document);
    let starts: HashSet<usize> = document.sentence_starts.iter().copied().collect();
    for (index, (token, label)) in document.tokens.iter().zip(&labels).enumerate() {
        if index > 0 && starts.contains(&index) {
            out.push('\n');
        }
        let _ = writeln!(out, "{token}\t{label}");
    }
    out.push('\n');
}

/// IOB2 labels (PER, ORG, LOC, MISC) of a document's tokens.
pub(crate) fn iob2_labels(document: &NameDocument) -> Vec<String> {
    let mut labels = vec!["O".to_string(); document.tokens.len()];
    for &(start, end, kind) in &document.entities {
        let tag = conll_tag(kind);
        for index in start..end {
            let prefix = if index == start { "B" } else { "I" };
            if let Some(label) = labels.get_mut(index) {
                *label = format!("{prefix}-{tag}");
            }
        }
    }
    labels
}

pub(crate) fn conll_tag(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Organization => "ORG",
        EntityKind::Place => "LOC",
        EntityKind::Other => "MISC",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(tokens: &[&str], entities: &[(usize, usize, &str)]) -> LabeledDocument {
        LabeledDocument {
            tokens: tokens.iter().map(|t| t.to_string()).collect(),
            sentence_starts: vec![0],
            entities: entities
                .iter()
                .map(|(s, e, l)| (*s, *e, l.to_string()))
                .collect(),
        }
    }

    #[test]
    fn names_only_drops_titles_determiners_and_nominals() {
        let document = doc(
            &[
                "Then", "Lt.", "Gen.", "Ann", "Roe", "met", "the", "Army", "and", "rebels",
            ],
            &[
                (1, 5, "Person"),
                (6, 8, "Organisation"),
                (9, 10, "Organisation"),
            ],
        );
        let names = to_names(document, Corpus::Re3d);
        assert_eq!(
            names.entities,
            vec![(3, 5, EntityKind::Person), (7, 8, EntityKind::Organization)]
        );
    }

    #[test]
    fn corpus_labels_map_to_kinds() {
        assert_eq!(
            Corpus::Wnut17.kind_of("corporation"),
            Some(EntityKind::Organization)
        );
        assert_eq!(Corpus::Re3d.kind_of("Nationality"), Some(EntityKind::Other));
        assert_eq!(Corpus::Re3d.kind_of("Temporal"), None);
        assert_eq!(Corpus::Gum.kind_of("time"), None);
        assert_eq!(Corpus::WikiGold.kind_of("MISC"), Some(EntityKind::Other));
    }

    #[test]
    fn split_is_by_document() {
        let wikigold = Path::new("/data/wikigold/CONLL-format/data/wikigold.conll.txt");
        let held: Vec<bool> = (0..6).map(|i| is_held_out(wikigold, i)).collect();
        assert_eq!(held, vec![false, false, true, false, false, true]);
        let re3d = Path::new("/data/re3d/CONLL-format/data-by-source/conll/Wikipedia/A.conll");
        assert!(is_held_out(re3d, 0));
        let centcom = Path::new("/data/re3d/CONLL-format/data-by-source/conll/CENTCOM/A.conll");
        assert!(!is_held_out(centcom, 0));
    }
}
