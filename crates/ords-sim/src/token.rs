//! The OAuth2 token endpoint and the store of issued tokens.

use crate::config::{ClientConfig, SimConfig, TokenErrorDialect};
use crate::json::{object, string};
use crate::problem::{html_page, oauth_error, problem, respond};
use ords_core::{decode_basic, parse_form, HttpRequest, HttpResponse};
use std::collections::HashMap;

/// Issued tokens are capped so a load test or a loop cannot grow memory without bound.
pub const MAX_TOKENS: usize = 50_000;

/// What ORDS remembers about an issued token.
#[derive(Clone, Debug)]
pub struct Issued {
    pub client_id: String,
    pub alias: String,
    pub expires_at_ms: u64,
}

/// Issued tokens by value.
#[derive(Debug, Default)]
pub struct TokenStore {
    tokens: HashMap<String, Issued>,
}

impl TokenStore {
    pub fn insert(&mut self, token: String, issued: Issued, now_ms: u64) {
        if self.tokens.len() >= MAX_TOKENS {
            self.tokens.retain(|_, t| t.expires_at_ms > now_ms);
        }
        if self.tokens.len() >= MAX_TOKENS {
            let oldest = self.tokens.iter().min_by_key(|(_, t)| t.expires_at_ms).map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                self.tokens.remove(&oldest);
            }
        }
        self.tokens.insert(token, issued);
    }

    /// The token if it exists and has not expired; an expired one is forgotten.
    pub fn live(&mut self, token: &str, now_ms: u64) -> Option<&Issued> {
        if self.tokens.get(token).is_some_and(|t| t.expires_at_ms <= now_ms) {
            self.tokens.remove(token);
        }
        self.tokens.get(token)
    }

    pub fn count(&self) -> usize {
        self.tokens.len()
    }
}

/// The header `token-needs-header` requires on the token request.
pub const REQUIRED_HEADER: &str = "posserial";

/// Why the token endpoint refused, before the dialect decides how to say it.
pub enum TokenRefusal {
    BadClient,
    BadRequest(&'static str),
    UnsupportedGrant,
}

/// Writes a refusal in the configured dialect.
pub fn refusal_response(config: &SimConfig, refusal: TokenRefusal, ecid: &str) -> HttpResponse {
    let (status, code, message, oauth_code) = match refusal {
        TokenRefusal::BadClient => (401, "Unauthorized", "Unauthorized", "invalid_client"),
        TokenRefusal::BadRequest(why) => (400, "BadRequest", why, "invalid_request"),
        TokenRefusal::UnsupportedGrant => {
            (400, "BadRequest", "The grant_type is not supported", "unsupported_grant_type")
        }
    };
    match config.switches.token_error_dialect {
        TokenErrorDialect::OrdsProblemJson => problem(status, code, message, ecid),
        TokenErrorDialect::Rfc6749 => oauth_error(status, oauth_code, message),
        TokenErrorDialect::Html => html_page(status, message),
    }
}

/// Finds the client of this alias whose id and one of whose secrets match.
fn authenticate<'a>(config: &'a SimConfig, alias: &str, id: &str, secret: &str) -> Option<&'a ClientConfig> {
    config.clients.iter().find(|c| c.alias == alias && c.client_id == id && c.secrets.iter().any(|s| s == secret))
}

/// Checks the request at `alias`'s token URL and names the client, or says why not.
pub fn check_token_request<'a>(
    config: &'a SimConfig,
    request: &HttpRequest,
    alias: &str,
) -> Result<&'a ClientConfig, TokenRefusal> {
    let form = parse_form(&request.body).ok_or(TokenRefusal::BadRequest("The request body is not a valid form"))?;
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    if config.switches.token_header_required && request.header(REQUIRED_HEADER).is_none_or(|v| v.trim().is_empty()) {
        return Err(TokenRefusal::BadRequest("The posserial request header is required"));
    }
    let credentials = match request.header("Authorization").and_then(decode_basic) {
        Some(_) if config.switches.body_credentials_only => return Err(TokenRefusal::BadClient),
        Some(pair) => Some(pair),
        None if config.switches.body_client_auth => {
            field("client_id").zip(field("client_secret")).map(|(i, s)| (i.to_owned(), s.to_owned()))
        }
        None => None,
    };
    let (id, secret) = credentials.ok_or(TokenRefusal::BadClient)?;
    let client = authenticate(config, alias, &id, &secret).ok_or(TokenRefusal::BadClient)?;
    match field("grant_type") {
        None => Err(TokenRefusal::BadRequest("The grant_type parameter is missing")),
        Some("client_credentials") => Ok(client),
        Some(_) => Err(TokenRefusal::UnsupportedGrant),
    }
}

/// The success body, exactly as ORDS writes it.
pub fn grant_response(token: &str, lifetime_s: u64) -> HttpResponse {
    let body = object(&[
        ("access_token", string(token)),
        ("token_type", string("bearer")),
        ("expires_in", lifetime_s.to_string()),
    ]);
    let mut r = respond(200, "application/json", body);
    r.headers.push(("X-Frame-Options".into(), "SAMEORIGIN".into()));
    r
}
