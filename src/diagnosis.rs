//! Feeds the core's diagnosis, which runs in the page's helper (a worker: its rules and texts
//! are not part of the first load): the form's inputs as they change, and after a run that
//! failed without a response, a probe that tells an unreachable server from a CORS refusal.

use crate::browser;
use crate::state::{Form, Results};
use leptos::prelude::*;
use ords_core::diagnosis_wire as wire;
use ords_core::{CorsFixes, Finding, Inputs, Probe, RunFacts, Target};
use serde_json::json;
use std::cell::Cell;

/// The form's inputs and the token the next call would send (tracked: call inside a reactive
/// closure to follow edits).
pub fn inputs(form: &Form, results: &Results) -> Inputs {
    let token = if form.own_token_on.get() {
        form.own_token.get().trim().to_owned()
    } else {
        results.held.with(|h| h.as_ref().map(|h| h.access_token.secret().to_owned())).unwrap_or_default()
    };
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

thread_local! {
    static ASKED: Cell<u64> = const { Cell::new(0) };
}

/// Keeps `results.input_findings` (what the inputs alone say) in step with the form; only
/// the newest answer is kept.
pub fn keep_inputs_diagnosed(form: Form, results: Results) {
    Effect::new(move || {
        let job = json!({ "do": "diagnose_inputs", "inputs": wire::inputs_to_json(&inputs(&form, &results)) });
        let asked = ASKED.with(|a| a.get() + 1);
        ASKED.with(|a| a.set(asked));
        leptos::task::spawn_local(async move {
            if let Ok(answer) = browser::ask_helper(job).await {
                if ASKED.with(Cell::get) == asked {
                    results.input_findings.set(wire::findings_from_json(&answer));
                }
            }
        });
    });
}

/// The SQL and settings that allow this page's origin (for the ORDS CORS note).
pub async fn cors_fixes(resource_url: String, client_id: String) -> Option<CorsFixes> {
    let job = json!({ "do": "cors_fixes", "origin": browser::page_origin(), "resource_url": resource_url, "client_id": client_id });
    browser::ask_helper(job).await.ok().map(|v| wire::cors_fixes_from_json(&v))
}

/// Diagnoses a finished run into `results.findings`, probing first when a fetch failed; kept
/// only if no other run has started since (`run` is the run's number).
pub async fn after_run(results: Results, inputs: Inputs, target: Target, token_expired: bool, run: u64) {
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
    let timeline = results.timeline.with_untracked(|t| wire::timeline_to_json(t));
    let job = json!({
        "do": "diagnose_run", "inputs": wire::inputs_to_json(&inputs), "timeline": timeline,
        "facts": wire::facts_to_json(RunFacts { probe, token_expired }),
    });
    let findings: Vec<Finding> = match browser::ask_helper(job).await {
        Ok(answer) => wire::findings_from_json(&answer),
        Err(_) => Vec::new(),
    };
    if results.run_number.get_untracked() == run {
        results.findings.set(findings);
    }
}
