//! The `Code` section: the current settings as curl, fetch, Python, PL/SQL and ORDS setup
//! SQL, and as a Postman collection (export and import). The text is written by the page's
//! helper (a worker, loaded after the form), from the settings' text form and, only when
//! `Include secrets` is ticked, the secrets.

use super::controls::CopyButton;
use crate::browser;
use crate::state::Form;
use leptos::prelude::*;
use ords_core::helper::{Job, Reply};
use ords_core::CodeTarget;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Code(CodeTarget),
    Postman,
}

#[component]
pub fn CodePanel() -> impl IntoView {
    let form = expect_context::<Form>();
    let tab = RwSignal::new(Tab::Code(CodeTarget::Curl));
    let include = RwSignal::new(false);
    let text = RwSignal::new(String::from("Writing the code…"));
    // With the collection, its environment (the secrets' variables).
    let environment = RwSignal::new(String::new());
    // Answers can arrive out of order while the person types: only the newest is shown.
    let newest = browser::Newest::default();
    Effect::new(move || {
        let from = form.code_job(include.get(), browser::page_origin());
        let tab = tab.get();
        let newest = newest.clone();
        leptos::task::spawn_local(async move {
            let answer = match tab {
                Tab::Code(target) => newest.ask(Job::Code { target, from }).await,
                Tab::Postman => {
                    let environment_job = Job::PostmanEnvironment(from.clone());
                    let answer = newest.ask(Job::PostmanExport(from)).await;
                    if let Ok(Ok(env)) = browser::ask_helper(environment_job).await.map(Reply::text) {
                        environment.set(env);
                    }
                    answer
                }
            };
            if let Some(answer) = answer {
                text.set(
                    answer
                        .and_then(Reply::text)
                        .unwrap_or_else(|why| format!("(The code could not be written: {why})")),
                );
            }
        });
    });
    let tabs = CodeTarget::ALL
        .iter()
        .map(|t| (Tab::Code(*t), t.label()))
        .chain([(Tab::Postman, "Postman collection")])
        .map(|(t, label)| {
            view! {
                <button type="button" role="tab" class="small" aria-selected=move || (tab.get() == t).to_string()
                    on:click=move |_| tab.set(t)>{label}</button>
            }
        })
        .collect_view();
    let not_postman = move || tab.get() != Tab::Postman;
    let download = move || browser::data_url("application/json", &text.get());
    let download_env = move || browser::data_url("application/json", &environment.get());
    view! {
        <section class="panel code" aria-label="Code">
            <div class="block-head">
                <h2>"Code"</h2>
                <label class="check">
                    <input type="checkbox" prop:checked=move || include.get() on:change=move |ev|
                        include.set(event_target_checked(&ev)) />
                    "Include secrets"
                </label>
            </div>
            <div class="tabs" role="tablist" aria-label="Language">{tabs}</div>
            <p class="hint">{move || if include.get() {
                "The secrets are in the code: do not share or commit it."
            } else {
                "Secrets are placeholders (environment variables where the language has them); tick Include secrets to \
                    put them in."
            }}</p>
            <div class="block-head">
                <CopyButton label="Copy code" text=Callback::new(move |()| text.get_untracked()) />
                <span hidden=not_postman>
                    <a class="small button" download="ords-playground.postman_collection.json"
                        href=download>"Download collection"</a>
                    <a class="small button" download="ords-playground.postman_environment.json"
                        href=download_env>"Download environment"</a>
                </span>
            </div>
            <pre class="wire code-text" data-testid="code" tabindex="0">{move || text.get()}</pre>
            <div hidden=not_postman><PostmanImport /></div>
        </section>
    }
}

#[component]
fn PostmanImport() -> impl IntoView {
    let form = expect_context::<Form>();
    let pasted = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    // The collection's URLs are not the person's: credentials go there only after the question.
    let apply = move |text: String| {
        leptos::task::spawn_local(async move {
            match browser::ask_helper(Job::PostmanImport { text }).await.and_then(Reply::imported) {
                Ok(found) => {
                    let said = if form.apply_import(*found) {
                        "Imported into the form above."
                    } else {
                        "Imported the environment's secrets."
                    };
                    message.set(Some((true, said.into())));
                }
                Err(why) => message.set(Some((false, why))),
            }
        });
    };
    let from_file = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            match browser::read_chosen_file(&ev).await {
                Ok(text) => apply(text),
                Err(why) => message.set(Some((false, why))),
            }
        });
    };
    view! {
        <div class="import">
            <h3>"Import a Postman collection"</h3>
            <label class="field">"Collection JSON"
                <textarea rows="4" prop:value=move || pasted.get() on:input=move |ev|
                    pasted.set(event_target_value(&ev))></textarea>
            </label>
            <div class="block-head">
                <button type="button" class="small" on:click=move |_| apply(pasted.get_untracked())>"Import"</button>
                <label class="small">"or from a file " <input type="file" accept=".json,application/json"
                    on:change=from_file /></label>
            </div>
            {move || message.get().map(|(ok, text)| view! { <p class=if ok { "hint" } else { "problem" }
                role="status">{text}</p> })}
        </div>
    }
}
