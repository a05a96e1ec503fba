//! The parts of the `PL/SQL (APEX)` code around the token: the token request by hand when the
//! settings need what `OAUTH_AUTHENTICATE` cannot send, the web credential the credential block
//! uses, and the network ACL for the hosts. What `OAUTH_AUTHENTICATE` sends is in
//! docs/ords-behaviour.md §8: a Basic header with the id and secret, `grant_type` and `scope`.

use super::plan::Plan;
use crate::quote::sql as lit;
use crate::settings::{ClientAuth, ParamPlace};
use crate::url::HttpUrl;

/// Why these settings need a token request by hand (empty: `OAUTH_AUTHENTICATE` sends them).
pub(super) fn by_hand_reasons(p: &Plan) -> Vec<&'static str> {
    let mut why = Vec::new();
    if p.client_auth == ClientAuth::RequestBody {
        why.push("the client id and secret go in the request body");
    }
    if p.encode_credentials && p.client_auth == ClientAuth::BasicHeader {
        why.push("the id and secret are form-encoded before Base64");
    }
    if p.extras.iter().any(|e| e.place == ParamPlace::Header) {
        why.push("the token request carries extra headers");
    }
    if p.extras.iter().any(|e| e.place != ParamPlace::Header) {
        why.push("the token request carries extra parameters");
    }
    why
}

/// `DECLARE … BEGIN` of the by-hand block, up to the token in `l_token`: the request exactly as
/// the page sends it (its form body written out, the secret escaped by `UTL_URL.ESCAPE`), its
/// status checked, `access_token` read with `APEX_JSON`.
pub(super) fn token_by_hand(p: &Plan, secret: &str, n: usize, reasons: &[&str]) -> String {
    let why: String = reasons.iter().map(|r| format!("--    - {r}\n")).collect();
    let mut out = format!(
        "\n-- {n}. OAuth2 client credentials, the token requested by hand (MAKE_REST_REQUEST): OAUTH_AUTHENTICATE\n\
         --    sends only a Basic header with the id and secret, grant_type and scope, and these settings need more:\n\
         {why}DECLARE\n  l_body  CLOB;\n  l_token VARCHAR2(32767);\nBEGIN\
         \n  apex_web_service.g_request_headers.delete;\n"
    );
    let mut headers: Vec<(String, String)> = p.token_headers.iter().map(|(k, v)| (lit(k), lit(v))).collect();
    if p.client_auth == ClientAuth::BasicHeader {
        // UTL_ENCODE breaks Base64 into 64-character lines: the line breaks are removed.
        let user = if p.encode_credentials { escape(&lit(&p.client_id)) } else { lit(&p.client_id) };
        let pass = if p.encode_credentials { escape(secret) } else { secret.to_owned() };
        let pair = format!("utl_i18n.string_to_raw({user} || ':' || {pass}, 'AL32UTF8')");
        let basic = format!(
            "'Basic ' || replace(replace(utl_raw.cast_to_varchar2(utl_encode.base64_encode({pair})), CHR(13)), CHR(10))"
        );
        headers.insert(0, ("'Authorization'".into(), basic));
    }
    for (i, (k, v)) in headers.iter().enumerate() {
        out.push_str(&format!(
            "  apex_web_service.g_request_headers({0}).name  := {k};\n  apex_web_service.g_request_headers({0}).value \
                := {v};\n",
            i + 1
        ));
    }
    let mut body = lit(&p.token_body);
    if p.client_auth == ClientAuth::RequestBody {
        body.push_str(&format!(" || '&client_secret=' || {}", escape(secret)));
    }
    out.push_str(&format!(
        "  l_body := apex_web_service.make_rest_request(\n    p_url         => {},\n    p_http_method => \
            'POST',\n    p_body        => {body});\n  IF apex_web_service.g_status_code <> 200 THEN\
            \n    dbms_output.put_line('Token request: HTTP ' || apex_web_service.g_status_code);\
            \n    dbms_output.put_line(dbms_lob.substr(l_body, 4000, 1));\n    RETURN;\n  END IF;\
            \n  apex_json.parse(l_body);\n  l_token := apex_json.get_varchar2('access_token');\n",
        lit(&p.token_url)
    ));
    out
}

/// `UTL_URL.ESCAPE` of an SQL expression, reserved characters too, as UTF-8.
fn escape(expression: &str) -> String {
    format!("utl_url.escape({expression}, TRUE, 'AL32UTF8')")
}

/// After `OAUTH_AUTHENTICATE`: what the token endpoint answered, when it refused.
pub(super) const REFUSED: &str = "EXCEPTION\n  WHEN OTHERS THEN\n    -- ORA-20001 Authentication failed: the token \
    endpoint answered and refused (ORA-29273 is the network).\n    dbms_output.put_line(SQLERRM);\
    \n    dbms_output.put_line('Token endpoint answered HTTP ' || apex_web_service.g_status_code);\n    RAISE;\n";

/// The web credential the credential block uses, and its client id and secret.
pub(super) fn credential(p: &Plan, secret: &str) -> String {
    let scope =
        if p.scope.is_empty() { String::new() } else { format!(",\n    p_scope                => {}", lit(&p.scope)) };
    let body = if p.client_auth == ClientAuth::RequestBody {
        "\n    -- APEX 26.1 and later: send the id and secret in the body, as these settings do:\n    -- , \
            p_oauth_token_request_type => apex_credential.c_oauth_token_reqt_body\n  "
    } else {
        ""
    };
    format!(
        "\n-- The web credential ORDS_PLAYGROUND (run once, as the workspace's schema; p_scope needs APEX 23.2).\n\
         BEGIN\n  apex_util.set_workspace(p_workspace => '<WORKSPACE>');  -- SELECT workspace FROM apex_workspaces\
         \n  apex_credential.create_credential(\n    p_credential_name      => 'ORDS_PLAYGROUND',\
         \n    p_credential_static_id => 'ORDS_PLAYGROUND',\n    p_authentication_type  => \
         apex_credential.c_type_oauth_client_cred{scope}{body});\n  apex_credential.set_persistent_credentials(\
         \n    p_credential_static_id => 'ORDS_PLAYGROUND',\n    p_client_id            => {},\
         \n    p_client_secret        => {secret});\n  COMMIT;\nEND;\n/\n",
        lit(&p.client_id)
    )
}

/// `DBMS_NETWORK_ACL_ADMIN.APPEND_HOST_ACE` for the hosts the code calls, for the APEX schema
/// that makes the calls (run as a DBA).
pub(super) fn network_acl(p: &Plan) -> String {
    let urls = if p.flow.uses_oauth() { vec![&*p.token_url, &*p.resource_url] } else { vec![&*p.resource_url] };
    network_acl_for(&urls)
}

/// The same, for any URLs (the database-error explanation writes it for the form's hosts).
pub fn network_acl_for(urls: &[&str]) -> String {
    let mut hosts: Vec<String> = Vec::new();
    for url in urls {
        if let Ok(u) = HttpUrl::parse(url) {
            if !hosts.contains(&u.host) {
                hosts.push(u.host);
            }
        }
    }
    if hosts.is_empty() {
        return String::new();
    }
    let list = hosts.iter().map(|h| lit(h)).collect::<Vec<_>>().join(", ");
    format!(
        "\n-- Network access for APEX_WEB_SERVICE to these hosts (run once, as a DBA). Without it the calls\n\
         -- fail with ORA-29273 over ORA-24247; https also needs a wallet with the servers' certificates\n\
         -- (p_wallet_path), or ORA-29024.\n\
         DECLARE\n  l_apex VARCHAR2(128);\nBEGIN\n  SELECT schema INTO l_apex FROM dba_registry WHERE comp_id = \
         'APEX';\n  FOR h IN (SELECT column_value AS host FROM TABLE(sys.odcivarchar2list({list}))) LOOP\
         \n    dbms_network_acl_admin.append_host_ace(\n      host => h.host,\n      ace  => \
         xs$ace_type(privilege_list => xs$name_list('http'), principal_name => l_apex,\
         \n                          principal_type => xs_acl.ptype_db));\n  END LOOP;\nEND;\n/\n"
    )
}
