//! The requests of a paste, told apart (the token request; the call with the token; the call
//! with Basic), turned into the form's settings, each said as a note. Secrets are said masked.

use super::{Fill, Note, Sent};
use crate::call::Method;
use crate::config::Flow;
use crate::encode::{decode_basic, parse_form};
use crate::secret::{AccessToken, ClientSecret, Password};
use crate::settings::{ClientAuth, ExtraParam, ParamPlace};
use crate::MASK;

/// True for the token request: POST to `…/oauth/token`, or a body with `grant_type`.
pub(crate) fn is_token_request(s: &Sent) -> bool {
    let path = s.url.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
    s.by_database || path.ends_with("/oauth/token") || s.body.as_deref().is_some_and(|b| b.contains("grant_type"))
}

/// The value of header `name` (any case).
pub(crate) fn header<'a>(s: &'a Sent, name: &str) -> Option<&'a str> {
    s.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// Headers the page sends itself, or must never send: not copied into the form.
fn is_own_header(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    matches!(n.as_str(), "authorization" | "accept" | "content-type" | "content-length" | "host" | "user-agent")
        || n.starts_with("access-control-")
        || n == "origin"
}

pub(super) fn assemble(sent: &[Sent], fill: &mut Fill, notes: &mut Vec<Note>) {
    let token = sent.iter().find(|s| is_token_request(s));
    let calls: Vec<&Sent> = sent.iter().filter(|s| !is_token_request(s)).collect();
    let bearer = calls.iter().find(|s| header(s, "authorization").is_some_and(|a| starts_with_ci(a, "bearer ")));
    let basic = calls
        .iter()
        .find(|s| s.user.is_some() || header(s, "authorization").is_some_and(|a| starts_with_ci(a, "basic ")));
    if let Some(t) = token {
        token_request(t, fill, notes);
    }
    let call = bearer.or(basic).or(calls.first()).copied();
    if let Some(c) = call {
        resource_call(c, token.is_some(), fill, notes);
    }
    let same = |a: Option<&&Sent>, b: &Sent| a.is_some_and(|a| std::ptr::eq(*a, b));
    for extra in &calls {
        // Compare both: the same call with Basic is the second half, not a further request.
        if call.is_some_and(|c| std::ptr::eq(c, *extra)) || bearer.is_some() && same(basic, extra) {
            continue;
        }
        notes.push(Note::ignored(extra.line, format!("A further request ({}): the form holds one call.", extra.url)));
    }
    let flow = match (token.is_some() || bearer.is_some(), basic.is_some()) {
        (true, true) => Some(Flow::Compare),
        (false, true) => Some(Flow::Basic),
        (true, false) => Some(Flow::OAuth2),
        (false, false) if fill.par_url.is_some() => Some(Flow::Par),
        (false, false) => None,
    };
    if let Some(flow) = flow {
        notes.push(Note::taken(token.or(call).map_or(1, |s| s.line), format!("Authentication: {}.", flow.label())));
        fill.flow = Some(flow);
    }
    if let Some(b) = basic.filter(|b| !call.is_some_and(|c| std::ptr::eq(c, **b))) {
        basic_credentials(b, fill, notes);
    }
}

fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

fn token_request(t: &Sent, fill: &mut Fill, notes: &mut Vec<Note>) {
    let line = t.line;
    let (base, query) = t.url.split_once('?').unwrap_or((&t.url, ""));
    notes.push(Note::taken(line, format!("Token URL: {base}")));
    fill.token_url = Some(base.to_owned());
    let mut extra: Vec<ExtraParam> = Vec::new();
    for (name, value) in parse_form(query).unwrap_or_default() {
        notes.push(Note::taken(line, format!("Token parameter in the query: {name}")));
        extra.push(ExtraParam { name, value, place: ParamPlace::Query });
    }
    if let Some((id, secret)) = &t.user {
        client(id, secret.as_deref(), ClientAuth::BasicHeader, "--user", t, fill, notes);
    } else if let Some((id, secret)) = header(t, "authorization").and_then(decode_basic) {
        client(&id, Some(&secret), ClientAuth::BasicHeader, "the Basic header", t, fill, notes);
    }
    let fields = t.body.as_deref().map(|b| body_fields(b, t.json)).unwrap_or_default();
    let field = |name: &str| fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    if let Some(id) = field("client_id") {
        client(&id, field("client_secret").as_deref(), ClientAuth::RequestBody, "the body", t, fill, notes);
    }
    for (name, value) in &fields {
        match name.as_str() {
            "grant_type" | "client_id" | "client_secret" => {}
            "scope" => {
                notes.push(Note::taken(line, format!("Scope: {value}")));
                fill.scope = Some(value.clone());
            }
            _ => {
                notes.push(Note::taken(line, format!("Token parameter in the body: {name}")));
                extra.push(ExtraParam { name: name.clone(), value: value.clone(), place: ParamPlace::Body });
            }
        }
    }
    for (name, value) in t.headers.iter().filter(|(n, _)| !is_own_header(n)) {
        notes.push(Note::taken(line, format!("Token request header: {name}")));
        extra.push(ExtraParam { name: name.clone(), value: value.clone(), place: ParamPlace::Header });
    }
    fill.extra = Some(extra);
}

/// A body's fields: form-encoded, or a JSON object's strings (a mistake the checks name).
fn body_fields(body: &str, json: bool) -> Vec<(String, String)> {
    let trimmed = body.trim_start();
    if json || trimmed.starts_with('{') {
        let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(body) else {
            return Vec::new();
        };
        return map.into_iter().filter_map(|(k, v)| Some((k, v.as_str()?.to_owned()))).collect();
    }
    parse_form(body).unwrap_or_default()
}

/// True for a secret that is only a variable's name (`$CLIENT_SECRET`, `${PASS}`): the paste
/// does not hold its value.
fn is_reference(value: &str, unknown: &[String]) -> bool {
    let Some(name) = value.strip_prefix('$') else { return false };
    let name = name.strip_prefix('{').map_or(name, |n| n.split(['}', ':', '?', '-']).next().unwrap_or_default());
    unknown.iter().any(|u| u == name)
}

fn client(
    id: &str,
    secret: Option<&str>,
    auth: ClientAuth,
    from: &str,
    t: &Sent,
    fill: &mut Fill,
    notes: &mut Vec<Note>,
) {
    let line = t.line;
    notes.push(Note::taken(line, format!("Client ID: {id} (from {from})")));
    fill.client_id = Some(id.to_owned());
    notes.push(Note::taken(line, format!("Client authentication: {}", auth.label())));
    fill.client_auth = Some(auth);
    match secret {
        Some(s) if is_reference(s, &t.unknown) => notes.push(Note::ignored(
            line,
            format!("Client secret: {s}, which the paste does not set: type it in Client secret."),
        )),
        Some(s) if !s.is_empty() => {
            notes.push(Note::taken(line, format!("Client secret: {MASK} (kept in memory only, masked)")));
            fill.client_secret = Some(ClientSecret::new(s));
        }
        _ => notes.push(Note::ignored(line, "No client secret in the paste: type it in Client secret.")),
    }
}

fn resource_call(c: &Sent, has_token_request: bool, fill: &mut Fill, notes: &mut Vec<Note>) {
    let line = c.line;
    // A pre-authenticated URL holds its credential: a secret field, never Resource URL.
    match crate::par::ParUrl::parse(&c.url) {
        Ok(par) => {
            notes.push(Note::taken(line, format!("Pre-authenticated URL: {} (kept in memory only)", par.masked())));
            fill.par_url = Some(par);
        }
        Err(_) => {
            notes.push(Note::taken(line, format!("Resource URL: {}", c.url)));
            fill.resource_url = Some(c.url.clone());
        }
    }
    let method = match c.method.as_deref() {
        Some(m) => Method::parse(m).unwrap_or_else(|| {
            notes.push(Note::ignored(line, format!("Method {m}: not one the page sends; GET instead.")));
            Method::Get
        }),
        None if c.body.is_some() => Method::Post,
        None => Method::Get,
    };
    notes.push(Note::taken(line, format!("Method: {}", method.as_str())));
    fill.method = Some(method);
    let auth = header(c, "authorization").unwrap_or_default();
    if starts_with_ci(auth, "bearer ") {
        let token = auth[7..].trim();
        if has_token_request {
            notes.push(Note::ignored(
                line,
                "The Bearer token on the call: the page sends the one its token request gets.",
            ));
        } else if !token.is_empty() && !token.starts_with('$') {
            notes.push(Note::taken(line, format!("Use my own token: {MASK} (kept in memory only, masked)")));
            fill.own_token = Some(AccessToken::new(token));
        }
    } else if c.user.is_some() || starts_with_ci(auth, "basic ") {
        basic_credentials(c, fill, notes);
    }
    let headers: Vec<String> =
        c.headers.iter().filter(|(n, _)| !is_own_header(n)).map(|(n, v)| format!("{n}: {v}")).collect();
    if !headers.is_empty() {
        notes.push(Note::taken(line, format!("Request headers: {}", headers.len())));
    }
    fill.headers = Some(headers.join("\n"));
    if let Some(body) = &c.body {
        notes.push(Note::taken(line, format!("Body: {} characters", body.chars().count())));
    }
    fill.body = Some(c.body.clone().unwrap_or_default());
}

fn basic_credentials(c: &Sent, fill: &mut Fill, notes: &mut Vec<Note>) {
    let decoded = header(c, "authorization")
        .filter(|a| starts_with_ci(a, "basic "))
        .and_then(decode_basic)
        .map(|(u, p)| (u, Some(p)));
    let Some((user, password)) = c.user.clone().or(decoded) else { return };
    notes.push(Note::taken(c.line, format!("User: {user}")));
    fill.username = Some(user);
    match password.filter(|p| !p.is_empty() && !is_reference(p, &c.unknown)) {
        Some(p) => {
            notes.push(Note::taken(c.line, format!("Password: {MASK} (kept in memory only, masked)")));
            fill.password = Some(Password::new(p));
        }
        None => notes.push(Note::ignored(c.line, "No password in the paste: type it in Password.")),
    }
}
