//! The `Code` section: the current settings as curl, fetch, Python, PL/SQL and ORDS setup
//! SQL, and as a Postman collection (export and import).

use crate::state::Form;
use crate::transport;
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
            page_origin: &transport::page_origin(),
        };
        match tab.get() {
            Tab::Code(target) => generate(target, &input),
            Tab::Postman => export_postman(&Plan::new(&input)),
        }
    });
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = text.get_untracked();
        leptos::task::spawn_local(async move { copied.set(Some(transport::copy_text(&text).await)) });
    };
    let tabs = CodeTarget::ALL
        .iter()
        .map(|t| (Tab::Code(*t), t.label()))
        .chain([(Tab::Postman, "Postman collection")])
        .map(|(t, label)| {
            view! {
                <button type="button" role="tab" class="small" aria-selected=move || (tab.get() == t).to_string()
                    on:click=move |_| { copied.set(None); tab.set(t) }>{label}</button>
            }
        })
        .collect_view();
    let download = move || format!("data:application/json;charset=utf-8,{}", js_sys::encode_uri_component(&text.get()));
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
                <button type="button" class="small" on:click=copy>"Copy code"</button>
                <Show when=move || tab.get() == Tab::Postman>
                    <a class="small button" download="ords-playground.postman_collection.json" href=download>"Download collection"</a>
                </Show>
                <span class="copied" role="status">{move || match copied.get() { Some(true) => "Copied", Some(false) => "Copy failed: the browser refused", None => "" }}</span>
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
    let apply = move |text: String| match import_postman(&text) {
        Ok(found) => {
            form.apply_params(&found.params);
            if let Some(secret) = found.client_secret {
                form.client_secret.set(secret);
            }
            if let Some(password) = found.password {
                form.password.set(password);
            }
            message.set(Some((true, "Imported into the form above.".into())));
        }
        Err(why) => message.set(Some((false, why))),
    };
    let from_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()) {
                    Some(text) => apply(text),
                    None => message.set(Some((false, "The file could not be read.".into()))),
                }
            });
        }
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
