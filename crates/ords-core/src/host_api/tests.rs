use super::*;
use crate::config::{Flow, Key};

fn read(v: Value) -> Result<FromHost, Ignored> {
    read_message(&v.to_string())
}

#[test]
fn each_message_the_page_around_may_send() {
    let settings = read(json!({
        "type": "ords-playground:settings",
        "settings": { "flow": "basic", "resource_url": "https://h.example/ords/hr/emp/", "refetch": false,
            "extra": ["n=a&v=1&p=body"] }
    }));
    assert_eq!(
        settings,
        Ok(FromHost::Settings(
            "extra=n%3Da%26v%3D1%26p%3Dbody&flow=basic&refetch=0&resource_url=\
             https%3A%2F%2Fh.example%2Fords%2Fhr%2Femp%2F"
                .into()
        ))
    );
    let text = read(json!({ "type": "ords-playground:settings", "settings": "#flow=compare&embed=0&origin=x" }));
    assert_eq!(text, Ok(FromHost::Settings("flow=compare".into())), "the link-only keys are dropped");
    let sneaky = "orig%69n=https%3A%2F%2Fevil.example&p%61r=https%3A%2F%2Fevil.example%2Fords%2Fa%2F_%2Fpar%2Ft%2Fx\
                  &par_expires=9&embed%=1&flow=basic";
    let text = read(json!({ "type": "ords-playground:settings", "settings": sneaky }));
    assert_eq!(text, Ok(FromHost::Settings("flow=basic".into())), "link-only keys however encoded, and a PAR");
    let d = settings_after("#flow=par&par=https%3A%2F%2Fh%2Fords%2Fa%2F_%2Fpar%2Ft%2Fx", "method=POST");
    assert!(d.par.is_some(), "the link's own PAR stays under a message's settings");
    assert_eq!(read(json!({ "type": "ords-playground:run", "run": "call" })), Ok(FromHost::Run(Button::CallApi)));
    assert_eq!(read(json!({ "type": "ords-playground:run", "run": "token" })), Ok(FromHost::Run(Button::GetToken)));
    assert_eq!(read(json!({ "type": "ords-playground:reset" })), Ok(FromHost::Reset));
    assert_eq!(read(json!({ "type": "ords-playground:theme", "theme": "dark" })), Ok(FromHost::Theme(Theme::Dark)));
}

#[test]
fn malformed_messages_are_ignored_with_a_reason_never_a_panic() {
    assert_eq!(read_message("not json"), Err(Ignored::NotJson));
    assert_eq!(read(json!("ords-playground:run")), Err(Ignored::NotOurs));
    assert_eq!(read(json!({ "type": "webpackOk" })), Err(Ignored::NotOurs));
    assert_eq!(
        read(json!({ "type": "ords-playground:height", "height": 3 })),
        Err(Ignored::UnknownType("height".into()))
    );
    assert!(matches!(read(json!({ "type": "ords-playground:run", "run": "rm -rf" })), Err(Ignored::BadValue(_))));
    assert!(matches!(read(json!({ "type": "ords-playground:theme", "theme": 1 })), Err(Ignored::BadValue(_))));
    assert!(matches!(
        read(json!({ "type": "ords-playground:settings", "settings": { "flow": { "nested": 1 } } })),
        Err(Ignored::BadValue(_))
    ));
    assert!(matches!(read(json!({ "type": "ords-playground:settings" })), Err(Ignored::BadValue(_))));
    let huge = json!({ "type": "ords-playground:settings", "settings": "a".repeat(MAX_MESSAGE) });
    assert_eq!(read(huge), Err(Ignored::TooLarge));
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(read_message(&deep[..MAX_MESSAGE]), Err(Ignored::NotJson));
}

#[test]
fn settings_go_on_top_of_the_link_and_a_secret_is_never_taken() {
    let link = "#embed=1&origin=https%3A%2F%2Fdocs.example&extra=n%3Dx%26v%3D1%26p%3Dbody";
    let Ok(FromHost::Settings(text)) = read(json!({
        "type": "ords-playground:settings",
        "settings": { "flow": "basic", "client_secret": "s3cret", "password": "pw" }
    })) else {
        panic!("settings")
    };
    let d = settings_after(link, &text);
    assert!(d.config.embed);
    assert_eq!(d.config.host_origin, "https://docs.example");
    assert_eq!(d.config.flow, Flow::Basic);
    assert_eq!(d.config.extra.len(), 1, "the link's extra stays when the message sets none");
    let keys: Vec<&str> = d.ignored.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["client_secret", "password"]);
    assert!(d.needs_banner());
    assert!(d.set.contains(&Key::Flow));
    let replaced = settings_after(link, "extra=n%3Dy%26v%3D2%26p%3Dquery");
    assert_eq!(replaced.config.extra.len(), 1);
    assert_eq!(replaced.config.extra[0].name, "y");
}

#[test]
fn an_origin_is_a_scheme_a_host_and_a_port_only() {
    assert_eq!(parse_origin("https://Docs.Example/"), Ok("https://docs.example".into()));
    assert_eq!(parse_origin("http://127.0.0.1:8080"), Ok("http://127.0.0.1:8080".into()));
    for bad in
        ["*", "null", "https://docs.example/page", "javascript:alert(1)", "https://a@b.example", "", "docs.example"]
    {
        assert!(parse_origin(bad).is_err(), "{bad}");
    }
    let link = PlaygroundConfig::from_fragment("embed=1&origin=https%3A%2F%2Fdocs.example");
    assert_eq!(link.config.host_origin, "https://docs.example");
    assert!(!link.needs_banner(), "naming who may talk to the embed sends nothing");
    assert_eq!(PlaygroundConfig::from_fragment("origin=*").ignored.len(), 1);
}

#[test]
fn what_goes_out_holds_no_secret_and_no_body() {
    let ready: Value = serde_json::from_str(READY).unwrap();
    assert_eq!(ready, json!({ "type": format!("{PREFIX}ready"), "version": 1 }));
    let ran = Ran {
        flow: Flow::OAuth2.key(),
        button: Button::CallApi.key(),
        token_status: Some(200),
        resource_status: Some(401),
        finding: Some(("no-token", "The call was sent without a token.".into())),
        ms: 42,
        ignored: 3,
    };
    assert_eq!(
        ran_message(&ran),
        concat!(
            r#"{"finding":{"id":"no-token","sentence":"The call was sent without a token."},"flow":"oauth2","#,
            r#""ignored":3,"ms":42,"resource_status":401,"run":"call_api","token_status":200,"#,
            r#""type":"ords-playground:ran"}"#
        )
    );
}
