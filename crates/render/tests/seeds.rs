//! Renders analyses built over the real seed reports, read from
//! `$CORROBORATE_SHARED` (skipped when unset, failing when set but the seeds
//! are missing).
//!
//! The analysis is synthetic: every sentence of every report becomes an
//! event quote and every number a claim quoted with a window that crosses
//! sentence boundaries, so the marks must cope with real text (curly quotes,
//! non-ASCII names, line breaks) and with thousands of overlapping spans.
//! The same texts, repeated, give 200 reports for a timing line.

use std::collections::HashSet;
use std::time::Instant;

use corroborate_model::{
    Analysis, Claim, ClaimSource, ClaimStatus, Event, EventSource, EventType, Report, ReportEntry,
    ReportMeta, SCHEMA_VERSION,
};
use corroborate_render::{render_html, render_json, render_text};

fn seed_reports() -> Option<Vec<Report>> {
    let paths = corroborate_testkit::seed_paths()?;
    Some(
        paths
            .iter()
            .map(|path| Report {
                meta: ReportMeta {
                    id: path.file_stem().unwrap().to_string_lossy().into_owned(),
                    source: path.display().to_string(),
                    ..ReportMeta::default()
                },
                text: std::fs::read_to_string(path).expect("seed is UTF-8 text"),
                ..Report::default()
            })
            .collect(),
    )
}

/// Byte ranges of sentence-like pieces: up to and including `.`, `?`, `!`
/// or a line break.
fn pieces(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, ch) in text.char_indices() {
        if matches!(ch, '.' | '?' | '!' | '\n') {
            let end = at + ch.len_utf8();
            if text[start..end].trim().len() > 1 {
                out.push((start, end));
            }
            start = end;
        }
    }
    out
}

/// The nearest character boundary at or before `at`.
fn boundary_before(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

fn synthetic_analysis(reports: &[Report]) -> Analysis {
    let mut analysis = Analysis {
        schema_version: SCHEMA_VERSION.into(),
        ..Analysis::default()
    };
    for report in reports {
        let id = report.meta.id.clone();
        analysis.reports.push(ReportEntry {
            id: id.clone(),
            source: report.meta.source.clone(),
            title: report.text.lines().next().unwrap_or_default().into(),
            outlet: None,
            author: None,
            url: None,
            published: None,
            published_inferred: false,
            published_origin: "unknown".into(),
            published_range: None,
            duplicate_of: None,
            chars: report.text.chars().count(),
            language: None,
            notices: Vec::new(),
            syndication_group: String::new(),
            similarity: 1.0,
            credited_source: None,
            story: "sty-1".to_string(),
        });
        for (n, (start, end)) in pieces(&report.text).into_iter().enumerate() {
            analysis.events.push(Event {
                id: format!("{id}-e{n}"),
                event_type: EventType::Statement,
                date: None,
                summary: format!("piece {n}"),
                entities: vec![],
                sources: vec![EventSource {
                    report: id.clone(),
                    quote: report.text[start..end].to_string(),
                    start,
                    end,
                    date: None,
                    date_text: None,
                    date_basis: Default::default(),
                    trigger: String::new(),
                }],
                independent_sources: 1,
                date_inferred: false,
                action: None,
            });
        }
        let digits = report
            .text
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit());
        for (n, (at, _)) in digits.enumerate().step_by(3) {
            let start = boundary_before(&report.text, at.saturating_sub(25));
            let end = boundary_before(&report.text, at + 40);
            analysis.claims.push(Claim {
                id: format!("{id}-c{n}"),
                measure: "figure".into(),
                subject: String::new(),
                low: Some(1.0),
                high: None,
                low_inclusive: true,
                high_inclusive: false,
                as_of: None,
                sources: vec![ClaimSource {
                    report: id.clone(),
                    quote: report.text[start..end].to_string(),
                    start,
                    end,
                    speaker: None,
                    speaker_entity: None,
                    hedge: None,
                    text: "1".into(),
                    low: Some(1.0),
                    high: None,
                    low_inclusive: true,
                    high_inclusive: false,
                    as_of: None,
                }],
                status: ClaimStatus::Single,
                conflicts_with: vec![],
                group: format!("{id}-{}", n % 7),
                explanation: String::new(),
                independent_sources: 1,
                part_of: None,
            });
        }
    }
    analysis
}

fn attribute_values<'h>(html: &'h str, attribute: &str) -> Vec<&'h str> {
    let needle = format!(" {attribute}=\"");
    html.split(needle.as_str())
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[test]
fn seed_reports_render_with_every_quote_linked() {
    let Some(reports) = seed_reports() else {
        eprintln!("CORROBORATE_SHARED unset: skipping seed test");
        return;
    };
    let analysis = synthetic_analysis(&reports);
    let html = render_html(&analysis, &reports);
    let ids: HashSet<&str> = attribute_values(&html, "id").into_iter().collect();
    let links: Vec<&str> = attribute_values(&html, "href")
        .into_iter()
        .filter_map(|href| href.strip_prefix('#'))
        .collect();
    let quote_links = links.iter().filter(|l| l.starts_with("q-")).count();
    assert!(quote_links > 300, "only {quote_links} quote links");
    for link in &links {
        assert!(ids.contains(link), "no target for #{link}");
    }
    assert_eq!(
        html.matches("<mark").count(),
        html.matches("</mark>").count()
    );
    assert!(html.contains("Almaty"));
    assert!(!render_text(&analysis, false).contains('\x1b'));
    assert!(render_json(&analysis).is_ok());
}

#[test]
fn two_hundred_reports_render_quickly() {
    let Some(seeds) = seed_reports() else {
        eprintln!("CORROBORATE_SHARED unset: skipping seed test");
        return;
    };
    let reports: Vec<Report> = (0..40)
        .flat_map(|copy| {
            seeds.iter().map(move |report| {
                let mut report = report.clone();
                report.meta.id = format!("{}-{copy}", report.meta.id);
                report
            })
        })
        .collect();
    let analysis = synthetic_analysis(&reports);
    let started = Instant::now();
    let html = render_html(&analysis, &reports);
    let html_time = started.elapsed();
    let started = Instant::now();
    let text = render_text(&analysis, true);
    let text_time = started.elapsed();
    let started = Instant::now();
    let json = render_json(&analysis).expect("serialises");
    let json_time = started.elapsed();
    eprintln!(
        "200 reports, {} events, {} claims: html {:?} ({} KB), text {:?}, json {:?}",
        analysis.events.len(),
        analysis.claims.len(),
        html_time,
        html.len() / 1024,
        text_time,
        json_time
    );
    assert!(!text.is_empty() && !json.is_empty());
}
