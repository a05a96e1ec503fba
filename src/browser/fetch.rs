//! The browser's fetch, sent and read through gloo-net's `Request` and `Response`, with every
//! failure a value: a header the browser refuses, a URL it cannot parse, a network error.
//! Nothing here can throw past the flow, so a run always ends. Requests can be cancelled (an
//! `AbortSignal`) and give up after 30 s.

use super::clock::{monotonic_ms, now_ms};
use ords_core::{HttpRequest, HttpResponse, Probe, Received, TimedBy, TransportError};
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCredentials, RequestMode};

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

/// A `Request` (mode `cors`, no cookies), or why the browser refuses to build it. Built here,
/// not with gloo-net's `RequestBuilder`: its `build` re-serialises the URL and appends `&` to
/// any query string (`?offset=25` goes out as `?offset=25&`), so the request sent would not be
/// the request shown; and its `Headers::append` throws on a value the browser refuses, where
/// this returns the refusal.
fn build(
    request: &HttpRequest,
    signal: Option<&web_sys::AbortSignal>,
    mode: RequestMode,
) -> Result<web_sys::Request, String> {
    let init = web_sys::RequestInit::new();
    init.set_method(&request.method);
    init.set_mode(mode);
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

/// Sends a request with the browser's fetch and reads the whole body.
pub(super) async fn send(request: HttpRequest) -> Result<Received, TransportError> {
    let refused = |detail: String| TransportError::Refused { detail };
    let controller = AbortController::new().map_err(|e| refused(said(&e)))?;
    let prepared = build(&request, Some(&controller.signal()), RequestMode::Cors).map_err(refused)?;
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
    result.map_err(|detail| {
        if TIMED_OUT.with(Cell::get) {
            TransportError::TimedOut { after_ms: TIMEOUT_MS }
        } else if controller.signal().aborted() {
            TransportError::Cancelled
        } else {
            TransportError::FetchFailed { detail }
        }
    })
}

/// Sends with gloo-net. Its errors come from the fetch promise, which rejects with an `Error`
/// (`TypeError` for the network, `AbortError` for Cancel and the deadline: `abort()` is never
/// given another reason, so gloo-net's "not an Error" panic cannot happen).
async fn exchange(url: &str, prepared: web_sys::Request) -> Result<Received, String> {
    let started = monotonic_ms();
    let response = gloo_net::http::Request::from(prepared).send().await.map_err(|e| e.to_string())?;
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
    Ok(Received {
        response: HttpResponse { status, reason, headers, body },
        elapsed_ms,
        timed_by,
        received_at_ms: now_ms(),
    })
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

async fn answered(url: &str, mode: RequestMode) -> Option<bool> {
    let controller = AbortController::new().ok()?;
    let request = build(&HttpRequest::new("GET", url), Some(&controller.signal()), mode).ok()?;
    let window = web_sys::window()?;
    let timer =
        leptos::prelude::set_timeout_with_handle(move || controller.abort(), std::time::Duration::from_secs(5)).ok();
    let answered = JsFuture::from(window.fetch_with_request(&request)).await.is_ok();
    if let Some(timer) = timer {
        timer.clear();
    }
    Some(answered)
}
