//! The native server over loopback: real sockets, the ORDS model behind them, and the limits.

use ords_sim::{server, Sim, SimConfig};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

fn start() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let sim = Arc::new(Mutex::new(Sim::new(SimConfig::demo(), 5)));
    std::thread::spawn(move || server::serve(listener, sim));
    address
}

/// Sends raw bytes, returns the whole answer (the request asks the server to close).
fn exchange(address: &str, raw: &[u8]) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.write_all(raw).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn token_request_over_a_socket() {
    let address = start();
    let body = "grant_type=client_credentials";
    let raw = format!(
        "POST /ords/demo/oauth/token HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\
         Authorization: Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm0yUXg3ZFZiVWFFNGtSOXBMd1Qxc0EuLg==\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let answer = exchange(&address, raw.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(answer.contains("\"token_type\":\"bearer\",\"expires_in\":3600}"));
}

#[test]
fn keep_alive_serves_several_requests_on_one_connection() {
    let address = start();
    let mut stream = TcpStream::connect(&address).unwrap();
    let one = format!("GET /ords/demo/hr/employees/ HTTP/1.1\r\nHost: {address}\r\n\r\n");
    stream.write_all(format!("{one}{one}").as_bytes()).unwrap();
    stream.write_all(format!("GET /x HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert_eq!(answer.matches("HTTP/1.1 401 Unauthorized").count(), 2);
    assert_eq!(answer.matches("HTTP/1.1 404 Not Found").count(), 1);
}

#[test]
fn oversized_headers_get_431() {
    let address = start();
    let raw = format!("GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "a".repeat(20_000));
    let answer = exchange(&address, raw.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 431 "), "{answer}");
    assert!(answer.contains("\"code\":\"RequestHeaderFieldsTooLarge\""));
}

#[test]
fn oversized_body_gets_413_and_malformed_gets_400() {
    let address = start();
    let raw = "POST /ords/demo/oauth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n";
    assert!(exchange(&address, raw.as_bytes()).starts_with("HTTP/1.1 413 "));
    assert!(exchange(&address, b"NOT HTTP AT ALL\r\n\r\n").starts_with("HTTP/1.1 400 "));
    let bad_auth =
        "GET /ords/demo/hr/employees/ HTTP/1.1\r\nHost: x\r\nAuthorization: Basic %%%\r\nConnection: close\r\n\r\n";
    assert!(exchange(&address, bad_auth.as_bytes()).starts_with("HTTP/1.1 401 "));
}

#[test]
fn conditional_gets_and_bad_paging_over_a_socket() {
    let address = start();
    let get = |extra: &str, query: &str| {
        let raw = format!(
            "GET /ords/demo/hr/departments/{query} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n{extra}\r\n"
        );
        exchange(&address, raw.as_bytes())
    };
    let first = get("", "");
    assert!(first.starts_with("HTTP/1.1 200 OK\r\n"), "{first}");
    let etag = first.lines().find_map(|l| l.strip_prefix("ETag: ")).expect("an ETag").to_owned();
    let again = get(&format!("If-None-Match: {etag}\r\n"), "");
    assert!(again.starts_with("HTTP/1.1 304 Not Modified\r\n"), "{again}");
    let (head, body) = again.split_once("\r\n\r\n").unwrap();
    assert!(head.contains(&format!("ETag: {etag}")) && body.is_empty(), "{again}");
    for query in ["?limit=abc", "?offset=-1", "?limit=1.5"] {
        let refused = get("", query);
        assert!(refused.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{query}: {refused}");
        assert!(refused.contains("\"code\":\"BadRequest\",\"title\":\"Bad Request\""), "{refused}");
    }
}
