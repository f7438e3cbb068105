//! corroborate-merge
