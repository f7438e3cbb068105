//! Renders a cross-report [`Analysis`] for people and programs.
//!
//! Three views of the same data:
//! * [`render_json`]: the stable machine contract, pretty-printed JSON whose
//!   field order is the model's struct order (described by
//!   `schema/analysis.schema.json` at the repository root);
//! * [`render_text`]: a terminal view (timeline, claims ledger, conflicts
//!   side by side, entities), wrapped at about 100 columns, with optional
//!   ANSI colours;
//! * [`render_html`]: one self-contained HTML file (inline CSS, a little
//!   inline JS for filtering only) that also shows every report's full text
//!   with each quoted span marked, so that every quote links to its context.
//!
//! Rendering never fails on odd input: quotes whose byte offsets do not fit
//! the report text are shown without a link instead of panicking.

mod anchors;
mod common;
pub mod exports;
mod html;
mod map;
mod marks;
mod text;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod json_tests;

use corroborate_model::Analysis;

pub use html::render_html;
pub use text::{render_text, render_timeline_text};

/// Why an analysis could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("could not serialise the analysis as JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// The analysis as pretty-printed JSON, fields in struct order.
pub fn render_json(analysis: &Analysis) -> Result<String, RenderError> {
    Ok(serde_json::to_string_pretty(analysis)?)
}

/// [`render_json`] written to `writer` as it is made (the same bytes),
/// so that a large analysis is never held whole as text.
pub fn write_json(analysis: &Analysis, writer: impl std::io::Write) -> Result<(), RenderError> {
    Ok(serde_json::to_writer_pretty(writer, analysis)?)
}
