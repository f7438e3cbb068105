//! Every format, and every kind of bad input, through `read_all`: good
//! records are kept, bad ones are named with a reason, nothing panics or
//! hangs. Large and binary inputs are generated here at run time.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use corroborate_ingest::{default_readers, read_all, IngestOptions, Ingested};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("write test file");
    path
}

fn read_dir(dir: &Path) -> Ingested {
    read_all(
        &[dir.to_path_buf()],
        &default_readers(),
        &IngestOptions::default(),
    )
}

fn reason_for<'a>(got: &'a Ingested, source_suffix: &str) -> Option<&'a str> {
    got.skipped
        .iter()
        .find(|s| s.source.ends_with(source_suffix))
        .map(|s| s.reason.as_str())
}

const PAGE: &str = "<html><head><title>Harbour closed</title><meta property=\"article:published_time\" content=\"2024-03-07\"></head><body><article><p>The harbour was closed on Thursday after a storm damaged the pier, the port authority said in a statement.</p><p>Ferries were diverted to the northern terminal until repairs are finished.</p></article></body></html>";

fn warc_response(uri: &str, html: &str) -> Vec<u8> {
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x:{uri}>\r\nWARC-Date: 2024-03-07T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
    .into_bytes()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

#[test]
fn every_format_is_read_and_every_bad_record_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(d, "a_page.html", PAGE.as_bytes());
    write(d, "b_records.jsonl", b"{\"title\":\"One\",\"text\":\"First record text.\"}\n{oops\n{\"title\":\"Two\",\"body\":\"Second record text.\"}\n");
    write(d, "c_feed.rss", b"<rss version=\"2.0\"><channel><title>Wire</title><item><title>Good</title><description>Good item text.</description></item><item><title>Bad <b>item</title><description>x</description></item></channel></rss>");
    let mut archive = warc_response("https://example.org/1", PAGE);
    archive.extend_from_slice(b"WARC/1.0\r\nbroken header line\r\n\r\njunk\r\n\r\n");
    archive.extend(warc_response(
        "https://example.org/2",
        &PAGE.replace("Harbour closed", "Second page"),
    ));
    write(d, "d_crawl.warc", &archive);
    let zipped = gzip(&archive);
    write(
        d,
        "e_cut.warc.gz",
        zipped.get(..zipped.len() - 40).expect("cut"),
    );
    write(d, "f_notes.txt", b"Plain title\n\nPlain body.");

    let got = read_dir(d);
    let titles: Vec<&str> = got.reports.iter().map(|r| r.meta.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "Harbour closed",
            "One",
            "Two",
            "Good",
            "Harbour closed",
            "Second page",
            "Harbour closed",
            "Plain title"
        ],
        "{:?}",
        got.skipped
    );
    assert!(
        reason_for(&got, "b_records.jsonl:line 2").is_some_and(|r| r.starts_with("invalid JSON"))
    );
    assert!(reason_for(&got, "c_feed.rss:item 2").is_some());
    assert_eq!(
        reason_for(&got, "d_crawl.warc:record 2"),
        Some("corrupt WARC header")
    );
    assert!(
        got.skipped
            .iter()
            .any(|s| s.source.contains("e_cut.warc.gz:record")),
        "{:?}",
        got.skipped
    );
    let ids: Vec<&str> = got.reports.iter().map(|r| r.meta.id.as_str()).collect();
    assert_eq!(ids[1..3], ["b_records", "b_records-2"]);
}

#[test]
fn binary_empty_and_invalid_inputs_are_refused_with_reasons() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    for name in ["bin.html", "bin.txt", "bin.json", "bin.rss", "bin.warc"] {
        write(d, name, &binary);
    }
    for name in [
        "empty.html",
        "empty.txt",
        "empty.jsonl",
        "empty.rss",
        "empty.warc",
    ] {
        write(d, name, b"");
    }
    write(d, "latin.txt", b"Caf\xe9 closed today.");
    write(
        d,
        "latin.html",
        b"<p>Caf\xe9 closed today after the storm, the owner said.</p>",
    );
    let got = read_dir(d);
    assert_eq!(got.reports.len(), 1, "only the legacy-encoded page is read");
    assert!(got.reports[0].text.contains("Café"));
    assert!(reason_for(&got, "latin.txt").is_some_and(|r| r.contains("not valid UTF-8")));
    assert!(reason_for(&got, "bin.html").is_some_and(|r| r.contains("binary")));
    assert!(reason_for(&got, "bin.txt").is_some_and(|r| r.contains("NUL")));
    for name in [
        "bin.json",
        "bin.rss",
        "bin.warc",
        "empty.html",
        "empty.txt",
        "empty.jsonl",
        "empty.rss",
        "empty.warc",
    ] {
        assert!(
            reason_for(&got, name).is_some_and(|r| !r.is_empty()),
            "{name}: {:?}",
            got.skipped
        );
    }
}

/// A 200 MB single line, written in pieces: whole-file formats refuse it by
/// size after reading just past the cap; JSON Lines skips the line and keeps
/// the next one.
#[test]
fn a_200_mb_line_is_capped_not_loaded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let piece = vec![b'a'; 1024 * 1024];
    for name in ["huge.txt", "huge.html", "huge.jsonl"] {
        let mut file = fs::File::create(dir.path().join(name)).expect("create");
        file.write_all(b"{\"text\":\"").expect("write");
        for _ in 0..200 {
            file.write_all(&piece).expect("write");
        }
        file.write_all(b"\"}\n{\"text\":\"Small record after the huge one.\"}\n")
            .expect("write");
    }
    let started = Instant::now();
    let got = read_dir(dir.path());
    assert!(started.elapsed() < Duration::from_secs(60));
    assert_eq!(got.reports.len(), 1);
    assert_eq!(got.reports[0].text, "Small record after the huge one.");
    assert!(reason_for(&got, "huge.jsonl:line 1").is_some_and(|r| r.contains("over the limit")));
    assert!(reason_for(&got, "huge.txt").is_some_and(|r| r.contains("over the limit")));
    assert!(reason_for(&got, "huge.html").is_some_and(|r| r.contains("over the limit")));
}

#[test]
fn deep_and_truncated_html_finish_quickly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = format!(
        "<html><body>{}<p>Deep text.</p>",
        "<div><span>".repeat(50_000)
    );
    write(dir.path(), "deep.html", deep.as_bytes());
    write(
        dir.path(),
        "cut.html",
        PAGE.get(..PAGE.len() - 60).expect("cut").as_bytes(),
    );
    let started = Instant::now();
    let got = read_dir(dir.path());
    assert!(started.elapsed() < Duration::from_secs(10));
    let texts: Vec<&str> = got.reports.iter().map(|r| r.text.as_str()).collect();
    assert!(texts[0].starts_with("The harbour was closed"), "{texts:?}");
    assert_eq!(texts[1], "Deep text.\n");
}

/// Regression: a folder of symbolic links to reports (as `ln -s` or a
/// download manager leaves them) was read as empty, without a word.
#[cfg(unix)]
#[test]
fn symbolic_links_in_a_folder_are_followed_and_broken_ones_named() {
    let originals = tempfile::tempdir().expect("temp dir");
    let linked = tempfile::tempdir().expect("temp dir");
    let target = write(
        originals.path(),
        "harbour.md",
        b"---\ntitle: Harbour closed\npublished: 2024-03-07\n---\nThe harbour was closed on Thursday.\n",
    );
    std::os::unix::fs::symlink(&target, linked.path().join("harbour.md")).expect("symlink");
    std::os::unix::fs::symlink(
        originals.path().join("missing.md"),
        linked.path().join("gone.md"),
    )
    .expect("symlink");
    std::os::unix::fs::symlink(linked.path(), linked.path().join("loop")).expect("symlink");

    let got = read_dir(linked.path());

    let titles: Vec<&str> = got.reports.iter().map(|r| r.meta.title.as_str()).collect();
    assert_eq!(titles, ["Harbour closed"]);
    assert!(reason_for(&got, "gone.md").is_some(), "{:?}", got.skipped);
    assert!(
        reason_for(&got, "loop").is_some_and(|reason| reason.contains("loop")),
        "{:?}",
        got.skipped
    );
}
