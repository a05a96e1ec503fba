//! The requests of a walk: a credential-less GET, JSON-RPC POSTs (with the token once there is
//! one) and how their answers read, each sent through the flows' own `exchange`.

use super::*;
use crate::call::{Method, ResourceCall};
use crate::exchange::{Exchange, Step};
use crate::flow::{exchange, Sender};
use crate::held_token::HeldToken;
use crate::request::{bearer_request, open_request};
use crate::settings::TokenPlacement;
use crate::AccessToken;
use serde_json::{json, Value};

pub(super) async fn get(url: &str, send: &impl Sender) -> Option<Exchange> {
    send_call(ResourceCall::get(url), send).await
}

/// The body of a 2xx answer, or None.
pub(super) fn ok_body(e: &Exchange) -> Option<&str> {
    e.response().filter(|r| (200..300).contains(&r.status)).map(|r| r.body.as_str())
}

pub(super) fn status_text(e: &Exchange) -> String {
    match e.response() {
        Some(r) => format!("HTTP {}", r.status),
        None if e.failed_to_fetch() => "no answer the browser could read (CORS, or the host is unreachable)".into(),
        None => "no answer".into(),
    }
}

pub(super) fn init_params() -> Value {
    json!({ "protocolVersion": PROTOCOL_VERSIONS[0], "capabilities": {},
        "clientInfo": { "name": "ORDS Auth Playground", "version": "1" } })
}

/// A POST to the MCP server: JSON-RPC, with the session once there is one.
pub(super) fn rpc_call(
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

pub(super) async fn send_call(call: ResourceCall, send: &impl Sender) -> Option<Exchange> {
    let request = open_request(&call).ok()?;
    Some(exchange(Step::Resource, request, send).await)
}

pub(super) async fn send_bearer(call: ResourceCall, token: &AccessToken, send: &impl Sender) -> Option<Exchange> {
    let held = HeldToken::new(token.clone(), "Bearer".into(), None, 0.0);
    let request = bearer_request(&call, &held, &TokenPlacement::default()).ok()?;
    Some(exchange(Step::Resource, request, send).await)
}

pub(super) fn answer(e: &Exchange, id: u64) -> Result<RpcAnswer, String> {
    let r = e.response().ok_or_else(|| status_text(e))?;
    if !(200..300).contains(&r.status) {
        return Err(format!("HTTP {}", r.status));
    }
    let content_type = crate::find_header(&r.headers, "Content-Type").unwrap_or_default();
    read_rpc_answer(content_type, &r.body, id).map_err(|e| e.to_string())
}
