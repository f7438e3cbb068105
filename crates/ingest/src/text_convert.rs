//! A small, linear HTML scanner: plain text from HTML fragments (feed item
//! bodies, HTML inside JSON records, pages too deeply nested for a DOM) and
//! a nesting-depth estimate.
//!
//! Text conversion rules:
//! * `<script>`, `<style>`, `<template>`, `<noscript>` and comments are dropped
//!   with their content;
//! * paragraph-like elements (`p`, headings, `blockquote`, `li`, `tr`, `div`,
//!   `section`, `article`, `figure`, `pre`, `table`, `ul`, `ol`) end a paragraph
//!   (blank line); `br` ends a line;
//! * other tags vanish, entities are decoded, runs of white space (no-break
//!   spaces too) collapse to one space.
//!
//! Every step moves forward through the input, so time is linear in its
//! length whatever the markup (unclosed tags, stray `<`, deep nesting).

use crate::shared::find_bytes;

const RAW_TEXT_ELEMENTS: &[&str] = &["script", "style", "template", "noscript", "textarea"];

const PARAGRAPH_ELEMENTS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "li",
    "tr",
    "div",
    "section",
    "article",
    "figure",
    "figcaption",
    "pre",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "header",
    "footer",
    "aside",
    "main",
    "hr",
];

/// Elements that never have content, and so never nest.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Elements whose end tag may be left out; a parser closes them itself, so
/// they do not deepen the tree the way an unclosed `<div>` does.
const OPTIONAL_END_ELEMENTS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

enum Piece<'a> {
    Text(&'a str),
    Start { name: String, self_closing: bool },
    End { name: String },
}

/// Splits HTML into text and tags, skipping comments and raw-text content.
struct Pieces<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let Some(lt) = self.rest.find('<') else {
                let text = self.rest;
                self.rest = "";
                return Some(Piece::Text(text));
            };
            if lt > 0 {
                let text = self.rest.get(..lt).unwrap_or_default();
                self.rest = self.rest.get(lt..).unwrap_or_default();
                return Some(Piece::Text(text));
            }
            if let Some(after) = self.rest.strip_prefix("<!--") {
                self.rest = after
                    .find("-->")
                    .and_then(|e| after.get(e + 3..))
                    .unwrap_or("");
                continue;
            }
            match self.tag() {
                Some(piece) => return Some(piece),
                None => {
                    // A '<' that opens no tag is text.
                    let text = self.rest.get(..1).unwrap_or_default();
                    self.rest = self.rest.get(1..).unwrap_or_default();
                    return Some(Piece::Text(text));
                }
            }
        }
    }
}

impl Pieces<'_> {
    /// Reads the tag at the start of `rest` (which begins with '<').
    fn tag(&mut self) -> Option<Piece<'static>> {
        let body = self.rest.get(1..)?;
        let (closing, body) = match body.strip_prefix('/') {
            Some(b) => (true, b),
            None => (false, body),
        };
        let name_len = body
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
            .count();
        let is_markup_decl = body.starts_with('!') || body.starts_with('?');
        if name_len == 0 && !is_markup_decl {
            return None;
        }
        let name = body.get(..name_len)?.to_ascii_lowercase();
        let gt = body.find('>');
        let self_closing = gt.is_some_and(|g| body.get(..g).is_some_and(|t| t.ends_with('/')));
        self.rest = gt.and_then(|g| body.get(g + 1..)).unwrap_or("");
        if is_markup_decl {
            return Some(Piece::Text(""));
        }
        if closing {
            return Some(Piece::End { name });
        }
        if RAW_TEXT_ELEMENTS.contains(&name.as_str()) && !self_closing {
            self.skip_past_end_tag(&name);
            return Some(Piece::Text(""));
        }
        Some(Piece::Start { name, self_closing })
    }

    fn skip_past_end_tag(&mut self, name: &str) {
        let bytes = self.rest.as_bytes();
        let mut at = 0;
        while let Some(found) = bytes.get(at..).and_then(|b| find_bytes(b, b"</")) {
            let start = at + found + 2;
            let candidate = bytes.get(start..start + name.len());
            if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
                let close = bytes
                    .get(start..)
                    .and_then(|b| b.iter().position(|&c| c == b'>'));
                self.rest = close
                    .and_then(|c| self.rest.get(start + c + 1..))
                    .unwrap_or("");
                return;
            }
            at = start;
        }
        self.rest = "";
    }
}

/// Plain text of an HTML fragment or page: paragraphs separated by a blank
/// line, lines trimmed, entities decoded.
pub(crate) fn html_to_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len() / 2);
    for piece in (Pieces { rest: html }) {
        match piece {
            Piece::Text(text) => push_collapsed(&mut raw, &html_escape::decode_html_entities(text)),
            Piece::Start { name, .. } | Piece::End { name } => {
                if name == "br" {
                    raw.push('\n');
                } else if PARAGRAPH_ELEMENTS.contains(&name.as_str()) {
                    raw.push_str("\n\n");
                }
            }
        }
    }
    tidy_lines(&raw)
}

/// Appends text with runs of whitespace collapsed to one space.
fn push_collapsed(out: &mut String, text: &str) {
    for ch in text.chars() {
        if ch.is_whitespace() {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(ch);
        }
    }
}

/// Trims lines and keeps at most one blank line between paragraphs.
pub(crate) fn tidy_lines(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank_pending = false;
    for line in raw.lines().map(str::trim) {
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if blank_pending {
            out.push('\n');
            blank_pending = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The deepest element nesting the markup asks for, counting only elements
/// that must be closed explicitly. Parsers slow down quadratically on deep
/// trees, so pages past a limit are converted with [`html_to_text`] instead.
pub(crate) fn nesting_depth(html: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for piece in (Pieces { rest: html }) {
        match piece {
            Piece::Start { name, self_closing } => {
                let nests = !self_closing
                    && !VOID_ELEMENTS.contains(&name.as_str())
                    && !OPTIONAL_END_ELEMENTS.contains(&name.as_str());
                if nests {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            Piece::End { name } if !OPTIONAL_END_ELEMENTS.contains(&name.as_str()) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lines_entities_and_dropped_content() {
        let html = "<div><h2>Harbour&nbsp;closed</h2><script>var x = '<p>';</script>\n<p>Ships   were <b>turned</b> away,<br>officials said.</p><!-- ad --><style>p{}</style><p>Fares rose &amp; fell.</p></div>";
        assert_eq!(
            html_to_text(html),
            "Harbour closed\n\nShips were turned away,\nofficials said.\n\nFares rose & fell.\n"
        );
    }

    #[test]
    fn broken_markup_is_text_not_a_failure() {
        assert_eq!(html_to_text("a < b and c > d"), "a < b and c > d\n");
        assert_eq!(html_to_text("<p>cut off <a href=\"x"), "cut off\n");
        assert_eq!(html_to_text("<script>never closed"), "");
        assert_eq!(html_to_text("<!-- never closed"), "");
        assert_eq!(html_to_text("<SCRIPT>x</Script>Kept"), "Kept\n");
    }

    #[test]
    fn depth_counts_only_elements_that_must_close() {
        assert_eq!(nesting_depth("<div><div><p><p><p><br><img></div></div>"), 2);
        assert_eq!(nesting_depth(&"<div>".repeat(5000)), 5000);
        assert_eq!(nesting_depth(&"<li>".repeat(5000)), 0);
        assert_eq!(nesting_depth("<span/><span></span>"), 1);
    }
}
