//! Events: one timeline entry per real event.
//!
//! Event mentions are clustered per event type. A mention joins a cluster
//! when its date is compatible and it is about the same thing:
//! * dates overlap, and the sentences share a participant other than a
//!   country, or enough content words (Jaccard ≥ [`SAME_DAY_SIMILARITY`]),
//!   and the places they name do not clash (a city and its own country do
//!   not);
//! * or both are day-precise at most [`NEAR_DATE_DAYS`] apart, both describe
//!   the same thing strongly (an onset — "began", "erupted" — in the same
//!   country, or content-word Jaccard ≥ [`NEAR_DATE_SIMILARITY`]): the
//!   sources date one event differently, which becomes a date conflict;
//! * or both tell the death of one person (the same entity or surname),
//!   dated to days at most [`ONE_DEATH_DAYS`] apart: a person dies once
//!   ("died on Saturday", "was found dead on Wednesday");
//! * a mention dated only by its report's publication (the lead's "X has
//!   died", [`DateBasis::Publication`]) happened on or before that day:
//!   such mentions come after the others and may join a cluster of the
//!   [`NEWS_OF_THE_DAY_DAYS`] before it; they date an event only when no
//!   source says when it happened;
//! * undated mentions join a cluster whose wording they share (Jaccard ≥
//!   [`UNDATED_SIMILARITY`] with each word weighted by its rarity among
//!   the corpus's event sentences, [`WordWeights`]: sharing "Woodburn" and
//!   "bomb" says more than sharing "police" and "said"), or, for kinds the
//!   same people do not repeat (not statements, speeches, protests,
//!   strikes, meetings or clashes), one naming the same person,
//!   organization, or town or site, with some shared wording (Jaccard ≥
//!   [`UNDATED_ACTOR_SIMILARITY`]) and no clash of places; or,
//!   for event types that rarely recur
//!   between the same parties (a request for help, a dismissal, a
//!   deployment …, see [`is_singular`]), the one cluster whose sentences
//!   name at least [`UNDATED_SHARED_ACTORS`] of the same people or
//!   organizations, with some shared wording (Jaccard ≥
//!   [`SAME_DAY_SIMILARITY`]), and which is dated within a week
//!   ([`UNDATED_JOIN_MAX_DAYS`]): "Tokayev invited forces from the CSTO"
//!   joins "On the evening of 5 January, Tokayev appealed to the CSTO". A
//!   mention that
//!   could join several clusters by shared actors alone joins none.
//!   Otherwise it stays an undated event. An undated mention of a dated
//!   report joins only clusters dated from [`UNDATED_REACH_DAYS`] before
//!   its publication to [`UNDATED_AHEAD_DAYS`] after it, or undated ones
//!   published that near it ([`DateReach`]). Undated mentions are placed
//!   after all dated ones, so they never bridge two dated clusters.
//! * happenings that befall a person (deaths, arrests, resignations …,
//!   [`EventType::befalls_a_person`]) never join when both mentions name
//!   people and share none, whatever wording they share ("Felt died",
//!   "LaRue died"); a mention that names no one but says "he" or "she"
//!   names its report's protagonist ([`protagonist`]);
//! * then two clusters of a kind that one report tells on the same day
//!   join ([`join_one_reports_same_day_clusters`]): a news story keeps to
//!   one happening of a kind a day;
//! * last, a cluster no member dates folds into the one dated cluster of
//!   its kind that one of its reports tells as its news (not as
//!   background), when related or when it refers back ("the quake")
//!   ([`fold_undated_into_their_reports_events`]): an undated headline
//!   joins the happening its report's body dates.
//!
//! A mention dated to one day joins a cluster only within
//! [`NEAR_DATE_DAYS`] of the cluster's members dated to one day (unless
//! it tells the same death): a member dated only to a month never chains
//! distant days into one event.
//!
//! General actions (type `other` with an `action`, always dated) are
//! clustered per base form ("release" apart from "win"), join only
//! mentions of the same day, and are about every person they name: two
//! mentions each naming someone the other does not ("X stopped Thompson",
//! "X stopped Rahman") stay apart.
//!
//! Candidates are compared only with clusters of the same type whose dates
//! lie within the window, so the work grows with events per type and week,
//! not with all pairs.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use corroborate_model::{
    AnnotatedReport, Conflict, ConflictKind, ConflictSide, DateBasis, DateValue, EntityKind, Event,
    EventDate, EventMention, EventSource, EventType,
};

use crate::copies::CopyInfo;
use crate::entities::EntityIndex;
use corroborate_text::{renumbered, Vocabulary, WordIds};

use crate::lexical::{content_words, jaccard_ids, merged_ids};
use crate::small_set::SmallSet;

pub(crate) const SAME_DAY_SIMILARITY: f64 = 0.12;
pub(crate) const NEAR_DATE_SIMILARITY: f64 = 0.3;
pub(crate) const UNDATED_SIMILARITY: f64 = 0.25;
/// Content-word overlap enough for undated mentions naming the same person
/// or organization.
pub(crate) const UNDATED_ACTOR_SIMILARITY: f64 = 0.2;
pub(crate) const NEAR_DATE_DAYS: i64 = 2;
/// People or organizations an undated mention must share with a cluster
/// to join it without near-identical wording.
pub(crate) const UNDATED_SHARED_ACTORS: usize = 2;
/// Widest date (in days) of a member an undated mention may join by shared
/// actors: a month or a year is too vague to say it is the same event.
pub(crate) const UNDATED_JOIN_MAX_DAYS: i64 = 7;

const ONSET_WORDS: &[&str] = &[
    "began",
    "begun",
    "begin",
    "erupted",
    "broke out",
    "started",
    "sparked",
];

/// One event mention with what clustering needs to know about it.
struct Candidate<'a> {
    report: usize,
    report_id: &'a str,
    group: usize,
    mention: &'a EventMention,
    quote: &'a str,
    /// Its content words ([`content_words`]) as vocabulary ids.
    words: WordIds,
    /// The same without its trigger's words.
    words_besides_trigger: WordIds,
    entities: SmallSet<usize>,
    /// Its people (entities of kind person).
    persons: SmallSet<usize>,
    /// The surnames of its people, lower-cased ("felt" for "W. Mark Felt"
    /// and for "Felt"), for when the entity merge kept two forms apart.
    surnames: SmallSet<String>,
    places: SmallSet<usize>,
    /// Its places below the level of a country (cities, regions, sites).
    local_places: SmallSet<usize>,
    countries: SmallSet<String>,
    onset: bool,
    /// The days it may have happened on: its date, or for a date that is
    /// only its report's publication (see [`DateBasis::Publication`]),
    /// the [`NEWS_OF_THE_DAY_DAYS`] up to it.
    join_date: Option<DateValue>,
    /// Its report's publication date, stated or inferred.
    published: Option<NaiveDate>,
    date_text: Option<String>,
    date_inferred: bool,
}

pub(crate) struct MergedEvents {
    pub events: Vec<Event>,
    pub conflicts: Vec<Conflict>,
}

/// What event merging reads from the earlier merge stages.
pub(crate) struct EventContext<'a> {
    pub entities: &'a EntityIndex,
    pub copies: &'a [CopyInfo],
    /// The country a place entity lies in, when known.
    pub country_of_place: &'a dyn Fn(usize) -> Option<String>,
    /// Place entities that stand for a whole country.
    pub national: &'a BTreeSet<usize>,
    /// The story of each report (`stories`).
    pub story_of: &'a [usize],
}

pub(crate) fn merge_events(reports: &[AnnotatedReport], context: &EventContext) -> MergedEvents {
    let (candidates, vocabulary) = collect_candidates(reports, context);
    let weights = WordWeights::new(&candidates, vocabulary.len());
    // General actions of different base forms ("won", "released") are
    // different kinds of happening; reports of different stories (crises)
    // tell different happenings, whatever wording they share.
    let mut by_type: BTreeMap<(EventType, Option<&str>, usize), Vec<usize>> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let story = context.story_of.get(c.report).copied().unwrap_or(0);
        let kind = (c.mention.event_type, c.mention.action.as_deref(), story);
        by_type.entry(kind).or_default().push(i);
    }
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for members in by_type.values() {
        clusters.extend(cluster_one_type(&candidates, members, &weights));
    }
    build_events(reports, context.entities, &candidates, clusters)
}

fn collect_candidates<'a>(
    reports: &'a [AnnotatedReport],
    context: &EventContext,
) -> (Vec<Candidate<'a>>, Vocabulary) {
    let EventContext {
        entities,
        copies,
        country_of_place,
        national,
        ..
    } = *context;
    let mut out = Vec::new();
    let mut vocabulary = Vocabulary::default();
    for (r, report) in reports.iter().enumerate() {
        let annotations = &report.annotations;
        let protagonist = protagonist(r, entities);
        let mut seen = BTreeSet::new();
        for mention in &annotations.events {
            let key = (mention.event_type, mention.span, mention.date.clone());
            if !seen.insert(key) {
                continue;
            }
            let Some(quote) = mention.span.slice(&report.report.text) else {
                continue;
            };
            let mut entity_ids: BTreeSet<usize> = mention
                .participants
                .iter()
                .filter_map(|&m| entities.mention_entity.get(r)?.get(m).copied())
                .collect();
            let mut persons: BTreeSet<usize> = entity_ids
                .iter()
                .copied()
                .filter(|&e| entities.entities[e].kind == EntityKind::Person)
                .collect();
            if let Some(person) = protagonist.filter(|_| persons.is_empty()) {
                if says_he_or_she(quote) {
                    entity_ids.insert(person);
                    persons.insert(person);
                }
            }
            let places: BTreeSet<usize> = entity_ids
                .iter()
                .copied()
                .filter(|&e| entities.entities[e].kind == EntityKind::Place)
                .collect();
            let surnames = persons
                .iter()
                .filter_map(|&e| crate::people::surname(&entities.entities[e].name))
                .collect();
            let countries = places.iter().filter_map(|&p| country_of_place(p)).collect();
            let local_places = places
                .iter()
                .copied()
                .filter(|p| !national.contains(p))
                .collect();
            let timex = mention.timex.and_then(|t| annotations.timexes.get(t));
            let lower = quote.to_lowercase();
            out.push(Candidate {
                report: r,
                report_id: &report.report.meta.id,
                group: copies.get(r).map_or(r, |c| c.group),
                mention,
                quote,
                words: vocabulary.intern_all(content_words(quote)),
                words_besides_trigger: WordIds::default(),
                entities: entity_ids.into_iter().collect(),
                persons: persons.into_iter().collect(),
                surnames,
                places: places.into_iter().collect(),
                local_places,
                countries,
                onset: ONSET_WORDS.iter().any(|w| lower.contains(w)),
                join_date: join_date(mention),
                published: report.report.meta.published,
                date_text: timex.map(|t| t.text.clone()),
                date_inferred: timex.is_some_and(|t| t.inferred),
            });
        }
    }
    let (vocabulary, new_of_old) = vocabulary.into_alphabetical();
    for candidate in &mut out {
        candidate.words = renumbered(&candidate.words, &new_of_old);
        let trigger = vocabulary.ids_of(&content_words(&candidate.mention.trigger));
        candidate.words_besides_trigger = candidate
            .words
            .iter()
            .copied()
            .filter(|id| trigger.binary_search(id).is_err())
            .collect();
    }
    (out, vocabulary)
}

fn join_date(mention: &EventMention) -> Option<DateValue> {
    let date = mention.date.as_ref()?;
    if mention.date_basis != DateBasis::Publication {
        return Some(date.clone());
    }
    Some(DateValue {
        value: date.value.clone(),
        start: date.start - chrono::Duration::days(NEWS_OF_THE_DAY_DAYS),
        end: date.end,
    })
}

/// The person a report names most often, at least twice and at least
/// twice as often as anyone else: who its "he" or "she" is when a
/// sentence names no one (the most salient antecedent, as pronoun
/// resolution takes it); a report about several people has none.
fn protagonist(r: usize, entities: &EntityIndex) -> Option<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &e in entities.mention_entity.get(r)? {
        if entities.entities.get(e)?.kind == EntityKind::Person {
            *counts.entry(e).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.into_iter().map(|(e, n)| (n, e)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    match ranked.as_slice() {
        [(n, e), rest @ ..] if *n >= 2 && rest.first().is_none_or(|(m, _)| 2 * m <= *n) => Some(*e),
        _ => None,
    }
}

/// Whether a sentence has a personal pronoun of the third person singular.
fn says_he_or_she(quote: &str) -> bool {
    corroborate_text::alphanumeric_runs(quote).any(|w| {
        matches!(
            w,
            "He" | "he" | "She" | "she" | "His" | "his" | "Her" | "her"
        )
    })
}

/// Clusters one type's mentions: dated ones in date order, each joining
/// the first cluster it fits, then undated ones. The result is that of
/// comparing every mention with every cluster; two indexes only skip
/// clusters that cannot fit (`ClusterReach`, `ClustersByJoinKey`), which
/// keeps large corpora from making clustering quadratic.
fn cluster_one_type(
    candidates: &[Candidate],
    members: &[usize],
    weights: &WordWeights,
) -> Vec<Vec<usize>> {
    let mut order = members.to_vec();
    order.sort_by_key(|&i| {
        let c = &candidates[i];
        let phase = clustering_phase(c);
        c.mention
            .date
            .as_ref()
            .map_or((phase, NaiveDate::MAX, 0), |d| {
                (phase, d.start, d.width_days())
            })
    });
    let dated_from_text = order.partition_point(|&i| clustering_phase(&candidates[i]) == 0);
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut reach = ClusterReach::new(candidates[members[0]].mention);
    let mut by_key = ClustersByJoinKey::default();
    for &i in &order[..dated_from_text] {
        reach.close_before(candidates[i].mention.date.as_ref().map(|d| d.start));
        let keys = join_keys(&candidates[i], weights);
        let found = by_key
            .sharing_a_key(&keys)
            .into_iter()
            .filter(|&c| reach.is_open(c))
            .find(|&c| {
                (reach.near_its_days(c, &candidates[i])
                    && joins(candidates, &clusters[c], i, weights))
                    || tells_the_same_death(candidates, &clusters[c], i)
            });
        let c = cluster_or_new(&mut clusters, found);
        clusters[c].push(i);
        reach.extend(c, &candidates[i]);
        by_key.add(c, keys);
    }
    // Mentions dated only by their report's publication ("X has died": on
    // or before that day, so they may join a cluster of the days before
    // it), then undated ones.
    let mut reaches: Vec<DateReach> = clusters
        .iter()
        .map(|cluster| DateReach::of(cluster.iter().map(|&j| &candidates[j])))
        .collect();
    for &i in &order[dated_from_text..] {
        let keys = join_keys(&candidates[i], weights);
        let mut near = by_key.sharing_a_key(&keys);
        near.retain(|&c| reaches[c].reaches_back_to(&candidates[i]));
        let found = near
            .iter()
            .copied()
            .find(|&c| joins(candidates, &clusters[c], i, weights))
            .or_else(|| cluster_sharing_actors(candidates, &clusters, &near, i));
        let c = cluster_or_new(&mut clusters, found);
        clusters[c].push(i);
        if c == reaches.len() {
            reaches.push(DateReach::default());
        }
        reaches[c].add(&candidates[i]);
        by_key.add(c, keys);
    }
    let clusters = join_one_reports_same_day_clusters(candidates, clusters);
    fold_undated_into_their_reports_events(candidates, clusters)
}

/// The order in which mentions are clustered: those a clause or the
/// narrative dates (0), those dated only by their report's publication
/// (1), undated ones (2); so neither of the last two bridges two dated
/// clusters.
fn clustering_phase(candidate: &Candidate) -> u8 {
    match &candidate.mention.date {
        None => 2,
        Some(_) if candidate.mention.date_basis == DateBasis::Publication => 1,
        Some(_) => 0,
    }
}

/// `found`, or the index of a new empty cluster.
fn cluster_or_new(clusters: &mut Vec<Vec<usize>>, found: Option<usize>) -> usize {
    found.unwrap_or_else(|| {
        clusters.push(Vec::new());
        clusters.len() - 1
    })
}

/// Joins two clusters of one kind when one report tells both on the
/// same day, in mentions whose people and places do not clash: a news
/// story keeps to one happening of a kind a day, so its "Gigante died on
/// Monday" and "He died in a prison hospital on Monday morning" are one
/// death even when the second shares no name or wording with the other
/// reports. Statements and speeches stay apart (one report quotes many),
/// and so do running totals ([`is_running_total`]).
fn join_one_reports_same_day_clusters(
    candidates: &[Candidate],
    clusters: Vec<Vec<usize>>,
) -> Vec<Vec<usize>> {
    if quoted_many_times_per_report(candidates, &clusters) {
        return clusters;
    }
    let mut by_report_day: BTreeMap<(usize, NaiveDate), Vec<(usize, usize)>> = BTreeMap::new();
    for (c, members) in clusters.iter().enumerate() {
        for &j in members {
            let member = &candidates[j];
            let day = member.mention.date.as_ref().filter(|d| d.width_days() == 1);
            let Some(day) = day else { continue };
            if member.mention.date_basis.is_context() || is_running_total(member.quote) {
                continue;
            }
            by_report_day
                .entry((member.report, day.start))
                .or_default()
                .push((c, j));
        }
    }
    let mut sets = crate::union_find::UnionFind::new(clusters.len());
    for told in by_report_day.values() {
        for (n, &(c1, j1)) in told.iter().enumerate() {
            for &(c2, j2) in &told[n + 1..] {
                let (a, b) = (&candidates[j1], &candidates[j2]);
                if c1 != c2 && !persons_clash(a, b) && !places_clash(a, b) {
                    sets.union(c1, c2);
                }
            }
        }
    }
    let mut joined: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (c, members) in clusters.into_iter().enumerate() {
        joined.entry(sets.find(c)).or_default().extend(members);
    }
    joined.into_values().collect()
}

/// Folds each cluster no member dates into the one dated cluster of the
/// same type that also holds a mention of one of its reports, when there
/// is exactly one, the two are related (a shared person, organization
/// or place, or shared wording, and no clash of places) and the dated one
/// is not background to the report (see [`background_for`]): an undated headline ("Three dead after bank fire") or aside
/// ("Ortiz died instantly") speaks of the happening its own report's body
/// tells and dates, as a news story keeps to one happening of a kind
/// unless it dates another. Statements and speeches stay apart (one
/// report quotes many), and so do running totals ([`is_running_total`]).
fn fold_undated_into_their_reports_events(
    candidates: &[Candidate],
    mut clusters: Vec<Vec<usize>>,
) -> Vec<Vec<usize>> {
    if quoted_many_times_per_report(candidates, &clusters) {
        return clusters;
    }
    let is_dated = |cluster: &Vec<usize>| {
        cluster
            .iter()
            .any(|&j| candidates[j].mention.date.is_some())
    };
    let mut dated_by_report: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (c, members) in clusters.iter().enumerate().filter(|(_, m)| is_dated(m)) {
        for &j in members {
            dated_by_report
                .entry(candidates[j].report)
                .or_default()
                .insert(c);
        }
    }
    let mut moves = Vec::new();
    let foldable = |members: &Vec<usize>| {
        !is_dated(members)
            && !members
                .iter()
                .any(|&j| is_running_total(candidates[j].quote))
    };
    for (c, members) in clusters.iter().enumerate().filter(|(_, m)| foldable(m)) {
        let targets: BTreeSet<usize> = members
            .iter()
            .filter_map(|&j| {
                let dated = dated_by_report.get(&candidates[j].report)?;
                Some(news_of_the_day(
                    candidates,
                    &clusters,
                    dated,
                    candidates[j].published,
                ))
            })
            .flatten()
            .collect();
        if let (Some(&target), 1) = (targets.first(), targets.len()) {
            if (related(candidates, members, &clusters[target])
                || told_beside(candidates, members, &clusters[target]))
                && !background_for(candidates, members, &clusters[target])
            {
                moves.push((c, target));
            }
        }
    }
    for (from, to) in moves {
        let members = std::mem::take(&mut clusters[from]);
        clusters[to].extend(members);
    }
    clusters.retain(|c| !c.is_empty());
    clusters
}

/// Days before its publication a happening may lie and still be a
/// report's news of the day rather than its background.
const NEWS_OF_THE_DAY_DAYS: i64 = 7;

/// Days before its report's publication that an undated mention reaches
/// (half a year), and between the publications of undated mentions alike.
const UNDATED_REACH_DAYS: i64 = 183;

/// Days after its report's publication that an undated mention reaches:
/// what is announced for the coming weeks ("elections to be held"), and
/// another outlet's dateline a day later.
const UNDATED_AHEAD_DAYS: i64 = 31;

/// The days a cluster's members are dated to and the days their reports
/// were published, for [`DateReach::reaches_back_to`].
#[derive(Default)]
struct DateReach {
    /// First and last day of the members' dates.
    dated: Option<(NaiveDate, NaiveDate)>,
    /// First and last publication day of the undated members' reports.
    published: Option<(NaiveDate, NaiveDate)>,
}

impl DateReach {
    fn of<'c>(members: impl Iterator<Item = &'c Candidate<'c>>) -> Self {
        let mut reach = DateReach::default();
        for member in members {
            reach.add(member);
        }
        reach
    }

    fn add(&mut self, member: &Candidate) {
        let widen = |bounds: &mut Option<(NaiveDate, NaiveDate)>, first, last| {
            let (from, to) = bounds.get_or_insert((first, last));
            *from = (*from).min(first);
            *to = (*to).max(last);
        };
        match (&member.mention.date, member.published) {
            (Some(date), _) => widen(&mut self.dated, date.start, date.end),
            (None, Some(day)) => widen(&mut self.published, day, day),
            (None, None) => {}
        }
    }

    /// Whether an undated mention may join the cluster by its dates: a
    /// report tells undated what is near its time (the recent past, or
    /// what is announced: "elections to be held"; older or later
    /// happenings get their date), so an undated mention of a dated report
    /// joins only a cluster dated from [`UNDATED_REACH_DAYS`] before the
    /// publication to [`UNDATED_AHEAD_DAYS`] after it, and a cluster of undated mentions only when all their
    /// reports were published within that many days; an undated report's
    /// mention may join any cluster. (Boilerplate wording otherwise
    /// chained reports years apart into one event.)
    fn reaches_back_to(&self, member: &Candidate) -> bool {
        let (None, Some(published)) = (&member.mention.date, member.published) else {
            return true;
        };
        let back = published - chrono::Duration::days(UNDATED_REACH_DAYS);
        let ahead = published + chrono::Duration::days(UNDATED_REACH_DAYS);
        let soon = published + chrono::Duration::days(UNDATED_AHEAD_DAYS);
        match (self.dated, self.published) {
            (Some((first, last)), _) => first <= soon && last >= back,
            (None, Some((first, last))) => first >= back && last <= ahead,
            (None, None) => true,
        }
    }
}

/// Of a report's dated clusters of one kind, those its undated mentions
/// may speak of. When it dates several, a news story's "the quake" or
/// "the fire" is the one of its news (ending at most
/// [`NEWS_OF_THE_DAY_DAYS`] before publication and not after it), when
/// all the others are background (ending more than [`NEWS_WINDOW_DAYS`]
/// before it: "the 2003 quake that razed Bam"); a report of unknown date
/// keeps them all.
fn news_of_the_day(
    candidates: &[Candidate],
    clusters: &[Vec<usize>],
    dated: &BTreeSet<usize>,
    published: Option<NaiveDate>,
) -> Vec<usize> {
    let (Some(published), true) = (published, dated.len() > 1) else {
        return dated.iter().copied().collect();
    };
    let is_news = |c: &usize| {
        clusters[*c].iter().any(|&j| {
            candidates[j].mention.date.as_ref().is_some_and(|d| {
                d.start <= published && (published - d.end).num_days() <= NEWS_OF_THE_DAY_DAYS
            })
        })
    };
    let is_background = |c: &usize| {
        clusters[*c].iter().all(|&j| {
            candidates[j]
                .mention
                .date
                .as_ref()
                .is_none_or(|d| (published - d.end).num_days() > NEWS_WINDOW_DAYS)
        })
    };
    let (news, others): (Vec<usize>, Vec<usize>) = dated.iter().copied().partition(is_news);
    // Other happenings of the kind the report tells from the same weeks
    // (an analysis recounting a week of dismissals) leave "his removal"
    // ambiguous.
    if others.iter().all(is_background) {
        news
    } else {
        Vec::new()
    }
}

/// Whether the clusters (all of one kind) are statements or speeches:
/// one report quotes many, so a report's mentions of them are no one
/// happening. True for no clusters at all (nothing to join).
fn quoted_many_times_per_report(candidates: &[Candidate], clusters: &[Vec<usize>]) -> bool {
    clusters
        .first()
        .and_then(|c| c.first())
        .is_none_or(|&first| {
            matches!(
                candidates[first].mention.event_type,
                EventType::Statement | EventType::Speech
            )
        })
}

/// A sentence that adds up many happenings ("40 people had been killed
/// since the unrest began", "so far"): never one of them.
fn is_running_total(quote: &str) -> bool {
    let words: Vec<String> = quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    crate::claims::says_any(&words, crate::claims::RUNNING_TOTAL_WORDS)
}

/// Whether a member of one cluster and a member of the other share a
/// person, organization or place, or enough wording besides their
/// triggers (Jaccard ≥ [`SAME_DAY_SIMILARITY`]), with no clash of places.
fn related(candidates: &[Candidate], one: &[usize], other: &[usize]) -> bool {
    one.iter().any(|&i| {
        let a = &candidates[i];
        other.iter().take(MAX_COMPARED_MEMBERS).any(|&j| {
            let b = &candidates[j];
            !places_clash(a, b)
                && !persons_clash(a, b)
                && (!a.entities.is_disjoint(&b.entities)
                    || jaccard_ids(&a.words_besides_trigger, &b.words_besides_trigger)
                        >= SAME_DAY_SIMILARITY)
        })
    })
}

/// Whether each undated mention refers back ("the quake", "this fire",
/// see [`refers_back`]) and its own report also tells the dated cluster,
/// in a mention whose places and people do not clash with it: a news
/// story keeps to one happening of a kind, so its undated "the quake
/// struck the island" is the quake its lead dates, whatever wording it
/// shares. "Fire season starts early" refers to no fire in particular.
fn told_beside(candidates: &[Candidate], undated: &[usize], dated: &[usize]) -> bool {
    undated.iter().all(|&i| {
        let a = &candidates[i];
        refers_back(a)
            && dated
                .iter()
                .map(|&j| &candidates[j])
                .any(|b| b.report == a.report && !places_clash(a, b) && !persons_clash(a, b))
    })
}

/// Whether the trigger heads a definite noun phrase ("the quake", "the
/// 6.1-magnitude quake", "this week's fire"): a definite description
/// points back to a happening the reader already knows of.
fn refers_back(candidate: &Candidate) -> bool {
    let trigger_start = candidate
        .mention
        .trigger_span
        .start
        .saturating_sub(candidate.mention.span.start);
    let before = candidate.quote.get(..trigger_start).unwrap_or("");
    // Back from the trigger through at most three modifiers to a
    // determiner; a comma, a preposition, "to" or an auxiliary ends the
    // noun phrase first ("the choice to relinquish" is no definite
    // "relinquish").
    for word in before.split_whitespace().rev().take(4) {
        if word.ends_with([',', ';', ':']) {
            return false;
        }
        let lower = word.to_lowercase();
        if matches!(lower.as_str(), "the" | "this" | "its" | "their") {
            return true;
        }
        if NOUN_PHRASE_ENDS.contains(&lower.as_str()) {
            return false;
        }
    }
    false
}

/// Words that no noun phrase holds between its determiner and its head.
const NOUN_PHRASE_ENDS: &[&str] = &[
    "to", "of", "in", "on", "at", "by", "for", "with", "from", "after", "before", "was", "were",
    "is", "are", "be", "been", "has", "had", "have", "and", "or", "who", "which", "that",
];

/// Days before its report's publication an event may lie and still be
/// the news an undated mention of the report speaks of; earlier is
/// background ("the 2013 strike").
const NEWS_WINDOW_DAYS: i64 = 31;

/// Whether the dated cluster lies in the background of the undated
/// mentions' reports: it ends more than [`NEWS_WINDOW_DAYS`] before one
/// of their publication dates.
fn background_for(candidates: &[Candidate], undated: &[usize], dated: &[usize]) -> bool {
    let Some(last_day) = dated
        .iter()
        .filter_map(|&j| candidates[j].mention.date.as_ref().map(|d| d.end))
        .max()
    else {
        return false;
    };
    undated.iter().any(|&i| {
        candidates[i]
            .published
            .is_some_and(|published| (published - last_day).num_days() > NEWS_WINDOW_DAYS)
    })
}

/// For dated mentions taken in order of their start: the clusters a
/// mention starting on a day can still join. A member overlaps a later
/// mention only if it ends on or after that mention's start, and is near
/// it only if it starts at most [`NEAR_DATE_DAYS`] before; once every
/// member of a cluster is out of reach, no later mention can join it.
struct ClusterReach {
    /// Days after a member's day a mention may still join it
    /// ([`near_days`]).
    near_days: i64,
    /// Most days between a cluster's first member dated to one day and a
    /// mention dated to one day that joins it.
    exact_gap: i64,
    /// Last day each cluster can be joined on, by cluster index.
    last_day: Vec<NaiveDate>,
    /// Earliest day of each cluster's members dated to one day.
    first_exact_day: Vec<Option<NaiveDate>>,
    /// The start of the mention being placed. Starts only grow, and a
    /// cluster out of reach is never joined again, so a cluster is in
    /// reach exactly while its last day is not before it.
    start: Option<NaiveDate>,
}

impl ClusterReach {
    /// The reach of clusters of the kind of `first`, a member of them.
    fn new(first: &EventMention) -> Self {
        ClusterReach {
            near_days: near_days(first),
            exact_gap: if first.action.is_some() {
                0
            } else {
                NEAR_DATE_DAYS
            },
            last_day: Vec::new(),
            first_exact_day: Vec::new(),
            start: None,
        }
    }

    /// Places the next mention, starting on `start` (dated mentions come
    /// in order of their start).
    fn close_before(&mut self, start: Option<NaiveDate>) {
        if start.is_some() {
            self.start = start;
        }
    }

    /// Whether a mention starting on the current start can still join the
    /// cluster.
    fn is_open(&self, cluster: usize) -> bool {
        self.last_day
            .get(cluster)
            .is_some_and(|&last| self.start.is_none_or(|start| last >= start))
    }

    fn extend(&mut self, cluster: usize, member: &Candidate) {
        let Some(date) = &member.mention.date else {
            return;
        };
        let near = date.start + chrono::Duration::days(self.near_days);
        let day = date.end.max(near);
        let exact = (date.width_days() == 1).then_some(date.start);
        if cluster == self.last_day.len() {
            self.last_day.push(day);
            self.first_exact_day.push(exact);
        } else if let Some(last) = self.last_day.get_mut(cluster) {
            *last = (*last).max(day);
            if let Some(first) = self.first_exact_day.get_mut(cluster) {
                *first = match (*first, exact) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
    }

    /// A mention dated to one day joins a cluster only within
    /// [`NEAR_DATE_DAYS`] of its members dated to one day, a general
    /// action only on the same day (mentions come in date order, so the
    /// earliest is the farthest): a member dated only to a month must not
    /// chain the 20th and the 24th into one event.
    fn near_its_days(&self, cluster: usize, member: &Candidate) -> bool {
        let Some(date) = member.mention.date.as_ref().filter(|d| d.width_days() == 1) else {
            return true;
        };
        match self.first_exact_day.get(cluster).copied().flatten() {
            Some(first) => (date.start - first).num_days() <= self.exact_gap,
            None => true,
        }
    }
}

/// The clusters a mention can join at all. Every way of joining needs a
/// member of the cluster from the mention's own report (the same
/// mention), a person or organization both name, a town or site both
/// name (undated), a surname both name (one death), a place or country
/// both name when both tell an onset, or
/// shared wording: Jaccard ≥ [`SAME_DAY_SIMILARITY`] between dated
/// mentions, weighted Jaccard ≥ [`UNDATED_SIMILARITY`] with an undated one
/// (the actor paths need a shared entity besides). Two word sets that
/// similar share a word among each one's rarest (prefix filtering for
/// set-similarity joins: with words in one global order, rarest first, a
/// set keeps the shortest prefix whose remaining words weigh less than the
/// threshold's share of the set; for plain Jaccard, n − ⌈t·n⌉ + 1 of n
/// words), so clusters are indexed by those keys and only clusters sharing
/// one are compared: the answer is that of comparing every cluster, in
/// creation order, without comparing them all.
#[derive(Default)]
struct ClustersByJoinKey<'a> {
    clusters: HashMap<JoinKey<'a>, Vec<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum JoinKey<'a> {
    Report(usize),
    /// A person or organization.
    Actor(usize),
    /// A place below the level of a country.
    LocalPlace(usize),
    Surname(&'a str),
    /// A place or country named with an onset ("began", "erupted").
    OnsetPlace(usize),
    OnsetCountry(&'a str),
    Word(u32),
}

impl<'a> ClustersByJoinKey<'a> {
    fn add(&mut self, cluster: usize, member_keys: Vec<JoinKey<'a>>) {
        for key in member_keys {
            let clusters = self.clusters.entry(key).or_default();
            // Members of a few clusters often alternate (one per season of
            // a recurring wording): looking a few entries back keeps a
            // key's list near its number of clusters, not of members.
            if !clusters
                .iter()
                .rev()
                .take(RECENT_CLUSTERS_CHECKED)
                .any(|&c| c == cluster)
            {
                clusters.push(cluster);
            }
        }
    }

    /// Clusters sharing one of a mention's keys, in creation order.
    fn sharing_a_key(&self, keys: &[JoinKey<'a>]) -> Vec<usize> {
        let mut near: Vec<usize> = keys
            .iter()
            .filter_map(|key| self.clusters.get(key))
            .flatten()
            .copied()
            .collect();
        near.sort_unstable();
        near.dedup();
        near
    }
}

/// How many of a key's latest clusters [`ClustersByJoinKey::add`] checks
/// before listing a cluster again.
const RECENT_CLUSTERS_CHECKED: usize = 8;

/// What a mention can join a cluster by (see [`ClustersByJoinKey`]).
fn join_keys<'a>(candidate: &'a Candidate, weights: &WordWeights) -> Vec<JoinKey<'a>> {
    let mut keys = vec![JoinKey::Report(candidate.report)];
    let actors = candidate
        .entities
        .iter()
        .filter(|e| !candidate.places.contains(e));
    keys.extend(actors.map(|&e| JoinKey::Actor(e)));
    keys.extend(
        candidate
            .local_places
            .iter()
            .map(|&p| JoinKey::LocalPlace(p)),
    );
    keys.extend(
        candidate
            .surnames
            .iter()
            .map(|s| JoinKey::Surname(s.as_str())),
    );
    if candidate.onset {
        keys.extend(candidate.places.iter().map(|&p| JoinKey::OnsetPlace(p)));
        keys.extend(
            candidate
                .countries
                .iter()
                .map(|c| JoinKey::OnsetCountry(c.as_str())),
        );
    }
    let words = weights
        .rarest(&candidate.words, SAME_DAY_SIMILARITY)
        .into_iter()
        .chain(weights.rarest_weighted(&candidate.words, UNDATED_SIMILARITY));
    keys.extend(words.map(JoinKey::Word));
    keys
}

/// For an undated mention of a singular event type: the only cluster
/// whose members name [`UNDATED_SHARED_ACTORS`] of its people or
/// organizations.
/// `near` are the clusters sharing a word with it (the others cannot pass
/// the wording check).
fn cluster_sharing_actors(
    candidates: &[Candidate],
    clusters: &[Vec<usize>],
    near: &[usize],
    i: usize,
) -> Option<usize> {
    let candidate = &candidates[i];
    if candidate.mention.date.is_some() || !is_singular(candidate.mention.event_type) {
        return None;
    }
    let mut sharing = near
        .iter()
        .map(|&c| (c, &clusters[c]))
        .filter(|(_, cluster)| {
            cluster.iter().take(MAX_COMPARED_MEMBERS).any(|&j| {
                let member = &candidates[j];
                member
                    .mention
                    .date
                    .as_ref()
                    .is_some_and(|d| d.width_days() <= UNDATED_JOIN_MAX_DAYS)
                    && shared_actors(member, candidate) >= UNDATED_SHARED_ACTORS
                    && jaccard_ids(&member.words, &candidate.words) >= SAME_DAY_SIMILARITY
            })
        });
    let (first, _) = sharing.next()?;
    sharing.next().is_none().then_some(first)
}

/// Event types that seldom happen twice between the same parties in one
/// crisis, unlike statements, protests or arrests.
fn is_singular(event_type: EventType) -> bool {
    matches!(
        event_type,
        EventType::RequestForHelp
            | EventType::Dismissal
            | EventType::Resignation
            | EventType::Appointment
            | EventType::Deployment
            | EventType::Withdrawal
            | EventType::StateOfEmergency
            | EventType::Trial
            | EventType::Charge
            | EventType::Verdict
            | EventType::Amnesty
            | EventType::Mourning
            | EventType::Acquisition
            | EventType::Escape
            | EventType::Robbery
    )
}

/// People and organizations (not places) both mentions name.
fn shared_actors(a: &Candidate, b: &Candidate) -> usize {
    actors_of_both(a, b).count()
}

/// Whether both mentions name one place below the level of a country (a
/// city, a region, a site) and neither adds up many happenings there
/// ("Forty had been killed in Korso since the protests began").
fn same_local_happening(a: &Candidate, b: &Candidate) -> bool {
    !a.local_places.is_disjoint(&b.local_places)
        && !is_running_total(a.quote)
        && !is_running_total(b.quote)
}

/// Whether both mentions name one person or organization.
fn shares_an_actor(a: &Candidate, b: &Candidate) -> bool {
    actors_of_both(a, b).next().is_some()
}

fn actors_of_both<'c>(a: &'c Candidate, b: &'c Candidate) -> impl Iterator<Item = &'c usize> {
    a.entities
        .intersection(&b.entities)
        .filter(|e| !a.places.contains(e) && !b.places.contains(e))
}

/// How much sharing a word says: its inverse frequency among the
/// corpus's event sentences (ln((N + 1) / n)), so that sharing "Woodburn" or
/// "Waitrose" weighs more than sharing "police" or "people".
struct WordWeights {
    /// By word id.
    idf: Vec<f64>,
    /// Each word's place when words are ordered rarest first (then by
    /// id), by word id.
    rarity_rank: Vec<u32>,
}

impl WordWeights {
    fn new(candidates: &[Candidate], vocabulary_size: usize) -> Self {
        let mut counts = vec![0usize; vocabulary_size];
        for c in candidates {
            for &word in c.words.iter() {
                counts[word as usize] += 1;
            }
        }
        WordWeights::from_counts(&counts, candidates.len())
    }

    /// Weights of words that `counts[id]` of `total` sentences hold.
    fn from_counts(counts: &[usize], total: usize) -> Self {
        let total = total.max(1) as f64;
        // Smoothed (ln((N + 1) / n)): a word every sentence holds still
        // counts a little, so that two reports alone can still agree.
        let idf = counts
            .iter()
            .map(|&n| ((total + 1.0) / n.max(1) as f64).ln())
            .collect();
        let mut rarest_first: Vec<u32> = (0..counts.len() as u32).collect();
        rarest_first.sort_by_key(|&id| (counts[id as usize], id));
        let mut rarity_rank = vec![0; counts.len()];
        for (rank, &id) in (0u32..).zip(&rarest_first) {
            rarity_rank[id as usize] = rank;
        }
        WordWeights { idf, rarity_rank }
    }

    /// The rarest words of a set that any set of weighted Jaccard ≥
    /// `threshold` with it (see [`Self::jaccard`]) must share one of: all
    /// but the longest tail of common words weighing less than
    /// `threshold` of the whole set.
    fn rarest_weighted(&self, words: &[u32], threshold: f64) -> Vec<u32> {
        let mut by_rarity = self.rarest_first(words);
        let weight = |id: &u32| self.idf[*id as usize];
        let total: f64 = by_rarity.iter().map(weight).sum();
        // The suffix left out must weigh less than the threshold's share,
        // with a margin for rounding.
        let allowed = threshold * total - 1e-9 * total.max(1.0);
        let mut suffix = 0.0;
        let mut keep = by_rarity.len();
        while keep > 0 && suffix + weight(&by_rarity[keep - 1]) < allowed {
            suffix += weight(&by_rarity[keep - 1]);
            keep -= 1;
        }
        by_rarity.truncate(keep);
        by_rarity
    }

    /// The rarest words of a set, as many as any set of Jaccard ≥
    /// `threshold` with it must share one of
    /// ([`corroborate_text::jaccard_prefix_len`]).
    fn rarest(&self, words: &[u32], threshold: f64) -> Vec<u32> {
        let keep = corroborate_text::jaccard_prefix_len(words.len(), threshold).min(words.len());
        let mut by_rarity = self.rarest_first(words);
        by_rarity.truncate(keep);
        by_rarity
    }

    /// The words in the one global order both prefix filters use.
    fn rarest_first(&self, words: &[u32]) -> Vec<u32> {
        let mut by_rarity = words.to_vec();
        by_rarity.sort_by_key(|&id| self.rarity_rank[id as usize]);
        by_rarity
    }

    /// Jaccard similarity with each word weighted by its inverse
    /// frequency (summed in alphabetical order, as over sorted strings).
    fn jaccard(&self, a: &[u32], b: &[u32]) -> f64 {
        let (mut union, mut shared) = (0.0, 0.0);
        for (id, both) in merged_ids(a, b) {
            let weight = self.idf[id as usize];
            union += weight;
            if both {
                shared += weight;
            }
        }
        if union <= 0.0 {
            return 0.0;
        }
        shared / union
    }
}

/// Members of a cluster a candidate is compared with: one per copy group
/// (copies say the same), at most [`MAX_COMPARED_MEMBERS`], so that a
/// widely syndicated event does not make clustering quadratic.
const MAX_COMPARED_MEMBERS: usize = 16;

fn joins(candidates: &[Candidate], cluster: &[usize], i: usize, weights: &WordWeights) -> bool {
    // At most MAX_COMPARED_MEMBERS groups: a list is quicker than a set.
    let mut groups_seen: Vec<usize> = Vec::with_capacity(MAX_COMPARED_MEMBERS);
    cluster
        .iter()
        .filter(|&&j| {
            let group = candidates[j].group;
            let new = !groups_seen.contains(&group);
            if new {
                groups_seen.push(group);
            }
            new
        })
        .take(MAX_COMPARED_MEMBERS)
        .any(|&j| same_event(&candidates[j], &candidates[i], weights))
}

/// Whether two mentions name places that cannot both hold: different
/// cities or sites, or, when one names only countries, different
/// countries. A city and its own country do not clash ("Athens",
/// "Greece").
fn places_clash(a: &Candidate, b: &Candidate) -> bool {
    if !a.local_places.is_empty() && !b.local_places.is_empty() {
        return a.local_places.is_disjoint(&b.local_places);
    }
    !a.countries.is_empty() && !b.countries.is_empty() && a.countries.is_disjoint(&b.countries)
}

fn same_event(a: &Candidate, b: &Candidate, weights: &WordWeights) -> bool {
    if a.report == b.report && a.mention.span == b.mention.span {
        return true;
    }
    let similarity = jaccard_ids(&a.words, &b.words);
    let places_clash = places_clash(a, b);
    match (&a.join_date, &b.join_date) {
        (Some(da), Some(db)) if da.overlaps(db) => {
            // One day holds many deaths in one clash, but a general action
            // is about the people it names (see `persons_clash`).
            let other_people = a.mention.action.is_some() && persons_clash(a, b);
            (shares_an_actor(a, b) || similarity >= SAME_DAY_SIMILARITY)
                && (!places_clash || similarity >= NEAR_DATE_SIMILARITY)
                && !other_people
        }
        (Some(da), Some(db)) => {
            let day_precise = da.width_days() == 1 && db.width_days() == 1;
            let gap = (da.start - db.start).num_days().abs();
            let same_country =
                !a.countries.is_disjoint(&b.countries) || !a.places.is_disjoint(&b.places);
            let same_thing = if places_clash {
                a.onset && b.onset && same_country
            } else {
                (a.onset && b.onset && same_country) || similarity >= NEAR_DATE_SIMILARITY
            };
            // A verb of no known kind told of two days is as likely two
            // happenings as one dated differently: general actions never
            // join across days (and so never make a date conflict).
            day_precise
                && gap <= NEAR_DATE_DAYS
                && same_thing
                && !persons_clash(a, b)
                && a.mention.action.is_none()
        }
        _ if persons_clash(a, b) => false,
        _ => {
            weights.jaccard(&a.words, &b.words) >= UNDATED_SIMILARITY
                || ((shares_an_actor(a, b) || same_local_happening(a, b))
                    && !places_clash
                    && !recurs_between_the_same_parties(a.mention.event_type)
                    && similarity >= UNDATED_ACTOR_SIMILARITY)
        }
    }
}

/// Whether two mentions of a kind of happening that befalls a person
/// (a death, an arrest, a resignation …) name different people and no
/// one in common: "Felt died" and "LaRue died" are two deaths whatever
/// wording ("Watergate", "Nixon aide") they share. A general action
/// (`action`) is about all the people it names: "X stopped Thompson" and
/// "X stopped Rahman" are two happenings, each naming someone the other
/// does not.
fn persons_clash(a: &Candidate, b: &Candidate) -> bool {
    let general = a.mention.action.is_some();
    (a.mention.event_type.befalls_a_person() || general)
        && !a.persons.is_empty()
        && !b.persons.is_empty()
        && (!name_a_common_person(a, b) || (general && each_names_another(a, b)))
}

/// Whether each mention names a person (by surname) the other does not.
fn each_names_another(a: &Candidate, b: &Candidate) -> bool {
    let only_in = |x: &Candidate, y: &Candidate| x.surnames.iter().any(|s| !y.surnames.contains(s));
    only_in(a, b) && only_in(b, a)
}

/// Whether both name one person: the same entity, or people of one
/// surname (the entity merge keeps "Felt" apart from "W. Mark Felt" when
/// the corpus names several Felts; the date window decides the rest).
fn name_a_common_person(a: &Candidate, b: &Candidate) -> bool {
    !a.persons.is_disjoint(&b.persons) || !a.surnames.is_disjoint(&b.surnames)
}

/// Days apart two sources may date one person's death: a person dies
/// once, so "died on Saturday" and "was found dead on Wednesday" are one
/// death the sources date differently (a date conflict), not two.
const ONE_DEATH_DAYS: i64 = 7;

/// Whether both mentions tell the death of one person.
fn one_death(a: &Candidate, b: &Candidate) -> bool {
    a.mention.event_type == EventType::Deaths
        && b.mention.event_type == EventType::Deaths
        && name_a_common_person(a, b)
}

/// Whether a mention dated to one day tells the death of a person a
/// member dated to one day, at most [`ONE_DEATH_DAYS`] before, tells
/// (see [`one_death`]).
fn tells_the_same_death(candidates: &[Candidate], cluster: &[usize], i: usize) -> bool {
    let candidate = &candidates[i];
    if candidate.mention.event_type != EventType::Deaths || candidate.persons.is_empty() {
        return false;
    }
    let Some(date) = candidate
        .mention
        .date
        .as_ref()
        .filter(|d| d.width_days() == 1)
    else {
        return false;
    };
    cluster.iter().take(MAX_COMPARED_MEMBERS).any(|&j| {
        let member = &candidates[j];
        member
            .mention
            .date
            .as_ref()
            .filter(|d| d.width_days() == 1)
            .is_some_and(|d| (date.start - d.start).num_days().abs() <= ONE_DEATH_DAYS)
            && one_death(member, candidate)
            && !places_clash(member, candidate)
    })
}

/// Days after a member's day a mention of this kind may still join its
/// cluster: none for a general action, [`ONE_DEATH_DAYS`] for deaths (see
/// [`one_death`]), [`NEAR_DATE_DAYS`] otherwise.
fn near_days(mention: &EventMention) -> i64 {
    if mention.action.is_some() {
        0
    } else if mention.event_type == EventType::Deaths {
        ONE_DEATH_DAYS
    } else {
        NEAR_DATE_DAYS
    }
}

/// Kinds of happening the same people repeat within a crisis (statements,
/// speeches, protests, strikes, meetings, clashes): naming the same actor
/// says little about being the same occasion.
fn recurs_between_the_same_parties(event_type: EventType) -> bool {
    matches!(
        event_type,
        EventType::Statement
            | EventType::Speech
            | EventType::Protest
            | EventType::Strike
            | EventType::Meeting
            | EventType::Violence
    )
}

fn build_events(
    reports: &[AnnotatedReport],
    entities: &EntityIndex,
    candidates: &[Candidate],
    clusters: Vec<Vec<usize>>,
) -> MergedEvents {
    let mut drafts: Vec<(Event, Option<Conflict>)> = clusters
        .iter()
        .map(|cluster| draft_event(reports, entities, candidates, cluster))
        .collect();
    drafts.sort_by(|(a, _), (b, _)| {
        let key = |e: &Event| {
            e.date.as_ref().map_or((1, NaiveDate::MAX, 0), |d| {
                (0, d.start, (d.end - d.start).num_days())
            })
        };
        key(a)
            .cmp(&key(b))
            .then(b.independent_sources.cmp(&a.independent_sources))
            .then(a.summary.cmp(&b.summary))
    });
    let mut events = Vec::with_capacity(drafts.len());
    let mut conflicts = Vec::new();
    for (n, (mut event, conflict)) in drafts.into_iter().enumerate() {
        event.id = format!("evt-{}", n + 1);
        if let Some(mut conflict) = conflict {
            conflict.items = vec![event.id.clone()];
            conflicts.push(conflict);
        }
        events.push(event);
    }
    MergedEvents { events, conflicts }
}

fn draft_event(
    reports: &[AnnotatedReport],
    entities: &EntityIndex,
    candidates: &[Candidate],
    cluster: &[usize],
) -> (Event, Option<Conflict>) {
    let members: Vec<&Candidate> = cluster.iter().map(|&i| &candidates[i]).collect();
    let sources: Vec<EventSource> = members.iter().map(|c| event_source(reports, c)).collect();
    let (date, conflict) = agreed_date(&members);
    let entity_ids: BTreeSet<usize> = members
        .iter()
        .flat_map(|c| c.entities.iter().copied())
        .collect();
    let groups: BTreeSet<usize> = members.iter().map(|c| c.group).collect();
    let event_type = members
        .first()
        .map_or(EventType::Other, |c| c.mention.event_type);
    let event = Event {
        id: String::new(),
        event_type,
        date: date.as_ref().map(to_event_date),
        summary: summarize(&members),
        entities: entity_ids
            .iter()
            .map(|&e| entities.entities[e].id.clone())
            .collect(),
        sources,
        independent_sources: groups.len(),
        date_inferred: members
            .iter()
            .any(|c| c.date_inferred && c.mention.date == date),
        action: members.first().and_then(|c| c.mention.action.clone()),
    };
    (event, conflict)
}

fn event_source(reports: &[AnnotatedReport], c: &Candidate) -> EventSource {
    EventSource {
        report: reports[c.report].report.meta.id.clone(),
        quote: c.quote.to_string(),
        start: c.mention.span.start,
        end: c.mention.span.end,
        date: c.mention.date.as_ref().map(to_event_date),
        date_text: c.date_text.clone(),
        date_basis: c.mention.date_basis,
        trigger: c.mention.trigger.clone(),
    }
}

fn to_event_date(d: &DateValue) -> EventDate {
    EventDate {
        value: d.value.clone(),
        start: d.start,
        end: d.end,
    }
}

/// The most precise date all sources agree on; when day-precise dates
/// disagree, the one most independent sources give (earliest on a tie),
/// with a date conflict listing each source's date.
fn agreed_date(members: &[&Candidate]) -> (Option<DateValue>, Option<Conflict>) {
    let by_publication = |c: &&Candidate| c.mention.date_basis == DateBasis::Publication;
    let mut dated: Vec<&Candidate> = members
        .iter()
        .copied()
        .filter(|c| c.mention.date.is_some())
        .collect();
    // A publication day only bounds the happening ("has died"): it dates
    // the event only when no source says when it happened.
    if dated.iter().any(|c| !by_publication(c)) {
        dated.retain(|c| !by_publication(c));
    }
    let mut support: BTreeMap<(NaiveDate, NaiveDate, String), BTreeSet<usize>> = BTreeMap::new();
    for c in &dated {
        if let Some(d) = &c.mention.date {
            support
                .entry((d.start, d.end, d.value.clone()))
                .or_default()
                .insert(c.group);
        }
    }
    let distinct_days: BTreeSet<NaiveDate> = dated
        .iter()
        .filter(|c| !c.mention.date_basis.is_context())
        .filter_map(|c| c.mention.date.as_ref())
        .filter(|d| d.width_days() == 1)
        .map(|d| d.start)
        .collect();
    let best = support
        .iter()
        .max_by(|(ka, ga), (kb, gb)| {
            let width = |k: &(NaiveDate, NaiveDate, String)| (k.1 - k.0).num_days();
            ga.len()
                .cmp(&gb.len())
                .then(width(kb).cmp(&width(ka)))
                .then(kb.0.cmp(&ka.0))
        })
        .map(|((start, end, value), _)| DateValue {
            value: value.clone(),
            start: *start,
            end: *end,
        });
    let conflict = (distinct_days.len() > 1).then(|| date_conflict(&dated, &distinct_days));
    (best, conflict)
}

fn date_conflict(dated: &[&Candidate], days: &BTreeSet<NaiveDate>) -> Conflict {
    let sides: Vec<ConflictSide> = dated
        .iter()
        .filter(|c| !c.mention.date_basis.is_context())
        .filter(|c| c.mention.date.as_ref().is_some_and(|d| d.width_days() == 1))
        .map(|c| ConflictSide {
            report: c.report_id.to_string(),
            quote: c.quote.to_string(),
            start: c.mention.span.start,
            end: c.mention.span.end,
            says: c
                .mention
                .date
                .as_ref()
                .map(|d| d.value.clone())
                .unwrap_or_default(),
            speaker: None,
        })
        .collect();
    let listed: Vec<String> = days
        .iter()
        .map(|d| d.format("%-d %B %Y").to_string())
        .collect();
    let event_type = dated
        .first()
        .map_or("event", |c| c.mention.event_type.as_str());
    Conflict {
        id: String::new(),
        kind: ConflictKind::Date,
        items: Vec::new(),
        explanation: format!(
            "Sources date the same {} differently: {}.",
            event_type.replace('_', " "),
            listed.join(" vs ")
        ),
        sides,
    }
}

/// The clearest source sentence: dated by its own words if possible, then of a readable
/// length; long sentences are cut to the clause holding the trigger.
fn summarize(members: &[&Candidate]) -> String {
    let best = members.iter().min_by_key(|c| {
        let len = c.quote.chars().count();
        let length_penalty = if len < 40 { 400 } else { len.abs_diff(140) };
        let own_date = c.mention.date.is_some() && !c.mention.date_basis.is_context();
        (!own_date, c.mention.date.is_none(), length_penalty)
    });
    best.map(|c| clean_summary(c.quote, &c.mention.trigger))
        .unwrap_or_default()
}

fn clean_summary(quote: &str, trigger: &str) -> String {
    let flat: String = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 220 {
        return flat;
    }
    let clause = flat
        .split([';', '—'])
        .find(|part| part.contains(trigger))
        .unwrap_or(&flat)
        .trim();
    if clause.chars().count() <= 220 {
        return clause.to_string();
    }
    let cut: String = clause.chars().take(217).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{at_word}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{merge_entities, NoGeocoder};
    use crate::find_report_copies;
    use crate::lexical::jaccard;
    use crate::test_support::*;
    use EntityKind::Place;

    fn run(reports: &[AnnotatedReport]) -> MergedEvents {
        run_in_stories(reports, &vec![0; reports.len()])
    }

    fn run_in_stories(reports: &[AnnotatedReport], story_of: &[usize]) -> MergedEvents {
        let index = merge_entities(reports, &NoGeocoder);
        let country = |_: usize| Some("VL".to_string());
        merge_events(
            reports,
            &EventContext {
                entities: &index,
                copies: &find_report_copies(reports),
                country_of_place: &country,
                national: &BTreeSet::new(),
                story_of,
            },
        )
    }

    #[test]
    fn reports_of_two_stories_tell_two_happenings() {
        let dismissal = |id: &str| {
            let mut r = report(
                id,
                Some(day(3, 6)),
                &["On 5 March the president dismissed the government."],
            );
            let t = add_timex(&mut r, "5 March", day(3, 5));
            add_event(&mut r, EventType::Dismissal, "dismissed", Some(t), vec![]);
            r
        };
        let reports = [dismissal("a"), dismissal("b")];
        assert_eq!(run_in_stories(&reports, &[0, 0]).events.len(), 1);
        assert_eq!(run_in_stories(&reports, &[0, 1]).events.len(), 2);
    }

    #[test]
    fn same_event_from_two_reports_is_one_entry() {
        let mut a = report(
            "a",
            Some(day(3, 6)),
            &["On 5 March the president dismissed the government of Anton Greel."],
        );
        let t = add_timex(&mut a, "5 March", day(3, 5));
        let m = add_mention(&mut a, "Anton Greel", EntityKind::Person);
        add_event(&mut a, EventType::Dismissal, "dismissed", Some(t), vec![m]);
        let mut b = report(
            "b",
            Some(day(3, 7)),
            &["Anton Greel and his cabinet were dismissed on March 5."],
        );
        let t = add_timex(&mut b, "March 5", day(3, 5));
        let m = add_mention(&mut b, "Anton Greel", EntityKind::Person);
        add_event(&mut b, EventType::Dismissal, "dismissed", Some(t), vec![m]);
        let got = run(&[a, b]);
        assert_eq!(got.events.len(), 1);
        let event = &got.events[0];
        assert_eq!(event.independent_sources, 2);
        assert_eq!(
            event.date.as_ref().map(|d| d.value.as_str()),
            Some("2024-03-05")
        );
        assert_eq!(event.sources.len(), 2);
        assert!(got.conflicts.is_empty());
    }

    /// A dated appeal to an alliance in one report, an undated one in
    /// another, of `kind`.
    fn appeal_reports(kind: EventType) -> Vec<AnnotatedReport> {
        let mut a = report(
            "a",
            Some(day(3, 6)),
            &["On the evening of 5 March, President Ilse Varga appealed to the Northern Pact for help."],
        );
        let t = add_timex(&mut a, "5 March", day(3, 5));
        let varga = add_mention(&mut a, "Ilse Varga", EntityKind::Person);
        let pact = add_mention(&mut a, "Northern Pact", EntityKind::Organization);
        add_event(&mut a, kind, "appealed", Some(t), vec![varga, pact]);
        let mut b = report(
            "b",
            None,
            &["Varga invited forces from the Northern Pact to restore order."],
        );
        let varga = add_mention(&mut b, "Varga", EntityKind::Person);
        let pact = add_mention(&mut b, "Northern Pact", EntityKind::Organization);
        add_event(&mut b, kind, "invited", None, vec![varga, pact]);
        vec![a, b]
    }

    #[test]
    fn an_undated_mention_joins_the_one_event_with_the_same_two_actors() {
        let got = run(&appeal_reports(EventType::RequestForHelp));
        assert_eq!(got.events.len(), 1, "{:?}", got.events);
        assert_eq!(got.events[0].independent_sources, 2);
        assert_eq!(
            got.events[0].date.as_ref().map(|d| d.start),
            Some(day(3, 5))
        );
    }

    #[test]
    fn recurring_kinds_do_not_join_by_actors_alone() {
        let got = run(&appeal_reports(EventType::Statement));
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
    }

    #[test]
    fn onsets_a_day_apart_are_one_event_with_a_date_conflict() {
        let mut a = report(
            "a",
            None,
            &["Protests over fuel prices began in Lirona on 3 March."],
        );
        let t = add_timex(&mut a, "3 March", day(3, 3));
        let p = add_mention(&mut a, "Lirona", Place);
        add_event(&mut a, EventType::Protest, "Protests", Some(t), vec![p]);
        let mut b = report(
            "b",
            None,
            &["Demonstrations over the tariff began on 4 March in the west of Veloria."],
        );
        let t = add_timex(&mut b, "4 March", day(3, 4));
        let p = add_mention(&mut b, "Veloria", Place);
        add_event(
            &mut b,
            EventType::Protest,
            "Demonstrations",
            Some(t),
            vec![p],
        );
        let got = run(&[a, b]);
        assert_eq!(got.events.len(), 1, "{:?}", got.events);
        assert_eq!(got.conflicts.len(), 1);
        assert_eq!(got.conflicts[0].kind, ConflictKind::Date);
        assert!(got.conflicts[0]
            .explanation
            .contains("3 March 2024 vs 4 March 2024"));
        assert_eq!(got.conflicts[0].items, vec![got.events[0].id.clone()]);
        assert_eq!(got.conflicts[0].sides.len(), 2);
    }

    #[test]
    fn protests_on_different_days_in_different_cities_stay_apart() {
        let mut a = report(
            "a",
            None,
            &[
                "Thousands rallied in Lirona on 3 March.",
                "Hundreds rallied in Kostel on 5 March.",
            ],
        );
        let t1 = add_timex(&mut a, "3 March", day(3, 3));
        let p1 = add_mention(&mut a, "Lirona", Place);
        add_event(
            &mut a,
            EventType::Protest,
            "rallied in Lirona",
            Some(t1),
            vec![p1],
        );
        let t2 = add_timex(&mut a, "5 March", day(3, 5));
        let p2 = add_mention(&mut a, "Kostel", Place);
        add_event(
            &mut a,
            EventType::Protest,
            "rallied in Kostel",
            Some(t2),
            vec![p2],
        );
        let got = run(&[a]);
        assert_eq!(got.events.len(), 2);
        assert!(got.conflicts.is_empty());
        assert!(
            got.events[0].date.as_ref().expect("dated").start
                < got.events[1].date.as_ref().expect("dated").start
        );
    }

    #[test]
    fn an_undated_mention_still_joins_an_event_long_out_of_date_reach() {
        let mut reports = appeal_reports(EventType::RequestForHelp);
        let mut later = report(
            "c",
            Some(day(5, 20)),
            &["On 18 May, the governor Tomas Reyl appealed to the Coastal League for help."],
        );
        let t = add_timex(&mut later, "18 May", day(5, 18));
        let reyl = add_mention(&mut later, "Tomas Reyl", EntityKind::Person);
        let league = add_mention(&mut later, "Coastal League", EntityKind::Organization);
        add_event(
            &mut later,
            EventType::RequestForHelp,
            "appealed",
            Some(t),
            vec![reyl, league],
        );
        reports.insert(1, later);
        let got = run(&reports);
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
        let march = got
            .events
            .iter()
            .find(|e| e.date.as_ref().is_some_and(|d| d.start == day(3, 5)))
            .expect("the March appeal");
        assert_eq!(march.independent_sources, 2, "the undated report joined it");
    }

    /// A report whose body dates a fire at a site and whose headline
    /// mentions the fire again without a date.
    fn fire_report(id: &str, published: Option<NaiveDate>, headline: &str) -> AnnotatedReport {
        let mut r = report(
            id,
            published,
            &[
                headline,
                "A fire destroyed the Ostrel grain depot on 4 March.",
            ],
        );
        let t = add_timex(&mut r, "4 March", day(3, 4));
        let depot = add_mention(&mut r, "Ostrel", Place);
        add_event(
            &mut r,
            EventType::Disaster,
            "fire destroyed",
            Some(t),
            vec![depot],
        );
        add_event(&mut r, EventType::Disaster, "Fire", None, vec![]);
        r
    }

    /// A death dated by its clause in report "a" ("died on Saturday", 2
    /// March) and told in the present perfect in report "b", dated only by
    /// b's publication on 5 March.
    fn death_and_its_later_news() -> Vec<AnnotatedReport> {
        let mut a = report(
            "a",
            Some(day(3, 4)),
            &["Orla Venn died on Saturday in Lirona."],
        );
        let t = add_timex(&mut a, "Saturday", day(3, 2));
        let venn = add_mention(&mut a, "Orla Venn", EntityKind::Person);
        add_event(&mut a, EventType::Deaths, "died", Some(t), vec![venn]);
        let mut b = report(
            "b",
            Some(day(3, 5)),
            &["The singer Orla Venn has died, aged 80."],
        );
        let venn = add_mention(&mut b, "Orla Venn", EntityKind::Person);
        add_event(&mut b, EventType::Deaths, "has died", None, vec![venn]);
        if let Some(event) = b.annotations.events.last_mut() {
            event.date = Some(DateValue {
                value: "2024-03-05".to_string(),
                start: day(3, 5),
                end: day(3, 5),
            });
            event.date_basis = DateBasis::Publication;
        }
        vec![a, b]
    }

    #[test]
    fn a_date_that_is_only_the_publication_joins_the_happening_days_before() {
        let got = run(&death_and_its_later_news());
        assert_eq!(got.events.len(), 1, "{:?}", got.events);
        let event = &got.events[0];
        assert_eq!(event.independent_sources, 2);
        // The clause's date, not the later publication's.
        assert_eq!(
            event.date.as_ref().map(|d| d.value.as_str()),
            Some("2024-03-02")
        );
        assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
    }

    /// A death of Orla Venn dated 2 March in report "a" and one dated
    /// `found` in report "b".
    fn death_found_later(found: NaiveDate) -> MergedEvents {
        let mut a = report(
            "a",
            Some(day(3, 4)),
            &["Orla Venn died on Saturday in Lirona."],
        );
        let t = add_timex(&mut a, "Saturday", day(3, 2));
        let venn = add_mention(&mut a, "Orla Venn", EntityKind::Person);
        add_event(&mut a, EventType::Deaths, "died", Some(t), vec![venn]);
        let mut b = report(
            "b",
            None,
            &["Orla Venn was found dead in her flat on Wednesday, police said."],
        );
        let t = add_timex(&mut b, "Wednesday", found);
        let venn = add_mention(&mut b, "Orla Venn", EntityKind::Person);
        add_event(&mut b, EventType::Deaths, "dead", Some(t), vec![venn]);
        run(&[a, b])
    }

    #[test]
    fn a_person_dies_once_whatever_days_the_sources_give() {
        let got = death_found_later(day(3, 6));
        assert_eq!(got.events.len(), 1, "{:?}", got.events);
        assert_eq!(got.conflicts.len(), 1, "the two days are a date conflict");
        // Weeks apart it is no longer the same news.
        let got = death_found_later(day(3, 25));
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
    }

    #[test]
    fn deaths_of_two_people_stay_apart_whatever_wording_they_share() {
        let mut a = report(
            "a",
            Some(day(3, 4)),
            &["Orla Venn, the Harbour Affair informant, died on Saturday."],
        );
        let t = add_timex(&mut a, "Saturday", day(3, 2));
        let venn = add_mention(&mut a, "Orla Venn", EntityKind::Person);
        add_event(&mut a, EventType::Deaths, "died", Some(t), vec![venn]);
        let mut b = report(
            "b",
            None,
            &["Piet Lusk, the Harbour Affair informant, has died."],
        );
        let lusk = add_mention(&mut b, "Piet Lusk", EntityKind::Person);
        add_event(&mut b, EventType::Deaths, "died", None, vec![lusk]);
        let got = run(&[a, b]);
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
    }

    /// A person mention of the last occurrence of `name` in the text.
    fn add_later_mention(r: &mut AnnotatedReport, name: &str) {
        let start = r.report.text.rfind(name).expect("name in test text");
        r.annotations.mentions.push(corroborate_model::Mention {
            span: corroborate_model::Span::new(start, start + name.len()),
            text: name.to_string(),
            kind: EntityKind::Person,
            title: None,
            expansion: None,
        });
    }

    #[test]
    fn he_in_a_report_about_one_person_is_that_person() {
        let mut a = report(
            "a",
            Some(day(3, 4)),
            &["Orla Venn died on Saturday.", "Venn was 80."],
        );
        let t = add_timex(&mut a, "Saturday", day(3, 2));
        let venn = add_mention(&mut a, "Orla Venn", EntityKind::Person);
        add_later_mention(&mut a, "Venn");
        add_event(&mut a, EventType::Deaths, "died", Some(t), vec![venn]);
        let mut b = report(
            "b",
            Some(day(3, 4)),
            &[
                "Orla Venn was a singer.",
                "He passed away in a clinic on Saturday morning.",
                "Venn had been ill.",
            ],
        );
        add_mention(&mut b, "Orla Venn", EntityKind::Person);
        add_later_mention(&mut b, "Venn");
        let t = add_timex(&mut b, "Saturday", day(3, 2));
        add_event(&mut b, EventType::Deaths, "passed away", Some(t), vec![]);
        let got = run(&[a, b]);
        assert_eq!(got.events.len(), 1, "{:?}", got.events);
    }

    #[test]
    fn one_reports_two_mentions_of_a_kind_on_one_day_are_one_happening() {
        let mut a = report(
            "a",
            Some(day(3, 4)),
            &[
                "A blaze gutted the Ostrel depot on Sunday.",
                "Crews fought flames there until dawn on Sunday.",
            ],
        );
        let t1 = add_timex(&mut a, "Sunday.", day(3, 3));
        let t2 = add_timex(&mut a, "dawn on Sunday", day(3, 3));
        add_event(&mut a, EventType::Disaster, "blaze", Some(t1), vec![]);
        add_event(&mut a, EventType::Disaster, "flames", Some(t2), vec![]);
        let got = run(&[a]);
        assert_eq!(got.events.len(), 1, "{:?}", got.events);
    }

    #[test]
    fn the_quake_of_a_report_is_its_news_not_its_background() {
        let mut a = report(
            "a",
            Some(day(3, 5)),
            &[
                "An earthquake hit Lirona on 4 March.",
                "In 2023 an earthquake razed Velmark.",
                "The strong quake was felt across the coast.",
            ],
        );
        let news = add_timex(&mut a, "4 March", day(3, 4));
        add_event(
            &mut a,
            EventType::Disaster,
            "An earthquake hit",
            Some(news),
            vec![],
        );
        let old = add_timex(
            &mut a,
            "2023",
            NaiveDate::from_ymd_opt(2023, 6, 1).expect("date"),
        );
        add_event(
            &mut a,
            EventType::Disaster,
            "earthquake razed",
            Some(old),
            vec![],
        );
        add_event(&mut a, EventType::Disaster, "quake was", None, vec![]);
        let got = run(&[a]);
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
        let news_event = got
            .events
            .iter()
            .find(|e| e.date.as_ref().is_some_and(|d| d.value == "2024-03-04"))
            .expect("the news quake");
        assert_eq!(news_event.sources.len(), 2, "{:?}", news_event.sources);
    }

    #[test]
    fn undated_reports_of_a_fire_in_one_town_are_one_fire() {
        let mut a = report(
            "a",
            None,
            &["A fire destroyed the Waldo supermarket in Ostrel."],
        );
        let town = add_mention(&mut a, "Ostrel", Place);
        add_event(&mut a, EventType::Disaster, "fire", None, vec![town]);
        let mut b = report(
            "b",
            None,
            &["Firefighters said the fire at the supermarket in Ostrel started at dawn."],
        );
        let town = add_mention(&mut b, "Ostrel", Place);
        add_event(&mut b, EventType::Disaster, "fire at", None, vec![town]);
        let got = run(&[a, b]);
        assert_eq!(got.events.len(), 1, "{:?}", got.events);
    }

    #[test]
    fn a_verb_after_the_choice_to_does_not_refer_back() {
        let mut a = report(
            "a",
            Some(day(3, 6)),
            &[
                "On 5 March the cabinet of Lirona resigned.",
                "Later he said he had made the choice to resign.",
            ],
        );
        let t = add_timex(&mut a, "5 March", day(3, 5));
        add_event(&mut a, EventType::Resignation, "resigned", Some(t), vec![]);
        add_event(&mut a, EventType::Resignation, "resign.", None, vec![]);
        let got = run(&[a]);
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
    }

    #[test]
    fn an_undated_removal_stays_apart_among_a_weeks_dismissals() {
        let mut a = report(
            "a",
            Some(day(3, 20)),
            &[
                "On 6 March the president dismissed the security chief.",
                "On 18 March he dismissed the chief's deputies.",
                "Three days after the removal, police searched the ministry.",
            ],
        );
        let t = add_timex(&mut a, "6 March", day(3, 6));
        add_event(
            &mut a,
            EventType::Dismissal,
            "dismissed the security",
            Some(t),
            vec![],
        );
        let t = add_timex(&mut a, "18 March", day(3, 18));
        add_event(
            &mut a,
            EventType::Dismissal,
            "dismissed the chief's",
            Some(t),
            vec![],
        );
        add_event(&mut a, EventType::Dismissal, "removal", None, vec![]);
        let got = run(&[a]);
        assert_eq!(got.events.len(), 3, "{:?}", got.events);
    }

    /// Regression: boilerplate wording ("people have died since the
    /// violence began") joined undated mentions of reports published
    /// years apart, and of reports published long after a dated event,
    /// into one event.
    #[test]
    fn an_undated_mention_reaches_only_months_from_its_report() {
        let sentence = "Officials say more than 40 people have died since the violence began.";
        let undated = |id: &str, published: NaiveDate| {
            let mut r = report(id, Some(published), &[sentence]);
            add_event(&mut r, EventType::Deaths, "died", None, vec![]);
            r
        };
        let next_year = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap_or_default();
        let got = run(&[undated("a", day(3, 10)), undated("b", day(3, 12))]);
        assert_eq!(got.events.len(), 1, "two days apart: {:?}", got.events);
        let got = run(&[undated("a", day(3, 10)), undated("b", next_year)]);
        assert_eq!(got.events.len(), 2, "a year apart: {:?}", got.events);

        let mut dated = report(
            "c",
            Some(day(3, 5)),
            &["Officials say more than 40 people have died since the violence began on 4 March."],
        );
        let t = add_timex(&mut dated, "4 March", day(3, 4));
        add_event(&mut dated, EventType::Deaths, "died", Some(t), vec![]);
        let got = run(&[dated.clone(), undated("a", day(3, 10))]);
        assert_eq!(
            got.events.len(),
            1,
            "days after the event: {:?}",
            got.events
        );
        let got = run(&[dated, undated("b", next_year)]);
        assert_eq!(got.events.len(), 2, "a year after it: {:?}", got.events);
    }

    #[test]
    fn an_undated_headline_joins_the_happening_its_report_dates() {
        let r = fire_report("a", None, "Fire at depot: owners count the cost");
        let got = run(&[r]);
        assert_eq!(got.events.len(), 1, "{:?}", got.events);
        assert_eq!(got.events[0].sources.len(), 2);
        assert!(got.events[0].date.is_some());
    }

    #[test]
    fn a_running_total_is_not_folded_into_one_happening() {
        let mut r = report(
            "a",
            None,
            &[
                "Police killed six protesters in Korso on 4 March.",
                "Forty protesters had been killed in Korso since the protests began.",
            ],
        );
        let t = add_timex(&mut r, "4 March", day(3, 4));
        let korso = add_mention(&mut r, "Korso", Place);
        add_event(
            &mut r,
            EventType::Deaths,
            "killed six",
            Some(t),
            vec![korso],
        );
        add_event(&mut r, EventType::Deaths, "been killed", None, vec![korso]);
        let got = run(&[r]);
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
    }

    #[test]
    fn an_undated_mention_sharing_nothing_but_its_trigger_stays_apart() {
        let r = fire_report("a", None, "Fire season starts early, officials warn");
        let got = run(&[r]);
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
    }

    #[test]
    fn an_undated_mention_does_not_join_a_background_event_of_its_report() {
        // Published in 2025: the dated fire of 4 March 2024 is background.
        let published = NaiveDate::from_ymd_opt(2025, 6, 1);
        let r = fire_report("a", published, "Fire at depot: owners count the cost");
        let got = run(&[r]);
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
    }

    #[test]
    fn a_city_and_its_own_country_do_not_clash() {
        let mut a = report("a", None, &["Three people died in Lirona on 3 March."]);
        let t = add_timex(&mut a, "3 March", day(3, 3));
        let city = add_mention(&mut a, "Lirona", Place);
        add_event(&mut a, EventType::Deaths, "died", Some(t), vec![city]);
        let mut b = report(
            "b",
            None,
            &["Police said several protesters died in Velmark on 3 March."],
        );
        let t = add_timex(&mut b, "3 March", day(3, 3));
        let country = add_mention(&mut b, "Velmark", Place);
        add_event(&mut b, EventType::Deaths, "died", Some(t), vec![country]);
        let reports = [a, b];
        let index = merge_entities(&reports, &NoGeocoder);
        let velmark = index
            .entities
            .iter()
            .position(|e| e.name == "Velmark")
            .expect("Velmark is an entity");
        let national = BTreeSet::from([velmark]);
        let country_of = |_: usize| Some("VL".to_string());
        let got = merge_events(
            &reports,
            &EventContext {
                entities: &index,
                copies: &find_report_copies(&reports),
                country_of_place: &country_of,
                national: &national,
                story_of: &[0, 0],
            },
        );
        assert_eq!(got.events.len(), 1, "{:?}", got.events);
        // Two cities of one country still clash.
        let none = BTreeSet::new();
        let apart = merge_events(
            &reports,
            &EventContext {
                entities: &index,
                copies: &find_report_copies(&reports),
                country_of_place: &country_of,
                national: &none,
                story_of: &[0, 0],
            },
        );
        assert_eq!(apart.events.len(), 2, "{:?}", apart.events);
    }

    #[test]
    fn rare_shared_words_weigh_more_than_common_ones() {
        let mut a = report(
            "a",
            None,
            &[
                "Police said a fire broke out at the Harlow depot.",
                "Police said the fire spread to the Velm market.",
                "Police said a fire destroyed a house.",
            ],
        );
        add_event(&mut a, EventType::Disaster, "fire broke out", None, vec![]);
        add_event(&mut a, EventType::Disaster, "fire spread", None, vec![]);
        add_event(&mut a, EventType::Disaster, "fire destroyed", None, vec![]);
        let reports = [a];
        let index = merge_entities(&reports, &NoGeocoder);
        let (candidates, vocabulary) = collect_candidates(
            &reports,
            &EventContext {
                entities: &index,
                copies: &find_report_copies(&reports),
                country_of_place: &|_| None,
                national: &BTreeSet::new(),
                story_of: &[0],
            },
        );
        let weights = WordWeights::new(&candidates, vocabulary.len());
        let weight = |word: &str| vocabulary.id(word).map(|id| weights.idf[id as usize]);
        assert!(weight("harlow") > weight("police"));
        let words = |list: &[&str]| {
            vocabulary.ids_of(&list.iter().map(|w| w.to_string()).collect::<BTreeSet<_>>())
        };
        let rare = weights.jaccard(
            &words(&["harlow", "depot"]),
            &words(&["harlow", "depot", "fire"]),
        );
        let common = weights.jaccard(
            &words(&["police", "said"]),
            &words(&["police", "said", "harlow"]),
        );
        assert!(rare > common, "{rare} vs {common}");
    }

    /// The prefix filters behind `ClustersByJoinKey`: any two word sets of
    /// Jaccard (or weighted Jaccard) ≥ the threshold share one of each
    /// one's rarest words.
    #[test]
    fn similar_word_sets_share_one_of_their_rarest_words() {
        let vocabulary_size = 40;
        let mut seed: u64 = 7;
        let mut next = move |bound: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % bound
        };
        let counts: Vec<usize> = (0..vocabulary_size)
            .map(|_| 1 + next(50) as usize)
            .collect();
        let weights = WordWeights::from_counts(&counts, 60);
        let (mut checked, mut checked_weighted) = (0, 0);
        for _ in 0..20_000 {
            let mut set = |len: u64| -> Vec<u32> {
                let mut words: Vec<u32> = (0..1 + next(len))
                    .map(|_| next(vocabulary_size as u64) as u32)
                    .collect();
                words.sort_unstable();
                words.dedup();
                words
            };
            let (a, b) = (set(12), set(12));
            for threshold in [SAME_DAY_SIMILARITY, NEAR_DATE_SIMILARITY] {
                if jaccard_ids(&a, &b) >= threshold {
                    checked += 1;
                    let rare_b = weights.rarest(&b, threshold);
                    assert!(
                        weights
                            .rarest(&a, threshold)
                            .iter()
                            .any(|w| rare_b.contains(w)),
                        "{a:?} {b:?} at {threshold}"
                    );
                }
            }
            if weights.jaccard(&a, &b) >= UNDATED_SIMILARITY {
                checked_weighted += 1;
                let rare_b = weights.rarest_weighted(&b, UNDATED_SIMILARITY);
                assert!(
                    weights
                        .rarest_weighted(&a, UNDATED_SIMILARITY)
                        .iter()
                        .any(|w| rare_b.contains(w)),
                    "{a:?} {b:?} weighted"
                );
            }
        }
        assert!(checked > 1000, "only {checked} similar pairs drawn");
        assert!(checked_weighted > 1000, "only {checked_weighted} drawn");
        // Common words weigh little: a weighted prefix leaves some out.
        let common_last: Vec<u32> = (0..vocabulary_size as u32).collect();
        assert!(
            weights
                .rarest_weighted(&common_last, UNDATED_SIMILARITY)
                .len()
                < common_last.len()
        );
        // A set keeps fewer words than it has only when a similar set
        // must share more than one.
        assert_eq!(weights.rarest(&[1, 2, 3], SAME_DAY_SIMILARITY).len(), 3);
        assert_eq!(weights.rarest(&(0..20).collect::<Vec<_>>(), 0.3).len(), 15);
    }

    #[test]
    fn a_month_does_not_chain_days_four_apart_into_one_event() {
        let sentences = [
            "In June the Velm gang shot at police officers.",
            "On 20 June the Velm gang shot at police officers in Korso.",
            "On 24 June the Velm gang shot at police officers in Korso.",
        ];
        let mut reports = Vec::new();
        for (n, (sentence, day_of_june)) in
            sentences.iter().zip([None, Some(20), Some(24)]).enumerate()
        {
            let mut r = report(&format!("r{n}"), None, &[sentence]);
            let gang = add_mention(&mut r, "Velm", EntityKind::Organization);
            let timex = match day_of_june {
                Some(d) => {
                    let text = format!("{d} June");
                    Some(add_timex(&mut r, &text, day(6, d)))
                }
                None => {
                    let t = add_timex(&mut r, "June", day(6, 1));
                    r.annotations.timexes[t].value = "2024-06".to_string();
                    r.annotations.timexes[t].end = Some(day(6, 30));
                    Some(t)
                }
            };
            add_event(&mut r, EventType::Violence, "shot at", timex, vec![gang]);
            reports.push(r);
        }
        let got = run(&reports);
        let days: Vec<Vec<String>> = got
            .events
            .iter()
            .map(|e| {
                e.sources
                    .iter()
                    .filter_map(|s| s.date.as_ref().map(|d| d.value.clone()))
                    .collect()
            })
            .collect();
        assert!(
            !days
                .iter()
                .any(|d| d.contains(&"2024-06-20".to_string())
                    && d.contains(&"2024-06-24".to_string())),
            "{days:?}"
        );
    }

    #[test]
    fn undated_mentions_stay_undated_and_last() {
        let mut a = report(
            "a",
            None,
            &[
                "Troops were deployed to the border.",
                "On 2 March the army deployed tanks in Lirona.",
            ],
        );
        add_event(&mut a, EventType::Deployment, "deployed to", None, vec![]);
        let t = add_timex(&mut a, "2 March", day(3, 2));
        add_event(
            &mut a,
            EventType::Deployment,
            "deployed tanks",
            Some(t),
            vec![],
        );
        let got = run(&[a]);
        assert_eq!(got.events.len(), 2);
        assert!(got.events[0].date.is_some());
        assert!(got.events[1].date.is_none());
    }

    /// An undated arrest in report "a" and, in report "b", `sentence`
    /// naming `person`.
    fn undated_arrests(sentence: &str, person: &str) -> Vec<AnnotatedReport> {
        let mut a = report(
            "a",
            None,
            &["Police detained the editor Mira Hel at her flat in Ostrava."],
        );
        let hel = add_mention(&mut a, "Mira Hel", EntityKind::Person);
        add_event(&mut a, EventType::Arrest, "detained", None, vec![hel]);
        let mut b = report("b", None, &[sentence]);
        let named = add_mention(&mut b, person, EntityKind::Person);
        add_event(&mut b, EventType::Arrest, "detained", None, vec![named]);
        vec![a, b]
    }

    #[test]
    fn undated_mentions_naming_the_same_actor_join_with_less_shared_wording() {
        let a = "Police detained the editor Mira Hel at her flat in Ostrava.";
        let same_person = "Officers detained Mira Hel during a raid.";
        let other_person = "Police detained the editor Oskar Brandt during a raid.";
        // Both pairs share some wording, too little to join on wording
        // alone (the other person's arrest stays apart below).
        for b in [same_person, other_person] {
            let overlap = jaccard(&content_words(a), &content_words(b));
            assert!(overlap >= UNDATED_ACTOR_SIMILARITY, "{b}: {overlap}");
        }
        let got = run(&undated_arrests(same_person, "Mira Hel"));
        assert_eq!(got.events.len(), 1, "{:?}", got.events);
        assert_eq!(got.events[0].independent_sources, 2);
        let got = run(&undated_arrests(other_person, "Oskar Brandt"));
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
    }

    #[test]
    fn syndicated_copies_count_once() {
        let text = "On 5 March the president dismissed the government of Anton Greel after a week of protests over electricity prices, officials in the capital said on Tuesday evening.";
        let mut reports = Vec::new();
        for id in ["a", "b"] {
            let mut r = report(id, Some(day(3, 6)), &[text]);
            let t = add_timex(&mut r, "5 March", day(3, 5));
            add_event(&mut r, EventType::Dismissal, "dismissed", Some(t), vec![]);
            reports.push(r);
        }
        let got = run(&reports);
        assert_eq!(got.events.len(), 1);
        assert_eq!(got.events[0].sources.len(), 2);
        assert_eq!(got.events[0].independent_sources, 1);
    }

    /// A report dated 11 June stating, on 9 June (or on the "10 June" its
    /// sentence names), a general action with base `action` between two
    /// named people.
    fn action_report(
        id: &str,
        sentence: &str,
        trigger: &str,
        action: &str,
        people: &[&str],
    ) -> AnnotatedReport {
        let mut r = report(id, Some(day(6, 11)), &[sentence]);
        let t = if sentence.contains("10 June") {
            add_timex(&mut r, "10 June", day(6, 10))
        } else {
            add_timex(&mut r, "9 June", day(6, 9))
        };
        let participants = people
            .iter()
            .map(|p| add_mention(&mut r, p, EntityKind::Person))
            .collect();
        add_event(&mut r, EventType::Other, trigger, Some(t), participants);
        if let Some(event) = r.annotations.events.last_mut() {
            event.action = Some(action.to_string());
        }
        r
    }

    /// Ilya Varn stopping `opponent`, told by `sentence`.
    fn stop_report(id: &str, sentence: &str, opponent: &str) -> AnnotatedReport {
        action_report(id, sentence, "stopped", "stop", &["Ilya Varn", opponent])
    }

    const VARN_STOPS_TASK: &str = "Ilya Varn stopped Oren Task in the ninth round on 9 June.";

    #[test]
    fn one_general_action_from_two_reports_is_one_entry_with_its_base() {
        let a = stop_report("a", VARN_STOPS_TASK, "Oren Task");
        let b = stop_report(
            "b",
            "On 9 June Ilya Varn stopped the challenger Oren Task in Tarvessa.",
            "Oren Task",
        );
        let got = run(&[a, b]);
        assert_eq!(got.events.len(), 1, "{:?}", got.events);
        assert_eq!(got.events[0].action.as_deref(), Some("stop"));
        assert_eq!(got.events[0].independent_sources, 2);
    }

    #[test]
    fn general_actions_of_different_bases_stay_apart() {
        let a = stop_report("a", VARN_STOPS_TASK, "Oren Task");
        let b = action_report(
            "b",
            "On 9 June Ilya Varn praised Oren Task after the ninth round.",
            "praised",
            "praise",
            &["Ilya Varn", "Oren Task"],
        );
        let got = run(&[a, b]);
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
    }

    #[test]
    fn a_general_action_is_about_every_person_it_names() {
        // One fighter, two opponents: two fights, though the same day and
        // the same wording.
        let a = stop_report("a", VARN_STOPS_TASK, "Oren Task");
        let b = stop_report(
            "b",
            "Ilya Varn stopped Pavel Roon in the ninth round on 9 June.",
            "Pavel Roon",
        );
        let got = run(&[a, b]);
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
    }

    #[test]
    fn a_general_action_told_of_two_days_is_two_happenings_not_a_conflict() {
        let a = action_report(
            "a",
            "Harbour pilots blocked the port of Orlem for six hours on 9 June, Ilya Varn said.",
            "blocked",
            "block",
            &["Ilya Varn"],
        );
        let b = action_report(
            "b",
            "Harbour pilots blocked the port of Orlem for six hours on 10 June, Ilya Varn said.",
            "blocked",
            "block",
            &["Ilya Varn"],
        );
        let got = run(&[a, b]);
        assert_eq!(got.events.len(), 2, "{:?}", got.events);
        assert!(got.conflicts.is_empty(), "{:?}", got.conflicts);
    }
}
