//! The HTTP API over an in-memory backend, through the router (no socket).

mod common;

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use axum::Router;
use common::TestBackend;
use corroborate_model::EntityKind;
use corroborate_server::{router, CurationChange, ServeOptions, ServerError};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

const TOKEN: &str = "t0ken-for-tests";

fn app_with(backend: Arc<TestBackend>, token: Option<&str>, max_body_bytes: usize) -> Router {
    let options = ServeOptions {
        token: token.map(str::to_owned),
        max_body_bytes,
        ..ServeOptions::default()
    };
    router(backend, &options)
}

fn app() -> (Arc<TestBackend>, Router) {
    let backend = TestBackend::new();
    let app = app_with(Arc::clone(&backend), None, 1 << 20);
    (backend, app)
}

async fn send(app: &Router, request: Request<Body>) -> Response {
    app.clone().oneshot(request).await.unwrap()
}

async fn get(app: &Router, uri: &str) -> Response {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &Router, uri: &str, content_type: &str, body: impl Into<Body>) -> Response {
    let request = Request::post(uri).header(header::CONTENT_TYPE, content_type);
    send(app, request.body(body.into()).unwrap()).await
}

async fn body_bytes(response: Response) -> Bytes {
    response.into_body().collect().await.unwrap().to_bytes()
}

/// Asserts the status and a JSON content type; returns the document.
async fn json(response: Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    assert_eq!(content_type(&response), "application/json");
    serde_json::from_slice(&body_bytes(response).await).unwrap()
}

async fn get_json(app: &Router, uri: &str) -> Value {
    json(get(app, uri).await, StatusCode::OK).await
}

fn content_type(response: &Response) -> &str {
    response.headers()[header::CONTENT_TYPE].to_str().unwrap()
}

fn ids(document: &Value, key: &str) -> Vec<String> {
    document[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn event_ids(app: &Router, query: &str) -> Vec<String> {
    ids(
        &get_json(app, &format!("/api/events{query}")).await,
        "events",
    )
}

#[tokio::test]
async fn events_are_analysis_objects_with_pending_and_revision() {
    let (_, app) = app();
    let document = get_json(&app, "/api/events").await;
    assert_eq!(document["revision"], 0);
    assert_eq!(ids(&document, "events"), ["ev1", "ev2", "ev3", "ev4"]);
    let first = &document["events"][0];
    assert_eq!(first["type"], "protest");
    assert_eq!(first["date"]["start"], "2022-01-02");
    assert_eq!(first["independent_sources"], 3);
    assert_eq!(first["entities"], serde_json::json!(["ent1"]));
    assert_eq!(first["pending"], false);
}

#[tokio::test]
async fn lists_page_with_offset_and_limit_and_report_the_total() {
    let (_, app) = app();
    let all = event_ids(&app, "").await;
    assert!(all.len() >= 3, "the fixture has several events");
    let page = get_json(&app, "/api/events?offset=1&limit=2").await;
    assert_eq!(page["total"], all.len());
    assert_eq!(ids(&page, "events"), all[1..3].to_vec());
    let beyond = get_json(&app, &format!("/api/events?offset={}", all.len())).await;
    assert_eq!(ids(&beyond, "events"), Vec::<String>::new());
    let claims = get_json(&app, "/api/claims?limit=1").await;
    assert_eq!(claims["claims"].as_array().map(Vec::len), Some(1));
    assert!(claims["total"].as_u64().unwrap_or(0) >= 1);
    let response = get(&app, "/api/entities?limit=0").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn events_filter_by_dates_inclusively_and_drop_undated() {
    let (_, app) = app();
    assert_eq!(
        event_ids(&app, "?from=2022-01-05&to=2022-01-06").await,
        ["ev2", "ev3"]
    );
    assert_eq!(event_ids(&app, "?from=2022-01-03").await, ["ev2", "ev3"]);
    assert_eq!(event_ids(&app, "?to=2022-01-02").await, ["ev1"]);
    assert!(event_ids(&app, "?from=2023-01-01").await.is_empty());
}

#[tokio::test]
async fn events_filter_by_type_sources_entity_and_place() {
    let (_, app) = app();
    assert_eq!(event_ids(&app, "?type=deployment").await, ["ev3"]);
    assert_eq!(event_ids(&app, "?min_sources=2").await, ["ev1", "ev3"]);
    assert_eq!(event_ids(&app, "?entity=tokayev").await, ["ev2", "ev4"]);
    let by_alias = "?entity=collective%20security%20treaty%20organization";
    assert_eq!(event_ids(&app, by_alias).await, ["ev2", "ev3"]);
    assert_eq!(event_ids(&app, "?place=ALMA-ATA").await, ["ev1", "ev3"]);
    assert!(event_ids(&app, "?place=Tokayev").await.is_empty());
    assert_eq!(
        event_ids(&app, "?place=almaty&min_sources=3").await,
        ["ev1"]
    );
    let blank = "?from=&to=&type=&entity=&place=&min_sources=&story=";
    assert_eq!(event_ids(&app, blank).await.len(), 4);
}

#[tokio::test]
async fn events_and_claims_filter_by_story() {
    let (_, app) = app();
    // The fixture's events alternate between its two reports, whose
    // stories are sty-1 and sty-2; its claims quote no report.
    assert_eq!(event_ids(&app, "?story=sty-1").await, ["ev1", "ev3"]);
    assert_eq!(event_ids(&app, "?story=sty-2").await, ["ev2", "ev4"]);
    assert!(event_ids(&app, "?story=sty-9").await.is_empty());
    let claims = get_json(&app, "/api/claims").await;
    assert!(claims["total"].as_u64().unwrap_or(0) >= 1);
    let none = get_json(&app, "/api/claims?story=sty-1").await;
    assert_eq!(none["total"], 0);
}

#[tokio::test]
async fn stories_list_each_story_and_reports_name_theirs() {
    let (_, app) = app();
    let document = get_json(&app, "/api/stories").await;
    let stories = document["stories"].as_array().expect("a list of stories");
    let ids: Vec<&str> = stories.iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(ids, ["sty-1", "sty-2"]);
    for story in stories {
        assert_eq!(story["reports"], 1, "{story}");
        assert!(
            story["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{story}"
        );
        assert!(story["names"].is_array(), "{story}");
    }
    let reports = get_json(&app, "/api/reports").await;
    let story_of: Vec<&str> = reports["reports"]
        .as_array()
        .expect("a list of reports")
        .iter()
        .filter_map(|r| r["story"].as_str())
        .collect();
    assert_eq!(story_of, ["sty-1", "sty-2"]);
}

#[tokio::test]
async fn conflicts_filter_by_kind_and_page() {
    let (_, app) = app();
    let all = get_json(&app, "/api/conflicts").await;
    let listed = all["conflicts"].as_array().expect("a list").clone();
    assert!(!listed.is_empty(), "the fixture has a conflict: {all}");
    for kind in ["date", "number", "statement"] {
        let expected = listed.iter().filter(|c| c["kind"] == kind).count();
        let some = get_json(&app, &format!("/api/conflicts?kind={kind}")).await;
        assert_eq!(some["total"].as_u64(), Some(expected as u64), "{kind}");
        let kinds = some["conflicts"].as_array().expect("a list");
        assert!(kinds.iter().all(|c| c["kind"] == kind), "{kind}: {some}");
    }
    let page = get_json(&app, "/api/conflicts?limit=1").await;
    assert_eq!(page["conflicts"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["total"].as_u64(), Some(listed.len() as u64));
}

#[tokio::test]
async fn bad_parameters_are_400_with_an_error_message() {
    let (_, app) = app();
    for uri in [
        "/api/events?from=2022-02-30",
        "/api/events?to=January",
        "/api/events?min_sources=many",
        "/api/events?type=parade",
        "/api/claims?status=disputed",
        "/api/conflicts?kind=opinion",
        "/api/conflicts?limit=0",
        "/api/search?q=Almaty&limit=ten",
    ] {
        let document = json(get(&app, uri).await, StatusCode::BAD_REQUEST).await;
        assert!(!document["error"].as_str().unwrap().is_empty(), "{uri}");
    }
}

#[tokio::test]
async fn claims_filter_by_status_and_measure() {
    let (_, app) = app();
    let document = get_json(&app, "/api/claims").await;
    assert_eq!(ids(&document, "claims"), ["cl1", "cl2"]);
    assert_eq!(document["claims"][0]["status"], "conflicting");
    assert_eq!(document["claims"][0]["pending"], false);
    let by_status = get_json(&app, "/api/claims?status=corroborated").await;
    assert_eq!(ids(&by_status, "claims"), ["cl2"]);
    let by_measure = get_json(&app, "/api/claims?measure=KILLED").await;
    assert_eq!(ids(&by_measure, "claims"), ["cl1"]);
}

#[tokio::test]
async fn conflicts_and_entities() {
    let (_, app) = app();
    let conflicts = get_json(&app, "/api/conflicts").await;
    assert_eq!(ids(&conflicts, "conflicts"), ["cf1"]);
    assert_eq!(conflicts["conflicts"][0]["kind"], "number");
    let all = get_json(&app, "/api/entities").await;
    assert_eq!(ids(&all, "entities"), ["ent1", "ent2", "ent3"]);
    assert_eq!(all["entities"][0]["aliases"][1], "Alma-Ata");
    let found = get_json(&app, "/api/entities?q=treaty").await;
    assert_eq!(ids(&found, "entities"), ["ent3"]);
}

#[tokio::test]
async fn analysis_is_the_analyze_json_document() {
    let (_, app) = app();
    let document = get_json(&app, "/api/analysis").await;
    assert_eq!(
        document["schema_version"],
        corroborate_model::SCHEMA_VERSION
    );
    assert_eq!(document["events"].as_array().unwrap().len(), 4);
    assert!(document["events"][0].get("pending").is_none());
}

#[tokio::test]
async fn analysis_streams_the_same_bytes_as_analyze_over_many_chunks() {
    for backend in [TestBackend::new(), TestBackend::with_events_repeated(2000)] {
        let expected = corroborate_render::render_json(
            &corroborate_server::Backend::analysis(&*backend).unwrap(),
        )
        .unwrap();
        let app = app_with(Arc::clone(&backend), None, 1 << 20);
        let response = get(&app, "/api/analysis").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(content_type(&response), "application/json");
        let body = body_bytes(response).await;
        assert_eq!(body.len(), expected.len());
        assert!(body == expected.as_bytes(), "the streamed document differs");
    }
    let large = TestBackend::with_events_repeated(2000);
    let bytes =
        corroborate_render::render_json(&corroborate_server::Backend::analysis(&*large).unwrap())
            .unwrap()
            .len();
    assert!(
        bytes > 4 * 256 * 1024,
        "only {bytes} bytes: one chunk would do"
    );
}

#[tokio::test]
async fn reports_list_one_report_and_unknown_report() {
    let (_, app) = app();
    let list = get_json(&app, "/api/reports").await;
    let first = &list["reports"][0];
    for field in [
        "id",
        "title",
        "outlet",
        "published",
        "source",
        "url",
        "pending",
    ] {
        assert!(first.get(field).is_some(), "{field}");
    }
    assert_eq!(first["title"], "Protests in Almaty");
    let report = get_json(&app, "/api/reports/r2").await;
    assert_eq!(report["meta"]["id"], "r2");
    assert!(report["text"]
        .as_str()
        .unwrap()
        .starts_with("Tokayev asked"));
    let missing = json(get(&app, "/api/reports/nope").await, StatusCode::NOT_FOUND).await;
    assert!(missing["error"].as_str().unwrap().contains("nope"));
}

#[tokio::test]
async fn search_returns_hits_with_byte_offsets() {
    let (_, app) = app();
    let document = get_json(&app, "/api/search?q=CSTO&limit=5").await;
    assert_eq!(document["query"], "CSTO");
    let hit = &document["hits"][0];
    assert_eq!(hit["report_id"], "r2");
    let text = "Tokayev asked the CSTO for help on 5 January.";
    let start = text.find("CSTO").unwrap();
    assert_eq!(hit["highlights"][0]["start"], start);
    assert_eq!(hit["highlights"][0]["end"], start + 4);
    let blank = get_json(&app, "/api/search?q=").await;
    assert_eq!(blank["hits"], serde_json::json!([]));
}

#[tokio::test]
async fn posting_a_report_makes_it_pending_until_merged() {
    let (backend, app) = app();
    let body = "---\ntitle: Curfew declared\n---\nA curfew was declared.";
    let response = post(&app, "/api/reports", "text/markdown; charset=utf-8", body).await;
    assert_eq!(
        response.headers()[header::LOCATION],
        "/api/reports/upload-3"
    );
    let added = json(response, StatusCode::CREATED).await;
    assert_eq!(
        added,
        serde_json::json!({"id": "upload-3", "already_present": false})
    );
    assert_eq!(
        backend.uploads()[0].content_type.as_deref(),
        Some("text/markdown")
    );

    let events = get_json(&app, "/api/events").await;
    let pending = events["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(pending["id"], "pending-upload-3");
    assert_eq!(pending["pending"], true);
    assert_eq!(events["revision"], 1);
    let reports = get_json(&app, "/api/reports").await;
    assert_eq!(reports["reports"][2]["pending"], true);
    let report = get_json(&app, "/api/reports/upload-3").await;
    assert_eq!(report["meta"]["title"], "Curfew declared");

    let again = post(&app, "/api/reports", "text/markdown", body).await;
    let again = json(again, StatusCode::CREATED).await;
    assert_eq!(again["already_present"], true);
}

#[tokio::test]
async fn report_bodies_are_checked() {
    let (_, app) = app();
    let image = post(&app, "/api/reports", "image/png", "\u{89}PNG").await;
    let document = json(image, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    assert!(document["error"].as_str().unwrap().contains("text/html"));
    let empty = post(&app, "/api/reports", "text/plain", "  \n").await;
    json(empty, StatusCode::BAD_REQUEST).await;
    let not_utf8 = post(&app, "/api/reports", "text/plain", vec![0xff, 0xfe, 0x41]).await;
    json(not_utf8, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn a_body_over_the_limit_is_413() {
    let backend = TestBackend::new();
    let app = app_with(backend, None, 1024);
    let big = "word ".repeat(1000);
    let response = post(&app, "/api/reports", "text/plain", big).await;
    json(response, StatusCode::PAYLOAD_TOO_LARGE).await;
    let small = post(&app, "/api/reports", "text/plain", "A short report.").await;
    assert_eq!(small.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn curation_round_trip() {
    let (backend, app) = app();
    let body = r#"{"action":"kind","name":"CSTO","kind":"organization"}"#;
    let answer = json(
        post(&app, "/api/curation", "application/json", body).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(answer, serde_json::json!({"revision": 1}));
    let merge = r#"{"action":"merge","names":["Almaty","Alma-Ata"]}"#;
    let answer = json(
        post(&app, "/api/curation", "application/json", merge).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(answer["revision"], 2);
    assert_eq!(
        backend.curation_log(),
        [
            CurationChange::Kind {
                name: "CSTO".into(),
                kind: EntityKind::Organization
            },
            CurationChange::Merge {
                names: vec!["Almaty".into(), "Alma-Ata".into()]
            },
        ]
    );
    assert_eq!(get_json(&app, "/api/revision").await["revision"], 2);

    let unknown = r#"{"action":"rename","name":"CSTO"}"#;
    let response = post(&app, "/api/curation", "application/json", unknown).await;
    json(response, StatusCode::BAD_REQUEST).await;
    let as_text = post(&app, "/api/curation", "text/plain", merge).await;
    json(as_text, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    assert_eq!(backend.curation_log().len(), 2);
}

#[tokio::test]
async fn exports_are_downloads_with_their_types() {
    let (_, app) = app();
    for (uri, expected_type, file_name) in [
        (
            "/api/export/timelinejs",
            "application/json",
            "timeline.json",
        ),
        (
            "/api/export/geojson",
            "application/geo+json",
            "events.geojson",
        ),
        ("/api/export/csv", "text/csv; charset=utf-8", "events.csv"),
        (
            "/api/export/claims-csv",
            "text/csv; charset=utf-8",
            "claims.csv",
        ),
    ] {
        let response = get(&app, uri).await;
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        assert_eq!(content_type(&response), expected_type);
        let disposition = response.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap();
        assert_eq!(disposition, format!("attachment; filename=\"{file_name}\""));
        let body = String::from_utf8(body_bytes(response).await.to_vec()).unwrap();
        if expected_type.contains("json") {
            serde_json::from_str::<Value>(&body).unwrap();
        }
        if uri.ends_with("/csv") {
            assert!(body.contains("Event ev1"), "{body}");
        }
        if uri.ends_with("claims-csv") {
            assert!(body.contains("killed"), "{body}");
        }
    }
}

#[tokio::test]
async fn web_app_assets_are_served_with_their_types() {
    let (_, app) = app();
    for (uri, expected_type) in [
        ("/", "text/html; charset=utf-8"),
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/app.css", "text/css; charset=utf-8"),
        ("/assets/world.json", "application/json"),
        ("/openapi.json", "application/json"),
        ("/schema/analysis.schema.json", "application/schema+json"),
    ] {
        let response = get(&app, uri).await;
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        assert_eq!(content_type(&response), expected_type, "{uri}");
        assert!(!body_bytes(response).await.is_empty());
    }
    let missing = json(
        get(&app, "/assets/../Cargo.toml").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert!(missing["error"].as_str().unwrap().contains("no such route"));
}

/// Every path and method of openapi.json is answered by a handler (not
/// the 404 and 405 fallbacks).
#[tokio::test]
async fn every_documented_operation_is_routed() {
    let (_, app) = app();
    let document = get_json(&app, "/openapi.json").await;
    for (path, item) in document["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            let uri = path.replace("{id}", "r1");
            let request = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(&uri)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{}"))
                .unwrap();
            let response = send(&app, request).await;
            let status = response.status();
            assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            assert_ne!(status, StatusCode::NOT_FOUND, "{method} {path}");
        }
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let backend = TestBackend::new();
    let open = app_with(Arc::clone(&backend), None, 16);
    let guarded = app_with(backend, Some(TOKEN), 16);
    let responses = [
        get(&open, "/").await,
        get(&open, "/api/events").await,
        get(&open, "/api/events?from=bad").await,
        get(&open, "/no/such/route").await,
        post(&open, "/api/reports", "text/plain", "x".repeat(64)).await,
        get(&guarded, "/api/events").await,
    ];
    for response in responses {
        let headers = response.headers();
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.starts_with("default-src 'self'"), "{csp}");
        assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(headers[header::REFERRER_POLICY], "no-referrer");
    }
}

#[tokio::test]
async fn with_a_token_every_request_must_bear_it() {
    let app = app_with(TestBackend::new(), Some(TOKEN), 1 << 20);
    for uri in [
        "/",
        "/assets/app.js",
        "/api/events",
        "/api/updates",
        "/openapi.json",
    ] {
        let refused = get(&app, uri).await;
        assert_eq!(refused.headers()[header::WWW_AUTHENTICATE], "Bearer");
        json(refused, StatusCode::UNAUTHORIZED).await;
    }
    let wrong = Request::get("/api/events").header(header::AUTHORIZATION, "Bearer nope");
    let wrong = send(&app, wrong.body(Body::empty()).unwrap()).await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let bearer = format!("Bearer {TOKEN}");
    let right = Request::get("/api/events").header(header::AUTHORIZATION, bearer);
    let right = send(&app, right.body(Body::empty()).unwrap()).await;
    assert_eq!(right.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_token_link_sets_a_strict_http_only_cookie() {
    let app = app_with(TestBackend::new(), Some(TOKEN), 1 << 20);
    let wrong = get(&app, "/?token=guess").await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert!(wrong.headers().get(header::SET_COOKIE).is_none());

    let link = get(&app, &format!("/?token={TOKEN}")).await;
    assert_eq!(link.status(), StatusCode::SEE_OTHER);
    assert_eq!(link.headers()[header::LOCATION], "/");
    let cookie = link.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with(&format!("corroborate_token={TOKEN};")),
        "{cookie}"
    );
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));

    let pair = cookie.split(';').next().unwrap();
    for uri in ["/", "/api/revision"] {
        let request = Request::get(uri).header(header::COOKIE, format!("theme=dark; {pair}"));
        let response = send(&app, request.body(Body::empty()).unwrap()).await;
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
    }
}

#[tokio::test]
async fn without_a_token_only_localhost_names_and_same_site_posts_are_answered() {
    let (_, app) = app();
    let rebound = Request::get("/api/events").header(header::HOST, "evil.example:8080");
    let rebound = send(&app, rebound.body(Body::empty()).unwrap()).await;
    json(rebound, StatusCode::FORBIDDEN).await;
    let local = Request::get("/api/events").header(header::HOST, "localhost:8080");
    let local = send(&app, local.body(Body::empty()).unwrap()).await;
    assert_eq!(local.status(), StatusCode::OK);
    let cross_site = Request::post("/api/reports")
        .header(header::HOST, "127.0.0.1:8080")
        .header(header::ORIGIN, "https://evil.example")
        .header(header::CONTENT_TYPE, "text/plain");
    let cross_site = send(&app, cross_site.body(Body::from("Injected.")).unwrap()).await;
    json(cross_site, StatusCode::FORBIDDEN).await;
}

#[tokio::test]
async fn a_hostile_title_comes_back_only_inside_json_strings() {
    let (_, app) = app();
    let title = "<script>alert(1)</script>";
    let body = format!("---\ntitle: {title}\n---\nSomething happened.");
    let added = json(
        post(&app, "/api/reports", "text/plain", body).await,
        StatusCode::CREATED,
    )
    .await;
    let id = added["id"].as_str().unwrap();

    let reports = get_json(&app, "/api/reports").await;
    assert_eq!(reports["reports"][2]["title"], title);
    let report = get_json(&app, &format!("/api/reports/{id}")).await;
    assert_eq!(report["meta"]["title"], title);
    for uri in [
        "/",
        "/api/reports",
        "/api/events",
        &format!("/api/reports/{id}"),
    ] {
        let response = get(&app, uri).await;
        let html = content_type(&response).starts_with("text/html");
        let body = body_bytes(response).await;
        let echoed = String::from_utf8_lossy(&body).contains("<script>alert");
        assert!(!(html && echoed), "{uri} serves the title as HTML");
    }
}

#[tokio::test]
async fn updates_stream_a_revision_event_after_a_change() {
    let (backend, app) = app();
    let response = get(&app, "/api/updates").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(content_type(&response), "text/event-stream");
    let mut body = response.into_body();
    let first = next_event(&mut body).await;
    assert!(
        first.contains("event: revision") && first.contains("data: 0"),
        "{first:?}"
    );
    backend.bump();
    let second = next_event(&mut body).await;
    assert!(
        second.contains("event: revision") && second.contains("data: 1"),
        "{second:?}"
    );
}

/// The next data frame of an event stream, within a few seconds.
async fn next_event(body: &mut Body) -> String {
    let frame = tokio::time::timeout(Duration::from_secs(5), body.frame())
        .await
        .expect("an event within 5 s")
        .unwrap()
        .unwrap();
    String::from_utf8(frame.into_data().unwrap().to_vec()).unwrap()
}

#[test]
fn a_public_bind_without_a_token_is_refused() {
    let options = ServeOptions {
        bind: "0.0.0.0:0".parse().unwrap(),
        ..ServeOptions::default()
    };
    let mut announced = false;
    let result = corroborate_server::serve_blocking(TestBackend::new(), &options, |_| {
        announced = true;
    });
    assert!(matches!(
        result,
        Err(ServerError::NonLoopbackWithoutToken(_))
    ));
    assert!(!announced);
}
