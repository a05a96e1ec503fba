//! The core's flows with the model as the sender: the same code path the page runs.

use ords_core::{
    call_with_basic, call_with_oauth, get_token, BasicSettings, ClientAuth, ClientSecret, HttpRequest, OAuthSettings,
    Password, Purpose, Received, ResourceCall, TimedBy, TokenPlacement, TransportError,
};
use ords_sim::{Sim, SimConfig, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::task::{Context, Poll, Waker};

const BASE: &str = "http://127.0.0.1:8181/ords/demo";

/// Runs a future whose sender answers synchronously.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the simulated sender never waits"),
    }
}

struct Harness {
    sim: RefCell<Sim>,
    now: Cell<u64>,
    sent: RefCell<Vec<HttpRequest>>,
}

impl Harness {
    fn new(config: SimConfig) -> Self {
        Self { sim: RefCell::new(Sim::new(config, 9)), now: Cell::new(1_800_000_000_000), sent: RefCell::default() }
    }

    fn send(&self) -> impl Fn(HttpRequest) -> std::future::Ready<Result<Received, TransportError>> + '_ {
        move |request| {
            self.sent.borrow_mut().push(request.clone());
            let response = self.sim.borrow_mut().handle(&request, self.now.get());
            std::future::ready(Ok(Received {
                response,
                elapsed_ms: 1.0,
                timed_by: TimedBy::PageClock,
                received_at_ms: self.now.get() as f64,
            }))
        }
    }
}

fn oauth(secret: &str, auth: ClientAuth) -> OAuthSettings {
    OAuthSettings {
        token_url: format!("{BASE}/oauth/token"),
        client_id: DEMO_CLIENT_ID.into(),
        client_secret: ClientSecret::new(secret),
        client_auth: auth,
        ..Default::default()
    }
}

fn employees() -> ResourceCall {
    ResourceCall::get(&format!("{BASE}/hr/employees/"))
}

#[test]
fn call_api_gets_a_token_first_then_the_employees() {
    let h = Harness::new(SimConfig::demo());
    let call = block_on(call_with_oauth(
        &oauth(DEMO_CLIENT_SECRET, ClientAuth::BasicHeader),
        &employees(),
        &TokenPlacement::default(),
        None,
        0.0,
        true,
        &h.send(),
        &|_| {},
    ))
    .unwrap();
    let token = call.token.as_ref().unwrap();
    assert_eq!(token.exchange.response().unwrap().status, 200);
    let held = token.held().unwrap();
    assert_eq!((held.token_type.as_str(), held.expires_in), ("bearer", Some(3600)));
    assert_eq!(call.resource.unwrap().response().unwrap().status, 200);
    let sent = h.sent.borrow();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1].header("Authorization"), Some(format!("Bearer {}", held.access_token.secret()).as_str()));
}

#[test]
fn a_held_token_is_reused_until_it_expires() {
    let h = Harness::new(SimConfig::demo());
    let settings = oauth(DEMO_CLIENT_SECRET, ClientAuth::BasicHeader);
    let held = block_on(get_token(&settings, &h.send())).unwrap().held().unwrap();
    let (call, placement) = (employees(), TokenPlacement::default());
    let now = held.received_at_ms;
    let run = |at: f64, refetch: bool| {
        h.now.set(at as u64);
        block_on(call_with_oauth(&settings, &call, &placement, Some(&held), at, refetch, &h.send(), &|_| {})).unwrap()
    };
    let again = run(now + 1000.0, true);
    assert!(again.token.is_none());
    let expired = run(now + 3_600_000.0, true);
    let purposes: Vec<_> = expired.timeline.iter().map(|e| e.purpose).collect();
    assert_eq!(purposes, [Purpose::TokenAfterExpiry, Purpose::Resource], "an expired token is replaced first");
    assert_eq!(expired.resource.unwrap().response().unwrap().status, 200);
    let without = run(now + 3_600_000.0, false);
    let purposes: Vec<_> = without.timeline.iter().map(|e| e.purpose).collect();
    assert_eq!(purposes, [Purpose::Resource], "switched off: the expired token is sent as it is");
    assert_eq!(without.resource.unwrap().response().unwrap().status, 401);
}

#[test]
fn wrong_secret_stops_before_the_resource_call() {
    let h = Harness::new(SimConfig::demo());
    let call = block_on(call_with_oauth(
        &oauth("wrong..", ClientAuth::BasicHeader),
        &employees(),
        &TokenPlacement::default(),
        None,
        0.0,
        true,
        &h.send(),
        &|_| {},
    ))
    .unwrap();
    assert_eq!(call.token.unwrap().exchange.response().unwrap().status, 401);
    assert!(call.resource.is_none());
    assert_eq!(h.sent.borrow().len(), 1);
}

#[test]
fn body_client_auth_against_a_simulator_that_accepts_it() {
    let mut config = SimConfig::demo();
    config.switches.body_client_auth = true;
    let h = Harness::new(config);
    let step = block_on(get_token(&oauth(DEMO_CLIENT_SECRET, ClientAuth::RequestBody), &h.send())).unwrap();
    assert!(step.held().is_some());
    assert_eq!(h.sent.borrow()[0].header("Authorization"), None);
}

#[test]
fn basic_flow_with_colon_and_non_ascii_password() {
    let mut config = SimConfig::demo();
    config.add_user("ana", "pä:ss");
    let h = Harness::new(config);
    let settings = BasicSettings { username: "ana".into(), password: Password::new("pä:ss") };
    let exchange = block_on(call_with_basic(&settings, &employees(), &h.send())).unwrap();
    assert_eq!(exchange.response().unwrap().status, 200);
}

#[test]
fn post_a_note_with_a_json_body_through_the_flow() {
    let h = Harness::new(SimConfig::demo());
    let settings = BasicSettings { username: "hr_user".into(), password: Password::new("Welcome_1") };
    let call = ResourceCall {
        url: format!("{BASE}/hr/notes/"),
        method: "POST".into(),
        headers: Vec::new(),
        body: r#"{"text":"from the playground"}"#.into(),
    };
    let exchange = block_on(call_with_basic(&settings, &call, &h.send())).unwrap();
    let response = exchange.response().unwrap();
    assert_eq!(response.status, 201);
    assert_eq!(
        response.body,
        format!(r#"{{"id":1,"text":"from the playground","links":[{{"rel":"self","href":"{BASE}/hr/notes/1"}}]}}"#)
    );
}

#[test]
fn a_401_with_a_held_token_re_fetches_once_and_retries() {
    let h = Harness::new(SimConfig::demo());
    let settings = oauth(DEMO_CLIENT_SECRET, ClientAuth::BasicHeader);
    let held = block_on(get_token(&settings, &h.send())).unwrap().held().unwrap();
    *h.sim.borrow_mut() = Sim::new(SimConfig::demo(), 10); // a restarted ORDS forgot its tokens
    let (call, placement) = (employees(), TokenPlacement::default());
    let now = held.received_at_ms;
    let run =
        block_on(call_with_oauth(&settings, &call, &placement, Some(&held), now, true, &h.send(), &|_| {})).unwrap();
    let steps: Vec<_> = run.timeline.iter().map(|e| (e.purpose, e.exchange.response().unwrap().status)).collect();
    assert_eq!(steps, [(Purpose::Resource, 401), (Purpose::TokenAfter401, 200), (Purpose::ResourceRetry, 200)]);
    assert_eq!(run.resource.unwrap().response().unwrap().status, 200);
    let wrong = oauth("wrong..", ClientAuth::BasicHeader);
    *h.sim.borrow_mut() = Sim::new(SimConfig::demo(), 11);
    let run = block_on(call_with_oauth(&wrong, &call, &placement, Some(&held), now, true, &h.send(), &|_| {})).unwrap();
    let steps: Vec<_> = run.timeline.iter().map(|e| e.purpose).collect();
    assert_eq!(steps, [Purpose::Resource, Purpose::TokenAfter401], "no retry when the re-fetch fails");
}

#[test]
fn each_token_step_is_reported_before_the_protected_call_is_sent() {
    let h = Harness::new(SimConfig::demo());
    let settings = oauth(DEMO_CLIENT_SECRET, ClientAuth::BasicHeader);
    let (call, placement) = (employees(), TokenPlacement::default());
    // What had been sent when each token step was reported.
    let reported = RefCell::new(Vec::new());
    let on_token = |step: &ords_core::TokenStep| {
        reported.borrow_mut().push((step.held().is_some(), h.sent.borrow().len()));
    };
    let send = h.send();
    let run = block_on(call_with_oauth(&settings, &call, &placement, None, 0.0, true, &send, &on_token));
    assert_eq!(run.unwrap().timeline.len(), 2);
    assert_eq!(*reported.borrow(), [(true, 1)], "reported after the token request, before the resource call");

    let wrong = oauth("wrong..", ClientAuth::BasicHeader);
    reported.borrow_mut().clear();
    let run = block_on(call_with_oauth(&wrong, &call, &placement, None, 0.0, true, &send, &on_token));
    assert!(run.unwrap().resource.is_none());
    assert_eq!(*reported.borrow(), [(false, 3)], "a failed token step is reported too");
}
