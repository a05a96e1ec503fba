//! A small absolute-URL check for the form fields (the `url` crate would triple the page).
//!
//! It accepts what a browser's fetch accepts for ORDS endpoints: `http` or `https`, a host,
//! an optional port, then path, query and fragment. It rejects what would fail later in a
//! less helpful way: spaces, missing scheme or host, user info (`user:pw@host`).

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
    NoScheme,
    UnsupportedScheme(String),
    NoHost,
    UserInfo,
    BadPort(String),
}

impl std::fmt::Display for UrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => f.write_str("Enter a URL."),
            Self::HasWhitespace => f.write_str("The URL contains spaces or line breaks; remove them."),
            Self::NoScheme => f.write_str("Start the URL with https:// (or http:// for a local server)."),
            Self::UnsupportedScheme(s) => write!(f, "Only http and https URLs can be called, not {s}:."),
            Self::NoHost => f.write_str("The URL has no host name after the scheme."),
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
    }
}
