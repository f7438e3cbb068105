//! Dating undated reports from the events they share with dated ones.
//!
//! An undated report's own text gives a range for its publication date
//! (it was written after the latest date it mentions); a report whose text
//! gives none is tried over the span of the other reports' publication
//! dates (one more week at the end). Within that range,
//! each candidate day is tried as the publication date: the report's
//! relative expressions ("on Friday", "Wednesday night") are resolved
//! against it, and the candidate scores one point for each of the report's
//! events so dated that matches an event of another report: same type,
//! shared content words, and a date that covers the candidate's day. The
//! other report's event must be dated to a day, or to "on or shortly
//! after" a day by its narrative ("Subsequently, …"); when that report's
//! own date is inferred, only its events dated by an absolute expression
//! ("on 5 January") count, never those resolved against its guessed date.
//! The best-scoring day wins, the latest on a tie: a shared event named by
//! its weekday fixes the date only to the week after it, and the week's
//! last day reads the report's other weekdays ("on Friday") as the days
//! after that event rather than a week before it. When no event matches,
//! the latest day the report writes
//! out in full ("15 January") is taken. Every value that depends on an
//! inferred date stays marked inferred.

use std::collections::{BTreeSet, HashMap};

use chrono::{Duration, NaiveDate};
use corroborate_model::{
    AnnotatedReport, DateOrigin, DateRange, EventMention, EventType, TimeAnchor,
};
use corroborate_text::{shared_sorted, Vocabulary, WordIds};

/// Longest range of candidate days tried per report.
const MAX_CANDIDATE_DAYS: i64 = 21;
/// Content words two event sentences must share to be the same event.
const MIN_SHARED_WORDS: usize = 2;

/// Widest date of a reference event, in days: a day, or "on or shortly
/// after" a day when the date comes from the narrative.
const MAX_REFERENCE_DAYS: i64 = 1 + corroborate_events::AFTER_WINDOW_DAYS as i64;

/// An event another report dates, that an undated report may share.
struct ReferenceEvent {
    /// Index of the report stating it: a report is not its own reference.
    report: usize,
    event_type: EventType,
    first_day: NaiveDate,
    last_day: NaiveDate,
    /// Its [`words`] as ids of the index's vocabulary, sorted.
    words: WordIds,
    /// Surnames of the people it names.
    persons: BTreeSet<String>,
}

/// Narrows the inferred dates of undated reports (or gives one to a report
/// with none) in place, and re-annotates those whose date changed.
///
/// Reports whose own text bounds their date go first. Reports with no
/// date at all come next, in rounds: a report dated in one round (say by
/// the "5 January" it writes out) lends its events to the next round's
/// reports that only say "on Wednesday".
pub fn refine_undated(reports: &mut [AnnotatedReport]) {
    refine_pass(reports, DateOrigin::Inferred);
    for _ in 0..MAX_ROUNDS {
        if refine_pass(reports, DateOrigin::Unknown) == 0 {
            break;
        }
    }
}

/// Rounds of dating reports with no date of their own.
const MAX_ROUNDS: usize = 3;

/// Dates every report of the given origin from the others' events;
/// returns how many were dated or re-dated.
fn refine_pass(reports: &mut [AnnotatedReport], origin: DateOrigin) -> usize {
    let pending: Vec<usize> = (0..reports.len())
        .filter(|&i| reports[i].report.meta.published_origin == origin)
        .collect();
    if pending.is_empty() {
        return 0;
    }
    let references = ReferenceIndex::new(reports);
    let corpus_range = dated_span(reports);
    let mut changed = 0;
    for index in pending {
        let annotated = &mut reports[index];
        let range = match origin {
            DateOrigin::Unknown => corpus_range
                .clone()
                .and_then(|range| after_floor(range, annotated)),
            _ => annotated.report.meta.published_range.clone(),
        };
        let Some(range) = range else { continue };
        let others = OtherReports {
            references: &references,
            except: index,
        };
        // A copy of the text, so that its recognized time expressions can
        // outlive the changes to the report's date below.
        let text = annotated.report.text.clone();
        let recognized = corroborate_time::Recognized::new(&text);
        let best = best_candidate(annotated, &recognized, range.start, range.end, &others)
            .or_else(|| latest_explicit_day(&recognized, &range));
        let Some(best) = best else {
            continue;
        };
        if Some(best) != annotated.report.meta.published {
            crate::set_inferred_date(&mut annotated.report.meta, best, range);
            crate::redate(&annotated.report, &mut annotated.annotations, &recognized);
            changed += 1;
        }
    }
    changed
}

/// The part of `range` not before the report's own text says it was
/// written (the latest past year, month or day it names); none when the
/// text is later than the whole range (a report about another, later
/// happening than the corpus's dated reports).
fn after_floor(range: DateRange, annotated: &AnnotatedReport) -> Option<DateRange> {
    let floor =
        corroborate_time::publication_floor(&annotated.report.text, &annotated.annotations.timexes);
    let start = floor.map_or(range.start, |floor| floor.max(range.start));
    (start <= range.end).then_some(DateRange {
        start,
        end: range.end,
    })
}

/// Without a matching event: the latest explicitly written day ("15
/// January"), its year taken from the end of the candidate range, when it
/// falls inside the range's year. Weekday names and other relative words
/// are left out: they would only echo the guess.
fn latest_explicit_day(
    recognized: &corroborate_time::Recognized,
    range: &DateRange,
) -> Option<NaiveDate> {
    let timexes = recognized.resolve(Some(range.end), true);
    timexes
        .iter()
        .filter(|t| t.text.chars().any(|c| c.is_ascii_digit()))
        .filter_map(|t| match (t.start, t.end) {
            (Some(start), Some(end)) if (end - start).num_days() <= 6 => Some(end),
            _ => None,
        })
        .filter(|day| *day <= range.end && (range.start - *day).num_days() <= 366)
        .max()
}

/// From the earliest to a week after the latest publication date known or
/// inferred from another report's own text.
fn dated_span(reports: &[AnnotatedReport]) -> Option<DateRange> {
    let mut known = reports.iter().filter_map(|r| r.report.meta.published);
    let first = known.next()?;
    let (start, end) = known.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)));
    Some(DateRange {
        start,
        end: end + Duration::days(7),
    })
}

fn is_known(origin: DateOrigin) -> bool {
    matches!(
        origin,
        DateOrigin::Metadata | DateOrigin::Text | DateOrigin::User
    )
}

/// The events of dated reports that date an undated report's events, with
/// their words numbered in `vocabulary`.
fn reference_events(
    reports: &[AnnotatedReport],
    vocabulary: &mut Vocabulary,
) -> Vec<ReferenceEvent> {
    let mut events = Vec::new();
    for (index, r) in reports
        .iter()
        .enumerate()
        .filter(|(_, r)| r.report.meta.published.is_some())
    {
        let guessed_date = !is_known(r.report.meta.published_origin);
        // A general action (of no known kind) is too common a word to
        // tell that two reports tell one happening.
        for e in r.annotations.events.iter().filter(|e| e.action.is_none()) {
            let Some(date) = e
                .date
                .as_ref()
                .filter(|d| d.width_days() <= MAX_REFERENCE_DAYS)
            else {
                continue;
            };
            let timex = e.timex.and_then(|t| r.annotations.timexes.get(t));
            if guessed_date && !timex.is_some_and(states_its_day) {
                continue;
            }
            let text = e.span.slice(&r.report.text).unwrap_or_default();
            events.push(ReferenceEvent {
                report: index,
                event_type: e.event_type,
                first_day: date.start,
                last_day: date.end,
                words: vocabulary.intern_all(words(text)),
                persons: surnames(e, &r.annotations.mentions),
            });
        }
    }
    events
}

/// The expression writes its day out ("5 January", "2022-01-05"), so
/// only its year can depend on the publication date, unlike "Wednesday"
/// or "last week".
fn states_its_day(timex: &corroborate_model::Timex) -> bool {
    timex.anchor == TimeAnchor::Absolute || timex.text.chars().any(|c| c.is_ascii_digit())
}

fn best_candidate(
    annotated: &AnnotatedReport,
    recognized: &corroborate_time::Recognized,
    first: NaiveDate,
    last: NaiveDate,
    references: &OtherReports,
) -> Option<NaiveDate> {
    let days = (last - first).num_days().clamp(0, MAX_CANDIDATE_DAYS);
    let mut best: Option<(usize, NaiveDate)> = None;
    // The text's tokens and trigger matches, found once for all candidate
    // days, and only when some sentence's dates move with the day.
    let mut lexed = None;
    for offset in 0..=days {
        let day = first + Duration::days(offset);
        let timexes = recognized.resolve(Some(day), true);
        let a = &annotated.annotations;
        // Only events in sentences whose dates move with the candidate can
        // score, so only those sentences are read.
        let moving = sentences_with_moving_dates(&a.sentences, &timexes);
        if moving.is_empty() {
            continue;
        }
        let (tokens, triggers) = lexed.get_or_insert_with(|| {
            let text = &annotated.report.text;
            let tokens = crate::tokens_of(text, &annotated.annotations.tokens);
            let triggers =
                corroborate_events::Triggers::find(text, &tokens, &annotated.annotations.sentences);
            (tokens, triggers)
        });
        let events = triggers.events(tokens, &moving, &timexes, &a.mentions);
        let score = events
            .iter()
            .filter(|e| e.action.is_none() && depends_on_dct(e, &timexes))
            .filter(|e| matches_reference(e, &annotated.report.text, &a.mentions, references))
            .count();
        if best.is_none_or(|(s, _)| score >= s) {
            best = Some((score, day));
        }
    }
    match best {
        Some((score, day)) if score > 0 => Some(day),
        _ => None,
    }
}

/// The sentences holding an expression whose day moves with the
/// publication date.
fn sentences_with_moving_dates(
    sentences: &[corroborate_model::Span],
    timexes: &[corroborate_model::Timex],
) -> Vec<corroborate_model::Span> {
    sentences
        .iter()
        .copied()
        .filter(|s| {
            timexes.iter().any(|t| {
                s.contains(t.span) && t.anchor == TimeAnchor::Publication && !states_its_day(t)
            })
        })
        .collect()
}

/// The event's day moves with the publication date ("on Friday").
fn depends_on_dct(event: &EventMention, timexes: &[corroborate_model::Timex]) -> bool {
    event
        .timex
        .and_then(|t| timexes.get(t))
        .is_some_and(|t| t.anchor == TimeAnchor::Publication && !states_its_day(t))
}

fn matches_reference(
    event: &EventMention,
    text: &str,
    mentions: &[corroborate_model::Mention],
    references: &OtherReports,
) -> bool {
    let Some(date) = event.date.as_ref().filter(|d| d.start == d.end) else {
        return false;
    };
    let own = references
        .references
        .vocabulary
        .ids_of(&words(event.span.slice(text).unwrap_or_default()));
    let persons = surnames(event, mentions);
    let befalls_another = |r: &ReferenceEvent| {
        event.event_type.befalls_a_person()
            && !persons.is_empty()
            && !r.persons.is_empty()
            && persons.is_disjoint(&r.persons)
    };
    references
        .on(event.event_type, date.start)
        .any(|r| shared_sorted(&r.words, &own) >= MIN_SHARED_WORDS && !befalls_another(r))
}

/// The last words of the people an event names, lower-cased ("felt" for
/// "W. Mark Felt"): a death or an arrest of one person is no reference
/// for that of another.
fn surnames(event: &EventMention, mentions: &[corroborate_model::Mention]) -> BTreeSet<String> {
    event
        .participants
        .iter()
        .filter_map(|&m| mentions.get(m))
        .filter(|m| m.kind == corroborate_model::EntityKind::Person)
        .filter_map(|m| m.text.split_whitespace().last())
        .map(str::to_lowercase)
        .collect()
}

/// Reference events by type and by each day they may fall on (at most
/// [`MAX_REFERENCE_DAYS`] each), so that a candidate day is checked
/// against the few events of its day, not against every event of the
/// corpus for every undated report and day.
struct ReferenceIndex {
    events: Vec<ReferenceEvent>,
    by_day: HashMap<(EventType, NaiveDate), Vec<usize>>,
    vocabulary: Vocabulary,
}

impl ReferenceIndex {
    fn new(reports: &[AnnotatedReport]) -> Self {
        let mut vocabulary = Vocabulary::default();
        let events = reference_events(reports, &mut vocabulary);
        let mut by_day: HashMap<(EventType, NaiveDate), Vec<usize>> = HashMap::new();
        for (i, event) in events.iter().enumerate() {
            for day in event
                .first_day
                .iter_days()
                .take_while(|d| *d <= event.last_day)
            {
                by_day.entry((event.event_type, day)).or_default().push(i);
            }
        }
        ReferenceIndex {
            events,
            by_day,
            vocabulary,
        }
    }
}

/// The reference events of every report but one (a report is not its
/// own reference).
struct OtherReports<'a> {
    references: &'a ReferenceIndex,
    except: usize,
}

impl OtherReports<'_> {
    /// Events of `event_type` whose dates contain `day`.
    fn on(&self, event_type: EventType, day: NaiveDate) -> impl Iterator<Item = &ReferenceEvent> {
        let index = self.references;
        index
            .by_day
            .get(&(event_type, day))
            .into_iter()
            .flatten()
            .filter_map(|&i| index.events.get(i))
            .filter(move |r| r.report != self.except)
    }
}

/// Lower-cased words of five letters or more: names and content words.
fn words(text: &str) -> BTreeSet<String> {
    corroborate_text::alphanumeric_runs(text)
        .filter(|w| w.chars().count() >= 5)
        .map(str::to_lowercase)
        .collect()
}
