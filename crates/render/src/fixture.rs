//! A small hand-made analysis of two invented reports, shared by the tests.
//!
//! It has nested quote spans (a claim quote inside an event quote), the same
//! span quoted twice (claim and conflict side), a quote whose offsets cut a
//! multi-byte character, a quote from a report whose text is missing, markup
//! and ampersands in report text and metadata, a number conflict, a date
//! conflict, a series, and a skipped input.

use chrono::NaiveDate;
use corroborate_model::{
    Analysis, Claim, ClaimSource, ClaimStatus, Conflict, ConflictKind, ConflictSide, DateBasis,
    DateRange, Entity, EntityKind, Event, EventDate, EventSource, EventType, MergeReason, Report,
    ReportEntry, ReportMeta, Skipped, SCHEMA_VERSION,
};

pub(crate) const ALPHA_TEXT: &str = "Protesters gathered in Velmora on 3 March. \
Police said almost 4,000 people were detained & held overnight.\n\n\
The governor, Zoë Marten, resigned on 5 March. \
A post reading <script>alert(\"x\")</script> appeared on the city's site.";

pub(crate) const BETA_TEXT: &str =
    "Officials said just over 2,000 people were detained in Velmora. \
Governor Zoe Marten resigned on 4 March, according to the agency. \
Fuel prices rose to 150 tenge on 6 March, up from 120 tenge on 1 March.";

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, month, day).expect("valid fixture date")
}

fn event_date(month: u32, day_of_month: u32) -> EventDate {
    let date = day(month, day_of_month);
    EventDate {
        value: date.format("%Y-%m-%d").to_string(),
        start: date,
        end: date,
    }
}

/// The quote `needle` in `text` with its byte offsets.
fn locate(text: &str, needle: &str) -> (String, usize, usize) {
    let start = text.find(needle).expect("fixture quote is in its text");
    (needle.to_string(), start, start + needle.len())
}

pub(crate) fn sample_reports() -> Vec<Report> {
    let report = |id: &str, text: &str| Report {
        meta: ReportMeta {
            id: id.to_string(),
            source: format!("{id}.txt"),
            title: id.to_string(),
            ..ReportMeta::default()
        },
        text: text.to_string(),
        ..Report::default()
    };
    vec![report("alpha", ALPHA_TEXT), report("beta", BETA_TEXT)]
}

fn report_entries() -> Vec<ReportEntry> {
    vec![
        ReportEntry {
            id: "alpha".into(),
            source: "alpha.txt".into(),
            title: "<b>\"Velmora\" & the night</b>".into(),
            outlet: Some("Velmora Courier".into()),
            author: None,
            url: Some("https://news.example/alpha?a=1&b=2".into()),
            published: Some(day(3, 6)),
            published_inferred: false,
            published_origin: "metadata".into(),
            published_range: None,
            duplicate_of: None,
            chars: ALPHA_TEXT.chars().count(),
            language: Some("eng".into()),
            notices: Vec::new(),
            syndication_group: String::new(),
            similarity: 1.0,
            credited_source: None,
            story: "sty-1".to_string(),
        },
        ReportEntry {
            id: "beta".into(),
            source: "beta.txt".into(),
            title: "Fuel and arrests".into(),
            outlet: None,
            author: Some("A. Writer".into()),
            url: Some("javascript:alert(1)".into()),
            published: Some(day(3, 7)),
            published_inferred: true,
            published_origin: "inferred".into(),
            published_range: Some(DateRange {
                start: day(3, 6),
                end: day(3, 9),
            }),
            duplicate_of: None,
            chars: BETA_TEXT.chars().count(),
            language: None,
            notices: vec!["no publication date could be read or inferred".into()],
            syndication_group: String::new(),
            similarity: 1.0,
            credited_source: None,
            story: "sty-1".to_string(),
        },
    ]
}

fn entities() -> Vec<Entity> {
    vec![
        Entity {
            id: "N1".into(),
            kind: EntityKind::Place,
            name: "Velmora".into(),
            aliases: vec!["Velmora".into()],
            reports: vec!["alpha".into(), "beta".into()],
            mentions: 2,
            lat: Some(41.2),
            lon: Some(44.8),
            titles: vec![],
            merges: vec![],
            country: None,
        },
        Entity {
            id: "N2".into(),
            kind: EntityKind::Person,
            name: "Zoë Marten".into(),
            aliases: vec!["Zoë Marten".into(), "Zoe Marten".into()],
            reports: vec!["alpha".into(), "beta".into()],
            mentions: 2,
            lat: None,
            lon: None,
            titles: vec!["governor".into()],
            merges: vec![MergeReason {
                alias: "Zoe Marten".into(),
                with: "Zoë Marten".into(),
                rule: "case_or_accent".into(),
                detail: "same letters once accents are removed".into(),
            }],
            country: None,
        },
    ]
}

fn event_source(report: &str, text: &str, needle: &str, date: Option<EventDate>) -> EventSource {
    let (quote, start, end) = locate(text, needle);
    EventSource {
        report: report.into(),
        quote,
        start,
        end,
        date_text: date.as_ref().map(|d| d.value.clone()),
        date,
        date_basis: DateBasis::Clause,
        trigger: needle.split(' ').nth(1).unwrap_or_default().into(),
    }
}

fn events() -> Vec<Event> {
    let resignation_alpha = event_source(
        "alpha",
        ALPHA_TEXT,
        "The governor, Zoë Marten, resigned on 5 March.",
        Some(event_date(3, 5)),
    );
    let resignation_beta = event_source(
        "beta",
        BETA_TEXT,
        "Governor Zoe Marten resigned on 4 March, according to the agency.",
        Some(event_date(3, 4)),
    );
    let detention = event_source(
        "alpha",
        ALPHA_TEXT,
        "Police said almost 4,000 people were detained & held overnight.",
        None,
    );
    // Cuts the two-byte "ë": must be shown without a link.
    let zoe = ALPHA_TEXT.find('ë').expect("fixture has ë");
    let broken = EventSource {
        start: zoe + 1,
        end: zoe + 8,
        quote: "broken offsets".into(),
        ..detention.clone()
    };
    let missing_text = EventSource {
        report: "gamma".into(),
        ..detention.clone()
    };
    vec![
        Event {
            id: "E2".into(),
            event_type: EventType::Resignation,
            date: Some(event_date(3, 5)),
            summary: "Governor Zoë Marten resigned".into(),
            entities: vec!["N2".into()],
            sources: vec![resignation_alpha, resignation_beta],
            independent_sources: 2,
            date_inferred: false,
            action: None,
        },
        Event {
            id: "E3".into(),
            event_type: EventType::Arrest,
            date: None,
            summary: "Police detained protesters".into(),
            entities: vec![],
            sources: vec![detention, broken, missing_text],
            independent_sources: 1,
            date_inferred: false,
            action: None,
        },
        Event {
            id: "E1".into(),
            event_type: EventType::Protest,
            date: Some(event_date(3, 3)),
            summary: "Protest in Velmora".into(),
            entities: vec!["N1".into()],
            sources: vec![event_source(
                "alpha",
                ALPHA_TEXT,
                "Protesters gathered in Velmora on 3 March.",
                Some(event_date(3, 3)),
            )],
            independent_sources: 1,
            date_inferred: true,
            action: None,
        },
    ]
}

struct Figure<'a> {
    report: &'a str,
    text: &'a str,
    quote: &'a str,
    figure: &'a str,
    low: f64,
    high: f64,
    high_inclusive: bool,
    speaker: Option<&'a str>,
    as_of: Option<NaiveDate>,
}

fn claim_source(figure: &Figure) -> ClaimSource {
    let (quote, start, end) = locate(figure.text, figure.quote);
    ClaimSource {
        report: figure.report.into(),
        quote,
        start,
        end,
        speaker: figure.speaker.map(str::to_string),
        speaker_entity: None,
        hedge: figure.speaker.map(|_| "reported".to_string()),
        text: figure.figure.into(),
        low: Some(figure.low),
        high: Some(figure.high),
        low_inclusive: true,
        high_inclusive: figure.high_inclusive,
        as_of: figure.as_of,
    }
}

fn claim(id: &str, figure: Figure, status: ClaimStatus, conflicts_with: &[&str]) -> Claim {
    let (measure, subject, group) = if figure.figure.contains("tenge") {
        ("price", "fuel", "price|fuel")
    } else {
        ("detained", "people", "detained|people")
    };
    Claim {
        id: id.into(),
        measure: measure.into(),
        subject: subject.into(),
        low: Some(figure.low),
        high: Some(figure.high),
        low_inclusive: true,
        high_inclusive: figure.high_inclusive,
        as_of: figure.as_of,
        sources: vec![claim_source(&figure)],
        status,
        conflicts_with: conflicts_with.iter().map(|id| id.to_string()).collect(),
        group: group.into(),
        explanation: format!("{} as stated by one report", figure.figure),
        independent_sources: 1,
        part_of: None,
    }
}

fn claims() -> Vec<Claim> {
    let almost = Figure {
        report: "alpha",
        text: ALPHA_TEXT,
        quote: "almost 4,000 people were detained",
        figure: "almost 4,000",
        low: 3600.0,
        high: 4000.0,
        high_inclusive: false,
        speaker: Some("Police"),
        as_of: None,
    };
    let just_over = Figure {
        report: "beta",
        text: BETA_TEXT,
        quote: "just over 2,000 people were detained in Velmora",
        figure: "just over 2,000",
        low: 2000.0,
        high: 2100.0,
        high_inclusive: true,
        speaker: Some("Officials"),
        as_of: None,
    };
    let price = |figure: &'static str, quote: &'static str, value: f64, as_of| Figure {
        report: "beta",
        text: BETA_TEXT,
        quote,
        figure,
        low: value,
        high: value,
        high_inclusive: true,
        speaker: None,
        as_of: Some(as_of),
    };
    vec![
        claim("C1", almost, ClaimStatus::Conflicting, &["C2"]),
        claim("C2", just_over, ClaimStatus::Conflicting, &["C1"]),
        claim(
            "C3",
            price(
                "150 tenge",
                "rose to 150 tenge on 6 March",
                150.0,
                day(3, 6),
            ),
            ClaimStatus::Series,
            &[],
        ),
        claim(
            "C4",
            price("120 tenge", "120 tenge on 1 March", 120.0, day(3, 1)),
            ClaimStatus::Series,
            &[],
        ),
    ]
}

fn conflict_side(claim_or_event_source: (&str, String, usize, usize), says: &str) -> ConflictSide {
    let (report, quote, start, end) = claim_or_event_source;
    ConflictSide {
        report: report.into(),
        quote,
        start,
        end,
        says: says.into(),
        speaker: None,
    }
}

fn conflicts(claims: &[Claim], events: &[Event]) -> Vec<Conflict> {
    let claim_side = |claim: &Claim| {
        let source = claim.sources.first().expect("fixture claims have sources");
        let side = (
            source.report.as_str(),
            source.quote.clone(),
            source.start,
            source.end,
        );
        ConflictSide {
            speaker: source.speaker.clone(),
            ..conflict_side(side, &source.text)
        }
    };
    let resignation = events.first().expect("fixture has events");
    let date_sides = resignation
        .sources
        .iter()
        .map(|source| {
            let says = source.date.as_ref().map_or("undated", |d| d.value.as_str());
            let side = (
                source.report.as_str(),
                source.quote.clone(),
                source.start,
                source.end,
            );
            conflict_side(side, says)
        })
        .collect();
    vec![
        Conflict {
            id: "X1".into(),
            kind: ConflictKind::Number,
            items: vec!["C1".into(), "C2".into()],
            explanation: "almost 4,000 and just over 2,000 cannot both hold".into(),
            sides: claims.iter().take(2).map(claim_side).collect(),
        },
        Conflict {
            id: "X2".into(),
            kind: ConflictKind::Date,
            items: vec![resignation.id.clone()],
            explanation: "the reports date the resignation on different days".into(),
            sides: date_sides,
        },
    ]
}

pub(crate) fn sample_analysis() -> Analysis {
    let events = events();
    let claims = claims();
    Analysis {
        schema_version: SCHEMA_VERSION.into(),
        reports: report_entries(),
        entities: entities(),
        conflicts: conflicts(&claims, &events),
        events,
        claims,
        skipped: vec![Skipped {
            source: "notes.pdf".into(),
            reason: "unsupported file type".into(),
        }],
    }
}
