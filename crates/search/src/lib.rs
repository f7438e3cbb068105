//! Full-text search over a workspace's reports. Hits are sentences, each
//! located by byte offsets into its report's cleaned text, so that the web
//! app's source viewer can open the report at the hit.

use corroborate_model::Span;
use serde::Serialize;

/// One sentence that matches a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The report's id (`ReportMeta::id`).
    pub report_id: String,
    pub report_title: String,
    /// The matching sentence, by byte offsets into the report's cleaned text.
    pub sentence: Span,
    /// The sentence's text (or a window of it around the matches).
    pub snippet: String,
    /// The matched words, by byte offsets into the report's cleaned text.
    pub highlights: Vec<Span>,
    pub score: f32,
}
