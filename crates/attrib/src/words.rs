//! Small helpers over byte spans: words, gaps, case checks.

use std::sync::LazyLock;

use corroborate_model::Span;
use regex::Regex;

/// A word: letters or digits, with inner hyphens and apostrophes
/// ("Kassym-Jomart", "country’s").
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*").expect("constant regex is valid")
});

/// The text a span covers, or "" when the span does not fit.
pub(crate) fn text_of(text: &str, span: Span) -> &str {
    span.slice(text).unwrap_or("")
}

/// Word spans (absolute offsets) inside `span`.
pub(crate) fn words_in(text: &str, span: Span) -> Vec<Span> {
    let slice = text_of(text, span);
    WORD.find_iter(slice)
        .map(|m| Span::new(span.start + m.start(), span.start + m.end()))
        .collect()
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

    #[test]
    fn words_keep_hyphens_and_apostrophes() {
        let text = "Kassym-Jomart’s aide, said.";
        let words: Vec<&str> = words_in(text, Span::new(0, text.len()))
            .iter()
            .map(|w| text_of(text, *w))
            .collect();
        assert_eq!(words, vec!["Kassym-Jomart’s", "aide", "said"]);
    }

    #[test]
    fn trims_space_and_punctuation() {
        let text = "  hello, world,” ";
        let span = trim_span(text, Span::new(0, text.len()), &[',', '”']);
        assert_eq!(text_of(text, span), "hello, world");
    }
}
