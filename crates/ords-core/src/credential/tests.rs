use super::*;
use crate::call::ResourceCall;
use crate::held_token::HeldToken;
use crate::request::PreparedRequest;
use crate::request::{basic_request, bearer_request, token_request};
use crate::secret::{AccessToken, ClientSecret, Password};
use crate::settings::{BasicSettings, OAuthSettings, TokenPlacement};

fn asked(trust: &Trust, request: &PreparedRequest) -> Option<Ask> {
    trust.ask_before(&request.wire.url, request.credential.as_ref())
}

fn token(url: &str, secret: &str) -> PreparedRequest {
    let s = OAuthSettings {
        token_url: url.into(),
        client_id: "x".into(),
        client_secret: ClientSecret::new(secret),
        ..Default::default()
    };
    token_request(&s).unwrap()
}

fn bearer(url: &str, issuer: Option<&str>) -> PreparedRequest {
    let held = HeldToken::new(AccessToken::new("t"), "bearer".into(), None, 0.0).issued_by(issuer.map(str::to_owned));
    bearer_request(&ResourceCall::get(url), &held, &TokenPlacement::default()).unwrap()
}

#[test]
fn a_secret_goes_only_to_an_origin_typed_or_confirmed() {
    let mut trust = Trust::new("https://docs.example");
    let request = token("https://attacker.example/ords/demo/oauth/token", "real-secret");
    let ask = asked(&trust, &request).unwrap();
    assert_eq!(ask, Ask { origin: "https://attacker.example".into(), credential: Credential::ClientSecret });
    assert_eq!(ask.credential.label(), "your client secret");
    trust.add("https://attacker.example");
    assert_eq!(asked(&trust, &request), None, "confirmed once, for the page's life");
    assert_eq!(asked(&trust, &token("https://docs.example/ords/a/oauth/token", "s")), None, "the page's own origin");
}

#[test]
fn the_demo_secret_and_password_are_public() {
    let trust = Trust::new("https://docs.example");
    assert_eq!(asked(&trust, &token("https://anywhere.example/t", crate::demo::CLIENT_SECRET)), None);
    let basic = |password: &str| {
        let s = BasicSettings { username: "u".into(), password: Password::new(password) };
        basic_request(&ResourceCall::get("https://anywhere.example/r"), &s).unwrap()
    };
    assert_eq!(asked(&trust, &basic(crate::demo::PASSWORD)), None);
    assert_eq!(asked(&trust, &basic("mine")).map(|a| a.credential), Some(Credential::Password));
}

#[test]
fn a_token_may_go_back_to_its_issuer_but_nowhere_else_unasked() {
    let trust = Trust::new("https://docs.example");
    assert_eq!(asked(&trust, &bearer("https://ords.example/ords/a/hr/x", Some("https://ords.example"))), None);
    let elsewhere = asked(&trust, &bearer("https://other.example/x", Some("https://ords.example"))).unwrap();
    assert_eq!(elsewhere.origin, "https://other.example");
    let pasted = asked(&trust, &bearer("https://ords.example/x", None)).unwrap();
    assert_eq!(pasted.credential.label(), "the access token you pasted");
}

#[test]
fn typing_trusts_an_origin_only_when_the_edit_changed_it() {
    let mut trust = Trust::new("https://docs.example");
    trust.typed("https://attacker.example/ords/a/oauth/token", "https://attacker.example/ords/b/oauth/token");
    assert!(!trust.trusts("https://attacker.example"), "editing the path of a link's URL");
    trust.typed("https://attacker.example/x", "https://mine.example/x");
    assert!(trust.trusts("https://mine.example"));
    trust.typed("", "not a url");
    for n in 0..100 {
        trust.add(&format!("https://h{n}.example"));
    }
    assert!(trust.trusts("https://docs.example") && trust.trusts("https://h99.example"));
    assert!(!trust.trusts("https://h0.example"), "bounded: the oldest typed origins are asked again");
}
