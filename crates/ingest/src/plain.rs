//! Plain text and Markdown reports.

use std::path::Path;

use corroborate_model::{Report, ReportMeta};

use crate::clean::clean_text;
use crate::shared::first_line_by;
use crate::{
    decode_text, has_extension, split_front_matter, IngestError, ReadOutcome, ReportReader,
};

/// Reads `.txt` and `.md` files: optional YAML front matter, then the body.
/// Without a `title` key, the first non-empty line is the title.
pub struct PlainTextReader;

impl ReportReader for PlainTextReader {
    fn accepts(&self, path: &Path) -> bool {
        has_extension(path, &["txt", "md", "markdown"])
    }

    fn read(&self, source: &str, bytes: &[u8]) -> Result<ReadOutcome, IngestError> {
        let raw = decode_text(bytes)?;
        let (front, body_start) = split_front_matter(raw)?;
        let body = raw.get(body_start..).unwrap_or_default();
        if body.trim().is_empty() {
            return Err(IngestError::NoBody);
        }
        let cleaned = clean_text(body);
        if cleaned.text.trim().is_empty() {
            return Err(IngestError::NoText);
        }
        let front = front.unwrap_or_default();
        let title = front
            .title
            .clone()
            .unwrap_or_else(|| markdown_title(&cleaned.text).to_string());
        let meta = ReportMeta {
            source: source.to_string(),
            title,
            outlet: front.outlet,
            author: front.author,
            url: front.url,
            ..ReportMeta::dated_by_metadata(front.published)
        };
        Ok(ReadOutcome::single(Report {
            meta,
            text: cleaned.text,
            removed: cleaned.removed,
        }))
    }
}

/// The first non-blank line, without Markdown heading marks.
fn markdown_title(text: &str) -> &str {
    first_line_by(text, |line| line.trim().trim_start_matches('#').trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::DateOrigin;

    #[test]
    fn title_from_first_line_without_front_matter() {
        let got = PlainTextReader
            .read("a.txt", b"\n\n# Crisis deepens\n\nTroops arrived.")
            .expect("reads")
            .reports;
        assert_eq!(got[0].meta.title, "Crisis deepens");
        assert_eq!(got[0].meta.published, None);
    }

    #[test]
    fn front_matter_fills_metadata_and_is_not_in_text() {
        let got = PlainTextReader
            .read(
                "a.md",
                b"---\ntitle: T\nurl: https://example.org/a\npublished: 2024-03-01\n---\nBody here.",
            )
            .expect("reads")
            .reports;
        let report = &got[0];
        assert_eq!(report.meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(report.meta.published_origin, DateOrigin::Metadata);
        assert_eq!(report.text, "Body here.");
    }

    #[test]
    fn front_matter_without_body_is_an_error() {
        let err = PlainTextReader
            .read("a.md", b"---\ntitle: T\n---\n\n")
            .unwrap_err();
        assert!(matches!(err, IngestError::NoBody));
    }

    #[test]
    fn only_boilerplate_is_an_error_not_an_empty_report() {
        // Found by the `plain` fuzz target.
        let err = PlainTextReader
            .read("a.txt", b"subscribe to our newsletter")
            .unwrap_err();
        assert!(matches!(err, IngestError::NoText));
    }
}
