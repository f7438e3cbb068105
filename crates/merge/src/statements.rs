//! Statement conflicts: the same proposition asserted by one source and
//! contradicted by another.
//!
//! Two general mechanisms:
//! * **opposed predicates** about one person: a table of predicate pairs
//!   (left the country ↔ remained in the country) matched in sentences
//!   that name the same entity (by name, or by a title such as "the
//!   president" that the entity carries);
//! * **denials**: an attribution with the `denied` hedge whose content
//!   shares most of its content words with a sentence another report
//!   asserts.

use std::collections::{BTreeSet, HashMap};

use corroborate_model::{
    AnnotatedReport, Attribution, Conflict, ConflictKind, ConflictSide, Entity, EntityKind, Hedge,
    Span,
};

use crate::entities::EntityIndex;
use crate::lexical::content_words;

mod assertions;

use assertions::AssertionIndex;

/// (proposition, phrases asserting it, phrases asserting its opposite).
const OPPOSED_PREDICATES: &[(&str, &[&str], &[&str])] = &[(
    "left the country",
    &[
        "left the country",
        "fled the country",
        "fled abroad",
        "flew out of the country",
        "went into exile",
        "has left the country",
    ],
    &[
        "remained in the capital",
        "remained in the country",
        "stayed in the capital",
        "stayed in the country",
        "has not left the country",
        "did not leave the country",
        "never left the country",
        "is still in the country",
        "remains in the country",
        "remains in the capital",
    ],
)];

/// Denied content must share this much with an assertion to contradict it.
const DENIAL_SIMILARITY: f64 = 0.35;

struct Stance {
    report: usize,
    sentence: Span,
    entity: usize,
    proposition: &'static str,
    affirms: bool,
}

pub(crate) fn statement_conflicts(
    reports: &[AnnotatedReport],
    entities: &EntityIndex,
) -> Vec<Conflict> {
    let mut conflicts = opposed_predicate_conflicts(reports, entities);
    conflicts.extend(denial_conflicts(reports));
    conflicts
}

/// Every affirming stance against every denying stance on the same
/// (entity, proposition) in another report, one conflict per report pair;
/// stances are blocked by (entity, proposition) so that only those meet.
fn opposed_predicate_conflicts(
    reports: &[AnnotatedReport],
    entities: &EntityIndex,
) -> Vec<Conflict> {
    let stances = collect_stances(reports, entities);
    let mut denials_of: HashMap<(usize, &str), Vec<&Stance>> = HashMap::new();
    for b in stances.iter().filter(|b| !b.affirms) {
        denials_of
            .entry((b.entity, b.proposition))
            .or_default()
            .push(b);
    }
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for a in stances.iter().filter(|a| a.affirms) {
        let Some(denials) = denials_of.get(&(a.entity, a.proposition)) else {
            continue;
        };
        for b in denials.iter().filter(|b| b.report != a.report) {
            let pair_key = (
                a.entity,
                a.proposition,
                a.report.min(b.report),
                a.report.max(b.report),
            );
            if seen.insert(pair_key) {
                out.push(opposed_conflict(reports, entities, a, b));
            }
        }
    }
    out
}

fn opposed_conflict(
    reports: &[AnnotatedReport],
    entities: &EntityIndex,
    affirming: &Stance,
    denying: &Stance,
) -> Conflict {
    let entity = &entities.entities[affirming.entity];
    Conflict {
        id: String::new(),
        kind: ConflictKind::Statement,
        items: vec![entity.id.clone()],
        explanation: format!(
            "One source says {} {}, another says the opposite.",
            entity.name, affirming.proposition
        ),
        sides: vec![
            side(reports, affirming.report, affirming.sentence, "asserts"),
            side(reports, denying.report, denying.sentence, "contradicts"),
        ],
    }
}

fn collect_stances(reports: &[AnnotatedReport], entities: &EntityIndex) -> Vec<Stance> {
    let mut out = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        let a = &report.annotations;
        for &sentence in &a.sentences {
            let Some(text) = sentence.slice(&report.report.text) else {
                continue;
            };
            let lower = text.to_lowercase();
            for (proposition, affirm, deny) in OPPOSED_PREDICATES {
                let affirms = affirm.iter().any(|p| lower.contains(p))
                    && !deny.iter().any(|p| lower.contains(p));
                let denies = deny.iter().any(|p| lower.contains(p));
                if !(affirms || denies) {
                    continue;
                }
                if let Some(entity) = subject_entity(report, r, sentence, &lower, entities) {
                    out.push(Stance {
                        report: r,
                        sentence,
                        entity,
                        proposition,
                        affirms,
                    });
                }
            }
        }
    }
    out
}

/// The person a sentence is about: the first person named in it, else the
/// best-known person carrying a title the sentence uses ("the president").
fn subject_entity(
    report: &AnnotatedReport,
    r: usize,
    sentence: Span,
    lower: &str,
    entities: &EntityIndex,
) -> Option<usize> {
    let named = report
        .annotations
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| sentence.contains(m.span))
        .filter_map(|(m, _)| entities.mention_entity.get(r)?.get(m).copied())
        .find(|&e| entities.entities[e].kind == EntityKind::Person);
    named.or_else(|| titled_person(lower, &entities.entities))
}

fn titled_person(lower: &str, entities: &[Entity]) -> Option<usize> {
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .filter(|(_, e)| {
            e.titles.iter().any(|t| {
                let title = t.to_lowercase();
                let head = title.rsplit(' ').next().unwrap_or(&title).to_string();
                lower.contains(&format!("the {head}"))
            })
        })
        .max_by_key(|(_, e)| e.mentions)
        .map(|(i, _)| i)
}

fn denial_conflicts(reports: &[AnnotatedReport]) -> Vec<Conflict> {
    let denials = collect_denials(reports);
    if denials.is_empty() {
        return Vec::new();
    }
    let index = assertion_index(reports);
    let mut out = Vec::new();
    for (r, denial, denied_words) in denials {
        if let Some((other, sentence)) = index.best_match(&denied_words, r, DENIAL_SIMILARITY) {
            out.push(Conflict {
                id: String::new(),
                kind: ConflictKind::Statement,
                items: Vec::new(),
                explanation: format!(
                    "{} denied what another report states.",
                    denial.speaker.as_deref().unwrap_or("A source")
                ),
                sides: vec![
                    side(reports, other, sentence, "asserts"),
                    ConflictSide {
                        speaker: denial.speaker.clone(),
                        ..side(reports, r, denial.span, "denies")
                    },
                ],
            });
        }
    }
    out
}

/// Denials with enough content to match: (report, attribution, words).
fn collect_denials(reports: &[AnnotatedReport]) -> Vec<(usize, &Attribution, BTreeSet<String>)> {
    let mut out = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        for denial in report
            .annotations
            .attributions
            .iter()
            .filter(|a| a.hedge == Hedge::Denied)
        {
            let Some(content) = denial.content.slice(&report.report.text) else {
                continue;
            };
            let denied_words = content_words(content);
            if denied_words.len() >= 3 {
                out.push((r, denial, denied_words));
            }
        }
    }
    out
}

/// Every sentence a report asserts (one that does not itself report a
/// denial), indexed by its content words.
fn assertion_index(reports: &[AnnotatedReport]) -> AssertionIndex {
    let mut index = AssertionIndex::default();
    for (r, report) in reports.iter().enumerate() {
        for (s, &sentence) in report.annotations.sentences.iter().enumerate() {
            let Some(text) = sentence.slice(&report.report.text) else {
                continue;
            };
            if text.to_lowercase().contains("denied") {
                continue;
            }
            index.add(r, s, sentence, &content_words(text));
        }
    }
    index
}

fn side(reports: &[AnnotatedReport], r: usize, span: Span, says: &str) -> ConflictSide {
    let report = &reports[r];
    ConflictSide {
        report: report.report.meta.id.clone(),
        quote: span
            .slice(&report.report.text)
            .unwrap_or_default()
            .to_string(),
        start: span.start,
        end: span.end,
        says: says.to_string(),
        speaker: speaker_of(report, span),
    }
}

/// Who says what a quote states: the speaker of an attribution in it, or
/// the report's own voice (`None`).
fn speaker_of(report: &AnnotatedReport, span: Span) -> Option<String> {
    report
        .annotations
        .attributions
        .iter()
        .filter(|a| span.overlaps(a.span))
        .find_map(|a| a.speaker.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{merge_entities, NoGeocoder};
    use crate::test_support::*;
    use corroborate_model::{Attribution, Voice};

    #[test]
    fn left_versus_remained_is_a_statement_conflict() {
        let mut a = report(
            "a",
            None,
            &["Witnesses said Pavel Ostrov left the country on Friday."],
        );
        add_mention(&mut a, "Pavel Ostrov", EntityKind::Person);
        let mut b = report(
            "b",
            None,
            &["Aides insisted that Ostrov remained in the capital throughout."],
        );
        add_mention(&mut b, "Ostrov", EntityKind::Person);
        let reports = [a, b];
        let index = merge_entities(&reports, &NoGeocoder);
        let got = statement_conflicts(&reports, &index);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].kind, ConflictKind::Statement);
        assert_eq!(got[0].sides[0].report, "a");
        assert_eq!(got[0].sides[1].report, "b");
        assert!(got[0].explanation.contains("Pavel Ostrov left the country"));
        assert_eq!(
            got[0].sides[0].speaker, None,
            "no attribution: the report's own voice"
        );
    }

    #[test]
    fn a_denial_contradicts_the_matching_assertion() {
        let a = report(
            "a",
            None,
            &["Foreign mercenaries attacked the airport in Lirona on Wednesday."],
        );
        let mut b = report(
            "b",
            None,
            &["The ministry denied that foreign mercenaries attacked the Lirona airport."],
        );
        let content_start = b.report.text.find("foreign").expect("present");
        let end = b.report.text.len();
        b.annotations.attributions.push(Attribution {
            span: Span::new(0, end),
            speaker: Some("The ministry".into()),
            speaker_span: Some(Span::new(0, 12)),
            cue: "denied".into(),
            cue_span: Span::new(13, 19),
            content: Span::new(content_start, end),
            hedge: Hedge::Denied,
            voice: Voice::Quoted,
        });
        let reports = [a, b];
        let index = merge_entities(&reports, &NoGeocoder);
        let got = statement_conflicts(&reports, &index);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].sides[1].speaker.as_deref(), Some("The ministry"));
    }

    #[test]
    fn each_side_names_its_speaker() {
        let mut a = report(
            "a",
            None,
            &["Witnesses said Pavel Ostrov left the country on Friday."],
        );
        add_mention(&mut a, "Pavel Ostrov", EntityKind::Person);
        let end = a.report.text.len();
        a.annotations.attributions.push(Attribution {
            span: Span::new(0, end),
            speaker: Some("Witnesses".into()),
            speaker_span: Some(Span::new(0, 9)),
            cue: "said".into(),
            cue_span: Span::new(10, 14),
            content: Span::new(15, end),
            hedge: Hedge::Reported,
            voice: Voice::Quoted,
        });
        let mut b = report("b", None, &["Ostrov remained in the capital throughout."]);
        add_mention(&mut b, "Ostrov", EntityKind::Person);
        let reports = [a, b];
        let index = merge_entities(&reports, &NoGeocoder);
        let got = statement_conflicts(&reports, &index);
        assert_eq!(got[0].sides[0].speaker.as_deref(), Some("Witnesses"));
        assert_eq!(got[0].sides[1].speaker, None);
    }

    #[test]
    fn agreeing_reports_make_no_conflict() {
        let mut a = report("a", None, &["Pavel Ostrov left the country on Friday."]);
        add_mention(&mut a, "Pavel Ostrov", EntityKind::Person);
        let mut b = report("b", None, &["Ostrov fled the country with his family."]);
        add_mention(&mut b, "Ostrov", EntityKind::Person);
        let reports = [a, b];
        let index = merge_entities(&reports, &NoGeocoder);
        assert!(statement_conflicts(&reports, &index).is_empty());
    }
}
