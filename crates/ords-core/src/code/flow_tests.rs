//! Code carries the flow chosen, and only it: OAuth2 (the token request and the call), Basic
//! (the call), Compare both (all three). Exact strings for the demo's settings.

use super::tests::demo_settings;
use super::*;
use crate::config::Flow;

/// `f` given the demo's call and user with these OAuth2 settings, for `flow`, no secrets.
pub(super) fn with_input<R>(flow: Flow, oauth: &OAuthSettings, f: impl FnOnce(&CodeInput<'_>) -> R) -> R {
    let (_, basic, call) = demo_settings();
    let placement = TokenPlacement::default();
    let input = CodeInput {
        flow,
        oauth,
        basic: &basic,
        call: &call,
        placement: &placement,
        include_secrets: false,
        page_origin: "http://127.0.0.1:8080",
    };
    f(&input)
}

fn code_for(flow: Flow, target: CodeTarget) -> String {
    with_input(flow, &demo_settings().0, |input| generate(target, input))
}

fn postman(flow: Flow) -> (serde_json::Value, serde_json::Value) {
    let plan = with_input(flow, &demo_settings().0, Plan::new);
    let read = |text: String| serde_json::from_str::<serde_json::Value>(&text).unwrap();
    (read(export_postman(&plan)), read(export_postman_environment(&plan)))
}

#[test]
fn basic_curl_is_the_basic_call_alone() {
    assert_eq!(
        code_for(Flow::Basic, CodeTarget::Curl),
        "#!/usr/bin/env bash\n# The protected ORDS call with HTTP Basic.\nset -euo pipefail\n\
         PASSWORD=\"${ORDS_PASSWORD?export ORDS_PASSWORD='<password>' first}\"\n\n\
         # 1. The protected call with HTTP Basic\n\
         curl -i -g -X GET 'http://127.0.0.1:8181/ords/demo/hr/employees/' \\\n  --user 'hr_user:'\"$PASSWORD\" \\\
         \n  -H 'Accept: application/json'\n"
    );
}

#[test]
fn oauth2_curl_is_the_token_request_and_the_call() {
    let text = code_for(Flow::OAuth2, CodeTarget::Curl);
    assert!(text.starts_with(
        "#!/usr/bin/env bash\n# OAuth2 client credentials against ORDS, then the protected call with the token.\n\
         set -euo pipefail\nCLIENT_SECRET=\"${ORDS_CLIENT_SECRET?export ORDS_CLIENT_SECRET='<client secret>' first}\"\
         \n\n\
         # 1. Token request; the token is read from the JSON with sed (no jq needed)\n"
    ));
    assert!(text.ends_with(
        "# 2. The protected call with the token\ncurl -i -g -X GET 'http://127.0.0.1:8181/ords/demo/hr/employees/' \
            \\\n  -H 'Authorization: Bearer '\"$TOKEN\" \\\n  -H 'Accept: application/json'\n"
    ));
    assert!(!text.contains("PASSWORD") && !text.contains("hr_user"));
}

#[test]
fn each_target_carries_only_the_flow_chosen() {
    // What marks each request in each language: the token request, the Basic call.
    let marks = [
        (CodeTarget::Curl, "/oauth/token", "--user 'hr_user:'"),
        (CodeTarget::Fetch, "/oauth/token", "base64(\"hr_user\" + \":\" + password)"),
        (CodeTarget::Python, "/oauth/token", "b64(\"hr_user\" + \":\" + password)"),
        (CodeTarget::PlSql, "oauth_authenticate", "p_scheme      => 'Basic'"),
    ];
    for (target, token, basic) in marks {
        let check = |flow: Flow, has_token: bool, has_basic: bool| {
            let text = code_for(flow, target);
            assert_eq!(text.contains(token), has_token, "{target:?} {flow:?} token request:\n{text}");
            assert_eq!(text.contains(basic), has_basic, "{target:?} {flow:?} Basic call:\n{text}");
        };
        check(Flow::OAuth2, true, false);
        check(Flow::Basic, false, true);
        check(Flow::Compare, true, true);
    }
    assert!(code_for(Flow::Basic, CodeTarget::PlSql).contains("\n-- 1. HTTP Basic\n"));
    assert!(code_for(Flow::Compare, CodeTarget::PlSql).contains("\n-- 3. HTTP Basic\n"));
    let python = code_for(Flow::Basic, CodeTarget::Python);
    assert!(python.contains("password = os.environ[\"ORDS_PASSWORD\"]") && !python.contains("client_secret"));
    let fetch = code_for(Flow::OAuth2, CodeTarget::Fetch);
    assert!(fetch.contains("const clientSecret =") && !fetch.contains("const password ="));
}

#[test]
fn the_postman_export_and_its_environment_carry_only_the_flow_chosen() {
    let names = |c: &serde_json::Value| -> Vec<String> {
        c["item"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap().to_owned()).collect()
    };
    let keys = |v: &serde_json::Value, list: &str, field: &str| -> Vec<String> {
        v[list].as_array().unwrap().iter().map(|i| i[field].as_str().unwrap().to_owned()).collect()
    };
    let (basic, basic_env) = postman(Flow::Basic);
    assert_eq!(names(&basic), ["Protected resource (Basic)"]);
    assert_eq!(keys(&basic, "variable", "key"), ["resource_url"]);
    assert!(basic.get("auth").is_none(), "no OAuth2 helper on a Basic collection");
    assert_eq!(keys(&basic_env, "values", "key"), ["password"]);
    let (oauth, oauth_env) = postman(Flow::OAuth2);
    assert_eq!(names(&oauth), ["Get token", "Protected resource (OAuth2 client credentials)"]);
    assert_eq!(keys(&oauth, "variable", "key"), ["token_url", "client_id", "resource_url", "access_token"]);
    assert_eq!(oauth["auth"]["type"], "oauth2");
    assert_eq!(keys(&oauth_env, "values", "key"), ["client_secret"]);
    let (both, both_env) = postman(Flow::Compare);
    assert_eq!(names(&both).len(), 3);
    assert_eq!(keys(&both_env, "values", "key"), ["client_secret", "password"]);
}

#[test]
fn a_par_collection_is_the_one_call_with_its_token_a_secret_of_the_environment() {
    let (_, basic, _) = demo_settings();
    let oauth = demo_settings().0;
    let placement = TokenPlacement::default();
    let url = crate::demo::par_url();
    for include_secrets in [false, true] {
        let call = ResourceCall::get(&url);
        let input = CodeInput {
            flow: Flow::Par,
            oauth: &oauth,
            basic: &basic,
            call: &call,
            placement: &placement,
            include_secrets,
            page_origin: "http://127.0.0.1:8080",
        };
        let plan = Plan::new(&input);
        let collection = export_postman(&plan);
        let c: serde_json::Value = serde_json::from_str(&collection).unwrap();
        assert!(!collection.contains(crate::demo::PAR_TOKEN), "never in the collection: {collection}");
        assert_eq!(c["item"].as_array().map(Vec::len), Some(1));
        assert_eq!(c["item"][0]["name"], "Protected resource (pre-authenticated URL)");
        assert_eq!(c["item"][0]["request"]["auth"]["type"], "noauth");
        assert_eq!(c["item"][0]["request"]["url"], url.replace(crate::demo::PAR_TOKEN, "{{par_token}}"));
        assert!(c.get("auth").is_none() && c.get("variable").is_none());
        let env: serde_json::Value = serde_json::from_str(&export_postman_environment(&plan)).unwrap();
        let values: Vec<(&str, &str)> = env["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| (v["key"].as_str().unwrap(), v["value"].as_str().unwrap()))
            .collect();
        let token = if include_secrets { crate::demo::PAR_TOKEN } else { "<token>" };
        assert_eq!(values, [("par_token", token)]);
    }
}
