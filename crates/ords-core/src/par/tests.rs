use super::*;
use proptest::prelude::*;

const URL: &str = "https://h.example/ords/hr/_/par/AbC-12_xyZ/hr/employees/7?fields=name";

#[test]
fn a_par_url_reads_into_its_parts() {
    let p = ParUrl::parse(URL).unwrap();
    assert_eq!(p.prefix, "https://h.example/ords/hr/_/par/");
    assert_eq!(p.alias, "hr");
    assert_eq!(p.token.secret(), "AbC-12_xyZ");
    assert_eq!(p.path, "hr/employees/7");
    assert_eq!(p.query.as_deref(), Some("fields=name"));
    assert_eq!(p.url(), URL);
    assert_eq!(p.masked(), format!("https://h.example/ords/hr/_/par/{}/hr/employees/7?fields=name", crate::MASK));
    assert_eq!(format!("{:?}", p.token), "ParToken([redacted])");
    let apex = ParUrl::parse("https://apex.oracle.com/pls/apex/my_ws/_/par/t0k/api/v1/items/").unwrap();
    assert_eq!((apex.alias.as_str(), apex.path.as_str()), ("my_ws", "api/v1/items/"));
}

#[test]
fn what_is_not_a_par_url_says_why() {
    let e = |u: &str| ParUrl::parse(u).unwrap_err();
    assert_eq!(e("https://h.example/ords/hr/employees/"), ParUrlError::NoParSegment);
    assert_eq!(e("https://h.example/_/par/t/x"), ParUrlError::NoAlias);
    assert_eq!(e("https://h.example/ords/hr/_/par//x"), ParUrlError::NoToken);
    assert_eq!(e("https://h.example/ords/hr/_/par/t"), ParUrlError::NoHandler);
    assert_eq!(e("https://h.example/ords/hr/_/par/t%20x/e/"), ParUrlError::BadToken('%'));
    assert!(matches!(e("ftp://h/ords/hr/_/par/t/x"), ParUrlError::NotAUrl(_)));
    assert_eq!(
        ParUrlError::NoParSegment.to_string(),
        "This is not a pre-authenticated URL: it has no /_/par/ after the schema alias (ORDS_PAR.DEFINE_FOR_HANDLER \
         returns one as its uri)."
    );
}

#[test]
fn built_from_the_schema_url_module_pattern_and_token() {
    let p = ParUrl::build("https://h.example/ords/hr/", "/hr/", "employees/:id", " tok ").unwrap();
    assert_eq!(p.url(), "https://h.example/ords/hr/_/par/tok/hr/employees/:id");
    assert_eq!(ParUrl::build("https://h.example/ords/hr", "", "x", "").unwrap_err(), ParUrlError::NoToken);
}

#[test]
fn the_setup_sql_quotes_what_it_is_given() {
    assert_eq!(
        par_setup_sql("hr.v1", "employees/", "GET", 3600),
        "SET DEFINE OFF\nSET SERVEROUTPUT ON\n\
         -- A pre-authenticated URL for one handler (ORDS 24.4 and later), as the schema that owns the module.\n\
         -- Anyone holding the URL can call the handler, with no credentials, until it expires.\n\
         DECLARE\n  l_par CLOB;\nBEGIN\n  l_par := ords_par.define_for_handler(\n    p_module_name => 'hr.v1',\n    \
         p_pattern     => 'employees/',\n    p_method      => 'GET',\n    p_duration    => 3600);\n  \
         dbms_output.put_line(l_par);  -- JSON: token, alias and uri (<alias>/_/par/<token>/<base><pattern>)\n\
         END;\n/\n\n\
         -- To end it before it expires (ORDS may take up to 30 seconds to stop honouring it):\n\
         -- EXEC ords_par.revoke_par(p_token => '<token>');\n\
         -- ORDS 25.2 and later: ORDS_PAR.PAR_EXPIRATION_BY_ALIAS gives the seconds a PAR has left, and\n\
         -- Database Actions lists the schema's PARs.\n"
    );
    let hostile = par_setup_sql("it's\nx", "a'); DROP TABLE t; --", "GET", 1);
    assert!(hostile.contains("p_module_name => 'it''s' || CHR(10) || 'x'"), "{hostile}");
    assert!(hostile.contains("p_pattern     => 'a''); DROP TABLE t; --'"));
}

proptest! {
    #[test]
    fn the_token_never_shows_in_what_the_core_writes(
        token in "[A-Za-z0-9_-]{4,40}",
        path in "[a-z]{1,8}/[a-z0-9/]{0,12}",
    ) {
        let url = format!("https://h.example/ords/hr/_/par/{token}/{path}");
        let p = ParUrl::parse(&url).unwrap();
        prop_assert_eq!(p.token.secret(), token.as_str());
        prop_assert!(!p.masked().contains(&token));
        let request = crate::HttpRequest::new("GET", &url);
        let secrets = crate::secrets_sent(&request);
        let shown = crate::mask_secrets(&format!("GET {url}\ncurl -g '{url}'"), &secrets);
        prop_assert!(!shown.contains(&token), "{}", shown);
    }
}

#[test]
fn code_for_a_par_keeps_its_token_a_variable_unless_asked() {
    use crate::code::{generate, CodeInput, CodeTarget};
    use crate::{BasicSettings, Flow, OAuthSettings, ResourceCall, TokenPlacement};
    let call = ResourceCall::get("https://h.example/ords/hr/_/par/AbC-12_xyZ/hr/employees/?q=1");
    let (oauth, basic, placement) = (OAuthSettings::default(), BasicSettings::default(), TokenPlacement::default());
    let input = |include_secrets| CodeInput {
        flow: Flow::Par,
        oauth: &oauth,
        basic: &basic,
        call: &call,
        placement: &placement,
        include_secrets,
        page_origin: "http://127.0.0.1:8080",
    };
    assert_eq!(
        generate(CodeTarget::Curl, &input(false)),
        "#!/usr/bin/env bash\n# The ORDS call through a pre-authenticated URL (ORDS_PAR), with no credentials.\n\
         # Whoever holds this URL can make the call, with no credentials, until it expires.\nset -euo pipefail\n\
         ORDS_PAR_TOKEN=\"${ORDS_PAR_TOKEN?export ORDS_PAR_TOKEN='<token>' first}\"\n\
         curl -g -i -X GET -H 'Accept: application/json' 'https://h.example/ords/hr/_/par/'\"$ORDS_PAR_TOKEN\"\
         '/hr/employees/?q=1'\n"
    );
    for target in CodeTarget::ALL {
        let hidden = generate(target, &input(false));
        assert!(!hidden.contains("AbC-12_xyZ"), "{target:?}: {hidden}");
        if target != CodeTarget::SetupSql {
            assert!(generate(target, &input(true)).contains("AbC-12_xyZ"), "{target:?}");
        }
    }
    assert!(generate(CodeTarget::SetupSql, &input(false))
        .contains("p_module_name => '<the module whose base path is /hr/>',\n    p_pattern     => 'employees/',"));
}

#[test]
fn a_shared_par_says_how_long_it_has_and_what_a_refusal_means() {
    let par = SharedPar { url: ParUrl::parse(URL).unwrap(), expires_at_s: Some(1_796_659_200) };
    let now = 1_796_659_200 - 3725;
    assert_eq!(par.life(now), ParLife::Left { seconds: 3725, at_s: 1_796_659_200 });
    assert_eq!(
        par.life(now).sentence(),
        "1h 02m 05s (until 2026-12-07 16:00 UTC, as the link's author set it; a revoked URL stops sooner)"
    );
    assert_eq!(
        par.card_line("GET", now),
        "Pre-authenticated URL · GET hr/employees/7 · the page's author included it, no credentials of yours · \
         1h 02m 05s left"
    );
    let later = 1_796_659_200;
    assert!(par.life(later).expired());
    assert_eq!(
        par.life(later).sentence(),
        "This pre-authenticated URL expired on 2026-12-07 16:00 UTC: ask the page's author for a fresh link."
    );
    assert!(par.card_line("GET", later).ends_with("expired: ask the page's author for a fresh link"));
    assert_eq!(
        par.refusal(401, later).as_deref(),
        Some(
            "ORDS refused the pre-authenticated URL this page's author included (HTTP 401): it has expired. Ask the \
             page's author for a fresh link."
        )
    );
    assert!(par.refusal(404, now).is_some_and(|s| s.contains("expired or been revoked")));
    assert_eq!(par.refusal(200, later), None);
    assert_eq!(par.refusal(500, later), None);
    let open = SharedPar { expires_at_s: None, ..par };
    assert_eq!(open.life(u64::MAX), ParLife::Unknown);
    assert!(open.card_line("GET", 0).ends_with("time left not given"));
}

#[test]
fn the_seconds_typed_become_an_expiry_with_checked_arithmetic() {
    assert_eq!(expiry_after(1000, " 86_400 "), Ok(Some(87_400)));
    assert_eq!(expiry_after(1000, ""), Ok(None));
    assert_eq!(expiry_after(1000, "1e5"), Err(ParExpiryError::NotSeconds));
    assert_eq!(expiry_after(1000, "-5"), Err(ParExpiryError::NotSeconds));
    assert_eq!(expiry_after(1000, "99999999999999999999999"), Err(ParExpiryError::NotSeconds));
    assert_eq!(expiry_after(1000, &(shared::MAX_PAR_SECONDS + 1).to_string()), Err(ParExpiryError::TooLong));
    assert_eq!(expiry_after(u64::MAX, "5"), Err(ParExpiryError::TooLong));
}

#[test]
fn a_link_reads_its_par_and_expiry_and_says_what_it_did_not_use() {
    use crate::config::PlaygroundConfig;
    let d = PlaygroundConfig::from_fragment(
        "par_expires=1796659200&flow=par&par=https%3A%2F%2Fh%2Fords%2Fa%2F_%2Fpar%2Ft%2Fx",
    );
    let par = d.par.clone().unwrap();
    assert_eq!((par.url.url().as_str(), par.expires_at_s), ("https://h/ords/a/_/par/t/x", Some(1_796_659_200)));
    assert!(d.is_configured() && d.needs_banner());
    let bad = PlaygroundConfig::from_fragment("par=https%3A%2F%2Fh%2Fords%2Fa%2Femp%2F&par_expires=soon");
    let keys: Vec<(&str, &str)> = bad.ignored.iter().map(|i| (i.key.as_str(), i.why.as_str())).collect();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert_eq!(keys[0].0, "par");
    assert!(keys[0].1.starts_with("This is not a pre-authenticated URL"));
    assert_eq!(keys[1], ("par_expires", "not a time (seconds since 1970)"));
    assert_eq!(bad.par, None);
    let alone = PlaygroundConfig::from_fragment("par_expires=5");
    assert_eq!(alone.ignored[0].why, "an expiry with no pre-authenticated URL (par) to go with it");
    let stored = PlaygroundConfig { flow: crate::config::Flow::Par, ..Default::default() }.to_fragment();
    assert_eq!(stored, "flow=par", "the settings' own text never holds one");
}

#[test]
fn the_parts_start_from_the_resource_url() {
    let parts = |u: &str| par_parts_from(u).map(|(a, b, c)| format!("{a} | {b} | {c}"));
    assert_eq!(
        parts("https://h.example/ords/hr/hr/employees/?q=1").as_deref(),
        Some("https://h.example/ords/hr/ | hr/ | employees/")
    );
    assert_eq!(
        parts("https://apex.oracle.com/pls/apex/my_ws/api/v1/items").as_deref(),
        Some("https://apex.oracle.com/pls/apex/my_ws/ | api/ | v1/items")
    );
    assert_eq!(parts("https://h.example/ords/hr/").as_deref(), Some("https://h.example/ords/hr/ |  | "));
    assert_eq!(parts("https://h.example/other/"), None);
    assert_eq!(parts("not a url"), None);
    let (schema, module, pattern) = par_parts_from("https://h.example/ords/hr/hr/employees/").unwrap();
    let built = ParUrl::build(&schema, &module, &pattern, "tok").unwrap();
    assert_eq!(built.url(), "https://h.example/ords/hr/_/par/tok/hr/employees/");
}
