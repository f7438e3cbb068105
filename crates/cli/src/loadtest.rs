//! `corroborate loadtest`: a fixed number of GET requests spread over client
//! threads, each keeping one HTTP/1.1 connection alive, round-robin over the
//! given paths; latency percentiles per path and overall throughput.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Options of the `loadtest` subcommand.
#[derive(Debug, clap::Args)]
pub struct LoadtestArgs {
    /// The server, `http://HOST:PORT`.
    #[arg(long)]
    url: String,
    /// Total number of requests.
    #[arg(long, default_value_t = 1000)]
    requests: usize,
    /// Number of client threads, each with its own connection.
    #[arg(long, default_value_t = 10)]
    concurrency: usize,
    /// A path to request (repeat for several; requests go round-robin).
    #[arg(long = "path", required = true)]
    paths: Vec<String>,
    /// Sent as `Authorization: Bearer TOKEN`.
    #[arg(long)]
    token: Option<String>,
    /// Allow a server that is not on a loopback address.
    #[arg(long)]
    allow_remote: bool,
}

/// Runs the subcommand: prints the report; fails when any request failed.
pub fn run_cli(args: &LoadtestArgs) -> Result<ExitCode, String> {
    let target = Target::parse(&args.url, args.allow_remote)?;
    let plan = Plan {
        target,
        paths: args.paths.clone(),
        requests: args.requests,
        concurrency: args.concurrency.max(1),
        token: args.token.clone(),
    };
    let report = run(&plan);
    print!("{}", report.render(&plan.paths));
    Ok(if report.failed() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The server to load: where to connect and what to send as `Host`.
#[derive(Debug, Clone)]
struct Target {
    address: SocketAddr,
    host: String,
}

impl Target {
    /// Reads `http://HOST[:PORT][/]`; only loopback hosts unless
    /// `allow_remote`.
    fn parse(url: &str, allow_remote: bool) -> Result<Self, String> {
        let rest = url
            .strip_prefix("http://")
            .ok_or_else(|| format!("{url}: only http:// URLs are supported"))?;
        let host = rest.trim_end_matches('/');
        if host.is_empty() || host.contains('/') {
            return Err(format!("{url}: give the server as http://HOST:PORT"));
        }
        let with_port = if host.rsplit_once(':').is_some_and(|(_, p)| !p.contains(']')) {
            host.to_owned()
        } else {
            format!("{host}:80")
        };
        let address = with_port
            .to_socket_addrs()
            .map_err(|e| format!("{url}: {e}"))?
            .next()
            .ok_or_else(|| format!("{url}: no address"))?;
        if !allow_remote && !address.ip().is_loopback() {
            return Err(format!(
                "{url} is not a loopback address; pass --allow-remote to load it"
            ));
        }
        Ok(Target {
            address,
            host: host.to_owned(),
        })
    }
}

/// What to send.
struct Plan {
    target: Target,
    paths: Vec<String>,
    requests: usize,
    concurrency: usize,
    token: Option<String>,
}

/// One request's result.
#[derive(Debug, Clone, Copy)]
struct Sample {
    path: usize,
    latency: Duration,
    ok: bool,
}

/// All samples of a run and how long it took.
#[derive(Debug)]
struct LoadReport {
    samples: Vec<Sample>,
    elapsed: Duration,
}

fn run(plan: &Plan) -> LoadReport {
    let next = AtomicUsize::new(0);
    let samples = Mutex::new(Vec::with_capacity(plan.requests));
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..plan.concurrency.min(plan.requests) {
            scope.spawn(|| {
                let mine = client_loop(plan, &next);
                if let Ok(mut all) = samples.lock() {
                    all.extend(mine);
                }
            });
        }
    });
    LoadReport {
        samples: samples.into_inner().unwrap_or_default(),
        elapsed: started.elapsed(),
    }
}

/// One client thread: takes request numbers until all are taken, reusing
/// its connection while the server keeps it open.
fn client_loop(plan: &Plan, next: &AtomicUsize) -> Vec<Sample> {
    let mut samples = Vec::new();
    let mut connection: Option<Connection> = None;
    loop {
        let number = next.fetch_add(1, Ordering::Relaxed);
        if number >= plan.requests || plan.paths.is_empty() {
            return samples;
        }
        let path = number % plan.paths.len();
        let started = Instant::now();
        let outcome = send(plan, &plan.paths[path], &mut connection);
        let ok = match outcome {
            Ok(status) => (200..300).contains(&status),
            Err(_) => {
                connection = None;
                false
            }
        };
        samples.push(Sample {
            path,
            latency: started.elapsed(),
            ok,
        });
    }
}

const IO_TIMEOUT: Duration = Duration::from_secs(30);

struct Connection {
    reader: BufReader<TcpStream>,
}

impl Connection {
    fn open(target: &Target) -> std::io::Result<Self> {
        let stream = TcpStream::connect_timeout(&target.address, IO_TIMEOUT)?;
        stream.set_read_timeout(Some(IO_TIMEOUT))?;
        stream.set_write_timeout(Some(IO_TIMEOUT))?;
        stream.set_nodelay(true)?;
        Ok(Connection {
            reader: BufReader::new(stream),
        })
    }
}

/// Sends one GET on the open connection (opening one if needed), reads the
/// whole response and returns its status. Drops the connection when the
/// server closes it.
fn send(plan: &Plan, path: &str, connection: &mut Option<Connection>) -> std::io::Result<u16> {
    let open = match connection.take() {
        Some(open) => open,
        None => Connection::open(&plan.target)?,
    };
    let mut request = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nUser-Agent: corroborate-loadtest\r\nAccept: */*\r\n",
        plan.target.host
    );
    if let Some(token) = &plan.token {
        request.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    request.push_str("\r\n");
    let mut open = open;
    open.reader.get_mut().write_all(request.as_bytes())?;
    let response = read_response(&mut open.reader)?;
    if response.keep_alive {
        *connection = Some(open);
    }
    Ok(response.status)
}

/// The parts of a response the load test needs (the body is read and
/// dropped).
#[derive(Debug, PartialEq)]
struct Response {
    status: u16,
    body_len: usize,
    keep_alive: bool,
}

fn invalid(message: impl Into<String>) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message.into())
}

/// How a response's body is delimited.
enum Body {
    Empty,
    Length(usize),
    Chunked,
    UntilClose,
}

/// Reads one HTTP/1.1 response, body included.
fn read_response(reader: &mut impl BufRead) -> std::io::Result<Response> {
    let head = read_head(reader)?;
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut parsed = httparse::Response::new(&mut headers);
    match parsed.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Err(invalid("incomplete response head")),
        Err(e) => return Err(invalid(format!("bad response head: {e}"))),
    }
    let status = parsed.code.ok_or_else(|| invalid("no status code"))?;
    let header = |name: &str| {
        parsed
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_ascii_lowercase())
    };
    let closes =
        header("connection").is_some_and(|v| v.contains("close")) || parsed.version == Some(0);
    let body = if (100..200).contains(&status) || status == 204 || status == 304 {
        Body::Empty
    } else if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        Body::Chunked
    } else if let Some(length) = header("content-length") {
        Body::Length(length.parse().map_err(|_| invalid("bad Content-Length"))?)
    } else {
        Body::UntilClose
    };
    let body_len = match body {
        Body::Empty => 0,
        Body::Length(length) => discard_exact(reader, length)?,
        Body::Chunked => read_chunked(reader)?,
        Body::UntilClose => std::io::copy(reader, &mut std::io::sink())? as usize,
    };
    Ok(Response {
        status,
        body_len,
        keep_alive: !closes && !matches!(body, Body::UntilClose),
    })
}

/// Upper bound on a response head, against a misbehaving server.
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// The status line and headers, through the blank line.
fn read_head(reader: &mut impl BufRead) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        let read = reader.read_until(b'\n', &mut head)?;
        if read == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let line = &head[before..];
        if line == b"\r\n" || line == b"\n" {
            return Ok(head);
        }
        if head.len() > MAX_HEAD_BYTES {
            return Err(invalid("response head too long"));
        }
    }
}

fn discard_exact(reader: &mut impl BufRead, length: usize) -> std::io::Result<usize> {
    let copied = std::io::copy(&mut reader.take(length as u64), &mut std::io::sink())?;
    if copied as usize != length {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    Ok(length)
}

/// Reads a chunked body and its trailer; returns the body's length.
fn read_chunked(reader: &mut impl BufRead) -> std::io::Result<usize> {
    let mut total = 0;
    loop {
        let mut size_line = String::new();
        if reader.read_line(&mut size_line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let size_text = size_line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| invalid(format!("bad chunk size {size_text:?}")))?;
        if size == 0 {
            // Trailer fields, then the blank line.
            read_head(reader)?;
            return Ok(total);
        }
        total += discard_exact(reader, size)?;
        let mut crlf = [0u8; 2];
        reader.read_exact(&mut crlf)?;
        if &crlf != b"\r\n" {
            return Err(invalid("chunk not followed by CRLF"));
        }
    }
}

/// Latency in milliseconds at percentile `p` (0–100) of sorted latencies,
/// by the nearest-rank method.
fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    let index = rank.clamp(1, sorted.len()) - 1;
    sorted[index].as_secs_f64() * 1000.0
}

/// Counts and latencies of one path.
#[derive(Debug, PartialEq)]
struct PathStats {
    count: usize,
    errors: usize,
    p50: f64,
    p90: f64,
    p99: f64,
    max: f64,
}

impl LoadReport {
    fn failed(&self) -> usize {
        self.samples.iter().filter(|s| !s.ok).count()
    }

    fn stats(&self, path: usize) -> PathStats {
        let of_path: Vec<&Sample> = self.samples.iter().filter(|s| s.path == path).collect();
        let mut latencies: Vec<Duration> = of_path.iter().map(|s| s.latency).collect();
        latencies.sort();
        PathStats {
            count: of_path.len(),
            errors: of_path.iter().filter(|s| !s.ok).count(),
            p50: percentile(&latencies, 50.0),
            p90: percentile(&latencies, 90.0),
            p99: percentile(&latencies, 99.0),
            max: percentile(&latencies, 100.0),
        }
    }

    fn render(&self, paths: &[String]) -> String {
        let mut out = format!(
            "{:<40} {:>7} {:>7} {:>9} {:>9} {:>9} {:>9}\n",
            "path", "count", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms"
        );
        for (index, path) in paths.iter().enumerate() {
            let s = self.stats(index);
            out.push_str(&format!(
                "{path:<40} {:>7} {:>7} {:>9.2} {:>9.2} {:>9.2} {:>9.2}\n",
                s.count, s.errors, s.p50, s.p90, s.p99, s.max
            ));
        }
        let seconds = self.elapsed.as_secs_f64();
        out.push_str(&format!(
            "{} requests, {} failed, in {seconds:.2} s: {:.0} requests/s\n",
            self.samples.len(),
            self.failed(),
            self.samples.len() as f64 / seconds.max(f64::EPSILON)
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// A tiny keep-alive server: answers each request on a connection in
    /// turn; `/missing` gets a 404, `/chunked` a chunked body, `/close` a
    /// body delimited by closing the connection, anything else a
    /// Content-Length body. Returns its address and the connection count.
    fn serve() -> (SocketAddr, std::sync::Arc<AtomicUsize>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        let connections = std::sync::Arc::new(AtomicUsize::new(0));
        let counter = connections.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let stream = stream.unwrap();
                counter.fetch_add(1, Ordering::SeqCst);
                std::thread::spawn(move || answer_all(stream));
            }
        });
        (address, connections)
    }

    fn answer_all(stream: TcpStream) {
        let mut writer = stream.try_clone().unwrap();
        let mut reader = BufReader::new(stream);
        while let Ok(head) = read_head(&mut reader) {
            let head = String::from_utf8(head).unwrap();
            let path = head.split(' ').nth(1).unwrap().to_owned();
            let authorized = head.contains("Authorization: Bearer secret\r\n");
            let response: String = match path.as_str() {
                _ if head.contains("Authorization") && !authorized => {
                    "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".into()
                }
                "/missing" => "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found".into(),
                "/chunked" => "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
                     5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n"
                    .into(),
                "/close" => {
                    let _ = writer.write_all(b"HTTP/1.1 200 OK\r\n\r\nbye");
                    return;
                }
                _ => "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".into(),
            };
            if writer.write_all(response.as_bytes()).is_err() {
                return;
            }
        }
    }

    fn plan(address: SocketAddr, paths: &[&str], requests: usize, concurrency: usize) -> Plan {
        Plan {
            target: Target {
                address,
                host: address.to_string(),
            },
            paths: paths.iter().map(|p| p.to_string()).collect(),
            requests,
            concurrency,
            token: None,
        }
    }

    #[test]
    fn requests_go_round_robin_over_kept_alive_connections() {
        let (address, connections) = serve();
        let report = run(&plan(address, &["/a", "/chunked", "/b"], 300, 4));
        assert_eq!(report.samples.len(), 300);
        assert_eq!(report.failed(), 0);
        for path in 0..3 {
            let stats = report.stats(path);
            assert_eq!((stats.count, stats.errors), (100, 0));
            assert!(stats.p50 <= stats.p90 && stats.p90 <= stats.p99 && stats.p99 <= stats.max);
        }
        assert!(
            connections.load(Ordering::SeqCst) <= 4,
            "one connection per thread"
        );
    }

    #[test]
    fn non_2xx_answers_and_io_failures_are_errors() {
        let (address, _) = serve();
        let report = run(&plan(address, &["/ok", "/missing", "/close"], 30, 3));
        assert_eq!(report.stats(0).errors, 0);
        assert_eq!(report.stats(1).errors, 10);
        assert_eq!(report.stats(2).errors, 0, "a body ended by close is fine");
        assert_eq!(report.failed(), 10);
        assert!(report
            .render(&["/ok".into(), "/missing".into(), "/close".into()])
            .contains("30 requests, 10 failed"));

        let closed = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let report = run(&plan(closed, &["/"], 5, 2));
        assert_eq!((report.samples.len(), report.failed()), (5, 5));
    }

    #[test]
    fn the_token_is_sent_as_a_bearer_header() {
        let (address, _) = serve();
        let mut with_token = plan(address, &["/a"], 4, 1);
        with_token.token = Some("secret".into());
        assert_eq!(run(&with_token).failed(), 0);
        with_token.token = Some("wrong".into());
        assert_eq!(run(&with_token).failed(), 4);
    }

    #[test]
    fn responses_are_read_by_length_chunks_or_close() {
        let mut chunked: &[u8] = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
            3\r\nabc\r\nA\r\n0123456789\r\n0\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nnopeREST";
        let first = read_response(&mut chunked).unwrap();
        assert_eq!(
            (first.status, first.body_len, first.keep_alive),
            (200, 13, true)
        );
        let second = read_response(&mut chunked).unwrap();
        assert_eq!((second.status, second.body_len), (404, 4));
        assert_eq!(chunked, b"REST");

        let mut closing: &[u8] =
            b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx";
        assert!(!read_response(&mut closing).unwrap().keep_alive);
        let mut truncated: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort";
        assert!(read_response(&mut truncated).is_err());
        let mut garbage: &[u8] = b"hello\r\n\r\n";
        assert!(read_response(&mut garbage).is_err());
    }

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let latencies: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&latencies, 50.0), 50.0);
        assert_eq!(percentile(&latencies, 90.0), 90.0);
        assert_eq!(percentile(&latencies, 99.0), 99.0);
        assert_eq!(percentile(&latencies, 100.0), 100.0);
        let three = [1, 2, 9].map(Duration::from_millis);
        assert_eq!(percentile(&three, 50.0), 2.0);
        assert_eq!(percentile(&three, 99.0), 9.0);
        assert_eq!(percentile(&[], 50.0), 0.0);
    }

    #[test]
    fn only_loopback_http_targets_unless_allowed() {
        assert!(Target::parse("http://127.0.0.1:8080", false).is_ok());
        assert!(Target::parse("http://localhost:8080/", false).is_ok());
        assert_eq!(
            Target::parse("http://[::1]:9000", false)
                .unwrap()
                .address
                .port(),
            9000
        );
        assert!(Target::parse("https://127.0.0.1:8080", false).is_err());
        assert!(Target::parse("http://127.0.0.1:8080/api", false).is_err());
        let remote = Target::parse("http://192.0.2.1:80", false).unwrap_err();
        assert!(remote.contains("--allow-remote"), "{remote}");
        assert!(Target::parse("http://192.0.2.1:80", true).is_ok());
    }
}
