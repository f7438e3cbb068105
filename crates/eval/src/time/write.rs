//! Writing system TimeML for the TempEval-3 scorer.
//!
//! The scorer compares a system file with its gold file token by token, so
//! the system file must be the gold file byte for byte except for the
//! TIMEX3 tags inside `<TEXT>`: the gold ones are removed and ours inserted
//! at the raw positions of our spans (entities such as `&quot;` stay as the
//! gold file spells them). The scorer tokenizes on whitespace, cuts
//! punctuation off token edges and keeps hyphenated words whole
//! ([`tokens`]); a timex edge that falls inside such a token is moved out
//! to the token's edge ("1990s" in "mid-1990s" is written as "mid-1990s"),
//! and a timex that then overlaps the one before it is dropped.

use super::escape_xml;
use super::timeml::TimemlDoc;
use corroborate_model::Timex;
use std::ops::Range;

/// Where the text inside `<TEXT>` sits in the file.
#[derive(Debug, Default)]
pub(crate) struct TextLayout {
    /// Consecutive pieces of the text, in order.
    pieces: Vec<Piece>,
    /// Raw byte ranges of the gold TIMEX3 tags inside `<TEXT>`.
    pub(crate) gold_tags: Vec<Range<usize>>,
}

/// A run of text and the raw bytes it was read from: either copied byte
/// for byte (`literal`) or one entity or character reference, which a tag
/// edge may not split.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    text: Range<usize>,
    raw: Range<usize>,
    literal: bool,
}

impl TextLayout {
    /// Records escaped character data found at byte `raw_at` of the file
    /// whose unescaped text starts at `text_at`.
    pub(crate) fn push_escaped(
        &mut self,
        mut text_at: usize,
        raw_at: usize,
        escaped: &str,
    ) -> Result<(), String> {
        let mut done = 0;
        while let Some(rest) = escaped.get(done..).filter(|rest| !rest.is_empty()) {
            let (raw_len, text_len, literal) = match rest.find('&') {
                Some(0) => {
                    let end = rest.find(';').ok_or("unterminated entity reference")? + 1;
                    let reference = rest.get(..end).unwrap_or_default();
                    let unescaped =
                        quick_xml::escape::unescape(reference).map_err(|e| e.to_string())?;
                    (end, unescaped.len(), false)
                }
                Some(amp) => (amp, amp, true),
                None => (rest.len(), rest.len(), true),
            };
            self.pieces.push(Piece {
                text: text_at..text_at + text_len,
                raw: raw_at + done..raw_at + done + raw_len,
                literal,
            });
            text_at += text_len;
            done += raw_len;
        }
        Ok(())
    }

    /// Records a CDATA section found at byte `raw_at` holding `len` bytes.
    pub(crate) fn push_cdata(&mut self, text_at: usize, raw_at: usize, len: usize) {
        if len > 0 {
            let content_at = raw_at + "<![CDATA[".len();
            self.pieces.push(Piece {
                text: text_at..text_at + len,
                raw: content_at..content_at + len,
                literal: true,
            });
        }
    }

    /// The raw position of text offset `at` as the start of a tag: before
    /// the character there, after any markup before it.
    fn raw_start(&self, at: usize) -> Option<usize> {
        let index = self.pieces.partition_point(|p| p.text.end <= at);
        let piece = self.pieces.get(index)?;
        Some(if piece.literal {
            piece.raw.start + (at - piece.text.start)
        } else {
            piece.raw.start
        })
    }

    /// The raw position of text offset `at` as the end of a tag: after the
    /// character before it, before any markup after it.
    fn raw_end(&self, at: usize) -> Option<usize> {
        let index = self.pieces.partition_point(|p| p.text.end < at);
        let piece = self.pieces.get(index).filter(|p| p.text.start < at)?;
        Some(if piece.literal {
            piece.raw.start + (at - piece.text.start)
        } else {
            piece.raw.end
        })
    }
}

/// Characters cut off the start of a token.
const LEADING_PUNCTUATION: &[char] = &['[', '{', '(', '`', '"', '\u{201c}', '\u{2018}', '\u{ab}'];

/// Characters cut off the end of a token.
const TRAILING_PUNCTUATION: &[char] = &[
    ']', '}', '\'', '`', '"', ')', ',', ';', ':', '!', '?', '%', '\u{201d}', '\u{2019}', '\u{bb}',
];

/// English clitics split off the end of a token ("1990's" → "1990" "'s").
const CLITICS: &[&str] = &["'s", "'re", "'ve", "'d", "'m", "'em", "'ll", "n't"];

/// The scorer's tokens of `text` as byte ranges, in order: whitespace
/// separates chunks; a chunk is split after ';', '!', '?' and '/' and after
/// a comma not followed by a digit or '.'; brackets, quotes and closing
/// punctuation are cut off its edges, a final '.' too unless it is an
/// abbreviation like "U.S.", then English clitics. Hyphens never split.
pub(crate) fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut tokens = Vec::new();
    for chunk in whitespace_chunks(text) {
        for part in split_after_separators(text, chunk) {
            peel(text, part, &mut tokens);
        }
    }
    tokens
}

fn whitespace_chunks(text: &str) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(from)) => {
                chunks.push(from..at);
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(from) = start {
        chunks.push(from..text.len());
    }
    chunks
}

fn split_after_separators(text: &str, chunk: Range<usize>) -> Vec<Range<usize>> {
    let slice = text.get(chunk.clone()).unwrap_or_default();
    let mut parts = Vec::new();
    let mut from = chunk.start;
    let mut chars = slice.chars().peekable();
    let mut next_at = chunk.start;
    while let Some(c) = chars.next() {
        next_at += c.len_utf8();
        let Some(&next) = chars.peek() else {
            break;
        };
        let splits = matches!(c, ';' | '!' | '?' | '/')
            || (c == ',' && !next.is_ascii_digit() && next != '.');
        if splits {
            parts.push(from..next_at);
            from = next_at;
        }
    }
    parts.push(from..chunk.end);
    parts
}

/// Cuts punctuation and clitics off `part` and pushes the tokens in order.
fn peel(text: &str, part: Range<usize>, tokens: &mut Vec<Range<usize>>) {
    let mut core = part;
    let mut suffix = Vec::new();
    loop {
        let slice = text.get(core.clone()).unwrap_or_default();
        let mut chars = slice.chars();
        let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
            break;
        };
        if LEADING_PUNCTUATION.contains(&first) {
            let len = first.len_utf8();
            tokens.push(core.start..core.start + len);
            core.start += len;
        } else if last == '.' && slice.len() > 1 && ends_with_trailing_before_dot(slice) {
            suffix.push(core.end - 1..core.end);
            core.end -= 1;
        } else if TRAILING_PUNCTUATION.contains(&last) {
            let len = last.len_utf8();
            suffix.push(core.end - len..core.end);
            core.end -= len;
        } else {
            break;
        }
    }
    let slice = text.get(core.clone()).unwrap_or_default();
    if slice.len() > 1 && slice.ends_with('.') && !is_abbreviation(slice) {
        suffix.push(core.end - 1..core.end);
        core.end -= 1;
    }
    let slice = text.get(core.clone()).unwrap_or_default();
    if let Some(clitic) = CLITICS
        .iter()
        .find(|c| slice.len() > c.len() && slice.ends_with(*c))
    {
        suffix.push(core.end - clitic.len()..core.end);
        core.end -= clitic.len();
    }
    if core.start < core.end {
        tokens.push(core);
    }
    tokens.extend(suffix.into_iter().rev());
}

/// "1990)." ends with closing punctuation and a dot.
fn ends_with_trailing_before_dot(word: &str) -> bool {
    word.strip_suffix('.')
        .and_then(|rest| rest.chars().next_back())
        .is_some_and(|c| TRAILING_PUNCTUATION.contains(&c))
}

/// "U.S.", "a.m.": single letters each followed by a dot.
fn is_abbreviation(word: &str) -> bool {
    let pairs = word.as_bytes().chunks_exact(2);
    pairs.remainder().is_empty()
        && pairs
            .into_iter()
            .all(|pair| matches!(pair, [letter, b'.'] if letter.is_ascii_alphabetic()))
}

/// Our timex spans moved out to token edges, in order; a span that then
/// overlaps the one before it is dropped.
pub(crate) fn token_aligned<'t>(
    text: &str,
    timexes: &'t [Timex],
) -> Vec<(Range<usize>, &'t Timex)> {
    let tokens = tokens(text);
    let containing = |at: usize| {
        let index = tokens.partition_point(|t| t.end <= at);
        tokens.get(index).filter(|t| t.start < at && at < t.end)
    };
    let mut aligned: Vec<(Range<usize>, &Timex)> = Vec::with_capacity(timexes.len());
    for timex in timexes {
        let start = containing(timex.span.start).map_or(timex.span.start, |t| t.start);
        let end = containing(timex.span.end).map_or(timex.span.end, |t| t.end);
        let after_previous = aligned
            .last()
            .is_none_or(|(previous, _)| previous.end <= start);
        if start < end && after_previous {
            aligned.push((start..end, timex));
        }
    }
    aligned
}

/// An edit of the gold file, ordered by raw position; at one position
/// closing tags go before removals, which go before opening tags.
#[derive(Debug)]
enum Edit {
    Close(usize),
    Remove(usize, usize),
    Open(usize, String),
}

impl Edit {
    fn position(&self) -> usize {
        match self {
            Edit::Close(at) | Edit::Open(at, _) | Edit::Remove(at, _) => *at,
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Edit::Close(_) => 0,
            Edit::Remove(..) => 1,
            Edit::Open(..) => 2,
        }
    }
}

/// The gold file `xml` (parsed as `doc`) with its TIMEX3 tags inside
/// `<TEXT>` replaced by `timexes`, aligned to tokens.
pub(crate) fn system_timeml(xml: &str, doc: &TimemlDoc, timexes: &[Timex]) -> String {
    let layout = &doc.layout;
    let mut edits: Vec<Edit> = layout
        .gold_tags
        .iter()
        .map(|tag| Edit::Remove(tag.start, tag.end))
        .collect();
    for (index, (span, timex)) in token_aligned(&doc.text, timexes).iter().enumerate() {
        let (Some(open), Some(close)) = (layout.raw_start(span.start), layout.raw_end(span.end))
        else {
            continue;
        };
        let tag = format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\">",
            index + 1,
            timex.timex_type.as_str(),
            escape_xml(&timex.value)
        );
        edits.push(Edit::Open(open, tag));
        edits.push(Edit::Close(close));
    }
    edits.sort_by_key(|edit| (edit.position(), edit.rank()));
    let mut out = String::with_capacity(xml.len() + edits.len() * 40);
    let mut copied = 0;
    for edit in edits {
        out.push_str(xml.get(copied..edit.position()).unwrap_or_default());
        copied = copied.max(edit.position());
        match edit {
            Edit::Close(_) => out.push_str("</TIMEX3>"),
            Edit::Open(_, tag) => out.push_str(&tag),
            Edit::Remove(_, end) => copied = end,
        }
    }
    out.push_str(xml.get(copied..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text)
            .into_iter()
            .map(|t| text.get(t).unwrap_or_default())
            .collect()
    }

    #[test]
    fn tokens_cut_punctuation_but_keep_hyphenated_words() {
        assert_eq!(
            words("(signed May 4, 2001). the mid-1990s U.S. 1990's 3/4"),
            [
                "(",
                "signed",
                "May",
                "4",
                ",",
                "2001",
                ")",
                ".",
                "the",
                "mid-1990s",
                "U.S.",
                "1990",
                "'s",
                "3/",
                "4"
            ]
        );
    }

    #[test]
    fn entity_references_map_to_their_raw_bytes() {
        let mut layout = TextLayout::default();
        // Raw "a &quot;b&quot;" at byte 10 reads as text "a \"b\"".
        layout
            .push_escaped(0, 10, "a &quot;b&quot;")
            .expect("valid escapes");
        assert_eq!(layout.raw_start(2), Some(12));
        assert_eq!(layout.raw_end(3), Some(18));
        assert_eq!(layout.raw_start(3), Some(18));
        assert_eq!(layout.raw_end(5), Some(25));
        assert_eq!(layout.raw_start(5), None);
    }

    #[test]
    fn tag_edges_skip_markup_between_pieces() {
        let mut layout = TextLayout::default();
        layout.push_escaped(0, 0, "on ").expect("plain");
        // A gold tag occupies raw 3..20; the text resumes at raw 20.
        layout.push_escaped(3, 20, "Monday").expect("plain");
        assert_eq!(layout.raw_end(3), Some(3));
        assert_eq!(layout.raw_start(3), Some(20));
        layout.push_cdata(9, 40, 2);
        assert_eq!(layout.raw_start(9), Some(49));
    }

    #[test]
    fn spans_inside_a_token_widen_or_drop() {
        use corroborate_model::{Span, TimeAnchor, TimexType};
        let text = "the 1914-1918 war";
        let timex = |start, end| Timex {
            span: Span::new(start, end),
            text: text.get(start..end).unwrap_or_default().to_string(),
            timex_type: TimexType::Date,
            value: String::new(),
            start: None,
            end: None,
            approximate: false,
            anchor: TimeAnchor::Absolute,
            inferred: false,
        };
        let timexes = [timex(4, 8), timex(9, 13)];
        let aligned: Vec<Range<usize>> = token_aligned(text, &timexes)
            .into_iter()
            .map(|(span, _)| span)
            .collect();
        assert_eq!(aligned.len(), 1, "the second year is dropped");
        assert_eq!(aligned.first(), Some(&(4..13)));
    }
}
