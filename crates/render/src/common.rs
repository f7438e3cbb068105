//! Orderings and small text helpers shared by the text and HTML views.

use std::collections::HashMap;

use corroborate_model::{
    Claim, ClaimSource, ClaimStatus, Conflict, DateBasis, Event, EventSource, Interval,
};

/// Events in timeline order: dated ones by first then last day, undated
/// ones after them; ties keep the analysis order.
pub(crate) fn timeline_order(events: &[Event]) -> Vec<&Event> {
    let mut ordered: Vec<&Event> = events.iter().collect();
    ordered.sort_by_key(|event| match &event.date {
        Some(date) => (0, Some(date.start), Some(date.end)),
        None => (1, None, None),
    });
    ordered
}

/// For each event or claim id, the ids of the conflicts it takes part in.
pub(crate) fn conflicts_by_item(conflicts: &[Conflict]) -> HashMap<&str, Vec<&str>> {
    let mut by_item: HashMap<&str, Vec<&str>> = HashMap::new();
    for conflict in conflicts {
        for item in &conflict.items {
            by_item
                .entry(item.as_str())
                .or_default()
                .push(conflict.id.as_str());
        }
    }
    by_item
}

/// Claims measuring the same thing, as one block of the ledger.
pub(crate) struct ClaimGroup<'a> {
    pub(crate) key: &'a str,
    pub(crate) claims: Vec<&'a Claim>,
}

impl ClaimGroup<'_> {
    /// "killed — security officers", from the group's first claim.
    pub(crate) fn title(&self) -> String {
        match self.claims.first() {
            Some(claim) if claim.subject.is_empty() => claim.measure.clone(),
            Some(claim) => format!("{} — {}", claim.measure, claim.subject),
            None => self.key.to_string(),
        }
    }

    pub(crate) fn has_status(&self, status: ClaimStatus) -> bool {
        self.claims.iter().any(|claim| claim.status == status)
    }
}

/// Claims grouped by `group`, groups in order of first appearance. Within a
/// group that is a series, claims are sorted by their `as_of` date (undated
/// last) so the series reads in time order.
pub(crate) fn claim_groups(claims: &[Claim]) -> Vec<ClaimGroup<'_>> {
    let mut groups: Vec<ClaimGroup> = Vec::new();
    let mut index_of: HashMap<&str, usize> = HashMap::new();
    for claim in claims {
        let next_index = groups.len();
        let index = *index_of.entry(claim.group.as_str()).or_insert(next_index);
        match groups.get_mut(index) {
            Some(group) => group.claims.push(claim),
            None => groups.push(ClaimGroup {
                key: claim.group.as_str(),
                claims: vec![claim],
            }),
        }
    }
    for group in &mut groups {
        if group.has_status(ClaimStatus::Series) {
            group
                .claims
                .sort_by_key(|claim| (claim.as_of.is_none(), claim.as_of));
        }
    }
    groups
}

/// The interval one source states.
pub(crate) fn source_interval(source: &ClaimSource) -> Interval {
    Interval {
        low: source.low,
        high: source.high,
        low_inclusive: source.low_inclusive,
        high_inclusive: source.high_inclusive,
    }
}

/// The interval a claim's sources agree on.
pub(crate) fn claim_interval(claim: &Claim) -> Interval {
    claim.interval()
}

/// Runs of white space (line breaks included) collapsed to one space.
pub(crate) fn squash_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `text` cut to at most `max_chars` characters, at a word boundary when one
/// lies in the second half of the kept text, with `…` appended when anything was cut.
pub(crate) fn shorten(text: &str, max_chars: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return text.to_string();
    };
    let head = text.get(..cut).unwrap_or(text);
    let at_word = match head.rfind(' ') {
        Some(space) if space * 2 >= cut => head.get(..space).unwrap_or(head),
        _ => head,
    };
    format!("{}…", at_word.trim_end())
}

/// "single", "2 independent sources": the plural people expect.
pub(crate) fn source_count(count: usize) -> String {
    match count {
        1 => "1 independent source".to_string(),
        n => format!("{n} independent sources"),
    }
}

/// Where a source's own date came from, for the reader: the expression
/// that dated it, or the publication day for a lead told in the present
/// perfect. `None` when there is nothing to say.
pub(crate) fn date_origin(source: &EventSource) -> Option<String> {
    let quoted = source.date_text.as_deref();
    match (source.date_basis, quoted) {
        (DateBasis::Publication, _) => {
            Some("the report's publication day: its lead tells it in the present perfect".into())
        }
        (DateBasis::Clause, Some(text)) => Some(format!("from “{text}”")),
        (_, Some(text)) => Some(format!("from the narrative after “{text}”")),
        (_, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::sample_analysis;

    #[test]
    fn shorten_cuts_at_word_boundaries_and_respects_multibyte_text() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(
            shorten("the governor resigned on Friday", 20),
            "the governor…"
        );
        assert_eq!(shorten("ëëëëëëëëëë", 4), "ëëëë…");
    }

    #[test]
    fn agreed_interval_keeps_the_claims_inclusiveness() {
        let analysis = sample_analysis();
        let almost = &analysis.claims[0];
        assert_eq!(claim_interval(almost).notation(), "[3,600, 4,000)");
        let mut closed = almost.clone();
        closed.high_inclusive = true;
        assert_eq!(claim_interval(&closed).notation(), "[3,600, 4,000]");
    }

    #[test]
    fn squash_joins_lines() {
        assert_eq!(squash_whitespace(" a\n\n b\tc "), "a b c");
    }

    #[test]
    fn undated_events_come_last_and_dated_ones_in_order() {
        let analysis = sample_analysis();
        let order: Vec<&str> = timeline_order(&analysis.events)
            .iter()
            .map(|event| event.id.as_str())
            .collect();
        assert_eq!(order, ["E1", "E2", "E3"]);
    }

    #[test]
    fn series_groups_are_sorted_by_date() {
        let analysis = sample_analysis();
        let groups = claim_groups(&analysis.claims);
        let fuel = groups
            .iter()
            .find(|group| group.has_status(ClaimStatus::Series))
            .expect("the sample has a series");
        let dates: Vec<_> = fuel.claims.iter().map(|claim| claim.as_of).collect();
        assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]));
        assert_eq!(groups.len(), 2);
    }

    #[test]
    fn date_origins_name_the_expression_or_the_publication_day() {
        let mut source = sample_analysis().events[0].sources[0].clone();
        source.date_text = Some("on Wednesday".into());
        source.date_basis = DateBasis::Clause;
        assert_eq!(date_origin(&source).as_deref(), Some("from “on Wednesday”"));
        source.date_basis = DateBasis::ContextAfter;
        assert_eq!(
            date_origin(&source).as_deref(),
            Some("from the narrative after “on Wednesday”")
        );
        source.date_text = None;
        assert_eq!(date_origin(&source), None);
        source.date_basis = DateBasis::Publication;
        assert!(date_origin(&source).is_some_and(|o| o.contains("publication day")));
    }
}
