//! The sections under the two answers (Diagnosis, Compare, Timeline, Code, History, From the
//! database, MCP server) as WAI-ARIA tabs: one panel open at a time; arrow keys, Home and End move between
//! the tabs. Each tab's view is behind a split point beside it, in the `sections` chunk.

use super::code_view::code_view;
use super::compare_view::compare_view;
use super::database_view::database_view;
use super::diagnosis_panel::DiagnosisPanel;
use super::history_view::history_view;
use super::later_view::Later;
use super::mcp_view::mcp_view;
use super::timeline_view::timeline_view;
use crate::state::{Form, SectionTab, View};
use leptos::prelude::*;

#[component]
pub fn SectionTabs() -> impl IntoView {
    let form = expect_context::<Form>();
    let view_state = expect_context::<View>();
    let open = move || view_state.tabs(&form).1;
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (all, open) = untrack(|| view_state.tabs(&form));
        let Some(at) = all.iter().position(|t| Some(*t) == open) else { return };
        let last = all.len() - 1;
        let next = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % all.len(),
            "ArrowLeft" => (at + last) % all.len(),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        view_state.tab.set(all[next]);
        crate::browser::focus_when_shown(&format!("tab-{}", all[next].key()), false);
    };
    let tab = move |t: SectionTab| {
        let selected = move || open() == Some(t);
        view! {
            <button type="button" role="tab" id=format!("tab-{}", t.key()) aria-controls=format!("panel-{}", t.key())
                data-section=t.key() hidden=move || !t.offered(|s| form.shows(s), form.flow.get())
                aria-selected=move || selected().to_string() tabindex=move || if selected() { "0" } else { "-1" }
                on:click=move |_| view_state.tab.set(t)>{t.label()}</button>
        }
    };
    let shown = move |t: SectionTab| move || open() != Some(t);
    // The MCP server's code (31 KB gzip) comes when its tab is first opened, not with the rest.
    let mcp_opened =
        Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || open() == Some(SectionTab::Mcp));
    view! {
        <div class="section-tabs" hidden=move || open().is_none()>
            <div class="tablist" role="tablist" aria-label="Sections" on:keydown=on_key>{SectionTab::ALL.map(tab)}</div>
            <div role="tabpanel" class="tabpanel" id="panel-diagnosis" aria-labelledby="tab-diagnosis"
                data-section="diagnosis"
                tabindex="-1" hidden=shown(SectionTab::Diagnosis)><DiagnosisPanel /></div>
            <div role="tabpanel" class="tabpanel" id="panel-compare" aria-labelledby="tab-compare"
                data-section="compare"
                tabindex="-1" hidden=shown(SectionTab::Compare)><Later load=compare_view /></div>
            <div role="tabpanel" class="tabpanel" id="panel-timeline" aria-labelledby="tab-timeline"
                data-section="timeline"
                tabindex="-1" hidden=shown(SectionTab::Timeline)><Later load=timeline_view /></div>
            <div role="tabpanel" class="tabpanel" id="panel-code" aria-labelledby="tab-code" data-section="code"
                tabindex="-1" hidden=shown(SectionTab::Code)><Later load=code_view /></div>
            <div role="tabpanel" class="tabpanel" id="panel-history" aria-labelledby="tab-history"
                data-section="history"
                tabindex="-1" hidden=shown(SectionTab::History)><Later load=history_view /></div>
            <div role="tabpanel" class="tabpanel" id="panel-database" aria-labelledby="tab-database"
                data-section="database"
                tabindex="-1" hidden=shown(SectionTab::Database)><Later load=database_view /></div>
            <div role="tabpanel" class="tabpanel" id="panel-mcp" aria-labelledby="tab-mcp" data-section="mcp"
                tabindex="-1" hidden=shown(SectionTab::Mcp)>
                <Show when=move || mcp_opened.get()><Later load=mcp_view /></Show>
            </div>
        </div>
    }
}

crate::later::split_point!(
    sections,
    preload_sections,
    /// Diagnosis and the other sections under the answers, as tabs.
    pub(super) fn sections_view() -> AnyView {
        view! { <SectionTabs /> }.into_any()
    }
);
