use super::{
    code_panel::CodePanel, compare_panel::ComparePanel, diagnosis_panel::DiagnosisPanel, form::FormPanel,
    history_panel::HistoryPanel, resource_panel::ResourcePanel, timeline::Timeline, token_panel::TokenPanel,
};
use crate::state::{Form, Results};
use crate::transport;
use crate::{actions, persist};
use leptos::prelude::*;
use std::time::Duration;

/// The whole page: the form, then the two result panels side by side.
#[component]
pub fn App() -> impl IntoView {
    let query = transport::page_query();
    let form = Form::from_params(&persist::starting_params(&query));
    persist::keep(form, actions::is_configured(&query));
    let results = Results::new();
    crate::history::keep(results);
    if !actions::is_configured(&query) {
        actions::choose_default_target(form);
    }
    provide_context(form);
    provide_context(results);
    if let Ok(tick) = set_interval_with_handle(move || results.now_ms.set(transport::now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || tick.clear());
    }
    view! {
        <header class="top">
            <h1>"ORDS Auth Playground"</h1>
            <p class="tagline">
                "Run OAuth2 client credentials or HTTP Basic against an ORDS API from this browser, and see every exchange."
            </p>
        </header>
        <main>
            <FormPanel />
            <div class="panels">
                <TokenPanel />
                <ResourcePanel />
            </div>
            <DiagnosisPanel />
            <ComparePanel />
            <Timeline />
            <CodePanel />
            <HistoryPanel />
        </main>
    }
}
