//! The `History` section: this session's runs, newest first, each re-runnable.

use crate::actions::{self, Page};
use crate::browser;
use crate::state::Results;
use leptos::prelude::*;
use ords_core::{Action, RunRecord, HISTORY_LIMIT};

#[component]
pub fn HistoryPanel() -> impl IntoView {
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
    let results = expect_context::<Results>();
    let c = &record.config;
    let target = if record.action == Action::GetToken { &c.token_url } else { &c.resource_url };
    let title = format!(
        "#{} · {} · {} · {} {}",
        record.number,
        browser::local_time(record.at_ms),
        record.action.label(),
        c.flow.key(),
        target
    );
    let summary = record.summary.clone();
    let record = StoredValue::new(record);
    view! {
        <li data-testid="history-run">
            <div class="what">{title}</div>
            <div class="outcome">{summary}</div>
            <button type="button" class="small" disabled=move || results.busy.with(Option::is_some)
                on:click=move |_| record.with_value(|r| actions::rerun(page, r))>"Re-run"</button>
        </li>
    }
}
