//! Evaluation and training for corroborate's stages.
//!
//! Everything that reads an evaluation format (TimeML, MEANTIME CAT XML,
//! Recognizers-Text specs, CoNLL, the project's own JSONL answer keys) or
//! trains a model lives here, so the library crates that `analyze` runs
//! hold only what the pipeline needs. The binary's `eval` and `train`
//! commands call into this crate.

mod cat_xml;
pub mod coref;
pub mod ecb_entities;
pub mod ecb_events;
pub mod ecb_topics;
pub mod ecbplus;
pub mod event_dates;
pub mod figures;
pub mod ner;
pub mod quantity;
pub mod stories;
pub mod time;
