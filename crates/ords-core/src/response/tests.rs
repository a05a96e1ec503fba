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
    assert!(!grant.has_refresh_token);
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
    let ords = r#"{"code":"Unauthorized","message":"Unauthorized","type":"tag:oracle.com,2020:error/Unauthorized","instance":"tag:oracle.com,2020:ecid/x"}"#;
    assert_eq!(
        parse_error_body(ords),
        Some(ErrorBody::OrdsProblem { code: "Unauthorized".into(), message: "Unauthorized".into() })
    );
    assert_eq!(
        parse_error_body(r#"{"error":"invalid_client"}"#),
        Some(ErrorBody::OAuth { error: "invalid_client".into(), description: None })
    );
    assert_eq!(parse_error_body("<html>"), None);
}

#[test]
fn json_is_indented_in_server_order_with_numbers_untouched() {
    let body = r#"{"zeta":1.50,"alpha":[1,{"b":"x,\"y\"}"}],"e":{},"f":[ ]}"#;
    assert_eq!(
        body_view(body),
        BodyView::Json(
            "{\n  \"zeta\": 1.50,\n  \"alpha\": [\n    1,\n    {\n      \"b\": \"x,\\\"y\\\"}\"\n    }\n  ],\n  \"e\": {},\n  \"f\": []\n}"
                .into()
        )
    );
    assert_eq!(body_view("  "), BodyView::Empty);
    assert_eq!(body_view("<h1>401</h1>"), BodyView::Text("<h1>401</h1>".into()));
}
