//! corroborate-quantity
