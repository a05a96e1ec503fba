//! What the buttons do: run a flow in the core with the chosen sender and store the outcome.

use crate::diagnosis::{self, FormInputs};
use crate::history;
use crate::state::{Busy, FlowKind, Form, Results};
use crate::transport::{self, Target};
use leptos::prelude::*;
use ords_core::{Purpose, TimelineEntry};

/// True when the page was opened with settings in its URL (an embed or a shared link).
pub fn is_configured(query: &str) -> bool {
    let keys = ["target", "flow", "token_url", "client_id", "client_auth", "resource_url", "username"];
    ords_core::parse_form(query).unwrap_or_default().iter().any(|(k, _)| keys.contains(&k.as_str()))
}

/// With no configuration, use the local ords-sim when it answers, else the in-page simulator.
/// Only a page served from this machine probes loopback: a public page doing so would make
/// Chrome ask for local-network permission.
pub fn choose_default_target(form: Form) {
    if !transport::page_is_local() {
        form.target.set(Target::Simulated);
        return;
    }
    let probe = ords_core::HttpRequest::new("GET", &form.token_url.get_untracked());
    leptos::task::spawn_local(async move {
        let reachable = transport::send(Target::Network, probe).await.is_ok();
        if !reachable && !form.target_chosen.get_untracked() {
            form.target.set(Target::Simulated);
        }
    });
}

/// `Get token`: asks the token endpoint and holds the token it returns.
pub fn get_token(form: Form, results: Results) {
    let settings = form.oauth_untracked();
    let target = form.target.get_untracked();
    let params = untrack(|| form.to_params());
    let inputs = untrack(|| FormInputs::read(&form));
    let send = move |request| transport::send(target, request);
    results.busy.set(Some(Busy::Token));
    results.findings.set(Vec::new());
    leptos::task::spawn_local(async move {
        match ords_core::get_token(&settings, &send).await {
            Ok(step) => {
                results.field_errors.set(Vec::new());
                let timeline = vec![TimelineEntry { purpose: Purpose::Token, exchange: step.exchange.clone() }];
                history::record(results, history::GET_TOKEN, params, &timeline);
                results.timeline.set(timeline);
                results.record_token(step, target);
                diagnosis::after_run(results, inputs, target, false).await;
            }
            Err(problems) => results.field_errors.set(problems),
        }
        results.busy.set(None);
    });
}

/// `Call API`: the protected call, with the held token (getting one first if needed) or Basic.
pub fn call_api(form: Form, results: Results) {
    let flow = form.flow.get_untracked();
    let (oauth, basic) = (form.oauth_untracked(), form.basic());
    let placement = form.placement();
    let call = match form.call() {
        Ok(call) => call,
        Err(problem) => return results.field_errors.set(vec![problem]),
    };
    let own = match form.own_token().transpose() {
        Ok(own) => own,
        Err(problem) => return results.field_errors.set(vec![problem]),
    };
    let target = form.target.get_untracked();
    // A token from the other target belongs to another server: do not send it there.
    // A pasted token cannot be re-fetched: the token request would be someone else's.
    let refetch = form.refetch.get_untracked() && own.is_none();
    if let Some(pasted) = &own {
        results.token_step.set(None);
        results.token_via.set(target);
        results.held.set(Some(pasted.clone()));
    }
    let held = own.or_else(|| results.held.get_untracked().filter(|_| results.token_via.get_untracked() == target));
    let params = untrack(|| form.to_params());
    let inputs = untrack(|| FormInputs::read(&form));
    let token_expired = !refetch && held.as_ref().is_some_and(|h| h.is_expired(transport::now_ms()));
    let send = move |request| transport::send(target, request);
    results.busy.set(Some(Busy::Call));
    results.findings.set(Vec::new());
    leptos::task::spawn_local(async move {
        let now = transport::now_ms();
        // Each token step shows at once: the token panel renders while the call is in flight.
        let on_token = move |step: &ords_core::TokenStep| results.record_token(step.clone(), target);
        let oauth_run =
            ords_core::call_with_oauth(&oauth, &call, &placement, held.as_ref(), now, refetch, &send, &on_token);
        let outcome = match flow {
            FlowKind::Basic => ords_core::call_with_basic(&basic, &call, &send).await.map(|e| {
                let timeline = vec![TimelineEntry { purpose: Purpose::Resource, exchange: e.clone() }];
                (None, Some(e), timeline, None)
            }),
            FlowKind::OAuth2 => oauth_run.await.map(|call| (call.token, call.resource, call.timeline, None)),
            FlowKind::Compare => {
                let basic_run = ords_core::call_with_basic(&basic, &call, &send);
                match futures::future::join(basic_run, oauth_run).await {
                    (Ok(basic), Ok(run)) => {
                        let rows = run.resource.as_ref().map(|resource| {
                            let exchanges: Vec<_> = run.timeline.iter().map(|e| e.exchange.clone()).collect();
                            ords_core::compare_calls(&basic, ords_core::OAuthSide { resource, exchanges: &exchanges })
                        });
                        let mut timeline = run.timeline;
                        timeline.push(TimelineEntry { purpose: Purpose::BasicCall, exchange: basic });
                        Ok((run.token, run.resource, timeline, rows))
                    }
                    (Err(mut a), Err(b)) => Err({
                        a.extend(b);
                        a
                    }),
                    (Err(problems), _) | (_, Err(problems)) => Err(problems),
                }
            }
        };
        match outcome {
            Ok((token_step, resource, timeline, comparison)) => {
                results.comparison.set(comparison);
                results.field_errors.set(Vec::new());
                history::record(results, history::CALL_API, params, &timeline);
                results.timeline.set(timeline);
                // Token steps were recorded as they happened (on_token).
                let token_failed = token_step.is_some() && resource.is_none();
                results.resource_via.set(target);
                results.resource_note.set(
                    token_failed.then(|| {
                        "No resource call was made: the token request failed (see Token response).".to_owned()
                    }),
                );
                results.resource.set(resource);
                diagnosis::after_run(results, inputs, target, token_expired).await;
            }
            Err(problems) => results.field_errors.set(problems),
        }
        results.busy.set(None);
    });
}
