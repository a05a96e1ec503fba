//! A small HTTP/1.1 server around the model, for workshops and tests. Loopback only.
//!
//! Hand-written on std + httparse so every limit is ours: headers over 16 KiB get 431,
//! bodies over 1 MiB get 413, malformed requests 400, all ORDS-shaped; connections are
//! capped so a flood cannot exhaust threads.

use crate::problem::problem;
use crate::Sim;
use ords_core::{reason_phrase, HttpRequest, HttpResponse};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub const MAX_HEADER_BYTES: usize = 16 * 1024;
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
const MAX_CONNECTIONS: usize = 512;
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// Wall-clock milliseconds since the epoch.
pub fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

/// A seed from the OS (std's hasher keys are drawn from OS randomness).
pub fn os_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(now_ms());
    h.finish()
}

/// Serves until the process ends; one thread per connection.
pub fn serve(listener: TcpListener, sim: Arc<Mutex<Sim>>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming().flatten() {
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let mut stream = stream;
            let busy = problem(503, "ServiceUnavailable", "Too many connections", "busy");
            let _ = write_response(&mut stream, &busy, false);
            continue;
        }
        let (sim, open) = (Arc::clone(&sim), Arc::clone(&open));
        std::thread::spawn(move || {
            let _ = connection(stream, &sim);
            open.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

enum Incoming {
    Request(HttpRequest, bool),
    Closed,
    Refuse(HttpResponse),
}

fn connection(stream: TcpStream, sim: &Mutex<Sim>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
    let _ = stream.set_nodelay(true);
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    loop {
        match read_request(&mut reader)? {
            Incoming::Closed => return Ok(()),
            Incoming::Refuse(response) => return write_response(&mut writer, &response, false),
            Incoming::Request(request, keep_alive) => {
                let response = sim
                    .lock()
                    .map(|mut s| s.handle(&request, now_ms()))
                    .unwrap_or_else(|_| problem(500, "InternalServerError", "Internal Server Error", "poisoned"));
                write_response(&mut writer, &response, keep_alive)?;
                if !keep_alive {
                    return Ok(());
                }
            }
        }
    }
}

fn read_request(reader: &mut BufReader<TcpStream>) -> std::io::Result<Incoming> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        let n = reader.by_ref().take((MAX_HEADER_BYTES + 1 - head.len()) as u64).read_until(b'\n', &mut head)?;
        if n == 0 {
            return Ok(Incoming::Closed);
        }
        if head.len() > MAX_HEADER_BYTES {
            return Ok(Incoming::Refuse(problem(
                431,
                "RequestHeaderFieldsTooLarge",
                "Request Header Fields Too Large",
                "limit",
            )));
        }
        if head[before..] == *b"\r\n" || head[before..] == *b"\n" {
            if before == 0 {
                head.clear(); // tolerate blank lines between requests
                continue;
            }
            break;
        }
    }
    let mut headers = [httparse::EMPTY_HEADER; 96];
    let mut parsed = httparse::Request::new(&mut headers);
    let bad = |why: &str| Ok(Incoming::Refuse(problem(400, "BadRequest", why, "parse")));
    match parsed.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => {
            return Ok(Incoming::Refuse(problem(431, "RequestHeaderFieldsTooLarge", "Too many headers", "limit")))
        }
        _ => return bad("Malformed request"),
    }
    let (Some(method), Some(target), Some(version)) = (parsed.method, parsed.path, parsed.version) else {
        return bad("Malformed request line");
    };
    let header_list: Vec<(String, String)> =
        parsed.headers.iter().map(|h| (h.name.to_owned(), String::from_utf8_lossy(h.value).into_owned())).collect();
    let find = |name: &str| ords_core::find_header(&header_list, name).map(str::to_owned);
    if find("transfer-encoding").is_some() {
        return Ok(Incoming::Refuse(problem(411, "LengthRequired", "Send the body with Content-Length", "limit")));
    }
    let length = match find("content-length").map(|v| v.trim().parse::<usize>()) {
        None => 0,
        Some(Ok(n)) if n <= MAX_BODY_BYTES => n,
        Some(Ok(_)) => return Ok(Incoming::Refuse(problem(413, "PayloadTooLarge", "Content Too Large", "limit"))),
        Some(Err(_)) => return bad("Content-Length is not a number"),
    };
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let host = find("host").unwrap_or_else(|| "127.0.0.1".into());
    let connection = find("connection").unwrap_or_default().to_ascii_lowercase();
    let keep_alive = if version == 0 { connection == "keep-alive" } else { connection != "close" };
    let request = HttpRequest {
        method: method.to_owned(),
        url: format!("http://{host}{target}"),
        headers: header_list,
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    Ok(Incoming::Request(request, keep_alive))
}

fn write_response(stream: &mut TcpStream, response: &HttpResponse, keep_alive: bool) -> std::io::Result<()> {
    let reason = if response.reason.is_empty() { reason_phrase(response.status) } else { &response.reason };
    let mut out = format!("HTTP/1.1 {} {reason}\r\n", response.status);
    for (name, value) in &response.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    let connection = if keep_alive { "keep-alive" } else { "close" };
    out.push_str(&format!("Content-Length: {}\r\nConnection: {connection}\r\n\r\n", response.body.len()));
    out.push_str(&response.body);
    stream.write_all(out.as_bytes())?;
    stream.flush()
}
