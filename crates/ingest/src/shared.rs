//! Small text and byte helpers the readers share.

/// The first line of `text` that is not blank once `tidy` has been applied
/// to it (`""` when there is none).
pub(crate) fn first_line_by<'t>(text: &'t str, tidy: impl Fn(&'t str) -> &'t str) -> &'t str {
    text.lines()
        .map(tidy)
        .find(|line| !line.is_empty())
        .unwrap_or_default()
}

/// The first non-blank line of `text`, trimmed: the title of a report that
/// names none.
pub(crate) fn first_line(text: &str) -> &str {
    first_line_by(text, str::trim)
}

/// `bytes` without a leading UTF-8 byte order mark.
pub(crate) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Where `needle` first occurs in `haystack`.
pub(crate) fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `text` with every run of whitespace (line breaks included) turned into
/// one space and none at either end.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_skips_blank_lines_and_trims() {
        assert_eq!(first_line("\n  \n  Bridge closed \nMore."), "Bridge closed");
        assert_eq!(first_line(" \n\t\n"), "");
        let heading = |l: &'static str| l.trim().trim_start_matches('#').trim();
        assert_eq!(
            first_line_by("#\n## Crisis deepens\n", heading),
            "Crisis deepens"
        );
    }

    #[test]
    fn byte_helpers() {
        assert_eq!(strip_bom(b"\xEF\xBB\xBFabc"), b"abc");
        assert_eq!(strip_bom(b"abc"), b"abc");
        assert_eq!(find_bytes(b"ab\r\n\r\ncd", b"\r\n\r\n"), Some(2));
        assert_eq!(find_bytes(b"abc", b"x"), None);
        assert_eq!(collapse_whitespace("  a \n\u{a0} b\t"), "a b");
    }
}
