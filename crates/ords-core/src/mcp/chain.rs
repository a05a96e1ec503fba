//! The MCP server's OAuth chain, walked hop by hop against any [`Sender`]: the first call and
//! its challenge, the protected-resource metadata, the authorization server's metadata, the
//! token (client credentials with the MCP scope, or a token given), the token against the MCP
//! profile, `initialize`, `notifications/initialized`, `tools/list`, and `database_list` (which
//! shows whether a pool opted in). Each hop keeps its exchange and a verdict saying what
//! happened and what to change; the walk stops at the first hop that fails.

use super::hops::{Hop, McpAccess, McpInputs, McpRun};
use super::session::rpc_hops;
use super::wire::{get, init_params, ok_body, rpc_call, send_call, status_text};
use super::*;
use crate::exchange::{Exchange, Step};
use crate::flow::{exchange, Sender};
use crate::jwt_profile::{Jwks, JwtProfile};
use crate::request::token_request;
use crate::settings::OAuthSettings;

/// Walks the chain.
pub async fn walk(inputs: &McpInputs, send: &impl Sender) -> McpRun {
    let mut run = McpRun::default();
    let first = rpc_call(&inputs.mcp_url, None, None, 0, "initialize", init_params());
    let Some(first) = send_call(first, send).await else {
        return run.fail(
            Hop::Challenge,
            Vec::new(),
            "The MCP URL is not an http(s) URL.".into(),
            "Type https://host/mcp.",
        );
    };
    let challenge = first
        .response()
        .filter(|r| r.status == 401)
        .and_then(|r| crate::find_header(&r.headers, "WWW-Authenticate").and_then(challenge_metadata_url));
    let Some(metadata_url) = challenge else {
        let said = format!("The first call got {}, not a 401 naming resource_metadata.", status_text(&first));
        let fix = match first.response().map(|r| r.status) {
            Some(404) => {
                "ORDS serves /mcp on the host (not under /ords), on standalone ORDS 26.2 and later, once the \
                          MCP server is configured: check the URL and the ORDS version."
            }
            None => "The browser could not read the answer: the host must allow this page's origin (CORS) on /mcp.",
            _ => {
                "Without the challenge a client cannot discover where to get a token: check that ORDS's MCP \
                  server has its JWT profile configured."
            }
        };
        return run.fail(Hop::Challenge, vec![first], said, fix);
    };
    run.pass(Hop::Challenge, vec![first], format!("401, pointing at {metadata_url}."));
    // The protected-resource metadata.
    let Some(meta) = get(&metadata_url, send).await else { return run };
    let resource = match ok_body(&meta).map(read_resource_metadata) {
        Some(Ok(found)) => found,
        Some(Err(why)) => return run.fail(Hop::ResourceMetadata, vec![meta], why.to_string(), "Fix the document."),
        None => {
            let said = format!("The metadata answered {}.", status_text(&meta));
            let fix = if meta.failed_to_fetch() {
                "The host serving /.well-known/oauth-protected-resource/mcp must allow this page's origin (CORS): \
                 a proxy in front of ORDS (nginx) often serves it without."
            } else {
                "ORDS publishes this document when its global MCP JWT profile is set (issuer, audience, JWK URL)."
            };
            return run.fail(Hop::ResourceMetadata, vec![meta], said, fix);
        }
    };
    run.pass(Hop::ResourceMetadata, vec![meta], format!("Authorization server: {}.", resource.authorization_server));
    // The authorization server's metadata, where RFC 8414 or OpenID put it.
    let mut tried = Vec::new();
    let mut server = None;
    for url in auth_server_metadata_urls(&resource.authorization_server) {
        let Some(e) = get(&url, send).await else { continue };
        let read = ok_body(&e).map(read_auth_server);
        tried.push(e);
        if let Some(Ok(found)) = read {
            server = Some(found);
            break;
        }
    }
    let Some(server) = server else {
        let said = format!("None of the {} metadata addresses gave a usable document.", tried.len());
        let fix = "The identity provider must publish its metadata (RFC 8414 or OpenID discovery) with a \
                   token_endpoint, and allow this page's origin on it.";
        return run.fail(Hop::AuthServerMetadata, tried, said, fix);
    };
    run.pass(Hop::AuthServerMetadata, tried, format!("Token endpoint: {}.", server.token_endpoint));
    // The token.
    let (token, exchanges) = match &inputs.own_token {
        Some(token) => (token.clone(), Vec::new()),
        None => {
            let settings = OAuthSettings {
                token_url: server.token_endpoint.clone(),
                scope: inputs.access.scope(&inputs.oauth.scope),
                ..inputs.oauth.clone()
            };
            let Ok(request) = token_request(&settings) else {
                return run.fail(Hop::Token, Vec::new(), "The client id and secret are needed.".into(), "Type them.");
            };
            let e = exchange(Step::Token, request, send).await;
            let grant = e.response().filter(|r| r.status == 200).map(crate::parse_token_grant);
            match grant {
                Some(Ok(grant)) => {
                    run.token_url = Some(server.token_endpoint.clone());
                    (grant.access_token, vec![e])
                }
                _ => {
                    let said = format!("The identity provider answered {}.", status_text(&e));
                    let fix = match inputs.access {
                        McpAccess::Scope => {
                            "Check the client id and secret, that the client may use client_credentials, and that \
                             it may ask for the scope urn:oracle:dbtools:ords:mcpserver:all."
                        }
                        McpAccess::Role { .. } => {
                            "Check the client id and secret, that the client may use client_credentials, and the \
                             scope the provider needs for ORDS's API (Scope, under the token request's settings)."
                        }
                    };
                    return run.fail(Hop::Token, vec![e], said, fix);
                }
            }
        }
    };
    let token_came_s = checked_at(inputs.now_s, exchanges.iter());
    run.pass(Hop::Token, exchanges, "A token to send.".into());
    // The token against the MCP profile.
    let audience = if inputs.audience.trim().is_empty() { resource.resource.clone() } else { inputs.audience.clone() };
    let mut profile = JwtProfile { issuer: server.issuer.clone(), audience, ..JwtProfile::default() };
    inputs.access.apply(&mut profile);
    let (jwks, fetched) = key_set(&server.jwks_uri, send).await;
    let now_s = checked_at(token_came_s, fetched.iter());
    let broken = crate::check_jwt(token.secret(), &profile, now_s, &jwks);
    if let Some(first) = broken.iter().find(|f| f.severity == crate::Severity::Problem) {
        return run.fail(Hop::TokenCheck, fetched, first.cause.clone(), &first.fix);
    }
    let what = if inputs.access == McpAccess::Scope { "scope" } else { "role" };
    let keys = match &jwks {
        Jwks::Kids(_) => ", and its key id is in the provider's key set",
        Jwks::Unfetchable { .. } => " (the provider's key set could not be read here: ORDS fetches it itself)",
        Jwks::Unknown => "",
    };
    run.pass(Hop::TokenCheck, fetched, format!("Issuer, audience, {what} and times match the profile{keys}."));
    // JSON-RPC.
    rpc_hops(run, inputs, &token, send).await
}

/// The provider's JWK set, fetched with no credentials as ORDS fetches it (the signature itself
/// is ORDS's to verify: the page checks the token's key id is there).
async fn key_set(url: &str, send: &impl Sender) -> (Jwks, Vec<Exchange>) {
    if url.is_empty() {
        return (Jwks::Unknown, Vec::new());
    }
    let Some(e) = get(url, send).await else { return (Jwks::Unknown, Vec::new()) };
    let jwks = match ok_body(&e).map(metadata::document) {
        Some(Ok(set)) => Jwks::from_key_set(&set),
        Some(Err(why)) => Jwks::Unfetchable { why: why.to_string() },
        None => Jwks::Unfetchable { why: status_text(&e) },
    };
    (jwks, vec![e])
}

/// When the token is checked: the last answer's arrival, or the walk's start if none came. The
/// start alone is too early: the token may come after the question about its endpoint, and its
/// `nbf` is then later than the start.
fn checked_at<'a>(started_s: i64, exchanges: impl Iterator<Item = &'a Exchange>) -> i64 {
    exchanges
        .filter_map(|e| e.result.as_ref().ok())
        .map(|r| (r.received_at_ms / 1000.0).floor() as i64) // float to int saturates
        .fold(started_s, i64::max)
}
