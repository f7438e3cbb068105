//! Quotations inside a sentence.
//!
//! Curly double quotes pair “ with ”, straight double quotes pair in
//! order, and single curly quotes pair ‘ with the next ’ that is not an
//! apostrophe (a letter follows an apostrophe). A quote opened but not
//! closed in the sentence runs to the sentence end; a closing quote with no
//! opening (a quotation continued from the previous sentence) starts at the
//! sentence start.

use corroborate_model::Span;

/// A quotation: `outer` includes the quote marks, `inner` excludes them
/// (and a trailing comma inside the marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quote {
    pub outer: Span,
    pub inner: Span,
}

pub(crate) fn quotes_in(text: &str, sentence: Span) -> Vec<Quote> {
    let Some(slice) = sentence.slice(text) else {
        return Vec::new();
    };
    let mut quotes = Vec::new();
    // (opening mark, byte offset of the mark, its length)
    let mut open: Option<(char, usize, usize)> = None;
    let mut seen_any_mark = false;
    let mut chars = slice.char_indices().peekable();
    while let Some((pos, c)) = chars.next() {
        let abs = sentence.start + pos;
        let next_is_letter = chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
        match (open, c) {
            (None, '\u{201C}' | '\u{2018}' | '"') => {
                open = Some((c, abs, c.len_utf8()));
                seen_any_mark = true;
            }
            (None, '\u{201D}') if !seen_any_mark => {
                // A quotation continued from the previous sentence.
                quotes.push(make_quote(text, sentence.start, 0, abs, c.len_utf8()));
                seen_any_mark = true;
            }
            (Some(('\u{201C}', start, len)), '\u{201D}')
            | (Some(('"', start, len)), '"')
            | (Some(('\u{2018}', start, len)), '\u{2019}') => {
                if c == '\u{2019}' && next_is_letter {
                    continue; // an apostrophe inside the quotation
                }
                quotes.push(make_quote(text, start, len, abs, c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((_, start, len)) = open {
        quotes.push(make_quote(text, start, len, sentence.end, 0));
    }
    quotes
}

fn make_quote(
    text: &str,
    open_at: usize,
    open_len: usize,
    close_at: usize,
    close_len: usize,
) -> Quote {
    let inner_raw = Span::new(open_at + open_len, close_at.max(open_at + open_len));
    Quote {
        outer: Span::new(open_at, close_at + close_len),
        inner: crate::words::trim_span(text, inner_raw, &[',']),
    }
}

/// True when `span` lies inside one of the quotations.
pub(crate) fn is_quoted(quotes: &[Quote], span: Span) -> bool {
    quotes.iter().any(|q| q.outer.contains(span))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner_texts(text: &str) -> Vec<&str> {
        quotes_in(text, Span::new(0, text.len()))
            .iter()
            .map(|q| &text[q.inner.start..q.inner.end])
            .collect()
    }

    #[test]
    fn pairs_curly_straight_and_single_quotes() {
        assert_eq!(
            inner_texts("“We will stay,” she said."),
            vec!["We will stay"]
        );
        assert_eq!(inner_texts("He said \"no\" twice."), vec!["no"]);
        assert_eq!(
            inner_texts("a ‘country’s shame’ (in his words)"),
            vec!["country’s shame"]
        );
    }

    #[test]
    fn unbalanced_quotes_run_to_the_sentence_edge() {
        assert_eq!(inner_texts("He said “we stay."), vec!["we stay."]);
        assert_eq!(inner_texts("Then we left.” he said"), vec!["Then we left."]);
    }
}
