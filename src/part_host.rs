//! Glue for the deferred part (`crates/ords-later`): what it asks the page for. `Code` has the
//! page's helper write the code from the form, and a Postman import applied to the form.
//! `Browse endpoints` has the page read the catalog (with Call API's own run) and set the
//! endpoint chosen. `Lessons` stages, hints and opens tabs.

use crate::actions::Page;
use crate::browser::PartReply;
use crate::state::{Source, View};
use leptos::prelude::*;
use ords_core::helper::{Job, Reply};
use ords_core::{Closed, CodeTarget, Method};

/// The part's questions, each an event on `main` (`ords-…`).
#[derive(Clone, Copy)]
pub enum Ask {
    Code,
    PostmanImport,
    Browse,
    UseEndpoint,
    Lesson,
}

crate::later::split_point!(
    host,
    preload_host,
    /// The answers' code, fetched after the form is usable.
    pub fn answer_later(page: Page, view_state: View, ask: Ask, event: web_sys::Event) -> () {
        match ask {
            Ask::Code => on_code(page, event),
            Ask::PostmanImport => on_postman_import(page, event),
            Ask::Browse => on_browse(page, event),
            Ask::UseEndpoint => on_use_endpoint(page, event),
            Ask::Lesson => on_lesson(page, view_state, event),
        };
    }
);

/// Answers the part's question once the answers' code is in; refused with a sentence if it
/// could not be fetched.
pub fn answer(page: Page, view_state: View, ask: Ask, event: web_sys::Event) {
    let reply = PartReply::of(&event);
    crate::later::asked();
    leptos::task::spawn_local(async move {
        let done = answer_later(page, view_state, ask, event).await;
        crate::later::answered();
        if let (Err(_), Some(reply)) = (done, reply) {
            reply.reject(crate::later::NOT_LOADED);
        }
    });
}

/// `Code`: the code for a target (`[resolve, reject, target, include]`; the target `postman`
/// is the collection, answered with its environment), from the form as it is now.
fn on_code(page: Page, event: web_sys::Event) {
    let Some(reply) = PartReply::of(&event) else { return };
    let (target, include) = (reply.arg(0), reply.arg(1) == "1");
    let from = untrack(|| page.form.code_job(include, crate::browser::page_origin()));
    leptos::task::spawn_local(async move {
        let ask = |job| async { crate::browser::ask_helper(job).await.and_then(Reply::text) };
        let written = match CodeTarget::from_key(&target) {
            Some(target) => ask(Job::Code { target, from }).await.map(|code| (code, String::new())),
            None if target == "postman" => {
                // The environment is extra: without it (the helper failed), the collection stands.
                let environment = crate::browser::ask_helper(Job::PostmanEnvironment(from.clone())).await;
                let environment = environment.ok().map(Reply::text).transpose();
                ask(Job::PostmanExport(from)).await.and_then(|code| Ok((code, environment?.unwrap_or_default())))
            }
            None => Err(format!("there is no code target {target:?}")),
        };
        match written {
            Ok((code, environment)) => reply.resolve([code, environment]),
            Err(why) => reply.reject(&why),
        }
    });
}

/// `Import` in Code: a Postman collection or environment (`[resolve, reject, text]`) read by
/// the helper and applied to the form; answered with the sentence to show. The collection's
/// URLs count as imported: credentials go there only after the question.
fn on_postman_import(page: Page, event: web_sys::Event) {
    let Some(reply) = PartReply::of(&event) else { return };
    let text = reply.arg(0);
    leptos::task::spawn_local(async move {
        match crate::browser::ask_helper(Job::PostmanImport { text }).await.and_then(Reply::imported) {
            Ok(found) => {
                let said = if page.form.apply_import(*found) {
                    "Imported into the form above."
                } else {
                    "Imported the environment's secrets."
                };
                reply.resolve([said.to_owned()]);
            }
            Err(why) => reply.reject(&why),
        }
    });
}

/// `Read the catalog` (`[resolve, reject, base]`): answered with the problem (or empty), the
/// status the catalog refused with (or empty), then five texts per endpoint: method, URL, its
/// parameters one per line, `1`/`0`/empty for whether it needs authentication, and its
/// summary.
fn on_browse(page: Page, event: web_sys::Event) {
    let Some(reply) = PartReply::of(&event) else { return };
    let base = reply.arg(0);
    leptos::task::spawn_local(async move {
        let found = crate::browse::browse(page, base).await;
        let head = [found.problem.unwrap_or_default(), found.refused.map(|s| s.to_string()).unwrap_or_default()];
        let endpoints = found.endpoints.into_iter().flat_map(|e| {
            let auth = e.needs_auth.map(|a| if a { "1" } else { "0" }).unwrap_or_default();
            [e.method, e.url, e.params.join("\n"), auth.to_owned(), e.summary]
        });
        reply.resolve(head.into_iter().chain(endpoints));
    });
}

/// `Use this endpoint` (`[resolve, reject, url, method]`): sets Resource URL and Method. The
/// URL came from a response: on another origin, credentials go there only after the question
/// (as with a collection's links), which names the catalog as its source.
fn on_use_endpoint(page: Page, event: web_sys::Event) {
    let Some(reply) = PartReply::of(&event) else { return };
    let (url, method) = (reply.arg(0), reply.arg(1));
    let form = page.form;
    if ords_core::origin_of(&url) != form.resource_url.with_untracked(|u| ords_core::origin_of(u)) {
        form.resource_url_source.set(Source::Catalog);
    }
    form.resource_url.set(url.clone());
    if let Some(m) = Method::parse(&method) {
        form.method.set(m);
    }
    reply.resolve([format!("Resource URL set to {url} ({method}).")]);
}

/// Lessons' buttons (`[resolve, reject, verb, argument]`): `choose` a lesson by id (empty:
/// none), `clear` the progress, show one more `hint`, `reset` the lesson, `open` a section tab.
fn on_lesson(page: Page, view_state: View, event: web_sys::Event) {
    let Some(reply) = PartReply::of(&event) else { return };
    let Page { form, results, workshop, .. } = page;
    let arg = reply.arg(1);
    let lesson = |id: &str| workshop.lesson(id);
    match reply.arg(0).as_str() {
        "choose" => match lesson(&arg) {
            Some(lesson) => crate::workshop::stage(form, results, workshop, &lesson),
            None => form.lesson.set(String::new()),
        },
        "clear" => workshop.clear_progress(),
        "hint" => workshop.hints.update(|n| *n = n.saturating_add(1)),
        "reset" => match lesson(&form.lesson.get_untracked()) {
            Some(lesson) => crate::workshop::stage(form, results, workshop, &lesson),
            None => return reply.reject("No lesson is open."),
        },
        "open" => match crate::state::SectionTab::from_key(&arg) {
            Some(tab) => view_state.open_tab(tab),
            None => return reply.reject("No such section."),
        },
        _ => return reply.reject("Not something Lessons does."),
    }
    reply.resolve([]);
}
