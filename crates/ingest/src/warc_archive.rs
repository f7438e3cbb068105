//! WARC archives (`.warc`, `.warc.gz`), read as a stream with the `warc`
//! crate: every `response` record holding a successful HTML page (and every
//! `resource` record of type `text/html`) becomes a report through
//! [`report_from_html`], with the record's `WARC-Target-URI` as its URL and
//! the HTTP `charset` as the declared encoding.
//!
//! Memory stays bounded: records are read one at a time; a record's body is
//! read only after its HTTP header says it is HTML, and only up to the size
//! cap (larger pages are reported and skipped); a WARC header may not grow
//! past [`MAX_WARC_HEADER_BYTES`]. The HTTP status line and headers are
//! parsed by `httparse` (leniently, as archived servers wrote them; an
//! `HTTP/2` status line is read like HTTP/1.1), chunked transfer encoding
//! is undone with `httparse::parse_chunk_size`, gzip or deflate content
//! encoding with `flate2` (bounded by the same cap).
//!
//! Damage is contained: a record with a corrupt header is reported and the
//! reader moves on to the next line starting with `WARC/`; a record missing
//! required headers is reported and skipped; an archive cut off (or a
//! truncated gzip stream) keeps every record read before the cut.
//! Non-HTML and unsuccessful (non-2xx) responses are passed over silently:
//! they are not reports.

use std::fmt;
use std::io::{self, BufRead, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use flate2::bufread::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use warc::{Error as WarcError, RecordType, StreamingBody, WarcHeader};

use crate::shared::find_bytes;
use crate::{
    report_from_html, IngestError, IngestOptions, ReadOutcome, RecordProblem, ReportReader,
};

/// Longest WARC header block accepted (bytes).
pub(crate) const MAX_WARC_HEADER_BYTES: u64 = 1024 * 1024;
/// How much of a response is read to find the end of its HTTP header.
const HTTP_HEADER_PEEK: u64 = 64 * 1024;

/// Reads `.warc` and `.warc.gz` archives.
pub struct WarcArchiveReader;

impl ReportReader for WarcArchiveReader {
    fn accepts(&self, path: &Path) -> bool {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let lower = name.to_ascii_lowercase();
        lower.ends_with(".warc") || lower.ends_with(".warc.gz")
    }

    fn read(&self, source: &str, bytes: &[u8]) -> Result<ReadOutcome, IngestError> {
        self.read_stream(source, &mut &*bytes, &IngestOptions::default())
    }

    fn read_stream(
        &self,
        source: &str,
        input: &mut dyn BufRead,
        options: &IngestOptions,
    ) -> Result<ReadOutcome, IngestError> {
        let head = input.fill_buf()?;
        if head.is_empty() {
            return Err(IngestError::Empty);
        }
        if head.starts_with(&[0x1f, 0x8b]) {
            let unzipped = io::BufReader::with_capacity(64 * 1024, MultiGzDecoder::new(input));
            read_records(source, unzipped, options.max_report_bytes)
        } else {
            read_records(source, input, options.max_report_bytes)
        }
    }
}

/// The error a [`Guarded`] reader raises for an overlong WARC header.
#[derive(Debug)]
struct HeaderTooLong;

impl fmt::Display for HeaderTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WARC header longer than {MAX_WARC_HEADER_BYTES} bytes")
    }
}

impl std::error::Error for HeaderTooLong {}

/// Wraps the archive stream: limits header reads (the `warc` crate reads a
/// header line by line through `BufRead` with no bound; body reads go
/// through `Read` and reset the count), makes header lines valid UTF-8,
/// and lets a line read while looking for the next record be put back.
struct Guarded<R> {
    inner: R,
    pushed_back: Vec<u8>,
    pushed_at: usize,
    header_bytes: u64,
}

impl<R: BufRead> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.header_bytes = 0;
        let pending = self.pushed_back.get(self.pushed_at..).unwrap_or_default();
        if pending.is_empty() {
            return self.inner.read(buf);
        }
        let n = pending.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), pending.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.pushed_at += n;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Guarded<R> {
    /// Header reads: one line at a time, with invalid UTF-8 replaced (the
    /// `warc` crate panics when asked for a non-UTF-8 header value).
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.header_bytes > MAX_WARC_HEADER_BYTES {
            return Err(io::Error::new(io::ErrorKind::InvalidData, HeaderTooLong));
        }
        if self.pushed_at >= self.pushed_back.len() {
            let chunk = self.inner.fill_buf()?;
            let line_len = chunk
                .iter()
                .position(|&b| b == b'\n')
                .map_or(chunk.len(), |at| at + 1);
            let line = chunk.get(..line_len).unwrap_or_default();
            if std::str::from_utf8(line).is_ok() {
                return self.inner.fill_buf();
            }
            self.pushed_back = String::from_utf8_lossy(line).into_owned().into_bytes();
            self.pushed_at = 0;
            self.inner.consume(line_len);
        }
        Ok(self.pushed_back.get(self.pushed_at..).unwrap_or_default())
    }

    fn consume(&mut self, amount: usize) {
        self.header_bytes += amount as u64;
        if self.pushed_at < self.pushed_back.len() {
            self.pushed_at = (self.pushed_at + amount).min(self.pushed_back.len());
        } else {
            self.inner.consume(amount);
        }
    }
}

impl<R: BufRead> Guarded<R> {
    /// Skips to the next line that starts with `WARC/` and puts it back;
    /// false at the end of the input.
    fn skip_to_next_record(&mut self) -> io::Result<bool> {
        let mut line = Vec::new();
        loop {
            line.clear();
            self.header_bytes = 0;
            let read = Read::take(&mut *self, 64 * 1024).read_until(b'\n', &mut line)?;
            if read == 0 {
                return Ok(false);
            }
            if line.starts_with(b"WARC/") {
                self.pushed_back = std::mem::take(&mut line);
                self.pushed_at = 0;
                self.header_bytes = 0;
                return Ok(true);
            }
        }
    }
}

/// What to do after a record that could not be read.
enum Next {
    Continue,
    Resync,
    Stop,
}

fn read_records<R: BufRead>(source: &str, input: R, cap: u64) -> Result<ReadOutcome, IngestError> {
    let mut stream = Guarded {
        inner: input,
        pushed_back: Vec::new(),
        pushed_at: 0,
        header_bytes: 0,
    };
    let mut outcome = ReadOutcome::default();
    let mut record_no = 0usize;
    loop {
        let next = read_until_damage(source, &mut stream, cap, &mut record_no, &mut outcome);
        match next {
            Next::Resync if stream.skip_to_next_record().unwrap_or(false) => continue,
            _ => break,
        }
    }
    if outcome.reports.is_empty() && outcome.problems.is_empty() && record_no == 0 {
        return Err(IngestError::Malformed("no WARC records found".to_string()));
    }
    Ok(outcome)
}

/// Reads records until the end or until the stream position is lost.
fn read_until_damage<R: BufRead>(
    source: &str,
    stream: &mut Guarded<R>,
    cap: u64,
    record_no: &mut usize,
    outcome: &mut ReadOutcome,
) -> Next {
    let mut warc = warc::WarcReader::new(stream);
    let mut records = warc.stream_records();
    while let Some(item) = records.next_item() {
        *record_no += 1;
        let location = format!("record {record_no}");
        match item {
            Ok(mut record) => match page_of_record(&mut record, cap) {
                Ok(Some(page)) => {
                    let location =
                        format!("{location} ({})", page.uri.as_deref().unwrap_or("no URI"));
                    match report_from_html(
                        source,
                        &page.body,
                        page.charset.as_deref(),
                        page.uri.as_deref(),
                    ) {
                        Ok(report) => outcome.reports.push(report),
                        Err(err) => outcome
                            .problems
                            .push(RecordProblem::new(location, err.to_string())),
                    }
                }
                Ok(None) => {}
                Err(failure) => {
                    outcome
                        .problems
                        .push(RecordProblem::new(location, failure.reason));
                    if failure.fatal {
                        return Next::Stop;
                    }
                }
            },
            Err(err) => {
                let (reason, next) = describe(&err);
                // The crate skips a record's unread body lazily, when asked
                // for the next record: running out of input there means
                // the previous record was cut off.
                let location = match err {
                    WarcError::UnexpectedEOB => format!("record {}", record_no.saturating_sub(1)),
                    _ => location,
                };
                outcome.problems.push(RecordProblem::new(location, reason));
                if !matches!(next, Next::Continue) {
                    return next;
                }
            }
        }
    }
    Next::Stop
}

fn describe(err: &WarcError) -> (String, Next) {
    match err {
        WarcError::ParseHeaders(_) => ("corrupt WARC header".to_string(), Next::Resync),
        WarcError::MissingHeader(h) => (format!("missing WARC header {h}"), Next::Continue),
        WarcError::MalformedHeader(h, why) => {
            (format!("malformed WARC header {h}: {why}"), Next::Continue)
        }
        WarcError::ReadOverflow => (
            "record longer than its Content-Length".to_string(),
            Next::Resync,
        ),
        WarcError::UnexpectedEOB => (
            "cut off: the archive ends inside this record".to_string(),
            Next::Stop,
        ),
        WarcError::ReadData(io) => {
            match io.get_ref().and_then(|e| e.downcast_ref::<HeaderTooLong>()) {
                Some(too_long) => (too_long.to_string(), Next::Resync),
                None => (
                    format!("cannot read further (archive cut off or corrupt): {io}"),
                    Next::Stop,
                ),
            }
        }
    }
}

/// An HTML page found in a record.
struct Page {
    uri: Option<String>,
    charset: Option<String>,
    body: Vec<u8>,
}

/// Why a record gave no page. `fatal` when the archive cannot be read
/// past it (cut off, unreadable compressed data).
struct RecordFailure {
    reason: String,
    fatal: bool,
}

impl RecordFailure {
    fn skip(reason: impl Into<String>) -> Self {
        RecordFailure {
            reason: reason.into(),
            fatal: false,
        }
    }

    fn fatal(reason: impl Into<String>) -> Self {
        RecordFailure {
            reason: reason.into(),
            fatal: true,
        }
    }

    fn cut_off() -> Self {
        Self::fatal("cut off: the archive ends inside this record")
    }

    fn unreadable(err: &io::Error) -> Self {
        Self::fatal(format!(
            "cannot read record (archive cut off or corrupt): {err}"
        ))
    }
}

/// The HTML page in a record, `None` for records that hold none.
fn page_of_record<T: Read>(
    record: &mut warc::Record<StreamingBody<'_, T>>,
    cap: u64,
) -> Result<Option<Page>, RecordFailure> {
    let uri = header_of(record, WarcHeader::TargetURI);
    let content_type = header_of(record, WarcHeader::ContentType)
        .unwrap_or_default()
        .to_ascii_lowercase();
    let declared = record.content_length();
    match record.warc_type() {
        RecordType::Response if content_type.starts_with("application/http") => {}
        RecordType::Resource if content_type.contains("html") => {
            let body = read_capped(record, cap, cap, declared)?;
            let charset = charset_of(&content_type);
            return Ok(Some(Page { uri, charset, body }));
        }
        _ => return Ok(None),
    }
    let mut head = Vec::new();
    record
        .take(HTTP_HEADER_PEEK)
        .read_to_end(&mut head)
        .map_err(|e| RecordFailure::unreadable(&e))?;
    if (head.len() as u64) < declared.min(HTTP_HEADER_PEEK) {
        return Err(RecordFailure::cut_off());
    }
    let http = HttpHead::parse(&head)
        .ok_or_else(|| RecordFailure::skip("unreadable HTTP response header"))?;
    let start = head.get(http.body_start..).unwrap_or_default();
    if !(200..300).contains(&http.status) || !http.is_html(start) {
        return Ok(None);
    }
    let mut payload = start.to_vec();
    let room = cap
        .checked_sub(payload.len() as u64)
        .ok_or_else(|| over_limit(cap))?;
    let rest = read_capped(
        record,
        room,
        cap,
        declared.saturating_sub(head.len() as u64),
    )?;
    payload.extend_from_slice(&rest);
    if http.chunked {
        payload = dechunk(&payload);
    }
    let body = decode_content(payload, http.content_encoding.as_deref(), cap)
        .map_err(RecordFailure::skip)?;
    Ok(Some(Page {
        uri,
        charset: http.charset,
        body,
    }))
}

fn over_limit(cap: u64) -> RecordFailure {
    RecordFailure::skip(format!("record is over the limit of {cap} bytes"))
}

/// A WARC header value. [`Guarded`] makes header bytes valid UTF-8, on
/// which the crate's accessor relies; should it still panic, the value
/// counts as absent.
fn header_of<T: Read>(
    record: &warc::Record<StreamingBody<'_, T>>,
    header: WarcHeader,
) -> Option<String> {
    catch_unwind(AssertUnwindSafe(|| {
        record.header(header).map(|v| v.trim().to_string())
    }))
    .ok()
    .flatten()
}

/// Reads the rest of a record body (`expected` bytes by its header),
/// refusing more than `room` bytes (`cap` is the limit to name) and
/// noticing a body shorter than declared (a cut-off archive).
fn read_capped(
    record: &mut impl Read,
    room: u64,
    cap: u64,
    expected: u64,
) -> Result<Vec<u8>, RecordFailure> {
    if expected > room {
        return Err(over_limit(cap));
    }
    let mut body = Vec::new();
    record
        .take(room)
        .read_to_end(&mut body)
        .map_err(|e| RecordFailure::unreadable(&e))?;
    if (body.len() as u64) < expected {
        return Err(RecordFailure::cut_off());
    }
    Ok(body)
}

/// The parts of an HTTP response header the reader needs.
struct HttpHead {
    status: u16,
    content_type: Option<String>,
    charset: Option<String>,
    content_encoding: Option<String>,
    chunked: bool,
    body_start: usize,
}

impl HttpHead {
    /// Parses the status line and headers with `httparse`, leniently (as
    /// archived servers write them); `None` when the head is incomplete or
    /// not an HTTP response.
    fn parse(bytes: &[u8]) -> Option<HttpHead> {
        // Each header takes a line, so this many slots always suffice.
        let lines = bytes.iter().filter(|&&b| b == b'\n').count();
        let mut slots = vec![httparse::EMPTY_HEADER; lines];
        let mut response = httparse::Response::new(&mut slots);
        let body_start = match lenient_parser().parse_response(&mut response, bytes) {
            Ok(httparse::Status::Complete(len)) => len,
            Err(httparse::Error::Version) => return Self::parse_other_version(bytes),
            Ok(httparse::Status::Partial) | Err(_) => return None,
        };
        let mut parsed = HttpHead {
            status: response.code?,
            content_type: None,
            charset: None,
            content_encoding: None,
            chunked: false,
            body_start,
        };
        for header in response.headers.iter() {
            let value = String::from_utf8_lossy(header.value)
                .trim()
                .to_ascii_lowercase();
            let name = header.name;
            if name.eq_ignore_ascii_case("content-type") {
                parsed.charset = charset_of(&value);
                parsed.content_type = Some(value);
            } else if name.eq_ignore_ascii_case("content-encoding") {
                parsed.content_encoding = Some(value);
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                parsed.chunked = value.contains("chunked");
            }
        }
        Some(parsed)
    }

    /// `httparse` reads HTTP/1.x only; archives also hold `HTTP/2` and
    /// `HTTP/2.0` status lines, whose headers look the same, so those are
    /// parsed as HTTP/1.1.
    fn parse_other_version(bytes: &[u8]) -> Option<HttpHead> {
        let version_len = bytes.iter().position(|&b| b == b' ')?;
        let version = bytes.get(..version_len)?;
        if !version.starts_with(b"HTTP/") || version == b"HTTP/1.1" {
            return None;
        }
        let mut as_http1 = b"HTTP/1.1".to_vec();
        as_http1.extend_from_slice(bytes.get(version_len..)?);
        let mut head = Self::parse(&as_http1)?;
        head.body_start = (head.body_start + version_len).checked_sub(b"HTTP/1.1".len())?;
        Some(head)
    }

    /// HTML by its declared type, or by its first bytes when it has none.
    fn is_html(&self, body: &[u8]) -> bool {
        match &self.content_type {
            Some(kind) => kind.contains("html"),
            None => {
                let head: Vec<u8> = body.iter().take(1024).map(u8::to_ascii_lowercase).collect();
                find_bytes(&head, b"<html").is_some()
                    || find_bytes(&head, b"<!doctype html").is_some()
            }
        }
    }
}

fn charset_of(content_type: &str) -> Option<String> {
    let at = content_type.find("charset=")?;
    let value = content_type.get(at + "charset=".len()..)?;
    let value = value.split(';').next()?.trim().trim_matches(['"', '\'']);
    (!value.is_empty()).then(|| value.to_string())
}

/// The header rules `httparse` relaxes for responses, so that what
/// archived servers really sent still parses.
fn lenient_parser() -> httparse::ParserConfig {
    let mut config = httparse::ParserConfig::default();
    config
        .allow_spaces_after_header_name_in_responses(true)
        .allow_multiple_spaces_in_response_status_delimiters(true)
        .allow_obsolete_multiline_headers_in_responses(true)
        .ignore_invalid_headers_in_responses(true);
    config
}

/// Undoes chunked transfer encoding; stops at the last complete chunk
/// (keeping what there is of a cut-off one) or at a bad size line.
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Ok(httparse::Status::Complete((start, size))) = httparse::parse_chunk_size(rest) {
        let Ok(size) = usize::try_from(size) else {
            break;
        };
        let Some(chunk) = size.checked_add(start).and_then(|end| rest.get(start..end)) else {
            out.extend_from_slice(rest.get(start..).unwrap_or_default());
            break;
        };
        if size == 0 {
            break;
        }
        out.extend_from_slice(chunk);
        rest = rest.get(start + size..).unwrap_or_default();
        rest = rest.strip_prefix(b"\r\n").unwrap_or(rest);
    }
    out
}

/// Undoes gzip or deflate content encoding, refusing output over `cap`.
fn decode_content(payload: Vec<u8>, encoding: Option<&str>, cap: u64) -> Result<Vec<u8>, String> {
    let encoding = encoding.unwrap_or("identity");
    let mut decoder: Box<dyn Read + '_> = match encoding {
        "identity" | "" => return Ok(payload),
        "gzip" | "x-gzip" => Box::new(MultiGzDecoder::new(payload.as_slice())),
        "deflate" if payload.first().is_some_and(|b| b & 0x0f == 8) => {
            Box::new(ZlibDecoder::new(payload.as_slice()))
        }
        "deflate" => Box::new(DeflateDecoder::new(payload.as_slice())),
        other => return Err(format!("content encoding `{other}` is not supported")),
    };
    let mut out = Vec::new();
    decoder
        .by_ref()
        .take(cap.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot decompress the page ({encoding}): {e}"))?;
    if out.len() as u64 > cap {
        return Err(format!(
            "decompressed page is over the limit of {cap} bytes"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Date: 2024-03-07T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    fn page(words: &str) -> Vec<u8> {
        format!("<html><head><title>{words}</title></head><body><p>{words} happened in the valley on Monday, officials said, and more news followed.</p></body></html>").into_bytes()
    }

    fn response(uri: &str, words: &str) -> Vec<u8> {
        let body = page(words);
        record(
            "response",
            uri,
            "application/http; msgtype=response",
            &http(
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\n",
                &body,
            ),
        )
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).expect("gzip");
        encoder.finish().expect("gzip")
    }

    fn read(bytes: &[u8]) -> ReadOutcome {
        WarcArchiveReader.read("a.warc", bytes).expect("reads")
    }

    fn titles(outcome: &ReadOutcome) -> Vec<&str> {
        outcome
            .reports
            .iter()
            .map(|r| r.meta.title.as_str())
            .collect()
    }

    #[test]
    fn html_responses_become_reports_and_the_rest_is_passed_over() {
        let mut archive = record(
            "warcinfo",
            "info",
            "application/warc-fields",
            b"software: test\r\n",
        );
        archive.extend(record(
            "request",
            "https://example.org/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
        ));
        archive.extend(response("https://example.org/a", "Flood"));
        archive.extend(record(
            "response",
            "https://example.org/i.png",
            "application/http; msgtype=response",
            &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG\0\0"),
        ));
        archive.extend(record(
            "response",
            "https://example.org/gone",
            "application/http; msgtype=response",
            &http(
                "404 Not Found",
                "Content-Type: text/html\r\n",
                &page("Missing"),
            ),
        ));
        archive.extend(record(
            "resource",
            "https://example.org/r",
            "text/html",
            &page("Resource"),
        ));
        let got = read(&archive);
        assert_eq!(titles(&got), vec!["Flood", "Resource"]);
        assert_eq!(
            got.reports[0].meta.url.as_deref(),
            Some("https://example.org/a")
        );
        assert!(got.problems.is_empty(), "{:?}", got.problems);
    }

    #[test]
    fn a_corrupt_record_is_reported_and_reading_goes_on() {
        let mut archive = response("https://example.org/1", "First");
        archive.extend_from_slice(b"WARC/1.0\r\nthis is: not\r\n\x00\x01 garbage header\r\n\r\nbody of the broken record\r\n\r\n");
        archive.extend(response("https://example.org/2", "Second"));
        let no_date = String::from_utf8(response("https://example.org/3", "Undated"))
            .expect("utf8")
            .replace("WARC-Date: 2024-03-07T10:00:00Z\r\n", "");
        archive.extend(no_date.as_bytes());
        archive.extend(response("https://example.org/4", "Fourth"));
        let got = read(&archive);
        assert_eq!(titles(&got), vec!["First", "Second", "Fourth"]);
        let problems: Vec<_> = got
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.location, p.reason))
            .collect();
        assert_eq!(
            problems,
            vec![
                "record 2: corrupt WARC header",
                "record 4: missing WARC header warc-date"
            ]
        );
    }

    #[test]
    fn gzipped_archives_and_truncated_gzip() {
        let mut archive = gzip(&response("https://example.org/1", "One"));
        archive.extend(gzip(&response("https://example.org/2", "Two")));
        let got = read(&archive);
        assert_eq!(titles(&got), vec!["One", "Two"]);
        let cut = archive.get(..archive.len() - 30).expect("cut");
        let got = read(cut);
        assert_eq!(titles(&got), vec!["One"]);
        assert_eq!(got.problems.len(), 1, "{:?}", got.problems);
        assert!(got.problems[0].location.starts_with("record 2"));
    }

    #[test]
    fn truncated_plain_archive_keeps_earlier_records() {
        let mut archive = response("https://example.org/1", "One");
        archive.extend(response("https://example.org/2", "Two"));
        let cut = archive.get(..archive.len() - 60).expect("cut");
        let got = read(cut);
        assert_eq!(titles(&got), vec!["One"]);
        assert_eq!(got.problems.len(), 1, "{:?}", got.problems);
        assert!(got.problems[0].reason.starts_with("cut off"));
    }

    #[test]
    fn chunked_and_compressed_pages_are_decoded() {
        let body = page("Chunked");
        let compressed = gzip(&body);
        let (first, second) = compressed.split_at(compressed.len() / 2);
        let mut chunked = format!("{:x}\r\n", first.len()).into_bytes();
        chunked.extend_from_slice(first);
        chunked.extend_from_slice(format!("\r\n{:x};ext=1\r\n", second.len()).as_bytes());
        chunked.extend_from_slice(second);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let headers =
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n";
        let archive = record(
            "response",
            "https://example.org/c",
            "application/http; msgtype=response",
            &http("200 OK", headers, &chunked),
        );
        let got = read(&archive);
        assert_eq!(titles(&got), vec!["Chunked"], "{:?}", got.problems);
    }

    #[test]
    fn oversized_headers_and_bodies_are_bounded() {
        let mut archive = b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ".to_vec();
        archive.extend(std::iter::repeat_n(b'a', 2 * 1024 * 1024));
        archive.extend_from_slice(b"\r\n\r\n");
        archive.extend(response("https://example.org/after", "After"));
        let got = read(&archive);
        assert_eq!(titles(&got), vec!["After"]);
        assert!(
            got.problems[0].reason.contains("WARC header longer than"),
            "{:?}",
            got.problems
        );

        let mut archive = response("https://example.org/big", "Big");
        archive.extend(response("https://example.org/small", "Small"));
        let options = IngestOptions {
            max_report_bytes: 100,
        };
        let got = WarcArchiveReader
            .read_stream("a.warc", &mut archive.as_slice(), &options)
            .expect("reads");
        assert!(got.reports.is_empty());
        assert!(
            got.problems
                .iter()
                .all(|p| p.reason.contains("over the limit of")),
            "{:?}",
            got.problems
        );
        assert_eq!(got.problems.len(), 2);
    }

    #[test]
    fn http_heads_of_every_version_and_line_ending() {
        let bytes = b"HTTP/1.1 200 OK\r\nContent-Type: Text/HTML; charset=\"ISO-8859-1\"\r\nTransfer-Encoding: gzip, chunked\r\n\r\n<p>";
        let head = HttpHead::parse(bytes).expect("parses");
        assert_eq!(head.status, 200);
        assert_eq!(
            head.content_type.as_deref(),
            Some("text/html; charset=\"iso-8859-1\"")
        );
        assert_eq!(head.charset.as_deref(), Some("iso-8859-1"));
        assert!(head.chunked);
        assert_eq!(bytes.get(head.body_start..), Some(&b"<p>"[..]));
        let lf_only = b"HTTP/1.0 404\nContent-Encoding: gzip\n\nbody";
        let bare = HttpHead::parse(lf_only).expect("parses");
        assert_eq!(bare.status, 404);
        assert_eq!(lf_only.get(bare.body_start..), Some(&b"body"[..]));
        assert_eq!(bare.content_encoding.as_deref(), Some("gzip"));
        let http2 = b"HTTP/2 200\r\ncontent-type: text/html\r\n\r\n<html>";
        let parsed = HttpHead::parse(http2).expect("parses");
        assert_eq!(parsed.status, 200);
        assert_eq!(http2.get(parsed.body_start..), Some(&b"<html>"[..]));
        for bad in [
            &b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"[..],
            b"GET / HTTP/1.1\r\n\r\n",
            b"\x00\x01\r\n\r\n",
            b"",
        ] {
            assert!(HttpHead::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn dechunking_keeps_what_is_complete() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\ntrailer"),
            b"abcde"
        );
        assert_eq!(dechunk(b"3\r\nabc\r\n9\r\ncut"), b"abccut");
        assert_eq!(dechunk(b"3\r\nabc\r\nzz\r\nmore"), b"abc");
        assert_eq!(dechunk(b"ffffffffffffffffff\r\nx"), b"");
    }

    #[test]
    fn not_an_archive() {
        assert!(matches!(
            WarcArchiveReader.read("x.warc", b""),
            Err(IngestError::Empty)
        ));
        assert!(matches!(
            WarcArchiveReader.read("x.warc", b"hello\nworld\n"),
            Err(IngestError::Malformed(_))
        ));
        assert!(WarcArchiveReader.accepts(Path::new("crawl.WARC.gz")));
        assert!(!WarcArchiveReader.accepts(Path::new("notes.gz")));
    }
}
