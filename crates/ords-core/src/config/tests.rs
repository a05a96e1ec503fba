use super::codec::MAX_TEXT;
use super::*;
use crate::settings::ParamPlace;

fn custom() -> PlaygroundConfig {
    PlaygroundConfig {
        target: Some(Target::Network),
        flow: Flow::Compare,
        token_url: "https://host/ords/hr_api/oauth/token".into(),
        client_id: "abc..".into(),
        client_auth: ClientAuth::RequestBody,
        resource_url: "https://host/ords/hr_api/hr/employees/?q={\"a\":1}&x".into(),
        username: "ana".into(),
        encode_credentials: true,
        scope: "hr.read emp".into(),
        extra: vec![
            ExtraParam { name: "audience".into(), value: "a&b=c".into(), place: ParamPlace::Body },
            ExtraParam { name: "X-T".into(), value: "1".into(), place: ParamPlace::Header },
        ],
        token_in_query: true,
        token_name: "access_token".into(),
        token_prefix: "Token".into(),
        refetch: false,
        method: Method::Delete,
        embed: true,
        sections: vec![Section::Timeline, Section::Code],
        theme: Theme::Dark,
        scenario: "expired-token".into(),
        lesson: "expired-token".into(),
        present: true,
        provider: crate::provider::Provider::Auth0,
        jwt: crate::jwt_profile::JwtProfile {
            issuer: "https://acme.auth0.com/".into(),
            audience: "hr-api".into(),
            jwk_url: "https://acme.auth0.com/.well-known/jwks.json".into(),
            allowed_skew_s: Some(30),
            allowed_age_s: Some(600),
            role_claim: "/roles".into(),
            privilege: "hr.read".into(),
            level: crate::jwt_profile::ProfileLevel::Pool,
            pool_mode: true,
            jwks_allowed: "https://acme.auth0.com/".into(),
        },
        host_origin: "https://docs.example:8443".into(),
    }
}

#[test]
fn scenario_and_lesson_names_are_names_and_healthy_is_none() {
    let d = PlaygroundConfig::from_fragment("scenario=healthy&lesson=call-api&present=1");
    assert_eq!((d.config.scenario.as_str(), d.config.lesson.as_str(), d.config.present), ("", "call-api", true));
    let bad = PlaygroundConfig::from_fragment("scenario=%3Cscript%3E&lesson=A");
    assert_eq!(bad.ignored.len(), 2);
    assert_eq!(bad.config.scenario, "");
}

#[test]
fn every_setting_survives_its_text_form() {
    let config = custom();
    let decoded = PlaygroundConfig::from_fragment(&config.to_fragment());
    assert_eq!(decoded.config, config);
    assert!(decoded.ignored.is_empty());
    assert_eq!(decoded.set.len(), Key::ALL.len(), "every key was written because every value differs");
    assert_eq!(PlaygroundConfig::from_fragment(&format!("#{}", config.to_fragment())).config, config, "a fragment");
}

#[test]
fn the_demo_writes_nothing_and_reads_back_as_itself() {
    assert_eq!(PlaygroundConfig::default().to_fragment(), "");
    let decoded = PlaygroundConfig::from_fragment("");
    assert_eq!(decoded.config, PlaygroundConfig::default());
    assert!(!decoded.is_configured());
}

#[test]
fn only_changed_settings_are_written_in_key_order() {
    let mut c = PlaygroundConfig { method: Method::Post, ..Default::default() };
    c.token_url = "https://h/ords/a/oauth/token".into();
    assert_eq!(c.to_fragment(), "token_url=https%3A%2F%2Fh%2Fords%2Fa%2Foauth%2Ftoken&method=POST");
}

#[test]
fn user_info_never_leaves_in_the_text_form() {
    let c = PlaygroundConfig { resource_url: "https://me:pw@host/ords/a/x/".into(), ..Default::default() };
    assert_eq!(c.to_fragment(), "resource_url=https%3A%2F%2Fhost%2Fords%2Fa%2Fx%2F");
}

#[test]
fn unknown_keys_secrets_and_bad_values_are_listed_as_ignored() {
    let decoded = PlaygroundConfig::from_fragment(
        "?flow=basic&client_secret=s3cr3t&colour=red&method=TRACE&refetch=maybe&extra=junk&bad=%zz&token_url=https%3A%\
            2F%2Fa.example%2Ft",
    );
    assert_eq!(decoded.config.flow, Flow::Basic);
    assert_eq!(decoded.config.token_url, "https://a.example/t");
    assert_eq!(decoded.config.method, Method::Get, "a bad value keeps the default");
    let why: Vec<(String, String)> = decoded.ignored.iter().map(|i| (i.key.clone(), i.why.clone())).collect();
    assert_eq!(
        why,
        [
            ("client_secret".into(), "secrets are never read from a link".into()),
            ("colour".into(), "not a setting of this page".into()),
            ("method".into(), "not one of GET, POST, PUT, PATCH, DELETE".into()),
            ("refetch".into(), "not 1 or 0".into()),
            ("extra".into(), "not an extra parameter (n=…&v=…&p=body|query|header)".into()),
            ("bad".into(), "not valid URL encoding".into()),
        ]
    );
    assert_eq!(decoded.set, [Key::Flow, Key::TokenUrl]);
}

#[test]
fn older_links_with_place_labels_still_read() {
    let decoded = PlaygroundConfig::from_fragment("extra=n%3Dresource%26v%3Dx%26p%3DQuery%2Bstring&target=simulated");
    assert_eq!(decoded.config.extra[0].place, ParamPlace::Query);
    assert_eq!(decoded.config.target, Some(Target::Simulated));
}

#[test]
fn reading_is_bounded() {
    let many = (0..50).map(|_| "extra=n%3Da%26p%3Dbody").collect::<Vec<_>>().join("&");
    let decoded = PlaygroundConfig::from_fragment(&many);
    assert_eq!(decoded.config.extra.len(), MAX_EXTRAS);
    assert_eq!(decoded.ignored.len(), 30);
    let huge = PlaygroundConfig::from_fragment(&"a".repeat(MAX_TEXT + 1));
    assert_eq!(huge.ignored[0].why, "the settings are longer than 64 KB");
}

#[test]
fn differences_name_the_control_its_section_and_value() {
    let c = PlaygroundConfig { method: Method::Delete, token_in_query: true, ..Default::default() };
    let shown: Vec<(&str, Option<&str>, String)> =
        c.differences().into_iter().map(|(k, v)| (k.label(), k.section().map(FormSection::label), v)).collect();
    assert_eq!(
        shown,
        [
            ("Token placement", Some("Token use"), "Query parameter".to_owned()),
            ("Method", Some("Request options"), "DELETE".to_owned()),
        ]
    );
    let extra = custom().differences().into_iter().find(|(k, _)| *k == Key::Extra).unwrap().1;
    assert_eq!(extra, "audience = a&b=c (Body)");
}

#[test]
fn credentials_go_to_the_token_and_resource_origins_and_demo_secrets_only_to_the_demo() {
    assert_eq!(custom().credential_hosts(), ["https://host"]);
    let basic = PlaygroundConfig { flow: Flow::Basic, ..custom() };
    assert_eq!(basic.credential_hosts(), ["https://host"]);
    let demo = PlaygroundConfig::default();
    assert_eq!(demo.demo_secrets(), (Some(demo::CLIENT_SECRET), Some(demo::PASSWORD)));
    let elsewhere = PlaygroundConfig { token_url: "https://attacker.example/ords/demo/oauth/token".into(), ..demo };
    assert_eq!(elsewhere.demo_secrets(), (None, None));
}

#[test]
fn embed_settings_choose_the_sections_and_the_full_page_drops_them() {
    let decoded = PlaygroundConfig::from_fragment("embed=1&sections=diagnosis,timeline,code&theme=dark");
    let c = decoded.config;
    assert!(c.embed && c.shows(Section::Timeline) && !c.shows(Section::History));
    assert_eq!(c.theme, Theme::Dark);
    assert_eq!(c.full_page().to_fragment(), "theme=dark");
    assert!(PlaygroundConfig::default().shows(Section::History), "the full page shows everything");
    let bad = PlaygroundConfig::from_fragment("sections=code,nope&theme=neon");
    assert_eq!(bad.ignored[0].why, "not one of lessons, diagnosis, timeline, code, history, database, mcp");
    assert_eq!(bad.ignored[1].why, "not one of auto, light, dark");
}

#[test]
fn only_settings_that_steer_requests_raise_the_link_banner() {
    for quiet in [
        "embed=1",
        "embed=1&sections=code,history&theme=dark&present=1",
        "target=simulated&scenario=expired-token",
        "lesson=first-token",
    ] {
        assert!(!PlaygroundConfig::from_fragment(quiet).needs_banner(), "{quiet}");
    }
    for loud in [
        "target=network",
        "embed=1&token_url=https%3A%2F%2Fevil.example%2Fords%2Fx%2Foauth%2Ftoken",
        "client_id=abc..",
        "flow=basic",
        "client_auth=body",
        "method=DELETE",
        "token_name=X-Api-Key",
        "provider=okta",
        "jwt_issuer=https%3A%2F%2Fi.example%2F",
        "embed=1&client_secret=stolen",
        "embed=1&nonsense=1",
    ] {
        assert!(PlaygroundConfig::from_fragment(loud).needs_banner(), "{loud}");
    }
}

#[test]
fn the_card_summary_names_the_flow_the_call_and_who_receives_credentials() {
    let demo = PlaygroundConfig::default();
    assert_eq!(
        demo.summary(Target::Simulated),
        "OAuth2 client credentials · GET http://127.0.0.1:8181/ords/demo/hr/employees/ · answered by the simulated \
            ORDS in this page"
    );
    let elsewhere = PlaygroundConfig {
        flow: Flow::Basic,
        method: Method::Post,
        resource_url: "https://ana:pw@api.example/ords/hr/emp/".into(),
        ..custom()
    };
    assert_eq!(
        elsewhere.summary(Target::Network),
        "Basic · POST https://api.example/ords/hr/emp/ · credentials go to https://api.example"
    );
    assert_eq!(custom().summary(Target::Network).rsplit(" · ").next(), Some("credentials go to https://host"));
    let nowhere = PlaygroundConfig { token_url: "not a url".into(), resource_url: String::new(), ..demo.clone() };
    assert_eq!(nowhere.summary(Target::Network).rsplit(" · ").next(), Some("no valid URL yet"));
    let par = PlaygroundConfig { flow: Flow::Par, ..demo };
    assert_eq!(
        par.summary(Target::Network),
        "Pre-authenticated URL · GET · the URL, typed here and never in a link, is the credential"
    );
    assert_eq!(PlaygroundConfig::from_fragment("flow=par").config.flow, Flow::Par);
}

#[test]
fn a_pre_authenticated_url_typed_as_resource_url_leaves_memory_without_its_token() {
    let c = PlaygroundConfig { resource_url: "https://h/ords/hr/_/par/Zq9-x_Y7/hr/emp/".into(), ..Default::default() };
    assert_eq!(c.to_fragment(), "resource_url=https%3A%2F%2Fh%2Fords%2Fhr%2F_%2Fpar%2FTOKEN%2Fhr%2Femp%2F");
}
