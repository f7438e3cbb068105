//! YAML front matter between `---` lines at the very top of a file.

use chrono::NaiveDate;
use yaml_rust2::{Yaml, YamlLoader};

use crate::dates::{parse_iso_date, NotADate};
use crate::IngestError;

/// The keys corroborate reads from front matter; others are ignored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
}

/// Splits `text` into its front matter (if the first line is `---` and a
/// closing `---` or `...` line follows) and the byte offset where the body
/// starts.
pub fn split_front_matter(text: &str) -> Result<(Option<FrontMatter>, usize), IngestError> {
    let Some(after_open) = strip_opening_fence(text) else {
        return Ok((None, 0));
    };
    let open_len = text.len() - after_open.len();
    let mut offset = open_len;
    for line in after_open.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == "---" || bare == "..." {
            let yaml = &text[open_len..offset];
            let body_start = offset + line.len();
            return Ok((Some(parse_yaml(yaml)?), body_start));
        }
        offset += line.len();
    }
    Err(IngestError::FrontMatter(
        "opening `---` line has no closing `---` line".to_string(),
    ))
}

fn strip_opening_fence(text: &str) -> Option<&str> {
    text.strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
}

fn parse_yaml(yaml: &str) -> Result<FrontMatter, IngestError> {
    let docs = YamlLoader::load_from_str(yaml)
        .map_err(|e| IngestError::FrontMatter(format!("invalid YAML: {e}")))?;
    let Some(doc) = docs.into_iter().next() else {
        return Ok(FrontMatter::default());
    };
    if !matches!(doc, Yaml::Hash(_)) {
        return Err(IngestError::FrontMatter(
            "expected `key: value` lines".to_string(),
        ));
    }
    let published = match scalar(&doc["published"]) {
        Some(raw) => Some(parse_date(&raw)?),
        None => None,
    };
    Ok(FrontMatter {
        title: scalar(&doc["title"]),
        outlet: scalar(&doc["outlet"]),
        author: scalar(&doc["author"]),
        url: scalar(&doc["url"]),
        published,
    })
}

/// A YAML scalar as text; absent, null and empty values are `None`.
fn scalar(value: &Yaml) -> Option<String> {
    let text = match value {
        Yaml::String(s) => s.clone(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Real(r) => r.clone(),
        Yaml::Boolean(b) => b.to_string(),
        _ => return None,
    };
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Accepts `YYYY-MM-DD`, optionally followed by a time (`T…` or ` …`).
fn parse_date(raw: &str) -> Result<NaiveDate, IngestError> {
    let day = raw.get(..10).unwrap_or(raw);
    parse_iso_date(day).map_err(|_| {
        let quoted = NotADate {
            written: format!("published: {raw}"),
        };
        IngestError::FrontMatter(quoted.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_keys_and_body_offset() {
        let text = "---\ntitle: Unrest in Veloria\noutlet: Daily Wire\npublished: 2024-03-07\nextra: 1\n---\nBody.";
        let (fm, body) = split_front_matter(text).expect("valid");
        let fm = fm.expect("present");
        assert_eq!(fm.title.as_deref(), Some("Unrest in Veloria"));
        assert_eq!(fm.outlet.as_deref(), Some("Daily Wire"));
        assert_eq!(fm.published, NaiveDate::from_ymd_opt(2024, 3, 7));
        assert_eq!(&text[body..], "Body.");
    }

    #[test]
    fn timestamps_keep_their_day() {
        let (fm, _) =
            split_front_matter("---\npublished: 2024-03-07T10:00:00Z\n---\nx").expect("ok");
        assert_eq!(
            fm.and_then(|f| f.published),
            NaiveDate::from_ymd_opt(2024, 3, 7)
        );
    }

    #[test]
    fn no_front_matter_is_fine() {
        let (fm, body) = split_front_matter("Title\n---\nnot front matter").expect("ok");
        assert!(fm.is_none());
        assert_eq!(body, 0);
    }

    #[test]
    fn errors_are_specific() {
        let unclosed = split_front_matter("---\ntitle: x\nbody").unwrap_err();
        assert!(unclosed.to_string().contains("no closing"));
        let bad_date = split_front_matter("---\npublished: last Tuesday\n---\nx").unwrap_err();
        assert_eq!(
            bad_date.to_string(),
            "front matter: `published: last Tuesday` is not a date of the form YYYY-MM-DD"
        );
        let bad_yaml = split_front_matter("---\ntitle: [unclosed\n---\nx").unwrap_err();
        assert!(bad_yaml.to_string().contains("invalid YAML"));
    }
}
