//! `corroborate eval ecbplus`: our events against ECB+ event coreference.
//!
//! **Gold**: `ACTION_*` and `NEG_ACTION_*` mentions (a negated action is
//! still a happening the text talks about, and published ECB+ work counts
//! both) whose first token lies in an annotated sentence. A mention's
//! instance is its `CROSS_DOC_COREF` id; a mention without one is its own
//! singleton (or joins its within-document chain).
//!
//! **Ours**: every source of every event of the analysis is one mention,
//! placed at the trigger span of the per-report event mention it came
//! from. Gold and our mentions are matched one to one within a document
//! by overlapping bytes ([`crate::ecb_topics::match_spans`]).
//!
//! Printed: (a) gold mentions matched, and the gold happenings reported
//! by two or more articles that one of our events holds matched mentions
//! of from two or more articles; (b) link precision, recall and F1 over
//! pairs of matched mentions from different articles (linked: one event
//! of ours; correct: one gold instance), beside the same-stem baseline
//! (two mentions linked when the words of their gold extents share a
//! [`stem`], function words aside); (c) MUC, B³, CEAF-e and CoNLL F1 of
//! our events as clusters of the matched mentions (all topics together).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use corroborate_model::{AnnotatedReport, Event, EventSource, Span};

use crate::coref::{CorefScores, LinkCounts};
use crate::ecb_topics::{
    annotated_lines, cross_document_pairs, gold_mentions, labels, match_spans, reached_instances,
    read_sentence_list, share, starts_in, Aligned, EcbEvalError, GoldMention, Pipeline, Topic,
    TopicSelection,
};
use crate::ecbplus::{AnnotatedSentences, MentionType};

/// Words never used by the same-stem baseline: auxiliaries, particles,
/// prepositions and determiners inside multi-word gold extents.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "to", "of", "in", "on", "at", "for", "by", "with", "up", "out", "off",
    "into", "over", "down", "and", "or", "not", "no", "be", "is", "was", "were", "been", "being",
    "are", "am", "has", "have", "had", "do", "did", "does", "will", "would", "could", "should",
    "may", "might", "can", "it", "its", "that", "s",
];

/// Counts of one topic or of all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventCounts {
    pub documents: usize,
    pub gold: usize,
    pub gold_negated: usize,
    pub matched: usize,
    /// Our event mentions (event sources) in all sentences.
    pub ours: usize,
    /// Sources whose per-report event mention was not found (not scored).
    pub unplaced: usize,
    /// Our event mentions whose trigger lies in an annotated sentence.
    pub ours_in_annotated: usize,
    pub cross_document_instances: usize,
    pub reached_instances: usize,
    pub links: LinkCounts,
    pub stem_links: LinkCounts,
}

impl EventCounts {
    fn add(&mut self, other: &EventCounts) {
        self.documents += other.documents;
        self.gold += other.gold;
        self.gold_negated += other.gold_negated;
        self.matched += other.matched;
        self.ours += other.ours;
        self.unplaced += other.unplaced;
        self.ours_in_annotated += other.ours_in_annotated;
        self.cross_document_instances += other.cross_document_instances;
        self.reached_instances += other.reached_instances;
        self.links.merge(other.links);
        self.stem_links.merge(other.stem_links);
    }
}

/// The measurement over the selected topics.
#[derive(Debug, Clone, PartialEq)]
pub struct EventsReport {
    pub selection: TopicSelection,
    pub per_topic: Vec<(u32, EventCounts)>,
    pub total: EventCounts,
    /// Our events as clusters of the matched mentions, all topics.
    pub coref: CorefScores,
    /// Every gold happening reported by two or more articles, with its
    /// mentions and the events of ours they matched (for `--failures`).
    pub happenings: Vec<HappeningTrace>,
}

/// A gold happening reported by two or more articles, as we saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct HappeningTrace {
    pub topic: u32,
    pub instance: String,
    pub mentions: Vec<TracedMention>,
    pub reached: bool,
}

/// One gold mention of a traced happening.
#[derive(Debug, Clone, PartialEq)]
pub struct TracedMention {
    pub document: usize,
    /// Its words and their context.
    pub surface: String,
    /// Our event it matched, with the event's type and date.
    pub event: Option<String>,
}

/// Runs `pipeline` on each selected topic under `root` and scores it.
pub fn eval_ecbplus(
    root: &Path,
    selection: &TopicSelection,
    pipeline: &Pipeline,
) -> Result<EventsReport, EcbEvalError> {
    let annotated = read_sentence_list(root)?;
    let mut per_topic = Vec::new();
    let mut total = EventCounts::default();
    let mut gold_keys: Vec<String> = Vec::new();
    let mut our_keys: Vec<String> = Vec::new();
    let mut happenings = Vec::new();
    for &number in &selection.topics {
        let topic = Topic::read(root, number)?;
        let run = pipeline(topic.reports());
        let scored = score_topic(&topic, &annotated, &run.annotated, &run.analysis.events);
        gold_keys.extend(scored.aligned.iter().map(|a| a.gold.clone()));
        our_keys.extend(scored.aligned.iter().map(|a| a.ours.clone()));
        total.add(&scored.counts);
        per_topic.push((number, scored.counts));
        happenings.extend(scored.happenings);
    }
    let key = labels(gold_keys.iter().map(String::as_str));
    let response = labels(our_keys.iter().map(String::as_str));
    Ok(EventsReport {
        selection: selection.clone(),
        per_topic,
        total,
        coref: CorefScores::score(&key, &response),
        happenings,
    })
}

/// One topic's counts and its aligned mentions.
struct ScoredTopic {
    counts: EventCounts,
    aligned: Vec<Aligned>,
    happenings: Vec<HappeningTrace>,
}

/// An event mention of ours: its document, trigger span and event.
struct OurMention {
    document: usize,
    trigger: Span,
    event: String,
    /// The event with its type and date, for the happening listing.
    label: String,
}

fn score_topic(
    topic: &Topic,
    annotated: &AnnotatedSentences,
    reports: &[AnnotatedReport],
    events: &[Event],
) -> ScoredTopic {
    let ours = our_mentions(topic, reports, events);
    let sources: usize = events.iter().map(|e| e.sources.len()).sum();
    let mut counts = EventCounts {
        documents: topic.documents.len(),
        ours: ours.len(),
        unplaced: sources.saturating_sub(ours.len()),
        ..EventCounts::default()
    };
    let mut gold_all = Vec::new();
    let mut matched_event: Vec<Option<String>> = Vec::new();
    let mut aligned = Vec::new();
    let mut stems: Vec<HashSet<String>> = Vec::new();
    for (d, (file, document)) in topic.documents.iter().enumerate() {
        let gold = gold_mentions(topic.number, d, *file, document, annotated, &|m| {
            matches!(m.kind, MentionType::Action | MentionType::NegatedAction)
        });
        let lines = annotated_lines(*file, document, annotated);
        let mine: Vec<&OurMention> = ours.iter().filter(|m| m.document == d).collect();
        let spans: Vec<Span> = mine.iter().map(|m| m.trigger).collect();
        counts.ours_in_annotated += spans.iter().filter(|s| starts_in(&lines, **s)).count();
        let gold_refs: Vec<&GoldMention> = gold.iter().collect();
        let matches = match_spans(&gold_refs, &spans);
        matched_event.extend(
            matches
                .iter()
                .map(|m| m.and_then(|o| mine.get(o)).map(|o| o.label.clone())),
        );
        for (g, matched) in matches.into_iter().enumerate() {
            let (Some(mention), Some(ours)) = (gold.get(g), matched.and_then(|o| mine.get(o)))
            else {
                continue;
            };
            aligned.push(Aligned {
                document: d,
                gold: mention.instance.clone(),
                ours: ours.event.clone(),
            });
            stems.push(mention_stems(&document.text, mention));
        }
        counts.gold_negated += gold.iter().filter(|m| m.tag.starts_with("NEG_")).count();
        counts.gold += gold.len();
        gold_all.extend(gold);
    }
    counts.matched = aligned.len();
    let share_stem = |i: usize, j: usize| match (stems.get(i), stems.get(j)) {
        (Some(a), Some(b)) => !a.is_disjoint(b),
        _ => false,
    };
    (counts.links, counts.stem_links) = cross_document_pairs(&aligned, &share_stem);
    (counts.cross_document_instances, counts.reached_instances) =
        reached_instances(&gold_all, &aligned);
    let happenings = trace_happenings(topic, &gold_all, &matched_event);
    ScoredTopic {
        counts,
        aligned,
        happenings,
    }
}

/// The gold happenings of a topic reported by two or more documents, each
/// with its mentions and the events of ours they matched; reached when one
/// event of ours holds mentions of it from two or more documents.
fn trace_happenings(
    topic: &Topic,
    gold: &[GoldMention],
    matched: &[Option<String>],
) -> Vec<HappeningTrace> {
    let mut by_instance: BTreeMap<&str, Vec<TracedMention>> = BTreeMap::new();
    for (mention, event) in gold.iter().zip(matched) {
        let context = topic
            .documents
            .get(mention.document)
            .map(|(_, document)| context_of(&document.text, mention))
            .unwrap_or_default();
        by_instance
            .entry(mention.instance.as_str())
            .or_default()
            .push(TracedMention {
                document: mention.document,
                surface: format!("{:<20} | {context}", mention.surface),
                event: event.clone(),
            });
    }
    by_instance
        .into_iter()
        .filter(|(_, mentions)| {
            mentions
                .iter()
                .map(|m| m.document)
                .collect::<HashSet<_>>()
                .len()
                >= 2
        })
        .map(|(instance, mentions)| {
            let mut documents_per_event: HashMap<&str, HashSet<usize>> = HashMap::new();
            for mention in &mentions {
                if let Some(event) = mention.event.as_deref().and_then(|l| l.split(' ').next()) {
                    documents_per_event
                        .entry(event)
                        .or_default()
                        .insert(mention.document);
                }
            }
            let reached = documents_per_event.values().any(|d| d.len() >= 2);
            HappeningTrace {
                topic: topic.number,
                instance: instance.to_string(),
                mentions: mentions.clone(),
                reached,
            }
        })
        .collect()
}

/// The words around a gold mention on its line, for the listing.
fn context_of(text: &str, mention: &GoldMention) -> String {
    let Some(first) = mention.spans.first() else {
        return String::new();
    };
    let line_start = text[..first.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = text[first.start.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| first.start + i);
    let from =
        corroborate_text::floor_char_boundary(text, first.start.saturating_sub(70).max(line_start));
    let to = corroborate_text::ceil_char_boundary(text, (first.start + 70).min(line_end));
    text[from..to].to_string()
}

impl EventsReport {
    /// The gold happenings reported by two or more articles, largest
    /// first: each mention's words and the event of ours it matched.
    pub fn happening_listing(&self) -> String {
        let mut happenings: Vec<&HappeningTrace> = self.happenings.iter().collect();
        happenings.sort_by_key(|h| (h.topic, std::cmp::Reverse(h.mentions.len())));
        let mut out = String::new();
        for h in happenings {
            let matched = h.mentions.iter().filter(|m| m.event.is_some()).count();
            out.push_str(&format!(
                "topic {} {} {} ({} mentions, {} matched)\n",
                h.topic,
                h.instance,
                if h.reached { "REACHED" } else { "missed" },
                h.mentions.len(),
                matched
            ));
            for m in &h.mentions {
                let ours = m.event.as_deref().unwrap_or("-");
                out.push_str(&format!(
                    "    doc {:>2}  {ours:<40} {}\n",
                    m.document, m.surface
                ));
            }
        }
        out
    }
}

/// Every source of every event, at its trigger span.
fn our_mentions(topic: &Topic, reports: &[AnnotatedReport], events: &[Event]) -> Vec<OurMention> {
    let documents = topic.index_by_report_id();
    let mut out = Vec::new();
    for event in events {
        for source in &event.sources {
            let Some(&document) = documents.get(&source.report) else {
                continue;
            };
            let Some(trigger) = reports
                .get(document)
                .and_then(|r| trigger_span(r, event, source))
            else {
                continue;
            };
            let date = event.date.as_ref().map_or("undated", |d| d.value.as_str());
            out.push(OurMention {
                document,
                trigger,
                event: format!("{}/{}", topic.number, event.id),
                label: format!(
                    "{}/{} {} {date}",
                    topic.number,
                    event.id,
                    event.event_type.as_str()
                ),
            });
        }
    }
    out
}

/// The trigger span of the report's event mention a source was made from
/// (same type, clause span and trigger; the first such mention, as the
/// merge stage keeps the first of equal mentions).
pub(crate) fn trigger_span(
    report: &AnnotatedReport,
    event: &Event,
    source: &EventSource,
) -> Option<Span> {
    report
        .annotations
        .events
        .iter()
        .find(|m| {
            m.event_type == event.event_type
                && m.span == Span::new(source.start, source.end)
                && m.trigger == source.trigger
        })
        .map(|m| m.trigger_span)
}

/// Stems of the content words of a gold mention's tokens.
fn mention_stems(text: &str, mention: &GoldMention) -> HashSet<String> {
    mention
        .spans
        .iter()
        .filter_map(|span| span.slice(text))
        .flat_map(|token| token.split(|c: char| !c.is_alphanumeric()))
        .map(str::to_lowercase)
        .filter(|word| !word.is_empty() && !FUNCTION_WORDS.contains(&word.as_str()))
        .map(|word| stem(&word))
        .collect()
}

/// A simple suffix-stripping stemmer for the baseline, on a lower-case
/// word: plural and third-person `-s` (`-ies` → `-y`, `-sses` → `-ss`,
/// not after `s` or `u`), then `-ing` or `-ed` when a vowel stays before
/// it (with a doubled final consonant undoubled: "stopped" → "stop"),
/// then a final `-e` ("fired", "fire" → "fir"). Irregular forms ("shot",
/// "shooting") are not joined.
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    if let Some(base) = w.strip_suffix("ies").filter(|b| b.len() >= 2) {
        w = format!("{base}y");
    } else if let Some(base) = w.strip_suffix("sses") {
        w = format!("{base}ss");
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.pop();
    }
    for suffix in ["ing", "ed"] {
        if let Some(base) = w
            .strip_suffix(suffix)
            .filter(|b| has_vowel(b) && b.len() >= 2)
        {
            w = undouble(base);
            break;
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

fn has_vowel(word: &str) -> bool {
    word.chars().any(|c| "aeiouy".contains(c))
}

/// "stopp" → "stop"; a doubled `l`, `s` or `z` stays ("fall", "miss").
fn undouble(word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let doubled = n >= 2
        && chars.get(n - 1) == chars.get(n - 2)
        && chars
            .get(n - 1)
            .is_some_and(|c| c.is_alphabetic() && !"aeioulsz".contains(*c));
    if doubled {
        chars.pop();
    }
    chars.into_iter().collect()
}

impl fmt::Display for EventsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &self.total;
        writeln!(f, "ECB+ events: {}", self.selection)?;
        writeln!(
            f,
            "{} documents; gold: ACTION_* and NEG_ACTION_* mentions in annotated sentences: {} ({} negated)",
            t.documents, t.gold, t.gold_negated
        )?;
        writeln!(
            f,
            "(a) gold mentions matched by our event triggers: {}",
            share(t.matched, t.gold)
        )?;
        writeln!(
            f,
            "    our event mentions: {} ({} not placed), in annotated sentences: {}, matched {} (precision {:.1}%, a lower bound: not every action is annotated)",
            t.ours,
            t.unplaced,
            t.ours_in_annotated,
            t.matched,
            crate::coref::ratio(t.matched as f64, t.ours_in_annotated as f64) * 100.0
        )?;
        writeln!(
            f,
            "    gold happenings reported by 2+ articles reached by one of our events: {}",
            share(t.reached_instances, t.cross_document_instances)
        )?;
        writeln!(
            f,
            "(b) cross-report links over matched mentions (pairs from different articles)"
        )?;
        write_links(f, "our events", t.links)?;
        write_links(f, "same stem", t.stem_links)?;
        let c = &self.coref;
        writeln!(
            f,
            "(c) our events as clusters of the {} matched mentions:",
            t.matched
        )?;
        writeln!(f, "    MUC     {}", c.muc)?;
        writeln!(f, "    B³      {}", c.b_cubed)?;
        writeln!(f, "    CEAF-e  {}", c.ceaf_e)?;
        writeln!(f, "    CoNLL F1 {:.3}", c.conll_f1())?;
        writeln!(f, "per topic: documents, gold, matched, happenings reached, links ours P/R, same stem P/R")?;
        for (topic, c) in &self.per_topic {
            let ours = c.links.scores();
            let stem = c.stem_links.scores();
            writeln!(
                f,
                "  {topic:>2}: {:>3} docs {:>4} gold {:>4} matched  reached {:>2}/{:<2}  ours {:.2}/{:.2}  stem {:.2}/{:.2}",
                c.documents,
                c.gold,
                c.matched,
                c.reached_instances,
                c.cross_document_instances,
                ours.precision,
                ours.recall,
                stem.precision,
                stem.recall
            )?;
        }
        Ok(())
    }
}

/// One line of link counts and scores.
pub(crate) fn write_links(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    links: LinkCounts,
) -> fmt::Result {
    writeln!(
        f,
        "    {name:<12} linked {:>6}  correct {:>6}  gold {:>6}  {}",
        links.linked,
        links.correct,
        links.gold,
        links.scores()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stemmer_strips_inflections() {
        let pairs = [
            ("arrested", "arrest"),
            ("arrests", "arrest"),
            ("stopped", "stop"),
            ("fired", "fir"),
            ("fire", "fir"),
            ("fires", "fir"),
            ("injuries", "injury"),
            ("killing", "kill"),
            ("falling", "fall"),
            ("bus", "bus"),
            ("red", "red"),
        ];
        for (word, expected) in pairs {
            assert_eq!(stem(word), expected, "{word}");
        }
        assert_ne!(stem("shot"), stem("shooting"));
    }
}
