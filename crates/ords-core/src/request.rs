//! Builds the requests of both flows as values.
//!
//! Each builder returns the request to send and a copy for the screen with every secret
//! masked. Masking happens here, on a copy, never on what goes over the wire.

use crate::encode::{basic_authorization, form_body, form_encode};
use crate::http::HttpRequest;
use crate::secret::AccessToken;
use crate::settings::{resource_problems, BasicSettings, ClientAuth, FieldError, OAuthSettings};
use crate::MASK;

const FORM: &str = "application/x-www-form-urlencoded";

/// A request ready to send, plus the same request with secrets masked for display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedRequest {
    pub wire: HttpRequest,
    pub shown: HttpRequest,
}

/// `POST <Token URL>` with `grant_type=client_credentials`, client authenticated as chosen.
pub fn token_request(s: &OAuthSettings) -> Result<PreparedRequest, Vec<FieldError>> {
    let problems = s.problems();
    if !problems.is_empty() {
        return Err(problems);
    }
    let base = HttpRequest::new("POST", &s.token_url)
        .with_header("Content-Type", FORM)
        .with_header("Accept", "application/json");
    let secret = s.client_secret.secret();
    let (wire, shown) = match s.client_auth {
        ClientAuth::BasicHeader => {
            let mut wire = base.clone();
            wire.headers.insert(0, ("Authorization".into(), basic_authorization(&s.client_id, secret)));
            wire.body = form_body(&[("grant_type", "client_credentials")]);
            let mut shown = base;
            let masked = format!("Basic base64({}:{MASK})", s.client_id);
            shown.headers.insert(0, ("Authorization".into(), masked));
            shown.body = wire.body.clone();
            (wire, shown)
        }
        ClientAuth::RequestBody => {
            let body = |secret_text: &str| {
                format!(
                    "{}&client_secret={secret_text}",
                    form_body(&[("grant_type", "client_credentials"), ("client_id", &s.client_id)])
                )
            };
            let mut wire = base.clone();
            wire.body = body(&form_encode(secret));
            let mut shown = base;
            shown.body = body(MASK);
            (wire, shown)
        }
    };
    Ok(PreparedRequest { wire, shown })
}

/// `GET <Resource URL>` with `Authorization: Bearer <token>`.
pub fn bearer_request(resource_url: &str, token: &AccessToken) -> Result<PreparedRequest, Vec<FieldError>> {
    let problems = resource_problems(resource_url);
    if !problems.is_empty() {
        return Err(problems);
    }
    let base = HttpRequest::new("GET", resource_url).with_header("Accept", "application/json");
    Ok(PreparedRequest {
        wire: base.clone().with_header("Authorization", format!("Bearer {}", token.secret())),
        shown: base.with_header("Authorization", format!("Bearer {MASK}")),
    })
}

/// `GET <Resource URL>` with `Authorization: Basic base64(utf8(user:password))` (RFC 7617).
pub fn basic_request(resource_url: &str, s: &BasicSettings) -> Result<PreparedRequest, Vec<FieldError>> {
    let mut problems = s.problems();
    problems.extend(resource_problems(resource_url));
    if !problems.is_empty() {
        return Err(problems);
    }
    let base = HttpRequest::new("GET", resource_url).with_header("Accept", "application/json");
    Ok(PreparedRequest {
        wire: base.clone().with_header("Authorization", basic_authorization(&s.username, s.password.secret())),
        shown: base.with_header("Authorization", format!("Basic base64({}:{MASK})", s.username)),
    })
}

#[cfg(test)]
mod tests;
