//! The JSON API's handlers. Backend calls block (SQLite, merging), so
//! each handler does its work, filtering and serialising included, on
//! tokio's blocking pool; only `revision`, which never blocks, is read
//! inline.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use corroborate_model::{Analysis, ReportEntry};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;
use tokio_util::sync::CancellationToken;

use corroborate_ingest::{extension_for_content_type, media_type_essence};

use crate::error::ApiError;
use crate::query::{
    parse_params, ClaimFilter, ConflictFilter, EntityFilter, EntityIndex, EventFilter,
    SearchRequest, StoryIndex, Window,
};
use crate::{Backend, BackendError, CurationChange, Snapshot, Upload};

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct AppState {
    pub(crate) backend: Arc<dyn Backend>,
    /// Cancelled when the server shuts down (ends event streams).
    pub(crate) shutdown: CancellationToken,
}

/// Runs `work` with the backend on the blocking pool.
pub(crate) async fn blocking<T, F>(state: &AppState, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&dyn Backend) -> Result<T, ApiError> + Send + 'static,
{
    let backend = Arc::clone(&state.backend);
    tokio::task::spawn_blocking(move || work(backend.as_ref()))
        .await
        .map_err(|error| ApiError::internal(format!("the request's task failed: {error}")))?
}

/// A serialised JSON document.
pub(crate) struct JsonBody(Vec<u8>);

impl JsonBody {
    fn of<T: Serialize>(value: &T) -> Result<Self, ApiError> {
        serde_json::to_vec(value)
            .map(JsonBody)
            .map_err(|error| ApiError::internal(format!("could not serialise JSON: {error}")))
    }
}

impl IntoResponse for JsonBody {
    fn into_response(self) -> Response {
        ([(header::CONTENT_TYPE, "application/json")], self.0).into_response()
    }
}

/// An Analysis item with the `pending` flag the API adds.
#[derive(Serialize)]
struct Flagged<'a, T> {
    #[serde(flatten)]
    item: &'a T,
    pending: bool,
}

/// A list endpoint's answer: `{"revision": n, "total": t, "<field>": [...]}`
/// (typed, so that large lists are serialised once, not through a `Value`).
struct Page<'a, T> {
    revision: u64,
    /// Items that pass the filters, before `offset` and `limit`.
    total: usize,
    field: &'static str,
    items: Vec<Flagged<'a, T>>,
}

impl<T: Serialize> Serialize for Page<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut page = serializer.serialize_struct("Page", 3)?;
        page.serialize_field("revision", &self.revision)?;
        page.serialize_field("total", &self.total)?;
        page.serialize_field(self.field, &self.items)?;
        page.end()
    }
}

/// The page named `field`: the items `select` picks from the merged
/// analysis, then those it picks from the pending one, each flagged.
fn page<'a, T, I>(
    snapshot: &'a Snapshot,
    field: &'static str,
    window: Window,
    select: impl Fn(&'a Analysis) -> I,
) -> Result<JsonBody, ApiError>
where
    T: Serialize + 'a,
    I: IntoIterator<Item = &'a T>,
{
    let flag = |analysis: &'a Analysis, pending| {
        let items = select(analysis).into_iter();
        items.map(move |item| Flagged { item, pending })
    };
    let (total, items) =
        window.apply(flag(&snapshot.merged, false).chain(flag(&snapshot.pending, true)));
    JsonBody::of(&Page {
        revision: snapshot.revision,
        total,
        field,
        items,
    })
}

/// Bytes of JSON sent to the client at a time by `/api/analysis`.
const ANALYSIS_CHUNK_BYTES: usize = 256 * 1024;

/// Chunks of JSON waiting for a slow client, at most.
const ANALYSIS_CHUNKS_QUEUED: usize = 4;

/// The analysis document, streamed as it is written: at 100,000 reports
/// its text is over a gigabyte, which is never held whole.
pub(crate) async fn analysis(State(state): State<AppState>) -> Result<Response, ApiError> {
    let analysis = blocking(&state, |backend| Ok(backend.analysis()?)).await?;
    let (sender, receiver) = tokio::sync::mpsc::channel(ANALYSIS_CHUNKS_QUEUED);
    tokio::task::spawn_blocking(move || {
        let mut chunks = ChunkSender {
            sender,
            buffer: Vec::with_capacity(ANALYSIS_CHUNK_BYTES),
        };
        let written = corroborate_render::write_json(&analysis, &mut chunks)
            .map_err(|error| std::io::Error::other(error.to_string()))
            .and_then(|()| chunks.send_buffer());
        if let Err(error) = written {
            // The client is gone, or the stream ends with the error.
            let _ = chunks.sender.blocking_send(Err(error));
        }
    });
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|chunk| (chunk, receiver))
    });
    let body = axum::body::Body::from_stream(stream);
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// A writer that hands its bytes to a channel in chunks; a write fails
/// once the receiving end (the response) is dropped.
struct ChunkSender {
    sender: tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>,
    buffer: Vec<u8>,
}

impl ChunkSender {
    fn send_buffer(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.buffer, Vec::with_capacity(ANALYSIS_CHUNK_BYTES));
        self.sender
            .blocking_send(Ok(Bytes::from(chunk)))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "client gone"))
    }
}

impl std::io::Write for ChunkSender {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= ANALYSIS_CHUNK_BYTES {
            self.send_buffer()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.send_buffer()
    }
}

pub(crate) async fn events(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<JsonBody, ApiError> {
    let filter = EventFilter::parse(parse_params(query.as_deref())?)?;
    blocking(&state, move |backend| {
        let filter = &filter;
        page(&backend.snapshot()?, "events", filter.window, |analysis| {
            let index = EntityIndex::named_by(&analysis.entities, filter);
            let stories = StoryIndex::new(&analysis.reports, filter.story.as_deref());
            let events = analysis.events.iter();
            events.filter(move |event| {
                filter.matches(event, &index)
                    && stories.admits(event.sources.iter().map(|s| s.report.as_str()))
            })
        })
    })
    .await
}

pub(crate) async fn claims(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<JsonBody, ApiError> {
    let filter = ClaimFilter::parse(parse_params(query.as_deref())?)?;
    blocking(&state, move |backend| {
        let filter = &filter;
        page(&backend.snapshot()?, "claims", filter.window, |analysis| {
            let stories = StoryIndex::new(&analysis.reports, filter.story.as_deref());
            analysis.claims.iter().filter(move |claim| {
                filter.matches(claim)
                    && stories.admits(claim.sources.iter().map(|s| s.report.as_str()))
            })
        })
    })
    .await
}

pub(crate) async fn conflicts(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<JsonBody, ApiError> {
    let filter = ConflictFilter::parse(parse_params(query.as_deref())?)?;
    blocking(&state, move |backend| {
        let snapshot = backend.snapshot()?;
        page(&snapshot, "conflicts", filter.window, |analysis| {
            analysis.conflicts.iter().filter(|c| filter.matches(c))
        })
    })
    .await
}

pub(crate) async fn entities(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<JsonBody, ApiError> {
    let filter = EntityFilter::parse(parse_params(query.as_deref())?)?;
    blocking(&state, move |backend| {
        let snapshot = backend.snapshot()?;
        page(&snapshot, "entities", filter.window, |analysis| {
            let entities = analysis.entities.iter();
            entities.filter(|entity| filter.matches(entity))
        })
    })
    .await
}

/// A report as `/api/reports` lists it.
#[derive(Serialize)]
struct ReportSummary<'a> {
    id: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    published: Option<chrono::NaiveDate>,
    source: &'a str,
    url: Option<&'a str>,
    pending: bool,
    /// Empty for a pending report: stories are found by the merge.
    story: &'a str,
}

#[derive(Serialize)]
struct ReportsPage<'a> {
    reports: Vec<ReportSummary<'a>>,
}

impl<'a> ReportSummary<'a> {
    fn new(entry: &'a ReportEntry, pending: bool) -> Self {
        ReportSummary {
            id: &entry.id,
            title: &entry.title,
            outlet: entry.outlet.as_deref(),
            published: entry.published,
            source: &entry.source,
            url: entry.url.as_deref(),
            pending,
            story: if pending { "" } else { &entry.story },
        }
    }
}

pub(crate) async fn reports(State(state): State<AppState>) -> Result<JsonBody, ApiError> {
    blocking(&state, |backend| {
        let snapshot = backend.snapshot()?;
        let merged = snapshot
            .merged
            .reports
            .iter()
            .map(|r| ReportSummary::new(r, false));
        let pending = snapshot
            .pending
            .reports
            .iter()
            .map(|r| ReportSummary::new(r, true));
        JsonBody::of(&ReportsPage {
            reports: merged.chain(pending).collect(),
        })
    })
    .await
}

#[derive(Serialize)]
struct StoriesPage<'a> {
    revision: u64,
    stories: Vec<crate::stories::StorySummary<'a>>,
}

/// The stories of the merged reports (pending reports join one at the
/// next merge).
pub(crate) async fn stories(State(state): State<AppState>) -> Result<JsonBody, ApiError> {
    blocking(&state, |backend| {
        let snapshot = backend.snapshot()?;
        JsonBody::of(&StoriesPage {
            revision: snapshot.revision,
            stories: crate::stories::summaries(&snapshot.merged),
        })
    })
    .await
}

pub(crate) async fn report(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<JsonBody, ApiError> {
    blocking(&state, move |backend| match backend.report(&id)? {
        Some(report) => JsonBody::of(&report),
        None => Err(BackendError::NotFound(format!("no report has the id {id:?}")).into()),
    })
    .await
}

/// What a path segment must escape: all but RFC 3986's unreserved characters.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

pub(crate) async fn add_report(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let content_type = report_media_type(&headers)?;
    let body =
        body.map_err(|rejection| ApiError::new(rejection.status(), rejection.body_text()))?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request("the report is empty"));
    }
    let upload = Upload {
        body: body.to_vec(),
        content_type,
    };
    let added = blocking(&state, move |backend| Ok(backend.add_report(upload)?)).await?;
    let location = format!(
        "/api/reports/{}",
        utf8_percent_encode(&added.id, PATH_SEGMENT)
    );
    let location = HeaderValue::try_from(location)
        .map_err(|error| ApiError::internal(format!("bad report id for a URL: {error}")))?;
    let body = JsonBody::of(&added)?;
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], body).into_response())
}

/// The request's media type without parameters, lowercased; one the
/// readers do not know is a 415.
fn report_media_type(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(None);
    };
    let value = String::from_utf8_lossy(value.as_bytes());
    extension_for_content_type(&value)
        .map(|_| Some(media_type_essence(&value)))
        .map_err(|error| ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, error.to_string()))
}

/// Requires `application/json` (a cross-site form cannot send it without
/// a preflight, which this server never grants).
pub(crate) async fn curate(
    State(state): State<AppState>,
    change: Result<Json<CurationChange>, JsonRejection>,
) -> Result<JsonBody, ApiError> {
    let Json(change) = change.map_err(|rejection| {
        let status = match rejection.status() {
            StatusCode::UNPROCESSABLE_ENTITY => StatusCode::BAD_REQUEST,
            other => other,
        };
        ApiError::new(status, rejection.body_text())
    })?;
    blocking(&state, move |backend| {
        backend.curate(change)?;
        JsonBody::of(&serde_json::json!({ "revision": backend.revision() }))
    })
    .await
}

/// Answered inline: [`Backend::revision`] does not block.
pub(crate) async fn revision(State(state): State<AppState>) -> Result<JsonBody, ApiError> {
    JsonBody::of(&serde_json::json!({ "revision": state.backend.revision() }))
}

pub(crate) async fn search(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<JsonBody, ApiError> {
    let request = SearchRequest::parse(parse_params(query.as_deref())?)?;
    blocking(&state, move |backend| {
        let hits = match request.query.trim() {
            "" => Vec::new(),
            words => backend.search(words, request.limit)?,
        };
        JsonBody::of(&serde_json::json!({ "query": request.query, "hits": hits }))
    })
    .await
}

/// The downloadable renderings of the analysis.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Export {
    TimelineJs,
    GeoJson,
    EventsCsv,
    ClaimsCsv,
}

impl Export {
    fn content_type(self) -> &'static str {
        match self {
            Export::TimelineJs => "application/json",
            Export::GeoJson => "application/geo+json",
            Export::EventsCsv | Export::ClaimsCsv => "text/csv; charset=utf-8",
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            Export::TimelineJs => "timeline.json",
            Export::GeoJson => "events.geojson",
            Export::EventsCsv => "events.csv",
            Export::ClaimsCsv => "claims.csv",
        }
    }

    fn render(self, analysis: &Analysis) -> Result<String, ApiError> {
        use corroborate_render::{self as render, exports};
        let failed = |error: render::RenderError| ApiError::internal(error.to_string());
        match self {
            Export::TimelineJs => exports::render_timelinejs(analysis).map_err(failed),
            Export::GeoJson => exports::render_geojson(analysis).map_err(failed),
            Export::EventsCsv => Ok(exports::render_events_csv(analysis)),
            Export::ClaimsCsv => Ok(exports::render_claims_csv(analysis)),
        }
    }
}

/// The merged analysis of every report (waiting for a merge in progress)
/// as a download.
pub(crate) async fn export(state: AppState, export: Export) -> Result<Response, ApiError> {
    let body = blocking(&state, move |backend| export.render(&*backend.analysis()?)).await?;
    let disposition = format!("attachment; filename=\"{}\"", export.file_name());
    Ok((
        [
            (header::CONTENT_TYPE, export.content_type().to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}
