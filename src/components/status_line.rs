//! The status line beside the buttons: the step under way, then how the run ended, the last
//! run's main finding with a way to its Diagnosis, and a way to each answer (which, on a
//! narrow screen, lie below the form).

use crate::state::{Results, SectionTab, View, STATUS_ID};
use leptos::prelude::*;
use ords_core::{Finding, Severity};

/// The finding that most likely explains the run: the first problem, else the first warning.
fn main_finding(findings: &[Finding]) -> Option<&Finding> {
    let first = |s: Severity| findings.iter().find(|f| f.severity == s);
    first(Severity::Problem).or_else(|| first(Severity::Warning))
}

#[component]
pub fn StatusLine() -> impl IntoView {
    let results = expect_context::<Results>();
    let view_state = expect_context::<View>();
    let ran = move || results.busy.get().is_none() && !results.announcement.with(String::is_empty);
    let finding = move || {
        results.findings.with(|found| {
            main_finding(found).map(|f| (f.severity.label(), f.cause.clone(), f.severity == Severity::Problem))
        })
    };
    let go = move |id: &'static str| move |_| crate::browser::focus_when_shown(id, true);
    view! {
        <div class="status-line" id=STATUS_ID tabindex="-1">
            // Always in the page, so screen readers announce each change.
            <span role="status">
                {move || match results.busy.get() {
                    Some(busy) => busy.label().to_owned(),
                    None => results.announcement.get(),
                }}
            </span>
            <span class="jump" hidden=move || !ran()>
                    "See "
                    <button type="button" class="link" on:click=go("token-response")>"Token response"</button>
                    ", "
                    <button type="button" class="link" on:click=go("protected-resource")>"Protected resource"</button>
            </span>
            {move || finding().filter(|_| ran()).map(|(severity, cause, problem)| view! {
                <p class="main-finding" class:is-problem=problem>
                    <span class="severity">{severity}": "</span>{cause}" "
                    <button type="button" class="link" on:click=move |_| view_state.open_tab(SectionTab::Diagnosis)>
                        "Diagnosis"
                    </button>
                </p>
            })}
        </div>
    }
}
