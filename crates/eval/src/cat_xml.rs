//! What the XML readers share (MEANTIME for names and for time, TimeML, and
//! ECB+'s CROMER files): attribute values, and the token list of a
//! MEANTIME document (`<token t_id sentence>text</token>`). Each reader
//! keeps its own markable handling.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The unescaped value of attribute `name`, `None` when it is missing.
pub(crate) fn attribute(element: &BytesStart, name: &str) -> Result<Option<String>, String> {
    match element.try_get_attribute(name) {
        Ok(Some(attr)) => attr
            .unescape_value()
            .map(|v| Some(v.into_owned()))
            .map_err(|e| e.to_string()),
        Ok(None) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// Like [`attribute`], but a missing attribute is an error.
pub(crate) fn required_attribute(element: &BytesStart, name: &str) -> Result<String, String> {
    attribute(element, name)?.ok_or_else(|| {
        format!(
            "<{}> has no {name} attribute",
            String::from_utf8_lossy(element.name().as_ref())
        )
    })
}

/// A MEANTIME token.
pub(crate) struct Token {
    pub(crate) id: String,
    pub(crate) sentence: u32,
    pub(crate) text: String,
}

/// The tokens of a MEANTIME document, in file order. A token without
/// `t_id` is an error; a missing or non-numeric `sentence` reads as
/// `u32::MAX`; an empty `<token>` is skipped.
pub(crate) fn read_tokens(xml: &str) -> Result<Vec<Token>, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut tokens = Vec::new();
    let mut open_token: Option<(String, u32)> = None;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) if e.name().as_ref() == b"token" => {
                let id = required_attribute(&e, "t_id")?;
                let sentence = attribute(&e, "sentence")?
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(u32::MAX);
                open_token = Some((id, sentence));
            }
            Event::Text(t) => {
                if let Some((id, sentence)) = open_token.take() {
                    let text = t.unescape().map_err(|e| e.to_string())?.into_owned();
                    tokens.push(Token { id, sentence, text });
                }
            }
            Event::End(e) if e.name().as_ref() == b"token" => open_token = None,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(tokens)
}
