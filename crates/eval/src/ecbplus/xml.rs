//! CROMER XML: `<token>` elements, then `<Markables>` (mentions anchored to
//! tokens, and instances without anchors), then `<Relations>`
//! (`CROSS_DOC_COREF` with the instance id in `note`, `INTRA_DOC_COREF`).

use std::collections::HashMap;

use corroborate_model::Span;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{Mention, MentionType, Token};

/// Why a CROMER XML text could not be parsed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParseError {
    #[error("invalid XML near byte {position}: {message}")]
    Xml { position: u64, message: String },
    #[error("<{element}> attribute {attribute}: {message}")]
    Attribute {
        element: String,
        attribute: &'static str,
        message: String,
    },
    #[error("<{element}> has no {attribute} attribute")]
    MissingAttribute {
        element: String,
        attribute: &'static str,
    },
    #[error("<{element}> {attribute}={value:?} is not a number")]
    NotANumber {
        element: String,
        attribute: &'static str,
        value: String,
    },
}

/// Tokens (spans not yet set) and mentions of a document.
pub(super) struct Parsed {
    pub(super) tokens: Vec<Token>,
    pub(super) mentions: Vec<Mention>,
}

/// A markable being read: its element, id and anchors.
struct OpenMarkable {
    tag: String,
    id: u32,
    tokens: Vec<u32>,
}

/// A coreference relation being read.
struct OpenRelation {
    /// `note` of a `CROSS_DOC_COREF`; `None` for `INTRA_DOC_COREF`.
    instance: Option<String>,
    sources: Vec<u32>,
    target: Option<u32>,
}

#[derive(Default)]
struct State {
    tokens: Vec<Token>,
    mentions: Vec<Mention>,
    open_token: Option<Token>,
    open_markable: Option<OpenMarkable>,
    open_relation: Option<OpenRelation>,
    relations: Vec<OpenRelation>,
}

pub(super) fn parse(xml: &str) -> Result<Parsed, ParseError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut state = State::default();
    loop {
        let event = reader.read_event().map_err(|e| ParseError::Xml {
            position: reader.buffer_position(),
            message: e.to_string(),
        })?;
        match event {
            Event::Start(element) => state.start(&element, false)?,
            Event::Empty(element) => state.start(&element, true)?,
            Event::End(element) => state.end(element.name().as_ref()),
            Event::Text(text) => {
                let unescaped = text.unescape().map_err(|e| ParseError::Xml {
                    position: reader.buffer_position(),
                    message: e.to_string(),
                })?;
                state.text(&unescaped);
            }
            Event::CData(data) => state.text(&String::from_utf8_lossy(&data)),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(state.finish())
}

impl State {
    fn start(&mut self, element: &BytesStart, empty: bool) -> Result<(), ParseError> {
        match element.name().as_ref() {
            b"token" => {
                let token = read_token(element)?;
                if empty {
                    self.tokens.push(token);
                } else {
                    self.open_token = Some(token);
                }
            }
            b"token_anchor" => {
                let id = number(element, "t_id")?;
                if let Some(markable) = self.open_markable.as_mut() {
                    markable.tokens.push(id);
                }
            }
            b"CROSS_DOC_COREF" | b"INTRA_DOC_COREF" => {
                let cross = element.name().as_ref() == b"CROSS_DOC_COREF";
                let relation = OpenRelation {
                    instance: if cross {
                        attribute(element, "note")?
                    } else {
                        None
                    },
                    sources: Vec::new(),
                    target: None,
                };
                self.open_relation = (!empty).then_some(relation);
            }
            b"source" => {
                let id = number(element, "m_id")?;
                if let Some(relation) = self.open_relation.as_mut() {
                    relation.sources.push(id);
                }
            }
            b"target" => {
                let id = number(element, "m_id")?;
                if let Some(relation) = self.open_relation.as_mut() {
                    relation.target = Some(id);
                }
            }
            name => {
                // A markable: anchored mentions are open elements; instances
                // (no anchors) are empty elements and are not mentions.
                let tag = String::from_utf8_lossy(name).into_owned();
                if !empty && MentionType::from_tag(&tag).is_some() {
                    let id = number(element, "m_id")?;
                    self.open_markable = Some(OpenMarkable {
                        tag,
                        id,
                        tokens: Vec::new(),
                    });
                }
            }
        }
        Ok(())
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"token" => {
                if let Some(token) = self.open_token.take() {
                    self.tokens.push(token);
                }
            }
            b"CROSS_DOC_COREF" | b"INTRA_DOC_COREF" => {
                if let Some(relation) = self.open_relation.take() {
                    self.relations.push(relation);
                }
            }
            _ => self.close_markable(name),
        }
    }

    fn close_markable(&mut self, name: &[u8]) {
        let Some(markable) = self.open_markable.take_if(|m| m.tag.as_bytes() == name) else {
            return;
        };
        let Some(kind) = MentionType::from_tag(&markable.tag) else {
            return;
        };
        if !markable.tokens.is_empty() {
            self.mentions.push(Mention {
                id: markable.id,
                kind,
                tag: markable.tag,
                tokens: markable.tokens,
                instance: None,
                chain: None,
            });
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(token) = self.open_token.as_mut() {
            token.text.push_str(text);
        }
    }

    /// Gives each mention its instance id and intra-document chain.
    fn finish(mut self) -> Parsed {
        let index: HashMap<u32, usize> = self
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id, i))
            .collect();
        for relation in &self.relations {
            for source in &relation.sources {
                let Some(mention) = index.get(source).and_then(|&i| self.mentions.get_mut(i))
                else {
                    continue;
                };
                match &relation.instance {
                    Some(instance) => mention.instance = Some(instance.clone()),
                    None => mention.chain = relation.target,
                }
            }
        }
        Parsed {
            tokens: self.tokens,
            mentions: self.mentions,
        }
    }
}

fn read_token(element: &BytesStart) -> Result<Token, ParseError> {
    Ok(Token {
        id: number(element, "t_id")?,
        sentence: number(element, "sentence")?,
        number: number(element, "number")?,
        text: String::new(),
        span: Span::new(0, 0),
    })
}

fn element_name(element: &BytesStart) -> String {
    String::from_utf8_lossy(element.name().as_ref()).into_owned()
}

fn attribute(element: &BytesStart, name: &'static str) -> Result<Option<String>, ParseError> {
    crate::cat_xml::attribute(element, name).map_err(|message| ParseError::Attribute {
        element: element_name(element),
        attribute: name,
        message,
    })
}

fn number(element: &BytesStart, name: &'static str) -> Result<u32, ParseError> {
    let value = attribute(element, name)?.ok_or_else(|| ParseError::MissingAttribute {
        element: element_name(element),
        attribute: name,
    })?;
    value.trim().parse().map_err(|_| ParseError::NotANumber {
        element: element_name(element),
        attribute: name,
        value,
    })
}
