//! `corroborate timeline`: the timeline alone, optionally narrowed to one
//! entity and a date window.

use chrono::NaiveDate;
use corroborate_model::{Analysis, Conflict};

use crate::names_match;

/// What to keep of the timeline.
#[derive(Debug, Clone, Default)]
pub struct TimelineFilter {
    /// Keep events involving the entity with this name or alias.
    pub entity: Option<String>,
    /// Keep events that end on or after this day.
    pub from: Option<NaiveDate>,
    /// Keep events that start on or before this day.
    pub to: Option<NaiveDate>,
}

impl TimelineFilter {
    fn is_empty(&self) -> bool {
        self.entity.is_none() && self.from.is_none() && self.to.is_none()
    }
}

/// Narrows an analysis to the events the filter keeps (and the date
/// conflicts about them). Undated events are dropped when a date window is
/// given. Fails when the entity is unknown, listing near names.
pub fn filter_timeline(
    mut analysis: Analysis,
    filter: &TimelineFilter,
) -> Result<Analysis, String> {
    if filter.is_empty() {
        return Ok(analysis);
    }
    let entity_id = match &filter.entity {
        Some(name) => Some(find_entity(&analysis, name)?),
        None => None,
    };
    analysis.events.retain(|event| {
        let involved = entity_id
            .as_ref()
            .is_none_or(|id| event.entities.contains(id));
        let in_window = match (&event.date, filter.from, filter.to) {
            (_, None, None) => true,
            (None, _, _) => false,
            (Some(date), from, to) => {
                from.is_none_or(|f| date.end >= f) && to.is_none_or(|t| date.start <= t)
            }
        };
        involved && in_window
    });
    let kept: Vec<&str> = analysis.events.iter().map(|e| e.id.as_str()).collect();
    let about_kept = |c: &Conflict| c.items.iter().any(|item| kept.contains(&item.as_str()));
    analysis.conflicts.retain(about_kept);
    Ok(analysis)
}

fn find_entity(analysis: &Analysis, name: &str) -> Result<String, String> {
    analysis
        .entities
        .iter()
        .find(|e| {
            e.aliases
                .iter()
                .chain(std::iter::once(&e.name))
                .any(|a| names_match(a, name))
        })
        .map(|e| e.id.clone())
        .ok_or_else(|| {
            let near: Vec<&str> = analysis
                .entities
                .iter()
                .filter(|e| e.name.to_lowercase().contains(&name.to_lowercase()))
                .map(|e| e.name.as_str())
                .take(5)
                .collect();
            if near.is_empty() {
                format!("no entity named `{name}`")
            } else {
                format!(
                    "no entity named `{name}`; did you mean: {}?",
                    near.join(", ")
                )
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::{ConflictKind, Entity, EntityKind, Event, EventDate, EventType};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, d).expect("valid date")
    }

    fn event(id: &str, date: Option<u32>, entities: &[&str]) -> Event {
        Event {
            id: id.into(),
            event_type: EventType::Protest,
            date: date.map(|d| EventDate {
                value: day(d).to_string(),
                start: day(d),
                end: day(d),
            }),
            summary: String::new(),
            entities: entities.iter().map(|e| e.to_string()).collect(),
            sources: Vec::new(),
            independent_sources: 1,
            date_inferred: false,
            action: None,
        }
    }

    fn analysis() -> Analysis {
        Analysis {
            entities: vec![Entity {
                id: "ent-1".into(),
                kind: EntityKind::Person,
                name: "Pavel Ostrov".into(),
                aliases: vec!["Ostrov".into(), "Pavel Ostrov".into()],
                reports: Vec::new(),
                mentions: 2,
                lat: None,
                lon: None,
                titles: Vec::new(),
                merges: Vec::new(),
                country: None,
            }],
            events: vec![
                event("evt-1", Some(3), &["ent-1"]),
                event("evt-2", Some(9), &[]),
                event("evt-3", None, &["ent-1"]),
            ],
            conflicts: vec![Conflict {
                id: "cfl-1".into(),
                kind: ConflictKind::Date,
                items: vec!["evt-2".into()],
                explanation: String::new(),
                sides: Vec::new(),
            }],
            ..Analysis::default()
        }
    }

    fn ids(a: &Analysis) -> Vec<&str> {
        a.events.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn filters_by_entity_alias_case_and_accents_aside() {
        let filter = TimelineFilter {
            entity: Some("óstrov".into()),
            ..Default::default()
        };
        let got = filter_timeline(analysis(), &filter).expect("entity known");
        assert_eq!(ids(&got), vec!["evt-1", "evt-3"]);
        assert!(got.conflicts.is_empty());
    }

    #[test]
    fn filters_by_date_window_and_drops_undated() {
        let filter = TimelineFilter {
            from: Some(day(4)),
            to: Some(day(10)),
            ..Default::default()
        };
        let got = filter_timeline(analysis(), &filter).expect("ok");
        assert_eq!(ids(&got), vec!["evt-2"]);
        assert_eq!(got.conflicts.len(), 1);
    }

    #[test]
    fn unknown_entities_are_an_error_with_suggestions() {
        let filter = TimelineFilter {
            entity: Some("Pavel".into()),
            ..Default::default()
        };
        let err = filter_timeline(analysis(), &filter).unwrap_err();
        assert!(err.contains("did you mean: Pavel Ostrov"), "{err}");
    }
}
