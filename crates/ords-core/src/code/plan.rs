//! The requests of both flows, split into what is fixed (written as literals) and what is a
//! secret (a variable in the code).

use super::CodeInput;
use crate::call::Method;
use crate::config::Flow;
use crate::encode::{form_body, form_encode};
use crate::request::token_form;
use crate::settings::{ClientAuth, ExtraParam, TokenPlacement};
use crate::url::{ords_alias_and_module, strip_user_info, HttpUrl};

/// A secret in generated code: the environment variable (or placeholder) named for it, or
/// the value itself when the person included secrets. `Debug` never shows the value.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretRef {
    pub env: &'static str,
    pub placeholder: &'static str,
    pub value: Option<String>,
}

impl std::fmt::Debug for SecretRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value = if self.value.is_some() { "[included, redacted]" } else { "[placeholder]" };
        f.debug_struct("SecretRef").field("env", &self.env).field("value", &value).finish()
    }
}

/// Generated code's view of the settings. URLs never carry user info here (the page refuses
/// such URLs, and code must not spread them).
#[derive(Clone, Debug)]
pub struct Plan {
    pub flow: Flow,
    pub token_url: String,
    /// Non-secret headers of the token request, in order.
    pub token_headers: Vec<(String, String)>,
    /// The form body up to (not including) a client secret sent in the body.
    pub token_body: String,
    /// The client secret goes in the body as `client_secret` (else in the Basic header).
    pub secret_in_body: bool,
    /// For the Basic header: the client id as put before `:` (form-encoded if asked).
    pub client_id_for_basic: String,
    pub encode_credentials: bool,
    pub client_id: String,
    pub scope: String,
    pub client_secret: SecretRef,
    pub method: Method,
    pub resource_url: String,
    /// Headers of the resource call except the token (Accept, the person's, Content-Type).
    pub call_headers: Vec<(String, String)>,
    pub call_body: String,
    pub placement: TokenPlacement,
    pub username: String,
    pub password: SecretRef,
    /// The token of the pre-authenticated URL called (Flow::Par), whose URL is `resource_url`.
    pub par_token: SecretRef,
    pub page_origin: String,
    pub client_auth: ClientAuth,
    pub extras: Vec<ExtraParam>,
}

impl Plan {
    pub fn new(i: &CodeInput<'_>) -> Self {
        let o = i.oauth;
        let form = token_form(o);
        let secret_in_body = o.client_auth == ClientAuth::RequestBody;
        // As the page sends it: an Accept of the call's own replaces the default.
        let own_accept = i.call.headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("accept"));
        let mut call_headers = Vec::new();
        if !own_accept {
            call_headers.push(("Accept".to_owned(), "application/json".to_owned()));
        }
        call_headers.extend(i.call.headers.iter().cloned());
        let has_body = !i.call.body.trim().is_empty();
        if has_body && !call_headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-type")) {
            call_headers.push(("Content-Type".into(), "application/json".into()));
        }
        let secret = |env, placeholder, value: &str| SecretRef {
            env,
            placeholder,
            value: i.include_secrets.then(|| value.to_owned()),
        };
        Self {
            flow: i.flow,
            token_url: strip_user_info(&form.url),
            token_headers: form.headers,
            token_body: form_body(&form.pairs),
            secret_in_body,
            client_id_for_basic: if o.encode_credentials { form_encode(&o.client_id) } else { o.client_id.clone() },
            encode_credentials: o.encode_credentials,
            client_id: o.client_id.clone(),
            scope: o.scope.trim().to_owned(),
            client_secret: secret("ORDS_CLIENT_SECRET", "<client secret>", o.client_secret.secret()),
            method: i.call.method,
            resource_url: strip_user_info(&i.call.url),
            call_headers,
            call_body: if has_body { i.call.body.clone() } else { String::new() },
            placement: i.placement.clone(),
            username: i.basic.username.clone(),
            password: secret("ORDS_PASSWORD", "<password>", i.basic.password.secret()),
            par_token: secret(
                "ORDS_PAR_TOKEN",
                "<token>",
                crate::par::ParUrl::parse(&i.call.url)
                    .map(|p| p.token.secret().to_owned())
                    .unwrap_or_default()
                    .as_str(),
            ),
            page_origin: i.page_origin.to_owned(),
            client_auth: o.client_auth,
            extras: o.extra.clone(),
        }
    }

    /// The first comment of a snippet: what it does, for the flow chosen.
    pub fn intro(&self) -> &'static str {
        match self.flow {
            Flow::OAuth2 => "OAuth2 client credentials against ORDS, then the protected call with the token.",
            Flow::Basic => "The protected ORDS call with HTTP Basic.",
            Flow::Par => "The ORDS call through a pre-authenticated URL (ORDS_PAR), with no credentials.",
            Flow::Compare => {
                "OAuth2 client credentials against ORDS, the protected call, then the same call with HTTP Basic."
            }
        }
    }

    /// The numbered titles of the requests the code carries, in order: the token request, the
    /// call with the token, the call with Basic; `None` for those the flow does not make.
    pub fn titles(&self) -> [Option<String>; 3] {
        let basic = if self.flow == Flow::Compare {
            "The same call with HTTP Basic"
        } else {
            "The protected call with HTTP Basic"
        };
        let names = ["Token request", "The protected call with the token", basic];
        let made = [self.flow.uses_oauth(), self.flow.uses_oauth(), self.flow.uses_basic()];
        let mut n = 0;
        std::array::from_fn(|i| {
            made[i].then(|| {
                n += 1;
                format!("{n}. {}", names[i])
            })
        })
    }

    /// `(alias, module)` of the Resource URL, when it is an ORDS URL.
    pub fn alias_and_module(&self) -> Option<(String, Option<String>)> {
        HttpUrl::parse(&self.resource_url).ok().as_ref().and_then(ords_alias_and_module)
    }

    /// The Resource URL's path below the alias, as an ORDS privilege pattern (`/hr/employees/*`).
    pub fn privilege_pattern(&self) -> String {
        let url = HttpUrl::parse(&self.resource_url).ok();
        let segments: Vec<String> =
            url.as_ref().map(|u| u.segments().iter().map(|s| s.to_string()).collect()).unwrap_or_default();
        let start = match segments.iter().position(|s| s == "ords") {
            Some(p) => p + 2,
            None if segments.first().map(String::as_str) == Some("pls") => 3,
            None => 0,
        };
        let rest: Vec<&str> = segments.iter().skip(start).map(String::as_str).collect();
        match rest.first() {
            Some(module) => format!("/{module}/*"),
            None => "/*".to_owned(),
        }
    }
}
