//! Plain HTTP values. Requests are built as values and handed to whatever sends them
//! (browser fetch, the in-page simulator, a test closure).

/// An HTTP request as it goes on the wire (the URL is absolute). Its `Debug` shows no header
/// value, query or body: a request on the wire may carry any secret.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// An HTTP response as the client saw it. Its `Debug` shows no header value or body (a token
/// response holds the token).
#[derive(Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpRequest {
    /// A request with no headers and no body.
    pub fn new(method: &str, url: &str) -> Self {
        Self { method: method.to_owned(), url: url.to_owned(), headers: Vec::new(), body: String::new() }
    }

    /// Adds a header (builder style).
    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// Sets the body (builder style).
    pub fn with_body(mut self, body: impl Into<String>) -> Self {
        self.body = body.into();
        self
    }

    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

impl HttpResponse {
    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// The media type of the body, lower-cased, without parameters.
    pub fn media_type(&self) -> Option<String> {
        self.header("content-type").map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
    }
}

/// Case-insensitive header lookup shared by requests, responses and the simulator.
pub fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// The standard reason phrase for a status, as ORDS writes it (555 and 570 repeat the number).
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        507 => "Insufficient Storage",
        555 => "555",
        570 => "570",
        _ => "",
    }
}

impl HttpRequest {
    /// The request as text: request line, headers, blank line, body.
    pub fn to_text(&self) -> String {
        let mut out = format!("{} {}\n", self.method, self.url);
        for (name, value) in &self.headers {
            out.push_str(&format!("{name}: {value}\n"));
        }
        if !self.body.is_empty() {
            out.push('\n');
            out.push_str(&self.body);
        }
        out
    }
}

/// A body's bytes as `Response.text()` gives them: UTF-8, bad sequences replaced, a leading
/// byte-order mark dropped.
pub fn body_text(bytes: Vec<u8>) -> String {
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8()); // in place: the body may be 10 MB
    }
    text
}

fn header_names(headers: &[(String, String)]) -> Vec<&str> {
    headers.iter().map(|(k, _)| k.as_str()).collect()
}

impl std::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url.split(['?', '#']).next().unwrap_or(""))
            .field("headers", &header_names(&self.headers))
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

impl std::fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("headers", &header_names(&self.headers))
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

/// Who sent the validator a `304 Not Modified` answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validator {
    /// The request carried `If-None-Match` or `If-Modified-Since` (the person's extra headers).
    ThisPage,
    /// Nobody: the browser's HTTP cache answers its own revalidations with its stored copy and
    /// never hands the page a 304, so the server or a proxy answered unprompted.
    Nobody,
}

impl Validator {
    pub fn of(request: &HttpRequest) -> Self {
        let sent = ["if-none-match", "if-modified-since"].iter().any(|h| request.header(h).is_some());
        if sent {
            Self::ThisPage
        } else {
            Self::Nobody
        }
    }

    /// The one sentence the status line and Diagnosis both say.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::ThisPage => {
                "Not Modified (no body): this page's request carried a validator (If-None-Match or \
                 If-Modified-Since) that still matches, so the copy you have is current."
            }
            Self::Nobody => {
                "Not Modified (no body), though nobody sent a validator: not this page, and not the browser's \
                 cache (it answers its own revalidations with its stored copy), so the server or a proxy answered \
                 304 unprompted."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_as_text() {
        let r = HttpRequest::new("POST", "https://h/ords/a/oauth/token")
            .with_header("Content-Type", "application/x-www-form-urlencoded")
            .with_body("grant_type=client_credentials");
        assert_eq!(
            r.to_text(),
            "POST https://h/ords/a/oauth/token\nContent-Type: \
                application/x-www-form-urlencoded\n\ngrant_type=client_credentials"
        );
        assert_eq!(HttpRequest::new("GET", "https://h/").to_text(), "GET https://h/\n");
    }

    #[test]
    fn reasons_and_debug_without_secrets() {
        assert_eq!((reason_phrase(555), reason_phrase(404)), ("555", "Not Found"));
        let r = HttpRequest::new("POST", "https://h/t?access_token=SECRET1")
            .with_header("Authorization", "Basic SECRET2")
            .with_body("client_secret=SECRET3");
        let shown = format!("{r:?}");
        assert_eq!(
            shown,
            r#"HttpRequest { method: "POST", url: "https://h/t", headers: ["Authorization"], body_bytes: 21 }"#
        );
        let response = HttpResponse { status: 200, reason: "OK".into(), headers: vec![], body: "SECRET4".into() };
        assert!(!format!("{response:?}").contains("SECRET"));
    }

    #[test]
    fn body_text_decodes_like_response_text() {
        assert_eq!(body_text(b"{\"a\":\"\xc3\xa9\"}".to_vec()), "{\"a\":\"\u{e9}\"}");
        assert_eq!(body_text(b"ok\xff".to_vec()), "ok\u{fffd}");
        assert_eq!(body_text(b"\xef\xbb\xbf[1]".to_vec()), "[1]");
    }
}
