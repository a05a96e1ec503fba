use super::*;
use serde_json::json;

#[test]
fn the_challenge_names_the_metadata_and_nothing_else_is_followed() {
    let url = "https://h.example/.well-known/oauth-protected-resource/mcp";
    let c = format!(r#"Bearer error="invalid_token", resource_metadata="{url}""#);
    assert_eq!(challenge_metadata_url(&c).as_deref(), Some(url));
    assert_eq!(
        challenge_metadata_url("Bearer resource_metadata=http://h:8080/x, realm=a").as_deref(),
        Some("http://h:8080/x")
    );
    assert_eq!(challenge_metadata_url(r#"Bearer resource_metadata="javascript:alert(1)""#), None);
    assert_eq!(challenge_metadata_url(r#"Bearer realm="Oracle REST Data Services""#), None);
    assert_eq!(challenge_metadata_url(r#"Bearer resource_metadata="unterminated"#), None);
}

#[test]
fn the_authorization_server_s_metadata_is_looked_for_where_rfc_8414_and_openid_put_it() {
    assert_eq!(
        auth_server_metadata_urls("https://idp.example/realms/ords/"),
        [
            "https://idp.example/.well-known/oauth-authorization-server/realms/ords",
            "https://idp.example/.well-known/openid-configuration/realms/ords",
            "https://idp.example/realms/ords/.well-known/openid-configuration",
        ]
    );
    assert_eq!(
        auth_server_metadata_urls("https://idp.example"),
        [
            "https://idp.example/.well-known/oauth-authorization-server",
            "https://idp.example/.well-known/openid-configuration"
        ]
    );
    assert!(auth_server_metadata_urls("data:text/html,x").is_empty());
}

#[test]
fn metadata_is_read_within_bounds_and_only_http_urls_are_taken() {
    let ok = json!({ "resource": "https://h/mcp", "authorization_servers": ["https://idp/", "https://b/"],
        "scopes_supported": [MCP_SCOPE] });
    let m = read_resource_metadata(&ok.to_string()).unwrap();
    assert_eq!(
        (m.authorization_server.as_str(), m.scopes.as_slice()),
        ("https://idp/", [MCP_SCOPE.to_owned()].as_slice())
    );
    let js = json!({ "authorization_servers": ["javascript:alert(1)"] }).to_string();
    assert_eq!(
        read_resource_metadata(&js).unwrap_err().to_string(),
        "Its authorization_servers is not an http(s) URL (javascript:alert(1)): the page does not follow it."
    );
    assert_eq!(read_resource_metadata("{}"), Err(MetadataError::Missing("authorization_servers")));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(read_resource_metadata(&deep), Err(MetadataError::TooDeep));
    let huge = format!("{{\"x\":\"{}\"}}", "a".repeat(MAX_DOCUMENT));
    assert!(matches!(read_resource_metadata(&huge), Err(MetadataError::TooLarge(_))));
    let brackets_in_strings = json!({ "resource": "[[[[".repeat(100), "authorization_servers": ["https://i/"] });
    assert!(read_resource_metadata(&brackets_in_strings.to_string()).is_ok(), "brackets in strings are not nesting");
    let server = json!({ "issuer": "https://idp/", "token_endpoint": "https://idp/token", "jwks_uri": "data:x",
        "grant_types_supported": ["client_credentials"] });
    let a = read_auth_server(&server.to_string()).unwrap();
    assert_eq!((a.token_endpoint.as_str(), a.jwks_uri.as_str()), ("https://idp/token", ""));
    let bad = json!({ "issuer": "x", "token_endpoint": "/relative" }).to_string();
    assert!(matches!(read_auth_server(&bad), Err(MetadataError::NotAUrl { field: "token_endpoint", .. })));
}

#[test]
fn answers_are_read_from_json_or_from_server_sent_events() {
    assert_eq!(
        rpc_request(Some(1), "initialize", json!({ "protocolVersion": PROTOCOL_VERSIONS[0] })),
        r#"{"id":1,"jsonrpc":"2.0","method":"initialize","params":{"protocolVersion":"2025-11-25"}}"#
    );
    assert_eq!(
        rpc_request(None, "notifications/initialized", serde_json::Value::Null),
        r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#
    );
    let json_body = r#"{"jsonrpc":"2.0","id":2,"result":{"tools":[]}}"#;
    assert_eq!(read_rpc_answer("application/json", json_body, 2), Ok(RpcAnswer::Result(json!({ "tools": [] }))));
    let sse = "event: message\r\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}\r\n\r\n\
               event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":2,\n\
               data: \"error\":{\"code\":-32601,\"message\":\"no\"}}\n\n";
    assert_eq!(
        read_rpc_answer("text/event-stream; charset=utf-8", sse, 2),
        Ok(RpcAnswer::Error { code: -32601, message: "no".into() })
    );
    let endless = "data: {\"jsonrpc\":\"2.0\",\"method\":\"ping\"}\n\n".repeat(100_000);
    assert_eq!(
        read_rpc_answer("text/event-stream", &endless, 2),
        Err(RpcError::NoAnswer { events: MAX_EVENTS, cut: true })
    );
    assert_eq!(read_rpc_answer("application/json", r#"{"jsonrpc":"2.0"}"#, 1), Err(RpcError::NotRpc));
}

#[test]
fn a_huge_tool_list_is_cut_and_counted() {
    let tool = json!({ "name": "sql_run", "description": "short", "inputSchema": { "type": "object" } });
    let mut tools = vec![tool; 10_000];
    tools[0]["description"] = json!("d".repeat(1_000_000));
    let list = read_tools(&json!({ "tools": tools }));
    assert_eq!((list.tools.len(), list.left_out), (MAX_TOOLS, 10_000 - MAX_TOOLS));
    assert_eq!(list.tools[0].description.len(), rpc::MAX_DESCRIPTION);
    assert_eq!(list.tools[0].input_schema, "{\n  \"type\": \"object\"\n}");
    assert_eq!(read_tools(&json!({ "tools": "nope" })), ToolList::default());
}

#[test]
fn a_probe_tells_a_refused_origin_from_a_host_that_is_not_there() {
    let url = "https://idp.example.com/.well-known/oauth-protected-resource/mcp";
    assert_eq!(
        probe_said(crate::Probe::ReachableWithoutCors, url).unwrap(),
        "https://idp.example.com answered a request this page may not read (no-cors): the host is up and refused \
         this page's origin. Allow it there (Access-Control-Allow-Origin on this path, and on the preflight if one is \
         sent)."
    );
    assert_eq!(
        probe_said(crate::Probe::Unreachable, url).unwrap(),
        "Nothing answered at https://idp.example.com, even a request without CORS: the host is down, unreachable \
         from this browser, or the address is wrong."
    );
    assert_eq!(probe_said(crate::Probe::NotProbed, url), None);
}

#[test]
fn an_answer_to_another_request_is_not_taken() {
    let said = read_rpc_answer("application/json", r#"{"jsonrpc":"2.0","id":41,"result":{}}"#, 1).unwrap_err();
    assert_eq!(
        said.to_string(),
        "The answer is to another request (id 41), not to the one sent (id 1): it is not used."
    );
    let quoted = read_rpc_answer("application/json", r#"{"jsonrpc":"2.0","id":"1","result":{}}"#, 1).unwrap_err();
    assert_eq!(quoted, RpcError::OtherId { sent: 1, got: "\"1\"".into() });
    // An error answer without an id (a parse error) is still read as the server's error.
    let parse = r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#;
    let error = RpcAnswer::Error { code: -32700, message: "Parse error".into() };
    assert_eq!(read_rpc_answer("application/json", parse, 1), Ok(error));
    let matched = read_rpc_answer("application/json", r#"{"jsonrpc":"2.0","id":1,"result":{"a":1}}"#, 1);
    assert_eq!(matched, Ok(RpcAnswer::Result(serde_json::json!({"a":1}))));
}
