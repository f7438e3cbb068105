//! Computes the extractor version's fingerprint: a hash of everything that
//! decides what extraction produces (the extraction crates' sources, the
//! NER model, the gazetteer and word lists compiled in, and the store's
//! encoding of annotations). A workspace
//! re-extracts its stored reports when the fingerprint changes.

use std::path::{Path, PathBuf};

/// The crates whose code or data shape a report's annotations, and the
/// store, whose codec writes them as field-order arrays (a changed layout
/// must re-extract rather than fail to decode).
const EXTRACTION_CRATES: &[&str] = &[
    "model", "text", "time", "quantity", "ner", "attrib", "events", "extract", "store",
];
/// The folders of each crate that are compiled in.
const COMPILED_FOLDERS: &[&str] = &["src", "data", "model"];

fn main() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for name in EXTRACTION_CRATES {
        for folder in COMPILED_FOLDERS {
            let dir = crates.join(name).join(folder);
            if dir.is_dir() {
                println!("cargo:rerun-if-changed={}", dir.display());
                collect_files(&dir, &mut files);
            }
        }
    }
    files.sort();
    let mut hasher = blake3::Hasher::new();
    for file in &files {
        let relative = file.strip_prefix(&crates).unwrap_or(file);
        hasher.update(relative.to_string_lossy().as_bytes());
        match std::fs::read(file) {
            Ok(bytes) => hasher.update(&bytes),
            Err(err) => panic!("cannot read {}: {err}", file.display()),
        };
    }
    let fingerprint = hasher.finalize().to_hex();
    println!(
        "cargo:rustc-env=CORROBORATE_EXTRACTION_FINGERPRINT={}",
        &fingerprint[..16]
    );
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}
