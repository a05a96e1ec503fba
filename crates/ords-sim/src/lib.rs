//! A sans-IO model of ORDS: `handle(request, now) -> response`. The native `ords-sim` server
//! and the page's in-browser demo transport both wrap this one model.
//!
//! Behaviour follows `docs/ords-behaviour.md`: documented facts by default, switches (see
//! [`Switches`]) where ORDS's behaviour is not known for sure. No request can make it panic:
//! numbers from requests saturate, and `tests/hostile_requests.rs` and `tests/hostile_clients.rs`
//! feed it arbitrary requests and misbehaving clients.

pub mod browser;
mod catalog;
#[cfg(feature = "server")]
pub mod cli;
mod collection;
mod config;
#[cfg(feature = "server")]
pub mod config_file;
mod cors;
#[cfg(feature = "server")]
pub mod doc_root;
mod hr;
pub mod idp;
#[cfg(feature = "jwt")]
pub mod idp_keys;
mod json;
// The MCP server needs the identity provider's tokens: native only, like it (7 KB in the helper).
#[cfg(feature = "jwt")]
mod mcp;
mod notes;
pub mod par;
mod problem;
pub mod proxy;
pub mod request_log;
mod rng;
mod routes;
pub mod scenarios;
mod security;
#[cfg(feature = "server")]
pub mod server;
mod token;

pub use config::{
    ClientConfig, CorsMode, ErrorFormat, Privilege, SimConfig, Switches, TokenErrorDialect, UserConfig, DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET, DEMO_ORIGINS, DEMO_USER, HR_ROLE,
};
pub use hr::Employee;
pub use security::pattern_matches;
pub use token::MAX_TOKENS;

use cors::Cors;
use ords_core::{HttpRequest, HttpResponse, HttpUrl};
use rng::Rng;
use routes::Route;
use security::Refusal;
use token::{Issued, TokenStore};

/// `WWW-Authenticate` on Bearer failures, as ORDS 24.2 sends it.
pub const BEARER_CHALLENGE: &str = "Bearer realm=\"Oracle REST Data Services\", error=\"invalid_token\"";
/// `WWW-Authenticate` on Basic failures, when that switch is on (not captured from ORDS).
pub const BASIC_CHALLENGE: &str = "Basic realm=\"Oracle REST Data Services\"";

/// The simulated ORDS instance with its issued tokens and notes.
#[derive(Debug)]
pub struct Sim {
    config: SimConfig,
    tokens: TokenStore,
    notes: notes::Notes,
    rng: Rng,
    pars: Vec<par::Par>,
}

impl Sim {
    /// A simulator with this configuration; `seed` drives token and ecid generation.
    pub fn new(config: SimConfig, seed: u64) -> Self {
        Self {
            config,
            tokens: TokenStore::default(),
            notes: notes::Notes::default(),
            rng: Rng::new(seed),
            pars: Vec::new(),
        }
        .with_demo_par()
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
            return self.error(request, 400, "BadRequest", "The request URL is not valid");
        };
        if let Some(answer) = self.proxy_redirect(request, &url) {
            return answer;
        }
        #[cfg(feature = "jwt")]
        if let Some(answer) = mcp::answer(&self.config, request, &url.path, now_ms) {
            return answer;
        }
        if let Some(answer) = idp::answer(&self.config, request, &url.path, now_ms) {
            return answer;
        }
        if let Some(answer) = self.par_answer(request, &url, now_ms) {
            return answer;
        }
        let Some(target) = routes::route(&url.path, |a| self.config.serves_alias(a)) else {
            return self.error(request, 404, "NotFound", "Not Found");
        };
        self.answer_as(request, &url, &target, now_ms, false)
    }

    /// A new opaque token (OAuth tokens and PARs alike).
    fn new_token(&mut self) -> String {
        self.rng.token()
    }

    /// The handler's answer, CORS included; `by_par`: a pre-authenticated URL let it through
    /// with no credentials.
    fn answer_as(
        &mut self,
        request: &HttpRequest,
        url: &HttpUrl,
        target: &routes::Target,
        now_ms: u64,
        by_par: bool,
    ) -> HttpResponse {
        let cors = self.cors_decision(request, &target.route);
        if cors::is_preflight(request) {
            return self.preflight(request, &target.route, &cors);
        }
        if let Cors::Denied(_) = cors {
            let message = "The resource does not support cross origin requests or the request origin is not authorized";
            return self.error(request, 403, "Forbidden", message);
        }
        let mut response = self.dispatch(request, url, target, now_ms, by_par);
        if let Cors::Allowed(origin) = &cors {
            if response.status < 400 || self.config.switches.errors_carry_cors {
                cors::add_actual_headers(&mut response, origin);
            }
        }
        response
    }

    /// The proxy's `301`, when the switch is on and it redirects this URL; with the CORS
    /// headers an allowed origin would get from ORDS behind it.
    fn proxy_redirect(&self, request: &HttpRequest, url: &HttpUrl) -> Option<HttpResponse> {
        let serves = |a: &str| self.config.serves_alias(a);
        let routes = |path: &str| routes::route(path, serves).is_some_and(|t| t.route != Route::Unknown);
        let location = proxy::location(self.config.switches.proxy_redirect, &request.url, url, routes)?;
        let mut response = HttpResponse {
            status: 301,
            reason: "Moved Permanently".into(),
            headers: vec![("Location".into(), location), ("Content-Type".into(), "text/html".into())],
            body: "<html><body><h1>301 Moved Permanently</h1></body></html>".into(),
        };
        // The origins of the handler the request is on its way to.
        let handler = |path: &str| routes::route(path, serves).map(|t| t.route).filter(|r| *r != Route::Unknown);
        let route = handler(&url.path).or_else(|| handler(&format!("{}/", url.path))).unwrap_or(Route::Unknown);
        if let Cors::Allowed(origin) = self.cors_decision(request, &route) {
            cors::add_actual_headers(&mut response, &origin);
        }
        Some(response)
    }

    fn cors_decision(&self, request: &HttpRequest, route: &Route) -> Cors {
        match self.config.switches.cors_mode {
            CorsMode::EchoAll => cors::decide(request, &[request.header("Origin").unwrap_or("").to_owned()]),
            CorsMode::Off => cors::decide(request, &[]),
            CorsMode::AllowList if *route == Route::Token => {
                let allowed: Vec<String> = self.config.clients.iter().flat_map(|c| c.allowed_origins.clone()).collect();
                cors::decide(request, &allowed)
            }
            CorsMode::AllowList => cors::decide(request, &self.config.module_origins),
        }
    }

    fn preflight(&mut self, request: &HttpRequest, route: &Route, cors: &Cors) -> HttpResponse {
        match (route, cors) {
            (Route::Unknown, _) => self.error(request, 404, "NotFound", "Not Found"),
            (Route::Token, _) if !self.config.switches.token_preflight => {
                self.error(request, 405, "MethodNotAllowed", "Method Not Allowed")
            }
            (_, Cors::Allowed(origin)) => {
                let mut r = cors::preflight_ok(request, origin, &route.allow_methods());
                if let Some(age) = self.config.switches.preflight_max_age {
                    r.headers.push(("Access-Control-Max-Age".into(), age.to_string()));
                }
                r
            }
            _ => self.error(request, 403, "Forbidden", "The request origin is not authorized"),
        }
    }

    fn dispatch(
        &mut self,
        request: &HttpRequest,
        url: &HttpUrl,
        target: &routes::Target,
        now: u64,
        by_par: bool,
    ) -> HttpResponse {
        let route = &target.route;
        if *route == Route::Unknown {
            return self.error(request, 404, "NotFound", "Not Found");
        }
        if !route.methods().contains(&request.method.as_str()) {
            let mut r = self.error(request, 405, "MethodNotAllowed", "Method Not Allowed");
            r.headers.push(("Allow".into(), route.methods().join(", ")));
            return r;
        }
        if *route == Route::Token && !by_par {
            return self.issue_token(request, &target.alias, now);
        }
        if self.config.switches.account_locked {
            return self.error(request, 570, "AccountIsLocked", "The database account is locked");
        }
        if !by_par {
            let refusal =
                security::authorize(&self.config, &mut self.tokens, request, &target.alias, &target.path, now);
            if let Err(refusal) = refusal {
                return self.refuse(request, refusal);
            }
        }
        let base = format!("{}/ords/{}", url.origin(), target.alias);
        let query = url.query.as_deref();
        if route.is_collection() {
            if let Some(bad) = query.and_then(ords_core::bad_paging) {
                let ecid = self.rng.ecid();
                return problem::bad_request(&format!("The value of {bad} is not a whole number of rows"), &ecid);
            }
        }
        let mut response = self.resource(request, route, &base, query);
        if request.method == "GET" && response.status == 200 {
            collection::not_modified(request, &mut response);
        }
        response
    }

    fn resource(&mut self, request: &HttpRequest, route: &Route, base: &str, query: Option<&str>) -> HttpResponse {
        let all = &self.config.employees;
        let employees = |range| hr::employees(all, range);
        let page = |total, rows, collection: &str, described: &str, edit_link| collection::Page {
            total,
            rows,
            collection_url: format!("{base}/{collection}"),
            describedby: format!("{base}/metadata-catalog/{described}"),
            self_url: &request.url,
            query,
            page_size: self.config.page_size,
            edit_link,
            prev_link: self.config.switches.prev_link,
        };
        let found = match route {
            Route::Employees if self.config.switches.handler_error => None,
            Route::Employees => {
                Some(collection::render(page(all.len(), &employees, "hr/employees/", "hr/employees/", false)))
            }
            Route::Departments => Some(collection::render(page(
                hr::DEPARTMENT_COUNT,
                &hr::departments,
                "hr/departments/",
                "hr/departments/",
                false,
            ))),
            Route::AutoRestEmployees => {
                Some(collection::render(page(all.len(), &employees, "employees/", "employees/", true)))
            }
            Route::Employee(id) => catalog::item(all, base, "hr/employees/", id, false),
            Route::AutoRestEmployee(id) => catalog::item(all, base, "employees/", id, true),
            Route::Catalog(path) => catalog::describe(base, path),
            Route::OpenApi(name) => {
                let config = &self.config;
                catalog::openapi(base, name, |path| !security::protecting(config, path).is_empty())
            }
            Route::Notes | Route::Note(_) => return self.notes(request, route, base),
            Route::Token | Route::Unknown => None,
        };
        match (found, route) {
            (Some(r), _) => r,
            (None, Route::Employees) => self.error(
                request,
                555,
                "UserDefinedResourceError",
                "The request could not be processed because an error occurred whilst attempting to evaluate the \
                 SQL statement associated with this resource. SQL Error Code: 1476, Error Message: ORA-01476: \
                 divisor is equal to zero",
            ),
            (None, _) => self.error(request, 404, "NotFound", "Not Found"),
        }
    }

    fn notes(&mut self, request: &HttpRequest, route: &Route, base: &str) -> HttpResponse {
        let result = match (route, request.method.as_str()) {
            (Route::Notes, "POST") => self.notes.create(base, &request.body),
            (Route::Note(id), "GET") => self.notes.get(base, id),
            (Route::Note(id), "PUT") => self.notes.update(base, id, &request.body),
            (Route::Note(id), "DELETE") => self.notes.delete(id),
            _ => Ok(self.notes.list(base)),
        };
        result.unwrap_or_else(|e| match e {
            notes::NoteError::NotFound => self.error(request, 404, "NotFound", "Not Found"),
            notes::NoteError::BadBody(why) => self.error(request, 400, "BadRequest", why),
            notes::NoteError::Full => self.error(request, 507, "InsufficientStorage", "Too many notes"),
        })
    }

    fn issue_token(&mut self, request: &HttpRequest, alias: &str, now_ms: u64) -> HttpResponse {
        match token::check_token_request(&self.config, request, alias) {
            Ok(client) => {
                let (client_id, lifetime) = (client.client_id.clone(), client.token_lifetime_s);
                let token = self.rng.token();
                let expires_at_ms = now_ms.saturating_add(lifetime.saturating_mul(1000));
                let issued = Issued { client_id, alias: alias.to_owned(), expires_at_ms };
                self.tokens.insert(token.clone(), issued, now_ms);
                let mut r = token::grant_response(&token, lifetime);
                if self.config.switches.cache_no_store {
                    r.headers.push(("Cache-Control".into(), "no-store".into()));
                }
                r
            }
            Err(refusal) => {
                let ecid = self.rng.ecid();
                let mut r = token::refusal_response(&self.config, refusal, &ecid);
                if self.auto_html_for(request) {
                    r = problem::html_page(r.status, "Unauthorized");
                }
                r
            }
        }
    }

    /// ORDS answers authorization failures with 401 (403 for a missing role is a switch).
    fn refuse(&mut self, request: &HttpRequest, refusal: Refusal) -> HttpResponse {
        let status = match refusal {
            Refusal::NoRole { .. } => self.config.switches.no_role_status,
            _ => 401,
        };
        let (code, message) = if status == 403 { ("Forbidden", "Forbidden") } else { ("Unauthorized", "Unauthorized") };
        let mut r = self.error(request, status, code, message);
        let challenge = match refusal {
            Refusal::InvalidToken | Refusal::NoRole { bearer: true } => Some(BEARER_CHALLENGE),
            Refusal::Missing | Refusal::BadPassword if self.config.switches.basic_challenge => Some(BASIC_CHALLENGE),
            _ => None,
        };
        if let Some(challenge) = challenge.filter(|_| status == 401) {
            r.headers.push(("WWW-Authenticate".into(), challenge.into()));
        }
        r
    }

    /// `auto` with the unconfirmed switch on, for a browser's form POST: HTML.
    fn auto_html_for(&self, request: &HttpRequest) -> bool {
        let s = &self.config.switches;
        s.error_format == ErrorFormat::Auto && s.auto_html_form_posts && is_browser_form_post(request)
    }

    /// An ORDS error in the configured `error.responseFormat`.
    fn error(&mut self, request: &HttpRequest, status: u16, code: &str, message: &str) -> HttpResponse {
        let html = match self.config.switches.error_format {
            ErrorFormat::Json => false,
            ErrorFormat::Html => true,
            ErrorFormat::Auto => request.header("Accept").is_some_and(prefers_html) || self.auto_html_for(request),
        };
        if html {
            return problem::html_page(status, message);
        }
        let ecid = self.rng.ecid();
        problem::problem(status, code, message, &ecid)
    }
}

/// A POST from a page (it carries `Origin`) with a form body: the browser's token request. A
/// draft ORDS guide says `auto` answers its errors as HTML (unconfirmed: a switch, off).
fn is_browser_form_post(request: &HttpRequest) -> bool {
    request.method == "POST"
        && request.header("Origin").is_some()
        && request.header("Content-Type").is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"))
}

/// True when an `Accept` header ranks HTML above JSON (a browser navigation, not fetch).
fn prefers_html(accept: &str) -> bool {
    let position = |needle: &str| accept.find(needle);
    match (position("text/html"), position("application/json")) {
        (Some(h), Some(j)) => h < j,
        (Some(_), None) => true,
        _ => false,
    }
}
