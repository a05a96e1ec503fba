//! Pre-authenticated requests (`ORDS_PAR`, ORDS 24.4 and later): `/ords/<alias>/_/par/<token>/
//! <module base><pattern>` calls one handler with no credentials until the PAR expires. What
//! ORDS answers for an expired, revoked or unknown PAR, or another method, is not documented:
//! `Switches::par_refused_status` (401 by default); revocation takes effect after
//! `Switches::par_revoke_delay_s` (ORDS: "may take up to 30 seconds"), and `security.par.enabled`
//! off (`Switches::par_enabled`) answers 404 as for any path ORDS does not serve.

use crate::{security, Sim};
use ords_core::{HttpRequest, HttpResponse, HttpUrl};

/// At most this many PARs are kept (the oldest go first).
pub const MAX_PARS: usize = 1000;

/// A PAR the simulator honours.
#[derive(Clone, Debug)]
pub struct Par {
    pub token: String,
    pub alias: String,
    /// The handler's path below the alias (`hr/employees/`, or `hr/employees/:id`).
    pub pattern: String,
    pub method: String,
    pub expires_at_ms: u64,
    pub revoked_at_ms: Option<u64>,
}

/// Why a PAR URL was refused (named in the answer's message, as ORDS's problem JSON would).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParRefusal {
    Unknown,
    Expired,
    Revoked,
    OtherMethod,
    OtherPath,
}

impl Sim {
    /// The demo's public PAR for `hr/employees/` (GET), which never expires unless a scenario
    /// says it has.
    pub(crate) fn with_demo_par(mut self) -> Self {
        let s = &self.config.switches;
        let expires_at_ms = if s.demo_par_expired { 0 } else { u64::MAX };
        let method = if s.demo_par_post_only { "POST" } else { "GET" };
        let revoked_at_ms = s.demo_par_revoked.then_some(0);
        self.pars.push(Par {
            token: ords_core::demo::PAR_TOKEN.to_owned(),
            alias: self.config.alias.clone(),
            pattern: "hr/employees/".to_owned(),
            method: method.to_owned(),
            expires_at_ms,
            revoked_at_ms,
        });
        self
    }

    /// Defines a PAR for the handler at `pattern` (below the alias) and `method`, for `seconds`
    /// from `now_ms`; returns its token.
    pub fn define_par(&mut self, pattern: &str, method: &str, seconds: u64, now_ms: u64) -> String {
        let token = self.new_token();
        if self.pars.len() >= MAX_PARS {
            self.pars.remove(0);
        }
        self.pars.push(Par {
            token: token.clone(),
            alias: self.config.alias.clone(),
            pattern: pattern.trim_start_matches('/').to_owned(),
            method: method.to_ascii_uppercase(),
            expires_at_ms: now_ms.saturating_add(seconds.saturating_mul(1000)),
            revoked_at_ms: None,
        });
        token
    }

    /// `ORDS_PAR.REVOKE_PAR`: false when no PAR has this token.
    pub fn revoke_par(&mut self, token: &str, now_ms: u64) -> bool {
        let found = self.pars.iter_mut().find(|p| p.token == token);
        found.map(|p| p.revoked_at_ms = Some(p.revoked_at_ms.unwrap_or(now_ms))).is_some()
    }

    /// Seconds the PAR has left (`PAR_EXPIRATION_BY_ALIAS`), none when unknown or expired.
    pub fn par_seconds_left(&self, token: &str, now_ms: u64) -> Option<u64> {
        let par = self.pars.iter().find(|p| p.token == token)?;
        par.expires_at_ms.checked_sub(now_ms).filter(|ms| *ms > 0).map(|ms| ms.div_ceil(1000))
    }

    /// The answer to a `/_/par/` URL: `None` when the URL is not one (routed as usual).
    pub(crate) fn par_answer(&mut self, request: &HttpRequest, url: &HttpUrl, now_ms: u64) -> Option<HttpResponse> {
        let rest = url.path.strip_prefix("/ords/")?;
        let (alias, after) = rest.split_once("/_/par/")?;
        if alias.contains('/') || !self.config.serves_alias(alias) {
            return None;
        }
        let (token, handler) = after.split_once('/').unwrap_or((after, ""));
        let path = format!("/ords/{alias}/{handler}");
        let target = crate::routes::route(&path, |a| self.config.serves_alias(a))?;
        let refused = if !self.config.switches.par_enabled {
            Some(404)
        } else if crate::cors::is_preflight(request) {
            None // answered as the handler's preflight: a PAR is checked on the request itself
        } else {
            self.check_par(alias, token, handler, &request.method, now_ms)
                .err()
                .map(|_| self.config.switches.par_refused_status)
        };
        let Some(status) = refused else {
            return Some(self.answer_as(request, url, &target, now_ms, true));
        };
        // Whether ORDS says why is not known: it does not here (the answer is the same for each).
        let (code, message) = if status == 404 { ("NotFound", "Not Found") } else { ("Unauthorized", "Unauthorized") };
        let mut answer = self.error(request, status, code, message);
        if let crate::cors::Cors::Allowed(origin) = self.cors_decision(request, &target.route) {
            if self.config.switches.errors_carry_cors {
                crate::cors::add_actual_headers(&mut answer, &origin);
            }
        }
        Some(answer)
    }

    fn check_par(&self, alias: &str, token: &str, handler: &str, method: &str, now_ms: u64) -> Result<(), ParRefusal> {
        let par = self.pars.iter().find(|p| p.token == token && p.alias == alias).ok_or(ParRefusal::Unknown)?;
        if now_ms >= par.expires_at_ms {
            return Err(ParRefusal::Expired);
        }
        let delay = self.config.switches.par_revoke_delay_s.saturating_mul(1000);
        if par.revoked_at_ms.is_some_and(|at| now_ms >= at.saturating_add(delay)) {
            return Err(ParRefusal::Revoked);
        }
        if !par.method.eq_ignore_ascii_case(method) {
            return Err(ParRefusal::OtherMethod);
        }
        if !security::pattern_matches(&bind_wildcards(&par.pattern), handler) {
            return Err(ParRefusal::OtherPath);
        }
        Ok(())
    }
}

/// An ORDS URI pattern's `:bind` segments as `*`.
fn bind_wildcards(pattern: &str) -> String {
    pattern.split('/').map(|s| if s.starts_with(':') { "*" } else { s }).collect::<Vec<_>>().join("/")
}
