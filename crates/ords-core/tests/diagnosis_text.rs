//! The commands and SQL the diagnosis and the ORDS CORS note print are inert too: a shell
//! reads a printed `curl` as exactly its arguments, and SQL*Plus reads each printed SQL as the
//! same statements as for plain input, with the input whole inside a literal.

mod common;

use common::sqlplus;
use ords_core::{
    bearer_request, cors_fixes, cors_note, diagnose_run, AccessToken, ClientSecret, Exchange, Finding, HeldToken,
    HttpResponse, Inputs, Probe, Purpose, Received, ResourceCall, RunFacts, Step, TimedBy, TimelineEntry,
    TokenPlacement, TransportError,
};
use proptest::prelude::*;
use std::process::Command;

fn url_text() -> impl Strategy<Value = String> {
    let chars = "abc;$&'`\"()|<>*{}[]^!=+,@:~-._%/";
    let piece = prop_oneof![
        proptest::sample::select(vec![";touch$IFS/tmp/p", "$(id)", "'", "`id`", "a*/GRANT", "&x", "%0a"])
            .prop_map(str::to_owned),
        proptest::collection::vec(proptest::sample::select(chars.chars().collect::<Vec<_>>()), 1..5)
            .prop_map(|c| c.into_iter().collect::<String>()),
    ];
    proptest::collection::vec(piece, 1..4).prop_map(|p| p.concat())
}

fn id_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(vec!["x\n/\nGRANT DBA TO mallory;\n--", "'", "&a", "\n.\n", "\r\n\r\n", "é東"])
            .prop_map(str::to_owned),
        "[ -~]{1,6}",
    ];
    proptest::collection::vec(piece, 0..4).prop_map(|p| p.concat())
}

fn inputs(resource_url: &str, client_id: &str) -> Inputs {
    Inputs {
        page_origin: "http://127.0.0.1:8080".into(),
        token_url: "http://x.invalid/ords/demo/oauth/token".into(),
        resource_url: resource_url.into(),
        client_id: client_id.into(),
        client_secret: ClientSecret::new("s"),
        ..Default::default()
    }
}

fn resource(url: &str, result: Result<Received, TransportError>) -> TimelineEntry {
    let held = HeldToken::new(AccessToken::new("t"), String::new(), None, 0.0);
    let request = bearer_request(&ResourceCall::get(url), &held, &TokenPlacement::default()).expect("a valid call");
    TimelineEntry { purpose: Purpose::Resource, exchange: Exchange { step: Step::Resource, request, result } }
}

fn status(code: u16) -> Result<Received, TransportError> {
    let response = HttpResponse { status: code, reason: String::new(), headers: vec![], body: "{}".into() };
    Ok(Received { response, elapsed_ms: 1.0, timed_by: TimedBy::PageClock, received_at_ms: 0.0 })
}

/// Every SQL and fix the diagnosis prints for these inputs, for each failure it explains.
fn printed(url: &str, client_id: &str) -> (Vec<String>, Vec<String>) {
    let i = inputs(url, client_id);
    let facts = |probe| RunFacts { probe, token_expired: false };
    let failed = Err(TransportError::FetchFailed { detail: "TypeError: Failed to fetch".into() });
    let mut found: Vec<Finding> = Vec::new();
    for (result, probe) in [
        (failed.clone(), Probe::Unreachable),
        (failed, Probe::ReachableWithoutCors),
        (status(401), Probe::NotProbed),
        (status(403), Probe::NotProbed),
        (status(570), Probe::NotProbed),
    ] {
        found.extend(diagnose_run(&i, &[resource(url, result)], facts(probe)));
    }
    let mut sql: Vec<String> = found.iter().filter_map(|f| f.sql.clone()).filter(|s| !s.is_empty()).collect();
    let fixes = cors_fixes(&i.page_origin, url, client_id);
    sql.extend(fixes.module_sql);
    sql.push(fixes.client_sql);
    sql.extend(cors_note(&i.page_origin, url).sql);
    (sql, found.into_iter().map(|f| f.fix).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn printed_sql_keeps_input_inside_literals(path in url_text(), module in url_text(), id in id_text()) {
        let url = format!("http://x.invalid/ords/demo/{module}/{path}");
        prop_assume!(ords_core::HttpUrl::parse(&url).is_ok());
        let (sql, _) = printed(&url, &id);
        let (plain, _) = printed("http://x.invalid/ords/demo/m/p", "x");
        prop_assert_eq!(sql.len(), plain.len());
        for (text, plain_text) in sql.iter().zip(&plain) {
            let (skeleton, values) = sqlplus::shape(text);
            prop_assert_eq!(skeleton, sqlplus::shape(plain_text).0, "{}", text);
            if plain_text.contains("'x'") {
                prop_assert!(values.contains(&id), "{:?} whole in a literal of {}", id, text);
            }
        }
    }
}

/// What a shell passes to `curl` for a printed command.
fn curl_args(command: &str) -> Vec<String> {
    let script = format!("curl() {{ printf '%s\\0' \"$@\"; }}\n{command}\n");
    let out = Command::new("bash").arg("-c").arg(script).output().expect("bash");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().split('\0').filter(|a| !a.is_empty()).map(str::to_owned).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_printed_curl_is_exactly_its_arguments(path in url_text()) {
        let url = format!("http://x.invalid/{path}");
        prop_assume!(ords_core::HttpUrl::parse(&url).is_ok());
        let (_, fixes) = printed(&url, "x");
        let fix = fixes.iter().find(|f| f.contains("curl -i")).expect("the unreachable fix names a command");
        let command = &fix[fix.find("curl -i").unwrap()..];
        prop_assert_eq!(curl_args(command), vec!["-i".to_owned(), "-g".into(), url]);
    }
}

#[test]
fn the_issue_s_command_runs_nothing_when_pasted() {
    let url = "http://x.invalid/;touch$IFS/tmp/p";
    let (_, fixes) = printed(url, "x");
    let fix = fixes.iter().find(|f| f.contains("curl -i")).unwrap();
    assert_eq!(curl_args(&fix[fix.find("curl -i").unwrap()..]), ["-i", "-g", url]);
}
