use super::*;

fn oauth(url: &str, id: &str, secret: &str) -> OAuthSettings {
    OAuthSettings {
        token_url: url.into(),
        client_id: id.into(),
        client_secret: ClientSecret::new(secret),
        client_auth: ClientAuth::BasicHeader,
        ..Default::default()
    }
}

#[test]
fn valid_ords_settings_have_no_problems() {
    let s = oauth("https://host/ords/hr/oauth/token", "Te8yn-qGmBoX6jzpPhnUXA..", "x..");
    assert!(s.problems().is_empty());
}

#[test]
fn each_missing_field_is_named_with_its_label() {
    let problems = oauth("", "  ", "").problems();
    let fields: Vec<_> = problems.iter().map(|p| p.field.label()).collect();
    assert_eq!(fields, ["Token URL", "Client ID", "Client secret"]);
    assert_eq!(problems[0].message, "Enter a URL.");
}

#[test]
fn colon_in_client_id_is_refused_only_for_the_basic_header() {
    let mut s = oauth("https://h/ords/a/oauth/token", "a:b", "x");
    assert_eq!(s.problems()[0].field, Field::ClientId);
    s.client_auth = ClientAuth::RequestBody;
    assert!(s.problems().is_empty());
}

#[test]
fn basic_user_name_rules() {
    let ok = BasicSettings { username: "ana".into(), password: Password::new("pä:ss") };
    assert!(ok.problems().is_empty());
    let colon = BasicSettings { username: "a:b".into(), password: Password::new("") };
    assert_eq!(colon.problems()[0].field, Field::Username);
    assert_eq!(resource_problems("nope")[0].field, Field::ResourceUrl);
}

#[test]
fn countdown_from_expires_in() {
    let t = HeldToken {
        access_token: AccessToken::new("t"),
        token_type: "bearer".into(),
        expires_in: Some(3600),
        received_at_ms: 1_000_000.0,
    };
    assert_eq!(t.seconds_left(1_000_000.0), Some(3600));
    assert_eq!(t.seconds_left(999_000.0), Some(3600), "a stale clock never shows more than the lifetime");
    assert_eq!(t.seconds_left(1_000_000.0 + 3_599_500.0), Some(1));
    assert!(!t.is_expired(1_000_000.0 + 3_599_500.0));
    assert!(t.is_expired(1_000_000.0 + 3_600_000.0));
    assert_eq!(format_countdown(3725), "1h 02m 05s");
    assert_eq!(format_countdown(65), "1m 05s");
    assert_eq!(format_countdown(9), "9s");
    assert_eq!(format_countdown(0), "expired");
}

#[test]
fn a_jwt_exp_gives_the_lifetime_when_expires_in_is_missing() {
    // claims {"sub":"app","scope":"hr.read","exp":1800000600}
    let jwt =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhcHAiLCJzY29wZSI6ImhyLnJlYWQiLCJleHAiOjE4MDAwMDA2MDB9.c2ln";
    let t = HeldToken::new(AccessToken::new(jwt), "bearer".into(), None, 1_800_000_000_000.0);
    assert_eq!(t.expires_in, Some(600));
    let given = HeldToken::new(AccessToken::new(jwt), "bearer".into(), Some(60), 1_800_000_000_000.0);
    assert_eq!(given.expires_in, Some(60), "expires_in wins over exp");
    let opaque = HeldToken::new(AccessToken::new("eUSBOqI47Pt7jI_hmfJjPQ"), "bearer".into(), None, 0.0);
    assert_eq!(opaque.expires_in, None);
}
