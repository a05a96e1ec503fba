//! The model, one ORDS fact per test, against hand-written literals (not core's types).

use ords_core::{HttpRequest, HttpResponse};
use ords_sim::{Sim, SimConfig, BEARER_CHALLENGE};

const T0: u64 = 1_800_000_000_000;
const BASE: &str = "http://127.0.0.1:8181/ords/demo";
const PAGE: &str = "http://127.0.0.1:8080";
// base64("Te8yn-qGmBoX6jzpPhnUXA..:m2Qx7dVbUaE4kR9pLwT1sA..")
const DEMO_BASIC: &str = "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm0yUXg3ZFZiVWFFNGtSOXBMd1Qxc0EuLg==";

fn sim() -> Sim {
    Sim::new(SimConfig::demo(), 42)
}

fn token_request(authorization: &str) -> HttpRequest {
    HttpRequest::new("POST", &format!("{BASE}/oauth/token"))
        .with_header("Authorization", authorization)
        .with_header("Content-Type", "application/x-www-form-urlencoded")
        .with_body("grant_type=client_credentials")
}

fn get(path: &str, authorization: &str) -> HttpRequest {
    HttpRequest::new("GET", &format!("{BASE}{path}")).with_header("Authorization", authorization)
}

fn json(r: &HttpResponse) -> serde_json::Value {
    serde_json::from_str(&r.body).unwrap()
}

fn issue(sim: &mut Sim) -> String {
    let r = sim.handle(&token_request(DEMO_BASIC), T0);
    json(&r)["access_token"].as_str().unwrap().to_owned()
}

#[test]
fn token_success_body_is_exactly_the_ords_shape() {
    let r = sim().handle(&token_request(DEMO_BASIC), T0);
    assert_eq!((r.status, r.reason.as_str()), (200, "OK"));
    assert_eq!(r.header("Content-Type"), Some("application/json"));
    assert_eq!(r.header("X-Frame-Options"), Some("SAMEORIGIN"));
    let token = json(&r)["access_token"].as_str().unwrap().to_owned();
    assert_eq!(token.len(), 22);
    assert_eq!(r.body, format!("{{\"access_token\":\"{token}\",\"token_type\":\"bearer\",\"expires_in\":3600}}"));
}

#[test]
fn bad_client_gets_401_problem_json() {
    // base64("Te8yn-qGmBoX6jzpPhnUXA..:wrong")
    let r = sim().handle(&token_request("Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOndyb25n"), T0);
    assert_eq!(r.status, 401);
    assert_eq!(r.header("Content-Type"), Some("application/problem+json"));
    let body = json(&r);
    assert_eq!(body["code"], "Unauthorized");
    assert_eq!(body["type"], "tag:oracle.com,2020:error/Unauthorized");
    assert!(body["instance"].as_str().unwrap().starts_with("tag:oracle.com,2020:ecid/"));
}

#[test]
fn body_client_auth_is_a_switch_off_by_default() {
    let body =
        "grant_type=client_credentials&client_id=Te8yn-qGmBoX6jzpPhnUXA..&client_secret=m2Qx7dVbUaE4kR9pLwT1sA..";
    let request = HttpRequest::new("POST", &format!("{BASE}/oauth/token")).with_body(body);
    assert_eq!(sim().handle(&request, T0).status, 401);
    let mut config = SimConfig::demo();
    config.switches.body_client_auth = true;
    assert_eq!(Sim::new(config, 1).handle(&request, T0).status, 200);
}

#[test]
fn collection_envelope_and_paging() {
    let mut s = sim();
    let token = issue(&mut s);
    let r = s.handle(&get("/hr/employees/", &format!("Bearer {token}")), T0);
    assert_eq!(r.status, 200);
    assert!(r.header("ETag").is_some_and(|e| e.starts_with('"')));
    let body = json(&r);
    assert_eq!(body["items"].as_array().unwrap().len(), 25);
    assert_eq!(
        (body["hasMore"].as_bool(), body["limit"].as_u64(), body["offset"].as_u64()),
        (Some(true), Some(25), Some(0))
    );
    assert_eq!(body["count"], 25);
    assert_eq!(body["items"][0]["first_name"], "Steven");
    assert_eq!(body["items"][0]["hire_date"], "2013-06-17T00:00:00Z");
    let rels: Vec<_> = body["links"].as_array().unwrap().iter().map(|l| l["rel"].as_str().unwrap()).collect();
    assert_eq!(rels, ["self", "describedby", "first", "next"]);
    assert_eq!(body["links"][3]["href"], format!("{BASE}/hr/employees/?offset=25"));
    let page2 = json(&s.handle(&get("/hr/employees/?offset=25", &format!("Bearer {token}")), T0));
    assert_eq!((page2["count"].as_u64(), page2["hasMore"].as_bool()), (Some(7), Some(false)));
    assert_eq!(page2["links"].as_array().unwrap().len(), 3, "no next link on the last page");
}

#[test]
fn single_item_and_unknown_id() {
    let mut s = sim();
    let token = issue(&mut s);
    let r = s.handle(&get("/hr/employees/101", &format!("Bearer {token}")), T0);
    assert_eq!(json(&r)["last_name"], "Kochhar");
    assert_eq!(s.handle(&get("/hr/employees/999", &format!("Bearer {token}")), T0).status, 404);
}

#[test]
fn missing_invalid_and_expired_tokens_get_401() {
    let mut s = sim();
    assert_eq!(s.handle(&HttpRequest::new("GET", &format!("{BASE}/hr/employees/")), T0).status, 401);
    let bad = s.handle(&get("/hr/employees/", "Bearer not-a-token"), T0);
    assert_eq!(bad.status, 401);
    assert_eq!(bad.header("WWW-Authenticate"), Some(BEARER_CHALLENGE));
    assert_eq!(BEARER_CHALLENGE, r#"Bearer realm="Oracle REST Data Services", error="invalid_token""#);
    let token = issue(&mut s);
    assert_eq!(s.handle(&get("/hr/employees/", &format!("Bearer {token}")), T0 + 3_599_999).status, 200);
    assert_eq!(s.handle(&get("/hr/employees/", &format!("Bearer {token}")), T0 + 3_600_000).status, 401);
}

#[test]
fn basic_user_with_colon_and_non_ascii_password() {
    let mut config = SimConfig::demo();
    config.add_user("ana", "pä:ss");
    let mut s = Sim::new(config, 3);
    // base64(utf8("ana:pä:ss"))
    assert_eq!(s.handle(&get("/hr/employees/", "Basic YW5hOnDDpDpzcw=="), T0).status, 200);
    // base64("ana:pa:ss")
    let wrong = s.handle(&get("/hr/employees/", "Basic YW5hOnBhOnNz"), T0);
    assert_eq!((wrong.status, wrong.header("WWW-Authenticate")), (401, None), "no Basic challenge by default");
}

#[test]
fn cors_allowed_origin_is_echoed_with_credentials_and_exposed_headers() {
    let mut s = sim();
    let preflight = HttpRequest::new("OPTIONS", &format!("{BASE}/oauth/token"))
        .with_header("Origin", PAGE)
        .with_header("Access-Control-Request-Method", "POST")
        .with_header("Access-Control-Request-Headers", "authorization,content-type");
    let r = s.handle(&preflight, T0);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));
    assert_eq!(r.header("Access-Control-Allow-Headers"), Some("authorization,content-type"));
    assert_eq!(r.header("Access-Control-Allow-Methods"), Some("POST, OPTIONS"));
    let actual = s.handle(&token_request(DEMO_BASIC).with_header("Origin", PAGE), T0);
    assert_eq!(actual.header("Access-Control-Allow-Origin"), Some(PAGE));
    assert_eq!(actual.header("Access-Control-Allow-Credentials"), Some("true"));
    assert_eq!(actual.header("Vary"), Some("Origin"));
    assert_eq!(
        actual.header("Access-Control-Expose-Headers"),
        Some("Content-Type, X-Frame-Options, Access-Control-Allow-Origin, Access-Control-Allow-Credentials, Vary")
    );
}

#[test]
fn cors_disallowed_origin_gets_no_cors_headers_and_403() {
    let mut s = sim();
    let preflight = HttpRequest::new("OPTIONS", &format!("{BASE}/hr/employees/"))
        .with_header("Origin", "http://evil.example")
        .with_header("Access-Control-Request-Method", "GET");
    let r = s.handle(&preflight, T0);
    assert_eq!(r.status, 403);
    assert_eq!(r.header("Access-Control-Allow-Origin"), None);
    let actual = s.handle(&get("/hr/employees/", DEMO_BASIC).with_header("Origin", "http://evil.example"), T0);
    assert_eq!((actual.status, actual.header("Access-Control-Allow-Origin")), (403, None));
    assert_eq!(json(&actual)["code"], "Forbidden");
}

#[test]
fn unknown_paths_other_aliases_and_wrong_methods() {
    let mut s = sim();
    let r = s.handle(&HttpRequest::new("POST", &format!("{BASE}/oauth2/token")), T0);
    assert_eq!((r.status, json(&r)["code"].as_str()), (404, Some("NotFound")));
    let other = HttpRequest::new("GET", "http://127.0.0.1:8181/ords/other/hr/employees/");
    assert_eq!(s.handle(&other, T0).status, 404);
    let r = s.handle(&HttpRequest::new("GET", &format!("{BASE}/oauth/token")), T0);
    assert_eq!((r.status, json(&r)["code"].as_str()), (405, Some("MethodNotAllowed")));
}
