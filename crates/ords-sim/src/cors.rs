//! CORS as ORDS does it: allowed origins are echoed (never `*`), credentials allowed, every
//! response header exposed, `Vary: Origin`; a disallowed origin gets no CORS headers.

use ords_core::{HttpRequest, HttpResponse};

/// What to do about the request's `Origin`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cors {
    /// No `Origin` header: not a cross-origin browser request (curl, same origin).
    SameOrigin,
    Allowed(String),
    Denied(String),
}

/// Decides by exact origin (module origins) or URL prefix (OAuth client `allowed_origins`).
/// An `Origin` equal to the request's own scheme, host and port is not cross-origin (browsers
/// send it on a same-origin POST; ORDS refuses it only when a proxy rewrote `Host`).
pub fn decide(request: &HttpRequest, allowed: &[String]) -> Cors {
    let Some(origin) = request.header("Origin") else {
        return Cors::SameOrigin;
    };
    let origin_lower = origin.trim_end_matches('/').to_ascii_lowercase();
    if ords_core::origin_of(&request.url).is_some_and(|own| own.to_ascii_lowercase() == origin_lower) {
        return Cors::SameOrigin;
    }
    let matches = allowed.iter().any(|entry| {
        let entry = entry.trim().trim_end_matches('/').to_ascii_lowercase();
        entry == origin_lower || entry.starts_with(&format!("{origin_lower}/"))
    });
    if matches {
        Cors::Allowed(origin.to_owned())
    } else {
        Cors::Denied(origin.to_owned())
    }
}

/// Adds the headers ORDS puts on an allowed actual (non-preflight) response.
pub fn add_actual_headers(response: &mut HttpResponse, origin: &str) {
    let mut exposed: Vec<String> = response.headers.iter().map(|(k, _)| k.clone()).collect();
    exposed.extend(["Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Vary"].map(String::from));
    response.headers.push(("Access-Control-Allow-Origin".into(), origin.into()));
    response.headers.push(("Access-Control-Allow-Credentials".into(), "true".into()));
    response.headers.push(("Access-Control-Expose-Headers".into(), exposed.join(", ")));
    response.headers.push(("Vary".into(), "Origin".into()));
}

/// True for an `OPTIONS` request that is a CORS preflight.
pub fn is_preflight(request: &HttpRequest) -> bool {
    request.method == "OPTIONS"
        && request.header("Origin").is_some()
        && request.header("Access-Control-Request-Method").is_some()
}

/// The answer to an allowed preflight: the template's methods, the requested headers echoed.
pub fn preflight_ok(request: &HttpRequest, origin: &str, methods: &str) -> HttpResponse {
    let mut headers = vec![
        ("Access-Control-Allow-Origin".to_owned(), origin.to_owned()),
        ("Access-Control-Allow-Credentials".to_owned(), "true".to_owned()),
        ("Access-Control-Allow-Methods".to_owned(), methods.to_owned()),
    ];
    if let Some(requested) = request.header("Access-Control-Request-Headers") {
        headers.push(("Access-Control-Allow-Headers".into(), requested.into()));
    }
    headers.push(("Vary".into(), "Origin".into()));
    HttpResponse { status: 200, reason: "OK".into(), headers, body: String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(url: &str, origin: &str) -> HttpRequest {
        HttpRequest {
            method: "POST".into(),
            url: url.into(),
            headers: vec![("Origin".into(), origin.into())],
            body: String::new(),
        }
    }

    #[test]
    fn the_request_s_own_origin_is_not_cross_origin() {
        let allowed = ["http://127.0.0.1:8080".to_owned()];
        assert_eq!(
            decide(&post("http://127.0.0.1:8181/ords/demo/oauth/token", "http://127.0.0.1:8181"), &allowed),
            Cors::SameOrigin
        );
        assert_eq!(
            decide(&post("http://127.0.0.1:8181/ords/demo/oauth/token", "http://127.0.0.1:8182"), &allowed),
            Cors::Denied("http://127.0.0.1:8182".into()),
            "another port is another origin"
        );
        assert_eq!(
            decide(&post("https://127.0.0.1:8181/x", "http://127.0.0.1:8181"), &allowed),
            Cors::Denied("http://127.0.0.1:8181".into()),
            "so is another scheme (a proxy ending TLS looks like this)"
        );
        assert_eq!(
            decide(&post("http://h/x", "http://127.0.0.1:8080"), &allowed),
            Cors::Allowed("http://127.0.0.1:8080".into())
        );
    }
}
