//! A slot of the deferred part (`crates/ords-later`: Share, Compare, Timeline, Code, From the
//! database): "Loading…" until it is in, a sentence and a retry when it could not load
//! (`data-state`, set by `browser::load_deferred`). The part mounts into the inner element and
//! never touches the rest.

use crate::browser;
use leptos::prelude::*;

#[component]
pub fn DeferredSlot(part: &'static str) -> impl IntoView {
    view! {
        <div class="deferred" data-part=part>
            <p class="hint deferred-loading" role="status">"Loading…"</p>
            <p class="notice deferred-failed" role="alert">
                "This part of the page could not be loaded "
                "(offline, a missing file, or a connection stalled for 30 s). "
                <button type="button" class="small" on:click=|_| browser::load_deferred()>"Retry"</button>
            </p>
            <div id=format!("{part}-part")></div>
        </div>
    }
}
