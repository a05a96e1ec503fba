//! Compare mode: Basic and OAuth2 against the same Resource URL, with what differed, read from
//! the page's own last run.

use crate::state::Results;
use leptos::prelude::*;
use ords_core::{comparison_of, differences, CompareRow};

fn table(rows: Vec<CompareRow>) -> impl IntoView {
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
}

#[component]
pub fn CompareView() -> impl IntoView {
    let results = expect_context::<Results>();
    view! {
        <section class="panel compare" aria-label="Compare">
            <h2>"Compare Basic and OAuth2"</h2>
            {move || match results.timeline.with(|entries| comparison_of(entries)) {
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

crate::later::split_point!(
    sections,
    preload_compare,
    /// The Compare tab's view (its code comes with the section tabs').
    pub(super) fn compare_view() -> AnyView {
        view! { <CompareView /> }.into_any()
    }
);
