//! The cross-report result: what `analyze --format json` prints.
//!
//! The field names here are the stable JSON contract (see
//! `schema/analysis.schema.json` at the repository root).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{DateBasis, EntityKind, EventType, Skipped};

/// A report as listed in the output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportEntry {
    pub id: String,
    pub source: String,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_inferred: bool,
    /// Where the date came from: metadata, text, inferred, user, unknown.
    pub published_origin: String,
    /// For an inferred date: the earliest and latest day it can be.
    pub published_range: Option<DateRange>,
    pub duplicate_of: Option<String>,
    /// Characters of cleaned text analysed.
    pub chars: usize,
    /// ISO 639-3 code of the report's language, when it could be told.
    pub language: Option<String>,
    /// What the reader should know about how this report was processed.
    pub notices: Vec<String>,
    /// The copy group: the id of the group's original (its own id when it
    /// is an original), so that copies count once.
    pub syndication_group: String,
    /// Share of this report's text found in the group's original (1 for
    /// an original).
    pub similarity: f64,
    /// The outlet or wire the report credits as its origin.
    pub credited_source: Option<String>,
    /// The story (crisis) the report follows, `sty-N`: reports naming the
    /// same people, organizations and places (see `corroborate-merge`'s
    /// `stories` module). Tallied figures are compared only within a story.
    #[serde(default)]
    pub story: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// Why two spellings were taken to name one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeReason {
    /// The alias merged in.
    pub alias: String,
    /// The form it was merged with.
    pub with: String,
    /// "same_string", "case_or_accent", "acronym", "short_form",
    /// "transliteration", "edit_distance", "curation", "punctuation",
    /// "country", "same_place", "institution", "title", "middle_name",
    /// "given_name" (see `corroborate-merge`'s `entities` module).
    pub rule: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// Every surface form seen, including `name`.
    pub aliases: Vec<String>,
    /// Ids of the reports that mention it.
    pub reports: Vec<String>,
    /// Number of mentions across all reports.
    pub mentions: usize,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Titles and roles seen with it ("President", "KNB chairman").
    pub titles: Vec<String>,
    pub merges: Vec<MergeReason>,
    /// For a nationality or a country's adjective (kind `Other`:
    /// "Russian", "Armenians"), the ISO code of its country: the link from
    /// the group of people to the place. Absent for other entities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// The date of a timeline event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    pub value: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// A quote supporting an item: which report, where, what it says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub report: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
}

/// How one source dated an event, when sources disagree or agree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSource {
    pub report: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// The date this source gives the event (null when it gives none).
    pub date: Option<EventDate>,
    /// The time expression the date was read from.
    pub date_text: Option<String>,
    /// Whether the date is the clause's own or read from the narrative
    /// context (then less precise, and never a side of a date conflict).
    #[serde(default)]
    pub date_basis: DateBasis,
    pub trigger: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// Null for an event no source dates.
    pub date: Option<EventDate>,
    pub summary: String,
    /// Entity ids taking part.
    pub entities: Vec<String>,
    pub sources: Vec<EventSource>,
    /// Reports stating it, syndicated copies counted once.
    pub independent_sources: usize,
    /// True when the date depends on an inferred publication date.
    pub date_inferred: bool,
    /// For an event of type `other` told by a general action word, that
    /// word's base form ("win", "release"); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

impl Event {
    /// What a reader calls its kind: the type in words ("state of
    /// emergency"), or for a general action its base form ("other: win").
    pub fn kind_label(&self) -> String {
        let kind = self.event_type.as_str().replace('_', " ");
        match &self.action {
            Some(action) => format!("{kind}: {action}"),
            None => kind,
        }
    }

    /// Dated, but only by the narrative around its sources' sentences,
    /// none of which names the date itself.
    pub fn dated_by_context_only(&self) -> bool {
        self.date.is_some()
            && self
                .sources
                .iter()
                .all(|s| s.date.is_none() || s.date_basis.is_context())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Single,
    Corroborated,
    Conflicting,
    Series,
}

impl Claim {
    /// The interval all of this claim's sources agree on.
    pub fn interval(&self) -> crate::Interval {
        crate::Interval {
            low: self.low,
            high: self.high,
            low_inclusive: self.low_inclusive,
            high_inclusive: self.high_inclusive,
        }
    }
}

impl ClaimStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Single => "single",
            ClaimStatus::Corroborated => "corroborated",
            ClaimStatus::Conflicting => "conflicting",
            ClaimStatus::Series => "series",
        }
    }
}

/// One source's statement of a figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimSource {
    pub report: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    /// The entity id of the speaker, when the speaker is a known entity.
    pub speaker_entity: Option<String>,
    pub hedge: Option<String>,
    /// The figure as written ("nearly 10,000").
    pub text: String,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    /// What is counted ("killed", "detained", "troops").
    pub measure: String,
    /// What it is about ("security officers", "CSTO troops").
    pub subject: String,
    /// The interval all sources of this claim agree on (null: open bound).
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Whether `low` / `high` belong to the interval ("more than 9,000": no).
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub as_of: Option<NaiveDate>,
    pub sources: Vec<ClaimSource>,
    pub status: ClaimStatus,
    pub conflicts_with: Vec<String>,
    /// Claims measuring the same thing share a group.
    pub group: String,
    /// One sentence saying why the status was given.
    pub explanation: String,
    /// Reports stating it, syndicated copies counted once.
    pub independent_sources: usize,
    /// Id of the claim this is a sub-count of.
    pub part_of: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    Date,
    Number,
    Statement,
}

impl ConflictKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Date => "date",
            ConflictKind::Number => "number",
            ConflictKind::Statement => "statement",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub id: String,
    pub kind: ConflictKind,
    /// Event or claim ids.
    pub items: Vec<String>,
    pub explanation: String,
    /// Each side with its quote.
    pub sides: Vec<ConflictSide>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictSide {
    pub report: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// What this side says: a date value, an interval, or a proposition.
    pub says: String,
    pub speaker: Option<String>,
}

/// The whole result of `analyze`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Analysis {
    /// Version of the JSON schema this output follows.
    pub schema_version: String,
    pub reports: Vec<ReportEntry>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
    pub conflicts: Vec<Conflict>,
    pub skipped: Vec<Skipped>,
}

pub const SCHEMA_VERSION: &str = "1.4";
