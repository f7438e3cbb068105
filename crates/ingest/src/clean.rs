//! Conservative text cleaning: take out what is plainly not the report.
//!
//! Only these are removed, each recorded with its reason:
//! * photo credits at the end of a line ("… © NAME/AGENCY via Getty Images"),
//! * lines that repeat an earlier line word for word (a title or standfirst
//!   printed twice, a caption repeating the sentence above it),
//! * stand-alone subscription and sharing prompts,
//! * short credit and disclaimer lines that start with a label ("Image:
//!   Reuters.", "Photo: …", "Courtesy: …", "Disclaimer - …"); the
//!   "Courtesy:"/"first published" lines are also read as wire
//!   attributions by [`wire_attribution`].
//!
//! Real paragraphs are never dropped: a line is removed only when it is an
//! exact repeat or matches one of the short boilerplate patterns.

use std::collections::HashSet;

use corroborate_model::Removed;

pub(crate) struct Cleaned {
    pub(crate) text: String,
    pub(crate) removed: Vec<Removed>,
}

/// Whole lines that are prompts, not report text (compared lower-cased).
const BOILERPLATE_LINES: &[&str] = &[
    "subscribe",
    "subscribe to our newsletter",
    "subscribe to our newsletters",
    "sign up for our newsletter",
    "share this article",
    "share on facebook",
    "share on twitter",
    "advertisement",
    "read more",
];

/// Labels that open a credit or disclaimer line (compared lower-cased).
const CREDIT_LABELS: &[&str] = &[
    "image:",
    "photo:",
    "photograph:",
    "picture:",
    "credit:",
    "credits:",
    "courtesy:",
    "disclaimer:",
    "disclaimer -",
    "disclaimer –",
    "photo credit:",
    "image credit:",
    "illustration:",
    "video:",
];
/// Longest line treated as a credit or disclaimer.
const MAX_CREDIT_LINE: usize = 200;

pub(crate) fn clean_text(body: &str) -> Cleaned {
    let mut seen = HashSet::new();
    let mut removed = Vec::new();
    let mut text = String::with_capacity(body.len());
    for line in body.split_inclusive('\n') {
        let (content, newline) = split_newline(line);
        let content = strip_photo_credit(content, &mut removed);
        let key = content.trim();
        if is_boilerplate(key) {
            removed.push(removed_line(key, "boilerplate"));
            continue;
        }
        if is_credit_line(key) {
            removed.push(removed_line(key, "credit_or_disclaimer"));
            continue;
        }
        if key.len() >= 20 && !seen.insert(key.to_string()) {
            removed.push(removed_line(key, "repeated_line"));
            continue;
        }
        text.push_str(content);
        text.push_str(newline);
    }
    Cleaned { text, removed }
}

fn split_newline(line: &str) -> (&str, &str) {
    let content = line.trim_end_matches(['\n', '\r']);
    (content, &line[content.len()..])
}

/// Cuts a trailing "© …" credit from a line, recording it.
fn strip_photo_credit<'a>(line: &'a str, removed: &mut Vec<Removed>) -> &'a str {
    match line.find('©') {
        Some(at) if line.len() - at < 120 => {
            removed.push(removed_line(line[at..].trim(), "photo_credit"));
            line[..at].trim_end()
        }
        _ => line,
    }
}

fn is_credit_line(line: &str) -> bool {
    if line.len() > MAX_CREDIT_LINE {
        return false;
    }
    let lower = line.to_lowercase();
    CREDIT_LABELS.iter().any(|label| lower.starts_with(label))
}

/// Wire and syndication credits that say a report is a copy of another
/// outlet's: "(Reuters) -", "(AP) —", "(AFP) -", "This article first
/// appeared in/was first published by …", "Courtesy: …". Returns the
/// credited source as written.
pub(crate) fn wire_attribution(text: &str) -> Option<String> {
    for line in text.lines().map(str::trim) {
        let lower = line.to_lowercase();
        for marker in [
            "first published by",
            "first published with",
            "first published in",
            "first appeared in",
            "first appeared on",
            "originally published by",
            "originally published in",
            "republished from",
            "courtesy:",
        ] {
            if let Some(at) = lower.find(marker) {
                let rest = line.get(at + marker.len()..).unwrap_or_default();
                let source = rest
                    .trim()
                    .trim_end_matches('.')
                    .trim_matches(['(', ')', ' ']);
                if !source.is_empty() {
                    return Some(source.chars().take(80).collect());
                }
            }
        }
    }
    dateline_agency(text)
}

/// "TARVESSA, 7 March (Kestrel) -" or "Jan 5 (Reuters) -": an agency in
/// brackets followed by a dash near the start of the text.
fn dateline_agency(text: &str) -> Option<String> {
    let head: String = text.chars().take(300).collect();
    let open = head.find('(')?;
    let close = open + head.get(open..)?.find(')')?;
    let after = head.get(close + 1..)?.trim_start();
    let agency = head.get(open + 1..close)?.trim();
    let is_name = !agency.is_empty()
        && agency.len() <= 40
        && agency.chars().next().is_some_and(char::is_uppercase);
    (is_name && after.starts_with(['-', '–', '—'])).then(|| agency.to_string())
}

fn is_boilerplate(line: &str) -> bool {
    let lower = line.to_lowercase();
    BOILERPLATE_LINES.contains(&lower.trim_end_matches(['.', '!', ':']))
}

fn removed_line(text: &str, reason: &str) -> Removed {
    Removed {
        text: text.to_string(),
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_lines_and_credits_are_removed_and_recorded() {
        let body = "Crowds gathered in the square today.\nCrowds gathered in the square today. © A. PHOTOGRAPHER/Agency via Images\nSubscribe\nSecond paragraph stays.\n";
        let got = clean_text(body);
        assert_eq!(
            got.text,
            "Crowds gathered in the square today.\nSecond paragraph stays.\n"
        );
        let reasons: Vec<_> = got.removed.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(
            reasons,
            vec!["photo_credit", "repeated_line", "boilerplate"]
        );
    }

    #[test]
    fn credit_and_disclaimer_lines_are_removed() {
        let body = "Image: Agency photo.\nCourtesy: (example.org)\nDisclaimer - All opinions are the author's.\nImagery from the region was scarce, officials said.\n";
        let got = clean_text(body);
        assert_eq!(
            got.text,
            "Imagery from the region was scarce, officials said.\n"
        );
        assert_eq!(got.removed.len(), 3);
        assert!(got
            .removed
            .iter()
            .all(|r| r.reason == "credit_or_disclaimer"));
    }

    #[test]
    fn wire_attributions_are_read() {
        assert_eq!(
            wire_attribution("TARVESSA, 7 March (Kestrel) - Troops arrived."),
            Some("Kestrel".into())
        );
        assert_eq!(
            wire_attribution("Body.\nThis article first appeared on Kestrel Wire."),
            Some("Kestrel Wire".into())
        );
        assert_eq!(
            wire_attribution("Body.\nCourtesy: (example.org)"),
            Some("example.org".into())
        );
        assert_eq!(
            wire_attribution("The minister (who resigned) said nothing."),
            None
        );
    }

    #[test]
    fn short_repeats_and_ordinary_text_are_kept() {
        let body = "Yes.\nYes.\nA long line that appears once only, kept.\n";
        assert_eq!(clean_text(body).text, body);
    }
}
