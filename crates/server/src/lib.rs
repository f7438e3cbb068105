//! The workspace's HTTP server: the JSON API (documented in
//! `openapi.json`) and the web app, over a [`Backend`] that holds the
//! reports and their merged analysis.
//!
//! [`router`] gives the axum application; [`serve_blocking`] runs it on
//! its own tokio runtime until Ctrl-C or SIGTERM.

mod api;
mod assets;
mod error;
mod options;
mod query;
mod routes;
mod security;
mod serve;
mod stories;
mod updates;

use std::sync::Arc;

pub use options::{ServeOptions, ServerError};
pub use routes::router;
pub use serve::serve_blocking;

use corroborate_model::{Analysis, EntityKind, Report};
pub use corroborate_search::SearchHit;
use serde::{Deserialize, Serialize};

/// Why a backend call failed; each maps to one HTTP status.
#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    /// The request's content cannot be used (400).
    #[error("{0}")]
    BadInput(String),
    /// Nothing has this id (404).
    #[error("{0}")]
    NotFound(String),
    /// The store or index failed (500).
    #[error("{0}")]
    Internal(String),
}

/// A report posted to the API, as `analyze` would read it from a file.
#[derive(Debug, Clone)]
pub struct Upload {
    pub body: Vec<u8>,
    /// The request's `Content-Type` (text/plain, text/markdown, text/html,
    /// application/json), which picks the reader.
    pub content_type: Option<String>,
}

/// What adding a report did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Added {
    pub id: String,
    /// The same content was already in the workspace (nothing was redone).
    pub already_present: bool,
}

/// A correction to entity merging, persisted like the curation file's
/// `merge`, `split` and `kinds` entries.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum CurationChange {
    /// These names are one entity.
    Merge { names: Vec<String> },
    /// These names are different entities.
    Split { names: Vec<String> },
    /// This name is of this kind.
    Kind { name: String, kind: EntityKind },
}

/// What the API reads at one moment.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The merged analysis of every report merged so far.
    pub merged: Arc<Analysis>,
    /// Reports added since `merged` was computed, analysed among
    /// themselves only; shown at once, marked pending, until the next merge.
    pub pending: Arc<Analysis>,
    /// Grows whenever what the API shows changes (see [`Backend::revision`]).
    pub revision: u64,
}

/// The workspace as the server sees it.
pub trait Backend: Send + Sync + 'static {
    /// The current view, without waiting for a merge in progress.
    fn snapshot(&self) -> Result<Snapshot, BackendError>;
    /// The merged analysis of every report, waiting for a merge in
    /// progress: the same document `analyze --format json` gives.
    fn analysis(&self) -> Result<Arc<Analysis>, BackendError>;
    /// One report: metadata and cleaned text (offsets refer to it).
    fn report(&self, id: &str) -> Result<Option<Report>, BackendError>;
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, BackendError>;
    fn add_report(&self, upload: Upload) -> Result<Added, BackendError>;
    fn curate(&self, change: CurationChange) -> Result<(), BackendError>;
    /// Grows whenever what the API shows changes — reports added,
    /// curation, a background merge landing — for polling and events.
    ///
    /// Must be cheap and must not block (take no lock that a merge or a
    /// store write holds, do no I/O): the server calls it on its async
    /// workers, every 250 ms for each open event stream.
    fn revision(&self) -> u64;
}
