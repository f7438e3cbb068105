//! `/api/updates`: server-sent events announcing each new revision.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use tokio_util::sync::CancellationToken;

use crate::api::AppState;
use crate::Backend;

/// How often the backend's revision is read.
const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// One `revision` event at once, then one whenever the revision changes;
/// the stream ends when the server shuts down.
pub(crate) async fn updates(
    State(state): State<AppState>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let watch = Watch {
        backend: state.backend,
        shutdown: state.shutdown,
        announced: None,
    };
    Sse::new(futures_util::stream::unfold(watch, next_revision)).keep_alive(KeepAlive::default())
}

struct Watch {
    backend: Arc<dyn Backend>,
    shutdown: CancellationToken,
    announced: Option<u64>,
}

async fn next_revision(mut watch: Watch) -> Option<(Result<Event, Infallible>, Watch)> {
    loop {
        if watch.shutdown.is_cancelled() {
            return None;
        }
        // Cheap and non-blocking (see `Backend::revision`): read inline.
        let revision = watch.backend.revision();
        if watch.announced != Some(revision) {
            watch.announced = Some(revision);
            let event = Event::default()
                .event("revision")
                .data(revision.to_string());
            return Some((Ok(event), watch));
        }
        tokio::select! {
            () = watch.shutdown.cancelled() => return None,
            () = tokio::time::sleep(POLL_INTERVAL) => {}
        }
    }
}
