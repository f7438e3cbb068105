//! The plain text of a document, rebuilt from its tokens.
//!
//! Tokens are joined by one space, except where the tokenization plainly
//! split what was written together:
//!
//! * no space before closing punctuation (`. , ; : ! ? ) ] } %`, `''`,
//!   `”`, `’`, `'`, `…`) or a clitic (`'s n't 're 've 'll 'd 'm`, also
//!   with `’`), none after an opening bracket or quote (`( [ { `` “ ‘`);
//! * a straight `"` opens or closes by turns through the document; one
//!   right after `, . ? !` closes and one at a sentence start opens;
//! * `’` or `'` between a word and `s t d ll re ve m` is an apostrophe
//!   ("she ’ s" → "she’s");
//! * a currency sign before a number: "$ 250" → "$250"; a clock time
//!   split at its colon: "6 : 00" → "6:00";
//! * in `ecbplus` files, numbers split at their separator: "8 , 000" →
//!   "8,000" (a group of one to three digits, a comma, three digits),
//!   "2 . 5" → "2.5" (digits on both sides); and a hyphen between two
//!   words or numbers is inside a compound: "45 - year - old" →
//!   "45-year-old" (an `ecbplus` dash is written `- -` and keeps its
//!   spaces); "05 / 02 / 2013" → "05/02/2013"; "p . m ." → "p.m.".
//!   `ecb` files keep numbers and compounds as one token, so
//!   there "3 , 500" is a list ("3, 500") and a hyphen token is a dash
//!   that keeps its spaces.
//!
//! Sentences are separated by a newline. A token's text is copied
//! verbatim (trailing tabs included) so that `text[span]` is the token.

use corroborate_model::Span;

use super::{Sentence, Subtopic, Token};

const OPENING: &[&str] = &["(", "[", "{", "``", "“", "‘"];
const CLOSING_QUOTES: &[&str] = &["''", "”", "’", "'", "…"];
const CLOSING_MARKS: &str = ".,;:!?)]}%";
const CLITICS: &[&str] = &["'s", "'re", "'ve", "'ll", "'d", "'m", "n't"];
const CLITIC_TAILS: &[&str] = &["s", "t", "d", "ll", "re", "ve", "m"];
const CURRENCY_SIGNS: &[&str] = &["$", "US$", "£", "€"];

/// Builds the text, sets every token's span and returns the sentences.
pub(super) fn rebuild(tokens: &mut [Token], subtopic: Subtopic) -> (String, Vec<Sentence>) {
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut quote_open = false;
    let mut start = 0;
    while let Some(first) = tokens.get(start) {
        let number = first.sentence;
        let length = tokens.get(start..).map_or(0, |rest| {
            rest.iter().take_while(|t| t.sentence == number).count()
        });
        let end = start + length;
        let words: Vec<String> = tokens.get(start..end).map_or(Vec::new(), |s| {
            s.iter().map(|t| t.text.trim().to_string()).collect()
        });
        let glue = glue_flags(&words, subtopic, &mut quote_open);
        if !sentences.is_empty() {
            text.push('\n');
        }
        let line_start = text.len();
        if let Some(sentence_tokens) = tokens.get_mut(start..end) {
            append_tokens(&mut text, sentence_tokens, &glue);
        }
        sentences.push(Sentence {
            number,
            tokens: start..end,
            span: Span::new(line_start, text.len()),
        });
        start = end;
    }
    (text, sentences)
}

fn append_tokens(text: &mut String, tokens: &mut [Token], glue: &[bool]) {
    for (i, token) in tokens.iter_mut().enumerate() {
        if i > 0 && !glue.get(i).copied().unwrap_or(false) {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&token.text);
        token.span = Span::new(start, text.len());
    }
}

/// `glue[i]`: no space between word `i - 1` and word `i`.
fn glue_flags(words: &[String], subtopic: Subtopic, quote_open: &mut bool) -> Vec<bool> {
    let mut glue: Vec<bool> = (0..words.len())
        .map(|i| glues_to_previous(words, i))
        .collect();
    glue_straight_quotes(words, &mut glue, quote_open);
    glue_split_words(words, &mut glue, subtopic);
    glue
}

/// Punctuation, clitics, brackets, currency signs and split apostrophes.
fn glues_to_previous(words: &[String], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|j| words.get(j)) else {
        return false;
    };
    let Some(next) = words.get(i) else {
        return false;
    };
    let before = i.checked_sub(2).and_then(|j| words.get(j));
    closes(next)
        || is_clitic(next)
        || OPENING.contains(&prev.as_str())
        || (CURRENCY_SIGNS.contains(&prev.as_str()) && starts_with_digit(next))
        || is_apostrophe_clitic(before, prev, next)
}

fn closes(word: &str) -> bool {
    CLOSING_QUOTES.contains(&word)
        || (!word.is_empty() && word.chars().all(|c| CLOSING_MARKS.contains(c)))
}

fn is_clitic(word: &str) -> bool {
    let lower = word.to_lowercase().replace('’', "'");
    CLITICS.contains(&lower.as_str())
}

/// "she ’ s", "didn ’ t": an apostrophe split off with its clitic.
fn is_apostrophe_clitic(before: Option<&String>, apostrophe: &str, next: &str) -> bool {
    matches!(apostrophe, "’" | "'")
        && CLITIC_TAILS.contains(&next.to_lowercase().as_str())
        && before.is_some_and(|w| w.chars().last().is_some_and(char::is_alphabetic))
}

fn starts_with_digit(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Straight double quotes: glue an opening one to the next word and a
/// closing one to the previous word.
fn glue_straight_quotes(words: &[String], glue: &mut [bool], quote_open: &mut bool) {
    for (i, word) in words.iter().enumerate() {
        if word != "\"" {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|j| words.get(j));
        let opening = match prev {
            None => true,
            Some(p) if matches!(p.as_str(), "," | "." | "?" | "!") => false,
            Some(_) => !*quote_open,
        };
        *quote_open = opening;
        let slot = if opening { i + 1 } else { i };
        if let Some(flag) = glue.get_mut(slot).filter(|_| slot > 0) {
            *flag = true;
        }
    }
}

/// Words split at an inner separator: glue the separator to both
/// neighbours. Clock times ("6 : 00") are split in both subtopics; the rest
/// only in `ecbplus` files.
fn glue_split_words(words: &[String], glue: &mut [bool], subtopic: Subtopic) {
    for i in 1..words.len().saturating_sub(1) {
        let (Some(left), Some(sep), Some(right)) =
            (words.get(i - 1), words.get(i), words.get(i + 1))
        else {
            continue;
        };
        let joined = match sep.as_str() {
            ":" => is_clock(left, right),
            _ if subtopic == Subtopic::Ecb => false,
            "," => is_leading_group(left) && is_three_digit_group(right),
            "." => {
                (is_digits(strip_currency(left)) && starts_with_digit(right))
                    || (is_letter(left) && is_letter(right))
            }
            "-" => ends_alphanumeric(left) && starts_alphanumeric(right),
            "/" => ends_with_digit(left) && starts_with_digit(right),
            _ => false,
        };
        if joined {
            glue[i] = true;
            glue[i + 1] = true;
        }
    }
}

/// "6 : 00", "5 : 03pm": hours, then two digits of minutes.
fn is_clock(hours: &str, minutes: &str) -> bool {
    is_digits(hours)
        && hours.len() <= 2
        && minutes.chars().take_while(char::is_ascii_digit).count() == 2
}

/// One letter of an abbreviation split at its dots ("p . m .").
fn is_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.next().is_none()
}

fn ends_with_digit(word: &str) -> bool {
    word.chars().last().is_some_and(|c| c.is_ascii_digit())
}

fn strip_currency(word: &str) -> &str {
    word.trim_start_matches(['$', '£', '€'])
}

fn is_digits(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit())
}

/// "8", "$12", "000": the part of a number before a thousands comma.
fn is_leading_group(word: &str) -> bool {
    let digits = strip_currency(word);
    is_digits(digits) && digits.len() <= 3
}

/// "000", "500m": three digits after a thousands comma.
fn is_three_digit_group(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    digits == 3
}

fn ends_alphanumeric(word: &str) -> bool {
    word.chars().last().is_some_and(char::is_alphanumeric)
}

fn starts_alphanumeric(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_alphanumeric)
}
