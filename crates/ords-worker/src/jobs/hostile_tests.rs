//! Every job fed what a hostile server, file or link could put in it: each answers (an `ok` or
//! an `error`), none panics (the worker is built with `panic = "abort"`, so a panic would stop
//! the in-page simulator and the code generators until the helper restarts) and none hangs.

use super::answer;
use serde_json::{json, Value};

/// 100,000 nested arrays: past serde_json's depth limit.
fn deep() -> String {
    "[".repeat(100_000) + &"]".repeat(100_000)
}

/// An OpenAPI document with `n` paths, each with a long template.
fn many_paths(n: usize) -> String {
    let paths: serde_json::Map<String, Value> =
        (0..n).map(|i| (format!("/p{i}/{{a}}/{{b}}/{}", "{x".repeat(20)), json!({ "get": {} }))).collect();
    json!({ "openapi": "3.0.0", "servers": [{ "url": "https://h/ords/x/m/" }], "paths": paths }).to_string()
}

/// Arrays nested `depth` deep (within serde_json's limit, so it reaches the job's reader).
fn nested(depth: usize) -> Value {
    (0..depth).fold(json!([]), |inner, _| json!([inner]))
}

fn answers(job: Value) -> Value {
    let reply: Value = serde_json::from_str(&answer(&json!({ "id": 1, "job": job }).to_string(), None, 1.8e12, 0.25))
        .expect("every answer is JSON");
    assert_eq!(reply["id"], 1);
    assert!(reply.get("ok").is_some() || reply["error"].is_string(), "{reply:.200}");
    reply
}

/// Every kind of job, with each field it could have missing, or a huge text, a number or a
/// deep nesting in its place: an answer each time.
#[test]
fn every_job_kind_fed_anything_answers() {
    let huge = "h".repeat(1_000_000);
    let fields = [
        "method",
        "url",
        "headers",
        "body",
        "origin",
        "scenario",
        "lesson",
        "step",
        "evidence",
        "inputs",
        "timeline",
        "facts",
        "resource_url",
        "client_id",
        "token",
        "profile",
        "jwks",
        "pattern",
        "text",
        "status",
        "target",
        "config",
        "secrets",
        "page_origin",
    ];
    for kind in ords_core::helper::JobKind::ALL {
        answers(json!({ "do": kind.key() }));
        for filler in [json!(huge), json!(-1), nested(100), json!(null)] {
            let mut job = json!({ "do": kind.key() });
            for f in fields {
                job[f] = filler.clone();
            }
            answers(job);
        }
    }
}

#[test]
fn malformed_messages_get_an_error_answer() {
    for message in ["", "not json", "[]", "{\"id\":1}", "{\"id\":1,\"job\":{\"do\":7}}", &deep()] {
        for text in [None, Some(deep())] {
            let reply: Value = serde_json::from_str(&answer(message, text, 0.0, 0.0)).unwrap();
            assert!(reply["error"].is_string(), "{message:.40}: {reply}");
        }
    }
}

#[test]
fn documents_from_a_server_or_a_file_never_break_a_job() {
    let huge = "x".repeat(5_000_000);
    let texts = [deep(), huge, many_paths(20_000), "{\"openapi\":1,\"paths\":[]}".into(), "\u{0}\u{feff}".into()];
    for text in &texts {
        for job in ["catalog_entries", "openapi_endpoints", "postman_import", "collection_page", "read_paste"] {
            answers(json!({ "do": job, "text": text }));
            // The same text sent apart, as the page sends it.
            let message = json!({ "id": 1, "job": { "do": job, "text": "" } }).to_string();
            let reply: Value = serde_json::from_str(&answer(&message, Some(text.clone()), 1.8e12, 0.25)).unwrap();
            assert_eq!(reply["id"], 1, "{job}: {reply:.200}");
        }
        answers(json!({ "do": "jwt_prefill", "token": text }));
        answers(json!({ "do": "jwt_check", "token": text, "profile": { "issuer": text }, "jwks": text }));
        answers(json!({ "do": "lesson_check", "lesson": "first-token", "step": text, "evidence": text }));
    }
    let listed = answers(json!({ "do": "openapi_endpoints", "text": many_paths(20_000) }));
    assert_eq!(listed["ok"]["endpoints"].as_array().unwrap().len(), ords_core::catalog::MAX_ENDPOINTS);
    // A JWT whose segments are huge or not base64 at all.
    let token = format!("{h}.{h}.{h}", h = "eyJ".repeat(1_000_000));
    answers(json!({ "do": "jwt_check", "token": token, "profile": {}, "jwks": { "keys": [] } }));
}

#[test]
fn requests_typed_or_followed_never_break_the_simulator() {
    let huge = "y".repeat(2_000_000);
    let urls = [
        "http://127.0.0.1:8181/ords/demo/hr/employees/?offset=18446744073709551615&limit=18446744073709551615",
        "http://127.0.0.1:8181/ords/demo/hr/employees/%FF%FE%00/?q=%",
        "http://[::1",
        "http://127.0.0.1:8181/ords/demo/oauth/token?grant_type=client_credentials",
        "",
    ];
    for url in urls {
        for method in ["GET", "POST", "OPTIONS", "DELETE", "G\u{0}T", ""] {
            let headers =
                json!([["Authorization", format!("Bearer {huge}")], ["Content-Type", "\u{1}"], ["Origin", "null"]]);
            let reply = answers(
                json!({ "do": "sim", "method": method, "url": url, "origin": "null", "headers": headers, "body": huge,
                        "scenario": huge }),
            );
            assert!(reply.get("ok").is_some(), "{url} {method}: {reply}");
        }
    }
    answers(json!({ "do": "sim_reset", "origin": huge, "scenario": huge }));
    answers(
        json!({ "do": "sim", "method": "GET", "url": urls[0], "origin": "http://127.0.0.1:8080", "headers": deep(),
                "body": "", "scenario": "" }),
    );
}

#[test]
fn settings_from_a_link_or_a_form_never_break_code_or_diagnosis() {
    // 240 KB per field (every field of a link at once); the jobs are linear in it.
    let huge = "z\n/\n'&\u{0}".repeat(20_000);
    let config = format!("token_url={huge}&resource_url={huge}&extra={huge}&jwt_issuer={huge}&method=POST");
    let code = |target: &str| {
        answers(json!({ "do": "code", "target": target, "config": config, "secrets": [huge, huge],
                        "headers": [[huge, huge]], "body": huge, "page_origin": huge }))
    };
    for target in ords_core::CodeTarget::ALL {
        assert!(code(target.key())["ok"]["text"].is_string(), "{target:?} writes its code");
    }
    // Names that are not targets are refused, never written as another target's code.
    for name in ["javascript", "setup_sql", "postman", "nope", huge.as_str()] {
        let reply = code(name);
        assert!(reply["error"].as_str().is_some_and(|e| e.starts_with("unknown code target")), "{reply:.200}");
    }
    for job in ["postman_export", "postman_environment"] {
        let reply = answers(json!({ "do": job, "config": config, "secrets": [huge, huge], "headers": [[huge, huge]],
                                    "body": huge, "page_origin": huge }));
        assert!(reply["ok"]["text"].is_string(), "{job}: {reply:.200}");
    }
    let inputs = json!({ "token_url": huge, "resource_url": huge, "client_id": huge, "token": huge, "now_s": -1,
                         "flow": huge, "extra_headers": true, "jwks": deep() });
    answers(json!({ "do": "diagnose_inputs", "inputs": inputs }));
    let exchange = json!({ "request": { "method": huge, "url": huge, "headers": [[huge, huge]], "body": huge },
                           "response": { "status": 70_000, "reason": huge, "headers": [[huge, huge]], "body": huge } });
    let timeline = json!([exchange, exchange, { "error": huge }, null, 7]);
    answers(json!({ "do": "diagnose_run", "inputs": inputs, "timeline": timeline, "facts": { "probe": huge } }));
    answers(json!({ "do": "cors_fixes", "origin": huge, "resource_url": huge, "client_id": huge }));
    answers(
        json!({ "do": "jwt_sql", "profile": { "issuer": huge, "audience": huge, "jwk_url": huge }, "pattern": huge }),
    );
}
