//! Compare mode: Basic and OAuth2 against the same Resource URL, with what differed.

use crate::host::LastRun;
use leptos::prelude::*;
use ords_core::{comparison_of, differences, CompareRow};

#[component]
pub fn CompareView(run: RwSignal<LastRun>) -> impl IntoView {
    let table = |rows: Vec<CompareRow>| {
        view! {
            <p class="differences" role="status">{differences(&rows)}</p>
            <table class="compare-table">
                <thead><tr><th scope="col">""</th><th scope="col">"Basic"</th><th scope="col">"OAuth2"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr class:differs=!r.same>
                            <th scope="row">{r.aspect}</th><td>{r.basic}</td><td>{r.oauth}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="hint">
                "Each call's full request and response is in the Timeline tab; the OAuth2 call is also in the two \
                 panels above."
            </p>
        }
    };
    view! {
            <section class="panel compare" aria-label="Compare">
                <h2>"Compare Basic and OAuth2"</h2>
                {move || match run.with(|r| comparison_of(&r.entries)) {
                    Some(rows) => table(rows).into_any(),
                    None => view! {
                        <p class="empty">
                            "Call API runs both against the Resource URL at the same time and lists what differed."
                        </p>
                    }.into_any(),
                }}
            </section>
    }
}
