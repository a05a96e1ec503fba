//! Checks of the inputs alone: URL shapes, credential copy mistakes, what the browser will do.

use super::{
    Finding, FindingId, Inputs,
    Severity::{Info, Problem, Warning},
};
use crate::field::Field;
use crate::settings::ClientAuth;
use crate::url::{ords_alias_and_module, HttpUrl};

pub(super) fn check(i: &Inputs) -> Vec<Finding> {
    let mut out = Vec::new();
    let token = HttpUrl::parse(&i.token_url).ok().filter(|_| i.flow.uses_oauth());
    let resource = HttpUrl::parse(&i.resource_url).ok();
    if let Some(t) = &token {
        token_path(t, &mut out);
    }
    if let (Some(t), Some(r)) = (&token, &resource) {
        super::url_pair::check(t, r, &mut out);
    }
    for url in token.iter().chain(resource.iter()) {
        page_and_target(&i.page_origin, url, &mut out);
    }
    if i.flow.uses_oauth() {
        credentials(i, &mut out);
    }
    preflight(i, token.is_some(), &mut out);
    out
}

fn token_path(t: &HttpUrl, out: &mut Vec<Finding>) {
    let path = t.path.trim_end_matches('/');
    if path.ends_with("/oauth2/token") {
        out.push(
            Finding::new(
                FindingId::TokenPath,
                Problem,
                "The Token URL ends in /oauth2/token; ORDS serves /oauth/token.",
                format!("Token URL path: {}", t.path),
            )
            .fix("Use https://<host>/ords/<alias>/oauth/token."),
        );
    } else if !path.ends_with("/oauth/token") {
        out.push(
            Finding::new(
                FindingId::TokenPath,
                Warning,
                "The Token URL does not end in /oauth/token, where ORDS issues tokens.",
                format!("Token URL path: {}", t.path),
            )
            .fix(
                "ORDS token URLs look like https://<host>/ords/<alias>/oauth/token (apex.oracle.com: \
                    /pls/apex/<workspace>/oauth/token).",
            ),
        );
    } else if ords_alias_and_module(t).is_none() {
        out.push(
            Finding::new(
                FindingId::NoOrdsContext,
                Warning,
                "The Token URL has no /ords/ (or /pls/apex/) part before the alias.",
                format!("Token URL path: {}", t.path),
            )
            .fix("Unless a proxy maps it, ORDS is under /ords/: https://<host>/ords/<alias>/oauth/token."),
        );
    }
}

fn is_local_host(host: &str) -> bool {
    let private_v4 = |h: &str| {
        let p: Vec<u8> = h.split('.').filter_map(|x| x.parse().ok()).collect();
        p.len() == 4
            && (p[0] == 10 || p[0] == 127 || (p[0] == 192 && p[1] == 168) || (p[0] == 172 && (16..32).contains(&p[1])))
    };
    host == "localhost" || host.ends_with(".localhost") || host == "[::1]" || private_v4(host)
}

fn page_and_target(page_origin: &str, url: &HttpUrl, out: &mut Vec<Finding>) {
    let Ok(page) = HttpUrl::parse(page_origin) else { return };
    let target = url.origin();
    if page.scheme == "https" && url.scheme == "http" && !out.iter().any(|f| f.id == FindingId::MixedContent) {
        out.push(
            Finding::new(
                FindingId::MixedContent,
                Problem,
                "This page is https and the URL is http: browsers block such mixed-content requests outright.",
                format!("Page {page_origin}, URL {target}"),
            )
            .fix("Use the https URL of ORDS, or open the playground over http (e.g. locally with cargo xtask serve)."),
        );
    }
    if !is_local_host(&page.host) && is_local_host(&url.host) && !out.iter().any(|f| f.id == FindingId::LocalNetwork) {
        out.push(
            Finding::new(
                FindingId::LocalNetwork,
                Warning,
                "A public page is calling a private or loopback address: Chrome asks for Local Network Access \
                    permission, or blocks it.",
                format!("Page {page_origin}, URL {target}"),
            )
            .fix("Allow the prompt, or run the playground locally (cargo xtask serve) next to that server."),
        );
    }
}

/// ORDS client ids are 22 base64url characters followed by `..`.
fn lost_its_dots(id: &str) -> bool {
    let core = id.trim_end_matches('.');
    core.len() == 22 && core.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') && !id.ends_with("..")
}

fn credentials(i: &Inputs, out: &mut Vec<Finding>) {
    let (id, secret) = (i.client_id.as_str(), i.client_secret.secret());
    let named = [(Field::ClientId.label(), id), (Field::ClientSecret.label(), secret)];
    for (name, value) in named {
        if !value.is_empty() && value.trim() != value {
            out.push(
                Finding::new(
                    FindingId::Whitespace,
                    Problem,
                    format!("The {name} starts or ends with a space or line break."),
                    format!("{name}: {} characters, whitespace at an end", value.chars().count()),
                )
                .fix("Remove it: ORDS compares the value exactly, so the token request gets 401."),
            );
        }
    }
    for (name, value) in named {
        if lost_its_dots(value.trim()) {
            out.push(
                Finding::new(
                    FindingId::DroppedDots,
                    Warning,
                    format!("The {name} looks like an ORDS value that lost its trailing \"..\"."),
                    format!("{name}: 22 characters without the final \"..\""),
                )
                .fix("ORDS client ids and secrets end in \"..\" and it belongs to them: copy the whole value."),
            );
        }
    }
    if !id.is_empty() && id.trim() == secret.trim() {
        out.push(
            Finding::new(
                FindingId::SecretInId,
                Problem,
                "The Client ID and the Client secret are the same value: one of them was pasted into the wrong field.",
                "Both fields hold the same text",
            )
            .fix("Copy the client_id and client_secret columns of USER_ORDS_CLIENTS into their own fields."),
        );
    }
}

fn preflight(i: &Inputs, oauth: bool, out: &mut Vec<Finding>) {
    if oauth {
        let why = match i.client_auth {
            ClientAuth::BasicHeader => Some("it sends an Authorization header"),
            ClientAuth::RequestBody => None,
        };
        if let Some(why) = why {
            out.push(
                Finding::new(
                    FindingId::PreflightToken,
                    Info,
                    format!("The token request will be preflighted: {why}."),
                    format!("POST {}", i.token_url),
                )
                .fix(
                    "The browser first sends OPTIONS; ORDS must answer it for this origin. With Client authentication \
                        = Request body the token request is a simple one and needs no preflight.",
                ),
            );
        }
    }
    let mut reasons = Vec::new();
    reasons.push("an Authorization header"); // every flow authenticates the call
    if i.sends_json {
        reasons.push("Content-Type: application/json");
    }
    if i.extra_headers {
        reasons.push("extra headers");
    }
    if !i.method.is_cors_safelisted() {
        reasons.push("a method other than GET, HEAD or POST");
    }
    if !reasons.is_empty() {
        out.push(
            Finding::new(
                FindingId::PreflightResource,
                Info,
                format!("The resource call will be preflighted: it sends {}.", reasons.join(", ")),
                format!("{} {}", i.method.as_str(), i.resource_url),
            )
            .fix(
                "The browser first sends OPTIONS; ORDS answers it when this origin is allowed on the module \
                    (ORDS.SET_MODULE_ORIGINS_ALLOWED).",
            ),
        );
    }
}
