//! Claims: figures side by side across reports.
//!
//! Every quantity with a concept becomes a *figure*: measure, scope, value
//! interval, as-of date, speaker and hedge, and its quote (numbers that
//! only describe a speaker, "two officials said", are left out). Figures
//! are grouped by measure, scope class (security forces, civilians, …) and
//! location (the one sub-national place the sentence names, if any), then
//! split into *episodes*:
//! figures whose as-of dates lie more than [`EPISODE_GAP_DAYS`] apart are
//! about different happenings (arrests in 2016 are not arrests in 2022).
//! Within a group, figures whose intervals share a common part form one
//! claim (greedy sweep over sorted intervals). Two claims of a group
//! whose intervals are disjoint are:
//! * a **series** when the figures whose as-of dates are certain (from the
//!   text or a known publication date) are all given for different days —
//!   a toll that rises, a contingent that shrinks;
//! * a **conflict** otherwise (the same day, or no certain dates).
//!
//! Generic measures ("people", "officials") are listed but never compared:
//! two counts of "people" rarely count the same people.
//!
//! A claim's status: `conflicting` when it conflicts with another claim,
//! else `series` when part of a series, else `corroborated` with two or more
//! independent reports, else `single`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use corroborate_model::{
    AnnotatedReport, Attribution, Claim, ClaimSource, ClaimStatus, Conflict, ConflictKind,
    ConflictSide, DateOrigin, Hedge, Interval, Quantity, Span, TimexType, TokenKind,
};

use crate::copies::CopyInfo;

pub(crate) const EPISODE_GAP_DAYS: i64 = 30;

/// Measures too generic to compare across sentences.
const GENERIC_MEASURES: &[&str] = &[
    "people",
    "persons",
    "individuals",
    "officials",
    "residents",
    "sources",
    "members",
    "others",
];

fn is_generic(measure: &str) -> bool {
    GENERIC_MEASURES.contains(&measure)
}

/// Scope words that name one class of people, mapped to its label. Other
/// scopes (an origin, "from member states") do not split a group.
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
    /// The sub-national place the figure is about, if the sentence names one.
    location: Option<String>,
    as_of: Option<NaiveDate>,
    /// The as-of date comes from the text or a known publication date.
    as_of_certain: bool,
    speaker: Option<String>,
    speaker_span: Option<Span>,
    speaker_entity: Option<String>,
    hedge: Option<Hedge>,
}

pub(crate) struct MergedClaims {
    pub claims: Vec<Claim>,
    pub conflicts: Vec<Conflict>,
}

/// Tells which place a sentence is about: `places_in(report, sentence)`
/// gives the names of the sub-national places named in it.
pub(crate) type PlacesIn<'a> = dyn Fn(usize, Span) -> Vec<String> + 'a;

/// The entity a speaker is: `speaker_entity(report, speaker_span, speaker)`.
pub(crate) type SpeakerEntity<'a> = dyn Fn(usize, Option<Span>, &str) -> Option<String> + 'a;

pub(crate) fn merge_claims(
    reports: &[AnnotatedReport],
    copies: &[CopyInfo],
    places_in: &PlacesIn,
    speaker_entity: &SpeakerEntity,
) -> MergedClaims {
    let mut figures = collect_figures(reports, copies, places_in);
    for f in &mut figures {
        f.speaker_entity = f
            .speaker
            .as_deref()
            .and_then(|name| speaker_entity(f.report, f.speaker_span, name));
    }
    let mut groups: BTreeMap<(String, String, Option<String>), Vec<usize>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        groups
            .entry((f.measure.clone(), f.scope.clone(), f.location.clone()))
            .or_default()
            .push(i);
    }
    let mut builder = LedgerBuilder::default();
    for ((measure, scope, location), members) in groups {
        let subject = match location {
            Some(place) if scope.is_empty() => format!("in {place}"),
            Some(place) => format!("{scope} in {place}"),
            None => scope.clone(),
        };
        for episode in split_episodes(&figures, members) {
            builder.add_group(reports, &figures, &measure, &subject, &episode);
        }
    }
    builder.link_sub_counts(reports, &figures);
    builder.finish()
}

fn collect_figures<'a>(
    reports: &'a [AnnotatedReport],
    copies: &[CopyInfo],
    places_in: &PlacesIn,
) -> Vec<Figure<'a>> {
    let mut out = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        let a = &report.annotations;
        for (qi, q) in a.quantities.iter().enumerate() {
            let Some(measure) = q.concept.clone() else {
                continue;
            };
            if describes_a_speaker(&a.attributions, q.span) {
                continue;
            }
            let quote = a
                .sentence_at(q.span.start)
                .and_then(|s| a.sentences.get(s).copied())
                .unwrap_or(q.span);
            let attribution = covering_attribution(&a.attributions, q.span, quote);
            let (as_of, as_of_certain) = as_of_date(report, quote, attribution);
            let places = places_in(r, quote);
            out.push(Figure {
                report: r,
                copy_group: copies.get(r).map_or(r, |c| c.group),
                quantity_index: qi,
                quantity: q,
                quote,
                measure,
                scope: normalize_scope(q.scope.as_deref()),
                location: (places.len() == 1).then(|| places[0].clone()),
                as_of,
                as_of_certain,
                speaker: attribution.and_then(|at| at.speaker.clone()),
                speaker_span: attribution.and_then(|at| at.speaker_span),
                speaker_entity: None,
                hedge: attribution.map(|at| at.hedge),
            });
        }
    }
    out
}

/// "two officials told reporters": the number belongs to the speaker.
fn describes_a_speaker(attributions: &[Attribution], figure: Span) -> bool {
    attributions
        .iter()
        .any(|at| at.speaker_span.is_some_and(|s| s.contains(figure)))
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

/// As-of date: the latest day- to month-precise date in the sentence (its
/// last day); else, unless the figure holds "at the time of writing", a
/// coarser date that sets the time ("in 2011") in the sentence or in the
/// sentences just before it in the paragraph, when over a month before
/// publication; else the publication date. Certain when it comes from the text or
/// from a known publication date.
fn as_of_date(
    report: &AnnotatedReport,
    sentence: Span,
    attribution: Option<&Attribution>,
) -> (Option<NaiveDate>, bool) {
    let dated: Vec<(NaiveDate, NaiveDate, bool)> = report
        .annotations
        .timexes
        .iter()
        .filter(|t| {
            matches!(t.timex_type, TimexType::Date | TimexType::Time) && sentence.contains(t.span)
        })
        .filter_map(|t| Some((t.start?, t.end?, t.inferred)))
        .collect();
    let precise = dated
        .iter()
        .filter(|(start, end, _)| (*end - *start).num_days() <= 31)
        .max_by_key(|(_, end, _)| *end);
    if let Some((_, end, inferred)) = precise {
        return (Some(*end), !inferred);
    }
    let meta = &report.report.meta;
    let as_of_writing = attribution.is_some_and(|a| a.hedge == Hedge::AsOfWriting);
    if !as_of_writing {
        let setting: Vec<_> = report
            .annotations
            .timexes
            .iter()
            .filter(|t| sentence.contains(t.span) && sets_the_time(report, t.span))
            .filter_map(|t| Some((t.start?, t.end?, t.inferred)))
            .collect();
        let background = background_date(&setting, meta.published)
            .or_else(|| narrative_background(report, sentence));
        if let Some((end, inferred)) = background {
            return (Some(end), !inferred);
        }
    }
    let known = !matches!(
        meta.published_origin,
        DateOrigin::Inferred | DateOrigin::Unknown
    );
    (meta.published, known)
}

/// "in 2011", "In 2016," — a date that sets the time of its clause, as
/// opposed to one naming a thing ("the 1993 constitution", "until 1997").
fn sets_the_time(report: &AnnotatedReport, span: Span) -> bool {
    let tokens = &report.annotations.tokens;
    let before = tokens.partition_point(|t| t.span.end <= span.start);
    before
        .checked_sub(1)
        .and_then(|last| tokens.get(last))
        .filter(|t| t.kind == TokenKind::Word)
        .and_then(|t| t.span.slice(&report.report.text))
        .is_some_and(|word| word.eq_ignore_ascii_case("in") || word.eq_ignore_ascii_case("during"))
}

/// The narrowest date in `dated` lying over a month before publication.
fn background_date(
    dated: &[(NaiveDate, NaiveDate, bool)],
    published: Option<NaiveDate>,
) -> Option<(NaiveDate, bool)> {
    dated
        .iter()
        .filter(|(_, end, _)| published.is_none_or(|p| (p - *end).num_days() > EPISODE_GAP_DAYS))
        .min_by_key(|(start, end, _)| (*end - *start).num_days())
        .map(|(_, end, inferred)| (*end, *inferred))
}

/// A sentence without a date of its own, in a paragraph narrating the past
/// ("In 2011, workers went on strike. … police killed fifteen"), takes the
/// background date of the sentences just before it in the same paragraph.
fn narrative_background(report: &AnnotatedReport, sentence: Span) -> Option<(NaiveDate, bool)> {
    const LOOK_BACK: usize = 2;
    let a = &report.annotations;
    let index = a.sentence_at(sentence.start)?;
    let text = &report.report.text;
    let mut later = sentence;
    for earlier in a.sentences[index.saturating_sub(LOOK_BACK)..index]
        .iter()
        .rev()
    {
        let between = text.get(earlier.end..later.start).unwrap_or("\n\n");
        if between.contains("\n\n") {
            return None;
        }
        let dated: Vec<(NaiveDate, NaiveDate, bool)> = a
            .timexes
            .iter()
            .filter(|t| t.timex_type == TimexType::Date && earlier.contains(t.span))
            .filter(|t| sets_the_time(report, t.span))
            .filter_map(|t| Some((t.start?, t.end?, t.inferred)))
            .collect();
        if !dated.is_empty() {
            return background_date(&dated, report.report.meta.published);
        }
        later = *earlier;
    }
    None
}

fn normalize_scope(scope: Option<&str>) -> String {
    let Some(scope) = scope else {
        return String::new();
    };
    let lower = scope.to_lowercase();
    SCOPE_CLASSES
        .iter()
        .find(|(words, _)| words.iter().any(|w| lower.contains(w)))
        .map_or(String::new(), |(_, label)| label.to_string())
}

/// Splits a group where consecutive as-of dates are over a month apart;
/// figures with no date join the latest episode.
fn split_episodes(figures: &[Figure], members: Vec<usize>) -> Vec<Vec<usize>> {
    let (mut dated, undated): (Vec<usize>, Vec<usize>) = members
        .into_iter()
        .partition(|&i| figures[i].as_of.is_some());
    dated.sort_by_key(|&i| figures[i].as_of);
    let mut episodes: Vec<Vec<usize>> = Vec::new();
    let mut last: Option<NaiveDate> = None;
    for i in dated {
        let day = figures[i].as_of;
        match (day, last, episodes.last_mut()) {
            (Some(d), Some(prev), Some(episode)) if (d - prev).num_days() <= EPISODE_GAP_DAYS => {
                episode.push(i)
            }
            _ => episodes.push(vec![i]),
        }
        last = day;
    }
    match episodes.last_mut() {
        Some(episode) => episode.extend(undated),
        None if !undated.is_empty() => episodes.push(undated),
        None => {}
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
        let certain = draft.members.iter().filter(|&&m| figures[m].as_of_certain);
        let as_of = certain
            .filter_map(|&m| figures[m].as_of)
            .max()
            .or_else(|| draft.members.iter().filter_map(|&m| figures[m].as_of).max());
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
        if self
            .claims
            .get(first)
            .is_some_and(|c| is_generic(&c.measure))
        {
            return;
        }
        let days: Vec<BTreeSet<NaiveDate>> =
            drafts.iter().map(|d| certain_days(figures, d)).collect();
        let mut series_members = BTreeSet::new();
        for a in 0..drafts.len() {
            for b in a + 1..drafts.len() {
                let (da, db) = (&drafts[a], &drafts[b]);
                if at_different_times(&days[a], &days[b]) {
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

/// Days of a claim's figures whose as-of dates are certain.
fn certain_days(figures: &[Figure], draft: &Draft) -> BTreeSet<NaiveDate> {
    draft
        .members
        .iter()
        .filter(|&&m| figures[m].as_of_certain)
        .filter_map(|&m| figures[m].as_of)
        .collect()
}

/// Two disjoint claims are a series (not a conflict) when each has a
/// figure with a certain as-of date and no two such figures across them
/// share a day (`days_a`, `days_b`: their [`certain_days`]).
fn at_different_times(days_a: &BTreeSet<NaiveDate>, days_b: &BTreeSet<NaiveDate>) -> bool {
    !days_a.is_empty() && !days_b.is_empty() && days_a.is_disjoint(days_b)
}

fn time_phrase(figures: &[Figure], a: &Draft, b: &Draft) -> String {
    let date = |d: &Draft| d.members.iter().filter_map(|&m| figures[m].as_of).max();
    match (date(a), date(b)) {
        (Some(x), Some(y)) if x == y => format!(" for the same date ({})", x.format("%-d %b %Y")),
        (Some(_), Some(_)) => {
            " and the dates that would make them a series are not certain".to_string()
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
        speaker_entity: f.speaker_entity.clone(),
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

    #[test]
    fn a_date_after_in_or_during_sets_the_time() {
        let r = report(
            "a",
            None,
            &["In 2016 prices rose during 2011 as the 1993 constitution held until 1997 in (2012)."],
        );
        let text = r.report.text.clone();
        let at = |needle: &str| {
            let start = text.find(needle).unwrap_or(0);
            Span::new(start, start + needle.len())
        };
        assert!(sets_the_time(&r, at("2016")));
        assert!(sets_the_time(&r, at("2011")));
        assert!(!sets_the_time(&r, at("1993")));
        assert!(!sets_the_time(&r, at("1997")));
        assert!(!sets_the_time(&r, at("2012")), "a bracket between");
        assert!(!sets_the_time(&r, at("In 2016")), "nothing before");
    }

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
        merge_claims(
            reports,
            &find_report_copies(reports),
            &|_, _| Vec::new(),
            &|_, _, _| None,
        )
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
        add_timex(&mut a, "this week", day(3, 8));
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
        let got = run(&[a]);
        assert_eq!(got.claims.len(), 2);
        assert_eq!(got.claims[0].as_of, NaiveDate::from_ymd_opt(2016, 12, 31));
        assert_ne!(
            got.claims[0].group, got.claims[1].group,
            "{:#?}",
            got.claims
        );
        assert!(got.conflicts.is_empty());
    }

    #[test]
    fn an_undated_sentence_in_a_past_paragraph_takes_its_year() {
        let mut a = report(
            "a",
            Some(day(3, 8)),
            &[
                "In 2013, miners at the copper combine went on strike.",
                "Police killed nine miners after seven months.",
            ],
        );
        let t = add_timex(
            &mut a,
            "2013",
            NaiveDate::from_ymd_opt(2013, 12, 31).expect("date"),
        );
        a.annotations.timexes[t].start = NaiveDate::from_ymd_opt(2013, 1, 1);
        add_quantity(
            &mut a,
            "nine",
            9.0,
            Interval::exact(9.0),
            "killed",
            Some("miners"),
        );
        let got = run(&[a]);
        assert_eq!(got.claims[0].as_of, NaiveDate::from_ymd_opt(2013, 12, 31));
    }

    #[test]
    fn a_year_naming_a_thing_does_not_date_the_figure() {
        let mut a = report(
            "a",
            Some(day(3, 8)),
            &["Several thousand marchers demanded the 1993 constitution back."],
        );
        let t = add_timex(
            &mut a,
            "1993",
            NaiveDate::from_ymd_opt(1993, 12, 31).expect("date"),
        );
        a.annotations.timexes[t].start = NaiveDate::from_ymd_opt(1993, 1, 1);
        add_quantity(
            &mut a,
            "Several thousand",
            3000.0,
            Interval::closed(3000.0, 9999.0),
            "protesters",
            None,
        );
        let got = run(&[a]);
        assert_eq!(got.claims[0].as_of, Some(day(3, 8)));
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
