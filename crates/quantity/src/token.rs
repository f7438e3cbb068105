//! The quantity stage's view of a sentence's tokens: the shared tokens
//! (`corroborate_text::tokens`) with numeric literals read by a number
//! grammar (thousands separators including spaces, decimals, a leading
//! minus, dotted sequences) and words split into their letter runs, all as
//! byte offsets into the original text.
//!
//! Plain words and punctuation are taken as they are (the token's
//! [`Shape`](corroborate_model::Shape) tells which); only number tokens,
//! the minus signs and points before them, and words with inner hyphens
//! or digits are read again. A piece of the view never crosses a shared
//! token's edge, except a literal spanning several ("9 900", "-5").

use corroborate_model::{Span, Token, TokenKind};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters, with inner apostrophes ("don't").
    Word,
    /// A numeric literal; its value is in [`Tok::value`].
    Num,
    /// Any other single non-space character.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The literal's value for [`Kind::Num`], else 0.
    pub value: f64,
    /// For [`Kind::Num`]: written with a decimal point.
    pub decimal: bool,
    /// For [`Kind::Num`]: starts with a 0 digit followed by more digits ("01").
    pub leading_zero: bool,
}

impl Tok {
    pub(crate) fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Case-insensitive comparison of a word token with `word`.
    pub(crate) fn is(&self, text: &str, word: &str) -> bool {
        self.kind == Kind::Word && self.text(text).eq_ignore_ascii_case(word)
    }

    pub(crate) fn is_punct(&self, text: &str, chars: &[char]) -> bool {
        self.kind == Kind::Punct
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(|c| chars.contains(&c))
    }

    /// True when the first letter is upper case.
    pub(crate) fn is_capitalized(&self, text: &str) -> bool {
        self.kind == Kind::Word
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

/// Separators allowed between digit groups: comma and the space variants.
const GROUP_SEPARATORS: &[&str] = &[",", " ", "\u{a0}", "\u{202f}", "\u{2009}"];

/// The view of the `tokens` (shared tokens of `text`) that start inside
/// `sentence`; offsets are absolute.
pub(crate) fn read(text: &str, sentence: Span, tokens: &[Token]) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(tokens.len());
    let Some(slice) = text.get(sentence.start..sentence.end) else {
        return toks;
    };
    let mut reader = Reader {
        slice,
        offset: sentence.start,
        pos: 0,
        dotted_until: 0,
        toks: &mut toks,
    };
    for token in corroborate_text::tokens_in(tokens, sentence) {
        reader.token(token);
    }
    toks
}

/// The view of a whole string (a phrase, a test case) as one sentence.
#[cfg(test)]
pub(crate) fn read_str(s: &str) -> Vec<Tok> {
    read(s, Span::new(0, s.len()), &corroborate_text::tokens(s))
}

/// Reads the view token by token; `pos` (relative to `slice`) is where the
/// last piece ended, past the shared token when a literal spans several.
struct Reader<'a> {
    slice: &'a str,
    /// Offset of `slice` in the text.
    offset: usize,
    pos: usize,
    /// End of a dotted digit sequence ("192.168.1.2") whose parts are integers.
    dotted_until: usize,
    toks: &'a mut Vec<Tok>,
}

impl Reader<'_> {
    fn token(&mut self, token: &Token) {
        let start = token.span.start.saturating_sub(self.offset);
        let end = token
            .span
            .end
            .saturating_sub(self.offset)
            .min(self.slice.len());
        if end <= self.pos {
            return;
        }
        if start >= self.pos && self.taken_as_is(token) {
            let kind = if token.kind == TokenKind::Word {
                Kind::Word
            } else {
                Kind::Punct
            };
            self.toks
                .push(plain(token.span.start, token.span.end, kind));
            self.pos = end;
            return;
        }
        self.pieces(start.max(self.pos), end);
    }

    /// Plain words (letters and apostrophes) and punctuation that cannot
    /// start a number (anything but a minus or a point) are tokens of the
    /// view as they are.
    fn taken_as_is(&self, token: &Token) -> bool {
        match token.kind {
            TokenKind::Word => !token.has_hyphen() && !token.has_digit(),
            TokenKind::Number => false,
            TokenKind::Punct => {
                let first = token.span.start.saturating_sub(self.offset);
                let punct = self.slice.get(first..).and_then(|s| s.chars().next());
                !matches!(punct, Some('-' | '−' | '.'))
            }
        }
    }

    /// Reads the pieces of `slice[from..end]`: literals (which may run past
    /// `end`), letter runs and single characters.
    fn pieces(&mut self, from: usize, end: usize) {
        let mut pos = from;
        while pos < end {
            let Some(ch) = self.slice.get(pos..).and_then(|s| s.chars().next()) else {
                break;
            };
            if let Some(lit) = literal_at(self.slice, pos, pos >= self.dotted_until) {
                if lit.dotted_end > 0 {
                    self.dotted_until = lit.dotted_end;
                }
                self.toks.push(Tok {
                    start: self.offset + pos,
                    end: self.offset + lit.end,
                    kind: Kind::Num,
                    value: lit.value,
                    decimal: lit.decimal,
                    leading_zero: lit.leading_zero,
                });
                pos = lit.end;
            } else if ch.is_alphabetic() {
                let word_end = word_end(self.slice, pos);
                self.toks
                    .push(plain(self.offset + pos, self.offset + word_end, Kind::Word));
                pos = word_end;
            } else {
                let width = ch.len_utf8();
                self.toks.push(plain(
                    self.offset + pos,
                    self.offset + pos + width,
                    Kind::Punct,
                ));
                pos += width;
            }
        }
        self.pos = pos;
    }
}

fn plain(start: usize, end: usize, kind: Kind) -> Tok {
    Tok {
        start,
        end,
        kind,
        value: 0.0,
        decimal: false,
        leading_zero: false,
    }
}

fn word_end(s: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = s.get(start..).unwrap_or("").char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            end = start + i + c.len_utf8();
        } else if matches!(c, '\'' | '’') && chars.peek().is_some_and(|(_, n)| n.is_alphabetic())
        {
            continue;
        } else {
            break;
        }
    }
    end
}

struct Literal {
    end: usize,
    value: f64,
    decimal: bool,
    leading_zero: bool,
    /// Non-zero when the literal opens a dotted sequence: its end.
    dotted_end: usize,
}

fn is_digit_at(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

fn digits_end(s: &str, i: usize) -> usize {
    let mut j = i;
    while is_digit_at(s, j) {
        j += 1;
    }
    j
}

/// Parses a numeric literal starting at `pos`, if one starts there.
fn literal_at(s: &str, pos: usize, allow_decimal: bool) -> Option<Literal> {
    let rest = s.get(pos..)?;
    let (sign_len, negative) = minus_sign(s, pos, rest);
    let first = pos + sign_len;
    if !is_digit_at(s, first) {
        return leading_point_decimal(s, pos);
    }
    let run_end = digits_end(s, first);
    let mut end = run_end;
    if run_end - first <= 3 {
        end = grouped_end(s, run_end);
    }
    let mut decimal = false;
    let mut dotted_end = 0;
    if allow_decimal && s.get(end..end + 1) == Some(".") && is_digit_at(s, end + 1) {
        let frac_end = digits_end(s, end + 1);
        if s.get(frac_end..frac_end + 1) == Some(".") && is_digit_at(s, frac_end + 1) {
            dotted_end = dotted_sequence_end(s, frac_end);
        } else {
            end = frac_end;
            decimal = true;
        }
    }
    let value = clean_value(s.get(first..end)?)?;
    Some(Literal {
        end,
        value: if negative { -value } else { value },
        decimal,
        leading_zero: s.get(first..first + 1) == Some("0") && is_digit_at(s, first + 1),
        dotted_end,
    })
}

/// A minus sign belongs to the number when it directly precedes a digit
/// and follows nothing glued (so "SCP-173" and "20-30" keep no sign).
fn minus_sign(s: &str, pos: usize, rest: &str) -> (usize, bool) {
    let sign = if rest.starts_with('-') {
        1
    } else if rest.starts_with('−') {
        '−'.len_utf8()
    } else {
        return (0, false);
    };
    let before = s.get(..pos).and_then(|b| b.chars().next_back());
    let free = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '<' | '>' | '='));
    if free && is_digit_at(s, pos + sign) {
        (sign, true)
    } else {
        (0, false)
    }
}

fn leading_point_decimal(s: &str, pos: usize) -> Option<Literal> {
    if s.get(pos..pos + 1) != Some(".") || !is_digit_at(s, pos + 1) {
        return None;
    }
    let before = s.get(..pos).and_then(|b| b.chars().next_back());
    if before.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let end = digits_end(s, pos + 1);
    let value = clean_value(s.get(pos..end)?)?;
    Some(Literal {
        end,
        value,
        decimal: true,
        leading_zero: false,
        dotted_end: 0,
    })
}

/// Extends a run of at most three digits over groups of exactly three
/// digits joined by one kind of separator ("1,234,567", "40 000").
fn grouped_end(s: &str, run_end: usize) -> usize {
    let mut end = run_end;
    let mut separator: Option<&str> = None;
    loop {
        let Some(sep) = GROUP_SEPARATORS
            .iter()
            .copied()
            .filter(|sep| separator.is_none_or(|chosen| chosen == *sep))
            .find(|sep| s.get(end..).is_some_and(|r| r.starts_with(sep)))
        else {
            return end;
        };
        let group_start = end + sep.len();
        let group_end = digits_end(s, group_start);
        if group_end - group_start != 3 {
            return end;
        }
        separator = Some(sep);
        end = group_end;
    }
}

fn dotted_sequence_end(s: &str, mut end: usize) -> usize {
    while s.get(end..end + 1) == Some(".") && is_digit_at(s, end + 1) {
        end = digits_end(s, end + 1);
    }
    end
}

/// The value of a literal with separators removed.
fn clean_value(literal: &str) -> Option<f64> {
    let mut buf = String::with_capacity(literal.len());
    buf.extend(literal.chars().filter(|c| c.is_ascii_digit() || *c == '.'));
    buf.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(text: &str) -> Vec<(String, f64)> {
        read_str(text)
            .into_iter()
            .filter(|t| t.kind == Kind::Num)
            .map(|t| (t.text(text).to_string(), t.value))
            .collect()
    }

    #[test]
    fn literals() {
        assert_eq!(
            nums("9,900 and 1.5"),
            vec![("9,900".into(), 9900.0), ("1.5".into(), 1.5)]
        );
        assert_eq!(nums("1 234 567"), vec![("1 234 567".into(), 1234567.0)]);
        assert_eq!(
            nums("22,24,26"),
            vec![
                ("22".into(), 22.0),
                ("24".into(), 24.0),
                ("26".into(), 26.0)
            ]
        );
        assert_eq!(nums(" -9.5"), vec![("-9.5".into(), -9.5)]);
        assert_eq!(nums("SCP-173"), vec![("173".into(), 173.0)]);
        assert_eq!(
            nums("20-30"),
            vec![("20".into(), 20.0), ("30".into(), 30.0)]
        );
        assert_eq!(nums(".08"), vec![(".08".into(), 0.08)]);
        let ip: Vec<f64> = nums("192.168.1.2").into_iter().map(|n| n.1).collect();
        assert_eq!(ip, vec![192.0, 168.0, 1.0, 2.0]);
    }

    #[test]
    fn literals_span_shared_tokens() {
        assert_eq!(nums("9 900 left"), vec![("9 900".into(), 9900.0)]);
        assert_eq!(nums("abc1,234"), vec![("1,234".into(), 1234.0)]);
        assert_eq!(nums("(-7)"), vec![("-7".into(), -7.0)]);
    }

    #[test]
    fn compound_words_split_into_letter_runs() {
        let text = "a 3-year-old COVID-19 rock’n’roll";
        let pieces: Vec<&str> = read_str(text).iter().map(|t| t.text(text)).collect();
        assert_eq!(
            pieces,
            vec![
                "a",
                "3",
                "-",
                "year",
                "-",
                "old",
                "COVID",
                "-",
                "19",
                "rock’n’roll"
            ]
        );
    }

    #[test]
    fn words_keep_apostrophes() {
        let text = "don't stop";
        let toks = read_str(text);
        assert_eq!(toks.first().map(|t| t.text(text)), Some("don't"));
    }
}
