//! Tagging speed on raw TimeML texts (the WikiWars benchmark).

use super::{files_with, read, timeml::parse_timeml, EvalError};
use chrono::NaiveDate;
use std::path::Path;
use std::time::{Duration, Instant};

/// A document's raw text (inside `<TEXT>`, tags stripped) and its DCT.
#[derive(Debug, Clone)]
pub struct RawDocument {
    pub text: String,
    pub dct: Option<NaiveDate>,
}

/// Raw texts and DCTs of every `.tml` file in `dir`.
pub fn timeml_texts(dir: &Path) -> Result<Vec<RawDocument>, EvalError> {
    let files = files_with(dir, "tml")?;
    if files.is_empty() {
        return Err(EvalError::Empty(dir.to_path_buf()));
    }
    files
        .iter()
        .map(|path| {
            let doc = parse_timeml(&read(path)?).map_err(|message| EvalError::Xml {
                path: path.clone(),
                message,
            })?;
            Ok(RawDocument {
                text: doc.text,
                dct: doc.dct,
            })
        })
        .collect()
}

/// Speed of [`corroborate_time::tag`] over a corpus on the calling thread.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchResult {
    pub documents: usize,
    /// Characters (Unicode scalar values) in one pass over the corpus.
    pub chars: usize,
    pub timexes: usize,
    pub rounds: u32,
    pub elapsed: Duration,
}

impl BenchResult {
    pub fn chars_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds == 0.0 {
            0.0
        } else {
            self.chars as f64 * f64::from(self.rounds) / seconds
        }
    }
}

/// Tags every document of `documents` `rounds` times (after one warm-up
/// pass) and reports characters per second.
pub fn bench_documents(documents: &[RawDocument], rounds: u32) -> BenchResult {
    let tag_all = || {
        documents
            .iter()
            .map(|doc| corroborate_time::tag(&doc.text, doc.dct, false).len())
            .sum::<usize>()
    };
    let timexes = tag_all();
    let started = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(tag_all());
    }
    BenchResult {
        documents: documents.len(),
        chars: documents.iter().map(|d| d.text.chars().count()).sum(),
        timexes,
        rounds,
        elapsed: started.elapsed(),
    }
}
