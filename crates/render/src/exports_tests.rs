//! Tests of the exports on the shared hand-made analysis.

use chrono::NaiveDate;
use corroborate_model::{Analysis, EventDate};
use serde_json::Value;

use super::*;
use crate::fixture::sample_analysis;

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, month, day).unwrap_or_default()
}

fn span_date(value: &str, start: NaiveDate, end: NaiveDate) -> Option<EventDate> {
    Some(EventDate {
        value: value.into(),
        start,
        end,
    })
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or(Value::Null)
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record
                .map(|r| r.iter().map(str::to_string).collect())
                .unwrap_or_default()
        })
        .collect()
}

fn csv_header(text: &str) -> Vec<String> {
    csv::Reader::from_reader(text.as_bytes())
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default()
}

fn timeline(analysis: &Analysis) -> Value {
    parse(&render_timelinejs(analysis).unwrap_or_default())
}

#[test]
fn timelinejs_has_dated_events_in_order_with_their_type_as_group() {
    let json = timeline(&sample_analysis());
    let events = json["events"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = events
        .iter()
        .filter_map(|e| e["unique_id"].as_str())
        .collect();
    assert_eq!(ids, vec!["E1", "E2"], "undated E3 is left out");
    assert_eq!(
        events[0]["start_date"],
        serde_json::json!({"year": 2022, "month": 3, "day": 3})
    );
    assert!(events[0].get("end_date").is_none());
    assert_eq!(events[0]["group"], "protest");
    assert_eq!(events[1]["group"], "resignation");
    assert!(json["title"]["text"]["headline"].is_string());
    let body = events[1]["text"]["text"].as_str().unwrap_or_default();
    assert!(body.contains("The governor, Zoë Marten, resigned on 5 March."));
    assert!(body.contains("<cite>beta</cite>"));
}

#[test]
fn timelinejs_escapes_report_text() {
    let mut analysis = sample_analysis();
    analysis.events[2].summary = "<img src=x onerror=alert(1)> & more".into();
    analysis.events[2].sources[0].quote = "a <script>quote</script>".into();
    let json = timeline(&analysis);
    let slide = &json["events"][0];
    assert_eq!(
        slide["text"]["headline"],
        "&lt;img src=x onerror=alert(1)&gt; &amp; more"
    );
    let body = slide["text"]["text"].as_str().unwrap_or_default();
    assert!(
        body.contains("&lt;script&gt;quote&lt;/script&gt;"),
        "{body}"
    );
    assert!(!body.contains("<script>"));
}

#[test]
fn timelinejs_dates_are_as_precise_as_known() {
    let mut analysis = sample_analysis();
    analysis.events[0].date = span_date("2022-03", day(3, 1), day(3, 31));
    analysis.events[1].date = span_date("2022-W10", day(3, 7), day(3, 13));
    analysis.events[2].date = span_date("2022", day(1, 1), day(12, 31));
    let json = timeline(&analysis);
    let by_id = |id: &str| {
        json["events"]
            .as_array()
            .and_then(|events| events.iter().find(|e| e["unique_id"] == id))
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(
        by_id("E2")["start_date"],
        serde_json::json!({"year": 2022, "month": 3})
    );
    assert!(by_id("E2").get("end_date").is_none());
    assert_eq!(
        by_id("E3")["end_date"],
        serde_json::json!({"year": 2022, "month": 3, "day": 13})
    );
    assert_eq!(by_id("E1")["start_date"], serde_json::json!({"year": 2022}));
}

#[test]
fn geojson_points_are_lon_lat_for_places_and_located_events() {
    let json = parse(&render_geojson(&sample_analysis()).unwrap_or_default());
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().cloned().unwrap_or_default();
    assert_eq!(features.len(), 2, "{features:#?}");
    let place = &features[0];
    assert_eq!(place["geometry"]["type"], "Point");
    assert_eq!(
        place["geometry"]["coordinates"],
        serde_json::json!([44.8, 41.2])
    );
    assert_eq!(place["properties"]["kind"], "place");
    assert_eq!(place["properties"]["name"], "Velmora");
    assert_eq!(place["properties"]["mentions"], 2);
    assert_eq!(
        place["properties"]["reports"],
        serde_json::json!(["alpha", "beta"])
    );
    let event = &features[1];
    assert_eq!(event["properties"]["kind"], "event");
    assert_eq!(event["properties"]["id"], "E1");
    assert_eq!(event["properties"]["type"], "protest");
    assert_eq!(event["properties"]["date"], "2022-03-03");
    assert_eq!(event["properties"]["place"], "N1");
    assert_eq!(event["properties"]["independent_sources"], 1);
    assert_eq!(
        event["geometry"]["coordinates"],
        serde_json::json!([44.8, 41.2])
    );
}

#[test]
fn geojson_skips_unusable_coordinates() {
    let mut analysis = sample_analysis();
    analysis.entities[0].lat = Some(f64::NAN);
    let json = parse(&render_geojson(&analysis).unwrap_or_default());
    assert_eq!(json["features"], serde_json::json!([]));
    analysis.entities[0].lat = Some(95.0);
    let json = parse(&render_geojson(&analysis).unwrap_or_default());
    assert_eq!(json["features"], serde_json::json!([]));
}

#[test]
fn events_csv_has_documented_columns_in_timeline_order() {
    let csv_text = render_events_csv(&sample_analysis());
    assert_eq!(csv_header(&csv_text), EVENT_COLUMNS);
    let rows = csv_rows(&csv_text);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, vec!["E1", "E2", "E3"]);
    assert_eq!(
        rows[1],
        vec![
            "E2",
            "2022-03-05",
            "2022-03-05",
            "2022-03-05",
            "resignation",
            "Governor Zoë Marten resigned",
            "2",
            "2",
            "Zoë Marten",
            "X2",
        ]
    );
    assert_eq!(&rows[2][1..4], ["", "", ""], "undated event");
    assert_eq!(rows[2][7], "3");
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks() {
    let mut analysis = sample_analysis();
    let tricky = "Police said \"stop\", then\nfired; \"again\"";
    analysis.events[2].summary = tricky.into();
    analysis.entities[0].name = "Velmora, Old Town".into();
    let csv_text = render_events_csv(&analysis);
    // Summaries are flattened to one line; names keep their commas.
    assert!(csv_text.contains("\"Police said \"\"stop\"\", then fired; \"\"again\"\"\""));
    assert!(csv_text.contains("\"Velmora, Old Town\""));
    let rows = csv_rows(&csv_text);
    assert_eq!(rows[0][5], "Police said \"stop\", then fired; \"again\"");
    assert_eq!(rows[0][8], "Velmora, Old Town");
    analysis.claims[0].explanation = "two\nlines, \"quoted\"".into();
    let claims = csv_rows(&render_claims_csv(&analysis));
    assert_eq!(claims[0][14], "two lines, \"quoted\"");
    analysis.claims[0].subject = "multi\nline".into();
    let claims_text = render_claims_csv(&analysis);
    assert!(claims_text.contains("\"multi\nline\""));
    assert_eq!(csv_rows(&claims_text)[0][3], "multi\nline");
}

#[test]
fn csv_text_cells_are_not_formulas() {
    let mut analysis = sample_analysis();
    analysis.events[2].summary = "=HYPERLINK(\"http://x\")".into();
    let rows = csv_rows(&render_events_csv(&analysis));
    assert_eq!(rows[0][5], "'=HYPERLINK(\"http://x\")");
}

#[test]
fn claims_csv_has_intervals_speakers_and_hedges() {
    let mut analysis = sample_analysis();
    analysis.claims[1].low = None;
    let csv_text = render_claims_csv(&analysis);
    assert_eq!(csv_header(&csv_text), CLAIM_COLUMNS);
    let rows = csv_rows(&csv_text);
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[0],
        vec![
            "C1",
            "detained|people",
            "detained",
            "people",
            "3600",
            "4000",
            "true",
            "false",
            "",
            "conflicting",
            "1",
            "1",
            "Police",
            "reported",
            "almost 4,000 as stated by one report",
        ]
    );
    assert_eq!(rows[1][4], "", "unbounded below");
    assert_eq!(rows[2][8], "2022-03-06");
    assert_eq!(rows[2][9], "series");
    assert_eq!(rows[2][12], "", "no speaker");
}

#[test]
fn numbers_are_plain() {
    assert_eq!(plain_number(3600.0), "3600");
    assert_eq!(plain_number(2.5), "2.5");
    assert_eq!(plain_number(-12.0), "-12");
}
