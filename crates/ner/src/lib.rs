//! Named-entity mentions: people, organizations, places and other names
//! (nationalities, named events) in English news text.
//!
//! The default tagger ([`RuleTagger`]) is rule-based: capitalized runs are
//! split and classified by head words, titles, context cues and a compiled
//! place [`Gazetteer`] (GeoNames, ISO 3166), then made consistent across
//! the document (see `rules.rs` and `document.rs` for the rules). Taggers
//! implement [`MentionTagger`], so a trained model can replace the rules.
//! [`eval_conll`] scores a tagger on CoNLL-style files.

mod conll;
mod document;
mod gazetteer;
mod lexicon;
mod rules;
mod sentence;

use std::sync::LazyLock;

pub use conll::{eval_conll, eval_conll_with, KindScores, NerError, NerScores};
pub use corroborate_model::{EntityKind, Mention, Span};
pub use gazetteer::{FeatureKind, Gazetteer, Place};

/// Finds entity mentions in a text split into sentences.
pub trait MentionTagger: Send + Sync {
    /// Mentions in `text`, sorted by position and non-overlapping.
    /// `sentences` are byte spans into `text`, in order.
    fn tag(&self, text: &str, sentences: &[Span]) -> Vec<Mention>;
}

/// Rule and gazetteer tagger (see the crate documentation).
#[derive(Debug, Clone, Copy)]
pub struct RuleTagger {
    gazetteer: &'static Gazetteer,
}

impl RuleTagger {
    pub fn new(gazetteer: &'static Gazetteer) -> Self {
        RuleTagger { gazetteer }
    }
}

impl Default for RuleTagger {
    fn default() -> Self {
        RuleTagger::new(Gazetteer::global())
    }
}

impl MentionTagger for RuleTagger {
    fn tag(&self, text: &str, sentences: &[Span]) -> Vec<Mention> {
        let tokens = corroborate_text::tokens(text);
        let mut drafts = Vec::new();
        for sentence in sentences {
            let first = tokens.partition_point(|t| t.span.start < sentence.start);
            let end = tokens.partition_point(|t| t.span.start < sentence.end);
            let Some(sentence_tokens) = tokens.get(first..end) else {
                continue;
            };
            let toks = sentence::features(text, sentence_tokens);
            let tagger = rules::SentenceTagger {
                gazetteer: self.gazetteer,
                toks: &toks,
                text,
                out: Vec::new(),
            };
            drafts.extend(tagger.run());
        }
        document::finish(drafts)
    }
}

static DEFAULT_TAGGER: LazyLock<RuleTagger> = LazyLock::new(RuleTagger::default);

/// Mentions in `text` found by the default [`RuleTagger`], sorted and
/// non-overlapping.
pub fn extract(text: &str, sentences: &[Span]) -> Vec<Mention> {
    DEFAULT_TAGGER.tag(text, sentences)
}
