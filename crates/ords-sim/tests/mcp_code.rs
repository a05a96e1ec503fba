//! The MCP curl script (`ords_core::mcp::curl_script`) run by bash against ords-sim over a
//! socket: it walks the whole chain to the tools (answers as SSE or JSON), and sends the client
//! secret only to the token endpoint the person trusts.

use ords_core::mcp::{curl_script, McpCodeInput};
use ords_sim::{idp, server, Sim, SimConfig};
use std::net::TcpListener;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

fn serve(sse: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let mut config = SimConfig::demo();
    config.mcp.sse = sse;
    std::thread::spawn(move || server::serve(listener, Arc::new(Mutex::new(Sim::new(config, 9)))));
    origin
}

fn run(script: &str, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new("bash");
    command.arg("-c").arg(script).env_remove("MCP_TOKEN_URL");
    command.envs(env.iter().copied());
    command.output().unwrap()
}

fn input(mcp_url: &str) -> McpCodeInput<'_> {
    McpCodeInput { mcp_url, client_id: idp::IDP_CLIENT_ID, ..Default::default() }
}

#[test]
fn the_script_walks_the_chain_to_the_tools_with_sse_or_json() {
    for sse in [true, false] {
        let origin = serve(sse);
        let mcp_url = format!("{origin}/mcp");
        let token_url = format!("{origin}/idp/token");
        let script = curl_script(&McpCodeInput { token_url: Some(&token_url), ..input(&mcp_url) });
        let out = run(&script, &[("MCP_CLIENT_SECRET", idp::IDP_CLIENT_SECRET)]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}\n{stdout}", String::from_utf8_lossy(&out.stderr));
        assert!(stdout.contains(&format!("Token endpoint: {token_url}\n")), "{stdout}");
        assert!(stdout.contains("Protocol version: 2025-11-25\n"), "{stdout}");
        assert!(stdout.contains("notifications/initialized: HTTP 202\n"), "{stdout}");
        for tool in ["database_list", "schema_information", "sql_run"] {
            assert!(stdout.contains(&format!("\"name\":\"{tool}\"")), "{tool} in {stdout}");
        }
        assert!(!stdout.contains(idp::IDP_CLIENT_SECRET));
    }
}

#[test]
fn the_secret_is_not_sent_to_a_token_endpoint_nobody_trusted() {
    let origin = serve(false);
    let mcp_url = format!("{origin}/mcp");
    let script = curl_script(&input(&mcp_url));
    let out = run(&script, &[("MCP_CLIENT_SECRET", idp::IDP_CLIENT_SECRET)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    let token_url = format!("{origin}/idp/token");
    assert!(stderr.contains(&format!("export MCP_TOKEN_URL='{token_url}' and run again")), "{stderr}");
    // Trusted through the environment, the same script gets through.
    let out = run(&script, &[("MCP_CLIENT_SECRET", idp::IDP_CLIENT_SECRET), ("MCP_TOKEN_URL", &token_url)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Another endpoint trusted: stopped before the secret is sent.
    let other = curl_script(&McpCodeInput { token_url: Some("https://idp.example.com/token"), ..input(&mcp_url) });
    let out = run(&other, &[("MCP_CLIENT_SECRET", idp::IDP_CLIENT_SECRET)]);
    assert!(!out.status.success());
}

#[test]
fn a_missing_secret_or_a_wrong_one_stops_with_a_sentence() {
    let origin = serve(false);
    let mcp_url = format!("{origin}/mcp");
    let token_url = format!("{origin}/idp/token");
    let script = curl_script(&McpCodeInput { token_url: Some(&token_url), ..input(&mcp_url) });
    let unset = run(&script, &[]);
    let said = String::from_utf8_lossy(&unset.stderr);
    assert!(said.contains("MCP_CLIENT_SECRET: is not set: export it first"), "{said}");
    let wrong = run(&script, &[("MCP_CLIENT_SECRET", "not it")]);
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("The identity provider gave no token"));
    let nothing_there = curl_script(&input("http://127.0.0.1:9/mcp"));
    let out = run(&nothing_there, &[]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("No 401 naming resource_metadata: is the MCP server set up"));
}
