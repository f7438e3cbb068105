//! Sentence splitting and tokenization for English news text.
//!
//! Both work on byte offsets into the text they are given and never copy
//! it. Sentence boundaries are found at `.`, `!`, `?` (and closing quotes
//! or brackets after them) followed by white space and an upper-case
//! letter, digit or opening quote, unless the period ends a known
//! abbreviation or an initial; a line break followed by a blank line, or a
//! single line break after a line without end punctuation (titles, date
//! lines, captions), always ends a sentence.

use corroborate_model::{Shape, Span, Token, TokenKind};

mod vocabulary;

pub use vocabulary::{
    jaccard_prefix_len, renumbered, shared_sorted, sorted_intersection, Vocabulary, WordIds,
};

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "gov", "sen",
    "rep", "st", "jr", "sr", "vs", "etc", "no", "nos", "art", "fig", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "dept",
    "est", "approx", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "mt", "ft", "pres", "rev",
    "hon", "sec", "govt",
];

/// Splits `text` into sentence spans, trimmed of surrounding white space.
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            let line_break_ends = ends_at_line_break(text, start, i);
            if line_break_ends {
                push_trimmed(text, start, i, &mut spans);
                start = i + 1;
            }
            i += 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            end = skip_closers(text, end);
            if is_sentence_end(text, start, i, end) {
                push_trimmed(text, start, end, &mut spans);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// A line break ends a sentence when a blank line follows, or when the
/// line so far has no end punctuation and the next line starts a new unit
/// (titles, bylines, date lines and list items have no final period).
fn ends_at_line_break(text: &str, start: usize, newline: usize) -> bool {
    let before = text[start..newline].trim_end();
    if before.is_empty() {
        return true;
    }
    let after = &text[newline + 1..];
    let next_line = after.split('\n').next().unwrap_or("").trim();
    if next_line.is_empty() {
        return true;
    }
    // A line that runs on (ends mid-sentence, next starts lower case) is a
    // wrapped line, not a boundary.
    let last = before.chars().last().unwrap_or(' ');
    let next_first = next_line.chars().next().unwrap_or(' ');
    !(next_first.is_lowercase() || matches!(last, ',' | ';' | ':' | '-' | '('))
}

fn skip_closers(text: &str, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        if end < bytes.len()
            && matches!(bytes[end], b'"' | b'\'' | b')' | b']' | b'.' | b'!' | b'?')
        {
            end += 1;
            continue;
        }
        // Curly closing quotes are three bytes: ’ (E2 80 99) and ” (E2 80 9D).
        if text[end..].starts_with('\u{2019}') || text[end..].starts_with('\u{201D}') {
            end += 3;
            continue;
        }
        return end;
    }
}

fn is_sentence_end(text: &str, start: usize, punct: usize, end: usize) -> bool {
    let rest = &text[end..];
    let mut chars = rest.chars();
    match chars.next() {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        _ => {}
    }
    let next = rest.trim_start().chars().next();
    let starts_new = match next {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[' | '\u{2013}' | '-'
                )
        }
    };
    if !starts_new {
        return false;
    }
    if text.as_bytes()[punct] != b'.' {
        return true;
    }
    !ends_with_abbreviation(&text[start..punct])
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // Single letters are initials ("J. Smith"), unless the sentence is that letter.
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let s = start + lead;
        spans.push(Span::new(s, s + trimmed.len()));
    }
}

/// Splits `text` into word, number and punctuation tokens: the one
/// tokenizer every stage reads (extraction runs it once per report).
///
/// Numbers keep their internal separators ("9,900", "1.5", "4–6" is three
/// tokens); words keep internal hyphens and apostrophes ("Kassym-Jomart",
/// "Nazarbayev's" is one word followed by nothing: the possessive stays
/// attached so mention finders can strip it). Each token carries its
/// [`Shape`] (capitalized, all caps, digits, inner hyphen or apostrophe,
/// ASCII), read in the same pass.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_alphabetic() {
            TokenKind::Word
        } else if c.is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != TokenKind::Punct {
            while let Some(&(pos, next)) = iter.peek() {
                let continues = match kind {
                    TokenKind::Word => next.is_alphanumeric() || is_inner_joiner(text, pos, next),
                    _ => next.is_ascii_digit() || is_number_joiner(text, pos, next),
                };
                if !continues {
                    break;
                }
                end = pos + next.len_utf8();
                iter.next();
            }
        }
        out.push(Token {
            span: Span::new(start, end),
            kind,
            shape: shape_of(&text[start..end], kind),
        });
    }
    out
}

/// The tokens (of a text's [`tokens`]) that start inside `span`: a
/// sentence's tokens.
pub fn tokens_in(tokens: &[Token], span: Span) -> &[Token] {
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.start < span.end);
    tokens.get(first..end).unwrap_or_default()
}

/// Character classes a token's [`Shape`] is read from.
const UPPER: u8 = 1;
const LOWER: u8 = 1 << 1;
const DIGIT: u8 = 1 << 2;
const HYPHEN: u8 = 1 << 3;
const APOSTROPHE: u8 = 1 << 4;

/// The classes of each ASCII byte.
const ASCII_CLASSES: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b'0'..=b'9' => DIGIT,
            b'-' => HYPHEN,
            b'\'' => APOSTROPHE,
            _ => 0,
        };
        b += 1;
    }
    table
};

fn classes_of(c: char) -> u8 {
    if let Some(&classes) = ASCII_CLASSES.get(c as usize) {
        return classes;
    }
    if c.is_uppercase() {
        UPPER
    } else if c.is_lowercase() {
        LOWER
    } else if c == '\u{2019}' {
        APOSTROPHE
    } else if c.is_numeric() && !c.is_alphabetic() {
        DIGIT
    } else {
        0
    }
}

/// The [`Shape`] of a token's text; hyphens and apostrophes count only
/// inside words.
fn shape_of(token: &str, kind: TokenKind) -> Shape {
    let ascii = token.is_ascii();
    let classes = if ascii {
        token
            .bytes()
            .fold(0, |acc, b| acc | ASCII_CLASSES[usize::from(b & 0x7f)])
    } else {
        token.chars().fold(0, |acc, c| acc | classes_of(c))
    };
    let mut shape = Shape::default();
    let flags = [
        (
            token.chars().next().is_some_and(char::is_uppercase),
            Shape::CAPITALIZED,
        ),
        (
            classes & UPPER != 0 && classes & LOWER == 0,
            Shape::ALL_CAPS,
        ),
        (classes & DIGIT != 0, Shape::DIGIT),
        (
            kind == TokenKind::Word && classes & HYPHEN != 0,
            Shape::HYPHEN,
        ),
        (
            kind == TokenKind::Word && classes & APOSTROPHE != 0,
            Shape::APOSTROPHE,
        ),
        (ascii, Shape::ASCII),
    ];
    for (set, flag) in flags {
        if set {
            shape = shape.with(flag);
        }
    }
    shape
}

/// Compiles a regular expression whose `\b` means an ASCII word boundary.
///
/// The stages' trigger and cue words are ASCII, and a Unicode `\b` makes
/// the regex engine leave its fast DFA path on text with curly quotes or
/// accented names, so every pattern of the pipeline goes through here.
pub fn compile_pattern(source: &str) -> Result<regex::Regex, regex::Error> {
    regex::Regex::new(&source.replace(r"\b", r"(?-u:\b)"))
}

/// Maximal runs of alphanumeric characters ("Kassym-Jomart's" gives
/// "Kassym", "Jomart", "s"): the plain word view for keys, shingles and
/// overlap measures that ignore punctuation.
pub fn alphanumeric_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|run| !run.is_empty())
}

/// The largest character boundary of `text` at or before `index` (the
/// text's length when `index` is beyond it).
pub fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The smallest character boundary of `text` at or after `index` (the
/// text's length when `index` is beyond it).
pub fn ceil_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

/// Whether byte offset `at` of `text` lies in a web address: on a line
/// that is one ("http://…", "https: / / …" as detokenized corpora write
/// it, "www.…"), or in a white-space-delimited word that is one. Dates and
/// words in a page's address are not what the report says.
pub fn in_web_address(text: &str, at: usize) -> bool {
    let at = floor_char_boundary(text, at);
    let is_link = |s: &str| {
        let head = s.get(..floor_char_boundary(s, 8)).unwrap_or("");
        let head = head.to_ascii_lowercase();
        head.starts_with("http:") || head.starts_with("https:") || head.starts_with("www.")
    };
    // Look no further than a web address can be long, so that a long text
    // without line breaks costs no more per call than a short one.
    let window_start = floor_char_boundary(text, at.saturating_sub(WEB_ADDRESS_MAX));
    let before = &text[window_start..at];
    let line_start = match before.rfind('\n') {
        Some(i) => Some(window_start + i + 1),
        None => (window_start == 0).then_some(0),
    };
    if line_start.is_some_and(|start| is_link(text[start..].trim_start())) {
        return true;
    }
    let word_start = before.rfind(char::is_whitespace).map_or(window_start, |i| {
        window_start + i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let window_end = floor_char_boundary(text, at + WEB_ADDRESS_MAX);
    let word_end = text[at..window_end]
        .find(char::is_whitespace)
        .map_or(window_end, |i| at + i);
    let word = &text[word_start..word_end];
    is_link(word) || word.contains("://")
}

/// The longest web address [`in_web_address`] looks through, in bytes.
const WEB_ADDRESS_MAX: usize = 2048;

/// Hyphens and apostrophes join word parts when a letter follows.
fn is_inner_joiner(text: &str, pos: usize, c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}')
        && text[pos + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(|n| n.is_alphabetic())
}

/// Commas and periods join digit groups when a digit follows.
fn is_number_joiner(text: &str, pos: usize, c: char) -> bool {
    matches!(c, ',' | '.')
        && text[pos + 1..]
            .chars()
            .next()
            .is_some_and(|n| n.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_found_by_line_and_by_word() {
        let text = "http: / / www. example. com / 2013/05/03 / story\nOn 5 May see https://x.net/2013/05/04/a or www.y.org today.";
        let at = |needle: &str| text.find(needle).expect("needle in text");
        assert!(in_web_address(text, at("2013/05/03")));
        assert!(in_web_address(text, at("2013/05/04")));
        assert!(in_web_address(text, at("y.org")));
        assert!(!in_web_address(text, at("5 May")));
        assert!(!in_web_address(text, at("today")));
        // A character cut by the eight-byte head, and a long line before.
        let accented = "www.é.org/2013/05/04 opened";
        assert!(in_web_address(accented, accented.find("2013").unwrap_or(0)));
        let long = format!("{} on 5 May", "word ".repeat(1000));
        assert!(!in_web_address(&long, long.len() - 5));
    }

    #[test]
    fn char_boundaries_round_inside_a_character_and_clamp_to_the_end() {
        let text = "añb";
        assert_eq!(floor_char_boundary(text, 2), 1);
        assert_eq!(ceil_char_boundary(text, 2), 3);
        assert_eq!(floor_char_boundary(text, 9), 4);
        assert_eq!(ceil_char_boundary(text, 9), 4);
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_on_periods_and_keeps_abbreviations() {
        let text = "Mr. Smith arrived on Jan. 5. He left. Then U.S. troops came.";
        assert_eq!(
            sentence_texts(text),
            vec![
                "Mr. Smith arrived on Jan. 5.",
                "He left.",
                "Then U.S. troops came."
            ]
        );
    }

    #[test]
    fn titles_and_date_lines_are_their_own_sentences() {
        let text =
            "Crisis in Veloria\nTuesday, 11 January, 2022\n\nProtesters gathered. Police fled.";
        assert_eq!(
            sentence_texts(text),
            vec![
                "Crisis in Veloria",
                "Tuesday, 11 January, 2022",
                "Protesters gathered.",
                "Police fled."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let text = "He said “we will win.” They did not.";
        assert_eq!(
            sentence_texts(text),
            vec!["He said “we will win.”", "They did not."]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_do_not_split() {
        let text = "Prices rose 1.5 per cent. in the west. Then calm.";
        assert_eq!(
            sentence_texts(text),
            vec!["Prices rose 1.5 per cent. in the west.", "Then calm."]
        );
    }

    #[test]
    fn offsets_are_byte_offsets() {
        let text = "Kazakhstan’s crisis. Next one.";
        let spans = sentences(text);
        assert_eq!(spans[1].slice(text), Some("Next one."));
    }

    #[test]
    fn pattern_word_boundaries_are_ascii() {
        let pattern = compile_pattern(r"\bcafe\b").expect("valid pattern");
        assert!(pattern.is_match("the cafe opened"));
        // With an ASCII boundary, "é" is not a word character, so "cafe"
        // inside "cafeé" still ends at a boundary.
        assert!(pattern.is_match("cafeé"));
        assert!(compile_pattern(r"(").is_err());
    }

    #[test]
    fn alphanumeric_runs_split_at_every_other_character() {
        let runs: Vec<&str> = alphanumeric_runs("Ana-Maria’s  9,900 -- ok").collect();
        assert_eq!(runs, vec!["Ana", "Maria", "s", "9", "900", "ok"]);
    }

    #[test]
    fn tokens_in_a_span_are_those_starting_inside_it() {
        let text = "One two. Three four.";
        let toks = tokens(text);
        let second: Vec<&str> = tokens_in(&toks, sentences(text)[1])
            .iter()
            .map(|t| t.text(text))
            .collect();
        assert_eq!(second, vec!["Three", "four", "."]);
        assert!(tokens_in(&toks, Span::new(3, 3)).is_empty());
    }

    #[test]
    fn tokens_carry_their_shape() {
        let text = "Kassym-Jomart KNB G20 don’t 9,900 m² ( Öskemen";
        let toks = tokens(text);
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            words,
            vec![
                "Kassym-Jomart",
                "KNB",
                "G20",
                "don’t",
                "9,900",
                "m²",
                "(",
                "Öskemen"
            ]
        );
        let name = toks[0];
        assert!(name.is_capitalized() && name.has_hyphen() && !name.is_all_caps());
        assert!(name.is_ascii() && !name.has_digit() && !name.has_apostrophe());
        assert!(toks[1].is_all_caps() && toks[1].is_capitalized());
        assert!(toks[2].is_all_caps() && toks[2].has_digit());
        assert!(toks[3].has_apostrophe() && !toks[3].is_ascii() && !toks[3].is_capitalized());
        assert!(toks[4].has_digit() && toks[4].kind == TokenKind::Number);
        assert!(toks[5].has_digit() && toks[5].is_word() && !toks[5].is_ascii());
        assert_eq!(toks[6].shape, Shape::ASCII);
        assert!(toks[7].is_capitalized() && !toks[7].is_ascii());
    }

    #[test]
    fn tokens_keep_numbers_and_hyphenated_names() {
        let text = "Kassym-Jomart counted 9,900 (1.5%) Nazarbayev’s";
        let toks: Vec<_> = tokens(text)
            .iter()
            .map(|t| (&text[t.span.start..t.span.end], t.kind))
            .collect();
        assert_eq!(toks[0], ("Kassym-Jomart", TokenKind::Word));
        assert_eq!(toks[2], ("9,900", TokenKind::Number));
        assert_eq!(toks[4], ("1.5", TokenKind::Number));
        assert_eq!(
            toks.last().copied(),
            Some(("Nazarbayev’s", TokenKind::Word))
        );
    }
}
