//! A redirect the page did not follow: where it leads (when a request without credentials could
//! read it), its usual cause (a proxy sending `http` to `https`, a missing trailing slash, a
//! load balancer or another base path) and the fix. The fix never says to follow it blindly:
//! a credential goes to a new address only after the person confirms it.

use super::{Finding, FindingId, Severity::Problem};
use crate::exchange::Exchange;
use crate::quote::shell;
use crate::url::HttpUrl;

/// Why a redirect happens, read from the URL sent and, when known, the URL it leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cause {
    /// Only the scheme changes, `http` to `https`.
    Https,
    /// Only a `/` is added at the end of the path.
    Slash,
    /// Another host or port.
    OtherOrigin,
    /// Same origin, another path.
    OtherPath,
}

fn cause(sent: &HttpUrl, target: &HttpUrl) -> Cause {
    let same_place = sent.host.eq_ignore_ascii_case(&target.host) && sent.path == target.path;
    if sent.scheme == "http" && target.scheme == "https" && same_place {
        return Cause::Https;
    }
    if sent.origin() != target.origin() {
        return Cause::OtherOrigin;
    }
    if target.path.strip_suffix('/') == Some(sent.path.as_str()) {
        Cause::Slash
    } else {
        Cause::OtherPath
    }
}

pub(super) fn redirected(e: &Exchange, target: Option<&str>, evidence: String) -> Finding {
    let sent = HttpUrl::parse(&e.request.wire.url).ok();
    let field = e.step.url_field().label();
    let never = "This page never re-sends a credential where a redirect points; a browser or a tool that follows it \
        would, and a 307 or 308 would carry a client secret in the body there.";
    let known = sent.as_ref().zip(target.and_then(|t| HttpUrl::parse(t).ok())).map(|(s, t)| (cause(s, &t), t));
    let Some(target) = target else {
        let (cause_text, fix) = hidden(e, sent.as_ref(), field, never);
        return Finding::new(FindingId::Redirected, Problem, cause_text, evidence).fix(fix);
    };
    let (cause_text, fix) = match known {
        Some((Cause::Https, _)) => (
            "A proxy in front of ORDS redirects http to https.".to_owned(),
            format!("Use the https address in {field}: {target}. {never}"),
        ),
        Some((Cause::Slash, _)) => (
            "The server redirects to the same path with a trailing slash: ORDS templates such as hr/employees/ \
                match only with it."
                .to_owned(),
            format!("Use {target} as the {field}. {never}"),
        ),
        Some((Cause::OtherOrigin, t)) => (
            format!(
                "The server sends this request to another address ({}): a proxy, a load balancer or a moved ORDS.",
                t.origin()
            ),
            format!(
                "If {} is the ORDS you mean to use, use {target} as the {field} (the page asks before your \
                    credentials go to an address you have not typed). {never}",
                t.origin()
            ),
        ),
        Some((Cause::OtherPath, _)) | None => (
            "The server moved this path (another base path, or an ORDS alias that changed).".to_owned(),
            format!("Use {target} as the {field} if it is the endpoint you mean. {never}"),
        ),
    };
    Finding::new(FindingId::Redirected, Problem, cause_text, evidence).fix(fix)
}

/// The target is hidden: the usual causes, the likeliest first for this URL.
fn hidden(e: &Exchange, sent: Option<&HttpUrl>, field: &str, never: &str) -> (String, String) {
    let curl = format!("curl -sI {} | grep -i '^location'", shell(&e.request.shown.url));
    let check = format!("See where it leads with {curl}, then use that address in {field}. {never}");
    match sent {
        Some(u) if u.scheme == "http" => (
            "The server redirects, most likely a proxy sending http to https (this URL is http); the browser hides \
                where it leads."
                .to_owned(),
            format!("Try the https address in {field}. {check}"),
        ),
        Some(u) if !u.path.ends_with('/') && !u.path.ends_with("/oauth/token") => (
            "The server redirects, most likely to the same path with a trailing slash (ORDS templates such as \
                hr/employees/ end in one); the browser hides where it leads."
                .to_owned(),
            format!("Add the trailing / to {field}. {check}"),
        ),
        _ => (
            "The server redirects (a proxy sending http to https, a missing trailing slash, a load balancer or \
                another base path); the browser hides where it leads."
                .to_owned(),
            check,
        ),
    }
}
