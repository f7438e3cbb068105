//! Throughput of HTML extraction and WARC reading on one core.
//!
//! ```sh
//! CORROBORATE_SHARED=/work/shared cargo run --release -p corroborate-ingest --example throughput
//! ```
//!
//! Pages are built at run time: the seed reports' paragraphs (when
//! `CORROBORATE_SHARED` is set, else generated sentences) inside a typical
//! news-page frame (head with meta tags and JSON-LD, navigation, scripts,
//! related links, footer), about 60 KB each. The WARC holds those pages as
//! HTTP responses plus one request and one image record per page.

use std::io::Write;
use std::time::Instant;

use corroborate_ingest::{report_from_html, IngestOptions, ReportReader, WarcArchiveReader};

fn bodies() -> Vec<String> {
    let from_seeds = std::env::var("CORROBORATE_SHARED").ok().and_then(|shared| {
        let dir = std::path::Path::new(&shared).join("corpus/seeds");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        texts.sort();
        (!texts.is_empty()).then_some(texts)
    });
    from_seeds.unwrap_or_else(|| {
        (0..5)
            .map(|i| {
                (0..40)
                    .map(|j| format!("Officials in district {i} said on day {j} that about {} people had gathered near the council building, and that police had detained several of them.", 100 + j))
                    .collect::<Vec<_>>()
                    .join("\n\n")
            })
            .collect()
    })
}

fn page(body: &str, n: usize) -> String {
    let paragraphs: String = body
        .split("\n\n")
        .map(|p| format!("<p>{}</p>\n", html_escape::encode_text(p.trim())))
        .collect();
    let nav: String = (0..60)
        .map(|i| format!("<li><a href=\"/section/{i}\">Section {i}</a></li>"))
        .collect();
    let related: String = (0..30)
        .map(|i| {
            format!("<li><a href=\"/story/{i}\">Related story number {i} with a headline</a></li>")
        })
        .collect();
    let script =
        "window.dataLayer=window.dataLayer||[];function track(e){dataLayer.push(e)};".repeat(200);
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Report {n} | Example News</title>\
<meta property=\"og:title\" content=\"Report {n}\"><meta property=\"og:site_name\" content=\"Example News\">\
<meta property=\"article:published_time\" content=\"2022-01-06T10:00:00Z\">\
<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Report {n}\",\"datePublished\":\"2022-01-06\",\"author\":{{\"name\":\"Staff\"}},\"publisher\":{{\"name\":\"Example News\"}}}}</script>\
<script>{script}</script><style>body{{margin:0}}</style></head><body>\
<header><nav><ul>{nav}</ul></nav></header><main><article><h1>Report {n}</h1>{paragraphs}</article>\
<aside><ul>{related}</ul></aside></main><footer><p>Example News. All rights reserved.</p></footer></body></html>"
    )
}

fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}{kind}>\r\nWARC-Date: 2022-01-06T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn warc(pages: &[String], gzip: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let uri = format!("https://example.org/{i}");
        let mut records = warc_record(
            "request",
            &uri,
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n",
        );
        let response =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
        records.extend(warc_record(
            "response",
            &uri,
            "application/http; msgtype=response",
            response.as_bytes(),
        ));
        let image = [
            b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n".as_slice(),
            &vec![0xAB; 20_000],
        ]
        .concat();
        records.extend(warc_record(
            "response",
            &format!("{uri}.jpg"),
            "application/http; msgtype=response",
            &image,
        ));
        if gzip {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&records).expect("gzip");
            out.extend(encoder.finish().expect("gzip"));
        } else {
            out.extend(records);
        }
    }
    out
}

fn main() {
    let bodies = bodies();
    let pages: Vec<String> = (0..100)
        .map(|i| page(&bodies[i % bodies.len()], i))
        .collect();
    let html_bytes: usize = pages.iter().map(String::len).sum();

    let started = Instant::now();
    let mut words = 0;
    for _ in 0..3 {
        for page in &pages {
            let report =
                report_from_html("bench.html", page.as_bytes(), None, None).expect("page reads");
            words += report.text.split_whitespace().count();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "HTML extraction: {} pages, avg {:.0} KB: {:.1} MB/s, {:.0} pages/s ({} words out)",
        pages.len() * 3,
        html_bytes as f64 / pages.len() as f64 / 1024.0,
        (html_bytes * 3) as f64 / seconds / 1e6,
        (pages.len() * 3) as f64 / seconds,
        words
    );

    for gzip in [false, true] {
        let archive = warc(&pages, gzip);
        let started = Instant::now();
        let outcome = WarcArchiveReader
            .read_stream(
                "bench.warc",
                &mut archive.as_slice(),
                &IngestOptions::default(),
            )
            .expect("archive reads");
        let seconds = started.elapsed().as_secs_f64();
        assert_eq!(outcome.reports.len(), pages.len());
        println!(
            "WARC{}: {:.1} MB in {:.2} s: {:.1} MB/s of archive ({} reports)",
            if gzip { ".gz" } else { "" },
            archive.len() as f64 / 1e6,
            seconds,
            archive.len() as f64 / seconds / 1e6,
            outcome.reports.len()
        );
    }
}
