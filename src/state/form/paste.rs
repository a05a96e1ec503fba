//! A paste applied to the form (`Paste a command`): only the settings it names change; its
//! URLs count as pasted, so credentials go to a host in them only after the question; its
//! secrets go only into the secret fields (memory, masked).

use super::Form;
use crate::state::Source;
use leptos::prelude::*;
use ords_core::{Field, Fill};

impl Form {
    /// Fields a fill would replace with something else than they hold (their labels).
    pub fn replaced_by(&self, fill: &Fill) -> Vec<&'static str> {
        let differs = |value: &Option<String>, now: RwSignal<String>| {
            value.as_ref().is_some_and(|v| now.with_untracked(|n| n != v))
        };
        let secret = |value: Option<&str>, now: RwSignal<String>| {
            value.is_some_and(|v| now.with_untracked(|n| !n.is_empty() && n != v))
        };
        let mut out = Vec::new();
        for (field, changed) in [
            (Field::TokenUrl, differs(&fill.token_url, self.token_url)),
            (Field::ClientId, differs(&fill.client_id, self.client_id)),
            (Field::ClientSecret, secret(fill.client_secret.as_ref().map(|s| s.secret()), self.client_secret)),
            (Field::ResourceUrl, differs(&fill.resource_url, self.resource_url)),
            (Field::Username, differs(&fill.username, self.username)),
            (Field::Password, secret(fill.password.as_ref().map(|s| s.secret()), self.password)),
            (
                Field::Headers,
                fill.headers.as_ref().is_some_and(|h| self.headers.with_untracked(|n| !n.is_empty() && n != h)),
            ),
            (Field::Body, fill.body.as_ref().is_some_and(|b| self.body.with_untracked(|n| !n.is_empty() && n != b))),
            (Field::ParUrl, secret(fill.par_url.as_ref().map(|p| p.token.secret()), self.par_url)),
        ] {
            if changed {
                out.push(field.label());
            }
        }
        out
    }

    /// Sets what the paste names; the rest stays as it is.
    pub fn apply_paste(&self, fill: Fill) {
        let url = |value: Option<String>, field: RwSignal<String>, source: RwSignal<Source>| {
            if let Some(v) = value {
                if ords_core::origin_of(&v) != field.with_untracked(|f| ords_core::origin_of(f)) {
                    source.set(Source::Paste);
                }
                field.set(v);
            }
        };
        url(fill.token_url, self.token_url, self.token_url_source);
        url(fill.resource_url, self.resource_url, self.resource_url_source);
        let set = |value: Option<String>, field: RwSignal<String>| {
            if let Some(v) = value {
                field.set(v);
            }
        };
        set(fill.client_id, self.client_id);
        set(fill.client_secret.map(|s| s.secret().to_owned()), self.client_secret);
        set(fill.username, self.username);
        set(fill.password.map(|s| s.secret().to_owned()), self.password);
        set(fill.scope, self.scope);
        set(fill.headers, self.headers);
        set(fill.body, self.body);
        if let Some(flow) = fill.flow {
            self.flow.set(flow);
        }
        if let Some(auth) = fill.client_auth {
            self.client_auth.set(auth);
        }
        if let Some(extra) = fill.extra {
            self.extra.set(extra);
        }
        if let Some(method) = fill.method {
            self.method.set(method);
        }
        if let Some(par) = fill.par_url {
            self.par_url.set(par.url());
        }
        if let Some(token) = fill.own_token {
            self.own_token.set(token.secret().to_owned());
            self.own_token_on.set(true);
        }
    }
}
