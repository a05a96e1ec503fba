//! PL/SQL for Oracle APEX (APEX_WEB_SERVICE) and the ORDS setup SQL that makes the calls work.

use super::plan::{Plan, SecretRef};
use super::plsql_token;
use crate::quote::sql as lit;
use crate::settings::TokenPlacement;

fn secret(s: &SecretRef) -> String {
    lit(s.value.as_deref().unwrap_or(s.placeholder))
}

/// Request headers by index, then the call and its output.
fn call(p: &Plan, url: &str, first: Option<(String, String)>, extra_args: &str) -> String {
    let mut out = String::from("  apex_web_service.g_request_headers.delete;\n");
    let all: Vec<(String, String)> =
        first.into_iter().chain(p.call_headers.iter().map(|(k, v)| (lit(k), lit(v)))).collect();
    for (n, (k, v)) in all.iter().enumerate() {
        out.push_str(&format!(
            "  apex_web_service.g_request_headers({0}).name  := {k};\n  apex_web_service.g_request_headers({0}).value \
                := {v};\n",
            n + 1
        ));
    }
    let body =
        if p.call_body.is_empty() { String::new() } else { format!(",\n    p_body        => {}", lit(&p.call_body)) };
    out.push_str(&format!(
        "  l_body := apex_web_service.make_rest_request(\n    p_url         => {url},\n    p_http_method => \
            {}{body}{extra_args});\n  dbms_output.put_line(apex_web_service.g_status_code);\
            \n  dbms_output.put_line(dbms_lob.substr(l_body, 4000, 1));\n",
        lit(p.method.as_str())
    ));
    out
}

pub(super) fn apex(p: &Plan) -> String {
    let mut out = String::from(
        "-- The same calls from the database with APEX_WEB_SERVICE (SQLcl or SQL*Plus, as a schema with APEX).\n\
         -- The database needs network access to the hosts (the last block) and, for https, a wallet.\n\
         SET DEFINE OFF\nSET SERVEROUTPUT ON\n",
    );
    // Only the flow chosen: its blocks, numbered in order.
    let mut n = 0;
    let mut next = || {
        n += 1;
        n
    };
    if p.flow.uses_oauth() {
        let reasons = plsql_token::by_hand_reasons(p);
        let client_secret = secret(&p.client_secret);
        if reasons.is_empty() {
            let scope =
                if p.scope.is_empty() { String::new() } else { format!(",\n    p_scope         => {}", lit(&p.scope)) };
            out.push_str(&format!(
                "\n-- {}. OAuth2 client credentials: get the token, then send it\nDECLARE\n  l_body \
                    CLOB;\nBEGIN\n  apex_web_service.oauth_authenticate(\n    p_token_url     => {},\
                    \n    p_client_id     => {},\n    p_client_secret => {client_secret}{scope});\n",
                next(),
                lit(&p.token_url),
                lit(&p.client_id),
            ));
            out.push_str(&bearer_call(p, "apex_web_service.oauth_get_last_token"));
            out.push_str(plsql_token::REFUSED);
        } else {
            out.push_str(&plsql_token::token_by_hand(p, &client_secret, next(), &reasons));
            out.push_str(&bearer_call(p, "l_token"));
        }
        out.push_str("END;\n/\n");
        // A web credential sends what OAUTH_AUTHENTICATE sends (and, from APEX 26.1, body credentials).
        if reasons.is_empty() || reasons == ["the client id and secret go in the request body"] {
            out.push_str(&plsql_token::credential(p, &client_secret));
            out.push_str(&format!(
                "\n-- {}. The same with the APEX web credential ORDS_PLAYGROUND (APEX gets and caches the token)\n\
                 DECLARE\n  l_body CLOB;\nBEGIN\n{}END;\n/\n",
                next(),
                call(
                    p,
                    &lit(&p.resource_url),
                    None,
                    &format!(
                        ",\n    p_scheme      => 'OAUTH_CLIENT_CRED',\n    p_credential_static_id => \
                            'ORDS_PLAYGROUND',\n    p_token_url   => {}",
                        lit(&p.token_url)
                    )
                )
            ));
        }
    }
    if p.flow.uses_basic() {
        out.push_str(&format!(
            "\n-- {}. HTTP Basic\nDECLARE\n  l_body CLOB;\nBEGIN\n{}END;\n/\n",
            next(),
            call(
                p,
                &lit(&p.resource_url),
                None,
                &format!(
                    ",\n    p_scheme      => 'Basic',\n    p_username    => {},\n    p_password    => {}",
                    lit(&p.username),
                    secret(&p.password)
                )
            )
        ));
    }
    out.push_str(&plsql_token::network_acl(p));
    out
}

/// The protected call with the token in `token` (a PL/SQL expression), placed as configured.
fn bearer_call(p: &Plan, token: &str) -> String {
    match &p.placement {
        TokenPlacement::Header { name, prefix } => {
            let value =
                if prefix.is_empty() { token.to_owned() } else { format!("{} || {token}", lit(&format!("{prefix} "))) };
            call(p, &lit(&p.resource_url), Some((lit(name), value)), "")
        }
        TokenPlacement::Query { name } => {
            let url =
                format!("{} || utl_url.escape({token}, TRUE)", lit(&crate::url::query_lead(&p.resource_url, name)));
            call(p, &url, None, "")
        }
    }
}

pub(super) fn setup(p: &Plan) -> String {
    let (alias, module) = p.alias_and_module().map_or(("<alias>".to_owned(), None), |(a, m)| (a, m));
    let module = module.unwrap_or_else(|| "<module>".into());
    let origin = lit(&p.page_origin);
    let pattern = lit(&p.privilege_pattern());
    format!(
        "-- ORDS setup that lets this page make these calls (run as the REST-enabled schema behind alias {alias}).\n\
         -- Role, privilege and client names are suggestions; change them to yours.\n\
         SET DEFINE OFF\n\
         BEGIN\n  ORDS.CREATE_ROLE(p_role_name => 'playground_role');\n  ORDS.CREATE_PRIVILEGE(\n    p_name        => \
         'playground.priv',\n    p_role_name   => 'playground_role',\n    p_label       => 'ORDS Auth Playground',\
         \n    p_description => 'Calls made from the ORDS Auth Playground');\
         \n  ORDS.CREATE_PRIVILEGE_MAPPING(p_privilege_name => 'playground.priv', p_pattern => {pattern});\
         \n  OAUTH.CREATE_CLIENT(\n    p_name            => 'playground',\n    p_grant_type      => \
         'client_credentials',\n    p_owner           => 'ORDS Auth Playground',\n    p_description     => 'Client for \
         the ORDS Auth Playground',\n    p_support_email   => 'you@example.com',\n    p_privilege_names => \
         'playground.priv',\n    p_origins_allowed => {origin});\n  OAUTH.GRANT_CLIENT_ROLE(p_client_name => \
         'playground', p_role_name => 'playground_role');\n  -- The module served at /{module}/ (check its name: \
         SELECT name FROM user_ords_modules)\n  ORDS.SET_MODULE_ORIGINS_ALLOWED(p_module_name => {}, p_origins_allowed \
         => {origin});\n  COMMIT;\nEND;\n/\n\
         SELECT client_id, client_secret FROM user_ords_clients WHERE name = 'playground';\n\n\
         -- ORDS 24.3 and later: OAUTH is deprecated (desupported from 25.3). Register the client with\n\
         -- ORDS_SECURITY instead; it returns the secret once. Check the parameters against your version's\n\
         -- ORDS_SECURITY reference before running.\n\
         DECLARE\n  l_client ords_types.t_client_credentials;\nBEGIN\n  l_client := ORDS_SECURITY.REGISTER_CLIENT(\
         \n    p_name            => 'playground',\n    p_grant_type      => 'client_credentials',\
         \n    p_description     => 'Client for the ORDS Auth Playground',\n    p_client_secret   => \
         ords_types.oauth_client_secret_random,\n    p_support_email   => 'you@example.com',\n    p_privilege_names => \
         'playground.priv',\n    p_origins_allowed => {origin});\n  ORDS_SECURITY.GRANT_CLIENT_ROLE(p_client_name => \
         'playground', p_role_name => 'playground_role');\n  COMMIT;\n  dbms_output.put_line('client_id: ' || \
         l_client.client_key.client_id);\n  dbms_output.put_line('client_secret: ' || l_client.client_secret.secret);\
         \nEND;\n/\n",
        lit(&module)
    )
}
