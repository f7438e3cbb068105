//! Small helpers over byte spans: words, gaps, case checks.

use corroborate_model::{Span, Token, TokenKind};

/// The words of a text, read from its tokens: letters or digits, with
/// single inner hyphens and apostrophes ("Kassym-Jomart’s", "3-year",
/// "COVID-19", "’90s" gives "90s"); commas and points split numbers
/// ("9,900" is "9" and "900").
pub(crate) struct Words<'a> {
    pub(crate) text: &'a str,
    spans: Vec<Span>,
}

impl<'a> Words<'a> {
    /// The words of `tokens` (tokens of `text`, in order).
    pub(crate) fn new(text: &'a str, tokens: &[Token]) -> Words<'a> {
        let mut builder = WordBuilder::default();
        for token in tokens {
            match token.kind {
                TokenKind::Word => builder.part(token.span),
                TokenKind::Number => {
                    for run in digit_runs(text, token.span) {
                        builder.part(run);
                    }
                }
                TokenKind::Punct if token.has_digit() => builder.part(token.span),
                TokenKind::Punct => builder.punct(token, text),
            }
        }
        Words {
            text,
            spans: builder.spans,
        }
    }

    /// Word spans inside `span`; a word crossing its edge is cut there
    /// (without a hyphen or apostrophe left at the cut).
    pub(crate) fn within(&self, span: Span) -> Vec<Span> {
        if span.slice(self.text).is_none() {
            return Vec::new();
        }
        let first = self.spans.partition_point(|w| w.end <= span.start);
        self.spans
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|w| w.start < span.end)
            .filter_map(|w| {
                let cut = Span::new(w.start.max(span.start), w.end.min(span.end));
                let part = cut.slice(self.text)?;
                let trimmed = part.trim_start_matches(is_joiner);
                let start = cut.start + (part.len() - trimmed.len());
                let end = start + trimmed.trim_end_matches(is_joiner).len();
                (start < end).then(|| Span::new(start, end))
            })
            .collect()
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’')
}

/// Joins word parts into words.
#[derive(Default)]
struct WordBuilder {
    spans: Vec<Span>,
    /// End of a joiner right after the last word: a part starting there
    /// continues that word.
    joiner_end: Option<usize>,
}

impl WordBuilder {
    fn part(&mut self, part: Span) {
        let joined = self.joiner_end.take() == Some(part.start);
        match self.spans.last_mut() {
            Some(last) if joined || last.end == part.start => last.end = part.end,
            _ => self.spans.push(part),
        }
    }

    fn punct(&mut self, token: &Token, text: &str) {
        let after_word = self.spans.last().is_some_and(|w| w.end == token.span.start);
        let joiner = token.text(text).chars().next().is_some_and(is_joiner);
        self.joiner_end = (after_word && joiner).then_some(token.span.end);
    }
}

/// The digit runs of a number token ("9,900" gives "9" and "900").
fn digit_runs(text: &str, number: Span) -> impl Iterator<Item = Span> + '_ {
    let digits = number.slice(text).unwrap_or("");
    digits
        .split(['.', ','])
        .scan(number.start, |offset, run| {
            let start = *offset;
            *offset += run.len() + 1;
            Some(Span::new(start, start + run.len()))
        })
        .filter(|run| run.start < run.end)
}

/// The text a span covers, or "" when the span does not fit.
pub(crate) fn text_of(text: &str, span: Span) -> &str {
    span.slice(text).unwrap_or("")
}

/// True when only white space lies between `from` and `to`.
pub(crate) fn only_space_between(text: &str, from: usize, to: usize) -> bool {
    from >= to || text.get(from..to).is_some_and(|gap| gap.trim().is_empty())
}

/// Case-insensitive membership in a list of lower-case words.
pub(crate) fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|item| item.eq_ignore_ascii_case(word))
}

pub(crate) fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// `span` shrunk to exclude surrounding white space and the given
/// punctuation at its end.
pub(crate) fn trim_span(text: &str, span: Span, trailing: &[char]) -> Span {
    let slice = text_of(text, span);
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice
        .trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || trailing.contains(&c));
    let start = span.start + lead;
    Span::new(start, start + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str, span: Span) -> Vec<&str> {
        Words::new(text, &corroborate_text::tokens(text))
            .within(span)
            .iter()
            .map(|w| text_of(text, *w))
            .collect()
    }

    #[test]
    fn words_keep_hyphens_and_apostrophes() {
        let text = "Kassym-Jomart’s aide, said.";
        let words = words_of(text, Span::new(0, text.len()));
        assert_eq!(words, vec!["Kassym-Jomart’s", "aide", "said"]);
    }

    #[test]
    fn digits_join_words_but_separators_split_numbers() {
        let text = "a 3-year plan, COVID-19 in the ’90s: 9,900 or 1.5-fold, m² -- x";
        let words = words_of(text, Span::new(0, text.len()));
        assert_eq!(
            words,
            vec![
                "a", "3-year", "plan", "COVID-19", "in", "the", "90s", "9", "900", "or", "1",
                "5-fold", "m²", "x"
            ]
        );
    }

    #[test]
    fn words_are_cut_at_the_span_edges() {
        let text = "Kassym-Jomart spoke";
        assert_eq!(words_of(text, Span::new(6, 16)), vec!["Jomart", "sp"]);
        assert_eq!(words_of(text, Span::new(0, 7)), vec!["Kassym"]);
        assert!(words_of(text, Span::new(9, 300)).is_empty());
    }

    #[test]
    fn trims_space_and_punctuation() {
        let text = "  hello, world,” ";
        let span = trim_span(text, Span::new(0, text.len()), &[',', '”']);
        assert_eq!(text_of(text, span), "hello, world");
    }
}
