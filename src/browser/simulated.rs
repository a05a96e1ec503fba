//! The in-page demo transport: requests go to the ORDS model in the page's helper (a worker),
//! through an emulation of the browser's CORS checks, after a small visible delay. Nothing
//! leaves the browser.

use super::clock::{now_ms, sleep};
use super::fetch::CANCELLED;
use super::location::page_origin;
use ords_core::helper::{Job, Reply};
use ords_core::{HttpRequest, Received, TimedBy, TransportError};

thread_local! {
    /// The scenario the in-page ORDS runs (the helper starts it on first use, so every request
    /// names it too).
    static SCENARIO: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The in-page ORDS in `scenario`: restarted when `always` or when it runs another one (the
/// helper makes it on first use in the scenario each request names, so a page starting in the
/// healthy demo has nothing to restart, and restarting it would forget a token a run that
/// started meanwhile was just handed).
pub async fn reset_scenario(scenario: &str, always: bool) -> Result<(), String> {
    if !always && SCENARIO.with(|s| *s.borrow() == scenario) {
        return Ok(());
    }
    SCENARIO.with(|s| scenario.clone_into(&mut s.borrow_mut()));
    let job = Job::SimReset { origin: page_origin(), scenario: scenario.to_owned() };
    super::helper::ask(job).await.and_then(Reply::done)
}

/// A request for the in-page ORDS in the scenario it runs, from this page.
fn sim_job(request: HttpRequest) -> Job {
    Job::Sim { request, origin: page_origin(), scenario: SCENARIO.with(|s| s.borrow().clone()) }
}

/// Where a GET without credentials to `url` is redirected by the in-page ORDS, if it is (after
/// a failed request, as the network's fetch checks: a redirected preflight fails).
async fn redirected(url: &str) -> Option<Option<String>> {
    let request = HttpRequest::new("GET", url);
    let job = sim_job(request);
    match super::helper::ask(job).await {
        Ok(Reply::SimRedirected(target)) => Some(target),
        _ => None,
    }
}

/// Answers from the model as a browser on this page would see it: a redirect is not followed.
pub(super) async fn send(request: HttpRequest) -> Result<Received, TransportError> {
    let generation = CANCELLED.with(|c| c.get());
    let latency = 40.0 + js_sys::Math::random() * 80.0;
    sleep(latency as i32).await;
    if CANCELLED.with(|c| c.get()) != generation {
        return Err(TransportError::Cancelled);
    }
    let request_url = request.url.clone();
    let job = sim_job(request);
    let answer = super::helper::ask(job).await;
    if CANCELLED.with(|c| c.get()) != generation {
        return Err(TransportError::Cancelled); // pressed while the model answered, or the helper loaded
    }
    let answer = match answer {
        Ok(Reply::SimRedirected(target)) => return Err(TransportError::Redirected { target, preflight: false }),
        answer => answer.and_then(Reply::sim).map_err(|detail| TransportError::Simulator { detail })?,
    };
    let response = match answer {
        Ok(response) => response,
        Err(why) => match redirected(&request_url).await {
            Some(target) => return Err(TransportError::Redirected { target, preflight: true }),
            None => {
                return Err(TransportError::FetchFailed {
                    detail: format!("TypeError: Failed to fetch (simulated: {why})"),
                })
            }
        },
    };
    Ok(Received { response, elapsed_ms: latency, timed_by: TimedBy::Simulated, received_at_ms: now_ms() })
}
