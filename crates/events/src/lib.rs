//! Event mentions: what happened, in which clause, on which date, with
//! whom.
//!
//! A trigger lexicon (see [`lexicon`](crate::lexicon) for the full table
//! and the checks) finds candidate triggers in the whole text with one
//! regex per rule. Each trigger is placed in its sentence and clause
//! (clauses split at "; ", ", and", "and on …", and after a reporting
//! verb's "that"; see [`clauses`](crate::clauses)). Generic uses are kept
//! out by per-rule checks (a noun like "protest" needs an event verb or a
//! date in its clause; "dismissed claims" is a denial; "demanded his
//! resignation" is not a resignation). One event is kept per clause and
//! type, the earliest trigger winning, so "On January 5 he dismissed the
//! government, and on January 6 removed the security chief" gives two
//! dismissals with their own dates.
//!
//! Dating: the DATE or TIME expression in the same clause nearest to the
//! trigger, when it covers known days (`start` and `end` set) and is not a
//! `*_REF` value; durations and sets never date an event. A clause without
//! such an expression gives an undated event (the publication date is not
//! used here). Participants are the mentions inside the clause.

mod clauses;
mod lexicon;

use std::collections::HashSet;

use corroborate_model::{
    DateValue, EntityKind, EventMention, EventType, Mention, Span, Timex, TimexType,
};

use lexicon::{Check, Rule, RULES};

/// Every event mention in the text, ordered by position.
pub fn extract(
    text: &str,
    sentences: &[Span],
    timexes: &[Timex],
    mentions: &[Mention],
) -> Vec<EventMention> {
    let clauses_by_sentence: Vec<Vec<Span>> = sentences
        .iter()
        .map(|s| clauses::clauses(text, *s))
        .collect();
    let doc = Document {
        text,
        sentences,
        clauses_by_sentence: &clauses_by_sentence,
        timexes,
        mentions,
    };
    let mut candidates: Vec<(Span, EventType, Span)> = RULES
        .iter()
        .flat_map(|rule| rule_matches(&doc, rule))
        .collect();
    candidates.sort_by_key(|&(trigger, event_type, _)| (trigger.start, event_type));
    let mut seen: HashSet<(usize, EventType)> = HashSet::new();
    candidates
        .into_iter()
        .filter(|&(_, event_type, clause)| seen.insert((clause.start, event_type)))
        .map(|(trigger, event_type, clause)| doc.event(trigger, event_type, clause))
        .collect()
}

struct Document<'a> {
    text: &'a str,
    sentences: &'a [Span],
    clauses_by_sentence: &'a [Vec<Span>],
    timexes: &'a [Timex],
    mentions: &'a [Mention],
}

/// The (trigger, type, clause) of each accepted match of one rule.
fn rule_matches<'d>(
    doc: &'d Document<'d>,
    rule: &'d Rule,
) -> impl Iterator<Item = (Span, EventType, Span)> + 'd {
    rule.regex.find_iter(doc.text).filter_map(move |m| {
        let trigger = Span::new(m.start(), m.end());
        let (sentence, clause) = doc.clause_of(trigger)?;
        let denied =
            lexicon::DENIED_BEFORE.is_match(doc.slice(Span::new(sentence.start, trigger.start)));
        (!denied && doc.passes(rule.check, trigger, clause)).then_some((
            trigger,
            rule.event_type,
            clause,
        ))
    })
}

impl Document<'_> {
    fn slice(&self, span: Span) -> &str {
        span.slice(self.text).unwrap_or("")
    }

    /// The sentence and clause holding the trigger.
    fn clause_of(&self, trigger: Span) -> Option<(Span, Span)> {
        let index = self.sentences.partition_point(|s| s.end <= trigger.start);
        let sentence = self.sentences.get(index)?;
        if !sentence.contains(trigger) || sentence.slice(self.text).is_none() {
            return None;
        }
        self.clauses_by_sentence
            .get(index)?
            .iter()
            .find(|c| c.start <= trigger.start && trigger.start < c.end)
            .map(|clause| (*sentence, *clause))
    }

    fn passes(&self, check: Check, trigger: Span, clause: Span) -> bool {
        let trigger_text = self.slice(trigger);
        let after = self.slice(Span::new(trigger.end, clause.end.max(trigger.end)));
        let before = self.slice(Span::new(clause.start, trigger.start.max(clause.start)));
        match check {
            Check::Always => true,
            Check::Happening => {
                !lexicon::MODIFIED_HEAD.is_match(after)
                    && (lexicon::EVENT_VERB.is_match(self.slice(clause))
                        || self.date_in(clause, trigger).is_some())
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
                lexicon::TROOP_WORD.is_match(self.slice(clause)) || self.has_organization(clause)
            }
            Check::NotEmergency => {
                !(starts_with_ignore_case(trigger_text, "declar")
                    && lexicon::EMERGENCY.is_match(self.slice(clause)))
            }
            Check::NotFreedomOf => !ends_with_ignore_case(before.trim_end(), "freedom of"),
        }
    }

    fn has_organization(&self, clause: Span) -> bool {
        self.mentions
            .iter()
            .any(|m| m.kind == EntityKind::Organization && clause.contains(m.span))
    }

    /// The datable time expression in `clause` nearest to the trigger.
    fn date_in(&self, clause: Span, trigger: Span) -> Option<(usize, DateValue)> {
        self.timexes
            .iter()
            .enumerate()
            .filter(|(_, t)| clause.contains(t.span))
            .filter_map(|(index, t)| Some((index, t.span, date_value(t)?)))
            .min_by_key(|&(_, span, _)| (span.gap(trigger), span.start > trigger.start))
            .map(|(index, _, date)| (index, date))
    }

    fn event(&self, trigger: Span, event_type: EventType, clause: Span) -> EventMention {
        let dated = self.date_in(clause, trigger);
        EventMention {
            span: trim_clause(self.text, clause),
            event_type,
            trigger: self.slice(trigger).to_string(),
            trigger_span: trigger,
            timex: dated.as_ref().map(|(index, _)| *index),
            date: dated.map(|(_, date)| date),
            participants: self
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| clause.contains(m.span))
                .map(|(index, _)| index)
                .collect(),
        }
    }
}

/// The dates a time expression covers, when it can date an event.
fn date_value(timex: &Timex) -> Option<DateValue> {
    if !matches!(timex.timex_type, TimexType::Date | TimexType::Time)
        || timex.value.ends_with("_REF")
    {
        return None;
    }
    Some(DateValue {
        value: timex.value.clone(),
        start: timex.start?,
        end: timex.end?,
    })
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

fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text
            .get(text.len() - suffix.len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
}
