//! A proxy in front of ORDS that redirects (switch `proxy_redirect`): `http` to `https`, or a
//! path that lacks its trailing slash to the path with it. Not ORDS's own behaviour: the two
//! redirects people most often meet on the way to it (nginx's `return 301 https://…`, a web
//! server's directory slash). Its `301` carries the CORS headers for an allowed origin, as a
//! proxy that adds them to every answer does, so a page can see it was redirected; without
//! them a browser shows only a failed fetch, and so does a redirected preflight.

use ords_core::HttpUrl;

/// Which redirect the proxy makes, if any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProxyRedirect {
    #[default]
    Off,
    /// Every `http` request to the same URL on `https`.
    Https,
    /// A path one `/` short of a handler's template to the path with the slash.
    Slash,
}

impl ProxyRedirect {
    pub const ALL: [Self; 3] = [Self::Off, Self::Https, Self::Slash];

    pub fn key(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Https => "https",
            Self::Slash => "slash",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// Where the proxy sends a request for `url` (`raw` as received), if it redirects it.
/// `routes` tells whether a path reaches a handler.
pub fn location(mode: ProxyRedirect, raw: &str, url: &HttpUrl, routes: impl Fn(&str) -> bool) -> Option<String> {
    match mode {
        ProxyRedirect::Off => None,
        ProxyRedirect::Https => {
            let rest = raw.get(url.scheme.len()..).filter(|_| url.scheme.eq_ignore_ascii_case("http"))?;
            Some(format!("https{rest}"))
        }
        ProxyRedirect::Slash => {
            let with_slash = format!("{}/", url.path);
            if url.path.ends_with('/') || routes(&url.path) || !routes(&with_slash) {
                return None;
            }
            let query = url.query.as_deref().map(|q| format!("?{q}")).unwrap_or_default();
            Some(format!("{}{with_slash}{query}", url.origin()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(mode: ProxyRedirect, raw: &str) -> Option<String> {
        let url = HttpUrl::parse(raw).unwrap();
        location(mode, raw, &url, |p| p == "/ords/demo/hr/employees/")
    }

    #[test]
    fn redirects_http_to_https_and_adds_a_missing_slash_only() {
        let http = "http://127.0.0.1:8181/ords/demo/hr/employees/?limit=5";
        assert_eq!(
            at(ProxyRedirect::Https, http).as_deref(),
            Some("https://127.0.0.1:8181/ords/demo/hr/employees/?limit=5")
        );
        assert_eq!(at(ProxyRedirect::Https, "https://h/ords/demo/x"), None);
        assert_eq!(at(ProxyRedirect::Off, http), None);
        assert_eq!(
            at(ProxyRedirect::Slash, "http://h:1/ords/demo/hr/employees?offset=25").as_deref(),
            Some("http://h:1/ords/demo/hr/employees/?offset=25")
        );
        assert_eq!(at(ProxyRedirect::Slash, http), None, "already there");
        assert_eq!(at(ProxyRedirect::Slash, "http://h/ords/demo/hr/nothing"), None, "no handler with the slash");
        assert_eq!(ProxyRedirect::ALL.map(|m| ProxyRedirect::from_key(m.key())), ProxyRedirect::ALL.map(Some));
    }
}
