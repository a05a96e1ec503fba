//! Feeds the core's diagnosis: the form's inputs, and after a run that failed without a
//! response, a probe that tells an unreachable server from a CORS refusal.

use crate::browser;
use crate::state::{Form, Results};
use leptos::prelude::*;
use ords_core::{diagnose_inputs, diagnose_run, Finding, Inputs, Probe, RunFacts, Target};

/// The form's inputs (tracked: call inside a reactive closure to follow edits).
pub fn inputs(form: &Form) -> Inputs {
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
    }
}

/// What the inputs alone say.
pub fn before_sending(form: &Form) -> Vec<Finding> {
    diagnose_inputs(&inputs(form))
}

/// Diagnoses a finished run into `results.findings`, probing first when a fetch failed.
pub async fn after_run(results: Results, inputs: Inputs, target: Target, token_expired: bool) {
    // Read from the stored timeline, not a copy: a response body may be 10 MB.
    let failed_url = results.timeline.with_untracked(|timeline| {
        timeline.iter().rev().find(|e| e.exchange.failed_to_fetch()).map(|e| e.exchange.request.wire.url.clone())
    });
    browser::next_task().await; // the run's results render first; a 10 MB body is read here
    let probe = match failed_url {
        Some(_) if target == Target::Simulated => Probe::ReachableWithoutCors, // the in-page ORDS always answers
        Some(url) => browser::probe(&url).await,
        None => Probe::NotProbed,
    };
    let findings =
        results.timeline.with_untracked(|timeline| diagnose_run(&inputs, timeline, RunFacts { probe, token_expired }));
    results.findings.set(findings);
}
