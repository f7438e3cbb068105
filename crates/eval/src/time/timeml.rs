//! TimeML (`.tml`) evaluation: the text inside `<TEXT>` is taken with tags
//! stripped (offsets kept), tagged with the document's DCT and compared
//! with the inline gold TIMEX3s.

use super::write::{system_timeml, TextLayout};
use super::{
    compare, create_dir, files_in_paths, files_with, first_path, read, system_annotations,
    Annotated, Counts, EvalError, TimemlScores,
};
use crate::cat_xml::attribute;
use chrono::NaiveDate;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::path::{Path, PathBuf};

/// A parsed TimeML document.
pub(crate) struct TimemlDoc {
    pub(crate) dct: Option<NaiveDate>,
    pub(crate) text: String,
    pub(crate) gold: Vec<Annotated>,
    /// Where `text` and the gold TIMEX3 tags sit in the file.
    pub(crate) layout: TextLayout,
}

/// Scores every `.tml` file in `dir`.
pub fn eval_timeml(dir: &Path) -> Result<TimemlScores, EvalError> {
    eval_timeml_to(dir, None)
}

/// Like [`eval_timeml`], also writing each document with the system's
/// TIMEX3 tags to `write_dir` (created when missing; same file name) when
/// given, for the TempEval-3 scorer: each written file is the gold file
/// byte for byte with its TIMEX3 tags inside `<TEXT>` replaced by ours (see
/// [`super::write`]). Scores count the tagger's own spans.
pub fn eval_timeml_to(dir: &Path, write_dir: Option<&Path>) -> Result<TimemlScores, EvalError> {
    eval_timeml_paths(&[dir.to_path_buf()], write_dir)
}

/// Like [`eval_timeml_to`] over several paths scored as one corpus: each
/// path is a `.tml` file or a folder of them (e.g. one half of a split).
pub fn eval_timeml_paths(
    paths: &[PathBuf],
    write_dir: Option<&Path>,
) -> Result<TimemlScores, EvalError> {
    let files = files_in_paths(paths, |dir| files_with(dir, "tml"))?;
    if files.is_empty() {
        return Err(EvalError::Empty(first_path(paths)));
    }
    if let Some(out_dir) = write_dir {
        create_dir(out_dir)?;
    }
    let mut counts = Counts::default();
    for path in &files {
        let xml = read(path)?;
        let doc = parse_timeml(&xml).map_err(|message| EvalError::Xml {
            path: path.clone(),
            message,
        })?;
        let timexes = corroborate_time::tag(&doc.text, doc.dct, false);
        compare(&doc.gold, &system_annotations(&timexes), &mut counts);
        if let (Some(out_dir), Some(name)) = (write_dir, path.file_name()) {
            let out = out_dir.join(name);
            let written = system_timeml(&xml, &doc, &timexes);
            std::fs::write(&out, written).map_err(|source| EvalError::Io { path: out, source })?;
        }
    }
    Ok(TimemlScores::from_counts(files.len(), counts))
}

/// Every disagreement with the gold annotation in the `.tml` files among
/// `paths` (see [`super::Mismatch`]).
pub fn timeml_mismatches(paths: &[PathBuf]) -> Result<Vec<super::Mismatch>, EvalError> {
    let mut found = Vec::new();
    for path in files_in_paths(paths, |dir| files_with(dir, "tml"))? {
        let doc = parse_timeml(&read(&path)?).map_err(|message| EvalError::Xml {
            path: path.clone(),
            message,
        })?;
        found.extend(super::mismatch::tagged_mismatches(
            &path, &doc.text, doc.dct, &doc.gold,
        ));
    }
    Ok(found)
}

/// Parses a TimeML document with a streaming reader.
pub(crate) fn parse_timeml(xml: &str) -> Result<TimemlDoc, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut doc = TimemlDoc {
        dct: None,
        text: String::new(),
        gold: Vec::new(),
        layout: TextLayout::default(),
    };
    let mut in_text = false;
    let mut in_dct = false;
    let mut open: Option<(usize, String, String)> = None;
    loop {
        let event_start = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let event_raw = event_start..reader.buffer_position() as usize;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                b"TEXT" => in_text = true,
                b"DCT" => in_dct = true,
                b"TIMEX3" if in_dct => {
                    let value = attribute(&e, "value")?.unwrap_or_default();
                    doc.dct = value
                        .get(..10)
                        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
                }
                b"TIMEX3" if in_text => {
                    let timex_type = attribute(&e, "type")?.unwrap_or_default();
                    let value = attribute(&e, "value")?.unwrap_or_default();
                    open = Some((doc.text.len(), timex_type, value));
                    doc.layout.gold_tags.push(event_raw);
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"TEXT" => in_text = false,
                b"DCT" => in_dct = false,
                b"TIMEX3" => {
                    if in_text {
                        doc.layout.gold_tags.push(event_raw);
                    }
                    if let Some((start, timex_type, value)) = open.take() {
                        doc.gold.push(Annotated {
                            start,
                            end: doc.text.len(),
                            timex_type,
                            value,
                        });
                    }
                }
                _ => {}
            },
            Event::Empty(e) if in_text && e.name().as_ref() == b"TIMEX3" => {
                doc.layout.gold_tags.push(event_raw);
            }
            Event::Text(t) if in_text => {
                let escaped = std::str::from_utf8(&t).map_err(|e| e.to_string())?;
                doc.layout
                    .push_escaped(doc.text.len(), event_raw.start, escaped)?;
                doc.text.push_str(&t.unescape().map_err(|e| e.to_string())?);
            }
            Event::CData(t) if in_text => {
                let content = String::from_utf8_lossy(&t);
                doc.layout
                    .push_cdata(doc.text.len(), event_raw.start, content.len());
                doc.text.push_str(&content);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_inline_timexes_with_offsets() {
        let xml = r#"<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-11">2022-01-11</TIMEX3></DCT>
<TEXT>Troops &amp; police left on <TIMEX3 tid="t1" type="DATE" value="2022-01-05">Wednesday</TIMEX3>.</TEXT></TimeML>"#;
        let doc = parse_timeml(xml).expect("valid TimeML");
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(2022, 1, 11));
        assert_eq!(doc.text, "Troops & police left on Wednesday.");
        let gold = &doc.gold[0];
        assert_eq!(doc.text.get(gold.start..gold.end), Some("Wednesday"));
        assert_eq!(gold.value, "2022-01-05");
    }
}
