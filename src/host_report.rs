//! What an embed tells the page around it after each run (`ords-playground:ran`), when a page
//! is allowed to talk to it (`host_api`): never a secret, a token, a request or a body.

use crate::browser;
use crate::state::{Form, Results};
use leptos::prelude::*;
use ords_core::host_api::{ran_message, Ran};
use ords_core::{mask_secrets, Button, Flow, Severity, Step};

/// After a run: `ran` to the page around the embed, when one is allowed. The finding's sentence
/// is masked with every secret of the form; nothing else could hold one. `refused`: the run
/// sent nothing, for this reason (a field's problem).
pub fn ran(form: Form, results: Results, button: Button, flow: Flow, started_ms: f64, refused: Option<String>) {
    if browser::host_origin().is_none() {
        return;
    }
    let status = |step: Step| {
        results.timeline.with_untracked(|t| {
            t.iter().rev().find(|e| e.exchange.step == step).and_then(|e| e.exchange.response().map(|r| r.status))
        })
    };
    let mut secrets =
        vec![form.client_secret.get_untracked(), form.password.get_untracked(), form.own_token.get_untracked()];
    secrets.extend(results.held.with_untracked(|h| h.as_ref().map(|h| h.access_token.secret().to_owned())));
    secrets.retain(|s| !s.is_empty());
    let finding = results.findings.with_untracked(|all| {
        let main = all.iter().find(|f| f.severity == Severity::Problem).or(all.first());
        let said = refused.map(|r| ("input", r));
        said.or_else(|| main.map(|f| (f.id.key(), f.cause.clone()))).map(|(id, s)| (id, mask_secrets(&s, &secrets)))
    });
    let ran = Ran {
        flow: flow.key(),
        button: button.key(),
        token_status: status(Step::Token),
        resource_status: status(Step::Resource),
        finding,
        ms: (browser::now_ms() - started_ms).max(0.0) as u64,
        ignored: browser::ignored_messages(),
    };
    browser::post_to_host(&ran_message(&ran));
}
