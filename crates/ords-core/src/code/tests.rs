use super::*;
use crate::call::Method;
use crate::config::Flow;
use crate::secret::{ClientSecret, Password};
use crate::settings::{ClientAuth, ExtraParam, ParamPlace};

pub(crate) fn demo_settings() -> (OAuthSettings, BasicSettings, ResourceCall) {
    let oauth = OAuthSettings {
        token_url: "http://127.0.0.1:8181/ords/demo/oauth/token".into(),
        client_id: "Te8yn-qGmBoX6jzpPhnUXA..".into(),
        client_secret: ClientSecret::new("m2Qx7dVbUaE4kR9pLwT1sA.."),
        ..Default::default()
    };
    let basic = BasicSettings { username: "hr_user".into(), password: Password::new("Welcome_1") };
    (oauth, basic, ResourceCall::get("http://127.0.0.1:8181/ords/demo/hr/employees/"))
}

fn code(target: CodeTarget, oauth: &OAuthSettings, include_secrets: bool) -> String {
    let (_, basic, call) = demo_settings();
    let placement = TokenPlacement::default();
    let input = CodeInput {
        flow: Flow::Compare,
        oauth,
        basic: &basic,
        call: &call,
        placement: &placement,
        include_secrets,
        page_origin: "http://127.0.0.1:8080",
    };
    generate(target, &input)
}

#[test]
fn curl_with_the_seeds_shape_and_no_secret() {
    let (oauth, ..) = demo_settings();
    let text = code(CodeTarget::Curl, &oauth, false);
    assert!(text.starts_with(
        "#!/usr/bin/env bash\n# OAuth2 client credentials against ORDS, the protected call, then the same call with \
            HTTP Basic.\n\
         set -euo pipefail\nCLIENT_SECRET=\"${ORDS_CLIENT_SECRET?export ORDS_CLIENT_SECRET='<client secret>' first}\"\n\
         PASSWORD=\"${ORDS_PASSWORD?export ORDS_PASSWORD='<password>' first}\"\n"
    ));
    assert!(text.contains(
        "TOKEN=$(curl -sS -g -X POST 'http://127.0.0.1:8181/ords/demo/oauth/token' \\\n  --user \
            'Te8yn-qGmBoX6jzpPhnUXA..:'\"$CLIENT_SECRET\" \\\n  -H 'Content-Type: application/x-www-form-urlencoded' \
                \\\n  -H 'Accept: application/json' \\\n  --data-raw 'grant_type=client_credentials' \\\n  | sed -n \
                's/.*\"access_token\" *: *\"\\([^\"]*\\)\".*/\\1/p')\n"
    ));
    assert!(text.contains(
        "curl -i -g -X GET 'http://127.0.0.1:8181/ords/demo/hr/employees/' \\\n  -H 'Authorization: Bearer '\"$TOKEN\" \
            \\\n  -H 'Accept: application/json'\n"
    ));
    assert!(text.ends_with(
        "curl -i -g -X GET 'http://127.0.0.1:8181/ords/demo/hr/employees/' \\\n  --user 'hr_user:'\"$PASSWORD\" \
            \\\n  -H 'Accept: application/json'\n"
    ));
    assert!(!text.contains("m2Qx7dVbUaE4kR9pLwT1sA..") && !text.contains("Welcome_1"));
    let included = code(CodeTarget::Curl, &oauth, true);
    assert!(included.contains("CLIENT_SECRET='m2Qx7dVbUaE4kR9pLwT1sA..'\nPASSWORD='Welcome_1'\n"));
}

#[test]
fn every_target_reflects_the_settings() {
    let (mut oauth, ..) = demo_settings();
    oauth.client_auth = ClientAuth::RequestBody;
    oauth.scope = "hr.read".into();
    oauth.extra = vec![ExtraParam { name: "audience".into(), value: "a b".into(), place: ParamPlace::Query }];
    let curl = code(CodeTarget::Curl, &oauth, false);
    assert!(curl.contains("-g -X POST 'http://127.0.0.1:8181/ords/demo/oauth/token?audience=a+b'"));
    assert!(curl.contains(
        "--data-raw 'grant_type=client_credentials&scope=hr.read&client_id=Te8yn-qGmBoX6jzpPhnUXA..' \
            \\\n  --data-urlencode \"client_secret=$CLIENT_SECRET\""
    ));
    let js = code(CodeTarget::Fetch, &oauth, false);
    assert!(js.contains(
        "  body: \"grant_type=client_credentials&scope=hr.read&client_id=Te8yn-qGmBoX6jzpPhnUXA..\" + \
            \"&client_secret=\" + formEncode(clientSecret),\n"
    ));
    assert!(js.contains("const clientSecret = globalThis.process?.env.ORDS_CLIENT_SECRET ?? \"<client secret>\";"));
    let py = code(CodeTarget::Python, &oauth, false);
    assert!(py
        .contains("client_secret = os.environ[\"ORDS_CLIENT_SECRET\"]  # export ORDS_CLIENT_SECRET='<client secret>'"));
    let plsql = code(CodeTarget::PlSql, &oauth, false);
    assert!(plsql.contains(
        "    p_url         => 'http://127.0.0.1:8181/ords/demo/oauth/token?audience=a+b',\n    p_http_method => \
            'POST',\n    p_body        => 'grant_type=client_credentials&scope=hr.read&client_id=Te8yn-qGmBoX6jzpPhnUX\
            A..' || '&client_secret=' || utl_url.escape('<client secret>', TRUE, 'AL32UTF8'));\n"
    ));
    assert!(plsql.contains(
        "--    - the client id and secret go in the request body\n--    - the token request carries extra parameters\n"
    ));
    let setup = code(CodeTarget::SetupSql, &oauth, false);
    assert!(
        setup.contains("ORDS.CREATE_PRIVILEGE_MAPPING(p_privilege_name => 'playground.priv', p_pattern => '/hr/*');")
    );
    assert!(setup.contains(
        "ORDS.SET_MODULE_ORIGINS_ALLOWED(p_module_name => 'hr', p_origins_allowed => 'http://127.0.0.1:8080');"
    ));
}

fn plan(oauth: &OAuthSettings, include: bool) -> Plan {
    let (_, basic, call) = demo_settings();
    let placement = TokenPlacement::default();
    Plan::new(&CodeInput {
        flow: Flow::Compare,
        oauth,
        basic: &basic,
        call: &call,
        placement: &placement,
        include_secrets: include,
        page_origin: "o",
    })
}

#[test]
fn postman_export_strips_secrets_and_imports_back() {
    let (mut oauth, ..) = demo_settings();
    oauth.client_auth = ClientAuth::RequestBody;
    oauth.scope = "hr.read".into();
    oauth.extra = vec![ExtraParam { name: "aud".into(), value: "x&y".into(), place: ParamPlace::Header }];
    let exported = export_postman(&plan(&oauth, false));
    assert!(!exported.contains("m2Qx7dVbUaE4kR9pLwT1sA..") && !exported.contains("Welcome_1"));
    let back = import_postman(&exported).unwrap().config.unwrap();
    assert_eq!(back.flow, Flow::OAuth2);
    assert_eq!(back.token_url, "http://127.0.0.1:8181/ords/demo/oauth/token");
    assert_eq!(back.client_id, "Te8yn-qGmBoX6jzpPhnUXA..");
    assert_eq!((back.client_auth, back.scope.as_str()), (ClientAuth::RequestBody, "hr.read"));
    assert_eq!(back.resource_url, "http://127.0.0.1:8181/ords/demo/hr/employees/");
    assert_eq!(back.username, "hr_user");
    assert!(import_postman(&exported).unwrap().client_secret.is_none(), "the secret is a variable");
    // The environment carries the secrets when asked for, placeholders otherwise.
    let env = export_postman_environment(&plan(&oauth, true));
    let secrets = import_postman(&env).unwrap();
    assert!(secrets.config.is_none());
    assert_eq!(secrets.client_secret.map(|s| s.secret().to_owned()).as_deref(), Some("m2Qx7dVbUaE4kR9pLwT1sA.."));
    assert_eq!(secrets.password.map(|s| s.secret().to_owned()).as_deref(), Some("Welcome_1"));
    let placeholders = import_postman(&export_postman_environment(&plan(&oauth, false))).unwrap();
    assert!(placeholders.client_secret.is_none() && placeholders.password.is_none());
}

#[test]
fn the_collection_runs_unattended_field_by_field() {
    let (oauth, ..) = demo_settings();
    let c: serde_json::Value = serde_json::from_str(&export_postman(&plan(&oauth, false))).unwrap();
    assert_eq!(c["info"]["schema"], "https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
    let var = |k: &str| c["variable"].as_array().unwrap().iter().find(|v| v["key"] == k).map(|v| v["value"].clone());
    assert_eq!(var("token_url").unwrap(), "http://127.0.0.1:8181/ords/demo/oauth/token");
    assert_eq!(var("resource_url").unwrap(), "http://127.0.0.1:8181/ords/demo/hr/employees/");
    assert_eq!(var("access_token").unwrap(), "");
    let (token, bearer, basic) = (&c["item"][0], &c["item"][1], &c["item"][2]);
    assert_eq!(token["name"], "Get token");
    assert_eq!(token["request"]["url"], "{{token_url}}", "a complete URL string");
    assert_eq!(token["request"]["method"], "POST");
    assert_eq!(token["request"]["auth"]["type"], "basic");
    assert_eq!(token["request"]["auth"]["basic"][0]["value"], "Te8yn-qGmBoX6jzpPhnUXA..");
    assert_eq!(token["request"]["auth"]["basic"][1]["value"], "{{client_secret}}");
    assert_eq!(token["request"]["body"]["urlencoded"][0]["key"], "grant_type");
    assert_eq!(token["request"]["body"]["urlencoded"][0]["value"], "client_credentials");
    let script = token["event"][0]["script"]["exec"].as_array().unwrap();
    assert!(script
        .iter()
        .any(|l| l == "pm.collectionVariables.set(\"access_token\", pm.response.json().access_token);"));
    assert_eq!(bearer["request"]["url"], "{{resource_url}}");
    assert_eq!(bearer["request"]["auth"]["type"], "bearer");
    assert_eq!(bearer["request"]["auth"]["bearer"][0]["value"], "{{access_token}}");
    assert_eq!(basic["request"]["auth"]["basic"][0]["value"], "hr_user");
    assert_eq!(basic["request"]["auth"]["basic"][1]["value"], "{{password}}");
    assert_eq!(c["auth"]["type"], "oauth2", "the app's helper settings stay on the collection");
}

/// Written by hand in Postman's documented v2.1 format: collection-level auth, inherited.
const HAND_WRITTEN: &str = r#"{
  "info": { "name": "HR", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  "auth": { "type": "oauth2", "oauth2": [
    { "key": "grant_type", "value": "client_credentials", "type": "string" },
    { "key": "accessTokenUrl", "value": "https://apex.oracle.com/pls/apex/ws/oauth/token", "type": "string" },
    { "key": "clientId", "value": "abc..", "type": "string" },
    { "key": "addTokenTo", "value": "header", "type": "string" },
    { "key": "headerPrefix", "value": "Bearer", "type": "string" }
  ] },
  "item": [ { "name": "folder", "item": [ { "name": "emps", "request": {
    "method": "get",
    "url": { "raw": "https://apex.oracle.com/pls/apex/ws/hr/employees/", "host": ["apex","oracle","com"] },
    "auth": { "type": "inherit" } } } ] } ]
}"#;

#[test]
fn a_hand_written_collection_imports_and_other_grants_are_refused() {
    let found = import_postman(HAND_WRITTEN).unwrap().config.unwrap();
    assert_eq!(found.token_url, "https://apex.oracle.com/pls/apex/ws/oauth/token");
    assert_eq!((found.client_auth, found.method), (ClientAuth::BasicHeader, Method::Get));
    assert_eq!(found.resource_url, "https://apex.oracle.com/pls/apex/ws/hr/employees/");
    let code_flow = HAND_WRITTEN.replace("\"client_credentials\"", "\"authorization_code\"");
    assert_eq!(
        import_postman(&code_flow).unwrap_err(),
        "This collection's OAuth2 uses the authorization_code grant; the playground runs client_credentials only."
    );
    assert!(import_postman("{}").unwrap_err().starts_with("This is neither a Postman collection"));
    assert!(import_postman("nope").unwrap_err().starts_with("Not JSON"));
}
