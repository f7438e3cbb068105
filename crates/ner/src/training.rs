//! What the trainer in `corroborate-eval` needs from the tagger, and no
//! more: the attributes tagging computes for each token (so that training
//! and tagging see exactly the same features), the BIO labels and their
//! Viterbi decoder, the model file writer, and the word lists the corpus
//! reader uses to keep names only.

use corroborate_model::{Span, Token};

pub use crate::chain::{viterbi, Label, ModelParts};
use crate::features::SentenceFeatures;
use crate::gazetteer::Gazetteer;
use crate::lexicon::{self, WordClasses};
use crate::{sentence_tokens, RuleTagger};

/// One sentence as the tagger sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceAttributes {
    /// Each token's span (a possessive ending is not part of it).
    pub token_spans: Vec<Span>,
    /// Each token's attribute hashes, as the model file stores them.
    pub attributes: Vec<Vec<u64>>,
}

/// The attributes of every token of the non-empty sentences of `text`
/// (`sentences` are byte spans in order, `tokens` are
/// `corroborate_text::tokens(text)`), with the rule tagger's mentions in
/// the whole text as features, exactly as [`crate::PerceptronTagger`]
/// computes them.
pub fn sentence_attributes(
    text: &str,
    sentences: &[Span],
    tokens: &[Token],
) -> Vec<SentenceAttributes> {
    let gazetteer = Gazetteer::global();
    let sentence_toks = sentence_tokens(text, sentences, tokens);
    let rule_mentions = RuleTagger::new(gazetteer).tag_tokens(text, &sentence_toks);
    sentence_toks
        .iter()
        .filter(|toks| !toks.is_empty())
        .map(|toks| {
            let features = SentenceFeatures::new(toks, text, gazetteer, &rule_mentions);
            let attributes = (0..toks.len())
                .map(|i| {
                    let mut hashes = Vec::with_capacity(64);
                    features.emit(i, &mut hashes);
                    hashes
                })
                .collect();
            SentenceAttributes {
                token_spans: toks.iter().map(|tok| tok.span).collect(),
                attributes,
            }
        })
        .collect()
}

/// True when the lower-cased `word` is an ordinary English word.
pub fn is_english_word(lower: &str) -> bool {
    lexicon::is_english_word(lower)
}

/// True when `word` is a lower-case word that may join the capitalized
/// words of one name ("of", "al", "de").
pub fn is_connector(word: &str) -> bool {
    WordClasses::of(word).has(WordClasses::CONNECTOR)
}

/// True when the lower-cased `word` is a title on its own ("president")
/// or a word that may precede one ("former", "deputy").
pub fn is_title_word(lower: &str) -> bool {
    WordClasses::of(lower).has(WordClasses::TITLE_MODIFIER) || lexicon::is_one_word_title(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_per_token_of_non_empty_sentences() {
        let text = "Anna Volkova's lawyers met in Oslo.\n\nThey left.";
        let tokens = corroborate_text::tokens(text);
        let sentences = [
            Span::new(0, 35),
            Span::new(35, 37),
            Span::new(37, text.len()),
        ];
        let found = sentence_attributes(text, &sentences, &tokens);
        assert_eq!(found.len(), 2);
        let first = &found[0];
        assert_eq!(first.token_spans.len(), first.attributes.len());
        // The possessive is not part of the token.
        assert_eq!(first.token_spans[1].slice(text), Some("Volkova"));
        assert!(first.attributes.iter().all(|hashes| hashes.len() > 20));
        assert_ne!(first.attributes[0], first.attributes[1]);
    }

    #[test]
    fn word_lists_for_the_corpus_reader() {
        assert!(is_english_word("reading"));
        assert!(!is_english_word("xqzv"));
        assert!(is_connector("of"));
        assert!(!is_connector("Of"));
        assert!(is_title_word("president"));
        assert!(is_title_word("former"));
        // "attorney" starts a title ("attorney general") but is none alone.
        assert!(!is_title_word("attorney"));
    }
}
