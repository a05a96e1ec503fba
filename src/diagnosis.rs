//! Feeds the core's diagnosis, which runs in the page's helper (a worker: its rules and texts
//! are not part of the first load): the form's inputs as they change, and after a run that
//! failed without a response, a probe that tells an unreachable server from a CORS refusal.

use crate::browser;
use crate::state::{Form, Results};
use leptos::prelude::*;
use ords_core::diagnosis_wire as wire;
use ords_core::helper::{Job, Reply};
use ords_core::{CorsFixes, Inputs, Probe, RunFacts, Target};

/// The form's inputs and the token the next call would send (tracked: call inside a reactive
/// closure to follow edits).
pub fn inputs(form: &Form, results: &Results) -> Inputs {
    let token = crate::state::next_call_token(form, results).unwrap_or_default();
    Inputs {
        page_origin: browser::page_origin(),
        flow: form.flow.get(),
        token_url: form.token_url.get(),
        resource_url: form.resource_url.get(),
        client_id: form.client_id.get(),
        client_secret: ords_core::ClientSecret::new(form.client_secret.get()),
        client_auth: form.client_auth.get(),
        method: form.method.get(),
        sends_json: !form.body.with(|b| b.trim().is_empty()),
        extra_headers: !form.headers.with(|h| h.trim().is_empty()) || form.token_name.with(|n| n != "Authorization"),
        jwt_profile: form.jwt_profile(),
        jwks: results.jwks.get(),
        token: ords_core::AccessToken::new(token),
        now_s: (browser::now_ms() / 1000.0) as i64,
    }
}

/// Keeps `results.input_findings` (what the inputs alone say) in step with the form; the
/// resource keeps only the newest answer.
pub fn keep_inputs_diagnosed(form: Form, results: Results) {
    let diagnosed = LocalResource::new(move || {
        let job = Job::DiagnoseInputs(inputs(&form, &results));
        async move { browser::ask_helper(job).await.and_then(Reply::findings).ok() }
    });
    Effect::new(move || {
        if let Some(Some(findings)) = diagnosed.get() {
            results.input_findings.set(findings);
        }
    });
}

/// The SQL and settings that allow this page's origin (for the ORDS CORS note).
pub async fn cors_fixes(resource_url: String, client_id: String) -> Option<CorsFixes> {
    let job = Job::CorsFixes { origin: browser::page_origin(), resource_url, client_id };
    browser::ask_helper(job).await.and_then(Reply::cors_fixes).ok()
}

/// Diagnoses a finished run into `results.findings`, probing first when a fetch failed; kept
/// only if no other run has started since (`newest` says).
pub async fn after_run(
    results: Results,
    inputs: Inputs,
    target: Target,
    token_expired: bool,
    newest: impl Fn() -> bool,
) {
    // Read from the stored timeline, not a copy: a response body may be 10 MB.
    let failed_url = results.timeline.with_untracked(|timeline| {
        timeline.iter().rev().find(|e| e.exchange.failed_to_fetch()).map(|e| e.exchange.request.wire.url.clone())
    });
    browser::next_task().await; // the run's results render first; a 10 MB body is read here
    let probe = match failed_url {
        Some(url) => browser::probe(target, &url).await,
        None => Probe::NotProbed,
    };
    let timeline = results.timeline.with_untracked(|t| wire::cut_timeline(t));
    let job = Job::DiagnoseRun { inputs, timeline, facts: RunFacts { probe, token_expired } };
    let findings = browser::ask_helper(job).await.and_then(Reply::findings).unwrap_or_default();
    if newest() {
        results.findings.set(findings);
    }
}
