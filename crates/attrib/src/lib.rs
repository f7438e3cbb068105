//! Attribution and hedging: who said what, with which cue, how surely.
//!
//! Works sentence by sentence with a lexicon of reporting cues (see
//! `lexicon` for the cue → hedge table) and no parser:
//!
//! * `X said (that) C`, `X told Y that C`, `X accused Y of C`: the speaker
//!   is the noun phrase right before the cue (adverbs and auxiliaries
//!   skipped), the content what follows it (after "that" when present).
//! * `C, X said` and `“C,” he said on Friday`: when only a time adverbial
//!   follows the cue, the content is what precedes the speaker (the quote
//!   when it ends there).
//! * `“C,” said X`: a cue right after a comma or closing quote with a short
//!   noun phrase to the sentence end takes that phrase as speaker.
//! * `X, the head of Y, announced C`: the appositive between commas is
//!   skipped; a cue with no subject of its own (`X accused …, said …`)
//!   shares the speaker of the previous cue in the sentence.
//! * `…, warning that C` and `Denying C, X confirmed`: an "-ing" cue after
//!   punctuation takes the nearest person/organization mention before it
//!   in the sentence (else the first after the next comma).
//! * `according to X, C` / `C, according to X`, `(in the words of X)`,
//!   `X described Y as C`.
//!
//! Speakers overlapping a mention are linked when the mention heads the
//! phrase (ends it): "President Ana Roth said" gives the mention's text,
//! "Roth's spokesman said" keeps the phrase. "he"/"she" resolve to the
//! nearest preceding person mention in the sentence or the two before;
//! `speaker_span` stays on the phrase or pronoun as written.
//!
//! Hedges without a speaker ("reportedly", "at the time of writing",
//! "have been confirmed", "may have") give own-voice attributions whose
//! content is the whole sentence, one per hedge kind and sentence; hedge
//! words inside quotation marks are the speaker's, not the report's, and
//! are skipped.

mod lexicon;
mod quotes;
mod speaker;
mod words;

use std::sync::LazyLock;

use corroborate_model::{Attribution, Hedge, Mention, Span, Token, Voice};
use regex::{Captures, Regex};

use lexicon::{compile, VerbCue, CUE_RE, DENIAL_OBJECT_RE, OWN_HEDGE_RE};
use quotes::{is_quoted, quotes_in, Quote};
use speaker::{Preceding, Speaker};
use words::{is_one_of, only_space_between, starts_upper, text_of, trim_span, Words};

/// Punctuation trimmed from the end of a content span.
const CONTENT_TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', '”', '"', '’', ')', '–', '—'];

/// "described … as": the "as" within the same clause.
static DESCRIBED_AS_RE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^[^.;:!?]{0,80}?\bas\b").expect("constant regex is valid"));

/// Every attribution in the text: speaker cues and own-voice hedges,
/// ordered by position. `tokens` are the text's tokens
/// (`corroborate_text::tokens`).
pub fn extract(
    text: &str,
    sentences: &[Span],
    tokens: &[Token],
    mentions: &[Mention],
) -> Vec<Attribution> {
    let words = Words::new(text, tokens);
    let mut found = Vec::new();
    for (index, &sentence) in sentences.iter().enumerate() {
        let lookback_start = sentences
            .get(index.saturating_sub(2))
            .map_or(sentence.start, |s| s.start);
        let ctx = SentenceContext::new(&words, sentence, mentions, lookback_start);
        found.extend(speaker_attributions(&ctx));
        found.extend(own_hedges(&ctx));
    }
    found.sort_by_key(|a| (a.span.start, a.cue_span.start));
    found
}

/// The strongest hedge in a sentence and its cue: denied, then alleged,
/// speculative, confirmed, as of writing, reported; the earliest cue wins a
/// tie. `tokens` are the text's tokens (`corroborate_text::tokens`).
pub fn sentence_hedge(text: &str, tokens: &[Token], sentence: Span) -> Option<(Hedge, Span)> {
    let words = Words::new(text, corroborate_text::tokens_in(tokens, sentence));
    let ctx = SentenceContext::new(&words, sentence, &[], sentence.start);
    speaker_attributions(&ctx)
        .into_iter()
        .chain(own_hedges(&ctx))
        .min_by_key(|a| {
            (
                std::cmp::Reverse(lexicon::strength(a.hedge)),
                a.cue_span.start,
            )
        })
        .map(|a| (a.hedge, a.cue_span))
}

struct SentenceContext<'a> {
    text: &'a str,
    words: &'a Words<'a>,
    sentence: Span,
    mentions: &'a [Mention],
    lookback_start: usize,
    quotes: Vec<Quote>,
}

impl<'a> SentenceContext<'a> {
    fn new(
        words: &'a Words<'a>,
        sentence: Span,
        mentions: &'a [Mention],
        lookback_start: usize,
    ) -> Self {
        let text = words.text;
        SentenceContext {
            text,
            words,
            sentence,
            mentions,
            lookback_start,
            quotes: quotes_in(text, sentence),
        }
    }

    fn absolute(&self, start: usize, end: usize) -> Span {
        Span::new(self.sentence.start + start, self.sentence.start + end)
    }

    fn resolve(&self, phrase: Span) -> Speaker {
        speaker::resolve(self.text, phrase, self.mentions, self.lookback_start)
    }
}

fn speaker_attributions(ctx: &SentenceContext) -> Vec<Attribution> {
    let mut found: Vec<Attribution> = Vec::new();
    let slice = text_of(ctx.text, ctx.sentence);
    for caps in CUE_RE.captures_iter(slice) {
        let Some(whole) = caps.get(0) else { continue };
        let cue_span = ctx.absolute(whole.start(), whole.end());
        if starts_upper(whole.as_str()) && cue_span.start != ctx.sentence.start {
            continue; // a name ("Said") or a title, not a cue
        }
        if found
            .last()
            .is_some_and(|prev| is_object_of(ctx.words, prev.cue_span, cue_span))
        {
            continue; // "dismissed claims that …": the noun is the object
        }
        if let Some(attribution) = attribution_for_cue(ctx, &caps, cue_span, &found) {
            found.push(attribution);
        }
    }
    found
}

/// A cue word within two words after another cue, with no punctuation
/// between, is that cue's object ("denied reports", "dismissed claims").
fn is_object_of(words: &Words, previous_cue: Span, cue: Span) -> bool {
    let text = words.text;
    let gap = Span::new(previous_cue.end.min(cue.start), cue.start);
    let gap_text = text_of(text, gap);
    gap_text
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace())
        && words.within(gap).len() <= 2
}

fn attribution_for_cue(
    ctx: &SentenceContext,
    caps: &Captures,
    cue_span: Span,
    earlier: &[Attribution],
) -> Option<Attribution> {
    if caps.name("according").is_some() {
        according_to(ctx, cue_span)
    } else if caps.name("words_of").is_some() {
        in_the_words_of(ctx, cue_span)
    } else if caps.name("described").is_some() {
        described_as(ctx, cue_span)
    } else {
        let cue = lexicon::verb_cue(text_of(ctx.text, cue_span))?;
        verb_attribution(ctx, cue, cue_span, earlier)
    }
}

/// "X said (that) C", "C, X said", "“C,” said X", "…, warning that C".
fn verb_attribution(
    ctx: &SentenceContext,
    cue: &VerbCue,
    cue_span: Span,
    earlier: &[Attribution],
) -> Option<Attribution> {
    let after = text_of(ctx.text, Span::new(cue_span.end, ctx.sentence.end));
    if cue.needs_that && !after.trim_start().starts_with("that") {
        return None;
    }
    if cue.needs_denial_object && !DENIAL_OBJECT_RE.is_match(after) {
        return None;
    }
    let progressive = cue.form.ends_with("ing");
    let found = match speaker::preceding_subject(
        ctx.words,
        ctx.sentence.start,
        cue_span.start,
        progressive,
    ) {
        Preceding::Passive | Preceding::Modifier | Preceding::Negated => return None,
        Preceding::Subject(phrase) => subject_then_content(ctx, phrase, cue_span),
        Preceding::Punctuation if progressive => participle(ctx, cue_span),
        Preceding::Punctuation => appositive(ctx, cue_span)
            .or_else(|| inverted(ctx, cue_span))
            .or_else(|| shared_speaker(ctx, cue_span, earlier)),
        Preceding::Nothing if progressive && !word_before_is(ctx, cue_span.start, &["without"]) => {
            participle(ctx, cue_span)
        }
        Preceding::Nothing if progressive => None,
        Preceding::Nothing => shared_speaker(ctx, cue_span, earlier),
    }?;
    Some(build(
        ctx,
        found,
        cue_span,
        text_of(ctx.text, cue_span).to_string(),
        cue.hedge,
    ))
}

/// Speaker phrase, resolved speaker and content of one attribution.
struct Found {
    phrase: Span,
    speaker: Speaker,
    content: Span,
}

fn build(
    ctx: &SentenceContext,
    found: Found,
    cue_span: Span,
    cue: String,
    hedge: Hedge,
) -> Attribution {
    let between = Span::new(found.phrase.end.min(cue_span.start), cue_span.start);
    let hedge = if hedge == Hedge::Reported && has_alleging_adverb(ctx.words, between) {
        Hedge::Alleged
    } else {
        hedge
    };
    let speaker_span = if found.speaker.span.overlaps(found.phrase) {
        found.speaker.span
    } else {
        found.phrase
    };
    Attribution {
        span: found.phrase.cover(cue_span).cover(found.content),
        speaker: Some(found.speaker.text),
        speaker_span: Some(speaker_span),
        cue,
        cue_span,
        content: found.content,
        hedge,
        voice: Voice::Quoted,
    }
}

/// "Roth reportedly said": the report distances itself from the saying.
fn has_alleging_adverb(words: &Words, span: Span) -> bool {
    let text = words.text;
    words.within(span).iter().any(|w| {
        is_one_of(
            text_of(text, *w),
            &["reportedly", "allegedly", "purportedly", "supposedly"],
        )
    })
}

fn subject_then_content(ctx: &SentenceContext, phrase: Span, cue_span: Span) -> Option<Found> {
    let after = Span::new(cue_span.end, ctx.sentence.end);
    let content = if word_before_is(ctx, phrase.start, &["as"]) {
        // "…, as Roth noted, …": the parenthetical qualifies the sentence.
        trim_span(ctx.text, ctx.sentence, CONTENT_TRAILING)
    } else if is_trailing_adverbial(ctx.words, after) {
        content_before(ctx, phrase.start)?
    } else {
        // "in what Roth said was a coup, …": the content ends at the comma.
        let relative = word_before_is(ctx, phrase.start, &["what"]);
        content_after(ctx, cue_span.end, relative)?
    };
    Some(Found {
        phrase,
        speaker: ctx.resolve(phrase),
        content,
    })
}

/// True when the word right before `at` in the sentence is one of `words`.
fn word_before_is(ctx: &SentenceContext, at: usize, words: &[&str]) -> bool {
    ctx.words
        .within(Span::new(ctx.sentence.start, at))
        .last()
        .is_some_and(|w| {
            only_space_between(ctx.text, w.end, at) && is_one_of(text_of(ctx.text, *w), words)
        })
}

/// Nothing, or only a short time or place phrase ("on Friday", "in an
/// interview"), follows the cue: the content came before.
fn is_trailing_adverbial(words: &Words, after: Span) -> bool {
    let text = words.text;
    let words = words.within(after);
    let Some(first) = words.first() else {
        return true;
    };
    let leads = [
        "on",
        "in",
        "at",
        "last",
        "this",
        "earlier",
        "later",
        "yesterday",
        "today",
        "during",
        "after",
        "before",
        "when",
        "while",
        "from",
        "late",
        "early",
    ];
    words.len() <= 6
        && is_one_of(text_of(text, *first), &leads)
        && !words
            .iter()
            .any(|w| text_of(text, *w).eq_ignore_ascii_case("that"))
}

/// The content after a cue: after "that" when it comes within a few
/// words, a quotation when one opens there, else to the sentence end (or
/// the next comma for participle cues).
fn content_after(ctx: &SentenceContext, from: usize, until_comma: bool) -> Option<Span> {
    let rest = Span::new(from, ctx.sentence.end);
    let first_quote = ctx
        .quotes
        .iter()
        .map(|q| q.outer.start)
        .find(|&s| s >= from);
    let first_comma = unquoted_comma_after(ctx, from);
    let limit = first_quote
        .unwrap_or(ctx.sentence.end)
        .min(first_comma.unwrap_or(ctx.sentence.end));
    let that = ctx
        .words
        .within(rest)
        .into_iter()
        .take(14)
        .find(|w| text_of(ctx.text, *w) == "that" && w.end <= limit);
    let mut start = that.map_or(from, |w| w.end);
    let lead = text_of(ctx.text, Span::new(start, ctx.sentence.end));
    let skippable = |c: char| c.is_whitespace() || matches!(c, ',' | ':' | '–' | '—' | '”' | '’');
    start += lead.len() - lead.trim_start_matches(skippable).len();
    if let Some(quote) = ctx.quotes.iter().find(|q| q.outer.start == start) {
        return non_empty(quote.inner);
    }
    let mut end = ctx.sentence.end;
    if until_comma {
        if let Some(comma) = unquoted_comma_after(ctx, start) {
            end = comma;
        }
    }
    let span = trim_span(ctx.text, Span::new(start, end), CONTENT_TRAILING);
    (ctx.words.within(span).len() >= 2).then_some(span)
}

fn unquoted_comma_after(ctx: &SentenceContext, from: usize) -> Option<usize> {
    text_of(ctx.text, Span::new(from, ctx.sentence.end))
        .match_indices(',')
        .map(|(i, _)| from + i)
        .find(|&at| !is_quoted(&ctx.quotes, Span::new(at, at + 1)))
}

/// The content before a speaker: the quotation ending there, else the
/// sentence up to it.
fn content_before(ctx: &SentenceContext, until: usize) -> Option<Span> {
    let quote = ctx
        .quotes
        .iter()
        .rev()
        .find(|q| q.outer.end <= until && gap_is_joiner(ctx.text, q.outer.end, until));
    if let Some(quote) = quote {
        return non_empty(quote.inner);
    }
    let span = trim_span(
        ctx.text,
        Span::new(ctx.sentence.start, until),
        CONTENT_TRAILING,
    );
    (ctx.words.within(span).len() >= 2).then_some(span)
}

/// Only spaces, commas, dashes or an opening parenthesis between.
fn gap_is_joiner(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).is_some_and(|gap| {
        gap.chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | '(' | '–' | '—'))
    })
}

fn non_empty(span: Span) -> Option<Span> {
    (!span.is_empty()).then_some(span)
}

/// "“C,” said X" / "C, writes X": a short phrase after the cue ends the
/// sentence.
fn inverted(ctx: &SentenceContext, cue_span: Span) -> Option<Found> {
    let phrase = speaker::following_phrase(ctx.words, cue_span.end, ctx.sentence.end)?;
    let content = content_before(ctx, cue_span.start)?;
    Some(Found {
        phrase,
        speaker: ctx.resolve(phrase),
        content,
    })
}

/// "X, the head of Y, announced C": skip back over the appositive.
fn appositive(ctx: &SentenceContext, cue_span: Span) -> Option<Found> {
    let before = text_of(ctx.text, Span::new(ctx.sentence.start, cue_span.start));
    let punct = before.trim_end();
    if !punct.ends_with([',', '—', '–']) {
        return None;
    }
    let inner = punct.char_indices().last().map(|(i, _)| i)?;
    let opening = before.get(..inner)?.rfind([',', '—', '–', '('])?;
    let subject_end = ctx.sentence.start + opening;
    let appositive_words = ctx
        .words
        .within(Span::new(subject_end, ctx.sentence.start + inner));
    let first_word = text_of(ctx.text, *appositive_words.first()?);
    let leads = [
        "the", "a", "an", "who", "which", "whose", "its", "his", "her", "their", "one",
    ];
    if !(is_one_of(first_word, &leads) || starts_upper(first_word)) {
        return None;
    }
    match speaker::preceding_subject(ctx.words, ctx.sentence.start, subject_end, false) {
        Preceding::Subject(phrase) => {
            let content = content_after(ctx, cue_span.end, false)?;
            Some(Found {
                phrase,
                speaker: ctx.resolve(phrase),
                content,
            })
        }
        _ => None,
    }
}

/// "X accused Y of C, said in an interview that D": a second cue with no
/// subject of its own shares the previous cue's speaker.
fn shared_speaker(ctx: &SentenceContext, cue_span: Span, earlier: &[Attribution]) -> Option<Found> {
    let previous = earlier.last()?;
    let phrase = previous.speaker_span?;
    let content = content_after(ctx, cue_span.end, false)?;
    Some(Found {
        phrase,
        speaker: Speaker {
            text: previous.speaker.clone()?,
            span: phrase,
        },
        content,
    })
}

/// "…, warning that C" / "Denying C, X confirmed D": the actor mention of
/// the main clause.
fn participle(ctx: &SentenceContext, cue_span: Span) -> Option<Found> {
    let next_comma = unquoted_comma_after(ctx, cue_span.end).unwrap_or(ctx.sentence.end);
    let mention =
        speaker::clause_subject_mention(ctx.mentions, ctx.sentence, cue_span.start, next_comma)?;
    let content = content_after(ctx, cue_span.end, true)?;
    Some(Found {
        phrase: mention.span,
        speaker: Speaker {
            text: mention.text.clone(),
            span: mention.span,
        },
        content,
    })
}

/// "according to X, C" / "C, according to X".
fn according_to(ctx: &SentenceContext, cue_span: Span) -> Option<Attribution> {
    let phrase = phrase_until_punctuation(ctx, cue_span.end)?;
    let before = trim_span(
        ctx.text,
        Span::new(ctx.sentence.start, cue_span.start),
        CONTENT_TRAILING,
    );
    let content = if ctx.words.within(before).len() >= 2 {
        content_before(ctx, cue_span.start)?
    } else {
        content_after(ctx, phrase.end, false)?
    };
    let found = Found {
        phrase,
        speaker: ctx.resolve(phrase),
        content,
    };
    Some(build(
        ctx,
        found,
        cue_span,
        "according to".to_string(),
        Hedge::Reported,
    ))
}

/// "a ‘faithful ally’ (in the words of X)".
fn in_the_words_of(ctx: &SentenceContext, cue_span: Span) -> Option<Attribution> {
    let phrase = phrase_until_punctuation(ctx, cue_span.end)?;
    let found = Found {
        phrase,
        speaker: ctx.resolve(phrase),
        content: content_before(ctx, cue_span.start)?,
    };
    Some(build(
        ctx,
        found,
        cue_span,
        "in the words of".to_string(),
        Hedge::Reported,
    ))
}

/// "what the newspaper described as the “worst crisis”".
fn described_as(ctx: &SentenceContext, cue_span: Span) -> Option<Attribution> {
    let after = text_of(ctx.text, Span::new(cue_span.end, ctx.sentence.end));
    let as_end = cue_span.end + DESCRIBED_AS_RE.find(after)?.end();
    let progressive = text_of(ctx.text, cue_span).ends_with("ing");
    let Preceding::Subject(phrase) =
        speaker::preceding_subject(ctx.words, ctx.sentence.start, cue_span.start, progressive)
    else {
        return None;
    };
    let content = quote_opening_soon(ctx, as_end).or_else(|| content_after(ctx, as_end, true))?;
    let found = Found {
        phrase,
        speaker: ctx.resolve(phrase),
        content,
    };
    let full_cue = Span::new(cue_span.start, as_end);
    Some(build(
        ctx,
        found,
        full_cue,
        "described as".to_string(),
        Hedge::Reported,
    ))
}

/// A quotation opening within three words of `from`.
fn quote_opening_soon(ctx: &SentenceContext, from: usize) -> Option<Span> {
    let quote = ctx.quotes.iter().find(|q| q.outer.start >= from)?;
    let between = ctx.words.within(Span::new(from, quote.outer.start)).len();
    (between <= 3).then_some(quote.inner)
}

/// The words after `from` up to the next punctuation mark, at most ten.
fn phrase_until_punctuation(ctx: &SentenceContext, from: usize) -> Option<Span> {
    let words = ctx.words.within(Span::new(from, ctx.sentence.end));
    let first = *words.first()?;
    let mut last = first;
    for pair in words.windows(2).take(9) {
        let [prev, next] = pair else { break };
        if !only_space_between(ctx.text, prev.end, next.start) {
            break;
        }
        last = *next;
    }
    Some(Span::new(first.start, last.end))
}

/// Own-voice hedges: one attribution per hedge kind in the sentence.
fn own_hedges(ctx: &SentenceContext) -> Vec<Attribution> {
    let slice = text_of(ctx.text, ctx.sentence);
    let mut found: Vec<Attribution> = Vec::new();
    for caps in OWN_HEDGE_RE.captures_iter(slice) {
        let Some((hedge, matched)) = hedge_group(&caps) else {
            continue;
        };
        let cue_span = ctx.absolute(matched.start(), matched.end());
        let cue = matched.as_str();
        let negated_modal = hedge == Hedge::Speculative
            && (cue.ends_with("not") || cue.ends_with("n’t") || cue.ends_with("n't"));
        if negated_modal
            || is_quoted(&ctx.quotes, cue_span)
            || found.iter().any(|a| a.hedge == hedge)
        {
            continue;
        }
        found.push(Attribution {
            span: ctx.sentence,
            speaker: None,
            speaker_span: None,
            cue: cue.to_string(),
            cue_span,
            content: ctx.sentence,
            hedge,
            voice: Voice::Own,
        });
    }
    found
}

fn hedge_group<'t>(caps: &Captures<'t>) -> Option<(Hedge, regex::Match<'t>)> {
    [
        ("alleged", Hedge::Alleged),
        ("confirmed", Hedge::Confirmed),
        ("as_of_writing", Hedge::AsOfWriting),
        ("speculative", Hedge::Speculative),
    ]
    .into_iter()
    .find_map(|(name, hedge)| caps.name(name).map(|m| (hedge, m)))
}
