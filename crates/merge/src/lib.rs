//! Cross-report merging: the stateful stage.
//!
//! Takes every [`AnnotatedReport`] of a run and builds the [`Analysis`]:
//! 1. `copies`: syndicated and duplicate reports, so that every
//!    independent-source count counts a copy group once;
//! 2. `entities`: mentions merged into entities, with a reason per merge;
//! 3. `events`: event mentions merged into timeline events, with date
//!    conflicts;
//! 4. `claims`: figures aligned into claims with agreement, conflict and
//!    series statuses;
//! 5. `statements`: contradicting statements.
//!
//! Every output item keeps the quotes (report id, byte offsets) it came
//! from.

use std::collections::{BTreeMap, BTreeSet};

mod aliases;
mod claims;
mod copies;
mod countries;
mod entities;
mod events;
mod institutions;
mod lexical;
pub mod names;
mod people;
mod small_set;
mod statements;
mod stories;
mod union_find;

use corroborate_model::{
    Analysis, AnnotatedReport, Conflict, DateOrigin, EntityKind, ReportEntry, Skipped,
    SCHEMA_VERSION,
};

use copies::CopyInfo;
pub use entities::{Curation, Geocoder, NoGeocoder};

/// Builds the whole analysis from annotated reports.
pub fn merge(
    reports: &[AnnotatedReport],
    geocoder: &dyn Geocoder,
    curation: &Curation,
    skipped: Vec<Skipped>,
) -> Analysis {
    let copies = find_report_copies(reports);
    let entity_index = entities::merge_entities_curated(reports, geocoder, curation);
    let country_of_place = |e: usize| -> Option<String> {
        let entity = entity_index.entities.get(e)?;
        (entity.kind == EntityKind::Place)
            .then(|| geocoder.country_of(&entity.name, &entity_index.context_countries))
            .flatten()
    };
    let national = national_places(&entity_index, geocoder);
    let story_of = stories::assign_stories(reports, &entity_index);
    let merged_events = events::merge_events(
        reports,
        &events::EventContext {
            entities: &entity_index,
            copies: &copies,
            country_of_place: &country_of_place,
            national: &national,
            story_of: &story_of,
        },
    );
    let places_in = |r: usize, sentence: corroborate_model::Span| -> Vec<String> {
        sub_national_places(reports, &entity_index, &national, r, sentence)
    };
    let countries_in = |r: usize, sentence: corroborate_model::Span| -> Vec<String> {
        countries_named(
            reports,
            &entity_index,
            &national,
            &country_of_place,
            r,
            sentence,
        )
    };
    let by_alias = entity_ids_by_alias(&entity_index);
    let speaker_entity = |r: usize, span: Option<corroborate_model::Span>, name: &str| {
        speaker_entity_id(reports, &entity_index, &by_alias, r, span, name)
    };
    let organization_ids: BTreeSet<&str> = entity_index
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .map(|e| e.id.as_str())
        .collect();
    let organizations: BTreeMap<String, String> = by_alias
        .iter()
        .filter(|(_, id)| organization_ids.contains(id.as_str()))
        .map(|(alias, id)| (alias.clone(), id.clone()))
        .collect();
    let subjects_in = |r: usize, span: corroborate_model::Span| -> Vec<String> {
        subject_entities(reports, &entity_index, &national, &organizations, r, span)
    };
    let merged_claims = claims::merge_claims(
        reports,
        &claims::ClaimContext {
            copies: &copies,
            events: &merged_events.events,
            places_in: &places_in,
            countries_in: &countries_in,
            subjects_in: &subjects_in,
            speaker_entity: &speaker_entity,
            story_of: &story_of,
        },
    );
    let statement = statements::statement_conflicts(reports, &entity_index);
    let mut conflicts = without_repeated_date_conflicts(merged_events.conflicts);
    conflicts.extend(merged_claims.conflicts);
    conflicts.extend(statement);
    number_conflicts(&mut conflicts);
    Analysis {
        schema_version: SCHEMA_VERSION.to_string(),
        reports: report_entries(reports, &copies, &story_of),
        entities: entity_index.entities,
        events: merged_events.events,
        claims: merged_claims.claims,
        conflicts,
        skipped,
    }
}

/// Place entities that stand for a whole country: countries the gazetteer
/// knows, places written in a state form somewhere ("Republic of X"), and
/// the place the corpus mentions in the most reports (the country a crisis
/// corpus is about, even when the gazetteer lacks it).
fn national_places(index: &entities::EntityIndex, geocoder: &dyn Geocoder) -> BTreeSet<usize> {
    let places = || {
        index
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Place)
    };
    let is_state_form = |alias: &String| entities::is_state_form(&names::fold(alias));
    let mut national: BTreeSet<usize> = places()
        .filter(|(_, e)| {
            geocoder.country_code(&e.name).is_some() || e.aliases.iter().any(is_state_form)
        })
        .map(|(i, _)| i)
        .collect();
    if let Some((top, _)) = places().max_by_key(|(i, e)| (e.reports.len(), std::cmp::Reverse(*i))) {
        national.insert(top);
    }
    national
}

/// The entity a speaker is: the mention under the speaker's words, else
/// the entity one of whose spellings the speaker is (a resolved pronoun).
fn speaker_entity_id(
    reports: &[AnnotatedReport],
    index: &entities::EntityIndex,
    by_alias: &BTreeMap<String, String>,
    r: usize,
    span: Option<corroborate_model::Span>,
    name: &str,
) -> Option<String> {
    let mentions = &reports.get(r)?.annotations.mentions;
    let under = span.and_then(|s| {
        mentions
            .iter()
            .position(|m| s.overlaps(m.span) && s.end == m.span.end)
    });
    if let Some(m) = under {
        let e = *index.mention_entity.get(r)?.get(m)?;
        return Some(index.entities.get(e)?.id.clone());
    }
    by_alias.get(&names::fold(name)).cloned()
}

/// Folded spelling → id of the first entity (in output order) with it.
fn entity_ids_by_alias(index: &entities::EntityIndex) -> BTreeMap<String, String> {
    let mut by_alias = BTreeMap::new();
    for entity in &index.entities {
        for alias in &entity.aliases {
            by_alias
                .entry(names::fold(alias))
                .or_insert_with(|| entity.id.clone());
        }
    }
    by_alias
}

/// The place mentions of report `r` inside `sentence`, each with the
/// entity it was merged into.
fn place_mentions_in<'a>(
    reports: &'a [AnnotatedReport],
    index: &'a entities::EntityIndex,
    r: usize,
    sentence: corroborate_model::Span,
) -> impl Iterator<Item = (&'a corroborate_model::Mention, usize)> + 'a {
    let mentions = reports
        .get(r)
        .map_or(&[][..], |report| &report.annotations.mentions);
    mentions
        .iter()
        .enumerate()
        .filter(move |(_, mention)| {
            mention.kind == EntityKind::Place && sentence.contains(mention.span)
        })
        .filter_map(move |(m, mention)| {
            let e = *index.mention_entity.get(r)?.get(m)?;
            Some((mention, e))
        })
}

/// Names of the distinct sub-national places mentioned in a sentence.
fn sub_national_places(
    reports: &[AnnotatedReport],
    index: &entities::EntityIndex,
    national: &BTreeSet<usize>,
    r: usize,
    sentence: corroborate_model::Span,
) -> Vec<String> {
    let found: BTreeSet<usize> = place_mentions_in(reports, index, r, sentence)
        .map(|(_, e)| e)
        .filter(|e| !national.contains(e) && index.entities[*e].kind == EntityKind::Place)
        .collect();
    found
        .into_iter()
        .map(|e| index.entities[e].name.clone())
        .collect()
}

/// Prepositions that make the place after them where something happens
/// ("killed by a quake in eastern China", "off Iran's coast"), unlike an
/// origin ("troops from Belarus") or a party ("talks with Russia").
const LOCATIVE_WORDS: &[&str] = &[
    "in",
    "at",
    "near",
    "off",
    "across",
    "throughout",
    "inside",
    "within",
];

/// Whether a locative preposition stands before `start`, with at most two
/// lower-case words between ("in eastern", "off the").
fn told_as_location(text: &str, start: usize) -> bool {
    let before_start = corroborate_text::floor_char_boundary(text, start.saturating_sub(40));
    let before_end = corroborate_text::floor_char_boundary(text, start);
    let words: Vec<&str> =
        corroborate_text::alphanumeric_runs(&text[before_start..before_end]).collect();
    words
        .iter()
        .rev()
        .take(3)
        .take_while(|w| w.chars().all(|c| c.is_lowercase()))
        .any(|w| LOCATIVE_WORDS.contains(w))
}

/// The countries a sentence tells as where something happens (a place
/// after "in", "at", "off" …, or a place of that country): ISO codes where
/// the gazetteer knows them, else the name of a place that stands for a
/// whole country.
fn countries_named(
    reports: &[AnnotatedReport],
    index: &entities::EntityIndex,
    national: &BTreeSet<usize>,
    country_of_place: &dyn Fn(usize) -> Option<String>,
    r: usize,
    sentence: corroborate_model::Span,
) -> Vec<String> {
    let Some(text) = reports.get(r).map(|report| report.report.text.as_str()) else {
        return Vec::new();
    };
    let found: BTreeSet<String> = place_mentions_in(reports, index, r, sentence)
        .filter(|(mention, _)| told_as_location(text, mention.span.start))
        .filter_map(|(_, e)| {
            country_of_place(e).or_else(|| {
                national
                    .contains(&e)
                    .then(|| index.entities[e].name.clone())
            })
        })
        .collect();
    found.into_iter().collect()
}

/// Ids of the entities named in a span, places standing for a whole
/// country left out: a country is the setting of a crisis's figures, not
/// what they are about. An organization named inside a longer name
/// ("NASO" in "NASO Secretary-General Tamas Rivkin") counts too.
fn subject_entities(
    reports: &[AnnotatedReport],
    index: &entities::EntityIndex,
    national: &BTreeSet<usize>,
    organizations: &BTreeMap<String, String>,
    r: usize,
    span: corroborate_model::Span,
) -> Vec<String> {
    let (Some(report), Some(entity_of)) = (reports.get(r), index.mention_entity.get(r)) else {
        return Vec::new();
    };
    let mut found: BTreeSet<String> = BTreeSet::new();
    for (mention, &e) in report.annotations.mentions.iter().zip(entity_of) {
        if !span.contains(mention.span) || national.contains(&e) {
            continue;
        }
        if let Some(entity) = index.entities.get(e) {
            found.insert(entity.id.clone());
        }
        let inner = corroborate_text::alphanumeric_runs(&mention.text)
            .filter_map(|word| organizations.get(&names::fold(word)));
        found.extend(inner.cloned());
    }
    found.into_iter().collect()
}

/// Copy groups over the reports' cleaned texts.
fn find_report_copies(reports: &[AnnotatedReport]) -> Vec<CopyInfo> {
    let inputs: Vec<copies::CopyInput> = reports
        .iter()
        .map(|r| copies::CopyInput {
            text: &r.report.text,
            published: r.report.meta.published,
            credited_source: r.report.meta.credited_source.as_deref(),
        })
        .collect();
    copies::find_copies(&inputs)
}

/// One sentence can state events of several types (a protest and the
/// price rise behind it); the same pair of quotes disagreeing on a date
/// is one conflict, reported for the first event type.
fn without_repeated_date_conflicts(conflicts: Vec<Conflict>) -> Vec<Conflict> {
    let mut seen = BTreeSet::new();
    conflicts
        .into_iter()
        .filter(|c| {
            let quotes: Vec<(String, usize, usize)> = c
                .sides
                .iter()
                .map(|s| (s.report.clone(), s.start, s.end))
                .collect();
            seen.insert(quotes)
        })
        .collect()
}

fn notices(meta: &corroborate_model::ReportMeta) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(language) = meta.language.as_deref().filter(|_| !meta.is_english()) {
        out.push(format!(
            "written in {language}: kept and listed, but the English-only stages (names, dates, figures, statements, events) were skipped"
        ));
    }
    if meta.published.is_none() {
        out.push(
            "no publication date could be read or inferred: relative dates stay unresolved"
                .to_string(),
        );
    }
    out
}

/// Gives conflicts their final ids, in output order.
fn number_conflicts(conflicts: &mut [Conflict]) {
    for (n, conflict) in conflicts.iter_mut().enumerate() {
        conflict.id = format!("cfl-{}", n + 1);
    }
}

fn report_entries(
    reports: &[AnnotatedReport],
    copies: &[CopyInfo],
    story_of: &[usize],
) -> Vec<ReportEntry> {
    reports
        .iter()
        .zip(copies)
        .zip(story_of)
        .map(|((r, copy), story)| {
            let meta = &r.report.meta;
            ReportEntry {
                id: meta.id.clone(),
                source: meta.source.clone(),
                title: meta.title.clone(),
                outlet: meta.outlet.clone(),
                author: meta.author.clone(),
                url: meta.url.clone(),
                published: meta.published,
                published_inferred: meta.published_origin == DateOrigin::Inferred,
                published_origin: format!("{:?}", meta.published_origin).to_lowercase(),
                published_range: meta.published_range.clone(),
                duplicate_of: copy
                    .duplicate_of
                    .and_then(|d| reports.get(d))
                    .map(|d| d.report.meta.id.clone()),
                chars: r.report.text.chars().count(),
                language: meta.language.clone(),
                notices: notices(meta),
                syndication_group: reports
                    .get(copy.group)
                    .map_or_else(|| meta.id.clone(), |g| g.report.meta.id.clone()),
                similarity: copy.similarity,
                credited_source: meta.credited_source.clone(),
                story: format!("sty-{}", story + 1),
            }
        })
        .collect()
}

#[cfg(test)]
mod test_support;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use corroborate_model::{Attribution, Hedge, Interval, Span, Voice};

    #[test]
    fn a_place_after_a_locative_word_is_where_it_happens() {
        let text =
            "A quake in eastern China, troops from Belarus, off Iran's coast, talks with Russia.";
        let at = |name: &str| text.find(name).unwrap_or(0);
        assert!(told_as_location(text, at("China")));
        assert!(told_as_location(text, at("Iran")));
        assert!(!told_as_location(text, at("Belarus")), "an origin");
        assert!(!told_as_location(text, at("Russia")), "a party");
    }

    #[test]
    fn a_claim_names_its_speaker_entity() {
        let mut r = report(
            "a",
            Some(day(3, 8)),
            &["Pavel Ostrov said 40 people were killed."],
        );
        let m = add_mention(&mut r, "Pavel Ostrov", EntityKind::Person);
        add_quantity(&mut r, "40", 40.0, Interval::exact(40.0), "killed", None);
        let end = r.report.text.len();
        r.annotations.attributions.push(Attribution {
            span: Span::new(0, end),
            speaker: Some("Pavel Ostrov".into()),
            speaker_span: Some(r.annotations.mentions[m].span),
            cue: "said".into(),
            cue_span: Span::new(13, 17),
            content: Span::new(18, end),
            hedge: Hedge::Reported,
            voice: Voice::Quoted,
        });
        let analysis = merge(&[r], &NoGeocoder, &Curation::default(), Vec::new());
        let source = &analysis.claims[0].sources[0];
        assert_eq!(source.speaker.as_deref(), Some("Pavel Ostrov"));
        let ostrov = analysis
            .entities
            .iter()
            .find(|e| e.name == "Pavel Ostrov")
            .expect("entity");
        assert_eq!(source.speaker_entity.as_deref(), Some(ostrov.id.as_str()));
        assert_eq!(source.hedge.as_deref(), Some("reported"));
    }
}
