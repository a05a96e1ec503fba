//! What the buttons do: gather the form into the core's run inputs, send each request past
//! the question about credentials, and store the outcome. The run itself is `ords_core::run`.

use crate::browser;
use crate::consent::Consent;
use crate::state::{Busy, Form, Results, Source};
use crate::{diagnosis, history};
use leptos::prelude::*;
use ords_core::{
    demo, follow_link, origin_of, Button, FieldError, PreparedRequest, ResourceCall, RunInputs, RunRecord, Target,
    TokenSource, TokenStep,
};

/// The page's pieces of shared state (form, results, consent, workshop) and its run, passed
/// together to what the buttons do.
#[derive(Clone, Copy)]
pub struct Page {
    pub form: Form,
    pub results: Results,
    pub consent: Consent,
    pub workshop: crate::workshop::Workshop,
    /// `Get token` or `Call API` as a Leptos action, made with the run's code on the first press
    /// (so the first load carries none of it): its input while in flight is what the page is
    /// doing (`Results::busy` follows it), its version counts the runs that finished.
    run: StoredValue<Option<Action<Button, ()>>, LocalStorage>,
    /// The page's reactive owner, which the run and what follows it belong to.
    owner: StoredValue<Option<Owner>, LocalStorage>,
}

impl Page {
    pub fn new(form: Form, results: Results, consent: Consent, workshop: crate::workshop::Workshop) -> Self {
        let run = StoredValue::new_local(None);
        let owner = StoredValue::new_local(Owner::current());
        Page { form, results, consent, workshop, run, owner }
    }
}

/// With no configuration, use the local ords-sim when it answers, else the in-page simulator.
/// Only a page served from this machine probes loopback: a public page doing so would make
/// Chrome ask for local-network permission.
pub fn choose_default_target(form: Form) {
    if !browser::page_is_local() {
        form.target.set(Target::Simulated);
        return;
    }
    let url = form.token_url.get_untracked();
    leptos::task::spawn_local(async move {
        let reachable = browser::answers(&url).await;
        if !reachable && form.target_source.get_untracked() == Source::Default {
            form.target.set(Target::Simulated);
        }
    });
}

/// The person typed or pasted into a URL field: the origin becomes theirs, and a server other
/// than the demo's never ends in the simulator unless they chose it themselves.
pub fn url_typed(page: Page, source: RwSignal<Source>, before: &str, after: &str) {
    let Page { form, results, consent, .. } = page;
    consent.typed(before, after);
    let origin = origin_of(after);
    if origin.is_some() && origin != origin_of(before) {
        source.set(Source::Typed);
    }
    let page_chose = matches!(form.target_source.get_untracked(), Source::Default | Source::Link);
    let elsewhere = origin.is_some_and(|o| o != demo::ORIGIN);
    if form.target.get_untracked() == Target::Simulated && page_chose && elsewhere {
        form.target.set(Target::Network);
        results.notice.set(Some(
            "Requests now go over the network: you typed a server other than the demo's. Choose Simulated ORDS \
             (in this page) under Send requests to if you want the in-page model to answer instead."
                .into(),
        ));
    }
}

pub(crate) fn gather(page: Page, action: Button, now_ms: f64) -> Result<RunInputs, Vec<FieldError>> {
    let Page { form, results, .. } = page;
    let call = match form.call() {
        Ok(call) => call,
        Err(_) if action == Button::GetToken => ResourceCall::get(&form.resource_url.get()),
        Err(problem) => return Err(vec![problem]),
    };
    let token = match form.own_token(now_ms).filter(|_| action == Button::CallApi).transpose().map_err(|e| vec![e])? {
        Some(pasted) => TokenSource::Pasted(pasted),
        // A token from the other target belongs to another server: never sent there.
        None => TokenSource::Held(results.held.get().filter(|_| results.held_from.get() == form.target.get())),
    };
    Ok(RunInputs {
        action,
        flow: form.flow.get(),
        oauth: form.oauth(),
        basic: form.basic(),
        call,
        placement: form.placement(),
        token,
        refetch: form.refetch.get(),
        now_ms,
    })
}

/// What sends every request of the page to `target`: over the network only after the
/// question about credentials going to an origin nobody typed. One function, so every caller
/// shares one copy of the flows' code.
pub fn sender(
    page: Page,
    target: Target,
) -> impl Fn(
    PreparedRequest,
) -> std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<ords_core::Received, ords_core::TransportError>>>,
> + Copy {
    let Page { form, consent, .. } = page;
    move |request: PreparedRequest| {
        Box::pin(async move {
            if target == Target::Network {
                consent.clear(&request, form).await?;
            }
            browser::send(target, request).await
        })
    }
}

crate::later::split_point!(
    answers,
    preload_run,
    /// The run's code (gathering, sending, storing, the diagnosis's hand-off), fetched after
    /// the form is usable: dispatches the run.
    pub fn run_later(page: Page, action: Button) -> () {
        run_action(page).dispatch_local(action);
    }
);

/// The run's action, made on the first press in the page's owner, with what the page is doing
/// (`Results::busy`) following its input.
fn run_action(page: Page) -> Action<Button, ()> {
    if let Some(run) = page.run.get_value() {
        return run;
    }
    let results = page.results;
    let make = move || {
        let run = Action::new_local(move |action: &Button| run_now(page, *action));
        Effect::new(move || match run.input().get() {
            Some(Button::GetToken) => results.busy.set(Some(Busy::Token)),
            Some(Button::CallApi) => results.busy.set(Some(Busy::Call)),
            None => results.busy.set(None),
        });
        run
    };
    let run = page.owner.with_value(|owner| owner.as_ref().map(|o| o.with(make))).unwrap_or_else(make);
    page.run.set_value(Some(run));
    run
}

/// Whether the run that finishes as `version` is still the newest: none started since.
fn newest(page: Page, version: usize) -> bool {
    page.run
        .get_value()
        .is_some_and(|run| run.version().get_untracked() == version && run.input().get_untracked().is_none())
}

thread_local! {
    static RUN_LOADED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Fetches the run's code before anyone presses (called once the form is usable), so the
/// first press neither waits nor says "Loading…".
pub async fn preload_run_code() {
    if preload_run().await.is_ok() {
        RUN_LOADED.with(|l| l.set(true));
        crate::later::arrived();
    }
}

/// `Get token` or `Call API` (none while a run is in flight). A press before the run's code is
/// in says "Loading…" until it is, and a sentence if it could not be fetched (the next press
/// tries again).
pub fn press(page: Page, action: Button) {
    let results = page.results;
    if results.busy.get_untracked().is_some() {
        return;
    }
    let waiting = !RUN_LOADED.with(std::cell::Cell::get);
    if waiting {
        results.notice.set(Some(crate::later::LOADING.to_owned()));
    }
    leptos::task::spawn_local(async move {
        crate::later::settled().await;
        match run_later(page, action).await {
            Ok(()) => {
                if waiting {
                    crate::later::arrived();
                }
                RUN_LOADED.with(|l| l.set(true));
                if waiting && results.notice.get_untracked().as_deref() == Some(crate::later::LOADING) {
                    results.notice.set(None);
                }
            }
            Err(_) => {
                let said = format!("{} Press the button again to retry.", crate::later::NOT_LOADED);
                results.notice.set(Some(said));
            }
        }
    });
}

async fn run_now(page: Page, action: Button) {
    let Page { form, results, workshop, .. } = page;
    let now = browser::now_ms();
    let inputs = match untrack(|| gather(page, action, now)) {
        Ok(inputs) => inputs,
        Err(problems) => {
            crate::host_report::ran(form, results, action, form.flow.get_untracked(), now, refusal(&problems));
            return results.field_errors.set(problems);
        }
    };
    let target = form.target.get_untracked();
    let flow = inputs.flow;
    if flow == ords_core::Flow::Par {
        // A pre-authenticated URL is typed or pasted here, or included by a link's author on
        // purpose (Share's own tick, named in the banner): it carries nothing of the person's.
        page.consent.typed("", &inputs.call.url);
    }
    let config = untrack(|| form.config());
    let facts = untrack(|| diagnosis::inputs(&form, &results));
    if let TokenSource::Pasted(pasted) = &inputs.token {
        results.token_step.set(None);
        results.held_from.set(target);
        results.held.set(Some(pasted.clone()));
    }
    results.findings.set(Vec::new());
    results.notice.set(None);
    let send = sender(page, target);
    // Each token step shows at once: the token panel renders while the call is in flight.
    let on_token = move |step: &TokenStep| results.record_token(step.clone(), target, browser::now_ms());
    match ords_core::run(&inputs, &send, &on_token).await {
        Ok(outcome) => {
            results.field_errors.set(Vec::new());
            history::record(results, action, config, &outcome.timeline);
            results.timeline.set(outcome.timeline);
            if action == Button::CallApi {
                results.resource_note.set(outcome.resource_note.map(str::to_owned));
                results.resource.set(outcome.resource);
            }
            // The run is over: the buttons come back as it returns; the diagnosis (in the
            // helper) and the lesson check follow, and only the newest run's answer is kept.
            let version = run_action(page).version().get_untracked() + 1;
            let expired = outcome.sent_expired_token;
            leptos::task::spawn_local(async move {
                // Never in an embed: moving the focus inside a frame would scroll the host's page.
                if !form.embed.get_untracked() {
                    browser::focus_status_after_run(crate::state::STATUS_ID);
                }
                diagnosis::after_run(results, facts, target, expired, move || newest(page, version)).await;
                if newest(page, version) {
                    crate::workshop::after_run(page.form, page.results, workshop, inputs.flow);
                    crate::host_report::ran(page.form, page.results, action, flow, now, None);
                }
            });
        }
        Err(problems) => {
            crate::host_report::ran(form, results, action, flow, now, refusal(&problems));
            results.field_errors.set(problems);
        }
    }
}

/// Why a run sent nothing, in one sentence: the first field's problem.
fn refusal(problems: &[FieldError]) -> Option<String> {
    problems.first().map(|p| format!("{}: {}", p.field.label(), p.message))
}

/// Cancel: stops requests in flight and answers open questions with no.
pub fn cancel(page: Page) {
    page.consent.cancel_all();
    browser::cancel_all();
}

/// Puts a past run's settings back in the form and presses its button again.
pub fn rerun(page: Page, record: &RunRecord) {
    page.form.apply(&record.config, Source::History);
    press(page, record.action);
}

/// Follows a collection's `first`/`prev`/`next` link with a new `Call API`. A link to another
/// origin asks before credentials go there (as every request does); https to http is refused.
pub fn follow(page: Page, href: &str) {
    let Page { form, results, .. } = page;
    let current = form.resource_url.get_untracked();
    match follow_link(&current, href) {
        Ok(url) => {
            if origin_of(&url) != origin_of(&current) {
                form.resource_url_source.set(Source::ResponseLink);
            }
            form.resource_url.set(url);
            press(page, Button::CallApi);
        }
        Err(refusal) => results.notice.set(Some(refusal.to_string())),
    }
}
