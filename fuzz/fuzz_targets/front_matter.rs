//! Fuzzes the YAML front-matter splitter: any text must split or give an
//! error, and the body offset must be a char boundary.
#![no_main]

use corroborate_ingest::split_front_matter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok((_, body_start)) = split_front_matter(text) {
            assert!(text.is_char_boundary(body_start));
        }
    }
});
