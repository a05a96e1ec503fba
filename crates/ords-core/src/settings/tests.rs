use super::*;
use crate::field::Field;

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
}

#[test]
fn control_characters_and_nul_are_refused_where_nothing_can_carry_them() {
    let mut s = oauth("https://h/ords/a/oauth/token", "x\n/\nGRANT DBA TO mallory;\n--", "ok");
    assert_eq!(s.problems()[0].message, "The Client ID contains a line break or control character; copy the id alone.");
    s.client_id = "x".into();
    s.client_secret = ClientSecret::new("a\0b");
    assert_eq!(s.problems()[0].message, "The Client secret contains a NUL character, which cannot be sent.");
    s.client_secret = ClientSecret::new("multi\nline is fine");
    assert!(s.problems().is_empty());
    let user = BasicSettings { username: "a\rb".into(), password: Password::new("") };
    assert_eq!(user.problems()[0].field, Field::Username);
    let header = [ExtraParam { name: "X-A".into(), value: "1\n2".into(), place: ParamPlace::Header }];
    assert_eq!(extra_param_problems(&header)[0].message, "The value of header X-A contains a line break.");
    let prefix = TokenPlacement::Header { name: "Authorization".into(), prefix: "Bearer\n".into() };
    assert_eq!(prefix.problems()[0].message, "The token prefix contains a line break.");
}
