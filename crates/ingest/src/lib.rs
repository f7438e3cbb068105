//! corroborate-ingest
