//! The `PL/SQL (APEX)` forms, exact: `OAUTH_AUTHENTICATE` with the status on refusal, the token
//! requested by hand when the settings need it, the web credential, the network ACL.

use super::flow_tests::with_input;
use super::tests::demo_settings;
use super::*;
use crate::config::Flow;
use crate::settings::{ClientAuth, ExtraParam, ParamPlace};

fn plsql(flow: Flow, oauth: &OAuthSettings) -> String {
    with_input(flow, oauth, |input| generate(CodeTarget::PlSql, input))
}

/// The block whose first line starts with `head`, up to its `/` line.
fn block<'a>(text: &'a str, head: &str) -> &'a str {
    let start = text.find(head).unwrap_or_else(|| panic!("no {head:?} in:\n{text}"));
    let end = text[start..].find("\n/\n").map(|e| start + e + 3).unwrap();
    &text[start..end]
}

const CALL: &str = "  apex_web_service.g_request_headers(2).name  := \
    'Accept';\n  apex_web_service.g_request_headers(2).value := 'application/json';\n  l_body := \
    apex_web_service.make_rest_request(\n    p_url         => 'http://127.0.0.1:8181/ords/demo/hr/employees/',\
    \n    p_http_method => 'GET');\n  dbms_output.put_line(apex_web_service.g_status_code);\
    \n  dbms_output.put_line(dbms_lob.substr(l_body, 4000, 1));\n";

#[test]
fn oauth_authenticate_when_it_sends_what_the_settings_need_with_the_status_on_refusal() {
    let (oauth, ..) = demo_settings();
    let text = plsql(Flow::OAuth2, &oauth);
    assert_eq!(
        block(&text, "-- 1. "),
        format!(
            "-- 1. OAuth2 client credentials: get the token, then send it\nDECLARE\n  l_body CLOB;\nBEGIN\
                \n  apex_web_service.oauth_authenticate(\n    p_token_url     => \
                'http://127.0.0.1:8181/ords/demo/oauth/token',\n    p_client_id     => 'Te8yn-qGmBoX6jzpPhnUXA..',\
                \n    p_client_secret => '<client secret>');\n  apex_web_service.g_request_headers.delete;\
                \n  apex_web_service.g_request_headers(1).name  := 'Authorization';\
                \n  apex_web_service.g_request_headers(1).value := 'Bearer ' || apex_web_service.oauth_get_last_token;\
                \n{CALL}\
             EXCEPTION\n  WHEN OTHERS THEN\n    -- ORA-20001 Authentication failed: the token endpoint answered and \
             refused (ORA-29273 is the network).\n    dbms_output.put_line(SQLERRM);\n    dbms_output.put_line('Token \
             endpoint answered HTTP ' || apex_web_service.g_status_code);\n    RAISE;\nEND;\n/\n"
        )
    );
}

#[test]
fn the_token_by_hand_when_the_server_wants_body_credentials_and_headers() {
    let (mut oauth, ..) = demo_settings();
    oauth.client_auth = ClientAuth::RequestBody;
    oauth.extra = vec![ExtraParam { name: "posserial".into(), value: "A 1".into(), place: ParamPlace::Header }];
    let text = plsql(Flow::OAuth2, &oauth);
    assert_eq!(
        block(&text, "-- 1. "),
        format!(
            "-- 1. OAuth2 client credentials, the token requested by hand (MAKE_REST_REQUEST): OAUTH_AUTHENTICATE\n\
             --    sends only a Basic header with the id and secret, grant_type and scope, and these settings need \
             more:\n\
             --    - the client id and secret go in the request body\n--    - the token request carries extra headers\n\
             DECLARE\n  l_body  CLOB;\n  l_token VARCHAR2(32767);\nBEGIN\n  apex_web_service.g_request_headers.delete;\
             \n  apex_web_service.g_request_headers(1).name  := 'Content-Type';\
             \n  apex_web_service.g_request_headers(1).value := 'application/x-www-form-urlencoded';\
             \n  apex_web_service.g_request_headers(2).name  := 'Accept';\
             \n  apex_web_service.g_request_headers(2).value := 'application/json';\
             \n  apex_web_service.g_request_headers(3).name  := 'posserial';\
             \n  apex_web_service.g_request_headers(3).value := 'A 1';\n  l_body := \
             apex_web_service.make_rest_request(\n    p_url         => 'http://127.0.0.1:8181/ords/demo/oauth/token',\
             \n    p_http_method => 'POST',\n    p_body        => \
             'grant_type=client_credentials&client_id=Te8yn-qGmBoX6jzpPhnUXA..' || '&client_secret=' || \
             utl_url.escape('<client secret>', TRUE, 'AL32UTF8'));\n  IF apex_web_service.g_status_code <> 200 THEN\
             \n    dbms_output.put_line('Token request: HTTP ' || apex_web_service.g_status_code);\
             \n    dbms_output.put_line(dbms_lob.substr(l_body, 4000, 1));\n    RETURN;\n  END IF;\
             \n  apex_json.parse(l_body);\n  l_token := apex_json.get_varchar2('access_token');\
             \n  apex_web_service.g_request_headers.delete;\n  apex_web_service.g_request_headers(1).name  := \
             'Authorization';\n  apex_web_service.g_request_headers(1).value := 'Bearer ' || l_token;\n{CALL}END;\n/\n"
        )
    );
    assert!(!text.contains("ORDS_PLAYGROUND"), "a web credential cannot send the headers");
}

#[test]
fn form_encoded_basic_credentials_are_built_in_plsql() {
    let (mut oauth, ..) = demo_settings();
    oauth.encode_credentials = true;
    let text = plsql(Flow::OAuth2, &oauth);
    assert!(text.contains(
        "  apex_web_service.g_request_headers(1).name  := 'Authorization';\
            \n  apex_web_service.g_request_headers(1).value := 'Basic ' || replace(replace(utl_raw.cast_to_varchar2(\
         utl_encode.base64_encode(utl_i18n.string_to_raw(utl_url.escape('Te8yn-qGmBoX6jzpPhnUXA..', TRUE, 'AL32UTF8') \
         || ':' || utl_url.escape('<client secret>', TRUE, 'AL32UTF8'), 'AL32UTF8'))), CHR(13)), CHR(10));\n"
    ));
    assert!(text.contains("    p_body        => 'grant_type=client_credentials');\n"));
}

#[test]
fn the_web_credential_is_created_with_its_scope_and_the_hosts_are_opened() {
    let (mut oauth, ..) = demo_settings();
    oauth.scope = "hr.read".into();
    let text = plsql(Flow::OAuth2, &oauth);
    assert_eq!(
        block(&text, "-- The web credential ORDS_PLAYGROUND"),
        "-- The web credential ORDS_PLAYGROUND (run once, as the workspace's schema; p_scope needs APEX \
            23.2).\nBEGIN\n  apex_util.set_workspace(p_workspace => '<WORKSPACE>');  -- SELECT workspace FROM \
            apex_workspaces\n  apex_credential.create_credential(\n    p_credential_name      => 'ORDS_PLAYGROUND',\
            \n    p_credential_static_id => 'ORDS_PLAYGROUND',\n    p_authentication_type  => \
            apex_credential.c_type_oauth_client_cred,\n    p_scope                => 'hr.read');\
            \n  apex_credential.set_persistent_credentials(\n    p_credential_static_id => 'ORDS_PLAYGROUND',\
            \n    p_client_id            => 'Te8yn-qGmBoX6jzpPhnUXA..',\n    p_client_secret        => '<client \
            secret>');\n  COMMIT;\nEND;\n/\n"
    );
    assert!(text.contains("-- 2. The same with the APEX web credential ORDS_PLAYGROUND"));
    assert!(text.ends_with(
        "DECLARE\n  l_apex VARCHAR2(128);\nBEGIN\n  SELECT schema INTO l_apex FROM dba_registry WHERE comp_id = \
            'APEX';\n  FOR h IN (SELECT column_value AS host FROM TABLE(sys.odcivarchar2list('127.0.0.1'))) LOOP\
            \n    dbms_network_acl_admin.append_host_ace(\n      host => h.host,\n      ace  => \
            xs$ace_type(privilege_list => xs$name_list('http'), principal_name => l_apex,\
            \n                          principal_type => xs_acl.ptype_db));\n  END LOOP;\nEND;\n/\n"
    ));
    // Body credentials alone: the credential stays, with the APEX 26.1 request type offered.
    oauth.client_auth = ClientAuth::RequestBody;
    let body = plsql(Flow::OAuth2, &oauth);
    assert!(body.contains(
        "    p_authentication_type  => apex_credential.c_type_oauth_client_cred,\n    p_scope                => \
            'hr.read'\n    -- APEX 26.1 and later: send the id and secret in the body, as these settings do:\n    -- , \
            p_oauth_token_request_type => apex_credential.c_oauth_token_reqt_body\n  );\n"
    ));
    // Basic: the Basic call and the resource's host, no token request or credential.
    let basic = plsql(Flow::Basic, &demo_settings().0);
    assert!(!basic.contains("oauth") && !basic.contains("ORDS_PLAYGROUND") && basic.contains("-- 1. HTTP Basic\n"));
}
