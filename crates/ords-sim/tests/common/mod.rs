//! Shared helpers for the model tests. Expected values stay hand-written in each test.
#![allow(dead_code)]

use ords_core::{HttpRequest, HttpResponse};
use ords_sim::{Sim, SimConfig};
use std::future::Future;
use std::task::{Context, Poll, Waker};

pub const T0: u64 = 1_800_000_000_000;
pub const BASE: &str = "http://127.0.0.1:8181/ords/demo";
pub const PAGE: &str = "http://127.0.0.1:8080";
/// base64("Te8yn-qGmBoX6jzpPhnUXA..:m2Qx7dVbUaE4kR9pLwT1sA..")
pub const DEMO_BASIC: &str = "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm0yUXg3ZFZiVWFFNGtSOXBMd1Qxc0EuLg==";
/// base64("hr_user:Welcome_1")
pub const USER_BASIC: &str = "Basic aHJfdXNlcjpXZWxjb21lXzE=";

pub fn sim_with(change: impl FnOnce(&mut SimConfig)) -> Sim {
    let mut config = SimConfig::demo();
    change(&mut config);
    Sim::new(config, 42)
}

pub fn token_request_at(base: &str, authorization: &str) -> HttpRequest {
    HttpRequest::new("POST", &format!("{base}/oauth/token"))
        .with_header("Authorization", authorization)
        .with_header("Content-Type", "application/x-www-form-urlencoded")
        .with_body("grant_type=client_credentials")
}

pub fn get(path: &str, authorization: &str) -> HttpRequest {
    HttpRequest::new("GET", &format!("{BASE}{path}")).with_header("Authorization", authorization)
}

pub fn json(r: &HttpResponse) -> serde_json::Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.body))
}

pub fn issue(sim: &mut Sim) -> String {
    let r = sim.handle(&token_request_at(BASE, DEMO_BASIC), T0);
    json(&r)["access_token"].as_str().expect("a token").to_owned()
}

pub fn bearer(sim: &mut Sim) -> String {
    format!("Bearer {}", issue(sim))
}

pub fn rels(body: &serde_json::Value) -> Vec<String> {
    body["links"].as_array().unwrap().iter().map(|l| l["rel"].as_str().unwrap().to_owned()).collect()
}

/// Runs a future whose sender answers at once (the model never waits) to its end.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the simulated sender never waits"),
    }
}

pub const MCP_HOST: &str = "http://127.0.0.1:8181";

/// `ords_core::mcp::walk` against the simulator's MCP server, as a browser on the page's origin
/// sees it, with the identity provider's client and this MCP profile audience.
pub fn mcp_walk(scenario: Option<&str>, sse: bool, audience: &str) -> ords_core::mcp::McpRun {
    let change = |config: &mut SimConfig| {
        config.mcp.sse = sse;
        if let Some(name) = scenario {
            ords_sim::scenarios::find(name).expect("a scenario").apply(config);
        }
    };
    mcp_walk_as(change, ords_core::mcp::McpAccess::Scope, audience)
}

/// [`mcp_walk`] with the simulator set up by `change` and the profile's access as given.
pub fn mcp_walk_as(
    change: impl FnOnce(&mut SimConfig),
    access: ords_core::mcp::McpAccess,
    audience: &str,
) -> ords_core::mcp::McpRun {
    mcp_walk_answered_after(change, access, audience, 0)
}

/// [`mcp_walk_as`] where the token is asked for `wait_ms` after the walk started (the person
/// answered the question about the token endpoint's host): from then on the clock is later.
pub fn mcp_walk_answered_after(
    change: impl FnOnce(&mut SimConfig),
    access: ords_core::mcp::McpAccess,
    audience: &str,
    wait_ms: u64,
) -> ords_core::mcp::McpRun {
    use ords_core::{ClientSecret, OAuthSettings, PreparedRequest, Received, TimedBy, TransportError};
    let mut config = SimConfig::demo();
    config.set_origins(&[PAGE.to_owned()]);
    change(&mut config);
    let sim = std::cell::RefCell::new(Sim::new(config, 7));
    let answered = std::cell::Cell::new(false);
    let send = |request: PreparedRequest| {
        answered.set(answered.get() || request.wire.url.ends_with("/idp/token"));
        let now = if answered.get() { T0 + wait_ms } else { T0 };
        let answer = ords_sim::browser::fetch_as_browser(&mut sim.borrow_mut(), &request.wire, PAGE, now);
        std::future::ready(match answer {
            Ok(response) => {
                Ok(Received { response, elapsed_ms: 1.0, timed_by: TimedBy::Simulated, received_at_ms: now as f64 })
            }
            Err(why) => Err(TransportError::FetchFailed { detail: format!("TypeError: Failed to fetch ({why})") }),
        })
    };
    let inputs = ords_core::mcp::McpInputs {
        mcp_url: format!("{MCP_HOST}/mcp"),
        oauth: OAuthSettings {
            client_id: ords_sim::idp::IDP_CLIENT_ID.into(),
            client_secret: ClientSecret::new(ords_sim::idp::IDP_CLIENT_SECRET),
            ..Default::default()
        },
        own_token: None,
        audience: audience.into(),
        access,
        now_s: (T0 / 1000) as i64,
    };
    block_on(ords_core::mcp::walk(&inputs, &send))
}
