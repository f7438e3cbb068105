//! MEANTIME (NewsReader) entity mentions as a names-only NER test.
//!
//! MEANTIME annotates an article's title and first sentences. Scored here:
//! the entity mentions whose syntactic type is `NAM` (proper names) and
//! whose entity (through `REFERS_TO`) is a person, an organization or a
//! place; products, financial entities and mixed entities are not
//! scored. Only the annotated sentences count: every sentence up to the
//! last one holding a markable. MEANTIME extends a name mention over its
//! noun phrase and marks the names inside it too; the innermost names are
//! scored, in the names-only form of the training corpora (see
//! `scored_names`).
//!
//! [`meantime_conll`] writes the result as IOB2 CoNLL (PER, ORG, LOC), so
//! that the same file scores corroborate (`eval ner`) and spaCy
//! (`bench/spacy/score.py`) in exactly the same way.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::corpus::{files_under, name_part, read_file};
use super::NerEvalError;
use crate::cat_xml::{attribute, read_tokens, required_attribute, Token};

/// The MEANTIME documents under `path` (a `.xml` file, or a folder searched
/// for them at any depth) as IOB2 CoNLL text; empty when there are none.
pub fn meantime_conll(path: &Path) -> Result<String, NerEvalError> {
    let mut out = String::new();
    for file in files_under(path, &|p| p.extension().is_some_and(|e| e == "xml"))? {
        let document = parse(&read_file(&file)?).map_err(|message| NerEvalError::Format {
            path: file.clone(),
            message,
        })?;
        write_document(&document, &mut out);
    }
    Ok(out)
}

#[derive(Default)]
struct Document {
    tokens: Vec<Token>,
    /// Entity mentions: id → (syntactic type, token ids).
    mentions: BTreeMap<String, (String, Vec<String>)>,
    /// Entities: id → type (PER, ORG, LOC, PRO, FIN, MIX).
    entity_types: HashMap<String, String>,
    /// Mention id → entity id.
    refers_to: HashMap<String, String>,
    /// Token ids inside any markable (entities, events, times).
    marked_tokens: Vec<String>,
}

/// The markable being read and where its token anchors go.
enum Open {
    None,
    EntityMention(String),
    OtherMarkable,
    RefersTo(Vec<String>),
}

/// Reads a document. An `ENTITY_MENTION`, `ENTITY`, `source`, `target`,
/// `token` or `token_anchor` without its `m_id` / `t_id` is a format error
/// (the message names the element); a missing `syntactic_type` or
/// `ent_type` reads as empty (the mention is then not scored).
fn parse(xml: &str) -> Result<Document, String> {
    let mut document = Document {
        tokens: read_tokens(xml)?,
        ..Document::default()
    };
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut open = Open::None;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => match e.name().as_ref() {
                b"ENTITY_MENTION" => {
                    let id = required_attribute(&e, "m_id")?;
                    let syntactic_type = attribute(&e, "syntactic_type")?.unwrap_or_default();
                    document
                        .mentions
                        .insert(id.clone(), (syntactic_type, Vec::new()));
                    open = Open::EntityMention(id);
                }
                b"EVENT_MENTION" | b"TIMEX3" | b"VALUE" | b"SIGNAL" | b"C-SIGNAL" => {
                    open = Open::OtherMarkable;
                }
                b"REFERS_TO" => open = Open::RefersTo(Vec::new()),
                _ => {}
            },
            Event::Empty(e) => read_empty(&e, &mut open, &mut document)?,
            Event::End(e) => match e.name().as_ref() {
                b"ENTITY_MENTION" | b"EVENT_MENTION" | b"TIMEX3" | b"VALUE" | b"SIGNAL"
                | b"C-SIGNAL" | b"REFERS_TO" => open = Open::None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(document)
}

fn read_empty(e: &BytesStart, open: &mut Open, document: &mut Document) -> Result<(), String> {
    match e.name().as_ref() {
        b"token_anchor" => {
            let id = required_attribute(e, "t_id")?;
            if let Open::EntityMention(mention) = open {
                if let Some((_, tokens)) = document.mentions.get_mut(mention) {
                    tokens.push(id.clone());
                }
            }
            if !matches!(open, Open::None | Open::RefersTo(_)) {
                document.marked_tokens.push(id);
            }
        }
        b"ENTITY" => {
            let id = required_attribute(e, "m_id")?;
            let entity_type = attribute(e, "ent_type")?.unwrap_or_default();
            document.entity_types.insert(id, entity_type);
        }
        b"source" => {
            if let Open::RefersTo(sources) = open {
                sources.push(required_attribute(e, "m_id")?);
            }
        }
        b"target" => {
            if let Open::RefersTo(sources) = open {
                let target = required_attribute(e, "m_id")?;
                for source in sources.drain(..) {
                    document.refers_to.insert(source, target.clone());
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// CoNLL label of a MEANTIME entity type, for the scored types.
fn label_of(entity_type: &str) -> Option<&'static str> {
    match entity_type {
        "PER" => Some("PER"),
        "ORG" => Some("ORG"),
        "LOC" => Some("LOC"),
        _ => None,
    }
}

/// Scored names as (first token index, end index exclusive, label),
/// without overlaps.
///
/// MEANTIME marks a name both inside the noun phrase around it and on its
/// own ("JSA Research defence analyst Paul Nesbit" and "Paul Nesbit");
/// a names-only test scores the names, so a mention that contains
/// another scored name is not scored itself. A name mention that refers
/// to no entity takes the type of the smallest scored name mention
/// around it ("the United States Air Force" inside "the United States Air
/// Force (USAF)"). Each name then goes through the names-only
/// normalization of the training corpora (no determiners, lower-case
/// modifiers or a person's titles); where names still overlap, the
/// longer is kept.
fn scored_names(
    document: &Document,
    index_of: &HashMap<&str, usize>,
) -> Vec<(usize, usize, &'static str)> {
    let spans = name_mention_spans(document, index_of);
    let typed: Vec<(usize, usize, &'static str)> = spans
        .iter()
        .filter_map(|&(start, end, label)| {
            let label = label.or_else(|| {
                spans
                    .iter()
                    .filter(|&&(s, e, l)| {
                        l.is_some() && s <= start && end <= e && e - s > end - start
                    })
                    .min_by_key(|&&(s, e, _)| e - s)
                    .and_then(|&(_, _, l)| l)
            })?;
            Some((start, end, label))
        })
        .collect();
    let sentence_starts: HashSet<usize> = document
        .tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| *i == 0 || document.tokens[i - 1].sentence != t.sentence)
        .map(|(i, _)| i)
        .collect();
    let words: Vec<String> = document.tokens.iter().map(|t| t.text.clone()).collect();
    let mut names: Vec<(usize, usize, &'static str)> = typed
        .iter()
        .filter(|&&(start, end, _)| {
            !typed
                .iter()
                .any(|&(s, e, _)| start <= s && e <= end && e - s < end - start)
        })
        .filter_map(|&(start, end, label)| {
            let kind = super::conll::kind_of_label(label)?;
            let (start, end) = name_part(&words, &sentence_starts, start, end, kind)?;
            Some((start, end, label))
        })
        .collect();
    names.sort_by_key(|&(start, end, _)| (std::cmp::Reverse(end - start), start));
    let mut kept: Vec<(usize, usize, &'static str)> = Vec::new();
    for name in names {
        if kept.iter().all(|k| name.1 <= k.0 || name.0 >= k.1) {
            kept.push(name);
        }
    }
    kept.sort();
    kept
}

/// Contiguous name (`NAM`) mentions as (first token, end exclusive, label
/// of a scored entity type when the mention refers to one).
fn name_mention_spans(
    document: &Document,
    index_of: &HashMap<&str, usize>,
) -> Vec<(usize, usize, Option<&'static str>)> {
    document
        .mentions
        .iter()
        .filter(|(_, (syntactic_type, _))| syntactic_type == "NAM")
        .filter_map(|(id, (_, tokens))| {
            let entity_type = document
                .refers_to
                .get(id)
                .and_then(|entity| document.entity_types.get(entity));
            let label = match entity_type {
                Some(entity_type) => Some(label_of(entity_type)?),
                None => None,
            };
            let indexes: Vec<usize> = tokens
                .iter()
                .filter_map(|t| index_of.get(t.as_str()).copied())
                .collect();
            let first = *indexes.iter().min()?;
            let last = *indexes.iter().max()?;
            // A discontinuous mention has no single span to match.
            (indexes.len() == last - first + 1).then_some((first, last + 1, label))
        })
        .collect()
}

fn write_document(document: &Document, out: &mut String) {
    let index_of: HashMap<&str, usize> = document
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let Some(last_annotated) = document
        .marked_tokens
        .iter()
        .filter_map(|t| index_of.get(t.as_str()))
        .map(|&i| document.tokens[i].sentence)
        .max()
    else {
        return;
    };
    let mut labels = vec!["O".to_string(); document.tokens.len()];
    for (start, end, label) in scored_names(document, &index_of) {
        for (offset, slot) in labels[start..end].iter_mut().enumerate() {
            let prefix = if offset == 0 { "B" } else { "I" };
            *slot = format!("{prefix}-{label}");
        }
    }
    out.push_str("-DOCSTART-\tO\n\n");
    let mut sentence = None;
    for (token, label) in document.tokens.iter().zip(&labels) {
        if token.sentence > last_annotated {
            break;
        }
        if sentence.is_some_and(|s| s != token.sentence) {
            out.push('\n');
        }
        sentence = Some(token.sentence);
        out.push_str(&token.text);
        out.push('\t');
        out.push_str(label);
        out.push('\n');
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" ?><Document doc_id="1">
<token number="0" sentence="0" t_id="1">Acme</token>
<token number="1" sentence="0" t_id="2">Corp</token>
<token number="2" sentence="0" t_id="3">buys</token>
<token number="3" sentence="0" t_id="4">Zed</token>
<token number="4" sentence="1" t_id="5">Ann</token>
<token number="5" sentence="1" t_id="6">Lee</token>
<token number="6" sentence="1" t_id="7">said</token>
<token number="7" sentence="2" t_id="8">Unannotated</token>
<Markables>
<ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="11" syntactic_type="NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="12" syntactic_type="NAM"><token_anchor t_id="5"/><token_anchor t_id="6"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="13" syntactic_type="NOM"><token_anchor t_id="1"/></ENTITY_MENTION>
<EVENT_MENTION m_id="14"><token_anchor t_id="7"/></EVENT_MENTION>
<ENTITY m_id="20" ent_type="ORG"/>
<ENTITY m_id="21" ent_type="PRO"/>
<ENTITY m_id="22" ent_type="PER"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="10"/><source m_id="13"/><target m_id="20"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="11"/><target m_id="21"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="12"/><target m_id="22"/></REFERS_TO>
</Relations>
</Document>"#;

    #[test]
    fn names_of_scored_types_become_iob2_in_annotated_sentences_only() {
        let document = parse(SAMPLE).expect("sample parses");
        let mut out = String::new();
        write_document(&document, &mut out);
        assert_eq!(
            out,
            "-DOCSTART-\tO\n\nAcme\tB-ORG\nCorp\tI-ORG\nbuys\tO\nZed\tO\n\nAnn\tB-PER\nLee\tI-PER\nsaid\tO\n\n"
        );
    }

    /// "Zorvex chief Ann Lee" (a person) holds the names "Zorvex" and "Ann
    /// Lee"; "the Air Force" refers to nothing but lies inside "the Air
    /// Force (AF)", an organization; only the innermost names are scored,
    /// without their article.
    #[test]
    fn innermost_names_are_scored_without_articles() {
        let xml = r#"<Document doc_id="2">
<token sentence="0" t_id="1">Zorvex</token><token sentence="0" t_id="2">chief</token>
<token sentence="0" t_id="3">Ann</token><token sentence="0" t_id="4">Lee</token>
<token sentence="0" t_id="5">met</token><token sentence="0" t_id="6">the</token>
<token sentence="0" t_id="7">Air</token><token sentence="0" t_id="8">Force</token>
<token sentence="0" t_id="9">(</token><token sentence="0" t_id="10">AF</token>
<token sentence="0" t_id="11">)</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/><token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NAM"><token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="NAM"><token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/><token_anchor t_id="9"/><token_anchor t_id="10"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5" syntactic_type="NAM"><token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="6" syntactic_type="NAM"><token_anchor t_id="10"/></ENTITY_MENTION>
<ENTITY m_id="20" ent_type="PER"/><ENTITY m_id="21" ent_type="ORG"/><ENTITY m_id="22" ent_type="ORG"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="3"/><target m_id="20"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="21"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="4"/><source m_id="6"/><target m_id="22"/></REFERS_TO>
</Relations>
</Document>"#;
        let document = parse(xml).expect("sample parses");
        let mut out = String::new();
        write_document(&document, &mut out);
        let labels: Vec<&str> = out
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .map(|(_, label)| label)
            .collect();
        assert_eq!(
            labels,
            ["O", "B-ORG", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "O"]
        );
    }

    #[test]
    fn a_markable_without_its_id_is_a_format_error() {
        let xml = SAMPLE.replace(r#"<ENTITY_MENTION m_id="11" "#, "<ENTITY_MENTION ");
        let error = parse(&xml).err().expect("missing m_id is an error");
        assert!(error.contains("m_id"), "{error}");
    }

    /// A single `.xml` file is read as MEANTIME only, not also as CoNLL.
    #[test]
    fn a_file_scores_like_the_folder_holding_it() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let file = dir.path().join("sample.xml");
        std::fs::write(&file, SAMPLE).expect("sample written");
        let of_file = crate::ner::eval_conll(&file).expect("the file scores");
        let of_folder = crate::ner::eval_conll(dir.path()).expect("the folder scores");
        assert_eq!(of_file.documents, 1);
        assert_eq!(of_file.documents, of_folder.documents);
        assert_eq!(of_file.tokens, of_folder.tokens);
    }
}
