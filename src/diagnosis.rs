//! Feeds the core's diagnosis: the form's inputs, and after a run that failed without a
//! response, a probe that tells an unreachable server from a CORS refusal.

use crate::state::{Form, Results};
use crate::transport::{self, Target};
use leptos::prelude::*;
use ords_core::{diagnose_inputs, diagnose_run, Finding, Inputs, Probe, RunFacts, TransportError};

/// The form's inputs, owned so a run can diagnose after its awaits.
#[derive(Clone, Debug)]
pub struct FormInputs {
    page_origin: String,
    uses_oauth: bool,
    uses_basic: bool,
    token_url: String,
    resource_url: String,
    client_id: String,
    client_secret: String,
    client_auth: ords_core::ClientAuth,
    method: &'static str,
    sends_json: bool,
    extra_headers: bool,
}

impl FormInputs {
    /// Reads the form (tracked: call inside a reactive closure to follow edits).
    pub fn read(form: &Form) -> Self {
        let flow = form.flow.get();
        Self {
            page_origin: transport::page_origin(),
            uses_oauth: flow.uses_oauth(),
            uses_basic: flow.uses_basic(),
            token_url: form.token_url.get(),
            resource_url: form.resource_url.get(),
            client_id: form.client_id.get(),
            client_secret: form.client_secret.get(),
            client_auth: form.client_auth.get(),
            method: form.method.get(),
            sends_json: !form.body.get().trim().is_empty(),
            extra_headers: !form.headers.get().trim().is_empty() || form.token_name.get() != "Authorization",
        }
    }

    pub fn view(&self) -> Inputs<'_> {
        Inputs {
            page_origin: &self.page_origin,
            uses_oauth: self.uses_oauth,
            uses_basic: self.uses_basic,
            token_url: &self.token_url,
            resource_url: &self.resource_url,
            client_id: &self.client_id,
            client_secret: &self.client_secret,
            client_auth: self.client_auth,
            method: self.method,
            sends_json: self.sends_json,
            extra_headers: self.extra_headers,
        }
    }
}

/// What the inputs alone say.
pub fn before_sending(form: &Form) -> Vec<Finding> {
    diagnose_inputs(&FormInputs::read(form).view())
}

/// Diagnoses a finished run into `results.findings`, probing first when a fetch failed.
pub async fn after_run(results: Results, inputs: FormInputs, target: Target, token_expired: bool) {
    // Read from the stored timeline, not a copy: a response body may be 10 MB.
    let failed_url = results.timeline.with_untracked(|timeline| {
        timeline
            .iter()
            .rev()
            .find(|e| matches!(e.exchange.result, Err(TransportError::FetchFailed { .. })))
            .map(|e| e.exchange.request.wire.url.clone())
    });
    transport::next_task().await; // the run's results render first; a 10 MB body is read here
    let probe = match failed_url {
        Some(url) => transport::probe(target, &url).await,
        None => Probe::NotProbed,
    };
    let findings = results
        .timeline
        .with_untracked(|timeline| diagnose_run(&inputs.view(), timeline, RunFacts { probe, token_expired }));
    results.findings.set(findings);
}
