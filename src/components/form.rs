use super::browse_view::browse_view;
use super::fields::{ChoiceField, SecretField, TextField};
use super::jwt_profile::{JwtProfileSection, ProviderField};
use super::later_view::Later;
use super::options::{CallOptions, OptionErrors, TokenOptions, TokenUse};
use super::par_parts::par_parts_view;
use super::paste_view::paste_view;
use super::scenario_field::ScenarioField;
use super::status_line::StatusLine;
use crate::actions::{self, Page};
use crate::state::{Busy, Form, Results, SectionTab, Source, View};
use leptos::prelude::*;
use ords_core::{Button, ClientAuth, Closed, Field, Flow, Target};

/// The settings of both flows and the buttons that run them: what every run needs first, then
/// the buttons and the status line, then the finer settings. In an embed the form is a card:
/// one summary line of what the link fixed (`Edit settings` opens the rest), the secrets still
/// to type, and the buttons.
#[component]
pub fn FormPanel() -> impl IntoView {
    let form = expect_context::<Form>();
    let results = expect_context::<Results>();
    let view_state = expect_context::<View>();
    let is_oauth = move || form.flow.get().uses_oauth();
    let chosen = RwSignal::new(false);
    Effect::new(move || {
        if chosen.get() {
            form.target_source.set(Source::Typed);
        }
    });
    // An embed stays one for the page's life (its link chose it).
    let embed = form.embed.get_untracked();
    // A refusal next to a field the card hides shows the whole form, so it can be read.
    let card = move || embed && !view_state.editing.get() && results.field_errors.with(Vec::is_empty);
    // The demo's secrets come filled in; anything else is for the person to type.
    let secret_given = !form.client_secret.get_untracked().is_empty();
    let password_given = !form.password.get_untracked().is_empty();
    // The parts' code comes when they are first opened.
    let parts_open = RwSignal::new(false);
    let flow_choice = move |flow: Flow| {
        view! {
            <label>
                <input type="radio" name="flow" prop:checked=move || form.flow.get() == flow on:change=move |_| {
                    form.flow.set(flow);
                    // Choosing Compare both opens its table.
                    if flow == Flow::Compare {
                        view_state.tab.set(SectionTab::Compare);
                    }
                } />
                {flow.label()}
            </label>
        }
    };
    view! {
        <form class="settings" class:card=card on:submit=|ev| ev.prevent_default()>
            {embed.then(|| view! {
                <div class="card-summary">
                    <p data-testid="card-summary" hidden=move || !card()>{move || match form.linked_par() {
                        Some(par) => par.card_line(form.method.get().as_str(), (results.now_ms.get() / 1000.0) as u64),
                        None => form.config().summary(form.target.get()),
                    }}</p>
                    <button type="button" class="small" aria-expanded=move || (!card()).to_string()
                        aria-controls="settings-more"
                        on:click=move |_| view_state.editing.update(|e| *e = !*e)>
                        {move || if card() { "Edit settings" } else { "Hide settings" }}
                    </button>
                </div>
            })}
            <div class="paste-command" hidden=card>
                <button type="button" class="small" aria-expanded=move || view_state.paste_open.get().to_string()
                    aria-controls="paste-panel" on:click=move |_| view_state.paste_open.update(|o| *o = !*o)>
                    "Paste a command"</button>
                <div id="paste-panel" hidden=move || !view_state.paste_open.get()>
                    <Show when=move || view_state.paste_open.get()><Later load=paste_view /></Show>
                </div>
            </div>
            <div class="field target" hidden=card>
                <ChoiceField label="Send requests to" id="target" value=form.target touched=chosen
                    options=Target::choices() />
                <div hidden=move || form.target.get() != Target::Simulated>
                    <p class="hint">"Requests go to an ORDS model inside this page (CORS emulated for this page's \
                        origin); nothing leaves the browser."</p>
                    <ScenarioField />
                </div>
            </div>
            <fieldset class="flow-choice" hidden=card>
                <legend>"Authentication"</legend>
                {Flow::ALL.map(flow_choice)}
            </fieldset>
            // Hidden rather than removed: the other flow's fields keep what was typed, and cost
            // no code of their own to show again.
            <div class="fields" hidden=move || !is_oauth()>
                <div hidden=card>
                    <TextField field=Field::TokenUrl value=form.token_url source=form.token_url_source
                        placeholder="https://host/ords/<alias>/oauth/token" />
                </div>
                <div hidden=card><TextField field=Field::ClientId value=form.client_id /></div>
                <div hidden=move || card() && secret_given><SecretField field=Field::ClientSecret
                    value=form.client_secret /></div>
            </div>
            <div class="pair" hidden=move || !form.flow.get().uses_basic() || card() && password_given>
                <div hidden=card><TextField field=Field::Username value=form.username /></div>
                <SecretField field=Field::Password value=form.password />
            </div>
            <div hidden=move || card() || form.flow.get() == Flow::Par>
                <TextField field=Field::ResourceUrl value=form.resource_url source=form.resource_url_source
                    placeholder="https://host/ords/<alias>/<module>/<template>" />
            </div>
            <div hidden=move || form.flow.get() != Flow::Par>
                <SecretField field=Field::ParUrl value=form.par_url />
                <details class="par-build" hidden=card on:toggle=move |ev| {
                    if event_target::<web_sys::Element>(&ev).has_attribute("open") {
                        parts_open.set(true);
                    }
                }>
                    <summary>"Build it from its parts"</summary>
                    <Show when=move || parts_open.get()><Later load=par_parts_view /></Show>
                </details>
            </div>
            <OptionErrors />
            <RunButtons />
            {move || results.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
            <div class="more" id="settings-more" hidden=card>
                <Later load=settings_view />
            </div>
        </form>
    }
}

/// The settings under the buttons, for the finer points of a run (their code comes after the
/// first load: `super::later_view`).
#[component]
pub fn FinerSettings() -> impl IntoView {
    let form = expect_context::<Form>();
    let is_oauth = move || form.flow.get().uses_oauth();
    view! {
        <Show when=is_oauth>
            <ProviderField />
            <div class="field">
                <ChoiceField label="Client authentication" id="client-authentication" value=form.client_auth
                    options=ClientAuth::choices() />
            </div>
            <TokenOptions />
            <TokenUse />
            <JwtProfileSection />
        </Show>
        <details class="options browse">
            <summary>{ords_core::FormSection::BrowseEndpoints.label()}</summary>
            <Later load=browse_view />
        </details>
        <CallOptions />
        <div class="remember">
            <label class="check">
                <input type="checkbox" prop:checked=move || form.remember_secrets.get()
                    on:change=move |ev| form.remember_secrets.set(event_target_checked(&ev)) />
                "Remember secrets for this tab"
            </label>
            <button type="button" class="small" on:click=move |_|
                crate::persist::forget_secrets(form)>"Forget secrets"</button>
            <span class="hint">"Other settings are kept in this browser; secrets only if ticked, and only \
                until the tab closes."</span>
        </div>
    }
}

/// `Get token`, `Call API`, `Cancel` while running, and the status line.
#[component]
fn RunButtons() -> impl IntoView {
    let form = expect_context::<Form>();
    let results = expect_context::<Results>();
    let page = expect_context::<Page>();
    let running = move |which: Busy| results.busy.get() == Some(which);
    let idle = move || results.busy.get().is_none();
    let button = move |action: Button, busy: Busy, kind: &'static str| {
        view! {
            <button type=kind class="primary" disabled=move || !idle() aria-busy=move || running(busy).to_string()
                on:click=move |_| actions::press(page, action)>
                <span class="spinner" aria-hidden="true" class:on=move || running(busy)></span>
                {action.label()}
            </button>
        }
    };
    view! {
        <div class="actions">
            <div class="buttons">
                <span class="button-slot" hidden=move || !form.flow.get().uses_oauth()>{button(Button::GetToken,
                    Busy::Token, "button")}</span>
                {button(Button::CallApi, Busy::Call, "submit")}
                <button type="button" class="cancel" hidden=idle on:click=move |_|
                    actions::cancel(page)>"Cancel"</button>
            </div>
            <StatusLine />
        </div>
    }
}

crate::later::split_point!(
    settings,
    preload_settings,
    /// The settings under the buttons (provider, client authentication, token request, token
    /// use, JWT profile, Browse endpoints, request options, remembering secrets).
    fn settings_view() -> AnyView {
        view! { <FinerSettings /> }.into_any()
    }
);
