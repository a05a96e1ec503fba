//! Every browser facility the page uses, one file each: fetch (gloo-net), the page's helper (a
//! worker holding the in-page simulated ORDS, the code generators, the diagnosis and the rest the
//! first screen does not need), the in-page simulator's transport, storage, the clipboard, the
//! clock, the page's location, files, focus, a JWK set's fetch, Unicode lower case, the offline
//! copy (service worker), messages with the page around an embed, and the notice shown if the
//! page ever panics. No other module touches `web_sys` or `js_sys`, except to read DOM events.

mod clipboard;
mod clock;
mod crash;
mod fetch;
mod files;
mod focus;
mod helper;
mod host;
mod jwks;
mod location;
mod offline;
mod page;
mod simulated;
mod storage;
mod text;

pub use clipboard::{copy_text, pasted_text};
pub use clock::{local_time, next_task, now_ms, sleep};
pub use crash::{install_crash_notice, show_crash_notice, CRASH_NOTICE};
pub use fetch::{answers, cancel_all, TIMEOUT_MS};
pub use files::{data_url, read_chosen_file};
pub use focus::{focus_status_after_run, focus_when_shown};
pub use helper::ask as ask_helper;
pub use host::{
    allow_host, early_message_origins, host_origin, ignore_message, ignored_messages, listen_to_parent,
    note_early_messages, post_to_host, referrer_origin,
};
pub use jwks::jwk_set;
pub use location::{linked_par, page_is_local, page_origin, page_settings_text, reload_when_the_fragment_changes};
pub use offline::{apply_update, keep_offline_copy};
pub use page::{apply_presentation, apply_theme, in_frame, page_address, report_height_to_host};
pub use simulated::reset_scenario;
pub use storage::{store_get, store_remove, store_set, Store};
pub use text::lowercase;

use ords_core::{PreparedRequest, Probe, Received, Target, TransportError};

/// Sends a request of a run to the chosen target. A redirect is never followed.
pub async fn send(target: Target, request: PreparedRequest) -> Result<Received, TransportError> {
    // The URL shown differs from the one sent only where a credential is in it (a token placed
    // in the query): such a URL is not even asked where its redirect leads.
    let url_is_secret = request.wire.url != request.shown.url;
    match target {
        Target::Network => fetch::send(request.wire, fetch::Redirects::Stop, url_is_secret).await,
        Target::Simulated => simulated::send(request.wire).await,
    }
}

/// After a request to `url` failed with no response, a probe without credentials: see
/// [`Probe`].
pub async fn probe(target: Target, url: &str) -> Probe {
    match target {
        Target::Network => fetch::probe(url).await,
        Target::Simulated => Probe::ReachableWithoutCors, // the in-page ORDS always answers
    }
}
