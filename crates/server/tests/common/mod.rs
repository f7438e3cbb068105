//! An in-memory `Backend` over a small hand-made analysis: three dated
//! events and one undated, two claims, a conflict, three entities and
//! two reports. Added reports become pending items.

#![allow(dead_code)] // Each test binary uses a different part.

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use corroborate_model::{
    Analysis, Claim, ClaimStatus, Conflict, ConflictKind, Entity, EntityKind, Event, EventDate,
    EventSource, EventType, Report, ReportEntry, ReportMeta, Span,
};
use corroborate_server::{
    Added, Backend, BackendError, CurationChange, SearchHit, Snapshot, Upload,
};

pub(crate) struct TestBackend {
    merged: Arc<Analysis>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    pending: Analysis,
    reports: Vec<Report>,
    uploads: Vec<Upload>,
    curation: Vec<CurationChange>,
    revision: u64,
}

impl TestBackend {
    pub(crate) fn new() -> Arc<Self> {
        let reports = vec![
            report(
                "r1",
                "Protests in Almaty",
                "Thousands protested in Almaty on 2 January.",
            ),
            report(
                "r2",
                "CSTO troops arrive",
                "Tokayev asked the CSTO for help on 5 January.",
            ),
        ];
        Arc::new(TestBackend {
            merged: Arc::new(fixture_analysis(&reports)),
            state: Mutex::new(State {
                reports,
                ..State::default()
            }),
        })
    }

    /// The fixture with its merged analysis's events repeated `times`
    /// (ids made unique), for documents larger than one response chunk.
    pub(crate) fn with_events_repeated(times: usize) -> Arc<Self> {
        let backend = TestBackend::new();
        let mut analysis = (*backend.merged).clone();
        let events = analysis.events.clone();
        analysis.events = (0..times)
            .flat_map(|n| {
                events.iter().cloned().map(move |mut event| {
                    event.id = format!("{}-{n}", event.id);
                    event
                })
            })
            .collect();
        let state = std::mem::take(&mut *backend.state.lock().unwrap());
        Arc::new(TestBackend {
            merged: Arc::new(analysis),
            state: Mutex::new(state),
        })
    }

    /// Changes the revision as an edit would.
    pub(crate) fn bump(&self) {
        self.state.lock().unwrap().revision += 1;
    }

    pub(crate) fn curation_log(&self) -> Vec<CurationChange> {
        self.state.lock().unwrap().curation.clone()
    }

    pub(crate) fn uploads(&self) -> Vec<Upload> {
        self.state.lock().unwrap().uploads.clone()
    }
}

impl Backend for TestBackend {
    fn snapshot(&self) -> Result<Snapshot, BackendError> {
        let state = self.state.lock().unwrap();
        Ok(Snapshot {
            merged: Arc::clone(&self.merged),
            pending: Arc::new(state.pending.clone()),
            revision: state.revision,
        })
    }

    fn analysis(&self) -> Result<Arc<Analysis>, BackendError> {
        Ok(Arc::clone(&self.merged))
    }

    fn report(&self, id: &str) -> Result<Option<Report>, BackendError> {
        let state = self.state.lock().unwrap();
        Ok(state.reports.iter().find(|r| r.meta.id == id).cloned())
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, BackendError> {
        let state = self.state.lock().unwrap();
        let hits = state.reports.iter().filter_map(|report| {
            let start = report.text.find(query)?;
            Some(SearchHit {
                report_id: report.meta.id.clone(),
                report_title: report.meta.title.clone(),
                sentence: Span::new(0, report.text.len()),
                snippet: report.text.clone(),
                highlights: vec![Span::new(start, start + query.len())],
                score: 1.0,
            })
        });
        Ok(hits.take(limit).collect())
    }

    fn add_report(&self, upload: Upload) -> Result<Added, BackendError> {
        let text = std::str::from_utf8(&upload.body)
            .map_err(|_| BackendError::BadInput("the report is not UTF-8".into()))?;
        let mut state = self.state.lock().unwrap();
        if let Some(same) = state.reports.iter().find(|r| r.text == text) {
            return Ok(Added {
                id: same.meta.id.clone(),
                already_present: true,
            });
        }
        let id = format!("upload-{}", state.reports.len() + 1);
        let title = front_matter_title(text).unwrap_or("Untitled").to_owned();
        let added = report(&id, &title, text);
        state.pending.reports.push(report_entry(&added));
        state.pending.events.push(Event {
            id: format!("pending-{id}"),
            ..event("", EventType::Other, Some("2022-01-08"), &[], 1)
        });
        state.reports.push(added);
        state.uploads.push(upload);
        state.revision += 1;
        Ok(Added {
            id,
            already_present: false,
        })
    }

    fn curate(&self, change: CurationChange) -> Result<(), BackendError> {
        let mut state = self.state.lock().unwrap();
        state.curation.push(change);
        state.revision += 1;
        Ok(())
    }

    fn revision(&self) -> u64 {
        self.state.lock().unwrap().revision
    }
}

/// `title: ...` in a leading `---` block.
fn front_matter_title(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---\n")?;
    let block = &rest[..rest.find("\n---")?];
    block
        .lines()
        .find_map(|line| line.strip_prefix("title:").map(str::trim))
}

fn day(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

fn report(id: &str, title: &str, text: &str) -> Report {
    Report {
        meta: ReportMeta {
            id: id.into(),
            source: format!("{id}.md"),
            title: title.into(),
            outlet: Some("Example News".into()),
            published: Some(day("2022-01-09")),
            ..ReportMeta::default()
        },
        text: text.into(),
        removed: vec![],
    }
}

fn report_entry(report: &Report) -> ReportEntry {
    let meta = &report.meta;
    ReportEntry {
        id: meta.id.clone(),
        source: meta.source.clone(),
        title: meta.title.clone(),
        outlet: meta.outlet.clone(),
        author: None,
        url: None,
        published: meta.published,
        published_inferred: false,
        published_origin: "metadata".into(),
        published_range: None,
        duplicate_of: None,
        chars: report.text.len(),
        language: Some("eng".into()),
        notices: vec![],
        syndication_group: meta.id.clone(),
        similarity: 1.0,
        credited_source: None,
        story: "sty-1".to_string(),
    }
}

fn entity(id: &str, kind: EntityKind, name: &str, aliases: &[&str]) -> Entity {
    Entity {
        id: id.into(),
        kind,
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        reports: vec!["r1".into()],
        mentions: aliases.len(),
        lat: None,
        lon: None,
        titles: vec![],
        merges: vec![],
        country: None,
    }
}

fn event(
    id: &str,
    event_type: EventType,
    date: Option<&str>,
    entities: &[&str],
    independent_sources: usize,
) -> Event {
    Event {
        id: id.into(),
        event_type,
        date: date.map(|d| EventDate {
            value: d.into(),
            start: day(d),
            end: day(d),
        }),
        summary: format!("Event {id}"),
        entities: entities.iter().map(|e| e.to_string()).collect(),
        sources: vec![],
        independent_sources,
        date_inferred: false,
        action: None,
    }
}

fn claim(id: &str, measure: &str, status: ClaimStatus) -> Claim {
    Claim {
        id: id.into(),
        measure: measure.into(),
        subject: "people".into(),
        low: Some(100.0),
        high: Some(200.0),
        low_inclusive: true,
        high_inclusive: true,
        as_of: None,
        sources: vec![],
        status,
        conflicts_with: vec![],
        group: "g1".into(),
        explanation: "Sources differ.".into(),
        independent_sources: 2,
        part_of: None,
    }
}

/// A source quoting the whole of `report`'s text.
fn told_by(report: &Report) -> EventSource {
    EventSource {
        report: report.meta.id.clone(),
        quote: report.text.clone(),
        start: 0,
        end: report.text.len(),
        date: None,
        date_text: None,
        date_basis: Default::default(),
        trigger: String::new(),
    }
}

/// The fixture's analysis: its second report follows a second story.
fn fixture_analysis(reports: &[Report]) -> Analysis {
    let mut analysis = fixture_events_and_claims(reports);
    if let Some(second) = analysis.reports.get_mut(1) {
        second.story = "sty-2".to_string();
    }
    for (n, event) in analysis.events.iter_mut().enumerate() {
        event.sources.extend(reports.get(n % 2).map(told_by));
    }
    analysis
}

fn fixture_events_and_claims(reports: &[Report]) -> Analysis {
    Analysis {
        schema_version: corroborate_model::SCHEMA_VERSION.into(),
        reports: reports.iter().map(report_entry).collect(),
        entities: vec![
            entity("ent1", EntityKind::Place, "Almaty", &["Almaty", "Alma-Ata"]),
            entity(
                "ent2",
                EntityKind::Person,
                "Kassym-Jomart Tokayev",
                &["Kassym-Jomart Tokayev", "Tokayev"],
            ),
            entity(
                "ent3",
                EntityKind::Organization,
                "CSTO",
                &["CSTO", "Collective Security Treaty Organization"],
            ),
        ],
        events: vec![
            event("ev1", EventType::Protest, Some("2022-01-02"), &["ent1"], 3),
            event(
                "ev2",
                EventType::RequestForHelp,
                Some("2022-01-05"),
                &["ent2", "ent3"],
                1,
            ),
            event(
                "ev3",
                EventType::Deployment,
                Some("2022-01-06"),
                &["ent3", "ent1"],
                2,
            ),
            event("ev4", EventType::Statement, None, &["ent2"], 1),
        ],
        claims: vec![
            claim("cl1", "killed", ClaimStatus::Conflicting),
            claim("cl2", "detained", ClaimStatus::Corroborated),
        ],
        conflicts: vec![Conflict {
            id: "cf1".into(),
            kind: ConflictKind::Number,
            items: vec!["cl1".into()],
            explanation: "The death tolls differ.".into(),
            sides: vec![],
        }],
        skipped: vec![],
    }
}
