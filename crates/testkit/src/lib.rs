//! Test support for every crate: the shared real data (seed reports,
//! evaluation sets) is read in place through the `CORROBORATE_SHARED`
//! environment variable.
//!
//! When the variable is unset, these functions return `None` and tests
//! over real data skip; when it is set and the data is missing, they panic,
//! so a CI run never passes by skipping.

use std::path::PathBuf;

/// Number of seed reports the shared corpus holds.
pub const SEED_COUNT: usize = 5;

/// `$CORROBORATE_SHARED/relative`, or `None` when the variable is unset.
pub fn shared_path(relative: &str) -> Option<PathBuf> {
    let root = std::env::var_os("CORROBORATE_SHARED")?;
    let path = PathBuf::from(root).join(relative);
    assert!(
        path.exists(),
        "CORROBORATE_SHARED is set but {} is missing",
        path.display()
    );
    Some(path)
}

/// The seed report files, sorted by name.
pub fn seed_paths() -> Option<Vec<PathBuf>> {
    let dir = shared_path("corpus/seeds")?;
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{} is unreadable: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    assert_eq!(
        paths.len(),
        SEED_COUNT,
        "expected {SEED_COUNT} seed reports in {}",
        dir.display()
    );
    Some(paths)
}

/// Each seed report's file stem and full text, sorted by name.
pub fn seed_texts() -> Option<Vec<(String, String)>> {
    let texts = seed_paths()?
        .into_iter()
        .map(|path| {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (stem, text)
        })
        .collect();
    Some(texts)
}
