//! What came back, and what the page is doing: the results of the runs, as signals.

use leptos::prelude::*;
use ords_core::{Exchange, Finding, HeldToken, RunRecord, Target, TimelineEntry, TokenStep};
use ords_core::{Field, FieldError};

/// Which button's work is running.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Busy {
    Token,
    Call,
    /// `Try as APEX_WEB_SERVICE would`: its first request, as the settings send it.
    TryYours,
    /// Its second, as OAUTH_AUTHENTICATE sends it.
    TryAsDatabase,
}

impl Busy {
    /// What the status line says while it runs.
    pub fn label(self) -> &'static str {
        match self {
            Self::Token => "Requesting a token…",
            Self::Call => "Calling the API…",
            Self::TryYours => {
                "Trying as APEX_WEB_SERVICE would: waiting for the token request as your settings send it (1 of 2)…"
            }
            Self::TryAsDatabase => {
                "Trying as APEX_WEB_SERVICE would: waiting for the token request as OAUTH_AUTHENTICATE sends it \
                 (2 of 2)…"
            }
        }
    }
}

/// What came back, and what the page is doing.
#[derive(Clone, Copy)]
pub struct Results {
    pub token_step: RwSignal<Option<TokenStep>>,
    pub held: RwSignal<Option<HeldToken>>,
    /// Where the held token came from: a simulated token never goes to a real server.
    pub held_from: RwSignal<Target>,
    pub resource: RwSignal<Option<Exchange>>,
    /// Why the resource panel has no exchange for the last run, when that needs saying.
    pub resource_note: RwSignal<Option<String>>,
    pub field_errors: RwSignal<Vec<FieldError>>,
    pub busy: RwSignal<Option<Busy>>,
    /// Ticks every second so countdowns move.
    pub now_ms: RwSignal<f64>,
    /// Every exchange of the last run, in order.
    pub timeline: RwSignal<Vec<TimelineEntry>>,
    /// What the diagnosis found in the last run.
    pub findings: RwSignal<Vec<Finding>>,
    /// What the diagnosis says about the form's inputs alone, before sending.
    pub input_findings: RwSignal<Vec<Finding>>,
    /// Past runs, newest first (settings and outcomes only).
    pub runs: RwSignal<Vec<RunRecord>>,
    /// `Keep history in this browser`: runs also go to localStorage.
    pub history_kept: RwSignal<bool>,
    /// A sentence about something the page did on its own (e.g. leaving the simulator).
    pub notice: RwSignal<Option<String>>,
    /// How the last run ended, in one sentence, for the status line (a live region).
    pub announcement: RwSignal<String>,
    /// What the browser learned of the JWT profile's key set (fetched when its URL is set).
    pub jwks: RwSignal<ords_core::jwt_profile::Jwks>,
}

impl Results {
    pub fn new(now_ms: f64) -> Self {
        Self {
            token_step: RwSignal::new(None),
            held: RwSignal::new(None),
            held_from: RwSignal::new(Target::Network),
            resource: RwSignal::new(None),
            resource_note: RwSignal::new(None),
            field_errors: RwSignal::new(Vec::new()),
            busy: RwSignal::new(None),
            now_ms: RwSignal::new(now_ms),
            timeline: RwSignal::new(Vec::new()),
            findings: RwSignal::new(Vec::new()),
            input_findings: RwSignal::new(Vec::new()),
            runs: RwSignal::new(Vec::new()),
            history_kept: RwSignal::new(false),
            notice: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            jwks: RwSignal::new(ords_core::jwt_profile::Jwks::Unknown),
        }
    }

    /// The message for a field, if the last attempt refused it.
    pub fn error_for(&self, field: Field) -> Option<String> {
        self.field_errors.with(|list| list.iter().find(|e| e.field == field).map(|e| e.message.clone()))
    }

    /// Forgets the last run: the token held, both answers, the timeline and the findings.
    pub fn forget_run(&self) {
        self.held.set(None);
        self.token_step.set(None);
        self.resource.set(None);
        self.resource_note.set(None);
        self.timeline.set(Vec::new());
        self.findings.set(Vec::new());
    }

    /// Holds the token of a finished token step, obtained from `via`.
    pub fn record_token(&self, step: TokenStep, via: Target, now_ms: f64) {
        self.held_from.set(via);
        self.now_ms.set(now_ms);
        self.held.set(step.held());
        self.token_step.set(Some(step));
    }
}
