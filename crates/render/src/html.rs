//! The self-contained HTML report.
//!
//! One file, no external resources: CSS and a small script are inlined
//! (the script only adds filtering and expands collapsed blocks for
//! printing; everything is readable without it), and a Content Security
//! Policy forbids loading anything else. The page is written with `maud`
//! templates, which escape every value spliced into text or an attribute,
//! so report text can never become markup. Quotes link to `<mark>` anchors
//! in the "Quotes in context" section (see [`crate::marks`]); a quote whose
//! offsets do not fit its report's text is shown without a link, so every
//! link has a target.
//!
//! Element ids: `ev-`, `cl-`, `cf-`, `en-`, `rep-`, `r-` (report text) and
//! `q-` (quote) followed by the item id made anchor-safe.

use std::collections::{HashMap, HashSet};

use corroborate_model::{
    Analysis, Claim, ClaimSource, ClaimStatus, Conflict, Entity, EntityKind, Event, EventSource,
    Report, ReportEntry,
};
use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::anchors::anchor_token;
use crate::common::{
    claim_groups, claim_interval, conflicts_by_item, date_origin, shorten, source_count,
    source_interval, timeline_order, ClaimGroup,
};
use crate::map::places_svg;
use crate::marks::{is_markable, marked_text, quote_anchor};

/// Trusted assets, inlined as they are.
const STYLE: PreEscaped<&str> = PreEscaped(include_str!("assets/report.css"));
const SCRIPT: PreEscaped<&str> = PreEscaped(include_str!("assets/report.js"));
const STATUSES: [ClaimStatus; 4] = [
    ClaimStatus::Conflicting,
    ClaimStatus::Corroborated,
    ClaimStatus::Series,
    ClaimStatus::Single,
];
const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/// One self-contained HTML page showing the analysis, with every quote
/// linked to its place in the full text of `reports`.
pub fn render_html(analysis: &Analysis, reports: &[Report]) -> String {
    let page = Page::new(analysis, reports);
    let markup = html! {
        (DOCTYPE) "\n"
        html lang="en" {
            "\n" (page.head()) "\n"
            body {
                "\n"
                header class="top" { h1 { "Corroborate analysis" } p { (page.subtitle()) } } "\n"
                (page.navigation()) "\n"
                main {
                    "\n"
                    (page.overview()) "\n"
                    (page.timeline()) "\n"
                    (page.claims()) "\n"
                    (page.conflicts()) "\n"
                    (page.entities()) "\n"
                    (page.reports()) "\n"
                    (page.context()) "\n"
                }
                "\n"
                script { (SCRIPT) } "\n"
            }
            "\n"
        }
        "\n"
    };
    markup.into_string()
}

/// `items` with `separator` between each two.
fn joined(items: impl IntoIterator<Item = Markup>, separator: &Markup) -> Markup {
    html! {
        @for (at, item) in items.into_iter().enumerate() {
            @if at > 0 { (separator) }
            (item)
        }
    }
}

fn comma() -> Markup {
    html! { ", " }
}

/// The analysis with the lookups rendering needs.
struct Page<'a> {
    analysis: &'a Analysis,
    reports: &'a [Report],
    texts: HashMap<&'a str, &'a Report>,
    /// Quote spans that fit their report's text, per report id.
    quoted: HashMap<&'a str, Vec<(usize, usize)>>,
    entities: HashMap<&'a str, &'a Entity>,
    conflicts_of: HashMap<&'a str, Vec<&'a str>>,
    event_ids: HashSet<&'a str>,
    claim_ids: HashSet<&'a str>,
}

impl<'a> Page<'a> {
    fn new(analysis: &'a Analysis, reports: &'a [Report]) -> Page<'a> {
        let mut page = Page {
            analysis,
            reports,
            texts: reports.iter().map(|r| (r.meta.id.as_str(), r)).collect(),
            quoted: HashMap::new(),
            entities: analysis
                .entities
                .iter()
                .map(|e| (e.id.as_str(), e))
                .collect(),
            conflicts_of: conflicts_by_item(&analysis.conflicts),
            event_ids: analysis.events.iter().map(|e| e.id.as_str()).collect(),
            claim_ids: analysis.claims.iter().map(|c| c.id.as_str()).collect(),
        };
        for (report, start, end) in all_quotes(analysis) {
            if page.is_linkable(report, start, end) {
                page.quoted.entry(report).or_default().push((start, end));
            }
        }
        page
    }

    fn is_linkable(&self, report: &str, start: usize, end: usize) -> bool {
        self.texts
            .get(report)
            .is_some_and(|r| is_markable(&r.text, start, end))
    }

    /// A quote, linked to its place in the report text when it can be.
    fn quote(&self, report: &str, quote: &str, start: usize, end: usize) -> Markup {
        html! {
            @if self.is_linkable(report, start, end) {
                a class="quote" href={ "#" (quote_anchor(report, start, end)) } { "“" (quote) "”" }
            } @else {
                span class="quote missing" title="These offsets do not fit the report text" {
                    "“" (quote) "”"
                }
            }
            " "
            span class="muted" { (self.report_link(report)) " @" (start) "–" (end) }
        }
    }

    fn report_link(&self, report: &str) -> Markup {
        html! {
            @if self.texts.contains_key(report) {
                a href={ "#r-" (anchor_token(report)) } { (report) }
            } @else {
                (report)
            }
        }
    }

    /// A link to an event or claim by id, or the bare id when unknown.
    fn item_link(&self, id: &str) -> Markup {
        let prefix = if self.claim_ids.contains(id) {
            "cl"
        } else if self.event_ids.contains(id) {
            "ev"
        } else {
            return html! { (id) };
        };
        html! { a href={ "#" (prefix) "-" (anchor_token(id)) } { (id) } }
    }

    fn entity_link(&self, id: &str) -> Markup {
        html! {
            @match self.entities.get(id) {
                Some(entity) => a href={ "#en-" (anchor_token(id)) } { (entity.name) },
                None => (id),
            }
        }
    }

    fn conflict_badges(&self, item_id: &str) -> Markup {
        let ids = self.conflicts_of.get(item_id).map(Vec::as_slice);
        let badges = ids.unwrap_or_default().iter().map(|id| {
            html! { a class="badge conflict" href={ "#cf-" (anchor_token(id)) } { "conflict " (id) } }
        });
        joined(badges, &html! { " " })
    }

    fn head(&self) -> Markup {
        let analysis = self.analysis;
        html! {
            head {
                "\n" meta charset="utf-8";
                "\n" meta name="viewport" content="width=device-width, initial-scale=1";
                "\n" meta http-equiv="Content-Security-Policy" content=(CSP);
                "\n" meta name="generator" content={ "corroborate (schema " (analysis.schema_version) ")" };
                "\n" title { "Corroborate analysis: " (analysis.reports.len()) " reports" }
                "\n" style { "\n" (STYLE) }
                "\n"
            }
        }
    }

    fn navigation(&self) -> Markup {
        let sections = [
            ("overview", "Overview"),
            ("timeline", "Timeline"),
            ("claims", "Claims"),
            ("conflicts", "Conflicts"),
            ("entities", "Entities"),
            ("reports", "Reports"),
            ("context", "Quotes in context"),
        ];
        html! {
            nav class="sections" {
                @for (id, name) in sections { a href={ "#" (id) } { (name) } }
                div class="controls" id="controls" hidden {
                    input type="search" id="filter" placeholder="Filter by any word…" aria-label="Filter";
                    @for status in STATUSES {
                        label { input type="checkbox" data-status=(status.as_str()) checked; " " (status.as_str()) }
                    }
                }
            }
        }
    }

    fn subtitle(&self) -> String {
        let analysis = self.analysis;
        let starts = analysis.events.iter().filter_map(|e| e.date.as_ref());
        let first = starts.clone().map(|d| d.start).min();
        let last = starts.map(|d| d.end).max();
        let span = match (first, last) {
            (Some(first), Some(last)) => format!(" · events from {first} to {last}"),
            _ => String::new(),
        };
        format!(
            "{} reports · {} events · {} claims · {} conflicts{span}",
            analysis.reports.len(),
            analysis.events.len(),
            analysis.claims.len(),
            analysis.conflicts.len()
        )
    }

    fn overview(&self) -> Markup {
        let analysis = self.analysis;
        let dated = analysis.events.iter().filter(|e| e.date.is_some()).count();
        let stats = [
            (analysis.reports.len(), "reports analysed".to_string()),
            (analysis.skipped.len(), "inputs skipped".to_string()),
            (analysis.events.len(), format!("events ({dated} dated)")),
            (analysis.claims.len(), "claims".to_string()),
            (analysis.conflicts.len(), "conflicts".to_string()),
            (analysis.entities.len(), "entities".to_string()),
        ];
        let with_status = |status: ClaimStatus| {
            analysis
                .claims
                .iter()
                .filter(|c| c.status == status)
                .count()
        };
        html! {
            section id="overview" {
                h2 { "Overview" }
                div class="stats" {
                    @for (count, label) in stats { div class="stat" { b { (count) } (label) } }
                }
                p {
                    "Claims by status: "
                    @for status in STATUSES {
                        span class={ "badge " (status.as_str()) } { (status.as_str()) ": " (with_status(status)) } " "
                    }
                }
                p class="muted" {
                    "Figures are intervals: " code { "[a, b)" } " includes a and excludes b, "
                    code { "(a, ∞)" } " means more than a. Every quote links to its place in the report text "
                    "(section “Quotes in context”); byte offsets are given as " code { "@start–end" } "."
                }
                @if !analysis.skipped.is_empty() {
                    h3 { "Skipped inputs" }
                    table {
                        thead { tr { th { "Input" } th { "Reason" } } }
                        tbody {
                            @for skipped in &analysis.skipped {
                                tr { td { code { (skipped.source) } } td { (skipped.reason) } }
                            }
                        }
                    }
                }
            }
        }
    }

    fn timeline(&self) -> Markup {
        let ordered = timeline_order(&self.analysis.events);
        let (dated, undated): (Vec<&Event>, Vec<&Event>) =
            ordered.into_iter().partition(|e| e.date.is_some());
        html! {
            section id="timeline" {
                h2 { "Timeline" }
                @if dated.is_empty() {
                    p class="muted" { "No dated events." }
                } @else {
                    (self.event_table(&dated))
                }
                @if !undated.is_empty() {
                    details {
                        summary { "Undated events (" (undated.len()) ")" }
                        (self.event_table(&undated))
                    }
                }
            }
        }
    }

    fn event_table(&self, events: &[&Event]) -> Markup {
        html! {
            table class="timeline" {
                thead { tr { th { "Date" } th { "Event" } th { "Sources" } } }
                tbody { @for event in events { (self.event_row(event)) } }
            }
        }
    }

    fn event_row(&self, event: &Event) -> Markup {
        let in_conflict = self.conflicts_of.contains_key(event.id.as_str());
        let entities = event.entities.iter().map(|id| self.entity_link(id));
        html! {
            tr id={ "ev-" (anchor_token(&event.id)) } class=[in_conflict.then_some("conflict")] data-filter {
                td class="date" {
                    @match &event.date {
                        Some(date) => {
                            (date.value)
                            @if date.start != date.end {
                                br; span class="muted" { (date.start) " – " (date.end) }
                            }
                            @if event.date_inferred { br; span class="muted" { "date inferred" } }
                            @if event.dated_by_context_only() { br; span class="muted" { "from context" } }
                        }
                        None => span class="muted" { "undated" },
                    }
                }
                td {
                    span class="badge kind" { (event.kind_label()) } " " (event.summary)
                    @if !event.entities.is_empty() {
                        div class="muted" { "with " (joined(entities, &comma())) }
                    }
                    @if in_conflict { div { (self.conflict_badges(&event.id)) } }
                }
                td {
                    span class="badge" { (source_count(event.independent_sources)) }
                    ul class="sources" {
                        @for source in &event.sources { (self.event_source(event, source)) }
                    }
                }
            }
        }
    }

    fn event_source(&self, event: &Event, source: &EventSource) -> Markup {
        let own_date = source
            .date
            .as_ref()
            .filter(|own| Some(*own) != event.date.as_ref());
        let origin = date_origin(source);
        html! {
            li {
                @if let Some(own) = own_date {
                    span class="badge series" {
                        "dated " (own.value)
                        @if let Some(origin) = &origin { " " (origin) }
                    }
                    " "
                }
                (self.quote(&source.report, &source.quote, source.start, source.end))
            }
        }
    }

    fn claims(&self) -> Markup {
        html! {
            section id="claims" {
                h2 { "Claims ledger" }
                @if self.analysis.claims.is_empty() { p class="muted" { "No figures were found." } }
                @for group in claim_groups(&self.analysis.claims) { (self.claim_group(&group)) }
            }
        }
    }

    fn claim_group(&self, group: &ClaimGroup) -> Markup {
        let class = if group.has_status(ClaimStatus::Conflicting) {
            " conflicting"
        } else if group.has_status(ClaimStatus::Series) {
            " series"
        } else {
            ""
        };
        let mut statuses: Vec<ClaimStatus> = Vec::new();
        for claim in &group.claims {
            if !statuses.contains(&claim.status) {
                statuses.push(claim.status);
            }
        }
        html! {
            details class={ "group" (class) } open data-filter {
                summary {
                    (group.title()) " "
                    @for status in statuses {
                        span class={ "badge " (status.as_str()) } { (status.as_str()) } " "
                    }
                    span class="muted" { (group.claims.len()) " claims · group " code { (group.key) } }
                }
                @if group.has_status(ClaimStatus::Series) {
                    p class="muted" { "A series: values are listed in date order." }
                }
                table {
                    thead { tr { th { "Status" } th { "Agreed interval" } th { "As of" } th { "Sources" } } }
                    tbody { @for claim in &group.claims { (self.claim_row(claim)) } }
                }
            }
        }
    }

    fn claim_row(&self, claim: &Claim) -> Markup {
        let status = claim.status.as_str();
        let conflicting = claim.status == ClaimStatus::Conflicting;
        let explanation = claim.explanation.trim();
        let full_stop = if explanation.is_empty() || explanation.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        let conflicts_with = claim.conflicts_with.iter().map(|id| self.item_link(id));
        html! {
            tr id={ "cl-" (anchor_token(&claim.id)) } class=[conflicting.then_some("conflict")] data-filter data-status=(status) {
                td {
                    span class={ "badge " (status) } { (status) } br;
                    span class="muted" { (claim.id) " · " (source_count(claim.independent_sources)) }
                }
                td class="num" { span class="interval" { (claim_interval(claim).notation()) } }
                td class="date" {
                    @match claim.as_of { Some(day) => (day), None => "—" }
                }
                td {
                    ul class="sources" { @for source in &claim.sources { (self.claim_source(source)) } }
                    p class="why" {
                        (explanation) (full_stop)
                        @if !claim.conflicts_with.is_empty() {
                            " Conflicts with " (joined(conflicts_with, &comma())) "."
                        }
                        @if let Some(total) = &claim.part_of { " Part of " (self.item_link(total)) "." }
                        " " (self.conflict_badges(&claim.id))
                    }
                }
            }
        }
    }

    fn claim_source(&self, source: &ClaimSource) -> Markup {
        html! {
            li {
                span class="figure" { "“" (source.text) "”" } " "
                span class="interval" { (source_interval(source).notation()) }
                @if let Some(speaker) = &source.speaker { " · said by " b { (speaker) } }
                @if let Some(hedge) = &source.hedge {
                    " " span class="badge" { (hedge.replace('_', " ")) }
                }
                @if let Some(as_of) = source.as_of { " " span class="muted" { "as of " (as_of) } }
                br;
                (self.quote(&source.report, &source.quote, source.start, source.end))
            }
        }
    }

    fn conflicts(&self) -> Markup {
        html! {
            section id="conflicts" {
                h2 { "Conflicts" }
                @if self.analysis.conflicts.is_empty() {
                    p class="muted" { "The reports do not contradict each other on any item found." }
                }
                @for conflict in &self.analysis.conflicts { (self.conflict_card(conflict)) }
            }
        }
    }

    fn conflict_card(&self, conflict: &Conflict) -> Markup {
        let items = conflict.items.iter().map(|id| self.item_link(id));
        let kind = format!("{:?}", conflict.kind).to_lowercase();
        html! {
            div class="conflict-card" id={ "cf-" (anchor_token(&conflict.id)) } data-filter {
                h3 {
                    span class="badge conflict" { (kind) " conflict" } " " (conflict.id) " "
                    span class="muted" { "on " (joined(items, &comma())) }
                }
                p { (conflict.explanation) }
                div class="sides" {
                    @for side in &conflict.sides {
                        div class="side" {
                            div class="muted" {
                                (self.report_link(&side.report))
                                @if let Some(speaker) = &side.speaker { " · " (speaker) }
                            }
                            div class="says" { (side.says) }
                            div { (self.quote(&side.report, &side.quote, side.start, side.end)) }
                        }
                    }
                }
            }
        }
    }

    fn entities(&self) -> Markup {
        let entities = &self.analysis.entities;
        let kinds = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Other,
        ];
        let in_kind_order = kinds
            .into_iter()
            .flat_map(|kind| entities.iter().filter(move |e| e.kind == kind));
        html! {
            section id="entities" {
                h2 { "Entities" }
                @if let Some(map) = places_svg(entities) { (map) }
                table {
                    thead {
                        tr {
                            th { "Kind" } th { "Name" } th { "Also written" } th { "Reports" }
                            th { "Mentions" } th { "Coordinates" } th { "Why merged" }
                        }
                    }
                    tbody { @for entity in in_kind_order { (entity_row(entity)) } }
                }
            }
        }
    }

    fn reports(&self) -> Markup {
        html! {
            section id="reports" {
                h2 { "Reports" }
                table {
                    thead {
                        tr {
                            th { "Report" } th { "Title" } th { "Outlet / author" } th { "Published" }
                            th { "Characters" } th { "Link" }
                        }
                    }
                    tbody { @for report in &self.analysis.reports { (self.report_row(report)) } }
                }
            }
        }
    }

    fn report_row(&self, report: &ReportEntry) -> Markup {
        let byline = [&report.outlet, &report.author]
            .into_iter()
            .flatten()
            .map(|part| html! { (part) });
        html! {
            tr id={ "rep-" (anchor_token(&report.id)) } data-filter {
                td {
                    (self.report_link(&report.id))
                    @if let Some(original) = &report.duplicate_of {
                        br; span class="badge" { "copy of " (original) }
                    }
                    br; span class="muted" { (report.source) }
                }
                td { (report.title) }
                td { (joined(byline, &html! { br; })) }
                td class="date" {
                    @match report.published { Some(day) => (day), None => "unknown" }
                    br; span class="muted" {
                        (report.published_origin) @if report.published_inferred { ", inferred" }
                    }
                    @if let Some(range) = &report.published_range {
                        br; span class="muted" { "between " (range.start) " and " (range.end) }
                    }
                }
                td class="num" { (report.chars) }
                td { @if let Some(url) = &report.url { (external_link(url)) } }
            }
        }
    }

    fn context(&self) -> Markup {
        let mut shown: HashSet<&str> = HashSet::new();
        let mut texts: Vec<(&Report, &str, bool)> = Vec::new();
        for entry in &self.analysis.reports {
            if let Some(report) = self.texts.get(entry.id.as_str()) {
                shown.insert(entry.id.as_str());
                texts.push((report, &entry.title, true));
            }
        }
        // Texts of reports the analysis does not list are still quote targets.
        for report in self.reports {
            let id = report.meta.id.as_str();
            if shown.insert(id) && self.quoted.contains_key(id) {
                texts.push((report, &report.meta.title, false));
            }
        }
        html! {
            section id="context" {
                h2 { "Quotes in context" }
                p class="muted" {
                    "The cleaned text of each report, with every quoted passage highlighted "
                    "(darker where quotes overlap)."
                }
                @for (report, title, listed) in texts { (self.report_text(report, title, listed)) }
            }
        }
    }

    fn report_text(&self, report: &Report, title: &str, listed: bool) -> Markup {
        let id = report.meta.id.as_str();
        let spans = self.quoted.get(id).map(Vec::as_slice).unwrap_or_default();
        html! {
            article class="report-text" id={ "r-" (anchor_token(id)) } {
                h3 { (id) " — " (title) }
                p class="muted" {
                    (spans.len()) " quoted passages"
                    @if listed {
                        " · " a class="backlink" href={ "#rep-" (anchor_token(id)) } { "report details" }
                    }
                }
                div class="fulltext" { (marked_text(id, &report.text, spans)) }
            }
        }
    }
}

fn entity_row(entity: &Entity) -> Markup {
    let others: Vec<&str> = entity
        .aliases
        .iter()
        .filter(|alias| **alias != entity.name)
        .map(String::as_str)
        .collect();
    html! {
        tr id={ "en-" (anchor_token(&entity.id)) } data-filter {
            td { span class="badge kind" { (entity.kind.as_str()) } }
            td {
                b { (entity.name) }
                @if !entity.titles.is_empty() { br; span class="muted" { (entity.titles.join(", ")) } }
            }
            td { (others.join(", ")) }
            td class="num" title=(entity.reports.join(", ")) { (entity.reports.len()) }
            td class="num" { (entity.mentions) }
            td class="num" {
                @if let (Some(lat), Some(lon)) = (entity.lat, entity.lon) { (format!("{lat:.4}, {lon:.4}")) }
            }
            td {
                @if !entity.merges.is_empty() {
                    ul class="sources" {
                        @for merge in &entity.merges {
                            li {
                                "“" (merge.alias) "” → “" (merge.with) "”: " code { (merge.rule) } " "
                                span class="muted" { (merge.detail) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A link to the article's web page; other schemes (`javascript:` …) are
/// shown as text only.
fn external_link(url: &str) -> Markup {
    let lower = url.trim_start().to_ascii_lowercase();
    html! {
        @if lower.starts_with("https://") || lower.starts_with("http://") {
            a href=(url.trim()) rel="noopener noreferrer nofollow" { (shorten(url.trim(), 48)) }
        } @else {
            code { (url) }
        }
    }
}

/// Every (report, start, end) quoted by an event, claim or conflict.
fn all_quotes(analysis: &Analysis) -> impl Iterator<Item = (&str, usize, usize)> {
    let events = analysis
        .events
        .iter()
        .flat_map(|e| &e.sources)
        .map(|s| (s.report.as_str(), s.start, s.end));
    let claims = analysis
        .claims
        .iter()
        .flat_map(|c| &c.sources)
        .map(|s| (s.report.as_str(), s.start, s.end));
    let sides = analysis
        .conflicts
        .iter()
        .flat_map(|c| &c.sides)
        .map(|s| (s.report.as_str(), s.start, s.end));
    events.chain(claims).chain(sides)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{sample_analysis, sample_reports};

    fn sample_page() -> String {
        render_html(&sample_analysis(), &sample_reports())
    }

    /// Values of `attribute="…"` throughout `html`.
    fn attribute_values<'h>(html: &'h str, attribute: &str) -> Vec<&'h str> {
        let needle = format!(" {attribute}=\"");
        html.split(needle.as_str())
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect()
    }

    /// Fails unless non-void elements open and close in nested order.
    fn assert_well_formed(html: &str) {
        const VOID: [&str; 5] = ["meta", "br", "input", "link", "img"];
        let body = html.split("<script>").next().unwrap();
        let mut stack: Vec<String> = Vec::new();
        for piece in body.split('<').skip(1) {
            let tag = piece.split('>').next().unwrap();
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if name.is_empty() || VOID.contains(&name.as_str()) || tag.ends_with('/') {
                continue;
            }
            if closing {
                assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "at <{tag}>");
            } else {
                stack.push(name);
            }
        }
        assert_eq!(
            stack,
            ["html", "body"],
            "unclosed elements before the script"
        );
    }

    #[test]
    fn report_text_and_metadata_are_escaped() {
        let html = sample_page();
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
        assert!(html.contains("&lt;b&gt;&quot;Velmora&quot; &amp; the night&lt;/b&gt;"));
        assert!(html.contains("detained &amp; held"));
        // maud leaves `'` as it is: it is only special inside single-quoted
        // attribute values, which maud never writes.
        assert!(html.contains("city's site"));
        assert_eq!(html.matches("<script").count(), 1, "only the inline script");
    }

    #[test]
    fn hostile_text_stays_text() {
        const HOSTILE: [&str; 3] = [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "</script>",
        ];
        let mut analysis = sample_analysis();
        let mut reports = sample_reports();
        let hostile = HOSTILE.concat();
        analysis.reports[0].title = hostile.clone();
        analysis.reports[0].outlet = Some(hostile.clone());
        analysis.reports[0].url = Some(format!("https://x.example/{hostile}"));
        analysis.entities[0].name = hostile.clone();
        analysis.entities[0].aliases.push(hostile.clone());
        analysis.entities[0].reports.push(hostile.clone());
        analysis.events[0].summary = hostile.clone();
        analysis.conflicts[0].explanation = hostile.clone();
        analysis.skipped[0].reason = hostile.clone();
        analysis.schema_version = hostile.clone();
        reports[0].text = format!("{}{hostile}", reports[0].text);
        let html = render_html(&analysis, &reports);

        let doc = dom_query::Document::from(html.as_str());
        assert_eq!(doc.select("script").length(), 1, "only the inline script");
        assert_eq!(doc.select("img").length(), 0);
        assert_eq!(doc.select("[onerror]").length(), 0);
        let entity = doc.select("#en-N1 b");
        assert_eq!(entity.text().to_string(), hostile, "entity name as text");
        assert!(doc.select("#r-alpha h3").text().ends_with(hostile.as_str()));
        assert!(doc
            .select("#r-alpha .fulltext")
            .text()
            .ends_with(hostile.as_str()));
        let generator = doc.select(r#"meta[name="generator"]"#).attr("content");
        assert_eq!(
            generator.as_deref(),
            Some(format!("corroborate (schema {hostile})").as_str())
        );
        let link = doc.select("#rep-alpha a[rel]").attr("href");
        assert_eq!(
            link.as_deref(),
            Some(format!("https://x.example/{hostile}").as_str())
        );
        for raw in HOSTILE {
            let in_text = html.matches(raw).count();
            let expected = usize::from(raw == "</script>");
            assert_eq!(in_text, expected, "{raw} appears unescaped");
        }
    }

    #[test]
    fn every_internal_link_has_a_target() {
        let html = sample_page();
        let ids: HashSet<&str> = attribute_values(&html, "id").into_iter().collect();
        let links: Vec<&str> = attribute_values(&html, "href")
            .into_iter()
            .filter_map(|href| href.strip_prefix('#'))
            .collect();
        assert!(links.iter().any(|link| link.starts_with("q-")));
        for link in links {
            assert!(ids.contains(link), "no target for #{link}");
        }
    }

    #[test]
    fn every_linkable_quote_is_marked_and_bad_offsets_are_not_linked() {
        let analysis = sample_analysis();
        let html = render_html(&analysis, &sample_reports());
        for claim in &analysis.claims {
            for source in &claim.sources {
                let anchor = quote_anchor(&source.report, source.start, source.end);
                assert!(html.contains(&format!(r#"<mark class="q" id="{anchor}">"#)));
                assert!(html.contains(&format!(r##"href="#{anchor}""##)));
            }
        }
        assert!(html.contains(r#"<span class="quote missing""#));
        assert!(html.contains("“broken offsets”"));
        // The claim quote sits inside the event's sentence quote.
        let sentence = analysis.events[1].sources[0].start;
        let outer = format!(r#"<mark class="q" id="q-alpha-{sentence}-"#);
        let inner_at = html.find(r#"<mark class="q" id="q-alpha-"#).unwrap();
        assert!(html.contains(&outer) && inner_at > 0);
    }

    #[test]
    fn page_is_well_formed_and_self_contained() {
        let html = sample_page();
        assert_well_formed(&html);
        let lower = html.to_ascii_lowercase();
        for forbidden in [
            "<link", " src=", "@import", "url(", "<iframe", "<img", "<object",
        ] {
            assert!(!lower.contains(forbidden), "found {forbidden}");
        }
        // The only external link is the report's own http(s) address.
        let external: Vec<&str> = attribute_values(&html, "href")
            .into_iter()
            .filter(|href| !href.starts_with('#'))
            .collect();
        assert_eq!(external, ["https://news.example/alpha?a=1&amp;b=2"]);
        assert!(html.contains("<code>javascript:alert(1)</code>"));
    }

    #[test]
    fn sections_statuses_and_map_are_present() {
        let html = sample_page();
        for id in [
            "overview",
            "timeline",
            "claims",
            "conflicts",
            "entities",
            "reports",
            "context",
        ] {
            assert!(
                html.contains(&format!(r#"<section id="{id}">"#)),
                "missing {id}"
            );
        }
        assert!(html.contains(r#"<tr id="ev-E2" class="conflict" data-filter>"#));
        assert!(html.contains(r#"<details class="group conflicting" open data-filter>"#));
        assert!(html.contains(r#"<span class="badge series">series</span>"#));
        assert!(html.contains("<svg class=\"map\""));
        assert!(html.contains("unsupported file type"));
        assert!(html.contains("case_or_accent"));
        let earlier = html.find("as of 2022-03-01").unwrap();
        let later = html.find("as of 2022-03-06").unwrap();
        assert!(earlier < later, "series in date order");
    }

    #[test]
    fn empty_analysis_renders() {
        let html = render_html(&Analysis::default(), &[]);
        assert_well_formed(&html);
        assert!(html.contains("No dated events."));
    }
}
