//! The `History` section: this session's runs, newest first, each re-runnable; kept in this
//! browser when the person ticks it. Settings and outcomes only, never a secret: a re-run uses
//! the secrets now in the form. It reads and changes the page's own runs.

use crate::actions::Page;
use crate::browser;
use crate::state::Results;
use leptos::prelude::*;
use ords_core::{Button, RunRecord, HISTORY_LIMIT};

#[component]
pub fn HistoryView() -> impl IntoView {
    let results = expect_context::<Results>();
    view! {
        <section class="panel history" aria-label="History">
            <div class="block-head">
                <h2>"History"</h2>
                <label class="check">
                    <input type="checkbox" prop:checked=move || results.history_kept.get()
                        on:change=move |ev| results.history_kept.set(event_target_checked(&ev)) />
                    "Keep history in this browser"
                </label>
                <button type="button" class="small" disabled=move || results.runs.with(Vec::is_empty)
                    on:click=move |_| results.runs.set(Vec::new())>"Clear history"</button>
            </div>
            <p class="hint">{format!("The last {HISTORY_LIMIT} runs: settings and outcomes only. Secrets, tokens and \
                bodies are never kept; a re-run uses the secrets now in the form.")}</p>
            <p class="empty" hidden=move || results.runs.with(|runs| !runs.is_empty())>"Runs appear here as you make \
                them."</p>
            // Keyed by run number: a new run adds one row instead of rebuilding the list.
            <ol class="runs">
                <For each=move || results.runs.get() key=|r| (r.number, r.at_ms.to_bits()) let(record)>
                    <Run record />
                </For>
            </ol>
        </section>
    }
}

#[component]
fn Run(record: RunRecord) -> impl IntoView {
    let page = expect_context::<Page>();
    let c = &record.config;
    let target = if record.action == Button::GetToken { &c.token_url } else { &c.resource_url };
    let title = format!(
        "#{} · {} · {} · {} {}",
        record.number,
        browser::local_time(record.at_ms),
        record.action.label(),
        c.flow.key(),
        target
    );
    let summary = record.summary.clone();
    view! {
        <li data-testid="history-run">
            <div class="what">{title}</div>
            <div class="outcome">{summary}</div>
            <button type="button" class="small" disabled=move || page.results.busy.with(Option::is_some)
                on:click=move |_| crate::actions::rerun(page, &record)>"Re-run"</button>
        </li>
    }
}

crate::later::split_point!(
    sections,
    preload_history,
    /// The History tab's view (its code comes with the section tabs').
    pub(super) fn history_view() -> AnyView {
        view! { <HistoryView /> }.into_any()
    }
);
