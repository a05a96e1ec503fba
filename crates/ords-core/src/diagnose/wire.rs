//! The diagnosis's inputs and answers as JSON, so it can run in the page's helper (a worker)
//! rather than in the first load: the page sends the form's facts and the run's exchanges, the
//! helper answers with findings.
//! Bodies over [`MAX_BODY`] are cut at a character boundary: what the diagnosis reads of a body
//! (error codes, whether it is JSON or a collection) is in small bodies, and a cut body only
//! means fewer findings, never a wrong one.

use super::{CorsFixes, Finding, FindingId, Inputs, Probe, RunFacts, Severity};
use crate::call::Method;
use crate::closed::Closed;
use crate::config::Flow;
use crate::exchange::{Exchange, Received, Step, TimedBy, TransportError};
use crate::flow::{Purpose, TimelineEntry};
use crate::http::{HttpRequest, HttpResponse};
use crate::jwt_profile::{Jwks, JwtProfile};
use crate::request::PreparedRequest;
use crate::secret::ClientSecret;
use crate::settings::ClientAuth;
use serde_json::{json, Value};
use std::borrow::Cow;

pub const MAX_BODY: usize = 1024 * 1024;

pub(crate) fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

pub(crate) fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

pub(crate) fn pairs(v: &Value, key: &str) -> Vec<(String, String)> {
    let list = v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    list.iter().filter_map(|p| Some((p.get(0)?.as_str()?.to_owned(), p.get(1)?.as_str()?.to_owned()))).collect()
}

/// The body cut at [`MAX_BODY`]; a credential the cut splits has its beginning masked.
fn cut<'a>(body: &'a str, secrets: &[String]) -> Cow<'a, str> {
    if body.len() <= MAX_BODY {
        return Cow::Borrowed(body);
    }
    let mut end = MAX_BODY;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    Cow::Owned(crate::mask_cut_text(&body[..end], secrets))
}

pub fn inputs_to_json(i: &Inputs) -> Value {
    json!({
        "page_origin": i.page_origin, "flow": i.flow.key(), "token_url": i.token_url,
        "resource_url": i.resource_url, "client_id": i.client_id, "client_secret": i.client_secret.secret(),
        "client_auth": i.client_auth.key(), "method": i.method.as_str(), "sends_json": i.sends_json,
        "extra_headers": i.extra_headers, "jwt_profile": profile_to_json(&i.jwt_profile), "jwks": jwks_to_json(&i.jwks),
        "token": i.token.secret(), "now_s": i.now_s,
    })
}

pub fn inputs_from_json(v: &Value) -> Inputs {
    let key = text(v, "flow");
    let auth = text(v, "client_auth");
    Inputs {
        page_origin: text(v, "page_origin"),
        flow: Flow::from_key(&key).unwrap_or_default(),
        token_url: text(v, "token_url"),
        resource_url: text(v, "resource_url"),
        client_id: text(v, "client_id"),
        client_secret: ClientSecret::new(text(v, "client_secret")),
        client_auth: ClientAuth::from_key(&auth).unwrap_or_default(),
        method: Method::parse(&text(v, "method")).unwrap_or(Method::Get),
        sends_json: flag(v, "sends_json"),
        extra_headers: flag(v, "extra_headers"),
        jwt_profile: profile_from_json(v.get("jwt_profile").unwrap_or(&Value::Null)),
        jwks: jwks_from_json(v.get("jwks").unwrap_or(&Value::Null)),
        token: crate::secret::AccessToken::new(text(v, "token")),
        now_s: v.get("now_s").and_then(Value::as_i64).unwrap_or(0),
    }
}

pub fn profile_to_json(p: &JwtProfile) -> Value {
    json!({
        "issuer": p.issuer, "audience": p.audience, "jwk_url": p.jwk_url, "skew": p.allowed_skew_s,
        "age": p.allowed_age_s, "role_claim": p.role_claim, "privilege": p.privilege,
        "level": p.level.key(), "pool_mode": p.pool_mode, "jwks_allowed": p.jwks_allowed,
    })
}

pub fn profile_from_json(v: &Value) -> JwtProfile {
    let seconds = |k: &str| v.get(k).and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok());
    JwtProfile {
        issuer: text(v, "issuer"),
        audience: text(v, "audience"),
        jwk_url: text(v, "jwk_url"),
        allowed_skew_s: seconds("skew"),
        allowed_age_s: seconds("age"),
        role_claim: text(v, "role_claim"),
        privilege: text(v, "privilege"),
        level: crate::jwt_profile::ProfileLevel::from_key(&text(v, "level")).unwrap_or_default(),
        pool_mode: flag(v, "pool_mode"),
        jwks_allowed: text(v, "jwks_allowed"),
    }
}

pub fn jwks_to_json(j: &Jwks) -> Value {
    match j {
        Jwks::Unknown => Value::Null,
        Jwks::Kids(kids) => json!({ "kids": kids }),
        Jwks::Unfetchable { why } => json!({ "why": why }),
    }
}

pub fn jwks_from_json(v: &Value) -> Jwks {
    match (v.get("kids").and_then(Value::as_array), v.get("why").and_then(Value::as_str)) {
        (Some(kids), _) => Jwks::Kids(kids.iter().filter_map(Value::as_str).map(str::to_owned).collect()),
        (None, Some(why)) => Jwks::Unfetchable { why: why.to_owned() },
        _ => Jwks::Unknown,
    }
}

const PROBES: [(Probe, &str); 3] =
    [(Probe::NotProbed, "none"), (Probe::Unreachable, "unreachable"), (Probe::ReachableWithoutCors, "no-cors")];

pub fn facts_to_json(f: RunFacts) -> Value {
    let probe = PROBES.iter().find(|(p, _)| *p == f.probe).map_or("none", |(_, k)| k);
    json!({ "probe": probe, "token_expired": f.token_expired })
}

pub fn facts_from_json(v: &Value) -> RunFacts {
    let key = text(v, "probe");
    let probe = PROBES.iter().find(|(_, k)| *k == key).map_or(Probe::NotProbed, |(p, _)| *p);
    RunFacts { probe, token_expired: flag(v, "token_expired") }
}

fn request_json(r: &HttpRequest, secrets: &[String]) -> Value {
    request_with_body(r, &cut(&r.body, secrets))
}

/// The request with `body` in place of its own (the helper's simulator gets it whole).
pub(crate) fn request_with_body(r: &HttpRequest, body: &str) -> Value {
    json!({ "method": r.method, "url": r.url, "headers": r.headers, "body": body })
}

pub(crate) fn request_from(v: &Value) -> HttpRequest {
    HttpRequest { method: text(v, "method"), url: text(v, "url"), headers: pairs(v, "headers"), body: text(v, "body") }
}

const TIMINGS: [(TimedBy, &str); 3] =
    [(TimedBy::ResourceTiming, "resource-timing"), (TimedBy::PageClock, "page"), (TimedBy::Simulated, "simulated")];

/// A copy of the run's exchanges with bodies cut at [`MAX_BODY`] (what the helper is sent):
/// a 10 MB answer is not copied whole to be cut afterwards.
pub fn cut_timeline(timeline: &[TimelineEntry]) -> Vec<TimelineEntry> {
    let request = |r: &HttpRequest, secrets: &[String]| HttpRequest {
        method: r.method.clone(),
        url: r.url.clone(),
        headers: r.headers.clone(),
        body: cut(&r.body, secrets).into_owned(),
    };
    let entry = |e: &TimelineEntry| {
        let x = &e.exchange;
        let secrets = x.secrets();
        let result = match &x.result {
            Ok(r) => Ok(Received {
                response: HttpResponse {
                    status: r.response.status,
                    reason: r.response.reason.clone(),
                    headers: r.response.headers.clone(),
                    body: cut(&r.response.body, &secrets).into_owned(),
                },
                ..*r
            }),
            Err(e) => Err(e.clone()),
        };
        let prepared = PreparedRequest {
            wire: request(&x.request.wire, &secrets),
            shown: request(&x.request.shown, &secrets),
            credential: None,
        };
        TimelineEntry { purpose: e.purpose, exchange: Exchange { step: x.step, request: prepared, result } }
    };
    timeline.iter().map(entry).collect()
}

/// The run's exchanges (bodies cut at [`MAX_BODY`]).
pub fn timeline_to_json(timeline: &[TimelineEntry]) -> Value {
    let entry = |e: &TimelineEntry| {
        let x = &e.exchange;
        let secrets = x.secrets();
        let mut out = json!({
            "purpose": e.purpose.key(), "token_step": x.step == Step::Token,
            "wire": request_json(&x.request.wire, &secrets), "shown": request_json(&x.request.shown, &secrets),
        });
        out["result"] = match &x.result {
            Ok(r) => json!({
                "status": r.response.status, "reason": r.response.reason, "headers": r.response.headers,
                "body": cut(&r.response.body, &secrets), "elapsed_ms": r.elapsed_ms, "received_at_ms": r.received_at_ms,
                "timed_by": TIMINGS.iter().find(|(t, _)| *t == r.timed_by).map_or("page", |(_, k)| k),
            }),
            Err(TransportError::FetchFailed { detail }) => json!({ "error": "fetch-failed", "detail": detail }),
            Err(TransportError::Cancelled) => json!({ "error": "cancelled" }),
            Err(TransportError::TimedOut { after_ms }) => json!({ "error": "timed-out", "after_ms": after_ms }),
            Err(TransportError::Refused { detail }) => json!({ "error": "refused", "detail": detail }),
            Err(TransportError::NotSent { origin }) => json!({ "error": "not-sent", "origin": origin }),
            Err(TransportError::Simulator { detail }) => json!({ "error": "simulator", "detail": detail }),
            Err(TransportError::Redirected { target, preflight }) => {
                json!({ "error": "redirected", "target": target, "preflight": preflight })
            }
        };
        out
    };
    timeline.iter().map(entry).collect()
}

pub fn timeline_from_json(v: &Value) -> Vec<TimelineEntry> {
    let list = v.as_array().map(Vec::as_slice).unwrap_or_default();
    list.iter()
        .filter_map(|e| {
            let key = text(e, "purpose");
            let purpose = Purpose::from_key(&key)?;
            let r = e.get("result")?;
            let number = |k: &str| r.get(k).and_then(Value::as_f64).unwrap_or(0.0);
            let result = match r.get("error").and_then(Value::as_str) {
                None => Ok(Received {
                    response: HttpResponse {
                        status: r
                            .get("status")
                            .and_then(Value::as_u64)
                            .and_then(|s| u16::try_from(s).ok())
                            .unwrap_or(0),
                        reason: text(r, "reason"),
                        headers: pairs(r, "headers"),
                        body: text(r, "body"),
                    },
                    elapsed_ms: number("elapsed_ms"),
                    timed_by: TIMINGS
                        .iter()
                        .find(|(_, k)| *k == text(r, "timed_by"))
                        .map_or(TimedBy::PageClock, |(t, _)| *t),
                    received_at_ms: number("received_at_ms"),
                }),
                Some("cancelled") => Err(TransportError::Cancelled),
                Some("timed-out") => Err(TransportError::TimedOut { after_ms: number("after_ms") as u32 }),
                Some("refused") => Err(TransportError::Refused { detail: text(r, "detail") }),
                Some("not-sent") => Err(TransportError::NotSent { origin: text(r, "origin") }),
                Some("simulator") => Err(TransportError::Simulator { detail: text(r, "detail") }),
                Some("redirected") => Err(TransportError::Redirected {
                    target: r.get("target").and_then(Value::as_str).map(str::to_owned),
                    preflight: flag(r, "preflight"),
                }),
                Some(_) => Err(TransportError::FetchFailed { detail: text(r, "detail") }),
            };
            let request = PreparedRequest {
                wire: request_from(e.get("wire")?),
                shown: request_from(e.get("shown")?),
                credential: None,
            };
            let step = if flag(e, "token_step") { Step::Token } else { Step::Resource };
            Some(TimelineEntry { purpose, exchange: Exchange { step, request, result } })
        })
        .collect()
}

const SEVERITIES: [(Severity, &str); 3] =
    [(Severity::Problem, "problem"), (Severity::Warning, "warning"), (Severity::Info, "info")];

pub fn findings_to_json(findings: &[Finding]) -> Value {
    findings
        .iter()
        .map(|f| {
            json!({
                "id": f.id.key(), "severity": SEVERITIES.iter().find(|(s, _)| *s == f.severity).map_or("info", |(_, k)|
                    k),
                "cause": f.cause, "evidence": f.evidence, "fix": f.fix, "sql": f.sql, "cors": f.cors,
            })
        })
        .collect()
}

pub fn findings_from_json(v: &Value) -> Vec<Finding> {
    let list = v.as_array().map(Vec::as_slice).unwrap_or_default();
    list.iter()
        .filter_map(|f| {
            let severity = text(f, "severity");
            Some(Finding {
                id: FindingId::from_key(&text(f, "id"))?,
                severity: SEVERITIES.iter().find(|(_, k)| *k == severity).map_or(Severity::Info, |(s, _)| *s),
                cause: text(f, "cause"),
                evidence: text(f, "evidence"),
                fix: text(f, "fix"),
                sql: f.get("sql").and_then(Value::as_str).map(str::to_owned),
                cors: flag(f, "cors"),
            })
        })
        .collect()
}

pub fn cors_fixes_to_json(c: &CorsFixes) -> Value {
    json!({
        "origin": c.origin, "alias": c.alias, "module": c.module, "module_sql": c.module_sql,
        "client_sql": c.client_sql, "client_newer": c.client_newer,
    })
}

pub fn cors_fixes_from_json(v: &Value) -> CorsFixes {
    let maybe = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    CorsFixes {
        origin: text(v, "origin"),
        alias: maybe("alias"),
        module: maybe("module"),
        module_sql: maybe("module_sql"),
        client_sql: text(v, "client_sql"),
        client_newer: text(v, "client_newer"),
    }
}
