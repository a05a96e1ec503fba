//! Pastes read exactly: the seed documents' curl pair and the reader's PL/SQL block, each form
//! the reader takes, the paste's findings, and hostile pastes.

use super::*;
use crate::diagnose::FindingId;
use crate::settings::ParamPlace;
use std::cell::RefCell;

thread_local! {
    /// Every finding the cases below produced in this thread (for the coverage test).
    static SEEN: RefCell<Vec<FindingId>> = const { RefCell::new(Vec::new()) };
}

fn read(text: &str) -> Pasted {
    let pasted = read_paste(text);
    SEEN.with(|s| s.borrow_mut().extend(pasted.findings.iter().map(|f| f.id)));
    pasted
}

fn ids(p: &Pasted) -> Vec<&'static str> {
    p.findings.iter().map(|f| f.id.key()).collect()
}

fn said(p: &Pasted) -> Vec<String> {
    p.notes.iter().map(|n| format!("{} {} {}", n.line, if n.taken { "+" } else { "-" }, n.said)).collect()
}

fn secret(s: &Option<ClientSecret>) -> Option<&str> {
    s.as_ref().map(|s| s.secret())
}

const SEED_CURL: &str = "curl -i -d \"grant_type=client_credentials\" --user \
    \"Te8yn-qGmBoX6jzpPhnUXA..:7KZWVPkkzNZ_gpcS0l-YFw..\" https://apex.oracle.com/pls/apex/your_workspace/oauth/token\n\
    curl -i --header \"Authorization: Bearer y6NqQHt84rloaFhc2lySJA\" \
    https://apex.oracle.com/pls/apex/your_workspace/customer/details/\n";

#[test]
fn the_seed_curl_pair_fills_the_oauth2_flow() {
    let p = read(SEED_CURL);
    assert_eq!(p.kind, Some(PasteKind::Curl));
    assert_eq!(p.problem, None);
    let f = &p.fill;
    assert_eq!(f.flow, Some(Flow::OAuth2));
    assert_eq!(f.token_url.as_deref(), Some("https://apex.oracle.com/pls/apex/your_workspace/oauth/token"));
    assert_eq!(f.client_id.as_deref(), Some("Te8yn-qGmBoX6jzpPhnUXA.."));
    assert_eq!(secret(&f.client_secret), Some("7KZWVPkkzNZ_gpcS0l-YFw.."));
    assert_eq!(f.client_auth, Some(ClientAuth::BasicHeader));
    assert_eq!(f.resource_url.as_deref(), Some("https://apex.oracle.com/pls/apex/your_workspace/customer/details/"));
    assert_eq!(f.method, Some(Method::Get));
    assert!(f.own_token.is_none(), "the call's token is the one the token request gets");
    assert_eq!(f.extra.as_deref(), Some(&[][..]));
    assert_eq!(ids(&p), Vec::<&str>::new());
    assert_eq!(
        said(&p),
        [
            "1 - -i: the page shows the response headers anyway.",
            "1 + Token URL: https://apex.oracle.com/pls/apex/your_workspace/oauth/token",
            "1 + Client ID: Te8yn-qGmBoX6jzpPhnUXA.. (from --user)",
            "1 + Client authentication: Basic auth header",
            "1 + Client secret: •••••••• (kept in memory only, masked)",
            "1 + Authentication: OAuth2 client credentials.",
            "2 - -i: the page shows the response headers anyway.",
            "2 + Resource URL: https://apex.oracle.com/pls/apex/your_workspace/customer/details/",
            "2 + Method: GET",
            "2 - The Bearer token on the call: the page sends the one its token request gets.",
        ]
    );
    // No note says a secret.
    assert!(p.notes.iter().all(|n| !n.said.contains("7KZWV") && !n.said.contains("y6NqQ")));
}

#[test]
fn a_bearer_call_alone_becomes_use_my_own_token() {
    let p = read("curl -H 'Authorization: Bearer y6NqQHt84rloaFhc2lySJA' https://h.example/ords/hr/emp/");
    assert_eq!(p.fill.flow, Some(Flow::OAuth2));
    assert_eq!(p.fill.own_token.as_ref().map(|t| t.secret()), Some("y6NqQHt84rloaFhc2lySJA"));
    assert_eq!(p.fill.token_url, None, "the token URL stays as it is");
}

const SEED_PLSQL: &str = "apex_web_service.g_request_headers(1).name := \u{2018}posserial\u{2019};\n\
apex_web_service.g_request_headers(1).Value := \u{2018}MYSE2023\u{2019};\n\
apex_web_service.oauth_authenticate(\n\
    p_token_url => \u{2018}https://id.preprod.eta.gov.eg/connect/token\u{2019},\n\
    p_client_id => \u{201D}, p_client_secret => \u{201D});\n\
DBMS_OUTPUT.PUT_LINE (\u{2018}Last Token : \u{2018}||apex_web_service.oauth_get_last_token );\n";

#[test]
fn the_readers_plsql_block_with_typographic_quotes() {
    let p = read(SEED_PLSQL);
    assert_eq!(p.kind, Some(PasteKind::PlSql));
    let f = &p.fill;
    assert!(f.open_database);
    assert_eq!(f.flow, Some(Flow::OAuth2));
    assert_eq!(f.token_url.as_deref(), Some("https://id.preprod.eta.gov.eg/connect/token"));
    assert_eq!(f.client_id.as_deref(), Some(""));
    assert!(f.client_secret.is_none());
    assert_eq!(f.client_auth, Some(ClientAuth::BasicHeader));
    let extra = f.extra.clone().unwrap_or_default();
    assert_eq!(extra.len(), 1);
    assert_eq!(
        (extra[0].name.as_str(), extra[0].value.as_str(), extra[0].place),
        ("posserial", "MYSE2023", ParamPlace::Header)
    );
    assert_eq!(ids(&p), ["paste-plsql-headers", "token-path", "paste-empty-secret"]);
    assert_eq!(
        p.findings[0].cause,
        "g_request_headers (posserial) are set before OAUTH_AUTHENTICATE, which does not send them: they are for \
         MAKE_REST_REQUEST."
    );
    assert_eq!(p.findings[0].evidence, "line 3: apex_web_service.oauth_authenticate");
    assert!(said(&p).contains(&"3 + Token request header: posserial".to_owned()), "{:#?}", said(&p));
}

#[test]
fn plsql_variables_scope_make_rest_request_and_the_bearer_header() {
    let block = "DECLARE\n  l_base varchar2(100) := 'https://h.example/ords/hr/';\n  l_body CLOB;\nBEGIN\n\
        apex_web_service.oauth_authenticate(p_token_url => l_base || 'oauth/token', p_client_id => 'id..', \
        p_client_secret => 's3cr''et', p_scope => 'hr.read');\n\
        apex_web_service.g_request_headers.delete;\n\
        apex_web_service.g_request_headers(1).name := 'Authorization';\n\
        apex_web_service.g_request_headers(1).value := 'Bearer ' || apex_web_service.oauth_get_last_token;\n\
        /* the call */ l_body := apex_web_service.make_rest_request(p_url => l_base || 'emp/', \
        p_http_method => 'GET');\nEND;\n/\n";
    let p = read(block);
    let f = &p.fill;
    assert_eq!(f.token_url.as_deref(), Some("https://h.example/ords/hr/oauth/token"));
    assert_eq!(f.client_id.as_deref(), Some("id.."));
    assert_eq!(secret(&f.client_secret), Some("s3cr'et"));
    assert_eq!(f.scope.as_deref(), Some("hr.read"));
    assert_eq!(f.resource_url.as_deref(), Some("https://h.example/ords/hr/emp/"));
    assert_eq!(f.flow, Some(Flow::OAuth2));
    assert_eq!(ids(&p), Vec::<&str>::new(), "headers deleted before: nothing to say");
}

#[test]
fn plsql_basic_call_with_parameters_and_a_q_literal() {
    let block = "l := apex_web_service.make_rest_request(p_url => q'[https://h.example/ords/hr/emp/]', \
        p_http_method => 'post', p_username => 'hr_user', p_password => 'Pa''ss', p_scheme => 'Basic', \
        p_parm_name => apex_util.string_to_table('a:b'), p_parm_value => apex_util.string_to_table('1:x y'));";
    let p = read(block);
    let f = &p.fill;
    assert_eq!(f.flow, Some(Flow::Basic));
    assert_eq!(f.method, Some(Method::Post));
    assert_eq!(f.username.as_deref(), Some("hr_user"));
    assert_eq!(f.password.as_ref().map(|p| p.secret()), Some("Pa'ss"));
    assert_eq!(f.body.as_deref(), Some("a=1&b=x+y"));
}

#[test]
fn a_token_url_with_a_trailing_space_and_a_web_credential() {
    let p = read(
        "apex_web_service.oauth_authenticate_credential(p_token_url => \
        'https://h.example/ords/hr/oauth/token ', p_credential_static_id => 'HR_CLIENT');",
    );
    assert_eq!(p.fill.token_url.as_deref(), Some("https://h.example/ords/hr/oauth/token"));
    assert_eq!(ids(&p), ["whitespace"]);
    assert!(said(&p).iter().any(|n| n.contains("Web credential HR_CLIENT")), "{:#?}", said(&p));
}

#[test]
fn curl_options_bunched_long_equals_and_ignored_with_reasons() {
    let p = read(
        "curl -sSkL -XPOST --url=https://h.example/ords/hr/oauth/token -uid..:s3 --compressed \
        --data-urlencode 'scope=a b' -d grant_type=client_credentials -F file=@x -o out.json",
    );
    let f = &p.fill;
    assert_eq!(f.token_url.as_deref(), Some("https://h.example/ords/hr/oauth/token"));
    assert_eq!(f.client_id.as_deref(), Some("id.."));
    assert_eq!(f.scope.as_deref(), Some("a b"));
    let notes = said(&p);
    for expected in [
        "1 - -k: the browser always checks certificates; this cannot be turned off from a page.",
        "1 - -L: the page never follows a redirect with credentials: it shows where the redirect leads.",
        "1 - --compressed: the browser asks for compression itself.",
        "1 - -F file=@x: a multipart form; ORDS's token endpoint takes only a form-encoded body.",
        "1 - -o out.json: not something the page does.",
    ] {
        assert!(notes.contains(&expected.to_owned()), "{expected:?} not in {notes:#?}");
    }
}

#[test]
fn continuations_of_bash_cmd_and_powershell_and_dollar_quotes() {
    for (join, quote) in [("\\\n", "'"), ("^\n", "\""), ("`\n", "\"")] {
        let text = format!(
            "curl -X POST {join}  --user {quote}id..:s{quote} {join}  -d \
            grant_type=client_credentials {join}  https://h.example/ords/hr/oauth/token"
        );
        let p = read(&text);
        assert_eq!(p.fill.token_url.as_deref(), Some("https://h.example/ords/hr/oauth/token"), "{text}");
        assert_eq!(secret(&p.fill.client_secret), Some("s"), "{text}");
    }
    let p = read("curl --user $'id..:a\\'b' https://h.example/ords/hr/oauth/token -d grant_type=client_credentials");
    assert_eq!(secret(&p.fill.client_secret), Some("a'b"));
}

#[test]
fn shell_variables_of_the_paste_are_used_others_stay_as_written_and_nothing_runs() {
    let text = "CLIENT_SECRET='s3cr3t..'\nURL=https://h.example/ords/hr\n\
        TOKEN=$(curl -sS -X POST \"$URL/oauth/token\" --user \"id..:$CLIENT_SECRET\" -d \
            grant_type=client_credentials | sed -n 's/x/y/p')\n\
        curl -H \"Authorization: Bearer $TOKEN\" -H \"X-Tenant: $TENANT\" \"$URL/emp/\" `rm -rf /`\n";
    let p = read(text);
    let f = &p.fill;
    assert_eq!(f.token_url.as_deref(), Some("https://h.example/ords/hr/oauth/token"));
    assert_eq!(secret(&f.client_secret), Some("s3cr3t.."));
    assert_eq!(f.resource_url.as_deref(), Some("https://h.example/ords/hr/emp/"));
    assert_eq!(f.headers.as_deref(), Some("X-Tenant: $TENANT"));
    let notes = said(&p);
    assert!(notes.iter().any(|n| n.contains("$TENANT in -H: not set in the paste, left as written.")), "{notes:#?}");
    assert!(notes.iter().any(|n| n.contains("sed: not a request")), "{notes:#?}");
    assert!(notes.iter().any(|n| n.contains("A second URL (`rm -rf /`)")), "{notes:#?}");
}

#[test]
fn the_pastes_mistakes_are_findings_with_their_fix() {
    let p = read(
        "curl -X POST https://h.example/ords/hr/oauth/token -H 'Content-Type: application/json' \
        -H 'Access-Control-Allow-Origin: *' -H 'Authorization: Bearer abc' \
        -d '{\"grant_type\":\"client_credential\",\"client_id\":\"id\",\"client_secret\":\"s\"}'",
    );
    assert_eq!(ids(&p), ["paste-cors-header", "paste-bearer-on-token", "paste-json-token", "paste-grant-type"]);
    assert_eq!(
        p.findings[3].cause,
        "The token request asks for grant_type=client_credential; ORDS's clients use client_credentials."
    );
    assert_eq!(p.fill.client_auth, Some(ClientAuth::RequestBody));
    assert_eq!(secret(&p.fill.client_secret), Some("s"));
    let none = read("curl -X POST https://h.example/ords/hr/oauth/token --user id..:s");
    assert_eq!(ids(&none), ["paste-grant-type"]);
    assert_eq!(none.findings[0].cause, "The token request has no grant_type.");
}

#[test]
fn basic_as_the_schemas_own_user_is_a_warning() {
    let p = read("curl --user HR:secret https://h.example/ords/hr/employees/");
    assert_eq!(ids(&p), ["paste-schema-user"]);
    assert_eq!(
        p.findings[0].cause,
        "Basic credentials for a schema user on a module that may be OAuth-protected: HR is the name of the \
        schema alias /ords/hr/, so it reads as that schema's database user. ORDS accepts a database user only \
        with database authentication on (jdbc.auth.enabled), gives it the one role SQL Developer, and only on \
        its own schema's URLs: anything else answers 401."
    );
    assert_eq!(p.findings[0].evidence, "Basic as HR on https://h.example/ords/hr/employees/");
    assert!(ids(&read("curl --user scott:tiger https://h.example/ords/hr/employees/")).is_empty());
    assert!(ids(&read("curl --user hr:secret https://h.example/api/hr/employees/")).is_empty());
}

#[test]
fn httpie_with_a_form_and_basic_auth() {
    let p =
        read("http -a id..:s3 -f POST https://h.example/ords/hr/oauth/token grant_type=client_credentials scope==x");
    assert_eq!(p.kind, Some(PasteKind::Httpie));
    assert_eq!(p.fill.token_url.as_deref(), Some("https://h.example/ords/hr/oauth/token"));
    assert_eq!(secret(&p.fill.client_secret), Some("s3"));
    let extra = p.fill.extra.clone().unwrap_or_default();
    assert_eq!((extra[0].name.as_str(), extra[0].place), ("scope", ParamPlace::Query));
    assert_eq!(ids(&p), Vec::<&str>::new());
    let call = read("http GET :8181/ords/hr/emp/ Accept:application/json X-Tenant:a -a hr_user:pw");
    assert_eq!(call.fill.flow, Some(Flow::Basic));
    assert_eq!(call.fill.resource_url.as_deref(), Some("http://localhost:8181/ords/hr/emp/"));
    assert_eq!(call.fill.headers.as_deref(), Some("X-Tenant: a"));
}

#[test]
fn a_user_ords_clients_row_from_sql_developer_and_a_masked_one() {
    let p = read("NAME\tCLIENT_ID\tCLIENT_SECRET\nplayground\tTe8yn-qGmBoX6jzpPhnUXA..\tm2Qx7dVbUaE4kR9pLwT1sA..\n");
    assert_eq!(p.kind, Some(PasteKind::SqlRow));
    assert_eq!(p.fill.client_id.as_deref(), Some("Te8yn-qGmBoX6jzpPhnUXA.."));
    assert_eq!(secret(&p.fill.client_secret), Some("m2Qx7dVbUaE4kR9pLwT1sA.."));
    let masked = read("| CLIENT_ID | CLIENT_SECRET |\n|---|---|\n| abc.. | ******** |\n");
    assert_eq!(masked.fill.client_id.as_deref(), Some("abc.."));
    assert!(masked.fill.client_secret.is_none());
    assert_eq!(ids(&masked), ["paste-empty-secret"]);
}

#[test]
fn hostile_pastes_get_a_sentence_and_never_a_panic() {
    let huge = "x".repeat(MAX_PASTE_BYTES + 1);
    assert!(read(&huge).problem.is_some_and(|p| p.starts_with("The paste is 1024 KB")));
    let lines = read(&"curl \\\n".repeat(10_000));
    assert_eq!(lines.notes.len(), MAX_NOTES + 1, "the notes are capped");
    assert_eq!(lines.notes[MAX_NOTES].said, "9801 more notes left out.");
    let headers: String = (0..5000).map(|i| format!(" -H 'X-{i}: v'")).collect();
    let many = read(&format!("curl{headers} https://h.example/ords/hr/emp/"));
    assert_eq!(many.fill.headers.as_deref().map(|h| h.lines().count()), Some(5000));
    for text in [
        "curl 'unclosed",
        "curl \"x",
        "curl $'\\x",
        "curl $(((((",
        "\0\u{1}\u{7f}curl\0",
        "curl `",
        "begin apex_web_service.",
        "apex_web_service.g_request_headers(99999999999).name := 'x';",
        "/* never closed apex_web_service",
        "q'[",
        "http",
        "",
    ] {
        let _ = read(text);
    }
    let html = read(
        "<pre><code>curl -d &quot;grant_type=client_credentials&quot; --user &quot;a..:b&quot; \
        https://h.example/ords/hr/oauth/token</code></pre>",
    );
    assert_eq!(html.fill.client_id.as_deref(), Some("a.."));
}

/// Every paste finding is produced by some case of this file.
#[test]
fn every_paste_finding_is_produced_by_some_case() {
    the_readers_plsql_block_with_typographic_quotes();
    the_pastes_mistakes_are_findings_with_their_fix();
    a_user_ords_clients_row_from_sql_developer_and_a_masked_one();
    basic_as_the_schemas_own_user_is_a_warning();
    let seen = SEEN.with(|s| s.borrow().clone());
    let missing: Vec<&str> = FindingId::ALL
        .iter()
        .filter(|id| id.key().starts_with("paste-") && !seen.contains(id))
        .map(|id| id.key())
        .collect();
    assert!(missing.is_empty(), "no case produces {missing:?}");
}

#[test]
fn a_fetch_snippet_as_people_write_it() {
    let text = r#"const id = "Te8yn-qGmBoX6jzpPhnUXA..";
// get the token
const r = await fetch("https://h.example/ords/hr/oauth/token", {
  method: "POST",
  headers: { "Authorization": "Basic " + btoa(id + ":" + "s3cr3t.."),
    "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ grant_type: "client_credentials" }),
});
const { access_token } = await r.json();
const data = await fetch(`https://h.example/ords/hr/emp/`, { headers: { Authorization: `Bearer ${access_token}` } });
"#;
    let p = read(text);
    assert_eq!(p.kind, Some(PasteKind::Fetch));
    let f = &p.fill;
    assert_eq!(f.token_url.as_deref(), Some("https://h.example/ords/hr/oauth/token"));
    assert_eq!(f.client_id.as_deref(), Some("Te8yn-qGmBoX6jzpPhnUXA.."));
    assert_eq!(secret(&f.client_secret), Some("s3cr3t.."));
    assert_eq!(f.client_auth, Some(ClientAuth::BasicHeader));
    assert_eq!(f.resource_url.as_deref(), Some("https://h.example/ords/hr/emp/"));
    assert_eq!(f.flow, Some(Flow::OAuth2));
    assert_eq!(ids(&p), Vec::<&str>::new());
}

#[test]
fn python_requests_with_auth_a_data_dict_and_an_environment_secret() {
    let text = "import os, requests\nfrom requests.auth import HTTPBasicAuth\n\
        r = requests.post('https://h.example/ords/hr/oauth/token', auth=HTTPBasicAuth('id..', os.environ['SECRET']),\n\
            data={'grant_type': 'client_credentials', 'scope': 'hr'})\n\
        emp = requests.get('https://h.example/ords/hr/emp/', auth=('hr_user', 'pw'), params={'limit': 5})\n";
    let p = read(text);
    assert_eq!(p.kind, Some(PasteKind::Python));
    let f = &p.fill;
    assert_eq!(f.token_url.as_deref(), Some("https://h.example/ords/hr/oauth/token"));
    assert_eq!(f.client_id.as_deref(), Some("id.."));
    assert!(f.client_secret.is_none(), "an environment variable is not in the paste");
    assert_eq!(f.scope.as_deref(), Some("hr"));
    assert_eq!(f.flow, Some(Flow::Compare));
    assert_eq!(f.resource_url.as_deref(), Some("https://h.example/ords/hr/emp/?limit=5"));
    assert_eq!(f.username.as_deref(), Some("hr_user"));
    assert_eq!(f.password.as_ref().map(|p| p.secret()), Some("pw"));
    assert_eq!(ids(&p), ["paste-empty-secret"]);
}

#[test]
fn what_the_filled_settings_lead_to_is_said_before_sending() {
    // The seed's id without its dots, a call under another alias, and http beside https.
    let p = read(
        "curl --user Te8yn-qGmBoX6jzpPhnUXA:7KZWVPkkzNZ_gpcS0l-YFw.. -d grant_type=client_credentials \
         https://h.example/ords/hr/oauth/token\ncurl -H 'Authorization: Bearer x' http://h.example/ords/sales/emp/",
    );
    let found = ids(&p);
    for id in ["dropped-dots", "alias-mismatch", "scheme-mismatch"] {
        assert!(found.contains(&id), "{id} not in {found:?}");
    }
    // A PL/SQL block with comments that look nested, and a q-literal holding quotes.
    let q = read("/* a /* b */ apex_web_service.make_rest_request(p_url => q'{https://h.example/ords/hr/it's/}');");
    assert_eq!(q.fill.resource_url.as_deref(), Some("https://h.example/ords/hr/it's/"));
}

#[test]
fn a_pasted_pre_authenticated_url_goes_to_its_secret_field_not_resource_url() {
    let p = read("curl -i https://h.example/ords/hr/_/par/Zq9-x_Y7/hr/employees/");
    assert_eq!(p.fill.flow, Some(Flow::Par));
    assert_eq!(p.fill.resource_url, None);
    assert_eq!(
        p.fill.par_url.as_ref().map(crate::par::ParUrl::url).as_deref(),
        Some("https://h.example/ords/hr/_/par/Zq9-x_Y7/hr/employees/")
    );
    assert!(said(&p).iter().all(|n| !n.contains("Zq9-x_Y7")), "{:?}", said(&p));
    let back = wire::from_json(&wire::to_json(&p));
    assert_eq!(back.fill.par_url.map(|u| u.url()), p.fill.par_url.map(|u| u.url()));
}
