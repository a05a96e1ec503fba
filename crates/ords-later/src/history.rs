//! The `History` section: this session's runs, newest first, each re-runnable. The page keeps
//! the runs (and storage) and shows them on `main[data-history]`, one stored line per run
//! (settings and outcomes only, never a secret); this view lists them and asks the page to
//! keep, clear or re-run.

use crate::host;
use leptos::prelude::*;
use ords_core::{RunRecord, HISTORY_LIMIT};
use ords_playground::browser;

#[component]
pub fn HistoryView() -> impl IntoView {
    let runs = host::runs();
    let kept = host::flag("data-history-kept");
    let busy = host::flag("data-busy");
    view! {
        <section class="panel history" aria-label="History">
            <div class="block-head">
                <h2>"History"</h2>
                <label class="check">
                    <input type="checkbox" prop:checked=move || kept.get() on:change=move |ev| {
                        host::history(if event_target_checked(&ev) { "keep" } else { "forget" }, "");
                    } />
                    "Keep history in this browser"
                </label>
                <button type="button" class="small" disabled=move || runs.with(Vec::is_empty)
                    on:click=move |_| host::history("clear", "")>"Clear history"</button>
            </div>
            <p class="hint">{format!("The last {HISTORY_LIMIT} runs: settings and outcomes only. Secrets, tokens and \
                bodies are never kept; a re-run uses the secrets now in the form.")}</p>
            <p class="empty" hidden=move || runs.with(|runs| !runs.is_empty())>"Runs appear here as you make \
                them."</p>
            // Keyed by run number: a new run adds one row instead of rebuilding the list.
            <ol class="runs">
                <For each=move || runs.get() key=|r| (r.number, r.at_ms.to_bits()) let(record)>
                    <Run record busy />
                </For>
            </ol>
        </section>
    }
}

#[component]
fn Run(record: RunRecord, busy: Signal<bool>) -> impl IntoView {
    let c = &record.config;
    let target = if record.action == ords_core::Button::GetToken { &c.token_url } else { &c.resource_url };
    let title = format!(
        "#{} · {} · {} · {} {}",
        record.number,
        browser::local_time(record.at_ms),
        record.action.label(),
        c.flow.key(),
        target
    );
    let number = record.number.to_string();
    view! {
        <li data-testid="history-run">
            <div class="what">{title}</div>
            <div class="outcome">{record.summary.clone()}</div>
            <button type="button" class="small" disabled=move || busy.get()
                on:click=move |_| host::history("rerun", &number)>"Re-run"</button>
        </li>
    }
}
