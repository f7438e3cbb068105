//! corroborate-ner
