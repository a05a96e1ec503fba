use super::*;
use crate::call::Method;
use crate::secret::{AccessToken, ClientSecret, Password};
use crate::settings::ExtraParam;

fn held(token: &str) -> HeldToken {
    HeldToken::new(AccessToken::new(token), "bearer".into(), None, 0.0)
}

const TOKEN_URL: &str = "https://host/ords/hr_api/oauth/token";

fn settings(auth: ClientAuth) -> OAuthSettings {
    OAuthSettings {
        token_url: TOKEN_URL.into(),
        client_id: "Te8yn-qGmBoX6jzpPhnUXA..".into(),
        client_secret: ClientSecret::new("s3cr3t.."),
        client_auth: auth,
        ..Default::default()
    }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn token_request_with_basic_client_auth_is_what_ords_documents() {
    let p = token_request(&settings(ClientAuth::BasicHeader)).unwrap();
    assert_eq!(p.wire.method, "POST");
    assert_eq!(p.wire.url, TOKEN_URL);
    assert_eq!(
        p.wire.headers,
        pairs(&[
            ("Authorization", "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOnMzY3IzdC4u"),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Accept", "application/json"),
        ])
    );
    assert_eq!(p.wire.body, "grant_type=client_credentials");
    assert_eq!(p.shown.header("Authorization"), Some("Basic base64(Te8yn-qGmBoX6jzpPhnUXA..:••••••••)"));
    assert_eq!(p.shown.body, "grant_type=client_credentials");
}

#[test]
fn token_request_with_body_client_auth_encodes_each_field() {
    let mut s = settings(ClientAuth::RequestBody);
    s.client_secret = ClientSecret::new("a&b=c é");
    let p = token_request(&s).unwrap();
    assert_eq!(p.wire.header("Authorization"), None);
    assert_eq!(
        p.wire.body,
        "grant_type=client_credentials&client_id=Te8yn-qGmBoX6jzpPhnUXA..&client_secret=a%26b%3Dc+%C3%A9"
    );
    assert_eq!(p.shown.body, "grant_type=client_credentials&client_id=Te8yn-qGmBoX6jzpPhnUXA..&client_secret=••••••••");
}

#[test]
fn token_request_refuses_bad_input_before_sending() {
    let mut s = settings(ClientAuth::BasicHeader);
    s.token_url = "host/ords/oauth/token".into();
    s.client_id.clear();
    let errors = token_request(&s).unwrap_err();
    assert_eq!(errors.len(), 2);
}

#[test]
fn bearer_request_carries_the_token_and_masks_it_on_screen() {
    let url = "https://host/ords/hr_api/hr/employees/";
    let p =
        bearer_request(&ResourceCall::get(url), &held("eUSBOqI47Pt7jI_hmfJjPQ"), &TokenPlacement::default()).unwrap();
    assert_eq!(
        p.wire.headers,
        pairs(&[("Accept", "application/json"), ("Authorization", "Bearer eUSBOqI47Pt7jI_hmfJjPQ")])
    );
    assert_eq!(p.shown.header("Authorization"), Some("Bearer ••••••••"));
    assert_eq!((p.wire.method.as_str(), p.wire.body.as_str()), ("GET", ""));
}

#[test]
fn basic_request_with_colon_and_non_ascii_password() {
    let s = BasicSettings { username: "ana".into(), password: Password::new("pä:ss") };
    let p = basic_request(&ResourceCall::get("http://127.0.0.1:8181/ords/demo/hr/employees/"), &s).unwrap();
    assert_eq!(p.wire.header("Authorization"), Some("Basic YW5hOnDDpDpzcw=="));
    assert_eq!(p.shown.header("Authorization"), Some("Basic base64(ana:••••••••)"));
    assert!(basic_request(&ResourceCall::get(""), &s).is_err());
}

#[test]
fn basic_client_auth_form_encodes_credentials_when_asked_rfc6749_2_3_1() {
    let mut s = settings(ClientAuth::BasicHeader);
    s.client_id = "aaa/;&".into();
    s.client_secret = ClientSecret::new("bbb/;&");
    s.encode_credentials = true;
    let p = token_request(&s).unwrap();
    // The value oauth2-rs pins for the same credentials.
    assert_eq!(p.wire.header("Authorization"), Some("Basic YWFhJTJGJTNCJTI2OmJiYiUyRiUzQiUyNg=="));
    assert_eq!(p.shown.header("Authorization"), Some("Basic base64(aaa%2F%3B%26:••••••••)"));
}

#[test]
fn basic_client_auth_without_encoding_keeps_colon_ampersand_and_utf8() {
    let mut s = settings(ClientAuth::BasicHeader);
    s.client_secret = ClientSecret::new("pä:ss&x");
    let p = token_request(&s).unwrap();
    // base64(utf8("Te8yn-qGmBoX6jzpPhnUXA..:pä:ss&x"))
    assert_eq!(p.wire.header("Authorization"), Some("Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOnDDpDpzcyZ4"));
}

#[test]
fn scope_and_extra_parameters_go_where_each_is_placed() {
    let mut s = settings(ClientAuth::RequestBody);
    s.scope = " hr.read emp ".into();
    s.extra = vec![
        ExtraParam { name: "audience".into(), value: "https://api/x".into(), place: ParamPlace::Body },
        ExtraParam { name: "resource".into(), value: "a b".into(), place: ParamPlace::Query },
        ExtraParam { name: "X-Tenant".into(), value: "acme".into(), place: ParamPlace::Header },
    ];
    let p = token_request(&s).unwrap();
    assert_eq!(p.wire.url, "https://host/ords/hr_api/oauth/token?resource=a+b");
    assert_eq!(
        p.wire.body,
        "grant_type=client_credentials&scope=hr.read+emp&audience=https%3A%2F%2Fapi%2Fx\
         &client_id=Te8yn-qGmBoX6jzpPhnUXA..&client_secret=s3cr3t.."
    );
    assert_eq!(
        p.shown.body,
        "grant_type=client_credentials&scope=hr.read+emp&audience=https%3A%2F%2Fapi%2Fx\
         &client_id=Te8yn-qGmBoX6jzpPhnUXA..&client_secret=••••••••"
    );
    assert_eq!(p.wire.header("X-Tenant"), Some("acme"));
    let mut unnamed = settings(ClientAuth::BasicHeader);
    unnamed.extra = vec![ExtraParam::default()];
    assert_eq!(token_request(&unnamed).unwrap_err()[0].message, "Every extra parameter needs a name.");
}

#[test]
fn token_placement_custom_header_no_prefix_and_query() {
    let call = ResourceCall::get("https://h/ords/a/hr/employees/?offset=25");
    let token = held("tok");
    let custom = TokenPlacement::Header { name: "X-Access-Token".into(), prefix: String::new() };
    let p = bearer_request(&call, &token, &custom).unwrap();
    assert_eq!(p.wire.header("X-Access-Token"), Some("tok"));
    assert_eq!(p.shown.header("X-Access-Token"), Some("••••••••"));
    let query = TokenPlacement::Query { name: "access_token".into() };
    let p = bearer_request(&call, &token, &query).unwrap();
    assert_eq!(p.wire.url, "https://h/ords/a/hr/employees/?offset=25&access_token=tok");
    assert_eq!(p.shown.url, "https://h/ords/a/hr/employees/?offset=25&access_token=••••••••");
    assert_eq!(p.wire.header("Authorization"), None);
}

#[test]
fn protected_call_with_method_headers_and_json_body() {
    let call = ResourceCall {
        url: "https://h/ords/a/hr/notes/".into(),
        method: Method::Post,
        headers: vec![("X-Trace".into(), "1".into())],
        body: r#"{"text":"é"}"#.into(),
    };
    let p = bearer_request(&call, &held("tok"), &TokenPlacement::default()).unwrap();
    assert_eq!(
        p.wire.to_text(),
        "POST https://h/ords/a/hr/notes/\nAccept: application/json\nX-Trace: 1\nContent-Type: application/json\n\
         Authorization: Bearer tok\n\n{\"text\":\"é\"}"
    );
    let bad = ResourceCall { body: "{".into(), ..call };
    assert_eq!(bearer_request(&bad, &held("t"), &TokenPlacement::default()).unwrap_err()[0].field.label(), "Body");
}

#[test]
fn each_request_names_the_credential_it_carries() {
    let p = token_request(&settings(ClientAuth::BasicHeader)).unwrap();
    assert_eq!(p.credential, Some(Credential::ClientSecret));
    let mut demo = settings(ClientAuth::BasicHeader);
    demo.client_secret = ClientSecret::new(demo::CLIENT_SECRET);
    assert_eq!(token_request(&demo).unwrap().credential, None, "the demo secret is public");
    let issued = held("t").issued_by(Some("https://host".into()));
    let p = bearer_request(&ResourceCall::get("https://host/x"), &issued, &TokenPlacement::default()).unwrap();
    assert_eq!(p.credential, Some(Credential::AccessToken { issuer: Some("https://host".into()) }));
    assert!(!format!("{p:?}").contains("Bearer t\n"), "Debug shows the masked request only");
}

#[test]
fn a_masked_query_token_keeps_a_fragment_after_it() {
    let call = ResourceCall::get("https://h/x#top");
    let query = TokenPlacement::Query { name: "access token".into() };
    assert!(bearer_request(&call, &held("t"), &query).is_err(), "a name with a space is refused");
    let query = TokenPlacement::Query { name: "access_token".into() };
    let p = bearer_request(&call, &held("t"), &query).unwrap();
    assert_eq!(p.shown.url, "https://h/x?access_token=••••••••#top");
    assert_eq!(p.wire.url, "https://h/x?access_token=t#top");
}

#[test]
fn an_accept_of_the_call_s_own_replaces_the_default_and_open_requests_carry_no_credentials() {
    let mut call = ResourceCall::get("https://h.example/mcp");
    call.headers = vec![("accept".into(), "application/json, text/event-stream".into())];
    let r = open_request(&call).unwrap();
    let accepts: Vec<&str> =
        r.wire.headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case("accept")).map(|(_, v)| v.as_str()).collect();
    assert_eq!(accepts, ["application/json, text/event-stream"]);
    assert!(r.credential.is_none() && r.wire.header("Authorization").is_none());
    let plain = open_request(&ResourceCall::get("https://h.example/x")).unwrap();
    assert_eq!(plain.wire.header("Accept"), Some("application/json"));
}
