//! Pre-authenticated URLs (ORDS_PAR): a handler called with no credentials until its PAR
//! expires; revocation after the configured window; one method, one handler, one alias; the
//! undocumented refusal status and `security.par.enabled` as switches.

use ords_core::HttpRequest;

mod common;
use common::{sim_with, BASE, T0};

fn call(sim: &mut ords_sim::Sim, method: &str, url: &str, now: u64) -> u16 {
    sim.handle(&HttpRequest::new(method, url), now).status
}

#[test]
fn a_par_calls_its_handler_with_no_credentials_until_it_expires() {
    let mut sim = sim_with(|_| {});
    let token = sim.define_par("hr/employees/", "GET", 60, T0);
    let url = format!("{BASE}/_/par/{token}/hr/employees/");
    let answer = sim.handle(&HttpRequest::new("GET", &url), T0 + 1_000);
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains("\"items\""), "the handler's own answer");
    assert_eq!(call(&mut sim, "GET", &format!("{BASE}/hr/employees/"), T0), 401, "the handler itself stays protected");
    assert_eq!(sim.par_seconds_left(&token, T0 + 1_000), Some(59));
    assert_eq!(call(&mut sim, "GET", &url, T0 + 59_999), 200);
    assert_eq!(call(&mut sim, "GET", &url, T0 + 60_000), 401, "expired at its second");
    assert_eq!(sim.par_seconds_left(&token, T0 + 60_000), None);
}

#[test]
fn a_revoked_par_stops_within_the_window() {
    let mut sim = sim_with(|c| c.switches.par_revoke_delay_s = 30);
    let token = sim.define_par("hr/employees/", "GET", 3600, T0);
    let url = format!("{BASE}/_/par/{token}/hr/employees/");
    assert!(sim.revoke_par(&token, T0 + 10_000));
    assert!(!sim.revoke_par("no-such-token", T0));
    assert_eq!(call(&mut sim, "GET", &url, T0 + 39_999), 200, "still honoured inside ORDS's 30 s");
    assert_eq!(call(&mut sim, "GET", &url, T0 + 40_000), 401);
    let mut at_once = sim_with(|c| c.switches.par_revoke_delay_s = 0);
    let token = at_once.define_par("hr/employees/", "GET", 3600, T0);
    at_once.revoke_par(&token, T0);
    assert_eq!(call(&mut at_once, "GET", &format!("{BASE}/_/par/{token}/hr/employees/"), T0), 401);
}

#[test]
fn one_method_one_handler_one_alias() {
    let mut sim = sim_with(|_| {});
    let token = sim.define_par("hr/employees/:id", "GET", 3600, T0);
    let par = |path: &str| format!("{BASE}/_/par/{token}/{path}");
    assert_eq!(call(&mut sim, "GET", &par("hr/employees/101"), T0), 200, "a bind in the pattern");
    assert_eq!(call(&mut sim, "DELETE", &par("hr/employees/101"), T0), 401, "a PAR for GET refuses another method");
    assert_eq!(call(&mut sim, "GET", &par("hr/departments/"), T0), 401, "another handler");
    let other = format!("http://127.0.0.1:8181/ords/sales/_/par/{token}/hr/employees/101");
    assert_eq!(call(&mut sim, "GET", &other, T0), 401, "another alias's URL");
    assert_eq!(call(&mut sim, "GET", &format!("{BASE}/_/par/not-a-token/hr/employees/101"), T0), 401);
    assert_eq!(call(&mut sim, "GET", &format!("{BASE}/_/par/{token}/oauth/token"), T0), 401);
}

#[test]
fn the_undocumented_answers_are_switches() {
    let mut not_found = sim_with(|c| c.switches.par_refused_status = 404);
    let token = not_found.define_par("hr/employees/", "GET", 1, T0);
    let url = format!("{BASE}/_/par/{token}/hr/employees/");
    let answer = not_found.handle(&HttpRequest::new("GET", &url), T0 + 5_000);
    assert_eq!(answer.status, 404);
    assert!(answer.body.contains("NotFound"), "{}", answer.body);
    let mut off = sim_with(|c| c.switches.par_enabled = false);
    let token = off.define_par("hr/employees/", "GET", 3600, T0);
    assert_eq!(call(&mut off, "GET", &format!("{BASE}/_/par/{token}/hr/employees/"), T0), 404);
}

#[test]
fn hostile_par_urls_never_panic() {
    let mut sim = sim_with(|_| {});
    sim.define_par("hr/employees/", "GET", u64::MAX, u64::MAX - 1);
    for path in ["_/par/", "_/par//", "_/par/%00/x", "_/par/a/_/par/b/c", "x/_/par/t/hr/employees/", "_/par/t/../../"] {
        let status = call(&mut sim, "GET", &format!("{BASE}/{path}"), T0);
        assert!(matches!(status, 401 | 404), "{path}: {status}");
    }
    for _ in 0..(ords_sim::par::MAX_PARS + 5) {
        sim.define_par("hr/employees/", "GET", 1, T0);
    }
}

#[test]
fn the_pages_run_through_a_par_sends_no_credentials_and_shows_no_token() {
    use ords_core::{run, Button, Flow, ResourceCall, RunInputs, TimedBy, TokenPlacement, TokenSource};
    use std::cell::RefCell;
    let sim = RefCell::new(sim_with(|_| {}));
    let token = sim.borrow_mut().define_par("hr/employees/", "GET", 3600, T0);
    let url = format!("{BASE}/_/par/{token}/hr/employees/");
    let send = |request: ords_core::PreparedRequest| {
        let response = sim.borrow_mut().handle(&request.wire, T0);
        std::future::ready(Ok(ords_core::Received {
            response,
            elapsed_ms: 1.0,
            timed_by: TimedBy::PageClock,
            received_at_ms: T0 as f64,
        }))
    };
    let inputs = |action| RunInputs {
        action,
        flow: Flow::Par,
        oauth: Default::default(),
        basic: Default::default(),
        call: ResourceCall::get(&url),
        placement: TokenPlacement::default(),
        token: TokenSource::Held(None),
        refetch: true,
        now_ms: T0 as f64,
    };
    let outcome = common::block_on(run(&inputs(Button::CallApi), &send, &|_| {})).unwrap();
    let exchange = outcome.resource.unwrap();
    assert_eq!(exchange.response().map(|r| r.status), Some(200));
    assert_eq!(exchange.request.wire.header("Authorization"), None);
    assert_eq!(exchange.request.shown.url, format!("{BASE}/_/par/{}/hr/employees/", ords_core::MASK));
    assert_eq!(exchange.request.credential, Some(ords_core::Credential::ParUrl));
    assert!(outcome.token.is_none());
    let refused = common::block_on(run(&inputs(Button::GetToken), &send, &|_| {})).unwrap_err();
    assert_eq!(refused[0].message, "A pre-authenticated URL needs no token: press Call API.");
}

#[test]
fn the_demo_par_works_and_its_scenarios_break_it() {
    let url = ords_core::demo::par_url();
    assert_eq!(call(&mut sim_with(|_| {}), "GET", &url, T0), 200);
    let scenario = |name: &str| sim_with(|c| ords_sim::scenarios::find(name).unwrap().apply(c));
    assert_eq!(call(&mut scenario("par-expired"), "GET", &url, T0), 401);
    assert_eq!(call(&mut scenario("par-off"), "GET", &url, T0), 404);
    assert_eq!(call(&mut scenario("par-revoked"), "GET", &url, T0), 401);
    assert_eq!(call(&mut scenario("par-wrong-method"), "GET", &url, T0), 401);
    // Its own method passes the PAR and reaches the handler, which takes GET only.
    assert_eq!(call(&mut scenario("par-wrong-method"), "POST", &url, T0), 405);
    assert_eq!(call(&mut scenario("par-off"), "GET", &format!("{BASE}/hr/employees/"), T0), 401, "the rest as before");
}

#[test]
fn a_browser_reads_a_par_refusal_and_its_preflight_is_the_handlers() {
    let mut sim = sim_with(|c| c.switches.demo_par_expired = true);
    let url = ords_core::demo::par_url();
    let from_page = HttpRequest::new("GET", &url).with_header("Origin", common::PAGE);
    let refused = sim.handle(&from_page, T0);
    assert_eq!(refused.status, 401);
    assert_eq!(refused.header("Access-Control-Allow-Origin"), Some(common::PAGE));
    let preflight = HttpRequest::new("OPTIONS", &url)
        .with_header("Origin", common::PAGE)
        .with_header("Access-Control-Request-Method", "GET")
        .with_header("Access-Control-Request-Headers", "x-trace");
    assert_eq!(sim.handle(&preflight, T0).status, 200);
}
