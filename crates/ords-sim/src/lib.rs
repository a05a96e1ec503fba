//! A sans-IO model of ORDS: `handle(request, now) -> response`. The native `ords-sim` server
//! and the page's in-browser demo transport both wrap this one model.
//!
//! Behaviour follows `shared/research/ords-wire.md`: documented facts by default, switches
//! (see [`Switches`]) where ORDS's behaviour is not known for sure.

pub mod browser;
pub mod cli;
mod config;
mod cors;
mod hr;
mod json;
mod problem;
mod rng;
#[cfg(feature = "server")]
pub mod server;
mod token;

pub use config::{
    ClientConfig, SimConfig, Switches, TokenErrorDialect, UserConfig, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_ORIGINS,
    DEMO_USER, HR_ROLE,
};
pub use token::MAX_TOKENS;

use cors::Cors;
use ords_core::{decode_basic, HttpRequest, HttpResponse, HttpUrl};
use problem::problem;
use rng::Rng;
use token::{Issued, TokenStore};

/// `WWW-Authenticate` on Bearer failures, as ORDS 24.2 sends it.
pub const BEARER_CHALLENGE: &str = "Bearer realm=\"Oracle REST Data Services\", error=\"invalid_token\"";

/// The simulated ORDS instance with its issued tokens.
#[derive(Debug)]
pub struct Sim {
    config: SimConfig,
    tokens: TokenStore,
    rng: Rng,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Route {
    Token,
    Employees,
    Employee(String),
    Unknown,
}

impl Route {
    fn methods(&self) -> &'static str {
        match self {
            Self::Token => "POST, OPTIONS",
            _ => "GET, OPTIONS",
        }
    }
}

impl Sim {
    /// A simulator with this configuration; `seed` drives token and ecid generation.
    pub fn new(config: SimConfig, seed: u64) -> Self {
        Self { config, tokens: TokenStore::default(), rng: Rng::new(seed) }
    }

    pub fn config(&self) -> &SimConfig {
        &self.config
    }

    /// How many issued tokens are remembered.
    pub fn issued_tokens(&self) -> usize {
        self.tokens.count()
    }

    /// Answers one request as ORDS would. `request.url` is absolute; `now_ms` is wall-clock
    /// milliseconds since the epoch.
    pub fn handle(&mut self, request: &HttpRequest, now_ms: u64) -> HttpResponse {
        let Ok(url) = HttpUrl::parse(&request.url) else {
            return self.problem(400, "BadRequest", "The request URL is not valid");
        };
        let route = self.route(&url);
        let allowed = match route {
            Route::Token => self.config.clients.iter().flat_map(|c| c.allowed_origins.clone()).collect(),
            _ => self.config.module_origins.clone(),
        };
        let cors = cors::decide(request, &allowed);
        if cors::is_preflight(request) {
            return self.preflight(request, &route, &cors);
        }
        if let Cors::Denied(_) = cors {
            return self.problem(
                403,
                "Forbidden",
                "The resource does not support cross origin requests or the request origin is not authorized",
            );
        }
        let mut response = self.dispatch(request, &url, &route, now_ms);
        if let Cors::Allowed(origin) = &cors {
            if response.status < 400 || self.config.switches.errors_carry_cors {
                cors::add_actual_headers(&mut response, origin);
            }
        }
        response
    }

    fn route(&self, url: &HttpUrl) -> Route {
        let alias = self.config.alias.as_str();
        match url.segments().as_slice() {
            ["ords", a, "oauth", "token"] if *a == alias => Route::Token,
            ["ords", a, "hr", "employees"] if *a == alias => Route::Employees,
            ["ords", a, "hr", "employees", id] if *a == alias => Route::Employee(id.to_string()),
            _ => Route::Unknown,
        }
    }

    fn preflight(&mut self, request: &HttpRequest, route: &Route, cors: &Cors) -> HttpResponse {
        match (route, cors) {
            (Route::Unknown, _) => self.problem(404, "NotFound", "Not Found"),
            (Route::Token, _) if !self.config.switches.token_preflight => {
                self.problem(405, "MethodNotAllowed", "Method Not Allowed")
            }
            (_, Cors::Allowed(origin)) => cors::preflight_ok(request, origin, route.methods()),
            _ => self.problem(403, "Forbidden", "The request origin is not authorized"),
        }
    }

    fn dispatch(&mut self, request: &HttpRequest, url: &HttpUrl, route: &Route, now_ms: u64) -> HttpResponse {
        let expected = if *route == Route::Token { "POST" } else { "GET" };
        if *route == Route::Unknown {
            return self.problem(404, "NotFound", "Not Found");
        }
        if request.method != expected {
            return self.problem(405, "MethodNotAllowed", "Method Not Allowed");
        }
        let base = format!("{}/ords/{}", url.origin(), self.config.alias);
        match route {
            Route::Token => self.issue_token(request, now_ms),
            Route::Employees | Route::Employee(_) => {
                if let Err(refusal) = self.authorize(request, now_ms) {
                    return refusal;
                }
                match route {
                    Route::Employee(id) => {
                        hr::item(&base, id).unwrap_or_else(|| self.problem(404, "NotFound", "Not Found"))
                    }
                    _ => hr::collection(&base, &request.url, url.query.as_deref(), self.config.page_size),
                }
            }
            Route::Unknown => unreachable!("handled above"),
        }
    }

    fn issue_token(&mut self, request: &HttpRequest, now_ms: u64) -> HttpResponse {
        match token::check_token_request(&self.config, request) {
            Ok(client) => {
                let (client_id, lifetime) = (client.client_id.clone(), client.token_lifetime_s);
                let token = self.rng.token();
                let issued =
                    Issued { client_id, alias: self.config.alias.clone(), expires_at_ms: now_ms + lifetime * 1000 };
                self.tokens.insert(token.clone(), issued, now_ms);
                token::grant_response(&token, lifetime)
            }
            Err(refusal) => {
                let ecid = self.rng.ecid();
                token::refusal_response(&self.config, refusal, &ecid)
            }
        }
    }

    /// ORDS answers every authorization failure on a resource with 401.
    fn authorize(&mut self, request: &HttpRequest, now_ms: u64) -> Result<(), HttpResponse> {
        let header = request.header("Authorization").unwrap_or("").trim();
        let has_role = |roles: &[String]| roles.iter().any(|r| r == HR_ROLE);
        if let Some(token) = header.strip_prefix("Bearer ").or_else(|| header.strip_prefix("bearer ")) {
            let alias = self.config.alias.clone();
            let ok = self.tokens.live(token.trim(), now_ms).is_some_and(|issued| {
                issued.alias == alias
                    && self.config.clients.iter().any(|c| c.client_id == issued.client_id && has_role(&c.roles))
            });
            if ok {
                return Ok(());
            }
            let mut refusal = self.problem(401, "Unauthorized", "Unauthorized");
            refusal.headers.push(("WWW-Authenticate".into(), BEARER_CHALLENGE.into()));
            return Err(refusal);
        }
        if let Some((user, password)) = decode_basic(header) {
            let ok = self.config.users.iter().any(|u| u.name == user && u.password == password && has_role(&u.roles));
            if ok {
                return Ok(());
            }
        }
        Err(self.problem(401, "Unauthorized", "Unauthorized"))
    }

    fn problem(&mut self, status: u16, code: &str, message: &str) -> HttpResponse {
        let ecid = self.rng.ecid();
        problem(status, code, message, &ecid)
    }
}

/// How many rows the demo employees collection holds.
pub fn employee_count() -> usize {
    hr::employee_count()
}
