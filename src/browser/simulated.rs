//! The in-page demo transport: requests go to the ORDS model compiled into the page, through
//! an emulation of the browser's CORS checks, after a small visible delay. Nothing leaves the
//! browser.

use super::clock::{now_ms, sleep};
use super::fetch::CANCELLED;
use super::location::page_origin;
use ords_core::{HttpRequest, Received, TimedBy, TransportError};
use ords_sim::{browser::fetch_as_browser, Sim, SimConfig};
use std::cell::RefCell;

thread_local! {
    static SIM: RefCell<Option<Sim>> = const { RefCell::new(None) };
}

/// The demo ORDS, allowing this page's origin (as an instructor would configure it).
fn fresh() -> Sim {
    let mut config = SimConfig::demo();
    config.set_origins(&[page_origin()]);
    let seed = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64 ^ now_ms() as u64;
    Sim::new(config, seed)
}

fn with_sim<T>(f: impl FnOnce(&mut Sim) -> T) -> T {
    SIM.with(|cell| f(cell.borrow_mut().get_or_insert_with(fresh)))
}

/// Starts the in-page ORDS afresh (its tokens and notes forgotten).
pub fn reset_simulator() {
    SIM.with(|cell| *cell.borrow_mut() = Some(fresh()));
}

/// Answers from the model as a browser on this page would see it.
pub(super) async fn send(request: HttpRequest) -> Result<Received, TransportError> {
    let generation = CANCELLED.with(|c| c.get());
    let latency = 40.0 + js_sys::Math::random() * 80.0;
    sleep(latency as i32).await;
    if CANCELLED.with(|c| c.get()) != generation {
        return Err(TransportError::Cancelled);
    }
    let now = now_ms();
    match with_sim(|sim| fetch_as_browser(sim, &request, &page_origin(), now as u64)) {
        Ok(response) => {
            Ok(Received { response, elapsed_ms: latency, timed_by: TimedBy::Simulated, received_at_ms: now })
        }
        Err(why) => {
            Err(TransportError::FetchFailed { detail: format!("TypeError: Failed to fetch (simulated: {why})") })
        }
    }
}
