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

fn behind_proxy(mode: crate::proxy::ProxyRedirect) -> Sim {
    let mut sim = sim_allowing(PAGE);
    sim.config.switches.proxy_redirect = mode;
    sim
}

#[test]
fn a_redirect_is_an_opaque_redirect_and_its_preflight_fails() {
    use crate::proxy::ProxyRedirect;
    let mut sim = behind_proxy(ProxyRedirect::Slash);
    let body_auth = HttpRequest::new("GET", &format!("{BASE}/hr/employees"));
    let seen = fetch_as_browser(&mut sim, &body_auth, PAGE, 0).unwrap();
    assert_eq!((seen.status, seen.headers.len(), seen.body.as_str()), (0, 0, ""), "nothing of it is readable");
    // With a Bearer header the preflight goes first, and a redirected preflight fails.
    let bearer = body_auth.with_header("Authorization", "Bearer t");
    let why = fetch_as_browser(&mut sim, &bearer, PAGE, 0).unwrap_err();
    assert_eq!(why, "the CORS preflight (OPTIONS) was answered 301 Moved Permanently");
    // The same-origin page gets the opaque redirect too.
    let mut same = behind_proxy(ProxyRedirect::Https);
    let http = HttpRequest::new("GET", "http://ords.example.com/ords/demo/hr/employees/");
    assert_eq!(fetch_as_browser(&mut same, &http, "http://ords.example.com", 0).unwrap().status, 0);
}

#[test]
fn the_credential_less_follow_reads_a_same_origin_target_but_not_past_a_tainted_origin() {
    use crate::proxy::ProxyRedirect;
    let mut sim = behind_proxy(ProxyRedirect::Slash);
    let found = follow_without_credentials(&mut sim, &format!("{BASE}/hr/employees?limit=5"), PAGE, 0);
    assert_eq!(found.as_deref(), Some("https://ords.example.com/ords/demo/hr/employees/?limit=5"));
    assert_eq!(follow_without_credentials(&mut sim, &format!("{BASE}/hr/employees/"), PAGE, 0), None, "no redirect");
    // http → https is another origin: the browser sends Origin: null there, which ORDS does not allow.
    let mut https = behind_proxy(ProxyRedirect::Https);
    let http = "http://ords.example.com/ords/demo/hr/employees/";
    assert_eq!(follow_without_credentials(&mut https, http, PAGE, 0), None);
    // An origin that echoes any Origin (null included) lets the page read it.
    https.config.switches.cors_mode = crate::CorsMode::EchoAll;
    assert_eq!(
        follow_without_credentials(&mut https, http, PAGE, 0).as_deref(),
        Some("https://ords.example.com/ords/demo/hr/employees/")
    );
}
