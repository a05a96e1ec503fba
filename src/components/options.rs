//! The finer knobs: token request options with a live preview, using a pasted token, where
//! the token goes, and the protected call's method, headers and body.

use super::controls::RevealToggle;
use super::fields::{ChoiceField, SecretField};
use crate::state::Form;
use leptos::prelude::*;
use ords_core::FormSection;
use ords_core::{token_request, Closed, ExtraParam, Field, Key, Method, ParamPlace};

/// A checkbox with its label.
#[component]
fn Check(label: &'static str, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || value.get() on:change=move |ev|
                value.set(event_target_checked(&ev)) />
            {label}
        </label>
    }
}

/// A labelled single-line input bound to a signal.
#[component]
pub(super) fn Line(label: &'static str, id: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="text" spellcheck="false" autocomplete="off"
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// Scope, extra parameters, form-encoding, and a live preview of the token request.
#[component]
pub fn TokenOptions() -> impl IntoView {
    let form = expect_context::<Form>();
    let revealed = RwSignal::new(false);
    let preview = move || match token_request(&form.oauth()) {
        Ok(p) => (if revealed.get() { p.wire } else { p.shown }).to_text(),
        Err(problems) => {
            format!("Not ready to send: {}", problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join(" "))
        }
    };
    let rows = move || 0..form.extra.with(Vec::len);
    view! {
        <details class="options">
            <summary>{FormSection::TokenRequest.label()}</summary>
            <Check label="Form-encode the credentials before Base64 (RFC 6749 §2.3.1)" value=form.encode_credentials />
            <Line label=Key::Scope.label() id="scope" value=form.scope />
            <fieldset class="extra">
                <legend>{Field::ExtraParams.label()}</legend>
                <For each=rows key=|i| *i let:i>
                    <ExtraRow index=i />
                </For>
                <button type="button" class="small" on:click=move |_| form.extra.update(|v|
                    v.push(ExtraParam::default()))>
                    "Add parameter"
                </button>
            </fieldset>
            <div class="block-head">
                <h3>"Preview of the token request"</h3>
                <RevealToggle revealed show="Show secret" hide="Hide secret" />
            </div>
            <pre class="wire" data-testid="token-preview" tabindex="0">{preview}</pre>
        </details>
    }
}

#[component]
fn ExtraRow(index: usize) -> impl IntoView {
    let form = expect_context::<Form>();
    let read = move |f: fn(&ExtraParam) -> String| form.extra.with(|v| v.get(index).map(f).unwrap_or_default());
    let write = move |f: fn(&mut ExtraParam, String), text: String| {
        form.extra.update(|v| {
            if let Some(p) = v.get_mut(index) {
                f(p, text);
            }
        });
    };
    let n = index + 1;
    let place = move || form.extra.with(|v| v.get(index).map(|p| p.place).unwrap_or_default());
    let places = ParamPlace::ALL;
    view! {
        <div class="extra-row">
            <input type="text" aria-label=format!("Parameter {n} name") placeholder="name"
                prop:value=move || read(|p| p.name.clone()) on:input=move |ev| write(|p, t| p.name = t,
                    event_target_value(&ev)) />
            <input type="text" aria-label=format!("Parameter {n} value") placeholder="value"
                prop:value=move || read(|p| p.value.clone()) on:input=move |ev| write(|p, t| p.value = t,
                    event_target_value(&ev)) />
            <select aria-label=format!("Parameter {n} sent in") on:change=move |ev| {
                let picked = event_target_value(&ev);
                let chosen = places.into_iter().find(|p| p.label() == picked).unwrap_or_default();
                form.extra.update(|v| if let Some(p) = v.get_mut(index) { p.place = chosen });
            }>
                {places.map(|p| view! { <option value=p.label() selected=move || place() == p>{p.label()}</option> })}
            </select>
            <button type="button" class="small" aria-label=format!("Remove parameter {n}")
                on:click=move |_| form.extra.update(|v| { if index < v.len() { v.remove(index); } })>"Remove"</button>
        </div>
    }
}

/// `Use my own token`, and where the token goes on the protected call.
#[component]
pub fn TokenUse() -> impl IntoView {
    let form = expect_context::<Form>();
    // Switching placement swaps the usual default name; a custom name is kept.
    Effect::new(move || {
        let query = form.token_in_query.get();
        form.token_name.update(|n| match (query, n.as_str()) {
            (true, "Authorization") => *n = "access_token".into(),
            (false, "access_token") => *n = "Authorization".into(),
            _ => {}
        });
    });
    view! {
        <details class="options">
            <summary>{FormSection::TokenUse.label()}</summary>
            <Check label="Re-fetch the token when it expires or after a 401" value=form.refetch />
            <Check label="Use my own token" value=form.own_token_on />
            <div hidden=move || !form.own_token_on.get()><SecretField field=Field::OwnToken value=form.own_token
                /></div>
            <div class="pair">
                <div class="field">
                    <ChoiceField label="Token placement" id="token-placement" value=form.token_in_query
                        options=vec![(false, "header", "Header"), (true, "query", "Query parameter")] />
                </div>
                <Line label="Token name" id="token-name" value=form.token_name />
            </div>
            <div hidden=move || form.token_in_query.get()><Line label="Token prefix" id="token-prefix"
                value=form.token_prefix /></div>
        </details>
    }
}

/// Method, extra headers and a JSON body for the protected call.
#[component]
pub fn CallOptions() -> impl IntoView {
    let form = expect_context::<Form>();
    let methods = Method::choices();
    view! {
        <details class="options">
            <summary>{FormSection::Request.label()}</summary>
            <div class="field method">
                <ChoiceField label=Field::Method.label() id="method" value=form.method options=methods />
            </div>
            <div class="field">
                <label for="headers">{Field::Headers.label()}</label>
                <textarea id="headers" rows="2" spellcheck="false" placeholder="Name: value (one per line)"
                    prop:value=move || form.headers.get() on:input=move |ev|
                        form.headers.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field">
                <label for="body">{Field::Body.label()}</label>
                <textarea id="body" rows="4" spellcheck="false" placeholder="{\"text\": \"JSON, checked before \
                    sending\"}"
                    prop:value=move || form.body.get() on:input=move |ev|
                        form.body.set(event_target_value(&ev))></textarea>
            </div>
        </details>
    }
}

/// Refusals of the fields inside the option sections, shown by the buttons (the sections may be closed).
#[component]
pub fn OptionErrors() -> impl IntoView {
    let results = expect_context::<crate::state::Results>();
    let inside =
        [Field::ExtraParams, Field::TokenPlacement, Field::Method, Field::Headers, Field::Body, Field::OwnToken];
    move || {
        let messages: Vec<String> = results.field_errors.with(|list| {
            list.iter()
                .filter(|e| inside.contains(&e.field))
                .map(|e| format!("{}: {}", e.field.label(), e.message))
                .collect()
        });
        (!messages.is_empty()).then(|| view! { <p class="field-error" role="alert">{messages.join(" ")}</p> })
    }
}
