//! RSS and Atom feeds (`feed-rs`): each item or entry becomes a report.
//!
//! | report field | from the item                                              |
//! |--------------|------------------------------------------------------------|
//! | text         | `content` (Atom) / `content:encoded`, else `summary` / `description`, HTML converted by [`html_to_text`] |
//! | title        | item title (the first text line when absent)               |
//! | url          | the first link (`rel="alternate"` preferred)               |
//! | published    | `published` / `pubDate`, else `updated` (UTC day)          |
//! | outlet       | the feed's own title                                       |
//! | author       | item authors, joined by ", "                               |
//!
//! `feed-rs` parses a feed as a whole. When it fails (one item with broken
//! XML is enough), the feed is cut into its `<item>` / `<entry>` elements
//! and each is parsed on its own, so the good items are kept and the bad
//! ones are reported with their number and the parser's reason.

use std::path::Path;

use corroborate_model::{Report, ReportMeta};
use feed_rs::model::{Entry, Feed};

use crate::clean::clean_text;
use crate::shared::{collapse_whitespace, first_line};
use crate::{has_extension, html_to_text, IngestError, ReadOutcome, RecordProblem, ReportReader};

/// Reads `.rss`, `.atom` and `.xml` feeds.
pub struct FeedReader;

impl ReportReader for FeedReader {
    fn accepts(&self, path: &Path) -> bool {
        has_extension(path, &["rss", "atom", "xml", "feed"])
    }

    fn read(&self, source: &str, bytes: &[u8]) -> Result<ReadOutcome, IngestError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(IngestError::Empty);
        }
        match feed_rs::parser::parse(bytes) {
            Ok(feed) => Ok(reports_of_feed(source, &feed)),
            Err(err) => read_item_by_item(source, bytes, &err.to_string()),
        }
    }
}

fn reports_of_feed(source: &str, feed: &Feed) -> ReadOutcome {
    let outlet = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty());
    let mut outcome = ReadOutcome::default();
    for (index, entry) in feed.entries.iter().enumerate() {
        match report_from_entry(source, entry, outlet.as_deref()) {
            Ok(report) => outcome.reports.push(report),
            Err(reason) => outcome
                .problems
                .push(RecordProblem::new(format!("item {}", index + 1), reason)),
        }
    }
    if feed.entries.is_empty() {
        outcome
            .problems
            .push(RecordProblem::new("feed", "the feed has no items"));
    }
    outcome
}

fn report_from_entry(source: &str, entry: &Entry, outlet: Option<&str>) -> Result<Report, String> {
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.as_str()))
        .ok_or("no content or summary")?;
    let cleaned = clean_text(&html_to_text(body));
    if cleaned.text.trim().is_empty() {
        return Err("content and summary are empty".to_string());
    }
    let published = entry.published.or(entry.updated).map(|t| t.date_naive());
    let authors: Vec<&str> = entry
        .authors
        .iter()
        .filter_map(|a| a.name.as_deref().map(str::trim))
        .filter(|n| !n.is_empty())
        .collect();
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref() == Some("alternate"))
        .or_else(|| entry.links.first());
    let meta = ReportMeta {
        id: String::new(),
        source: source.to_string(),
        title: entry
            .title
            .as_ref()
            .map(|t| plain(&t.content))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| first_line(&cleaned.text).to_string()),
        outlet: outlet.map(str::to_string),
        author: (!authors.is_empty()).then(|| authors.join(", ")),
        url: link.map(|l| l.href.clone()),
        ..ReportMeta::dated_by_metadata(published)
    };
    Ok(Report {
        meta,
        text: cleaned.text,
        removed: cleaned.removed,
    })
}

fn plain(text: &str) -> String {
    collapse_whitespace(&html_to_text(text))
}

/// Parses each `<item>` / `<entry>` element of a feed that failed as a whole.
fn read_item_by_item(
    source: &str,
    bytes: &[u8],
    feed_error: &str,
) -> Result<ReadOutcome, IngestError> {
    let text = String::from_utf8_lossy(bytes);
    let (open, close, wrap): (&str, &str, fn(&str) -> String) = if text.contains("<entry") {
        ("<entry", "</entry>", |e| {
            format!("<feed xmlns=\"http://www.w3.org/2005/Atom\">{e}</feed>")
        })
    } else {
        ("<item", "</item>", |i| {
            format!("<rss version=\"2.0\"><channel>{i}</channel></rss>")
        })
    };
    let chunks = element_chunks(&text, open, close);
    if chunks.is_empty() {
        return Err(IngestError::Malformed(format!(
            "not a readable feed: {feed_error}"
        )));
    }
    let outlet = channel_title(&text, open);
    let mut outcome = ReadOutcome::default();
    for (index, chunk) in chunks.iter().enumerate() {
        let location = format!("item {}", index + 1);
        let parsed = chunk
            .ok_or_else(|| "cut off: the item has no closing tag".to_string())
            .and_then(|c| feed_rs::parser::parse(wrap(c).as_bytes()).map_err(|e| e.to_string()))
            .and_then(|feed| {
                feed.entries
                    .into_iter()
                    .next()
                    .ok_or_else(|| "not an item".to_string())
            })
            .and_then(|entry| report_from_entry(source, &entry, outlet.as_deref()));
        match parsed {
            Ok(report) => outcome.reports.push(report),
            Err(reason) => outcome.problems.push(RecordProblem::new(location, reason)),
        }
    }
    Ok(outcome)
}

/// The elements opened by `open` (followed by `>` or a space): each as its
/// full text, or `None` for one that is never closed.
fn element_chunks<'a>(text: &'a str, open: &str, close: &str) -> Vec<Option<&'a str>> {
    let mut chunks = Vec::new();
    let mut at = 0;
    while let Some(found) = text.get(at..).and_then(|rest| rest.find(open)) {
        let start = at + found;
        let after_name = text
            .get(start + open.len()..)
            .and_then(|r| r.chars().next());
        if !matches!(after_name, Some('>' | ' ' | '\n' | '\r' | '\t')) {
            at = start + open.len();
            continue;
        }
        match text.get(start..).and_then(|rest| rest.find(close)) {
            Some(len) => {
                let end = start + len + close.len();
                chunks.push(text.get(start..end));
                at = end;
            }
            None => {
                chunks.push(None);
                break;
            }
        }
    }
    chunks
}

/// The `<title>` before the first item: the feed's name.
fn channel_title(text: &str, first_item: &str) -> Option<String> {
    let head = text.get(..text.find(first_item)?)?;
    let start = head.find("<title")?;
    let after = head.get(start..)?;
    let content = after.get(after.find('>')? + 1..)?;
    let title = plain(content.get(..content.find("</title>")?)?);
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Valley Post</title><link>https://example.org</link>
<item><title>Bridge closed after flood</title><link>https://example.org/bridge</link>
<pubDate>Mon, 05 Feb 2024 09:30:00 +0000</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The river bridge was closed on Monday after flood water damaged a pier.</p><p>Engineers will inspect it on Wednesday.</p>]]></content:encoded></item>
<item><title>Ferry fares rise</title><link>https://example.org/ferry</link><description>&lt;p&gt;Fares rose by almost 40 percent, the operator said.&lt;/p&gt;</description></item>
<item><title>Photo gallery</title><link>https://example.org/photos</link></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_reports() {
        let got = FeedReader.read("news.rss", RSS.as_bytes()).expect("reads");
        assert_eq!(got.reports.len(), 2);
        let first = &got.reports[0];
        assert_eq!(first.meta.title, "Bridge closed after flood");
        assert_eq!(first.meta.outlet.as_deref(), Some("Valley Post"));
        assert_eq!(
            first.meta.url.as_deref(),
            Some("https://example.org/bridge")
        );
        assert_eq!(
            first.meta.published,
            chrono::NaiveDate::from_ymd_opt(2024, 2, 5)
        );
        assert!(first.text.starts_with("The river bridge was closed"));
        assert!(first.text.contains("\n\nEngineers will inspect"));
        assert_eq!(
            got.reports[1].text,
            "Fares rose by almost 40 percent, the operator said.\n"
        );
        assert_eq!(
            got.problems,
            vec![RecordProblem::new("item 3", "no content or summary")]
        );
    }

    #[test]
    fn atom_entries_become_reports() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>North Wire</title><id>urn:x</id><updated>2022-09-14T10:00:00Z</updated>
<entry><title>Storm makes landfall</title><id>urn:1</id><link rel="alternate" href="https://example.org/storm"/><published>2022-09-14T09:40:00Z</published><updated>2022-09-14T10:00:00Z</updated>
<author><name>Ines Rota</name></author><content type="html">&lt;p&gt;The storm made landfall near Keller.&lt;/p&gt;</content></entry></feed>"#;
        let got = FeedReader
            .read("north.atom", atom.as_bytes())
            .expect("reads");
        let report = &got.reports[0];
        assert_eq!(report.meta.author.as_deref(), Some("Ines Rota"));
        assert_eq!(report.meta.outlet.as_deref(), Some("North Wire"));
        assert_eq!(report.text, "The storm made landfall near Keller.\n");
        assert_eq!(
            report.meta.published,
            chrono::NaiveDate::from_ymd_opt(2022, 9, 14)
        );
    }

    #[test]
    fn a_broken_item_loses_only_itself() {
        let broken = RSS.replace(
            "<title>Ferry fares rise</title>",
            "<title>Ferry <b>fares</title>",
        );
        let got = FeedReader
            .read("news.rss", broken.as_bytes())
            .expect("reads");
        assert_eq!(got.reports.len(), 1);
        assert_eq!(got.reports[0].meta.outlet.as_deref(), Some("Valley Post"));
        assert_eq!(got.problems.len(), 2, "{:?}", got.problems);
        assert_eq!(got.problems[0].location, "item 2");
        let truncated = RSS
            .get(..RSS.find("<item><title>Photo").expect("item") + 20)
            .expect("cut");
        let got = FeedReader
            .read("news.rss", truncated.as_bytes())
            .expect("reads");
        assert_eq!(got.reports.len(), 2);
        assert_eq!(
            got.problems[0].reason,
            "cut off: the item has no closing tag"
        );
    }

    #[test]
    fn untitled_item_takes_its_first_text_line() {
        let rss = r#"<rss version="2.0"><channel><title>W</title><item><description>&lt;p&gt;Subscribe&lt;/p&gt;&lt;p&gt;Ferry fares rose.&lt;/p&gt;</description></item></channel></rss>"#;
        let got = FeedReader.read("w.rss", rss.as_bytes()).expect("reads");
        assert_eq!(got.reports[0].meta.title, "Ferry fares rose.");
    }

    #[test]
    fn not_a_feed_is_an_error() {
        assert!(matches!(
            FeedReader.read("x.xml", b"<config><a>1</a></config>"),
            Err(IngestError::Malformed(_))
        ));
        assert!(matches!(
            FeedReader.read("x.xml", b"\x00\x01binary"),
            Err(IngestError::Malformed(_))
        ));
        assert!(matches!(
            FeedReader.read("x.xml", b""),
            Err(IngestError::Empty)
        ));
    }
}
