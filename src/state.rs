//! The page's state as signals, and how the form turns into the core's settings.

use crate::transport::{self, Target};
use leptos::prelude::*;
use ords_core::{
    parse_header_lines, AccessToken, BasicSettings, ClientAuth, ClientSecret, CompareRow, Exchange, ExtraParam, Field,
    FieldError, Finding, HeldToken, OAuthSettings, Password, ResourceCall, RunRecord, TimelineEntry, TokenPlacement,
    TokenStep,
};
use ords_sim::{DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_USER};

/// Which flow the form runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowKind {
    OAuth2,
    Basic,
    /// Both against the same Resource URL, run together.
    Compare,
}

impl FlowKind {
    /// The value of the `flow` URL parameter.
    pub fn key(self) -> &'static str {
        match self {
            Self::OAuth2 => "oauth2",
            Self::Basic => "basic",
            Self::Compare => "compare",
        }
    }

    pub fn uses_oauth(self) -> bool {
        self != Self::Basic
    }

    pub fn uses_basic(self) -> bool {
        self != Self::OAuth2
    }
}

/// The demo simulator that `cargo xtask serve` starts; the form's defaults point at it.
pub const DEMO_BASE: &str = "http://127.0.0.1:8181/ords/demo";

/// What the person typed. Secrets live only in these signals (memory), never in storage.
#[derive(Clone, Copy)]
pub struct Form {
    pub target: RwSignal<Target>,
    /// Set once the person picks a target, so the start-up probe no longer changes it.
    pub target_chosen: RwSignal<bool>,
    pub flow: RwSignal<FlowKind>,
    pub token_url: RwSignal<String>,
    pub client_id: RwSignal<String>,
    pub client_secret: RwSignal<String>,
    pub client_auth: RwSignal<ClientAuth>,
    pub resource_url: RwSignal<String>,
    pub username: RwSignal<String>,
    pub password: RwSignal<String>,
    /// Form-encode id and secret before Base64 (RFC 6749 §2.3.1).
    pub encode_credentials: RwSignal<bool>,
    pub scope: RwSignal<String>,
    pub extra: RwSignal<Vec<ExtraParam>>,
    /// `Use my own token`: skip the token request and send this one.
    pub own_token_on: RwSignal<bool>,
    pub own_token: RwSignal<String>,
    /// Keep the secrets in this tab's sessionStorage across reloads (opt-in).
    pub remember_secrets: RwSignal<bool>,
    /// Token placement: in a query parameter instead of a header.
    pub token_in_query: RwSignal<bool>,
    /// The header (or query parameter) name, and the header's prefix.
    pub token_name: RwSignal<String>,
    pub token_prefix: RwSignal<String>,
    /// Re-fetch the token when it expired, or once after a 401 (then retry the call).
    pub refetch: RwSignal<bool>,
    pub method: RwSignal<&'static str>,
    /// Extra request headers, one `Name: value` per line.
    pub headers: RwSignal<String>,
    pub body: RwSignal<String>,
}

/// Which button's work is running.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Busy {
    Token,
    Call,
}

/// What came back, and what the page is doing.
#[derive(Clone, Copy)]
pub struct Results {
    pub token_step: RwSignal<Option<TokenStep>>,
    pub held: RwSignal<Option<HeldToken>>,
    pub resource: RwSignal<Option<Exchange>>,
    /// Why the resource panel has no exchange for the last run, when that needs saying.
    pub resource_note: RwSignal<Option<String>>,
    pub field_errors: RwSignal<Vec<FieldError>>,
    pub busy: RwSignal<Option<Busy>>,
    /// Ticks every second so countdowns move.
    pub now_ms: RwSignal<f64>,
    /// Where the exchanges now shown in each panel went.
    pub token_via: RwSignal<Target>,
    pub resource_via: RwSignal<Target>,
    /// Every exchange of the last run, in order.
    pub timeline: RwSignal<Vec<TimelineEntry>>,
    /// Compare mode: Basic and OAuth2 side by side, after a compare run.
    pub comparison: RwSignal<Option<Vec<CompareRow>>>,
    /// What the diagnosis found in the last run.
    pub findings: RwSignal<Vec<Finding>>,
    /// Past runs, newest first (settings and outcomes only).
    pub runs: RwSignal<Vec<RunRecord>>,
    /// `Keep history in this browser`: runs also go to localStorage.
    pub history_kept: RwSignal<bool>,
}

impl Form {
    /// The demo defaults, overridden by non-secret query parameters (`flow`, `token_url`,
    /// `client_id`, `client_auth`, `resource_url`, `username`). Demo secrets are filled in only
    /// while every URL still points at the demo simulator, so they never go anywhere else.
    pub fn from_params(params: &[(String, String)]) -> Self {
        let param = |key: &str| params.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        let flag = |key: &str, default: bool| param(key).map_or(default, |v| v == "1");
        let token_url = param("token_url").unwrap_or_else(|| format!("{DEMO_BASE}/oauth/token"));
        let resource_url = param("resource_url").unwrap_or_else(|| format!("{DEMO_BASE}/hr/employees/"));
        let is_demo = token_url.starts_with(DEMO_BASE) && resource_url.starts_with(DEMO_BASE);
        let client_id = param("client_id").unwrap_or_else(|| DEMO_CLIENT_ID.to_owned());
        let username = param("username").unwrap_or_else(|| DEMO_USER.0.to_owned());
        let demo_secret = is_demo && client_id == DEMO_CLIENT_ID;
        let demo_password = is_demo && username == DEMO_USER.0;
        let target = match param("target").as_deref() {
            Some("simulated") => Target::Simulated,
            _ => Target::Network,
        };
        Self {
            target: RwSignal::new(target),
            target_chosen: RwSignal::new(param("target").is_some()),
            flow: RwSignal::new(match param("flow").as_deref() {
                Some("basic") => FlowKind::Basic,
                Some("compare") => FlowKind::Compare,
                _ => FlowKind::OAuth2,
            }),
            token_url: RwSignal::new(token_url),
            client_id: RwSignal::new(client_id),
            client_secret: RwSignal::new(if demo_secret { DEMO_CLIENT_SECRET.to_owned() } else { String::new() }),
            client_auth: RwSignal::new(match param("client_auth").as_deref() {
                Some("body") => ClientAuth::RequestBody,
                _ => ClientAuth::BasicHeader,
            }),
            resource_url: RwSignal::new(resource_url),
            username: RwSignal::new(username),
            password: RwSignal::new(if demo_password { DEMO_USER.1.to_owned() } else { String::new() }),
            encode_credentials: RwSignal::new(flag("encode", false)),
            scope: RwSignal::new(param("scope").unwrap_or_default()),
            extra: RwSignal::new(
                params
                    .iter()
                    .filter(|(k, _)| k == "extra")
                    .filter_map(|(_, v)| crate::form_params::decode_extra(v))
                    .collect(),
            ),
            own_token_on: RwSignal::new(false),
            own_token: RwSignal::new(String::new()),
            remember_secrets: RwSignal::new(false),
            token_in_query: RwSignal::new(flag("token_in_query", false)),
            token_name: RwSignal::new(param("token_name").unwrap_or_else(|| "Authorization".into())),
            token_prefix: RwSignal::new(param("token_prefix").unwrap_or_else(|| "Bearer".into())),
            refetch: RwSignal::new(flag("refetch", true)),
            method: RwSignal::new(
                ["GET", "POST", "PUT", "PATCH", "DELETE"]
                    .into_iter()
                    .find(|m| param("method").as_deref() == Some(*m))
                    .unwrap_or("GET"),
            ),
            headers: RwSignal::new(String::new()),
            body: RwSignal::new(String::new()),
        }
    }

    /// The token request settings, read once (for sending).
    pub fn oauth_untracked(&self) -> OAuthSettings {
        untrack(|| self.oauth())
    }

    /// The token request settings (tracked, so a preview can follow them).
    pub fn oauth(&self) -> OAuthSettings {
        OAuthSettings {
            token_url: self.token_url.get(),
            client_id: self.client_id.get(),
            client_secret: ClientSecret::new(self.client_secret.get()),
            client_auth: self.client_auth.get(),
            encode_credentials: self.encode_credentials.get(),
            scope: self.scope.get(),
            extra: self.extra.get(),
        }
    }

    /// The protected call, or the refusal of its header lines.
    pub fn call(&self) -> Result<ResourceCall, FieldError> {
        Ok(ResourceCall {
            url: self.resource_url.get_untracked(),
            method: self.method.get_untracked().to_owned(),
            headers: parse_header_lines(&self.headers.get_untracked())?,
            body: self.body.get_untracked(),
        })
    }

    pub fn placement(&self) -> TokenPlacement {
        let name = self.token_name.get_untracked();
        if self.token_in_query.get_untracked() {
            TokenPlacement::Query { name }
        } else {
            TokenPlacement::Header { name, prefix: self.token_prefix.get_untracked() }
        }
    }

    /// The pasted token, held with no known lifetime, when `Use my own token` is ticked.
    pub fn own_token(&self) -> Option<Result<HeldToken, FieldError>> {
        if !self.own_token_on.get_untracked() {
            return None;
        }
        let token = self.own_token.get_untracked().trim().to_owned();
        if token.is_empty() {
            return Some(Err(FieldError { field: Field::OwnToken, message: "Paste the access token to use.".into() }));
        }
        Some(Ok(HeldToken::new(AccessToken::new(token), "(pasted)".into(), None, transport::now_ms())))
    }

    pub fn basic(&self) -> BasicSettings {
        BasicSettings {
            username: self.username.get_untracked(),
            password: Password::new(self.password.get_untracked()),
        }
    }
}

impl Results {
    pub fn new() -> Self {
        Self {
            token_step: RwSignal::new(None),
            held: RwSignal::new(None),
            resource: RwSignal::new(None),
            resource_note: RwSignal::new(None),
            field_errors: RwSignal::new(Vec::new()),
            busy: RwSignal::new(None),
            now_ms: RwSignal::new(transport::now_ms()),
            token_via: RwSignal::new(Target::Network),
            resource_via: RwSignal::new(Target::Network),
            timeline: RwSignal::new(Vec::new()),
            comparison: RwSignal::new(None),
            runs: RwSignal::new(Vec::new()),
            findings: RwSignal::new(Vec::new()),
            history_kept: RwSignal::new(false),
        }
    }

    /// The message for a field, if the last attempt refused it.
    pub fn error_for(&self, field: Field) -> Option<String> {
        self.field_errors.with(|list| list.iter().find(|e| e.field == field).map(|e| e.message.clone()))
    }

    /// Holds the token of a finished token step, obtained from `via`.
    pub fn record_token(&self, step: TokenStep, via: Target) {
        self.token_via.set(via);
        self.now_ms.set(transport::now_ms());
        self.held.set(step.held());
        self.token_step.set(Some(step));
    }
}

impl Default for Results {
    fn default() -> Self {
        Self::new()
    }
}
