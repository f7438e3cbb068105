//! Named-entity evaluation and training for `corroborate-ner`: the CoNLL
//! reader and exact-span scorer (`conll.rs`), the annotated corpora with
//! their label mappings and held-out split (`corpus.rs`), and the
//! averaged-perceptron trainer that writes `crates/ner/model/ner.model`
//! (`train.rs`), and MEANTIME news read as the same kind of test
//! (`meantime.rs`).

mod conll;
mod corpus;
mod meantime;
mod train;

use std::path::PathBuf;

pub use conll::{eval_conll, eval_conll_with, KindScores, NerFailure, NerScores};
pub use corpus::{write_test_split, SplitReport};
pub use meantime::meantime_conll;
pub use train::{train, TrainOptions, TrainReport};

/// Why scoring or training could not run.
#[derive(Debug, thiserror::Error)]
pub enum NerEvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("no CoNLL tokens found under {0}")]
    NoData(PathBuf),
    #[error("{path}: not MEANTIME XML as expected: {message}")]
    Format { path: PathBuf, message: String },
    #[error(transparent)]
    Tagger(#[from] corroborate_ner::NerError),
}
