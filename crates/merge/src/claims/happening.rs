//! What a figure is about: the event its clause states, and the entities
//! its sentence (or the paragraph just before it) names. Two figures of
//! one measure are compared only when these tie them to the same
//! happening; see the module doc of `claims`.

use std::collections::BTreeMap;

use corroborate_model::{AnnotatedReport, Event, EventMention, EventType, Span};

use crate::union_find::UnionFind;

/// Sentences before a figure's own whose names still count as its
/// subject ("The peacekeeping force, numbering almost 4,000" after a
/// sentence naming the alliance).
const SUBJECT_LOOK_BACK: usize = 2;

/// The merged event a figure's clause states.
#[derive(Debug, Clone, Copy)]
pub(super) struct Anchor {
    /// Index into the merged events.
    pub event: usize,
    pub event_type: EventType,
}

/// Looks up the merged event of an event mention.
pub(super) struct EventLookup {
    /// (report, mention start, mention end, type) → merged event index.
    by_mention: BTreeMap<(usize, usize, usize, EventType), usize>,
}

impl EventLookup {
    pub(super) fn new(reports: &[AnnotatedReport], events: &[Event]) -> Self {
        let index_of: BTreeMap<&str, usize> = reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.report.meta.id.as_str(), i))
            .collect();
        let mut by_mention = BTreeMap::new();
        for (e, event) in events.iter().enumerate() {
            for source in &event.sources {
                if let Some(&r) = index_of.get(source.report.as_str()) {
                    by_mention.insert((r, source.start, source.end, event.event_type), e);
                }
            }
        }
        EventLookup { by_mention }
    }

    fn merged(&self, report: usize, mention: &EventMention) -> Option<usize> {
        let key = (
            report,
            mention.span.start,
            mention.span.end,
            mention.event_type,
        );
        self.by_mention.get(&key).copied()
    }
}

/// Reporting a figure is not the happening it counts: "the ministry said
/// on Friday that 95 people had died" is about the deaths.
fn is_reporting(event_type: EventType) -> bool {
    matches!(event_type, EventType::Statement | EventType::Speech)
}

/// The event mention a figure's clause states: of the non-reporting
/// mentions whose clause holds the figure (a general action, of no known
/// kind, says nothing of what a figure counts), one whose kind fits the
/// measure ("killed" with a death, "detained" with an arrest) if any,
/// then the one whose trigger is nearest to it ("225 people have been
/// confirmed dead and more than 9,000 have been arrested").
pub(super) fn clause_event<'a>(
    report: &'a AnnotatedReport,
    figure: Span,
    measure: &str,
) -> Option<&'a EventMention> {
    let fitting = measure_tally(measure);
    report
        .annotations
        .events
        .iter()
        .filter(|m| m.span.contains(figure) && !is_reporting(m.event_type) && m.action.is_none())
        .min_by_key(|m| {
            let fits = fitting.is_some() && tally(m.event_type) == fitting;
            (!fits, distance(m.trigger_span, figure))
        })
}

/// A measure that counts people or happenings (the dead, the detained,
/// troops, protesters), which takes no unit.
pub(super) fn counts_people_or_events(measure: &str) -> bool {
    measure_tally(measure).is_some()
}

/// The tally a measure counts, read from its word.
fn measure_tally(measure: &str) -> Option<&'static str> {
    const WORDS: &[(&[&str], &str)] = &[
        (
            &["kill", "dead", "death", "died", "injur", "wound", "casualt"],
            "casualties",
        ),
        (&["detain", "arrest", "detention"], "arrests"),
        (&["protest", "demonstrat", "strik"], "protests"),
        (&["troop", "soldier", "peacekeep"], "deployments"),
    ];
    let measure = measure.to_lowercase();
    WORDS
        .iter()
        .find(|(stems, _)| stems.iter().any(|stem| measure.contains(stem)))
        .map(|(_, tally)| *tally)
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

pub(super) fn anchor(
    lookup: &EventLookup,
    report: usize,
    mention: Option<&EventMention>,
) -> Option<Anchor> {
    let mention = mention?;
    Some(Anchor {
        event: lookup.merged(report, mention)?,
        event_type: mention.event_type,
    })
}

/// The span whose names are a figure's subject: its sentence and up to
/// [`SUBJECT_LOOK_BACK`] sentences before it in the same paragraph.
pub(super) fn subject_window(report: &AnnotatedReport, sentence: Span) -> Span {
    let a = &report.annotations;
    let text = &report.report.text;
    let Some(index) = a.sentence_at(sentence.start) else {
        return sentence;
    };
    let mut window = sentence;
    for earlier in a.sentences[index.saturating_sub(SUBJECT_LOOK_BACK)..index]
        .iter()
        .rev()
    {
        let between = text.get(earlier.end..window.start).unwrap_or("\n\n");
        if between.contains("\n\n") {
            break;
        }
        window = Span::new(earlier.start, window.end);
    }
    window
}

/// Kinds of happening whose counts add up over a crisis: every figure
/// of one measure stated with such an event, in one episode, counts the
/// same toll (a death toll rises across many dated death events).
fn tally(event_type: EventType) -> Option<&'static str> {
    match event_type {
        EventType::Deaths | EventType::Violence | EventType::Injuries => Some("casualties"),
        EventType::Arrest => Some("arrests"),
        EventType::Protest | EventType::Strike => Some("protests"),
        EventType::Deployment | EventType::Withdrawal => Some("deployments"),
        EventType::Trial | EventType::Charge | EventType::Verdict => Some("trials"),
        _ => None,
    }
}

/// What links a figure to others: its merged event, the tally of its
/// event type, the entities it is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key<'a> {
    Event(usize),
    Tally(&'static str),
    Subject(&'a str),
}

/// What [`happenings`] needs to know of one figure.
pub(super) struct Ties<'a> {
    pub anchor: Option<Anchor>,
    pub subjects: &'a [String],
    /// The story (crisis) of the figure's report: figures of different
    /// crises are about different happenings, whatever they share.
    pub story: usize,
    /// A vague amount ("hundreds") names the size of one group at one
    /// event, so it is tied to other figures only through that event.
    pub vague: bool,
}

/// Splits figures (already of one measure, scope, place and episode) into
/// happenings: figures sharing a merged event, a tallied event type or a
/// subject entity are about the same happening (a vague amount only
/// through its event). A figure with none of
/// these is compared with nothing. Keys are looked up in a map, so the
/// work is linear in the figures.
pub(super) fn happenings(ties: &[Ties]) -> Vec<Vec<usize>> {
    let mut sets = UnionFind::new(ties.len());
    let mut first_with: BTreeMap<(usize, Key), usize> = BTreeMap::new();
    for (i, tie) in ties.iter().enumerate() {
        let mut keys = Vec::new();
        if let Some(anchor) = tie.anchor {
            keys.push(Key::Event(anchor.event));
            if !tie.vague {
                keys.extend(tally(anchor.event_type).map(Key::Tally));
            }
        }
        if !tie.vague {
            keys.extend(tie.subjects.iter().map(|s| Key::Subject(s.as_str())));
        }
        for key in keys {
            let first = *first_with.entry((tie.story, key)).or_insert(i);
            sets.union(first, i);
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..ties.len() {
        by_root.entry(sets.find(i)).or_default().push(i);
    }
    by_root.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchored(event: usize, event_type: EventType) -> Option<Anchor> {
        Some(Anchor { event, event_type })
    }

    #[test]
    fn shared_events_tallies_and_subjects_link_figures() {
        let alliance = vec!["ent-1".to_string()];
        let none: Vec<String> = Vec::new();
        let ties = [
            Ties {
                anchor: anchored(0, EventType::Deaths),
                subjects: &none,
                story: 0,
                vague: false,
            },
            Ties {
                anchor: anchored(1, EventType::Violence),
                subjects: &none,
                story: 0,
                vague: false,
            },
            Ties {
                anchor: None,
                subjects: &alliance,
                story: 0,
                vague: false,
            },
            Ties {
                anchor: anchored(2, EventType::Travel),
                subjects: &alliance,
                story: 0,
                vague: false,
            },
            Ties {
                anchor: anchored(3, EventType::Travel),
                subjects: &none,
                story: 0,
                vague: false,
            },
            Ties {
                anchor: None,
                subjects: &none,
                story: 0,
                vague: false,
            },
        ];
        assert_eq!(
            happenings(&ties),
            vec![vec![0, 1], vec![2, 3], vec![4], vec![5]]
        );
        let hundreds_elsewhere = Ties {
            anchor: anchored(4, EventType::Deaths),
            subjects: &alliance,
            story: 0,
            vague: true,
        };
        let hundreds_same_event = Ties {
            anchor: anchored(0, EventType::Deaths),
            subjects: &none,
            story: 0,
            vague: true,
        };
        let ties = [
            Ties {
                anchor: anchored(0, EventType::Deaths),
                subjects: &alliance,
                story: 0,
                vague: false,
            },
            hundreds_elsewhere,
            hundreds_same_event,
        ];
        assert_eq!(happenings(&ties), vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn a_general_action_is_no_figures_event() {
        use crate::test_support::{add_event, report};
        let text = "Police blocked the main road and detained 40 protesters on Monday.";
        let mut r = report("a", None, &[text]);
        add_event(&mut r, EventType::Other, "blocked", None, vec![]);
        if let Some(action) = r.annotations.events.last_mut() {
            action.action = Some("block".to_string());
        }
        let figure = Span::new(
            text.find("40").unwrap_or(0),
            text.find("40").unwrap_or(0) + 2,
        );
        assert!(clause_event(&r, figure, "detained").is_none());
        add_event(&mut r, EventType::Arrest, "detained", None, vec![]);
        assert_eq!(
            clause_event(&r, figure, "detained").map(|m| m.event_type),
            Some(EventType::Arrest)
        );
    }
}
