//! Point 4 of the paste: what Code writes pastes back to the same settings. curl, fetch, Python
//! and PL/SQL for every flow and client-authentication placement (with token parameters in the
//! query, the body and headers; PL/SQL's hand-made token request when OAUTH_AUTHENTICATE cannot
//! send them). Secrets with quotes, `$`, backticks, `..` and `:`; URLs with query strings and
//! Unicode.

use super::*;
use crate::call::ResourceCall;
use crate::code::{generate, CodeInput, CodeTarget};
use crate::settings::{BasicSettings, OAuthSettings, ParamPlace, TokenPlacement};
use proptest::prelude::*;

fn flow() -> impl Strategy<Value = Flow> {
    prop_oneof![Just(Flow::OAuth2), Just(Flow::Basic), Just(Flow::Compare)]
}

fn secret() -> impl Strategy<Value = String> {
    "[A-Za-z0-9'\"$.:` \\\\!#-]{1,20}"
}

fn base() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("https://h.example"), Just("http://127.0.0.1:8181"), Just("https://apex.oracle.com/pls/apex")],
        "[a-z]{1,8}",
    )
        .prop_map(|(host, alias)| format!("{host}/ords/{alias}/"))
}

fn extra() -> impl Strategy<Value = Vec<ExtraParam>> {
    let place = prop_oneof![Just(ParamPlace::Query), Just(ParamPlace::Body), Just(ParamPlace::Header)];
    proptest::collection::vec(("x[a-z]{1,6}", "[a-zé ü/😀]{0,8}", place), 0..3)
        .prop_map(|v| v.into_iter().map(|(name, value, place)| ExtraParam { name, value, place }).collect())
}

#[derive(Debug)]
struct Case {
    flow: Flow,
    oauth: OAuthSettings,
    basic: BasicSettings,
    call: ResourceCall,
}

fn case() -> impl Strategy<Value = Case> {
    (
        flow(),
        base(),
        "[A-Za-z0-9_-]{4,22}\\.\\.",
        secret(),
        prop_oneof![Just(ClientAuth::BasicHeader), Just(ClientAuth::RequestBody)],
        "[a-z.]{0,8}",
        extra(),
        ("[a-z_]{1,10}", secret()),
        (
            "[a-zü]{1,8}",
            "(\\?q=[a-z0-9]{1,5})?",
            prop_oneof![Just(Method::Get), Just(Method::Post), Just(Method::Delete)],
        ),
    )
        .prop_map(
            |(flow, base, client_id, secret, client_auth, scope, extra, (user, password), (path, query, method))| {
                Case {
                    flow,
                    oauth: OAuthSettings {
                        token_url: format!("{base}oauth/token"),
                        client_id,
                        client_secret: ClientSecret::new(secret),
                        client_auth,
                        encode_credentials: false,
                        scope,
                        extra,
                    },
                    basic: BasicSettings { username: user, password: Password::new(password) },
                    call: ResourceCall { method, ..ResourceCall::get(&format!("{base}hr/{path}/{query}")) },
                }
            },
        )
}

fn written(case: &Case, target: CodeTarget) -> String {
    let placement = TokenPlacement::default();
    let input = CodeInput {
        flow: case.flow,
        oauth: &case.oauth,
        basic: &case.basic,
        call: &case.call,
        placement: &placement,
        include_secrets: true,
        page_origin: "http://127.0.0.1:8080",
    };
    generate(target, &input)
}

fn assert_same(case: &Case, code: &str) -> Result<(), TestCaseError> {
    let p = read_paste(code);
    let f = &p.fill;
    prop_assert_eq!(f.flow, Some(case.flow), "{}", code);
    prop_assert_eq!(f.resource_url.as_deref(), Some(case.call.url.as_str()), "{}", code);
    prop_assert_eq!(f.method, Some(case.call.method));
    if case.flow.uses_oauth() {
        let o = &case.oauth;
        prop_assert_eq!(f.token_url.as_deref(), Some(o.token_url.as_str()), "{}", code);
        prop_assert_eq!(f.client_id.as_deref(), Some(o.client_id.as_str()));
        prop_assert_eq!(f.client_secret.as_ref().map(ClientSecret::secret), Some(o.client_secret.secret()), "{}", code);
        prop_assert_eq!(f.client_auth, Some(o.client_auth));
        prop_assert_eq!(f.scope.clone().unwrap_or_default(), o.scope.clone());
        // The same parameters; the form keeps them by place (query, body, headers).
        // A header value's surrounding spaces are not part of it (RFC 9110 §5.5).
        let sorted = |mut v: Vec<ExtraParam>| {
            for p in v.iter_mut().filter(|p| p.place == ParamPlace::Header) {
                p.value = p.value.trim().to_owned();
            }
            v.sort_by(|a, b| (a.place.key(), &a.name, &a.value).cmp(&(b.place.key(), &b.name, &b.value)));
            v
        };
        prop_assert_eq!(sorted(f.extra.clone().unwrap_or_default()), sorted(o.extra.clone()), "{}", code);
    }
    if case.flow.uses_basic() {
        prop_assert_eq!(f.username.as_deref(), Some(case.basic.username.as_str()));
        prop_assert_eq!(f.password.as_ref().map(Password::secret), Some(case.basic.password.secret()), "{}", code);
    }
    // What Code writes has none of a paste's mistakes (the settings' own may show).
    // Basic as a user named like the alias is about the settings, not the paste's form.
    let mistakes: Vec<_> = p
        .findings
        .iter()
        .filter(|f| f.id.key().starts_with("paste-") && f.id != crate::diagnose::FindingId::PasteSchemaUser)
        .collect();
    prop_assert!(mistakes.is_empty(), "{:?}\n{}", mistakes, code);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn curl_written_by_code_reads_back(case in case()) {
        assert_same(&case, &written(&case, CodeTarget::Curl))?;
    }

    #[test]
    fn fetch_written_by_code_reads_back(case in case()) {
        assert_same(&case, &written(&case, CodeTarget::Fetch))?;
    }

    #[test]
    fn python_written_by_code_reads_back(case in case()) {
        assert_same(&case, &written(&case, CodeTarget::Python))?;
    }

    #[test]
    fn plsql_written_by_code_reads_back(case in case()) {
        assert_same(&case, &written(&case, CodeTarget::PlSql))?;
    }
}
