//! What a browser's `fetch` (mode `cors`, no cookies, `redirect: "manual"`) would let a page
//! see, emulated around the model for the in-page demo transport: the preflight, the origin
//! check, the filter that hides response headers not listed in `Access-Control-Expose-Headers`,
//! a redirect answered as an opaque redirect (status 0, nothing readable), and the page's
//! credential-less follow that finds where a redirect leads.

use crate::Sim;
use ords_core::{HttpRequest, HttpResponse, HttpUrl};

/// Response headers every page may read (the Fetch standard's CORS-safelisted ones).
const SAFELISTED_RESPONSE: [&str; 7] =
    ["cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma"];

/// Request headers that never trigger a preflight (values aside).
const SAFELISTED_REQUEST: [&str; 4] = ["accept", "accept-language", "content-language", "content-type"];

/// Header names that make a browser preflight the request, lower-cased and sorted.
pub fn preflight_headers(request: &HttpRequest) -> Vec<String> {
    let simple_type = |v: &str| {
        let media = v.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        matches!(media.as_str(), "application/x-www-form-urlencoded" | "multipart/form-data" | "text/plain")
    };
    let unsafe_names = request
        .headers
        .iter()
        .filter(|(name, value)| {
            let name = name.to_ascii_lowercase();
            !SAFELISTED_REQUEST.contains(&name.as_str()) || (name == "content-type" && !simple_type(value))
        })
        .map(|(name, _)| name.to_ascii_lowercase());
    // Sorted and without repeats, kept so by inserting in place: a few headers do not need
    // the standard sort, whose code the page would carry.
    let mut names: Vec<String> = Vec::new();
    for name in unsafe_names {
        if let Err(at) = names.binary_search(&name) {
            names.insert(at, name);
        }
    }
    names
}

/// True when a browser would send an `OPTIONS` preflight before this request.
pub fn needs_preflight(request: &HttpRequest) -> bool {
    !matches!(request.method.as_str(), "GET" | "HEAD" | "POST") || !preflight_headers(request).is_empty()
}

fn allows_origin(response: &HttpResponse, origin: &str) -> bool {
    response.header("Access-Control-Allow-Origin").is_some_and(|v| v == origin || v == "*")
}

fn listed(list: Option<&str>, item: &str) -> bool {
    list.unwrap_or("").split(',').map(str::trim).any(|v| v == "*" || v.eq_ignore_ascii_case(item))
}

/// Sends `request` from a page at `page_origin` through the model as a browser would.
/// `Err` carries why the browser would refuse (the page itself would only see a TypeError).
pub fn fetch_as_browser(
    sim: &mut Sim,
    request: &HttpRequest,
    page_origin: &str,
    now_ms: u64,
) -> Result<HttpResponse, String> {
    let url = HttpUrl::parse(&request.url).map_err(|e| e.to_string())?;
    if url.origin() == page_origin {
        return Ok(opaque_if_redirect(sim.handle(request, now_ms)));
    }
    if needs_preflight(request) {
        let headers = preflight_headers(request);
        let mut preflight = HttpRequest::new("OPTIONS", &request.url)
            .with_header("Origin", page_origin)
            .with_header("Access-Control-Request-Method", request.method.clone());
        if !headers.is_empty() {
            preflight = preflight.with_header("Access-Control-Request-Headers", headers.join(","));
        }
        let answer = sim.handle(&preflight, now_ms);
        if !(200..300).contains(&answer.status) {
            return Err(format!("the CORS preflight (OPTIONS) was answered {} {}", answer.status, answer.reason));
        }
        if !allows_origin(&answer, page_origin) {
            return Err(format!("the CORS preflight did not allow the origin {page_origin}"));
        }
        let methods = answer.header("Access-Control-Allow-Methods");
        if !matches!(request.method.as_str(), "GET" | "HEAD" | "POST") && !listed(methods, &request.method) {
            return Err(format!("the CORS preflight did not allow the method {}", request.method));
        }
        if let Some(missing) = headers.iter().find(|h| !listed(answer.header("Access-Control-Allow-Headers"), h)) {
            return Err(format!("the CORS preflight did not allow the request header {missing}"));
        }
    }
    let mut actual = request.clone();
    actual.headers.push(("Origin".into(), page_origin.into()));
    let mut response = sim.handle(&actual, now_ms);
    // The CORS check comes first, for a redirect too (Fetch, "HTTP fetch").
    if !allows_origin(&response, page_origin) {
        return Err(format!(
            "the {} response carried no Access-Control-Allow-Origin for {page_origin}",
            response.status
        ));
    }
    if location(&response).is_some() {
        return Ok(opaque_if_redirect(response));
    }
    let exposed = response.header("Access-Control-Expose-Headers").map(str::to_owned);
    response.headers.retain(|(name, _)| {
        SAFELISTED_RESPONSE.contains(&name.to_ascii_lowercase().as_str()) || listed(exposed.as_deref(), name)
    });
    Ok(response)
}

#[cfg(test)]
mod tests;

/// The `Location` of a redirect answer.
fn location(response: &HttpResponse) -> Option<&str> {
    matches!(response.status, 301 | 302 | 303 | 307 | 308).then(|| response.header("Location")).flatten()
}

/// A redirect as `fetch` with `redirect: "manual"` hands it to the page: status 0, no headers,
/// no body. Anything else as it is.
fn opaque_if_redirect(response: HttpResponse) -> HttpResponse {
    if location(&response).is_some() {
        HttpResponse { status: 0, reason: String::new(), headers: Vec::new(), body: String::new() }
    } else {
        response
    }
}

/// Redirects `fetch` follows before it gives up (Fetch: 20).
const MAX_REDIRECTS: usize = 20;

/// Where a redirect of `url` leads, as the page learns it: a `GET` with no credentials, no
/// headers and no body, redirects followed as `fetch` does, the final URL read. `None` when the
/// browser would not let the page read the end: a hop without CORS for the origin it was sent
/// with (after a redirect to another origin a browser sends `Origin: null`), a loop, a relative
/// `Location` it cannot resolve, or an answer that is no redirect at all.
pub fn follow_without_credentials(sim: &mut Sim, url: &str, page_origin: &str, now_ms: u64) -> Option<String> {
    let mut at = url.to_owned();
    let mut origin = page_origin.to_owned();
    for hop in 0..=MAX_REDIRECTS {
        let here = HttpUrl::parse(&at).ok()?.origin();
        let mut request = HttpRequest::new("GET", &at);
        if here != page_origin {
            request = request.with_header("Origin", origin.clone());
        }
        let response = sim.handle(&request, now_ms);
        if here != page_origin && !allows_origin(&response, &origin) {
            return None;
        }
        let Some(next) = location(&response) else {
            return (hop > 0).then_some(at);
        };
        let next = if next.starts_with('/') { format!("{here}{next}") } else { next.to_owned() };
        let there = HttpUrl::parse(&next).ok()?.origin();
        if there != here && here != page_origin {
            origin = "null".to_owned(); // the request's origin is tainted
        }
        at = next;
    }
    None
}
