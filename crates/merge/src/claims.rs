//! Claims: figures side by side across reports.
//!
//! Every quantity with a concept becomes a *figure*: measure, scope, value
//! interval, as-of date, speaker and hedge, and its quote. Figures are
//! grouped by measure and normalized scope, then split into *episodes*:
//! figures whose as-of dates lie more than [`EPISODE_GAP_DAYS`] apart are
//! about different happenings (arrests in 2016 are not arrests in 2022).
//! Within a group, figures whose intervals share a common part form one
//! claim (greedy sweep over sorted intervals). Two claims of a group
//! whose intervals are disjoint are:
//! * a **series** when both as-of dates are known from the text or from a
//!   known publication date, they differ, and the later figure is larger;
//! * a **conflict** otherwise (same or unknown time, or a falling figure).
//!
//! A claim's status: `conflicting` when it conflicts with another claim,
//! else `series` when part of a series, else `corroborated` with two or more
//! independent reports, else `single`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use corroborate_model::{
    AnnotatedReport, Attribution, Claim, ClaimSource, ClaimStatus, Conflict, ConflictKind,
    ConflictSide, DateOrigin, Hedge, Interval, Quantity, Span, TimexType,
};

use crate::copies::CopyInfo;

pub const EPISODE_GAP_DAYS: i64 = 30;

/// Scope words that name one class of people, mapped to its label.
const SCOPE_CLASSES: &[(&[&str], &str)] = &[
    (
        &[
            "security",
            "police",
            "law enforcement",
            "officer",
            "servicemen",
            "serviceman",
            "soldier",
            "troops",
            "guards",
            "military",
        ],
        "security forces",
    ),
    (&["civilian"], "civilians"),
    (&["child", "minor"], "children"),
    (&["journalist", "reporter"], "journalists"),
    (&["foreign"], "foreigners"),
];

struct Figure<'a> {
    report: usize,
    copy_group: usize,
    quantity_index: usize,
    quantity: &'a Quantity,
    quote: Span,
    measure: String,
    scope: String,
    as_of: Option<NaiveDate>,
    /// The as-of date comes from the text or a known publication date.
    as_of_certain: bool,
    speaker: Option<String>,
    hedge: Option<Hedge>,
}

pub struct MergedClaims {
    pub claims: Vec<Claim>,
    pub conflicts: Vec<Conflict>,
}

pub fn merge_claims(reports: &[AnnotatedReport], copies: &[CopyInfo]) -> MergedClaims {
    let figures = collect_figures(reports, copies);
    let mut groups: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        groups
            .entry((f.measure.clone(), f.scope.clone()))
            .or_default()
            .push(i);
    }
    let mut builder = LedgerBuilder::default();
    for ((measure, scope), members) in groups {
        for episode in split_episodes(&figures, members) {
            builder.add_group(reports, &figures, &measure, &scope, &episode);
        }
    }
    builder.link_sub_counts(reports, &figures);
    builder.finish()
}

fn collect_figures<'a>(reports: &'a [AnnotatedReport], copies: &[CopyInfo]) -> Vec<Figure<'a>> {
    let mut out = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        let a = &report.annotations;
        for (qi, q) in a.quantities.iter().enumerate() {
            let Some(measure) = q.concept.clone() else {
                continue;
            };
            let quote = a
                .sentence_at(q.span.start)
                .and_then(|s| a.sentences.get(s).copied())
                .unwrap_or(q.span);
            let attribution = covering_attribution(&a.attributions, q.span, quote);
            let (as_of, as_of_certain) = as_of_date(report, quote, attribution);
            out.push(Figure {
                report: r,
                copy_group: copies.get(r).map_or(r, |c| c.group),
                quantity_index: qi,
                quantity: q,
                quote,
                measure,
                scope: normalize_scope(q.scope.as_deref()),
                as_of,
                as_of_certain,
                speaker: attribution.and_then(|at| at.speaker.clone()),
                hedge: attribution.map(|at| at.hedge),
            });
        }
    }
    out
}

/// The attribution saying this figure: one whose content holds it, else a
/// speakerless hedge in the same sentence.
fn covering_attribution(
    attributions: &[Attribution],
    figure: Span,
    sentence: Span,
) -> Option<&Attribution> {
    attributions
        .iter()
        .filter(|at| at.content.contains(figure) || at.span.contains(figure))
        .min_by_key(|at| at.span.len())
        .or_else(|| {
            attributions
                .iter()
                .find(|at| at.speaker.is_none() && sentence.contains(at.cue_span))
        })
}

/// As-of date: a day- or month-precise date in the sentence (its last
/// day), else the publication date (certain only when not inferred).
fn as_of_date(
    report: &AnnotatedReport,
    sentence: Span,
    attribution: Option<&Attribution>,
) -> (Option<NaiveDate>, bool) {
    let in_sentence = report
        .annotations
        .timexes
        .iter()
        .filter(|t| t.timex_type == TimexType::Date && sentence.contains(t.span))
        .filter_map(|t| Some((t.start?, t.end?, t.inferred)))
        .filter(|(start, end, _)| (*end - *start).num_days() <= 31)
        .last();
    if let Some((_, end, inferred)) = in_sentence {
        return (Some(end), !inferred);
    }
    let meta = &report.report.meta;
    let known = !matches!(
        meta.published_origin,
        DateOrigin::Inferred | DateOrigin::Unknown
    );
    let as_of_writing = attribution.is_some_and(|a| a.hedge == Hedge::AsOfWriting);
    (
        meta.published,
        known && (as_of_writing || meta.published.is_some()),
    )
}

fn normalize_scope(scope: Option<&str>) -> String {
    let Some(scope) = scope else {
        return String::new();
    };
    let lower = scope.to_lowercase();
    SCOPE_CLASSES
        .iter()
        .find(|(words, _)| words.iter().any(|w| lower.contains(w)))
        .map_or(lower.trim().to_string(), |(_, label)| label.to_string())
}

/// Splits a group where consecutive as-of dates are over a month apart;
/// figures with no date join the latest episode.
fn split_episodes(figures: &[Figure], mut members: Vec<usize>) -> Vec<Vec<usize>> {
    members.sort_by_key(|&i| figures[i].as_of);
    let mut episodes: Vec<Vec<usize>> = Vec::new();
    let mut last: Option<NaiveDate> = None;
    for i in members {
        match (figures[i].as_of, last) {
            (Some(d), Some(prev)) if (d - prev).num_days() > EPISODE_GAP_DAYS => {
                episodes.push(vec![i])
            }
            _ => match episodes.last_mut() {
                Some(episode) => episode.push(i),
                None => episodes.push(vec![i]),
            },
        }
        if figures[i].as_of.is_some() {
            last = figures[i].as_of;
        }
    }
    episodes
}

#[derive(Default)]
struct LedgerBuilder {
    claims: Vec<Claim>,
    conflicts: Vec<Conflict>,
    /// (report, quantity index) → claim index.
    claim_of_quantity: BTreeMap<(usize, usize), usize>,
    groups: usize,
}

struct Draft {
    members: Vec<usize>,
    interval: Interval,
}

impl LedgerBuilder {
    fn add_group(
        &mut self,
        reports: &[AnnotatedReport],
        figures: &[Figure],
        measure: &str,
        scope: &str,
        members: &[usize],
    ) {
        self.groups += 1;
        let group_id = format!("grp-{}", self.groups);
        let drafts = agreeing_sets(figures, members);
        let first_claim = self.claims.len();
        for draft in &drafts {
            let claim = self.claim(reports, figures, draft, measure, scope, &group_id);
            for &m in &draft.members {
                self.claim_of_quantity.insert(
                    (figures[m].report, figures[m].quantity_index),
                    self.claims.len(),
                );
            }
            self.claims.push(claim);
        }
        self.relate_claims(reports, figures, &drafts, first_claim);
    }

    fn claim(
        &self,
        reports: &[AnnotatedReport],
        figures: &[Figure],
        draft: &Draft,
        measure: &str,
        scope: &str,
        group: &str,
    ) -> Claim {
        let copy_groups: BTreeSet<usize> = draft
            .members
            .iter()
            .map(|&m| figures[m].copy_group)
            .collect();
        let as_of = draft.members.iter().filter_map(|&m| figures[m].as_of).max();
        let independent = copy_groups.len();
        let (status, explanation) = if independent >= 2 {
            (
                ClaimStatus::Corroborated,
                format!(
                    "{independent} independent reports give compatible figures; all fit {}.",
                    draft.interval.notation()
                ),
            )
        } else {
            (
                ClaimStatus::Single,
                "Only one independent report states this figure.".to_string(),
            )
        };
        Claim {
            id: format!("clm-{}", self.claims.len() + 1),
            measure: measure.to_string(),
            subject: scope.to_string(),
            low: draft.interval.low,
            high: draft.interval.high,
            low_inclusive: draft.interval.low_inclusive,
            high_inclusive: draft.interval.high_inclusive,
            as_of,
            sources: draft
                .members
                .iter()
                .map(|&m| claim_source(reports, &figures[m]))
                .collect(),
            status,
            conflicts_with: Vec::new(),
            group: group.to_string(),
            explanation,
            independent_sources: independent,
            part_of: None,
        }
    }

    /// Marks series and conflicts between the disjoint claims of a group.
    fn relate_claims(
        &mut self,
        reports: &[AnnotatedReport],
        figures: &[Figure],
        drafts: &[Draft],
        first: usize,
    ) {
        let mut series_members = BTreeSet::new();
        for a in 0..drafts.len() {
            for b in a + 1..drafts.len() {
                let (da, db) = (&drafts[a], &drafts[b]);
                if is_series_step(figures, da, db) || is_series_step(figures, db, da) {
                    series_members.insert(first + a);
                    series_members.insert(first + b);
                } else {
                    self.add_number_conflict(reports, figures, first + a, first + b, da, db);
                }
            }
        }
        if series_members.len() >= 2 {
            let explanation = self.series_explanation(&series_members);
            for &c in &series_members {
                let claim = &mut self.claims[c];
                if claim.status != ClaimStatus::Conflicting {
                    claim.status = ClaimStatus::Series;
                    claim.explanation = explanation.clone();
                }
            }
        }
    }

    fn series_explanation(&self, members: &BTreeSet<usize>) -> String {
        let mut steps: Vec<(Option<NaiveDate>, String)> = members
            .iter()
            .map(|&c| {
                let claim = &self.claims[c];
                (claim.as_of, claim.interval().notation())
            })
            .collect();
        steps.sort();
        let listed: Vec<String> = steps
            .into_iter()
            .map(|(date, value)| match date {
                Some(d) => format!("{value} ({})", d.format("%-d %b %Y")),
                None => value,
            })
            .collect();
        format!("The figure changes over time: {}.", listed.join(" → "))
    }

    fn add_number_conflict(
        &mut self,
        reports: &[AnnotatedReport],
        figures: &[Figure],
        ca: usize,
        cb: usize,
        da: &Draft,
        db: &Draft,
    ) {
        let (ida, idb) = (self.claims[ca].id.clone(), self.claims[cb].id.clone());
        let explanation = format!(
            "{} {}: {} and {} do not overlap{}.",
            self.claims[ca].measure,
            scope_phrase(&self.claims[ca].subject),
            da.interval.notation(),
            db.interval.notation(),
            time_phrase(figures, da, db)
        );
        for (c, other) in [(ca, &idb), (cb, &ida)] {
            let claim = &mut self.claims[c];
            claim.status = ClaimStatus::Conflicting;
            claim.conflicts_with.push(other.clone());
            claim.explanation = format!("Conflicts with {other}: {explanation}");
        }
        let sides = [da, db]
            .iter()
            .filter_map(|d| d.members.first())
            .map(|&m| conflict_side(reports, &figures[m]))
            .collect();
        self.conflicts.push(Conflict {
            id: String::new(),
            kind: ConflictKind::Number,
            items: vec![ida, idb],
            explanation: format!("Reports disagree on the figure for {explanation}"),
            sides,
        });
    }

    /// A figure stated as part of a total points at the total's claim; a
    /// part larger than its total is a number conflict.
    fn link_sub_counts(&mut self, reports: &[AnnotatedReport], figures: &[Figure]) {
        for f in figures {
            let Some(total) = f.quantity.part_of else {
                continue;
            };
            let (Some(&part_claim), Some(&total_claim)) = (
                self.claim_of_quantity.get(&(f.report, f.quantity_index)),
                self.claim_of_quantity.get(&(f.report, total)),
            ) else {
                continue;
            };
            let total_id = self.claims[total_claim].id.clone();
            self.claims[part_claim].part_of = Some(total_id.clone());
            let fits = reports
                .get(f.report)
                .and_then(|r| r.annotations.quantities.get(total))
                .is_none_or(|t| f.quantity.interval.can_be_part_of(&t.interval));
            if !fits {
                let part_id = self.claims[part_claim].id.clone();
                self.conflicts.push(Conflict {
                    id: String::new(),
                    kind: ConflictKind::Number,
                    items: vec![part_id, total_id],
                    explanation: "A sub-count is larger than the total it is part of.".to_string(),
                    sides: vec![conflict_side(reports, f)],
                });
            }
        }
    }

    /// Conflict ids are left empty: the caller numbers all conflicts.
    fn finish(self) -> MergedClaims {
        MergedClaims {
            claims: self.claims,
            conflicts: self.conflicts,
        }
    }
}

/// Greedy sweep: sorted by lower bound, a figure joins the current set
/// while the running intersection stays non-empty.
fn agreeing_sets(figures: &[Figure], members: &[usize]) -> Vec<Draft> {
    let mut sorted = members.to_vec();
    sorted.sort_by(|&a, &b| {
        let key = |i: usize| figures[i].quantity.interval.low.unwrap_or(f64::MIN);
        key(a).total_cmp(&key(b))
    });
    let mut drafts: Vec<Draft> = Vec::new();
    for i in sorted {
        let interval = figures[i].quantity.interval;
        if let Some(current) = drafts.last_mut() {
            if let Some(common) = current.interval.intersection(&interval) {
                current.interval = common;
                current.members.push(i);
                continue;
            }
        }
        drafts.push(Draft {
            members: vec![i],
            interval,
        });
    }
    drafts
}

/// `earlier` → `later` is a step of a rising series: both dated with
/// certainty, on different days, and the later figure lies above.
fn is_series_step(figures: &[Figure], earlier: &Draft, later: &Draft) -> bool {
    let dates = |d: &Draft| -> Option<NaiveDate> {
        let certain = d.members.iter().all(|&m| figures[m].as_of_certain);
        certain
            .then(|| d.members.iter().filter_map(|&m| figures[m].as_of).max())
            .flatten()
    };
    match (dates(earlier), dates(later)) {
        (Some(a), Some(b)) if a < b => match (earlier.interval.high, later.interval.low) {
            (Some(high), Some(low)) => high <= low,
            _ => false,
        },
        _ => false,
    }
}

fn time_phrase(figures: &[Figure], a: &Draft, b: &Draft) -> String {
    let date = |d: &Draft| d.members.iter().filter_map(|&m| figures[m].as_of).max();
    match (date(a), date(b)) {
        (Some(x), Some(y)) if x == y => format!(" for the same date ({})", x.format("%-d %b %Y")),
        (Some(_), Some(_)) => {
            " and the figure does not rise over time as a series would".to_string()
        }
        _ => " and no dates tell them apart".to_string(),
    }
}

fn scope_phrase(scope: &str) -> String {
    if scope.is_empty() {
        String::new()
    } else {
        format!("({scope})")
    }
}

fn claim_source(reports: &[AnnotatedReport], f: &Figure) -> ClaimSource {
    let report = &reports[f.report];
    let interval = f.quantity.interval;
    ClaimSource {
        report: report.report.meta.id.clone(),
        quote: f
            .quote
            .slice(&report.report.text)
            .unwrap_or_default()
            .to_string(),
        start: f.quote.start,
        end: f.quote.end,
        speaker: f.speaker.clone(),
        hedge: f.hedge.map(|h| h.as_str().to_string()),
        text: f.quantity.text.clone(),
        low: interval.low,
        high: interval.high,
        low_inclusive: interval.low_inclusive,
        high_inclusive: interval.high_inclusive,
        as_of: f.as_of,
    }
}

fn conflict_side(reports: &[AnnotatedReport], f: &Figure) -> ConflictSide {
    let report = &reports[f.report];
    ConflictSide {
        report: report.report.meta.id.clone(),
        quote: f
            .quote
            .slice(&report.report.text)
            .unwrap_or_default()
            .to_string(),
        start: f.quote.start,
        end: f.quote.end,
        says: format!("{} = {}", f.quantity.text, f.quantity.interval.notation()),
        speaker: f.speaker.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find_report_copies;
    use crate::test_support::*;

    fn more_than(n: f64) -> Interval {
        Interval {
            low: Some(n),
            high: None,
            low_inclusive: false,
            high_inclusive: false,
        }
    }

    fn below(low: f64, n: f64) -> Interval {
        Interval {
            low: Some(low),
            high: Some(n),
            low_inclusive: true,
            high_inclusive: false,
        }
    }

    fn run(reports: &[AnnotatedReport]) -> MergedClaims {
        merge_claims(reports, &find_report_copies(reports))
    }

    #[test]
    fn compatible_figures_are_one_corroborated_claim() {
        let mut a = report(
            "a",
            Some(day(3, 7)),
            &["More than 300 people were arrested in the capital overnight."],
        );
        add_quantity(
            &mut a,
            "More than 300",
            300.0,
            more_than(300.0),
            "detained",
            None,
        );
        let mut b = report(
            "b",
            Some(day(3, 7)),
            &["Police have detained nearly 350 protesters since the unrest began."],
        );
        add_quantity(
            &mut b,
            "nearly 350",
            350.0,
            below(330.0, 350.0),
            "detained",
            None,
        );
        let got = run(&[a, b]);
        assert_eq!(got.claims.len(), 1);
        let claim = &got.claims[0];
        assert_eq!(claim.status, ClaimStatus::Corroborated);
        assert_eq!((claim.low, claim.high), (Some(330.0), Some(350.0)));
        assert_eq!(claim.independent_sources, 2);
        assert!(got.conflicts.is_empty());
    }

    #[test]
    fn disjoint_figures_at_one_time_conflict() {
        let mut a = report(
            "a",
            Some(day(3, 8)),
            &["Just over 1,500 troops had arrived by Friday."],
        );
        add_quantity(
            &mut a,
            "Just over 1,500",
            1500.0,
            Interval {
                low: Some(1500.0),
                high: Some(1575.0),
                low_inclusive: false,
                high_inclusive: true,
            },
            "troops",
            None,
        );
        let mut b = report(
            "b",
            Some(day(3, 8)),
            &["Almost 3,000 troops are now in the country."],
        );
        add_quantity(
            &mut b,
            "Almost 3,000",
            3000.0,
            below(2850.0, 3000.0),
            "troops",
            None,
        );
        let got = run(&[a, b]);
        assert_eq!(got.claims.len(), 2);
        assert!(got
            .claims
            .iter()
            .all(|c| c.status == ClaimStatus::Conflicting));
        assert_eq!(got.claims[0].conflicts_with, vec![got.claims[1].id.clone()]);
        assert_eq!(got.conflicts.len(), 1);
        assert_eq!(got.conflicts[0].kind, ConflictKind::Number);
        assert!(
            got.conflicts[0].explanation.contains("same date"),
            "{}",
            got.conflicts[0].explanation
        );
    }

    #[test]
    fn rising_figures_on_different_days_are_a_series() {
        let mut reports = Vec::new();
        for (id, d, n) in [("a", 6, 40.0), ("b", 8, 95.0), ("c", 12, 164.0)] {
            let sentence = format!("The death toll stood at {n} people killed.");
            let mut r = report(id, Some(day(3, d)), &[&sentence]);
            add_quantity(
                &mut r,
                &format!("{n}"),
                n,
                Interval::exact(n),
                "killed",
                None,
            );
            reports.push(r);
        }
        let got = run(&reports);
        assert_eq!(got.claims.len(), 3);
        assert!(
            got.claims.iter().all(|c| c.status == ClaimStatus::Series),
            "{:?}",
            got.claims
        );
        assert!(got.claims[0]
            .explanation
            .contains("40 (6 Mar 2024) → 95 (8 Mar 2024) → 164 (12 Mar 2024)"));
        assert!(got.conflicts.is_empty());
    }

    #[test]
    fn figures_years_apart_are_different_episodes() {
        let mut a = report(
            "a",
            Some(day(3, 8)),
            &[
                "Dozens were arrested in 2016 during the land protests.",
                "More than 300 were arrested this week.",
            ],
        );
        let t = add_timex(
            &mut a,
            "2016",
            NaiveDate::from_ymd_opt(2016, 12, 31).expect("date"),
        );
        a.annotations.timexes[t].start = NaiveDate::from_ymd_opt(2016, 1, 1);
        add_quantity(
            &mut a,
            "Dozens",
            24.0,
            Interval::closed(24.0, 99.0),
            "detained",
            None,
        );
        add_quantity(
            &mut a,
            "More than 300",
            300.0,
            more_than(300.0),
            "detained",
            None,
        );
        // The 2016 figure spans a year, so it gives no as-of date; put it in 2016 explicitly.
        a.annotations.timexes[t].end = NaiveDate::from_ymd_opt(2016, 1, 31);
        let got = run(&[a]);
        assert_eq!(got.claims.len(), 2);
        assert_ne!(got.claims[0].group, got.claims[1].group);
        assert!(got.conflicts.is_empty());
    }

    #[test]
    fn scopes_of_one_class_are_compared() {
        let mut a = report(
            "a",
            None,
            &["At least eighteen security officers were killed."],
        );
        add_quantity(
            &mut a,
            "At least eighteen",
            18.0,
            Interval {
                low: Some(18.0),
                high: None,
                low_inclusive: true,
                high_inclusive: false,
            },
            "killed",
            Some("security officers"),
        );
        let mut b = report(
            "b",
            None,
            &["In all 225 died, including 19 from law enforcement."],
        );
        let total = add_quantity(&mut b, "225", 225.0, Interval::exact(225.0), "killed", None);
        let part = add_quantity(
            &mut b,
            "19",
            19.0,
            Interval::exact(19.0),
            "killed",
            Some("law enforcement"),
        );
        b.annotations.quantities[part].part_of = Some(total);
        let got = run(&[a, b]);
        let security: Vec<_> = got
            .claims
            .iter()
            .filter(|c| c.subject == "security forces")
            .collect();
        assert_eq!(security.len(), 1);
        assert_eq!(security[0].status, ClaimStatus::Corroborated);
        let total_claim = got
            .claims
            .iter()
            .find(|c| c.low == Some(225.0))
            .expect("total claim");
        assert_eq!(
            security[0].part_of.as_deref(),
            Some(total_claim.id.as_str())
        );
    }

    #[test]
    fn sub_count_larger_than_total_is_a_conflict() {
        let mut a = report(
            "a",
            None,
            &["In all 20 died, including 30 police officers."],
        );
        let total = add_quantity(&mut a, "20", 20.0, Interval::exact(20.0), "killed", None);
        let part = add_quantity(
            &mut a,
            "30",
            30.0,
            Interval::exact(30.0),
            "killed",
            Some("police officers"),
        );
        a.annotations.quantities[part].part_of = Some(total);
        let got = run(&[a]);
        assert!(got
            .conflicts
            .iter()
            .any(|c| c.explanation.contains("sub-count")));
    }
}
