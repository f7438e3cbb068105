//! Exact-span evaluation on CoNLL-style column files.
//!
//! A file holds one token per line, the token in the first column and the
//! label in the last (columns split by tabs, else by white space); a blank
//! line ends a sentence and `-DOCSTART-` (or a new file) a document.
//! Labels may be IO (`I-PER`, or bare `person` as in GUM), IOB1 or IOB2
//! (`B-Person`). Entity types map to kinds as follows; other types
//! (MISC, Nationality, Temporal, …) are not scored:
//!
//! | label types | kind |
//! | --- | --- |
//! | PER, Person | person |
//! | ORG, Organisation, Organization | organization |
//! | LOC, Location, Place, GPE | place |
//!
//! Each document's tokens are joined with single spaces (sentences with
//! line breaks) and tagged with its sentence spans; a predicted mention
//! counts only when its start, end and kind equal a gold entity's.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

use corroborate_model::{EntityKind, Span};
use corroborate_ner::MentionTagger;

use super::corpus::{self, data_files};
use super::meantime;
use super::NerEvalError;

/// Counts and scores for one kind (or all kinds together).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KindScores {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl KindScores {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: &KindScores) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// Scores of a tagger on a CoNLL corpus.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NerScores {
    pub person: KindScores,
    pub organization: KindScores,
    pub place: KindScores,
    /// Nationalities, events and other names (MISC).
    pub other: KindScores,
    /// Micro-average over person, organization and place.
    pub overall: KindScores,
    pub documents: usize,
    pub tokens: usize,
    /// Time spent tagging (not reading files).
    pub seconds: f64,
    /// Every gold name missed and every predicted name that is not gold,
    /// in document order (listed by `eval ner --failures`).
    pub failures: Vec<NerFailure>,
}

/// A gold name the tagger missed, or a name it predicted that is not gold
/// (a wrong kind or a wrong span gives one of each).
#[derive(Debug, Clone, PartialEq)]
pub struct NerFailure {
    /// Index of the document in reading order.
    pub document: usize,
    /// `true` for a gold name missed, `false` for a false positive.
    pub missed: bool,
    pub kind: EntityKind,
    pub name: String,
    /// The sentence holding the name.
    pub sentence: String,
}

impl std::fmt::Display for NerFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.missed { "missed" } else { "extra " };
        write!(
            f,
            "doc {:>3} {what} {:<12} {:<30} | {}",
            self.document,
            self.kind.as_str(),
            self.name,
            self.sentence
        )
    }
}

impl NerScores {
    /// Every missed and extra name, a line each (`eval ner --failures`).
    pub fn failure_listing(&self) -> String {
        self.failures.iter().map(|f| format!("{f}\n")).collect()
    }

    pub fn tokens_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.tokens as f64 / self.seconds
        } else {
            0.0
        }
    }

    fn kind_mut(&mut self, kind: EntityKind) -> &mut KindScores {
        match kind {
            EntityKind::Person => &mut self.person,
            EntityKind::Organization => &mut self.organization,
            EntityKind::Place => &mut self.place,
            EntityKind::Other => &mut self.other,
        }
    }
}

/// Scores the default tagger (the one `corroborate_ner::extract` uses) on a
/// CoNLL file, or on every file under a directory.
pub fn eval_conll(path: impl AsRef<Path>) -> Result<NerScores, NerEvalError> {
    eval_conll_with(corroborate_ner::default_tagger(), path)
}

/// Scores `tagger` on a CoNLL file or directory.
pub fn eval_conll_with(
    tagger: &dyn MentionTagger,
    path: impl AsRef<Path>,
) -> Result<NerScores, NerEvalError> {
    let path = path.as_ref();
    let mut documents = parse_documents(&meantime::meantime_conll(path)?);
    for file in data_files(path)? {
        documents.extend(parse_documents(&corpus::read_file(&file)?));
    }
    documents.retain(|d| !d.tokens.is_empty());
    if documents.is_empty() {
        return Err(NerEvalError::NoData(path.to_path_buf()));
    }
    // Builds lazily loaded resources so that they are not timed.
    let warm_up = "Warm Up";
    let warm_up_tokens = corroborate_text::tokens(warm_up);
    tagger.tag(warm_up, &[Span::new(0, 7)], &warm_up_tokens);
    let mut scores = NerScores::default();
    for (index, document) in documents.iter().enumerate() {
        score_document(tagger, index, document, &mut scores);
    }
    let mut overall = KindScores::default();
    for kind_scores in [scores.person, scores.organization, scores.place] {
        overall.add(&kind_scores);
    }
    scores.overall = overall;
    scores.documents = documents.len();
    Ok(scores)
}

/// One document: its tokens, sentence breaks and gold entities.
#[derive(Debug, Default)]
struct GoldDocument {
    tokens: Vec<String>,
    /// Token index where each sentence starts.
    sentence_starts: Vec<usize>,
    /// (first token, end token exclusive, kind).
    entities: Vec<(usize, usize, EntityKind)>,
}

fn parse_documents(content: &str) -> Vec<GoldDocument> {
    corpus::parse_documents(content)
        .into_iter()
        .map(|document| GoldDocument {
            entities: document
                .entities
                .iter()
                .filter_map(|(s, e, label)| Some((*s, *e, kind_of_label(label)?)))
                .collect(),
            tokens: document.tokens,
            sentence_starts: document.sentence_starts,
        })
        .collect()
}

/// The kind of an evaluation label type (see the table above).
pub(crate) fn kind_of_label(label_type: &str) -> Option<EntityKind> {
    match label_type.to_ascii_lowercase().as_str() {
        "per" | "person" => Some(EntityKind::Person),
        "org" | "organisation" | "organization" => Some(EntityKind::Organization),
        "loc" | "location" | "place" | "gpe" => Some(EntityKind::Place),
        "misc" | "nationality" | "norp" => Some(EntityKind::Other),
        _ => None,
    }
}

/// Rebuilt text of a document with token offsets and sentence spans.
pub(crate) struct Layout {
    pub(crate) text: String,
    pub(crate) token_spans: Vec<Span>,
    pub(crate) sentences: Vec<Span>,
}

/// Joins tokens with single spaces and sentences with line breaks.
pub(crate) fn layout(tokens: &[String], sentence_starts: &[usize]) -> Layout {
    let sentence_starts: HashSet<usize> = sentence_starts.iter().copied().collect();
    let mut text = String::new();
    let mut token_spans = Vec::with_capacity(tokens.len());
    let mut sentences = Vec::new();
    let mut sentence_start = 0;
    for (index, token) in tokens.iter().enumerate() {
        if index > 0 && sentence_starts.contains(&index) {
            sentences.push(Span::new(sentence_start, text.len()));
            text.push('\n');
            sentence_start = text.len();
        } else if index > 0 {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token);
        token_spans.push(Span::new(start, text.len()));
    }
    sentences.push(Span::new(sentence_start, text.len()));
    Layout {
        text,
        token_spans,
        sentences,
    }
}

fn score_document(
    tagger: &dyn MentionTagger,
    index: usize,
    document: &GoldDocument,
    scores: &mut NerScores,
) {
    let layout = layout(&document.tokens, &document.sentence_starts);
    let started = Instant::now();
    let tokens = corroborate_text::tokens(&layout.text);
    let mentions = tagger.tag(&layout.text, &layout.sentences, &tokens);
    scores.seconds += started.elapsed().as_secs_f64();
    scores.tokens += document.tokens.len();

    let starts: HashMap<usize, usize> = layout
        .token_spans
        .iter()
        .enumerate()
        .map(|(i, s)| (s.start, i))
        .collect();
    let ends: HashMap<usize, usize> = layout
        .token_spans
        .iter()
        .enumerate()
        .map(|(i, s)| (s.end, i + 1))
        .collect();
    let gold: HashSet<(usize, usize, EntityKind)> = document.entities.iter().copied().collect();
    let sentence_of = |byte: usize| {
        layout
            .sentences
            .iter()
            .find(|s| s.start <= byte && byte <= s.end)
            .map_or(String::new(), |s| layout.text[s.start..s.end].to_string())
    };
    let mut matched = HashSet::new();
    for mention in &mentions {
        let key = starts
            .get(&mention.span.start)
            .zip(ends.get(&mention.span.end))
            .map(|(&s, &e)| (s, e, mention.kind));
        match key.filter(|k| gold.contains(k)) {
            Some(k) => {
                scores.kind_mut(mention.kind).true_positives += 1;
                matched.insert(k);
            }
            None => {
                scores.kind_mut(mention.kind).false_positives += 1;
                scores.failures.push(NerFailure {
                    document: index,
                    missed: false,
                    kind: mention.kind,
                    name: layout.text[mention.span.start..mention.span.end].to_string(),
                    sentence: sentence_of(mention.span.start),
                });
            }
        }
    }
    let mut missed: Vec<_> = gold.difference(&matched).copied().collect();
    missed.sort_unstable_by_key(|&(start, end, _)| (start, end));
    for (start, end, kind) in missed {
        scores.kind_mut(kind).false_negatives += 1;
        let span = Span::new(
            layout.token_spans[start].start,
            layout.token_spans[end - 1].end,
        );
        scores.failures.push(NerFailure {
            document: index,
            missed: true,
            kind,
            name: layout.text[span.start..span.end].to_string(),
            sentence: sentence_of(span.start),
        });
    }
}

impl std::fmt::Display for NerScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "kind          precision  recall     F1   (exact span)")?;
        let rows = [
            ("person", &self.person),
            ("organization", &self.organization),
            ("place", &self.place),
            ("overall", &self.overall),
            ("other", &self.other),
        ];
        for (name, scores) in rows {
            writeln!(
                f,
                "{name:<13} {:>9.3} {:>7.3} {:>6.3}",
                scores.precision(),
                scores.recall(),
                scores.f1()
            )?;
        }
        writeln!(
            f,
            "{} documents, {} tokens, {:.0} tokens/s",
            self.documents,
            self.tokens,
            self.tokens_per_second()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_io_iob2_and_bare_labels() {
        let io = parse_documents("Anna I-PER\nBerg I-PER\nvisited O\nOslo I-LOC\n. O\n");
        assert_eq!(
            io.first().map(|d| d.entities.clone()),
            Some(vec![(0, 2, EntityKind::Person), (3, 4, EntityKind::Place)])
        );
        let iob2 =
            parse_documents("Oslo\tB-Location\nBergen\tB-Location\nin\tO\nmay\tB-Temporal\n");
        assert_eq!(iob2.first().map(|d| d.entities.len()), Some(2));
        let bare = parse_documents("NASA organization\nsaid O\n");
        assert_eq!(
            bare.first().map(|d| d.entities.clone()),
            Some(vec![(0, 1, EntityKind::Organization)])
        );
    }

    #[test]
    fn docstart_and_blank_lines_split_documents_and_sentences() {
        let docs = parse_documents("-DOCSTART- O\n\nA O\nb O\n\nC O\n-DOCSTART- O\n\nD O\n");
        let non_empty: Vec<&GoldDocument> = docs.iter().filter(|d| !d.tokens.is_empty()).collect();
        assert_eq!(non_empty.len(), 2);
        assert_eq!(
            non_empty.first().map(|d| d.sentence_starts.clone()),
            Some(vec![0, 2])
        );
    }

    #[test]
    fn scores_exact_spans() {
        let dir = std::env::temp_dir().join(format!("ner-conll-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let file = dir.join("sample.conll");
        let sample = "Former O\npresident O\nAnna I-PER\nVolkova I-PER\nsaid O\nthe O\n\
                      Northland I-ORG\nElectoral I-ORG\nCommission I-ORG\nmet O\nin O\nParis I-LOC\n. O\n";
        std::fs::write(&file, sample).ok();
        let scores = eval_conll(&file);
        std::fs::remove_dir_all(&dir).ok();
        let scores = match scores {
            Ok(scores) => scores,
            Err(error) => panic!("evaluation failed: {error}"),
        };
        assert_eq!(scores.tokens, 13);
        assert_eq!(scores.overall.true_positives, 3, "{scores:?}");
        assert_eq!(scores.overall.false_positives, 0, "{scores:?}");
        assert!((scores.overall.f1() - 1.0).abs() < 1e-9);
    }

    /// Returns fixed mentions: the byte spans of the given substrings.
    struct FixedTagger(Vec<(&'static str, EntityKind)>);

    impl MentionTagger for FixedTagger {
        fn tag(
            &self,
            text: &str,
            _sentences: &[Span],
            _tokens: &[corroborate_model::Token],
        ) -> Vec<corroborate_model::Mention> {
            self.0
                .iter()
                .filter_map(|(needle, kind)| {
                    let start = text.find(needle)?;
                    Some(corroborate_model::Mention {
                        span: Span::new(start, start + needle.len()),
                        text: needle.to_string(),
                        kind: *kind,
                        title: None,
                        expansion: None,
                    })
                })
                .collect()
        }
    }

    #[test]
    fn exact_numbers_for_a_known_tagger() {
        let dir = std::env::temp_dir().join(format!("ner-conll-exact-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let file = dir.join("tiny.conll");
        // Gold: Anna Volkova (PER), Northland Electoral Commission (ORG),
        // Paris (LOC), Bergen (LOC), French (MISC).
        let sample = "-DOCSTART-\tO\n\nAnna\tB-PER\nVolkova\tI-PER\nmet\tO\nthe\tO\n\
                      Northland\tB-ORG\nElectoral\tI-ORG\nCommission\tI-ORG\nin\tO\n\
                      Paris\tB-LOC\n.\tO\n\nFrench\tB-MISC\nofficials\tO\nvisited\tO\n\
                      Bergen\tB-LOC\n.\tO\n";
        std::fs::write(&file, sample).ok();
        let tagger = FixedTagger(vec![
            ("Anna Volkova", EntityKind::Person),               // exact: tp
            ("Electoral Commission", EntityKind::Organization), // wrong span: fp + fn
            ("Paris", EntityKind::Place),                       // tp
            ("Bergen", EntityKind::Person),                     // wrong kind: fp person, fn place
            ("French", EntityKind::Other),                      // tp (other)
        ]);
        let scores = eval_conll_with(&tagger, &file);
        std::fs::remove_dir_all(&dir).ok();
        let scores = scores.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((scores.documents, scores.tokens), (1, 15));
        let counts = |k: KindScores| (k.true_positives, k.false_positives, k.false_negatives);
        assert_eq!(counts(scores.person), (1, 1, 0));
        assert_eq!(counts(scores.organization), (0, 1, 1));
        assert_eq!(counts(scores.place), (1, 0, 1));
        assert_eq!(counts(scores.other), (1, 0, 0));
        assert_eq!(counts(scores.overall), (2, 2, 2));
        assert!((scores.person.precision() - 0.5).abs() < 1e-12);
        assert!((scores.place.recall() - 0.5).abs() < 1e-12);
        assert!((scores.overall.f1() - 0.5).abs() < 1e-12);
        assert_eq!(scores.organization.f1(), 0.0);
    }

    #[test]
    fn missing_path_is_an_error() {
        assert!(matches!(
            eval_conll("/nonexistent/ner/data"),
            Err(NerEvalError::Io { .. })
        ));
    }
}
