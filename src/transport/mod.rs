//! All browser IO lives here: fetch (through gloo-net), cancellation with AbortController,
//! the in-page simulated ORDS, the clock, the page's location and the clipboard. Everything
//! else is plain data.

mod simulated;

use gloo_net::http::{Method, RequestBuilder};
use ords_core::{HttpRequest, HttpResponse, Received, TimedBy, TransportError};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use web_sys::AbortController;

/// Requests give up after this long (the person can also press Cancel).
pub const TIMEOUT_MS: u32 = 30_000;

/// Where requests go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The browser's own fetch, to the URLs entered.
    Network,
    /// The ORDS model compiled into this page; nothing leaves the browser.
    Simulated,
}

impl Target {
    /// The visible label of the option.
    pub fn label(self) -> &'static str {
        match self {
            Self::Network => "Network (this browser's fetch)",
            Self::Simulated => "Simulated ORDS (in this page)",
        }
    }
}

thread_local! {
    // The page is single-threaded; these track the requests in flight so Cancel can stop them.
    static IN_FLIGHT: RefCell<Vec<AbortController>> = const { RefCell::new(Vec::new()) };
    static TIMED_OUT: Cell<bool> = const { Cell::new(false) };
    // Bumped by Cancel, so simulated requests waiting out their latency can notice.
    static CANCELLED: Cell<u64> = const { Cell::new(0) };
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn clipboard_write_text(text: &str) -> js_sys::Promise;
}

/// Wall-clock milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn monotonic_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_else(now_ms)
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

/// This page's origin, e.g. `http://127.0.0.1:8080`.
pub fn page_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// The page's query string (without `?`), for configuration by URL.
pub fn page_query() -> String {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    search.trim_start_matches('?').to_owned()
}

/// The browser's two key/value stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// `localStorage`: kept across visits (non-secret settings only).
    Local,
    /// `sessionStorage`: this tab only (secrets, when the person opts in).
    Session,
}

fn storage(store: Store) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match store {
        Store::Local => window.local_storage().ok().flatten(),
        Store::Session => window.session_storage().ok().flatten(),
    }
}

/// The stored text, if any (storage may be disabled, e.g. in a sandboxed iframe).
pub fn store_get(store: Store, key: &str) -> Option<String> {
    storage(store)?.get_item(key).ok().flatten()
}

/// Stores text; quietly does nothing where storage is unavailable or full.
pub fn store_set(store: Store, key: &str, value: &str) {
    if let Some(s) = storage(store) {
        let _ = s.set_item(key, value);
    }
}

pub fn store_remove(store: Store, key: &str) {
    if let Some(s) = storage(store) {
        let _ = s.remove_item(key);
    }
}

/// Copies text to the clipboard; false if the browser refused.
pub async fn copy_text(text: &str) -> bool {
    wasm_bindgen_futures::JsFuture::from(clipboard_write_text(text)).await.is_ok()
}

/// Aborts every request in flight.
pub fn cancel_all() {
    CANCELLED.with(|c| c.set(c.get() + 1));
    IN_FLIGHT.with(|list| list.borrow_mut().drain(..).for_each(|c| c.abort()));
}

/// True when the page itself is served from this machine (then a local ords-sim may be running).
pub fn page_is_local() -> bool {
    let origin = page_origin();
    ["http://127.0.0.1:", "http://localhost:", "http://[::1]:"].iter().any(|p| origin.starts_with(p))
}

/// Sends a request to the chosen target.
pub async fn send(target: Target, request: HttpRequest) -> Result<Received, TransportError> {
    match target {
        Target::Network => fetch_send(request).await,
        Target::Simulated => simulated::send(request).await,
    }
}

fn forget(controller: &AbortController) {
    IN_FLIGHT.with(|list| list.borrow_mut().retain(|c| c != controller));
}

/// Resolves in a later task, letting the browser render and handle input in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// After a failed fetch: a `no-cors` GET to the same URL (no credentials, nothing read) tells
/// a server that answers but refuses this origin from one that does not answer at all.
pub async fn probe(target: Target, url: &str) -> ords_core::Probe {
    if target == Target::Simulated {
        return ords_core::Probe::ReachableWithoutCors; // the in-page ORDS always answers
    }
    let Ok(controller) = AbortController::new() else { return ords_core::Probe::NotProbed };
    let signal = controller.signal();
    let timer =
        leptos::prelude::set_timeout_with_handle(move || controller.abort(), std::time::Duration::from_secs(5)).ok();
    let request = RequestBuilder::new(url)
        .mode(web_sys::RequestMode::NoCors)
        .credentials(web_sys::RequestCredentials::Omit)
        .abort_signal(Some(&signal))
        .build();
    let answered = match request {
        Ok(request) => request.send().await.is_ok(),
        Err(_) => return ords_core::Probe::NotProbed,
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    if answered {
        ords_core::Probe::ReachableWithoutCors
    } else {
        ords_core::Probe::Unreachable
    }
}

/// Sends a request with the browser's fetch (mode `cors`, no cookies) and reads the whole body.
async fn fetch_send(request: HttpRequest) -> Result<Received, TransportError> {
    let refused = |e: JsValue| TransportError::Refused { detail: format!("{e:?}") };
    let controller = AbortController::new().map_err(refused)?;
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
    let result = fetch(&request, &controller).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    forget(&controller);
    result.map_err(|detail| {
        if TIMED_OUT.with(Cell::get) {
            TransportError::TimedOut { after_ms: TIMEOUT_MS }
        } else if controller.signal().aborted() {
            TransportError::Cancelled
        } else {
            detail
        }
    })
}

async fn fetch(request: &HttpRequest, controller: &AbortController) -> Result<Received, TransportError> {
    let method = match request.method.as_str() {
        "POST" => Method::POST,
        "PUT" => Method::PUT,
        "PATCH" => Method::PATCH,
        "DELETE" => Method::DELETE,
        _ => Method::GET,
    };
    let signal = controller.signal();
    let mut builder = RequestBuilder::new(&request.url).method(method).abort_signal(Some(&signal));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let prepared = if request.body.is_empty() { builder.build() } else { builder.body(request.body.clone()) };
    let prepared = prepared.map_err(|e| TransportError::Refused { detail: e.to_string() })?;
    let started = monotonic_ms();
    let failed = |e: gloo_net::Error| TransportError::FetchFailed { detail: e.to_string() };
    let response = prepared.send().await.map_err(failed)?;
    let status = response.status();
    let reason = response.status_text();
    let headers: Vec<(String, String)> = response.headers().entries().collect();
    // Read as bytes: a 10 MB body costs one copy instead of a UTF-16 round trip.
    let body = ords_core::body_text(response.binary().await.map_err(failed)?);
    let clock_ms = monotonic_ms() - started;
    let (elapsed_ms, timed_by) = match resource_timing_ms(&request.url, started) {
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
