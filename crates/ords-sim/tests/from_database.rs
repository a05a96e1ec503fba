//! `Try as APEX_WEB_SERVICE would` against the model's scenarios: both token requests built by
//! the core, answered by the simulator, and the verdict the page shows.

use ords_core::database::{as_database, rows, verdict, Outcome};
use ords_core::{
    get_token, ClientAuth, ClientSecret, ExtraParam, OAuthSettings, ParamPlace, PreparedRequest, Received, TimedBy,
    TransportError,
};
use ords_sim::{cli, Sim, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET};
use std::cell::RefCell;

mod common;
use common::{block_on, BASE, T0};

fn sim(scenario: Option<&str>) -> RefCell<Sim> {
    let args: Vec<String> = scenario.map(|s| vec!["--scenario".into(), s.into()]).unwrap_or_default();
    RefCell::new(Sim::new(cli::parse(&args).unwrap().config, 3))
}

fn sender(sim: &RefCell<Sim>) -> impl Fn(PreparedRequest) -> std::future::Ready<Result<Received, TransportError>> + '_ {
    move |request| {
        let response = sim.borrow_mut().handle(&request.wire, T0);
        let at = T0 as f64;
        std::future::ready(Ok(Received { response, elapsed_ms: 1.0, timed_by: TimedBy::Simulated, received_at_ms: at }))
    }
}

fn settings(auth: ClientAuth, extra: Vec<ExtraParam>) -> OAuthSettings {
    OAuthSettings {
        token_url: format!("{BASE}/oauth/token"),
        client_id: DEMO_CLIENT_ID.into(),
        client_secret: ClientSecret::new(DEMO_CLIENT_SECRET),
        client_auth: auth,
        extra,
        ..Default::default()
    }
}

/// (the database's exchange, yours, the verdict).
fn compare(scenario: Option<&str>, oauth: &OAuthSettings) -> (ords_core::Exchange, ords_core::Exchange, String) {
    let sim = sim(scenario);
    let send = sender(&sim);
    let yours = block_on(get_token(oauth, &send)).unwrap().exchange;
    let database = block_on(get_token(&as_database(oauth), &send)).unwrap().exchange;
    let said = verdict(&database, &yours, oauth);
    (database, yours, said)
}

#[test]
fn body_credentials_only_is_explained_as_what_oauth_authenticate_cannot_send() {
    let (database, yours, said) = compare(Some("body-credentials-only"), &settings(ClientAuth::RequestBody, vec![]));
    assert_eq!(Outcome::of(&database), Outcome::Refused("401 invalid_client".into()));
    assert_eq!(Outcome::of(&yours), Outcome::Token);
    assert_eq!(
        said,
        "As the database sends it: 401 invalid_client. As you send it: a token. This server wants the client \
         credentials in the request body, which OAUTH_AUTHENTICATE cannot send (a web credential can send body \
         credentials from APEX 26.1): from the database it raises ORA-20001. The PL/SQL (APEX) code requests the \
         token itself with MAKE_REST_REQUEST."
    );
    let table = rows(&database, &yours);
    let credentials = table.iter().find(|r| r.aspect == "Client credentials").unwrap();
    assert_eq!((credentials.database.as_str(), credentials.yours.as_str()), ("Basic header", "request body"));
    let body = table.iter().find(|r| r.aspect == "Body parameters").unwrap();
    assert_eq!(body.database, "grant_type");
    assert_eq!(body.yours, "grant_type, client_id, client_secret");
}

#[test]
fn a_required_header_is_named() {
    let header = ExtraParam { name: "posserial".into(), value: "POS-1".into(), place: ParamPlace::Header };
    let (database, _, said) = compare(Some("token-needs-header"), &settings(ClientAuth::BasicHeader, vec![header]));
    assert_eq!(Outcome::of(&database), Outcome::Refused("400 invalid_request".into()));
    assert!(said.contains("This server wants the request header posserial, which OAUTH_AUTHENTICATE cannot send:"));
}

#[test]
fn both_accepted_points_at_the_database_side() {
    let (_, _, said) = compare(None, &settings(ClientAuth::BasicHeader, vec![]));
    assert!(said.starts_with("As the database sends it: a token. As you send it: a token. The token endpoint accepts"));
    assert!(said.contains("the ACL for the host, the wallet for https"), "{said}");
    // An extra parameter ORDS ignores: not needed, and said so.
    let audience = ExtraParam { name: "audience".into(), value: "api".into(), place: ParamPlace::Body };
    let (_, _, said) = compare(None, &settings(ClientAuth::BasicHeader, vec![audience]));
    assert!(said.contains("Both are accepted: the server does not need the token parameter audience."), "{said}");
}

#[test]
fn ords_refusing_body_credentials_is_the_settings_fault_not_the_databases() {
    let (_, _, said) = compare(None, &settings(ClientAuth::RequestBody, vec![]));
    assert_eq!(
        said,
        "As the database sends it: a token. As you send it: 401 Unauthorized. The request OAUTH_AUTHENTICATE sends \
         works here: the server refuses what these settings add (the client credentials in the request body). From \
         the database, OAUTH_AUTHENTICATE with this id and secret should get a token."
    );
}

#[test]
fn a_wrong_secret_is_refused_both_ways() {
    let mut oauth = settings(ClientAuth::BasicHeader, vec![]);
    oauth.client_secret = ClientSecret::new("wrong");
    let (_, _, said) = compare(None, &oauth);
    assert!(said.contains("Both are refused: the client id, the secret or the token URL is wrong"), "{said}");
}

#[test]
fn the_database_request_carries_no_extras_and_keeps_the_scope() {
    let extra = vec![
        ExtraParam { name: "audience".into(), value: "api".into(), place: ParamPlace::Body },
        ExtraParam { name: "posserial".into(), value: "1".into(), place: ParamPlace::Header },
    ];
    let mut oauth = settings(ClientAuth::RequestBody, extra);
    oauth.encode_credentials = true;
    oauth.scope = "hr.read".into();
    let (database, yours, said) = compare(None, &oauth);
    assert_eq!(database.request.wire.body, "grant_type=client_credentials&scope=hr.read");
    assert!(!database.request.wire.headers.iter().any(|(k, _)| k == "posserial"));
    assert!(yours.request.wire.headers.iter().any(|(k, _)| k == "posserial"));
    assert!(said.ends_with(" The scope goes as p_scope (APEX 20.1 and later)."), "{said}");
}
