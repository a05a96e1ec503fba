//! The `Code` section: the current settings as curl, fetch, Python, PL/SQL and ORDS setup
//! SQL, and as a Postman collection (export and import).

use super::controls::CopyButton;
use crate::browser;
use crate::state::{Form, Source};
use leptos::prelude::*;
use ords_core::{export_postman, generate, import_postman, CodeInput, CodeTarget, Plan, ResourceCall};

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
    let text = Memo::new(move |_| {
        let (oauth, basic, placement) = (form.oauth(), form.basic(), form.placement());
        let call = form.call().unwrap_or_else(|_| ResourceCall::get(&form.resource_url.get()));
        let input = CodeInput {
            oauth: &oauth,
            basic: &basic,
            call: &call,
            placement: &placement,
            include_secrets: include.get(),
            page_origin: &browser::page_origin(),
        };
        match tab.get() {
            Tab::Code(target) => generate(target, &input),
            Tab::Postman => export_postman(&Plan::new(&input)),
        }
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
    let download = move || browser::data_url("application/json", &text.get());
    view! {
        <section class="panel code" aria-label="Code">
            <div class="block-head">
                <h2>"Code"</h2>
                <label class="check">
                    <input type="checkbox" prop:checked=move || include.get() on:change=move |ev| include.set(event_target_checked(&ev)) />
                    "Include secrets"
                </label>
            </div>
            <div class="tabs" role="tablist" aria-label="Language">{tabs}</div>
            <p class="hint">{move || if include.get() {
                "The secrets are in the code: do not share or commit it."
            } else {
                "Secrets are placeholders (environment variables where the language has them); tick Include secrets to put them in."
            }}</p>
            <div class="block-head">
                <CopyButton label="Copy code" text=Callback::new(move |()| text.get_untracked()) />
                <Show when=move || tab.get() == Tab::Postman>
                    <a class="small button" download="ords-playground.postman_collection.json" href=download>"Download collection"</a>
                </Show>
            </div>
            <pre class="wire code-text" data-testid="code">{move || text.get()}</pre>
            <Show when=move || tab.get() == Tab::Postman>
                <PostmanImport />
            </Show>
        </section>
    }
}

#[component]
fn PostmanImport() -> impl IntoView {
    let form = expect_context::<Form>();
    let pasted = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    // The collection's URLs are not the person's: credentials go there only after the question.
    let apply = move |text: String| match import_postman(&text) {
        Ok(found) => {
            form.apply(&found.config, Source::Import);
            if let Some(secret) = found.client_secret {
                form.client_secret.set(secret.secret().to_owned());
            }
            if let Some(password) = found.password {
                form.password.set(password.secret().to_owned());
            }
            message.set(Some((true, "Imported into the form above.".into())));
        }
        Err(why) => message.set(Some((false, why))),
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
                <textarea rows="4" prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </label>
            <div class="block-head">
                <button type="button" class="small" on:click=move |_| apply(pasted.get_untracked())>"Import"</button>
                <label class="small">"or from a file " <input type="file" accept=".json,application/json" on:change=from_file /></label>
            </div>
            {move || message.get().map(|(ok, text)| view! { <p class=if ok { "hint" } else { "problem" } role="status">{text}</p> })}
        </div>
    }
}
