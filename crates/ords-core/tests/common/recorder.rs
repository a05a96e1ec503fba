//! A loopback HTTP server that records every request byte for byte and answers like ORDS:
//! a token for `…/oauth/token`, `{}` for anything else. One connection per request.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The access token the recorder hands out.
pub const TOKEN: &str = "TOK";

/// One request as it arrived.
#[derive(Clone, Debug, Default)]
pub struct Recorded {
    pub method: String,
    /// The request target's bytes, as sent.
    pub target: Vec<u8>,
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&[u8]> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_slice())
    }

    /// The target's path, percent-decoded (clients encode paths differently; the bytes meant
    /// are what must be equal).
    pub fn path(&self) -> Vec<u8> {
        let end = self.target.iter().position(|&b| b == b'?').unwrap_or(self.target.len());
        percent_decode(&self.target[..end], false)
    }
}

pub fn percent_decode(bytes: &[u8], plus_is_space: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// Decoded `application/x-www-form-urlencoded` pairs, as bytes.
pub fn form_pairs(body: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
    body.split(|&b| b == b'&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let at = p.iter().position(|&b| b == b'=').unwrap_or(p.len());
            let value = if at < p.len() { &p[at + 1..] } else { &[][..] };
            (percent_decode(&p[..at], true), percent_decode(value, true))
        })
        .collect()
}

pub struct Recorder {
    pub base: String,
    pub requests: Arc<Mutex<Vec<Recorded>>>,
}

impl Recorder {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let base = format!("http://{}", listener.local_addr().expect("an address"));
        let requests: Arc<Mutex<Vec<Recorded>>> = Arc::default();
        let store = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let store = Arc::clone(&store);
                std::thread::spawn(move || serve(stream, &store));
            }
        });
        Self { base, requests }
    }

    /// Everything recorded so far, in arrival order; the list is emptied.
    pub fn take(&self) -> Vec<Recorded> {
        std::mem::take(&mut *self.requests.lock().unwrap())
    }
}

/// Records the request before answering it: a client that exits on the answer then finds it
/// recorded (recording after the answer raced `take`).
fn serve(mut stream: TcpStream, store: &Mutex<Vec<Recorded>>) -> Option<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    let head_end = loop {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
        if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
    };
    let head = data[..head_end].to_vec();
    let mut lines = head.split(|&b| b == b'\n').map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let request_line = lines.next()?;
    let mut parts = request_line.splitn(3, |&b| b == b' ');
    let method = String::from_utf8_lossy(parts.next()?).into_owned();
    let target = parts.next()?.to_vec();
    let headers: Vec<(String, Vec<u8>)> = lines
        .filter(|l| !l.is_empty())
        .filter_map(|l| {
            let at = l.iter().position(|&b| b == b':')?;
            let value = &l[at + 1..];
            let start = value.iter().position(|&b| b != b' ' && b != b'\t').unwrap_or(value.len());
            let end = value.iter().rposition(|&b| b != b' ' && b != b'\t').map_or(start, |e| e + 1);
            Some((String::from_utf8_lossy(&l[..at]).into_owned(), value[start..end.max(start)].to_vec()))
        })
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| std::str::from_utf8(v).ok()?.trim().parse().ok())
        .unwrap_or(0);
    let mut body = data[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&buf[..n]);
    }
    let token = target.ends_with(b"/oauth/token") || target.windows(13).any(|w| w == b"/oauth/token?");
    let answer = if token {
        format!(r#"{{"access_token":"{TOKEN}","token_type":"bearer","expires_in":3600}}"#)
    } else {
        "{}".to_owned()
    };
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
        answer.len()
    );
    store.lock().unwrap().push(Recorded { method, target, headers, body });
    let _ = stream.write_all(response.as_bytes());
    Some(())
}
