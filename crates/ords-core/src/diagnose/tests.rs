//! The findings, from recorded runs (requests built by the core, responses as ORDS or ords-sim
//! sent them): most tests pin several findings each; `tests/diagnosis_text.rs` holds the texts.

use super::*;
use crate::call::{Method, ResourceCall};
use crate::config::Flow;
use crate::exchange::{Exchange, Received, Step, TimedBy, TransportError};
use crate::flow::Purpose;
use crate::held_token::HeldToken;
use crate::http::HttpResponse;
use crate::request::{basic_request, bearer_request, token_request};
use crate::secret::{AccessToken, ClientSecret, Password};
use crate::settings::TokenPlacement;
use crate::settings::{BasicSettings, OAuthSettings};

const ID: &str = "Te8yn-qGmBoX6jzpPhnUXA..";
const TOKEN_URL: &str = "http://127.0.0.1:8181/ords/demo/oauth/token";
const RESOURCE_URL: &str = "http://127.0.0.1:8181/ords/demo/hr/employees/";
const PAGE: &str = "http://127.0.0.1:8080";

thread_local! {
    /// Every finding the cases below produced in this thread (for the coverage test).
    static SEEN: std::cell::RefCell<Vec<FindingId>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn seen(found: Vec<Finding>) -> Vec<Finding> {
    SEEN.with(|s| s.borrow_mut().extend(found.iter().map(|f| f.id)));
    found
}

// The core's functions, recorded: these names shadow the glob import above.
fn diagnose_inputs(i: &Inputs) -> Vec<Finding> {
    seen(super::diagnose_inputs(i))
}

fn diagnose_run(i: &Inputs, timeline: &[TimelineEntry], facts: RunFacts) -> Vec<Finding> {
    seen(super::diagnose_run(i, timeline, facts))
}

fn inputs() -> Inputs {
    Inputs {
        page_origin: PAGE.into(),
        flow: Flow::OAuth2,
        token_url: TOKEN_URL.into(),
        resource_url: RESOURCE_URL.into(),
        client_id: ID.into(),
        client_secret: ClientSecret::new("m2Qx7dVbUaE4kR9pLwT1sA.."),
        client_auth: ClientAuth::BasicHeader,
        method: Method::Get,
        sends_json: false,
        extra_headers: false,
        ..Default::default()
    }
}

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> Result<Received, TransportError> {
    let headers = headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let response =
        HttpResponse { status, reason: crate::http::reason_phrase(status).into(), headers, body: body.into() };
    Ok(Received { response, elapsed_ms: 5.0, timed_by: TimedBy::PageClock, received_at_ms: 0.0 })
}

fn token(result: Result<Received, TransportError>) -> TimelineEntry {
    let settings = OAuthSettings {
        token_url: TOKEN_URL.into(),
        client_id: ID.into(),
        client_secret: ClientSecret::new("s.."),
        ..Default::default()
    };
    let exchange = Exchange { step: Step::Token, request: token_request(&settings).unwrap(), result };
    TimelineEntry { purpose: Purpose::Token, exchange }
}

fn bearer(result: Result<Received, TransportError>) -> TimelineEntry {
    let call = ResourceCall::get(RESOURCE_URL);
    let request = bearer_request(
        &call,
        &HeldToken::new(AccessToken::new("y6NqQHt84rloaFhc2lySJA"), String::new(), None, 0.0),
        &TokenPlacement::default(),
    )
    .unwrap();
    TimelineEntry { purpose: Purpose::Resource, exchange: Exchange { step: Step::Resource, request, result } }
}

fn ok_token() -> TimelineEntry {
    token(response(
        200,
        &[("Content-Type", "application/json")],
        r#"{"access_token":"y6NqQHt84rloaFhc2lySJA","token_type":"bearer","expires_in":3600}"#,
    ))
}

const PROBLEM_401: &str = concat!(
    r#"{"code":"Unauthorized","message":"Unauthorized","type":"tag:oracle.com,2020:error/Unauthorized","#,
    r#""instance":"tag:oracle.com,2020:ecid/x"}"#
);

/// The findings, checked to be the same when the run travels to the page's helper as JSON
/// (where the page has the diagnosis run).
fn run(timeline: &[TimelineEntry], probe: Probe, expired: bool) -> Vec<Finding> {
    let facts = RunFacts { probe, token_expired: expired };
    let found = diagnose_run(&inputs(), timeline, facts);
    let (i, t, f) = (
        wire::inputs_from_json(&wire::inputs_to_json(&inputs())),
        wire::timeline_from_json(&wire::timeline_to_json(timeline)),
        wire::facts_from_json(&wire::facts_to_json(facts)),
    );
    let travelled = diagnose_run(&i, &t, f);
    assert_eq!(wire::findings_from_json(&wire::findings_to_json(&travelled)), found, "the same through JSON");
    found
}

fn ids(found: &[Finding]) -> Vec<&'static str> {
    found.iter().map(|f| f.id.key()).collect()
}

fn failed() -> Result<Received, TransportError> {
    Err(TransportError::FetchFailed { detail: "TypeError: Failed to fetch".into() })
}

#[test]
fn a_good_demo_setup_has_only_the_preflight_notes() {
    assert_eq!(ids(&diagnose_inputs(&inputs())), ["preflight-token", "preflight-resource"]);
    let body_auth = Inputs { client_auth: ClientAuth::RequestBody, ..inputs() };
    assert_eq!(ids(&diagnose_inputs(&body_auth)), ["preflight-resource"]);
    assert_eq!(
        diagnose_inputs(&inputs())[1].cause,
        "The resource call will be preflighted: it sends an Authorization header."
    );
}

#[test]
fn token_url_shapes() {
    let check = |url: &str| {
        diagnose_inputs(&Inputs { token_url: url.into(), ..inputs() })
            .into_iter()
            .find(|f| matches!(f.id, FindingId::TokenPath | FindingId::NoOrdsContext))
    };
    let oauth2 = check("https://h/ords/demo/oauth2/token").unwrap();
    assert_eq!(
        (oauth2.severity, oauth2.cause.as_str()),
        (Severity::Problem, "The Token URL ends in /oauth2/token; ORDS serves /oauth/token.")
    );
    assert_eq!(check("https://h/ords/demo/token").unwrap().id, FindingId::TokenPath);
    assert_eq!(check("https://h/demo/oauth/token").unwrap().id, FindingId::NoOrdsContext);
    assert_eq!(check("https://apex.oracle.com/pls/apex/ws/oauth/token"), None);
}

#[test]
fn aliases_that_differ_are_named() {
    let found =
        diagnose_inputs(&Inputs { resource_url: "http://127.0.0.1:8181/ords/sales/hr/employees/".into(), ..inputs() });
    let f = found.iter().find(|f| f.id == FindingId::AliasMismatch).unwrap();
    assert_eq!(f.evidence, "Token URL alias \"demo\", Resource URL alias \"sales\".");
}

#[test]
fn mixed_content_and_local_network_from_the_page_origin() {
    let https_page = Inputs { page_origin: "https://docs.example.com".into(), ..inputs() };
    let found = ids(&diagnose_inputs(&https_page));
    assert!(found.contains(&"mixed-content") && found.contains(&"local-network"), "{found:?}");
    assert_eq!(found.iter().filter(|id| **id == "mixed-content").count(), 1, "once, not per URL");
    let public_http = Inputs { page_origin: "http://docs.example.com".into(), ..inputs() };
    assert!(!ids(&diagnose_inputs(&public_http)).contains(&"mixed-content"));
}

#[test]
fn credential_copy_mistakes() {
    let found = |id: &str, secret: &str| {
        ids(&diagnose_inputs(&Inputs { client_id: id.into(), client_secret: ClientSecret::new(secret), ..inputs() }))
    };
    assert!(found("Te8yn-qGmBoX6jzpPhnUXA.. ", "x..").contains(&"whitespace"));
    assert!(found("Te8yn-qGmBoX6jzpPhnUXA", "x..").contains(&"dropped-dots"));
    assert!(found("Te8yn-qGmBoX6jzpPhnUXA.", "x..").contains(&"dropped-dots"));
    assert!(found("same..", "same..").contains(&"secret-in-id"));
    assert!(!found(ID, "m2Qx7dVbUaE4kR9pLwT1sA..")
        .iter()
        .any(|f| ["whitespace", "dropped-dots", "secret-in-id"].contains(f)));
    let text = format!(
        "{:?}",
        diagnose_inputs(&Inputs { client_secret: ClientSecret::new("m2Qx7dVbUaE4kR9pLwT1sA "), ..inputs() })
    );
    assert!(!text.contains("m2Qx7"), "a secret is never quoted in a finding");
}

#[test]
fn a_refused_token_request_suggests_the_other_placement() {
    let found = run(
        &[token(response(401, &[("Content-Type", "application/problem+json")], PROBLEM_401))],
        Probe::NotProbed,
        false,
    );
    assert_eq!(ids(&found), ["token-401"]);
    assert!(
        found[0].evidence.ends_with(r#"answered 401 Unauthorized, {"code":"Unauthorized","message":"Unauthorized"}"#),
        "{}",
        found[0].evidence
    );
    assert!(found[0].fix.ends_with("or try Client authentication = Request body."));
}

#[test]
fn an_rfc6749_error_is_quoted_and_explained() {
    let body = r#"{"error":"invalid_scope","error_description":"Unknown scope hr.write"}"#;
    let found = run(&[token(response(400, &[("Content-Type", "application/json")], body))], Probe::NotProbed, false);
    assert_eq!(
        found[0].cause,
        "The token endpoint said invalid_scope (\"Unknown scope hr.write\"): a requested scope is unknown or not \
            granted to this client; leave Scope empty or use privilege names."
    );
}

#[test]
fn a_missing_token_endpoint_and_a_sign_in_page() {
    assert_eq!(ids(&run(&[token(response(404, &[], "{}"))], Probe::NotProbed, false)), ["token-404"]);
    let html = token(response(200, &[("Content-Type", "text/html")], "<html>Sign in</html>"));
    assert_eq!(ids(&run(&[html], Probe::NotProbed, false)), ["token-not-json"]);
}

#[test]
fn requests_not_sent_say_who_stopped_them() {
    let refused = run(&[token(Err(TransportError::Refused { detail: "bad header".into() }))], Probe::NotProbed, false);
    assert_eq!(ids(&refused), ["refused"]);
    assert_eq!(refused[0].cause, "The browser refused to send the request as built.");
    let declined =
        run(&[token(Err(TransportError::NotSent { origin: "https://x.example".into() }))], Probe::NotProbed, false);
    assert_eq!(ids(&declined), ["not-sent"]);
    assert_eq!(declined[0].cause, "You chose not to send your credentials to this origin.");
}

#[test]
fn failed_fetches_are_told_apart_by_the_probe() {
    let cors = run(&[token(failed())], Probe::ReachableWithoutCors, false);
    assert_eq!((cors[0].id.key(), cors[0].cors), ("token-cors", true));
    assert!(cors[0].sql.as_deref().unwrap().contains("p_origins_allowed => 'http://127.0.0.1:8080'"));
    assert!(cors[0].evidence.ends_with("A no-cors probe to the same URL got an answer, so the server is up."));
    let wrong_path = OAuthSettings {
        token_url: "http://127.0.0.1:8181/ords/demo/oauth2/token".into(),
        client_id: ID.into(),
        client_secret: ClientSecret::new("s.."),
        ..Default::default()
    };
    let entry = TimelineEntry {
        purpose: Purpose::Token,
        exchange: Exchange { step: Step::Token, request: token_request(&wrong_path).unwrap(), result: failed() },
    };
    assert_eq!(ids(&run(&[entry], Probe::ReachableWithoutCors, false)), ["token-path-cors"]);
    let down = run(&[token(failed())], Probe::Unreachable, false);
    assert_eq!(
        (down[0].id.key(), down[0].fix.as_str()),
        (
            "unreachable",
            "Check the host and port, and that ORDS is running: curl -i -g \
                'http://127.0.0.1:8181/ords/demo/oauth/token'"
        )
    );
    let unknown = run(&[ok_token(), bearer(failed())], Probe::NotProbed, false);
    assert!(unknown[0]
        .cause
        .starts_with("CORS refusal or unreachable server (the browser does not say which): The module did not allow"));
    assert!(unknown[0].sql.as_deref().unwrap().contains("p_module_name     => 'hr'"));
    let mixed = diagnose_run(
        &Inputs { page_origin: "https://p.example".into(), ..inputs() },
        &[token(failed())],
        RunFacts { probe: Probe::NotProbed, token_expired: false },
    );
    assert_eq!(mixed[0].id, FindingId::MixedContent);
    assert_eq!(
        ids(&run(&[token(Err(TransportError::TimedOut { after_ms: 30000 }))], Probe::NotProbed, false)),
        ["timeout"]
    );
    assert_eq!(ids(&run(&[token(Err(TransportError::Cancelled))], Probe::NotProbed, false)), ["cancelled"]);
    let unloaded = TransportError::Simulator { detail: "The page's helper did not load within 30 s.".into() };
    assert_eq!(
        unloaded.to_string(),
        "The in-page simulator could not answer: The page's helper did not load within 30 s. Nothing left this \
            browser. Reload the page to try again."
    );
    let found = run(&[token(Err(unloaded))], Probe::NotProbed, false);
    assert_eq!(ids(&found), ["simulator-unavailable"]);
    assert!(found[0].fix.starts_with("Reload the page"), "{found:?}");
}

#[test]
fn a_fresh_token_refused_means_role_or_privilege_and_the_challenge_is_read() {
    let challenge = ("WWW-Authenticate", r#"Bearer realm="Oracle REST Data Services", error="invalid_token""#);
    let found = run(&[ok_token(), bearer(response(401, &[challenge], PROBLEM_401))], Probe::NotProbed, false);
    assert_eq!(ids(&found), ["no-role"]);
    assert!(
        found[0].evidence.ends_with(r#" WWW-Authenticate: realm "Oracle REST Data Services", error "invalid_token""#),
        "{}",
        found[0].evidence
    );
    assert!(found[0].sql.as_deref().unwrap().contains("p_pattern => '/hr/*'"));
    let expired = run(&[bearer(response(401, &[challenge], PROBLEM_401))], Probe::NotProbed, true);
    assert_eq!(ids(&expired), ["expired"]);
}

#[test]
fn a_refused_par_names_its_causes_and_masks_its_token() {
    let url = "https://ords.example/ords/hr/_/par/SeCrEt-PaR_tok/hr/employees/";
    let request = crate::request::par_request(&ResourceCall::get(url)).unwrap();
    let entry = |status| TimelineEntry {
        purpose: Purpose::Resource,
        exchange: Exchange { step: Step::Resource, request: request.clone(), result: response(status, &[], "{}") },
    };
    let par = Inputs { flow: Flow::Par, ..inputs() };
    let facts = RunFacts { probe: Probe::NotProbed, token_expired: false };
    let found = diagnose_run(&par, &[entry(401)], facts);
    assert_eq!(ids(&found), ["par-refused"]);
    assert!(!found[0].evidence.contains("SeCrEt-PaR_tok"), "{}", found[0].evidence);
    assert!(diagnose_run(&par, &[entry(404)], facts)[0].cause.contains("security.par.enabled"));
    assert!(!ids(&diagnose_run(&par, &[entry(200)], facts)).contains(&"par-refused"));
}

#[test]
fn basic_refused() {
    let request = basic_request(
        &ResourceCall::get(RESOURCE_URL),
        &BasicSettings { username: "u".into(), password: Password::new("p") },
    )
    .unwrap();
    let entry = TimelineEntry {
        purpose: Purpose::Resource,
        exchange: Exchange { step: Step::Resource, request, result: response(401, &[], PROBLEM_401) },
    };
    let basic = Inputs { flow: Flow::Basic, ..inputs() };
    let found = diagnose_run(&basic, &[entry], RunFacts { probe: Probe::NotProbed, token_expired: false });
    assert_eq!(ids(&found), ["basic-401"]);
}

#[test]
fn ords_statuses_and_formats() {
    let one = |status, headers: &[(&str, &str)], body| {
        ids(&run(&[ok_token(), bearer(response(status, headers, body))], Probe::NotProbed, false))
    };
    assert_eq!(one(403, &[], "{}"), ["forbidden-origin"]);
    assert_eq!(one(405, &[("Allow", "GET")], "{}"), ["method-not-allowed"]);
    assert_eq!(one(555, &[], r#"{"code":"UserDefinedResourceError","message":"ORA-01476"}"#), ["handler-error"]);
    assert_eq!(one(570, &[], "{}"), ["account-locked"]);
    assert_eq!(one(401, &[("Content-Type", "text/html")], "<!DOCTYPE html>"), ["no-role", "html-errors"]);
    assert_eq!(one(200, &[], r#"{"employee_id":100}"#), ["not-a-collection"]);
    assert_eq!(one(200, &[], r#"{"items":[],"count":0}"#), Vec::<&str>::new());
    let locked = run(&[ok_token(), bearer(response(570, &[], "{}"))], Probe::NotProbed, false);
    assert_eq!(
        locked[0].sql.as_deref(),
        Some(
            "-- The schema behind alias demo (often, but not always, the same name):\n\
             -- SELECT parsing_schema FROM user_ords_schemas;\nALTER USER DEMO ACCOUNT UNLOCK;"
        )
    );
}

#[test]
fn nothing_from_a_url_or_an_id_escapes_into_a_command_or_sql() {
    let hostile = Inputs {
        resource_url: "http://x.invalid/ords/a*/GRANT/;touch$IFS/tmp/p".into(),
        client_id: "x\n/\nGRANT DBA TO mallory;\n--".into(),
        ..inputs()
    };
    let call = ResourceCall::get(&hostile.resource_url);
    let held = HeldToken::new(AccessToken::new("y6NqQHt84rloaFhc2lySJA"), String::new(), None, 0.0);
    let request = bearer_request(&call, &held, &TokenPlacement::default()).unwrap();
    let entry = TimelineEntry {
        purpose: Purpose::Resource,
        exchange: Exchange { step: Step::Resource, request, result: failed() },
    };
    let down = diagnose_run(
        &hostile,
        std::slice::from_ref(&entry),
        RunFacts { probe: Probe::Unreachable, token_expired: false },
    );
    assert!(down[0].fix.ends_with("curl -i -g 'http://x.invalid/ords/a*/GRANT/;touch$IFS/tmp/p'"), "{}", down[0].fix);
    let entry = TimelineEntry {
        purpose: Purpose::Resource,
        exchange: Exchange { result: response(570, &[], "{}"), ..entry.exchange },
    };
    let locked = diagnose_run(
        &hostile,
        std::slice::from_ref(&entry),
        RunFacts { probe: Probe::NotProbed, token_expired: false },
    );
    assert_eq!(
        locked[0].sql.as_deref(),
        Some("-- SELECT parsing_schema FROM user_ords_schemas;\nALTER USER <schema> ACCOUNT UNLOCK;")
    );
    let entry = TimelineEntry { exchange: Exchange { result: response(401, &[], "{}"), ..entry.exchange }, ..entry };
    let refused = diagnose_run(&hostile, &[entry], RunFacts { probe: Probe::NotProbed, token_expired: false });
    let sql = refused[0].sql.clone().unwrap();
    assert!(sql.starts_with("SET DEFINE OFF\n"));
    assert!(
        sql.contains(
            "WHERE c.client_id = 'x' || CHR(10) || '/' || CHR(10) || 'GRANT DBA TO mallory;' || CHR(10) || '--';"
        ),
        "{sql}"
    );
    assert!(!sql.lines().any(|l| l.trim() == "/" && !sql.ends_with(l)), "the only terminator is the block's own");
}

#[test]
fn a_query_token_never_shows_in_evidence() {
    let call = ResourceCall::get(RESOURCE_URL);
    let held = HeldToken::new(AccessToken::new("SECRET-TOKEN"), String::new(), None, 0.0);
    let placement = TokenPlacement::Query { name: "access_token".into() };
    let request = bearer_request(&call, &held, &placement).unwrap();
    let entry = TimelineEntry {
        purpose: Purpose::Resource,
        exchange: Exchange { step: Step::Resource, request, result: response(401, &[], "{}") },
    };
    let found = run(&[ok_token(), entry], Probe::NotProbed, false);
    let text = format!("{found:?}");
    assert!(!text.contains("SECRET-TOKEN") && text.contains("access_token=••••••••"), "{text}");
}

#[test]
fn the_cors_note_is_written_for_this_origin_alias_and_module() {
    let fixes = cors_fixes("http://o'k:8080", RESOURCE_URL, ID);
    assert_eq!((fixes.alias.as_deref(), fixes.module.as_deref()), (Some("demo"), Some("hr")));
    assert_eq!(
        fixes.module_sql.as_deref(),
        Some(
            "SET DEFINE OFF\n-- The module served at /hr/ (its name may differ from the path):\n-- SELECT name FROM \
            user_ords_modules WHERE uri_prefix = '/hr/';\nBEGIN\n  ORDS.SET_MODULE_ORIGINS_ALLOWED(\
            \n    p_module_name     => 'hr',\n    p_origins_allowed => 'http://o''k:8080');\n  COMMIT;\nEND;\n/"
        )
    );
    assert!(fixes.client_sql.contains("WHERE client_id = 'Te8yn-qGmBoX6jzpPhnUXA..';"));
    assert!(fixes.client_sql.contains("COMMIT;"));
    assert_eq!(cors_fixes(PAGE, "https://h/api/x", ID).module_sql, None);
}

#[test]
fn inputs_and_cors_fixes_travel_as_json_unchanged() {
    for i in [
        inputs(),
        Inputs { flow: Flow::Compare, client_auth: ClientAuth::RequestBody, method: Method::Delete, ..inputs() },
        Inputs { sends_json: true, extra_headers: true, client_secret: ClientSecret::new(" x.. "), ..inputs() },
    ] {
        let back = wire::inputs_from_json(&wire::inputs_to_json(&i));
        assert_eq!(diagnose_inputs(&back), diagnose_inputs(&i));
        assert_eq!(back.client_secret.secret(), i.client_secret.secret());
    }
    let fixes = cors_fixes(PAGE, RESOURCE_URL, ID);
    assert_eq!(wire::cors_fixes_from_json(&wire::cors_fixes_to_json(&fixes)), fixes);
}

#[test]
fn a_body_over_the_limit_is_cut_at_a_character_boundary() {
    let body = format!("{}é", "a".repeat(wire::MAX_BODY - 1));
    let entry = bearer(response(200, &[], &body));
    let back = wire::timeline_from_json(&wire::timeline_to_json(&[entry]));
    let kept = back[0].exchange.response().map(|r| r.body.len());
    assert_eq!(kept, Some(wire::MAX_BODY - 1), "the two-byte é does not fit");
}

/// A JWT sent to the resource and refused with ORDS's bare `401 invalid_token`.
fn refused_jwt(claims: &str) -> TimelineEntry {
    use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
    let token =
        format!("{}.{}.c2ln", URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256","kid":"k1"}"#), URL_SAFE_NO_PAD.encode(claims));
    let call = ResourceCall::get(RESOURCE_URL);
    let held = HeldToken::new(AccessToken::new(token), String::new(), None, 0.0);
    let request = bearer_request(&call, &held, &TokenPlacement::default()).unwrap();
    let challenge = "Bearer realm=\"Oracle REST Data Services\", error=\"invalid_token\"";
    let mut answer = response(401, &[("WWW-Authenticate", challenge)], "");
    if let Ok(r) = &mut answer {
        r.received_at_ms = 1_800_000_000_000.0;
    }
    TimelineEntry { purpose: Purpose::Resource, exchange: Exchange { step: Step::Resource, request, result: answer } }
}

#[test]
fn a_refused_jwt_is_checked_against_the_described_profile_and_the_first_broken_rule_named() {
    let claims =
        r#"{"iss":"https://idp.example.com/","aud":"hr-api","scope":"hr.read","exp":1800000300,"iat":1799999990}"#;
    let described = crate::jwt_profile::JwtProfile {
        issuer: "https://idp.example.com".into(),
        audience: "hr-api".into(),
        privilege: "hr.read".into(),
        ..Default::default()
    };
    let i = Inputs { jwt_profile: described.clone(), ..inputs() };
    let found = diagnose_run(&i, &[refused_jwt(claims)], RunFacts { probe: Probe::NotProbed, token_expired: false });
    assert_eq!(ids(&found)[0], "jwt-issuer");
    assert!(
        found[0].cause.starts_with("ORDS refused the JWT (401 invalid_token); most likely: The token's iss"),
        "{}",
        found[0].cause
    );
    let sql = found[0].sql.clone().unwrap_or_default();
    assert!(sql.contains("p_issuer       => 'https://idp.example.com/',"), "the profile that accepts the token: {sql}");
    assert!(sql.contains("p_pattern => '/hr/*'"), "{sql}");
    // Described right, the token passes: the page says what only the ORDS host can check.
    let right = Inputs {
        jwt_profile: crate::jwt_profile::JwtProfile { issuer: "https://idp.example.com/".into(), ..described },
        ..inputs()
    };
    let passes =
        diagnose_run(&right, &[refused_jwt(claims)], RunFacts { probe: Probe::NotProbed, token_expired: false });
    assert_eq!(ids(&passes), ["jwt-passes"]);
    // Not described: the token's own claims stand for the profile; the scope is still checked.
    let none = Inputs {
        jwt_profile: crate::jwt_profile::JwtProfile { privilege: "hr.write".into(), ..Default::default() },
        ..inputs()
    };
    let scope = diagnose_run(&none, &[refused_jwt(claims)], RunFacts { probe: Probe::NotProbed, token_expired: false });
    assert_eq!(ids(&scope)[0], "jwt-scope");
}

#[test]
fn a_held_jwt_is_checked_before_sending_against_the_described_profile() {
    use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
    let claims = r#"{"iss":"https://idp.example.com/","aud":"other","scope":"hr.read","exp":1800000300}"#;
    let token = format!("{}.{}.c2ln", URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256"}"#), URL_SAFE_NO_PAD.encode(claims));
    let profile = crate::jwt_profile::JwtProfile {
        issuer: "https://idp.example.com/".into(),
        audience: "hr-api".into(),
        ..Default::default()
    };
    let i = Inputs { token: AccessToken::new(token.clone()), jwt_profile: profile, now_s: 1_800_000_000, ..inputs() };
    assert!(ids(&diagnose_inputs(&i)).contains(&"jwt-audience"));
    let undescribed = Inputs { token: AccessToken::new(token), now_s: 1_800_000_000, ..inputs() };
    assert!(!ids(&diagnose_inputs(&undescribed)).iter().any(|id| id.starts_with("jwt-")), "no profile, no check");
    // With no JWT yet, what the profile alone makes ORDS refuse is said before any token.
    let bare = crate::jwt_profile::JwtProfile { role_claim: "roles".into(), pool_mode: true, ..Default::default() };
    let before = Inputs { jwt_profile: bare, ..inputs() };
    let jwt: Vec<&str> = ids(&diagnose_inputs(&before)).into_iter().filter(|id| id.starts_with("jwt-")).collect();
    assert_eq!(jwt, ["jwt-schema-ignored", "jwt-role-pointer"]);
}

#[test]
fn url_pairs_that_disagree_are_named_with_both_values() {
    let pair = |token: &str, resource: &str| -> Vec<(&'static str, String)> {
        let i = Inputs { token_url: token.into(), resource_url: resource.into(), ..inputs() };
        let ours = ["scheme-mismatch", "host-mismatch", "port-mismatch", "alias-mismatch", "resource-outside-schema"];
        diagnose_inputs(&i)
            .into_iter()
            .filter(|f| ours.contains(&f.id.key()))
            .map(|f| (f.id.key(), f.evidence))
            .collect()
    };
    let token = "https://ords.example.com/ords/hr_api/oauth/token";
    assert_eq!(pair(token, "https://ords.example.com/ords/hr_api/hr/employees/"), [], "matching URLs say nothing");
    assert_eq!(pair(token, "https://ORDS.example.com:443/ords/hr_api/hr/employees/"), [], "case and default port");
    assert_eq!(
        pair(token, "http://ords.example.com/ords/hr_api/hr/employees/"),
        [("scheme-mismatch", "Token URL scheme https, Resource URL scheme http.".to_owned())]
    );
    assert_eq!(
        pair(token, "https://api.example.com/ords/hr_api/hr/employees/"),
        [("host-mismatch", "Token URL host \"ords.example.com\", Resource URL host \"api.example.com\".".to_owned())]
    );
    assert_eq!(
        pair(token, "https://ords.example.com:8443/ords/hr_api/hr/employees/"),
        [("port-mismatch", "Token URL port 443 (the https default), Resource URL port 8443.".to_owned())]
    );
    assert_eq!(
        pair(token, "https://ords.example.com/ords/sales/hr/employees/"),
        [("alias-mismatch", "Token URL alias \"hr_api\", Resource URL alias \"sales\".".to_owned())]
    );
    assert_eq!(
        pair(token, "https://ords.example.com/api/employees/"),
        [("resource-outside-schema", "Token URL alias \"hr_api\", Resource URL path /api/employees/.".to_owned())]
    );
    // apex.oracle.com's form of the same schema matches itself.
    let apex = "https://apex.oracle.com/pls/apex/ws/oauth/token";
    assert_eq!(pair(apex, "https://apex.oracle.com/pls/apex/ws/hr/employees/"), []);
    // Everything at once: one finding each.
    let all: Vec<&str> = pair(token, "http://other.example:8080/x/").into_iter().map(|(k, _)| k).collect();
    assert_eq!(all, ["scheme-mismatch", "host-mismatch", "port-mismatch", "resource-outside-schema"]);
    // The Basic flow has no token URL to disagree with.
    let basic = Inputs { flow: crate::Flow::Basic, resource_url: "http://other.example:8080/x/".into(), ..inputs() };
    assert!(diagnose_inputs(&basic).iter().all(|f| !f.id.key().ends_with("-mismatch")));
}

#[test]
fn a_304_and_a_400_on_paging_parameters_are_explained() {
    let at = |url: &str, status, headers: &[(&str, &str)], body: &str| -> Vec<Finding> {
        let mut entry = bearer(response(status, headers, body));
        entry.exchange.request.wire.url = url.into();
        run(&[ok_token(), entry], Probe::NotProbed, false)
    };
    let bad = r#"{"code":"BadRequest","title":"Bad Request","message":"Bad Request"}"#;
    for (query, shown) in [("limit=abc", "limit=abc"), ("offset=-1&limit=5", "offset=-1"), ("limit=1.5", "limit=1.5")] {
        let found = at(&format!("{RESOURCE_URL}?{query}"), 400, &[], bad);
        assert_eq!(ids(&found), ["bad-paging"], "{query}");
        assert!(found[0].evidence.ends_with(&format!("; the URL has {shown}")), "{}", found[0].evidence);
    }
    assert_eq!(ids(&at(&format!("{RESOURCE_URL}?limit=5"), 400, &[], bad)), Vec::<&str>::new(), "another cause");
    let not_modified = at(RESOURCE_URL, 304, &[("ETag", "\"1\"")], "");
    assert_eq!(ids(&not_modified), ["not-modified"]);
    assert_eq!(not_modified[0].severity, Severity::Info);
    // Nobody sent a validator: the status line and the finding say so in the same words.
    assert_eq!(not_modified[0].cause, crate::Validator::Nobody.meaning());
    assert!(not_modified[0].fix.contains("proxy or cache in front of ORDS"), "{}", not_modified[0].fix);
    let mut asked = bearer(response(304, &[("ETag", "\"1\"")], ""));
    asked.exchange.request.wire.headers.push(("If-None-Match".into(), "\"1\"".into()));
    let found = run(&[ok_token(), asked.clone()], Probe::NotProbed, false);
    assert_eq!(found[0].cause, crate::Validator::ThisPage.meaning());
    assert_eq!(found[0].cause, crate::status_meaning_for(304, &asked.exchange.request.wire));
    assert!(found[0].evidence.ends_with("; If-None-Match: \"1\""), "{}", found[0].evidence);
}

/// Every finding of the diagnosis is produced by at least one case of this file (a finding
/// nothing produces is dead code or an untested path). Runs the cases again in one thread and
/// collects their ids.
#[test]
fn every_finding_is_produced_by_some_case() {
    a_good_demo_setup_has_only_the_preflight_notes();
    token_url_shapes();
    aliases_that_differ_are_named();
    mixed_content_and_local_network_from_the_page_origin();
    credential_copy_mistakes();
    a_refused_token_request_suggests_the_other_placement();
    an_rfc6749_error_is_quoted_and_explained();
    a_missing_token_endpoint_and_a_sign_in_page();
    failed_fetches_are_told_apart_by_the_probe();
    a_fresh_token_refused_means_role_or_privilege_and_the_challenge_is_read();
    basic_refused();
    a_refused_par_names_its_causes_and_masks_its_token();
    ords_statuses_and_formats();
    nothing_from_a_url_or_an_id_escapes_into_a_command_or_sql();
    a_query_token_never_shows_in_evidence();
    the_cors_note_is_written_for_this_origin_alias_and_module();
    inputs_and_cors_fixes_travel_as_json_unchanged();
    a_body_over_the_limit_is_cut_at_a_character_boundary();
    a_refused_jwt_is_checked_against_the_described_profile_and_the_first_broken_rule_named();
    a_held_jwt_is_checked_before_sending_against_the_described_profile();
    url_pairs_that_disagree_are_named_with_both_values();
    a_304_and_a_400_on_paging_parameters_are_explained();
    requests_not_sent_say_who_stopped_them();
    redirects_are_named_with_their_cause_and_never_followed();
    let seen = SEEN.with(|s| s.borrow().clone());
    // The catalog's two findings are asserted by id in `catalog/tests.rs`, the JWT profile
    // check's by the coverage test in `jwt_profile/tests.rs`; jwt-passes is the diagnosis's.
    // The paste's, by the coverage test in `paste/tests.rs`.
    let elsewhere =
        |k: &str| k.starts_with("catalog-") || k.starts_with("paste-") || k.starts_with("jwt-") && k != "jwt-passes";
    let missing: Vec<&str> =
        FindingId::ALL.iter().filter(|id| !seen.contains(id)).map(|id| id.key()).filter(|k| !elsewhere(k)).collect();
    assert!(missing.is_empty(), "no case produces {missing:?}");
}

#[test]
fn redirects_are_named_with_their_cause_and_never_followed() {
    let redirected =
        |target: Option<&str>| Err(TransportError::Redirected { target: target.map(str::to_owned), preflight: false });
    let https =
        run(&[token(redirected(Some("https://127.0.0.1:8181/ords/demo/oauth/token")))], Probe::NotProbed, false);
    assert_eq!(ids(&https), ["redirected"]);
    assert_eq!(https[0].cause, "A proxy in front of ORDS redirects http to https.");
    assert!(
        https[0].fix.starts_with("Use the https address in Token URL: https://127.0.0.1:8181/ords/demo/oauth/token. "),
        "{}",
        https[0].fix
    );
    assert!(https[0].fix.contains("never re-sends a credential where a redirect points"));
    assert!(https[0].evidence.contains("It leads to https://127.0.0.1:8181/ords/demo/oauth/token"));

    let mut slash = bearer(redirected(Some(RESOURCE_URL)));
    slash.exchange.request.wire.url = RESOURCE_URL.trim_end_matches('/').into();
    let found = run(&[ok_token(), slash], Probe::NotProbed, false);
    assert!(found[0].cause.starts_with("The server redirects to the same path with a trailing slash"));
    assert!(found[0].fix.starts_with(&format!("Use {RESOURCE_URL} as the Resource URL. ")));

    let elsewhere = run(&[token(redirected(Some("https://sso.example.com/login")))], Probe::NotProbed, false);
    assert_eq!(
        elsewhere[0].cause,
        "The server sends this request to another address (https://sso.example.com): a proxy, a load balancer or a \
            moved ORDS."
    );
    assert!(elsewhere[0].fix.contains("the page asks before your credentials go to an address you have not typed"));

    // Hidden target: the likeliest cause for this URL, and curl to see the Location.
    let hidden = run(&[token(redirected(None))], Probe::NotProbed, false);
    assert!(hidden[0].cause.contains("most likely a proxy sending http to https (this URL is http)"));
    assert!(hidden[0].fix.contains("curl -sI 'http://127.0.0.1:8181/ords/demo/oauth/token' | grep -i '^location'"));
    assert!(hidden[0].evidence.contains("The browser does not let the page see where it leads."));

    // A redirected preflight: the request was never sent; a GET without credentials found it.
    let target = Some("http://127.0.0.1:8181/ords/demo/hr/employees/".to_owned());
    let mut preflight = bearer(Err(TransportError::Redirected { target, preflight: true }));
    preflight.exchange.request.wire.url = RESOURCE_URL.trim_end_matches('/').into();
    let found = run(&[ok_token(), preflight], Probe::NotProbed, false);
    assert_eq!(ids(&found), ["redirected"]);
    assert!(found[0].cause.starts_with("The server redirects to the same path with a trailing slash"));
    assert!(
        found[0].evidence.contains(
            "the browser's preflight (OPTIONS) was redirected, which browsers refuse, so the \
            request was never sent"
        ),
        "{}",
        found[0].evidence
    );
}
