//! Builds the requests of both flows as values.
//!
//! Each builder returns the request to send and a copy for the screen with every secret
//! masked. Masking happens here, on a copy, never on what goes over the wire.

use crate::encode::{basic_authorization, form_encode};
use crate::http::HttpRequest;
use crate::options::{with_query, ParamPlace, ResourceCall, TokenPlacement};
use crate::secret::AccessToken;
use crate::settings::{BasicSettings, ClientAuth, FieldError, OAuthSettings};
use crate::MASK;

const FORM: &str = "application/x-www-form-urlencoded";

/// A request ready to send, plus the same request with secrets masked for display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedRequest {
    pub wire: HttpRequest,
    pub shown: HttpRequest,
}

impl PreparedRequest {
    fn both(f: impl Fn(&mut HttpRequest, bool), base: HttpRequest) -> Self {
        let (mut wire, mut shown) = (base.clone(), base);
        f(&mut wire, false);
        f(&mut shown, true);
        Self { wire, shown }
    }
}

fn refuse_if(problems: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Form body where the value at `secret` (if any) is masked on screen, not encoded.
fn form(pairs: &[(&str, &str)], secret: Option<usize>, masked: bool) -> String {
    let encode_value = |i: usize, v: &str| if masked && Some(i) == secret { MASK.to_owned() } else { form_encode(v) };
    pairs
        .iter()
        .enumerate()
        .map(|(i, (k, v))| format!("{}={}", form_encode(k), encode_value(i, v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `POST <Token URL>` with `grant_type=client_credentials`, the client authenticated as
/// chosen, then scope and extra parameters where each one goes.
pub fn token_request(s: &OAuthSettings) -> Result<PreparedRequest, Vec<FieldError>> {
    refuse_if(s.problems())?;
    let in_place = |place: ParamPlace| s.extra.iter().filter(move |p| p.place == place);
    let query: Vec<(&str, &str)> = in_place(ParamPlace::Query).map(|p| (p.name.as_str(), p.value.as_str())).collect();
    let mut pairs: Vec<(&str, &str)> = vec![("grant_type", "client_credentials")];
    if !s.scope.trim().is_empty() {
        pairs.push(("scope", s.scope.trim()));
    }
    pairs.extend(in_place(ParamPlace::Body).map(|p| (p.name.as_str(), p.value.as_str())));
    let mut secret_at = None;
    if s.client_auth == ClientAuth::RequestBody {
        pairs.push(("client_id", &s.client_id));
        secret_at = Some(pairs.len());
        pairs.push(("client_secret", s.client_secret.secret()));
    }
    let mut base = HttpRequest::new("POST", &with_query(&s.token_url, &query));
    if s.client_auth == ClientAuth::BasicHeader {
        base.headers.push(("Authorization".into(), String::new()));
    }
    base = base.with_header("Content-Type", FORM).with_header("Accept", "application/json");
    for p in in_place(ParamPlace::Header) {
        base.headers.push((p.name.clone(), p.value.clone()));
    }
    let (id, secret) = if s.encode_credentials {
        (form_encode(&s.client_id), form_encode(s.client_secret.secret()))
    } else {
        (s.client_id.clone(), s.client_secret.secret().to_owned())
    };
    Ok(PreparedRequest::both(
        |r, masked| {
            if s.client_auth == ClientAuth::BasicHeader {
                r.headers[0].1 =
                    if masked { format!("Basic base64({id}:{MASK})") } else { basic_authorization(&id, &secret) };
            }
            r.body = form(&pairs, secret_at, masked);
        },
        base,
    ))
}

/// The call's method, URL, headers and body; JSON bodies get `Content-Type: application/json`.
fn call_base(call: &ResourceCall) -> HttpRequest {
    let mut r = HttpRequest::new(&call.method, &call.url).with_header("Accept", "application/json");
    r.headers.extend(call.headers.iter().cloned());
    if !call.body.trim().is_empty() {
        if r.header("Content-Type").is_none() {
            r.headers.push(("Content-Type".into(), "application/json".into()));
        }
        r.body = call.body.clone();
    }
    r
}

/// The protected call with the access token placed as chosen (ORDS: `Authorization: Bearer …`).
pub fn bearer_request(
    call: &ResourceCall,
    token: &AccessToken,
    placement: &TokenPlacement,
) -> Result<PreparedRequest, Vec<FieldError>> {
    let mut problems = call.problems();
    problems.extend(placement.problems());
    refuse_if(problems)?;
    Ok(PreparedRequest::both(
        |r, masked| {
            let value = if masked { MASK } else { token.secret() };
            match placement {
                TokenPlacement::Header { name, prefix } => {
                    let text = if prefix.is_empty() { value.to_owned() } else { format!("{prefix} {value}") };
                    r.headers.push((name.clone(), text));
                }
                TokenPlacement::Query { name } if masked => {
                    r.url = format!("{}{}{name}={MASK}", call.url, sep(&call.url))
                }
                TokenPlacement::Query { name } => r.url = with_query(&call.url, &[(name, value)]),
            }
        },
        call_base(call),
    ))
}

fn sep(url: &str) -> char {
    if url.contains('?') {
        '&'
    } else {
        '?'
    }
}

/// The protected call with `Authorization: Basic base64(utf8(user:password))` (RFC 7617).
pub fn basic_request(call: &ResourceCall, s: &BasicSettings) -> Result<PreparedRequest, Vec<FieldError>> {
    let mut problems = s.problems();
    problems.extend(call.problems());
    refuse_if(problems)?;
    Ok(PreparedRequest::both(
        |r, masked| {
            let value = if masked {
                format!("Basic base64({}:{MASK})", s.username)
            } else {
                basic_authorization(&s.username, s.password.secret())
            };
            r.headers.push(("Authorization".into(), value));
        },
        call_base(call),
    ))
}

#[cfg(test)]
mod tests;
