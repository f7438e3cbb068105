//! Named-entity mentions: people, organizations, places and other names
//! (nationalities, named events) in English news text.
//!
//! Two taggers implement [`MentionTagger`]:
//! * [`PerceptronTagger`] (the default, used by [`extract`]): a linear-chain
//!   model over BIO labels, trained as a structured averaged perceptron, with
//!   classical features — word window ±2, shapes,
//!   affixes, the place [`Gazetteer`], the rule tagger's word lists (titles,
//!   organization heads, …) — trained on CC-licensed corpora by the trainer
//!   in `corroborate-eval` (`model/README.md`), followed by the rule tagger's
//!   title, acronym and document-consistency passes (`statistical.rs`,
//!   `chain.rs`, `features.rs`);
//! * [`RuleTagger`]: capitalized runs split and classified by head words,
//!   titles, context cues and the gazetteer, then made consistent across
//!   the document (`rules.rs`, `document.rs`).
//!
//! Taggers take the report's tokens as `corroborate_text::tokens` produced
//! them, so the text is tokenized once per report. Scoring and training
//! live in `corroborate-eval`; [`training`] is what the trainer needs from
//! this crate.

mod chain;
mod document;
mod features;
mod gazetteer;
mod lexicon;
mod name_index;
mod organizations;
pub use lexicon::{is_english_word, REGION_MODIFIERS};
mod rules;
mod sentence;
mod shapes;
mod statistical;
pub mod training;

use std::sync::LazyLock;

use std::path::PathBuf;

pub use corroborate_model::{EntityKind, Mention, Span, Token};
pub use gazetteer::{FeatureKind, Gazetteer, Place};
pub use statistical::PerceptronTagger;

/// A tagger model that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid tagger model: {0}")]
    Model(String),
}

/// Finds entity mentions in a text split into sentences and tokens.
pub trait MentionTagger: Send + Sync {
    /// Mentions in `text`, sorted by position and non-overlapping.
    /// `sentences` are byte spans into `text`, in order; `tokens` are
    /// `corroborate_text::tokens(text)`.
    fn tag(&self, text: &str, sentences: &[Span], tokens: &[Token]) -> Vec<Mention>;
}

/// Rule and gazetteer tagger (see the crate documentation).
#[derive(Debug, Clone, Copy)]
pub struct RuleTagger {
    gazetteer: &'static Gazetteer,
}

impl RuleTagger {
    pub(crate) fn new(gazetteer: &'static Gazetteer) -> Self {
        RuleTagger { gazetteer }
    }
}

impl Default for RuleTagger {
    fn default() -> Self {
        RuleTagger::new(Gazetteer::global())
    }
}

impl MentionTagger for RuleTagger {
    fn tag(&self, text: &str, sentences: &[Span], tokens: &[Token]) -> Vec<Mention> {
        let sentence_toks = sentence_tokens(text, sentences, tokens);
        self.tag_tokens(text, &sentence_toks)
    }
}

impl RuleTagger {
    /// Tags sentences already split into token features.
    pub(crate) fn tag_tokens(
        &self,
        text: &str,
        sentence_toks: &[Vec<sentence::Tok>],
    ) -> Vec<Mention> {
        let mut drafts = Vec::new();
        for toks in sentence_toks {
            let tagger = rules::SentenceTagger {
                gazetteer: self.gazetteer,
                toks,
                text,
                out: Vec::new(),
            };
            drafts.extend(tagger.run());
        }
        document::finish(drafts)
    }
}

/// Token features of each sentence (`sentences` are byte spans in order,
/// `tokens` the text's tokens in order).
pub(crate) fn sentence_tokens<'t>(
    text: &'t str,
    sentences: &[Span],
    tokens: &[Token],
) -> Vec<Vec<sentence::Tok<'t>>> {
    sentences
        .iter()
        .map(|sentence| {
            let first = tokens.partition_point(|t| t.span.start < sentence.start);
            let end = tokens.partition_point(|t| t.span.start < sentence.end);
            tokens
                .get(first..end)
                .map(|slice| sentence::features(text, slice))
                .unwrap_or_default()
        })
        .collect()
}

/// The embedded [`PerceptronTagger`], or the [`RuleTagger`] if the model cannot
/// be read (a build with a broken model file).
static DEFAULT_TAGGER: LazyLock<Box<dyn MentionTagger>> =
    LazyLock::new(|| match PerceptronTagger::embedded() {
        Ok(tagger) => Box::new(tagger),
        Err(_) => Box::new(RuleTagger::default()),
    });

/// The tagger [`extract`] uses.
pub fn default_tagger() -> &'static dyn MentionTagger {
    DEFAULT_TAGGER.as_ref()
}

/// Mentions in `text` found by the default tagger, sorted and
/// non-overlapping (`tokens` are `corroborate_text::tokens(text)`).
pub fn extract(text: &str, sentences: &[Span], tokens: &[Token]) -> Vec<Mention> {
    DEFAULT_TAGGER.tag(text, sentences, tokens)
}
