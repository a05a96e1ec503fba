//! The `Diagnosis` section: what the inputs and the last run say, each finding with its
//! evidence and fix, and the ORDS CORS note (open when CORS is a likely cause).

use crate::state::{Form, Results};
use leptos::prelude::*;
use ords_core::{CorsFixes, Finding};

#[component]
pub fn DiagnosisPanel() -> impl IntoView {
    let results = expect_context::<Results>();
    let cors_likely = move || results.findings.with(|f| f.iter().any(|f| f.cors));
    view! {
        <section class="panel diagnosis" aria-label="Diagnosis">
            <h2>"Diagnosis"</h2>
            {move || {
                let found = results.findings.get();
                (!found.is_empty()).then(|| view! { <h3>"Last run"</h3><FindingList findings=found /> })
            }}
            <h3>"Before sending"</h3>
            {move || {
                let found = results.input_findings.get();
                if found.is_empty() {
                    view! { <p class="empty">"Nothing to say about these settings."</p> }.into_any()
                } else {
                    view! { <FindingList findings=found /> }.into_any()
                }
            }}
            <CorsNote open=Signal::derive(cors_likely) />
        </section>
    }
}

#[component]
pub fn FindingList(findings: Vec<Finding>) -> impl IntoView {
    view! {
        <ul class="findings">
            {findings.into_iter().map(|f| {
                let class = format!("finding {}", f.severity.label().to_ascii_lowercase());
                view! {
                    <li class=class data-finding=f.id.key()>
                        <p class="cause"><span class="severity">{f.severity.label()}</span>" "{f.cause}</p>
                        <p class="evidence">"Evidence: "{f.evidence}</p>
                        {(!f.fix.is_empty()).then(|| view! { <p class="fix">"Fix: "{f.fix}</p> })}
                        {f.sql.filter(|s| !s.is_empty()).map(|sql| view! { <pre class="sql">{sql}</pre> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Always reachable; opened by itself when a finding points at CORS.
#[component]
fn CorsNote(open: Signal<bool>) -> impl IntoView {
    let form = expect_context::<Form>();
    // Written by the page's helper; the newest answer wins.
    let fixes = RwSignal::new(None::<CorsFixes>);
    Effect::new(move || {
        let (url, id) = (form.resource_url.get(), form.client_id.get());
        leptos::task::spawn_local(async move {
            let answer = crate::diagnosis::cors_fixes(url.clone(), id.clone()).await;
            if form.resource_url.with_untracked(|u| *u == url) && form.client_id.with_untracked(|c| *c == id) {
                fixes.set(answer);
            }
        });
    });
    view! {
        <details class="cors-note" prop:open=move || open.get()>
            <summary>"ORDS CORS note"</summary>
            <p>"CORS is how a browser asks a server whether a page from another origin may read its answers; the \
                server says yes with Access-Control-Allow-Origin. curl and Postman are not browsers, so they never \
                ask, which is why a call can work there and fail here."</p>
            {move || fixes.with(|f| f.as_ref().map(|f| view! {
                <p>{format!("For this page ({}) ORDS needs:", f.origin)}</p>
                <ol>
                    <li>
                        {match &f.module {
                            Some(m) => format!("the module at /{m}/ (alias {}) to allow the origin:",
                                f.alias.clone().unwrap_or_default()),
                            None => "each module you call to allow the origin (the Resource URL shows no ORDS \
                                module):".to_owned(),
                        }}
                        {f.module_sql.clone().map(|sql| view! { <pre class="sql">{sql}</pre> })}
                    </li>
                    <li>"the OAuth client to allow it too, for the token request (ORDS before 24.3):"
                        <pre class="sql">{f.client_sql.clone()}</pre>
                        <p>{f.client_newer.clone()}</p>
                    </li>
                </ol>
            }))}
            <p>"Or avoid CORS altogether: serve the playground from the same origin as ORDS (ORDS standalone static \
                files, or one reverse proxy for both that keeps Host and scheme intact), or run it locally with \
                Trunk's dev proxy."</p>
            <p class="warning">"A client secret in a browser is for testing, not production: anyone can read it in the \
                developer tools. Real apps get tokens on a backend."</p>
        </details>
    }
}
