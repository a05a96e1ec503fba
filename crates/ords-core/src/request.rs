//! Builds the requests of both flows as values.
//!
//! Each builder returns the request to send and a copy for the screen with every secret
//! masked. Masking happens here, on a copy, never on what goes over the wire. Each request
//! also says which credential it carries, so the page can ask before it goes somewhere new.

use crate::call::ResourceCall;
use crate::credential::Credential;
use crate::encode::{basic_authorization, form_encode};
use crate::field::FieldError;
use crate::held_token::HeldToken;
use crate::http::HttpRequest;
use crate::settings::{BasicSettings, ClientAuth, OAuthSettings, ParamPlace, TokenPlacement};
use crate::url::with_query;
use crate::{demo, MASK};

const FORM: &str = "application/x-www-form-urlencoded";

/// A request ready to send, the same request with secrets masked for display, and the
/// credential it carries (`None` for none, or only the demo's public ones).
#[derive(Clone, PartialEq, Eq)]
pub struct PreparedRequest {
    pub wire: HttpRequest,
    pub shown: HttpRequest,
    pub credential: Option<Credential>,
}

impl std::fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedRequest").field("shown", &self.shown.to_text()).finish_non_exhaustive()
    }
}

impl PreparedRequest {
    fn both(f: impl Fn(&mut HttpRequest, bool), base: HttpRequest, credential: Option<Credential>) -> Self {
        let (mut wire, mut shown) = (base.clone(), base);
        f(&mut wire, false);
        f(&mut shown, true);
        Self { wire, shown, credential }
    }
}

fn refuse_if(problems: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The parts of the token request that are not secret, built once for the request itself and
/// for the generated code: the URL (with query extras), the form pairs up to the client
/// secret, and the headers other than `Authorization`.
pub struct TokenForm<'a> {
    pub url: String,
    pub pairs: Vec<(&'a str, &'a str)>,
    pub headers: Vec<(String, String)>,
}

pub fn token_form(s: &OAuthSettings) -> TokenForm<'_> {
    let in_place = |place: ParamPlace| s.extra.iter().filter(move |p| p.place == place);
    let query: Vec<(&str, &str)> = in_place(ParamPlace::Query).map(|p| (p.name.as_str(), p.value.as_str())).collect();
    let mut pairs: Vec<(&str, &str)> = vec![("grant_type", "client_credentials")];
    if !s.scope.trim().is_empty() {
        pairs.push(("scope", s.scope.trim()));
    }
    pairs.extend(in_place(ParamPlace::Body).map(|p| (p.name.as_str(), p.value.as_str())));
    if s.client_auth == ClientAuth::RequestBody {
        pairs.push(("client_id", &s.client_id));
    }
    let mut headers = vec![("Content-Type".to_owned(), FORM.to_owned()), ("Accept".into(), "application/json".into())];
    headers.extend(in_place(ParamPlace::Header).map(|p| (p.name.clone(), p.value.clone())));
    TokenForm { url: with_query(&s.token_url, &query), pairs, headers }
}

fn form(pairs: &[(&str, &str)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v))).collect::<Vec<_>>().join("&")
}

/// `POST <Token URL>` with `grant_type=client_credentials`, the client authenticated as
/// chosen, then scope and extra parameters where each one goes.
pub fn token_request(s: &OAuthSettings) -> Result<PreparedRequest, Vec<FieldError>> {
    refuse_if(s.problems())?;
    let parts = token_form(s);
    let mut base = HttpRequest::new("POST", &parts.url);
    let basic = s.client_auth == ClientAuth::BasicHeader;
    if basic {
        base.headers.push(("Authorization".into(), String::new()));
    }
    base.headers.extend(parts.headers.iter().cloned());
    let (id, secret) = if s.encode_credentials {
        (form_encode(&s.client_id), form_encode(s.client_secret.secret()))
    } else {
        (s.client_id.clone(), s.client_secret.secret().to_owned())
    };
    let public = s.client_secret.secret() == demo::CLIENT_SECRET;
    let credential = (!public).then_some(Credential::ClientSecret);
    Ok(PreparedRequest::both(
        |r, masked| {
            if basic {
                r.headers[0].1 =
                    if masked { format!("Basic base64({id}:{MASK})") } else { basic_authorization(&id, &secret) };
            }
            r.body = form(&parts.pairs);
            if !basic {
                let value = if masked { MASK.to_owned() } else { form_encode(s.client_secret.secret()) };
                r.body.push_str(&format!("&client_secret={value}"));
            }
        },
        base,
        credential,
    ))
}

/// The call's method, URL, headers and body; JSON bodies get `Content-Type: application/json`.
fn call_base(call: &ResourceCall) -> HttpRequest {
    let mut r = HttpRequest::new(call.method.as_str(), &call.url);
    // An Accept of the call's own replaces the default (two would be merged by fetch).
    if !call.headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("accept")) {
        r.headers.push(("Accept".into(), "application/json".into()));
    }
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
    token: &HeldToken,
    placement: &TokenPlacement,
) -> Result<PreparedRequest, Vec<FieldError>> {
    let mut problems = call.problems();
    problems.extend(placement.problems());
    refuse_if(problems)?;
    let secret = token.access_token.secret();
    let credential = Some(Credential::AccessToken { issuer: token.issuer.clone() });
    Ok(PreparedRequest::both(
        |r, masked| {
            let value = if masked { MASK } else { secret };
            match placement {
                TokenPlacement::Header { name, prefix } => {
                    let text = if prefix.is_empty() { value.to_owned() } else { format!("{prefix} {value}") };
                    r.headers.push((name.clone(), text));
                }
                // The mask is written as is (not form-encoded), so the screen shows it.
                TokenPlacement::Query { name } if masked => {
                    r.url = format!("{}{MASK}", crate::url::query_lead(&call.url, name));
                    if let Some((_, fragment)) = call.url.split_once('#') {
                        r.url = format!("{}#{fragment}", r.url);
                    }
                }
                TokenPlacement::Query { name } => r.url = with_query(&call.url, &[(name, value)]),
            }
        },
        call_base(call),
        credential,
    ))
}

/// The protected call with `Authorization: Basic base64(utf8(user:password))` (RFC 7617).
pub fn basic_request(call: &ResourceCall, s: &BasicSettings) -> Result<PreparedRequest, Vec<FieldError>> {
    let mut problems = s.problems();
    problems.extend(call.problems());
    refuse_if(problems)?;
    let public = s.password.secret() == demo::PASSWORD;
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
        (!public).then_some(Credential::Password),
    ))
}

/// The call through a pre-authenticated URL: no credentials but the token inside the URL,
/// which the copy for the screen masks.
pub fn par_request(call: &ResourceCall) -> Result<PreparedRequest, Vec<FieldError>> {
    let par = crate::par::ParUrl::parse(&call.url)
        .map_err(|e| vec![FieldError { field: crate::field::Field::ParUrl, message: e.to_string() }])?;
    refuse_if(call.problems().into_iter().filter(|p| p.field != crate::field::Field::ResourceUrl).collect())?;
    let public = par.token.secret() == demo::PAR_TOKEN;
    let mut request = PreparedRequest::both(|_, _| {}, call_base(call), (!public).then_some(Credential::ParUrl));
    request.shown.url = par.masked();
    Ok(request)
}

/// A request with no credentials of any kind (discovery documents, the MCP server's first call).
pub fn open_request(call: &ResourceCall) -> Result<PreparedRequest, Vec<FieldError>> {
    refuse_if(call.problems())?;
    Ok(PreparedRequest::both(|_, _| {}, call_base(call), None))
}

#[cfg(test)]
mod tests;
