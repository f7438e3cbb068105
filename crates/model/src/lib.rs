//! The data model of corroborate.
//!
//! Two layers:
//! * per-report annotations ([`Annotations`]) produced by the stateless
//!   extraction stages, every item carrying a [`Span`] of byte offsets into
//!   the report's cleaned text;
//! * the cross-report [`Analysis`] (entities, events, claims, conflicts)
//!   produced by the merging stage, every item pointing back to quotes.
//!
//! Field names serialised here are part of the stable JSON contract
//! (`schema/analysis.schema.json`): fields may be added, never renamed.

mod annotations;
pub mod calendar;
mod interval;
mod ledger;
mod report;
mod span;
pub mod words;

pub use annotations::*;
pub use interval::Interval;
pub use ledger::*;
pub use report::*;
pub use span::Span;
