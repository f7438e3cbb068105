//! Where the tagger and the gold annotation disagree, one line each: a
//! tuning aid (see `tests/time_tuning.rs`, which lists only the tuning
//! half of each corpus).

use super::Annotated;
use std::fmt;

/// One disagreement in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub file: String,
    /// "missed", "spurious", "extent" or "value".
    pub kind: &'static str,
    /// Gold text and value ("" when spurious).
    pub gold: (String, String),
    /// System text and value ("" when missed).
    pub system: (String, String),
    /// The sentence-sized text around the expression.
    pub context: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:<8} {} gold {:?} {} | ours {:?} {} | {}",
            self.kind,
            self.file,
            self.gold.0,
            self.gold.1,
            self.system.0,
            self.system.1,
            self.context
        )
    }
}

fn slice(text: &str, a: &Annotated) -> String {
    text.get(a.start..a.end).unwrap_or("").to_string()
}

fn context(text: &str, start: usize, end: usize) -> String {
    let mut from = start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text.get(from..to).unwrap_or("").replace('\n', " / ")
}

/// The tagger's disagreements with `gold` on one document read from
/// `path` (its text and creation time).
pub(crate) fn tagged_mismatches(
    path: &std::path::Path,
    text: &str,
    dct: Option<chrono::NaiveDate>,
    gold: &[Annotated],
) -> Vec<Mismatch> {
    let timexes = corroborate_time::tag(text, dct, false);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    mismatches(&name, text, gold, &super::system_annotations(&timexes))
}

/// The disagreements of one document, gold order first, then spurious ones.
pub(crate) fn mismatches(
    file: &str,
    text: &str,
    gold: &[Annotated],
    system: &[Annotated],
) -> Vec<Mismatch> {
    let overlap = |a: &Annotated, b: &Annotated| a.start < b.end && b.start < a.end;
    let mut found = Vec::new();
    for g in gold {
        let paired = system.iter().find(|s| overlap(g, s));
        let kind = match paired {
            None => "missed",
            Some(s) if (s.start, s.end) != (g.start, g.end) => "extent",
            Some(s) if s.value != g.value => "value",
            Some(_) => continue,
        };
        let system = paired.map_or((String::new(), String::new()), |s| {
            (slice(text, s), s.value.clone())
        });
        found.push(Mismatch {
            file: file.to_string(),
            kind,
            gold: (slice(text, g), g.value.clone()),
            system,
            context: context(text, g.start, g.end),
        });
    }
    for s in system
        .iter()
        .filter(|s| !gold.iter().any(|g| overlap(g, s)))
    {
        found.push(Mismatch {
            file: file.to_string(),
            kind: "spurious",
            gold: (String::new(), String::new()),
            system: (slice(text, s), s.value.clone()),
            context: context(text, s.start, s.end),
        });
    }
    found
}
