//! The list endpoints' query parameters, parsed strictly (a value that
//! cannot be read is a 400, an empty one counts as absent), and the
//! filters they select.

use std::collections::HashMap;

use chrono::NaiveDate;
use corroborate_model::{
    Claim, ClaimStatus, Conflict, ConflictKind, Entity, EntityKind, Event, EventType, ReportEntry,
};
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::ApiError;

/// Parses a raw query string into a struct of optional strings.
pub(crate) fn parse_params<T: DeserializeOwned>(raw: Option<&str>) -> Result<T, ApiError> {
    serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|error| ApiError::bad_request(format!("invalid query string: {error}")))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EventParams {
    from: Option<String>,
    to: Option<String>,
    #[serde(rename = "type")]
    event_type: Option<String>,
    entity: Option<String>,
    place: Option<String>,
    min_sources: Option<String>,
    story: Option<String>,
    offset: Option<String>,
    limit: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ClaimParams {
    status: Option<String>,
    measure: Option<String>,
    story: Option<String>,
    offset: Option<String>,
    limit: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ConflictParams {
    kind: Option<String>,
    offset: Option<String>,
    limit: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EntityParams {
    q: Option<String>,
    offset: Option<String>,
    limit: Option<String>,
}

/// Which slice of a filtered list to return: `offset` items skipped, at
/// most `limit` returned (all when no limit is given). Large workspaces
/// list tens of thousands of events; a client pages through them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Window {
    pub(crate) offset: usize,
    pub(crate) limit: Option<usize>,
}

impl Window {
    fn parse(offset: Option<String>, limit: Option<String>) -> Result<Self, ApiError> {
        let offset = present(offset)
            .map(|v| parse_count("offset", &v))
            .transpose()?
            .unwrap_or(0);
        let limit = present(limit)
            .map(|v| parse_count("limit", &v))
            .transpose()?;
        if limit == Some(0) {
            return Err(ApiError::bad_request("'limit' must be at least 1"));
        }
        Ok(Window { offset, limit })
    }

    /// How many `items` there are, and the window's part of them. Only
    /// that part is kept: at 100,000 reports a full list of references
    /// is megabytes per request, which concurrent requests each held.
    pub(crate) fn apply<T>(&self, items: impl IntoIterator<Item = T>) -> (usize, Vec<T>) {
        let limit = self.limit.unwrap_or(usize::MAX);
        let mut total = 0;
        let mut kept = Vec::new();
        for item in items {
            if total >= self.offset && kept.len() < limit {
                kept.push(item);
            }
            total += 1;
        }
        (total, kept)
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchParams {
    q: Option<String>,
    limit: Option<String>,
}

/// Which events `/api/events` returns.
#[derive(Debug, Default)]
pub(crate) struct EventFilter {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    event_type: Option<EventType>,
    /// Lowercased.
    entity: Option<String>,
    /// Lowercased.
    place: Option<String>,
    min_sources: usize,
    /// The story (`sty-N`) the event's reports follow.
    pub(crate) story: Option<String>,
    pub(crate) window: Window,
}

impl EventFilter {
    pub(crate) fn parse(params: EventParams) -> Result<Self, ApiError> {
        let from = present(params.from)
            .map(|v| parse_date("from", &v))
            .transpose()?;
        let to = present(params.to)
            .map(|v| parse_date("to", &v))
            .transpose()?;
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                return Err(ApiError::bad_request(format!(
                    "'from' ({from}) is after 'to' ({to})"
                )));
            }
        }
        Ok(EventFilter {
            from,
            to,
            event_type: present(params.event_type)
                .map(|v| parse_keyword("type", &v))
                .transpose()?,
            entity: present(params.entity).map(|v| v.to_lowercase()),
            place: present(params.place).map(|v| v.to_lowercase()),
            min_sources: present(params.min_sources)
                .map(|v| parse_count("min_sources", &v))
                .transpose()?
                .unwrap_or(0),
            story: present(params.story),
            window: Window::parse(params.offset, params.limit)?,
        })
    }

    /// Whether `event` passes; `entities` resolves the event's entity ids
    /// within the same analysis.
    pub(crate) fn matches(&self, event: &Event, entities: &EntityIndex<'_>) -> bool {
        self.matches_dates(event)
            && self.event_type.is_none_or(|t| event.event_type == t)
            && event.independent_sources >= self.min_sources
            && self
                .entity
                .as_deref()
                .is_none_or(|name| entities.any_named(&event.entities, name, None))
            && self.place.as_deref().is_none_or(|name| {
                entities.any_named(&event.entities, name, Some(EntityKind::Place))
            })
    }

    /// The event's days overlap [from, to] (both inclusive); an undated
    /// event passes only when no bound is given.
    fn matches_dates(&self, event: &Event) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(date) = &event.date else {
            return false;
        };
        self.from.is_none_or(|from| date.end >= from) && self.to.is_none_or(|to| date.start <= to)
    }
}

/// An analysis's entities by id.
pub(crate) struct EntityIndex<'a>(HashMap<&'a str, &'a Entity>);

impl<'a> EntityIndex<'a> {
    #[cfg(test)]
    pub(crate) fn new(entities: &'a [Entity]) -> Self {
        EntityIndex(entities.iter().map(|e| (e.id.as_str(), e)).collect())
    }

    /// Only the entities `filter` names (by its entity or place): one pass
    /// over the entities per request, and nothing at all when the filter
    /// names none, instead of indexing tens of thousands of entities.
    pub(crate) fn named_by(entities: &'a [Entity], filter: &EventFilter) -> Self {
        let names: Vec<&str> = [filter.entity.as_deref(), filter.place.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if names.is_empty() {
            return EntityIndex(HashMap::new());
        }
        let named = |entity: &Entity| names.iter().any(|name| has_name(entity, name));
        EntityIndex(
            entities
                .iter()
                .filter(|e| named(e))
                .map(|e| (e.id.as_str(), e))
                .collect(),
        )
    }

    /// Some entity of `ids` (of `kind`, when given) has `lowercase_name`
    /// as its id, name or an alias, ignoring case.
    fn any_named(&self, ids: &[String], lowercase_name: &str, kind: Option<EntityKind>) -> bool {
        ids.iter()
            .filter_map(|id| self.0.get(id.as_str()))
            .filter(|entity| kind.is_none_or(|k| entity.kind == k))
            .any(|entity| has_name(entity, lowercase_name))
    }
}

/// `lowercase_name` is the entity's id, name or an alias, ignoring case.
fn has_name(entity: &Entity, lowercase_name: &str) -> bool {
    std::iter::once(&entity.id)
        .chain(std::iter::once(&entity.name))
        .chain(&entity.aliases)
        .any(|name| lowercases_to(name, lowercase_name))
}

/// `text` lower-cased is `lowercase`, compared without allocating (this
/// runs over every entity of a large workspace per request).
fn lowercases_to(text: &str, lowercase: &str) -> bool {
    if text.is_ascii() && text.len() != lowercase.len() {
        return false;
    }
    text.chars()
        .flat_map(char::to_lowercase)
        .eq(lowercase.chars())
}

/// Which reports follow the story a request asks for: nothing is indexed
/// when it asks for none.
pub(crate) struct StoryIndex<'a> {
    wanted: Option<&'a str>,
    story_of: HashMap<&'a str, &'a str>,
}

impl<'a> StoryIndex<'a> {
    pub(crate) fn new(reports: &'a [ReportEntry], wanted: Option<&'a str>) -> Self {
        let story_of = match wanted {
            Some(_) => reports
                .iter()
                .map(|r| (r.id.as_str(), r.story.as_str()))
                .collect(),
            None => HashMap::new(),
        };
        StoryIndex { wanted, story_of }
    }

    /// An item passes when no story is asked for, or when its first
    /// source's report follows that story (an item never joins two).
    pub(crate) fn admits<'r>(&self, mut reports: impl Iterator<Item = &'r str>) -> bool {
        let Some(wanted) = self.wanted else {
            return true;
        };
        reports
            .next()
            .and_then(|report| self.story_of.get(report))
            .is_some_and(|story| *story == wanted)
    }
}

/// Which claims `/api/claims` returns.
#[derive(Debug, Default)]
pub(crate) struct ClaimFilter {
    status: Option<ClaimStatus>,
    /// Lowercased.
    measure: Option<String>,
    /// The story (`sty-N`) the claim's reports follow.
    pub(crate) story: Option<String>,
    pub(crate) window: Window,
}

impl ClaimFilter {
    pub(crate) fn parse(params: ClaimParams) -> Result<Self, ApiError> {
        Ok(ClaimFilter {
            status: present(params.status)
                .map(|v| parse_keyword("status", &v))
                .transpose()?,
            measure: present(params.measure).map(|v| v.to_lowercase()),
            story: present(params.story),
            window: Window::parse(params.offset, params.limit)?,
        })
    }

    /// Status equal, measure equal ignoring case.
    pub(crate) fn matches(&self, claim: &Claim) -> bool {
        self.status.is_none_or(|s| claim.status == s)
            && self
                .measure
                .as_deref()
                .is_none_or(|m| lowercases_to(&claim.measure, m))
    }
}

/// Which entities `/api/entities` returns: `q` found in the name or an
/// alias, ignoring case.
#[derive(Debug, Default)]
pub(crate) struct EntityFilter {
    needle: Option<String>,
    pub(crate) window: Window,
}

impl EntityFilter {
    pub(crate) fn parse(params: EntityParams) -> Result<Self, ApiError> {
        Ok(EntityFilter {
            needle: present(params.q).map(|v| v.to_lowercase()),
            window: Window::parse(params.offset, params.limit)?,
        })
    }

    pub(crate) fn matches(&self, entity: &Entity) -> bool {
        self.needle.as_deref().is_none_or(|needle| {
            entity.name.to_lowercase().contains(needle)
                || entity
                    .aliases
                    .iter()
                    .any(|a| a.to_lowercase().contains(needle))
        })
    }
}

/// Which conflicts `/api/conflicts` returns: of one kind (date, number,
/// statement) or all, a page at a time.
#[derive(Debug, Default)]
pub(crate) struct ConflictFilter {
    kind: Option<ConflictKind>,
    pub(crate) window: Window,
}

impl ConflictFilter {
    pub(crate) fn parse(params: ConflictParams) -> Result<Self, ApiError> {
        Ok(ConflictFilter {
            kind: present(params.kind)
                .map(|v| parse_keyword("kind", &v))
                .transpose()?,
            window: Window::parse(params.offset, params.limit)?,
        })
    }

    pub(crate) fn matches(&self, conflict: &Conflict) -> bool {
        self.kind.is_none_or(|kind| conflict.kind == kind)
    }
}

/// A search: the query as sent and how many hits to return.
#[derive(Debug)]
pub(crate) struct SearchRequest {
    pub(crate) query: String,
    pub(crate) limit: usize,
}

impl SearchRequest {
    pub(crate) const DEFAULT_LIMIT: usize = 20;
    pub(crate) const MAX_LIMIT: usize = 200;

    pub(crate) fn parse(params: SearchParams) -> Result<Self, ApiError> {
        let limit = match present(params.limit) {
            None => Self::DEFAULT_LIMIT,
            Some(v) => match parse_count("limit", &v)? {
                0 => return Err(ApiError::bad_request("'limit' must be at least 1")),
                n => n.min(Self::MAX_LIMIT),
            },
        };
        Ok(SearchRequest {
            query: params.q.unwrap_or_default(),
            limit,
        })
    }
}

/// The value, unless missing or blank.
fn present(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn parse_date(name: &str, value: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
        ApiError::bad_request(format!(
            "'{name}' must be a date as YYYY-MM-DD, not {value:?}"
        ))
    })
}

fn parse_count(name: &str, value: &str) -> Result<usize, ApiError> {
    value.parse().map_err(|_| {
        ApiError::bad_request(format!(
            "'{name}' must be a whole number of 0 or more, not {value:?}"
        ))
    })
}

/// A snake_case enum value (an event type, a claim status) as serde reads it.
fn parse_keyword<T: DeserializeOwned>(name: &str, value: &str) -> Result<T, ApiError> {
    T::deserialize(StrDeserializer::<ValueError>::new(value))
        .map_err(|error| ApiError::bad_request(format!("'{name}': {error}")))
}

#[cfg(test)]
mod tests {
    use corroborate_model::EventDate;

    use super::*;

    fn date(value: &str) -> NaiveDate {
        value.parse().unwrap()
    }

    fn event(start: &str, end: &str) -> Event {
        Event {
            id: "ev1".into(),
            event_type: EventType::Protest,
            date: Some(EventDate {
                value: start.into(),
                start: date(start),
                end: date(end),
            }),
            summary: "Protesters gathered".into(),
            entities: vec!["ent1".into()],
            sources: vec![],
            independent_sources: 2,
            date_inferred: false,
            action: None,
        }
    }

    fn entity(kind: EntityKind) -> Entity {
        Entity {
            id: "ent1".into(),
            kind,
            name: "Almaty".into(),
            aliases: vec!["Almaty".into(), "Alma-Ata".into()],
            reports: vec![],
            mentions: 3,
            lat: None,
            lon: None,
            titles: vec![],
            merges: vec![],
            country: None,
        }
    }

    #[test]
    fn a_story_admits_only_items_of_its_reports() {
        let entry = |id: &str, story: &str| {
            let mut entry: ReportEntry = serde_json::from_value(serde_json::json!({
                "id": id, "source": "", "title": "", "outlet": null, "author": null,
                "url": null, "published": null, "published_inferred": false,
                "published_origin": "unknown", "published_range": null,
                "duplicate_of": null, "chars": 0, "language": null, "notices": [],
                "syndication_group": id, "similarity": 1.0, "credited_source": null
            }))
            .expect("a report entry");
            entry.story = story.to_string();
            entry
        };
        let reports = [entry("a", "sty-1"), entry("b", "sty-2")];
        let quake = StoryIndex::new(&reports, Some("sty-2"));
        assert!(quake.admits(["b"].into_iter()));
        assert!(!quake.admits(["a"].into_iter()));
        assert!(!quake.admits(["unknown"].into_iter()));
        assert!(!quake.admits(std::iter::empty()));
        let any = StoryIndex::new(&reports, None);
        assert!(any.admits(["a"].into_iter()));
    }

    fn event_filter(query: &str) -> Result<EventFilter, ApiError> {
        EventFilter::parse(parse_params(Some(query))?)
    }

    #[test]
    fn date_bounds_are_inclusive_and_overlap_the_events_days() {
        let entities = [entity(EntityKind::Place)];
        let index = EntityIndex::new(&entities);
        let day = event("2022-01-05", "2022-01-05");
        let month = event("2022-01-01", "2022-01-31");
        let passes =
            |query: &str, event: &Event| event_filter(query).unwrap().matches(event, &index);
        assert!(passes("from=2022-01-05&to=2022-01-05", &day));
        assert!(!passes("from=2022-01-06", &day));
        assert!(!passes("to=2022-01-04", &day));
        assert!(passes("from=2022-01-20", &month));
        assert!(!passes("from=2022-02-01", &month));
    }

    #[test]
    fn an_undated_event_passes_only_without_bounds() {
        let mut undated = event("2022-01-05", "2022-01-05");
        undated.date = None;
        let index = EntityIndex::new(&[]);
        assert!(event_filter("").unwrap().matches(&undated, &index));
        assert!(!event_filter("from=2000-01-01")
            .unwrap()
            .matches(&undated, &index));
    }

    #[test]
    fn entity_and_place_match_an_alias_ignoring_case() {
        let event = event("2022-01-05", "2022-01-05");
        let places = [entity(EntityKind::Place)];
        let people = [entity(EntityKind::Person)];
        let (places, people) = (EntityIndex::new(&places), EntityIndex::new(&people));
        assert!(event_filter("entity=alma-ata")
            .unwrap()
            .matches(&event, &places));
        assert!(event_filter("entity=ENT1")
            .unwrap()
            .matches(&event, &people));
        assert!(!event_filter("entity=Astana")
            .unwrap()
            .matches(&event, &places));
        assert!(event_filter("place=ALMATY")
            .unwrap()
            .matches(&event, &places));
        assert!(!event_filter("place=Almaty")
            .unwrap()
            .matches(&event, &people));
    }

    #[test]
    fn type_and_min_sources_filter() {
        let event = event("2022-01-05", "2022-01-05");
        let index = EntityIndex::new(&[]);
        assert!(event_filter("type=protest")
            .unwrap()
            .matches(&event, &index));
        assert!(!event_filter("type=arrest").unwrap().matches(&event, &index));
        assert!(event_filter("min_sources=2")
            .unwrap()
            .matches(&event, &index));
        assert!(!event_filter("min_sources=3")
            .unwrap()
            .matches(&event, &index));
    }

    #[test]
    fn empty_values_count_as_absent() {
        let filter = event_filter("from=&to=&type=&entity=&place=&min_sources=").unwrap();
        let mut undated = event("2022-01-05", "2022-01-05");
        undated.date = None;
        assert!(filter.matches(&undated, &EntityIndex::new(&[])));
    }

    #[test]
    fn bad_values_are_rejected_with_their_name() {
        for (query, name) in [
            ("from=2022-13-01", "from"),
            ("to=yesterday", "to"),
            ("type=parade", "type"),
            ("min_sources=-1", "min_sources"),
            ("min_sources=two", "min_sources"),
            ("from=2022-02-01&to=2022-01-01", "from"),
        ] {
            let error = event_filter(query).unwrap_err();
            assert_eq!(error.status, axum::http::StatusCode::BAD_REQUEST);
            assert!(error.message.contains(name), "{query}: {}", error.message);
        }
        let claims = ClaimFilter::parse(parse_params(Some("status=disputed")).unwrap());
        assert!(claims.is_err());
    }

    #[test]
    fn names_compare_lower_cased_without_allocating() {
        assert!(lowercases_to("Almaty", "almaty"));
        assert!(lowercases_to("ÖSKEMEN", "öskemen"));
        assert!(!lowercases_to("Almaty", "almat"));
        assert!(!lowercases_to("Alma", "almaty"));
    }

    #[test]
    fn list_windows_skip_and_cap_and_reject_bad_values() {
        let window = |raw: &str| {
            let params: ClaimParams = parse_params(Some(raw)).unwrap();
            ClaimFilter::parse(params).map(|f| f.window)
        };
        assert_eq!(window("").unwrap(), Window::default());
        let page = window("offset=2&limit=3").unwrap();
        assert_eq!(page.apply(0..10), (10, vec![2, 3, 4]));
        assert_eq!(window("offset=8").unwrap().apply(0..10), (10, vec![8, 9]));
        assert_eq!(window("offset=20").unwrap().apply(0..10), (10, vec![]));
        assert!(window("limit=0").is_err());
        assert!(window("offset=-1").is_err());
        assert!(window("limit=many").is_err());
    }

    #[test]
    fn search_limit_defaults_clamps_and_rejects() {
        let parse = |q: &str| SearchRequest::parse(parse_params(Some(q)).unwrap());
        assert_eq!(parse("q=x").unwrap().limit, SearchRequest::DEFAULT_LIMIT);
        assert_eq!(parse("q=x&limit=5").unwrap().limit, 5);
        assert_eq!(
            parse("q=x&limit=100000").unwrap().limit,
            SearchRequest::MAX_LIMIT
        );
        assert!(parse("q=x&limit=0").is_err());
        assert!(parse("q=x&limit=ten").is_err());
    }

    #[test]
    fn entity_query_is_a_substring_of_name_or_alias() {
        let place = entity(EntityKind::Place);
        let parse = |q: &str| EntityFilter::parse(parse_params(Some(q)).unwrap()).unwrap();
        assert!(parse("q=ALMA-").matches(&place));
        assert!(parse("q=maty").matches(&place));
        assert!(!parse("q=astana").matches(&place));
        assert!(parse("").matches(&place));
    }
}
