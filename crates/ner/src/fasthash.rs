//! A fast, non-cryptographic hasher for the crate's word tables.
//!
//! The lexicon sets and the gazetteer are looked up for nearly every token;
//! the standard library's SipHash (built to resist hash flooding from
//! untrusted keys) was a measurable share of tagging time. The tables here
//! are built from the crate's own data, and report text only queries them,
//! so flooding is no concern. The mixing is the multiply-rotate scheme of
//! rustc's `FxHasher`, reading eight bytes at a time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Builds [`FastHasher`]s.
pub(crate) type FastBuildHasher = BuildHasherDefault<FastHasher>;
/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, FastBuildHasher>;
/// A `HashSet` with [`FastHasher`].
pub(crate) type FastSet<K> = HashSet<K, FastBuildHasher>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Multiply-rotate hasher (see the module documentation).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher {
    hash: u64,
}

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length keeps "ab" and "ab\0" apart.
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u32(&mut self, value: u32) {
        self.add(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_find_what_was_inserted() {
        let words = [
            "minister",
            "ministers",
            "of",
            "the",
            "",
            "über-long word here",
        ];
        let set: FastSet<&str> = words.iter().copied().collect();
        for word in words {
            assert!(set.contains(word));
        }
        assert!(!set.contains("minister "));
        let mut map: FastMap<String, usize> = FastMap::default();
        map.insert("almaty".to_string(), 1);
        assert_eq!(map.get("almaty"), Some(&1));
        assert_eq!(map.get("almat"), None);
    }

    #[test]
    fn different_short_keys_hash_differently() {
        let hash = |bytes: &[u8]| {
            let mut hasher = FastHasher::default();
            hasher.write(bytes);
            hasher.finish()
        };
        assert_ne!(hash(b"ab"), hash(b"ab\0"));
        assert_ne!(hash(b"of"), hash(b"fo"));
    }
}
