//! Named-entity mentions: people, organizations, places and other names
//! (nationalities, named events) in English news text.
//!
//! Two taggers implement [`MentionTagger`]:
//! * [`PerceptronTagger`] (the default, used by [`extract`]): a linear-chain
//!   model over BIO labels, trained as a structured averaged perceptron, with
//!   classical features — word window ±2, shapes,
//!   affixes, the place [`Gazetteer`], the rule tagger's word lists (titles,
//!   organization heads, …) — trained by [`train`] on CC-licensed corpora
//!   (`model/README.md`), followed by the rule tagger's title, acronym and
//!   document-consistency passes (`statistical.rs`, `chain.rs`, `features.rs`, `train.rs`);
//! * [`RuleTagger`]: capitalized runs split and classified by head words,
//!   titles, context cues and the gazetteer, then made consistent across
//!   the document (`rules.rs`, `document.rs`).
//!
//! [`eval_conll`] scores a tagger on CoNLL-style files; [`write_test_split`]
//! writes the held-out documents the committed model never saw.

mod chain;
mod conll;
mod corpus;
mod document;
mod fasthash;
mod features;
mod gazetteer;
mod lexicon;
pub use lexicon::REGION_MODIFIERS;
mod rules;
mod sentence;
mod statistical;
mod train;

use std::sync::LazyLock;

pub use conll::{eval_conll, eval_conll_with, KindScores, NerError, NerScores};
pub use corpus::{
    is_held_out, write_test_split, Corpus, SplitReport, RE3D_TEST_SOURCES, WIKIGOLD_TEST_PERIOD,
};
pub use corroborate_model::{EntityKind, Mention, Span};
pub use gazetteer::{FeatureKind, Gazetteer, Place};
pub use statistical::PerceptronTagger;
pub use train::{train, TrainOptions, TrainReport};

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
        let sentence_toks = sentence_tokens(text, sentences);
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

/// Token features of each sentence (`sentences` are byte spans in order).
pub(crate) fn sentence_tokens<'t>(
    text: &'t str,
    sentences: &[Span],
) -> Vec<Vec<sentence::Tok<'t>>> {
    let tokens = corroborate_text::tokens(text);
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
/// non-overlapping.
pub fn extract(text: &str, sentences: &[Span]) -> Vec<Mention> {
    DEFAULT_TAGGER.tag(text, sentences)
}
