//! HTML escaping for text and attribute values.

use std::fmt::Write as _;

/// Escapes `&`, `<`, `>`, `"` and `'` so that `text` is safe both as element
/// content and inside a quoted attribute value.
pub fn escape_html(text: &str) -> String {
    Esc(text).to_string()
}

/// Appends the escaped form of `text` to `out` without an intermediate string.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{}", Esc(text));
}

/// Display adapter escaping its text on the fly: `format!("<td>{}</td>", Esc(name))`.
pub(crate) struct Esc<'a>(pub &'a str);

impl std::fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut plain_from = 0;
        for (at, byte) in self.0.bytes().enumerate() {
            let replacement = match byte {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            // `at` is an ASCII byte, so both cuts lie on character boundaries.
            f.write_str(self.0.get(plain_from..at).unwrap_or_default())?;
            f.write_str(replacement)?;
            plain_from = at + 1;
        }
        f.write_str(self.0.get(plain_from..).unwrap_or_default())
    }
}

/// Turns any id into a token usable as an HTML id and URL fragment.
///
/// ASCII letters, digits, `-` and `.` are kept; every other byte becomes
/// `_` followed by two hex digits, so distinct ids stay distinct
/// (`"a b"` → `a_20b`, `"a_b"` → `a_5fb`).
pub(crate) fn anchor_token(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'.' {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("_{byte:02x}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_ampersands_and_quotes() {
        assert_eq!(
            escape_html(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn keeps_multibyte_text_and_already_escaped_entities_distinct() {
        assert_eq!(escape_html("Zoë — café"), "Zoë — café");
        assert_eq!(escape_html("&amp;"), "&amp;amp;");
        assert_eq!(escape_html(""), "");
    }

    #[test]
    fn display_adapter_matches_escape_html() {
        let raw = r#"<a href="x">Tom & 'Jerry'</a> ë"#;
        assert_eq!(Esc(raw).to_string(), escape_html(raw));
    }

    #[test]
    fn anchor_tokens_are_safe_and_injective() {
        assert_eq!(anchor_token("000_abc"), "000_5fabc");
        assert_eq!(anchor_token("a b"), "a_20b");
        assert_ne!(anchor_token("a b"), anchor_token("a_b"));
        assert_eq!(anchor_token("é"), "_c3_a9");
        assert!(anchor_token("x\"<y>")
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.'));
    }
}
