//! Event mentions: what happened, in which clause, on which date, with
//! whom.
//!
//! A trigger lexicon (see `lexicon` for the full table
//! and the checks) finds candidate triggers in the whole text with one
//! regex per rule. Each trigger is placed in its sentence and clause
//! (clauses split at "; ", ", and", ", with", ", after", "and on …", and
//! after a reporting verb's "that"; see `clauses`).
//!
//! Precision comes first, since every false event clutters a timeline:
//! * questions, denied reports and negated triggers ("has not commented",
//!   "no reports of deaths") give no event;
//! * a noun like "protests" or "unrest" is an event only with an event
//!   predicate (it is the subject of "began", "erupted", "spread", "took
//!   place", …, the object of "staged", "quelled", …, or dated by "on …");
//!   as a topic ("commented on the unrest", "after the protests", "the
//!   protests in early January as a window") it is not;
//! * a price rise is the cause of a protest, not an economic measure: that
//!   needs a measure taken (lifted, raised, imposed, capped, froze, agreed
//!   to lower);
//! * "said" is a statement only with a date next to it ("said on Tuesday");
//!   "statement"/"announcement" only when issued, made or dated.
//!
//! Other checks: "dismissed claims" is a denial, "demanded his
//! resignation" is not a resignation. One event is kept per clause and
//! type, the earliest trigger winning, so "On January 5 he dismissed the
//! government, and on January 6 removed the security chief" gives two
//! dismissals with their own dates. A statement whose clause ends in the
//! reporting "that" spans the content clause too, so it reads whole, while
//! the content's events keep their own (usually absent) dates.
//!
//! Dating: the DATE or TIME expression in the same clause nearest to the
//! trigger, among those that may date it (see `dating`:
//! not after "until" or "founded in", not inside a subordinate clause or
//! a parenthetical the trigger is not in, not a weekday resolved against
//! an earlier date of the text), when it covers known days and is not a
//! `*_REF` value; durations and sets never date an event. A clause without
//! such an expression gives an undated event: the publication date is
//! not used here (relative expressions like "on Tuesday" are already
//! resolved against it by the time tagger), except by
//! [`date_lead_events`], which the caller runs when the publication date
//! is known: the lead's present-perfect news ("has signed") is the news of
//! that day. Participants are the mentions inside the clause.
//!
//! General actions (`actions`) cover happenings of kinds the lexicon has
//! no type for: past verbs of prose sentences and the words of
//! `data/general_actions.tsv` become events of type `other` with their
//! base form as `action`, where no typed trigger tells the clause's
//! happening; [`drop_undated_general_actions`] keeps those their clause
//! or the lead's publication day dates.

mod actions;
mod clauses;
mod context;
mod dating;
mod lead;
mod lexicon;
mod verbs;

use std::collections::HashSet;

use corroborate_model::{
    DateBasis, DateValue, EntityKind, EventMention, EventType, Mention, Span, Timex, Token,
    TokenKind,
};

pub use context::AFTER_WINDOW_DAYS;
pub use lead::{date_lead_events, LeadContext};
use lexicon::{Check, Rule, RULES};

/// Every event mention in the text, ordered by position. `tokens` are the
/// text's tokens (`corroborate_text::tokens`).
pub fn extract(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    timexes: &[Timex],
    mentions: &[Mention],
) -> Vec<EventMention> {
    Triggers::find(text, tokens, sentences).events(tokens, sentences, timexes, mentions)
}

/// Drops the general actions (type `other` with an `action`) that neither
/// their clause nor the lead's publication day dates (a date read from the
/// narrative around them is too loose for a verb of any kind): an action
/// of no known day is no entry of a timeline, and across reports nothing
/// but its wording would tell which happening it is. Run after
/// [`date_lead_events`].
pub fn drop_undated_general_actions(events: &mut Vec<EventMention>) {
    events.retain(|e| {
        e.action.is_none()
            || (e.date.is_some()
                && matches!(e.date_basis, DateBasis::Clause | DateBasis::Publication))
    });
}

/// Where each rule of the trigger lexicon matches in a text. The matches
/// depend on the text alone, so a text read with several sets of
/// sentences or dates (date refinement tries one per candidate day) is
/// searched once.
pub struct Triggers<'t> {
    text: &'t str,
    /// (rule, trigger), rule by rule in lexicon order, each rule's
    /// matches in text order.
    matches: Vec<(&'static Rule, Span)>,
}

impl<'t> Triggers<'t> {
    /// Every match of every trigger rule in `text`, before any check, and
    /// the candidate general actions (`sentences` must be all the text's
    /// sentences: which are prose decides where past verbs are read).
    pub fn find(text: &'t str, tokens: &[Token], sentences: &[Span]) -> Self {
        let rules: &'static [Rule] = &RULES;
        let mut matches: Vec<(&'static Rule, Span)> = rules
            .iter()
            .flat_map(|rule| {
                rule.regex.iter().flat_map(move |regex| {
                    regex
                        .find_iter(text)
                        .map(move |m| (rule, Span::new(m.start(), m.end())))
                })
            })
            .collect();
        let general = actions::general_action_words(text, tokens, sentences);
        matches.extend(
            general
                .into_iter()
                .map(|span| (&lexicon::GENERAL_RULE, span)),
        );
        Triggers { text, matches }
    }

    /// The event mentions of the triggers inside `sentences`, ordered by
    /// position (see [`extract`]).
    pub fn events(
        &self,
        tokens: &[Token],
        sentences: &[Span],
        timexes: &[Timex],
        mentions: &[Mention],
    ) -> Vec<EventMention> {
        let text = self.text;
        let clauses_by_sentence: Vec<Vec<Span>> = sentences
            .iter()
            .map(|s| clauses::clauses(text, *s))
            .collect();
        let doc = Document {
            text,
            tokens,
            sentences,
            clauses_by_sentence: &clauses_by_sentence,
            timexes,
            mentions,
        };
        let (general, typed): (Vec<_>, Vec<_>) = self
            .matches
            .iter()
            .partition(|(rule, _)| rule.check == Check::GeneralAction);
        let mut candidates: Vec<Candidate> = typed
            .into_iter()
            .filter_map(|&(rule, trigger)| doc.accept(rule, trigger))
            .collect();
        candidates.extend(doc.general_actions(&general, &candidates));
        candidates.sort_by_key(|c| (c.trigger.start, c.event_type));
        let mut seen: HashSet<(usize, EventType)> = HashSet::new();
        let mut events: Vec<EventMention> = candidates
            .into_iter()
            .filter(|c| seen.insert((c.clause.start, c.event_type)))
            .map(|c| doc.event(&c))
            .collect();
        context::date_from_context(text, sentences, timexes, &mut events);
        events
    }
}

struct Document<'a> {
    text: &'a str,
    tokens: &'a [Token],
    sentences: &'a [Span],
    clauses_by_sentence: &'a [Vec<Span>],
    timexes: &'a [Timex],
    mentions: &'a [Mention],
}

/// An accepted trigger match with where it sits.
struct Candidate {
    trigger: Span,
    event_type: EventType,
    sentence: usize,
    clause: Span,
    /// A general action's base form ([`lexicon::GENERAL_ACTIONS`], or a
    /// past verb's).
    action: Option<String>,
}

/// The base form of a general action's trigger: from the general actions'
/// table, else the base of a past verb ("stopped" → "stop").
fn action_base(trigger: &str) -> Option<String> {
    let lower = trigger.to_lowercase();
    match lexicon::GENERAL_ACTIONS.get(lower.as_str()) {
        Some(base) => Some(base.to_string()),
        None => verbs::past_base(&lower),
    }
}

/// Adverb particles that make a phrasal verb another action ("check
/// out", "break off", "pull back"); "in" and "on" are left out, being
/// mostly prepositions ("stopped him in the sixth round").
const PARTICLES: &[&str] = &["out", "off", "up", "down", "back", "away", "over"];

/// Words that make what follows a possibility, a plan or an obligation
/// ("will be completed", "could have stopped", "to be released").
const MODALS: &[&str] = &[
    "will", "would", "could", "should", "may", "might", "must", "can", "shall", "to",
];

/// Words before a general action a modal may stand at ("will likely only
/// be fully resolved").
const MODAL_REACH_WORDS: usize = 5;

/// Widest date (in days) of a general action's clause that makes it a
/// happening of the timeline: a day or a month ("released on 3 May"), not
/// a year of background ("suffered a civil war in the 1990s").
const GENERAL_ACTION_MAX_DAYS: i64 = 31;

/// A question asks rather than tells ("Will the troops leave?").
fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', '»'])
        .ends_with('?')
}

impl Document<'_> {
    fn slice(&self, span: Span) -> &str {
        span.slice(self.text).unwrap_or("")
    }

    /// The trigger as a candidate of `rule`, when it sits in a sentence
    /// and passes the rule's checks.
    fn accept(&self, rule: &Rule, trigger: Span) -> Option<Candidate> {
        let (sentence, clause) = self.clause_of(trigger)?;
        let sentence_span = *self.sentences.get(sentence)?;
        let action = match rule.check {
            Check::GeneralAction => Some(self.phrasal_base(trigger)?),
            _ => None,
        };
        let denied = || {
            lexicon::DENIED_BEFORE
                .is_match(self.slice(Span::new(sentence_span.start, trigger.start)))
        };
        let accepted = !is_question(self.slice(sentence_span))
            && !corroborate_text::in_web_address(self.text, trigger.start)
            && self.passes(rule.check, trigger, clause, sentence_span)
            && (rule.check == Check::Always || self.asserted(trigger, clause))
            && !self.unrealised_condition(trigger, sentence_span)
            && !denied();
        accepted.then_some(Candidate {
            trigger,
            event_type: rule.event_type,
            sentence,
            clause,
            action,
        })
    }

    /// The general actions among `matches`, at most one per clause (the
    /// first in the text that passes its checks) and none in a clause a
    /// typed candidate tells: one happening, one event ("a fire destroyed
    /// the depot" is the fire). Checked in text order, so a clause's later
    /// matches cost nothing once one is accepted.
    fn general_actions(
        &self,
        matches: &[&(&'static Rule, Span)],
        typed: &[Candidate],
    ) -> Vec<Candidate> {
        let mut taken: HashSet<usize> = typed.iter().map(|c| c.clause.start).collect();
        let mut in_order: Vec<(&'static Rule, Span)> = matches.iter().map(|&&m| m).collect();
        in_order.sort_by_key(|(_, span)| span.start);
        in_order.dedup_by_key(|(_, span)| *span);
        let mut found = Vec::new();
        for (rule, trigger) in in_order {
            let Some((_, clause)) = self.clause_of(trigger) else {
                continue;
            };
            if taken.contains(&clause.start) {
                continue;
            }
            if let Some(candidate) = self.accept(rule, trigger) {
                taken.insert(clause.start);
                found.push(candidate);
            }
        }
        found
    }

    /// A general action's base form with the adverb particle right after
    /// it ("checked out" → "check out", unlike "checked into" → "check"):
    /// the particle makes another action.
    fn phrasal_base(&self, trigger: Span) -> Option<String> {
        let base = action_base(self.slice(trigger))?;
        let next = self
            .word_spans_in(Span::new(trigger.end, self.text.len()))
            .next()
            .map(|word| self.slice(word).to_lowercase());
        Some(match next {
            Some(particle) if PARTICLES.contains(&particle.as_str()) => {
                format!("{base} {particle}")
            }
            _ => base,
        })
    }

    /// The word and number tokens lying inside `span`, in order.
    fn words_in(&self, span: Span) -> impl DoubleEndedIterator<Item = &str> + '_ {
        self.word_spans_in(span).map(|word| self.slice(word))
    }

    /// The spans of the word and number tokens inside `span`, in order.
    fn word_spans_in(&self, span: Span) -> impl DoubleEndedIterator<Item = Span> + '_ {
        let first = self.tokens.partition_point(|t| t.span.start < span.start);
        let end = self.tokens.partition_point(|t| t.span.start < span.end);
        self.tokens
            .get(first..end.max(first))
            .unwrap_or(&[])
            .iter()
            .filter(move |t| t.kind != TokenKind::Punct && t.span.end <= span.end)
            .map(|t| t.span)
    }

    /// The index of the sentence holding the trigger, and its clause.
    fn clause_of(&self, trigger: Span) -> Option<(usize, Span)> {
        let index = Span::index_containing(self.sentences, trigger.start)?;
        let sentence = self.sentences.get(index)?;
        if !sentence.contains(trigger) || sentence.slice(self.text).is_none() {
            return None;
        }
        self.clauses_by_sentence
            .get(index)?
            .iter()
            .find(|c| c.start <= trigger.start && trigger.start < c.end)
            .map(|clause| (index, *clause))
    }

    fn passes(&self, check: Check, trigger: Span, clause: Span, sentence: Span) -> bool {
        let trigger_text = self.slice(trigger);
        let after = self.slice(Span::new(trigger.end, clause.end.max(trigger.end)));
        let before_span = Span::new(clause.start, trigger.start.max(clause.start));
        let before = self.slice(before_span);
        match check {
            Check::Always => true,
            Check::Asserted => true,
            Check::Happening => self.is_happening(trigger, clause, before, after),
            Check::NotTheDead => !self.after_a_determiner(before_span),
            Check::PeopleHurt => {
                !self.after_a_determiner(before_span) && !lexicon::ROSTER_AFTER.is_match(after)
            }
            Check::CivilianMarch => {
                let clause_text = self.slice(clause);
                lexicon::MARCHERS_BEFORE.is_match(before)
                    && !lexicon::FORCES_WORD.is_match(clause_text)
            }
            Check::LivesTaken => {
                !lexicon::KILLED_THING_AFTER.is_match(after)
                    && !lexicon::KILLED_THING_BEFORE.is_match(before)
            }
            Check::NotDenial => !lexicon::DENIAL_OBJECT.is_match(after),
            Check::OfficialObject => {
                let shooting = trigger_text.eq_ignore_ascii_case("fired")
                    && lexicon::SHOOTING_OBJECT.is_match(after);
                !shooting
                    && lexicon::OFFICIAL_OBJECT.is_match(after)
                    && !lexicon::DEMAND.is_match(before)
            }
            Check::NotDemanded => !lexicon::DEMAND.is_match(before),
            Check::HelpObject => lexicon::HELP_OBJECT.is_match(after),
            Check::TroopContext => {
                lexicon::TROOP_WORD.is_match(self.slice(clause))
                    || lexicon::ARMED_BODY.is_match(self.slice(clause))
                    || self.has_organization(before_span)
            }
            Check::TroopWords => lexicon::TROOP_WORD.is_match(self.slice(clause)),
            Check::NotEmergency => {
                !(starts_with_ignore_case(trigger_text, "declar")
                    && lexicon::EMERGENCY.is_match(self.slice(clause)))
            }
            Check::IssuedOrDated => {
                lexicon::ISSUED_BEFORE.is_match(before) || self.date_in(clause, trigger).is_some()
            }
            Check::DatedSpeech => self.dated_next_to(trigger, clause),
            Check::CommunicationsContext => {
                lexicon::COMMUNICATIONS_WORD.is_match(self.slice(sentence))
            }
            Check::NotFreedomOf => !ends_with_ignore_case(before.trim_end(), "freedom of"),
            Check::Impact => self.has_impact(trigger, clause, before, after),
            Check::FireImpact => {
                !lexicon::GUNFIRE_BEFORE.is_match(before)
                    && !lexicon::GUNFIRE_AFTER.is_match(after)
                    && self.has_impact(trigger, clause, before, after)
            }
            Check::BombContext => lexicon::BOMB_WORD.is_match(self.slice(clause)),
            Check::CustodyContext => lexicon::CUSTODY_WORD.is_match(self.slice(sentence)),
            Check::AccidentalBlast => {
                !lexicon::BOMB_WORD.is_match(self.slice(clause))
                    && self.has_impact(trigger, clause, before, after)
            }
            Check::VehicleContext => lexicon::VEHICLE_WORD.is_match(self.slice(clause)),
            Check::NotReaction => !lexicon::REACTION_OBJECT.is_match(after),
            Check::OrganizationInClause => self.has_organization(clause),
            Check::SeizedObject => {
                lexicon::SEIZED_OBJECT.is_match(after) && !starts_with_word(after, "control")
            }
            Check::GeneralAction => {
                // Undated, it waits for the lead's publication day
                // ([`drop_undated_general_actions`]).
                let told_when = self.date_in(clause, trigger).is_none_or(|(index, date)| {
                    date.width_days() <= GENERAL_ACTION_MAX_DAYS && !self.bounds_a_state(index)
                });
                // "the accused": a participle used as a noun.
                let noun = ends_with_ignore_case(trigger_text, "ed")
                    && self.after_a_determiner(before_span);
                told_when
                    && !noun
                    && !self.after_a_relative_pronoun(before_span)
                    && !self.unrealised_or_a_state(before_span)
            }
        }
    }

    /// "have doubled since the start of the month", "stayed shut until
    /// Friday": the date bounds a state; it is not when something
    /// happened.
    fn bounds_a_state(&self, timex: usize) -> bool {
        self.timexes.get(timex).is_some_and(|t| {
            self.words_in(Span::new(0, t.span.start))
                .next_back()
                .is_some_and(|w| w.eq_ignore_ascii_case("since") || w.eq_ignore_ascii_case("until"))
        })
    }

    /// "will likely be resolved", "hopes to pass", "is connected", "am
    /// disappointed": a modal or an infinitive's "to" among the few words
    /// before a general action makes it a plan or a possibility, and a
    /// present "is"/"are"/"am" right before it (an adverb aside) a state.
    fn unrealised_or_a_state(&self, before: Span) -> bool {
        let near: Vec<&str> = self
            .words_in(before)
            .rev()
            .take(MODAL_REACH_WORDS)
            .collect();
        let is_present_be = |w: &&str| is_one_of(w, &["is", "are", "am"]);
        let present_be = match near.as_slice() {
            [first, second, ..] if first.ends_with("ly") => is_present_be(second),
            [first, ..] => is_present_be(first),
            [] => false,
        };
        present_be || near.iter().any(|w| is_one_of(w, MODALS))
    }

    /// "which suffered", "who served": the verb of a relative clause
    /// describes someone or something; it is not the news.
    fn after_a_relative_pronoun(&self, before: Span) -> bool {
        self.words_in(before).next_back().is_some_and(|word| {
            ["which", "who", "whom", "that"]
                .iter()
                .any(|pronoun| word.eq_ignore_ascii_case(pronoun))
        })
    }

    /// "the dead", "their wounded": the word right before is a determiner.
    fn after_a_determiner(&self, before: Span) -> bool {
        self.words_in(before).next_back().is_some_and(|word| {
            ["the", "their", "its", "our", "whose"]
                .iter()
                .any(|determiner| word.eq_ignore_ascii_case(determiner))
        })
    }

    /// A disaster or attack noun that did harm: a verb of impact after it,
    /// harm done by or in it ("damaged by fire"), or a happening.
    /// The noun as a topic ("charged over the attack on the station", "an
    /// inquiry into the fire that destroyed the depot") only counts when
    /// it is a happening by the noun rules.
    fn has_impact(&self, trigger: Span, clause: Span, before: &str, after: &str) -> bool {
        let told = !lexicon::TOPIC_BEFORE.is_match(before)
            && (lexicon::IMPACT_VERB.is_match(predicate_stretch(after))
                || lexicon::HARMED_BY.is_match(before)
                || lexicon::SITED_AFTER.is_match(after));
        told || self.is_happening(trigger, clause, before, after)
    }

    /// A noun trigger used as an event: see "happening" in the lexicon.
    fn is_happening(&self, trigger: Span, clause: Span, before: &str, after: &str) -> bool {
        if lexicon::MODIFIED_HEAD.is_match(after) {
            return false;
        }
        if self.dated_by_on(trigger, clause) && !lexicon::DEMAND.is_match(before) {
            return true;
        }
        if lexicon::REFERENCE_BEFORE.is_match(before) || lexicon::DEMAND.is_match(before) {
            return false;
        }
        lexicon::EVENT_VERB.is_match(predicate_stretch(after))
            || lexicon::object_verb_before(before)
    }

    /// "protests on 2 January", "the arrest of the editor on 9 March".
    fn dated_by_on(&self, trigger: Span, clause: Span) -> bool {
        self.datable_in(clause, trigger).any(|(_, span, _)| {
            span.start >= trigger.end
                && lexicon::DATED_BY_ON.is_match(self.slice(Span::new(trigger.end, span.start)))
        })
    }

    /// "said on Tuesday", "his office said Saturday", "on Monday told".
    fn dated_next_to(&self, trigger: Span, clause: Span) -> bool {
        self.datable_in(clause, trigger).any(|(_, span, _)| {
            let gap = if span.start >= trigger.end {
                Span::new(trigger.end, span.start)
            } else if span.end <= trigger.start {
                Span::new(span.end, trigger.start)
            } else {
                return false;
            };
            lexicon::SPEECH_DATE_GAP.is_match(self.slice(gap))
        })
    }

    /// Neither negated nor a gerund right after a preposition ("complicity
    /// in rioting", "upon returning").
    fn asserted(&self, trigger: Span, clause: Span) -> bool {
        let before = Span::new(clause.start, trigger.start.max(clause.start));
        !self.negated(trigger, clause) && !self.gerund_after_preposition(trigger, before)
    }

    /// A happening the sentence only expects or sets as a condition
    /// (irrealis, as FactBank and TimeML's modality mark it): "they would
    /// not reveal his name until he died", "if the talks fail", "he will
    /// resign once the vote is held". The trigger follows "until",
    /// "unless" or "if" within six words and no comma (not "not until":
    /// "Not until May did the troops withdraw"), or "after", "before",
    /// "when" or "once" in a sentence whose main clause says "will" or
    /// "would".
    fn unrealised_condition(&self, trigger: Span, sentence: Span) -> bool {
        let before = self
            .slice(Span::new(sentence.start, trigger.start.max(sentence.start)))
            .rfind([',', ';', ':', '(', '—', '–'])
            .map_or(sentence.start, |cut| sentence.start + cut + 1);
        let words: Vec<(usize, &str)> = self
            .word_spans_in(Span::new(before, trigger.start.max(before)))
            .map(|w| (w.start, self.slice(w)))
            .collect();
        let near_start = words.len().saturating_sub(6);
        let Some(at) = words[near_start..]
            .iter()
            .rposition(|(_, w)| is_one_of(w, lexicon::CONDITION_WORDS))
            .map(|i| i + near_start)
        else {
            return false;
        };
        let (conjunction_at, conjunction) = words[at];
        let main_clause: Vec<&str> = self
            .words_in(Span::new(sentence.start, conjunction_at))
            .collect();
        if is_one_of(conjunction, lexicon::IRREALIS_CONDITIONS) {
            return !main_clause.last().is_some_and(|w| is_negator(w));
        }
        main_clause
            .iter()
            .any(|w| is_one_of(w, lexicon::FUTURE_MODALS))
    }

    /// True when one of the four words before the trigger negates it.
    fn negated(&self, trigger: Span, clause: Span) -> bool {
        let before = Span::new(clause.start, trigger.start.max(clause.start));
        let after_trigger = Span::new(trigger.end, clause.end.max(trigger.end));
        let mut tail: Vec<&str> = self.words_in(before).rev().take(4).collect();
        tail.reverse();
        let first_after = self.words_in(after_trigger).next();
        tail.iter().enumerate().any(|(i, word)| {
            let next = tail.get(i + 1).copied().or(first_after).unwrap_or("");
            is_negator(word) && !is_one_of(next, lexicon::NEGATION_RELEASES)
        })
    }

    /// "complicity in rioting", "upon returning": a gerund after a
    /// preposition names a topic, not an event.
    fn gerund_after_preposition(&self, trigger: Span, before: Span) -> bool {
        let gerund = self
            .slice(trigger)
            .split_whitespace()
            .next()
            .is_some_and(|word| ends_with_ignore_case(word, "ing"));
        gerund
            && self
                .words_in(before)
                .next_back()
                .is_some_and(|word| is_one_of(word, lexicon::GERUND_PREPOSITIONS))
    }

    /// Whether an organization is named inside `span` (a clause, or the
    /// part before a trigger: "the CSTO arrived", not "she entered the
    /// Promises clinic").
    fn has_organization(&self, span: Span) -> bool {
        self.mentions
            .iter()
            .any(|m| m.kind == EntityKind::Organization && span.contains(m.span))
    }

    /// The time expressions in `clause` that may date the trigger.
    fn datable_in(
        &self,
        clause: Span,
        trigger: Span,
    ) -> impl Iterator<Item = (usize, Span, DateValue)> + '_ {
        self.timexes
            .iter()
            .enumerate()
            .filter(move |(_, t)| clause.contains(t.span))
            .filter(move |(_, t)| dating::may_date(self.text, clause, t.span, trigger))
            .filter_map(|(index, t)| Some((index, t.span, dating::date_value(t)?)))
    }

    /// The datable time expression in `clause` nearest to the trigger.
    fn date_in(&self, clause: Span, trigger: Span) -> Option<(usize, DateValue)> {
        self.datable_in(clause, trigger)
            .min_by_key(|&(_, span, _)| (span.gap(trigger), span.start > trigger.start))
            .map(|(index, _, date)| (index, date))
    }

    fn event(&self, candidate: &Candidate) -> EventMention {
        let Candidate {
            trigger,
            event_type,
            sentence,
            clause,
            ref action,
        } = *candidate;
        let dated = self.date_in(clause, trigger);
        let span = match event_type {
            EventType::Statement => self.with_reported_content(sentence, clause),
            _ => clause,
        };
        EventMention {
            span: trim_clause(self.text, span),
            event_type,
            trigger: self.slice(trigger).to_string(),
            trigger_span: trigger,
            timex: dated.as_ref().map(|(index, _)| *index),
            date: dated.map(|(_, date)| date),
            date_basis: DateBasis::Clause,
            participants: self
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| clause.contains(m.span))
                .map(|(index, _)| index)
                .collect(),
            action: action.clone(),
        }
    }

    /// A reporting clause split off before its "that" ("X announced on
    /// 15 January that") joined with the content it reports, so the
    /// statement reads whole; the content keeps its own events and dates.
    fn with_reported_content(&self, sentence: usize, clause: Span) -> Span {
        let first = self.tokens.partition_point(|t| t.span.start < clause.start);
        let end = self.tokens.partition_point(|t| t.span.end <= clause.end);
        let ends_with_that = self
            .tokens
            .get(first..end.max(first))
            .and_then(<[Token]>::last)
            .is_some_and(|t| self.slice(t.span).eq_ignore_ascii_case("that"));
        let next = self
            .clauses_by_sentence
            .get(sentence)
            .and_then(|clauses| clauses.iter().find(|c| c.start >= clause.end));
        match next {
            Some(content) if ends_with_that => clause.cover(*content),
            _ => clause,
        }
    }
}

/// The part of the clause after a noun trigger where its predicate can
/// be: up to the next punctuation or subordinator, skipping a
/// parenthetical right after the noun ("The unrest, set off by a price
/// rise, turned violent").
fn predicate_stretch(after: &str) -> &str {
    let first = until_stretch_end(after);
    if !first.trim().is_empty() {
        return first;
    }
    let Some(rest) = after.trim_start().strip_prefix(',') else {
        return first;
    };
    match rest.find(',') {
        Some(close) => until_stretch_end(rest.get(close + 1..).unwrap_or("")),
        None => first,
    }
}

fn until_stretch_end(text: &str) -> &str {
    let end = lexicon::STRETCH_END
        .find(text)
        .map_or(text.len(), |m| m.start());
    text.get(..end).unwrap_or(text)
}

/// "not", "never", "didn't", … (see [`lexicon::NEGATORS`]).
fn is_negator(word: &str) -> bool {
    is_one_of(word, lexicon::NEGATORS)
        || ends_with_ignore_case(word, "n't")
        || ends_with_ignore_case(word, "n’t")
}

/// `word` is one of the lower-case `words`, ignoring ASCII case.
fn is_one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The clause without the white space and joining punctuation around it.
fn trim_clause(text: &str, clause: Span) -> Span {
    let slice = clause.slice(text).unwrap_or("");
    let trimmed_start =
        slice.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
    let start = clause.start + (slice.len() - trimmed_start.len());
    Span::new(start, start + trimmed_start.trim_end().len())
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The first word of `text` (after white space) is `word`, any case.
fn starts_with_word(text: &str, word: &str) -> bool {
    text.split_whitespace()
        .next()
        .is_some_and(|first| first.eq_ignore_ascii_case(word))
}

fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text
            .get(text.len() - suffix.len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<Span> {
        corroborate_text::sentences(text)
    }

    #[test]
    fn triggers_found_once_serve_any_set_of_sentences() {
        let text = "Police arrested two students on Monday. Protests erupted in the port. \
                    The governor resigned and troops were deployed.";
        let tokens = corroborate_text::tokens(text);
        let all = sentences(text);
        let triggers = Triggers::find(text, &tokens, &all);
        assert_eq!(
            triggers.events(&tokens, &all, &[], &[]),
            extract(text, &tokens, &all, &[], &[])
        );
        for keep in [&all[1..2], &all[..1], &all[2..]] {
            assert_eq!(
                triggers.events(&tokens, keep, &[], &[]),
                extract(text, &tokens, keep, &[], &[])
            );
        }
        assert_eq!(triggers.events(&tokens, &all, &[], &[]).len(), 4);
        assert_eq!(triggers.events(&tokens, &all[1..2], &[], &[]).len(), 1);
    }

    #[test]
    fn a_word_in_a_web_address_tells_no_happening() {
        let text = "http: / / www.example.net / 2024/03/04 / singer-dies-at-80. html\n\
                    Source: https://example.net/news/bank-bombed-in-lirona today. \
                    The singer died on Monday.";
        let tokens = corroborate_text::tokens(text);
        let triggers: Vec<String> = extract(text, &tokens, &sentences(text), &[], &[])
            .into_iter()
            .map(|e| e.trigger)
            .collect();
        assert_eq!(triggers, vec!["died".to_string()]);
    }

    #[test]
    fn a_happening_set_as_a_condition_is_not_stated() {
        let text = "The reporters said they would not name the source until he died. \
                    Unions will strike if the government resigns. \
                    She said she would leave office after the government resigned. \
                    Police arrested him after the riot ended.";
        let tokens = corroborate_text::tokens(text);
        let triggers: Vec<(EventType, String)> = extract(text, &tokens, &sentences(text), &[], &[])
            .into_iter()
            .map(|e| (e.event_type, e.trigger))
            .collect();
        assert!(
            !triggers.iter().any(|(t, _)| *t == EventType::Deaths),
            "{triggers:?}"
        );
        assert!(
            !triggers.iter().any(|(t, _)| *t == EventType::Resignation),
            "{triggers:?}"
        );
        assert!(
            triggers.iter().any(|(t, _)| *t == EventType::Arrest),
            "{triggers:?}"
        );
    }

    #[test]
    fn a_participle_killing_a_count_states_deaths() {
        let text = "Gunmen attacked the bus on Friday, killing at least 14 people. \
                    The killing stopped. They spoke about killing time.";
        let tokens = corroborate_text::tokens(text);
        let deaths: Vec<String> = extract(text, &tokens, &sentences(text), &[], &[])
            .into_iter()
            .filter(|e| e.event_type == EventType::Deaths)
            .map(|e| e.trigger)
            .collect();
        assert_eq!(deaths, ["killing at least 14"]);
    }

    #[test]
    fn negation_reads_the_four_words_before_the_trigger() {
        let text = "Police haven't arrested the editor. \
                    Police not only arrested the editor. \
                    Police had never, it seems, arrested him. \
                    The army never once and for all arrested him.";
        let tokens = corroborate_text::tokens(text);
        let triggers: Vec<String> = extract(text, &tokens, &sentences(text), &[], &[])
            .into_iter()
            .map(|e| e.trigger)
            .collect();
        let starts: Vec<usize> = extract(text, &tokens, &sentences(text), &[], &[])
            .iter()
            .map(|e| e.trigger_span.start)
            .collect();
        assert_eq!(triggers, ["arrested", "arrested"]);
        assert_eq!(
            starts,
            [
                text.find("only arrested").unwrap_or(0) + 5,
                text.rfind("arrested").unwrap_or(0)
            ]
        );
    }
}
