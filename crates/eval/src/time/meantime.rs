//! MEANTIME CAT XML evaluation.
//!
//! Documents are token lists (`<token t_id sentence>`) plus markables;
//! a `TIMEX3` markable names its tokens with `<token_anchor t_id>`. Only
//! sentences 0–5 are annotated for time in MEANTIME's English dev set
//! convention, so the text is rebuilt from those sentences alone: one line
//! per sentence, tokens joined by spaces except before closing punctuation
//! and after opening brackets. The DCT is the timex whose
//! `functionInDocument` is `CREATION_TIME`; it is scored like any other
//! mention when it has tokens (the date line).

use super::{
    compare, create_dir, files_in_paths, files_with, first_path, inline_timeml, read,
    system_annotations, Annotated, Counts, EvalError, TimemlScores,
};
use crate::cat_xml::{attribute, read_tokens, Token};
use chrono::NaiveDate;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const LAST_SENTENCE: u32 = 5;

struct TimexMarkable {
    tokens: Vec<String>,
    timex_type: String,
    value: String,
    creation_time: bool,
}

struct MeantimeDoc {
    dct: Option<NaiveDate>,
    text: String,
    gold: Vec<Annotated>,
}

/// Scores every `*.xml` file in the `corpus_*` folders of `dir` (or in
/// `dir` itself).
pub fn eval_meantime(dir: &Path) -> Result<TimemlScores, EvalError> {
    eval_meantime_to(dir, None)
}

/// Like [`eval_meantime`], also writing each rebuilt text with the system's
/// TIMEX3 tags to `write_dir` (created when missing) as `<name>.tml`.
pub fn eval_meantime_to(dir: &Path, write_dir: Option<&Path>) -> Result<TimemlScores, EvalError> {
    eval_meantime_paths_to(&[dir.to_path_buf()], write_dir)
}

/// Scores several paths as one corpus: each is a CAT XML file or a folder
/// as [`eval_meantime`] takes (e.g. one topic of a split).
pub fn eval_meantime_paths(paths: &[PathBuf]) -> Result<TimemlScores, EvalError> {
    eval_meantime_paths_to(paths, None)
}

fn eval_meantime_paths_to(
    paths: &[PathBuf],
    write_dir: Option<&Path>,
) -> Result<TimemlScores, EvalError> {
    let files = files_in_paths(paths, meantime_files)?;
    if files.is_empty() {
        return Err(EvalError::Empty(first_path(paths)));
    }
    if let Some(out_dir) = write_dir {
        create_dir(out_dir)?;
    }
    let mut counts = Counts::default();
    for path in &files {
        let doc = parse_meantime(&read(path)?).map_err(|message| EvalError::Xml {
            path: path.clone(),
            message,
        })?;
        let timexes = corroborate_time::tag(&doc.text, doc.dct, false);
        compare(&doc.gold, &system_annotations(&timexes), &mut counts);
        if let (Some(out_dir), Some(stem)) = (write_dir, path.file_stem()) {
            let out = out_dir.join(format!("{}.tml", stem.to_string_lossy()));
            let body = format!(
                "<TimeML>\n<TEXT>{}</TEXT>\n</TimeML>\n",
                inline_timeml(&doc.text, &timexes)
            );
            std::fs::write(&out, body).map_err(|source| EvalError::Io { path: out, source })?;
        }
    }
    Ok(TimemlScores::from_counts(files.len(), counts))
}

/// Every disagreement with the gold annotation in the MEANTIME files among
/// `paths` (see [`super::Mismatch`]).
pub fn meantime_mismatches(paths: &[PathBuf]) -> Result<Vec<super::Mismatch>, EvalError> {
    let mut found = Vec::new();
    for path in files_in_paths(paths, meantime_files)? {
        let doc = parse_meantime(&read(&path)?).map_err(|message| EvalError::Xml {
            path: path.clone(),
            message,
        })?;
        found.extend(super::mismatch::tagged_mismatches(
            &path, &doc.text, doc.dct, &doc.gold,
        ));
    }
    Ok(found)
}

pub(crate) fn meantime_files(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let mut files = files_with(dir, "xml")?;
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut subdirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    subdirs.sort();
    for sub in subdirs {
        files.extend(files_with(&sub, "xml")?);
    }
    Ok(files)
}

fn parse_meantime(xml: &str) -> Result<MeantimeDoc, String> {
    let tokens = read_tokens(xml)?;
    let timexes = read_timexes(xml)?;
    let (text, offsets) = rebuild_text(&tokens);
    let mut dct = None;
    let mut gold = Vec::new();
    for timex in timexes {
        if timex.creation_time {
            dct = timex
                .value
                .get(..10)
                .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
        }
        let spans: Vec<(usize, usize)> = timex
            .tokens
            .iter()
            .filter_map(|id| offsets.get(id).copied())
            .collect();
        // Timexes outside the scored sentences (or without tokens) are skipped.
        if spans.is_empty() || spans.len() != timex.tokens.len() {
            continue;
        }
        let start = spans.iter().map(|s| s.0).min().unwrap_or(0);
        let end = spans.iter().map(|s| s.1).max().unwrap_or(0);
        gold.push(Annotated {
            start,
            end,
            timex_type: timex.timex_type,
            value: timex.value,
        });
    }
    gold.sort_by_key(|a| a.start);
    Ok(MeantimeDoc { dct, text, gold })
}

/// The TIMEX3 markables and their token anchors.
fn read_timexes(xml: &str) -> Result<Vec<TimexMarkable>, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut timexes = Vec::new();
    let mut open_timex: Option<TimexMarkable> = None;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) if e.name().as_ref() == b"TIMEX3" => {
                open_timex = Some(TimexMarkable {
                    tokens: Vec::new(),
                    timex_type: attribute(&e, "type")?.unwrap_or_default(),
                    value: attribute(&e, "value")?.unwrap_or_default(),
                    creation_time: attribute(&e, "functionInDocument")?.as_deref()
                        == Some("CREATION_TIME"),
                });
            }
            Event::Empty(e) if e.name().as_ref() == b"token_anchor" => {
                if let Some(timex) = open_timex.as_mut() {
                    timex
                        .tokens
                        .push(attribute(&e, "t_id")?.unwrap_or_default());
                }
            }
            Event::End(e) if e.name().as_ref() == b"TIMEX3" => {
                if let Some(timex) = open_timex.take() {
                    timexes.push(timex);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(timexes)
}

/// Joins the tokens of sentences 0–5 into text; returns token byte spans.
pub(crate) fn rebuild_text(tokens: &[Token]) -> (String, HashMap<String, (usize, usize)>) {
    let mut text = String::new();
    let mut offsets = HashMap::new();
    let mut previous: Option<(u32, &str)> = None;
    for token in tokens.iter().filter(|t| t.sentence <= LAST_SENTENCE) {
        match previous {
            Some((sentence, _)) if sentence != token.sentence => text.push('\n'),
            Some((_, prev)) if needs_space(prev, &token.text) => text.push(' '),
            _ => {}
        }
        let start = text.len();
        text.push_str(&token.text);
        offsets.insert(token.id.clone(), (start, text.len()));
        previous = Some((token.sentence, &token.text));
    }
    (text, offsets)
}

fn needs_space(previous: &str, next: &str) -> bool {
    let closing = matches!(
        next,
        "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "'s" | "n't" | "'"
    ) || next.starts_with('\'');
    let opening = matches!(previous, "(" | "[" | "$" | "``");
    !closing && !opening
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_text_and_gold_spans() {
        let xml = r#"<Document><token t_id="1" sentence="0">Title</token><token t_id="2" sentence="1">March</token><token t_id="3" sentence="1">01</token><token t_id="4" sentence="1">,</token><token t_id="5" sentence="1">2008</token>
<Markables><TIMEX3 functionInDocument="CREATION_TIME" type="DATE" value="2008-03-01"><token_anchor t_id="2"/><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/></TIMEX3>
<TIMEX3 type="DATE" value="2058"/></Markables></Document>"#;
        let doc = parse_meantime(xml).expect("valid CAT");
        assert_eq!(doc.text, "Title\nMarch 01, 2008");
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(2008, 3, 1));
        assert_eq!(doc.gold.len(), 1);
        let gold = &doc.gold[0];
        assert_eq!(doc.text.get(gold.start..gold.end), Some("March 01, 2008"));
    }
}
