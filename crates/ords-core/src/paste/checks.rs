//! A paste's mistakes against ORDS, found before anything is sent, each with its fix: those
//! only a paste shows (a response header sent as a request header, JSON to the token endpoint),
//! then what the settings it fills would lead to, as the inputs' diagnosis says it for anything
//! typed (the client id without its `..`, a token URL not ending in `/oauth/token`, two
//! aliases, two schemes; its notes on what the browser will do are left to Diagnosis).

use super::assemble::{header, is_token_request};
use super::{Fill, Sent};
use crate::diagnose::{Finding, FindingId, Inputs, Severity};
use crate::encode::parse_form;

pub(super) fn check(sent: &[Sent], fill: &Fill) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in sent {
        let at = format!("line {}", s.line);
        if let Some((name, _)) = s.headers.iter().find(|(n, _)| n.to_ascii_lowercase().starts_with("access-control-")) {
            out.push(
                Finding::new(
                    FindingId::PasteCorsHeader,
                    Severity::Problem,
                    format!("{name} is sent as a request header: it is a response header, which the server sends."),
                    format!("{at}: -H '{name}: …'"),
                )
                .fix(
                    "Leave it out (the page does). A browser's call is allowed when ORDS answers with it: set \
                    Origins Allowed on the module (Diagnosis gives the SQL).",
                ),
            );
        }
        if !is_token_request(s) {
            continue;
        }
        if header(s, "authorization").is_some_and(|a| a.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("bearer "))) {
            out.push(
                Finding::new(
                    FindingId::PasteBearerOnToken,
                    Severity::Problem,
                    "The token request carries a Bearer token: a token is what it asks for, not what it sends.",
                    format!("{at}: Authorization: Bearer … on {}", s.url),
                )
                .fix(
                    "Send the client id and secret instead (Basic header, or client_id and client_secret in the \
                    body); the page does.",
                ),
            );
        }
        let json = s.json
            || header(s, "content-type").is_some_and(|t| t.to_ascii_lowercase().contains("json"))
            || s.body.as_deref().is_some_and(|b| b.trim_start().starts_with('{'));
        if json {
            out.push(
                Finding::new(
                    FindingId::PasteJsonToken,
                    Severity::Problem,
                    "The token request sends JSON: ORDS's token endpoint reads only a form-encoded body (RFC 6749 \
                        §4.4.2) and answers 400 or 401.",
                    format!("{at}: Content-Type: application/json"),
                )
                .fix(
                    "Send Content-Type: application/x-www-form-urlencoded and grant_type=client_credentials as a \
                    form; the page does.",
                ),
            );
        }
        if !s.by_database {
            let grant = s.body.as_deref().and_then(|b| {
                if json {
                    let v: serde_json::Value = serde_json::from_str(b).ok()?;
                    return Some(v.get("grant_type")?.as_str()?.to_owned());
                }
                parse_form(b)?.into_iter().find(|(n, _)| n.eq_ignore_ascii_case("grant_type")).map(|(_, v)| v)
            });
            if grant.as_deref() != Some("client_credentials") {
                let said = match &grant {
                    None => "The token request has no grant_type.".to_owned(),
                    Some(g) => {
                        format!("The token request asks for grant_type={g}; ORDS's clients use client_credentials.")
                    }
                };
                out.push(
                    Finding::new(
                        FindingId::PasteGrantType,
                        Severity::Problem,
                        said,
                        format!("{at}: {}", s.body.as_deref().unwrap_or("no body")),
                    )
                    .fix("Send grant_type=client_credentials in the body; the page does."),
                );
            }
        }
    }
    out.extend(schema_user(sent, fill));
    out.extend(settings(fill));
    if fill.client_id.is_some() && fill.client_secret.is_none() {
        out.push(
            Finding::new(
                FindingId::PasteEmptySecret,
                Severity::Warning,
                "The paste has a client id but no client secret (empty, a placeholder, or a variable it does not set).",
                "Client secret: nothing taken",
            )
            .fix(
                "Type the secret in Client secret (it stays in this tab's memory, masked). From ORDS 24.3 the \
                secret is shown once, when the client is registered, and USER_ORDS_CLIENTS shows ******** after: \
                if it is lost, ORDS_SECURITY.ROTATE_CLIENT_SECRET (OAUTH.ROTATE_CLIENT_SECRET before 25.3) gives \
                a new one.",
            ),
        );
    }
    out
}

/// Basic credentials that look like a schema's own database user (the user is the URL's alias,
/// or the same paste also gets a token for that alias: an OAuth-protected module). ORDS gives a
/// database user one role, SQL Developer, and only on its own schema's URLs; whether the module
/// is protected for other roles is not knowable before sending, so this is a warning.
fn schema_user(sent: &[Sent], fill: &Fill) -> Option<Finding> {
    if fill.flow != Some(crate::config::Flow::Basic) {
        return None;
    }
    let user = fill.username.as_deref()?;
    let alias_of =
        |url: &str| crate::url::HttpUrl::parse(url).ok().as_ref().and_then(crate::url::ords_alias_and_module);
    let (alias, _) = alias_of(fill.resource_url.as_deref()?)?;
    let token_for_alias = sent.iter().any(|s| is_token_request(s) && alias_of(&s.url).is_some_and(|(a, _)| a == alias));
    if !user.eq_ignore_ascii_case(&alias) && !token_for_alias {
        return None;
    }
    let why = if token_for_alias {
        format!("the same paste gets an OAuth token for /ords/{alias}/, so its module is protected for a client's role")
    } else {
        format!("{user} is the name of the schema alias /ords/{alias}/, so it reads as that schema's database user")
    };
    Some(
        Finding::new(
            FindingId::PasteSchemaUser,
            Severity::Warning,
            format!(
                "Basic credentials for a schema user on a module that may be OAuth-protected: {why}. ORDS accepts a \
                database user only with database authentication on (jdbc.auth.enabled), gives it the one role SQL \
                Developer, and only on its own schema's URLs: anything else answers 401."
            ),
            format!("Basic as {user} on {}", fill.resource_url.as_deref().unwrap_or_default()),
        )
        .fix(
            "Call the module with the OAuth client's token (Get token, then Call API), or add SQL Developer to the \
            privilege's roles if the database user is meant to reach it (ORDS.CREATE_PRIVILEGE / \
            ORDS_SECURITY.CREATE_PRIVILEGE, p_roles).",
        ),
    )
}

/// The inputs' diagnosis of what the paste fills (what it leaves empty is not checked).
fn settings(fill: &Fill) -> Vec<Finding> {
    let inputs = Inputs {
        flow: fill.flow.unwrap_or_default(),
        token_url: fill.token_url.clone().unwrap_or_default(),
        resource_url: fill.resource_url.clone().unwrap_or_default(),
        client_id: fill.client_id.clone().unwrap_or_else(|| "..".into()),
        client_secret: fill.client_secret.clone().unwrap_or_default(),
        client_auth: fill.client_auth.unwrap_or_default(),
        method: fill.method.unwrap_or_default(),
        ..Inputs::default()
    };
    crate::diagnose::diagnose_inputs(&inputs).into_iter().filter(|f| f.severity != Severity::Info).collect()
}
