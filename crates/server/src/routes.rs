//! The one list of routes: the router is built from it and the tests
//! check it against `openapi.json`.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::extract::{DefaultBodyLimit, State};
use axum::handler::Handler;
use axum::http::{Method, StatusCode, Uri};
use axum::middleware::{from_fn, from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{on, MethodFilter, MethodRouter};
use axum::Router;
use tokio_util::sync::CancellationToken;

use crate::api::{self, AppState, Export};
use crate::assets::{self, Asset};
use crate::error::ApiError;
use crate::security::{self, Access};
use crate::updates::updates;
use crate::{Backend, ServeOptions};

/// Longest a request may take to be answered (a merge in progress can
/// make `/api/analysis` and the exports wait); an event stream's
/// response starts at once, so it is not cut.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(300);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verb {
    Get,
    Post,
}

impl Verb {
    #[cfg(test)]
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "get",
            Verb::Post => "post",
        }
    }

    fn filter(self) -> MethodFilter {
        match self {
            Verb::Get => MethodFilter::GET,
            Verb::Post => MethodFilter::POST,
        }
    }
}

pub(crate) struct Route {
    // Read by the test that checks the routes against openapi.json.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) verb: Verb,
    pub(crate) path: &'static str,
    handler: MethodRouter<AppState>,
}

fn route<H, T>(verb: Verb, path: &'static str, handler: H) -> Route
where
    H: Handler<T, AppState>,
    T: 'static,
{
    Route {
        verb,
        path,
        handler: on(verb.filter(), handler),
    }
}

fn asset(path: &'static str, asset: Asset) -> Route {
    route(Verb::Get, path, move || async move { asset.response() })
}

fn export(path: &'static str, export: Export) -> Route {
    route(Verb::Get, path, move |State(state): State<AppState>| {
        api::export(state, export)
    })
}

/// Every route the server answers.
pub(crate) fn routes() -> Vec<Route> {
    use Verb::{Get, Post};
    vec![
        asset("/", assets::INDEX_HTML),
        asset("/assets/app.js", assets::APP_JS),
        asset("/assets/app.css", assets::APP_CSS),
        asset("/assets/world.json", assets::WORLD_JSON),
        asset("/openapi.json", assets::OPENAPI_JSON),
        asset("/schema/analysis.schema.json", assets::ANALYSIS_SCHEMA),
        route(Get, "/api/analysis", api::analysis),
        route(Get, "/api/events", api::events),
        route(Get, "/api/claims", api::claims),
        route(Get, "/api/conflicts", api::conflicts),
        route(Get, "/api/entities", api::entities),
        route(Get, "/api/reports", api::reports),
        route(Post, "/api/reports", api::add_report),
        route(Get, "/api/reports/{id}", api::report),
        route(Get, "/api/stories", api::stories),
        route(Get, "/api/search", api::search),
        route(Post, "/api/curation", api::curate),
        route(Get, "/api/revision", api::revision),
        route(Get, "/api/updates", updates),
        export("/api/export/timelinejs", Export::TimelineJs),
        export("/api/export/geojson", Export::GeoJson),
        export("/api/export/csv", Export::EventsCsv),
        export("/api/export/claims-csv", Export::ClaimsCsv),
    ]
}

/// The application: the API and the web app over `backend`, guarded as
/// `options` say. (The bind address is not checked here: see
/// [`ServeOptions::validate`].)
pub fn router(backend: Arc<dyn Backend>, options: &ServeOptions) -> Router {
    app(backend, options, CancellationToken::new())
}

/// [`router`], with event streams ending when `shutdown` is cancelled.
pub(crate) fn app(
    backend: Arc<dyn Backend>,
    options: &ServeOptions,
    shutdown: CancellationToken,
) -> Router {
    let state = AppState { backend, shutdown };
    let [csp, nosniff, referrer] = security::header_layers();
    routes()
        .into_iter()
        .fold(Router::new(), |router, r| router.route(r.path, r.handler))
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(DefaultBodyLimit::max(options.max_body_bytes))
        .layer(from_fn_with_state(
            Access::new(options.token.as_deref()),
            security::guard,
        ))
        .layer(from_fn(time_limit))
        .layer(csp)
        .layer(nosniff)
        .layer(referrer)
}

/// Answers 408 (as JSON, like every error) when the response takes too long.
async fn time_limit(request: Request, next: Next) -> Response {
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            format!(
                "no answer within {} s; try again",
                REQUEST_TIMEOUT.as_secs()
            ),
        )
        .into_response(),
    }
}

async fn no_route(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("no such route: {method} {}", uri.path()),
    )
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{} does not answer {method}", uri.path()),
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn openapi() -> serde_json::Value {
        serde_json::from_slice(assets::OPENAPI_JSON.bytes).unwrap()
    }

    #[test]
    fn openapi_is_version_3_1() {
        let document = openapi();
        let version = document["openapi"].as_str().unwrap();
        assert!(version.starts_with("3.1."), "{version}");
    }

    /// Every `$ref` string in `value`.
    fn references(value: &serde_json::Value, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, item) in map {
                    match (key.as_str(), item.as_str()) {
                        ("$ref", Some(target)) => found.push(target.to_owned()),
                        _ => references(item, found),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| references(i, found)),
            _ => {}
        }
    }

    #[test]
    fn every_reference_resolves() {
        let document = openapi();
        let schema: serde_json::Value =
            serde_json::from_slice(assets::ANALYSIS_SCHEMA.bytes).unwrap();
        let mut found = Vec::new();
        references(&document, &mut found);
        assert!(found.len() > 20, "{found:?}");
        for target in &found {
            let (file, pointer) = target.split_once('#').unwrap_or((target, ""));
            let resolved = match file {
                "" => document.pointer(pointer),
                "/schema/analysis.schema.json" => schema.pointer(pointer),
                other => panic!("reference to an unknown document {other:?}"),
            };
            assert!(resolved.is_some(), "unresolved $ref {target:?}");
        }
    }

    #[test]
    fn every_route_is_documented_and_every_documented_route_exists() {
        let served: BTreeSet<(String, String)> = routes()
            .iter()
            .map(|r| (r.path.to_owned(), r.verb.as_str().to_owned()))
            .collect();
        let document = openapi();
        let paths = document["paths"].as_object().unwrap();
        let mut documented = BTreeSet::new();
        for (path, item) in paths {
            for method in item.as_object().unwrap().keys() {
                if ["get", "post", "put", "patch", "delete", "head", "options"]
                    .contains(&method.as_str())
                {
                    documented.insert((path.clone(), method.clone()));
                }
            }
        }
        let undocumented: Vec<_> = served.difference(&documented).collect();
        let unserved: Vec<_> = documented.difference(&served).collect();
        assert!(
            undocumented.is_empty(),
            "not in openapi.json: {undocumented:?}"
        );
        assert!(unserved.is_empty(), "not served: {unserved:?}");
    }
}
