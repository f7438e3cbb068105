//! corroborate-events
