use super::*;
use crate::SimConfig;

const PAGE: &str = "https://docs.example.com";
const BASE: &str = "https://ords.example.com/ords/demo";

fn sim_allowing(origin: &str) -> Sim {
    let mut config = SimConfig::demo();
    config.set_origins(&[origin.to_owned()]);
    Sim::new(config, 1)
}

fn token_request() -> HttpRequest {
    HttpRequest::new("POST", &format!("{BASE}/oauth/token"))
        .with_header("Authorization", "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm0yUXg3ZFZiVWFFNGtSOXBMd1Qxc0EuLg==")
        .with_header("Content-Type", "application/x-www-form-urlencoded")
        .with_header("Accept", "application/json")
        .with_body("grant_type=client_credentials")
}

#[test]
fn authorization_header_and_json_content_type_trigger_a_preflight() {
    assert_eq!(preflight_headers(&token_request()), ["authorization"]);
    assert!(needs_preflight(&token_request()));
    let plain = HttpRequest::new("POST", BASE).with_header("Content-Type", "application/x-www-form-urlencoded");
    assert!(!needs_preflight(&plain));
    let json = HttpRequest::new("POST", BASE).with_header("Content-Type", "application/json");
    assert_eq!(preflight_headers(&json), ["content-type"]);
    assert!(needs_preflight(&HttpRequest::new("DELETE", BASE)));
}

#[test]
fn allowed_origin_sees_the_response_with_exposed_headers_only() {
    let mut sim = sim_allowing(PAGE);
    let response = fetch_as_browser(&mut sim, &token_request(), PAGE, 0).unwrap();
    assert_eq!(response.status, 200);
    assert_eq!(response.header("X-Frame-Options"), Some("SAMEORIGIN"), "ORDS exposes every header it sets");
    assert_eq!(response.header("Content-Type"), Some("application/json"));
}

#[test]
fn disallowed_origin_is_refused_like_a_browser_would() {
    let mut sim = sim_allowing("https://other.example.com");
    let why = fetch_as_browser(&mut sim, &token_request(), PAGE, 0).unwrap_err();
    assert_eq!(why, "the CORS preflight (OPTIONS) was answered 403 Forbidden");
}

#[test]
fn errors_without_cors_headers_are_hidden_from_the_page() {
    let mut config = SimConfig::demo();
    config.set_origins(&[PAGE.to_owned()]);
    config.switches.errors_carry_cors = false;
    let mut sim = Sim::new(config, 1);
    let mut wrong = token_request();
    wrong.headers[0].1 = "Basic d3Jvbmc6d3Jvbmc=".into(); // wrong:wrong
    let why = fetch_as_browser(&mut sim, &wrong, PAGE, 0).unwrap_err();
    assert_eq!(why, format!("the 401 response carried no Access-Control-Allow-Origin for {PAGE}"));
}

#[test]
fn same_origin_requests_skip_cors() {
    let mut sim = sim_allowing("https://nobody.example");
    let same = token_request();
    assert_eq!(fetch_as_browser(&mut sim, &same, "https://ords.example.com", 0).unwrap().status, 200);
}
