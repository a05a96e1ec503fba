//! The page's state as signals, and the actions the buttons run. Flow logic is in the core;
//! this only feeds it the form and stores what came back.

use crate::transport::{self, Target};
use leptos::prelude::*;
use ords_core::{
    BasicSettings, ClientAuth, ClientSecret, Exchange, Field, FieldError, HeldToken, OAuthSettings, Password, TokenStep,
};
use ords_sim::{DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_USER};

/// Which flow the form runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowKind {
    OAuth2,
    Basic,
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
}

impl Form {
    /// The demo defaults, overridden by non-secret query parameters (`flow`, `token_url`,
    /// `client_id`, `client_auth`, `resource_url`, `username`). Demo secrets are filled in only
    /// while every URL still points at the demo simulator, so they never go anywhere else.
    pub fn from_query(query: &str) -> Self {
        let params: Vec<(String, String)> = ords_core::parse_form(query).unwrap_or_default();
        let param = |key: &str| params.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
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
            flow: RwSignal::new(if param("flow").as_deref() == Some("basic") {
                FlowKind::Basic
            } else {
                FlowKind::OAuth2
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
        }
    }

    fn oauth(&self) -> OAuthSettings {
        OAuthSettings {
            token_url: self.token_url.get_untracked(),
            client_id: self.client_id.get_untracked(),
            client_secret: ClientSecret::new(self.client_secret.get_untracked()),
            client_auth: self.client_auth.get_untracked(),
        }
    }

    fn basic(&self) -> BasicSettings {
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
        }
    }

    /// The message for a field, if the last attempt refused it.
    pub fn error_for(&self, field: Field) -> Option<String> {
        self.field_errors.with(|list| list.iter().find(|e| e.field == field).map(|e| e.message.clone()))
    }

    fn record_token(&self, step: TokenStep) {
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

/// True when the page was opened with settings in its URL (an embed or a shared link).
pub fn is_configured(query: &str) -> bool {
    let keys = ["target", "flow", "token_url", "client_id", "client_auth", "resource_url", "username"];
    ords_core::parse_form(query).unwrap_or_default().iter().any(|(k, _)| keys.contains(&k.as_str()))
}

/// With no configuration, use the local ords-sim when it answers, else the in-page simulator.
/// Only a page served from this machine probes loopback: a public page doing so would make
/// Chrome ask for local-network permission.
pub fn choose_default_target(form: Form) {
    if !transport::page_is_local() {
        form.target.set(Target::Simulated);
        return;
    }
    let probe = ords_core::HttpRequest::new("GET", &form.token_url.get_untracked());
    leptos::task::spawn_local(async move {
        let reachable = transport::send(Target::Network, probe).await.is_ok();
        if !reachable && !form.target_chosen.get_untracked() {
            form.target.set(Target::Simulated);
        }
    });
}

/// `Get token`: asks the token endpoint and holds the token it returns.
pub fn get_token(form: Form, results: Results) {
    let settings = form.oauth();
    let target = form.target.get_untracked();
    let send = move |request| transport::send(target, request);
    results.busy.set(Some(Busy::Token));
    leptos::task::spawn_local(async move {
        match ords_core::get_token(&settings, &send).await {
            Ok(step) => {
                results.field_errors.set(Vec::new());
                results.token_via.set(target);
                results.record_token(step);
            }
            Err(problems) => results.field_errors.set(problems),
        }
        results.busy.set(None);
    });
}

/// `Call API`: the protected call, with the held token (getting one first if needed) or Basic.
pub fn call_api(form: Form, results: Results) {
    let flow = form.flow.get_untracked();
    let resource_url = form.resource_url.get_untracked();
    let (oauth, basic) = (form.oauth(), form.basic());
    let target = form.target.get_untracked();
    // A token from the other target belongs to another server: do not send it there.
    let held = results.held.get_untracked().filter(|_| results.token_via.get_untracked() == target);
    let send = move |request| transport::send(target, request);
    results.busy.set(Some(Busy::Call));
    leptos::task::spawn_local(async move {
        let outcome = match flow {
            FlowKind::Basic => ords_core::call_with_basic(&basic, &resource_url, &send).await.map(|e| (None, Some(e))),
            FlowKind::OAuth2 => {
                let now = transport::now_ms();
                ords_core::call_with_oauth(&oauth, &resource_url, held.as_ref(), now, &send)
                    .await
                    .map(|call| (call.token, call.resource))
            }
        };
        match outcome {
            Ok((token_step, resource)) => {
                results.field_errors.set(Vec::new());
                let token_failed = token_step.is_some() && resource.is_none();
                if let Some(step) = token_step {
                    results.token_via.set(target);
                    results.record_token(step);
                }
                results.resource_via.set(target);
                results.resource_note.set(
                    token_failed.then(|| {
                        "No resource call was made: the token request failed (see Token response).".to_owned()
                    }),
                );
                results.resource.set(resource);
            }
            Err(problems) => results.field_errors.set(problems),
        }
        results.busy.set(None);
    });
}
