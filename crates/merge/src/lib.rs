//! Cross-report merging: the stateful stage.
//!
//! Takes every [`AnnotatedReport`] of a run and builds the [`Analysis`]:
//! 1. [`copies`]: syndicated and duplicate reports, so that every
//!    independent-source count counts a copy group once;
//! 2. [`entities`]: mentions merged into entities, with a reason per merge;
//! 3. [`events`]: event mentions merged into timeline events, with date
//!    conflicts;
//! 4. [`claims`]: figures aligned into claims with agreement, conflict and
//!    series statuses;
//! 5. [`statements`]: contradicting statements.
//!
//! Every output item keeps the quotes (report id, byte offsets) it came
//! from.

pub mod claims;
pub mod copies;
pub mod entities;
pub mod events;
mod lexical;
pub mod names;
pub mod statements;

use corroborate_model::{
    Analysis, AnnotatedReport, Conflict, DateOrigin, EntityKind, ReportEntry, Skipped,
    SCHEMA_VERSION,
};

pub use copies::CopyInfo;
pub use entities::{Geocoder, NoGeocoder};

/// Builds the whole analysis from annotated reports.
pub fn merge(
    reports: &[AnnotatedReport],
    geocoder: &dyn Geocoder,
    skipped: Vec<Skipped>,
) -> Analysis {
    let copies = find_report_copies(reports);
    let entity_index = entities::merge_entities(reports, geocoder);
    let country_of_place = |e: usize| -> Option<String> {
        let entity = entity_index.entities.get(e)?;
        (entity.kind == EntityKind::Place)
            .then(|| {
                geocoder.country_code(&entity.name).or_else(|| {
                    geocoder
                        .geocode(&entity.name, &entity_index.context_countries)
                        .map(|p| p.2)
                })
            })
            .flatten()
    };
    let merged_events = events::merge_events(reports, &entity_index, &copies, &country_of_place);
    let merged_claims = claims::merge_claims(reports, &copies);
    let statement = statements::statement_conflicts(reports, &entity_index);
    let mut conflicts = merged_events.conflicts;
    conflicts.extend(merged_claims.conflicts);
    conflicts.extend(statement);
    number_conflicts(&mut conflicts);
    Analysis {
        schema_version: SCHEMA_VERSION.to_string(),
        reports: report_entries(reports, &copies),
        entities: entity_index.entities,
        events: merged_events.events,
        claims: merged_claims.claims,
        conflicts,
        skipped,
    }
}

/// Copy groups over the reports' cleaned texts.
pub fn find_report_copies(reports: &[AnnotatedReport]) -> Vec<CopyInfo> {
    let inputs: Vec<copies::CopyInput> = reports
        .iter()
        .map(|r| copies::CopyInput {
            text: &r.report.text,
            published: r.report.meta.published,
        })
        .collect();
    copies::find_copies(&inputs)
}

/// Gives conflicts their final ids, in output order.
fn number_conflicts(conflicts: &mut [Conflict]) {
    for (n, conflict) in conflicts.iter_mut().enumerate() {
        conflict.id = format!("cfl-{}", n + 1);
    }
}

fn report_entries(reports: &[AnnotatedReport], copies: &[CopyInfo]) -> Vec<ReportEntry> {
    reports
        .iter()
        .zip(copies)
        .map(|(r, copy)| {
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
            }
        })
        .collect()
}

#[cfg(test)]
mod test_support;
