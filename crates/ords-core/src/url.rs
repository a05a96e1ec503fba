//! A small absolute-URL check for the form fields (the `url` crate would triple the page).
//!
//! It accepts what a browser's fetch accepts for ORDS endpoints: `http` or `https`, a host,
//! an optional port, then path, query and fragment. It rejects what would fail later in a
//! less helpful way: spaces and control characters, missing scheme or host, characters no
//! host name may hold, user info (`user:pw@host`).

/// The parts of an accepted URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpUrl {
    pub scheme: String,
    pub host: String,
    pub port: Option<u16>,
    /// Path, starting with `/` (just `/` when the URL has none).
    pub path: String,
    /// The query without `?`, if any.
    pub query: Option<String>,
}

/// Why a URL was refused, phrased for the person who typed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    Empty,
    HasWhitespace,
    HasControl,
    NoScheme,
    UnsupportedScheme(String),
    NoHost,
    BadHost(char),
    UserInfo,
    BadPort(String),
}

impl std::fmt::Display for UrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => f.write_str("Enter a URL."),
            Self::HasWhitespace => f.write_str("The URL contains spaces or line breaks; remove them."),
            Self::HasControl => f.write_str("The URL contains a control character; retype it."),
            Self::NoScheme => f.write_str("Start the URL with https:// (or http:// for a local server)."),
            Self::UnsupportedScheme(s) => write!(f, "Only http and https URLs can be called, not {s}:."),
            Self::NoHost => f.write_str("The URL has no host name after the scheme."),
            Self::BadHost(c) => write!(f, "A host name cannot contain \"{c}\"."),
            Self::UserInfo => {
                f.write_str("Do not put credentials in the URL (user:password@host); use the credential fields.")
            }
            Self::BadPort(p) => write!(f, "The port \"{p}\" is not a number from 1 to 65535."),
        }
    }
}

impl HttpUrl {
    /// Parses an absolute http(s) URL. Leading/trailing whitespace is an error, not trimmed:
    /// a pasted trailing space is a classic cause of ORDS 404s and must be seen.
    pub fn parse(input: &str) -> Result<Self, UrlError> {
        if input.is_empty() {
            return Err(UrlError::Empty);
        }
        if input.chars().any(char::is_whitespace) {
            return Err(UrlError::HasWhitespace);
        }
        if input.chars().any(char::is_control) {
            return Err(UrlError::HasControl);
        }
        let (scheme, rest) = input.split_once("://").ok_or(UrlError::NoScheme)?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(UrlError::UnsupportedScheme(scheme));
        }
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(authority_end);
        if authority.contains('@') {
            return Err(UrlError::UserInfo);
        }
        let (host, port) = split_host_port(authority)?;
        if host.is_empty() {
            return Err(UrlError::NoHost);
        }
        check_host(host)?;
        let tail = tail.split('#').next().unwrap_or("");
        let (path, query) = match tail.split_once('?') {
            Some((p, q)) => (p, Some(q.to_owned())),
            None => (tail, None),
        };
        let path = if path.is_empty() { "/".to_owned() } else { path.to_owned() };
        Ok(Self { scheme, host: host.to_ascii_lowercase(), port, path, query })
    }

    /// `scheme://host[:port]`, the form browsers use for `Origin`.
    pub fn origin(&self) -> String {
        match self.port {
            Some(p) => format!("{}://{}:{p}", self.scheme, self.host),
            None => format!("{}://{}", self.scheme, self.host),
        }
    }

    /// The non-empty path segments.
    pub fn segments(&self) -> Vec<&str> {
        self.path.split('/').filter(|s| !s.is_empty()).collect()
    }
}

/// `(alias, module base path)` from `/ords/<alias>/<module>/…` or `/pls/apex/<alias>/<module>/…`.
pub fn ords_alias_and_module(url: &HttpUrl) -> Option<(String, Option<String>)> {
    let segments = url.segments();
    let start = match segments.as_slice() {
        ["pls", "apex", ..] => 2,
        _ => segments.iter().position(|s| *s == "ords")? + 1,
    };
    let alias = segments.get(start)?.to_string();
    let module = segments.get(start + 1).filter(|m| !matches!(**m, "oauth" | "oauth2")).map(|m| m.to_string());
    Some((alias, module))
}

/// A link's `origin`: `scheme://host[:port]`, nothing after it but one `/`.
pub fn parse_origin(value: &str) -> Result<String, String> {
    let bad = || "not an origin (https://host or https://host:port)".to_owned();
    let url = HttpUrl::parse(value.trim()).map_err(|_| bad())?;
    let rest = url.path.trim_start_matches('/');
    if !rest.is_empty() || url.query.is_some() || value.contains('#') || value.contains('@') {
        return Err(bad());
    }
    Ok(url.origin())
}

/// WHATWG URL's forbidden domain code points, so fetch never throws on a host we accepted.
fn check_host(host: &str) -> Result<(), UrlError> {
    if let Some(inner) = host.strip_prefix('[') {
        let ok = inner
            .strip_suffix(']')
            .is_some_and(|a| !a.is_empty() && a.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.'));
        return if ok { Ok(()) } else { Err(UrlError::BadHost('[')) };
    }
    match host.chars().find(|c| "%<>[]\\^|".contains(*c) || *c == '\u{7f}') {
        Some(c) => Err(UrlError::BadHost(c)),
        None => Ok(()),
    }
}

/// The origin (`scheme://host[:port]`) of an accepted URL.
pub fn origin_of(url: &str) -> Option<String> {
    HttpUrl::parse(url).ok().map(|u| u.origin())
}

/// The URL with any `user:password@` removed (for storage, links and code: never kept).
pub fn strip_user_info(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_owned(),
    }
}

/// The URL up to a query parameter's value, `url?name=` (or `…&name=`), the name form-encoded
/// and any fragment dropped: for code and screens that append a value known only later.
pub fn query_lead(url: &str, name: &str) -> String {
    let base = url.split('#').next().unwrap_or(url);
    let separator = if base.contains('?') { '&' } else { '?' };
    format!("{base}{separator}{}=", crate::encode::form_encode(name))
}

/// Appends form-encoded pairs to a URL's query string (before any fragment).
pub fn with_query(url: &str, pairs: &[(&str, &str)]) -> String {
    if pairs.is_empty() {
        return url.to_owned();
    }
    let (base, fragment) = url.split_once('#').map(|(b, f)| (b, Some(f))).unwrap_or((url, None));
    let separator = if base.contains('?') { '&' } else { '?' };
    let mut out = format!("{base}{separator}{}", crate::encode::form_body(pairs));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

fn split_host_port(authority: &str) -> Result<(&str, Option<u16>), UrlError> {
    // IPv6 literals keep their brackets: [::1]:8181
    let colon = if authority.starts_with('[') {
        authority.find(']').and_then(|end| authority[end..].find(':').map(|c| end + c))
    } else {
        authority.rfind(':')
    };
    let Some(colon) = colon else {
        return Ok((authority, None));
    };
    let port_text = &authority[colon + 1..];
    if port_text.is_empty() {
        return Ok((&authority[..colon], None));
    }
    match port_text.parse::<u16>() {
        Ok(p) if p > 0 => Ok((&authority[..colon], Some(p))),
        _ => Err(UrlError::BadPort(port_text.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ords_token_urls() {
        let u = HttpUrl::parse("https://host/ords/hr_api/oauth/token").unwrap();
        assert_eq!((u.scheme.as_str(), u.host.as_str(), u.port), ("https", "host", None));
        assert_eq!(u.segments(), ["ords", "hr_api", "oauth", "token"]);
        let apex = HttpUrl::parse("https://apex.oracle.com/pls/apex/ws/oauth/token").unwrap();
        assert_eq!(apex.origin(), "https://apex.oracle.com");
        let local = HttpUrl::parse("http://127.0.0.1:8181/ords/demo/hr/employees/?offset=25").unwrap();
        assert_eq!(local.origin(), "http://127.0.0.1:8181");
        assert_eq!(local.path, "/ords/demo/hr/employees/");
        assert_eq!(local.query.as_deref(), Some("offset=25"));
        assert_eq!(HttpUrl::parse("http://[::1]:8181").unwrap().host, "[::1]");
    }

    #[test]
    fn refuses_malformed_urls_with_a_reason() {
        assert_eq!(HttpUrl::parse(""), Err(UrlError::Empty));
        assert_eq!(HttpUrl::parse("https://host/ords/x/oauth/token "), Err(UrlError::HasWhitespace));
        assert_eq!(HttpUrl::parse("host/ords"), Err(UrlError::NoScheme));
        assert_eq!(HttpUrl::parse("ftp://host/"), Err(UrlError::UnsupportedScheme("ftp".into())));
        assert_eq!(HttpUrl::parse("https:///ords"), Err(UrlError::NoHost));
        assert_eq!(HttpUrl::parse("https://a:b@host/"), Err(UrlError::UserInfo));
        assert_eq!(HttpUrl::parse("http://host:99999/"), Err(UrlError::BadPort("99999".into())));
        assert_eq!(UrlError::NoScheme.to_string(), "Start the URL with https:// (or http:// for a local server).");
        assert_eq!(HttpUrl::parse("https://h/a\u{0}b"), Err(UrlError::HasControl));
        assert_eq!(HttpUrl::parse("https://ex|ample/"), Err(UrlError::BadHost('|')));
        assert_eq!(HttpUrl::parse("http://[::1/"), Err(UrlError::BadHost('[')));
        assert_eq!(UrlError::BadHost('|').to_string(), "A host name cannot contain \"|\".");
    }

    #[test]
    fn alias_and_module_from_ords_urls() {
        let parts = |u: &str| ords_alias_and_module(&HttpUrl::parse(u).unwrap());
        assert_eq!(parts("https://h/ords/hr_api/hr/employees/"), Some(("hr_api".into(), Some("hr".into()))));
        assert_eq!(parts("https://h/ords/hr_api/oauth/token"), Some(("hr_api".into(), None)));
        assert_eq!(parts("https://apex.oracle.com/pls/apex/ws/api/x"), Some(("ws".into(), Some("api".into()))));
        assert_eq!(parts("https://h/api/x"), None);
    }

    #[test]
    fn query_pairs_are_appended_and_encoded() {
        assert_eq!(with_query("https://h/t", &[("audience", "a b")]), "https://h/t?audience=a+b");
        assert_eq!(with_query("https://h/t?x=1#f", &[("r", "é")]), "https://h/t?x=1&r=%C3%A9#f");
        assert_eq!(with_query("https://h/t", &[]), "https://h/t");
        assert_eq!(query_lead("https://h/t?a=1#f", "access token"), "https://h/t?a=1&access+token=");
    }

    #[test]
    fn user_info_is_stripped_and_origins_read() {
        assert_eq!(strip_user_info("https://a:b@h:1/p?q=@x"), "https://h:1/p?q=@x");
        assert_eq!(strip_user_info("https://h/p@x"), "https://h/p@x");
        assert_eq!(strip_user_info("not a url"), "not a url");
        assert_eq!(origin_of("HTTPS://Host:8443/x").as_deref(), Some("https://host:8443"));
        assert_eq!(origin_of("nope"), None);
    }
}
