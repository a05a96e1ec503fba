//! The form's round trip with the settings, natively (signals need no browser).

use super::*;
use ords_core::ParamPlace;

/// Every setting away from its default, so a field the form drops or mixes up shows.
fn everything_set() -> PlaygroundConfig {
    PlaygroundConfig {
        target: Some(Target::Simulated),
        flow: Flow::Basic,
        token_url: "https://apex.oracle.com/pls/apex/ws/oauth/token".into(),
        client_id: "Te8yn-qGmBoX6jzpPhnUXA..".into(),
        client_auth: ClientAuth::RequestBody,
        resource_url: "https://apex.oracle.com/pls/apex/ws/hr/employees/".into(),
        username: "hr_user".into(),
        encode_credentials: true,
        scope: "hr.read".into(),
        extra: vec![ExtraParam { name: "audience".into(), value: "a b".into(), place: ParamPlace::Query }],
        token_in_query: true,
        token_name: "access_token".into(),
        token_prefix: "Token".into(),
        refetch: false,
        method: Method::Patch,
        embed: true,
        sections: vec![Section::Code, Section::Database],
        theme: Theme::Dark,
        scenario: "rotated-secret".into(),
        lesson: "first-token".into(),
        present: true,
        provider: Provider::ALL[3],
        jwt: JwtProfile {
            issuer: "https://idp.example/".into(),
            audience: "api".into(),
            jwk_url: "https://idp.example/keys".into(),
            allowed_skew_s: Some(30),
            allowed_age_s: Some(600),
            role_claim: "/roles".into(),
            privilege: "hr.read".into(),
            level: ords_core::jwt_profile::ProfileLevel::Pool,
            pool_mode: true,
            jwks_allowed: "https://idp.example/".into(),
        },
        host_origin: "https://docs.example".into(),
    }
}

#[test]
fn the_settings_read_back_as_given() {
    let config = everything_set();
    assert_ne!(config, PlaygroundConfig::default());
    let form = Form::new(&config, Source::Link);
    assert_eq!(form.config(), config);
    assert_eq!((form.token_url_source.get(), form.target_source.get()), (Source::Link, Source::Link));
    assert_eq!(form.client_secret.get(), "", "no demo secret for a server that is not the demo");
}

#[test]
fn apply_replaces_every_setting_and_keeps_the_secrets_and_an_unmoved_url_s_source() {
    let form = Form::new(&PlaygroundConfig::default(), Source::Default);
    form.client_secret.set("s3cr3t..".into());
    let mut config = everything_set();
    form.apply(&config, Source::Import);
    assert_eq!(form.config(), config);
    assert_eq!(form.client_secret.get(), "s3cr3t..");
    assert_eq!(form.token_url_source.get(), Source::Import);
    // Same origin, another path: where the URL came from does not change.
    config.token_url = "https://apex.oracle.com/pls/apex/other/oauth/token".into();
    form.apply(&config, Source::History);
    assert_eq!(form.token_url_source.get(), Source::Import);
    assert_eq!(form.config().token_url, config.token_url);
    // A config without a target leaves the one chosen.
    form.apply(&PlaygroundConfig { target: None, ..config }, Source::Link);
    assert_eq!(form.target.get(), Target::Simulated);
}

#[test]
fn a_skew_that_is_not_a_number_counts_as_none() {
    let form = Form::new(&everything_set(), Source::Link);
    form.jwt_skew.set("thirty".into());
    assert_eq!(form.config().jwt.allowed_skew_s, None);
}
