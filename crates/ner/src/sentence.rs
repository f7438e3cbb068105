//! Token features for one sentence: capitalization, acronyms, possessives,
//! and whether a word stands where any word would be capitalized.

use std::borrow::Cow;

use corroborate_model::{Span, Token, TokenKind};

use crate::lexicon::WordClasses;

/// A token with the features the rules look at.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'t> {
    /// The token without a possessive ending.
    pub(crate) span: Span,
    pub(crate) text: &'t str,
    /// Lower case; borrowed from `text` when that is lower case already.
    pub(crate) lower: Cow<'t, str>,
    /// The word lists `lower` is in.
    pub(crate) classes: WordClasses,
    pub(crate) is_word: bool,
    /// Starts with an upper-case letter.
    pub(crate) capitalized: bool,
    /// Two or more letters, all upper case ("CSTO", "G20").
    pub(crate) acronym: bool,
    /// Ended in "'s" / "’s" (stripped from `span` and `text`).
    pub(crate) possessive: bool,
    /// First word of the sentence, of a quotation, or of a headline-style
    /// sentence: capitalization there says nothing about names.
    pub(crate) initial: bool,
}

impl Tok<'_> {
    pub(crate) fn is_connector(&self) -> bool {
        self.is_word && !self.capitalized && self.classes.has(WordClasses::CONNECTOR)
    }

    pub(crate) fn is_function_word(&self) -> bool {
        !self.acronym && self.classes.has(WordClasses::FUNCTION)
    }

    pub(crate) fn is_calendar(&self) -> bool {
        self.classes.has(WordClasses::CALENDAR)
    }

    /// An ordinary English word ("Reading", "Police"), not an acronym.
    pub(crate) fn is_common_word(&self) -> bool {
        !self.acronym && self.classes.has(WordClasses::ENGLISH)
    }

    /// A capitalized word or acronym that can be part of a name; hyphenated
    /// words need every part capitalized ("Kassym-Jomart", not "Russian-led").
    pub(crate) fn is_name_part(&self) -> bool {
        let capital = |part: &str| part.chars().next().is_some_and(char::is_uppercase);
        let mut parts = self.text.split('-');
        let first_ok = parts
            .next()
            .is_some_and(|first| capital(first) || ARABIC_ARTICLES.contains(&first));
        self.is_word && (self.acronym || (self.capitalized && first_ok && parts.all(capital)))
    }

    pub(crate) fn is_punct(&self, c: char) -> bool {
        !self.is_word && self.text.starts_with(c) && self.text.len() == c.len_utf8()
    }
}

/// The Arabic article and its assimilated forms as they are romanized
/// before a name ("al-Assad", "el-Sisi", "ash-Shabaab", "ad-Din").
pub(crate) const ARABIC_ARTICLES: &[&str] = &[
    "al", "el", "ad", "ag", "ash", "as", "az", "an", "ar", "at", "ath", "ud", "ul",
];

/// Whether a word is an Arabic article joined to a capitalized name
/// ("al-Assad"): it is written in lower case but is part of the name.
fn is_article_prefixed(word: &str) -> bool {
    word.split_once('-').is_some_and(|(article, rest)| {
        ARABIC_ARTICLES.contains(&article) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Whether the word at `index` comes right after a word of a name (not a
/// function word such as a capitalized "The"): a run starting there would
/// cut a name in two.
pub(crate) fn follows_a_name(toks: &[Tok], index: usize) -> bool {
    index
        .checked_sub(1)
        .and_then(|previous| toks.get(previous))
        .is_some_and(|t| t.is_name_part() && !t.is_function_word())
}

/// Whether the word at `index` is a name on its own: no capitalized
/// name word right before or after it.
pub(crate) fn stands_alone(toks: &[Tok], index: usize) -> bool {
    let next_is_name = toks.get(index + 1).is_some_and(Tok::is_name_part);
    let previous_is_name = index > 0 && toks.get(index - 1).is_some_and(Tok::is_name_part);
    !(next_is_name || previous_is_name)
}

/// A report's sentences, to find the one a draft lies in by its start
/// (a binary search).
pub(crate) struct Sentences<'a, 't> {
    toks: &'a [Vec<Tok<'t>>],
    /// First byte of each sentence (an empty one repeats the previous).
    starts: Vec<usize>,
}

impl<'a, 't> Sentences<'a, 't> {
    pub(crate) fn new(toks: &'a [Vec<Tok<'t>>]) -> Self {
        let mut last = 0;
        let starts = toks
            .iter()
            .map(|sentence| {
                last = sentence.first().map_or(last, |t| t.span.start);
                last
            })
            .collect();
        Sentences { toks, starts }
    }

    pub(crate) fn of(&self, span: Span) -> Option<&'a [Tok<'t>]> {
        let end = self.starts.partition_point(|&s| s <= span.start);
        self.toks[..end]
            .iter()
            .rev()
            .find(|sentence| !sentence.is_empty())
            .map(Vec::as_slice)
    }
}

/// Opening punctuation after which a capitalized word is "initial".
const OPENERS: &[&str] = &[
    "\"", "\u{201C}", "\u{2018}", "'", ":", "(", "[", "\u{2014}", "\u{2013}", "-", "\u{2022}", "*",
];

/// Builds the features of `tokens` (which lie in `text`). A dotted
/// abbreviation of capital letters ("U.S.", "U.N.", "E.U") is one word,
/// as in the corpora the model learns from.
pub(crate) fn features<'t>(text: &'t str, tokens: &[Token]) -> Vec<Tok<'t>> {
    let mut toks: Vec<Tok<'t>> = Vec::with_capacity(tokens.len());
    let mut index = 0;
    while index < tokens.len() {
        let length = dotted_abbreviation_length(text, &tokens[index..]);
        let tok = if length > 1 {
            let span = Span::new(
                tokens[index].span.start,
                tokens[index + length - 1].span.end,
            );
            let merged = Token {
                span,
                kind: TokenKind::Word,
                shape: tokens[index].shape,
            };
            make_tok(text, &merged)
        } else {
            make_tok(text, &tokens[index])
        };
        toks.extend(tok);
        index += length.max(1);
    }
    mark_initials(&mut toks);
    toks
}

/// How many tokens at the start of `tokens` spell a dotted abbreviation:
/// two or more single capital letters, each followed by a period with
/// nothing between ("U.S." is four tokens; "U.S" three). 0 when none.
fn dotted_abbreviation_length(text: &str, tokens: &[Token]) -> usize {
    let is_capital = |t: &Token| {
        t.kind == TokenKind::Word
            && t.span
                .slice(text)
                .is_some_and(|w| w.chars().count() == 1 && w.chars().all(char::is_uppercase))
    };
    let is_period = |t: &Token| t.span.slice(text) == Some(".");
    let mut length = 0;
    let mut letters = 0;
    while let Some(letter) = tokens.get(length).filter(|t| is_capital(t)) {
        let touches = length == 0 || tokens[length - 1].span.end == letter.span.start;
        if !touches {
            break;
        }
        letters += 1;
        length += 1;
        match tokens.get(length) {
            Some(period) if is_period(period) && period.span.start == letter.span.end => {
                length += 1;
            }
            _ => break,
        }
    }
    if letters < 2 {
        return 0;
    }
    // "U.S" ends on a letter; "U.S." on its period.
    length
}

fn make_tok<'t>(text: &'t str, token: &Token) -> Option<Tok<'t>> {
    let raw = token.span.slice(text)?;
    let is_word = token.kind == TokenKind::Word;
    let stripped = raw
        .strip_suffix("'s")
        .or_else(|| raw.strip_suffix("\u{2019}s"))
        .filter(|rest| is_word && !rest.is_empty());
    let (name, possessive) = match stripped {
        Some(rest) => (rest, true),
        None => (raw, false),
    };
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = is_word
        && letters >= 2
        && name
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '&' | '.'));
    let lower = if !name.is_ascii() {
        Cow::Owned(name.to_lowercase())
    } else if name.bytes().any(|b| b.is_ascii_uppercase()) {
        // The same as `to_lowercase` for ASCII, and quicker.
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    };
    Some(Tok {
        span: Span::new(token.span.start, token.span.start + name.len()),
        text: name,
        classes: WordClasses::of(&lower),
        lower,
        is_word,
        capitalized: is_word
            && (name.chars().next().is_some_and(char::is_uppercase) || is_article_prefixed(name)),
        acronym,
        possessive,
        initial: false,
    })
}

/// Marks sentence-initial and quotation-initial words; in a headline-style
/// sentence (most long words capitalized) or an all-caps one, every word.
fn mark_initials(toks: &mut [Tok]) {
    let headline = is_headline(toks);
    let all_caps = is_all_caps(toks);
    let mut previous_word_seen = false;
    let mut after_opener = true;
    for tok in toks.iter_mut() {
        if tok.is_word {
            tok.initial = headline || all_caps || !previous_word_seen || after_opener;
            if all_caps {
                tok.acronym = false;
            }
            previous_word_seen = true;
            after_opener = false;
        } else {
            after_opener = OPENERS.contains(&tok.text);
        }
    }
}

/// Title-case lines: most long words capitalized and no final period
/// (or every long word capitalized).
fn is_headline(toks: &[Tok]) -> bool {
    let ends_with_period = toks.last().is_some_and(|t| t.is_punct('.'));
    let long_words = toks
        .iter()
        .filter(|t| t.is_word && t.text.len() > 3 && !t.acronym);
    let (total, capitalized) = long_words.fold((0usize, 0usize), |(n, c), t| {
        (n + 1, c + usize::from(t.capitalized))
    });
    let all = total >= 5 && capitalized == total;
    all || (total >= 4 && !ends_with_period && capitalized * 10 >= total * 8)
}

fn is_all_caps(toks: &[Tok]) -> bool {
    let words = toks.iter().filter(|t| t.is_word && t.text.len() > 1);
    let (total, caps) = words.fold((0usize, 0usize), |(n, c), t| {
        (n + 1, c + usize::from(t.acronym))
    });
    total >= 3 && caps * 10 >= total * 8
}
