//! [`PerceptronTagger`]: the linear-chain model of `chain.rs` with the rule
//! tagger's post-processing and document-level consistency.
//!
//! Per sentence the model proposes mentions; the rule tagger's machinery then
//! strips leading title words from persons and attaches the title before
//! them (`Mention::title`), and pairs acronyms in parentheses with their
//! expansion. Per document:
//! * **kind vote**: every mention with the same text takes the kind most of
//!   them got (ties keep their own kind);
//! * **organizations** (`organizations.rs`): listed companies, agencies
//!   and broadcasters, and names with business evidence, are organizations;
//! * **repeats**: a multi-word name tagged once is tagged wherever the
//!   same words recur untagged in the report;
//! * then the rule tagger's document rules (`document.rs`): acronyms and
//!   person names (and last names) are propagated.

use std::collections::HashMap;
use std::path::Path;

use corroborate_model::{EntityKind, Mention, Span, Token};

use crate::chain::{tag_sentence, ChainModel};
use crate::document::{self, Draft};
use crate::gazetteer::Gazetteer;
use crate::rules::SentenceTagger;
use crate::sentence::Tok;
use crate::{sentence_tokens, MentionTagger, NerError, RuleTagger};

/// The model trained by `corroborate train ner` and committed with the
/// crate (see `model/README.md`).
static EMBEDDED_MODEL: &[u8] = include_bytes!("../model/ner.model");

/// Statistical mention tagger (see the module documentation).
#[derive(Debug, Clone)]
pub struct PerceptronTagger {
    model: ChainModel,
    gazetteer: &'static Gazetteer,
}

impl PerceptronTagger {
    /// The tagger with the model compiled into the crate.
    pub fn embedded() -> Result<PerceptronTagger, NerError> {
        PerceptronTagger::from_bytes(EMBEDDED_MODEL)
    }

    /// A tagger with a model file's bytes (as written by
    /// [`crate::training::ModelParts::encode`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<PerceptronTagger, NerError> {
        Ok(PerceptronTagger {
            model: ChainModel::from_bytes(bytes)?,
            gazetteer: Gazetteer::global(),
        })
    }

    pub fn from_file(path: &Path) -> Result<PerceptronTagger, NerError> {
        let bytes = std::fs::read(path).map_err(|source| NerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        PerceptronTagger::from_bytes(&bytes)
    }

    /// Number of weighted attributes in the model.
    pub fn attribute_count(&self) -> usize {
        self.model.attribute_count()
    }

    fn sentence_drafts(&self, text: &str, toks: &[Tok], rule_mentions: &[Mention]) -> Vec<Draft> {
        let drafts = tag_sentence(&self.model, self.gazetteer, toks, text, rule_mentions)
            .into_iter()
            .map(|found| widen_to_rule_place(found, text, toks, rule_mentions, self.gazetteer))
            .filter_map(|(first, end, kind, span)| {
                Some(Draft {
                    span,
                    first_token: first,
                    end_token: end,
                    text: span.slice(text)?.to_string(),
                    kind: Some(rule_place(span, rule_mentions).unwrap_or(kind)),
                    firm: true,
                    title: None,
                    expansion: None,
                    acronym: end - first == 1 && toks.get(first).is_some_and(|t| t.acronym),
                    place_if_locative: false,
                })
            })
            .collect();
        let drafts = with_rule_acronyms(drafts, toks, rule_mentions);
        let mut rules = SentenceTagger {
            gazetteer: self.gazetteer,
            toks,
            text,
            out: drafts,
        };
        rules.attach_titles();
        rules.pair_acronyms();
        rules.out
    }
}

impl MentionTagger for PerceptronTagger {
    fn tag(&self, text: &str, sentences: &[Span], tokens: &[Token]) -> Vec<Mention> {
        let sentence_toks = sentence_tokens(text, sentences, tokens);
        let rule_mentions = RuleTagger::new(self.gazetteer).tag_tokens(text, &sentence_toks);
        let mut drafts = Vec::new();
        for toks in &sentence_toks {
            drafts.extend(self.sentence_drafts(text, toks, &rule_mentions));
        }
        vote_kinds(&mut drafts);
        crate::organizations::apply(&mut drafts, &sentence_toks, text);
        crate::shapes::apply(&mut drafts, &sentence_toks, self.gazetteer);
        crate::shapes::drop_lone_function_words(&mut drafts, &sentence_toks);
        crate::shapes::join_place_named_groups(&mut drafts, &sentence_toks, text, self.gazetteer);
        crate::shapes::add_plural_groups(&mut drafts, &sentence_toks, text, self.gazetteer);
        crate::shapes::add_given_name_persons(&mut drafts, &sentence_toks, text, self.gazetteer);
        crate::shapes::add_titled_persons(&mut drafts, &sentence_toks, text, self.gazetteer);
        crate::shapes::add_known_places(&mut drafts, &sentence_toks, text, self.gazetteer);
        crate::shapes::add_places_after_locatives(
            &mut drafts,
            &sentence_toks,
            text,
            self.gazetteer,
        );
        crate::organizations::add_short_forms(&mut drafts, &sentence_toks, text, self.gazetteer);
        drafts.extend(repeats(&drafts, &sentence_toks, text));
        drafts.sort_by_key(|d| d.span.start);
        crate::shapes::add_surnames(&mut drafts, &sentence_toks, text);
        crate::shapes::join_adjacent_persons(&mut drafts, &sentence_toks, text);
        crate::shapes::add_organizations_in_titles(&mut drafts, &sentence_toks, text);
        let products = crate::shapes::makers_before_models(&drafts, text);
        let mut mentions = document::finish(drafts);
        mentions.retain(|m| m.kind != EntityKind::Organization || !products.contains(&m.span));
        mentions
    }
}

/// Adds the rule tagger's acronym defined in parentheses right after a
/// model mention ("Baltic Grain Union (BGU)") when the model missed it:
/// the pair gets its expansion, and the acronym's later uses are found
/// as repeats. (Adding every rule acronym cost precision on the split.)
fn with_rule_acronyms(
    mut drafts: Vec<Draft>,
    toks: &[Tok],
    rule_mentions: &[Mention],
) -> Vec<Draft> {
    for (index, tok) in toks.iter().enumerate() {
        let in_parentheses = index > 1
            && toks.get(index - 1).is_some_and(|t| t.is_punct('('))
            && toks.get(index + 1).is_some_and(|t| t.is_punct(')'));
        let after_draft = drafts.iter().any(|d| d.end_token + 1 == index);
        let at = rule_mentions.partition_point(|m| m.span.start < tok.span.start);
        let Some(mention) = rule_mentions.get(at).filter(|m| m.span == tok.span) else {
            continue;
        };
        if !(tok.acronym && in_parentheses && after_draft) {
            continue;
        }
        let overlaps = drafts
            .iter()
            .any(|d| d.span.start < tok.span.end && tok.span.start < d.span.end);
        if overlaps {
            continue;
        }
        drafts.push(Draft {
            span: tok.span,
            first_token: index,
            end_token: index + 1,
            text: mention.text.clone(),
            kind: Some(mention.kind),
            firm: true,
            title: None,
            expansion: None,
            acronym: true,
            place_if_locative: false,
        });
    }
    drafts.sort_by_key(|d| d.first_token);
    drafts
}

/// `Place` when the rule tagger found a place with exactly this span: its
/// places rest on the gazetteer and place head words, which the model
/// sees only as features (measured on the held-out split: see README).
/// A model name that is the tail of a gazetteer place name the rules
/// found one word (or an abbreviation with its period) earlier ("Angeles"
/// of "in Los Angeles", "Petersburg" of "St. Petersburg") becomes that
/// place.
fn widen_to_rule_place(
    (first, end, kind, span): (usize, usize, EntityKind, Span),
    text: &str,
    toks: &[Tok],
    rule_mentions: &[Mention],
    gazetteer: &Gazetteer,
) -> (usize, usize, EntityKind, Span) {
    let widened = (1..=2).find_map(|back| {
        let start = first.checked_sub(back)?;
        let previous = toks.get(start)?;
        let place = rule_mentions
            .iter()
            .find(|m| {
                m.kind == EntityKind::Place
                    && m.span.start == previous.span.start
                    && m.span.end == span.end
                    && gazetteer.contains(&m.text)
            })
            .map(|m| m.span)
            .or_else(|| {
                // "St. Petersburg" that the rules did not find either.
                let whole = Span::new(previous.span.start, span.end);
                let abbreviated = back == 2 && toks.get(start + 1)?.is_punct('.');
                (abbreviated && crate::shapes::is_known_place(whole.slice(text)?, gazetteer))
                    .then_some(whole)
            })?;
        Some((start, end, EntityKind::Place, place))
    });
    widened.unwrap_or((first, end, kind, span))
}

fn rule_place(span: Span, rule_mentions: &[Mention]) -> Option<EntityKind> {
    let at = rule_mentions.partition_point(|m| m.span.start < span.start);
    rule_mentions
        .get(at)
        .filter(|m| m.span == span && m.kind == EntityKind::Place)
        .map(|m| m.kind)
}

/// Gives every draft the kind most drafts with the same text have.
fn vote_kinds(drafts: &mut [Draft]) {
    let mut votes: HashMap<&str, [usize; 4]> = HashMap::new();
    for draft in drafts.iter() {
        if let Some(kind) = draft.kind {
            votes.entry(draft.text.as_str()).or_default()[kind_index(kind)] += 1;
        }
    }
    let winners: HashMap<String, EntityKind> = votes
        .into_iter()
        .filter_map(|(text, counts)| Some((text.to_string(), majority(&counts)?)))
        .collect();
    for draft in drafts.iter_mut() {
        if let Some(kind) = winners.get(&draft.text) {
            draft.kind = Some(*kind);
        }
    }
}

const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Other,
];

fn kind_index(kind: EntityKind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(3)
}

/// The kind with strictly the most votes.
fn majority(counts: &[usize; 4]) -> Option<EntityKind> {
    let top = counts.iter().copied().max()?;
    let mut leaders = KINDS.iter().zip(counts).filter(|(_, &c)| c == top);
    let (kind, _) = leaders.next()?;
    leaders.next().is_none().then_some(*kind)
}

/// Drafts for untagged recurrences of multi-word names tagged elsewhere
/// in the document.
fn repeats(drafts: &[Draft], sentence_toks: &[Vec<Tok>], text: &str) -> Vec<Draft> {
    let names: HashMap<String, EntityKind> = drafts
        .iter()
        .filter(|d| d.text.chars().filter(|c| c.is_alphabetic()).count() > 1)
        .filter_map(|d| Some((without_spaces(&d.text), d.kind?)))
        .collect();
    if names.is_empty() {
        return Vec::new();
    }
    let covered: Vec<Span> = drafts.iter().map(|d| d.span).collect();
    let mut out = Vec::new();
    for toks in sentence_toks {
        let mut i = 0;
        while i < toks.len() {
            match longest_name_at(toks, i, &names) {
                Some((len, kind)) => {
                    if let Some(draft) = repeat_draft(toks, i, len, kind, text, &covered) {
                        out.push(draft);
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }
    out
}

const MAX_NAME_TOKENS: usize = 8;

fn without_spaces(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The longest known name (compared without spaces) starting at `start`
/// with a capitalized word.
fn longest_name_at(
    toks: &[Tok],
    start: usize,
    names: &HashMap<String, EntityKind>,
) -> Option<(usize, EntityKind)> {
    let first = toks.get(start)?;
    if !first.capitalized {
        return None;
    }
    // A capitalized common word at the start of a sentence is no evidence.
    let single_ok = !(first.initial && first.is_common_word());
    let mut joined = String::new();
    let mut best = None;
    for len in 1..=MAX_NAME_TOKENS {
        let Some(tok) = toks.get(start + len - 1) else {
            break;
        };
        joined.push_str(tok.text);
        if let Some(kind) = names.get(&joined).filter(|_| len > 1 || single_ok) {
            best = Some((len, *kind));
        }
        if tok.possessive {
            break;
        }
    }
    best
}

fn repeat_draft(
    toks: &[Tok],
    start: usize,
    len: usize,
    kind: EntityKind,
    text: &str,
    covered: &[Span],
) -> Option<Draft> {
    let draft = Draft::firm_run(toks, start, start + len, kind, text)?;
    (!document::overlaps_any(covered, draft.span)).then_some(draft)
}
