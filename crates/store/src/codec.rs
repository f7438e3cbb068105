//! How annotations and the merged analysis are written into the store.
//!
//! Annotations are stored as MessagePack with structs as arrays
//! (`rmp_serde::to_vec`, no field names), compressed with LZ4
//! (`lz4_flex`, pure Rust). Measured per report on the examples and the
//! seed reports (14 reports, 5.9 KB of cleaned text each, release build):
//!
//! | encoding              | bytes  | decode   | encode  |
//! |-----------------------|--------|----------|---------|
//! | JSON                  | 98 781 | 287 µs   | 150 µs  |
//! | JSON + LZ4            | 19 811 | 323 µs   | 255 µs  |
//! | MessagePack, named    | 67 152 | 142 µs   | 107 µs  |
//! | MessagePack, named+LZ4| 17 934 | 229 µs   | 183 µs  |
//! | MessagePack, arrays   | 25 150 |  84 µs   |  50 µs  |
//! | **MessagePack arrays + LZ4** | **13 098** | **87 µs** | 93 µs |
//!
//! The chosen one is the smallest and loads 3.7 times faster than
//! compressed JSON: loading every report's annotations is what a merge
//! of the whole workspace starts with. Arrays are not self-describing (a
//! field added to the model would not read older entries), which is safe
//! here: entries are keyed by the extractor version, which fingerprints
//! the model crate's source, so an entry is only read by the type
//! definitions that wrote it.
//!
//! (Annotations are stored without their tokens, see [`crate::Extracted`]:
//! 3 746 bytes per report on the same reports.)
//!
//! The merged analysis (one document, read whole, with optional fields
//! that are skipped when absent) is stored as JSON compressed with LZ4,
//! written and read as a stream. Reading the analysis of 100,000
//! generated reports (`examples/merge_memory.rs --stored-analysis`):
//! decompressing it whole and then parsing peaked at 2,918 MB (10.7 s);
//! parsing from the decompressing reader peaks at 1,873 MB (8–10 s), the
//! parsed analysis itself taking 1,729 MB.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::StoreError;

fn codec_error(err: impl std::fmt::Display) -> StoreError {
    StoreError::Codec(err.to_string())
}

/// Serializes annotations compactly (MessagePack arrays + LZ4).
pub(crate) fn encode_compact<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    let packed = rmp_serde::to_vec(value).map_err(codec_error)?;
    Ok(lz4_flex::compress_prepend_size(&packed))
}

/// Reads a value written by [`encode_compact`].
pub(crate) fn decode_compact<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    let packed = lz4_flex::decompress_size_prepended(bytes).map_err(codec_error)?;
    rmp_serde::from_slice(&packed).map_err(codec_error)
}

/// Serializes a document as JSON compressed with LZ4 (frame format,
/// streamed: the uncompressed JSON is never held whole).
pub(crate) fn encode_json<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    let mut encoder = lz4_flex::frame::FrameEncoder::new(Vec::new());
    serde_json::to_writer(&mut encoder, value).map_err(codec_error)?;
    encoder.finish().map_err(codec_error)
}

/// Reads a document written by [`encode_json`], streamed as well: the
/// uncompressed JSON is never held whole (at 100,000 generated reports it
/// is over a gigabyte).
pub(crate) fn decode_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    let decoder = lz4_flex::frame::FrameDecoder::new(bytes);
    serde_json::from_reader(std::io::BufReader::new(decoder)).map_err(codec_error)
}

/// Serializes a value as plain JSON text (small, queryable columns).
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(codec_error)
}

/// Reads a value written by [`to_json`].
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(codec_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extracted;
    use corroborate_model::{Analysis, Span};

    #[test]
    fn values_round_trip_and_corrupt_bytes_are_an_error() {
        let mut extracted = Extracted::default();
        extracted.meta.title = "Shelling near the port".into();
        extracted.annotations.sentences = vec![Span { start: 0, end: 22 }];
        let bytes = encode_compact(&extracted).unwrap();
        assert_eq!(decode_compact::<Extracted>(&bytes).unwrap(), extracted);
        assert!(matches!(
            decode_compact::<Extracted>(&bytes[..bytes.len() / 2]),
            Err(StoreError::Codec(_))
        ));
        let analysis = Analysis {
            schema_version: "1.2".into(),
            ..Analysis::default()
        };
        let bytes = encode_json(&analysis).unwrap();
        assert_eq!(decode_json::<Analysis>(&bytes).unwrap(), analysis);
        assert!(decode_json::<Analysis>(b"junk").is_err());
    }
}
