use super::*;
use crate::call::ResourceCall;
use crate::exchange::{Received, Step, TimedBy};
use crate::held_token::HeldToken;
use crate::http::HttpResponse;
use crate::request::{basic_request, bearer_request, token_request};
use crate::secret::{AccessToken, ClientSecret, Password};
use crate::settings::TokenPlacement;
use crate::settings::{BasicSettings, OAuthSettings};

const URL: &str = "https://h/ords/hr/employees/";

fn answered(step: Step, request: crate::request::PreparedRequest, status: u16, body: &str, ms: f64) -> Exchange {
    let response =
        HttpResponse { status, reason: crate::http::reason_phrase(status).into(), headers: vec![], body: body.into() };
    let received = Received { response, elapsed_ms: ms, timed_by: TimedBy::PageClock, received_at_ms: 0.0 };
    Exchange { step, request, result: Ok(received) }
}

fn basic(status: u16, body: &str) -> Exchange {
    let settings = BasicSettings { username: "hr_user".into(), password: Password::new("Welcome_1") };
    answered(Step::Resource, basic_request(&ResourceCall::get(URL), &settings).unwrap(), status, body, 30.0)
}

fn oauth_run(status: u16, body: &str) -> Vec<Exchange> {
    let settings = OAuthSettings {
        token_url: "https://h/ords/hr/oauth/token".into(),
        client_id: "id..".into(),
        client_secret: ClientSecret::new("s.."),
        ..Default::default()
    };
    let token = answered(Step::Token, token_request(&settings).unwrap(), 200, "{}", 50.0);
    let request = bearer_request(
        &ResourceCall::get(URL),
        &HeldToken::new(AccessToken::new("tok"), String::new(), None, 0.0),
        &TokenPlacement::default(),
    )
    .unwrap();
    vec![token, answered(Step::Resource, request, status, body, 25.0)]
}

fn rows(basic: &Exchange, run: &[Exchange]) -> Vec<CompareRow> {
    compare_calls(basic, OAuthSide { resource: run.last().unwrap(), exchanges: run })
}

#[test]
fn the_same_answer_differs_only_in_headers_and_exchanges() {
    let run = oauth_run(200, r#"{"items": [1, 2]}"#);
    let table = rows(&basic(200, r#"{"items":[1,2]}"#), &run);
    let shown: Vec<(&str, &str, &str, bool)> =
        table.iter().map(|r| (r.aspect, r.basic.as_str(), r.oauth.as_str(), r.same)).collect();
    assert_eq!(
        shown,
        [
            ("Status", "200 OK", "200 OK", true),
            ("Headers sent", "Accept, Authorization (Basic)", "Accept, Authorization (Bearer)", false),
            ("Exchanges", "1 request", "2 requests", false),
            ("Time", "30 ms", "75 ms (45 ms more)", true),
            ("Body", "15 B", "17 B, same content", true),
        ]
    );
    assert_eq!(differences(&table), "Different: headers sent, exchanges.");
    assert!(!format!("{table:?}").contains("tok\""), "credentials never appear");
}

#[test]
fn a_refused_side_is_called_out_with_its_status_and_body() {
    let run = oauth_run(401, r#"{"code":"Unauthorized"}"#);
    let table = rows(&basic(200, r#"{"items":[]}"#), &run);
    assert_eq!(
        (table[0].basic.as_str(), table[0].oauth.as_str(), table[0].same),
        ("200 OK", "401 Unauthorized", false)
    );
    assert_eq!(table[4].oauth, "23 B, different content");
    assert_eq!(differences(&table), "Different: status, headers sent, exchanges, body.");
}

#[test]
fn no_response_is_named_not_counted_as_a_body() {
    let mut failed = basic(200, "");
    failed.result = Err(crate::exchange::TransportError::Cancelled);
    let table = rows(&failed, &oauth_run(200, "x"));
    assert_eq!(
        (table[0].basic.as_str(), table[4].basic.as_str(), table[4].same),
        ("no response", "no response", false)
    );
}
