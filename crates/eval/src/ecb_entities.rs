//! `corroborate eval entities`: our entities against ECB+ named
//! participants and places.
//!
//! **Gold**: `HUMAN_PART_PER` (person), `HUMAN_PART_ORG` (organization)
//! and `LOC_*` (place) mentions whose first token lies in an annotated
//! sentence and that are **named** ([`NameEvidence`]): one of their tokens
//! begins with an upper-case letter, is not "I", and is not capitalized
//! only by its position — a token that opens its sentence (after opening
//! punctuation) or stands in a title-case line counts only when its
//! lower-case form never occurs in lower case in the document and it is
//! not a determiner or pronoun. Instances as in [`crate::ecb_events`].
//!
//! **Ours**: every entity mention of the per-report annotations, with the
//! entity of the analysis that holds its surface form among its aliases
//! (the merge stage puts every mention's trimmed text there, and one
//! spelling belongs to one entity) and that entity's kind: person ↔
//! person, organization ↔ organization, place ↔ place; our kind `other`
//! (nationalities, groups, named events) matches no gold kind. Only our
//! mentions starting in an annotated sentence are counted.
//!
//! Printed: mention precision (our mentions overlapping a gold mention of
//! their kind) and recall (gold mentions overlapped by one of ours of
//! their kind) per kind, and over all kinds with kinds ignored; over the
//! one-to-one matches of the latter
//! ([`crate::ecb_topics::match_spans`]), merge precision, recall and F1 of pairs of matched
//! mentions from different articles (merged: one entity of ours; correct:
//! one gold instance), beside the same-normalized-string baseline (the
//! gold extents equal once lower-cased, punctuation removed and spaces
//! collapsed); and, for comparison, the CoNLL F1 of our entities as
//! clusters of the matched mentions.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use corroborate_model::{AnnotatedReport, Entity, EntityKind, Span};

use crate::coref::{CorefScores, LinkCounts, Prf};
use crate::ecb_events::write_links;
use crate::ecb_topics::{
    annotated_lines, cross_document_pairs, gold_mentions, labels, match_spans, overlaps,
    reached_instances, read_sentence_list, share, starts_in, Aligned, EcbEvalError, GoldMention,
    Pipeline, Topic, TopicSelection,
};
use crate::ecbplus::{AnnotatedSentences, Document, Mention};

/// Sentence-initial words that are never names.
const CLOSED_CLASS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "you",
    "his", "her", "its", "their", "our", "my", "your", "there", "some", "all", "both",
];

/// The kinds scored, in printing order.
const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
];

/// Mention counts of one kind (or of all). Precision and recall are by
/// overlap, not one to one: a gold extent "Springfield, Mo." holds two
/// correct names of ours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MentionCounts {
    pub gold: usize,
    pub ours: usize,
    /// Gold mentions that one of ours overlaps.
    pub found: usize,
    /// Our mentions that overlap a gold mention.
    pub correct: usize,
    /// Gold mentions matched one to one (see `match_spans`).
    pub aligned: usize,
}

impl MentionCounts {
    fn add(&mut self, other: MentionCounts) {
        self.gold += other.gold;
        self.ours += other.ours;
        self.found += other.found;
        self.correct += other.correct;
        self.aligned += other.aligned;
    }

    pub fn scores(&self) -> Prf {
        Prf::from_ratios(
            (self.correct as f64, self.ours as f64),
            (self.found as f64, self.gold as f64),
        )
    }
}

/// Counts of one topic or of all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityCounts {
    pub documents: usize,
    /// Person, organization, place.
    pub by_kind: [MentionCounts; 3],
    /// All kinds, kinds ignored in matching (ours include `other`).
    pub all: MentionCounts,
    /// Our mentions of kind `other` in annotated sentences.
    pub ours_other: usize,
    pub cross_document_instances: usize,
    pub reached_instances: usize,
    pub merges: LinkCounts,
    pub string_merges: LinkCounts,
}

impl EntityCounts {
    fn add(&mut self, other: &EntityCounts) {
        self.documents += other.documents;
        for (mine, theirs) in self.by_kind.iter_mut().zip(other.by_kind) {
            mine.add(theirs);
        }
        self.all.add(other.all);
        self.ours_other += other.ours_other;
        self.cross_document_instances += other.cross_document_instances;
        self.reached_instances += other.reached_instances;
        self.merges.merge(other.merges);
        self.string_merges.merge(other.string_merges);
    }
}

/// The measurement over the selected topics.
#[derive(Debug, Clone, PartialEq)]
pub struct EntitiesReport {
    pub selection: TopicSelection,
    pub total: EntityCounts,
    pub coref: CorefScores,
    /// Cross-report merge errors by pair of surface forms, most frequent
    /// first (listed by `eval entities --failures`).
    pub merge_failures: Vec<MergeFailure>,
    /// Gold mentions no mention of ours of their kind overlaps, by kind,
    /// surface and the kind of ours there, most frequent first.
    pub missed_mentions: Vec<MissedMention>,
}

/// Runs `pipeline` on each selected topic under `root` and scores its
/// entities.
pub fn eval_entities(
    root: &Path,
    selection: &TopicSelection,
    pipeline: &Pipeline,
) -> Result<EntitiesReport, EcbEvalError> {
    let annotated = read_sentence_list(root)?;
    let mut total = EntityCounts::default();
    let mut gold_keys: Vec<String> = Vec::new();
    let mut our_keys: Vec<String> = Vec::new();
    let mut merge_failures = Vec::new();
    let mut missed: HashMap<(EntityKind, String, Option<EntityKind>), usize> = HashMap::new();
    for &number in &selection.topics {
        let topic = Topic::read(root, number)?;
        let run = pipeline(topic.reports());
        let scored = score_topic(&topic, &annotated, &run.annotated, &run.analysis.entities);
        gold_keys.extend(scored.aligned.iter().map(|a| a.gold.clone()));
        our_keys.extend(scored.aligned.iter().map(|a| a.ours.clone()));
        total.add(&scored.counts);
        merge_failures.extend(scored.merge_failures);
        for key in scored.missed {
            *missed.entry(key).or_default() += 1;
        }
    }
    let mut missed_mentions: Vec<MissedMention> = missed
        .into_iter()
        .map(|((kind, surface, ours), count)| MissedMention {
            kind,
            surface,
            ours,
            count,
        })
        .collect();
    missed_mentions.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (a.kind, &a.surface).cmp(&(b.kind, &b.surface)))
    });
    merge_failures.sort_by(|a: &MergeFailure, b| {
        b.pairs
            .cmp(&a.pairs)
            .then_with(|| (a.topic, &a.surfaces).cmp(&(b.topic, &b.surfaces)))
    });
    let key = labels(gold_keys.iter().map(String::as_str));
    let response = labels(our_keys.iter().map(String::as_str));
    Ok(EntitiesReport {
        selection: selection.clone(),
        total,
        coref: CorefScores::score(&key, &response),
        merge_failures,
        missed_mentions,
    })
}

/// Pairs of matched mentions from different articles, with the same two
/// surface forms, that our merge got wrong in one way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeFailure {
    pub topic: u32,
    /// `true`: one gold entity, two of ours; `false`: one of ours, two gold.
    pub missed: bool,
    pub surfaces: (String, String),
    pub pairs: usize,
}

impl fmt::Display for MergeFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.missed {
            "not merged"
        } else {
            "wrongly merged"
        };
        write!(
            f,
            "topic {:>2} {what:<14} {:>4} pairs  {:?} / {:?}",
            self.topic, self.pairs, self.surfaces.0, self.surfaces.1
        )
    }
}

/// The merge errors among `aligned` mentions (with their gold surface
/// forms), grouped by surface pair.
fn merge_failures(topic: u32, aligned: &[Aligned], surfaces: &[String]) -> Vec<MergeFailure> {
    let mut groups: HashMap<(bool, String, String), usize> = HashMap::new();
    for (i, a) in aligned.iter().enumerate() {
        for (j, b) in aligned.iter().enumerate().skip(i + 1) {
            let same_gold = a.gold == b.gold;
            if a.document == b.document || same_gold == (a.ours == b.ours) {
                continue;
            }
            let (Some(x), Some(y)) = (surfaces.get(i), surfaces.get(j)) else {
                continue;
            };
            let (x, y) = if x <= y { (x, y) } else { (y, x) };
            *groups.entry((same_gold, x.clone(), y.clone())).or_default() += 1;
        }
    }
    groups
        .into_iter()
        .map(|((missed, x, y), pairs)| MergeFailure {
            topic,
            missed,
            surfaces: (x, y),
            pairs,
        })
        .collect()
}

/// Gold mentions of one kind and surface that no mention of ours of that
/// kind overlaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissedMention {
    pub kind: EntityKind,
    pub surface: String,
    /// The kind of a mention of ours overlapping them, if any.
    pub ours: Option<EntityKind>,
    pub count: usize,
}

impl fmt::Display for MissedMention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ours = self.ours.map_or("nothing", EntityKind::as_str);
        write!(
            f,
            "missed {:<12} {:>3}x  {:?}  (ours: {ours})",
            self.kind.as_str(),
            self.count,
            self.surface
        )
    }
}

/// An entity mention of ours.
struct OurMention {
    span: Span,
    kind: EntityKind,
    entity: String,
}

struct ScoredTopic {
    counts: EntityCounts,
    aligned: Vec<Aligned>,
    merge_failures: Vec<MergeFailure>,
    /// (kind, surface, kind of ours overlapping).
    missed: Vec<(EntityKind, String, Option<EntityKind>)>,
}

fn score_topic(
    topic: &Topic,
    annotated: &AnnotatedSentences,
    reports: &[AnnotatedReport],
    entities: &[Entity],
) -> ScoredTopic {
    let entity_of_alias = alias_index(entities);
    let mut counts = EntityCounts {
        documents: topic.documents.len(),
        ..EntityCounts::default()
    };
    let mut gold_all = Vec::new();
    let mut aligned = Vec::new();
    let mut surfaces: Vec<String> = Vec::new();
    let mut raw_surfaces: Vec<String> = Vec::new();
    let mut missed = Vec::new();
    for (d, (file, document)) in topic.documents.iter().enumerate() {
        let evidence = NameEvidence::new(document);
        let gold = gold_mentions(topic.number, d, *file, document, annotated, &|m| {
            tag_kind(&m.tag).is_some() && evidence.is_named(m)
        });
        let lines = annotated_lines(*file, document, annotated);
        let ours: Vec<OurMention> = reports
            .get(d)
            .map(|r| our_mentions(topic.number, r, entities, &entity_of_alias))
            .unwrap_or_default()
            .into_iter()
            .filter(|m| starts_in(&lines, m.span))
            .collect();
        for (k, kind) in KINDS.iter().enumerate() {
            let gold_of_kind: Vec<&GoldMention> = gold
                .iter()
                .filter(|g| tag_kind(&g.tag) == Some(*kind))
                .collect();
            let ours_of_kind: Vec<Span> = ours
                .iter()
                .filter(|o| o.kind == *kind)
                .map(|o| o.span)
                .collect();
            if let Some(slot) = counts.by_kind.get_mut(k) {
                let matches = match_spans(&gold_of_kind, &ours_of_kind);
                slot.add(count_matches(&gold_of_kind, &ours_of_kind, &matches));
            }
            for g in gold_of_kind {
                if !ours_of_kind.iter().any(|o| overlaps(g, *o)) {
                    let there = ours.iter().find(|o| overlaps(g, o.span)).map(|o| o.kind);
                    missed.push((*kind, g.surface.clone(), there));
                }
            }
        }
        let gold_refs: Vec<&GoldMention> = gold.iter().collect();
        let spans: Vec<Span> = ours.iter().map(|o| o.span).collect();
        let matches = match_spans(&gold_refs, &spans);
        counts.all.add(count_matches(&gold_refs, &spans, &matches));
        counts.ours_other += ours.iter().filter(|o| o.kind == EntityKind::Other).count();
        for (g, matched) in matches.into_iter().enumerate() {
            let (Some(mention), Some(mine)) = (gold.get(g), matched.and_then(|o| ours.get(o)))
            else {
                continue;
            };
            aligned.push(Aligned {
                document: d,
                gold: mention.instance.clone(),
                ours: mine.entity.clone(),
            });
            surfaces.push(normalized(&mention.surface));
            raw_surfaces.push(mention.surface.clone());
        }
        gold_all.extend(gold);
    }
    let same_string = |i: usize, j: usize| surfaces.get(i) == surfaces.get(j);
    (counts.merges, counts.string_merges) = cross_document_pairs(&aligned, &same_string);
    (counts.cross_document_instances, counts.reached_instances) =
        reached_instances(&gold_all, &aligned);
    let merge_failures = merge_failures(topic.number, &aligned, &raw_surfaces);
    ScoredTopic {
        counts,
        aligned,
        merge_failures,
        missed,
    }
}

/// Counts of `gold` and `ours`, given their one-to-one `matches`
/// ([`match_spans`]).
fn count_matches(gold: &[&GoldMention], ours: &[Span], matches: &[Option<usize>]) -> MentionCounts {
    MentionCounts {
        gold: gold.len(),
        ours: ours.len(),
        found: gold
            .iter()
            .filter(|g| ours.iter().any(|o| overlaps(g, *o)))
            .count(),
        correct: ours
            .iter()
            .filter(|o| gold.iter().any(|g| overlaps(g, **o)))
            .count(),
        aligned: matches.iter().flatten().count(),
    }
}

/// Surface form → index of the entity listing it as an alias.
fn alias_index(entities: &[Entity]) -> HashMap<&str, usize> {
    entities
        .iter()
        .enumerate()
        .flat_map(|(e, entity)| entity.aliases.iter().map(move |a| (a.as_str(), e)))
        .collect()
}

/// The report's entity mentions with their entity and its kind.
fn our_mentions(
    topic: u32,
    report: &AnnotatedReport,
    entities: &[Entity],
    entity_of_alias: &HashMap<&str, usize>,
) -> Vec<OurMention> {
    report
        .annotations
        .mentions
        .iter()
        .filter_map(|mention| {
            let entity = entities.get(*entity_of_alias.get(mention.text.trim())?)?;
            Some(OurMention {
                span: mention.span,
                kind: entity.kind,
                entity: format!("{topic}/{}", entity.id),
            })
        })
        .collect()
}

/// The kind a gold mention's tag stands for. The reader derives a
/// mention's `MentionType` from its tag, so every tag with a kind here is
/// a `HumanParticipant` or `Location` mention: no type check is needed.
fn tag_kind(tag: &str) -> Option<EntityKind> {
    match tag {
        "HUMAN_PART_PER" => Some(EntityKind::Person),
        "HUMAN_PART_ORG" => Some(EntityKind::Organization),
        _ if tag.starts_with("LOC_") => Some(EntityKind::Place),
        _ => None,
    }
}

/// Lower case, punctuation removed, white space collapsed.
pub fn normalized(surface: &str) -> String {
    let kept: String = surface
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a document says about which capitalized tokens are names.
pub struct NameEvidence<'a> {
    document: &'a Document,
    /// Lower-cased forms of the tokens written in lower case.
    lower_case_words: HashSet<String>,
    /// Token ids that open a sentence or stand in a title-case sentence.
    position_capitalized: HashSet<u32>,
}

impl<'a> NameEvidence<'a> {
    pub fn new(document: &'a Document) -> NameEvidence<'a> {
        let mut lower_case_words = HashSet::new();
        let mut position_capitalized = HashSet::new();
        for sentence in &document.sentences {
            let tokens = document.tokens.get(sentence.tokens.clone()).unwrap_or(&[]);
            if !is_web_address(tokens) {
                lower_case_words.extend(
                    tokens
                        .iter()
                        .filter(|t| t.text.chars().next().is_some_and(char::is_lowercase))
                        .map(|t| t.text.trim().to_lowercase()),
                );
            }
            if is_title_case(tokens) {
                position_capitalized.extend(tokens.iter().map(|t| t.id));
            } else if let Some(first) = tokens
                .iter()
                .find(|t| t.text.chars().any(char::is_alphanumeric))
            {
                position_capitalized.insert(first.id);
            }
        }
        NameEvidence {
            document,
            lower_case_words,
            position_capitalized,
        }
    }

    /// True when one of the mention's tokens is name-like (module docs).
    pub fn is_named(&self, mention: &Mention) -> bool {
        mention
            .tokens
            .iter()
            .filter_map(|id| self.document.token(*id))
            .any(|token| self.is_name_token(token.id, token.text.trim()))
    }

    fn is_name_token(&self, id: u32, text: &str) -> bool {
        if !text.chars().next().is_some_and(char::is_uppercase) || text == "I" {
            return false;
        }
        if !self.position_capitalized.contains(&id) {
            return true;
        }
        let lower = text.to_lowercase();
        !CLOSED_CLASS.contains(&lower.as_str()) && !self.lower_case_words.contains(&lower)
    }
}

/// A line holding a web address ("http : / / www . example . com / names-in-lower-case"),
/// whose lower-case words say nothing about how names are written.
fn is_web_address(tokens: &[crate::ecbplus::Token]) -> bool {
    tokens.iter().any(|t| {
        let word = t.text.trim().to_lowercase();
        word == "http" || word == "https" || word.starts_with("www")
    })
}

/// At least three words of four or more letters, 80% of them capitalized.
fn is_title_case(tokens: &[crate::ecbplus::Token]) -> bool {
    let long: Vec<&str> = tokens
        .iter()
        .map(|t| t.text.trim())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .collect();
    let capitalized = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 3 && capitalized * 5 >= long.len() * 4
}

impl EntitiesReport {
    /// The merge errors, then the missed gold names, a line each
    /// (`eval entities --failures`).
    pub fn failure_listing(&self) -> String {
        let merges = self.merge_failures.iter().map(|f| format!("{f}\n"));
        let missed = self.missed_mentions.iter().map(|m| format!("{m}\n"));
        merges.chain(missed).collect()
    }
}

impl fmt::Display for EntitiesReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &self.total;
        writeln!(f, "ECB+ entities: {}", self.selection)?;
        writeln!(
            f,
            "{} documents; gold: named HUMAN_PART_PER, HUMAN_PART_ORG and LOC_* mentions in annotated sentences",
            t.documents
        )?;
        writeln!(
            f,
            "mentions (span overlap)               gold   ours  found correct"
        )?;
        for (kind, counts) in KINDS.iter().zip(&t.by_kind) {
            write_mentions(f, kind.as_str(), *counts)?;
        }
        write_mentions(f, "all (kind ignored)", t.all)?;
        writeln!(
            f,
            "  (ours in the last row include {} mentions of kind other, which match no gold kind above)",
            t.ours_other
        )?;
        writeln!(
            f,
            "gold entities named in 2+ articles reached by one of our entities: {}",
            share(t.reached_instances, t.cross_document_instances)
        )?;
        writeln!(
            f,
            "cross-report merges over matched mentions (pairs from different articles)"
        )?;
        write_links(f, "our entities", t.merges)?;
        write_links(f, "same string", t.string_merges)?;
        let c = &self.coref;
        writeln!(
            f,
            "our entities as clusters of the {} matched mentions: MUC F1 {:.3}, B³ F1 {:.3}, CEAF-e F1 {:.3}, CoNLL F1 {:.3}",
            t.all.aligned,
            c.muc.f1(),
            c.b_cubed.f1(),
            c.ceaf_e.f1(),
            c.conll_f1()
        )
    }
}

fn write_mentions(f: &mut fmt::Formatter<'_>, name: &str, counts: MentionCounts) -> fmt::Result {
    writeln!(
        f,
        "  {name:<34} {:>5}  {:>5}  {:>5}  {:>5}   {}",
        counts.gold,
        counts.ours,
        counts.found,
        counts.correct,
        counts.scores()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_drops_case_and_punctuation() {
        assert_eq!(normalized("Al-Jazeera"), "aljazeera");
        assert_eq!(normalized("  U.S.   Navy "), "us navy");
        assert_eq!(normalized("O'Brien's"), "obriens");
    }

    #[test]
    fn title_case_lines_are_recognized() {
        let token = |id: u32, text: &str| crate::ecbplus::Token {
            id,
            sentence: 0,
            number: id,
            text: text.to_string(),
            span: Span::new(0, 0),
        };
        let title = [
            token(1, "Storm"),
            token(2, "Floods"),
            token(3, "Coastal"),
            token(4, "Towns"),
        ];
        assert!(is_title_case(&title));
        let plain = [
            token(1, "Storm"),
            token(2, "floods"),
            token(3, "coastal"),
            token(4, "towns"),
        ];
        assert!(!is_title_case(&plain));
    }
}
