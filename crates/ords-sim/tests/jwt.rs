//! The simulated identity provider and JWT-profile validation over real sockets: a healthy
//! token opens the employees; each JWT scenario's token gets ORDS's bare 401 invalid_token.

use ords_sim::idp::{IDP_CLIENT_ID, IDP_CLIENT_SECRET};
use ords_sim::{cli, server, Sim};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

fn start(args: &[&str]) -> String {
    let options = cli::parse(&args.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>()).unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let sim = Arc::new(Mutex::new(Sim::new(options.config, 11)));
    std::thread::spawn(move || server::serve(listener, sim));
    address
}

fn exchange(address: &str, raw: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.write_all(raw.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

fn token(address: &str) -> String {
    use base64::{engine::general_purpose::STANDARD, Engine as _};
    let basic = STANDARD.encode(format!("{IDP_CLIENT_ID}:{IDP_CLIENT_SECRET}"));
    let body = "grant_type=client_credentials";
    let answer = exchange(
        address,
        &format!(
            "POST /idp/token HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nAuthorization: Basic {basic}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    let json: serde_json::Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    json["access_token"].as_str().unwrap().to_owned()
}

fn employees(address: &str, token: &str) -> String {
    exchange(
        address,
        &format!(
            "GET /ords/demo/hr/employees/ HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nAuthorization: Bearer \
                {token}\r\n\r\n"
        ),
    )
}

#[test]
fn a_healthy_idp_token_opens_the_resource_and_the_key_set_is_published() {
    let address = start(&[]);
    let answer = employees(&address, &token(&address));
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    let jwks = exchange(&address, &format!("GET /idp/jwks HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"));
    assert!(jwks.contains("\"kid\":\"sim-1\"") && !jwks.contains("sim-2"), "{jwks}");
    let bad = exchange(
        &address,
        &format!("POST /idp/token HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"),
    );
    assert!(bad.starts_with("HTTP/1.1 401"), "no client, no token: {bad}");
}

#[test]
fn each_jwt_scenario_is_refused_as_ords_does_with_no_detail() {
    for scenario in ["jwt-wrong-audience", "jwt-missing-scope", "jwt-expired", "jwt-unknown-kid", "jwt-issuer-slash"] {
        let address = start(&["--scenario", scenario]);
        let answer = employees(&address, &token(&address));
        assert!(answer.starts_with("HTTP/1.1 401 Unauthorized\r\n"), "{scenario}: {answer}");
        assert!(
            answer
                .contains("WWW-Authenticate: Bearer realm=\"Oracle REST Data Services\", error=\"invalid_token\"\r\n"),
            "{scenario}"
        );
    }
}

#[test]
fn a_forged_or_foreign_token_is_refused() {
    let address = start(&[]);
    let good = token(&address);
    let parts: Vec<&str> = good.split('.').collect();
    use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
    let claims: serde_json::Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    let mut wider = claims;
    wider["scope"] = "hr.read hr.admin".into();
    let forged = format!("{}.{}.{}", parts[0], URL_SAFE_NO_PAD.encode(wider.to_string()), parts[2]);
    assert!(employees(&address, &forged).starts_with("HTTP/1.1 401"), "a changed claim breaks the signature");
    assert!(employees(&address, "e30.e30.e30").starts_with("HTTP/1.1 401"), "an unsigned token");
}
