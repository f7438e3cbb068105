//! Claims: figures side by side across reports.
//!
//! Every quantity with a concept becomes a *figure*: measure, scope, value
//! interval, as-of date, speaker and hedge, and its quote (numbers that
//! only describe a speaker, "two officials said", are left out).
//!
//! **Like with like.** Figures are blocked by measure, scope class
//! (security forces, civilians, protesters, …; a sub-count's own
//! population otherwise; for a count of things, the things it counts:
//! "three ladder trucks" never meets "31 fire trucks") and location (the
//! one sub-national place the sentence names, if any), then split into
//! *episodes*: figures whose
//! as-of dates lie more than [`EPISODE_GAP_DAYS`] apart are about
//! different happenings (arrests in 2016 are not arrests in 2022). Within
//! an episode, figures are split into *happenings* (`happening`): two
//! figures are about the same happening when their clauses state the
//! same merged event, or events of one tallied kind (deaths and violence,
//! arrests, protests, deployments, trials: a toll adds up over many
//! events), or when their sentences (or the two sentences before, in the
//! same paragraph) name a common entity other than a country. A figure
//! tied to nothing is compared with nothing: two articles' "price" or
//! "aircraft" that merely share the measure word never meet.
//!
//! **As-of date.** A figure carries the date of the event its clause
//! states when that date lies over a month before publication (a
//! *background* figure: an earlier earthquake's toll); else the latest
//! day- to month-precise date of its sentence, a date setting the time of
//! its paragraph, or its report's publication date.
//!
//! **Agreement.** Within a happening, figures whose intervals share a
//! common part form one claim (greedy sweep over sorted intervals): vague
//! and exact figures that fit agree ("more than 1,200" and "1,247"), and a
//! bare large round figure joins through its rounding margin ("$1 million"
//! and "more than $1 million"; `relate::agreeing_sets`). Ages are never
//! compared; counts of "other" people are a population of their own. Two
//! claims whose intervals are disjoint are:
//! * a **series** when the figures whose as-of dates are certain (from the
//!   text or a known publication date) are all given for different days
//!   and the later figure is higher (a toll that rises), or lower with a
//!   word of revision ("revised", "corrected", "lowered", …);
//! * a **conflict** otherwise: the same day, no certain dates, or a later
//!   figure lower without a revision.
//!
//! All claims of a happening that conflict make **one** conflict listing
//! every source of each side, so copies and repeated pairs are listed
//! once. Conflicts are ordered by importance: the relative gap between the
//! most distant conflicting intervals times the independent sources of
//! the weaker side.
//!
//! **Parts.** A sub-count (`part_of`: "including 19 police officers")
//! points at its total's claim and is never compared with it; it is a
//! conflict only when larger than its total. Likewise never in conflict:
//! figures one sentence gives side by side (a list of items, a part and
//! its whole: each counts a narrower group than the measure word says),
//! a lower figure next to a running total ("so far", "a total of": one
//! operation within the total), and a count of people or happenings given
//! with a unit ("killed … a fall of 150 metres" measures something else).
//! A vague amount ("dozens", "hundreds") is tied to other figures only
//! through its own merged event, and compared only with figures of that
//! event: "hundreds at the gates" and "thousands in the square" describe
//! different groups. A figure's block also holds its
//! unit: "38 per cent" and "40 dollars" are different measures.
//!
//! An increment ("two more victims", "another five") or a share of a group
//! ("two of the dead") counts fewer than its measure says and never
//! conflicts; two claims whose sentences tell them in different countries
//! (a place after "in", "at", "off" …: "a quake in eastern China" in a
//! report on a quake in Iran) are different happenings and never conflict.
//!
//! Generic measures ("people", "officials") never conflict: two counts of
//! "people" rarely count the same people. Like every figure, they are
//! split into happenings, so they corroborate only within one.
//!
//! A claim's status: `conflicting` when it conflicts with another claim,
//! else `series` when part of a series, else `corroborated` with two or more
//! independent reports, else `single`. Its explanation starts with the
//! rule that gave it (Conflict, Series, Corroborated, Single, Part of,
//! Background).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use corroborate_model::{
    AnnotatedReport, Attribution, Claim, ClaimSource, ClaimStatus, Conflict, ConflictKind,
    ConflictSide, DateOrigin, Event, EventMention, Hedge, Quantity, Span, TimexType, TokenKind,
};

use crate::copies::CopyInfo;

mod happening;
mod relate;

use happening::{Anchor, EventLookup, Ties};
use relate::{agreeing_sets, scope_phrase, Draft, Relation};

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
    (&["protester", "demonstrator"], "protesters"),
];

/// Words saying a figure corrects an earlier one: a lower later figure
/// with one of them is a revision, not a conflict.
const REVISION_WORDS: &[&str] = &[
    "revised",
    "revises",
    "corrected",
    "corrects",
    "lowered",
    "lowers",
    "downgraded",
    "downward",
    "amended",
];

/// Phrases saying a figure adds up everything so far: a lower figure
/// without them may be one part of it (one operation's haul within the
/// season's total), not a conflict.
pub(crate) const RUNNING_TOTAL_WORDS: &[&str] = &[
    "so far",
    "thus far",
    "to date",
    "in total",
    "a total of",
    "altogether",
    "in all",
    "since",
    "cumulative",
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
    /// The countries its sentence names (or names places of).
    countries: Vec<String>,
    as_of: Option<NaiveDate>,
    /// The as-of date comes from the text or a known publication date.
    as_of_certain: bool,
    /// The as-of date is an earlier event's, over a month before publication.
    background: bool,
    /// The merged event the figure's clause states.
    anchor: Option<Anchor>,
    /// Entities (other than countries) the figure's sentence or paragraph names.
    subjects: Vec<String>,
    /// The sentence says the figure corrects an earlier one.
    revised: bool,
    /// The sentence gives a running total ("so far", "a total of", "since").
    running_total: bool,
    /// Its sentence gives other figures of the same block (see
    /// [`mark_enumerations`]).
    enumerated: bool,
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

/// The entities a stretch of text names, countries left out:
/// `subjects_in(report, span)` gives their ids.
pub(crate) type SubjectsIn<'a> = dyn Fn(usize, Span) -> Vec<String> + 'a;

/// The entity a speaker is: `speaker_entity(report, speaker_span, speaker)`.
pub(crate) type SpeakerEntity<'a> = dyn Fn(usize, Option<Span>, &str) -> Option<String> + 'a;

/// What the claims stage reads from the earlier merge stages.
pub(crate) struct ClaimContext<'a> {
    pub copies: &'a [CopyInfo],
    pub events: &'a [Event],
    pub places_in: &'a PlacesIn<'a>,
    /// The countries a sentence names or names a place of (same shape).
    pub countries_in: &'a PlacesIn<'a>,
    pub subjects_in: &'a SubjectsIn<'a>,
    pub speaker_entity: &'a SpeakerEntity<'a>,
    /// The story of each report (`stories`).
    pub story_of: &'a [usize],
}

/// Block key: measure, unit, scope and location.
type BlockKey = (String, Option<String>, String, Option<String>);

pub(crate) fn merge_claims(reports: &[AnnotatedReport], context: &ClaimContext) -> MergedClaims {
    let lookup = EventLookup::new(reports, context.events);
    let mut figures = collect_figures(reports, context, &lookup);
    for f in &mut figures {
        f.speaker_entity = f
            .speaker
            .as_deref()
            .and_then(|name| (context.speaker_entity)(f.report, f.speaker_span, name));
    }
    let mut blocks: BTreeMap<BlockKey, Vec<usize>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        blocks.entry(block_key(f)).or_default().push(i);
    }
    mark_enumerations(&mut figures);
    let mut builder = LedgerBuilder::default();
    for ((measure, unit, scope, location), members) in blocks {
        let subject = match location {
            Some(place) if scope.is_empty() => format!("in {place}"),
            Some(place) => format!("{scope} in {place}"),
            None => scope.clone(),
        };
        for episode in split_episodes(&figures, members) {
            let split = split_happenings(
                &figures,
                &measure,
                unit.as_deref(),
                context.story_of,
                &episode,
            );
            for group in split {
                builder.add_group(reports, &figures, &measure, &subject, &group);
            }
        }
    }
    builder.link_sub_counts(reports, &figures);
    builder.finish()
}

fn block_key(f: &Figure) -> BlockKey {
    (
        f.measure.clone(),
        f.quantity.unit.clone(),
        f.scope.clone(),
        f.location.clone(),
    )
}

/// A sentence giving several figures of one block splits the measure
/// itself: a list of items ("seven rifles, three machine guns, 13
/// magazines"), a part and its whole ("out of 23 arrested, 12 …"), a
/// change ("from 40 to 95"). Each such figure counts a narrower group
/// than its measure word says, so it may corroborate but never conflicts
/// with a figure from elsewhere.
fn mark_enumerations(figures: &mut [Figure]) {
    let mut per_sentence: BTreeMap<(usize, usize, BlockKey), usize> = BTreeMap::new();
    for f in figures.iter() {
        *per_sentence
            .entry((f.report, f.quote.start, block_key(f)))
            .or_default() += 1;
    }
    for f in figures.iter_mut() {
        let key = (f.report, f.quote.start, block_key(f));
        f.enumerated = f.enumerated || per_sentence.get(&key).is_some_and(|&n| n > 1);
    }
}

/// A count listed beside single people or things ("killed two women and a
/// man", "a man and two women died"): it counts part of the group, which
/// the list's total names elsewhere, so it is enumerated too.
fn listed_beside_a_single(text: &str, span: Span) -> bool {
    let clause_end = |s: &str| s.find([',', '.', ';', ':']).unwrap_or(s.len());
    let after_start = corroborate_text::floor_char_boundary(text, span.end);
    let after_end = corroborate_text::floor_char_boundary(text, span.end + 48);
    let after = &text[after_start..after_end];
    let after: Vec<String> = after[..clause_end(after)]
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let single = |w: &str| matches!(w, "a" | "an" | "one" | "another");
    let single_follows = after
        .windows(2)
        .take(3)
        .any(|pair| pair[0] == "and" && single(&pair[1]));
    let before_start = corroborate_text::floor_char_boundary(text, span.start.saturating_sub(32));
    let before_end = corroborate_text::floor_char_boundary(text, span.start);
    let before: Vec<String> = text[before_start..before_end]
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let single_precedes = matches!(
        before.as_slice(),
        [.., first, _, last] if single(first) && last == "and"
    );
    single_follows || single_precedes
}

/// The happenings of an episode (see `happening::happenings`). Figures
/// of a generic measure are split the same way: "2 people" in two
/// reports corroborate each other only when they are about one
/// happening. A count of people or events given with a unit ("killed …
/// about 150 metres") measures something else, so each such figure
/// stands alone.
fn split_happenings(
    figures: &[Figure],
    measure: &str,
    unit: Option<&str>,
    story_of: &[usize],
    episode: &[usize],
) -> Vec<Vec<usize>> {
    if unit.is_some() && happening::counts_people_or_events(measure) {
        return episode.iter().map(|&i| vec![i]).collect();
    }
    let ties: Vec<Ties> = episode
        .iter()
        .map(|&i| Ties {
            anchor: figures[i].anchor,
            subjects: &figures[i].subjects,
            story: story_of.get(figures[i].report).copied().unwrap_or(0),
            vague: relate::is_vague(figures[i].quantity),
        })
        .collect();
    happening::happenings(&ties)
        .into_iter()
        .map(|local| local.into_iter().map(|l| episode[l]).collect())
        .collect()
}

fn collect_figures<'a>(
    reports: &'a [AnnotatedReport],
    context: &ClaimContext,
    lookup: &EventLookup,
) -> Vec<Figure<'a>> {
    let mut out = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        let a = &report.annotations;
        // Figures come in text order: one sentence's words serve them all.
        let mut words: (Span, Vec<String>) = (Span::new(0, 0), Vec::new());
        for (qi, q) in a.quantities.iter().enumerate() {
            let Some(measure) = q.concept.clone() else {
                continue;
            };
            // An age describes one person: two victims' ages are no
            // disagreement, and no age is a toll.
            if measure == corroborate_model::AGE_CONCEPT {
                continue;
            }
            if describes_a_speaker(&a.attributions, q.span) {
                continue;
            }
            let quote = a
                .sentence_at(q.span.start)
                .and_then(|s| a.sentences.get(s).copied())
                .unwrap_or(q.span);
            if words.0 != quote {
                words = (quote, sentence_words(report, quote));
            }
            let attribution = covering_attribution(&a.attributions, q.span, quote);
            let event = happening::clause_event(report, q.span, &measure);
            let background = background_event_date(report, event);
            let (as_of, as_of_certain) = background
                .map(|(d, inferred)| (Some(d), !inferred))
                .unwrap_or_else(|| as_of_date(report, quote, attribution));
            let places = (context.places_in)(r, quote);
            out.push(Figure {
                report: r,
                copy_group: context.copies.get(r).map_or(r, |c| c.group),
                quantity_index: qi,
                quantity: q,
                quote,
                measure,
                scope: figure_scope(q),
                location: (places.len() == 1).then(|| places[0].clone()),
                countries: (context.countries_in)(r, quote),
                as_of,
                as_of_certain,
                background: background.is_some() || is_background(report, as_of),
                anchor: happening::anchor(lookup, r, event),
                subjects: (context.subjects_in)(r, happening::subject_window(report, quote)),
                revised: says_any(&words.1, REVISION_WORDS),
                running_total: says_any(&words.1, RUNNING_TOTAL_WORDS),
                enumerated: listed_beside_a_single(&report.report.text, q.span)
                    || counts_an_unnamed_part(q)
                    || counts_an_increment_or_a_share(&report.report.text, q.span),
                speaker: attribution.and_then(|at| at.speaker.clone()),
                speaker_span: attribution.and_then(|at| at.speaker_span),
                speaker_entity: None,
                hedge: attribution.map(|at| at.hedge),
            });
        }
    }
    out
}

/// Words after a figure that make it an increment ("two more victims
/// were found", "three additional deaths"), not the toll itself.
const INCREMENT_WORDS: &[&str] = &["more", "additional", "further", "extra", "new"];

/// Words after "N of" that make the figure a share of a group the
/// sentence points at ("two of the victims", "missing 10 of their games").
const PARTITIVE_DETERMINERS: &[&str] = &[
    "the", "their", "those", "these", "its", "his", "her", "our", "them", "whom", "us",
];

/// A figure that counts an addition to a toll ("two more", "another
/// five") or a share of a group ("four of the dead"): it counts fewer
/// than its measure word says, so it may corroborate but never conflicts.
fn counts_an_increment_or_a_share(text: &str, span: Span) -> bool {
    let after_start = corroborate_text::floor_char_boundary(text, span.end);
    let after_end = corroborate_text::floor_char_boundary(text, span.end + 32);
    let mut after =
        corroborate_text::alphanumeric_runs(&text[after_start..after_end]).map(str::to_lowercase);
    let before_start = corroborate_text::floor_char_boundary(text, span.start.saturating_sub(12));
    let before_end = corroborate_text::floor_char_boundary(text, span.start);
    let another_before = text[before_start..before_end]
        .split_whitespace()
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("another"));
    let next_is_separate = text[after_start..after_end].starts_with(char::is_whitespace);
    match (after.next(), after.next()) {
        _ if another_before => true,
        (Some(next), _) if next_is_separate && INCREMENT_WORDS.contains(&next.as_str()) => true,
        (Some(of), Some(determiner)) if next_is_separate && of == "of" => {
            PARTITIVE_DETERMINERS.contains(&determiner.as_str())
        }
        _ => false,
    }
}

/// A sub-count with no scope of its own ("31 vehicles, including three
/// ladder trucks"): it counts a narrower group than its measure word says,
/// so, like a figure of a list, it may corroborate but never conflicts
/// with a figure from elsewhere. (A part with a scope is blocked by it,
/// see [`figure_scope`].)
fn counts_an_unnamed_part(q: &Quantity) -> bool {
    q.part_of.is_some() && q.scope.is_none()
}

/// The scope a figure is blocked by: its class of people; for a sub-count
/// whose scope names no class, that scope itself ("miners" of a toll are
/// a population of their own); "others" for a count of other people; for
/// a count of things, the things it counts ("ladder trucks").
fn figure_scope(q: &Quantity) -> String {
    if q.scope.as_deref() == Some(corroborate_model::OTHERS_SCOPE) {
        return corroborate_model::OTHERS_SCOPE.to_string();
    }
    let counts_things = q
        .concept
        .as_deref()
        .is_some_and(|c| corroborate_model::THING_CONCEPTS.contains(&c));
    if counts_things {
        return q.scope.as_deref().unwrap_or_default().to_lowercase();
    }
    let class = normalize_scope(q.scope.as_deref());
    match (&q.part_of, &q.scope) {
        (Some(_), Some(scope)) if class.is_empty() => scope.to_lowercase(),
        _ => class,
    }
}

/// The date of the event a figure's clause states, as (last day,
/// inferred), when the clause dates it itself and it lies over a month
/// before publication: the figure is about that earlier event.
fn background_event_date(
    report: &AnnotatedReport,
    event: Option<&EventMention>,
) -> Option<(NaiveDate, bool)> {
    let event = event?;
    if event.date_basis.is_context() {
        return None;
    }
    let end = event.date.as_ref()?.end;
    let published = report.report.meta.published?;
    if (published - end).num_days() <= EPISODE_GAP_DAYS {
        return None;
    }
    let inferred = event
        .timex
        .and_then(|t| report.annotations.timexes.get(t))
        .is_some_and(|t| t.inferred);
    Some((end, inferred))
}

/// An as-of date over a month before its report's publication.
fn is_background(report: &AnnotatedReport, as_of: Option<NaiveDate>) -> bool {
    match (as_of, report.report.meta.published) {
        (Some(d), Some(p)) => (p - d).num_days() > EPISODE_GAP_DAYS,
        _ => false,
    }
}

/// The sentence's words in lower case. The sentence is tokenized here:
/// merging reads no stored tokens, so callers may drop them.
fn sentence_words(report: &AnnotatedReport, sentence: Span) -> Vec<String> {
    let Some(sentence_text) = sentence.slice(&report.report.text) else {
        return Vec::new();
    };
    corroborate_text::tokens(sentence_text)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(sentence_text).to_lowercase())
        .collect()
}

/// The words (from [`sentence_words`]) hold one of `phrases` (lower case,
/// words separated by single spaces).
pub(crate) fn says_any(words: &[String], phrases: &[&str]) -> bool {
    phrases.iter().any(|phrase| {
        let wanted: Vec<&str> = phrase.split(' ').collect();
        words
            .windows(wanted.len())
            .any(|w| w.iter().zip(&wanted).all(|(a, b)| a == b))
    })
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
/// Reads the token before the date by tokenizing the few words before it.
fn sets_the_time(report: &AnnotatedReport, span: Span) -> bool {
    let text = &report.report.text;
    let Some(before) = text.get(..span.start) else {
        return false;
    };
    let window = word_window_before(before, PRECEDING_WORD_WINDOW);
    corroborate_text::tokens(window)
        .last()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(window))
        .is_some_and(|word| word.eq_ignore_ascii_case("in") || word.eq_ignore_ascii_case("during"))
}

/// Bytes looked back for the word before a date: more than any word.
const PRECEDING_WORD_WINDOW: usize = 96;

/// The end of `text`, at most about `bytes` long, starting after white
/// space so that no token is cut.
fn word_window_before(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    if start == 0 {
        return text;
    }
    match text[start..].find(char::is_whitespace) {
        Some(space) => &text[start + space..],
        None => &text[start..],
    }
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
    /// Conflicts with their importance (see [`importance`]).
    conflicts: Vec<(f64, Conflict)>,
    /// (report, quantity index) → claim index.
    claim_of_quantity: BTreeMap<(usize, usize), usize>,
    groups: usize,
}

/// How much a reader should look at a conflict: the relative gap between
/// its most distant intervals, times the independent sources standing
/// on the weaker of those two sides (a lone outlier counts once).
fn importance(gap: f64, weaker_side_sources: usize) -> f64 {
    gap * weaker_side_sources.max(1) as f64
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
        if !is_generic(measure) {
            self.relate_claims(reports, figures, &drafts, first_claim);
        }
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
        let status = if independent >= 2 {
            ClaimStatus::Corroborated
        } else {
            ClaimStatus::Single
        };
        let mut explanation = if independent >= 2 {
            format!(
                "Corroborated: {independent} independent reports give compatible figures; all fit {}.",
                draft.interval.notation()
            )
        } else {
            "Single: only one independent report states this figure.".to_string()
        };
        if draft.members.iter().all(|&m| figures[m].background) {
            if let Some(d) = as_of {
                explanation = format!(
                    "Background: dated {}, over a month before its report, so compared only with figures of that time; {}",
                    d.format("%-d %b %Y"),
                    lowercase_first(&explanation)
                );
            }
        }
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

    /// Marks series and conflicts between the disjoint claims of one
    /// happening; all of its conflicting claims make one conflict.
    fn relate_claims(
        &mut self,
        reports: &[AnnotatedReport],
        figures: &[Figure],
        drafts: &[Draft],
        first: usize,
    ) {
        let mut series_members = BTreeSet::new();
        let mut conflict_pairs = Vec::new();
        // A happening holds a handful of claims: every pair is compared.
        for a in 0..drafts.len() {
            for b in a + 1..drafts.len() {
                match relate::relation(figures, &drafts[a], &drafts[b]) {
                    Relation::Series | Relation::Revision => {
                        series_members.insert(a);
                        series_members.insert(b);
                    }
                    Relation::Conflict => conflict_pairs.push((a, b)),
                    Relation::Apart => {}
                }
            }
        }
        for &(a, b) in &conflict_pairs {
            let (ida, idb) = (
                self.claims[first + a].id.clone(),
                self.claims[first + b].id.clone(),
            );
            self.claims[first + a].conflicts_with.push(idb);
            self.claims[first + b].conflicts_with.push(ida);
        }
        if let Some(conflict) =
            self.group_conflict(reports, figures, drafts, first, &conflict_pairs)
        {
            self.conflicts.push(conflict);
        }
        let series: BTreeSet<usize> = series_members
            .into_iter()
            .map(|d| first + d)
            .filter(|&c| self.claims[c].status != ClaimStatus::Conflicting)
            .collect();
        if series.len() >= 2 {
            let explanation = self.series_explanation(&series);
            for &c in &series {
                self.claims[c].status = ClaimStatus::Series;
                self.claims[c].explanation = explanation.clone();
            }
        }
    }

    /// One conflict for all conflicting claims of a happening, with every
    /// source of each; marks the claims conflicting.
    fn group_conflict(
        &mut self,
        reports: &[AnnotatedReport],
        figures: &[Figure],
        drafts: &[Draft],
        first: usize,
        pairs: &[(usize, usize)],
    ) -> Option<(f64, Conflict)> {
        let gap_of = |&(a, b): &(usize, usize)| {
            relate::relative_gap(&drafts[a].interval, &drafts[b].interval)
        };
        let &(fa, fb) = pairs
            .iter()
            .max_by(|x, y| gap_of(x).total_cmp(&gap_of(y)))?;
        let involved: BTreeSet<usize> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
        let measure = self.claims[first].measure.clone();
        let scope = scope_phrase(&self.claims[first].subject);
        let listed: Vec<String> = involved
            .iter()
            .map(|&d| {
                let claim = &self.claims[first + d];
                format!(
                    "{} ({}, {} report{})",
                    drafts[d].interval.notation(),
                    claim.id,
                    claim.independent_sources,
                    if claim.independent_sources == 1 {
                        ""
                    } else {
                        "s"
                    }
                )
            })
            .collect();
        let detail = format!(
            "{measure}{scope}: {} do not overlap{}.",
            join_and(&listed),
            relate::time_phrase(figures, &drafts[fa], &drafts[fb])
        );
        for &d in &involved {
            let claim = &mut self.claims[first + d];
            claim.status = ClaimStatus::Conflicting;
            claim.explanation = format!(
                "Conflict: disagrees with {}: {detail}",
                claim.conflicts_with.join(", ")
            );
        }
        let weaker = self.claims[first + fa]
            .independent_sources
            .min(self.claims[first + fb].independent_sources);
        let mut seen = BTreeSet::new();
        let sides = involved
            .iter()
            .flat_map(|&d| drafts[d].members.iter())
            .filter(|&&m| seen.insert((figures[m].report, figures[m].quote)))
            .map(|&m| conflict_side(reports, &figures[m]))
            .collect();
        let conflict = Conflict {
            id: String::new(),
            kind: ConflictKind::Number,
            items: involved
                .iter()
                .map(|&d| self.claims[first + d].id.clone())
                .collect(),
            explanation: format!("Reports disagree on the figure for {detail}"),
            sides,
        };
        Some((importance(gap_of(&(fa, fb)), weaker), conflict))
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
        format!(
            "Series: the figure changes over time, each given for its own day: {}.",
            listed.join(" → ")
        )
    }

    /// A figure stated as part of a total points at the total's claim and
    /// is never compared with it; a part larger than its total is a
    /// number conflict.
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
            let part = &mut self.claims[part_claim];
            if part.part_of.is_none() && part.status != ClaimStatus::Conflicting {
                part.explanation = format!(
                    "Part of {total_id}: a sub-count, never compared with its total; {}",
                    lowercase_first(&part.explanation)
                );
            }
            part.part_of = Some(total_id.clone());
            let total_figure = reports
                .get(f.report)
                .and_then(|r| r.annotations.quantities.get(total));
            let fits = total_figure.is_none_or(|t| f.quantity.interval.can_be_part_of(&t.interval));
            if !fits {
                let part_id = self.claims[part_claim].id.clone();
                let gap = total_figure.map_or(0.0, |t| {
                    relate::relative_gap(&f.quantity.interval, &t.interval)
                });
                self.conflicts.push((
                    importance(gap, 1),
                    Conflict {
                        id: String::new(),
                        kind: ConflictKind::Number,
                        items: vec![part_id, total_id],
                        explanation: "A sub-count is larger than the total it is part of."
                            .to_string(),
                        sides: vec![conflict_side(reports, f)],
                    },
                ));
            }
        }
    }

    /// Conflict ids are left empty: the caller numbers all conflicts. The
    /// most important come first (a stable sort keeps ties in ledger order).
    fn finish(mut self) -> MergedClaims {
        self.conflicts.sort_by(|a, b| b.0.total_cmp(&a.0));
        MergedClaims {
            claims: self.claims,
            conflicts: self.conflicts.into_iter().map(|(_, c)| c).collect(),
        }
    }
}

fn lowercase_first(sentence: &str) -> String {
    let mut chars = sentence.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
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
mod tests;
