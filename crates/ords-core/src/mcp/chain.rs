//! The MCP server's OAuth chain, walked hop by hop against any [`Sender`]: the first call and
//! its challenge, the protected-resource metadata, the authorization server's metadata, the
//! token (client credentials with the MCP scope, or a token given), the token against the MCP
//! profile, `initialize`, `notifications/initialized`, `tools/list`, and `database_list` (which
//! shows whether a pool opted in). Each hop keeps its exchange and a verdict saying what
//! happened and what to change; the walk stops at the first hop that fails.

use super::*;
use crate::call::{Method, ResourceCall};
use crate::exchange::{Exchange, Step};
use crate::flow::{exchange, Sender};
use crate::held_token::HeldToken;
use crate::jwt_profile::{Jwks, JwtProfile};
use crate::request::{bearer_request, open_request, token_request};
use crate::settings::{OAuthSettings, TokenPlacement};
use crate::AccessToken;
use serde_json::{json, Value};

/// What the walk starts from.
#[derive(Clone, Debug)]
pub struct McpInputs {
    /// `https://host/mcp`.
    pub mcp_url: String,
    /// The client at the identity provider (its token URL comes from discovery).
    pub oauth: OAuthSettings,
    /// A token to use instead of asking for one.
    pub own_token: Option<AccessToken>,
    /// The MCP JWT profile's audience, as ORDS is set up (empty: the metadata's resource).
    pub audience: String,
    pub now_s: i64,
}

/// The hops, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hop {
    Challenge,
    ResourceMetadata,
    AuthServerMetadata,
    Token,
    TokenCheck,
    Initialize,
    Initialized,
    ToolsList,
    Databases,
}

impl Hop {
    pub fn label(self) -> &'static str {
        match self {
            Self::Challenge => "The first call and its challenge",
            Self::ResourceMetadata => "Protected-resource metadata",
            Self::AuthServerMetadata => "Authorization server metadata",
            Self::Token => "Token (client credentials, MCP scope)",
            Self::TokenCheck => "The token against the MCP profile",
            Self::Initialize => "initialize",
            Self::Initialized => "notifications/initialized",
            Self::ToolsList => "tools/list",
            Self::Databases => "database_list",
        }
    }
}

/// A hop's outcome: what happened, and when it failed, what to change.
#[derive(Clone, Debug)]
pub struct HopResult {
    pub hop: Hop,
    pub exchanges: Vec<Exchange>,
    pub ok: bool,
    pub said: String,
    pub fix: Option<String>,
}

/// The walk: every hop made, and the tools when the list was read.
#[derive(Clone, Debug, Default)]
pub struct McpRun {
    pub hops: Vec<HopResult>,
    pub tools: Option<ToolList>,
}

impl McpRun {
    fn pass(&mut self, hop: Hop, exchanges: Vec<Exchange>, said: String) {
        self.hops.push(HopResult { hop, exchanges, ok: true, said, fix: None });
    }

    fn fail(mut self, hop: Hop, exchanges: Vec<Exchange>, said: String, fix: &str) -> Self {
        self.hops.push(HopResult { hop, exchanges, ok: false, said, fix: Some(fix.to_owned()) });
        self
    }
}

async fn get(url: &str, send: &impl Sender) -> Option<Exchange> {
    let request = open_request(&ResourceCall::get(url)).ok()?;
    Some(exchange(Step::Resource, request, send).await)
}

/// The body of a 2xx answer, or None.
fn ok_body(e: &Exchange) -> Option<&str> {
    e.response().filter(|r| (200..300).contains(&r.status)).map(|r| r.body.as_str())
}

fn status_text(e: &Exchange) -> String {
    match e.response() {
        Some(r) => format!("HTTP {}", r.status),
        None if e.failed_to_fetch() => "no answer the browser could read (CORS, or the host is unreachable)".into(),
        None => "no answer".into(),
    }
}

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
                scope: MCP_SCOPE.to_owned(),
                ..inputs.oauth.clone()
            };
            let Ok(request) = token_request(&settings) else {
                return run.fail(Hop::Token, Vec::new(), "The client id and secret are needed.".into(), "Type them.");
            };
            let e = exchange(Step::Token, request, send).await;
            let grant = e.response().filter(|r| r.status == 200).map(crate::parse_token_grant);
            match grant {
                Some(Ok(grant)) => (grant.access_token, vec![e]),
                _ => {
                    let said = format!("The identity provider answered {}.", status_text(&e));
                    let fix = "Check the client id and secret, that the client may use client_credentials, and that \
                               it may ask for the scope urn:oracle:dbtools:ords:mcpserver:all.";
                    return run.fail(Hop::Token, vec![e], said, fix);
                }
            }
        }
    };
    run.pass(Hop::Token, exchanges, "A token to send.".into());
    // The token against the MCP profile.
    let audience = if inputs.audience.trim().is_empty() { resource.resource.clone() } else { inputs.audience.clone() };
    let profile = JwtProfile {
        issuer: server.issuer.clone(),
        audience,
        privilege: MCP_SCOPE.to_owned(),
        ..JwtProfile::default()
    };
    let broken = crate::check_jwt(token.secret(), &profile, inputs.now_s, &Jwks::Unknown);
    if let Some(first) = broken.iter().find(|f| f.severity == crate::Severity::Problem) {
        return run.fail(Hop::TokenCheck, Vec::new(), first.cause.clone(), &first.fix);
    }
    run.pass(Hop::TokenCheck, Vec::new(), "Issuer, audience, scope and times match the profile.".into());
    // JSON-RPC.
    rpc_hops(run, inputs, &token, send).await
}

fn init_params() -> Value {
    json!({ "protocolVersion": PROTOCOL_VERSIONS[0], "capabilities": {},
        "clientInfo": { "name": "ORDS Auth Playground", "version": "1" } })
}

/// A POST to the MCP server: JSON-RPC, with the session once there is one.
fn rpc_call(
    url: &str,
    session: Option<&str>,
    version: Option<&str>,
    id: u64,
    method: &str,
    params: Value,
) -> ResourceCall {
    let mut headers = vec![("Accept".to_owned(), "application/json, text/event-stream".to_owned())];
    headers.extend(session.map(|s| ("Mcp-Session-Id".to_owned(), s.to_owned())));
    headers.extend(version.map(|v| ("MCP-Protocol-Version".to_owned(), v.to_owned())));
    let id = (!method.starts_with("notifications/")).then_some(id);
    let mut call = ResourceCall::get(url);
    call.method = Method::Post;
    call.headers = headers;
    call.body = rpc_request(id, method, params);
    call
}

async fn send_call(call: ResourceCall, send: &impl Sender) -> Option<Exchange> {
    let request = open_request(&call).ok()?;
    Some(exchange(Step::Resource, request, send).await)
}

async fn send_bearer(call: ResourceCall, token: &AccessToken, send: &impl Sender) -> Option<Exchange> {
    let held = HeldToken::new(token.clone(), "Bearer".into(), None, 0.0);
    let request = bearer_request(&call, &held, &TokenPlacement::default()).ok()?;
    Some(exchange(Step::Resource, request, send).await)
}

fn answer(e: &Exchange, id: u64) -> Result<RpcAnswer, String> {
    let r = e.response().ok_or_else(|| status_text(e))?;
    if !(200..300).contains(&r.status) {
        return Err(format!("HTTP {}", r.status));
    }
    let content_type = crate::find_header(&r.headers, "Content-Type").unwrap_or_default();
    read_rpc_answer(content_type, &r.body, id).map_err(|e| e.to_string())
}

async fn rpc_hops(mut run: McpRun, inputs: &McpInputs, token: &AccessToken, send: &impl Sender) -> McpRun {
    let url = &inputs.mcp_url;
    let Some(init) = send_bearer(rpc_call(url, None, None, 1, "initialize", init_params()), token, send).await else {
        return run;
    };
    let version = match answer(&init, 1) {
        Ok(RpcAnswer::Result(v)) => v.get("protocolVersion").and_then(Value::as_str).unwrap_or_default().to_owned(),
        Ok(RpcAnswer::Error { message, .. }) => {
            return run.fail(Hop::Initialize, vec![init], format!("The server refused: {message}"), "See its message.")
        }
        Err(why) => {
            let fix = if init.response().is_some_and(|r| r.status == 401) {
                "ORDS refused the token (invalid_token): the token check above names what it can see; the signature \
                 is checked against the JWK set of the MCP profile."
            } else {
                "Check the MCP server's answer in the exchange."
            };
            return run.fail(Hop::Initialize, vec![init], format!("initialize got {why}."), fix);
        }
    };
    let session = init.response().and_then(|r| crate::find_header(&r.headers, "Mcp-Session-Id")).map(str::to_owned);
    run.pass(Hop::Initialize, vec![init], format!("Protocol version {version}."));
    let (s, v) = (session.as_deref(), Some(version.as_str()).filter(|v| !v.is_empty()));
    let Some(done) = send_bearer(rpc_call(url, s, v, 0, "notifications/initialized", Value::Null), token, send).await
    else {
        return run;
    };
    let accepted = done.response().is_some_and(|r| (200..300).contains(&r.status));
    if !accepted {
        let said = format!("The notification got {}.", status_text(&done));
        return run.fail(Hop::Initialized, vec![done], said, "The server should accept it with 202.");
    }
    run.pass(Hop::Initialized, vec![done], "Accepted.".into());
    let Some(list) = send_bearer(rpc_call(url, s, v, 2, "tools/list", json!({})), token, send).await else {
        return run;
    };
    let tools = match answer(&list, 2) {
        Ok(RpcAnswer::Result(result)) => read_tools(&result),
        Ok(RpcAnswer::Error { message, .. }) => {
            return run.fail(Hop::ToolsList, vec![list], message, "See its message.")
        }
        Err(why) => return run.fail(Hop::ToolsList, vec![list], why, "Check the exchange."),
    };
    run.pass(Hop::ToolsList, vec![list], format!("{} tools.", tools.tools.len() + tools.left_out));
    run.tools = Some(tools);
    let params = json!({ "name": "database_list", "arguments": {} });
    let Some(dbs) = send_bearer(rpc_call(url, s, v, 3, "tools/call", params), token, send).await else { return run };
    let text = match answer(&dbs, 3) {
        Ok(RpcAnswer::Result(r)) => r.pointer("/content/0/text").and_then(Value::as_str).unwrap_or_default().to_owned(),
        _ => String::new(),
    };
    let listed = serde_json::from_str::<Value>(&text).ok().and_then(|v| v.as_array().map(Vec::len)).unwrap_or(0);
    if listed == 0 {
        let fix = "Opt the pool in: set mcp.scope (or mcp.role) in the pool's settings (direct pools only).";
        return run.fail(Hop::Databases, vec![dbs], "No database is listed: no pool opted in.".into(), fix);
    }
    let said = format!("{listed} database(s): {}.", text.chars().take(200).collect::<String>());
    run.pass(Hop::Databases, vec![dbs], said);
    run
}
