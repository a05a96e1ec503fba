//! The `History` section: this session's runs, newest first, each re-runnable.

use crate::history;
use crate::state::{Form, Results};
use leptos::prelude::*;
use ords_core::{RunRecord, HISTORY_LIMIT};

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
            <p class="hint">{format!("The last {HISTORY_LIMIT} runs: settings and outcomes only. Secrets, tokens and bodies are never kept; a re-run uses the secrets now in the form.")}</p>
            <Show when=move || results.runs.with(|runs| !runs.is_empty())
                fallback=|| view! { <p class="empty">"Runs appear here as you make them."</p> }>
                // Keyed by run number: a new run adds one row instead of rebuilding the list.
                <ol class="runs">
                    <For each=move || results.runs.get() key=|r| (r.number, r.at_ms.to_bits()) let(record)>
                        <Run record />
                    </For>
                </ol>
            </Show>
        </section>
    }
}

#[component]
fn Run(record: RunRecord) -> impl IntoView {
    let form = expect_context::<Form>();
    let results = expect_context::<Results>();
    let param = |key: &str| record.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
    let target = if record.action == history::GET_TOKEN { param("token_url") } else { param("resource_url") };
    let title =
        format!("#{} · {} · {} · {} {}", record.number, clock(record.at_ms), record.action, param("flow"), target);
    let summary = record.summary.clone();
    let record = StoredValue::new(record);
    view! {
        <li data-testid="history-run">
            <div class="what">{title}</div>
            <div class="outcome">{summary}</div>
            <button type="button" class="small" disabled=move || results.busy.with(Option::is_some)
                on:click=move |_| record.with_value(|r| history::rerun(form, results, r))>"Re-run"</button>
        </li>
    }
}

/// Local wall-clock time as HH:MM:SS. Built from the Date getters because
/// `toLocaleTimeString` costs tens of milliseconds on its first call (Intl set-up).
fn clock(at_ms: f64) -> String {
    let date = js_sys::Date::new(&at_ms.into());
    format!("{:02}:{:02}:{:02}", date.get_hours(), date.get_minutes(), date.get_seconds())
}
