//! Exports for other tools: a TimelineJS timeline, GeoJSON for maps, and
//! CSV tables of events and claims for spreadsheets.
//!
//! # TimelineJS ([`render_timelinejs`])
//!
//! The JSON that Knight Lab's TimelineJS reads: a `title` slide and one
//! `events` slide per dated event (undated events cannot be placed on a
//! timeline and are left out), in timeline order. A slide has
//! `start_date` (`year`, `month`, `day` as far as the date is known: a
//! year-only date gives only `year`, a month gives `year` and `month`),
//! `end_date` when the event covers several days that are not one whole
//! month or year, `text` (`headline`: the summary, cut to 140 characters; `text`: the sources'
//! quotes with their report ids), `group` (the event type, so TimelineJS
//! draws one row per type) and `unique_id` (the event id). TimelineJS
//! renders these strings as HTML, so every text taken from a report is
//! HTML-escaped.
//!
//! # GeoJSON ([`render_geojson`])
//!
//! A `FeatureCollection` of `Point` features, coordinates in GeoJSON order
//! `[longitude, latitude]`:
//! * one per place entity with coordinates, properties `kind: "place"`,
//!   `id`, `name`, `aliases`, `mentions`, `reports`;
//! * one per (event, located place among its entities), properties
//!   `kind: "event"`, `id`, `type`, `date` (TIMEX value or null),
//!   `date_start`, `date_end`, `summary`, `independent_sources`, `place`
//!   (the place entity's id) and `place_name`.
//!
//! Coordinates that are not finite or out of range are left out.
//!
//! # Events CSV ([`render_events_csv`])
//!
//! One row per event, in timeline order, with a header row:
//!
//! | column | content |
//! |--------|---------|
//! | `id` | event id (`evt-1`, …) |
//! | `date` | TIMEX value of the date (`2022-01-05`, `2022-01`, `2022-W01`, `2022-01-05TEV`), empty when undated |
//! | `date_start` | first day covered, `YYYY-MM-DD`, empty when undated |
//! | `date_end` | last day covered, `YYYY-MM-DD`, empty when undated |
//! | `type` | event type (`protest`, `dismissal`, …) |
//! | `summary` | one-sentence summary from the clearest source |
//! | `independent_sources` | reports stating it, syndicated copies counted once |
//! | `sources` | number of source quotes |
//! | `entities` | names of the entities taking part, joined by `; ` |
//! | `conflict` | ids of the conflicts it takes part in, joined by `; `, empty when none |
//!
//! # Claims CSV ([`render_claims_csv`])
//!
//! One row per claim, in analysis order, with a header row:
//!
//! | column | content |
//! |--------|---------|
//! | `id` | claim id (`clm-1`, …) |
//! | `group` | claims measuring the same thing share a group |
//! | `measure` | what is counted (`killed`, `detained`, `troops`) |
//! | `subject` | what it is about (`security officers`) |
//! | `low` | lower bound of the interval all sources agree on, empty when unbounded |
//! | `high` | upper bound, empty when unbounded |
//! | `low_inclusive` | `true` when `low` itself belongs to the interval ("at least"), `false` when not ("more than") |
//! | `high_inclusive` | `true` when `high` belongs to the interval, `false` when not ("almost") |
//! | `as_of` | the day the figure holds for, `YYYY-MM-DD`, empty when unknown |
//! | `status` | `single`, `corroborated`, `conflicting` or `series` |
//! | `independent_sources` | reports stating it, syndicated copies counted once |
//! | `sources` | number of source quotes |
//! | `speakers` | distinct speakers, joined by `; ` |
//! | `hedges` | distinct hedges (`reported`, `alleged`, …), joined by `; ` |
//! | `explanation` | one sentence saying why the status was given |
//!
//! Numbers are written plainly (`3600`, `2.5`), without thousands
//! separators. Fields are quoted by the `csv` crate when they hold commas,
//! quotes or line breaks. Text cells that begin with `=`, `+`, `-`, `@`, a
//! tab or a carriage return get a leading `'`, so that spreadsheet
//! programs show them rather than run them as formulas (report text is
//! untrusted input).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use corroborate_model::calendar;
use corroborate_model::{Analysis, Claim, Entity, EntityKind, Event, EventDate};
use maud::html;
use serde_json::{json, Map, Value};

use crate::common::{conflicts_by_item, shorten, squash_whitespace, timeline_order};
use crate::RenderError;

/// The dated events as TimelineJS JSON (see the module documentation).
pub fn render_timelinejs(analysis: &Analysis) -> Result<String, RenderError> {
    let slides: Vec<Value> = timeline_order(&analysis.events)
        .into_iter()
        .filter_map(|event| event.date.as_ref().map(|date| timeline_slide(event, date)))
        .collect();
    let timeline = json!({
        "title": {
            "text": {
                "headline": "Timeline",
                "text": html! { (timeline_intro(analysis)) }.into_string(),
            }
        },
        "events": slides,
    });
    Ok(serde_json::to_string_pretty(&timeline)?)
}

fn timeline_intro(analysis: &Analysis) -> String {
    let reports = analysis.reports.len();
    let dated = analysis.events.iter().filter(|e| e.date.is_some()).count();
    format!(
        "{dated} dated event{} from {reports} report{}, each with its source quotes.",
        plural(dated),
        plural(reports)
    )
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

/// Longest slide headline, in characters; the full quotes follow in the
/// slide text.
const HEADLINE_CHARS: usize = 140;

fn timeline_slide(event: &Event, date: &EventDate) -> Value {
    let (start, end) = timeline_dates(date);
    let mut slide = Map::new();
    slide.insert("start_date".into(), start);
    if let Some(end) = end {
        slide.insert("end_date".into(), end);
    }
    slide.insert(
        "text".into(),
        json!({
            "headline": html! { (shorten(&squash_whitespace(&event.summary), HEADLINE_CHARS)) }.into_string(),
            "text": timeline_text(event),
        }),
    );
    slide.insert("group".into(), event.event_type.as_str().into());
    slide.insert("unique_id".into(), event.id.as_str().into());
    Value::Object(slide)
}

/// TimelineJS date objects: as precise as the date is, with an end date
/// only for a span that is not one whole month or year.
fn timeline_dates(date: &EventDate) -> (Value, Option<Value>) {
    let (start, end) = (date.start, date.end);
    if start == end {
        return (day_object(start), None);
    }
    if start.day() == 1 && calendar::last_day_of_month(start.year(), start.month()) == Some(end) {
        return (json!({"year": start.year(), "month": start.month()}), None);
    }
    if start.ordinal() == 1 && end.year() == start.year() && end.month() == 12 && end.day() == 31 {
        return (json!({"year": start.year()}), None);
    }
    (day_object(start), Some(day_object(end)))
}

fn day_object(day: NaiveDate) -> Value {
    json!({"year": day.year(), "month": day.month(), "day": day.day()})
}

/// The slide body: the sources' quotes with their report ids, escaped by
/// `maud` (TimelineJS shows these strings as HTML).
fn timeline_text(event: &Event) -> String {
    html! {
        p {
            (event.kind_label()) " · " (event.independent_sources)
            " independent source" (plural(event.independent_sources))
        }
        @for source in &event.sources {
            blockquote { "“" (squash_whitespace(&source.quote)) "” " cite { (source.report) } }
        }
    }
    .into_string()
}

/// Places and located events as a GeoJSON FeatureCollection (see the
/// module documentation).
pub fn render_geojson(analysis: &Analysis) -> Result<String, RenderError> {
    let located: HashMap<&str, (&Entity, [f64; 2])> = analysis
        .entities
        .iter()
        .filter(|entity| entity.kind == EntityKind::Place)
        .filter_map(|entity| Some((entity.id.as_str(), (entity, lon_lat(entity)?))))
        .collect();
    let places = analysis
        .entities
        .iter()
        .filter_map(|entity| located.get(entity.id.as_str()))
        .map(|&(entity, point)| place_feature(entity, point));
    let events = analysis.events.iter().flat_map(|event| {
        event
            .entities
            .iter()
            .filter_map(|id| located.get(id.as_str()))
            .map(move |&(place, point)| event_feature(event, place, point))
    });
    let collection = json!({
        "type": "FeatureCollection",
        "features": places.chain(events).collect::<Vec<Value>>(),
    });
    Ok(serde_json::to_string_pretty(&collection)?)
}

/// `[longitude, latitude]`, the GeoJSON order, when both are usable.
fn lon_lat(entity: &Entity) -> Option<[f64; 2]> {
    let (lat, lon) = (entity.lat?, entity.lon?);
    let usable = lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon);
    usable.then_some([lon, lat])
}

fn point(coordinates: [f64; 2], properties: Value) -> Value {
    json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": coordinates},
        "properties": properties,
    })
}

fn place_feature(place: &Entity, coordinates: [f64; 2]) -> Value {
    point(
        coordinates,
        json!({
            "kind": "place",
            "id": place.id,
            "name": place.name,
            "aliases": place.aliases,
            "mentions": place.mentions,
            "reports": place.reports,
        }),
    )
}

fn event_feature(event: &Event, place: &Entity, coordinates: [f64; 2]) -> Value {
    point(
        coordinates,
        json!({
            "kind": "event",
            "id": event.id,
            "type": event.event_type.as_str(),
            "date": event.date.as_ref().map(|d| d.value.as_str()),
            "date_start": event.date.as_ref().map(|d| d.start.to_string()),
            "date_end": event.date.as_ref().map(|d| d.end.to_string()),
            "summary": event.summary,
            "independent_sources": event.independent_sources,
            "place": place.id,
            "place_name": place.name,
        }),
    )
}

const EVENT_COLUMNS: &[&str] = &[
    "id",
    "date",
    "date_start",
    "date_end",
    "type",
    "summary",
    "independent_sources",
    "sources",
    "entities",
    "conflict",
];

/// The events as CSV, one row each in timeline order (columns in the
/// module documentation).
pub fn render_events_csv(analysis: &Analysis) -> String {
    let names: HashMap<&str, &str> = analysis
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    let conflicts = conflicts_by_item(&analysis.conflicts);
    let rows = timeline_order(&analysis.events).into_iter().map(|event| {
        let entities: Vec<&str> = event
            .entities
            .iter()
            .map(|id| names.get(id.as_str()).copied().unwrap_or(id.as_str()))
            .collect();
        let date = event.date.as_ref();
        vec![
            event.id.clone(),
            date.map(|d| d.value.clone()).unwrap_or_default(),
            date.map(|d| d.start.to_string()).unwrap_or_default(),
            date.map(|d| d.end.to_string()).unwrap_or_default(),
            event.event_type.as_str().to_string(),
            text_cell(&squash_whitespace(&event.summary)),
            event.independent_sources.to_string(),
            event.sources.len().to_string(),
            text_cell(&entities.join("; ")),
            conflicts
                .get(event.id.as_str())
                .map(|ids| ids.join("; "))
                .unwrap_or_default(),
        ]
    });
    csv_document(EVENT_COLUMNS, rows)
}

const CLAIM_COLUMNS: &[&str] = &[
    "id",
    "group",
    "measure",
    "subject",
    "low",
    "high",
    "low_inclusive",
    "high_inclusive",
    "as_of",
    "status",
    "independent_sources",
    "sources",
    "speakers",
    "hedges",
    "explanation",
];

/// The claims as CSV, one row each in analysis order (columns in the
/// module documentation).
pub fn render_claims_csv(analysis: &Analysis) -> String {
    let rows = analysis.claims.iter().map(claim_row);
    csv_document(CLAIM_COLUMNS, rows)
}

fn claim_row(claim: &Claim) -> Vec<String> {
    let speakers = distinct(claim.sources.iter().filter_map(|s| s.speaker.as_deref()));
    let hedges = distinct(claim.sources.iter().filter_map(|s| s.hedge.as_deref()));
    vec![
        claim.id.clone(),
        text_cell(&claim.group),
        text_cell(&claim.measure),
        text_cell(&claim.subject),
        claim.low.map(plain_number).unwrap_or_default(),
        claim.high.map(plain_number).unwrap_or_default(),
        claim.low_inclusive.to_string(),
        claim.high_inclusive.to_string(),
        claim.as_of.map(|d| d.to_string()).unwrap_or_default(),
        claim.status.as_str().to_string(),
        claim.independent_sources.to_string(),
        claim.sources.len().to_string(),
        text_cell(&speakers.join("; ")),
        text_cell(&hedges.join("; ")),
        text_cell(&squash_whitespace(&claim.explanation)),
    ]
}

/// The values in first-seen order, each once.
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = Vec::new();
    for value in values {
        if !seen.contains(&value) {
            seen.push(value);
        }
    }
    seen
}

/// `3600`, `2.5`: no trailing `.0`, no thousands separators.
fn plain_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// A text cell that spreadsheet programs will not take for a formula.
fn text_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A header row and the rows, quoted where needed by the `csv` crate.
fn csv_document(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail; a failed record would only be left out.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // Every field is a `String`, so the bytes are UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
#[path = "exports_tests.rs"]
mod tests;
