//! The form's non-secret settings as URL-style parameters: for the URL configuration,
//! localStorage and history re-runs. Secrets are never among them.

use crate::state::Form;
use crate::transport::Target;
use leptos::prelude::*;
use ords_core::{ClientAuth, ExtraParam, ParamPlace};

impl Form {
    /// Every non-secret setting, as the same keys the URL configuration uses (for storage).
    pub fn to_params(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut put = |k: &str, v: String| out.push((k.to_owned(), v));
        if self.target_chosen.get() {
            put("target", if self.target.get() == Target::Simulated { "simulated" } else { "network" }.into());
        }
        put("flow", self.flow.get().key().into());
        put("token_url", self.token_url.get());
        put("client_id", self.client_id.get());
        put("client_auth", if self.client_auth.get() == ClientAuth::RequestBody { "body" } else { "header" }.into());
        put("resource_url", self.resource_url.get());
        put("username", self.username.get());
        put("encode", bit(self.encode_credentials.get()));
        put("scope", self.scope.get());
        for p in self.extra.get() {
            put("extra", ords_core::form_body(&[("n", &p.name), ("v", &p.value), ("p", p.place.label())]));
        }
        put("token_in_query", bit(self.token_in_query.get()));
        put("token_name", self.token_name.get());
        put("token_prefix", self.token_prefix.get());
        put("refetch", bit(self.refetch.get()));
        put("method", self.method.get().to_owned());
        out
    }

    /// Sets the non-secret settings from `params` (a re-run); secrets are left as typed.
    pub fn apply_params(&self, params: &[(String, String)]) {
        let from = Form::from_params(params);
        untrack(|| {
            if from.target_chosen.get() {
                self.target.set(from.target.get());
                self.target_chosen.set(true);
            }
            self.flow.set(from.flow.get());
            self.token_url.set(from.token_url.get());
            self.client_id.set(from.client_id.get());
            self.client_auth.set(from.client_auth.get());
            self.resource_url.set(from.resource_url.get());
            self.username.set(from.username.get());
            self.encode_credentials.set(from.encode_credentials.get());
            self.scope.set(from.scope.get());
            self.extra.set(from.extra.get());
            self.token_in_query.set(from.token_in_query.get());
            self.token_name.set(from.token_name.get());
            self.token_prefix.set(from.token_prefix.get());
            self.refetch.set(from.refetch.get());
            self.method.set(from.method.get());
        });
    }
}

fn bit(on: bool) -> String {
    if on { "1" } else { "0" }.to_owned()
}

/// One stored extra parameter: `n=<name>&v=<value>&p=<place label>`.
pub(crate) fn decode_extra(text: &str) -> Option<ExtraParam> {
    let pairs = ords_core::parse_form(text)?;
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let places = [ParamPlace::Body, ParamPlace::Query, ParamPlace::Header];
    let place = places.into_iter().find(|p| Some(p.label()) == get("p").as_deref()).unwrap_or_default();
    Some(ExtraParam { name: get("n")?, value: get("v").unwrap_or_default(), place })
}
