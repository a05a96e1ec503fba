//! Each workshop scenario produces its failure on the default demo flow.

mod common;
use common::*;
use ords_sim::{cli, scenarios, Sim};

fn scenario(name: &str) -> Sim {
    let options = cli::parse(&["--scenario".to_owned(), name.to_owned()]).unwrap();
    assert_eq!(options.scenario, Some(name));
    Sim::new(options.config, 7)
}

#[test]
fn every_scenario_is_listed_and_explained() {
    let listing = scenarios::listing();
    for s in &scenarios::SCENARIOS {
        assert!(listing.contains(s.name) && listing.contains(s.failure) && listing.contains(s.try_it));
    }
    assert!(cli::parse(&["--scenario".into(), "nope".into()]).unwrap_err().contains("--list-scenarios"));
}

#[test]
fn rotated_secret_refuses_the_demo_secret() {
    assert_eq!(scenario("rotated-secret").handle(&token_request_at(BASE, DEMO_BASIC), T0).status, 401);
}

#[test]
fn dropped_dots_id_gets_401() {
    // base64("Te8yn-qGmBoX6jzpPhnUXA:m2Qx7dVbUaE4kR9pLwT1sA..")
    let no_dots = "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQTptMlF4N2RWYlVhRTRrUjlwTHdUMXNBLi4=";
    let mut s = scenario("dropped-dots");
    assert_eq!(s.handle(&token_request_at(BASE, no_dots), T0).status, 401);
    assert_eq!(s.handle(&token_request_at(BASE, DEMO_BASIC), T0).status, 200);
}

#[test]
fn expired_token_after_thirty_seconds() {
    let mut s = scenario("expired-token");
    let auth = bearer(&mut s);
    assert_eq!(s.handle(&get("/hr/employees/", &auth), T0 + 29_000).status, 200);
    assert_eq!(s.handle(&get("/hr/employees/", &auth), T0 + 30_000).status, 401);
}

#[test]
fn no_role_token_then_401() {
    let mut s = scenario("no-role");
    let auth = bearer(&mut s);
    assert_eq!(s.handle(&get("/hr/employees/", &auth), T0).status, 401);
}

#[test]
fn origin_not_allowed_blocks_the_browser_not_curl() {
    let mut s = scenario("origin-not-allowed");
    assert_eq!(s.handle(&token_request_at(BASE, DEMO_BASIC).with_header("Origin", PAGE), T0).status, 403);
    assert_eq!(s.handle(&token_request_at(BASE, DEMO_BASIC), T0).status, 200);
}

#[test]
fn html_errors_everywhere() {
    let mut s = scenario("html-errors");
    assert_eq!(s.handle(&get("/hr/employees/", "Bearer x"), T0).header("Content-Type"), Some("text/html"));
    let wrong = s.handle(&token_request_at(BASE, "Basic d3Jvbmc6d3Jvbmc="), T0);
    assert_eq!(wrong.header("Content-Type"), Some("text/html"));
}

#[test]
fn token_no_cors_refuses_the_token_preflight_only() {
    let mut s = scenario("token-no-cors");
    let pre = |path: &str| {
        ords_core::HttpRequest::new("OPTIONS", &format!("{BASE}{path}"))
            .with_header("Origin", PAGE)
            .with_header("Access-Control-Request-Method", "GET")
    };
    assert_eq!(s.handle(&pre("/oauth/token"), T0).header("Access-Control-Allow-Origin"), None);
    assert_eq!(s.handle(&pre("/hr/employees/"), T0).header("Access-Control-Allow-Origin"), Some(PAGE));
}

#[test]
fn handler_error_and_account_locked() {
    let mut s = scenario("handler-error");
    let auth = bearer(&mut s);
    assert_eq!(s.handle(&get("/hr/employees/", &auth), T0).status, 555);
    let mut locked = scenario("account-locked");
    let auth = bearer(&mut locked);
    assert_eq!(locked.handle(&get("/hr/employees/", &auth), T0).status, 570);
}

#[test]
fn body_credentials_only_refuses_the_basic_header_and_takes_the_body() {
    let mut s = scenario("body-credentials-only");
    let header = s.handle(&token_request_at(BASE, DEMO_BASIC), T0);
    assert_eq!(header.status, 401);
    assert_eq!(json(&header)["error"], "invalid_client");
    let body =
        "grant_type=client_credentials&client_id=Te8yn-qGmBoX6jzpPhnUXA..&client_secret=m2Qx7dVbUaE4kR9pLwT1sA..";
    let in_body = ords_core::HttpRequest::new("POST", &format!("{BASE}/oauth/token"))
        .with_header("Content-Type", "application/x-www-form-urlencoded");
    let in_body = ords_core::HttpRequest { body: body.into(), ..in_body };
    assert_eq!(s.handle(&in_body, T0).status, 200);
}

#[test]
fn token_needs_header_refuses_a_request_without_it() {
    let mut s = scenario("token-needs-header");
    let without = s.handle(&token_request_at(BASE, DEMO_BASIC), T0);
    assert_eq!(without.status, 400);
    assert_eq!(json(&without)["error"], "invalid_request");
    assert_eq!(json(&without)["error_description"], "The posserial request header is required");
    let with = s.handle(&token_request_at(BASE, DEMO_BASIC).with_header("posserial", "POS-1"), T0);
    assert_eq!(with.status, 200);
}

#[test]
fn a_proxy_in_front_redirects_http_to_https_and_adds_a_missing_slash() {
    let mut https = scenario("https-redirect");
    let token = https.handle(&token_request_at(BASE, DEMO_BASIC), T0);
    assert_eq!(token.status, 301);
    assert_eq!(token.header("Location"), Some("https://127.0.0.1:8181/ords/demo/oauth/token"));
    let secure = token_request_at("https://127.0.0.1:8181/ords/demo", DEMO_BASIC);
    assert_eq!(https.handle(&secure, T0).status, 200, "ORDS answers on https");

    let mut slash = scenario("missing-slash");
    let auth = bearer(&mut slash);
    let short = slash.handle(&get("/hr/employees?limit=5", &auth), T0);
    assert_eq!(short.status, 301);
    assert_eq!(short.header("Location"), Some("http://127.0.0.1:8181/ords/demo/hr/employees/?limit=5"));
    assert_eq!(slash.handle(&get("/hr/employees/", &auth), T0).status, 200);
    assert_eq!(slash.handle(&get("/hr/nothing", &auth), T0).status, 404, "no handler with the slash either");
    // An allowed page origin gets the CORS headers on the redirect; the preflight is redirected too.
    let mut from_page = get("/hr/employees", &auth);
    from_page.headers.push(("Origin".into(), "http://127.0.0.1:8080".into()));
    assert_eq!(slash.handle(&from_page, T0).header("Access-Control-Allow-Origin"), Some("http://127.0.0.1:8080"));
    let options = cli::parse(&["--proxy-redirect".into(), "slash".into()]).unwrap();
    assert_eq!(options.config.switches.proxy_redirect, ords_sim::proxy::ProxyRedirect::Slash);
    assert!(cli::parse(&["--proxy-redirect".into(), "sideways".into()]).unwrap_err().contains("off, https or slash"));
}
