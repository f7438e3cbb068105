//! Token features for the statistical tagger, shared by training (through
//! [`crate::training`]) and tagging so that both see exactly the same
//! attributes.
//!
//! Each attribute is a `name=value` string, hashed (FNV-1a, 64 bit)
//! without building the string; the model stores the hashes. For token
//! *i* of a sentence:
//!
//! | name | value |
//! | --- | --- |
//! | `b` | bias |
//! | `w0`, `w-1`, `w-2`, `w+1`, `w+2` | lower-cased word in the ±2 window (`^`/`$` past the ends) |
//! | `w-1w0`, `w0w+1` | word bigrams |
//! | `sh` | word shape, runs capped at 4 ("Xxxx", "X.X.", "dddd") |
//! | `s0`, `s-1`, `s-2`, `s+1`, `s+2`, `s-1s0s+1` | short shapes (runs collapsed: "Xx", "X.X.") |
//! | `p1`–`p3`, `x1`–`x4` | prefixes and suffixes of the lower-cased word |
//! | `f0` | sentence/quote-initial (`init`), possessive (`poss`) |
//! | `L0`, `L-1`, `L+1`, `L-2`, `L+2` | lexicon and gazetteer classes of the word (below) |
//! | `G` | inside a multi-word gazetteer name: `B` or `I` |
//! | `R`, `RH`, `RF`, `RL`, `RT` | capitalized run: position (B/I/E/S), head class, first-word class, length, title before the run |
//! | `RR`, `RR-1`, `RR+1` | the rule tagger's BIO label of the word and its neighbours (`B-PER`, `O`, …) |
//!
//! Lexicon classes come from the rule tagger's lists (`lexicon.rs`):
//! `org` (organization words), `placehead`, `event`, `title`, `titlemod`,
//! `func`, `cal`, `conn`, `speech`, `locprep`, `igo`, `common` (English
//! word), and from the gazetteer: `country`, `place`, `altplace`, `demonym`.

use corroborate_model::{EntityKind, Mention, Span};

use crate::gazetteer::{Gazetteer, NameClass};
use crate::lexicon::WordClasses;
use crate::sentence::Tok;

/// An attribute name with the FNV-1a state after hashing `name=`, computed
/// at compile time so that tagging hashes only the value.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Name {
    #[cfg_attr(not(test), allow(dead_code))]
    text: &'static str,
    prefix_hash: u64,
}

impl Name {
    const fn new(text: &'static str) -> Name {
        Name {
            text,
            prefix_hash: fnv1a_byte(fnv1a(FNV_OFFSET, text.as_bytes()), b'='),
        }
    }

    /// The hash of `name=value`.
    const fn hash(self, value: &str) -> u64 {
        fnv1a(self.prefix_hash, value.as_bytes())
    }
}

/// Receives the attributes of one token, as hashes.
pub(crate) trait FeatureSink {
    fn add_hash(&mut self, hash: u64);

    fn add(&mut self, name: Name, value: &str) {
        self.add_hash(name.hash(value));
    }

    /// Adds `name=value` whose hash is known already.
    fn add_hashed(&mut self, _name: Name, _value: &str, hash: u64) {
        self.add_hash(hash);
    }

    /// Adds `name=part1|part2|…` without building the string.
    fn add_joined(&mut self, name: Name, parts: &[&str]) {
        let mut hash = name.prefix_hash;
        for (k, part) in parts.iter().enumerate() {
            if k > 0 {
                hash = fnv1a_byte(hash, b'|');
            }
            hash = fnv1a(hash, part.as_bytes());
        }
        self.add_hash(hash);
    }
}

/// The attribute strings the hashes stand for (the hashes' test oracle).
#[cfg(test)]
impl FeatureSink for Vec<String> {
    fn add_hash(&mut self, hash: u64) {
        self.push(format!("#{hash:016x}"));
    }

    fn add(&mut self, name: Name, value: &str) {
        self.push(format!("{}={value}", name.text));
    }

    fn add_joined(&mut self, name: Name, parts: &[&str]) {
        self.add(name, &parts.join("|"));
    }

    fn add_hashed(&mut self, name: Name, value: &str, _hash: u64) {
        self.add(name, value);
    }
}

/// Training: each token's attribute hashes.
impl FeatureSink for Vec<u64> {
    fn add_hash(&mut self, hash: u64) {
        self.push(hash);
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

const fn fnv1a_byte(hash: u64, byte: u8) -> u64 {
    (hash ^ byte as u64).wrapping_mul(FNV_PRIME)
}

const fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash = fnv1a_byte(hash, bytes[i]);
        i += 1;
    }
    hash
}

/// The hash [`FeatureSink`] for `Vec<u64>` gives the attribute string
/// `name=value`.
#[cfg(test)]
fn attribute_hash(attribute: &str) -> u64 {
    fnv1a(FNV_OFFSET, attribute.as_bytes())
}

const BIAS: Name = Name::new("b");
const WORDS: [(Name, isize); 5] = [
    (Name::new("w0"), 0),
    (Name::new("w-1"), -1),
    (Name::new("w-2"), -2),
    (Name::new("w+1"), 1),
    (Name::new("w+2"), 2),
];
const BIGRAM_BEFORE: Name = Name::new("w-1w0");
const BIGRAM_AFTER: Name = Name::new("w0w+1");
const SHAPE: Name = Name::new("sh");
const SHORT_SHAPES: [(Name, isize); 5] = [
    (Name::new("s0"), 0),
    (Name::new("s-1"), -1),
    (Name::new("s-2"), -2),
    (Name::new("s+1"), 1),
    (Name::new("s+2"), 2),
];
const SHORT_SHAPE_TRIGRAM: Name = Name::new("s-1s0s+1");
const PREFIXES: [Name; 3] = [Name::new("p1"), Name::new("p2"), Name::new("p3")];
const SUFFIXES: [Name; 4] = [
    Name::new("x1"),
    Name::new("x2"),
    Name::new("x3"),
    Name::new("x4"),
];
const FLAGS: Name = Name::new("f0");
const CLASSES: [(Name, isize); 5] = [
    (Name::new("L0"), 0),
    (Name::new("L-1"), -1),
    (Name::new("L+1"), 1),
    (Name::new("L-2"), -2),
    (Name::new("L+2"), 2),
];
/// The hash of every `L` attribute, by [`CLASSES`] entry and class.
const CLASS_HASHES: [[u64; CLASS_NAMES.len()]; CLASSES.len()] = {
    let mut hashes = [[0; CLASS_NAMES.len()]; CLASSES.len()];
    let mut n = 0;
    while n < CLASSES.len() {
        let mut class = 0;
        while class < CLASS_NAMES.len() {
            hashes[n][class] = CLASSES[n].0.hash(CLASS_NAMES[class]);
            class += 1;
        }
        n += 1;
    }
    hashes
};
const GAZETTEER_SPAN: Name = Name::new("G");
const RUN_POSITION: Name = Name::new("R");
const RUN_HEAD: Name = Name::new("RH");
const RUN_FIRST: Name = Name::new("RF");
const RUN_LENGTH: Name = Name::new("RL");
const RUN_TITLE_BEFORE: Name = Name::new("RT");
const RULE_LABELS: [(Name, isize); 3] = [
    (Name::new("RR"), 0),
    (Name::new("RR-1"), -1),
    (Name::new("RR+1"), 1),
];

/// Per-token facts computed once per sentence.
struct TokenInfo {
    /// Byte ranges of the word shape and short shape in
    /// [`SentenceFeatures::shapes`].
    shape: (usize, usize),
    short_shape: (usize, usize),
    classes: Classes,
    /// Inside a multi-word gazetteer name: "B" or "I".
    gazetteer_span: Option<&'static str>,
    run: Option<RunInfo>,
}

#[derive(Clone, Copy)]
struct RunInfo {
    position: &'static str,
    head: &'static str,
    first: &'static str,
    length: &'static str,
    title_before: bool,
}

/// The features of a sentence's tokens.
pub(crate) struct SentenceFeatures<'a, 't> {
    toks: &'a [Tok<'t>],
    infos: Vec<TokenInfo>,
    /// Every token's shapes, one after the other (one allocation per
    /// sentence instead of two per token).
    shapes: String,
    /// The rule tagger's BIO label of each token.
    rule_labels: Vec<&'static str>,
}

impl<'a, 't> SentenceFeatures<'a, 't> {
    /// `rule_mentions`: the rule tagger's mentions in the document, sorted.
    pub(crate) fn new(
        toks: &'a [Tok<'t>],
        text: &str,
        gazetteer: &Gazetteer,
        rule_mentions: &[Mention],
    ) -> Self {
        let mut shapes = String::with_capacity(toks.len() * 8);
        let mut infos: Vec<TokenInfo> = toks
            .iter()
            .map(|tok| TokenInfo {
                shape: push_shape(&mut shapes, tok.text, 4),
                short_shape: push_shape(&mut shapes, tok.text, 1),
                classes: classes(tok, gazetteer),
                gazetteer_span: None,
                run: None,
            })
            .collect();
        mark_gazetteer_spans(toks, text, gazetteer, &mut infos);
        mark_runs(toks, &mut infos);
        SentenceFeatures {
            toks,
            infos,
            shapes,
            rule_labels: rule_labels(toks, rule_mentions),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// Emits the attributes of token `i` into `sink`.
    pub(crate) fn emit(&self, i: usize, sink: &mut impl FeatureSink) {
        let word = |offset: isize| self.word(i, offset);
        sink.add(BIAS, "");
        for (name, offset) in WORDS {
            sink.add(name, word(offset));
        }
        sink.add_joined(BIGRAM_BEFORE, &[word(-1), word(0)]);
        sink.add_joined(BIGRAM_AFTER, &[word(0), word(1)]);
        let short = |offset: isize| {
            self.info(i, offset)
                .map_or("_", |t| self.shape_text(t.short_shape))
        };
        if let Some(info) = self.infos.get(i) {
            sink.add(SHAPE, self.shape_text(info.shape));
        }
        for (name, offset) in SHORT_SHAPES {
            sink.add(name, short(offset));
        }
        sink.add_joined(SHORT_SHAPE_TRIGRAM, &[short(-1), short(0), short(1)]);
        self.emit_affixes(word(0), sink);
        if let Some(tok) = self.toks.get(i) {
            if tok.initial {
                sink.add(FLAGS, "init");
            }
            if tok.possessive {
                sink.add(FLAGS, "poss");
            }
        }
        for ((name, offset), hashes) in CLASSES.into_iter().zip(&CLASS_HASHES) {
            if let Some(info) = self.info(i, offset) {
                for class in info.classes.indices() {
                    let (Some(value), Some(&hash)) = (CLASS_NAMES.get(class), hashes.get(class))
                    else {
                        continue;
                    };
                    sink.add_hashed(name, value, hash);
                }
            }
        }
        self.emit_spans(i, sink);
        for (name, offset) in RULE_LABELS {
            let label = i
                .checked_add_signed(offset)
                .and_then(|j| self.rule_labels.get(j));
            sink.add(name, label.copied().unwrap_or("-"));
        }
    }

    fn emit_affixes(&self, word: &str, sink: &mut impl FeatureSink) {
        let prefix_ends = word.char_indices().map(|(start, c)| start + c.len_utf8());
        for (&name, end) in PREFIXES.iter().zip(prefix_ends) {
            if let Some(prefix) = word.get(..end) {
                sink.add(name, prefix);
            }
        }
        let suffix_starts = word.char_indices().rev().map(|(start, _)| start);
        for (&name, start) in SUFFIXES.iter().zip(suffix_starts) {
            if let Some(suffix) = word.get(start..) {
                sink.add(name, suffix);
            }
        }
    }

    fn emit_spans(&self, i: usize, sink: &mut impl FeatureSink) {
        let Some(info) = self.infos.get(i) else {
            return;
        };
        if let Some(position) = info.gazetteer_span {
            sink.add(GAZETTEER_SPAN, position);
        }
        if let Some(run) = info.run {
            sink.add(RUN_POSITION, run.position);
            sink.add(RUN_HEAD, run.head);
            sink.add(RUN_FIRST, run.first);
            sink.add(RUN_LENGTH, run.length);
            if run.title_before {
                sink.add(RUN_TITLE_BEFORE, "");
            }
        }
    }

    fn shape_text(&self, (start, end): (usize, usize)) -> &str {
        self.shapes.get(start..end).unwrap_or("")
    }

    fn info(&self, i: usize, offset: isize) -> Option<&TokenInfo> {
        self.infos.get(i.checked_add_signed(offset)?)
    }

    fn word(&self, i: usize, offset: isize) -> &str {
        match i.checked_add_signed(offset) {
            Some(j) => self.toks.get(j).map_or("$", |t| &*t.lower),
            None => "^",
        }
    }
}

/// The BIO label each token gets from the mention whose span holds its
/// first byte.
fn rule_labels(toks: &[Tok], mentions: &[Mention]) -> Vec<&'static str> {
    toks.iter()
        .map(|tok| {
            let at = mentions.partition_point(|m| m.span.end <= tok.span.start);
            match mentions.get(at) {
                Some(m) if m.span.start <= tok.span.start => {
                    rule_label(m.kind, m.span.start == tok.span.start)
                }
                _ => "O",
            }
        })
        .collect()
}

fn rule_label(kind: EntityKind, begins: bool) -> &'static str {
    match (kind, begins) {
        (EntityKind::Person, true) => "B-PER",
        (EntityKind::Person, false) => "I-PER",
        (EntityKind::Organization, true) => "B-ORG",
        (EntityKind::Organization, false) => "I-ORG",
        (EntityKind::Place, true) => "B-LOC",
        (EntityKind::Place, false) => "I-LOC",
        (EntityKind::Other, true) => "B-MISC",
        (EntityKind::Other, false) => "I-MISC",
    }
}

/// Appends the character classes of `word` (X upper, x lower, d digit,
/// other as is) with runs cut to `max_run` to `out`; returns their byte
/// range in `out`.
fn push_shape(out: &mut String, word: &str, max_run: usize) -> (usize, usize) {
    let start = out.len();
    let mut previous = None;
    let mut run = 0;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        run = if previous == Some(class) { run + 1 } else { 1 };
        previous = Some(class);
        if run <= max_run {
            out.push(class);
        }
    }
    (start, out.len())
}

/// The names of the `L` features' classes, in the order they are emitted:
/// the lexicon's lists, an English word, the gazetteer's kind of name, a
/// demonym. Bit `k` of [`Classes`] stands for `CLASS_NAMES[k]`.
const CLASS_NAMES: [&str; 16] = [
    "org",
    "placehead",
    "event",
    "titlemod",
    "func",
    "cal",
    "conn",
    "speech",
    "locprep",
    "igo",
    "title",
    "common",
    "country",
    "place",
    "altplace",
    "demonym",
];

/// The lexicon lists behind the first eleven [`CLASS_NAMES`].
const LEXICON_CLASSES: [u16; 11] = [
    WordClasses::ORG,
    WordClasses::PLACE_HEAD,
    WordClasses::EVENT,
    WordClasses::TITLE_MODIFIER,
    WordClasses::FUNCTION,
    WordClasses::CALENDAR,
    WordClasses::CONNECTOR,
    WordClasses::SPEECH,
    WordClasses::LOCATIVE,
    WordClasses::IGO,
    WordClasses::TITLE_WORD,
];

/// A token's `L` feature classes, one bit per [`CLASS_NAMES`] entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Classes(u16);

impl Classes {
    fn add(&mut self, name: &str) {
        if let Some(k) = CLASS_NAMES.iter().position(|n| *n == name) {
            self.0 |= 1 << k;
        }
    }

    /// The indices into [`CLASS_NAMES`] of the classes, in emission order.
    fn indices(self) -> impl Iterator<Item = usize> {
        (0..CLASS_NAMES.len()).filter(move |k| self.0 & (1 << k) != 0)
    }
}

/// Lexicon and gazetteer classes of one token.
fn classes(tok: &Tok, gazetteer: &Gazetteer) -> Classes {
    let mut out = Classes::default();
    for (k, class) in LEXICON_CLASSES.into_iter().enumerate() {
        if tok.classes.has(class) {
            out.0 |= 1 << k;
        }
    }
    if tok.is_word && tok.classes.has(WordClasses::ENGLISH) {
        out.add("common");
    }
    if tok.capitalized || tok.acronym {
        match gazetteer.name_class(tok.text) {
            Some(NameClass::Country) => out.add("country"),
            Some(NameClass::Primary) => out.add("place"),
            Some(NameClass::Alternate) => out.add("altplace"),
            None => {}
        }
        if gazetteer.demonym_country(tok.text).is_some()
            || tok.classes.has(WordClasses::CONTINENTAL)
        {
            out.add("demonym");
        }
    }
    out
}

const MAX_GAZETTEER_TOKENS: usize = 4;

/// Marks tokens covered by a multi-word gazetteer name that starts with a
/// capitalized word ("New York", "Bosnia and Herzegovina").
fn mark_gazetteer_spans(toks: &[Tok], text: &str, gazetteer: &Gazetteer, infos: &mut [TokenInfo]) {
    let mut start = 0;
    while start < toks.len() {
        let end = toks
            .get(start)
            .filter(|t| t.capitalized)
            .and_then(|_| longest_gazetteer_name(toks, text, gazetteer, start));
        match end {
            Some(end) => {
                for (offset, info) in infos.iter_mut().take(end).skip(start).enumerate() {
                    info.gazetteer_span = Some(if offset == 0 { "B" } else { "I" });
                }
                start = end;
            }
            None => start += 1,
        }
    }
}

fn longest_gazetteer_name(
    toks: &[Tok],
    text: &str,
    gazetteer: &Gazetteer,
    start: usize,
) -> Option<usize> {
    let first = toks.get(start)?;
    let limit = (start + MAX_GAZETTEER_TOKENS).min(toks.len());
    (start + 2..=limit).rev().find(|&end| {
        let Some(last) = toks.get(end - 1) else {
            return false;
        };
        let inner_ok = (start..end)
            .filter_map(|k| toks.get(k))
            .all(|t| t.is_name_part() || t.is_connector());
        inner_ok
            && last.capitalized
            && Span::new(first.span.start, last.span.end)
                .slice(text)
                .is_some_and(|name| gazetteer.contains(name))
    })
}

/// Marks maximal runs of capitalized words and acronyms with their
/// position, head-word class and length.
fn mark_runs(toks: &[Tok], infos: &mut [TokenInfo]) {
    let mut start = 0;
    while start < toks.len() {
        if !toks.get(start).is_some_and(Tok::is_name_part) {
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while toks.get(end).is_some_and(Tok::is_name_part)
            && !toks.get(end - 1).is_some_and(|t| t.possessive)
        {
            end += 1;
        }
        let run = RunInfo {
            position: "",
            head: word_class(toks.get(end - 1)),
            first: word_class(toks.get(start)),
            length: match end - start {
                1 => "1",
                2 => "2",
                3 => "3",
                _ => "4+",
            },
            title_before: start > 0
                && toks
                    .get(start - 1)
                    .is_some_and(|t| t.classes.has(WordClasses::TITLE_WORD) || t.is_punct('.')),
        };
        for (k, info) in infos.iter_mut().enumerate().take(end).skip(start) {
            let position = match (k == start, k + 1 == end) {
                (true, true) => "S",
                (true, false) => "B",
                (false, true) => "E",
                (false, false) => "I",
            };
            info.run = Some(RunInfo { position, ..run });
        }
        start = end;
    }
}

/// The class of a run's head or first word for the `RH`/`RF` features.
fn word_class(tok: Option<&Tok>) -> &'static str {
    let Some(tok) = tok else { return "-" };
    if tok.classes.has(WordClasses::ORG) {
        "org"
    } else if tok.classes.has(WordClasses::PLACE_HEAD) {
        "placehead"
    } else if tok.classes.has(WordClasses::EVENT) {
        "event"
    } else if tok.classes.has(WordClasses::TITLE_WORD) {
        "title"
    } else if tok.acronym {
        "acronym"
    } else {
        "-"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(word: &str, max_run: usize) -> String {
        let mut out = String::from("Xx");
        let (start, end) = push_shape(&mut out, word, max_run);
        out[start..end].to_string()
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Washington", 4), "Xxxxx");
        assert_eq!(shape("Washington", 1), "Xx");
        assert_eq!(shape("U.N.", 1), "X.X.");
        assert_eq!(shape("G20", 4), "Xdd");
        assert_eq!(shape("Ölçek", 1), "Xx");
    }

    #[test]
    fn classes_are_named_in_emission_order() {
        let mut classes = Classes::default();
        classes.add("demonym");
        classes.add("org");
        classes.add("common");
        let names: Vec<&str> = classes.indices().map(|k| CLASS_NAMES[k]).collect();
        assert_eq!(names, ["org", "common", "demonym"]);
        assert!(Classes::default().indices().next().is_none());
        assert_eq!(CLASS_HASHES[1][0], attribute_hash("L-1=org"));
        assert_eq!(CLASS_HASHES[4][15], attribute_hash("L+2=demonym"));
    }

    #[test]
    fn string_and_hash_sinks_agree() {
        let mut strings: Vec<String> = Vec::new();
        let mut hashes: Vec<u64> = Vec::new();
        strings.add(WORDS[0].0, "börse");
        hashes.add(WORDS[0].0, "börse");
        strings.add(BIAS, "");
        hashes.add(BIAS, "");
        strings.add_joined(BIGRAM_BEFORE, &["the", "börse"]);
        hashes.add_joined(BIGRAM_BEFORE, &["the", "börse"]);
        strings.add_joined(SHORT_SHAPE_TRIGRAM, &["x", "", "Xx"]);
        hashes.add_joined(SHORT_SHAPE_TRIGRAM, &["x", "", "Xx"]);
        assert_eq!(
            strings,
            ["w0=börse", "b=", "w-1w0=the|börse", "s-1s0s+1=x||Xx"]
        );
        let expected: Vec<u64> = strings.iter().map(|s| attribute_hash(s)).collect();
        assert_eq!(hashes, expected);
        // FNV-1a's published test vector.
        assert_eq!(attribute_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
