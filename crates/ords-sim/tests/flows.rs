//! The page's runs with the model as the sender: the same code path the page takes with the
//! in-page simulator. (The runs' own logic is tested with a scripted sender in ords-core.)

use ords_core::{
    run, BasicSettings, Button, ClientAuth, ClientSecret, Flow, Method, OAuthSettings, Password, PreparedRequest,
    Purpose, Received, ResourceCall, RunInputs, TimedBy, TokenPlacement, TokenSource, TransportError,
};
use ords_sim::{Sim, SimConfig, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET};
use std::cell::RefCell;

mod common;
use common::{block_on, BASE, T0 as NOW};

fn sender(sim: &RefCell<Sim>) -> impl Fn(PreparedRequest) -> std::future::Ready<Result<Received, TransportError>> + '_ {
    move |request| {
        let response = sim.borrow_mut().handle(&request.wire, NOW);
        std::future::ready(Ok(Received {
            response,
            elapsed_ms: 1.0,
            timed_by: TimedBy::PageClock,
            received_at_ms: NOW as f64,
        }))
    }
}

fn inputs(flow: Flow, call: ResourceCall, auth: ClientAuth) -> RunInputs {
    RunInputs {
        action: Button::CallApi,
        flow,
        oauth: OAuthSettings {
            token_url: format!("{BASE}/oauth/token"),
            client_id: DEMO_CLIENT_ID.into(),
            client_secret: ClientSecret::new(DEMO_CLIENT_SECRET),
            client_auth: auth,
            ..Default::default()
        },
        basic: BasicSettings { username: "ana".into(), password: Password::new("pä:ss") },
        call,
        placement: TokenPlacement::default(),
        token: TokenSource::Held(None),
        refetch: true,
        now_ms: NOW as f64,
    }
}

#[test]
fn compare_against_the_model_gets_a_token_and_both_calls_answer_alike() {
    let mut config = SimConfig::demo();
    config.add_user("ana", "pä:ss");
    config.switches.body_client_auth = true;
    let sim = RefCell::new(Sim::new(config, 9));
    let employees = ResourceCall::get(&format!("{BASE}/hr/employees/"));
    for auth in [ClientAuth::BasicHeader, ClientAuth::RequestBody] {
        let outcome = block_on(run(&inputs(Flow::Compare, employees.clone(), auth), &sender(&sim), &|_| {})).unwrap();
        let steps: Vec<_> =
            outcome.timeline.iter().map(|e| (e.purpose, e.exchange.response().unwrap().status)).collect();
        assert_eq!(steps, [(Purpose::Token, 200), (Purpose::Resource, 200), (Purpose::BasicCall, 200)]);
        let held = outcome.token.unwrap().held().unwrap();
        assert_eq!((held.token_type.as_str(), held.expires_in), ("bearer", Some(3600)));
        let rows = ords_core::comparison_of(&outcome.timeline).unwrap();
        assert!(rows.iter().find(|r| r.aspect == "Body").unwrap().same, "the same rows with either method");
    }
    let note = ResourceCall {
        url: format!("{BASE}/hr/notes/"),
        method: Method::Post,
        headers: Vec::new(),
        body: r#"{"text":"from the playground"}"#.into(),
    };
    let outcome = block_on(run(&inputs(Flow::Basic, note, ClientAuth::BasicHeader), &sender(&sim), &|_| {})).unwrap();
    let response = outcome.resource.unwrap().response().unwrap().clone();
    assert_eq!(response.status, 201);
    assert_eq!(
        response.body,
        format!(r#"{{"id":1,"text":"from the playground","links":[{{"rel":"self","href":"{BASE}/hr/notes/1"}}]}}"#)
    );
}
