//! `ords-sim --log-requests` as a person runs it: the binary on loopback, a token request over a
//! real socket, and its line on standard output, with the id shown and no secret.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn each_request_is_printed_with_every_secret_masked() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ords-sim"))
        .args(["--listen", "127.0.0.1:0", "--log-requests", "--body-client-auth"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut address = String::new();
    let started = Instant::now();
    while address.is_empty() && started.elapsed() < Duration::from_secs(10) {
        let mut line = String::new();
        if out.read_line(&mut line).unwrap() == 0 {
            break;
        }
        if let Some(rest) = line.trim().strip_prefix("ords-sim listening on http://") {
            address = rest.to_owned();
        }
    }
    assert!(!address.is_empty(), "ords-sim did not start");
    let body =
        "grant_type=client_credentials&client_id=Te8yn-qGmBoX6jzpPhnUXA..&client_secret=m2Qx7dVbUaE4kR9pLwT1sA..";
    let raw = format!(
        "POST /ords/demo/oauth/token HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\
         Authorization: Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm0yUXg3ZFZiVWFFNGtSOXBMd1Qxc0EuLg==\r\n\
         presharedkey: s3cr3t-key\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\
         \n{body}",
        body.len()
    );
    let mut stream = TcpStream::connect(&address).unwrap();
    stream.write_all(raw.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    // The banner's lines come first; the request's line follows.
    let mut logged = String::new();
    while !logged.starts_with("POST ") {
        logged.clear();
        assert!(out.read_line(&mut logged).unwrap() > 0, "no line for the request");
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(logged.starts_with("POST /ords/demo/oauth/token | "), "{logged}");
    assert!(logged.contains("Authorization: Basic Te8yn-qGmBoX6jzpPhnUXA..:•••• (decoded)"), "{logged}");
    assert!(logged.contains("client_id=Te8yn-qGmBoX6jzpPhnUXA..&client_secret=••••"), "{logged}");
    assert!(logged.contains("presharedkey: ••••"), "{logged}");
    for secret in ["m2Qx7dVbUaE4kR9pLwT1sA..", "s3cr3t-key", "VGU4eW4t"] {
        assert!(!logged.contains(secret), "{secret} in {logged}");
    }
}
