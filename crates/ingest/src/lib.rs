//! Ingest: turn paths into [`Report`]s.
//!
//! * [`collect_inputs`] walks files and folders (recursively, in a stable
//!   order) and keeps the files some [`ReportReader`] accepts.
//! * A [`ReportReader`] turns one file's bytes into reports. Readers exist
//!   for plain text and Markdown with optional YAML front matter; more
//!   formats plug in behind the same trait.
//! * Failures are values: every input that cannot be read becomes a
//!   [`Skipped`] entry with its path and a specific reason, and the run
//!   goes on with the others.

mod clean;
mod front_matter;
mod plain;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use corroborate_model::{Report, Skipped};
use thiserror::Error;

pub use front_matter::{split_front_matter, FrontMatter};
pub use plain::PlainTextReader;

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
}

/// Reads one kind of input into reports.
pub trait ReportReader: Send + Sync {
    /// True when this reader handles files with this path.
    fn accepts(&self, path: &Path) -> bool;
    /// Parses the bytes of one input. `source` is the path as given.
    fn read(&self, source: &str, bytes: &[u8]) -> Result<Vec<Report>, IngestError>;
}

/// The readers corroborate knows, in the order they are tried.
pub fn default_readers() -> Vec<Box<dyn ReportReader>> {
    vec![Box::new(PlainTextReader)]
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

/// What reading a set of paths produced.
#[derive(Debug, Default)]
pub struct Ingested {
    pub reports: Vec<Report>,
    pub skipped: Vec<Skipped>,
}

/// Expands `paths` into the files to read: folders recursively, sorted,
/// hidden entries skipped; files given explicitly are always kept so that
/// an unsupported one is reported rather than silently ignored.
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

/// Reads every path, giving each report a unique id.
pub fn read_all(
    paths: &[PathBuf],
    readers: &[Box<dyn ReportReader>],
    options: &IngestOptions,
) -> Ingested {
    let (files, mut skipped) = collect_inputs(paths, readers);
    let mut reports = Vec::new();
    for file in &files {
        match read_one(file, readers, options) {
            Ok(found) => reports.extend(found),
            Err(err) => skipped.push(skipped_entry(file, &err.to_string())),
        }
    }
    assign_unique_ids(&mut reports);
    Ingested { reports, skipped }
}

/// Reads one file (or `-` for standard input) with the first reader that
/// accepts it.
pub fn read_one(
    path: &Path,
    readers: &[Box<dyn ReportReader>],
    options: &IngestOptions,
) -> Result<Vec<Report>, IngestError> {
    let source = path.display().to_string();
    let reader = readers
        .iter()
        .find(|r| path.as_os_str() == "-" || r.accepts(path))
        .ok_or_else(|| IngestError::Unsupported(extension_of(path)))?;
    let bytes = read_bounded(path, options.max_report_bytes)?;
    reader.read(&source, &bytes)
}

fn extension_of(path: &Path) -> String {
    path.extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_else(|| "no extension".to_string())
}

/// Reads at most `limit` bytes; a larger input is an error, not truncated data.
fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path)?)
    };
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        let size = std::fs::metadata(path)
            .map(|m| m.len())
            .unwrap_or(bytes.len() as u64);
        return Err(IngestError::TooLarge { size, limit });
    }
    Ok(bytes)
}

/// Validates that bytes are text: UTF-8 (a BOM is dropped), no NUL bytes,
/// not empty.
pub fn decode_text(bytes: &[u8]) -> Result<&str, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
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
pub fn assign_unique_ids(reports: &mut [Report]) {
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
    fn ids_come_from_file_names_and_stay_unique() {
        let mut reports = vec![Report::default(), Report::default()];
        reports[0].meta.source = "x/report one.txt".into();
        reports[1].meta.source = "y/report one.md".into();
        assign_unique_ids(&mut reports);
        assert_eq!(reports[0].meta.id, "report_one");
        assert_eq!(reports[1].meta.id, "report_one-2");
    }
}
