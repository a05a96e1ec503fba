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
            {move || {
                let runs = results.runs.get();
                if runs.is_empty() {
                    view! { <p class="empty">"Runs appear here as you make them."</p> }.into_any()
                } else {
                    view! { <ol class="runs">{runs.into_iter().map(|r| view! { <Run record=r /> }).collect_view()}</ol> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Run(record: RunRecord) -> impl IntoView {
    let form = expect_context::<Form>();
    let results = expect_context::<Results>();
    let param = |key: &str| record.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
    let target = if record.action == history::GET_TOKEN { param("token_url") } else { param("resource_url") };
    let when = js_sys::Date::new(&record.at_ms.into()).to_locale_time_string("en-GB");
    let title =
        format!("#{} · {} · {} · {} {}", record.number, String::from(when), record.action, param("flow"), target);
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
