//! Marks quoted spans in a report's full text with `<mark>` elements.
//!
//! Every quoted byte range `[start, end)` becomes a `<mark id="q-R-S-E">`
//! the quote links point to. Marks must nest, but quotes can cross
//! (`[0, 10)` and `[5, 15)`), so the text is walked boundary by boundary
//! with a stack of open marks: when a mark ends while marks opened after it
//! are still open, those are closed with it and reopened right after as
//! continuation pieces (`class="q q-cont"`, `data-q` naming their quote),
//! which keeps the HTML well formed. Spans that do not fall on character
//! boundaries of the text are skipped. Marks open in one place and close in
//! another, which a `maud` tree cannot express, so the tags are written
//! here; they hold only anchor tokens (see [`anchor_token`]), and the text
//! between them is escaped by `maud`.

use maud::{Markup, PreEscaped, Render};

use crate::anchors::anchor_token;

/// The anchor id of a quote: `q-<report>-<start>-<end>`.
pub(crate) fn quote_anchor(report_id: &str, start: usize, end: usize) -> String {
    format!("q-{}-{start}-{end}", anchor_token(report_id))
}

/// True when `[start, end)` is a non-empty range of whole characters of `text`.
pub(crate) fn is_markable(text: &str, start: usize, end: usize) -> bool {
    start < end && text.get(start..end).is_some()
}

/// `text` escaped for HTML, each markable span of `spans` wrapped in marks.
pub(crate) fn marked_text(report_id: &str, text: &str, spans: &[(usize, usize)]) -> Markup {
    let mut spans: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(start, end)| is_markable(text, start, end))
        .collect();
    // Outer spans (earlier start, then later end) open first.
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    spans.dedup();
    let mut boundaries: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    boundaries.sort_unstable();
    boundaries.dedup();

    let mut out = String::with_capacity(text.len() + spans.len() * 64);
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut next_span = 0;
    let mut written = 0;
    for &at in &boundaries {
        text.get(written..at)
            .unwrap_or_default()
            .render_to(&mut out);
        written = at;
        close_marks_ending_at(&mut out, &mut open, at, report_id);
        while let Some(&span) = spans.get(next_span).filter(|span| span.0 == at) {
            push_open_tag(&mut out, report_id, span, false);
            open.push(span);
            next_span += 1;
        }
    }
    text.get(written..).unwrap_or_default().render_to(&mut out);
    PreEscaped(out)
}

/// Closes every open mark ending at `at`, reopening as continuations the
/// marks that were opened after one of them but go on.
fn close_marks_ending_at(
    out: &mut String,
    open: &mut Vec<(usize, usize)>,
    at: usize,
    report_id: &str,
) {
    let Some(lowest) = open.iter().position(|&(_, end)| end == at) else {
        return;
    };
    let closed: Vec<(usize, usize)> = open.drain(lowest..).collect();
    for _ in &closed {
        out.push_str("</mark>");
    }
    for span in closed.into_iter().filter(|&(_, end)| end != at) {
        push_open_tag(out, report_id, span, true);
        open.push(span);
    }
}

fn push_open_tag(out: &mut String, report_id: &str, span: (usize, usize), continuation: bool) {
    let anchor = quote_anchor(report_id, span.0, span.1);
    if continuation {
        out.push_str(&format!(r#"<mark class="q q-cont" data-q="{anchor}">"#));
    } else {
        out.push_str(&format!(r#"<mark class="q" id="{anchor}">"#));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked_text_string(report_id: &str, text: &str, spans: &[(usize, usize)]) -> String {
        marked_text(report_id, text, spans).into_string()
    }

    /// The text with every tag removed (entities left escaped).
    fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for ch in html.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => out.push(ch),
                _ => {}
            }
        }
        out
    }

    /// Fails unless every `</mark>` closes an open `<mark`.
    fn assert_balanced(html: &str) {
        let mut depth = 0i32;
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            rest = &rest[at..];
            if rest.starts_with("</mark>") {
                depth -= 1;
                assert!(depth >= 0, "closing an unopened mark in {html}");
            } else if rest.starts_with("<mark") {
                depth += 1;
            }
            rest = &rest[1..];
        }
        assert_eq!(depth, 0, "unclosed marks in {html}");
    }

    #[test]
    fn nested_spans_nest() {
        let html = marked_text_string("r", "abcdef", &[(0, 6), (2, 4)]);
        assert_eq!(
            html,
            r#"<mark class="q" id="q-r-0-6">ab<mark class="q" id="q-r-2-4">cd</mark>ef</mark>"#
        );
    }

    #[test]
    fn crossing_spans_split_into_continuations() {
        let html = marked_text_string("r", "0123456789", &[(0, 6), (3, 9)]);
        assert_eq!(
            html,
            concat!(
                r#"<mark class="q" id="q-r-0-6">012<mark class="q" id="q-r-3-9">345</mark></mark>"#,
                r#"<mark class="q q-cont" data-q="q-r-3-9">678</mark>9"#
            )
        );
        assert_balanced(&html);
    }

    #[test]
    fn many_overlaps_stay_well_formed_and_keep_the_text() {
        let text = "Zoë said <b> & \"more\" — in Velmora, on Monday.";
        let spans: Vec<(usize, usize)> = (0..text.len())
            .step_by(3)
            .flat_map(|start| {
                [
                    (start, start + 7),
                    (start, start + 20),
                    (start + 1, start + 4),
                ]
            })
            .collect();
        let html = marked_text_string("rep 1", text, &spans);
        assert_balanced(&html);
        assert_eq!(strip_tags(&html), maud::html! { (text) }.into_string());
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn spans_off_character_boundaries_or_empty_are_skipped() {
        let text = "Zoë";
        // Byte 3 is inside "ë"; (1, 1) is empty; (0, 99) is past the end.
        let html = marked_text_string("r", text, &[(0, 3), (1, 1), (0, 99), (0, 2)]);
        assert_eq!(html, r#"<mark class="q" id="q-r-0-2">Zo</mark>ë"#);
    }

    #[test]
    fn duplicate_spans_get_one_mark() {
        let html = marked_text_string("r", "abc", &[(0, 2), (0, 2)]);
        assert_eq!(html.matches("<mark").count(), 1);
    }
}
