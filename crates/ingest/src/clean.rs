//! Conservative text cleaning: take out what is plainly not the report.
//!
//! Only three things are removed, each recorded with its reason:
//! * photo credits at the end of a line ("… © NAME/AGENCY via Getty Images"),
//! * lines that repeat an earlier line word for word (a title or standfirst
//!   printed twice, a caption repeating the sentence above it),
//! * stand-alone subscription and sharing prompts.
//!
//! Real paragraphs are never dropped: a line is removed only when it is an
//! exact repeat or matches one of the short boilerplate patterns.

use std::collections::HashSet;

use corroborate_model::Removed;

pub struct Cleaned {
    pub text: String,
    pub removed: Vec<Removed>,
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

pub fn clean_text(body: &str) -> Cleaned {
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
    fn short_repeats_and_ordinary_text_are_kept() {
        let body = "Yes.\nYes.\nA long line that appears once only, kept.\n";
        assert_eq!(clean_text(body).text, body);
    }
}
