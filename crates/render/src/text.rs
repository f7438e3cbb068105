//! The terminal view.
//!
//! Sections: header (reports, skipped inputs), TIMELINE, CLAIMS LEDGER
//! (grouped, status coloured: corroborated green, conflicting red, series
//! yellow, single dim), CONFLICTS (sides in columns), ENTITIES. Lines are
//! wrapped at [`WIDTH`] characters; colour is plain ANSI SGR codes, emitted
//! only when asked for, and applied after padding so columns stay aligned.

use corroborate_model::{
    Analysis, Claim, ClaimSource, ClaimStatus, Conflict, Entity, EntityKind, Event, EventSource,
};

use crate::common::{
    claim_groups, claim_interval, conflicts_by_item, date_origin, shorten, source_count,
    source_interval, squash_whitespace, timeline_order,
};

/// Target line width in characters.
const WIDTH: usize = 100;
/// Longest quote shown in the timeline and ledger, in characters.
const QUOTE_CHARS: usize = 220;
/// Columns for conflict sides shown next to each other.
const SIDE_COLUMNS: usize = 2;

#[derive(Clone, Copy)]
enum Style {
    Heading,
    Dim,
    Green,
    Red,
    Yellow,
    Cyan,
}

impl Style {
    fn sgr(self) -> &'static str {
        match self {
            Style::Heading => "1;4",
            Style::Dim => "2",
            Style::Green => "32",
            Style::Red => "1;31",
            Style::Yellow => "33",
            Style::Cyan => "36",
        }
    }

    fn for_status(status: ClaimStatus) -> Style {
        match status {
            ClaimStatus::Corroborated => Style::Green,
            ClaimStatus::Conflicting => Style::Red,
            ClaimStatus::Series => Style::Yellow,
            ClaimStatus::Single => Style::Dim,
        }
    }
}

struct Writer {
    out: String,
    color: bool,
}

impl Writer {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\x1b[{}m{text}\x1b[0m", style.sgr())
        } else {
            text.to_string()
        }
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn heading(&mut self, title: &str) {
        self.line("");
        let painted = self.paint(Style::Heading, title);
        self.line(&painted);
    }

    /// `text` wrapped to the page width, every line indented by `indent`.
    fn wrapped(&mut self, indent: usize, text: &str, style: Option<Style>) {
        let pad = " ".repeat(indent);
        for piece in wrap(text, WIDTH.saturating_sub(indent).max(20)) {
            let shown = match style {
                Some(style) => self.paint(style, &piece),
                None => piece,
            };
            self.line(&format!("{pad}{shown}"));
        }
    }

    fn quote(&mut self, indent: usize, report: &str, quote: &str, start: usize, end: usize) {
        let shown = shorten(&squash_whitespace(quote), QUOTE_CHARS);
        self.wrapped(indent, &format!("“{shown}”"), None);
        let location = self.paint(Style::Cyan, &format!("{report} @{start}..{end}"));
        self.line(&format!("{}— {location}", " ".repeat(indent + 2)));
    }
}

/// A readable terminal view of the analysis; `color` adds ANSI colours.
pub fn render_text(analysis: &Analysis, color: bool) -> String {
    let mut writer = Writer {
        out: String::new(),
        color,
    };
    header(&mut writer, analysis);
    timeline(&mut writer, analysis);
    claims_ledger(&mut writer, analysis);
    conflicts(&mut writer, &analysis.conflicts);
    entities(&mut writer, &analysis.entities);
    writer.out
}

/// Only the timeline, for `corroborate timeline`.
pub fn render_timeline_text(analysis: &Analysis, color: bool) -> String {
    let mut writer = Writer {
        out: String::new(),
        color,
    };
    timeline(&mut writer, analysis);
    conflicts(&mut writer, &analysis.conflicts);
    writer.out
}

/// How many stories (crises) the reports follow.
fn story_count(analysis: &Analysis) -> usize {
    let stories: std::collections::BTreeSet<&str> =
        analysis.reports.iter().map(|r| r.story.as_str()).collect();
    stories.len()
}

fn none_if_empty<T>(writer: &mut Writer, items: &[T]) {
    if items.is_empty() {
        let none = writer.paint(Style::Dim, "  (none)");
        writer.line(&none);
    }
}

fn header(writer: &mut Writer, analysis: &Analysis) {
    let title = writer.paint(Style::Heading, "CORROBORATE ANALYSIS");
    writer.line(&title);
    writer.line(&format!(
        "{} reports · {} events · {} claims · {} conflicts · {} entities · {} skipped",
        analysis.reports.len(),
        analysis.events.len(),
        analysis.claims.len(),
        analysis.conflicts.len(),
        analysis.entities.len(),
        analysis.skipped.len(),
    ));
    let stories = story_count(analysis);
    if stories > 1 {
        writer.line(&format!(
            "{stories} stories: the reports follow different crises; no event, claim or conflict joins two"
        ));
    }
    for report in &analysis.reports {
        let date = match (report.published, report.published_inferred) {
            (Some(date), true) => format!("{date} (inferred)"),
            (Some(date), false) => date.to_string(),
            (None, _) => "undated".to_string(),
        };
        let id = writer.paint(Style::Cyan, &report.id);
        let duplicate = match &report.duplicate_of {
            Some(original) => format!(" [copy of {original}]"),
            None => String::new(),
        };
        let story = if stories > 1 {
            format!(" [{}]", report.story)
        } else {
            String::new()
        };
        writer.line(&format!(
            "  {id}  {date}  {}{duplicate}{story}",
            shorten(&report.title, 70)
        ));
    }
    if !analysis.skipped.is_empty() {
        writer.line("Skipped:");
        for skipped in &analysis.skipped {
            let source = writer.paint(Style::Yellow, &skipped.source);
            writer.line(&format!("  {source}: {}", skipped.reason));
        }
    }
}

fn timeline(writer: &mut Writer, analysis: &Analysis) {
    writer.heading("TIMELINE");
    none_if_empty(writer, &analysis.events);
    let conflicts = conflicts_by_item(&analysis.conflicts);
    for event in timeline_order(&analysis.events) {
        let marker = match conflicts.get(event.id.as_str()) {
            Some(ids) => writer.paint(Style::Red, &format!("  ⚠ conflict {}", ids.join(", "))),
            None => String::new(),
        };
        writer.line(&format!("{}{marker}", event_title(writer, event)));
        writer.wrapped(6, &event.summary, None);
        for source in &event.sources {
            event_source(writer, event, source);
        }
    }
}

fn event_title(writer: &Writer, event: &Event) -> String {
    let date = match &event.date {
        Some(date) if event.date_inferred => format!("{} (inferred)", date.value),
        Some(date) if event.dated_by_context_only() => format!("{} (from context)", date.value),
        Some(date) => date.value.clone(),
        None => "undated".to_string(),
    };
    let count = writer.paint(
        Style::Dim,
        &format!("[{}]", source_count(event.independent_sources)),
    );
    format!(
        "  {}  {}  {count}",
        writer.paint(Style::Cyan, &format!("{date:<10}")),
        event.kind_label()
    )
}

fn event_source(writer: &mut Writer, event: &Event, source: &EventSource) {
    let dated_differently = match (&source.date, &event.date) {
        (Some(own), Some(merged)) => own != merged,
        (Some(_), None) => true,
        _ => false,
    };
    if let (true, Some(own)) = (dated_differently, &source.date) {
        let origin = date_origin(source).unwrap_or_else(|| "from “?”".into());
        let note = writer.paint(Style::Yellow, &format!("dated {} ({origin})", own.value));
        writer.line(&format!("      {note}"));
    }
    writer.quote(6, &source.report, &source.quote, source.start, source.end);
}

fn claims_ledger(writer: &mut Writer, analysis: &Analysis) {
    writer.heading("CLAIMS LEDGER");
    none_if_empty(writer, &analysis.claims);
    for group in claim_groups(&analysis.claims) {
        writer.line("");
        let title = writer.paint(Style::Heading, &group.title());
        let key = writer.paint(Style::Dim, &format!("({})", group.key));
        writer.line(&format!("  {title} {key}"));
        for claim in group.claims {
            claim_entry(writer, claim);
        }
    }
}

fn claim_entry(writer: &mut Writer, claim: &Claim) {
    let status = writer.paint(
        Style::for_status(claim.status),
        &format!("[{}]", claim.status.as_str()),
    );
    let as_of = claim
        .as_of
        .map_or(String::new(), |date| format!("  as of {date}"));
    writer.line(&format!(
        "    {status} {}  {}  {}{as_of}",
        claim.id,
        claim_interval(claim).notation(),
        source_count(claim.independent_sources)
    ));
    let mut notes = vec![claim.explanation.clone()];
    if !claim.conflicts_with.is_empty() {
        notes.push(format!(
            "conflicts with {}",
            claim.conflicts_with.join(", ")
        ));
    }
    if let Some(total) = &claim.part_of {
        notes.push(format!("part of {total}"));
    }
    writer.wrapped(6, &notes.join("; "), Some(Style::Dim));
    for source in &claim.sources {
        claim_source(writer, source);
    }
}

fn claim_source(writer: &mut Writer, source: &ClaimSource) {
    let mut facts = vec![
        format!("“{}”", source.text),
        source_interval(source).notation(),
    ];
    if let Some(speaker) = &source.speaker {
        facts.push(format!("speaker: {speaker}"));
    }
    if let Some(hedge) = &source.hedge {
        facts.push(format!("hedge: {hedge}"));
    }
    if let Some(as_of) = source.as_of {
        facts.push(format!("as of {as_of}"));
    }
    writer.wrapped(6, &format!("• {}", facts.join("  ")), None);
    writer.quote(8, &source.report, &source.quote, source.start, source.end);
}

fn conflicts(writer: &mut Writer, conflicts: &[Conflict]) {
    writer.heading("CONFLICTS");
    none_if_empty(writer, conflicts);
    for conflict in conflicts {
        writer.line("");
        let title = writer.paint(
            Style::Red,
            &format!(
                "{} ({} conflict)",
                conflict.id,
                format!("{:?}", conflict.kind).to_lowercase()
            ),
        );
        writer.line(&format!("  {title}  {}", conflict.items.join(", ")));
        writer.wrapped(4, &conflict.explanation, Some(Style::Dim));
        for row in conflict.sides.chunks(SIDE_COLUMNS) {
            side_by_side(writer, row);
        }
    }
}

/// One cell line: plain text and how to colour it once padded.
type Cell = (String, Option<Style>);

fn side_by_side(writer: &mut Writer, sides: &[corroborate_model::ConflictSide]) {
    const GUTTER: &str = " │ ";
    let column = (WIDTH - 4 - GUTTER.len() * (SIDE_COLUMNS - 1)) / SIDE_COLUMNS;
    let columns: Vec<Vec<Cell>> = sides
        .iter()
        .map(|side| {
            let mut cells: Vec<Cell> = vec![(
                format!("{} @{}..{}", side.report, side.start, side.end),
                Some(Style::Cyan),
            )];
            let says = match &side.speaker {
                Some(speaker) => format!("says {} ({speaker})", side.says),
                None => format!("says {}", side.says),
            };
            cells.extend(wrap(&says, column).into_iter().map(|l| (l, None)));
            let quote = format!("“{}”", shorten(&squash_whitespace(&side.quote), 300));
            cells.extend(
                wrap(&quote, column)
                    .into_iter()
                    .map(|l| (l, Some(Style::Dim))),
            );
            cells
        })
        .collect();
    writer.line("");
    let height = columns.iter().map(Vec::len).max().unwrap_or(0);
    for row in 0..height {
        let cells: Vec<String> = columns
            .iter()
            .map(|cells| {
                let (text, style) = cells.get(row).cloned().unwrap_or_default();
                let padded = format!("{text:<column$}");
                style.map_or(padded.clone(), |style| writer.paint(style, &padded))
            })
            .collect();
        writer.line(format!("    {}", cells.join(GUTTER)).trim_end());
    }
}

fn entities(writer: &mut Writer, entities: &[Entity]) {
    writer.heading("ENTITIES");
    none_if_empty(writer, entities);
    let kinds = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Other,
    ];
    for kind in kinds {
        let of_kind: Vec<&Entity> = entities.iter().filter(|e| e.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        writer.line("");
        let label = writer.paint(Style::Heading, kind.as_str());
        writer.line(&format!("  {label} ({})", of_kind.len()));
        for entity in of_kind {
            entity_entry(writer, entity);
        }
    }
}

fn entity_entry(writer: &mut Writer, entity: &Entity) {
    let mut facts = vec![format!(
        "{} reports, {} mentions",
        entity.reports.len(),
        entity.mentions
    )];
    if let (Some(lat), Some(lon)) = (entity.lat, entity.lon) {
        facts.push(format!("{lat:.4}, {lon:.4}"));
    }
    let name = writer.paint(Style::Cyan, &entity.name);
    writer.line(&format!("    {name}  {}", facts.join(" · ")));
    let others: Vec<&str> = entity
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|alias| *alias != entity.name)
        .collect();
    if !others.is_empty() {
        writer.wrapped(8, &format!("aliases: {}", others.join(", ")), None);
    }
    if !entity.titles.is_empty() {
        writer.wrapped(8, &format!("titles: {}", entity.titles.join(", ")), None);
    }
    for merge in &entity.merges {
        let reason = format!(
            "merged “{}” with “{}”: {} ({})",
            merge.alias, merge.with, merge.rule, merge.detail
        );
        writer.wrapped(8, &reason, Some(Style::Dim));
    }
}

/// Greedy word wrap by character count; words longer than `width` are
/// broken. Always returns at least one (possibly empty) line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_chars = 0;
    for word in text.split_whitespace() {
        let word_chars = word.chars().count();
        if line_chars > 0 && line_chars + 1 + word_chars > width {
            lines.push(std::mem::take(&mut line));
            line_chars = 0;
        }
        if line_chars > 0 {
            line.push(' ');
            line_chars += 1;
        }
        for ch in word.chars() {
            if line_chars == width {
                lines.push(std::mem::take(&mut line));
                line_chars = 0;
            }
            line.push(ch);
            line_chars += 1;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::sample_analysis;

    #[test]
    fn wrap_respects_width_and_breaks_long_words() {
        let lines = wrap("aaa bbb ccc dddddddddd", 7);
        assert_eq!(lines, ["aaa bbb", "ccc", "ddddddd", "ddd"]);
        assert_eq!(wrap("", 10), [""]);
        assert!(wrap("ëëë ëëë", 3).iter().all(|l| l.chars().count() <= 3));
    }

    #[test]
    fn reports_of_several_stories_are_marked_with_theirs() {
        let mut analysis = sample_analysis();
        let one_story = render_text(&analysis, false);
        assert!(!one_story.contains("stories:"), "{one_story}");
        assert!(!one_story.contains("[sty-1]"), "{one_story}");
        if let Some(last) = analysis.reports.last_mut() {
            last.story = "sty-2".to_string();
        }
        let two = render_text(&analysis, false);
        assert!(
            two.contains("2 stories: the reports follow different crises"),
            "{two}"
        );
        assert!(two.contains("[sty-2]"), "{two}");
    }

    #[test]
    fn plain_view_has_every_section_and_no_escape_codes() {
        let text = render_text(&sample_analysis(), false);
        for section in [
            "CORROBORATE ANALYSIS",
            "TIMELINE",
            "CLAIMS LEDGER",
            "CONFLICTS",
            "ENTITIES",
        ] {
            assert!(text.contains(section), "missing {section}");
        }
        assert!(!text.contains('\x1b'));
        assert!(text.contains("notes.pdf: unsupported file type"));
        assert!(text.contains("[2 independent sources]"));
        assert!(text.contains("C1  [3,600, 4,000)"));
        assert!(text.contains("X1 (number conflict)"));
        assert!(text.contains("⚠ conflict X2"));
        assert!(text.contains("merged “Zoe Marten” with “Zoë Marten”: case_or_accent"));
        assert!(text.contains("41.2000, 44.8000"));
        assert!(text.contains("speaker: Police"));
        assert!(text.contains("alpha @"));
    }

    #[test]
    fn lines_stay_within_the_page_width() {
        let text = render_text(&sample_analysis(), false);
        for line in text.lines() {
            assert!(line.chars().count() <= WIDTH, "too long: {line}");
        }
    }

    #[test]
    fn dates_from_the_narrative_are_marked() {
        let mut analysis = sample_analysis();
        let event = analysis
            .events
            .iter_mut()
            .find(|e| e.date.is_some())
            .expect("a dated event");
        for source in &mut event.sources {
            source.date_basis = corroborate_model::DateBasis::ContextPeriod;
        }
        let value = event
            .date
            .as_ref()
            .map(|d| d.value.clone())
            .unwrap_or_default();
        event.date_inferred = false;
        let text = render_text(&analysis, false);
        assert!(text.contains(&format!("{value} (from context)")), "{text}");
        assert!(
            !render_text(&sample_analysis(), false).contains("(from context)"),
            "clause-dated events are not marked"
        );
    }

    #[test]
    fn empty_analysis_says_none() {
        let text = render_text(&Analysis::default(), false);
        assert_eq!(text.matches("(none)").count(), 4);
    }

    #[test]
    fn colours_mark_status() {
        let text = render_text(&sample_analysis(), true);
        assert!(text.contains("\x1b[1;31m[conflicting]\x1b[0m"));
        assert!(text.contains("\x1b[33m[series]\x1b[0m"));
    }

    #[test]
    fn series_reads_in_date_order_and_conflict_sides_share_rows() {
        let text = render_text(&sample_analysis(), false);
        let earlier = text.find("as of 2022-03-01").expect("earlier price");
        let later = text.find("as of 2022-03-06").expect("later price");
        assert!(earlier < later);
        let side_row = text
            .lines()
            .find(|line| line.contains("alpha @") && line.contains("beta @"))
            .expect("sides share a row");
        assert!(side_row.contains(" │ "));
    }
}
