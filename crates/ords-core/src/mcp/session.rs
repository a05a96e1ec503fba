//! The walk's JSON-RPC hops, once it holds a token: `initialize`, `notifications/initialized`,
//! `tools/list`, and `database_list` (which shows whether a pool opted in).

use super::hops::{Hop, McpInputs, McpRun};
use super::wire::{answer, init_params, rpc_call, send_bearer, status_text};
use super::*;
use crate::flow::Sender;
use crate::AccessToken;
use serde_json::{json, Value};

pub(super) async fn rpc_hops(mut run: McpRun, inputs: &McpInputs, token: &AccessToken, send: &impl Sender) -> McpRun {
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
