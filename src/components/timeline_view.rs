//! Timeline: every exchange of the last run in order (token request, resource call, re-fetch,
//! retry), each expandable to its full request and response, each copyable as curl. It reads the
//! page's own results, only while its tab is open (a run's bodies can be megabytes), and every
//! secret of the run (the form's, the tokens handed out, what each request carried) stays masked.

use super::controls::CopyButton;
use super::exchange_view::ExchangeView;
use crate::state::{Form, Results, SectionTab, View};
use leptos::prelude::*;
use ords_core::{curl_command, TimelineEntry};

#[component]
pub fn TimelineView() -> impl IntoView {
    let results = expect_context::<Results>();
    let form = expect_context::<Form>();
    let view_state = expect_context::<View>();
    let entries = move || {
        if !view_state.is_open(&form, SectionTab::Timeline) {
            return None;
        }
        let entries = results.timeline.get();
        if entries.is_empty() {
            return Some(view! { <p class="empty">"Each run's exchanges appear here, in order."</p> }.into_any());
        }
        let mut secrets: Vec<String> =
            untrack(|| [form.client_secret.get(), form.password.get(), form.own_token.get()]).into();
        secrets.retain(|s| !s.is_empty());
        secrets.extend(entries.iter().filter_map(|e| e.exchange.issued_token()));
        Some(
            view! {
                <ol>
                    {entries
                        .into_iter()
                        .enumerate()
                        .map(|(i, e)| view! { <Entry number=i + 1 entry=e secrets=secrets.clone() /> })
                        .collect_view()}
                </ol>
            }
            .into_any(),
        )
    };
    view! {
        <section class="panel timeline" aria-label="Timeline">
            <h2>"Timeline"</h2>
            {entries}
        </section>
    }
}

#[component]
fn Entry(number: usize, entry: TimelineEntry, secrets: Vec<String>) -> impl IntoView {
    let outcome = match &entry.exchange.result {
        Ok(r) => format!("{} · {}", entry.exchange.outcome(), ords_core::format_ms(r.elapsed_ms)),
        Err(_) => entry.exchange.outcome(),
    };
    // The shown request: secrets stay masked in what is copied.
    let curl = curl_command(&entry.exchange.request.shown);
    // Rendered on first opening: most entries stay shut.
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

crate::later::split_point!(
    sections,
    preload_timeline,
    /// The Timeline tab's view (its code comes with the section tabs').
    pub(super) fn timeline_view() -> AnyView {
        view! { <TimelineView /> }.into_any()
    }
);
