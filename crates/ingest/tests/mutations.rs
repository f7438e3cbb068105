//! Deterministic robustness test: thousands of mutated inputs through every
//! reader and the front-matter splitter. Each must return (a report list or
//! an error) without panicking, and quickly. Runs in the normal test suite;
//! the cargo-fuzz targets in `/fuzz` explore further.

use std::time::{Duration, Instant};

use corroborate_ingest::{
    split_front_matter, FeedReader, HtmlReader, JsonReader, PlainTextReader, ReportReader,
    WarcArchiveReader,
};

const MUTATIONS_PER_SEED: usize = 1500;

/// xorshift64*: a fixed sequence, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that tend to break parsers when spliced in.
const SPLICES: &[&[u8]] = &[
    b"<",
    b">",
    b"</",
    b"<div>",
    b"<script>",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"&",
    b"&#x",
    b"\"",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\\",
    b"\r\n",
    b"\n",
    b"\0",
    b"\xff\xfe",
    b"\xe2\x82",
    b"WARC/1.0\r\n",
    b"Content-Length: 99999999\r\n",
    b"---\n",
    b": ",
    b"- [",
    b"\xef\xbb\xbf",
];

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 => {
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => bytes.truncate(at),
            2 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let splice = SPLICES[rng.below(SPLICES.len())];
                let times = 1 + rng.below(3) * rng.below(200);
                for _ in 0..times {
                    bytes.splice(at..at, splice.iter().copied());
                }
            }
            4 => {
                let end = (at + rng.below(128)).min(bytes.len());
                let copy: Vec<u8> = bytes.get(at..end).unwrap_or_default().to_vec();
                bytes.splice(at..at, copy);
            }
            _ => bytes.insert(at.min(bytes.len()), rng.next() as u8),
        }
    }
    bytes
}

fn warc_seed() -> Vec<u8> {
    let block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n1c\r\n<p>Bridge closed today.</p>\r\n0\r\n\r\n";
    let record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x:1>\r\nWARC-Date: 2024-03-07T10:00:00Z\r\nWARC-Target-URI: https://example.org/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    );
    record.repeat(2).into_bytes()
}

fn seeds() -> Vec<(&'static str, Box<dyn ReportReader>, Vec<u8>)> {
    vec![
        ("page.html", Box::new(HtmlReader), b"<!doctype html><html><head><title>T</title><meta property=\"og:site_name\" content=\"S\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"datePublished\":\"2024-01-02\",\"author\":[{\"name\":\"A\"}]}</script></head><body><nav><a href=/>Home</a></nav><article><p>The council met on <time datetime=\"2024-01-02\">Tuesday</time> and voted.</p><p>Protesters gathered outside &amp; chanted.</p></article></body></html>".to_vec()),
        ("records.jsonl", Box::new(JsonReader), b"{\"title\":\"T\",\"text\":\"Body one.\",\"date\":\"2024-01-02\",\"source\":{\"name\":\"S\"},\"author\":[\"A\",\"B\"]}\n{\"headline\":\"U\",\"content\":\"<p>Two</p>\",\"published\":1707210000}\n".to_vec()),
        ("records.json", Box::new(JsonReader), b"{\"articles\":[{\"title\":\"T\",\"body\":\"One.\"},{\"text\":\"Two.\"}]}".to_vec()),
        ("feed.rss", Box::new(FeedReader), b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>W</title><item><title>A</title><link>https://e.org/a</link><pubDate>Mon, 05 Feb 2024 09:30:00 +0000</pubDate><description>&lt;p&gt;Text a.&lt;/p&gt;</description></item><item><title>B</title><description>Text b.</description></item></channel></rss>".to_vec()),
        ("feed.atom", Box::new(FeedReader), b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>N</title><entry><title>E</title><id>1</id><updated>2022-09-14T10:00:00Z</updated><content type=\"html\">&lt;p&gt;Entry.&lt;/p&gt;</content></entry></feed>".to_vec()),
        ("crawl.warc", Box::new(WarcArchiveReader), warc_seed()),
        ("notes.md", Box::new(PlainTextReader), b"---\ntitle: T\noutlet: O\npublished: 2024-01-02\n---\n# Heading\n\nBody text. Body text repeated here.\nBody text. Body text repeated here.\n".to_vec()),
    ]
}

#[test]
fn mutated_inputs_never_panic_or_stall() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for (name, reader, seed) in seeds() {
        assert!(
            reader
                .read(name, &seed)
                .is_ok_and(|o| !o.reports.is_empty()),
            "seed {name} must read"
        );
        let started = Instant::now();
        let mut slowest = Duration::ZERO;
        for _ in 0..MUTATIONS_PER_SEED {
            let input = mutate(&seed, &mut rng);
            let one = Instant::now();
            if let Ok(outcome) = reader.read(name, &input) {
                for report in &outcome.reports {
                    assert!(!report.text.trim().is_empty(), "{name}: empty report text");
                }
            }
            slowest = slowest.max(one.elapsed());
        }
        assert!(
            slowest < Duration::from_secs(2),
            "{name}: one input took {slowest:?}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{name}: too slow overall"
        );
    }
}

#[test]
fn mutated_front_matter_never_panics() {
    let mut rng = Rng(42);
    let seed = b"---\ntitle: \"Quoted: title\"\noutlet: [x]\nurl: https://example.org\npublished: 2024-03-07T10:00:00Z\n---\nBody\n";
    for _ in 0..MUTATIONS_PER_SEED * 2 {
        let input = mutate(seed, &mut rng);
        let text = String::from_utf8_lossy(&input);
        if let Ok((_, body_start)) = split_front_matter(&text) {
            assert!(text.is_char_boundary(body_start));
        }
    }
}
