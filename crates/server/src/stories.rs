//! The stories of a merged analysis as `/api/stories` lists them: which
//! crises the workspace's reports follow, each with what names it.

use std::collections::HashMap;

use chrono::NaiveDate;
use corroborate_model::{Analysis, EntityKind};
use serde::Serialize;

/// Names shown for each story.
const NAMES_PER_STORY: usize = 4;

/// One story: its reports' count and dates, the title of its first
/// report, and the people, organizations and places most of its reports
/// name.
#[derive(Debug, Serialize, PartialEq)]
pub(crate) struct StorySummary<'a> {
    pub(crate) id: &'a str,
    pub(crate) reports: usize,
    pub(crate) first_published: Option<NaiveDate>,
    pub(crate) last_published: Option<NaiveDate>,
    /// The title of its earliest report (the first listed when none is dated).
    pub(crate) title: &'a str,
    pub(crate) names: Vec<&'a str>,
}

/// Every story of `analysis`, in order of id number ("sty-2" before "sty-10").
pub(crate) fn summaries(analysis: &Analysis) -> Vec<StorySummary<'_>> {
    let mut stories: Vec<StorySummary> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for report in analysis.reports.iter().filter(|r| !r.story.is_empty()) {
        let at = *position.entry(report.story.as_str()).or_insert_with(|| {
            stories.push(StorySummary {
                id: &report.story,
                reports: 0,
                first_published: None,
                last_published: None,
                title: &report.title,
                names: Vec::new(),
            });
            stories.len() - 1
        });
        let story = &mut stories[at];
        story.reports += 1;
        if let Some(day) = report.published {
            if story.first_published.is_none_or(|first| day < first) {
                story.title = &report.title;
            }
            story.first_published = Some(story.first_published.map_or(day, |d| d.min(day)));
            story.last_published = Some(story.last_published.map_or(day, |d| d.max(day)));
        }
    }
    add_names(analysis, &mut stories, &position);
    stories.sort_by_key(|s| (id_number(s.id), s.id));
    stories
}

/// Each story's names: the entities named by the most of its reports.
fn add_names<'a>(
    analysis: &'a Analysis,
    stories: &mut [StorySummary<'a>],
    position: &HashMap<&str, usize>,
) {
    let story_of: HashMap<&str, usize> = analysis
        .reports
        .iter()
        .filter_map(|r| Some((r.id.as_str(), *position.get(r.story.as_str())?)))
        .collect();
    let mut counted: Vec<Vec<(usize, &str)>> = vec![Vec::new(); stories.len()];
    let named = analysis.entities.iter().filter(|e| {
        matches!(
            e.kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Place
        )
    });
    for entity in named {
        let mut per_story: HashMap<usize, usize> = HashMap::new();
        for report in &entity.reports {
            if let Some(&story) = story_of.get(report.as_str()) {
                *per_story.entry(story).or_default() += 1;
            }
        }
        for (story, count) in per_story {
            counted[story].push((count, &entity.name));
        }
    }
    for (story, mut names) in stories.iter_mut().zip(counted) {
        names.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        story.names = names
            .into_iter()
            .take(NAMES_PER_STORY)
            .map(|(_, name)| name)
            .collect();
    }
}

/// The number of a "sty-N" id, for ordering; other ids go last.
fn id_number(id: &str) -> u64 {
    id.strip_prefix("sty-")
        .and_then(|n| n.parse().ok())
        .unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use corroborate_model::{Entity, ReportEntry};

    use super::*;

    fn report(id: &str, story: &str, published: Option<&str>) -> ReportEntry {
        ReportEntry {
            id: id.to_string(),
            source: format!("{id}.txt"),
            title: format!("Title of {id}"),
            outlet: None,
            author: None,
            url: None,
            published: published.and_then(|d| d.parse().ok()),
            published_inferred: false,
            published_origin: "metadata".to_string(),
            published_range: None,
            duplicate_of: None,
            chars: 100,
            language: None,
            notices: Vec::new(),
            syndication_group: id.to_string(),
            similarity: 1.0,
            credited_source: None,
            story: story.to_string(),
        }
    }

    fn entity(name: &str, kind: EntityKind, reports: &[&str]) -> Entity {
        Entity {
            id: format!("ent-{name}"),
            kind,
            name: name.to_string(),
            aliases: vec![name.to_string()],
            reports: reports.iter().map(|r| r.to_string()).collect(),
            mentions: reports.len(),
            lat: None,
            lon: None,
            titles: Vec::new(),
            merges: Vec::new(),
            country: None,
        }
    }

    #[test]
    fn each_story_counts_its_reports_dates_and_most_named_entities() {
        let analysis = Analysis {
            reports: vec![
                report("a", "sty-1", Some("2024-03-05")),
                report("b", "sty-10", Some("2024-05-01")),
                report("c", "sty-1", Some("2024-03-02")),
                report("d", "sty-2", None),
                report("e", "sty-10", Some("2024-04-20")),
            ],
            entities: vec![
                entity("Dravenza", EntityKind::Place, &["a", "c"]),
                entity("Marta Oslenko", EntityKind::Person, &["c"]),
                entity("Velkarian", EntityKind::Other, &["a", "c"]),
                entity("Port Elm", EntityKind::Place, &["b", "e", "a"]),
            ],
            ..Analysis::default()
        };
        let stories = summaries(&analysis);
        let ids: Vec<&str> = stories.iter().map(|s| s.id).collect();
        assert_eq!(ids, ["sty-1", "sty-2", "sty-10"]);
        let first = &stories[0];
        assert_eq!(first.reports, 2);
        assert_eq!(first.title, "Title of c", "the earliest report names it");
        assert_eq!(first.first_published, "2024-03-02".parse().ok());
        assert_eq!(first.last_published, "2024-03-05".parse().ok());
        // Nationalities are left out; ties go by name.
        assert_eq!(first.names, ["Dravenza", "Marta Oslenko", "Port Elm"]);
        assert_eq!(stories[1].title, "Title of d");
        assert_eq!(stories[1].first_published, None);
        assert!(stories[1].names.is_empty());
        assert_eq!(stories[2].names, ["Port Elm"]);
        assert_eq!(stories[2].title, "Title of e");
    }
}
