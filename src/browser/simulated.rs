//! The in-page demo transport: requests go to the ORDS model in the page's helper (a worker),
//! through an emulation of the browser's CORS checks, after a small visible delay. Nothing
//! leaves the browser.

use super::clock::{now_ms, sleep};
use super::fetch::CANCELLED;
use super::location::page_origin;
use ords_core::{HttpRequest, HttpResponse, Received, TimedBy, TransportError};
use serde_json::{json, Value};

thread_local! {
    /// The scenario the in-page ORDS runs (the helper starts it on first use, so every request
    /// names it too).
    static SCENARIO: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Starts the in-page ORDS afresh (its tokens and notes forgotten), in `scenario` (empty:
/// the healthy demo).
pub async fn reset_simulator(scenario: &str) -> Result<(), String> {
    SCENARIO.with(|s| scenario.clone_into(&mut s.borrow_mut()));
    let job = json!({ "do": "sim_reset", "origin": page_origin(), "scenario": scenario });
    super::helper::ask(job).await.map(|_| ())
}

fn pairs(value: Option<&Value>) -> Vec<(String, String)> {
    let list = value.and_then(Value::as_array).cloned().unwrap_or_default();
    list.iter().filter_map(|p| Some((p.get(0)?.as_str()?.to_owned(), p.get(1)?.as_str()?.to_owned()))).collect()
}

/// Answers from the model as a browser on this page would see it.
pub(super) async fn send(request: HttpRequest) -> Result<Received, TransportError> {
    let generation = CANCELLED.with(|c| c.get());
    let latency = 40.0 + js_sys::Math::random() * 80.0;
    sleep(latency as i32).await;
    if CANCELLED.with(|c| c.get()) != generation {
        return Err(TransportError::Cancelled);
    }
    let job = json!({
        "do": "sim", "method": request.method, "url": request.url, "headers": request.headers,
        "body": request.body, "origin": page_origin(), "scenario": SCENARIO.with(|s| s.borrow().clone()),
    });
    let answer = super::helper::ask(job).await;
    if CANCELLED.with(|c| c.get()) != generation {
        return Err(TransportError::Cancelled); // pressed while the model answered, or the helper loaded
    }
    let answer = answer.map_err(|detail| TransportError::Simulator { detail })?;
    if let Some(why) = answer.get("refused").and_then(Value::as_str) {
        return Err(TransportError::FetchFailed { detail: format!("TypeError: Failed to fetch (simulated: {why})") });
    }
    let text = |k: &str| answer.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    let status = answer.get("status").and_then(Value::as_u64).and_then(|s| u16::try_from(s).ok()).unwrap_or(0);
    let response =
        HttpResponse { status, reason: text("reason"), headers: pairs(answer.get("headers")), body: text("body") };
    Ok(Received { response, elapsed_ms: latency, timed_by: TimedBy::Simulated, received_at_ms: now_ms() })
}
