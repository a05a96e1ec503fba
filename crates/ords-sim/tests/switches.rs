//! One test per ❓ switch: the default the research recommends, and the other setting.

mod common;
use common::*;
use ords_core::HttpRequest;
use ords_sim::{CorsMode, ErrorFormat, TokenErrorDialect, BASIC_CHALLENGE};

fn preflight(path: &str, origin: &str) -> HttpRequest {
    HttpRequest::new("OPTIONS", &format!("{BASE}{path}"))
        .with_header("Origin", origin)
        .with_header("Access-Control-Request-Method", "GET")
}

#[test]
fn switch_token_error_dialect() {
    let wrong = "Basic d3Jvbmc6d3Jvbmc="; // wrong:wrong
    let mut rfc = sim_with(|c| c.switches.token_error_dialect = TokenErrorDialect::Rfc6749);
    let r = rfc.handle(&token_request_at(BASE, wrong), T0);
    assert_eq!((r.status, r.body.as_str()), (401, r#"{"error":"invalid_client","error_description":"Unauthorized"}"#));
    let mut html = sim_with(|c| c.switches.token_error_dialect = TokenErrorDialect::Html);
    assert_eq!(html.handle(&token_request_at(BASE, wrong), T0).header("Content-Type"), Some("text/html"));
}

#[test]
fn switch_wrong_grant_type_and_empty_body_answers() {
    let mut s = sim_with(|_| {});
    let wrong = token_request_at(BASE, DEMO_BASIC).with_body("grant_type=password");
    let r = s.handle(&wrong, T0);
    assert_eq!((r.status, json(&r)["code"].as_str()), (400, Some("BadRequest")));
    let empty = token_request_at(BASE, DEMO_BASIC).with_body("");
    assert_eq!(s.handle(&empty, T0).status, 400);
    let mut rfc = sim_with(|c| c.switches.token_error_dialect = TokenErrorDialect::Rfc6749);
    assert_eq!(json(&rfc.handle(&wrong, T0))["error"], "unsupported_grant_type");
    assert_eq!(json(&rfc.handle(&empty, T0))["error"], "invalid_request");
}

#[test]
fn switch_cache_control_no_store_off_by_default() {
    let mut s = sim_with(|_| {});
    assert_eq!(s.handle(&token_request_at(BASE, DEMO_BASIC), T0).header("Cache-Control"), None);
    let mut on = sim_with(|c| c.switches.cache_no_store = true);
    assert_eq!(on.handle(&token_request_at(BASE, DEMO_BASIC), T0).header("Cache-Control"), Some("no-store"));
}

#[test]
fn switch_no_role_status_401_or_403() {
    let mut s = sim_with(|c| {
        c.clients[0].roles.clear();
        c.switches.no_role_status = 403;
    });
    let auth = bearer(&mut s);
    let r = s.handle(&get("/hr/employees/", &auth), T0);
    assert_eq!((r.status, json(&r)["code"].as_str(), r.header("WWW-Authenticate")), (403, Some("Forbidden"), None));
}

#[test]
fn switch_basic_challenge_off_by_default() {
    let mut s = sim_with(|_| {});
    assert_eq!(
        s.handle(&HttpRequest::new("GET", &format!("{BASE}/hr/employees/")), T0).header("WWW-Authenticate"),
        None
    );
    let mut on = sim_with(|c| c.switches.basic_challenge = true);
    let r = on.handle(&get("/hr/employees/", "Basic d3Jvbmc6d3Jvbmc="), T0);
    assert_eq!(r.header("WWW-Authenticate"), Some(BASIC_CHALLENGE));
    assert_eq!(BASIC_CHALLENGE, r#"Basic realm="Oracle REST Data Services""#);
}

#[test]
fn switch_errors_carry_cors_headers() {
    let mut on = sim_with(|_| {});
    let r = on.handle(&get("/hr/employees/", "Bearer nope").with_header("Origin", PAGE), T0);
    assert_eq!((r.status, r.header("Access-Control-Allow-Origin")), (401, Some(PAGE)));
    let mut off = sim_with(|c| c.switches.errors_carry_cors = false);
    let r = off.handle(&get("/hr/employees/", "Bearer nope").with_header("Origin", PAGE), T0);
    assert_eq!((r.status, r.header("Access-Control-Allow-Origin")), (401, None));
}

#[test]
fn switch_token_endpoint_answers_preflight() {
    let mut off = sim_with(|c| c.switches.token_preflight = false);
    let r = off.handle(&preflight("/oauth/token", PAGE), T0);
    assert_eq!((r.status, r.header("Access-Control-Allow-Origin")), (405, None));
}

#[test]
fn switch_cors_mode_echo_all_and_off() {
    let mut echo = sim_with(|c| c.switches.cors_mode = CorsMode::EchoAll);
    let r = echo.handle(&preflight("/hr/employees/", "https://anyone.example"), T0);
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some("https://anyone.example"));
    let mut off = sim_with(|c| c.switches.cors_mode = CorsMode::Off);
    assert_eq!(off.handle(&preflight("/hr/employees/", PAGE), T0).header("Access-Control-Allow-Origin"), None);
}

#[test]
fn switch_preflight_max_age() {
    let mut s = sim_with(|_| {});
    assert_eq!(s.handle(&preflight("/hr/employees/", PAGE), T0).header("Access-Control-Max-Age"), None);
    let mut on = sim_with(|c| c.switches.preflight_max_age = Some(600));
    assert_eq!(on.handle(&preflight("/hr/employees/", PAGE), T0).header("Access-Control-Max-Age"), Some("600"));
}

#[test]
fn switch_prev_link() {
    let mut s = sim_with(|c| c.switches.prev_link = true);
    let auth = bearer(&mut s);
    let body = json(&s.handle(&get("/hr/employees/?offset=25", &auth), T0));
    assert_eq!(rels(&body), ["self", "describedby", "first", "prev"]);
    assert_eq!(body["links"][3]["href"], format!("{BASE}/hr/employees/?offset=0"));
}

#[test]
fn switch_error_format_auto_follows_accept() {
    let mut s = sim_with(|c| c.switches.error_format = ErrorFormat::Auto);
    let browser = HttpRequest::new("GET", &format!("{BASE}/hr/employees/")).with_header("Accept", "text/html,*/*");
    assert_eq!(s.handle(&browser, T0).header("Content-Type"), Some("text/html"));
    let fetch = HttpRequest::new("GET", &format!("{BASE}/hr/employees/")).with_header("Accept", "application/json");
    assert_eq!(s.handle(&fetch, T0).header("Content-Type"), Some("application/problem+json"));
}

#[test]
fn auto_answers_a_browser_form_post_with_html_only_when_the_unconfirmed_switch_is_on() {
    let refused = |s: &mut ords_sim::Sim| {
        let request = token_request_at(BASE, "Basic d3Jvbmc6d3Jvbmc=")
            .with_header("Origin", "http://127.0.0.1:8080")
            .with_header("Accept", "application/json");
        s.handle(&request, T0)
    };
    let mut off = sim_with(|c| c.switches.error_format = ErrorFormat::Auto);
    assert_eq!(refused(&mut off).header("Content-Type"), Some("application/problem+json"), "off by default: JSON");
    let mut on = sim_with(|c| {
        c.switches.error_format = ErrorFormat::Auto;
        c.switches.auto_html_form_posts = true;
    });
    let html = refused(&mut on);
    assert_eq!((html.status, html.header("Content-Type")), (401, Some("text/html")), "{}", html.body);
    // Not a browser's request (no Origin): JSON as before.
    let plain = on.handle(&token_request_at(BASE, "Basic d3Jvbmc6d3Jvbmc="), T0);
    assert_eq!(plain.header("Content-Type"), Some("application/problem+json"));
}
