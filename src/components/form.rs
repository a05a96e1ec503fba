use super::browse_panel::BrowseEndpoints;
use super::fields::{ChoiceField, SecretField, TextField};
use super::jwt_profile::{JwtProfileSection, ProviderField};
use super::options::{CallOptions, OptionErrors, TokenOptions, TokenUse};
use super::scenario_field::ScenarioField;
use crate::actions::{self, Page};
use crate::state::{Busy, Form, Results, Source};
use leptos::prelude::*;
use ords_core::{Action, ClientAuth, Field, Flow, Target};

/// The settings of both flows and the buttons that run them.
#[component]
pub fn FormPanel() -> impl IntoView {
    let form = expect_context::<Form>();
    let results = expect_context::<Results>();
    let page = expect_context::<Page>();
    let is_oauth = move || form.flow.get().uses_oauth();
    let running = move |which: Busy| results.busy.get() == Some(which);
    let idle = move || results.busy.get().is_none();
    let chosen = RwSignal::new(false);
    Effect::new(move || {
        if chosen.get() {
            form.target_source.set(Source::Typed);
        }
    });
    let flow_choice = move |flow: Flow| {
        view! {
            <label>
                <input type="radio" name="flow" prop:checked=move || form.flow.get() == flow on:change=move |_| form.flow.set(flow) />
                {flow.label()}
            </label>
        }
    };
    view! {
        <form class="settings" on:submit=|ev| ev.prevent_default()>
            <div class="field target">
                <ChoiceField
                    label="Send requests to"
                    id="target"
                    value=form.target
                    touched=chosen
                    options=Target::ALL.iter().map(|t| (*t, t.key(), t.label())).collect()
                />
                <Show when=move || form.target.get() == Target::Simulated>
                    <p class="hint">"Requests go to an ORDS model inside this page (CORS emulated for this page's origin); nothing leaves the browser."</p>
                    <ScenarioField />
                </Show>
                {move || results.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
            </div>
            <fieldset class="flow-choice">
                <legend>"Authentication"</legend>
                {Flow::ALL.map(flow_choice)}
            </fieldset>
            <Show when=is_oauth>
                <ProviderField />
                <TextField field=Field::TokenUrl value=form.token_url source=form.token_url_source placeholder="https://host/ords/<alias>/oauth/token" />
                <div class="pair">
                    <TextField field=Field::ClientId value=form.client_id />
                    <SecretField field=Field::ClientSecret value=form.client_secret />
                </div>
                <div class="field">
                    <ChoiceField
                        label="Client authentication"
                        id="client-authentication"
                        value=form.client_auth
                        options=ClientAuth::ALL.iter().map(|a| (*a, a.key(), a.label())).collect()
                    />
                </div>
                <TokenOptions />
            </Show>
            <TextField field=Field::ResourceUrl value=form.resource_url source=form.resource_url_source placeholder="https://host/ords/<alias>/<module>/<template>" />
            <BrowseEndpoints />
            <Show when=is_oauth><TokenUse /><JwtProfileSection /></Show>
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
                        on:click=move |_| actions::press(page, Action::GetToken)
                    >
                        <span class="spinner" aria-hidden="true" class:on=move || running(Busy::Token)></span>
                        {Action::GetToken.label()}
                    </button>
                </Show>
                <button
                    type="submit"
                    class="primary"
                    disabled=move || !idle()
                    aria-busy=move || running(Busy::Call).to_string()
                    on:click=move |_| actions::press(page, Action::CallApi)
                >
                    <span class="spinner" aria-hidden="true" class:on=move || running(Busy::Call)></span>
                    {Action::CallApi.label()}
                </button>
                <Show when=move || !idle()>
                    <button type="button" class="cancel" on:click=move |_| actions::cancel(page)>"Cancel"</button>
                </Show>
                // Always in the page, so screen readers announce each change: the step under
                // way, then how the run ended.
                <span class="status-line" role="status">
                    {move || match results.busy.get() {
                        Some(Busy::Token) => "Requesting a token…".to_owned(),
                        Some(Busy::Call) => "Calling the API…".to_owned(),
                        None => results.announcement.get(),
                    }}
                </span>
            </div>
        </form>
    }
}
