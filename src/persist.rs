//! Form state across reloads. Non-secret settings go to `localStorage` (URLs without user
//! info); secrets stay in memory unless the person ticks `Remember secrets for this tab` (then
//! `sessionStorage`). A page configured by a link stores nothing and restores no secret.

use crate::browser::{store_get, store_remove, store_set, Store};
use crate::state::{Form, Source};
use leptos::prelude::*;
use ords_core::{form_body, parse_form, Decoded, PlaygroundConfig};

const FORM_KEY: &str = "ords-playground:form";
const SECRETS_KEY: &str = "ords-playground:secrets";

/// The settings the page starts from.
pub struct Start {
    pub config: PlaygroundConfig,
    pub source: Source,
    /// What the page's link held, when it held anything (shown in the banner).
    pub link: Option<Decoded>,
}

/// The link's settings (an embed or a shared link, which must behave the same every time),
/// else what this browser stored, else the demo.
pub fn start(link_text: &str) -> Start {
    let link = PlaygroundConfig::from_fragment(link_text);
    if link.is_configured() || !link.ignored.is_empty() {
        return Start { config: link.config.clone(), source: Source::Link, link: Some(link) };
    }
    match store_get(Store::Local, FORM_KEY) {
        Some(text) => {
            Start { config: PlaygroundConfig::from_fragment(&text).config, source: Source::Stored, link: None }
        }
        None => Start { config: PlaygroundConfig::default(), source: Source::Default, link: None },
    }
}

/// Restores remembered secrets (never into a link-configured page), then keeps both stores in
/// step with the form.
pub fn keep(form: Form, from_link: bool) {
    let saved = store_get(Store::Session, SECRETS_KEY).and_then(|t| parse_form(&t));
    match saved {
        Some(saved) if !from_link => {
            let get = |k: &str| saved.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default();
            form.client_secret.set(get("client_secret"));
            form.password.set(get("password"));
            form.own_token.set(get("own_token"));
            form.par_url.set(get("par_url"));
            form.remember_secrets.set(true);
        }
        _ => {}
    }
    Effect::new(move || {
        let text = form.config().to_fragment();
        if !from_link {
            store_set(Store::Local, FORM_KEY, &text);
        }
    });
    Effect::new(move || {
        if form.remember_secrets.get() {
            let (secret, password, token) = (form.client_secret.get(), form.password.get(), form.own_token.get());
            let par = form.par_url.get();
            let pairs = [("client_secret", &secret), ("password", &password), ("own_token", &token), ("par_url", &par)];
            let text = form_body(&pairs.map(|(k, v)| (k, v.as_str())));
            store_set(Store::Session, SECRETS_KEY, &text);
        } else if !from_link {
            store_remove(Store::Session, SECRETS_KEY);
        }
    });
}

/// `Forget secrets`: clears the remembered copy (the fields keep their values until reload).
pub fn forget_secrets(form: Form) {
    form.remember_secrets.set(false);
    store_remove(Store::Session, SECRETS_KEY);
}
