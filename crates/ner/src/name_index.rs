//! A hash map from strings whose keys live in one shared string: the
//! gazetteer indexes about 130,000 lower-cased names at start-up, and a
//! `String` allocation per key was the largest part of parsing it.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// String keys (stored one after the other in `keys`) to values.
#[derive(Debug)]
pub(crate) struct NameIndex<V> {
    keys: String,
    entries: HashTable<Entry<V>>,
}

#[derive(Debug)]
struct Entry<V> {
    /// Byte range of the key in [`NameIndex::keys`].
    start: usize,
    end: usize,
    value: V,
}

fn hash(key: &str) -> u64 {
    FxBuildHasher.hash_one(key)
}

fn key_of<'k, V>(keys: &'k str, entry: &Entry<V>) -> &'k str {
    keys.get(entry.start..entry.end).unwrap_or("")
}

impl<V> NameIndex<V> {
    /// An empty index with room for `capacity` keys.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        NameIndex {
            keys: String::with_capacity(capacity * 12),
            entries: HashTable::with_capacity(capacity),
        }
    }

    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        let keys = &self.keys;
        self.entries
            .find(hash(key), |entry| key_of(keys, entry) == key)
            .map(|entry| &entry.value)
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Updates the value of `key` with `update`, or inserts `insert()`
    /// when the key is new.
    pub(crate) fn upsert(
        &mut self,
        key: &str,
        insert: impl FnOnce() -> V,
        update: impl FnOnce(&mut V),
    ) {
        let key_hash = hash(key);
        let keys = &mut self.keys;
        let found = self
            .entries
            .find_mut(key_hash, |entry| key_of(keys, entry) == key);
        if let Some(entry) = found {
            update(&mut entry.value);
            return;
        }
        let start = keys.len();
        keys.push_str(key);
        let entry = Entry {
            start,
            end: keys.len(),
            value: insert(),
        };
        let keys = &*keys;
        self.entries
            .insert_unique(key_hash, entry, |entry| hash(key_of(keys, entry)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_inserted_and_updates_in_place() {
        let mut index: NameIndex<Vec<u32>> = NameIndex::with_capacity(1);
        for (n, key) in ["almaty", "oslo", "", "almaty", "über", "al"]
            .iter()
            .enumerate()
        {
            let n = n as u32;
            index.upsert(key, || vec![n], |values| values.push(n));
        }
        assert_eq!(index.get("almaty"), Some(&vec![0, 3]));
        assert_eq!(index.get("oslo"), Some(&vec![1]));
        assert_eq!(index.get(""), Some(&vec![2]));
        assert_eq!(index.get("über"), Some(&vec![4]));
        assert_eq!(index.get("al"), Some(&vec![5]));
        assert!(!index.contains_key("alm"));
        assert!(!index.contains_key("almaty "));
    }
}
