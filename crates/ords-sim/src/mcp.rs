//! ORDS's MCP server (26.2, standalone ORDS): `/mcp` on the host, its protected-resource
//! metadata, the identity provider's authorization-server metadata, and JSON-RPC with the
//! three tools ORDS lists (`sql_run` answers read-only from the HR model). A token is checked
//! against the global MCP JWT profile (issuer: this server's `/idp`; audience and scope as set
//! here) by the same rules the page explains. Undocumented behaviour is a switch: whether `/mcp`
//! answers a preflight, and whether answers come as server-sent events or JSON.

use crate::config::SimConfig;
use crate::cors::{self, Cors};
use crate::problem::respond;
use ords_core::mcp::{McpAccess, MCP_PATH, MCP_SCOPE, PROTOCOL_VERSIONS, RESOURCE_METADATA_PATH};
use ords_core::{HttpRequest, HttpResponse};
use serde_json::{json, Value};

/// Answers the MCP server's paths and the discovery documents, or None for any other path.
pub fn answer(config: &SimConfig, request: &HttpRequest, path: &str, now_ms: u64) -> Option<HttpResponse> {
    let document = match path {
        RESOURCE_METADATA_PATH => Some(config.mcp.metadata.then(|| resource_metadata(config, request))),
        "/.well-known/oauth-authorization-server/idp"
        | "/.well-known/openid-configuration/idp"
        | "/idp/.well-known/openid-configuration" => Some(Some(auth_server_metadata(request))),
        MCP_PATH => None,
        _ => return None,
    };
    let decision = cors::decide(request, &config.module_origins);
    let mut response = match document {
        Some(_) if request.method != "GET" => respond(405, "application/json", "{}".into()),
        Some(found) => {
            let r = found.map_or_else(not_found, |body| respond(200, "application/json", body.to_string()));
            if !config.mcp.well_known_cors {
                return Some(r);
            }
            r
        }
        None if cors::is_preflight(request) => {
            return Some(match (&decision, config.mcp.preflight) {
                (Cors::Allowed(origin), true) => cors::preflight_ok(request, origin, "POST, GET, DELETE, OPTIONS"),
                _ => not_found(),
            });
        }
        None => server(config, request, now_ms),
    };
    if let Cors::Allowed(origin) = &decision {
        cors::add_actual_headers(&mut response, origin);
    }
    Some(response)
}

/// The authorization server the MCP server names and trusts: the one set, else this server's `/idp`.
fn issuer_for(config: &SimConfig, request: &HttpRequest) -> String {
    config.mcp.auth_server.clone().unwrap_or_else(|| crate::idp::served_issuer(request))
}

fn not_found() -> HttpResponse {
    crate::problem::problem(404, "NotFound", "Not Found", "mcp")
}

fn resource_metadata(config: &SimConfig, request: &HttpRequest) -> Value {
    let origin = ords_core::origin_of(&request.url).unwrap_or_default();
    json!({
        "resource": format!("{origin}{MCP_PATH}"),
        "authorization_servers": [issuer_for(config, request)],
        "scopes_supported": [MCP_SCOPE],
        "bearer_methods_supported": ["header"],
    })
}

fn auth_server_metadata(request: &HttpRequest) -> Value {
    let base = crate::idp::served_issuer(request);
    json!({
        "issuer": base,
        "token_endpoint": format!("{base}/token"),
        "jwks_uri": format!("{base}/jwks"),
        "grant_types_supported": ["client_credentials"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic"],
        "scopes_supported": [MCP_SCOPE],
    })
}

/// Where role mode reads the role (a JSON Pointer).
pub const ROLE_CLAIM: &str = "/roles";

/// `401` with the challenge that points at the metadata.
fn challenge(request: &HttpRequest, error: Option<&str>) -> HttpResponse {
    let origin = ords_core::origin_of(&request.url).unwrap_or_default();
    let error = error.map(|e| format!("error=\"{e}\", ")).unwrap_or_default();
    let mut r = respond(401, "application/json", json!({ "error": "unauthorized" }).to_string());
    let value = format!("Bearer {error}resource_metadata=\"{origin}{RESOURCE_METADATA_PATH}\"");
    r.headers.push(("WWW-Authenticate".into(), value));
    r
}

/// The JSON-RPC endpoint: the token first, then the method.
fn server(config: &SimConfig, request: &HttpRequest, now_ms: u64) -> HttpResponse {
    if request.method != "POST" {
        let mut r = respond(405, "application/json", "{}".into());
        r.headers.push(("Allow".into(), "POST".into()));
        return r;
    }
    let token = request.header("Authorization").and_then(|a| a.strip_prefix("Bearer ")).map(str::trim);
    let Some(token) = token else { return challenge(request, None) };
    let mut profile = ords_core::jwt_profile::JwtProfile {
        issuer: issuer_for(config, request),
        audience: config.mcp.audience.clone(),
        allowed_skew_s: Some(30),
        ..Default::default()
    };
    // Role mode: the role at /roles, read as the page reads a role-mode profile.
    let access = match &config.mcp.role {
        Some(role) => McpAccess::Role { claim: ROLE_CLAIM.into(), role: role.clone() },
        None => McpAccess::Scope,
    };
    access.apply(&mut profile);
    if !crate::idp::accepts_profile(&profile, token, now_ms) {
        return challenge(request, Some("invalid_token"));
    }
    let Ok(call) = serde_json::from_str::<Value>(&request.body) else {
        return rpc(
            config,
            request,
            json!({ "jsonrpc": "2.0", "id": null, "error": { "code": -32700, "message": "Parse error" } }),
        );
    };
    let id = call.get("id").cloned();
    let method = call.get("method").and_then(Value::as_str).unwrap_or_default();
    let Some(id) = id else {
        // A notification (notifications/initialized): accepted, no answer.
        return HttpResponse { status: 202, reason: "Accepted".into(), headers: Vec::new(), body: String::new() };
    };
    let result = match method {
        "initialize" => {
            let asked = call.pointer("/params/protocolVersion").and_then(Value::as_str).unwrap_or_default();
            let version = if PROTOCOL_VERSIONS.contains(&asked) { asked } else { PROTOCOL_VERSIONS[0] };
            Ok(json!({ "protocolVersion": version, "capabilities": { "tools": {} },
                "serverInfo": { "name": "ords-sim MCP server", "version": env!("CARGO_PKG_VERSION") } }))
        }
        "tools/list" => Ok(json!({ "tools": tools() })),
        "tools/call" => Ok(call_tool(config, &call)),
        _ => {
            let shown: String = method.chars().take(80).collect();
            Err(json!({ "code": -32601, "message": format!("Method not found: {shown}") }))
        }
    };
    let body = match result {
        Ok(result) => json!({ "jsonrpc": "2.0", "id": id, "result": result }),
        Err(error) => json!({ "jsonrpc": "2.0", "id": id, "error": error }),
    };
    let mut r = rpc(config, request, body);
    if method == "initialize" {
        r.headers.push(("Mcp-Session-Id".into(), "ords-sim-session".into()));
    }
    r
}

/// The answer as server-sent events (when accepted and switched on) or as JSON.
fn rpc(config: &SimConfig, request: &HttpRequest, body: Value) -> HttpResponse {
    let accepts_sse = request.header("Accept").is_some_and(|a| a.contains("text/event-stream"));
    if config.mcp.sse && accepts_sse {
        respond(200, "text/event-stream", format!("event: message\ndata: {body}\n\n"))
    } else {
        respond(200, "application/json", body.to_string())
    }
}

fn tools() -> Value {
    let text = |description: &str| json!({ "type": "string", "description": description });
    json!([
        { "name": "database_list", "description": "Lists the databases (pools) this MCP server may reach.",
          "inputSchema": { "type": "object", "properties": {} } },
        { "name": "schema_information", "description": "Describes the tables and views of a database's schema.",
          "inputSchema": { "type": "object", "properties": { "database": text("The pool's name") },
            "required": ["database"] } },
        { "name": "sql_run", "description": "Runs a SQL query in a database and returns its rows.",
          "inputSchema": { "type": "object", "properties": { "database": text("The pool's name"),
            "sql": text("The query") }, "required": ["database", "sql"] } },
    ])
}

/// A tool's answer as MCP content: text, or an error the client shows.
fn call_tool(config: &SimConfig, call: &Value) -> Value {
    let name = call.pointer("/params/name").and_then(Value::as_str).unwrap_or_default();
    let text = |t: String, error: bool| json!({ "content": [{ "type": "text", "text": t }], "isError": error });
    let pools: Vec<&str> = if config.mcp.pool_opted_in { vec!["default"] } else { Vec::new() };
    match name {
        "database_list" => text(json!(pools).to_string(), false),
        "schema_information" | "sql_run" if pools.is_empty() => {
            text("No database has opted in to the MCP server (mcp.scope or mcp.role on the pool).".into(), true)
        }
        "schema_information" => text(
            "EMPLOYEES (EMPLOYEE_ID, FIRST_NAME, LAST_NAME, EMAIL, JOB_ID, HIRE_DATE, SALARY, \
            DEPARTMENT_ID)"
                .into(),
            false,
        ),
        "sql_run" => {
            let sql = call.pointer("/params/arguments/sql").and_then(Value::as_str).unwrap_or_default();
            if !sql.trim_start().to_ascii_lowercase().starts_with("select") {
                return text("This server runs queries only (read-only).".into(), true);
            }
            let rows: Vec<Value> = config
                .employees
                .iter()
                .take(10)
                .map(|e| json!({ "EMPLOYEE_ID": e.employee_id, "FIRST_NAME": e.first_name, "LAST_NAME": e.last_name }))
                .collect();
            text(json!(rows).to_string(), false)
        }
        _ => text(format!("Unknown tool: {}", name.chars().take(80).collect::<String>()), true),
    }
}
