//! corroborate-time
