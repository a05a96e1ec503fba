//! External identity providers: `Provider` (a preset for the token request, with what is known
//! of a browser asking that provider for a token) and `JWT profile` (the schema's profile,
//! which Diagnosis checks the held or pasted token against; its SQL is in Code). The texts and
//! the checks come from the page's helper; nothing here decides a rule.

use super::fields::ChoiceField;
use super::options::Line;
use crate::browser;
use crate::state::{Form, Results};
use leptos::prelude::*;
use ords_core::helper::{Job, ProviderNotes, Reply};
use ords_core::jwt_profile::ProfileLevel;
use ords_core::Closed;
use ords_core::FormSection;
use ords_core::{curl_command, token_request, Provider, Target};

/// What the helper says of the chosen provider (nothing until it has answered).
struct Info {
    where_to_find: String,
    blocked: bool,
    says: String,
}

#[component]
pub fn ProviderField() -> impl IntoView {
    let form = expect_context::<Form>();
    let notes = LocalResource::new(|| async {
        browser::ask_helper(Job::Providers).await.and_then(Reply::providers).unwrap_or_default()
    });
    let info = move || {
        let provider = form.provider.get();
        let found = notes.get().and_then(|all: Vec<ProviderNotes>| all.into_iter().find(|n| n.provider == provider));
        let (where_to_find, blocked, says) = found.map(|n| (n.where_to_find, n.blocked, n.says)).unwrap_or_default();
        Info { where_to_find, blocked, says }
    };
    let choose = move |ev: leptos::ev::Event| {
        if let Some(provider) = Provider::from_key(&event_target_value(&ev)) {
            form.choose_provider(provider);
        }
    };
    // The token request as a command, for providers that refuse browsers.
    let curl = move || token_request(&form.oauth()).map(|p| curl_command(&p.shown)).unwrap_or_default();
    view! {
        <div class="field provider">
            <label for="provider">"Provider"</label>
            <select id="provider" on:change=choose>
                {Provider::ALL
                    .map(|p| view! { <option value=p.key() selected=move || form.provider.get() ==
                        p>{p.label()}</option> })}
            </select>
            <p class="hint">{move || info().where_to_find}</p>
            {move || {
                let i = info();
                if i.blocked {
                    view! {
                        <div class="problem" role="note">
                            <p>{i.says}" So the token must come from outside the browser: run this (put the secret \
                                where the dots are), then paste the access_token in Use my own token (ticked for you). \
                                The call to ORDS still runs from this page."</p>
                            <pre class="wire" tabindex="0" data-testid="provider-curl">{curl}</pre>
                        </div>
                    }
                    .into_any()
                } else {
                    view! { <p class="hint">{i.says}</p> }.into_any()
                }
            }}
        </div>
    }
}

#[component]
pub fn JwtProfileSection() -> impl IntoView {
    let form = expect_context::<Form>();
    let results = expect_context::<Results>();
    let token = move || crate::state::next_call_token(&form, &results);
    // A JWT with an empty profile: fill in what its own claims imply (the likely intent).
    Effect::new(move || {
        let Some(token) = token() else { return };
        if !form.jwt_issuer.with_untracked(String::is_empty) || !form.jwt_audience.with_untracked(String::is_empty) {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(Some(implied)) = browser::ask_helper(Job::JwtPrefill { token }).await.and_then(Reply::profile) {
                form.fill_empty_jwt_profile(implied);
            }
        });
    });
    // The key set, fetched by the browser (not for the in-page simulator: it has none); the
    // resource keeps only the answer for the URL typed last.
    let key_set = LocalResource::new(move || {
        let url = form.jwt_jwk_url.get().trim().to_owned();
        let fetch = !url.is_empty() && form.target.get() != Target::Simulated;
        async move {
            if fetch {
                browser::jwk_set(&url).await
            } else {
                ords_core::jwt_profile::Jwks::Unknown
            }
        }
    });
    Effect::new(move || results.jwks.set(key_set.get().unwrap_or_default()));
    view! {
        <details class="options jwt-profile">
            <summary>{FormSection::JwtProfile.label()}</summary>
            <p class="hint">"For tokens from an external identity provider (ORDS 23.3+): the schema's JWT profile, \
                or from ORDS 25.2 the pool's. ORDS answers every mismatch with the same 401 invalid_token; Diagnosis \
                checks the token held or pasted against these values and names the rule. What creates the profile \
                (SQL, or the pool's ords config lines) is in Code, ORDS setup SQL. The signature itself is ORDS's to \
                verify."</p>
            <div class="field">
                <ChoiceField label="Profile level" id="jwt-level" value=form.jwt_pool_level
                    options=ProfileLevel::ALL.map(|l| (l == ProfileLevel::Pool, l.key(), l.label())).to_vec() />
            </div>
            <Line label="Issuer" id="jwt-issuer" value=form.jwt_issuer />
            <Line label="Audience" id="jwt-audience" value=form.jwt_audience />
            <Line label="JWK set URL" id="jwt-jwk-url" value=form.jwt_jwk_url />
            <div class="pair">
                <Line label="Allowed skew" id="jwt-skew" value=form.jwt_skew />
                <Line label="Allowed age" id="jwt-age" value=form.jwt_age />
            </div>
            <div class="pair">
                <Line label="Role claim" id="jwt-role-claim" value=form.jwt_role_claim />
                <Line label="Privilege" id="jwt-privilege" value=form.jwt_privilege />
            </div>
            <p class="hint">{move || if form.jwt_pool_level.get() {
                "Skew and age in seconds (skew at most 60); the role claim is a JSON Pointer such as /roles (it must \
                    start with / from ORDS 25.2). At the pool level, Privilege lists the allowed scopes \
                    (security.jwt.profile.allowed.scopes), or with a role claim the allowed roles, comma-separated: \
                    any one will do."
            } else {
                "Skew and age in seconds (skew at most 60); the role claim is a JSON Pointer such as /roles (ORDS \
                    25.1+; it must start with / from 25.2); the privilege is the ORDS privilege protecting the \
                    resource, which the token's scope must name."
            }}</p>
            <label class="check">
                <input type="checkbox" prop:checked=move || form.jwt_pool_mode.get()
                    on:change=move |ev| form.jwt_pool_mode.set(event_target_checked(&ev)) />
                "The pool ignores schema profiles (security.jwt.profile.mode POOL)"
            </label>
            <Line label="Key URLs the pool allows (security.jwks.allowed.urls)" id="jwt-jwks-allowed"
                value=form.jwt_jwks_allowed />
        </details>
    }
}
