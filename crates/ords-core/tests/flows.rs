//! The runs with a scripted sender: each answer is written here, so the retry, expiry, Compare
//! and reporting logic is tested on its own, with exact expectations.

use ords_core::{
    run, BasicSettings, Button, ClientSecret, Credential, Flow, HeldToken, HttpResponse, OAuthSettings, Password,
    PreparedRequest, Purpose, Received, ResourceCall, RunInputs, TimedBy, TokenPlacement, TokenSource, TransportError,
    NO_CALL_NOTE,
};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::task::{Context, Poll, Waker};

const TOKEN_URL: &str = "https://ords.example/ords/hr/oauth/token";
const RESOURCE_URL: &str = "https://ords.example/ords/hr/hr/employees/";
const NOW: f64 = 1_800_000_000_000.0;

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the scripted sender never waits"),
    }
}

fn grant(token: &str) -> (u16, String) {
    (200, format!(r#"{{"access_token":"{token}","token_type":"bearer","expires_in":3600}}"#))
}

/// Answers in order, recording what was sent.
#[derive(Default)]
struct Script {
    answers: RefCell<VecDeque<(u16, String)>>,
    sent: RefCell<Vec<PreparedRequest>>,
}

impl Script {
    fn new(answers: Vec<(u16, String)>) -> Self {
        Self { answers: RefCell::new(answers.into()), sent: RefCell::default() }
    }

    fn send(&self) -> impl Fn(PreparedRequest) -> std::future::Ready<Result<Received, TransportError>> + '_ {
        move |request| {
            self.sent.borrow_mut().push(request);
            let (status, body) =
                self.answers.borrow_mut().pop_front().expect("an answer was scripted for each request");
            let response = HttpResponse { status, reason: String::new(), headers: vec![], body };
            std::future::ready(Ok(Received {
                response,
                elapsed_ms: 5.0,
                timed_by: TimedBy::PageClock,
                received_at_ms: NOW,
            }))
        }
    }

    fn authorizations(&self) -> Vec<String> {
        self.sent.borrow().iter().map(|r| r.wire.header("Authorization").unwrap_or("-").to_owned()).collect()
    }
}

fn inputs(action: Button, flow: Flow, token: TokenSource) -> RunInputs {
    RunInputs {
        action,
        flow,
        oauth: OAuthSettings {
            token_url: TOKEN_URL.into(),
            client_id: "id..".into(),
            client_secret: ClientSecret::new("secret.."),
            ..Default::default()
        },
        basic: BasicSettings { username: "ana".into(), password: Password::new("pw") },
        call: ResourceCall::get(RESOURCE_URL),
        placement: TokenPlacement::default(),
        token,
        refetch: true,
        now_ms: NOW,
    }
}

fn held(token: &str, received_at_ms: f64) -> HeldToken {
    HeldToken::new(ords_core::AccessToken::new(token), "bearer".into(), Some(3600), received_at_ms)
        .issued_by(Some("https://ords.example".into()))
}

fn purposes(outcome: &ords_core::RunOutcome) -> Vec<(Purpose, u16)> {
    outcome.timeline.iter().map(|e| (e.purpose, e.exchange.response().map_or(0, |r| r.status))).collect()
}

#[test]
fn call_api_with_no_token_gets_one_first_and_reports_it_before_the_call() {
    let script = Script::new(vec![grant("t1"), (200, "{}".into())]);
    let reported = RefCell::new(Vec::new());
    let on_token = |step: &ords_core::TokenStep| {
        reported.borrow_mut().push(script.sent.borrow().len() + usize::from(step.held().is_some()) * 10);
    };
    let outcome =
        block_on(run(&inputs(Button::CallApi, Flow::OAuth2, TokenSource::Held(None)), &script.send(), &on_token))
            .unwrap();
    assert_eq!(purposes(&outcome), [(Purpose::Token, 200), (Purpose::Resource, 200)]);
    assert_eq!(script.authorizations(), ["Basic aWQuLjpzZWNyZXQuLg==", "Bearer t1"]);
    assert_eq!(*reported.borrow(), [11], "reported with a token, after one request was sent");
    let issued = outcome.token.unwrap().held().unwrap();
    assert_eq!(issued.issuer.as_deref(), Some("https://ords.example"), "a token knows its issuer");
    assert_eq!(
        script.sent.borrow()[1].credential,
        Some(Credential::AccessToken { issuer: Some("https://ords.example".into()) })
    );
    assert_eq!(outcome.resource_note, None);
}

#[test]
fn a_held_token_is_used_until_it_expires_then_replaced_first() {
    let fresh = Script::new(vec![(200, "{}".into())]);
    let outcome = block_on(run(
        &inputs(Button::CallApi, Flow::OAuth2, TokenSource::Held(Some(held("old", NOW - 1000.0)))),
        &fresh.send(),
        &|_| {},
    ))
    .unwrap();
    assert_eq!(purposes(&outcome), [(Purpose::Resource, 200)]);
    assert_eq!(fresh.authorizations(), ["Bearer old"]);

    let expired = Script::new(vec![grant("new"), (200, "{}".into())]);
    let old = TokenSource::Held(Some(held("old", NOW - 3_600_000.0)));
    let outcome = block_on(run(&inputs(Button::CallApi, Flow::OAuth2, old.clone()), &expired.send(), &|_| {})).unwrap();
    assert_eq!(purposes(&outcome), [(Purpose::TokenAfterExpiry, 200), (Purpose::Resource, 200)]);
    assert_eq!(expired.authorizations()[1], "Bearer new");
    assert!(!outcome.sent_expired_token);

    let switched_off = Script::new(vec![(401, "{}".into())]);
    let mut no_refetch = inputs(Button::CallApi, Flow::OAuth2, old);
    no_refetch.refetch = false;
    let outcome = block_on(run(&no_refetch, &switched_off.send(), &|_| {})).unwrap();
    assert_eq!(purposes(&outcome), [(Purpose::Resource, 401)], "sent as it is, so the server's answer shows");
    assert!(outcome.sent_expired_token);
}

#[test]
fn a_401_re_fetches_once_and_retries_once() {
    let script = Script::new(vec![(401, "{}".into()), grant("new"), (200, "{}".into())]);
    let outcome = block_on(run(
        &inputs(Button::CallApi, Flow::OAuth2, TokenSource::Held(Some(held("old", NOW)))),
        &script.send(),
        &|_| {},
    ))
    .unwrap();
    assert_eq!(
        purposes(&outcome),
        [(Purpose::Resource, 401), (Purpose::TokenAfter401, 200), (Purpose::ResourceRetry, 200)]
    );
    let failing = Script::new(vec![(401, "{}".into()), (401, "{}".into())]);
    let outcome = block_on(run(
        &inputs(Button::CallApi, Flow::OAuth2, TokenSource::Held(Some(held("old", NOW)))),
        &failing.send(),
        &|_| {},
    ))
    .unwrap();
    assert_eq!(
        purposes(&outcome),
        [(Purpose::Resource, 401), (Purpose::TokenAfter401, 401)],
        "no retry without a new token"
    );
    let twice = Script::new(vec![grant("t1"), (401, "{}".into())]);
    let outcome =
        block_on(run(&inputs(Button::CallApi, Flow::OAuth2, TokenSource::Held(None)), &twice.send(), &|_| {})).unwrap();
    assert_eq!(
        purposes(&outcome),
        [(Purpose::Token, 200), (Purpose::Resource, 401)],
        "a fresh token is not re-fetched"
    );
}

#[test]
fn a_pasted_token_is_never_re_fetched() {
    let script = Script::new(vec![(401, "{}".into())]);
    let pasted = HeldToken::new(ords_core::AccessToken::new("mine"), "(pasted)".into(), None, NOW);
    let outcome =
        block_on(run(&inputs(Button::CallApi, Flow::OAuth2, TokenSource::Pasted(pasted)), &script.send(), &|_| {}))
            .unwrap();
    assert_eq!(purposes(&outcome), [(Purpose::Resource, 401)]);
    assert_eq!(script.sent.borrow()[0].credential, Some(Credential::AccessToken { issuer: None }));
}

#[test]
fn a_refused_token_request_makes_no_call_and_says_so() {
    let script = Script::new(vec![(401, r#"{"code":"Unauthorized"}"#.into())]);
    let outcome =
        block_on(run(&inputs(Button::CallApi, Flow::OAuth2, TokenSource::Held(None)), &script.send(), &|_| {}))
            .unwrap();
    assert_eq!(purposes(&outcome), [(Purpose::Token, 401)]);
    assert!(outcome.resource.is_none());
    assert_eq!(outcome.resource_note, Some(NO_CALL_NOTE));
}

#[test]
fn get_token_asks_the_token_endpoint_only() {
    let script = Script::new(vec![grant("t1")]);
    let outcome =
        block_on(run(&inputs(Button::GetToken, Flow::OAuth2, TokenSource::Held(None)), &script.send(), &|_| {}))
            .unwrap();
    assert_eq!(purposes(&outcome), [(Purpose::Token, 200)]);
    assert!(outcome.resource.is_none() && outcome.resource_note.is_none());
}

#[test]
fn compare_runs_both_calls_and_lists_what_differed() {
    // Polled together: Basic is sent first, then the OAuth2 token request and call.
    let script = Script::new(vec![(200, r#"{"a":1}"#.into()), grant("t1"), (200, r#"{ "a": 1 }"#.into())]);
    let outcome =
        block_on(run(&inputs(Button::CallApi, Flow::Compare, TokenSource::Held(None)), &script.send(), &|_| {}))
            .unwrap();
    assert_eq!(purposes(&outcome), [(Purpose::Token, 200), (Purpose::Resource, 200), (Purpose::BasicCall, 200)]);
    let rows = ords_core::comparison_of(&outcome.timeline).unwrap();
    assert_eq!(ords_core::differences(&rows), "Different: headers sent, exchanges.");
    assert_eq!(script.authorizations()[0], "Basic YW5hOnB3");
}

#[test]
fn problems_of_both_flows_are_reported_together() {
    let mut both_wrong = inputs(Button::CallApi, Flow::Compare, TokenSource::Held(None));
    both_wrong.basic.username.clear();
    both_wrong.oauth.client_id.clear();
    let problems = block_on(run(&both_wrong, &Script::default().send(), &|_| {})).unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.field.label()).collect();
    assert_eq!(fields, ["Username", "Client ID"]);
}
