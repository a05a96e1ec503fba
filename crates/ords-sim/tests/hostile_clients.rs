//! ords-sim never goes down for one client, over real sockets: the request that once
//! overflowed, a client trickling bytes, a client that never reads, a flood of connections.
//! After each, a normal request is answered. Deadlines are shortened so the tests are quick.

use ords_sim::server::{serve_with, Limits};
use ords_sim::{Sim, SimConfig};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn start(config: SimConfig, limits: Limits) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let sim = Arc::new(Mutex::new(Sim::new(config, 5)));
    std::thread::spawn(move || serve_with(listener, sim, limits));
    address
}

fn short() -> Limits {
    Limits {
        connections: 4,
        request_deadline: Duration::from_millis(800),
        response_deadline: Duration::from_millis(800),
        log_requests: false,
    }
}

/// One request on its own connection; the answer, or what went wrong.
fn get(address: &str, path: &str) -> String {
    let attempt = || -> std::io::Result<String> {
        let mut stream = TcpStream::connect(address)?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n")?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer)?;
        Ok(String::from_utf8_lossy(&answer).into_owned())
    };
    attempt().unwrap_or_else(|e| format!("(no answer: {e})"))
}

/// A normal request is answered (at once, or within `patience` while earlier clients are cut off).
fn answered_within(address: &str, patience: Duration) {
    let until = Instant::now() + patience;
    loop {
        let answer = get(address, "/ords/demo/hr/departments/");
        if answer.starts_with("HTTP/1.1 200 OK\r\n") {
            return;
        }
        assert!(Instant::now() < until, "a normal request is still answered: {answer}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn answered(address: &str) {
    answered_within(address, Duration::ZERO);
}

#[test]
fn the_offset_that_overflowed_is_answered_and_the_server_lives_on() {
    let address = start(SimConfig::demo(), short());
    for query in
        ["offset=18446744073709551615&limit=1", "offset=4294967295&limit=1", "offset=1&limit=18446744073709551615"]
    {
        let answer = get(&address, &format!("/ords/demo/hr/departments/?{query}"));
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{query}: {answer}");
        assert!(answer.contains("\"items\":[]") || answer.contains("\"department_id\""), "{answer}");
    }
    answered(&address);
}

#[test]
fn a_trickling_client_is_cut_off_at_the_deadline() {
    let address = start(SimConfig::demo(), short());
    let mut slow = TcpStream::connect(&address).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let started = Instant::now();
    let mut cut = false;
    for byte in b"GET /ords/demo/hr/departments/ HTTP/1.1\r\nHost: x\r\nX-Slow: ".iter().cycle().take(60) {
        if slow.write_all(&[*byte]).is_err() {
            cut = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
        answered_quietly(&address);
    }
    let mut answer = String::new();
    let _ = slow.read_to_string(&mut answer);
    assert!(cut || answer.starts_with("HTTP/1.1 408"), "cut off at the deadline, got: {answer}");
    assert!(started.elapsed() < Duration::from_secs(5), "the deadline is for the whole request, not each read");
    answered(&address);
}

/// A normal request between trickled bytes (once in a while, to keep the test short).
fn answered_quietly(address: &str) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    if N.fetch_add(1, Ordering::SeqCst).is_multiple_of(10) {
        answered(address);
    }
}

#[test]
fn a_client_that_never_reads_does_not_hold_a_connection() {
    let mut config = SimConfig::demo();
    config.generate_employees(50_000);
    let limits = Limits { connections: 2, ..short() };
    let address = start(config, limits);
    let basic = "Authorization: Basic aHJfdXNlcjpXZWxjb21lXzE="; // hr_user:Welcome_1
    let mut stuck = Vec::new();
    for _ in 0..2 {
        let mut s = TcpStream::connect(&address).unwrap();
        write!(s, "GET /ords/demo/hr/employees/?limit=50000 HTTP/1.1\r\nHost: x\r\n{basic}\r\n\r\n").unwrap();
        stuck.push(s); // about 10 MB each, never read
    }
    // Building the two pages takes a while in a debug build; after it, each write stops at the
    // response deadline and frees the connection. Without deadlines this would wait forever.
    answered_within(&address, Duration::from_secs(20));
    drop(stuck);
}

#[test]
fn a_flood_of_connections_gets_503_and_service_resumes() {
    let address = start(SimConfig::demo(), Limits { connections: 2, ..short() });
    let held: Vec<TcpStream> = (0..2).map(|_| TcpStream::connect(&address).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(100));
    let busy = get(&address, "/ords/demo/hr/departments/");
    assert!(busy.starts_with("HTTP/1.1 503 Service Unavailable\r\n"), "{busy}");
    assert!(busy.contains("Retry-After: 1\r\n"));
    drop(held);
    answered_within(&address, Duration::from_secs(5));
}
