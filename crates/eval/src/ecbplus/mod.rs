//! Reader for ECB+ (Cybulska and Vossen, LREC 2014): news articles in
//! CROMER XML, grouped in topics of two look-alike events (subtopics
//! `ecb` and `ecbplus`), with event, time, location and participant
//! mentions and their coreference chains.
//!
//! [`read_document`] gives a [`Document`]: its tokens, its **plain text**
//! with every token's byte span (the tokenization undone where it is
//! plain, one sentence per line; see [`Document::text`]) and its mentions
//! with their cross-document instance ids. [`read_annotated_sentences`]
//! reads `ECBplus_coreference_sentences.csv`, the list of the sentences
//! that were annotated (only those should be scored). [`FileId`] names a
//! file's topic, number and subtopic; [`TRAIN_TOPICS`] and [`DEV_TOPICS`]
//! are the usual split (topics 36–45 are the test topics, not in the
//! shared data).
//!
//! Malformed input gives an [`EcbError`], never a panic.

mod text;
mod xml;

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use corroborate_model::Span;

pub use xml::ParseError;

/// Training topics: the topics below 36 that are not in [`DEV_TOPICS`]
/// (15 and 17 do not exist).
pub const TRAIN_TOPICS: [u32; 25] = [
    1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 19, 20, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,
];

/// Development topics of the usual split.
pub const DEV_TOPICS: [u32; 8] = [2, 5, 12, 18, 21, 23, 34, 35];

/// Why an ECB+ file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EcbError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Parse {
        path: PathBuf,
        #[source]
        source: ParseError,
    },
    #[error("{path}: not an ECB+ file name (<topic>_<n>ecb.xml or <topic>_<n>ecbplus.xml)")]
    FileName { path: PathBuf },
    #[error("{path} line {line}: {message}")]
    Csv {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// The two halves of a topic: the original ECB articles and the ones ECB+
/// added about a second, look-alike event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subtopic {
    Ecb,
    EcbPlus,
}

impl Subtopic {
    pub fn as_str(self) -> &'static str {
        match self {
            Subtopic::Ecb => "ecb",
            Subtopic::EcbPlus => "ecbplus",
        }
    }
}

/// Which half of the usual split a topic is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Split {
    Train,
    Dev,
}

impl Split {
    /// The split of `topic`, or `None` for a topic in neither list.
    pub fn of_topic(topic: u32) -> Option<Split> {
        if TRAIN_TOPICS.contains(&topic) {
            Some(Split::Train)
        } else if DEV_TOPICS.contains(&topic) {
            Some(Split::Dev)
        } else {
            None
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Dev => "dev",
        }
    }
}

/// A file's place in the corpus: `12_4ecbplus.xml` is topic 12, number 4,
/// subtopic `ecbplus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId {
    pub topic: u32,
    pub number: u32,
    pub subtopic: Subtopic,
}

impl FileId {
    /// Reads the id from a file name such as `12_4ecbplus.xml`.
    pub fn from_path(path: &Path) -> Result<FileId, EcbError> {
        let invalid = || EcbError::FileName {
            path: path.to_path_buf(),
        };
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(invalid)?;
        let stem = name.strip_suffix(".xml").ok_or_else(invalid)?;
        let (topic, file) = stem.split_once('_').ok_or_else(invalid)?;
        let topic = topic.parse().map_err(|_| invalid())?;
        FileId::from_topic_and_file(topic, file).ok_or_else(invalid)
    }

    /// The id from a topic and a file name without topic and extension
    /// (`10ecbplus`), as the sentence list writes them.
    fn from_topic_and_file(topic: u32, file: &str) -> Option<FileId> {
        let (number, subtopic) = if let Some(n) = file.strip_suffix("ecbplus") {
            (n, Subtopic::EcbPlus)
        } else {
            (file.strip_suffix("ecb")?, Subtopic::Ecb)
        };
        Some(FileId {
            topic,
            number: number.parse().ok()?,
            subtopic,
        })
    }

    /// The split of this file's topic.
    pub fn split(&self) -> Option<Split> {
        Split::of_topic(self.topic)
    }

    /// The file's path relative to the corpus root: `12/12_4ecbplus.xml`.
    pub fn relative_path(&self) -> PathBuf {
        PathBuf::from(self.topic.to_string()).join(format!("{self}.xml"))
    }
}

impl fmt::Display for FileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}_{}{}",
            self.topic,
            self.number,
            self.subtopic.as_str()
        )
    }
}

/// A token as the corpus gives it, with its place in [`Document::text`].
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// `t_id`: 1, 2, 3 … through the document in reading order.
    pub id: u32,
    pub sentence: u32,
    /// 0-based position in the sentence.
    pub number: u32,
    /// The token text, XML entities unescaped (a few tokens carry a
    /// trailing tab or space; it is kept).
    pub text: String,
    /// Byte span in [`Document::text`]; `text[span] == token.text`.
    pub span: Span,
}

/// What a mention refers to, from its element name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionType {
    /// `ACTION_*`: occurrences, states, reporting, aspectual, causative …
    Action,
    /// `NEG_ACTION_*`: an action said not to happen.
    NegatedAction,
    /// `TIME_*`: dates, times of day, durations, repetitions.
    Time,
    /// `LOC_*`: places, facilities.
    Location,
    /// `HUMAN_PART*`: people, organizations, groups.
    HumanParticipant,
    /// `NON_HUMAN_PART*`: things and animals taking part.
    NonHumanParticipant,
}

impl MentionType {
    /// The type of an element name, `None` for an element that is not a
    /// mention type (`UNKNOWN_INSTANCE_TAG`, `token`, …).
    fn from_tag(tag: &str) -> Option<MentionType> {
        let prefixes = [
            ("ACTION_", MentionType::Action),
            ("NEG_ACTION_", MentionType::NegatedAction),
            ("TIME_", MentionType::Time),
            ("LOC_", MentionType::Location),
            ("HUMAN_PART", MentionType::HumanParticipant),
            ("NON_HUMAN_PART", MentionType::NonHumanParticipant),
        ];
        prefixes
            .into_iter()
            .find(|(prefix, _)| tag.starts_with(prefix))
            .map(|(_, kind)| kind)
    }
}

/// A mention: a markable anchored to tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// `m_id`, unique within the document.
    pub id: u32,
    pub kind: MentionType,
    /// The element name: `ACTION_OCCURRENCE`, `HUMAN_PART_PER`, …
    pub tag: String,
    /// `t_id`s of its tokens, in the file's order.
    pub tokens: Vec<u32>,
    /// The cross-document instance id (`note` of the `CROSS_DOC_COREF`
    /// relation the mention is a source of), shared by every mention of
    /// the same real-world instance across documents.
    pub instance: Option<String>,
    /// The `m_id` of the target of the `INTRA_DOC_COREF` relation the
    /// mention is a source of (a chain within the document that has no
    /// cross-document instance).
    pub chain: Option<u32>,
}

/// One sentence of a document: its tokens and its line of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub number: u32,
    /// Index range into [`Document::tokens`].
    pub tokens: std::ops::Range<usize>,
    /// Byte span of the sentence's line in [`Document::text`].
    pub span: Span,
}

/// An ECB+ document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// `None` when the file name does not follow the corpus pattern.
    pub file: Option<FileId>,
    /// Plain text: tokens joined by spaces except where the tokenization
    /// split what is written together (see the module `text`), one
    /// sentence per line.
    pub text: String,
    pub tokens: Vec<Token>,
    /// Runs of tokens with the same `sentence` attribute, in order.
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
}

impl Document {
    /// The sentence numbered `number` (the first run, should the file
    /// repeat a number).
    pub fn sentence(&self, number: u32) -> Option<&Sentence> {
        self.sentences.iter().find(|s| s.number == number)
    }

    /// The tokens of sentence `number` (empty when there is none).
    pub fn sentence_tokens(&self, number: u32) -> &[Token] {
        self.sentence(number)
            .and_then(|s| self.tokens.get(s.tokens.clone()))
            .unwrap_or(&[])
    }

    /// The text of sentence `number`, one line.
    pub fn sentence_text(&self, number: u32) -> Option<&str> {
        self.sentence(number).and_then(|s| s.span.slice(&self.text))
    }

    /// The token with `t_id` `id`.
    pub fn token(&self, id: u32) -> Option<&Token> {
        self.tokens.iter().find(|t| t.id == id)
    }
}

/// Reads an ECB+ CROMER XML file. The subtopic in the file name decides
/// how hyphens are read: `ecbplus` files split compounds ("45 - year -
/// old") and their hyphens are joined again; in `ecb` files compounds are
/// one token, so a lone hyphen is a dash and keeps its spaces.
pub fn read_document(path: &Path) -> Result<Document, EcbError> {
    let xml = std::fs::read_to_string(path).map_err(|source| EcbError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let file = FileId::from_path(path).ok();
    let subtopic = file.map_or(Subtopic::EcbPlus, |f| f.subtopic);
    let mut document = parse_document(&xml, subtopic).map_err(|source| EcbError::Parse {
        path: path.to_path_buf(),
        source,
    })?;
    document.file = file;
    Ok(document)
}

/// Parses CROMER XML read from a file of `subtopic` (see
/// [`read_document`]); [`Document::file`] is left `None`.
pub fn parse_document(xml: &str, subtopic: Subtopic) -> Result<Document, ParseError> {
    let parsed = xml::parse(xml)?;
    let mut tokens = parsed.tokens;
    let (text, sentences) = text::rebuild(&mut tokens, subtopic);
    Ok(Document {
        file: None,
        text,
        tokens,
        sentences,
        mentions: parsed.mentions,
    })
}

/// The sentences that were annotated (`ECBplus_coreference_sentences.csv`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotatedSentences {
    sentences: HashSet<(FileId, u32)>,
}

impl AnnotatedSentences {
    pub fn contains(&self, file: FileId, sentence: u32) -> bool {
        self.sentences.contains(&(file, sentence))
    }

    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The annotated sentence numbers of `file`, sorted.
    pub fn of_file(&self, file: FileId) -> Vec<u32> {
        let mut numbers: Vec<u32> = self
            .sentences
            .iter()
            .filter(|(f, _)| *f == file)
            .map(|(_, s)| *s)
            .collect();
        numbers.sort_unstable();
        numbers
    }
}

/// Reads the annotated-sentence list: a header line, then
/// `topic,file,sentence` lines such as `1,10ecbplus,3` (CRLF and trailing
/// spaces allowed).
pub fn read_annotated_sentences(path: &Path) -> Result<AnnotatedSentences, EcbError> {
    let content = std::fs::read_to_string(path).map_err(|source| EcbError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_annotated_sentences(&content).map_err(|(line, message)| EcbError::Csv {
        path: path.to_path_buf(),
        line,
        message,
    })
}

fn parse_annotated_sentences(content: &str) -> Result<AnnotatedSentences, (usize, String)> {
    let mut annotated = AnnotatedSentences::default();
    for (index, line) in content.lines().enumerate().skip(1) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let entry = parse_sentence_line(line).ok_or_else(|| {
            (
                index + 1,
                format!("expected topic,file,sentence, found {line:?}"),
            )
        })?;
        annotated.sentences.insert(entry);
    }
    Ok(annotated)
}

fn parse_sentence_line(line: &str) -> Option<(FileId, u32)> {
    let mut fields = line.split(',').map(str::trim);
    let topic = fields.next()?.parse().ok()?;
    let file = FileId::from_topic_and_file(topic, fields.next()?)?;
    let sentence = fields.next()?.parse().ok()?;
    fields.next().is_none().then_some((file, sentence))
}

/// The XML files of `topic` under the corpus root `root` (`root/<topic>/`),
/// sorted by subtopic then number.
pub fn topic_files(root: &Path, topic: u32) -> Result<Vec<PathBuf>, EcbError> {
    let dir = root.join(topic.to_string());
    let entries = std::fs::read_dir(&dir).map_err(|source| EcbError::Io {
        path: dir.clone(),
        source,
    })?;
    let mut files: Vec<(FileId, PathBuf)> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter_map(|path| FileId::from_path(&path).ok().map(|id| (id, path)))
        .collect();
    files.sort_by_key(|(id, _)| (id.subtopic, id.number));
    Ok(files.into_iter().map(|(_, path)| path).collect())
}

#[cfg(test)]
mod tests;
