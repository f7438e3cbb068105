//! JSON and JSON Lines records, one report per record.
//!
//! Layouts: `.jsonl` / `.ndjson` hold one record per line (streamed; the
//! size cap applies to each line). A `.json` file holds one record, an
//! array of records, or an object with the records in an array under
//! `records`, `articles`, `items`, `data`, `results`, `documents` or
//! `reports`; a `.json` file that is not one JSON document is read as JSON
//! Lines.
//!
//! Field mapping (keys compared case-insensitively, first present wins):
//!
//! | report field | record keys                                                                        |
//! |--------------|------------------------------------------------------------------------------------|
//! | text         | `text`, `body`, `content`, `maintext`, `articleBody`, `article_body`, `full_text`, `fulltext`, `article` |
//! | title        | `title`, `headline`                                                                |
//! | url          | `url`, `link`, `uri`, `canonical_url`                                              |
//! | published    | `published`, `date`, `datePublished`, `pubDate`, `published_at`, `publishedAt`, `publish_date`, `date_publish` |
//! | outlet       | `source`, `outlet`, `site`, `publisher`, `site_name`, `sitename`, `source_name`    |
//! | author       | `author`, `authors`, `byline`, `creator`                                           |
//!
//! Values may be strings, `{"name": …}` / `{"rendered": …}` objects (as news
//! APIs and WordPress write them) or arrays of those (authors are joined by
//! ", "). Text that contains HTML tags is converted to plain text. Dates are
//! read as in [`crate::dates`]; a number is a Unix time in seconds (or
//! milliseconds when it is that large). Without a title, the first line of
//! the text is the title.
//!
//! A line or record that is not valid JSON, not an object, or has no text
//! is left out with its line (or record) number and the reason; the other
//! records are kept.

use std::io::{BufRead, Read};
use std::path::Path;

use chrono::{DateTime, NaiveDate};
use corroborate_model::{Report, ReportMeta};
use serde_json::{Map, Value};

use crate::clean::clean_text;
use crate::dates::parse_metadata_date;
use crate::shared::{first_line, strip_bom};
use crate::{
    has_extension, html_to_text, read_bounded, IngestError, IngestOptions, ReadOutcome,
    RecordProblem, ReportReader,
};

const TEXT_KEYS: &[&str] = &[
    "text",
    "body",
    "content",
    "maintext",
    "articlebody",
    "article_body",
    "full_text",
    "fulltext",
    "article",
];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const URL_KEYS: &[&str] = &["url", "link", "uri", "canonical_url"];
const PUBLISHED_KEYS: &[&str] = &[
    "published",
    "date",
    "datepublished",
    "pubdate",
    "published_at",
    "publishedat",
    "publish_date",
    "date_publish",
];
const OUTLET_KEYS: &[&str] = &[
    "source",
    "outlet",
    "site",
    "publisher",
    "site_name",
    "sitename",
    "source_name",
];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline", "creator"];
const CONTAINER_KEYS: &[&str] = &[
    "records",
    "articles",
    "items",
    "data",
    "results",
    "documents",
    "reports",
];

/// Reads `.json`, `.jsonl` and `.ndjson` files.
pub struct JsonReader;

impl ReportReader for JsonReader {
    fn accepts(&self, path: &Path) -> bool {
        has_extension(path, &["json", "jsonl", "ndjson"])
    }

    fn read(&self, source: &str, bytes: &[u8]) -> Result<ReadOutcome, IngestError> {
        let bytes = strip_bom(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(IngestError::Empty);
        }
        refuse_binary(bytes)?;
        match serde_json::from_slice::<Value>(bytes) {
            Ok(document) => records_of_document(source, document),
            Err(_) if first_line_is_json(bytes) => Ok(read_lines(source, bytes)),
            Err(err) => Err(IngestError::Malformed(format!("invalid JSON: {err}"))),
        }
    }

    fn read_stream(
        &self,
        source: &str,
        input: &mut dyn BufRead,
        options: &IngestOptions,
    ) -> Result<ReadOutcome, IngestError> {
        if has_extension(Path::new(source), &["jsonl", "ndjson"]) {
            return stream_lines(source, input, options.max_report_bytes);
        }
        let bytes = read_bounded(input, options.max_report_bytes)?;
        self.read(source, &bytes)
    }
}

/// NUL bytes near the start mean binary data, not JSON text.
fn refuse_binary(bytes: &[u8]) -> Result<(), IngestError> {
    let head = bytes.get(..8192).unwrap_or(bytes);
    match head.iter().position(|&b| b == 0) {
        Some(offset) => Err(IngestError::Binary { offset }),
        None => Ok(()),
    }
}

/// True when the first non-blank line is a JSON value by itself: the
/// input is JSON Lines rather than one broken document.
fn first_line_is_json(bytes: &[u8]) -> bool {
    bytes
        .split(|&b| b == b'\n')
        .find(|line| !line.iter().all(u8::is_ascii_whitespace))
        .is_some_and(|line| serde_json::from_slice::<Value>(line).is_ok())
}

fn records_of_document(source: &str, document: Value) -> Result<ReadOutcome, IngestError> {
    let records = match document {
        Value::Array(items) => items,
        Value::Object(mut map) => match take_container(&mut map) {
            Some(items) => items,
            None => vec![Value::Object(map)],
        },
        _ => {
            return Err(IngestError::Malformed(
                "JSON is neither a record nor a list of records".to_string(),
            ))
        }
    };
    let mut outcome = ReadOutcome::default();
    for (index, record) in records.into_iter().enumerate() {
        push_record(
            &mut outcome,
            source,
            format!("record {}", index + 1),
            Ok(record),
        );
    }
    Ok(outcome)
}

fn take_container(map: &mut Map<String, Value>) -> Option<Vec<Value>> {
    let key = map
        .iter()
        .find(|(k, v)| v.is_array() && CONTAINER_KEYS.iter().any(|c| k.eq_ignore_ascii_case(c)))
        .map(|(k, _)| k.clone())?;
    match map.remove(&key) {
        Some(Value::Array(items)) => Some(items),
        _ => None,
    }
}

fn read_lines(source: &str, bytes: &[u8]) -> ReadOutcome {
    let mut outcome = ReadOutcome::default();
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        push_line(&mut outcome, source, index + 1, line);
    }
    outcome
}

/// JSON Lines from a stream, holding at most one line (up to `cap` bytes)
/// in memory; longer lines are skipped through without being stored.
fn stream_lines(
    source: &str,
    input: &mut dyn BufRead,
    cap: u64,
) -> Result<ReadOutcome, IngestError> {
    refuse_binary(input.fill_buf()?)?;
    let mut outcome = ReadOutcome::default();
    let mut line = Vec::new();
    for line_no in 1usize.. {
        line.clear();
        let read = Read::take(&mut *input, cap.saturating_add(1)).read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        if line.len() as u64 > cap && !line.ends_with(b"\n") {
            let rest = skip_line(input)?;
            let size = line.len() as u64 + rest;
            let reason = format!("line is {size} bytes, over the limit of {cap} bytes");
            outcome
                .problems
                .push(RecordProblem::new(format!("line {line_no}"), reason));
            continue;
        }
        push_line(&mut outcome, source, line_no, &line);
    }
    if outcome.reports.is_empty() && outcome.problems.is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(outcome)
}

/// Consumes input up to and including the next newline; returns how many
/// bytes that was.
fn skip_line(input: &mut dyn BufRead) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(skipped);
        }
        let (used, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (buffer.len(), false),
        };
        input.consume(used);
        skipped += used as u64;
        if done {
            return Ok(skipped);
        }
    }
}

fn push_line(outcome: &mut ReadOutcome, source: &str, line_no: usize, line: &[u8]) {
    let line = strip_bom(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return;
    }
    let parsed = serde_json::from_slice::<Value>(line).map_err(|e| format!("invalid JSON: {e}"));
    push_record(outcome, source, format!("line {line_no}"), parsed);
}

fn push_record(
    outcome: &mut ReadOutcome,
    source: &str,
    location: String,
    parsed: Result<Value, String>,
) {
    match parsed.and_then(|value| report_from_record(source, &value)) {
        Ok(report) => outcome.reports.push(report),
        Err(reason) => outcome.problems.push(RecordProblem::new(location, reason)),
    }
}

/// One report from one record, or why the record cannot be one.
fn report_from_record(source: &str, record: &Value) -> Result<Report, String> {
    let Value::Object(map) = record else {
        return Err("not a JSON object".to_string());
    };
    let raw_text = field_text(map, TEXT_KEYS).ok_or_else(|| {
        format!(
            "no text: none of the keys {} holds a string",
            TEXT_KEYS.join(", ")
        )
    })?;
    let text = if looks_like_html(&raw_text) {
        html_to_text(&raw_text)
    } else {
        raw_text
    };
    let cleaned = clean_text(&text);
    if cleaned.text.trim().is_empty() {
        return Err("the text is empty".to_string());
    }
    let published = field(map, PUBLISHED_KEYS).and_then(date_of);
    let meta = ReportMeta {
        id: String::new(),
        source: source.to_string(),
        title: field_text(map, TITLE_KEYS)
            .map(|t| {
                if looks_like_html(&t) {
                    html_to_text(&t).trim().to_string()
                } else {
                    t
                }
            })
            .unwrap_or_else(|| first_line(&cleaned.text).to_string()),
        outlet: field_text(map, OUTLET_KEYS),
        author: field(map, AUTHOR_KEYS).and_then(names),
        url: field_text(map, URL_KEYS),
        ..ReportMeta::dated_by_metadata(published)
    };
    Ok(Report {
        meta,
        text: cleaned.text,
        removed: cleaned.removed,
    })
}

fn field<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|key| {
        map.iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(key) && !v.is_null())
            .map(|(_, v)| v)
    })
}

fn field_text(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|key| field(map, std::slice::from_ref(key)).and_then(text_of))
}

/// A string, or the `name` / `rendered` / `text` / `value` of an object,
/// or the first such of an array.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => {
            let trimmed = s.trim();
            (!trimmed.is_empty()).then(|| trimmed.to_string())
        }
        Value::Object(map) => ["name", "rendered", "text", "value"]
            .iter()
            .find_map(|k| map.get(*k).and_then(text_of)),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

fn names(value: &Value) -> Option<String> {
    let all: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(text_of).collect(),
        other => text_of(other).into_iter().collect(),
    };
    (!all.is_empty()).then(|| all.join(", "))
}

fn date_of(value: &Value) -> Option<NaiveDate> {
    match value {
        Value::Number(n) => {
            let raw = n.as_i64()?;
            let seconds = if raw.abs() > 100_000_000_000 {
                raw / 1000
            } else {
                raw
            };
            DateTime::from_timestamp(seconds, 0).map(|t| t.date_naive())
        }
        other => text_of(other).and_then(|s| parse_metadata_date(&s)),
    }
}

fn looks_like_html(text: &str) -> bool {
    ["<p>", "<p ", "<br", "</p>", "</div>", "</a>", "<div"]
        .iter()
        .any(|tag| text.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::DateOrigin;

    fn read(source: &str, text: &str) -> ReadOutcome {
        JsonReader.read(source, text.as_bytes()).expect("reads")
    }

    #[test]
    fn json_lines_keep_good_records_and_name_bad_lines() {
        let input = concat!(
            r#"{"title":"Bridge closed","text":"The river bridge was closed on Monday.","url":"https://example.org/1","published":"2024-02-01T10:00:00Z","source":{"id":null,"name":"Valley Post"},"author":["A. Rolle","B. Orr"]}"#,
            "\n",
            "{\"title\": \"broken\", \"text\": \n",
            "\n",
            r#"["not", "an", "object"]"#,
            "\n",
            r#"{"headline":"No body here"}"#,
            "\n",
            r#"{"Body":"<p>Second <b>report</b> text.</p><p>More.</p>","PubDate":"Tue, 06 Feb 2024 09:00:00 GMT","Outlet":"Town Crier"}"#,
        );
        let got = read("feed.jsonl", input);
        assert_eq!(got.reports.len(), 2);
        let first = &got.reports[0].meta;
        assert_eq!(first.title, "Bridge closed");
        assert_eq!(first.outlet.as_deref(), Some("Valley Post"));
        assert_eq!(first.author.as_deref(), Some("A. Rolle, B. Orr"));
        assert_eq!(first.published, NaiveDate::from_ymd_opt(2024, 2, 1));
        assert_eq!(first.published_origin, DateOrigin::Metadata);
        let second = &got.reports[1];
        assert_eq!(second.text, "Second report text.\n\nMore.\n");
        assert_eq!(second.meta.title, "Second report text.");
        assert_eq!(second.meta.published, NaiveDate::from_ymd_opt(2024, 2, 6));
        let problems: Vec<_> = got
            .problems
            .iter()
            .map(|p| (p.location.as_str(), p.reason.as_str()))
            .collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(problems[0].0, "line 2");
        assert!(problems[0].1.starts_with("invalid JSON"));
        assert_eq!(problems[1], ("line 4", "not a JSON object"));
        assert_eq!(problems[2].0, "line 5");
        assert!(problems[2].1.starts_with("no text"));
    }

    #[test]
    fn json_documents_arrays_and_containers() {
        let got = read(
            "a.json",
            r#"[{"content":"One."},{"body":"Two.","date":1707210000}]"#,
        );
        assert_eq!(got.reports.len(), 2);
        assert_eq!(
            got.reports[1].meta.published,
            NaiveDate::from_ymd_opt(2024, 2, 6)
        );
        let got = read(
            "b.json",
            r#"{"status":"ok","articles":[{"text":"Three.","link":"https://example.org/3"}]}"#,
        );
        assert_eq!(
            got.reports[0].meta.url.as_deref(),
            Some("https://example.org/3")
        );
        let got = read(
            "c.json",
            r#"{"title":{"rendered":"Four"},"content":{"rendered":"<p>Four &amp; more.</p>"}}"#,
        );
        assert_eq!(got.reports[0].meta.title, "Four");
        assert_eq!(got.reports[0].text, "Four & more.\n");
        assert!(JsonReader.read("d.json", b"42").is_err());
        assert!(matches!(
            JsonReader.read("e.json", b" \n"),
            Err(IngestError::Empty)
        ));
    }

    #[test]
    fn streamed_lines_over_the_cap_are_skipped_not_stored() {
        let mut input = Vec::new();
        input.extend_from_slice(b"{\"text\":\"");
        input.extend(std::iter::repeat_n(b'x', 5000));
        input.extend_from_slice(b"\"}\n{\"text\":\"Short one.\"}\n");
        let options = IngestOptions {
            max_report_bytes: 1000,
        };
        let got = JsonReader
            .read_stream("big.jsonl", &mut input.as_slice(), &options)
            .expect("reads");
        assert_eq!(got.reports.len(), 1);
        assert_eq!(got.problems[0].location, "line 1");
        assert!(got.problems[0]
            .reason
            .contains("5012 bytes, over the limit of 1000"));
    }
}
