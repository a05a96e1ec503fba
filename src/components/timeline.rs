//! Every exchange of the last run in order (token request, resource call, re-fetch, retry),
//! each expandable to its full request and response, each copyable as curl.

use super::exchange_view::ExchangeView;
use crate::state::Results;
use crate::transport;
use leptos::prelude::*;
use ords_core::{curl_command, TimelineEntry};

#[component]
pub fn Timeline() -> impl IntoView {
    let results = expect_context::<Results>();
    view! {
        <section class="panel timeline" aria-label="Timeline">
            <h2>"Timeline"</h2>
            {move || {
                let entries = results.timeline.get();
                if entries.is_empty() {
                    view! { <p class="empty">"Each run's exchanges appear here, in order."</p> }.into_any()
                } else {
                    view! {
                        <ol>
                            {entries.into_iter().enumerate().map(|(i, e)| view! { <Entry number=i + 1 entry=e /> }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Entry(number: usize, entry: TimelineEntry) -> impl IntoView {
    let outcome = match &entry.exchange.result {
        Ok(r) => format!("{} {} · {}", r.response.status, r.response.reason, ords_core::format_ms(r.elapsed_ms)),
        Err(_) => "no response".to_owned(),
    };
    // The shown request: secrets stay masked in what is copied.
    let curl = curl_command(&entry.exchange.request.shown);
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let curl = curl.clone();
        leptos::task::spawn_local(async move { copied.set(Some(transport::copy_text(&curl).await)) });
    };
    // Rendered on first opening: a run's bodies can be megabytes, and most entries stay shut.
    let opened = RwSignal::new(false);
    let exchange = entry.exchange;
    view! {
        <li data-testid="timeline-entry">
            <details on:toggle=move |ev| {
                if event_target::<web_sys::Element>(&ev).has_attribute("open") {
                    opened.set(true)
                }
            }>
                <summary>
                    <span class="what">{format!("{number}. {}", entry.purpose.label())}</span>
                    <span class="outcome">{outcome}</span>
                </summary>
                <div class="block-head">
                    <button type="button" class="small" on:click=copy>"Copy as curl"</button>
                    <span class="copied" role="status">
                        {move || match copied.get() { Some(true) => "Copied (secrets masked)", Some(false) => "Copy failed: the browser refused", None => "" }}
                    </span>
                </div>
                <Show when=move || opened.get()>
                    <ExchangeView exchange=exchange.clone() />
                </Show>
            </details>
        </li>
    }
}
