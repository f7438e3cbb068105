use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Span;

/// Where a report's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// Front matter or other metadata.
    Metadata,
    /// A date line in the text itself ("Tuesday, 11 January, 2022").
    Text,
    /// Inferred from what the report says or shares with dated reports.
    Inferred,
    /// Given on the command line (`--dct`).
    User,
    /// No date known.
    #[default]
    Unknown,
}

/// Metadata of one report, as read and as later enriched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ReportMeta {
    /// Stable identifier, derived from the file name.
    pub id: String,
    /// The path as given (or `-` for standard input).
    pub source: String,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_origin: DateOrigin,
    /// Where in the text the publication date was read, if it was.
    pub published_span: Option<Span>,
    /// For an inferred date: the earliest and latest day it can be.
    #[serde(default)]
    pub published_range: Option<crate::DateRange>,
    /// ISO 639-3 code of the report's language, when it could be told.
    #[serde(default)]
    pub language: Option<String>,
    /// The outlet or wire the report credits as its origin ("(Reuters) -",
    /// "first published by …", "Courtesy: …").
    #[serde(default)]
    pub credited_source: Option<String>,
}

impl ReportMeta {
    /// Metadata whose publication date, when known, came with the report
    /// itself (front matter, HTML meta tags, a record field, a feed item).
    pub fn dated_by_metadata(published: Option<NaiveDate>) -> Self {
        ReportMeta {
            published_origin: if published.is_some() {
                DateOrigin::Metadata
            } else {
                DateOrigin::Unknown
            },
            published,
            ..ReportMeta::default()
        }
    }

    /// True unless the report is known to be in another language than
    /// English: the extraction stages are English-only.
    pub fn is_english(&self) -> bool {
        self.language.as_deref().is_none_or(|l| l == "eng")
    }
}

/// A report: its metadata and the cleaned text every offset refers to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Report {
    pub meta: ReportMeta,
    pub text: String,
    /// What cleaning took out of the original text, and why.
    #[serde(default)]
    pub removed: Vec<Removed>,
}

/// A piece of the original text left out of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    /// "repeated_line", "photo_credit", "boilerplate".
    pub reason: String,
}

/// An input that could not be read as a report, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub source: String,
    pub reason: String,
}
