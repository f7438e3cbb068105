//! The self-contained HTML report.
//!
//! One file, no external resources: CSS and a small script are inlined
//! (the script only adds filtering and expands collapsed blocks for
//! printing; everything is readable without it), and a Content Security
//! Policy forbids loading anything else. All text from reports and the
//! analysis is escaped. Quotes link to `<mark>` anchors in the "Quotes in
//! context" section (see [`crate::marks`]); a quote whose offsets do not fit
//! its report's text is shown without a link, so every link has a target.
//!
//! Element ids: `ev-`, `cl-`, `cf-`, `en-`, `rep-`, `r-` (report text) and
//! `q-` (quote) followed by the item id made anchor-safe.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use corroborate_model::{
    Analysis, Claim, ClaimSource, ClaimStatus, Conflict, Entity, EntityKind, Event, EventSource,
    Report, ReportEntry,
};

use crate::common::{
    claim_groups, claim_interval, conflicts_by_item, source_count, source_interval, timeline_order,
    ClaimGroup,
};
use crate::escape::{anchor_token, Esc};
use crate::map::places_svg;
use crate::marks::{is_markable, marked_text, quote_anchor};

const STYLE: &str = include_str!("assets/report.css");
const SCRIPT: &str = include_str!("assets/report.js");
const STATUSES: [ClaimStatus; 4] = [
    ClaimStatus::Conflicting,
    ClaimStatus::Corroborated,
    ClaimStatus::Series,
    ClaimStatus::Single,
];

/// Appends formatted text to a `String`; writing to a `String` cannot fail.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {{
        let _ = write!($out, $($arg)*);
    }};
}

/// One self-contained HTML page showing the analysis, with every quote
/// linked to its place in the full text of `reports`.
pub fn render_html(analysis: &Analysis, reports: &[Report]) -> String {
    let page = Page::new(analysis, reports);
    let mut out =
        String::with_capacity(64 * 1024 + reports.iter().map(|r| r.text.len() * 2).sum::<usize>());
    page.head(&mut out);
    page.overview(&mut out);
    page.timeline(&mut out);
    page.claims(&mut out);
    page.conflicts(&mut out);
    page.entities(&mut out);
    page.reports(&mut out);
    page.context(&mut out);
    put!(
        out,
        "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
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
    fn quote(&self, report: &str, quote: &str, start: usize, end: usize) -> String {
        let from = format!(
            r#"<span class="muted">{} @{start}–{end}</span>"#,
            self.report_link(report)
        );
        if self.is_linkable(report, start, end) {
            format!(
                r##"<a class="quote" href="#{}">“{}”</a> {from}"##,
                quote_anchor(report, start, end),
                Esc(quote)
            )
        } else {
            format!(
                r#"<span class="quote missing" title="These offsets do not fit the report text">“{}”</span> {from}"#,
                Esc(quote)
            )
        }
    }

    fn report_link(&self, report: &str) -> String {
        if self.texts.contains_key(report) {
            format!(
                r##"<a href="#r-{}">{}</a>"##,
                anchor_token(report),
                Esc(report)
            )
        } else {
            Esc(report).to_string()
        }
    }

    /// A link to an event or claim by id, or the bare id when unknown.
    fn item_link(&self, id: &str) -> String {
        let prefix = if self.claim_ids.contains(id) {
            "cl"
        } else if self.event_ids.contains(id) {
            "ev"
        } else {
            return Esc(id).to_string();
        };
        format!(
            r##"<a href="#{prefix}-{}">{}</a>"##,
            anchor_token(id),
            Esc(id)
        )
    }

    fn entity_link(&self, id: &str) -> String {
        match self.entities.get(id) {
            Some(entity) => format!(
                r##"<a href="#en-{}">{}</a>"##,
                anchor_token(id),
                Esc(&entity.name)
            ),
            None => Esc(id).to_string(),
        }
    }

    fn conflict_badges(&self, item_id: &str) -> String {
        self.conflicts_of
            .get(item_id)
            .map(|ids| {
                ids.iter()
                    .map(|id| {
                        format!(
                            r##"<a class="badge conflict" href="#cf-{}">conflict {}</a>"##,
                            anchor_token(id),
                            Esc(id)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    }

    fn head(&self, out: &mut String) {
        let analysis = self.analysis;
        put!(
            out,
            concat!(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ",
                "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n",
                "<meta name=\"generator\" content=\"corroborate (schema {})\">\n",
                "<title>Corroborate analysis: {} reports</title>\n<style>\n{}</style>\n</head>\n<body>\n",
                "<header class=\"top\"><h1>Corroborate analysis</h1><p>{}</p></header>\n",
            ),
            Esc(&analysis.schema_version),
            analysis.reports.len(),
            STYLE,
            Esc(&self.subtitle()),
        );
        out.push_str(concat!(
            "<nav class=\"sections\"><a href=\"#overview\">Overview</a><a href=\"#timeline\">Timeline</a>",
            "<a href=\"#claims\">Claims</a><a href=\"#conflicts\">Conflicts</a><a href=\"#entities\">Entities</a>",
            "<a href=\"#reports\">Reports</a><a href=\"#context\">Quotes in context</a>",
            "<div class=\"controls\" id=\"controls\" hidden>",
            "<input type=\"search\" id=\"filter\" placeholder=\"Filter by any word…\" aria-label=\"Filter\">",
        ));
        for status in STATUSES {
            put!(
                out,
                r#"<label><input type="checkbox" data-status="{0}" checked> {0}</label>"#,
                status.as_str()
            );
        }
        out.push_str("</div></nav>\n<main>\n");
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

    fn overview(&self, out: &mut String) {
        let analysis = self.analysis;
        let dated = analysis.events.iter().filter(|e| e.date.is_some()).count();
        out.push_str("<section id=\"overview\"><h2>Overview</h2><div class=\"stats\">");
        let stats = [
            (analysis.reports.len(), "reports analysed".to_string()),
            (analysis.skipped.len(), "inputs skipped".to_string()),
            (analysis.events.len(), format!("events ({dated} dated)")),
            (analysis.claims.len(), "claims".to_string()),
            (analysis.conflicts.len(), "conflicts".to_string()),
            (analysis.entities.len(), "entities".to_string()),
        ];
        for (count, label) in stats {
            put!(out, r#"<div class="stat"><b>{count}</b>{label}</div>"#);
        }
        out.push_str("</div><p>Claims by status: ");
        for status in STATUSES {
            let count = analysis
                .claims
                .iter()
                .filter(|c| c.status == status)
                .count();
            put!(
                out,
                r#"<span class="badge {0}">{0}: {count}</span> "#,
                status.as_str()
            );
        }
        out.push_str(concat!(
            "</p><p class=\"muted\">Figures are intervals: <code>[a, b)</code> includes a and excludes b, ",
            "<code>(a, ∞)</code> means more than a. Every quote links to its place in the report text ",
            "(section “Quotes in context”); byte offsets are given as <code>@start–end</code>.</p>"
        ));
        if !analysis.skipped.is_empty() {
            out.push_str("<h3>Skipped inputs</h3><table><thead><tr><th>Input</th><th>Reason</th></tr></thead><tbody>");
            for skipped in &analysis.skipped {
                put!(
                    out,
                    "<tr><td><code>{}</code></td><td>{}</td></tr>",
                    Esc(&skipped.source),
                    Esc(&skipped.reason)
                );
            }
            out.push_str("</tbody></table>");
        }
        out.push_str("</section>\n");
    }

    fn timeline(&self, out: &mut String) {
        let ordered = timeline_order(&self.analysis.events);
        let (dated, undated): (Vec<&Event>, Vec<&Event>) =
            ordered.into_iter().partition(|e| e.date.is_some());
        out.push_str("<section id=\"timeline\"><h2>Timeline</h2>");
        if dated.is_empty() {
            out.push_str("<p class=\"muted\">No dated events.</p>");
        } else {
            self.event_table(out, &dated);
        }
        if !undated.is_empty() {
            put!(
                out,
                "<details><summary>Undated events ({})</summary>",
                undated.len()
            );
            self.event_table(out, &undated);
            out.push_str("</details>");
        }
        out.push_str("</section>\n");
    }

    fn event_table(&self, out: &mut String, events: &[&Event]) {
        out.push_str("<table class=\"timeline\"><thead><tr><th>Date</th><th>Event</th><th>Sources</th></tr></thead><tbody>");
        for event in events {
            self.event_row(out, event);
        }
        out.push_str("</tbody></table>");
    }

    fn event_row(&self, out: &mut String, event: &Event) {
        let in_conflict = self.conflicts_of.contains_key(event.id.as_str());
        put!(
            out,
            r#"<tr id="ev-{}"{} data-filter><td class="date">"#,
            anchor_token(&event.id),
            if in_conflict {
                r#" class="conflict""#
            } else {
                ""
            }
        );
        match &event.date {
            Some(date) => {
                put!(out, "{}", Esc(&date.value));
                if date.start != date.end {
                    put!(
                        out,
                        r#"<br><span class="muted">{} – {}</span>"#,
                        date.start,
                        date.end
                    );
                }
                if event.date_inferred {
                    out.push_str(r#"<br><span class="muted">date inferred</span>"#);
                }
                if event.dated_by_context_only() {
                    out.push_str(r#"<br><span class="muted">from context</span>"#);
                }
            }
            None => out.push_str(r#"<span class="muted">undated</span>"#),
        }
        put!(
            out,
            r#"</td><td><span class="badge kind">{}</span> {}"#,
            event.event_type.as_str().replace('_', " "),
            Esc(&event.summary)
        );
        if !event.entities.is_empty() {
            let names: Vec<String> = event
                .entities
                .iter()
                .map(|id| self.entity_link(id))
                .collect();
            put!(out, r#"<div class="muted">with {}</div>"#, names.join(", "));
        }
        if in_conflict {
            put!(out, "<div>{}</div>", self.conflict_badges(&event.id));
        }
        put!(
            out,
            r#"</td><td><span class="badge">{}</span><ul class="sources">"#,
            source_count(event.independent_sources)
        );
        for source in &event.sources {
            self.event_source(out, event, source);
        }
        out.push_str("</ul></td></tr>");
    }

    fn event_source(&self, out: &mut String, event: &Event, source: &EventSource) {
        out.push_str("<li>");
        if let Some(own) = source
            .date
            .as_ref()
            .filter(|own| Some(*own) != event.date.as_ref())
        {
            put!(
                out,
                r#"<span class="badge series">dated {}"#,
                Esc(&own.value)
            );
            if let Some(from) = &source.date_text {
                let origin = if source.date_basis.is_context() {
                    "from the narrative after"
                } else {
                    "from"
                };
                put!(out, " {origin} “{}”", Esc(from));
            }
            out.push_str("</span> ");
        }
        out.push_str(&self.quote(&source.report, &source.quote, source.start, source.end));
        out.push_str("</li>");
    }

    fn claims(&self, out: &mut String) {
        out.push_str("<section id=\"claims\"><h2>Claims ledger</h2>");
        if self.analysis.claims.is_empty() {
            out.push_str("<p class=\"muted\">No figures were found.</p>");
        }
        for group in claim_groups(&self.analysis.claims) {
            self.claim_group(out, &group);
        }
        out.push_str("</section>\n");
    }

    fn claim_group(&self, out: &mut String, group: &ClaimGroup) {
        let class = if group.has_status(ClaimStatus::Conflicting) {
            " conflicting"
        } else if group.has_status(ClaimStatus::Series) {
            " series"
        } else {
            ""
        };
        put!(
            out,
            r#"<details class="group{class}" open data-filter><summary>{} "#,
            Esc(&group.title())
        );
        let mut statuses: Vec<ClaimStatus> = Vec::new();
        for claim in &group.claims {
            if !statuses.contains(&claim.status) {
                statuses.push(claim.status);
            }
        }
        for status in statuses {
            put!(
                out,
                r#"<span class="badge {0}">{0}</span> "#,
                status.as_str()
            );
        }
        put!(
            out,
            r#"<span class="muted">{} claims · group <code>{}</code></span></summary>"#,
            group.claims.len(),
            Esc(group.key)
        );
        if group.has_status(ClaimStatus::Series) {
            out.push_str(r#"<p class="muted">A series: values are listed in date order.</p>"#);
        }
        out.push_str("<table><thead><tr><th>Status</th><th>Agreed interval</th><th>As of</th><th>Sources</th></tr></thead><tbody>");
        for claim in &group.claims {
            self.claim_row(out, claim);
        }
        out.push_str("</tbody></table></details>");
    }

    fn claim_row(&self, out: &mut String, claim: &Claim) {
        let status = claim.status.as_str();
        let conflict_class = if claim.status == ClaimStatus::Conflicting {
            r#" class="conflict""#
        } else {
            ""
        };
        put!(
            out,
            r#"<tr id="cl-{}"{conflict_class} data-filter data-status="{status}"><td><span class="badge {status}">{status}</span><br><span class="muted">{} · {}</span></td>"#,
            anchor_token(&claim.id),
            Esc(&claim.id),
            source_count(claim.independent_sources),
        );
        put!(
            out,
            r#"<td class="num"><span class="interval">{}</span></td><td class="date">{}</td><td><ul class="sources">"#,
            Esc(&claim_interval(claim).notation()),
            claim.as_of.map_or("—".to_string(), |d| d.to_string())
        );
        for source in &claim.sources {
            self.claim_source(out, source);
        }
        let explanation = claim.explanation.trim();
        let full_stop = if explanation.is_empty() || explanation.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        put!(
            out,
            r#"</ul><p class="why">{}{full_stop}"#,
            Esc(explanation)
        );
        if !claim.conflicts_with.is_empty() {
            let links: Vec<String> = claim
                .conflicts_with
                .iter()
                .map(|id| self.item_link(id))
                .collect();
            put!(out, " Conflicts with {}.", links.join(", "));
        }
        if let Some(total) = &claim.part_of {
            put!(out, " Part of {}.", self.item_link(total));
        }
        put!(out, " {}</p></td></tr>", self.conflict_badges(&claim.id));
    }

    fn claim_source(&self, out: &mut String, source: &ClaimSource) {
        put!(
            out,
            r#"<li><span class="figure">“{}”</span> <span class="interval">{}</span>"#,
            Esc(&source.text),
            Esc(&source_interval(source).notation())
        );
        if let Some(speaker) = &source.speaker {
            put!(out, " · said by <b>{}</b>", Esc(speaker));
        }
        if let Some(hedge) = &source.hedge {
            put!(
                out,
                r#" <span class="badge">{}</span>"#,
                Esc(&hedge.replace('_', " "))
            );
        }
        if let Some(as_of) = source.as_of {
            put!(out, r#" <span class="muted">as of {as_of}</span>"#);
        }
        put!(
            out,
            "<br>{}</li>",
            self.quote(&source.report, &source.quote, source.start, source.end)
        );
    }

    fn conflicts(&self, out: &mut String) {
        out.push_str("<section id=\"conflicts\"><h2>Conflicts</h2>");
        if self.analysis.conflicts.is_empty() {
            out.push_str("<p class=\"muted\">The reports do not contradict each other on any item found.</p>");
        }
        for conflict in &self.analysis.conflicts {
            self.conflict_card(out, conflict);
        }
        out.push_str("</section>\n");
    }

    fn conflict_card(&self, out: &mut String, conflict: &Conflict) {
        let items: Vec<String> = conflict.items.iter().map(|id| self.item_link(id)).collect();
        put!(
            out,
            r#"<div class="conflict-card" id="cf-{}" data-filter><h3><span class="badge conflict">{} conflict</span> {} <span class="muted">on {}</span></h3><p>{}</p><div class="sides">"#,
            anchor_token(&conflict.id),
            format!("{:?}", conflict.kind).to_lowercase(),
            Esc(&conflict.id),
            items.join(", "),
            Esc(&conflict.explanation)
        );
        for side in &conflict.sides {
            put!(
                out,
                r#"<div class="side"><div class="muted">{}"#,
                self.report_link(&side.report)
            );
            if let Some(speaker) = &side.speaker {
                put!(out, " · {}", Esc(speaker));
            }
            put!(
                out,
                r#"</div><div class="says">{}</div><div>{}</div></div>"#,
                Esc(&side.says),
                self.quote(&side.report, &side.quote, side.start, side.end)
            );
        }
        out.push_str("</div></div>");
    }

    fn entities(&self, out: &mut String) {
        let entities = &self.analysis.entities;
        out.push_str("<section id=\"entities\"><h2>Entities</h2>");
        if let Some(svg) = places_svg(entities) {
            out.push_str(&svg);
        }
        out.push_str("<table><thead><tr><th>Kind</th><th>Name</th><th>Also written</th><th>Reports</th><th>Mentions</th><th>Coordinates</th><th>Why merged</th></tr></thead><tbody>");
        let kinds = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Other,
        ];
        for kind in kinds {
            for entity in entities.iter().filter(|e| e.kind == kind) {
                entity_row(out, entity);
            }
        }
        out.push_str("</tbody></table></section>\n");
    }

    fn reports(&self, out: &mut String) {
        out.push_str("<section id=\"reports\"><h2>Reports</h2><table><thead><tr><th>Report</th><th>Title</th><th>Outlet / author</th><th>Published</th><th>Characters</th><th>Link</th></tr></thead><tbody>");
        for report in &self.analysis.reports {
            self.report_row(out, report);
        }
        out.push_str("</tbody></table></section>\n");
    }

    fn report_row(&self, out: &mut String, report: &ReportEntry) {
        put!(
            out,
            r#"<tr id="rep-{}" data-filter><td>{}"#,
            anchor_token(&report.id),
            self.report_link(&report.id)
        );
        if let Some(original) = &report.duplicate_of {
            put!(
                out,
                r#"<br><span class="badge">copy of {}</span>"#,
                Esc(original)
            );
        }
        put!(
            out,
            r#"<br><span class="muted">{}</span></td><td>{}</td><td>"#,
            Esc(&report.source),
            Esc(&report.title)
        );
        let byline: Vec<String> = [&report.outlet, &report.author]
            .into_iter()
            .flatten()
            .map(|part| Esc(part).to_string())
            .collect();
        put!(out, "{}</td><td class=\"date\">", byline.join("<br>"));
        match report.published {
            Some(date) => put!(out, "{date}"),
            None => out.push_str("unknown"),
        }
        put!(
            out,
            r#"<br><span class="muted">{}{}</span>"#,
            Esc(&report.published_origin),
            if report.published_inferred {
                ", inferred"
            } else {
                ""
            }
        );
        if let Some(range) = &report.published_range {
            put!(
                out,
                r#"<br><span class="muted">between {} and {}</span>"#,
                range.start,
                range.end
            );
        }
        put!(out, r#"</td><td class="num">{}</td><td>"#, report.chars);
        if let Some(url) = &report.url {
            push_external_link(out, url);
        }
        out.push_str("</td></tr>");
    }

    fn context(&self, out: &mut String) {
        out.push_str(concat!(
            "<section id=\"context\"><h2>Quotes in context</h2>",
            "<p class=\"muted\">The cleaned text of each report, with every quoted passage highlighted ",
            "(darker where quotes overlap).</p>"
        ));
        let mut shown: HashSet<&str> = HashSet::new();
        for entry in &self.analysis.reports {
            if let Some(report) = self.texts.get(entry.id.as_str()) {
                shown.insert(entry.id.as_str());
                self.report_text(out, report, &entry.title, true);
            }
        }
        // Texts of reports the analysis does not list are still quote targets.
        for report in self.reports {
            let id = report.meta.id.as_str();
            if shown.insert(id) && self.quoted.contains_key(id) {
                self.report_text(out, report, &report.meta.title, false);
            }
        }
        out.push_str("</section>\n");
    }

    fn report_text(&self, out: &mut String, report: &Report, title: &str, listed: bool) {
        let id = report.meta.id.as_str();
        let spans = self.quoted.get(id).map(Vec::as_slice).unwrap_or_default();
        put!(
            out,
            r#"<article class="report-text" id="r-{}"><h3>{} — {}</h3><p class="muted">{} quoted passages"#,
            anchor_token(id),
            Esc(id),
            Esc(title),
            spans.len()
        );
        if listed {
            put!(
                out,
                r##" · <a class="backlink" href="#rep-{}">report details</a>"##,
                anchor_token(id)
            );
        }
        put!(
            out,
            r#"</p><div class="fulltext">{}</div></article>"#,
            marked_text(id, &report.text, spans)
        );
    }
}

fn entity_row(out: &mut String, entity: &Entity) {
    put!(
        out,
        r#"<tr id="en-{}" data-filter><td><span class="badge kind">{}</span></td><td><b>{}</b>"#,
        anchor_token(&entity.id),
        entity.kind.as_str(),
        Esc(&entity.name)
    );
    if !entity.titles.is_empty() {
        put!(
            out,
            r#"<br><span class="muted">{}</span>"#,
            Esc(&entity.titles.join(", "))
        );
    }
    let others: Vec<String> = entity
        .aliases
        .iter()
        .filter(|alias| **alias != entity.name)
        .map(|alias| Esc(alias).to_string())
        .collect();
    put!(
        out,
        r#"</td><td>{}</td><td class="num" title="{}">{}</td><td class="num">{}</td><td class="num">"#,
        others.join(", "),
        Esc(&entity.reports.join(", ")),
        entity.reports.len(),
        entity.mentions
    );
    if let (Some(lat), Some(lon)) = (entity.lat, entity.lon) {
        put!(out, "{lat:.4}, {lon:.4}");
    }
    out.push_str("</td><td>");
    if !entity.merges.is_empty() {
        out.push_str(r#"<ul class="sources">"#);
        for merge in &entity.merges {
            put!(
                out,
                r#"<li>“{}” → “{}”: <code>{}</code> <span class="muted">{}</span></li>"#,
                Esc(&merge.alias),
                Esc(&merge.with),
                Esc(&merge.rule),
                Esc(&merge.detail)
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("</td></tr>");
}

/// A link to the article's web page; other schemes (`javascript:` …) are
/// shown as text only.
fn push_external_link(out: &mut String, url: &str) {
    let lower = url.trim_start().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        put!(
            out,
            r#"<a href="{0}" rel="noopener noreferrer nofollow">{1}</a>"#,
            Esc(url.trim()),
            Esc(&crate::common::shorten(url.trim(), 48))
        );
    } else {
        put!(out, "<code>{}</code>", Esc(url));
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
        assert!(html.contains("city&#39;s site"));
        assert_eq!(html.matches("<script").count(), 1, "only the inline script");
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
