//! Finding a query's words again in a hit sentence, and cutting long
//! sentences down to a snippet.

use std::collections::HashSet;

use corroborate_model::Span;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

/// Snippets longer than this many bytes are cut to a window of about it.
pub(crate) const MAX_SNIPPET_BYTES: usize = 400;
/// How far before the first highlight a cut snippet starts, in bytes.
const CONTEXT_BEFORE_BYTES: usize = 100;

/// The analysed words a query looks for in sentence text.
#[derive(Debug, Default)]
pub(crate) struct QueryWords {
    /// Words wanted on their own.
    single: HashSet<String>,
    /// Words wanted only as part of a phrase.
    in_phrase: HashSet<String>,
}

impl QueryWords {
    /// The words of `query` that search `field`.
    pub(crate) fn of(query: &dyn Query, field: Field) -> Self {
        let mut words = QueryWords::default();
        query.query_terms(&mut |term, needs_positions| {
            if term.field() != field {
                return;
            }
            if let Some(word) = term.value().as_str() {
                let set = if needs_positions {
                    &mut words.in_phrase
                } else {
                    &mut words.single
                };
                set.insert(word.to_owned());
            }
        });
        words
    }

    /// Byte spans (offset by `base`) of the words of `text` the query
    /// matched. A phrase word counts only next to another phrase word, so
    /// that `"police fired"` does not light up every "police".
    pub(crate) fn highlights(
        &self,
        analyzer: &mut TextAnalyzer,
        text: &str,
        base: usize,
    ) -> Vec<Span> {
        let mut tokens = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            let kind = if self.single.contains(&token.text) {
                Match::Single
            } else if self.in_phrase.contains(&token.text) {
                Match::InPhrase
            } else {
                Match::None
            };
            tokens.push((kind, token.offset_from, token.offset_to));
        }
        let is_phrase_word = |index: Option<usize>| {
            index
                .and_then(|i| tokens.get(i))
                .is_some_and(|(kind, _, _)| *kind == Match::InPhrase)
        };
        tokens
            .iter()
            .enumerate()
            .filter(|(i, (kind, _, _))| match kind {
                Match::Single => true,
                Match::InPhrase => is_phrase_word(i.checked_sub(1)) || is_phrase_word(Some(i + 1)),
                Match::None => false,
            })
            .map(|(_, &(_, from, to))| Span::new(base + from, base + to))
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Single,
    InPhrase,
    None,
}

/// `sentence` itself, or for a long one a window of about
/// [`MAX_SNIPPET_BYTES`] around the first highlight (given relative to the
/// sentence), cut on character boundaries and, where one is near, between
/// words. The window is always a substring of the sentence.
pub(crate) fn snippet_window(sentence: &str, first_highlight: Option<usize>) -> &str {
    if sentence.len() <= MAX_SNIPPET_BYTES {
        return sentence;
    }
    let anchor = first_highlight.unwrap_or(0).min(sentence.len());
    let mut start = anchor.saturating_sub(CONTEXT_BEFORE_BYTES);
    let mut end = (start + MAX_SNIPPET_BYTES).min(sentence.len());
    start = end.saturating_sub(MAX_SNIPPET_BYTES);
    start = corroborate_text::ceil_char_boundary(sentence, start);
    end = corroborate_text::floor_char_boundary(sentence, end);
    if start > 0 {
        if let Some(space) = sentence[start..anchor.max(start)].find(char::is_whitespace) {
            start += space + 1;
        }
    }
    if end < sentence.len() {
        if let Some(space) = sentence[start..end].rfind(char::is_whitespace) {
            end = start + space;
        }
    }
    sentence[start..end].trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_sentences_are_their_own_snippet() {
        assert_eq!(
            snippet_window("Police fired tear gas.", Some(7)),
            "Police fired tear gas."
        );
    }

    #[test]
    fn long_sentences_are_cut_around_the_first_highlight_between_words() {
        let sentence = format!("{} curfew {}", "é word".repeat(60), "tail ü".repeat(60));
        let at = sentence.find("curfew").unwrap();
        let snippet = snippet_window(&sentence, Some(at));
        assert!(snippet.len() <= MAX_SNIPPET_BYTES, "{}", snippet.len());
        assert!(snippet.contains("curfew"));
        assert!(sentence.contains(snippet));
        let offset = sentence.find(snippet).unwrap();
        assert!(offset > 0 && offset < at);
        assert!(!snippet.starts_with(' ') && !snippet.ends_with(' '));
        // Cut between words: what precedes the window is a space.
        assert_eq!(&sentence[offset - 1..offset], " ");
    }

    #[test]
    fn a_long_sentence_without_highlight_keeps_its_start() {
        let sentence = "word ".repeat(200);
        let snippet = snippet_window(&sentence, None);
        assert!(sentence.starts_with(snippet));
        assert!(snippet.len() <= MAX_SNIPPET_BYTES && snippet.len() > MAX_SNIPPET_BYTES - 10);
    }

    #[test]
    fn a_highlight_at_the_end_of_a_long_sentence_stays_in_the_window() {
        let sentence = format!("{}ceasefire", "ä".repeat(400));
        let at = sentence.find("ceasefire").unwrap();
        let snippet = snippet_window(&sentence, Some(at));
        assert!(snippet.ends_with("ceasefire"));
        assert!(snippet.len() <= MAX_SNIPPET_BYTES);
    }
}
