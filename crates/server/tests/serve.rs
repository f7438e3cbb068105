//! `serve_blocking` over a real socket: it announces the port it bound,
//! answers HTTP, and stops gracefully at SIGTERM. (Its own test binary:
//! the signal is sent to this process.)

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::time::Duration;

use common::TestBackend;
use corroborate_server::{serve_blocking, ServeOptions};

const TOKEN: &str = "socket-test-token";

/// One HTTP/1.1 request; the whole response as text.
fn http_get(address: SocketAddr, path: &str, token: Option<&str>) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let authorization = token
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {address}\r\n{authorization}Connection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[cfg(unix)]
#[test]
fn serves_on_the_announced_port_until_sigterm() {
    let options = ServeOptions::new("127.0.0.1:0".parse().unwrap(), Some(TOKEN.into())).unwrap();
    let (announce, announced) = mpsc::channel();
    let server = std::thread::spawn(move || {
        serve_blocking(TestBackend::new(), &options, |address| {
            announce.send(address).unwrap();
        })
    });
    let address = announced.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(address.ip().is_loopback());
    assert_ne!(address.port(), 0);

    let answer = http_get(address, "/api/revision", Some(TOKEN));
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("application/json"));
    assert!(answer.ends_with("{\"revision\":0}"), "{answer}");
    let refused = http_get(address, "/api/revision", None);
    assert!(refused.starts_with("HTTP/1.1 401"), "{refused}");

    // An open event stream must not hold up the shutdown.
    let mut events = open_event_stream(address);

    let status = std::process::Command::new("kill")
        .args(["-TERM", &std::process::id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let (done, finished) = mpsc::channel();
    std::thread::spawn(move || done.send(server.join().unwrap()).unwrap());
    let result = finished.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(result.is_ok(), "{result:?}");
    assert!(TcpStream::connect(address).is_err());
    let mut rest = String::new();
    events.read_to_string(&mut rest).unwrap();
}

/// Connects to `/api/updates` and reads up to the first event.
fn open_event_stream(address: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let request = format!(
        "GET /api/updates HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {TOKEN}\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut received = Vec::new();
    let mut buffer = [0; 1024];
    while !String::from_utf8_lossy(&received).contains("data: 0") {
        let read = stream.read(&mut buffer).unwrap();
        assert_ne!(read, 0, "the stream ended before its first event");
        received.extend_from_slice(&buffer[..read]);
    }
    assert!(String::from_utf8_lossy(&received).contains("text/event-stream"));
    stream
}
