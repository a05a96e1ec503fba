use super::fields::{ChoiceField, SecretField, TextField};
use super::options::{CallOptions, OptionErrors, TokenOptions, TokenUse};
use crate::actions;
use crate::state::{Busy, FlowKind, Form, Results};
use crate::transport::{self, Target};
use leptos::prelude::*;
use ords_core::{ClientAuth, Field};

/// The settings of both flows and the buttons that run them.
#[component]
pub fn FormPanel() -> impl IntoView {
    let form = expect_context::<Form>();
    let results = expect_context::<Results>();
    let is_oauth = move || form.flow.get().uses_oauth();
    let is_flow = move |kind: FlowKind| form.flow.get() == kind;
    let running = move |which: Busy| results.busy.get() == Some(which);
    let idle = move || results.busy.get().is_none();
    view! {
        <form class="settings" on:submit=|ev| ev.prevent_default()>
            <div class="field target">
                <ChoiceField
                    label="Send requests to"
                    id="target"
                    value=form.target
                    touched=form.target_chosen
                    options=vec![
                        (Target::Network, "network", Target::Network.label()),
                        (Target::Simulated, "simulated", Target::Simulated.label()),
                    ]
                />
                <Show when=move || form.target.get() == Target::Simulated>
                    <p class="hint">"Requests go to an ORDS model inside this page (CORS emulated for this page's origin); nothing leaves the browser."</p>
                </Show>
            </div>
            <fieldset class="flow-choice">
                <legend>"Authentication"</legend>
                <label>
                    <input type="radio" name="flow" prop:checked=move || is_flow(FlowKind::OAuth2) on:change=move |_| form.flow.set(FlowKind::OAuth2) />
                    "OAuth2 client credentials"
                </label>
                <label>
                    <input type="radio" name="flow" prop:checked=move || is_flow(FlowKind::Basic) on:change=move |_| form.flow.set(FlowKind::Basic) />
                    "Basic"
                </label>
                <label>
                    <input type="radio" name="flow" prop:checked=move || is_flow(FlowKind::Compare) on:change=move |_| form.flow.set(FlowKind::Compare) />
                    "Compare both"
                </label>
            </fieldset>
            <Show when=is_oauth>
                <TextField field=Field::TokenUrl value=form.token_url placeholder="https://host/ords/<alias>/oauth/token" />
                <div class="pair">
                    <TextField field=Field::ClientId value=form.client_id />
                    <SecretField field=Field::ClientSecret value=form.client_secret />
                </div>
                <div class="field">
                    <ChoiceField
                        label="Client authentication"
                        id="client-authentication"
                        value=form.client_auth
                        options=vec![
                            (ClientAuth::BasicHeader, "header", ClientAuth::BasicHeader.label()),
                            (ClientAuth::RequestBody, "body", ClientAuth::RequestBody.label()),
                        ]
                    />
                </div>
                <TokenOptions />
            </Show>
            <TextField field=Field::ResourceUrl value=form.resource_url placeholder="https://host/ords/<alias>/<module>/<template>" />
            <Show when=is_oauth><TokenUse /></Show>
            <CallOptions />
            <Show when=move || form.flow.get().uses_basic()>
                <div class="pair">
                    <TextField field=Field::Username value=form.username />
                    <SecretField field=Field::Password value=form.password />
                </div>
            </Show>
            <div class="remember">
                <label class="check">
                    <input type="checkbox" prop:checked=move || form.remember_secrets.get()
                        on:change=move |ev| form.remember_secrets.set(event_target_checked(&ev)) />
                    "Remember secrets for this tab"
                </label>
                <button type="button" class="small" on:click=move |_| crate::persist::forget_secrets(form)>"Forget secrets"</button>
                <span class="hint">"Other settings are kept in this browser; secrets only if ticked, and only until the tab closes."</span>
            </div>
            <OptionErrors />
            <div class="actions">
                <Show when=is_oauth>
                    <button
                        type="button"
                        class="primary"
                        disabled=move || !idle()
                        aria-busy=move || running(Busy::Token).to_string()
                        on:click=move |_| actions::get_token(form, results)
                    >
                        <span class="spinner" aria-hidden="true" class:on=move || running(Busy::Token)></span>
                        "Get token"
                    </button>
                </Show>
                <button
                    type="submit"
                    class="primary"
                    disabled=move || !idle()
                    aria-busy=move || running(Busy::Call).to_string()
                    on:click=move |_| actions::call_api(form, results)
                >
                    <span class="spinner" aria-hidden="true" class:on=move || running(Busy::Call)></span>
                    "Call API"
                </button>
                <Show when=move || !idle()>
                    <button type="button" class="cancel" on:click=|_| transport::cancel_all()>"Cancel"</button>
                </Show>
                <span class="status-line" role="status">
                    {move || match results.busy.get() {
                        Some(Busy::Token) => "Requesting a token…",
                        Some(Busy::Call) => "Calling the API…",
                        None => "",
                    }}
                </span>
            </div>
        </form>
    }
}
