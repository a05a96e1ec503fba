//! The generated curl snippet run by bash against ords-sim over a socket: both calls answer
//! 200 with the employees. (Every snippet is checked against arbitrary input, byte for byte
//! and for inertness, in ords-core's `tests/generated_code.rs`.)

use ords_core::{
    generate, BasicSettings, ClientAuth, ClientSecret, CodeInput, CodeTarget, OAuthSettings, Password, ResourceCall,
    TokenPlacement,
};
use ords_sim::{server, Sim, SimConfig, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET};
use std::net::TcpListener;
use std::process::Command;
use std::sync::{Arc, Mutex};

#[test]
fn the_curl_snippet_runs_against_ords_sim() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/ords/demo", listener.local_addr().unwrap());
    let mut config = SimConfig::demo();
    config.switches.body_client_auth = true; // an ORDS switch (ords-wire.md): on, so both placements can be run
    let sim = Arc::new(Mutex::new(Sim::new(config, 5)));
    std::thread::spawn(move || server::serve(listener, sim));
    for auth in [ClientAuth::BasicHeader, ClientAuth::RequestBody] {
        let oauth = OAuthSettings {
            token_url: format!("{base}/oauth/token"),
            client_id: DEMO_CLIENT_ID.into(),
            client_secret: ClientSecret::new(DEMO_CLIENT_SECRET),
            client_auth: auth,
            ..Default::default()
        };
        let basic = BasicSettings { username: "hr_user".into(), password: Password::new("Welcome_1") };
        let call = ResourceCall::get(&format!("{base}/hr/employees/"));
        let placement = TokenPlacement::default();
        let input = CodeInput {
            flow: ords_core::Flow::Compare,
            oauth: &oauth,
            basic: &basic,
            call: &call,
            placement: &placement,
            include_secrets: false,
            page_origin: "http://o",
        };
        let out = Command::new("bash")
            .arg("-c")
            .arg(generate(CodeTarget::Curl, &input))
            .env("ORDS_CLIENT_SECRET", DEMO_CLIENT_SECRET)
            .env("ORDS_PASSWORD", "Welcome_1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(stdout.matches("HTTP/1.1 200 OK").count(), 2, "OAuth2 and Basic both 200 ({auth:?}):\n{stdout}");
        assert_eq!(stdout.matches("\"first_name\":\"Steven\"").count(), 2);
    }
}
