//! Running the router on its own runtime until Ctrl-C or SIGTERM.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::routes::app;
use crate::{Backend, ServeOptions, ServerError};

/// Threads for the API's blocking work (store, search, JSON, waiting for
/// a merge). Tokio's default, 512, lets every concurrent request keep a
/// thread and its allocator heap: at 100,000 reports, 20 clients listing
/// events grew the server by 144 MB; with 16 threads by 16 MB, and the
/// p99 latency fell from 62 to 45 ms (the machine has 2 cores).
const BLOCKING_THREADS: usize = 16;

/// How long, after the server stopped, backend calls still running may
/// take to finish before the runtime is dropped.
const BLOCKING_GRACE: Duration = Duration::from_secs(10);

/// Serves `backend` as `options` say, blocking the calling thread:
/// validates the options, binds, calls `on_listening` with the bound
/// address (the chosen port when bound to port 0), and serves until
/// Ctrl-C or SIGTERM, then finishes the requests in flight.
pub fn serve_blocking(
    backend: Arc<dyn Backend>,
    options: &ServeOptions,
    on_listening: impl FnOnce(SocketAddr),
) -> Result<(), ServerError> {
    options.validate()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(BLOCKING_THREADS)
        .build()
        .map_err(ServerError::Runtime)?;
    let served = runtime.block_on(serve(backend, options, on_listening));
    runtime.shutdown_timeout(BLOCKING_GRACE);
    served
}

async fn serve(
    backend: Arc<dyn Backend>,
    options: &ServeOptions,
    on_listening: impl FnOnce(SocketAddr),
) -> Result<(), ServerError> {
    let listener = TcpListener::bind(options.bind)
        .await
        .map_err(|source| ServerError::Bind {
            addr: options.bind,
            source,
        })?;
    let address = listener.local_addr().map_err(ServerError::Serve)?;
    let shutdown = CancellationToken::new();
    // Handlers go in before the address is announced, so that a signal
    // sent as soon as it is known is not missed.
    let stop = termination_signal().map_err(ServerError::Signals)?;
    let on_stop = shutdown.clone();
    tokio::spawn(async move {
        stop.await;
        on_stop.cancel();
    });
    on_listening(address);
    let app = app(backend, options, shutdown.clone());
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown.cancelled_owned())
        .await
        .map_err(ServerError::Serve)
}

/// Resolves at the first Ctrl-C (SIGINT) or SIGTERM.
#[cfg(unix)]
fn termination_signal() -> std::io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

/// Resolves at the first Ctrl-C.
#[cfg(not(unix))]
fn termination_signal() -> std::io::Result<impl Future<Output = ()>> {
    Ok(async {
        // An error here means no Ctrl-C can be received: serve on.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    })
}
