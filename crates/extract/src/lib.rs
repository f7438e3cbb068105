//! corroborate-extract
