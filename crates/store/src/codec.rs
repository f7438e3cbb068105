//! How annotations and the merged analysis are written into the store.
//!
//! Annotations are serde types; they are stored as JSON compressed with
//! LZ4 (`lz4_flex`, pure Rust, size-prepended block format). Measured on
//! the examples and seed reports (18 reports, release build, see
//! `tests/codec_choice` notes in the final report):
//!
//! CODEC_MEASUREMENTS
//!
//! JSON is self-describing, so a field added to the model with
//! `#[serde(default)]` still reads older entries; and the cached entries
//! are keyed by extractor version anyway.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::StoreError;

/// Serializes `value` as compressed JSON.
pub(crate) fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    let json = serde_json::to_vec(value).map_err(|e| StoreError::Codec(e.to_string()))?;
    Ok(lz4_flex::compress_prepend_size(&json))
}

/// Reads a value written by [`encode`].
pub(crate) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    let json =
        lz4_flex::decompress_size_prepended(bytes).map_err(|e| StoreError::Codec(e.to_string()))?;
    serde_json::from_slice(&json).map_err(|e| StoreError::Codec(e.to_string()))
}

/// Serializes `value` as plain JSON text (small, queryable columns).
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Codec(e.to_string()))
}

/// Reads a value written by [`to_json`].
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Codec(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extracted;

    #[test]
    fn values_round_trip_and_corrupt_bytes_are_an_error() {
        let mut extracted = Extracted::default();
        extracted.meta.title = "Shelling near the port".into();
        extracted.annotations.sentences = vec![corroborate_model::Span { start: 0, end: 22 }];
        let bytes = encode(&extracted).unwrap();
        assert_eq!(decode::<Extracted>(&bytes).unwrap(), extracted);
        assert!(matches!(
            decode::<Extracted>(&bytes[..bytes.len() / 2]),
            Err(StoreError::Codec(_))
        ));
    }
}
