//! The browser's fetch, sent and read through gloo-net's `Request` and `Response`, with every
//! failure a value: a header the browser refuses, a URL it cannot parse, a network error.
//! Nothing here can throw past the flow, so a run always ends. Requests can be cancelled (an
//! `AbortSignal`) and give up after 30 s. The page's requests never follow a redirect
//! (`redirect: "manual"`): one that carries a credential would be re-sent, secret and all, to
//! wherever the redirect points. Where it leads is read by a GET with nothing secret in it.

use super::clock::{monotonic_ms, now_ms};
use ords_core::{HttpRequest, HttpResponse, Probe, Received, TimedBy, TransportError};
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, RequestCredentials, RequestMode, RequestRedirect, ResponseType};

/// Requests give up after this long (the person can also press Cancel).
pub const TIMEOUT_MS: u32 = 30_000;

thread_local! {
    // The page is single-threaded; these track the requests in flight so Cancel can stop them.
    static IN_FLIGHT: RefCell<Vec<AbortController>> = const { RefCell::new(Vec::new()) };
    static TIMED_OUT: Cell<bool> = const { Cell::new(false) };
    // Bumped by Cancel, so simulated requests waiting out their latency can notice.
    pub(crate) static CANCELLED: Cell<u64> = const { Cell::new(0) };
}

/// Aborts every request in flight.
pub fn cancel_all() {
    CANCELLED.with(|c| c.set(c.get() + 1));
    IN_FLIGHT.with(|list| list.borrow_mut().drain(..).for_each(|c| c.abort()));
    super::helper::cancel_requests();
}

/// What the browser said, as text (it is shown as evidence, never as markup).
fn said(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.to_string()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The browser's own duration for the newest entry of this URL started after `since`
/// (`performance.now()` time). Clears old entries so the browser's buffer never fills.
fn resource_timing_ms(url: &str, since: f64) -> Option<f64> {
    let performance = web_sys::window()?.performance()?;
    let entries = performance.get_entries_by_name_with_entry_type(url, "resource");
    let entry: web_sys::PerformanceEntry = entries.iter().last()?.dyn_into().ok()?;
    let found = (entry.start_time() >= since - 1.0 && entry.duration() > 0.0).then(|| entry.duration());
    if performance.get_entries_by_type("resource").length() > 200 {
        performance.clear_resource_timings();
    }
    found
}

/// Where a request may go after a redirect.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Redirects {
    /// Answered as a redirect, never followed: every request of a run.
    Stop,
    /// Followed as the browser does: requests with nothing secret in them (a JWK set, a probe).
    Follow,
}

/// A `Request` (mode `cors`, no cookies), or why the browser refuses to build it. Built here,
/// not with gloo-net's `RequestBuilder`: its `build` re-serialises the URL and appends `&` to
/// any query string (`?offset=25` goes out as `?offset=25&`), so the request sent would not be
/// the request shown; and its `Headers::append` throws on a value the browser refuses, where
/// this returns the refusal.
fn build(
    request: &HttpRequest,
    signal: Option<&web_sys::AbortSignal>,
    mode: RequestMode,
    redirects: Redirects,
) -> Result<web_sys::Request, String> {
    let init = web_sys::RequestInit::new();
    init.set_method(&request.method);
    init.set_mode(mode);
    init.set_redirect(match redirects {
        Redirects::Stop => RequestRedirect::Manual,
        Redirects::Follow => RequestRedirect::Follow,
    });
    init.set_credentials(RequestCredentials::Omit);
    init.set_signal(signal);
    let headers = web_sys::Headers::new().map_err(|e| said(&e))?;
    for (name, value) in &request.headers {
        headers.append(name, value).map_err(|e| format!("the header {name}: {}", said(&e)))?;
    }
    init.set_headers(&headers);
    if !request.body.is_empty() {
        init.set_body(&JsValue::from_str(&request.body));
    }
    web_sys::Request::new_with_str_and_init(&request.url, &init).map_err(|e| said(&e))
}

/// Sends a request with the browser's fetch and reads the whole body. With [`Redirects::Stop`]
/// a redirect is `TransportError::Redirected`, with where it leads when a GET without
/// credentials can read it (never when `url_is_secret`: the URL itself carries a credential).
pub(super) async fn send(
    request: HttpRequest,
    redirects: Redirects,
    url_is_secret: bool,
) -> Result<Received, TransportError> {
    let refused = |detail: String| TransportError::Refused { detail };
    let controller = AbortController::new().map_err(|e| refused(said(&e)))?;
    let prepared = build(&request, Some(&controller.signal()), RequestMode::Cors, redirects).map_err(refused)?;
    IN_FLIGHT.with(|list| list.borrow_mut().push(controller.clone()));
    TIMED_OUT.with(|t| t.set(false));
    let timer = {
        let controller = controller.clone();
        leptos::prelude::set_timeout_with_handle(
            move || {
                TIMED_OUT.with(|t| t.set(true));
                controller.abort();
            },
            std::time::Duration::from_millis(TIMEOUT_MS as u64),
        )
        .ok()
    };
    let result = exchange(&request.url, prepared).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    IN_FLIGHT.with(|list| list.borrow_mut().retain(|c| c != &controller));
    let target = || async {
        if url_is_secret {
            None
        } else {
            leads_to(&request.url).await
        }
    };
    match result {
        Ok(Some(received)) => Ok(received),
        Ok(None) => Err(TransportError::Redirected { target: target().await, preflight: false }),
        Err(_) if TIMED_OUT.with(Cell::get) => Err(TransportError::TimedOut { after_ms: TIMEOUT_MS }),
        Err(_) if controller.signal().aborted() => Err(TransportError::Cancelled),
        // The browser hides why; a redirected preflight is one cause a request without
        // credentials can tell.
        Err(_) if is_redirected(&request.url).await => {
            Err(TransportError::Redirected { target: target().await, preflight: true })
        }
        Err(detail) => Err(TransportError::FetchFailed { detail }),
    }
}

/// Sends with gloo-net; `None` for a redirect not followed (an opaque redirect: status 0,
/// nothing readable). Its errors come from the fetch promise, which rejects with an `Error`
/// (`TypeError` for the network, `AbortError` for Cancel and the deadline: `abort()` is never
/// given another reason, so gloo-net's "not an Error" panic cannot happen).
async fn exchange(url: &str, prepared: web_sys::Request) -> Result<Option<Received>, String> {
    let started = monotonic_ms();
    let response = gloo_net::http::Request::from(prepared).send().await.map_err(|e| e.to_string())?;
    if response.type_() == ResponseType::Opaqueredirect {
        return Ok(None);
    }
    let status = response.status();
    let reason = response.status_text();
    let headers: Vec<(String, String)> = response.headers().entries().collect();
    // Read as bytes: a 10 MB body costs one copy instead of a UTF-16 round trip.
    let body = ords_core::body_text(response.binary().await.map_err(|e| e.to_string())?);
    let clock_ms = monotonic_ms() - started;
    let (elapsed_ms, timed_by) = match resource_timing_ms(url, started) {
        Some(ms) => (ms, TimedBy::ResourceTiming),
        None => (clock_ms, TimedBy::PageClock),
    };
    Ok(Some(Received {
        response: HttpResponse { status, reason, headers, body },
        elapsed_ms,
        timed_by,
        received_at_ms: now_ms(),
    }))
}

/// A GET to `url` with no credentials, headers or body, given up after 5 s: `None` when the
/// browser will not build it, else its answer, if one came.
async fn bare_get(url: &str, mode: RequestMode, redirects: Redirects) -> Option<Option<gloo_net::http::Response>> {
    let controller = AbortController::new().ok()?;
    let request = build(&HttpRequest::new("GET", url), Some(&controller.signal()), mode, redirects).ok()?;
    let timer =
        leptos::prelude::set_timeout_with_handle(move || controller.abort(), std::time::Duration::from_secs(5)).ok();
    let answer = gloo_net::http::Request::from(request).send().await.ok();
    if let Some(timer) = timer {
        timer.clear();
    }
    Some(answer)
}

/// Where a redirect of `url` leads: a GET without credentials that the browser follows, then
/// the URL it ended at. `None` when the browser does not let the page read the end (no CORS
/// there; after a redirect to another origin it sends `Origin: null`), or nothing answers.
async fn leads_to(url: &str) -> Option<String> {
    let response = bare_get(url, RequestMode::Cors, Redirects::Follow).await.flatten().filter(|r| r.redirected())?;
    Some(response.url()).filter(|u| !u.is_empty() && u != url)
}

/// After a failed fetch: a `no-cors` GET to the same URL (no credentials, nothing read) tells
/// a server that answers but refuses this origin from one that does not answer at all.
pub async fn probe(url: &str) -> Probe {
    match answered(url, RequestMode::NoCors).await {
        Some(true) => Probe::ReachableWithoutCors,
        Some(false) => Probe::Unreachable,
        None => Probe::NotProbed,
    }
}

/// Whether a GET to `url` gets an answer this page may read (no credentials, nothing read,
/// given up after 5 s): the local ords-sim, when the page looks for it.
pub async fn answers(url: &str) -> bool {
    answered(url, RequestMode::Cors).await == Some(true)
}

/// Whether a GET with no credentials to `url` is answered with a redirect the page may see.
async fn is_redirected(url: &str) -> bool {
    let answer = bare_get(url, RequestMode::Cors, Redirects::Stop).await.flatten();
    answer.is_some_and(|r| r.type_() == ResponseType::Opaqueredirect)
}

async fn answered(url: &str, mode: RequestMode) -> Option<bool> {
    // no-cors requests must follow redirects (Fetch refuses any other mode for them).
    bare_get(url, mode, Redirects::Follow).await.map(|answer| answer.is_some())
}
