//! Form state across reloads. Non-secret settings go to `localStorage`; secrets stay in
//! memory unless the person ticks `Remember secrets for this tab` (then `sessionStorage`).

use crate::actions::is_configured;
use crate::state::Form;
use crate::transport::{store_get, store_remove, store_set, Store};
use leptos::prelude::*;
use ords_core::{form_body, parse_form};

const FORM_KEY: &str = "ords-playground:form";
const SECRETS_KEY: &str = "ords-playground:secrets";

/// The settings the page starts from: its URL's configuration (an embed or a shared link,
/// which must behave the same every time), else what this browser stored, else the demo.
pub fn starting_params(query: &str) -> Vec<(String, String)> {
    let text =
        if is_configured(query) { query.to_owned() } else { store_get(Store::Local, FORM_KEY).unwrap_or_default() };
    parse_form(&text).unwrap_or_default()
}

/// Restores remembered secrets, then keeps both stores in step with the form.
pub fn keep(form: Form, configured_by_url: bool) {
    if let Some(saved) = store_get(Store::Session, SECRETS_KEY).and_then(|t| parse_form(&t)) {
        let get = |k: &str| saved.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default();
        form.client_secret.set(get("client_secret"));
        form.password.set(get("password"));
        form.own_token.set(get("own_token"));
        form.remember_secrets.set(true);
    }
    Effect::new(move || {
        let params = form.to_params();
        if !configured_by_url {
            let pairs: Vec<(&str, &str)> = params.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            store_set(Store::Local, FORM_KEY, &form_body(&pairs));
        }
    });
    Effect::new(move || {
        if form.remember_secrets.get() {
            let (secret, password, token) = (form.client_secret.get(), form.password.get(), form.own_token.get());
            let text = form_body(&[("client_secret", &secret), ("password", &password), ("own_token", &token)]);
            store_set(Store::Session, SECRETS_KEY, &text);
        } else {
            store_remove(Store::Session, SECRETS_KEY);
        }
    });
}

/// `Forget secrets`: clears the remembered copy (the fields keep their values until reload).
pub fn forget_secrets(form: Form) {
    form.remember_secrets.set(false);
    store_remove(Store::Session, SECRETS_KEY);
}
