//! Dating the news of the day: events a report's lead tells in the
//! present perfect.
//!
//! "A court has sentenced the former minister to twelve years" names no
//! date, yet it is the news of the day the report was published (or of its
//! dateline): English uses the present perfect for a recent event whose
//! time is the moment of reporting. Such an event takes the publication
//! day, with `date_basis` = `publication`, when all of these hold:
//!
//! * the report's publication date is known, not inferred from its text
//!   (an inferred date would make the inference circular);
//! * the event sits in the lead: the first two paragraphs that hold a
//!   sentence of prose (a title, byline or date line is not one);
//! * its clause has no date of its own and holds a present-perfect verb
//!   group ("has sentenced", "have now signed", "has been arrested") at or
//!   before the trigger, within a few words of it;
//! * the perfect is not durative or habitual: no "since …", no duration
//!   measuring it ("has ruled for two decades", "over the past year"; a
//!   duration describing a cause, "after weeks of protests", is fine), no
//!   "ever", "long", "often", "always", "never"; a progressive ("has been
//!   protesting") is ongoing, not news of one day.
//!
//! Background paragraphs are never the lead, and the publication date is
//! less precise evidence than a clause's own date: like a context date it
//! is never a side of a date conflict.

use chrono::NaiveDate;
use corroborate_model::{DateBasis, DateValue, EventMention, Span, Timex, TimexType, Token};

/// Paragraphs of prose at the top of a report that count as its lead.
const LEAD_PARAGRAPHS: usize = 2;

/// Words a sentence needs to be prose rather than a title or a date line.
const MIN_PROSE_WORDS: usize = 8;

/// Most words between the perfect's participle and the trigger ("has
/// declared a nationwide state of emergency": the trigger is the noun).
const MAX_PARTICIPLE_TO_TRIGGER_WORDS: usize = 6;

/// Adverbs that may stand between "has" and its participle.
const PERFECT_ADVERBS: &[&str] = &[
    "just",
    "already",
    "now",
    "also",
    "reportedly",
    "officially",
    "finally",
    "formally",
    "recently",
    "again",
];

/// An adverb inside the verb group: a listed one, or one of manner in
/// "-ly" ("has unexpectedly defeated", "have quietly dropped"); those that
/// make the perfect habitual ("repeatedly") are [`NOT_NEWS_WORDS`] and
/// rule the clause out before this is asked.
fn is_perfect_adverb(word: &str) -> bool {
    PERFECT_ADVERBS.contains(&word) || (word.len() > 4 && word.ends_with("ly") && word != "only")
}

/// Words that make a perfect durative, habitual or negated.
const NOT_NEWS_WORDS: &[&str] = &[
    "since",
    "ever",
    "long",
    "often",
    "always",
    "never",
    "not",
    "repeatedly",
    "yet",
];

/// What the lead dating needs to know about one report.
pub struct LeadContext<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Span],
    pub timexes: &'a [Timex],
    /// The publication (or dateline) day, when known and not inferred.
    pub published: NaiveDate,
}

/// Dates the undated present-perfect events of the lead to the
/// publication day (see the module documentation).
pub fn date_lead_events(context: &LeadContext<'_>, events: &mut [EventMention]) {
    let Some(lead_end) = lead_end(context.text, context.sentences) else {
        return;
    };
    for event in events.iter_mut() {
        let in_lead = event.trigger_span.start < lead_end;
        if !in_lead || event.date.is_some() || !tells_news_of_the_day(context, event) {
            continue;
        }
        event.date = Some(DateValue {
            value: context.published.format("%Y-%m-%d").to_string(),
            start: context.published,
            end: context.published,
        });
        event.timex = None;
        event.date_basis = DateBasis::Publication;
    }
}

/// The byte offset where the lead ends: after the last sentence of the
/// first [`LEAD_PARAGRAPHS`] paragraphs (lines) that hold prose.
fn lead_end(text: &str, sentences: &[Span]) -> Option<usize> {
    let mut prose_paragraphs = 0;
    let mut current_line_start = None;
    let mut end = None;
    for sentence in sentences {
        let line_start = line_start(text, sentence.start);
        if current_line_start != Some(line_start) {
            if prose_paragraphs == LEAD_PARAGRAPHS {
                break;
            }
            current_line_start = Some(line_start);
            if !is_prose(text, *sentence) {
                continue;
            }
            prose_paragraphs += 1;
        }
        end = Some(sentence.end);
    }
    end
}

fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |newline| newline + 1)
}

/// A sentence of prose: enough words and a final stop.
pub(crate) fn is_prose(text: &str, sentence: Span) -> bool {
    let slice = sentence.slice(text).unwrap_or("");
    let ends_like_prose = slice
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?']);
    ends_like_prose && slice.split_whitespace().count() >= MIN_PROSE_WORDS
}

/// The event's clause tells it in a punctual present perfect and has no
/// date of its own.
fn tells_news_of_the_day(context: &LeadContext<'_>, event: &EventMention) -> bool {
    let clause = own_clause(context, event);
    let clause_has_time = context.timexes.iter().any(|t| {
        clause.contains(t.span)
            && match t.timex_type {
                // A date of another part of the clause ("Famous 1950s
                // pin-up star X has died") is not the event's own.
                TimexType::Date | TimexType::Time => {
                    crate::dating::may_date(context.text, clause, t.span, event.trigger_span)
                }
                TimexType::Duration => measures_the_perfect(context.text, t.span),
                TimexType::Set => false,
            }
    });
    if clause_has_time {
        return false;
    }
    let words: Vec<(Span, String)> = corroborate_text::tokens_in(context.tokens, clause)
        .iter()
        .filter(|t| t.is_word() && clause.contains(t.span))
        .map(|t| (t.span, t.text(context.text).to_lowercase()))
        .collect();
    if words
        .iter()
        .any(|(_, w)| NOT_NEWS_WORDS.contains(&w.as_str()))
    {
        return false;
    }
    perfect_participle(&words).is_some_and(|participle| {
        let gap = words
            .iter()
            .filter(|(span, _)| span.start > participle.end && span.end <= event.trigger_span.start)
            .count();
        participle.start <= event.trigger_span.start && gap <= MAX_PARTICIPLE_TO_TRIGGER_WORDS
    })
}

/// The clause that tells the event. A statement's span also holds the
/// content it reports ("has announced that development, begun two years
/// ago, was pushed back"), whose dates and verbs are not the
/// statement's: its own clause ends at the "that" after its trigger.
fn own_clause(context: &LeadContext<'_>, event: &EventMention) -> Span {
    if event.event_type != corroborate_model::EventType::Statement {
        return event.span;
    }
    let after_trigger = Span::new(
        event.trigger_span.end,
        event.span.end.max(event.trigger_span.end),
    );
    corroborate_text::tokens_in(context.tokens, after_trigger)
        .iter()
        .find(|t| t.is_word() && t.text(context.text).eq_ignore_ascii_case("that"))
        .map_or(event.span, |that| {
            Span::new(event.span.start, that.span.end)
        })
}

/// A duration that measures how long the perfect has held ("for two
/// decades", "over the past year", "in recent weeks"), unlike one that
/// only describes a cause ("after weeks of protests").
fn measures_the_perfect(text: &str, duration: Span) -> bool {
    let before = text.get(..duration.start).unwrap_or("");
    let previous_word = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    let expression = duration.slice(text).unwrap_or("").to_lowercase();
    matches!(
        previous_word.as_str(),
        "for" | "over" | "in" | "during" | "throughout"
    ) || expression.starts_with("the past")
        || expression.starts_with("the last")
}

/// The span of the participle of the first "has/have (adverbs) (been)
/// PARTICIPLE" group among the clause's words.
fn perfect_participle(words: &[(Span, String)]) -> Option<Span> {
    let auxiliary = words.iter().position(|(_, w)| w == "has" || w == "have")?;
    let mut rest = words.get(auxiliary + 1..)?.iter();
    let mut next = rest.next()?;
    while is_perfect_adverb(&next.1) {
        next = rest.next()?;
    }
    if next.1 == "been" {
        next = rest.next()?;
    }
    crate::verbs::is_participle(&next.1).then_some(next.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::EventType;

    const DAY: &str = "2031-04-09";

    fn published() -> NaiveDate {
        NaiveDate::from_ymd_opt(2031, 4, 9).unwrap_or_default()
    }

    /// One event per sentence, triggered by `trigger`, its clause the
    /// whole sentence.
    fn events_for(text: &str, sentences: &[Span], trigger: &str) -> Vec<EventMention> {
        sentences
            .iter()
            .filter_map(|s| {
                let slice = s.slice(text)?;
                let at = s.start + slice.find(trigger)?;
                Some(EventMention {
                    span: *s,
                    event_type: EventType::Trial,
                    trigger: trigger.to_string(),
                    trigger_span: Span::new(at, at + trigger.len()),
                    date: None,
                    timex: None,
                    date_basis: DateBasis::Clause,
                    participants: vec![],
                    action: None,
                })
            })
            .collect()
    }

    fn dated(text: &str, trigger: &str) -> Vec<Option<String>> {
        let sentences = corroborate_text::sentences(text);
        let tokens = corroborate_text::tokens(text);
        let mut events = events_for(text, &sentences, trigger);
        let context = LeadContext {
            text,
            tokens: &tokens,
            sentences: &sentences,
            timexes: &[],
            published: published(),
        };
        date_lead_events(&context, &mut events);
        events
            .into_iter()
            .map(|e| {
                assert!(e.date.is_none() || e.date_basis == DateBasis::Publication);
                e.date.map(|d| d.value)
            })
            .collect()
    }

    #[test]
    fn a_present_perfect_lead_is_the_news_of_the_day() {
        let text = "Court jails former minister\n\nA court in Orlem has sentenced the former energy minister to twelve years in prison for fraud.";
        assert_eq!(dated(text, "sentenced"), vec![Some(DAY.to_string())]);
    }

    #[test]
    fn adverbs_passives_and_noun_triggers_count() {
        let text = "The president has now signed a decree granting an amnesty to hundreds of detainees. Two ministers have been dismissed after the vote on the budget.";
        assert_eq!(dated(text, "decree"), vec![Some(DAY.to_string())]);
        assert_eq!(dated(text, "dismissed"), vec![Some(DAY.to_string())]);
    }

    /// Regression: only listed adverbs were let between "has" and its
    /// participle, so a manner adverb left the lead's news undated.
    #[test]
    fn a_manner_adverb_inside_the_perfect_counts() {
        let text = "Two ministers have unexpectedly been dismissed after the vote on the budget in parliament.";
        assert_eq!(dated(text, "dismissed"), vec![Some(DAY.to_string())]);
        let text =
            "Two ministers have only been dismissed after the vote on the budget in parliament.";
        assert_eq!(dated(text, "dismissed"), vec![None]);
    }

    #[test]
    fn durative_habitual_and_progressive_perfects_are_not_news() {
        let text = "The governor has ruled the province since the war ended many years ago. Workers have often struck over unpaid wages in the mining towns. Farmers have been protesting against the new water tariffs in the north.";
        assert_eq!(dated(text, "ruled"), vec![None]);
        assert_eq!(dated(text, "struck"), vec![None]);
        assert_eq!(dated(text, "protesting"), vec![None]);
    }

    #[test]
    fn a_plain_past_without_a_date_stays_undated() {
        let text =
            "Police arrested dozens of people outside the parliament building in the capital.";
        assert_eq!(dated(text, "arrested"), vec![None]);
    }

    #[test]
    fn only_the_first_two_prose_paragraphs_are_the_lead() {
        let text = "Title of the story\nMonday, 9 April 2031\nThe army has seized the airport in the northern city of Kaldor after heavy fighting.\nRebels said the attack was expected by everyone in the region.\nThe government has seized the assets of several opposition leaders over the past years.";
        assert_eq!(dated(text, "seized"), vec![Some(DAY.to_string()), None]);
    }

    #[test]
    fn a_duration_measuring_the_perfect_excludes_it_a_cause_does_not() {
        let text = "The mayor has resigned after weeks of protests. The mayor has governed for two decades.";
        let first = text.find("weeks").unwrap_or(0);
        let second = text.find("two decades").unwrap_or(0);
        assert!(!measures_the_perfect(text, Span::new(first, first + 5)));
        assert!(measures_the_perfect(text, Span::new(second, second + 11)));
    }
}
