//! corroborate-render
