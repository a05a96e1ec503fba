//! Findings from what came back (or did not): the token step, then the resource call.

use super::fixes::cors_fixes;
use super::{
    Finding, FindingId, Inputs, Probe, RunFacts,
    Severity::{Info, Problem, Warning},
};
use crate::exchange::{Exchange, Step, TransportError};
use crate::flow::TimelineEntry;
use crate::http::HttpResponse;
use crate::quote::{shell, sql};
use crate::response::{is_json, parse_error_body, ErrorBody, OAuthErrorCode};
use crate::url::{ords_alias_and_module, HttpUrl};
use crate::CollectionPage;

pub(super) fn check(i: &Inputs, timeline: &[TimelineEntry], facts: RunFacts) -> Vec<Finding> {
    let mut out = Vec::new();
    let last = |step: Step| timeline.iter().rev().map(|e| &e.exchange).find(|e| e.step == step);
    if let Some(token) = last(Step::Token) {
        match &token.result {
            Err(error) => out.push(no_response(i, token, error, facts.probe)),
            Ok(r) => out.extend(token_answer(i, token, &r.response)),
        }
    }
    if let Some(call) = last(Step::Resource) {
        match &call.result {
            Err(error) => out.push(no_response(i, call, error, facts.probe)),
            Ok(r) => out.extend(resource_answer(i, call, &r.response, facts)),
        }
    }
    out
}

/// The request as evidence names it: its method and its URL as shown (a token placed in the
/// query is masked there).
fn what(e: &Exchange) -> String {
    let name = if e.step == Step::Token { "token request" } else { "resource call" };
    format!("{name} {} {}", e.request.shown.method, e.request.shown.url)
}

fn no_response(i: &Inputs, e: &Exchange, error: &TransportError, probe: Probe) -> Finding {
    let evidence = format!("The {} got no response: {error}", what(e));
    let url = HttpUrl::parse(&e.request.wire.url).ok();
    let page_https = i.page_origin.starts_with("https:");
    let curl = format!("curl -i -g {}", shell(&e.request.shown.url));
    match error {
        TransportError::Cancelled => Finding::new(FindingId::Cancelled, Info, "You cancelled the request.", evidence)
            .fix("Press the button again to retry."),
        TransportError::TimedOut { .. } => {
            Finding::new(FindingId::Timeout, Problem, "The server did not answer in time.", evidence).fix(
                "Check that the host and port are right and that ORDS (or its proxy) is up: curl -i the URL from a \
                    terminal.",
            )
        }
        TransportError::Refused { .. } => {
            Finding::new(FindingId::Refused, Problem, "The browser refused to send the request as built.", evidence)
                .fix("A header name or value holds a character browsers forbid; remove it.")
        }
        TransportError::Simulator { .. } => Finding::new(
            FindingId::SimulatorUnavailable,
            Problem,
            "The in-page simulator did not load, so nothing answered.",
            evidence,
        )
        .fix(
            "Reload the page; if it happens again, the host serving this page is slow or missing the helper's files \
                (ords-worker_bg.wasm).",
        ),
        TransportError::Redirected { target, .. } => super::redirect::redirected(e, target.as_deref(), evidence),
        TransportError::NotSent { .. } => {
            Finding::new(FindingId::NotSent, Info, "You chose not to send your credentials to this origin.", evidence)
                .fix("If the URL is right, press the button again and choose Send; if not, correct the URL first.")
        }
        TransportError::FetchFailed { detail } => {
            let evidence = format!("{evidence} Browser said: {detail}");
            if page_https && url.as_ref().is_some_and(|u| u.scheme == "http") {
                return Finding::new(
                    FindingId::MixedContent,
                    Problem,
                    "Blocked as mixed content: an https page cannot call an http URL.",
                    evidence,
                )
                .fix("Use the https URL of ORDS, or run the playground over http locally.");
            }
            match probe {
                Probe::Unreachable => Finding::new(
                    FindingId::Unreachable,
                    Problem,
                    "Nothing answered at this address: the server is down, or the host or port is wrong.",
                    format!("{evidence}. A no-cors probe to the same URL failed too."),
                )
                .fix(format!("Check the host and port, and that ORDS is running: {curl}")),
                Probe::ReachableWithoutCors if e.step == Step::Token && !wire_path(e).ends_with("/oauth/token") => {
                    Finding::new(
                        FindingId::TokenPathCors,
                        Problem,
                        "The Token URL's path is wrong, and the server refused the browser's preflight for a URL it \
                            does not serve.",
                        format!(
                            "{evidence}. A no-cors probe got an answer, so the server is up; the path is {}.",
                            wire_path(e)
                        ),
                    )
                    .fix(
                        "Use https://<host>/ords/<alias>/oauth/token; a wrong path looks like a CORS error in a \
                            browser because nothing answers its OPTIONS request.",
                    )
                }
                Probe::ReachableWithoutCors => cors_refused(
                    i,
                    e,
                    format!("{evidence}. A no-cors probe to the same URL got an answer, so the server is up."),
                ),
                Probe::NotProbed => cors_refused(i, e, evidence)
                    .cause_prefix("CORS refusal or unreachable server (the browser does not say which): "),
            }
        }
    }
}

fn wire_path(e: &Exchange) -> String {
    HttpUrl::parse(&e.request.wire.url).map(|u| u.path.trim_end_matches('/').to_owned()).unwrap_or_default()
}

impl Finding {
    fn cause_prefix(mut self, prefix: &str) -> Self {
        self.cause = format!("{prefix}{}", self.cause);
        self
    }
}

fn cors_refused(i: &Inputs, e: &Exchange, evidence: String) -> Finding {
    let fixes = cors_fixes(&i.page_origin, &i.resource_url, &i.client_id);
    if e.step == Step::Token {
        Finding::new(
            FindingId::TokenCors,
            Problem,
            format!(
                "The token endpoint did not allow this page's origin \
            ({}).",
                i.page_origin
            ),
            evidence,
        )
        .fix(format!(
            "Allow the origin on the OAuth client (SQL below, ORDS before 24.3). {} Or avoid CORS: serve \
                the playground from the ORDS origin, or use Client authentication = Request body so no preflight is \
                needed.",
            fixes.client_newer
        ))
        .sql(fixes.client_sql)
        .cors()
    } else {
        let module = fixes.module.clone().unwrap_or_else(|| "<module>".into());
        let finding = Finding::new(
            FindingId::ResourceCors,
            Problem,
            format!("The module did not allow this page's origin ({}).", i.page_origin),
            evidence,
        )
        .fix(format!(
            "Allow the origin on the module {module} (SQL below), or serve the playground from the same origin as ORDS."
        ))
        .cors();
        match fixes.module_sql {
            Some(sql) => finding.sql(sql),
            None => finding,
        }
    }
}

fn token_answer(i: &Inputs, e: &Exchange, r: &HttpResponse) -> Vec<Finding> {
    let evidence = format!("{} answered {} {}{}", what(e), r.status, r.reason, body_evidence(r));
    let other = i.client_auth.other();
    let mut out = Vec::new();
    match r.status {
        401 => out.push(
            Finding::new(FindingId::Token401, Problem, "The token endpoint refused the client id or secret.", evidence)
                .fix(format!(
                    "Copy both exactly from USER_ORDS_CLIENTS (ids and secrets end in \"..\"); check the secret was \
                        not rotated or revoked; or try Client authentication = {}.",
                    other.label()
                )),
        ),
        400 => out.push(oauth_error(evidence, r)),
        404 => out.push(
            Finding::new(
                FindingId::Token404,
                Problem,
                "No token endpoint at this URL: the path or the alias is wrong.",
                evidence,
            )
            .fix("Use https://<host>/ords/<alias>/oauth/token, with the schema's alias (not its name)."),
        ),
        200 if !is_json(&r.body) => out.push(
            Finding::new(
                FindingId::TokenNotJson,
                Problem,
                "The token endpoint answered 200 with something that is not JSON (a sign-in or proxy page?).",
                evidence,
            )
            .fix("Check that the Token URL ends in /oauth/token and reaches ORDS directly."),
        ),
        _ => {}
    }
    out.extend(html_errors(e, r));
    out
}

fn oauth_error(evidence: String, r: &HttpResponse) -> Finding {
    let (code, description) = match parse_error_body(&r.body) {
        Some(ErrorBody::OAuth { error, description }) => (error, description),
        _ => (OAuthErrorCode::InvalidRequest, None),
    };
    let meaning = match code {
        OAuthErrorCode::InvalidClient => {
            "the client could not be authenticated: wrong id or secret, or the wrong client authentication"
        }
        OAuthErrorCode::UnsupportedGrantType => {
            "the server does not accept this grant type; the body must say grant_type=client_credentials"
        }
        OAuthErrorCode::InvalidScope => {
            "a requested scope is unknown or not granted to this client; leave Scope empty or use privilege names"
        }
        OAuthErrorCode::UnauthorizedClient => {
            "this client may not use client_credentials; create it with p_grant_type => 'client_credentials'"
        }
        OAuthErrorCode::InvalidGrant => "the grant is invalid or expired",
        OAuthErrorCode::InvalidRequest | OAuthErrorCode::Other(_) => {
            "the request is malformed: a parameter is missing, repeated or unsupported"
        }
    };
    let said = description.map(|d| format!(" (\"{d}\")")).unwrap_or_default();
    let code = code.as_str();
    Finding::new(FindingId::Token400, Problem, format!("The token endpoint said {code}{said}: {meaning}."), evidence)
        .fix("Fix what the error names, then request the token again.")
}

/// The error body's code and message (only error statuses, and only small bodies are read).
fn body_evidence(r: &HttpResponse) -> String {
    if r.status < 400 || r.body.len() > 64 * 1024 {
        return String::new();
    }
    match parse_error_body(&r.body) {
        Some(ErrorBody::OrdsProblem { code, message }) => {
            format!(", {{\"code\":\"{code}\",\"message\":\"{message}\"}}")
        }
        Some(ErrorBody::OAuth { error, .. }) => format!(", {{\"error\":\"{}\"}}", error.as_str()),
        None => String::new(),
    }
}

fn html_errors(e: &Exchange, r: &HttpResponse) -> Option<Finding> {
    let html = r.media_type().is_some_and(|m| m.contains("html"));
    (r.status >= 400 && html).then(|| {
        Finding::new(
            FindingId::HtmlErrors,
            Warning,
            "ORDS sent its error as an HTML page, where a JSON client expects JSON.",
            format!("{} answered {} with Content-Type: text/html", what(e), r.status),
        )
        .fix(
            "Set error.responseFormat to json on the ORDS server (ords config set error.responseFormat json), or make \
                clients tolerate text/html errors.",
        )
    })
}

/// `error="invalid_token", error_description="…"` from a Bearer challenge (RFC 6750 §3).
fn challenge(r: &HttpResponse) -> Option<String> {
    let value = r.header("www-authenticate")?;
    let params: Vec<String> = ["realm", "error", "error_description"]
        .iter()
        .filter_map(|k| {
            let at = value.find(&format!("{k}=\""))? + k.len() + 2;
            let end = value[at..].find('"')? + at;
            Some(format!("{k} \"{}\"", &value[at..end]))
        })
        .collect();
    Some(format!(" WWW-Authenticate: {}", if params.is_empty() { value.to_owned() } else { params.join(", ") }))
}

fn resource_answer(i: &Inputs, e: &Exchange, r: &HttpResponse, facts: RunFacts) -> Vec<Finding> {
    let evidence = format!(
        "{} answered {} {}{}{}",
        what(e),
        r.status,
        r.reason,
        body_evidence(r),
        challenge(r).unwrap_or_default()
    );
    let bearer =
        e.request.wire.header("authorization").is_some_and(|a| !a.starts_with("Basic ")) || !i.flow.uses_basic();
    let mut out = Vec::new();
    if i.flow == crate::config::Flow::Par && matches!(r.status, 401 | 403 | 404) {
        return vec![par_refused(r.status, evidence)];
    }
    match r.status {
        401 if bearer && super::jwt::sent_a_jwt(e) => out.extend(super::jwt::refused(i, e)),
        401 if bearer && facts.token_expired => out.push(
            Finding::new(
                FindingId::Expired,
                Problem,
                "The token had expired when it was sent (its countdown had reached zero).",
                evidence,
            )
            .fix(
                "Get a new token (the playground does this itself when re-fetch is on); tokens last \
                    security.oauth.tokenLifetime seconds, 3600 by default.",
            ),
        ),
        401 if bearer => out.push(no_role(i, evidence)),
        401 => out.push(
            Finding::new(FindingId::Basic401, Problem, "ORDS refused the username or password.", evidence).fix(
                "Check both; a database user can only call its own schema's alias with Basic; an ORDS user needs a \
                    role that the privilege requires.",
            ),
        ),
        403 => out.push(
            Finding::new(
                FindingId::ForbiddenOrigin,
                Problem,
                format!(
                    "ORDS refused the origin ({}) or the request looked cross-origin to it.",
                    i.page_origin
                ),
                evidence,
            )
            .fix(
                "Allow the origin on the module (SQL below). Behind a reverse proxy, keep Host and scheme intact \
                    (ProxyPreserveHost On, X-Forwarded-Proto with security.forceHTTPS).",
            )
            .sql(cors_fixes(&i.page_origin, &i.resource_url, &i.client_id).module_sql.unwrap_or_default())
            .cors(),
        ),
        405 => out.push(
            Finding::new(
                FindingId::MethodNotAllowed,
                Problem,
                format!("No {} handler on this template.", e.request.wire.method),
                format!("{evidence}. Allow: {}", r.header("allow").unwrap_or("(not sent)")),
            )
            .fix("Use a method the Allow header lists, or define that handler with ORDS.DEFINE_HANDLER."),
        ),
        400 if paging_value(&e.request.wire.url).is_some() => out.push(
            Finding::new(
                FindingId::BadPaging,
                Problem,
                "ORDS refused the paging parameters before running the handler (400 BadRequest).",
                format!("{evidence}; the URL has {}", paging_value(&e.request.wire.url).unwrap_or_default()),
            )
            .fix(
                "limit and offset take whole numbers of rows from 0 (…/?offset=25&limit=25); follow the collection's \
                    own next and prev links rather than building them.",
            ),
        ),
        304 => {
            let validator = crate::http::Validator::of(&e.request.wire);
            let fix = match validator {
                crate::http::Validator::ThisPage => {
                    "Nothing is wrong: the copy you have is current. Remove the If-None-Match (or If-Modified-Since) \
                        header to get the body again."
                }
                crate::http::Validator::Nobody => {
                    "Look at the proxy or cache in front of ORDS: ORDS answers 304 only to a request whose \
                        If-None-Match holds the resource's current ETag."
                }
            };
            let sent = |h: &str| e.request.wire.header(h).map(|v| format!("; {h}: {v}")).unwrap_or_default();
            out.push(
                Finding::new(
                    FindingId::NotModified,
                    Info,
                    validator.meaning(),
                    format!("{evidence}{}{}", sent("If-None-Match"), sent("If-Modified-Since")),
                )
                .fix(fix),
            );
        }
        555 => out.push(
            Finding::new(
                FindingId::HandlerError,
                Problem,
                "The handler's SQL or PL/SQL raised an error (ORDS 555).",
                evidence,
            )
            .fix(
                "Run the handler's source in SQL with the same binds; the ORDS log (or debug.printDebugToScreen) shows \
                    the ORA- error.",
            ),
        ),
        570 => out.push(
            Finding::new(
                FindingId::AccountLocked,
                Problem,
                "The database account behind this schema is locked (ORDS 570, ORA-28000).",
                evidence,
            )
            .fix("A DBA unlocks it (and checks why it locked, e.g. failed logins).")
            .sql(unlock_sql(i)),
        ),
        200 if i.resource_url.split('?').next().is_some_and(|p| p.ends_with('/'))
            && CollectionPage::parse(&r.body).is_none()
            && is_json(&r.body) =>
        {
            out.push(
                Finding::new(
                    FindingId::NotACollection,
                    Info,
                    "The URL looks like a collection (it ends in /), but the JSON has no items array.",
                    evidence,
                )
                .fix(
                    "Fine if this handler returns one object; ORDS collections (json/collection, AutoREST) carry \
                        items, hasMore and links.",
                ),
            );
        }
        _ => {}
    }
    out.extend(html_errors(e, r));
    out
}

/// The URL's paging parameter ORDS refuses, if any (`crate::bad_paging` of its query).
/// A pre-authenticated URL refused: which of its causes is not in ORDS's answer.
fn par_refused(status: u16, evidence: String) -> Finding {
    let off = if status == 404 { " A 404 also comes from a pool with PARs off (security.par.enabled)." } else { "" };
    Finding::new(
        FindingId::ParRefused,
        Problem,
        format!(
            "ORDS refused the pre-authenticated URL ({status}): it expired, was revoked (which can take up to 30 s), \
             was defined for another method or handler, or belongs to another schema alias.{off} The answer does \
             not say which (inferred: ORDS does not document these answers)."
        ),
        evidence,
    )
    .fix(
        "Ask the schema's owner for a fresh URL: ORDS_PAR.DEFINE_FOR_HANDLER for this handler and method, with a \
         p_duration long enough (Code → ORDS setup SQL writes it); ORDS_PAR.PAR_EXPIRATION_BY_ALIAS (25.2 and \
         later) tells how long one has left.",
    )
}

fn paging_value(url: &str) -> Option<String> {
    crate::bad_paging(url.split_once('?')?.1.split('#').next()?)
}

/// `ALTER USER … ACCOUNT UNLOCK`, naming the schema only when the alias is a plain identifier
/// (anything else would be written into SQL outside a literal).
fn unlock_sql(i: &Inputs) -> String {
    let alias = HttpUrl::parse(&i.resource_url).ok().as_ref().and_then(ords_alias_and_module).map(|p| p.0);
    let plain = |a: &str| {
        a.len() <= 128
            && a.starts_with(|c: char| c.is_ascii_alphabetic())
            && a.bytes().all(|b| b.is_ascii_alphanumeric() || b"_$#".contains(&b))
    };
    match alias {
        Some(a) if plain(&a) => format!(
            "-- The schema behind alias {a} (often, but not always, the same name):\n\
             -- SELECT parsing_schema FROM user_ords_schemas;\nALTER USER {} ACCOUNT UNLOCK;",
            a.to_ascii_uppercase()
        ),
        _ => "-- SELECT parsing_schema FROM user_ords_schemas;\nALTER USER <schema> ACCOUNT UNLOCK;".to_owned(),
    }
}

fn no_role(i: &Inputs, evidence: String) -> Finding {
    let url = HttpUrl::parse(&i.resource_url).ok();
    let parts = url.as_ref().and_then(ords_alias_and_module);
    let module = parts.as_ref().and_then(|p| p.1.clone()).unwrap_or_else(|| "<module>".into());
    let sql = format!(
        "SET DEFINE OFF\n\
         -- Which roles and privileges does the client have?\n\
         SELECT c.name, r.role_name FROM user_ords_clients c\n  LEFT JOIN user_ords_client_roles r ON r.client_name = \
         c.name\n WHERE c.client_id = {};\n\
         BEGIN\n  ORDS.CREATE_PRIVILEGE_MAPPING(p_privilege_name => '<privilege>', p_pattern => {});\
         \n  OAUTH.GRANT_CLIENT_ROLE(p_client_name => '<client name>', p_role_name => '<role the privilege \
         requires>');\n  COMMIT;\nEND;\n/",
        sql(&i.client_id),
        sql(&format!("/{module}/*"))
    );
    Finding::new(
        FindingId::NoRole,
        Problem,
        "A fresh token was refused: the client lacks the role, or the privilege does not cover this URL.",
        evidence,
    )
    .fix(format!(
        "Grant the client the privilege's role, and map the privilege to /{module}/* (patterns are relative to the \
            alias). A token also works only under the alias that issued it."
    ))
    .sql(sql)
}
