//! `corroborate annotate`: one report's annotations as JSON.
//!
//! The keys below are a stable contract: `report` (with the cleaned
//! `text`), `sentences`, `entities`, `timexes`, `quantities`,
//! `attributions`, `events`, each item with byte offsets into `text`.

use chrono::NaiveDate;
use corroborate_model::{AnnotatedReport, DateOrigin, Report};
use serde::Serialize;

#[derive(Serialize)]
pub struct AnnotateOutput<'a> {
    pub report: ReportOut<'a>,
    pub sentences: Vec<SpanOut>,
    pub entities: Vec<EntityOut<'a>>,
    pub timexes: Vec<TimexOut<'a>>,
    pub quantities: Vec<QuantityOut<'a>>,
    pub attributions: Vec<AttributionOut<'a>>,
    pub events: Vec<EventOut<'a>>,
}

#[derive(Serialize)]
pub struct ReportOut<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub published: Option<NaiveDate>,
    pub published_origin: String,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct EntityOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: &'static str,
    pub title: Option<&'a str>,
    pub expansion: Option<&'a str>,
}

#[derive(Serialize)]
pub struct TimexOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(rename = "type")]
    pub timex_type: &'static str,
    pub value: &'a str,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    pub approximate: bool,
    pub inferred: bool,
}

#[derive(Serialize)]
pub struct QuantityOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub unit: Option<&'a str>,
    pub concept: Option<&'a str>,
    pub qualifier: Option<&'a str>,
    pub scope: Option<&'a str>,
    pub part_of: Option<usize>,
}

#[derive(Serialize)]
pub struct AttributionOut<'a> {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<&'a str>,
    pub cue: &'a str,
    pub hedge: &'static str,
    pub voice: &'static str,
    pub content_start: usize,
    pub content_end: usize,
}

#[derive(Serialize)]
pub struct EventOut<'a> {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub event_type: &'static str,
    pub trigger: &'a str,
    pub date: Option<&'a str>,
}

/// The annotate view of one annotated report.
pub fn annotate_output(annotated: &AnnotatedReport) -> AnnotateOutput<'_> {
    let text = annotated.report.text.as_str();
    let a = &annotated.annotations;
    AnnotateOutput {
        report: report_out(&annotated.report),
        sentences: a
            .sentences
            .iter()
            .map(|s| SpanOut {
                start: s.start,
                end: s.end,
            })
            .collect(),
        entities: a
            .mentions
            .iter()
            .map(|m| EntityOut {
                start: m.span.start,
                end: m.span.end,
                text: m.span.slice(text).unwrap_or(&m.text),
                kind: m.kind.as_str(),
                title: m.title.as_deref(),
                expansion: m.expansion.as_deref(),
            })
            .collect(),
        timexes: a
            .timexes
            .iter()
            .map(|t| TimexOut {
                start: t.span.start,
                end: t.span.end,
                text: &t.text,
                timex_type: t.timex_type.as_str(),
                value: &t.value,
                first_day: t.start,
                last_day: t.end,
                approximate: t.approximate,
                inferred: t.inferred,
            })
            .collect(),
        quantities: a
            .quantities
            .iter()
            .map(|q| QuantityOut {
                start: q.span.start,
                end: q.span.end,
                text: &q.text,
                value: q.value,
                low: q.interval.low,
                high: q.interval.high,
                low_inclusive: q.interval.low_inclusive,
                high_inclusive: q.interval.high_inclusive,
                unit: q.unit.as_deref(),
                concept: q.concept.as_deref(),
                qualifier: q.qualifier.as_deref(),
                scope: q.scope.as_deref(),
                part_of: q.part_of,
            })
            .collect(),
        attributions: a
            .attributions
            .iter()
            .map(|at| AttributionOut {
                start: at.span.start,
                end: at.span.end,
                speaker: at.speaker.as_deref(),
                cue: &at.cue,
                hedge: at.hedge.as_str(),
                voice: match at.voice {
                    corroborate_model::Voice::Own => "own",
                    corroborate_model::Voice::Quoted => "quoted",
                },
                content_start: at.content.start,
                content_end: at.content.end,
            })
            .collect(),
        events: a
            .events
            .iter()
            .map(|e| EventOut {
                start: e.span.start,
                end: e.span.end,
                event_type: e.event_type.as_str(),
                trigger: &e.trigger,
                date: e.date.as_ref().map(|d| d.value.as_str()),
            })
            .collect(),
    }
}

fn report_out(report: &Report) -> ReportOut<'_> {
    let meta = &report.meta;
    ReportOut {
        id: &meta.id,
        source: &meta.source,
        title: &meta.title,
        outlet: meta.outlet.as_deref(),
        published: meta.published,
        published_origin: origin_name(meta.published_origin).to_string(),
        text: &report.text,
    }
}

pub fn origin_name(origin: DateOrigin) -> &'static str {
    match origin {
        DateOrigin::Metadata => "metadata",
        DateOrigin::Text => "text",
        DateOrigin::Inferred => "inferred",
        DateOrigin::User => "user",
        DateOrigin::Unknown => "unknown",
    }
}

/// Annotates `text` as one report with an optional creation date.
pub fn annotate_text(
    id: &str,
    source: &str,
    text: &str,
    dct: Option<NaiveDate>,
) -> AnnotatedReport {
    let mut report = Report::default();
    report.meta.id = id.to_string();
    report.meta.source = source.to_string();
    report.meta.title = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_string();
    report.text = text.to_string();
    if let Some(date) = dct {
        report.meta.published = Some(date);
        report.meta.published_origin = DateOrigin::User;
    }
    corroborate_extract::extract(report)
}

/// A human-readable listing of one report's annotations.
pub fn annotate_text_view(annotated: &AnnotatedReport) -> String {
    use std::fmt::Write;
    let text = &annotated.report.text;
    let a = &annotated.annotations;
    let meta = &annotated.report.meta;
    let mut out = String::new();
    let date = meta
        .published
        .map_or("unknown".to_string(), |d| d.to_string());
    let _ = writeln!(
        out,
        "{} — published {date} ({})",
        meta.title,
        origin_name(meta.published_origin)
    );
    let _ = writeln!(out, "{} sentences", a.sentences.len());
    let _ = writeln!(out, "\nENTITIES");
    for m in &a.mentions {
        let _ = writeln!(
            out,
            "  {:>6}..{:<6} {:<12} {}",
            m.span.start,
            m.span.end,
            m.kind.as_str(),
            m.text
        );
    }
    let _ = writeln!(out, "\nTIME EXPRESSIONS");
    for t in &a.timexes {
        let _ = writeln!(
            out,
            "  {:>6}..{:<6} {:<8} {:<16} {}",
            t.span.start,
            t.span.end,
            t.timex_type.as_str(),
            t.value,
            t.text
        );
    }
    let _ = writeln!(out, "\nQUANTITIES");
    for q in &a.quantities {
        let _ = writeln!(
            out,
            "  {:>6}..{:<6} {:<20} {:<16} {}",
            q.span.start,
            q.span.end,
            q.interval.notation(),
            q.concept.as_deref().unwrap_or("-"),
            q.text
        );
    }
    let _ = writeln!(out, "\nATTRIBUTIONS");
    for at in &a.attributions {
        let _ = writeln!(
            out,
            "  {:>6}..{:<6} {:<12} {:<14} {}",
            at.span.start,
            at.span.end,
            at.hedge.as_str(),
            at.cue,
            at.speaker.as_deref().unwrap_or("(report)")
        );
    }
    let _ = writeln!(out, "\nEVENTS");
    for e in &a.events {
        let quote = e.span.slice(text).unwrap_or_default();
        let short: String = quote.chars().take(90).collect();
        let date = e.date.as_ref().map_or("undated", |d| d.value.as_str());
        let _ = writeln!(out, "  {:<24} {:<12} {short}", e.event_type.as_str(), date);
    }
    out
}
