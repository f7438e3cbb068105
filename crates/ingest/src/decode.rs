//! Bytes of a web page → text, whatever its encoding.
//!
//! The encoding is taken, in order, from
//! 1. a byte order mark,
//! 2. the `charset` the server sent (HTTP `Content-Type`, when known),
//! 3. a `<meta charset>` / `<meta http-equiv>` declaration in the first
//!    2 KB (a declared UTF-16 means UTF-8 there, as browsers do),
//! 4. UTF-8, when the bytes are valid UTF-8,
//! 5. `chardetng`'s guess (the detector Firefox uses for legacy pages).
//!
//! A declared encoding the bytes do not fit (decoding errors) falls through
//! to the guess. Bytes that look binary (NUL bytes in a page with no UTF-16
//! byte order mark) are refused.

use std::borrow::Cow;
use std::sync::LazyLock;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;

use crate::IngestError;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]{1,40})"#)
        .expect("valid regex")
});

/// Decodes a page. `declared` is a charset label from outside the page
/// (an HTTP header), if any.
pub(crate) fn decode_html<'a>(
    bytes: &'a [u8],
    declared: Option<&str>,
) -> Result<Cow<'a, str>, IngestError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        return non_empty(encoding.decode_without_bom_handling(body).0);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary { offset });
    }
    let declared = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    if let Some(encoding) = declared {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors {
            return non_empty(text);
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return non_empty(Cow::Borrowed(text));
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    non_empty(guess.decode_without_bom_handling(bytes).0)
}

fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..2048).unwrap_or(bytes);
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    // A page that can declare its charset in ASCII is not UTF-16.
    Some(
        if encoding.is_single_byte() || encoding.output_encoding() == encoding {
            encoding
        } else {
            UTF_8
        },
    )
}

fn non_empty(text: Cow<'_, str>) -> Result<Cow<'_, str>, IngestError> {
    if text.trim().is_empty() {
        Err(IngestError::Empty)
    } else {
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_borrowed() {
        let got = decode_html("<p>Zürich</p>".as_bytes(), None).expect("ok");
        assert!(matches!(got, Cow::Borrowed(_)));
        assert_eq!(got, "<p>Zürich</p>");
    }

    #[test]
    fn meta_charset_decides_legacy_pages() {
        let page = b"<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        assert!(decode_html(page, None).expect("ok").contains("Привет"));
        let latin = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>caf\xe9</p>";
        assert!(decode_html(latin, None).expect("ok").contains("café"));
    }

    #[test]
    fn http_charset_wins_over_meta_and_guessing_covers_the_rest() {
        let page = b"<meta charset=utf-8><p>caf\xe9</p>";
        assert!(decode_html(page, Some("latin1"))
            .expect("ok")
            .contains("café"));
        // Declared UTF-8 but not UTF-8: the detector's guess is used.
        let page = "<meta charset=utf-8><p>Ceci est une dépêche envoyée de la préfecture, où la sécurité était renforcée.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        assert!(decode_html(&bytes, None).expect("ok").contains("dépêche"));
    }

    #[test]
    fn bom_binary_and_empty() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<p>hi</p>".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_html(&utf16, None).expect("ok"), "<p>hi</p>");
        assert!(matches!(
            decode_html(b"GIF89a\0\0\x01", None),
            Err(IngestError::Binary { offset: 6 })
        ));
        assert!(matches!(
            decode_html(b"  \n ", None),
            Err(IngestError::Empty)
        ));
    }
}
