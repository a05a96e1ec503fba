//! Code for ORDS's MCP server: a bash + curl script that walks the chain a client walks (the
//! challenge, both metadata documents, a client-credentials token, `initialize`,
//! `notifications/initialized`, `tools/list`), and the configuration an MCP client reads (VS
//! Code's `mcp.json`). Secrets are variables in both, never written inline: the script reads
//! `MCP_CLIENT_SECRET` (or `ORDS_MCP_TOKEN`) from the environment, the configuration asks for the
//! token when the client starts (an input with `password: true`).

use super::{rpc_request, MCP_SCOPE};
use crate::quote::shell;
use serde_json::json;

/// What the code starts from: nothing secret.
#[derive(Clone, Debug, Default)]
pub struct McpCodeInput<'a> {
    pub mcp_url: &'a str,
    pub client_id: &'a str,
    /// The client authenticates with id and secret in the token request's body (else Basic).
    pub secret_in_body: bool,
    /// The person holds a token: the script reads it instead of asking the identity provider.
    pub own_token: bool,
    /// Role mode: the scope the provider needs, if any (None: the MCP scope is asked for).
    pub role_mode_scope: Option<&'a str>,
    /// The token endpoint a walk reached with the person's consent: the script sends the secret
    /// there only (else only where `MCP_TOKEN_URL` says).
    pub token_url: Option<&'a str>,
}

impl McpCodeInput<'_> {
    /// The token request's scope argument, if it has one.
    fn scope_argument(&self) -> String {
        let scope = match self.role_mode_scope.map(str::trim) {
            None => MCP_SCOPE,
            Some("") => return String::new(),
            Some(scope) => scope,
        };
        format!(" --data-urlencode {}", shell(&format!("scope={scope}")))
    }
}

const SECRET_ENV: &str = "MCP_CLIENT_SECRET";
const TOKEN_ENV: &str = "ORDS_MCP_TOKEN";
/// The id of the configuration's input that holds the token.
const TOKEN_INPUT: &str = "ords-mcp-token";

const HELPERS: &str = "ACCEPT='Accept: application/json, text/event-stream'\n\
# The value of a JSON string field, read with sed (no jq needed)\n\
field() { tr -d '\\r\\n' | sed -n \"s/.*\\\"$1\\\" *: *\\\"\\([^\\\"]*\\)\\\".*/\\1/p\" | tr -d '\\000-\\037\\177'; }\n\
stop() { echo \"$1\" >&2; exit 1; }\n";

/// The bash script.
pub fn curl_script(input: &McpCodeInput<'_>) -> String {
    let init = rpc_request(Some(1), "initialize", super::wire::init_params());
    let mut out = format!(
        "#!/usr/bin/env bash\n\
         # ORDS's MCP server (26.2 and later), the chain an MCP client walks: the challenge, the\n\
         # protected-resource metadata, the identity provider's metadata, a token (client credentials),\n\
         # initialize, notifications/initialized, tools/list. Needs bash, curl, sed, grep and tr.\n\
         set -euo pipefail\n\
         MCP_URL={}\n\
         {HELPERS}\
         INIT={}\n\n\
         # 1. The first call, with no token: 401, and a challenge naming the metadata\n\
         METADATA_URL=$(curl -sS -g -o /dev/null -D - -X POST \"$MCP_URL\" -H 'Content-Type: application/json' \\\n  \
         -H \"$ACCEPT\" --data-raw \"$INIT\" | tr -d '\\r' | grep -i '^www-authenticate:' \\\n  \
         | sed -n 's/.*resource_metadata=\"\\([^\"]*\\)\".*/\\1/p') || true\n\
         [ -n \"$METADATA_URL\" ] || stop 'No 401 naming resource_metadata: is the MCP server set up at this URL?'\n\
         echo \"Protected-resource metadata: $METADATA_URL\"\n",
        shell(input.mcp_url),
        shell(&init),
    );
    out += "\n# 2. The metadata names the authorization server (the identity provider)\n\
        AUTH_SERVER=$(curl -fsS -g \"$METADATA_URL\" | tr -d '\\r\\n' \\\n  \
        | sed -n 's/.*\"authorization_servers\" *: *\\[ *\"\\([^\"]*\\)\".*/\\1/p') || true\n\
        [ -n \"$AUTH_SERVER\" ] || stop 'The metadata names no authorization server.'\n\
        echo \"Authorization server: $AUTH_SERVER\"\n";
    if input.own_token {
        out += &format!(
            "\n# 3-4. A token you hold (it must carry the audience, issuer and scope of ORDS's MCP profile)\n\
             TOKEN=\"${{{TOKEN_ENV}?is not set: export it first}}\"\n"
        );
    } else {
        out += &token_steps(input);
    }
    out += "\n# 5. initialize, with the token\n\
        HEADERS=$(mktemp)\ntrap 'rm -f \"$HEADERS\"' EXIT\n\
        ANSWER=$(curl -sS -g -D \"$HEADERS\" -X POST \"$MCP_URL\" -H \"Authorization: Bearer $TOKEN\" \\\n  \
        -H 'Content-Type: application/json' -H \"$ACCEPT\" --data-raw \"$INIT\")\n\
        VERSION=$(printf '%s' \"$ANSWER\" | field protocolVersion) || true\n\
        [ -n \"$VERSION\" ] || stop \"initialize was refused: $(head -n 1 \"$HEADERS\")\"\n\
        echo \"Protocol version: $VERSION\"\n\
        SESSION=$(tr -d '\\r' < \"$HEADERS\" | grep -i '^mcp-session-id:' | sed 's/^[^:]*: *//') || true\n\
        MCP=(-H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -H \"$ACCEPT\" \\\n  \
        -H \"MCP-Protocol-Version: $VERSION\")\n\
        if [ -n \"$SESSION\" ]; then MCP+=(-H \"Mcp-Session-Id: $SESSION\"); fi\n";
    out += &format!(
        "\n# 6. notifications/initialized (accepted with 202, no answer)\n\
         curl -sS -g -o /dev/null -w 'notifications/initialized: HTTP %{{http_code}}\\n' -X POST \"$MCP_URL\" \
         \"${{MCP[@]}}\" \\\n  --data-raw {}\n\
         \n# 7. tools/list: database_list, schema_information, sql_run\n\
         curl -sS -g -X POST \"$MCP_URL\" \"${{MCP[@]}}\" --data-raw {}\necho\n",
        shell(&rpc_request(None, "notifications/initialized", serde_json::Value::Null)),
        shell(&rpc_request(Some(2), "tools/list", json!({}))),
    );
    out
}

/// Steps 3 and 4: the token endpoint from the provider's metadata, then the token.
fn token_steps(input: &McpCodeInput<'_>) -> String {
    let secret = format!("CLIENT_SECRET=\"${{{SECRET_ENV}?is not set: export it first}}\"");
    let auth = if input.secret_in_body {
        "--data-urlencode \"client_id=$CLIENT_ID\" --data-urlencode \"client_secret=$CLIENT_SECRET\"".to_owned()
    } else if input.client_id.contains(':') {
        // curl's --user splits at the first colon: the header is built instead.
        "-H \"Authorization: Basic $(printf '%s:%s' \"$CLIENT_ID\" \"$CLIENT_SECRET\" | base64 | tr -d '\\n')\"".into()
    } else {
        "--user \"$CLIENT_ID:$CLIENT_SECRET\"".to_owned()
    };
    format!(
        "\n# 3. The identity provider's metadata (RFC 8414, then OpenID discovery) names its token endpoint\n\
         AS_ORIGIN=$(printf '%s' \"$AUTH_SERVER\" | sed -n 's#^\\([A-Za-z]*://[^/]*\\).*#\\1#p')\n\
         AS_PATH=${{AUTH_SERVER#\"$AS_ORIGIN\"}}\nAS_PATH=${{AS_PATH%/}}\nTOKEN_URL=''\n\
         for url in \"$AS_ORIGIN/.well-known/oauth-authorization-server$AS_PATH\" \\\n  \
         \"$AS_ORIGIN/.well-known/openid-configuration$AS_PATH\" \\\n  \
         \"$AS_ORIGIN$AS_PATH/.well-known/openid-configuration\"; do\n  \
         TOKEN_URL=$(curl -fsS -g \"$url\" 2>/dev/null | field token_endpoint) || true\n  \
         if [ -n \"$TOKEN_URL\" ]; then break; fi\ndone\n\
         [ -n \"$TOKEN_URL\" ] || stop 'The identity provider publishes no metadata with a token_endpoint.'\n\
         echo \"Token endpoint: $TOKEN_URL\"\n\
         # The secret goes only to the endpoint you trust (a metadata document can name any host)\n\
         TRUSTED_TOKEN_URL={}\nif [ -n \"${{MCP_TOKEN_URL:-}}\" ]; then TRUSTED_TOKEN_URL=$MCP_TOKEN_URL; fi\n\
         [ \"$TOKEN_URL\" = \"$TRUSTED_TOKEN_URL\" ] \\\n  \
         || stop \"The metadata names $TOKEN_URL: if you trust it with the client secret, \\\n  \
         export MCP_TOKEN_URL='$TOKEN_URL' and run again.\"\n\
         \n# 4. A token: client credentials, with the scope ORDS's MCP server asks for (role mode: the role\n\
         # comes with the client, set up in the identity provider)\n\
         CLIENT_ID={}\n{secret}\n\
         TOKEN=$(curl -fsS -g -X POST \"$TOKEN_URL\" {auth} \\\n  \
         --data-urlencode 'grant_type=client_credentials'{} \\\n  \
         | field access_token) || true\n\
         [ -n \"$TOKEN\" ] || stop 'The identity provider gave no token: check the client id, secret and scope.'\n",
        shell(input.token_url.unwrap_or_default()),
        shell(input.client_id),
        input.scope_argument(),
    )
}

/// VS Code's `.vscode/mcp.json`: the server over HTTP with the token as an input asked for when
/// the client starts (`password: true`, kept in VS Code's secret storage), never written here.
pub fn client_config(mcp_url: &str) -> String {
    let config = json!({
        "inputs": [{
            "type": "promptString",
            "id": TOKEN_INPUT,
            "description": "An access token for ORDS's MCP server (the curl script's step 4 gets one; it expires)",
            "password": true,
        }],
        "servers": {
            "ords": {
                "type": "http",
                "url": mcp_url,
                "headers": { "Authorization": format!("Bearer ${{input:{TOKEN_INPUT}}}") },
            }
        }
    });
    let mut text = serde_json::to_string_pretty(&config).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
#[path = "code_tests.rs"]
mod tests;
