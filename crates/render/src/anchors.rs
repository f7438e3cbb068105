//! Anchor ids for HTML elements and URL fragments.

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
