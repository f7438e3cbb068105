//! `corroborate eval event-dates`: are our events dated right on news the
//! rules were not written for?
//!
//! **Gold** (MEANTIME CAT XML, the sentences annotated for time: title
//! and sentences 1–5): an `EVENT_MENTION` told as having happened (not
//! negated, not uncertain, not future) is dated when a `TLINK` puts it
//! inside a `DATE` timex (event → timex `SIMULTANEOUS`, `IS_INCLUDED` or
//! `DURING`; timex → event `SIMULTANEOUS` or `INCLUDES`) whose value is
//! a calendar year, month or day (`2008`, `2008-05`, `2008-05-24`); the
//! document's creation time counts as a timex. With several such links
//! the narrowest date is the gold date.
//!
//! **Ours**: the whole pipeline runs over all documents given, as one
//! corpus (each with its creation date as publication date); an event of
//! ours holds a gold mention when one of its sources' triggers overlaps
//! the mention's tokens. Its date is the merged event's date, what the
//! timeline shows.
//!
//! Printed: gold dated mentions, those an event of ours holds ("found"),
//! those whose event has exactly the gold date ("right"), and those whose
//! event's date lies within the gold date or holds it ("compatible":
//! right at another precision).

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use corroborate_model::calendar::last_day_of_month;
use corroborate_model::{Report, ReportMeta, Span};
use quick_xml::events::Event as XmlEvent;
use quick_xml::Reader;

use crate::cat_xml::{attribute, read_tokens};
use crate::coref::ratio;
use crate::ecb_events::trigger_span;
use crate::ecb_topics::Pipeline;
use crate::time::meantime::{meantime_files, rebuild_text};
use crate::time::{files_in_paths, first_path, read, EvalError};

/// Counts over the scored documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventDateCounts {
    pub documents: usize,
    /// Gold event mentions with a calendar date.
    pub gold_dated: usize,
    /// Of those, held by an event of ours.
    pub found: usize,
    /// Of those found, with the gold date exactly.
    pub right: usize,
    /// Of those found, with a date inside the gold date or holding it.
    pub compatible: usize,
    /// Of those found, undated.
    pub undated: usize,
    /// Every gold mention not found or not dated right, in document order.
    pub misses: Vec<EventDateMiss>,
}

/// A gold dated mention our events miss or date otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDateMiss {
    pub document: String,
    /// The gold mention's words.
    pub mention: String,
    /// The gold date, as "start..end" days.
    pub gold: String,
    /// Our event's date; `None` when no event holds the mention,
    /// `Some("undated")` when one does without a date.
    pub ours: Option<String>,
    /// The sentence around the mention, on one line.
    pub sentence: String,
}

impl EventDateCounts {
    /// One line per miss: document, mention, gold date, ours, sentence.
    pub fn failure_listing(&self) -> String {
        let mut listing = String::from("\nmisses (document | mention | gold | ours | sentence):\n");
        for miss in &self.misses {
            let ours = miss.ours.as_deref().unwrap_or("not found");
            listing.push_str(&format!(
                "  {} | {} | {} | {} | {}\n",
                miss.document, miss.mention, miss.gold, ours, miss.sentence
            ));
        }
        listing
    }
}

impl fmt::Display for EventDateCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let share = |n: usize, d: usize| 100.0 * ratio(n as f64, d as f64);
        writeln!(
            f,
            "MEANTIME event dates: {} documents, {} gold event mentions with a calendar date",
            self.documents, self.gold_dated
        )?;
        writeln!(
            f,
            "  found by our events:       {:>4} ({:.1}% of gold)",
            self.found,
            share(self.found, self.gold_dated)
        )?;
        writeln!(
            f,
            "  right date (exact):        {:>4} ({:.1}% of gold, {:.1}% of found)",
            self.right,
            share(self.right, self.gold_dated),
            share(self.right, self.found)
        )?;
        writeln!(
            f,
            "  compatible date:           {:>4} ({:.1}% of gold, {:.1}% of found)",
            self.compatible,
            share(self.compatible, self.gold_dated),
            share(self.compatible, self.found)
        )?;
        writeln!(
            f,
            "  found but undated:         {:>4} ({:.1}% of found)",
            self.undated,
            share(self.undated, self.found)
        )
    }
}

/// A calendar date of the gold: its first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Days {
    start: NaiveDate,
    end: NaiveDate,
}

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}..{}", self.start, self.end)
        }
    }
}

impl Days {
    fn width(self) -> i64 {
        (self.end - self.start).num_days()
    }
}

/// One MEANTIME document: its text (sentences 0–5), creation date and
/// dated gold event mentions (byte span, date).
struct DatedDocument {
    name: String,
    text: String,
    created: Option<NaiveDate>,
    gold: Vec<(Span, Days)>,
}

/// Scores `pipeline` on every MEANTIME file among `paths`, as one corpus.
pub fn eval_event_dates(
    paths: &[PathBuf],
    pipeline: &Pipeline,
) -> Result<EventDateCounts, EvalError> {
    let files = files_in_paths(paths, meantime_files)?;
    if files.is_empty() {
        return Err(EvalError::Empty(first_path(paths)));
    }
    let mut documents = Vec::new();
    for path in &files {
        let document = parse(&read(path)?, path).map_err(|message| EvalError::Xml {
            path: path.clone(),
            message,
        })?;
        documents.push(document);
    }
    let reports = documents.iter().map(report_of).collect();
    let run = pipeline(reports);
    let dated = our_dated_triggers(&run);
    let mut counts = EventDateCounts {
        documents: documents.len(),
        ..EventDateCounts::default()
    };
    for (index, document) in documents.iter().enumerate() {
        let ours = dated.get(&index).map(Vec::as_slice).unwrap_or(&[]);
        for &(span, gold) in &document.gold {
            counts.gold_dated += 1;
            let found = ours.iter().find(|(trigger, _)| trigger.overlaps(span));
            let miss = |ours: Option<String>| miss_of(document, span, gold, ours);
            let Some((_, date)) = found else {
                counts.misses.push(miss(None));
                continue;
            };
            counts.found += 1;
            match date {
                None => {
                    counts.undated += 1;
                    counts.misses.push(miss(Some("undated".to_string())));
                }
                Some(ours) if *ours == gold => {
                    counts.right += 1;
                    counts.compatible += 1;
                }
                Some(ours) => {
                    if within(*ours, gold) || within(gold, *ours) {
                        counts.compatible += 1;
                    }
                    counts.misses.push(miss(Some(ours.to_string())));
                }
            }
        }
    }
    Ok(counts)
}

fn miss_of(
    document: &DatedDocument,
    span: Span,
    gold: Days,
    ours: Option<String>,
) -> EventDateMiss {
    let text = document.text.as_str();
    let start = text
        .get(..span.start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(span.end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| span.end + i);
    EventDateMiss {
        document: document.name.clone(),
        mention: span.slice(text).unwrap_or("").to_string(),
        gold: gold.to_string(),
        ours,
        sentence: text.get(start..end).unwrap_or("").trim().to_string(),
    }
}

fn within(inner: Days, outer: Days) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn report_of(document: &DatedDocument) -> Report {
    let title = document.text.lines().next().unwrap_or_default().trim();
    Report {
        meta: ReportMeta {
            id: document.name.clone(),
            source: document.name.clone(),
            title: title.to_string(),
            ..ReportMeta::dated_by_metadata(document.created)
        },
        text: document.text.clone(),
        removed: Vec::new(),
    }
}

/// For each report index: the trigger span of every event source, with
/// the date of the merged event it belongs to.
fn our_dated_triggers(
    run: &crate::ecb_topics::TopicAnalysis,
) -> HashMap<usize, Vec<(Span, Option<Days>)>> {
    let index: HashMap<&str, usize> = run
        .annotated
        .iter()
        .enumerate()
        .map(|(i, r)| (r.report.meta.id.as_str(), i))
        .collect();
    let mut out: HashMap<usize, Vec<(Span, Option<Days>)>> = HashMap::new();
    for event in &run.analysis.events {
        let date = event.date.as_ref().map(|d| Days {
            start: d.start,
            end: d.end,
        });
        for source in &event.sources {
            let trigger = index.get(source.report.as_str()).and_then(|&report| {
                Some((
                    report,
                    trigger_span(run.annotated.get(report)?, event, source)?,
                ))
            });
            if let Some((report, trigger)) = trigger {
                out.entry(report).or_default().push((trigger, date));
            }
        }
    }
    out
}

/// A markable of the document: an event's or a timex's tokens, and a
/// timex's type and value.
#[derive(Default)]
struct Markable {
    is_event: bool,
    /// An event mention told as having happened: not negated, not
    /// uncertain, not in the future.
    factual: bool,
    tokens: Vec<String>,
    timex_type: String,
    value: String,
    creation_time: bool,
}

fn parse(xml: &str, path: &std::path::Path) -> Result<DatedDocument, String> {
    let tokens = read_tokens(xml)?;
    let (text, offsets) = rebuild_text(&tokens);
    let (markables, links) = read_markables_and_links(xml)?;
    let created = markables
        .values()
        .find(|m| m.creation_time)
        .and_then(|m| calendar_days(&m.value))
        .map(|d| d.start);
    let span_of = |m: &Markable| -> Option<Span> {
        let spans: Vec<(usize, usize)> = m
            .tokens
            .iter()
            .map(|t| offsets.get(t).copied())
            .collect::<Option<_>>()?;
        let start = spans.iter().map(|s| s.0).min()?;
        let end = spans.iter().map(|s| s.1).max()?;
        Some(Span::new(start, end))
    };
    let mut best: HashMap<&str, Days> = HashMap::new();
    for (relation, source, target) in &links {
        let Some((event, timex)) = event_in_timex(&markables, relation, source, target) else {
            continue;
        };
        if timex.timex_type != "DATE" {
            continue;
        }
        let Some(days) = calendar_days(&timex.value) else {
            continue;
        };
        let entry = best.entry(event).or_insert(days);
        if days.width() < entry.width() {
            *entry = days;
        }
    }
    let mut gold: Vec<(Span, Days)> = best
        .into_iter()
        .filter_map(|(event, days)| Some((span_of(markables.get(event)?)?, days)))
        .collect();
    gold.sort_by_key(|(span, _)| span.start);
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(DatedDocument {
        name,
        text,
        created,
        gold,
    })
}

/// The event and the timex of a link that puts the event inside the
/// timex, in either direction.
fn event_in_timex<'m>(
    markables: &'m HashMap<String, Markable>,
    relation: &str,
    source: &'m str,
    target: &'m str,
) -> Option<(&'m str, &'m Markable)> {
    let (from, to) = (markables.get(source)?, markables.get(target)?);
    match (from.is_event, to.is_event) {
        (true, false)
            if from.factual && matches!(relation, "SIMULTANEOUS" | "IS_INCLUDED" | "DURING") =>
        {
            Some((source, to))
        }
        (false, true) if to.factual && matches!(relation, "SIMULTANEOUS" | "INCLUDES") => {
            Some((target, from))
        }
        _ => None,
    }
}

/// A year, month or day value ("2008", "2008-05", "2008-05-24", with
/// anything after the day ignored); none for other values.
fn calendar_days(value: &str) -> Option<Days> {
    let parts: Vec<&str> = value.get(..value.len().min(10))?.split('-').collect();
    let number = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let year = i32::try_from(number(0)?).ok()?;
    if parts.first()?.len() != 4 {
        return None;
    }
    match (number(1), number(2)) {
        (Some(month), Some(day)) => {
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            Some(Days {
                start: date,
                end: date,
            })
        }
        (Some(month), None) if parts.len() == 2 => Some(Days {
            start: NaiveDate::from_ymd_opt(year, month, 1)?,
            end: last_day_of_month(year, month)?,
        }),
        (None, None) if parts.len() == 1 => Some(Days {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
        }),
        _ => None,
    }
}

type Link = (String, String, String);

fn is_markable(element: &quick_xml::events::BytesStart) -> bool {
    matches!(element.name().as_ref(), b"EVENT_MENTION" | b"TIMEX3")
}

/// An EVENT or TIMEX3 element's `m_id` and attributes (tokens follow).
fn markable_of(element: &quick_xml::events::BytesStart) -> Result<(String, Markable), String> {
    let id = attribute(element, "m_id")?.unwrap_or_default();
    let markable = Markable {
        is_event: element.name().as_ref() == b"EVENT_MENTION",
        factual: attribute(element, "polarity")?.as_deref() != Some("NEG")
            && attribute(element, "certainty")?.as_deref() != Some("UNCERTAIN")
            && attribute(element, "time")?.as_deref() != Some("FUTURE"),
        timex_type: attribute(element, "type")?.unwrap_or_default(),
        value: attribute(element, "value")?.unwrap_or_default(),
        creation_time: attribute(element, "functionInDocument")?.as_deref()
            == Some("CREATION_TIME"),
        tokens: Vec::new(),
    };
    Ok((id, markable))
}

/// The EVENT and TIMEX3 markables by `m_id`, and the TLINKs as
/// (relation, source, target).
fn read_markables_and_links(xml: &str) -> Result<(HashMap<String, Markable>, Vec<Link>), String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut markables = HashMap::new();
    let mut links = Vec::new();
    let mut open: Option<(String, Markable)> = None;
    let mut link: Option<(String, Option<String>, Option<String>)> = None;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            XmlEvent::Start(e) if is_markable(&e) => open = Some(markable_of(&e)?),
            XmlEvent::Empty(e) if is_markable(&e) => {
                let (id, markable) = markable_of(&e)?;
                markables.insert(id, markable);
            }
            XmlEvent::Empty(e) if e.name().as_ref() == b"token_anchor" => {
                if let Some((_, markable)) = open.as_mut() {
                    markable
                        .tokens
                        .push(attribute(&e, "t_id")?.unwrap_or_default());
                }
            }
            XmlEvent::End(e) if matches!(e.name().as_ref(), b"EVENT_MENTION" | b"TIMEX3") => {
                if let Some((id, markable)) = open.take() {
                    markables.insert(id, markable);
                }
            }
            XmlEvent::Start(e) if e.name().as_ref() == b"TLINK" => {
                link = Some((attribute(&e, "reltype")?.unwrap_or_default(), None, None));
            }
            XmlEvent::Empty(e) if e.name().as_ref() == b"source" => {
                if let Some(l) = link.as_mut() {
                    l.1 = attribute(&e, "m_id")?;
                }
            }
            XmlEvent::Empty(e) if e.name().as_ref() == b"target" => {
                if let Some(l) = link.as_mut() {
                    l.2 = attribute(&e, "m_id")?;
                }
            }
            XmlEvent::End(e) if e.name().as_ref() == b"TLINK" => {
                if let Some((relation, Some(source), Some(target))) = link.take() {
                    links.push((relation, source, target));
                }
            }
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    Ok((markables, links))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<Document doc_name="t">
<token t_id="1" sentence="0">Fire</token><token t_id="2" sentence="0">in</token><token t_id="3" sentence="0">Velm</token>
<token t_id="4" sentence="1">A</token><token t_id="5" sentence="1">fire</token><token t_id="6" sentence="1">destroyed</token><token t_id="7" sentence="1">a</token><token t_id="8" sentence="1">depot</token><token t_id="9" sentence="1">on</token><token t_id="10" sentence="1">Monday</token><token t_id="11" sentence="1">.</token>
<token t_id="12" sentence="2">It</token><token t_id="13" sentence="2">will</token><token t_id="14" sentence="2">reopen</token><token t_id="15" sentence="2">in</token><token t_id="16" sentence="2">May</token><token t_id="17" sentence="2">.</token>
<Markables>
<EVENT_MENTION m_id="20" polarity="POS" certainty="CERTAIN" time="NON_FUTURE"><token_anchor t_id="6"/></EVENT_MENTION>
<EVENT_MENTION m_id="21" polarity="POS" certainty="CERTAIN" time="FUTURE"><token_anchor t_id="14"/></EVENT_MENTION>
<TIMEX3 m_id="30" type="DATE" value="2031-03-03"><token_anchor t_id="10"/></TIMEX3>
<TIMEX3 m_id="31" type="DATE" value="2031-05"><token_anchor t_id="16"/></TIMEX3>
<TIMEX3 m_id="32" type="DATE" value="2031-03-04" functionInDocument="CREATION_TIME"/>
</Markables>
<Relations>
<TLINK reltype="IS_INCLUDED"><source m_id="20"/><target m_id="30"/></TLINK>
<TLINK reltype="IS_INCLUDED"><source m_id="20"/><target m_id="31"/></TLINK>
<TLINK reltype="IS_INCLUDED"><source m_id="21"/><target m_id="31"/></TLINK>
</Relations>
</Document>"#;

    #[test]
    fn a_happened_event_takes_its_narrowest_linked_date() {
        let document = parse(DOC, std::path::Path::new("t.xml")).expect("valid CAT");
        assert_eq!(document.created, NaiveDate::from_ymd_opt(2031, 3, 4));
        // The future "reopen" is left out; "destroyed" has two dates and
        // keeps the day.
        assert_eq!(document.gold.len(), 1);
        let (span, days) = document.gold[0];
        assert_eq!(span.slice(&document.text), Some("destroyed"));
        assert_eq!(
            days.start,
            NaiveDate::from_ymd_opt(2031, 3, 3).expect("day")
        );
        assert_eq!(days.width(), 0);
    }

    #[test]
    fn calendar_values_are_years_months_or_days() {
        let month = calendar_days("2008-02").expect("a month");
        assert_eq!(
            month.end,
            NaiveDate::from_ymd_opt(2008, 2, 29).expect("day")
        );
        assert_eq!(calendar_days("2008").map(Days::width), Some(365));
        assert!(calendar_days("2008-05-24T10:00").is_some());
        for other in [
            "PRESENT_REF",
            "2008-W20",
            "XXXX-XX-XX",
            "P2Y",
            "2008-Q1",
            "",
        ] {
            assert_eq!(calendar_days(other), None, "{other}");
        }
    }
}
