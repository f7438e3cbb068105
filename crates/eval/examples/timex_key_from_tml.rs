//! Turns annotators' inline TimeML files into lines of the ECB+ TIMEX3 key
//! (`gold/ecbplus-timex.jsonl`): each `.tml` file holds the text that
//! `ecb_topic_text` wrote for one ECB+ document, with TIMEX3 tags inserted
//! and a DCT. Tags become `t_id` ranges: the tokens a tag's characters
//! overlap. The text without tags must equal the document's text, so a
//! key is never built from a text it does not describe.
//!
//! ```text
//! cargo run -p corroborate-eval --release --example timex_key_from_tml -- ECB_ROOT TML...
//! ```

use std::path::Path;
use std::process::ExitCode;

use corroborate_eval::ecbplus::{read_document, Split};
use serde::Serialize;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, files @ ..] = args.as_slice() else {
        eprintln!("usage: timex_key_from_tml ECB_ROOT TML...");
        return ExitCode::from(2);
    };
    for file in files {
        match key_line(Path::new(root), Path::new(file)) {
            Ok(line) => println!("{line}"),
            Err(message) => {
                eprintln!("{file}: {message}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// A tag found in the annotated text: its character span in the plain
/// text and its attributes.
struct Tag {
    start: usize,
    end: usize,
    timex_type: String,
    value: String,
}

fn key_line(root: &Path, file: &Path) -> Result<String, String> {
    let xml = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or("no file name")?;
    let (topic, _) = stem.split_once('_').ok_or("name is not TOPIC_Necb…")?;
    let doc = format!("{topic}/{stem}.xml");
    let document = read_document(&root.join(&doc)).map_err(|e| e.to_string())?;
    let number: u32 = topic.parse().map_err(|_| "topic is not a number")?;
    let split = Split::of_topic(number).ok_or("topic in no split")?;
    let dct = attribute(between(&xml, "<DCT>", "</DCT>")?, "value")?;
    let body = between(&xml, "<TEXT>", "</TEXT>")?;
    let body = body.strip_prefix('\n').unwrap_or(body);
    let (plain, tags) = strip_tags(body)?;
    if plain.trim_end() != document.text.trim_end() {
        return Err("the text without tags differs from the document's text".into());
    }
    let mut timexes = Vec::new();
    for tag in &tags {
        let covered: Vec<u32> = document
            .tokens
            .iter()
            .filter(|t| t.span.start < tag.end && tag.start < t.span.end)
            .map(|t| t.id)
            .collect();
        let (Some(first), Some(last)) = (covered.first(), covered.last()) else {
            return Err(format!("tag at {} covers no token", tag.start));
        };
        timexes.push(KeyTimex {
            tokens: [*first, *last],
            timex_type: &tag.timex_type,
            value: &tag.value,
        });
    }
    let line = KeyLine {
        doc: &doc,
        split: split.as_str(),
        dct: &dct,
        timexes,
    };
    serde_json::to_string(&line).map_err(|e| e.to_string())
}

/// A line of the key, fields in the order the key's README shows them.
#[derive(Serialize)]
struct KeyLine<'a> {
    doc: &'a str,
    split: &'a str,
    dct: &'a str,
    timexes: Vec<KeyTimex<'a>>,
}

#[derive(Serialize)]
struct KeyTimex<'a> {
    tokens: [u32; 2],
    #[serde(rename = "type")]
    timex_type: &'a str,
    value: &'a str,
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Result<&'a str, String> {
    let start = text.find(open).ok_or(format!("no {open}"))? + open.len();
    let end = text[start..].find(close).ok_or(format!("no {close}"))? + start;
    Ok(&text[start..end])
}

fn attribute(tag: &str, name: &str) -> Result<String, String> {
    let marker = format!("{name}=\"");
    let start = tag.find(&marker).ok_or(format!("no {name}"))? + marker.len();
    let end = tag[start..].find('"').ok_or("unclosed attribute")? + start;
    Ok(unescape(&tag[start..end]))
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The plain text (byte offsets as in the document) and the TIMEX3 tags.
fn strip_tags(body: &str) -> Result<(String, Vec<Tag>), String> {
    let mut plain = String::with_capacity(body.len());
    let mut tags = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find("<TIMEX3") {
        plain.push_str(&unescape(&rest[..open]));
        let tag_end = rest[open..].find('>').ok_or("unclosed TIMEX3")? + open;
        let opening = &rest[open..=tag_end];
        let close = rest[tag_end..].find("</TIMEX3>").ok_or("no </TIMEX3>")? + tag_end;
        let start = plain.len();
        plain.push_str(&unescape(&rest[tag_end + 1..close]));
        tags.push(Tag {
            start,
            end: plain.len(),
            timex_type: attribute(opening, "type")?,
            value: attribute(opening, "value")?,
        });
        rest = &rest[close + "</TIMEX3>".len()..];
    }
    plain.push_str(&unescape(rest));
    Ok((plain, tags))
}
