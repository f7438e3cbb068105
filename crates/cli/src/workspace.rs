//! A workspace: a folder holding an analyst's reports, their cached
//! extraction annotations and their merged analysis (`corroborate.db`),
//! and the curation file (`corroborate.toml`) `analyze` reads.
//!
//! Adding reports reads them with the same readers as `analyze`, hashes
//! each one's content, skips content already stored, extracts the new
//! reports in bounded batches and then merges the whole workspace exactly
//! as `analyze` would (extract → date refinement → merge), so the stored
//! analysis equals `analyze`'s on the same reports, ids included.
//!
//! [`SharedWorkspace`] is the workspace as the HTTP server sees it
//! ([`corroborate_server::Backend`]): an added report is visible at once
//! in [`Snapshot::pending`] while the whole workspace is re-merged on a
//! background thread.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, RwLock};

use corroborate_ingest::{
    collect_inputs, default_readers, extension_for_content_type, read_bytes, read_files,
    IngestOptions,
};
use corroborate_merge::Curation;
use corroborate_model::{Analysis, AnnotatedReport, Report, Skipped};
use corroborate_server::{
    Added, Backend, BackendError, CurationChange, SearchHit, Snapshot, Upload,
};
use corroborate_store::{
    ContentHash, Extracted, SqliteStore, Store, StoreError, StoredAnalysis, StoredReport,
};

use corroborate_search::{SearchError, SearchIndex};

use crate::pipeline::{load_curation, release_tokens, GazetteerGeocoder, CURATION_FILE};

/// Changes whenever the program's extraction changes: the package version
/// plus a fingerprint of the extraction crates' sources, the NER model and
/// the gazetteer and word lists compiled in (computed by `build.rs`).
/// Stored reports are re-extracted from their stored text when it changes.
pub const EXTRACTOR_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "+",
    env!("CORROBORATE_EXTRACTION_FINGERPRINT")
);

/// The workspace's database, inside its folder.
pub const DATABASE_FILE: &str = "corroborate.db";

/// The workspace's full-text index, inside its folder.
pub const SEARCH_FOLDER: &str = "search";

/// Reports read, extracted and written at a time: memory stays bounded
/// whatever the number of inputs.
const BATCH_SIZE: usize = 500;

/// Why a workspace operation failed.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("{0} is a file, not a workspace folder")]
    NotAFolder(PathBuf),
    #[error("cannot create the workspace folder {path}: {source}")]
    CannotCreate {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the workspace folder {path} is not writable: {source}")]
    NotWritable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The curation file cannot be read or written.
    #[error("curation file {0}")]
    Curation(String),
    /// An uploaded report cannot be read.
    #[error("{0}")]
    BadUpload(String),
    #[error("workspace database: {0}")]
    Store(#[from] StoreError),
    #[error("workspace search index: {0}")]
    Search(#[from] SearchError),
    #[error("the search index lock is poisoned")]
    SearchLock,
    #[error("cannot start a background merge: {0}")]
    MergeThread(String),
}

/// What adding inputs did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddSummary {
    /// Reports stored and extracted.
    pub added: usize,
    /// Reports whose content was already stored (nothing was redone).
    pub already_present: usize,
    /// Stored reports extracted again for a new extractor version.
    pub re_extracted: usize,
    /// Inputs that could not be read, and why.
    pub skipped: Vec<Skipped>,
}

/// One report of an upload: its id and whether it was new.
#[derive(Debug, Clone, PartialEq)]
pub struct UploadedReport {
    pub id: String,
    pub already_present: bool,
    /// A new report as extraction left it (before date refinement).
    pub annotated: Option<AnnotatedReport>,
}

/// Everything a merge reads, taken from the store at one revision.
#[derive(Debug)]
pub struct MergeInput {
    annotated: Vec<AnnotatedReport>,
    skipped: Vec<Skipped>,
    curation: Curation,
    revision: u64,
}

/// A merged analysis and what it covers.
#[derive(Debug)]
pub struct Merged {
    pub analysis: Analysis,
    /// The store's revision the merge read.
    pub revision: u64,
    pub report_count: u64,
}

impl MergeInput {
    /// The annotated reports the merge will read.
    pub fn reports(&self) -> &[AnnotatedReport] {
        &self.annotated
    }

    /// Runs date refinement and the merge, as `analyze` does.
    pub fn merge(mut self) -> Merged {
        corroborate_extract::infer::refine_undated(&mut self.annotated);
        let analysis = corroborate_merge::merge(
            &self.annotated,
            &GazetteerGeocoder,
            &self.curation,
            self.skipped,
        );
        Merged {
            analysis,
            revision: self.revision,
            report_count: self.annotated.len() as u64,
        }
    }
}

/// A workspace folder opened for reading and adding.
pub struct Workspace {
    dir: PathBuf,
    store: Box<dyn Store>,
    curation: Curation,
    extractor_version: String,
    /// Shared with the server, which searches without the workspace lock.
    search: Arc<RwLock<SearchIndex>>,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("dir", &self.dir)
            .field("extractor_version", &self.extractor_version)
            .finish()
    }
}

impl Workspace {
    /// Opens the workspace in `dir`, creating the folder and its database
    /// when missing.
    pub fn open(dir: &Path) -> Result<Self, WorkspaceError> {
        Workspace::open_with_version(dir, EXTRACTOR_VERSION)
    }

    /// [`Workspace::open`] with another extractor version (tests use it to
    /// stand for a changed extraction).
    pub fn open_with_version(dir: &Path, extractor_version: &str) -> Result<Self, WorkspaceError> {
        if dir.exists() && !dir.is_dir() {
            return Err(WorkspaceError::NotAFolder(dir.to_path_buf()));
        }
        std::fs::create_dir_all(dir).map_err(|source| WorkspaceError::CannotCreate {
            path: dir.to_path_buf(),
            source,
        })?;
        tempfile::tempfile_in(dir).map_err(|source| WorkspaceError::NotWritable {
            path: dir.to_path_buf(),
            source,
        })?;
        let store = SqliteStore::open(&dir.join(DATABASE_FILE))?;
        let curation_path = dir.join(CURATION_FILE);
        let curation = if curation_path.is_file() {
            load_curation(&curation_path).map_err(WorkspaceError::Curation)?
        } else {
            Curation::default()
        };
        let search = SearchIndex::open(dir.join(SEARCH_FOLDER))?;
        let mut workspace = Workspace {
            dir: dir.to_path_buf(),
            store: Box::new(store),
            curation,
            extractor_version: extractor_version.to_string(),
            search: Arc::new(RwLock::new(search)),
        };
        workspace.rebuild_search_if_missing()?;
        Ok(workspace)
    }

    /// Indexes every stored report when the index is empty but the store
    /// is not (a deleted or damaged `search` folder).
    fn rebuild_search_if_missing(&mut self) -> Result<(), WorkspaceError> {
        if self.report_count()? == 0 || !self.search_index_read()?.is_empty() {
            return Ok(());
        }
        let mut index = self
            .search
            .write()
            .map_err(|_| WorkspaceError::SearchLock)?;
        let mut failure = None;
        self.store
            .for_each_annotated(&self.extractor_version, BATCH_SIZE, &mut |page| {
                for entry in page {
                    let Some(extracted) = &entry.extracted else {
                        continue;
                    };
                    let sentences = &extracted.annotations.sentences;
                    if let Err(err) = index.add_report(&entry.stored.report, sentences) {
                        failure.get_or_insert(err);
                    }
                }
                Ok(())
            })?;
        if let Some(err) = failure {
            return Err(err.into());
        }
        index.commit()?;
        Ok(())
    }

    fn search_index_read(
        &self,
    ) -> Result<std::sync::RwLockReadGuard<'_, SearchIndex>, WorkspaceError> {
        self.search.read().map_err(|_| WorkspaceError::SearchLock)
    }

    /// The sentences best matching `query` (see [`SearchIndex::search`]).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, WorkspaceError> {
        Ok(self.search_index_read()?.search(query, limit)?)
    }

    /// The search index, for readers that must not wait for the workspace.
    pub fn search_index(&self) -> Arc<RwLock<SearchIndex>> {
        Arc::clone(&self.search)
    }

    pub fn curation(&self) -> &Curation {
        &self.curation
    }

    pub fn report_count(&self) -> Result<u64, WorkspaceError> {
        Ok(self.store.counts()?.reports)
    }

    pub fn revision(&self) -> Result<u64, WorkspaceError> {
        Ok(self.store.revision()?)
    }

    /// One stored report: metadata as read and cleaned text.
    pub fn report(&self, id: &str) -> Result<Option<Report>, WorkspaceError> {
        Ok(self.store.report(id)?.map(|stored| stored.report))
    }

    /// Adds every report under `paths` (files, folders, `-` for standard
    /// input), then merges the workspace if anything changed.
    pub fn add_paths(
        &mut self,
        paths: &[PathBuf],
        options: &IngestOptions,
    ) -> Result<AddSummary, WorkspaceError> {
        let mut summary = AddSummary {
            re_extracted: self.refresh_stale()?,
            ..AddSummary::default()
        };
        let readers = default_readers();
        let (files, mut skipped) = collect_inputs(paths, &readers);
        let mut ids = IdAllocator::default();
        for chunk in files.chunks(BATCH_SIZE) {
            let mut ingested = read_files(chunk, &readers, options);
            skipped.append(&mut ingested.skipped);
            while !ingested.reports.is_empty() {
                let rest = ingested
                    .reports
                    .split_off(BATCH_SIZE.min(ingested.reports.len()));
                let batch = std::mem::replace(&mut ingested.reports, rest);
                let outcome = self.add_batch(batch, &mut ids)?;
                summary.added += outcome.iter().filter(|r| !r.already_present).count();
                summary.already_present += outcome.iter().filter(|r| r.already_present).count();
            }
        }
        let skipped_before = self.store.skipped()?;
        self.store.put_skipped(&skipped)?;
        let skipped_changed = self.store.skipped()? != skipped_before;
        summary.skipped = skipped;
        if summary.added > 0 || skipped_changed {
            self.store.bump_revision()?;
        }
        self.merge_if_stale()?;
        Ok(summary)
    }

    /// Adds one posted report (text with optional front matter, HTML, or
    /// JSON as `analyze` reads it; `content_type` picks the reader),
    /// without merging. The body goes through the same readers, language
    /// and credited-source labelling as a file (`read_bytes`).
    pub fn add_upload(
        &mut self,
        bytes: &[u8],
        content_type: Option<&str>,
    ) -> Result<Vec<UploadedReport>, WorkspaceError> {
        let extension = extension_for(content_type)?;
        let name = format!("upload-{}.{extension}", &blake3::hash(bytes).to_hex()[..12]);
        let ingested = read_bytes(&name, bytes, &default_readers(), &IngestOptions::default());
        if ingested.reports.is_empty() {
            let reason = ingested
                .skipped
                .first()
                .map_or("no report in the upload".to_string(), |s| s.reason.clone());
            return Err(WorkspaceError::BadUpload(reason));
        }
        let uploaded = self.add_batch(ingested.reports, &mut IdAllocator::default())?;
        if uploaded.iter().any(|r| !r.already_present) {
            self.store.bump_revision()?;
        }
        Ok(uploaded)
    }

    /// Stores and extracts the reports whose content is new; the others
    /// only count as already present.
    fn add_batch(
        &mut self,
        reports: Vec<Report>,
        ids: &mut IdAllocator,
    ) -> Result<Vec<UploadedReport>, WorkspaceError> {
        let mut outcome = Vec::with_capacity(reports.len());
        let mut fresh: Vec<(ContentHash, Report)> = Vec::new();
        // Ids of the new contents of this batch (a copy within it is present).
        let mut fresh_ids: HashMap<ContentHash, String> = HashMap::new();
        for mut report in reports {
            let hash = content_hash(&report);
            let present = match self.store.id_of_hash(&hash)? {
                Some(id) => Some(id),
                None => fresh_ids.get(&hash).cloned(),
            };
            if let Some(id) = present {
                outcome.push(UploadedReport {
                    id,
                    already_present: true,
                    annotated: None,
                });
            } else {
                report.meta.id = ids.unique(&report.meta.id, self.store.as_ref())?;
                fresh_ids.insert(hash, report.meta.id.clone());
                fresh.push((hash, report));
            }
        }
        let entries: Vec<(ContentHash, &Report)> = fresh.iter().map(|(h, r)| (*h, r)).collect();
        self.store.put_reports(&entries)?;
        let (hashes, reports): (Vec<ContentHash>, Vec<Report>) = fresh.into_iter().unzip();
        let annotated = self.extract_and_store(&hashes, reports)?;
        outcome.extend(annotated.into_iter().map(|a| UploadedReport {
            id: a.report.meta.id.clone(),
            already_present: false,
            annotated: Some(a),
        }));
        Ok(outcome)
    }

    /// Extracts reports in parallel and stores their annotations under
    /// their content hashes.
    fn extract_and_store(
        &mut self,
        hashes: &[ContentHash],
        reports: Vec<Report>,
    ) -> Result<Vec<AnnotatedReport>, WorkspaceError> {
        let annotated = corroborate_extract::extract_all(reports, &|| {});
        let extracted: Vec<Extracted> = annotated.iter().map(extracted_of).collect();
        let entries: Vec<(ContentHash, &Extracted)> =
            hashes.iter().copied().zip(extracted.iter()).collect();
        self.store
            .put_annotations(&self.extractor_version, &entries)?;
        self.index_for_search(&annotated)?;
        Ok(annotated)
    }

    /// Indexes the reports' sentences (replacing what their ids had) and
    /// commits, so that a search finds them as soon as this returns.
    fn index_for_search(&mut self, annotated: &[AnnotatedReport]) -> Result<(), WorkspaceError> {
        if annotated.is_empty() {
            return Ok(());
        }
        let mut index = self
            .search
            .write()
            .map_err(|_| WorkspaceError::SearchLock)?;
        for report in annotated {
            index.add_report(&report.report, &report.annotations.sentences)?;
        }
        index.commit()?;
        Ok(())
    }

    /// After an upgrade of the program: extracts again the reports stored
    /// by an older extractor version, so that merges and search read
    /// annotations of this one, and marks the analysis stale when any
    /// were. Returns how many reports were extracted.
    pub fn refresh_stale(&mut self) -> Result<usize, WorkspaceError> {
        let count = self.re_extract_stale()?;
        if count > 0 {
            self.store.bump_revision()?;
        }
        Ok(count)
    }

    /// Extracts again, from their stored text, the reports that have no
    /// annotations from this extractor version; drops older versions'
    /// annotations. Returns how many reports were extracted.
    fn re_extract_stale(&mut self) -> Result<usize, WorkspaceError> {
        let mut count = 0;
        let mut after = 0;
        loop {
            let stale = self
                .store
                .unannotated_page(&self.extractor_version, after, BATCH_SIZE)?;
            let Some(last) = stale.last() else { break };
            after = last.seq;
            count += stale.len();
            let (hashes, reports): (Vec<ContentHash>, Vec<Report>) = stale
                .into_iter()
                .map(|stored| (stored.hash, stored.report))
                .unzip();
            self.extract_and_store(&hashes, reports)?;
        }
        if count > 0 {
            self.store.prune_annotations(&self.extractor_version)?;
        }
        Ok(count)
    }

    /// Reads everything the merge needs, page by page; a report without
    /// annotations from this extractor version is extracted on the way.
    /// Cleaning's removals are left out: the merge does not read them.
    pub fn merge_input(&self) -> Result<MergeInput, WorkspaceError> {
        let mut annotated = Vec::new();
        self.store
            .for_each_annotated(&self.extractor_version, BATCH_SIZE, &mut |page| {
                annotated.extend(
                    page.into_iter()
                        .map(|entry| annotated_for_merge(entry.stored, entry.extracted)),
                );
                Ok(())
            })?;
        Ok(MergeInput {
            annotated,
            skipped: self.store.skipped()?,
            curation: self.curation.clone(),
            revision: self.store.revision()?,
        })
    }

    /// Stores a merged analysis unless a newer one is already stored.
    pub fn save_analysis(&mut self, merged: &Merged) -> Result<(), WorkspaceError> {
        let stored = self.store.analysis_revision()?;
        if stored.is_some_and(|revision| revision > merged.revision) {
            return Ok(());
        }
        self.store
            .put_analysis(&merged.analysis, merged.revision, merged.report_count)?;
        Ok(())
    }

    /// Merges every stored report and stores the analysis.
    pub fn merge(&mut self) -> Result<Analysis, WorkspaceError> {
        let merged = self.merge_input()?.merge();
        self.save_analysis(&merged)?;
        Ok(merged.analysis)
    }

    /// Merges unless the stored analysis is of the current revision.
    fn merge_if_stale(&mut self) -> Result<(), WorkspaceError> {
        if self.store.analysis_revision()? != Some(self.store.revision()?) {
            self.merge()?;
        }
        Ok(())
    }

    /// The stored analysis, merged first if reports or curation changed
    /// since it was stored.
    /// A stored analysis that cannot be decoded is merged again.
    pub fn analysis(&mut self) -> Result<Analysis, WorkspaceError> {
        match self.store.analysis() {
            Ok(Some(stored)) if stored.revision == self.store.revision()? => Ok(stored.analysis),
            Ok(_) | Err(StoreError::Codec(_)) => self.merge(),
            Err(other) => Err(other.into()),
        }
    }

    /// The stored analysis and its revision, whatever the revision.
    pub fn stored_analysis(&self) -> Result<Option<StoredAnalysis>, WorkspaceError> {
        Ok(self.store.analysis()?)
    }

    /// Records a curation change in `corroborate.toml` and re-merges.
    pub fn apply_curation(&mut self, change: &CurationChange) -> Result<Analysis, WorkspaceError> {
        self.record_curation(change)?;
        self.merge()
    }

    /// Records a curation change in `corroborate.toml` (written to a
    /// temporary file in the folder, then renamed over it) and bumps the
    /// revision, without merging.
    pub fn record_curation(&mut self, change: &CurationChange) -> Result<u64, WorkspaceError> {
        let mut curation = self.curation.clone();
        match change {
            CurationChange::Merge { names } => curation.merge.push(names.clone()),
            CurationChange::Split { names } => curation.split.push(names.clone()),
            CurationChange::Kind { name, kind } => {
                curation.kinds.insert(name.clone(), *kind);
            }
        }
        self.write_curation(&curation)?;
        self.curation = curation;
        Ok(self.store.bump_revision()?)
    }

    fn write_curation(&self, curation: &Curation) -> Result<(), WorkspaceError> {
        let text =
            toml::to_string(curation).map_err(|e| WorkspaceError::Curation(e.to_string()))?;
        let path = self.dir.join(CURATION_FILE);
        let write_error = |source| WorkspaceError::Write {
            path: path.clone(),
            source,
        };
        let mut temp = tempfile::NamedTempFile::new_in(&self.dir).map_err(write_error)?;
        temp.write_all(text.as_bytes()).map_err(write_error)?;
        temp.as_file().sync_all().map_err(write_error)?;
        temp.persist(&path).map_err(|e| write_error(e.error))?;
        Ok(())
    }
}

/// What extraction made of a report, as stored (without its tokens).
fn extracted_of(annotated: &AnnotatedReport) -> Extracted {
    Extracted {
        meta: annotated.report.meta.clone(),
        annotations: annotated.annotations.without_tokens(),
    }
}

/// A stored report with its cached annotations, as the merge reads it.
fn annotated_for_merge(stored: StoredReport, extracted: Option<Extracted>) -> AnnotatedReport {
    let Some(extracted) = extracted else {
        return corroborate_extract::extract(stored.report);
    };
    let mut meta = extracted.meta;
    meta.id = stored.report.meta.id;
    meta.source = stored.report.meta.source;
    // Tokens stay released: neither date refinement nor the merge needs
    // them (they tokenize on demand), and they take several times the
    // memory of the text.
    let annotations = extracted.annotations;
    AnnotatedReport {
        report: Report {
            meta,
            text: stored.report.text,
            removed: Vec::new(),
        },
        annotations,
    }
}

/// Hashes what decides a report's annotations and its part in the merge:
/// the cleaned text and the metadata, except the id and the source path
/// (the same report read from another place is the same content).
pub fn content_hash(report: &Report) -> ContentHash {
    let mut meta = report.meta.clone();
    meta.id.clear();
    meta.source.clear();
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"corroborate report v1\0");
    // ReportMeta is plain data: serializing it cannot fail.
    let meta_json = serde_json::to_vec(&meta).unwrap_or_default();
    hasher.update(&(meta_json.len() as u64).to_le_bytes());
    hasher.update(&meta_json);
    hasher.update(report.text.as_bytes());
    ContentHash(*hasher.finalize().as_bytes())
}

/// Gives each new report a unique id: the id the readers gave it when
/// free, else the next free `base-N` (the numbering `read_all` uses for
/// repeated file names within one run).
#[derive(Default)]
struct IdAllocator {
    taken: HashSet<String>,
}

impl IdAllocator {
    fn unique(&mut self, wanted: &str, store: &dyn Store) -> Result<String, StoreError> {
        let is_free = |id: &str, taken: &HashSet<String>| -> Result<bool, StoreError> {
            Ok(!taken.contains(id) && !store.has_id(id)?)
        };
        if is_free(wanted, &self.taken)? {
            self.taken.insert(wanted.to_string());
            return Ok(wanted.to_string());
        }
        let base = match wanted.rsplit_once('-') {
            Some((base, n)) if n.parse::<usize>().is_ok() && !is_free(base, &self.taken)? => base,
            _ => wanted,
        };
        let mut n = 2;
        loop {
            let candidate = format!("{base}-{n}");
            if is_free(&candidate, &self.taken)? {
                self.taken.insert(candidate.clone());
                return Ok(candidate);
            }
            n += 1;
        }
    }
}

/// The file extension whose reader reads a body of this content type
/// (plain text when none is given).
fn extension_for(content_type: Option<&str>) -> Result<&'static str, WorkspaceError> {
    match content_type.filter(|t| !t.trim().is_empty()) {
        None => Ok("txt"),
        Some(content_type) => extension_for_content_type(content_type)
            .map_err(|error| WorkspaceError::BadUpload(error.to_string())),
    }
}

/// The analysis of no report.
fn empty_analysis() -> Analysis {
    Analysis {
        schema_version: corroborate_model::SCHEMA_VERSION.to_string(),
        ..Analysis::default()
    }
}

/// A workspace shared by the server's threads: reads never wait for a
/// merge; adds are visible at once as pending; merges run on a background
/// thread, several adds coalescing into one merge.
#[derive(Clone)]
pub struct SharedWorkspace {
    inner: Arc<Inner>,
}

struct Inner {
    search: Arc<RwLock<SearchIndex>>,
    workspace: Mutex<Workspace>,
    /// Reports added since the last merge, with the revision each was
    /// added at. Its lock also orders updates of `view`.
    pending_reports: Mutex<Vec<(u64, AnnotatedReport)>>,
    /// Held only to read or swap the published analyses.
    view: RwLock<View>,
    merging: Mutex<MergeState>,
    merge_done: Condvar,
    /// What the API shows: grows when reports are added, curation changes
    /// or a merge lands, so that clients polling it or listening to
    /// `/api/updates` re-read after each.
    revision: AtomicU64,
}

/// What readers see.
struct View {
    merged: Arc<Analysis>,
    pending: Arc<Analysis>,
}

#[derive(Default)]
struct MergeState {
    requested: bool,
    running: bool,
    /// Live [`MergeHold`]s: requested merges wait until none is left.
    holds: usize,
    /// The last merge thread started, for [`SharedWorkspace::close`].
    thread: Option<std::thread::JoinHandle<()>>,
}

/// While alive, background merges wait (adds still show as pending);
/// dropping the last hold starts the merge requested meanwhile. Lets a
/// caller add many reports and merge once.
pub struct MergeHold {
    shared: SharedWorkspace,
}

impl Drop for MergeHold {
    fn drop(&mut self) {
        let resume = match self.shared.merge_state() {
            Ok(mut state) => {
                state.holds = state.holds.saturating_sub(1);
                state.holds == 0 && state.requested && !state.running
            }
            Err(_) => false,
        };
        if resume {
            if let Err(err) = self.shared.request_merge() {
                eprintln!("corroborate: {err}");
            }
        }
    }
}

impl SharedWorkspace {
    /// Shares `workspace`; starts a background merge when its stored
    /// analysis is missing or older than its revision.
    pub fn new(mut workspace: Workspace) -> Result<Self, WorkspaceError> {
        workspace.refresh_stale()?;
        let revision = workspace.revision()?;
        let stored = match workspace.stored_analysis() {
            Err(WorkspaceError::Store(StoreError::Codec(_))) => None,
            other => other?,
        };
        let stale = stored.as_ref().is_none_or(|s| s.revision != revision);
        let merged = stored.map_or_else(empty_analysis, |s| s.analysis);
        let search = workspace.search_index();
        let shared = SharedWorkspace {
            inner: Arc::new(Inner {
                search,
                workspace: Mutex::new(workspace),
                pending_reports: Mutex::new(Vec::new()),
                view: RwLock::new(View {
                    merged: Arc::new(merged),
                    pending: Arc::new(empty_analysis()),
                }),
                merging: Mutex::new(MergeState::default()),
                merge_done: Condvar::new(),
                revision: AtomicU64::new(revision),
            }),
        };
        if stale {
            shared
                .request_merge()
                .map_err(|e| WorkspaceError::MergeThread(e.to_string()))?;
        }
        Ok(shared)
    }

    fn workspace(&self) -> Result<MutexGuard<'_, Workspace>, BackendError> {
        self.inner
            .workspace
            .lock()
            .map_err(|_| BackendError::Internal("the workspace lock is poisoned".into()))
    }

    fn merge_state(&self) -> Result<MutexGuard<'_, MergeState>, BackendError> {
        self.inner
            .merging
            .lock()
            .map_err(|_| BackendError::Internal("the merge lock is poisoned".into()))
    }

    /// Defers background merges until the returned hold is dropped.
    /// [`Backend::analysis`] waits for them, so do not call it meanwhile
    /// from the thread holding the hold.
    pub fn hold_merges(&self) -> Result<MergeHold, BackendError> {
        self.merge_state()?.holds += 1;
        Ok(MergeHold {
            shared: self.clone(),
        })
    }

    /// Asks for a merge; starts the background thread unless one runs
    /// (it will see the request when it finishes its current merge) or
    /// merges are held.
    fn request_merge(&self) -> Result<(), BackendError> {
        let mut state = self.merge_state()?;
        state.requested = true;
        if state.running || state.holds > 0 {
            return Ok(());
        }
        state.running = true;
        let shared = self.clone();
        let spawned = std::thread::Builder::new()
            .name("corroborate-merge".into())
            .spawn(move || shared.merge_until_idle());
        match spawned {
            Ok(thread) => {
                state.thread = Some(thread);
                Ok(())
            }
            Err(err) => {
                state.running = false;
                Err(BackendError::Internal(format!(
                    "cannot start a merge: {err}"
                )))
            }
        }
    }

    /// Waits for background merges to end, then lets go of the workspace.
    /// Once it returns (and no other handle is left), the workspace can
    /// be opened again: its search index is no longer locked by a merge
    /// thread, which holds a handle until it has fully ended.
    pub fn close(self) -> Result<(), BackendError> {
        loop {
            let thread = self.merge_state()?.thread.take();
            let Some(thread) = thread else {
                return Ok(());
            };
            thread
                .join()
                .map_err(|_| BackendError::Internal("the merge thread panicked".into()))?;
        }
    }

    /// The background thread: merges while merges are requested. However
    /// it ends (a panic included), it marks the merge as no longer running
    /// so that [`Backend::analysis`] never waits forever.
    fn merge_until_idle(&self) {
        let _running = RunningFlag { shared: self };
        loop {
            match self.merge_state() {
                Ok(mut state) if state.requested && state.holds == 0 => state.requested = false,
                _ => return,
            }
            if let Err(err) = self.merge_once() {
                eprintln!("corroborate: background merge failed: {err}");
            }
        }
    }

    /// Publishes a new state: `added` reports join the pending ones, and a
    /// new merged analysis (with the revision it read) replaces the old
    /// one and the pending reports it covers. The pending analysis is
    /// computed before the view is locked, so readers never wait for it.
    fn publish(
        &self,
        added: Vec<(u64, AnnotatedReport)>,
        merged: Option<(Analysis, u64)>,
        curation: &Curation,
    ) -> Result<(), BackendError> {
        let mut reports = self
            .inner
            .pending_reports
            .lock()
            .map_err(|_| BackendError::Internal("the pending lock is poisoned".into()))?;
        reports.extend(added);
        if let Some((_, revision)) = &merged {
            reports.retain(|(added_at, _)| added_at > revision);
        }
        let pending = Arc::new(pending_analysis(&reports, curation));
        let mut view = self
            .inner
            .view
            .write()
            .map_err(|_| BackendError::Internal("the view lock is poisoned".into()))?;
        view.pending = pending;
        if let Some((analysis, _)) = merged {
            view.merged = Arc::new(analysis);
        }
        self.inner.revision.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    /// Reads the store (holding the workspace briefly), merges without
    /// holding anything, then publishes and stores the result.
    fn merge_once(&self) -> Result<(), BackendError> {
        let input = self.workspace()?.merge_input().map_err(internal)?;
        let merged = input.merge();
        self.workspace()?.save_analysis(&merged).map_err(internal)?;
        let curation = self.workspace()?.curation().clone();
        self.publish(
            Vec::new(),
            Some((merged.analysis, merged.revision)),
            &curation,
        )
    }
}

/// Marks the background merge as stopped when dropped.
struct RunningFlag<'a> {
    shared: &'a SharedWorkspace,
}

impl Drop for RunningFlag<'_> {
    fn drop(&mut self) {
        let mut state = match self.shared.inner.merging.lock() {
            Ok(state) => state,
            Err(poisoned) => poisoned.into_inner(),
        };
        state.running = false;
        self.shared.inner.merge_done.notify_all();
    }
}

/// The reports added since the last merge, analysed among themselves.
fn pending_analysis(pending: &[(u64, AnnotatedReport)], curation: &Curation) -> Analysis {
    if pending.is_empty() {
        return empty_analysis();
    }
    let mut annotated: Vec<AnnotatedReport> = pending.iter().map(|(_, a)| a.clone()).collect();
    corroborate_extract::infer::refine_undated(&mut annotated);
    corroborate_merge::merge(&annotated, &GazetteerGeocoder, curation, Vec::new())
}

fn internal(err: WorkspaceError) -> BackendError {
    BackendError::Internal(err.to_string())
}

impl Backend for SharedWorkspace {
    fn snapshot(&self) -> Result<Snapshot, BackendError> {
        let view = self
            .inner
            .view
            .read()
            .map_err(|_| BackendError::Internal("the view lock is poisoned".into()))?;
        Ok(Snapshot {
            merged: Arc::clone(&view.merged),
            pending: Arc::clone(&view.pending),
            revision: self.revision(),
        })
    }

    fn analysis(&self) -> Result<Arc<Analysis>, BackendError> {
        let mut state = self.merge_state()?;
        while state.running || state.requested {
            state = self
                .inner
                .merge_done
                .wait(state)
                .map_err(|_| BackendError::Internal("the merge lock is poisoned".into()))?;
        }
        drop(state);
        Ok(self.snapshot()?.merged)
    }

    fn report(&self, id: &str) -> Result<Option<Report>, BackendError> {
        self.workspace()?.report(id).map_err(internal)
    }

    /// Searches without the workspace lock: a merge in progress never
    /// delays the search box.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, BackendError> {
        let index = self
            .inner
            .search
            .read()
            .map_err(|_| BackendError::Internal("the search index lock is poisoned".into()))?;
        index
            .search(query, limit)
            .map_err(|e| BackendError::Internal(e.to_string()))
    }

    fn add_report(&self, upload: Upload) -> Result<Added, BackendError> {
        let mut workspace = self.workspace()?;
        let uploaded = workspace
            .add_upload(&upload.body, upload.content_type.as_deref())
            .map_err(|err| match err {
                WorkspaceError::BadUpload(reason) => BackendError::BadInput(reason),
                other => internal(other),
            })?;
        let revision = workspace.revision().map_err(internal)?;
        let first = uploaded
            .first()
            .map(|r| Added {
                id: r.id.clone(),
                already_present: r.already_present,
            })
            .ok_or_else(|| BackendError::BadInput("no report in the upload".into()))?;
        // Pending reports are merged again at every publish: without their
        // tokens, which merging does not read.
        let fresh: Vec<(u64, AnnotatedReport)> = uploaded
            .into_iter()
            .filter_map(|r| r.annotated)
            .map(|mut annotated| {
                release_tokens(std::slice::from_mut(&mut annotated));
                (revision, annotated)
            })
            .collect();
        if fresh.is_empty() {
            return Ok(first);
        }
        let curation = workspace.curation().clone();
        self.publish(fresh, None, &curation)?;
        drop(workspace);
        self.request_merge()?;
        Ok(first)
    }

    fn curate(&self, change: CurationChange) -> Result<(), BackendError> {
        self.workspace()?
            .record_curation(&change)
            .map_err(internal)?;
        self.inner.revision.fetch_add(1, Ordering::SeqCst);
        self.request_merge()
    }

    fn revision(&self) -> u64 {
        self.inner.revision.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(id: &str, text: &str) -> Report {
        let mut report = Report {
            text: text.to_string(),
            ..Report::default()
        };
        report.meta.id = id.to_string();
        report.meta.source = format!("in/{id}.txt");
        report
    }

    #[test]
    fn the_content_hash_ignores_id_and_source_but_not_text_or_metadata() {
        let a = report("a", "Troops crossed the river.");
        let mut moved = report("b", "Troops crossed the river.");
        moved.meta.source = "elsewhere/b.txt".into();
        assert_eq!(content_hash(&a), content_hash(&moved));
        let edited = report("a", "Troops crossed the bridge.");
        assert_ne!(content_hash(&a), content_hash(&edited));
        let mut retitled = a.clone();
        retitled.meta.title = "Crossing".into();
        assert_ne!(content_hash(&a), content_hash(&retitled));
    }

    #[test]
    fn ids_continue_read_alls_numbering_across_runs() {
        let mut store = corroborate_store::MemoryStore::new();
        let stored = report("x", "One.");
        store
            .put_reports(&[(content_hash(&stored), &stored)])
            .unwrap();
        let mut ids = IdAllocator::default();
        assert_eq!(ids.unique("y", &store).unwrap(), "y");
        assert_eq!(ids.unique("x", &store).unwrap(), "x-2");
        assert_eq!(ids.unique("x-2", &store).unwrap(), "x-3");
        assert_eq!(ids.unique("y", &store).unwrap(), "y-2");
        assert_eq!(ids.unique("z-2", &store).unwrap(), "z-2");
    }

    #[test]
    fn annotations_are_stored_and_read_back_without_tokens() {
        let stored = |report: &Report| StoredReport {
            seq: 1,
            hash: content_hash(report),
            report: report.clone(),
        };
        let english =
            corroborate_extract::extract(report("a", "Troops crossed the river on Monday."));
        let extracted = extracted_of(&english);
        assert!(extracted.annotations.tokens.is_empty());
        let restored = annotated_for_merge(stored(&english.report), Some(extracted));
        assert!(restored.annotations.tokens.is_empty(), "left released");
        let mut without_tokens = english.annotations.clone();
        without_tokens.tokens = Vec::new();
        assert_eq!(restored.annotations, without_tokens);
    }

    #[test]
    fn content_types_pick_a_reader() {
        assert_eq!(extension_for(None).unwrap(), "txt");
        assert_eq!(
            extension_for(Some("text/html; charset=utf-8")).unwrap(),
            "html"
        );
        assert_eq!(extension_for(Some("Application/JSON")).unwrap(), "json");
        assert_eq!(extension_for(Some("text/markdown")).unwrap(), "md");
        assert!(matches!(
            extension_for(Some("image/png")),
            Err(WorkspaceError::BadUpload(_))
        ));
    }
}
