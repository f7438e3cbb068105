//! Storage of a workspace: its reports (keyed by id and by content hash),
//! each report's extraction annotations (keyed by content hash and
//! extractor version), the inputs that could not be read, the merged
//! analysis and a revision counter.
//!
//! [`Store`] is the narrow interface the workspace codes against, so that
//! another backend (PostgreSQL) can follow without touching the pipeline.
//! [`SqliteStore`] keeps a workspace on disk; [`MemoryStore`] keeps one in
//! memory (tests, throw-away workspaces). Both pass one contract suite.

mod codec;
mod memory;
mod sqlite;

#[cfg(test)]
mod contract;

use std::fmt;

use corroborate_model::{Analysis, Annotations, Report, ReportMeta, Skipped};
use serde::{Deserialize, Serialize};

pub use memory::MemoryStore;
pub use sqlite::{SqliteStore, SCHEMA_VERSION};

/// Why a store call failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a SQLite database.
    #[error("{path} is not a corroborate workspace database")]
    NotADatabase { path: String },
    /// The database was written by a version with another schema.
    #[error("{path} has schema version {found}; this program reads version {expected}")]
    IncompatibleSchema {
        path: String,
        found: String,
        expected: u32,
    },
    /// Another report already has this id.
    #[error("a report with id {0} is already stored")]
    DuplicateId(String),
    /// A report with this content is already stored.
    #[error("a report with content hash {0} is already stored")]
    DuplicateContent(ContentHash),
    /// A stored value could not be encoded or decoded.
    #[error("stored data is corrupt or unreadable: {0}")]
    Codec(String),
    /// The database failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// The hash of a report's content (its cleaned text and the metadata that
/// affects extraction and merging): the key for de-duplication and for
/// cached annotations.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentHash(pub [u8; 32]);

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl fmt::Debug for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ContentHash({self})")
    }
}

/// A stored report and its place in the workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredReport {
    /// Order of insertion: the merge reads reports in this order.
    pub seq: u64,
    pub hash: ContentHash,
    pub report: Report,
}

/// What extraction made of one report: its annotations and its metadata
/// as extraction completed it (a publication date read from or inferred
/// from the text). The annotations are stored without their tokens: they
/// are the tokens of the report's text, most of the annotations' bytes,
/// and quicker to compute again than to decode (merging needs none).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extracted {
    pub meta: ReportMeta,
    pub annotations: Annotations,
}

/// A stored report with its annotations for one extractor version, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAnnotated {
    pub stored: StoredReport,
    /// `None` when the report has not been extracted by that version.
    pub extracted: Option<Extracted>,
}

/// The merged analysis and what it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAnalysis {
    pub analysis: Analysis,
    /// The store's revision the analysis was merged at.
    pub revision: u64,
    /// How many reports it covers.
    pub report_count: u64,
}

/// How much a store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub reports: u64,
    /// Annotation entries, all extractor versions together.
    pub annotations: u64,
    pub skipped: u64,
}

/// A workspace's storage. Writes taking a slice are one transaction.
pub trait Store: Send {
    /// Stores new reports, in order, after those already stored. Fails
    /// (storing none of them) when an id or a content hash is taken.
    /// A skipped entry with the same source as a stored report is dropped.
    fn put_reports(&mut self, reports: &[(ContentHash, &Report)]) -> Result<(), StoreError>;
    fn report(&self, id: &str) -> Result<Option<StoredReport>, StoreError>;
    /// Whether a report has this id (without reading it).
    fn has_id(&self, id: &str) -> Result<bool, StoreError>;
    /// The id of the report with this content, if stored.
    fn id_of_hash(&self, hash: &ContentHash) -> Result<Option<String>, StoreError>;

    /// Stores annotations keyed by content hash and extractor version,
    /// replacing any under the same key. They are encoded compactly (not
    /// self-describing): the version must change whenever the model's
    /// types do, so that an entry is only read by the types that wrote it.
    fn put_annotations(
        &mut self,
        version: &str,
        entries: &[(ContentHash, &Extracted)],
    ) -> Result<(), StoreError>;
    fn annotations(
        &self,
        hash: &ContentHash,
        version: &str,
    ) -> Result<Option<Extracted>, StoreError>;
    /// Drops the annotations of every other extractor version; returns how
    /// many entries went.
    fn prune_annotations(&mut self, keep_version: &str) -> Result<u64, StoreError>;
    /// Up to `limit` reports with a sequence number above `after_seq`, in
    /// order, each with its annotations for `version` when stored. Callers
    /// page through the whole store without holding all of it.
    fn annotated_page(
        &self,
        version: &str,
        after_seq: u64,
        limit: usize,
    ) -> Result<Vec<StoredAnnotated>, StoreError>;

    /// Up to `limit` reports with a sequence number above `after_seq` that
    /// have no annotations for `version`, in order (to re-extract them).
    fn unannotated_page(
        &self,
        version: &str,
        after_seq: u64,
        limit: usize,
    ) -> Result<Vec<StoredReport>, StoreError>;

    /// Records inputs that could not be read (one entry per source; a
    /// newer reason replaces an older one).
    fn put_skipped(&mut self, skipped: &[Skipped]) -> Result<(), StoreError>;
    /// The recorded inputs that could not be read, in the order first seen.
    fn skipped(&self) -> Result<Vec<Skipped>, StoreError>;

    /// Stores the merged analysis (replacing the previous one), merged at
    /// `revision` over `report_count` reports.
    fn put_analysis(
        &mut self,
        analysis: &Analysis,
        revision: u64,
        report_count: u64,
    ) -> Result<(), StoreError>;
    fn analysis(&self) -> Result<Option<StoredAnalysis>, StoreError>;
    /// The revision of the stored analysis, without reading it.
    fn analysis_revision(&self) -> Result<Option<u64>, StoreError>;

    /// Grows whenever reports or curation change.
    fn revision(&self) -> Result<u64, StoreError>;
    /// Increments the revision and returns the new one.
    fn bump_revision(&mut self) -> Result<u64, StoreError>;
    fn counts(&self) -> Result<Counts, StoreError>;

    /// Calls `each` with consecutive pages of at most `page_size` stored
    /// reports (see [`Store::annotated_page`]) until all were seen.
    fn for_each_annotated(
        &self,
        version: &str,
        page_size: usize,
        each: &mut dyn FnMut(Vec<StoredAnnotated>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut after = 0;
        loop {
            let page = self.annotated_page(version, after, page_size.max(1))?;
            let Some(last) = page.last() else {
                return Ok(());
            };
            after = last.stored.seq;
            each(page)?;
        }
    }
}
