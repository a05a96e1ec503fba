use super::*;
use crate::secret::{ClientSecret, Password};

const TOKEN_URL: &str = "https://host/ords/hr_api/oauth/token";

fn settings(auth: ClientAuth) -> OAuthSettings {
    OAuthSettings {
        token_url: TOKEN_URL.into(),
        client_id: "Te8yn-qGmBoX6jzpPhnUXA..".into(),
        client_secret: ClientSecret::new("s3cr3t.."),
        client_auth: auth,
    }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn token_request_with_basic_client_auth_is_what_ords_documents() {
    let p = token_request(&settings(ClientAuth::BasicHeader)).unwrap();
    assert_eq!(p.wire.method, "POST");
    assert_eq!(p.wire.url, TOKEN_URL);
    assert_eq!(
        p.wire.headers,
        pairs(&[
            ("Authorization", "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOnMzY3IzdC4u"),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Accept", "application/json"),
        ])
    );
    assert_eq!(p.wire.body, "grant_type=client_credentials");
    assert_eq!(p.shown.header("Authorization"), Some("Basic base64(Te8yn-qGmBoX6jzpPhnUXA..:••••••••)"));
    assert_eq!(p.shown.body, "grant_type=client_credentials");
}

#[test]
fn token_request_with_body_client_auth_encodes_each_field() {
    let mut s = settings(ClientAuth::RequestBody);
    s.client_secret = ClientSecret::new("a&b=c é");
    let p = token_request(&s).unwrap();
    assert_eq!(p.wire.header("Authorization"), None);
    assert_eq!(
        p.wire.body,
        "grant_type=client_credentials&client_id=Te8yn-qGmBoX6jzpPhnUXA..&client_secret=a%26b%3Dc+%C3%A9"
    );
    assert_eq!(p.shown.body, "grant_type=client_credentials&client_id=Te8yn-qGmBoX6jzpPhnUXA..&client_secret=••••••••");
}

#[test]
fn token_request_refuses_bad_input_before_sending() {
    let mut s = settings(ClientAuth::BasicHeader);
    s.token_url = "host/ords/oauth/token".into();
    s.client_id.clear();
    let errors = token_request(&s).unwrap_err();
    assert_eq!(errors.len(), 2);
}

#[test]
fn bearer_request_carries_the_token_and_masks_it_on_screen() {
    let url = "https://host/ords/hr_api/hr/employees/";
    let p = bearer_request(url, &AccessToken::new("eUSBOqI47Pt7jI_hmfJjPQ")).unwrap();
    assert_eq!(
        p.wire.headers,
        pairs(&[("Accept", "application/json"), ("Authorization", "Bearer eUSBOqI47Pt7jI_hmfJjPQ")])
    );
    assert_eq!(p.shown.header("Authorization"), Some("Bearer ••••••••"));
    assert_eq!((p.wire.method.as_str(), p.wire.body.as_str()), ("GET", ""));
}

#[test]
fn basic_request_with_colon_and_non_ascii_password() {
    let s = BasicSettings { username: "ana".into(), password: Password::new("pä:ss") };
    let p = basic_request("http://127.0.0.1:8181/ords/demo/hr/employees/", &s).unwrap();
    assert_eq!(p.wire.header("Authorization"), Some("Basic YW5hOnDDpDpzcw=="));
    assert_eq!(p.shown.header("Authorization"), Some("Basic base64(ana:••••••••)"));
    assert!(basic_request("", &s).is_err());
}
