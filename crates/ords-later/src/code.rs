//! The `Code` section: the current settings as curl, fetch, Python, PL/SQL and ORDS setup SQL,
//! and as a Postman collection (export and import). The page writes the text (its helper does,
//! from the form and, only when `Include secrets` is ticked, the secrets) and applies an import
//! to the form; this view asks for it again whenever the settings, the call or the secrets
//! change (`main[data-settings]`, `main[data-code]`).

use crate::host;
use leptos::prelude::*;
use ords_core::{Closed, CodeTarget};
use ords_playground::{browser, CopyButton};

/// A code target, or the Postman collection; its key is what the page is asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Code(CodeTarget),
    Postman,
}

impl Tab {
    fn key(self) -> &'static str {
        match self {
            Self::Code(target) => target.key_of(),
            Self::Postman => host::POSTMAN,
        }
    }
}

#[component]
pub fn CodeView() -> impl IntoView {
    let tab = RwSignal::new(Tab::Code(CodeTarget::Curl));
    let include = RwSignal::new(false);
    let text = RwSignal::new(String::from("Writing the code…"));
    // With the collection, its environment (the secrets' variables).
    let environment = RwSignal::new(String::new());
    let settings = host::settings();
    let call = host::code_changes();
    // Answers can arrive out of order while the person types: only the newest is shown.
    let asked = StoredValue::new(0u32);
    Effect::new(move || {
        settings.track();
        call.track();
        let (tab, include) = (tab.get(), include.get());
        let mine = asked.get_value().wrapping_add(1);
        asked.set_value(mine);
        leptos::task::spawn_local(async move {
            let answer = host::code(tab.key(), include).await;
            if asked.get_value() != mine {
                return;
            }
            match answer {
                Ok((code, env)) => {
                    text.set(code);
                    environment.set(env);
                }
                Err(why) => text.set(format!("(The code could not be written: {why})")),
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

/// A collection or environment, pasted or from a file, applied to the page's form by the page.
#[component]
fn PostmanImport() -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    // The collection's URLs are not the person's: the page marks them as imported, so
    // credentials go there only after the question.
    let apply = move |text: String| {
        leptos::task::spawn_local(async move {
            message.set(Some(match host::import_postman(text).await {
                Ok(said) => (true, said),
                Err(why) => (false, why),
            }));
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
