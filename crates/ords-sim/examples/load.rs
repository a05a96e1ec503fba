//! A bounded load run against a running ords-sim on loopback: each connection gets a token
//! and then reads the employees collection with it, over keep-alive.
//!
//! cargo run --release -p ords-sim --example load -- [ADDR] [REQUESTS] [CONNECTIONS]
//! (defaults 127.0.0.1:8181 20000 64; stops after 30 s whatever the count)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const DEMO_BASIC: &str = "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm0yUXg3ZFZiVWFFNGtSOXBMd1Qxc0EuLg==";
const LIMIT: Duration = Duration::from_secs(30);

/// Sends one request and reads the response; returns (status, body).
fn exchange(reader: &mut BufReader<TcpStream>, raw: &str) -> std::io::Result<(u16, String)> {
    reader.get_mut().write_all(raw.as_bytes())?;
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let status = line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0;
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        if line.trim().is_empty() {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

fn worker(addr: &str, pairs: usize, started: Instant, done: &AtomicUsize, errors: &AtomicUsize) -> std::io::Result<()> {
    let mut reader = BufReader::new(TcpStream::connect(addr)?);
    let token_request = format!(
        "POST /ords/demo/oauth/token HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {DEMO_BASIC}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 29\r\n\r\ngrant_type=client_credentials"
    );
    for _ in 0..pairs {
        if started.elapsed() > LIMIT {
            break;
        }
        let (status, body) = exchange(&mut reader, &token_request)?;
        let token = body.split("\"access_token\":\"").nth(1).and_then(|t| t.split('"').next()).unwrap_or("");
        let ok_token = status == 200 && token.len() == 22;
        let get =
            format!("GET /ords/demo/hr/employees/ HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\r\n");
        let (status, _) = exchange(&mut reader, &get)?;
        done.fetch_add(2, Ordering::Relaxed);
        errors.fetch_add(usize::from(!ok_token) + usize::from(status != 200), Ordering::Relaxed);
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let addr = args.first().cloned().unwrap_or_else(|| "127.0.0.1:8181".into());
    let requests: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(20_000).min(1_000_000);
    let connections: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(64).clamp(1, 256);
    let (done, errors) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let started = Instant::now();
    let pairs = requests / 2 / connections;
    let threads: Vec<_> = (0..connections)
        .map(|_| {
            let (addr, done, errors) = (addr.clone(), Arc::clone(&done), Arc::clone(&errors));
            std::thread::spawn(move || {
                if worker(&addr, pairs, started, &done, &errors).is_err() {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    threads.into_iter().for_each(|t| {
        let _ = t.join();
    });
    let seconds = started.elapsed().as_secs_f64();
    let done = done.load(Ordering::Relaxed);
    println!(
        "{done} requests ({} token + {} employees) over {connections} connections in {seconds:.2} s: {:.0} requests/s, \
            {} errors",
        done / 2,
        done / 2,
        done as f64 / seconds,
        errors.load(Ordering::Relaxed)
    );
}
