//! Ingest: turn paths into [`Report`]s.
//!
//! * [`collect_inputs`] walks files and folders (recursively, in a stable
//!   order) and keeps the files some [`ReportReader`] accepts.
//! * A [`ReportReader`] turns one input into a [`ReadOutcome`]: the reports
//!   it found and the records it had to leave out ([`RecordProblem`]).
//!   Readers exist for
//!   - plain text and Markdown with optional YAML front matter ([`PlainTextReader`]),
//!   - HTML pages ([`HtmlReader`]: main text by `dom_smoothie`, metadata from
//!     `<title>`, Open Graph, `article:*`, JSON-LD and `<time>`),
//!   - JSON and JSON Lines records ([`JsonReader`]; the field mapping is
//!     documented in `src/json.rs`),
//!   - RSS and Atom feeds ([`FeedReader`]),
//!   - WARC archives, plain or gzipped ([`WarcArchiveReader`]), streamed.
//! * `-` reads standard input; its format is sniffed from the first bytes.
//! * Failures are values: every input that cannot be read becomes a
//!   [`Skipped`] entry with its path and a specific reason, every bad record
//!   inside a multi-record input one with `path:line N` (or `record N`,
//!   `item N`), and the run goes on with the others.
//! * Memory stays bounded: whole-file readers refuse inputs over
//!   [`IngestOptions::max_report_bytes`]; streaming readers (JSON Lines,
//!   WARC) apply that cap to each record instead.

mod clean;
mod dates;
mod decode;
mod feed;
mod front_matter;
mod html;
mod html_meta;
mod json;
mod lang;
mod plain;
mod shared;
mod text_convert;
mod warc_archive;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use corroborate_model::{Report, Skipped};
use thiserror::Error;

use shared::strip_bom;

use clean::wire_attribution;
pub use dates::{parse_iso_date, NotADate};
use decode::decode_html;
pub use feed::FeedReader;
pub use front_matter::{split_front_matter, FrontMatter};
pub use html::{report_from_html, HtmlReader};
pub use json::JsonReader;
use lang::detect_language;
pub use plain::PlainTextReader;
use text_convert::html_to_text;
pub use warc_archive::WarcArchiveReader;

/// Largest report accepted by default (bytes). `--max-report-bytes` raises it.
pub const DEFAULT_MAX_REPORT_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, Error)]
pub enum IngestError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("not valid UTF-8 text (first bad byte at offset {offset})")]
    InvalidUtf8 { offset: usize },
    #[error("empty file")]
    Empty,
    #[error(
        "file is {size} bytes, over the limit of {limit} bytes (raise it with --max-report-bytes)"
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("binary data (NUL byte at offset {offset}), not a text report")]
    Binary { offset: usize },
    #[error("front matter: {0}")]
    FrontMatter(String),
    #[error("no text after the front matter")]
    NoBody,
    #[error("unsupported file type: {0}")]
    Unsupported(String),
    #[error("no report text found (only markup or boilerplate)")]
    NoText,
    #[error("{0}")]
    Malformed(String),
    #[error("no report in the input ({problems} records left out, first: {first})")]
    NoReports { problems: usize, first: String },
}

/// A record inside a multi-record input (a JSON line, a feed item, a WARC
/// record) that was left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordProblem {
    /// Where in the input: "line 3", "record 2", "item 4".
    pub location: String,
    pub reason: String,
}

impl RecordProblem {
    pub(crate) fn new(location: impl Into<String>, reason: impl Into<String>) -> Self {
        RecordProblem {
            location: location.into(),
            reason: reason.into(),
        }
    }
}

/// What one input gave: its reports and the records left out.
#[derive(Debug, Default)]
pub struct ReadOutcome {
    pub reports: Vec<Report>,
    pub problems: Vec<RecordProblem>,
}

impl ReadOutcome {
    pub(crate) fn single(report: Report) -> Self {
        ReadOutcome {
            reports: vec![report],
            problems: Vec::new(),
        }
    }
}

/// Reads one kind of input into reports.
pub trait ReportReader: Send + Sync {
    /// True when this reader handles files with this path.
    fn accepts(&self, path: &Path) -> bool;
    /// Parses the bytes of one input. `source` is the path as given.
    fn read(&self, source: &str, bytes: &[u8]) -> Result<ReadOutcome, IngestError>;
    /// Parses one input from a stream. The default reads the whole input
    /// (refusing more than `options.max_report_bytes`) and calls
    /// [`ReportReader::read`]; record-oriented readers override it to apply
    /// the cap per record instead.
    fn read_stream(
        &self,
        source: &str,
        input: &mut dyn BufRead,
        options: &IngestOptions,
    ) -> Result<ReadOutcome, IngestError> {
        let bytes = read_bounded(input, options.max_report_bytes)?;
        self.read(source, &bytes)
    }
}

/// The readers corroborate knows, in the order they are tried.
pub fn default_readers() -> Vec<Box<dyn ReportReader>> {
    vec![
        Box::new(PlainTextReader),
        Box::new(HtmlReader),
        Box::new(JsonReader),
        Box::new(FeedReader),
        Box::new(WarcArchiveReader),
    ]
}

/// Options for reading inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub max_report_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_report_bytes: DEFAULT_MAX_REPORT_BYTES,
        }
    }
}

/// The media types a report may arrive as (an upload, a request body),
/// each with the file extension whose reader reads it.
pub const REPORT_MEDIA_TYPES: &[(&str, &str)] = &[
    ("text/plain", "txt"),
    ("text/markdown", "md"),
    ("text/x-markdown", "md"),
    ("text/html", "html"),
    ("application/xhtml+xml", "html"),
    ("application/json", "json"),
];

/// The extension of the reader for a media type (lower case, without
/// parameters), if any reader takes it.
pub fn extension_for_media_type(media_type: &str) -> Option<&'static str> {
    REPORT_MEDIA_TYPES
        .iter()
        .find(|(name, _)| *name == media_type)
        .map(|(_, extension)| *extension)
}

/// A `Content-Type` that no reader takes.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "cannot read a report sent as {given:?}; send one of: {}",
    REPORT_MEDIA_TYPES.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ")
)]
pub struct UnsupportedMediaType {
    pub given: String,
}

/// The extension of the reader for a `Content-Type` header value
/// (parameters such as `charset` ignored, case-insensitive).
pub fn extension_for_content_type(
    content_type: &str,
) -> Result<&'static str, UnsupportedMediaType> {
    extension_for_media_type(&media_type_essence(content_type)).ok_or_else(|| {
        UnsupportedMediaType {
            given: content_type.to_string(),
        }
    })
}

/// A `Content-Type` value's media type without parameters, lower case
/// ("Text/HTML; charset=utf-8" → "text/html").
pub fn media_type_essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// What reading a set of paths produced.
#[derive(Debug, Default)]
pub struct Ingested {
    pub reports: Vec<Report>,
    pub skipped: Vec<Skipped>,
}

/// Expands `paths` into the files to read: folders recursively, sorted,
/// hidden entries skipped, symbolic links followed (a broken link or a
/// loop is a skipped entry with its reason, never silently dropped);
/// files given explicitly are always kept so that an unsupported one is
/// reported rather than silently ignored. The
/// workspace reads them in batches with [`read_all`].
pub fn collect_inputs(
    paths: &[PathBuf],
    readers: &[Box<dyn ReportReader>],
) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(path.clone());
            continue;
        }
        if !path.exists() {
            skipped.push(skipped_entry(path, "no such file or folder"));
            continue;
        }
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        for entry in walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
        {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    if readers.iter().any(|r| r.accepts(e.path())) {
                        files.push(e.into_path());
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    let where_ = err.path().unwrap_or(path).to_path_buf();
                    skipped.push(skipped_entry(&where_, &err.to_string()));
                }
            }
        }
    }
    (files, skipped)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn skipped_entry(path: &Path, reason: &str) -> Skipped {
    Skipped {
        source: path.display().to_string(),
        reason: reason.to_string(),
    }
}

/// Reads every path, giving each report a unique id. Records left out of
/// multi-record inputs become [`Skipped`] entries with `path:location`.
pub fn read_all(
    paths: &[PathBuf],
    readers: &[Box<dyn ReportReader>],
    options: &IngestOptions,
) -> Ingested {
    let (files, skipped) = collect_inputs(paths, readers);
    let mut ingested = read_files(&files, readers, options);
    ingested.skipped.splice(0..0, skipped);
    ingested
}

/// Reads files already listed by [`collect_inputs`] (or `-`), as
/// [`read_all`] does.
pub fn read_files(
    files: &[PathBuf],
    readers: &[Box<dyn ReportReader>],
    options: &IngestOptions,
) -> Ingested {
    let mut ingested = Ingested::default();
    for file in files {
        let source = file.display().to_string();
        ingested.add(&source, read_file(file, readers, options));
    }
    ingested.finish()
}

/// Reads one input held in memory (a posted report) as a file called
/// `name` would be read: `name`'s extension picks the reader.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    readers: &[Box<dyn ReportReader>],
    options: &IngestOptions,
) -> Ingested {
    let path = Path::new(name);
    let outcome = readers
        .iter()
        .find(|r| r.accepts(path))
        .ok_or_else(|| IngestError::Unsupported(extension_of(path)))
        .and_then(|reader| reader.read_stream(name, &mut &bytes[..], options));
    let mut ingested = Ingested::default();
    ingested.add(name, outcome);
    ingested.finish()
}

impl Ingested {
    /// Takes one input's reports, and its problems as skipped entries.
    fn add(&mut self, source: &str, outcome: Result<ReadOutcome, IngestError>) {
        match outcome {
            Ok(outcome) => {
                self.reports.extend(outcome.reports);
                self.skipped
                    .extend(outcome.problems.into_iter().map(|p| Skipped {
                        source: format!("{source}:{}", p.location),
                        reason: p.reason,
                    }));
            }
            Err(err) => self.skipped.push(Skipped {
                source: source.to_string(),
                reason: err.to_string(),
            }),
        }
    }

    /// Unique ids, languages and credited sources over all reports read.
    fn finish(mut self) -> Ingested {
        assign_unique_ids(&mut self.reports);
        label_languages(&mut self.reports);
        label_credited_sources(&mut self.reports);
        self
    }
}

/// Records the wire or outlet a report credits, from its text or from the
/// credit lines cleaning took out.
pub(crate) fn label_credited_sources(reports: &mut [Report]) {
    for report in reports {
        if report.meta.credited_source.is_some() {
            continue;
        }
        let removed = report.removed.iter().map(|r| r.text.as_str());
        let credited =
            wire_attribution(&report.text).or_else(|| removed.filter_map(wire_attribution).next());
        report.meta.credited_source = credited;
    }
}

/// Shortest text whose language is worth telling.
const MIN_CHARS_FOR_LANGUAGE: usize = 200;
/// Lowest confidence at which a language is recorded.
const MIN_LANGUAGE_CONFIDENCE: f64 = 0.8;

/// Records each report's language when it can be told with confidence;
/// short texts are left unlabelled rather than guessed.
pub(crate) fn label_languages(reports: &mut [Report]) {
    for report in reports {
        if report.meta.language.is_some() || report.text.len() < MIN_CHARS_FOR_LANGUAGE {
            continue;
        }
        if let Some((code, confidence)) = detect_language(&report.text) {
            if confidence >= MIN_LANGUAGE_CONFIDENCE {
                report.meta.language = Some(code);
            }
        }
    }
}

/// Reads one file (or `-` for standard input) and returns its reports; an
/// input whose every record was left out is an error naming the first
/// problem. [`read_file`] also returns the problems of a partial read.
pub fn read_one(
    path: &Path,
    readers: &[Box<dyn ReportReader>],
    options: &IngestOptions,
) -> Result<Vec<Report>, IngestError> {
    let outcome = read_file(path, readers, options)?;
    if outcome.reports.is_empty() {
        if let Some(first) = outcome.problems.first() {
            return Err(IngestError::NoReports {
                problems: outcome.problems.len(),
                first: format!("{}: {}", first.location, first.reason),
            });
        }
    }
    Ok(outcome.reports)
}

/// Reads one file (or `-` for standard input) with the first reader that
/// accepts it; standard input goes to the reader its first bytes suggest.
pub(crate) fn read_file(
    path: &Path,
    readers: &[Box<dyn ReportReader>],
    options: &IngestOptions,
) -> Result<ReadOutcome, IngestError> {
    let source = path.display().to_string();
    if path.as_os_str() == "-" {
        let mut input = BufReader::with_capacity(64 * 1024, std::io::stdin().lock());
        let reader = pick_for_stdin(&mut input, readers)?;
        return reader.read_stream(&source, &mut input, options);
    }
    let reader = readers
        .iter()
        .find(|r| r.accepts(path))
        .ok_or_else(|| IngestError::Unsupported(extension_of(path)))?;
    let file = std::fs::File::open(path)?;
    let mut input = BufReader::with_capacity(64 * 1024, file);
    reader
        .read_stream(&source, &mut input, options)
        .map_err(|err| match err {
            IngestError::TooLarge { limit, .. } => IngestError::TooLarge {
                size: std::fs::metadata(path)
                    .map(|m| m.len())
                    .unwrap_or(limit + 1),
                limit,
            },
            other => other,
        })
}

/// Chooses a reader for standard input from its first bytes: the reader
/// accepting the extension those bytes look like (`.warc`, `.html`, …),
/// else the first reader (plain text).
fn pick_for_stdin<'r>(
    input: &mut dyn BufRead,
    readers: &'r [Box<dyn ReportReader>],
) -> Result<&'r dyn ReportReader, IngestError> {
    let head = input.fill_buf()?;
    let pretend = Path::new(sniff_extension(head));
    readers
        .iter()
        .find(|r| r.accepts(pretend))
        .or_else(|| readers.first())
        .map(|r| r.as_ref())
        .ok_or_else(|| IngestError::Unsupported("standard input".to_string()))
}

/// The file extension the start of an input suggests.
fn sniff_extension(head: &[u8]) -> &'static str {
    let head = strip_bom(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let trimmed = head.get(start..).unwrap_or_default();
    let lower: Vec<u8> = trimmed
        .iter()
        .take(512)
        .map(u8::to_ascii_lowercase)
        .collect();
    let contains = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if head.starts_with(&[0x1f, 0x8b]) || trimmed.starts_with(b"WARC/") {
        "stdin.warc"
    } else if trimmed.starts_with(b"{") || trimmed.starts_with(b"[") {
        "stdin.jsonl"
    } else if contains(b"<rss") || contains(b"<feed") || contains(b"<rdf:rdf") {
        "stdin.rss"
    } else if contains(b"<html") || contains(b"<!doctype html") || contains(b"<body") {
        "stdin.html"
    } else {
        "stdin.txt"
    }
}

fn extension_of(path: &Path) -> String {
    path.extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_else(|| "no extension".to_string())
}

/// Reads at most `limit` bytes; a larger input is an error, not truncated
/// data (its size is reported as `limit + 1`; [`read_file`] puts in the
/// file's real size).
pub(crate) fn read_bounded(input: &mut dyn Read, limit: u64) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    input
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(IngestError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// True when `path`'s extension (lower-cased) is one of `extensions`.
pub(crate) fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
}

/// Validates that bytes are text: UTF-8 (a BOM is dropped), no NUL bytes,
/// not empty.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<&str, IngestError> {
    let bytes = strip_bom(bytes);
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(text)
}

/// Derives an id from the file stem ("reports/003_abc.txt" → "003_abc");
/// ids that would repeat get a numeric suffix.
pub(crate) fn assign_unique_ids(reports: &mut [Report]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for report in reports.iter_mut() {
        let base = if report.meta.id.is_empty() {
            id_from_source(&report.meta.source)
        } else {
            report.meta.id.clone()
        };
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        report.meta.id = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
    }
}

fn id_from_source(source: &str) -> String {
    if source == "-" {
        return "stdin".to_string();
    }
    let stem = Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if cleaned.is_empty() {
        "report".to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn bytes_read_like_a_file_of_that_name() {
        let body = b"---\ntitle: Curfew lifted\n---\nThe curfew in Dravik was lifted on Monday.\n";
        let read = read_bytes(
            "upload-1.md",
            body,
            &default_readers(),
            &IngestOptions::default(),
        );
        assert_eq!(read.reports.len(), 1, "{:?}", read.skipped);
        assert_eq!(read.reports[0].meta.title, "Curfew lifted");
        assert_eq!(read.reports[0].meta.source, "upload-1.md");
        let refused = read_bytes(
            "upload-1.png",
            body,
            &default_readers(),
            &IngestOptions::default(),
        );
        assert!(refused.reports.is_empty());
        assert_eq!(refused.skipped.len(), 1);
        assert_eq!(refused.skipped[0].source, "upload-1.png");
    }

    #[test]
    fn content_types_name_a_reader_whatever_their_parameters_and_case() {
        assert_eq!(
            extension_for_content_type("Text/HTML; charset=utf-8"),
            Ok("html")
        );
        assert_eq!(media_type_essence(" text/markdown ;q=1"), "text/markdown");
        let refused = extension_for_content_type("image/png").expect_err("no image reader");
        assert!(refused.to_string().contains("text/plain"), "{refused}");
    }

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create test folder");
        }
        fs::write(&path, bytes).expect("write test file");
        path
    }

    #[test]
    fn reads_folders_recursively_and_reports_bad_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "a.txt", b"Title A\n\nBody of a.");
        write(dir.path(), "sub/b.md", b"---\ntitle: B\n---\nBody of b.");
        write(dir.path(), "sub/empty.txt", b"  \n");
        write(dir.path(), "bad.txt", b"ok then \xFF\xFE broken");
        write(dir.path(), "bin.txt", b"abc\0def");
        write(dir.path(), "image.png", b"\x89PNG");
        write(dir.path(), ".hidden/c.txt", b"hidden");
        let readers = default_readers();
        let got = read_all(
            &[dir.path().to_path_buf()],
            &readers,
            &IngestOptions::default(),
        );
        let titles: Vec<_> = got.reports.iter().map(|r| r.meta.title.as_str()).collect();
        assert_eq!(titles, vec!["Title A", "B"]);
        let reasons: Vec<_> = got
            .skipped
            .iter()
            .map(|s| {
                (
                    Path::new(&s.source).file_name().unwrap().to_owned(),
                    s.reason.clone(),
                )
            })
            .collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(reasons
            .iter()
            .any(|(n, r)| n == "bad.txt" && r.contains("UTF-8")));
        assert!(reasons
            .iter()
            .any(|(n, r)| n == "bin.txt" && r.contains("NUL")));
        assert!(reasons
            .iter()
            .any(|(n, r)| n == "empty.txt" && r.contains("empty")));
    }

    #[test]
    fn explicit_unsupported_and_missing_files_are_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        let png = write(dir.path(), "image.png", b"\x89PNG");
        let missing = dir.path().join("nope.txt");
        let got = read_all(
            &[png, missing],
            &default_readers(),
            &IngestOptions::default(),
        );
        assert!(got.reports.is_empty());
        assert!(got.skipped[0].reason.contains("no such file"));
        assert!(got.skipped[1]
            .reason
            .contains("unsupported file type: .png"));
    }

    #[test]
    fn oversized_reports_are_refused_with_the_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let big = write(dir.path(), "big.txt", &vec![b'a'; 2000]);
        let options = IngestOptions {
            max_report_bytes: 1000,
        };
        let got = read_all(&[big], &default_readers(), &options);
        assert!(got.skipped[0].reason.contains("over the limit of 1000"));
    }

    #[test]
    fn standard_input_format_is_sniffed() {
        assert_eq!(sniff_extension(b"WARC/1.0\r\n"), "stdin.warc");
        assert_eq!(sniff_extension(&[0x1f, 0x8b, 8, 0]), "stdin.warc");
        assert_eq!(sniff_extension(b"\n {\"text\": 1}"), "stdin.jsonl");
        assert_eq!(
            sniff_extension(b"<?xml version=\"1.0\"?><rss>"),
            "stdin.rss"
        );
        assert_eq!(
            sniff_extension(b"\xEF\xBB\xBF<!DOCTYPE HTML><html>"),
            "stdin.html"
        );
        assert_eq!(sniff_extension(b"Title\n\nBody <b>not html"), "stdin.txt");
        let readers = default_readers();
        let mut input: &[u8] = b"<html><body><p>x</p></body></html>";
        let reader = pick_for_stdin(&mut input, &readers).expect("picked");
        assert!(reader.accepts(Path::new("x.html")));
    }

    #[test]
    fn read_one_fails_only_when_every_record_failed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bad = write(dir.path(), "bad.jsonl", b"{nope\n{\"title\":\"no text\"}\n");
        let err = read_one(&bad, &default_readers(), &IngestOptions::default()).unwrap_err();
        assert!(err
            .to_string()
            .contains("2 records left out, first: line 1: invalid JSON"));
        let mixed = write(dir.path(), "mixed.jsonl", b"{nope\n{\"text\":\"Fine.\"}\n");
        let got = read_one(&mixed, &default_readers(), &IngestOptions::default()).expect("ok");
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn languages_are_labelled_only_when_clear() {
        let mut reports = vec![Report::default(), Report::default(), Report::default()];
        reports[0].text = "Protesters gathered in the main square on Tuesday morning and marched towards the ministry, where police had set up barriers. Officials said the talks would resume next week, but union leaders warned that the strike would continue until the new tariffs were withdrawn.".into();
        reports[1].text = "Демонстранты собрались на главной площади во вторник утром и пошли к министерству, где полиция поставила заграждения. Чиновники сказали, что переговоры продолжатся на следующей неделе, но профсоюзы предупредили, что забастовка продолжится.".into();
        reports[2].text = "Too short to tell.".into();
        label_languages(&mut reports);
        assert_eq!(reports[0].meta.language.as_deref(), Some("eng"));
        assert_eq!(reports[1].meta.language.as_deref(), Some("rus"));
        assert_eq!(reports[2].meta.language, None);
        assert!(!reports[1].meta.is_english());
    }

    #[test]
    fn ids_come_from_file_names_and_stay_unique() {
        let mut reports = vec![Report::default(), Report::default()];
        reports[0].meta.source = "x/report one.txt".into();
        reports[1].meta.source = "y/report one.md".into();
        assign_unique_ids(&mut reports);
        assert_eq!(reports[0].meta.id, "report_one");
        assert_eq!(reports[1].meta.id, "report_one-2");
    }
}
