//! External identity providers: `Provider` (a preset for the token request, with what is known
//! of a browser asking that provider for a token) and `JWT profile` (the schema's profile,
//! which Diagnosis checks the held or pasted token against; its SQL is in Code). The texts and
//! the checks come from the page's helper; nothing here decides a rule.

use super::options::Line;
use crate::browser;
use crate::state::{Form, Results, Source};
use leptos::prelude::*;
use ords_core::diagnosis_wire as wire;
use ords_core::Closed;
use ords_core::FormSection;
use ords_core::{curl_command, token_request, Provider, Target};
use serde_json::{json, Value};

/// What the helper says of one provider.
#[derive(Clone, Debug, Default, PartialEq)]
struct ProviderInfo {
    key: String,
    where_to_find: String,
    blocked: bool,
    says: String,
}

#[component]
pub fn ProviderField() -> impl IntoView {
    let form = expect_context::<Form>();
    let infos = RwSignal::new(Vec::<ProviderInfo>::new());
    leptos::task::spawn_local(async move {
        if let Ok(list) = browser::ask_helper(json!({ "do": "providers" })).await {
            let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
            let all = list.as_array().cloned().unwrap_or_default();
            infos.set(
                all.iter()
                    .map(|p| ProviderInfo {
                        key: text(p, "key"),
                        where_to_find: text(p, "where"),
                        blocked: text(p, "browser") == "blocked",
                        says: text(p, "says"),
                    })
                    .collect(),
            );
        }
    });
    let info = move || {
        let key = form.provider.get().key();
        infos.with(|all| all.iter().find(|i| i.key == key).cloned()).unwrap_or_default()
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(provider) = Provider::from_key(&event_target_value(&ev)) else { return };
        form.provider.set(provider);
        if !provider.token_url().is_empty() {
            form.token_url_source.set(Source::Typed);
            form.token_url.set(provider.token_url().to_owned());
            form.extra.set(provider.params());
        }
        if provider.refuses_browsers() {
            form.own_token_on.set(true); // the token comes from outside the browser
        }
    };
    // The token request as a command, for providers that refuse browsers.
    let curl = move || token_request(&form.oauth()).map(|p| curl_command(&p.shown)).unwrap_or_default();
    view! {
        <div class="field provider">
            <label for="provider">"Provider"</label>
            <select id="provider" on:change=choose>
                {Provider::ALL
                    .map(|p| view! { <option value=p.key() selected=move || form.provider.get() == p>{p.label()}</option> })}
            </select>
            <p class="hint">{move || info().where_to_find}</p>
            {move || {
                let i = info();
                if i.blocked {
                    view! {
                        <div class="problem" role="note">
                            <p>{i.says}" So the token must come from outside the browser: run this (put the secret where the dots are), then paste the access_token in Use my own token (ticked for you). The call to ORDS still runs from this page."</p>
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
    // The token the next call would send: the pasted one when Use my own token is ticked.
    let token = move || {
        if form.own_token_on.get() {
            Some(form.own_token.get().trim().to_owned()).filter(|t| !t.is_empty())
        } else {
            results.held.with(|h| h.as_ref().map(|h| h.access_token.secret().to_owned()))
        }
    };
    // A JWT with an empty profile: fill in what its own claims imply (the likely intent).
    Effect::new(move || {
        let Some(token) = token() else { return };
        if !form.jwt_issuer.with_untracked(String::is_empty) || !form.jwt_audience.with_untracked(String::is_empty) {
            return;
        }
        leptos::task::spawn_local(async move {
            let Ok(p) = browser::ask_helper(json!({ "do": "jwt_prefill", "token": token })).await else { return };
            if p.is_null() {
                return;
            }
            let p = wire::profile_from_json(&p);
            let fill = |slot: RwSignal<String>, value: String| {
                if slot.with_untracked(String::is_empty) {
                    slot.set(value);
                }
            };
            fill(form.jwt_issuer, p.issuer);
            fill(form.jwt_audience, p.audience);
            fill(form.jwt_jwk_url, p.jwk_url);
        });
    });
    // The key set, fetched by the browser (not for the in-page simulator: it has none).
    Effect::new(move || {
        let url = form.jwt_jwk_url.get().trim().to_owned();
        if url.is_empty() || form.target.get() == Target::Simulated {
            results.jwks.set(ords_core::jwt_profile::Jwks::Unknown);
            return;
        }
        leptos::task::spawn_local(async move {
            let set = browser::jwk_set(&url).await;
            if form.jwt_jwk_url.with_untracked(|u| u.trim() == url) {
                results.jwks.set(set);
            }
        });
    });
    view! {
        <details class="options jwt-profile">
            <summary>{FormSection::JwtProfile.label()}</summary>
            <p class="hint">"For tokens from an external identity provider (ORDS 23.3+): the schema's JWT profile. ORDS answers every mismatch with the same 401 invalid_token; Diagnosis checks the token held or pasted against these values and names the rule. The SQL that creates the profile is in Code, ORDS setup SQL. The signature itself is ORDS's to verify."</p>
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
            <p class="hint">"Skew and age in seconds (skew at most 60); the role claim is a JSON Pointer such as /roles (ORDS 25.1+); the privilege is the ORDS privilege protecting the resource, which the token's scope must name."</p>
        </details>
    }
}
