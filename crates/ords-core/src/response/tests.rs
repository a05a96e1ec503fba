use super::*;

fn response(status: u16, content_type: &str, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        reason: String::new(),
        headers: vec![("Content-Type".into(), content_type.into())],
        body: body.into(),
    }
}

#[test]
fn reads_the_ords_token_grant() {
    let r = response(
        200,
        "application/json",
        r#"{"access_token":"eUSBOqI47Pt7jI_hmfJjPQ","token_type":"bearer","expires_in":3600}"#,
    );
    let grant = parse_token_grant(&r).unwrap();
    assert_eq!(grant.access_token.secret(), "eUSBOqI47Pt7jI_hmfJjPQ");
    assert_eq!((grant.token_type.as_str(), grant.expires_in), ("bearer", Some(3600)));
}

#[test]
fn token_grant_errors_say_what_was_received() {
    let html = response(200, "text/html; charset=UTF-8", "<!DOCTYPE html><p>Sign in</p>");
    assert_eq!(
        parse_token_grant(&html).unwrap_err(),
        TokenParseError::NotJson { media_type: Some("text/html".into()) }
    );
    let other = response(200, "application/json", r#"{"items":[]}"#);
    assert_eq!(parse_token_grant(&other).unwrap_err(), TokenParseError::NoAccessToken);
    let string_lifetime = response(200, "application/json", r#"{"access_token":"a","expires_in":"60"}"#);
    assert_eq!(parse_token_grant(&string_lifetime).unwrap().expires_in, Some(60));
}

#[test]
fn recognises_both_error_dialects() {
    let ords = concat!(
        r#"{"code":"Unauthorized","message":"Unauthorized","type":"tag:oracle.com,2020:error/Unauthorized","#,
        r#""instance":"tag:oracle.com,2020:ecid/x"}"#
    );
    assert_eq!(
        parse_error_body(ords),
        Some(ErrorBody::OrdsProblem { code: "Unauthorized".into(), message: "Unauthorized".into() })
    );
    assert_eq!(
        parse_error_body(r#"{"error":"invalid_client"}"#),
        Some(ErrorBody::OAuth { error: OAuthErrorCode::InvalidClient, description: None })
    );
    assert_eq!(parse_error_body("<html>"), None);
}

#[test]
fn json_is_indented_in_server_order_with_numbers_untouched() {
    let body = r#"{"zeta":1.50,"alpha":[1,{"b":"x,\"y\"}"}],"e":{},"f":[ ]}"#;
    assert_eq!(
        indent_json(body),
        "{\n  \"zeta\": 1.50,\n  \"alpha\": [\n    1,\n    {\n      \"b\": \"x,\\\"y\\\"}\"\n    }\n  ],\n  \"e\": \
            {},\n  \"f\": []\n}"
    );
    assert!(is_json(body) && !is_json("<h1>401</h1>") && !is_json("  "));
}

#[test]
fn a_token_no_header_can_carry_is_refused_with_the_reason() {
    let newline = response(200, "application/json", r#"{"access_token":"abc\ndef","token_type":"bearer"}"#);
    assert_eq!(
        parse_token_grant(&newline).unwrap_err().to_string(),
        "The token endpoint answered 200 but its access_token contains a line break, so no request can carry it; the \
            server is not sending a usable token."
    );
    let empty = response(200, "application/json", r#"{"access_token":""}"#);
    assert_eq!(parse_token_grant(&empty).unwrap_err(), TokenParseError::UnusableToken { why: "is empty".into() });
}

#[test]
fn oauth_error_codes_are_named_and_others_kept() {
    assert_eq!(OAuthErrorCode::parse("invalid_scope"), OAuthErrorCode::InvalidScope);
    assert_eq!(OAuthErrorCode::parse("slow_down").as_str(), "slow_down");
    assert_eq!(OAuthErrorCode::UnsupportedGrantType.as_str(), "unsupported_grant_type");
}
