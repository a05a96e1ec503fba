use super::*;

fn input() -> McpCodeInput<'static> {
    let mcp_url = "https://ords.example.com/mcp";
    McpCodeInput { mcp_url, client_id: "Te8yn-qGmBoX6jzpPhnUXA..", ..Default::default() }
}

fn lines_after<'a>(script: &'a str, heading: &str, count: usize) -> Vec<&'a str> {
    script.lines().skip_while(|l| !l.starts_with(heading)).skip(1).take(count).collect()
}

#[test]
fn the_token_step_asks_for_the_mcp_scope_with_the_secret_from_the_environment() {
    let script = curl_script(&input());
    assert_eq!(
        lines_after(&script, "# comes with the client", 6),
        [
            "CLIENT_ID='Te8yn-qGmBoX6jzpPhnUXA..'",
            "CLIENT_SECRET=\"${MCP_CLIENT_SECRET?is not set: export it first}\"",
            "TOKEN=$(curl -fsS -g -X POST \"$TOKEN_URL\" --user \"$CLIENT_ID:$CLIENT_SECRET\" \\",
            "  --data-urlencode 'grant_type=client_credentials' --data-urlencode \
             'scope=urn:oracle:dbtools:ords:mcpserver:all' \\",
            "  | field access_token) || true",
            "[ -n \"$TOKEN\" ] || stop 'The identity provider gave no token: check the client id, secret and scope.'",
        ]
    );
    assert!(script.starts_with("#!/usr/bin/env bash\n"));
    assert!(script.contains("\nMCP_URL='https://ords.example.com/mcp'\n"));
    assert!(script.contains(
        "\ncurl -sS -g -X POST \"$MCP_URL\" \"${MCP[@]}\" --data-raw \
         '{\"id\":2,\"jsonrpc\":\"2.0\",\"method\":\"tools/list\",\"params\":{}}'\necho\n"
    ));
}

#[test]
fn each_client_authentication_is_written_its_way() {
    let body = curl_script(&McpCodeInput { secret_in_body: true, ..input() });
    assert!(body
        .contains(" --data-urlencode \"client_id=$CLIENT_ID\" --data-urlencode \"client_secret=$CLIENT_SECRET\" \\\n"));
    assert!(!body.contains("--user"));
    let colon = curl_script(&McpCodeInput { client_id: "a:b", ..input() });
    assert!(colon.contains(
        " -H \"Authorization: Basic $(printf '%s:%s' \"$CLIENT_ID\" \"$CLIENT_SECRET\" | base64 | tr -d '\\n')\" \\\n"
    ));
    let role = curl_script(&McpCodeInput { role_mode_scope: Some("api://ords/.default"), ..input() });
    let asked = "--data-urlencode 'grant_type=client_credentials' --data-urlencode 'scope=api://ords/.default' \\\n";
    assert!(role.contains(asked));
    let no_scope = curl_script(&McpCodeInput { role_mode_scope: Some(" "), ..input() });
    assert!(no_scope.contains("--data-urlencode 'grant_type=client_credentials' \\\n  | field access_token"));
}

#[test]
fn a_token_held_is_read_from_the_environment_and_no_identity_provider_is_asked() {
    let script = curl_script(&McpCodeInput { own_token: true, ..input() });
    assert!(script.contains("\nTOKEN=\"${ORDS_MCP_TOKEN?is not set: export it first}\"\n"));
    assert!(!script.contains("CLIENT_SECRET") && !script.contains("TOKEN_URL"));
}

#[test]
fn typed_values_stay_inside_their_quotes() {
    let hostile = "https://h/mcp'; touch /tmp/pwned; echo '$(id)`x`";
    let script = curl_script(&McpCodeInput { mcp_url: hostile, client_id: "x'\n$(id)", ..input() });
    assert!(script.contains("\nMCP_URL='https://h/mcp'\\''; touch /tmp/pwned; echo '\\''$(id)`x`'\n"));
    assert!(script.contains("\nCLIENT_ID='x'\\''\n$(id)'\n"));
    let config = client_config(hostile);
    let read: serde_json::Value = serde_json::from_str(&config).unwrap();
    assert_eq!(read["servers"]["ords"]["url"], hostile);
}

#[test]
fn the_client_configuration_asks_for_the_token_and_never_holds_it() {
    assert_eq!(
        client_config("https://ords.example.com/mcp"),
        r#"{
  "inputs": [
    {
      "description": "An access token for ORDS's MCP server (the curl script's step 4 gets one; it expires)",
      "id": "ords-mcp-token",
      "password": true,
      "type": "promptString"
    }
  ],
  "servers": {
    "ords": {
      "headers": {
        "Authorization": "Bearer ${input:ords-mcp-token}"
      },
      "type": "http",
      "url": "https://ords.example.com/mcp"
    }
  }
}
"#
    );
}

#[test]
fn the_secret_goes_only_to_the_token_endpoint_trusted() {
    let walked = curl_script(&McpCodeInput { token_url: Some("https://idp.example.com/token"), ..input() });
    assert_eq!(
        lines_after(&walked, "# The secret goes only", 6),
        [
            "TRUSTED_TOKEN_URL='https://idp.example.com/token'",
            "if [ -n \"${MCP_TOKEN_URL:-}\" ]; then TRUSTED_TOKEN_URL=$MCP_TOKEN_URL; fi",
            "[ \"$TOKEN_URL\" = \"$TRUSTED_TOKEN_URL\" ] \\",
            "  || stop \"The metadata names $TOKEN_URL: if you trust it with the client secret, \\",
            "  export MCP_TOKEN_URL='$TOKEN_URL' and run again.\"",
            "",
        ]
    );
    assert!(curl_script(&input()).contains("\nTRUSTED_TOKEN_URL=''\n"));
}
