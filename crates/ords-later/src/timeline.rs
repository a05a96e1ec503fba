//! Every exchange of the last run in order (token request, resource call, re-fetch, retry),
//! each expandable to its full request and response, each copyable as curl. Every secret of
//! the run (the tokens it was handed, the form's secrets) stays masked here too. The run is the
//! page's: read again whenever it changes.

use crate::host::LastRun;
use leptos::prelude::*;
use ords_core::{curl_command, TimelineEntry};
use ords_playground::{CopyButton, ExchangeView};

#[component]
pub fn TimelineView(run: RwSignal<LastRun>) -> impl IntoView {
    view! {
        <section class="panel timeline" aria-label="Timeline">
            <h2>"Timeline"</h2>
            {move || {
                let LastRun { entries, mut secrets } = run.get();
                if entries.is_empty() {
                    return view! { <p class="empty">"Each run's exchanges appear here, in order."</p> }.into_any();
                }
                secrets.extend(entries.iter().filter_map(|e| e.exchange.issued_token()));
                view! {
                    <ol>
                        {entries
                            .into_iter()
                            .enumerate()
                            .map(|(i, e)| view! { <Entry number=i + 1 entry=e secrets=secrets.clone() /> })
                            .collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Entry(number: usize, entry: TimelineEntry, secrets: Vec<String>) -> impl IntoView {
    let outcome = match &entry.exchange.result {
        Ok(r) => format!("{} {} · {}", r.response.status, r.response.reason, ords_core::format_ms(r.elapsed_ms)),
        Err(_) => "no response".to_owned(),
    };
    // The shown request: secrets stay masked in what is copied.
    let curl = curl_command(&entry.exchange.request.shown);
    // Rendered on first opening: a run's bodies can be megabytes, and most entries stay shut.
    let opened = RwSignal::new(false);
    let exchange = entry.exchange;
    view! {
        <li data-testid="timeline-entry">
            <details on:toggle=move |ev| {
                if event_target::<web_sys::Element>(&ev).has_attribute("open") {
                    opened.set(true);
                }
            }>
                <summary>
                    <span class="what">{format!("{number}. {}", entry.purpose.label())}</span>
                    <span class="outcome">{outcome}</span>
                </summary>
                <div class="block-head">
                    <CopyButton label="Copy as curl" text=Callback::new(move |()| curl.clone())
                        copied="Copied (secrets masked)" />
                </div>
                <Show when=move || opened.get()>
                    <ExchangeView exchange=exchange.clone() secrets=secrets.clone() />
                </Show>
            </details>
        </li>
    }
}
