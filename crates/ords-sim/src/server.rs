//! A small HTTP/1.1 server around the model, for workshops and tests.
//!
//! Hand-written on std + httparse so every limit is ours: headers over 16 KiB get 431,
//! bodies over 1 MiB get 413, malformed requests 400, all ORDS-shaped. No client can take it
//! down: connections are capped (503 beyond), each request and each response has a whole
//! deadline (a client trickling bytes or never reading is cut off), a failed accept (out of
//! file descriptors) is answered with 503 from a spare descriptor and never spins, and a
//! poisoned model lock is recovered. With a document root (`--doc-root`) it also serves static
//! files outside `/ords/`, as ORDS standalone does (see `doc_root`).

use crate::doc_root::{self, Found};
use crate::problem::problem;
use crate::Sim;
use ords_core::{reason_phrase, HttpRequest, HttpResponse};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub const MAX_HEADER_BYTES: usize = 16 * 1024;
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How much one client may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Connections served at once; more get 503.
    pub connections: usize,
    /// From waiting for a request to having read all of it.
    pub request_deadline: Duration,
    /// For writing a whole response (a 10 MB page to a slow reader included).
    pub response_deadline: Duration,
    /// `--log-requests`: one line per request on standard output, secrets masked.
    pub log_requests: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            connections: 512,
            request_deadline: Duration::from_secs(30),
            response_deadline: Duration::from_secs(30),
            log_requests: false,
        }
    }
}

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

/// Serves until the process ends, with the default limits; one thread per connection.
pub fn serve(listener: TcpListener, sim: Arc<Mutex<Sim>>) {
    serve_with(listener, sim, Limits::default());
}

/// Serves until the process ends; one thread per connection.
pub fn serve_with(listener: TcpListener, sim: Arc<Mutex<Sim>>, limits: Limits) {
    serve_site(listener, sim, limits, None);
}

/// Serves the model and, when given, the static files of a document root.
pub fn serve_site(listener: TcpListener, sim: Arc<Mutex<Sim>>, limits: Limits, doc_root: Option<PathBuf>) {
    let doc_root = Arc::new(doc_root);
    let open = Arc::new(AtomicUsize::new(0));
    let refusing = Arc::new(AtomicUsize::new(0));
    // A descriptor kept in reserve: when accept fails for lack of them, closing this one lets
    // the waiting client be accepted and told 503, instead of the loop spinning on the error.
    let mut spare = spare_descriptor();
    loop {
        if spare.is_none() {
            spare = spare_descriptor();
        }
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(e) => {
                if out_of_descriptors(&e) {
                    drop(spare.take());
                    if let Ok((stream, _)) = listener.accept() {
                        refuse_busy(stream, "Out of file descriptors", &refusing);
                    }
                }
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
        };
        if open.fetch_add(1, Ordering::SeqCst) >= limits.connections {
            open.fetch_sub(1, Ordering::SeqCst);
            refuse_busy(stream, "Too many connections", &refusing);
            continue;
        }
        let (sim, open_count, doc_root) = (Arc::clone(&sim), Arc::clone(&open), Arc::clone(&doc_root));
        let spawned = std::thread::Builder::new().spawn(move || {
            let _ = connection(stream, &sim, limits, doc_root.as_deref());
            open_count.fetch_sub(1, Ordering::SeqCst);
        });
        if spawned.is_err() {
            open.fetch_sub(1, Ordering::SeqCst); // the stream was dropped with the closure: closed
        }
    }
}

fn spare_descriptor() -> Option<std::fs::File> {
    std::fs::File::open("/dev/null").ok()
}

fn out_of_descriptors(e: &std::io::Error) -> bool {
    matches!(e.raw_os_error(), Some(23 | 24)) // ENFILE, EMFILE
}

/// At most this many refusals are written at once; beyond, a connection is just closed.
const MAX_REFUSING: usize = 16;

/// Answers 503 off the accept loop: the request is read first (briefly), so that closing the
/// connection does not reset it before the client reads the answer.
fn refuse_busy(stream: TcpStream, why: &'static str, refusing: &Arc<AtomicUsize>) {
    if refusing.fetch_add(1, Ordering::SeqCst) >= MAX_REFUSING {
        refusing.fetch_sub(1, Ordering::SeqCst);
        return; // dropped: closed
    }
    let done = Arc::clone(refusing);
    let spawned = std::thread::Builder::new().spawn(move || {
        let mut conn = Deadline { stream, until: Instant::now() + Duration::from_millis(500) };
        let (mut buf, mut seen) = ([0u8; 4096], Vec::new());
        while let Ok(n) = conn.read(&mut buf) {
            seen.extend_from_slice(&buf[..n]);
            if n == 0 || seen.windows(4).any(|w| w == b"\r\n\r\n") || seen.len() > MAX_HEADER_BYTES {
                break;
            }
        }
        conn.until = Instant::now() + Duration::from_millis(500);
        let mut busy = problem(503, "ServiceUnavailable", why, "busy");
        busy.headers.push(("Retry-After".into(), "1".into()));
        let _ = write_response(&mut conn, &busy, false);
        let _ = conn.stream.shutdown(std::net::Shutdown::Write);
        done.fetch_sub(1, Ordering::SeqCst);
    });
    if spawned.is_err() {
        refusing.fetch_sub(1, Ordering::SeqCst);
    }
}

enum Incoming {
    Request(HttpRequest, bool),
    Closed,
    Refuse(HttpResponse),
}

/// A stream whose reads and writes share one deadline: each call waits at most for the time
/// left, so a client that trickles one byte at a time cannot hold a thread past it.
struct Deadline {
    stream: TcpStream,
    until: Instant,
}

impl Deadline {
    fn left(&self) -> std::io::Result<Duration> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            Err(std::io::Error::new(std::io::ErrorKind::TimedOut, "deadline passed"))
        } else {
            Ok(left)
        }
    }
}

impl Read for Deadline {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.stream.set_read_timeout(Some(self.left()?))?;
        self.stream.read(buf)
    }
}

impl Write for Deadline {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.stream.set_write_timeout(Some(self.left()?))?;
        self.stream.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.stream.flush()
    }
}

fn connection(
    stream: TcpStream,
    sim: &Mutex<Sim>,
    limits: Limits,
    doc_root: Option<&std::path::Path>,
) -> std::io::Result<()> {
    let _ = stream.set_nodelay(true);
    let writer = stream.try_clone()?;
    let mut reader = BufReader::new(Deadline { stream, until: Instant::now() + limits.request_deadline });
    loop {
        reader.get_mut().until = Instant::now() + limits.request_deadline;
        let incoming = match read_request(&mut reader) {
            Ok(incoming) => incoming,
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut || e.kind() == std::io::ErrorKind::WouldBlock => {
                let late = problem(408, "RequestTimeout", "The request took too long to arrive", "deadline");
                let mut out = Deadline { stream: writer, until: Instant::now() + Duration::from_secs(1) };
                return write_response(&mut out, &late, false);
            }
            Err(e) => return Err(e),
        };
        let mut out = Deadline { stream: writer.try_clone()?, until: Instant::now() + limits.response_deadline };
        match incoming {
            Incoming::Closed => return Ok(()),
            Incoming::Refuse(response) => return write_response(&mut out, &response, false),
            Incoming::Request(request, keep_alive) => {
                if limits.log_requests {
                    println!("{}", crate::request_log::line(&request));
                }
                match doc_root.map(|root| static_file(root, &request)) {
                    Some(Some((head, bytes))) => write_raw(&mut out, &head, &bytes, keep_alive)?,
                    _ => write_response(&mut out, &answer(sim, &request), keep_alive)?,
                }
                if !keep_alive {
                    return Ok(());
                }
            }
        }
    }
}

/// The model's answer. A lock poisoned by an earlier panic is taken over (the model's state is
/// plain data), and a panic here becomes a 500 for this request alone.
fn answer(sim: &Mutex<Sim>, request: &HttpRequest) -> HttpResponse {
    let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        sim.lock().unwrap_or_else(PoisonError::into_inner).handle(request, now_ms())
    }));
    handled.unwrap_or_else(|_| problem(500, "InternalServerError", "Internal Server Error", "panic"))
}

fn read_request(reader: &mut BufReader<Deadline>) -> std::io::Result<Incoming> {
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
    let host = find("host").filter(|h| !h.is_empty()).unwrap_or_else(|| "127.0.0.1".into());
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

/// A static file's answer (head, body) for a GET or HEAD under the document root.
fn static_file(root: &std::path::Path, request: &HttpRequest) -> Option<(HttpResponse, Vec<u8>)> {
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        return None;
    }
    let target = request.url.splitn(4, '/').nth(3).map(|rest| format!("/{rest}")).unwrap_or_else(|| "/".into());
    let (status, headers, bytes) = match doc_root::find(root, &target) {
        Found::Nothing => return None,
        Found::Redirect(location) => (301, vec![("Location".to_owned(), location)], Vec::new()),
        Found::File { bytes, content_type } => (200, vec![("Content-Type".to_owned(), content_type.to_owned())], bytes),
    };
    let reason = if status == 301 { "Moved Permanently" } else { "OK" };
    let mut head = HttpResponse { status, reason: reason.into(), headers, body: String::new() };
    head.headers.push(("Cache-Control".into(), "no-cache".into()));
    head.headers.push(("X-Content-Type-Options".into(), "nosniff".into()));
    let body = if head_only { Vec::new() } else { bytes };
    Some((head, body))
}

fn write_response(stream: &mut impl Write, response: &HttpResponse, keep_alive: bool) -> std::io::Result<()> {
    write_raw(stream, response, response.body.as_bytes(), keep_alive)
}

/// The status line and headers of `head`, then `body` (bytes: static files are not text).
fn write_raw(stream: &mut impl Write, head: &HttpResponse, body: &[u8], keep_alive: bool) -> std::io::Result<()> {
    let reason = if head.reason.is_empty() { reason_phrase(head.status) } else { &head.reason };
    let mut out = format!("HTTP/1.1 {} {reason}\r\n", head.status);
    for (name, value) in &head.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    let connection = if keep_alive { "keep-alive" } else { "close" };
    out.push_str(&format!("Content-Length: {}\r\nConnection: {connection}\r\n\r\n", body.len()));
    stream.write_all(out.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}
