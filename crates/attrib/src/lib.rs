//! corroborate-attrib
