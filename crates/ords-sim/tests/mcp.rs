//! The MCP chain (`ords_core::mcp::walk`) against the simulator's MCP server, as a browser on
//! the page's origin sees it: the healthy chain reaches the tools and the databases; each MCP
//! scenario stops the walk at the hop that explains it.

use ords_core::mcp::{Hop, McpAccess, McpRun, MCP_SCOPE};
use ords_sim::{scenarios, Sim, SimConfig};

mod common;

const KEY_FOUND: &str = ", and its key id is in the provider's key set.";
use common::{mcp_walk, MCP_HOST as HOST, PAGE, T0};

fn hops(run: &McpRun) -> Vec<(Hop, bool)> {
    run.hops.iter().map(|h| (h.hop, h.ok)).collect()
}

#[test]
fn the_healthy_chain_reaches_the_tools_and_a_database_with_sse_or_json() {
    for sse in [true, false] {
        let run = mcp_walk(None, sse, "ords-sim-mcp");
        let all: Vec<Hop> = run.hops.iter().map(|h| h.hop).collect();
        assert!(run.hops.iter().all(|h| h.ok), "{:?}", run.hops.iter().map(|h| (&h.said, &h.fix)).collect::<Vec<_>>());
        assert_eq!(all.len(), 9, "{all:?}");
        let names: Vec<String> = run.tools.as_ref().unwrap().tools.iter().map(|t| t.name.clone()).collect();
        assert_eq!(names, ["database_list", "schema_information", "sql_run"]);
        assert_eq!(run.token_url.as_deref(), Some(format!("{HOST}/idp/token").as_str()));
        let token = &run.hops[3].exchanges[0];
        assert!(token.request.wire.body.contains(&format!("scope={}", ords_core::form_encode(MCP_SCOPE))));
        assert_eq!(run.hops[4].said, format!("Issuer, audience, scope and times match the profile{KEY_FOUND}"));
        let content_type =
            run.hops[5].exchanges[0].response().and_then(|r| ords_core::find_header(&r.headers, "Content-Type"));
        assert_eq!(content_type, Some(if sse { "text/event-stream" } else { "application/json" }));
        assert_eq!(run.hops[0].said, format!("401, pointing at {HOST}/.well-known/oauth-protected-resource/mcp."));
    }
}

#[test]
fn each_mcp_scenario_stops_the_walk_at_its_hop_and_says_what_to_change() {
    for (scenario, hop, says) in [
        ("mcp-no-metadata", Hop::ResourceMetadata, "HTTP 404"),
        ("mcp-well-known-no-cors", Hop::ResourceMetadata, "CORS"),
        ("mcp-wrong-audience", Hop::TokenCheck, "aud"),
        ("mcp-missing-scope", Hop::TokenCheck, MCP_SCOPE),
        ("mcp-expired-token", Hop::TokenCheck, "expired"),
        ("jwt-unknown-kid", Hop::TokenCheck, "kid is not in the profile's JWK set"),
        ("mcp-pool-not-opted-in", Hop::Databases, "no pool opted in"),
    ] {
        let run = mcp_walk(Some(scenario), true, "ords-sim-mcp");
        let last = run.hops.last().expect("a hop");
        assert_eq!((last.hop, last.ok), (hop, false), "{scenario}: {:?}", hops(&run));
        let text = format!("{} {}", last.said, last.fix.clone().unwrap_or_default());
        assert!(text.contains(says), "{scenario}: {text}");
    }
}

#[test]
fn the_server_refuses_a_checked_bad_token_itself_too() {
    // The page's check is a prediction; the server's 401 invalid_token is the fact.
    let mut config = SimConfig::demo();
    scenarios::find("mcp-wrong-audience").unwrap().apply(&mut config);
    let mut sim = Sim::new(config, 7);
    let token_request = ords_core::HttpRequest::new("POST", &format!("{HOST}/idp/token"))
        .with_header(
            "Authorization",
            ords_core::basic_authorization(ords_sim::idp::IDP_CLIENT_ID, ords_sim::idp::IDP_CLIENT_SECRET),
        )
        .with_body(format!("grant_type=client_credentials&scope={}", ords_core::form_encode(MCP_SCOPE)));
    let token = common::json(&sim.handle(&token_request, T0))["access_token"].as_str().unwrap().to_owned();
    let call = ords_core::HttpRequest::new("POST", &format!("{HOST}/mcp"))
        .with_header("Authorization", format!("Bearer {token}"))
        .with_body(r#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#);
    let r = sim.handle(&call, T0);
    assert_eq!(r.status, 401);
    let challenge = ords_core::find_header(&r.headers, "WWW-Authenticate").unwrap_or_default();
    assert!(challenge.starts_with("Bearer error=\"invalid_token\", resource_metadata=\""), "{challenge}");
}

#[test]
fn the_undocumented_preflight_is_a_switch() {
    for (preflight, status) in [(true, 200), (false, 404)] {
        let mut config = SimConfig::demo();
        config.set_origins(&[PAGE.to_owned()]);
        config.mcp.preflight = preflight;
        let mut sim = Sim::new(config, 7);
        let asked = ords_core::HttpRequest::new("OPTIONS", &format!("{HOST}/mcp"))
            .with_header("Origin", PAGE)
            .with_header("Access-Control-Request-Method", "POST")
            .with_header("Access-Control-Request-Headers", "authorization, content-type, mcp-session-id");
        let r = sim.handle(&asked, T0);
        assert_eq!(r.status, status);
        if preflight {
            let allowed = ords_core::find_header(&r.headers, "Access-Control-Allow-Headers").unwrap_or_default();
            assert!(allowed.contains("mcp-session-id"), "{allowed}");
        }
    }
    let cli = ords_sim::cli::parse(&["--mcp-json".into(), "--no-mcp-preflight".into()]);
    let config = cli.expect("flags read").config;
    assert!(!config.mcp.sse && !config.mcp.preflight);
}

#[test]
fn role_mode_wants_the_role_at_its_pointer_not_the_scope() {
    let role = |claim: &str, name: &str| McpAccess::Role { claim: claim.into(), role: name.into() };
    let with_role = |c: &mut SimConfig| c.mcp.role = Some("mcp_user".into());
    let run = common::mcp_walk_as(with_role, role("/roles", "mcp_user"), "ords-sim-mcp");
    assert!(run.hops.iter().all(|h| h.ok), "{:?}", run.hops.iter().map(|h| (&h.said, &h.fix)).collect::<Vec<_>>());
    assert_eq!(run.hops.len(), 9);
    assert_eq!(run.hops[4].said, format!("Issuer, audience, role and times match the profile{KEY_FOUND}"));
    let token = &run.hops[3].exchanges[0];
    assert!(!token.request.wire.body.contains("scope="), "no scope asked in role mode: {}", token.request.wire.body);
    // Each way the page's profile can differ stops the walk at the token check, saying why.
    let cases = [
        (role("/roles", "another_role"), "no role names at /roles"),
        (role("roles", "mcp_user"), "not a JSON Pointer"),
        (McpAccess::Scope, MCP_SCOPE),
    ];
    for (access, said) in cases {
        let run = common::mcp_walk_as(with_role, access.clone(), "ords-sim-mcp");
        let last = run.hops.last().unwrap();
        assert_eq!((last.hop, last.ok), (Hop::TokenCheck, false), "{access:?}");
        assert!(last.said.contains(said), "{access:?}: {}", last.said);
    }
    let read = |args: &[&str]| ords_sim::cli::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>());
    assert_eq!(read(&["--mcp-role", "mcp_user"]).expect("read").config.mcp.role.as_deref(), Some("mcp_user"));
    assert!(read(&["--mcp-role", ""]).is_err() && read(&["--mcp-role", "a\nb"]).is_err());
}

#[test]
fn a_token_asked_for_after_the_question_is_checked_when_it_came_not_when_the_walk_started() {
    // The token endpoint's host was asked about; the person answered 10 s later. The token's
    // nbf is then 10 s after the walk started, and it is valid: checked at its arrival.
    let run = common::mcp_walk_answered_after(|_| {}, McpAccess::Scope, "ords-sim-mcp", 10_000);
    assert!(run.hops.iter().all(|h| h.ok), "{:?}", run.hops.iter().map(|h| (&h.said, &h.fix)).collect::<Vec<_>>());
    assert_eq!(run.hops[4].said, format!("Issuer, audience, scope and times match the profile{KEY_FOUND}"));
}
