//! The database side's sentences, exact.

use super::*;
use crate::settings::ExtraParam;

fn param(name: &str, place: ParamPlace) -> ExtraParam {
    ExtraParam { name: name.into(), value: "v".into(), place }
}

#[test]
fn as_database_keeps_url_id_secret_and_scope_and_drops_the_rest() {
    let oauth = OAuthSettings {
        token_url: "https://idp.example/connect/token".into(),
        client_id: "Te8yn-qGmBoX6jzpPhnUXA..".into(),
        client_secret: crate::secret::ClientSecret::new("s+cret%"),
        client_auth: ClientAuth::RequestBody,
        encode_credentials: true,
        scope: "read".into(),
        extra: vec![param("audience", ParamPlace::Body)],
    };
    let db = as_database(&oauth);
    assert_eq!(
        (db.token_url.as_str(), db.client_id.as_str(), db.scope.as_str()),
        (&*oauth.token_url, &*oauth.client_id, "read")
    );
    assert_eq!(db.client_secret.secret(), "s+cret%");
    assert_eq!((db.client_auth, db.encode_credentials, db.extra.len()), (ClientAuth::BasicHeader, false, 0));
}

#[test]
fn cannot_send_names_each_addition() {
    let mut oauth = OAuthSettings { client_auth: ClientAuth::RequestBody, ..Default::default() };
    oauth.extra = vec![
        param("audience", ParamPlace::Body),
        param("resource", ParamPlace::Body),
        param("v", ParamPlace::Query),
        param("posserial", ParamPlace::Header),
    ];
    assert_eq!(
        cannot_send(&oauth),
        [
            "the client credentials in the request body",
            "the token parameters audience, resource",
            "the query parameter v",
            "the request header posserial"
        ]
    );
    let encoded = OAuthSettings { encode_credentials: true, ..Default::default() };
    assert_eq!(cannot_send(&encoded), ["the client id and secret form-encoded before Base64"]);
    assert!(cannot_send(&OAuthSettings::default()).is_empty());
    assert_eq!(
        join_and(&cannot_send(&oauth)[..3]),
        "the client credentials in the request body, the token parameters audience, resource and the query parameter v"
    );
}

const URLS: [&str; 2] = ["https://idp.example/connect/token", "https://host.example/ords/hr/employees/"];

#[test]
fn an_acl_error_is_explained_with_the_sql_for_the_hosts() {
    let pasted = "ORA-29273: HTTP request failed\nORA-24247: network access denied by access control list (ACL)\n\
                  ORA-06512: at \"SYS.UTL_HTTP\", line 1530\nORA-24247: again";
    let found = explain(pasted, &URLS, None).unwrap();
    let codes: Vec<&str> = found.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["ORA-29273", "ORA-24247", "ORA-06512"]);
    assert_eq!(found[0].known, Some(OraCode::HttpRequestFailed));
    let sql = found[1].sql.as_deref().unwrap();
    assert!(sql.contains("sys.odcivarchar2list('idp.example', 'host.example')"), "{sql}");
    assert!(sql.contains("dbms_network_acl_admin.append_host_ace("));
    assert_eq!(found[2].known, None);
    assert_eq!(found[2].check, "Oracle's error reference for ORA-06512.");
    assert!(found.iter().all(|e| e.tied.is_none()));
}

#[test]
fn without_urls_the_acl_fix_says_where_to_enter_them() {
    let found = explain("ORA-24247", &["not a url"], None).unwrap();
    assert_eq!(found[0].sql, None);
    assert!(found[0].fix.ends_with("enter their URLs in the form to have it written here."));
}

#[test]
fn a_comparison_is_tied_in() {
    let verdict = "As the database sends it: 401 invalid_client. As you send it: a token.";
    let found = explain("ORA-20001: Authentication failed", &URLS, Some(verdict)).unwrap();
    assert_eq!(found[0].known, Some(OraCode::AuthenticationFailed));
    assert_eq!(found[0].tied.as_deref(), Some(format!("The comparison above: {verdict}").as_str()));
    let network = explain("ORA-29024: Certificate validation failure", &URLS, Some(verdict)).unwrap();
    assert!(network[0].tied.as_deref().unwrap().starts_with("This page got an answer from the token endpoint"));
    let unanswered = explain("ORA-29024", &URLS, Some("As the database sends it: no answer (x).")).unwrap();
    assert_eq!(unanswered[0].tied, None);
}

#[test]
fn hostile_pastes_are_bounded() {
    assert_eq!(explain("   \n", &URLS, None), Err(OraError::Empty));
    assert_eq!(explain("Authentication failed", &URLS, None), Err(OraError::NoCode));
    assert_eq!(explain("ORA-2000 ORA-abcde ORA-", &URLS, None), Err(OraError::NoCode));
    // A code past the first 64 KB is not read; multi-byte text at the cut does not panic.
    let long = format!("{}ORA-20001", "é".repeat(MAX_PASTE / 2));
    assert_eq!(explain(&long, &URLS, None), Err(OraError::NoCode));
    let many = "ORA-20001 ".repeat(100_000);
    assert_eq!(explain(&many, &URLS, None).unwrap().len(), 1);
    let markup = explain("<script>ORA-99999</script>", &URLS, None).unwrap();
    assert_eq!(markup[0].code, "ORA-99999");
}

#[test]
fn every_code_has_a_cause_a_check_and_a_fix() {
    for code in OraCode::ALL {
        let found = explain(code.key(), &URLS, None).unwrap();
        assert_eq!(found[0].known, Some(code));
        assert!(!found[0].cause.is_empty() && !found[0].check.is_empty() && !found[0].fix.is_empty());
    }
}

#[test]
fn a_code_in_lower_case_is_found_and_named_as_oracle_writes_it() {
    let found = explain("error: ora-20001: authentication failed; Ora-29273", &URLS, None).unwrap();
    let codes: Vec<&str> = found.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["ORA-20001", "ORA-29273"]);
    assert_eq!(found[0].known, Some(OraCode::AuthenticationFailed));
    assert_eq!(explain("ora-2000 only four digits", &URLS, None).unwrap_err(), OraError::NoCode);
}
